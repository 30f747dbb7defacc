"""Translating a story without surprises (issue 19): "Translate this page" makes a Spanish draft
that no visitor sees until an editor publishes it; the translation editor says what is still in
English and on which tab; the hero image's alt text and credit are the page's own, translated
like its other words."""

import pytest
from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.factories import CampaignImageFactory
from stories.models import CaseStoryPage
from tests.stories import helpers as support
from tests.stories.helpers import make_story

pytestmark = pytest.mark.django_db

story_index = support.story_index
spanish_story_index = support.spanish_story_index


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw-12345")
    client.force_login(user)
    return client


@pytest.fixture
def story(story_index):
    image = CampaignImageFactory(alt_text="Officers at a door", credit="Photo: Ana Ruiz")
    return make_story(story_index, title="Kicked in the door", slug="the-door", hero_image=image)


def submit_for_translation(client, page) -> CaseStoryPage:
    """What "Translate this page" → Español → Submit does in the admin (wagtail-localize
    publishes, when it does, once the transaction commits: the callbacks run here)."""
    spanish = Locale.objects.get(language_code="es")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [spanish.pk]})
    assert response.status_code == 302
    return CaseStoryPage.objects.get(translation_key=page.translation_key, locale=spanish)


def translate_segment(translation: Translation, english: str, spanish: str) -> None:
    segment = StringSegment.objects.get(source=translation.source, string__data=english)
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        data=spanish,
    )


def editor_url(translation: Translation) -> str:
    return f"/admin/pages/{translation.get_target_instance().pk}/edit/"


@pytest.mark.indexes
def test_a_new_translation_waits_as_a_draft_that_no_visitor_sees(
    admin_client, client, spanish_story_index, story
):
    draft = submit_for_translation(admin_client, story)
    assert not draft.live
    admin_client.logout()
    assert client.get("/es/historias/the-door/").status_code == 404
    english = client.get(story.url).content.decode()
    assert "/es/historias/the-door/" not in english  # not in the language switcher or hreflang
    assert "/es/historias/the-door/" not in client.get("/sitemap.xml").content.decode()
    # The English story is found, so the index is current; its Spanish draft is not.
    assert "Kicked in the door" in client.get("/en/search/?q=door").content.decode()
    spanish_search = client.get("/es/search/?q=door")
    assert spanish_search.status_code == 200
    assert "Kicked in the door" not in spanish_search.content.decode()


def test_the_translation_editor_names_what_is_untranslated_and_where(
    admin_client, spanish_story_index, story
):
    submit_for_translation(admin_client, story)
    translation = Translation.objects.get(source__object_id=story.translation_key)
    html = admin_client.get(editor_url(translation)).content.decode()
    assert "Not live in Español yet" in html
    for label in ("Title (on the Content tab)", "Slug (on the Promote tab)"):
        assert label in html
    assert "Hero image alt text (on the Content tab)" in html
    assert "Hero image credit (on the Content tab)" in html
    translate_segment(translation, "the-door", "la-puerta")
    html = admin_client.get(editor_url(translation)).content.decode()
    assert "Slug (on the Promote tab)" not in html
    assert "Title (on the Content tab)" in html


def test_published_with_a_translated_slug_image_text_and_credit(
    admin_client, client, spanish_story_index, story
):
    submit_for_translation(admin_client, story)
    translation = Translation.objects.get(source__object_id=story.translation_key)
    for english, spanish in [
        ("Kicked in the door", "Derribaron la puerta"),
        ("the-door", "la-puerta"),
        ("Officers at a door", "Agentes ante una puerta"),
        ("Photo: Ana Ruiz", "Foto: Ana Ruiz"),
        (story.summary, "Resumen en español."),
    ]:
        translate_segment(translation, english, spanish)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(editor_url(translation), {"action": "publish"})
    assert response.status_code == 302
    admin_client.logout()
    html = client.get("/es/historias/la-puerta/").content.decode()
    assert 'alt="Agentes ante una puerta"' in html
    assert "Foto: Ana Ruiz" in html
    assert '<meta property="og:image:alt" content="Agentes ante una puerta">' in html
    english = client.get(story.url).content.decode()
    assert 'alt="Officers at a door"' in english and "Photo: Ana Ruiz" in english


def test_a_hero_image_fills_the_pages_own_alt_text_and_credit(story_index):
    image = CampaignImageFactory(alt_text="A courthouse", credit="")
    story = make_story(story_index, hero_image=image)
    assert (story.hero_image_alt, story.hero_image_credit) == ("A courthouse", "")
    story.hero_image_alt = "The county courthouse at dawn"
    story.save()
    assert story.hero_alt == "The county courthouse at dawn"  # the editor's words are kept


def test_choosing_another_hero_image_brings_its_words_unless_the_editor_changed_them(story):
    story.hero_image = CampaignImageFactory(alt_text="A patrol car", credit="Photo: AP")
    story.full_clean()
    story.save_revision().publish()
    story.refresh_from_db()
    assert (story.hero_image_alt, story.hero_image_credit) == ("A patrol car", "Photo: AP")
    story.hero_image = CampaignImageFactory(alt_text="A judge's bench", credit="")
    story.hero_image_alt = "The bench where the case was heard"
    story.full_clean()
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.hero_image_alt == "The bench where the case was heard"
    assert story.hero_image_credit == ""  # the old photo's credit does not stay


def test_a_sources_title_and_publisher_stay_as_published_in_every_language(
    admin_client, client, spanish_story_index, story_index
):
    opinion = {
        "title": "Opinion of the Court",
        "url": "https://example.org/opinion",
        "publisher": "U.S. Court of Appeals for the Fifth Circuit",
    }
    story = make_story(
        story_index, title="Pulled over", slug="pulled-over", sources=[("source", opinion)]
    )
    submit_for_translation(admin_client, story)
    translation = Translation.objects.get(source__object_id=story.translation_key)
    offered = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "string__data", flat=True
        )
    )
    assert "Pulled over" in offered  # the story's words go to the translator...
    assert not offered & {opinion["title"], opinion["publisher"]}  # ...the source's do not
    translate_segment(translation, "pulled-over", "detenido")
    with TestCase.captureOnCommitCallbacks(execute=True):
        admin_client.post(editor_url(translation), {"action": "publish"})
    spanish = CaseStoryPage.objects.get(
        translation_key=story.translation_key, locale__language_code="es"
    )
    [source] = spanish.sources
    assert (source.value["title"], source.value["publisher"]) == (
        opinion["title"],
        opinion["publisher"],
    )
    html = client.get("/es/historias/detenido/").content.decode()
    assert '<a href="https://example.org/opinion">Opinion of the Court</a>' in html
