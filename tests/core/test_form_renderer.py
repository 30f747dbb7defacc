"""The public forms' renderer writes plain inputs without a template (core/form_renderer.py):
every public form renders exactly as Django's own templates render it, empty and sent back with
errors and awkward values, and the footer's newsletter form renders no widget template."""

import pytest
from django.forms.renderers import DjangoTemplates
from django.template import base as template_base

from actions.forms import NewsletterSignupForm, SignatureForm
from actions.letters.forms import LetterForm
from core.form_renderer import PLAIN_INPUTS, PUBLIC_FORM_RENDERER
from core.spam import SpamProtectedForm
from testimonials.forms import VoiceForm

PUBLIC_FORMS = [NewsletterSignupForm, SignatureForm, LetterForm, VoiceForm]
AWKWARD = 'O\'Brien "<b>&amp;</b>" \u202e'


def everything_rendered(form) -> str:
    return "\n".join([str(form), *(str(field) for field in form), str(form.non_field_errors())])


def sent_back(form_class):
    """The form as sent with an awkward value in every field, so its errors show too."""
    data = dict.fromkeys(form_class.base_fields, AWKWARD)
    data["email"] = "not-an-email"
    return data


@pytest.mark.parametrize("form_class", PUBLIC_FORMS, ids=lambda form: form.__name__)
def test_every_public_form_renders_as_djangos_templates_render_it(form_class):
    assert issubclass(form_class, SpamProtectedForm)
    django = DjangoTemplates()
    for make in (
        lambda renderer: form_class(renderer=renderer, auto_id="footer-%s"),
        lambda renderer: form_class(renderer=renderer, initial={"email": AWKWARD}),
        lambda renderer: form_class(sent_back(form_class), renderer=renderer),
    ):
        ours, theirs = make(PUBLIC_FORM_RENDERER), make(django)
        theirs.fields["form_started"].initial = ours.fields["form_started"].initial
        if ours.is_bound:
            assert not ours.is_valid() and not theirs.is_valid()
        assert everything_rendered(ours) == everything_rendered(theirs)
        assert "<input" in everything_rendered(ours)


@pytest.mark.parametrize("form_class", PUBLIC_FORMS, ids=lambda form: form.__name__)
def test_public_forms_use_the_renderer_without_being_told(form_class):
    assert form_class().renderer is PUBLIC_FORM_RENDERER


def test_the_footer_form_renders_no_widget_template(monkeypatch):
    rendered = []
    original = template_base.Template.render

    def record(self, context):
        rendered.append(self.origin.template_name)
        return original(self, context)

    monkeypatch.setattr(template_base.Template, "render", record)
    form = NewsletterSignupForm(auto_id="footer-newsletter-%s")
    html = "".join(str(form[name]) for name in form.fields)
    assert html.count("<input") == len(form.fields)
    assert not set(rendered) & PLAIN_INPUTS
