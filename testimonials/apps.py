from django.apps import AppConfig


class TestimonialsConfig(AppConfig):
    name = "testimonials"
    verbose_name = "Voices"

    def ready(self) -> None:
        from django.db.models.signals import post_save
        from wagtail.signals import (
            page_published,
            task_submitted,
            workflow_rejected,
        )

        # moderation, submission and wall register the models' handlers (core.serving).
        from testimonials import moderation, submission, wall  # noqa: F401
        from testimonials.models import TestimonialIndexPage
        from testimonials.notifiers import replace_wagtail_notifiers

        replace_wagtail_notifiers()
        task_submitted.connect(moderation.on_task_submitted, dispatch_uid="voices.task_submitted")
        workflow_rejected.connect(
            moderation.on_workflow_rejected, dispatch_uid="voices.workflow_rejected"
        )
        page_published.connect(
            moderation.on_page_published,
            sender=_testimonial_page(),
            dispatch_uid="voices.page_published",
        )
        post_save.connect(
            _wall_created, sender=TestimonialIndexPage, dispatch_uid="voices.wall_created"
        )


def _testimonial_page():
    from testimonials.models import TestimonialPage

    return TestimonialPage


def _wall_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from testimonials.moderation import ensure_moderation

        ensure_moderation(instance)
