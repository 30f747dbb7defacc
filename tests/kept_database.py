"""A test database kept between runs (--reuse-db, make test) is used again only if it holds what
the last run found in it: the same number of rows in every table.

A run ends by putting back what it changed, but one that was killed cannot: it leaves the rows
of the transactional test it was in, committed, or the demo that a test process had swapped in
for its database (tests/helpers.py DemoDatabase). The next run then failed in tests that had
nothing to do with it ("the slug 'petition' is already in use") until var/ was removed by hand.
The count of every table's rows, read with one query as each run starts, is kept in var/ and
compared at the next start; a database that differs is made anew (tests/conftest.py).
"""

import hashlib
import json
from pathlib import Path

from tests.migrated_database import ROOT

FOLDER = ROOT / "var" / "kept-databases"
# SQLite takes at most 500 terms in one compound SELECT.
TABLES_PER_QUERY = 400


def row_counts(connection) -> dict[str, int]:
    """Each of the models' tables, with the number of rows it holds."""
    tables = sorted(connection.introspection.django_table_names(only_existing=True))
    quote = connection.ops.quote_name
    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(tables), TABLES_PER_QUERY):
            chunk = tables[start : start + TABLES_PER_QUERY]
            # The models' own table names, quoted: nothing here comes from a person.
            counts_sql = " UNION ALL ".join(
                f"SELECT %s, COUNT(*) FROM {quote(table)}"  # noqa: S608
                for table in chunk
            )
            cursor.execute(counts_sql, chunk)
            counts.update(cursor.fetchall())
    return counts


def _record(connection) -> Path:
    name = f"{connection.vendor}:{connection.settings_dict['NAME']}"
    return FOLDER / f"{hashlib.sha256(name.encode()).hexdigest()[:16]}.json"


def as_the_last_run_found_it(connection) -> bool:
    """Whether the database holds as many rows in each table as when the last run started (a
    database no run has noted yet is not trusted)."""
    try:
        noted = json.loads(_record(connection).read_text())
    except (FileNotFoundError, ValueError):
        return False
    return noted == row_counts(connection)


def note(connection) -> None:
    """Note what the database holds as this run starts, for the next run to compare."""
    record = _record(connection)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(row_counts(connection), sort_keys=True))
