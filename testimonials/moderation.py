"""Moderating voices through Wagtail's workflow, with every email sent through the outbox.

- The "Voice moderation" workflow (created by migration 0002 with a VoiceModerationTask for the
  "Moderators" group) is assigned to each wall, in every language, as the wall is created.
- A submitted voice starts it with no user (the submitter has no account). Moderators see it in
  their dashboard, approve it (which publishes it), ask for changes, or reject it for good.
- Wagtail's own workflow emails are switched off for voices (testimonials/notifiers.py): it sends
  them from the web request, bypassing the outbox, and they would duplicate ours. Instead
  `on_task_submitted` queues one outbox email per moderator, in their admin language.
- Publishing a submitted voice queues "your voice is live" to the submitter, once.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage, WorkflowState
from wagtail.models.pages import PagePermissionTester
from wagtail.users.models import UserProfile

from core import serving
from core.outbox import queue_email
from core.outbox.api import InvalidRecipient
from testimonials.models import TestimonialPage, VoiceModerationTask, VoiceSubmission

logger = logging.getLogger(__name__)

MODERATORS_GROUP = "Moderators"
MODERATOR_PAGE_PERMISSIONS = ("change_page", "publish_page")

_quiet: ContextVar[bool] = ContextVar("voice_moderation_quiet", default=False)


@contextmanager
def quietly():
    """Demo content starts workflows without emailing anyone."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def voice_workflow() -> Workflow | None:
    """The active workflow that has a voice moderation task (the migration's, unless renamed)."""
    tasks = VoiceModerationTask.objects.filter(active=True)
    return (
        Workflow.objects.active()
        .filter(workflow_tasks__task__in=tasks)
        .order_by("pk")
        .distinct()
        .first()
    )


def ensure_moderation(wall) -> None:
    """Give a wall the voice workflow and let Moderators edit and publish the voices under it.
    Called when a wall is created, in any language (wagtail-localize creates translations as
    new pages, which do not inherit the source's workflow)."""
    workflow = voice_workflow()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=wall, defaults={"workflow": workflow})
    group = Group.objects.filter(name=MODERATORS_GROUP).first()
    if group is None:
        return
    page_type = ContentType.objects.get_by_natural_key("wagtailcore", "page")
    for codename in MODERATOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type=page_type, codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=wall, permission=permission)


def has_voice_task(workflow: Workflow | None) -> bool:
    return (
        workflow is not None
        and workflow.workflow_tasks.filter(
            task__in=VoiceModerationTask.objects.filter(active=True)
        ).exists()
    )


def start_moderation(page) -> WorkflowState:
    """Put a draft voice in the moderators' queue. Always the voice workflow: a wall that lost
    its own would otherwise hand the voice to an ancestor's, the site's generic approval: no
    Decline, no Review panel, and listed in neither of the dashboard's review panels."""
    workflow = page.get_workflow()
    if not has_voice_task(workflow):
        ensure_moderation(page.get_parent().specific)
        workflow = voice_workflow()
    if workflow is None:
        raise RuntimeError("No active voice moderation workflow: run the migrations.")
    # No user: the submitter has no account. Wagtail records the request as anonymous.
    return workflow.start(page, user=None)


def is_voice_state(instance) -> bool:
    """Whether a WorkflowState or TaskState concerns a voice (no query: content types are cached)."""
    workflow_state = getattr(instance, "workflow_state", instance)
    model = ContentType.objects.get_for_id(workflow_state.content_type_id).model_class()
    return model is not None and issubclass(model, TestimonialPage)


def _site_languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def moderator_language(user) -> str:
    """The moderator's chosen admin language, else the site's default: not the language of the
    request that happens to trigger the email (a Spanish submission)."""
    language = UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE
    language = language.split("-")[0]
    return language if language in _site_languages() else settings.LANGUAGE_CODE


def moderators_for(task) -> list:
    """The people who can act on this task and want to hear about submissions."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    groups = getattr(task, "groups", None)
    in_groups = users.filter(groups__in=groups.all()) if groups is not None else users.none()
    if getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True):
        in_groups = in_groups | users.filter(is_superuser=True)
    return [
        user
        for user in in_groups.distinct().order_by("pk")
        # The "submitted" switch in each moderator's Wagtail account settings still applies.
        if UserProfile.get_for_user(user).submitted_notifications
    ]


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def review_email_context(page, language: str) -> dict:
    with translation.override(language):
        return {
            "name": page.public_name,
            "profession": page.profession,
            "city": page.city,
            "state": page.state_name,
            "category": str(page.get_category_display()),
            "voice_language": page.original_language_name,
            "quote": page.quote,
            "review_url": _absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
            "dashboard_url": _absolute(reverse("wagtailadmin_home")),
        }


def on_task_submitted(sender, instance=None, user=None, **kwargs) -> None:
    """task_submitted: a voice reached a moderation step, first or again after changes (Wagtail
    resumes a workflow by starting its task again). It is pending, and each moderator gets one
    email, queued in the transaction that submitted it."""
    if instance is None or not is_voice_state(instance):
        return
    page = instance.workflow_state.content_object.specific
    VoiceSubmission.objects.filter(
        page_id=page.pk, status=VoiceSubmission.Status.CHANGES_REQUESTED
    ).update(status=VoiceSubmission.Status.PENDING)
    if _quiet.get():
        return
    task = instance.task.specific
    for moderator in moderators_for(task):
        if user is not None and moderator.pk == user.pk:
            continue
        language = moderator_language(moderator)
        try:
            queue_email(
                to=moderator.email,
                template="testimonials/emails/voice_to_review",
                language=language,
                context=review_email_context(page, language),
                idempotency_key=f"voice-review:{instance.pk}:{moderator.pk}",
            )
        except InvalidRecipient:
            logger.warning("Moderator %s has an address we cannot email", moderator.pk)


def on_workflow_rejected(sender, instance=None, user=None, **kwargs) -> None:
    """workflow_rejected is Wagtail's "request changes": the voice waits for an edit."""
    if instance is None or not is_voice_state(instance):
        return
    VoiceSubmission.objects.filter(page_id=instance.object_id).exclude(
        status__in=VoiceSubmission.CLOSED_STATUSES
    ).update(
        status=VoiceSubmission.Status.CHANGES_REQUESTED,
        reviewed_at=timezone.now(),
        reviewed_by=user,
        review_note=instance.current_task_state.comment if instance.current_task_state else "",
    )


def public_url(page) -> str:
    _site_id, _root, path = page.get_url_parts()
    return _absolute(path)


def on_page_published(sender, instance=None, **kwargs) -> None:
    """page_published for a voice: tell its submitter, once, in their language. Translations
    have no submission of their own, so they never email anyone."""
    if instance is None or _quiet.get():
        return
    with transaction.atomic():
        submission = VoiceSubmission.objects.select_for_update().filter(page_id=instance.pk).first()
        if submission is None or submission.published_notified_at is not None:
            return
        now = timezone.now()
        submission.status = VoiceSubmission.Status.PUBLISHED
        submission.published_notified_at = now
        if submission.reviewed_at is None:
            submission.reviewed_at = now
        fields = ["status", "published_notified_at", "reviewed_at"]
        submission.save(update_fields=fields)
        if not submission.email or instance.is_sample:
            return  # demo samples email nobody
        with translation.override(submission.language):
            url = public_url(instance)
        queue_email(
            to=submission.email,
            template="testimonials/emails/voice_published",
            language=submission.language,
            context={"name": submission.name_as_typed, "quote": instance.quote, "url": url},
            idempotency_key=f"voice:{submission.pk}:published",
        )


@transaction.atomic
@serving.handles("decline", VoiceModerationTask)
def decline(task_state, user, comment: str = "") -> None:
    """Reject a voice for good: the task is marked rejected (with the moderator's note), the
    workflow is closed, and the voice can never be published or resubmitted."""
    workflow_state = task_state.workflow_state
    page = workflow_state.content_object.specific
    task_state.reject(user=user, update=False, comment=comment)
    workflow_state.cancel(user=user)
    if page.live:  # an edit of a published voice was rejected: the voice comes down too
        page.unpublish(user=user)
    VoiceSubmission.objects.filter(page_id=page.pk).update(
        status=VoiceSubmission.Status.REJECTED,
        reviewed_at=timezone.now(),
        reviewed_by=user,
        review_note=comment,
    )


@transaction.atomic
def archive(submission, user=None) -> None:
    """Archive a rejected voice: it stays unpublished, and the email we kept only to contact the
    person is erased, and the ZIP code (a rejected voice goes in no packet)."""
    submission.status = VoiceSubmission.Status.ARCHIVED
    submission.archived_at = timezone.now()
    submission.email = ""
    submission.zip_code = ""
    submission.save(update_fields=["status", "archived_at", "email", "zip_code"])


@serving.handles("declined_permissions", TestimonialPage)
class DeclinedVoicePermissionTester(PagePermissionTester):
    """A rejected voice can still be read and edited by staff, never published or resubmitted."""

    def can_publish(self):
        return False

    def can_submit_for_moderation(self):
        return False
