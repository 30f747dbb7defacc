"""Helpers shared by the scorecard's tests: the real rubric, state pages and their assessments."""

import datetime
import io

from django.utils.text import slugify

from core.us_states import state_name
from states import seed
from states.factories import (
    BillFactory,
    BillStatusChangeFactory,
    StateAssessmentFactory,
    StateIndexPageFactory,
    StatePageFactory,
)
from states.models import BillStatus, Criterion

SLUGS = [fields["slug"] for fields in seed.CRITERIA]


def rubric() -> dict[str, Criterion]:
    """The nine seeded criteria (English, with Spanish translations), by slug."""
    criteria = seed.ensure_criteria(io.StringIO())
    return {criterion.slug: criterion for criterion in criteria}


def make_index(home_page, **kwargs):
    return StateIndexPageFactory(parent=home_page, slug="scorecard", **kwargs)


def make_state(index, code: str, statuses=(), criteria=None, **assessment_fields):
    """A state page with one assessment per status, given in rubric order."""
    name = state_name(code)
    page = StatePageFactory(parent=index, title=name, slug=slugify(name), postal_code=code)
    criteria = criteria or rubric()
    # sort_order as the admin saves it: left empty, PostgreSQL may return the rows in any order.
    for position, (slug, status) in enumerate(zip(SLUGS, statuses, strict=False)):
        StateAssessmentFactory(
            page=page,
            criterion=criteria[slug],
            status=status,
            sort_order=position,
            **assessment_fields,
        )
    return page


def make_bill(code: str, *changes, **fields):
    """A bill with a status history of (status, date) pairs."""
    bill = BillFactory(jurisdiction=code, **fields)
    for position, (status, date) in enumerate(
        changes or [(BillStatus.INTRODUCED, datetime.date(2026, 1, 5))]
    ):
        BillStatusChangeFactory(bill=bill, status=status, date=date, sort_order=position)
    return bill
