"""Form pieces every public form shares: an email field that gives one clear message, the
removal of invisible text-direction controls from what people type, and the hidden fields that
say where the supporter came from."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict

from core.attribution import UTM_FIELDS, attribution, clean_source, clean_tag

# Explicit embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).
# Nobody types them on purpose; pasted into a name they reverse the text around it in listings,
# emails and exports ("Ana\u202eexe.gpj" shows as "Anajpg.exe"). Right-to-left text itself, and
# the harmless marks LRM/RLM and ZWJ in emoji, are untouched.
BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), None
)


def strip_bidi_controls(value: str) -> str:
    return value.translate(BIDI_CONTROLS) if isinstance(value, str) else value


class EmailAddressField(forms.EmailField):
    """An email field that shows one message, not a pile: a 10,000-character value or one with
    a NUL byte is simply not an address, whatever else is wrong with it."""

    def validate(self, value):
        super().validate(value)
        # Django accepts any character above U+00A0 in the domain, invisible ones included
        # ("ana@example.org\u202e"): no real address holds a space, control or format character.
        if value and any(ch.isspace() or unicodedata.category(ch)[0] == "C" for ch in value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")

    def run_validators(self, value):
        try:
            super().run_validators(value)
        except ValidationError as error:
            raise ValidationError(error.error_list[:1]) from error


class AttributionFields(forms.Form):
    """Hidden source and utm_* fields (core/attribution.py). Hidden, so they never fail
    validation: a mangled value is recorded as none (source) or trimmed (tags)."""

    source = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_source = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_medium = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_campaign = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_source(self) -> str:
        return clean_source(self.cleaned_data.get("source"))

    def clean(self):
        cleaned = super().clean()
        for name in UTM_FIELDS:
            cleaned[name] = clean_tag(cleaned.get(name))
        return cleaned


def posted_with_attribution(request: HttpRequest) -> QueryDict:
    """The POST with its source and utm_* completed from the page it was posted from, so that
    a form shown again (an error, the next step of a letter) keeps carrying them without JS."""
    data = request.POST.copy()
    for name, value in attribution(request).items():
        data[name] = value
    return data
