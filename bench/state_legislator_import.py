"""How long `manage.py import_state_legislators` takes, stage by stage, on SQLite and PostgreSQL.

On a fresh database: the first import (7,451 legislators, 104,573 ZIP rows, all new), a second
run with the same files (nothing to apply), and a re-import in which one member's phone changed.
Prints wall and CPU seconds for reading, checking, comparing and applying.

    .venv/bin/python bench/state_legislator_import.py   # SQLite, then PostgreSQL if reachable
    BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/bench_state_legislators .venv/bin/python ...
"""

import datetime
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# A database of its own, dropped and recreated (the Congress bench's helpers read this).
os.environ.setdefault("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/bench_state_legislators")

from legislator_import import PY, ROOT, Stopwatch, fresh_database

AS_OF = datetime.date(2026, 8, 5)
GOMEZ = "people/data/mn/legislature/Aisha-Gomez-09493dc0-a224-4cf6-a859-1384ffeda8a0.yml"


def measure() -> None:
    """Runs inside a child process whose DATABASE_URL names a fresh, migrated database."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from states.models import StateLegislatorImport
    from states.state_importer import changes, parsing, report, sources

    people_dir, zip_dir = sources.default_locations()

    def run(label: str, edit=None) -> None:
        total = Stopwatch()
        step = Stopwatch()
        people = sources.read_tree(people_dir, sources.wanted_people)
        zips = sources.read_tree(zip_dir, sources.wanted_zip)
        if edit:
            edit(people)
        read = str(step)
        step = Stopwatch()
        data = parsing.parse(people, zips, AS_OF)
        checked = str(step)
        step = Stopwatch()
        plan = changes.plan(data, "bench", sources.digest(people, zips), AS_OF)
        recorded = report.summary(plan)
        compared = str(step)
        step = Stopwatch()
        if plan.has_changes or plan.previous is None:
            changes.apply(plan, recorded)
        else:
            changes.confirm_unchanged(plan)
        applied = str(step)
        print(f"  {label}")
        print(f"    read the files: {read}")
        print(f"    check them: {checked}")
        print(f"    compare with the database: {compared}")
        print(f"    apply: {applied}")
        print(f"    total: {total}")

    def new_phone(people) -> None:
        path = people.files[GOMEZ]
        people.files[GOMEZ] = path.replace(b"651-296-7152", b"651-555-0142")

    run("first import (7,451 legislators, 104,573 ZIP rows, all new)")
    run("second run, same files (nothing to apply)")
    run("re-import with one phone changed", new_phone)
    print(f"  imports recorded: {StateLegislatorImport.objects.count()}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        measure()
        return
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
        subprocess.run([PY, __file__, "--child"], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()
