"""The public forms' renderer: Django's, with plain `<input>` elements written without a template.

Every page's footer holds the newsletter form, eight inputs, and Django renders each through two
templates (the widget's and attrs.html): about a twentieth of a page's rendering when nothing is
cached. These inputs are written here exactly as those templates write them
(django/forms/templates/django/forms/widgets/input.html and attrs.html), escaping included;
every other widget, and every label, error list and form layout, still goes through Django's
templates. tests/core/test_form_renderer.py renders every public form both ways.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

# Widgets whose template only includes input.html (Django's TextInput, EmailInput, HiddenInput,
# NumberInput, URLInput, PasswordInput, SearchInput, TelInput, ColorInput, DateInput,
# DateTimeInput, TimeInput).
PLAIN_INPUTS = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "text", "email", "hidden", "number", "url", "password", "search", "tel", "color",
        "date", "datetime", "time",
    )
)  # fmt: skip


def input_html(widget: dict) -> SafeString:
    """input.html and attrs.html for a widget's template context."""
    attributes = format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in widget["attrs"].items()
            if value is not False
        ),
    )
    value = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
    return format_html(
        '<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], value, attributes
    )


class PublicFormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in PLAIN_INPUTS:
            return input_html(context["widget"])
        return super().render(template_name, context, request=request)


PUBLIC_FORM_RENDERER = PublicFormRenderer()
