"""Browser tests: a real server with demo content, driven by Debian's Chromium through Playwright.

The server is a separate process on a SQLite file built once per session (`make demo`'s command),
with tasks run immediately and emails written to files, so journeys can follow emailed links.
"""

import os
import subprocess
import sys
import time
import urllib.request
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


# tryfirst: the group must be on the items before pytest-xdist's own hook reads it.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # One process runs every journey, so the live site and Chromium start once.
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("live-site")
    mail_dir = workdir / "mail"
    mail_dir.mkdir()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
        # Links in emails lead to this server, so a journey can follow them as a person would.
        "BASE_URL": url,
        # Every browser here comes from 127.0.0.1: one address, many people.
        "SPAM_RATE_LIMIT_COUNT": "1000",
        "SPAM_MIN_FILL_SECONDS": str(MIN_FILL_SECONDS),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "demo"], env=env, check=True, cwd=ROOT, capture_output=True)
    # Members of Congress for the letter journeys, unless the demo imported the real ones.
    subprocess.run(
        [
            *manage,
            "shell",
            "-c",
            "from tests.actions.letters.helpers import load_sample_congress as load; load()",
        ],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    listing = subprocess.run(
        [*manage, "check_pages", "--list-types"],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    page_types = [tuple(line.split(" ", 1)) for line in listing.splitlines() if line.strip()]
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
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
