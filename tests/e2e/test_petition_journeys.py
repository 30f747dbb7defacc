"""Signing the demo petition in a real browser: in Spanish, with JS on and off, at 360 and 1280
px; the count goes up in both languages; signing again says so; every state of the form, the
thank-you and the partners' widget passes axe-core and the Nu HTML checker."""

import json
import re
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest

from tests.e2e.helpers import FILL_SECONDS, WIDTHS, axe_violations, nu_errors, screenshot
from tests.e2e.test_journeys import VARIANTS, tab_to

SPANISH = "/es/peticion-al-congreso/"
ENGLISH = "/en/petition-to-congress/"
# Every action page's form, in both languages: its errors and its thank-you are checked.
ACTIONS = {
    "petition-en": ENGLISH,
    "petition-es": SPANISH,
    "pledge-en": "/en/candidate-pledge/",
    "pledge-es": "/es/compromiso-candidatos/",
}


def live_count(live_site, page_html: str) -> int:
    url = re.search(r'data-count-url="([^"]+)"', page_html).group(1)
    return json.loads(urllib.request.urlopen(live_site(url)).read())["count"]


def fill_and_sign(page, email: str) -> None:
    """Fill the form with the keyboard, as a person would, and press the button."""
    tab_to(page, "el.id === 'id_first_name'")
    page.keyboard.type("Lucía")
    page.keyboard.press("Tab")
    page.keyboard.type("Muestra")
    page.keyboard.press("Tab")
    page.keyboard.type(email)
    page.fill("#id_zip_code", "78701")
    page.check("#id_public")
    page.wait_for_timeout(FILL_SECONDS * 1000)
    page.locator(".signature-form button[type=submit]").click()


@pytest.mark.parametrize(("width", "javascript"), VARIANTS)
def test_signing_in_spanish_thanks_counts_in_both_languages_and_knows_a_repeat(
    live_site, open_page, width, javascript
):
    page = open_page(width=width, javascript=javascript)
    page.goto(live_site(SPANISH))
    before = live_count(live_site, page.content())
    email = f"browser-{width}-{int(javascript)}-{time.time_ns()}@example.org"
    fill_and_sign(page, email)
    page.wait_for_url(re.compile(r"\?thanks="))
    assert "Gracias por firmar" in page.locator("#action-thanks-heading").inner_text()
    assert page.locator("[data-count]").first.inner_text() == str(before + 1)
    assert page.locator(".share-links a").count() == 5
    if javascript:
        # The thank-you heading takes focus, so screen readers announce it.
        assert page.evaluate("document.activeElement.id") == "action-thanks-heading"
        # The English page may come from the page cache; its script fetches the live count.
        page.goto(live_site(ENGLISH))
        # expect() polls from Playwright's side: a string predicate would be eval'd in the
        # page, which the Content-Security-Policy rightly forbids.
        expect = pytest.importorskip("playwright.sync_api").expect
        expect(page.locator("[data-count]").first).to_have_text(str(before + 1))
    assert live_count(live_site, page.content()) == before + 1

    # The same person signs again from the same browser: told kindly, counted once.
    page.goto(live_site(SPANISH))
    fill_and_sign(page, email.upper())
    page.wait_for_url(re.compile(r"\?thanks="))
    assert "Usted ya había firmado" in page.locator("#action-thanks-heading").inner_text()
    assert live_count(live_site, page.content()) == before + 1


@pytest.mark.parametrize(
    ("path", "count", "goal"),
    [
        (ENGLISH, "12,345", "20,000"),
        (SPANISH, "12\N{NO-BREAK SPACE}345", "20\N{NO-BREAK SPACE}000"),
    ],
)
def test_the_live_count_is_grouped_as_the_server_groups_it(live_site, open_page, path, count, goal):
    """actions.js writes a live count of thousands with the page's own grouping mark (Django's
    floatformat "g": a comma in English, a no-break space in Spanish), not Intl's."""
    page = open_page(javascript=True)
    page.route(
        re.compile(r"/api/actions/\d+/count\.json$"),
        lambda route: route.fulfill(json={"count": 12345, "goal": 20000, "closed": False}),
    )
    page.goto(live_site(path))
    expect = pytest.importorskip("playwright.sync_api").expect
    expect(page.locator("[data-count]").first).to_have_text(count)
    expect(page.locator("[data-goal]").first).to_have_text(goal)
    assert page.locator("progress").first.get_attribute("value") == "12345"


def test_a_wrong_field_keeps_what_was_typed_and_says_why_next_to_it(live_site, open_page):
    page = open_page(javascript=True)
    page.goto(live_site(ENGLISH))
    page.fill("#id_first_name", "Ana")
    page.fill("#id_last_name", "Sample")
    page.fill("#id_email", "not-an-email")
    page.fill("#id_zip_code", "123")
    page.wait_for_timeout(FILL_SECONDS * 1000)
    page.locator(".signature-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.input_value("#id_first_name") == "Ana"
    assert "five digits" in page.locator("label[for=id_zip_code]").inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")


def post_without_following(url: str, fields: dict) -> tuple[int, str, str]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(url, data=urlencode(fields).encode())
        return response.status, "", response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", ""), error.read().decode()


def form_token(live_site, path: str) -> str:
    html = urllib.request.urlopen(live_site(path)).read().decode()
    return re.search(r'name="form_started" value="([^"]+)"', html).group(1)


def state_urls(live_site) -> dict[str, str]:
    """A URL (or HTML) for each state of the action pages a visitor can reach."""
    html = urllib.request.urlopen(live_site(SPANISH)).read().decode()
    page_id = re.search(r"/api/actions/(\d+)/count", html).group(1)
    tokens = {name: form_token(live_site, path) for name, path in ACTIONS.items()}
    time.sleep(FILL_SECONDS)
    urls = {}
    for name, path in ACTIONS.items():
        fields = {
            "first_name": "Ana", "last_name": "Muestra",
            "email": f"states-{name}-{time.time_ns()}@example.org",
            "country": "US", "zip_code": "20515", "website": "", "form_started": tokens[name],
        }  # fmt: skip
        _status, location, _body = post_without_following(live_site(path), fields)
        assert "?thanks=" in location
        urls[f"thanks-{name}"] = location
    return {
        **urls,
        "embed-button-es": f"/es/embed/petition/{page_id}/?source=partner",
        "embed-form-en": f"/en/embed/petition/{page_id}/?form=1&source=partner",
    }


@pytest.mark.parametrize("width", WIDTHS)
def test_every_state_passes_axe(live_site, open_page, width):
    page = open_page(width=width)
    failures = {}
    for name, path in state_urls(live_site).items():
        page.goto(live_site(path))
        if violations := axe_violations(page):
            failures[name] = violations
        screenshot(page, f"petition-{name}-{width}")
    # Each form with errors next to its fields, the summary focused. One tab per form, so that
    # one wait covers every form's minimum fill time.
    tabs = {}
    for name, path in ACTIONS.items():
        tabs[name] = page.context.new_page()
        tabs[name].goto(live_site(path))
        tabs[name].fill("#id_email", "nope")
    page.wait_for_timeout(FILL_SECONDS * 1000)
    for name, tab in tabs.items():
        tab.locator(".signature-form button[type=submit]").click()
        tab.wait_for_selector(".error-summary")
        assert tab.evaluate("document.activeElement.hasAttribute('data-error-summary')")
        if violations := axe_violations(tab):
            failures[f"errors-{name}"] = violations
        screenshot(tab, f"petition-errors-{name}-{width}")
    assert failures == {}


def test_every_state_is_valid_html(live_site, tmp_path):
    files = []
    for name, path in state_urls(live_site).items():
        target = tmp_path / f"{name}.html"
        target.write_bytes(urllib.request.urlopen(live_site(path)).read())
        files.append(target)
    tokens = {name: form_token(live_site, path) for name, path in ACTIONS.items()}
    time.sleep(FILL_SECONDS)
    for name, path in ACTIONS.items():
        status, _location, errors_html = post_without_following(
            live_site(path), {"email": "nope", "zip_code": "1", "form_started": tokens[name]}
        )
        assert status == 200 and "field--invalid" in errors_html
        (tmp_path / f"errors-{name}.html").write_text(errors_html)
        files.append(tmp_path / f"errors-{name}.html")
    assert nu_errors(files) == []


def test_tags_of_the_landing_page_reach_the_donate_link_and_the_kit_copies(live_site, open_page):
    """With JS, the utm_* tags of the page a reader landed on (a story, from an email) travel
    with them to the petition they sign on another page (site.js keeps them for the visit): the
    thank-you's donate link carries them, and the share kit's texts copy with one press."""
    page = open_page(width=360, javascript=True)
    page.goto(live_site("/es/?utm_source=boletin&utm_medium=email&utm_campaign=prueba"))
    page.goto(live_site(SPANISH))  # no tags in this address
    fill_and_sign(page, f"tags-{time.time_ns()}@example.org")
    page.wait_for_url(re.compile(r"\?thanks="))
    donate = page.get_by_role("link", name="Donar").get_attribute("href")
    assert "utm_source=boletin&utm_medium=email&utm_campaign=prueba" in donate
    assert page.locator(".share-kit img").first.get_attribute("alt").startswith("«Nadie")
    page.get_by_role("button", name="Copiar el texto").first.click()
    status = page.locator(".next-ask [data-copy-status]")
    expect = pytest.importorskip("playwright.sync_api").expect
    expect(status).not_to_have_text("")
    assert axe_violations(page) == []
