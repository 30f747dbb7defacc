"""The letter page, and one row per letter written.

A LetterPage holds a letter with placeholders; a supporter types their name, city and ZIP code
and gets it filled in for each of their members of Congress. A LetterSent row records that a
letter was written to a legislator, and nothing about who wrote it.
"""

import re

from django.conf import settings
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from actions import placeholders
from actions.models.targets import Chambers, LegislatorTally, LegislatorTargetsMixin
from core import serving
from core.models.attribution import Attribution
from core.models.form_pages import ConsentMixin
from home.blocks import BaseStreamBlock
from home.models.pages import PreviewedAsServedMixin, SharingMixin

from .following import FollowsBillMixin

DEFAULT_CONSENT_TEXT = _(
    "We keep nothing you type here. We only count how many letters go to each legislator. If "
    "you ask for the email copy, we use your address to send it and for nothing else."
)
SHORT_CODE = re.compile(r"^\+?[0-9]{3,15}$")


class LetterPage(
    FollowsBillMixin,
    LegislatorTargetsMixin,
    ConsentMixin,
    PreviewedAsServedMixin,
    SharingMixin,
    Page,
):
    introduction = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences above the form that say why writing matters now."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "Anything to read before writing: why now, and how the letters reach Congress."
        ),
    )
    subject = models.CharField(
        _("subject"),
        max_length=200,
        help_text=placeholders.help_text(
            _("The subject line of each letter, e.g. 'Please support the {bill}'.")
        ),
    )
    letter_template = models.TextField(
        _("letter"),
        max_length=8000,
        help_text=placeholders.help_text(
            _(
                "The letter in plain text; a blank line starts a new paragraph. Start with the "
                "greeting, e.g. 'Dear {legislator_title} {legislator_last_name},' and end with "
                "'{full_name}'."
            )
        ),
    )
    bill = models.ForeignKey(
        "states.Bill",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("bill"),
        help_text=_(
            "The bill the letter asks for (optional): it fills in {bill}, {bill_title} and "
            "{bill_number}, for representatives, and for senators too unless a Senate bill is "
            "chosen below. Only a bill still before the legislature can be chosen, unless the "
            "letter follows its bill (below). Translate the bill before the page, so the "
            "Spanish page names it in Spanish."
        ),
    )
    senate_bill = models.ForeignKey(
        "states.Bill",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Senate bill"),
        help_text=_(
            "When the Senate has its own bill (e.g. S. 1913 beside H.R. 3602), choose it here: "
            "senators are asked for this one, representatives for the bill above."
        ),
    )
    chambers = models.CharField(
        _("write to"),
        max_length=10,
        choices=Chambers.choices,
        default=Chambers.BOTH,
        help_text=_(
            "Whom each supporter writes to: their two senators, their representative, or all "
            "three; or, for a letter to the state legislature, their state senator, their state "
            "representative (Assemblymember, Delegate), or both. Nebraska's and DC's single "
            "chamber is written to either way."
        ),
    )
    sending_tips = models.TextField(
        _("how to send"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Shown above the finished letters, e.g. 'Paste the letter into the contact form. "
            "If it asks for a topic, choose Judiciary. Note the confirmation number.'"
        ),
    )
    diy_text = models.TextField(
        _("writing by hand"),
        max_length=1000,
        blank=True,
        help_text=_(
            "For people who would rather copy the letter themselves: shown above the letter "
            "with every placeholder as a label such as [your full name]. Leave empty to hide "
            "that part."
        ),
    )
    text_keyword = models.CharField(
        _("text message keyword"),
        max_length=40,
        blank=True,
        help_text=_(
            "For a text-to-act service such as Resistbot: what to text, e.g. 'SIGN WJOYDU'. "
            "Leave empty to hide the text-message option."
        ),
    )
    text_number = models.CharField(
        _("text message number"),
        max_length=16,
        blank=True,
        help_text=_("The number to text it to, digits only, e.g. '50409'."),
    )
    text_note = models.TextField(
        _("text message note"),
        max_length=600,
        blank=True,
        help_text=_(
            "Shown with the text-message option, e.g. that the service is run by someone else."
        ),
    )
    consent_text_verbose_name = _("privacy note")
    consent_text_default = DEFAULT_CONSENT_TEXT
    consent_text_help_text = _("Shown beside the button: what happens to what the supporter types.")
    feature_on_home_page = models.BooleanField(
        _("feature on the home page"),
        default=True,
        help_text=_("Show this letter among the home page's actions."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("subject"),
                FieldPanel("letter_template"),
                FieldPanel("bill"),
                FieldPanel("senate_bill"),
                FieldPanel("chambers"),
            ],
            heading=_("The letter"),
        ),
        *FollowsBillMixin.following_panels,
        FieldPanel("sending_tips"),
        FieldPanel("consent_text"),
        FieldPanel("diy_text"),
        MultiFieldPanel(
            [FieldPanel("text_keyword"), FieldPanel("text_number"), FieldPanel("text_note")],
            heading=_("Text message option"),
        ),
    ]
    promote_panels = [*SharingMixin.promote_panels, FieldPanel("feature_on_home_page")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    # The number is the same in every language; a translator may change the keyword if the
    # service offers one per language.
    override_translatable_fields = [
        SynchronizedField("text_number"),
        SynchronizedField("text_keyword"),
    ]

    placeholder_fields = ("subject", "letter_template")

    template = "actions/letter_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # The form needs no session (nothing is done on anyone's behalf: see docs/letters.md), so it
    # carries no CSRF token and the page stays cacheable; the letters themselves are private.
    accepts_posts_without_csrf = True

    class Meta:
        verbose_name = _("letter to Congress")
        verbose_name_plural = _("letters to Congress")

    def get_share_description(self) -> str:
        return self.search_description or self.introduction

    def clean(self):
        super().clean()
        errors = self.target_errors()
        if bool(self.text_keyword.strip()) != bool(self.text_number.strip()):
            errors["text_number"] = _("Fill in both the keyword and the number, or neither.")
        elif self.text_number and not SHORT_CODE.match(self.text_number.strip()):
            errors["text_number"] = _("Use digits only, e.g. 50409.")
        self.clean_following(errors)

    def serve(self, request, *args, **kwargs):
        # actions.letters.views.serve_letter_page, which imports this module.
        return serving.handler(self, "serve")(self, request, *args, **kwargs)


class LetterSent(LegislatorTally, Attribution):
    """One letter written to one legislator through a LetterPage, in any of its languages.

    Deliberately nothing about the writer: no name, address, ZIP code, IP or email. The district
    (or, for a letter to senators alone, the state) is kept so staff see where letters come from.
    """

    action_key = models.UUIDField(
        _("letter page"), help_text=_("The translation key shared by every language of the page.")
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    # Not content that uses a page: no reference-index row per letter (as for signatures).
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("letter written")
        verbose_name_plural = _("letters written")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["action_key", "legislator_id"], name="lettersent_action_idx"),
            models.Index(fields=["legislator_id"], name="lettersent_legislator_idx"),
            models.Index(fields=["created_at"], name="lettersent_created_idx"),
            models.Index(fields=["district_key"], name="lettersent_district_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.legislator_name} ({self.district_key}), {self.created_at:%Y-%m-%d}"


def letters_written(action_keys) -> dict:
    """Letters written through each page (all its languages), in one query; none without pages."""
    keys = list(action_keys)
    if not keys:
        return {}
    rows = (
        LetterSent.objects.filter(action_key__in=keys)
        .values("action_key")
        .annotate(n=Count("pk"))
        .values_list("action_key", "n")
    )
    return dict(rows)
