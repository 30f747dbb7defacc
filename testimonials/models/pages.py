"""The wall of voices, one page per voice, and the page where supporters add theirs."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core import serving
from core.models.form_pages import ConsentMixin, ThankYouMixin
from core.us_states import US_STATES, state_name
from home.models.pages import PreviewedAsServedMixin, SharingMixin
from testimonials.choices import (
    CITY_MAX_LENGTH,
    NAME_MAX_LENGTH,
    PROFESSION_MAX_LENGTH,
    QUOTE_MAX_LENGTH,
    Category,
    NameShown,
    language_name_in_sentence,
)
from testimonials.models.submissions import VoiceSubmission
from testimonials.panels import ReviewPanel, SubmissionPanel

DEFAULT_CONSENT_TEXT = _(
    "I agree that the campaign may publish my words, the name I chose to show, my profession, "
    "city, state and photo on this site and share them. My email address is never published; "
    "it is used only to tell me when my voice is published."
)


class TestimonialIndexPage(SharingMixin, Page):
    """The wall: every published voice in this language, filtered by category and state."""

    __test__ = False  # the name starts with "Test"; pytest must not collect it

    introduction = models.TextField(
        _("introduction"),
        max_length=800,
        blank=True,
        help_text=_("A few sentences above the wall: who these people are and why they speak."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "testimonials/testimonial_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["testimonials.TestimonialPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("wall of voices")

    def get_share_description(self) -> str:
        return self.search_description or self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # testimonials.wall.wall_context, which imports these models.
        context.update(serving.handler(self, "context")(self, request))
        return context


class TestimonialPage(SharingMixin, Page):
    """One person's voice. Submitted voices start as drafts in the "Voice moderation" workflow;
    the submitter's email and consent live in VoiceSubmission, never on the page."""

    __test__ = False  # the name starts with "Test"; pytest must not collect it

    name = models.CharField(
        _("name shown"),
        max_length=NAME_MAX_LENGTH,
        blank=True,
        help_text=_(
            "The name exactly as the person chose to show it: their full name, their first name "
            "only, or empty for an anonymous voice."
        ),
    )
    name_shown = models.CharField(
        _("how the name is shown"),
        max_length=12,
        choices=NameShown.choices,
        default=NameShown.FULL,
        help_text=_(
            "What the person agreed to show. Anonymous voices show no name and no city, only "
            "the state and profession."
        ),
    )
    profession = models.CharField(
        _("profession"),
        max_length=PROFESSION_MAX_LENGTH,
        blank=True,
        help_text=_("How the person describes their work or role, e.g. 'Retired nurse'."),
    )
    city = models.CharField(
        _("city"),
        max_length=CITY_MAX_LENGTH,
        blank=True,
        help_text=_("The city or town the person lives in (not shown for anonymous voices)."),
    )
    state_code = models.CharField(
        _("state"),
        max_length=2,
        choices=US_STATES,
        blank=True,
        db_index=True,
        help_text=_("The state the person lives in; the wall and the state's page filter by it."),
    )
    category = models.CharField(
        _("category"),
        max_length=20,
        choices=Category.choices,
        default=Category.OTHER,
        db_index=True,
        help_text=_("Which group of supporters this voice belongs to; the wall filters by it."),
    )
    quote = models.TextField(
        _("quote"),
        max_length=QUOTE_MAX_LENGTH,
        help_text=_(
            "Why this person wants qualified immunity to end, in their own words (up to 1,500 "
            "characters). Fix typos only; never change the meaning."
        ),
    )
    photo = models.ForeignKey(
        "home.CampaignImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An optional portrait the person sent or agreed to; it needs alt text."),
    )
    language = models.CharField(
        _("original language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_(
            "The language the person wrote in; leave empty for this page's language. "
            "Translations say they are translated from it."
        ),
    )
    is_sample = models.BooleanField(
        _("sample"),
        default=False,
        help_text=_("Invented demo content: shown with a 'sample' label so no one mistakes it."),
    )
    consent_note = models.TextField(
        _("consent note"),
        max_length=600,
        blank=True,
        help_text=_(
            "For voices entered by staff: how we have the person's permission to publish, e.g. "
            "'Signed release on file, March 2026'. Never shown on the site. Voices sent through "
            "the form keep their consent in the submission panel below."
        ),
    )

    content_panels = [
        ReviewPanel(),
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("name_shown"),
                FieldPanel("profession"),
                FieldPanel("city"),
                FieldPanel("state_code"),
                FieldPanel("category"),
            ],
            heading=_("Who is speaking"),
        ),
        FieldPanel("quote"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [FieldPanel("language"), FieldPanel("is_sample"), FieldPanel("consent_note")],
            heading=_("Record"),
        ),
        SubmissionPanel(),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("quote"),
        index.SearchField("profession"),
        index.SearchField("name"),
        index.FilterField("state_code"),
        index.FilterField("category"),
    ]
    # Names, places and the consent note are facts about a person, not text to translate.
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("city"),
        SynchronizedField("consent_note"),
    ]

    template = "testimonials/testimonial_page.html"
    parent_page_types = ["testimonials.TestimonialIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("voice")
        verbose_name_plural = _("voices")

    @property
    def is_anonymous(self) -> bool:
        return self.name_shown == NameShown.ANONYMOUS or not self.name.strip()

    @property
    def public_name(self) -> str:
        return str(_("Anonymous supporter")) if self.is_anonymous else self.name

    @property
    def state_name(self) -> str:
        return state_name(self.state_code) or ""

    @property
    def public_city(self) -> str:
        return "" if self.is_anonymous else self.city

    @property
    def original_language_name(self) -> str:
        return language_name_in_sentence(self.language)

    @property
    def is_translation(self) -> bool:
        return bool(self.language) and self.language != self.locale.language_code

    def save(self, *args, **kwargs):
        # Set once, on the original: wagtail-localize copies it into every translation.
        if not self.language and self.locale_id:
            self.language = self.locale.language_code
        return super().save(*args, **kwargs)

    def get_share_description(self) -> str:
        if self.search_description:
            return self.search_description
        quote = " ".join(self.quote.split())
        return quote if len(quote) <= 200 else quote[:197].rstrip() + "…"

    def get_share_image(self):
        return self.share_image or self.photo

    def clean(self):
        super().clean()
        # The last line of defence: the admin already hides publishing for rejected voices.
        if self.live and self.pk and self.is_declined():
            raise ValidationError(
                _("This voice was rejected by a moderator and cannot be published.")
            )

    def is_declined(self) -> bool:
        return VoiceSubmission.objects.filter(
            page_id=self.pk, status__in=VoiceSubmission.CLOSED_STATUSES
        ).exists()

    def permissions_for_user(self, user):
        # Declined voices are never live, so live ones (most of an admin listing) cost no query.
        if self.pk and not self.live and self.is_declined():
            # testimonials.moderation.DeclinedVoicePermissionTester
            return serving.handler(self, "declined_permissions")(user, self)
        return super().permissions_for_user(user)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # testimonials.wall.voice_context, which imports these models.
        context.update(serving.handler(self, "context")(self, request))
        return context


class AddYourVoicePage(ConsentMixin, ThankYouMixin, PreviewedAsServedMixin, SharingMixin, Page):
    """The form. A valid submission becomes a draft voice under the wall in the visitor's language,
    waiting in the "Voice moderation" workflow; nothing is public until a moderator approves."""

    introduction = models.TextField(
        _("introduction"),
        max_length=800,
        blank=True,
        help_text=_("A few sentences above the form: what we ask for and what happens next."),
    )
    wall = models.ForeignKey(
        "testimonials.TestimonialIndexPage",
        verbose_name=_("wall"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The wall new voices are added to, as drafts awaiting moderation. Each language uses "
            "its own translation of this wall. If empty, the wall in the page's language is used."
        ),
    )
    consent_text_max_length = 800
    consent_text_default = DEFAULT_CONSENT_TEXT
    consent_text_help_text = _(
        "The agreement people tick before sending; saved with each submission as what they "
        "agreed to."
    )
    thank_you_heading_default = _("Thank you for adding your voice")
    thank_you_text_max_length = 800
    thank_you_text_default = _(
        "A moderator reads every voice before it appears on the wall. We will email you as "
        "soon as yours is published."
    )
    thank_you_text_help_text = _("Shown after someone sends the form: what happens next.")

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("wall"),
        FieldPanel("consent_text"),
        MultiFieldPanel(
            [FieldPanel("thank_you_heading"), FieldPanel("thank_you_text")],
            heading=_("After sending"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "testimonials/add_your_voice_page.html"
    # The form needs no session and every submission is moderated, so it carries no CSRF token
    # and the page stays cacheable (see core.views.serve).
    accepts_posts_without_csrf = True
    # The photo may be several MB; testimonials.uploads refuses a larger one with a message.
    max_post_bytes = None
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("add-your-voice page")

    def get_share_description(self) -> str:
        return self.search_description or self.introduction

    def get_wall(self) -> TestimonialIndexPage | None:
        """The wall in this page's language that new voices go under."""
        walls = TestimonialIndexPage.objects.filter(locale_id=self.locale_id)
        if self.wall_id:
            walls = walls.filter(translation_key=self.wall.translation_key)
        return walls.order_by("path").first()

    def serve(self, request, *args, **kwargs):
        # testimonials.submission.serve_add_voice_page, which imports these models.
        return serving.handler(self, "serve")(self, request, *args, **kwargs)
