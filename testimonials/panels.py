"""The read-only "Submission" panel on a voice's edit page: who sent it, their email and the consent
they gave, for staff only. The values come from VoiceSubmission, not from the page's form, so they
are never saved into a revision or copied into a translation."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


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
                from testimonials.models import VoiceSubmission

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
