"""Writing to Congress in a real browser, keyboard only, in English and Spanish, at 360 and 1280
px, with JS on and off: a ZIP code split between two districts asks which one, the supporter
chooses, and gets three letters with the official links. With JS on, the copy button copies and
"remember me on this device" fills the form next time until "forget me" clears it; nothing of it
reaches the server. The form, the choice, the letters and the error state pass axe-core."""

import re
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import FILL_SECONDS, WIDTHS, axe_violations, screenshot
from tests.e2e.test_journeys import VARIANTS, tab_to

PATHS = {"en": "/en/write-to-congress/", "es": "/es/escriba-al-congreso/"}
SPLIT_ZIP = "10027"  # split between NY-12 and NY-13, in the sample and in the real Census table
STORAGE_KEY = "endqi.letters.details"
TEXT = {
    "en": {
        "name": "Lucy Sample",
        "city": "New York",
        "choose": "Which district do you live in?",
        "ready": "Your 3 letters are ready",
        "copied": "Copied. Now paste it into the contact form.",
        "zip_error": "Enter a ZIP code of five digits, like 20515.",
        "dear": "Dear ",
    },
    "es": {
        "name": "Lucía Muestra",
        "city": "Nueva York",
        "choose": "¿En qué distrito vive?",
        "ready": "Sus 3 cartas están listas",
        "copied": "Copiado. Ahora péguelo en el formulario de contacto.",
        "zip_error": "Escriba un código postal de cinco dígitos, como 20515.",
        "dear": "Honorable ",
    },
}
SUBMIT = "el.type === 'submit' && !!el.closest('[data-letter-form]')"
# What the form may send: the remember-me choice is never among it.
FORM_FIELDS = {
    "full_name",
    "email",
    "city",
    "zip_code",
    "district",
    "email_copy",
    "website",
    "form_started",
}


def fill_in(page, text: dict, zip_code: str, remember: bool) -> None:
    """Type the details with the keyboard, as a person would, and press the button."""
    tab_to(page, "el.id === 'id_full_name'")
    page.keyboard.type(text["name"])
    tab_to(page, "el.id === 'id_city'")
    page.keyboard.type(text["city"])
    page.keyboard.press("Tab")
    page.keyboard.type(zip_code)
    if remember:
        tab_to(page, "el.id === 'letter-remember'")
        page.keyboard.press("Space")
    page.wait_for_timeout(FILL_SECONDS * 1000)  # a person takes a moment (minimum fill time)
    submit(page)


def submit(page) -> None:
    tab_to(page, SUBMIT)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def check_axe(page, failures: dict, name: str, javascript: bool) -> None:
    screenshot(page, name)
    if javascript and (violations := axe_violations(page)):
        failures[name] = violations


def watch_posts(page) -> list[dict]:
    posts = []
    page.on(
        "request",
        lambda request: (
            posts.append(parse_qs(request.post_data or "")) if request.method == "POST" else None
        ),
    )
    return posts


@pytest.mark.parametrize(("width", "javascript"), VARIANTS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_split_zip_asks_for_the_district_then_gives_three_letters(
    live_site, open_page, width, javascript, language
):
    text = TEXT[language]
    page = open_page(width=width, javascript=javascript)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_site.url)
    posts = watch_posts(page)
    failures = {}
    name = f"letter-{language}-{width}-{'js' if javascript else 'nojs'}"

    page.goto(live_site(PATHS[language]))
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("#letter-remember").is_visible() is javascript
    check_axe(page, failures, f"{name}-form", javascript)

    fill_in(page, text, SPLIT_ZIP, remember=javascript)
    assert text["choose"] in page.locator("[data-error-summary]").inner_text()
    if javascript:
        assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    # What was typed is kept, and nothing was guessed.
    assert page.input_value("#id_full_name") == text["name"]
    assert page.locator(".letter").count() == 0
    options = page.locator("input[name=district]")
    assert options.count() == 2
    assert page.locator("a[href*='house.gov/representatives/find-your-representative']").count()
    check_axe(page, failures, f"{name}-choice", javascript)

    # Keyboard only: Tab into the radio group, arrow to the second district, submit.
    tab_to(page, "el.name === 'district'")
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("document.activeElement.value")
    assert chosen in ("NY-12", "NY-13") and page.evaluate("document.activeElement.checked")
    label = page.evaluate("document.activeElement.closest('label').innerText")
    representative = label.split(":", 1)[1].strip()
    submit(page)

    assert page.locator("#letters-heading").inner_text() == text["ready"]
    letters = page.locator(".letter")
    assert letters.count() == 3
    assert letters.nth(2).locator("h3").inner_text() == representative
    for index in range(3):
        letter = letters.nth(index)
        link = letter.locator(".letter__contact a.button").first
        assert re.match(r"^https://[^/]+\.(house|senate)\.gov", link.get_attribute("href"))
        assert link.get_attribute("target") == "_blank"
        body = letter.locator("textarea[id$='-body']").input_value()
        assert body.startswith(text["dear"]) and text["name"] in body and text["city"] in body
    check_axe(page, failures, f"{name}-letters", javascript)

    copy = page.locator("[data-copy='letter-1-body']")
    if javascript:
        assert page.evaluate("document.activeElement.id") == "letters-heading"
        tab_to(page, "el.getAttribute('data-copy') === 'letter-1-body'")
        page.keyboard.press("Enter")
        expect(page.locator(".letters [data-copy-status]")).to_have_text(text["copied"])
        clipboard = page.evaluate("navigator.clipboard.readText()")
        assert clipboard == page.locator("#letter-1-body").input_value()
    else:
        assert not copy.is_visible()

    # Nothing about remembering was ever sent; only the form's own fields.
    assert posts and all(set(post) <= FORM_FIELDS for post in posts)
    assert all(set(post) >= {"full_name", "city", "zip_code"} for post in posts)

    if javascript:
        # Next visit on this device: the form is filled in, and "forget me" clears it.
        page.goto(live_site(PATHS[language]))
        assert page.input_value("#id_full_name") == text["name"]
        assert page.input_value("#id_zip_code") == SPLIT_ZIP
        assert page.is_checked("#letter-remember")
        stored = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
        assert text["name"] in stored and "district" not in stored
        tab_to(page, "el.hasAttribute('data-forget')")
        page.keyboard.press("Enter")
        assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
        assert page.input_value("#id_full_name") == "" and page.input_value("#id_city") == ""
        assert not page.is_checked("#letter-remember")
        assert page.locator("[data-remember-status]").inner_text()
        page.reload()
        assert page.input_value("#id_full_name") == ""
    assert failures == {}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_malformed_zip_is_explained_and_the_error_state_passes_axe(
    live_site, open_page, width, language
):
    text = TEXT[language]
    page = open_page(width=width)
    page.goto(live_site(PATHS[language]))
    fill_in(page, text, "1002", remember=False)
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert text["zip_error"] in page.locator("label[for=id_zip_code]").inner_text()
    assert page.input_value("#id_full_name") == text["name"]
    screenshot(page, f"letter-{language}-{width}-error")
    assert axe_violations(page) == []
