"""The real @mdn/mdn-http-observatory, retriever and all, against the site running with its
production settings behind TLS on loopback (tests/security/fixtures.py: tls_site), the scan
told to trust its throwaway certificate. Nothing leaves the machine: the scan script refuses
any host but loopback."""

import http.cookiejar
import json
import os
import re
import ssl
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from core.svg import SVG_MEDIA_CSP
from tests.helpers import ROOT, require_tool
from tests.security.fixtures import HOST, OBSERVATORY

pytestmark = pytest.mark.live

SCRIPT = Path(__file__).with_name("observatory_package.mjs")


def live_scans(tls_site, paths: list[str]) -> list[dict]:
    """The package's own retriever and scan of each path, in one Node process."""
    http_port, https_port = tls_site["ports"]
    result = subprocess.run(
        ["node", str(SCRIPT), "--live", HOST, str(http_port), str(https_port), *paths],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={
            **os.environ,
            "NODE_EXTRA_CA_CERTS": str(tls_site["ca"]),
            # The package's own settings: its 10 s per request (made for the public Internet)
            # failed a cold page on a machine busy with other tests; this scores headers.
            "ABORT_TIMEOUT": "60000",
            "CLIENT_TIMEOUT": "55000",
        },
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_real_observatory_gives_every_page_type_an_a_plus(tls_site):
    require_tool(
        (OBSERVATORY / "conf" / "hsts-preload.json").exists(),
        "@mdn/mdn-http-observatory is not installed (make browser-tools)",
    )
    paths = [path for _model, path in tls_site["page_types"]]
    paths += ["/en/search/?q=immunity", "/es/search/?q=inmunidad", "/"]
    assert {"/en/", "/es/"} <= set(paths)
    scores = {}
    for path, scan in zip(paths, live_scans(tls_site, paths), strict=True):
        assert scan["results"]["redirection"] == "redirection-to-https", path
        assert scan["results"]["strict-transport-security"] == (
            "hsts-implemented-max-age-at-least-six-months"
        ), path
        scores[path] = (scan["score"], scan["grade"])
    assert scores == dict.fromkeys(paths, (135, "A+"))


def test_the_first_admin_signs_in_through_the_documented_proxy(tls_site):
    """The guide's first release, end to end: createsuperuser, then sign in to the admin over
    HTTPS through nginx (CSRF over TLS behind the proxy, secure cookies), after the plain-HTTP
    address redirected there."""
    env = {**tls_site["env"], "DJANGO_SUPERUSER_PASSWORD": "a-long-first-admin-passphrase-2026"}
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "createsuperuser", "--noinput",
         "--username", "first-admin", "--email", "admin@endqi.example"],
        env=env, cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    http_port, https_port = tls_site["ports"]

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    plain = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        plain.open(f"http://{HOST}:{http_port}/admin/login/", timeout=10)
    assert redirect.value.code == 301
    assert redirect.value.headers["Location"] == f"https://{HOST}:{https_port}/admin/login/"

    context = ssl.create_default_context(cafile=str(tls_site["ca"]))
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar)
    )
    base = f"https://{HOST}:{https_port}"
    login = browser.open(f"{base}/admin/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
    assert all(cookie.secure for cookie in jar)
    form = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "username": "first-admin",
            "password": "a-long-first-admin-passphrase-2026",
            "next": "/admin/",
        }
    ).encode()
    request = urllib.request.Request(
        f"{base}/admin/login/", data=form, headers={"Referer": f"{base}/admin/login/"}
    )
    dashboard = browser.open(request, timeout=30)
    assert dashboard.geturl() == f"{base}/admin/"
    assert dashboard.status == 200
    assert "<title>Dashboard" in dashboard.read().decode()  # signed in, not back at the login
    assert any(cookie.name == "sessionid" and cookie.secure for cookie in jar)


def test_svg_media_open_sandboxed_and_photos_as_before(tls_site, built_site):
    """deploy/nginx-media.conf as the live stack serves media: the demo's SVG logos, opened at
    their own address, carry Wagtail's sandbox (no script runs on the site's origin); a photo
    does not need it and keeps its type and caching."""
    media = built_site / "media"
    logos = sorted(media.glob("original_images/logo-*.svg"))
    photo = next(
        path
        for path in sorted(media.rglob("*"))
        if path.suffix in (".jpg", ".jpeg", ".png", ".webp")
    )
    assert len(logos) == 5
    _http_port, https_port = tls_site["ports"]
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=str(tls_site["ca"])))
    )
    for logo in logos:
        path = logo.relative_to(media).as_posix()
        with opener.open(f"https://{HOST}:{https_port}/media/{path}", timeout=10) as response:
            assert response.status == 200
            assert response.headers["Content-Type"] == "image/svg+xml"
            assert response.headers["Content-Security-Policy"] == SVG_MEDIA_CSP
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert response.read() == logo.read_bytes()
    path = photo.relative_to(media).as_posix()
    with opener.open(f"https://{HOST}:{https_port}/media/{path}", timeout=10) as response:
        assert response.headers["Content-Type"].startswith("image/")
        assert "Content-Security-Policy" not in response.headers
        assert response.headers["Cache-Control"] == "max-age=86400"
