"""The newsletter in a real browser, keyboard only, JS on and off, in both languages at 360 and
1280 px: subscribe from the sign-up page or the footer form of another page, open the link in the
emailed confirmation (in the language of the form), confirm, and see it confirmed. Every state of
the form and of the emailed links' pages passes axe and the Nu checker in both languages."""

import re
import time
import urllib.error
import urllib.parse
import urllib.request
from email.header import decode_header, make_header
from email.message import Message

import pytest

from tests.e2e.helpers import (
    FILL_SECONDS,
    WIDTHS,
    axe_violations,
    nu_errors,
    screenshot,
    tab_to,
)
from tests.e2e.test_journeys import VARIANTS

SIGNUP = {"en": "/en/stay-connected/", "es": "/es/mantengase-informado/"}
STORY = {"en": "/en/stories/david-collie/", "es": "/es/historias/david-collie/"}
WORDS = {
    "en": {
        "thanks": "Check your inbox",
        "confirm_subject": "Confirm your subscription to ",
        "ready": "Confirm your subscription",
        "done": "You are subscribed",
        "already": "Already confirmed",
        "welcome_subject": "Welcome to ",
        "error": "Enter an email address like name@example.org.",
    },
    "es": {
        "thanks": "Revise su correo",
        "confirm_subject": "Confirme su suscripción a ",
        "ready": "Confirme su suscripción",
        "done": "Ya está suscrito",
        "already": "Ya confirmada",
        "welcome_subject": "Le damos la bienvenida a ",
        "error": "Escriba un correo electrónico como nombre@ejemplo.org.",
    },
}


def subject(message: Message) -> str:
    return str(make_header(decode_header(message["Subject"] or "")))


def text_body(message: Message) -> str:
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
    return ""


def wait_for_messages(live_site, address: str, count: int) -> list[Message]:
    """The file backend writes as the task runs, in the request; allow it a moment anyway."""
    deadline = time.monotonic() + 10
    while True:
        messages = live_site.messages_to(address)
        if len(messages) >= count or time.monotonic() > deadline:
            return messages
        time.sleep(0.2)


def emailed_link(live_site, message: Message, kind: str) -> str:
    links = re.findall(
        rf"{re.escape(live_site.url)}/\w+/newsletter/{kind}/[^/\s]+/", text_body(message)
    )
    assert links, f"no {kind} link in: {text_body(message)}"
    return links[0]


def form_for(width: int, javascript: bool) -> str:
    """Which form a variant uses, so that in each language both forms are sent at both widths,
    with JS on and off, in four runs rather than eight."""
    return "footer" if (width == 360) == javascript else "page"


@pytest.mark.parametrize(("width", "javascript"), VARIANTS)
@pytest.mark.parametrize("language", ["en", "es"])
def test_subscribe_and_confirm_from_the_emailed_link_with_the_keyboard(
    live_site, open_page, width, javascript, language
):
    words = WORDS[language]
    form = form_for(width, javascript)
    address = f"news-{language}-{width}-{int(javascript)}-{time.time_ns()}@example.org"
    page = open_page(width=width, javascript=javascript)
    if form == "page":
        page.goto(live_site(SIGNUP[language]))
        tab_to(page, "el.id === 'id_email'")
        page.keyboard.type(address)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "id_first_name"
        page.keyboard.type("Lucía")
        button = ".signup__form button[type=submit]"
    else:
        page.goto(live_site(STORY[language]))
        tab_to(page, "el.id === 'footer-newsletter-email'")
        page.keyboard.type(address)
        button = ".footer-signup__form button[type=submit]"
    page.wait_for_timeout(FILL_SECONDS * 1000)  # a person takes a moment to type
    tab_to(page, f"el.matches({button!r})")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(re.escape(SIGNUP[language]) + r"\?subscribed=1$"))
    assert page.locator("#signup-thanks-heading").inner_text() == words["thanks"]

    # The confirmation email speaks the form's language and links back to this site.
    [confirmation] = wait_for_messages(live_site, address, 1)
    assert subject(confirmation).startswith(words["confirm_subject"])
    link = emailed_link(live_site, confirmation, "confirm")
    assert link.startswith(live_site(f"/{language}/newsletter/confirm/"))

    page.goto(link)
    assert page.locator("h1").inner_text() == words["ready"]
    tab_to(page, "el.matches('main form button[type=submit]')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == words["done"]
    assert page.locator("html").get_attribute("lang") == language
    messages = wait_for_messages(live_site, address, 2)
    assert subject(messages[-1]).startswith(words["welcome_subject"])

    # Following the link again (a second click, a mail scanner) changes nothing.
    page.goto(link)
    assert page.locator("h1").inner_text() == words["already"]
    assert len(live_site.messages_to(address)) == 2
    screenshot(page, f"newsletter-journey-{language}-{form}-{width}")


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_wrong_address_from_the_footer_is_explained_and_kept(live_site, open_page, language):
    page = open_page(width=360, javascript=True)
    page.goto(live_site(STORY[language]))
    tab_to(page, "el.id === 'footer-newsletter-email'")
    page.keyboard.type("lucia@")
    page.wait_for_timeout(FILL_SECONDS * 1000)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(SIGNUP[language]) + "$"))
    assert page.input_value("#id_email") == "lucia@"
    assert words_in(page.locator("label[for=id_email]").inner_text(), WORDS[language]["error"])
    # The error summary takes focus, so a screen reader reads it at once, and links to the field.
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    tab_to(page, "el.matches('.error-summary a')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_email"


def words_in(text: str, words: str) -> bool:
    return words in " ".join(text.split())


# Every state of the form and of the pages its emails link to ------------------------------


def post(url: str, fields: dict) -> tuple[int, bytes]:
    data = urllib.parse.urlencode(fields).encode()
    try:
        with urllib.request.urlopen(url, data=data) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def get(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url) as response:
            return response.read()
    except urllib.error.HTTPError as error:  # an invalid link answers 400, with a page
        return error.read()


def form_token(live_site, language: str) -> str:
    html = get(live_site(SIGNUP[language])).decode()
    return re.search(r'name="form_started" value="([^"]+)"', html).group(1)


@pytest.fixture(scope="module")
def subscribers(live_site) -> dict[str, str]:
    """An address per language and per test below, signed up (one wait covers them all)."""
    stamp = time.time_ns()
    addresses = {
        (use, language): f"{use}-{language}-{stamp}@example.org"
        for use in ("axe360", "axe1280", "nu")
        for language in SIGNUP
    }
    tokens = {key: form_token(live_site, key[1]) for key in addresses}
    time.sleep(FILL_SECONDS)
    for (use, language), address in addresses.items():
        fields = {"email": address, "website": "", "form_started": tokens[use, language]}
        assert post(live_site(SIGNUP[language]), fields)[0] == 200
    return addresses


def link_in_latest(live_site, address: str, count: int, kind: str) -> str:
    return emailed_link(live_site, wait_for_messages(live_site, address, count)[-1], kind)


def plain_paths(live_site, language: str) -> dict[str, str]:
    """States reached without an email: the thank-you, and links cut short."""
    return {
        "signup-thanks": live_site(SIGNUP[language] + "?subscribed=1"),
        "confirm-invalid": live_site(f"/{language}/newsletter/confirm/cut-short/"),
        "unsubscribe-invalid": live_site(f"/{language}/newsletter/unsubscribe/cut-short/"),
    }


@pytest.mark.parametrize("width", WIDTHS)
def test_every_newsletter_state_passes_axe(live_site, open_page, subscribers, width):
    page = open_page(width=width)
    failures = {}

    def check(name: str) -> None:
        if violations := axe_violations(page):
            failures[name] = violations
        screenshot(page, f"newsletter-{name}-{width}")

    for language in ("en", "es"):
        for name, url in plain_paths(live_site, language).items():
            page.goto(url)
            check(f"{name}-{language}")
        # The emailed links' pages, before and after their button is pressed, and once more.
        address = subscribers[f"axe{width}", language]
        for kind, count in (("confirm", 1), ("unsubscribe", 2)):
            link = link_in_latest(live_site, address, count, kind)
            page.goto(link)
            check(f"{kind}-ready-{language}")
            with page.expect_navigation():
                page.click("main form button[type=submit]")
            check(f"{kind}-done-{language}")
            page.goto(link)
            check(f"{kind}-already-{language}")
        # The form with an error next to its field and in the summary.
        page.goto(live_site(SIGNUP[language]))
        page.fill("#id_email", "lucia@")
        page.wait_for_timeout(FILL_SECONDS * 1000)
        page.click(".signup__form button[type=submit]")
        page.wait_for_selector(".error-summary")
        check(f"signup-errors-{language}")
    assert failures == {}


def test_every_newsletter_state_is_valid_html(live_site, subscribers, tmp_path):
    pages = {}
    for language in ("en", "es"):
        for name, url in plain_paths(live_site, language).items():
            pages[f"{name}-{language}"] = get(url)
        address = subscribers["nu", language]
        for kind, count in (("confirm", 1), ("unsubscribe", 2)):
            link = link_in_latest(live_site, address, count, kind)
            pages[f"{kind}-ready-{language}"] = get(link)
            pages[f"{kind}-done-{language}"] = post(link, {})[1]
            pages[f"{kind}-already-{language}"] = get(link)
    tokens = {language: form_token(live_site, language) for language in ("en", "es")}
    time.sleep(FILL_SECONDS)
    for language, token in tokens.items():
        fields = {"email": "lucia@", "website": "", "form_started": token}
        status, body = post(live_site(SIGNUP[language]), fields)
        assert status == 200 and b"error-summary" in body
        pages[f"signup-errors-{language}"] = body
    assert "No le enviaremos más el boletín" in pages["unsubscribe-done-es"].decode()
    files = []
    for name, body in pages.items():
        target = tmp_path / f"{name}.html"
        target.write_bytes(body)
        files.append(target)
    assert nu_errors(files) == []
