"""{% in_language %} and {% lang_attribute %} mark text that is not in the page's language, and
nothing else; the text is escaped either way."""

import pytest
from django.template import engines
from django.utils import translation

from actions.models import Organization
from core.models.fields import name_language_field
from home.models import SiteSettings


def render(source: str, **context) -> str:
    template = engines["django"].from_string("{% load language_tags %}" + source)
    return template.render(context)


@pytest.mark.parametrize(
    ("page_language", "lang", "expected"),
    [
        ("es", "en", '<span lang="en">Mothers &amp; Sons &lt;b&gt;</span>'),
        ("en", "en", "Mothers &amp; Sons &lt;b&gt;"),  # the page's own language: no mark
        ("es", "", "Mothers &amp; Sons &lt;b&gt;"),
        ("es", None, "Mothers &amp; Sons &lt;b&gt;"),
        ("en", "es", '<span lang="es">Mothers &amp; Sons &lt;b&gt;</span>'),
    ],
)
def test_in_language_marks_text_only_in_another_language(page_language, lang, expected):
    with translation.override(page_language):
        html = render("{% in_language text lang %}", text="Mothers & Sons <b>", lang=lang)
    assert html == expected


def test_in_language_escapes_the_language_too():
    with translation.override("es"):
        html = render("{% in_language 'x' lang %}", lang='en" onclick="x')
    assert html == '<span lang="en&quot; onclick=&quot;x">x</span>'


def test_lang_attribute():
    source = "<a{% lang_attribute lang %}>x</a>"
    with translation.override("es"):
        assert render(source, lang="en") == '<a lang="en">x</a>'
        assert render(source, lang="es") == "<a>x</a>"
        assert render(source, lang="") == "<a>x</a>"


def test_one_definition_of_a_names_language():
    made = name_language_field()
    for field in (
        Organization._meta.get_field("name_language"),
        SiteSettings._meta.get_field("organization_name_language"),
    ):
        assert field.deconstruct()[1:] == made.deconstruct()[1:]
