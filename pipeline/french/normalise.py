"""The one normaliser: how every reader of the pipeline sees a French text.

A page comes as its editors' tools write it: accents composed or not (a page pasted from a
Mac writes "é" as "e" and a combining accent), any of five apostrophes, soft hyphens and
zero-width characters inside words, capitals or not, accents dropped ("lyceens"), the
inclusive middle dot typed as any dot. Each reader (the read stage, the date grammar, the
head counts and amounts, the headings) sees it through the functions here, so that a
form one reader knows is the same form for all, and "12 lyceens" is "12 lycéens".

Two kinds of view, both keeping offsets into the text as written, so that every fact
still points at its characters:

- :func:`nfc` and :func:`without_invisible` give the text as it looks (composed, without
  what a reader cannot see), with a map of offsets when characters go;
- :func:`fold` gives the text as a word matcher reads it: lower case, no accents, the
  inclusive dot one character, one character for one (no map needed); :func:`plain` is
  the same for a single word looked up in a table (NFKD: ligatures apart).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Every apostrophe editors type, as a character class of a regular expression.
APOSTROPHE = "['’ʼ‘`´]"
# Characters a CMS or a copy-paste leaves inside words, invisible on the page: zero-width
# space, word joiner, soft hyphen, a byte order mark inside the text. Removed on reading
# (the run reports where); the joiners, which some scripts and emoji need, are kept in the
# text but read past by the grammars.
REMOVED = "\u200b\u2060\u00ad\ufeff"
JOINERS = "\u200c\u200d"
INVISIBLE = REMOVED + JOINERS
_ANY_INVISIBLE = re.compile(f"[{INVISIBLE}]")
# The only letters whose lower case a case-insensitive pattern of lowercase Latin letters
# does not read alike: "İ" lowercases to two characters, and re.IGNORECASE takes "ı" for
# "i" and "ſ" for "s" (tests/test_text.py checks every code point).
CASE_TRAPS = ("İ", "ı", "ſ")
# What editors type for the inclusive middle dot "·".
MIDDLE_DOTS = "‧•∙⋅"


def nfc(text: str) -> str:
    """``text`` with its accents composed, as the grammar's patterns write them.

    >>> nfc("e\u0301le\u0300ve") == "élève"
    True
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def plain(word: str) -> str:
    """A word without accents, in lower case: how a table of words is looked up.

    >>> plain("Été"), plain("FÉVRIER")
    ('ete', 'fevrier')
    """
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def without_invisible(text: str) -> tuple[str, list[int] | None]:
    """``text`` in NFC without invisible characters, and where each of its characters
    comes from in ``text`` (one more at the end; ``None`` when nothing changed).

    >>> without_invisible("Fe\u0301vrier\u200b 2019")[0]
    'Février 2019'
    """
    if unicodedata.is_normalized("NFC", text) and _ANY_INVISIBLE.search(text) is None:
        return text, None  # the usual case: one scan in C (every label, every block)
    out: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        if text[i] not in INVISIBLE:
            composed = unicodedata.normalize("NFC", text[i:j])
            out.append(composed)
            where += [i] * len(composed)
        i = j
    return "".join(out), [*where, len(text)]


def _plain_letter(c: str) -> str:
    parts = unicodedata.normalize("NFD", c)
    return parts[0] if len(parts) > 1 and all(map(unicodedata.combining, parts[1:])) else c


_DOTTED, _DOTLESS, _LONG_S = CASE_TRAPS
# The translation table of :func:`deaccented`: the Latin letters of Unicode's first blocks
# (Latin-1, Latin Extended-A and B, Latin Extended Additional), the middle dots, and the
# case traps read as re reads them.
_DEACCENT: dict[int, str] = {
    code: bare for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    if (bare := _plain_letter(chr(code))) != chr(code)} | dict.fromkeys(map(ord, MIDDLE_DOTS), "·") | {
    ord(_DOTLESS): "i", ord(_LONG_S): "s"}


# Latin letters that Unicode does not decompose into a letter and an accent (a stroke, a
# ligature): their ASCII spelling, for identifiers ("Łuków" is "lukow", not "ukow").
_ASCII_SPELLING = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ħ": "h",
    "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
    "Œ": "OE", "þ": "th", "Þ": "TH"})


def ascii_spelling(text: str) -> str:
    """``text`` in ASCII letters where a letter has no accent to take off: a stroke or a
    ligature spelt out (the accents are taken off by the caller's decomposition).

    >>> ascii_spelling("Łuków, Kołbaskowo, Ørsted, Œuvre")
    'Luków, Kolbaskowo, Orsted, OEuvre'
    """
    return text if text.isascii() else text.translate(_ASCII_SPELLING)


def deaccented(text: str) -> str:
    """``text`` without its accents, one character for one (so offsets stay).

    >>> deaccented("élève·s, Œuvre")
    'eleve·s, Œuvre'
    """
    return text if text.isascii() else _ACCENTED.sub(_bare, text)


def fold(text: str) -> str:
    """The form words are matched in: composed, lower case, without accents, the inclusive
    dot one character, the apostrophes one ("d’Ascq" and "d'Ascq" are one name), one
    character for one of :func:`nfc` ``(text)``.

    >>> fold("12 Lycéen‧nes"), fold("une QUİNZAİNE de ſtagiaires"), fold("Villeneuve-d’Ascq")
    ('12 lyceen·nes', 'une quinzaine de stagiaires', "villeneuve-d'ascq")
    """
    composed = nfc(text)
    low = composed.replace(_DOTTED, "i").lower()  # "İ" is the one letter whose lower case is longer
    return low if low.isascii() else _FOLDED.sub(_folded, low)


# the apostrophes a page may type, as the typewriter's one
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})


def _replaced(table: dict[int, str]) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]]:
    """``str.translate(table)`` for a table of characters each replaced by one, as a
    pattern of its characters and what each match becomes (``pattern.sub(replace, text)``):
    the same text, three to four times faster on a French text, where a few characters in
    a hundred are in the table (``translate`` looks each of the others up and misses,
    and a text is folded at every stage of a run)."""
    chars = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(table)) + "]")
    return chars, lambda found: table[ord(found.group())]


_ACCENTED, _bare = _replaced(_DEACCENT)
# fold's two tables in one pass: no character of one is in the other, nor becomes one
_FOLDED, _folded = _replaced(_DEACCENT | _APOSTROPHES)
