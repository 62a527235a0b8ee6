"""Parse stage, narrative pages: a page (or the part of a page) about ONE partner, whose
events are dated inside its sentences.

Many towns tell a twinning as a story rather than as a list under a heading per partner:
a visit report ("Visite de nos amis de Brühl"), the history of a twinning, a news item.
:func:`pipeline.parse.parse` comes here when it finds no partner heading (or when dated
text stands before the first one). Two questions are answered here, each by a mechanism
that reads a class of French, its words in ``pipeline/french/lexicon/narrative.toml``:

- **Which partner.** The one the caller names (``about``: a town's configuration says
  which partner a page is about), else the place the page names after a cue of twinning
  ("jumelage avec", "nos amis de", "ville jumelle de", "coopère avec la commune malienne
  de", "Mission à"), counted over the page, the title's mentions weighing more; a place
  is a proper noun (never written in lower case on the page), neither a country, nor a
  country's adjective, nor the town itself; a page that names none after a cue names its
  partners on narrower evidence (a list of twin towns with their countries, a charter's two
  signatures, a trip's destination named again: :func:`_named_otherwise`), or none and
  stops. Its country: beside the name ("Trittau
  (Allemagne)", "Bellheim en Allemagne", "Rösrath, ville allemande", "la commune malienne
  de Duguwolowila"), else the first country the page places something in.
- **Which events.** A sentence that carries a date, wherever the date sits in it ("Fin
  1985 sous l'impulsion de …, eurent lieu …", "Le jeudi 4 juin vers 18h30, nous …"), starts
  an event; the undated sentences after it tell it until the next date. A date without its
  year ("le 5 juin", "Samedi 28 avril") takes the year told before; a relative date ("la
  même année", "l'année suivante", "deux ans plus tard", "le lendemain", a weekday alone
  after a day) is resolved against the date before; what happens within the event told or
  right after it ("Au cours de ce séjour", "immédiatement") is an event of its month; the
  past recalled ("le traité signé en 1964" in a 2014 visit) is an event whose sentence still
  tells the event told. The words as written stay the
  entry's label; the resolved date is its ``period_label``, which the extract stage reads.
  A date that opens on "since" ("depuis 1970": a reference, not an event), one in brackets,
  and one of a clause that qualifies the subject ("Signé en 1963, …") start no event. Two
  events of one sentence joined by a clause joiner, each with its date, are two; a list of
  whole years ("en 2008 et 2011") is one event a year; an item of a list is one event. Dated
  sentences before the partner is first named (national history, the idea of twinning)
  are the introduction: set aside and reported.

The page's own furniture (a by-line, a counter of visits, an image's file line, the date
of publication under the event's date) is set aside and reported like the rest of what
the parse stage sets aside.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Container, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import chain, islice, pairwise

from .config import saint_titles
from .dates import (CALENDAR_PERIODS, MONTH_ABBREVIATIONS, MONTHS, SEASONS, WEEKDAYS, Found, date_alone,
                    dates_of, find_dates, first_sentence, parse_label, relative_dates)
from .french import CAPITAL, lexicon
from .french.normalise import APOSTROPHE, fold, nfc
from .fields import CMS_FIELD, SPAN_FIELD, span_field, span_key_alone
from .gate import lower_words, sifted, tied_place
from .languages import other_language
from .numbers import POPULATION_NOUNS, read_number
from .places import OF_AN_ARTICLE, OLDEST_TIE, TIE_AGE, tie_age
from .read import Block

_WORDS = lexicon("narrative")
_WRITTEN = lexicon("countries")["written"]
_CUE_STEMS = tuple(fold(s) for s in _WORDS["cue_stems"])
_PARTNER_STEMS = tuple(fold(s) for s in _WORDS["partner_cue_stems"])
_OWN_CUE_STEMS = tuple(fold(s) for s in _WORDS["own_cue_stems"])
_PLURAL_CUES = frozenset(fold(w) for w in _WORDS["plural_cues"])
_LIST_CUES = frozenset(fold(w) for w in _WORDS["list_cues"])
_LIST_MARKERS = frozenset(fold(w) for w in _WORDS["list_markers"])
_LEAD_DETERMINERS = frozenset(fold(d) for d in _WORDS["lead_determiners"])
LEAD_WORDS = 2  # words that lead to a place: "à" alone leads to any place, "1960 à" less so
_NEAR = frozenset(fold(j) for j in _WORDS["near_joiners"])
_NEAR_WORDS = "|".join(re.escape(j) for j in _WORDS["near_joiners"])
_FAR = frozenset(fold(j) for j in _WORDS["far_joiners"])
_LOCATION_STEMS = tuple(_WORDS["location_stems"])
_INFINITIVE = re.compile(rf"\w{{3,}}(?:{'|'.join(_WORDS['infinitive_endings'])})")


def _pairs(joiners: list[str]) -> re.Pattern[str]:
    """The words between two places of a pair: a joiner, then maybe the second place's kind
    with its determiner ("la ville de Tsévié et le village d'Assomé") and its "de"; the
    first place's name may end on its number, as communes cut into several are named
    ("les communes Agoè-Nyivé 2 et Kloto 1")."""
    kind = (r"(?:(?:" + "|".join(re.escape(fold(d)) for d in _WORDS["lead_determiners"]) + r")\s*(?:"
            + "|".join(re.escape(fold(n)) for n in lexicon("countries")["written"]["place_nouns"])
            + r")\s+)?")
    return re.compile(r"\s*(?:\d{1,2}\s+)?(?:" + "|".join(re.escape(fold(j)) for j in joiners) + r")\s*"
                      + kind + r"(?:(?:"
                      + "|".join(re.escape(fold(j)) for j in _WORDS["near_joiners"]) + r")\s*)?")


_PAIR = _pairs(_WORDS["pair_joiners"])
_TEXT_PAIR = _pairs([j for j in _WORDS["pair_joiners"] if j.isalpha() or j in "&/"])
CUE_REACH = int(_WORDS["cue_reach"])
# "L'", "d'", "Qu'" before a word; never a name's own prefix ("N'Djamena": `name_prefixes`)
_ELIDED = re.compile(rf"^(?!(?:{'|'.join(lexicon('places')['name_prefixes'])}){APOSTROPHE}{CAPITAL})"
                     rf"[^\W\d_]{{1,2}}{APOSTROPHE}")
_NAME_PARTICLES = frozenset(lexicon("places")["particles"]) - frozenset(
    lexicon("countries")["written"]["prepositions"]) - frozenset(_WORDS["pair_joiners"])
_PLACE_NOUN = lexicon("countries")["written"]["place_nouns"][0]
_MONTH_NAME = {n: name for name, n in MONTHS.items()}
_FOLDED_MONTHS = {fold(name): n for name, n in MONTHS.items()}
_WEEKDAY_NAME = {n: name for name, n in WEEKDAYS.items()}

# A proper noun as a place's name: capitalised words, maybe joined by hyphens, particles
# ("Imouzzer du Kandar", "Radcliffe-on-Trent") or spaces ("Great Dunmow").
_PART = rf"{CAPITAL}[\w{APOSTROPHE[1:-1]}]*(?:-[\w]+(?:[{APOSTROPHE[1:-1]}][\w]+)?)*"
_PARTICLE = "|".join(sorted(map(re.escape, _NAME_PARTICLES), key=len, reverse=True))
_NAME = re.compile(rf"(?<![\w-]){_PART}(?:\s(?:(?:{_PARTICLE})\s)*{_PART})*")
# A sentence ends at a stop, unless the stop follows a capital alone: an initial or an
# abbreviation spelt letter by letter ("M. Praud", "l'O. N. E. P. (Office …)"); the next
# opens with a word, maybe after a quote's mark and the space French writes inside it
# ("… un nouvel élan. « Après la venue …").
# Nor does the stop of an abbreviated month before its year ("Ouagadougou, 16 nov. 2021
# (AIB) - La commune …": a dispatch's dateline), which is no end of a sentence.
_MONTH_STOP = "|".join(rf"(?<=(?<![\w]){re.escape(a)}\.)" for m in MONTH_ABBREVIATIONS
                       for a in (m, m.capitalize()))
_SENTENCE = re.compile(rf"(?<=[.!?…])(?<!(?<![\w]){CAPITAL}\.)(?!(?:{_MONTH_STOP})\s+\d)"
                       rf"\s+(?=(?:«\s?|[\"(])?[\w])"
                       r"|(?<=[.!?…][»\"])\s+|(?<!\s)\s+\|\s+")  # a run of spaces tried once
TITLE_WEIGHT, CUE_WEIGHT = 2, 3  # a mention in the title, after a cue of twinning; else 1
ENOUGH = CUE_WEIGHT  # a partner is named after a cue, or in the title and once more
CUE_WINDOW = 120  # characters of a sentence before a name where its cue is looked for
NAME_VOTE = 2  # a country's name counts twice its adjective ("américains" is often a people)
CUE_VOTE = 2  # a country after a cue of twinning ("jumelage avec l'Espagne") counts as two more names
HOME_COUNTRY = "FR"  # the country of the towns whose pages are read
MIN_NAME = 3  # letters: no place is named with fewer ('N.A.N.C.I.E.' is no place)
BESIDE = 60  # characters after a name where its country is looked for
_WORD_GOES_ON = re.compile(r"\w*")  # the rest of a word a reach of characters ends in
BYLINE_WORDS = 6  # a by-line names its author and little else
# words before a bare year of the past in its sentence ("… pour fêter le serment prononcé en
# 1984"): the past recalled while the story goes on; a year that opens its sentence ("En
# 1984, le serment fut prononcé") takes the story back there
RECALL_WORDS = 3
BYLINE_ROLE_WORDS = 12  # … or its author and their role, after a word of authorship


@dataclass(frozen=True)
class About:
    """The partner a page is about: its name and, when known, its country."""

    name: str
    country: str | None = None
    tie_year: int | None = None  # the year a list of partners writes beside it (:func:`listed_tie_years`)
    # the day the page was written, when its introduction dates it (a sitting's day: the
    # parse stage's ``_sitting_day``): what "dernier", "prochain", "cette année" are told from
    written: tuple[int, int | None, int | None] | None = None

    @property
    def heading(self) -> str:
        """The partner as a heading the extract stage reads: "Brühl (Allemagne)"."""
        return f"{self.name} ({self.country})" if self.country else self.name


@dataclass(frozen=True)
class Event:
    """A dated sentence: its words as written, where they sit, and what the date is once
    a missing year or a relative phrase is resolved (``None`` when nothing resolves it)."""

    label: str
    start: int
    resolved: str | None
    when: tuple[int, int | None, int | None] | None  # (year, month, day) for what follows
    also: tuple[Event, ...] = ()  # the other years of a list the sentence tells, each an event


# --- Which partner ------------------------------------------------------------------------

def _trimmed(name: str, lower: frozenset[str]) -> list[str]:
    """The proper nouns of a run of capitalised words: without the common words a
    sentence puts before a name with a capital ("Le", "Comité de …", "L'album"), and cut
    where a title written in capitals has a common word ("ENTRE MAROLLES ET LAKAMANE"):
    a proper noun's words are never written in lower case on the page, nor are words of
    grammar ("Avec", "Mais", "Depuis": ``evidence.function_words``)."""
    names: list[list[tuple[str, int, int]]] = [[]]  # each name's words, where each is in ``name``
    for written in re.finditer(r"\S+", name):
        word = written.group()
        bare = _ELIDED.sub("", word)
        common = fold(bare.split("-")[0]) in lower or fold(bare) in _NAME_PARTICLES \
            or fold(bare) in _FUNCTION_WORDS  # "Avec Tregaron, au Pays de Galles, …"
        if bare != word and not bare[:1].isupper():
            common = True
        if common and (not names[-1] or word.isupper()):
            names.append([])
        elif not common or names[-1]:
            start = written.end() - len(bare) if not names[-1] else written.start()
            names[-1].append((word, start, written.end()))
    found = []
    for words in names:
        while words and fold(words[-1][0]) in _NAME_PARTICLES:
            words.pop()
        if words:  # as written, its spaces too ("Brandebourg-sur-la-Havel de\xa0Brandenbourg"),
            found.append(name[words[0][1]:words[-1][2]])  # so that the sentence finds it again
    return found


_REGION_NOUNS = frozenset(fold(w) for w in lexicon("places")["region_nouns"])


_TOWN_NOUNS = frozenset(fold(w) for w in _WORDS["town_nouns"])


def _town_of_a_region(name: str, before: str) -> bool:
    """A name that is also a region's or a country's other name ("Québec"), as a town's:
    after a town's noun or its mayor's title and "de" ("les villes de Québec et de Cannes",
    "le maire de Québec"); never a country's own name ("les villes de France").

    >>> [_town_of_a_region("Québec", b) for b in ("le maire de ", "les villes de ", "au ")]
    [True, True, False]
    >>> _town_of_a_region("France", "les villes de ")
    False
    """
    from .places import country_code, country_name, region_country

    code = country_code(name)
    if not (code or region_country(name)) or _is_town(name) \
            or (code and fold(country_name(code) or "") == fold(name)):
        return False
    words = re.findall(r"\w+'?", fold(before).replace("’", "'"))
    if len(words) < 2 or words[-1] not in _NEAR:
        return False
    return words[-2] in _TOWN_NOUNS or " ".join(words[:-1]).endswith(_OFFICIALS)


def _not_a_partner(name: str) -> bool:
    """A country, a country's adjective ("Allemands", "Québécois"), a division of a
    country ("Province du Bam": where the partner lies, the commune of GUIBARE in it;
    :func:`pipeline.places.country_in_text` reads its country), a region of the town's own
    country ("Rhône-Alpes"), the town itself, or a time of history ("la Seconde Guerre
    mondiale", which a page of twinning names often).

    >>> _not_a_partner("Province du Bam"), _not_a_partner("Allemands")
    (True, True)
    """
    from .config import config
    from .gate import of_history
    from .places import HOME_COUNTRY, country_code, country_in_text, region_country
    from .read import group_heading

    if of_history(name):
        return True
    folded = fold(name)
    if group_heading(name) or folded.split(" ")[0] in _REGION_NOUNS:
        return True  # a part of the world ("Europe", "Afrique"), of a country
    town = config().town
    if _is_town(name) or (town.demonym and folded.startswith(fold(town.demonym))):
        return True
    if region_country(name) == HOME_COUNTRY:
        return True  # a region of the town's own country ("Rhône-Alpes", "Bretagne")
    return bool(country_code(name) or country_in_text(f"{_PLACE_NOUN} {name}"))


_JOINING_WORDS = "|".join(re.escape(j) for j in _WORDS["pair_joiners"] if j.isalpha())
# two names joined ("Ille et Vilaine"), each pair read apart ("Ille et Vilaine et Rennes": the
# first pair, not the whole run), a name's start only where a word starts
# (after an apostrophe, only an elided letter's: "d'Ille"; one inside a word starts no name,
# "N’DN’D…" read from each "D" costing its square)
_JOINED_NAMES = re.compile(rf"(?:(?<![\w{APOSTROPHE[1:-1]}-])|(?<=(?<!\w)\w{APOSTROPHE}))"
                           rf"(?=({_PART}\s+(?:{_JOINING_WORDS})\s+{_PART}))")


def _region_spans(sentence: str) -> list[tuple[int, int]]:
    """Where a sentence names a region whose name joins two words by "et" ("des communes
    d'Ille et Vilaine", "la Saône et Loire"): one département, neither word a place.

    >>> text = "des communes d'Ille et Vilaine et Rennes, de Kita et Gao"
    >>> [text[a:b] for a, b in _region_spans(text)]
    ['Ille et Vilaine']
    """
    from .places import region_country

    return [found.span(1) for found in _JOINED_NAMES.finditer(sentence) if region_country(found[1])]


def _town_spans(sentence: str) -> list[tuple[int, int]]:
    """Where a sentence names the town (any of its names, hyphens written as spaces): a
    word inside is the town's, no place of its own ("Brie" of "Sucy en Brie", "Ouilly" of
    "Pont d'Ouilly")."""
    from .config import config

    return [m.span() for m in _town_pattern(config().town.name_pattern()).finditer(sentence)]


@cache
def _town_pattern(names: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){names}", re.IGNORECASE)


def _is_town(name: str) -> bool:
    """One of the names of the page's own town (the town file's), maybe without the
    determiner it opens with ("Charité" of "La Charité", the determiner read apart)."""
    from .config import config

    folded = fold(name).replace("-", " ")  # "Déville lès Rouen" is Déville-lès-Rouen
    return any(folded == (town := fold(n).replace("-", " "))
               or any(town == f"{d} {folded}" or town == f"{d}{folded}" for d in _LEAD_DETERMINERS)
               for n in config().town.names)


def _lead(before: str) -> tuple[str, ...]:
    """The two words that lead to a place, its determiners aside and the near joiners
    ("de", "d'", "du") one word: "1960 à" in "le 20 mars 1960 à La"; "la Ville de" and
    "la Ville d'" lead alike."""
    words = re.findall(r"\w+'?", fold(before).replace("’", "'"))
    while words and words[-1] in _LEAD_DETERMINERS:
        words.pop()
    return tuple("" if w in _NEAR else w for w in words[-LEAD_WORDS:])  # one token for all three


def _without_demonym(name: str) -> str:
    """A run of capitalised words that opens on a country's adjective and a particle
    ("Québécois de Lac Mégantic" in "nos amis Québécois de Lac Mégantic"): the place after
    them. The adjective says who the friends are, not the place's name.

    >>> _without_demonym("Québécois de Lac Mégantic"), _without_demonym("Saint-Louis du Sénégal")
    ('Lac Mégantic', 'Saint-Louis du Sénégal')
    """
    words = name.split()
    if len(words) > 2 and fold(words[1]) in _NAME_PARTICLES and _demonym(words[0]):
        return " ".join(words[2:])
    return name


def _demonym(word: str) -> bool:
    """A country's adjective or demonym ("Québécois", "allemands"), not its name."""
    from .places import country_code

    return bool(_country_word(word)) and not country_code(word)


def _cued(sentence: str) -> bool:
    """The sentence has a word of twinning ("jumelage", "partenariat")."""
    return any(w.startswith(_CUE_STEMS) for w in re.findall(r"\w+", fold(sentence)))


_ASIDE = re.compile(r"\([^()]*\)")  # words in closed brackets


def _after_cue(before: str) -> str:
    """The words before a name end with a joiner that follows a cue of twinning: "de"
    right after it ("nos amis de", "délégation de"), "avec", "à", "entre" a few words
    after it ("accord de jumelage avec", "coopère avec la commune malienne de"). The cue's
    word (folded), or "" when none leads to the name. Words in closed brackets are an aside:
    a cue there leads nowhere outside them ("du forum de l'AJVA (jumelages franco-allemands
    de Vendée) et du forum JUM'REGAL"), and the brackets' words do not part a cue from its
    joiner ("le jumelage (signé en 1990) avec Gao").

    >>> _after_cue("l'AJVA (jumelages franco-allemands de Vendée) et du forum ")
    ''
    >>> _after_cue("le jumelage (signé en 1990) avec ")
    'jumelage'
    """
    before = _ASIDE.sub(" ", before)
    words = [w for w in re.findall(r"\w+'?", fold(before).replace("’", "'"))[-(CUE_REACH + 6):]
             if not _demonym(w) and w not in _LIST_MARKERS]  # "nos amis québécois de …" as "nos
    if len(words) >= 2 and words[-1] in _NEAR and words[-2].startswith(_CUE_STEMS):  # amis de …"
        return words[-2]
    if len(words) >= 3 and words[-1] in _NEAR and words[-2].startswith(_OWN_CUE_STEMS) \
            and words[-3] in _FIRST_PERSON:  # "nos partenaires de Ndiaganiao"
        return words[-2]
    if words and _twin_noun(words[-1]):  # "sa jumelle (polonaise) Niemcza": the noun, then the name
        return words[-1]
    for i in range(len(words) - 1, max(len(words) - 6, -1), -1):
        if words[i] in _FAR:
            if i + 1 < len(words) and _INFINITIVE.fullmatch(words[i + 1]):
                return ""  # "les amis et apprécier le Glühwein": an act of its own
            if i and words[i - 1].startswith(_LOCATION_STEMS):
                return ""  # "les ateliers situés à Petit-Manoir": where a thing lies
            return next((w for w in reversed(words[max(0, i - CUE_REACH):i]) if w.startswith(_CUE_STEMS)), "")
    return ""


def _twin_noun(word: str) -> bool:
    """A noun of places that says what a place is to the town, right before its name ("sa
    jumelle polonaise Niemcza", "notre ville partenaire Rye"; folded): a noun of places
    (lexicon ``countries.written.place_nouns``) with a partner's cue stem.

    >>> _twin_noun("jumelle"), _twin_noun("ville"), _twin_noun("jumelage")
    (True, False, False)
    """
    return word in _PLACE_NOUNS and word.startswith(_PARTNER_STEMS)


_MEMBER_NOUNS = frozenset(fold(w) for w in _WORDS["member_nouns"])


def _town_belongs_to(sentence: str, start: int, own: list[tuple[int, int]]) -> bool:
    """The name at ``start`` follows an apposition to the town that says what the town
    belongs to: the town, maybe a bracket, a comma, a noun of membership and "de" ("la
    commune de Limonest (Rhône-Alpes), commune du Grand Lyon"): the town's own body.

    >>> s = "Le jumelage unit Orly (Val-de-Marne), commune de la Métropole du Grand Paris, et Kita."
    >>> _town_belongs_to(s, s.index("Métropole"), [(s.index("Orly"), s.index("Orly") + 4)])
    True
    >>> s = "Le jumelage unit Orly, ville jumelle de Kita."
    >>> _town_belongs_to(s, s.index("Kita"), [(s.index("Orly"), s.index("Orly") + 4)])
    False
    """
    for _, end in own:
        if end > start or start - end > CUE_WINDOW:
            continue
        between = _ASIDE.sub(" ", fold(sentence[end:start]).replace("’", "'")).strip()
        words = re.findall(r"\w+'?", between)
        if between.startswith(",") and "," not in between[1:] and 2 <= len(words) <= 3 \
                and words[0] in _MEMBER_NOUNS and words[1] in _NEAR | _OF_WORDS \
                and words[2:] in ([], *([d] for d in _LEAD_DETERMINERS)):
            return True
    return False


def _pair(between: str, title: bool) -> bool:
    """Two places written as a pair: "A et B", "A / B", "A et de B"; in a title also "A -
    B" (in running text a dash brings a region: "Guibaré - Province du Bam")."""
    return bool((_PAIR if title else _TEXT_PAIR).fullmatch(fold(between)))


_COPULA = re.compile(r"\s*(?:" + "|".join(sorted(map(re.escape, (fold(w) for w in _WORDS["copulas"])),
                                                 key=len, reverse=True)) + r")\s")


def _apposition(between: str, copula: bool = False) -> bool:
    """A place, then an apposition that ties it to the next one: "Tarnowskie-Gory, ville
    jumelée à Méricourt" (the first is the partner, the second the page's own town); not an
    apposition closed by a comma before the next place of an enumeration ("Mühlheim, sa
    jumelle allemande, et Nouna": three towns).

    An apposition that gives a person's title ("Korinna Walter, la présidente du jumelage à
    Gröbenzell") makes the name before it a person's, and the place after it where that
    person serves: no tie of places.

    >>> _apposition(", ville jumelée à "), _apposition(", sa jumelle allemande, et ")
    (True, False)
    >>> _apposition(", la présidente du jumelage à "), _apposition(", une délégation de ")
    (False, False)
    >>> _apposition(", a parrainé une classe de ")  # a verb after a stray comma
    False

    With ``copula``, a predicate after a copula ties them so too, the town being the second
    place ("Kita est devenue la 5e ville jumelée avec <town>"); not where the town comes first
    ("<town> est jumelée avec celle de Kita"), which the caller tells.

    >>> [_apposition(w, copula=True) for w in (" est devenue la 5e ville jumelée avec ", " est un bourg de ")]
    [True, False]
    """
    folded = fold(between).replace("’", "'")
    if copula and (verb := _COPULA.match(folded)):  # "Kita est devenue la 5e ville jumelée avec <town>"
        folded = "," + folded[verb.end():]
    words = re.findall(r"[\w-]+'?", folded)
    return (folded.lstrip().startswith(",") and "," not in folded.lstrip()[1:] and 0 < len(words) <= CUE_REACH
            and any(w.startswith(_CUE_STEMS) for w in words) and words[-1] in _NEAR | _FAR
            and words[0] not in _AUXILIARIES  # ", a parrainé une classe de": a verb, no apposition
            and not any(w in _PERSON_TITLES or w.startswith(_DELEGATION) for w in words))


_AUXILIARIES = frozenset(fold(w) for w in _WORDS["tie_auxiliaries"] if " " not in w)


def _apposed_cue(after: str) -> str:
    """The word of partnership of an apposition right after a name that says what the
    place is to the town: maybe a determiner, nouns of places among which a word of
    partnership, then lower-case words only ("Mühlheim, sa jumelle allemande, et Nouna",
    "Rye, notre ville jumelle."): the name is the town's partner. "" when none ("Victor
    Julien, fondateur du jumelage": a person; "…, ville jumelle de Zell": the town).

    >>> _apposed_cue(", sa jumelle allemande, et Nouna"), _apposed_cue(", notre ville jumelle.")
    ('jumelle', 'jumelle')
    >>> _apposed_cue(", ville jumelle de Zell"), _apposed_cue(", fondateur du jumelage,")
    ('', '')
    """
    if not after.lstrip().startswith(","):
        return ""
    clause = _CLAUSE_END.split(after.lstrip()[1:], maxsplit=1)[0]
    words = re.findall(r"\w+", clause)
    if not words or len(words) > CUE_REACH or any(w[:1].isupper() for w in words):
        return ""
    folded = [fold(w) for w in words]
    at = 1 if folded[0] in _ANAPHOR_DETERMINERS else 0
    cue = ""
    while at < len(folded) and (folded[at] in _PLACE_NOUNS or folded[at].startswith(_PARTNER_STEMS)):
        cue = cue or (folded[at] if folded[at].startswith(_PARTNER_STEMS) else "")
        at += 1
    return cue


_PARTNER_JOINERS = frozenset(fold(j) for j in _WORDS["partner_joiners"])
_OFFICIALS = tuple(fold(w) for w in _WORDS["officials"])
_DELEGATION = tuple(fold(w) for w in _WORDS["retinue_stems"])
_TIE_BODIES = tuple(fold(w) for w in _WORDS["tie_bodies"])


def _delegations_official(sentence: str, before: str) -> bool:
    """A place named as its official's ("dont la maire de Great Dunmow") in a sentence
    about a delegation ("Leur délégation comprenait une quarantaine de personnes, dont …"):
    the delegation's town, as after a cue. An official alone ("Monsieur Le Doze, Maire de
    Saint Julien de Vouvantes") is no cue.

    >>> _delegations_official("Leur délégation comptait 40 personnes, dont la maire de Rye.",
    ...                       "dont la maire de ")
    True
    >>> _delegations_official("M. Le Doze, maire de Vouvantes, lui parla.", "M. Le Doze, maire de ")
    False
    """
    words = re.findall(r"\w+'?", fold(before).replace("’", "'"))
    return (len(words) >= 2 and words[-1] in _NEAR and " ".join(words[:-1]).endswith(_OFFICIALS)
            and any(w.startswith(_DELEGATION) for w in re.findall(r"\w+", fold(sentence))))


_EVIDENCE = lexicon("evidence")
_FUNCTION_WORDS = frozenset(fold(w) for w in _EVIDENCE["function_words"])
_PERSON_TITLES = frozenset(fold(w) for w in _EVIDENCE["person_titles"])
_TITLES = frozenset(fold(w) for w in [*_PERSON_TITLES, *_EVIDENCE["body_nouns"]])


def _titled(before: str) -> bool:
    """The words before a name end with a person's title or an institution's noun and a
    space ("le maire Boucar Sadji", "Mme Sourcis", "l'association Teranga"): the name is a
    person's or the institution's own, no place.

    >>> _titled("a remercié le maire "), _titled("Mme "), _titled("le maire de "), _titled("Le maire, ")
    (True, True, False, False)
    >>> _titled("L'association "), _titled("à l'Association "), _titled("parti, direction ")
    (True, True, False)
    """
    found = re.search(r"([\w-]+)\.?\s+$", before)
    return found is not None and fold(found.group(1)) in _TITLES


def _person(name: str) -> bool:
    """A run of capitals that opens on a person's title ("Mme Effosse", "M. Herzog"): a
    person, however near a cue of twinning ("partenariat avec Mme Effosse"); a person's
    title alone, capitalised as a page writes it ("entre les deux Maires"), names no place.

    >>> _person("Mme Effosse"), _person("Monsieur le Maire"), _person("Madrid"), _person("Maires")
    (True, True, False, True)
    """
    first = name.split(maxsplit=1)
    if len(first) == 1:
        return fold(name) in _PERSON_TITLES or fold(name).removesuffix("s") in _PERSON_TITLES
    return len(first) == 2 and fold(first[0].rstrip(".")) in _TITLES


# a sentence's or a clause's subject: a place, maybe after its kind ("la ville de Würzburg")
# and before an apposition ("…, commune mitoyenne de Gerbrunn,"), then a verb of its tie
_SUBJECT = re.compile(rf"\s*(?i:(?:{'|'.join(map(re.escape, _WRITTEN['region_determiners']))})\s*)?"
                      rf"(?i:(?:{'|'.join(map(re.escape, _WRITTEN['place_nouns']))})\s+"
                      rf"(?:{'|'.join(map(re.escape, _WRITTEN['of']))})\s*)?"
                      rf"(?P<name>{_PART}(?:\s{_PART})*)(?:\s*,[^,]{{1,60}},)?\s+"
                      rf"(?i:{'|'.join(_WORDS['tie_auxiliaries'])})\s+(?i:{'|'.join(_WORDS['partner_cue_stems'])})")


def _others_subjects(sentence: str) -> list[tuple[int, int]]:
    """Where each clause of a sentence starts (the sentence's start, each clause joiner's
    end: ", et …") and where its subject ends, for each clause whose subject is a place
    other than the town before a verb of its own tie (:func:`_others_subject`): "…, et la
    ville de Würzburg, commune mitoyenne de Gerbrunn, est jumelée avec la ville de Caen".

    >>> text = "Notre ville est jumelée avec Rye, et la ville de Kolbe, sa voisine, est jumelée avec Caen."
    >>> [(text[start:start + 18], text[end - 5:end]) for start, end in _others_subjects(text)]
    [(' la ville de Kolbe', 'Kolbe')]
    """
    starts = [0, *(m.end() for m in _JOINER.finditer(fold(sentence)))]
    return [(start, start + end) for start in starts
            if (end := _others_subject(sentence[start:])) is not None]


def _others_subject(sentence: str) -> int | None:
    """Where a sentence's subject ends when it is a place other than the town, before a
    verb of its own tie ("Le Calvados est jumelé avec le Devon": the département's twin, not
    the town's); ``None`` when the town, a pronoun or nothing of the kind opens it.

    >>> _others_subject("Le Calvados est jumelé avec le Devon."), _others_subject("Il est jumelé avec Rye.")
    (11, None)
    >>> _others_subject("Notre ville est jumelée avec Rye."), _others_subject("La Charte a été signée.")
    (None, None)
    """
    found = _SUBJECT.match(sentence)
    if found is None or _is_town(_place(found["name"])) or fold(found["name"].split()[0]) in _FUNCTION_WORDS:
        return None  # "Notre ville est jumelée …", "Elle est jumelée …", "La Ville de <town> …"
    return found.end("name")


def _headline(text: str) -> bool:
    """A line of a few capitalised words and no sentence, as a title is ("VIRE-TOTNES",
    "Bonnes – Banfora Sud"): a pair of places in it is written as a title writes one, the
    town first.

    >>> _headline("VIRE-TOTNES"), _headline("Le Calvados est jumelé avec le Devon.")
    (True, False)
    """
    if len(text) > HEADLINE:
        return False  # a paragraph: never split whole for each of its names
    words = text.split()
    return len(words) <= HEADLINE_WORDS and not re.search(r"[.!?:;,]", text) \
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


HEADLINE_WORDS = 6


_AND_OF = re.compile(rf"\s+(?:{_JOINING_WORDS})\s+(?:{_NEAR_WORDS})\s*")  # " et de "


def _officials_tie(sentence: str, before: str) -> bool:
    """A place named as its officials' ("les conseillers municipaux de Gotha") in a
    sentence of a tie ("… proposèrent de réaliser un jumelage"): the town's partner, whose
    officials the story brings to the tie.

    >>> _officials_tie("Les élus de Gotha proposèrent un jumelage.", "Les élus de ")
    True
    >>> _officials_tie("Les élus de Gotha visitèrent la foire.", "Les élus de ")
    False

    So is a place whose officials and the town's are named together ("Les maires de
    <town> et de Totnes ont signé le jumelage").
    """
    towns = _town_spans(before)  # "Les maires de Vire et de Totnes": the town's officials and
    if towns and _AND_OF.fullmatch(fold(before[towns[-1][1]:])):  # the partner's, one subject
        before = before[:towns[-1][0]]
    words = re.findall(r"\w+'?", fold(before).replace("’", "'"))
    return (len(words) >= 2 and words[-1] in _NEAR and " ".join(words[:-1]).endswith(_TIE_BODIES)
            and any(w.startswith(_PARTNER_STEMS) for w in re.findall(r"\w+", fold(sentence))))


def _institution(name: str) -> bool:
    """A name that opens on an institution's word ("Maison de l'Europe", "Association
    Tamba"): a partner of the story's tie, never a town of its own."""
    from .read import INSTITUTIONS

    return fold(name.split()[0]) in {fold(w) for w in INSTITUTIONS}


def _partner_after(before: str) -> bool:
    """The words before a name end with a cue that names a partner of the town and its
    joiner: "nos amis (québécois) de", "jumelages avec (respectivement)", "coopération
    entre"; not "et", "à", "pour" after it ("Historique du jumelage et Présentation",
    "voyage du comité de jumelage à Londres"). The place's kind may stand between ("est
    jumelée avec la commune de").

    >>> [_partner_after(w) for w in ("est jumelée avec la commune de ", "le car traverse la commune de ")]
    [True, False]
    """
    words = [w for w in re.findall(r"\w+'?", fold(before).replace("’", "'"))[-(CUE_REACH + 6):]
             if not _demonym(w) and w not in _LIST_MARKERS]
    if len(words) >= 3 and words[-1] in _NEAR and words[-2] in _PLACE_NOUNS:
        # the place's kind after a participle of the tie and its joiner: "est jumelée avec la
        # commune de" (a verb stating the tie; "Jumelage avec la Commune de DOLHESTI" under a
        # sheet of Bradicesti names where the partner lies)
        at = len(words) - 2 - (words[-3] in _LEAD_DETERMINERS)
        return at >= 2 and words[at - 1] in _PARTNER_JOINERS \
            and (_TIE_PARTICIPLE.fullmatch(words[at - 2]) is not None or _towns_tie(words[:at - 1]))
    if len(words) >= 2 and words[-1] in _NEAR:
        return words[-2].startswith(_PARTNER_STEMS)
    if words and _twin_noun(words[-1]):
        return True
    for i in range(len(words) - 1, max(len(words) - 6, -1), -1):
        if words[i] in _FAR:
            return words[i] in _PARTNER_JOINERS and any(
                w.startswith(_PARTNER_STEMS) for w in words[max(0, i - CUE_REACH):i])
    return False


def _towns_tie(words: list[str]) -> bool:
    """The words before a joiner end on a tie's noun and the town it is of ("Le jumelage de
    Vaux", then "avec la commune de Zell"): the town's own tie, as a participle states it;
    not a tie's noun alone ("Jumelage avec la Commune de …" under a sheet of another town).

    >>> _towns_tie(["le", "jumelage", "d'", "ivry"]), _towns_tie(["le", "jumelage"])
    (True, False)
    """
    for k in range(len(words) - 3, max(-1, len(words) - 3 - CUE_REACH), -1):
        if words[k].startswith(_PARTNER_STEMS) and words[k + 1] in _NEAR:
            return _is_town(" ".join(words[k + 2:]))
    return False


# a participle of a partner's stem ("jumelée", "associés"): a verb stating the tie
_TIE_PARTICIPLE = re.compile(rf"(?:{'|'.join(map(re.escape, _PARTNER_STEMS))})"
                             rf"(?:{'|'.join(_WORDS['participle_endings'])})")


def _joined_in_tie(rest: str) -> bool:
    """What follows "<town> et <place>" in its clause makes the two one subject of a tie
    ("Viroflay et Hassloch entretiennent des actions de coopération depuis 1981"): a word
    of twinning before the clause ends, and no other place.

    >>> _joined_in_tie(" entretiennent des actions de coopérations depuis 1981."), _joined_in_tie(
    ...     " ont signé la charte de jumelage avec Zell.")
    (True, False)
    """
    clause = _CLAUSE_END.split(rest, maxsplit=1)[0]
    words = re.findall(r"\w+", clause)
    return any(fold(w).startswith(_PARTNER_STEMS) for w in words) and not any(w[:1].isupper() for w in words)


_CLAUSE_END = re.compile(r"[,;:.!?…()]")
_PLURAL_MARKS = ("s", "x")  # the endings of a French plural ("habitants", "jumeaux")


def _people_of(before: str, group: bool = False) -> bool:
    """The words before a name end with people and "de": "les habitants de", "nos amis d'",
    "une délégation de", "les Auvergnats d'" (a demonym: a capitalised plural); with
    ``group``, a plural only ("de jeunes collégiens de", not "correspondante de")."""
    from .numbers import is_people

    words = re.findall(r"[\w]+'?", before.replace("’", "'"))
    if len(words) < 2 or fold(words[-1]) not in _NEAR:
        return False
    who = words[-2]
    if group and not who.endswith(_PLURAL_MARKS):
        return False
    return is_people(fold(who), who) or fold(who).startswith(_CUE_STEMS) \
        or (who[:1].isupper() and who.endswith("s"))


# What places a name in its country right after it: its country in brackets ("Médicina
# (Italie)"), after a preposition ("Solingen en Allemagne", "Novara, en Italie", "Næstved au
# Danemark") or a noun of places ("Milford-Haven, ville du Pays de Galles"); the country is
# the words after it, read by places.country_code.
_PLACED = re.compile(
    r"\s*(?:\(\s*(?P<bracket>[^()]{1,40}?)\s*\)|,?\s*(?:(?:"
    + "|".join(map(re.escape, _WRITTEN["prepositions"])) + r")|(?:"
    + "|".join(map(re.escape, _WRITTEN["place_nouns"])) + r")\s+(?:"
    + "|".join(map(re.escape, _WRITTEN["of"])) + r"|d['’]))\s*(?P<words>(?:[^\W\d_][\w'’-]*\s*){1,4}))",
    re.IGNORECASE)
PLACED_LIST = 2  # places each with its country in one sentence: a list of them


def _country_after(after: str, region: bool = False) -> str | None:
    """The country code the words right ``after`` a name place it in (or the country of
    the foreign ``region`` they place it in: "ville de Rhénanie-Palatinat"), or ``None``.

    >>> _country_after(" (Italie) et"), _country_after(", en Italie, puis"), _country_after(" au Danemark.")
    ('IT', 'IT', 'DK')
    >>> _country_after(", ville du Pays de Galles, furent"), _country_after(" et Rye")
    ('GB', None)
    >>> _country_after(" (Allemagne, en 1980), Valpaços")
    'DE'
    """
    from .places import country_code, region_country

    found = _PLACED.match(after)
    if found is None:
        return None
    if found["bracket"]:  # "(Italie)", or its first part: "(Allemagne, en 1980)"
        return country_code(found["bracket"]) or country_code(found["bracket"].split(",")[0])
    words = found["words"].split()
    return next((code for size in range(len(words), 0, -1)
                 if (code := country_code(" ".join(words[:size]).strip(",;.'’"))
                     or (region and region_country(" ".join(words[:size]).strip(",;.'’"))))), None)


def _namesake_abroad(sentence: str, start: int, name: str, own: list[tuple[int, int]]) -> str | None:
    """The town's namesake abroad, as the partner's name with the region or country
    written after it ("Herbitzheim en Sarre"): the town's name placed in a foreign country
    or region in a sentence that names the town elsewhere too ("Les communes de
    Herbitzheim en Alsace et Herbitzheim en Sarre ont fêté …"): two places of one name,
    the town and its twin. ``None`` for the town itself.

    >>> s = "Les communes d'Ivry en Île-de-France et d'Ivry en Bavière fêtent leur jumelage."
    >>> first, at = s.index("Ivry"), s.rindex("Ivry")
    >>> _namesake_abroad(s, at, "Ivry", [(first, first + 4), (at, at + 4)])
    'Ivry en Bavière'
    >>> _namesake_abroad(s, first, "Ivry", [(first, first + 4), (at, at + 4)]) is None
    True
    """
    from .places import country_code, region_country

    if len(own) < 2 or not _is_town(name):
        return None
    after = sentence[start + len(name):]
    found = _PLACED.match(after)
    if found is None:
        return None
    if found["bracket"]:
        code = country_code(found["bracket"]) or region_country(found["bracket"])
        return name + after[:found.end()] if code and code != HOME_COUNTRY else None
    words = found["words"].split()
    for size in range(len(words), 0, -1):
        where = " ".join(words[:size]).strip(",;.'’")
        if code := country_code(where) or region_country(where):
            return f"{name}{after[:found.start('words')]}{where}" if code != HOME_COUNTRY else None
    return None


def _country_before(before: str) -> str | None:
    """The country the words right before a name place it in by its adjective or its
    people ("la ville polonaise de Rybnik", "les Allemands de Wallerfangen", "nos amis
    italiens d'Umbertide"), or ``None``.

    >>> _country_before("avec la ville polonaise de "), _country_before("avec les Allemands de ")
    ('Pologne', 'Allemagne')
    >>> _country_before("avec le maire de ") is None
    True
    """
    words = re.findall(r"[^\W\d_]+['’]?", before[-BESIDE:])
    if len(words) < 2 or fold(words[-1]).rstrip("'’") not in _OF_WORDS | {"d"}:
        return None
    return _country_word(words[-2]) if _demonym(words[-2]) else None


def _placed_lists(texts: list[str]) -> list[str]:
    """The places a sentence or a paragraph lists each in its own country ("concentrer sa
    politique de coopération sur ces villes : Raanana en Israël, Sousse en Tunisie et Pancevo en Serbie";
    "Nous avons commencé par Novara, en Italie, puis Solingen en Allemagne et récemment à
    Næstved au Danemark"), in a paragraph that speaks of a tie (a partner's cue) or follows
    one that does: the
    town's partners, as a list of twins a line each is. One place with its country is
    anything a story names (a trip's stop); two or more, listed so, are what the page
    presents.

    >>> _placed_lists(["Nos villes jumelles : Raanana en Israël, Sousse en Tunisie et Pancevo en Serbie."])
    ['Raanana', 'Sousse', 'Pancevo']
    >>> _placed_lists(["Le car est passé par Vienne (Autriche) et Prague (Tchéquie)."])
    []
    >>> _placed_lists(["Le jumelage a débuté avec la ville polonaise de Rybnik, puis les Allemands de Zell."])
    ['Rybnik', 'Zell']
    >>> _placed_lists(["Nos jumelages.", "Avec Orscholz, en Allemagne, ça va. Avec Bézid, en Roumanie, non."])
    ['Orscholz', 'Bézid']
    """
    from .places import country_code

    found: list[str] = []
    tied = [any(w.startswith(_PARTNER_STEMS) for w in re.findall(r"\w+", fold(text))) for text in texts]
    for n, text in enumerate(texts):
        if not (tied[n] or (n and tied[n - 1])):  # the paragraph, or the one it follows
            continue
        lower = lower_words(text)
        joined: dict[str, str] = {}  # each place after "avec" and its country, in the paragraph
        for sentence in _SENTENCE.split(text):
            if "\n" in sentence.strip():
                continue  # lines of a list, a place each: a list of twins (:func:`_twin_lines`)
            placed: dict[str, str] = {}  # each place and its country, in the sentence
            located: set[int] = set()  # where an island or region a place lies in is named
            for run in _NAME.finditer(sentence):
                if run.start() in located:
                    continue
                for name in _trimmed(run.group(), lower):
                    start = run.start() + run.group().index(name)
                    end = start + len(name)
                    demonym = name.split()[0] if _without_demonym(name) != name else ""
                    country = _country_after(sentence[end:end + BESIDE]) or country_code(
                        _country_before(sentence[:start]) or (demonym and _country_word(demonym)) or "")
                    if not country and (where := _LOCATED.match(sentence, end)) \
                            and (area := _NAME.match(sentence, where.end())):
                        # "Barakani, île d'Anjouan (Comores)": the island's country, not a place of its own
                        country = _country_after(sentence[area.end():area.end() + BESIDE])
                        located.add(area.start())
                    if country and (candidate := _candidate(name)):
                        placed[candidate] = country
                        if re.findall(r"\w+", fold(sentence[max(0, start - CUE_WINDOW):start]))[-1:] \
                                in ([w] for w in _WITH):
                            joined[candidate] = country
            # two places or more, in two countries or more: the ties of a town, not the
            # lines of one place ("Lettonie - Capitale Riga Ogre en Lettonie")
            if len(placed) >= PLACED_LIST and len(set(placed.values())) >= PLACED_LIST:
                found += [name for name in placed if name not in found]
        # so too places each told after "avec" a sentence each ("Avec Orscholz, en Allemagne,
        # les échanges sont fréquents. Avec Knighton, au Pays de Galles, aussi."), not a
        # trip's stop of the story ("Elle a visité Olite en Espagne")
        if len(joined) >= PLACED_LIST and len(set(joined.values())) >= PLACED_LIST:
            found += [name for name in joined if name not in found]
    return found


_PLACES_WORDS = lexicon("places")
# an apposition that says where a place lies: ", île d'", ", région de la"
_LOCATED = re.compile(r",\s*(?i:" + "|".join(map(re.escape, sorted(
    (*_PLACES_WORDS["region_nouns"], *_PLACES_WORDS["island_nouns"]), key=len, reverse=True)))
    + rf")\s+(?i:{OF_AN_ARTICLE})")


def _fiche_places(texts: list[str]) -> list[str]:
    """The places a project's fiche gives in its place fields ("Localisation : Kouniana,
    cercle de San"), when it has a country field too ("Pays : MALI": a sheet of a
    cooperation database, whose place is the partner's): the first name of each value.

    >>> _fiche_places(["Pays : MALI", "Localisation : Kouniana, cercle de San"])
    ['Kouniana']
    >>> _fiche_places(["Lieu : Kouniana"])
    []
    """
    from .fields import COUNTRY, PLACE, fields

    found = [f for text in texts for f in fields(text)]
    if not any(f.kind == COUNTRY for f in found):
        return []
    names = [_NAME.match(f.value.strip()) for f in found if f.kind == PLACE]
    return [n.group() for n in names if n and not _not_a_partner(n.group())]


def _among_twins(before: str) -> bool:
    """The words before the town end with a plural word of twinning and the town is one of
    them: "des villes jumelées dont", "ses partenaires, parmi lesquels" (within
    ``cue_reach`` words, no other name between).

    >>> _among_twins("où les délégations des villes jumelées dont "), _among_twins("jumelées avec Zell et ")
    (True, False)
    """
    words = list(re.finditer(r"\w+", before[-CUE_WINDOW:]))[-CUE_REACH:]
    cues = [n for n, w in enumerate(words) if fold(w.group()).startswith(_PARTNER_STEMS)
            and fold(w.group()).endswith("s")]
    return bool(cues) and not any(w.group()[:1].isupper() for w in words[cues[-1] + 1:])


def _cue_before(before: str) -> bool:
    """A word of twinning among the last words before a pair of places ("l'association pour
    le jumelage", "le comité")."""
    return any(w.startswith(_CUE_STEMS) for w in re.findall(r"\w+", fold(before[-CUE_WINDOW:]))[-CUE_REACH:])


class _Span:
    """A name's run in a sentence (its start, end and text), as a match gives them."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self._start, self._end = text, start, end

    def group(self) -> str:
        return self.text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _without_cue(found: re.Match[str]) -> _Span:
    """A run of capitalised words without the words of twinning it opens on ("Jumelage
    Saint-Coulitz" in a title is "Saint-Coulitz", after its cue)."""
    text, start = found.group(), found.start()
    while (head := re.match(r"\S+\s+", text)) and fold(head.group()).startswith(_CUE_STEMS):
        text, start = text[head.end():], start + head.end()
    return _Span(text, start, found.end())


def _cue_after(rest: str) -> bool:
    """What follows a pair of places is a colon and a phrase of twinning: the pair titles the
    tie ("Carmignano - Déville lès Rouen : 30 ans de jumelage").

    >>> _cue_after(" : 30 ans de jumelage"), _cue_after(" : une route"), _cue_after(", jumelage")
    (True, False, False)
    """
    return rest.lstrip().startswith(":") and _cued(rest)


def _tied_to_town(sentence: str) -> list[str]:
    """The places a sentence ties to the page's own town by naming the two together: a
    twinning named by its two towns after a cue ("l'association pour le jumelage A - <town>",
    "le comité <town>/B", "le jumelage B–<town>": a dash is safe here, one side being the
    town), or the people of a place after "de" before a twinning "avec <town>" told from
    their side ("Les habitants de B sont venus fêter le jumelage avec <town>").

    >>> from pipeline.config import config
    >>> town = config().town.name
    >>> _tied_to_town(f"Le jumelage Kraśnik - {town} a 20 ans.")
    ['Kraśnik']
    >>> _tied_to_town(f"Le comité {town}/Great Dunmow.")
    ['Great Dunmow']
    >>> _tied_to_town(f"Les amis d'Isserteaux sont venus fêter le jumelage avec {town}.")
    ['Isserteaux']
    >>> _tied_to_town(f"La Bretagne - {town} : une route.")
    []
    >>> _tied_to_town(f"Carmignano - {town} : 30 ans de jumelage")
    ['Carmignano']
    >>> _tied_to_town(f"Visite de Paris puis jumelage avec {town}.")
    []
    """
    names = [_without_cue(m) for m in _NAME.finditer(sentence)]
    found: list[str] = []
    for i, name in enumerate(names):
        if not _is_town(name.group()):
            continue
        if i and _PAIR.fullmatch(fold(sentence[names[i - 1].end():name.start()])) \
                and (_cue_before(sentence[:names[i - 1].start()]) or _cue_after(sentence[name.end():])):
            found.append(names[i - 1].group())  # "jumelage A - <town>", "A - <town> : 30 ans de jumelage"
        if i + 1 < len(names) and _PAIR.fullmatch(fold(sentence[name.end():names[i + 1].start()])) \
                and (_cue_before(sentence[:name.start()]) or _cue_after(sentence[names[i + 1].end():])):
            found.append(names[i + 1].group())  # "jumelage <town> - B"
        if _partner_after(sentence[max(0, name.start() - CUE_WINDOW):name.start()]):
            # "les habitants de B … jumelage avec <town>": the place its people come from
            before = [m for m in names[:i] if not _is_town(m.group()) and _people_of(sentence[:m.start()])
                      and _cued(sentence[m.end():name.start()])]
            if before:
                found.append(before[-1].group())
        elif i and _among_twins(sentence[:name.start()]):
            # "la fête de B, où les délégations des villes jumelées dont <town>": the town
            # one of B's twins; B is the place the sentence opens on after "de" or "à"
            before = [m for m in names[:i] if not _is_town(m.group())
                      and re.findall(r"\w+'?", fold(sentence[:m.start()]).replace("’", "'"))[-1:]
                      in ([j] for j in (*_NEAR, *_FAR))]
            if before:
                found.append(before[0].group())
    return [n for n in found if not _not_a_partner(n) and not _is_town(n)]


def _mentions(title: str | None, texts: list[str]) -> tuple[Counter[str], set[str], dict[str, str], set[str]]:
    """The weight of each proper noun of the page, the ones that are the page's own town
    (the first of a pair, the town an apposition ties the partner to), their spellings,
    and the ones the page names as partners of the town whatever its story (after a cue of
    twinning, listed after a plural one, paired in the title, one subject with the town of
    a sentence of twinning)."""
    lower = lower_words(" ".join([title or "", *texts]))
    weights: Counter[str] = Counter()
    home: set[str] = set()
    spelling: dict[str, str] = {}
    partnered: set[str] = set()
    kinds: list[list[str]] = []  # places named as things of one kind (:func:`_of_a_kind`)
    tied = tied_place(title or "")  # "Comité de jumelage X": the title's lead-in ties X
    for n, text in enumerate([title or "", *texts]):
        if other_language(text):
            continue  # a translation's nouns ("Familien", "Glühwein"): German writes them capitalised
        for sentence in _SENTENCE.split(text):
            previous: tuple[str, int, str] | None = None  # key, end, the cue before it
            previous_start = 0  # where the previous candidate starts
            town_before = False  # the previous candidate is the town itself (not a word of its name)
            own = _town_spans(sentence)  # where the sentence names the town
            regions = _region_spans(sentence)  # "Ille et Vilaine": no "Ille", no "Vilaine"
            town_lead: tuple[str, ...] | None = None  # the words that lead to the town
            cued = _cued(sentence)
            subjects = _others_subjects(sentence)  # where another place, subject of a clause, ends
            kinds.append(_of_a_kind(sentence))
            listed = _listed(sentence)
            earlier = set(partnered)  # the partners named so in the sentences before
            for found in _NAME.finditer(sentence):
                if regions and (at := bisect_right(regions, (found.start(), len(sentence)))) \
                        and found.start() < regions[at - 1][1]:  # within a region's name
                    previous = None
                    continue
                for name in _trimmed(found.group(), lower):
                    start = found.start() + found.group().index(name)
                    if (bare := _without_demonym(name)) != name:  # "Québécois de Lac Mégantic"
                        start, name = start + len(name) - len(bare), bare
                    written, name = name, _place(name)
                    if name != written and name in written:  # "Ville de Maxéville": the words
                        start += written.index(name)  # of its kind lead to it, as "la Ville d'"
                    if len(name) < MIN_NAME:
                        continue
                    namesake = _namesake_abroad(sentence, start, name, own) if _not_a_partner(name) else None
                    if namesake is not None:
                        name = namesake  # "Herbitzheim en Alsace et Herbitzheim en Sarre"
                    elif _not_a_partner(name) and not _town_of_a_region(
                            name, sentence[max(0, start - CUE_WINDOW):start]):
                        if not _is_town(name):
                            if not (previous and start + len(name) <= _list_aside(sentence, previous[1])):
                                previous = None  # not the country of the place before
                            continue
                        # the town is no candidate, but the end of an apposition that makes
                        # the place before it the partner ("Tarnowskie-Gory, ville jumelée à
                        # Méricourt"), the first place of a pair ("du Perray et de Bellheim")
                        # and the words that lead to it may lead to the partner
                        if previous and not town_before \
                                and _apposition(sentence[previous[1]:start], copula=True):
                            weights[previous[0]] += CUE_WEIGHT
                        elif previous and not town_before and _pair(
                                sentence[_list_aside(sentence, previous[1]):start], title=False) \
                                and _joined_in_tie(sentence[_list_aside(sentence, start + len(name)):]):
                            weights[previous[0]] += CUE_WEIGHT
                            partnered.add(previous[0])  # "Penna in Teverina (…) en Italie et
                            # <town> (…) ont scellé leur jumelage": one subject of a tie
                        town_lead = _lead(sentence[:start])
                        previous = (fold(name), start + len(name),
                                    _after_cue(sentence[max(0, start - CUE_WINDOW):start]))
                        town_before = True
                        home.add(previous[0])
                        continue
                    key = fold(name)
                    if _titled(sentence[max(0, start - CUE_WINDOW):start]) or _person(name) \
                            or _NAMED_ACT.search(sentence, max(0, start - CUE_WINDOW), start):
                        previous = None  # "le maire Boucar Sadji": a person; "le traité de
                        continue  # l'Élysée": an act of history
                    if any(a <= start and start + len(name) <= b for a, b in own) \
                            or _town_belongs_to(sentence, start, own):
                        home.add(key)  # "Sucy en Brie", "Pont d'Ouilly": a word of the town's
                        continue  # name; "…, commune du Grand Lyon": the town's own body
                    if key not in spelling or (spelling[key].isupper() and not name.isupper()):
                        spelling[key] = name  # "Lakamané" rather than the title's "LAKAMANE"
                    # after a cue, or named in a sentence of twinning in the very words
                    # that name the town before it ("à La Charité, puis … à Biedenkopf")
                    window = sentence[max(0, start - CUE_WINDOW):start]
                    clause = bisect_right(subjects, (start, len(sentence)))  # the clause it is in
                    subject = subjects[clause - 1][1] if clause else None
                    if subject is not None and start > subject and _after_cue(window):
                        weights[key] += 1  # "Le Calvados est jumelé avec le Devon": another's tie
                        previous = None
                        continue
                    cue = _after_cue(window) or (
                        "=" if (cued and town_lead and len(town_lead) == LEAD_WORDS
                                and _lead(sentence[:start]) == town_lead)
                        or _delegations_official(sentence, window) else "")
                    if cue and _venue_of_tie(sentence, start + len(name), own):
                        cue = ""  # "à Lomé entre <town> et …": where the tie was sealed
                    if cue and _partner_after(window):
                        partnered.add(key)
                    elif namesake is not None and cued:
                        cue = "="  # the town's namesake abroad in a sentence of twinning
                        partnered.add(key)
                    elif _officials_tie(sentence, window):
                        cue = "="  # "les conseillers municipaux de Gotha proposèrent un jumelage"
                        partnered.add(key)
                    elif start in listed:  # "nos villes jumelles, Linlithgow et Pegnitz"
                        cue = listed[start]
                        partnered.add(key)
                    elif apposed := _apposed_cue(sentence[start + len(name):]):
                        cue = apposed  # "Mühlheim, notre jumelle allemande"
                        partnered.add(key)
                    between = sentence[previous[1]:start] if previous else ""
                    headline = n == 0 or _headline(text)  # "VIRE-TOTNES" above a twin's lines
                    paired = bool(previous) and _pair(between, title=headline)
                    if previous and paired and _is_town(f"{spelling.get(previous[0], '')}{between}{name}"):
                        home.update((previous[0], key))  # "Erve & Charnie": the town's own name
                        previous = None
                        continue
                    if previous and previous[2] and paired:
                        if previous[2] in _PLURAL_CUES or previous_start in listed or _with_kind(
                                re.findall(r"\w+'?", fold(sentence[max(0, previous_start - CUE_WINDOW):
                                                                    previous_start]).replace("’", "'"))):
                            # "des jumelages avec A et B", "jumelée avec 2 villes : A et B",
                            # "en partenariat avec la ville de A et le village de B": two ties
                            partnered.update((previous[0], key))
                        elif _town_first(sentence[max(0, previous_start - CUE_WINDOW):previous_start]):
                            # "le jumelage entre A et B": A is the town; unless A is the partner
                            # named so before ("la ville jumelle de Lanark", then "l'anniversaire
                            # de jumelage entre Lanark et Hemmingen"): the partner's own tie
                            # with a third place, which the cue names no partner of the town
                            if previous[0] in earlier:
                                previous = (previous[0], previous[1], "")
                            else:
                                home.add(previous[0])
                        cue = cue or previous[2]
                    elif previous and paired and previous[0] in partnered and _with_kind(re.findall(
                            r"\w+'?", fold(sentence[max(0, previous_start - CUE_WINDOW):previous_start]
                                           ).replace("’", "'"))):
                        partnered.add(key)  # "<town> et les communes A 2 et B 1": the kind
                        cue = cue or "="  # leads to both, the other side of the tie
                    elif previous and town_before and _apposition(between):
                        partnered.add(key)  # "<town>, la ville jumelle de Chambly": the page
                        cue = cue or "="  # written on the partner's side ties the town first
                    elif previous and _apposition(between):
                        home.add(key)
                        weights[previous[0]] += CUE_WEIGHT
                    elif previous and paired and town_before and _joined_in_tie(
                            sentence[start + len(name):]):
                        partnered.add(key)  # "Viroflay et Hassloch entretiennent des actions de coopération"
                    elif previous and paired and headline and previous[0] in home:
                        partnered.add(key)  # "BONNES - BANFORA SUD": the town, then its partner
                    elif previous and paired and n == 0 and fold(between).strip() in _TITLE_PAIR:
                        partnered.update((previous[0], key))  # "Radcliffe-on-Trent et Holme-Pierrepont"
                    weights[key] += CUE_WEIGHT if cue else TITLE_WEIGHT if n == 0 else 1
                    previous, previous_start = (key, start + len(name), cue), start
                    town_before = False  # the place before the next is no town
    if tied:  # the title's lead-in names its place a partner, however the title is cased
        spelling.setdefault(tied[0], tied[1])
        weights[tied[0]] += CUE_WEIGHT
        partnered.add(tied[0])
    for name in _placed_lists(texts):  # "Raanana en Israël, Sousse en Tunisie et Pancevo en Serbie"
        key = fold(name)
        spelling.setdefault(key, name)
        weights[key] = max(weights[key], CUE_WEIGHT)
        partnered.add(key)
    for name in _fiche_places(texts):  # a fiche's "Localisation : Kouniana, cercle de San"
        key = fold(_place(name))
        spelling.setdefault(key, _place(name))
        weights[key] = max(weights[key], CUE_WEIGHT)
    for text in [title or "", *texts]:  # "le jumelage A - <town>": A is the partner
        for sentence in _SENTENCE.split(text):
            for name in _tied_to_town(sentence):  # as much as a cue's place, once: the
                key = fold(_place(name))  # order of the page's partners stays its mentions'
                spelling.setdefault(key, _place(name))
                weights[key] = max(weights[key], CUE_WEIGHT)
                partnered.add(key)
    for group in kinds:  # "le blason de Ramsgate aux côtés de ceux de Chimay et d'Hanau"
        keys = {fold(_place(name)) for name in group}
        if any(_same_place(key, other) for key in keys for other in partnered):
            partnered.update(key for key in keys if key in weights and key not in home)
    return weights, home, spelling, partnered


# A list of names after a plural cue and a colon or a comma ("nos 3 villes jumelles,
# Linlithgow, Pegnitz et Guyancourt"): names each after a comma or a joiner of a pair.
_LIST_START = re.compile(r"\s*[:,]\s*")
def _after_kind(sentence: str, at: int) -> int:
    """Where a list's member's name starts, past its kind if the sentence writes one there."""
    kind = _MEMBER_KIND.match(sentence, at)
    return kind.end() if kind else at


# a list's member named after its kind and maybe its country's adjective: "la ville irlandaise de "
_MEMBER_KIND = re.compile(
    rf"(?i:(?:(?:{'|'.join(map(re.escape, _WRITTEN['region_determiners']))})\s*)?(?:"
    + "|".join(re.escape(w) for w in sorted(_WRITTEN["place_nouns"], key=len, reverse=True))
    + rf"))(?:\s+(?!{CAPITAL})[^\W\d_]+)?\s+(?:(?:{'|'.join(map(re.escape, _WRITTEN['of']))})\s+|d['’]\s*)")
_LIST_OPENER = re.compile(rf"(?:{'|'.join(map(re.escape, _WORDS['list_openers']))})\s+", re.IGNORECASE)
# what may follow a listed place before the next: its country or region in brackets, or
# its country after a preposition ("Romsey en Angleterre"), then maybe its tie's year
# ("depuis 1959", "en 1992")
_LIST_ASIDE = re.compile(r"\s*\([^()\n]{1,60}\)")
_DATE_WORDS = lexicon("calendar")["words"]
_LIST_TIE_YEAR = re.compile(r"\s*,?\s*(?:" + "|".join(
    re.escape(w) for w in [*_DATE_WORDS["in"], *_DATE_WORDS["since"], *_DATE_WORDS["since_short"]])
    + r")\s+(?:1[89]|20)\d\d\b", re.IGNORECASE)


LIST_ASIDES = 2  # asides after a listed place: a bracket and its country, in either order


def _list_aside(sentence: str, at: int) -> int:
    """Where what follows a listed place ends (``at``: the place's end): its country in
    brackets or after a preposition ("Cuneo (Italie)", "Romsey en Angleterre"), then its
    tie's year ("Romsey en Angleterre depuis 1959"); ``at`` when nothing follows it.

    >>> text = "Romsey en Angleterre depuis 1959, Zell"
    >>> text[:_list_aside(text, 6)], _list_aside("Romsey en mai", 6)
    ('Romsey en Angleterre depuis 1959', 6)
    >>> text = "Penna (1 129 habitants) en Italie et"
    >>> text[:_list_aside(text, 5)]
    'Penna (1 129 habitants) en Italie'
    """
    from .places import country_code

    end = at
    for _ in range(LIST_ASIDES):  # "Penna in Teverina (1 129 habitants) en Italie"
        if aside := _LIST_ASIDE.match(sentence, end):
            end = aside.end()
        elif (after := _COUNTRY_AFTER.match(sentence, end)) and country_code(after[1]):
            end = after.end()
        else:
            break
    if (year := _LIST_TIE_YEAR.match(sentence, end)):  # "Kelheim en 1994 et Gao en 2003"
        end = year.end()
    return end
# the next member of a list: after a comma, a joiner of a pair, or the list's opener again
# ("jumelée avec Schopfheim en Allemagne depuis 1967, et avec Klatovy … depuis 1992")
_OPENERS = "|".join(map(re.escape, _WORDS["list_openers"]))
_LIST_NEXT = re.compile(rf"(?:\s*,\s*|\s+)(?:(?:{_JOINING_WORDS})\s+)?(?:{_OPENERS})\s+"
                        rf"|\s*,\s*|\s+(?:{_JOINING_WORDS})\s+(?:(?:{_NEAR_WORDS})\s*)?")


def _listed(sentence: str) -> dict[int, str]:
    """The names a sentence lists right after a plural cue of twinning and a colon or a
    comma, or after any word of a partner's cue and "avec" (``list_openers``), by where
    each starts, with the cue's word: two names at least, one after the other, each after
    a comma or a joiner and maybe its country in brackets or after a preposition, and its
    tie's year (:func:`_list_aside`: "nos 3 villes jumelles, Linlithgow, Pegnitz et
    Guyancourt", "Nos partenaires : Zell et Rye", "jumelée avec Cuneo (Italie), Szeged
    (Hongrie)", "jumelée avec Romsey en Angleterre depuis 1959 et Vermillion aux
    États-Unis depuis 1992"). Each is a partner of the town (or the
    town itself, which the caller knows); a cue followed by one name, or by words that are
    no names ("nos villes jumelles, qui nous reçoivent"), lists nothing.

    >>> text = "Les échanges de nos 3 villes jumelles, Linlithgow, Pegnitz et Guyancourt, ont eu lieu."
    >>> [(text[at:at + 7], cue) for at, cue in _listed(text).items()]
    [('Linlith', 'jumelles'), ('Pegnitz', 'jumelles'), ('Guyanco', 'jumelles')]
    >>> _listed("Nos villes jumelles, qui nous reçoivent chaque année, et Rye."), _listed("Nos amis, Rye.")
    ({}, {})
    >>> _listed("Merci à nos amis, Jean, Paul et Marie.")  # people
    {}
    >>> text = "La ville est jumelée avec Cuneo (Italie), Szeged (Hongrie) et Miami."
    >>> [(text[at:at + 5], cue) for at, cue in _listed(text).items()]
    [('Cuneo', 'jumelee'), ('Szege', 'jumelee'), ('Miami', 'jumelee')]
    >>> _listed("Le jumelage avec Cuneo a vingt ans.")
    {}
    >>> text = "Vaux est jumelée avec 2 petites villes européennes : Bourne End et Furci Siculo"
    >>> [(text[at:at + 5], cue) for at, cue in _listed(text).items()]
    [('Bourn', 'jumelee'), ('Furci', 'jumelee')]
    """
    return {name.start(): cue for run, cue in _list_runs(sentence) for name, _ in run}


# after "avec", a count and a noun of places, maybe with adjectives or their country, then a
# colon: the list follows ("jumelée avec trois villes : …", "avec 2 petites villes
# européennes : …", "trois communes du Sénégal : …"); the count a word or a number, never a
# capitalised word (a place)
_COUNTED_KIND = re.compile(rf"((?!{CAPITAL})[^\W\d_]+|\d+)\s+(?:(?!{CAPITAL})[^\W\d_]+\s+){{0,2}}?(?:"
                           + "|".join(
    re.escape(w) for w in sorted(lexicon("countries")["written"]["place_nouns"], key=len, reverse=True))
    + rf")(?:\s+(?!{CAPITAL})[^\W\d_]+){{0,2}}"
    + rf"(?:\s+(?:{'|'.join(map(re.escape, _WRITTEN['of']))})\s+({CAPITAL}[\w'’-]+))?\s*:\s*")


def _list_runs(sentence: str) -> list[tuple[list[tuple[re.Match[str], int]], str]]:
    """The lists of names of :func:`_listed`, each name with where what follows it ends
    (:func:`_list_aside`), and the cue's word."""
    found: list[tuple[list[tuple[re.Match[str], int]], str]] = []
    words = list(re.finditer(r"\w+", sentence))
    for n, word in enumerate(words):
        cue = fold(word.group())
        if cue in _LIST_CUES:
            opening = _LIST_START.match(sentence, word.end())
        elif n and fold(words[n - 1].group()).startswith(_PARTNER_STEMS) \
                and (opening := _LIST_OPENER.match(sentence, word.start())):
            cue = fold(words[n - 1].group())  # "jumelée avec A (X), B (Y), C (Z)"
        else:
            continue
        if not opening:
            continue
        at = opening.end()
        if counted := _counted_kind(sentence, at):  # "jumelée avec trois villes : A, B et C"
            at = counted.end()
        if len(names := _list_members(sentence, at)) >= 2:
            found.append((names, cue))
    # a count of places abroad and their list, anywhere after a partner's word ("nous avons
    # collaboré avec des partenaires situés dans trois communes du Sénégal : Pikine,
    # M'Bodienne et Louga"): as many names as the count says, each a partner
    listed = {names[0][0].start() for names, _ in found}
    for colon in re.finditer(":", sentence):
        for word in _WORD_START.finditer(sentence, max(0, colon.start() - COUNT_REACH), colon.start()):
            if (kind := _counted_kind(sentence, word.start())) is None or read_number(kind[1]) is None:
                continue
            before = [fold(w) for w in re.findall(r"\w+", sentence[:word.start()])]
            word_of = next((w for w in reversed(before)
                            if w.startswith(_PARTNER_STEMS) or w in _LIST_CUES), None)
            names = _list_members(sentence, kind.end())
            if word_of and names and names[0][0].start() not in listed and len(names) == read_number(kind[1]):
                found.append((names, word_of))
            break
    return found


COUNT_REACH = 80  # characters before a colon where a count of places may start
_WORD_START = re.compile(r"\b\w+")


def _counted_kind(sentence: str, at: int) -> re.Match[str] | None:
    """A count and a noun of places before a colon at ``at`` (:data:`_COUNTED_KIND`), its
    country, if written, a country's name ("trois communes du Sénégal :", not "deux villes
    de Bretagne :")."""
    from .places import country_code

    counted = _COUNTED_KIND.match(sentence, at)
    return counted if counted and (counted[2] is None or country_code(counted[2])) else None


def _list_members(sentence: str, at: int) -> list[tuple[re.Match[str], int]]:
    """The names listed from ``at`` on, each with where what follows it ends: each member
    maybe after its kind ("avec la ville irlandaise de Skerries en 1994 et la ville polonaise
    de Srem en 2003"); not after a comma alone, which sets an apposition off
    ("Soufouroulaye, commune de SIO": the member's own commune)."""
    names: list[tuple[re.Match[str], int]] = []
    kinded = True
    while (name := _NAME.match(sentence, _after_kind(sentence, at) if kinded else at)) is not None:
        end = _list_aside(sentence, name.end())
        names.append((name, end))
        if (joiner := _LIST_NEXT.match(sentence, end)) is None:
            break
        kinded = bool(joiner.group().strip(" ,"))
        at = joiner.end()
    return names


@cache
def _kind_lead() -> re.Pattern[str]:
    """The place's kind right before its name, folded: "la ville de ", "la commune d'"."""
    return re.compile(
        r"(?:\b(?:" + "|".join(re.escape(fold(d)) for d in _WORDS["lead_determiners"]) + r")\s*)?\b(?:"
        + "|".join(sorted(map(re.escape, _PLACE_NOUNS), key=len, reverse=True)) + r")\s+(?:"
        + "|".join(re.escape(fold(j)) for j in _WORDS["near_joiners"]) + r")\s*$")


def cued_places(sentence: str) -> list[str]:
    """The places a sentence names right after a cue that names a partner of the town,
    each with its country beside it, as written ("vient d'acter un jumelage avec la ville
    de Brescia (Italie)", "coopère avec Kita au Mali"): a partner however the page goes on.
    A place with no country beside it is none here ("en s'associant avec la ville belge
    de Tournai": the page's own section tells of it).

    >>> cued_places("La ville vient d'acter un jumelage avec la ville de Rieti (Italie) : le 3 mai 2016.")
    ['Rieti (Italie)']
    >>> cued_places("Le jumelage avec Rieti a vingt ans."), cued_places("Un voyage à Rieti (Italie).")
    ([], [])
    """
    found = []
    for name in _NAME.finditer(sentence):
        # the place's kind before it is no word of the cue's ("avec la ville de Brescia")
        window = _kind_lead().sub(" ", fold(sentence[max(0, name.start() - CUE_WINDOW):name.start()]))
        if not (_after_cue(window) and _partner_after(window)) or _not_a_partner(name.group()):
            continue
        end = _list_aside(sentence, name.end())
        if end > name.end():
            found.append(_LIST_TIE_YEAR.sub("", sentence[name.start():end]).strip())
    return found


# A place's country and its tie's year in one bracket ("Wangen im Allgäu (Allemagne, en
# 1980)", "Valpaços (Portugal, 2004)", "(Liban, depuis 2011)").
_BRACKET_TIE_YEAR = re.compile(r"\s*\(\s*(?P<country>[^(),]{1,40}?)\s*,\s*(?:(?:" + "|".join(
    re.escape(w) for w in [*_DATE_WORDS["in"], *_DATE_WORDS["since"], *_DATE_WORDS["since_short"]])
    + r")\s+)?(?P<year>(?:1[89]|20)\d\d)\s*\)", re.IGNORECASE)


def _bracket_tie_years(sentence: str, lower: frozenset[str]) -> list[tuple[str, int]]:
    """Each place (folded) a sentence of twinning gives its country and a year in one
    bracket, and that year (:func:`listed_tie_years`)."""
    from .places import country_code

    if not any(w.startswith(_PARTNER_STEMS) for w in re.findall(r"\w+", fold(sentence))):
        return []
    found = []
    for place in _NAME.finditer(sentence):
        bracket = _BRACKET_TIE_YEAR.match(sentence, place.end())
        name = (_trimmed(place.group(), lower) or [""])[-1]  # "Après Zell": "Zell"
        if bracket and name and country_code(bracket["country"]) and not _not_a_partner(name):
            found.append((fold(_place(name)), int(bracket["year"])))
    return found


_BRACKET_COUNTRY = re.compile(r"\s*\(\s*(?P<country>[^()]{1,40}?)\s*\)")


def bracketed_places(sentence: str) -> list[str]:
    """The places a sentence of twinning (a word of a partner's cue in it) names each with
    its country in brackets right after it, as "name (country)", in the order written
    ("les villes de Vaux, de Lauf (Allemagne) et de Kita (Mali) ont mis fin à leur
    jumelage"); none from a sentence that speaks of no tie.

    >>> bracketed_places("En 2020, le jumelage qui liait Vaux, Lauf (Allemagne) et Kita (Mali) a pris fin.")
    ['Lauf (Allemagne)', 'Kita (Mali)']
    >>> bracketed_places("Un voyage à Lauf (Allemagne).")
    []
    """
    from .places import country_code

    if not any(w.startswith(_PARTNER_STEMS) for w in re.findall(r"\w+", fold(sentence))):
        return []
    lower = lower_words(sentence)
    found = []
    for place in _NAME.finditer(sentence):
        bracket = _BRACKET_COUNTRY.match(sentence, place.end())
        name = (_trimmed(place.group(), lower) or [""])[-1]
        if bracket and name and country_code(bracket["country"]) and not country_code(name) \
                and not _not_a_partner(name):
            found.append(f"{_place(name)} ({bracket['country']})")
    return found


def listed_tie_years(texts: list[str]) -> dict[str, int]:
    """The tie's year a list of partners writes beside each (folded name → year: "jumelée
    avec Romsey en Angleterre depuis 1959 et Vermillion aux États-Unis depuis 1992"), a
    member with none taking the next member's, as a complement after a coordination does
    ("Zell (Autriche) et Rye (Angleterre) en 1970": both 1970).

    >>> listed_tie_years(["La ville est jumelée avec Zell (Autriche) et Rye (Angleterre) en 1970, "
    ...                   "puis Kita au Mali depuis 1985."])
    {'zell': 1970, 'rye': 1970}

    A bracket that gives a place's country and a year, in a sentence of twinning, gives the
    tie's year ("Après Zell (Autriche, en 1980) et Rye (Angleterre, 2004), Kita est devenue
    notre troisième ville jumelée"), whatever opens the list.

    >>> listed_tie_years(["Après Zell (Autriche, en 1980) et Rye (Angleterre, 2004), Kita est devenue "
    ...                   "notre troisième ville jumelée."])
    {'zell': 1980, 'rye': 2004}
    """
    years: dict[str, int] = {}
    for text in texts:
        lower = lower_words(text)
        for sentence in _SENTENCE.split(text):
            for key, tie in _bracket_tie_years(sentence, lower):
                years.setdefault(key, tie)
            for run, _ in _list_runs(sentence):
                written = [int(found[0][-4:]) if (found := _LIST_TIE_YEAR.search(sentence, name.end(), end))
                           else None for name, end in run]
                shared: list[int | None] = []
                for year in reversed(written):  # an undated member takes the next member's year
                    shared.append(year if year is not None or not shared else shared[-1])
                for (name, _), year in zip(run, reversed(shared), strict=True):
                    if year is not None:
                        years.setdefault(fold(_place(name.group())), year)
    return years


_TIE_BETWEEN = re.compile(r"\s*(?:" + "|".join(map(re.escape, _WORDS["tie_between"])) + r")\s", re.IGNORECASE)
BETWEEN_REACH = 6  # characters between the word that pairs a tie's sides and the town's name


def _venue_of_tie(sentence: str, end: int, own: list[tuple[int, int]]) -> bool:
    """The place ending at ``end`` is followed by the word that pairs the two sides of a tie
    and the town right after it (``own``: where the sentence names the town): "une
    convention de jumelage à Lomé entre <town> et …" names where the tie was sealed."""
    between = _TIE_BETWEEN.match(sentence, end)
    return between is not None and any(0 <= a - between.end() <= BETWEEN_REACH for a, _ in own)


def _town_first(before: str) -> bool:
    """The first place of a pair after a cue is the town ("le jumelage entre le Perray et
    Bellheim", "la délégation à Cové et Atakpamé"): not right after a cue and "de", which
    lead to a partner's double name ("le comité de jumelage de Reigate / Banstead").

    >>> _town_first("le jumelage entre les villes du "), _town_first("le comité de jumelage de ")
    (True, False)
    """
    words = re.findall(r"\w+'?", fold(before).replace("’", "'"))
    return not (len(words) >= 2 and words[-1] in _NEAR and words[-2].startswith(_CUE_STEMS)) \
        and not _with_kind(words)


def _with_kind(words: list[str]) -> bool:
    """The words before a place end with "avec" (``with_joiners``) and maybe the place's kind ("en partenariat
    avec la ville de"): the places joined after it are all the town's partners ("avec la
    ville de Tsévié et le village d'Assomé"), "avec" naming what is tied to the town.

    >>> _with_kind(["partenariat", "avec", "la", "ville", "de"]), _with_kind(["entre", "les", "villes", "du"])
    (True, False)

    So do a count and a country's adjective ("un protocole avec deux départements
    burkinabè, Arbollé et Pilimpikou": two partners, neither the town).

    >>> _with_kind(["protocole", "avec", "deux", "departements", "burkinabe"])
    True

    So does a plural kind joined to what comes before it, the town ("entre <town> et les
    communes Agoè-Nyivé 2 et Kloto 1": the other side of the tie, two communes).

    >>> _with_kind(["entre", "mamoudzou", "et", "les", "communes"]), _with_kind(["entre", "les", "communes"])
    (True, False)
    """
    from .numbers import read_number
    from .places import country_in

    at = len(words)
    if at and words[at - 1] in _NEAR:
        at -= 1
    if at > 1 and country_in(f"{_KIND_PROBE} {words[at - 1]}") is not None:
        at -= 1  # the kind's country adjective: "villes burkinabè"
    plural = False
    if at and (words[at - 1] in _PLACE_NOUNS or words[at - 1].rstrip("s") in _REGION_NOUNS):
        plural = words[at - 1].endswith("s") and words[at - 1].rstrip("s") in _PLACE_NOUNS
        at -= 1
    if at and (words[at - 1] in _LEAD_DETERMINERS or read_number(words[at - 1]) is not None):
        at -= 1
    return at > 0 and (words[at - 1] in _WITH or (plural and at > 1 and words[at - 1] in _PAIR_JOINERS))


_WITH = frozenset(fold(j) for j in _WORDS["with_joiners"])
_PAIR_JOINERS = frozenset(fold(j) for j in _WORDS["pair_joiners"] if j.isalpha())
_KIND_PROBE = _WRITTEN["place_nouns"][0]  # a kind of place before a word, to read it as a country's adjective


def _same_place(key: str, other: str) -> bool:
    """Two keys of one place, one's words among the other's ("hanau", "hanau-grossauheim")."""
    words, others = set(re.findall(r"\w+", key)), set(re.findall(r"\w+", other))
    return bool(words) and (words <= others or others <= words)


_OF = "|".join(rf"\b{re.escape(j[:-1])}{APOSTROPHE}" if j.endswith("'") else rf"\b{re.escape(j)}\s+"
               for j in _WORDS["near_joiners"])  # "de ", "d'", "du "
_PRONOUN = re.compile(r"\b(?:" + "|".join(_WORDS["same_kind_pronouns"]) + rf")(?=\s+(?:{_OF}))",
                      re.IGNORECASE)
_OF_NAME = re.compile(rf"(?:{_OF})({_PART}(?:\s{_PART})*)")


def _of_a_kind(sentence: str) -> list[str]:
    """The places a sentence names as things of one kind, the second named by a pronoun
    that stands for the first's noun ("le blason de Ramsgate aux côtés de ceux de Chimay et
    d'Hanau": three towns' coats of arms): the place before the pronoun and those after it.

    >>> _of_a_kind("Le drapeau de Rye flotte à côté de ceux de Zell et d'Ypres.")
    ['Rye', 'Zell', 'Ypres']
    >>> _of_a_kind("Le maire de Rye est venu.")
    []
    """
    pronoun = _PRONOUN.search(sentence)
    if pronoun is None:
        return []
    before = _OF_NAME.findall(sentence[:pronoun.start()])[-1:]
    after = _OF_NAME.findall(sentence, pronoun.end())
    return before + after if before and after else []


_TITLE_PAIR = frozenset(fold(j) for j in _WORDS["pair_joiners"] if j.isalpha() or j == "&")


def _place(name: str) -> str:
    from .places import place_name

    return place_name(name) or name


def named_partner(title: str | None, texts: list[str]) -> str | None:
    """The place a page names as its partner: the proper noun with the most weight, a
    mention after a cue of twinning counting ``CUE_WEIGHT``, one in the title
    ``TITLE_WEIGHT``, any other 1; not the page's own town (the first of a pair, "Sceaux /
    Brühl"); ``None`` when none weighs ``ENOUGH``.

    >>> named_partner("Visite de nos amis de Brühl", ["Le jeudi, le car arrive à la Mairie."])
    'Brühl'
    >>> named_partner("Jumelage", ["Par la convention de janvier 1998, les villages ont signé "
    ...                 "un accord de jumelage avec Rösrath, ville allemande."])
    'Rösrath'
    >>> named_partner("Comité de jumelage Luitré-Dompierre et Przygodzice", ["Le comité a reçu 51 amis."])
    'Przygodzice'
    >>> named_partner("Les objectifs du jumelage", ["Un jumelage rapproche les peuples."]) is None
    True
    """
    found = named_partners(title, texts)
    return found[0] if found else None


def _renamed(name: str, texts: list[str]) -> bool:
    """Whether the page gives ``name`` as another name of a place ("Duisdorf, devenue
    Bonn-Hardtberg", "Bonn-Hardtberg (anciennement Duisdorf)"): the same partner.

    >>> _renamed("Duisdorf", ["1967 : Jumelage avec Duisdorf, devenue Bonn-Hardtberg"])
    True
    >>> _renamed("Duisdorf", ["Bonn-Hardtberg (anciennement Duisdorf)"])
    True
    >>> _renamed("Doutchi", ["le choix de Dogondoutchi, dite aussi « Doutchi »"])
    True
    >>> _renamed("Rye", ["nos amis de Rye, devenus de vrais amis"])  # no new name after it
    False
    """
    escaped = re.escape(name)
    return any(((after := _RENAMED_AFTER.search(text[found.end():found.end() + BESIDE]))
                and after["initial"].isupper())
               or _RENAMED_BEFORE.search(text[max(0, found.start() - BESIDE):found.start()])
               for text in texts for found in re.finditer(escaped, text, re.IGNORECASE))


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# after an old name: a cue, maybe a determiner, then a capital (the new name's); before one: a
# cue, maybe a joiner ("ancienne commune de"), right before it
_RENAMED_AFTER = re.compile(
    rf"^\s*[,(–-]?\s*(?:{_alternatives(_WORDS['renamed_after'])})\s+"
    rf"(?:(?:{_alternatives(_WORDS['lead_determiners'])})\s*)?(?P<initial>[^\W\d_])", re.IGNORECASE)
_RENAMED_BEFORE = re.compile(
    rf"(?:{_alternatives(_WORDS['renamed_before'])})[\s-]+"
    rf"(?:(?:{_alternatives(_WORDS['near_joiners'])})\s*)?(?:[\u00ab\"\u201c]\s*)?$", re.IGNORECASE)


# an acronym in brackets right after the lower-case words it stands for
# an act history names after a place, right before the name: "du traité de l'"
_NAMED_ACT = re.compile(
    rf"\b(?:{_alternatives(_WORDS['named_acts'])})\s+(?:{_alternatives(_WORDS['near_joiners'])})\s*"
    rf"(?:{_alternatives(_WORDS['lead_determiners'])})?\s*$".replace("'", "['’]"), re.IGNORECASE)
_DEFINED_ACRONYM = re.compile(r"(\w)\s*\(\s*([A-Z][A-Z0-9&]{1,7})\s*\)")


@cache
def _named_institution() -> re.Pattern[str]:
    """An institution's word, then a name in quotes: "l'association « Essonne-Sahel »"."""
    from .read import INSTITUTIONS

    return re.compile(rf"\b(?:{_alternatives(list(INSTITUTIONS))})\s*[\u00ab\"\u201c]\s*"
                      rf"([^\u00bb\"\u201d]{{1,60}}?)\s*[\u00bb\"\u201d]", re.IGNORECASE)


def _acronyms(texts: list[str]) -> set[str]:
    """The acronyms a page defines in brackets after the words they stand for ("l'Association
    de jumelage entre les camps de réfugiés palestiniens et les villes françaises (AJPF)",
    "Yvelines coopération internationale et développement (YCID)"), folded: an
    organisation's, however often a cue of twinning names it ("les délégations de l'AJPF"),
    never a partner place; so is a name in quotes after an institution's word
    ("l'association « Essonne-Sahel »").

    >>> sorted(_acronyms(["Avec l'Association des villes jumelées (AVJ) et Gao (Mali)."]))
    ['avj']

    An acronym written after an article each time ("une délégation du CRIC", "le CRIC agit")
    is an organisation's too (``acronym_determiners``); "la ville de SREM" names a place.

    >>> sorted(_acronyms(["Une délégation du CRIC est venue. Le CRIC agit avec la ville de SREM."]))
    ['cric']
    """
    articled: dict[str, bool] = {}
    for text in texts:
        for found in _ACRONYM.finditer(text):
            before = fold(text[max(0, found.start() - ARTICLE_REACH):found.start()])
            after_article = bool(_ARTICLE_BEFORE.search(before))
            articled[found.group()] = articled.get(found.group(), True) and after_article
    return {fold(found[2]) for text in texts for found in _DEFINED_ACRONYM.finditer(text)
            if found[1].islower()} | {fold(found[1]) for text in texts
                                       for found in _named_institution().finditer(text)} \
        | {fold(name) for name, always in articled.items() if always}


_ACRONYM = re.compile(r"(?<![\w'’-])[A-Z]{2,6}(?![\w'’-])")
ARTICLE_REACH = 5  # characters before an acronym that hold its article: "du ", "l'"
_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?:" + "|".join(
    re.escape(fold(w)) for w in _WORDS["acronym_determiners"]) + r")(?:\s+|(?<=['’]))$")


def _before_town(name: str) -> str | None:
    """The one word joined by a hyphen before the town's name that ends ``name``
    ("Ludwigsau-Changé", "Rottweil-Ivry-sur-Seine"): a partner a committee's name pairs
    with the town; ``None`` when the name is not so ("Luitré-Dompierre" is the town), or
    when the words before the pair name a body that is no tie's ("Union Sportive
    Millery-Vourles": a club of two neighbours; "Comité de jumelage Ludwigsau-Changé" is one).
    """
    from .config import config

    town = re.search(rf"(?<=\w)-(?:{config().town.name_pattern()})$", name, re.IGNORECASE)
    if town is None:
        return None
    words = name[:town.start()].split()
    if len(words) > 1 and not any(fold(w).startswith(_TIE_STEMS) for w in words[:-1]):
        return None
    before = words[-1:]
    return before[0] if before and not _town_spans(before[0]) and not _is_town(f"{before[0]}{town[0]}") \
        else None


def named_partners(title: str | None, texts: list[str], lines: list[str] | None = None) -> list[str]:
    """The places a page names as partners of the town: the one it tells of
    (:func:`named_partner`) first, then the others it names after a cue of twinning
    ("recevait également une délégation de nos amis Québécois de Lac Mégantic"), in a list
    after a plural one ("les 60e et 50e anniversaires des jumelages avec, respectivement,
    Hanau-Grossauheim et Chimay"), as a pair of the title ("Radcliffe-on-Trent et
    Holme-Pierrepont-and-Gamston") or as one subject with the town of a sentence of
    twinning ("Viroflay et Hassloch entretiennent des actions de coopération"); none when
    the page names no partner. A place whose words are among those of one found before
    ("Dunmow", "Hanau") is that one. A page that names none so is read on narrower evidence
    (:func:`_named_otherwise`), over its ``lines`` as written when given (``texts`` joins
    the lines of a paragraph cut by hard line breaks; a list's lines are read one by one).

    >>> named_partners("Rencontres", ["En 2019, nous avons rendu visite à nos amis de Rye. Notre ville "
    ...                "recevait aussi une délégation de nos amis Québécois de Lac Brome."])
    ['Rye', 'Lac Brome']
    >>> named_partners("Visite", ["En 2019, nous avons rendu visite à nos amis de Rye, puis visité Londres."])
    ['Rye']
    """
    from .places import name_words

    texts = list(dict.fromkeys(text.strip() for text in texts))  # a caption a slider repeats: one mention
    weights, home, spelling, partnered = _mentions(title, texts)
    group = _town_group(texts)  # the communes of the town's own side
    home |= group
    # a place a sentence of a tie presents with its country ("L'autre jumelage concerne la
    # ville de Coronado au Portugal") is cued as one after "jumelage avec" is
    partnered |= {key for name in _placed_in_tie(texts, kind=True) if (key := fold(name)) in weights}
    partnered -= group
    for key in list(weights):
        if key not in spelling or _is_town(spelling[key]):
            continue  # the town itself, an apposition's end ("maire de Bram, l'amitié entre Bram")
        parts = key.split("-")
        written = spelling[key].split("-")
        # the town's name first, hyphens and all ("VIRE-TOTNES", "IVRY-SUR-SEINE-KALTENBACH")
        town_end = max((n for n in range(1, len(parts)) if _is_town("-".join(written[:n]))), default=None)
        rest = "-".join(parts[town_end:]) if town_end else ""
        if rest.startswith(_TIE_STEMS) or (town_end and len(parts) - town_end > 1):
            home.add(key)  # "Quint-Fonsegrives-Jumelages", "Charleval-Andelle-Massili": the
            continue  # town's own association, named after it and more words
        if len(parts) == 2 and all(p in weights for p in parts):  # "La Fouillouse-Soufouroulaye"
            home.add(parts[0])
            weights[parts[1]] += weights.pop(key)
        elif town_end and len(rest) >= MIN_NAME and written[town_end][:1].isupper():
            # ("Joigny-baobab": a word in lower case names an association, no place)
            # "VIRE-TOTNES": the town and its partner, as a title pairs them
            home.add("-".join(parts[:town_end]))
            spelling.setdefault(rest, "-".join(written[town_end:]))
            weights[rest] += weights.pop(key) + CUE_WEIGHT
            partnered.add(rest)
        elif (before := _before_town(spelling[key])) and len(before) >= MIN_NAME:
            # "Comité de jumelage Ludwigsau-Changé": the partner first, then the town
            weights[fold(before)] += weights.pop(key) + CUE_WEIGHT
            spelling.setdefault(fold(before), before)
            partnered.add(fold(before))
    _merge_spellings(weights, home, partnered)
    weights = sifted(weights, spelling)  # no document's word, room nor file (pipeline.gate)
    defined = _acronyms(texts) | _listed_people(texts) | _apposed_people(texts)
    weights = Counter({key: weight for key, weight in weights.items() if key not in defined})
    ranked = [(key, weight) for key, weight in weights.most_common() if key not in home]
    if not ranked or ranked[0][1] < ENOUGH:  # the town's own side is never its partner
        return _named_otherwise(texts, weights, lines or texts, title, home)
    if (twins := _twin_lines(lines or texts)) and fold(twins[0]) != ranked[0][0] \
            and ranked[0][0] not in partnered - {fold(name) for name in _placed_lists(texts)}:
        return twins  # the page lists its twins, a line each with its country ("- Lohr
        # (Allemagne) depuis 2015"): they, not the place its news names most ("Flers")
    found = [ranked[0][0]]
    seen = [name_words(spelling[found[0]])]
    for key, _ in ranked[1:]:
        words = name_words(spelling[key])
        if key in partnered and words and not _institution(spelling[key]) \
                and not any(words <= other or other <= words for other in seen) \
                and not _renamed(spelling[key], texts):
            found.append(key)
            seen.append(words)
    return [spelling[key] for key in found]


SPELLINGS = 40  # the most named candidates compared for close spellings: a page of a
# thousand names costs no million comparisons


def _listed_people(texts: list[str]) -> set[str]:
    """The names (folded) of a list that names a person among them ("avec à droite Maryse
    Marsal, Manuel Fernandes et Elie Dos Santos"): a list's items are of one kind, so each
    name of two words or more is a person's too, however rare its given name; a place of one
    word in such a list stays a candidate.

    >>> sorted(_listed_people(["Nous avons reçu Maryse Marsal, Manuel Fernandes et Elie Dos Santos."]))
    ['elie dos santos', 'manuel fernandes', 'maryse marsal']
    >>> _listed_people(["Visites à Kelheim, Manuel Fernandes et Gao."])
    set()
    """
    from .gate import person

    found: set[str] = set()
    for text in texts:
        names = list(_NAME.finditer(text))
        run: list[str] = []
        for n, name in enumerate(names):
            run.append(name.group())
            joiner = _LIST_NEXT.match(text, name.end()) if n + 1 < len(names) else None
            if joiner is not None and joiner.end() == names[n + 1].start():
                continue
            if len(run) >= MIN_LISTED_PEOPLE and any(map(person, run)):
                found.update(fold(each) for each in run if len(each.split()) >= MIN_LISTED_PEOPLE)
            run = []
    return found


MIN_LISTED_PEOPLE = 2  # names of a list, and words of a name, that make a list of people
TITLE_REACH = 90  # characters read before and after a name for the title of its apposition
_TITLE_WORDS = "|".join(sorted(map(re.escape, _PERSON_TITLES), key=len, reverse=True))
# a person's title and the place or body it serves, then a comma: the name after it is the
# holder's ("Le maire de la commune de Ziguinchor, Ousmane Sonko, a reçu …")
_TITLE_OF_BEFORE = re.compile(rf"(?<![\w-])(?:{_TITLE_WORDS})\s+(?:{'|'.join(map(re.escape, _WRITTEN['of']))}"
                              rf"|d['’])[^,.;:!?()]{{0,60}},\s*$")
# a comma, then a person's title without its article and what it serves, right after a
# name: the name is the holder's ("Ousmane Sonko, maire de Ziguinchor"; "à Bad Kissingen,
# le maire nous a reçus" names a place)
_TITLE_AFTER = re.compile(rf",\s*(?:{_TITLE_WORDS})\s+(?:{'|'.join(map(re.escape, _WRITTEN['of']))}|d')"
                          r"(?![\w-])")


def _apposed_people(texts: list[str]) -> set[str]:
    """The names (folded) of two words or more that an apposition gives a person's title,
    before or after them ("Le maire de la commune de Ziguinchor, Ousmane Sonko", "Ousmane
    Sonko, maire de Ziguinchor"): a person, however the page names him elsewhere (a news
    title's "Ousmane Sonko reçoit ses premiers partenaires"), never the partner.

    >>> sorted(_apposed_people(["Le maire de la commune de Gao, Adama Traoré, a reçu la délégation."]))
    ['adama traore']
    >>> sorted(_apposed_people(["Adama Traoré, maire de Gao, a reçu la délégation."]))
    ['adama traore']
    >>> _apposed_people(["Le maire de Rye, Lac Brome et Gao."])
    set()
    >>> _apposed_people(["À Bad Kissingen, le maire de la ville."])
    set()
    """
    found: set[str] = set()
    for text in texts:
        for name in _NAME.finditer(text):
            if len(name.group().split()) < MIN_LISTED_PEOPLE:
                continue
            before = fold(text[max(0, name.start() - TITLE_REACH):name.start()]).replace("’", "'")
            after = fold(text[name.end():name.end() + TITLE_REACH]).replace("’", "'")
            if (_TITLE_OF_BEFORE.search(before) and after.lstrip().startswith(",")) \
                    or _TITLE_AFTER.match(after):
                found.add(fold(name.group()))
    return found


def _merge_spellings(weights: Counter[str], home: set[str], partnered: set[str]) -> None:
    """One place a page writes in close spellings ("Sant'Agata Sul Santero", "Sant'Agata
    Sul Santerno": :func:`pipeline.places.close_spellings`) is one candidate: the less
    named spelling's weight goes to the more named one, and what is said of it too.

    >>> weights = Counter({"sant'agata sul santero": 3, "sant'agata sul santerno": 1, "ravenne": 3})
    >>> _merge_spellings(weights, set(), set()); weights
    Counter({"sant'agata sul santero": 4, 'ravenne': 3})
    """
    from .places import close_spellings

    kept: list[str] = []
    for key, _ in weights.most_common(SPELLINGS):
        same = next((other for other in kept if close_spellings(key, other)), None)
        if same is None:
            kept.append(key)
            continue
        weights[same] += weights.pop(key)
        for known in (home, partnered):
            if key in known:
                known.add(same)


def _named_otherwise(texts: list[str], weights: Counter[str], lines: list[str],
                     title: str | None = None, home: Container[str] = ()) -> list[str]:
    """The partners of a page that names none after a cue of twinning, on narrower
    evidence, the strongest first; none unless the page speaks of twinning or cooperation
    (a cue's word somewhere, its ``title`` too), and none of the page's own town or its side
    (``home``: the first reading that names another place wins), a country or a region
    (``lines``: the page's lines as written, where a list's lines are read one by one):

    - ``listed``: two lines or more that each name a place and its country ("Ogre en
      Lettonie depuis 2005", a place glued to the link before it: "Capitale RigaOgre en
      Lettonie"), on a page that says the town is twinned or works with others: a list of
      its partners (:func:`_twin_lines`);
    - ``signed``: a line of a place and a day alone ("A Watchet le 07 avril 1979") beside
      one of the town's own ("Saint Renan le 27 mai 1979."): a charter signed once in each
      town (:func:`_signed`);
    - ``travelled``: a place a trip of the page goes to or comes from ("nous nous sommes mis
      en route pour Oberelsbach", "direction Kinsi"), named again on the page or with its
      country beside it (:func:`_travelled`), the most named first;
    - ``headlined``: the place of a dated headline alone on its line ("– 2019 à Lipnica –",
      a news heading of a twinning page: :func:`_headlined`).

    >>> texts = ["Le jumelage.", "Partis pour Rye, nous y arrivons.", "Rye est belle."]
    >>> _named_otherwise(texts, Counter({"rye": 2}), texts)
    ['Rye']
    >>> _named_otherwise(texts[:2], Counter({"rye": 1}), texts[:2])
    []
    """
    if not any(_cued(sentence) for text in [title or "", *texts] for sentence in _SENTENCE.split(text)):
        return []
    readings: list[Callable[[], list[str]]] = [
        lambda: _twin_lines(lines), lambda: _signed(lines), lambda: _counted_back([title or "", *texts]),
        lambda: _travelled(texts, weights),
        lambda: _headlined(lines), lambda: _placed_in_tie(texts), lambda: _of_a_place(texts),
        lambda: _by_its_people(texts)]
    for reading in readings:  # the first that names a place not of the town's own side
        if found := [name for name in reading() if fold(name) not in home]:
            return found
    return []


_HOLDERS = "|".join(sorted({re.escape(fold(w)) for w in (*_WRITTEN["place_nouns"], *_WORDS["place_holders"])},
                            key=len, reverse=True))
# a kind of place or an office of one, up to two words that qualify it, then "de" and a name
# ("la commune rurale de DEMBELLA", "le nouveau maire de Waldenburg"), or a plural kind and a
# colon before a list ("3 nouvelles communes : BLENDIO, BENKADI et TELLA")
_OF_A_PLACE = re.compile(rf"(?<!\w)(?:{_HOLDERS})(?:\s+[^\W\d_]+){{0,2}}?"
                         r"(?:\s+(?:" + "|".join(re.escape(fold(j)) for j in _WORDS["near_joiners"])
                         + r")\s*|s?\s*:\s*)")  # matched in folded text: one apostrophe
_LIST_DETERMINER = re.compile(r"(?:" + "|".join(
    re.escape(d).replace("'", APOSTROPHE) + ("" if d.endswith("'") else r"\s+")
    for d in _WORDS["lead_determiners"]) + r")(?=\w)")  # "…, la Croix Hélléan et …"
_LIST_JOINER = re.compile(r"\s*(?:,|" + "|".join(rf"\b{re.escape(j)}\b" for j in _WORDS["pair_joiners"]
                                                if j.isalpha()) + r")\s*")


def _of_a_place(texts: list[str]) -> list[str]:
    """The places a page introduces by a kind of place or an office held in one (the
    lexicon's ``place_nouns`` and ``place_holders``), the first first, the town's own aside
    (and the places a list names with it: :func:`_town_group`): the partners of a page that
    names none otherwise, whose sentences tell of a commune of the cooperation rather than
    of a twinning.

    >>> _of_a_place(["Les villages ont créé la commune rurale de DEMBELLA.",
    ...              "Le projet a été élargi à 3 nouvelles communes : BLENDIO, BENKADI et TELLA."])
    ['DEMBELLA', 'BLENDIO', 'BENKADI', 'TELLA']
    >>> _of_a_place(["Avec le nouveau maire de Waldenburg M. Herzog, nous relançons l'amitié."])
    ['Waldenburg']
    """
    from .places import partner_countries

    found: list[str] = []
    for text, listed, names in _kinds_named(texts):
        if listed and any(_is_town(name) for name, _ in names):
            continue  # the town's own group of communes
        for name, end in names:
            bracket = _BRACKETS_AFTER.match(text, end)
            if bracket is not None and partner_countries(bracket[1])[1] == HOME_COUNTRY:
                continue  # "SAINT-MAXIMIN (Isère)": a commune of France
            if (candidate := _candidate(name)) and candidate not in found:
                found.append(candidate)
                if len(found) >= TRIPS:
                    return found  # as many as trips: a page of thousands reads in linear time
    return found


# "ces deux communes": the anaphor, a number, a kind of place (matched in folded text)
_COUNTED_BACK = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, _WORDS['counted_anaphors']))})\s+"
                           rf"(?P<n>[\w-]+)\s+(?:{_HOLDERS})\b")


def _counted_back(texts: list[str]) -> list[str]:
    """The places a plural anaphor counts back to ("Yvon Jérôme, Maire de Carrefour et
    Estenval Valcius, Maire de Gressier … son engagement solidaire envers ces deux
    communes"): the last that many places introduced by a kind or an office before it
    (:func:`_of_a_place`).

    >>> _counted_back(["Le maire de Kita et le maire de Gao sont venus : nous aidons ces deux communes."])
    ['Kita', 'Gao']
    >>> _counted_back(["Le maire de Kita est venu : nous aidons ces deux communes."])
    []
    """
    from .numbers import read_number

    anaphors = ((at, found) for at, text in enumerate(texts) for found in _COUNTED_BACK.finditer(fold(text)))
    for at, found in islice(anaphors, ANAPHORS):  # the page's first few: each reads the text before it
        count = read_number(found["n"])
        if count is None or count < PLACED_LIST:
            continue
        named = _of_a_place([*texts[:at], texts[at][:found.start()]])
        if len(named) >= count:
            return named[-count:]
    return []


ANAPHORS = 3  # counted anaphors read: a page of thousands of "ces deux communes" reads in linear time


_DEMONYM_ENDINGS = sorted({fold(e) for e in lexicon("people")["demonym_endings"]}, key=len, reverse=True)
MIN_STEM = 4  # letters of a place's stem in its people's word ("somon" of "somonoise")
STEM_TAIL = 2  # letters a place's name may have after its people's stem ("Somone")


def _by_its_people(texts: list[str]) -> list[str]:
    """The place a delegation is named after by its people's word ("La délégation
    somonoise est rentrée au Sénégal", the page writing "à la Somone" elsewhere): a place
    of the page whose name is that word's stem and a letter or two (the lexicon's
    ``demonym_endings`` taken off), the town's own aside; the last evidence of a page that
    names its partner no other way.

    >>> _by_its_people(["La délégation somonoise est rentrée.", "Anne, notre correspondante à la Somone."])
    ['Somone']
    >>> _by_its_people(["La délégation allemande est rentrée de Berlin."])
    []
    """
    stems: set[str] = set()
    for text in texts:
        for found in _RETINUE_PEOPLE.finditer(fold(text)):
            word = found["people"].removesuffix("s")
            ending = next((e for e in _DEMONYM_ENDINGS if word.endswith(e)), None)
            if ending and len(word) - len(ending) >= MIN_STEM and len(stems) < TRIPS:
                stems.add(word[:-len(ending)])
    if not stems:
        return []
    lower = lower_words(" ".join(texts))
    found_places: list[str] = []
    for text in texts:
        for run in _NAME.finditer(text):
            for name in _trimmed(run.group(), lower):
                key = fold(name)
                if any(key.startswith(stem) and len(key) - len(stem) <= STEM_TAIL for stem in stems) \
                        and (candidate := _candidate(name)) and candidate not in found_places:
                    found_places.append(candidate)
    return found_places


_RETINUE_PEOPLE = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _DELEGATION))
                             + r")\w*\s+(?P<people>[^\W\d_]+)")  # in folded text: "delegation somonoise"


def _town_group(texts: list[str]) -> set[str]:
    """The places (folded) a list after a kind of place names with the town itself: the
    communes of the town's own side ("Le Comité regroupe trois communes : Guillac, la Croix
    Hélléan et Josselin" on Guillac's page), never its partners.

    >>> sorted(_town_group(["Notre comité regroupe trois communes : Kelheim, la Roche et Ivry-sur-Seine."]))
    ['kelheim', 'roche']
    """
    return {fold(name) for _, listed, names in _kinds_named(texts) if listed
            and any(_is_town(name) for name, _ in names) for name, _ in names if not _is_town(name)} \
        | _chained_to_country(texts) | _joined_town(texts)


_JOINING = re.compile(rf"\b(?:{'|'.join(map(re.escape, _WORDS['joining_stems']))})\w*\s+"
                      rf"(?:(?:{'|'.join(map(re.escape, sorted(_FAR)))})\s+)?$")


def _joined_town(texts: list[str]) -> set[str]:
    """The places (folded) a clause names before a verb of joining the town
    (``joining_stems``: "La Geneytouse, Eybouleuf et Saint-Denis ont rejoint Royères"):
    communes that joined the town's side.

    >>> from pipeline.config import config
    >>> sorted(_joined_town([f"À trois : Kelheim et la Roche ont rejoint {config().town.name}."]))
    ['kelheim', 'roche']
    """
    found: set[str] = set()
    lower: frozenset[str] | None = None
    for text in texts:
        for sentence in _SENTENCE.split(text):
            for start, _ in _town_spans(sentence):
                before = sentence[max(0, start - CUE_WINDOW):start]
                if (verb := _JOINING.search(fold(before))) is None:
                    continue
                lower = lower if lower is not None else lower_words(" ".join(texts))
                clause = re.split(r"[.;:!?()]", sentence[:start - len(before) + verb.start()])[-1]
                found.update(fold(_place(name)) for m in _subject_list(clause)
                             for name in _trimmed(m.group(), lower) if not _is_town(name))
    return found


def _subject_list(clause: str) -> list[re.Match[str]]:
    """The names a clause ends on before its verb, as its subject: the last name, at most
    a couple of words before the clause's end (an auxiliary: "… Saint-Denis ont"), and the
    names a list joins to it ("La Geneytouse, Eybouleuf et Saint-Denis"); none when the clause
    goes on past its names ("un pompier de Leiria, bien connu …, parti du Portugal le 17 juin,
    a": a traveller, whose places did not join the town).

    >>> [m.group() for m in _subject_list("et enfin Kelheim, Gao et la Roche ont ")]
    ['Kelheim', 'Gao', 'Roche']
    >>> _subject_list("un pompier de Kelheim, bien connu, parti de Kita le 17 juin, a ")
    []
    """
    names = list(_NAME.finditer(clause))
    if not names or len(clause[names[-1].end():].split()) > SUBJECT_GAP:
        return []
    listed = [names[-1]]
    for name in reversed(names[:-1]):
        joiner = _SUBJECT_JOINER.match(clause, name.end())
        if joiner is None or joiner.end() != listed[0].start():
            break
        listed.insert(0, name)
    return listed


SUBJECT_GAP = 2  # words between a clause's subject and its verb of joining: "ont", "se sont"
_SUBJECT_DETERMINER = rf"(?:(?:{'|'.join(map(re.escape, _WRITTEN['region_determiners']))})\s*)?"
_SUBJECT_JOINER = re.compile(rf"\s*,\s*(?:(?:{_JOINING_WORDS})\s+)?{_SUBJECT_DETERMINER}"
                             rf"|\s+(?:{_JOINING_WORDS})\s+{_SUBJECT_DETERMINER}")


def _chained_to_country(texts: list[str]) -> set[str]:
    """The places (folded) a chain of three names or more pairs with the town and a country
    at its end ("le comité de jumelage LES MOLIÈRES/LIMOURS/MALI"): towns of one side,
    twinned together with the country's.

    >>> sorted(_chained_to_country(["Le comité Kelheim/Ivry-sur-Seine/Mali a vingt ans."]))
    ['kelheim']
    >>> sorted(_chained_to_country(["Jumelage entre Kelheim et Ivry-sur-Seine/France"]))
    []
    """
    from .places import country_code

    found: set[str] = set()
    for text in texts:
        names = list(_NAME.finditer(text))
        chain, joiners = [0], set()
        for i in range(1, len(names) + 1):
            joiner = fold(text[names[i - 1].end():names[i].start()]).strip() if i < len(names) else ""
            if i < len(names) and _PAIR.fullmatch(joiner):
                chain.append(i)
                joiners.add(joiner)
                continue
            chained = [names[j].group() for j in chain]
            # one joiner all along: "Loumbila et Mitry-Mory/France" pairs two towns, the
            # second with its country, no chain of one side
            if len(chained) >= CHAIN and len(joiners) == 1 and country_code(chained[-1]) \
                    and any(map(_is_town, chained)):
                found.update(fold(name) for name in chained[:-1] if not _is_town(name))
            chain, joiners = [i], set()
    return found


CHAIN = 3  # names of a chain with the town and a country: two would be the town and its partner


def _kinds_named(texts: list[str]) -> Iterator[tuple[str, bool, list[tuple[str, int]]]]:
    """Each text (composed), whether a list follows its kind of place (a plural and a colon),
    and the names after each kind of place or office (:data:`_OF_A_PLACE`), where each ends
    (an initial after a name aside: "Waldenburg M. Herzog"; a list's determiners aside: "la
    Croix Hélléan")."""
    lower = lower_words(" ".join(texts))
    for text in map(nfc, texts):
        for cue in _OF_A_PLACE.finditer(fold(text)):  # one character for one: offsets carry over
            at, listed = cue.end(), cue.group().rstrip().endswith(":")
            names: list[tuple[str, int]] = []
            while (run := _NAME.match(text, at)) is not None:
                trimmed = _trimmed(run.group(), lower)
                words = trimmed[0].split() if trimmed and run.group().startswith(trimmed[0]) else []
                while words and len(words[-1]) == 1:
                    words.pop()
                if words:
                    names.append((" ".join(words), run.start() + len(" ".join(words))))
                joiner = _LIST_JOINER.match(text, run.end()) if listed else None
                if joiner is None or not joiner.group().strip():
                    break
                at = joiner.end()
                if determiner := _LIST_DETERMINER.match(text, at):
                    at = determiner.end()
            yield text, listed, names


def _placed_in_tie(texts: list[str], kind: bool = False) -> list[str]:
    """The places a sentence of a tie (a partner's cue: "dépose un dossier de candidature
    de jumelage") presents with their country or foreign region beside them ("à
    Kirchheimbolanden, ville de Rhénanie-Palatinat, le maire …"), the first first: the
    partner of a page that names none otherwise. With ``kind``, only those named after
    their kind too ("L'autre jumelage concerne la ville de Coronado au Portugal"): a
    partner besides the ones found, where a region or a sight beside its country is none.

    >>> _placed_in_tie(["À Zell, ville de Rhénanie-Palatinat, le maire veut un jumelage."])
    ['Zell']
    >>> _placed_in_tie(["À Zell, ville de Rhénanie-Palatinat, le maire est venu."])
    []
    """
    found: list[str] = []
    for text in texts:
        lower = lower_words(text)
        for sentence in _SENTENCE.split(text):
            if not any(w.startswith(_PARTNER_STEMS) for w in re.findall(r"\w+", fold(sentence))):
                continue
            for run in _NAME.finditer(sentence):
                for name in _trimmed(run.group(), lower):
                    end = run.start() + run.group().index(name) + len(name)
                    code = _country_after(sentence[end:end + BESIDE], region=True)
                    start = run.start() + run.group().index(name)
                    if kind and (not _town_kind_before(sentence[max(0, start - KIND_REACH):start])
                                 or sentence.rstrip().endswith(QUESTION)):  # "… sera-t-elle
                        continue  # jumelée avec la ville de Sour El Ghozlane en Algérie ?": asked, no tie
                    if code and code != HOME_COUNTRY and (candidate := _candidate(name)) \
                            and candidate not in found:
                        found.append(candidate)
    return found



QUESTION = "?"
KIND_REACH = 30  # characters before a place that hold its kind: "la commune rurale de "


def _town_kind_before(before: str) -> bool:
    """The words before a place name its kind, a town's ("la ville de "): not a region's
    ("la province du Ioba": where a partner lies), nor one in apposition to the place
    named before it ("Soufouroulaye, commune de SIO": the partner's own commune)."""
    folded = fold(before)
    lead = _kind_lead().search(folded)
    return lead is not None and not folded[:lead.start()].rstrip().endswith(",") \
        and not _REGION_NOUNS.intersection(re.findall(r"\w+", lead.group()))


def _phrases(words: list[str]) -> str:
    """Phrases of the lexicon as a pattern over text as written: any apostrophe, any space."""
    return "|".join(re.escape(w).replace("'", APOSTROPHE).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


_HOSTED = tuple(_WORDS["hosted_stems"])
_TRAVEL = re.compile(rf"(?<!\w)(?:{_phrases(_WORDS['travel_cues'])})\s*"
                     rf"(?:(?:{_phrases(_WORDS['lead_determiners'])})\s*)?(?={CAPITAL})", re.IGNORECASE)


def _candidate(name: str) -> str | None:
    """A run of capitalised words as a partner's name (its kind of place aside), or
    ``None``: too short, a country, a region, the town itself or a word of the document."""
    from .gate import sifted

    name = _without_demonym(_place(name.strip()))
    if len(name) < MIN_NAME or _not_a_partner(name) or _person(name):
        return None
    return name if sifted(Counter({fold(name): 1}), {fold(name): name}).get(fold(name)) else None


def _travelled(texts: list[str], weights: Counter[str]) -> list[str]:
    """The places a trip of the page goes to or comes from (after ``travel_cues``), named
    again on the page (``weights``: its mentions) or with their country beside them, the
    most named first.

    >>> _travelled(["Nous avons repris la route, direction Kinsi."], Counter({"kinsi": 2}))
    ['Kinsi']
    >>> _travelled(["Le car est parti pour Darmstadt."], Counter({"darmstadt": 1}))
    []
    >>> _travelled(["Le car est parti pour Bellheim en Allemagne."], Counter({"bellheim": 1}))
    ['Bellheim']
    """
    lower = lower_words(" ".join(texts))
    cued: dict[str, str] = {}
    trips = [(cue.string, cue.end(), False) for text in texts for cue in _TRAVEL.finditer(text)]
    visits = ((text, run.start(), True) for text in texts for run in _NAME.finditer(text)
              if _people_of(text[max(0, run.start() - CUE_WINDOW):run.start()], group=True))
    visitors: set[str] = set()  # the places people of the page come from ("les habitants de Sibi Sibi")
    hosted: set[str] = set()  # the places a trip goes to where its travellers are hosted
    for text, at, visit in chain(trips, visits):
        run = _NAME.match(text, at)
        names = _trimmed(run.group(), lower) if run else []
        if names and run and run.group().startswith(names[0]) and (name := _candidate(names[0])):
            cued.setdefault(fold(name), name)
            if visit:
                visitors.add(fold(name))
            elif any(w.startswith(_HOSTED) for w in re.findall(r"\w+", fold(
                    _SENTENCE.split(text[run.end():], maxsplit=1)[0]))):
                hosted.add(fold(name))  # "arrivés à Rayne où … des familles hôtes"
            if len(cued) >= TRIPS:
                break
    people = _peoples_words(texts)
    # the one place people come from, on a page that names a country abroad (a village
    # whose inhabitants asked for a partner, "les problèmes du Mali")
    abroad = len(visitors) == 1 and most_named_country(texts) is not None
    found = [name for key, name in cued.items()
             if weights.get(key, 0) >= 2 or partner_country(name, texts, fallback=False)
             or _named_by_people(key, people) or (abroad and key in visitors) or key in hosted]
    return sorted(found, key=lambda name: -weights.get(fold(name), 0))


PEOPLE_TAIL = 4  # letters after a place's first word in its people's word ("Marbach-ers")


def _peoples_words(texts: list[str]) -> set[str]:
    """The capitalised plurals of the page (folded): its peoples' words ("les Marbachers",
    "les Ivryens"), among others."""
    return {fold(word) for text in texts for word in re.findall(rf"{CAPITAL}\w+s\b", text)}


def _named_by_people(key: str, people: set[str]) -> bool:
    """A place (folded) is named again by its people's word: a capitalised plural of its
    first word and a few letters ("Marbach am Neckar" by "les Marbachers").

    >>> _named_by_people("marbach am neckar", {"marbachers"}), _named_by_people("rye", {"ryes"})
    (True, False)
    """
    first = key.split()[0]
    return len(first) >= MIN_STEM and any(
        word.startswith(first) and 1 < len(word) - len(first) <= PEOPLE_TAIL for word in people)


TRIPS = 20  # destinations a page's trips go to: each is looked for over the page once, so a
# page of thousands of "direction X" is read in linear time


_HEADLINE = re.compile(rf"[\W_]*(?P<date>\S.*?)\s+(?:{_phrases(_WORDS['headline_prepositions'])})"
                       rf"\s+(?P<name>{CAPITAL}.*?)[\W_]*", re.IGNORECASE)


def _headlined(lines: list[str]) -> list[str]:
    """The places of the page's dated headlines, a line of a date and a place alone ("– 2019
    à Lipnica –"), the town's own aside, the most headlined first.

    >>> _headlined(["– 2019 à Lipnica –", "Le car est parti.", "– 2023 à Lipnica –"])
    ['Lipnica']
    >>> _headlined(["Accueil à Lipnica", "En 2019 à Paris, il a plu."])
    []
    """
    from .dates import parse_label

    found: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for line in lines:
        if len(line) > HEADLINE or not (head := _HEADLINE.fullmatch(line.strip())):
            continue
        run = _NAME.fullmatch(head["name"])
        if run is None or parse_label(head["date"]) is None or not (name := _candidate(run.group())):
            continue
        found[fold(name)] += 1
        spelling.setdefault(fold(name), name)
    return [spelling[key] for key, _ in found.most_common()]


HEADLINE = 60  # characters: a headline is short


_SIGNATURE_LEADS = frozenset(fold(w) for w in _WORDS["signature_openings"])
_DAY_EDTF = re.compile(r"\d{4}-\d\d-\d\d")


def _signed(texts: list[str]) -> list[str]:
    """The places other than the town's own of the page's lines of a place and a day alone,
    when one such line names the town: the signatures of a charter, once in each town.

    >>> _signed(["Le jumelage.", "A Rye le 07 avril 1979"]) # the town's own line is missing
    []
    """
    places: list[str] = []
    town = False
    for text in texts:
        stripped = text.strip().rstrip(".").strip()
        run = _NAME.match(stripped)
        if len(stripped) > SHORT or not run:
            continue
        words = run.group().split()
        while words and fold(words[0]) in _SIGNATURE_LEADS:
            words.pop(0)
        rest = stripped[run.end():].lstrip(" ,")
        day = date_alone(rest, lead=LEAD) if rest else None
        when = next((f for f in find_dates(rest) if f.period), None) if day else None
        if not words or when is None or when.period is None or not _DAY_EDTF.fullmatch(when.period.edtf):
            continue
        name = " ".join(words)
        if _is_town(name):
            town = True
        elif (candidate := _candidate(name)) and candidate not in places:
            places.append(candidate)
    return places if town else []


_GLUED = re.compile(rf"(?<=[^\W\d_])(?<!{CAPITAL})(?={CAPITAL}[^\W\d_])")  # "RigaOgre": two words glued


def unglued(text: str) -> str:
    """``text`` with a space where a capitalised word is glued to the word before it (the
    text of two links run together, "Capitale RigaOgre en Lettonie").

    >>> unglued("Capitale RigaOgre en Lettonie")
    'Capitale Riga Ogre en Lettonie'
    """
    return _GLUED.sub(" ", text)

_COUNTRY_AFTER = re.compile(rf"\s+(?:{_phrases(lexicon('countries')['written']['prepositions'])})\s+"
                            rf"({_PART}(?:[\s-]{_PART})*)")
LISTED = 2  # lines of a place and its country: a list of partners has two or more


def _twin_lines(texts: list[str]) -> list[str]:
    """The places of the page's short lines that each name a place and its country after
    it ("Ogre en Lettonie depuis 2005", "Lohr (Allemagne) depuis 2015"), two lines or more,
    when the page says the town is twinned or works with others (a cue of a partner); they are
    the story's partners even where its news names another place more (:func:`named_partners`).
    A name glued to the word before it
    ("Capitale RigaOgre", the text of two links run together) starts where it is glued.

    >>> _twin_lines(["La ville est jumelée avec deux villes.",
    ...              "Lettonie - Capitale RigaOgre en Lettonie depuis 2005 (lire)",
    ...              "Italie - Capitale RomeCitta di Castello en Italie depuis 1991"])
    ['Ogre', 'Citta di Castello']
    >>> _twin_lines(["La commune est jumelée avec :", "- Wells (Angleterre) depuis 1980",
    ...              "- Lohr (Allemagne) depuis 2015"])
    ['Wells', 'Lohr']
    """
    from .places import country_code

    if not any(w.startswith(_PARTNER_STEMS) for text in texts for w in re.findall(r"\w+", fold(text))):
        return []
    places: list[str] = []
    for text in texts:
        if len(text) > SHORT or text.rstrip().endswith((".", "!", "?", ":")):
            continue
        afters = sorted([*_COUNTRY_AFTER.finditer(text), *_BRACKETS_AFTER.finditer(text)],
                        key=lambda m: m.start())  # "Ogre en Lettonie", "Hafenlohr (Allemagne)"
        for after in afters:
            if not country_code(after[1]):
                continue
            run = next((m for m in _NAME.finditer(text[:after.start()]) if m.end() == after.start()), None)
            if run is None:
                continue
            cut = [m.start() for m in _GLUED.finditer(run.group())]
            name = run.group()[cut[-1]:] if cut else run.group()
            if (candidate := _candidate(name)) and candidate not in places:
                places.append(candidate)
            break
    return places if len(places) >= LISTED else []


_BRACKETS_AFTER = re.compile(r"\s*\(([^()\n]{1,40})\)")


def _without_towns_country(text: str, at: int, towns: list[tuple[int, int]], ends: list[int]) -> str:
    """The words of ``text`` before ``at`` (a name), as far as :data:`BESIDE`, without the
    country written right after the town's own name (``towns``: where the text names it,
    ``ends`` where each of those ends):
    "la commune de Plainfaing en France est entrée en partenariat avec la ville de Tsévié":
    France is Plainfaing's, not Tsévié's."""
    start = max(0, at - BESIDE)
    before = text[start:at]
    last = bisect_right(ends, at)  # the spans end in the text's order
    for one, end in reversed(towns[max(0, last - 2):last]):  # the town named last before it
        if end >= start and (after := _COUNTRY_AFTER.match(text, end, at) or _apposed_country(text, end, at)):
            before = before[:max(0, one - start)] + text[after.end():at]
            break
    return before


APPOSITION_REACH = 60  # characters of an apposition between the town and its country


def _apposed_country(text: str, end: int, at: int) -> re.Match[str] | None:
    """The country that ends an apposition right after the town's name, before ``at``
    ("Etréchy, une ville dans l'Essonne en France et Dano …"): the town's, as "Plainfaing en
    France" is; the apposition a comma opens and no other mark cuts.

    >>> t = "Etréchy, une ville dans l'Essonne en France et Dano au Burkina Faso"
    >>> _apposed_country(t, 7, t.index("Dano"))[1]
    'France'
    """
    if not text.startswith(",", end):
        return None
    for found in _COUNTRY_AFTER.finditer(text, end + 1, min(at, end + 1 + APPOSITION_REACH + BESIDE)):
        if found.start() - end > APPOSITION_REACH or re.search(r"[,.;:()]", text[end + 1:found.start()]):
            return None
        from .places import country_code

        if country_code(found[1]):
            return found
    return None


# the names a list writes before one of its members, each after a comma or "et"
_LIST_BEFORE = re.compile(rf"(?:{_NAME.pattern}\s*(?:,|\s(?:{_JOINING_WORDS}))\s*)+$")
# a noun of places and its country, by name or adjective, then a colon: a list's head
# ("trois communes du Sénégal :", "deux villages maliens :")
_KIND_OF_COUNTRY = re.compile(
    r"\b((?:" + "|".join(re.escape(w) for w in sorted(_WRITTEN["place_nouns"], key=len, reverse=True))
    + r")(?:\s+[\w'’-]+){1,3}?)\s*:\s*$")


def partner_country(name: str, texts: list[str], fallback: bool = True,
                    others: Sequence[str] = ()) -> str | None:
    """The partner's country: what the words beside its name say ("Trittau (Allemagne)",
    "Bellheim en Allemagne", "la commune malienne de Duguwolowila"), else the first country
    the page places something in.

    >>> partner_country("Bellheim", ["Les 25 ans du jumelage avec Bellheim en Allemagne."])
    'Allemagne'
    >>> partner_country("Duguwolowila", ["Gentilly coopère avec la commune malienne de Duguwolowila."])
    'Mali'
    >>> partner_country("Sulzheim", ["Accueillis par la commune de Sulzheim (Rhénanie-Palatinat)."])
    'Allemagne'
    >>> partner_country("Plougonvelin", ["Venus de Plougonvelin, commune du bout de la Bretagne, jumelée."])
    'France'
    >>> partner_country("Isserteaux", ["Les Auvergnats d'Isserteaux (Puy-de-Dôme) étaient venus en car."])
    'France'
    """
    from .places import (country_code, country_in, country_in_text, country_name, local_kind_country,
                         partner_countries)

    for text in texts:
        towns: list[tuple[int, int]] | None = None  # where the text names the town, once looked for
        ends: list[int] = []
        # not "dakarois"; with the number a commune cut into several is named by ("Kloto 1 au Togo");
        # nor "Neuville-de-Poitou en France" for Neuville (Québec): a longer name
        for found in re.finditer(rf"{re.escape(name)}(?![\w-])(?:\s\d{{1,2}}(?!\w))?", text, re.IGNORECASE):
            # to the end of the word the reach ends in ("de North Lanarkshire", never "de North
            # Lanarkshir", whose first word names a region of another country)
            reach = found.end() + BESIDE
            reach = (goes_on.end() if (goes_on := _WORD_GOES_ON.match(text, reach)) else reach)
            beside = text[found.start():reach].split(".")[0]
            beside = found.group() + _before_others(beside[len(found.group()):], others)
            if own_named := _town_spans(beside[len(found.group()):]):  # up to the town's name:
                # its country is not the partner's ("de Bellerive prépare la venue d'un groupe
                # de Bellerive-sur-Allier en France")
                beside = beside[:len(found.group()) + own_named[0][0]]
            if (code := partner_countries(_own_country(beside, found.end() - found.start())))[1]:
                return code[0]
            # a kind of place of its own country's administration before it ("président
            # du Samtgemeinde Heemsen", "Comune di Bagnone")
            if local := local_kind_country(text[:found.start()]):
                return local[0]
            # its brackets right after it, the sentence going on ("les Auvergnats
            # d'Isserteaux (Puy-de-Dôme) étaient venus"): a country or a region, a French
            # département too
            if (inside := _BRACKETS_AFTER.match(text, found.end())) and \
                    (code := partner_countries(inside[1]))[1]:
                return code[0]
            # a preposition of a country right after it ("Citta di Castello en Italie depuis
            # 1991"): its country, before any the words before it name (the line above's)
            if (next_to := _COUNTRY_AFTER.match(text, found.end())) and (iso := country_code(next_to[1])):
                return country_name(iso)
            if towns is None:
                towns = _town_spans(text)
                ends = [end for _, end in towns]
            before = _without_towns_country(text, found.start(), towns, ends)
            # its own sentence's words: not a country the sentence before names ("… iront à
            # leur tour en France en 2027. Il espère ouvrir les portes de Bellerive")
            if country := country_in_text(_SENTENCE.split(before)[-1].split(",")[-1]):
                return country[0]
            # a member of a list announced with its country ("trois communes du Sénégal :
            # Pikine, M'Bodienne et Louga"): the country of the words before the list, each
            # member's
            if (kind := _KIND_OF_COUNTRY.search(_LIST_BEFORE.sub("", before))) \
                    and (country := country_in(kind[1])):
                return country[0]
            # an apposition that places it, in its own country too ("Plougonvelin,
            # commune du bout de la Bretagne, jumelée depuis …"): the words beside the
            # name say so; not past another partner's name ("De Brandebourg à La Lisa, des
            # villages de Dianguirdé aux camps sahraouis": a list of partners, no apposition)
            after = _before_named(beside[len(found.group()):], others)
            if after.startswith(",") and (country := country_in_text(after, home=None)):
                return country[0]
            # a region right after it ("Ploumilliau dans les Côtes d'Armor"), its own
            # country's too: the words that place it, a name ("aux camps sahraouis" is none)
            if _REGION_AFTER.match(after) and re.search(CAPITAL, region := after.split(",")[0]) \
                    and (country := country_in_text(region, home=None)):
                return country[0]
            words = re.findall(r"[^\W\d_]+", before)  # "nos amis Québécois de Lac Mégantic"
            if len(words) >= 2 and fold(words[-1]) in _NAME_PARTICLES and (named := _country_word(words[-2])):
                return named
    # the country the sentences that name it (and no other partner) name most
    if own := most_named_country([sentence for text in texts for sentence in _SENTENCE.split(text)
                                   if _names_alone(sentence, name, others)]):
        return own
    if own := _named_again(name, texts, others):
        return own
    # the country the page names most: its partner's, not that of another partner it names
    return most_named_country(texts) if fallback else None


def _before_named(after: str, others: Sequence[str]) -> str:
    """The words after a name up to another partner's name, however written after it.

    >>> _before_named(", des villages de Kita aux camps sahraouis", ["Kita"])
    ', des villages de '
    """
    ends = [found.start() for other in others if other
            for found in [re.search(rf"(?<!\w){re.escape(other)}(?!\w)", after, re.IGNORECASE)] if found]
    return after[:min(ends)] if ends else after


def _before_others(after: str, others: Sequence[str]) -> str:
    """The words after a name up to another partner's with its own brackets ("Tabarka, 5e
    après Triberg (Allemagne, 1963)"): a country named past it is that partner's, not the
    name's; not a country both share ("Gounghin est situé à dix kilomètres de Tenkodogo, au
    Burkina Faso").

    >>> _before_others(", 5e après Triberg (Allemagne, 1963)", ["Triberg"])
    ', 5e après '
    >>> _before_others(" est situé près de Tenkodogo, au Burkina Faso", ["Tenkodogo"])
    ' est situé près de Tenkodogo, au Burkina Faso'
    """
    ends = [found.start() for other in others if other
            for found in [re.search(rf"\b{re.escape(other)}\s*\(", after, re.IGNORECASE)] if found]
    return after[:min(ends)] if ends else after


_ANAPHOR_DETERMINERS = frozenset(fold(w) for w in _WRITTEN["anaphor_determiners"])
_PLACE_NOUNS = frozenset(fold(w) for w in _WRITTEN["place_nouns"])
_OF_WORDS = frozenset(fold(w) for w in _WRITTEN["of"])


def _named_again(name: str, texts: list[str], others: Sequence[str]) -> str | None:
    """The country of a place named again by its kind and its country's adjective alone,
    in a sentence that names no partner ("… le blason de Ramsgate aux côtés de ceux de
    Chimay et d'Hanau. Un geste pour le 45e anniversaire du jumelage entre notre commune et
    la ville anglaise."): the first partner of the last sentence that named one, when it is
    ``name``.

    >>> text = "Le blason de Ramsgate est à côté de celui de Chimay. Un jumelage avec la ville anglaise."
    >>> _named_again("Ramsgate", [text], ["Chimay"]), _named_again("Chimay", [text], ["Ramsgate"])
    ('Royaume-Uni', None)
    >>> _named_again("Ramsgate", ["Ramsgate. La ville anglaise de Rye."], [])  # another, named
    """
    partners = [fold(p) for p in (name, *others)]
    last: str | None = None  # the first partner of the last sentence that named one
    for text in texts:
        for sentence in _SENTENCE.split(text):
            folded = fold(sentence)
            named = sorted((found.start(), p) for p in partners
                           if (found := re.search(rf"(?<!\w){re.escape(p)}(?!\w)", folded)))
            if named:
                last = named[0][1]
            elif last == partners[0] and (country := _anaphor(sentence)):
                return country
    return None


def _anaphor(sentence: str) -> str | None:
    """The country of a place a sentence names by a determiner, nouns of places and a
    country's adjective, no name after them ("la ville anglaise", "notre commune jumelle
    allemande"; not "la ville anglaise de Rye").

    >>> _anaphor("Le jumelage entre notre commune et la ville anglaise.")
    'Royaume-Uni'
    >>> _anaphor("La ville anglaise de Rye.")
    """
    words = list(_LETTERS.finditer(sentence.replace("’", "'")))
    folded = [fold(w.group()) for w in words]
    for n, word in enumerate(folded):
        if word not in _ANAPHOR_DETERMINERS and not (word == "l" and n + 1 < len(folded)
                                                     and f"{word}'" in _ANAPHOR_DETERMINERS):
            continue
        at = n + 1
        while at < len(folded) and folded[at] in _PLACE_NOUNS:
            at += 1
        if at == n + 1 or at >= len(folded) or not _demonym(words[at].group()):
            continue
        country = _country_word(words[at].group())
        after = folded[at + 1:at + 2]
        if after and (after[0] in _OF_WORDS or after[0] == "d") and at + 2 < len(words) \
                and words[at + 2].group()[:1].isupper():
            continue  # "la ville anglaise de Rye": another place, by its name
        return country
    return None


_THIS_WORDS = frozenset(fold(w) for w in _WORDS["this_determiners"])


def names_partner_by_kind(sentence: str) -> bool:
    """The sentence names the town and a place by a demonstrative and its kind alone ("…
    entretient des liens étroits avec cette commune depuis 1987", "ce village"; not "cette
    commune de Rye", another place by its name): on a page of one partner, that partner.
    The town may be glued to a link before it ("mairieCordemais": :func:`unglued`).

    >>> names_partner_by_kind("La Ville de Lannion entretient des liens avec cette commune depuis 1987.")
    False
    """
    sentence = unglued(sentence)
    if not _town_spans(sentence):
        return False
    words = list(_LETTERS.finditer(sentence.replace("’", "'")))
    for n, word in enumerate(words[:-1]):
        if fold(word.group()) in _THIS_WORDS and fold(words[n + 1].group()) in _PLACE_NOUNS:
            after = words[n + 2:n + 4]
            if not (len(after) == 2 and fold(after[0].group()) in _OF_WORDS | {"d"}
                    and after[1].group()[:1].isupper()):
                return True
    return False


def _names_alone(sentence: str, name: str, others: Sequence[str]) -> bool:
    """The sentence names the partner ``name`` and none of the page's ``others``: what
    it says of a country is said of that partner ("Gilles Thirouin, Vice-président Pegnitz,
    présente le rapport de la Commission Allemagne").

    >>> _names_alone("Le maire de Rye et celui de Zell.", "Rye", ["Zell"])
    False
    >>> _names_alone("Le maire de Rye est venu.", "Rye", ["Zell"]), _names_alone("À Ryes.", "Rye", [])
    (True, False)
    """
    folded = fold(sentence)
    return _named_in(name, folded) and not any(_named_in(other, folded) for other in others)


def _named_in(name: str, folded: str) -> bool:
    """``name`` is a whole word or words of the ``folded`` text."""
    return re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", folded) is not None


_REGION_AFTER = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in _WRITTEN["region_prepositions"]
                                                if w not in _WORDS["near_joiners"]) + r")\s", re.IGNORECASE)


def _own_country(beside: str, length: int) -> str | None:
    """What the words right after a name (``beside``, its first ``length`` characters the
    name's) say of its country, when they say it of that name alone: its own brackets
    ("Friedberg (Allemagne) et Entroncamento (Portugal)": Allemagne), never those or the
    preposition of the next place of an enumeration ("Friedberg et Entroncamento
    (Portugal)": none said of Friedberg).

    >>> _own_country("Friedberg (Allemagne) et Entroncamento (Portugal)", 9)
    'Allemagne'
    >>> _own_country("Friedberg et Entroncamento (Portugal)", 9) is None
    True
    >>> _own_country("Bellheim en Allemagne", 8), _own_country("Kita, région de Mopti (Mali)", 4)
    ('Allemagne', 'Mali')
    >>> _own_country("Gao au Mali et Zell en Allemagne", 3), _own_country("Bellheim, Allemagne", 8)
    ('Mali', 'Allemagne')
    """
    from .places import country_code, split_heading

    if (close := beside.find(")")) > beside.find("(") >= 0:
        beside = beside[:close + 1]  # its own brackets, not a later place's
    for other in _ENUMERATED.finditer(beside, length):  # the next place: what follows is its own
        words = _LETTERS.findall(beside[other.end() - 1:])[:3]
        if not any(country_code(" ".join(words[:size])) for size in (1, 2, 3)):
            beside = beside[:other.start()]
            break
    place, country = split_heading(beside)
    if _ENUMERATED.search(place[length:]) or _clause(place[length:]):
        return None
    return country


# what opens a clause of its own after a place, before a country ("Csurgo et pourrait
# comprendre une excursion en Croatie"): a joiner, then a word in lower case
_OWN_CLAUSE = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _WRITTEN["clause_joiners"]))
                         + r")\s+[^\W\d_]", re.IGNORECASE)


def _clause(between: str) -> bool:
    """The words between a place and a country open a clause of their own, whose country
    is where that clause goes ("Csurgo et pourrait comprendre une excursion en Croatie"),
    not an apposition or a predicate that places it ("Gounghin est situé à dix kilomètres
    de Tenkodogo, au Burkina Faso").

    >>> _clause(" et pourrait comprendre une excursion en"), _clause(" est situé à dix km de Tenkodogo, au")
    (True, False)
    """
    return any(not m.group()[-1].isupper() for m in _OWN_CLAUSE.finditer(between))


# Another place after a name, in an enumeration: ", Entroncamento", " et de Pegnitz" (not a
# dash, which brings a region: "Guibaré - Province du Bam").
_ENUMERATED = re.compile(
    r"(?:,|\s(?:" + "|".join(re.escape(j) for j in _WORDS["pair_joiners"] if j.isalpha() or j in "&/")
    + r"))\s*(?:(?:" + "|".join(re.escape(j) for j in _WORDS["near_joiners"]) + rf")\s*)?{CAPITAL}")


@cache
def _capitalised(first: str, second: str) -> bool:
    """Two words written as a name: the first with its capital, and the second too after an
    article ("La Réunion", "Guinée équatoriale"; not "La réunion du conseil")."""
    return first[:1].isupper() and (fold(first) not in _LEAD_DETERMINERS or second[:1].isupper())


WORDS_CACHED = 1 << 14  # distinct words whose country is remembered: a page's vocabulary


@lru_cache(maxsize=WORDS_CACHED)
def _country_word(word: str) -> str | None:
    """The country a word names or is the adjective or demonym of ("Allemagne",
    "allemands", "Polonais"); a name written in lower case is a common noun ("la réunion
    du conseil" names no Réunion). Asked of every word of a page, which writes the same few
    thousand words again and again: each is looked up once (a paragraph of 280,000 words
    took 6 s).

    >>> _country_word("Réunion"), _country_word("réunion"), _country_word("allemands")
    ('La Réunion', None, 'Allemagne')
    """
    from .places import country_code, country_in_text, country_name

    if word[:1].isupper() and (code := country_code(word)):
        return country_name(code)
    named = country_in_text(f"{_PLACE_NOUN} {word}")
    return named[0] if named else None


# Given names, countries' names among them ("Israël Bacor, maire de Plougonvelin").
_FIRST_NAMES = frozenset(lexicon("given_names")["names"])
_LETTERS = re.compile(r"[^\W\d_]+")  # a word: letters only


def _first_name(words: list[re.Match[str]], n: int, text: str) -> bool:
    """The ``n``-th word is a country's name that is also a first name, written as one:
    a capitalised word right after it, nothing but a space between ("Israël Bacor").

    >>> text = "Israël Bacor, maire. En Israël, Tel-Aviv."
    >>> words = list(_LETTERS.finditer(text))
    >>> _first_name(words, 0, text), _first_name(words, 4, text)
    (True, False)
    """
    if words[n].group() not in _FIRST_NAMES or n + 1 >= len(words):
        return False
    after = words[n + 1]
    return after.group()[:1].isupper() and not text[words[n].end():after.start()].strip()


def most_named_country(texts: list[str]) -> str | None:
    """The country the page names most, by its name or its adjective ("nos amis
    allemands", "51 Polonais", "franco-allemand"), the page's own country aside: a French
    page names France for itself."""
    best = _country_votes(texts).most_common(1)
    return best[0][0] if best else None


# a saint's title and its abbreviations (places.toml's): the name after it is a saint's
_SAINTS = saint_titles()


def _country_votes(texts: list[str]) -> Counter[str]:
    """The votes of :func:`most_named_country`: each foreign country the page names, by how
    much it names it."""
    from .places import country_code, country_name

    votes: Counter[str] = Counter()
    for text in texts:
        found = list(_LETTERS.finditer(text))
        words = [m.group() for m in found]
        for n in range(len(words)):
            pair = " ".join(words[n:n + 2])
            if len(words) > n + 1 and _capitalised(words[n], words[n + 1]) \
                    and (code := country_code(pair)):  # "Burkina Faso", "La Réunion"
                votes[country_name(code)] += NAME_VOTE + _cue_vote(text, found[n].start())
            elif _first_name(found, n, text):
                continue  # "Israël Bacor, maire de Plougonvelin": a person
            elif n and fold(words[n - 1]) in _SAINTS:
                continue  # "la fête patronale de la Saint Maurice": a saint, no Mauritius
            elif named := _country_word(words[n]):  # a name says more than an adjective
                votes[named] += (NAME_VOTE if words[n] == named else 1) + _cue_vote(text, found[n].start())
    votes.pop(country_name(HOME_COUNTRY), None)
    return votes


def _cue_vote(text: str, start: int) -> int:
    """More votes for a country a cue of twinning leads to: the tie's ("en charge du
    jumelage avec l'Espagne", beside "un projet de rapprochement avec la Grande-Bretagne")."""
    return CUE_VOTE if _partner_after(text[max(0, start - CUE_WINDOW):start]) else 0


def tells_of(title: str, intro: list[Block], places: Container[str] | None) -> bool:
    """The title names the page's partner (one of ``places``, slugs of its sections'
    places, when given), and the text above the sections tells dated events: that text is
    the partner's story."""
    from .text import slug

    texts = unwrapped([b for b in intro if not b.aside])
    name = named_partner(title, texts)
    if name is None or (places is not None and slug(name) not in places) or not names_place(title, name):
        return False
    return any(event for text in texts for _, event in sentences(text, None))


# --- Which events -------------------------------------------------------------------------

_DAY = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def _when(found: Found) -> tuple[int, int | None, int | None] | None:
    """The first day, month or year a date gives, for the dates after it."""
    m = _DAY.match(found.period.edtf if found.period else "")
    return (int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None) if m else None


def _written(when: tuple[int, int | None, int | None]) -> str:
    """A date as the grammar reads it: "5 juin 2015", "décembre 2002", "2003"."""
    year, month, day = when
    return " ".join(str(p) for p in (day, _MONTH_NAME.get(month or 0), year) if p)


def _phrase(phrase: str) -> str:
    return r"\b" + re.escape(fold(phrase)).replace(r"\ ", r"\s+").replace("'", APOSTROPHE)


_RELATIVE_YEAR = re.compile("|".join(f"(?P<y{n}>{_phrase(p)})"
                                     for n, p in enumerate(_WORDS["years_from_told"])))
_YEAR_OFFSETS = list(_WORDS["years_from_told"].values())
_LATER = _WORDS["years_later"]
_YEARS_LATER = re.compile(
    r"\b(?P<n>[\w-]+)\s+(?:"
    + "|".join(map(_phrase, _LATER["nouns"])).replace(r"\b", "") + r")\s+(?:(?P<later>"
    + "|".join(map(_phrase, _LATER["later"])).replace(r"\b", "") + ")|(?P<earlier>"
    + "|".join(map(_phrase, _LATER["earlier"])).replace(r"\b", "") + "))")
_AGO = re.compile(r"(?:" + "|".join(map(_phrase, _LATER["ago"])) + r")\s+(?P<n>[\w-]+)\s+(?:"
                  + "|".join(map(_phrase, _LATER["nouns"])).replace(r"\b", "") + r")\b")
_RELATIVE_MONTH = re.compile("|".join(f"(?P<m{n}>{_phrase(p)})"
                                      for n, p in enumerate(_WORDS["months_from_month_told"])))
_MONTH_OFFSETS = list(_WORDS["months_from_month_told"].values())
_MONTHS_LATER = re.compile(
    r"\b(?P<n>[\w-]+)\s+(?:"
    + "|".join(map(_phrase, _WORDS["months_later"]["nouns"])).replace(r"\b", "") + r")\s+(?:(?P<later>"
    + "|".join(map(_phrase, _LATER["later"])).replace(r"\b", "") + ")|(?P<earlier>"
    + "|".join(map(_phrase, _LATER["earlier"])).replace(r"\b", "") + "))")
MAX_MONTHS_LATER = 24  # months: more is told in years
_DAYS = _WORDS["days_later"]
_DAY_NOUNS = "|".join(map(_phrase, _DAYS["nouns"])).replace(r"\b", "")
_WEEK_NOUNS = "|".join(map(_phrase, _DAYS["weeks"])).replace(r"\b", "")
_DAYS_LATER = re.compile(
    rf"\b(?:(?P<n>[\w-]+)\s+(?:{_DAY_NOUNS}|(?P<weeks>{_WEEK_NOUNS}))\s+(?:"
    + "|".join(map(_phrase, _DAYS["later"])).replace(r"\b", "") + r")|(?:"
    + "|".join(map(_phrase, _DAYS["openings"])).replace(r"\b", "")
    + rf")\s+(?P<m>[\w-]+)\s+(?:{_DAY_NOUNS}|(?P<weeks_after>{_WEEK_NOUNS})))\b")
WEEK = 7  # days
MAX_DAYS_LATER = 60  # a stay's days: more is no day of the story told
_RELATIVE_DAY = re.compile("|".join(f"(?P<d{n}>{_phrase(p)})"
                                    for n, p in enumerate(_WORDS["days_from_told"])))
_DAY_OFFSETS = list(_WORDS["days_from_told"].values())


def _any(phrases: list[str]) -> str:
    """One alternation of phrases as :func:`_phrase` writes them, the longest first."""
    return "|".join(sorted((_phrase(p)[2:] for p in phrases), key=len, reverse=True))


_IN_TOLD = _WORDS["within_told"]
_WITHIN = re.compile(rf"\b(?:(?:{_any(_IN_TOLD['prepositions'])})\s+(?:{_any(_IN_TOLD['demonstratives'])})"
                     rf"\s+(?:{_any(_IN_TOLD['stays'])})|(?:{_any(_IN_TOLD['at_once'])}))\b")
_REFERENCE = tuple(fold(w) for w in _WORDS["reference_openings"])
_REFERENCE_WORDS = frozenset(_REFERENCE)
_ORIGIN = re.compile(rf"\b(?:{_any(_WORDS['origin_verbs'])})\b")
_OPENS_EVENT = re.compile(rf"\s*(?:{_any(_WORDS['event_openings'])})\b")
# a bound's words right before the date, maybe an article between ("avant le", "d'ici"),
# an elided one whole ("d'ici" is no "ici": "venus ici le 3 mai" is a day)
_BOUND = re.compile(rf"(?<![\w'])(?:{_any(_WORDS['bound_openings'])})(?:\s+\w+)?\s*$")
_DEATH_WORDS = frozenset(fold(w) for w in _WORDS["death_words"])
DEATH_WORDS = 3  # words before a date where a person's death makes it theirs: "décédé le"
# an office beside a name, then up to three words of the body served, up to its date
# A person's office set beside their name, then its years ("Philippe Marie, maire de 2002
# à 2008, a signé …", "Anne Roux, présidente du comité de 1990 à 2004, …"): the term of an
# office, no event's date. A person's title (`evidence.person_titles`) after a comma, a
# few words (the body served) and no comma between it and the date.
_TERM = re.compile(rf",\s*(?:{_any(_EVIDENCE['person_titles'])})\b(?:\s+[^\s,;:.]+){{0,3}}?\s*$")
# a term of office's noun right before its years ("du mandat 2016-2018"), maybe "de" between
_TERM_NOUN = re.compile(rf"\b(?:{_any(_WORDS['term_nouns'])})\s+(?:(?:{_any(_WRITTEN['of'])})\s+)?$")
_LISTED_JOINERS = frozenset(fold(w) for w in _WORDS["listed_years_joiners"])
FRAME_QUALIFIERS = 3  # words before a frame's last "de": "le bilan moral et financier de"


def _frame_pattern(openings: list[str]) -> re.Pattern[str]:
    """Words that open a frame, then maybe a determiner and a noun of years, at the end of
    the text before a year ("au terme de l'année" before 2022)."""
    near = _WORDS["near_joiners"][0]
    phrases = [_phrase(" ".join(words[:-1]))[2:] + rf"(?:\s+[^\W\d_]+){{0,{FRAME_QUALIFIERS}}}?\s+{near}"
               if len(words := fold(opening).split()) > 1 and words[-1] == near else _phrase(opening)[2:]
               for opening in openings]
    return re.compile(rf"\b(?:{'|'.join(phrases)})\s*(?:(?:{_any(_WORDS['frame_determiners'])})\s*)?"
                      rf"(?:{_any(_LATER['nouns'])})?\s*$")


_FRAMED = _frame_pattern(_WORDS["frame_openings"])
_THIS_SEASON = re.compile(rf"\b(?:{_any(_WORDS['this_determiners'])})\s+({_any(list(SEASONS))})\b(?!\s*-)")
_SEASON_SIDE = re.compile(rf"(?:{_any(_WORDS['season_determiners'])})\s*({_any(list(SEASONS))})\s+"
                          rf"({_any(_WORDS['months_from_told'])})\b")
# a season with a word that places it after or before the date told ("l'été suivant")
_SEASON_TOLD = re.compile(rf"(?:{_any(_WORDS['season_determiners'])})\s*({_any(list(SEASONS))})\s+"
                          rf"({_any(_WORDS['months_after_told'])})\b")
# a season right before a year told relative to the one before ("à l'automne de la même
# année", "au printemps de l'année suivante"): its words up to that year's
_SEASON_OF = re.compile(rf"\b({_any(list(SEASONS))})\s+(?:{_any(_WRITTEN['of'])})\s*$")
_YEAR_SET = re.compile(r"\{\d{4}(?:,\d{4})+\}")  # a set of whole years: "en 2008 et 2011"
# a set of a month in several years: "en juin 2022 puis 2023" ({2022-06,2023-06})
_MONTH_YEARS = re.compile(r"\{(\d{4})-(\d\d)(?:,\d{4}-\d\d)+\}")
_YEAR_NOUNS = frozenset(fold(w) for w in _LATER["nouns"])
REFERENCE_WORDS = 4  # words before a date where "depuis" makes it a reference
REFERENCE_REACH = 40  # characters around a date looked at for those words
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted((re.escape(fold(m)) for m in MONTHS), key=len,
                                                   reverse=True)) + r")\b")
_WEEKDAY_WORD = re.compile(r"\b(?:" + "|".join(re.escape(fold(d)) for d in WEEKDAYS) + r")\b(?!\s*\d)")
# a weekday and its day of the month, no month after it ("Vendredi 16 : accueil …")
_WEEKDAY_DAY = re.compile(r"\b(" + "|".join(re.escape(fold(d)) for d in WEEKDAYS)
                          + r")\s+(\d{1,2})(?:er)?\b(?![\s.,/-]*(?:\d|" + _MONTH_WORD.pattern + "))")
_MONTH_RUN = re.compile(r"(?:\s*[/–-]\s*" + _MONTH_WORD.pattern + ")+")
_A_YEAR = re.compile(r"\b\d{4}\b")
_CLAUSE = re.compile(r"[,;:](?=\s)")  # where a clause of a sentence ends
_BRACKET_SPAN = re.compile(r"\([^()]*\)")
_JOINER = re.compile(r"[,;]\s+(?:" + "|".join(_phrase(j)[2:] for j in _WORDS["clause_joiners"]) + r")\b")
# a clause joiner with no comma before it ("… en 1986 et un jumelage a été officialisé le 28
# novembre 2000"), where the words after it up to their date make a clause ("et le 9
# novembre", "et en 2004" end a range or a set of dates: no clause)
_BARE_JOINER = re.compile(r"\s+(?=(?:" + "|".join(_phrase(j)[2:] for j in _WORDS["clause_joiners"])
                          + r")(?:\s|\s*,[^,;:]{1,40},\s))")  # or set off by commas: "et, par la suite, …"
# a joiner set off by commas with the words of an aside ("et, par la suite, …"): its clause
# goes on past them
_INCISE = re.compile(r"\w+\s*,[^,;:]{1,40},(?=\s)")
CLAUSE_WORDS = 4  # words from the joiner to the date of a clause of its own: "et un jumelage a …"
_SIDES = {fold(w): n for w, n in _WORDS["months_from_told"].items()}
_TOLD_SIDES = {fold(w): n for w, n in _WORDS["months_after_told"].items()}
CENSUS_REACH = 4  # characters from a population to its census's date: "6767 habitants en avril 2019"
_CENSUS = re.compile(r"\d[\d\s.]*\s+(?:" + "|".join(map(re.escape, sorted(POPULATION_NOUNS))) + r")s?\b")
_RECURRING = [*_WORDS["recurring"]["phrases"], *(p for ps in lexicon("recurrences").values() for p in ps)]
_RECURS = re.compile(r"\b(?:" + _any(_RECURRING) + r")\b")
_SIDE_WORDS = "|".join(map(re.escape, sorted({**_SIDES, **_TOLD_SIDES}, key=len, reverse=True)))
_SIDE = re.compile(r"\s+(" + _SIDE_WORDS + r")\b")
_FEAST = re.compile(r"\b(" + "|".join(sorted((_phrase(p)[2:] for p in CALENDAR_PERIODS), key=len,
                                             reverse=True)) + r")" + _SIDE.pattern)
PROBE_YEARS = range(2000, 2011)  # a leap year first; eleven years give every weekday of every
# day (seven do not: after February, a leap year skips one, as 2004 skips Friday 24 April)
YEAR_REACH = 12  # characters after a month where its year would be written
RANGE_REACH = 16  # characters after a month where the month that ends its range is written
MONTH_REACH = 30  # characters before a relative year where its month would be written

When = tuple[int, int | None, int | None]


def _in_brackets(text: str, at: int) -> bool:
    return text.count("(", 0, at) > text.count(")", 0, at)


def _not_when(sentence: str, found: Found) -> bool:
    """A date that says when nothing of the story happened: a reference after "depuis" a
    few words before it, a bound right after "avant", a number of years ("il y a plus de
    2000 ans"), the date of a census ("La ville recensait 6767 habitants en avril 2019"),
    a legal text's ("la loi du 6 février 1992": ``legal_texts``), a person's death ("son
    mari, décédé en 2019": ``death_words``)."""
    if any(0 <= found.start - census.end() <= CENSUS_REACH for census in _CENSUS.finditer(fold(sentence))):
        return True
    before = re.findall(r"\w+", fold(sentence[max(0, found.start - REFERENCE_REACH):found.start]))
    # "depuis" governs its own date: one whose clause ends before this one ("sont jumelées
    # depuis 1973, ce vendredi 1er septembre 2023 se tenait la cérémonie") refers to nothing here
    governed = re.findall(r"\w+", _CLAUSE_AFTER_DATE.split(
        fold(sentence[max(0, found.start - REFERENCE_REACH):found.start]))[-1])
    after = re.findall(r"\w+", fold(sentence[found.end:found.end + REFERENCE_REACH]))[:1]
    return bool(set(governed[-REFERENCE_WORDS:]) & _REFERENCE_WORDS
                or _BOUND.search(fold(sentence[max(0, found.start - REFERENCE_REACH):found.start]))
                or set(before[-DEATH_WORDS:]) & _DEATH_WORDS
                or _framed(sentence, found) or _term_of_office(sentence, found)
                or _LEGAL_TEXT.search(fold(sentence[max(0, found.start - REFERENCE_REACH):found.start]))
                is not None
                or (found.period and found.period.start_month is None and set(after) & _YEAR_NOUNS))


# the end of a date's clause: a comma or a semicolon right after its figures ("1973, ce …")
_CLAUSE_AFTER_DATE = re.compile(r"(?<=\d)\s*[,;]")
_LEGAL_TEXT = re.compile(rf"\b(?:{_any(_WORDS['legal_texts'])})\b(?:\s+n\S{{0,3}}\s*[\w./-]+)?(?:\s+"
                         rf"(?:{_any(_WRITTEN['of'])}))?\s*$")  # "une association loi 1901" too


def _term_of_office(sentence: str, found: Found) -> bool:
    """Years of a person's office set beside their name (``evidence.person_titles``: "Philippe Marie,
    maire de 2002 à 2008, a signé …") or after a term's noun (``term_nouns``: "du mandat
    2016-2018"): the term of that office, no event of the story.

    >>> [_term_of_office(s, next(iter(find_dates(s)))) for s in (
    ...     "Jean Roux, maire de 1995 à 2001, reçut la délégation.",
    ...     "Jean Roux, maire d'Ardon de 1995 à 2001, reçut la délégation.",
    ...     "Le maire reçut la délégation de 1995 à 2001.", "Jean Roux, maire, signa en 1995.",
    ...     "Élection de dix administrateurs du mandat 2016-2018.")]
    [True, True, False, False, True]
    """
    before = fold(sentence[max(0, found.start - REFERENCE_REACH):found.start])
    return _TERM.search(before) is not None or _TERM_NOUN.search(before) is not None


def _framed(sentence: str, found: Found) -> bool:
    """A year the text sums up or looks forward to (``frame_openings``: "Au terme de
    l'année 2022, le comité se réjouit …", "en attendant 2023"): the time the story is
    told in, no event of it."""
    if found.period is None or found.period.start_month is not None:
        return False
    before = sentence[max(0, found.start - REFERENCE_REACH):found.start + len(found.text)]
    return _FRAMED.search(fold(before.removesuffix(found.text.split()[-1]))) is not None


def _frame(sentence: str) -> When | None:
    """The year a sentence frames its story in (:func:`_framed`), if it names one.

    >>> _frame("Ce fut le bilan moral et financier de l'année 2019 et des projets pour 2020.")
    (2019, None, None)
    """
    return next((_when(f) for f in dates_of(sentence) if f.period and _framed(sentence, f)), None)


SINCE_OPENING_WORDS = 2  # words of a connective before a "depuis" that opens its sentence
SINCE_REACH = 40  # characters: where such a "depuis" starts at the latest


def _opens_since(sentence: str, found: Found) -> bool:
    """A "depuis" and its month that open the sentence, set off by a comma, maybe after a
    connective ("Par ailleurs, depuis septembre 2024, trois étudiants suivent les cours"):
    what goes on since then is the event told, an action still going on; so does a year
    alone when the sentence tells what comes back ("Depuis 2016, un car part chaque été",
    ``recurrences.toml``); not a year alone after the verb ("nos villes échangent depuis
    1970"), nor one that opens a tie's or a place's story ("Depuis 1982, nos communes tissent
    des liens"), which date a tie. So does a
    "depuis" and its year that open the text as its label, before a colon ("Depuis 1989 :
    solidarité avec le Pérou.").

    >>> [_opens_since(t, find_dates(t)[0]) for t in ("Depuis 1989 : aide à Lima.", "Amis depuis 1989")]
    [True, False]
    >>> [_opens_since(t, find_dates(t)[0]) for t in ("Depuis 2016, un car part chaque été.",
    ...                                              "Depuis 2016, nos villes sont amies.")]
    [True, False]
    """
    if found.period is not None and not sentence[:found.start].strip() \
            and sentence[found.end:].lstrip().startswith(":"):
        return True  # "Depuis 1989 : …", the text's label
    if found.start > SINCE_REACH or found.period is None:
        return False
    before = sentence[:found.start].rstrip()
    return (found.period.start_month is not None or _RECURS.search(fold(sentence)) is not None) \
        and len(re.findall(r"\w+", before)) <= SINCE_OPENING_WORDS \
        and (not before or before.endswith(",")) and sentence[found.end:].lstrip().startswith(",")


_SINCE_ACTIVITIES = frozenset(fold(w) for w in _WORDS["since_activities"])
_SINCE_TIES = frozenset(fold(w) for w in _WORDS["since_ties"])
PARTICIPLE_WORDS = 2  # words of a clause that is a participle alone before "depuis": "organisé", "mené"
_TWINNING_STEM = lexicon("places")["relationships"]["twinning_stem"]


def _activity_since(sentence: str, found: Found) -> bool:
    """A "depuis" and its year after a noun of what the towns do together in its clause
    (``since_activities``: "Une solidarité active et concrète est engagée depuis 1990",
    "Les deux communes entretiennent des liens de coopération depuis 1998"): that activity,
    an action going on since then; not with a word of twinning in the clause ("jumelées
    depuis 1970": the tie's year), nor the town its subject ("Viroflay et Hassloch
    entretiennent des actions de coopération depuis 1981": the tie's state), nor after a
    verb alone ("nos villes échangent depuis 1970").

    >>> [_activity_since(t, find_dates(t)[0]) for t in ("Des échanges scolaires ont lieu depuis 1994.",
    ...     "Nos villes échangent depuis 1994.", "Nos liens de jumelage durent depuis 1994.")]
    [True, False, False]
    >>> _activity_since(t := "L'accueil estival d'enfants, organisé depuis 2008, a repris.", find_dates(t)[0])
    True
    """
    before = sentence[:found.start]
    cut = max(before.rfind(mark) for mark in ",;:(")
    clause = before[cut + 1:]
    if cut > 0 and len(re.findall(r"\w+", clause)) <= PARTICIPLE_WORDS:  # "l'accueil estival …,
        # organisé depuis 2008": the participle's noun is in the clause before it
        earlier = before[:cut]
        clause = earlier[max(earlier.rfind(mark) for mark in ",;:(") + 1:] + clause
    words = re.findall(r"\w+", fold(clause))
    return bool(set(words) & _SINCE_ACTIVITIES) and not any(w.startswith(_TWINNING_STEM) for w in words) \
        and not _SINCE_TIES.intersection(words) \
        and not _town_spans(clause)


# How often, then "depuis": an action that comes back since then ("chaque année depuis 2014")
_RECURS_SINCE = re.compile(rf"(?:{_any(_RECURRING)})\s+(?:{_any(list(_REFERENCE))})\b")


_SINCE_BEGINNINGS = frozenset(fold(w) for w in _WORDS["since_beginnings"])
SINCE_PHRASE_WORDS = 8  # words at most from "depuis" to the date of the beginning it names
SINCE_PHRASE_REACH = 90  # characters before a date where such a "depuis" is looked for
MAIN_CLAUSE_WORDS = 3  # words of the clause after a "depuis" where its subject's noun stands
_SINCE_OPENING = re.compile(rf"(?<!\w)(?:{_any(list(_REFERENCE))})\s+")


def _since_phrase(sentence: str, found: Found) -> int | None:
    """Where a "depuis" starts that opens a noun phrase naming a beginning and running to the
    date (``since_beginnings``: "Depuis la naissance officielle du jumelage, en 1995",
    "Depuis le premier jumelage avec Weiden en 1954"): "depuis 1995" in more words, whose
    year dates no event of its own; ``None`` when the date ends no such phrase.

    >>> s = "Depuis la naissance officielle du jumelage, en 1995, les échanges sont réguliers."
    >>> _since_phrase(s, find_dates(s)[0])
    0
    >>> s = "Depuis des années, nous partons en mai 2019 à Rome."
    >>> _since_phrase(s, find_dates(s)[0]) is None
    True
    """
    start = max(0, found.start - SINCE_PHRASE_REACH)
    before = fold(sentence[start:found.start])
    opening = next(reversed(list(_SINCE_OPENING.finditer(before))), None)  # the last before the date
    if opening is None:
        return None
    phrase = before[opening.end():].rstrip()
    words = re.findall(r"\w+", phrase)
    if not words or len(words) > SINCE_PHRASE_WORDS or re.search(r"[.;:!?()\d]", phrase) \
            or "," in phrase.removesuffix(","):
        return None
    return start + opening.start() if _SINCE_BEGINNINGS.intersection(words) else None


def _goes_on_after(after: str) -> bool:
    """The clause after a "depuis" that opens its sentence has an activity for subject
    (``since_activities``: ", les échanges sont réguliers"): what goes on since then, an
    action, not the tie's own state (", nos communes tissent des liens")."""
    if not after.lstrip().startswith(","):
        return False
    words = re.findall(r"\w+", fold(after))[:MAIN_CLAUSE_WORDS]
    return bool(_SINCE_ACTIVITIES.intersection(words))


def _absolute(sentence: str) -> Event | None:
    """The first date of the sentence that is an event's: not in brackets, not a
    reference ("depuis 1970", "depuis la naissance du jumelage, en 1970"), unless the
    "depuis" opens the sentence and what follows goes on since then (an action going on,
    dated "depuis 1970")."""
    for found in dates_of(sentence):  # the first of a long sentence, not all
        if found.period is None or _in_brackets(sentence, found.start):
            continue
        since = _since_phrase(sentence, found)
        if since is not None and found.period.start_month is None:
            if len(re.findall(r"\w+", sentence[:since])) <= SINCE_OPENING_WORDS \
                    and _goes_on_after(sentence[found.end:]):
                since_year = f"{_WORDS['reference_openings'][0]} {found.period.start_year}"
                return Event(found.text, found.start, since_year, _when(found))
            continue
        if _not_when(sentence, found):
            continue
        if found.period.end_year is None:  # "depuis 1970" is a reference; "Dès janvier 1986"
            if _RECURS_SINCE.match(fold(found.text)):  # "organisés chaque été depuis 2016": an
                return Event(found.text, found.start, None, _when(found))  # action still going on
            if fold(found.text).startswith(_REFERENCE):  # opens the event told, at that date
                if _opens_since(sentence, found) or _activity_since(sentence, found):  # "Par
                    # ailleurs, depuis septembre 2024, …", "Une solidarité est engagée depuis 1990"
                    return Event(found.text, found.start, None, _when(found))
                continue
            when = _when(found)
            return Event(found.text, found.start, _written(when) if when else None, when)
        return Event(found.text, found.start, None, _when(found))
    return None


def opened_at(label: str) -> str | None:
    """The date an entry's label opens its event at (``event_openings``: "Dès l'automne
    1989", "À partir de 2010"), written whole: the event happened then, as a sentence's
    "Dès janvier 1986" does (:func:`event_in`); ``None`` for any other label: a reference
    ("Depuis 2008": a tie still going on), a period to now ("De 2015 à aujourd'hui").

    >>> opened_at("Dès l'automne 1989"), opened_at("Depuis 2008"), opened_at("Chaque année depuis 2017")
    ('1989', None, None)
    """
    if not _OPENS_EVENT.match(fold(label)):  # the words first: most labels open with none
        return None
    found = next((f for f in find_dates(label) if f.period), None)
    if found is None or found.period is None or found.period.end_year is not None:
        return None
    when = _when(found)
    return _written(when) if when else None


def _year_of(month: int, side: int | None, when: When | None, published: When | None,
             from_told: bool = False) -> int | None:
    """The year of a month written without its year: the year told before; with a side
    word ("novembre dernier", "mars prochain"), the nearest such month on that side of the
    date the text is written at (the post's date; without one, the date told: "l'échange
    de mai dernier" in the minutes of a meeting of 19 June 2018 is May 2018, though a
    visit of July 2017 was told just before); with nothing told, the post's date, a month
    after it being of the year before (a post tells what happened)."""
    told = (published or when) if side is not None and not from_told else (when or published)
    if told is None:
        return None
    year, told_month = told[0], told[1]
    if told_month is None or (side is None and when):
        return year
    if side is None or side < 0:
        return year if month <= told_month else year - 1
    return year if month >= told_month else year + 1


def _yearless(sentence: str, folded: str, when: When | None, published: When | None = None,
              written: When | None = None) -> Event | None:
    """A day or a month written without its year ("Le jeudi 4 juin", "en avril", "les 17
    et 18 septembre"): the year told before (:func:`_year_of`) completes it; with none, it
    is an event whose date stays unread, unless a side word says it is the last or next
    such month before the time of writing, which is no earlier than ``written`` (the date
    the sentence tells further on)."""
    for month in _MONTH_WORD.finditer(folded):
        run = _MONTH_RUN.match(folded, month.end())  # "en novembre/décembre": the year
        end = run.end() if run else month.end()  # follows the last month of the run
        if _A_YEAR.search(folded, end, end + YEAR_REACH) \
                or _in_brackets(sentence, month.start()) \
                or _RELATIVE_YEAR.search(folded, end, end + MONTH_REACH):
            continue  # "En décembre de la même année" is a relative date
        side = _SIDE.match(folded, end)
        tense = FUTURE if side is None and published is not None and _future(folded) else None
        if side and when is None and published is None:
            published = written  # "en mai dernier …, s'est rendue à Pescia le 4 septembre
            # 2016": the sentence is written at or after the date it tells further on
        told = _year_of(_FOLDED_MONTHS[month.group()], _side(side) or tense, when, published,
                        bool(side and side[1] in _TOLD_SIDES))
        if (told is None or when is None) and written and side is None and tense is None \
                and _FOLDED_MONTHS[month.group()] <= (written[1] or 12):
            told = written[0]  # no story told: the year the sentence writes later, when the month
            # comes before its date ("d'abord à Déville, en juin, puis à Carmignano en septembre
            # 1985"), before the year the page is written in
        # the year told; with none told (or the post's date that its weekdays do not fit),
        # any year whose weekdays fit: an event whose date stays unread; so too a month that
        # comes back ("Une année sur deux, au mois de mai, nous nous rendons …"): no year's
        if _RECURS.search(folded):
            told = None
        # the year after a later month first: a range's end ("du 28 mai au 6 juin")
        ends = [*reversed([m.end() for m in _MONTH_WORD.finditer(folded, end, end + RANGE_REACH)]), end]
        if told is None and _WEEKDAY_NUMBER.search(folded, 0, month.start()):
            told = _fitting_year(sentence, month.start(), ends)
        for year in ([told] if told else []) + list(PROBE_YEARS):  # a weekday that does not fit
            # the year told ("le mercredi 9 avril" told in 2013, a Tuesday): its year unread
            for at in ends:
                completed = f"{sentence[:at]} {year}{sentence[at:]}"
                for found in find_dates(completed):
                    if found.start <= month.start() and found.end > at and found.period:
                        label = sentence[found.start:at]
                        return (Event(label, found.start, found.text, _when(found)) if year == told
                                else Event(label, found.start, None, None))
    return None



_WEEKDAY_NUMBER = re.compile(r"\b(?:" + "|".join(re.escape(fold(d)) for d in WEEKDAYS) + r")\s+\d")


def _fitting_year(sentence: str, start: int, ends: list[int]) -> int | None:
    """The page's year (:data:`PAGE_YEARS`) when it writes one alone and its calendar fits the
    weekday of the date that starts before ``start`` and ends at one of ``ends``, else None:
    among several years, one of a history told fits a weekday as often as one day in seven
    ("ce mercredi 20 avril" on a page of a tie of 1995 renewed in 2005 is no day of 2005)."""
    years = PAGE_YEARS.get()
    fits = {year for year in (years if len(years) == 1 else ()) for at in ends
            for found in find_dates(f"{sentence[:at]} {year}{sentence[at:]}")
            if found.start <= start and found.end > at and found.period}
    return fits.pop() if len(fits) == 1 else None


_FUTURE = lexicon("narrative")["future"]
_FUTURE_WORDS = frozenset(fold(w) for w in _FUTURE["words"])
_FUTURE_ENDINGS = tuple(fold(e) for e in _FUTURE["endings"])
_NOT_FUTURE = frozenset(fold(w) for w in _FUTURE["not_future"])
FUTURE = 1  # the side of the time of writing a sentence in the future tells of
FUTURE_STEM = 3  # letters a verb has before its ending of the future ("organis-era")


def _future(folded: str) -> bool:
    """The (folded) sentence is in the future tense: an auxiliary, a verb of plans or a
    conditional ("sera organisée", "prévu", "devrait"), or a verb's ending of the simple
    future ("nous partirons").

    >>> _future("la quinzaine qui sera organisee du 30 avril au 12 mai"), _future("nous partirons en mai")
    (True, True)
    >>> _future("nous sommes partis en mai"), _future("la camera de mai")
    (False, False)
    """
    for word in re.findall(r"[^\W\d_]+", folded):
        if word in _FUTURE_WORDS or (word.endswith(_FUTURE_ENDINGS) and word not in _NOT_FUTURE
                                     and len(word) >= FUTURE_STEM + 3):
            return True
    return False


def announced(text: str, label: str, latest: int | None = None) -> bool:
    """The entry's date is written without its year in a sentence told in the future tense
    (:func:`_future`: "le Consul sera présent le dimanche 21 novembre", "Ils arriveront
    jeudi"): an event the text announces, not one it reports. With its year ("En 1985, la
    charte sera signée", a history told in the future), it says nothing of the kind, unless
    that year is the page's ``latest`` or later: the newest thing a page tells in the future
    is to come ("nous serons de retour à Travaco en mai 2025").

    >>> announced("Le Consul sera présent le dimanche 21 novembre. Merci.", "le dimanche 21 novembre")
    True
    >>> announced("Le Consul était présent le dimanche 21 novembre.", "le dimanche 21 novembre")
    False
    >>> announced("Le 3 mai 1985, la charte sera signée.", "Le 3 mai 1985")
    False
    >>> announced("Nous serons de retour en mai 2025.", "en mai 2025", 2025)
    True
    """
    at = text.find(label)
    years = [int(y) for y in _A_YEAR.findall(label)]
    if at < 0 or (years and (latest is None or max(years) < latest)):
        return False
    start = max((m.end() for m in _SENTENCE.finditer(text, 0, at)), default=0)
    end = next((m.start() for m in _SENTENCE.finditer(text, at + len(label))), len(text))
    return _future(fold(text[start:end]))


def _season_side(sentence: str, folded: str, when: When | None, published: When | None) -> Event | None:
    """A season written without its year and with a side word ("le printemps dernier", "à
    l'automne prochain"): the nearest such season on that side of the post's date, else of
    the date told; with neither, an event whose date stays unread.

    >>> told = "Elle eut lieu le printemps dernier."
    >>> _season_side(told, fold(told), None, (2022, 4, 4)).resolved
    'printemps 2021'
    >>> _season_side("Rendez-vous à l'automne prochain.", "rendez-vous a l'automne prochain.",
    ...              None, (2022, 4, 4)).resolved
    'automne 2022'
    """
    found = _SEASON_SIDE.search(folded)
    if found is None:
        return None
    label, told = sentence[found.start():found.end()], published or when
    if told is None:
        return Event(label, found.start(), None, None)
    season = sentence[found.start(1):found.end(1)]
    if (year := _nearest_season(season, _SIDES[found[2]], told)) is None:
        return None
    return Event(label, found.start(), f"{season} {year}", (year, None, None))


def _nearest_season(season: str, side: int, told: When) -> int | None:
    """The year of the nearest ``season`` on a ``side`` of a date (the last one over
    before it, the first one to begin after it); a date without its month is a year,
    every season of which is on neither side.

    >>> _nearest_season("printemps", -1, (2022, 4, 4)), _nearest_season("automne", 1, (2022, 4, 4))
    (2021, 2022)
    """
    year, month = told[0], told[1]
    this = parse_label(f"{season} {year}")
    if this is None or this.start_date is None or this.end_date is None:
        return None
    now = date(year, month or 1, told[2] or 1)
    if side < 0:
        return year if month is not None and this.end_date < now else year - 1
    return year if month is not None and this.start_date > now else year + 1


def _ago(sentence: str, folded: str, published: When | None) -> Event | None:
    """A number of years before the post's date ("Il y a 20 ans" in a post of 18 November
    2017: 1997); without a post's date, an event whose date stays unread (a news article
    served with no date: "Il y a un an, les amis anglais de Cookham avaient passé …"),
    rather than words told on with the event before.

    >>> _ago("Il y a 20 ans, le jumelage naissait.", "il y a 20 ans, le jumelage naissait.", (2017, 11, 18))
    Event(label='Il y a 20 ans', start=0, resolved='1997', when=(1997, None, None), also=())
    """
    from .numbers import read_number

    if (found := _AGO.search(folded)) is None or not (n := read_number(found["n"])) or n >= 100:
        return None
    if published is None:  # no time of writing: an event whose date stays unread, as "cet été"
        return Event(sentence[found.start():found.end()], found.start(), None, None)
    year = published[0] - n
    return Event(sentence[found.start():found.end()], found.start(), str(year), (year, None, None))


_FROM_WRITING = re.compile("|".join(f"(?P<w{n}>{_phrase(p)})" for n, p in enumerate(
    [*_WORDS["years_from_writing"], *_WORDS["months_from_writing"]])) + r"(?!\w)")
DAYS_AFTER = 3  # characters between a phrase counted from the time of writing and the days it gives
_WRITING_OFFSETS = [*((False, v) for v in _WORDS["years_from_writing"].values()),
                    *((True, v) for v in _WORDS["months_from_writing"].values())]
_DAYS_FROM_WRITING = re.compile(r"(?<![\w'’-])(?:" + "|".join(
    f"(?P<d{n}>{_phrase(p)[2:]})" for n, p in enumerate(_WORDS["days_from_writing"])) + r")(?![\w-])")
_WRITING_DAY_OFFSETS = list(_WORDS["days_from_writing"].values())


def _from_writing(sentence: str, folded: str, published: When | None) -> Event | None:
    """A year or a month counted from the time of writing ("L'an dernier" in a newsletter
    of June 2023: 2022; "Le mois dernier" in one of March 2019: February 2019); without a
    time of writing, an event whose date stays unread (as "cet été"); none for a month
    counted from a time of writing without its month, nor when the days follow ("le mois
    dernier, du 28 janvier au 8 février").

    >>> told = "Le mois dernier, une délégation est partie."
    >>> _from_writing(told, fold(told), (2019, 1, None)).resolved
    'décembre 2018'
    >>> told = "que la Ville a fait citoyen d'honneur l'an dernier"
    >>> _from_writing(told, fold(told), (2023, 6, None)).resolved
    '2022'

    A day counted so needs the day of writing (a news site's by-line):

    >>> told = "Le maire a reçu hier une délégation de Gao."
    >>> _from_writing(told, fold(told), (2022, 3, 1)).resolved
    '28 février 2022'
    >>> _from_writing(told, fold(told), (2022, 3, None)) is None
    True
    """
    if published is not None and published[2] is not None and published[1] is not None \
            and (day := _DAYS_FROM_WRITING.search(folded)) is not None and day.lastgroup is not None:
        told = date(published[0], published[1], published[2]) \
            + timedelta(days=_WRITING_DAY_OFFSETS[int(day.lastgroup[1:])])
        at: When = (told.year, told.month, told.day)
        return Event(sentence[day.start():day.end()], day.start(), _written(at), at)
    if (found := _FROM_WRITING.search(folded)) is None or found.lastgroup is None:
        return None
    after = find_dates(sentence[found.end():], yearless=True)
    if after and after[0].start <= DAYS_AFTER:
        return None  # "le mois dernier, du 28 janvier au 8 février": the days it gives
    if published is None:  # no time of writing: an event whose date stays unread, as "cet été"
        return Event(sentence[found.start():found.end()], found.start(), None, None)
    months, offset = _WRITING_OFFSETS[int(found.lastgroup[1:])]
    if months and published[1] is None:
        return None
    if months:
        count = published[0] * 12 + (published[1] or 1) - 1 + offset
        when: When = (count // 12, count % 12 + 1, None)
    else:
        when = (published[0] + offset, None, None)
    return Event(sentence[found.start():found.end()], found.start(), _written(when), when)


def _season_after_told(sentence: str, folded: str, when: When | None) -> Event | None:
    """A season written without its year and with a word that places it after or before
    the date told just before (``months_after_told``: "L'été suivant, l'accueil n'a pas pu
    avoir lieu" after "en juillet 2023"): the first such season to begin after that date
    (the one to end before it), written with its year ("été 2024"); after a year alone, the
    next year's season (the year before's): the year is the time told, and what follows it
    follows the whole year ("En 2008, les femmes obtiennent leurs parcelles. Le printemps
    d'après, une soirée de soutien": spring 2009, as four blind golds of two red teams read
    it); with
    nothing told, an event whose date stays unread.

    >>> told = "L'été suivant, l'accueil fut annulé."
    >>> _season_after_told(told, fold(told), (2023, 7, None)).resolved
    'été 2024'
    >>> told = "Le printemps suivant, une délégation est venue."
    >>> _season_after_told(told, fold(told), (2023, 1, None)).resolved
    'printemps 2023'
    >>> _season_after_told(told, fold(told), (2023, None, None)).resolved
    'printemps 2024'
    """
    found = _SEASON_TOLD.search(folded)
    if found is None:
        return None
    label = sentence[found.start():found.end()]
    if when is None:
        return Event(label, found.start(), None, None)
    season, side = sentence[found.start(1):found.end(1)], _TOLD_SIDES[found[2]]
    found_year = when[0] + (1 if side > 0 else -1) if when[1] is None \
        else _nearest_season(season, side, when)
    if (year := found_year) is None:
        return None
    return Event(label, found.start(), f"{season} {year}", (year, None, None))


def _this_season(sentence: str, folded: str, when: When | None, published: When | None) -> Event | None:
    """A season named as this one ("ce printemps", "cet été"): the season of the post's
    year, else of the year told; with neither, an event whose date stays unread; after
    "depuis" (a reference: "ils se connaissent depuis cet été") none."""
    found = _THIS_SEASON.search(folded)
    if found is None or set(re.findall(r"\w+", folded[max(0, found.start() - REFERENCE_REACH):found.start()])
                                       [-REFERENCE_WORDS:]) & _REFERENCE_WORDS:
        return None
    label, told = sentence[found.start():found.end()], published or when
    if told is None:
        return Event(label, found.start(), None, None)
    season = sentence[found.start(1):found.end(1)]
    year = told[0]
    if published is not None and published[1] is not None and (
            this := parse_label(f"{season} {year}")) and this.start_date and this.end_date:
        day = date(published[0], published[1], published[2] or 1)
        future = _future(folded)
        if not future and _past(folded) and this.start_date > day:
            year -= 1  # "Cet été, les enfants ont passé …" written in January: last summer
        elif future and this.end_date < day:
            year += 1  # "Cet hiver, nous irons …" written in December, after last winter's end
    return Event(label, found.start(), f"{season} {year}", (year, None, None))


def _past(folded: str) -> bool:
    """The (folded) sentence is in a past tense, by an auxiliary or "être" and "avoir" in
    the past (lexicon ``narrative.past``).

    >>> _past("cet ete, les enfants ont passe une semaine"), _past("cet ete, les enfants partent")
    (True, False)
    """
    return any(word in _PAST_WORDS for word in re.findall(r"[^\W\d_]+", folded))


_PAST_WORDS = frozenset(fold(w) for w in _WORDS["past"]["words"])


def _side(found: re.Match[str] | None) -> int | None:
    """The side a side word places a month on (-1 before, +1 after), if one was found."""
    return None if found is None else _SIDES.get(found[1], _TOLD_SIDES.get(found[1]))


def _feast(sentence: str, folded: str, when: When | None) -> Event | None:
    """A feast of the calendar written without its year but with a side word after it
    ("à la Pentecôte suivante" after "Pâques 1971"): the nearest such feast on that side of
    the date told, written with its year ("Pentecôte 1971"); ``None`` with no date told."""
    found = _FEAST.search(folded)
    if found is None or when is None:
        return None
    first = next(months[0] for phrase, months in CALENDAR_PERIODS.items()
                 if re.fullmatch(_phrase(phrase)[2:], found[1]))
    side = _side(re.match(_SIDE, folded[found.end(1):found.end()]))
    year = _year_of(first, side, when, None, from_told=True)
    if year is None:
        return None
    label = sentence[found.start():found.end()]
    return Event(label, found.start(), f"{sentence[found.start(1):found.end(1)]} {year}", (year, first, None))


_FEASTS = "|".join(sorted((_phrase(p)[2:] for p in CALENDAR_PERIODS), key=len, reverse=True))
# a feast after its lead, with no year nor side word after it (:func:`_feast` reads those)
_FEAST_ALONE = re.compile(rf"\b(?:{_any(_WORDS['feast_leads'])})\s*({_FEASTS})(?![\w-])"
                          rf"(?!\s*(?:\d|(?:{_SIDE_WORDS})\b))")


_SURNAME_AFTER = re.compile(rf"\s+{CAPITAL}(?:{CAPITAL}|['’-])+\b")  # a surname in capitals after a word


def _feast_alone(sentence: str, folded: str, when: When | None, published: When | None) -> Event | None:
    """A feast of the calendar named without its year ("À l'occasion des festivités de la
    Saint-Nicolas, Saint-Max a accueilli …", "pour Noël"): the event's date, in the year
    told before it (or the post's), else an event whose date stays unread.

    >>> _feast_alone(s := "Pour la Toussaint, la chorale est venue.", fold(s), (2019, 5, None), None).resolved
    'Toussaint 2019'
    >>> _feast_alone(s := "Aux festivités de la Saint-Nicolas, visite.", fold(s), None, None).label
    'la Saint-Nicolas'
    >>> _feast_alone(s := "Avec l'aide de Noël YAYA, professeur.", fold(s), (2019, 5, None), None) is None
    True
    """
    found = _FEAST_ALONE.search(folded)
    if found is None or _SURNAME_AFTER.match(sentence, found.end(1)):
        return None  # "Noël YAYA", "Toussaint DUPONT": a given name, its surname after it
    first = next(months[0] for phrase, months in CALENDAR_PERIODS.items()
                 if re.fullmatch(_phrase(phrase)[2:], found[1]))
    label = sentence[found.start(1):found.end(1)]
    year = _year_of(first, None, when, published, False) if when or published else None
    if year is None:
        return Event(label, found.start(1), None, None)
    return Event(label, found.start(1), f"{label} {year}", (year, first, None))


def _days_after(told: tuple[int, int | None, int | None], days: int) -> When:
    """The day ``days`` after (before, when negative) the day told; the month told when
    no day was (no day is invented)."""
    year, month, day = told
    if day and month:
        then = date(year, month, day) + timedelta(days=days)
        return (then.year, then.month, then.day)
    return (year, month, None)


_YEAR_WRITTEN = re.compile(r"\s+(\d{4})(?![\d\w])")


def _relative(sentence: str, folded: str, when: When | None) -> Event | None:
    """A date told relative to the one before: "la même année", "l'année suivante", "deux
    ans plus tard" (a month before it kept: "En décembre de la même année"), "le
    lendemain"; within the event told or right after it (``within_told``: "Au cours de ce
    séjour", "immédiatement"), its month."""
    if when is None:
        return None
    from .numbers import read_number

    year, month, day = when
    same = _RELATIVE_YEAR.search(folded)
    later = found if (found := _YEARS_LATER.search(folded)) and (n := read_number(found["n"])) \
        and n < 100 else None
    if same and later and later.start() < same.start():  # "Cinq ans plus tard, … ; c'est aussi
        same = None  # cette année-là que …": the years counted first, the same year theirs
    if found := same:
        offset = _YEAR_OFFSETS[int(next(k for k, v in found.groupdict().items() if v)[1:])]
        named = list(_MONTH_WORD.finditer(folded, max(0, found.start() - MONTH_REACH), found.start()))
        start = named[-1].start() if named else found.start()
        month_of = _FOLDED_MONTHS.get(named[-1].group()) if named else None
        resolved: When = (year + offset, month_of, None)
        if written := _YEAR_WRITTEN.match(folded, found.end()):  # "La même année 2010", "cette
            # même année 2014": the year the writer gives, whatever the story told before
            resolved = (int(written[1]), month_of, None)
            return Event(sentence[start:written.end()], start, _written(resolved), resolved)
        if not named and (season := _SEASON_OF.search(folded, max(0, found.start() - MONTH_REACH),
                                                       found.start())):
            # "À l'automne de la même année": that year's season, not the year alone
            return Event(sentence[season.start():found.end()], season.start(),
                         f"{sentence[season.start(1):season.end(1)]} {year + offset}", resolved)
        return Event(sentence[start:found.end()], start, _written(resolved), resolved)
    if (found := later) and (n := read_number(found["n"])):
        bound = _CLAUSE.search(folded, found.end())
        if _A_YEAR.search(folded, found.end(), bound.start() if bound else len(folded)):
            # "soixante ans après sa signature initiale en septembre 1964": the years count
            # from the date their clause writes, not from the date told; that date is the
            # sentence's
            return None
        resolved = (year + (n if found["later"] else -n), month, None)
        return Event(sentence[found.start():found.end()], found.start(), _written(resolved), resolved)
    if month is not None and month <= DECEMBER and (moved := _months_moved(folded, year, month)):
        found, resolved = moved  # "Le mois suivant", "deux mois plus tard": the month counted
        # from the one told
        return Event(sentence[found.start():found.end()], found.start(), _written(resolved), resolved)
    # days after a year alone ("signé en 1982 …. La délégation repartit le lendemain"): no
    # day to count from; the sentence tells the event told
    if month is not None and (found := _DAYS_LATER.search(folded)) \
            and (n := read_number(found["n"] or found["m"])) \
            and n < MAX_DAYS_LATER:  # "Après 4 jours passés à Cové", "trois jours plus tard"
        weeks = found["weeks"] or found["weeks_after"]  # "une semaine plus tard": seven days
        resolved = _days_after((year, month, day), n * (WEEK if weeks else 1))
        return Event(sentence[found.start():found.end()], found.start(), _written(resolved), resolved)
    if month is not None and (found := _RELATIVE_DAY.search(folded)):
        offset = _DAY_OFFSETS[int(next(k for k, v in found.groupdict().items() if v)[1:])]
        resolved = _days_after((year, month, day), offset)
        return Event(sentence[found.start():found.end()], found.start(), _written(resolved), resolved)
    if (found := _WITHIN.search(folded)) and _absolute(sentence) is None:  # "Au cours de ce
        # séjour", "immédiatement": an event at the date told, written no finer than its month;
        # the story stays where it was; not where the sentence dates the stay itself ("durant
        # notre voyage … effectué du 26 juin au 17 juillet 2011")
        return Event(sentence[found.start():found.end()], found.start(), _written((year, month, None)), when)
    return None


def _from_told(after: str) -> bool:
    """The words after "deux mois plus tard" (``after``, folded) count from the date told:
    a stop, a comma, or a word pointing back at it ("trois mois apres ce voyage"), not
    another date's words ("trois mois avant le depart")."""
    head = after.lstrip()
    word = re.match(r"\w+", head)
    return word is None or word.group() in _BACK_REFERENCES


def _months_moved(folded: str, year: int, month: int) -> tuple[re.Match[str], When] | None:
    """A month told relative to the month told before (``months_from_month_told``: "le
    mois suivant", "le même mois"; ``months_later``: "deux mois plus tard", "trois mois
    auparavant"), where it is written and the month it stands for (no day: none is known).

    >>> _months_moved("le mois suivant, une delegation est venue.", 2012, 12)[1]
    (2013, 1, None)
    >>> _months_moved("deux mois plus tard, retour.", 2012, 5)[1], _months_moved("un jour", 2012, 5)
    ((2012, 7, None), None)

    Counted from another date ("trois mois avant le depart"), no month told:

    >>> _months_moved("trois mois avant le depart, les eleves ont appris l'allemand.", 2012, 5) is None
    True
    """
    from .numbers import read_number

    offset: int | None = None
    if found := _RELATIVE_MONTH.search(folded):
        offset = _MONTH_OFFSETS[int(next(k for k, v in found.groupdict().items() if v)[1:])]
    elif (found := _MONTHS_LATER.search(folded)) and (n := read_number(found["n"])) \
            and n <= MAX_MONTHS_LATER and _from_told(folded[found.end():]):
        offset = n if found["later"] else -n
    if found is None or offset is None:
        return None
    year_of, month_of = divmod(year * 12 + month - 1 + offset, 12)
    return found, (year_of, month_of + 1, None)


OPENING_REACH = 4  # characters before a relative date that still opens an entry ("Dès ")
DECEMBER = 12  # the last month; a season is told as EDTF's 21-24 ("Au printemps 2023, …"), no
# month "deux mois plus tard" could count from
# Words after "un an après" that point back at the entry before ("un an après ces essais");
# any other ("… après la signature de l'accord") counts from another date.
_TIE_STEMS = tuple(fold(s) for s in lexicon("headings")["tie_stems"])
_BACK_REFERENCES = frozenset(fold(w) for w in lexicon("connectives")["anaphora"])
_PAIR_JOINER = lexicon("places")["kinds_of_pairs"]["joiner"]  # "Dès l'année suivante et jusqu'en 2016"


def told_after(text: str, when: When) -> tuple[str, str] | None:
    """The date an entry opens with when it is told relative to the entry before it, dated
    ``when`` ("La même année, accueil …", "Deux ans plus tard, …", "En mai de l'année
    suivante, …", "Dès l'année suivante et jusqu'en 2016, …"): the words as written, and
    the date they stand for as a label the grammar reads; ``None`` when the entry opens
    otherwise. A year counted from the one before is a year alone: its month is the one
    the words name, if any. Read in the entry's opening clause only (before its first
    comma): a relative date further in is the entry's story, not its date.

    >>> told_after("Deux ans plus tard, accueil de huit élèves.", (2012, 6, None))
    ('Deux ans plus tard', '2014')
    >>> told_after("En mai de l’année suivante, délégation à Kita.", (2017, 5, None))
    ('En mai de l’année suivante', 'mai 2018')
    >>> told_after("Accueil de jeunes l'année suivante.", (2017, None, None)) is None
    True
    >>> told_after("Un an après ces essais, remise d'une citerne.", (2020, None, None))
    ('Un an après', '2021')
    >>> told_after("Dix ans après la signature de l'accord, fête.", (2006, None, None)) is None
    True
    """
    head = text.split(",", 1)[0][:MONTH_REACH * 4]
    event = _relative(head, fold(head), (when[0], when[1], None))
    if event is None or event.when is None or event.start > OPENING_REACH \
            or event.resolved is None:
        return None
    end = event.start + len(event.label)
    after = head[end:].split()
    if after and fold(after[0]) not in _BACK_REFERENCES and after != [_PAIR_JOINER]:
        return None  # "Vingt-cinq ans après la signature de l'accord": counted from another date
    year, month, _ = event.when
    label = fold(event.label)
    named = _MONTH_WORD.search(label) or _RELATIVE_MONTH.search(label) or _MONTHS_LATER.search(label)
    return head[:end].strip(), _written((year, month if named else None, None))


def _weekday(sentence: str, folded: str, when: When | None) -> Event | None:
    """A weekday alone ("Le vendredi matin", "Samedi soir") after a day: that day when it
    is that weekday, else the first such day after it."""
    if not when or not when[2] or not when[1]:
        return None
    found = _WEEKDAY_WORD.search(folded)
    if not found:
        return None
    told = date(when[0], when[1], when[2])
    wanted = WEEKDAYS[next(d for d in WEEKDAYS if fold(d) == found.group())]
    then = told + timedelta(days=(wanted - told.weekday()) % 7)  # that day, or the next such
    resolved = (then.year, then.month, then.day)
    return Event(sentence[found.start():found.end()], found.start(), _written(resolved), resolved)


def _weekday_day(sentence: str, folded: str, when: When | None) -> Event | None:
    """A weekday and its day of the month with no month ("Vendredi 16 : accueil en mairie",
    "Samedi 17, visite de …") after a month told: that day of the month told, or of the
    next when it comes before the day told; only when the weekday fits that day."""
    found = _WEEKDAY_DAY.search(folded)
    if not when or not when[1] or not found:
        return None
    year, month, told_day = when[0], when[1], when[2]
    number = int(found[2])
    if told_day and number < told_day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    try:
        then = date(year, month, number)
    except ValueError:
        return None
    if then.weekday() != WEEKDAYS[next(d for d in WEEKDAYS if fold(d) == found[1])]:
        return None
    resolved = (then.year, then.month, then.day)
    return Event(sentence[found.start():found.end()], found.start(), _written(resolved), resolved)


@dataclass(frozen=True)
class DayTold:
    """The day of the last event told without its year ("le samedi 10 septembre"), placed
    in a year its weekday fits when it names one (``weekday``), else in a leap year: only
    its day, its month and its neighbours are read from it, never its year."""

    day: date
    weekday: bool


def _day_of(label: str) -> DayTold | None:
    """The day a yearless label names ("Samedi 28 avril", "le 10 septembre"), as
    :class:`DayTold`; ``None`` for a month alone or a range."""
    named = any(w in _WEEKDAY_NAMES for w in re.findall(r"\w+", fold(label)))
    for year in PROBE_YEARS:
        for found in find_dates(f"{label} {year}"):
            then = _when(found)
            if then and then[1] and then[2] and found.period and found.period.start_date \
                    == found.period.end_date:
                return DayTold(date(then[0], then[1], then[2]), named)
    return None


_WEEKDAY_NAMES = frozenset(fold(d) for d in WEEKDAYS)


def day_after(sentence: str, told: DayTold | None) -> tuple[Event, DayTold] | None:
    """A day told after a day told without its year: relative to it ("Ce jour-là", "Le
    lendemain", ``days_from_told``), or a weekday alone ("Samedi soir", "Le dimanche au
    matin") when the day told names its weekday ("Samedi 28 avril"): that day or the next
    such. Written without a year ("29 avril"), as the day told was; the story moves to it.

    >>> told = _day_of("Samedi 28 avril")
    >>> day_after("Dimanche matin, messe et repas.", told)[0].resolved
    '29 avril'
    >>> day_after("Le lendemain, visite du port.", told)[0].resolved
    '29 avril'
    >>> day_after("Ce jour-là, un bal.", _day_of("le 10 septembre"))[0].resolved
    '10 septembre'
    >>> day_after("Dimanche matin, départ.", _day_of("le 10 septembre")) is None
    True
    """
    if told is None:
        return None
    folded = fold(sentence)
    relative = _RELATIVE_DAY.search(folded)
    weekday = _WEEKDAY_WORD.search(folded) if told.weekday else None
    numbered = _weekday_day(sentence, folded, (told.day.year, told.day.month, told.day.day)) \
        if told.weekday else None  # "Samedi 29 : …" after "Vendredi 28 avril"
    if numbered and numbered.when and numbered.when[1] and numbered.when[2]:
        found, then = _WEEKDAY_DAY.search(folded), date(numbered.when[0], numbered.when[1], numbered.when[2])
    elif relative and (weekday is None or relative.start() <= weekday.start()):
        offset = _DAY_OFFSETS[int(next(k for k, v in relative.groupdict().items() if v)[1:])]
        found, then = relative, told.day + timedelta(days=offset)
    elif weekday:
        wanted = WEEKDAYS[next(d for d in WEEKDAYS if fold(d) == weekday.group())]
        found, then = weekday, told.day + timedelta(days=(wanted - told.day.weekday()) % 7)
    else:
        return None
    assert found is not None  # the pattern that gave the day
    written = f"{then.day} {_MONTH_NAME[then.month]}"
    return (Event(sentence[found.start():found.end()], found.start(), written, None),
            DayTold(then, told.weekday))


OPENING_WORDS = 1  # words before a relative date that opens its sentence ("Et le lendemain"), not
# "Ils sont revenus le lendemain"


def days_later(sentence: str) -> Event | None:
    """A sentence that opens on days or weeks after the event told ("Une semaine plus
    tard, le jumelage tenait un stand …", "Le lendemain, …") when that event's date is not
    known to the day: a new event whose date stays unread.

    >>> days_later("Une semaine plus tard, le jumelage tenait un stand.").label
    'Une semaine plus tard'
    >>> days_later("Ils sont revenus une semaine plus tard.") is None
    True
    """
    folded = fold(sentence)
    found = [f for f in (_DAYS_LATER.search(folded), _RELATIVE_DAY.search(folded))
             if f and len(re.findall(r"\w+", folded[:f.start()])) <= OPENING_WORDS
             and not re.search(r"[,;:]", folded[:f.start()])]
    if not found:
        return None
    first = min(found, key=lambda f: f.start())
    return Event(sentence[first.start():first.end()], first.start(), None, None)




def _anniversary(texts: list[str]) -> When | None:
    """The year of writing a page gives by the tie's age it celebrates and the tie's year
    it tells (``tie_age``: "Afin de célébrer ce 30e anniversaire", the tie "scellé le 30
    octobre 1992": 2022), when both are told; ``None`` otherwise, or when a year after the
    anniversary dates it ("le 45e anniversaire, qui aura lieu en 2024": told before it).

    >>> _anniversary(["Le jumelage, scellé en 1979, prépare son 45e anniversaire, qui aura lieu en 2024."])
    >>> _anniversary(["Le jumelage, scellé en 1979, a fêté son 45e anniversaire."])
    (2024, None, None)
    """
    from .places import agreement

    signed = agreement("\n".join(text if text.rstrip().endswith(_ENDS_SENTENCE) else f"{text}."
                                 for text in texts))  # a title ends its sentence too
    if signed is None or signed.year is None:
        return None
    # not an anniversary dated by another year after it than the tie's ("préparer le 45e
    # anniversaire, qui aura lieu … en 2024"): the page may be written before it
    age = next((tie_age(m) for text in texts for sentence in _SENTENCE.split(fold(text))
                for m in TIE_AGE.finditer(sentence)
                if all(int(y.group()) == signed.year for y in _A_YEAR.finditer(sentence, m.end()))), None)
    return (signed.year + age, None, None) if age is not None and 0 < age <= OLDEST_TIE else None


def weekday_before(sentence: str, published: When) -> Event | None:
    """A weekday alone ("Mercredi : dernière visite au village") in a post dated to the
    day, with no date told before it: the last such day on or before the post's (a post
    tells what happened).

    >>> weekday_before("Mercredi : dernière visite au village", (2012, 9, 27)).resolved
    '26 septembre 2012'
    >>> weekday_before("Jeudi, retour.", (2012, 9, 27)).resolved, weekday_before("Retour.", (2012, 9, 27))
    ('27 septembre 2012', None)
    """
    year, month, day = published
    found = _WEEKDAY_WORD.search(fold(sentence)) if month and day else None
    if found is None or month is None or day is None:
        return None
    posted = date(year, month, day)
    wanted = WEEKDAYS[next(d for d in WEEKDAYS if fold(d) == found.group())]
    then = posted - timedelta(days=(posted.weekday() - wanted) % 7)
    resolved = (then.year, then.month, then.day)
    return Event(sentence[found.start():found.end()], found.start(), _written(resolved), resolved)


def event_in(sentence: str, when: When | None, published: When | None = None,
             written: When | None = None) -> Event | None:
    """The event a sentence tells, if it carries a date: the earliest of its dates that
    is an event's, absolute, without its year, relative or a weekday.

    >>> event_in("Le jeudi 4 juin vers 18h30, nous étions impatients.", (2015, 6, 4)).resolved
    'Le jeudi 4 juin 2015'
    >>> event_in("En décembre de la même année, la charte est signée.", (2002, 9, None)).resolved
    'décembre 2002'
    >>> event_in("Le vendredi matin, visite du château.", (2015, 6, 4)).resolved
    '5 juin 2015'
    >>> event_in("Nos deux villes échangent depuis 1970.", None) is None
    True
    >>> event_in("Trois ans plus tard, un puits est creusé ; cette année-là aussi, un bal.",
    ...          (2001, None, None)).resolved
    '2004'
    """
    folded = fold(sentence)
    if (now := _this_year(folded)) is not None and _absolute(sentence) is None:
        # the year of writing: the post's, never the year told before ("signé en 1985. Cette
        # année, une fête en mai" is no May 1985)
        when = (published[0], None, None) if published else None
        if published and not any(_MONTH_WORD.finditer(folded)) \
                and len(re.findall(r"\w+", folded[:now.start()])) <= OPENING_WORDS:
            # opening the sentence ("Cette année, le comité a reçu …"), the event of that
            # year; further in ("… enregistré à 113 cette année"), a fact of the year, none
            return Event(sentence[now.start():now.end()], now.start(), str(published[0]), when)
    found = [e for e in (_absolute(sentence), _yearless(sentence, folded, when, published, written),
                         _relative(sentence, folded, when), _weekday(sentence, folded, when),
                         _weekday_day(sentence, folded, when), _feast(sentence, folded, when),
                         _this_season(sentence, folded, when, published),
                         _season_side(sentence, folded, when, published),
                         _ago(sentence, folded, published), _this_time(sentence, folded, when, published),
                         _from_writing(sentence, folded, published),
                         _season_after_told(sentence, folded, when),
                         _history_anniversary(sentence, folded, when)) if e] \
        or [e for e in (_feast_alone(sentence, folded, when, published),)
            if e and not any(f.period for f in find_dates(sentence, yearless=True))]  # "(21 juin)" dates it
    first = min(found, key=lambda e: e.start) if found else None
    if first and first.when and first.resolved and (read := parse_label(first.resolved)) \
            and read.end_year is None and not fold(first.resolved).startswith(_REFERENCE):
        first = replace(first, resolved=_written(first.when))  # "à partir de début octobre":
        # the event starts then; an action going on "depuis" a beginning stays open
    if first and first.when and (first.resolved is None or first.when[1] is None):
        # "En 2019, c'était notre tour …, du jeudi 9 au dimanche 12 mai": the days, that year;
        # so too days inside a feast told ("à l'Ascension 2022, du 26 au 29 mai") and in a
        # year told from the one before ("L'année suivante, …, du 4 au 8 juillet")
        days = _yearless(sentence[first.start:], folded[first.start:], first.when)
        if days and days.resolved and (first.when[1] is None or _details(first, days)):
            return Event(sentence[first.start:first.start + days.start] + days.label, first.start,
                         days.resolved, days.when)
    if first and first.when and first.when[2] is not None and first.resolved is None \
            and (second := _second_day(sentence, folded, first)) is not None:
        return second
    if first and first.when and (until := _until(first, sentence)) is not None:
        return until
    if first:  # "concrétisé en 1997 : … paraphe de la charte le 28 juin 1997": that day;
        # not a date of the clause after a semicolon ("De 2003 à 2014, six enfants … ; de
        # 2006 à 2008, le projet …"), another act's
        # nor a year alone inside years from one to another ("Il se prolonge de 2022 à
        # 2024 …, dont les créations ont été présentées en 2023"): a part of them, not their date
        rest = sentence[first.start + len(first.label):]
        later = _absolute(rest)
        if later and _details(first, later) and ";" not in rest[:later.start] \
                and (later.when is None or later.when[1] is not None):
            return replace(later, start=first.start)
    return first


_HISTORY_DAYS = [(fold(words), year, month) for words, year, month in _WORDS["history_days"]]
HISTORY_REACH = 8  # characters between "anniversaire" and the day of history: " de l'"


def _history_anniversary(sentence: str, folded: str, when: When | None) -> Event | None:
    """The Nth anniversary of a day of history (``history_days``: "du 104eme anniversaire
    de l'armistice"): the month of that day, N years on (November 2022), in a story that
    told no date before it and whose page writes no year (:data:`PAGE_YEARS`): a page that
    does ("le week-end de fête du 20 au 22 janvier 2023", under "cérémonie du 60e
    anniversaire du traité de l'Élysée") dates the commemoration itself.

    >>> _history_anniversary("la commémoration du 104eme anniversaire de l'armistice.",
    ...                      "la commemoration du 104eme anniversaire de l'armistice.", None).when
    (2022, 11, None)
    """
    if when is not None or PAGE_YEARS.get() or len(folded) != len(sentence):
        return None  # a date told before; or the folded text's places are no longer the sentence's
    for found in TIE_AGE.finditer(folded):
        if found["age"] is None:
            continue
        after = folded[found.end():found.end() + HISTORY_REACH + max(len(w) for w, _, _ in _HISTORY_DAYS)]
        for words, year, month in _HISTORY_DAYS:
            at = after.find(words)
            if 0 <= at <= HISTORY_REACH:
                when = (year + int(found["age"]), month, None)
                end = found.end() + at + len(words)
                return Event(sentence[found.start():end], found.start(), _written(when), when)
    return None


def _until(first: Event, sentence: str) -> Event | None:
    """The period of an act told at one date and going on to a later date that has no start
    of its own ("lancé lors de la délégation de septembre 2019, s'est poursuivi jusqu'en
    2021"): from the first date to that end, one event, or ``None``. Not past a semicolon,
    which opens another act's clause.

    >>> _until(event_in("Lancé en septembre 2019, le projet", None),
    ...        "Lancé en septembre 2019, le projet s'est poursuivi jusqu'en 2021.").resolved
    'septembre 2019 - 2021'
    """
    assert first.when is not None
    at = first.start + len(first.label)
    for found in dates_of(sentence[at:]):
        if ";" in sentence[at:at + found.start]:
            return None
        period = found.period
        if period is None or period.start_year is not None:
            continue
        if period.end_year is None:
            return None
        end = period.edtf.removeprefix("../").split("-")
        end_when = (int(end[0]), int(end[1]) if len(end) > 1 else None, None)
        if (end_when[0], end_when[1] or 12) <= (first.when[0], first.when[1] or 0):
            return None
        return Event(sentence[first.start:at + found.end], first.start,
                     f"{_written(first.when)} - {_written(end_when)}", first.when)
    return None


def _second_day(sentence: str, folded: str, first: Event) -> Event | None:
    """The act of a day told again on a later day of its year, without the year ("a signé
    un pacte le 5 avril 2003 à Octeville et le 28 juin à Bourne End": signed in each
    town): one event from the first day to the second, or ``None``. Only a second day
    joined to the first's words by "et" (``same_act_joiners``; not "puis", which tells a
    next act: "le 5 avril 2003 à Ardon puis le 28 juin") a few words on, in the same clause.

    >>> e = event_in("La charte fut signée le 5 avril 2003 à Ardon et le 28 juin à Kita.", None)
    >>> e.label, e.resolved
    ('le 5 avril 2003 à Ardon et le 28 juin', '5/4/2003 - 28/6/2003')
    >>> event_in("La charte fut signée le 5 avril 2003, puis fêtée à Kita le 28 juin.", None).label
    'le 5 avril 2003'
    """
    assert first.when is not None
    year, month, day = first.when
    at = first.start + len(first.label)
    second = _yearless(sentence[at:], folded[at:], first.when)
    if second is None or second.when is None or second.when[2] is None or second.when[0] != year \
            or (second.when[1] or 0, second.when[2]) <= (month or 0, day or 0):
        return None
    between = re.findall(r"[\w'’]+|[^\w\s]", folded[at:at + second.start])
    if not between or between[-1] not in _SAME_ACT_JOINERS or len(between) > SECOND_DAY_WORDS \
            or any(not w[0].isalnum() for w in between):
        return None
    return Event(sentence[first.start:at + second.start] + second.label, first.start,
                 f"{day}/{month}/{year} - {second.when[2]}/{second.when[1]}/{year}", first.when)


SECOND_DAY_WORDS = 4  # words from a day to the second day of its act: "à Octeville et"
_SAME_ACT_JOINERS = frozenset(fold(w) for w in _WORDS["same_act_joiners"])
_THIS_YEAR = re.compile(rf"\b(?:{_any(_WORDS['this_year'])})(?!\w|-)(?!\s*(?:\d|"
                        rf"{'|'.join(re.escape(fold(w)) for w in _WORDS['this_year_not_before'])}))")


_THIS_TIME = re.compile(rf"\b(?:{_any(_WORDS['this_time'])})(?![\w-])")


def _this_time(sentence: str, folded: str, when: When | None, published: When | None) -> Event | None:
    """The time of writing named as such ("ce week-end", ``this_time``): an event of the
    post's year and month, or one whose date stays unread; after a date told (``when``),
    "ce week-end" is the one told ("Week-end du 9 au 11 juin … durant ce week-end"), none.

    >>> _this_time("Nos amis étaient reçus ce week-end.", "nos amis etaient recus ce week-end.", None,
    ...            (2016, 5, None))
    Event(label='ce week-end', start=23, resolved='mai 2016', when=(2016, 5, None), also=())
    """
    found = _THIS_TIME.search(folded)
    if found is None or when is not None:
        return None
    label = sentence[found.start():found.end()]
    if published is None:
        return Event(label, found.start(), None, None)
    when = (published[0], published[1], None)
    return Event(label, found.start(), _written(when), when)


def _this_year(folded: str) -> re.Match[str] | None:
    """Where a sentence (folded) names the year of writing ("cette année"), if it does.

    >>> bool(_this_year("cette annee, en mai, nos amis viendront")), _this_year("cette annee-la")
    (True, None)
    >>> _this_year("le bilan de cette annee passee"), _this_year("cette annee 2019")
    (None, None)
    """
    return _THIS_YEAR.search(folded)


def _span(event: Event) -> tuple[date, date] | None:
    """The first and last day of the event's date; ``None`` for a set of years ("en 2011
    et 2014"), which is several events (:func:`_years_listed`), no period from the first
    year to the last that a later date could detail or restate."""
    period = parse_label(event.resolved or event.label)
    if period is None or period.start_date is None or period.end_date is None \
            or _YEAR_SET.fullmatch(period.edtf):
        return None
    return period.start_date, period.end_date


def _details(told: Event, then: Event) -> bool:
    """The second date lies inside the first and is narrower ("en 1997 : … le 28 juin
    1997", "La délégation d'octobre/novembre a assisté, le 31 octobre 2008, …"): it says
    when, inside what the first one summed up, the event happened."""
    outer, inner = _span(told), _span(then)
    return bool(outer and inner and outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer)


def _overlap(told: Event, then: Event) -> bool:
    """The two dates share a day: the second restates the first ("le lendemain matin,
    vendredi 4 mai"), details it ("en 1997 : … le 28 juin 1997") or bounds what it tells
    ("le 31 octobre 2008, à la cérémonie … entre le 31 octobre et le 9 novembre 2008")."""
    one, other = _span(told), _span(then)
    return bool(one and other and one[0] <= other[1] and other[0] <= one[1])


def _restates(told: Told, event: Event, headline: bool = False) -> bool:
    """A date written whole that holds the whole event told before ("la mission d'octobre
    2017" after "du 21 au 26 octobre 2017") names that event again: no new one. A day
    inside it ("le 5 juin" in a stay "du 5 au 9 juin") and a relative date are new events,
    except that any date holding the whole event the title announces (``headline``: "Du
    09.05.2024 …" under the title, then "en mai 2023 …. Un an plus tard, …") names it again.
    Years from one to another ("De 2003 à 2014, six enfants …" after "L'accord signé en
    2012") tell a longer story than one event of them: a new one."""
    if event.resolved is not None and not headline:  # resolved: without its year, or relative
        return False
    before, now = parse_label(told.period_label or told.label), parse_label(event.resolved or event.label)
    if not headline and now and now.start_year and now.end_year and now.end_year > now.start_year:
        return False
    return bool(before and now and before.start_date and before.end_date and now.start_date
                and now.end_date and now.start_date <= before.start_date
                and before.end_date <= now.end_date)


def _written_before(head: str) -> bool:
    """The words before a joiner end on a date written whole, its year with it ("le 18
    avril 1993 en Angleterre"), not a range's start ("entre le 31 octobre")."""
    last = [f for f in find_dates(head) if f.period][-1:]
    rest = head[last[0].end:] if last else ""
    return bool(last) and bool(_A_YEAR.search(last[0].text)) \
        and len(re.findall(r"\w+", rest)) < CLAUSE_WORDS and not _MONTH_WORD.search(fold(rest))


def _unbracketed(text: str, when: When | None, published: When | None,
                 years: bool = True) -> list[tuple[str, Event | None]]:
    """The sentences of a text read as if its brackets were not there ("Une animation
    autour de la Journée de l'Europe (9 mai)": the date of an item of a list that writes
    none outside them), each given back as the text writes it; with ``years`` false, only
    brackets that name a month ("(du 19 au 23 février)"), not a year's ("La loi de
    décentralisation (1998)", "les vingt ans du jumelage (1994-2014)"), which a paragraph of
    prose writes beside what it names."""
    def alone(aside: re.Match[str]) -> str:  # a date alone in its brackets: "(9 mai)", not
        inner = aside[0][1:-1].strip()  # "(182/187 en 2012)" nor "(recensement de 2014)"
        whole = [f for f in find_dates(inner) if f.period and f.start == 0 and f.end == len(inner)] \
            or [f for f in find_dates(f"{inner} {PROBE_YEARS[0]}") if f.period and f.start == 0
                and f.end == len(inner) + 5]  # a day or a month without its year
        if whole and not years and not _MONTH_WORD.search(fold(inner)):
            return aside[0]
        return f" {aside[0][1:-1]} " if whole else aside[0]

    out, at = [], 0
    bare = _ASIDE.sub(alone, text)
    for sentence, event in sentences(bare, when, published):
        at = bare.find(sentence, at)
        out.append((text[at:at + len(sentence)], event))
        at += len(sentence)
    return out


def _year(label: str, start: int) -> Event:
    """A whole year written in a sentence, as an event of that year."""
    return Event(label, start, None, (int(_A_YEAR.findall(label)[-1]), None, None))


# a place written after each year of a list, with a preposition of place ("signé en 1986 à
# Dano et en 1988 à Etréchy"): an aside of its year, as a bracket is
_LISTED_PLACE = re.compile(rf"^\s*(?:{_alternatives(_WRITTEN['prepositions'])})\s+{_NAME.pattern}")


def _listed_gap(gap: str) -> bool:
    """The words between two years of a list: commas, an aside in brackets or a place after
    its year (``countries.written.prepositions``: "à Dano et ") and the joiners of
    ``listed_years_joiners`` only ("(à Châteauneuf du Rhône) et ")."""
    bare = _LISTED_PLACE.sub(" ", _ASIDE.sub(" ", gap))
    return bool(bare.strip()) and not re.search(r"[^\w\s,]", bare) \
        and set(re.findall(r"\w+", fold(bare))) <= _LISTED_JOINERS


def _years_listed(sentence: str, event: Event | None) -> Event | None:
    """A sentence that lists whole years tells one event a year ("Invitations de
    délégations en 2008 et 2011": a visit in 2008, another in 2011, not one period from
    2008 to 2011; "Cérémonies de jumelage en 2007 (à Châteauneuf) et en 2008 (à
    Dolhesti)"; a month and more years, "en juin 2022 puis 2023"): the event of its first
    year, the others as ``also``. A range ("entre 2005 et 2010", "de 2006 à 2014") is one
    period and stays one event.

    >>> e = _years_listed("Tournois en 2008 et 2011.", _absolute("Tournois en 2008 et 2011."))
    >>> (e.label, e.when), [(o.label, o.when) for o in e.also]
    (('en 2008', (2008, None, None)), [('2011', (2011, None, None))])
    >>> [o.label for o in _years_listed("Fêtes en 2007 (ici) et en 2009 (là).", _absolute(
    ...     "Fêtes en 2007 (ici) et en 2009 (là).")).also]
    ['en 2009']
    >>> e = _years_listed("Missions en juin 2022 puis 2023.", _absolute("Missions en juin 2022 puis 2023."))
    >>> (e.label, e.when), [(o.label, o.when) for o in e.also]
    (('en juin 2022', (2022, 6, None)), [('2023', (2023, None, None))])
    """
    if event is None or event.resolved is not None:
        return event
    period = parse_label(event.label)
    if period is None:
        return event
    years = list(_A_YEAR.finditer(event.label))
    if _YEAR_SET.fullmatch(period.edtf):
        head = _year(event.label[:years[0].end()], event.start)
        others = [_year(y[0], event.start + y.start()) for y in years[1:]]
    elif (month := _MONTH_YEARS.fullmatch(period.edtf)) and len(years) == period.edtf.count(",") + 1 \
            and len({y[0] for y in years}) == len(years):  # "en juin 2022 puis 2023": June 2022,
        head = Event(event.label[:years[0].end()], event.start, None,  # then 2023 (its month
                     (int(month[1]), int(month[2]), None))  # the year's, as it is written)
        others = [_year(y[0], event.start + y.start()) for y in years[1:]]
    elif re.fullmatch(r"\d{4}", period.edtf):
        head, others = event, []
    else:
        return event
    at = end = event.start + len(event.label)
    for found in dates_of(sentence[end:]):
        start = end + found.start
        if found.period is None or not _listed_gap(sentence[at:start]):
            break
        if _YEAR_SET.fullmatch(found.period.edtf):
            others += [_year(y[0], start + y.start()) for y in _A_YEAR.finditer(found.text)]
        elif re.fullmatch(r"\d{4}", found.period.edtf):
            others.append(_year(found.text, start))
        else:
            break
        at = end + found.end
    return replace(head, also=tuple(others)) if others else event


def _opening(clause: str, when: When | None, published: When | None) -> Event | None:
    """The date a clause tells before its next comma, colon or semicolon, written whole
    or as a day or a month ("…, le 27 septembre 1997 à Barbentane", "…, Fleurieu a reçu
    la délégation les 17 et 18 septembre") or told from the date before ("…, et deux ans plus
    tard, ce sont huit élèves …", "; l'année suivante, …", "; la même année, …", "…, et en
    septembre de la même année, …"), which points back at another event; not one within the
    event told ("au cours de ce séjour", ``within_told``), which tells the same."""
    bound = _CLAUSE.search(clause, 1)
    if bound is not None:  # read up to the bound, and a date's length past it ("…, les 18
        clause = clause[:bound.end() + DATE_REACH]  # janvier, 22 mars et 3 mai 2010"): the
        # rest of a sentence of many clauses is read at its own bounds, not again at each one
    folded = fold(clause)
    moved = _relative(clause, folded, when)
    found = [e for e in (_absolute(clause), _yearless(clause, folded, when, published),
                         moved if moved and moved.when and when and not _WITHIN.search(fold(moved.label))
                         else None) if e]
    first = min(found, key=lambda e: e.start) if found else None
    return first if first and (bound is None or first.start < bound.start()) else None


DATE_REACH = 120  # characters: the longest date a clause's bound may cut ("du 18 janvier, 22 mars …")


RECALLED_SPAN = 10  # words before a date recalled that tell what it is the date of


def _recalled_words(sentence: str, event: Event) -> str:
    """The words of a sentence that tell the past it recalls: from the clause's start, at
    most a few words before the date, to the clause's end after it ("anniversaire de la
    signature du traité de jumelage signé à Brühl en 1964." out of "Une quarantaine de
    Français … étaient invités … pour l'anniversaire de la signature du traité … en 1964.");
    a clause cut from its sentence (:func:`sentences`: ", ainsi que les premières
    relations entre le comité de … et la Municipalité de … en 1989") tells it whole, its
    people no more the story's than its words."""
    end = event.start + len(event.label)
    bound = _CLAUSE.search(sentence, end)
    words = list(re.finditer(r"\w+", sentence[:event.start]))[-RECALLED_SPAN:]
    cut = sentence[:1].isspace() or sentence[:1].islower()  # no sentence starts so
    start = 0 if cut or not words else words[0].start()
    opened = [b.end() for b in _CLAUSE.finditer(sentence, 0, event.start)]
    start = max([start, *opened])
    return sentence[start:bound.start() if bound else len(sentence)].strip()


def _moved(when: When | None, event: Event | None, sentence: str = "") -> When | None:
    """The date the story is at after an event: the event's, unless it is a bare year
    before the date told (the past recalled: "le traité signé à Brühl en 1964" in the
    story of a visit in 2014), which leaves the story where it was; after a month that
    comes back (``sentence`` says so: "Une année sur deux, au mois de mai, …"), no year's
    date: "L'année suivante, ce sont les familles françaises qui reçoivent" tells it on; nor
    after the words that bring the story to its writing (``since_then``: "et, depuis, …")."""
    if event is not None and event.when is None and event.resolved is None and _RECURS.search(fold(sentence)):
        return None
    if event is None or event.when is None or _recalled(when, event):
        return when
    if event.resolved is not None and fold(event.resolved).startswith(_REFERENCE):
        return when  # an action going on since its year: the story is not at that year
    if _SINCE_THEN.search(fold(sentence), event.start + len(event.label)):
        return None  # "En 2019, … et, depuis, plus de nouvelles": the story is now at its writing
    return event.when


_SINCE_THEN = re.compile(r"(?<!\w)(?:" + "|".join(
    re.escape(fold(w)).replace(r"\ ", r"\s+").replace(",", r"\s*,").replace(r"\.", r"\s*\.")
    for w in _WORDS["since_then"]) + ")")


def _recalled(when: When | None, event: Event) -> bool:
    """The event is the past recalled: a bare year written whole, before the date told; or
    the day and month told, in a year before it: the day the event commemorates ("Le 22
    janvier, … la journée franco-allemande. Cette journée commémore … le traité signé le 22
    janvier 1963"), after which the story is still in its own year."""
    if not (when and event.when and event.resolved is None and event.when[0] < when[0]):
        return False
    return event.when[1] is None or (when[1] is not None and when[2] is not None
                                     and event.when[1:] == when[1:])


CLAUSES = 40  # bounds of clauses cut in one sentence: each cut reads the rest again, so a
# sentence of 400 commas ("(a), (b), …") took 5 s; no real sentence has that many clauses
LONGEST_SENTENCE = 2_000  # characters: a longer "sentence" (a page with no full stop, a paste
# of run-together lines) is read as one piece, not cut at its clauses: each cut reads the
# clauses before and after it again, so cutting one of that length would cost its square


_DURING = re.compile(rf"\s*(?:{_any(_WORDS['during_openings'])})(?!\w)")


_FRONTING = frozenset(fold(w) for w in _WORDS["fronting_conjunctions"])


def _fronted(head: str, said: Event) -> bool:
    """A clause that ends with its date right after a conjunction ("Elle sera entendue
    puisqu'en octobre, un comité de jumelage est créé"): the date opens the clause after the
    comma, no clause of its own ends there.

    >>> _fronted(h := "Elle sera entendue puisqu'en octobre,", event_in(h, (2011, 8, None)))
    True
    >>> _fronted(h := "Nous sommes allés à Kita en octobre,", event_in(h, (2011, 8, None)))
    False
    """
    if head[said.start + len(said.label):].strip(" ,;:"):
        return False
    before = re.findall(r"[^\W\d_]+", fold(head[:said.start]))
    return bool(_FRONTING & set(before[-2:]))  # "puisqu'en octobre": its preposition between


def _during(head: str, said: Event) -> bool:
    """A clause that opens its sentence on "lors de", "pendant" … and ends with its date
    (``during_openings``): the time of the main clause after it, no clause of its own."""
    return bool(_DURING.match(fold(head))) and not head[said.start + len(said.label):].strip(" ,;:")


# The day a page of partner sections says it was published or last updated (a CMS's field
# above its first section, "Mis à jour le 13 janvier 2020"), while its sections are read
# (pipeline/parse.py): what their sentences count from the day they were written ("en
# février de l'an dernier", "au printemps prochain", "il y a deux ans") is counted from it,
# as a post's by-line dates its story.
PAGE_DAY: ContextVar[When | None] = ContextVar("page_day", default=None)


# a year and its colon inside a line, an item's label run into the text before it by a
# transcript that lost the list's line breaks ("… (le Docteur X, originaire de Grand Popo)
# 2005 : Adoption de l'Agenda 21 …"), after a bracket or a word that leads to no date
_LABEL_INSIDE = re.compile(rf"(?<=\S)\s+(?=(?:1[89]|20)\d\d\s?:\s+(?:{CAPITAL}|[\d«\"]))")
_LEADS_TO_DATE = frozenset(fold(w) for w in [
    *_DATE_WORDS["in"], *_DATE_WORDS["since"], *_DATE_WORDS["since_short"], *_DATE_WORDS["year"],
    *_WORDS["near_joiners"]])


def _items_run_together(text: str) -> list[str]:
    """The sentences of a paragraph (:data:`_SENTENCE`), each cut again before a year and
    its colon that opens an item of a list run into it (:data:`_LABEL_INSIDE`), not after a
    word that leads to a date ("en 2005 : …", "l'année 2005 : …", "2 mai 2012 : …")."""
    out: list[str] = []
    for sentence in _SENTENCE.split(text):
        start = 0
        for label in _LABEL_INSIDE.finditer(sentence):
            before = re.findall(r"[^\W\d_]+|\S", sentence[start:label.start()])
            word = fold(before[-1]) if before else ""
            if word and word not in _LEADS_TO_DATE and not _MONTH_WORD.fullmatch(word) \
                    and label.start() > start:  # not "Du 31 avril au 2 mai 2012 : Venue …"
                out.append(sentence[start:label.start()])
                start = label.end()
        out.append(sentence[start:])
    return out


_SET_OFF = frozenset(fold(w) for w in _WORDS["trip_ends"]["departure"])
_ARRIVED = frozenset(fold(w) for w in _WORDS["trip_ends"]["arrival"])


def _trip_ends(head: str, tail: str) -> bool:
    """A clause that tells a trip setting off and the next one its arrival, each with its
    date (``trip_ends``): the two ends of one trip, no two events.

    >>> _trip_ends("Partis le 3 mai de Vaux,", "ils sont arrivés à Kita le ")
    True
    >>> _trip_ends("Le puits a été creusé le 3 mai,", "la fête a eu lieu le ")
    False
    """
    return bool(_SET_OFF & set(re.findall(r"\w+", fold(head)))) \
        and bool(_ARRIVED & set(re.findall(r"\w+", fold(tail))))


def sentences(text: str, when: When | None, published: When | None = None) -> list[tuple[str, Event | None]]:
    """The sentences of a paragraph, each with the event it tells; a sentence that joins
    two dated clauses ("… fondée le 17 juin 1986, et la Charte fut paraphée le 15
    septembre 1987"; "la charte paraphée le 28 juin 1997 à Saillon, le 27 septembre 1997 à
    Barbentane"; with no comma, "… commencé en 1986 et un jumelage a été officialisé le 28
    novembre 2000") is two, unless the second date shares a day with the first
    (:func:`_overlap`). ``published``: the day the text was written, else the page's
    (:data:`PAGE_DAY`) for a sentence that counts from the time of writing
    (:func:`from_writing`)."""
    page = None if published else PAGE_DAY.get()
    out: list[tuple[str, Event | None]] = []
    for sentence in _items_run_together(text):
        pieces, start, folded = [], 0, fold(sentence)
        written = published or (page if page and from_writing(sentence) else None)
        bounds = sorted([(b.start(), b.end(), True) for b in _CLAUSE.finditer(sentence)]
                        + [(b.start(), b.end(), False) for b in _BARE_JOINER.finditer(folded)]) \
            if len(sentence) <= LONGEST_SENTENCE else []
        del bounds[CLAUSES:]  # the first clauses: each cut reads what follows it again
        ranges: list[tuple[int, int]] | None = None  # the sentence's dates, read once if asked
        items: When | None = None  # the year of a list of dated items the sentence opened
        for at, end, punctuated in bounds:
            if at < start:
                continue
            # inside one date the grammar reads whole: the joiner of a range ("Entre novembre
            # 2023 et février 2024"), the comma of a set of days ("du 18 janvier, 22 mars et
            # 3 mai 2010"): no bound of a clause
            if ranges is None:
                ranges = [(f.start, f.end) for f in find_dates(sentence) if f.period]
                # and inside brackets: "Triberg (Allemagne, 1963), Fredericksburg (…)" is
                # no clause "1963)", the years beside the places no events
                ranges += [(b.start(), b.end()) for b in _BRACKET_SPAN.finditer(sentence)]
            if any(first < at < last for first, last in ranges):
                continue
            head, tail = sentence[start:end if punctuated else at], sentence[end:]
            said = event_in(head, items or when, written)
            if said is None or (punctuated and (_during(head, said) or _fronted(head, said))):
                continue
            if punctuated and items is None and (year := _list_announced(head, said)) \
                    and event_in(tail, year, written) is not None:
                # "les moments forts de l'année 2014 : le Burns Supper en janvier, …, le
                # voyage à Carnoustie en avril, …": the list's year, then its items
                items = year
                pieces.append(head)
                start = end
                continue
            if punctuated and items is not None:  # an item ends with its own date ("… en
                pieces.append(head)  # mars,"), the undated ones before it its own
                start = end
                continue
            if not punctuated:  # "… ont commencé en 1986 et un jumelage a été officialisé le
                # 28 novembre 2000": the joiner opens a clause of its own, its date further on
                then, bound = _absolute(tail), _CLAUSE.search(tail)
                if bound is not None and (incise := _INCISE.match(tail)):  # "et, par la suite, être
                    bound = _CLAUSE.search(tail, incise.end())  # reçus … en 2026": the joiner's clause
                # a feast placed after the date told ("… pour Pâques 1971 … et à la Pentecôte
                # suivante à Trittau"): another time, never the end of a range nor a set's
                feast = then is None and _feast(tail, fold(tail), _moved(when, said)) is not None
                # or a second day or month written whole after one written whole ("signée
                # le 18 avril 1993 en Angleterre et le 2 octobre 1993 à Avranches"): no range's
                # end, which writes its year once ("entre le 3 mai et le 9 mai 2012")
                whole = bool(then and said.when and said.when[1] and then.when and then.when[1]
                             and _A_YEAR.search(then.label) and _written_before(head)
                             and (bound is None or then.start < bound.start()) and not _overlap(said, then))
                # its date inside the clause it opens: "… Friedberg et M. Wisbey, …, ont
                # signé …, serment renouvelé le 1er mai 2005" joins a name, not a clause
                # or a date right after the joiner that opens a clause of its own after a comma
                # ("… est créé et en mai 2012, le maire … vient signer un pacte")
                opens = bool(then and len(tail[:then.start].split()) <= 1 and said.when and then.when
                             and tail[then.start + len(then.label):].lstrip().startswith(",")
                             and not _overlap(said, then))
                far = then and len(re.findall(r"\w+", tail[:then.start])) >= CLAUSE_WORDS \
                    and (bound is None or then.start < bound.start()) and not _overlap(said, then)
                # or another month without its year right after the joiner, after a month
                # without its year ("en juin à Talheim … et en octobre à Soultzmatt"): two
                # times of the year told, not one range
                other = None if then else _yearless(tail, fold(tail), _moved(when, said))
                month = bool(other and said.resolved and said.when and said.when[1] and other.when
                             and other.when[1] and other.when[1] != said.when[1]
                             and len(tail[:other.start].split()) <= 1 and not _overlap(said, other))
                if feast or whole or opens or far or month:
                    pieces.append(head)
                    start = end
                continue
            # a clause joined after a comma ("…, et un jumelage a été officialisé en 2000"), or
            # after a year alone a month of it ("En 2019, … 10 000 €, et en septembre une
            # délégation …": another act of that year, no detail of the first)
            joined = _JOINER.match(folded, at) and (_absolute(tail) or (
                said.when is not None and said.when[1] is None and said.resolved is None
                and _yearless(tail, fold(tail), said.when) is not None))
            then = _opening(tail, _moved(when, said), written)
            listed = then and _years_listed(sentence[start:end] + tail[:then.start + len(then.label)], said)
            if listed and not joined and listed.also:
                continue  # "en 2009, 2013 et 2017": one list of years, no clause of its own
            if then and not joined and (ending := parse_label(then.resolved or then.label)) is not None \
                    and ending.start_year is None and ending.end_year is not None:
                continue  # "…, s'est poursuivi jusqu'en 2021": the end of the act told (:func:`_until`)
            if then and _trip_ends(head[:said.start + len(said.label)],
                                   head[said.start + len(said.label):] + tail[:then.start]):
                continue  # "partis le 13 janvier de Chilly, …, sont arrivés à Diéma le 22 janvier
                # 2009": the trip's two ends, one event
            if joined or (then and (not _overlap(said, then) or _RELATIVE_YEAR.search(fold(then.label)))):
                # a date told from the one before ("En 2019, … don de 10 000 €, et en septembre de
                # la même année une délégation …") points back at it: another event, never its detail
                pieces.append(head)
                start = end
        pieces.append(sentence[start:])
        ahead = _absolute(sentence) if when is None else None
        recalled: When | None = None  # the past year recalled by the clause before, if any
        for n, piece in enumerate(pieces):  # a month "dernier" with nothing told: before the date told ahead
            # a clause opening on a year told from the one before right after a year recalled
            # ("… sont creusés en 2007 et, l'année suivante, …"): that year's, not the story's
            told = recalled if recalled and _RELATIVE_YEAR.match(fold(piece).lstrip(" ,;:")) else when
            event = _years_listed(piece, event_in(piece, told, written, ahead.when if ahead else None))
            recalled = event.when if event is not None and event.when and _recalled(when, event) else None
            if event is not None and n + 1 < len(pieces) and (year := _list_year(piece, event)):
                when = year  # "les temps forts de l'année 2016 : …": the year of the items
                out.append((piece, None))  # after it, however late the story told before it
                continue
            if event is not None and event.when \
                    and len(re.findall(r"\w+", piece[:event.start])) < RECALL_WORDS:
                when = None  # a sentence opening on its year ("En 2004, …" after a paragraph
                # of 2019; "En 1990 déjà, …"): the story moves back there, no past recalled (as
                # :func:`read_narrative` reads it), and "L'année suivante" after it is 2005
            when = _moved(when, event, piece) or (_frame(piece) if event is None else None)  # "Au terme
            # de l'année 2022, …": the year of the story told after it, with nothing told before
            out.append((piece, event))
    return out


def _list_year(piece: str, event: Event) -> When | None:
    """The year a clause ends on right before the colon that opens a list ("Le président
    rappelle les moments forts de l'année 2016 :", "revenant sur les nombreux évènements
    2018 :"): the frame of the items after it, each of that year (its months: "la galette en
    janvier, le voyage à Wetzlar en mai"), not an event of its own; a report told in a later
    year (the meeting of February 2017) reviews that one. ``None`` for any other clause (the
    caller asks only of a clause the list follows in its sentence: "présente le compte-rendu
    de l'année scolaire 2016/2017 :" above an annex is the report's event).

    >>> _list_year("Il rappelle les temps forts de l'année 2016 :", Event("l'année 2016", 29, None,
    ...            (2016, None, None)))
    (2016, None, None)
    >>> _list_year("En 2016, il a présenté trois projets :",
    ...            Event("En 2016", 0, None, (2016, None, None))) is None
    True
    """
    head = piece.rstrip()
    if not head.endswith(":") or event.when is None or event.when[1] is not None or event.also:
        return None
    return event.when if head[:-1].rstrip().endswith(event.label) else None


# a year before a colon, two words at least before it: "… de l'année 2014 :", "les nombreux
# évènements 2018: …", never an entry's label ("2014 : …", "Mai 2017 : …")
_YEAR_COLON = re.compile(r"(?<!\w)\w+\W+\w+\W+\d{4}\s?:(?=\s)")  # from a word's start: linear


def listed_items(text: str) -> list[tuple[int, Event]]:
    """Where a paragraph lists dated items after a colon that gives their year ("Le
    président rappelle les moments forts de l'année 2014 : le Burns Supper en janvier,
    l'opération …, la soirée écossaise en mars, le voyage à Carnoustie en avril."): each
    dated item's end in the text with its event, the undated items going with the dated
    one after them (:func:`sentences` cuts them so); empty unless two items or more are
    dated, or when the year is an entry's label ("2016 : la galette en janvier, …": one
    entry of that year). An entry of such a paragraph is as many events as it lists.

    >>> [(e.label, e.resolved) for _, e in listed_items(
    ...     "Il rappelle les temps forts de l'année 2014 : la galette en janvier, un concert, "
    ...     "le voyage à Wetzlar en mai. Merci à tous.")]
    [('en janvier', 'en janvier 2014'), ('en mai', 'en mai 2014')]
    >>> listed_items("En 2014 : la galette en janvier.")
    []
    """
    found: list[tuple[int, Event]] = []
    at = 0
    for sentence in _SENTENCE.split(text):
        start = text.index(sentence, at)
        at = start + len(sentence)
        if not any(_announces_list(sentence, m.start(), m.end()) for m in _YEAR_COLON.finditer(sentence)):
            continue  # no year announcing a list: the sentence is not read (a dated entry's cost)
        items: list[tuple[int, Event]] = []
        listing, end = False, start
        for piece, event in sentences(sentence, None):
            end = text.index(piece, end) + len(piece)
            if listing and event is not None:
                items.append((end, event))
            elif not listing and event is None and (head := event_in(piece, None)) is not None \
                    and _list_announced(piece, head):
                listing = True
        if len(items) >= 2:
            found += items
    return found


def _announces_list(sentence: str, start: int, end: int) -> bool:
    """Whether the clause ending at ``end`` (a year and its colon found at ``start``)
    announces a list (:func:`_list_announced`): read alone, the clause's own words only."""
    opens = max(sentence.rfind(mark, 0, start) for mark in ",;:") + 1
    clause = sentence[opens:end]
    return (head := event_in(clause, None)) is not None and _list_announced(clause, head) is not None


def _list_announced(head: str, event: Event) -> When | None:
    """The year of a list the clause announces (:func:`_list_year`) in words before its
    year ("les temps forts de l'année 2016 :"), never a label ("2016 :", "En 2016 :"
    open one entry of that year)."""
    return _list_year(head, event) if re.search(r"\w", head[:event.start]) else None


def tie_events(text: str) -> list[tuple[str, Event]]:
    """The events a paragraph of a partner's description tells of the tie itself: its
    dated sentences (:func:`sentences`) that name the page's own town ("Cet engagement de
    Trébeurden vers la Roumanie est né en 1989, …") or the tie renewed ("Il a été réaffirmé
    le 24 octobre 2012 … par la signature d'une charte de coopération"), each with the
    undated sentences after it. The partner's own history ("Elle devient une commune de
    plein exercice le 18 novembre 1955") names neither, and the agreement's signing ("Un
    accord de jumelage entre Ivry-sur-Seine et La Lisa a été signé en 1997") and its origin
    (``origin_verbs``: "Les premiers liens entre Ivry-la-Bataille et Dianguirdé datent de
    1998") are the partner's agreement and first link years: the description only."""
    from .config import config
    from .places import agreement

    names = [fold(n) for n in config().town.names]
    out: list[tuple[str, Event]] = []
    kept = False
    for sentence, event in sentences(text, None):
        if event is None:
            if kept:
                out[-1] = (f"{out[-1][0]} {sentence}", out[-1][1])
            continue
        period = parse_label(event.resolved or event.label)
        signed = agreement(sentence) if period is not None and period.start_year is not None else None
        kept = period is not None and period.start_year is not None and not _ORIGIN.search(fold(sentence)) \
            and (signed is None or signed.year is None) and (signed is not None or any(
                re.search(rf"(?<!\w){re.escape(n)}(?!\w)", fold(sentence)) for n in names))
        if kept:  # a year, written or resolved ("dans les années 80" too)
            out.append((sentence, event))
    return out


# --- The page's own furniture -------------------------------------------------------------

ARTICLE_FURNITURE = "the article's own furniture (by-line, counters, image file, date of publication)"
NAVIGATION_BAR = "a bar of the site's links or its breadcrumb"
_BYLINE = re.compile(r"(?:" + "|".join(_phrase(w)[2:] for w in _WORDS["byline_openings"]) + r")\s+\S")
_BYLINE_BY = re.compile(r"(?:" + "|".join(_phrase(w)[2:] for w in _WORDS["byline_prepositions"]) + r")\s+\S")
_COUNTER = re.compile(r"(?:" + "|".join(_phrase(w)[2:] for w in _WORDS["counters"])
                      + r")\s*:?\s*\d[\d\s.,]*%?\s*$")
_IMAGE_SIZE = (r"(?:" + "|".join(_WORDS["image_files"]) + r")\s*[-–:]\s*\d[\d.,]*\s*(?:"
               + "|".join(_WORDS["file_units"]) + r")\s*$")
_IMAGE_FILE = re.compile(_IMAGE_SIZE)
# a picture's caption a CMS ends with its file's type and size ("Acte 1 à la Mairie, le 14 mai
# 2005 (de gauche à droite : …) - JPEG - 122.2 ko"): a caption, however long
IMAGE_CAPTION_END = re.compile(r"\s[-–]\s*" + _IMAGE_SIZE, re.IGNORECASE)
RESTATED = "the dates of the event the title announces, told again in the text"
ANNIVERSARY_SPAN = "the years of the anniversary the title celebrates (the twinning's age, no event)"
_YEARS_OLD = re.compile(rf"\b(\d{{1,3}})\s+(?:{_any(_LATER['nouns'])})\b")


def anniversary_span(line: str, title: str) -> bool:
    """A line of two whole years as far apart as the years the title celebrates ("1985 -
    2015" under "… : 30 ans de jumelage"): the twinning's age, not an event of thirty years.

    >>> anniversary_span("1985 - 2015", "Carmignano - Déville : 30 ans de jumelage")
    True
    >>> anniversary_span("2019 - 2021", "Carmignano - Déville : 30 ans de jumelage")
    False
    """
    period = parse_label(line)
    if period is None or period.start_year is None or period.end_year is None or period.start_month:
        return False
    return any(int(m[1]) == period.end_year - period.start_year > 0 for m in _YEARS_OLD.finditer(fold(title)))
OTHERS_TIE = "another town's tie with a place (two places paired in a tie, neither the town)"
_FIRST_PERSON = frozenset(fold(w) for w in _WORDS["first_person"])
_TOWNS_PAIRED = re.compile(
    r"\b(?i:(?:" + "|".join(re.escape(d) for d in _WORDS["lead_determiners"]) + r")\s+(?:"
    + "|".join(re.escape(n) for n in _WRITTEN["place_nouns"] if n.endswith("s")) + r")\s+(?:"
    + _OF + rf"))(?P<one>{_PART}(?:\s{_PART})*)\s+(?:{_JOINING_WORDS})\s+(?:(?:{_OF}))?"
    rf"(?P<other>{_PART}(?:\s{_PART})*)")


def others_tie(text: str) -> bool:
    """A paragraph that opens on the tie of two places paired as towns, neither the town,
    in words that are not the writer's own side ("Dans une précédente coopération, les
    villes de Tsévié et Parthenay, dans le centre-ouest de la France, étaient déjà
    partenaires. Les deux communes avaient signé en 2003 …"): another town's tie with the
    partner, whose dates, places and country are not the town's.

    >>> others_tie("Les villes de Tsévié et Parthenay étaient jumelées. Elles signent en 2003.")
    True
    >>> others_tie("Nos amis des villes de Tsévié et Assomé sont nos partenaires.")
    False
    """
    sentence = _SENTENCE.split(text.strip(), 1)[0]
    paired = _TOWNS_PAIRED.search(sentence)
    if paired is None or _is_town(paired["one"]) or _is_town(paired["other"]) or _town_spans(sentence):
        return False
    words = re.findall(r"\w+", fold(sentence))
    return any(w.startswith(_PARTNER_STEMS) for w in words) and not _FIRST_PERSON.intersection(words)


OTHER_LANGUAGE = "a paragraph in another language (a translation beside the French)"
_FRENCH_WORDS = frozenset(fold(w).rstrip("'") for w in _WORDS["function_words"])  # a paragraph's
FOREIGN_WORDS = 8  # words with none of these is in another language
SHORT = 80  # characters: a by-line, a counter, a caption or a date line is short
LEAD = 4  # characters a date line's first date comes after at most ("Le 4 juin 2015")
LINK_WORDS = 3  # a link of a bar is short; two in three are
LINK_BAR = 3  # pieces between "|" or ">" that make a bar of links or a breadcrumb


def furniture(text: str) -> str | None:
    """Why a block is the page's own furniture rather than its text, or ``None``.

    >>> [bool(furniture(t)) for t in ("par  Emmanuel HENNEQUIN", "popularité : 98%", "JPEG - 66.6 ko",
    ...                               "Contacts | Espace privé | Plan du site", "Accueil > Jumelage > Brühl",
    ...                               "Rédacteur Vincent FAUVELL Commission des Amis du Jumelage")]
    [True, True, True, True, True, True]
    >>> furniture("Par la convention de janvier 1998, les villages ont signé un accord.") is None
    True
    >>> furniture("J.-P.D. - 3 mars 2021 à 09:15") == ARTICLE_FURNITURE
    True
    >>> furniture("Samedi 3 mars 2021 à 20h30 : concert") is None
    True
    """
    stripped = text.strip()
    folded = fold(stripped)
    words = re.findall(r"[^\W\d_]+", folded)
    if len(words) >= FOREIGN_WORDS and not _FRENCH_WORDS.intersection(words):
        return OTHER_LANGUAGE
    pieces = re.split(r"\s[|>]\s", stripped)
    if len(pieces) >= LINK_BAR and sum(len(p.split()) <= LINK_WORDS for p in pieces) * 3 >= 2 * len(pieces):
        return NAVIGATION_BAR  # a list of articles' titles between bars is the page's text
    if len(stripped) > SHORT:
        return None
    if _COUNTER.match(folded) or _IMAGE_FILE.match(folded):
        return ARTICLE_FURNITURE
    count = len(stripped.split())
    by_line = (_BYLINE.match(folded) and count <= BYLINE_ROLE_WORDS) or (
        _BYLINE_BY.match(folded) and count <= BYLINE_WORDS)
    if by_line and not find_dates(stripped) and not stripped.endswith("."):
        return ARTICLE_FURNITURE
    if posted(stripped) is not None:
        return ARTICLE_FURNITURE  # "M.-TH.D. - 06 juil. 2022 à 18:00 - Temps de lecture :"
    return None


def posted(line: str) -> When | None:
    """The day a news site's by-line says its post went up ("M.-TH.D. - 06 juil. 2022 à
    18:00": its author, a dash, the day and the time), or ``None``: the post's furniture,
    whose date is the year of a day the post tells without its year ("ont fêté le 2
    juillet", in the lede above it).

    >>> posted("J.-P.D. - 3 mars 2021 à 09:15"), posted("Samedi 3 mars 2021 à 20h30 : concert")
    ((2021, 3, 3), None)
    >>> posted("Publié le 21 mai 2021 à 13:27")  # a CMS's field of publication
    (2021, 5, 21)
    >>> posted("Publié le 4 avril 2018 par le service des relations internationales · 12 commentaires")
    (2018, 4, 4)
    >>> posted("Écrit par infos-sahel.com le Mardi 4 avril 2017 à 10:05 | 3 commentaires")
    (2017, 4, 4)

    A periodical's issue line dates its feature by its month ("Ivry ma ville n°568 · mars
    2025 · Dossier"): ``periodical_numbers``.

    >>> posted("Le Petit Journal n°12 · mai 2019 · Dossier"), posted("Mai 2019 · Dossier")
    ((2019, 5, None), None)
    """
    stripped = line.strip()
    if len(stripped) <= SHORT and _ISSUE.search(stripped) and _META_SEPARATOR.search(stripped):
        # a periodical's issue line, its fields set apart ("n°568 · mars 2025 · Dossier"); a
        # newsletter's title ("Lettre n°21 – novembre 2024") heads an issue of an archive
        return next((when for f in find_dates(stripped) if f.period and f.period.start_year
                     and f.period.start_month and (when := _when(f))), None)
    field = CMS_FIELD.match(stripped) is not None  # "Publié le 21 mai 2021 à 13:27"
    # a news site's by-line that names its author before the day ("Rédigé par leral.net le
    # Lundi 7 Mars 2022 à 05:10 | | 0 commentaire(s)|"): a field too, when the day (and its
    # time) ends it
    signed = _BYLINE.match(fold(stripped)) is not None
    if field or signed:  # a blog's meta line goes on with its counters: "… par X · 3 commentaires"
        stripped = _META_SEPARATOR.split(stripped, maxsplit=1)[0].strip(" |")
    if len(stripped) > SHORT or stripped.endswith("."):
        return None
    return next((_when(f) for f in find_dates(stripped)
                 if f.period and f.period.start_date == f.period.end_date and (field or (
                     _POSTED_BEFORE.search(stripped[:f.start]) and _POSTED_AT.match(stripped[f.end:]))
                     or (signed and (not stripped[f.end:].strip()
                                     or _POSTED_AT.fullmatch(stripped[f.end:].rstrip()))))),
                None)


_ISSUE = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in _WORDS['periodical_numbers'])})\s*\d+(?!\d)",
                    re.IGNORECASE)
# A news site's by-line: its author, a dash, then the day and the time the post went up
# ("M.-TH.D. - 06 juil. 2022 à 18:00"): the post's furniture, no event. Not a day and a time
# that open a line ("VENDREDI 25 JANVIER 2019 20h30": an event's).
POSTED_REACH = 4  # blocks at the top of a page where a post's by-line dates the lede above it
_META_SEPARATOR = re.compile(r"\s+[·•|]\s+")  # between a blog's meta fields
_POSTED_BEFORE = re.compile(r"\S\s+[-–—|]\s*$")
_POSTED_AT = re.compile(r"\s*(?:[^\W\d_]{1,2}\s+)?\d{1,2}\s*[:h]\s*\d\d\b")


# --- The page as one partner's section ------------------------------------------------------

def _articles(bar: Block, name: str) -> list[Told]:
    """The titles of a bar of the site's articles ("Derniers articles parus : … | Mission
    à Rouko du 22 juillet au 6 août 2014 | …") that name the partner and hold a date written
    whole: the partner's events, each told by its title."""
    told: list[Told] = []
    pieces = re.split(r"\s[|>]\s", bar.text)
    if len(pieces) < LINK_BAR:
        return told
    for piece in pieces:
        found = next((f for f in find_dates(piece) if f.period and f.period.start_year), None)
        if found and names_place(piece, name):
            told.append(Told(found.text, None, [("", piece.strip(), bar.line)]))
    return told


def _day_alone(text: str) -> When | None:
    """The one day a line gives with its weekday and nothing else ("dimanche 13 octobre
    2019"): a blog's date of the post, above its title (a day alone without its weekday,
    "19 Mars 2010", heads the event told below it).

    >>> _day_alone("dimanche 13 octobre 2019"), _day_alone("du 4 au 6 octobre 2019")
    ((2019, 10, 13), None)
    >>> _day_alone("19 Mars 2010"), _day_alone("11.07.2015 Views")
    (None, None)
    """
    words = fold(text).split()
    if len(words) != 4 or words[0] not in WEEKDAYS:
        return None
    found = next((f for f in find_dates(text) if f.period), None)
    if found is None or found.period is None or found.period.start_date is None \
            or found.period.start_date != found.period.end_date or found.end != len(text.rstrip()):
        return None
    return _when(found)


def _spells(text: str, name: str) -> bool:
    """The text names the place in a close spelling, as many words each the same or close
    (:func:`pipeline.places.close_spellings`): a title's "Epinac Steinweiller" names the
    partner its story writes "Steinweiler".

    >>> _spells("Assemblée du Comité de jumelage Epinac Steinweiller", "Steinweiler")
    True
    >>> _spells("Le jumelage avec Kati", "Kita")
    False
    """
    from .places import close_spellings

    words = re.findall(r"[\w'’]+", fold(text))
    size = len(re.findall(r"[\w'’]+", fold(name)))
    return size > 0 and any(close_spellings(" ".join(words[at:at + size]), fold(name))
                            for at in range(len(words) - size + 1))


def names_place(text: str, name: str) -> bool:
    """The text names the place as a word of its own, or glued to the word before it as
    the text of two links run together ("Capitale RigaOgre"); not inside another word
    ("Ogre" is not named by "progresser"); a hyphen or a space between its words, either
    ("la fête d'Arquà Polesine" names Arquà-Polesine).

    >>> names_place("Capitale RigaOgre en Lettonie", "Ogre"), names_place("de progresser", "Ogre")
    (True, False)
    >>> names_place("la fête d'Arquà Polesine", "Arquà-Polesine")
    True
    """
    composed, folded, key = nfc(text), fold(text), fold(name)
    words = re.split(r"[\s-]+", key)
    for found in re.finditer(r"[\s-]+".join(map(re.escape, words)), folded):
        at, end = found.start(), found.end()
        glued = at > 0 and composed[at - 1].islower() and composed[at].isupper()
        opens = at == 0 or not folded[at - 1].isalnum() or glued
        if opens and (end == len(folded) or not folded[end].isalnum()):
            return True
    return False


_TO_COUNTRY = tuple(fold(p) for p in lexicon("countries")["written"]["prepositions"])


def _goes_to(text: str, country: str | None) -> bool:
    """The text tells a twinning's trip to the partner's country ("Le comité de jumelage
    s'est rendu au Mali du 21 au 26 octobre 2017"): a cue of twinning and the country after
    a preposition of place, or a place of that country by its kind ("un projet de jumelage
    avec une commune de Roumanie"). The story has begun, though the partner is named later.

    >>> _goes_to("Tout a commencé par un projet de jumelage avec une commune de Roumanie.", "Roumanie")
    True
    >>> _goes_to("Le car a traversé une commune de Roumanie.", "Roumanie")
    False
    """
    if not country:
        return False
    words = re.findall(r"\w+", fold(text))
    named = re.findall(r"\w+", fold(country))
    to_it = any(w in _TO_COUNTRY and words[i + 1:i + 1 + len(named)] == named for i, w in enumerate(words))
    # or a place of that country by its kind ("un projet de jumelage avec une commune de Roumanie")
    of_it = any(w in _PLACE_NOUNS and words[i + 1] in _OF_WORDS | {"d"}
                and words[i + 2:i + 2 + len(named)] == named for i, w in enumerate(words[:-1]))
    return (to_it or of_it) and any(w.startswith(_CUE_STEMS) for w in words)


def _sets_out(text: str, following: str, name: str, lede: bool = False) -> bool:
    """The text tells a trip setting out (a travel cue: "notre car a pris la direction de
    Calais") and the paragraph after it reaches the partner ("nous sommes arrivés à Rayne"):
    the story has begun with the departure, though the partner is named after it. So has
    a news item's ``lede``, its first dated paragraph, that dates its event to the day in the
    page's latest year (:data:`PAGE_YEARS`: "… le week-end de fête du 20 au 22 janvier 2023",
    then "… notre jumelage avec Mirecourt"); not a history's opening ("Le 22 janvier 1963, …
    le traité de l'Elysée" above a tie of 1976)."""
    if not following or not names_place(following, name):
        return False
    latest = max(PAGE_YEARS.get(), default=None)
    return bool(_TRAVEL.search(text)) or (lede and any(
        (when := _when(f)) and when[2] and when[0] == latest for f in find_dates(text) if f.period))


_OWN_BODY = re.compile(rf"(?:{_phrases(_WORDS['own_body_openings'])})\b", re.IGNORECASE)
# the body named in the writer's own voice, anywhere in the sentence ("Compte-rendu de
# l'assemblée générale de notre Comité qui s'est tenue le 26 janvier 2012")
_OUR_BODY = re.compile(r"(?<!\w)(?:" + _phrases([w for w in _WORDS["own_body_openings"]
                                                if w.split()[0] in _WORDS["first_person"]]) + r")\b",
                       re.IGNORECASE)


def _own_body(text: str) -> bool:
    """The text opens on the town's own twinning body and tells a dated event of it ("Le
    comité a été déclaré le 23 août 1977"): the history of the tie has begun, though the
    partner is named later.

    >>> _own_body("Le comité a été déclaré le 23 août 1977."), _own_body("Le comité se réunit chaque mois.")
    (True, False)
    >>> _own_body("Compte-rendu de la réunion de notre comité tenue le 3 mars 2010.")
    True
    """
    return bool(_OWN_BODY.match(text.strip()) or _OUR_BODY.search(text) or _our_trip(text)) \
        and any(event for _, event in sentences(text, None)[:1])


def _our_trip(text: str) -> bool:
    """The first sentence speaks of the writer's own trip or stay ("suite à notre précédent
    séjour réalisé durant l'été 2007"): a first-person possessive right before a word of a
    trip (``trip_nouns``).

    >>> _our_trip("Ce projet a vu le jour en 2008, suite à notre précédent séjour de l'été 2007.")
    True
    >>> _our_trip("Notre ville fut fondée en 1093.")
    False
    """
    words = re.findall(r"\w+", fold(first_sentence(text)))
    return any(w in _FIRST_PERSON and any(n.startswith(_TRIP_NOUNS) for n in words[i + 1:i + 3])
               for i, w in enumerate(words))


_TRIP_NOUNS = tuple(fold(w) for w in _WORDS["trip_nouns"])


def _heads_country(heading: str, country: str | None) -> bool:
    """A sub-heading names the partner's country ("Commission Angleterre" in a committee's
    report about its partner Reigate, "Voyage en Allemagne"): what follows is that partner's
    story, though the partner is named later.

    >>> _heads_country("Commission Angleterre", "Royaume-Uni"), _heads_country("Commission Mali", "Allemagne")
    (True, False)
    """
    from .places import country_code

    code = country_code(country)
    words = _LETTERS.findall(heading)
    return bool(code) and any(country_code(" ".join(words[i:i + size])) == code
                              for size in (1, 2, 3) for i in range(len(words)))


def lists_partners(body: list[Block]) -> bool:
    """The page lists partners with their countries, two or more ("• La commune de
    Tombouctou (Mali)", "• Ville de Rye (Angleterre)"), as a page of partner sections does in
    its introduction: it is no one partner's story, and a page of that kind whose headings
    were not found must stop, not be read as one. One such item is one partner, or one
    line of a partner's chronology ("• Jumelage avec la commune de Dolhesti (Roumanie)").

    >>> item = Block("list_item", "La commune de Tombouctou (Mali)", 3)
    >>> lists_partners([item]), lists_partners([item, Block("list_item", "Ville de Rye (Angleterre)", 4)])
    (False, True)
    >>> lists_partners([Block("list_item", "Jeudi 9 mai : arrivée de la délégation.", 3)] * 2)
    False
    >>> lists_partners([Block("list_item", "Pays : MALI", 3)] * 2)
    False
    """
    from .places import countries, split_heading
    from .read import fiche_field

    listed = (b for b in body if b.kind == "list_item" and not b.aside and not fiche_field(b.text)
              and countries(split_heading(b.text)[1])[1])  # a fiche's "• Pays : MALI" lists none
    return next(listed, None) is not None and next(listed, None) is not None


@dataclass(frozen=True)
class Reasons:
    """The parse stage's words for what a story sets aside (its reasons, as reported), and
    its test of what a CMS writes around the text: given by the caller, so that this module
    needs nothing of the parse stage."""

    aside: Callable[[Block], str | None]  # navigation, CMS fields, captions, links…
    caption: str
    sub_heading: str
    introduction: str
    dated_introduction: str


@dataclass
class Told:
    """One event of a story: its label as written, the date it stands for when resolved,
    and its pieces of text, each (separator before it, text, line)."""

    label: str
    period_label: str | None
    pieces: list[tuple[str, str, int]]

    def extend(self, text: str, line: int, separator: str) -> None:
        self.pieces.append((separator, text, line))


@dataclass
class Story:
    """A page, or the part of one, read as one partner's story."""

    heading: Block  # the partner, as a heading the extract stage reads ("Brühl (Allemagne)")
    description: list[Block]
    events: list[Told]
    set_aside: list[tuple[Block, str, bool]]  # (block, reason, worth a warning)
    others: list[About] = field(default_factory=list)  # the other partners the page names
    tie_year: int | None = None  # the partner's, as a list of partners writes it beside it


_HAD = frozenset(fold(w) for w in _WORDS["trip_ends"]["pluperfect"])
STAY_DAYS = 31  # days at most between a stay's arrival told afterwards and the day told before it


def _arrived_before(sentence: str, event: Event, told: Told | None) -> str | None:
    """The date an event stands for: its own (``event.resolved``), unless its sentence tells
    an arrival in the pluperfect on a day shortly before the day told just before ("Le 8
    octobre, le maire a accueilli la délégation. … Le groupe était arrivé à Chambly le 28
    septembre."): the stay told, from that day to the one told before it.

    >>> told = Told("Le 8 octobre", "8 octobre 2009", [])
    >>> _arrived_before("Le groupe était arrivé le 28 septembre.", Event("le 28 septembre", 27,
    ...                 "28 septembre 2009", (2009, 9, 28)), told)
    'du 28 septembre 2009 au 8 octobre 2009'
    >>> _arrived_before("Le groupe est arrivé le 28 septembre.", Event("le 28 septembre", 25,
    ...                 "28 septembre 2009", (2009, 9, 28)), told)
    '28 septembre 2009'
    """
    if told is None or event.when is None or None in event.when:
        return event.resolved
    words = re.findall(r"\w+", fold(sentence))
    if not any(a in _HAD and b in _ARRIVED for a, b in pairwise(words)):
        return event.resolved
    before = parse_label(told.period_label or told.label)
    if before is None or before.start_date is None or before.start_date != before.end_date:
        return event.resolved
    year, month, day = event.when
    if month is None or day is None:
        return event.resolved
    arrived = date(year, month, day)
    if not 0 < (before.start_date - arrived).days <= STAY_DAYS:
        return event.resolved
    end = before.start_date
    return str(_WORDS["trip_ends"]["stay_range"]).format(start=_written(event.when),
                                                         end=_written((end.year, end.month, end.day)))


CHRONOLOGY_YEARS = 3  # years alone on their lines: a history by years, the story from its first
WRAPPED = 50  # characters: a line of running text cut by a hard line break is long
_ENDS_SENTENCE = (".", "!", "?", "…", ":", ";", "»", '"')


def _year_alone(text: str) -> bool:
    """The line holds a year alone, maybe with its words ("Année 2010", "2008 :"), no month.

    >>> _year_alone("Année 2010"), _year_alone("Mars 2010"), _year_alone("Visite de Rye en 2010.")
    (True, False, False)
    """
    alone = date_alone(text, lead=LEAD)
    found = next((f for f in find_dates(alone) if f.period), None) if alone else None
    return found is not None and (_when(found) or (0, 0, None))[1] is None


def unwrapped(blocks: list[Block]) -> list[str]:
    """The texts of the blocks, a paragraph cut into lines by hard line breaks (a PDF's or
    an old page's transcription: "la Ville de Maxéville, … (Centre" / "International …" /
    "… et la Ville d'Imouzzer du Kandar ont") joined back into its sentences: a long
    line that ends with no stop goes on in the next paragraph. What the partner is named
    with is read over whole sentences.

    >>> unwrapped([Block("paragraph", "Le 7 novembre 1995, la Ville de Lunel et la Ville de", 3),
    ...            Block("paragraph", "Ouarzazate ont signé un partenariat.", 4),
    ...            Block("paragraph", "Les projets", 5), Block("paragraph", "Un forage.", 6)])
    ['Le 7 novembre 1995, la Ville de Lunel et la Ville de Ouarzazate ont signé un partenariat.', \
'Les projets', 'Un forage.']
    """
    return [" ".join(b.text for b in run) for run in _runs(blocks)]


def _goes_on(previous: Block, block: Block) -> bool:
    """The block is the next line of the previous one's sentence: on the very next line,
    or after an empty line when the sentence was cut inside ("la Ville de" / "Ouarzazate
    …": its last word in lower case, or a bracket left open), never after a line that ends
    on a name above one that opens on a capital ("… l'échange avec Gross-Umstadt" /
    "Réception en mairie …": a title over its paragraph)."""
    if block.line == previous.line + 1 or block.text[:1].islower():
        return True
    last = previous.text.rstrip().rsplit(maxsplit=1)[-1]
    return last[:1].islower() or previous.text.count("(") > previous.text.count(")")


def _runs(blocks: list[Block]) -> list[list[Block]]:
    """The blocks in runs, the lines of one paragraph cut by hard line breaks in one run."""
    runs: list[list[Block]] = []
    for block in blocks:
        previous = runs[-1][-1] if runs else None
        if previous is not None and previous.kind == block.kind == "paragraph" \
                and len(previous.text) >= WRAPPED and not previous.text.rstrip().endswith(_ENDS_SENTENCE) \
                and _goes_on(previous, block):
            runs[-1].append(block)
        else:
            runs.append([block])
    return runs


def read_narrative(title: Block | None, body: list[Block], reasons: Reasons,
                   about: About | None = None) -> Story | None:
    """The page as the story of the one partner it is about (``about``, else the place it
    names after cues of twinning), its events the dated sentences of its story; what is
    set aside, with why. ``None`` when the page names no partner, or lists several with
    their countries (:func:`lists_partners`) and the caller names none. The years the
    page writes (:data:`PAGE_YEARS`) complete a weekday's day told without its year."""
    from .config import config, using

    written = ([title.text] if title else []) + [b.text for b in body if not b.aside]
    token = PAGE_YEARS.set(frozenset(int(y) for text in written for y in _WRITTEN_YEAR.findall(text)))
    try:
        if told_from_abroad(written):
            current = config()
            with using(replace(current, town=replace(current.town, written_names_only=True))):
                return _read_narrative(title, body, reasons, about)
        return _read_narrative(title, body, reasons, about)
    finally:
        PAGE_YEARS.reset(token)


def told_from_abroad(texts: list[str]) -> bool:
    """The page places the town's own full name in its own country ("la venue d'un groupe
    de Neuville-de-Poitou en France"): no town's page says so of itself, a partner's page
    does (a Québec weekly's). Its shorter names derived from the file's ("Neuville") may
    then be the partner's, a namesake's, and are the town's only as the file writes them
    (a town whose file lists its short names, as Ivry's does, is never read so)."""
    from .config import config
    from .places import HOME_COUNTRY, country_in

    town = config().town
    if town.written_names_only or not (set(town.names) - {town.name, *town.short_names}):
        return False  # no shorter name derived: nothing to read otherwise
    written = (town.name, *town.short_names)
    pattern = _town_pattern("(?:" + "|".join(re.escape(n) for n in written) + r")(?![\w-])")
    return any((after := _COUNTRY_AFTER.match(text, found.end())) and (country := country_in(after[1]))
               and country[1] == HOME_COUNTRY for text in texts for found in pattern.finditer(text))


# The years a story's page writes, while it is read: a weekday and its day told without a
# year and with none told before ("ce samedi 22 mai", the page's one year 2010 in the date
# of its first item) is of the page's one year when its calendar fits (:func:`_fitting_year`).
PAGE_YEARS: ContextVar[frozenset[int]] = ContextVar("page_years", default=frozenset())
_WRITTEN_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/])")


def _read_narrative(title: Block | None, body: list[Block], reasons: Reasons,
                    about: About | None = None) -> Story | None:
    from .fields import country_field
    from .places import agreement, countries

    # the story's own lines: not what the page writes around it, which no sentence goes on
    # into ("… dans le cadre du partenariat avec Heemsen" above a link "Articles de presse")
    story_lines = [b for b in body if not b.aside and not reasons.aside(b)]
    theirs = {id(b) for b in story_lines if b.kind == "paragraph" and others_tie(b.text)}
    texts = unwrapped([b for b in story_lines if id(b) not in theirs])
    # the whole paragraph each line of a hard-wrapped one belongs to: the story starts at
    # the line that opens the sentence naming the partner ("Le 7 novembre 1995, la Ville de
    # …" two lines above "… et la Ville d'Imouzzer du Kandar ont formalisé un partenariat")
    running = {id(b): " ".join(r.text for r in run) for run in _runs([b for b in body if not b.aside])
               for b in run}
    told = about is not None  # the caller says what the page is about: its story starts at once
    if about is None and lists_partners(body):
        return None  # a list of partners with their countries: their headings were not found
    others: list[About] = []
    if about is None:
        # a line the page repeats word for word (a photo's caption a slider shows twice,
        # "… devant le château de Schwerin", above a paragraph of its own) names once: it
        # is no more the page's subject than a place its story names once after a cue
        first_of = {fold(b.text.strip()): b for b in reversed(story_lines)}
        naming = unwrapped([b for b in story_lines
                            if id(b) not in theirs and first_of[fold(b.text.strip())] is b])
        names = named_partners(title.text if title else None, naming, [b.text for b in story_lines])
        if not names:
            return None
        written = ([title.text] if title else []) + texts
        given = next((countries(c)[0] for t in texts if (c := country_field(t)) and countries(c)[1]), None)
        votes = _country_votes(written)
        most = votes.most_common(1)[0][0] if votes else None
        own = [partner_country(name, written, fallback=False, others=[o for o in names if o != name])
               for name in names[1:]]
        # a partner the title names beside the first is as much the page's subject: the
        # country the page names most is its own too ("Radcliffe-on-Trent et Holme-…"); not
        # the one foreign country of a page to any partner ("Kati, avec qui Meudon et Celle
        # entretiennent des actions": Celle is Meudon's German twin, the page names Mali)
        titled = [title is not None and names_place(title.text, name) for name in names[1:]]
        years = listed_tie_years(texts)
        others = [About(name, country or (most if named else None), years.get(fold(name)))
                  for name, country, named in zip(names[1:], own, titled, strict=True)]
        # the first's, else the country the page names most, unless the words beside another
        # partner give it to that one ("… Vice-président Pegnitz, … la Commission Allemagne")
        country = partner_country(names[0], written, fallback=False, others=names[1:])
        # a fiche's "Pays : MALI" first
        about = About(names[0], given or (country if country or most in own else most),
                      years.get(fold(names[0])))
    story = Story(Block("heading", about.heading, title.line if title else 1, level=2), [], [], [], others,
                  about.tie_year)
    events, set_aside = story.events, story.set_aside
    articles = _articles(title, about.name) if title else []  # its articles, if a bar
    when: When | None = None
    # the date of the post, for a month told without its year: a by-line's near the top
    # dates the lede above it too
    published = next((w for b in body[:POSTED_REACH] if not b.aside and (w := posted(b.text))), None)
    published = published or (about.written if about else None)
    if published is None and title is not None and (day := _day_alone(title.text)):
        published = day  # a blog's post titled with its day ("dimanche 13 octobre 2019")
    if published is None:  # "Afin de célébrer ce 30e anniversaire" of a tie sealed in 1992: 2022
        published = _anniversary(([title.text] if title else []) + texts)
    # the title names the partner or tells a trip to its country ("Voyage au BÉNIN de la
    # présidente …"): the story starts at once, the date line under it its headline
    started = told or bool(title and (names_place(title.text, about.name) or _spells(title.text, about.name)
                                      or _goes_to(title.text, about.country)))
    years_alone = sum(1 for b in body if not b.aside and b.kind != "heading" and _year_alone(b.text))
    prose = False  # a paragraph of the story was read
    dates_under_title = 0
    image = label_only = signed = False
    headline: tuple[Told, Block] | None = None  # the event the title announces, its date line
    day_told: DayTold | None = None  # the day of the last event, told without its year
    # a year or a month alone on its line, then a list: each item is an event, of the line's
    # date when it writes none ("2002", then "- Rencontre avec M. Sylla.", "- Fin 2002, …")
    heads: tuple[Told, Block] | None = None
    # each line of a hard-wrapped paragraph with the lines after it: a story that starts in
    # its middle ("Dans leurs discours, …" on the fourth line) reads them whole from there
    run_of = {id(kept[i]): (kept, i) for run in _runs([b for b in body if not b.aside]) if len(run) > 1
              for kept in [_going_on(run)] for i in range(len(kept) - 1)}  # its run and where in it
    read_whole: set[int] = set()  # the lines after the first of a paragraph read whole
    # the next block kept after each (its index; len(body) when none), computed once: a
    # paragraph before the story starts looks at the one after it (:func:`_sets_out`)
    following = [len(body)] * len(body)
    for at in range(len(body) - 2, -1, -1):
        following[at] = at + 1 if not body[at + 1].aside else following[at + 1]
    told_above = False  # a dated paragraph was set aside before the story started
    span_value = False  # the block is the value of a span's key alone above ("Année de début:")
    for n, block in enumerate(body):
        if id(block) in read_whole:
            continue
        reason = reasons.aside(block) or furniture(block.text) or (
            SPAN_FIELD if span_field(block.text) or span_key_alone(block.text)
            or (span_value and len(block.text) <= SHORT) else None)
        span_value = span_key_alone(block.text)
        if reason is None and image and len(block.text) <= SHORT and not block.text.rstrip().endswith("."):
            reason = reasons.caption  # the line under an image's file line
        image = reason == ARTICLE_FURNITURE and bool(_IMAGE_FILE.match(fold(block.text.strip())))
        if reason:
            set_aside.append((block, reason, False))
            continue
        if block.kind != "list_item":
            heads = None
        if (alone := date_alone(block.text, lead=LEAD)) and anniversary_span(alone, " ".join(  # the title, or
                ([title.text] if title else []) + [b.text for b in body[max(0, n - 2):n]])):  # a line above
            set_aside.append((block, ANNIVERSARY_SPAN, False))
            continue
        if alone:
            dates_under_title += 1
            found = next(f for f in find_dates(alone) if f.period)
            chronology = (_when(found) or (0, 0, None))[1] is None and (any(  # a year alone, then a
                b.kind == "list_item" for b in body[n + 1:n + 2])  # list: the story's chronology,
                or years_alone >= CHRONOLOGY_YEARS)  # as a history by years is ("Année 2010", …)
            started = started or chronology
            if dates_under_title == 1 and not prose and title and started and not chronology:
                events.append(Told(alone, None, [("", title.text, title.line)]))  # the event the
                events[-1].extend(block.text, block.line, "\n")  # title names, and its dates
                headline = (events[-1], block)
                when = _when(found)
                published = published or when  # a news post's date: its time of writing
            elif (_when(found) or (0, None, None))[2] is None and started:
                events.append(Told(alone, None, [("", block.text, block.line)]))  # a year or a
                when = _moved(when, Event(alone, 0, None, _when(found)))  # month over its paragraph
                label_only = True
                heads = (events[-1], block)
            elif ((not prose and not events) or started) and found.period \
                    and (_when(found) or (0, None, None))[2] is not None \
                    and found.period.start_date != found.period.end_date:
                # days of a stay on their line ("du 25 au 27 mai 2019 : Fêtes de Łuków"),
                # never when a post was published: the event the paragraphs below tell,
                # under the story's opening lines too ("Voyage au BÉNIN de la présidente …",
                # then "Du 8 au 22 septembre 2010")
                events.append(Told(alone, None, [("", block.text, block.line)]))
                headline, when, started = (events[-1], block), _when(found), True
            else:  # a day alone on its line: when the page or a post of it was published
                published = _when(found)  # a new post: its own date
                set_aside.append((block, ARTICLE_FURNITURE, False))
            continue
        if block.kind == "heading":
            set_aside.append((block, reasons.sub_heading, False))
            started = started or _heads_country(block.text, about.country)
            continue
        if heads and started and block.kind == "list_item":
            if heads[0] in events and len(heads[0].pieces) == 1:  # the line holds nothing
                events.remove(heads[0])  # but its list: a heading of the items, not an event
                set_aside.append((heads[1], reasons.sub_heading, False))
            if not any(event for _, event in sentences(block.text, when, published)):
                # an item of the line's date
                events.append(Told(heads[0].label, heads[0].period_label, [("", block.text, block.line)]))
                label_only = False
                continue
            label_only = False
        listed = bool(heads and started and block.kind == "list_item")  # an item: its own event
        started = started or names_place(running.get(id(block), block.text), about.name) \
            or _goes_to(block.text, about.country) or _own_body(block.text) \
            or _sets_out(block.text, body[following[n]].text if following[n] < len(body) else "",
                         about.name, lede=not told_above)  # no date told above
        if not started:
            dated = any(event for _, event in sentences(block.text, None))
            told_above = told_above or dated
            set_aside.append((block, reasons.dated_introduction if dated else reasons.introduction, dated))
            continue
        if id(block) in theirs:
            set_aside.append((block, OTHERS_TIE, any(event for _, event in sentences(block.text, None))))
            continue
        prose = True
        first, undated = True, []
        whole, at = run_of.get(id(block), ([block], 0))  # a paragraph cut by hard line breaks:
        run = whole[at:]  # read whole from this line (once: the lines after it are read with it)
        read_whole.update(id(b) for b in run[1:])
        text, parts = " ".join(b.text for b in run), _parts(run)
        at = 0
        told_here = sentences(text, when, published)
        item = block.kind == "list_item" and not listed and not label_only
        if not any(event for _, event in told_here):  # "Une animation autour de la Journée
            # de l'Europe (9 mai)", "Nous avons passé cinq jours chez nos correspondants (du 19
            # au 23 février)": a date alone in its brackets dates what a text dated nowhere else tells
            told_here = _unbracketed(text, when, published, years=item)
        # an item of a list is one event: its undated sentences before its date are its own
        # ("Les jeunes de … participeront au tournoi. Ils sont attendus du 11 au 14 juin.")
        hold = item and bool(events) and bool(told_here) and told_here[0][1] is None \
            and any(event for _, event in told_here[1:])
        held: list[tuple[str, int]] = []
        review: Event | None = None  # the sentence that opened a review of its year, if any
        # the undated sentence of this paragraph the event told last took in, and where its
        # pieces start: taken up by a sentence that opens on it ("Ce dispositif, mis en
        # place dès la fin des années 60, …" after "En effet tous les ans, chaque ville
        # accueille de jeunes ambassadeurs …"), it is that event's own
        went_on: tuple[Told, int] | None = None
        for clause, (sentence, event) in enumerate(told_here):
            took_in, went_on = went_on, None
            at = text.find(sentence, at)
            placed, at = _placed(text, at, at + len(sentence), parts), at + len(sentence)
            if event is None and when is None and (after := day_after(sentence, day_told)):
                event, day_told = after  # "Samedi soir", "Le lendemain" after "Samedi 28 avril"
            elif event is None and when is None and published \
                    and (before := weekday_before(sentence, published)):
                event = before  # "Mercredi : dernière visite" in a post of Thursday 27 September
            elif event is None and when is None and events and (later := days_later(sentence)):
                event = later  # "Une semaine plus tard, …" after "début décembre": its date unread
            elif event is not None:
                day_told = _day_of(event.label) if event.when is None and event.resolved is None else None
            # the past recalled: within a paragraph, or in the one under a date line (a
            # paragraph's first sentence after another paragraph's later year starts anew)
            recalled = bool(event and events and (clause or headline or label_only)
                            and _recalled(when, event)
                            and len(re.findall(r"\w+", sentence[:event.start])) >= RECALL_WORDS)
            # a year of the past the story does not recall moves it there ("… s'est affirmé
            # en 2001, suivi par … en 2003" after a sentence of 2006: 2003 is after 2001)
            when = _moved(None if event and event.when and not recalled else when, event, sentence) \
                or (_frame(sentence) if event is None else None)
            if held and event and (recalled or (events and _restates(events[-1], event) and not event.also)
                                   or (headline and _restates(headline[0], event, headline=True))):
                _extend(events[-1], held, "\n\n")  # no new event of the item's own: its words
                held, first = [], False  # go on with the event told, as any sentence's do
            if event:
                hold = False
            if review and review.when and event and event.when and event.when[0] != review.when[0]:
                review = None  # another year told: the review is over
            if event and not label_only and clause + 1 < len(told_here) and _reviews(sentence, event):
                review = event  # "En 2016, de nombreuses actions ont été menées.": the words
                held += placed  # before the review's first item, and that item's year
                first = False
                continue
            if review is not None and not event and (held or _opens_item(sentence)):
                events.append(Told(review.label, review.resolved, []))  # an item of the year
                _extend(events[-1], held, "")  # reviewed, its month unknown: "Flora …, étudiante,
                _extend(events[-1], placed, " ")  # est partie travailler un mois …"
                held, hold, first = [], False, False
                continue
            if label_only and not event:  # the paragraph under a date alone on its line
                _extend(events[-1], placed, "\n")
            elif event and events and _restates(events[-1], event) and not listed \
                    and not event.also:  # "la mission d'octobre
                _extend(events[-1], placed, "\n\n" if first else " ")  # 2017": the one told
            elif event and headline and len(headline[0].pieces) == 2 and title is not None \
                    and headline[0].pieces[0][1] == title.text \
                    and _restates(headline[0], event, headline=True):
                # the story comes to the event its title announces ("Du 09.05.2024 …", then
                # "… en mai 2023. Un an plus tard, …"): one event, told here, on the title's
                # dates; the date line under the title is set aside as told again
                events.remove(headline[0])
                set_aside.append((headline[1], RESTATED, False))
                events.append(Told(event.label, headline[0].period_label or headline[0].label, []))
                _extend(events[-1], placed, "")
                headline = None
            elif event:
                # (an arrival told after the day told before it, in its paragraph)
                new = Told(event.label, _arrived_before(
                    sentence, event, events[-1] if events and events[-1].pieces
                    and events[-1].pieces[0][2] == placed[0][1] else None), [])
                _extend(new, held, "")
                _extend(new, placed, " ")
                held, hold = [], False
                if recalled:  # the past recalled ("… l'anniversaire du traité signé à Brühl en
                    # 1964" in the story of a 2014 visit): an event of its own, told by the words
                    # that lead to its date (the sentence's people are the story's), and the
                    # sentence still tells the event told, where the story goes on
                    for each in (event, *event.also):  # each year of a list, its own words
                        told_by = _recalled_words(sentence, each)
                        line = next((on for piece, on in placed if each.label in piece), placed[-1][1])
                        events.insert(len(events) - 1, Told(each.label, each.resolved, [("", told_by, line)]))
                    _extend(events[-1], placed, "\n\n" if first else " ")
                else:
                    if took_in is not None and took_in[0] is events[-1] and _takes_up(sentence):
                        taken = events[-1].pieces[took_in[1]:]
                        del events[-1].pieces[took_in[1]:]
                        new.pieces[:0] = [("", taken[0][1].lstrip(), taken[0][2]), *taken[1:]]
                        new.pieces[len(taken)] = (" ", *new.pieces[len(taken)][1:])
                    events.append(new)
                    for other in event.also:  # the other years of a list: each an event
                        events.append(Told(other.label, other.resolved, []))  # the sentence
                        _extend(events[-1], placed, "")  # tells too
                if not signed and agreement(sentence):  # the tie's agreement: what the
                    signed = True  # description says of the partner, and an event
                    story.description += [Block(block.kind, piece, line) for piece, line in placed]
            elif events and hold:  # the words of a list's item before its date
                held += placed
            elif events:  # the story goes on: the event told last
                went_on = (events[-1], len(events[-1].pieces)) if not first else None
                _extend(events[-1], placed, "\n\n" if first else " ")
            else:
                undated += placed
            first = label_only = False
        if held:  # never left: a date follows them
            _extend(events[-1], held, "\n\n")
        for line in dict.fromkeys(line for _, line in undated):  # before the first event:
            story.description.append(Block(block.kind, " ".join(  # what the page says of the
                piece for piece, on in undated if on == line), line))  # partner, line by line
    events[:0] = articles  # the site's articles: the partner's first events, told by their titles
    return story


# A sentence that opens a review of its year (narrative.toml's `review_quantities` and
# `review_nouns`): "En 2016, de nombreuses actions ont été menées."
_REVIEW = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(q)) for q in _WORDS["review_quantities"])
                     + r")\s*(?:" + "|".join(re.escape(fold(n)) for n in _WORDS["review_nouns"]) + r")(?!\w)")
REVIEW_WORDS = 12  # words at most of the sentence that announces a review: it tells no event
_ITEM_BACK = frozenset(fold(w) for w in lexicon("connectives")["anaphora"])
_ITEM_CONNECTIVES = tuple(fold(c) for c in lexicon("connectives")["connectives"])
_ITEM_IMPERSONAL = tuple(fold(i) for i in lexicon("connectives")["impersonal"])


def _reviews(sentence: str, event: Event) -> bool:
    """The sentence announces the many actions of its year and tells none ("En 2016, de
    nombreuses actions ont été menées."): a year alone, a quantity and a noun of actions, a
    short sentence with no list after a colon.

    >>> year = Event("En 2016", 0, None, (2016, None, None))
    >>> _reviews("En 2016, de nombreuses actions ont été menées.", year)
    True
    >>> _reviews("En 2016, de nombreux élèves sont venus.", year)
    False
    """
    return bool(event.when and event.when[1] is None and not event.also and ":" not in sentence
                and len(re.findall(r"\w+", sentence)) <= REVIEW_WORDS and _REVIEW.search(fold(sentence)))


def _opens_item(sentence: str) -> bool:
    """A sentence of a review opens an item of its own: it opens in capitals on no word that
    points back at the sentence before ("Il", "Ce voyage", "Par ailleurs", "Ensuite"); an
    impersonal opening ("Il y a aussi …") points at nothing.

    >>> _opens_item("Il y a aussi une semaine gastronomique."), _opens_item("Ils ont visité la ville.")
    (True, False)
    """
    folded = fold(sentence).lstrip(" «\"")
    if not sentence.lstrip(" «\"")[:1].isupper() or folded.startswith(_ITEM_CONNECTIVES):
        return False
    if folded.startswith(_ITEM_IMPERSONAL):
        return True
    first = re.match(r"[\w·-]+", folded)
    return first is None or first.group() not in _ITEM_BACK


def _going_on(run: list[Block]) -> list[Block]:
    """The lines of a run that go on with the sentence of the line above: each opening in
    lower case ("Monsieur Meyer" / "se déplaça donc …"), or with the year of a month that
    ends the line above ("… eut lieu en septembre" / "1968, avec une délégation …"; not
    "1984 : Création de la fête" under "1967 : Jumelage avec Duisdorf, devenue …"), none of
    them the page's furniture or a date alone; or after a word that cannot end a sentence
    ("… du 4 au" / "18 juin.")."""
    kept = run[:1]
    for block in run[1:]:
        month_cut = bool(_A_YEAR.match(block.text)) and bool(
            re.search(rf"(?:{_MONTH_WORD.pattern})\s*$", fold(kept[-1].text)))
        # a line after a word that cannot end a sentence ("… à Roscanvel du 4 au" / "18 juin.")
        cut = (re.findall(r"[\w']+", fold(kept[-1].text))[-1:] or [""])[0].rstrip("'") in _FRENCH_WORDS
        if not (block.text[:1].islower() or month_cut or cut) or furniture(block.text) \
                or date_alone(block.text, lead=LEAD):
            break
        kept.append(block)
    return kept


def _parts(run: list[Block]) -> list[tuple[int, int]]:
    """Where each line of a paragraph cut by hard line breaks starts in its text joined by
    spaces, and its line."""
    parts, at = [], 0
    for block in run:
        parts.append((at, block.line))
        at += len(block.text) + 1
    return parts


def _placed(text: str, start: int, end: int, parts: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """The piece ``text[start:end]`` as the parts of it on each line: a record holds the
    text of each line it covers ("… eut lieu en septembre" / "1968, avec une délégation …")."""
    placed = []
    for n, (offset, line) in enumerate(parts):
        after = parts[n + 1][0] - 1 if n + 1 < len(parts) else len(text)
        a, b = max(start, offset), min(end, after)
        if a < b:
            placed.append((text[a:b], line))
    return placed


def _takes_up(sentence: str) -> bool:
    """The sentence opens on a demonstrative and a noun, then a comma or a participle
    ("Ce dispositif, mis en place …", "Cette opération lancée en 2012 …"): it names what the
    sentence before it told.

    >>> _takes_up("Ce dispositif, mis en place dès 1968, dure."), _takes_up("Cette année, un bal.")
    (True, False)
    """
    words = re.findall(r"[^\W\d_]+", fold(sentence))[:2]
    return len(words) == 2 and words[0] in _THIS_WORDS and words[1] not in _TIME_NOUNS \
        and fold(words[1]) not in _FOLDED_MONTHS and bool(re.match(r"\W*\w+\s+[\w-]+\s*,", sentence))


# "cette année", "ce mois", "ce printemps": the time of writing, no thing told before
_TIME_NOUNS = frozenset(fold(w) for w in _WORDS["time_nouns"])


def _extend(told: Told, placed: list[tuple[str, int]], separator: str) -> None:
    """The pieces of a sentence added to an event, its first after ``separator``, each next
    on its own line."""
    for n, (piece, line) in enumerate(placed):
        if not told.pieces:  # a clause cut from its sentence opens on no space
            told.pieces.append(("", piece.lstrip(), line))
        else:
            told.extend(piece, line, separator if n == 0 else "\n")


# --- A post's days, in a page of partner sections -------------------------------------------

def from_writing(text: str) -> bool:
    """The text holds a date counted from the time of writing: "l'an dernier", "il y a
    deux ans", "cette année" (``calendar.relative``), a month or a season with a side word
    ("en novembre prochain", "au printemps dernier"), "this" season ("cet été"). A month
    alone ("Janvier", "En mars, …") is none: the page's day does not give it its year.

    >>> from_writing("L'été dernier"), from_writing("Il y a deux ans, accueil"), from_writing("Janvier")
    (True, True, False)
    """
    folded = fold(text)
    return bool(relative_dates(text) or _SEASON_SIDE.search(folded) or _THIS_SEASON.search(folded)
                or _AGO.search(folded)
                or any(_SIDE.match(folded, m.end()) for m in _MONTH_WORD.finditer(folded)))


def sided(after: str) -> bool:
    """The words after a date open with a side word that counts it from the time of
    writing ("prochain", "dernier": lexicon ``narrative.months_from_told``).

    >>> sided(" prochain, nous partirons"), sided(", nous partirons")
    (True, False)
    """
    return _SIDE.match(fold(after)) is not None


def year_from_post(label: str, after: str, published: When) -> str | None:
    """A date written without its year ("Du 10 au 13 mai", "Du jeudi 10 au dimanche 13
    mai"), completed with the year the post's date gives: with a side word after it ("mai
    prochain" in a post of 27 April 2018 is May 2018), the nearest such month on that side;
    else the year :func:`_year_of` gives, or, when a weekday written does not fit it, the
    nearest year it fits (``None`` when none does).

    >>> year_from_post("Du 10 au 13 mai", " prochain, nous célébrerons", (2018, 4, 27))
    'Du 10 au 13 mai 2018'
    >>> year_from_post("Du jeudi 10 au dimanche 13 mai", " : anniversaire", (2018, 4, 27))
    'Du jeudi 10 au dimanche 13 mai 2018'
    """
    period = parse_label(label)
    if period is None or not period.yearless or period.start_month is None:
        return None
    side = _SIDE.match(fold(after))
    first = _year_of(period.start_month, _side(side), None, published)
    years = [first] if side else [first, published[0], published[0] - 1, published[0] + 1]
    return next((f"{label} {y}" for y in years if y and parse_label(f"{label} {y}") is not None), None)


def programme_day(text: str, told: tuple[date, date]) -> tuple[str, str] | None:
    """A day of a programme written as its weekday and its number alone ("Jeudi 10, 9h00
    arrivée …", "Samedi 12,") under the days it falls in (``told``: "Du 10 au 13 mai
    2018"): its label as written and its date ("Jeudi 10 mai 2018"), when one day of those
    has that number and that weekday; ``None`` otherwise.

    >>> programme_day("Vendredi 11, matin, balade.", (date(2018, 5, 10), date(2018, 5, 13)))
    ('Vendredi 11', 'Vendredi 11 mai 2018')
    >>> programme_day("Samedi 11, balade.", (date(2018, 5, 10), date(2018, 5, 13))) is None
    True
    """
    from .dates import tokens

    toks = list(tokens(text, SHORT))
    if len(toks) < 2 or toks[0].code != "W" or toks[1].code != "N" or (
            len(toks) > 2 and toks[2].code in "MYK"):
        return None
    weekday, number = toks[0].value, toks[1].value
    day, last = told
    while day <= last:
        if day.day == number and day.weekday() == weekday:
            label = text[toks[0].start:toks[1].end]
            return label, f"{label} {_MONTH_NAME[day.month]} {day.year}"
        day += timedelta(days=1)
    return None
