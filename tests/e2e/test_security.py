"""The Content-Security-Policy in a real browser: the watcher that test_pages.py runs on every
page type (no public page needs anything the strict policy blocks) sees a violation when there
is one, and the Wagtail admin works under its own policy. And no form, in any state, makes a
request to another site."""

import re
from urllib.parse import urljoin, urlparse

from django.conf import settings

from tests.e2e.helpers import FILL_SECONDS, policy_violations, watch_policy


def test_the_policy_is_enforced(live_site, open_page):
    """The watcher (helpers.py watch_policy) would see a violation: inline code is really
    refused."""
    page = open_page()
    watch_policy(page)
    page.goto(live_site("/en/"))
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__inlineRan = true'; document.body.append(s); }"
    )
    assert page.evaluate("window.__inlineRan === true") is False
    assert any(v.startswith("script-src") for v in policy_violations(page))


def test_the_admin_editor_works_under_its_own_policy(live_site, open_page):
    page = open_page()
    console = watch_policy(page)
    page.goto(live_site("/admin/login/"))
    page.fill("#id_username", settings.DEMO_ADMIN_USERNAME)
    page.fill("#id_password", settings.DEMO_ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    # The Wagtail user bar works on a public page under the strict policy (its scripts come
    # from this site) and links to that page's editor. Locators see into its shadow root.
    page.goto(live_site("/en/faq/"))
    edit = page.locator("wagtail-userbar a[href$='/edit/']").first.get_attribute("href")
    assert policy_violations(page) == []
    response = page.goto(urljoin(page.url, edit))
    assert response.status == 200
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    # Draftail, the rich text editor, exists only once the admin's scripts have run.
    page.locator(".Draftail-Editor").first.wait_for(state="attached", timeout=15000)
    assert policy_violations(page) == []
    assert console == []


FORM_PAGES = {"petitionpage", "pledgepage", "signuppage", "addyourvoicepage"}


def test_forms_and_their_answers_make_no_third_party_request(live_site, open_page):
    """Page types are loaded in test_pages.py; here the states a form leads to: its errors
    after an empty send, the partners' widget with its form, and the thank-you after signing
    (whose share buttons are plain links, never a network's script)."""
    page = open_page()
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if urlparse(request.url).hostname not in {"127.0.0.1", None}
            and not request.url.startswith("data:")
            else None
        ),
    )
    forms = [path for model, path in live_site.page_types if model in FORM_PAGES]
    assert {path.split("/")[1] for path in forms} == {"en", "es"}
    for path in forms:
        page.goto(live_site(path))
        page.wait_for_timeout(FILL_SECONDS * 1000)  # past the minimum fill time (a bot's)
        page.locator("main form[method=post] button[type=submit]").first.click()
        page.wait_for_load_state("load")
        assert page.locator(".error-summary, .field-error").count() > 0, path
    petition = next(p for m, p in live_site.page_types if m == "petitionpage")
    html = page.goto(live_site(petition)).text()
    embed = re.search(r'data-action-embed="([^"]+)"', html)[1]
    page.goto(embed + "?form=1")
    page.fill("[name=first_name]", "Ana")
    page.fill("[name=last_name]", "Rivera")
    page.fill("[name=email]", "third-party-check@example.org")
    page.fill("[name=zip_code]", "78701")
    page.wait_for_timeout(FILL_SECONDS * 1000)  # a person takes a moment (minimum fill time)
    page.locator("form[method=post] button[type=submit]").first.click()
    page.wait_for_load_state("load")
    assert page.locator(".share-links a").count() > 0
    assert outside == []
