"""Admin listings of the imported Congress data: the members (read-only, since every import
replaces them) and the imports themselves, the latest with what it changed."""

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core.permissions import RecordPermissionPolicy
from core.us_states import US_STATES
from states.models import Legislator, LegislatorImport
from states.models.legislators import NON_STATES


class ImportedDataPermissionPolicy(RecordPermissionPolicy):
    """Staff with the view permission read these rows; nobody adds, edits or deletes them by
    hand, because the next import would silently undo it (docs/legislators.md)."""

    read_only_actions = {"add", "change", "copy", "delete"}


register_permission_policy(Legislator, ImportedDataPermissionPolicy(Legislator))
register_permission_policy(LegislatorImport, ImportedDataPermissionPolicy(LegislatorImport))

STATE_CODES = {code for code, _name in US_STATES} | set(NON_STATES)
STATE_NAMES = {str(name).lower(): code for code, name in US_STATES}


class LegislatorIndexView(IndexView):
    def search_queryset(self, queryset):
        """A postal code ('CO') or state name ('Colorado') finds the state's members; anything
        else searches names and Bioguide ids."""
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        code = query.upper() if query.upper() in STATE_CODES else STATE_NAMES.get(query.lower())
        if code:
            return queryset.filter(state=code)
        return queryset.filter(
            Q(full_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(bioguide_id__iexact=query)
        )


class LegislatorInspectView(InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "offices":
            return _("District offices")
        if field_name == "committee_list":
            return _("Committees")
        return super().get_field_label(field_name, field)

    def get_offices_display_value(self):
        offices = self.object.offices.all()
        if not offices:
            return "-"
        lines = []
        for office in offices:
            place = " ".join(p for p in (office.state, office.zip_code) if p)
            parts = (office.address, office.suite, office.building, office.city, place)
            lines.append((", ".join(p for p in parts if p), office.phone))
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{} {}</li>", lines))

    def get_district_display_value(self):
        if self.object.district is None:
            return "-"
        return self.object.district or _("at large")

    def get_committee_list_display_value(self):
        return committee_list(self.object)


def committee_list(member) -> str:
    """A member's committee seats, by committee name, with their role where there is one (a
    member of Congress or of a state legislature: both have committee_memberships)."""
    seats = member.committee_memberships.select_related("committee").order_by("committee__name")
    names = [
        f"{seat.committee.name} ({seat.role})" if seat.role else seat.committee.name
        for seat in seats
    ]
    return ", ".join(names) or "-"


class LegislatorViewSet(ModelViewSet):
    model = Legislator
    icon = "group"
    menu_label = _("Members of Congress")
    index_view_class = LegislatorIndexView
    inspect_view_class = LegislatorInspectView
    list_display = [
        "full_name",
        Column("title", label=_("Title")),
        Column("seat", label=_("Seat")),
        "party",
        "phone",
    ]
    list_filter = ["chamber", "party"]
    search_fields = ["full_name"]  # see LegislatorIndexView.search_queryset
    ordering = ["state", "-chamber", "district", "last_name"]
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        "bioguide_id",
        "full_name",
        "chamber",
        "state",
        "district",
        "party",
        "phone",
        "office_address",
        "website",
        "contact_form_url",
        "term_end",
        "offices",
        "committee_list",
    ]
    form_fields = ["full_name"]  # never offered (read-only policy); ModelViewSet requires some


class LegislatorImportIndexView(IndexView):
    """The imports, newest first, with the latest one's changes in full above the table."""

    template_name = "states/admin/legislator_import_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_import"] = LegislatorImport.latest_or_none()
        return context


class LegislatorImportInspectView(InspectView):
    template_name = "states/admin/legislator_import_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = self.object
        return context


class ChangeCountColumn(Column):
    def get_value(self, instance):
        return len(getattr(instance, self.accessor) or [])


class DataPublishedColumn(Column):
    """The publisher's date of the data, as a date (not "3 months ago"), or "unknown"."""

    def get_value(self, instance):
        value = instance.data_published_at
        if value is None:
            return _("unknown")
        return date_format(timezone.localtime(value), "DATE_FORMAT")


class LegislatorImportViewSet(ModelViewSet):
    model = LegislatorImport
    icon = "download"
    menu_label = _("Congress data imports")
    index_view_class = LegislatorImportIndexView
    inspect_view_class = LegislatorImportInspectView
    list_display = [
        "__str__",  # date and source, linking to the import's changes
        DateColumn("checked_at", label=_("last checked")),
        DataPublishedColumn("data_published_at", label=_("data published")),
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
