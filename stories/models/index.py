"""StoryIndexPage: every case story, filterable by URL, with counts, pages and feeds."""

from functools import partial

from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Prefetch
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page
from wagtail.search import index

from core import site_cache
from core.search import SEARCH_CACHE_SECONDS, matching_keys, search_terms
from core.spam import over_search_limit, search_rate_limit
from home.models import CampaignRendition
from home.models.pages import SharingMixin
from stories.feeds import ChildFeedsMixin
from stories.filters import FACET_ROW, StoryFilters, build_facets, count_facets, passing
from stories.models.story import CaseStoryPage
from stories.state_pages import state_pages_by_code

STORIES_PER_PAGE = 12
# Newest decisions first (stories without a year last), then newest published.
LISTING_ORDER = (F("decision_year").desc(nulls_last=True), "-first_published_at", "-pk")
# The card image's filter spec, as {% image story.hero_image fill-640x360 format-webp %} writes
# it; only these renditions are prefetched for a page of cards.
CARD_RENDITION_SPEC = "fill-640x360|format-webp"
# What stories/includes/story_card.html shows of a story (url_path for its link); anything else
# read from a card would cost a query per card (tests/stories: test_cards_load_only_what_they_show).
CARD_FIELDS = (
    "title",
    "url_path",
    "hero_image",
    "hero_image_alt",
    "case_name",
    "decision_year",
    "state_code",
    "outcome",
    "harm_type",
    "summary",
    "is_sample",
)


def with_card_images(stories):
    """Hero images and their card renditions in two queries for any number of stories."""
    return stories.select_related("hero_image").prefetch_related(
        Prefetch(
            "hero_image__renditions",
            queryset=CampaignRendition.objects.filter(filter_spec=CARD_RENDITION_SPEC),
            to_attr="prefetched_renditions",
        )
    )


class StoryIndexPage(ChildFeedsMixin, SharingMixin, Page):
    introduction = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("A sentence or two above the stories, e.g. why these stories matter."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    feed_child_model = "stories.CaseStoryPage"
    template = "stories/story_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.CaseStoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index page")

    def get_share_description(self) -> str:
        return self.search_description or self.introduction

    def stories(self):
        """This index's live, public stories in its own language."""
        return CaseStoryPage.objects.live().public().child_of(self).filter(locale_id=self.locale_id)

    @path("")
    def index_route(self, request, *args, **kwargs):
        response = super().index_route(request, *args, **kwargs)
        if response.context_data.get("too_many_searches"):
            _limit, window = search_rate_limit()
            response.status_code = 429
            response["Retry-After"] = str(window)
            patch_cache_control(response, no_store=True)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = StoryFilters.from_query(request.GET)
        page_number = site_cache.requested_page(request)
        # The listing (filter menus and their counts, the total, a page of cards) changes only
        # when a page is published, so it is rendered once per language, filters and page until
        # then, and kept as HTML; a search served from here does not count against the limit.
        urls = self.feed_urls(request)
        render = partial(self.render_listing, request, filters, page_number, urls)
        listing = (
            render()
            if getattr(request, "is_preview", False)
            else site_cache.cached(
                "story-listing",
                render,
                self.pk,
                get_language(),
                request.scheme,
                request.get_host(),
                filters.querystring(),
                page_number,
                keep=lambda listing: not listing["too_many_searches"],
                # Words are matched in the search index, which trails a publish (core.search).
                seconds=SEARCH_CACHE_SECONDS if filters.query else None,
            )
        )
        context.update(
            filters=filters,
            listing=listing,
            too_many_searches=listing["too_many_searches"],
            # The language switcher keeps the filters it understood, never a value it dropped.
            language_switch_query=filters.querystring(
                **({"page": listing["page_number"]} if listing["page_number"] > 1 else {})
            ),
            feed_url=urls["feed_url"],
            atom_feed_url=urls["atom_feed_url"],
        )
        return context

    def render_listing(
        self, request, filters: StoryFilters, page_number: str, urls: dict[str, str]
    ) -> dict:
        """The listing's HTML for these filters and the requested page, with the page number it
        settled on (a page past the end shows the last) and whether the words were left out.
        `urls`: the index's own and its feeds' (feed_urls())."""
        stories = self.stories()
        # Past the search limit the words are left out (the other filters still apply) and the
        # page says why (index_route answers 429).
        too_many_searches = bool(filters.query) and over_search_limit(request)
        # Words of nothing but quotes search for nothing: every story is listed.
        if search_terms(filters.query) and not too_many_searches:
            facets, page_obj, story_list = self.listing_with_words(stories, filters, page_number)
        else:
            matching = stories.filter(**filters.lookups()).order_by(*LISTING_ORDER)
            # A card shows a few fields: loading only those saves building (and decoding) the
            # rest.
            page_obj = Paginator(
                with_card_images(matching.only(*CARD_FIELDS)), STORIES_PER_PAGE
            ).get_page(page_number)
            story_list = list(page_obj.object_list)
            facets = build_facets(stories, filters)
        state_pages = state_pages_by_code({s.state_code for s in story_list}, self.locale_id)
        for story in story_list:
            story.listed_state_page = state_pages.get(story.state_code)
        html = render_to_string(
            "stories/includes/story_listing.html",
            {
                "page": self,
                "filters": filters,
                "facets": facets,
                "page_obj": page_obj,
                "story_list": story_list,
                "pagination_query": filters.querystring(),
                **urls,
            },
            request=request,
        )
        return {
            "html": mark_safe(html),  # noqa: S308 (our own rendered template)
            "page_number": page_obj.number,
            "too_many_searches": too_many_searches,
        }

    @staticmethod
    def listing_with_words(stories, filters: StoryFilters, page_number: str):
        """(facets, page_obj, story_list) for a listing with words. The stories matching the
        words are read once, in the listing's order, only their keys and the fields the menus
        count; then counted and filtered here: counted by queries, each would run the
        full-text match again (six matches for one listing, 67 ms of CPU at 3,000 matching
        stories on SQLite). Then only the page's cards are loaded."""
        rows = list(
            stories.filter(pk__in=matching_keys(stories, search_terms(filters.query)))
            .order_by(*LISTING_ORDER)
            .values_list(*FACET_ROW)
        )
        keys = [row[0] for row in passing(rows, filters.lookups())]
        page_obj = Paginator(keys, STORIES_PER_PAGE).get_page(page_number)
        cards = with_card_images(stories.filter(pk__in=list(page_obj)).only(*CARD_FIELDS))
        found = {story.pk: story for story in cards}
        story_list = [found[key] for key in page_obj if key in found]
        return count_facets(rows, filters), page_obj, story_list
