"""RSS and Atom feeds of an index page's children, in that index's language only.

Served by the index page itself (RoutablePageMixin routes feed/ and feed/atom/), so each
translation of the index has its own feed at /en/stories/feed/, /es/historias/feed/ and so on.
"""

from django.apps import apps
from django.contrib.syndication.views import Feed
from django.db.models import F
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

FEED_LENGTH = 20


class PageChildrenFeed(Feed):
    """The latest live, public children of one index page, newest first."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page, child_model):
        super().__init__()
        self.index_page = index_page
        self.child_model = child_model
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.index_page.locale.language_code
        return self.index_page

    def title(self, obj):
        return obj.seo_title or obj.title

    def link(self, obj):
        return obj.get_url(request=self.request)

    def description(self, obj):
        return obj.get_share_description() or obj.title

    def items(self, obj):
        return (
            self.child_model.objects.live()
            .public()
            .child_of(obj)
            .filter(locale_id=obj.locale_id)
            # PostgreSQL sorts NULLs first when descending; never-published pages go last.
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.get_share_description()

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        # Atom requires <updated> on every entry.
        return item.last_published_at or item.first_published_at or item.latest_revision_created_at

    def item_categories(self, item):
        return getattr(item, "feed_categories", list)()


class AtomPageChildrenFeed(PageChildrenFeed):
    feed_type = Atom1Feed
    subtitle = PageChildrenFeed.description


class ChildFeedsMixin(RoutablePageMixin):
    """Adds feed/ (RSS) and feed/atom/ routes listing the page's children of one model."""

    feed_child_model = ""  # "app_label.ModelName"

    def url_for_route(self, request, name: str) -> str:
        # A page outside any site (e.g. previewed before it is placed) has no URL of its own.
        return (self.get_url(request=request) or "") + self.reverse_subpage(name)

    def feed_urls(self, request) -> dict[str, str]:
        """The page's own address and its two feeds', from one lookup of the address."""
        url = self.get_url(request=request) or ""
        return {
            "page_url": url,
            "feed_url": url + self.reverse_subpage("feed"),
            "atom_feed_url": url + self.reverse_subpage("atom_feed"),
        }

    @path("feed/", name="feed")
    def rss_feed(self, request):
        return PageChildrenFeed(self, apps.get_model(self.feed_child_model))(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return AtomPageChildrenFeed(self, apps.get_model(self.feed_child_model))(request)
