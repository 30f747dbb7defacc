"""Cells a spreadsheet cannot run as formulas (CSV injection), and CSV text every spreadsheet
reads in its own alphabet: every export of the site, the admin's CSV/XLSX listings and the open
data alike, passes through here."""

# Excel reads a CSV file as UTF-8 only when it starts with a byte-order mark; without one "María"
# opens as "MarÃ­a". LibreOffice, Google Sheets, pandas and Python's "utf-8-sig" skip the mark.
EXCEL_BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"

# Spreadsheets run a cell that starts with one of these as a formula; a leading apostrophe keeps
# it text (OWASP's advice for CSV exports).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(value):
    """The value, with an apostrophe in front if it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
