"""Open data (CSV and JSON) against the database, the create_states command and the demo facts."""

import codecs
import csv
import datetime
import io
import json
import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from core.localization import translate
from core.us_states import US_STATES
from states.demo.bills import SAMPLE_COMMITTEE, name_sample_committee
from states.models import (
    AssessmentStatus,
    Bill,
    BillStatus,
    Criterion,
    StateAssessment,
    StateCommittee,
    StateCommitteeMembership,
    StateLegislator,
    StatePage,
)
from tests.helpers import remove_rubric, require_tool, shared_data_folder
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
    remove_rubric()  # the baseline has it
    out = io.StringIO()
    call_command("create_states", stdout=out)
    assert out.getvalue().count("created the criterion") == 9
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


def research_file():
    folder = shared_data_folder("scorecard/assessments.csv")
    require_tool(folder is not None, "the scorecard research (../shared/data/scorecard) is absent")
    with (folder / "scorecard" / "assessments.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


HALF = {"met": 2, "partly_met": 1}


@pytest.mark.django_db
def test_the_demo_scorecard_agrees_with_the_research_file(demo_site, client):
    """On a fresh demo: every researched state coloured, and the map, ranking and open data
    agree with assessments.csv mark by mark; importing it again changes nothing."""
    research = research_file()
    points, assessed = {}, {}
    for row in research:
        code = row["state_code"]
        points[code] = points.get(code, 0) + HALF.get(row["status"], 0)
        assessed[code] = assessed.get(code, 0) + (row["status"] != "not_assessed")
    data = json.loads(client.get("/open-data/scorecard.json").content)
    states = {state["code"]: state for state in data["states"]}
    assert len(states) == 51
    for code, state in states.items():
        assert state["score"] == points[code] / 2, code
        assert state["criteria_assessed"] == assessed[code], code
    # Ranks: best score first, ties share a rank, a state with nothing assessed has none.
    ordered = sorted((c for c in points if assessed[c]), key=lambda c: -points[c])
    expected_rank = {code: 1 + sum(points[o] > points[code] for o in ordered) for code in ordered}
    assert {c: s["rank"] for c, s in states.items() if s["rank"]} == expected_rank
    assert "can only rise as research fills the gaps" in data["partly_assessed_rule"]
    # The CSV carries each mark's own status, date and confidence.
    rows = {(r["state_code"], r["criterion_slug"]): r for r in read_csv(client)}
    statuses = {"partly_met": "partly"}
    for mark in research:
        published = rows[(mark["state_code"], mark["criterion_slug"])]
        assert published["status"] == statuses.get(mark["status"], mark["status"])
        assert published["checked_on"] == mark["checked_on"]
        assert published["confidence"] == mark["confidence"]
    # The map colours every state with a researched mark, in both languages.
    for url in ("/en/scorecard/", "/es/evaluacion-por-estado/"):
        html = client.get(url).content.decode()
        grey = re.findall(r'class="map-state map-state--none', html)
        assert len(grey) == sum(1 for code in points if not assessed[code]), url
    out = io.StringIO()
    call_command("import_scorecard", stdout=out)
    assert "0 added, 0 changed, 459 unchanged" in out.getvalue()


@pytest.mark.django_db
def test_the_demo_letter_asks_each_chamber_for_its_live_bill_and_lists_every_federal_bill(
    demo_site, client
):
    from actions.models.letters import LetterPage

    folder = shared_data_folder("federal-bills.csv")
    require_tool(folder is not None, "the federal bill list (../shared/data) is absent")
    with (folder / "federal-bills.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    federal = Bill.objects.filter(locale__language_code="en", jurisdiction="US")
    assert sorted(federal.values_list("number", flat=True)) == sorted(r["bill"] for r in rows)
    letters = list(LetterPage.objects.live())
    # The sample letter to state legislators asks for no bill; the others follow theirs.
    plain = [letter for letter in letters if letter.writes_to_states and not letter.follows_bill]
    assert {letter.title for letter in plain} == {
        "Write to your state legislators",
        "Escriba a sus legisladores estatales",
    }
    assert not any(letter.asked_bills for letter in plain)
    followed = {
        (letter.locale.language_code, letter.bill.number, letter.bill_step.step)
        for letter in letters
        if letter.follows_bill
    }
    assert followed == {
        (language, number, step)
        for language in ("en", "es")
        for number, step in (("SB20-217", "thanks"), ("HB 4", "thanks"), ("SF 9999", "committee"))
    }
    for letter in [letter for letter in letters if not letter.writes_to_states]:
        assert not letter.dead_bills, letter.url
        assert (letter.bill_for("senate").number, letter.bill_for("house").number) == (
            "S. 1913",
            "H.R. 3602",
        )
        assert {bill.status for bill in letter.asked_bills} == {BillStatus.IN_COMMITTEE}
    html = client.get("/en/scorecard/").content.decode()
    assert "Would write qualified immunity into law (we oppose it)" in html  # H.R. 503
    assert html.count("badge--pending") >= 3  # S. 1913, H.R. 3602, H.R. 503 in committee


@pytest.mark.django_db
def test_the_demo_follows_its_bills_in_both_languages_with_js_off(demo_site, client):
    """Colorado's page shows SB 20-217 as law and its sponsors' thanks; the sample bill's page
    asks to write to its committee (named once the committees are imported, as the demo does);
    the same in Spanish. Plain HTML: nothing here needs JavaScript."""
    committee = StateCommittee.objects.create(
        committee_id=SAMPLE_COMMITTEE,
        state="MN",
        chamber="upper",
        name="Judiciary and Public Safety",
    )
    member = StateLegislator.objects.create(
        person_id="ocd-person/sample", name="Sam Ple", family_name="Ple", state="MN",
        chamber="upper", district="1", member_title="Senator",
    )  # fmt: skip
    StateCommitteeMembership.objects.create(committee=committee, legislator=member)
    name_sample_committee(io.StringIO())
    pages = {
        (page.locale.language_code, page.postal_code): page.url
        for page in StatePage.objects.filter(postal_code__in=["CO", "MN"])
    }
    colorado = client.get(pages["en", "CO"]).content.decode()
    assert "SB20-217" in colorado and "Signed into law" in colorado
    assert "It is law. Thank the sponsors who carried it." in colorado
    assert "Sen. Leroy Garcia" in colorado
    colorado = client.get(pages["es", "CO"]).content.decode()
    assert "Es ley. Agradezca a los patrocinadores que la impulsaron." in colorado
    minnesota = client.get(pages["en", "MN"]).content.decode()
    assert "It is before the Judiciary and Public Safety committee" in minnesota
    minnesota = client.get(pages["es", "MN"]).content.decode()
    assert "Está ante la comisión Judiciary and Public Safety" in minnesota
    action = client.get("/es/muestra-minnesota-sf-9999/").content.decode()
    assert "Escriba a la comisión" in action and "Sam Ple" in action
