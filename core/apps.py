from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The platform every app uses (docs/architecture.md)."""

    name = "core"
    verbose_name = "Platform"

    def ready(self) -> None:
        from anymail.signals import tracking
        from django.db.models.signals import post_delete, post_save
        from wagtail.contrib.settings.models import BaseSiteSetting
        from wagtail.images import get_image_model
        from wagtail.models import Locale, Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from core import (
            checks,  # noqa: F401 (registers the settings checks)
            site_cache,
        )
        from core.generation import purge_all
        from core.outbox import checks as outbox_checks  # noqa: F401 (the deploy check)
        from core.outbox.webhooks import handle_tracking_event

        tracking.connect(handle_tracking_event, dispatch_uid="core.outbox.tracking")

        # Anything visitors read changed: drop every cached page (see core/page_cache.py).
        page_published.connect(purge_all, dispatch_uid="page-cache-published")
        page_unpublished.connect(purge_all, dispatch_uid="page-cache-unpublished")
        post_page_move.connect(purge_all, dispatch_uid="page-cache-moved")

        # Sites, locales and view restrictions decide what a URL shows and to whom; the site
        # cache (core/site_cache.py) keeps routes, locales and menus under the same generation.
        site_structure = (Site, Locale, PageViewRestriction)
        site_cache.install()
        image_model = get_image_model()
        # Wagtail fills these in on first use; they change nothing a visitor sees.
        image_bookkeeping = {"file_size", "file_hash"}

        def purge_for_content(sender, instance=None, **kwargs):
            # Snippets are content visitors read (criteria, bills, organizations, footer);
            # submissions (signatures, subscribers, emails) use ModelViewSets and never purge.
            is_snippet = getattr(sender, "snippet_viewset", None) is not None
            # An image's alt text, credit or focal point shows on every page that uses it.
            is_image = isinstance(instance, image_model)
            update_fields = kwargs.get("update_fields")
            if is_image and update_fields and set(update_fields) <= image_bookkeeping:
                return
            content = (BaseSiteSetting, Page, *site_structure)
            if not (is_snippet or is_image or isinstance(instance, content)):
                return
            # A draft save (a revision: only bookkeeping fields) changes nothing public;
            # publishing is signalled above. A live page created or saved whole by code
            # (commands, imports) is public at once.
            saved_page = isinstance(instance, Page) and kwargs.get("signal") is post_save
            if saved_page and (not instance.live or update_fields is not None):
                return
            if isinstance(instance, BaseSiteSetting) and kwargs.get("created"):
                return  # settings rows are created with defaults on first read
            purge_all()

        post_save.connect(purge_for_content, dispatch_uid="page-cache-content-saved")
        post_delete.connect(purge_for_content, dispatch_uid="page-cache-content-deleted")
