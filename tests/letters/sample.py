"""A small sample of Congress for the browser tests' live site, when the demo has loaded no
legislator data: New York's senators and the two districts ZIP code 10027 spans (as in the real
Census table), with invented names. Nothing is added when legislators are already there (the
real import), so the journeys run against either.

    manage.py shell -c "from tests.letters.sample import load; load()"
"""

from django.db import transaction
from django.utils import timezone

from states.factories import LegislatorFactory, ZipDistrictFactory
from states.models import Chamber, Legislator, LegislatorImport

SPLIT_ZIP = "10027"


@transaction.atomic
def load() -> None:
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
        started_at=timezone.now(), source="tests/letters/sample.py", legislator_count=4,
        zip_area_count=2,
    )  # fmt: skip
