"""Open data for the case stories: /open-data/stories.json and .csv, the same facts in both, in
either language, for one state or all, without the person's name, in a bounded number of queries."""

import codecs
import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from stories.choices import Outcome
from stories.factories import CaseStoryPageFactory
from tests.helpers import add_live_pages
from tests.stories import helpers as support
from tests.stories.helpers import make_story, translate_story

story_index = support.story_index
spanish_story_index = support.spanish_story_index
pytestmark = pytest.mark.django_db
SOURCES = [("source", {"title": "Opinion of the court", "url": "https://example.org/op"})]


@pytest.fixture
def stories(story_index, spanish_story_index):
    shot = make_story(
        story_index,
        title="Shot in his own yard",
        slug="shot",
        person_name="Sample Person",
        case_name="Doe v. Roe",
        citation="1 F.4th 1 (5th Cir. 2021)",
        state_code="TX",
        outcome=Outcome.QI_GRANTED,
        summary="=HYPERLINK(1) a summary",
        sources=SOURCES,
    )
    translate_story(shot, "Baleado en su propio patio", "baleado", "Resumen de María.")
    make_story(story_index, title="Arrested for filming", slug="filming", state_code="CO")
    return shot


def read_json(client, query: str = "") -> dict:
    response = client.get("/open-data/stories.json" + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    return json.loads(response.content)


def read_csv(client, query: str = "") -> list[dict]:
    response = client.get("/open-data/stories.csv" + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_json_holds_each_published_storys_facts(client, stories):
    document = read_json(client)
    assert document["language"] == "en" and document["count"] == 2
    shot = document["stories"][0]
    assert shot["case_name"] == "Doe v. Roe"
    assert shot["citation"] == "1 F.4th 1 (5th Cir. 2021)"
    assert (shot["state_code"], shot["state_name"]) == ("TX", "Texas")
    assert (shot["outcome"], shot["outcome_label"]) == ("qi-granted", "Qualified immunity granted")
    assert shot["sources"] == [{"title": "Opinion of the court", "url": "https://example.org/op"}]
    assert shot["is_sample"] is True
    assert shot["url"] == "http://testserver/en/stories/shot/"
    assert "Sample Person" not in json.dumps(document)  # the case's facts, not the person's name


def test_csv_and_json_agree_and_the_csv_is_safe_for_spreadsheets(client, stories):
    rows = read_csv(client)
    document = read_json(client)
    assert [row["case_name"] for row in rows] == [s["case_name"] for s in document["stories"]]
    assert rows[0]["summary"] == "'=HYPERLINK(1) a summary"
    assert rows[0]["sources"] == "Opinion of the court <https://example.org/op>"
    assert rows[0]["is_sample"] == "True"


def test_spanish_has_the_spanish_stories_labels_and_accents(client, stories):
    document = read_json(client, "?lang=es")
    assert document["count"] == 1
    story = document["stories"][0]
    assert story["title"] == "Baleado en su propio patio"
    assert story["outcome_label"] == "Inmunidad calificada concedida"
    assert story["url"] == "http://testserver/es/historias/baleado/"
    assert read_csv(client, "?lang=es")[0]["summary"] == "Resumen de María."


def test_one_state(client, stories):
    assert [s["state_code"] for s in read_json(client, "?state=co")["stories"]] == ["CO"]
    assert read_csv(client, "?state=WY") == []


def test_drafts_and_private_stories_are_left_out(client, story_index):
    CaseStoryPageFactory(parent=story_index, slug="draft", live=False)
    private = make_story(story_index, slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert read_json(client)["stories"] == []


@pytest.mark.parametrize(
    ("query", "message"),
    [("?lang=fr", "Unknown language “fr”"), ("?state=ZZ", "Unknown state code “ZZ”")],
)
def test_bad_parameters_are_explained(client, stories, query, message):
    for url in ("/open-data/stories.json", "/open-data/stories.csv"):
        response = client.get(url + query)
        assert response.status_code == 400
        assert message in response.content.decode()


def test_the_queries_do_not_grow_with_the_stories(client, story_index):
    add_live_pages(CaseStoryPageFactory, story_index, 3)
    client.get("/open-data/stories.json")
    with CaptureQueriesContext(connection) as few:
        assert read_json(client)["count"] == 3
    add_live_pages(CaseStoryPageFactory, story_index, 30)
    client.get("/open-data/stories.json")
    with CaptureQueriesContext(connection) as many:
        assert read_json(client)["count"] == 33
    assert len(many) == len(few)
