"""Moderation that a comms staffer gets right the first time (issue 19): a voice in review shows
its decisions as buttons and "Approve and publish" as the main button, with no plain "Publish"
that skips review; the dashboard lists each waiting voice once with its task and sender; the
message after approval says the voice is live and whether its author is being emailed."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.utils import timezone

from core.models.outbox import OutboundEmail, Suppression
from testimonials.factories import TestimonialPageFactory, VoiceSubmissionFactory
from testimonials.models import TestimonialPage
from testimonials.review import after_approval, approval_message
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


def voice_with(
    wall,
    *,
    submitted=True,
    sample=False,
    email="ana@example.org",
    published_ago=None,
    suppressed=False,
):
    """A live voice and its submission (unless staff entered it). With `published_ago`, it is
    published as a moderator's approval publishes it, which queues its author's email (to an
    address that asked for none, with `suppressed`), and that email is made as old as given."""
    voice = TestimonialPageFactory(
        parent=wall, is_sample=sample, name="Ana López", live=published_ago is None
    )
    if not submitted:
        return voice
    VoiceSubmissionFactory(page=voice, email=email, language="es")
    if published_ago is not None:
        if suppressed:
            Suppression.objects.create(email=email, reason=Suppression.Reason.COMPLAINED)
        voice.save_revision().publish()
        OutboundEmail.objects.filter(to_email=email).update(
            created_at=timezone.now() - published_ago
        )
    return voice


@pytest.mark.parametrize(
    ("voice", "said"),
    [
        ({"submitted": False}, "It was entered by staff, so nobody is emailed."),
        ({"sample": True}, "It is a sample voice, so nobody is emailed."),
        ({"email": ""}, "Its author's email address was erased, so nobody is emailed."),
        ({}, "Nobody is emailed."),
        (
            {"published_ago": timedelta(0), "suppressed": True},
            "ana@example.org asked not to get our emails, so nobody is emailed.",
        ),
        (
            {"published_ago": timedelta(days=3)},
            "Its author was already emailed when it was first published.",
        ),
        (
            {"published_ago": timedelta(seconds=5)},
            "ana@example.org is being emailed a link to it, in Spanish.",
        ),
    ],
    ids=["staff", "sample", "erased", "no-email", "suppressed", "emailed-before", "emailed-now"],
)
def test_the_approval_message_says_who_is_emailed(wall, voice, said):
    page = voice_with(wall, **voice)
    message = approval_message(page)
    assert message == f"The voice ‘{page.title}’ is published on the wall. {said}"


def approve_request(rf, *queued: str):
    request = rf.post("/admin/pages/1/edit/", {"workflow-action-name": "approve"})
    request.session = {}
    request._messages = FallbackStorage(request)
    for text in queued:
        messages.success(request, text)
    return request


def shown_next(rf, request) -> list[str]:
    """The messages the next page shows: stored with the response, read by the next request."""
    response = HttpResponse()
    request._messages.update(response)
    following = rf.get("/admin/", HTTP_COOKIE=response.cookies.output(header="", sep=";"))
    following.session = request.session
    following._messages = FallbackStorage(following)
    return [str(message.message) for message in messages.get_messages(following)]


def test_after_approval_wagtails_generic_message_gives_way_the_others_stay(rf, wall):
    page = voice_with(wall, submitted=False)
    generic = f"Page &#x27;{page.title}&#x27; has been updated."  # as Wagtail's admin stores it
    request = approve_request(rf, generic, "Comment saved.")
    after_approval(request, page)
    assert shown_next(rf, request) == ["Comment saved.", approval_message(page)]


def test_after_approval_of_a_voice_that_did_not_go_live_nothing_is_said(rf, wall):
    page = voice_with(wall, submitted=False)
    page.unpublish()
    request = approve_request(rf, "Page 'x' has been updated.")
    after_approval(request, page)
    assert shown_next(rf, request) == ["Page 'x' has been updated."]
