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

from dataclasses import dataclass

from .analyzers import (
    cookies_test,
    cross_origin_resource_policy_test,
    cross_origin_resource_sharing_test,
    redirection_test,
    referrer_policy_test,
    strict_transport_security_test,
    subresource_integrity_test,
    x_content_type_options_test,
    x_frame_options_test,
)
from .csp import (
    DUPLICATE_WARNINGS_KEY,
    InvalidPolicy,
    content_security_policy_test,
    parse_csp,
    parse_csp_meta,
)
from .grader import GRADE_CHART, MINIMUM_SCORE_FOR_EXTRA_CREDIT, MODIFIERS, Output
from .retriever import Requests, Response, as_package_input, retrieve

__all__ = [
    "ALL_TESTS",
    "DUPLICATE_WARNINGS_KEY",
    "MODIFIERS",
    "InvalidPolicy",
    "Output",
    "Requests",
    "Response",
    "Scan",
    "UnexpectedStatus",
    "as_package_input",
    "content_security_policy_test",
    "cookies_test",
    "parse_csp",
    "parse_csp_meta",
    "retrieve",
    "scan",
    "score",
    "strict_transport_security_test",
]

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
