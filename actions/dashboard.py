"""The admin dashboard's signatures panel: signatures per day over the last 30 days (an inline
SVG bar chart drawn here, with the same figures in a table), per action, per source and per
campaign (core/attribution.py). Shown
only to staff who may view signatures."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page

from actions.models import Organization, PetitionPage, PledgePage, Signature

DAYS = 30
CHART_WIDTH = 600
CHART_HEIGHT = 160
TOP_SOURCES = 15


@dataclass
class Bar:
    day: date
    count: int
    x: float
    y: float
    width: float
    height: float


def signatures_per_day(today: date, days: int = DAYS) -> list[tuple[date, int]]:
    start = today - timedelta(days=days - 1)
    tz = timezone.get_current_timezone()
    since = datetime.combine(start, time.min, tzinfo=tz)
    rows = (
        Signature.objects.filter(created_at__gte=since)
        .annotate(day=TruncDate("created_at", tzinfo=tz))
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    counts = dict(rows)
    return [
        (start + timedelta(days=i), counts.get(start + timedelta(days=i), 0)) for i in range(days)
    ]


def bars(series: list[tuple[date, int]]) -> list[Bar]:
    peak = max((count for _day, count in series), default=0) or 1
    slot = CHART_WIDTH / max(len(series), 1)
    result = []
    for index, (day, count) in enumerate(series):
        height = round(count / peak * (CHART_HEIGHT - 10), 1)
        result.append(
            Bar(
                day=day,
                count=count,
                x=round(index * slot + slot * 0.1, 1),
                y=round(CHART_HEIGHT - height, 1),
                width=round(slot * 0.8, 1),
                height=height,
            )
        )
    return result


def per_action() -> list[dict]:
    rows = list(Signature.objects.values("action_key").annotate(n=Count("pk")).order_by("-n"))
    titles = dict(
        Page.objects.type(PetitionPage, PledgePage)
        .filter(
            translation_key__in=[row["action_key"] for row in rows], locale=Locale.get_default()
        )
        .values_list("translation_key", "title")
    )
    return [
        {"title": titles.get(row["action_key"], str(row["action_key"])), "count": row["n"]}
        for row in rows
    ]


def per_source() -> list[dict]:
    """Signatures per way in: the source code (a partner's embed, a share link) with the
    utm_source and utm_medium tags of the landing address (an email, a post)."""
    rows = list(
        Signature.objects.values("source", "utm_source", "utm_medium")
        .annotate(n=Count("pk"))
        .order_by("-n", "source", "utm_source", "utm_medium")[:TOP_SOURCES]
    )
    partners = dict(
        Organization.objects.filter(
            locale=Locale.get_default(), source_code__in=[row["source"] for row in rows]
        ).values_list("source_code", "name")
    )
    return [
        {
            "source": row["source"],
            "utm_source": row["utm_source"],
            "utm_medium": row["utm_medium"],
            "partner": partners.get(row["source"], ""),
            "count": row["n"],
        }
        for row in rows
    ]


def per_campaign() -> list[dict]:
    """Signatures per utm_campaign tag (blank: none given)."""
    return [
        {"campaign": row["utm_campaign"], "count": row["n"]}
        for row in Signature.objects.values("utm_campaign")
        .annotate(n=Count("pk"))
        .order_by("-n", "utm_campaign")[:TOP_SOURCES]
    ]


class SignaturesPanel(Component):
    name = "signatures"
    template_name = "actions/admin/signatures_panel.html"
    order = 90

    def render_html(self, parent_context=None) -> str:
        request = (parent_context or {}).get("request")
        if request is None or not request.user.has_perm("actions.view_signature"):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None) -> dict:
        series = signatures_per_day(timezone.localdate())
        chart = bars(series)
        total_30 = sum(count for _day, count in series)
        busiest = max(chart, key=lambda bar: bar.count, default=None)
        return {
            "bars": chart,
            "chart_width": CHART_WIDTH,
            "chart_height": CHART_HEIGHT,
            "total_30": total_30,
            "busiest": busiest if busiest and busiest.count else None,
            "first_day": series[0][0],
            "last_day": series[-1][0],
            "actions": per_action(),
            "sources": per_source(),
            "campaigns": per_campaign(),
        }
