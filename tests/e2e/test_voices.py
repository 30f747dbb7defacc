"""Voices in a real browser: the form's states (errors, thank-you) and the wall's filters pass axe
and the Nu checker, and the whole journey works: a visitor adds a voice in Spanish without
JavaScript, a moderator approves it from the admin dashboard, it appears on the Spanish wall and
its author is emailed in Spanish."""

import email
import re
import subprocess
import time
import urllib.parse
import urllib.request
from email.header import decode_header, make_header

import pytest

from tests.e2e.helpers import (
    FILL_SECONDS,
    MANAGE,
    ROOT,
    WIDTHS,
    axe_violations,
    log_in_to_admin,
    nu_errors,
    screenshot,
    site_environment,
)

STATE_PATHS = [
    ("wall-filtered", "/en/voices/?category=veteran&state=TX"),
    ("wall-filtered", "/es/voces/?category=veteran&state=TX"),
    ("wall-empty", "/en/voices/?state=WY"),
    ("wall-empty", "/es/voces/?state=WY&category=lawyer"),
    ("wall-page-2", "/en/voices/?page=2"),
    ("add-voice-thanks", "/en/add-your-voice/?thanks=1"),
    ("add-voice-thanks", "/es/anada-su-voz/?thanks=1"),
]
BAD_VOICE = {
    "name": "   ",
    "email": "not-an-email",
    "quote": "x" * 1600,
    "state": "",
    "website": "",
}
ADD_VOICE = {"en": "/en/add-your-voice/", "es": "/es/anada-su-voz/"}
MODERATOR = ("e2e-moderator", "moderate-voices-e2e")
# A member of Wagtail's "Moderators" group (the voice task's group), not a superuser: the demo
# makes only an administrator, and what a moderator is offered is what the journey checks.
ADD_MODERATOR = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
user, _ = get_user_model().objects.get_or_create(username={username!r})
user.set_password({password!r})
user.save()
user.groups.add(Group.objects.get(name="Moderators"))
"""


def post_form(url: str, data: dict) -> bytes:
    body = urllib.parse.urlencode(data).encode()
    request = urllib.request.Request(url, data=body, method="POST")
    with urllib.request.urlopen(request) as response:  # no CSRF token needed on this page
        return response.read()


def fill_voice(page, name: str, quote: str) -> None:
    page.fill("#voice-name", name)
    page.check("#voice-name_shown_1")  # first name and city
    page.fill("#voice-email", "lucia.e2e@example.org")
    page.fill("#voice-profession", "Enfermera")
    page.fill("#voice-city", "Las Cruces")
    page.select_option("#voice-state", "NM")
    page.check("#voice-category_4")  # family of a victim
    page.fill("#voice-quote", quote)
    page.check("#voice-consent")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_voice_forms_states_and_wall_filters_pass_axe(live_site, open_page, width):
    page = open_page(width=width)
    failures = {}
    for name, path in STATE_PATHS:
        page.goto(live_site(path))
        if violations := axe_violations(page):
            failures[path] = violations
        screenshot(page, f"{name}-{path.split('/')[1]}-{width}")
    for language, path in ADD_VOICE.items():
        page.goto(live_site(path))
        page.fill("#voice-name", "   ")
        page.fill("#voice-quote", "x" * 1600)
        page.wait_for_timeout(FILL_SECONDS * 1000)  # faster, and the spam check says thank you
        page.click(".add-voice__form button[type=submit]")
        page.wait_for_selector(".error-summary")
        assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
        if violations := axe_violations(page):
            failures[f"{path} (errors)"] = violations
        screenshot(page, f"add-voice-errors-{language}-{width}")
    assert failures == {}


def test_the_voice_forms_states_are_valid_html(live_site, tmp_path):
    files = []
    for index, (name, path) in enumerate(STATE_PATHS):
        target = tmp_path / f"{index:02d}-{name}.html"
        target.write_bytes(urllib.request.urlopen(live_site(path)).read())
        files.append(target)
    tokens = {}
    for language, path in ADD_VOICE.items():
        html = urllib.request.urlopen(live_site(path)).read().decode()
        tokens[language] = re.search(r'name="form_started" value="([^"]+)"', html).group(1)
    time.sleep(FILL_SECONDS)  # else the spam check thanks the form instead of showing its errors
    for language, path in ADD_VOICE.items():
        body = post_form(live_site(path), {**BAD_VOICE, "form_started": tokens[language]})
        assert b"error-summary" in body
        target = tmp_path / f"errors-{language}.html"
        target.write_bytes(body)
        files.append(target)
    assert nu_errors(files) == []


def test_a_spanish_voice_from_the_form_to_the_wall(live_site, open_page):
    quote = f"Queremos justicia para todos, sin excepciones {int(time.time())}."
    visitor = open_page(width=360, javascript=False, language="es-ES")
    visitor.goto(live_site("/es/anada-su-voz/"))
    fill_voice(visitor, "Lucía Fernández", quote)
    visitor.wait_for_timeout(FILL_SECONDS * 1000)  # people take longer than the spam check
    visitor.click(".add-voice__form button[type=submit]")
    visitor.wait_for_url(re.compile(r"/es/anada-su-voz/\?thanks=1$"))
    assert visitor.locator("h2#add-voice-thanks-heading").inner_text() == (
        "Gracias por añadir su voz"
    )
    visitor.goto(live_site("/es/voces/?state=NM"))
    assert quote not in visitor.content()

    # The moderator, at 1400 px: the dashboard lists the voice once, with its task and sender;
    # the voice opens with its decisions on top and approves with one visible button.
    moderator = open_page(width=1400, javascript=True)
    add_moderator(live_site)
    log_in_to_admin(moderator, live_site, *MODERATOR)
    panel = moderator.locator("#voices-to-review-section")
    row = panel.locator("tr", has_text="Lucía, Enfermera")
    assert row.count() == 1
    assert "Lucía Fernández, through the Add your voice form" in row.inner_text()
    assert row.locator("td", has_text="Approve voice").count() == 1  # the task, named
    screenshot(moderator, "voices-dashboard-1400")
    row.locator("a.button", has_text="Review").click()
    review = moderator.locator(".voice-review")
    review.wait_for()
    for decision in ("Approve and publish", "Request changes"):
        assert review.get_by_role("button", name=decision, exact=True).is_visible()
    # The footer's main (visible, not folded under the arrow) button approves; no plain Publish.
    main = moderator.locator("footer button[data-workflow-action-name=approve]").first
    assert main.is_visible() and "Approve and Publish" in main.inner_text()
    assert moderator.locator("[name=action-publish]").count() == 0
    screenshot(moderator, "voice-in-review-1400")
    review.get_by_role("button", name="Approve and publish", exact=True).click()
    message = moderator.locator(".messages").inner_text()
    assert "is published on the wall" in message
    assert "lucia.e2e@example.org is being emailed a link to it, in Spanish." in message
    assert "has been updated" not in message
    # Another URL than before: the browser may keep the earlier one for the page cache's max-age.
    visitor.goto(live_site("/es/voces/?state=NM&category=family"))
    assert quote in visitor.content()
    assert visitor.locator(".voice-card__name", has_text="Lucía").count() >= 1
    assert "Lucía Fernández" not in visitor.content()  # she chose to show her first name only
    subjects = email_subjects(live_site.emails())
    assert any(subject.startswith("Hemos recibido su voz") for subject in subjects)
    assert any(subject.startswith("Su voz ya está en el muro") for subject in subjects)


def add_moderator(live_site) -> None:
    username, password = MODERATOR
    subprocess.run(
        [*MANAGE, "shell", "-c", ADD_MODERATOR.format(username=username, password=password)],
        env=site_environment(live_site.mail_dir.parent, live_site.url),
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def email_subjects(files: list[str]) -> list[str]:
    """Decoded subjects of the messages Django's file backend wrote (one or more per file)."""
    subjects = []
    for content in files:
        for raw in content.split("\n" + "-" * 79 + "\n"):
            if raw.strip():
                header = email.message_from_string(raw)["Subject"] or ""
                subjects.append(str(make_header(decode_header(header))))
    return subjects
