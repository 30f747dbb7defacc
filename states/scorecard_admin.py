"""The admin's record of scorecard imports: who ran each, when, from where, and what it
changed, the latest in full above the table (as for the legislator imports)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from states.legislator_admin import ImportedDataPermissionPolicy
from states.models import ScorecardImport

register_permission_policy(ScorecardImport, ImportedDataPermissionPolicy(ScorecardImport))


class ScorecardImportIndexView(IndexView):
    template_name = "states/admin/scorecard_import_index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_import"] = ScorecardImport.objects.order_by("-finished_at").first()
        return context


class ScorecardImportInspectView(InspectView):
    template_name = "states/admin/scorecard_import_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = self.object
        return context


class ScorecardImportViewSet(ModelViewSet):
    model = ScorecardImport
    icon = "download"
    menu_label = _("Scorecard imports")
    index_view_class = ScorecardImportIndexView
    inspect_view_class = ScorecardImportInspectView
    list_display = ["__str__", "run_by", "added", "changed", "unchanged", "kept"]
    ordering = ["-finished_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["source"]  # never offered (read-only policy); ModelViewSet requires some
