"""Staff views of constituent packets (actions/packets.py): Reports → Constituent packets lists
the members of Congress, and the state legislators of one state at a time (or those whose name
matches, at most MAX_FOUND): never the 7,000 of them on one page; each packet is a plain page to print (the site's stylesheet has its
print rules), outside the admin's chrome. Both need every permission a packet reads (only the
"Campaign data" group has them), and both are private: never cached, never public."""

import re
import unicodedata

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from actions.letters.lookup import place_name
from actions.packets import STATE_ID_PREFIX, may_see_packets, packet_for, state_packet_for
from states.models import Legislator, StateChamber, StateLegislator


def unaccented(text: str) -> str:
    """Sorts Míchigan with Michigan, as a Spanish reader looks for it."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def natural(text: str) -> list:
    """'2' before '10', '63A' before '63B', as districts are read."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"(\d+)", text)
        if part
    ]


# State legislators found by name, at most (a name search is for finding one person).
MAX_FOUND = 50


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
        context.update(self.state_legislators())
        return context

    def state_legislators(self) -> dict:
        """The states to choose from, and the members of the chosen state or those matching the
        name typed: three queries."""
        codes = StateLegislator.objects.order_by("state").values_list("state", flat=True)
        places = sorted(
            ((place_name(code), code) for code in codes.distinct()),
            key=lambda place: unaccented(place[0]),
        )
        chosen = self.request.GET.get("state", "")[:2].upper()
        name = " ".join(self.request.GET.get("name", "").split())[:80]
        found, more = [], False
        if name:
            members = StateLegislator.objects.filter(name__icontains=name)
            if chosen:
                members = members.filter(state=chosen)
            found = list(members.order_by("state", "chamber", "district")[: MAX_FOUND + 1])
            found, more = found[:MAX_FOUND], len(found) > MAX_FOUND
        elif chosen:
            # One state: New Hampshire's 424 members are the most.
            found = sorted(
                StateLegislator.objects.filter(state=chosen),
                key=lambda member: (member.chamber, natural(member.district), member.family_name),
            )
        chambers: dict[str, list] = {}
        for member in found:
            chambers.setdefault(str(StateChamber(member.chamber).label), []).append(member)
        return {
            "state_places": places,
            "chosen_state": chosen,
            "name_typed": name,
            "searched": bool(name or chosen),
            "state_chambers": list(chambers.items()),
            "more_found": more,
            "max_found": MAX_FOUND,
        }


def packet_view(request):
    """One member's packet (`?member=<Bioguide id>`, or a state legislator's Open States id),
    ready to print."""
    if not may_see_packets(request.user):
        raise PermissionDenied
    wanted = request.GET.get("member", "")[:60]
    if wanted.startswith(STATE_ID_PREFIX):
        state_member = StateLegislator.objects.filter(pk=wanted).first()
        packet = state_packet_for(state_member) if state_member else None
    else:
        member = Legislator.objects.filter(pk=wanted[:10]).first()
        packet = packet_for(member) if member else None
    if packet is None:
        raise Http404("No legislator has that id.")
    response = render(request, "actions/admin/packet.html", {"packet": packet})
    patch_cache_control(response, private=True, no_store=True)
    return response
