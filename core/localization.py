"""Translate pages and snippets through wagtail-localize, as an editor would in the admin.

Demo content uses this so that Spanish pages are real wagtail-localize translations (synced with
their English source, editable in the translation editor), not copies.
"""

from collections.abc import Mapping

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


class MissingDemoTranslation(KeyError):
    """A source string has no entry in the translation mapping."""


@transaction.atomic
def translate(instance, language_code: str, strings: Mapping[str, str], publish: bool = True):
    """Create or update the translation of `instance` into `language_code`.

    `strings` maps each English segment (title, slug, each paragraph...) to its translation.
    Every segment must be translated: a missing one raises, so nothing half-translated is saved.
    """
    return _save_translation(instance, language_code, strings, publish, require_all=True)


@transaction.atomic
def sync_translation(
    instance, language_code: str, strings: Mapping[str, str] | None = None, publish: bool = True
):
    """Bring the translation of `instance` up to date with its source, as wagtail-localize's
    "Sync translated pages" does: what translators have translated stays translated, and a
    segment nobody has translated yet (new research, say) shows the source's words until
    someone does, in the translation editor."""
    return _save_translation(instance, language_code, strings or {}, publish, require_all=False)


def _save_translation(instance, language_code, strings, publish: bool, require_all: bool):
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    missing = []
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    # Every translation the source already has, read at once: a scorecard page has over a
    # hundred segments, and one query (and savepoint) each was a fifth of `manage.py demo`.
    existing = {
        (found.translation_of_id, found.context_id): found
        for found in StringTranslation.objects.filter(
            locale=locale, translation_of__in={segment.string_id for segment in segments}
        )
    }
    for segment in segments:
        english = segment.string.data
        if english not in strings:
            missing.append(english)
            continue
        found = existing.get((segment.string_id, segment.context_id))
        if found is None:
            # save() as wagtail-localize's own editor does: it flags invalid HTML or links,
            # and a title's translation becomes the page's draft title.
            existing[segment.string_id, segment.context_id] = StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=strings[english],
            )
        elif found.data != strings[english]:
            found.data = strings[english]
            found.save(update_fields=["data", "updated_at"])
    if missing and require_all:
        raise MissingDemoTranslation(f"No {language_code} translation for: {missing!r}")
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    draftable = isinstance(instance, DraftStateMixin)
    # wagtail-localize publishes drafts in transaction.on_commit with the page object it held,
    # which overwrites tree counters changed meanwhile (and never runs inside a test's
    # transaction). Saving a draft and publishing its revision here avoids both.
    translation.save_target(publish=not draftable)
    target = instance.get_translation(locale)
    if publish and draftable:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


def copy_facts_to_translations(page, fields: tuple[str, ...]) -> list:
    """Copy `fields` (facts: an outcome, a year, a court) from a page published in the source
    language to each translation at once, without touching its words (DESIGN.md, Languages).
    A live translation is published with the facts; a translator's unpublished draft keeps its
    words and gets the facts too, staying a draft on top. Returns the translations changed."""
    if page.locale_id != Locale.get_default().pk:
        return []
    changed = []
    for translation in page.get_translations().specific():
        draft = (
            translation.get_latest_revision_as_object()
            if translation.has_unpublished_changes
            else None
        )
        stale = [name for name in fields if getattr(translation, name) != getattr(page, name)]
        if not stale and (
            draft is None or all(getattr(draft, n) == getattr(page, n) for n in fields)
        ):
            continue
        if translation.live and stale:
            for name in fields:
                setattr(translation, name, getattr(page, name))
            translation.save_revision(log_action=True, clean=False).publish(log_action=True)
        if draft is not None:
            for name in fields:
                setattr(draft, name, getattr(page, name))
            draft.save_revision(log_action=True, clean=False)
        changed.append(translation)
    return changed
