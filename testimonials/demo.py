"""Demo content for testimonials/: the wall, the add-your-voice page and twenty invented sample
voices (seventeen published, in English with Spanish translations; three waiting in the
moderation queue, one of them sent in Spanish). Every person here is made up."""

from django.utils.text import slugify
from wagtail.models import Locale

from home.demo_content import Phrasebook
from home.localization import translate
from home.models import HomePage
from testimonials.models import (
    AddYourVoicePage,
    TestimonialIndexPage,
    TestimonialPage,
    VoiceSubmission,
)
from testimonials.moderation import quietly
from testimonials.submission import Voice, submit_voice

tr = Phrasebook()

WALL = {
    "title": tr("Voices", "Voces"),
    "slug": tr("voices", "voces"),
    "introduction": tr(
        "Veterans, pastors, officers, lawyers, students and families who lost someone: people "
        "from every walk of life explain, in their own words, why no official should be above "
        "the law. (The voices on this demo site are invented samples.)",
        "Veteranos, pastores, agentes, abogados, estudiantes y familias que perdieron a alguien: "
        "personas de todos los ámbitos explican, con sus propias palabras, por qué ningún "
        "funcionario debe estar por encima de la ley. (Las voces de este sitio de demostración "
        "son ejemplos inventados).",
    ),
    "search_description": tr(
        "Why Americans from every walk of life want qualified immunity to end.",
        "Por qué estadounidenses de todos los ámbitos quieren acabar con la inmunidad calificada.",
    ),
}

ADD_VOICE = {
    "title": tr("Add your voice", "Añada su voz"),
    "slug": tr("add-your-voice", "anada-su-voz"),
    "introduction": tr(
        "Tell us, in a few sentences, why qualified immunity should end. A moderator reads "
        "every voice before it appears on the wall.",
        "Cuéntenos en unas frases por qué debe terminar la inmunidad calificada. Un moderador "
        "lee cada voz antes de que aparezca en el muro.",
    ),
    "consent_text": tr(
        "I agree that the campaign may publish my words, the name I chose to show, my "
        "profession, city, state and photo on this site and share them. My email address is "
        "never published; it is used only to tell me when my voice is published.",
        "Acepto que la campaña publique en este sitio, y comparta, mis palabras, el nombre que "
        "elegí mostrar, mi profesión, ciudad, estado y foto. Mi dirección de correo nunca se "
        "publica; solo se usa para avisarme cuando mi voz se publique.",
    ),
    "thank_you_heading": tr("Thank you for adding your voice", "Gracias por añadir su voz"),
    "thank_you_text": tr(
        "A moderator reads every voice before it appears on the wall. We will email you as soon "
        "as yours is published.",
        "Un moderador lee cada voz antes de que aparezca en el muro. Le escribiremos en cuanto "
        "la suya se publique.",
    ),
    "search_description": tr(
        "Tell the country why qualified immunity should end.",
        "Diga al país por qué debe terminar la inmunidad calificada.",
    ),
}

# (name shown, how, profession (en, es), city, state, category, quote (en, es), slug)
PUBLISHED = [
    (
        "Harold Brennan",
        "full",
        ("Retired civil engineer", "Ingeniero civil jubilado"),
        "Dayton",
        "OH",
        "other",
        (
            "I spent forty years signing off on bridges, knowing I would answer for every "
            "mistake. Officials who hold people's lives in their hands should carry the same "
            "responsibility.",
            "Pasé cuarenta años firmando puentes sabiendo que respondería por cada error. Los "
            "funcionarios que tienen vidas en sus manos deberían cargar con la misma "
            "responsabilidad.",
        ),
    ),
    (
        "Marisol",
        "first",
        ("Veteran, US Army", "Veterana del Ejército de EE. UU."),
        "El Paso",
        "TX",
        "veteran",
        (
            "I swore an oath to the Constitution, not to the people who ignore it. Nobody I "
            "served with asked to be shielded from the rules.",
            "Juré lealtad a la Constitución, no a quienes la ignoran. Nadie con quien serví pidió "
            "que lo protegieran de las reglas.",
        ),
    ),
    (
        "Rev. Thomas Okafor",
        "full",
        ("Pastor", "Pastor"),
        "Atlanta",
        "GA",
        "faith_leader",
        (
            "Every tradition I know teaches that those with power owe the most care to those "
            "without it. A rule that excuses the powerful in advance turns that teaching upside "
            "down.",
            "Todas las tradiciones que conozco enseñan que quien tiene poder debe el mayor "
            "cuidado a quien no lo tiene. Una regla que excusa de antemano al poderoso pone esa "
            "enseñanza al revés.",
        ),
    ),
    (
        "Dale Whitaker",
        "full",
        ("Retired police sergeant", "Sargento de policía jubilado"),
        "Houston",
        "TX",
        "law_enforcement",
        (
            "Good officers do not need a legal loophole. Accountability protects the public and "
            "the honest cops who have to work beside the few who break the rules.",
            "Los buenos agentes no necesitan un resquicio legal. Rendir cuentas protege al "
            "público y a los policías honestos que trabajan junto a los pocos que rompen las "
            "reglas.",
        ),
    ),
    (
        "Priya Raman",
        "full",
        ("Civil rights attorney", "Abogada de derechos civiles"),
        "Seattle",
        "WA",
        "lawyer",
        (
            "I have watched judges agree that a client's rights were violated and then dismiss "
            "the case anyway. A right that no court will enforce is only a suggestion.",
            "He visto a jueces reconocer que se violaron los derechos de un cliente y aun así "
            "desestimar el caso. Un derecho que ningún tribunal hace cumplir es solo una "
            "sugerencia.",
        ),
    ),
    (
        "Janet",
        "first",
        ("Mother", "Madre"),
        "Knoxville",
        "TN",
        "family",
        (
            "My son's case never reached a jury. All we wanted was for someone to look at what "
            "happened and say whether it was right.",
            "El caso de mi hijo nunca llegó a un jurado. Solo queríamos que alguien examinara lo "
            "ocurrido y dijera si estuvo bien.",
        ),
    ),
    (
        "Kevin Tran",
        "full",
        ("Law student", "Estudiante de derecho"),
        "Minneapolis",
        "MN",
        "student",
        (
            "In class we learn that the Civil Rights Act lets people sue officials who violate "
            "their rights. Then we learn the exception that swallowed the rule.",
            "En clase aprendemos que la Ley de Derechos Civiles permite demandar a los "
            "funcionarios que violan nuestros derechos. Después aprendemos la excepción que se "
            "tragó la regla.",
        ),
    ),
    (
        "",
        "anonymous",
        ("Nurse", "Enfermera"),
        "",
        "TX",
        "other",
        (
            "If I make an error at a patient's bedside, I am responsible. I do not understand why "
            "it should be different for someone carrying a badge and a gun.",
            "Si cometo un error junto a la cama de un paciente, soy responsable. No entiendo por "
            "qué debería ser distinto para alguien que lleva placa y arma.",
        ),
    ),
    (
        "Carmen Delgado",
        "full",
        ("Small business owner", "Dueña de un pequeño negocio"),
        "Albuquerque",
        "NM",
        "other",
        (
            "New Mexico showed that a state can open the courthouse door again. Other states "
            "can follow without waiting for Washington.",
            "Nuevo México demostró que un estado puede volver a abrir las puertas del tribunal. "
            "Otros estados pueden seguirlo sin esperar a Washington.",
        ),
    ),
    (
        "Samuel Greene",
        "full",
        ("Marine Corps veteran", "Veterano del Cuerpo de Marines"),
        "Asbury Park",
        "NJ",
        "veteran",
        (
            "We were held to a strict code of conduct in uniform. Those who serve at home should "
            "meet a standard at least as high.",
            "De uniforme nos exigían un código de conducta estricto. Quienes sirven en casa "
            "deberían cumplir una norma al menos igual de alta.",
        ),
    ),
    (
        "Rabbi Miriam Adler",
        "full",
        ("Rabbi", "Rabina"),
        "Brooklyn",
        "NY",
        "faith_leader",
        (
            "Justice, justice you shall pursue: the verse repeats the word because it matters "
            "twice as much when the one who did wrong holds authority.",
            "La justicia, la justicia perseguirás: el versículo repite la palabra porque importa "
            "el doble cuando quien hizo mal tiene autoridad.",
        ),
    ),
    (
        "Luis",
        "first",
        ("Teacher", "Maestro"),
        "Phoenix",
        "AZ",
        "other",
        (
            "I teach my students that the Constitution belongs to them. I would like that to "
            "still be true when they need it.",
            "Enseño a mis alumnos que la Constitución les pertenece. Me gustaría que siguiera "
            "siendo verdad cuando la necesiten.",
        ),
    ),
    (
        "Angela Brooks",
        "full",
        ("Public defender", "Defensora pública"),
        "Denver",
        "CO",
        "lawyer",
        (
            "Colorado's law has not stopped anyone from policing. It has given people a way to be "
            "heard when something goes wrong.",
            "La ley de Colorado no ha impedido que nadie haga su trabajo policial. Ha dado a la "
            "gente una forma de ser escuchada cuando algo sale mal.",
        ),
    ),
    (
        "",
        "anonymous",
        ("Former corrections officer", "Exfuncionario de prisiones"),
        "",
        "FL",
        "law_enforcement",
        (
            "I saw colleagues cross lines because they knew nothing would happen. Removing that "
            "certainty would change behaviour faster than any training course.",
            "Vi a compañeros cruzar límites porque sabían que no pasaría nada. Quitar esa "
            "certeza cambiaría la conducta más rápido que cualquier curso de formación.",
        ),
    ),
    (
        "Grace Liu",
        "full",
        ("Graduate student", "Estudiante de posgrado"),
        "San Diego",
        "CA",
        "student",
        (
            "My generation films everything, and still the videos end in dismissals. Evidence "
            "means nothing if the case is thrown out before anyone looks at it.",
            "Mi generación lo graba todo y aun así los videos terminan en desestimaciones. Las "
            "pruebas no sirven de nada si el caso se descarta antes de que alguien las mire.",
        ),
    ),
    (
        "Robert",
        "first",
        ("Brother of a victim", "Hermano de una víctima"),
        "Charleston",
        "SC",
        "family",
        (
            "We were told the officer was immune before we even understood what immunity meant. "
            "Families deserve a day in court, whatever the outcome.",
            "Nos dijeron que el agente era inmune antes de que entendiéramos qué significaba "
            "inmunidad. Las familias merecen un día ante el tribunal, sea cual sea el resultado.",
        ),
    ),
    (
        "Diane Foster",
        "full",
        ("Retired judge", "Jueza jubilada"),
        "Salt Lake City",
        "UT",
        "lawyer",
        (
            "Judges made this doctrine, and judges have questioned it. Legislatures do not have "
            "to wait for the courts to fix their own invention.",
            "Los jueces crearon esta doctrina y los jueces la han cuestionado. Los legisladores "
            "no tienen que esperar a que los tribunales corrijan su propio invento.",
        ),
    ),
]

QUEUED = [
    Voice(
        name="Walter Nguyen",
        name_shown="full",
        email="walter.sample@example.org",
        profession="Firefighter",
        city="Portland",
        state="OR",
        category="other",
        quote="Firefighters answer for what we do on every call. So should everyone with a badge.",
    ),
    Voice(
        name="Beatrice Hall",
        name_shown="first",
        email="beatrice.sample@example.org",
        profession="Student",
        city="Madison",
        state="WI",
        category="student",
        quote="I want to grow up in a country where the rules apply to everyone.",
    ),
]
QUEUED_SPANISH = Voice(
    name="Rosa Martínez",
    name_shown="first",
    email="rosa.sample@example.org",
    profession="Costurera",
    city="Las Cruces",
    state="NM",
    category="family",
    quote=(
        "Mi sobrino esperó años una respuesta que nunca llegó. Nadie debería estar por encima de "
        "la ley."
    ),
)


def _voice_fields(entry) -> dict:
    name, how, (profession, profession_es), city, state, category, (quote, quote_es) = entry
    tr(profession, profession_es)
    tr(quote, quote_es)
    who = name or "Anonymous supporter"
    title = tr(f"{who}, {profession}", f"{name or 'Simpatizante anónimo'}, {profession_es}")
    person = slugify(f"{who} {state}")
    slug = tr(f"sample-{person}", f"ejemplo-{person}")
    return {
        "title": title,
        "slug": slug,
        "name": name,
        "name_shown": how,
        "profession": profession,
        "city": city,
        "state_code": state,
        "category": category,
        "quote": quote,
        "language": "en",
        "is_sample": True,
        "consent_note": "Invented sample voice for the demo site.",
    }


def _page(model, parent, fields: dict, stdout, **extra):
    page = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if page is None:
        page = parent.add_child(instance=model(**fields, **extra))
        page.save_revision().publish()
        stdout.write(f"  created {page.title!r}")
    return page


def _translate(page, spanish, stdout) -> None:
    if spanish is not None and not page.has_translation(spanish):
        translate(page, "es", tr.es)
        stdout.write(f"  translated {page.title!r} into es")


def _feature_on_home(home, spanish, stdout) -> None:
    """Put "voices from Texas" on the home page once, and sync its Spanish translation."""
    if any(block.block_type == "voices_from_state" for block in home.body):
        return
    home.body.append(("voices_from_state", {"heading": "", "state_code": "TX", "count": 3}))
    home.save_revision().publish()
    stdout.write("  added voices from Texas to the home page")
    if spanish is not None and home.has_translation(spanish):
        from home.demo import tr as home_phrasebook

        # The block has no text of its own; the home page's other segments are re-supplied.
        translate(home, "es", home_phrasebook.es)


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    spanish = Locale.objects.filter(language_code="es").first()
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        return
    wall = _page(TestimonialIndexPage, home, WALL, stdout, show_in_menus=True)
    _translate(wall, spanish, stdout)
    add_voice = _page(AddYourVoicePage, home, ADD_VOICE, stdout, wall=wall)
    _translate(add_voice, spanish, stdout)

    for entry in PUBLISHED:
        voice = _page(TestimonialPage, wall, _voice_fields(entry), stdout)
        _translate(voice, spanish, stdout)
    _feature_on_home(home, spanish, stdout)

    # Waiting for a moderator: drafts in the workflow, as if sent through the form (a voice a
    # moderator has already handled is not sent again).
    spanish_wall = wall.get_translation_or_none(spanish) if spanish else None
    queue = [(voice, wall, "en", ADD_VOICE["consent_text"]) for voice in QUEUED]
    if spanish_wall is not None:
        queue.append((QUEUED_SPANISH, spanish_wall, "es", tr.es[ADD_VOICE["consent_text"]]))
    for voice, parent, language, consent in queue:
        if VoiceSubmission.objects.filter(name_as_typed=voice.name).exists():
            continue
        with quietly():
            page = submit_voice(voice, parent, language, consent, is_sample=True)
        stdout.write(f"  queued {page.title!r} for moderation")
