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
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        english = segment.string.data
        if english not in strings:
            missing.append(english)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": strings[english]},
        )
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
