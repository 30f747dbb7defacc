"""Previews in a real browser: every English page type shows in the editor's side panel (the admin
may frame its own previews), every Spanish one in the translation editor's Preview, and a public
page still refuses to be framed by another site.

Spanish pages are translations kept in step with English by wagtail-localize, edited in its
translation editor, which has no side panel: its Preview opens the Spanish draft in a new tab."""

import html
import re
import time
from urllib.parse import urljoin

from tests.e2e.helpers import log_in_to_admin


def heading_in(document: str) -> str | None:
    """The text of a page's first <h1>, as a reader sees it."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", document, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", heading.group(1))).strip() if heading else None


def public_page(page, live_site, path: str) -> tuple[str, str]:
    """The public page's heading and the edit link in its user bar, as the editor's session
    gets them (its HTML only: drawing the page adds nothing these tests look at)."""
    public = page.request.get(live_site(path)).text()
    heading, edit = heading_in(public), re.search(r'<a href="([^"]+/edit/)"', public)
    assert heading and edit, path
    return heading, edit.group(1)


def open_editor(page, live_site, path: str) -> str:
    """Open the page's editor as an editor finds it, from the user bar on the public page, and
    return the public page's heading."""
    heading, edit = public_page(page, live_site, path)
    page.goto(urljoin(live_site(path), edit))
    return heading


def paths_in(live_site, language: str) -> list[str]:
    paths = [path for _model, path in live_site.page_types if path.startswith(f"/{language}/")]
    assert len(paths) >= 10
    return paths


def test_every_page_type_previews_in_the_side_panel(live_site, open_page):
    page = open_page(width=1400)
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "frame" in message.text else None
    )
    log_in_to_admin(page, live_site)
    paths = paths_in(live_site, "en")
    shown = {}
    for path in paths:
        public_heading = open_editor(page, live_site, path)
        page.click("button[data-side-panel-toggle='preview']")
        frame = page.frame_locator("#w-preview-iframe")
        # The page's own heading, rendered inside the admin's iframe.
        heading = frame.locator("h1").first
        heading.wait_for(state="attached", timeout=15000)
        # The page as visitors see it (an error page would have a heading of its own).
        shown[path] = heading.text_content().strip() == public_heading
    assert refused == []
    assert shown == dict.fromkeys(paths, True)


def test_every_spanish_page_type_previews_from_the_translation_editor(live_site, open_page):
    """The translation editor's Preview is a link to a new tab: here each link is followed with
    the editor's session, without drawing the editor and a tab for every page type."""
    page = open_page(width=1400)
    log_in_to_admin(page, live_site)
    paths = paths_in(live_site, "es")
    shown = {}
    for path in paths:
        public_heading, edit = public_page(page, live_site, path)
        editor = page.request.get(urljoin(live_site(path), edit)).text()
        # The translation editor draws its Preview link from the props in its page.
        link = re.search(r"(/admin/localize/translate/\d+/preview/)", editor)
        if link is None:  # a page written in Spanish, not translated: Wagtail's own editor
            link = re.search(r'data-w-preview-url-value="([^"]+)"', editor)
        assert link is not None, path
        preview = page.request.get(live_site(html.unescape(link.group(1)))).text()
        shown[path] = (
            re.search(r'<html lang="([^"]+)"', preview).group(1),
            heading_in(preview) == public_heading,
        )
    assert shown == dict.fromkeys(paths, ("es", True))


def test_public_pages_still_refuse_other_sites_frames(live_site, open_page):
    page = open_page()
    # A page on another origin (answered by the browser itself) that frames the site's home page.
    page.route(
        "http://partner.test/",
        lambda route: route.fulfill(
            content_type="text/html",
            body=f'<!doctype html><title>t</title><iframe src="{live_site("/en/")}"></iframe>',
        ),
    )
    page.goto("http://partner.test/")

    def schemes() -> list[str]:
        return [frame.url.split(":")[0] for frame in page.frames]

    # Chromium replaces a refused frame with its error page: waited for (a framed site would
    # show "http" there instead until the deadline, and fail).
    deadline = time.monotonic() + 10
    while schemes() != ["http", "chrome-error"] and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert schemes() == ["http", "chrome-error"]
