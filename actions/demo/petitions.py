"""Demo content for petitions and pledges: five sample partner organizations, the petition to
Congress and a pledge in English and Spanish, and a few hundred sample signatures spread over
the last 30 days (so the count, the chart and the recent signers show something). Every
organization and signer is invented and marked as a sample."""

import random
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale, Site

from actions.demo.logos import sample_logo
from actions.models import Organization, PetitionOrganization, PetitionPage, PledgePage, Signature
from core.demo_content import Phrasebook
from core.localization import translate
from home.models import HomePage, SiteSettings
from states.congress import state_for_zip

tr = Phrasebook()

# Names are kept short and need no translation; descriptions are translated.
ORGANIZATIONS = [
    {
        "name": "Open Courts Project",
        "emblem": "columns",
        "source_code": "open-courts",
        "colour": (11, 61, 145),
        "description": tr(
            "Sample organization: volunteer lawyers who help families bring civil rights cases.",
            "Organización de ejemplo: abogados voluntarios que ayudan a las familias a presentar "
            "demandas de derechos civiles.",
        ),
    },
    {
        "name": "Mothers for Answers",
        "emblem": "heart",
        "source_code": "mothers-answers",
        "colour": (163, 35, 27),
        "description": tr(
            "Sample organization: parents who lost children to police violence, pressing for "
            "accountability.",
            "Organización de ejemplo: madres y padres que perdieron a sus hijos por la violencia "
            "policial y exigen rendición de cuentas.",
        ),
    },
    {
        "name": "Veterans for Rights",
        "emblem": "star",
        "source_code": "veterans-rights",
        "colour": (27, 107, 58),
        "description": tr(
            "Sample organization: people who swore to defend the Constitution, defending it at "
            "home.",
            "Organización de ejemplo: personas que juraron defender la Constitución y la "
            "defienden en casa.",
        ),
    },
    {
        "name": "Faith in Justice",
        "emblem": "rings",
        "source_code": "faith-justice",
        "colour": (92, 45, 145),
        "description": tr(
            "Sample organization: congregations of many faiths organizing for equal justice.",
            "Organización de ejemplo: congregaciones de muchas religiones que se organizan por "
            "una justicia igual para todos.",
        ),
    },
    {
        "name": "Civic Bridge Network",
        "emblem": "bridge",
        "source_code": "civic-bridge",
        "colour": (120, 72, 0),
        "description": tr(
            "Sample organization: a network of neighbourhood groups that register and inform "
            "voters.",
            "Organización de ejemplo: una red de grupos vecinales que inscribe e informa a los "
            "votantes.",
        ),
    },
]


def paragraph(*pairs) -> dict:
    return {"type": "paragraph", "value": tr.paragraphs(*pairs)}


PETITION = {
    "title": tr(
        "Tell Congress: end qualified immunity",
        "Dígale al Congreso: acabe con la inmunidad calificada",
    ),
    "slug": tr("petition-to-congress", "peticion-al-congreso"),
    "target": tr("U.S. Congress", "Congreso de EE. UU."),
    "introduction": tr(
        "Officials who violate people's constitutional rights too often walk away untouched. "
        "Congress can change that with one law.",
        "Con demasiada frecuencia, los funcionarios que violan los derechos constitucionales de "
        "las personas quedan impunes. El Congreso puede cambiarlo con una sola ley.",
    ),
    "body": [
        paragraph(
            (
                "Qualified immunity is a rule made by judges, not by Congress. It blocks many "
                "lawsuits against police officers and other officials who used excessive force or "
                "broke the Constitution, unless an almost identical case was decided before.",
                "La inmunidad calificada es una regla creada por los jueces, no por el Congreso. "
                "Bloquea muchas demandas contra agentes de policía y otros funcionarios que "
                "usaron fuerza excesiva o violaron la Constitución, salvo que antes se haya "
                "decidido un caso casi idéntico.",
            ),
            (
                "The cost falls hardest on Black, Latino and Native communities, who are far more "
                "likely to be harmed by police. Families are left without answers and without "
                "a day in court.",
                "El costo recae sobre todo en las comunidades negras, latinas e indígenas, que "
                "tienen muchas más probabilidades de sufrir daños a manos de la policía. Las "
                "familias se quedan sin respuestas y sin su día ante el tribunal.",
            ),
            (
                "We ask Congress to pass the Ending Qualified Immunity Act, so that anyone whose "
                "rights are violated by a state or local official can seek justice. No one is "
                "above the law.",
                "Pedimos al Congreso que apruebe la Ley para Acabar con la Inmunidad Calificada, "
                "para que toda persona cuyos derechos viole un funcionario estatal o local pueda "
                "buscar justicia. Nadie está por encima de la ley.",
            ),
        ),
    ],
    "goal": 500,
    "consent_text": tr(
        "We will email you to confirm your signature and tell you when it is delivered. We never "
        "share your address. (Demo site: signatures here are samples.)",
        "Le enviaremos un correo para confirmar su firma y avisarle cuando se entregue. Nunca "
        "compartimos su dirección. (Sitio de demostración: las firmas son de ejemplo.)",
    ),
    "thank_you_heading": tr("Thank you for signing", "Gracias por firmar"),
    "thank_you_text": tr(
        "Your signature is counted. Ask two friends to sign too: that is how petitions grow.",
        "Su firma está contada. Pida a dos amistades que también firmen: así crecen las "
        "peticiones.",
    ),
    "share_text": tr(
        "I signed: Congress must end qualified immunity.",
        "Firmé: el Congreso debe acabar con la inmunidad calificada.",
    ),
    "search_description": tr(
        "Sign the petition asking Congress to pass the Ending Qualified Immunity Act.",
        "Firme la petición que pide al Congreso aprobar la Ley para Acabar con la Inmunidad "
        "Calificada.",
    ),
}

PLEDGE = {
    "title": tr("Pledge to ask every candidate", "Comprométase a preguntar a cada candidato"),
    "slug": tr("candidate-pledge", "compromiso-candidatos"),
    "introduction": tr(
        "Elections are when officials listen. Promise to ask where candidates stand on "
        "qualified immunity before you vote.",
        "En las elecciones, los funcionarios escuchan. Prometa preguntar qué opinan los "
        "candidatos sobre la inmunidad calificada antes de votar.",
    ),
    "promise": tr(
        "I pledge to ask every candidate on my ballot whether they will work to end qualified "
        "immunity, and to share their answers with my neighbours.",
        "Me comprometo a preguntar a cada candidato de mi boleta si trabajará para acabar con la "
        "inmunidad calificada, y a compartir sus respuestas con mis vecinos.",
    ),
    "body": [
        paragraph(
            (
                "A question asked in public, at a town hall or a candidate forum, makes an issue "
                "impossible to ignore. Ten people asking makes it a campaign issue.",
                "Una pregunta hecha en público, en una asamblea o un foro de candidatos, hace que "
                "un tema no se pueda ignorar. Diez personas preguntando lo convierten en tema de "
                "campaña.",
            ),
        ),
    ],
    "goal": 100,
    "consent_text": tr(
        "We will email you a short guide to asking candidates. We never share your address. "
        "(Demo site: pledges here are samples.)",
        "Le enviaremos una breve guía para preguntar a los candidatos. Nunca compartimos su "
        "dirección. (Sitio de demostración: los compromisos son de ejemplo.)",
    ),
    "thank_you_heading": tr("Thank you for your pledge", "Gracias por su compromiso"),
    "thank_you_text": tr(
        "Look out for our guide in your inbox. Then invite a friend to make the same promise.",
        "Busque nuestra guía en su correo. Luego invite a alguien a hacer la misma promesa.",
    ),
    "share_text": tr(
        "I pledged to ask every candidate about qualified immunity.",
        "Me comprometí a preguntar a cada candidato sobre la inmunidad calificada.",
    ),
    "search_description": tr(
        "Pledge to ask every candidate whether they will end qualified immunity.",
        "Comprométase a preguntar a cada candidato si acabará con la inmunidad calificada.",
    ),
}

FIRST_NAMES = [
    "Ana", "Luis", "Maya", "Omar", "Grace", "Diego", "Lena", "Marcus", "Rosa", "Tariq",
    "Helen", "Jamal", "Sofía", "Eli", "Priya", "Carmen", "Noah", "Keisha", "Pablo", "June",
]  # fmt: skip
LAST_NAMES = [
    "Sample", "Rivera", "Okafor", "Nguyen", "Brooks", "Morales", "Hughes", "Castillo",
    "Bennett", "Diaz", "Kim", "Walker", "Reyes", "Foster", "Ortiz",
]  # fmt: skip
ZIP_CODES = [
    "10027", "60615", "77004", "30310", "94110", "48204", "19104", "70117", "85006",
    "98118", "55411", "63106", "20019", "87102", "80205", "33127", "02119", "37208",
]  # fmt: skip
SOURCES = ["", "", "", "email-launch", "share-facebook", "open-courts", "mothers-answers"]
# The landing address's tags (core/attribution.py) for a signature from the launch email, and
# for some without a source code, from a sample post.
LAUNCH_EMAIL_TAGS = {"utm_source": "newsletter", "utm_medium": "email", "utm_campaign": "launch"}
POST_TAGS = {
    "utm_source": "instagram",
    "utm_medium": "social",
    "utm_campaign": "sylvia-gonzalez-story",
}


def _is_sample_png(logo) -> bool:
    return logo is not None and not logo.is_svg() and logo.title.endswith("(sample)")


def _organizations(english: Locale, stdout) -> list[Organization]:
    organizations = []
    for data in ORGANIZATIONS:
        organization = Organization.objects.filter(locale=english, name=data["name"]).first()
        if organization is None:
            organization = Organization.objects.create(
                locale=english,
                name=data["name"],
                description=data["description"],
                source_code=data["source_code"],
                link=f"https://{data['source_code']}.example.org/",
                logo=sample_logo(data["name"], data["colour"], data["emblem"]),
            )
            stdout.write(f"  created the sample organization {organization.name!r}")
        elif _is_sample_png(organization.logo):
            # A demo built before the logos were SVG: its sample PNG gives way, in every
            # language (a logo an editor chose stays).
            old = organization.logo
            new = sample_logo(data["name"], data["colour"], data["emblem"])
            Organization.objects.filter(logo=old).update(logo=new)
            old.delete()
            organization.logo = new
            stdout.write(f"  drew {organization.name!r}'s sample logo as SVG")
        organizations.append(organization)
    return organizations


def _action_page(home: HomePage, model, fields: dict, stdout, organizations=()):
    page = model.objects.child_of(home).filter(slug=fields["slug"]).first()
    if page is None:
        page = home.add_child(instance=model(**fields))
        for organization in organizations:
            PetitionOrganization.objects.create(page=page, organization=organization)
        page.save_revision().publish()
        stdout.write(f"  created {page.title!r}")
    return page


def _signatures(page, spanish_page, count: int, seed: str, stdout) -> None:
    """Sample signatures spread over the last 30 days, busier lately, in both languages."""
    if Signature.objects.filter(action_key=page.translation_key).exists():
        return
    rng = random.Random(seed)
    # Its own sequence, so that the names, places and dates stay what they were before tags.
    tags_rng = random.Random(f"{seed}-tags")
    now = timezone.now()
    rows = []
    for n in range(count):
        spanish = spanish_page is not None and rng.random() < 0.3
        zip_code = rng.choice(ZIP_CODES)
        # A square root skews the ages toward recent days, like a campaign gathering pace.
        age = timedelta(days=30 * rng.random() ** 2, minutes=rng.randint(0, 600))
        first_name, last_name = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        source = rng.choice(SOURCES)
        tags = {}
        if source == "email-launch":
            tags = LAUNCH_EMAIL_TAGS
        elif not source and tags_rng.random() < 0.3:
            tags = POST_TAGS
        rows.append(
            Signature(
                action=spanish_page if spanish else page,
                action_key=page.translation_key,
                first_name=first_name,
                last_name=last_name,
                email=f"sample-{seed}-{n}@example.org",
                zip_code=zip_code,
                state=state_for_zip(zip_code),
                language="es" if spanish else "en",
                source=source,
                **tags,
                consent_text=(spanish_page if spanish else page).consent_text,
                public=rng.random() < 0.6,
                newsletter=rng.random() < 0.4,
                created_at=now - age,
            )
        )
    Signature.objects.bulk_create(rows)
    stdout.write(f"  added {count} sample signatures to {page.title!r}")


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    spanish = Locale.objects.filter(language_code="es").first()
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        return
    organizations = _organizations(english, stdout)
    if spanish is not None:
        for organization in organizations:
            if not organization.has_translation(spanish):
                translate(organization, "es", tr.es)
    petition = _action_page(home, PetitionPage, PETITION, stdout, organizations)
    pledge = _action_page(home, PledgePage, PLEDGE, stdout)
    translated = {}
    for page in (petition, pledge):
        if spanish is not None and not page.has_translation(spanish):
            translate(page, "es", tr.es)
            stdout.write(f"  translated {page.title!r} into es")
        translated[page.pk] = page.get_translation_or_none(spanish) if spanish else None
    _signatures(petition, translated[petition.pk], 320, "petition", stdout)
    _signatures(pledge, translated[pledge.pk], 140, "pledge", stdout)
    # Every story, news item and state page ends with the main petition unless it chooses.
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.default_next_step_id is None:
        site_settings.default_next_step = petition
        site_settings.save()
