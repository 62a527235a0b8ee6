"""Amounts of money and head counts, written in digits or in French words.

Editors write "300 000€" with a non-breaking space, "1,5 million d'euros", "15 k€",
"10.000 euros", "six jeunes", "12 jeunes et 3 animateurs", "près de 300 visiteurs", "une
quinzaine de jeunes". Each reader returns a :class:`Quantity` that keeps whether the page
gave the number as approximate, so that "une quinzaine" never becomes a false 15. French
number words are read by text2num rather than by a table of our own.

Every pattern is bounded and runs in time linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import cast

from text_to_num import text2num

from .config import config
from .dates import YEAR
from .schemas import vocabulary
from .text import Caseless, folded, nfc, pattern_key


@dataclass(frozen=True)
class Quantity:
    value: int
    approx: bool


# "une quinzaine de jeunes": collective nouns that mean "about N".
COLLECTIVES = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "millier": 1000,
}
# Words that make a number approximate: it is about the number ("environ", "près de",
# "quelque"), or a bound of it ("plus de", "au moins", "moins de", "jusqu'à"). The number
# is kept as written and flagged; it is never turned into an estimate.
APPROXIMATE = (
    r"environ", r"env\.", r"près\s+de", r"presque", r"quasiment", r"quelque", r"autour\s+de",
    r"de\s+l['’]ordre\s+d[e'’]", r"à\s+peu\s+près", r"approximativement",
    r"(?:un\s+peu\s+)?plus\s+d[e'’]", r"(?:un\s+peu\s+)?moins\s+d[e'’]",
    r"pas\s+moins\s+d[e'’]", r"au\s+moins", r"jusqu['’]à", r"~",
)
_APPROX = r"(?P<approx>(?<!\w)(?:" + "|".join(APPROXIMATE) + r"))\s*"

# Words that name people taking part, by their stem, so that "lycéen·nes", "lycéens" and
# "lycéennes" all count. Counts of wells, pumps or villages are not participants.
PEOPLE_STEMS = (
    "jeune", "enfant", "élève", "écolier", "lycéen", "collégien", "adolescent", "ado",
    "étudiant", "stagiaire", "personne", "habitant", "citoyen", "visiteur", "spectat",
    "musicien", "artiste", "chanteu", "danseu", "comédien", "agent", "salarié", "technicien",
    "élu", "maire", "conseill", "délégué", "représentant", "responsable", "membre", "famille",
    "femme", "homme", "fille", "garçon", "artisan", "agricult", "paysan", "bénévole",
    "volontaire", "sporti", "joueu", "athlète", "animat", "accompagnat", "encadrant",
    "enseignant", "professeur", "médecin", "soignant", "participant", "militant", "réfugié",
    "invité", "interprète", "traduct", "formateur", "formatrice", "chercheu", "journaliste",
    "éducat", "entraîneu", "entraineu", "parent",
)
# People are also the town's own, by its demonym ("une vingtaine d'ivryen·nes", city.toml).
_PEOPLE = ("(?:" + "|".join([*PEOPLE_STEMS, re.escape(config().town.demonym.lower())])
           + r")[\w·]{0,12}(?:\.[^\W\d_]{1,6}(?!\w))?")
_DE = r"(?:de\s+|d['’]\s*)"

# The morphemes French numbers are written with: only words made of them are handed to
# text2num, which reads them (a word such as "des" never reaches it).
NUMBER_MORPHEMES = ("une", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
                    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingts",
                    "vingt", "trente", "quarante", "cinquante", "soixante", "cents", "cent",
                    "mille")
_MORPHEME = "(?:" + "|".join(NUMBER_MORPHEMES) + r")(?!\w)"
_NUMBER_WORD = rf"{_MORPHEME}(?:(?:-|\s+|-et-|\s+et\s+){_MORPHEME}){{0,6}}"
# Digits with French thousands ("12 000", "1 200 000", with any space) or dotted ones
# ("10.000"), or plain digits; never the tail of a longer number.
_DIGITS = r"(?<![\d,.])(?:\d{1,3}(?:[\s.]\d{3}){1,4}(?!\d)|\d{1,12}(?!\d))"

_COUNT = (rf"(?:{_APPROX})?(?:(?P<number>{_DIGITS}|(?<!\w){_NUMBER_WORD})\s+{_DE}?"
          rf"|(?<!\w)(?:une?\s+)?(?P<collective>{'|'.join(COLLECTIVES)})\s+{_DE})")
_COUNTED = Caseless.compile(rf"{_COUNT}(?P<people>{_PEOPLE})")
# What joins two groups counted in one phrase: "12 jeunes et 3 animateurs",
# "six jeunes brandebourgeois·es, deux élus et un interprète", "… accompagnés de 3
# animateurs", "encadrés par 2 animateurs"; the second group may take the "de" of the
# first ("accueil de 8 collégiens et de 2 enseignants") and a determiner ("et de leurs 2
# professeures", "ainsi que les 3 animateurs").
_JOIN = Caseless.compile(
    r"(?:\s+(?!et\b|ainsi\b|accompagn|encadr)[^\s,.;:!?()]{1,30}){0,3}?"
    r"\s*(?:,|\bet\b|\bainsi\s+que\b|\b(?:accompagn|encadr)[\w·.]{0,8}\s+(?:de|d['’]|par))\s*"
    r"(?:(?:de|des|par)\s+|d['’]\s*)?(?:(?:leurs?|ses|sa|son|les|nos|vos)\s+)?",
)
# A year is not a head count: "en 2019 jeunes et élus…".
_DATE_BEFORE = Caseless.compile(r"(?:\ben|\bdepuis|\bdès|\bannée)\s+$")

_MULTIPLIERS = {"million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9,
                "mille": 1000, "k": 1000, "m": 10**6, "md": 10**9, "mds": 10**9}
_EUROS = Caseless.compile(
    rf"(?:{_APPROX})?(?P<number>{_DIGITS}(?:,\d{{1,2}}(?!\d))?|(?<!\w){_NUMBER_WORD})\s*"
    r"(?:(?P<word>millions?|milliards?|mille)\s+(?:d['’]\s*|de\s+)?(?=€|euros?\b|eur\b)"
    r"|(?P<symbol>k|m|md|mds)\s*(?=€))?"
    r"(?:€|euros?\b|eur\b)",
)
_CURRENCY = Caseless.compile(r"€|\beur")  # a quick look before the full pattern


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


def _first_euros(text: str, lowered: bool) -> tuple[re.Match[str], Quantity] | None:
    """The first amount in euros of a :func:`folded` text: where it is written, and its
    value."""
    if not _CURRENCY.on(lowered).search(text):
        return None
    for m in _EUROS.on(lowered).finditer(text):
        number = m["number"]
        whole, _, decimals = number.partition(",") if number[:1].isdigit() else (number, "", "")
        value = read_number(whole)
        if value is None:
            continue
        amount = Decimal(value) + (Decimal("0." + decimals) if decimals else 0)
        multiplier = _MULTIPLIERS[pattern_key(m["word"] or m["symbol"] or "")] if (
            m["word"] or m["symbol"]) else 1
        rounded = int((amount * multiplier).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        return m, Quantity(rounded, bool(m["approx"]))
    return None


# What kind of amount the page gives, from the kinds of words around it: each kind with
# the stems that say it (accents optional). The codes are the schema's ``amount_kind``
# vocabulary, checked against it here; an amount no word qualifies is ``OTHER_AMOUNT``.
AMOUNT_CUES: dict[str, str] = {
    "estimated_cost": r"chiffr(?:é|e|age)\w{0,3}|estim\w{0,7}|(?:é|e)valu(?:é|e|ation)\w{0,2}"
                      r"|devis|co(?:û|u)ts?\s+pr(?:é|e)(?:visionnel|vu)\w{0,3}",
    "cost": r"co(?:û|u)t\w{0,5}|d(?:é|e)pens\w{0,6}|achat\w{0,2}|achet\w{0,5}|acquisition\w?"
            r"|investi\w{0,8}",
    "budget": r"budg(?:é|e)t\w{0,6}|enveloppe\w?|dot(?:é|e)e?s?",
    "contribution": r"particip(?!ant)\w{0,8}|contribu\w{0,6}|apport\w{0,2}"
                    r"|(?:co-?)?financ(?:é|e|ée|és|ées|ement|ements|er|ent)|prise?\s+en\s+charge",
    "grant": r"subvention\w{0,5}|aides?|allocation\w?|dotation\w?|bourses?"
             r"|(?:vers|allou|accord|octroy|attribu)(?:é|ée|és|ées|ement)",
    "donation": r"dons?|donation\w?|collect(?:e|es|é|ée|és|ées)|r(?:é|e)colt\w{0,5}|recettes?"
                r"|souscription\w?|cagnotte\w?|lev(?:é|e)e?s?\s+de\s+fonds"
                r"|rapport(?:é|ée|és|ées|ant|ent)",
    "funding_sought": r"demand\w{0,5}|sollicit\w{0,5}",
}
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
_CLAUSE_END = Caseless.compile(r"[.!?;…](?=\s|$)|\n|(?<!\w)mais(?!\w)")
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


def _count(m: re.Match[str], lowered: bool) -> Quantity | None:
    if m["collective"]:
        return Quantity(COLLECTIVES[pattern_key(m["collective"])], True)
    if re.fullmatch(YEAR, m["number"]) and _DATE_BEFORE.on(lowered).search(
            m.string, max(0, m.start("number") - 12), m.start("number")):
        return None
    value = read_number(m["number"])
    return Quantity(value, bool(m["approx"])) if value is not None else None


def participants(text: str) -> Quantity | None:
    """The first head count in ``text``: a number, then (maybe "de") a word for people;
    groups counted in one phrase ("12 jeunes et 3 animateurs") are added up, and the sum
    is approximate when one of them is.

    >>> participants("accueil de sept jeunes footballeur·ses pendant le tournoi")
    Quantity(value=7, approx=False)
    >>> participants("séjour d’une quinzaine de jeunes et 3 animateurs")
    Quantity(value=18, approx=True)
    >>> participants("accueil de 9 lycéennes et de leurs 2 professeures")
    Quantity(value=11, approx=False)
    >>> participants("construction de 12 latrines et de 3 puits") is None
    True
    """
    return _participants(*folded(nfc(text)))


def _participants(text: str, lowered: bool) -> Quantity | None:
    counted_at, join_at = _COUNTED.on(lowered), _JOIN.on(lowered)
    for m in counted_at.finditer(text):
        first = _count(m, lowered)
        if first is None:
            continue
        total, approx, end = first.value, first.approx, m.end()
        for _ in range(20):  # a phrase names a handful of groups at most
            join = join_at.match(text, end)
            more = counted_at.match(text, join.end()) if join else None
            counted = _count(more, lowered) if more else None
            if more is None or counted is None:
                break
            total, approx, end = total + counted.value, approx or counted.approx, more.end()
        return Quantity(total, approx)
    return None


_AGES = Caseless.compile(r"\bde\s+(?P<low>\d{1,3})\s+à\s+(?P<high>\d{1,3})\s+ans\b")
_UNIT_DAYS = {"jour": 1, "semaine": 7, "mois": 30}
_DURATION = Caseless.compile(
    rf"(?<![\w])(?P<number>\d{{1,4}}|{_NUMBER_WORD})\s+(?P<unit>jours?|semaines?|mois)\b")


def age_range(text: str) -> tuple[int, int] | None:
    """The first age range ("de 13 à 15 ans") in ``text``.

    >>> age_range("un atelier pour douze collégien·nes de 11 à 14 ans")
    (11, 14)
    """
    return _age_range(*folded(text))


def _age_range(text: str, lowered: bool) -> tuple[int, int] | None:
    m = _AGES.on(lowered).search(text)
    return (int(m["low"]), int(m["high"])) if m else None


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
    for m in _DURATION.on(lowered).finditer(text):
        value = read_number(m["number"])
        if value is not None:
            unit = pattern_key(m["unit"])
            unit = unit.rstrip("s") if unit != "mois" else unit
            return value * _UNIT_DAYS[unit]
    return None


@dataclass(frozen=True)
class Figures:
    """The numbers an entry gives."""

    amount: Quantity | None
    amount_kind: str | None
    participants: Quantity | None
    ages: tuple[int, int] | None
    duration_days: int | None


def figures(text: str) -> Figures:
    """Every number of an entry, each read once, from a text lowercased once.

    >>> found = figures("Une aide de 3 000 € pour une quinzaine de jeunes de 11 à 14 ans, deux semaines")
    >>> found.amount, found.amount_kind, found.participants
    (Quantity(value=3000, approx=False), 'grant', Quantity(value=15, approx=True))
    >>> found.ages, found.duration_days
    ((11, 14), 14)
    """
    read = folded(text)
    euros = _first_euros(*read)
    composed = nfc(text)  # the head counts read composed accents; most pages have nothing else
    return Figures(
        amount=euros[1] if euros else None,
        amount_kind=_kind(*read, euros[0].span()) if euros else None,
        participants=_participants(*(read if composed is text else folded(composed))),
        ages=_age_range(*read),
        duration_days=_duration_days(*read),
    )
