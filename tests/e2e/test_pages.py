"""Every page type in both languages and both widths: axe-core finds nothing, the Nu HTML checker
finds no error, no request leaves the site, and a screenshot is kept for people to look at."""

import json
import subprocess
import urllib.error
import urllib.request
from urllib.parse import urlparse

import pytest

from tests.conftest import require_tool
from tests.e2e.conftest import ROOT, WIDTHS, axe_violations, java_available, screenshot

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EXTRA_PATHS = [
    ("search-results", "/en/search/?q=immunity"),
    ("search-results", "/es/search/?q=inmunidad"),
    ("search-empty", "/en/search/?q=zzzznothing"),
    ("search-empty", "/es/search/?q=zzzznothing"),
    ("not-found", "/en/no-such-page/"),
    ("not-found", "/es/no-existe/"),
]


def all_paths(live_site) -> list[tuple[str, str]]:
    return [*live_site.page_types, *EXTRA_PATHS]


def test_demo_has_every_page_type_in_both_languages(live_site):
    languages = {path.split("/")[1] for _model, path in live_site.page_types}
    assert languages == {"en", "es"}
    types = {model for model, _path in live_site.page_types}
    assert {"homepage", "standardpage"} <= types


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_passes_axe_and_makes_no_third_party_request(live_site, open_page, width):
    page = open_page(width=width)
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if urlparse(request.url).hostname not in {"127.0.0.1", None}
            and not request.url.startswith("data:")
            else None
        ),
    )
    failures = {}
    for model, path in all_paths(live_site):
        page.goto(live_site(path))
        violations = axe_violations(page)
        if violations:
            failures[path] = violations
        language = path.split("/")[1]
        screenshot(page, f"{model}-{language}-{width}")
    assert failures == {}
    assert outside == []


def test_every_page_type_is_valid_html(live_site, tmp_path):
    require_tool(java_available(), "Java is not installed (the Nu HTML checker needs it)")
    require_tool(VNU.exists(), "vnu-jar is not installed (make browser-tools)")
    files = []
    for index, (model, path) in enumerate(all_paths(live_site)):
        try:
            body = urllib.request.urlopen(live_site(path)).read()
        except urllib.error.HTTPError as error:  # the 404 page is checked too
            body = error.read()
        target = tmp_path / f"{index:02d}-{model}.html"
        target.write_bytes(body)
        files.append(str(target))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []
