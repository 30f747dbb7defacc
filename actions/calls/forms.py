"""What a caller types (their ZIP code; their name and city only to fill in the script), and what
each outcome button sends."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actions.forms import NAME_ERRORS
from actions.letters.forms import LetterForm, StateDistrictFields
from actions.models.calls import Outcome

# A call list's signed token is a few hundred characters; anything far longer is not one.
TOKEN_MAX_LENGTH = 4000


class CallForm(LetterForm):
    """The letter form's ZIP code and district choice, with the name and city optional (they are
    only read out on the phone) and no email."""

    email = None
    email_copy = None
    full_name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages=NAME_ERRORS,
        help_text=_("Put into the script for you. We do not keep it."),
    )
    city = forms.CharField(
        label=_("City or town (optional)"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
        error_messages=NAME_ERRORS,
    )


class StateCallForm(StateDistrictFields, CallForm):
    """The call form for a call to state legislators: a district choice per chamber."""


class OutcomeForm(forms.Form):
    """One outcome button pressed on a call card."""

    call = forms.CharField(max_length=TOKEN_MAX_LENGTH)
    legislator = forms.CharField(max_length=60)
    outcome = forms.ChoiceField(choices=Outcome.choices)
