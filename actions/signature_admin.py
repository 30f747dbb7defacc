"""Signatures for staff: listed, filtered by action, date, source and language, exported as CSV
or XLSX. Only the "Campaign data" group holds the permissions (view_signature and
export_signature): an editor who can edit a petition cannot read who signed it."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale, Page
from wagtail.permissions import register_permission_policy

from actions.exports import ProtectedExportIndexView
from actions.models import PetitionPage, PledgePage, Signature
from core.permissions import RecordPermissionPolicy

register_permission_policy(Signature, RecordPermissionPolicy(Signature))

SOURCE_CHOICES_LIMIT = 200


def action_choices() -> list[tuple[str, str]]:
    """Every petition and pledge once (all its languages share one key), by its source title."""
    pages = (
        Page.objects.type(PetitionPage, PledgePage)
        .filter(locale=Locale.get_default())
        .order_by("title")
        .values_list("translation_key", "title")
    )
    return [(str(key), title) for key, title in pages]


def source_choices() -> list[tuple[str, str]]:
    sources = (
        Signature.objects.exclude(source="")
        .order_by("source")
        .values_list("source", flat=True)
        .distinct()[:SOURCE_CHOICES_LIMIT]
    )
    return [(source, source) for source in sources]


def campaign_choices() -> list[tuple[str, str]]:
    campaigns = (
        Signature.objects.exclude(utm_campaign="")
        .order_by("utm_campaign")
        .values_list("utm_campaign", flat=True)
        .distinct()[:SOURCE_CHOICES_LIMIT]
    )
    return [(campaign, campaign) for campaign in campaigns]


class SignatureFilterSet(WagtailFilterSet):
    action_key = django_filters.ChoiceFilter(label=_("Action"), choices=action_choices)
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Signed between"), widget=DateRangePickerWidget
    )
    source = django_filters.ChoiceFilter(label=_("Source"), choices=source_choices)
    utm_campaign = django_filters.ChoiceFilter(label=_("Campaign"), choices=campaign_choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)

    class Meta:
        model = Signature
        fields = ["action_key", "created_at", "source", "utm_campaign", "language"]


class SignatureIndexView(ProtectedExportIndexView):
    export_permission = "actions.export_signature"

    def get_queryset(self):
        return super().get_queryset().select_related("action")


class SignatureViewSet(ModelViewSet):
    model = Signature
    index_view_class = SignatureIndexView
    filterset_class = SignatureFilterSet
    icon = "form"
    menu_label = _("Signatures")
    menu_order = 240
    add_to_admin_menu = True
    list_display = [
        "created_at",
        "first_name",
        "last_name",
        "email",
        "state",
        "language",
        "source",
        "action",
    ]
    search_fields = ["email", "first_name", "last_name", "zip_code"]
    ordering = ["-created_at"]
    list_export = [
        "created_at",
        "action",
        "first_name",
        "last_name",
        "email",
        "zip_code",
        "state",
        "country",
        "language",
        "source",
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "public",
        "newsletter",
        "consent_text",
    ]
    export_headings = {
        "action": _("Action (the page signed, in its language)"),
        # The tags' own names, as analytics tools and the campaign's links spell them.
        "utm_source": "utm_source",
        "utm_medium": "utm_medium",
        "utm_campaign": "utm_campaign",
    }
    export_filename = "signatures"
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["first_name"]  # never offered: the policy allows no add or edit
