"""The catalogue (tests/bad_input/catalogue.py) is complete: every case of issue #10, item 3,
has an entry for every public form, and every test it names exists."""

import ast

from tests.bad_input.catalogue import CATALOGUE, FORMS
from tests.helpers import ROOT

CASES = [
    "script and HTML in every field",
    "spreadsheet formulas in names",
    "10,000-character text",
    "emoji, ZWJ sequences, right-to-left text and U+202E",
    "NUL bytes",
    "whitespace-only values",
    "the same email twice at once",
    "refresh and back-resubmit after POST",
    "CSRF token",
    "uploads of 50 MB, a non-image and a decompression bomb",
    "more than 1,000 POST fields",
    "an unknown language prefix",
    "a page with no translation",
    "a bad Host header",
    "utm_ and random query strings against the cache",
    "an editor without the data permission opening submissions or exports",
]


def test_every_case_of_the_issue_is_in_the_catalogue():
    for case in CASES:
        assert any(case in entry for entry in CATALOGUE), case


def test_every_case_has_an_entry_for_every_form():
    for case, cells in CATALOGUE.items():
        assert set(cells) == set(FORMS), case
        for form, references in cells.items():
            assert references, (case, form)


def test_every_referenced_test_exists():
    defined: dict[str, set[str]] = {}
    missing = []
    for case, cells in CATALOGUE.items():
        for form, references in cells.items():
            for reference in references:
                if reference.startswith("n/a: "):
                    assert len(references) == 1 and len(reference) > 15, (case, form)
                    continue
                path, name = reference.split("::")
                if path not in defined:
                    tree = ast.parse((ROOT / path).read_text())
                    defined[path] = {
                        node.name for node in tree.body if isinstance(node, ast.FunctionDef)
                    }
                if name not in defined[path] or not name.startswith("test_"):
                    missing.append(reference)
    assert missing == []
