"""What a partner is: its name, kind of place, country, agreement, first link, location.

Read from the section heading, the intro's list item and the description with small
rules (a gazetteer of *kinds* of place, never a list of this page's answers); country
codes come from the Unicode CLDR's and ISO 3166's French country names; coordinates come
from a cited reference file, ``raw/reference/places.csv``.
"""

from __future__ import annotations

import csv
import difflib
import gettext
from bisect import bisect_right
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

from .french import CAPITAL, lexicon, pattern
from .french.normalise import fold
from .schemas import categories, vocabulary
from .text import APOSTROPHES, sentences, slug

# a year, glued to the word after it too ("signé le 1er janvier 2001et définit"), never one
# letter's abbreviation or ordinal ("2000e", "1990s")
_YEAR = re.compile(r"(?<!\w)(?:1[89]\d\d|20\d\d)(?!\d)(?![^\W\d_](?![^\W\d_]))")
# The words of places (pipeline/french/lexicon/places.toml): kinds of place, the words
# around a place's name, inclusive spellings, countries' usual names, the kinds of tie.
_PLACES = lexicon("places")
_PATTERNS = _PLACES["patterns"]
_DECADE = re.compile(pattern(_PATTERNS["decade"]), re.IGNORECASE)
# Sentences that speak of the tie between the town and the partner (not of the partner's
# own history).
_LINK_WORDS = re.compile(pattern(_PATTERNS["link_words"]), re.IGNORECASE)
# Kinds of place, as a page introduces them: the words -> the column's vocabulary (``kind``
# in the schema).
PLACE_KINDS: dict[str, str] = {words: kind for kind, phrases in _PLACES["place_kinds"].items()
                               for words in phrases}
PLACE_KIND_CODES = vocabulary("partners", "kind", PLACE_KINDS.values())
# A signed agreement whose type holds this word makes a twinning; any other tie is
# decentralised cooperation. Both are the schema's ``relationship`` codes.
TWINNING_WORD: str = _PLACES["relationships"]["twinning_word"]
_TWINNING_STEM: str = _PLACES["relationships"]["twinning_stem"]
_SEALED_TIE = re.compile(pattern(_PATTERNS["sealed_tie"]), re.IGNORECASE)
_SEALING = re.compile(pattern(_PATTERNS["sealing"]), re.IGNORECASE)
# A sentence that opens on a person's title ("Président du comité de jumelage avec la ville
# de Los Corrales, depuis 2020, Alain Menet …"): its "depuis" dates the person's term.
_TITLE_OPENS = re.compile(r"\W*(?:(?:" + "|".join(
    re.escape(d) for d in lexicon("countries")["written"]["anaphor_determiners"]) + r")\s*)?(?:" + "|".join(
    re.escape(w) for w in sorted(lexicon("evidence")["person_titles"], key=len, reverse=True)) + r")\b",
    re.IGNORECASE)
_SIGNING = re.compile(_PATTERNS["sealing"][0], re.IGNORECASE)  # an act, not the tie's origin
_SINCE_YEAR = re.compile(pattern(_PATTERNS["since_year"]), re.IGNORECASE)
_SINCE_DATE = re.compile(pattern(_PATTERNS["since_date"]), re.IGNORECASE)
_RENEWAL = re.compile(pattern(_PATTERNS["renewal"]), re.IGNORECASE)
_ANNIVERSARY = re.compile(pattern(_PATTERNS["anniversary"]), re.IGNORECASE)
_FIRST_TIE = re.compile(pattern(_PATTERNS["first_tie"]), re.IGNORECASE)
_CREATED_TIE = re.compile(pattern(_PATTERNS["created_tie"]), re.IGNORECASE)
_TIE_SPAN = re.compile(pattern(_PATTERNS["tie_span"]), re.IGNORECASE)
_BRACKETED_TIE = re.compile(pattern(_PATTERNS["bracketed_tie"]), re.IGNORECASE)
_DATED_TIE = re.compile(pattern(_PATTERNS["dated_tie"]), re.IGNORECASE | re.MULTILINE)
_SIGNED_ORIGINAL = re.compile(pattern(_PATTERNS["signed_original"]), re.IGNORECASE)
_SIGNED_NOUN = re.compile(pattern(_PATTERNS["signed_noun"]), re.IGNORECASE)
_SINCE_NAMED = re.compile(pattern(_PATTERNS["since_named"]), re.IGNORECASE)
_SINCE_ACT = re.compile(pattern(_PATTERNS["since_act"]), re.IGNORECASE)


def act_done_once(sentence: str) -> bool:
    """The sentence tells an act done once in a compound past ("un Protocole d'amitié a été
    signé entre …"): after "Depuis 1998", the act of that year, not a span still running.

    >>> act_done_once("Depuis 1998, un protocole a été signé entre les deux communes.")
    True
    >>> act_done_once("Depuis 1998, des échanges ont été organisés chaque année.")
    False
    """
    return bool(_SINCE_ACT.search(sentence))
_SINCE_OWN = frozenset(w.casefold() for w in _PATTERNS["since_own"])
TWINNING: str = _PLACES["relationships"]["twinning"]
COOPERATION: str = _PLACES["relationships"]["cooperation"]
RELATIONSHIPS = vocabulary("partners", "relationship", (TWINNING, COOPERATION))
# How precise a first link's year is: the year itself, or a decade.
BY_YEAR, BY_DECADE = "year", "decade"
PRECISIONS = vocabulary("partners", "first_link_precision", (BY_YEAR, BY_DECADE))
_KIND_WORD = "|".join(sorted(PLACE_KINDS, key=len, reverse=True))
_KIND = re.compile(pattern(_PATTERNS["kind"], kinds=_KIND_WORD, apostrophes=APOSTROPHES), re.IGNORECASE)
_KIND_PREFIX = re.compile(pattern(_PATTERNS["kind_prefix"], kinds=_KIND_WORD, apostrophes=APOSTROPHES),
                          re.IGNORECASE)
# A kind of town written before the name without an article: the same place as the name
# alone. Camps keep theirs: it is the name the page gives them.
_TOWN_PREFIX = re.compile(pattern(_PATTERNS["town_prefix"], apostrophes=APOSTROPHES))
_QUALIFIED_KIND = re.compile(pattern(_PATTERNS["qualified_kind"], apostrophes=APOSTROPHES))
# Inclusive spellings: the name in the plain plural, so that the same place keeps one id
# however its heading is spelt.
_MARKS = _PLACES["inclusive"]
_INCLUSIVE = re.compile(
    rf"(?<=\w)(?:[·⋅•.](?P<end>{'|'.join(_MARKS['endings'])})"
    rf"(?:[·⋅•.](?P<plural>{_MARKS['plural']}))?|\({_MARKS['feminine']}\)(?P<paren>{_MARKS['plural']})?)(?!\w)")
_LOCATIVE = re.compile(pattern(_PATTERNS["locative"]))  # a region after the name
_APPOSITION = re.compile(pattern(_PATTERNS["apposition"]), re.IGNORECASE)  # "Gao, une ville au Mali"
# Where a place's name ends and a qualifier starts: a spaced dash, a comma, a phrase.
_QUALIFIER = re.compile(pattern(_PATTERNS["qualifier"], apostrophes=APOSTROPHES), re.IGNORECASE)
# Parts of the brackets of a heading: "(France, Belgique)", "(Matanzas / Cuba)".
_BRACKET_PARTS = re.compile(pattern(_PATTERNS["bracket_parts"]))
SIMILAR_SPELLING = 0.85
# An intro item is linked to the partner whose name it reads as at least this close
# (difflib ratio of the folded names), or whose every word it holds.
SIMILAR_INTRO = 0.75
NAME_LENGTH = 200  # characters of a name that difflib compares
CLOSE_WORD = 6  # letters of a word that a close spelling of it may stand for ("Kita" is no "Kati")
# Words of a place's name that take no capital and say nothing about which place is
# meant.
PARTICLES = frozenset(_PLACES["particles"])

# Usual French names of countries that neither the CLDR nor ISO 3166 spells this way.
COUNTRY_VARIANTS: dict[str, str] = {name: code for code, names in _PLACES["country_variants"].items()
                                    for name in names}
# Two kinds of place named together make one kind: "<kind> <joiner> <kind>".
_PAIR = f" {_PLACES['kinds_of_pairs']['joiner']} "


@dataclass(frozen=True)
class Agreement:
    year: int | None  # None: a renewal's sentence names the agreement, not its year
    type: str  # empty when the sentence names no agreement of the vocabulary
    twinning: bool = False  # such a sentence's tie is a twinning ("le jumelage a été signé")


@dataclass(frozen=True)
class Location:
    place: str
    latitude: float
    longitude: float
    source: str


def heading_text(heading: str) -> str:
    """A heading without the pictograms a web editor puts around it (a pin, a flag, a star,
    an arrow): symbols, marks and format characters at either end.

    >>> heading_text("📍 Tombouctou (Mali) ✨"), heading_text("🇲🇱 Gao"), heading_text("Gao")
    ('Tombouctou (Mali)', 'Gao', 'Gao')

    A series' hashtag and the post's number in it before the heading ("#NosJumelages 3/6
    🇲🇱 Gao (Mali)", a social network's posts one a partner) number the post, as "Salle 1 —"
    numbers a room: no part of the heading.

    >>> heading_text("#NosJumelages 3/6 🇲🇱 Gao (Mali)"), heading_text("#Gao #Mali")
    ('Gao (Mali)', '#Gao #Mali')
    """
    start, end = 0, len(heading)
    while start < end and _decorative(heading[start]):
        start += 1
    while end > start and _decorative(heading[end - 1]):
        end -= 1
    if (series := _SERIES.match(heading, start, end)) is not None and series.end() < end:
        return heading_text(heading[series.end():end])
    return heading[start:end]


# A series' hashtags and the post's number in the series, "n/m", opening a heading.
_SERIES = re.compile(r"(?:#[^\W\d_][\w-]{0,60}\s+){1,3}\d{1,3}\s?/\s?\d{1,3}\s+")


def _decorative(char: str) -> bool:
    return char.isspace() or (unicodedata.category(char) in _DECORATIVE and not _BIDI.match(char))


# Symbols (emoji, flags' regional indicators, arrows), marks (variation selectors) and
# format characters (the zero-width joiner inside an emoji).
_DECORATIVE = frozenset(["So", "Sk", "Sm", "Mn", "Me", "Cf", "Co"])
# Not the bidirectional controls: a heading they turn around is no heading to read.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# "Gao (Mali) – jumelée depuis 1997", "Gao (Mali), jumelée avec la ville depuis 1997": a short
# comment after the brackets, set off by a dash, a comma or a colon (an apposition).
_AFTER_BRACKETS = re.compile(r"([^()]{1,150}\([^()]{1,80}\))\s{0,3}[–—,:;-]\s{0,3}[^()]{1,80}")
# "Mali – Gao", "Allemagne : Brandebourg", "Gao – Mali", "Gao · Mali" (a design's middle
# dot): a country beside the place.
_BESIDE = re.compile(r"\s{0,3}[:,]\s{1,3}|\s{1,3}[–—/|·•∙-]\s{1,3}")
_HEADINGS = lexicon("headings")
_COUNTRIES = lexicon("countries")


def _phrases(phrases: list[str]) -> str:
    """Phrases of the lexicon as one alternative: any run of spaces between words, any
    apostrophe, longest phrase first."""
    return "|".join(r"\s+".join(re.escape(w).replace("'", APOSTROPHES) for w in p.split())
                    for p in sorted(phrases, key=len, reverse=True))


# A lead-in before the place ("Jumelage avec", "Notre ville jumelle :"), or a rubric
# before a colon ("Partenariat :"), and the place after it.
# A noun before it ("Archives de la coopération avec …") only before a place written with
# its country in brackets: "Renouvellement du serment du jumelage avec Pescia" is a title.
_NOUN_BEFORE = r"(?=[^()]{1,150}\([^()]{1,80}\))(?:[^\W\d_]+(?:['’][^\W\d_]+)?\s+){1,3}?"
# A determiner before a lead-in ("Un jumelage avec", "Notre coopération avec"): no part of it.
LEAD_IN_OPENER = rf"(?:(?:{_phrases(_HEADINGS['lead_in_openers'])})(?:\s+|(?<=['’])))?"
_LEAD_IN = re.compile(rf"(?:{_NOUN_BEFORE}(?:{_phrases(_HEADINGS['lead_in_links'])})\s*(?=\S))?"
                      rf"(?:{LEAD_IN_OPENER}(?:{_phrases(_HEADINGS['lead_ins'])})(?:\s*:\s*|\s+)"
                      rf"|(?:{_phrases(_HEADINGS['rubrics'])})\s*:\s*)(?=\S)", re.IGNORECASE)
# A division of a work numbering the heading ("Salle 1 —", "Chapitre II :", "Volet B –",
# headings.toml's divisions): no part of the place after it.
_DIVISION = re.compile(rf"(?i:{_phrases(_HEADINGS['divisions'])})\s+(?:n[°ºo]\s*)?"
                       r"(?:\d{1,3}|[IVXLC]{1,6}|[A-Z])(?![\w'’])\s*(?:[–—:.-]|\s[–—-]\s)\s*(?=\S)")
# A note in brackets ending a heading ("(rappel)", "(suite)": headings.toml's heading_notes).
_HEADING_NOTE = re.compile(rf"\s*\(\s*(?i:{_phrases(_HEADINGS['heading_notes'])})\s*\)\s*$")
# The last colon of a heading with no bracket after it ("Kita : actions menées").
_SUBTITLE = re.compile(r"\s+:\s+(?=[^():]+$)")
_PREPOSITION_LEAD_IN = re.compile(rf"(?i:{_phrases(_HEADINGS['preposition_lead_ins'])})\s+(?={CAPITAL})")
# the same before an article, when the heading ends on its country beside the place
_PREPOSITION_ARTICLE = re.compile(rf"(?i:{_phrases(_HEADINGS['preposition_lead_ins'])})\s+(?=(?i:"
                                  rf"{_phrases(_HEADINGS['lead_in_determiners'])})(?:\s|(?<=['’])))")
# A lead-in to the town and its partner ("Le jumelage entre"): taken off the name of a
# heading that ends on its partner's country in brackets, a partner's heading whatever its
# words; without it, "Jumelage entre A et B" is as often the title of a story about both.
_PAIR_LEAD_IN = re.compile(rf"(?:{_phrases(_HEADINGS['pair_lead_ins'])})\s+(?=\S)", re.IGNORECASE)
# The same words after the place, behind a comma or a dash ("Zagórów, ville jumelle").
_LEAD_OUT = re.compile(rf"(?<=\S)\s*(?:,|\s[–—-])\s*(?:{_phrases(_HEADINGS['lead_outs'])})\s*$",
                       re.IGNORECASE)
# Words that say where the place lies, behind a comma ("La Lisa, de l'autre côté de l'Atlantique").
_LOCATION_OUT = re.compile(
    rf"(?<=\S)\s*,\s*(?:{_phrases(_HEADINGS['location_lead_outs'])})\s+[^,()]{{1,60}}$", re.IGNORECASE)
# The tie and its year after the place, behind a dash or a comma ("Gao – jumelage depuis
# 1963", "Kita – protocole d'accord depuis 2005"): a few words, one of a tie, a year last.
_TIE_OUT = re.compile(r"(?<=\S)\s*(?:,|\s[–—-])\s*(?P<words>(?:[^\W\d_][\w'’-]*\s+){1,6})"
                      r"(?:1[89]|20)\d\d\s*$")
_TIE_OUT_STEMS = tuple(fold(w) for w in (*_HEADINGS["tie_stems"], *_HEADINGS["tie_acts"]))


# A place's name in a phrase: its capitalised words, each maybe hyphenated ("La Lisa",
# "Brandebourg-sur-la-Havel"), after its kind and before the words that follow it in lower case.
_NAME_FIRST = re.compile(r"[^\W\d_a-z][\w'’-]*(?:\s+[^\W\d_a-z][\w'’-]*)*")


def _tie_out(text: str) -> re.Match[str] | None:
    """The tie and its year a heading writes after its place (``_TIE_OUT``), or ``None``.

    >>> _tie_out("Gao – jumelage depuis 1963")[0], _tie_out("Kita, protocole d'accord signé en 2005")[0]
    (' – jumelage depuis 1963', ", protocole d'accord signé en 2005")
    >>> _tie_out("Gao – Tombouctou 2019") is None, _tie_out("Mali – 1963") is None
    (True, True)
    """
    found = _TIE_OUT.search(text)
    if found is None:
        return None
    words = re.findall(r"\w+", fold(found["words"]))
    return found if any(w.startswith(_TIE_OUT_STEMS) for w in words) else None


# A preposition before a country's name after a place ("Gao au Mali").
_AFTER_PLACE = re.compile(rf"(?<!\s)\s+(?:{_phrases(_COUNTRIES['written']['prepositions'])})\s+")
_PREPOSITIONS = frozenset(_COUNTRIES["written"]["prepositions"])
_PLACE_NOUNS = frozenset(_COUNTRIES["written"]["place_nouns"])
_REGION_PREPOSITIONS = frozenset(_COUNTRIES["written"]["region_prepositions"])
_REGION_DETERMINERS = frozenset(_COUNTRIES["written"]["region_determiners"])
# The country of the towns whose pages are read: a page names it, and its regions, for
# the town itself, so they never place a partner unless the words beside its name say so.
HOME_COUNTRY = _COUNTRIES["home"]
# "une commune du Mali", "ville des Pays-Bas": an article, nouns of places, "de" and a
# country.
_OF_COUNTRY = re.compile(
    rf"(?:(?:{_phrases(_COUNTRIES['written']['determiners'])})\s+)?"
    rf"(?:{_phrases(_COUNTRIES['written']['place_nouns'])})(?:\s+(?:{_phrases(_COUNTRIES['written']['place_nouns'])})){{0,2}}"
    rf"\s+(?:(?:{_phrases(_COUNTRIES['written']['of'])})\s+|d{APOSTROPHES}\s*)(?P<country>.+)",
    re.IGNORECASE)


def lead_in(text: str) -> str | None:
    """The words of a heading that lead in (or out) to its place, ``None`` when it has none:
    what the gate reads as the page's word that the place is a partner.

    >>> lead_in("Comité de jumelage Tarnobrzeg"), lead_in("Zagórów, ville jumelle"), lead_in("Gao (Mali)")
    ('Comité de jumelage', 'ville jumelle', None)
    """
    found = _LEAD_IN.match(text)
    out = _LEAD_OUT.search(text) or _tie_out(text)
    words = " ".join(w for w in (found.group() if found else "",
                                 out.group() if out else "") if w).strip(" :,–—-")
    return words or None


def after_division(text: str) -> str:
    """A heading without the division of a work that numbers it ("Annexe A – Kita :
    actions menées", "Chapitre 2 : Gao"): what the division holds; the heading itself
    when none opens it.

    >>> after_division("Annexe B – Kita : actions menées"), after_division("Annexes")
    ('Kita : actions menées', 'Annexes')
    """
    division = _DIVISION.match(text)
    return text[division.end():] if division else text


def without_lead_in(text: str) -> str:
    """A heading without the words that lead in to its place.

    >>> without_lead_in("Jumelage avec Cottbus (Allemagne)"), without_lead_in("Notre ville jumelle : La Lisa")
    ('Cottbus (Allemagne)', 'La Lisa')
    >>> without_lead_in("Coopération Nord-Sud"), without_lead_in("Coopération : Gao")
    ('Coopération Nord-Sud', 'Gao')
    >>> without_lead_in("Archives de la coopération avec La Lisa (Cuba)")
    'La Lisa (Cuba)'
    >>> without_lead_in("À Jérusalem-Est"), without_lead_in("Avec :"), without_lead_in("À venir")
    ('Jérusalem-Est', 'Avec :', 'À venir')
    >>> without_lead_in("Avec les habitants du camp de Smara, en Algérie"), without_lead_in("Avec les jeunes")
    ('les habitants du camp de Smara, en Algérie', 'Avec les jeunes')
    >>> without_lead_in("Salle 1 — Wolfach (Allemagne)"), without_lead_in("Chapitre IV : Kita (Mali)")
    ('Wolfach (Allemagne)', 'Kita (Mali)')
    >>> without_lead_in("Salle des fêtes – Gao"), without_lead_in("Partie 4 – Bilan")
    ('Salle des fêtes – Gao', 'Partie 4 – Bilan')

    The town's own name beside its partner ("Jumelage <town> – Cottbus", "Le jumelage entre
    <town> et Cottbus", "<town> (94) – Cottbus") is a lead-in too (the town file names the
    town; tests/test_heading_corpus.py tries it).
    """
    if (division := _DIVISION.match(text)) and (text.rstrip().endswith(")") or _country_beside(
            text[division.end():]) or _without_part(text[division.end():]) != text[division.end():]):
        text = text[division.end():]  # "Salle 1 — Brandebourg (Allemagne)", "Annexe 2 – Kita :
        # historique"; not "CHAPITRE 4 – JUMELAGES"
    text = _without_part(text)
    found = _LEAD_IN.match(text) or _PREPOSITION_LEAD_IN.match(text) \
        or (text.rstrip().endswith(")") and _PAIR_LEAD_IN.match(text))
    if not found and (article := _PREPOSITION_ARTICLE.match(text)) \
            and _country_beside(text[article.end():]):  # "Avec les réfugiés des camps de
        found = article  # Tindouf, en Algérie": the place named by its kind or its people
    text = text[found.end():] if found else text
    text = _LOCATION_OUT.sub("", _LEAD_OUT.sub("", text))
    if tie := _tie_out(text):  # "Gao – jumelage depuis 1963"
        words = tie["words"].strip()
        if country_code(_without_article(text[:tie.start()].strip())) \
                and (led := without_lead_in(words)) != words and (place := _NAME_FIRST.search(led)):
            return f"{place[0]} – {text[:tie.start()].strip()}"  # the country first, the place
            # in its tie: "Allemagne — jumelage avec Brandebourg-sur-la-Havel depuis 1963"
        text = text[:tie.start()]
    from .config import config

    town = _town_beside(config().town.name_pattern()).search(text)
    return text[:town.start()] + text[town.end():] if town else text


def _without_part(text: str) -> str:
    """A heading without a note in brackets at its end ("(rappel)") and without the part of
    its place's section written after a colon ("Kita : actions menées")."""
    text = _HEADING_NOTE.sub("", text)
    if (colon := _SUBTITLE.search(text)) and colon.start() > 0 and _part_of_section(text[colon.end():]):
        return text[:colon.start()]
    return text


def _part_of_section(words: str) -> bool:
    """Words after a place and a colon that name a usual part of a partner's section
    ("actions menées", "historique", "projets": headings.toml's sub-headings, their
    openings and the heads that sort actions, as :func:`pipeline.read.sub_heading` reads
    them), not a subtitle of the place's story ("la mer en partage").

    >>> [_part_of_section(w) for w in ("actions menées", "Historique", "la mer en partage")]
    [True, True, False]
    """
    key = " ".join(words.lower().replace("’", "'").split()).rstrip(" :.").strip()
    return len(key.split()) <= SECTION_PART_WORDS and (key in _SECTION_PARTS or any(
        key == p or key.startswith(p + " ") for p in _SECTION_PART_OPENINGS))


_SECTION_PARTS = frozenset(_HEADINGS["sub_headings"])
_SECTION_PART_OPENINGS = (*_HEADINGS["sub_openings"], *_HEADINGS["sorting_heads"])
SECTION_PART_WORDS = 8  # a part of a section is named in a few words


@cache
def _town_beside(town: str) -> re.Pattern[str]:
    """The page's own town (``town``: the pattern of its names) named beside its partner in
    a heading ("Jumelage <town> – Cottbus", "<town> et Gao", "Cottbus – <town>"), with a
    word of the tie before it; built once per town."""
    ties = _phrases([*_HEADINGS["rubrics"], *_HEADINGS["lead_ins"]])
    joiners = _phrases(_HEADINGS["town_joiners"])
    first = rf"(?:{town})(?:\s*\([^()]*\))?"  # its département beside it: "<town> (94)"
    return re.compile(rf"^(?:{LEAD_IN_OPENER}(?:{ties})\s+)?{first}"
                      rf"(?:\s*{_JOINING}\s*|\s+(?:{joiners})\s+)(?=[^\W\d_])"
                      rf"|(?<=\S)(?:\s+{_JOINING}\s*|\s+(?:{joiners})\s+){town}$", re.IGNORECASE)


# The signs that join the town and its partner in a heading: dashes, a slash, an ampersand,
# arrows and a cross ("<town> ↔ Cottbus", "<town> × Gao").
_JOINING = "[–—/&↔⇄⟷×-]"


def split_heading(heading: str) -> tuple[str, str | None]:
    """A heading's (or intro item's) place and what its closing brackets hold, or the
    country written beside the place instead: before or after it, after a colon, a comma
    or a dash, as its name or its adjective ("ville allemande"), or after a preposition
    ("Gao au Mali"). A lead-in ("Jumelage avec", "Notre ville jumelle :", lexicon
    ``headings.lead_ins``), a rubric before a colon ("Nouveau partenariat : Gao (Mali)")
    and a comment after the brackets ("Gao (Mali) – jumelée depuis 1997") are not the
    place's name. What the country part names is read by :func:`countries`.

    >>> split_heading("Jumelage avec Cottbus (Allemagne)"), split_heading("Gao aux Pays-Bas")
    (('Cottbus', 'Allemagne'), ('Gao', 'Pays-Bas'))
    >>> split_heading("Brandebourg-sur-la-Havel, ville allemande")
    ('Brandebourg-sur-la-Havel', 'ville allemande')
    >>> split_heading("Kita, une commune au Mali"), split_heading("Gao, une petite ville au Mali")
    (('Kita', 'Mali'), ('Gao', 'Mali'))
    >>> split_heading("Coopération avec la commune de Dianguirdé – Mali")
    ('la commune de Dianguirdé', 'Mali')

    >>> split_heading("Saint-Louis (Sénégal)")
    ('Saint-Louis', 'Sénégal')
    >>> split_heading("Tombouctou ( Mali )"), split_heading("Kobané")
    (('Tombouctou', 'Mali'), ('Kobané', None))
    >>> split_heading("Gao (Mali)."), split_heading("📍 Gao (Mali)")
    (('Gao', 'Mali'), ('Gao', 'Mali'))
    >>> split_heading("Mali – Gao"), split_heading("Allemagne : Cottbus")
    (('Gao', 'Mali'), ('Cottbus', 'Allemagne'))
    >>> split_heading("Ville de Gao - Mali"), split_heading("Gao, Mali"), split_heading("MALI — Gao :")
    (('Ville de Gao', 'Mali'), ('Gao', 'Mali'), ('Gao', 'MALI'))
    >>> split_heading("Dianguirdé · Mali"), split_heading("Gao • Mali")
    (('Dianguirdé', 'Mali'), ('Gao', 'Mali'))
    >>> split_heading("Avec :")
    ('Avec :', None)
    >>> split_heading("Nouveau partenariat : Gao (Mali)"), split_heading("Gao (Mali) – jumelée depuis 1997")
    (('Gao', 'Mali'), ('Gao', 'Mali'))
    >>> split_heading("Lettre d'amitié · Gao (Mali)")
    ('Gao', 'Mali')
    >>> split_heading("Gao (Mali), jumelée avec la ville depuis 1997")
    ('Gao', 'Mali')
    >>> split_heading("Cottbus [Allemagne]"), split_heading("La Lisa, Cuba (depuis 1997)")
    (('Cottbus', 'Allemagne'), ('La Lisa', 'Cuba'))
    >>> split_heading("Cottbus (Allemagne) [archives]")
    ('Cottbus', 'Allemagne')
    >>> split_heading("KITA [ML] – coopération décentralisée, protocole d’accord 2005")
    ('KITA', 'ML')
    >>> split_heading("MALI — KITA (RÉGION DE KAYES)"), split_heading("Cuba – Matanzas (province)")
    (('KITA', 'MALI'), ('Matanzas', 'Cuba'))
    >>> split_heading("Allemagne — jumelage avec Cottbus depuis 1963")  # the place in its tie
    ('Cottbus', 'Allemagne')
    >>> split_heading("Palestine (Cisjordanie) — Jifna")  # the country first, its region in brackets
    ('Jifna', 'Palestine')
    >>> split_heading("La Plata – Buenos Aires"), split_heading("Gao (Mali) – Tombouctou (Mali)")
    (('La Plata – Buenos Aires', None), ('Gao (Mali) – Tombouctou', 'Mali'))
    """
    text = without_lead_in(_round_brackets(heading_text(heading).strip()))
    if text[-1:] == ":" and not text[:-1].rstrip().endswith(")"):
        name, country = split_heading(text[:-1])  # "Mali – Gao :"; "Avec :" stays a sentence
        return (name, country) if country else (text, None)
    if text[-1:] in ".:" and text[:-1].rstrip().endswith(")"):
        text = text[:-1].rstrip()  # "Gao (Mali).", "Gao (Mali) :"
    if (after := _AFTER_BRACKETS.fullmatch(text)) and countries((before := split_heading(after[1]))[1])[1] \
            and not country_code(before[0]):  # "Palestine (Cisjordanie) — Jifna": the place after
        text = after[1]
    square = text.endswith("]") and text.rfind("[") > 0
    if square:
        text = f"{text[:text.rfind('[')]}({text[text.rfind('[') + 1:-1]})"  # "Cottbus [Allemagne]"
    start = text.rfind("(")
    if not text.endswith(")") or start <= 0 or ")" in text[start:-1]:
        return _country_beside(text) or _country_after(text) or (text, None)
    if (square or _YEAR.search(text[start:])) and not countries(text[start + 1:-1])[1] \
            and (before := split_heading(text[:start]))[1] and countries(before[1])[1]:
        return before  # "La Lisa, Cuba (depuis 1997)": the brackets comment, the country is before
    name = text[:start].strip()
    if not countries(text[start + 1:-1])[1] and not any(c.isdigit() for c in text) \
            and (beside := _country_beside(name)):
        return beside  # "MALI — DIANGUIRDÉ (RÉGION DE KAYES)": the country first, a region in brackets
    rubric = _RUBRIC.split(name)
    lead = name[:-len(rubric[-1])] if rubric[-1] else name
    if len(rubric) > 1 and rubric[-1].strip() \
            and (lead.rstrip().endswith(":") or not _SENTENCE_MARKS.search(lead)):
        name = rubric[-1].strip()  # "Nouveau partenariat : Gao (Mali)", a newsletter's column
        # "Mémoire de jumelage · Gao (Mali)"; not "Utile ? Oui (27) · Non (4)"
    return name, text[start + 1:-1].strip() or None


def _round_brackets(text: str) -> str:
    """A heading whose country is in square brackets before a comment, as round ones
    ("DIANGUIRDÉ [ML] – coopération, protocole 2005": "DIANGUIRDÉ (ML) – …"), so that the
    comment after them is read as after round ones; a heading with round brackets too, or
    square ones naming no country ("[archives]"), stays as written."""
    square = _SQUARE.search(text)
    if square is None or "(" in text or square.end() == len(text) or not countries(square[1])[1]:
        return text
    return f"{text[:square.start()]}({square[1]}){text[square.end():]}"


_SQUARE = re.compile(r"\[([^\[\]()]{1,80})\]")


# What sets a rubric apart from the place it leads to: a colon, or a middle dot or a bullet
# between spaces (a design's separator).
_RUBRIC = re.compile(r":|\s[·•∙]\s")
_SENTENCE_MARKS = re.compile(r"[?!()]")  # no rubric before a dot holds a question, an exclamation
# or brackets


def news_place(text: str) -> str | None:
    """What a news item's title names before a colon, the title after it a phrase that
    opens in lower case or on a figure ("Gao : une école inaugurée", "Kita : 40 ans
    d'amitié"): a name, or a country or region ("Sahara occidental : …"); ``None`` when
    a name follows the colon (the place a rubric or a country leads to: "Allemagne :
    Cottbus") or the first part is no name. Whether that name is a partner's is the
    page's to say (:func:`pipeline.parse.heading_roles`): "Mercredi : dernière visite"
    reads alike.

    >>> news_place("Gao : une école inaugurée"), news_place("Saint-Louis du Sénégal : 12 000 € votés")
    ('Gao', 'Saint-Louis du Sénégal')
    >>> news_place("Allemagne : Cottbus"), news_place("Retour en images : la fête")
    (None, None)
    """
    found = _NEWS_TITLE.fullmatch(text)
    if found is None or not (found["title"][0].islower() or found["title"][0].isdigit()):
        return None
    words = found["place"].split()
    if len(words) > NEWS_PLACE_WORDS or (not country_code(found["place"]) and not all(
            word[:1].isupper() or word.lower() in PARTICLES or word in "–—-" for word in words)):
        return None
    return found["place"].strip()


# A place, a colon (spaced, as French writes it) and a title (in lower case or figures).
_NEWS_TITLE = re.compile(r"(?P<place>[^:()]{2,80}?)\s+:\s+(?P<title>[^:]+)")
NEWS_PLACE_WORDS = 6  # a place's name before a news title is a few words


def _country_after(text: str) -> tuple[str, str] | None:
    """("Gao", "Mali") for "Gao au Mali", "Gao en Allemagne", "Gao aux Pays-Bas": a
    preposition and a country after the place."""
    for found in _AFTER_PLACE.finditer(text):
        country = text[found.end():].strip()
        if found.start() > 0 and country_code(country):
            name = text[:found.start()].strip()
            return _APPOSITION.sub("", name) or name, country
    return None


def _country_beside(text: str) -> tuple[str, str] | None:
    """("Gao", "Mali") for "Mali – Gao" or "Gao – Mali": a country on one side only, maybe
    after its article ("le Togo : Koumondè", "l'Autriche : Mondsee").

    >>> _country_beside("l'Autriche : Mondsee"), _country_beside("le Québec : Saint-Sulpice")
    (('Mondsee', 'Autriche'), ('Saint-Sulpice', 'Québec'))
    >>> _country_beside("La Plata – Buenos Aires") is None
    True

    The place may carry its region after a comma, a region the country table files under
    the same country ("Cisjordanie" is Palestine's): the country is still the side alone.

    >>> _country_beside("PALESTINE – Naplouse, Cisjordanie")
    ('Naplouse, Cisjordanie', 'PALESTINE')
    >>> _country_beside("Mali – Gao, Sénégal") is None
    True
    """
    beside = _BESIDE.search(text)
    if beside is None:
        return None
    left, right = text[:beside.start()].strip(), text[beside.end():].strip()
    left, right = _without_article(_without_region(left)), _without_article(right)
    left_country, right_country = countries(left)[1], countries(right)[1]
    if left_country and right_country == left_country and right and not country_code(right):
        return right, left  # "PALESTINE – Jifna, Cisjordanie": the place's region, of its country
    if left_country and not right_country and right:
        return right, left
    if right_country and not left_country and left:
        return left, right
    return None


# The article before a country's name ("l'Autriche", "le Togo"), then the name.
_ARTICLE = re.compile(r"(?:" + "|".join(
    re.escape(w).replace("'", APOSTROPHES) + (r"\s*" if w[-1] in "'’" else r"\s+")
    for w in _COUNTRIES["written"]["region_determiners"]) + r")(?=\S)", re.IGNORECASE)


def _without_region(side: str) -> str:
    """A country written first without the region it names in brackets ("Palestine
    (Cisjordanie) — Jifna", "Burkina Faso (Centre-Nord) – Kaya"): the country is the side;
    any other side as written (brackets naming another country are no region of it)."""
    found = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", side)
    return found[1] if found and (code := country_code(found[1])) \
        and countries(found[2])[1] in (code, None) else side  # no other country in the brackets


def _without_article(side: str) -> str:
    """A side of a heading without the article before a country's name, alone ("l'Autriche"
    is "Autriche"); any other side as written ("La Plata", "la Mauritanie, l'Algérie")."""
    found = _ARTICLE.match(side)
    return side[found.end():] if found and country_code(side[found.end():]) else side


def place_name(heading_name: str) -> str:
    """The place's name without the kind of place, the region around it or a qualifier.

    >>> place_name("La commune de Tamba et le camp de Kalo en Haute-Vallée")
    'Tamba et Kalo'
    >>> place_name("La Plata – Buenos Aires"), place_name("La ville de Kita, région de Mopti")
    ('La Plata', 'Kita')
    >>> place_name("La municipalité de Centro au sein de la province de Matanzas")
    'Centro'
    >>> place_name("St. Louis"), place_name("Camps de réfugiés de Mbera")
    ('St. Louis', 'Camps de réfugiés de Mbera')
    >>> place_name("Commune de Tamba"), place_name("Camps de réfugié·es nomades de Mbera")
    ('Tamba', 'Camps de réfugiés nomades de Mbera')
    """
    name = _QUALIFIER.split(plain_spelling(heading_name), maxsplit=1)[0]
    return _LOCATIVE.sub("", _KIND_PREFIX.sub("", _TOWN_PREFIX.sub("", name))).strip()


def without_kind(name: str) -> str:
    """A place's name without the kind of place written before it (qualifiers after it
    stay: what follows a comma or a dash may be a sentence's, not a name's).

    >>> without_kind("la commune de Dianguirdé"), without_kind("JPEG - 22 ko")
    ('Dianguirdé', 'JPEG - 22 ko')
    """
    return _KIND_PREFIX.sub("", _TOWN_PREFIX.sub("", name)).strip()


def after_kind(name: str) -> str:
    """The name a heading gives after a kind of place and the words that qualify it
    (:func:`without_kind` keeps a camp's kind, its name on the page): the words to ask
    whether the heading names a place at all.

    >>> after_kind("Les camps sahraouis de Tindouf"), after_kind("Les villages côtiers de Cacheu")
    ('Tindouf', 'Cacheu')
    >>> after_kind("Les fêtes de Noël"), after_kind("Camps de réfugiés Sahraouis de Smara")
    ('Les fêtes de Noël', 'Smara')
    """
    return _QUALIFIED_KIND.sub("", name, count=1).strip()


def plain_spelling(text: str) -> str:
    """``text`` with its inclusive spellings in the plain plural (or singular).

    >>> plain_spelling("réfugié·es, élu.e.s, habitant(e)s, animateur·rice, St. Louis")
    'réfugiés, élus, habitants, animateur, St. Louis'
    """
    return _INCLUSIVE.sub(lambda m: "s" if m["plural"] or m["paren"] or (m["end"] or "").endswith("s")
                          else "", text)


@cache
def _kinds() -> frozenset[str]:
    return frozenset(categories("partners", "kind"))


def place_kind(text: str) -> str | None:
    """The kind of place a heading or intro item names.

    When it names two places of different kinds, their pair when the schema's vocabulary
    has it ("commune et camp de réfugiés"), else the kind of the first place named: the
    partner's main place, which its coordinates locate too. So the column never holds a
    value the schema does not list.

    >>> place_kind("La commune de Tamba et le camp de Kalo en Haute-Vallée (Mali)")
    'commune et camp de réfugiés'
    >>> place_kind("La ville de Kita et la commune de Sefeto (Mali)")
    'ville'
    >>> place_kind("La municipalité de Centro au sein de la ville de Matanzas (Cuba)")
    'municipalité'
    """
    name = _QUALIFIER.split(split_heading(text)[0], maxsplit=1)[0]
    kinds = list(dict.fromkeys(PLACE_KINDS[m["kind"].lower()] for m in _KIND.finditer(name)))
    if not kinds:
        return None
    both = _PAIR.join(kinds)
    return both if both in _kinds() else kinds[0]


class Spellings:
    """The capitalised words of a page, counted once, to find the spellings of names.

    A page may write Hamburg-, Hambourg- and Hambourgh-sur-le-Lac; words this
    close to a name (difflib ratio) are taken as its spellings. The partners' own names
    (``names``) are never taken as spellings of one another, however close ("Saint-Denis"
    is not "Saint-Genis"). Only words that share the name's first three letters and about
    its length are compared, and of those the ``MAX_COMPARED`` most frequent of each
    length, so that the search costs the same for a page of 50 entries or of 100,000, even
    one whose 100,000 headings all start alike.
    """

    MAX_COMPARED = 20  # words of one length and first three letters

    def __init__(self, text: str, names: frozenset[str] = frozenset()):
        self._counts = Counter(re.findall(CAPITAL + r"[\w-]+", text))
        by_length: dict[tuple[str, int], list[tuple[int, str, int]]] = {}
        for order, (word, count) in enumerate(self._counts.items()):
            if word not in names:
                by_length.setdefault((word[:3].lower(), len(word)), []).append((order, word, count))
        self._buckets = {key: sorted(words, key=lambda w: -w[2])[:self.MAX_COMPARED]
                         for key, words in by_length.items()}

    def of(self, name: str) -> Counter[str]:
        """How often each spelling of a one-word name occurs (the name counted once more).

        Names of several words are left as they are: their near matches on a page are other
        phrases, not spellings.

        >>> Spellings("Hambourg-sur-le-Lac et Hambourg-sur-le-Lac.").of("Hamburg-sur-le-Lac")
        Counter({'Hambourg-sur-le-Lac': 2, 'Hamburg-sur-le-Lac': 1})
        >>> names = frozenset({"Saint-Genis", "Saint-Denis"})
        >>> Spellings("Saint-Genis et Saint-Denis", names).of("Saint-Denis")
        Counter({'Saint-Denis': 2})
        """
        found: Counter[str] = Counter({name: 1})
        if " " in name:
            return found
        lowered = name.lower()
        reach = int(len(name) * (1 - SIMILAR_SPELLING) + 1)
        near = sorted(w for length in range(len(name) - reach, len(name) + reach + 1)
                      for w in self._buckets.get((lowered[:3], length), ()))
        found[name] += self._counts[name] if not any(w == name for _, w, _ in near) else 0
        for _, word, count in near:  # in the page's order, as before the buckets
            matcher = difflib.SequenceMatcher(None, lowered, word.lower())
            if matcher.quick_ratio() >= SIMILAR_SPELLING and matcher.ratio() >= SIMILAR_SPELLING:
                found[word] += count
        for other in _other_names(name):  # "Nuremberg" for "Nürnberg": its French name
            if self._counts[other] and other not in found:
                found[other] += self._counts[other]
        return found


def canonical_name(found: Counter[str]) -> str:
    """The most frequent spelling; on a tie, the first counted (the heading's)."""
    return max(found, key=lambda spelling: found[spelling])


def _folded(place: str) -> str:
    return slug(place).replace("-", " ")


@cache
def _exonyms() -> dict[str, str]:
    """The slug of each French name of a foreign town (``places.toml``'s ``exonyms``) → the
    slug of the name the town gives itself."""
    return {slug(french): slug(own) for own, names in _PLACES["exonyms"].items() for french in names}


def _other_names(name: str) -> list[str]:
    """The other names ``places.toml``'s ``exonyms`` give the town ``name`` names, as written
    there ("Nürnberg" → "Nuremberg"; "Nuremberg" → "Nürnberg")."""
    key = same_place_key(slug(name))
    if key not in _own_names():
        return []
    return [written for own, names in _PLACES["exonyms"].items() for written in [own, *names]
            if same_place_key(slug(written)) == key and slug(written) != slug(name)]


@cache
def _own_names() -> frozenset[str]:
    return frozenset(slug(own) for own in _PLACES["exonyms"])


def _exonym_key(folded: str) -> str:
    """:func:`same_place_key` of a name folded by :func:`_folded` (words, no hyphens)."""
    return same_place_key(folded.replace(" ", "-")).replace("-", " ")


def same_place_key(place_slug: str) -> str:
    """A place's slug, its French name (an exonym) read as the name the town gives itself:
    the key under which a page's two spellings of one partner meet.

    >>> same_place_key("nuremberg"), same_place_key("nurnberg"), same_place_key("edimbourg")
    ('nurnberg', 'nurnberg', 'edinburgh')
    >>> same_place_key("gao")
    'gao'
    """
    return _exonyms().get(place_slug, place_slug)


def _significant(folded: str) -> set[str]:
    return {w for w in folded.split() if w not in PARTICLES}


def name_words(text: str) -> set[str]:
    """The words of a name that tell places apart: case, accents and particles aside.

    >>> sorted(name_words("La Plata – Buenos Aires"))
    ['aires', 'buenos', 'plata']

    Inclusive spellings are read in the plain plural ("Camps de réfugié·es sahraoui·es" is
    "Camps de réfugiés sahraouis", as an intro item may write it):

    >>> sorted(name_words("Camps de réfugié·es sahraoui·es"))
    ['camps', 'refugies', 'sahraouis']
    """
    return _significant(_folded(plain_spelling(text)))


def _intro_score(item: str, place: str) -> float:
    """How surely an intro item names a place: 1.0 when it holds every word of the
    place's name, ``SIMILAR_SPELLING`` when it holds each in a close spelling (a word of
    ``CLOSE_WORD`` letters or more), else the difflib ratio of the two names, folded."""
    item_words, place_words = _significant(item), _significant(place)
    if place_words and place_words <= item_words:
        return 1.0
    if place_words and all(len(w) >= CLOSE_WORD and _close_word(w, item_words) for w in place_words):
        return SIMILAR_SPELLING  # "Brandebourg", a tag's short name, in "Brandenbourg-sur-la-Havel"
    # a place's name is short: longer texts are cut, so that difflib's cost stays bounded
    return difflib.SequenceMatcher(None, item[:NAME_LENGTH], place[:NAME_LENGTH]).ratio()


def _close_word(word: str, others: set[str]) -> bool:
    """A word of ``CLOSE_WORD`` letters or more written closely among ``others`` (difflib
    ratio ``SIMILAR_SPELLING`` or more; no word longer than a name: difflib's cost is its
    square)."""
    return len(word) <= NAME_LENGTH and any(
        len(other) <= NAME_LENGTH and difflib.SequenceMatcher(None, word, other).ratio() >= SIMILAR_SPELLING
        for other in others)


def close_spellings(one: str, other: str) -> bool:
    """Two names (folded) of one place as a careless page writes it twice: as many words,
    each the same or, of ``CLOSE_WORD`` letters or more, in a close spelling.

    >>> close_spellings("sant'agata sul santero", "sant'agata sul santerno")
    True
    >>> close_spellings("kita", "kati"), close_spellings("neustadt", "neustadt am rubenberge")
    (False, False)
    """
    words, others = _significant(one), _significant(other)
    return one != other and len(words) == len(others) and all(
        w in others or (len(w) >= CLOSE_WORD and _close_word(w, others - words)) for w in words)


def link_intro(items: list[str], places: list[str]) -> list[int | None]:
    """For each place (a partner's name), the index of the intro item that names it.

    An item names a place when, without the kind of place, its qualifiers and its
    brackets, it reads as the same name, case, accents and punctuation aside; else the
    closest item (every word of the place's name, or difflib ratio ≥ ``SIMILAR_INTRO``)
    that no other place took. Each item goes to one place at most; an item close to no
    place is left for the caller to report. Only items that share a word or a word's
    first four letters with a place are compared, so that a page of a thousand partners
    costs no million comparisons.

    >>> link_intro(["la ville de kita, région de Mopti (Mali)", "La commune de Tamba (Mali)",
    ...             "La ville d'Atlantide (Océanie)"], ["Tamba", "Kita"])
    [1, 0]
    >>> link_intro(["La municipalité de Centro au sein de la province de Matanzas (Cuba)"],
    ...            ["Centro – Matanzas", "Kita"])
    [0, None]
    """
    names = [_folded(place_name(split_heading(item)[0])) for item in items]
    wanted = [_folded(place_name(place)) for place in places]
    result: list[int | None] = [None] * len(places)
    free = set(range(len(items)))
    by_name: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        by_name.setdefault(name, []).append(i)
        if (key := _exonym_key(name)) != name:  # "Nuremberg (Allemagne)" for "Nürnberg"
            by_name.setdefault(key, []).append(i)
    for p, name in enumerate(wanted):
        same = [i for i in [*by_name.get(name, ()), *by_name.get(_exonym_key(name), ())] if i in free]
        if same:
            result[p] = same[0]
            free.discard(same[0])
    by_word: dict[str, set[int]] = {}
    for i in free:
        for word in _significant(_folded(items[i])):
            by_word.setdefault(word, set()).add(i)
            by_word.setdefault(word[:4], set()).add(i)
    pairs = []
    for p, name in enumerate(wanted):
        if result[p] is not None:
            continue
        candidates = set().union(*(by_word.get(w, set()) | by_word.get(w[:4], set())
                                   for w in _significant(name) or {name}))
        for i in candidates:
            score = max(_intro_score(names[i], name), _intro_score(_folded(items[i]), name))
            if score >= SIMILAR_INTRO:
                pairs.append((-score, p, i))
    for _, p, i in sorted(pairs):
        if result[p] is None and i in free:
            result[p] = i
            free.discard(i)
    return result


def _key(name: str) -> str:
    """A name with case, accents, spaces and punctuation aside: "Viêt Nam", "Vietnam"
    and "viet-nam" are one key."""
    return slug(name).replace("-", "")


_Tables = tuple[dict[str, str], dict[str, str], dict[str, frozenset[str]]]


@cache
def _name_tables() -> _Tables:
    """The countries' names by key (``_made_countries``), the regions' countries by key
    (``_made_regions``) and the regions' spellings (``_made_spellings``), kept from one run
    to the next (``pipeline/derived.py``) under the sha256 of every byte they are made of:
    pycountry's ISO 3166 tables and their French translations, Babel's French names of
    territories, the lexicon's countries and places, the code that reads them (this module,
    the slug, the normaliser) and the Unicode version the slug decomposes letters with.
    Making them reads 5,000 subdivisions and slugs 14,000 names, 90 ms of processor time
    (a seventh of the real page's run process) for tables that no page changes; read from
    the kept file, 2 ms, the same tables."""
    import marshal
    import unicodedata

    from babel import __version__ as babel_version
    from babel.localedata import resolve_locale_filename

    from . import derived
    from .french import normalise
    from . import text

    words = Path(normalise.__file__).parent / "lexicon"
    iso, translations = Path(pycountry.DATABASE_DIR), Path(pycountry.LOCALES_DIR) / "fr" / "LC_MESSAGES"
    files = [Path(__file__), Path(text.__file__), Path(normalise.__file__),
             words / "countries.toml", words / "places.toml", iso / "iso3166-1.json", iso / "iso3166-2.json",
             translations / "iso3166-1.mo", translations / "iso3166-2.mo",
             Path(resolve_locale_filename("fr")), Path(resolve_locale_filename("root"))]
    digest = derived.key(unicodedata.unidata_version.encode(), babel_version.encode(),
                         *(path.read_bytes() for path in files))
    if (found := derived.kept("places", digest)) is not None:
        try:
            countries, regions, spellings = marshal.loads(found)
            return countries, regions, spellings
        except (EOFError, ValueError, TypeError):
            pass  # a file cut short or from another Python: made again below
    countries = _made_countries()
    made = (countries, _made_regions(countries), _made_spellings())
    derived.keep("places", digest, marshal.dumps(made))
    return made


def _countries_by_french_name() -> dict[str, str]:
    """Every French name of a country, by its key (``_made_countries``; kept between runs)."""
    return _name_tables()[0]


def _made_countries() -> dict[str, str]:
    """Every French name of a country, by its key: ISO 3166's French names and official
    names (pycountry's translations, "Palestine, État de" also as "Palestine", "République
    du Mali", "Royaume d'Espagne"), the Unicode CLDR's (Babel:
    "Syrie", "Corée du Sud", "Myanmar (Birmanie)" also as both names), and
    ``COUNTRY_VARIANTS``. A name two countries share ("Corée") gives neither."""
    from babel import Locale

    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    seen: dict[str, set[str]] = {}

    def add(name: str, code: str) -> None:
        seen.setdefault(_key(name), set()).add(code)

    for country in pycountry.countries:
        name = french.gettext(country.name)
        add(name, country.alpha_2)
        add(name.split(",")[0], country.alpha_2)
        if official := getattr(country, "official_name", None):  # "République du Mali"
            add(french.gettext(official), country.alpha_2)
    iso = {country.alpha_2 for country in pycountry.countries}
    for code, name in Locale("fr").territories.items():
        if code in iso:
            add(name, code)
            plain, _, other = name.partition("(")
            if other:
                add(plain, code)
                add(other.rstrip(")"), code)
    for name, code in COUNTRY_VARIANTS.items():
        add(name, code)
    for code, names in _COUNTRIES["territories"].items():
        for name in names:
            add(name, code)
    return {key: codes.pop() for key, codes in seen.items() if len(codes) == 1 and key}


_FLAG = re.compile("[\U0001F1E6-\U0001F1FF]{2}")


def flag_country(text: str) -> tuple[str, str] | None:
    """The country a flag beside a heading shows ("🇩🇪 Cottbus"): a flag is two regional
    indicator letters, its ISO 3166-1 code; its French name is the CLDR's.

    >>> flag_country("🇩🇪 Brandebourg-sur-la-Havel"), flag_country("🇲🇱 Dianguirdé"), flag_country("Gao")
    (('Allemagne', 'DE'), ('Mali', 'ML'), None)
    """
    found = _FLAG.search(text)
    if found is None:
        return None
    code = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in found.group())
    from babel import Locale

    name = Locale("fr").territories.get(code)
    return (name, code) if name and pycountry.countries.get(alpha_2=code) else None


def country_code(french_name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of a country named in French, in any usual spelling.

    >>> [country_code(n) for n in ("Palestine", "Viêt Nam", "Vietnam", "Etats-Unis", "Syrie")]
    ['PS', 'VN', 'VN', 'US', 'SY']
    >>> country_code("Corée du Sud"), country_code("Corée"), country_code("Atlantide")
    ('KR', None, None)
    >>> country_code("République du Mali"), country_code("République fédérale d'Allemagne")
    ('ML', 'DE')
    >>> country_code("RFA"), country_code("République de Maurice"), country_code("Archipel des Comores")
    ('DE', 'MU', 'KM')
    """
    if not french_name:
        return None
    if (code := _countries_by_french_name().get(_key(french_name))) is not None:
        return code
    if (form := _STATE_FORM.match(french_name.strip())) is not None:  # "République de Maurice"
        return _countries_by_french_name().get(_key(form["name"]))
    return None


# "de", "du", "des", "de la", "de l'", "d'" before a name (countries.toml's `of` and
# `region_determiners`, places.toml's elided particles)
_DETERMINERS = _COUNTRIES["written"]["region_determiners"]
OF_AN_ARTICLE = (rf"(?:(?:{'|'.join(sorted(_COUNTRIES['written']['of'], key=len, reverse=True))})\s+"
                 rf"(?:(?:{'|'.join(d for d in _DETERMINERS if d[-1].isalpha())})\s+"
                 rf"|(?:{'|'.join(d for d in _DETERMINERS if not d[-1].isalpha())})\s*)?"
                 rf"|(?:{'|'.join(lexicon('places')['elided_particles'])}){APOSTROPHES}\s*)")
# a form of state, maybe an adjective, then "de" (:data:`OF_AN_ARTICLE`) and the country's name
_STATE_FORM = re.compile(
    rf"(?i:{'|'.join(map(re.escape, _COUNTRIES['state_forms']['kinds']))})(?:\s+[^\W\d_]+)?\s+"
    rf"(?i:{OF_AN_ARTICLE})(?P<name>\w.*)")


def _regions() -> dict[str, str]:
    """The country of each region's name, by key (``_made_regions``; kept between runs)."""
    return _name_tables()[1]


def _made_regions(countries: dict[str, str]) -> dict[str, str]:
    """The country of each region's name, by key: ISO 3166-2's subdivisions by their own
    name and their French one (pycountry), and the lexicon's ``regions``; a name that
    subdivisions of two countries share, or that is a country's, gives none."""
    seen: dict[str, set[str]] = {}
    for name, code in _region_names():
        seen.setdefault(_key(name), set()).add(code)
    return {key: codes.pop() for key, codes in seen.items()
            if len(codes) == 1 and key and key not in countries}


def _region_names() -> list[tuple[str, str]]:
    """Every region's name as written, with its country's code: ISO 3166-2's subdivisions
    by their own name and their French one (pycountry), and the lexicon's ``regions``."""
    french = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    return [*((name, region.country_code) for region in pycountry.subdivisions
              for name in {region.name, french.gettext(region.name)}),
            *((name, code) for code, names in _COUNTRIES["regions"].items() for name in names)]


def _region_spellings() -> dict[str, frozenset[str]]:
    """How each region's key is written (``_made_spellings``; kept between runs)."""
    return _name_tables()[2]


def _made_spellings() -> dict[str, frozenset[str]]:
    """How each region's key is written, in lower case with its accents (if any)."""
    found: dict[str, set[str]] = {}
    for name, _ in _region_names():
        found.setdefault(_key(name), set()).add(name.lower())
    return {key: frozenset(names) for key, names in found.items()}


@cache
def _letters() -> dict[str, str]:
    """Each letter one country's language alone writes, and that country's code."""
    return {letter: code for code, letters in _COUNTRIES["letters"].items() for letter in letters}


def letters_country(name: str) -> tuple[str, str] | None:
    """The country whose language alone writes a letter of a place's name ("Łuków": Poland),
    when its letters point to one country only; the weakest sign of a partner's country,
    read where the page names none.

    >>> letters_country("Łuków"), letters_country("Kőszeg"), letters_country("Mondsee")
    (('Pologne', 'PL'), ('Hongrie', 'HU'), None)
    """
    codes = {code for letter in name.casefold() if (code := _letters().get(letter))}
    if len(codes) != 1:
        return None
    code = codes.pop()
    return country_name(code), code


@cache
def _local_kinds() -> dict[str, str]:
    """Each kind of place one country's administration alone has (folded), and its code."""
    return {fold(kind): code for code, kinds in _COUNTRIES["local_kinds"].items() for kind in kinds}


def local_kind_country(before: str) -> tuple[str, str] | None:
    """The country of a place whose name comes after ``before`` when ``before`` ends on a
    kind of place of that country's own administration, maybe with a particle ("président
    du Samtgemeinde ", "la Comune di "); a kind several countries have gives none.

    >>> local_kind_country("président du Samtgemeinde "), local_kind_country("la Comune di ")
    (('Allemagne', 'DE'), ('Italie', 'IT'))
    >>> local_kind_country("la commune de ") is None
    True
    """
    words = re.findall(r"[^\W\d_]+", before[-LOCAL_KIND_REACH:])
    while words and words[-1].lower() in PARTICLES:
        words.pop()
    if not words or not words[-1][:1].isupper() or (code := _local_kinds().get(fold(words[-1]))) is None:
        return None
    return country_name(code), code


LOCAL_KIND_REACH = 40  # characters before a name where its kind and a particle stand


def region_country(name: str) -> str | None:
    """The ISO 3166-1 code of the country a region's name (a Land, a province, a county,
    in French or in its own language) is in.

    >>> region_country("Rhénanie-Palatinat"), region_country("Rheinland-Pfalz"), region_country("Devonshire")
    ('DE', 'DE', 'GB')
    >>> region_country("Transylvanie"), region_country("Nord"), region_country("Allemagne")
    ('RO', None, None)

    A name written with an accent its region's names do not have is another word: "au
    Marché de Noël" is no Italian region "Marche" (a page that writes accents writes them
    right; one typed without any still finds "Baviere").

    >>> region_country("Marché"), region_country("Marche"), region_country("Baviere")
    (None, 'IT', 'DE')
    """
    key = _key(name)
    if _accented(name) and not any(_accented(n) for n in _region_spellings().get(key, ())):
        return None
    return _regions().get(key)


def _accented(text: str) -> bool:
    """The text holds a letter with a diacritic."""
    return any(unicodedata.decomposition(c) for c in text if c.isalpha())


def country_in(phrase: str) -> tuple[str, str] | None:
    """The country a phrase beside a place names, and its code: its name in any usual
    spelling ("Mali", "Cisjordanie"), after a preposition ("au Mali"), or its adjective
    in any gender and number after nouns of places ("ville allemande", "commune
    malienne", "camps sahraouis"). An adjective gives the country's French name.

    >>> country_in("Mali"), country_in("aux Pays-Bas"), country_in("ville allemande")
    (('Mali', 'ML'), ('Pays-Bas', 'NL'), ('Allemagne', 'DE'))
    >>> country_in("commune rurale malienne"), country_in("Kosovo"), country_in("ville de Kita")
    (('Mali', 'ML'), ('Kosovo', 'XK'), None)
    >>> country_in("une commune du Mali"), country_in("ville d'Allemagne")
    (('Mali', 'ML'), ('Allemagne', 'DE'))

    A country's ISO 3166-1 code alone, in capitals, is its name in a note's or a sheet's
    shorthand ("Dianguirdé [ML]", "Kita (ML)"): the code of a country, never a word.

    >>> country_in("ML"), country_in("DE"), country_in("Ml"), country_in("UE")
    (('Mali', 'ML'), ('Allemagne', 'DE'), None, None)
    """
    phrase = phrase.strip()
    if code := country_code(phrase):
        return phrase, code
    if _ISO_CODE.fullmatch(phrase) and pycountry.countries.get(alpha_2=phrase) is not None:
        return country_name(phrase), phrase
    words = phrase.split()
    named = " ".join(words[1:])
    if len(words) > 1 and words[0].lower() in _PREPOSITIONS and (code := country_code(named)):
        return named, code
    if (words and len(words) <= 4 and all(w.lower() in _PLACE_NOUNS for w in words[:-1])
            and (code := _adjectives().get(_key(words[-1])))):
        return country_name(code), code
    if (of := _OF_COUNTRY.fullmatch(phrase)) and (code := country_code(of["country"])):
        return of["country"], code  # "une commune du Mali"
    return None


_ISO_CODE = re.compile(r"[A-Z]{2}")


@cache
def _adjectives() -> dict[str, str]:
    """Every form of the country adjectives of the lexicon, by key: the masculine
    singular and the forms the rules of ``endings`` (or ``irregular``) give; a region's
    adjective (``region_adjectives``: "bavarois", "toscane") gives its country too.

    >>> [_adjectives()[_key(w)] for w in ("allemandes", "bavaroise", "toscans", "gallois")]
    ['DE', 'DE', 'IT', 'GB']
    """
    endings = sorted(((end, forms) for end, forms in _COUNTRIES["endings"].items() if end != "*"),
                     key=lambda pair: -len(pair[0]))
    found: dict[str, set[str]] = {}
    tables = [(code, adjectives, True) for code, adjectives in _COUNTRIES["adjectives"].items()]
    tables += [(code, adjectives, False) for code, adjectives in _COUNTRIES["region_adjectives"].items()]
    for code, adjectives, own in tables:
        forms = list(_COUNTRIES["irregular"].get(code, [])) if own else []
        for adjective in adjectives:
            end, others = next(((e, f) for e, f in endings if adjective.endswith(e)),
                               ("", _COUNTRIES["endings"]["*"]))
            stem = adjective[:len(adjective) - len(end)]
            forms += [adjective, *(stem + other for other in others)]
        for form in forms:
            found.setdefault(_key(form), set()).add(code)
    return {key: codes.pop() for key, codes in found.items() if len(codes) == 1}


# A word of a heading, an elided article before it aside ("L’amitié": "amitié").
_HEADING_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ELIDED_ARTICLE = re.compile(r"^(?:[LlDd]|[Qq]u)['’]")
COUNTRY_NAME_WORDS = 3  # words of a country's name ("Sahara occidental", "République du Mali")


@cache
def _compound_prefixes() -> dict[str, str]:
    """The first parts of compound adjectives of two peoples ("franco-", "germano-"), by
    the code of the country each stands for."""
    return {fold(prefix): code for code, prefixes in _COUNTRIES["compound_prefixes"].items()
            for prefix in prefixes}


@cache
def _periphrases() -> dict[str, str]:
    """The words that name a country by what lies between it and France ("outre-Rhin"),
    by key, with its code (``periphrases``)."""
    return {_key(word): code for code, words in _COUNTRIES["periphrases"].items() for word in words}


def _adjective_country(word: str) -> str | None:
    """The country a word names as its adjective or demonym, in any gender and number
    ("allemande", "sahraouis"), or as a compound adjective of two peoples one of which is
    the home country's ("franco-allemande", "germano-français"): the other country.

    >>> [_adjective_country(w) for w in ("cubain", "franco-allemande", "germano-françaises", "jumelage")]
    ['CU', 'DE', 'DE', None]

    A country named by what lies between it and France is one too ("outre-Rhin": Germany).
    """
    if code := _adjectives().get(_key(word)) or _periphrases().get(_key(word)):
        return code
    first, dash, last = word.rpartition("-")
    if not dash or "-" in first:
        return None
    prefix = _compound_prefixes().get(fold(first))
    other = _adjectives().get(_key(last))
    if prefix == HOME_COUNTRY and other != HOME_COUNTRY:
        return other
    if other == HOME_COUNTRY and prefix != HOME_COUNTRY:
        return prefix
    return None


def heading_country(heading: str) -> str | None:
    """The country a heading names as its one subject, with no place of its own: by its
    name after a lead-in ("Solidarité avec le Mali") or by its adjective, a people's
    demonym or a compound adjective with the home country's ("Le jumelage cubain", "Aux
    côtés du peuple palestinien", "L’amitié franco-allemande"): every other word is in
    lower case but the first. ``None`` for a heading naming two countries, a place
    ("Gao au Mali": "Gao" is capitalised after the first word is), the home country, or
    no country. A heading in capitals is read in lower case, a country's name whatever
    its case ("SOLIDARITÉ AVEC LE MALI"); its first word then never vouches for a place.

    >>> [heading_country(h) for h in ("L’amitié franco-allemande", "Solidarité avec le Mali",
    ...                               "Un nouveau partenariat arménien", "Avec le peuple sahraoui")]
    ['DE', 'ML', 'AM', 'EH']
    >>> [heading_country(h) for h in ("Le jumelage avec Gao au Mali", "Jeunes maliens et sénégalais",
    ...                               "La coopération française", "Historique du jumelage")]
    [None, None, None, None]
    """
    if re.search(r"[(\[]", heading):
        return None  # "Gao (Mali)": a place and its country in brackets
    text = heading_text(heading)
    capitals = not any(c.islower() for c in text)  # "SOLIDARITÉ AVEC LE MALI"
    words = [_ELIDED_ARTICLE.sub("", w.strip("'’-"))
             for w in _HEADING_WORD.findall(text.lower() if capitals else text)]
    words = [w for w in words if w]
    codes: set[str] = set()
    n = 0
    while n < len(words):
        word = words[n]
        if word[:1].isupper() or (capitals and n and country_code(word)):
            if named := _country_at(words, n):
                codes.add(named[0])
                n += named[1]
                continue
            if n:
                return None  # a name beside the country's: a place's, a person's
        elif code := _adjective_country(word):
            codes.add(code)
        n += 1
    return codes.pop() if len(codes) == 1 and HOME_COUNTRY not in codes else None


def countries_named(text: str) -> set[str]:
    """The codes of the countries a text names, by their names (one to three capitalised
    words) or by their adjectives and demonyms, in any gender and number.

    >>> sorted(countries_named("Village de réfugiés sahraouis près de Smara (Algérie)"))
    ['DZ', 'EH']
    """
    words = [_ELIDED_ARTICLE.sub("", w.strip("'’-")) for w in _HEADING_WORD.findall(text)]
    found: set[str] = set()
    for n, word in enumerate(words):
        if code := _adjective_country(word):
            found.add(code)
        if word[:1].isupper() and (named := _country_at(words, n)):
            found.add(named[0])
    return found


def peoples_named(text: str) -> set[str]:
    """The codes of the countries a text names by their adjectives and demonyms only, in
    any gender and number ("les hôpitaux cubains", "militant sahraoui"), not by their names
    ("une fête en Allemagne" tells where, not whose).

    >>> sorted(peoples_named("Un militant sahraoui reçu en Allemagne"))
    ['EH']
    """
    words = [_ELIDED_ARTICLE.sub("", w.strip("'’-")) for w in _HEADING_WORD.findall(text)]
    return {code for word in words if word[:1].islower() and (code := _adjective_country(word))}


def _country_at(words: list[str], n: int) -> tuple[str, int] | None:
    """The country whose name starts at ``words[n]`` (one to ``COUNTRY_NAME_WORDS`` words,
    the longest first: "Guinée équatoriale" before "Guinée"): its code and its words' count.

    >>> _country_at(["en", "Guinée", "équatoriale", "et"], 1), _country_at(["en", "Gao"], 1)
    (('GQ', 2), None)
    """
    for k in range(min(COUNTRY_NAME_WORDS, len(words) - n), 0, -1):
        if code := country_code(" ".join(words[n:n + k])):
            return code, k
    return None


# A place named by its kind in a sentence ("la commune de Sissian", "la ville d’Ostrava"):
# its name is capitalised words joined by dashes or spaces.
_KIND_OF_PLACE = re.compile(
    rf"(?<!\w)(?i:{_phrases(_COUNTRIES['written']['place_nouns'])})\s+"
    rf"(?:(?:{_phrases(_COUNTRIES['written']['of'])})\s+|d{APOSTROPHES}\s*)"
    rf"(?P<name>{CAPITAL}[\w]*(?:-[\w]+){{0,4}}(?:\s+{CAPITAL}[\w]*(?:-[\w]+){{0,4}}){{0,2}})")


def place_of_country(text: str, code: str) -> str | None:
    """The place a text names by its kind ("la commune de Sissian") in a sentence that names
    the country ``code`` ("… au sud de l’Arménie"), the first such; ``None`` when none.

    >>> place_of_country("Nous aidons la commune de Sissian, au sud de l’Arménie. Rien.", "AM")
    'Sissian'
    >>> place_of_country("Nous aidons la commune de Sissian. L’Arménie est loin.", "AM") is None
    True
    """
    for sentence in sentences(text):
        if code not in countries_named(sentence):
            continue
        for found in _KIND_OF_PLACE.finditer(sentence):
            name = found["name"]
            if name[:1].isupper() and not country_code(name):
                return name
    return None


def place_elsewhere(text: str) -> tuple[str, str] | None:
    """The place a text's first sentence names by its kind, and the one country that
    sentence names (not the home country), when it names one only: where a people's
    partner lives ("Camps de réfugiés de la région de Tindouf, au sud-ouest de
    l'Algérie" under "Pour le peuple sahraoui").

    >>> place_elsewhere("Camps de la région de Tindouf, au sud-ouest de l’Algérie. Un soutien.")
    ('Tindouf', 'DZ')
    >>> place_elsewhere("La région de Tindouf est loin."), place_elsewhere("Le Mali et le Niger.")
    (None, None)
    """
    found = sentences(text)
    sentence = found[0] if found else text
    named = countries_named(sentence) - {HOME_COUNTRY}
    if len(named) != 1:
        return None
    code = named.pop()
    for kind in _KIND_OF_PLACE.finditer(sentence):
        if kind["name"][:1].isupper() and not country_code(kind["name"]):
            return kind["name"], code
    return None


_TIE_WORDS = re.compile(r"(?<!\w)(?:" + "|".join(
    [re.escape(fold(stem)) + r"\w*" for stem in lexicon("headings")["tie_stems"]]
    + [re.escape(fold(act)) + r"s?" for act in lexicon("headings")["tie_acts"]]) + r")(?!\w)")
_WITH = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, lexicon("headings")["paragraph_lead_ins"]))
                   + r")\s+", re.IGNORECASE)
# A name right after "avec": capitalised words joined by dashes or spaces ("Brandebourg-sur-la-Havel")
_NAME_AT = re.compile(rf"{CAPITAL}[\w]*(?:-[\w]+){{0,5}}(?:\s+{CAPITAL}[\w]*(?:-[\w]+){{0,4}}){{0,2}}")
TIE_REACH = 40  # characters after "avec" where the place's kind and name are read


def place_of_tie(text: str) -> str | None:
    """The place a text's first sentence names as the town's partner: after "avec", in a
    sentence that names a tie or the act that sealed it ("Jumelage signé en 1963 avec
    Brandebourg-sur-la-Havel", "Protocole d'accord signé en 2005 avec la commune rurale
    de Dianguirdé"), by its name or by its kind and name; ``None`` when it names none, or a
    country only.

    >>> place_of_tie("Jumelage signé en 1963 avec Wolfach, en Forêt-Noire. Des échanges.")
    'Wolfach'
    >>> place_of_tie("Protocole d'accord signé en 2005 avec la commune rurale de Kita, région de Kayes.")
    'Kita'
    >>> place_of_tie("Une amitié avec le Mali."), place_of_tie("Rencontre avec Anne Dupont.")
    (None, None)
    """
    found = sentences(text)
    sentence = found[0] if found else text
    if not _TIE_WORDS.search(fold(sentence)):
        return None
    for after in _WITH.finditer(sentence):
        rest = sentence[after.end():after.end() + TIE_REACH + 40]
        kind = _KIND_OF_PLACE.search(rest)
        if kind and kind.start() <= TIE_REACH:
            name = kind["name"]
        elif named := _NAME_AT.match(rest):
            name = named.group()
        else:
            continue
        if not country_code(name):
            return name
    return None


def country_name(code: str) -> str:
    """A country's usual French name: the lexicon's where municipal pages name it
    otherwise than the Unicode CLDR, else the CLDR's.

    >>> country_name("DE"), country_name("XK"), country_name("PS")
    ('Allemagne', 'Kosovo', 'Palestine')
    """
    from babel import Locale

    return _COUNTRIES["usual_names"].get(code) or str(Locale("fr").territories.get(code, code))


def country_in_text(text: str, home: str | None = HOME_COUNTRY) -> tuple[str, str] | None:
    """The first country a description places its partner in: after a preposition
    ("située au Mali") or as an adjective after a noun of places ("commune malienne"),
    else the country of the first region it names after a preposition ("située dans le
    Devonshire"), a region of ``home`` aside.

    >>> country_in_text("Dianguirdé est une commune malienne de la région de Kayes.")
    ('Mali', 'ML')
    >>> country_in_text("La ville, située en Allemagne, compte 100 000 habitants."), country_in_text("Rien.")
    (('Allemagne', 'DE'), None)
    >>> country_in_text("La commune, située dans le Devonshire, au bord de la Teign.")
    ('Royaume-Uni', 'GB')
    >>> country_in_text("Une commune de la Bretagne."), country_in_text("Une commune de la Bretagne.", None)
    (None, ('France', 'FR'))
    >>> country_in_text("Ploumilliau dans les Côtes d'Armor", None)
    ('France', 'FR')
    """
    words = re.findall(r"[\w'’-]+", text)
    for i, word in enumerate(words):
        if word.lower() in _PREPOSITIONS:
            if words[i + 1:i + 2] and words[i + 1][:1].isupper() and (found := _country_at(words, i + 1)):
                return " ".join(words[i + 1:i + 1 + found[1]]), found[0]
        elif i and words[i - 1].lower() in _PLACE_NOUNS and (code := _adjectives().get(_key(word))):
            return country_name(code), code
    return _region_in_text(re.findall(r"[\w-]+|['’]", text), home)


def _region_in_text(words: list[str], home: str | None) -> tuple[str, str] | None:
    """The country of the first region a text places something in, after a preposition
    and maybe an article ("dans le Devonshire", "de la Bretagne"); a region of ``home``
    (the reading town's country, which a page names for itself) gives none."""
    for i, word in enumerate(words):
        if word.lower() not in _REGION_PREPOSITIONS:
            continue
        at = i + 1
        if at < len(words) and words[at].lower() in _REGION_DETERMINERS:
            at += 1
        if at < len(words) and words[at] in "'’":
            at += 1
        for size in (5, 4, 3, 2, 1):  # "Côtes d ' Armor": an apostrophe is a word, written tight
            named = re.sub(r"\s*(['’])\s*", r"\1", " ".join(words[at:at + size]))
            if named[:1].isupper() and (code := region_country(named)) and code != home:
                return country_name(code), code
    return None


def bracket_parts(bracket: str) -> list[str]:
    """The parts of a heading's brackets.

    >>> bracket_parts("Matanzas, Cuba"), bracket_parts("France et Belgique")
    (['Matanzas', 'Cuba'], ['France', 'Belgique'])
    """
    return _BRACKET_PARTS.split(bracket)


def countries(bracket: str | None) -> tuple[str | None, str | None]:
    """The ``country_name`` and ``country_code`` of a heading's brackets: the countries
    they name, " | " between two; what they hold as written when it names no country.

    >>> countries("France, Belgique"), countries("Matanzas, Cuba")
    (('France | Belgique', 'FR | BE'), ('Cuba', 'CU'))
    >>> countries("Cisjordanie, Palestine")
    ('Palestine', 'PS')
    >>> countries("Atlantide"), countries(None)
    (('Atlantide', None), (None, None))
    """
    if not bracket:
        return None, None
    found = [named for part in bracket_parts(bracket) if (named := country_in(part))]
    if not found:
        return bracket, None
    # a territory and its country ("Cisjordanie, Palestine") are one country: the wider name
    by_code = {code: name for name, code in found}
    return " | ".join(by_code.values()), " | ".join(by_code)


_LEADING_BRACKETS = re.compile(r"\(\s*([^()\n]{1,80}?)\s*\)")


def leading_brackets(text: str) -> str | None:
    """What the brackets that open a text hold: a heading's brackets written on the line
    under it ("Aveiro" then "(Portugal) 1989").

    >>> leading_brackets("(Portugal) 1989"), leading_brackets("Aveiro (Portugal)")
    ('Portugal', None)
    """
    found = _LEADING_BRACKETS.match(text.lstrip())
    return found[1] if found else None


def partner_countries(bracket: str | None) -> tuple[str | None, str | None]:
    """What brackets beside a partner's name say of its country: the countries they name
    (:func:`countries`), else the country of the region they name ("Sulzheim
    (Rhénanie-Palatinat)", "Kita (Kayes)"). Only a partner's country reads regions: a
    heading's brackets decide no structure by them.

    >>> partner_countries("Rhénanie-Palatinat"), partner_countries("Bavière, Souabe")
    (('Allemagne', 'DE'), ('Allemagne', 'DE'))
    >>> partner_countries("Mali"), partner_countries("Atlantide")
    (('Mali', 'ML'), ('Atlantide', None))
    """
    named = countries(bracket)
    if named[1] or not bracket:
        return named
    regions = {code for part in bracket_parts(bracket)
               if part[:1].isupper() and (code := region_country(part.strip()))}
    if len(regions) != 1:
        return named
    code = regions.pop()
    return country_name(code), code


@cache
def _agreement_pattern() -> re.Pattern[str]:
    """The agreements of the schema's vocabulary, as a page may write them: any
    apostrophe, a hyphen or a space between words, the first word in the plural."""
    alternatives = []
    for value in sorted(categories("partners", "agreement_type"), key=len, reverse=True):
        words = re.split(r"(['\s-])", value)
        pattern = ""
        for i, piece in enumerate(words):
            if piece == "'":
                pattern += APOSTROPHES
            elif piece in (" ", "-"):
                pattern += r"[\s-]+"
            else:
                pattern += re.escape(piece) + ("s?" if i == 0 else "")
        alternatives.append(pattern)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


_BRACKET = re.compile(r"\(([^()\n]{1,80})\)")


def _sentences_of_tie(description: str) -> list[str]:
    """The sentences of a description, the years of a list of other twins each with its
    country in brackets masked ("… 5e après Triberg (Allemagne, 1963), Fredericksburg
    (États-Unis, 1980) …": theirs, none the agreement the sentence tells).

    >>> _sentences_of_tie("Le jumelage est né après Zell (Allemagne, 1963) et Rye (Angleterre, 1980).")
    ['Le jumelage est né après Zell (Allemagne, ####) et Rye (Angleterre, ####).']
    >>> _sentences_of_tie("Le jumelage avec Zell (Allemagne, 1963) fut fêté.")
    ['Le jumelage avec Zell (Allemagne, 1963) fut fêté.']
    """
    out = []
    for sentence in sentences(description):
        listed = [b for b in _BRACKET.finditer(sentence) if _YEAR.search(b[1]) and countries(b[1])[1]]
        if len(listed) > 1:
            for bracket in listed:
                inside = _YEAR.sub(lambda m: "#" * len(m.group()), bracket.group())
                sentence = sentence[:bracket.start()] + inside + sentence[bracket.end():]
        out.append(sentence)
    return out


def agreement(description: str) -> Agreement | None:
    """The agreement a partner's description names, with its year: in the first sentence
    that names one of the vocabulary and a year, the twinning agreement when it names
    several ("une charte d'amitié signée en 1970, puis une charte de jumelage signée le 3
    novembre 1973"), else the first; each agreement's year is the one written nearest it
    (:func:`_year_near`), only after it in a sentence of the tie's anniversary ("En février
    2008, nous avons fêté le 20e anniversaire de notre charte de jumelage": 2008 is the
    celebration's). A sentence that tells the tie renewed ("Il a été réaffirmé le 24
    octobre 2012 … par la signature d'une charte") gives the agreement's type, not its
    year, when no other sentence tells it.

    >>> agreement("Ce partenariat a été scellé en 2009 par une charte d’amitié.")
    Agreement(year=2009, type="charte d'amitié", twinning=False)
    >>> agreement("Un accord cadre a été signé en 2015 avec la commune.")
    Agreement(year=2015, type='accord-cadre', twinning=False)
    >>> agreement("Une charte d’amitié signée en 1970, puis une charte de jumelage le 3 mai 1973.")
    Agreement(year=1973, type='charte de jumelage', twinning=False)
    >>> agreement("Il a été réaffirmé le 24 octobre 2012 par la signature d’une charte de coopération.")
    Agreement(year=None, type='charte de coopération', twinning=False)
    """
    renewed: Agreement | None = None
    for sentence in _sentences_of_tie(description):
        kinds = list(_agreement_pattern().finditer(sentence))
        years = [(m.start(), int(m.group())) for m in _YEAR.finditer(sentence)]
        if kinds and (renewal := _RENEWAL.search(sentence)):
            if signed := _signed_before(sentence, renewal.start(), kinds, years):
                return signed
            renewed = renewed or Agreement(None, _agreement_kind(kinds[0]))
            continue
        nearest = _years_near(years, [kind.span() for kind in kinds], not _ANNIVERSARY.search(sentence))
        found = [Agreement(year, _agreement_kind(kind)) for kind, year in zip(kinds, nearest, strict=True)
                 if year is not None]
        if found:
            return next((a for a in found if TWINNING_WORD in a.type), found[0])
    return _aged(description) or _sealed(description) or renewed


# a tie's age ("le 20ème anniversaire", "30 ans de jumelage"), read here and in the story
# reader for the year of writing (pipeline/narrative.py)
TIE_AGE = re.compile(pattern(lexicon("narrative")["tie_age"]))


def tie_age(found: re.Match[str]) -> int | None:
    """The age a match of :data:`TIE_AGE` gives: in figures ("30e anniversaire", "30 ans de
    jumelage") or as an ordinal in words ("soixantième anniversaire": 60)."""
    from .numbers import ordinal

    if found["ordinal"]:
        return ordinal(found["ordinal"])
    return int(found["age"] or found["years"])
OLDEST_TIE = 120  # years: an older "anniversary" is no twinning's


def _aged(description: str) -> Agreement | None:
    """The tie's year a sentence gives by the anniversary it celebrates in a year it writes
    after it ("Le 20ème anniversaire du jumelage sera célébré en mars et avril 2016": 1996;
    "fêté ses 30 ans de jumelage en 2016": 1986), before any other sentence's guess at it (a
    project "lancé depuis fin 2015" in the same news is no tie).

    >>> _aged("Le 20ème anniversaire du jumelage sera célébré en mars et avril 2016.")
    Agreement(year=1996, type='', twinning=True)
    >>> _aged("Nous préparons le 20ème anniversaire du jumelage.") is None
    True
    >>> _aged("Le 30e anniversaire du jumelage signé en 1985 a réuni cent personnes.") is None
    True
    """
    for sentence in _sentences_of_tie(description):
        folded = fold(sentence)
        for age in TIE_AGE.finditer(folded):
            year = _YEAR.search(folded, age.end())
            n = tie_age(age)
            # the year it is celebrated in, after a verb of celebration: not the tie's own
            # year written after it ("le 30e anniversaire du jumelage signé en 1985")
            if year and n is not None and 0 < n <= OLDEST_TIE \
                    and _CELEBRATED.search(folded, age.end(), year.start()):
                return Agreement(int(year.group()) - n, "", True)
    return None


_CELEBRATED = re.compile(r"\b(?:" + "|".join(
    re.escape(fold(w)) for w in lexicon("narrative")["celebration_stems"]) + r")\w*")


def _signed_before(sentence: str, renewal: int, kinds: list[re.Match[str]],
                   years: list[tuple[int, int]]) -> Agreement | None:
    """The agreement a sentence tells signed before it tells it renewed (at ``renewal``):
    "Le 6 juin 1965, les maires ont signé le serment de jumelage, serment renouvelé le 1er
    mai 2005": an agreement and a verb of sealing before the renewal, and the year written
    nearest the agreement before it.

    >>> kinds = list(_agreement_pattern().finditer(text := "En 1965, ils ont signé le serment "
    ...              "de jumelage, serment renouvelé en 2005."))
    >>> _signed_before(text, text.index("renouvelé"), kinds, [(3, 1965), (text.index("2005"), 2005)])
    Agreement(year=1965, type='serment de jumelage', twinning=False)
    """
    before = [kind for kind in kinds if kind.end() <= renewal]
    earlier = [(at, year) for at, year in years if at < renewal]
    if not before or not earlier or not _SEALING.search(sentence, 0, renewal):
        return None
    year = _years_near(earlier, [kind.span() for kind in before])[0]
    return Agreement(year, _agreement_kind(before[0])) if year is not None else None


def _agreement_kind(found: re.Match[str]) -> str:
    """The vocabulary's value of an agreement as a page wrote it ("Les accords de
    jumelage" is "accord de jumelage")."""
    return _agreement_values()[_key(re.sub(r"^(\w+?)s\b", r"\1", found.group()))]


def _year_near(years: list[tuple[int, int]], word: tuple[int, int], words: list[tuple[int, int]],
               before: bool = True) -> int | None:
    """The year written nearest ``word``, one of ``words`` (:func:`_years_near`)."""
    return _years_near(years, words, before)[words.index(word)]


def _years_near(years: list[tuple[int, int]], words: list[tuple[int, int]],
                before: bool = True) -> list[int | None]:
    """For each of ``words`` (its start and end), the year written nearest it among those
    nearer it than any other word (each agreement of a sentence takes its own: "une charte
    d'amitié signée en 1970, puis une charte de jumelage signée le 3 novembre 1973"); after
    it rather than before at equal distance; only after it when not ``before``. ``years``:
    their offsets and values; ``words`` in the order of the sentence, none inside another,
    so a year's nearest word is the last to start before it or the first after it: a
    sentence of thousands of agreements and years is weighed in n log n, not n².

    >>> _years_near([(0, 1970), (60, 1973)], [(10, 25), (40, 55)])
    [1970, 1973]
    >>> _years_near([(0, 1970), (60, 1973)], [(10, 25), (40, 55)], before=False)  # 1970 is before
    [None, 1973]
    """
    def distance(at: int, span: tuple[int, int]) -> int:
        return span[0] - at if at < span[0] else at - span[1]

    starts = [start for start, _ in words]
    best: list[tuple[int, bool, int] | None] = [None] * len(words)
    for at, year in years if words else []:
        i = bisect_right(starts, at)
        beside = {j: distance(at, words[j]) for j in (i - 1, i) if 0 <= j < len(words)}
        nearest = min(beside.values())
        for j, far in beside.items():
            if far == nearest and (before or at >= words[j][1]):
                key = (far, at < words[j][0], year)
                current = best[j]
                if current is None or key < current:
                    best[j] = key
    return [b[2] if b else None for b in best]


def _sealed(description: str) -> Agreement | None:
    """The tie's year from the first sentence that says when it was sealed without naming
    an agreement of the vocabulary: a word of the tie and a verb of sealing ("Le jumelage a
    été signé en 1985", "Le jumelage date du 3 septembre 1982"), the first after the word,
    and the year written nearest the verb (only after it in a sentence of the tie's
    anniversary), or "depuis" right before the year ("Depuis 1997, la ville est jumelée
    avec …") or, after the tie's word, before its day and month ("jumelée depuis le 13 mai
    2011"); else the first sentence that tells the first twinning with its year ("les
    participants du tout premier jumelage en 1967"). A sentence that tells the tie renewed
    is not read. Its type is not said.

    >>> _sealed("Le jumelage avec Cassel a été officialisé le 28 novembre 2000.")
    Agreement(year=2000, type='', twinning=True)
    >>> _sealed("Les deux villes échangent depuis 2004. Le partenariat a été signé en 2006.")
    Agreement(year=2006, type='', twinning=False)
    >>> _sealed("Nos relations ont commencé en 1986 et un jumelage a été officialisé le 28 novembre 2000.")
    Agreement(year=2000, type='', twinning=True)
    >>> _sealed("La ville coopère avec la commune malienne de Duguwolowila depuis 2002.")
    Agreement(year=2002, type='', twinning=False)
    >>> _sealed("Le comité de jumelage, créé en 1990, organise des voyages.") is None
    True
    >>> _sealed("Vaux entretient des liens étroits avec cette commune depuis 1987.")
    Agreement(year=1987, type='', twinning=False)
    >>> _sealed("Ces actions suivent le jumelage entre Vaux et Kita décidé en 1988.")
    Agreement(year=1988, type='', twinning=True)

    A sentence that tells the tie born or dating from a year gives its year unless a later
    one tells it signed: the act is the agreement, the birth its origin.

    >>> _sealed("Nos liens d'amitié sont nés en 1990. Le jumelage a été scellé en 1992.")
    Agreement(year=1992, type='', twinning=True)

    So does a twinning's act outrank the act of another tie told before it.

    >>> _sealed("En 1980, les maires scellaient une relation de coopération. Officiellement signé "
    ...         "en 1984, le jumelage fête ses 40 ans.")
    Agreement(year=1984, type='', twinning=True)

    A sentence that tells the tie renewed gives the year of the original act it writes
    with its own participle ("renouveler l'acte de jumelage signé en 1982"). Where no
    sentence seals the tie, the tie created ("Le jumelage avec Trittau a été créé en
    1971"), the span of an anniversary ("les vingt ans du jumelage (1994-2014)") and a
    dated line that is the tie alone ("1967 : Jumelage avec Duisdorf") give its year, and
    so does the tie's word with its year in brackets right after it, alone or after its act
    (a map's or a fiche's line "ville jumelée (1997)", "jumelée (protocole de 1963)"):

    >>> _sealed("La soirée permit de renouveler l’acte de jumelage signé en 1982 par les maires.")
    Agreement(year=1982, type='', twinning=True)
    >>> _sealed("Le jumelage a été renouvelé en 2024, soixante ans après sa signature en mai 1964.")
    Agreement(year=1964, type='', twinning=True)
    >>> _sealed("Le jumelage avec Trittau (Allemagne) a été créé en 1971.")
    Agreement(year=1971, type='', twinning=True)
    >>> _sealed("Le jumelage Zell/Vaux, créé en 1979, fêtera ses 45 ans en 2024.")
    Agreement(year=1979, type='', twinning=True)
    >>> _sealed("L’histoire des vingt ans du jumelage (1994 - 2014) entre Marolles et Lakamané")
    Agreement(year=1994, type='', twinning=True)
    >>> _sealed("Allemagne · ville jumelée (protocole de 1963)"), _sealed("Cuba · ville jumelée (1997)")
    (Agreement(year=1963, type='', twinning=True), Agreement(year=1997, type='', twinning=True))
    >>> _sealed("1967 : Jumelage avec Duisdorf\\n1984 : Création de la fête du jumelage")
    Agreement(year=1967, type='', twinning=True)
    >>> _sealed("1984 : Création de la fête du jumelage. La fête du jumelage, créée en 1984.") is None
    True
    >>> _sealed("2008 : jumelage des collèges de nos deux villes") is None
    True
    """
    told: re.Match[str] | None = None  # the tie the sentence before made its subject
    born: Agreement | None = None  # the first sentence that tells the tie born or dated from
    signed: Agreement | None = None  # the first that tells a tie other than a twinning signed
    for sentence in _sentences_of_tie(description):
        tie, told = _SEALED_TIE.search(sentence), _told_tie(sentence, told)
        if tie is None and told is None:
            continue
        said = tie if tie is not None else told
        twinning = said is not None and said.group().casefold().startswith(_TWINNING_STEM)
        if signed and not twinning:
            continue  # after another tie's act, only a twinning's own may outrank it
        tie_start = tie.start() if tie else 0
        if _RENEWAL.search(sentence):
            original = next((m for signed in (_SIGNED_ORIGINAL, _SIGNED_NOUN)
                             for m in signed.finditer(sentence) if not _RENEWAL.search(m["between"])), None)
            if original:
                return Agreement(int(original["year"]), "", twinning)
            continue
        if (since := _SINCE_YEAR.search(sentence) or (tie and _SINCE_DATE.search(sentence, tie.end()))) \
                and not _TITLE_OPENS.match(sentence, sentence.rfind("\n", 0, since.start()) + 1):
            # not "Président du comité … depuis 2020", opening its line: a person's term
            return Agreement(int(since["year"]), "", twinning)
        years = [(m.start(), int(m.group())) for m in _YEAR.finditer(sentence)]
        verbs = list(_SEALING.finditer(sentence))
        # the verb that seals the tie follows its word ("Les premiers contacts datent de
        # 1992 et le jumelage a été signé en 1995"), else any of the sentence
        sealing = next((v for v in verbs if v.start() >= tie_start), verbs[0] if verbs else None)
        if sealing and years and (year := _year_near(years, sealing.span(), [sealing.span()],
                                                     not _ANNIVERSARY.search(sentence))):
            if _SIGNING.match(sealing.group()):
                if twinning:
                    return Agreement(year, "", twinning)
                # "scellait une relation d'amitié et de coopération" in 1964, then "Officiellement
                # paraphé en 1967, le jumelage …": the twinning's act outranks another tie's
                signed = signed or Agreement(year, "", twinning)
                continue
            born = born or Agreement(year, "", twinning)  # "Les relations sont nées en 1990":
            # the tie's origin, unless a later sentence tells it signed ("officiellement scellé")
    if signed or born:
        return signed or born
    for sentence in _sentences_of_tie(description):
        if _RENEWAL.search(sentence):
            continue
        if (created := _CREATED_TIE.search(sentence)) \
                and (year_after := _YEAR.search(sentence, created.end())):
            return Agreement(int(year_after.group()), "", _is_twinning(created.group()))
        if span := _TIE_SPAN.search(sentence) or _BRACKETED_TIE.search(sentence):
            return Agreement(int(span["year"]), "", _is_twinning(span.group()))
    if dated := _DATED_TIE.search(description):
        return Agreement(int(dated["year"]), "", _is_twinning(dated.group()))
    for sentence in _sentences_of_tie(description):
        years = [(m.start(), int(m.group())) for m in _YEAR.finditer(sentence)]
        if (first := _FIRST_TIE.search(sentence)) and years and not _RENEWAL.search(sentence) and (
                year := _year_near(years, first.span(), [first.span()], not _ANNIVERSARY.search(sentence))):
            return Agreement(year, "", True)
    return None


def bracketed_tie(text: str) -> int | None:
    """The year the tie's word has in brackets right after it ("La Lisa (Cuba) – ville
    jumelée (1997)", a map's popup line joined to its heading): the tie's year.

    >>> bracketed_tie("La Lisa (Cuba) – ville jumelée (1997)"), bracketed_tie("Gao (Mali)")
    (1997, None)
    """
    found = _BRACKETED_TIE.search(text)
    return int(found["year"]) if found else None


_SUBJECT_PRONOUN = re.compile(
    r"^\W*(?:" + "|".join(re.escape(w) for w in lexicon("connectives")["subject_pronouns"]) + r")\s",
    re.IGNORECASE)


def _told_tie(sentence: str, before: re.Match[str] | None) -> re.Match[str] | None:
    """The tie a sentence speaks of by a subject pronoun, the sentence before having it as
    its subject ("Le jumelage a débuté en 1989. Il est officialisé en 1991."): that tie;
    else the tie the sentence opens on, for the next one.

    >>> _told_tie("Il est officialisé en 1991.", _SEALED_TIE.search("Le jumelage a débuté.")).group()
    'jumelage'
    >>> _told_tie("Il y a dix ans, la fête.", _SEALED_TIE.search("Le jumelage a débuté.")) is None
    True
    """
    if _SUBJECT_PRONOUN.match(sentence) and not _IMPERSONAL.match(sentence):
        return before
    tie = _SEALED_TIE.search(sentence)
    return tie if tie and tie.start() <= _SUBJECT_REACH else None


# how far into a sentence a tie's word is still its subject ("Le jumelage a débuté …",
# "Notre jumelage avec Diedorf a débuté …")
_SUBJECT_REACH = 16
_IMPERSONAL = re.compile(
    r"^\W*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lexicon("connectives")["impersonal"])
    + r")(?!\w)", re.IGNORECASE)


def _is_twinning(words: str) -> bool:
    """Whether the words that tell the tie name a twinning (the stem of its word)."""
    return _TWINNING_STEM in words.casefold()


def since_year(text: str) -> int | None:
    """The year "depuis" or "dès" opens in a text, as a heading writes its tie's year
    beside its place ("🇩🇪 Wolfach (depuis 1972)", "Tomar – jumelée depuis 1994").

    >>> since_year("Wolfach (depuis 1972)"), since_year("Wolfach (Allemagne)")
    (1972, None)
    """
    found = _SINCE_YEAR.search(text)
    return int(found["year"]) if found else None


def since_named(text: str, names_it: Callable[[str], bool]) -> int | None:
    """The year a partner's tie began where no sentence tells it sealed: "depuis" and a
    date, not opening the sentence, in the first sentence (of any line) that names this
    partner and no other (``names_it``) and does not tell the tie renewed ("Ogre en
    Lettonie depuis 2005", "l'association s'investit depuis octobre 1997 dans … le
    village de Kinsi").

    >>> since_named("Riga. Ogre en Lettonie depuis 2005 (lire)", lambda s: "Ogre" in s)
    2005
    >>> since_named("Depuis 2010, Ogre organise un festival.", lambda s: "Ogre" in s) is None
    True

    The span of a person or a thing of the partner, in the clause around "depuis"
    (``since_own``), is not the tie's:

    >>> since_named("Le maire d'Ogre, en poste depuis 2008, nous a reçus.", lambda s: "Ogre" in s) is None
    True
    >>> since_named("Président du jumelage avec Ogre depuis 2020, Jean parle.", lambda s: "Ogre" in s)
    """
    for line in text.splitlines():
        for sentence in sentences(line):
            if (since := _SINCE_NAMED.search(sentence)) and not _RENEWAL.search(sentence) \
                    and names_it(sentence) and not _own_span(sentence, since.start()) \
                    and not _TITLE_OPENS.match(sentence):  # "Président du comité … depuis 2020"
                return int(since["year"])
    return None


def _own_span(sentence: str, at: int) -> bool:
    """The clause (between commas) around ``at`` holds a word of a person's or a thing's
    own span (``since_own``: "en poste", "ouvert")."""
    start = sentence.rfind(",", 0, at) + 1
    end = sentence.find(",", at)
    clause = sentence[start:end if end >= 0 else len(sentence)]
    return not _SINCE_OWN.isdisjoint(w.casefold() for w in re.findall(r"[^\W\d_]+", clause))


@cache
def _agreement_values() -> dict[str, str]:
    return {_key(v): v for v in categories("partners", "agreement_type")}


def relationship(signed: Agreement | None) -> str:
    """A twinning when the agreement says so; any other tie is decentralised cooperation."""
    if signed and (TWINNING_WORD in signed.type or signed.twinning):
        return TWINNING
    return COOPERATION


def first_link(description: str, first_action_year: int | None) -> tuple[int, str] | None:
    """The earliest year of a tie with the town, and its precision ("year" or "decade").

    Taken from the description's sentences about the tie ("Les premiers liens … datent des
    années 1980", "En 1985, des associations … ont apporté un soutien") and from the
    partner's earliest action.

    >>> first_link("Les premiers liens entre les deux villes datent des années 1980.", 2006)
    (1980, 'decade')
    >>> first_link("Le village a été fondé en 1921. Un accord de coopération a été signé en 2012.", 2003)
    (2003, 'year')
    """
    found: list[tuple[int, str]] = []
    for sentence in sentences(description):
        if not _LINK_WORDS.search(sentence):
            continue
        for m in _DECADE.finditer(sentence):
            found.append((int(m["decade"]), BY_DECADE))
        without_decades = _DECADE.sub("", sentence)
        found += [(int(y), BY_YEAR) for y in _YEAR.findall(without_decades)]
    if first_action_year is not None:
        found.append((first_action_year, BY_YEAR))
    return min(found) if found else None


def load_locations(path: Path) -> dict[str, Location]:
    """The cited coordinates of each partner's main place, by partner id."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["partner_id"]: Location(row["place"], float(row["latitude"]),
                                            float(row["longitude"]), row["source"])
                for row in csv.DictReader(handle)}
