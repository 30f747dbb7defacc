"""The MDN HTTP Observatory's scoring, mirrored in Python and fed by Django's test client.

Ported from @mdn/mdn-http-observatory 1.4.8 (algorithm version 4); each function names the file of
that package it follows (paths under its src/). What is not ported: the HSTS preload list (a site
is scored as not preloaded, as a new domain is), the robots.txt fetch (not scored), and tldts'
public-suffix list: a script URL's "registrable domain" here is the host's last two labels, which
is only used for absolute script URLs and gives the same answer for the hosts we use.

retrieve() plays the part of retriever/retriever.js and retriever/session.js: it requests the page
over http:// and https:// through the test client, following up to 10 redirects by hand and keeping
every Set-Cookie in a jar as tough-cookie would; score() then runs the ten tests and adds up the
modifiers like scanner/index.js.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import SplitResult, urljoin, urlsplit

from django.test import Client

# grader/charts.js: SCORE_TABLE modifiers and GRADE_CHART.
MODIFIERS = {
    # content-security-policy
    "csp-implemented-with-no-unsafe-default-src-none": 10,
    "csp-implemented-with-no-unsafe": 5,
    "csp-implemented-with-unsafe-inline-in-style-src-only": 0,
    "csp-implemented-with-insecure-scheme-in-passive-content-only": -10,
    "csp-implemented-with-unsafe-eval": -10,
    "csp-implemented-with-unsafe-inline": -20,
    "csp-implemented-with-insecure-scheme": -20,
    "csp-header-invalid": -25,
    "csp-not-implemented": -25,
    "csp-not-implemented-but-reporting-enabled": -25,
    "csp-implemented-but-duplicate-directives": 0,
    # cookies
    "cookies-secure-with-httponly-sessions-and-samesite": 5,
    "cookies-secure-with-httponly-sessions": 0,
    "cookies-not-found": 0,
    "cookies-without-secure-flag-but-protected-by-hsts": -5,
    "cookies-session-without-secure-flag-but-protected-by-hsts": -10,
    "cookies-without-secure-flag": -20,
    "cookies-samesite-flag-invalid": -20,
    "cookies-anticsrf-without-samesite-flag": -20,
    "cookies-session-without-httponly-flag": -30,
    "cookies-session-without-secure-flag": -40,
    # cross-origin-resource-sharing
    "cross-origin-resource-sharing-not-implemented": 0,
    "cross-origin-resource-sharing-implemented-with-public-access": 0,
    "cross-origin-resource-sharing-implemented-with-restricted-access": 0,
    "cross-origin-resource-sharing-implemented-with-universal-access": -50,
    # redirection
    "redirection-all-redirects-preloaded": 0,
    "redirection-to-https": 0,
    "redirection-not-needed-no-http": 0,
    "redirection-off-host-from-http": -5,
    "redirection-not-to-https-on-initial-redirection": -10,
    "redirection-not-to-https": -20,
    "redirection-missing": -20,
    "redirection-invalid-cert": -20,
    # referrer-policy
    "referrer-policy-private": 5,
    "referrer-policy-not-implemented": 0,
    "referrer-policy-unsafe": -5,
    "referrer-policy-header-invalid": -5,
    # strict-transport-security
    "hsts-preloaded": 5,
    "hsts-implemented-max-age-at-least-six-months": 0,
    "hsts-implemented-max-age-less-than-six-months": -10,
    "hsts-not-implemented": -20,
    "hsts-header-invalid": -20,
    "hsts-not-implemented-no-https": -20,
    "hsts-invalid-cert": -20,
    # subresource-integrity
    "sri-implemented-and-all-scripts-loaded-securely": 5,
    "sri-implemented-and-external-scripts-loaded-securely": 5,
    "sri-not-implemented-response-not-html": 0,
    "sri-not-implemented-but-no-scripts-loaded": 0,
    "sri-not-implemented-but-all-scripts-loaded-from-secure-origin": 0,
    "sri-not-implemented-but-external-scripts-loaded-securely": -5,
    "sri-implemented-but-external-scripts-not-loaded-securely": -20,
    "sri-not-implemented-and-external-scripts-not-loaded-securely": -50,
    # x-content-type-options
    "x-content-type-options-nosniff": 0,
    "x-content-type-options-not-implemented": -5,
    "x-content-type-options-header-invalid": -5,
    # x-frame-options
    "x-frame-options-implemented-via-csp": 5,
    "x-frame-options-sameorigin-or-deny": 0,
    "x-frame-options-allow-from-origin": 0,
    "x-frame-options-not-implemented": -20,
    "x-frame-options-header-invalid": -20,
    # cross-origin-resource-policy
    "corp-header-invalid": -5,
    "corp-implemented-with-cross-origin": 0,
    "corp-implemented-with-same-origin": 10,
    "corp-implemented-with-same-site": 10,
    "corp-not-implemented": 0,
    # generic
    "html-not-parseable": -20,
}
MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90  # grader/charts.js
GRADE_CHART = {
    100: "A+", 95: "A", 90: "A", 85: "A-", 80: "B+", 75: "B", 70: "B", 65: "B-", 60: "C+",
    55: "C", 50: "C", 45: "C-", 40: "D+", 35: "D", 30: "D", 25: "D-", 20: "F", 15: "F",
    10: "F", 5: "F", 0: "F",
}  # fmt: skip
HTML_TYPES = {"text/html", "application/xhtml+xml"}  # types.js
CORS_ORIGIN = "https://http-observatory.security.mozilla.org"  # config.js default
STANDARD_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
REDIRECT_STATUS_CODES = {301, 302, 303, 307, 308}  # retriever/session.js
MAX_REDIRECTS = 10


# --- what the retriever collects -------------------------------------------------------------


@dataclass
class Response:
    url: SplitResult
    status: int
    headers: dict[str, list[str]]  # lower-case names
    text: str = ""
    verified: bool = True  # the test client has no certificates to get wrong

    def all(self, name: str) -> list[str]:  # analyzer/utils.js getHttpHeaders
        return self.headers.get(name.lower(), [])

    def first(self, name: str) -> str | None:  # analyzer/utils.js getFirstHttpHeader
        values = self.all(name)
        return values[0] if values else None


@dataclass
class Cookie:
    key: str
    secure: bool
    http_only: bool
    same_site: str | None


@dataclass
class Requests:
    hostname: str
    http: Response | None = None
    https: Response | None = None
    http_redirects: list[tuple[SplitResult, int]] = field(default_factory=list)
    auto: Response | None = None
    session_url: SplitResult | None = None
    jar: dict[str, Cookie] = field(default_factory=dict)
    raw_set_cookies: list[str] = field(default_factory=list)
    cors: Response | None = None
    cors_request_origin: str | None = None
    http_equiv: dict[str, list[str]] = field(default_factory=dict)
    scripts: list[dict[str, str | None]] = field(default_factory=list)
    html_parseable: bool = True


def _headers(django_response) -> dict[str, list[str]]:
    headers: dict[str, list[str]] = {}
    for name, value in django_response.headers.items():
        headers.setdefault(name.lower(), []).append(value)
    for morsel in django_response.cookies.values():
        headers.setdefault("set-cookie", []).append(morsel.OutputString())
    return headers


def _session(url: str, host: str, extra: dict[str, str]) -> tuple[list, Response | None, dict]:
    """retriever/session.js: GET url, follow redirects by hand, remember every hop and cookie."""
    client = Client()
    history: list[tuple[SplitResult, int]] = []
    jar: dict[str, Cookie] = {}
    raw: list[str] = []
    response = None
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(current)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        django_response = client.get(
            path,
            secure=parts.scheme == "https",
            headers={"host": parts.netloc or host, "accept": STANDARD_ACCEPT, **extra},
        )
        history.append((parts, django_response.status_code))
        for name, morsel in django_response.cookies.items():
            raw.append(morsel.OutputString())
            if morsel["max-age"] == 0 or morsel["expires"] == "Thu, 01 Jan 1970 00:00:00 GMT":
                jar.pop(name, None)  # a deletion
                continue
            jar[name] = Cookie(
                key=name,
                secure=bool(morsel["secure"]),
                http_only=bool(morsel["httponly"]),
                same_site=(morsel["samesite"] or None),
            )
        text = (
            django_response.content.decode("utf-8", "replace")
            if not django_response.streaming
            else ""
        )
        response = Response(parts, django_response.status_code, _headers(django_response), text)
        location = django_response.headers.get("Location")
        if django_response.status_code in REDIRECT_STATUS_CODES and location:
            current = urljoin(current, location)
            continue
        break
    return history, response, {"jar": jar, "raw": raw}


class _PageParser(HTMLParser):
    """What retriever/utils.js parseHttpEquivHeaders and the SRI test read with jsdom."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.metas: list[dict[str, str | None]] = []
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta":
            self.metas.append(attributes)
        elif tag == "script":
            self.scripts.append(attributes)

    handle_startendtag = handle_starttag


def retrieve(
    path: str, host: str = "testserver", headers: dict[str, str] | None = None
) -> Requests:
    """retriever/retriever.js: both schemes, the https session as 'auto', a CORS preflight."""
    extra = headers or {}
    requests = Requests(hostname=host)
    http_history, http_response, _http_cookies = _session(f"http://{host}{path}", host, extra)
    https_history, https_response, https_cookies = _session(f"https://{host}{path}", host, extra)
    requests.http, requests.https = http_response, https_response
    requests.http_redirects = http_history
    requests.auto = https_response
    requests.session_url = urlsplit(f"https://{host}{path}")
    requests.jar = https_cookies["jar"]
    requests.raw_set_cookies = https_cookies["raw"]
    final_url = https_history[-1][0]
    cors = Client().options(
        final_url.path + (f"?{final_url.query}" if final_url.query else ""),
        secure=True,
        headers={
            "host": host,
            "origin": CORS_ORIGIN,
            "access-control-request-method": "GET",
            **extra,
        },
    )
    requests.cors = Response(final_url, cors.status_code, _headers(cors))
    requests.cors_request_origin = CORS_ORIGIN
    auto = requests.auto
    content_type = (auto.first("content-type") or "").split(";")[0]
    if content_type in HTML_TYPES and auto.text:
        parser = _PageParser()
        try:
            parser.feed(auto.text)
            parser.close()
        except Exception:  # jsdom would have refused it too
            requests.html_parseable = False
        equiv: dict[str, list[str]] = {"content-security-policy": []}
        for meta in parser.metas:
            if meta.get("http-equiv") is not None and meta.get("content") is not None:
                if (meta["http-equiv"] or "").lower().strip() == "content-security-policy" and meta[
                    "content"
                ]:
                    equiv["content-security-policy"].append(meta["content"])
            elif (meta.get("name") or "").lower().strip() == "referrer" and meta.get("content"):
                equiv["referrer-policy"] = [meta["content"]]
        requests.http_equiv = equiv
        requests.scripts = parser.scripts
    return requests


# --- analyzer/cspParser.js ---------------------------------------------------------------------

SHORTEST_DIRECTIVE_LENGTH = len("img-src") - 1
DIRECTIVES_DISALLOWED_IN_META = ("frame-ancestors", "report-uri", "sandbox")
ALLOWED_DUPLICATE_KEYS = {"report-uri", "report-to"}
DUPLICATE_WARNINGS_KEY = "_observatory_duplicate_key_warnings"


class InvalidPolicy(ValueError):
    pass


def _path_part_match(path_a: str, path_b: str) -> bool:
    if not path_a:
        return True
    if path_a == "/" and not path_b:
        return True
    exact = not path_a.endswith("/")
    list_a, list_b = path_a.split("/"), path_b.split("/")
    if len(list_a) > len(list_b):
        return False
    if exact and len(list_a) != len(list_b):
        return False
    if not exact:
        list_a.pop()
    return all(a == b for a, b in zip(list_a, list_b, strict=False))


def parse_csp(csp_list: list[str]) -> dict[str, set[str]]:
    clean = [re.sub(r"[\r\n]", "", policy).strip() for policy in csp_list]
    if not clean:
        return {}
    for policy in clean:
        if not policy or len(policy) < SHORTEST_DIRECTIVE_LENGTH:
            raise InvalidPolicy(policy)
    csp: dict[str, list[dict]] = {}
    duplicate_warnings: set[str] = set()
    for policy_index, policy in enumerate(clean):
        seen: set[str] = set()
        for entry in policy.split(";"):
            tokens = entry.strip().split()
            if not tokens:
                continue
            directive, values_raw = tokens[0].lower(), tokens[1:]
            if directive in seen:
                if directive in ALLOWED_DUPLICATE_KEYS:
                    duplicate_warnings.add(directive)
                else:
                    raise InvalidPolicy(f"duplicate directive {directive}")
            else:
                seen.add(directive)
            keep = policy_index == 0
            values = [
                {"source": v.strip().lower(), "index": policy_index, "keep": keep}
                for v in values_raw
            ]
            if not values and directive.endswith("-src"):
                values = [{"source": "'none'", "index": policy_index, "keep": keep}]
            combined = values if policy_index == 0 else [*csp.get(directive, []), *values]
            combined.sort(key=lambda source: source["source"])
            for i in range(1, len(combined)):
                source, prev = combined[i], combined[i - 1]
                if source["index"] == prev["index"] and source["source"].startswith(prev["source"]):
                    source["keep"] = False
                if source["index"] != prev["index"] and _path_part_match(
                    prev["source"], source["source"]
                ):
                    source["keep"] = True
            csp[directive] = [source for source in combined if source["keep"]]
            if policy_index == 0 and len(csp_list) > 1:
                for source in csp[directive]:
                    source["keep"] = False
    final = {
        directive: ({source["source"] for source in sources} if sources else {"'none'"})
        for directive, sources in csp.items()
    }
    if duplicate_warnings:
        final[DUPLICATE_WARNINGS_KEY] = duplicate_warnings
    return final


def parse_csp_meta(csp_list: list[str]) -> dict[str, set[str]]:
    parsed = parse_csp(csp_list)
    for directive in DIRECTIVES_DISALLOWED_IN_META:
        parsed.pop(directive, None)
    return parsed


# --- the ten tests (analyzer/tests/*.js) -------------------------------------------------------


@dataclass
class Output:
    name: str
    result: str
    passed: bool
    data: object = None

    @property
    def modifier(self) -> int:
        return MODIFIERS[self.result]


DANGEROUSLY_BROAD = {
    "ftp:",
    "http:",
    "https:",
    "*",
    "http://*",
    "http://*.*",
    "https://*",
    "https://*.*",
}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
DANGEROUSLY_BROAD_AND_UNSAFE_INLINE = DANGEROUSLY_BROAD | UNSAFE_INLINE
PASSIVE_DIRECTIVES = ("img-src", "media-src")
NONCES_HASHES = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")


def _starts_with_nonce_or_hash(sources) -> bool:
    return any(source.startswith(NONCES_HASHES) for source in sources)


def content_security_policy_test(requests: Requests) -> Output:
    """analyzer/tests/csp.js"""
    expectation = "csp-implemented-with-no-unsafe"
    response, url = requests.auto, requests.session_url
    if response is None or url is None:
        return Output("content-security-policy", "csp-not-implemented", False)
    http_header = response.all("content-security-policy")
    equiv = requests.http_equiv.get("content-security-policy", [])
    try:
        csp = parse_csp([*http_header, *equiv])
    except InvalidPolicy:
        return Output("content-security-policy", "csp-header-invalid", False)
    try:
        header_only = parse_csp(http_header)
    except InvalidPolicy:
        header_only = {}
    try:
        meta_csp = parse_csp_meta(equiv)
    except InvalidPolicy:
        meta_csp = {}
    if len(header_only) + len(meta_csp) == 0:
        if response.first("content-security-policy-report-only"):
            return Output(
                "content-security-policy", "csp-not-implemented-but-reporting-enabled", False
            )
        return Output("content-security-policy", "csp-not-implemented", False)

    result = None
    frame_ancestors = header_only.get("frame-ancestors") or {"*"}  # header only, never meta
    object_src = set(csp.get("object-src") or csp.get("default-src") or {"*"})
    script_src = set(csp.get("script-src") or csp.get("default-src") or {"*"})
    style_src = set(csp.get("style-src") or csp.get("default-src") or {"*"})
    for sources in (script_src, style_src):
        if _starts_with_nonce_or_hash(sources) and "'unsafe-inline'" in sources:
            sources.discard("'unsafe-inline'")
    if _starts_with_nonce_or_hash(script_src) and "'strict-dynamic'" in script_src:
        for source in list(script_src):
            if any(source.startswith(broad) for broad in DANGEROUSLY_BROAD) or source in (
                "'self'",
                "'unsafe-inline'",
            ):
                script_src.discard(source)
    elif "'strict-dynamic'" in script_src:
        result = result or "csp-header-invalid"

    active = [
        source
        for directive, sources in csp.items()
        if directive not in PASSIVE_DIRECTIVES and directive != "script-src"
        for source in sources
    ] + list(script_src)
    passive = [
        source
        for directive in PASSIVE_DIRECTIVES
        for source in (csp.get(directive) or csp.get("default-src") or set())
    ]
    if any(src in DANGEROUSLY_BROAD_AND_UNSAFE_INLINE for src in script_src) or any(
        src in DANGEROUSLY_BROAD for src in object_src
    ):
        result = result or "csp-implemented-with-unsafe-inline"
    if url.scheme == "https" and any(s.startswith(("http:", "ftp:")) for s in active):
        result = result or "csp-implemented-with-insecure-scheme"
    if "'unsafe-eval'" in script_src | style_src:
        result = result or "csp-implemented-with-unsafe-eval"
    if url.scheme == "https" and any(s.startswith(("http:", "ftp:")) for s in passive):
        result = result or "csp-implemented-with-insecure-scheme-in-passive-content-only"
    if any(src in DANGEROUSLY_BROAD_AND_UNSAFE_INLINE for src in style_src):
        result = result or "csp-implemented-with-unsafe-inline-in-style-src-only"
    default_src = csp.get("default-src")
    if default_src == {"'none'"}:
        result = result or "csp-implemented-with-no-unsafe-default-src-none"
    else:
        result = result or expectation

    policy = {
        "antiClickjacking": not any(src in DANGEROUSLY_BROAD for src in frame_ancestors),
        "insecureBaseUri": any(
            src in DANGEROUSLY_BROAD_AND_UNSAFE_INLINE for src in (csp.get("base-uri") or {"*"})
        ),
        "insecureFormAction": any(
            src in DANGEROUSLY_BROAD for src in (csp.get("form-action") or {"*"})
        ),
        "unsafeObjects": any(src in DANGEROUSLY_BROAD for src in object_src),
    }
    passed = result in (
        expectation,
        "csp-implemented-with-no-unsafe-default-src-none",
        "csp-implemented-with-unsafe-inline-in-style-src-only",
        "csp-implemented-with-insecure-scheme-in-passive-content-only",
    )
    if passed and DUPLICATE_WARNINGS_KEY in csp:
        result = "csp-implemented-but-duplicate-directives"
    data = {key: sorted(value) for key, value in csp.items() if key != DUPLICATE_WARNINGS_KEY}
    return Output("content-security-policy", result, passed, {"directives": data, "policy": policy})


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
    # Stand-in for tldts' parse(...).domain: see the module docstring.
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


ALL_TESTS = (  # constants.js ALL_TESTS, in its order
    content_security_policy_test,
    cookies_test,
    cross_origin_resource_sharing_test,
    redirection_test,
    referrer_policy_test,
    strict_transport_security_test,
    subresource_integrity_test,
    x_content_type_options_test,
    x_frame_options_test,
    cross_origin_resource_policy_test,
)


@dataclass
class Scan:
    score: int
    grade: str
    status: int
    tests: dict[str, Output]

    def summary(self) -> dict[str, tuple[str, int]]:
        return {name: (test.result, test.modifier) for name, test in self.tests.items()}


class UnexpectedStatus(Exception):
    pass


def score(requests: Requests, allow_error_status: bool = False) -> Scan:
    """scanner/index.js: start at 100, add every modifier; extra credit (positive modifiers)
    counts only when the score without it is already >= 90."""
    status = requests.auto.status
    if not allow_error_status and (status < 200 or (status >= 400 and status not in (401, 403))):
        # The real Observatory refuses to grade such a response; tests scoring a 404 page's
        # headers say so explicitly with allow_error_status.
        raise UnexpectedStatus(status)
    outputs = [test(requests) for test in ALL_TESTS]
    with_extra_credit = uncurved = 100
    for output in outputs:
        with_extra_credit += output.modifier
        if output.modifier < 0:
            uncurved += output.modifier
    total = with_extra_credit if uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT else uncurved
    total = max(total, 0)
    grade = GRADE_CHART[min(total - total % 5, 100)]
    return Scan(total, grade, status, {output.name: output for output in outputs})


def scan(path: str, host: str = "testserver", allow_error_status: bool = False, **kwargs) -> Scan:
    return score(retrieve(path, host, **kwargs), allow_error_status=allow_error_status)


def as_package_input(requests: Requests) -> dict:
    """The collected responses as JSON for tests/security/observatory_package.mjs, which scores
    them with the real npm package."""

    def response(data: Response | None) -> dict | None:
        return None if data is None else {"status": data.status, "headers": data.headers}

    return {
        "hostname": requests.hostname,
        "session_url": requests.session_url.geturl(),
        "http": response(requests.http),
        "https": response(requests.https),
        "auto": response(requests.auto),
        "http_redirects": [[url.geturl(), status] for url, status in requests.http_redirects],
        "raw_set_cookies": requests.raw_set_cookies,
        "cors": response(requests.cors),
        "cors_origin": requests.cors_request_origin,
        "html": requests.auto.text if requests.auto else "",
    }
