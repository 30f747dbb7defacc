"""HomePage and StandardPage: the site's front door and its plain content pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock, HomeStreamBlock


class SharingMixin(models.Model):
    """Open Graph / Twitter card fields every page type can fill in for shared links."""

    share_image = models.ForeignKey(
        "home.CampaignImage",
        verbose_name=_("share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social media (1200×630 works best)."),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("share_image")], heading=_("Sharing")),
    ]

    class Meta:
        abstract = True

    def get_share_description(self) -> str:
        return self.search_description or ""

    def get_share_image(self):
        return self.share_image

    def get_share_image_alt(self) -> str:
        return self.share_image.alt_text if self.share_image else ""


# The page types a "next step" can be: named, not imported, because the actions app sits above
# this one (docs/architecture.md) and renders the step ({% next_step %} in its action_tags).
ACTION_PAGE_TYPES = ["actions.PetitionPage", "actions.PledgePage", "actions.LetterPage"]


class NextStepMixin(models.Model):
    """The campaign's next step a page ends with (issue 24): the action chosen here, else the
    site's default. Pages are synchronized, not translated: each language shows the action's
    own translation, or the original while it has none."""

    next_step = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("next step"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The petition, pledge or letter this page ends with, with its live count. Leave "
            "empty for the site's default next step (Settings, Site settings)."
        ),
    )

    next_step_panel = PageChooserPanel("next_step", page_type=ACTION_PAGE_TYPES)

    class Meta:
        abstract = True


class PreviewedAsServedMixin:
    """For pages whose serve() builds what the template needs (a form, a live count, a letter's
    legislators). Wagtail's preview renders only get_template() with get_context(), which would
    leave those out and fail; previewing through serve() shows the editor what visitors get.
    Previews are always GETs, so serve() only ever shows, never handles a submission."""

    def serve_preview(self, request, mode_name):
        return self.serve(request)


class HomePage(SharingMixin, Page):
    hero_heading = models.CharField(
        _("hero heading"),
        max_length=160,
        help_text=_("The campaign's message in one line, e.g. 'No one is above the law'."),
    )
    hero_text = models.TextField(
        _("hero text"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences under the heading that say what we want and why."),
    )
    hero_image = models.ForeignKey(
        "home.CampaignImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo behind the message (optional)."),
    )
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call-to-action page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The main action the hero button leads to, e.g. the petition."),
    )
    hero_cta_label = models.CharField(
        _("hero button label"),
        max_length=40,
        blank=True,
        help_text=_("The hero button's words, e.g. 'Sign the petition'."),
    )
    body = StreamField(
        HomeStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Everything below the hero: text, quotes, calls to action, voices."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_page"),
                FieldPanel("hero_cta_label"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_heading"),
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "stories.StoryIndexPage",
        "stories.NewsIndexPage",
        "states.StateIndexPage",
        "actions.SignupPage",
        "actions.PetitionPage",
        "actions.PledgePage",
        "actions.LetterPage",
        "actions.CallPage",
        "testimonials.TestimonialIndexPage",
        "testimonials.AddYourVoicePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_share_description(self) -> str:
        return self.search_description or self.hero_text


class StandardPage(SharingMixin, Page):
    introduction = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("A short summary shown under the title and in search results."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The page's content: headings, text, FAQs, images, calls to action."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    template = "home/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_share_description(self) -> str:
        return self.search_description or self.introduction
