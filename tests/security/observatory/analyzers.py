"""The other nine tests of analyzer/tests/*.js."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .csp import content_security_policy_test
from .grader import Output
from .retriever import HTML_TYPES, Requests


def _only_if_worse(new: str, old: str | None, order: list[str]) -> str:  # analyzer/utils.js
    if not old:
        return new
    return new if order.index(new) > (order.index(old) if old in order else -1) else old


def _contains_invalid_same_site(raw_cookie: str) -> bool:  # analyzer/tests/cookies.js
    for part in raw_cookie.strip().split(";"):
        key, _sep, value = part.strip().partition("=")
        if key.strip().lower() == "samesite":
            if not value:
                return True
            if value.strip().lower() not in ("lax", "strict", "none"):
                return True
    return False


def cookies_test(requests: Requests) -> Output:
    """analyzer/tests/cookies.js"""
    expectation = "cookies-secure-with-httponly-sessions"
    goodness = [
        "cookies-without-secure-flag-but-protected-by-hsts",
        "cookies-without-secure-flag",
        "cookies-session-without-secure-flag-but-protected-by-hsts",
        "cookies-samesite-flag-invalid",
        "cookies-anticsrf-without-samesite-flag",
        "cookies-session-without-httponly-flag",
        "cookies-session-without-secure-flag",
    ]
    hsts = strict_transport_security_test(requests).passed
    result = None
    for raw in requests.raw_set_cookies:
        if _contains_invalid_same_site(raw):
            result = _only_if_worse("cookies-samesite-flag-invalid", result, goodness)
    cookies = [cookie for key, cookie in requests.jar.items() if key != "heroku-session-affinity"]
    if not cookies:
        result = "cookies-not-found"
    else:
        missing_same_site = False
        for cookie in cookies:
            session_id = any(word in cookie.key.lower() for word in ("login", "sess"))
            anticsrf = "csrf" in cookie.key.lower()
            if not cookie.secure and (cookie.same_site or "").lower() == "none":
                result = _only_if_worse("cookies-samesite-flag-invalid", result, goodness)
            if not cookie.secure and hsts:
                result = _only_if_worse(
                    "cookies-without-secure-flag-but-protected-by-hsts", result, goodness
                )
            elif not cookie.secure:
                result = _only_if_worse("cookies-without-secure-flag", result, goodness)
            if anticsrf and not cookie.same_site:
                result = _only_if_worse("cookies-anticsrf-without-samesite-flag", result, goodness)
            if session_id and not cookie.secure and hsts:
                result = _only_if_worse(
                    "cookies-session-without-secure-flag-but-protected-by-hsts", result, goodness
                )
            elif session_id and not cookie.secure:
                result = _only_if_worse("cookies-session-without-secure-flag", result, goodness)
            if session_id and not cookie.http_only:
                result = _only_if_worse("cookies-session-without-httponly-flag", result, goodness)
            if not cookie.same_site:
                missing_same_site = True
        if not result:
            result = (
                "cookies-secure-with-httponly-sessions"
                if missing_same_site
                else "cookies-secure-with-httponly-sessions-and-samesite"
            )
    passed = result in (
        "cookies-not-found",
        "cookies-secure-with-httponly-sessions-and-samesite",
        expectation,
    )
    return Output("cookies", result, passed, {c.key: c for c in cookies})


def cross_origin_resource_sharing_test(requests: Requests) -> Output:
    """analyzer/tests/cors.js"""
    result = "cross-origin-resource-sharing-not-implemented"
    cors = requests.cors
    acao = cors.first("access-control-allow-origin") if cors else None
    credentials = cors.first("access-control-allow-credentials") if cors else None
    data = None
    if cors and acao:
        data = acao[:256].strip().lower()
        if data == "*":
            result = "cross-origin-resource-sharing-implemented-with-public-access"
        elif (
            requests.cors_request_origin == acao
            and credentials
            and credentials.lower().strip() == "true"
        ):
            result = "cross-origin-resource-sharing-implemented-with-universal-access"
        else:
            result = "cross-origin-resource-sharing-implemented-with-restricted-access"
    passed = result != "cross-origin-resource-sharing-implemented-with-universal-access"
    return Output("cross-origin-resource-sharing", result, passed, data)


def redirection_test(requests: Requests) -> Output:
    """analyzer/tests/redirection.js (no host of ours is on the HSTS preload list)."""
    expectation = "redirection-to-https"
    response = requests.http
    route = requests.http_redirects
    if response is None:
        result = "redirection-not-needed-no-http"
    elif not response.verified:
        result = "redirection-invalid-cert"
    elif len(route) == 0:  # every() of an empty route is true: "all redirects preloaded"
        result = "redirection-all-redirects-preloaded"
    elif len(route) == 1:
        result = "redirection-missing"
    elif route[-1][0].scheme != "https":
        result = "redirection-not-to-https"
    elif route[1][0].scheme == "http":
        result = "redirection-not-to-https-on-initial-redirection"
    elif (
        route[0][0].scheme == "http"
        and route[1][0].scheme == "https"
        and route[0][0].hostname != route[1][0].hostname
    ):
        result = "redirection-off-host-from-http"
    else:
        result = "redirection-to-https"
    passed = result in (
        "redirection-not-needed-no-http",
        "redirection-all-redirects-preloaded",
        expectation,
    )
    return Output("redirection", result, passed, [url.geturl() for url, _status in route])


def referrer_policy_test(requests: Requests) -> Output:
    """analyzer/tests/referrer-policy.js"""
    goodness = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"]
    badness = ["origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"]
    response = requests.auto
    if response is None:
        return Output("referrer-policy", "referrer-policy-not-implemented", False)
    http_headers = response.all("referrer-policy")
    equiv = requests.http_equiv.get("referrer-policy", [])
    if not http_headers and not equiv:
        return Output("referrer-policy", "referrer-policy-not-implemented", True)
    data = ", ".join([*http_headers, *equiv])
    valid = [e.lower().strip() for e in data.split(",") if e.lower().strip() in goodness + badness]
    policy = valid[-1] if valid else ""
    if policy in goodness:
        result = "referrer-policy-private"
    elif policy in badness:
        result = "referrer-policy-unsafe"
    else:
        result = "referrer-policy-header-invalid"
    passed = result in ("referrer-policy-private", "referrer-policy-not-implemented")
    return Output("referrer-policy", result, passed, data)


SIX_MONTHS = 15552000


def strict_transport_security_test(requests: Requests) -> Output:
    """analyzer/tests/strict-transport-security.js (nothing of ours is preloaded)."""
    expectation = "hsts-implemented-max-age-at-least-six-months"
    result = "hsts-not-implemented"
    response = requests.https
    data = None
    if response is None:
        result = "hsts-not-implemented-no-https"
    elif not response.verified:
        result = "hsts-invalid-cert"
    elif response.all("strict-transport-security"):
        data = response.all("strict-transport-security")[0][:1024]
        max_age = None
        try:
            if "," in data:
                raise ValueError("header set multiple times")
            for parameter in (p.strip().lower() for p in data.split(";")):
                if parameter.startswith("max-age="):
                    # parseInt(): leading digits, or NaN, which the JS then counts as long
                    # enough (NaN < SIX_MONTHS is false); mirrored as is.
                    digits = re.match(r"\s*[+-]?\d+", parameter[8:128])
                    max_age = int(digits.group()) if digits else float("nan")
            if max_age is None:
                raise ValueError("max-age missing")
            result = (
                "hsts-implemented-max-age-less-than-six-months"
                if max_age < SIX_MONTHS
                else "hsts-implemented-max-age-at-least-six-months"
            )
        except ValueError:
            result = "hsts-header-invalid"
    passed = result in (expectation, "hsts-preloaded")
    return Output("strict-transport-security", result, passed, data)


def _registrable_domain(hostname: str | None) -> str:
    # Stand-in for tldts' parse(...).domain: see the package's docstring.
    return ".".join((hostname or "").split(".")[-2:])


def subresource_integrity_test(requests: Requests) -> Output:
    """analyzer/tests/subresource-integrity.js"""
    expectation = "sri-implemented-and-external-scripts-loaded-securely"
    goodness = [
        "sri-implemented-and-all-scripts-loaded-securely",
        "sri-implemented-and-external-scripts-loaded-securely",
        "sri-implemented-but-external-scripts-not-loaded-securely",
        "sri-not-implemented-but-external-scripts-loaded-securely",
        "sri-not-implemented-and-external-scripts-not-loaded-securely",
        "sri-not-implemented-response-not-html",
    ]
    response = requests.auto
    if response is None:
        return Output("subresource-integrity", "sri-not-implemented-but-no-scripts-loaded", False)
    result = None
    data: dict[str, dict] = {}
    mime = (response.first("content-type") or "").split(";")[0]
    if mime not in HTML_TYPES:
        result = "sri-not-implemented-response-not-html"
    elif not requests.html_parseable:
        return Output("subresource-integrity", "html-not-parseable", False)
    else:
        foreign = False
        for script in requests.scripts:
            src = script.get("src")
            if not src:
                continue
            integrity = script.get("integrity")
            relative_origin = relative_protocol = same_domain = False
            if re.match(r"^(//)[^/]", src):
                relative_protocol = same_domain = True
            elif re.match(r"^https?://", src):
                same_domain = _registrable_domain(urlsplit(src).hostname) == _registrable_domain(
                    requests.hostname
                )
            else:
                relative_origin = same_domain = True
            secure_origin = relative_origin or (same_domain and not relative_protocol)
            if not secure_origin:
                foreign = True
            scheme = None if (relative_protocol or relative_origin) else urlsplit(src).scheme + ":"
            secure_scheme = scheme == "https:" or (
                relative_origin and requests.session_url.scheme == "https"
            )
            if not secure_origin:
                data[src] = {"integrity": integrity}
                if integrity and not secure_scheme:
                    worse = "sri-implemented-but-external-scripts-not-loaded-securely"
                elif not integrity and secure_scheme:
                    worse = "sri-not-implemented-but-external-scripts-loaded-securely"
                elif not integrity and not secure_scheme:
                    worse = "sri-not-implemented-and-external-scripts-not-loaded-securely"
                else:
                    worse = None
                if worse:
                    result = _only_if_worse(worse, result, goodness)
            elif integrity and secure_scheme and not result:
                result = "sri-implemented-and-all-scripts-loaded-securely"
        if not requests.scripts:
            result = "sri-not-implemented-but-no-scripts-loaded"
        elif not result:
            result = (
                "sri-implemented-and-external-scripts-loaded-securely"
                if foreign
                else "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"
            )
    passed = result in (
        "sri-implemented-and-all-scripts-loaded-securely",
        "sri-implemented-and-external-scripts-loaded-securely",
        "sri-not-implemented-response-not-html",
        "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
        "sri-not-implemented-but-no-scripts-loaded",
        expectation,
    )
    return Output("subresource-integrity", result, passed, data)


def x_content_type_options_test(requests: Requests) -> Output:
    """analyzer/tests/x-content-type-options.js"""
    response = requests.auto
    header = response.first("x-content-type-options") if response else None
    if header:
        result = (
            "x-content-type-options-nosniff"
            if header[:256].strip().lower() == "nosniff"
            else "x-content-type-options-header-invalid"
        )
    else:
        result = "x-content-type-options-not-implemented"
    return Output(
        "x-content-type-options", result, result == "x-content-type-options-nosniff", header
    )


def x_frame_options_test(requests: Requests) -> Output:
    """analyzer/tests/x-frame-options.js"""
    response = requests.auto
    header = response.first("x-frame-options") if response else None
    if header:
        xfo = header[:1024].strip().lower()
        if xfo in ("deny", "sameorigin"):
            result = "x-frame-options-sameorigin-or-deny"
        elif xfo.startswith("allow-from"):
            result = "x-frame-options-allow-from-origin"
        else:
            result = "x-frame-options-header-invalid"
    else:
        result = "x-frame-options-not-implemented"
    csp = content_security_policy_test(requests)
    if isinstance(csp.data, dict) and "frame-ancestors" in csp.data["directives"]:
        result = "x-frame-options-implemented-via-csp"
    passed = result in (
        "x-frame-options-allow-from-origin",
        "x-frame-options-sameorigin-or-deny",
        "x-frame-options-implemented-via-csp",
    )
    return Output("x-frame-options", result, passed, header)


def cross_origin_resource_policy_test(requests: Requests) -> Output:
    """analyzer/tests/cross-origin-resource-policy.js (no <meta http-equiv> CORP is read: the
    retriever only collects CSP and referrer from meta tags)."""
    result = "corp-not-implemented"
    response = requests.auto
    header = response.first("cross-origin-resource-policy") if response else None
    if header:
        value = header[:256].strip().lower()
        result = {
            "same-site": "corp-implemented-with-same-site",
            "same-origin": "corp-implemented-with-same-origin",
            "cross-origin": "corp-implemented-with-cross-origin",
        }.get(value, "corp-header-invalid")
    return Output("cross-origin-resource-policy", result, result != "corp-header-invalid", header)
