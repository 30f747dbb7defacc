"""manage.py import_scorecard: the research file into the state pages, as editors would."""

import csv
import http.server
import io
import threading

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from core.localization import translate
from states import seed
from states.models import AssessmentStatus, ScorecardImport, StateAssessment, StatePage
from states.scorecard_import import import_scorecard
from tests.helpers import staff_user
from tests.states.helpers import make_state, rubric

HEADER = [
    "state_code",
    "criterion_slug",
    "status",
    "summary",
    "citation",
    "quote",
    "source_title",
    "source_url",
    "checked_on",
    "confidence",
    "note",
]


def row(state="CO", criterion="police-immunity", status="met", **fields):
    values = {
        "state_code": state,
        "criterion_slug": criterion,
        "status": status,
        "summary": f"{state} {criterion} summary.",
        "citation": "C.R.S. 13-21-131",
        "quote": "",
        "source_title": "A statute",
        "source_url": "https://example.org/law",
        "checked_on": "2026-12-02",
        "confidence": "high",
        "note": "",
    }
    values.update(fields)
    return values


def write(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_scorecard", *args, "--by", "test", stdout=out)
    return out.getvalue()


@pytest.fixture
def pages(home_page, spanish_home):
    """Colorado and Texas, each with its Spanish translation, and no marks yet."""
    criteria = rubric()
    index = seed.ensure_index(io.StringIO())
    colorado = make_state(index, "CO", [], criteria)
    texas = make_state(index, "TX", [], criteria)
    translate(colorado, "es", {"Colorado": "Colorado", "colorado": "colorado"})
    translate(texas, "es", {"Texas": "Texas", "texas": "texas"})
    return colorado, texas


FIRST = [
    row(),
    row(criterion="award-caps", status="partly_met", confidence="low", checked_on="2026-11-30"),
    row(
        criterion="full-compensation",
        status="not_assessed",
        source_url="",
        source_title="",
        checked_on="2026-12-01",
        confidence="low",
        note="Indemnification was not surveyed.",
    ),
    row(state="TX", status="not_met", confidence="medium"),
]


def marks(code, language="en"):
    page = StatePage.objects.get(postal_code=code, locale__language_code=language)
    return {a.criterion.slug: a for a in page.assessments.select_related("criterion")}


@pytest.mark.django_db
def test_a_dry_run_says_what_would_change_and_changes_nothing(pages, tmp_path):
    out = run(write(tmp_path / "a.csv", FIRST), "--dry-run")
    assert "Colorado (CO): 3 added, 0 unchanged" in out
    assert "Texas (TX): 1 added, 0 unchanged" in out
    assert "4 marks for 2 states: 4 added, 0 changed, 0 unchanged" in out
    assert "Dry run: nothing was changed." in out
    assert not StateAssessment.objects.exists()
    assert not ScorecardImport.objects.exists()


@pytest.mark.django_db
def test_an_import_publishes_each_mark_with_its_own_date_and_confidence_in_both_languages(
    pages, tmp_path, client
):
    out = run(write(tmp_path / "a.csv", FIRST))
    assert "Imported: 4 added, 0 changed, 0 unchanged, 0 kept" in out
    colorado = marks("CO")
    assert colorado["police-immunity"].status == AssessmentStatus.MET
    assert colorado["award-caps"].status == AssessmentStatus.PARTLY
    assert str(colorado["award-caps"].checked_on) == "2026-11-30"
    assert colorado["award-caps"].confidence == "low"
    assert colorado["full-compensation"].note == "Indemnification was not surveyed."
    assert marks("TX")["police-immunity"].status == AssessmentStatus.NOT_MET
    # Published as a revision, as an editor would: the admin shows what the site shows.
    page = StatePage.objects.get(postal_code="CO", locale=Locale.get_default())
    assert not page.has_unpublished_changes
    latest = page.get_latest_revision_as_object()
    assert {a.status for a in latest.assessments.all()} == {"met", "partly", "not_assessed"}
    # The Spanish page follows, its criteria in Spanish, the research's words still English.
    spanish = marks("CO", "es")
    assert spanish["police-immunity"].status == AssessmentStatus.MET
    assert spanish["police-immunity"].criterion.locale.language_code == "es"
    html = client.get("/es/evaluacion-por-estado/colorado/").content.decode()
    # Marked as English for screen readers, and said to be so for everyone else.
    assert (
        '<p class="criterion__summary"><span lang="en">CO police-immunity summary.</span> '
        '<span class="meta">(aún sin traducir)</span></p>'
    ) in html
    assert "Confianza baja:" in html
    assert "<strong>1,5 de 9</strong>; 2 evaluados" in html
    html = client.get("/en/scorecard/colorado/").content.decode()
    assert "<strong>1.5 of 9</strong>; 2 assessed" in html
    assert "checked on Nov. 30, 2026" in html and "checked on Dec. 2, 2026" in html
    assert "1 mark rests on thin evidence and is flagged below." in html
    assert "What we could not establish:" in html
    assert "Indemnification was not surveyed." in html
    record = ScorecardImport.objects.get()
    assert (record.added, record.changed, record.unchanged, record.run_by) == (4, 0, 0, "test")
    assert record.by_state == {"CO": {"added": 3}, "TX": {"added": 1}}


@pytest.mark.django_db
def test_re_running_the_same_file_changes_nothing(pages, tmp_path):
    path = write(tmp_path / "a.csv", FIRST)
    run(path)
    revisions = StatePage.objects.get(postal_code="CO", locale=Locale.get_default()).revisions
    count = revisions.count()
    out = run(path)
    assert "4 marks for 2 states: 0 added, 0 changed, 4 unchanged" in out
    assert revisions.count() == count
    assert ScorecardImport.objects.first().unchanged == 4


@pytest.mark.django_db
def test_a_changed_row_is_reported_field_by_field_and_applied(pages, tmp_path):
    run(write(tmp_path / "a.csv", FIRST))
    second = [dict(r) for r in FIRST]
    second[0].update(status="partly_met", checked_on="2026-12-20")
    out = run(write(tmp_path / "b.csv", second))
    assert "Colorado (CO): 1 changed, 2 unchanged" in out
    assert "CO police-immunity (row 2): checked_on, status updated" in out
    mark = marks("CO")["police-immunity"]
    assert mark.status == AssessmentStatus.PARTLY and str(mark.checked_on) == "2026-12-20"
    assert marks("CO", "es")["police-immunity"].status == AssessmentStatus.PARTLY
    entry = ScorecardImport.objects.first().changes[0]
    assert entry["fields"]["status"] == ["met", "partly"]


def edit_in_the_admin(code: str, slug: str, **fields):
    page = StatePage.objects.get(postal_code=code, locale=Locale.get_default())
    page = page.get_latest_revision_as_object()
    assessments = list(page.assessments.all())
    for assessment in assessments:
        if assessment.criterion.slug == slug:
            for name, value in fields.items():
                setattr(assessment, name, value)
    page.assessments = assessments
    page.save_revision().publish()


@pytest.mark.django_db
def test_an_editors_change_is_kept_unless_forced(pages, tmp_path):
    run(write(tmp_path / "a.csv", FIRST))
    edit_in_the_admin("CO", "police-immunity", note="Checked with our lawyers.")
    second = [dict(r) for r in FIRST]
    second[0]["summary"] = "A newer summary."
    path = write(tmp_path / "b.csv", second)
    out = run(path)
    assert "Colorado (CO): 1 kept, 2 unchanged" in out
    assert "kept as an editor changed it in the admin (note, summary differ" in out
    assert marks("CO")["police-immunity"].note == "Checked with our lawyers."
    assert ScorecardImport.objects.first().kept == 1
    out = run(path, "--force")
    assert "Colorado (CO): 1 changed, 2 unchanged" in out
    mark = marks("CO")["police-immunity"]
    assert mark.note == "" and mark.summary == "A newer summary."
    assert ScorecardImport.objects.first().forced


@pytest.mark.django_db
def test_a_page_with_an_unpublished_draft_is_left_alone(pages, tmp_path):
    run(write(tmp_path / "a.csv", FIRST))
    page = StatePage.objects.get(postal_code="CO", locale=Locale.get_default())
    page.title = "Colorado (draft)"
    page.save_revision()
    second = [dict(r) for r in FIRST]
    second[0]["status"] = "not_met"
    out = run(write(tmp_path / "b.csv", second))
    assert "skipped, the page has an unpublished draft" in out
    assert marks("CO")["police-immunity"].status == AssessmentStatus.MET
    assert page.get_latest_revision_as_object().title == "Colorado (draft)"


@pytest.mark.django_db
def test_bad_rows_are_refused_with_their_row_numbers_and_nothing_is_written(pages, tmp_path):
    rows = [
        row(),
        row(criterion="award-caps", status="met", source_url="", source_title=""),
        row(state="ZZ"),
        row(criterion="no-such-thing"),
        row(criterion="attorney-fees", status="great"),
        row(criterion="full-compensation", checked_on="last week"),
        row(criterion="officer-consequences", confidence="certain"),
        row(),
    ]
    with pytest.raises(CommandError) as error:
        run(write(tmp_path / "bad.csv", rows))
    message = str(error.value)
    assert message.startswith("Nothing was imported: the file has 7 problems.")
    assert "row 3: a “met” mark needs a source_url and a checked_on date" in message
    assert "row 4: unknown state code “ZZ”" in message
    assert "row 5: unknown criterion “no-such-thing”" in message
    assert "row 6: unknown status “great”" in message
    assert "row 7: checked_on “last week” is not a date" in message
    assert "row 8: unknown confidence “certain”" in message
    assert "row 9: CO police-immunity is already given on row 2" in message
    assert not StateAssessment.objects.exists() and not ScorecardImport.objects.exists()


@pytest.mark.django_db
def test_files_that_cannot_be_read_get_a_clear_error(pages, tmp_path):
    with pytest.raises(CommandError, match="is missing"):
        run(str(tmp_path / "nowhere.csv"))
    (tmp_path / "wrong.csv").write_text("state,score\nCO,3\n", encoding="utf-8")
    with pytest.raises(CommandError, match="lacks the column"):
        run(str(tmp_path / "wrong.csv"))
    (tmp_path / "latin1.csv").write_bytes(",".join(HEADER).encode() + b"\nCO,Mar\xeda\n")
    with pytest.raises(CommandError, match="not UTF-8"):
        run(str(tmp_path / "latin1.csv"))


@pytest.mark.django_db
def test_a_state_without_a_page_is_named(home_page, tmp_path):
    rubric()
    seed.ensure_index(io.StringIO())
    with pytest.raises(CommandError, match="there is no state page for CO"):
        run(write(tmp_path / "a.csv", [row()]))


@pytest.mark.django_db
def test_the_file_can_come_from_a_url(pages, tmp_path):
    content = (tmp_path / "a.csv").read_bytes() if write(tmp_path / "a.csv", FIRST) else b""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != "/assessments.csv":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        outcome = import_scorecard(f"{base}/assessments.csv", run_by="test")
        assert outcome.record.added == 4
        with pytest.raises(CommandError, match="the server answered 404"):
            run(f"{base}/missing.csv")
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.django_db
def test_staff_read_the_imports_in_the_admin_and_cannot_change_them(pages, tmp_path, client):
    run(write(tmp_path / "a.csv", FIRST))
    edit_in_the_admin("CO", "police-immunity", note="Edited.")
    second = [dict(r) for r in FIRST]
    second[0]["summary"] = "Newer."
    run(write(tmp_path / "b.csv", second))
    user = staff_user("reader", "view_scorecardimport")
    client.force_login(user)
    html = client.get("/admin/scorecardimport/").content.decode()
    assert "Latest import" in html
    assert "kept: an editor changed it in the admin since the last import" in html
    assert "CO · police-immunity" in html
    record = ScorecardImport.objects.last()
    html = client.get(f"/admin/scorecardimport/inspect/{record.pk}/").content.decode()
    assert "4 added, 0 changed, 0 unchanged, 0 kept as editors left them" in html
    assert client.get("/admin/scorecardimport/new/").status_code in (302, 403)
    assert client.get(f"/admin/scorecardimport/edit/{record.pk}/").status_code in (
        302,
        403,
    )
