"""How long `manage.py import_legislators` takes, stage by stage, on SQLite and PostgreSQL.

On a fresh database: the first import (everything new), a second run with the same files
(nothing to apply), and a re-import of a copy in which one member's phone changed. Prints wall
and CPU seconds for reading and checking the files, comparing, and applying.

    .venv/bin/python bench/legislator_import.py [DATA_DIR]   # SQLite, then PostgreSQL if reachable
    BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/bench_legislators .venv/bin/python bench/...
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = ROOT / ".venv" / "bin" / "python"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/bench_legislators")


class Stopwatch:
    def __init__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def __str__(self):
        return (
            f"{time.perf_counter() - self.wall:6.2f} s wall, "
            f"{time.process_time() - self.cpu:5.2f} s CPU"
        )


def measure(data_dir: str) -> None:
    """Runs inside a child process whose DATABASE_URL names a fresh, migrated database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from states.importer import changes, parsing, sources
    from states.models import LegislatorImport

    def run(label: str, folder: str) -> None:
        total = Stopwatch()
        source = sources.resolve(folder)
        step = Stopwatch()
        contents = sources.read_all(source)
        data = parsing.parse(contents)
        read = str(step)
        step = Stopwatch()
        plan = changes.plan(data, source, sources.digest(contents))
        compared = str(step)
        step = Stopwatch()
        if plan.has_changes or plan.previous is None:
            changes.apply(plan)
        else:
            changes.confirm_unchanged(plan)
        applied = str(step)
        print(f"  {label}")
        print(f"    read and check the files: {read}")
        print(f"    compare with the database: {compared}")
        print(f"    apply: {applied}")
        print(f"    total: {total}")

    run("first import (537 legislators, 42,033 ZIP rows, all new)", data_dir)
    run("second run, same files (nothing to apply)", data_dir)
    with tempfile.TemporaryDirectory() as copy:
        for name in sources.FILE_NAMES:
            shutil.copy(Path(data_dir) / name, Path(copy) / name)
        path = Path(copy) / sources.LEGISLATORS
        path.write_text(path.read_text().replace("202-224-5852", "202-555-0142"))  # Bennet
        run("re-import with one phone changed", copy)
    print(f"  imports recorded: {LegislatorImport.objects.count()}")


def fresh_database(name: str) -> str | None:
    if name == "sqlite":
        return f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    url = PG_URL
    database = url.rsplit("/", 1)[-1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    try:
        import psycopg

        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
            connection.execute(f'CREATE DATABASE "{database}"')
    except Exception as error:  # PostgreSQL is optional here
        print(f"PostgreSQL skipped: {error}")
        return None
    return url


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        measure(sys.argv[2])
        return
    sys.path.insert(0, str(ROOT))
    data_dir = sys.argv[1] if len(sys.argv) > 1 else ""
    if not data_dir:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
        from config.settings.base import LEGISLATOR_DATA_DIR

        data_dir = LEGISLATOR_DATA_DIR
    if not data_dir or not Path(data_dir).is_dir():
        sys.exit("Give the folder of the five legislator data files (see docs/legislators.md).")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name in ("sqlite", "postgresql"):
        url = fresh_database(name)
        if url is None:
            continue
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.base"}
        subprocess.run(
            [PY, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        print(f"{name}:", flush=True)
        subprocess.run([PY, __file__, "--child", data_dir], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()
