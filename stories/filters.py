"""Story filters that live in the URL (?state=TX&outcome=qi-granted&harm=killing&year=2018&q=...).

Filters combine; each facet counts the stories each of its values would show given the *other*
active filters, so a visitor sees what a click will give before making it. Every count is one
aggregate query per facet, however many stories there are; with words, the stories that match
them are read once and counted in Python (count_facets), as each query would run the match
again. Values that are not recognized are dropped (and named, never echoed) rather than
failing: a shared link with a typo still works.
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from core.search import clean_words
from core.us_states import STATE_NAMES, normalize_state_code
from stories.choices import EARLIEST_DECISION_YEAR, LATEST_DECISION_YEAR, HarmType, Outcome

QUERY_MAX_LENGTH = 200

# URL parameter -> model field, in the order the facets are shown.
FIELD_FOR_PARAM = {
    "state": "state_code",
    "outcome": "outcome",
    "harm": "harm_type",
    "year": "decision_year",
}
FACET_LABELS = {
    "state": (_("State"), _("All states")),
    "outcome": (_("Outcome"), _("All outcomes")),
    "harm": (_("What happened"), _("All kinds of harm")),
    "year": (_("Decision year"), _("All years")),
}


def _clean_year(raw: str) -> int | None:
    if not (raw.isascii() and raw.isdigit() and len(raw) == 4):
        return None
    year = int(raw)
    return year if EARLIEST_DECISION_YEAR <= year <= LATEST_DECISION_YEAR else None


CLEANERS = {
    "state": normalize_state_code,
    "outcome": lambda raw: raw if raw in Outcome.values else None,
    "harm": lambda raw: raw if raw in HarmType.values else None,
    "year": _clean_year,
}


def label_for(param: str, value) -> str:
    if param == "state":
        return str(STATE_NAMES.get(value, value))
    if param == "outcome":
        return str(Outcome(value).label)
    if param == "harm":
        return str(HarmType(value).label)
    return str(value)


@dataclass(frozen=True)
class StoryFilters:
    values: dict = field(default_factory=dict)  # param -> cleaned value
    query: str = ""
    ignored: tuple[str, ...] = ()  # parameter names whose values were not recognised

    @classmethod
    def from_query(cls, data: QueryDict) -> "StoryFilters":
        values, ignored = {}, []
        for param, clean in CLEANERS.items():
            raw = data.get(param, "").strip()
            if not raw:
                continue
            cleaned = clean(raw)
            if cleaned is None:
                ignored.append(param)
            else:
                values[param] = cleaned
        query = clean_words(data.get("q", ""), QUERY_MAX_LENGTH)
        return cls(values=values, query=query, ignored=tuple(ignored))

    @property
    def is_active(self) -> bool:
        return bool(self.values or self.query)

    def lookups(self, without: str | None = None) -> dict:
        """ORM filter arguments for the active filters, optionally leaving one facet out."""
        return {FIELD_FOR_PARAM[p]: v for p, v in self.values.items() if p != without}

    def params(self, **changes) -> dict:
        """The canonical query parameters, with `changes` applied (None removes one)."""
        params = {p: self.values[p] for p in FIELD_FOR_PARAM if p in self.values}
        if self.query:
            params["q"] = self.query
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = value
        return params

    def querystring(self, **changes) -> str:
        return urlencode(self.params(**changes))

    def chips(self) -> list[dict]:
        """The active filters, each with the query string that removes it."""
        chips = [
            {
                "name": FACET_LABELS[param][0],
                "label": label_for(param, value),
                "remove": self.querystring(**{param: None}),
            }
            for param, value in self.params().items()
            if param in FIELD_FOR_PARAM
        ]
        if self.query:
            chips.append(
                {"name": _("Words"), "label": self.query, "remove": self.querystring(q=None)}
            )
        return chips


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    all_label: str
    total: int
    options: list[FacetOption]


def _option_values(param: str, counts: dict, selected) -> list:
    if param == "outcome":
        return list(Outcome.values)
    if param == "harm":
        return list(HarmType.values)
    present = {value for value, count in counts.items() if value is not None and count}
    if selected is not None:
        present.add(selected)
    if param == "year":
        return sorted(present, reverse=True)
    return sorted(present, key=lambda code: str(STATE_NAMES[code]))


def build_facets(stories: QuerySet, filters: StoryFilters) -> list[Facet]:
    """One Facet per filter with a count for each value: one query per facet."""
    facets = []
    for param, field_name in FIELD_FOR_PARAM.items():
        rows = (
            stories.filter(**filters.lookups(without=param))
            .order_by()
            .values(field_name)
            .annotate(n=Count("pk"))
        )
        facets.append(_facet(param, {row[field_name]: row["n"] for row in rows}, filters))
    return facets


# The columns count_facets() reads: a story's key, then each facet's field.
FACET_ROW = ("pk", *FIELD_FOR_PARAM.values())


def count_facets(rows: list[tuple], filters: StoryFilters) -> list[Facet]:
    """build_facets() for stories already read, as tuples of FACET_ROW's columns, counted
    here instead of by a query per facet."""
    facets = []
    for param, field_name in FIELD_FOR_PARAM.items():
        column = FACET_ROW.index(field_name)
        counts = Counter(row[column] for row in passing(rows, filters.lookups(without=param)))
        facets.append(_facet(param, dict(counts), filters))
    return facets


def passing(rows: list[tuple], lookups: dict) -> list[tuple]:
    """The rows (FACET_ROW tuples) that pass filters' lookups(), each an exact match."""
    tests = [(FACET_ROW.index(name), value) for name, value in lookups.items()]
    if not tests:
        return rows
    return [row for row in rows if all(row[column] == value for column, value in tests)]


def _facet(param: str, counts: dict, filters: StoryFilters) -> Facet:
    selected = filters.values.get(param)
    options = [
        FacetOption(
            value=str(value),
            label=label_for(param, value),
            count=counts.get(value, 0),
            selected=value == selected,
        )
        for value in _option_values(param, counts, selected)
    ]
    label, all_label = FACET_LABELS[param]
    return Facet(param, label, all_label, sum(counts.values()), options)
