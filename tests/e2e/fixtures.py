"""Fixtures other folders use: the demo site on a SQLite file, built once per test run (by
whichever test process gets there first) for the browser tests' servers and the live
production-stack tests, each of which runs a copy."""

from pathlib import Path

import pytest

from tests.e2e.helpers import build_site, exclusive


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Path:
    """The site built once for the whole run (its workers share the run's temporary folder)."""
    run_folder = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        run_folder = run_folder.parent
    template = run_folder / "live-site-template"
    with exclusive(run_folder / "live-site.lock"):
        if not (template / "page-types.txt").exists():
            build_site(template)
    return template
