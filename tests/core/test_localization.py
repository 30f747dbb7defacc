"""core.localization: translations made as wagtail-localize's editor makes them, each segment
saved only when its words change (a scorecard page has over a hundred segments)."""

import pytest
from django.db.models.signals import post_save
from wagtail_localize.models import StringTranslation

from core.localization import MissingDemoTranslation, sync_translation, translate
from stories.factories import StoryIndexPageFactory


@pytest.fixture
def saved_translations():
    """The StringTranslation rows saved while the test runs."""
    saved = []

    def note(sender, instance, **kwargs):
        saved.append(instance.data)

    post_save.connect(note, sender=StringTranslation, weak=False, dispatch_uid="test-saved")
    yield saved
    post_save.disconnect(sender=StringTranslation, dispatch_uid="test-saved")


@pytest.mark.django_db
def test_a_segment_is_saved_when_its_words_change_and_only_then(home_page, saved_translations):
    index = StoryIndexPageFactory(
        parent=home_page, title="Stories", slug="stories", introduction="Cases from the courts."
    )
    before = StringTranslation.objects.count()  # the baseline's Spanish home page
    strings = {"Stories": "Historias", "stories": "historias"}
    spanish = sync_translation(index, "es", strings)
    assert (spanish.title, spanish.slug, spanish.live) == ("Historias", "historias", True)
    assert sorted(saved_translations) == ["Historias", "historias"]

    saved_translations.clear()
    sync_translation(index, "es", strings)
    assert saved_translations == []

    spanish = sync_translation(index, "es", {**strings, "Stories": "Casos"})
    assert saved_translations == ["Casos"]
    assert spanish.title == "Casos"
    assert StringTranslation.objects.count() == before + 2


@pytest.mark.django_db
def test_translate_refuses_a_page_with_a_segment_left_out(home_page, saved_translations):
    index = StoryIndexPageFactory(
        parent=home_page, title="Stories", slug="stories", introduction="Cases from the courts."
    )
    before = StringTranslation.objects.count()
    with pytest.raises(MissingDemoTranslation, match="Cases from the courts"):
        translate(index, "es", {"Stories": "Historias", "stories": "historias"})
    # Rolled back whole (translate is atomic): no Spanish words and no Spanish page.
    assert StringTranslation.objects.count() == before
    assert not index.get_translations().exists()
