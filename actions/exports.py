"""What every admin listing of supporters' submissions shares: exports that need a permission of
their own, and cells that a spreadsheet cannot run as formulas."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from wagtail.admin.views.generic.models import IndexView

from core.csv_safety import CSV_CONTENT_TYPE, EXCEL_BOM, neutralize_formula


class ProtectedExportIndexView(IndexView):
    """An index view whose CSV/XLSX export needs `export_permission` as well as view access
    (held by the "Campaign data" group), with every exported cell neutralised, and CSV that
    Excel opens as UTF-8."""

    export_permission: str = ""

    def can_export(self) -> bool:
        return bool(self.export_permission) and self.request.user.has_perm(self.export_permission)

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and self.can_export()

    def stream_csv(self, queryset):
        yield EXCEL_BOM
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = CSV_CONTENT_TYPE
        return response

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return type(row)((field, neutralize_formula(value)) for field, value in row.items())

    def render_to_response(self, context, **response_kwargs):
        if self.is_export and not self.can_export():
            raise PermissionDenied
        return super().render_to_response(context, **response_kwargs)
