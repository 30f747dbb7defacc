"""The record of each state legislator import (states/state_importer), read by staff in the
admin: the sibling of LegislatorImport, with the state import's own dates and per-state summary."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StateLegislatorImport(models.Model):
    """One applied run of import_state_legislators: when, from where, what it changed."""

    started_at = models.DateTimeField(_("started"), help_text=_("When the run began."))
    finished_at = models.DateTimeField(
        _("finished"), auto_now_add=True, help_text=_("When the changes were applied.")
    )
    checked_at = models.DateTimeField(
        _("last checked"),
        null=True,
        blank=True,
        help_text=_("A later run that found the same data moves this forward."),
    )
    source = models.CharField(_("source"), max_length=500, help_text=_("Where the data was read."))
    source_digest = models.CharField(
        _("fingerprint of the files"), max_length=64, blank=True, help_text=_("SHA-256.")
    )
    data_published_at = models.DateField(
        _("data published"),
        null=True,
        blank=True,
        help_text=_("The publisher's date of the people data (its commit date)."),
    )
    zip_data_published_at = models.DateField(
        _("ZIP data published"),
        null=True,
        blank=True,
        help_text=_("The publisher's date of the ZIP-to-district relation."),
    )
    as_of = models.DateField(
        _("current as of"),
        null=True,
        blank=True,
        help_text=_("Roles that ended before this day were left out."),
    )
    legislator_count = models.PositiveIntegerField(
        _("legislators"), default=0, help_text=_("Current legislators after the import.")
    )
    zip_area_count = models.PositiveIntegerField(
        _("ZIP code rows"), default=0, help_text=_("ZIP-district rows after the import.")
    )
    # [{"person_id", "name", "state", "chamber", "district"}], changes also with "fields".
    added = models.JSONField(
        _("added"), default=list, blank=True, help_text=_("Legislators who arrived.")
    )
    removed = models.JSONField(
        _("removed"), default=list, blank=True, help_text=_("Legislators who left.")
    )
    changed = models.JSONField(
        _("changed"), default=list, blank=True, help_text=_("Legislators whose data changed.")
    )
    # {"by_state": {"MN": {added, removed, changed, total}}, "districts": {...}, "committees":
    #  {...}, "committee_seats": {...}, "vacancies": {...}, "zip_rows": {...}, "warnings": [...]}
    summary = models.JSONField(
        _("other changes"),
        default=dict,
        blank=True,
        help_text=_("Changes per state and per table, and the warnings."),
    )
    seconds = models.FloatField(
        _("seconds to apply"), default=0, help_text=_("How long writing took.")
    )

    class Meta:
        verbose_name = _("state legislator import")
        verbose_name_plural = _("state legislator imports")
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"

    def __str__(self) -> str:
        return f"{self.finished_at:%Y-%m-%d %H:%M} ({self.source})"

    @classmethod
    def latest_or_none(cls) -> "StateLegislatorImport | None":
        return cls.objects.order_by("-finished_at").first()
