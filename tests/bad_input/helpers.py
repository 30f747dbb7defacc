"""The public forms under test, described once so that every case runs against each of them.

form = forms["petition"]
response = form.post(client, first_name="<b>x</b>")
assert form.error(response, "first_name") == "..."
assert form.saved() == 0
"""

import html as html_lib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.test import Client

from actions.models import Signature, Subscriber
from actions.models.calls import CallOutcome
from actions.models.letters import LetterSent
from core.models.outbox import OutboundEmail
from core.spam import started_token
from testimonials.models import TestimonialPage, VoiceSubmission

SCRIPT = '<script>alert("x")</script><img src=x onerror="alert(1)">'
ESCAPED_SCRIPT = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


def fresh_start() -> str:
    """A form start time old enough to pass the minimum fill time."""
    return started_token(time.time() - 30)


@dataclass
class PublicForm:
    """One public form: where it posts, a valid submission, its typed fields and how it shows
    an error next to a field."""

    name: str
    url: str
    valid: Callable[[], dict]
    text_fields: list[str]
    required_text_fields: list[str]
    id_prefix: str = "id_"
    multipart: bool = False
    model_counts: Callable[[], int] = lambda: 0
    extra: dict = field(default_factory=dict)

    def data(self, **overrides) -> dict:
        data = {**self.valid(), **overrides}
        return {key: value for key, value in data.items() if value is not None}

    def post(self, client: Client, ip: str = "203.0.113.20", **overrides):
        return client.post(self.url, self.data(**overrides), REMOTE_ADDR=ip)

    def saved(self) -> int:
        """Rows this form's submissions create (emails included)."""
        return self.model_counts() + OutboundEmail.objects.count()

    def errors(self, response, field_name: str) -> list[str]:
        """The errors shown next to the field (inside its label, or just before the input)."""
        html = response.content.decode()
        field_id = f"{self.id_prefix}{field_name}"
        if self.name == "voice":
            found = re.findall(rf'<p class="field-error" id="{field_id}_error">([^<]*)</p>', html)
        else:
            label = re.search(rf'<label for="{field_id}">(.*?)</label>', html, re.S)
            found = (
                re.findall(r'<span class="field-error">([^<]*)</span>', label[1]) if label else []
            )
        return [html_lib.unescape(error) for error in found]

    def error(self, response, field_name: str) -> str:
        """The one error next to the field."""
        errors = self.errors(response, field_name)
        assert len(errors) == 1, f"{self.name} form, {field_name}: {errors}"
        return errors[0]

    def value_kept(self, response, field_name: str, value: str) -> bool:
        """The field shows what was typed (escaped for HTML, as Django renders it)."""
        html = response.content.decode()
        escaped = html_lib.escape(value, quote=True)
        if f'id="{self.id_prefix}{field_name}"' not in html:
            return False
        return (
            f'value="{escaped}"' in html
            or f">{escaped}</textarea>" in html
            or (f">\n{escaped}</textarea>" in html)
        )


def signature_rows() -> int:
    return Signature.objects.count()


def subscriber_rows() -> int:
    return Subscriber.objects.count()


def letter_rows() -> int:
    return LetterSent.objects.count()


def call_rows() -> int:
    return CallOutcome.objects.count()


def voice_rows() -> int:
    return TestimonialPage.objects.count() + VoiceSubmission.objects.count()


def signature_data() -> dict:
    return {
        "first_name": "Ana",
        "last_name": "Rivera",
        "email": "ana@example.org",
        "country": "US",
        "zip_code": "78701",
        "website": "",
        "form_started": fresh_start(),
    }


def newsletter_data() -> dict:
    return {
        "email": "ana@example.org",
        "first_name": "Ana",
        "website": "",
        "form_started": fresh_start(),
    }


def voice_data() -> dict:
    return {
        "name": "Ana López",
        "name_shown": "full",
        "email": "ana@example.org",
        "profession": "Nurse",
        "city": "Austin",
        "state": "TX",
        "category": "other",
        "quote": "No one should be above the law.",
        "photo_alt": "",
        "consent": "on",
        "website": "",
        "form_started": fresh_start(),
    }


def letter_data() -> dict:
    # An address is typed but no copy asked for: what most people send.
    return {
        "full_name": "Ana Rivera",
        "email": "ana@example.org",
        "city": "Denver",
        "zip_code": "80202",
        "website": "",
        "form_started": fresh_start(),
    }


def call_data() -> dict:
    # The ZIP code is all a caller must give; the name and city only fill in the script.
    return {
        "full_name": "Ana Rivera",
        "city": "Denver",
        "zip_code": "80202",
        "website": "",
        "form_started": fresh_start(),
    }


SIGNATURE_TEXT = ["first_name", "last_name", "email", "zip_code"]


class Forms:
    """The public forms by name, each built (with its pages) only when a test asks for it."""

    # The rows each form's pages need, built once for a module's tests (tests/module_data.py)
    # where a test names its form (`form_name`): tests/conftest.py marks it `shared_rows`.
    SHARED_ROWS = {
        "newsletter": ("signup_page",),
        "footer": ("signup_page",),
        "petition": ("petition",),
        "pledge": ("pledge",),
        "embed": ("petition",),
        "voice": ("add_voice",),
        "letter": ("congress", "letter_page"),
        "call": ("congress", "call_page"),
    }

    def __init__(self, request):
        self.request = request
        self.built: dict[str, PublicForm] = {}

    def fixture(self, name: str):
        return self.request.getfixturevalue(name)

    def __getitem__(self, name: str) -> PublicForm:
        if name not in self.built:
            self.built[name] = getattr(self, f"_{name}")()
        return self.built[name]

    def _newsletter(self) -> PublicForm:
        return PublicForm(
            "newsletter",
            self.fixture("signup_page").url,
            newsletter_data,
            ["email", "first_name"],
            ["email"],
            model_counts=subscriber_rows,
        )

    def _footer(self) -> PublicForm:
        # The footer form on every page posts to the sign-up page with the page it was on.
        source = self.fixture("home_page").pk
        return PublicForm(
            "footer",
            self.fixture("signup_page").url,
            lambda: {**newsletter_data(), "first_name": None, "source_page": str(source)},
            ["email"],
            ["email"],
            model_counts=subscriber_rows,
        )

    def _signature_form(self, name: str, url: str) -> PublicForm:
        return PublicForm(
            name, url, signature_data, SIGNATURE_TEXT, SIGNATURE_TEXT, model_counts=signature_rows
        )

    def _petition(self) -> PublicForm:
        return self._signature_form("petition", self.fixture("petition").url)

    def _pledge(self) -> PublicForm:
        return self._signature_form("pledge", self.fixture("pledge").url)

    def _embed(self) -> PublicForm:
        # The widget partners embed: the same signature, posted from inside their iframe.
        from django.urls import reverse

        petition = self.fixture("petition")
        return self._signature_form(
            "embed", reverse("action_embed", args=["petition", petition.pk])
        )

    def _voice(self) -> PublicForm:
        return PublicForm(
            "voice",
            self.fixture("add_voice").url,
            voice_data,
            ["name", "email", "profession", "city", "quote"],
            ["name", "email", "quote"],
            id_prefix="voice-",
            multipart=True,
            model_counts=voice_rows,
        )

    def _letter(self) -> PublicForm:
        # Nothing typed is stored: a valid letter answers 200 with the letters to send, and
        # counts one row per legislator written to (tests/actions/letters/).
        self.fixture("congress")
        return PublicForm(
            "letter",
            self.fixture("letter_page").url,
            letter_data,
            ["full_name", "email", "city", "zip_code"],
            ["full_name", "city", "zip_code"],
            model_counts=letter_rows,
        )

    def _call(self) -> PublicForm:
        # Nothing typed is stored: a valid lookup answers 200 with the first call card; rows are
        # counted only when an outcome button is pressed (tests/actions/calls/).
        self.fixture("congress")
        return PublicForm(
            "call",
            self.fixture("call_page").url,
            call_data,
            ["full_name", "city", "zip_code"],
            ["zip_code"],
            model_counts=call_rows,
        )
