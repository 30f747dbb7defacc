"""The scorecard's pages: the map and ranking (StateIndexPage) and one page per state."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import serving
from core.us_states import US_STATES, state_name
from home.blocks import BaseStreamBlock
from home.models.pages import SharingMixin
from states.geography import FIPS

from .criteria import ASSESSED, AssessmentStatus, Confidence


class StateIndexPage(RoutablePageMixin, SharingMixin, Page):
    """'How well does your state protect your rights?': the map, the ranking and federal bills."""

    introduction = models.TextField(
        _("introduction"),
        max_length=800,
        blank=True,
        help_text=_("A sentence or two above the map: what the scorecard measures and why."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Shown below the ranking: how states are scored, sources, how to help."),
    )
    recent_years = models.PositiveSmallIntegerField(
        _("'recently passed' means within (years)"),
        default=2,
        help_text=_(
            "A law signed within this many years is marked 'recently passed' on the map's table."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("recent_years"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "states/state_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["states.StatePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("state scorecard")

    def get_share_description(self) -> str:
        return self.search_description or self.introduction

    @path("")
    def index_route(self, request):
        # "Find your state" (a select that works without JavaScript) sends ?state=CO.
        code = request.GET.get("state", "").strip()
        if code:
            return self.state_by_code(request, code[:8])
        # states.views.scorecard_index, which imports these models.
        return serving.handler(self, "index")(self, request)

    @re_path(r"^(?P<code>[A-Za-z]{2})/$")
    def state_by_code(self, request, code: str):
        """/scorecard/co/ leads to Colorado's page, whatever its slug in this language."""
        page = (
            StatePage.objects.child_of(self)
            .live()
            .public()
            .filter(postal_code=code.upper())
            .first()
        )
        if page is None:
            # The map itself, with the reason, is more use than a bare "not found" page.
            message = _("There is no state with the postal code “%(code)s”. Choose one below.")
            scorecard_index = serving.handler(self, "index")
            return scorecard_index(self, request, not_found=message % {"code": code.upper()})
        return HttpResponseRedirect(page.get_url(request=request))


class StatePageForm(WagtailAdminPageForm):
    """One page per state and language; each criterion assessed at most once per page."""

    def clean(self):
        cleaned_data = super().clean()
        code = cleaned_data.get("postal_code")
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if code and locale_id:
            taken = StatePage.objects.filter(postal_code=code, locale_id=locale_id)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "postal_code",
                    _("%(state)s already has a page in this language.")
                    % {"state": state_name(code)},
                )
        seen = set()
        for form in self.formsets["assessments"].forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            form.errors  # noqa: B018 (cleans the row first, as the formset would)
            data = getattr(form, "cleaned_data", {})
            if data.get("DELETE"):
                continue
            criterion = data.get("criterion")
            if criterion is None:
                continue
            if locale_id and criterion.locale_id != locale_id:
                form.add_error(
                    "criterion",
                    _("Choose “%(criterion)s” in this page's language; translations follow it.")
                    % {"criterion": criterion},
                )
            if criterion.pk in seen:
                form.add_error(
                    "criterion",
                    _("“%(criterion)s” is already assessed above; edit that row instead.")
                    % {"criterion": criterion},
                )
            seen.add(criterion.pk)
        return cleaned_data


class StatePage(SharingMixin, Page):
    """One state (or DC): its nine assessments, its bills, its stories and voices."""

    postal_code = models.CharField(
        _("state"),
        max_length=2,
        choices=US_STATES,
        help_text=_("Which state this page scores. Each state has one page per language."),
    )
    summary = RichTextField(
        _("summary"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_(
            "Optional: a short paragraph on where the state stands, e.g. a city ordinance or a "
            "court ruling the criteria below do not capture."
        ),
    )
    take_action_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("take-action page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The petition or letter for this state's supporters, shown near the top and as the "
            "next step at the end. Empty: the site's default next step ends the page."
        ),
    )
    take_action_label = models.CharField(
        _("take action button"),
        max_length=60,
        blank=True,
        help_text=_("The button's words, e.g. 'Write to your legislators'. Optional."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("postal_code"),
        FieldPanel("summary"),
        InlinePanel(
            "assessments",
            heading=_("Assessments"),
            label=_("Assessment"),
            help_text=_(
                "One row per criterion. A criterion without a row shows as 'not yet assessed'. "
                "The score is computed from these rows."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("take_action_page"), FieldPanel("take_action_label")],
            heading=_("Take action"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    base_form_class = StatePageForm

    template = "states/state_page.html"
    parent_page_types = ["states.StateIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("state page")
        indexes = [models.Index(fields=["postal_code"])]

    @property
    def fips(self) -> str:
        return FIPS[self.postal_code]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # states.views.state_page_context: the score, bills and members (it imports the models).
        context.update(serving.handler(self, "context")(self, request))
        return context

    def get_share_description(self) -> str:
        if self.search_description:
            return self.search_description
        return serving.handler(self, "share_description")(self)


class StateAssessment(TranslatableMixin, Orderable):
    """How a state's law measures up to one criterion, with the words that show it."""

    page = ParentalKey(StatePage, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(
        "states.Criterion",
        verbose_name=_("criterion"),
        on_delete=models.PROTECT,
        related_name="assessments",
        help_text=_("The rubric criterion this row assesses."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.NOT_ASSESSED,
        help_text=_("Met counts one point, partly met half a point."),
    )
    summary = models.TextField(
        _("what the law does"),
        max_length=1000,
        blank=True,
        help_text=_("One or two sentences, in plain words, on what the law does for this point."),
    )
    citation = models.CharField(
        _("citation"),
        max_length=255,
        blank=True,
        help_text=_("The statute, bill or court case behind the status, e.g. 'C.R.S. 13-21-131'."),
    )
    quote = models.TextField(
        _("quoted text"),
        max_length=4000,
        blank=True,
        help_text=_("The statute's or bill's own words that support the status, quoted exactly."),
    )
    source_title = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_(
            "The law and section quoted, e.g. 'C.R.S. § 13-21-131(3), enacted by SB20-217'."
        ),
    )
    source_url = models.URLField(
        _("source link"),
        max_length=500,
        blank=True,
        help_text=_("Where anyone can read the source, ideally the legislature's own site."),
    )
    checked_on = models.DateField(
        _("checked on"),
        null=True,
        blank=True,
        help_text=_("The day someone last read the source and confirmed this status."),
    )
    note = models.TextField(
        _("editor's note"),
        max_length=1500,
        blank=True,
        help_text=_("Why the status was chosen, in plain words, especially for 'partly met'."),
    )
    confidence = models.CharField(
        _("confidence"),
        max_length=6,
        choices=Confidence.choices,
        blank=True,
        help_text=_(
            "How sure the research is: high when the statute or bill text was read, medium for "
            "a reputable survey, low for thin evidence (shown to visitors as a caution)."
        ),
    )
    # What the last `import_scorecard` wrote, as a fingerprint of the imported fields: a row
    # whose fields no longer match was changed by an editor, and the next import keeps it.
    imported_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    panels = [
        FieldPanel("criterion"),
        FieldPanel("status"),
        FieldPanel("summary"),
        FieldPanel("citation"),
        FieldPanel("quote"),
        FieldPanel("source_title"),
        FieldPanel("source_url"),
        FieldPanel("checked_on"),
        FieldPanel("confidence"),
        FieldPanel("note"),
    ]
    # A quotation and its citation stay in the law's own words in every language; the note is
    # translated. The criterion points at its translation in the page's language.
    translatable_fields = [
        TranslatableField("criterion"),
        SynchronizedField("status", overridable=False),
        TranslatableField("summary"),
        SynchronizedField("citation", overridable=False),
        SynchronizedField("quote", overridable=False),
        SynchronizedField("source_title"),
        SynchronizedField("source_url", overridable=False),
        SynchronizedField("checked_on", overridable=False),
        SynchronizedField("confidence", overridable=False),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.get_status_display()}"

    def clean(self):
        super().clean()
        if self.status in ASSESSED:
            errors = {}
            if not self.source_url:
                errors["source_url"] = _(
                    "Give a link to the source: a status other than 'not yet assessed' must be "
                    "backed by a statute or bill anyone can read."
                )
            if self.checked_on is None:
                errors["checked_on"] = _("Give the date you checked the source.")
            if errors:
                raise ValidationError(errors)

    @property
    def is_assessed(self) -> bool:
        return self.status in ASSESSED

    @property
    def is_low_confidence(self) -> bool:
        return self.is_assessed and self.confidence == Confidence.LOW
