"""Form pieces every public form shares: an email field that gives one clear message, and the
removal of invisible text-direction controls from what people type."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError

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
