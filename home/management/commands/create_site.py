"""`manage.py create_site`: the home page and languages a new production database needs.

Run once after the first `migrate` (docs/deployment.md); then `create_states` and the imports.
Running it again changes nothing.
"""

from django.core.management.base import BaseCommand

from home.site_setup import create_site


class Command(BaseCommand):
    help = (
        "Create what a new database needs before editors start: the English and Spanish "
        "locales, the home page in place of Wagtail's welcome page (with its Spanish "
        "translation) and the site at BASE_URL's host. Idempotent."
    )

    def handle(self, *args, **options):
        home = create_site(self.stdout)
        site = home.get_site()
        self.stdout.write(
            self.style.SUCCESS(
                f"The site is ready at {site.hostname}:{site.port}, home page “{home.title}”. "
                "Next: manage.py create_states, then the imports (docs/deployment.md)."
            )
        )
