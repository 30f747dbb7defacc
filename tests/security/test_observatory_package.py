"""The Python port checked against the real @mdn/mdn-http-observatory package: the same
responses, scored by both, must get the same result in every test and the same score."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT, require_tool
from tests.security import observatory

PACKAGE = ROOT / "node_modules" / "@mdn" / "mdn-http-observatory"
SCRIPT = Path(__file__).with_name("observatory_package.mjs")


def package_score(requests: observatory.Requests) -> dict:
    require_tool(shutil.which("node") is not None, "Node.js is not installed")
    require_tool(
        (PACKAGE / "conf" / "hsts-preload.json").exists(),
        "@mdn/mdn-http-observatory is not installed (make browser-tools)",
    )
    result = subprocess.run(
        ["node", str(SCRIPT)],
        input=json.dumps(observatory.as_package_input(requests)),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def compare(requests: observatory.Requests, allow_error_status: bool = False) -> dict:
    ours = observatory.score(requests, allow_error_status=allow_error_status)
    theirs = package_score(requests)
    assert {name: out.result for name, out in ours.tests.items()} == theirs["results"]
    assert (ours.score, ours.grade) == (theirs["score"], theirs["grade"])
    return theirs


@pytest.mark.django_db
def test_public_pages_score_the_same_with_the_real_package(production, public_pages):
    scores = {
        name: compare(observatory.retrieve(path))["score"] for name, path in public_pages.items()
    }
    assert set(scores.values()) == {135}


@pytest.mark.django_db
def test_the_404_page_scores_the_same_with_the_real_package(production, home_page):
    compare(observatory.retrieve("/en/no-such-page/"), allow_error_status=True)


@pytest.mark.django_db
def test_cookies_and_the_admin_policy_score_the_same_with_the_real_package(production, home_page):
    theirs = compare(observatory.retrieve("/admin/login/"))
    assert theirs["results"]["cookies"] == "cookies-secure-with-httponly-sessions-and-samesite"
    assert theirs["results"]["content-security-policy"] == "csp-implemented-with-unsafe-inline"


@pytest.mark.django_db
def test_development_settings_score_the_same_with_the_real_package(home_page, settings):
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"default-src": ["'self'"], "style-src": ["'self'", "'unsafe-inline'"]}
    }
    theirs = compare(observatory.retrieve("/en/"))
    assert theirs["score"] < 90
