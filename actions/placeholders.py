"""Named placeholders in a letter's subject and text, such as {full_name} or {legislator_title}.

Editors write the letter once; each supporter gets it filled in for each of their legislators.
Placeholders keep their English names in every language, so a translator copies them as they are:

    problems = placeholder_errors("Dear {legislator_title} {nombre}")  # one message naming {nombre}
    fill("Dear {legislator_title} {legislator_last_name}", values)

Curly braces mean nothing else, so a stray brace is an error rather than text printed as typed.
Filling is a plain substitution of known names (never str.format, which would let a template
reach attributes), and what a supporter typed is inserted as text: templates escape it later.
"""

import re
from collections.abc import Mapping

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# name → what it becomes (shown to editors in the help text and in errors).
PLACEHOLDERS: dict[str, str] = {
    "full_name": _("the supporter's full name"),
    "city": _("the supporter's city"),
    "state": _("the supporter's state or territory"),
    "zip_code": _("the supporter's five-digit ZIP code"),
    "legislator_title": _(
        "Senator, Representative, Delegate or Resident Commissioner; in a state letter, the "
        "title the chamber uses (Assemblymember, Councilmember…), in the visitor's language"
    ),
    "legislator_full_name": _("the legislator's full name"),
    "legislator_last_name": _("the legislator's last name"),
    "bill": _("the bill's title and number, e.g. Ending Qualified Immunity Act (H.R. 1470)"),
    "bill_title": _("the bill's title"),
    "bill_number": _("the bill's number, e.g. H.R. 1470"),
}
BILL_PLACEHOLDERS = frozenset({"bill", "bill_title", "bill_number"})

# What the hand-copied ("do it yourself") version shows in place of each placeholder.
DIY_LABELS: dict[str, str] = {
    "full_name": _("[your full name]"),
    "city": _("[your city]"),
    "state": _("[your state]"),
    "zip_code": _("[your ZIP code]"),
    "legislator_title": _("[Senator or Representative]"),
    "legislator_full_name": _("[their full name]"),
    "legislator_last_name": _("[their last name]"),
    "bill": _("[the bill]"),
    "bill_title": _("[the bill]"),
    "bill_number": _("[the bill's number]"),
}

TOKEN = re.compile(r"\{([^{}]*)\}")
CONTEXT_CHARS = 24


def allowed_list() -> str:
    return ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)


def help_text(lead):
    """`lead`, then the placeholders editors may use (lazy: it follows the admin's language)."""
    return format_lazy(
        "{lead} {intro} {names}",
        lead=lead,
        intro=_("Placeholders you can use, with their curly braces:"),
        names=allowed_list(),
    )


def names_in(text: str) -> list[str]:
    """Every placeholder name used in the text, in order, repeated as often as it appears."""
    return [match.group(1) for match in TOKEN.finditer(text or "")]


def _stray_brace(text: str) -> int | None:
    """The position of a brace that opens or closes no placeholder, or None."""
    without_tokens = TOKEN.sub(lambda match: " " * len(match.group(0)), text)
    for position, char in enumerate(without_tokens):
        if char in "{}":
            return position
    return None


def placeholder_errors(text: str, *, has_bill: bool = True) -> list[str]:
    """Plain-language problems with the placeholders in `text`; [] when it can be filled in."""
    text = text or ""
    problems = []
    unknown = []
    for name in names_in(text):
        if name not in PLACEHOLDERS and f"{{{name}}}" not in unknown:
            unknown.append(f"{{{name}}}")
    if unknown:
        problems.append(
            _("Unknown placeholder %(found)s. Use only these: %(allowed)s.")
            % {"found": ", ".join(unknown), "allowed": allowed_list()}
        )
    stray = _stray_brace(text)
    if stray is not None:
        start = max(stray - CONTEXT_CHARS, 0)
        excerpt = text[start : stray + CONTEXT_CHARS].replace("\n", " ").strip()
        problems.append(
            _(
                "A curly brace is opened or closed without its pair, near “%(excerpt)s”. Curly "
                "braces are only for placeholders, such as {full_name}."
            )
            % {"excerpt": excerpt}
        )
    if not has_bill:
        used = sorted({f"{{{name}}}" for name in names_in(text) if name in BILL_PLACEHOLDERS})
        if used:
            problems.append(
                _("%(found)s needs a bill: choose the bill below, or remove the placeholder.")
                % {"found": ", ".join(used)}
            )
    return problems


def fill(text: str, values: Mapping[str, str]) -> str:
    """The text with each known placeholder replaced; unknown ones are left as typed (the page
    cannot be saved with them, so this only matters for data saved before a rule changed)."""
    return TOKEN.sub(lambda match: str(values.get(match.group(1), match.group(0))), text or "")


def diy(text: str, values: Mapping[str, str] | None = None) -> str:
    """The version people copy by hand: the given values filled in (the bill, which the page
    knows), every other placeholder shown as a bracketed label in the active language."""
    known = {name: str(label) for name, label in DIY_LABELS.items()}
    known.update({name: value for name, value in (values or {}).items() if value})
    return fill(text, known)
