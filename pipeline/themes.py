"""Themes of an action, from a keyword gazetteer over its sentences.

The vocabulary (codes and French labels) lives in ``schemas/action_themes.schema.json``
as the ``categories`` of the ``theme`` field; this module holds only the keywords, one
entry per code: themes come out in the schema's order, and a keyword entry for a code the
schema lacks stops the run (tests/test_vocabularies.py checks both sides).
"""

from __future__ import annotations

from functools import cache

from .schemas import categories, vocabulary
from .text import APOSTROPHES, Caseless, folded, sentences

_YOUTH = r"\b(?:jeunes|enfants?|lycéen|adolescent|élèves|collégien)"
_MOBILITY = r"\b(?:accueil|séjour|échange|voyage|rencontre|hébergé)"

# code -> rules; a theme applies when any rule matches: a pattern anywhere in the entry, or
# a tuple of patterns that must all match within one sentence.
KEYWORDS: dict[str, list[str | tuple[str, ...]]] = {
    "youth_exchange": [(_YOUTH, _MOBILITY)],
    "culture": [r"\bcultur", r"\bartisti", r"\bmusi(?:que|cien)", r"\bconcert", r"\bcuivres",
                r"\bthéâtr", r"\bspectacle", r"\bfestival", r"\boeuvres", r"\blivres",
                r"\bbibliothèque", r"\bmédiathèque", r"\bbreak dance", r"\bhip-hop"],
    "sport": [r"\bsporti", r"\bsports?\b", r"\bfootball", r"\btournoi", r"\bgymnique"],
    "education": [r"\bscolari", r"\bécole", r"\bécolier", r"\bélèves", r"\bcours de",
                  r"\bpédagogi", r"\bapprentissage", r"\bclasse\b", r"\béducati",
                  r"\benseignement", r"\bcollégien", r"\blecture",
                  rf"\bjardins? d{APOSTROPHES}enfants?"],
    "health": [r"\bsanté", r"\bsoins\b", r"\binfirmi", r"\bmédic", r"\bdentiste",
               r"\bophtalmo", r"\bmédecin", r"\bhygiène", r"\bhôpita"],
    "water_sanitation": [r"\beau\b", r"\bforages?\b", r"\bpompes?\b", r"\bpompage",
                         r"\badduction", r"\bassainissement"],
    "agriculture": [r"\bmaraîch", r"\bagricol", r"\bagricult", r"\bélevage"],
    "humanitarian_aid": [r"\bhumanitaire", r"\bouragan", r"\bsinistr"],
    "urban_development": [r"\burbain", r"\brénovation", r"\bhabitat\b", r"\bvoirie",
                          r"\bquartier", r"\bélectri", r"\binfrastructure", r"\bcartographie",
                          r"\bpanneau solaire"],
    "employment_training": [r"\binsertion professionnelle", r"\bemploi", r"\bstages?\b",
                            r"\bformations?\b"],
    "human_rights": [r"\bprisonniers?\b", r"\bdroits?\b", rf"\bcitoyen d{APOSTROPHES}honneur",
                     r"\bgrève de la faim", r"\blibération", r"\bautodétermination",
                     r"\bcitoyenneté", r"\bémancipation", r"\bvoeu\b"],
    "institutional_relations": [r"\bdélégation", r"\banniversaire", r"\bjumelage",
                                r"\bmission technique", r"\bconseil municipal",
                                r"\binter-services", r"\bagents (?:municipaux|communaux)",
                                r"\bcélébration", r"\bélu"],
}
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
        if single is not None and single.on(lowered).search(text):
            found.append(code)
            continue
        if together:
            parts = parts if parts is not None else sentences(text)
            if any(all(p.on(lowered).search(s) for p in group) for group in together for s in parts):
                found.append(code)
    return found
