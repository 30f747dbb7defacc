"""The 50 states and the District of Columbia by postal code: one list for every app.

Case stories store a state as its two-letter code (a choice from this list); the states app keys
its StatePage on the same codes, so a story finds its state page without importing that app.
Names are translated (Nueva York, Luisiana...) because visitors read them in filters and cards.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

US_STATES: tuple[tuple[str, str], ...] = (
    ("AL", _("Alabama")),
    ("AK", _("Alaska")),
    ("AZ", _("Arizona")),
    ("AR", _("Arkansas")),
    ("CA", _("California")),
    ("CO", _("Colorado")),
    ("CT", _("Connecticut")),
    ("DE", _("Delaware")),
    ("DC", _("District of Columbia")),
    ("FL", _("Florida")),
    ("GA", _("Georgia")),
    ("HI", _("Hawaii")),
    ("ID", _("Idaho")),
    ("IL", _("Illinois")),
    ("IN", _("Indiana")),
    ("IA", _("Iowa")),
    ("KS", _("Kansas")),
    ("KY", _("Kentucky")),
    ("LA", _("Louisiana")),
    ("ME", _("Maine")),
    ("MD", _("Maryland")),
    ("MA", _("Massachusetts")),
    ("MI", _("Michigan")),
    ("MN", _("Minnesota")),
    ("MS", _("Mississippi")),
    ("MO", _("Missouri")),
    ("MT", _("Montana")),
    ("NE", _("Nebraska")),
    ("NV", _("Nevada")),
    ("NH", _("New Hampshire")),
    ("NJ", _("New Jersey")),
    ("NM", _("New Mexico")),
    ("NY", _("New York")),
    ("NC", _("North Carolina")),
    ("ND", _("North Dakota")),
    ("OH", _("Ohio")),
    ("OK", _("Oklahoma")),
    ("OR", _("Oregon")),
    ("PA", _("Pennsylvania")),
    ("RI", _("Rhode Island")),
    ("SC", _("South Carolina")),
    ("SD", _("South Dakota")),
    ("TN", _("Tennessee")),
    ("TX", _("Texas")),
    ("UT", _("Utah")),
    ("VT", _("Vermont")),
    ("VA", _("Virginia")),
    ("WA", _("Washington")),
    ("WV", _("West Virginia")),
    ("WI", _("Wisconsin")),
    ("WY", _("Wyoming")),
)

STATE_NAMES: dict[str, str] = dict(US_STATES)


def normalize_state_code(value: object) -> str | None:
    """The canonical code for user input such as 'tx' or ' TX ', or None if it is no state."""
    if not isinstance(value, str):
        return None
    code = value.strip().upper()
    return code if code in STATE_NAMES else None


def state_name(code: str) -> str | None:
    """The state's name in the active language, or None for an unknown code."""
    normalized = normalize_state_code(code)
    return STATE_NAMES[normalized] if normalized else None


def state_name_in(code: str, language: str) -> str:
    """The name in a given language, whatever the active one: demo content builds English
    source pages and their translations from it."""
    with translation.override(language):
        return str(STATE_NAMES[code])
