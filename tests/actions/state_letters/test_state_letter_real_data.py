"""The Done-when of issue 22 (state letters) on the real Open States and Census data
(../shared/data, never committed; skipped without it): Minnesota ZIP 55406 touches house 63A and
63B, so the supporter is asked, then writes to one state senator and one representative."""

import re

import pytest

from actions.models.letters import LetterSent
from states.models import StateLegislator
from tests.actions.letters.helpers import write
from tests.states.state_legislators.conftest import real_data, real_import  # noqa: F401

# One process runs the tests that read the real data, one after another (tests/conftest.py).
pytestmark = pytest.mark.django_db


def test_minneapolis_55406_is_asked_then_writes_to_one_senator_and_one_representative(
    client,
    state_letter_page,
    spanish_state_letter_page,
    real_data,  # noqa: F811
):
    html = write(client, state_letter_page, zip_code="55406", city="Minneapolis").content.decode()
    assert "Which district do you live in?" in html
    assert 'value="MN|63A"' in html and 'value="MN|63B"' in html
    assert 'name="district_upper"' not in html  # senate 63 is the only one
    [senator] = StateLegislator.objects.filter(state="MN", chamber="upper", district="63")
    [rep] = StateLegislator.objects.filter(state="MN", chamber="lower", district="63A")
    assert f"Representative {rep.name}" in html
    html = write(
        client, spanish_state_letter_page, zip_code="55406", district_lower="MN|63A"
    ).content.decode()
    assert "Sus 2 cartas están listas" in html
    assert re.search(rf"Estimado/a Senador\S* {senator.family_name}:", html)
    assert re.search(rf"Estimado/a Representante {rep.family_name}:", html)
    assert senator.email and senator.email in html and rep.email in html
    assert "Oficina del capitolio" in html
    assert sorted(LetterSent.objects.values_list("chamber", "district_key")) == [
        ("lower", "MN 63A"),
        ("upper", "MN 63"),
    ]
