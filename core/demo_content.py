"""Helpers for the apps' demo modules: write each string once in English and Spanish, side by
side, and hand the pairs to wagtail-localize; create a page once and translate it once, so
`manage.py demo` can run again and change nothing."""

from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils.html import escape
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Locale
from wagtail_localize.strings import StringValue, extract_strings

from core.localization import translate

IMAGE_SIZE = (1200, 630)


class Phrasebook:
    """Collects English→Spanish pairs while demo content is written in English."""

    def __init__(self) -> None:
        self.es: dict[str, str] = {}

    def __call__(self, en: str, es: str) -> str:
        self.es[en] = es
        return en

    def paragraphs(self, *pairs: tuple[str, str]) -> str:
        """Rich text of plain paragraphs. Each pair is keyed exactly as wagtail-localize stores
        the segment (it keeps quotes unescaped: men's, not men&#x27;s)."""
        html = []
        for en, es in pairs:
            source, target = f"<p>{escape(en)}</p>", f"<p>{escape(es)}</p>"
            for (en_string, _attrs), (es_string, _attrs_es) in zip(
                extract_strings(source)[1], extract_strings(target)[1], strict=True
            ):
                self.es[en_string.data] = es_string.data
            html.append(source)
        return "".join(html)

    def plaintext(self, en: str, es: str) -> str:
        """Plain text over several lines (a TextField): wagtail-localize stores it as one
        segment, escaped, with <br> for each line break; key it the same way."""
        self.es[StringValue.from_plaintext(en).data] = StringValue.from_plaintext(es).data
        return en


def child_page(parent, model, fields: dict, stdout, **extra):
    """The child of `parent` with this slug, created and published if it is missing."""
    page = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if page is None:
        page = parent.add_child(instance=model(**fields, **extra))
        page.save_revision().publish()
        page.refresh_from_db()
        stdout.write(f"  created {fields['title']!r}")
    return page


def ensure_translated(instance, phrasebook: Phrasebook, stdout) -> None:
    """Translate a page or snippet into every other language once (Spanish from the
    phrasebook); an existing translation is left as it is."""
    for code, _name in settings.LANGUAGES:
        if code == instance.locale.language_code:
            continue
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or instance.has_translation(locale):
            continue
        translate(instance, code, phrasebook.es if code == "es" else {})
        stdout.write(f"  translated {instance!s} into {code}")


def illustration(
    title: str,
    lines: list[str],
    colour: tuple[int, int, int],
    size: tuple[int, int] = IMAGE_SIZE,
) -> AbstractImage:
    """A plain card with the given words on it, created once and found by title afterwards.
    Illustrations are generated rather than photos: demo content must not show real people."""
    CampaignImage = get_image_model()
    existing = CampaignImage.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(canvas)
    big, small = ImageFont.load_default(size=76), ImageFont.load_default(size=40)
    top = size[1] // 2 - 95
    draw.text((80, top), lines[0], font=big, fill=(255, 255, 255))
    for number, line in enumerate(lines[1:]):
        draw.text((80, top + 120 + 60 * number), line, font=small, fill=(255, 255, 255))
    buffer = BytesIO()
    canvas.save(buffer, format="PNG")
    image = CampaignImage(
        title=title,
        alt_text=", ".join(lines),
        credit="",  # a credit is shown as is, untranslated; the licence says it is a sample
        licence="Sample content, generated for the demo site",
        file=ImageFile(buffer, name=f"{slugify(title)[:60]}.png"),
    )
    image.save()
    return image
