"""The scorecard: score arithmetic, ranking and ties, the map, the table and the criterion filter."""

import re
import uuid
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase

from core.us_states import US_STATES, state_name
from home.models import HomePage
from states.geography import FIPS, SHAPES_FILE, map_shapes
from states.models import AssessmentStatus, StateIndexPage, StatePage
from states.scorecard import (
    CriterionResult,
    StateScore,
    format_score,
    half_points,
    prefer_locale,
    rank_states,
    results_for,
)
from tests.states.helpers import make_index, make_state, rubric

MET, PARTLY, NOT_MET, NOT_ASSESSED = (
    AssessmentStatus.MET,
    AssessmentStatus.PARTLY,
    AssessmentStatus.NOT_MET,
    AssessmentStatus.NOT_ASSESSED,
)


def fake_criteria(count=9):
    return [SimpleNamespace(translation_key=uuid.uuid4(), slug=f"c{n}") for n in range(count)]


def score(name, statuses, criteria=None) -> StateScore:
    """A StateScore built from statuses in rubric order, without the database."""
    criteria = criteria or fake_criteria()
    assessments = [
        SimpleNamespace(criterion=criterion, status=status)
        for criterion, status in zip(criteria, statuses, strict=False)
    ]
    code = next(code for code, english in US_STATES if english == name)
    return StateScore(
        code=code, name=name, page=None, url="", results=results_for(criteria, assessments)
    )


# Score arithmetic ---------------------------------------------------------------------------


def test_met_counts_one_point_and_partly_met_half():
    assert half_points([MET, PARTLY, NOT_MET, NOT_ASSESSED]) == 3
    state = score("Colorado", [MET] * 6 + [PARTLY] + [NOT_MET] * 2)
    assert state.score == Decimal("6.5")
    assert state.score_display == "6.5"
    assert state.max_score == 9
    assert state.assessed_count == 9


def test_scores_are_exact_with_many_half_points():
    state = score("Oregon", [PARTLY] * 9)
    assert state.score == Decimal("4.5")
    assert score("Ohio", [MET] * 9).score_display == "9"  # not "9.0"


def test_score_uses_the_visitors_decimal_separator():
    with translation.override("es"):
        assert format_score(13) == "6,5"
    with translation.override("en"):
        assert format_score(13) == "6.5"


def test_a_criterion_without_an_assessment_counts_as_not_yet_assessed():
    criteria = fake_criteria()
    state = score("Colorado", [MET, MET], criteria)
    assert [r.status for r in state.results] == [MET, MET] + [NOT_ASSESSED] * 7
    assert state.score == 2
    assert state.assessed_count == 2
    assert state.not_assessed_count == 7


def test_a_second_assessment_of_the_same_criterion_is_ignored():
    criteria = fake_criteria(1)
    assessments = [
        SimpleNamespace(criterion=criteria[0], status=NOT_MET),
        SimpleNamespace(criterion=criteria[0], status=MET),
    ]
    assert [r.status for r in results_for(criteria, assessments)] == [NOT_MET]


def test_accessible_names_say_the_score_out_of_nine():
    assert score("Colorado", [MET] * 6 + [PARTLY] + [NOT_MET] * 2).description == (
        "Colorado: 6.5 of 9; 9 assessed"
    )
    assert score("Texas", []).description == "Texas: not yet assessed"
    assert score("Maine", [NOT_MET] * 8).description == "Maine: 0 of 9; 8 assessed"
    assert score("Iowa", [MET]).description == "Iowa: 1 of 9; 1 assessed"


def test_colour_buckets_follow_whole_points_and_leave_unassessed_states_apart():
    assert score("Colorado", [MET] * 6 + [PARTLY]).bucket == 6
    assert score("Ohio", [MET] * 9).bucket == 9
    assert score("Maine", [NOT_MET]).bucket == 0
    assert score("Texas", []).bucket is None


# Ranking -------------------------------------------------------------------------------------


def test_ranking_puts_the_best_first_and_ties_share_a_rank():
    criteria = fake_criteria()
    states = [
        score("Texas", [], criteria),
        score("Oregon", [MET, MET], criteria),
        score("Alabama", [MET, PARTLY], criteria),
        score("Colorado", [MET] * 7, criteria),
        score("Maine", [MET, PARTLY], criteria),
        score("Iowa", [NOT_MET], criteria),
        score("Delaware", [], criteria),
    ]
    ranked = rank_states(states)
    assert [(s.name, s.rank, s.tied) for s in ranked] == [
        ("Colorado", 1, False),
        ("Oregon", 2, False),
        ("Alabama", 3, True),  # 1.5 each, listed by name
        ("Maine", 3, True),
        ("Iowa", 5, False),  # competition ranking: 1, 2, 3, 3, 5
        ("Delaware", None, False),  # not yet assessed: unranked, last, by name
        ("Texas", None, False),
    ]


def test_a_state_assessed_at_zero_is_ranked_but_an_unassessed_one_is_not():
    ranked = rank_states([score("Texas", []), score("Iowa", [NOT_MET] * 9)])
    assert [(s.name, s.rank) for s in ranked] == [("Iowa", 1), ("Texas", None)]


def test_criterion_result_labels():
    result = CriterionResult(criterion=None, assessment=None)
    assert result.status == NOT_ASSESSED
    assert str(result.status_label) == "Not yet assessed"
    assert not result.meets and not result.is_assessed


# Geography -----------------------------------------------------------------------------------


def test_the_state_list_has_fifty_states_and_dc_sorted_by_name():
    assert len(US_STATES) == 51
    names = [name for _code, name in US_STATES]
    assert names == sorted(names)
    assert state_name("co") == "Colorado"
    assert state_name(" DC ") == "District of Columbia"
    assert state_name("ZZ") is None
    assert state_name("PR") is None


def test_fips_codes_match_the_census_shapes():
    import json

    shapes = json.loads(SHAPES_FILE.read_text())["states"]
    assert len(shapes) == 51
    for code, name in US_STATES:
        assert shapes[FIPS[code]]["name"] == name
    assert set(map_shapes()) == set(FIPS)


# Pages ---------------------------------------------------------------------------------------


class ScorecardTreeRules(WagtailPageTestCase):
    def test_the_scorecard_sits_under_home_and_holds_state_pages(self):
        self.assertAllowedParentPageTypes(StateIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StateIndexPage, {StatePage})
        self.assertAllowedParentPageTypes(StatePage, {StateIndexPage})
        self.assertAllowedSubpageTypes(StatePage, set())


@pytest.fixture
def scorecard(home_page):
    criteria = rubric()
    index = make_index(home_page)
    make_state(index, "CO", [MET] * 6 + [PARTLY] + [NOT_MET] * 2, criteria)
    make_state(index, "NM", [MET, MET, PARTLY, NOT_MET, PARTLY], criteria)
    # Connecticut and Oregon tie on 1.5; Oregon meets "failure to intervene" (7th) partly.
    make_state(
        index, "CT", [PARTLY, NOT_MET, PARTLY, NOT_MET, NOT_MET, NOT_MET, NOT_MET, PARTLY], criteria
    )
    make_state(index, "OR", [NOT_MET, MET, NOT_MET, NOT_MET, NOT_MET, NOT_MET, PARTLY], criteria)
    for code, _name in US_STATES:
        if code not in {"CO", "NM", "CT", "OR"}:
            make_state(index, code, [], criteria)
    return index, criteria


def map_links(html: str) -> list[tuple[str, str]]:
    """(aria-label, class) of every state link in the map."""
    svg = html[html.index("<svg") : html.index("</svg>")]
    return re.findall(r'<a href="[^"]+" aria-label="([^"]+)" class="([^"]+)"', svg)


def table_states(html: str) -> list[str]:
    table = html[html.index('<table class="ranking"') : html.index("</table>")]
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', table)


@pytest.mark.django_db
def test_the_map_has_51_state_links_with_accessible_names(client, scorecard):
    html = client.get("/en/scorecard/").content.decode()
    links = map_links(html)
    assert len(links) == 51
    labels = dict(links)
    assert "Colorado: 6.5 of 9; 9 assessed" in labels
    assert labels["Colorado: 6.5 of 9; 9 assessed"].split() == ["map-state", "map-state--b6"]
    assert labels["Texas: not yet assessed"].split() == ["map-state", "map-state--none"]
    assert "New Mexico: 3 of 9; 5 assessed" in labels
    # Keyboard order is alphabetical: Alabama first, Wyoming last.
    assert links[0][0].startswith("Alabama") and links[-1][0].startswith("Wyoming")
    assert 'href="/en/scorecard/colorado/" aria-label="Colorado: 6.5 of 9; 9 assessed"' in html
    # The visible labels ("CO 6.5") sit in a layer hidden from assistive technology, so a
    # link's name is its aria-label alone (WCAG 2.5.3, label in name).
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert all("<text" not in link for link in re.findall(r"<a .*?</a>", svg, re.S))
    labels_layer = svg[svg.index('<g class="map-labels" aria-hidden="true">') :]
    assert labels_layer.count("<text") == 51


@pytest.mark.django_db
def test_the_table_ranks_states_with_ties_and_unassessed_last(client, scorecard):
    html = client.get("/en/scorecard/").content.decode()
    names = table_states(html)
    assert len(names) == 51
    assert names[:4] == ["Colorado", "New Mexico", "Connecticut", "Oregon"]
    assert names[4:6] == ["Alabama", "Alaska"]
    rows = re.findall(r"<tr data-state=\"(\w\w)\">\s*<td>(\d+)", html)
    assert rows == [("CO", "1"), ("NM", "2"), ("CT", "3"), ("OR", "3")]
    assert "6.5 / 9" in html and "(tied)" in html


@pytest.mark.django_db
def test_the_table_sorts_by_name_without_javascript(client, scorecard):
    html = client.get("/en/scorecard/?sort=name").content.decode()
    names = table_states(html)
    assert names == sorted(names) and len(names) == 51
    assert 'aria-sort="ascending"' in html
    # An unknown sort falls back to the ranking rather than failing.
    response = client.get("/en/scorecard/?sort=%3Cscript%3E")
    assert response.status_code == 200
    assert table_states(response.content.decode())[0] == "Colorado"


@pytest.mark.django_db
def test_the_criterion_filter_lists_the_states_that_meet_it(client, scorecard):
    response = client.get("/en/scorecard/?criterion=failure-to-intervene")
    assert response.status_code == 200
    html = response.content.decode()
    # Colorado's and Oregon's 7th criterion is partly met; Connecticut's is not met.
    assert table_states(html) == ["Colorado", "Oregon"]
    assert "States that hold officers liable for failing to intervene: 2 states." in html
    links = dict(map_links(html))
    assert len(links) == 51
    muted = {label.split(":")[0] for label, css in links.items() if "map-state--muted" in css}
    assert "Colorado" not in muted and "Oregon" not in muted
    assert {"New Mexico", "Connecticut", "Texas"} <= muted
    assert any(
        label.startswith("Oregon: 1.5 of 9") and label.endswith("fail to intervene: Partly met")
        for label in links
    )
    assert '<option value="failure-to-intervene" selected>' in html


@pytest.mark.django_db
def test_an_unknown_criterion_gets_a_clear_message_and_every_state(client, scorecard):
    response = client.get("/en/scorecard/?criterion=%3Cb%3Enope%3C%2Fb%3E")
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is no criterion “&lt;b&gt;nope&lt;/b&gt;”. Showing every state instead." in html
    assert len(table_states(html)) == 51
    assert 'aria-invalid="true"' in html


@pytest.mark.django_db
def test_state_codes_in_urls_redirect_or_say_not_found(client, scorecard):
    response = client.get("/en/scorecard/co/")
    assert response.status_code == 302 and response["Location"] == "/en/scorecard/colorado/"
    response = client.get("/en/scorecard/zz/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "There is no state with the postal code “ZZ”. Choose one below." in html
    assert len(map_links(html)) == 51
    assert client.get("/en/scorecard/co/extra/").status_code == 404


@pytest.mark.django_db
def test_find_your_state_goes_to_its_page_and_says_when_there_is_none(client, scorecard):
    html = client.get("/en/scorecard/").content.decode()
    assert '<select id="find-state" name="state">' in html
    assert '<option value="CO">Colorado</option>' in html
    response = client.get("/en/scorecard/", {"state": "co"})
    assert response.status_code == 302 and response["Location"] == "/en/scorecard/colorado/"
    for nonsense in ("ZZ", "<b>x</b>", "x" * 500):
        response = client.get("/en/scorecard/", {"state": nonsense})
        assert response.status_code == 404
        html = response.content.decode()
        assert "There is no state with the postal code" in html and "<b>x" not in html
    assert client.get("/en/scorecard/", {"state": ""}).status_code == 200


@pytest.mark.django_db
def test_a_state_page_shows_each_criterion_with_its_quote_source_and_date(client, scorecard):
    html = client.get("/en/scorecard/colorado/").content.decode()
    assert "<strong>6.5 of 9</strong>; 9 assessed" in html
    assert html.count('class="criterion criterion--') == 9
    assert html.count('<blockquote lang="en" cite="https://example.org/statute">') == 9
    assert "Sample statute, section 1" in html
    assert "checked on Jan. 15, 2026" in html
    assert "Must end" in html and "Must start" in html
    assert html.count("status status--met") == 6
    assert html.count("status status--partly") == 1
    assert html.count("status status--not-met") == 2


@pytest.mark.django_db
def test_an_unassessed_state_page_says_so_and_invents_nothing(client, scorecard):
    html = client.get("/en/scorecard/texas/").content.decode()
    assert "Not yet assessed" in html
    assert html.count("status status--not-assessed") == 9
    assert "<blockquote" not in html
    assert " / 9" not in html


def test_the_visitors_language_is_preferred_and_the_source_stands_in_for_a_missing_translation():
    english, spanish = 1, 2
    rows = [
        SimpleNamespace(translation_key="a", locale_id=english),
        SimpleNamespace(translation_key="a", locale_id=spanish),
        SimpleNamespace(translation_key="a", locale_id=english),
        SimpleNamespace(translation_key="b", locale_id=english),
    ]
    chosen = prefer_locale(rows, spanish)
    assert [(row.translation_key, row.locale_id) for row in chosen] == [
        ("a", spanish),
        ("b", english),
    ]
