"""Shared fixtures: a baseline site built once per test database, the demo site built once per
session for the tests that read it, and the per-test resets every test needs.

The baseline (both locales, the English home page as the default site's root, and its Spanish
translation) is what almost every test starts from. It is built once, right after the test
database is migrated, and committed; each test runs in a transaction that is rolled back, so it
sees the baseline fresh whatever the previous test did. docs/testing.md explains the fixtures.
"""

import functools
import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models.signals import post_delete, post_save
from django.test import TransactionTestCase
from django.utils import translation
from hypothesis import settings as hypothesis_settings
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.generation import forget_generation, forget_last_reading
from tests.bad_input.helpers import Forms
from tests.e2e.helpers import saved_demo
from tests.garbage_collection import set_aside, tune
from tests.helpers import (
    ROOT,
    BaselineSite,
    DemoDatabase,
    build_baseline_site,
    compile_catalogues,
    find_baseline_site,
    holds_migration_data,
    staff_user,
)
from tests.kept_database import as_the_last_run_found_it, note
from tests.migrated_database import copy_migrated_database, start_making
from tests.module_data import MODULE_DATA
from tests.states.state_legislators.helpers import REAL_STATE_DATA

# Fixtures that tests in more than one folder use; a folder's own fixtures stay in its conftest.py.
pytest_plugins = [
    "tests.core.fixtures",
    "tests.e2e.fixtures",
    "tests.actions.letters.fixtures",
    "tests.actions.calls.fixtures",
    "tests.actions.newsletter.fixtures",
    "tests.actions.petitions.fixtures",
    "tests.testimonials.fixtures",
    "tests.security.fixtures",
]

# Property-based tests: a quick sample locally, the full run in CI (.ci/run sets the profile).
hypothesis_settings.register_profile("ci", max_examples=300)
hypothesis_settings.register_profile("dev", max_examples=25)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# Python's garbage collector, tuned for a process that holds the whole suite
# (tests/garbage_collection.py says why and what it saves).
tune()

DEMO_FIXTURE = "demo_site"
# The real state legislator data (tests/states/state_legislators/conftest.py: real_import).
REAL_STATE_DATA_FIXTURE = "real_import"


_making_the_database = pytest.StashKey[subprocess.Popen | None]()


def pytest_configure(config):
    """Spanish pages need the compiled catalogue, which `make install` builds: compiled here too
    (before any test process starts) when it is missing or older than its source. The migrated
    SQLite database the test databases start from is started here too, if there is none yet: it
    is made while the test processes start and run the tests that need no database."""
    if not hasattr(config, "workerinput"):
        compile_catalogues()
        if _starts_from_the_migrated_database(config):
            config.stash[_making_the_database] = start_making(
                ROOT / "var" / "migrated" / "migrate.log"
            )


def pytest_collection_finish(session):
    set_aside()


def pytest_unconfigure(config):
    making = config.stash.get(_making_the_database, None)
    if making is not None and making.poll() is None:  # a run stopped early
        making.terminate()
        making.wait()


def _starts_from_the_migrated_database(config) -> bool:
    """Whether this run's SQLite test databases, kept between runs, start as copies of the
    migrated database (tests/migrated_database.py)."""
    database = settings.DATABASES["default"]
    name = database.get("TEST", {}).get("NAME") or ""
    return bool(
        database["ENGINE"] == "django.db.backends.sqlite3"
        and config.getoption("reuse_db")
        and not config.getoption("create_db")
        and name
        and "mode=memory" not in name
    )


_demo = DemoDatabase()


def _reads_the_demo(item) -> bool:
    return DEMO_FIXTURE in getattr(item, "fixturenames", ())


def _reads_real_state_data(item) -> bool:
    return REAL_STATE_DATA_FIXTURE in getattr(item, "fixturenames", ())


def _empties_the_database(item) -> bool:
    """A transactional test: the database is flushed when it ends (pytest-django's own order
    puts these after the tests that run in a transaction). The suite has no Django
    TransactionTestCase classes; every such test is marked django_db(transaction=True)."""
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


def _runs_in_a_transaction_of_its_own(item) -> bool:
    """A test pytest-django wraps in a transaction (a savepoint inside a module's, for the rows
    it shares: tests/module_data.py). Transactional tests are told apart by their mark."""
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(item.get_closest_marker("django_db") or fixtures & {"db", "django_db_setup"})


def _uses_a_database_or_a_browser(item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    test_case = getattr(item, "cls", None)
    return bool(
        (test_case is not None and issubclass(test_case, TransactionTestCase))  # Django's
        or item.get_closest_marker("django_db")
        or fixtures & {"db", "transactional_db", "live_server", "django_db_setup"}
        or item.get_closest_marker("browser")
        or item.get_closest_marker("live")
        or item.get_closest_marker("lighthouse")
    )


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """The demo's tests run together in one process (an xdist group), so the demo is loaded once
    (demo_site); the tests that read the real state legislator data do the same (real_import)."""
    for item in items:
        if _reads_the_demo(item):
            item.add_marker(pytest.mark.xdist_group("demo"))
        elif _reads_real_state_data(item):
            item.add_marker(pytest.mark.xdist_group("real-state-data"))
        # The catalogue's form, asked for while the test runs (forms["petition"]): its rows are
        # built with the module's, before the test (tests/module_data.py).
        form = getattr(getattr(item, "callspec", None), "params", {}).get("form_name")
        if "forms" in getattr(item, "fixturenames", ()) and form in Forms.SHARED_ROWS:
            item.add_marker(pytest.mark.shared_rows(*Forms.SHARED_ROWS[form]))
    result = yield
    # pytest-django has ordered them: tests in a transaction, transactional tests, the rest.
    # First the tests that need no database nor browser, while the migrated database is made
    # (pytest_configure); then the two groups, whose setup is long; then the transactional
    # tests (the migration tests take half a minute: last, one process ran them alone while
    # the other waited), the database put back after them (pytest_runtest_teardown); then as
    # pytest-django ordered them, the browser and live tests last (their site is built
    # meanwhile). xdist hands the units out in this order (--no-loadscope-reorder in
    # pyproject.toml).
    demo = [item for item in items if _reads_the_demo(item)]
    real = [item for item in items if _reads_real_state_data(item) and item not in demo]
    first = [item for item in items if not _uses_a_database_or_a_browser(item)]
    grouped = {*demo, *real, *first}
    emptying = [item for item in items if _empties_the_database(item) and item not in grouped]
    grouped.update(emptying)
    items[:] = first + real + demo + emptying + [item for item in items if item not in grouped]
    return result


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """A SQLite test database kept between runs (--reuse-db: make test) that does not exist yet
    starts as a copy of a migrated one (tests/migrated_database.py): the test processes and the
    browser tests' site migrate once between them, not once each."""
    name = settings.DATABASES["default"].get("TEST", {}).get("NAME") or ""
    if _starts_from_the_migrated_database(request.config) and not Path(name).exists():
        copy_migrated_database(Path(name))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, django_db_keepdb, pytestconfig):
    """pytest-django's test databases, with the baseline site built in each, once.

    With --reuse-db (make test, locally) the databases of the last run are kept. A
    transactional test leaves its database empty, even of what migrations made; that is put back
    after it (pytest_runtest_teardown) and again at the end of the run where it can be. A
    database found empty all the same, or holding other rows than the last run found in it (a
    run that was killed: tests/kept_database.py), is made anew."""
    connection = connections["default"]
    with django_db_blocker.unblock():
        if django_db_keepdb and not (
            holds_migration_data() and as_the_last_run_found_it(connection)
        ):
            _make_anew(connection, pytestconfig)
        build_baseline_site()
        if django_db_keepdb:
            note(connection)
        if getattr(connection, "_test_serialized_contents", None) is not None:
            # Tests that empty the database (transactional, serialized_rollback) put back what
            # migrations made, and the baseline with it.
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    _demo.blocker = MODULE_DATA.blocker = django_db_blocker
    # On SQLite the demo comes from the copy the browser tests' site saves on its way.
    _demo.saved = functools.partial(saved_demo, pytestconfig)
    yield
    MODULE_DATA.close()
    _demo.roll_back()
    REAL_STATE_DATA.clear()
    if django_db_keepdb:  # a run stopped inside a transactional test
        _put_back_what_migrations_made()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture of the test: a test that does not read the demo never sees it (the
    demo is rolled back first), and one that does finds it loaded. Then the pages and rows its
    fixtures share with the other tests of its module are built, once for the module
    (tests/module_data.py), unless it reads the demo or the real state data or empties the
    database: what those load or remove must not be rolled back with the module's rows."""
    suitable = _runs_in_a_transaction_of_its_own(item) and not (
        _reads_the_demo(item) or _reads_real_state_data(item) or _empties_the_database(item)
    )
    MODULE_DATA.leave(item, suitable)
    if not _reads_real_state_data(item):
        REAL_STATE_DATA.clear()  # before the demo, which imports state legislators of its own
    if _reads_the_demo(item):
        _demo.load()  # once the databases exist; before that, demo_site does it
    else:
        _demo.roll_back()
    if suitable:
        MODULE_DATA.prepare(item)


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, once its fixtures are gone and the database flushed: put back
    what migrations made and the baseline, for the tests in a transaction that follow (they run
    after it now, not before). Another transactional test next puts it back itself; after the
    last test, django_db_setup does where the database is kept (the others are gone by then)."""
    result = yield
    if nextitem and _empties_the_database(item) and not _empties_the_database(nextitem):
        _put_back_what_migrations_made()
    return result


def _make_anew(connection, config) -> None:
    """A kept test database as a fresh one: on SQLite a new copy of the migrated database, which
    takes no migration; elsewhere created and migrated again."""
    if _starts_from_the_migrated_database(config):
        connection.close()
        copy_migrated_database(Path(connection.settings_dict["NAME"]))
    else:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)


def _put_back_what_migrations_made() -> None:
    connection = connections["default"]
    serialized = getattr(connection, "_test_serialized_contents", None)
    if serialized is None or _demo.blocker is None:
        return  # the baseline fixture builds the baseline again in each test instead
    with _demo.blocker.unblock():
        if not holds_migration_data():
            connection.creation.deserialize_db_from_string(serialized)


@pytest.fixture(scope="module")
def demo_site(django_db_setup) -> str:
    """`manage.py demo` run once on a fresh install, for the tests that read it; returns what
    the command printed. The demo stays loaded while the tests that request it run one after
    another (grouped and ordered together); each test runs in a transaction (mark it
    django_db) that is rolled back after it (tests/helpers.py DemoDatabase says how).
    Module-scoped so that it is set up before any test's own transaction."""
    _demo.load()
    return _demo.output


@pytest.fixture(autouse=True)
def anymail_test_backend(settings):
    """Django's test setup swaps EMAIL_BACKEND for locmem; put Anymail's test backend back, as
    config/settings/test.py intends (it also collects messages in django.core.mail.outbox)."""
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"


@pytest.fixture(autouse=True)
def indexes_kept_current(request, settings):
    """Wagtail updates its search index and its reference index (the admin's "usage" counts)
    on every save of a page, image or snippet: about a tenth of the suite's CPU (docs/
    testing.md), for two indexes that most tests never read. A test that reads either, or
    checks that something is kept out of them, asks for both with `@pytest.mark.indexes`. The
    demo's tests, and the browser and live tests, which use the site as its visitors and
    editors do, keep them as in production."""
    node = request.node
    if _reads_the_demo(node) or any(
        node.get_closest_marker(name) for name in ("indexes", "browser", "live")
    ):
        yield
        return
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**backend, "AUTO_UPDATE": False}
        for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with disable_reference_index_auto_update(), search_index_signals_off():
        yield


@functools.cache
def _models_indexed_on_save() -> tuple:
    # As modelsearch's register_signal_handlers chooses them.
    return tuple(m for m in get_indexed_models() if getattr(m, "search_auto_update", True))


@contextmanager
def search_index_signals_off():
    """With AUTO_UPDATE off no backend takes the object, but the search app's save and delete
    handlers still run a task per save that fetches the object again and asks whether it is
    live: two queries a save, for nothing (about 3% of the time of tests that make many pages).
    The same handlers are taken off and put back, through Django's signal API."""
    models = _models_indexed_on_save()
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_delete.disconnect(post_delete_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
            post_delete.connect(post_delete_signal_handler, sender=model)


@pytest.fixture(autouse=True)
def fresh_site_cache():
    """Each test's database starts afresh, so cached pages and site-wide data must too: the
    rollback of the previous test sent no signal (core/page_cache.py, core/site_cache.py), and
    Wagtail's own cache of the sites' root paths may name a site the rollback took away. The
    cache generation this process last read may have been rolled back with it too."""
    cache.clear()
    forget_last_reading()
    forget_generation()


@pytest.fixture(autouse=True)
def default_language_after_each_test():
    """A request under /es/ leaves Spanish active in the test's thread (LocaleMiddleware never
    resets it), and the next test would build its pages with Spanish defaults."""
    yield
    translation.deactivate()


@pytest.fixture
def baseline(db) -> BaselineSite:
    """The baseline site; rebuilt inside the test's transaction if a test that empties the
    database ran before without putting it back."""
    return find_baseline_site() or build_baseline_site()


@pytest.fixture
def locales(baseline):
    return baseline.english, baseline.spanish


@pytest.fixture
def home_page(baseline):
    """The English home page, the default site's root (in place of Wagtail's welcome page)."""
    return baseline.home


@pytest.fixture
def spanish_home(baseline):
    return baseline.spanish_home


@pytest.fixture
def data_staff(db):
    """A member of "Campaign data": may list and export supporters' submissions."""
    return staff_user("data", groups=("Campaign data",))


@pytest.fixture
def editor(db):
    """An editor (Wagtail's Editors group): edits pages, must never read submissions."""
    return staff_user("editor", groups=("Editors",))
