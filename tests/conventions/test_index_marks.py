"""Tests run with Wagtail's search and reference indexes left as they are (tests/conftest.py:
indexes_kept_current), unless marked `indexes`. A test that searches, or reads the reference
index, without the mark would find nothing, and one that checks that something is *not* found
would pass whatever the site did. So every test whose code searches or reads those indexes
carries the mark (on itself or on its module), or is a browser or live test or reads the demo,
which keep them."""

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
# A site search, a story index filtered by words, an admin listing searched, or the indexes read.
READS_AN_INDEX = re.compile(
    r"/search/|/buscar/|\?q=|[\"']q[\"']\s*:|ReferenceIndex|IndexEntry|(?<!\bre)\.search\([\"']"
)
KEEPS_THE_INDEXES = re.compile(r"\bmark\.(indexes|browser|live)\b")


def unmarked_tests_that_read_an_index(path: Path, label: str) -> list[str]:
    source = path.read_text()
    if not READS_AN_INDEX.search(source):
        return []  # most files: nothing to parse
    tree = ast.parse(source)
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(
                isinstance(target, ast.Name) and target.id == "pytestmark"
                for target in node.targets
            )
            and KEEPS_THE_INDEXES.search(ast.get_source_segment(source, node) or "")
        ):
            return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
            "test_"
        ):
            decorators = " ".join(
                ast.get_source_segment(source, d) or "" for d in node.decorator_list
            )
            if KEEPS_THE_INDEXES.search(decorators) or "demo_site" in {
                argument.arg for argument in node.args.args
            }:
                continue
            if READS_AN_INDEX.search(ast.get_source_segment(source, node) or ""):
                found.append(f"{label}::{node.name}")
    return found


def test_every_test_that_reads_an_index_keeps_it_current():
    unmarked = [
        name
        for path in sorted(TESTS.rglob("test_*.py"))
        # tests/e2e/conftest.py marks every test there a browser test.
        if path != Path(__file__).resolve() and "e2e" not in path.parts
        for name in unmarked_tests_that_read_an_index(path, str(path.relative_to(TESTS.parent)))
    ]
    assert unmarked == [], "mark these @pytest.mark.indexes (tests/conftest.py says why)"


def test_the_check_sees_a_search_without_the_mark(tmp_path):
    """The check itself: it finds an unmarked search, and accepts the mark in either place."""
    test_file = tmp_path / "test_example.py"
    body = 'def test_search(client):\n    client.get("/en/search/", {"q": "ley"})\n'
    test_file.write_text("import pytest\n\n" + body)
    assert [
        name.split("::")[1] for name in unmarked_tests_that_read_an_index(test_file, "example")
    ] == ["test_search"]
    test_file.write_text("import pytest\n\n@pytest.mark.indexes\n" + body)
    assert unmarked_tests_that_read_an_index(test_file, "example") == []
    test_file.write_text("import pytest\n\npytestmark = pytest.mark.indexes\n\n" + body)
    assert unmarked_tests_that_read_an_index(test_file, "example") == []
