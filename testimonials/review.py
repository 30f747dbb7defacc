"""Moderating a voice in the admin without hunting for the buttons (issue 19):

- on a voice waiting for review, the editor's main button is "Approve and publish", "Request
  changes" comes next, and no plain "Publish" skips the review (construct_page_action_menu);
- a "Review" panel at the top of the voice's form holds the same decisions as visible buttons
  and says since when the voice waits (the "Submission (private)" panel says who sent it);
- the dashboard lists each waiting voice once, with its task and who sent it ("Voices waiting for
  review"), in place of Wagtail's generic row with an empty circle and a blank "submitted by";
- after approval the message says the voice is live and whether its author is being emailed.
"""

import html
from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext as wagtail_text
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import TaskState

from core.models.outbox import OutboundEmail
from testimonials.choices import language_name_in_sentence, task_name
from testimonials.models import TestimonialPage, VoiceModerationTask, VoiceSubmission

APPROVE, REQUEST_CHANGES = "approve", "reject"
# The author's email is queued once, by the first publication (testimonials.moderation): one
# queued this recently was queued by the approval just made, an older one by an earlier one.
RECENT = timedelta(minutes=5)


def in_review(page) -> bool:
    """Whether the voice waits at a voice moderation task."""
    task = page.current_workflow_task
    return task is not None and isinstance(task.specific, VoiceModerationTask)


def order_review_actions(menu_items: list[ActionMenuItem], page) -> None:
    """Approve first (the button shown), then Request changes; no Publish that skips review."""
    if not isinstance(page, TestimonialPage) or not in_review(page):
        return
    menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
    rank = {APPROVE: 0, REQUEST_CHANGES: 1}
    menu_items.sort(key=lambda item: rank.get(item.name, 2))


def approval_message(page) -> str:
    """What happened to the voice and its author, said after a moderator approved it."""
    submission = VoiceSubmission.objects.filter(page_id=page.pk).first()
    title = page.get_admin_display_title()
    if submission is None:
        detail = _("It was entered by staff, so nobody is emailed.")
    elif page.is_sample:
        detail = _("It is a sample voice, so nobody is emailed.")
    elif not submission.email:
        detail = _("Its author's email address was erased, so nobody is emailed.")
    else:
        email = OutboundEmail.objects.filter(
            idempotency_key=f"voice:{submission.pk}:published"
        ).first()
        if email is None:
            detail = _("Nobody is emailed.")
        elif email.status == OutboundEmail.Status.SUPPRESSED:
            detail = _("%(email)s asked not to get our emails, so nobody is emailed.") % {
                "email": submission.email
            }
        elif email.created_at < timezone.now() - RECENT:
            detail = _("Its author was already emailed when it was first published.")
        else:
            detail = _("%(email)s is being emailed a link to it, in %(language)s.") % {
                "email": submission.email,
                "language": language_name_in_sentence(submission.language),
            }
    return _("The voice ‘%(title)s’ is published on the wall.") % {"title": title} + " " + detail


def after_approval(request, page) -> None:
    """after_edit_page: replace Wagtail's "has been updated" with what approval did."""
    if request.POST.get("workflow-action-name") != APPROVE or not isinstance(
        page.specific, TestimonialPage
    ):
        return
    page = page.specific
    page.refresh_from_db()
    if not page.live:
        return
    # Wagtail's own words, in its own translation (a name makemessages does not collect, so
    # this project's catalogue never shadows Wagtail's).
    generic = wagtail_text("Page '%(page_title)s' has been updated.") % {
        "page_title": page.get_admin_display_title()
    }
    # Reading the queued messages consumes them: keep all but Wagtail's generic one (which its
    # admin stores as escaped HTML).
    kept = [
        m
        for m in messages.get_messages(request)
        if html.unescape(strip_tags(str(m.message))).strip() != generic
    ]
    for message in kept:
        messages.add_message(request, message.level, message.message, message.tags)
    messages.success(request, approval_message(page))


@dataclass
class WaitingVoice:
    page: TestimonialPage
    task_name: str
    sent_by: str
    waiting_since: str


class VoicesToReviewPanel(Component):
    """Dashboard: each voice waiting for this user's review, once."""

    name = "voices_to_review"
    template_name = "testimonials/admin/voices_to_review_panel.html"
    # Above the signatures chart: a waiting voice is the day's task, the chart is context.
    order = 90

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        states = (
            TaskState.objects.reviewable_by(request.user)
            .filter(task__in=VoiceModerationTask.objects.all())
            .select_related("task", "workflow_state")
            .order_by("started_at")
        )
        first_state = {}  # one row per voice, however many task states it has
        for state in states:
            first_state.setdefault(int(state.workflow_state.object_id), state)
        pages = TestimonialPage.objects.filter(pk__in=first_state).select_related("locale")
        names = dict(
            VoiceSubmission.objects.filter(page_id__in=first_state).values_list(
                "page_id", "name_as_typed"
            )
        )
        by_id = {page.pk: page for page in pages}
        voices = [
            WaitingVoice(
                page=by_id[page_id],
                task_name=task_name(state.task),
                sent_by=(
                    _("%(name)s, through the Add your voice form") % {"name": names[page_id]}
                    if page_id in names
                    else _("Entered by staff")
                ),
                waiting_since=date_format(localtime(state.started_at), "DATETIME_FORMAT"),
            )
            for page_id, state in first_state.items()
            if page_id in by_id
        ]
        return {"voices": voices, "request": request}


class OtherItemsToReviewPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", for everything but voices (listed above, better)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["states"] = [
            state for state in context["states"] if not isinstance(state["obj"], TestimonialPage)
        ]
        return context
