"""The English→Spanish phrasebook every stories demo module writes into."""

from urllib.parse import quote

from core.demo_content import Phrasebook

tr = Phrasebook()


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
