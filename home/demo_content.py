"""Bilingual text helpers for demo modules: write each string once in English and Spanish, side
by side, and hand the pairs to wagtail-localize."""

from django.utils.html import escape


class Phrasebook:
    """Collects English→Spanish pairs while demo content is written in English."""

    def __init__(self) -> None:
        self.es: dict[str, str] = {}

    def __call__(self, en: str, es: str) -> str:
        self.es[en] = es
        return en

    def paragraphs(self, *pairs: tuple[str, str]) -> str:
        """Rich text of plain paragraphs; wagtail-localize makes each <p> a segment."""
        html = []
        for en, es in pairs:
            self.es[escape(en)] = escape(es)
            html.append(f"<p>{escape(en)}</p>")
        return "".join(html)
