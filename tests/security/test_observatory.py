"""Every public page type, in both languages, scored by the real MDN HTTP Observatory package
(@mdn/mdn-http-observatory, its own tests and grader) under the production settings, with the
responses of Django's test client (tests/security/helpers.py). test_headers.py checks the same
headers in Python on machines without Node; test_observatory_live.py lets the package fetch the
site itself behind TLS.

The score we reach and why: 100, +10 CSP with default-src 'none' and nothing unsafe, +5
Referrer-Policy, +5 Subresource Integrity on our own script, +5 frame-ancestors in the CSP, +10
Cross-Origin-Resource-Policy = 135 (grade A+). Pages that set no cookie earn no cookie credit;
HSTS preloading (+5) needs the domain on the browsers' preload list, which no test can give.
"""

import pytest

from tests.security.helpers import observatory_input, observatory_score, observatory_scores

pytestmark = pytest.mark.django_db

EXPECTED_SCORE = 135
EXPECTED_RESULTS = {
    "content-security-policy": "csp-implemented-with-no-unsafe-default-src-none",
    "cookies": "cookies-not-found",
    "cross-origin-resource-sharing": "cross-origin-resource-sharing-not-implemented",
    "redirection": "redirection-to-https",
    "referrer-policy": "referrer-policy-private",
    "strict-transport-security": "hsts-implemented-max-age-at-least-six-months",
    "subresource-integrity": "sri-implemented-and-all-scripts-loaded-securely",
    "x-content-type-options": "x-content-type-options-nosniff",
    "x-frame-options": "x-frame-options-implemented-via-csp",
    "cross-origin-resource-policy": "corp-implemented-with-same-origin",
}


def test_every_public_page_type_and_the_not_found_pages_score_an_a_plus(production, public_pages):
    # The real Observatory refuses to grade a 404; its headers are scored all the same.
    paths = {**public_pages, "not-found-en": "/en/no-such-page/", "not-found-es": "/es/no-existe/"}
    inputs = [observatory_input(path) for path in paths.values()]
    scores = dict(zip(paths, observatory_scores(inputs), strict=True))
    for name, score in scores.items():
        assert score["status"] == (404 if name.startswith("not-found") else 200), name
        assert score["results"] == EXPECTED_RESULTS, name
    assert {name: (s["score"], s["grade"]) for name, s in scores.items()} == dict.fromkeys(
        paths, (EXPECTED_SCORE, "A+")
    )


def test_the_bare_root_redirects_to_https_then_a_language_and_scores_the_same(
    production, home_page
):
    scored = observatory_input("/")
    assert [url for url, _status in scored["http_redirects"]][:2] == [
        "http://testserver/",
        "https://testserver/",
    ]
    score = observatory_scores([scored])[0]
    assert (score["score"], score["results"]) == (EXPECTED_SCORE, EXPECTED_RESULTS)


def test_cookies_set_by_a_form_page_are_secure_httponly_and_samesite(production, home_page):
    # The admin's login form sets the CSRF cookie: the cookie rules earn their +5 there. The
    # admin's own policy allows inline script, which the package names as such.
    scored = observatory_input("/admin/login/")
    assert any(cookie.startswith("csrftoken=") for cookie in scored["raw_set_cookies"])
    results = observatory_scores([scored])[0]["results"]
    assert results["cookies"] == "cookies-secure-with-httponly-sessions-and-samesite"
    assert results["content-security-policy"] == "csp-implemented-with-unsafe-inline"


def test_without_production_settings_the_score_drops(home_page, settings):
    """The score is not a rubber stamp: the development settings (no HTTPS redirect, no HSTS)
    and a policy allowing inline script score far lower."""
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"default-src": ["'self'"], "script-src": ["'self'", "'unsafe-inline'"]}
    }
    score = observatory_score("/en/")
    assert score["results"]["redirection"] == "redirection-missing"
    assert score["results"]["strict-transport-security"] == "hsts-not-implemented"
    assert score["results"]["content-security-policy"] == "csp-implemented-with-unsafe-inline"
    assert score["score"] < 90
