"""A bill's sponsors, read from the line the bill list and editors write ("Rep. Justin Amash
(with Rep. Ayanna Pressley)", "Rep. Ayanna Pressley (15 original cosponsors)", "Sen. A, Sen. B")
into names, so that each language words the rest: the connecting words and the titles are the
interface's, translated like any other; the names stay as written.

A line this cannot read is shown as written, marked as the source language (states/models/bills.py).
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext, pgettext_lazy

# The titles the data abbreviates before a name; each language says them its own way.
TITLES = {
    "Rep.": pgettext_lazy("abbreviation of Representative, before a bill sponsor's name", "Rep."),
    "Sen.": pgettext_lazy("abbreviation of Senator, before a bill sponsor's name", "Sen."),
    "Del.": pgettext_lazy("abbreviation of Delegate, before a bill sponsor's name", "Del."),
}
# "John Smith, Jr." is one name, not two.
SUFFIXES = frozenset({"Jr.", "Sr.", "II", "III", "IV"})
# Lower-case words that belong inside names ("Chris Van Hollen", "Rosa de la Cruz").
PARTICLES = frozenset({"de", "del", "la", "las", "los", "da", "das", "do", "dos", "di", "du"})
PARTICLES |= frozenset({"van", "von", "der", "den", "le", "y", "bin", "al", "el", "st."})

LINE = re.compile(r"^(?P<leads>[^()]+?)\s*(?:\((?P<extra>[^()]+)\))?$")
SEPARATOR = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
WITH = re.compile(r"^with\s+(?P<names>.+)$")
COUNT = re.compile(r"^(?P<count>\d+)\s+(?P<original>original\s+)?co-?sponsors?$")
PERSON = re.compile(r"^(?:(?P<title>Rep\.|Sen\.|Del\.)\s+)?(?P<name>\S.*)$")


@dataclass(frozen=True)
class Sponsor:
    title: str  # as the data writes it ("Rep."), or "" for a name alone
    name: str

    def __str__(self) -> str:
        title = TITLES.get(self.title)
        return f"{title} {self.name}" if title else self.name


@dataclass(frozen=True)
class Sponsors:
    leads: tuple[Sponsor, ...]
    partners: tuple[Sponsor, ...] = ()  # introduced the bill with the leads ("with ...")
    cosponsors: int | None = None
    original: bool = False  # the cosponsors counted are those who signed on at introduction

    def __str__(self) -> str:
        """The sponsors in the active language, e.g. "Rep. A, with Rep. B and Rep. C"."""
        leads = names(self.leads)
        if self.partners:
            # Translators: a bill's lead sponsor(s), then those who introduced it with them.
            return gettext("%(sponsors)s, with %(partners)s") % {
                "sponsors": leads,
                "partners": names(self.partners),
            }
        if self.cosponsors is None:
            return leads
        if self.original:
            text = ngettext(
                "%(sponsors)s, with %(count)s original cosponsor",
                "%(sponsors)s, with %(count)s original cosponsors",
                self.cosponsors,
            )
        else:
            text = ngettext(
                "%(sponsors)s, with %(count)s cosponsor",
                "%(sponsors)s, with %(count)s cosponsors",
                self.cosponsors,
            )
        return text % {"sponsors": leads, "count": self.cosponsors}


def names(people: tuple[Sponsor, ...]) -> str:
    """'A', 'A and B', 'A, B and C' in the active language."""
    texts = [str(person) for person in people]
    if len(texts) == 1:
        return texts[0]
    # The same words as the letters' list of legislators (actions/letters/lookup.py).
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(texts[:-1]), "last": texts[-1]}


def _people(text: str) -> tuple[Sponsor, ...] | None:
    people: list[Sponsor] = []
    for part in SEPARATOR.split(text.strip()):
        if part in SUFFIXES and people:
            people[-1] = Sponsor(people[-1].title, f"{people[-1].name} {part}")
            continue
        match = PERSON.match(part)
        if match is None or not _is_a_name(match["name"]):
            return None
        people.append(Sponsor(match["title"] or "", match["name"]))
    return tuple(people) or None


def _is_a_name(text: str) -> bool:
    """Capitalised words and the particles of names: anything else ("by request", "with")
    is words this cannot translate."""
    return not any(c.isdigit() for c in text) and all(
        word[:1].isupper() or word.lower() in PARTICLES for word in text.split()
    )


def read_sponsors(line: str) -> Sponsors | None:
    """The sponsors on `line`, or None if it says something more than names and the forms
    above (it is then shown as written)."""
    match = LINE.match(" ".join(line.split()))
    if match is None:
        return None
    leads = _people(match["leads"])
    if leads is None:
        return None
    extra = match["extra"]
    if extra is None:
        return Sponsors(leads)
    if partners := WITH.match(extra.strip()):
        people = _people(partners["names"])
        return Sponsors(leads, partners=people) if people else None
    if count := COUNT.match(extra.strip()):
        return Sponsors(leads, cosponsors=int(count["count"]), original=bool(count["original"]))
    return None
