"""Demo content for the scorecard: the rubric and state pages (states.seed), the researched
marks for every state (imported from the research file as editors would, see
states/scorecard_import), bills drawn from public, citable facts (states/demo/bills.py), and the
legislators of Congress and the states from the shared data folders.

Spanish titles and notes go through wagtail-localize like any other translation; the research's
own summaries and notes are in English until a translator gives them in the translation editor.
"""

from pathlib import Path

from django.conf import settings
from django.db import transaction

from core.localization import sync_translation
from states import seed
from states.importer import LegislatorDataError, import_legislators
from states.models import StateLegislatorImport
from states.scorecard_import import ScorecardDataError, import_scorecard
from states.state_importer import import_state_legislators
from states.state_importer.sources import default_locations

from . import bills
from .phrases import other_locales, tr

SUMMARIES = {
    "NY": tr.paragraphs(
        (
            "In March 2021 the New York City Council passed Int. 2220-A, a local right to be "
            "free from unreasonable searches and seizures and from excessive force, with no "
            "qualified immunity defence. It applies in the city only; the criteria below score "
            "state law.",
            "En marzo de 2021 el Concejo Municipal de Nueva York aprobó la Int. 2220-A, un "
            "derecho local a no sufrir registros ni detenciones irrazonables ni uso excesivo de "
            "la fuerza, sin la defensa de la inmunidad calificada. Rige solo en la ciudad; los "
            "criterios siguientes evalúan la ley estatal.",
        ),
    ),
}


def _summarise(pages, stdout) -> None:
    for code, summary in SUMMARIES.items():
        page = pages[code]
        if page.summary:
            continue
        page.summary = summary
        page.save_revision().publish()
        page.refresh_from_db()
        stdout.write(f"  summarised {page.title}")
        for locale in other_locales():
            # The research's own words stay in English until a translator gives them.
            sync_translation(page, locale.language_code, tr.es)


def _assess(stdout) -> None:
    """The researched marks for all 51 jurisdictions, through the importer editors use."""
    if not settings.SCORECARD_DATA:
        stdout.write(
            "  the scorecard has no marks yet: no research file found. Run `manage.py "
            "import_scorecard <path or URL of assessments.csv>` (docs/scorecard.md)."
        )
        return
    try:
        outcome = import_scorecard(run_by="manage.py demo", translation_strings={"es": tr.es})
    except ScorecardDataError as error:
        stdout.write(f"  could not import the scorecard research: {error}")
        return
    record = outcome.record
    stdout.write(
        f"  scorecard: {record.added} marks added, {record.changed} changed, "
        f"{record.unchanged} unchanged from {record.source} in {record.seconds:.1f} s"
    )


def _legislators(stdout) -> None:
    """The real members of Congress and ZIP table, when the files or the publishers can be
    reached; otherwise say so and carry on (the letter page then explains it has no data)."""
    if not settings.LEGISLATOR_DEMO_IMPORT:
        return
    try:
        outcome = import_legislators(skip_if_unchanged=True, timeout=15)
    except LegislatorDataError as error:
        stdout.write(
            "  the letter page has no legislator data yet: could not import it "
            f"({str(error).splitlines()[0]}). Run `manage.py import_legislators --source "
            "<folder>` once you have the files (docs/legislators.md)."
        )
        return
    record = outcome.record
    if outcome.applied:
        stdout.write(
            f"  imported {record.legislator_count} members of Congress and "
            f"{record.zip_area_count} ZIP code rows from {record.source} in {record.seconds:.1f} s"
        )
    else:
        stdout.write(f"  legislator data unchanged since {record.finished_at:%Y-%m-%d %H:%M}")


def _state_legislators(stdout) -> None:
    """The state legislators, from the shared data folders only (no download: about 18 s the
    first time, so only once; a later `make demo` skips it). `manage.py
    import_state_legislators` refreshes them."""
    if not settings.LEGISLATOR_DEMO_IMPORT:
        return
    if StateLegislatorImport.objects.exists():
        stdout.write("  state legislators already imported (manage.py import_state_legislators)")
        return
    people, zips = default_locations()
    if not (people and zips and Path(people).is_dir() and Path(zips).is_dir()):
        stdout.write(
            "  the state letter page has no state legislator data yet: run "
            "`manage.py import_state_legislators <folder> --zip-source <folder>` "
            "(docs/legislators.md)."
        )
        return
    try:
        outcome = import_state_legislators(timeout=15)
    except LegislatorDataError as error:
        stdout.write(f"  could not import the state legislators ({str(error).splitlines()[0]})")
        return
    record = outcome.record
    stdout.write(
        f"  imported {record.legislator_count} state legislators and "
        f"{record.zip_area_count} ZIP code rows in {record.seconds:.1f} s"
    )


@transaction.atomic
def load(stdout) -> None:
    # The research goes in before the state pages are translated, so that each page's Spanish
    # translation is made once, with its marks, rather than made and then synced.
    index, pages = seed.load(stdout, translated=False)
    _assess(stdout)
    seed.ensure_states(index, stdout)
    _summarise(pages, stdout)
    bills.load_bills(stdout)
    bills.load_federal_bills(stdout)
    _legislators(stdout)
    _state_legislators(stdout)
    bills.name_sample_committee(stdout)
