"""The site's icon (issue 24): in the browser tab, on a phone's home screen, and at /favicon.ico
for whatever asks there, so no page logs a 404 for it."""

import json
import re

import pytest
from PIL import Image

from tests.helpers import ROOT

pytestmark = pytest.mark.django_db


def test_every_page_links_its_icons_and_they_exist(client, home_page):
    html = client.get("/en/").content.decode()
    svg = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html).group(1)
    touch = re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', html).group(1)
    assert svg.endswith("icons/favicon.svg") and touch.endswith("icons/apple-touch-icon.png")
    assert "<svg" in (ROOT / "static" / "icons" / "favicon.svg").read_text()
    with Image.open(ROOT / "static" / "icons" / "apple-touch-icon.png") as image:
        assert image.size == (180, 180)


def test_favicon_ico_is_served_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_the_web_manifest_names_the_site_and_icons_that_exist(client, home_page):
    html = client.get("/en/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(b"".join(response.streaming_content))
    assert manifest["name"] == "End Qualified Immunity" and manifest["start_url"] == "/"
    sizes = set()
    for icon in manifest["icons"]:
        path = ROOT / "static" / icon["src"].removeprefix("/static/")
        assert path.is_file(), icon["src"]
        if icon["type"] == "image/png":
            with Image.open(path) as image:
                assert icon["sizes"] == "{}x{}".format(*image.size)
                sizes.add(image.size)
    assert {(192, 192), (512, 512)} <= sizes
