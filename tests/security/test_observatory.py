"""Every public page type, in both languages, scored with the MDN HTTP Observatory's rules
(tests/security/observatory/) under the production settings.

The score we reach and why: 100, +10 CSP with default-src 'none' and nothing unsafe, +5
Referrer-Policy, +5 Subresource Integrity on our own script, +5 frame-ancestors in the CSP, +10
Cross-Origin-Resource-Policy = 135 (grade A+). Pages that set no cookie earn no cookie credit;
HSTS preloading (+5) needs the domain on the browsers' preload list, which no test can give.
"""

from urllib.parse import urlsplit

import pytest

from tests.security import observatory

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


@pytest.mark.django_db
def test_every_public_page_type_scores_an_a_plus(production, public_pages):
    scores = {}
    for name, path in public_pages.items():
        result = observatory.scan(path)
        assert result.status == 200, (name, path)
        assert {test: out.result for test, out in result.tests.items()} == EXPECTED_RESULTS, name
        assert all(out.passed for out in result.tests.values()), name
        scores[name] = (result.score, result.grade)
    assert scores == dict.fromkeys(public_pages, (EXPECTED_SCORE, "A+"))


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/no-such-page/", "/es/no-existe/"])
def test_not_found_pages_carry_the_same_headers(production, home_page, spanish_home, path):
    # The real Observatory refuses to grade a 404; its headers are scored anyway.
    result = observatory.scan(path, allow_error_status=True)
    assert result.status == 404
    assert result.score == EXPECTED_SCORE
    assert result.grade == "A+"


@pytest.mark.django_db
def test_the_bare_root_redirects_to_a_language_and_scores_the_same(production, home_page):
    requests = observatory.retrieve("/")
    assert [url.geturl() for url, _status in requests.http_redirects][:2] == [
        "http://testserver/",
        "https://testserver/",
    ]
    assert observatory.score(requests).score == EXPECTED_SCORE


@pytest.mark.django_db
def test_cookies_set_by_a_form_page_are_secure_httponly_and_samesite(production, home_page):
    # The admin's login form sets the CSRF cookie: the cookie rules earn their +5 there. The
    # admin's own CSP allows inline script, so its CSP result is worse; only cookies are checked.
    requests = observatory.retrieve("/admin/login/")
    assert "csrftoken" in requests.jar
    cookies = observatory.cookies_test(requests)
    assert cookies.result == "cookies-secure-with-httponly-sessions-and-samesite"
    assert cookies.modifier == 5


@pytest.mark.django_db
def test_without_production_settings_the_score_drops(home_page, settings):
    """The mirror is not a rubber stamp: the development settings (no HTTPS redirect, no HSTS)
    and a policy allowing inline script score far lower."""
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"default-src": ["'self'"], "script-src": ["'self'", "'unsafe-inline'"]}
    }
    result = observatory.scan("/en/")
    assert result.tests["redirection"].result == "redirection-missing"
    assert result.tests["strict-transport-security"].result == "hsts-not-implemented"
    assert result.tests["content-security-policy"].result == "csp-implemented-with-unsafe-inline"
    assert result.score < 90


class TestMirroredRules:
    """The parser and tests against cases from the package's own test suite (test/*.test.js)."""

    def test_csp_parser_warns_of_duplicate_report_uris_and_rejects_other_duplicates(self):
        # The package keeps the last report-uri (its comment says the first; its code wins).
        parsed = observatory.parse_csp(["default-src 'none'; report-uri /a; report-uri /b"])
        assert parsed["report-uri"] == {"/b"}
        assert parsed[observatory.DUPLICATE_WARNINGS_KEY] == {"report-uri"}
        with pytest.raises(observatory.InvalidPolicy):
            observatory.parse_csp(["script-src 'self'; script-src https:"])

    def test_csp_parser_empty_source_list_means_none(self):
        assert observatory.parse_csp(["default-src; img-src 'self'"])["default-src"] == {"'none'"}

    def test_two_policies_intersect(self):
        parsed = observatory.parse_csp(
            ["script-src 'self' https://a.example", "script-src https://a.example"]
        )
        assert parsed["script-src"] == {"https://a.example"}

    def test_meta_policies_drop_header_only_directives(self):
        parsed = observatory.parse_csp_meta(["default-src 'none'; frame-ancestors 'none'"])
        assert "frame-ancestors" not in parsed

    @pytest.mark.parametrize(
        ("policy", "expected"),
        [
            ("default-src 'none'; script-src 'self'", "csp-implemented-with-no-unsafe-default-src-none"),
            ("default-src 'self'", "csp-implemented-with-no-unsafe"),
            ("default-src 'self'; style-src 'self' 'unsafe-inline'", "csp-implemented-with-unsafe-inline-in-style-src-only"),
            ("default-src 'self'; script-src 'self' 'unsafe-inline'", "csp-implemented-with-unsafe-inline"),
            ("default-src 'self'; script-src 'self' 'unsafe-inline' 'nonce-abc'", "csp-implemented-with-no-unsafe"),
            ("default-src 'self'; script-src 'self' 'unsafe-eval'", "csp-implemented-with-unsafe-eval"),
            ("default-src 'self'; script-src 'strict-dynamic'", "csp-header-invalid"),
            ("default-src 'self'; img-src http://images.example", "csp-implemented-with-insecure-scheme-in-passive-content-only"),
            ("default-src 'self'; script-src http://code.example", "csp-implemented-with-insecure-scheme"),
            ("default-src *", "csp-implemented-with-unsafe-inline"),
        ],
    )  # fmt: skip
    def test_csp_results(self, policy, expected):
        requests = observatory.Requests(
            hostname="example.org",
            auto=observatory.Response(
                urlsplit("https://example.org/"),
                200,
                {"content-security-policy": [policy]},
            ),
            session_url=urlsplit("https://example.org/"),
        )
        assert observatory.content_security_policy_test(requests).result == expected

    @pytest.mark.parametrize(
        ("header", "expected"),
        [
            ("max-age=31536000; includeSubDomains", "hsts-implemented-max-age-at-least-six-months"),
            ("max-age=86400", "hsts-implemented-max-age-less-than-six-months"),
            ("includeSubDomains", "hsts-header-invalid"),
            ("max-age=31536000, max-age=31536000", "hsts-header-invalid"),
        ],
    )
    def test_hsts_results(self, header, expected):
        response = observatory.Response(
            urlsplit("https://example.org/"),
            200,
            {"strict-transport-security": [header]},
        )
        requests = observatory.Requests(hostname="example.org", https=response, auto=response)
        assert observatory.strict_transport_security_test(requests).result == expected

    def test_extra_credit_needs_ninety_without_it(self):
        """scanner/index.js: positive modifiers count only if the negatives leave >= 90."""
        page = observatory.Response(
            urlsplit("https://example.org/"),
            200,
            {
                "content-type": ["text/html"],
                "content-security-policy": ["default-src 'none'"],
                "referrer-policy": ["no-referrer"],
                "cross-origin-resource-policy": ["same-origin"],
                "x-content-type-options": ["nosniff"],
                "x-frame-options": ["DENY"],
            },
        )
        requests = observatory.Requests(
            hostname="example.org",
            https=page,
            auto=page,
            http=None,
            session_url=page.url,
        )
        # Without HSTS (-20) the uncurved score is 80: the +10/+5/+5/+10 bonuses are ignored.
        assert observatory.score(requests).score == 80
