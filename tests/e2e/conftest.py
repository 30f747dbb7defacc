"""Browser tests: a real server with demo content, driven by Debian's Chromium through Playwright.

Each test process (pytest-xdist worker) that runs browser tests starts its own server, so the
journeys run on both cores. The site itself (`make demo`'s content on a SQLite file, with the
Congress data or a small sample of it) is built once per test run, by whichever process gets there
first, and copied for each server. Tasks run immediately and emails are written to files, so
journeys can follow emailed links.
"""

import fcntl
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    MIN_FILL_SECONDS,
    ROOT,
    LiveSite,
    free_port,
)
from tests.helpers import require_tool

MANAGE = [sys.executable, str(ROOT / "manage.py")]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def site_environment(workdir: Path, url: str = "http://127.0.0.1") -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(workdir / "mail"),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
        # Links in emails lead to this server, so a journey can follow them as a person would.
        "BASE_URL": url,
        # Every browser here comes from 127.0.0.1: one address, many people.
        "SPAM_RATE_LIMIT_COUNT": "1000",
        "SPAM_MIN_FILL_SECONDS": str(MIN_FILL_SECONDS),
    }


@contextmanager
def exclusive(lock: Path):
    """One process at a time, across the test run's workers."""
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_site(folder: Path) -> None:
    """The demo site with members of Congress, and the list of its page types."""
    folder.mkdir(parents=True, exist_ok=True)
    env = site_environment(folder)
    subprocess.run([*MANAGE, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*MANAGE, "demo"], env=env, check=True, cwd=ROOT, capture_output=True)
    # Members of Congress for the letter journeys, unless the demo imported the real ones.
    load = "from tests.actions.letters.helpers import load_sample_congress as load; load()"
    subprocess.run(
        [*MANAGE, "shell", "-c", load], env=env, check=True, cwd=ROOT, capture_output=True
    )
    listing = subprocess.run(
        [*MANAGE, "check_pages", "--list-types"],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    (folder / "page-types.txt").write_text(listing)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Path:
    """The site built once for the whole run (its workers share the run's temporary folder)."""
    run_folder = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        run_folder = run_folder.parent
    template = run_folder / "live-site-template"
    with exclusive(run_folder / "live-site.lock"):
        if not (template / "page-types.txt").exists():
            build_site(template)
    return template


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, built_site):
    workdir = tmp_path_factory.mktemp("live-site")
    shutil.copy(built_site / "site.sqlite3", workdir / "site.sqlite3")
    if (built_site / "media").exists():
        shutil.copytree(built_site / "media", workdir / "media")
    mail_dir = workdir / "mail"
    mail_dir.mkdir()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    listing = (built_site / "page-types.txt").read_text()
    page_types = [tuple(line.split(" ", 1)) for line in listing.splitlines() if line.strip()]
    server = subprocess.Popen(
        [*MANAGE, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=site_environment(workdir, url),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=(workdir / "server.log").open("w"),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/en/", timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    else:
        server.terminate()
        pytest.fail("the live server did not start: " + (workdir / "server.log").read_text())
    yield LiveSite(url, mail_dir, page_types)
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    require_tool(
        Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    )
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """open_page(width=360, javascript=True) -> a fresh Playwright page in its own context."""
    contexts = []

    def opener(width: int = 1280, javascript: bool = True, language: str = "en-US"):
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            java_script_enabled=javascript,
            locale=language,
        )
        contexts.append(context)
        return context.new_page()

    yield opener
    for context in contexts:
        context.close()
