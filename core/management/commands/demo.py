"""`manage.py demo`: load the demo content of every app, idempotently.

Each app that has demo content provides a `<app>/demo/` package whose `load(stdout)` is its one
entry point. Apps load in the order below (states before the stories and voices that point at
them); running the command twice changes nothing. It refuses to run with DEBUG off: sample
people and an admin whose password the README prints do not belong on a production site.
"""

from contextlib import contextmanager
from importlib import import_module
from importlib.util import find_spec
from io import StringIO

import factory.random
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.search_index import build_index_now

DEMO_APPS = ["home", "states", "stories", "testimonials", "actions"]


@contextmanager
def references_indexed_once():
    """Wagtail updates its reference index (the admin's usage counts) after every save of an
    object it tracks: thousands of updates for the demo's pages, revisions and translations,
    about a fifth of the command's time where tasks run inline (the tests, the browser tests'
    site). They are switched off while the demo loads (Wagtail's own switch for bulk loads) and
    the index is rebuilt once at the end if anything it tracks was saved or deleted."""
    changed = []

    def note(sender, **kwargs):
        if not changed and not kwargs.get("raw") and sender in ReferenceIndex.tracked_models:
            changed.append(sender)

    post_save.connect(note, weak=False, dispatch_uid="demo-references")
    post_delete.connect(note, weak=False, dispatch_uid="demo-references")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="demo-references")
        post_delete.disconnect(dispatch_uid="demo-references")
        # Also after a failure: what the apps before it committed is indexed.
        if changed:
            call_command("rebuild_references_index", stdout=StringIO(), stderr=StringIO())


class Command(BaseCommand):
    help = "Create or complete the demo content (idempotent) and print the admin login."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "The demo is for development machines: it creates sample people and the admin "
                f"login {settings.DEMO_ADMIN_USERNAME!r} with the password printed in the README, "
                "and DEBUG is off here (production). Nothing was changed. Create the first real "
                "admin with `manage.py createsuperuser` (docs/deployment.md); for a local demo, "
                "run with DEBUG=1."
            )
        factory.random.reseed_random("end-qualified-immunity")
        started = timezone.now()
        with references_indexed_once():
            for app in DEMO_APPS:
                if find_spec(f"{app}.demo") is None:
                    continue
                self.stdout.write(f"{app}:")
                with transaction.atomic():
                    import_module(f"{app}.demo").load(self.stdout)
        # Search (and the admin's usage counts) work on a fresh install before any worker runs.
        replaced, entries = build_index_now(started)
        self.stdout.write(
            f"search: {entries} index entries"
            + (f" (built now, in place of {replaced} queued updates)" if replaced else "")
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready. Admin login: {settings.DEMO_ADMIN_USERNAME} / "
                f"{settings.DEMO_ADMIN_PASSWORD}"
            )
        )
