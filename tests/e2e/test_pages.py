"""Every page type in both languages and both widths: axe-core finds nothing, nothing breaks the
Content-Security-Policy, the Nu HTML checker finds no error, no request leaves the site, and a
screenshot is kept for people to look at."""

import urllib.error
import urllib.request
from urllib.parse import urlparse

import pytest

from tests.e2e.helpers import (
    WIDTHS,
    axe_violations,
    nu_errors,
    policy_violations,
    screenshot,
    watch_policy,
)

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
def test_every_page_type_passes_axe_and_its_policy_and_makes_no_third_party_request(
    live_site, open_page, width
):
    """One load of each page for all three checks: axe-core's, the strict policy's (no page
    needs anything it blocks; tests/e2e/test_security.py shows the watcher sees a violation),
    and no request to another site."""
    page = open_page(width=width)
    console = watch_policy(page)
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
    failures, broken = {}, {}
    for model, path in all_paths(live_site):
        response = page.goto(live_site(path))
        if response.status == 200:  # with DEBUG=1 a 404 is Django's technical page, exempt
            assert "script-src 'self'" in response.headers["content-security-policy"], path
        # goto waits for the load event: the page's own script has run by now.
        if policy_violations(page):
            broken[path] = policy_violations(page)
        violations = axe_violations(page)
        if violations:
            failures[path] = violations
        language = path.split("/")[1]
        screenshot(page, f"{model}-{language}-{width}")
    assert failures == {}
    assert broken == {}
    assert console == []
    assert outside == []


def test_every_page_type_is_valid_html(live_site, tmp_path):
    files = []
    for index, (model, path) in enumerate(all_paths(live_site)):
        try:
            body = urllib.request.urlopen(live_site(path)).read()
        except urllib.error.HTTPError as error:  # the 404 page is checked too
            body = error.read()
        target = tmp_path / f"{index:02d}-{model}.html"
        target.write_bytes(body)
        files.append(target)
    assert nu_errors(files) == []
