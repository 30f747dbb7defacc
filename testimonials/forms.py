"""The "add your voice" form: what a supporter types, checked field by field with messages that
say what to fix. Whatever was typed comes back in the form when one field is wrong (a browser
never re-sends a file, so the photo is the one thing to choose again)."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import AttributionFields, EmailAddressField, strip_bidi_controls
from core.spam import SpamProtectedForm
from core.us_states import US_STATES
from testimonials.choices import (
    CITY_MAX_LENGTH,
    NAME_MAX_LENGTH,
    PROFESSION_MAX_LENGTH,
    QUOTE_MAX_LENGTH,
    Category,
    NameShown,
)

PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_PIXELS = 25_000_000
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
ALT_TEXT_MAX_LENGTH = 255


def photo_max_bytes() -> int:
    return PHOTO_MAX_BYTES


def _has_control_characters(value: str, allowed: str = "") -> bool:
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value)


class LineField(forms.CharField):
    """One line of text: surrounding space trimmed, no line breaks or control characters (they
    would break emails' headers and the wall's layout). Max length counts characters."""

    default_error_messages = {
        "control": _("Use letters, numbers and punctuation only, on one line."),
        "max_length": _("Use at most %(limit_value)d characters (this has %(show_value)d)."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"dir": "auto"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        return strip_bidi_controls(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        # NUL is refused by Django's own validator with its own message; this covers the rest.
        if value and "\x00" not in value and _has_control_characters(value):
            raise forms.ValidationError(self.error_messages["control"], code="control")


class QuoteField(forms.CharField):
    """Paragraphs of text. Browsers send each line break as CR LF but count it as one character
    against maxlength, so line breaks are normalized before the length is checked."""

    default_error_messages = {
        "control": _("Your words contain characters we cannot show. Remove them and try again."),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return strip_bidi_controls(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value and "\x00" not in value and _has_control_characters(value, allowed="\n\t"):
            raise forms.ValidationError(self.error_messages["control"], code="control")


class PhotoField(forms.ImageField):
    """An optional portrait. The size is checked before Pillow reads the file; Pillow must then
    recognise it as a JPEG, PNG, WebP or GIF of reasonable dimensions."""

    default_error_messages = {
        "invalid_image": _(
            "This file is not a photo we can use. Choose a JPEG, PNG, WebP or GIF image."
        ),
        "too_large": _("The photo is larger than %(size)s MB. Choose a smaller photo."),
        "too_many_pixels": _("The photo is too large (%(pixels)s million pixels at most)."),
        "format": _("Choose a JPEG, PNG, WebP or GIF image."),
    }

    def to_python(self, data):
        if data in self.empty_values:
            return None
        if getattr(data, "size", 0) > photo_max_bytes():
            raise forms.ValidationError(
                self.error_messages["too_large"],
                code="too_large",
                params={"size": photo_max_bytes() // (1024 * 1024)},
            )
        image_file = super().to_python(data)
        image = getattr(image_file, "image", None)
        if image is None or image.format not in PHOTO_FORMATS:
            raise forms.ValidationError(self.error_messages["format"], code="format")
        width, height = image.size
        if width * height > PHOTO_MAX_PIXELS:
            raise forms.ValidationError(
                self.error_messages["too_many_pixels"],
                code="too_many_pixels",
                params={"pixels": PHOTO_MAX_PIXELS // 1_000_000},
            )
        return image_file


class VoiceForm(AttributionFields, SpamProtectedForm):
    name = LineField(
        label=_("Your name"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("Below, choose how much of it we show."),
        error_messages={"required": _("Enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    name_shown = forms.ChoiceField(
        label=_("Show on the wall"),
        choices=NameShown.choices,
        initial=NameShown.FULL,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how your name is shown.")},
    )
    email = EmailAddressField(
        label=_("Email address"),
        max_length=254,
        help_text=_("Never published. We use it only to tell you when your voice is live."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    profession = LineField(
        label=_("Profession or role (optional)"),
        max_length=PROFESSION_MAX_LENGTH,
        required=False,
        help_text=_("For example: retired nurse, pastor, law student."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title", "dir": "auto"}),
    )
    city = LineField(
        label=_("City or town (optional)"),
        max_length=CITY_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2", "dir": "auto"}),
    )
    state = forms.ChoiceField(
        label=_("State"),
        choices=[("", _("Choose your state")), *US_STATES],
        error_messages={"required": _("Choose your state.")},
        widget=forms.Select(attrs={"autocomplete": "address-level1"}),
    )
    zip_code = forms.RegexField(
        label=_("ZIP code (optional)"),
        regex=r"^\s*(\d{5})(-?\d{4})?\s*$",
        required=False,
        help_text=_(
            "Never published. With it, we can show your words to your own members of Congress "
            "when we visit them, named as you chose above."
        ),
        error_messages={"invalid": _("Enter a ZIP code of five digits, like 20515.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "inputmode": "numeric", "size": 10}
        ),
    )
    category = forms.ChoiceField(
        label=_("Which describes you best?"),
        choices=Category.choices,
        initial=Category.OTHER,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what describes you best.")},
    )
    quote = QuoteField(
        label=_("Why should qualified immunity end?"),
        max_length=QUOTE_MAX_LENGTH,
        help_text=_("In your own words, up to 1,500 characters."),
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        error_messages={
            "required": _("Write a few words about why qualified immunity should end."),
            # Says how much to cut; the text stays in the box.
            "max_length": _(
                "Your words are %(show_value)d characters long; the limit is %(limit_value)d. "
                "Please shorten them (your text is kept below)."
            ),
        },
    )
    photo = PhotoField(
        label=_("A photo of you (optional)"),
        required=False,
        help_text=_("JPEG, PNG, WebP or GIF, up to 5 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )
    photo_alt = LineField(
        label=_("Describe your photo (if you add one)"),
        max_length=ALT_TEXT_MAX_LENGTH,
        required=False,
        help_text=_(
            "For people who cannot see it, e.g. 'A woman in a navy uniform smiling outdoors'."
        ),
    )
    consent = forms.BooleanField(
        label=_("I agree to the terms above"),
        error_messages={"required": _("Tick the box to let us publish your voice.")},
    )

    def clean_zip_code(self) -> str:
        """Five digits kept; the +4 dropped (a district needs no more)."""
        return (self.cleaned_data.get("zip_code") or "").strip()[:5]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("photo") and not cleaned_data.get("photo_alt"):
            self.add_error(
                "photo_alt", _("Describe your photo in a few words, or remove the photo.")
            )
        return cleaned_data
