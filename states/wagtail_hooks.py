from django.contrib import messages
from django.db import transaction
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from states.committee_chooser import state_committee_chooser
from states.facts_sync import on_bill_saved_in_admin
from states.legislator_admin import LegislatorImportViewSet, LegislatorViewSet
from states.models import Bill, Criterion
from states.scorecard_admin import ScorecardImportViewSet
from states.state_legislator_admin import StateLegislatorImportViewSet, StateLegislatorViewSet


class CriterionDeleteView(DeleteView):
    """A criterion that state pages assess cannot be deleted (their evidence would go with it).
    Wagtail refuses when its reference index knows; this covers an index not yet rebuilt."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "“%(criterion)s” is assessed on state pages, so it cannot be deleted. "
                    "Remove those assessments first, or edit the criterion instead."
                )
                % {"criterion": self.object},
            )
            return HttpResponseRedirect(self.get_success_url())


class CriterionViewSet(SnippetViewSet):
    model = Criterion
    delete_view_class = CriterionDeleteView
    icon = "list-ol"
    menu_label = gettext_lazy("Rubric criteria")
    list_display = ["title", "group", "sort_order", "slug"]
    ordering = ["sort_order"]


class BillViewSet(SnippetViewSet):
    model = Bill
    icon = "doc-full"
    menu_label = gettext_lazy("Bills")
    list_display = ["number", "title", "jurisdiction", "status_label"]
    list_filter = ["jurisdiction"]
    ordering = ["jurisdiction", "number"]


class ScorecardViewSetGroup(ViewSetGroup):
    items = (CriterionViewSet, BillViewSet, ScorecardImportViewSet)
    menu_icon = "site"
    menu_label = gettext_lazy("Scorecard")
    menu_name = "scorecard"


register_snippet(ScorecardViewSetGroup)


class LegislatorsViewSetGroup(ModelViewSetGroup):
    """Members of Congress and state legislators side by side, each with its imports."""

    menu_label = gettext_lazy("Legislators")
    menu_icon = "group"
    menu_order = 850
    items = (
        LegislatorViewSet,
        StateLegislatorViewSet,
        LegislatorImportViewSet,
        StateLegislatorImportViewSet,
    )


@hooks.register("register_admin_viewset")
def register_legislators_admin():
    return LegislatorsViewSetGroup()


# A bill's status changed in English shows in Spanish at once (states/facts_sync.py).
hooks.register("after_edit_snippet", on_bill_saved_in_admin)


@hooks.register("register_admin_viewset")
def register_committee_chooser():
    # Also the widget for a bill status change's committee (states/committee_chooser.py).
    return state_committee_chooser
