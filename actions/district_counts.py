"""'From your district': how many signatures, letters and calls came from a supporter's
congressional district, shown on their thank-you page (issue 23, item 3). Counts only: never a
name, and nothing that is not already a count in the staff reports.

    keys = zip_district_keys("80202")      # ["CO-1"]; two or more for a ZIP across a line
    counts = district_counts(keys)         # three COUNT queries, on indexed columns

What is counted, per district key ("CO-1"):

- signatures whose ZIP code lies in that district alone (`Signature.district_key`, set on
  signing; a ZIP code across a district line leaves it blank, so those are not counted);
- letters written by people who gave that district (`LetterSent.district_key`: every letter of
  a Congress letter, the senators' too; a letter to senators alone keeps the state and is not);
- calls made to the district's representative (`CallOutcome.district_key`; a senator's row keeps
  the state), outcomes "skipped" left out.

These are actions, not people: nothing ties one person's signature, letters and calls together
(by design, docs/calls.md), so the page says "actions". A ZIP code across a district line is
counted over every district it touches and said so ("your ZIP code's area").
"""

from dataclasses import dataclass

from actions.models import CallOutcome, LetterSent, Signature
from actions.models.calls import Outcome
from states.congress import District, districts_for_zip
from states.models import ZipDistrict

# A ZIP code touches at most a handful of districts; a forged token could not list more (it is
# signed), but the count reads no more than this whatever it holds.
MAX_KEYS = 6


def zip_district_keys(zip_code: str) -> list[str]:
    """The congressional districts a ZIP code lies in ('CO-1'), one query; [] when unknown."""
    return [district.key for district in districts_for_zip(zip_code or "")]


def fill_signature_districts() -> int:
    """Give each signature with a blank district the one its ZIP code lies in, where it lies in
    one only (the demo's sample signatures, made before the ZIP table may be loaded; migration
    0016 does the same for rows made before the field). Two queries; returns the rows changed."""
    blank = Signature.objects.filter(district_key="").exclude(zip_code="")
    found: dict[str, set[str]] = {}
    zips = set(blank.values_list("zip_code", flat=True))
    for zcta, state, number in ZipDistrict.objects.filter(zcta__in=zips).values_list(
        "zcta", "state", "district"
    ):
        found.setdefault(zcta, set()).add(District(state, number).key)
    changed = 0
    for zcta, keys in found.items():
        if len(keys) == 1:
            changed += blank.filter(zip_code=zcta).update(district_key=keys.pop())
    return changed


def single_district_key(keys: list[str]) -> str:
    """What a signature keeps: the district when the ZIP code lies in one only, else blank."""
    return keys[0] if len(keys) == 1 else ""


@dataclass(frozen=True)
class DistrictCounts:
    keys: tuple[str, ...]
    signatures: int
    letters: int
    calls: int

    @property
    def total(self) -> int:
        return self.signatures + self.letters + self.calls

    @property
    def exact(self) -> bool:
        """The supporter's own district, not an area of several."""
        return len(self.keys) == 1

    @property
    def districts(self) -> list[District]:
        return [district for key in self.keys if (district := District.from_key(key))]


def district_counts(keys) -> DistrictCounts | None:
    """The counts for these district keys (three queries); None without a valid key."""
    districts = {District.from_key(str(key)) for key in keys or ()} - {None}
    keys = tuple(sorted(district.key for district in districts))[:MAX_KEYS]
    if not keys:
        return None
    return DistrictCounts(
        keys=keys,
        signatures=Signature.objects.filter(district_key__in=keys).count(),
        letters=LetterSent.objects.filter(district_key__in=keys).count(),
        calls=CallOutcome.objects.filter(district_key__in=keys)
        .exclude(outcome=Outcome.SKIPPED)
        .count(),
    )
