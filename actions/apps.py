from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "actions"

    def ready(self) -> None:
        # The modules that serve the pages register their handlers (core.serving).
        from actions import action_views, newsletter  # noqa: F401
        from actions.calls import views as call_views  # noqa: F401
        from actions.letters import views  # noqa: F401
        from core.outbox.webhooks import address_unsubscribed

        address_unsubscribed.connect(_provider_unsubscribe, dispatch_uid="actions.newsletter")


def _provider_unsubscribe(sender, email, **kwargs):
    from actions.newsletter import unsubscribe_address

    unsubscribe_address(email)
