"""Admin listings for staff: every email the site sent or failed to send, and the addresses that
bounced or complained (Settings → Email)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from core.models.outbox import OutboundEmail, Suppression
from core.permissions import RecordPermissionPolicy

register_permission_policy(OutboundEmail, RecordPermissionPolicy(OutboundEmail))


class OutboundEmailViewSet(ModelViewSet):
    model = OutboundEmail
    icon = "mail"
    menu_label = _("Outbox")
    list_display = [
        "to_email",
        "template",
        "language",
        "status",
        "attempts",
        "created_at",
        "sent_at",
    ]
    list_filter = ["status", "language", "template"]
    search_fields = ["to_email", "idempotency_key", "provider_message_id"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        "to_email",
        "template",
        "language",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "provider_message_id",
        "last_event",
        "created_at",
        "sent_at",
    ]
    form_fields = ["status"]  # never offered (read-only policy); ModelViewSet requires some


class SuppressionViewSet(ModelViewSet):
    model = Suppression
    icon = "cross"
    menu_label = _("Suppressed addresses")
    list_display = ["email", "reason", "created_at"]
    list_filter = ["reason"]
    search_fields = ["email"]
    copy_view_enabled = False
    form_fields = ["email", "reason", "detail"]


class EmailViewSetGroup(ModelViewSetGroup):
    menu_label = _("Email")
    menu_icon = "mail"
    menu_order = 900
    items = (OutboundEmailViewSet, SuppressionViewSet)
