"""Admin listings of the imported state data, beside the members of Congress: the state
legislators (read-only, as every import replaces them) and the state imports."""

import django_filters
from django.db.models import Q
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core.us_states import US_STATES
from states.legislator_admin import (
    ChangeCountColumn,
    ImportedDataPermissionPolicy,
    committee_list,
)
from states.models import StateChamber, StateLegislator, StateLegislatorImport
from states.models.legislators import NON_STATES

register_permission_policy(StateLegislator, ImportedDataPermissionPolicy(StateLegislator))
register_permission_policy(
    StateLegislatorImport, ImportedDataPermissionPolicy(StateLegislatorImport)
)

STATE_CHOICES = (*US_STATES, ("PR", NON_STATES["PR"]))
STATE_NAMES = {str(name).lower(): code for code, name in STATE_CHOICES}


class StateLegislatorFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=STATE_CHOICES)
    chamber = django_filters.ChoiceFilter(label=_("Chamber"), choices=StateChamber.choices)

    class Meta:
        model = StateLegislator
        fields = ["state", "chamber"]


class StateLegislatorIndexView(IndexView):
    def search_queryset(self, queryset):
        """A state's name ('Minnesota') finds its members; anything else searches names."""
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        code = STATE_NAMES.get(query.lower())
        if code:
            return queryset.filter(state=code)
        return queryset.filter(
            Q(name__icontains=query) | Q(family_name__icontains=query) | Q(person_id=query)
        )


class StateLegislatorInspectView(InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "committee_list":
            return _("Committees")
        return super().get_field_label(field_name, field)

    def get_offices_display_value(self):
        lines = [
            (office.get("classification", ""), office.get("address", ""), office.get("phone", ""))
            for office in self.object.offices
        ]
        if not lines:
            return "-"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {} {}</li>", lines))

    def get_links_display_value(self):
        links = [(link["url"], link["url"]) for link in self.object.links]
        if not links:
            return "-"
        return format_html(
            "<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', links)
        )

    def get_committee_list_display_value(self):
        return committee_list(self.object)


class StateLegislatorViewSet(ModelViewSet):
    model = StateLegislator
    icon = "group"
    menu_label = _("State legislators")
    index_view_class = StateLegislatorIndexView
    inspect_view_class = StateLegislatorInspectView
    filterset_class = StateLegislatorFilterSet
    list_display = [
        "name",
        Column("title", label=_("Title")),
        "state",
        "chamber",
        "district",
        "party",
        Column("phone", label=_("Phone")),
    ]
    search_fields = ["name"]  # see StateLegislatorIndexView.search_queryset
    ordering = ["state", "chamber", "district", "family_name"]
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        "person_id",
        "name",
        "state",
        "chamber",
        "district",
        "division_id",
        "member_title",
        "party",
        "email",
        "image_url",
        "offices",
        "links",
        "role_started",
        "role_ends",
        "committee_list",
    ]
    form_fields = ["name"]  # never offered (read-only policy); ModelViewSet requires some


class StateLegislatorImportInspectView(InspectView):
    template_name = "states/admin/state_legislator_import_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = self.object
        return context


class StateLegislatorImportViewSet(ModelViewSet):
    model = StateLegislatorImport
    icon = "download"
    menu_label = _("State data imports")
    inspect_view_class = StateLegislatorImportInspectView
    list_display = [
        "__str__",  # date and source, linking to the import's changes
        DateColumn("checked_at", label=_("last checked")),
        "data_published_at",
        "legislator_count",
        "zip_area_count",
        ChangeCountColumn("added", label=_("added")),
        ChangeCountColumn("removed", label=_("removed")),
        ChangeCountColumn("changed", label=_("changed")),
    ]
    ordering = ["-finished_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["source"]  # never offered (read-only policy)
