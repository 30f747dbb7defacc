from wagtail import hooks

from actions.admin_views import SubscriberViewSet


@hooks.register("register_admin_viewset")
def register_subscriber_admin():
    return SubscriberViewSet()
