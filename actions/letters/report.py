"""The staff report: letters written per legislator and per letter page, all languages together,
as a table in the admin and as CSV. Counts only (LetterSent holds nothing about the writers);
still, only staff with `actions.view_lettersent` (the "Campaign data" group) see it."""

import csv
import uuid
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page

from actions.models.letters import LetterPage, LetterSent
from core.csv_safety import CSV_CONTENT_TYPE, EXCEL_BOM, neutralize_formula
from states.models import Chamber, Legislator, StateChamber, StateLegislator

PERMISSION = "actions.view_lettersent"
PERIODS = {"all": None, "30": 30, "7": 7}


def letter_pages() -> list[tuple[str, str]]:
    """Every letter page once (its languages share one key), by its source title."""
    pages = (
        Page.objects.type(LetterPage)
        .filter(locale=Locale.get_default())
        .order_by("title")
        .values_list("translation_key", "title")
    )
    return [(str(key), title) for key, title in pages]


def letters_sent(action_key: str = "", days: int | None = None):
    rows = LetterSent.objects.all()
    if action_key:
        rows = rows.filter(action_key=action_key)
    if days:
        rows = rows.filter(created_at__gte=timezone.now() - timedelta(days=days))
    return rows


def per_legislator(rows) -> list[dict]:
    counts = list(
        rows.values("legislator_id")
        .annotate(n=Count("pk"), name=Max("legislator_name"), chamber=Max("chamber"))
        .order_by("-n", "name")
    )
    ids = [row["legislator_id"] for row in counts]
    seats = {member.pk: member.seat for member in Legislator.objects.filter(pk__in=ids)}
    # State legislators (ocd-person/… ids): their chamber's district, as the state spells it.
    seats.update(
        (member.pk, f"{member.state} {member.get_chamber_display()} {member.district}")
        for member in StateLegislator.objects.filter(pk__in=[i for i in ids if "/" in i])
    )
    return [
        {
            "bioguide_id": row["legislator_id"],
            "name": row["name"],
            "chamber": row["chamber"],
            "seat": seats.get(row["legislator_id"], ""),
            "count": row["n"],
        }
        for row in counts
    ]


def per_page(rows, titles: dict[str, str]) -> list[dict]:
    counts = rows.values("action_key").annotate(n=Count("pk")).order_by("-n")
    return [
        {"title": titles.get(str(row["action_key"]), str(row["action_key"])), "count": row["n"]}
        for row in counts
    ]


class LettersReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "actions/admin/letters_report.html"
    page_title = _("Letters written")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        self.pages = letter_pages()
        self.action_key = self._valid_key(request.GET.get("page", ""))
        self.period = request.GET.get("period", "all")
        if self.period not in PERIODS:
            self.period = "all"
        if request.GET.get("export") == "csv":
            return self.csv_response()
        return super().dispatch(request, *args, **kwargs)

    def _valid_key(self, value: str) -> str:
        try:
            key = str(uuid.UUID(value))
        except ValueError:
            return ""
        return key if key in dict(self.pages) else ""

    def rows(self):
        return letters_sent(self.action_key, PERIODS[self.period])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = self.rows()
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
                "total": rows.count(),
                "legislators": per_legislator(rows),
                "per_page": per_page(rows, dict(self.pages)),
            }
        )
        return context

    def csv_response(self) -> HttpResponse:
        response = HttpResponse(EXCEL_BOM, content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = 'attachment; filename="letters-per-legislator.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [
                gettext("Legislator"),
                gettext("Seat"),
                gettext("Chamber"),
                gettext("Letters written"),
                gettext("Bioguide ID (Congress's identifier)"),
            ]
        )
        chambers = {**dict(Chamber.choices), **dict(StateChamber.choices)}
        for row in per_legislator(self.rows()):
            values = (
                row["name"],
                row["seat"],
                chambers.get(row["chamber"], row["chamber"]),
                row["count"],
                row["bioguide_id"],
            )
            writer.writerow([neutralize_formula(value) for value in values])
        return response


class LettersReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)
