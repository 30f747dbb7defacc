"""The response headers: a strict CSP on public pages (also in DEBUG), the admin's own looser
policy, the opt-in for framed embeds, CORP, Permissions-Policy, cookies and SRI."""

import base64
import hashlib
import re

import pytest
from django.contrib.auth import get_user_model

from home.factories import StandardPageFactory
from tests.helpers import ROOT
from tests.security.helpers import run_with_production_env


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        tokens = part.split()
        if tokens:
            parsed[tokens[0]] = tokens[1:]
    return parsed


@pytest.mark.django_db
def test_public_pages_get_the_strict_policy(production, client, home_page):
    response = client.get("/en/", secure=True)
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["upgrade-insecure-requests"] == []
    for sources in policy.values():
        assert "'unsafe-inline'" not in sources
        assert "'unsafe-eval'" not in sources
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "interest-cohort=()"):
        assert feature in permissions


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(production, client, home_page):
    response = client.get("/en/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/"


@pytest.mark.django_db
def test_development_also_gets_the_csp_but_does_not_upgrade_plain_http(client, home_page):
    # The browser tests run on runserver with DEBUG=1: the same policy applies there, so they
    # prove that no page relies on anything inline.
    policy = directives(client.get("/en/")["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert "upgrade-insecure-requests" not in policy


@pytest.mark.django_db
def test_media_and_player_hosts_come_from_the_environment(home_page, settings):
    code = (
        "from django.conf import settings; "
        "d = settings.CONTENT_SECURITY_POLICY['DIRECTIVES']; "
        "print(' '.join(d['img-src']), '|', ' '.join(d['frame-src']))"
    )
    result = run_with_production_env(
        ["-c", code],
        {
            "CSP_MEDIA_HOSTS": "https://media.example.org",
            "CSP_PLAYER_HOSTS": "https://player.example",
        },
    )
    assert result.stdout.split("|")[0].split() == ["'self'", "data:", "https://media.example.org"]
    assert result.stdout.split("|")[1].split() == ["https://player.example"]


@pytest.mark.indexes
@pytest.mark.django_db
def test_templates_use_nothing_inline(client, home_page):
    """What the strict policy would block: inline <script>, on* handlers, style attributes."""
    page = StandardPageFactory(parent=home_page, slug="about")
    for path in ("/en/", page.url, "/en/search/?q=x", "/en/missing/"):
        html = client.get(path).content.decode()
        for script in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in script, (path, script)
        assert not re.search(r"\son[a-z]+\s*=", html), path
        assert not re.search(r"\sstyle\s*=", html), path
        assert "<style" not in html, path


@pytest.mark.django_db
def test_our_script_carries_its_subresource_integrity_hash(client, home_page):
    html = client.get("/en/").content.decode()
    integrity = re.search(r'<script src="/static/js/site.js" integrity="([^"]+)"', html).group(1)
    digest = hashlib.sha384((ROOT / "static" / "js" / "site.js").read_bytes()).digest()
    assert integrity == "sha384-" + base64.b64encode(digest).decode()


@pytest.mark.django_db
def test_the_admin_gets_its_own_looser_policy_and_works(production, client, home_page):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-12345")
    client.force_login(user)
    page = StandardPageFactory(parent=home_page, slug="about")
    response = client.get(f"/admin/pages/{page.pk}/edit/", secure=True)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    html = response.content.decode()
    # Every script the editor loads comes from this site, which the policy allows.
    sources = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert sources
    assert all(src.startswith("/") and not src.startswith("//") for src in sources), sources
    # The editor really has its inline scripts, so the public policy would have broken it.
    assert re.search(r"<script>\s*\S", html)

    preview = client.get(f"/admin/pages/{page.pk}/edit/preview/", secure=True)
    # Previews are framed by the editor itself: same origin only.
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    # The page as Wagtail previews it (a made-up request for its public URL, through every
    # middleware), here its latest draft.
    page.save_revision()
    # Behind the proxy, as in production: the made-up request inherits its X-Forwarded-Proto.
    draft = client.get(
        f"/admin/pages/{page.pk}/view_draft/", secure=True, HTTP_X_FORWARDED_PROTO="https"
    )
    assert page.title in draft.content.decode()
    policy = directives(draft["Content-Security-Policy"])
    # The page keeps the public policy, so the preview behaves as it will live...
    assert policy["script-src"] == ["'self'"]
    # ...except that the editor, on this site, may show it in its side panel.
    assert policy["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_logged_in_editors_keep_the_strict_policy_on_public_pages(production, client, home_page):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-12345")
    client.force_login(user)
    response = client.get("/en/", secure=True)
    assert directives(response["Content-Security-Policy"])["script-src"] == ["'self'"]
    # The Wagtail user bar loads only scripts from this site; its inline <script> is a JSON data
    # block, which browsers never run and CSP does not govern.
    html = response.content.decode()
    for script in re.findall(r"<script\b[^>]*>", html):
        assert (
            re.search(r'src="(/[^/]|//testserver/)', script) or 'type="application/json"' in script
        )


@pytest.mark.urls("tests.security.urls")
@pytest.mark.parametrize("path", ["/embed/widget/", "/embed/page/"])
def test_embeds_may_be_framed_by_partners(production, client, path):
    response = client.get(path, secure=True)
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["https:"]
    assert "X-Frame-Options" not in response
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    # Everything else stays strict.
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'none'"]


@pytest.mark.urls("tests.security.urls")
def test_other_views_may_not_be_framed(production, client):
    response = client.get("/ordinary/", secure=True)
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.urls("tests.security.urls")
def test_embed_ancestors_come_from_settings(production, client, settings):
    settings.EMBED_FRAME_ANCESTORS = ["https://partner.example", "https://other.example"]
    response = client.get("/embed/widget/", secure=True)
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == [
        "https://partner.example",
        "https://other.example",
    ]


@pytest.mark.django_db
def test_cookies_are_secure_httponly_and_samesite_in_production(production, client):
    response = client.get("/admin/login/", secure=True)
    cookie = response.cookies["csrftoken"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    user = get_user_model().objects.create_user("someone", "s@example.org", "pw-12345")
    login = client.post(
        "/admin/login/",
        {"username": user.username, "password": "pw-12345"},
        secure=True,
    )
    session = login.cookies["sessionid"]
    assert (session["secure"], session["httponly"], session["samesite"]) == (True, True, "Lax")


def test_permissions_policy_header_format(client, settings, db):
    settings.PERMISSIONS_POLICY = {"camera": [], "fullscreen": ["self"]}
    assert client.get("/healthz")["Permissions-Policy"] == "camera=(), fullscreen=(self)"


@pytest.mark.django_db
def test_pages_served_from_the_page_cache_keep_every_header(production, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 600
    from django.test import Client

    client = Client()
    client.get("/en/", secure=True)
    hit = client.get("/en/", secure=True)
    assert hit["X-Page-Cache"] == "hit"
    assert "default-src 'none'" in hit["Content-Security-Policy"]
    assert hit["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in hit["Permissions-Policy"]
    assert hit["Strict-Transport-Security"].startswith("max-age=31536000")
