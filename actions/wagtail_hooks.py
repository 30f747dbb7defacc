from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from actions.admin_views import SubscriberViewSet
from actions.calls.report import PERMISSION as CALLS_PERMISSION
from actions.calls.report import CallsReportView
from actions.dashboard import SignaturesPanel
from actions.letters.bill_warnings import DeadBillsPanel, warn_after_bill_saved
from actions.letters.report import PERMISSION as LETTERS_PERMISSION
from actions.letters.report import LettersReportView
from actions.models import Organization, ShareKit
from actions.packet_views import PacketIndexView, packet_view
from actions.packets import PERMISSIONS as PACKET_PERMISSIONS
from actions.reports import PermissionMenuItem
from actions.signature_admin import SignatureViewSet
from states.models import Bill


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    menu_label = _("Organizations")
    list_display = ["name", "source_code", "show_on_home_page"]


register_snippet(OrganizationViewSet)


class ShareKitViewSet(SnippetViewSet):
    model = ShareKit
    icon = "pick"
    menu_label = _("Share kits")
    list_display = ["title", "locale"]


register_snippet(ShareKitViewSet)


@hooks.register("register_admin_viewset")
def register_subscriber_admin():
    return SubscriberViewSet()


@hooks.register("register_admin_viewset")
def register_signature_admin():
    return SignatureViewSet()


@hooks.register("construct_homepage_panels")
def add_signatures_panel(request, panels):
    panels.append(SignaturesPanel())


@hooks.register("construct_homepage_panels")
def add_dead_bills_panel(request, panels):
    panels.append(DeadBillsPanel())


@hooks.register("after_edit_snippet")
def warn_about_letters_asking_for_a_dead_bill(request, instance):
    if isinstance(instance, Bill):
        warn_after_bill_saved(request, instance)


@hooks.register("register_admin_urls")
def register_letters_report_url():
    return [
        path("reports/letters/", LettersReportView.as_view(), name="letters_report"),
        path("reports/calls/", CallsReportView.as_view(), name="calls_report"),
        path("reports/packets/", PacketIndexView.as_view(), name="packets"),
        path("reports/packets/packet/", packet_view, name="packet"),
    ]


# Under Reports, beside Wagtail's own; shown only to staff who may read it.
@hooks.register("register_reports_menu_item")
def register_letters_report_menu_item():
    return PermissionMenuItem(
        _("Letters written"),
        reverse("letters_report"),
        icon_name="mail",
        order=50,
        permission=LETTERS_PERMISSION,
    )


@hooks.register("register_reports_menu_item")
def register_calls_report_menu_item():
    return PermissionMenuItem(
        _("Calls made"),
        reverse("calls_report"),
        icon_name="mobile-alt",
        order=51,
        permission=CALLS_PERMISSION,
    )


@hooks.register("register_reports_menu_item")
def register_packets_menu_item():
    return PermissionMenuItem(
        _("Constituent packets"),
        reverse("packets"),
        icon_name="doc-full",
        order=52,
        permission=PACKET_PERMISSIONS,
    )
