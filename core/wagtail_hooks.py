from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core import editor_guide
from core.outbox.admin import EmailViewSetGroup
from core.privacy_admin import ErasureRequestViewSet


@hooks.register("register_admin_viewset")
def register_email_admin():
    return EmailViewSetGroup()


@hooks.register("register_admin_viewset")
def register_erasure_admin():
    return ErasureRequestViewSet()


@hooks.register("register_admin_urls")
def register_editor_guide_urls():
    return [
        path("editor-guide/", editor_guide.editor_guide, name="campaign_editor_guide"),
        path(
            "editor-guide/images/<str:name>",
            editor_guide.editor_guide_image,
            name="campaign_editor_guide_image",
        ),
        path("language/", editor_guide.admin_language, name="campaign_admin_language"),
    ]


@hooks.register("construct_help_menu")
def point_help_at_this_sites_guide(request, menu_items):
    """Help opens this site's guide, in the editor's language, rather than Wagtail's generic
    one; the language switch sits beside it, labelled in both languages."""
    menu_items[:] = [item for item in menu_items if item.name != "editor-guide"]
    menu_items += [
        MenuItem(
            _("Editor guide for this site"),
            reverse("campaign_editor_guide"),
            icon_name="help",
            order=1050,
            name="campaign-editor-guide",
        ),
        MenuItem(
            "Admin language · Idioma",
            reverse("campaign_admin_language"),
            icon_name="globe",
            order=1060,
            name="campaign-admin-language",
        ),
    ]
