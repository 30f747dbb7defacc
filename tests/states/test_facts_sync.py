"""Facts never wait for a translator (DESIGN.md, Languages): a mark or a bill's status changed
in English, in the admin, shows in Spanish at once, on the state page, map, ranking and open
data; the words translators translated stay translated."""

import io
import json
import re

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core.localization import translate
from states import seed
from states.models import AssessmentStatus, Bill, BillStatus, StatePage
from tests.states.helpers import make_bill, make_state, rubric

MET, PARTLY, NOT_MET = AssessmentStatus.MET, AssessmentStatus.PARTLY, AssessmentStatus.NOT_MET


@pytest.fixture
def colorado(home_page, spanish_home):
    criteria = rubric()
    index = seed.ensure_index(io.StringIO())
    page = make_state(index, "CO", [MET, NOT_MET], criteria, note="Only police.")
    page.save_revision().publish()
    translate(
        page,
        "es",
        {"Colorado": "Colorado", "colorado": "colorado", "Only police.": "Solo la policía."},
    )
    return page, criteria


def edit_state(client, page, rows):
    """The admin's edit form for a state page, published, with these assessment rows."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "postal_code": page.postal_code,
            "summary": rich_text(""),
            "assessments": inline_formset(rows, initial=len([r for r in rows if r.get("id")])),
            "take_action_page": "",
            "take_action_label": "",
            "action-publish": "action-publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]


def row(assessment=None, **fields):
    values = {
        "criterion": assessment.criterion_id if assessment else None,
        "status": assessment.status if assessment else MET,
        "summary": "",
        "citation": "",
        "quote": assessment.quote if assessment else "",
        "source_title": "A statute",
        "source_url": "https://example.org/statute",
        "checked_on": "2026-01-15",
        "confidence": "",
        "note": assessment.note if assessment else "",
    }
    if assessment is not None:
        values["id"] = assessment.pk
    values.update(fields)
    return values


@pytest.mark.django_db
def test_a_mark_changed_in_english_shows_in_spanish_at_once(admin_client, client, colorado):
    page, criteria = colorado
    first, second = page.assessments.order_by("sort_order")
    edit_state(
        admin_client,
        page,
        [
            row(first),
            row(second, status=PARTLY),  # not met → partly met
            row(criterion=criteria["award-caps"].pk, status=MET, note="No cap at all."),
        ],
    )
    spanish = StatePage.objects.get(postal_code="CO", locale__language_code="es")
    assert not spanish.has_unpublished_changes
    html = client.get("/es/evaluacion-por-estado/colorado/").content.decode()
    # Failed once in CI on PostgreSQL (5 December) and never alone: say what the page held.
    score = re.search(r"<strong>[^<]*de 9</strong>[^<]*", html)
    assert "<strong>2,5 de 9</strong>; 3 evaluados" in html, score and score.group(0)
    assert "Solo la policía." in html  # what the translator translated stays
    # The new words, marked English for now and said to be untranslated.
    assert (
        '<p class="criterion__note"><span lang="en">No cap at all.</span> '
        '<span class="meta">(aún sin traducir)</span></p>'
    ) in html
    html = client.get("/es/evaluacion-por-estado/").content.decode()
    assert 'aria-label="Colorado: 2,5 de 9; 3 evaluados"' in html
    data = json.loads(client.get("/open-data/scorecard.json?lang=es&state=CO").content)
    assert data["states"][0]["score"] == 2.5
    statuses = [r["status"] for r in data["assessments"]]
    assert statuses[:4] == [MET, PARTLY, "not_assessed", MET]


@pytest.mark.django_db
def test_a_bills_status_changed_in_the_admin_shows_in_spanish_at_once(admin_client, colorado):
    bill = make_bill("CO", (BillStatus.IN_COMMITTEE, "2026-01-05"), number="SB26-001")
    translate(bill, "es", {bill.title: "Título", bill.sponsor: bill.sponsor})
    changes = list(bill.status_changes.all())
    data = nested_form_data(
        {
            "jurisdiction": "CO",
            "number": "SB26-001",
            "session": "",
            "title": bill.title,
            "stance": "ends",
            "summary": "",
            "sponsor": bill.sponsor,
            "url": bill.url,
            "status_changes": inline_formset(
                [
                    {
                        "id": changes[0].pk,
                        "status": "in_committee",
                        "date": "2026-01-05",
                        "note": "",
                    },
                    {"status": "failed", "date": "2026-05-06", "note": "Died in committee"},
                ],
                initial=1,
                min=1,
            ),
        }
    )
    response = admin_client.post(reverse("wagtailsnippets_states_bill:edit", args=[bill.pk]), data)
    assert response.status_code == 302
    spanish = Bill.objects.get(number="SB26-001", locale=Locale.objects.get(language_code="es"))
    assert spanish.status == BillStatus.FAILED and spanish.stance == "ends"
    assert spanish.title == "Título"
