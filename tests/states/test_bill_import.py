"""manage.py import_bills: the federal bill list, re-runnable, with stance and status."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from states.models import Bill, BillStatus, Stance
from tests.helpers import require_tool, shared_data_folder

HEADER = "congress,bill,title,stance,introduced,sponsor,status,status_date,status_note,source_url"
ROWS = [
    "117,H.R. 1470,Ending Qualified Immunity Act,ends QI,2021-03-01,Rep. Ayanna Pressley,died,"
    "2023-01-03,Died in committee when the 117th Congress ended,https://example.org/1470",
    "119,H.R. 503,Qualified Immunity Act of 2025,codifies QI (opposed),2025-01-16,Rep. Virginia "
    "Foxx,in_committee,2025-01-16,Referred to the House Committee on the Judiciary,"
    "https://example.org/503",
    "119,S. 1913,Ending Qualified Immunity Act,ends QI,2025-05-22,Sen. Edward J. Markey,"
    "in_committee,2025-05-22,Read twice and referred to the Senate Committee on the Judiciary,"
    "https://example.org/s1913",
]


def write(tmp_path, rows, name="bills.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return str(path)


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_bills", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_bills_are_imported_with_stance_status_and_history_and_re_running_changes_nothing(
    home_page, spanish_home, tmp_path
):
    path = write(tmp_path, ROWS)
    assert "3 federal bills: 3 added, 0 changed, 0 unchanged." in run(path, "--dry-run")
    assert not Bill.objects.exists()
    assert "3 federal bills: 3 added" in run(path)
    dead = Bill.objects.get(number="H.R. 1470", locale__language_code="en")
    assert dead.session == "117th Congress" and dead.stance == Stance.ENDS
    assert [c.status for c in dead.history] == [BillStatus.INTRODUCED, BillStatus.FAILED]
    assert not dead.is_alive
    opposed = Bill.objects.get(number="H.R. 503", locale__language_code="en")
    assert opposed.is_opposed and opposed.is_alive
    assert Bill.objects.get(number="S. 1913", locale__language_code="es").status == (
        BillStatus.IN_COMMITTEE
    )
    assert "0 added, 0 changed, 3 unchanged." in run(path)
    # The Senate bill dies: the bill is updated in both languages.
    moved = [*ROWS[:2], ROWS[2].replace("in_committee,2025-05-22", "died,2027-01-03")]
    assert "update S. 1913 (119th Congress): status history" in run(write(tmp_path, moved, "b.csv"))
    for language in ("en", "es"):
        assert not Bill.objects.get(number="S. 1913", locale__language_code=language).is_alive


@pytest.mark.django_db
def test_bad_rows_are_refused_with_their_row_numbers(home_page, tmp_path):
    rows = [ROWS[0].replace(",died,", ",asleep,"), ROWS[1].replace("2025-01-16", "Jan 16", 1)]
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, rows))
    assert "row 2: unknown status “asleep”" in str(error.value)
    assert "row 3: introduced “Jan 16” is not a date" in str(error.value)
    assert not Bill.objects.exists()


@pytest.mark.django_db
def test_the_real_bill_list_imports(home_page, spanish_home):
    folder = shared_data_folder("federal-bills.csv")
    require_tool(folder is not None, "the federal bill list (../shared/data) is absent")
    run(str(folder / "federal-bills.csv"))
    with (folder / "federal-bills.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    english = Bill.objects.filter(locale__language_code="en")
    assert english.count() == len(rows)
    alive = {bill.number for bill in english if bill.is_alive}
    assert alive == {r["bill"] for r in rows if r["status"] == "in_committee"}
    assert {"S. 1913", "H.R. 3602"} <= alive and "H.R. 1470" not in alive
