"""A ZIP code's state from one source (issue 21): the Census relation the letters use where it
places the ZIP in one state, the USPS prefix otherwise; the petition form stores that answer."""

import pytest

from actions.models import Signature
from states.congress import state_for_zip
from states.factories import ZipDistrictFactory
from states.zip_codes import state_for_prefix
from tests.actions.petitions.helpers import sign

pytestmark = pytest.mark.django_db

# ZCTA 42223 (Fort Campbell) has a Kentucky prefix but lies mostly in Tennessee; here the
# relation places it in Tennessee alone, as a Census file could.
BORDER_ZIP = "42223"


def test_the_census_relation_decides_where_it_places_the_zip_in_one_state():
    assert state_for_prefix(BORDER_ZIP) == "KY"
    ZipDistrictFactory(zcta=BORDER_ZIP, state="TN", district=7)
    assert state_for_zip(BORDER_ZIP) == "TN"
    assert state_for_zip(f"{BORDER_ZIP}-1234") == "TN"


def test_a_zip_across_a_state_line_or_missing_from_the_relation_goes_by_its_prefix():
    ZipDistrictFactory(zcta=BORDER_ZIP, state="TN", district=7)
    ZipDistrictFactory(zcta=BORDER_ZIP, state="KY", district=1)
    assert state_for_zip(BORDER_ZIP) == "KY"
    assert state_for_zip("78701") == "TX"  # not in the relation: the prefix
    assert state_for_zip("09001") == ""  # a military prefix names no state
    assert state_for_zip("2051") == "" and state_for_zip("") == ""


def test_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        state_for_zip("78701")


def test_a_signature_keeps_the_state_the_relation_gives(client, petition):
    ZipDistrictFactory(zcta=BORDER_ZIP, state="TN", district=7)
    response = sign(client, petition, zip_code=BORDER_ZIP)
    assert response.status_code == 302
    assert Signature.objects.get().state == "TN"
