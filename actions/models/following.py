"""A letter or call page that follows its bill through the statehouse.

With "follow the bill" ticked, the page's ask changes with the bill's latest status
(states.bill_steps.live_step): while the bill is in committee supporters write to (or call) the
committee's members (or their own legislators when no committee is named), once it has passed
one chamber their member of the other, once it has passed or been signed they thank its
sponsors, and once it has failed the page closes and says what comes next. Each step's words are
fields of their own, translated like the rest of the page; the admin shows which step is live.

FollowsBillBase holds what both share (the step, its chambers, the introductions, the closing
text, the checks); FollowsBillMixin adds a letter's subject and letter per step,
CallFollowsBillMixin a call script per step.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel

from actions import placeholders
from states.bill_steps import BOTH, LiveStep, Recipients, Step, live_step
from states.models import FEDERAL


class BillStepPanel(Panel):
    """Which step is live and why, above the step fields in the editor."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "actions/admin/bill_step_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            step = page.bill_step if page.pk or page.bill_id else None
            context["step"] = step
            context["recipients_count"] = page.recipients_count() if step else None
            context["chambers_label"] = page._meta.get_field("chambers").verbose_name
            return context


class FollowsBillBase(models.Model):
    """The fields and checks every page that follows its bill has. A concrete mixin declares
    `follows_bill` and `committee_intro` (their help text names what the page does), the
    fields that must be filled in when following, and those holding placeholders."""

    other_chamber_intro = models.TextField(
        _("passed one chamber: introduction"),
        max_length=600,
        blank=True,
        help_text=_("Shown above the form once the bill has passed one chamber. Optional."),
    )
    thanks_intro = models.TextField(
        _("passed or signed: introduction"),
        max_length=600,
        blank=True,
        help_text=_("Shown above the form once the bill has passed or been signed. Optional."),
    )
    closed_text = models.TextField(
        _("failed or vetoed: what comes next"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Needed when following the bill: shown instead of the form once the bill has "
            "failed or been vetoed, e.g. that it will be back next session and how to help."
        ),
    )

    # Filled in by each concrete mixin.
    following_required: tuple[str, ...] = ("closed_text",)
    following_placeholder_fields: tuple[str, ...] = ()
    following_scope_error = ""
    following_needed_error = ""
    # A call page says "Call the committee" where a letter says "Write to the committee".
    asks_by_phone = False

    class Meta:
        abstract = True

    @staticmethod
    def following_panel(*step_fields: str) -> list:
        return [
            MultiFieldPanel(
                [
                    FieldPanel("follows_bill"),
                    BillStepPanel(),
                    *(FieldPanel(name) for name in step_fields),
                    FieldPanel("closed_text"),
                ],
                heading=_("Follow the bill"),
            )
        ]

    @cached_property
    def bill_step(self) -> LiveStep | None:
        """The live step, for a page that follows a state bill; kept for the request."""
        if not self.follows_bill or self.bill is None:
            return None
        step = live_step(self.bill)
        step.by_phone = self.asks_by_phone
        return step

    def step_chambers(self, chosen: tuple[str, ...]) -> tuple[str, ...]:
        """The supporter's own chambers the live step writes to (chosen: the page's)."""
        step = self.bill_step
        if step.recipients == Recipients.CHAMBER:
            return step.chambers
        if step.recipients == Recipients.OWN:
            return chosen
        if step.recipients == Recipients.NONE:
            return ()
        return BOTH  # a fixed group (committee, sponsors): not looked up by ZIP

    def step_intro(self) -> str:
        """The introduction of the live step ("" when none applies)."""
        step = self.bill_step
        if step is None:
            return ""
        return {
            Step.COMMITTEE: self.committee_intro,
            Step.OTHER_CHAMBER: self.other_chamber_intro,
            Step.THANKS: self.thanks_intro,
        }.get(step.step, "")

    def recipients_count(self) -> int | None:
        """How many are written to at a fixed-group step (the admin says it); None otherwise."""
        step = self.bill_step
        if step.recipients == Recipients.COMMITTEE:
            return step.committee.memberships.count()
        return None

    def following_errors(self) -> dict:
        if not self.follows_bill:
            return {}
        errors = {}
        if self.bill is None or self.bill.jurisdiction == FEDERAL or not self.writes_to_states:
            errors["follows_bill"] = self.following_scope_error
        for field in self.following_required:
            if not getattr(self, field).strip():
                errors[field] = self.following_needed_error
        for field in self.following_placeholder_fields:
            problems = placeholders.placeholder_errors(getattr(self, field), has_bill=True)
            if problems:
                errors.setdefault(field, problems)
        return errors

    def clean_following(self, errors: dict) -> None:
        errors.update(self.following_errors())
        if errors:
            raise ValidationError(errors)


class FollowsBillMixin(FollowsBillBase):
    """A letter page's steps: a subject and a letter for each."""

    follows_bill = models.BooleanField(
        _("follow the bill"),
        default=False,
        help_text=_(
            "For a letter to state legislators: the ask follows the bill's latest status. In "
            "committee: the committee's members (named on the status change) or else the "
            "supporter's own legislators; passed one chamber: their member of the other "
            "chamber; passed or signed: thanks to the sponsors; failed or vetoed: the page "
            "closes with the words below."
        ),
    )
    committee_intro = models.TextField(
        _("in committee: introduction"),
        max_length=600,
        blank=True,
        help_text=_(
            "Shown above the form while the bill is in committee. The letter is the subject "
            "and letter above. Empty: the site says whom the letters go to."
        ),
    )
    other_chamber_subject = models.CharField(
        _("passed one chamber: subject"),
        max_length=200,
        blank=True,
        help_text=placeholders.help_text(
            _("Empty: the subject above. E.g. 'The Senate passed {bill}: please pass it too'.")
        ),
    )
    other_chamber_letter = models.TextField(
        _("passed one chamber: letter"),
        max_length=8000,
        blank=True,
        help_text=placeholders.help_text(_("Empty: the letter above.")),
    )
    thanks_subject = models.CharField(
        _("passed or signed: subject"),
        max_length=200,
        blank=True,
        help_text=placeholders.help_text(
            _("Needed when following the bill, e.g. 'Thank you for {bill}'.")
        ),
    )
    thanks_letter = models.TextField(
        _("passed or signed: thank-you letter"),
        max_length=8000,
        blank=True,
        help_text=placeholders.help_text(
            _("Needed when following the bill: the letter thanking each sponsor.")
        ),
    )

    following_panels = FollowsBillBase.following_panel(
        "committee_intro",
        "other_chamber_intro",
        "other_chamber_subject",
        "other_chamber_letter",
        "thanks_intro",
        "thanks_subject",
        "thanks_letter",
    )
    following_required = ("thanks_subject", "thanks_letter", "closed_text")
    following_placeholder_fields = (
        "other_chamber_subject",
        "other_chamber_letter",
        "thanks_subject",
        "thanks_letter",
    )
    following_scope_error = _(
        "Only a letter to state legislators about a state bill can follow it: choose the bill "
        "and a state 'write to' above."
    )
    following_needed_error = _("Needed when the letter follows its bill.")

    class Meta:
        abstract = True

    def step_texts(self) -> tuple[str, str, str]:
        """(introduction, subject, letter) of the live step."""
        step = self.bill_step
        intro = self.step_intro()
        if step is not None and step.step == Step.OTHER_CHAMBER:
            return (
                intro,
                self.other_chamber_subject or self.subject,
                self.other_chamber_letter or self.letter_template,
            )
        if step is not None and step.step == Step.THANKS:
            return intro, self.thanks_subject, self.thanks_letter
        return intro, self.subject, self.letter_template


class CallFollowsBillMixin(FollowsBillBase):
    """A call page's steps: a call script for each."""

    follows_bill = models.BooleanField(
        _("follow the bill"),
        default=False,
        help_text=_(
            "For a call to state legislators: the ask follows the bill's latest status. In "
            "committee: call the committee's members (named on the status change) or else the "
            "caller's own legislators; passed one chamber: their member of the other chamber; "
            "passed or signed: call to thank the sponsors; failed or vetoed: the page closes "
            "with the words below."
        ),
    )
    committee_intro = models.TextField(
        _("in committee: introduction"),
        max_length=600,
        blank=True,
        help_text=_(
            "Shown above the form while the bill is in committee. The script is the call "
            "script above. Empty: the site says whom the calls go to."
        ),
    )
    other_chamber_script = models.TextField(
        _("passed one chamber: call script"),
        max_length=3000,
        blank=True,
        help_text=placeholders.help_text(
            _(
                "Empty: the call script above. E.g. 'The Senate passed {bill}: I ask "
                "{legislator_title} {legislator_last_name} to pass it too.'"
            )
        ),
    )
    thanks_script = models.TextField(
        _("passed or signed: thank-you script"),
        max_length=3000,
        blank=True,
        help_text=placeholders.help_text(
            _(
                "Needed when following the bill: what the caller says to thank each sponsor, "
                "e.g. 'I am calling to thank {legislator_title} {legislator_last_name} for "
                "{bill}.'"
            )
        ),
    )

    following_panels = FollowsBillBase.following_panel(
        "committee_intro",
        "other_chamber_intro",
        "other_chamber_script",
        "thanks_intro",
        "thanks_script",
    )
    following_required = ("thanks_script", "closed_text")
    following_placeholder_fields = ("other_chamber_script", "thanks_script")
    following_scope_error = _(
        "Only a call to state legislators about a state bill can follow it: choose the bill "
        "and a state 'call' above."
    )
    following_needed_error = _("Needed when the call follows its bill.")
    asks_by_phone = True

    class Meta:
        abstract = True

    def step_script(self) -> str:
        """The call script of the live step (the page's own before or without one)."""
        step = self.bill_step
        if step is not None and step.step == Step.OTHER_CHAMBER:
            return self.other_chamber_script or self.script
        if step is not None and step.step == Step.THANKS:
            return self.thanks_script
        return self.script
