"""Wagtail's workflow emails, minus those about voices (testimonials/moderation.py sends its own
through the outbox, from a background task, to the Moderators group in each one's language).

Wagtail connects its notifiers in wagtail.admin's ready(), which may run before or after ours:
disconnecting first and connecting under Wagtail's own dispatch_uid works in either order (a
later connect with a uid already present is ignored)."""

from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from testimonials.moderation import is_voice_state


class ExceptVoices:
    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and not is_voice_state(instance)


class TaskSubmissionNotifier(ExceptVoices, GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmissionNotifier(ExceptVoices, WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowApprovalNotifier(ExceptVoices, WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectionNotifier(ExceptVoices, WorkflowStateRejectionEmailNotifier):
    pass


# (signal, sender, Wagtail's dispatch_uid, our notifier)
REPLACEMENTS = (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmissionNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmissionNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectionNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovalNotifier(),
    ),
)


def replace_wagtail_notifiers() -> None:
    for signal, sender, dispatch_uid, notifier in REPLACEMENTS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid, weak=False)
