"""Browser tests: a real server with demo content, driven by Debian's Chromium through Playwright.

Each test process (pytest-xdist worker) that runs browser tests starts its own server, so the
journeys run on every core. The site itself (`make demo`'s content on a SQLite file, with the
Congress data or a small sample of it) is built once per test run (tests/e2e/fixtures.py:
built_site) and copied for each server. Tasks run immediately and emails are written to files,
so journeys can follow emailed links.
"""

import contextlib
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    MANAGE,
    ROOT,
    LiveSite,
    free_port,
    site_environment,
)
from tests.helpers import require_tool


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, built_site):
    yield from serve_site(tmp_path_factory.mktemp("live-site"), built_site)


@pytest.fixture(scope="session")
def editing_site(tmp_path_factory, built_site):
    """A server of its own for journeys that change content (a new story, a changed mark), so
    that what they publish never shows in other tests' counts and scores."""
    yield from serve_site(tmp_path_factory.mktemp("editing-site"), built_site)


def serve_site(workdir: Path, built_site: Path):
    """Copy the built site into `workdir`, serve it until the session ends."""
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


def origin_of(url: str) -> str:
    """scheme://host:port of an http(s) URL; "" for about:blank and the like."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


class PooledContext:
    """One browser context kept open for every test with the same width, JavaScript setting and
    language. A page opened in an open context costs Chromium about half the CPU of one in a new
    context (docs/testing.md), and nearly every browser test opens one or more. A page of its
    own, kept open, holds the DevTools session that clears what a test left behind."""

    def __init__(self, browser, width: int, javascript: bool, language: str):
        self.context = browser.new_context(
            viewport={"width": width, "height": 900},
            java_script_enabled=javascript,
            locale=language,
        )
        self.keeper = self.context.new_page()
        self.devtools = self.context.new_cdp_session(self.keeper)
        # Every origin a page of the context has shown, so that reset() clears each one's
        # storage. Asking the context instead (storage_state) makes Playwright open a page and
        # load every origin it has seen, to read its localStorage: 0.3 s a test, a sixth of the
        # browser tests' time in reset alone (docs/testing.md).
        self.origins: set[str] = set()
        self.context.on("page", self._watch)

    def _watch(self, page) -> None:
        page.on("framenavigated", lambda frame: self.origins.add(origin_of(frame.url)))

    def new_page(self):
        return self.context.new_page()

    def reset(self) -> None:
        """Leave the context as a new one would be: no tabs, cookies, permissions, stored data
        or cached responses (the site's pages may be cached for up to a minute)."""
        for page in self.context.pages:
            if page is not self.keeper:
                # Chromium can leave a page whose navigation is still committing open after
                # acknowledging its close, and Playwright then waits for it forever
                # (microsoft/playwright#41900, #42366): a fresh `make test` hung here once,
                # after its last test. The navigation is let finish first.
                with contextlib.suppress(PlaywrightError):
                    page.wait_for_load_state(timeout=10_000)
                page.close()
        for origin in self.origins - {""}:
            self.devtools.send(
                "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"}
            )
        self.origins.clear()
        self.context.clear_cookies()
        self.context.clear_permissions()
        self.devtools.send("Network.clearBrowserCache")


@pytest.fixture(scope="session")
def browser_contexts(browser):
    contexts: dict[tuple, PooledContext] = {}
    yield contexts
    for pooled in contexts.values():
        pooled.context.close()


@pytest.fixture
def open_page(browser, browser_contexts):
    """open_page(width=360, javascript=True) -> a fresh Playwright page in a context with those
    settings, as a new context would be: nothing is left of earlier tests' tabs, cookies,
    permissions, storage or cache."""
    used: list[PooledContext] = []

    def opener(width: int = 1280, javascript: bool = True, language: str = "en-US"):
        key = (width, javascript, language)
        if key not in browser_contexts:
            browser_contexts[key] = PooledContext(browser, width, javascript, language)
        pooled = browser_contexts[key]
        if pooled not in used:
            used.append(pooled)
        return pooled.new_page()

    yield opener
    for pooled in used:
        pooled.reset()
