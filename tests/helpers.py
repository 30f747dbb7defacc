"""Helpers for every test folder: the baseline and demo sites (tests/conftest.py), tools a bare
machine may lack, the public data, staff accounts and counting a page's queries."""

import io
import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource

from core.generation import purge_all
from core.localization import translate
from home.factories import HomePageFactory
from home.models import HomePage
from states import seed
from states.models import Criterion


def require_tool(available: bool, reason: str) -> None:
    """Skip when a tool a bare machine may lack is missing; fail instead in CI (.ci/run sets
    REQUIRE_ALL_TOOLS), where the tool is installed and a skip would hide a regression."""
    if available:
        return
    if os.environ.get("REQUIRE_ALL_TOOLS"):
        pytest.fail(f"required tool missing in CI: {reason}")
    pytest.skip(reason)


ROOT = Path(__file__).resolve().parents[1]  # the repository
# The public data the project reads but never commits (../shared/data beside the repository).
SHARED_DATA_CANDIDATES = (
    ROOT.parent / "shared" / "data",
    Path("/work/shared/data"),
)


def shared_data_folder(*names: str) -> Path | None:
    """The first folder of the public data that holds every one of `names`, if any."""
    for folder in SHARED_DATA_CANDIDATES:
        if all((folder / name).exists() for name in names):
            return folder
    return None


def compile_catalogues() -> None:
    """Every locale's django.po compiled to django.mo where that is missing or stale (as `make
    messages` does with gettext; polib needs no system package)."""
    for source in (ROOT / "locale").glob("*/LC_MESSAGES/django.po"):
        compiled = source.with_suffix(".mo")
        if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
            partial = compiled.with_suffix(".mo.partial")
            polib.pofile(str(source)).save_as_mofile(str(partial))
            partial.replace(compiled)


def has_command(name: str) -> bool:
    return shutil.which(name) is not None


def staff_user(username: str, *codenames: str, groups: tuple[str, ...] = ()):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password="pw"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def add_live_pages(factory, parent, count: int, **fields) -> list:
    """`count` live pages under `parent`, dated as if published one a minute (the last is the
    newest): the quick way to give a listing hundreds of children (a tenth of the time of
    save_revision().publish(), which tests of publishing itself keep using)."""
    now = timezone.now()
    pages = []
    for n in range(count):
        published = now - timedelta(minutes=count - n)
        pages.append(
            factory(
                parent=parent,
                live=True,
                first_published_at=published,
                last_published_at=published,
                **{name: value(n) if callable(value) else value for name, value in fields.items()},
            )
        )
    return pages


def queries_for(client, url: str) -> tuple[int, str]:
    """One GET of `url`, which must answer 200: (the queries it made, its HTML)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured), response.content.decode()


def warm_queries(client, url: str) -> tuple[int, str]:
    """queries_for a second request: the first fills what site-wide data the site cache keeps
    between publishes (core of every page's budget)."""
    client.get(url)
    return queries_for(client, url)


@dataclass
class BaselineSite:
    english: Locale
    spanish: Locale
    home: HomePage
    spanish_home: HomePage


SPANISH_HOME = {
    "Home": "Inicio",
    "home": "inicio",
    "hero_heading": "Nadie está por encima de la ley",
    "hero_text": "Texto en español.",
}


def holds_migration_data() -> bool:
    """Whether the database holds what migrations made (a transactional test's flush empties it):
    Wagtail's root page and the groups."""
    return Page.objects.filter(depth=1).exists() and Group.objects.exists()


def find_baseline_site() -> BaselineSite | None:
    """The baseline site, if the database holds it whole."""
    home = HomePage.objects.filter(depth=2, locale__language_code="en").first()
    if home is None or not Site.objects.filter(is_default_site=True, root_page=home).exists():
        return None
    spanish_home = HomePage.objects.filter(
        translation_key=home.translation_key, locale__language_code="es"
    ).first()
    if spanish_home is None:
        return None
    return BaselineSite(home.locale, spanish_home.locale, home, spanish_home)


@transaction.atomic
def build_baseline_site() -> BaselineSite:
    """Both locales, an English home page as the default site's root (in place of Wagtail's
    welcome page) and its Spanish translation through wagtail-localize, and the scorecard's nine
    criteria with theirs (`create_states` seeds them on a real site; translating them again in
    each of 87 tests was about 6% of the non-browser tests' CPU). Idempotent."""
    site = find_baseline_site() or _build_home_pages()
    seed.ensure_criteria(io.StringIO())
    return site


def _build_home_pages() -> BaselineSite:
    english, _ = Locale.objects.get_or_create(language_code="en")
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    root = Page.get_first_root_node()
    welcome = root.get_children().filter(slug="home").first()
    if welcome is not None:
        Page.objects.filter(pk=welcome.pk).update(slug="welcome")
    # Words of its own: Faker's random English (its word list holds "police") made the home
    # page a match in some runs of the search tests, depending on the draw.
    home = HomePageFactory(
        parent=root,
        locale=english,
        title="Home",
        slug="home",
        hero_heading="A campaign for the rights of all",
        hero_text="Read the stories, sign the petition and tell your friends.",
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.save()
    if welcome is not None:
        Page.objects.get(pk=welcome.pk).delete()
    strings = {
        "Home": SPANISH_HOME["Home"],
        "home": SPANISH_HOME["home"],
        home.hero_heading: SPANISH_HOME["hero_heading"],
        home.hero_text: SPANISH_HOME["hero_text"],
    }
    spanish_home = translate(home, "es", strings)
    return BaselineSite(english, spanish, home, spanish_home)


def restore_fresh_install() -> None:
    """The page tree and site as Wagtail's migrations leave them (a welcome page, slug "home",
    as the default site's root) and no criteria, so the demo is built as on a new installation."""
    root = Page.get_first_root_node()
    english = Locale.objects.get(language_code="en")
    welcome = root.add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="welcome", locale=english)
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = welcome
    site.save()
    for page in root.get_children().exclude(pk=welcome.pk):
        TranslationSource.objects.filter(object_id=page.translation_key).delete()
        page.delete()
    remove_rubric()
    Page.objects.filter(pk=welcome.pk).update(slug="home", url_path="/home/")


def remove_rubric() -> None:
    """Take the baseline's criteria away, with their translations, as on a site where
    `create_states` has not run yet."""
    for criterion in Criterion.objects.filter(locale=Locale.get_default()):
        TranslationSource.objects.filter(object_id=criterion.translation_key).delete()
    Criterion.objects.all().delete()


class DemoDatabase:
    """The demo site, loaded once while the tests that read it run (each in a transaction of its
    own, rolled back), then taken away (tests/conftest.py: demo_site).

    On SQLite the demo is not built here: the browser tests' site saves a copy of it on the way
    (tests/e2e/helpers.py build_site), and `saved` finds it. The test database is swapped for
    that copy with SQLite's backup API and put back the same way. Elsewhere (PostgreSQL) the
    demo is built in a transaction that stays open while its tests run in savepoints, then
    rolled back."""

    def __init__(self):
        self.blocker = None  # pytest-django's database blocker, once the databases exist
        # Where the saved demo is (it waits for the site's build to save it), on SQLite.
        self.saved: Callable[[], Path] | None = None
        self._atomic = None
        self._before = None  # on SQLite, the test database as it was before the demo
        self._media: list[str] = []
        self.output = ""

    @property
    def is_loaded(self) -> bool:
        return self._atomic is not None or self._before is not None

    def load(self) -> None:
        if self.is_loaded or self.blocker is None:
            return
        with self.blocker.unblock():
            if connection.in_atomic_block:
                raise RuntimeError("the demo must be loaded outside any test's transaction")
            if connection.vendor == "sqlite" and self.saved is not None:
                self._restore(self.saved())
                return
            self._atomic = transaction.atomic()
            self._atomic.__enter__()
            try:
                restore_fresh_install()
                out = io.StringIO()
                with override_settings(DEBUG=True):  # a development machine's demo
                    call_command("demo", stdout=out)
                self.output = out.getvalue()
            except BaseException:
                self.roll_back()
                raise

    def _restore(self, saved: Path) -> None:
        connection.ensure_connection()
        database = connection.connection
        self._before = sqlite3.connect(":memory:")
        database.backup(self._before)
        with closing(sqlite3.connect(saved / "site.sqlite3")) as demo:
            demo.backup(database)
        ContentType.objects.clear_cache()
        # The images' files, into the test settings' storage (in memory).
        media = saved / "media"
        for path in sorted(p for p in media.rglob("*") if p.is_file()):
            name = path.relative_to(media).as_posix()
            default_storage.delete(name)
            with path.open("rb") as handle:
                self._media.append(default_storage.save(name, File(handle)))
        # Saved with the production hasher; the test settings know only a quicker one.
        admin = get_user_model().objects.get(username=settings.DEMO_ADMIN_USERNAME)
        admin.set_password(settings.DEMO_ADMIN_PASSWORD)
        admin.save(update_fields=["password"])
        self.output = (saved / "output.txt").read_text()
        purge_all()

    def roll_back(self) -> None:
        if not self.is_loaded:
            return
        with self.blocker.unblock():
            if self._before is not None:
                before, self._before = self._before, None
                connection.ensure_connection()
                with closing(before):
                    before.backup(connection.connection)
                ContentType.objects.clear_cache()
                for name in self._media:
                    default_storage.delete(name)
                self._media = []
            else:
                atomic, self._atomic = self._atomic, None
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
            purge_all()
