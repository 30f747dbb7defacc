from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import FooterText
from home.outbox.admin import EmailViewSetGroup
from home.privacy_admin import ErasureRequestViewSet


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "doc-full"
    menu_label = _("Footer text")
    add_to_settings_menu = True


register_snippet(FooterTextViewSet)


@hooks.register("register_admin_viewset")
def register_email_admin():
    return EmailViewSetGroup()


@hooks.register("register_admin_viewset")
def register_erasure_admin():
    return ErasureRequestViewSet()
