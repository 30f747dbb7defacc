"""The migrated SQLite database the test processes and the browser tests' site start from
(tests/migrated_database.py): made once for each set of migrations, copied afterwards."""

import sqlite3
import threading

import pytest

from tests import migrated_database


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A stand-in project: two migrations and a lock file, and a `migrate` that counts its runs."""
    root = tmp_path / "project"
    (root / "stories" / "migrations").mkdir(parents=True)
    (root / "stories" / "migrations" / "0001_initial.py").write_text("# initial\n")
    (root / "requirements.lock").write_text("wagtail==8.0.1\n")
    monkeypatch.setattr(migrated_database, "ROOT", root)
    monkeypatch.setattr(migrated_database, "FOLDER", root / "var" / "migrated")
    runs = []

    def migrate(path):
        runs.append(path)
        with sqlite3.connect(path) as database:
            database.execute("CREATE TABLE django_migrations (name TEXT)")
            database.execute("INSERT INTO django_migrations VALUES ('0001_initial')")

    monkeypatch.setattr(migrated_database, "_migrate", migrate)
    return root, runs


def applied(path) -> list[str]:
    with sqlite3.connect(path) as database:
        return [name for (name,) in database.execute("SELECT name FROM django_migrations")]


def test_a_set_of_migrations_is_migrated_once_and_copied_after(project, tmp_path):
    _root, runs = project
    first, second = tmp_path / "test-db_gw0", tmp_path / "site.sqlite3"
    second.write_text("an old site")
    migrated_database.copy_migrated_database(first)
    migrated_database.copy_migrated_database(second)
    assert len(runs) == 1
    assert applied(first) == applied(second) == ["0001_initial"]


def test_processes_asking_at_once_wait_for_one_migration(project, tmp_path):
    _root, runs = project
    targets = [tmp_path / f"test-db_gw{n}" for n in range(3)]
    threads = [
        threading.Thread(target=migrated_database.copy_migrated_database, args=(target,))
        for target in targets
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(runs) == 1
    assert all(applied(target) == ["0001_initial"] for target in targets)


def test_a_new_migration_or_dependency_makes_a_new_database(project, tmp_path):
    root, runs = project
    key = migrated_database.migrations_key()
    migrated_database.copy_migrated_database(tmp_path / "a")
    (root / "stories" / "migrations" / "0002_labels.py").write_text("# new\n")
    assert migrated_database.migrations_key() != key
    migrated_database.copy_migrated_database(tmp_path / "b")
    (root / "requirements.lock").write_text("wagtail==8.0.2\n")
    migrated_database.copy_migrated_database(tmp_path / "c")
    assert len(runs) == 3
    # Only the newest is kept.
    assert len(list((root / "var" / "migrated").glob("*.sqlite3"))) == 1


def test_a_database_a_test_kept_goes_with_its_set_of_migrations(project, tmp_path):
    root, _runs = project
    migrated_database.copy_migrated_database(tmp_path / "a")
    before = migrated_database.kept("before-the-move")
    before.write_text("a database a test made")
    migrated_database.copy_migrated_database(tmp_path / "b")
    assert before.exists()  # the same migrations: still good
    (root / "stories" / "migrations" / "0002_labels.py").write_text("# new\n")
    assert migrated_database.kept("before-the-move") != before
    migrated_database.copy_migrated_database(tmp_path / "c")
    assert not before.exists()
