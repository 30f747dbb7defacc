"""Editing the scorecard: assessment validation in the admin, bills and their status, Spanish
pages through wagtail-localize, and the query budgets of the map and state pages."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core.localization import translate
from core.us_states import US_STATES
from states import seed
from states.factories import LegislatorFactory
from states.models import (
    AssessmentStatus,
    Bill,
    BillStatus,
    Chamber,
    Committee,
    CommitteeMembership,
    DistrictOffice,
    StateAssessment,
    StatePage,
)
from tests.helpers import warm_queries
from tests.states.helpers import make_bill, make_index, make_state, rubric

MET, PARTLY, NOT_MET = AssessmentStatus.MET, AssessmentStatus.PARTLY, AssessmentStatus.NOT_MET


# Admin validation ------------------------------------------------------------------------------


def state_form(criteria, rows, code="CO"):
    name = dict(US_STATES)[code]
    return nested_form_data(
        {
            "title": name,
            "slug": slugify(name),
            "postal_code": code,
            "summary": rich_text(""),
            "assessments": inline_formset(
                [
                    {
                        "criterion": criteria[slug].pk,
                        "status": status,
                        "quote": "Qualified immunity is not a defense.",
                        "source_title": "A statute",
                        "source_url": url,
                        "checked_on": checked_on,
                        "note": "",
                    }
                    for slug, status, url, checked_on in rows
                ]
            ),
            "take_action_page": "",
            "take_action_label": "",
            "action-publish": "action-publish",
        }
    )


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["states", "statepage", index.pk])


@pytest.fixture
def editor_setup(home_page, admin_client):
    return admin_client, make_index(home_page), rubric()


@pytest.mark.django_db
def test_an_assessment_without_a_source_is_refused_with_a_clear_message(editor_setup):
    client, index, criteria = editor_setup
    data = state_form(criteria, [("police-immunity", MET, "", "2026-01-15")])
    response = client.post(add_url(index), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Give a link to the source" in html
    assert not StatePage.objects.filter(postal_code="CO").exists()
    # What the editor typed is kept.
    assert "Qualified immunity is not a defense." in html


@pytest.mark.django_db
def test_an_assessment_without_a_checked_on_date_is_refused(editor_setup):
    client, index, criteria = editor_setup
    data = state_form(criteria, [("police-immunity", PARTLY, "https://example.org/law", "")])
    response = client.post(add_url(index), data)
    assert "Give the date you checked the source." in response.content.decode()
    assert not StatePage.objects.exists()


@pytest.mark.django_db
def test_not_yet_assessed_needs_no_source_and_a_cited_assessment_saves(editor_setup):
    client, index, criteria = editor_setup
    data = state_form(
        criteria,
        [
            ("police-immunity", MET, "https://example.org/law", "2026-01-15"),
            ("award-caps", AssessmentStatus.NOT_ASSESSED, "", ""),
        ],
    )
    response = client.post(add_url(index), data)
    assert response.status_code == 302
    page = StatePage.objects.get(postal_code="CO")
    assert page.live
    assert sorted(page.assessments.values_list("status", flat=True)) == [MET, "not_assessed"]


@pytest.mark.django_db
def test_a_criterion_assessed_twice_on_one_page_is_refused(editor_setup):
    client, index, criteria = editor_setup
    url, day = "https://example.org/law", "2026-01-15"
    data = state_form(
        criteria, [("police-immunity", MET, url, day), ("police-immunity", NOT_MET, url, day)]
    )
    response = client.post(add_url(index), data)
    assert response.status_code == 200
    assert "is already assessed above" in response.content.decode()
    assert not StateAssessment.objects.exists()


@pytest.mark.django_db
def test_a_criterion_in_another_language_is_refused(editor_setup, spanish_home):
    client, index, criteria = editor_setup
    spanish = criteria["police-immunity"].get_translation(spanish_home.locale)
    data = state_form(
        {"police-immunity": spanish}, [("police-immunity", MET, "https://e.org", "2026-01-15")]
    )
    response = client.post(add_url(index), data)
    assert "in this page&#x27;s language" in response.content.decode()
    assert not StatePage.objects.exists()


@pytest.mark.django_db
def test_a_state_gets_one_page_per_language(editor_setup):
    client, index, criteria = editor_setup
    make_state(index, "CO", [], criteria)
    response = client.post(add_url(index), state_form(criteria, [], code="CO"))
    assert response.status_code == 200
    assert "Colorado already has a page in this language." in response.content.decode()


@pytest.mark.django_db
def test_the_edit_views_open_for_the_scorecard_and_a_state(editor_setup):
    client, index, criteria = editor_setup
    page = make_state(index, "CO", [MET, PARTLY], criteria)
    for pk in (index.pk, page.pk):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[pk]))
        assert response.status_code == 200
    assert "Assessments" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("reference_index_current", [True, False])
@pytest.mark.indexes
def test_a_criterion_in_use_cannot_be_deleted(editor_setup, reference_index_current):
    from wagtail.models import ReferenceIndex

    client, index, criteria = editor_setup
    make_state(index, "CO", [MET], criteria)
    if not reference_index_current:  # e.g. the task that updates it has not run yet
        ReferenceIndex.objects.all().delete()
    criterion = criteria["police-immunity"]
    url = reverse("wagtailsnippets_states_criterion:delete", args=[criterion.pk])
    response = client.post(url, follow=True)
    assert response.status_code in (200, 403)
    assert criterion.__class__.objects.filter(pk=criterion.pk).exists()
    if not reference_index_current:
        assert "is assessed on state pages, so it cannot be deleted" in response.content.decode()


@pytest.mark.django_db
def test_a_criterion_slug_already_in_use_is_refused(editor_setup):
    client, _index, _criteria = editor_setup
    data = {
        "title": "Another",
        "group": "end",
        "sort_order": "10",
        "slug": "police-immunity",
        "filter_label": "States that do another thing",
        "explanation": "Explained.",
    }
    url = reverse("wagtailsnippets_states_criterion:add") + "?locale=en"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Another criterion already uses this slug." in response.content.decode()
    response = client.post(url, {**data, "slug": "another"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_the_admin_edits_criteria_and_bills_as_snippets(editor_setup):
    client, _index, _criteria = editor_setup
    make_bill("CO", number="SB20-217")
    assert client.get(reverse("wagtailsnippets_states_criterion:list")).status_code == 200
    response = client.get(reverse("wagtailsnippets_states_bill:list"))
    assert response.status_code == 200
    assert "SB20-217" in response.content.decode()


def bill_form(changes):
    return nested_form_data(
        {
            "jurisdiction": "NM",
            "number": "HB 4",
            "session": "2021 regular session",
            "title": "New Mexico Civil Rights Act",
            "summary": "",
            "sponsor": "Rep. Georgene Louis",
            "url": "https://www.nmlegis.gov/",
            "status_changes": inline_formset(
                [{"status": status, "date": date, "note": ""} for status, date in changes],
                min=1,
            ),
        }
    )


@pytest.mark.django_db
def test_an_editor_adds_a_bill_with_its_status_history(editor_setup):
    client, _index, _criteria = editor_setup
    url = reverse("wagtailsnippets_states_bill:add") + "?locale=en"
    response = client.post(url, bill_form([]))
    assert response.status_code == 200  # a bill needs at least one dated status
    assert not Bill.objects.exists()
    response = client.post(url, bill_form([("introduced", "2021-01-19"), ("signed", "2021-04-07")]))
    assert response.status_code == 302
    bill = Bill.objects.get(number="HB 4")
    assert bill.status == BillStatus.SIGNED and bill.locale.language_code == "en"


# Bills -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_bills_status_is_its_latest_dated_change(home_page):
    bill = make_bill(
        "NM",
        (BillStatus.PASSED_ONE_CHAMBER, datetime.date(2021, 3, 1)),
        (BillStatus.INTRODUCED, datetime.date(2021, 1, 19)),
        (BillStatus.SIGNED, datetime.date(2021, 4, 7)),
    )
    assert [c.status for c in bill.history] == ["introduced", "passed_one_chamber", "signed"]
    assert bill.status == BillStatus.SIGNED
    assert bill.status_date == datetime.date(2021, 4, 7)
    assert bill.is_enacted and not bill.is_pending
    assert bill.passed_within(2, today=datetime.date(2023, 4, 7))
    assert not bill.passed_within(2, today=datetime.date(2023, 4, 8))
    pending = make_bill("NM", (BillStatus.IN_COMMITTEE, datetime.date(2026, 2, 1)))
    assert pending.is_pending and not pending.passed_within(2)


@pytest.mark.django_db
def test_pending_and_recently_passed_bills_show_in_the_table(client, home_page):
    criteria = rubric()
    index = make_index(home_page, recent_years=3)
    for code in ("CO", "NM", "IL"):
        make_state(index, code, [MET], criteria)
    today = datetime.date.today()
    make_bill("CO", (BillStatus.SIGNED, today - datetime.timedelta(days=30)), number="SB1")
    make_bill("NM", (BillStatus.IN_COMMITTEE, today), number="HB2")
    make_bill("IL", (BillStatus.SIGNED, datetime.date(2015, 5, 1)), number="HB3")
    make_bill("US", (BillStatus.INTRODUCED, datetime.date(2021, 3, 1)), number="H.R. 1470")
    html = client.get("/en/scorecard/").content.decode()
    assert "Recently passed: SB1" in html
    assert "Pending: HB2" in html
    assert "Law since 2015: HB3" in html
    federal = html[html.index('id="federal-bills"') :]
    assert "H.R. 1470" in federal


@pytest.mark.django_db
def test_a_state_page_lists_its_bills_with_their_history(client, home_page):
    index = make_index(home_page)
    make_state(index, "CO", [MET])
    make_bill(
        "CO",
        (BillStatus.INTRODUCED, datetime.date(2020, 6, 3)),
        (BillStatus.SIGNED, datetime.date(2020, 6, 19)),
        number="SB20-217",
        title="Enhance Law Enforcement Integrity",
    )
    make_bill("NM", number="HB 4", title="Not Colorado's")
    make_bill("US", number="H.R. 1470", title="Ending Qualified Immunity Act")
    html = client.get("/en/scorecard/colorado/").content.decode()
    assert "SB20-217: Enhance Law Enforcement Integrity" in html
    assert '<time datetime="2020-06-03">June 3, 2020</time>: Introduced' in html
    assert '<time datetime="2020-06-19">June 19, 2020</time>: Signed into law' in html
    assert "Not Colorado&#x27;s" not in html
    assert "H.R. 1470: Ending Qualified Immunity Act" in html


@pytest.mark.django_db
def test_the_take_action_slot_links_the_states_petition(client, home_page):
    from home.factories import StandardPageFactory

    index = make_index(home_page)
    petition = StandardPageFactory(parent=home_page, title="Sign for Colorado", slug="sign")
    page = make_state(index, "CO", [MET])
    page.take_action_page = petition
    page.take_action_label = "Sign the petition"
    page.save_revision().publish()
    html = client.get("/en/scorecard/colorado/").content.decode()
    assert 'href="/en/sign/">Sign the petition</a>' in html


@pytest.mark.django_db
def test_a_state_page_lists_the_latest_pages_about_its_state(client, home_page, monkeypatch):
    """Stories and voices are found by postal code in whichever app holds them. Here state
    pages stand in for them: any page model with a postal-code field works the same way."""
    from states import related

    monkeypatch.setattr(
        related,
        "SECTIONS",
        (("states", "StatePage", "StateIndexPage", "postal_code", "Related", "All %(state)s"),),
    )
    index = make_index(home_page)
    make_state(index, "CO", [MET])
    html = client.get("/en/scorecard/colorado/").content.decode()
    section = html[html.index('id="related-states"') :]
    assert '<a href="/en/scorecard/colorado/">Colorado</a>' in section
    assert 'href="/en/scorecard/?state=CO">All Colorado</a>' in section
    monkeypatch.setattr(
        related, "SECTIONS", (("stories", "NoSuchPage", "NoIndex", "state_code", "X", "Y"),)
    )
    assert 'id="related-' not in client.get("/en/scorecard/colorado/").content.decode()


# Spanish ---------------------------------------------------------------------------------------


@pytest.fixture
def bilingual(home_page, spanish_home):
    criteria = rubric()  # seeded with their Spanish translations
    index = seed.ensure_index(io.StringIO())
    colorado = make_state(index, "CO", [MET, NOT_MET, PARTLY], criteria, note="Only police.")
    texas = make_state(index, "TX", [], criteria)
    translate(
        colorado,
        "es",
        {"Colorado": "Colorado", "colorado": "colorado", "Only police.": "Solo la policía."},
    )
    translate(texas, "es", {"Texas": "Texas", "texas": "texas"})
    return index, colorado


@pytest.mark.django_db
def test_spanish_map_and_table(client, bilingual):
    response = client.get("/es/evaluacion-por-estado/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert 'aria-label="Colorado: 1,5 de 9; 3 evaluados"' in html
    assert "Un criterio aún no evaluado no suma puntos" in html
    assert 'aria-label="Texas: aún sin evaluar"' in html
    assert "Todos los estados, clasificados" in html
    assert "Estados que responsabilizan a los agentes que no intervienen" in html
    assert 'href="/es/evaluacion-por-estado/colorado/"' in html
    # SVG coordinates keep their decimal point whatever the language.
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert re.search(r'x="\d+\.\d"', svg)
    assert not re.search(r'[xy]\d?="\d+,\d', svg)
    response = client.get("/es/evaluacion-por-estado/?criterion=police-immunity")
    assert "Estados que eliminan la inmunidad calificada para la policía: 1 estado." in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_spanish_state_page_shows_translated_criteria_and_notes_with_the_original_quote(
    client, bilingual
):
    html = client.get("/es/evaluacion-por-estado/colorado/").content.decode()
    assert "Inmunidad calificada para agentes de policía" in html
    assert "Solo la policía." in html
    assert "Cumplido en parte" in html and "No cumplido" in html
    assert '<blockquote lang="en" cite="https://example.org/statute">' in html
    assert "<strong>1,5 de 9</strong>; 3 evaluados" in html
    assert "Cómo está Colorado" in html
    assert "verificado el 15 de enero de 2026" in html


@pytest.mark.django_db
def test_an_untranslated_state_falls_back_to_english_on_the_spanish_map(client, bilingual):
    index, _colorado = bilingual
    make_state(index, "OR", [MET, MET])  # English only
    html = client.get("/es/evaluacion-por-estado/").content.decode()
    assert 'href="/en/scorecard/oregon/" aria-label="Oregón: 2 de 9' in html


# Query budgets ---------------------------------------------------------------------------------


def populate(index, criteria, codes, bills_per_state):
    statuses = [MET, PARTLY, NOT_MET, MET, MET, PARTLY, NOT_MET, MET, MET]
    for n, code in enumerate(codes):
        make_state(index, code, statuses[: 1 + n % 9], criteria)
        for b in range(bills_per_state):
            make_bill(code, (BillStatus.INTRODUCED, datetime.date(2026, 1, 1 + b)))


@pytest.mark.django_db
def test_the_map_page_renders_in_a_fixed_number_of_queries(client, home_page):
    criteria = rubric()
    index = make_index(home_page)
    codes = [code for code, _name in US_STATES]
    populate(index, criteria, codes[:5], bills_per_state=1)
    warm_queries(client, "/en/scorecard/")[0]  # warm the caches (site root paths)
    few = warm_queries(client, "/en/scorecard/")[0]
    populate(index, criteria, codes[5:], bills_per_state=3)
    for _ in range(5):
        make_bill("US", (BillStatus.INTRODUCED, datetime.date(2026, 2, 1)))
    many = warm_queries(client, "/en/scorecard/")[0]
    filtered = warm_queries(client, "/en/scorecard/?criterion=failure-to-intervene&sort=name")[0]
    print(f"map page queries: {few} with 5 states, {many} with 51 states and 158 bills")
    assert few == many == filtered
    assert many <= 32  # flat is what matters; the ceiling catches an accidental N+1


@pytest.mark.django_db
def test_a_state_page_renders_in_a_fixed_number_of_queries(client, home_page):
    criteria = rubric()
    index = make_index(home_page)
    make_state(index, "CO", [MET], criteria)
    make_bill("CO")  # with no bill at all, Django skips the status history query
    url = "/en/scorecard/colorado/"
    warm_queries(client, url)[0]
    few = warm_queries(client, url)[0]
    page = StatePage.objects.get(postal_code="CO")
    for slug in list(criteria)[1:]:
        StateAssessment.objects.create(
            page=page,
            criterion=criteria[slug],
            status=MET,
            source_url="https://example.org",
            checked_on=datetime.date(2026, 1, 1),
        )
    for n in range(20):
        make_bill(
            "CO",
            (BillStatus.INTRODUCED, datetime.date(2026, 1, 1)),
            (BillStatus.FAILED, datetime.date(2026, 5, 1 + n)),
        )
        make_bill("US")
    # Its members of Congress, with Judiciary seats and district offices (one query in all).
    judiciary = Committee.objects.create(committee_id="SSJU", name="Senate Judiciary")
    for _ in range(2):
        senator = LegislatorFactory(chamber=Chamber.SENATE, state="CO")
        CommitteeMembership.objects.create(committee=judiciary, legislator=senator)
    for district in range(1, 9):
        member = LegislatorFactory(state="CO", district=district)
        DistrictOffice.objects.create(office_id=f"CO-{district}-a", legislator=member)
    many = warm_queries(client, url)[0]
    print(
        f"state page queries: {few} with 1 assessment and 1 bill, {many} with 9, 41 and "
        "10 members of Congress"
    )
    assert few == many
    assert many <= 41  # flat is what matters; the ceiling catches an accidental N+1


@pytest.mark.django_db
def test_open_data_renders_in_a_fixed_number_of_queries(client, home_page):
    criteria = rubric()
    index = make_index(home_page)
    codes = [code for code, _name in US_STATES]
    populate(index, criteria, codes[:3], bills_per_state=1)
    warm_queries(client, "/open-data/scorecard.json")[0]  # warm the caches (site root paths)
    few = warm_queries(client, "/open-data/scorecard.json")[0]
    populate(index, criteria, codes[3:], bills_per_state=2)
    assert warm_queries(client, "/open-data/scorecard.json")[0] == few
    assert warm_queries(client, "/open-data/scorecard.csv")[0] == few
