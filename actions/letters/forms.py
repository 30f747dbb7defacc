"""What a supporter types to get their letters: name, optional email, city and ZIP code, and,
when the ZIP code spans districts, which district they live in.

"Remember me on this device" is not here on purpose: it lives in the browser alone
(static/js/letters.js), and its checkbox has no name, so nothing about it reaches the server.
"""

import logging

from django import forms
from django.utils.translation import gettext_lazy as _

from actions.forms import NAME_ERRORS, single_line
from core.forms import AttributionFields, EmailAddressField
from core.models.outbox import normalize_address
from core.spam import SpamProtectedForm
from states.congress import District
from states.zip_codes import normalize_zip

logger = logging.getLogger(__name__)

ZIP_HELP = _("Five digits, like 20515. ZIP+4 is fine too.")


def screen(form: SpamProtectedForm, context: dict, kind: str) -> bool:
    """The spam checks and validation a posted letter or call form goes through (`kind`:
    "letter", "call", for the log). True when the form may be acted on; otherwise the page is
    to be shown again with `context` as set here: a person who beat the minimum fill time is
    asked to press the button again with what they typed kept (its start time is old enough by
    then), a bot gets the blank form back (nothing is looked up, saved or sent), and invalid
    input keeps its errors beside the fields."""
    context["form"] = form
    reason = form.bot_reason()
    if reason == "too fast":
        context["problem"] = "too-fast"
        return False
    if reason is not None:
        logger.info("Dropped a %s request as spam: %s", kind, reason)
        context["form"] = form.__class__()
        return False
    return form.is_valid()


class LetterForm(AttributionFields, SpamProtectedForm):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your full name."), **NAME_ERRORS},
        help_text=_("As you want it to appear at the end of each letter."),
    )
    email = EmailAddressField(
        label=_("Email address (optional)"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter an email address like name@example.org.")},
        help_text=_("Only needed for the email copy."),
    )
    city = forms.CharField(
        label=_("City or town"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
        error_messages={"required": _("Enter your city or town."), **NAME_ERRORS},
    )
    zip_code = forms.CharField(
        label=_("ZIP code"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "inputmode": "numeric", "size": "10"}
        ),
        error_messages={
            "required": _("Enter your ZIP code."),
            "max_length": _("Enter a ZIP code of five digits, like 20515."),
        },
        help_text=ZIP_HELP,
    )
    # Only asked for when the ZIP code lies in several districts (or in none we know); the
    # template draws the radio buttons or list itself. Never an error: anything that is not
    # one of the candidates simply means the supporter is asked again.
    district = forms.CharField(required=False, strip=True, widget=forms.HiddenInput)
    email_copy = forms.BooleanField(
        label=_("Email me these letters"),
        required=False,
        help_text=_("We need your email address for this, and use it for nothing else."),
    )

    def clean_full_name(self) -> str:
        return single_line(self.cleaned_data["full_name"])

    def clean_city(self) -> str:
        return single_line(self.cleaned_data["city"])

    def clean_email(self) -> str:
        email = self.cleaned_data.get("email") or ""
        return normalize_address(email) if email else ""

    def clean_zip_code(self) -> str:
        raw = self.cleaned_data["zip_code"]
        zip_code = normalize_zip(raw) if raw.isascii() else None
        if zip_code is None:
            raise forms.ValidationError(_("Enter a ZIP code of five digits, like 20515."))
        return zip_code

    def clean_district(self) -> District | None:
        # A malformed value is no choice at all: the supporter is simply asked again.
        return District.from_key((self.cleaned_data.get("district") or "")[:8])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("email_copy") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error(
                "email", _("Enter your email address, or untick “Email me these letters”.")
            )
        return cleaned


def _district_field():
    # "MN|63A": the state and the district as the state spells it. Never an error: anything that
    # is not one of the candidates means the supporter is asked again.
    return forms.CharField(required=False, strip=True, widget=forms.HiddenInput)


class StateDistrictFields(forms.Form):
    """In place of the congressional district: one district choice per state chamber, only asked
    for when the ZIP code lies in several districts (or in none we know). Mixed into the letter
    and call forms for state legislators."""

    district = None
    district_upper = _district_field()
    district_lower = _district_field()
    district_legislature = _district_field()

    def chosen_districts(self) -> dict[str, str]:
        return {
            chamber: self.cleaned_data[f"district_{chamber}"][:100]
            for chamber in ("upper", "lower", "legislature")
            if self.cleaned_data.get(f"district_{chamber}")
        }


class StateLetterForm(StateDistrictFields, LetterForm):
    """The letter form for a letter to state legislators."""
