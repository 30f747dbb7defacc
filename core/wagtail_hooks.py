from wagtail import hooks

from core.outbox.admin import EmailViewSetGroup
from core.privacy_admin import ErasureRequestViewSet


@hooks.register("register_admin_viewset")
def register_email_admin():
    return EmailViewSetGroup()


@hooks.register("register_admin_viewset")
def register_erasure_admin():
    return ErasureRequestViewSet()
