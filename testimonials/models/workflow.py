"""The moderation step of the "Voice moderation" workflow: Wagtail's group approval, plus a real
rejection. Wagtail's own "reject" only asks for changes (the voice can be resubmitted); a voice
that must never be published needs a decision that closes it."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from core import serving

DECLINE = "decline"


class VoiceModerationTask(AbstractGroupApprovalTask):
    def get_actions(self, obj, user):
        actions = list(super().get_actions(obj, user))
        if actions:
            # Wagtail's "reject" is labelled "Request changes"; ours closes the voice for good.
            actions.append((DECLINE, _("Reject (never publish)"), True))
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == DECLINE:
            # testimonials.moderation.decline, which imports these models.
            decline = serving.handler(self, "decline")
            decline(task_state, user, comment=kwargs.get("comment", ""))
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve a submitted voice (which publishes it), ask "
            "for changes, or reject it for good."
        )

    class Meta:
        verbose_name = _("voice moderation task")
        verbose_name_plural = _("voice moderation tasks")
