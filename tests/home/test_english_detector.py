"""The detector the Spanish crawl relies on (tests/home/helpers.py): it finds English phrases,
passes Spanish, names and case captions, and skips what is marked lang="en"."""

import pytest

from tests.home.helpers import english_phrases, is_english, shared_phrases


def page(body: str, title: str = "Evaluación por estado") -> str:
    return f'<html lang="es"><head><title>{title}</title></head><body>{body}</body></html>'


@pytest.mark.parametrize(
    "text",
    [
        "with Rep. Ayanna Pressley",
        "Skip to main content",
        "Logo of Mothers for Answers",
        "Died in committee when the 118th Congress ended",
    ],
)
def test_english_phrases_are_english(text):
    assert is_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "Patrocinio: Rep. Ayanna Pressley, con 15 copatrocinadores originales",
        "Sen. Edward J. Markey, con Sen. Elizabeth Warren y Sen. Bernie Sanders",
        "Jessop v. City of Fresno, California, 2019",
        "Estate of George Floyd v. City of Minneapolis",
        "Ayanna Pressley",
        "No, me he comprometido a votar: ya lo firmé.",
        "Puesto 18= (empate) IN OR",  # state abbreviations
        "El tribunal dijo que el agente actuó de buena fe y que la ley no estaba clara.",
    ],
)
def test_spanish_names_and_captions_are_not(text):
    assert not is_english(text)


def test_a_page_reports_each_english_run_by_its_smallest_english_phrase():
    html = page(
        "<header><a href='#main'>Skip to main content</a></header>"
        "<main><p>Patrocinio: Sen. Markey (with Sen. Warren and Sen. Sanders)</p>"
        "<p>La ley cambió en 2020. It did not end qualified immunity for the police.</p>"
        "<p>Una ley <em>del estado</em> que protege sus derechos.</p></main>"
    )
    assert [found.phrase for found in english_phrases(html)] == [
        "Skip to main content",
        "with Sen. Warren and Sen. Sanders",
        "It did not end qualified immunity for the police.",
    ]


def test_what_is_marked_english_and_all_it_holds_is_skipped_but_attributes_are_read():
    html = page(
        '<blockquote lang="en"><p>Qualified immunity is not a defense to <b>liability</b>.</p>'
        '<img src="x.png" alt="Text of the statute"></blockquote>'
        '<p><cite lang="en-US">An Act Concerning Police Accountability</cite>, de 2020</p>'
        '<img src="y.png" alt="Logo of Faith in Justice">'
        '<nav aria-label="Pages of the results"></nav>',
        title="Search the site · End QI",
    )
    assert [found.phrase for found in english_phrases(html)] == [
        "Search the site",
        "Logo of Faith in Justice",
        "Pages of the results",
    ]


def test_words_the_english_page_shows_word_for_word_are_english_too():
    """No function word to tell "15 original cosponsors" by; the English page gives it away."""
    spanish = page(
        "<p>Patrocinio: Rep. Ayanna Pressley (15 original cosponsors)</p><p>Ayanna Pressley</p>"
        "<p>Escriba a house.gov o a info@example.org</p><p lang='en'>ends qualified immunity</p>"
    )
    english = page(
        "<p>Sponsor: Rep. Ayanna Pressley (15 original cosponsors)</p><p>Ayanna Pressley</p>"
        "<p>Write to house.gov or info@example.org</p><p>ends qualified immunity</p>",
        title="State scorecard",
    )
    assert [found.phrase for found in shared_phrases(spanish, english)] == [
        "15 original cosponsors"
    ]
