from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from stories.facts_sync import on_story_published
        from stories.models import CaseStoryPage

        page_published.connect(
            on_story_published, sender=CaseStoryPage, dispatch_uid="stories.copy_facts"
        )
