"""Finding English on a Spanish page (issue 24): what a visitor reads or a screen reader says,
less what is marked lang="en" on purpose, cut into phrases, each weighed by its function words.

A phrase is English when it holds more of the short words English cannot do without (the, and,
with, of, to...) than of Spanish ones (el, la, y, con, de...), and at least two of them, or one
with no Spanish word at all ("with Rep. Ayanna Pressley"). Words both languages spell alike (a,
no, me, he, has, son, once, sin) are in neither list, and words in capitals are abbreviations
(IN, OR). Names rarely hold function words; a case caption ("Jessop v. City of Fresno") is a name
and does not count. Official titles that do ("An Act Concerning Police Accountability") are
English on purpose, and their template marks them lang="en".

English without a function word ("15 original cosponsors") escapes that; where the English page
shows the same phrase, with two lower-case words in it (names are capitalised), word for word,
shared_phrases finds it.
"""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

# Short words each language cannot do without, and the other never writes.
ENGLISH_WORDS = """
    the and with of to for is was were are be been being by from this that these those your you
    our we us who whom whose which what when where why how will would should could must cannot
    their they them its his her she him it an at in into on onto or not but if about
    after before than then there here because while until over under between without through
    against during also only just very any some each every other such out up off again still yet
    do does did have had
"""
SPANISH_WORDS = """
    el la los las un una unos unas lo al del de y en con por para que qué es está están estar ser
    fue fueron era eran ha han hay había se su sus le les nos mi mis tu tus este esta estos estas
    ese esa esos esas como cómo pero sobre entre hasta desde hacia según durante contra ante tras
    cuando donde dónde quien quién quienes cual cuál cuales muy más también ya ni sí si porque
    nuestro nuestra nuestros nuestras usted ustedes cada otro otra otros otras todo toda todos
    todas aún solo
"""
ENGLISH, SPANISH = frozenset(ENGLISH_WORDS.split()), frozenset(SPANISH_WORDS.split())
WORD = re.compile(r"[^\W\d_]+")

# Elements whose text nobody reads as prose.
UNREAD = frozenset({"script", "style", "template", "head"})
# Elements that sit inside a sentence; every other element ends the phrase before it.
INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark"}
    | {"q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"}
)
# Attributes a screen reader reads out (or a mouse shows) in the page's language.
READ_ATTRIBUTES = ("alt", "aria-label", "aria-description", "title", "placeholder")

# A party to a case: capitalised words, with "of", "the"... between them.
_PARTY = r"[A-Z][\w'’.&-]*(?:\s+(?:(?:of|the|and|for|de|la|del)\s+)*[A-Z][\w'’.&-]*)*"
CAPTION = re.compile(rf"{_PARTY}\s+v(?:s)?\.\s+{_PARTY}")
# A full stop after a lower-case word, a word of four letters or more, a number or a closing
# bracket ends a sentence; after "Rep.", "Sen.", "Jr.", "v.", "J." or "U.S." it does not.
SENTENCE_END = re.compile(
    r"(?:(?<=\b[a-záéíóúñü]{2})|(?<=[a-záéíóúñü]{3})|(?<=[^\W\d_]{4})|(?<=[\d)\]”»\"]))"
    r"[.!?…]\s+"
)
# Asides and lists within a sentence: (…), " · ", ";", dashes.
CLAUSE = re.compile(r"[()·;—–]|\s-\s")


@dataclass(frozen=True)
class English:
    phrase: str
    context: str  # the text around it, as read

    def __str__(self) -> str:
        if self.phrase == self.context:
            return f"“{self.phrase}”"
        return f"“{self.phrase}” in “{self.context[:160]}”"


def is_english(text: str) -> bool:
    # Words in capitals are abbreviations: IN and OR are Indiana and Oregon.
    words = [w.lower() for w in WORD.findall(CAPTION.sub(" ", text)) if not w.isupper()]
    english = sum(word in ENGLISH for word in words)
    spanish = sum(word in SPANISH for word in words)
    return english > spanish and (english >= 2 or spanish == 0)


def read_text(html: str, language: str = "es") -> list[str]:
    """The page's title and body as read, run by run, without anything marked as another
    language (lang="en" and all it holds, attributes included)."""
    soup = BeautifulSoup(html, "html.parser")
    runs: list[str] = []
    if soup.title is not None:
        runs.append(soup.title.get_text(" "))
    current: list[str] = []

    def end_run() -> None:
        text = " ".join("".join(current).split())
        if text:
            runs.append(text)
        current.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                current.append(str(child))
                continue
            if not isinstance(child, Tag) or child.name in UNREAD:
                continue
            marked = child.get("lang")
            if marked is not None and marked.split("-")[0].lower() != language:
                current.append(" ")
                continue
            runs.extend(
                " ".join(str(child[name]).split()) for name in READ_ATTRIBUTES if child.get(name)
            )
            if child.name == "input" and child.get("type") in {"submit", "button"}:
                runs.append(child.get("value", ""))
            if child.name in INLINE:
                walk(child)
            else:
                end_run()
                walk(child)
                end_run()

    walk(soup.body or soup)
    end_run()
    return [run for run in runs if run.strip()]


def phrases(run: str) -> list[str]:
    """The run, its sentences, and the asides and list items within them."""
    pieces = [run]
    for sentence in SENTENCE_END.split(run):
        pieces.append(sentence)
        pieces.extend(CLAUSE.split(sentence))
    return list(dict.fromkeys(piece.strip() for piece in pieces if piece.strip()))


def english_phrases(html: str, language: str = "es") -> list[English]:
    """Each run of the page that reads as English, by its smallest English phrase."""
    found = []
    for run in read_text(html, language):
        english = [piece for piece in phrases(run) if is_english(piece)]
        if english:
            found.append(English(min(english, key=len), run))
    return found


# Lower-case words of three letters or more, not part of an address (house.gov, a@b.org, /es/).
LOWER_CASE_WORD = re.compile(r"(?<![\w@./-])[a-záéíóúñü]{3,}(?![\w@./-])")


def _worded(html: str, language: str) -> set[str]:
    return {
        piece
        for run in read_text(html, language)
        for piece in phrases(run)
        if len(LOWER_CASE_WORD.findall(CAPTION.sub(" ", piece))) >= 2
    }


def shared_phrases(html: str, source_html: str, language: str = "es") -> list[English]:
    """Phrases of two lower-case words or more that the page shows word for word as its source
    (English) page does: words, not names, left in the source language."""
    shared = _worded(html, language) & _worded(source_html, language)
    return [English(phrase, phrase) for phrase in sorted(shared)]
