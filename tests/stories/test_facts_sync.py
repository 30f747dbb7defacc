"""A story's outcome changed and published in English shows in Spanish at once; the Spanish
words, and a translator's draft, are left alone."""

import pytest

from stories.choices import Outcome
from stories.models import CaseStoryPage
from tests.stories import helpers as support
from tests.stories.helpers import make_story, publish, translate_story

pytestmark = pytest.mark.django_db

story_index = support.story_index
spanish_story_index = support.spanish_story_index


def spanish(story) -> CaseStoryPage:
    return CaseStoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="es"
    )


def test_an_outcome_changed_in_english_shows_in_spanish_at_once(
    client, spanish_story_index, story_index
):
    story = make_story(story_index, outcome=Outcome.PENDING, decision_year=None)
    translate_story(story, "Un caso", "un-caso", "Resumen en español.")
    story.outcome = Outcome.QI_DENIED
    story.decision_year = 2025
    story.summary = "A new English summary."
    publish(story)
    translated = spanish(story)
    assert (translated.outcome, translated.decision_year) == (Outcome.QI_DENIED, 2025)
    assert translated.summary == "Resumen en español."  # words wait for the translator
    assert not translated.has_unpublished_changes
    html = client.get(translated.url).content.decode()
    assert "Inmunidad calificada denegada" in html and "2025" in html


def test_a_translators_draft_keeps_its_words_and_gets_the_facts(spanish_story_index, story_index):
    story = make_story(story_index, outcome=Outcome.PENDING)
    translate_story(story, "Un caso", "un-caso")
    translated = spanish(story)
    translated.summary = "Un borrador del traductor."
    translated.save_revision()  # a draft, not published
    story.outcome = Outcome.QI_DENIED
    publish(story)
    translated = spanish(story)
    assert translated.outcome == Outcome.QI_DENIED  # live at once
    assert translated.summary == "Resumen en español."
    draft = translated.get_latest_revision_as_object()
    assert draft.summary == "Un borrador del traductor." and draft.outcome == Outcome.QI_DENIED
    assert translated.has_unpublished_changes
