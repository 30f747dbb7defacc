"""Facts never wait for a translator (DESIGN.md, Languages): a scorecard mark or a bill's status
changed in English shows in every translation at once.

When a state page is published in the source language, or an editor saves a bill there, each
existing translation is synced through wagtail-localize: the facts (status, source, date,
confidence, a bill's history) are copied, words a translator has translated stay translated,
and new words show in the source language until someone translates them. Creating a
translation stays an editor's (or an import's) decision.
"""

from wagtail.models import Locale

from core.localization import sync_translation
from states.models import Bill, StatePage


def sync_existing_translations(instance) -> list[str]:
    """Sync each translation `instance` already has; returns their language codes."""
    if instance.locale_id != Locale.get_default().pk:
        return []
    synced = []
    for translation in instance.get_translations().select_related("locale"):
        sync_translation(instance, translation.locale.language_code)
        synced.append(translation.locale.language_code)
    return synced


def on_state_page_published(sender, instance=None, **kwargs) -> None:
    if instance is None:
        return
    # Fresh from the database: the marks just published carry their ids there.
    sync_existing_translations(StatePage.objects.get(pk=instance.pk))


def on_bill_saved_in_admin(request, instance) -> None:
    if isinstance(instance, Bill):
        sync_existing_translations(Bill.objects.get(pk=instance.pk))
