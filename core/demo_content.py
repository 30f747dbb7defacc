"""Bilingual text helpers for demo modules: write each string once in English and Spanish, side
by side, and hand the pairs to wagtail-localize."""

from django.utils.html import escape
from wagtail_localize.strings import StringValue, extract_strings


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
