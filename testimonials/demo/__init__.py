"""Demo content for testimonials/: the wall, the add-your-voice page and twenty invented sample
voices (seventeen published, in English with Spanish translations; three waiting in the
moderation queue, one of them sent in Spanish). Every person here is made up."""

from django.utils.text import slugify
from wagtail.models import Locale

from core.demo_content import Phrasebook, child_page, ensure_translated
from core.localization import translate
from home.demo import tr as home_phrasebook
from home.models import HomePage
from testimonials.demo.voices import (
    DISTRICT_SAMPLE_ZIP,
    DISTRICT_SAMPLES,
    PUBLISHED,
    QUEUED,
    QUEUED_SPANISH,
)
from testimonials.models import (
    AddYourVoicePage,
    TestimonialIndexPage,
    TestimonialPage,
    VoiceSubmission,
)
from testimonials.moderation import quietly
from testimonials.submission import submit_voice

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


def _feature_on_home(home, spanish, stdout) -> None:
    """Put "voices from Texas" on the home page once, and sync its Spanish translation."""
    if any(block.block_type == "voices_from_state" for block in home.body):
        return
    home.body.append(("voices_from_state", {"heading": "", "state_code": "TX", "count": 3}))
    home.save_revision().publish()
    stdout.write("  added voices from Texas to the home page")
    if spanish is not None and home.has_translation(spanish):
        # The block has no text of its own; the home page's other segments are re-supplied.
        translate(home, "es", home_phrasebook.es)


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    spanish = Locale.objects.filter(language_code="es").first()
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        return
    wall = child_page(home, TestimonialIndexPage, WALL, stdout, show_in_menus=True)
    ensure_translated(wall, tr, stdout)
    add_voice = child_page(home, AddYourVoicePage, ADD_VOICE, stdout, wall=wall)
    ensure_translated(add_voice, tr, stdout)

    for entry in PUBLISHED:
        voice = child_page(wall, TestimonialPage, _voice_fields(entry), stdout)
        ensure_translated(voice, tr, stdout)
    for entry in DISTRICT_SAMPLES:
        voice = child_page(wall, TestimonialPage, _voice_fields(entry), stdout)
        ensure_translated(voice, tr, stdout)
        # The private row a voice sent through the form has: approved, with its ZIP code, no
        # email (samples email nobody).
        VoiceSubmission.objects.get_or_create(
            page=voice,
            defaults={
                "name_as_typed": entry[0],
                "zip_code": DISTRICT_SAMPLE_ZIP,
                "language": "en",
                "consent_text": ADD_VOICE["consent_text"],
                "status": VoiceSubmission.Status.PUBLISHED,
                "source": "demo-sample",
            },
        )
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
