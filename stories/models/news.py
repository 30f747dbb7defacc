"""NewsIndexPage and NewsPage: dated campaign updates and press, with related case stories."""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.db.models import F
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models.pages import NextStepMixin, SharingMixin
from stories.blocks import StoryStreamBlock
from stories.choices import NewsKind
from stories.feeds import ChildFeedsMixin
from stories.models.index import with_card_images
from stories.models.story import CaseStoryPage, HeroAndSampleFields

NEWS_PER_PAGE = 10
RELATED_STORIES = 3


class NewsIndexPage(ChildFeedsMixin, SharingMixin, Page):
    introduction = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("A sentence above the list, e.g. 'Updates and press from the campaign'."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    feed_child_model = "stories.NewsPage"
    template = "stories/news_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def get_share_description(self) -> str:
        return self.search_description or self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = with_card_images(
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-first_published_at", "-pk")
        )
        context["page_obj"] = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        context["feed_url"] = self.url_for_route(request, "feed")
        return context


class NewsPage(HeroAndSampleFields, NextStepMixin, SharingMixin, Page):
    date = models.DateField(
        _("date"),
        default=datetime.date.today,
        help_text=_("The date the update or press release is for, shown on the page."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=NewsKind.choices,
        default=NewsKind.UPDATE,
        help_text=_("A campaign update, our press release, or coverage of us elsewhere."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One or two sentences shown in the list, in feeds and when shared."),
    )
    body = StreamField(
        StoryStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The full update: text, quotes, images and the sources it cites."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("is_sample"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("summary"),
        HeroAndSampleFields.hero_panel,
        FieldPanel("body"),
        InlinePanel(
            "related_story_links",
            max_num=RELATED_STORIES,
            heading=_("Related case stories"),
            label=_("Related story"),
            help_text=_("Up to three stories shown below; the latest stories if none are chosen."),
        ),
        NextStepMixin.next_step_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    template = "stories/news_page.html"
    parent_page_types = ["stories.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news page")

    def get_share_description(self) -> str:
        return self.search_description or self.summary

    def feed_categories(self) -> list[str]:
        return [str(self.get_kind_display())]

    def related_stories(self) -> list[CaseStoryPage]:
        """The stories editors chose, in their order and in this page's language (the links are
        shared by every translation of the page); the latest stories if none are chosen."""
        chosen = list(
            self.related_story_links.order_by("sort_order").values_list(
                "story__translation_key", flat=True
            )
        )
        stories = with_card_images(
            CaseStoryPage.objects.live().public().filter(locale_id=self.locale_id)
        )
        if chosen:
            found = {s.translation_key: s for s in stories.filter(translation_key__in=chosen)}
            picked = [found[key] for key in chosen if key in found]
            if picked:
                return picked
        latest = stories.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
        return list(latest[:RELATED_STORIES])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Looked up only when the article is rendered, not when it is served stored.
        context["related_stories"] = SimpleLazyObject(self.related_stories)
        context["index_page"] = self.get_parent()  # its URL is made in the stored article
        return context


class NewsRelatedStory(Orderable):
    """A case story an editor links to a news page."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_story_links")
    story = models.ForeignKey(
        CaseStoryPage,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A case story this news relates to."),
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("related story")
        verbose_name_plural = _("related stories")
