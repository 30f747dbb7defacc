"""core/site_cache.py replaces three Wagtail methods with cached equivalents (docs/performance.md
says what each saves, measured both ways). Each replacement repeats the original's contract, so a
Wagtail upgrade that changes an original must be read before it ships: these hashes of the
originals' source then differ, and this test says which to re-read."""

import hashlib
import inspect

import pytest
import wagtail
from wagtail.models import Page
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet

from core import site_cache

# Wagtail 8.0.1's source of each method that core/site_cache.py replaces.
PINNED = {
    "LocaleManager.get_for_language": (
        site_cache._uncached_get_for_language,
        "18f837c7d750cfe4a7bfa7a903b7d4a039711155ab0bcba15bce4ce51ad0d396",
    ),
    "PageQuerySet.private_q": (
        site_cache._uncached_private_q,
        "eb30b1c0017f13c2f7f385972ddefbe70a2c2818d648ce22a709c370ac519368",
    ),
    "Page.get_view_restrictions": (
        site_cache._uncached_get_view_restrictions,
        "f41021bde7cdda11d832d32e9e28cdb92f197ddac050218ff8c748e65a888c05",
    ),
}


@pytest.mark.parametrize("name", PINNED)
def test_the_replaced_wagtail_method_is_the_one_we_read(name):
    original, pinned = PINNED[name]
    digest = hashlib.sha256(inspect.getsource(original).encode()).hexdigest()
    assert digest == pinned, (
        f"Wagtail {wagtail.__version__} changed {name}: read its new source, update "
        f"core/site_cache.py's replacement to match (or drop it), then pin {digest}."
    )


def test_the_replacements_are_installed():
    assert LocaleManager.get_for_language is site_cache.get_locale_for_language
    assert PageQuerySet.private_q is site_cache.private_q
    assert Page.get_view_restrictions is site_cache.get_view_restrictions
