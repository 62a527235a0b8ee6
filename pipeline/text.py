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

    @cached_property
    def needs(self) -> tuple[str, ...]:
        """The words one of which every match holds (:func:`required`), none that holds
        another ("annul" stands for "annulation"); empty when the pattern has none to give.
        The long alternations of the lexicon have no fixed first word, so ``re`` tries them
        at every character, where looking for a few fixed strings is quick."""
        words = required(self.lowered) or frozenset()
        return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))

    def absent(self, text: str, lowered: bool) -> bool:
        r"""True when ``text`` (as :func:`folded` gave it) cannot match: it is lowercased
        and holds none of the words every match holds. A quick look before the scan, which
        would find nothing (it is not run); a text not lowercased is always scanned.

        >>> stopped = Caseless.compile(r"\b(?:annul\w*|annulations?|reports?)\b")
        >>> stopped.needs
        ('annul', 'report')
        >>> stopped.absent("accueil de jeunes", True), stopped.absent("visite reportée", True)
        (True, False)
        """
        if not lowered or not self.needs:
            return False
        for word in self.needs:  # noqa: SIM110  # a loop: all() of a generator costs more
            if word in text:
                return False
        return True


_sre = re._constants  # type: ignore[attr-defined]  # the parser's opcodes
_sre_parser = re._parser  # type: ignore[attr-defined]  # re's own parser: what a pattern must match


def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    r"""Fixed strings one of which every match of ``pattern`` holds, read from its parsed
    form; ``None`` when it has none to give (a match may be made of classes of characters
    alone, or the pattern ignores case). Only what a match must hold counts: a run of
    literal characters, a group, a repeat that matches at least once, an alternation whose
    every branch gives strings (their union); what is optional or asserted around it does
    not. Of the sequence's candidates, the set whose shortest string is longest is kept
    (the fewest false hits).

    >>> sorted(required(re.compile(r"\bannul(?:ée?s?|ations?)\b|report(?:é|s)?")))
    ['annul', 'report']
    >>> required(re.compile(r"\d+ ans?|x?")) is None
    True
    """
    if pattern.flags & re.IGNORECASE:
        return None
    return _required(_sre_parser.parse(pattern.pattern, pattern.flags).data)


def _required(items: list) -> frozenset[str] | None:
    """:func:`required` of a parsed sequence (sre's opcodes and their arguments)."""
    best: frozenset[str] | None = None
    run = ""

    def better(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        better(frozenset([run]) if run else None)
        run = ""
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without flags of its own
            better(_required(av[3].data))
        elif op is _sre.ATOMIC_GROUP:
            better(_required(av.data))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            better(_required(av[2].data))
        elif op is _sre.BRANCH:
            branches = [_required(branch.data) for branch in av[1]]
            if all(branches):
                better(frozenset().union(*branches))  # type: ignore[arg-type]  # none is None
    better(frozenset([run]) if run else None)
    return best
