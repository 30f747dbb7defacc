"""`manage.py check_pages`, which CI runs on the demo: every live page and the search page in
every language must answer 200, and a page that does not is named."""

import io

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def check_pages(*args: str) -> str:
    out = io.StringIO()
    call_command("check_pages", *args, stdout=out)
    return out.getvalue()


def test_every_page_and_the_search_in_each_language_answer(home_page, spanish_home):
    output = check_pages()
    # The two home pages and the search page in each language.
    assert "4 URLs checked in languages ['en', 'es']" in output
    assert "every page answered 200" in output


def test_a_page_that_does_not_answer_200_is_named(home_page, settings):
    settings.ALLOWED_HOSTS = ["testserver"]  # the command asks as "localhost": a 400 each time
    with pytest.raises(CommandError) as raised:
        check_pages()
    assert "Pages that did not render:" in str(raised.value)
    assert f"{home_page.url} -> 400" in str(raised.value)


def test_one_url_per_page_type_and_language_for_the_browser_tests(home_page, spanish_home):
    lines = check_pages("--list-types").splitlines()
    assert lines == [f"homepage {home_page.url}", f"homepage {spanish_home.url}"]
