"""Patterns written in lowercase and matched in a lowercased text find what they find with
re.IGNORECASE: the grammar's speed rests on it, and its results must not move."""

import random
import re
import sys

import pytest

from pipeline import extract, numbers, themes
from pipeline.extract import recurrence
from pipeline.numbers import duration_days, participants
from pipeline.text import CASE_TRAPS, Caseless, lowercase, pattern_key


def _caseless_patterns() -> dict[str, Caseless]:
    found = {}
    for module in (extract, numbers):
        found |= {f"{module.__name__}.{name}": value for name, value in vars(module).items()
                  if isinstance(value, Caseless)}
        found |= {f"{module.__name__}.{name}.{i}": one for name, value in vars(module).items()
                  if isinstance(value, list) and value and all(isinstance(v, Caseless) for v in value)
                  for i, one in enumerate(value)}
    for code, (single, together) in themes._compiled().items():
        found |= {f"themes.{code}": single} if single else {}
        found |= {f"themes.{code}.{i}": p for i, group in enumerate(together) for p in group}
    return found


PATTERNS = _caseless_patterns()


def test_the_grammar_s_caseless_patterns_are_found():
    # head counts are read in numbers.fold's text (lower case, no accents), not by Caseless
    assert {"pipeline.numbers._AGES.0", "pipeline.numbers._AGES.1", "pipeline.numbers._EUROS", "pipeline.numbers._DURATION",
            "pipeline.extract._STATUS", "pipeline.extract._RECURRENCE", "themes.culture",
            "themes.youth_exchange.0"} <= set(PATTERNS)


def test_lowercasing_reads_every_letter_of_the_patterns_as_ignorecase_does_but_the_traps():
    """For every letter the patterns are written with and every code point: the lowercased
    code point is that letter exactly when re.IGNORECASE takes the code point for it, but
    for the three traps."""
    written = [re.sub(r"\\.|\(\?P[<=]", "", p.lowered.pattern) for p in PATTERNS.values()]
    letters = sorted({c for pattern in written for c in pattern if c.isalpha()})
    assert {"a", "é", "è", "à", "û"} <= set(letters)  # ("ç" went with the head counts' words)
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    # the code points that lower to a letter: the letter itself when it is its own lower
    # case, and those of the few thousand whose lower case differs (one pass, no set for
    # each of the million code points)
    changed = {c: low for c in every if (low := c.lower()) != c}
    traps = set()
    for letter in letters:
        ignorecase = set(re.findall(re.escape(letter), every, re.IGNORECASE))
        lowered = {c for c, low in changed.items() if low == letter} | ({letter} - changed.keys())
        traps |= ignorecase ^ lowered
    assert traps == set(CASE_TRAPS)
    assert [c for c in every if len(c.lower()) != 1] == ["İ"]  # offsets move only for it


def _texts(page) -> list[str]:
    texts = [e.text for s in page.sections for e in s.entries]
    texts += [b.text for s in page.sections for b in s.description]
    rng = random.Random(15)
    flipped = ["".join(c.swapcase() if rng.random() < 0.3 and len(c.swapcase()) == 1 else c
                       for c in text) for text in texts]
    return texts + flipped + [text.upper() for text in texts]


def test_lowercase_patterns_match_as_ignorecase_ones_in_the_page(page):
    """Same matches, same places, same groups (up to case) on the page's entries and
    descriptions, as written, with case flipped at random, and in capitals."""
    checked = 0
    for text in _texts(page):
        low = lowercase(text)
        assert low is not None
        for name, pattern in PATTERNS.items():
            fast = [(m.span(), m.lastgroup) for m in pattern.lowered.finditer(low)]
            slow = [(m.span(), m.lastgroup) for m in pattern.any_case.finditer(text)]
            assert fast == slow, (name, text)
            checked += len(fast)
    assert checked > 1000


@pytest.mark.parametrize("text, expected", [
    ("Un Concert", "un concert"), ("ÉCOLE", "école"), ("Bakı", None), ("İzmir", None),
    ("leſ ans", None), ("", ""),
])
def test_lowercase(text, expected):
    assert lowercase(text) == expected


def test_a_caseless_pattern_is_written_in_lowercase():
    Caseless.compile(r"(?P<word>[^\W\d_]+)\s+\bde\b")  # escapes and group names are not letters
    with pytest.raises(ValueError, match="lowercase"):
        Caseless.compile(r"\bConcert")


# A word that IGNORECASE matched with a trap letter used to stop the run (KeyError): it now
# reads as the word the pattern writes.
@pytest.mark.parametrize("read, text, expected", [
    (participants, "une quınzaine de jeunes", numbers.Quantity(15, True)),
    (participants, "une QUİNZAİNE de jeunes", numbers.Quantity(15, True)),
    (duration_days, "un chantier de deux ſemaines", 14),
    (duration_days, "un séjour de TROIS SEMAINES", 21),
    (recurrence, "un tournoi organisé touſ les ans", "annual"),
    (recurrence, "un camp CHAQUE ÉTÉ", "every_summer"),
])
def test_words_with_trap_letters_are_read(read, text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("word, key", [
    ("QUINZAINE", "quinzaine"), ("quınzaine", "quinzaine"), ("QUİNZAİNE", "quinzaine"),
    ("ſemaines", "semaines"), ("Été", "été"),
])
def test_pattern_key(word, key):
    assert pattern_key(word) == key


def test_every_match_holds_one_of_the_words_its_pattern_needs(page):
    """``Caseless.absent`` skips a text that holds none of the words a pattern needs
    (``required``): that is sound only if every match holds one of them, checked on every
    match of every pattern in the page's texts; and a text it skips has no match."""
    matches = skipped = 0
    for text in _texts(page):
        low = lowercase(text)
        assert low is not None
        for name, pattern in PATTERNS.items():
            for m in pattern.lowered.finditer(low):
                assert not pattern.needs or any(word in m.group() for word in pattern.needs), (name, m)
                matches += 1
            if pattern.absent(low, True):
                assert pattern.lowered.search(low) is None, (name, text)
                skipped += 1
            assert not pattern.absent(text, False)  # a text not lowercased is always scanned
    assert matches > 1000 and skipped > 2000
    assert all(PATTERNS[name].needs for name in ("pipeline.extract._STATUS", "pipeline.numbers._DURATION",
                                                  "themes.culture", "pipeline.numbers._AGES.0"))


@pytest.mark.parametrize("pattern, words", [
    (r"\bannul(?:ée?s?|ations?)\b", {"annul"}),  # the longest run every match holds
    (r"report(?:é|s)?|ajourn\w+", {"report", "ajourn"}),  # one of each branch
    (r"(?:deux|trois) semaines?", {" semaine"}),  # the longer of two required parts
    (r"(?:\d+|quelques) jours", {" jours"}),
    (r"(?=concert)\w+", None),  # what is asserted is not matched: nothing required
    (r"x?y*", None),  # a match may be empty
    (r"[a-z]+ ans", {" ans"}),
    (r"(?i:abc)d", {"d"}),  # a group that ignores case gives nothing
])
def test_required(pattern, words):
    from pipeline.text import required
    found = required(re.compile(pattern))
    assert (set(found) if found is not None else None) == words
    assert required(re.compile(pattern, re.IGNORECASE)) is None
