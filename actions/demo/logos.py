"""Sample partner logos for the demo, as SVG: an emblem in the organization's colour beside its
name set as a two-line wordmark, with "SAMPLE" under it and in the file's title, so nobody takes
an invented organization for a real one. Plain drawing only (shapes and text), which is all the
upload check (core/svg.py) lets editors' SVG files hold."""

import math
from xml.sax.saxutils import escape, quoteattr

from django.core.files.base import ContentFile

from home.models import CampaignImage

WIDTH, HEIGHT = 240, 96
WORDMARK_X, WORDMARK_ROOM = 100, 132  # the wordmark's left edge and the width it may take
# Bold upper-case sans serif runs about 0.7 em a letter; textLength then holds each line to
# its measured width whatever font the reader's system has, so nothing overflows the box.
LETTER_WIDTH = 0.7
FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif"


def _hex(colour: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def _emblem(emblem: str, colour: str, light: str) -> str:
    """The emblem in the 80 × 80 square at (8, 8)."""
    if emblem == "columns":
        columns = "".join(
            f'<rect x="{18 + 18 * n}" y="34" width="8" height="44"/>' for n in range(4)
        )
        return (
            f'<g fill="{colour}"><polygon points="8,30 48,8 88,30"/>{columns}'
            '<rect x="8" y="80" width="80" height="8"/></g>'
        )
    if emblem == "heart":
        return (
            f'<path fill="{colour}" d="M48 84C20 64 10 50 14 35C18 20 38 16 48 32'
            'C58 16 78 20 82 35C86 50 76 64 48 84Z"/>'
        )
    if emblem == "star":
        points = []
        for n in range(10):
            radius = 38 if n % 2 == 0 else 16
            angle = math.pi / 2 + n * math.pi / 5
            points.append(
                f"{48 + radius * math.cos(angle):.1f},{48 - radius * math.sin(angle):.1f}"
            )
        return f'<polygon fill="{colour}" points="{" ".join(points)}"/>'
    if emblem == "rings":
        return (
            f'<circle cx="48" cy="48" r="36" fill="none" stroke="{colour}" stroke-width="8"/>'
            f'<circle cx="48" cy="48" r="18" fill="{light}"/>'
            f'<circle cx="48" cy="48" r="9" fill="{colour}"/>'
        )
    # a bridge
    pillars = "".join(f'<rect x="{x}" y="44" width="6" height="44"/>' for x in (24, 45, 66))
    return (
        f'<path d="M10 62Q48 6 86 62" fill="none" stroke="{colour}" stroke-width="7"/>'
        f'<g fill="{colour}"><rect x="8" y="60" width="80" height="7"/>{pillars}</g>'
    )


def logo_svg(name: str, colour: tuple[int, int, int], emblem: str) -> str:
    """The logo's SVG text: 240 × 96, the size the organizations list shows it at."""
    ink = _hex(colour)
    light = _hex(tuple(min(255, c + 150) for c in colour))
    words = name.upper().split()
    half = len(words) // 2 + len(words) % 2
    lines = [" ".join(words[:half]), " ".join(words[half:])]
    size = min(22, WORDMARK_ROOM / (LETTER_WIDTH * max(len(line) for line in lines)))
    text = "".join(
        f'<text x="{WORDMARK_X}" y="{18 + size + n * (size + 4):.1f}" '
        f'textLength="{min(WORDMARK_ROOM, LETTER_WIDTH * size * len(line)):.1f}" '
        f'lengthAdjust="spacingAndGlyphs">{escape(line)}</text>'
        for n, line in enumerate(lines)
        if line
    )
    title = f"Sample logo: {name}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label={quoteattr(title)}>'
        f"<title>{escape(title)}</title>"
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>'
        f"{_emblem(emblem, ink, light)}"
        f'<g font-family="{FONT}" font-weight="700" font-size="{size:.1f}" fill="{ink}">'
        f"{text}</g>"
        f'<text x="{WORDMARK_X}" y="86" font-family="{FONT}" font-size="11" fill="#595959" '
        'letter-spacing="2">SAMPLE</text>'
        "</svg>\n"
    )


def sample_logo(name: str, colour: tuple[int, int, int], emblem: str) -> CampaignImage:
    """A new image in the library holding the organization's sample logo."""
    slug = name.lower().replace(" ", "-")
    return CampaignImage.objects.create(
        title=f"{name} logo (sample)",
        alt_text=f"Logo of {name} (sample)",
        credit="Sample image",
        licence="Sample content",
        file=ContentFile(logo_svg(name, colour, emblem).encode(), name=f"logo-{slug}.svg"),
    )
