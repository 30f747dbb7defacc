"""`manage.py purge_page_cache`: start a new cache generation, so that no page, route or fragment
stored before is served again. Run it in every release, after collectstatic: pages stored by the
previous release name its templates' HTML and its hashed CSS and JS files, and with Redis they
outlive the processes that stored them. Publishing does the same on its own (core/page_cache.py)."""

from django.core.management.base import BaseCommand

from core.generation import generation, purge_all


class Command(BaseCommand):
    help = (
        "Invalidate every cached page and fragment (run it in each release, after collectstatic)."
    )

    def handle(self, *args, **options):
        before = generation()
        purge_all()
        self.stdout.write(f"Page cache purged: generation {before} → {generation()}.")
