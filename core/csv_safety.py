"""Cells a spreadsheet cannot run as formulas (CSV injection): every export of the site, the
admin's CSV/XLSX listings and the open data alike, passes its cells through here."""

# Spreadsheets run a cell that starts with one of these as a formula; a leading apostrophe keeps
# it text (OWASP's advice for CSV exports).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(value):
    """The value, with an apostrophe in front if it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
