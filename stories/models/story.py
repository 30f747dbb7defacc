"""CaseStoryPage: one person's case, its facts as fields so that stories can be filtered."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.us_states import US_STATES, state_name
from home.models.pages import NextStepMixin, SharingMixin
from stories.blocks import SourceListBlock, StoryStreamBlock
from stories.choices import (
    EARLIEST_DECISION_YEAR,
    LATEST_DECISION_YEAR,
    Circuit,
    HarmType,
    Outcome,
)
from stories.state_pages import state_page_for

OUTCOME_LABELS = dict(Outcome.choices)
HARM_TYPE_LABELS = dict(HarmType.choices)
CIRCUIT_LABELS = dict(Circuit.choices)


class HeroAndSampleFields(models.Model):
    """Fields shared by case stories and news: the sample flag and the hero image."""

    is_sample = models.BooleanField(
        _("sample content"),
        default=False,
        help_text=_("Tick for demonstration content; the page then says 'Sample content'."),
    )
    hero_image = models.ForeignKey(
        "home.CampaignImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A photo or illustration at the top and on cards. Its alt text is required; a photo "
            "of a real person needs the family's consent noted in its licence."
        ),
    )

    # The image's alt text and credit are in the language they were written in; a page gets
    # its own copy, filled from the image when saved, so translators can translate them.
    hero_image_alt = models.CharField(
        _("hero image alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the hero image shows, for people who cannot see it, in this page's language. "
            "Left blank, it is filled from the image's own alt text when you save."
        ),
    )
    hero_image_credit = models.CharField(
        _("hero image credit"),
        max_length=255,
        blank=True,
        help_text=_(
            "The credit shown under the hero image, in this page's language. Left blank, it is "
            "filled from the image's own credit when you save."
        ),
    )

    hero_panel = MultiFieldPanel(
        [FieldPanel("hero_image"), FieldPanel("hero_image_alt"), FieldPanel("hero_image_credit")],
        heading=_("Hero image"),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "hero_image" in update_fields:
            self.fill_hero_text()
        super().save(*args, **kwargs)

    def clean(self):
        # Wagtail cleans a page before it saves a revision, so a draft has the words too.
        super().clean()
        self.fill_hero_text()

    def fill_hero_text(self) -> None:
        """Take the alt text and credit from the hero image when they are blank, or when the
        image was changed and they were left as the old image's."""
        image = self.hero_image
        if image is None:
            return
        stored = (
            type(self)
            .objects.filter(pk=self.pk)
            .values("hero_image_id", "hero_image_alt", "hero_image_credit")
            .first()
            if self.pk
            else None
        )
        replaced = stored is not None and stored["hero_image_id"] != image.pk
        if not self.hero_image_alt or (
            replaced and self.hero_image_alt == stored["hero_image_alt"]
        ):
            self.hero_image_alt = image.default_alt_text
        if not self.hero_image_credit or (
            replaced and self.hero_image_credit == stored["hero_image_credit"]
        ):
            self.hero_image_credit = image.credit

    @property
    def hero_alt(self) -> str:
        return self.hero_image_alt or (self.hero_image.default_alt_text if self.hero_image else "")

    @property
    def hero_credit(self) -> str:
        return self.hero_image_credit or (self.hero_image.credit if self.hero_image else "")

    def get_share_image(self):
        return self.share_image or self.hero_image

    def get_share_image_alt(self) -> str:
        return self.share_image.alt_text if self.share_image else self.hero_alt


class CaseStoryPage(HeroAndSampleFields, NextStepMixin, SharingMixin, Page):
    person_name = models.CharField(
        _("person's name"),
        max_length=200,
        blank=True,
        help_text=_(
            "The person harmed, as they or their family wish to be named. Leave blank to show "
            "'Name withheld'."
        ),
    )
    case_name = models.CharField(
        _("case name"),
        max_length=255,
        help_text=_("As courts cite it, e.g. 'Collie v. Barron'."),
    )
    citation = models.CharField(
        _("citation"),
        max_length=120,
        blank=True,
        help_text=_("The reporter citation, e.g. '572 U.S. 650 (2014)'. Leave blank if unsure."),
    )
    court = models.CharField(
        _("court"),
        max_length=200,
        help_text=_(
            "The court whose decision the story turns on, e.g. 'U.S. Court of Appeals for the "
            "Fifth Circuit'."
        ),
    )
    circuit = models.CharField(
        _("circuit"),
        max_length=20,
        choices=Circuit.choices,
        help_text=_(
            "The federal circuit whose precedent applied, the Supreme Court, or a state court."
        ),
    )
    decision_year = models.PositiveSmallIntegerField(
        _("decision year"),
        null=True,
        blank=True,
        db_index=True,
        validators=[
            MinValueValidator(EARLIEST_DECISION_YEAR),
            MaxValueValidator(LATEST_DECISION_YEAR),
        ],
        help_text=_("Year of the decision described. Leave blank if there is none yet."),
    )
    state_code = models.CharField(
        _("state"),
        max_length=2,
        choices=US_STATES,
        db_index=True,
        help_text=_("Where it happened. The story appears on that state's page."),
    )
    harm_type = models.CharField(
        _("what happened"),
        max_length=30,
        choices=HarmType.choices,
        db_index=True,
        help_text=_("The main harm, used to filter stories. Describe the rest in the summary."),
    )
    outcome = models.CharField(
        _("outcome"),
        max_length=20,
        choices=Outcome.choices,
        db_index=True,
        help_text=_("Where the case stands. Update it when a court decides again."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=900,
        help_text=_(
            "One paragraph: who was harmed, what happened and what the court decided. Shown on "
            "cards, in the feed and when the story is shared."
        ),
    )
    body = StreamField(
        StoryStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The full story: text, quotes, images and sources cited along the way."),
    )
    sources = StreamField(
        SourceListBlock(),
        verbose_name=_("sources"),
        blank=True,
        help_text=_("Court opinions and reporting a reader can check, listed after the story."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("is_sample"),
        FieldPanel("summary"),
        HeroAndSampleFields.hero_panel,
        MultiFieldPanel(
            [
                FieldPanel("person_name"),
                FieldRowPanel([FieldPanel("state_code"), FieldPanel("harm_type")]),
                FieldRowPanel([FieldPanel("outcome"), FieldPanel("decision_year")]),
            ],
            heading=_("Who, where, what"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("case_name"),
                FieldPanel("citation"),
                FieldRowPanel([FieldPanel("court"), FieldPanel("circuit")]),
            ],
            heading=_("The case"),
        ),
        FieldPanel("body"),
        FieldPanel("sources"),
        NextStepMixin.next_step_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("person_name", boost=2),
        index.SearchField("case_name", boost=2),
        index.AutocompleteField("case_name"),
        index.SearchField("citation"),
        index.SearchField("court"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("state_code"),
        index.FilterField("harm_type"),
        index.FilterField("outcome"),
        index.FilterField("decision_year"),
    ]
    # Names, case names and citations are the same in every language; translators see only prose.
    override_translatable_fields = [
        SynchronizedField("person_name"),
        SynchronizedField("case_name"),
        SynchronizedField("citation"),
        SynchronizedField("court"),
    ]

    template = "stories/case_story_page.html"
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("case story")
        verbose_name_plural = _("case stories")

    def get_share_description(self) -> str:
        return self.search_description or self.summary

    @property
    def state_name(self) -> str:
        return state_name(self.state_code) or ""

    # What get_outcome_display() and the like give, looked up in a dict made once: Django's
    # rebuilds the field's choices and hashes each translated label on every call, a tenth of
    # a story index's rendering (two per card).
    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS.get(self.outcome, self.outcome)

    @property
    def harm_type_label(self) -> str:
        return HARM_TYPE_LABELS.get(self.harm_type, self.harm_type)

    @property
    def circuit_label(self) -> str:
        return CIRCUIT_LABELS.get(self.circuit, self.circuit)

    def feed_categories(self) -> list[str]:
        return [self.state_name, str(self.outcome_label), str(self.harm_type_label)]

    @cached_property
    def state_page(self):
        """This story's StatePage in the story's language, once the states app provides one."""
        return state_page_for(self.state_code, self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The template makes its URL, inside the article: a stored article (the fragment
        # cache) needs no URL work at all.
        context["index_page"] = self.get_parent()
        return context
