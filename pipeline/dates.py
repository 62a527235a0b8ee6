"""The page's date labels as intervals with a precision.

The page opens each entry with a label such as "2003-2014 :", "Juin 2012 :",
"Printemps 2017 :" or "1999," and no general-purpose date library reads French seasons,
ranges or open ends. This module is a small explicit grammar: each form is one regular
expression and one builder, tried in order, so a new form is one new row in ``_FORMS``.

Every label becomes a :class:`Period` whose ``edtf`` string (ISO 8601-2, the Library of
Congress' Extended Date/Time Format) says exactly what the page says and nothing more:
a season keeps its year and gets no invented month, an open end stays open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
# EDTF level 1 season codes: 21 spring, 22 summer, 23 autumn, 24 winter.
SEASONS = {"printemps": 21, "été": 22, "ete": 22, "automne": 23, "hiver": 24}

YEAR = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s*[-–—]\s*"
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_SEASON = "(?:" + "|".join(sorted(SEASONS, key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class Period:
    """An interval of years and months; ``None`` where the page gives no such precision."""

    start_year: int | None
    start_month: int | None
    end_year: int | None
    end_month: int | None
    is_ongoing: bool
    edtf: str


def _years(text: str) -> list[int]:
    return [int(y) for y in re.findall(YEAR, text)]


def _month(word: str) -> int:
    return MONTHS[word.lower()]


def _single_year(m: re.Match[str]) -> Period:
    (year,) = _years(m.group(0))
    return Period(year, None, year, None, False, f"{year}")


def _year_range(m: re.Match[str]) -> Period | None:
    start, end = _years(m.group(0))
    if start > end:  # "2014-2003" is a typo: reported as not understood, not inverted
        return None
    return Period(start, None, end, None, False, f"{start}/{end}")


def _year_list(m: re.Match[str]) -> Period:
    years = _years(m.group(0))
    listed = ",".join(str(y) for y in years)
    return Period(min(years), None, max(years), None, False, "{" + listed + "}")


def _since(m: re.Match[str]) -> Period:
    (year,) = _years(m.group(0))
    return Period(year, None, None, None, True, f"{year}/..")


def _month_year(m: re.Match[str]) -> Period:
    year, month = int(m["year"]), _month(m["month"])
    return Period(year, month, year, month, False, f"{year}-{month:02d}")


def _month_range(m: re.Match[str]) -> Period | None:
    year, first, last = int(m["year"]), _month(m["first"]), _month(m["last"])
    if first > last:
        return None
    return Period(year, first, year, last, False, f"{year}-{first:02d}/{year}-{last:02d}")


def _season(m: re.Match[str]) -> Period:
    year, code = int(m["year"]), SEASONS[m["season"].lower()]
    return Period(year, None, year, None, False, f"{year}-{code}")


# Longest forms first: "2020, 2021 et 2022" must not be read as "2020" + ",".
_FORMS: list[tuple[str, Callable[[re.Match[str]], Period | None]]] = [
    (rf"{YEAR}(?:\s*,\s*{YEAR})*\s+et\s+{YEAR}", _year_list),
    (rf"{YEAR}{_DASH}{YEAR}", _year_range),
    (rf"de\s+{YEAR}\s+à\s+{YEAR}", _year_range),
    (rf"depuis\s+{YEAR}", _since),
    (rf"(?P<first>{_MONTH}){_DASH}(?P<last>{_MONTH})\s+(?P<year>{YEAR})", _month_range),
    (rf"(?P<month>{_MONTH})\s+(?P<year>{YEAR})", _month_year),
    (rf"(?P<season>{_SEASON})\s+(?P<year>{YEAR})", _season),
    (YEAR, _single_year),
]
_COMPILED = [(re.compile(pattern, re.IGNORECASE), build) for pattern, build in _FORMS]

# A label opens an entry when a colon follows it ("2003-2014 :") or, as the page also
# writes, a comma ("1999, Ivry-sur-Seine a participé…").
_LABEL = "|".join(re.sub(r"\(\?P<\w+>", "(?:", pattern) for pattern, _ in _FORMS)
LABEL_AT_START = re.compile(rf"(?P<label>{_LABEL})(?P<sep>\s*[:,]\s*)", re.IGNORECASE)


def split_label(text: str) -> tuple[str, str] | None:
    """Split an entry into its date label and the rest, or ``None`` if it has no label.

    >>> split_label("Juin 2012 : organisation d’un tournoi")
    ('Juin 2012', 'organisation d’un tournoi')
    >>> split_label("1999, Ivry-sur-Seine a participé")
    ('1999', 'Ivry-sur-Seine a participé')
    >>> split_label("Collaboration avec le Théâtre National de Palestine") is None
    True
    """
    m = LABEL_AT_START.match(text)
    if m is None:
        return None
    return m["label"], text[m.end():]


# A label the grammar does not know but that reads as one: a short phrase with a year or a
# decade, then a colon ("Courant 2019 :", "Fin des années 2000 :"). Such an entry is kept,
# its label as written and its dates empty, and the run reports it: never dropped, never
# guessed.
UNKNOWN_LABEL_AT_START = re.compile(
    rf"(?P<label>(?:[^\s:.;!?]+\s+){{0,3}}(?:{YEAR}|années\s+\d{{2,4}})(?:\s+[^\s:.;!?]+){{0,2}}?)"
    r"(?P<sep>\s*:\s*)",
    re.IGNORECASE,
)


def split_any_label(text: str) -> tuple[str, str, bool] | None:
    """Like :func:`split_label`, also for labels the grammar does not know (third value False).

    >>> split_any_label("Courant 2019 : une forme inconnue")
    ('Courant 2019', 'une forme inconnue', False)
    >>> split_any_label("2016 : cartographie")
    ('2016', 'cartographie', True)
    """
    known = split_label(text)
    if known:
        return known[0], known[1], True
    m = UNKNOWN_LABEL_AT_START.match(text)
    return (m["label"], text[m.end():], False) if m else None


def parse_label(label: str) -> Period | None:
    """Read a date label as written; ``None`` when it is not one of the grammar's forms.

    >>> parse_label("2006 – 2008").edtf
    '2006/2008'
    >>> parse_label("Printemps 2017").edtf
    '2017-21'
    >>> parse_label("Depuis 2016").end_year is None
    True
    """
    text = label.strip()
    for pattern, build in _COMPILED:
        m = pattern.fullmatch(text)
        if m:
            return build(m)  # None for a form the grammar knows with impossible values
    return None
