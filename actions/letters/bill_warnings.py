"""Warning editors when a letter asks for a bill that is no longer alive.

Visitors are already safe (a chamber whose bill died gets no letters, and a page with no live
bill left is closed: see LetterPage.chambers_written_to); this tells the people who can fix
the page, on the dashboard and as soon as they save the bill.
"""

from django.contrib import messages
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from actions.models.letters import LetterPage


def pages_asking_for(bills=None) -> list[LetterPage]:
    """Live letter pages (in the source language) asking for a bill that is not alive; with
    `bills`, only those asking for one of them."""
    pages = (
        LetterPage.objects.live()
        .filter(locale=Locale.get_default())
        .select_related("bill", "senate_bill")
    )
    if bills is not None:
        pages = pages.filter(Q(bill__in=bills) | Q(senate_bill__in=bills))
    return [
        page
        for page in pages.filter(Q(bill__isnull=False) | Q(senate_bill__isnull=False))
        if page.dead_bills
    ]


def warn_after_bill_saved(request, bill) -> None:
    """After a bill is saved as dead, passed or vetoed, name the pages that asked for it."""
    if bill.is_alive:
        return
    source = bill.get_translation_or_none(Locale.get_default()) or bill
    for page in pages_asking_for([source]):
        messages.warning(
            request,
            _(
                "“%(page)s” asks supporters to back %(bill)s, which is no longer before the "
                "legislature. Visitors are no longer asked for it; edit the page to choose a "
                "live bill or retire it."
            )
            % {"page": page.title, "bill": bill.number},
        )


class DeadBillsPanel(Component):
    """On the dashboard while any live letter page asks for a bill that is not alive."""

    name = "dead_bills"
    template_name = "actions/admin/dead_bills_panel.html"
    order = 50

    def render_html(self, parent_context=None) -> str:
        request = (parent_context or {}).get("request")
        if request is None or not request.user.has_perm("wagtailadmin.access_admin"):
            return ""
        self.pages = pages_asking_for()
        if not self.pages:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None) -> dict:
        return {"pages": self.pages}
