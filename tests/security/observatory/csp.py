"""analyzer/cspParser.js and analyzer/tests/csp.js."""

from __future__ import annotations

import re

from .grader import Output
from .retriever import Requests

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
