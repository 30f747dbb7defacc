"""Staff views of constituent packets (actions/packets.py): Reports → Constituent packets lists
the members of Congress; each packet is a plain page to print (the site's stylesheet has its
print rules), outside the admin's chrome. Both need every permission a packet reads (only the
"Campaign data" group has them), and both are private: never cached, never public."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from actions.letters.lookup import place_name
from actions.packets import may_see_packets, packet_for
from states.models import Legislator


class PacketIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "actions/admin/packet_index.html"
    page_title = _("Constituent packets")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_packets(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        by_state: dict[str, list] = {}
        for member in Legislator.objects.order_by("state", "chamber", "district", "last_name"):
            by_state.setdefault(member.state, []).append(member)
        context["states"] = sorted(
            ((place_name(state), members) for state, members in by_state.items()),
            key=lambda item: item[0],
        )
        return context


def packet_view(request):
    """One member's packet (`?member=<Bioguide id>`), ready to print."""
    if not may_see_packets(request.user):
        raise PermissionDenied
    member = Legislator.objects.filter(pk=request.GET.get("member", "")[:10]).first()
    if member is None:
        raise Http404("No member of Congress has that id.")
    response = render(request, "actions/admin/packet.html", {"packet": packet_for(member)})
    patch_cache_control(response, private=True, no_store=True)
    return response
