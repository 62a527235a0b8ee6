"""Date labels: finding them at the start of an entry, and reading them as intervals.

An entry opens with a label such as "2003-2014 :", "Juin 2012 :", "Du 3 au 10 juillet
2023 :" or "1999," and no general-purpose date library reads French seasons, ranges, parts
of a year or open ends. This module is a small explicit grammar in two steps:

1. a scanner cuts the label into tokens (a year, a number, a month, a season, a date word
   such as "depuis" or "jusqu'", a date in digits, punctuation, any other word), whatever
   the typography: capitals or not, accents or not ("ete", "fevrier"), composed or not
   (NFD), non-breaking or narrow spaces, soft hyphens and zero-width characters, any dash
   or a slash, typographic apostrophes, "1er", abbreviated months;
2. each form of label is one regular expression over the tokens' one-letter codes and one
   builder, tried in order (``_FORMS``): a new form is one new row.

Every label becomes a :class:`Period` whose ``edtf`` string (ISO 8601-2, the Library of
Congress' Extended Date/Time Format) says what the label says and nothing more: a season
keeps its year and gets no invented month, an open end stays open, a day is kept. The
period's first and last possible day (``start_date``, ``end_date``) follow from it.
A label with impossible values (a range written backwards, 31 February, a weekday that
does not match its date) is not understood: ``parse_label`` returns ``None``, never a guess.

Other stages ask two more things of the grammar: an entry's id takes its label's
:func:`label_key` (typography aside), and the parse stage asks :func:`abbreviates_month`
whether a full stop closes "sept." or a sentence.

Everything here runs in time linear in the text and looks at a bounded prefix of it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache, partial
from itertools import islice, pairwise
from typing import NamedTuple

from text_to_num import text2num

from .french import lexicon, pattern
from .french.normalise import APOSTROPHE, INVISIBLE, plain, without_invisible

# The words of time are the lexicon's (pipeline/french/lexicon/calendar.toml): months and
# weekdays as CLDR writes them, abbreviations, seasons (EDTF codes), ordinals, the periods
# of the school and church calendar with their months, and the other date words.
_CALENDAR = lexicon("calendar")
MONTHS = {name: n for n, name in enumerate(_CALENDAR["months"], start=1)}
MONTH_ABBREVIATIONS: dict[str, int] = dict(_CALENDAR["abbreviations"])
YEAR_KINDS = tuple(_CALENDAR["year_kinds"])
SEASONS: dict[str, int] = dict(_CALENDAR["seasons"])
SEASON_ABBREVIATIONS: dict[str, int] = dict(_CALENDAR["season_abbreviations"])
WEEKDAYS = {name: n for n, name in enumerate(_CALENDAR["weekdays"])}
WEEKDAY_ABBREVIATIONS: dict[str, int] = dict(_CALENDAR["weekday_abbreviations"])
ORDINALS: dict[str, int] = dict(_CALENDAR["ordinals"])
MONTH_PARTS: dict[str, int] = {plain(w): n for w, n in _CALENDAR["month_parts"].items()}
CALENDAR_PERIODS: dict[str, tuple[int, int]] = {
    phrase: (months[0], months[1]) for phrase, months in _CALENDAR["calendar_periods"].items()}
_WORDS: dict[str, list[str]] = _CALENDAR["words"]
_PHRASES: dict[str, str] = _CALENDAR["phrases"]
# EDTF level 2 sub-year codes: 33-36 the quarters, 40-41 the semesters.
QUARTER_BASE, SEMESTER_BASE = 32, 39  # quarter n is code 32 + n, semester n 39 + n

# Months each EDTF sub-year code spans; 14 is February of the next year. Seasons are
# meteorological seasons, as python-edtf reads them, except that winter runs to February
# (python-edtf stops it on 31 December, which would cut "Hiver 2023-2024" in half).
CODE_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14),
               33: (1, 3), 34: (4, 6), 35: (7, 9), 36: (10, 12), 40: (1, 6), 41: (7, 12)}

YEAR = r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)"
# A day or a month written without its year, and with no year to complete it: EDTF level
# 2's unspecified digits ("XXXX-10-03", "XXXX-06") keep what the page says and invent no
# year; its day is checked in a leap year (29 February is a day of some year).
UNSPECIFIED_YEAR, REFERENCE_YEAR = "XXXX", 2000
# The arrow an app writes between a range's two dates ("12 juin 2023 → 18 juin 2023"), or
# a calendar tile between its two years stacked one over the other ("2003" / "↓" / "2014"),
# or a timeline's badge between them ("2006›2008": a chevron, a heavy or a dashed arrow).
DASHES = "\\-‐‑‒–—―−/→⟶↓›➔➝➞⇒⇢"
# A year written in two digits in a date "23/12/89": from 40 the 1900s, below it the 2000s.
# Not POSIX's strptime %y (69), which put "en mai 68" and "l'été 55" in 2068 and 2055: a
# page of twinnings tells the 1950s on, and no year past the 2030s yet.
CENTURY, TWO_DIGIT_PIVOT = 100, 40
PLURAL = "s"  # a weekday's plural mark: "les samedis 3 et 10 mai"
# Dashes that never join the two halves of a word: spaced or not, they end a label
# ("Octobre 2024—semaine …"); a hyphen or a slash ends one only when spaced ("2025 - projet").
CLAUSE_DASHES = "–—―"
MAX_LABEL = 120  # characters: a label is a short phrase
MAX_WORDS = 12

_ACCENTS = {"é": "[ée]", "è": "[èe]", "ê": "[êe]", "à": "[àa]", "â": "[âa]", "û": "[ûu]",
            "ô": "[ôo]", "î": "[îi]", "ç": "[çc]"}
_NOT_LETTER = r"(?![^\W\d_])"
_DAY, _MONTH = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"  # in digits: "08", "3"


def _words(*words: str) -> str:
    """A pattern for whole words, accents optional (editors drop them: "ete", "aout").

    Each word is one alternative, once: "février" also reads "fevrier", which is then left
    out, since two alternatives matching the same text make any pattern that repeats them
    try both at each word (a pattern of up to 25 date words, since removed, took minutes
    on 25 "fevrier" in a row).

    >>> _words("fevrier", "février").startswith("(?:f[ée]vrier)"), _words("fevrier", "février").count("vrier")
    (True, 1)
    """
    kept: dict[str, str] = {}
    for word in sorted(words, key=len, reverse=True):
        accented = sum(c in _ACCENTS for c in word)
        if accented >= sum(c in _ACCENTS for c in kept.get(plain(word), "")):
            kept[plain(word)] = word
    folded = ("".join(_ACCENTS.get(c, re.escape(c)) for c in w) for w in kept.values())
    return "(?:" + "|".join(folded) + ")" + _NOT_LETTER


def _phrase(key: str) -> str:
    return pattern(_PHRASES[key], apostrophe=APOSTROPHE, dashes=DASHES, not_letter=_NOT_LETTER)


def _calendar_words() -> str:
    """A calendar period, maybe after its lead-in ("vacances de la Toussaint"), each word
    with its accents optional, spaces and apostrophes as the page writes them."""
    def words(phrase: str) -> str:
        return r"[\s-]*".join(_words(w) if w.isalpha() else APOSTROPHE for w in re.findall(r"\w+|'", phrase))
    lead = "|".join(words(p) for p in sorted(_CALENDAR["calendar_lead_ins"], key=len, reverse=True))
    periods = "|".join(words(p) for p in sorted(CALENDAR_PERIODS, key=len, reverse=True))
    return rf"(?:(?:{lead})\s*)?(?:{periods})"


ROMAN_MONTHS = {numeral: n for n, numeral in enumerate(_CALENDAR["roman_months"], start=1)}
_MONTH_VALUES = {plain(w): n for w, n in (MONTHS | MONTH_ABBREVIATIONS | ROMAN_MONTHS).items()}
_CALENDAR_VALUES = {plain(p).replace("-", " "): months for p, months in CALENDAR_PERIODS.items()}
_ANY_APOSTROPHE = re.compile(APOSTROPHE)


def calendar_months(phrase: str) -> tuple[int, int] | None:
    """The months a calendar period falls in, whatever its lead-in and typography.

    >>> calendar_months("Vacances de la Toussaint"), calendar_months("rentrée")
    ((10, 11), (9, 9))
    >>> calendar_months("vacances d’ete"), calendar_months("Mardi-Gras"), calendar_months("la Saint Nicolas")
    ((7, 8), (2, 3), (12, 12))
    """
    key = re.sub(r"\s*'\s*", "'", " ".join(_ANY_APOSTROPHE.sub("'", plain(phrase)).replace("-", " ").split()))
    found = max(((p, months) for p, months in _CALENDAR_VALUES.items() if key.endswith(p)),
                key=lambda found: len(found[0]), default=None)
    return found[1] if found else None
# A month in Roman numerals, in capitals (longest first: "VIII" before "VII" and "V"):
# after a day and its full stop (".VI" of "28.VI"), and before its year and a full stop
# ("VI." of "VI.2012") or a dash and the next month ("IV" of "IV-V.2018", "VII" of
# "VII–VIII.2023", "VI" of "28.VI–5.VII.2022"); a numeral anywhere else is no month.
_ROMAN = "(?-i:" + "|".join(sorted(ROMAN_MONTHS, key=len, reverse=True)) + r")(?![^\W\d_])"
_ROMAN_MONTH = (rf"(?:(?<=\d)\.)?{_ROMAN}(?:\.(?=\d{{4}})"
                rf"|(?=\s?[{DASHES}]\s?(?:\d{{1,2}}\.)?{_ROMAN}(?:\.\d|\s?[{DASHES}])))")
_SEASON_VALUES = {plain(w): n for w, n in (SEASONS | SEASON_ABBREVIATIONS).items()}
_ORDINAL_VALUES = {plain(w): n for w, n in ORDINALS.items()}

# The scanner's vocabulary: (one-letter code, pattern), tried in this order at each token.
_VOCABULARY: list[tuple[str, str]] = [
    ("Y", YEAR),
    ("Z", rf"(?<!\d){_DAY}(?:/{_MONTH}/|\.{_MONTH}\.|-{_MONTH}-){YEAR}"  # "08/03/2023"
          rf"|(?<!\d){_DAY}/{_MONTH}/\d\d(?![\d/])"),  # "23/12/89": a year in two digits
    ("z", rf"(?<!\d){_MONTH}[/.]{YEAR}"),  # "03/2023"
    ("J", rf"(?<!\d){_DAY}/{_MONTH}(?![\d/])"),  # "28/06": a day and a month, the year elsewhere
    # a time of day, "à 19:30", "18h", "18 h 30": said of a day, no part of its date; a
    # time with a colon only after "à" (a CMS's bare "00:00" is left as it was read)
    ("G", r"(?<!\d)(?:(?<=[àÀ]\s)(?:[01]?\d|2[0-3])\s?:\s?[0-5]\d|(?:[01]?\d|2[0-3])\s?[hH](?:\s?[0-5]\d)?)"
          r"(?![\w:])"),
    ("O", rf"(?:[2-4](?:ème|eme|è|e|nde|nd|ᵉ)|{_words(*ORDINALS)})(?!\w)"),
    ("N", r"(?:1(?:er|re|ère|ᵉʳ)|\d{1,2})(?!\w)"),  # a day, or a two-digit year or decade
    ("C", _calendar_words()),  # "Rentrée", "vacances de la Toussaint", "Pâques"
    ("M", rf"(?:{_words(*MONTHS)}|{_words(*MONTH_ABBREVIATIONS)}\.?|{_ROMAN_MONTH})"),
    ("S", rf"(?:{_words(*SEASONS)}|{_words(*SEASON_ABBREVIATIONS)}\.)"),
    # a weekday, or its plural before days ("les jeudis 11, 18 et 25 avril": each is one)
    ("W", rf"(?:{_words(*WEEKDAYS, *(d + PLURAL for d in WEEKDAYS))}|{_words(*WEEKDAY_ABBREVIATIONS)}\.)"),
    # "S1", "T3": a semester's or a quarter's letter glued to its number
    ("h", rf"(?:{'|'.join(_WORDS['semester_letter'])})[12](?!\w)"),
    ("r", rf"(?:{'|'.join(_WORDS['quarter_letter'])})[1-4](?!\w)"),
    # "sem.", "trim.": cut short, read only with their full stop
    ("H", rf"(?:{_words(*_WORDS['semester'])}|{_words(*_WORDS['semester_short'])}\.)"),
    ("R", rf"(?:{_words(*_WORDS['quarter'])}|{_words(*_WORDS['quarter_short'])}\.)"),
    ("X", _words(*_WORDS["decade"])),
    ("q", _words(*_CALENDAR["month_parts"])),  # "quinzaine", "décade": a part of a month
    ("y", _words(*_WORDS["year"])),
    ("Q", _words(*YEAR_KINDS)),
    ("K", _words(*_WORDS["month"])),
    # the present as a range's end: "à aujourd'hui", "à nos jours", "– en cours"
    ("U", rf"(?:{_phrase('present')}|{_words(*_WORDS['present'])}|{_phrase('in_progress')}"
          rf"|{_words(*_WORDS['present_short'])}\.)"),  # "2018 → auj.": cut short
    # "mi-" is one token, never "mi" then a dash (two readings of one text backtrack)
    ("P", rf"(?:{_phrase('middle')}|{_words(*_WORDS['part'])})"),
    # "dès" is written with its accent: "des" is D
    ("F", rf"(?:{_words(*_WORDS['since'])}|(?:{'|'.join(_WORDS['since_short'])}){_NOT_LETTER}"
          rf"|{_phrase('since_abbreviated')})"),  # "à c. de sept. 2023": "à compter de"
    ("T", rf"(?:{_phrase('until_elided')}|{_words(*_WORDS['until'])})"),
    ("B", _words(*_WORDS["between"])),
    ("D", rf"(?:{_phrase('of_elided')}|{_words(*_WORDS['of'])})"),
    ("A", _words(*_WORDS["to"])),
    ("E", _words(*_WORDS["in"])),
    ("L", rf"(?:{_phrase('the_elided')}|{_words(*_WORDS['the'])})"),
    ("I", _words(*_WORDS["during"])),
    ("&", rf"(?:{_words(*_WORDS['and'])}|&)"),
    ("@", _words(*_WORDS["relative"])),  # "dernier" of "Au printemps dernier"
    ("V", _words(*_WORDS["each"])),
    (",", ","),
    ("-", f"[{DASHES}]"),
    (":", ":"),
    (".", r"[.;!?()\[\]«»\"…]"),  # a sentence or a phrase ends: no label goes past it
    # a middle dot standing alone: between a list's items ("2021 · 2022", as a calendar
    # tile writes them), else any other word ("1998 · Kandi"); in "ivryen·nes" it is the word's
    ("i", r"·(?=\s)"),
    ("?", r"[^\s,:;.!?()\[\]«»\"…]+"),  # any other word
]
_SCAN = re.compile(r"\s*+(?:" + "|".join(f"({p})" for _, p in _VOCABULARY) + ")", re.IGNORECASE)
_CODES = [""] + [code for code, _ in _VOCABULARY]  # by group number
_UNTIL = re.compile(dict(_VOCABULARY)["T"], re.IGNORECASE)  # a token of code T, as _SCAN reads it


def says_until(text: str) -> bool:
    """Whether ``text`` writes a word of "until" ("jusqu'en 2020"), with which the only
    form of the grammar open at its start opens: without one, none of its dates is open at
    its start, which its dates need not be read to know.

    >>> says_until("Dès l’année suivante et jusqu’en 2018"), says_until("Juin 2012 : tournoi")
    (True, False)
    """
    return _UNTIL.search(without_invisible(text)[0]) is not None
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
DATE_ELEMENTS = set("YZzMXhr")  # what makes a phrase a date: a year, a month, a decade,
# "S1", "T3"; and a season before a year in two digits ("Été 19"):
_SEASON_SHORT_YEAR = "SN"


# What a word counted from the time of writing ("dernier", "prochain") makes a date of,
# after it: a season, a month, "année", "mois" ("Au printemps dernier", "L'année passée").
_RELATIVE_TO = set("SMyK")


def _holds_date(codes: str) -> bool:
    return any(c in DATE_ELEMENTS for c in codes) or _SEASON_SHORT_YEAR in codes


def _year_runs_on(piece: list[Token], after: Token | None) -> bool:
    """A number after a month or a season read as its year in two digits, but a word
    follows it ("en juin 19 jeunes sont venus"): a count, not a year."""
    return len(piece) >= 2 and piece[-1].code == "N" and piece[-2].code in "MS" \
        and after is not None and after.code == "?"
# What, after a dash, carries the date on ("2006 – 2008", "2016 – en cours", "2019 – fin
# 2020"): such a dash is inside the label, not the end of it.
_DATE_GOES_ON = set("YZzJNMSXOWHRyQKUG")
_INTRODUCES = set("PDLAEFTBI&")  # date words that may stand before what carries it on


class Token(NamedTuple):
    code: str
    text: str
    start: int
    end: int

    @property
    def value(self) -> int:
        """The number a year, day, month, season, weekday or ordinal stands for."""
        word = plain(self.text).strip(".")  # "déc.", ".VII." of "5.VII.2022"
        if self.code in "YN":
            return int(re.match(r"\d+", self.text).group())  # type: ignore[union-attr]  # Y, N: digits first
        if self.code == "O":
            return _ORDINAL_VALUES.get(word) or int(word[0])
        table = {"M": _MONTH_VALUES, "S": _SEASON_VALUES, "W": WEEKDAYS | WEEKDAY_ABBREVIATIONS}[self.code]
        return table[word] if word in table else table[word.removesuffix(PLURAL)]  # "jeudis"


def tokens(text: str, limit: int = MAX_LABEL) -> Iterator[Token]:
    """The tokens of the first ``limit`` characters of ``text``; their ``text`` is in NFC,
    their ``start`` and ``end`` are positions in ``text`` itself.

    >>> "".join(t.code for t in tokens("Du 3 au 10 juillet 2023 : accueil"))
    'DNANMY:?'
    >>> [t.text for t in tokens("De\u0301c. 2016\u00ad-\u200b2020")]
    ['Déc.', '2016', '-', '2020']
    """
    normal, where = without_invisible(text[:limit])
    pos, end = 0, len(normal)
    while pos < end:
        m = _SCAN.match(normal, pos, end)
        if m is None:  # only white space is left
            return
        group = m.lastindex or 0  # every alternative is a group: never 0
        pos = m.end()
        start, stop = m.start(group), pos
        if where is not None:
            start, stop = where[start], where[pos]
        yield Token(_CODES[group], m.group(group), start, stop)


# --- What a label means --------------------------------------------------------------------

@dataclass(frozen=True)
class Point:
    """One date as the page gives it: a year, maybe a month and a day, or a sub-year code
    (season, quarter, semester), or a decade; or a day or a month whose year the page does
    not give (``year`` is ``None``: "le 3 octobre", "en juin"), EDTF's unspecified year
    ``XXXX``."""

    year: int | None
    month: int | None = None
    day: int | None = None
    code: int | None = None
    decade: bool = False

    @property
    def edtf(self) -> str:
        if self.decade:
            return f"{self.known_year // 10}X"
        year = UNSPECIFIED_YEAR if self.year is None else f"{self.year}"
        if self.code:
            return f"{year}-{self.code}"
        if self.day:
            return f"{year}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{year}-{self.month:02d}"
        return year

    @property
    def known_year(self) -> int:
        """The year, or for a date without its year the leap year its day and month are
        placed in, to check the day (29 February is a day of some years) and to order two
        dates of one label."""
        return REFERENCE_YEAR if self.year is None else self.year

    @property
    def set_member(self) -> str:
        """The date as a member of an EDTF set, whose members are dates only (the LOC's
        grammar and python-edtf agree): a season is its months, consecutive ("2021-03..2021-05")."""
        if self.code:
            return f"{self.first:%Y-%m}..{self.last:%Y-%m}"
        return self.edtf

    @property
    def first(self) -> date:
        """The earliest day this date allows."""
        if self.code:
            return date(self.known_year, CODE_MONTHS[self.code][0], 1)
        return date(self.known_year, self.month or 1, self.day or 1)

    @property
    def last(self) -> date:
        """The latest day this date allows."""
        if self.decade:
            return date(self.known_year + 9, 12, 31)
        if self.day:
            return date(self.known_year, self.month or 1, self.day)
        year, month = self.known_year, self.month or 12
        if self.code:
            month = CODE_MONTHS[self.code][1]
            year, month = (year + 1, month - 12) if month > 12 else (year, month)
        return date(year, month, calendar.monthrange(year, month)[1])

    @property
    def precision(self) -> str:
        if self.decade or self.code:
            return "decade" if self.decade else "code"
        return "day" if self.day else "month" if self.month else "year"

    @property
    def names_months(self) -> bool:
        """True when the page gives the months: a month, a day, a quarter or a semester
        (a season's months depend on the reading of seasons, so it names none)."""
        return self.month is not None or (self.code or 0) > QUARTER_BASE


@dataclass(frozen=True)
class Period:
    """An interval with a precision; ``None`` where the page gives no such precision.

    ``start_date`` and ``end_date`` are the earliest and latest day the period allows;
    the year and month columns are theirs, the months only where the label names them.
    """

    start_year: int | None
    start_month: int | None
    end_year: int | None
    end_month: int | None
    is_ongoing: bool
    edtf: str
    start_date: date | None = None
    end_date: date | None = None

    @property
    def yearless(self) -> bool:
        """True for a day or a month the page gives without its year ("le 3 octobre"):
        its months are known, its years and days of the calendar are not."""
        return UNSPECIFIED_YEAR in self.edtf


_ISO_DAY = r"(?:\d{4}|XXXX)-\d\d-\d\d"
_DAYS = re.compile(rf"(?P<one>{_ISO_DAY})|(?P<first>{_ISO_DAY})/(?P<last>{_ISO_DAY})"
                   rf"|\{{(?P<set>{_ISO_DAY}(?:,{_ISO_DAY})*)\}}")


def days_of(period: Period | None) -> int | None:
    """How many days a period written to the day lasts: its days from first to last, both
    counted ("Du lundi 3 au vendredi 7 juillet 2017" is 5), one for a single day
    ("2019-03-12", "Jeudi 7 novembre 2019 à 19:30"), the days of a set of days ("les 14
    et 15 septembre 2019" is 2); ``None`` for a period a month, a season or a year wide, or
    open-ended: the page does not say how long it lasted.

    >>> [days_of(parse_label(label)) for label in ("Du 3 au 5/10/2019", "2019-03-12",
    ...  "Les 14 et 15 septembre 2019", "Du 30 décembre 2019 au 2 janvier 2020")]
    [3, 1, 2, 4]
    >>> days_of(parse_label("Juillet 2023")), days_of(parse_label("Depuis le 1er mars 2020"))
    (None, None)

    Without its year, a stay lasts as many days, unless it runs over the end of February:

    >>> [days_of(parse_label(label)) for label in ("Du 3 au 10 juillet", "Les 17 et 18 septembre",
    ...  "le 3 octobre", "Du 27 février au 2 mars", "En juin")]
    [8, 2, 1, None, None]
    """
    m = _DAYS.fullmatch(period.edtf) if period else None
    if m is None:
        return None
    if m["one"]:
        return 1
    if m["set"]:
        return len(m["set"].split(","))
    first, last = (date.fromisoformat(m[end].replace(UNSPECIFIED_YEAR, str(REFERENCE_YEAR)))
                   for end in ("first", "last"))
    if UNSPECIFIED_YEAR in m["first"] and first.month <= 2 < last.month:
        return None  # over the end of February: one day more in a leap year
    return (last - first).days + 1


_MEMBER = re.compile(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?")


def _member_days(member: str) -> tuple[date, date] | None:
    """The first and last day of one member of an EDTF set ("2021", "2021-06",
    "2021-06-03", "2021-03..2021-05")."""
    ends = [_MEMBER.fullmatch(part) for part in member.split("..")]
    if not ends or None in ends:
        return None
    first, last = ends[0], ends[-1]
    assert first is not None and last is not None  # checked above
    start = Point(int(first[1]), int(first[2]) if first[2] else None, int(first[3]) if first[3] else None)
    end = Point(int(last[1]), int(last[2]) if last[2] else None, int(last[3]) if last[3] else None)
    return start.first, end.last


def spans(period: Period) -> list[tuple[date, date]]:
    """The days a period covers, as (first, last) pairs: one pair for an interval, one per
    member for a set, whose gaps it does not cover ("2021 et 2023" is not 2022).

    >>> [(a.year, b.year) for a, b in spans(parse_label("2021 et 2023"))]
    [(2021, 2021), (2023, 2023)]
    >>> spans(parse_label("Depuis 2016"))
    []
    """
    if period.edtf.startswith("{") and period.edtf.endswith("}"):
        members = [_member_days(m) for m in period.edtf[1:-1].split(",")]
        if None not in members:
            return [m for m in members if m is not None]
    if period.start_date is None or period.end_date is None:
        return []
    return [(period.start_date, period.end_date)]


def _period(edtf: str, start: Point | None, end: Point | None) -> Period:
    """The columns of a period, all from its first and last point (``None``: open end).
    A period without its year has its months only: no year, no day of the calendar."""
    if start and end and start.year is None:
        return Period(None, start.month, None, end.month, False, edtf)
    return Period(
        start.first.year if start else None,
        start.first.month if start and start.names_months else None,
        end.last.year if end else None,
        end.last.month if end and end.names_months else None,
        end is None, edtf,
        start.first if start else None,
        end.last if end else None,
    )


def _point(toks: list[Token], inherit: Point | None = None, yearless: bool = False) -> Point | None:
    """A date from its tokens (weekday, day, month, season or sub-year, year); the year
    and month it leaves out ("du 3 au 10 juillet 2023") come from ``inherit``. With no year
    to inherit, a day or a month is a date without its year when ``yearless`` allows it
    (a form of ``_YEARLESS_FORMS``): its weekday, if given, fits some year, so it is not
    checked."""
    parts: dict[str, int] = {}
    for i, t in enumerate(toks):
        if t.code in "WNMSYO":
            if t.code in parts:
                return None
            parts[t.code] = t.value
        elif t.code in "ZzJ":  # "08/03/2023" is day, month, year; "03/2023" month, year;
            # "28/06" day, month
            digits = map(int, re.findall(r"\d+", t.text))
            numbers = dict(zip({"Z": "NMY", "z": "MY", "J": "NM"}[t.code], digits, strict=True))
            if numbers.get("Y", CENTURY) < CENTURY:  # "23/12/89" is 1989, "17/01/05" 2005
                numbers["Y"] += CENTURY * (19 if numbers["Y"] >= TWO_DIGIT_PIVOT else 20)
            if parts.keys() & numbers.keys():
                return None
            parts |= numbers
        elif t.code in "hr":  # "S1", "T3"
            if "code" in parts:
                return None
            parts["code"] = (SEMESTER_BASE if t.code == "h" else QUARTER_BASE) + int(t.text[-1])
        elif t.code in "HR":  # "1er semestre", "second semestre", not "1 semestre"
            if i == 0 or toks[i - 1].text.isdigit():
                return None
            parts["code"] = (SEMESTER_BASE if t.code == "H" else QUARTER_BASE) + parts.pop(
                "O", parts.pop("N", 0))
    code = parts.get("code") or parts.get("S")
    if code is not None and code not in CODE_MONTHS:
        return None
    year = parts.get("Y")
    if year is None:
        if inherit is None and not yearless:
            return None
        year = inherit.year if inherit else None
        if "N" in parts and "M" not in parts and inherit and inherit.month:
            parts["M"] = inherit.month
    if "N" in parts and "M" not in parts:
        return None
    month, day = parts.get("M"), parts.get("N")
    if year is None and (month is None or code is not None or (day is None and any(
            t.code == "M" and plain(t.text) in _NUMBERS_TOO for t in toks))):
        return None  # without its year, a date is a day or a month ("en sept" is seven)
    known = REFERENCE_YEAR if year is None else year
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(known, month)[1]):
        return None
    if "W" in parts and (day is None or month is None or (
            year is not None and date(year, month, day).weekday() != parts["W"])):
        return None
    return Point(year, month, day, code)


Builder = Callable[[dict[str, list[Token]]], "Period | None"]


def _single(g: dict[str, list[Token]], yearless: bool = False) -> Period | None:
    p = _point(g["a"], yearless=yearless)
    return _period(p.edtf, p, p) if p else None


def _range(g: dict[str, list[Token]], yearless: bool = False) -> Period | None:
    """A start that leaves out its year takes the end's, and then must have the end's
    precision ("du 3 au juillet 2023" is no range); a backwards range is not understood
    (without a year, one over New Year neither: "du 28 décembre au 3 janvier")."""
    end = _point(g["b"], yearless=yearless)
    start = _point(g["a"], inherit=end) if end else None
    if not (start and end) or start.first > end.first or start.last > end.last:
        return None
    if not any(t.code in "YZz" for t in g["a"]) and start.precision != end.precision:
        return None  # ("06/2012 – 2014" writes its start's year: a month to a year)
    return _period(f"{start.edtf}/{end.edtf}", start, end)


def _sub_year_range(g: dict[str, list[Token]]) -> Period | None:
    """"T2 2017 – T4 2018", "S1 2020 – S2 2021": from a quarter or a semester to another,
    each with its year, written as their months (EDTF has no interval of sub-year codes
    that python-edtf reads: "2017-04/2018-12").

    >>> parse_label("T2 2017 – T4 2018").edtf, parse_label("06/2012 – 2014").edtf
    ('2017-04/2018-12', '2012-06/2014')
    >>> parse_label("T4 2018 – T2 2017") is None
    True
    """
    start, end = _point(g["a"]), _point(g["b"])
    if start is None or end is None or start.first > end.first or start.last > end.last:
        return None
    first, last = Point(start.first.year, start.first.month), Point(end.last.year, end.last.month)
    return _period(f"{first.edtf}/{last.edtf}", first, last)


def _range_to_sub_year(g: dict[str, list[Token]]) -> Period | None:
    """"De janvier à la fin du premier trimestre 2024": from a month to the end of a
    quarter or a semester, its last month; the start takes the end's year. A part that
    does not reach the end ("au début du second semestre") is not understood.

    >>> parse_label("De janvier à la fin du premier trimestre 2024").edtf
    '2024-01/2024-03'
    >>> parse_label("d'avril 2019 au second semestre 2019").edtf
    '2019-04/2019-12'
    >>> parse_label("De mars au début du second semestre 2020") is None
    True
    """
    if "p" in g and (part := DECADE_PARTS.get(plain(g["p"][0].text).strip(DASHES + " "))) is not None \
            and part[1] < DECADE_PARTS_END:
        return None
    whole = _point(g["b"])
    if whole is None or whole.year is None:
        return None
    end = Point(whole.last.year, whole.last.month)
    start = _point(g["a"], inherit=end)
    if not start or start.precision != end.precision or start.first > end.first:
        return None
    return _period(f"{start.edtf}/{end.edtf}", start, end)


DECADE_PARTS_END = 9  # the last year of a decade: a part reaching it is the end of its whole


def _range_on(g: dict[str, list[Token]]) -> Period | None:
    """"Du 28 février 2020 au 3 mars", "de novembre 2019 à février": the end takes the
    start's year, or the next one when it falls before the start in that year (over New
    Year); it must have the start's precision."""
    start = _point(g["a"])
    end = _point(g["b"], inherit=start) if start else None
    if not (start and end) or start.precision != end.precision:
        return None
    if end.first < start.first:
        end = replace(end, year=end.known_year + 1)
    if start.last > end.last:
        return None
    return _period(f"{start.edtf}/{end.edtf}", start, end)


def _two_digit_end(g: dict[str, list[Token]]) -> Period | None:
    """"2019-20", "1998-02": a year and its end in two digits; where that end cannot be
    (it would be a century later: "2012-06"), a year and its month in two digits, as ISO
    8601 and an archive's notice write a month ("2012-06" is June 2012; "2005-06" stays the
    school year 2005–2006, as French writes it).

    >>> parse_label("2019-20").edtf, parse_label("2012-06").edtf, parse_label("2005-06").edtf
    ('2019/2020', '2012-06', '2005/2006')
    >>> parse_label("2012-13").edtf, parse_label("2012-6") is None
    ('2012/2013', True)
    """
    start, end = _point(g["a"]), _full_year(g["a"][0], g["b"][0])
    if start and not end and start.precision == "year" and len(g["b"][0].text) == 2 \
            and 1 <= g["b"][0].value <= 12 and len(g["a"]) == 1:
        month = Point(start.year, g["b"][0].value)
        return _period(month.edtf, month, month)
    return _period(f"{start.year}/{end}", start, Point(end)) if start and end else None


def _full_year(year: Token, last: Token) -> int | None:
    """The year a two-digit end stands for after ``year``: "2019-20" ends in 2020,
    "1998-02" in 2002; ``None`` for anything else."""
    if year.code != "Y" or last.code != "N" or len(last.text) != 2:
        return None
    end = year.value - year.value % 100 + last.value
    end += 100 if end <= year.value else 0
    return end if end < 2100 else None


def _months_in_digits(g: dict[str, list[Token]]) -> Period | None:
    """"03-06/2017", "04-05.2018": two months in digits and the year they share, written
    once after the second (a form a table's narrow column or a newsletter writes); the
    first month a number from 1 to 12, before the second."""
    end = _point(g["b"])
    first = g["a"][0]
    if end is None or end.month is None or not 1 <= first.value < end.month:
        return None
    start = Point(end.year, first.value)
    return _period(f"{start.edtf}/{end.edtf}", start, end)


def _winter(g: dict[str, list[Token]]) -> Period | None:
    """"Hiver 2023-2024": EDTF's winter of 2023 is the one that begins in December 2023."""
    winter, last = _point(g["a"]), g["b"][0]
    if winter is None or winter.code != SEASONS["hiver"]:
        return None
    following = last.value if last.code == "Y" else _full_year(g["a"][-1], last)
    return _period(winter.edtf, winter, winter) if following == winter.known_year + 1 else None


def _since(g: dict[str, list[Token]]) -> Period | None:
    p = _point(g["a"])
    return _period(f"{p.edtf}/..", p, None) if p else None


def _until(g: dict[str, list[Token]]) -> Period | None:
    p = _point(g["b"])
    return _period(f"../{p.edtf}", None, p) if p else None


def _set(g: dict[str, list[Token]], yearless: bool = False) -> Period | None:
    """"2020, 2021 et 2022", "juin et juillet 2019", "printemps et été 2019", "les 3 et 4
    mai 2019", "2018, 2019, 2020" (up to a colon or a dash: a comma ends a label): an EDTF set,
    its items in the order of time (a list written out of order is not understood)."""
    shared = _point(g["b"], yearless=yearless) if g.get("b") else None
    items = [_point([t], inherit=shared, yearless=yearless) for t in g["items"] if t.code in "YMNS"]
    if g.get("w") and any(p is None or (p.year is not None and p.day is not None and date(
            p.year, p.month or 1, p.day).weekday() != g["w"][0].value) for p in items):
        return None  # "les jeudis 11, 18 et 25 avril 1984": each day must be that weekday
    return _set_of(items)


def _dates(g: dict[str, list[Token]]) -> Period | None:
    """"Juin 2019 et juillet 2020", "le 3 mars et le 5 avril 2019": a set of dates, an
    item without its year taking the last item's. When only the first item names a month
    or a season, it holds for every year of the list: "Printemps 2021 et 2022" is spring
    2021 and spring 2022, as "Juin 2019, 2020 et 2021" is June of each year."""
    items: list[list[Token]] = [[]]
    for t in g["items"]:
        if t.code in ",&":
            items.append([])
        else:
            items[-1].append(t)
    last = _point(items[-1])
    points = [_point(item, inherit=last) for item in items[:-1]] + [last]
    first = points[0]
    rest = [p for p in points[1:] if p and p.precision == "year"]
    if first and not first.day and (first.month or first.code) and len(rest) == len(points) - 1:
        points = [first, *(replace(first, year=p.year) for p in rest)]
    return _set_of(points)


def _set_of(items: list[Point | None]) -> Period | None:
    if not items or None in items:
        return None
    points = [p for p in items if p is not None]  # all of them (checked above)
    if any(a.last >= b.first for a, b in pairwise(points)):
        return None
    return _period("{" + ",".join(p.set_member for p in points) + "}", points[0], points[-1])


def _iso(g: dict[str, list[Token]]) -> Period | None:
    """"2023-03-08", as a CMS writes a date; no month and day, the years that follow the
    first in two digits ("2020-21-22", :func:`_short_chain`)."""
    year, month, day = (g[k][0].value for k in "abc")
    if len(g["b"][0].text) != 2 or len(g["c"][0].text) != 2 or not 1 <= month <= 12 \
            or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return _short_chain({"items": [*g["a"], *g["b"], *g["c"]]})
    p = Point(year, month, day)
    return _period(p.edtf, p, p)


def _iso_range(g: dict[str, list[Token]]) -> Period | None:
    """"2022-06-30 → 2022-07-02", "du 2022-06-30 au 2022-07-02": two dates as a CMS or a
    calendar app writes them (ISO 8601), an arrow, a dash or "au" between them; the end
    not before the start."""
    start = _iso({k: g[k] for k in "abc"})
    end = _iso({"a": g["d"], "b": g["e"], "c": g["f"]})
    if start is None or end is None or end.start_date is None or start.start_date is None \
            or end.start_date < start.start_date:
        return None
    first = Point(g["a"][0].value, g["b"][0].value, g["c"][0].value)
    last = Point(g["d"][0].value, g["e"][0].value, g["f"][0].value)
    return _period(f"{first.edtf}/{last.edtf}", first, last)


def _chain(g: dict[str, list[Token]]) -> Period | None:
    """"2021-2022-2023": years that follow one another, the span from the first to the
    last; years apart written with slashes ("2011 / 2013 / 2017") are a list, a set; a
    chain with gaps and dashes ("2019-2021-2023") is not understood (every other year, or
    three ranges?)."""
    years = [t.value for t in g["items"] if t.code == "Y"]
    if any(b != a + 1 for a, b in pairwise(years)):
        slashes = all(t.text == "/" for t in g["items"] if t.code == "-")
        return _set_of([Point(y) for y in years]) if slashes else None
    return _period(f"{years[0]}/{years[-1]}", Point(years[0]), Point(years[-1]))


def _short_chain(g: dict[str, list[Token]]) -> Period | None:
    """"2020-21-22": a year, then the years that follow it in two digits, each the year after
    the one before (as "2019-20" ends in 2020): the span from the first to the last, as
    "2020-2021-2022" is.

    >>> parse_label("2020-21-22").edtf, parse_label("2020-22-24")
    ('2020/2022', None)
    """
    first = g["items"][0]
    years = [first.value]
    for t in g["items"][1:]:
        if t.code == "N":
            following = _full_year(Token("Y", str(years[-1]), first.start, first.end), t)
            if following != years[-1] + 1:
                return None
            years.append(following)
    return _period(f"{years[0]}/{years[-1]}", Point(years[0]), Point(years[-1]))


def _school_years(g: dict[str, list[Token]]) -> Period | None:
    """"Des années scolaires 2004-2005 à 2005-2006", "les saisons 2022-2023 et 2023-2024":
    two school or cultural years (each a year and the next), to or beside each other; the
    span from the first one's start to the last one's end, as one such year is
    ("Année scolaire 2016-2017" is 2016/2017), no month invented. Years that do not follow
    each other ("2004-2006 à 2008-2009") are no school years: not understood."""
    first, second = g["a"][0].value, g["b"][0].value
    starts, ends = g["x"][0].value, g["y"][0].value
    if ends != starts + 1 or second != first + 1 or starts < first:
        return None
    return _period(f"{first}/{ends}", Point(first), Point(ends))


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus).

    >>> easter(2024), easter(2023), easter(2025)
    (datetime.date(2024, 3, 31), datetime.date(2023, 4, 9), datetime.date(2025, 4, 20))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * ell) // 433
    month = (h + ell - 7 * m + 90) // 25
    return date(year, month, (h + ell - 7 * m + 33 * month + 19) % 32)


_MOVABLE = {plain(feast): days for feast, days in _CALENDAR["movable_feasts"].items()}


def _calendar(g: dict[str, list[Token]]) -> Period | None:
    """"Rentrée 2019", "vacances de la Toussaint 2017", "Pâques 2016": the months of the
    period (``CALENDAR_PERIODS``) in that year, one month or the range of two; a movable
    feast named alone, the month it falls in that year (``movable_feasts``).

    >>> _calendar({"a": list(tokens("Ascension")), "b": list(tokens("2024"))}).edtf
    '2024-05'
    """
    months = calendar_months(g["a"][0].text)
    if months is None:
        return None
    first, last = months
    year = g["b"][0].value
    if (days := _MOVABLE.get(plain(" ".join(g["a"][0].text.split())))) is not None:
        first = last = date.fromordinal(easter(year).toordinal() + days).month
    start, end = Point(year, first), Point(year, last)
    return _period(start.edtf if first == last else f"{start.edtf}/{end.edtf}", start, end)


def _since_calendar(g: dict[str, list[Token]]) -> Period | None:
    """"Depuis la rentrée 2023", "Dès les vacances de Pâques 2019": open-ended from the
    first month of the calendar period."""
    months = calendar_months(g["a"][0].text)
    if months is None:
        return None
    start = Point(g["b"][0].value, months[0])
    return _period(f"{start.edtf}/..", start, None)


def _range_from_calendar(g: dict[str, list[Token]]) -> Period | None:
    """"De la rentrée 2022 à l'été 2024": from the first month of the calendar period
    (``CALENDAR_PERIODS``) to the end, which is read as a range's end is."""
    months = calendar_months(g["a"][0].text)
    end = _point(g["b"])
    if months is None or end is None:
        return None
    start = Point(g["c"][0].value, months[0])
    if start.first > end.first:
        return None
    return _period(f"{start.edtf}/{end.edtf}", start, end)


def _month_part(g: dict[str, list[Token]]) -> Period | None:
    """"2e quinzaine de juillet 2019", "1re décade de mai 2021": the days of that part of
    the month (``MONTH_PARTS``: a fortnight to the 15th then to the month's end, a "décade"
    of ten days, its last to the month's end), an EDTF interval of days."""
    parts = MONTH_PARTS[plain(g["p"][0].text)]
    n, month, year = g["n"][0], g["b"][0].value, g["b"][1].value
    if n.code == "N" and n.text.isdigit():  # "1 quinzaine": no ordinal
        return None
    which = n.value
    if not 1 <= which <= parts:
        return None
    length = calendar.monthrange(year, month)[1]
    size = 15 if parts == 2 else 10
    start = Point(year, month, 1 + size * (which - 1))
    end = Point(year, month, length if which == parts else size * which)
    return _period(f"{start.edtf}/{end.edtf}", start, end)


def _two_digit_year(g: dict[str, list[Token]]) -> Period | None:
    """"Été 19", "juin 19": a season or a month and its year in two digits (from 40 the
    1900s, below it the 2000s, as "23/12/89" is read); a day before the month is no year."""
    last = g["b"][0]
    if len(last.text) != 2 or not last.text.isdigit():
        return None
    year = last.value + CENTURY * (19 if last.value >= TWO_DIGIT_PIVOT else 20)
    p = _point([*g["a"], Token("Y", str(year), last.start, last.end)])
    return _period(p.edtf, p, p) if p else None


def _sheet_month(g: dict[str, list[Token]]) -> Period | None:
    """"sept-19", "juin-12": a month cut short and its year in two digits, a dash between
    them and no space, as a spreadsheet shows a date cell ("mmm-aa"); spaced ("juin – 12
    jeunes") it is no such cell.

    >>> parse_label("sept-19").edtf, parse_label("déc-20").edtf, parse_label("juin - 12")
    ('2019-09', '2020-12', None)
    """
    if g["b"][0].start - g["a"][-1].end != 1:
        return None
    return _two_digit_year(g)


def _decade(g: dict[str, list[Token]]) -> Period | None:
    """"Années 1990", "les années 2000", "années 90": EDTF ``199X`` (some time in it);
    its beginning, middle or end (``DECADE_PARTS``: "au début des années 60", "fin des
    années 1990") the years of that part of it, "1960/1963", "1997/1999".

    >>> parse_label("Au début des années 60").edtf, parse_label("Fin des années 1990").edtf
    ('1960/1963', '1997/1999')
    """
    t = g["a"][0]
    year = t.value if t.code == "Y" else (1900 + t.value if len(t.text) == 2 and 30 <= t.value <= 90 else 0)
    if year % 10 or not year:
        return None
    if "p" in g and (part := DECADE_PARTS.get(plain(g["p"][0].text).strip(DASHES + " "))):
        first, last = Point(year + part[0]), Point(year + part[1])
        return _period(f"{first.edtf}/{last.edtf}", first, last)
    p = Point(year, decade=True)
    return _period(p.edtf, p, p)


def _years_span(g: dict[str, list[Token]]) -> Period | None:
    """"Les années 2022 à 2024", "années 2019-2021": the years from the first to the last,
    as "de 2022 à 2024"; two decades' first years ("les années 1980 à 2000") are decades,
    not read here.

    >>> parse_label("Les années 2022 à 2024").edtf, parse_label("les années 1980 à 2000") is None
    ('2022/2024', True)
    """
    if g["a"][0].value % 10 == 0 and g["b"][0].value % 10 == 0:
        return None
    return _range(g)


DECADE_PARTS = {plain(word): (first, last) for word, (first, last) in _CALENDAR["decade_parts"].items()}


# Pieces of forms, over the tokens' codes. Words that only introduce a date ("en", "au",
# "lors de", "l'") and parts of a year ("début", "mi-", "fin", "courant") change nothing
# to the interval: EDTF has no code for them, and the year or month is the narrowest
# interval that is certainly true (the label keeps the words).
_INTRO = r"(?:[IAE]D?)?L?"
_OPEN = r"[IAE]?D?L?"  # before a range: "De", "En", "Pendant l'", "D'", "Du"
_PART = r"(?:PD?L?)?y?Q?"  # "fin", "au cours de l'année", "année scolaire", "saison"
_CORE = r"(?:(?:W?NM|(?:KD)?M|S)?Y|W?Z|z)"  # a day, a month ("mois de mai"), a season, a year
_SUB_YEAR = r"(?:[NO][HR]|[hr])D?L?y?Y"  # "1er semestre 2021", "second semestre de l'année 2021", "S1 2021"
# a range's start, maybe without its year
_LEFT = r"(?:W?N(?:M(?:Y)?)?|(?:KD)?M(?:Y)?|S(?:Y)?|Y|W?Z|z|W?J)"
_TO = r"(?:-|A|T[AE]?)"  # "–", "à", "au", "jusqu'en", "jusqu'à"
_SINCE = r"A?F[DA]?L?"  # "depuis", "dès", "à partir de", "à compter du"

_FORMS: list[tuple[str, Builder]] = [
    (rf"{_INTRO}(?P<items>Y(?:,E?Y){{0,20}}&E?Y)", _set),  # "En 2023 et en 2024"
    # years after commas or middle dots; a year stacked over such a list ("2020" over
    # "2021 · 2022", a calendar tile's lines)
    (r"(?P<items>Y(?:[,i]?Y){0,20}[,i]Y)", _set),
    (rf"{_OPEN}(?P<a>Y)-(?P<b>N)-(?P<c>N){_TO}L?(?P<d>Y)-(?P<e>N)-(?P<f>N)", _iso_range),
    (r"(?P<a>Y)-(?P<b>N)-(?P<c>N)", _iso),
    (rf"{_INTRO}(?:KD)?(?P<items>[MS](?:,[MS]){{0,11}}&[MS])(?P<b>Y)", _set),
    (rf"{_INTRO}(?P<items>N(?:,N){{0,30}}&N)(?P<b>MY)", _set),
    (rf"{_INTRO}(?P<w>W)(?P<items>N(?:,N){{0,30}}&N)(?P<b>MY)", _set),  # "les jeudis 11, 18 et 25 avril 2019"
    (rf"{_INTRO}{_PART}(?P<items>{_LEFT}(?:,E?L?{_LEFT}){{0,20}}&E?L?{_CORE})", _dates),
    # a month or a season, then its years after commas alone: "étés 2020, 2021, 2022"
    (rf"{_INTRO}{_PART}(?P<items>[MS]Y(?:,Y){{1,20}})", _dates),
    (rf"{_OPEN}{_PART}(?P<items>Y(?:-Y){{2,20}})", _chain),
    # two school years, to or beside each other, after their kind's word ("années scolaires")
    (rf"{_OPEN}(?:PD?L?)?[yX]?Q(?P<a>Y)-(?P<b>Y)(?:{_TO}|&)L?(?P<x>Y)-(?P<y>Y)", _school_years),
    (rf"{_OPEN}{_PART}(?P<items>Y(?:-N){{2,20}})", _short_chain),  # "2020-21-22"
    (rf"{_OPEN}{_PART}(?P<a>Y)-(?P<b>N)", _two_digit_end),
    (rf"{_OPEN}(?P<a>N)-(?P<b>z)", _months_in_digits),  # "03-06/2017"
    (rf"{_INTRO}{_PART}(?P<a>SY)-(?P<b>[YN])", _winter),
    # to the present: "De 2019 à aujourd'hui", "2016 – en cours", "Depuis 2019 jusqu'à nos jours"
    # (a dash, then "à" before the present: "2016 – à ce jour", a sheet's start and end cells)
    (rf"(?:{_OPEN}|{_SINCE}){_PART}(?P<a>{_CORE})(?:&?{_TO}|-A)U", _since),
    (rf"{_OPEN}{_PART}(?P<a>{_LEFT}){_TO}L?{_PART}(?P<b>{_CORE})", _range),
    # "De la rentrée 2022 à l’été 2024": a calendar period opens the range, "à" after it
    # (with a dash, "Pâques 2019-2020" may be two Easters: not understood)
    (rf"{_OPEN}{_PART}(?P<a>C)D?L?(?P<c>Y)(?:A|T[AE]?)L?{_PART}(?P<b>{_CORE})", _range_from_calendar),
    (rf"{_SINCE}{_PART}(?P<a>{_LEFT})&?T[AE]?L?{_PART}(?P<b>{_CORE})", _range),
    (rf"{_OPEN}(?P<a>{_SUB_YEAR}){_TO}L?(?P<b>{_SUB_YEAR})", _sub_year_range),  # "T2 2017 – T4 2018"
    # "de janvier à la fin du premier trimestre 2024": a month to a quarter's or a semester's end
    (rf"{_OPEN}(?P<a>(?:KD)?MY?){_TO}L?(?:(?P<p>P)D?L?)?(?P<b>{_SUB_YEAR})", _range_to_sub_year),
    (rf"[IAE]?BL?{_PART}(?P<a>{_LEFT})&L?{_PART}(?P<b>{_CORE})", _range),
    # the end leaves out the start's year: "du 28 février 2020 au 3 mars"
    (rf"{_OPEN}{_PART}(?P<a>W?NMY|(?:KD)?MY){_TO}L?(?P<b>W?NM|(?:KD)?M)", _range_on),
    # a recurrence over an open period: "Chaque été depuis 2016", "tous les ans depuis 2010"
    (rf"VL?(?:[SMKy]|\?)?{_SINCE}{_PART}(?P<a>{_CORE})", _since),
    (rf"{_SINCE}{_PART}(?P<a>{_CORE})", _since),
    (rf"{_SINCE}{_PART}(?P<a>C)D?L?(?P<b>Y)", _since_calendar),
    (rf"T[EA]?L?{_PART}(?P<b>{_CORE})", _until),
    # "les années 2022 à 2024", "années 2019-2021": the years of a span, no decade
    (rf"{_INTRO}X(?P<a>Y){_TO}L?(?P<b>Y)", _years_span),
    (rf"{_INTRO}(?:(?P<p>P)D?L?)?y?Q?X(?P<a>[YN])", _decade),
    (rf"{_INTRO}L?(?P<n>[NO])(?P<p>q)D?L?(?P<b>MY)", _month_part),  # "2e quinzaine de juillet 2019"
    (rf"{_INTRO}{_PART}(?P<a>[MS])(?P<b>N)", _two_digit_year),  # "Été 19", "juin 19"
    (r"(?P<a>M)-(?P<b>N)", _sheet_month),  # "sept-19": a spreadsheet's month ("mmm-aa")
    (rf"{_INTRO}{_PART}(?P<a>C)D?L?(?P<b>Y)", _calendar),
    (rf"{_INTRO}{_PART}(?P<a>{_CORE}|{_SUB_YEAR})", _single),
]
# Dates without their year, and no year around them to complete them: "le 3 octobre",
# "Vendredi 24 mai", "du 3 au 10 juillet", "les 17 et 18 septembre", "juin et juillet",
# and a month alone after what makes it a date ("en juin", "fin mai", "au mois de mai"; a
# bare "mars" or "sept" is too often no date). Their year is EDTF's unspecified ``XXXX``.
# The stages that can find the year (a narrative page: the year told before, the post's
# date) complete it first; :func:`parse_label` reads what is left, :func:`find_dates` only
# when asked. No open end ("depuis le 3 mars"): python-edtf reads no open interval from an
# unspecified year.
_MONTH_ALONE = r"(?:[IAE]D?L?(?:PD?L?)?(?:KD)?|PD?L?(?:KD)?|KD)"
_YEARLESS_FORMS: list[tuple[str, Builder]] = [
    (rf"{_INTRO}(?P<items>N(?:,N){{0,30}}&N)(?P<b>M)", partial(_set, yearless=True)),
    (rf"{_INTRO}(?P<w>W)(?P<items>N(?:,N){{0,30}}&N)(?P<b>M)", partial(_set, yearless=True)),
    (rf"{_INTRO}(?:KD)?(?P<items>M(?:,M){{0,11}}&M)", partial(_set, yearless=True)),
    (rf"{_OPEN}{_PART}(?P<a>W?N(?:M)?|(?:KD)?M){_TO}L?{_PART}(?P<b>W?NM|(?:KD)?M)",
     partial(_range, yearless=True)),
    (rf"{_INTRO}{_PART}(?P<a>W?NM)", partial(_single, yearless=True)),
    (rf"{_MONTH_ALONE}(?P<a>M)", partial(_single, yearless=True)),
]
# (form, builder, is it a form without a year), every form with a year first
_COMPILED = [(re.compile(pattern), build, False) for pattern, build in _FORMS] + [
    (re.compile(pattern), build, True) for pattern, build in _YEARLESS_FORMS]


def _any_of(forms: list[tuple[str, Builder]]) -> re.Pattern[str]:
    """One pattern that matches where any of ``forms`` does (their groups unnamed):
    :func:`find_dates` asks it first whether a phrase can be a form at all, once, rather
    than asking each form in turn (the forms are plain patterns over the codes, with no
    anchor or look-around, so a match of this pattern is a match of one of them)."""
    return re.compile("|".join("(?:" + re.sub(r"\(\?P<\w+>", "(?:", pattern) + ")" for pattern, _ in forms))


_ANY_FORM = {False: _any_of(_FORMS), True: _any_of(_FORMS + _YEARLESS_FORMS)}  # by ``yearless``


@lru_cache(maxsize=8192)
def _form_lengths(codes: str, yearless: bool) -> tuple[int, ...]:
    """The lengths, longest first, of the pieces at the head of ``codes`` (the codes of
    the tokens from one on, at most ``MAX_EXPRESSION``) that :func:`find_dates` reads:
    those that hold a date element, down to the first that does not (shorter ones hold
    none either), and that some form of the grammar matches (:func:`_read` says ``False``
    of the others). A piece's reading depends on its codes alone, and a page's tokens
    repeat the same few codes: each run of codes is asked once, not at each of its places
    (a paragraph of numbers, a formula or a script, read sentence by sentence, made every
    form try each of the sixteen pieces at each of its numbers)."""
    any_form = _ANY_FORM[yearless]
    if not any_form.match(codes):
        return ()  # no form opens here
    found = []
    for length in range(len(codes), 0, -1):
        if not _holds_date(codes[:length]):
            break  # shorter pieces hold no date either
        if any_form.fullmatch(codes, 0, length):
            found.append(length)
    return tuple(found)


@lru_cache(maxsize=4096)
def parse_label(label: str) -> Period | None:
    """Read a date label as written; ``None`` when it is none of the grammar's forms.

    >>> parse_label("2006 – 2008").edtf, parse_label("Printemps 2017").edtf
    ('2006/2008', '2017-21')
    >>> p = parse_label("Du 28 juin au 5 juillet 2022")
    >>> p.edtf, p.start_date.isoformat(), p.end_date.isoformat()
    ('2022-06-28/2022-07-05', '2022-06-28', '2022-07-05')
    >>> parse_label("Depuis 2016").end_year is None, parse_label("2014-2003") is None
    (True, True)
    >>> parse_label("2025 (prévisionnel)").edtf, parse_label("2019 (du 3 au 5 octobre)").edtf
    ('2025', '2019-10-03/2019-10-05')
    >>> parse_label("Été 2023 (juillet-août)").edtf
    '2023-07/2023-08'
    >>> parse_label("2012-06/2012-08").edtf, parse_label("2017-04 – 2017-05").edtf
    ('2012-06/2012-08', '2017-04/2017-05')
    """
    if len(label) > MAX_LABEL:
        return None
    if yearless := _EDTF_YEARLESS_MONTH.fullmatch(label.strip()):  # "XXXX-04": a month, year unknown
        month = Point(None, int(yearless["month"]))
        return _period(month.edtf, month, month)
    if restored := _RESTORED.fullmatch(label.strip()):  # "[1999]", "[février 2023 ?]"
        return parse_label(restored["date"])
    if (open_end := _EDTF_OPEN.fullmatch(label.strip())) and (start := _open_start(open_end["start"])):
        return _period(f"{start.edtf}/..", start, None)  # "2016/..", "2012-06/.."
    if (both := _EDTF_MONTHS.fullmatch(label.strip())) and (since := _open_start(both["first"])) \
            and (until := _open_start(both["last"])) and since.first <= until.first:
        return _period(f"{since.edtf}/{until.edtf}", since, until)  # "2012-06/2012-08"
    if short := _SHORT_MONTHS.fullmatch(label.strip()):  # "05/18", "04→05/18": a note's months
        return _short_months(short)
    if (arrow := _ARROW_OPEN.fullmatch(label.strip())) and (start := _open_start(arrow["start"])):
        return _period(f"{start.edtf}/..", start, None)  # "2016→", "09/24→": from then on
    if lasting := _DURATION_FROM.fullmatch(label.strip()):
        return _years_from(lasting)
    if week := _ISO_WEEK.fullmatch(label.strip()):
        return _iso_week(int(week["week"]), int(week["year"]))
    if (week_of := _WEEK_OF.fullmatch(label.strip())) and (first := parse_label(week_of["day"])) is not None:
        return _week_from(first)
    if nth := _YEAR_OF_SPAN.fullmatch(label.strip()):
        return _year_of_span(nth)
    if (times := _OCCASIONS.search(label)) and times.start() > 0:  # "En 2024, à deux reprises (…)"
        return parse_label(f"{label[:times.start()]} {label[times.end():]}".strip())
    if started := _SINCE_EVENT.fullmatch(label.strip()):
        return parse_label(f"{started['since']} {started['date']}")
    written = _without_times(list(tokens(label)))
    toks = _outside_brackets(written)
    period = _parsed(toks)
    years = [t for t in toks if t.code == "Y"]
    if period is not None and len(toks) < len(written) and period.start_month is None \
            and period.start_year == period.end_year and len(years) == 1:
        # a year, or a season of one ("Durant l'été 2023 (juillet-août)"), made precise
        return _bracket_detail(written, years[0]) or period
    return period


# EDTF's month of an unspecified year ("XXXX-04"), the period the parse stage gives a month
# written alone as a label where the page gives no year (:func:`month_alone`)
_EDTF_YEARLESS_MONTH = re.compile(rf"{UNSPECIFIED_YEAR}-(?P<month>0[1-9]|1[0-2])")


def month_alone(label: str) -> Period | None:
    """The month a label written as a month's name alone gives ("Janvier", "Mars :"), its
    year unspecified; ``None`` for any other label. The grammar reads no bare month (a bare
    "mars" or "sept" is too often no date): the caller asks this only where the page's
    layout makes it a date (a calendar of the year, one label a month).

    >>> month_alone("Février :").edtf, month_alone("Sept"), month_alone("Mars 2024")
    ('XXXX-02', None, None)
    >>> parse_label(month_alone("Octobre").edtf).start_month
    10
    """
    toks = [t for t in tokens(label.strip()) if t.code not in ":,-"]
    if len(toks) != 1 or toks[0].code != "M" or plain(toks[0].text) in _NUMBERS_TOO:
        return None
    return _single({"a": toks}, yearless=True)


# A date an archivist restored from the document, not written on it, in square brackets
# (French archival description's "[1999]"), a question mark inside when the restoration is
# doubtful ("[février 2023 ?]", "[1999?]"): the date the notice gives, read as written
# inside; a date with a word of approximation stays not understood ("[vers 1999]").
_RESTORED = re.compile(r"\[\s*(?P<date>[^\[\]?]*?[^\s\[\]?])\s*\??\s*\]")
# EDTF's interval open at its end, as an archive's or a database's date field writes it
# ("2016/..": from 2016 on, still going), its start a year, a month or a day in ISO 8601.
_EDTF_OPEN = re.compile(r"(?P<start>\d{4}(?:-\d\d){0,2})\s*/\s*\.\.")
# and its interval from a month to a month ("2012-06/2012-08", "2012-06/2013"), which the
# grammar's tokens do not read (a year and two digits twice); a table's "Début" and "Fin"
# cells joined by a dash write it so too ("2017-04 – 2017-05")
_EDTF_MONTHS = re.compile(r"(?=\d{4}-\d\d|.*[/–—-]\s*\d{4}-)(?P<first>\d{4}(?:-\d\d)?)"
                          r"(?:\s*[/–—]\s*|\s+-\s+)(?P<last>\d{4}(?:-\d\d)?)")

# Either, as a label: alone, or before a colon, a comma or a spaced dash.
_NOTICE_LABEL = re.compile(rf"(?P<label>{_RESTORED.pattern}|{_EDTF_OPEN.pattern})"
                           r"(?:\s*(?:[:,]|\s[–—-](?=\s))\s*|\s*$)")


# A note's shorthand (a memo, a sheet's narrow column): a month and its year in two digits
# after a slash ("05/18"), maybe after the month it runs from ("04→05/18"); the two digits
# are no month's (13 to 99), so that a day and its month ("06/12") is never read so.
_SHORT_MONTHS = re.compile(r"(?:(?P<first>0?[1-9]|1[0-2])\s?[→–—-]\s?)?(?P<month>0?[1-9]|1[0-2])"
                           r"\s?/\s?(?P<year>1[3-9]|[2-9]\d)")
# A date and an arrow after it, nothing beyond ("2016→", "09/24 →"): from that date on, as a
# note's legend says it ("→ = depuis"); an arrow between two dates is a range's dash.
_ARROWS = r"(?:→|⟶|➝|➔|->)"
_ARROW_OPEN = re.compile(rf"(?P<start>.{{1,40}}?)\s?{_ARROWS}")
# Either as an entry's label, before a colon ("05/18 : délégation…", "09/24→ : projet…").
_SHORT_LABEL = re.compile(rf"(?P<label>{_SHORT_MONTHS.pattern}(?:\s?{_ARROWS})?)\s*:\s*")


def _short_months(short: re.Match[str]) -> Period | None:
    """The month, or the months, of :data:`_SHORT_MONTHS` (from 40 the 1900s, below it the
    2000s, as "23/12/89" is read).

    >>> parse_label("05/18").edtf, parse_label("04→05/18").edtf, parse_label("09/24→").edtf
    ('2018-05', '2018-04/2018-05', '2024-09/..')
    >>> parse_label("2016→").edtf, parse_label("06/12"), parse_label("05/04→06/18")
    ('2016/..', None, None)
    """
    two = int(short["year"])
    year = two + CENTURY * (19 if two >= TWO_DIGIT_PIVOT else 20)
    end = Point(year, int(short["month"]))
    if short["first"] is None:
        return _period(end.edtf, end, end)
    start = Point(year, int(short["first"]))
    if start.month is None or end.month is None or start.month >= end.month:
        return None
    return _period(f"{start.edtf}/{end.edtf}", start, end)


def _open_start(start: str) -> Point | None:
    """The start of an EDTF open interval: a year, a month or a day in ISO 8601.

    >>> parse_label("2016/..").edtf, parse_label("2012-06/..").is_ongoing, parse_label("2016/..").end_year
    ('2016/..', True, None)
    >>> parse_label("[1999]").edtf, parse_label("[février 2023 ?]").edtf, parse_label("[vers 1999]")
    ('1999', '2023-02', None)
    """
    period = parse_label(start)
    if period is None or period.start_date is None or period.end_date is None or "/" in period.edtf:
        return None
    year, month, day = ([int(n) for n in period.edtf.split("-")] + [0, 0])[:3]
    if period.edtf.count("-") > 2 or not 0 <= month <= 12:
        return None
    return Point(year, month or None, day or None)


_DURATION_FROM = re.compile(pattern(_CALENDAR["duration_from"], apostrophe=APOSTROPHE), re.IGNORECASE)
_DURATION_LABEL = re.compile(rf"(?P<label>{_DURATION_FROM.pattern})\s*(?:[,:]|\s[–—-]\s)\s*", re.IGNORECASE)
LONGEST_DURATION = 30  # years: a longer count is no action's duration
# "Depuis le coup d'envoi du programme, le 15 janvier 2025, …": a start named by its event
# and dated in apposition (calendar.toml's ``since_event``), read as "Depuis le 15 janvier
# 2025" is; the label is the whole lead-in, up to the comma after its date.
_START_EVENTS = "|".join(pattern(event, apostrophe=APOSTROPHE).replace(" ", r"\s+")
                         for event in _CALENDAR["start_events"])
_SINCE_EVENT = re.compile(pattern(_CALENDAR["since_event"], apostrophe=APOSTROPHE,
                                  start_events=_START_EVENTS), re.IGNORECASE)
_SINCE_EVENT_LABEL = re.compile(rf"(?P<label>{_SINCE_EVENT.pattern})\s*,\s*", re.IGNORECASE)


def _years_from(lasting: re.Match[str]) -> Period | None:
    """The years of a duration counted from a year ("Sur trois ans à compter de 2021":
    2021 to 2023), read as the range of those years is; ``None`` for a count that is no
    number of years.

    >>> parse_label("Sur trois ans à compter de 2021").edtf, parse_label("Pendant 2 ans, dès 2019").edtf
    ('2021/2023', '2019/2020')
    """
    count = lasting["count"]
    try:
        years = int(count) if count.isdigit() else text2num(count.lower(), "fr")
    except ValueError:
        return None
    if not 1 <= years <= LONGEST_DURATION:
        return None
    first = int(lasting["year"])
    return _parsed(list(tokens(f"{first}-{first + years - 1}" if years > 1 else str(first))))
_YEAR_OF_SPAN = re.compile(pattern(_CALENDAR["year_of_span"], apostrophe=APOSTROPHE, dashes=DASHES),
                           re.IGNORECASE)


_OCCASIONS = re.compile(pattern(_CALENDAR["occasions"]), re.IGNORECASE)
# a label of a year, how many times, then the months in brackets, and its separator
_OCCASIONS_LABEL = re.compile(rf"(?P<label>[^:()\n]{{1,40}}?(?:{_OCCASIONS.pattern})\s*\([^()\n]{{1,80}}\))"
                              r"\s*(?:[,:]|\s[–—-]\s)\s*", re.IGNORECASE)


def _year_of_span(nth: re.Match[str]) -> Period | None:
    """The one year of a plan a label counts from the plan's first ("Année 2 du plan
    triennal 2022-2024" is 2023), not the plan's span; ``None`` for a count outside the span
    or a word before "année" that is no ordinal.

    >>> parse_label("Année 2 du plan triennal 2022-2024").edtf
    '2023'
    >>> parse_label("3e année du programme (2021-2024)").edtf
    '2023'
    >>> parse_label("Deuxième année de la convention 2023-2025").edtf
    '2024'
    >>> parse_label("Année 4 du plan 2022-2024") is None
    True
    """
    if nth["nth"]:
        count: int | None = int(nth["nth"])
    elif (digits := re.match(r"\d+", nth["ordinal"])) is not None:
        count = int(digits[0])
    else:
        count = _ORDINAL_VALUES.get(plain(nth["ordinal"]))
    first, last = int(nth["first"]), int(nth["last"])
    if count is None or not 1 <= count <= last - first + 1:
        return None
    return _parsed(list(tokens(str(first + count - 1))))


# "Semaine 42 de 2024": a week by its ISO number, a short word ("de", "en") before its year.
_ISO_WEEK = re.compile(rf"{_words(*_WORDS['week'])}\s+(?P<week>\d{{1,2}})\s+(?:[^\W\d_]{{1,3}}\s+)?"
                       rf"(?P<year>{YEAR})", re.IGNORECASE)


# "Semaine du 12 mars 2018", "sem. du 12/03/2018": the week that opens on a day.
_WEEK_OF = re.compile(rf"(?:{_words(*_WORDS['week'])}|{_words(*_WORDS['week_short'])}\.)\s+"
                      rf"(?:{_words(*_WORDS['of'])})\s+(?P<day>.+)", re.IGNORECASE)
WEEK_DAYS = 7


def _week_from(first: Period) -> Period | None:
    """The seven days from a day a label gives ("Semaine du 12 mars 2018": 12 to 18
    March), whose months are those of its first and last day; ``None`` when the label is
    no single day.

    >>> p = parse_label("sem. du 12/03/2018")
    >>> p.edtf, p.start_month, p.end_month
    ('2018-03-12/2018-03-18', 3, 3)
    >>> parse_label("Semaine du 29 avril 2019").edtf, parse_label("Semaine de mai 2019") is None
    ('2019-04-29/2019-05-05', True)
    """
    day = first.start_date
    if day is None or first.end_date != day or first.start_year is None or first.start_month is None:
        return None
    last = date.fromordinal(day.toordinal() + WEEK_DAYS - 1)
    start, end = Point(day.year, day.month, day.day), Point(last.year, last.month, last.day)
    return _period(f"{start.edtf}/{end.edtf}", start, end)


def _iso_week(week: int, year: int) -> Period | None:
    """The days of ISO week ``week`` of ``year`` (Monday to Sunday; week 1 holds the year's
    first Thursday), whose months are those of its first and last day.

    >>> p = _iso_week(42, 2024)
    >>> p.edtf, p.start_month, p.end_month
    ('2024-10-14/2024-10-20', 10, 10)
    >>> _iso_week(53, 2023) is None  # 2023 has 52 weeks
    True
    """
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    sunday = date.fromordinal(monday.toordinal() + 6)
    start, end = Point(monday.year, monday.month, monday.day), Point(sunday.year, sunday.month, sunday.day)
    return _period(f"{start.edtf}/{end.edtf}", start, end)


def _without_times(toks: list[Token]) -> list[Token]:
    """The tokens without a time of day and the "à" before it ("Jeudi 7 novembre 2019 à
    19:30" is dated as "Jeudi 7 novembre 2019"): the hour says when in the day, which no
    column holds."""
    return [t for i, t in enumerate(toks) if t.code != "G"
            and not (t.code == "A" and i + 1 < len(toks) and toks[i + 1].code == "G")]


def _parsed(toks: list[Token]) -> Period | None:
    """The period of a label's tokens, by the first form of the grammar they make."""
    codes = "".join(t.code for t in toks)
    for form, build, _ in _COMPILED:
        m = form.fullmatch(codes)
        if m:
            groups = {name: toks[m.start(name):m.end(name)]
                      for name, value in m.groupdict().items() if value is not None}
            return build(groups)  # None for a form the grammar knows with impossible values
    return None


def _bracket_detail(written: list[Token], year: Token) -> Period | None:
    """A year whose brackets say when in it ("2019 (du 3 au 5 octobre)", "2021 (mars)"):
    the brackets' date read with that year, when it is a date without a year of its own
    and falls in it; ``None`` otherwise ("2025 (prévisionnel)" keeps its year)."""
    inside: list[Token] = []
    for t in written[written.index(year) + 1:]:
        if t.text == ")":
            break
        if t.text != "(":
            inside.append(t)
    if not inside or any(t.code in "YZz" for t in inside):
        return None
    detail = _parsed([*inside, year])
    return detail if detail and detail.start_year == detail.end_year == year.value else None


def _outside_brackets(toks: list[Token]) -> list[Token]:
    """The tokens of a label without its asides in brackets ("2025 (prévisionnel)" is
    dated as "2025"), which say something of the dates but are none.

    >>> [t.text for t in _outside_brackets(list(tokens("Mai 2025 (à confirmer)")))]
    ['Mai', '2025']
    """
    kept, aside = [], False
    for t in toks:
        if aside or t.text == "(":
            aside = t.text != ")"
            continue
        kept.append(t)
    return kept


# --- Where a label is ----------------------------------------------------------------------

@dataclass(frozen=True)
class _Candidate:
    label: str
    end: int  # where the separator ends: the rest of the text starts after it
    separator: str
    codes: str  # the label's tokens, one letter each
    other_words: int  # words that are not date words ("vers", "rentrée", "visite")


# A colon makes a label of a short phrase with a few other words ("Rentrée scolaire 2019 :");
# a comma, which sentences use everywhere, only of a phrase with at most one ("Vers 2015,"),
# so that "Le projet lancé en 2019, financé par…" stays a sentence.
OTHER_WORDS_BEFORE = {":": 3, ",": 1}


def dated_label(text: str) -> bool:
    """Whether ``text`` is a date alone that gives a year ("2019", "Mai – juin 2021",
    "2019-2020"): a table's header cell, a timeline's dot, a card's date. A yearless label
    ("Mai") is not one: it takes its year from elsewhere.

    >>> dated_label("Mai – juin 2021"), dated_label("Mai"), dated_label("2019 : visite"), dated_label("")
    (True, False, False, False)
    """
    period = parse_label(text) if text else None
    return period is not None and period.start_year is not None


DATE_LINE = 80  # characters: a line that holds a date and a field's name or a verb at most
DATE_LINE_WORDS = 2  # words of four letters or more besides its dates ("Période", "Publié le")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def date_alone(text: str, lead: int | None = None) -> str | None:
    """The date a short line holds alone, maybe beside its field's name or a verb ("du 4 au
    8 juin 2015", "Période 2003-2014", "Publié le 12 mars 2020"), as written: a card's
    date, a story's date line. ``None`` for a line that says more, or a sentence (it ends
    with a full stop). ``lead``: the characters the first date may come after at most
    (``None``: anywhere in the line).

    >>> date_alone("lundi 13 juillet 2015"), date_alone("Publié le 12 mars 2020", lead=4)
    ('lundi 13 juillet 2015', None)
    >>> date_alone("Le 12 mars 2020, visite du maire et des élus."), date_alone("Voyage à Gao")
    (None, None)
    >>> date_alone("2018 → auj.")
    '2018 → auj.'
    """
    stripped = text.strip()
    if len(stripped) > DATE_LINE:
        return None
    found = [f for f in find_dates(stripped) if f.period]
    if not found or (lead is not None and found[0].start > lead) \
            or (stripped.endswith(".") and found[-1].end < len(stripped)):  # a sentence's stop,
        return None  # not the one of a date's word cut short ("2018 → auj.", "print. 2017")
    rest = stripped[:found[0].start] + " " + " ".join(
        stripped[a.end:b.start] for a, b in pairwise(found)) \
        + " " + stripped[found[-1].end:]
    return found[0].text if len(_LONG_WORD.findall(rest)) <= DATE_LINE_WORDS else None


def _ends_label(text: str, t: Token, following: Iterator[Token]) -> str | None:
    """Whether the dash or full stop ``t`` ends a label of date words before it: a dash
    that no date follows ("2024 – accueil …", "Octobre 2024 — semaine …", but not "2006 –
    2008" nor "2016 – en cours"), spaced unless it is an en or em dash; a full stop
    followed by a capitalised sentence ("2023. Accueil …") or ending the text ("Juin 2012.",
    a label on a line of its own). Returns the separator's code."""
    if t.code == "-" and t.text != "/":
        spaced = text[t.start - 1:t.start].isspace() or text[t.end:t.end + 1].isspace()
        if not (spaced or t.text in CLAUSE_DASHES):
            return None
        for after in islice(following, 4):  # "– fin 2020": a few date words, then a date
            if after.code in _DATE_GOES_ON:
                return None
            if after.code not in _INTRODUCES:
                break
        return "-"
    if t.code == "." and t.text == ".":
        rest = text[t.end:t.end + 8]
        return "." if not rest.strip() or (rest[:1].isspace() and rest.lstrip()[:1].isupper()) else None
    return None


def _candidates(text: str) -> tuple[list[_Candidate], bool]:
    """Every prefix of ``text`` that could be a label: a short phrase holding a year, a
    month or a decade, then ":" or ","; or, for a phrase of date words only, a dash or a
    full stop that ends it (:func:`_ends_label`). Scanning stops at the first colon, at the
    end of a sentence or phrase, or after ``MAX_WORDS`` words.

    The second value says whether the scan read every token without stopping and met a
    date: only then can a colon written after ``text`` end a label (:func:`closes_label`),
    since the same tokens stop the scan of the text with a colon at the same place."""
    found: list[_Candidate] = []
    words = other = 0
    has_date = False
    codes = ""
    aside = False  # inside an aside in brackets after a date: "2025 (prévisionnel) :"
    last = ""  # the code of the token before
    for t in tokens(text):
        if aside or (has_date and t.text == "("):
            aside = t.text != ")"
            words += 1
            if words > MAX_WORDS:
                break
            continue
        separator = t.code if t.code in ":," else (
            _ends_label(text, t, tokens(text[t.end:t.end + MAX_LABEL // 2]))
            if has_date and not other and t.code in "-." else None)
        if separator:
            label = _trim(text[:t.start])
            if has_date and label:
                found.append(_Candidate(label, t.end, separator, codes, other))
            if separator in ":.":
                break
            codes += t.code
            continue
        words += t.code != "-"
        other += t.code in "?i"
        has_date = has_date or t.code in DATE_ELEMENTS or (t.code == "N" and last == "S") \
            or (t.code == "@" and last in _RELATIVE_TO)
        last = t.code
        if t.code == "." or words > MAX_WORDS or other > max(OTHER_WORDS_BEFORE.values()):
            break
        codes += t.code
    else:
        return found, has_date
    return found, False


def _trim(label: str) -> str:
    """A label without the white space around it nor invisible characters after it (one
    before it stays: the label is a prefix of the caller's text, as written)."""
    label = label.lstrip()
    end = len(label)
    while end and (label[end - 1].isspace() or label[end - 1] in INVISIBLE):
        end -= 1
    return label[:end]


@lru_cache(maxsize=1024)
def _shaped(codes: str) -> bool:
    """True when a label's tokens have the shape of one of the grammar's forms, whatever
    its values ("2014-2003" has the shape of a range: a label, though not understood).
    Labels have few shapes: each is tried against the forms once."""
    return any(pattern.fullmatch(codes) for pattern, _, without_year in _COMPILED if not without_year)


# What of a text decides its label: the tokens of its first ``MAX_LABEL`` characters and,
# after a dash or a full stop among them, the few tokens that follow (:func:`_ends_label`).
LABEL_REACH = MAX_LABEL + MAX_LABEL // 2


def _label(text: str) -> tuple[str, str, bool] | None:
    """The label ``text`` opens with, the rest of the text after its separator, and
    whether the label has the shape of a known form.

    The label is read from the text's first ``LABEL_REACH`` characters alone, and once for
    each of them (:func:`_label_of`): the reader asks it of the same block several times
    (is it furniture, a label alone, an entry), and the tokens are most of its cost."""
    found = _label_of(text[:LABEL_REACH])[0]
    if found is None:
        return None
    label, end, shaped = found
    return label, text[end:].lstrip(), shaped


# How many texts' labels are kept: a whole page's blocks, so that the reader, which asks
# whether a line is a heading (its label says it is not), and the parse stage after it read
# each block's label once; :func:`forget_labels` empties it once a page is parsed.
LABELS_KEPT = 1 << 18


def forget_labels() -> None:
    """Let go of the labels read (:data:`LABELS_KEPT`): a page is parsed."""
    _label_of.cache_clear()


@lru_cache(maxsize=LABELS_KEPT)
def _label_of(text: str) -> tuple[tuple[str, int, bool] | None, bool]:
    """The label ``text`` opens with, where its separator ends, and whether it has the
    shape of a known form (``text``: at most ``LABEL_REACH`` characters); and whether a
    colon after the text could end a label (:func:`_candidates`)."""
    if (lasting := _DURATION_LABEL.match(text)) and _years_from(lasting) is not None:
        return (lasting["label"], lasting.end(), True), False  # "Sur trois ans à compter de 2021, …"
    if (times := _OCCASIONS_LABEL.match(text)) and parse_label(times["label"]) is not None:
        return (times["label"], times.end(), True), False  # "En 2024, à deux reprises (avril et octobre) :"
    if (started := _SINCE_EVENT_LABEL.match(text)) and parse_label(started["label"]) is not None:
        return (started["label"], started.end(), True), False  # "Depuis le lancement, en mai 2021, …"
    if (notice := _NOTICE_LABEL.match(text)) and parse_label(notice["label"]) is not None:
        return (notice["label"], notice.end(), True), False  # "[1999]", "2016/..": an archive's date
    if (short := _SHORT_LABEL.match(text)) and parse_label(short["label"]) is not None:
        return (short["label"], short.end(), True), False  # "05/18 :", "04→05/18 :": a note's months
    candidates, open_ended = _candidates(text)
    found = _choice(candidates)
    return (found[0].label, found[0].end, found[1]) if found else None, open_ended


def closes_label(text: str) -> bool:
    """Whether ``text`` with " :" after it could be a label ended by that colon ("Juin
    2012" is, "Juin 2012 : accueil" and "Accueil de jeunes" are not), for a ``text`` at
    most ``MAX_LABEL`` - 2 characters long before the white space at its end. Read from
    the tokens the text's own label was read from (cached): the scan of the text with the
    colon stops where the text's stops (the same tokens, the same counts: the colon is one
    token more), so a scan that stopped before the end, or met no date, never reaches the
    colon. Saves reading the label of every short block twice (:func:`label_alone`).

    >>> closes_label("Juin 2012"), closes_label("Juin 2012 : accueil"), closes_label("Accueil")
    (True, False, False)
    """
    return _label_of(text[:LABEL_REACH])[1]


def _choice(candidates: list[_Candidate]) -> tuple[_Candidate, bool] | None:
    """Which of the candidates is the label, and whether it has the shape of a known form."""
    shaped = [c for c in candidates if _shaped(c.codes)]
    best = max(shaped, key=lambda c: len(c.label)) if shaped else None
    # a longer phrase of date words only, up to a colon (or a dash or a full stop), is the
    # label even when the grammar has no such form ("2018, 2019, 2020 :" is one label)
    whole = [c for c in candidates if c.separator in ":-." and not c.other_words]
    if whole and (best is None or len(whole[-1].label) > len(best.label)):
        return whole[-1], False
    if best:
        return best, True
    for separator, pick in ((":", -1), (",", 0)):
        allowed = [c for c in candidates if c.separator == separator
                   and c.other_words <= OTHER_WORDS_BEFORE[separator]
                   and (separator == ":" or (bool(set(c.codes) & set("YZz"))
                                             and not _participle_clause(c.label + ",")))]
        if allowed:
            return allowed[pick], False
    return None


def split_label(text: str) -> tuple[str, str] | None:
    """Split an entry into a date label of one of the grammar's forms and the rest, or
    ``None``. The longest label wins: "2020, 2021 et 2022 : …" is a list, not "2020". A form
    with impossible values ("2014-2003 :") is split off too; ``parse_label`` refuses it.

    >>> split_label("Mars 2011 : concert de la chorale")
    ('Mars 2011', 'concert de la chorale')
    >>> split_label("1999, la ville a participé")
    ('1999', 'la ville a participé')
    >>> split_label("Collaboration avec le Théâtre National depuis plusieurs années") is None
    True
    """
    found = _label(text)
    return (found[0], found[1]) if found and found[2] else None


def split_any_label(text: str) -> tuple[str, str, bool] | None:
    """Like :func:`split_label`, also for labels the grammar has no form for; the third
    value says whether the grammar understands the label. One it does not understand is
    kept as written, with empty dates, and the run reports it.

    >>> split_any_label("Courant 2019 : une forme connue")
    ('Courant 2019', 'une forme connue', True)
    >>> split_any_label("Vers 2015, la ville a accueilli")
    ('Vers 2015', 'la ville a accueilli', False)
    >>> split_any_label("Le projet lancé en 2019, financé par la Ville") is None
    True
    """
    found = _label(text)
    if found is None:
        return None
    return found[0], found[1], parse_label(found[0]) is not None


# --- Dates anywhere in a text ---------------------------------------------------------------

MAX_EXPRESSION = 16  # tokens: more than any form of the grammar needs
_STARTS = set("YZzJMSWNOXyQKPFTBDALEICVhr")  # codes a date expression may open with
_SENTENCE_STOP = re.compile(r"[.!?…](?=\s+[^\W\d_]|\s*$)|\n")


@dataclass(frozen=True)
class Found:
    """A date expression found in a text: its words as written, where they are, and what
    they mean (``None`` for a phrase of a known form with impossible values)."""

    text: str
    start: int
    end: int
    period: Period | None


def _read(toks: list[Token], yearless: bool = False) -> Period | bool | None:
    """What the tokens of a phrase mean: a period; ``None`` for a known form with
    impossible values; ``False`` for no form of the grammar (a date without its year is
    none unless ``yearless``)."""
    codes = "".join(t.code for t in toks)
    for form, build, without_year in _COMPILED:
        if without_year and not yearless:
            break  # the forms without a year come last
        m = form.fullmatch(codes)
        if m:
            return build({name: toks[m.start(name):m.end(name)]
                          for name, value in m.groupdict().items() if value is not None})
    return False


def find_dates(text: str, yearless: bool = False) -> list[Found]:
    """Every date expression of ``text``, wherever it is (at its head, inside a sentence,
    in brackets), left to right, the longest reading at each place; the same grammar as a
    label's. A year, a month or a decade alone with no year ("mars") is no date; a day or
    a month without its year ("le 3 octobre", "en juin") is one only when ``yearless``
    (the caller has no year to complete it with).

    >>> [(f.text, f.period.edtf) for f in find_dates("Le 12 mars 2019, une délégation est venue (mai 2018).")]
    [('Le 12 mars 2019', '2019-03-12'), ('mai 2018', '2018-05')]
    >>> [(f.text, f.period.edtf) for f in find_dates("Accueil de jeunes de septembre 2016 à juin 2017 à Gao")]
    [('de septembre 2016 à juin 2017', '2016-09/2017-06')]
    >>> [f.period for f in find_dates("Un séjour de 2014 à 2003 ?")]
    [None]

    A month in ISO 8601 ("2016-12") is a date where a notice's field or a cell opens with
    it; inside a text (a by-line's "date 2016-12 …", a file's number) it is not understood.

    >>> [(f.text, f.period and f.period.edtf) for f in find_dates("2016-12 : envoi, dossier 2016-12")]
    [('2016-12', '2016-12'), ('2016-12', None)]
    """
    return list(_found_in(text, yearless))


@lru_cache(maxsize=256)
def _found_in(text: str, yearless: bool) -> tuple[Found, ...]:
    """:func:`find_dates`, kept for the last texts asked: the reading of a sentence asks
    for the dates of the same sentence several times (its first event's, its listed
    years', its joined clauses'), which in a long one (a paragraph of numbers with no
    full stop, 1 MB) was most of the run."""
    return tuple(dates_of(text, yearless))


def dates_of(text: str, yearless: bool = False) -> Iterator[Found]:
    """:func:`find_dates` one date at a time, the text read only as far as the date asked
    for: for a caller that wants the first date of some kind in a sentence, which may be a
    long one.

    >>> next(dates_of("En 2019, puis " + "12 3 " * 100_000)).text
    'En 2019'
    """
    scan = tokens(text, len(text))
    toks: list[Token] = []
    codes: list[str] = []
    i = 0
    while True:
        # the tokens up to the longest piece at i and the one after it
        while len(toks) <= i + MAX_EXPRESSION and (t := next(scan, None)) is not None:
            toks.append(t)
            codes.append(t.code)
        if i >= len(toks):
            return
        if codes[i] not in _STARTS:
            i += 1
            continue
        for length in _form_lengths("".join(codes[i:i + MAX_EXPRESSION]), yearless):
            j = i + length
            piece = toks[i:j]
            period = _read(piece, yearless)
            if period is not False and not _year_runs_on(piece, toks[j] if j < len(toks) else None):
                start, end = piece[0].start, piece[-1].end
                if isinstance(period, Period) and _ISO_MONTH.fullmatch(text[start:end]) \
                        and text[:start].strip():
                    period = None  # "2016-12" inside a text: a notice's or a cell's form, not prose's
                yield Found(text[start:end], start, end, period if isinstance(period, Period) else None)
                i = j - 1
                break
        i += 1


_SIMPLE = re.compile(r"\d{4}(?:-\d\d){0,2}")
_ISO_MONTH = re.compile(r"\d{4}-\d\d")


def period_in(phrase: str) -> Period | None:
    """What a phrase that is no form of the grammar says of time, from the date
    expressions inside it: one date is the period ("Festival des solidarités (novembre
    2021)", "Chaque année depuis 2010"); several single dates in the order of time are a set
    ("En 2023 puis en 2024", "2019 & 2020"); ``None`` when it holds none, or one the grammar
    cannot read.

    >>> period_in("Chaque année depuis 2010").edtf, period_in("Festival (novembre 2021)").edtf
    ('2010/..', '2021-11')
    >>> period_in("2019 & 2020").edtf, period_in("Un jour") is None
    ('{2019,2020}', True)

    Words next to a date that change what it says leave the phrase not understood:

    >>> [period_in(p) for p in ("Vers 2015", "Depuis les années 2000", "Pâques 2019-2020")]
    [None, None, None]

    A day or a month without its year that ends a phrase writing no year at all is its
    date ("Accueil des choristes le 14 septembre", a dated line of a report): its year
    unspecified, as :func:`date_in` reads an entry's text; not one that words go on after
    ("… pendant le mois de juillet de", its year cut off).

    >>> period_in("Accueil des choristes le 14 septembre").edtf
    'XXXX-09-14'
    >>> period_in("Accueil pendant le mois de juillet de") is None
    True
    """
    phrase = phrase[:MAX_LABEL]
    found = find_dates(phrase) or ([] if _ANY_YEAR.search(phrase) else [
        f for f in find_dates(phrase, yearless=True) if f.end >= len(phrase.rstrip(" :.…"))])
    if not found or any(f.period is None or _qualified(phrase, f) for f in found):
        return None
    periods = [f.period for f in found if f.period]
    if len(periods) == 1:
        return periods[0]
    first, last = periods[0], periods[-1]
    if not all(_SIMPLE.fullmatch(p.edtf) for p in periods) or any(
            a.end_date is None or b.start_date is None or a.end_date >= b.start_date
            for a, b in pairwise(periods)):
        return None
    return replace(first, end_year=last.end_year, end_month=last.end_month, end_date=last.end_date,
                   edtf="{" + ",".join(p.edtf for p in periods) + "}")


# Date words that, next to a date expression the grammar read, say something of it the
# expression does not ("Depuis les années 2000", "Pâques 2019-2020"): the phrase is then
# not understood. "année" of a recurrence ("Chaque année depuis 2010") is not one of them.
_BEFORE_CHANGES = set("FTBPCSMNWOXQKHRUZzY")
_AFTER_CHANGES = set("-YNMSXZzU")
_APPROXIMATE = frozenset(plain(w) for w in _CALENDAR["approximate"])


def _qualified(phrase: str, found: Found) -> bool:
    """True when the words next to a date expression change what it says: a date word
    the form left out, or a word of approximation, maybe before "de" or an article ("Vers
    2019", "environ 2015", "Autour de 2010", "Aux alentours de mai 2015")."""
    before = list(tokens(phrase[:found.start], found.start))
    after = next(tokens(phrase[found.end:], MAX_LABEL), None)
    last = before[-1] if before else None
    word = next((t for t in reversed(before) if t.code not in _LINKS), None)
    return bool((last and last.code in _BEFORE_CHANGES)
                or (word and plain(word.text).rstrip(".") in _APPROXIMATE)
                or (after and after.code in _AFTER_CHANGES))


_LINKS = set("DL")  # "de", "du", "d'", "la", "le", "l'" between an approximation's word and its date


MAX_SENTENCE = 400  # characters of an entry looked at for its date: a label's reach, and more


_RELATIVE = re.compile(pattern(_CALENDAR["relative"]["forms"], apostrophe=APOSTROPHE,
                               number=r"\d{1,3}|[^\W\d_]+"), re.IGNORECASE)


def relative_dates(text: str) -> list[str]:
    """The dates of ``text`` counted from the day it was written ("Il y a 5 ans", "l'an
    dernier"): date-like words no grammar can place, as the page says not when it was
    written; the run report warns about them.

    >>> relative_dates("Il y a 5 ans, tournoi de football ; l’année dernière, un concert.")
    ['Il y a 5 ans', 'l’année dernière']
    """
    return [m.group() for m in _RELATIVE.finditer(text)]


def first_sentence(text: str) -> str:
    """The text up to the end of its first sentence (a full stop before a word or the end,
    or a line break).

    >>> first_sentence("Accueil de 12 jeunes. Le 3 mai 2019, concert."), first_sentence("Sans fin")
    ('Accueil de 12 jeunes.', 'Sans fin')
    """
    text = text[:MAX_SENTENCE]
    stop = _SENTENCE_STOP.search(text)
    return text[:stop.end()] if stop else text


def date_in(text: str) -> Found | None:
    """The date an entry that opens with no label gives: the first date expression of its
    first sentence that the grammar understands.

    >>> date_in("Festival des solidarités (novembre 2021) : stand commun.").text
    'novembre 2021'
    >>> date_in("Une délégation est venue. Elle est revenue en 2019.") is None
    True

    A clause that opens the sentence with a past participle and ends with a comma speaks
    of the subject: its date is not the entry's.

    >>> date_in("Signé en 1963, le protocole a donné lieu en 2019 à une fête.").text
    'en 2019'

    A day or a month without its year is the entry's date only when the entry writes no
    year at all (one written anywhere in it may be that date's year): a date whose year is
    unspecified, EDTF's ``XXXX``.

    >>> f = date_in("Le 3 octobre, réunion publique avec projection du film.")
    >>> f.text, f.period.edtf, f.period.start_month, f.period.start_year
    ('Le 3 octobre', 'XXXX-10-03', 10, None)
    >>> date_in("Le 3 octobre, réunion publique. Le film date de 2019.") is None
    True
    """
    sentence = first_sentence(text)
    found = [f for f in find_dates(sentence) if f.period and not _years_counted(sentence, f)]
    if across := _range_across(sentence, found):
        return across
    subject_clause = _participle_clause(sentence)
    dated = next((f for f in found if f.start >= subject_clause), None)
    if dated is None and not found and not _ANY_YEAR.search(text):
        dated = next((f for f in find_dates(sentence, yearless=True)
                      if f.period and f.start >= subject_clause), None)
    return dated


_ANY_YEAR = re.compile(YEAR)
_UNTIL_GOES_ON = set("AELWNMY")  # what carries "jusqu'" on: "jusqu'au 3 mars (2020)"


def _range_across(sentence: str, found: list[Found]) -> Found | None:
    """A range written across a sentence: a date, then further on, before any other date,
    its end after "jusqu'" ("Arrivée le 28 février 2020, la chorale est restée jusqu'au 3
    mars"), read as one label of the two phrases ("le 28 février 2020 jusqu'au 3 mars"),
    the end taking the start's year when it leaves it out. The start may be in a clause
    that opens the sentence: the main clause closes its range.

    >>> f = date_in("Arrivée le 28 février 2020, la chorale est restée jusqu’au 3 mars pour des concerts.")
    >>> f.text, f.period.edtf
    ('le 28 février 2020 jusqu’au 3 mars', '2020-02-28/2020-03-03')
    """
    for n, first in enumerate(found):
        if first.period is None or "/" in first.period.edtf or "{" in first.period.edtf:
            continue
        rest = sentence[first.end:first.end + MAX_LABEL]
        toks = list(tokens(rest, len(rest)))
        until = next((i for i, t in enumerate(toks) if t.code == "T"), None)
        if until is None:
            continue
        after = first.end + toks[until].start
        if any(first.end <= other.start < after for other in found[n + 1:]):
            continue  # another date comes first: the range is not this date's
        end = until + 1
        while end < len(toks) and toks[end].code in _UNTIL_GOES_ON:
            end += 1
        label = f"{first.text} {rest[toks[until].start:toks[end - 1].end]}"
        period = parse_label(label)
        if period is not None and period.end_date is not None:
            return Found(label, first.start, first.end + toks[end - 1].end, period)
    return None


_PARTICIPLE_ENDINGS = tuple(_CALENDAR["clauses"]["participle_endings"])
_YEARS_COUNTED = frozenset(plain(w) for w in _CALENDAR["clauses"]["years_counted"])
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def _years_counted(sentence: str, found: Found) -> bool:
    """A number alone followed by a noun of years ("il y a plus de 2000 ans") counts
    years: it is no year."""
    after = _NEXT_WORD.match(sentence, found.end)
    return found.text.isdigit() and after is not None and plain(after[1]) in _YEARS_COUNTED


def _participle_clause(sentence: str) -> int:
    """Where the clause a sentence opens with ends, when it opens with a past participle
    ("Signé en 1963, …"); 0 otherwise."""
    first = next(tokens(sentence, MAX_LABEL), None)
    if first is None or first.code != "?" or not plain(first.text).endswith(
            tuple(plain(e) for e in _PARTICIPLE_ENDINGS)) or len(first.text) < 4:
        return 0
    comma = sentence.find(",", first.end)
    return comma + 1 if 0 < comma <= MAX_LABEL else 0


# --- What the other stages ask of the grammar ----------------------------------------------

_MONTH_NAMES = {n: w for w, n in MONTHS.items()}


# What ends the date a line opens with, for :func:`with_year`: any other word, a stop, a colon
# or a comma ("Sam. 14/06 — puis à chaque fête", "du 5 au 9, à Ivry").
_DATE_ENDS = set("?.:")


def with_year(line: str, year: int, month: int | None = None) -> str | None:
    """The date a short line opens with, written without its year (and maybe without its
    month), with the year (and the month) that headings above it give written in: an
    agenda's row under the headings of its year and month ("Sam. 11/10 à 18 h" under
    "2025", "du 5 au 9" under "2015" and "Octobre", "toute l'année" under "2019"). Each day
    in digits takes the year ("11/10/2025"), each month or "année" written alone takes it
    after it, each day with no month after it takes the month and the year. ``None`` when the line
    writes a year of its own, needs a month no heading gives, or becomes no date of that
    year the grammar reads: the line is then left as written.

    >>> with_year("Sam. 11/10 à 18 h", 2025), with_year("du 5 au 9", 2015, 10)
    ('Sam. 11/10/2025 à 18 h', 'du 5 octobre 2015 au 9 octobre 2015')
    >>> with_year("du lun. 4 au ven. 8 mars", 2024), with_year("le 15 à 19 h", 2025)
    ('du lun. 4 au ven. 8 mars 2024', None)
    >>> with_year("2022 → 2024", 2022), with_year("Accueil de jeunes", 2022)
    (None, None)
    """
    toks = []
    for t in tokens(line):
        if t.code in _DATE_ENDS:
            break
        toks.append(t)
    if not toks or any(t.code in "YZz" for t in toks):
        return None
    inserted: list[tuple[int, str]] = []
    for n, (t, after) in enumerate(zip(toks, [*toks[1:], None], strict=True)):
        if t.code == "J":  # "11/10"
            inserted.append((t.end, f"/{year}"))
        elif t.code in "My":  # "mars", "l'année"
            inserted.append((t.end, f" {year}"))
        elif t.code == "N" and (after is None or after.code not in "MJ") \
                and not any(later.code == "M" for later in toks[n + 1:]):  # "le 15", "du 5"; not
            # "du 4 au 8 mars", whose start takes the month of its end
            if month is None:
                return None
            inserted.append((t.end, f" {_MONTH_NAMES[month]} {year}"))
    if not inserted:
        return None
    written, at = [], 0
    for end, words in inserted:
        written += [line[at:end], words]
        at = end
    completed = "".join(written) + line[at:]
    found = [(f.start, f.period) for f in find_dates(completed) if f.period is not None]
    if not found or found[0][0] > toks[0].start or found[0][1].start_year != year:
        return None
    return completed


@lru_cache(maxsize=4096)
def label_key(label: str) -> str:
    """A label as an entry's id says it: its tokens in one spelling, one space apart, so
    that typography alone never changes an id. Case, accents (composed or not), dashes,
    slashes, spaces and invisible characters aside; an abbreviated month is the month
    ("Sept. 2019" is "Septembre 2019") and a range's two-digit end is the year ("2014-16"
    is "2014 – 2016"): the same period in the same words. Other words stay ("De 2014 à
    2016" keeps its own key): a rewording is the editor's, and the change log shows it.

    >>> label_key("Sept.\\u00a02019"), label_key("2014-16"), label_key("Janv.–févr. 2022")
    ('septembre 2019', '2014 - 2016', 'janvier - fevrier 2022')
    >>> label_key("2006 – 2008"), label_key("2020, 2021 et 2022"), label_key("Du 3-5 juillet 2023")
    ('2006 - 2008', '2020 , 2021 et 2022', 'du 3 - 5 juillet 2023')

    A page writes the same labels again and again ("2019"): each is read once (cached).
    """
    toks = list(tokens(label))  # a label is at most MAX_LABEL characters long
    words = []
    for i, t in enumerate(toks):
        if t.code == "M":
            words.append(plain(_MONTH_NAMES[t.value]))
        elif t.code == "-":
            words.append("-")
        elif (t.code == "N" and i >= 2 and toks[i - 1].code == "-"
              and (i + 1 == len(toks) or toks[i + 1].code not in "MK")
              and (year := _full_year(toks[i - 2], t))):
            words.append(str(year))
        else:
            words.append(plain(t.text))
    return " ".join(words)


_ABBREVIATION_VALUES = {plain(w) for w in MONTH_ABBREVIATIONS}
_NUMBERS_TOO = {"sept"}  # abbreviations that are also words: "sept" is seven


_WEEKDAY_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(WEEKDAY_ABBREVIATIONS)})$", re.IGNORECASE)
_DAY_AFTER = re.compile(r"\s*(?:1er|\d{1,2})(?!\d)")


def abbreviates_month(text: str, stop: int) -> bool:
    """True when the full stop ``text[stop]`` closes an abbreviated month ("sept.", "Déc.",
    "janv.-févr.") rather than a sentence, so that an entry is not cut there. "sept" is
    also seven: after an ordinary word ("ils étaient sept.") its full stop ends a sentence.

    >>> abbreviates_month("Sept. 2021 : visite", 4), abbreviates_month("du 3 au 5 déc. 2021", 13)
    (True, True)
    >>> abbreviates_month("les jeunes étaient sept. 2019 : accueil", 23)
    False
    >>> abbreviates_month("un concert en mars. 2019 : accueil", 18)
    False

    An abbreviated weekday before its day ("Sam. 12 & dim. 13 nov. 2022") is one label too.

    >>> abbreviates_month("Sam. 12 & dim. 13 nov. 2022", 3), abbreviates_month("au bal du sam. Puis", 14)
    (True, False)
    """
    if text[stop:stop + 1] != ".":
        return False
    if _WEEKDAY_BEFORE.search(text, max(0, stop - 4), stop) and _DAY_AFTER.match(text, stop + 1):
        return True  # "Sam. 12 & dim. 13 nov. 2022": an abbreviated weekday before its day
    low = max(0, stop - 40)
    window = text[low:stop]
    if low:  # the window's first word may be cut
        window = window[len(window.split(maxsplit=1)[0]):] if window.strip() else ""
    toks = list(tokens(window, len(window)))
    if not toks or toks[-1].code != "M" or toks[-1].end != len(window):
        return False
    word = plain(toks[-1].text)
    if word not in _ABBREVIATION_VALUES:
        return False
    return word not in _NUMBERS_TOO or len(toks) < 2 or toks[-2].code != "?"
