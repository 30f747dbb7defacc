"""Full-text search whose cost does not grow with the number of matches.

Wagtail's database backends rank every match before they can return the first ten: FTS5's
bm25() on SQLite re-runs the match for each matching row, PostgreSQL's ts_rank reads each
row's vector. A word that 3,000 stories hold then costs a second or more a request (issue 20,
docs/performance.md). So relevance is computed only over a bounded set:

- up to RANKED_MATCHES matches, the backend ranks them all, as before;
- past that, pages whose title holds every word come first (at most TITLE_FIRST of them, a
  plain case-insensitive match on the title), then the other matches, newest first. Each part
  is an indexed match without ranking, read a page of results at a time.

PostgreSQL matches the page's whole text through an index on `title || body` (migration
core/0005); SQLite's planner needs the index table's statistics (refresh_statistics).
"""

from collections.abc import Sequence
from functools import reduce
from operator import and_

from django.db import connection
from django.db.models import Q, QuerySet

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


class TitleFirstResults(Sequence):
    """Matches for a Paginator: title matches first, then the others, newest first. Counting
    and reading one page of results take a few queries, however many pages match: the keys
    are found without loading a page, then only the pages shown are loaded."""

    def __init__(self, queryset: QuerySet, terms: str, operator: str | None, total: int):
        self.queryset, self.terms, self.operator, self.total = queryset, terms, operator, total
        self.keys = queryset.order_by("-first_published_at", "-id").values_list("pk", flat=True)
        # A word's stem would need the search backend's own per-field match, which on
        # PostgreSQL computes every title's vector afresh (11 ms at 3,000 pages); the title
        # holding the words as typed is what a reader means by a title match anyway.
        in_title = reduce(and_, (Q(title__icontains=word) for word in terms.split()))
        matches = self.keys.search(terms, operator=operator, order_by_relevance=False)
        self.title_keys = list(self.keys.filter(in_title, pk__in=_keys_of(matches))[:TITLE_FIRST])

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop = index.start or 0, self.total if index.stop is None else index.stop
        keys = self.title_keys[start:stop]
        skip = len(self.title_keys)
        if stop > skip:
            others = self.keys.exclude(pk__in=self.title_keys).search(
                self.terms, operator=self.operator, order_by_relevance=False
            )
            keys += list(others[max(0, start - skip) : stop - skip])
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
    first, then newest, when many do (module docstring). Pass the result to a Paginator: the
    matches are counted once (an unranked match), and a page of them is one more search, or
    none when nothing matched."""
    matches = queryset.order_by("-first_published_at", "-id").search(
        terms, operator=operator, order_by_relevance=False
    )
    total = matches.count()
    if total == 0:
        return []
    if total <= RANKED_MATCHES:
        return RankedResults(queryset.search(terms, operator=operator), total)
    return TitleFirstResults(queryset, terms, operator, total)


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
