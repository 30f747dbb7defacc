"""`python -m tests.e2e.build FOLDER`: the browser tests' site built in FOLDER, in the background
while the rest of the suite runs (started by tests/e2e/fixtures.py; built_site waits for it, and
the tests that read the demo on SQLite wait for its copy of the demo)."""

import os
import sys
from pathlib import Path

import django

# tests.helpers reads Wagtail's models, so Django is set up before it is imported.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
django.setup()

from tests.e2e.helpers import ensure_site  # noqa: E402

if __name__ == "__main__":
    folder = Path(sys.argv[1])
    # The lock is let go once the demo's copy is saved: the test process that reads the demo
    # (tests/helpers.py DemoDatabase) takes it then, while the rest is built.
    ensure_site(folder, demo_only=True)
    ensure_site(folder)
