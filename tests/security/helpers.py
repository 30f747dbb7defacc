"""Helpers for the security tests: the production environment, read in a subprocess, and the MDN
HTTP Observatory's scores for pages served by the test client."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.test import Client

from tests.helpers import ROOT, require_tool

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "production-like-test-key-" + "k" * 40,
    "ALLOWED_HOSTS": "example.org",
    # Production sets the webhook secret (core.W001 warns otherwise).
    "ANYMAIL_WEBHOOK_SECRET": "provider:webhook-secret",
}
# Every setting the response headers depend on. Storage and database stay the test suite's own.
HEADER_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_CROSS_ORIGIN_RESOURCE_POLICY",
    "PERMISSIONS_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE",
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_ADMIN",
    "CSP_ADMIN_PREFIXES",
    "EMBED_FRAME_ANCESTORS",
    "MIDDLEWARE",
]


def run_with_production_env(args: list[str], extra: dict[str, str] | None = None):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="config.settings.base", **(extra or {}))
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


# --- the MDN HTTP Observatory, the real npm package ---------------------------------------------
#
# observatory_input() plays the package's retriever (retriever/retriever.js and session.js) with
# Django's test client: the page over http:// and https://, redirects followed by hand (up to 10),
# every Set-Cookie kept, a CORS preflight. observatory_scores() hands those responses to
# observatory_package.mjs, which runs the package's own ten tests and grader on them, in one Node
# process for any number of pages. test_observatory_live.py lets the package fetch for itself.

OBSERVATORY = ROOT / "node_modules" / "@mdn" / "mdn-http-observatory"
OBSERVATORY_SCRIPT = Path(__file__).with_name("observatory_package.mjs")
CORS_ORIGIN = "https://http-observatory.security.mozilla.org"  # the package's config.js default
STANDARD_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
REDIRECT_STATUS_CODES = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 10


def _headers(django_response) -> dict[str, list[str]]:
    headers: dict[str, list[str]] = {}
    for name, value in django_response.headers.items():
        headers.setdefault(name.lower(), []).append(value)
    for morsel in django_response.cookies.values():
        headers.setdefault("set-cookie", []).append(morsel.OutputString())
    return headers


def _session(url: str, host: str, extra: dict[str, str]):
    """GET url and follow redirects: (every hop with its status, the last response, cookies)."""
    client = Client()
    hops, cookies = [], []
    response = None
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        response = client.get(
            parts.path + (f"?{parts.query}" if parts.query else ""),
            secure=parts.scheme == "https",
            headers={"host": parts.netloc or host, "accept": STANDARD_ACCEPT, **extra},
        )
        hops.append([url, response.status_code])
        cookies += [morsel.OutputString() for morsel in response.cookies.values()]
        location = response.headers.get("Location")
        if response.status_code not in REDIRECT_STATUS_CODES or not location:
            break
        url = urljoin(url, location)
    return hops, response, cookies


def observatory_input(path: str, host: str = "testserver", headers: dict | None = None) -> dict:
    """What the package's retriever would collect for `path`, as observatory_package.mjs reads it."""
    extra = headers or {}
    http_hops, http, _cookies = _session(f"http://{host}{path}", host, extra)
    https_hops, https, cookies = _session(f"https://{host}{path}", host, extra)
    final = urlsplit(https_hops[-1][0])
    cors = Client().options(
        final.path + (f"?{final.query}" if final.query else ""),
        secure=True,
        headers={
            "host": host,
            "origin": CORS_ORIGIN,
            "access-control-request-method": "GET",
            **extra,
        },
    )

    def response(django_response) -> dict:
        return {"status": django_response.status_code, "headers": _headers(django_response)}

    return {
        "hostname": host,
        "session_url": f"https://{host}{path}",
        "http": response(http),
        "https": response(https),
        "auto": response(https),
        "http_redirects": http_hops,
        "raw_set_cookies": cookies,
        "cors": response(cors),
        "cors_origin": CORS_ORIGIN,
        "html": "" if https.streaming else https.content.decode("utf-8", "replace"),
    }


def observatory_scores(inputs: list[dict]) -> list[dict]:
    """Each input scored by the real package: {score, grade, status, results: {test: result}}."""
    require_tool(shutil.which("node") is not None, "Node.js is not installed")
    require_tool(
        (OBSERVATORY / "conf" / "hsts-preload.json").exists(),
        "@mdn/mdn-http-observatory is not installed (make browser-tools)",
    )
    result = subprocess.run(
        ["node", str(OBSERVATORY_SCRIPT)],
        input=json.dumps(inputs),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    for score, scored in zip(scores, inputs, strict=True):
        score["status"] = scored["auto"]["status"]
    return scores


def observatory_score(path: str, **kwargs) -> dict:
    return observatory_scores([observatory_input(path, **kwargs)])[0]


# The documented site (deploy/nginx.conf) inside a main configuration that lets an unprivileged
# nginx run in a temporary folder.
NGINX_MAIN = """
worker_processes 1;
daemon off;
{user}
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    # As Debian's own nginx.conf: files get their types (SVG as image/svg+xml).
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {work}/nginx-body;
    proxy_temp_path {work}/nginx-proxy;
    fastcgi_temp_path {work}/nginx-fastcgi;
    uwsgi_temp_path {work}/nginx-uwsgi;
    scgi_temp_path {work}/nginx-scgi;
    include {work}/site.conf;
}}
"""
