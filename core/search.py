"""Full-text search whose cost does not grow with the number of matches.

Wagtail's database backends rank every match before they can return the first ten: FTS5's
bm25() on SQLite re-runs the match for each matching row, PostgreSQL's ts_rank reads each
row's vector. A word that 3,000 stories hold then costs a second or more a request (issue 20,
docs/performance.md). So relevance is computed only over a bounded set:

- up to RANKED_MATCHES matches, the backend ranks them all, as before;
- past that, pages whose title holds every word come first (at most TITLE_FIRST of them, a
  case-insensitive match on the title), then the other matches, newest first: the key and
  title of every match are read in one indexed match without ranking, and a page of results
  is loaded by its keys.

PostgreSQL matches the page's whole text through an index on `title || body` (migration
core/0005); SQLite's planner needs the index table's statistics (refresh_statistics).
"""

import unicodedata
from collections.abc import Sequence

from django.db import connection
from django.db.models import QuerySet

# The index trails a publish by as long as the task worker takes to update it, and a publish
# empties the caches before that: a search kept then would miss the new page until the next
# publish. So search results are kept a minute, in the page cache and in the site cache (site
# search, the story index's words filter); "nothing found" (or a query not yet made) a few
# seconds in the page cache, and site search keeps it out of the site cache.
SEARCH_CACHE_SECONDS = 60
EMPTY_SEARCH_CACHE_SECONDS = 10
# Up to this many matches the database's own ranking is cheap (about 20 ms on SQLite for 300).
RANKED_MATCHES = 200
# At most this many title matches are put first; the rest follow among the newest.
TITLE_FIRST = 100


def clean_words(raw: str, limit: int) -> str:
    """Words typed into a search box, as kept and shown: control characters (NUL and friends
    are never meant, and the database refuses them: PostgreSQL rejects NUL in text, SQLite's
    FTS5 reads it as the end of the string and fails) become spaces, runs of spaces one, and
    the whole is cut at `limit` characters. Found by tests/security/test_fuzz.py."""
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in raw)
    return " ".join(text.split())[:limit]


def search_terms(words: str) -> str:
    """What is searched for: the words without double quotes, which carry no meaning in a
    plain-text search and which the SQLite backend does not escape inside its FTS5 string
    literals (a lone '"' is a syntax error there)."""
    return " ".join(words.replace('"', " ").split())


class TitleFirstResults(Sequence):
    """Matches for a Paginator: title matches first, then the others, newest first. Every
    match's key and title were read in one query (search_pages); reading a page of results
    loads only the pages shown, in one more."""

    def __init__(self, queryset: QuerySet, terms: str, matches: list[tuple[int, str]]):
        self.queryset = queryset
        # A word's stem would need the search backend's own per-field match, which on
        # PostgreSQL computes every title's vector afresh (11 ms at 3,000 pages); the title
        # holding the words as typed is what a reader means by a title match anyway.
        words = terms.casefold().split()
        if len(words) == 1:  # the usual search, and a third of the cost of all() here
            title_keys = [key for key, title in matches if words[0] in title.casefold()]
        else:
            title_keys = [
                key for key, title in matches if all(word in title.casefold() for word in words)
            ]
        title_keys = title_keys[:TITLE_FIRST]
        first = set(title_keys)
        self.keys = title_keys + [key for key, _title in matches if key not in first]

    def count(self) -> int:
        return len(self.keys)

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        keys = self.keys[index]
        pages = {page.pk: page for page in self.queryset.filter(pk__in=keys)}
        return [pages[key] for key in keys if key in pages]


class RankedResults(Sequence):
    """The backend's ranked results, with their total already counted: a Paginator asks for
    the count, and the backend would run the match once more to answer it."""

    def __init__(self, results, total: int):
        self.results, self.total = results, total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        return self.results[index]


def search_pages(queryset: QuerySet, terms: str, operator: str | None = None) -> Sequence:
    """Search `queryset` for `terms`, ranked by relevance when few pages match and title
    first, then newest, when many do (module docstring). Pass the result to a Paginator.

    Every match's key and title are read in one unranked match, newest first: their number
    decides, and past RANKED_MATCHES they are the order itself. A page of them is one more
    query (a ranked search when few match), or none when nothing matched."""
    matches = list(
        queryset.filter(pk__in=matching_keys(queryset, terms, operator))
        .order_by("-first_published_at", "-id")
        .values_list("pk", "title")
    )
    if not matches:
        return []
    if len(matches) <= RANKED_MATCHES:
        return RankedResults(queryset.search(terms, operator=operator), len(matches))
    return TitleFirstResults(queryset, terms, matches)


def _keys_of(results):
    """Search results as something `pk__in=` takes. The database backends give a lazy
    queryset, so the matches stay in the database as a subquery; another backend's results
    are read as a list of keys."""
    as_queryset = getattr(results, "get_queryset", None)
    if as_queryset is not None:
        return as_queryset().values("pk")
    return [getattr(result, "pk", result) for result in results]


def matching_keys(queryset: QuerySet, terms: str, operator: str | None = "and"):
    """The pages of `queryset` that match `terms`, without ranking them, as something
    `pk__in=` takes (for listings that keep their own order and count facets over every
    match)."""
    return _keys_of(queryset.search(terms, operator=operator, order_by_relevance=False))


# The tables a search reads; their statistics decide the database's plan.
SEARCHED_TABLES = ("wagtailsearch_indexentry", "wagtailcore_page")


def refresh_statistics() -> None:
    """Tell the database's query planner how large the search index and the page tree have
    grown, after many pages were added at once (the demo, an import, an index rebuild).
    Without statistics SQLite runs the full-text match once per indexed row of the searched
    type (0.4 s at 3,000 stories) instead of once, and PostgreSQL, until autovacuum comes
    round, loops over every page (46 ms instead of 5)."""
    with connection.cursor() as cursor:
        for table in SEARCHED_TABLES:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
