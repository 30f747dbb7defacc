"""`manage.py check_pages`: request every live page (and the search page) in every language and
fail unless each answers 200. CI runs it after `make demo` on a fresh database."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from wagtail.models import Page


class Command(BaseCommand):
    help = "Render every live page in every language; exit non-zero on any non-200."

    def add_arguments(self, parser):
        parser.add_argument(
            "--list-types",
            action="store_true",
            help="Print one URL per page type and language (for the browser tests), then stop.",
        )

    def handle(self, *args, **options):
        if options["list_types"]:
            self.list_types()
            return
        client = Client(HTTP_HOST="localhost")
        urls = [page.get_url() for page in Page.objects.live().public().filter(depth__gt=1)]
        urls += [f"/{code}/search/?q=immunity" for code, _name in settings.LANGUAGES]
        failures = []
        for url in urls:
            status = client.get(url).status_code
            if status != 200:
                failures.append(f"{url} -> {status}")
        languages = {url.split("/")[1] for url in urls}
        self.stdout.write(f"{len(urls)} URLs checked in languages {sorted(languages)}")
        if failures:
            raise CommandError("Pages that did not render:\n" + "\n".join(failures))
        self.stdout.write(self.style.SUCCESS("every page answered 200"))

    def list_types(self):
        seen = set()
        pages = Page.objects.live().public().filter(depth__gt=1).select_related("content_type")
        for page in pages.order_by("path"):
            key = (page.content_type_id, page.locale_id)
            if key not in seen:
                seen.add(key)
                self.stdout.write(f"{page.content_type.model} {page.get_url()}")
