"""State legislators, their districts, committees and vacancies, and the ZIP areas of their
districts, imported from Open States (CC0) and the Census ZCTA-to-district relation.

Like the members of Congress (legislators.py), the rows are facts copied from the publishers by
`manage.py import_state_legislators` and shown read-only in the admin: the next import would undo
a hand edit. Help text says where each value comes from, for staff reading the admin.

The join key between the people, the districts and the ZIP areas is the OCD division id
(`ocd-division/country:us/state:mn/sldl:62a`), never the district's name alone.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class StateChamber(models.TextChoices):
    """Open States' words: `legislature` is a unicameral body (Nebraska, the DC Council)."""

    UPPER = "upper", _("Senate (upper chamber)")
    LOWER = "lower", _("House or Assembly (lower chamber)")
    LEGISLATURE = "legislature", _("Unicameral legislature or council")


# The salutation per member title in districts.csv, in the visitor's language. Spanish titles
# take the member's grammatical gender where the publisher records it.
STATE_TITLES = {
    "Senator": {
        "F": pgettext_lazy("title of a woman in a state legislature", "Senator"),
        "M": pgettext_lazy("title of a man in a state legislature", "Senator"),
        "": pgettext_lazy("title in a state legislature", "Senator"),
    },
    "Representative": {
        "F": pgettext_lazy("title of a woman in a state legislature", "Representative"),
        "M": pgettext_lazy("title of a man in a state legislature", "Representative"),
        "": pgettext_lazy("title in a state legislature", "Representative"),
    },
    "Assemblymember": {
        "F": pgettext_lazy("title of a woman in a state legislature", "Assemblymember"),
        "M": pgettext_lazy("title of a man in a state legislature", "Assemblymember"),
        "": pgettext_lazy("title in a state legislature", "Assemblymember"),
    },
    "Delegate": {
        "F": pgettext_lazy("title of a woman in a state legislature", "Delegate"),
        "M": pgettext_lazy("title of a man in a state legislature", "Delegate"),
        "": pgettext_lazy("title in a state legislature", "Delegate"),
    },
    "Councilmember": {
        "F": pgettext_lazy("title of a woman in a city council", "Councilmember"),
        "M": pgettext_lazy("title of a man in a city council", "Councilmember"),
        "": pgettext_lazy("title in a city council", "Councilmember"),
    },
}
# districts.csv spells one title two ways (New York, California, Nevada, Wisconsin).
TITLE_ALIASES = {"Assembly Member": "Assemblymember"}


def state_title(member_title: str, gender: str = "") -> str:
    """'Senadora', 'Assemblymember'; a title we do not know is shown as the publisher wrote it."""
    titles = STATE_TITLES.get(TITLE_ALIASES.get(member_title, member_title))
    if titles is None:
        return member_title
    return str(titles.get(gender, titles[""]))


class StateDistrict(models.Model):
    """A seat-bearing district as Open States lists it (derived/districts.csv): how the state
    spells its name, its division id, and how many members it elects."""

    state = models.CharField(
        _("state or territory"), max_length=2, help_text=_("Postal code, e.g. MN, DC, PR.")
    )
    chamber = models.CharField(
        _("chamber"),
        max_length=11,
        choices=StateChamber.choices,
        help_text=_("As Open States names it: upper, lower, or legislature (unicameral)."),
    )
    name = models.CharField(
        _("district"),
        max_length=64,
        help_text=_("As the state spells it: 62A, 1st Franklin, Belknap 2, Ward 3, At-Large."),
    )
    division_id = models.CharField(
        _("division id"),
        max_length=120,
        db_index=True,
        help_text=_("The OCD division id that joins districts, legislators and ZIP areas."),
    )
    chamber_name = models.CharField(
        _("chamber name"), max_length=80, help_text=_("The chamber's own name, e.g. Assembly.")
    )
    member_title = models.CharField(
        _("member title"),
        max_length=40,
        help_text=_("The salutation for its members in English, e.g. Assemblymember."),
    )
    seats = models.PositiveSmallIntegerField(
        _("seats"),
        default=1,
        help_text=_("Members the district elects (New Hampshire and Vermont elect several)."),
    )

    class Meta:
        verbose_name = _("state legislative district")
        verbose_name_plural = _("state legislative districts")
        ordering = ["state", "chamber", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "chamber", "name"], name="one_state_district_per_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.chamber_name} {self.name}"


class StateLegislator(models.Model):
    """A current member of a state legislature, the DC Council or Puerto Rico's legislature,
    keyed on Open States' person id, which stays the same across elections."""

    person_id = models.CharField(
        _("Open States id"),
        max_length=60,
        primary_key=True,
        help_text=_("ocd-person/<uuid>, stable across elections."),
    )
    name = models.CharField(_("name"), max_length=160, help_text=_("Full name as published."))
    given_name = models.CharField(
        _("given name"), max_length=80, blank=True, help_text=_("First name.")
    )
    family_name = models.CharField(
        _("family name"), max_length=80, blank=True, help_text=_("Last name, for sorting.")
    )
    state = models.CharField(
        _("state or territory"), max_length=2, help_text=_("Postal code, e.g. MN, DC, PR.")
    )
    chamber = models.CharField(
        _("chamber"),
        max_length=11,
        choices=StateChamber.choices,
        help_text=_("The chamber of the member's current role."),
    )
    district = models.CharField(
        _("district"),
        max_length=64,
        help_text=_("As the state spells it: 62A, 1st Franklin, Belknap 2, Ward 3, At-Large."),
    )
    division_id = models.CharField(
        _("division id"),
        max_length=120,
        blank=True,
        help_text=_("The district's OCD division id (blank if Open States' list lacks it)."),
    )
    # What districts.csv says of the seat, copied here so that a list of 150 members needs no
    # join to word their titles.
    member_title = models.CharField(
        _("member title"),
        max_length=40,
        blank=True,
        help_text=_("The salutation in English, e.g. Senator, Delegate, Councilmember."),
    )
    party = models.CharField(
        _("party"), max_length=80, blank=True, help_text=_("The current party as published.")
    )
    # "F", "M" or "": used only to word the title in Spanish.
    gender = models.CharField(
        _("gender"), max_length=1, blank=True, help_text=_("F, M or blank, as published.")
    )
    image_url = models.URLField(
        _("photo"), max_length=400, blank=True, help_text=_("The official photo's address.")
    )
    email = models.EmailField(
        _("email"), max_length=254, blank=True, help_text=_("The office email address.")
    )
    # A list of {"classification", "address", "phone", "fax"}: always read with the member and
    # replaced whole by each import, never queried on its own, so a JSON list saves a table and a
    # prefetch on every page that lists members.
    offices = models.JSONField(
        _("offices"),
        default=list,
        blank=True,
        help_text=_("Capitol and district offices: address and phone, as published."),
    )
    links = models.JSONField(
        _("links"),
        default=list,
        blank=True,
        help_text=_("Official pages as published ({url, note}); 'homepage' marks the main one."),
    )
    role_started = models.DateField(
        _("in office since"), null=True, blank=True, help_text=_("Start of the current role.")
    )
    role_ends = models.DateField(
        _("role ends"),
        null=True,
        blank=True,
        help_text=_("Set when the publisher knows the role's end; the import drops it after."),
    )

    class Meta:
        verbose_name = _("state legislator")
        verbose_name_plural = _("state legislators")
        ordering = ["state", "chamber", "district", "family_name"]
        indexes = [
            models.Index(fields=["state", "chamber", "district"], name="state_leg_seat"),
            models.Index(fields=["division_id"], name="state_leg_division"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.state} {self.chamber} {self.district})"

    @property
    def title(self) -> str:
        return state_title(self.member_title, self.gender)

    @property
    def phone(self) -> str:
        """The capitol office's phone, else the first office's that has one."""
        phones = [o.get("phone") for o in self.offices if o.get("phone")]
        capitol = [
            o.get("phone")
            for o in self.offices
            if o.get("phone") and o.get("classification") == "capitol"
        ]
        return (capitol or phones or [""])[0]

    @property
    def homepage(self) -> str:
        marked = [link["url"] for link in self.links if link.get("note") == "homepage"]
        return (marked or [link["url"] for link in self.links] or [""])[0]


class StateCommittee(models.Model):
    """A committee of a state legislature; a bill in committee is written to its members."""

    committee_id = models.CharField(
        _("Open States id"),
        max_length=60,
        primary_key=True,
        help_text=_("ocd-organization/<uuid>."),
    )
    state = models.CharField(_("state or territory"), max_length=2, help_text=_("Postal code."))
    chamber = models.CharField(
        _("chamber"),
        max_length=11,
        choices=StateChamber.choices,
        help_text=_("upper, lower, or legislature (a joint or unicameral committee)."),
    )
    name = models.CharField(_("name"), max_length=255, help_text=_("As the legislature names it."))
    url = models.URLField(
        _("website"), max_length=400, blank=True, help_text=_("The committee's home page.")
    )
    members = models.ManyToManyField(
        StateLegislator, through="StateCommitteeMembership", related_name="committees"
    )

    class Meta:
        verbose_name = _("state legislative committee")
        verbose_name_plural = _("state legislative committees")
        ordering = ["state", "chamber", "name"]
        indexes = [models.Index(fields=["state", "chamber"], name="state_committee_chamber")]

    def __str__(self) -> str:
        return f"{self.state} {self.name}"


class StateCommitteeMembership(models.Model):
    committee = models.ForeignKey(
        StateCommittee,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("committee"),
        help_text=_("The committee this seat is on."),
    )
    legislator = models.ForeignKey(
        StateLegislator,
        on_delete=models.CASCADE,
        related_name="committee_memberships",
        verbose_name=_("state legislator"),
        help_text=_("The member who holds the seat."),
    )
    role = models.CharField(
        _("role"), max_length=80, blank=True, help_text=_("member, chair, vice chair…")
    )

    class Meta:
        verbose_name = _("state committee seat")
        verbose_name_plural = _("state committee seats")
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "legislator"], name="one_state_committee_seat"
            )
        ]


class StateVacancy(models.Model):
    """A seat the publisher knows is empty (people/settings.yml). `vacant_until` is the
    publisher's date to look again, not when it will be filled: a seat with no current member
    is empty whatever the date says."""

    state = models.CharField(_("state or territory"), max_length=2, help_text=_("Postal code."))
    chamber = models.CharField(
        _("chamber"), max_length=11, choices=StateChamber.choices, help_text=_("Its chamber.")
    )
    district = models.CharField(
        _("district"), max_length=64, help_text=_("As the state spells it.")
    )
    vacant_until = models.DateField(
        _("vacant until"),
        null=True,
        blank=True,
        help_text=_("The publisher's expected end of the vacancy."),
    )

    class Meta:
        verbose_name = _("state legislative vacancy")
        verbose_name_plural = _("state legislative vacancies")
        ordering = ["state", "chamber", "district"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "chamber", "district"], name="one_state_vacancy_per_seat"
            )
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.chamber} {self.district}"


class StateZipDistrict(models.Model):
    """A ZIP tabulation area touches this state legislative district (Census relation files).

    A ZCTA is listed under every district it touches, however small the overlap, so half of
    them have more than one row per chamber: the letter page asks, never guesses.
    """

    zcta = models.CharField(_("ZIP code"), max_length=5, help_text=_("A 2020 Census ZCTA."))
    state = models.CharField(_("state"), max_length=2, help_text=_("Postal code."))
    chamber = models.CharField(
        _("chamber"),
        max_length=11,
        choices=StateChamber.choices,
        help_text=_("The Open States chamber (Nebraska's is the legislature)."),
    )
    district = models.CharField(
        _("district"), max_length=64, help_text=_("As the state spells it (people files).")
    )
    division_id = models.CharField(
        _("division id"), max_length=120, help_text=_("The district's OCD division id.")
    )

    class Meta:
        verbose_name = _("ZIP code area of a state district")
        verbose_name_plural = _("ZIP code areas of state districts")
        # The unique constraint's index (zcta first) serves the lookup by ZIP code.
        constraints = [
            models.UniqueConstraint(
                fields=["zcta", "state", "chamber", "district"],
                name="one_row_per_zcta_and_state_district",
            )
        ]

    def __str__(self) -> str:
        return f"{self.zcta} → {self.state} {self.chamber} {self.district}"
