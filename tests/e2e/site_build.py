"""`python -m tests.e2e.site_build FOLDER [--demo-only]`: the steps of the browser tests' site
(tests/e2e/helpers.py build_site), in one process started with the site's own settings and
environment (site_environment). They were five `manage.py` commands, each of which set Django
up again: about 2 s of CPU each on a fresh run."""

import sys
from io import StringIO
from pathlib import Path

import django

from tests.garbage_collection import set_aside, tune

tune()
django.setup()
set_aside()

from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from tests.actions.letters.helpers import load_sample_congress  # noqa: E402
from tests.e2e.helpers import demo_is_saved, save_demo  # noqa: E402


def build(folder: Path, demo_only: bool) -> None:
    if not demo_is_saved(folder):
        # The folder holds a copy of the migrated database; migrate finds it done unless a
        # migration is new.
        call_command("migrate", interactive=False, verbosity=0)
        output = StringIO()
        # The demo as the test settings make it (no legislator data), saved for the tests that
        # read the demo on SQLite (tests/helpers.py DemoDatabase).
        with override_settings(LEGISLATOR_DEMO_IMPORT=False):
            call_command("demo", stdout=output)
        connections.close_all()
        save_demo(folder, output.getvalue())
    if demo_only:
        return
    # The legislator data a fresh `make demo` imports (the demo's second run adds only that).
    call_command("demo", stdout=StringIO())
    # Members of Congress for the letter journeys, unless the demo imported the real ones.
    load_sample_congress()
    listing = StringIO()
    call_command("check_pages", "--list-types", stdout=listing)
    connections.close_all()
    (folder / "page-types.txt").write_text(listing.getvalue())


if __name__ == "__main__":
    build(Path(sys.argv[1]), demo_only="--demo-only" in sys.argv[2:])
