"""Pages and rows built once for a test module's tests instead of once for each test.

Many tests start from the same few things: a petition, a letter page and its bill, a small
Congress, the voices wall. Each is registered here (`shared`) with the code that builds it. Before
a test runs (tests/conftest.py: pytest_runtest_setup), what its fixtures will ask for is built in
a transaction kept open for its module on this process: each test then runs in a savepoint
inside it (pytest-django's own transaction, nested), and the module's transaction is rolled back
when the process moves to another module or the next test asks for other rows (or none), as
Django's TestCase does with setUpTestData.

The fixtures tests ask for (`petition`, `letter_page`, ...) read the rows again for each test
(`built` gives their primary key), so that what one test changes in memory never reaches the
next. A test that cannot run inside a transaction of its module's (it empties the database, or
loads the demo or the real state data) or a fixture asked for only while the test runs
(`request.getfixturevalue`) builds the rows in the test's own transaction instead, as before.
docs/testing.md ("Fixtures built once") says what this saves.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection, transaction

from tests.helpers import BaselineSite, build_baseline_site, find_baseline_site

# A builder gets the baseline site and `need` (the primary key of another shared name, built
# first where it is not yet) and returns what its fixture reads the rows again by.
Builder = Callable[[BaselineSite, Callable[[str], Any]], Any]
BUILDERS: dict[str, Builder] = {}


def shared(name: str) -> Callable[[Builder], Builder]:
    """Register `name`'s builder (a fixture of the same name reads what it built)."""

    def register(builder: Builder) -> Builder:
        known = BUILDERS.get(name)
        if known is not None and known.__module__ != builder.__module__:
            raise RuntimeError(f"{name!r} is shared already, by {known.__module__}")
        BUILDERS[name] = builder
        return builder

    return register


class ModuleData:
    def __init__(self):
        self.blocker = None  # pytest-django's database blocker, once the databases exist
        self.module = None  # the module whose transaction is open, if one is
        self._atomic = None
        self._built: dict[str, Any] = {}  # in the module's transaction
        self._this_test: dict[str, Any] = {}  # in the running test's own transaction
        self._needs: dict[str, set[str]] = {}  # the other names each name's builder needed

    @property
    def is_open(self) -> bool:
        return self._atomic is not None

    def leave(self, item, suitable: bool) -> None:
        """First, before anything else is set up for the test: close another module's
        transaction, or this one's for a test that cannot run inside it."""
        self._this_test = {}
        if self.is_open and (not suitable or item.module is not self.module):
            self.close()

    def prepare(self, item) -> None:
        """Then, before the test's fixtures: build what they will ask for, in its module's
        transaction. The test must find exactly the shared rows its fixtures ask for, as it
        would if they were built in it: the transaction is begun again where the test before
        asked for others (a test that asks for none finds none)."""
        wanted = {name for name in BUILDERS if name in item.fixturenames}
        for name in wanted:
            # A fixture of the same name defined closer to the test would build its own rows
            # beside these (pytest keeps the closest definition last).
            definition = item._fixtureinfo.name2fixturedefs[name][-1].func
            if definition.__module__ != BUILDERS[name].__module__:
                raise RuntimeError(
                    f"{item.nodeid}: the fixture {name!r} in {definition.__module__} hides the "
                    "shared one (tests/module_data.py); use the shared one or another name"
                )
        wanted.update(name for marker in item.iter_markers("shared_rows") for name in marker.args)
        if self.is_open and self._with_needs(wanted) != set(self._built):
            self.close()
        if not wanted or self.blocker is None or (self.is_open and wanted <= self._built.keys()):
            return  # nothing to build: the baseline is not even looked up
        with self.blocker.unblock():
            if not self.is_open:
                if connection.in_atomic_block:
                    raise RuntimeError("a module's shared rows need no other transaction open")
                self._atomic = transaction.atomic()
                self._atomic.__enter__()
                self.module = item.module
            site = find_baseline_site() or build_baseline_site()
            for name in sorted(wanted):
                self._build(name, site, self._built)

    def _with_needs(self, names: set[str]) -> set[str]:
        found, pending = set(), list(names)
        while pending:
            name = pending.pop()
            if name not in found:
                found.add(name)
                pending.extend(self._needs.get(name, ()))
        return found

    def built(self, name: str) -> Any:
        """The primary key (or keys) of `name`'s rows for the running test: built for its
        module, or else now, in the test's own transaction."""
        if name in self._built:
            return self._built[name]
        site = find_baseline_site() or build_baseline_site()
        return self._build(name, site, self._this_test)

    def _build(self, name: str, site: BaselineSite, into: dict[str, Any]) -> Any:
        if name not in into:
            self._needs[name] = set()

            def need(other: str) -> Any:
                self._needs[name].add(other)
                if into is self._this_test and other in self._built:
                    return self._built[other]
                return self._build(other, site, into)

            into[name] = BUILDERS[name](site, need)
        return into[name]

    def close(self) -> None:
        """Roll the module's transaction back: the database is as its tests found it."""
        if self._atomic is None:
            return
        with self.blocker.unblock():
            if connection.in_atomic_block:  # not if a test closed the connection
                transaction.set_rollback(True)
                self._atomic.__exit__(None, None, None)
        self._atomic = None
        self.module = None
        self._built = {}


MODULE_DATA = ModuleData()


def read_again(model, pks: Iterable[int]) -> list:
    """The rows of `model` with these primary keys, in their order, read afresh for a test."""
    pks = list(pks)
    rows = model.objects.in_bulk(pks)
    return [rows[pk] for pk in pks]


def built(name: str) -> Any:
    return MODULE_DATA.built(name)
