from django.apps import AppConfig


class StatesConfig(AppConfig):
    name = "states"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from states import (
            facts_sync,
            views,  # noqa: F401 (registers the pages' handlers: core.serving)
        )
        from states.models import StatePage

        page_published.connect(
            facts_sync.on_state_page_published,
            sender=StatePage,
            dispatch_uid="states.sync_facts_on_publish",
        )
