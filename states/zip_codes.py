"""The state a five-digit ZIP code belongs to, from the publicly known USPS three-digit prefixes.

A prefix belongs to one state (a few ZCTAs near state lines straddle two: the prefix decides, as
the Postal Service does). Military (AA/AE/AP) and territories' prefixes give no state. It is the
fallback of states.congress.state_for_zip, the one answer every form uses: the imported Census
ZCTA→district relation first, this table for ZIP codes the relation lacks (post office boxes,
businesses) or before any import. Checked against that file in
tests/actions/petitions/test_zip_codes.py.
"""

import re
from bisect import bisect_right

# (first prefix, last prefix, state), in order; gaps are unassigned, military or territories.
PREFIX_RANGES: tuple[tuple[int, int, str], ...] = (
    (5, 5, "NY"),
    (10, 27, "MA"),
    (28, 29, "RI"),
    (30, 38, "NH"),
    (39, 49, "ME"),
    (50, 54, "VT"),
    (55, 55, "MA"),
    (56, 59, "VT"),
    (60, 69, "CT"),
    (70, 89, "NJ"),
    (100, 149, "NY"),
    (150, 196, "PA"),
    (197, 199, "DE"),
    (200, 200, "DC"),
    (201, 201, "VA"),
    (202, 205, "DC"),
    (206, 219, "MD"),
    (220, 246, "VA"),
    (247, 268, "WV"),
    (270, 289, "NC"),
    (290, 299, "SC"),
    (300, 319, "GA"),
    (320, 339, "FL"),
    (341, 349, "FL"),
    (350, 369, "AL"),
    (370, 385, "TN"),
    (386, 397, "MS"),
    (398, 399, "GA"),
    (400, 427, "KY"),
    (430, 459, "OH"),
    (460, 479, "IN"),
    (480, 499, "MI"),
    (500, 528, "IA"),
    (530, 549, "WI"),
    (550, 567, "MN"),
    (569, 569, "DC"),
    (570, 577, "SD"),
    (580, 588, "ND"),
    (590, 599, "MT"),
    (600, 629, "IL"),
    (630, 658, "MO"),
    (660, 679, "KS"),
    (680, 693, "NE"),
    (700, 714, "LA"),
    (716, 729, "AR"),
    (730, 732, "OK"),
    (733, 733, "TX"),
    (734, 749, "OK"),
    (750, 799, "TX"),
    (800, 816, "CO"),
    (820, 831, "WY"),
    (832, 838, "ID"),
    (840, 847, "UT"),
    (850, 865, "AZ"),
    (870, 884, "NM"),
    (885, 885, "TX"),
    (889, 898, "NV"),
    (900, 961, "CA"),
    (967, 968, "HI"),
    (970, 979, "OR"),
    (980, 994, "WA"),
    (995, 999, "AK"),
)
_STARTS = [start for start, _end, _state in PREFIX_RANGES]
ZIP_PATTERN = re.compile(r"^(\d{5})(?:-?\d{4})?$")


def normalize_zip(value: str) -> str | None:
    """The five-digit ZIP in `value` ("02139", "02139-4307", "021394307"), or None."""
    match = ZIP_PATTERN.match((value or "").strip())
    return match.group(1) if match else None


def state_for_prefix(zip_code: str) -> str:
    """The state's postal code for a five-digit ZIP by its USPS prefix, or "" when the prefix
    names none. Callers want states.congress.state_for_zip, which asks the Census relation
    first and falls back on this."""
    if not zip_code or len(zip_code) < 3 or not zip_code[:3].isdigit():
        return ""
    prefix = int(zip_code[:3])
    index = bisect_right(_STARTS, prefix) - 1
    if index < 0:
        return ""
    start, end, state = PREFIX_RANGES[index]
    return state if start <= prefix <= end else ""
