"""Small text helpers shared by the grammar modules."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from .french.normalise import APOSTROPHE, CASE_TRAPS, ascii_spelling, nfc

__all__ = ["APOSTROPHES", "CASE_TRAPS", "Caseless", "folded", "lowercase", "nfc", "pattern_key",
           "sentences", "slug"]

_SENTENCE_END = re.compile(r"(?<=[.!?…])(?<!(?<![\w.])[^\W\d_a-z]\.)\s+")
# Apostrophes, the case traps and NFC are the normaliser's (pipeline/french/normalise.py).
APOSTROPHES = APOSTROPHE


def slug(text: str) -> str:
    """An ASCII identifier for a name or a label.

    >>> slug("Brandebourg-sur-la-Havel"), slug("2006 – 2008"), slug(""), slug("Łuków")
    ('brandebourg-sur-la-havel', '2006-2008', '', 'lukow')
    """
    ascii_text = unicodedata.normalize("NFKD", ascii_spelling(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def sentences(text: str) -> list[str]:
    """Split on sentence ends followed by white space, not after a capital alone: an
    initial or an abbreviation ("M. Rouy, Maire de …, M. Bebber").

    >>> sentences("En 1990, des associations. Un accord a été signé en 1997.")
    ['En 1990, des associations.', 'Un accord a été signé en 1997.']
    >>> sentences("Le 6 juin 1965, M. Rouy et É. Bebber ont signé. Puis.")
    ['Le 6 juin 1965, M. Rouy et É. Bebber ont signé.', 'Puis.']
    """
    return _SENTENCE_END.split(text)


def lowercase(text: str) -> str | None:
    """``text`` in lowercase, where a pattern written in lowercase finds what it finds in
    ``text`` with re.IGNORECASE, at the same offsets; ``None`` for a text with a letter
    that lowercasing reads otherwise.

    >>> lowercase("Un Concert à l’École"), lowercase("Bakı")
    ('un concert à l’école', None)
    """
    dotted, dotless, long_s = CASE_TRAPS  # three substring tests: faster than one pattern
    return None if dotted in text or dotless in text or long_s in text else text.lower()


def pattern_key(word: str) -> str:
    """A word that a lowercase pattern found with IGNORECASE, as the pattern writes it: the
    key of the table the pattern was built from ("QUINZAINE", "quınzaine": "quinzaine").

    >>> pattern_key("Tous leſ ans"), pattern_key("QUINZAINE"), pattern_key("QUİNZAİNE")
    ('tous les ans', 'quinzaine', 'quinzaine')
    """
    return word.lower().replace("i\u0307", "i").replace("ı", "i").replace("ſ", "s")


def folded(text: str) -> tuple[str, bool]:
    """The text :class:`Caseless` patterns read, and whether it is lowercased."""
    low = lowercase(text)
    return (low, True) if low is not None else (text, False)


_ESCAPES = re.compile(r"\\.|\(\?P[<=]")  # "\W", "\S", "(?P<name>": not letters to match


@dataclass(frozen=True)
class Caseless:
    r"""A pattern written in lowercase, matched regardless of case: as it is in a lowercased
    text (:func:`folded`), else with IGNORECASE. The first is the fast one: re scans for a
    pattern's literal words only when it is case-sensitive.

    >>> concert = Caseless.compile(r"\bconcerts?\b")
    >>> [bool(concert.on(lowered).search(text))
    ...  for text, lowered in map(folded, ("Un CONCERT", "CONCERTS à Bakı"))]
    [True, True]
    """

    lowered: re.Pattern[str]

    @classmethod
    def compile(cls, pattern: str, flags: int = 0) -> Caseless:
        letters = _ESCAPES.sub("", pattern)
        if letters != letters.lower():
            raise ValueError(f"a Caseless pattern is written in lowercase: {pattern!r}")
        return cls(re.compile(pattern, flags))

    @cached_property
    def any_case(self) -> re.Pattern[str]:
        """The same pattern with IGNORECASE, compiled the first time a text needs it: few
        pages have one, and compiling costs a run of the real page more than matching."""
        return re.compile(self.lowered.pattern, self.lowered.flags | re.IGNORECASE)

    def on(self, lowered: bool) -> re.Pattern[str]:
        """The pattern to match in a text that :func:`folded` gave, lowercased or not."""
        return self.lowered if lowered else self.any_case
