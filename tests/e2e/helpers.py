"""Helpers for the browser tests: Chromium's settings, the live site's handle, and the checks
(axe-core, the Nu HTML checker, keyboard focus, screenshots)."""

import email
import json
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT, require_tool

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
