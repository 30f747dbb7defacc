"""A migrated SQLite database, made once for each set of migrations and copied wherever a fresh
one is wanted: each SQLite test database (one per test process) and the browser tests' site.

Migrating a fresh database costs about 50 s of CPU here (275 migrations, most of it Django
rendering model states, not SQL), and a fresh `make test` did it three times at once on two
cores. The copy is the database `migrate` makes; `migrate` then runs on the copy as usual and
finds nothing to do unless a migration is new. Nothing here imports Django: the browser tests'
site is built in a process of its own (tests/e2e/build.py).
"""

import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "var" / "migrated"


@contextmanager
def exclusive(lock: Path):
    """One process at a time, across the test run's workers and the site's build."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def migrations_key() -> str:
    """A digest of what a migrated database is made of: every migration of the project's apps
    and the pinned dependencies (Wagtail's and Django's migrations come with them)."""
    digest = hashlib.sha256()
    files = [*sorted(ROOT.glob("*/migrations/*.py")), ROOT / "requirements.lock"]
    for path in files:
        digest.update(f"{path.relative_to(ROOT)}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _migrate(path: Path) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{path}",
    }
    subprocess.run(
        # manage.py with the collector tuned (tests/garbage_collection.py): 16% less CPU here.
        [sys.executable, "-m", "tests.garbage_collection", "migrate", "--noinput", "-v0"],
        env=env,
        cwd=ROOT,
        check=True,
    )
    # One self-contained file to copy: no write-ahead log beside it.
    with sqlite3.connect(path) as database:
        database.execute("PRAGMA journal_mode=DELETE")


def template() -> Path:
    return FOLDER / f"{migrations_key()}.sqlite3"


def save_copy(database: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of an open SQLite database in one self-contained file (SQLite's backup
    API, whatever its write-ahead log still holds; no log beside the copy)."""
    with closing(sqlite3.connect(target)) as copy:
        database.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")


def kept(name: str) -> Path:
    """Where a database a test made from this set of migrations is kept under `name`, for the
    next runs (removed with the migrated database when a migration changes)."""
    return FOLDER / f"{migrations_key()}-{name}.sqlite3"


def ensure_migrated_database() -> Path:
    """The migrated database of this set of migrations, made first if there is none yet; the
    first process to ask makes it, the others wait for it."""
    made = template()
    with exclusive(FOLDER / ".lock"):
        if not made.exists():
            for old in FOLDER.glob("*.sqlite3*"):
                old.unlink()
            partial = FOLDER / f"{made.stem}.partial"
            partial.unlink(missing_ok=True)
            _migrate(partial)
            partial.rename(made)
    return made


def start_making(log: Path) -> subprocess.Popen | None:
    """Make the migrated database in a process of its own, unless it is there: the test run
    starts it before its test processes have even collected their tests, which then find it
    made or wait for it (the lock is taken at once)."""
    if template().exists():
        return None
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.migrated_database"],
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def copy_migrated_database(target: Path) -> None:
    """Write a freshly migrated database to `target` (replacing what is there)."""
    made = ensure_migrated_database()
    for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(made, target)


if __name__ == "__main__":
    ensure_migrated_database()
