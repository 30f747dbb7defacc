"""The record of each `manage.py import_scorecard` run, for staff to read in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScorecardImport(models.Model):
    """One applied run of import_scorecard: who ran it, when, from where, and what it changed."""

    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), auto_now_add=True)
    run_by = models.CharField(_("run by"), max_length=150, blank=True)
    source = models.CharField(_("source"), max_length=500)
    source_digest = models.CharField(_("fingerprint of the file"), max_length=64, blank=True)
    forced = models.BooleanField(
        _("overwrote editors' changes"),
        default=False,
        help_text=_("Run with --force: marks edited in the admin were replaced by the file's."),
    )
    added = models.PositiveIntegerField(_("marks added"), default=0)
    changed = models.PositiveIntegerField(_("marks changed"), default=0)
    unchanged = models.PositiveIntegerField(_("marks unchanged"), default=0)
    kept = models.PositiveIntegerField(
        _("editors' marks kept"),
        default=0,
        help_text=_(
            "Marks changed in the admin since the last import, which this run left as they were."
        ),
    )
    # [{"state", "criterion", "change": "added"|"changed"|"kept"|"skipped",
    #   "fields": {field: [old, new]}}], one entry per mark that did not stay the same
    changes = models.JSONField(_("changes"), default=list, blank=True)
    # {"CO": {"added": n, "changed": n, "unchanged": n, "kept": n}}
    by_state = models.JSONField(_("by state"), default=dict, blank=True)
    seconds = models.FloatField(_("seconds to apply"), default=0)

    class Meta:
        verbose_name = _("scorecard import")
        verbose_name_plural = _("scorecard imports")
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"

    def __str__(self) -> str:
        return f"{self.finished_at:%Y-%m-%d %H:%M} ({self.source})"
