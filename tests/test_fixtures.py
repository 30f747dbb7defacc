"""The suite's own machinery (tests/conftest.py): what a transactional test empties is put back
for the tests that follow it, a kept database holding rows a killed run left is noticed, and the
test processes collect garbage as tuned."""

import gc
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection

from core.models import Suppression
from tests import kept_database
from tests.conftest import _put_back_what_migrations_made
from tests.e2e.helpers import MANAGE
from tests.garbage_collection import THRESHOLDS
from tests.helpers import ROOT, find_baseline_site, holds_migration_data
from tests.states.helpers import rubric


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_what_a_transactional_test_empties_is_put_back():
    # As Django's TransactionTestCase does at its end: the sequences go on (PostgreSQL), and
    # with serialized_rollback the content types are not made again.
    call_command(
        "flush", interactive=False, verbosity=0, reset_sequences=False, inhibit_post_migrate=True
    )
    assert not holds_migration_data() and find_baseline_site() is None
    _put_back_what_migrations_made()
    assert holds_migration_data()
    baseline = find_baseline_site()
    assert baseline is not None and baseline.spanish_home.title == "Inicio"
    assert len(rubric()) == 9


def test_a_kept_database_is_trusted_only_with_the_rows_the_last_run_found(
    db, tmp_path, monkeypatch
):
    monkeypatch.setattr(kept_database, "FOLDER", tmp_path)
    assert not kept_database.as_the_last_run_found_it(connection)  # never noted
    kept_database.note(connection)
    assert kept_database.as_the_last_run_found_it(connection)
    counts = kept_database.row_counts(connection)
    assert counts["wagtailcore_page"] == 3 and counts["core_suppression"] == 0
    # What a run killed in a transactional test leaves behind.
    Suppression.objects.create(email="left@example.org", reason="bounced")
    assert not kept_database.as_the_last_run_found_it(connection)


def test_the_test_processes_and_their_servers_collect_garbage_as_tuned():
    """tests/garbage_collection.py: the thresholds in this process, what was alive after
    collection set aside, and the same thresholds in a manage.py command started as the browser
    tests start their servers."""
    assert gc.get_threshold() == THRESHOLDS
    assert gc.get_freeze_count() > 100_000
    code = "import gc; print(*gc.get_threshold())"
    result = subprocess.run(
        [*MANAGE, "shell", "--verbosity", "0", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert tuple(map(int, result.stdout.split())) == THRESHOLDS
    assert MANAGE[0] == sys.executable
