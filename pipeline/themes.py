"""Themes of an action, from a keyword gazetteer over its sentences.

The vocabulary (codes and French labels) lives in ``schemas/action_themes.schema.json``
as the ``categories`` of the ``theme`` field; the keywords, one entry per code, live in
``pipeline/french/lexicon/themes.toml``: themes come out in the schema's order, and a
keyword entry for a code the schema lacks stops the run (tests/test_vocabularies.py checks
both sides).
"""

from __future__ import annotations

from functools import cache

from .french import lexicon, pattern
from .schemas import categories, vocabulary
from .text import APOSTROPHES, Caseless, folded, sentences

# The keywords of each theme (pipeline/french/lexicon/themes.toml).
_THEMES = lexicon("themes")
_PARTS = {"youth": _THEMES["youth"], "mobility": _THEMES["mobility"], "apostrophes": APOSTROPHES}
_YOUTH = pattern(_THEMES["youth"])
_MOBILITY = pattern(_THEMES["mobility"])


def _rule(rule: str | list[str]) -> str | tuple[str, ...]:
    return pattern(rule, **_PARTS) if isinstance(rule, str) else tuple(pattern(p, **_PARTS) for p in rule)


# code -> rules; a theme applies when any rule matches: a pattern anywhere in the entry, or
# a tuple of patterns that must all match within one sentence.
KEYWORDS: dict[str, list[str | tuple[str, ...]]] = {
    code: [_rule(rule) for rule in rules] for code, rules in _THEMES["keywords"].items()}
Rules = tuple[Caseless | None, list[list[Caseless]]]


def _compile(rules: list[str | tuple[str, ...]]) -> Rules:
    """One alternation for the single patterns, and the together-in-a-sentence groups;
    written in lowercase, they are matched regardless of case (:class:`Caseless`)."""
    single = [r for r in rules if isinstance(r, str)]
    together = [[Caseless.compile(p) for p in r] for r in rules if isinstance(r, tuple)]
    return (Caseless.compile("|".join(f"(?:{p})" for p in single)) if single else None), together


@cache
def _compiled() -> dict[str, Rules]:
    """The rules of each theme, in the schema's order (the codes are the schema's)."""
    vocabulary("action_themes", "theme", KEYWORDS)
    return {code: _compile(KEYWORDS[code]) for code in categories("action_themes", "theme")
            if code in KEYWORDS}


def themes(text: str) -> list[str]:
    """The themes of an entry, in the vocabulary's order.

    >>> themes("2015-2017 : creusement de 4 forages d’eau et remise en état de 2 puits.")
    ['water_sanitation']
    >>> themes("Accueil dans la ville de huit Jeunes de Tamba chaque année")
    ['youth_exchange']
    """
    text, lowered = folded(text)
    parts: list[str] | None = None
    found = []
    for code, (single, together) in _compiled().items():
        if single is not None and not single.absent(text, lowered) and single.on(lowered).search(text):
            found.append(code)
            continue
        # a group none of whose sentences can match, since the whole text lacks one of its
        # patterns' words, is not looked for sentence by sentence (:meth:`Caseless.absent`)
        groups = [group for group in together if not any(p.absent(text, lowered) for p in group)]
        if groups:
            parts = parts if parts is not None else sentences(text)
            if any(all(p.on(lowered).search(s) for p in group) for group in groups for s in parts):
                found.append(code)
    return found
