"""The staff report: call outcomes per legislator and per call page, all languages together, in
the admin and as CSV or XLSX (actions/reports.py). Counts only (CallOutcome holds nothing about
the callers); only staff with `actions.view_calloutcome` (the "Campaign data" group) see it."""

from django.db.models import Count, Max, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actions.models.calls import CallOutcome, CallPage, Outcome
from actions.reports import LegislatorCountsReport, chamber_label, seats

PERMISSION = "actions.view_calloutcome"


def _by_outcome() -> dict:
    return {value: Count("pk", filter=Q(outcome=value)) for value in Outcome.values}


def per_legislator(rows) -> list[dict]:
    """One row per legislator: each outcome's count and the total, most calls first."""
    counts = list(
        rows.values("legislator_id")
        .annotate(
            total=Count("pk"),
            name=Max("legislator_name"),
            chamber=Max("chamber"),
            **_by_outcome(),
        )
        .order_by("-total", "name")
    )
    seat_of = seats(row["legislator_id"] for row in counts)
    return [
        {
            "bioguide_id": row["legislator_id"],
            "name": row["name"],
            "chamber": row["chamber"],
            "seat": seat_of.get(row["legislator_id"], ""),
            "outcomes": [row[value] for value in Outcome.values],
            "total": row["total"],
        }
        for row in counts
    ]


def per_page(rows, titles: dict[str, str]) -> list[dict]:
    counts = rows.values("action_key").annotate(total=Count("pk"), **_by_outcome())
    return [
        {
            "title": titles.get(str(row["action_key"]), str(row["action_key"])),
            "outcomes": [row[value] for value in Outcome.values],
            "total": row["total"],
        }
        for row in counts.order_by("-total")
    ]


class CallsReportView(LegislatorCountsReport):
    template_name = "actions/admin/calls_report.html"
    page_title = _("Calls made")
    header_icon = "mobile-alt"
    permission = PERMISSION
    page_model = CallPage
    model = CallOutcome
    export_name = "calls-per-legislator"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = self.rows()
        context.update(
            {
                "outcome_labels": Outcome.labels,
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
            *[str(label) for label in Outcome.labels],
            gettext("Calls reported"),
            gettext("Legislator ID (Bioguide for Congress, Open States for state legislators)"),
        ]
        body = [
            [
                row["name"],
                row["seat"],
                chamber_label(row["chamber"]),
                *row["outcomes"],
                row["total"],
                row["bioguide_id"],
            ]
            for row in per_legislator(rows)
        ]
        return header, body
