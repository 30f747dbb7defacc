"""Demo content for the thank-you pages' next ask (Settings → After acting): a share kit of two
sample graphics and three texts in English and Spanish, a sample donate link (example.org, so
that nothing real is charged) and the letter to Congress as the action to take next."""

from wagtail.models import Locale, Site

from actions.models import AfterActing, PetitionPage, ShareKit
from actions.models.letters import LetterPage
from actions.signing import public_url
from core.demo_content import Phrasebook, ensure_translated, illustration

tr = Phrasebook()

DONATE_URL = "https://donate.example.org/end-qualified-immunity"
KIT_TITLE = tr("Get the word out", "Corra la voz")


def _texts(petition_url: str, petition_url_es: str) -> list[tuple[str, str]]:
    return [
        (
            tr("A post for Facebook", "Una publicación para Facebook"),
            tr(
                f"I just signed the petition to end qualified immunity. When officials violate "
                f"someone's rights, the courts should hear the case. Add your name: "
                f"{petition_url}",
                f"Acabo de firmar la petición para acabar con la inmunidad calificada. Cuando "
                f"un funcionario viola los derechos de alguien, los tribunales deben escuchar "
                f"el caso. Sume su nombre: {petition_url_es}",
            ),
        ),
        (
            tr("A short post for X or Bluesky", "Una publicación breve para X o Bluesky"),
            tr(
                f"No one should be above the law. I signed to end qualified immunity: "
                f"{petition_url}",
                f"Nadie debe estar por encima de la ley. Firmé para acabar con la inmunidad "
                f"calificada: {petition_url_es}",
            ),
        ),
        (
            tr("A text to a friend", "Un mensaje para una amistad"),
            tr(
                f"Hi! I signed a petition asking Congress to end qualified immunity. It takes "
                f"a minute, would you sign too? {petition_url}",
                f"¡Hola! Firmé una petición que pide al Congreso acabar con la inmunidad "
                f"calificada. Toma un minuto, ¿firmarías tú también? {petition_url_es}",
            ),
        ),
    ]


def _kit(english: Locale, petition: PetitionPage, stdout) -> ShareKit:
    kit = ShareKit.objects.filter(locale=english, title=KIT_TITLE).first()
    if kit is not None:
        return kit
    spanish_petition = petition.get_translations().filter(locale__language_code="es").first()
    url = public_url(petition)
    url_es = public_url(spanish_petition) if spanish_petition else url
    wide = illustration(
        "Sample share image: No one is above the law",
        ["No one is above the law", "Nadie está por encima de la ley", "Sample graphic / Ejemplo"],
        (7, 42, 102),
    )
    square = illustration(
        "Sample square post: End qualified immunity",
        ["End qualified immunity", "Acabemos con la inmunidad", "calificada", "Sample / Ejemplo"],
        (114, 28, 22),
        size=(1080, 1080),
    )
    items = [
        (
            "image",
            {
                "image": wide,
                "alt_text": tr(
                    "“No one is above the law” in English and Spanish, on a blue card.",
                    "«Nadie está por encima de la ley» en inglés y en español, sobre fondo azul.",
                ),
                "caption": tr("For links and posts", "Para enlaces y publicaciones"),
            },
        ),
        (
            "image",
            {
                "image": square,
                "alt_text": tr(
                    "“End qualified immunity” in English and Spanish, on a red square.",
                    "«Acabemos con la inmunidad calificada» en inglés y en español, sobre un "
                    "cuadrado rojo.",
                ),
                "caption": tr("For Instagram, square", "Para Instagram, cuadrada"),
            },
        ),
    ] + [("text", {"label": label, "text": text}) for label, text in _texts(url, url_es)]
    kit = ShareKit.objects.create(
        locale=english,
        title=KIT_TITLE,
        introduction=tr(
            "Download a graphic or copy a text, then post it where your friends will see it. "
            "(Sample kit on the demo site.)",
            "Descargue una imagen o copie un texto y publíquelo donde lo vean sus amistades. "
            "(Kit de ejemplo del sitio de demostración.)",
        ),
        items=items,
    )
    stdout.write(f"  created the share kit {kit.title!r}")
    return kit


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    petition = PetitionPage.objects.filter(locale=english).order_by("path").first()
    if petition is None:
        return
    kit = _kit(english, petition, stdout)
    ensure_translated(kit, tr, stdout)
    settings = AfterActing.for_site(Site.objects.get(is_default_site=True))
    if settings.pk is None or not (settings.donate_url or settings.share_kit_id):
        settings.donate_url = DONATE_URL
        settings.share_kit = kit
        settings.next_action = LetterPage.objects.filter(locale=english).order_by("path").first()
        settings.save()
        stdout.write("  set the thank-you pages' next ask (Settings → After acting)")
