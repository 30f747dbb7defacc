"""Turn an outbox row's template, language and context into a subject, a plain-text body and an
HTML body.

Each email is three templates side by side: `<name>.subject.txt`, `<name>.txt` and `<name>.html`.
The HTML is autoescaped like any page (a name typed as `<script>` arrives as text); the subject
and the plain text are not HTML, so they are rendered without escaping, and the subject is made
safe for a header (no CR/LF).
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.template import Context
from django.template.loader import get_template
from django.utils import translation
from wagtail.models import Site

_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")
_SPACES = re.compile(r"\s+")
SUBJECT_MAX_LENGTH = 200


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


def header_safe(value: str, max_length: int = SUBJECT_MAX_LENGTH) -> str:
    """One line, no control characters that could start a new header, trimmed."""
    value = _LINE_BREAKS.sub(" ", str(value))
    value = "".join(ch for ch in value if ch == "\t" or ord(ch) >= 32)
    return _SPACES.sub(" ", value).strip()[:max_length]


def site_name() -> str:
    """The organization name editors set in the site settings named by OUTBOX_SITE_NAME_FIELD
    ("app_label.Model.field"), else the SITE_NAME setting."""
    site = Site.objects.filter(is_default_site=True).first()
    label, _dot, field = getattr(settings, "OUTBOX_SITE_NAME_FIELD", "").rpartition(".")
    if site is not None and label:
        name = getattr(apps.get_model(label).for_site(site), field, "")
        if name:
            return name
    return settings.WAGTAIL_SITE_NAME


def base_context(language: str) -> dict:
    return {
        "site_name": site_name(),
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "language": language,
    }


def _render_plain(name: str, context: dict) -> str:
    template = get_template(name)
    # The backend wrapper always autoescapes; its underlying Django template takes a Context.
    return template.template.render(Context(context, autoescape=False))


def render_email(template: str, language: str, context: dict) -> RenderedEmail:
    with translation.override(language):
        full_context = {**base_context(language), **context}
        subject = header_safe(_render_plain(f"{template}.subject.txt", full_context))
        text = _render_plain(f"{template}.txt", full_context).strip() + "\n"
        html = get_template(f"{template}.html").render(full_context)
    return RenderedEmail(subject=subject, text=text, html=html)
