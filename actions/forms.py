"""The newsletter sign-up form (on the SignupPage and in every page's footer)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.spam import SpamProtectedForm


class NewsletterSignupForm(SpamProtectedForm):
    email = forms.EmailField(
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
    )
    source_page = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_first_name(self) -> str:
        name = self.cleaned_data["first_name"]
        if any(ch in name for ch in "\r\n\x00"):
            raise forms.ValidationError(_("Your name cannot contain line breaks."))
        return name
