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
  events of one sentence joined by a clause joiner, each with its date, are two. Dated
  sentences before the partner is first named (national history, the idea of twinning)
  are the introduction: set aside and reported.

The page's own furniture (a by-line, a counter of visits, an image's file line, the date
of publication under the event's date) is set aside and reported like the rest of what
the parse stage sets aside.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from .dates import MONTHS, WEEKDAYS, Found, find_dates, parse_label
from .french import CAPITAL, lexicon
from .french.normalise import APOSTROPHE, fold, nfc
from .gate import sifted, tied_place
from .read import Block

_WORDS = lexicon("narrative")
_CUE_STEMS = tuple(fold(s) for s in _WORDS["cue_stems"])
_PARTNER_STEMS = tuple(fold(s) for s in _WORDS["partner_cue_stems"])
_PLURAL_CUES = frozenset(fold(w) for w in _WORDS["plural_cues"])
_LIST_MARKERS = frozenset(fold(w) for w in _WORDS["list_markers"])
_LEAD_DETERMINERS = frozenset(fold(d) for d in _WORDS["lead_determiners"])
LEAD_WORDS = 2  # words that lead to a place: "à" alone leads to any place, "1960 à" less so
_NEAR = frozenset(fold(j) for j in _WORDS["near_joiners"])
_FAR = frozenset(fold(j) for j in _WORDS["far_joiners"])


def _pairs(joiners: list[str]) -> re.Pattern[str]:
    return re.compile(r"\s*(?:" + "|".join(re.escape(fold(j)) for j in joiners) + r")\s*(?:(?:"
                      + "|".join(re.escape(fold(j)) for j in _WORDS["near_joiners"]) + r")\s*)?")


_PAIR = _pairs(_WORDS["pair_joiners"])
_TEXT_PAIR = _pairs([j for j in _WORDS["pair_joiners"] if j.isalpha() or j in "&/"])
CUE_REACH = int(_WORDS["cue_reach"])
_ELIDED = re.compile(rf"^[^\W\d_]{{1,2}}{APOSTROPHE}")  # "L'", "d'", "Qu'" before a word
_NAME_PARTICLES = frozenset(lexicon("places")["particles"]) - frozenset(
    lexicon("countries")["written"]["prepositions"]) - frozenset(_WORDS["pair_joiners"])
_PLACE_NOUN = lexicon("countries")["written"]["place_nouns"][0]
_MONTH_NAME = {n: name for name, n in MONTHS.items()}
_FOLDED_MONTHS = {fold(name): n for name, n in MONTHS.items()}
_WEEKDAY_NAME = {n: name for name, n in WEEKDAYS.items()}

# A proper noun as a place's name: capitalised words, maybe joined by hyphens, particles
# ("Imouzzer du Kandar", "Radcliffe-on-Trent") or spaces ("Great Dunmow").
_PART = rf"{CAPITAL}[\w{APOSTROPHE[1:-1]}]*(?:-[\w]+)*"
_PARTICLE = "|".join(sorted(map(re.escape, _NAME_PARTICLES), key=len, reverse=True))
_NAME = re.compile(rf"(?<![\w-]){_PART}(?:\s(?:(?:{_PARTICLE})\s)*{_PART})*")
# A sentence ends at a stop, unless the stop follows a capital alone: an initial or an
# abbreviation spelt letter by letter ("M. Praud", "l'O. N. E. P. (Office …)").
_SENTENCE = re.compile(rf"(?<=[.!?…])(?<!(?<![\w]){CAPITAL}\.)\s+(?=[«\"(]?[\w])"
                       r"|(?<=[.!?…][»\"])\s+|\s+\|\s+")
TITLE_WEIGHT, CUE_WEIGHT = 2, 3  # a mention in the title, after a cue of twinning; else 1
ENOUGH = CUE_WEIGHT  # a partner is named after a cue, or in the title and once more
CUE_WINDOW = 120  # characters of a sentence before a name where its cue is looked for
NAME_VOTE = 2  # a country's name counts twice its adjective ("américains" is often a people)
HOME_COUNTRY = "FR"  # the country of the towns whose pages are read
MIN_NAME = 3  # letters: no place is named with fewer ('N.A.N.C.I.E.' is no place)
BESIDE = 60  # characters after a name where its country is looked for
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


# --- Which partner ------------------------------------------------------------------------

def _lower_words(text: str) -> frozenset[str]:
    """The words the page writes in lower case at least as often as with a capital: no
    proper noun is one (a caption glued to a word, "niantjila maliComment", is a slip)."""
    words = re.findall(r"(?<![\w-])[^\W\d_][\w]*", text)
    lower = Counter(fold(w) for w in words if not w[:1].isupper())
    upper = Counter(fold(w) for w in words if w[:1].isupper())
    return frozenset(w for w, n in lower.items() if n >= upper[w])


def _trimmed(name: str, lower: frozenset[str]) -> list[str]:
    """The proper nouns of a run of capitalised words: without the common words a
    sentence puts before a name with a capital ("Le", "Comité de …", "L'album"), and cut
    where a title written in capitals has a common word ("ENTRE MAROLLES ET LAKAMANE"):
    a proper noun's words are never written in lower case on the page."""
    names: list[list[str]] = [[]]
    for word in name.split():
        bare = _ELIDED.sub("", word)
        common = fold(bare.split("-")[0]) in lower or fold(bare) in _NAME_PARTICLES
        if bare != word and not bare[:1].isupper():
            common = True
        if common and (not names[-1] or word.isupper()):
            names.append([])
        elif not common or names[-1]:
            names[-1].append(bare if not names[-1] else word)
    found = []
    for words in names:
        while words and fold(words[-1]) in _NAME_PARTICLES:
            words.pop()
        if words:
            found.append(" ".join(words))
    return found


_REGION_NOUNS = frozenset(fold(w) for w in lexicon("places")["region_nouns"])


def _not_a_partner(name: str) -> bool:
    """A country, a country's adjective ("Allemands", "Québécois"), a division of a
    country ("Province du Bam": where the partner lies, the commune of GUIBARE in it;
    :func:`pipeline.places.country_in_text` reads its country) or the town itself.

    >>> _not_a_partner("Province du Bam"), _not_a_partner("Allemands")
    (True, True)
    """
    from .config import config
    from .places import country_code, country_in_text

    from .read import group_heading

    folded = fold(name)
    if group_heading(name) or folded.split(" ")[0] in _REGION_NOUNS:
        return True  # a part of the world ("Europe", "Afrique"), of a country
    town = config().town
    if _is_town(name) or folded.startswith(fold(town.demonym)):
        return True
    return bool(country_code(name) or country_in_text(f"{_PLACE_NOUN} {name}"))


def _is_town(name: str) -> bool:
    """One of the names of the page's own town (the town file's), maybe without the
    determiner it opens with ("Charité" of "La Charité", the determiner read apart)."""
    from .config import config

    folded = fold(name)
    return any(folded == fold(n) or any(fold(n) == f"{d} {folded}" or fold(n) == f"{d}{folded}"
                                        for d in _LEAD_DETERMINERS)
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


def _after_cue(before: str) -> str:
    """The words before a name end with a joiner that follows a cue of twinning: "de"
    right after it ("nos amis de", "délégation de"), "avec", "à", "entre" a few words
    after it ("accord de jumelage avec", "coopère avec la commune malienne de"). The cue's
    word (folded), or "" when none leads to the name."""
    words = [w for w in re.findall(r"\w+'?", fold(before).replace("’", "'"))[-(CUE_REACH + 6):]
             if not _demonym(w) and w not in _LIST_MARKERS]  # "nos amis québécois de …" as "nos
    if len(words) >= 2 and words[-1] in _NEAR and words[-2].startswith(_CUE_STEMS):  # amis de …"
        return words[-2]
    for i in range(len(words) - 1, max(len(words) - 6, -1), -1):
        if words[i] in _FAR:
            return next((w for w in reversed(words[max(0, i - CUE_REACH):i]) if w.startswith(_CUE_STEMS)), "")
    return ""


def _pair(between: str, title: bool) -> bool:
    """Two places written as a pair: "A et B", "A / B", "A et de B"; in a title also "A -
    B" (in running text a dash brings a region: "Guibaré - Province du Bam")."""
    return bool((_PAIR if title else _TEXT_PAIR).fullmatch(fold(between)))


def _apposition(between: str) -> bool:
    """A place, then an apposition that ties it to the next one: "Tarnowskie-Gory, ville
    jumelée à Méricourt" (the first is the partner, the second the page's own town)."""
    folded = fold(between).replace("’", "'")
    words = re.findall(r"\w+'?", folded)
    return (folded.lstrip().startswith(",") and 0 < len(words) <= CUE_REACH
            and any(w.startswith(_CUE_STEMS) for w in words) and words[-1] in _NEAR | _FAR)


_PARTNER_JOINERS = frozenset(fold(j) for j in _WORDS["partner_joiners"])
_OFFICIALS = tuple(fold(w) for w in _WORDS["officials"])
_DELEGATION = tuple(fold(w) for w in _WORDS["retinue_stems"])


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


def _institution(name: str) -> bool:
    """A name that opens on an institution's word ("Maison de l'Europe", "Association
    Tamba"): a partner of the story's tie, never a town of its own."""
    from .read import INSTITUTIONS

    return fold(name.split()[0]) in {fold(w) for w in INSTITUTIONS}


def _partner_after(before: str) -> bool:
    """The words before a name end with a cue that names a partner of the town and its
    joiner: "nos amis (québécois) de", "jumelages avec (respectivement)", "coopération
    entre"; not "et", "à", "pour" after it ("Historique du jumelage et Présentation",
    "voyage du comité de jumelage à Londres")."""
    words = [w for w in re.findall(r"\w+'?", fold(before).replace("’", "'"))[-(CUE_REACH + 6):]
             if not _demonym(w) and w not in _LIST_MARKERS]
    if len(words) >= 2 and words[-1] in _NEAR:
        return words[-2].startswith(_PARTNER_STEMS)
    for i in range(len(words) - 1, max(len(words) - 6, -1), -1):
        if words[i] in _FAR:
            return words[i] in _PARTNER_JOINERS and any(
                w.startswith(_PARTNER_STEMS) for w in words[max(0, i - CUE_REACH):i])
    return False


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


def _people_of(before: str) -> bool:
    """The words before a name end with people and "de": "les habitants de", "nos amis d'",
    "une délégation de", "les Auvergnats d'" (a demonym: a capitalised plural)."""
    from .numbers import is_people

    words = re.findall(r"[\w]+'?", before.replace("’", "'"))
    if len(words) < 2 or fold(words[-1]) not in _NEAR:
        return False
    who = words[-2]
    return is_people(who) or fold(who).startswith(_CUE_STEMS) or (who[:1].isupper() and who.endswith("s"))


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
    >>> _tied_to_town(f"Visite de Paris puis jumelage avec {town}.")
    []
    """
    names = [_without_cue(m) for m in _NAME.finditer(sentence)]
    found: list[str] = []
    for i, name in enumerate(names):
        if not _is_town(name.group()):
            continue
        if i and _PAIR.fullmatch(fold(sentence[names[i - 1].end():name.start()])) \
                and _cue_before(sentence[:names[i - 1].start()]):
            found.append(names[i - 1].group())  # "jumelage A - <town>"
        if i + 1 < len(names) and _PAIR.fullmatch(fold(sentence[name.end():names[i + 1].start()])) \
                and _cue_before(sentence[:name.start()]):
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
    lower = _lower_words(" ".join([title or "", *texts]))
    weights: Counter[str] = Counter()
    home: set[str] = set()
    spelling: dict[str, str] = {}
    partnered: set[str] = set()
    kinds: list[list[str]] = []  # places named as things of one kind (:func:`_of_a_kind`)
    tied = tied_place(title or "")  # "Comité de jumelage X": the title's lead-in ties X
    for n, text in enumerate([title or "", *texts]):
        for sentence in _SENTENCE.split(text):
            previous: tuple[str, int, str] | None = None  # key, end, the cue before it
            town_lead: tuple[str, ...] | None = None  # the words that lead to the town
            cued = _cued(sentence)
            kinds.append(_of_a_kind(sentence))
            for found in _NAME.finditer(sentence):
                for name in _trimmed(found.group(), lower):
                    start = found.start() + found.group().index(name)
                    if (bare := _without_demonym(name)) != name:  # "Québécois de Lac Mégantic"
                        start, name = start + len(name) - len(bare), bare
                    written, name = name, _place(name)
                    if name != written and name in written:  # "Ville de Maxéville": the words
                        start += written.index(name)  # of its kind lead to it, as "la Ville d'"
                    if len(name) < MIN_NAME:
                        continue
                    if _not_a_partner(name):
                        if not _is_town(name):
                            previous = None
                            continue
                        # the town is no candidate, but the end of an apposition that makes
                        # the place before it the partner ("Tarnowskie-Gory, ville jumelée à
                        # Méricourt"), the first place of a pair ("du Perray et de Bellheim")
                        # and the words that lead to it may lead to the partner
                        if previous and _apposition(sentence[previous[1]:start]):
                            weights[previous[0]] += CUE_WEIGHT
                        town_lead = _lead(sentence[:start])
                        previous = (fold(name), start + len(name),
                                    _after_cue(sentence[max(0, start - CUE_WINDOW):start]))
                        home.add(previous[0])
                        continue
                    key = fold(name)
                    if key not in spelling or (spelling[key].isupper() and not name.isupper()):
                        spelling[key] = name  # "Lakamané" rather than the title's "LAKAMANE"
                    # after a cue, or named in a sentence of twinning in the very words
                    # that name the town before it ("à La Charité, puis … à Biedenkopf")
                    window = sentence[max(0, start - CUE_WINDOW):start]
                    cue = _after_cue(window) or (
                        "=" if (cued and town_lead and len(town_lead) == LEAD_WORDS
                                and _lead(sentence[:start]) == town_lead)
                        or _delegations_official(sentence, window) else "")
                    if cue and _partner_after(window):
                        partnered.add(key)
                    between = sentence[previous[1]:start] if previous else ""
                    paired = bool(previous) and _pair(between, title=n == 0)
                    if previous and paired and _is_town(f"{spelling.get(previous[0], '')}{between}{name}"):
                        home.update((previous[0], key))  # "Erve & Charnie": the town's own name
                        previous = None
                        continue
                    if previous and previous[2] and paired:
                        if previous[2] in _PLURAL_CUES:  # "des jumelages avec A et B": two ties
                            partnered.update((previous[0], key))
                        else:  # "le jumelage entre A et B": A is the town
                            home.add(previous[0])
                        cue = cue or previous[2]
                    elif previous and _apposition(between):
                        home.add(key)
                        weights[previous[0]] += CUE_WEIGHT
                    elif previous and paired and previous[0] in home and _joined_in_tie(
                            sentence[start + len(name):]):
                        partnered.add(key)  # "Viroflay et Hassloch entretiennent des actions de coopération"
                    elif previous and paired and n == 0 and previous[0] in home:
                        partnered.add(key)  # "BONNES - BANFORA SUD": the town, then its partner
                    elif previous and paired and n == 0 and fold(between).strip() in _TITLE_PAIR:
                        partnered.update((previous[0], key))  # "Radcliffe-on-Trent et Holme-Pierrepont"
                    weights[key] += CUE_WEIGHT if cue else TITLE_WEIGHT if n == 0 else 1
                    previous = (key, start + len(name), cue)
    if tied:  # the title's lead-in names its place a partner, however the title is cased
        spelling.setdefault(tied[0], tied[1])
        weights[tied[0]] += CUE_WEIGHT
        partnered.add(tied[0])
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
    rf"(?:(?:{_alternatives(_WORDS['near_joiners'])})\s*)?$", re.IGNORECASE)


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

    weights, home, spelling, partnered = _mentions(title, texts)
    for key in list(weights):
        parts = key.split("-")
        if len(parts) == 2 and all(p in weights for p in parts):  # "La Fouillouse-Soufouroulaye"
            home.add(parts[0])
            weights[parts[1]] += weights.pop(key)
    weights = sifted(weights, spelling)  # no document's word, room nor file (pipeline.gate)
    ranked = [(key, weight) for key, weight in weights.most_common() if key not in home]
    if not ranked or ranked[0][1] < ENOUGH:
        return _named_otherwise(texts, weights, lines or texts)
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


def _named_otherwise(texts: list[str], weights: Counter[str], lines: list[str]) -> list[str]:
    """The partners of a page that names none after a cue of twinning, on narrower
    evidence, the strongest first; none unless the page speaks of twinning or cooperation
    (a cue's word somewhere), and none of the page's own town, a country or a region
    (``lines``: the page's lines as written, where a list's lines are read one by one):

    - ``listed``: two lines or more that each name a place and its country ("Ogre en
      Lettonie depuis 2005", a place glued to the link before it: "Capitale RigaOgre en
      Lettonie"), on a page that says the town is twinned or works with others: a list of
      its partners (:func:`_listed`);
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
    if not any(_cued(sentence) for text in texts for sentence in _SENTENCE.split(text)):
        return []
    return _listed(lines) or _signed(lines) or _travelled(texts, weights) or _headlined(lines)



def _phrases(words: list[str]) -> str:
    """Phrases of the lexicon as a pattern over text as written: any apostrophe, any space."""
    return "|".join(re.escape(w).replace("'", APOSTROPHE).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


_TRAVEL = re.compile(rf"(?<!\w)(?:{_phrases(_WORDS['travel_cues'])})\s*"
                     rf"(?:(?:{_phrases(_WORDS['lead_determiners'])})\s*)?(?={CAPITAL})", re.IGNORECASE)


def _candidate(name: str) -> str | None:
    """A run of capitalised words as a partner's name (its kind of place aside), or
    ``None``: too short, a country, a region, the town itself or a word of the document."""
    from .gate import sifted

    name = _without_demonym(_place(name.strip()))
    if len(name) < MIN_NAME or _not_a_partner(name):
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
    lower = _lower_words(" ".join(texts))
    cued: dict[str, str] = {}
    for cue in (cue for text in texts for cue in _TRAVEL.finditer(text)):
        run = _NAME.match(cue.string, cue.end())
        names = _trimmed(run.group(), lower) if run else []
        if names and run and run.group().startswith(names[0]) and (name := _candidate(names[0])):
            cued.setdefault(fold(name), name)
            if len(cued) >= TRIPS:
                break
    found = [name for key, name in cued.items()
             if weights.get(key, 0) >= 2 or partner_country(name, texts, fallback=False)]
    return sorted(found, key=lambda name: -weights.get(fold(name), 0))


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
        day = date_line(rest) if rest else None
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
_COUNTRY_AFTER = re.compile(rf"\s+(?:{_phrases(lexicon('countries')['written']['prepositions'])})\s+"
                            rf"({_PART}(?:[\s-]{_PART})*)")
LISTED = 2  # lines of a place and its country: a list of partners has two or more


def _listed(texts: list[str]) -> list[str]:
    """The places of the page's short lines that each name a place and its country after
    it ("Ogre en Lettonie depuis 2005"), two lines or more, when the page says the town is
    twinned or works with others (a cue of a partner). A name glued to the word before it
    ("Capitale RigaOgre", the text of two links run together) starts where it is glued.

    >>> _listed(["La ville est jumelée avec deux villes.", "Lettonie - Capitale RigaOgre en Lettonie depuis "
    ...          "2005 (lire)", "Italie - Capitale RomeCitta di Castello en Italie depuis 1991"])
    ['Ogre', 'Citta di Castello']
    """
    from .places import country_code

    if not any(w.startswith(_PARTNER_STEMS) for text in texts for w in re.findall(r"\w+", fold(text))):
        return []
    places: list[str] = []
    for text in texts:
        if len(text) > SHORT or text.rstrip().endswith((".", "!", "?", ":")):
            continue
        for after in _COUNTRY_AFTER.finditer(text):
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


def partner_country(name: str, texts: list[str], fallback: bool = True) -> str | None:
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
    from .places import country_code, country_in_text, country_name, partner_countries, split_heading

    for text in texts:
        for found in re.finditer(re.escape(name), text, re.IGNORECASE):
            beside = text[found.start():found.end() + BESIDE].split(".")[0]
            if (code := partner_countries(split_heading(beside)[1]))[1]:
                return code[0]
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
            before = text[max(0, found.start() - BESIDE):found.start()]
            if country := country_in_text(before.split(",")[-1]):
                return country[0]
            # an apposition that places it, in its own country too ("Plougonvelin,
            # commune du bout de la Bretagne, jumelée depuis …"): the words beside the
            # name say so
            after = beside[len(found.group()):]
            if after.startswith(",") and (country := country_in_text(after, home=None)):
                return country[0]
            words = re.findall(r"[^\W\d_]+", before)  # "nos amis Québécois de Lac Mégantic"
            if len(words) >= 2 and fold(words[-1]) in _NAME_PARTICLES and (named := _country_word(words[-2])):
                return named
    # the country the page names most: its partner's, not that of another partner it names
    return _most_named_country(texts) if fallback else None


@cache
def _country_word(word: str) -> str | None:
    """The country a word names or is the adjective or demonym of ("Allemagne",
    "allemands", "Polonais")."""
    from .places import country_code, country_in_text, country_name

    if code := country_code(word):
        return country_name(code)
    named = country_in_text(f"{_PLACE_NOUN} {word}")
    return named[0] if named else None


# Countries' names that are also first names ("Israël Bacor, maire de Plougonvelin").
_FIRST_NAMES = frozenset(lexicon("countries")["written"]["first_names"])
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


def _most_named_country(texts: list[str]) -> str | None:
    """The country the page names most, by its name or its adjective ("nos amis
    allemands", "51 Polonais", "franco-allemand"), the page's own country aside: a French
    page names France for itself."""
    from .places import country_code, country_name

    votes: Counter[str] = Counter()
    for text in texts:
        found = list(_LETTERS.finditer(text))
        words = [m.group() for m in found]
        for n in range(len(words)):
            pair = " ".join(words[n:n + 2])
            if len(words) > n + 1 and (code := country_code(pair)):  # "Burkina Faso"
                votes[country_name(code)] += NAME_VOTE
            elif _first_name(found, n, text):
                continue  # "Israël Bacor, maire de Plougonvelin": a person
            elif named := _country_word(words[n]):
                votes[named] += NAME_VOTE if words[n] == named else 1  # a name says more
    votes.pop(country_name(HOME_COUNTRY), None)
    best = votes.most_common(1)
    return best[0][0] if best else None


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
_DAYS = _WORDS["days_later"]
_DAY_NOUNS = "|".join(map(_phrase, _DAYS["nouns"])).replace(r"\b", "")
_DAYS_LATER = re.compile(
    rf"\b(?:(?P<n>[\w-]+)\s+(?:{_DAY_NOUNS})\s+(?:"
    + "|".join(map(_phrase, _DAYS["later"])).replace(r"\b", "") + r")|(?:"
    + "|".join(map(_phrase, _DAYS["openings"])).replace(r"\b", "")
    + rf")\s+(?P<m>[\w-]+)\s+(?:{_DAY_NOUNS}))\b")
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
_BOUND_WORDS = frozenset(fold(w) for w in _WORDS["bound_openings"])
_YEAR_NOUNS = frozenset(fold(w) for w in _LATER["nouns"])
REFERENCE_WORDS = 4  # words before a date where "depuis" makes it a reference
REFERENCE_REACH = 40  # characters around a date looked at for those words
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted((re.escape(fold(m)) for m in MONTHS), key=len,
                                                   reverse=True)) + r")\b")
_WEEKDAY_WORD = re.compile(r"\b(?:" + "|".join(re.escape(fold(d)) for d in WEEKDAYS) + r")\b(?!\s*\d)")
_MONTH_RUN = re.compile(r"(?:\s*[/–-]\s*" + _MONTH_WORD.pattern + ")+")
_A_YEAR = re.compile(r"\b\d{4}\b")
_CLAUSE = re.compile(r"[,;:](?=\s)")  # where a clause of a sentence ends
_JOINER = re.compile(r"[,;]\s+(?:" + "|".join(_phrase(j)[2:] for j in _WORDS["clause_joiners"]) + r")\b")
# a clause joiner with no comma before it ("… en 1986 et un jumelage a été officialisé le 28
# novembre 2000"), where the words after it up to their date make a clause ("et le 9
# novembre", "et en 2004" end a range or a set of dates: no clause)
_BARE_JOINER = re.compile(r"\s+(?=(?:" + "|".join(_phrase(j)[2:] for j in _WORDS["clause_joiners"]) + r")\s)")
CLAUSE_WORDS = 4  # words from the joiner to the date of a clause of its own: "et un jumelage a …"
_SIDES = {fold(w): n for w, n in _WORDS["months_from_told"].items()}
_SIDE = re.compile(r"\s+(" + "|".join(map(re.escape, _SIDES)) + r")\b")
PROBE_YEARS = range(2000, 2007)  # a leap year first; seven years give every weekday of a day
YEAR_REACH = 12  # characters after a month where its year would be written
MONTH_REACH = 30  # characters before a relative year where its month would be written

When = tuple[int, int | None, int | None]


def _in_brackets(text: str, at: int) -> bool:
    return text.count("(", 0, at) > text.count(")", 0, at)


def _not_when(sentence: str, found: Found) -> bool:
    """A date that says when nothing of the story happened: a reference after "depuis" a
    few words before it, a bound right after "avant", a number of years ("il y a plus de
    2000 ans")."""
    before = re.findall(r"\w+", fold(sentence[max(0, found.start - REFERENCE_REACH):found.start]))
    after = re.findall(r"\w+", fold(sentence[found.end:found.end + REFERENCE_REACH]))[:1]
    return bool(set(before[-REFERENCE_WORDS:]) & _REFERENCE_WORDS or set(before[-2:]) & _BOUND_WORDS
                or (found.period and found.period.start_month is None and set(after) & _YEAR_NOUNS))


def _absolute(sentence: str) -> Event | None:
    """The first date of the sentence that is an event's: not in brackets, not a
    reference ("depuis 1970")."""
    for found in find_dates(sentence):
        if found.period is None or _in_brackets(sentence, found.start) or _not_when(sentence, found):
            continue
        if found.period.end_year is None:  # "depuis 1970" is a reference; "Dès janvier 1986"
            if fold(found.text).startswith(_REFERENCE):  # opens the event told, at that date
                continue
            when = _when(found)
            return Event(found.text, found.start, _written(when) if when else None, when)
        return Event(found.text, found.start, None, _when(found))
    return None


def _year_of(month: int, side: int | None, when: When | None, published: When | None) -> int | None:
    """The year of a month written without its year: the year told before; with a side
    word ("novembre dernier", "mars prochain"), the nearest such month on that side of the
    date told; with nothing told, the post's date, a month after it being of the year before
    (a post tells what happened)."""
    told = when or published
    if told is None:
        return None
    year, told_month = told[0], told[1]
    if told_month is None or (side is None and when):
        return year
    if side is None or side < 0:
        return year if month <= told_month else year - 1
    return year if month >= told_month else year + 1


def _yearless(sentence: str, folded: str, when: When | None, published: When | None = None) -> Event | None:
    """A day or a month written without its year ("Le jeudi 4 juin", "en avril", "les 17
    et 18 septembre"): the year told before (:func:`_year_of`) completes it; with none, it
    is an event whose date stays unread."""
    for month in _MONTH_WORD.finditer(folded):
        run = _MONTH_RUN.match(folded, month.end())  # "en novembre/décembre": the year
        end = run.end() if run else month.end()  # follows the last month of the run
        if _A_YEAR.search(folded, end, end + YEAR_REACH) \
                or _in_brackets(sentence, month.start()) \
                or _RELATIVE_YEAR.search(folded, end, end + MONTH_REACH):
            continue  # "En décembre de la même année" is a relative date
        side = _SIDE.match(folded, end)
        told = _year_of(_FOLDED_MONTHS[month.group()], _SIDES[side[1]] if side else None, when, published)
        # the year told; with none told (or the post's date that its weekdays do not fit),
        # any year whose weekdays fit: an event whose date stays unread
        for year in ([told] if told else []) + ([] if when else list(PROBE_YEARS)):
            completed = f"{sentence[:end]} {year}{sentence[end:]}"
            for found in find_dates(completed):
                if found.start <= month.start() and found.end > end and found.period:
                    label = sentence[found.start:end]
                    return (Event(label, found.start, found.text, _when(found)) if year == told
                            else Event(label, found.start, None, None))
    return None



def _days_after(told: tuple[int, int | None, int | None], days: int) -> When:
    """The day ``days`` after (before, when negative) the day told; the month told when
    no day was (no day is invented)."""
    year, month, day = told
    if day and month:
        then = date(year, month, day) + timedelta(days=days)
        return (then.year, then.month, then.day)
    return (year, month, None)


def _relative(sentence: str, folded: str, when: When | None) -> Event | None:
    """A date told relative to the one before: "la même année", "l'année suivante", "deux
    ans plus tard" (a month before it kept: "En décembre de la même année"), "le
    lendemain"; within the event told or right after it (``within_told``: "Au cours de ce
    séjour", "immédiatement"), its month."""
    if when is None:
        return None
    from .numbers import read_number

    year, month, day = when
    if found := _RELATIVE_YEAR.search(folded):
        offset = _YEAR_OFFSETS[int(next(k for k, v in found.groupdict().items() if v)[1:])]
        named = list(_MONTH_WORD.finditer(folded, max(0, found.start() - MONTH_REACH), found.start()))
        start = named[-1].start() if named else found.start()
        month_of = _FOLDED_MONTHS.get(named[-1].group()) if named else None
        resolved: When = (year + offset, month_of, None)
        return Event(sentence[start:found.end()], start, _written(resolved), resolved)
    if (found := _YEARS_LATER.search(folded)) and (n := read_number(found["n"])) and n < 100:
        resolved = (year + (n if found["later"] else -n), month, None)
        return Event(sentence[found.start():found.end()], found.start(), _written(resolved), resolved)
    if (found := _DAYS_LATER.search(folded)) and (n := read_number(found["n"] or found["m"])) \
            and n < MAX_DAYS_LATER:  # "Après 4 jours passés à Cové", "trois jours plus tard"
        resolved = _days_after((year, month, day), n)
        return Event(sentence[found.start():found.end()], found.start(), _written(resolved), resolved)
    if found := _RELATIVE_DAY.search(folded):
        offset = _DAY_OFFSETS[int(next(k for k, v in found.groupdict().items() if v)[1:])]
        resolved = _days_after((year, month, day), offset)
        return Event(sentence[found.start():found.end()], found.start(), _written(resolved), resolved)
    if found := _WITHIN.search(folded):  # "Au cours de ce séjour", "immédiatement": an event
        # at the date told, written no finer than its month; the story stays where it was
        return Event(sentence[found.start():found.end()], found.start(), _written((year, month, None)), when)
    return None


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
    if relative and (weekday is None or relative.start() <= weekday.start()):
        offset = _DAY_OFFSETS[int(next(k for k, v in relative.groupdict().items() if v)[1:])]
        found, then = relative, told.day + timedelta(days=offset)
    elif weekday:
        wanted = WEEKDAYS[next(d for d in WEEKDAYS if fold(d) == weekday.group())]
        found, then = weekday, told.day + timedelta(days=(wanted - told.day.weekday()) % 7)
    else:
        return None
    written = f"{then.day} {_MONTH_NAME[then.month]}"
    return (Event(sentence[found.start():found.end()], found.start(), written, None),
            DayTold(then, told.weekday))


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


def event_in(sentence: str, when: When | None, published: When | None = None) -> Event | None:
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
    """
    folded = fold(sentence)
    found = [e for e in (_absolute(sentence), _yearless(sentence, folded, when, published),
                         _relative(sentence, folded, when), _weekday(sentence, folded, when)) if e]
    first = min(found, key=lambda e: e.start) if found else None
    if first and first.when and first.resolved and (read := parse_label(first.resolved)) \
            and read.end_year is None:  # "à partir de début octobre": the event starts then
        first = replace(first, resolved=_written(first.when))
    if first and first.when and first.when[1] is None and first.resolved is None:
        # "En 2019, c'était notre tour …, du jeudi 9 au dimanche 12 mai": the days, that year
        days = _yearless(sentence[first.start:], folded[first.start:], first.when)
        if days and days.resolved:
            return Event(sentence[first.start:first.start + days.start] + days.label, first.start,
                         days.resolved, days.when)
    if first:  # "concrétisé en 1997 : … paraphe de la charte le 28 juin 1997": that day
        later = _absolute(sentence[first.start + len(first.label):])
        if later and _details(first, later):
            return replace(later, start=first.start)
    return first


def _span(event: Event) -> tuple[date, date] | None:
    period = parse_label(event.resolved or event.label)
    if period is None or period.start_date is None or period.end_date is None:
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
    09.05.2024 …" under the title, then "en mai 2023 …. Un an plus tard, …") names it again."""
    if event.resolved is not None and not headline:  # resolved: without its year, or relative
        return False
    before, now = parse_label(told.period_label or told.label), parse_label(event.resolved or event.label)
    return bool(before and now and before.start_date and before.end_date and now.start_date
                and now.end_date and now.start_date <= before.start_date
                and before.end_date <= now.end_date)


def _opening(clause: str, when: When | None, published: When | None) -> Event | None:
    """The date a clause tells before its next comma, colon or semicolon, written whole
    or as a day or a month ("…, le 27 septembre 1997 à Barbentane", "…, Fleurieu a reçu
    la délégation les 17 et 18 septembre"); not a relative one, which tells the same event."""
    folded = fold(clause)
    found = [e for e in (_absolute(clause), _yearless(clause, folded, when, published)) if e]
    first = min(found, key=lambda e: e.start) if found else None
    bound = _CLAUSE.search(clause, 1)
    return first if first and (bound is None or first.start < bound.start()) else None


def _moved(when: When | None, event: Event | None) -> When | None:
    """The date the story is at after an event: the event's, unless it is a bare year
    before the date told (the past recalled: "le traité signé à Brühl en 1964" in the
    story of a visit in 2014), which leaves the story where it was."""
    if event is None or event.when is None or _recalled(when, event):
        return when
    return event.when


def _recalled(when: When | None, event: Event) -> bool:
    """The event is the past recalled: a bare year written whole, before the date told."""
    return bool(when and event.when and event.resolved is None and event.when[1] is None
                and event.when[0] < when[0])


def sentences(text: str, when: When | None, published: When | None = None) -> list[tuple[str, Event | None]]:
    """The sentences of a paragraph, each with the event it tells; a sentence that joins
    two dated clauses ("… fondée le 17 juin 1986, et la Charte fut paraphée le 15
    septembre 1987"; "la charte paraphée le 28 juin 1997 à Saillon, le 27 septembre 1997 à
    Barbentane"; with no comma, "… commencé en 1986 et un jumelage a été officialisé le 28
    novembre 2000") is two, unless the second date shares a day with the first
    (:func:`_overlap`)."""
    out: list[tuple[str, Event | None]] = []
    for sentence in _SENTENCE.split(text):
        pieces, start, folded = [], 0, fold(sentence)
        bounds = sorted([(b.start(), b.end(), True) for b in _CLAUSE.finditer(sentence)]
                        + [(b.start(), b.end(), False) for b in _BARE_JOINER.finditer(folded)])
        for at, end, punctuated in bounds:
            if at < start:
                continue
            head, tail = sentence[start:end if punctuated else at], sentence[end:]
            said = event_in(head, when, published)
            if said is None:
                continue
            if not punctuated:  # "… ont commencé en 1986 et un jumelage a été officialisé le
                # 28 novembre 2000": the joiner opens a clause of its own, its date further on
                then = _absolute(tail)
                if then and len(re.findall(r"\w+", tail[:then.start])) >= CLAUSE_WORDS \
                        and not _overlap(said, then):
                    pieces.append(head)
                    start = end
                continue
            joined = _JOINER.match(folded, at) and _absolute(tail)
            then = _opening(tail, _moved(when, said), published)
            if joined or (then and not _overlap(said, then)):
                pieces.append(head)
                start = end
        pieces.append(sentence[start:])
        for piece in pieces:
            event = event_in(piece, when, published)
            when = _moved(when, event)
            out.append((piece, event))
    return out


# --- The page's own furniture -------------------------------------------------------------

ARTICLE_FURNITURE = "the article's own furniture (by-line, counters, image file, date of publication)"
NAVIGATION_BAR = "a bar of the site's links or its breadcrumb"
_BYLINE = re.compile(r"(?:" + "|".join(_phrase(w)[2:] for w in _WORDS["byline_openings"]) + r")\s+\S")
_BYLINE_BY = re.compile(r"(?:" + "|".join(_phrase(w)[2:] for w in _WORDS["byline_prepositions"]) + r")\s+\S")
_COUNTER = re.compile(r"(?:" + "|".join(_phrase(w)[2:] for w in _WORDS["counters"])
                      + r")\s*:?\s*\d[\d\s.,]*%?\s*$")
_IMAGE_FILE = re.compile(r"(?:" + "|".join(_WORDS["image_files"]) + r")\s*[-–:]\s*\d[\d.,]*\s*(?:"
                         + "|".join(_WORDS["file_units"]) + r")\s*$")
RESTATED = "the dates of the event the title announces, told again in the text"
OTHER_LANGUAGE = "a paragraph in another language (a translation beside the French)"
_FUNCTION_WORDS = frozenset(fold(w).rstrip("'") for w in _WORDS["function_words"])
FOREIGN_WORDS = 8  # words of a paragraph with no French function word among them
SHORT = 80  # characters: a by-line, a counter, a caption or a date line is short
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
    """
    stripped = text.strip()
    folded = fold(stripped)
    words = re.findall(r"[^\W\d_]+", folded)
    if len(words) >= FOREIGN_WORDS and not _FUNCTION_WORDS.intersection(words):
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
    return None


def date_line(text: str) -> str | None:
    """The date a short line holds alone ("du 4 au 8 juin 2015", "lundi 13 juillet 2015"),
    as written; ``None`` for a line that says more."""
    stripped = text.strip()
    if len(stripped) > SHORT or stripped.endswith("."):
        return None
    found = [f for f in find_dates(stripped) if f.period]
    if not found or found[0].start > 4:
        return None
    rest = stripped[:found[0].start] + " " + " ".join(
        stripped[a.end:b.start] for a, b in zip(found, [*found[1:], None], strict=False) if b) \
        + " " + stripped[found[-1].end:]
    return found[0].text if len(re.findall(r"[^\W\d_]{4,}", rest)) <= 2 else None


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


def names_place(text: str, name: str) -> bool:
    """The text names the place as a word of its own, or glued to the word before it as
    the text of two links run together ("Capitale RigaOgre"); not inside another word
    ("Ogre" is not named by "progresser").

    >>> names_place("Capitale RigaOgre en Lettonie", "Ogre"), names_place("de progresser", "Ogre")
    (True, False)
    """
    composed, folded, key = nfc(text), fold(text), fold(name)
    for found in re.finditer(re.escape(key), folded):
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
    a preposition of place. The story has begun, though the partner is named later."""
    if not country:
        return False
    words = re.findall(r"\w+", fold(text))
    named = re.findall(r"\w+", fold(country))
    to_it = any(w in _TO_COUNTRY and words[i + 1:i + 1 + len(named)] == named for i, w in enumerate(words))
    return to_it and any(w.startswith(_CUE_STEMS) for w in words)


_OWN_BODY = re.compile(rf"(?:{_phrases(_WORDS['own_body_openings'])})\b", re.IGNORECASE)


def _own_body(text: str) -> bool:
    """The text opens on the town's own twinning body and tells a dated event of it ("Le
    comité a été déclaré le 23 août 1977"): the history of the tie has begun, though the
    partner is named later.

    >>> _own_body("Le comité a été déclaré le 23 août 1977."), _own_body("Le comité se réunit chaque mois.")
    (True, False)
    """
    return bool(_OWN_BODY.match(text.strip())) and any(event for _, event in sentences(text, None)[:1])


def lists_partners(body: list[Block]) -> bool:
    """The page lists partners with their countries ("• La commune de Tombouctou (Mali)"),
    as a page of partner sections does in its introduction: it is no one partner's story,
    and a page of that kind whose headings were not found must stop, not be read as one.

    >>> lists_partners([Block("list_item", "La commune de Tombouctou (Mali)", 3)])
    True
    >>> lists_partners([Block("list_item", "Jeudi 9 mai : arrivée de la délégation.", 3)])
    False
    >>> lists_partners([Block("list_item", "Pays : MALI", 3)])
    False
    """
    from .places import countries, split_heading
    from .read import fiche_field

    return any(b.kind == "list_item" and not b.aside and countries(split_heading(b.text)[1])[1]
               and not fiche_field(b.text) for b in body)  # a fiche's "• Pays : MALI" lists none


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


WRAPPED = 50  # characters: a line of running text cut by a hard line break is long
_ENDS_SENTENCE = (".", "!", "?", "…", ":", ";", "»", '"')


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


def _runs(blocks: list[Block]) -> list[list[Block]]:
    """The blocks in runs, the lines of one paragraph cut by hard line breaks in one run."""
    runs: list[list[Block]] = []
    for block in blocks:
        previous = runs[-1][-1] if runs else None
        if previous is not None and previous.kind == block.kind == "paragraph" \
                and len(previous.text) >= WRAPPED and not previous.text.rstrip().endswith(_ENDS_SENTENCE):
            runs[-1].append(block)
        else:
            runs.append([block])
    return runs


def read_narrative(title: Block | None, body: list[Block], reasons: Reasons,
                   about: About | None = None) -> Story | None:
    """The page as the story of the one partner it is about (``about``, else the place it
    names after cues of twinning), its events the dated sentences of its story; what is
    set aside, with why. ``None`` when the page names no partner, or lists several with
    their countries (:func:`lists_partners`) and the caller names none."""
    from .fields import country_field
    from .places import agreement, countries

    texts = unwrapped([b for b in body if not b.aside])
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
        names = named_partners(title.text if title else None, texts, [b.text for b in body if not b.aside])
        if not names:
            return None
        written = ([title.text] if title else []) + texts
        given = next((countries(c)[0] for t in texts if (c := country_field(t)) and countries(c)[1]), None)
        about = About(names[0], given or partner_country(names[0], written))  # a fiche's "Pays : MALI" first
        # a partner the title names beside the first is as much the page's subject: the
        # country the page names most is its own too ("Radcliffe-on-Trent et Holme-…")
        others = [About(name, partner_country(name, written,
                                              fallback=title is not None and names_place(title.text, name)))
                  for name in names[1:]]
    story = Story(Block("heading", about.heading, title.line if title else 1, level=2), [], [], [], others)
    events, set_aside = story.events, story.set_aside
    articles = _articles(title, about.name) if title else []  # its articles, if a bar
    when: When | None = None
    published: When | None = None  # the date of the post, for a month told without its year
    started = told or bool(title and names_place(title.text, about.name))
    prose = False  # a paragraph of the story was read
    dates_under_title = 0
    image = label_only = signed = False
    headline: tuple[Told, Block] | None = None  # the event the title announces, its date line
    day_told: DayTold | None = None  # the day of the last event, told without its year
    for block in body:
        reason = reasons.aside(block) or furniture(block.text)
        if reason is None and image and len(block.text) <= SHORT and not block.text.rstrip().endswith("."):
            reason = reasons.caption  # the line under an image's file line
        image = reason == ARTICLE_FURNITURE and bool(_IMAGE_FILE.match(fold(block.text.strip())))
        if reason:
            set_aside.append((block, reason, False))
            continue
        if alone := date_line(block.text):
            dates_under_title += 1
            found = next(f for f in find_dates(alone) if f.period)
            if dates_under_title == 1 and not prose and title and started:
                events.append(Told(alone, None, [("", title.text, title.line)]))  # the event the
                events[-1].extend(block.text, block.line, "\n")  # title names, and its dates
                headline = (events[-1], block)
                when = _when(found)
            elif (_when(found) or (0, None, None))[2] is None and started:
                events.append(Told(alone, None, [("", block.text, block.line)]))  # a year or a
                when = _moved(when, Event(alone, 0, None, _when(found)))  # month over its paragraph
                label_only = True
            else:  # a day alone on its line: when the page or a post of it was published
                published = _when(found)  # a new post: its own date
                set_aside.append((block, ARTICLE_FURNITURE, False))
            continue
        if block.kind == "heading":
            set_aside.append((block, reasons.sub_heading, False))
            continue
        started = started or names_place(running.get(id(block), block.text), about.name) \
            or _goes_to(block.text, about.country) or _own_body(block.text)
        if not started:
            dated = any(event for _, event in sentences(block.text, None))
            set_aside.append((block, reasons.dated_introduction if dated else reasons.introduction, dated))
            continue
        prose = True
        first, undated = True, []
        for sentence, event in sentences(block.text, when, published):
            if event is None and when is None and (after := day_after(sentence, day_told)):
                event, day_told = after  # "Samedi soir", "Le lendemain" after "Samedi 28 avril"
            elif event is None and when is None and published \
                    and (before := weekday_before(sentence, published)):
                event = before  # "Mercredi : dernière visite" in a post of Thursday 27 September
            elif event is not None:
                day_told = _day_of(event.label) if event.when is None and event.resolved is None else None
            recalled = bool(event and events and _recalled(when, event)
                            and len(re.findall(r"\w+", sentence[:event.start])) >= RECALL_WORDS)
            when = _moved(when, event)
            if label_only and not event:  # the paragraph under a date alone on its line
                events[-1].extend(sentence, block.line, "\n")
            elif event and events and _restates(events[-1], event):  # "la mission d'octobre
                events[-1].extend(sentence, block.line, "\n\n" if first else " ")  # 2017": the one told
            elif event and headline and len(headline[0].pieces) == 2 \
                    and _restates(headline[0], event, headline=True):
                # the story comes to the event its title announces ("Du 09.05.2024 …", then
                # "… en mai 2023. Un an plus tard, …"): one event, told here, on the title's
                # dates; the date line under the title is set aside as told again
                events.remove(headline[0])
                set_aside.append((headline[1], RESTATED, False))
                events.append(Told(event.label, headline[0].period_label or headline[0].label,
                                   [("", sentence, block.line)]))
                headline = None
            elif event:
                new = Told(event.label, event.resolved, [("", sentence, block.line)])
                if recalled:  # the past recalled ("… l'anniversaire du traité signé à Brühl en
                    # 1964" in the story of a 2014 visit): an event of its own, and the sentence
                    # still tells the event told, where the story goes on
                    events.insert(len(events) - 1, new)
                    events[-1].extend(sentence, block.line, "\n\n" if first else " ")
                else:
                    events.append(new)
                if not signed and agreement(sentence):  # the tie's agreement: what the
                    signed = True  # description says of the partner, and an event
                    story.description.append(Block(block.kind, sentence, block.line))
            elif events:  # the story goes on: the event told last
                events[-1].extend(sentence, block.line, "\n\n" if first else " ")
            else:
                undated.append(sentence)
            first = label_only = False
        if undated:  # before the first event: what the page says of the partner
            story.description.append(Block(block.kind, " ".join(undated), block.line))
    events[:0] = articles  # the site's articles: the partner's first events, told by their titles
    return story


# --- A post's days, in a page of partner sections -------------------------------------------

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
    first = _year_of(period.start_month, _SIDES[side[1]] if side else None, None, published)
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
