"""Petitions and pledges: one abstract action page that collects signatures, and the two kinds of
action built on it. A petition is a demand addressed to a target ("U.S. Congress"); a pledge is a
promise the signer makes. Signatures count across every translation of the page."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import serving
from core.models.form_pages import ConsentMixin, ThankYouMixin
from home.blocks import BaseStreamBlock
from home.models.pages import PreviewedAsServedMixin, SharingMixin

DEFAULT_CONSENT_TEXT = _(
    "We will email you to confirm your signature and to tell you when it is delivered. We never "
    "share your email address, and show your first name and state only if you tick the box."
)


class ActionPage(ConsentMixin, ThankYouMixin, PreviewedAsServedMixin, SharingMixin, Page):
    """What petitions and pledges share: text, goal, closing, thank-you and sharing copy."""

    introduction = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences above the form that say why signing matters now."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The full text people sign, and anything else to read before signing."),
    )
    goal = models.PositiveIntegerField(
        _("goal"),
        default=1000,
        help_text=_(
            "How many signatures to aim for. Once it is reached, the page shows the next goal "
            "(2, 5 or 10 times a power of ten) on its own."
        ),
    )
    close_date = models.DateField(
        _("close date"),
        null=True,
        blank=True,
        help_text=_("The last day people can sign (optional). After it the form disappears."),
    )
    closed = models.BooleanField(
        _("closed"),
        default=False,
        help_text=_("Stop collecting signatures now, whatever the close date says."),
    )
    delivery_note = models.CharField(
        _("delivery note"),
        max_length=255,
        blank=True,
        help_text=_("Shown once signatures are handed in, e.g. 'Delivered to Congress on 4 May'."),
    )
    consent_text_default = DEFAULT_CONSENT_TEXT
    consent_text_help_text = _(
        "Shown beside the button and saved with each signature as what the signer agreed to."
    )
    thank_you_heading_default = _("Thank you for signing")
    thank_you_heading_help_text = _("Shown after someone signs.")
    thank_you_text_default = _(
        "Your signature is counted. Now ask two friends to sign: that is how we grow."
    )
    thank_you_text_help_text = _("Shown after someone signs, above the share links.")
    share_text = models.CharField(
        _("share text"),
        max_length=200,
        blank=True,
        help_text=_(
            "The message people share with the link, e.g. 'I signed: end qualified immunity.' "
            "The page title is used when this is empty."
        ),
    )
    feature_on_home_page = models.BooleanField(
        _("feature on the home page"),
        default=True,
        help_text=_("Show this action, with its live count, among the home page's actions."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("goal"), FieldPanel("close_date"), FieldPanel("closed")],
            heading=_("Goal and closing"),
        ),
        FieldPanel("delivery_note"),
        FieldPanel("consent_text"),
        MultiFieldPanel(
            [
                FieldPanel("thank_you_heading"),
                FieldPanel("thank_you_text"),
                FieldPanel("share_text"),
            ],
            heading=_("After signing"),
        ),
        InlinePanel(
            "participating_organizations",
            heading=_("Participating organizations"),
            label=_("Organization"),
        ),
    ]
    promote_panels = [*SharingMixin.promote_panels, FieldPanel("feature_on_home_page")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    # Signing needs no session or login (see docs/petitions.md), so the form carries no CSRF
    # token and the page stays cacheable during a spike (core.views.serve).
    accepts_posts_without_csrf = True
    # actions.signing refuses oversized posts itself, with a message above the form.
    max_post_bytes = None
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # A short cache life: the count in cached HTML may lag this long (the JSON endpoint doesn't).
    page_cache_seconds = 15
    sign_label = _("Sign")

    class Meta:
        abstract = True

    @property
    def is_closed(self) -> bool:
        if self.closed:
            return True
        return self.close_date is not None and self.close_date < timezone.localdate()

    def get_share_description(self) -> str:
        return self.search_description or self.introduction

    def get_share_text(self) -> str:
        return self.share_text or self.title

    def serve(self, request, *args, **kwargs):
        # actions.action_views.serve_action_page, which imports these models.
        return serving.handler(self, "serve")(self, request, *args, **kwargs)


class PetitionPage(ActionPage):
    target = models.CharField(
        _("target"),
        max_length=120,
        default="U.S. Congress",
        help_text=_("Who the petition is addressed to, e.g. 'U.S. Congress'."),
    )

    content_panels = [
        *ActionPage.content_panels[:2],
        FieldPanel("target"),
        *ActionPage.content_panels[2:],
    ]

    template = "actions/petition_page.html"
    sign_label = _("Sign the petition")

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")


class PledgePage(ActionPage):
    promise = models.TextField(
        _("promise"),
        max_length=400,
        help_text=_(
            "What the signer promises, in the first person, shown beside the button, e.g. 'I "
            "pledge to vote only for candidates who will end qualified immunity.'"
        ),
    )

    content_panels = [
        *ActionPage.content_panels[:2],
        FieldPanel("promise"),
        *ActionPage.content_panels[2:],
    ]

    template = "actions/pledge_page.html"
    sign_label = _("Take the pledge")

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")


class ParticipatingOrganization(Orderable):
    """Abstract: one organization in an action's list, in the editor's order."""

    organization = models.ForeignKey(
        "actions.Organization",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organization"),
        help_text=_("Choose a partner; add new ones under Snippets → Organizations."),
    )

    panels = [FieldPanel("organization")]

    class Meta(Orderable.Meta):
        abstract = True


class PetitionOrganization(ParticipatingOrganization):
    page = ParentalKey(
        PetitionPage, on_delete=models.CASCADE, related_name="participating_organizations"
    )


class PledgeOrganization(ParticipatingOrganization):
    page = ParentalKey(
        PledgePage, on_delete=models.CASCADE, related_name="participating_organizations"
    )
