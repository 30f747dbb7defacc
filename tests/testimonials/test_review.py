"""Moderation that a comms staffer gets right the first time (issue 19): a voice in review shows
its decisions as buttons and "Approve and publish" as the main button, with no plain "Publish"
that skips review; the dashboard lists each waiting voice once with its task and sender; the
message after approval says the voice is live and whether its author is being emailed."""

import re
from html.parser import HTMLParser

import pytest

from testimonials.models import TestimonialPage
from tests.testimonials.helpers import only_voice, submit

pytestmark = pytest.mark.django_db


class EditForm(HTMLParser):
    """The values a browser would send from Wagtail's edit form as it stands."""

    def __init__(self, html: str):
        super().__init__()
        self.data: list[tuple[str, str]] = []
        self._select = self._textarea = None
        self._in_form = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "data-edit-form" in attrs:
            self._in_form = True
        if not self._in_form or ("name" not in attrs and tag != "option"):
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            if kind not in ("submit", "button", "file"):
                self.data.append((attrs["name"], attrs.get("value") or default))
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.data.append((self._textarea, ""))

    def handle_data(self, data):
        if self._textarea:
            name, value = self.data[-1]
            self.data[-1] = (name, value + data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


@pytest.fixture
def waiting_voice(client, add_voice, moderator, django_capture_on_commit_callbacks):
    submit(client, add_voice, capture=django_capture_on_commit_callbacks)
    return only_voice()


def edit_page(client, user, voice) -> str:
    client.force_login(user)
    return client.get(f"/admin/pages/{voice.pk}/edit/").content.decode()


def test_the_voice_editor_leads_with_the_decisions_and_offers_no_publish(
    client, moderator, waiting_voice
):
    html = edit_page(client, moderator, waiting_voice)
    review = html[html.index('class="voice-review"') :]
    buttons = re.findall(r'data-workflow-action-name="(\w+)"[^>]*>([^<]+)</button>', review)
    assert buttons[:3] == [
        ("approve", "Approve and publish"),
        ("reject", "Request changes"),
        ("decline", "Reject (never publish)"),
    ]
    footer = html[html.index("<footer") :]
    # The main button at the bottom approves; nothing publishes without the review.
    first = re.search(r"<button[^>]*>(.*?)</button>", footer, re.S).group(0)
    assert 'data-workflow-action-name="approve"' in first and "Approve and Publish" in first
    assert 'name="action-publish"' not in footer
    # Under the arrow, the decisions come first: approve, approve with a comment,
    # request changes, reject; Save draft after them.
    order = re.findall(r'data-workflow-action-name="(\w+)"', footer)
    assert order == ["approve", "approve", "reject", "decline"]
    assert footer.index("Request changes") < footer.index("Save draft")


def test_an_ordinary_page_keeps_its_publish_button(client, moderator, home_page, admin_user):
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{home_page.pk}/edit/").content.decode()
    assert 'name="action-publish"' in html


def test_the_dashboard_lists_each_waiting_voice_once_with_task_and_sender(
    client, moderator, waiting_voice
):
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    panel = html[html.index('id="voices-to-review-section"') :]
    panel = panel[: panel.index("</table>")]
    assert panel.count(f"/admin/pages/{waiting_voice.pk}/edit/") == 2  # title and Review
    assert f"<td>{waiting_voice.current_workflow_task.name}</td>" in panel
    assert "Ana López, through the Add your voice form" in panel
    # Not again in Wagtail's generic list.
    assert 'id="awaiting-review-section"' not in html


def test_approving_says_the_voice_is_live_and_its_author_emailed(
    client, moderator, waiting_voice, django_capture_on_commit_callbacks
):
    html = edit_page(client, moderator, waiting_voice)
    data: dict[str, list[str]] = {}
    for name, value in EditForm(html).data:
        data.setdefault(name, []).append(value)
    data.update({"action-workflow-action": ["true"], "workflow-action-name": ["approve"]})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{waiting_voice.pk}/edit/", data, follow=True)
    voice = TestimonialPage.objects.get(pk=waiting_voice.pk)
    assert voice.live
    said = [str(message) for message in response.context["messages"]]
    assert len(said) == 1, said
    assert "is published on the wall" in said[0]
    assert "ana@example.org is being emailed a link to it, in English." in said[0]
    assert "has been updated" not in said[0]
