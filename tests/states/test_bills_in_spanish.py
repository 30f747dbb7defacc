"""A bill on a Spanish page says nothing in English that is not marked lang="en": its sponsors
are worded in Spanish around their names, and the words a translator has not reached yet (a
bill imported since, a status note added in the admin) are marked as the source language."""

import datetime
import io

import pytest
from django.utils import translation

from core.localization import sync_translation, translate
from states import seed
from states.models import BillStatus, BillStatusChange
from states.sponsors import Sponsor, Sponsors, read_sponsors
from tests.states.helpers import make_bill, make_state


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Rep. Karen Bass", Sponsors((Sponsor("Rep.", "Karen Bass"),))),
        (
            "Rep. Justin Amash (with Rep. Ayanna Pressley)",
            Sponsors((Sponsor("Rep.", "Justin Amash"),), (Sponsor("Rep.", "Ayanna Pressley"),)),
        ),
        (
            "Sen. Edward J. Markey (with Sen. Elizabeth Warren and Sen. Bernie Sanders)",
            Sponsors(
                (Sponsor("Sen.", "Edward J. Markey"),),
                (Sponsor("Sen.", "Elizabeth Warren"), Sponsor("Sen.", "Bernie Sanders")),
            ),
        ),
        (
            "Rep. Ayanna Pressley (15 original cosponsors)",
            Sponsors((Sponsor("Rep.", "Ayanna Pressley"),), cosponsors=15, original=True),
        ),
        (
            "Sen. Leroy Garcia, Rep. Serena Gonzales-Gutierrez",
            Sponsors(
                (Sponsor("Sen.", "Leroy Garcia"), Sponsor("Rep.", "Serena Gonzales-Gutierrez"))
            ),
        ),
        ("Sen. John Smith, Jr.", Sponsors((Sponsor("Sen.", "John Smith Jr."),))),
        ("Rep. Rosa de la Cruz", Sponsors((Sponsor("Rep.", "Rosa de la Cruz"),))),
        # More than names: shown as written, marked as the source language.
        ("Rep. Ayanna Pressley (by request)", None),
        ("Rep. Justin Amash with Rep. Ayanna Pressley", None),
        ("Rep. A (with Rep. B) (12 cosponsors)", None),
    ],
)
def test_a_sponsor_line_is_read_into_names(line, expected):
    assert read_sponsors(line) == expected


@pytest.mark.parametrize(
    ("line", "english", "spanish"),
    [
        (
            "Sen. Edward J. Markey (with Sen. Elizabeth Warren and Sen. Bernie Sanders)",
            "Sen. Edward J. Markey, with Sen. Elizabeth Warren and Sen. Bernie Sanders",
            "Sen. Edward J. Markey, con Sen. Elizabeth Warren y Sen. Bernie Sanders",
        ),
        (
            "Rep. Ayanna Pressley (41 original cosponsors)",
            "Rep. Ayanna Pressley, with 41 original cosponsors",
            "Rep. Ayanna Pressley, con 41 copatrocinadores originales",
        ),
        ("Rep. X (1 cosponsor)", "Rep. X, with 1 cosponsor", "Rep. X, con 1 copatrocinador"),
        (
            "Rep. Georgene Louis, Rep. Brian Egolf, Sen. Joseph Cervantes",
            "Rep. Georgene Louis, Rep. Brian Egolf and Sen. Joseph Cervantes",
            "Rep. Georgene Louis, Rep. Brian Egolf y Sen. Joseph Cervantes",
        ),
    ],
)
def test_sponsors_are_worded_in_the_visitors_language(line, english, spanish):
    sponsors = read_sponsors(line)
    with translation.override("en"):
        assert str(sponsors) == english
    with translation.override("es"):
        assert str(sponsors) == spanish


@pytest.fixture
def colorado(home_page, spanish_home):
    index = seed.ensure_index(io.StringIO())
    page = make_state(index, "CO")
    page.save_revision().publish()
    translate(page, "es", {"Colorado": "Colorado", "colorado": "colorado"})
    return page


def bill_with_a_note(**fields):
    bill = make_bill("CO", number="SB20-217", **fields)
    BillStatusChange.objects.create(
        bill=bill,
        status=BillStatus.PASSED_ONE_CHAMBER,
        date=datetime.date(2026, 2, 1),
        note="Senate",
        sort_order=1,
    )
    return bill


@pytest.mark.django_db
def test_a_spanish_state_page_words_the_sponsors_and_marks_what_it_cannot(client, colorado):
    bill = bill_with_a_note(
        title="Enhance Law Enforcement Integrity",
        sponsor="Sen. Leroy Garcia (with Rep. Leslie Herod)",
    )
    translate(bill, "es", {bill.title: "Mejorar la integridad policial", "Senate": "Senado"})
    make_bill("CO", number="HB 2", title="Second", sponsor="Rep. A (by request)")
    html = client.get("/es/evaluacion-por-estado/colorado/").content.decode()
    assert "Patrocinio: Sen. Leroy Garcia, con Rep. Leslie Herod" in html
    assert 'Patrocinio: <span lang="en">Rep. A (by request)</span>' in html
    english = client.get("/en/scorecard/colorado/").content.decode()
    assert "Sponsor: Sen. Leroy Garcia, with Rep. Leslie Herod" in english
    assert "Sponsor: Rep. A (by request)" in english  # the page's own language: no lang


@pytest.mark.django_db
def test_bill_words_a_translator_has_not_reached_are_marked_english(client, colorado):
    bill = bill_with_a_note(title="Enhance Law Enforcement Integrity", summary="Ends QI.")
    translate(
        bill,
        "es",
        {
            bill.title: "Mejorar la integridad policial",
            "Ends QI.": "Acaba con la IC.",
            "Senate": "Senado",
        },
    )
    # Later, in English only: a new summary and a new status note.
    bill.summary = "Ends qualified immunity for police."
    bill.status_changes.add(
        BillStatusChange(
            status=BillStatus.SIGNED, date=datetime.date(2026, 3, 1), note="Signed", sort_order=2
        )
    )
    bill.save()
    sync_translation(bill, "es")
    # A bill nobody has translated at all shows its English, marked.
    make_bill(
        "US", number="H.R. 1470", title="Ending Qualified Immunity Act", session="119th Congress"
    )
    html = client.get("/es/evaluacion-por-estado/colorado/").content.decode()
    assert "SB20-217: Mejorar la integridad policial</a>" in html
    assert '<p lang="en">Ends qualified immunity for police.</p>' in html
    assert "(Senado)" in html
    assert '(<span lang="en">Signed</span>)' in html
    assert 'H.R. 1470: <span lang="en">Ending Qualified Immunity Act</span>' in html
    index = client.get("/es/evaluacion-por-estado/").content.decode()
    assert 'H.R. 1470: <span lang="en">Ending Qualified Immunity Act</span>' in index
    assert '<span lang="en">119th Congress</span>' in index
    english = client.get("/en/scorecard/colorado/").content.decode()
    assert 'lang="en"' not in english.split('<main id="main"', 1)[1]
