"""Partners a page names outside headings and lists: a paragraph that opens on its partner.

A page may tell each of its partners in a paragraph of its own, with no heading above it:
"Avec Wolfach, en Allemagne, notre amitié est née en 1972 …", then "Avec Pontremoli
(Italie), le jumelage …". Such a paragraph opens with the words of a tie
(``headings.toml``'s ``lead_ins`` and ``paragraph_lead_ins``), a place's name and, right
after it, its country (in brackets, or in an apposition between commas: "en Allemagne",
"ville italienne", "en Toscane"). The parse stage reads a page of two such paragraphs or
more, and no partner heading, as one section a paragraph (:func:`opens_on_partner` gives
the heading each stands for); a single one is the narrative reader's (its story's partner).
"""

from __future__ import annotations

import re
from functools import cache

from .french import CAPITAL, lexicon
from .places import (HOME_COUNTRY, LEAD_IN_OPENER, countries, country_code, country_in_text, place_name,
                     split_heading)

_HEADINGS = lexicon("headings")
_APOSTROPHES = "['’]"
# A place's name: a capital first, then up to 60 characters with no comma, bracket or stop.
_PLACE = rf"(?P<place>{CAPITAL}[^,;:.()\n]{{0,60}}?)"
# Its country, right after it: in brackets, or an apposition between commas (or before a stop).
_COUNTRY = r"\s*(?:\((?P<bracket>[^()]{1,60})\)|,\s*(?P<apposition>[^,;:.()]{1,60})(?=[,;:.]))"


def _phrases(phrases: list[str]) -> str:
    return "|".join(r"\s+".join(re.escape(w).replace("'", _APOSTROPHES) for w in p.split())
                    for p in sorted(phrases, key=len, reverse=True))


@cache
def _clause(required: bool = False) -> str:
    """A deliberation's clause opening before the lead-in ("Considérant qu'", "Considérant
    enfin que", "Attendu que", or any short aside between commas: "Considérant, d'autre
    part, que"), maybe none unless ``required``."""
    conjunctions = "|".join(re.escape(w).replace("'", _APOSTROPHES) + (r"\s*" if w[-1] in "'’" else r"\s+")
                            for w in _HEADINGS["clause_conjunctions"])
    aside = rf"\s*,\s*[^\W\d][^,;:.()\n]{{0,{CLAUSE_ASIDE}}},\s*"
    return (rf"(?:(?:{_phrases(_HEADINGS['clause_openers'])})"
            rf"(?:{aside}|\s*,?\s*(?:(?:{_phrases(_HEADINGS['clause_adverbs'])})\s*,?\s*)?)(?:{conjunctions}))"
            + ("" if required else "?"))


CLAUSE_ASIDE = 30  # characters of an aside between a clause's word and its "que"


@cache
def _opening() -> re.Pattern[str]:
    leads = [*_HEADINGS["lead_ins"], *_HEADINGS["paragraph_lead_ins"]]
    return re.compile(rf"\s*{_clause()}{LEAD_IN_OPENER}(?:{_phrases(leads)})\s+{_PLACE}{_COUNTRY}",
                      re.IGNORECASE)


@cache
def _place_first() -> re.Pattern[str]:
    leads = [*_HEADINGS["lead_ins"], *_HEADINGS["paragraph_lead_ins"], *_HEADINGS["preposition_lead_ins"]]
    # an adverb may stand between the place and its comma ("À Cuba aussi, …"): not the place's
    return re.compile(rf"\s*{_clause()}{LEAD_IN_OPENER}(?:{_phrases(leads)})\s+{_PLACE}"
                      rf"(?:\s+(?:{_phrases(_HEADINGS['clause_adverbs'])}))?\s*,", re.IGNORECASE)


@cache
def _subject_placed() -> re.Pattern[str]:
    return re.compile(rf"\s*{_clause(required=True)}(?P<subject>[^,;:.()\n]{{1,120}}?)\s+"
                      rf"(?-i:(?={CAPITAL})){_PLACE}"
                      r"\s*\((?P<bracket>[^()]{1,60})\)\s*,", re.IGNORECASE)


def opening_place(text: str) -> str | None:
    """The place a paragraph opens on with no country beside it, behind a comma, after the
    words of a tie or a preposition ("Avec Kita, après trois puits …", "Considérant qu'à
    Olite, le chantier …"): the parse stage asks the rest of the page for its country
    (:func:`country_told`); a place with a capital only, never the town's own.

    >>> opening_place("Considérant qu'avec Kita, après trois puits, le projet a cessé.")
    'Kita'
    >>> opening_place("Attendu enfin qu'à Mopti, le projet continue."), opening_place("Avec plaisir, merci.")
    ('Mopti', None)
    >>> opening_place("À Kita également, le puits est creusé."), opening_place("Au Mali aussi, on creuse.")
    ('Kita', None)
    """
    found = _place_first().match(text)
    if found is None:
        return None
    place = found["place"].strip()
    if not place[:1].isupper() or country_code(place) or not place_name(place) or _own_town(place):
        return None
    return place


def subject_placed(text: str) -> str | None:
    """The heading a paragraph stands for when its first words, up to a comma, end on a
    place and its country in brackets: the subject of its sentence ("Les chantiers de
    jeunes de Hallstatt (Autriche), ouverts en 2011, …", a deliberation's "Considérant que
    l'accueil … de Tindouf (Algérie), …").

    >>> subject_placed("Considérant que l'accueil des enfants de Tindouf (Algérie), né en 2008, a repris.")
    'Tindouf (Algérie)'
    >>> subject_placed("Le voyage de mai (2019), prévu en mai, a eu lieu.") is None
    True
    """
    found = _subject_placed().match(text)
    if found is None:
        return None
    place = found["place"].strip()
    code = countries(found["bracket"])[1]
    if code is None or not place[:1].isupper() or country_code(place) or not place_name(place) \
            or _own_town(place):
        return None
    return f"{place} ({found['bracket'].strip()})"


_BRACKET = re.compile(r"\(([^()]{1,60})\)")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def country_told(place: str, texts: list[str]) -> tuple[str, str] | None:
    """The country the page gives ``place`` where it names it (a country in brackets in
    the same sentence, "… avec la commune de Kita, cercle de Kita (Mali)", else one after
    a preposition or as an adjective, "située au Mali"): the
    first sentence of ``texts`` that names the place and gives one.

    >>> country_told("San Isidro", ["Rien ici.", "Vu l'accord avec San Isidro, province de Matanzas (Cuba),"])
    ('Cuba', 'CU')
    >>> country_told("Jifna et Jalazone", ["Un accord avec la commune de Jifna (Palestine)."])
    ('Palestine', 'PS')
    """
    from .text import slug

    keys = [f"-{slug(place)}-"] + [f"-{slug(w)}-" for w in re.findall(r"\w[\w-]*", place)
                                   if w[:1].isupper() and len(w) > MIN_NAME_WORD]
    for key in keys:
        for text in texts:
            for sentence in _SENTENCE_END.split(text):
                if key in f"-{slug(sentence)}-" and (found := _country_of_sentence(sentence)):
                    return found
    return None


MIN_NAME_WORD = 3  # letters of a word of a place's name the page may name it by alone


def _country_of_sentence(sentence: str) -> tuple[str, str] | None:
    """The first foreign country a sentence gives: in brackets, else after a preposition or
    as an adjective (the town's own country, "se tiendra en France", is the town's)."""
    for bracket in _BRACKET.findall(sentence):
        if (code := countries(bracket)[1]) and code != HOME_COUNTRY:
            return bracket.strip(), code
    rest = sentence
    while found := country_in_text(rest):
        if found[1] != HOME_COUNTRY:
            return found
        at = rest.find(found[0])
        if at < 0:
            return None
        rest = rest[at + len(found[0]):]
    return None


def opens_on_partner(text: str) -> str | None:
    """The heading a paragraph stands for when it opens on a partner and its country ("Place
    (Country)"), ``None`` when it opens otherwise; the page's own town or a country's name
    is no partner (the parse stage asks, too, that the heading reads as a place's).

    >>> opens_on_partner("Avec Wolfach, en Allemagne, notre amitié est née en 1972.")
    'Wolfach (Allemagne)'
    >>> opens_on_partner("Notre jumelage avec Tomar (Portugal) date de 1994.")
    'Tomar (Portugal)'
    >>> opens_on_partner("Avec Pontremoli, ville italienne, les échanges sont nombreux.")
    'Pontremoli (Italie)'
    >>> opens_on_partner("Avec plaisir, nous avons reçu nos amis.") is None
    True
    >>> opens_on_partner("Avec l'Allemagne, en Europe, les liens sont anciens.") is None
    True
    >>> opens_on_partner("Avec Jean Dupont, président du comité, nous avons voyagé.") is None
    True
    """
    opening = partner_opening(text)
    return opening[0] if opening else None


def partner_opening(text: str) -> tuple[str, str] | None:
    """:func:`opens_on_partner`'s heading and the text that follows the partner's country.

    >>> partner_opening("Avec Olite (Espagne), les liens sont anciens.")
    ('Olite (Espagne)', ', les liens sont anciens.')
    """
    found = _opening().match(text)
    if found is None:
        return None
    place = found["place"].strip()
    if found["bracket"]:
        name, code = countries(found["bracket"])
        written = found["bracket"].strip()
    else:
        name, code = country_in_text(found["apposition"]) or (None, None)
        written = name or ""
    if code is None or not written or country_code(place) or not place_name(place):
        return None
    heading = f"{place} ({written})"
    if _own_town(place):
        return None
    return heading, text[found.end():]


def goes_on(text: str) -> bool:
    """The line opens on a partner and its country and goes on as a sentence ("Avec Olite
    (Espagne), les liens …", "Notre jumelage avec Tomar (Portugal) date de 1994."): a
    paragraph, however much it reads as a heading with its country; "Jumelage avec Gao
    (Mali)" or "Coopération avec Gao (Mali) : 2003-2014" are headings.

    >>> goes_on("Avec Olite (Espagne), les liens sont anciens."), goes_on("Jumelage avec Gao (Mali)")
    (True, False)
    >>> goes_on("Coopération avec Gao (Mali) : 2003-2014")
    False
    """
    opening = partner_opening(text)
    rest = opening[1].lstrip(" ,") if opening else ""
    return rest[:1].islower()


def _own_town(place: str) -> bool:
    from .config import config
    from .text import slug

    return slug(place_name(split_heading(place)[0]) or place) in {slug(n) for n in config().town.names}
