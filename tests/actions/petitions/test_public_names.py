"""Recent signers show a first name only when it reads as a name (issue 24 item 4): never markup,
a link, an email address, a handle, a number or a slogan, and only with the signer's consent."""

import pytest

from actions.factories import SignatureFactory
from actions.public_names import public_first_name

SHOWN = {
    "Maria": "Maria",
    "  María   José ": "María José",
    "Jean-Luc": "Jean-Luc",
    "O'Brien": "O'Brien",
    "O’Brien": "O’Brien",
    "J.": "J.",
    "J. R.": "J. R.",
    "Nguyễn": "Nguyễn",
    "Zoë": "Zoë",
    "Rene\u0301": "Rene\u0301",  # a decomposed é
    "李": "李",
    "Анна": "Анна",
}
LEFT_OUT = [
    "",
    "   ",
    "<script>alert(1)</script>",
    "<b>Bold</b>",
    "&lt;i&gt;",
    "ana@example.org",
    "example.com",
    "www.example.com",
    "Visit evil.example",
    "http://example.org",
    "https:",
    "@handle",
    "#hashtag",
    "Call 555 0100",
    "R2D2",
    "Ana (admin)",
    "Ana; DROP TABLE",
    "Vote for my candidate now",  # a slogan, not a first name
    "A" * 25,
    "-",
    "'",
    ".",
    "J.R.",  # a period inside a word reads as a domain
    "🙂",
    "Ana🙂",
    "Ana\u200bBeth",  # a zero-width space (format character)
]


@pytest.mark.parametrize("typed, shown", SHOWN.items())
def test_names_that_read_as_names_are_shown(typed, shown):
    assert public_first_name(typed) == shown


@pytest.mark.parametrize("typed", LEFT_OUT)
def test_anything_else_is_left_out(typed):
    assert public_first_name(typed) == ""


@pytest.mark.django_db
def test_the_petition_lists_only_names_that_read_as_names(client, petition):
    SignatureFactory(action=petition, first_name="Rosa", public=True)
    for typed in ("<script>alert(1)</script>", "spam@example.org", "Visit evil.example"):
        SignatureFactory(action=petition, first_name=typed, public=True)
    SignatureFactory(action=petition, first_name="Hidden", public=False)
    html = client.get(petition.url).content.decode()
    listed = html.split('id="recent-signers-heading"')[1].split("</section>")[0]
    assert "Rosa from" in listed
    for text in ("script", "example", "Hidden"):
        assert text not in listed
    assert "<strong data-count>5</strong> signatures" in html  # every signature still counts


@pytest.mark.django_db
def test_names_left_out_do_not_shorten_the_list(client, petition):
    for number in range(8):
        SignatureFactory(action=petition, first_name=f"Real{'abcdefgh'[number]}", public=True)
    for _ in range(8):
        SignatureFactory(action=petition, first_name="bot@example.org", public=True)
    html = client.get(petition.url).content.decode()
    listed = html.split('id="recent-signers-heading"')[1].split("</section>")[0]
    assert listed.count("<li>") == 8
