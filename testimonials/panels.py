"""The read-only "Submission" panel on a voice's edit page: who sent it, their email and the consent
they gave, for staff only. The values come from VoiceSubmission, not from the page's form, so they
are never saved into a revision or copied into a translation."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from testimonials.choices import task_name


class SubmissionPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Submission (private)"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "testimonials/admin/submission_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.submission = None
            if self.instance is not None and self.instance.pk:
                # By name: testimonials.models imports these panels.
                VoiceSubmission = apps.get_model("testimonials", "VoiceSubmission")
                self.submission = (
                    VoiceSubmission.objects.select_related("reviewed_by")
                    .filter(page_id=self.instance.pk)
                    .first()
                )

        def is_shown(self):
            return self.submission is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["submission"] = self.submission
            return context


class ReviewPanel(Panel):
    """At the top of a voice waiting for review: since when it waits, and the moderator's
    decisions as buttons (the same ones as in the menu at the bottom, which Wagtail's editor
    script wires to the form, so edits made before deciding are saved with the decision)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Review"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "testimonials/admin/review_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.task_state = None
            self.actions = []
            page = self.instance
            if page is not None and page.pk and self.request is not None:
                self.task_state = page.current_workflow_task_state
                if self.task_state is not None:
                    task = self.task_state.task.specific
                    self.actions = list(task.get_actions(page, self.request.user))

        def is_shown(self):
            return bool(self.actions)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            # Approve (no comment) first and foremost, then the other decisions; approving with
            # a comment stays in the menu at the bottom.
            decisions = [(_("Approve and publish"), "approve", False)]
            decisions += [
                (label, name, launch_modal)
                for name, label, launch_modal in self.actions
                if name != "approve"
            ]
            context.update(
                {
                    "page": self.instance,
                    "task_state": self.task_state,
                    "task_name": task_name(self.task_state.task),
                    "decisions": decisions,
                }
            )
            return context
