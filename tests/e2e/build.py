"""`python -m tests.e2e.build FOLDER`: the browser tests' site built in FOLDER, in the background
while the rest of the suite runs (started by tests/e2e/fixtures.py; built_site waits for it)."""

import os
import sys
from pathlib import Path

import django

# tests.helpers reads Wagtail's models, so Django is set up before it is imported.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
django.setup()

from tests.e2e.helpers import ensure_site  # noqa: E402

if __name__ == "__main__":
    ensure_site(Path(sys.argv[1]))
