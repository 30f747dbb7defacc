from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared content"

    def ready(self) -> None:
        from anymail.signals import tracking

        from home.outbox import checks  # noqa: F401 (registers the deploy check)
        from home.outbox.webhooks import handle_tracking_event

        tracking.connect(handle_tracking_event, dispatch_uid="home.outbox.tracking")
