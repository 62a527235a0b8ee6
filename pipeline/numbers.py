"""Amounts of money and head counts, written in digits or in French words.

Editors write "300 000€" with a non-breaking space, "€ 5 000", "1,5 million d'euros",
"15 k€", "10.000 euros", "six jeunes", "12 jeunes et 3 animateurs", "près de 300
visiteurs", "une quinzaine de jeunes", "9 cottbusiens", "3 apprenti·es". Each reader
returns a :class:`Quantity` that keeps whether the page gave the number as approximate, so
that "une quinzaine" never becomes a false 15. French number words are read by text2num
rather than by a table of our own; every French word is the lexicon's
(``pipeline/french/lexicon/numbers.toml``, ``people.toml``, ``money.toml``).

A head count is a number and a noun for people, recognised by its form (agent nouns,
demonyms of any place, participles used as nouns; inclusive writing and missing accents
alike), not found in a list of nouns: see :func:`is_people`.

Every pattern is bounded or runs in time linear in the text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from fractions import Fraction
from typing import cast

from text_to_num import alpha2digit, text2num

from .config import config
from .dates import APOSTROPHE, YEAR, find_dates
from .french import lexicon, pattern
from .schemas import vocabulary
from .french.normalise import deaccented, fold
from .text import Caseless, folded, nfc, pattern_key

_NUMBERS = lexicon("numbers")
_PEOPLE = lexicon("people")
_MONEY = lexicon("money")


def _words_pattern(words: list[str]) -> str:
    """An alternation of words, longest first."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@dataclass(frozen=True)
class Quantity:
    value: int
    approx: bool


# The lexicon's number words (numbers.toml): collectives ("une quinzaine de"), words that
# make a number approximate, the morphemes of numbers written in words.
COLLECTIVES: dict[str, int] = dict(_NUMBERS["collectives"])
_WORDS = _NUMBERS["words"]
APPROXIMATE = tuple(pattern(p, apostrophe=APOSTROPHE) for p in _WORDS["approximate"])
_APPROX = r"(?P<approx>(?<!\w)(?:" + "|".join(APPROXIMATE) + r"))\s*"
_DE = pattern(_WORDS["of"], apostrophe=APOSTROPHE)

NUMBER_MORPHEMES = tuple(_NUMBERS["morphemes"])
_MORPHEME = "(?:" + "|".join(NUMBER_MORPHEMES) + r")(?!\w)"
_NUMBER_WORD = (rf"{_MORPHEME}(?:(?:{'|'.join(_NUMBERS['morpheme_joiners'])}){_MORPHEME})"
                r"{0,6}")
# Digits with French thousands ("12 000", "1 200 000", with any space) or dotted ones
# ("10.000"), or plain digits, as many as written; never the tail of a longer number, nor
# an exponent ("1e30", "10^30" are no amount of 30).
_DIGITS = r"(?<![\d,.^])(?<![\d]e)(?:\d{1,3}(?:[\s.]\d{3})+(?!\d)|\d+(?!\d))"

# --- Nouns for people, by their form (people.toml) ---

_INCLUSIVE = lexicon("places")["inclusive"]["endings"]
_ENDINGS = tuple(deaccented(e) for e in [*_PEOPLE["endings"], *_PEOPLE["demonym_endings"]])
_PARTICIPLES = tuple(_PEOPLE["participles"])
_NOT_PARTICIPLES = tuple(_PEOPLE["participle_exceptions"])
_THING_ENDINGS = tuple(deaccented(e) for e in _PEOPLE["thing_endings"])
_CALENDAR = lexicon("calendar")
# Nouns for people that no ending gives; the current town's demonyms are added by
# :func:`_people_nouns` (the town file), asked at each call, so that no town is kept.
# A country's adjective is also its people ("102 allemands", "51 Polonais", "deux
# Italiennes"): the countries' adjectives (countries.toml), masculine and feminine.
_COUNTRY_PEOPLE = [a for names in lexicon("countries")["adjectives"].values() for a in names]
PEOPLE_NOUNS = frozenset(fold(w) for w in [*_PEOPLE["nouns"], *_COUNTRY_PEOPLE,
                                           *(a + _PEOPLE["feminine_mark"] for a in _COUNTRY_PEOPLE)])
NOT_PEOPLE = frozenset(fold(w) for w in [*_PEOPLE["not_people"], *_PEOPLE["adjectives"],
                                         *_CALENDAR["months"],
                                         *_CALENDAR["weekdays"]])
POPULATION_NOUNS = frozenset(fold(w) for w in _PEOPLE["inhabitants"]["nouns"])
QUALIFIERS = frozenset(fold(w) for w in _PEOPLE["words"]["qualifiers"])
SHORTEST_STEM = 2  # letters a noun has before its ending, at least ("lien" is no "-ien")

# A word and its inclusive marks: "lycéen·nes", "animateur.rices", "habitant(e)s",
# "élu.e.s", "apprenti-es"; the base is the word before them.
_TAIL = (rf"(?:[·./-](?:{_words_pattern([deaccented(e) for e in _INCLUSIVE])})(?![^\W\d_])"
         rf"|\((?:{_words_pattern([deaccented(e) for e in _INCLUSIVE])})\)(?:s(?![^\W\d_]))?)")
_NOUN = (rf"(?P<noun>(?P<base>[^\W\d_]{{2,40}}(?:-[^\W\d_]{{2,20}}){{0,2}}){_TAIL}{{0,3}})"
         r"(?![^\W\d_])")
_NEXT_NOUN = re.compile(rf"\s+{_NOUN}")
_INCLUSIVE_MARK = re.compile(r"[·.(/-]")


@cache
def _town_nouns(demonyms: tuple[str, ...]) -> frozenset[str]:
    return PEOPLE_NOUNS | frozenset(fold(d) for d in demonyms)


def _people_nouns() -> frozenset[str]:
    """The nouns for people: the lexicon's and the current town's demonyms."""
    return _town_nouns(config().town.all_demonyms)


def is_people(word: str, written: str | None = None) -> bool:
    """Whether a noun names people, by its form: the endings of agent nouns and demonyms
    (``people.toml``), a participle written with its accent (``written``, the noun as the
    page writes it), a noun for people no ending gives; never a noun of ``not_people``
    (things the endings would take, units, months). ``word`` is :func:`fold` ed, without
    its inclusive marks.

    >>> [is_people(w) for w in ("footballeurs", "choristes", "cottbusiens", "ingenieures",
    ...                         "brandebourgeois", "kines", "marcheurs", "dianguirdeens")]
    [True, True, True, True, True, True, True, True]
    >>> [is_people(w) for w in ("forages", "ordinateurs", "heures", "latrines", "semaines")]
    [False, False, False, False, False]
    >>> is_people("refugies", "réfugiés"), is_people("sorties", "sorties")
    (True, False)
    >>> is_people("sinistre", "sinistré·es"), is_people("concretise", "concrétisé")
    (True, False)
    >>> is_people("sages-femmes"), is_people("saint-denisiens"), is_people("ivry-sur-seine")
    (True, True, False)
    """
    singular = word[:-1] if word.endswith("s") and len(word) > 2 else word
    if word in NOT_PEOPLE or singular in NOT_PEOPLE:
        return False
    nouns = _people_nouns()
    if word in nouns or singular in nouns:
        return True
    if "-" in word:  # a compound ("sages-femmes", "chefs-cuisiniers") or "ami-es"
        parts = word.split("-")
        if len(parts) != 2:  # a place's name ("Ivry-sur-Seine") is no noun for people
            return False
        pieces: list[str | None] = [*written.split("-")] if (
            written is not None and written.count("-") == word.count("-")) else [None, None]
        return any(is_people(part, piece) for part, piece in zip(parts, pieces, strict=True)
                   if len(part) > 2 or part in nouns)
    if singular.endswith(_THING_ENDINGS):
        return False
    if written is not None:
        spelt = written.lower()
        plural = spelt.endswith("s") or bool(_INCLUSIVE_MARK.search(spelt))
        plain = _INCLUSIVE_MARK.split(spelt, maxsplit=1)[0].removesuffix("s")
        if (plural and plain.endswith(_PARTICIPLES) and not plain.endswith(_NOT_PARTICIPLES)
                and len(plain) > SHORTEST_STEM + 1):
            return True
    return any(w.endswith(ending) and len(w) >= len(ending) + SHORTEST_STEM
               for w in {word, singular} for ending in _ENDINGS)


_ONE_NOUN = re.compile(deaccented(_NOUN))


def names_people(written: str) -> bool:
    """Whether a word as the page writes it is a noun for people, inclusive marks and
    accents aside (:func:`is_people` on its folded base): what a reader of movements asks
    of the word before "de <place>" ("danseur·euses de Jérusalem-Est").

    >>> [names_people(w) for w in ("danseur·euses", "élu·es", "Musicien·nes", "pharmacies")]
    [True, True, True, False]
    """
    m = _ONE_NOUN.fullmatch(fold(written))
    return m is not None and is_people(m["base"], written)


# A count starts a word: the engine leaves other places at once.
_COUNT = (rf"(?<!\w)(?:{_APPROX})?(?:(?<!\w)(?:{_WORDS['article'][0]}\s+)?"
          rf"(?P<collective>{'|'.join(COLLECTIVES)})\s+{deaccented(_DE)}"
          rf"|(?P<number>{_DIGITS}|(?<!\w){deaccented(_NUMBER_WORD)})\s+{deaccented(_DE)}?)")
_COUNTED = re.compile(deaccented(f"{_COUNT}{_NOUN}"))
# "des lycéen·nes (12)": the number in brackets after the noun.
_BRACKETED = re.compile(deaccented(
    rf"(?<!\w){_NOUN}\s*\(\s*(?:{_APPROX})?(?P<number>{_DIGITS})\s*\)"))
# What joins two groups counted in one phrase, right after the first group, a few words
# between at most ("12 jeunes et 3 animateurs", "six jeunes brandebourgeois·es, deux élus
# et un interprète"); what joins a group that accompanies the first, later in its sentence
# ("… accompagnés de 3 animateurs", "…, en compagnie de deux animateurs"); then what the
# second group may take ("et de leurs 2 professeures").
_JOINS = [pattern(j, apostrophe=APOSTROPHE) for j in _PEOPLE["words"]["joins"]]
_COMPANIONS = [pattern(j, apostrophe=APOSTROPHE) for j in _PEOPLE["words"]["companions"]]
_SECOND = pattern(_PEOPLE["words"]["second"], apostrophe=APOSTROPHE)
_JOIN = re.compile(deaccented(
    rf"(?:\s+(?!(?:{'|'.join(_JOINS[1:] + _COMPANIONS)}))[^\s,.;:!?()]{{1,30}}){{0,3}}?"
    rf"\s*(?:{'|'.join(_JOINS)})\s*{_SECOND}"))
# "et autant de jeunes": a group as large as the one before it, its noun one for people.
_AS_MANY = re.compile(deaccented(
    rf"(?:{'|'.join(pattern(a, apostrophe=APOSTROPHE) for a in _PEOPLE['words']['as_many'])}){_NOUN}"))
COMPANION_REACH = 120  # characters of the sentence between a group and its companions
_COMPANION = re.compile(deaccented(
    rf"[^.;:!?()\n]{{0,{COMPANION_REACH}}}?(?:{'|'.join(_COMPANIONS)})\s*{_SECOND}"))
# A year is not a head count: "en 2019 jeunes et élus…".
_DATE_BEFORE = re.compile(deaccented(_WORDS["before_year"][0]))
# A population is not a head count: "commune de 18 000 habitants", "elle compte 1 500
# habitants" (people.toml's inhabitants).
_POPULATION = _PEOPLE["inhabitants"]
# A verb of words may have one word after it, or before its "de": "elle compte aujourd'hui
# 1 500 habitants", "peuplée aujourd'hui de 70000 habitants".
_ONE_WORD = r"\s+[^\W\d_]+(?:['’][^\W\d_]+)?\s+"
_VERBS_OF = [v.rsplit(maxsplit=1)[0] for v in _POPULATION["verbs"]  # "peuplée" of "peuplée de"
             if " " in v and re.fullmatch(_DE, v.rsplit(maxsplit=1)[-1] + " ")]
_POPULATION_BEFORE = re.compile(deaccented(
    rf"(?:(?<!\w)(?:{_words_pattern(_POPULATION['places'])})s?(?!\w)[^.;:!?]{{0,60}}?"
    rf"(?<!\w){_DE}|(?<!\w)(?:{_words_pattern(_POPULATION['verbs'])})\s*"
    rf"|(?<!\w)(?:{_words_pattern([v for v in _POPULATION['verbs'] if v.isalpha()])}){_ONE_WORD}"
    rf"|(?<!\w)(?:{_words_pattern(_VERBS_OF)}){_ONE_WORD}{_DE})$"))
_POPULATION_AFTER = re.compile(deaccented(pattern(_POPULATION["after"])))
# The population, subject of the count's sentence: "sa population … atteint 15 000 personnes".
_POPULATION_SUBJECT = re.compile(r"(?<!\w)(?:" + "|".join(
    map(re.escape, (deaccented(w) for w in _POPULATION["subjects"]))) + r")(?!\w)")
# The people a body is made of: "des dix maires que compte ce territoire".
_BODY_AFTER = re.compile(deaccented(pattern(
    _POPULATION["body_after"], apostrophe=APOSTROPHE,
    verbs=_words_pattern([v for v in _POPULATION["verbs"] if v[:1].isalpha()]))))
# The two heads of the twinned towns: "par les deux maires".
_PAIR_BEFORE = re.compile(deaccented(pattern(_PEOPLE["words"]["pair_before"])))
_PAIR_NUMBERS = frozenset(_PEOPLE["words"]["pair_number"])
_SPEAKERS_BEFORE = re.compile(pattern(_PEOPLE["words"]["speakers_before"]))
_PART_BEFORE = re.compile(pattern(_PEOPLE["words"]["part_before"]))
_WANTED_BEFORE = re.compile(pattern(_PEOPLE["words"]["wanted_before"]))
_MEMBERSHIP_BEFORE = re.compile(pattern(_PEOPLE["words"]["membership_before"]))
_MEMBERSHIP_SUBJECT = re.compile(pattern(_PEOPLE["words"]["membership_subjects"]))
_FRACTION_BEFORE = re.compile(deaccented(pattern(_PEOPLE["words"]["fraction_before"])))
_FRACTIONS = {fold(word): parts for word, parts in _PEOPLE["words"]["fractions"].items()}
FRACTION_REACH = 40  # characters before a count read for a share of it ("les deux tiers des")
_ONE_PER_TOWN = frozenset(fold(w) for w in _PEOPLE["words"]["one_per_town"])
# A count said of every year, month or summer is a yearly figure, not the people of one
# event: "les échanges avec Uelzen, auxquels 150 personnes participent chaque année"
# (pipeline/french/lexicon/recurrences.toml).
_RECURRING = re.compile(r"(?<!\w)(?:" + "|".join(
    r"\s+".join(re.escape(deaccented(w)) for w in phrase.split())
    for phrases in lexicon("recurrences").values() for phrase in phrases) + r")(?!\w)")
SENTENCE_MARKS = ".;!?"
# The people a group met: "Nous avons rencontré les maires, deux députés".
_MET_BEFORE = re.compile(pattern(_PEOPLE["words"]["met_before"]), re.IGNORECASE)
# The indefinite article is the number one too: alone it is no head count ("un ami").
_ARTICLE = re.compile(_WORDS["article"][0])
POPULATION_REACH = 90  # characters before a number of inhabitants read for its place

# --- Amounts (money.toml) ---

# No letter follows a word; a footnote mark may ("euros¹", "euros*").
_NOT_LETTER = r"(?![^\W\d_](?<![\u00b2\u00b3\u00b9\u2070-\u2079]))"
_CURRENCY_WORD = pattern(_MONEY["currency"], not_letter=_NOT_LETTER)
_MULTIPLIERS: dict[str, int] = {**_MONEY["multipliers"]["words"], **_MONEY["multipliers"]["symbols"]}
_MULTIPLIER_WORDS = _words_pattern(list(_MONEY["multipliers"]["words"]))
_MULTIPLIER_SYMBOLS = _words_pattern(list(_MONEY["multipliers"]["symbols"]))
_MONEY_OF = pattern(_MONEY["words"]["of"], apostrophe=APOSTROPHE)
_EUROS = Caseless.compile(
    rf"(?:{_APPROX})?(?P<number>{_DIGITS}(?:[,.]\d{{1,2}}(?!\d))?|(?<!\w){_NUMBER_WORD})\s*"
    rf"(?:(?P<word>{_MULTIPLIER_WORDS})\s+{_MONEY_OF}?(?={_CURRENCY_WORD})"
    rf"|(?P<symbol>{_MULTIPLIER_SYMBOLS})\s*(?=€))?"
    rf"{_CURRENCY_WORD}"
    # the sign or word before the number: "€ 5 000", "EUR 1,5 million"
    rf"|{pattern(_MONEY['currency_before'], not_letter=_NOT_LETTER)}\s*"
    # (after the sign, commas that group thousands in the English way: "€8,500")
    rf"(?P<after>\d{{1,3}}(?:,\d{{3}})+(?!\d|,\d)|{_DIGITS}(?:[,.]\d{{1,2}}(?!\d))?)"
    rf"(?:\s*(?P<after_word>{_MULTIPLIER_WORDS})(?!\w))?",
)
# The sign or word of the currency right before a number ("€ 6 000 supplémentaires"): the
# number is an amount, never a head count.
_CURRENCY_BEFORE = re.compile(rf"{pattern(_MONEY['currency_before'], not_letter=_NOT_LETTER)}\s*$",
                              re.IGNORECASE)
CURRENCY_REACH = 6  # characters before a number looked at for the currency's sign or word
_CURRENCY = Caseless.compile(pattern(_MONEY["currency_hint"]))  # a quick look first
_CENTS = re.compile(r"[,.](\d{1,2})$")
_GROUPED = re.compile(r",(?=\d{3}(?:,|$))")  # a comma grouping thousands after a sign: "€8,500"


def read_number(word: str) -> int | None:
    """An integer written in digits (French thousands allowed) or in French words, or ``None``.

    >>> read_number("six"), read_number("50"), read_number("vingt-deux"), read_number("des")
    (6, 50, 22, None)
    >>> read_number("12\u202f000"), read_number("10.000"), read_number("cinq cent mille")
    (12000, 10000, 500000)
    """
    digits = re.sub(r"[\s.]", "", word)
    if digits.isdigit():
        return int(digits)
    try:
        return int(text2num(re.sub(r"\s+", " ", word.lower()), "fr"))
    except ValueError:
        return None


def amount_eur(text: str) -> Quantity | None:
    """The first amount in euros in ``text``, rounded to the euro.

    >>> amount_eur("la rénovation du dispensaire est estimée à 250\u00a0000€ au total")
    Quantity(value=250000, approx=False)
    >>> amount_eur("un budget d’environ 1,5 million d’euros"), amount_eur("soit 15 k€")
    (Quantity(value=1500000, approx=True), Quantity(value=15000, approx=False))
    """
    found = _first_euros(*folded(text))
    return found[1] if found else None


def amount(text: str) -> tuple[Quantity, str] | None:
    """The first amount in euros in ``text`` (:func:`amount_eur`) and its kind
    (:func:`amount_kind`), the amount read once.

    >>> amount("la Ville a versé une subvention de 3 000 € au comité")
    (Quantity(value=3000, approx=False), 'grant')
    """
    text, lowered = folded(text)
    found = _first_euros(text, lowered)
    return (found[1], _kind(text, lowered, found[0].span())) if found else None


_TIMES = Caseless.compile(
    rf"(?<!\w)(?P<factor>\d{{1,3}}|{_NUMBER_WORD})\s*{_MONEY['words']['times']}\s*$")
_MONEY_RESTATED = Caseless.compile(
    rf"[^.;!?\n]*?(?:{'|'.join(_MONEY['words']['restatement'])})(?:{_APPROX})?$")
_RATE = Caseless.compile("|".join(_MONEY["words"]["rate"]))
TIMES_REACH = 12  # characters before an amount read for a count of payments


def _first_euros(text: str, lowered: bool) -> tuple[re.Match[str], Quantity] | None:
    """The first amount in euros of a :func:`folded` text, where it is written and its
    value: times a count of payments written before it ("2 x 1 500 €" is 3 000 €), or
    the total a later amount of its sentence restates ("5 000 € par an …, soit 15 000 €
    au total")."""
    found = _euros(text, lowered)
    first = next(found, None)
    if first is None:
        return None
    m, value = first
    times = _TIMES.on(lowered).search(text[max(0, m.start() - TIMES_REACH):m.start()])
    factor = read_number(times["factor"]) if times else None
    if factor:
        value = Quantity(value.value * factor, value.approx)
    for later, total in found:
        if _MONEY_RESTATED.on(lowered).fullmatch(text, m.end(), later.start()) \
                and not _RATE.on(lowered).match(text, later.end()):  # "(soit 1 333 € par an)"
            return later, total
        break
    return m, value


def _euros(text: str, lowered: bool) -> Iterator[tuple[re.Match[str], Quantity]]:
    """Every amount in euros of a :func:`folded` text, in order: where and how much."""
    if not _CURRENCY.on(lowered).search(text):
        return
    for m in _EUROS.on(lowered).finditer(text):
        number = m["number"] or (_GROUPED.sub("", m["after"]) if m["after"] else "")
        # cents after a comma, or after a full stop in the English way ("1250.50 €"); a
        # full stop before three digits groups thousands ("10.000 euros")
        cents = _CENTS.search(number) if number[:1].isdigit() else None
        whole, decimals = (number[:cents.start()], cents[1]) if cents else (number, "")
        value = read_number(whole)
        if value is None:
            continue
        factor = m["word"] or m["symbol"] or m["after_word"]
        multiplier = _MULTIPLIERS[pattern_key(factor)] if factor else 1
        # exact arithmetic on integers and fractions: no digit of a long number is lost,
        # and the cents round half up to the euro
        exact = (value + Fraction(int(decimals), 10 ** len(decimals)) if decimals else value) * multiplier
        rounded = math.floor(exact + Fraction(1, 2)) if decimals else int(exact)
        yield m, Quantity(rounded, bool(m["approx"]))


# What kind of amount the page gives, from the kinds of words around it: each kind with
# the stems that say it (accents optional). The codes are the schema's ``amount_kind``
# vocabulary, checked against it here; an amount no word qualifies is ``OTHER_AMOUNT``.
AMOUNT_CUES: dict[str, str] = {kind: pattern(cue) for kind, cue in _MONEY["kinds"].items()}
OTHER_AMOUNT = "other"
AMOUNT_KINDS = vocabulary("actions", "amount_kind", [*AMOUNT_CUES, OTHER_AMOUNT])
_AMOUNT_CUE = Caseless.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<{kind}>{cue})" for kind, cue in AMOUNT_CUES.items()) + r")(?!\w)")
# Money given (a share, a grant, a gift) that the clause says was asked for, not obtained:
# "une demande de subvention de …", "a sollicité un cofinancement de …".
_GIVEN = {"contribution", "grant", "donation", "budget"}
_SOUGHT = Caseless.compile(AMOUNT_CUES["funding_sought"])
SOUGHT_REACH = 20  # characters between "demande" and the word for the money asked for
# A clause ends at a sentence's end or a "mais"; the words of the next one say nothing of
# the amount ("chiffré à 300 000 € mais les demandes de cofinancements…").
_CLAUSE_END = Caseless.compile(pattern(_MONEY["clauses"]["end"]))
KIND_BEFORE, KIND_AFTER = 160, 60  # characters of the clause read before and after the amount


def amount_kind(text: str) -> str | None:
    """What kind of amount the first amount in euros of ``text`` is: the code of the
    nearest word of a kind before it in its clause ("subvention", "coût", "budget"…), else
    the first one after it, else ``other``; ``None`` without an amount. Money given that
    the clause says was asked for ("une demande de subvention de") is ``funding_sought``.

    >>> amount_kind("après études, le coût des travaux a été estimé à 80 000 € mais aucun financement")
    'estimated_cost'
    >>> amount_kind("la Ville a versé une subvention de 3 000 € au comité")
    'grant'
    >>> amount_kind("une demande de subvention de 20 000 € a été déposée")
    'funding_sought'
    >>> amount_kind("soit 2 500 € de matériel"), amount_kind("six jeunes accueillis")
    ('other', None)
    """
    found = amount(text)
    return found[1] if found else None


def _kind(text: str, lowered: bool, span: tuple[int, int]) -> str:
    """The kind of the amount written at ``span`` of a :func:`folded` text."""
    start, end = span
    clause_end, cue_at = _CLAUSE_END.on(lowered), _AMOUNT_CUE.on(lowered)
    low = max(0, start - KIND_BEFORE)
    clause_start = max((m.end() for m in clause_end.finditer(text, low, start)), default=low)
    cues = list(cue_at.finditer(text, clause_start, start))
    if cues:
        cue = cues[-1]
        kind = cast(str, cue.lastgroup)
        if kind in _GIVEN and _SOUGHT.on(lowered).search(
                text, max(clause_start, cue.start() - SOUGHT_REACH), cue.start()):
            return "funding_sought"
        return kind
    stop = clause_end.search(text, end, end + KIND_AFTER)
    after = cue_at.search(text, end, stop.start() if stop else end + KIND_AFTER)
    return cast(str, after.lastgroup) if after else OTHER_AMOUNT


DATE_REACH = 40  # characters before a year looked at for the date it ends


def _year_of_a_date(text: str, start: int, end: int) -> bool:
    """Whether the year at ``start:end`` of ``text`` opens it (an entry's label kept at the
    head of its text: "2009 Citoyen d'honneur • …") or ends a date written before it
    ("févr. 2020 Essais de forage", "du 3 au 5 mai 2019 élèves"): a date, no head count.

    >>> _year_of_a_date("fevr. 2020 essais de forage", 6, 10), _year_of_a_date("visite 2020 eleves", 7, 11)
    (True, False)
    """
    if not text[:start].strip():
        return True
    window = max(0, start - DATE_REACH)
    return any(f.end == end - window and f.start < start - window
               for f in find_dates(text[window:end]))


def _counted(text: str, composed: str, m: re.Match[str], first: bool = True,
             once: bool = False) -> tuple[Quantity, int] | None:
    """The head count a match of :data:`_COUNTED` or :data:`_BRACKETED` gives in a
    :func:`fold` ed ``text`` (``composed``: the same text as written, one character for
    one), and where it ends; ``None`` when it counts no people, or a year, or a population,
    or when the ``first`` group of a phrase is counted by an article ("un ami"), or people
    not taking part (:func:`_not_taking_part`; a figure of every year too, for an event
    that happened ``once``).
    """
    base, end = m["base"], m.end()
    if "\n\n" in text[m.start():m.start("base")]:  # a number ends its paragraph ("… en annexe
        return None  # 4", then "Christine Chauvineau, conseillère …"): it counts nothing below
    written = composed[m.start("base"):m.end("noun")]
    if not is_people(base, written):
        if base not in QUALIFIERS:  # "trois autres animateurs"
            return None
        after = _NEXT_NOUN.match(text, m.end())
        if after is None or not is_people(after["base"], composed[after.start("base"):after.end("noun")]):
            return None
        base, end = after["base"], after.end()
    if m["collective"] if "collective" in m.re.groupindex else None:
        if _not_taking_part(text, m.start("collective"), end, base, once, composed):
            return None
        return Quantity(COLLECTIVES[m["collective"]], True), end
    number = m["number"]
    if m.re is _BRACKETED and re.fullmatch(YEAR, number):  # "habitants (2018)": a date
        return None
    if re.fullmatch(YEAR, number) and _DATE_BEFORE.search(
            text, max(0, m.start("number") - 12), m.start("number")):
        return None
    if re.fullmatch(YEAR, number) and _year_of_a_date(text, m.start("number"), m.end("number")):
        return None
    singular = base[:-1] if base.endswith("s") else base
    if (base in POPULATION_NOUNS or singular in POPULATION_NOUNS) and _POPULATION_BEFORE.search(
            text, max(0, m.start() - POPULATION_REACH), m.start()):
        return None
    if (base in POPULATION_NOUNS or singular in POPULATION_NOUNS) and _POPULATION_AFTER.match(text, end):
        return None
    if first and _ARTICLE.fullmatch(number):
        return None
    if _CURRENCY_BEFORE.search(text, max(0, m.start("number") - CURRENCY_REACH), m.start("number")):
        return None
    if _not_taking_part(text, m.start("number"), end, base, once, composed):
        return None
    value = read_number(number)
    return (Quantity(value, bool(m["approx"])), end) if value is not None else None


SAID_REACH = 60  # characters before a count looked at for a verb of saying or of membership


def _not_taking_part(text: str, start: int, end: int, base: str, once: bool = False,
                     composed: str | None = None) -> bool:
    """The people counted from ``start`` to ``end`` of a folded ``text`` are not a group
    taking part in the event: the people a body is made of ("cinq des dix maires que
    compte ce territoire"), the two heads of the twinned towns ("paraphée par les deux
    maires"), the people met ("Nous avons rencontré les maires, deux députés": in
    ``composed``, the text as written, whose accents tell the participle from the noun
    "rencontre"), the speakers of a quote ("…, expliquent les deux femmes"), a part of a
    group named in brackets ("les élus (dont deux députés)", ``part_before``), the members of
    a body told by its verb ("Le comité compte 35 familles", ``membership_before``), or, for
    an event that happened ``once`` (on a day, in a month), a figure
    said of every year ("auxquels 150 personnes participent chaque année"); an entry of
    several years keeps it ("2003-2014 : accueil de six jeunes chaque année").

    >>> _not_taking_part("des dix maires que compte ce cercle", 4, 14, "maires")
    True
    >>> _not_taking_part("par les deux maires", 8, 19, "maires")
    True
    >>> _not_taking_part("par deux maires", 4, 15, "maires")
    False
    >>> _not_taking_part("», expliquent les deux femmes", 18, 29, "femmes")
    True
    >>> _not_taking_part("le comite compte 35 familles", 17, 28, "familles")
    True
    >>> _not_taking_part("avec les elus (dont deux deputes)", 20, 32, "deputes")
    True
    >>> _not_taking_part("il me manque cinq familles d'accueil", 13, 26, "familles")
    True
    >>> _not_taking_part("la delegation comptait 12 personnes", 23, 35, "personnes")
    False
    >>> yearly = "150 personnes viennent chaque annee"
    >>> _not_taking_part(yearly, 0, 13, "personnes", once=True), _not_taking_part(yearly, 0, 13, "personnes")
    (True, False)
    """
    if _BODY_AFTER.match(text, end):
        return True
    singular = base[:-1] if base.endswith("s") else base
    if (singular in _ONE_PER_TOWN and text[start:].split(None, 1)[0] in _PAIR_NUMBERS
            and _PAIR_BEFORE.search(text, max(0, start - 12), start)):
        return True
    opens = max(text.rfind(mark, 0, start) for mark in SENTENCE_MARKS) + 1
    if composed is not None and _MET_BEFORE.search(composed, opens, start):
        return True
    before = text[max(opens, start - SAID_REACH):start]
    if _POPULATION_SUBJECT.search(text, opens, start):
        return True  # "sa population se multiplie pour atteindre près de 15 000 personnes"
    if _SPEAKERS_BEFORE.search(before) or _PART_BEFORE.search(before) or _WANTED_BEFORE.search(before) or (
            _MEMBERSHIP_BEFORE.search(before)
            and _MEMBERSHIP_SUBJECT.match(text, max(opens, text.rfind(",", opens, start) + 1), start)):
        return True  # "…, expliquent les deux femmes"; "Le comité compte 35 familles"
    if not once:
        return False
    closes = min((at for mark in SENTENCE_MARKS if (at := text.find(mark, end)) >= 0), default=len(text))
    return _RECURRING.search(text, opens, closes) is not None


def participants(text: str, once: bool = False) -> Quantity | None:
    """The first head count in ``text``: a number, then (maybe "de") a noun for people
    (:func:`is_people`), or such a noun and the number in brackets; groups counted in one
    phrase ("12 jeunes et 3 animateurs", "… en compagnie de deux animateurs") are added up,
    and the sum is approximate when one of them is. A town's population ("commune de
    18 000 habitants") is not a head count.

    >>> participants("accueil de sept jeunes footballeur·ses pendant le tournoi")
    Quantity(value=7, approx=False)
    >>> participants("séjour d’une quinzaine de jeunes et 3 animateurs")
    Quantity(value=18, approx=True)
    >>> participants("accueil de 9 lycéennes et de leurs 2 professeures")
    Quantity(value=11, approx=False)
    >>> participants("construction de 12 latrines et de 3 puits") is None
    True
    >>> participants("huit jeunes ivryens et autant de jeunes allemands, encadrés par deux éducateurs")
    Quantity(value=18, approx=False)
    >>> participants("mission de trois ingénieurs à Dianguirdé, commune de 18 000 habitants")
    Quantity(value=3, approx=False)
    >>> participants("réunis de 2015 à 2018 plusieurs jeunes"), participants("envoi de 3 échographes")
    (None, None)
    """
    composed = nfc(text)
    return _participants(fold(composed), composed, once)


_WE_WERE = re.compile(deaccented(_PEOPLE["words"]["we_were"][0]))
# the same words anywhere in a text: most entries hold none, and are read past at once
_WE_WERE_ANYWHERE = re.compile(deaccented(_PEOPLE["words"]["we_were"][0].removesuffix("$")))
_SAID_COUNT = re.compile(deaccented(
    rf"(?:{_APPROX})?(?:(?:{_WORDS['article'][0]}\s+)?(?P<collective>{'|'.join(COLLECTIVES)})"
    rf"(?=[\s,.;:!?)]|$)|(?P<number>{_DIGITS}|{_NUMBER_WORD}))"))
_COUNT_END = re.compile(r"\s*(?:[,.;:!?)]|$|(?:" + "|".join(
    re.escape(deaccented(w)) for w in _PEOPLE["words"]["count_followers"]) + r")(?!\w))")


def _we_were(text: str) -> tuple[Quantity, int] | None:
    """A count told of the story's group with no noun: "Nous étions 4 pour cette
    mission", "ils étaient une trentaine à faire le voyage" (people.toml ``we_were``).

    >>> _we_were("nous etions 4 pour cette 3eme mission")
    (Quantity(value=4, approx=False), 13)
    >>> _we_were("ils etaient une trentaine a faire le voyage")[0]
    Quantity(value=30, approx=True)
    >>> _we_were("nous sommes 3 ans plus tard") is None
    True
    """
    if not _WE_WERE_ANYWHERE.search(text):
        return None
    for number in _SAID_COUNT.finditer(text):
        if not _WE_WERE.search(text[max(0, number.start() - 40):number.start()]):
            continue
        if not _COUNT_END.match(text, number.end()):
            continue
        if number["number"]:
            value = read_number(number["number"])
            return (Quantity(value, bool(number["approx"])), number.end()) if value else None
        return Quantity(COLLECTIVES[number["collective"]], True), number.end()
    return None


def _first_group(text: str, composed: str, once: bool = False) -> tuple[Quantity, int] | None:
    """The first group counted in ``text`` and where it ends. A reading that counts nothing
    gives way from its noun on, which may be a count itself: "Dès janvier 1990 quatre
    Villards se rendent …" reads "1990 quatre", no people, then "quatre Villards"."""
    found, at = None, 0
    while (m := _COUNTED.search(text, at)) is not None:
        found = _counted(text, composed, m, once=once)
        if found:
            found = _share_of(text, m.start(), found)
            break
        at = m.start("base") if m.start("base") > m.start() else m.end()
    for b in _BRACKETED.finditer(text, 0, found[1] if found else len(text)) if "(" in text else ():
        counted = _counted(text, composed, b, once=once)
        if counted:
            return counted
    return found or _we_were(text)


def _share_of(text: str, start: int, found: tuple[Quantity, int]) -> tuple[Quantity, int]:
    """The count ``found`` at ``start``, or the share of it a fraction right before it
    names ("la moitié des 40 élèves" are 20), rounded to a whole person."""
    share = _FRACTION_BEFORE.search(text, max(0, start - FRACTION_REACH), start)
    if share is None:
        return found
    times = read_number(share["times"]) if share["times"] else 1
    value = Fraction(found[0].value * (times or 1), _FRACTIONS[share["share"]])
    return Quantity(math.floor(value + Fraction(1, 2)), found[0].approx), found[1]


# "deux classes de 25 élèves": a number of groups, then the count of one group.
_GROUPS_OF = re.compile(deaccented(
    rf"(?<!\w)(?P<groups>{_DIGITS}|{_NUMBER_WORD})\s+(?:{_words_pattern(_PEOPLE['words']['groups'])})s?"
    rf"\s+{_DE}(?=\s*(?:{_DIGITS}|{_NUMBER_WORD})\s)"))
# "4 familles, soit 17 personnes": the count restated as a total, in the same sentence.
_RESTATEMENT = "|".join(pattern(r, apostrophe=APOSTROPHE) for r in _PEOPLE["words"]["restatement"])
_PEOPLE_RESTATED = re.compile(deaccented(rf"[^.;!?\n]*?(?:{_RESTATEMENT})"))


def _times_groups(text: str, composed: str, count: Quantity, end: int) -> Quantity:
    """The first group's count times the number of groups it is one of ("deux classes
    de 25 élèves" are 50)."""
    for g in _GROUPS_OF.finditer(text, 0, end):
        inner = _COUNTED.match(text, g.end())
        counted = _counted(text, composed, inner, first=False) if inner else None
        groups = read_number(g["groups"])
        if counted and counted[1] == end and groups:
            return Quantity(count.value * groups, count.approx)
    return count


def _restated(text: str, composed: str, end: int) -> Quantity | None:
    """A count restated as a total after the groups, in their sentence ("…, soit 17
    personnes")."""
    said = _PEOPLE_RESTATED.match(text, end)
    inner = _COUNTED.match(text, said.end()) if said else None
    counted = _counted(text, composed, inner, first=False) if inner else None
    return counted[0] if counted else None


def _participants(text: str, composed: str, once: bool = False) -> Quantity | None:
    first = _first_group(text, composed, once)
    if first is None:
        return None
    counted = _times_groups(text, composed, first[0], first[1])
    (total, approx), end = (counted.value, counted.approx), first[1]
    last = counted.value  # the group counted last, which "autant de" repeats
    for _ in range(20):  # a phrase names a handful of groups at most
        more = None
        for join_at in (_JOIN, _COMPANION):
            join = join_at.match(text, end)
            m = _COUNTED.match(text, join.end()) if join else None
            more = _counted(text, composed, m, first=False) if m else None
            if more:
                break
            same = _AS_MANY.match(text, join.end()) if join and join_at is _JOIN else None
            if same and is_people(same["base"], composed[same.start("base"):same.end("noun")]):
                more = Quantity(last, False), same.end()
                break
        if more is None:
            break
        total, approx, end = total + more[0].value, approx or more[0].approx, more[1]
        last = more[0].value
    return _restated(text, composed, end) or Quantity(total, approx)


_AGE_NUMBER = rf"\d{{1,3}}|{_NUMBER_WORD}"
_AGES = [Caseless.compile(pattern(form, low=f"(?P<low>{_AGE_NUMBER})", high=f"(?P<high>{_AGE_NUMBER})",
                                  age=f"(?P<age>{_AGE_NUMBER})")) for form in _WORDS["ages"]]
OLDEST = 120  # years: a bound above it is no age
_UNIT_DAYS: dict[str, int] = dict(_NUMBERS["durations"])
_DURATION = Caseless.compile(
    rf"(?<![\w])(?P<number>{_DIGITS}|{_NUMBER_WORD})\s+(?P<unit>{_words_pattern(list(_UNIT_DAYS))})\b")


def age_range(text: str) -> tuple[int, int] | None:
    """The first ages ("de 13 à 15 ans", "les 16-18 ans", "âgé·es de 16 ans") in ``text``.

    >>> age_range("un atelier pour douze collégien·nes de 11 à 14 ans")
    (11, 14)
    >>> age_range("les 16-18 ans du club"), age_range("8 jeunes âgé·es de 16 ans")
    ((16, 18), (16, 16))
    """
    return _age_range(*folded(text))


def _age_range(text: str, lowered: bool) -> tuple[int, int] | None:
    """The ages of the first form of the lexicon's ``ages`` found in the text (the
    earliest), a bound read in digits or in words; a range whose bounds are no ages
    (reversed, above :data:`OLDEST`) is none."""
    found = [m for form in _AGES if not form.absent(text, lowered) for m in form.on(lowered).finditer(text)]
    for m in sorted(found, key=lambda m: m.start()):
        groups = m.groupdict()
        low, high = (groups["age"], groups["age"]) if groups.get("age") else (groups["low"], groups["high"])
        ages = read_number(low), read_number(high)
        if ages[0] is not None and ages[1] is not None and ages[0] <= ages[1] <= OLDEST:
            return ages[0], ages[1]
    return None


def duration_days(text: str) -> int | None:
    """The first duration in ``text``, in days ("trois semaines" 21, "30 jours" 30).

    A month counts 30 days; "le mois de juillet" names a month, it is not a duration.

    >>> duration_days("un chantier de deux semaines"), duration_days("une exposition de 45 jours")
    (14, 45)
    >>> duration_days("pendant le mois d’août") is None
    True
    """
    return _duration_days(*folded(text))


def _duration_days(text: str, lowered: bool) -> int | None:
    if _DURATION.absent(text, lowered):
        return None  # no word of a unit (:meth:`Caseless.absent`)
    for m in _DURATION.on(lowered).finditer(text):
        value = read_number(m["number"])
        if value is not None:
            return value * _UNIT_DAYS[pattern_key(m["unit"])]
    return None


@dataclass(frozen=True)
class Figures:
    """The numbers an entry gives."""

    amount: Quantity | None
    amount_kind: str | None
    participants: Quantity | None
    ages: tuple[int, int] | None
    duration_days: int | None


def figures(text: str, once: bool = False) -> Figures:
    """Every number of an entry, each read once, from a text lowercased once; ``once``:
    the entry happened on a day or in a month, so a figure of every year is not its head
    count.

    >>> found = figures("Une aide de 3 000 € pour une quinzaine de jeunes de 11 à 14 ans, deux semaines")
    >>> found.amount, found.amount_kind, found.participants
    (Quantity(value=3000, approx=False), 'grant', Quantity(value=15, approx=True))
    >>> found.ages, found.duration_days
    ((11, 14), 14)
    """
    read = folded(text)
    euros = _first_euros(*read)
    composed = nfc(text)
    return Figures(
        amount=euros[1] if euros else None,
        amount_kind=_kind(*read, euros[0].span()) if euros else None,
        participants=_participants(fold(composed), composed, once),
        ages=_age_range(*read),
        duration_days=_duration_days(*read),
    )


def ordinal(word: str) -> int | None:
    """The number an ordinal in words stands for ("soixantième", "vingt-cinquième", or
    folded: "soixantieme"), read by text2num's ordinals; ``None`` for any other word.

    >>> ordinal("soixantième"), ordinal("vingt-cinquieme"), ordinal("dernière")
    (60, 25, None)
    """
    word = re.sub(_FOLDED_ORDINAL, _ORDINAL_ENDING, word)
    found = re.fullmatch(r"(\d+)\D*", alpha2digit(word, "fr").strip())
    return int(found.group(1)) if found else None


_ORDINAL_ENDING = lexicon("numbers")["ordinal_ending"]
_FOLDED_ORDINAL = re.escape(fold(_ORDINAL_ENDING)) + "$"  # the ending as folded text writes it
