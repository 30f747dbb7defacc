"""Which first names the public "Recent signers" list may show (docs/petitions.md).

A signer who ticked the box agreed to have their first name and state shown, but the name is
whatever they typed, on a page anyone can link to. So a name is shown only when it reads as a
name: letters in any script (with their accents), spaces, hyphens, apostrophes and an initial's
period; at most three words and 24 characters. Anything that could be markup, a link, an email
address, a handle, a phone number or a slogan (`<`, `@`, `/`, `:`, digits, `example.com`, a long
sentence) is left out of the list, and the signature still counts.
"""

import unicodedata

MAX_LENGTH = 24
MAX_WORDS = 3
# Punctuation real names use: O'Brien, O’Brien, Jean-Luc, "J." for an initial.
NAME_PUNCTUATION = frozenset(" -'’.")


def _is_letter_or_mark(character: str) -> bool:
    # L*: letters in any script; M*: combining accents (a decomposed "é").
    return unicodedata.category(character)[0] in "LM"


def public_first_name(typed: str) -> str:
    """The name as the list shows it (spaces collapsed), or "" when it must not be shown."""
    name = " ".join(typed.split())
    if not name or len(name) > MAX_LENGTH or len(name.split(" ")) > MAX_WORDS:
        return ""
    if not all(_is_letter_or_mark(c) or c in NAME_PUNCTUATION for c in name):
        return ""
    if not _is_letter_or_mark(name[0]):
        return ""  # "-", "'", "." alone or leading: not a name
    # A period is an initial's ("J." or "J. R."), never inside a word, as in a domain name.
    if any(c == "." and i + 1 < len(name) and name[i + 1] != " " for i, c in enumerate(name)):
        return ""
    return name
