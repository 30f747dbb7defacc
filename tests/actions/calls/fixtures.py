"""Fixtures for the call tests (and the bad-input catalogue's call form): a call page for the bill of the letter tests (and its Spanish
translation) and district offices for the small Congress of tests/actions/letters/fixtures.py."""

import pytest

from actions.factories import CallPageFactory
from actions.models import CallPage
from core.localization import translate
from states.models import Bill, DistrictOffice
from tests.actions.letters.helpers import plaintext
from tests.module_data import built, shared

SPANISH_SCRIPT = """Hola, me llamo {full_name} y vivo en {city}, {zip_code}.

Llamo para pedirle a {legislator_title} {legislator_last_name} que apoye la {bill}."""


@shared("call_page")
def build_call_page(site, need) -> int:
    page = CallPageFactory(
        parent=site.home, slug="call-congress", bill=Bill.objects.get(pk=need("bill"))
    )
    page.save_revision().publish()
    return page.pk


@pytest.fixture
def call_page(home_page, bill):
    """Built once for the module's tests (tests/module_data.py)."""
    return CallPage.objects.get(pk=built("call_page"))


@pytest.fixture
def spanish_call_page(call_page, spanish_bill):
    strings = {
        call_page.title: "Llame al Congreso",
        call_page.slug: "llame-al-congreso",
        call_page.introduction: "Llame a sus congresistas: son cinco minutos.",
        call_page.script: SPANISH_SCRIPT,
        call_page.office_hours: "Las oficinas atienden de 9 a 5, hora local.",
        call_page.consent_text: "No guardamos nada de lo que escribe aquí.",
    }
    return translate(call_page, "es", {plaintext(en): plaintext(es) for en, es in strings.items()})


@pytest.fixture
def offices(congress):
    """Denverson (CO-1) has an office in ZIP 80202 and one in Aurora; Senator Coloradan one
    in Pueblo (another postal area); Senator Rockies none."""
    rows = [
        ("co1-denver", congress["co-1"], "Denver", "80202", "303-555-0101"),
        ("co1-aurora", congress["co-1"], "Aurora", "80012", "303-555-0102"),
        ("co-pueblo", congress["co-senators"][0], "Pueblo", "81003", "719-555-0103"),
        ("co-nophone", congress["co-senators"][0], "Grand Junction", "81501", ""),
    ]
    return [
        DistrictOffice.objects.create(
            office_id=office_id,
            legislator=member,
            city=city,
            state="CO",
            zip_code=zip_code,
            phone=phone,
            address="1 Main St.",
        )
        for office_id, member, city, zip_code, phone in rows
    ]
