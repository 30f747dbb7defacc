"""`manage.py create_states`: the rubric, the scorecard page and the 51 state pages (idempotent)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from states import seed


class Command(BaseCommand):
    help = (
        "Create whatever is missing of the nine rubric criteria, the state scorecard page and "
        "one page per state and DC, with their Spanish translations. Existing content is left "
        "as it is."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            _index, pages = seed.load(self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Scorecard ready: {len(pages)} state pages."))
