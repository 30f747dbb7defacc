"""What the staff reports of counts per legislator share (letters written, calls made): the
action pages to filter by, the period, each legislator's seat, and the CSV and XLSX downloads.
Counts only: the rows they count hold nothing about the people who acted. Each report needs its
own view permission, held by the "Campaign data" group."""

import csv
import io
import uuid
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from openpyxl import Workbook
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page

from core.csv_safety import CSV_CONTENT_TYPE, EXCEL_BOM, neutralize_formula
from states.models import Chamber, Legislator, StateChamber, StateLegislator

PERIODS = {"all": None, "30": 30, "7": 7}
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def action_pages(page_model) -> list[tuple[str, str]]:
    """Every page of the type once (its languages share one key), by its source title."""
    pages = (
        Page.objects.type(page_model)
        .filter(locale=Locale.get_default())
        .order_by("title")
        .values_list("translation_key", "title")
    )
    return [(str(key), title) for key, title in pages]


def seats(ids) -> dict[str, str]:
    """Each legislator's seat ('CO-7'; a state legislator's 'MN House 63A'), in two queries."""
    ids = list(ids)
    found = {member.pk: member.seat for member in Legislator.objects.filter(pk__in=ids)}
    found.update(
        (member.pk, f"{member.state} {member.get_chamber_display()} {member.district}")
        for member in StateLegislator.objects.filter(pk__in=[i for i in ids if "/" in i])
    )
    return found


def chamber_label(chamber: str) -> str:
    return str({**dict(Chamber.choices), **dict(StateChamber.choices)}.get(chamber, chamber))


class LegislatorCountsReport(WagtailAdminTemplateMixin, TemplateView):
    """A report filtered by action page and period, downloadable as CSV or XLSX. Subclasses
    name `permission`, `page_model`, `model` (rows with action_key and created_at),
    `export_name`, and give `table(rows)`: the header and the rows of the download."""

    permission = ""
    page_model = None
    model = None
    export_name = "report"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.pages = action_pages(self.page_model)
        self.action_key = self._valid_key(request.GET.get("page", ""))
        self.period = request.GET.get("period", "all")
        if self.period not in PERIODS:
            self.period = "all"
        export = request.GET.get("export")
        if export == "csv":
            return self.csv_response()
        if export == "xlsx":
            return self.xlsx_response()
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        # Home › the report's name, which the header shows (Wagtail's default shows Home alone).
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def _valid_key(self, value: str) -> str:
        try:
            key = str(uuid.UUID(value))
        except ValueError:
            return ""
        return key if key in dict(self.pages) else ""

    def rows(self):
        rows = self.model.objects.all()
        if self.action_key:
            rows = rows.filter(action_key=self.action_key)
        days = PERIODS[self.period]
        if days:
            rows = rows.filter(created_at__gte=timezone.now() - timedelta(days=days))
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "pages": self.pages,
                "selected_page": self.action_key,
                "periods": [
                    ("all", _("All time")),
                    ("30", _("Last 30 days")),
                    ("7", _("Last 7 days")),
                ],
                "selected_period": self.period,
            }
        )
        return context

    def table(self, rows) -> tuple[list, list[list]]:
        raise NotImplementedError

    def csv_response(self) -> HttpResponse:
        header, body = self.table(self.rows())
        response = HttpResponse(EXCEL_BOM, content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.export_name}.csv"'
        writer = csv.writer(response)
        writer.writerow(header)
        for values in body:
            writer.writerow([neutralize_formula(value) for value in values])
        return response

    def xlsx_response(self) -> HttpResponse:
        header, body = self.table(self.rows())
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append([str(value) for value in header])
        for values in body:
            sheet.append([neutralize_formula(value) for value in values])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.export_name}.xlsx"'
        return response


class PermissionMenuItem(MenuItem):
    """A Reports menu entry shown only to staff who may read the report."""

    def __init__(self, *args, permission: str | tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        # One permission, or several that must all be held (the constituent packets).
        if isinstance(self.permission, tuple):
            return request.user.has_perms(self.permission)
        return request.user.has_perm(self.permission)
