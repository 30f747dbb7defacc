"""The subscribers listing for staff: filter, search, export as CSV or XLSX (with a permission
of its own, `actions.export_subscriber`, held by the "Campaign data" group)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from actions.exports import ProtectedExportIndexView
from actions.models import Subscriber
from core.permissions import RecordPermissionPolicy

register_permission_policy(Subscriber, RecordPermissionPolicy(Subscriber))


class SubscriberIndexView(ProtectedExportIndexView):
    export_permission = "actions.export_subscriber"

    def get_queryset(self):
        return super().get_queryset().select_related("source_page")


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    index_view_class = SubscriberIndexView
    icon = "mail"
    menu_label = _("Newsletter")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["email", "first_name", "language", "status", "created_at", "confirmed_at"]
    list_filter = {
        "status": ["exact"],
        "language": ["exact"],
        "created_at": ["gte", "lte"],
    }
    search_fields = ["email", "first_name"]
    ordering = ["-created_at"]
    list_export = [
        "email",
        "first_name",
        "language",
        "status",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "source_page",
        "source",
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "consent_text",
    ]
    export_headings = {
        "source_page": _("Signed up on (page)"),
        "source": _("Source code"),
        "utm_source": "utm_source",
        "utm_medium": "utm_medium",
        "utm_campaign": "utm_campaign",
    }
    export_filename = "newsletter-subscribers"
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["first_name"]  # never offered: the policy allows no add or edit
