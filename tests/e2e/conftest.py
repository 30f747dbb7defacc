"""Browser tests: a real server with demo content, driven by Debian's Chromium through Playwright.

The server is a separate process on a SQLite file built once per session (`make demo`'s command),
with tasks run immediately and emails written to files, so journeys can follow emailed links.
"""

import email
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import require_tool

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR", ROOT / "artifacts"))
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WIDTHS = (360, 1280)
# The live site's spam check wants a form open this long before it is sent (3 s in production);
# journeys wait FILL_SECONDS, a little longer, where a person would be typing.
MIN_FILL_SECONDS = 1
FILL_SECONDS = MIN_FILL_SECONDS + 0.2


# tryfirst: the group must be on the items before pytest-xdist's own hook reads it.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # One process runs every journey, so the live site and Chromium start once.
            item.add_marker(pytest.mark.xdist_group("browser"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveSite:
    def __init__(self, url: str, mail_dir: Path, page_types: list[tuple[str, str]]):
        self.url = url
        self.mail_dir = mail_dir
        # (page model, path) for the first live page of each type in each language.
        self.page_types = page_types

    def __call__(self, path: str) -> str:
        return self.url + path

    def emails(self) -> list[str]:
        return [p.read_text() for p in sorted(self.mail_dir.glob("*.log"), key=os.path.getmtime)]

    def messages_to(self, address: str) -> list[email.message.Message]:
        """The messages sent to one address, oldest first (a file may hold several)."""
        found = []
        for path in sorted(self.mail_dir.glob("*.log"), key=os.path.getmtime):
            # Bytes, not text: an 8-bit body then decodes with its own charset.
            for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if raw.strip():
                    message = email.message_from_bytes(raw)
                    if address.lower() in (message["To"] or "").lower():
                        found.append(message)
        return found


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
        [*manage, "shell", "-c", "from tests.letters.sample import load; load()"],
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


def axe_violations(page) -> list[dict]:
    """Run axe-core's WCAG 2.x A/AA and 2.2 AA rules on the page (JS must be enabled)."""
    require_tool(AXE.exists(), "axe-core is not installed (make browser-tools)")
    # Evaluated through the DevTools protocol, not added as an inline <script>: the site's
    # Content-Security-Policy (rightly) blocks inline scripts, and the test must not weaken it.
    page.evaluate(AXE.read_text() + "\n;undefined")
    # Only violations, summarised in the page: the full result (every pass, with its HTML) takes
    # longer to build and to carry back than the checks themselves.
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})).violations.map(
            v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map(n => n.target)}))"""
    )


def screenshot(page, name: str) -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def java_available() -> bool:
    return shutil.which("java") is not None


def nu_errors(files: list[Path]) -> list[str]:
    """The Nu HTML checker's errors over the files, in one run (Java starts once)."""
    require_tool(java_available(), "Java is not installed (the Nu HTML checker needs it)")
    require_tool(VNU.exists(), "vnu-jar is not installed (make browser-tools)")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]


def tab_to(page, predicate_js: str, limit: int = 80) -> None:
    """Press Tab until the focused element matches; fail if it never does (keyboard trap/skip)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return
    pytest.fail(f"keyboard focus never reached an element where {predicate_js}")
