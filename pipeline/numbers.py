"""Amounts of money and head counts, written in digits or in French words.

The page writes "300 000€" with a non-breaking space, "six jeunes", "Près de 50 enfants",
"une quinzaine de jeunes". Each reader returns a :class:`Quantity` that keeps whether the
page gave the number as approximate, so that "une quinzaine" never becomes a false 15.
French number words are read by text2num rather than by a table of our own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num


@dataclass(frozen=True)
class Quantity:
    value: int
    approx: bool


# "une quinzaine de jeunes": collective nouns that mean "about N".
COLLECTIVES = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
}
_APPROX = r"(?P<approx>près\s+de|environ|quelque)\s+"

# Words that name people taking part, by their stem, so that "lycéen·nes", "lycéens" and
# "lycéennes" all count. Counts of wells, pumps or villages are not participants.
PEOPLE_STEMS = (
    "jeune", "enfant", "élève", "lycéen", "collégien", "adolescent", "étudiant", "personne",
    "habitant", "musicien", "artiste", "agent", "élu", "famille", "femme", "homme",
    "artisan", "bénévole", "sporti", "animat", "participant", "délégué", "militant",
)
_PEOPLE = "(?:" + "|".join(PEOPLE_STEMS) + r")[\w·.]*"
_DE = r"(?:de\s+|d['’])"

# The morphemes French numbers are written with: only words made of them are handed to
# text2num, which reads them (a word such as "des" never reaches it).
NUMBER_MORPHEMES = ("une", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
                    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingts",
                    "vingt", "trente", "quarante", "cinquante", "soixante", "cents", "cent",
                    "mille", "et")
_NUMBER_WORD = "(?:" + "|".join(NUMBER_MORPHEMES) + ")(?:-(?:" + "|".join(NUMBER_MORPHEMES) + "))*"
_COUNTED = re.compile(
    rf"(?:{_APPROX})?\b(?P<number>\d+|{_NUMBER_WORD})\s+{_DE}?{_PEOPLE}",
    re.IGNORECASE,
)
_COLLECTIVE = re.compile(
    rf"(?:une\s+)?(?P<collective>{'|'.join(COLLECTIVES)})\s+{_DE}{_PEOPLE}", re.IGNORECASE
)
_EUROS = re.compile(
    rf"(?:{_APPROX})?(?P<number>\d{{1,3}}(?:[\s.]\d{{3}})+|\d+)\s*(?:€|euros?\b)",
    re.IGNORECASE,
)


def read_number(word: str) -> int | None:
    """An integer written in digits or in French words, or ``None``.

    >>> read_number("six"), read_number("50"), read_number("vingt-deux"), read_number("des")
    (6, 50, 22, None)
    """
    if word.isdigit():
        return int(word)
    try:
        return int(text2num(word.lower(), "fr"))
    except ValueError:
        return None


def amount_eur(text: str) -> Quantity | None:
    """The first amount in euros in ``text``.

    >>> amount_eur("le coût du projet a été chiffré à 300\u00a0000€ mais")
    Quantity(value=300000, approx=False)
    """
    m = _EUROS.search(text)
    if m is None:
        return None
    return Quantity(int(re.sub(r"\D", "", m["number"])), bool(m["approx"]))


def participants(text: str) -> Quantity | None:
    """The first head count in ``text``: a number, then (maybe "de") a word for people.

    >>> participants("accueil à Ivry-sur-Seine de six jeunes brandebourgeois·es")
    Quantity(value=6, approx=False)
    >>> participants("séjour d’une quinzaine de jeunes ivryen·nes")
    Quantity(value=15, approx=True)
    >>> participants("réalisation de 10 forages d’eau") is None
    True
    """
    found: list[tuple[int, Quantity]] = []
    for m in _COUNTED.finditer(text):
        value = read_number(m["number"])
        if value is not None:
            found.append((m.start(), Quantity(value, bool(m["approx"]))))
            break
    m = _COLLECTIVE.search(text)
    if m:
        found.append((m.start(), Quantity(COLLECTIVES[m["collective"].lower()], True)))
    return min(found, key=lambda pair: pair[0])[1] if found else None


_AGES = re.compile(r"\bde\s+(?P<low>\d+)\s+à\s+(?P<high>\d+)\s+ans\b", re.IGNORECASE)
_UNIT_DAYS = {"jour": 1, "semaine": 7, "mois": 30}
_DURATION = re.compile(
    rf"\b(?P<number>\d+|{_NUMBER_WORD})\s+(?P<unit>jours?|semaines?|mois)\b",
    re.IGNORECASE,
)


def age_range(text: str) -> tuple[int, int] | None:
    """The first age range ("de 13 à 15 ans") in ``text``.

    >>> age_range("six enfants palestinien·nes de 13 à 15 ans chaque année")
    (13, 15)
    """
    m = _AGES.search(text)
    return (int(m["low"]), int(m["high"])) if m else None


def duration_days(text: str) -> int | None:
    """The first duration in ``text``, in days ("trois semaines" 21, "30 jours" 30).

    A month counts 30 days; "le mois de juillet" names a month, it is not a duration.

    >>> duration_days("pendant trois semaines dans le cadre"), duration_days("grève de la faim de 30 jours")
    (21, 30)
    >>> duration_days("pendant le mois de juillet") is None
    True
    """
    for m in _DURATION.finditer(text):
        value = read_number(m["number"])
        if value is not None:
            unit = m["unit"].lower().rstrip("s") if m["unit"].lower() != "mois" else "mois"
            return value * _UNIT_DAYS[unit]
    return None
