"""The newsletter: a sign-up page (and a footer form on every page) with double opt-in, and the
subscribers it collects."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core import serving
from core.models.attribution import Attribution
from core.models.form_pages import ConsentMixin, ThankYouMixin
from home.blocks import BaseStreamBlock
from home.models.pages import PreviewedAsServedMixin, SharingMixin

DEFAULT_CONSENT_TEXT = _(
    "We will email you campaign news and actions, about twice a month. Every email has a link "
    "to unsubscribe, and we never share your address."
)


class Subscriber(Attribution):
    """One newsletter subscriber: saved before any email, confirmed by the link we send."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        SUBSCRIBED = "subscribed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(
        _("email"),
        max_length=254,
        unique=True,
        help_text=_("Stored trimmed and in lower case, so each person has one row."),
    )
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        help_text=_("The language the person signed up in; their emails are in it."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signed up on"),
        help_text=_("The page whose form the person used."),
    )
    consent_text = models.TextField(
        _("consent text shown"), help_text=_("The exact wording the person agreed to.")
    )
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    # Not content that uses its source page: no reference-index row per subscriber.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-created_at"]
        permissions = [("export_subscriber", _("Can export newsletter subscribers"))]
        indexes = [models.Index(fields=["status", "language"], name="subscriber_status_idx")]

    def __str__(self) -> str:
        return self.email


class SignupPage(ConsentMixin, ThankYouMixin, PreviewedAsServedMixin, SharingMixin, Page):
    introduction = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences above the form: what subscribers get and how often."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Anything to show below the form (optional)."),
    )
    consent_text_default = DEFAULT_CONSENT_TEXT
    consent_text_help_text = _(
        "Shown beside the sign-up button here and in the footer form, and saved with each "
        "subscriber as what they agreed to."
    )
    thank_you_heading_default = _("Check your inbox")
    thank_you_heading_help_text = _("Shown after someone submits the form.")
    thank_you_text_default = _(
        "We have sent you an email. Click the link in it to confirm your subscription. If it "
        "is not there in a few minutes, look in your spam folder."
    )
    thank_you_text_help_text = _(
        "Shown after someone submits the form, above a reminder to confirm."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("consent_text"),
        MultiFieldPanel(
            [FieldPanel("thank_you_heading"), FieldPanel("thank_you_text")],
            heading=_("After signing up"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "actions/signup_page.html"
    # Subscribing needs no session and is confirmed from the inbox, so the form carries no CSRF
    # token and pages with the footer form stay cacheable (see core.views.serve).
    accepts_posts_without_csrf = True
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("newsletter sign-up page")

    def get_share_description(self) -> str:
        return self.search_description or self.introduction

    def serve(self, request, *args, **kwargs):
        # actions.newsletter.serve_signup_page, which imports these models.
        return serving.handler(self, "serve")(self, request, *args, **kwargs)
