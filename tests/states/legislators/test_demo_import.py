"""`make demo` imports the legislator data when it can, says so when it cannot, and a second
run is quick and changes nothing."""

import io
import time
import urllib.error

import pytest

from states import demo
from states.importer import sources
from states.models import Legislator, LegislatorImport, ZipDistrict

pytestmark = pytest.mark.django_db


def load_legislators() -> str:
    out = io.StringIO()
    demo._legislators(out)
    return out.getvalue()


def test_demo_imports_once_and_then_skips_unchanged_data(shared_data, settings):
    settings.LEGISLATOR_DEMO_IMPORT = True
    settings.LEGISLATOR_DATA_DIR = str(shared_data)
    first = load_legislators()
    assert "imported 537 members of Congress and 42033 ZIP code rows" in first
    record = LegislatorImport.latest_or_none()
    assert record.source == str(shared_data)

    began = time.monotonic()
    second = load_legislators()
    elapsed = time.monotonic() - began
    assert "legislator data unchanged since" in second
    assert "imported" not in second and "created" not in second
    assert LegislatorImport.objects.count() == 1
    assert LegislatorImport.latest_or_none().checked_at == record.checked_at  # not re-parsed
    assert elapsed < 5, f"the second demo run took {elapsed:.1f} s"


def test_demo_without_data_says_the_letter_page_has_none_and_carries_on(settings, monkeypatch):
    settings.LEGISLATOR_DEMO_IMPORT = True
    settings.LEGISLATOR_DATA_DIR = ""  # no folder: the publishers' URLs, unreachable here

    def offline(request, timeout=None):
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(sources.urllib.request, "urlopen", offline)
    output = load_legislators()
    assert "the letter page has no legislator data yet" in output
    assert "Could not download https://theunitedstates.io/" in output
    assert not Legislator.objects.exists() and not ZipDistrict.objects.exists()


def test_the_test_settings_keep_the_demo_from_importing(settings):
    assert settings.LEGISLATOR_DEMO_IMPORT is False
    assert load_legislators() == ""
