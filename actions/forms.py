"""The public forms: newsletter sign-up (SignupPage and every page's footer) and signatures."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actions.models import Signature
from core.forms import AttributionFields, EmailAddressField, strip_bidi_controls
from core.models.outbox import normalize_address
from core.spam import SpamProtectedForm
from states.congress import state_for_zip
from states.zip_codes import normalize_zip


class NewsletterSignupForm(AttributionFields, SpamProtectedForm):
    email = EmailAddressField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    first_name = forms.CharField(
        label=_("First name (optional)"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"max_length": _("Use at most %(limit_value)d characters.")},
    )
    source_page = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_first_name(self) -> str:
        name = self.cleaned_data["first_name"]
        if any(ch in name for ch in "\r\n\x00"):
            raise forms.ValidationError(_("Your name cannot contain line breaks."))
        return strip_bidi_controls(name)


NAME_ERRORS = {
    "max_length": _("Use at most %(limit_value)d characters."),
}


def single_line(value: str) -> str:
    """A name or place as typed, on one line, without invisible direction overrides."""
    if any(ch in value for ch in "\r\n\x00"):
        raise forms.ValidationError(_("This cannot contain line breaks."))
    return strip_bidi_controls(value)


class SignatureForm(AttributionFields, SpamProtectedForm):
    """A petition or pledge signature. Labels and errors sit next to each field (field.html)."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        error_messages={"required": _("Enter your first name."), **NAME_ERRORS},
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        error_messages={"required": _("Enter your last name."), **NAME_ERRORS},
    )
    email = EmailAddressField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    country = forms.ChoiceField(
        label=_("Where do you live?"),
        choices=Signature.Country.choices,
        initial=Signature.Country.US,
        widget=forms.Select(attrs={"autocomplete": "off"}),
    )
    zip_code = forms.CharField(
        label=_("ZIP code"),
        max_length=10,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "inputmode": "numeric", "size": "10"}
        ),
        help_text=_("Five digits. Leave it empty if you live outside the United States."),
        # Far too long to be a ZIP code: the same message as any other malformed one.
        error_messages={"max_length": _("Enter a ZIP code of five digits, like 20515.")},
    )
    public = forms.BooleanField(
        label=_("Show my first name and state among recent signers"),
        required=False,
    )
    newsletter = forms.BooleanField(
        label=_("Send me campaign news (we will ask you to confirm by email)"),
        required=False,
    )

    def clean_first_name(self) -> str:
        return single_line(self.cleaned_data["first_name"])

    def clean_last_name(self) -> str:
        return single_line(self.cleaned_data["last_name"])

    def clean_email(self) -> str:
        return normalize_address(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        raw_zip = (cleaned.get("zip_code") or "").strip()
        if "zip_code" in self.errors:
            return cleaned  # already told what is wrong with it; "enter your ZIP" would contradict
        if cleaned.get("country") == Signature.Country.US:
            zip_code = normalize_zip(raw_zip)
            if not raw_zip:
                self.add_error("zip_code", _("Enter your ZIP code."))
            elif zip_code is None:
                self.add_error("zip_code", _("Enter a ZIP code of five digits, like 20515."))
            else:
                cleaned["zip_code"] = zip_code
                cleaned["state"] = state_for_zip(zip_code)
        else:
            cleaned["zip_code"] = normalize_zip(raw_zip) or ""
            cleaned["state"] = ""
        return cleaned
