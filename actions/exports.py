"""What every admin listing of supporters' submissions shares: exports that need a permission of
their own, shown as labelled buttons beside the listing's title, with columns a person can read
(titles, names of states and languages, local times to the minute) in cells that a spreadsheet
cannot run as formulas, and CSV that Excel opens as UTF-8."""

import datetime
from collections.abc import Iterator

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.widgets.button import HeaderButton

from core.csv_safety import CSV_CONTENT_TYPE, EXCEL_BOM, neutralize_formula


def local_minute(value: datetime.datetime) -> datetime.datetime:
    """The site's local time to the minute, as the listing shows it; naive, as spreadsheet
    cells have no time zone."""
    return timezone.localtime(value).replace(tzinfo=None, second=0, microsecond=0)


def yes_no(value: bool) -> str:
    return gettext("Yes") if value else gettext("No")


class ProtectedExportIndexView(IndexView):
    """An index view whose CSV/XLSX export needs `export_permission` as well as view access
    (held by the "Campaign data" group)."""

    export_permission: str = ""

    # Wagtail's own entries, with datetimes (its first key, checked before dates) replaced.
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            IndexView.FORMAT_CSV: lambda value: local_minute(value).strftime("%Y-%m-%d %H:%M"),
            IndexView.FORMAT_XLSX: local_minute,
        },
        bool: {IndexView.FORMAT_CSV: yes_no, IndexView.FORMAT_XLSX: yes_no},
    }

    def can_export(self) -> bool:
        return bool(self.export_permission) and self.request.user.has_perm(self.export_permission)

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and self.can_export()

    @cached_property
    def header_buttons(self):
        """The exports beside the title, labelled, rather than in the unlabelled "⋯" menu."""
        buttons = list(super().header_buttons)
        if self.show_export_buttons:
            buttons += [
                HeaderButton(_("Export to Excel"), url=self.xlsx_export_url, icon_name="download"),
                HeaderButton(_("Export CSV"), url=self.csv_export_url, icon_name="download"),
            ]
        return buttons

    @cached_property
    def header_more_buttons(self):
        exports = {self.xlsx_export_url, self.csv_export_url}
        return [button for button in super().header_more_buttons if button.url not in exports]

    def get_heading(self, queryset, field):
        heading = super().get_heading(queryset, field)
        try:
            model_field = queryset.model._meta.get_field(field)
        except FieldDoesNotExist:
            return heading
        if model_field.get_internal_type() == "DateTimeField":
            return gettext("%(heading)s (%(zone)s time)") % {
                "heading": heading,
                "zone": settings.TIME_ZONE,
            }
        return heading

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        for field in row:
            try:
                model_field = item._meta.get_field(field)
            except FieldDoesNotExist:
                continue
            if model_field.choices and row[field] not in (None, ""):
                # "Texas" and "Español", not "TX" and "es".
                row[field] = getattr(item, f"get_{field}_display")()
        return type(row)((field, neutralize_formula(value)) for field, value in row.items())

    def stream_csv(self, queryset) -> Iterator[str]:
        # The response streams after the view has returned and Wagtail has put the staffer's
        # admin language back, so the rows are written under the language of the request.
        language = translation.get_language()

        def rows() -> Iterator[str]:
            with translation.override(language):
                yield EXCEL_BOM
                yield from super(ProtectedExportIndexView, self).stream_csv(queryset)

        return rows()

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = CSV_CONTENT_TYPE
        return response

    def render_to_response(self, context, **response_kwargs):
        if self.is_export and not self.can_export():
            raise PermissionDenied
        return super().render_to_response(context, **response_kwargs)
