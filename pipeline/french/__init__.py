"""French as data: the word classes the pipeline reads a page with.

Each word class is written once, in a TOML file of ``lexicon/`` with a comment saying what
it is for; the stage modules build their sets, tuples and patterns from it and hold no
French word themselves (``tests/test_french_lexicon.py`` checks it). A file is read once
per process.

>>> "historique" in lexicon("headings")["sub_headings"]
True
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def lexicon(name: str) -> dict[str, Any]:
    """The data of ``lexicon/<name>.toml``, read once per process (callers must not change
    what it returns: build a set, a tuple or a pattern from it)."""
    data = resources.files(__name__).joinpath("lexicon", f"{name}.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def words(name: str, key: str) -> list[str]:
    """The list of words ``key`` of the lexicon ``name``, checked to be one.

    >>> words("connectives", "anaphora")[:3]
    ['ce', 'cet', 'cette']
    """
    found = lexicon(name)[key]
    if not isinstance(found, list) or not all(isinstance(w, str) for w in found):
        raise TypeError(f"lexicon {name!r}: {key!r} is not a list of words")
    return found


def alternation(phrases: list[str] | tuple[str, ...]) -> str:
    r"""A regular expression's alternation of phrases written as words (escaped, their
    spaces any whitespace), longest first so that no phrase hides a longer one.

    >>> alternation(["en cours", "en"])
    '(?:en\\s+cours|en)'
    """
    ordered = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(map(_escape, p.split())) for p in ordered) + ")"


def _escape(word: str) -> str:
    import re

    return re.escape(word)
