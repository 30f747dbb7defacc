from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from states.models import Bill, Criterion


class CriterionViewSet(SnippetViewSet):
    model = Criterion
    icon = "list-ol"
    menu_label = _("Rubric criteria")
    list_display = ["title", "group", "sort_order", "slug"]
    ordering = ["sort_order"]


class BillViewSet(SnippetViewSet):
    model = Bill
    icon = "doc-full"
    menu_label = _("Bills")
    list_display = ["number", "title", "jurisdiction", "status_label"]
    list_filter = ["jurisdiction"]
    ordering = ["jurisdiction", "number"]


class ScorecardViewSetGroup(ViewSetGroup):
    items = (CriterionViewSet, BillViewSet)
    menu_icon = "site"
    menu_label = _("Scorecard")
    menu_name = "scorecard"


register_snippet(ScorecardViewSetGroup)
