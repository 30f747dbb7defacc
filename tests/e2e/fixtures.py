"""Fixtures other folders use: the demo site on a SQLite file, built once for the browser tests'
servers and the live production-stack tests, each of which runs a copy.

It takes minutes to build, so the first test process to collect a browser or live test starts
building it in the background (the tests that use a database run first; by the time the browser
tests start it is usually there). Locally (--reuse-db) it is kept under var/ and built again only
when the code, translations, dependencies or public data it is made of change."""

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.e2e.helpers import SITES, ensure_site, is_built, run_id, run_site_folder
from tests.helpers import ROOT

_builder = pytest.StashKey[subprocess.Popen]()
_marker = pytest.StashKey[Path]()


def pytest_collection_finish(session):
    """Start building the site if this process will run a test that needs it."""
    needs_site = any(
        item.get_closest_marker("browser") or item.get_closest_marker("live")
        for item in session.items
    )
    if not needs_site or session.config.getoption("collectonly"):
        return
    folder = run_site_folder(session.config)
    if is_built(folder):
        return
    # One process of the run starts it (ensure_site's lock would make a second one wait anyway).
    started = Path(tempfile.gettempdir()) / f"endqi-site-build-{run_id(session.config)}"
    try:
        started.touch(exist_ok=False)
    except FileExistsError:
        return
    session.config.stash[_marker] = started
    SITES.mkdir(parents=True, exist_ok=True)
    log = (SITES / "build.log").open("w")
    session.config.stash[_builder] = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.build", str(folder)],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def pytest_unconfigure(config):
    """A run cut short does not leave a build running."""
    builder = config.stash.get(_builder, None)
    if builder is not None and builder.poll() is None:
        builder.terminate()
        builder.wait()
    config.stash.get(_marker, Path("/nonexistent")).unlink(missing_ok=True)


@pytest.fixture(scope="session")
def built_site(pytestconfig) -> Path:
    """The site built once (waits for the background build; builds it here if that failed)."""
    folder = run_site_folder(pytestconfig)
    ensure_site(folder)
    return folder
