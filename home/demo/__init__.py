"""Demo content for home/: the home page, the explainer, FAQ, about and privacy pages, footer
text and site settings, in English with Spanish translations made through wagtail-localize."""

import uuid
from io import BytesIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.models import Locale, Site

from core.demo_content import Phrasebook, child_page, ensure_translated
from home.models import CampaignImage, FooterText, HomePage, SiteSettings, StandardPage
from home.site_setup import ensure_home_page, ensure_locales

tr = Phrasebook()
NAMESPACE = uuid.UUID("5f0c1c9e-6d0b-4d8e-9a53-2f1f5e0f7a11")


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def list_items(*values) -> list[dict]:
    """ListBlock items in Wagtail's block format: wagtail-localize only extracts text from items
    that carry an id, so plain lists would stay untranslated."""
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid5(NAMESPACE, repr(value)))}
        for value in values
    ]


def paragraph(*pairs: tuple[str, str]) -> dict:
    return {"type": "paragraph", "value": tr.paragraphs(*pairs)}


HOME = {
    "title": tr("Home", "Inicio"),
    "slug": tr("home", "inicio"),
    "hero_heading": tr("No one is above the law", "Nadie está por encima de la ley"),
    "hero_text": tr(
        "Qualified immunity lets officials who violate your constitutional rights walk away "
        "without answering for it in court. Together we can end it, state by state and in Congress.",
        "La inmunidad calificada permite que los funcionarios que violan sus derechos "
        "constitucionales se libren de responder ante un tribunal. Juntos podemos acabar con ella, "
        "estado por estado y en el Congreso.",
    ),
    "hero_cta_label": tr("Learn what QI is", "Qué es la inmunidad calificada"),
    "search_description": tr(
        "A campaign to end qualified immunity in the United States: case stories, a state "
        "scorecard and ways to act.",
        "Una campaña para acabar con la inmunidad calificada en Estados Unidos: casos, una "
        "evaluación por estado y formas de actuar.",
    ),
}

EXPLAINER = {
    "title": tr("What is qualified immunity?", "¿Qué es la inmunidad calificada?"),
    "slug": tr("what-is-qualified-immunity", "que-es-la-inmunidad-calificada"),
    "introduction": tr(
        "A rule invented by judges, not written by Congress, that keeps people whose rights were "
        "violated from being compensated.",
        "Una regla inventada por los jueces, no escrita por el Congreso, que impide que las "
        "personas cuyos derechos fueron violados reciban una compensación.",
    ),
    "body": [
        heading(tr("Where it comes from", "De dónde viene")),
        paragraph(
            (
                "After the Civil War, Congress passed the Civil Rights Act of 1871 so that anyone "
                "whose constitutional rights were violated by a state or local official could sue.",
                "Después de la Guerra Civil, el Congreso aprobó la Ley de Derechos Civiles de 1871 "
                "para que cualquier persona cuyos derechos constitucionales fueran violados por un "
                "funcionario estatal o local pudiera demandar.",
            ),
            (
                "Starting in 1967 the Supreme Court narrowed that law with a defence it created "
                "itself: an official is immune unless an earlier court decision had already found "
                "nearly identical conduct unconstitutional.",
                "A partir de 1967, la Corte Suprema restringió esa ley con una defensa que ella "
                "misma creó: un funcionario es inmune salvo que un tribunal anterior ya haya "
                "declarado inconstitucional una conducta casi idéntica.",
            ),
        ),
        heading(tr("Why it matters", "Por qué importa")),
        paragraph(
            (
                "Courts often dismiss a case without deciding whether a right was violated, so no "
                "precedent is set and the next person harmed in the same way is turned away too.",
                "Los tribunales a menudo desestiman un caso sin decidir si se violó un derecho, así "
                "que no se crea precedente y la siguiente persona perjudicada de la misma forma "
                "también es rechazada.",
            ),
        ),
        {
            "type": "quote",
            "value": {
                "quote": tr(
                    "A right without a remedy is no right at all.",
                    "Un derecho sin remedio no es un derecho.",
                ),
                "attribution": tr(
                    "A principle as old as the Constitution",
                    "Un principio tan antiguo como la Constitución",
                ),
            },
        },
    ],
}

FAQ = {
    "title": tr("Frequently asked questions", "Preguntas frecuentes"),
    "slug": tr("faq", "preguntas-frecuentes"),
    "introduction": tr(
        "Short answers to what people ask us most.",
        "Respuestas breves a lo que más nos preguntan.",
    ),
    "body": [
        {
            "type": "faq",
            "value": {
                "title": "",
                "items": list_items(
                    {
                        "question": tr(
                            "Does ending qualified immunity put officers in jail?",
                            "¿Acabar con la inmunidad calificada envía a los agentes a la cárcel?",
                        ),
                        "answer": tr.paragraphs(
                            (
                                "No. It concerns civil lawsuits for money damages, not criminal "
                                "charges. It lets people who were harmed have their case heard.",
                                "No. Se trata de demandas civiles por daños, no de cargos penales. "
                                "Permite que las personas perjudicadas sean escuchadas.",
                            )
                        ),
                    },
                    {
                        "question": tr(
                            "Can states act without Congress?",
                            "¿Pueden actuar los estados sin el Congreso?",
                        ),
                        "answer": tr.paragraphs(
                            (
                                "Yes. A state can create its own right to sue for violations of "
                                "rights and bar qualified immunity as a defence, as Colorado did in "
                                "2020 and New Mexico in 2021.",
                                "Sí. Un estado puede crear su propio derecho a demandar por "
                                "violaciones de derechos y prohibir la inmunidad calificada como "
                                "defensa, como hizo Colorado en 2020 y Nuevo México en 2021.",
                            )
                        ),
                    },
                    {
                        "question": tr(
                            "Who pays when an officer loses a case?",
                            "¿Quién paga cuando un agente pierde un caso?",
                        ),
                        "answer": tr.paragraphs(
                            (
                                "Usually the employer indemnifies the officer. Good laws make sure "
                                "victims are fully compensated and that officers still face "
                                "consequences.",
                                "Normalmente el empleador indemniza al agente. Las buenas leyes "
                                "garantizan que las víctimas reciban una compensación completa y "
                                "que los agentes enfrenten consecuencias.",
                            )
                        ),
                    },
                ),
            },
        }
    ],
}

ABOUT = {
    "title": tr("About the campaign", "Sobre la campaña"),
    "slug": tr("about", "sobre-la-campana"),
    "introduction": tr(
        "Families, lawyers, faith leaders, veterans and officers working together to restore "
        "everyone's day in court.",
        "Familias, abogados, líderes religiosos, veteranos y agentes que trabajan juntos para "
        "devolver a todos su día ante el tribunal.",
    ),
    "body": [
        paragraph(
            (
                "We publish the stories of people denied justice, score every state on a nine-point "
                "rubric, and help supporters reach their legislators. This demo site contains "
                "sample content.",
                "Publicamos las historias de personas a quienes se les negó justicia, evaluamos a "
                "cada estado con una rúbrica de nueve puntos y ayudamos a que la gente llegue a sus "
                "legisladores. Este sitio de demostración contiene contenido de ejemplo.",
            )
        ),
    ],
}

PRIVACY = {
    "title": tr("Privacy policy", "Política de privacidad"),
    "slug": tr("privacy", "privacidad"),
    "introduction": tr(
        "What we collect when you act with us, why, and how long we keep it. (Sample policy.)",
        "Qué recopilamos cuando actúa con nosotros, por qué y durante cuánto tiempo lo "
        "conservamos. (Política de ejemplo.)",
    ),
    "body": [
        heading(tr("What we collect", "Qué recopilamos")),
        paragraph(
            (
                "Only what each form asks for: your name, email and ZIP code when you sign, and "
                "your words when you add your voice. We never sell or share it.",
                "Solo lo que pide cada formulario: su nombre, correo y código postal cuando firma, "
                "y sus palabras cuando añade su voz. Nunca lo vendemos ni lo compartimos.",
            )
        ),
        heading(tr("How long we keep it", "Cuánto tiempo lo conservamos")),
        paragraph(
            (
                "Signatures are anonymised a year after their petition or pledge closes: the "
                "count stays, your name and address go. We never store your internet address, "
                "only a coded fingerprint of it that stops floods of automated submissions.",
                "Las firmas se anonimizan un año después de que se cierra su petición o "
                "compromiso: el recuento se mantiene, pero su nombre y su dirección desaparecen. "
                "Nunca guardamos su dirección de internet, solo una huella cifrada que frena los "
                "envíos automáticos masivos.",
            )
        ),
        heading(tr("Your choices", "Sus opciones")),
        paragraph(
            (
                "Every email has an unsubscribe link, and you can ask us to delete everything we "
                "hold about your address at any time.",
                "Cada correo tiene un enlace para darse de baja, y puede pedirnos en cualquier "
                "momento que borremos todo lo que tenemos sobre su dirección.",
            )
        ),
    ],
}

FOOTER = tr(
    "A campaign to end qualified immunity. This is a demonstration site: people, signatures and "
    "voices shown are samples.",
    "Una campaña para acabar con la inmunidad calificada. Este es un sitio de demostración: las "
    "personas, firmas y voces que aparecen son ejemplos.",
)


def _home_page(stdout) -> HomePage:
    return ensure_home_page(stdout, HOME, "localhost", 80)


def ensure_admin(stdout) -> None:
    User = get_user_model()
    username = settings.DEMO_ADMIN_USERNAME
    if not User.objects.filter(username=username).exists():
        User.objects.create_superuser(
            username, email=f"{username}@localhost", password=settings.DEMO_ADMIN_PASSWORD
        )
        stdout.write(f"  created the admin user {username!r}")


def hero_illustration() -> CampaignImage:
    """The home page's hero: a courthouse front drawn in the campaign's blues (a generated
    picture, so the demo shows no real place or person), found by title once made."""
    title = "Sample illustration: a courthouse front"
    existing = CampaignImage.objects.filter(title=title).first()
    if existing is not None:
        return existing
    width, height = 1600, 700
    canvas = Image.new("RGB", (width, height), (11, 61, 145))  # --brand
    draw = ImageDraw.Draw(canvas)
    light, mid = (214, 226, 245), (120, 150, 200)
    left, right = 380, 1220
    draw.polygon([(left - 40, 230), (width // 2, 80), (right + 40, 230)], fill=light)
    draw.rectangle([left - 40, 230, right + 40, 262], fill=mid)
    columns = 8
    step = (right - left) / (columns - 1)
    for n in range(columns):
        x = left + n * step
        draw.rectangle([x - 26, 262, x + 26, 560], fill=light)
        draw.rectangle([x - 36, 262, x + 36, 280], fill=mid)
        draw.rectangle([x - 36, 542, x + 36, 560], fill=mid)
    for n in range(4):
        draw.rectangle(
            [left - 80 - 30 * n, 560 + 28 * n, right + 80 + 30 * n, 588 + 28 * n],
            fill=mid if n % 2 else light,
        )
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    return CampaignImage.objects.create(
        title=title,
        alt_text="A courthouse front with eight columns, drawn in blue",
        credit="",
        licence="Sample content, generated for the demo site",
        file=ImageFile(buffer, name="hero-courthouse.png"),
    )


def load(stdout) -> None:
    ensure_locales()
    ensure_admin(stdout)
    home = _home_page(stdout)
    pages = [
        child_page(home, StandardPage, fields, stdout, show_in_menus=True)
        for fields in (EXPLAINER, FAQ, ABOUT, PRIVACY)
    ]
    explainer, _faq, _about, privacy = pages
    if home.hero_cta_page_id is None or home.hero_image_id is None:
        home.hero_cta_page = home.hero_cta_page or explainer
        home.hero_image = home.hero_image or hero_illustration()
        home.save_revision().publish()
    ensure_translated(home, tr, stdout)
    for page in pages:
        ensure_translated(page, tr, stdout)

    english = Locale.objects.get(language_code="en")
    footer = FooterText.objects.filter(locale=english).first()
    if footer is None:
        footer = FooterText.objects.create(body=FOOTER, locale=english)
    ensure_translated(footer, tr, stdout)

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.privacy_page_id is None:
        site_settings.privacy_page = privacy
        site_settings.save()
