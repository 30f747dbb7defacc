"""Members of Congress and the ZIP areas of their districts, imported from public data.

The rows are facts copied from the publishers (unitedstates/congress-legislators, CC0, and the
Census ZCTA-to-district table), replaced wholesale by `manage.py import_legislators`; editors do
not edit them, so they are not translatable and carry no help text for editors. Titles and party
names are translated when shown.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Places that send a non-voting member to the House and have no senators.
NON_STATES = {
    "DC": _("District of Columbia"),
    "PR": _("Puerto Rico"),
    "GU": _("Guam"),
    "VI": _("U.S. Virgin Islands"),
    "AS": _("American Samoa"),
    "MP": _("Northern Mariana Islands"),
}


# The parties the publishers use, as shown to visitors.
PARTIES = {
    "Democrat": _("Democrat"),
    "Republican": _("Republican"),
    "Independent": _("Independent"),
    "Libertarian": _("Libertarian"),
}


# Committee roles as the publishers write them, as shown to visitors; other roles are not shown.
COMMITTEE_ROLES = {
    "Chair": _("chair"),
    "Chairman": _("chair"),
    "Chairwoman": _("chair"),
    "Ranking Member": _("ranking member"),
    "Vice Chair": _("vice chair"),
    "Vice Chairman": _("vice chair"),
}


# Titles as shown to visitors. Spanish titles take the member's grammatical gender ("Senadora",
# "Senador"), which the publishers record; without it the neutral form ("Senador/a") is used.
TITLES = {
    "senator": {
        "F": pgettext_lazy("title of a woman in Congress", "Senator"),
        "M": pgettext_lazy("title of a man in Congress", "Senator"),
        "": _("Senator"),
    },
    "resident commissioner": {
        "F": pgettext_lazy("title of a woman in Congress", "Resident Commissioner"),
        "M": pgettext_lazy("title of a man in Congress", "Resident Commissioner"),
        "": _("Resident Commissioner"),
    },
    "delegate": {
        "F": pgettext_lazy("title of a woman in Congress", "Delegate"),
        "M": pgettext_lazy("title of a man in Congress", "Delegate"),
        "": _("Delegate"),
    },
    "representative": {
        "F": pgettext_lazy("title of a woman in Congress", "Representative"),
        "M": pgettext_lazy("title of a man in Congress", "Representative"),
        "": _("Representative"),
    },
}


class Chamber(models.TextChoices):
    SENATE = "senate", _("Senate")
    HOUSE = "house", _("House of Representatives")


class Legislator(models.Model):
    """A current member of Congress, keyed on the Bioguide id that every public dataset uses."""

    bioguide_id = models.CharField(_("Bioguide id"), max_length=10, primary_key=True)
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    full_name = models.CharField(_("full name"), max_length=160)
    chamber = models.CharField(_("chamber"), max_length=10, choices=Chamber.choices)
    state = models.CharField(_("state or territory"), max_length=2, db_index=True)
    # None for senators; 0 for an at-large seat (a one-district state, DC and the territories).
    district = models.PositiveSmallIntegerField(_("district"), null=True, blank=True)
    party = models.CharField(_("party"), max_length=40, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    office_address = models.CharField(_("Washington office"), max_length=255, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    contact_form_url = models.URLField(_("contact form"), max_length=300, blank=True)
    term_end = models.DateField(_("term ends"), null=True, blank=True)
    # "F", "M" or "" as the publishers record it; used only to word the title in Spanish.
    gender = models.CharField(_("gender"), max_length=1, blank=True)

    class Meta:
        verbose_name = _("legislator")
        verbose_name_plural = _("legislators")
        ordering = ["state", "chamber", "district", "last_name"]
        indexes = [models.Index(fields=["state", "chamber", "district"])]

    def __str__(self) -> str:
        return f"{self.title} {self.full_name} ({self.seat})"

    @property
    def is_delegate(self) -> bool:
        """DC and the territories send a member who cannot vote on a bill's final passage."""
        return self.chamber == Chamber.HOUSE and self.state in NON_STATES

    @property
    def title(self) -> str:
        if self.chamber == Chamber.SENATE:
            kind = "senator"
        elif self.state == "PR":
            kind = "resident commissioner"
        elif self.is_delegate:
            kind = "delegate"
        else:
            kind = "representative"
        titles = TITLES[kind]
        return str(titles.get(self.gender, titles[""]))

    @property
    def seat(self) -> str:
        """'CO', 'CO-7', 'WY at large'."""
        if self.chamber == Chamber.SENATE:
            return self.state
        if not self.district:
            return str(_("%(state)s at large") % {"state": self.state})
        return f"{self.state}-{self.district}"

    @property
    def party_initial(self) -> str:
        return self.party[:1].upper() if self.party else ""

    @property
    def party_label(self) -> str:
        """The party in the visitor's language ('Demócrata'); an unknown party as given."""
        label = PARTIES.get(self.party)
        return str(label) if label else self.party

    @property
    def judiciary_role_label(self) -> str:
        """With states.congress.members_for_state's annotation: 'ranking member', or ''."""
        label = COMMITTEE_ROLES.get(getattr(self, "judiciary_role", None) or "")
        return str(label) if label else ""


class DistrictOffice(models.Model):
    """A member's office back home: where a constituent can call or walk in."""

    office_id = models.CharField(_("office id"), max_length=80, unique=True)
    legislator = models.ForeignKey(
        Legislator, on_delete=models.CASCADE, related_name="offices", verbose_name=_("legislator")
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    suite = models.CharField(_("suite"), max_length=80, blank=True)
    building = models.CharField(_("building"), max_length=160, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    state = models.CharField(_("state"), max_length=2, blank=True)
    zip_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("district office")
        verbose_name_plural = _("district offices")
        ordering = ["legislator", "city", "office_id"]

    def __str__(self) -> str:
        return f"{self.city}, {self.state}" if self.city else self.office_id


class Committee(models.Model):
    """A standing committee; the Judiciary committees hear qualified immunity bills."""

    committee_id = models.CharField(_("committee id"), max_length=10, primary_key=True)
    name = models.CharField(_("name"), max_length=255)
    chamber = models.CharField(_("chamber"), max_length=10, blank=True)
    url = models.URLField(_("website"), max_length=300, blank=True)
    members = models.ManyToManyField(
        Legislator, through="CommitteeMembership", related_name="committees"
    )

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_judiciary(self) -> bool:
        return "judiciary" in self.name.lower()


class CommitteeMembership(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    legislator = models.ForeignKey(
        Legislator, on_delete=models.CASCADE, related_name="committee_memberships"
    )
    role = models.CharField(_("role"), max_length=80, blank=True)  # "Chairman", "Ranking Member"
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "legislator"], name="one_membership_per_committee"
            )
        ]


class ZipDistrict(models.Model):
    """One row of the Census table: a ZIP tabulation area lies (partly) in this district.

    A ZCTA that crosses district or state lines has several rows; that is how the letter page
    knows to ask rather than guess.
    """

    zcta = models.CharField(_("ZIP code"), max_length=5, db_index=True)
    state = models.CharField(_("state or territory"), max_length=2)
    district = models.PositiveSmallIntegerField(_("district"))  # 0 = at large

    class Meta:
        verbose_name = _("ZIP code area")
        verbose_name_plural = _("ZIP code areas")
        constraints = [
            models.UniqueConstraint(
                fields=["zcta", "state", "district"], name="one_row_per_zcta_and_district"
            )
        ]

    def __str__(self) -> str:
        return f"{self.zcta} → {self.state}-{self.district}"


class LegislatorImport(models.Model):
    """One applied run of import_legislators: when, from where, and what it changed."""

    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), auto_now_add=True)
    source = models.CharField(_("source"), max_length=500)
    legislator_count = models.PositiveIntegerField(_("legislators"), default=0)
    zip_area_count = models.PositiveIntegerField(_("ZIP code areas"), default=0)
    # [{"bioguide_id", "name"}], and for changes also {"fields": {field: [old, new]}}
    added = models.JSONField(_("added"), default=list, blank=True)
    removed = models.JSONField(_("removed"), default=list, blank=True)
    changed = models.JSONField(_("changed"), default=list, blank=True)
    zip_areas_added = models.PositiveIntegerField(_("ZIP code rows added"), default=0)
    zip_areas_removed = models.PositiveIntegerField(_("ZIP code rows removed"), default=0)
    # A later run that found the same data does not add a row; it moves this forward, so that
    # "data as of" says when the data was last confirmed current.
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    # When the publisher dated the data (the oldest file's Last-Modified header or file time):
    # what "legislator data as of" means to a supporter, unlike when we happened to import it.
    data_published_at = models.DateTimeField(
        _("data published"),
        null=True,
        blank=True,
        help_text=_("The oldest date among the files, as their publisher gave it."),
    )
    source_digest = models.CharField(_("fingerprint of the files"), max_length=64, blank=True)
    seconds = models.FloatField(_("seconds to apply"), default=0)
    # {"district_offices": {added, removed, changed, total}, "committees": {...},
    #  "committee_seats": {..., "by_committee": [{committee, joined, left, role_changed}]},
    #  "zip_codes": n, "ambiguous_zip_codes": n, "warnings": [...]}
    summary = models.JSONField(_("other changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("legislator import")
        verbose_name_plural = _("legislator imports")
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"

    def __str__(self) -> str:
        return f"{self.finished_at:%Y-%m-%d %H:%M} ({self.source})"

    @classmethod
    def latest_or_none(cls) -> "LegislatorImport | None":
        return cls.objects.order_by("-finished_at").first()

    @property
    def data_as_of(self):
        """When the data was last confirmed current: the last check, or else this import."""
        return self.checked_at or self.finished_at

    @property
    def data_date(self):
        """(date, is the publisher's) for "legislator data as of": the publisher's date when
        the files carried one, else the import's, which the page then calls an import date."""
        if self.data_published_at is not None:
            return self.data_published_at, True
        return self.finished_at, False
