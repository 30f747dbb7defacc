"""Helpers for the browser tests: building the demo site for a server, Chromium's settings, the
live site's handle, and the checks (axe-core, the Nu HTML checker, keyboard focus, screenshots)."""

import email
import functools
import hashlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings

from tests.helpers import ROOT, require_tool, shared_data_folder
from tests.migrated_database import copy_migrated_database, exclusive, save_copy

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
# Screenshots are for people to look at, never asserted on, and a full-page capture costs about
# as much as the axe-core run beside it: taken only when asked for (`make screenshots`).
SCREENSHOTS = os.environ.get("SCREENSHOTS", "") not in ("", "0")
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WIDTHS = (360, 1280)
# The live site's spam check wants a form open this long before it is sent (3 s in production);
# journeys wait FILL_SECONDS, a little longer, where a person would be typing. The check itself
# (a signed float timestamp, core/spam.py) is tested at its 3 s in tests/actions/letters/
# test_letter_defences.py and tests/security/test_fuzz_forms.py; here it only has to hold, and
# every journey that sends a form pays the wait (about 70 of them: at 0.3 s and 0.5 s, 35 s of
# the browser tests' time was spent waiting).
MIN_FILL_SECONDS = 0.1
FILL_SECONDS = MIN_FILL_SECONDS + 0.1


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


# Runs before any page script, through the DevTools protocol (so the policy does not block it),
# and records every violation of the Content-Security-Policy the browser reports.
RECORD_POLICY_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline'));
});
"""


def watch_policy(page) -> list[str]:
    """Record the policy's violations on every document the page loads from now on; returns the
    list that collects the browser's console reports of them (policy_violations reads what the
    current document saw)."""
    messages = []
    page.add_init_script(RECORD_POLICY_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return messages


def policy_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


def screenshot(page, name: str) -> Path | None:
    """A full-page screenshot in artifacts/screenshots/, when SCREENSHOTS=1."""
    if not SCREENSHOTS:
        return None
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def java_available() -> bool:
    return shutil.which("java") is not None


# A run checks a few dozen pages and ends: the quick compiler alone halves the JVM's CPU for that
# (3.4 s to 1.5 s for 30 pages here). Its frames are larger, so the checker's schema needs more
# stack than the default (it says so and stops, and the JSON below would then not parse).
NU_JAVA = ["java", "-XX:TieredStopAtLevel=1", "-Xss8m"]


def nu_errors(files: list[Path]) -> list[str]:
    """The Nu HTML checker's errors over the files, in one run (Java starts once)."""
    require_tool(java_available(), "Java is not installed (the Nu HTML checker needs it)")
    require_tool(VNU.exists(), "vnu-jar is not installed (make browser-tools)")
    result = subprocess.run(
        [*NU_JAVA, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
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


# manage.py with the garbage collector tuned as in the test processes (tests/garbage_collection.py);
# run from ROOT.
MANAGE = [sys.executable, "-m", "tests.garbage_collection"]


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


def build_site(folder: Path, demo_only: bool = False) -> None:
    """The demo site with members of Congress, and the list of its page types (written last:
    its presence says the folder is complete). On the way, the demo without the legislator data
    (as the test settings make it) is saved in `demo/` for the tests that read the demo on SQLite
    (tests/helpers.py DemoDatabase); `demo_only` stops there, and a later call goes on from it.
    The steps run in one process with the site's settings (tests/e2e/site_build.py)."""
    if not demo_is_saved(folder):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        # A copy of the migrated database the test processes start from.
        copy_migrated_database(folder / "site.sqlite3")
    result = subprocess.run(
        [sys.executable, "-m", "tests.e2e.site_build", str(folder)]
        + (["--demo-only"] if demo_only else []),
        env=site_environment(folder),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(
            "building the browser tests' site failed:\n" + result.stdout + result.stderr
        )


DEMO = "demo"  # the demo's copy inside a site's folder: site.sqlite3, media/, output.txt


def demo_is_saved(folder: Path) -> bool:
    return (folder / DEMO / "output.txt").exists()


def save_demo(folder: Path, output: str) -> None:
    """A copy of the site's database and media as `manage.py demo` left them, with what it
    printed (written last: its presence says the copy is complete)."""
    partial = folder / f"{DEMO}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    with closing(sqlite3.connect(folder / "site.sqlite3")) as source:
        save_copy(source, partial / "site.sqlite3")
    if (folder / "media").exists():
        shutil.copytree(folder / "media", partial / "media")
    (partial / "output.txt").write_text(output)
    partial.rename(folder / DEMO)


# What the built site is made of: a change to any of these builds it anew.
SITE_SOURCES = ("actions", "config", "core", "home", "locale", "states", "stories", "testimonials")
SITES = ROOT / "var" / "e2e-site"


@functools.cache
def site_key() -> str:
    """A digest of the code, translations, dependencies and public data the site is built from."""
    digest = hashlib.sha256()
    files = [
        ROOT / "requirements.lock",
        ROOT / "tests/actions/letters/helpers.py",
        ROOT / "tests/e2e/site_build.py",
        Path(__file__),
    ]
    for name in SITE_SOURCES:
        files += sorted(
            path
            for path in (ROOT / name).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".mo"
        )
    for path in files:
        digest.update(f"{path.relative_to(ROOT)}\0".encode())
        digest.update(path.read_bytes())
    data = shared_data_folder()
    if data is not None:  # large: its files' names, sizes and times are enough
        for path in sorted(p for p in data.rglob("*") if p.is_file()):
            stat = path.stat()
            digest.update(f"{path.relative_to(data)} {stat.st_size} {stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def site_folder(reuse: bool, run_id: str) -> Path:
    """Where this run's site is built: kept under var/ between local runs (--reuse-db, like the
    test databases) while what it is made of has not changed; otherwise one for this run."""
    return SITES / (site_key() if reuse else f"run-{run_id}")


_own_run_id = pytest.StashKey[str]()


def run_id(config) -> str:
    """The same for every process of one xdist run; a run without xdist has one process."""
    # SITE_BUILD_RUN names a run that spans several pytest sessions on one clone: CI sets it so
    # that `make lighthouse` serves the site `make test` built minutes before (about 1.5 min).
    return (
        os.environ.get("SITE_BUILD_RUN")
        or os.environ.get("PYTEST_XDIST_TESTRUNUID")
        or config.stash.setdefault(_own_run_id, uuid.uuid4().hex)
    )


def run_site_folder(config) -> Path:
    """This run's site (site_folder), from pytest's options."""
    reuse = config.getoption("reuse_db") and not config.getoption("create_db")
    return site_folder(reuse, run_id(config))


def saved_demo(config) -> Path:
    """The demo without the legislator data (as the test settings make it), saved on the way
    to this run's site: waits for the background build to reach it, or builds that far here if
    nothing else is building it."""
    folder = run_site_folder(config)
    ensure_site(folder, demo_only=True)
    return folder / DEMO


def is_built(folder: Path) -> bool:
    return (folder / "page-types.txt").exists()


def ensure_site(folder: Path, demo_only: bool = False) -> None:
    """Build the site in `folder` unless it is there (with `demo_only`, as far as the demo's
    copy); one process at a time (the first builds, the others wait for it). Other runs' sites
    are removed: only the latest is kept."""
    SITES.mkdir(parents=True, exist_ok=True)
    with exclusive(SITES / ".lock"):
        if is_built(folder) or (demo_only and demo_is_saved(folder)):
            return
        for other in SITES.iterdir():
            if other.is_dir() and other != folder:
                shutil.rmtree(other, ignore_errors=True)
        build_site(folder, demo_only)


def log_in_to_admin(page, live_site, username: str = "", password: str = "") -> None:
    """Sign in to the Wagtail admin (the demo's administrator unless told otherwise)."""
    page.goto(live_site("/admin/login/"))
    page.fill("#id_username", username or settings.DEMO_ADMIN_USERNAME)
    page.fill("#id_password", password or settings.DEMO_ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/admin/login/" not in url)
