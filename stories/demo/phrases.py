"""The English→Spanish phrasebook every stories demo module writes into."""

from urllib.parse import quote

from django.utils.html import escape
from wagtail_localize.strings import extract_strings

from home.demo_content import Phrasebook


class SegmentPhrasebook(Phrasebook):
    """Keys rich-text paragraphs exactly as wagtail-localize stores their segments.

    home's Phrasebook keys them by escape(text), but wagtail-localize keeps quotes unescaped
    (men's, not men&#x27;s), so a paragraph with an apostrophe found no translation.
    """

    def paragraphs(self, *pairs: tuple[str, str]) -> str:
        html = []
        for en, es in pairs:
            source, target = f"<p>{escape(en)}</p>", f"<p>{escape(es)}</p>"
            for (en_string, _a), (es_string, _b) in zip(
                extract_strings(source)[1], extract_strings(target)[1], strict=True
            ):
                self.es[en_string.data] = es_string.data
            html.append(source)
        return "".join(html)


tr = SegmentPhrasebook()


def paragraph(*pairs: tuple[str, str]) -> dict:
    return {"type": "paragraph", "value": tr.paragraphs(*pairs)}


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def courtlistener(case_name: str) -> dict:
    """A search for the case's opinions on CourtListener (Free Law Project): a link that keeps
    working as opinions are added, rather than a guessed address for one document."""
    return {
        "type": "source",
        "value": {
            "title": f"{case_name} (CourtListener)",
            "url": "https://www.courtlistener.com/?q=" + quote(f'"{case_name}"'),
            "publisher": "CourtListener, Free Law Project",
            "date": None,
        },
    }


def wikipedia(article: str, title: str) -> dict:
    return {
        "type": "source",
        "value": {
            "title": title,
            "url": f"https://en.wikipedia.org/wiki/{article}",
            "publisher": "Wikipedia",
            "date": None,
        },
    }
