"""A signer's state from their ZIP code: the USPS three-digit prefixes, checked against the
Census ZCTA file in /work/shared/data (read from there, never copied into the repository)."""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from core.us_states import US_STATES
from states.zip_codes import normalize_zip, state_for_prefix
from tests.helpers import require_tool, shared_data_folder

SHARED_DATA = shared_data_folder("zccd.csv")
ZCCD = (SHARED_DATA or Path("/nonexistent")) / "zccd.csv"


@pytest.mark.parametrize(
    ("zip_code", "state"),
    [("20515", "DC"), ("10001", "NY"), ("02139", "MA"), ("00501", "NY"), ("78701", "TX"),
     ("73301", "TX"), ("96813", "HI"), ("99501", "AK"), ("05501", "MA"), ("20101", "VA"),
     ("00901", ""), ("09001", ""), ("96201", ""), ("00001", "")],
)  # fmt: skip
def test_known_zip_codes_give_their_state(zip_code, state):
    assert state_for_prefix(zip_code) == state


@pytest.mark.parametrize("zip_code", ["", "20", "2O515", "ab515", "-2051"])
def test_what_is_not_a_zip_code_gives_no_state(zip_code):
    assert state_for_prefix(zip_code) == ""


def test_every_state_the_table_names_is_a_state_or_dc():
    from states.zip_codes import PREFIX_RANGES

    codes = {code for code, _name in US_STATES}
    assert {state for _start, _end, state in PREFIX_RANGES} == codes
    starts = [start for start, _end, _state in PREFIX_RANGES]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("20515", "20515"), (" 20515 ", "20515"), ("20515-1234", "20515"), ("205151234", "20515"),
     ("2051", None), ("205156", None), ("ABCDE", None), ("", None), ("20515-12", None)],
)  # fmt: skip
def test_zip_codes_are_five_digits_with_an_optional_plus_four(raw, clean):
    assert normalize_zip(raw) == clean


def test_the_prefix_table_agrees_with_the_census_zcta_file():
    require_tool(ZCCD.exists(), f"{ZCCD} is not on this machine")
    states = defaultdict(set)
    with ZCCD.open() as handle:
        for row in csv.DictReader(handle):
            states[row["zcta"]].add(row["state_abbr"])
    ours = {code for code, _name in US_STATES}
    # ZCTAs in one state only (a few straddle a state line), in the 50 states and DC.
    single = {zcta: next(iter(s)) for zcta, s in states.items() if len(s) == 1 and s <= ours}
    wrong = [zcta for zcta, state in single.items() if state_for_prefix(zcta) != state]
    assert len(single) > 30_000
    # The handful that differ are border ZCTAs whose prefix belongs to the neighbouring state.
    assert len(wrong) / len(single) < 0.001, wrong[:20]
