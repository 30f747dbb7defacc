"""Open data (CSV and JSON) against the database, the create_states command and the demo facts."""

import codecs
import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from core.localization import translate
from core.us_states import US_STATES
from states.models import AssessmentStatus, Bill, BillStatus, Criterion, StateAssessment, StatePage
from tests.states.helpers import SLUGS, make_bill, make_index, make_state, rubric

MET, PARTLY, NOT_MET = AssessmentStatus.MET, AssessmentStatus.PARTLY, AssessmentStatus.NOT_MET


@pytest.fixture
def scorecard(home_page):
    criteria = rubric()
    index = make_index(home_page)
    make_state(index, "CO", [MET] * 6 + [PARTLY] + [NOT_MET] * 2, criteria)
    make_state(index, "NM", [MET, MET, PARTLY], criteria, quote="=HYPERLINK(1)", note="A note.")
    make_state(index, "TX", [], criteria)
    make_bill("CO", (BillStatus.INTRODUCED, datetime.date(2020, 6, 3)), number="SB20-217")
    make_bill("US", (BillStatus.INTRODUCED, datetime.date(2021, 3, 1)), number="H.R. 1470")
    return index, criteria


def read_csv(client, url="/open-data/scorecard.csv"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(codecs.BOM_UTF8)  # so that Excel reads it as UTF-8
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_csv_has_one_row_per_state_and_criterion_matching_the_database(client, scorecard):
    rows = read_csv(client)
    assert len(rows) == 51 * 9
    assert [row["state_code"] for row in rows[::9]] == sorted(code for code, _ in US_STATES)
    colorado = [row for row in rows if row["state_code"] == "CO"]
    assert [row["criterion_slug"] for row in colorado] == SLUGS
    assert {row["state_score"] for row in colorado} == {"6.5"}
    assert {row["rank"] for row in colorado} == {"1"}
    assert colorado[0]["fips"] == "08"
    for row in colorado:
        assessment = StateAssessment.objects.get(
            page__postal_code="CO",
            criterion__slug=row["criterion_slug"],
            locale__language_code="en",
        )
        assert row["status"] == assessment.status
        assert row["quote"] == assessment.quote
        assert row["source_url"] == assessment.source_url
        assert row["checked_on"] == assessment.checked_on.isoformat()
        assert row["state_page_url"] == "http://testserver/en/scorecard/colorado/"
    texas = [row for row in rows if row["state_code"] == "TX"]
    assert {row["status"] for row in texas} == {"not_assessed"}
    assert {row["source_url"] for row in texas} == {""}
    # A page that does not exist yet still has its rows, unassessed.
    assert {row["state_page_url"] for row in rows if row["state_code"] == "WY"} == {""}


@pytest.mark.django_db
def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, scorecard):
    rows = read_csv(client, "/open-data/scorecard.csv?state=nm")
    assert len(rows) == 9
    assert rows[0]["quote"] == "'=HYPERLINK(1)"
    assert rows[0]["note"] == "A note."
    assert rows[0]["state_score"] == "2.5"


@pytest.mark.django_db
def test_json_matches_the_database(client, scorecard):
    response = client.get("/open-data/scorecard.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    assert data["max_score"] == 9
    assert data["updated"] == "2026-01-15"
    assert [c["slug"] for c in data["criteria"]] == list(
        Criterion.objects.filter(locale__language_code="en").values_list("slug", flat=True)
    )
    states = {state["code"]: state for state in data["states"]}
    assert len(states) == 51
    assert states["CO"]["score"] == 6.5 and states["CO"]["rank"] == 1
    assert states["CO"]["bills"][0]["number"] == "SB20-217"
    assert states["CO"]["bills"][0]["history"] == [
        {"status": "introduced", "date": "2020-06-03", "note": ""}
    ]
    assert states["TX"]["rank"] is None and states["TX"]["score"] == 0
    assert [bill["number"] for bill in data["federal_bills"]] == ["H.R. 1470"]
    assert len(data["assessments"]) == 51 * 9
    # The JSON's rows are the CSV's rows, with numbers as numbers and no formula escaping.
    for json_row, csv_row in zip(data["assessments"], read_csv(client), strict=True):
        for key, value in json_row.items():
            text = "" if value is None else str(value)
            if text.startswith("="):
                text = "'" + text
            assert csv_row[key] == text, key


@pytest.mark.django_db
def test_open_data_in_spanish(client, scorecard, spanish_home):
    index, _criteria = scorecard
    translate(
        index,
        "es",
        {index.title: "Evaluación", index.slug: "evaluacion", index.introduction: "Intro."},
    )
    response = client.get("/open-data/scorecard.json?lang=es")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["language"] == "es"
    assert data["criteria"][6]["title"] == "Responsabilidad de los agentes que no intervienen"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?state=ZZ", "Unknown state code “ZZ”"),
        ("?state=%3Cscript%3E", "Unknown state code “<SCRIPT>”"),
        ("?lang=fr", "Unknown language “fr”"),
    ],
)
def test_open_data_refuses_unknown_states_and_languages_clearly(client, scorecard, query, message):
    for url in ("/open-data/scorecard.csv", "/open-data/scorecard.json"):
        response = client.get(url + query)
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/plain")
        assert message in response.content.decode()


@pytest.mark.django_db
def test_open_data_before_the_scorecard_exists_is_a_clear_not_found(client, home_page):
    response = client.get("/open-data/scorecard.csv")
    assert response.status_code == 404
    assert "not published" in response.content.decode()


@pytest.mark.django_db
def test_the_map_page_links_the_open_data_and_says_when_it_was_updated(client, scorecard):
    html = client.get("/en/scorecard/").content.decode()
    assert 'href="/open-data/scorecard.csv"' in html
    assert 'href="/open-data/scorecard.json"' in html
    assert "Last updated Jan. 15, 2026" in html


# The create_states command ---------------------------------------------------------------------


@pytest.mark.django_db
def test_create_states_makes_the_rubric_and_51_pages_in_both_languages_once(
    home_page, spanish_home
):
    out = io.StringIO()
    call_command("create_states", stdout=out)
    english, spanish = (
        Locale.objects.get(language_code="en"),
        Locale.objects.get(language_code="es"),
    )
    assert StatePage.objects.filter(locale=english).count() == 51
    assert StatePage.objects.filter(locale=spanish).count() == 51
    assert set(StatePage.objects.values_list("postal_code", flat=True)) == {c for c, _ in US_STATES}
    assert StatePage.objects.get(locale=spanish, postal_code="NM").title == "Nuevo México"
    assert StatePage.objects.get(locale=spanish, postal_code="NM").slug == "nuevo-mexico"
    assert Criterion.objects.filter(locale=english).count() == 9
    spanish_criteria = Criterion.objects.filter(locale=spanish)
    assert list(spanish_criteria.values_list("slug", flat=True)) == SLUGS
    assert [c.group for c in spanish_criteria] == ["end"] * 4 + ["start"] * 5
    pages_before = StatePage.objects.count()
    out = io.StringIO()
    call_command("create_states", stdout=out)
    assert StatePage.objects.count() == pages_before
    assert "created" not in out.getvalue() and "translated" not in out.getvalue()


# The demo's facts ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_demo_assessment_is_cited_and_dated_and_the_rest_unassessed(demo_site, client):
    assessed = StateAssessment.objects.exclude(status=AssessmentStatus.NOT_ASSESSED)
    assert assessed.filter(locale__language_code="en").count() >= 15
    for assessment in assessed:
        assert assessment.source_url.startswith("https://")
        assert assessment.checked_on is not None
        assert assessment.source_title
    assessed_states = set(assessed.values_list("page__postal_code", flat=True))
    assert assessed_states == {"CO", "NM", "CT"}
    data = json.loads(client.get("/open-data/scorecard.json").content)
    unassessed = [s for s in data["states"] if s["code"] not in assessed_states]
    assert len(unassessed) == 48
    assert {s["criteria_assessed"] for s in unassessed} == {0}
    assert {s["rank"] for s in unassessed} == {None}
    colorado = next(s for s in data["states"] if s["code"] == "CO")
    assert colorado["score"] == 7.0 and colorado["criteria_assessed"] == 9
    assert Bill.objects.filter(locale__language_code="en", jurisdiction="US").count() == 3
