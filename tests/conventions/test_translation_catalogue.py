"""The Spanish catalogue covers every interface string in the code and templates."""

import shutil
import subprocess
import sys

import polib
import pytest

from tests.helpers import ROOT, has_command, require_tool

CATALOGUE = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"


def test_every_spanish_entry_is_translated_and_not_fuzzy():
    po = polib.pofile(str(CATALOGUE))
    untranslated = [entry.msgid for entry in po if not entry.translated()]
    assert untranslated == []


def test_catalogue_is_in_step_with_the_source(tmp_path):
    """makemessages over a copy of the sources finds no string the catalogue lacks."""
    require_tool(has_command("xgettext"), "gettext's xgettext is not installed")
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", "node_modules", ".git", "media", "staticfiles", "*.sqlite3*"
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--locale",
            "es",
            "--no-obsolete",
            "--no-location",
            "--ignore=node_modules",
            "--verbosity",
            "0",
        ],
        cwd=copy,
        check=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    fresh = {e.msgid for e in polib.pofile(str(copy / "locale/es/LC_MESSAGES/django.po"))}
    known = {e.msgid for e in polib.pofile(str(CATALOGUE))}
    missing = sorted(fresh - known)
    if missing:
        pytest.fail(f"run `make makemessages` and translate: {missing}")
