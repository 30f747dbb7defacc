"""The words the scorecard's demo content is given in Spanish, and the translations it makes."""

from django.conf import settings
from wagtail.models import Locale

from core.demo_content import Phrasebook
from core.localization import translate
from states import seed

tr = Phrasebook()
tr.es.update(seed.tr.es)


def other_locales() -> list[Locale]:
    default = Locale.get_default()
    return [
        Locale.objects.get(language_code=code)
        for code, _name in settings.LANGUAGES
        if code != default.language_code
    ]


def sync_translations(instance, stdout) -> None:
    """Create or update each translation so that it matches the English just written."""
    for locale in other_locales():
        translate(instance, locale.language_code, tr.es if locale.language_code == "es" else {})
        stdout.write(f"  translated {instance!s} into {locale.language_code}")
