"""The staff report: letters written per legislator and per letter page, all languages together,
as a table in the admin and as CSV or XLSX (actions/reports.py). Counts only (LetterSent holds
nothing about the writers); still, only staff with `actions.view_lettersent` (the "Campaign
data" group) see it."""

from django.db.models import Count, Max
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actions.models.letters import LetterPage, LetterSent
from actions.reports import LegislatorCountsReport, chamber_label, seats

PERMISSION = "actions.view_lettersent"


def per_legislator(rows) -> list[dict]:
    counts = list(
        rows.values("legislator_id")
        .annotate(n=Count("pk"), name=Max("legislator_name"), chamber=Max("chamber"))
        .order_by("-n", "name")
    )
    seat_of = seats(row["legislator_id"] for row in counts)
    return [
        {
            "bioguide_id": row["legislator_id"],
            "name": row["name"],
            "chamber": row["chamber"],
            "seat": seat_of.get(row["legislator_id"], ""),
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


class LettersReportView(LegislatorCountsReport):
    template_name = "actions/admin/letters_report.html"
    page_title = _("Letters written")
    header_icon = "mail"
    permission = PERMISSION
    page_model = LetterPage
    model = LetterSent
    export_name = "letters-per-legislator"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = self.rows()
        context.update(
            {
                "total": rows.count(),
                "legislators": per_legislator(rows),
                "per_page": per_page(rows, dict(self.pages)),
            }
        )
        return context

    def table(self, rows):
        header = [
            gettext("Legislator"),
            gettext("Seat"),
            gettext("Chamber"),
            gettext("Letters written"),
            gettext("Legislator ID (Bioguide for Congress, Open States for state legislators)"),
        ]
        body = [
            [
                row["name"],
                row["seat"],
                chamber_label(row["chamber"]),
                row["count"],
                row["bioguide_id"],
            ]
            for row in per_legislator(rows)
        ]
        return header, body
