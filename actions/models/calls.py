"""The call page, and one row per call outcome.

A CallPage holds a call script with placeholders; a supporter types their ZIP code (and, if they
like, their name and city for the script) and calls each of their members of Congress in turn,
telling us how each call went. A CallOutcome row records that outcome for one legislator, and
nothing about who called: docs/calls.md explains how a call is counted once without it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from actions import placeholders
from actions.models.following import CallFollowsBillMixin
from actions.models.targets import Chambers, LegislatorTally, LegislatorTargetsMixin
from core import serving
from core.models.attribution import Attribution
from core.models.form_pages import ConsentMixin
from home.blocks import BaseStreamBlock
from home.models.pages import PreviewedAsServedMixin, SharingMixin

DEFAULT_CONSENT_TEXT = _(
    "We keep nothing you type here. We only count how each call went, for each legislator."
)
DEFAULT_OFFICE_HOURS = _(
    "Offices usually answer from 9 a.m. to 5 p.m. their local time, Monday to Friday. After "
    "hours, leave a voicemail: it is counted too."
)


class Outcome(models.TextChoices):
    TALKED = "talked", _("Talked to staff")
    VOICEMAIL = "voicemail", _("Left a voicemail")
    BUSY = "busy", _("Line busy or mailbox full")
    SKIPPED = "skipped", _("Skipped")


class CallPage(
    CallFollowsBillMixin,
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
        help_text=_("One or two sentences above the form that say why calling matters now."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Anything to read before calling: why now, and what offices do with calls."),
    )
    script = models.TextField(
        _("call script"),
        max_length=3000,
        help_text=placeholders.help_text(
            _(
                "What the caller says, in plain text; a blank line starts a new paragraph. "
                "E.g. 'Hello, my name is {full_name} and I live in {city}, {zip_code}. I am "
                "calling to ask {legislator_title} {legislator_last_name} to support the {bill}.' "
                "A caller who leaves their name or city empty sees [your full name] or [your "
                "city] there."
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
            "The bill the call asks for (optional): it fills in {bill}, {bill_title} and "
            "{bill_number}, for representatives, and for senators too unless a Senate bill is "
            "chosen below (a call to state legislators asks both chambers for this one). Only a "
            "bill still before the legislature can be chosen, unless the call follows its bill "
            "(below). Translate the bill before the page, so the Spanish page names it in "
            "Spanish."
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
        _("call"),
        max_length=10,
        choices=Chambers.choices,
        default=Chambers.BOTH,
        help_text=_(
            "Whom each supporter calls: their two senators, their representative, or all three; "
            "or, in their state legislature, their state senator, their state representative "
            "(Assemblymember, Delegate), or both. Nebraska's and DC's single chamber is called "
            "either way."
        ),
    )
    office_hours = models.TextField(
        _("office hours note"),
        max_length=600,
        default=DEFAULT_OFFICE_HOURS,
        help_text=_(
            "Shown on every call card, e.g. when offices answer and what to do after hours."
        ),
    )
    call_tips = models.TextField(
        _("calling tips"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Shown above the first call, e.g. 'Staff will ask for your ZIP code. Be brief and "
            "polite: they tally the call, not its length.'"
        ),
    )
    consent_text_verbose_name = _("privacy note")
    consent_text_default = DEFAULT_CONSENT_TEXT
    consent_text_help_text = _("Shown beside the button: what happens to what the supporter types.")

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("script"),
                FieldPanel("bill"),
                FieldPanel("senate_bill"),
                FieldPanel("chambers"),
            ],
            heading=_("The call"),
        ),
        *CallFollowsBillMixin.following_panels,
        FieldPanel("office_hours"),
        FieldPanel("call_tips"),
        FieldPanel("consent_text"),
    ]
    promote_panels = [*SharingMixin.promote_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    placeholder_fields = ("script",)

    template = "actions/call_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # As the letter page: the form holds nothing about anyone and nothing is done on anyone's
    # behalf, so no CSRF token and the page stays cacheable; each call card answers a POST and
    # is private (docs/calls.md).
    accepts_posts_without_csrf = True

    class Meta:
        verbose_name = _("call to legislators")
        verbose_name_plural = _("calls to legislators")

    def get_share_description(self) -> str:
        return self.search_description or self.introduction

    def clean(self):
        super().clean()
        self.clean_following(self.target_errors())

    def serve(self, request, *args, **kwargs):
        # actions.calls.views.serve_call_page, which imports this module.
        return serving.handler(self, "serve")(self, request, *args, **kwargs)


class CallOutcome(LegislatorTally, Attribution):
    """How one call to one legislator went, through a CallPage, in any of its languages.

    Nothing about the caller: no name, ZIP code, address, IP or email. `call_digest` is a keyed
    digest of a random number drawn for one visit's call list and of the legislator, so the same
    outcome sent twice (a refresh, a double click) is one row, and two rows of one visit cannot
    be told to belong together.
    """

    action_key = models.UUIDField(
        _("call page"), help_text=_("The translation key shared by every language of the page.")
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    call_digest = models.CharField(
        _("call digest"),
        max_length=64,
        help_text=_("A keyed digest that counts a call once; it says nothing about the caller."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("called at"), default=timezone.now)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("call outcome")
        verbose_name_plural = _("call outcomes")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["call_digest", "legislator_id", "action_key"], name="calloutcome_once"
            )
        ]
        indexes = [
            models.Index(fields=["action_key", "legislator_id"], name="calloutcome_action_idx"),
            models.Index(fields=["created_at"], name="calloutcome_created_idx"),
            models.Index(fields=["district_key"], name="calloutcome_district_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.legislator_name}: {self.get_outcome_display()}, {self.created_at:%Y-%m-%d}"
