"""The subscribers listing for staff: filter, search, export as CSV or XLSX (with a permission
of its own, `actions.export_subscriber`, held by the "Campaign data" group)."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from actions.models import Subscriber
from home.permissions import RecordPermissionPolicy

register_permission_policy(Subscriber, RecordPermissionPolicy(Subscriber))

EXPORT_PERMISSION = "actions.export_subscriber"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """A spreadsheet would run a cell starting with = + - @ as a formula (CSV injection): an
    apostrophe makes it plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SubscriberIndexView(IndexView):
    def can_export(self) -> bool:
        return self.request.user.has_perm(EXPORT_PERMISSION)

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and self.can_export()

    def get_queryset(self):
        return super().get_queryset().select_related("source_page")

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return type(row)((field, neutralise_formula(value)) for field, value in row.items())

    def render_to_response(self, context, **response_kwargs):
        if self.is_export and not self.can_export():
            raise PermissionDenied
        return super().render_to_response(context, **response_kwargs)


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
        "consent_text",
    ]
    export_filename = "newsletter-subscribers"
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["first_name"]  # never offered: the policy allows no add or edit
