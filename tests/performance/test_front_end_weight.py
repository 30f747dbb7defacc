"""Front-end weight: static files hashed, compressed and cached for a year by whitenoise in
production; nothing render-blocking from another origin; images as WebP renditions with srcset
and lazy loading. (bench/run.py weighs every page type; docs/performance.md.)"""

import json
import os
import re
import subprocess
import sys

import pytest

from home.factories import CampaignImageFactory, StandardPageFactory
from stories.factories import CaseStoryPageFactory, StoryIndexPageFactory
from tests.helpers import ROOT

YEAR = 365 * 24 * 3600

STATIC_CHECK = """
import django, json
django.setup()
from django.core.management import call_command
call_command("collectstatic", interactive=False, verbosity=0)
from django.templatetags.static import static
from django.test import Client
client = Client()
out = {}
for name in ("css/site.css", "js/site.js"):
    url = static(name)
    plain = client.get(url)
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    out[name] = {
        "url": url,
        "status": plain.status_code,
        "cache": plain.headers.get("Cache-Control", ""),
        "encoding": packed.headers.get("Content-Encoding", ""),
        "plain": len(b"".join(plain.streaming_content)),
        "packed": len(b"".join(packed.streaming_content)),
    }
print(json.dumps(out))
"""


def test_static_files_are_hashed_compressed_and_cached_for_a_year(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}},
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    result = subprocess.run(
        [sys.executable, "-c", STATIC_CHECK], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    for name, served in json.loads(result.stdout.strip().splitlines()[-1]).items():
        stem, suffix = name.rsplit(".", 1)
        assert re.fullmatch(rf"/static/{stem}\.[0-9a-f]{{12}}\.{suffix}", served["url"]), served
        assert served["status"] == 200
        max_age = int(re.search(r"max-age=(\d+)", served["cache"]).group(1))
        assert max_age >= YEAR and "immutable" in served["cache"], served["cache"]
        assert served["encoding"] == "gzip" and served["packed"] < served["plain"], served


@pytest.fixture
def pages(home_page):
    """A home page with a hero photo, a story with one, a page with an image block."""
    photo = CampaignImageFactory()
    home_page.hero_image = photo
    home_page.save_revision().publish()
    index = StoryIndexPageFactory(parent=home_page, slug="stories")
    story = CaseStoryPageFactory(parent=index, slug="a-story", hero_image=photo)
    CaseStoryPageFactory(parent=index, slug="another", hero_image=photo)
    article = StandardPageFactory(
        parent=home_page,
        slug="explainer",
        body=[("image", {"image": photo, "caption": "", "credit": "", "alt_text": "A march"})],
    )
    return ["/en/", index.url, story.url, article.url]


def tags(html: str, name: str) -> list[str]:
    return re.findall(rf"<{name}\b[^>]*>", html)


@pytest.mark.django_db
def test_nothing_render_blocking_comes_from_another_origin(client, pages):
    for url in pages:
        html = client.get(url).content.decode()
        head = html[: html.index("</head>")]
        for link in tags(head, "link"):
            if 'rel="stylesheet"' in link:
                assert 'href="/static/' in link, (url, link)
        for script in tags(html, "script"):
            assert 'src="/static/' in script, (url, script)  # no inline or third-party script
            assert " defer" in script or " async" in script, (url, script)
        assert "@import" not in html and "fonts.googleapis" not in html


@pytest.mark.django_db
def test_images_are_webp_renditions_with_srcset_and_lazy_loading_below_the_fold(client, pages):
    home, index, story, article = pages
    for url in pages:
        html = client.get(url).content.decode()
        images = tags(html, "img")
        assert images, url
        for img in images:
            assert re.search(r'src="/media/images/[^"]+\.webp"', img), (url, img)
            assert 'loading="' in img, (url, img)
    hero = tags(client.get(home).content.decode(), "img")[0]
    assert ".fill-800x350.format-webp." in hero and ".fill-1600x700.format-webp." in hero
    assert 'sizes="100vw"' in hero and 'loading="eager"' in hero
    for img in tags(client.get(index).content.decode(), "img"):
        assert 'loading="lazy"' in img  # cards, below the fold
    story_hero = tags(client.get(story).content.decode(), "img")[0]
    assert "srcset=" in story_hero and "width-400" in story_hero and "width-1200" in story_hero
    block = tags(client.get(article).content.decode(), "img")[0]
    assert "srcset=" in block and 'loading="lazy"' in block
