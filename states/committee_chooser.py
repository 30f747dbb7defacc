"""Choosing a state committee on a bill's status change: a chooser with a name search and a
state filter rather than a select of every committee in the country (about 2,750). Registered
as the admin's widget for any ForeignKey to StateCommittee (ChooserViewSet.register_widget)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from core.us_states import US_STATES
from states.models import StateCommittee


class CommitteeFilterForm(BaseFilterForm):
    q = forms.CharField(label=_("Committee name"), required=False)
    state = forms.ChoiceField(
        label=_("State"), choices=[("", _("All states")), *US_STATES], required=False
    )

    def filter(self, objects):
        objects = super().filter(objects)
        if state := self.cleaned_data.get("state"):
            objects = objects.filter(state=state)
        if query := self.cleaned_data.get("q"):
            objects = objects.filter(name__icontains=query)
            self.is_searching = True
            self.search_query = query
        return objects


class CommitteeChooseView(ChooseView):
    filter_form_class = CommitteeFilterForm


class CommitteeChooseResultsView(ChooseResultsView):
    filter_form_class = CommitteeFilterForm


class StateCommitteeChooserViewSet(ChooserViewSet):
    model = StateCommittee
    icon = "group"
    choose_one_text = _("Choose a committee")
    choose_another_text = _("Choose another committee")
    choose_view_class = CommitteeChooseView
    choose_results_view_class = CommitteeChooseResultsView
    per_page = 25


state_committee_chooser = StateCommitteeChooserViewSet("state_committee_chooser")
