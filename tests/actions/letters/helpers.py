"""Helpers for the letter tests: what a supporter posts, the page's Spanish strings, and a small
sample of Congress for the browser tests."""

import time

from django.db import transaction
from django.test import Client
from django.utils import timezone
from wagtail_localize.strings import StringValue

from core.spam import started_token
from states.factories import LegislatorFactory, ZipDistrictFactory
from states.models import Chamber, Legislator, LegislatorImport


def letter_data(**extra) -> dict:
    data = {
        "full_name": "Ana Rivera",
        "email": "",
        "city": "Denver",
        "zip_code": "80202",
        "website": "",
        "form_started": started_token(time.time() - 30),
    }
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}


def write(client: Client, page, ip="203.0.113.9", **data):
    return client.post(page.url, letter_data(**data), REMOTE_ADDR=ip)


SPANISH_LETTER = """Estimado/a {legislator_title} {legislator_last_name}:

Me llamo {full_name} y vivo en {city}, {state}. Le pido que vote a favor de la {bill}.

Atentamente,
{full_name}"""


def plaintext(text: str) -> str:
    """A plain-text field as wagtail-localize stores its segment (escaped, <br> for breaks)."""
    return StringValue.from_plaintext(text).data


def spanish_strings(page, letter=SPANISH_LETTER) -> dict:
    """Every segment of a factory letter page, translated (defaults included)."""
    strings = {
        page.title: "Escriba al Congreso",
        page.slug: f"{page.slug}-es",
        page.introduction: "Pida a sus congresistas que acaben con la inmunidad calificada.",
        page.subject: "Por favor, apoye la {bill}",
        page.letter_template: letter,
        page.diy_text: "Copie la carta y complete las partes entre corchetes.",
        page.consent_text: "No guardamos nada de lo que escribe aquí.",
    }
    return {plaintext(english): plaintext(spanish) for english, spanish in strings.items()}


SPLIT_ZIP = "10027"


@transaction.atomic
def load_sample_congress() -> None:
    """A small sample of Congress for the browser tests' live site, when the demo has loaded no
    legislator data: New York's senators and the two districts ZIP code 10027 spans (as in the
    real Census table), with invented names. Nothing is added when legislators are already there
    (the real import), so the journeys run against either.

        manage.py shell -c "from tests.actions.letters.helpers import load_sample_congress; ..."
    """
    if Legislator.objects.exists():
        return
    for bioguide_id, last_name in (("S900001", "Hudson"), ("S900002", "Adirondack")):
        LegislatorFactory(
            bioguide_id=bioguide_id, chamber=Chamber.SENATE, state="NY", first_name="Sample",
            last_name=last_name, full_name=f"Sample {last_name}",
            website=f"https://www.{last_name.lower()}.senate.gov",
            contact_form_url=f"https://www.{last_name.lower()}.senate.gov/contact",
        )  # fmt: skip
    for bioguide_id, district, last_name, contact in (
        ("H900012", 12, "Morningside", ""),
        ("H900013", 13, "Harlem", "https://harlem.house.gov/contact"),
    ):
        LegislatorFactory(
            bioguide_id=bioguide_id, chamber=Chamber.HOUSE, state="NY", district=district,
            first_name="Sample", last_name=last_name, full_name=f"Sample {last_name}",
            website=f"https://{last_name.lower()}.house.gov", contact_form_url=contact,
        )  # fmt: skip
        ZipDistrictFactory(zcta=SPLIT_ZIP, state="NY", district=district)
    LegislatorImport.objects.create(
        started_at=timezone.now(), source="tests/actions/letters/helpers.py", legislator_count=4,
        zip_area_count=2,
    )  # fmt: skip
