"""Marking words that are not in the page's language, so that screen readers pronounce them right
(WCAG 3.1.2): an organization's name written in English on a Spanish page, a bill's title still
in the source language.

    {% load language_tags %}
    {% in_language bill.title bill.title_lang %}   →  <span lang="en">…</span> on a Spanish page
    <a{% lang_attribute name_language %}>…</a>      →  <a lang="en"> on a Spanish page

Both say nothing when the language is empty or is the page's own (the active language)."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()


def differs_from_page(lang: str | None) -> bool:
    return bool(lang) and str(lang).lower() != (get_language() or "").lower()


@register.simple_tag
def in_language(text, lang: str | None = None) -> SafeString:
    """The text, escaped, in a span marked with lang when lang differs from the page's."""
    if differs_from_page(lang):
        return format_html('<span lang="{}">{}</span>', lang, text)
    return conditional_escape(text)


@register.simple_tag
def lang_attribute(lang: str | None = None) -> SafeString:
    """` lang="…"` for an element whose text is in lang, when lang differs from the page's."""
    if differs_from_page(lang):
        return format_html(' lang="{}"', lang)
    return SafeString("")
