"""Property-based fuzzing of the public GET endpoints through the test client: whatever a
visitor, bot or scanner sends, the answer is never a server error.

Forms added later get their own fuzz tests beside these (issue "Hardening", item 5).
"""

import pytest
from django.http.request import validate_host
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.factories import StandardPageFactory

# Reads Wagtail's indexes, kept as in production (tests/conftest.py).
pytestmark = pytest.mark.indexes

# How many examples: the Hypothesis profile (tests/conftest.py), small locally, 300 in CI.
FUZZ = settings(
    deadline=None,
    # The site fixture is built once per test and only read by the requests.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text as hostile as it gets: NUL and other control characters, right-to-left marks and
# scripts, emoji, lone surrogates excluded only because no HTTP client can send them.
hostile_text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.sampled_from(
        [
            "\x00",
            "a\x00b",
            "\u202eevil\u202c",
            "مرحبا بالعالم",
            "שלום",
            "🏳️‍🌈👩‍⚖️⚖️",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "%00",
            "%",
            "\\",
            "../../etc/passwd",
            "*",
            '"',
            "q" * 10_000,
            "\U0010ffff",
            "\r\nSet-Cookie: x=y",
        ]
    ),
    st.text(max_size=20).map(lambda s: s * 500),  # huge, repetitive
)


@pytest.fixture
def site(home_page, spanish_home):
    StandardPageFactory(parent=home_page, slug="about", title="About qualified immunity")
    return Client()


@pytest.mark.django_db
@FUZZ
@given(language=st.sampled_from(["en", "es"]), query=hostile_text, page=hostile_text)
def test_search_never_fails(site, language, query, page):
    response = site.get(f"/{language}/search/", {"q": query, "page": page})
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["\x00", "a\x00b", '"', 'a"b', '"qualified immunity"', "NEAR(", "a:b", "*", "^", "-x"]
)
def test_search_cases_the_fuzzer_found_or_that_mean_something_to_the_search_engine(site, query):
    # '\x00' broke PostgreSQL (NUL in text) and SQLite; '"' broke SQLite's FTS5 syntax.
    response = site.get("/en/search/", {"q": query})
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_quoted_search_still_finds_the_page(site):
    response = site.get("/en/search/", {"q": '"qualified immunity"'})
    assert "About qualified immunity" in response.content.decode()


@pytest.mark.django_db
@FUZZ
@given(
    language=st.sampled_from(["en", "es"]),
    path=st.lists(hostile_text, min_size=1, max_size=4).map("/".join),
    query=st.dictionaries(hostile_text, hostile_text, max_size=3),
)
def test_any_path_answers_without_a_server_error(site, language, path, query):
    response = site.get(f"/{language}/{path}", query)
    assert response.status_code < 500, (path, response.status_code)


# RFC 9110 header values are visible ASCII plus space and tab; a WSGI server hands Django
# whatever bytes came, decoded as Latin-1, so anything in that range can arrive.
header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=200)


@pytest.mark.django_db
@FUZZ
@given(
    path=st.sampled_from(["/", "/en/", "/es/", "/en/search/?q=ley", "/es/about/"]),
    accept_language=st.one_of(
        header_text,
        st.lists(
            st.tuples(
                st.from_regex(r"[a-zA-Z*]{1,8}(-[a-zA-Z0-9]{1,8}){0,2}", fullmatch=True),
                st.one_of(st.floats(min_value=-1, max_value=2), st.just(float("nan"))),
            ),
            max_size=6,
        ).map(lambda items: ", ".join(f"{tag};q={q}" for tag, q in items)),
    ),
)
def test_any_accept_language_is_answered(site, path, accept_language):
    response = site.get(path, headers={"accept-language": accept_language})
    assert response.status_code in (200, 301, 302, 404)


@pytest.mark.django_db
@FUZZ
@given(host=st.one_of(header_text, st.sampled_from(["", "testserver:99999", "[::1", "a" * 300])))
def test_a_bad_host_header_is_a_400_never_a_500(home_page, host, settings):
    # The page cache reads the host for its key: turned on so that path is fuzzed too.
    settings.PAGE_CACHE_SECONDS = 600
    response = Client().get("/en/", headers={"host": host})
    assert response.status_code in (200, 400), (host, response.status_code)
    if response.status_code == 200:  # only an allowed host (any case, any port) gets a page
        domain = host.lower().rsplit(":", 1)[0] if host.count(":") == 1 else host.lower()
        assert validate_host(domain, [*settings.ALLOWED_HOSTS, "testserver"]), host
