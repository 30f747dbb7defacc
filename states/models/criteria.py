"""The rubric: nine criteria a state's law is scored against, and how each is assessed."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class AssessmentStatus(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")
    NOT_ASSESSED = "not_assessed", _("Not yet assessed")


class Confidence(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


# Scores are kept in half points so that the arithmetic is exact (a met criterion is worth one
# point, a partly met one half a point); the score shown is half_points / 2.
HALF_POINTS = {AssessmentStatus.MET: 2, AssessmentStatus.PARTLY: 1}
ASSESSED = frozenset({AssessmentStatus.MET, AssessmentStatus.PARTLY, AssessmentStatus.NOT_MET})
MEETS = frozenset({AssessmentStatus.MET, AssessmentStatus.PARTLY})


class Criterion(TranslatableMixin, index.Indexed, models.Model):
    """One point of the rubric: a practice that must end or a protection that must start."""

    class Group(models.TextChoices):
        END = "end", _("Must end")
        START = "start", _("Must start")

    sort_order = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_("Where the criterion appears in the rubric: 1 comes first."),
    )
    group = models.CharField(
        _("group"),
        max_length=5,
        choices=Group.choices,
        help_text=_("Is this a practice that must end, or a protection that must start?"),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_(
            "Short name used in links and open data, e.g. 'failure-to-intervene'. Changing it "
            "breaks links that filter the map by this criterion."
        ),
    )
    title = models.CharField(
        _("title"),
        max_length=160,
        help_text=_(
            "The criterion in a few words, e.g. 'Liability for officers who fail to intervene'."
        ),
    )
    filter_label = models.CharField(
        _("filter label"),
        max_length=160,
        help_text=_(
            "How the map's filter names the states that meet it, e.g. 'States that hold "
            "officers liable for failing to intervene'."
        ),
    )
    explanation = models.TextField(
        _("explanation"),
        max_length=800,
        help_text=_("What a law must do to meet this criterion, in plain words."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("group"),
        FieldPanel("sort_order"),
        FieldPanel("slug"),
        FieldPanel("filter_label"),
        FieldPanel("explanation"),
    ]
    # Order, group and slug are the same in every language; the words are translated.
    translatable_fields = [
        SynchronizedField("sort_order", overridable=False),
        SynchronizedField("group", overridable=False),
        SynchronizedField("slug", overridable=False),
        TranslatableField("title"),
        TranslatableField("filter_label"),
        TranslatableField("explanation"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_criterion_slug_locale")
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        # The form has no locale field, so Django skips the (slug, locale) constraint there.
        locale_id = self.locale_id or Locale.get_default().pk
        clash = Criterion.objects.filter(locale_id=locale_id, slug=self.slug).exclude(pk=self.pk)
        if self.slug and clash.exists():
            raise ValidationError({"slug": _("Another criterion already uses this slug.")})
