"""Helpers for the security tests: the production environment, read in a subprocess."""

import os
import subprocess
import sys

from tests.helpers import ROOT

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
