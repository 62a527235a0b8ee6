"""Extract stage: the page's structure -> records named after the schemas' columns.

The reading itself is done by small pure functions, each in its module: dates
(``dates.py``), numbers (``numbers.py``), partners (``places.py``), programmes,
organisations and people (``entities.py``), themes (``themes.py``). This module holds the
rules about what happened to an entry (status, recurrence, direction) and puts every
fact into the record of its table.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import TYPE_CHECKING, NamedTuple, cast

from .config import PartnerHint, Town, config
from .dates import (
    YEAR,
    Period,
    date_in,
    days_of,
    find_dates,
    first_sentence,
    label_key,
    parse_label,
    period_in,
    spans,
    split_any_label,
)
from .entities import Mention, Registry, organisations, people, programmes
from .fields import DATE, TEXT, country_field, date_field, question, tie_field, with_fields
from .french import CAPITAL, lexicon, pattern
from .french.normalise import fold
from .numbers import Figures, figures, names_people
from .narrative import announced, most_named_country, names_partner_by_kind, unglued
from .narrative import partner_country as narrative_country
from .parse import Entry, Page, Section
from .places import (
    Agreement,
    Location,
    Spellings,
    act_done_once,
    agreement,
    bracketed_tie,
    canonical_name,
    countries,
    bracket_parts,
    country_code,
    country_in_text,
    first_link,
    flag_country,
    leading_brackets,
    letters_country,
    name_words,
    partner_countries,
    place_kind,
    place_name,
    relationship,
    since_named,
    since_year,
    split_heading,
)
from .schemas import vocabulary
from .statuses import STATUS_PHRASES
from .text import APOSTROPHES, Caseless, folded, nfc, pattern_key, sentences, slug
from .themes import themes

if TYPE_CHECKING:
    from .workers import Pool

Record = dict[str, object]

# What happened to an entry, each status with the phrases that state it
# (pipeline/french/lexicon/statuses.toml: its forms, the participles' endings, the
# auxiliaries, the negations). A cancellation may name the years it cancels, which are
# then the entry's ``cancelled_years``, not its status. The codes are the schema's
# ``status`` categories.
_STATUSES = lexicon("statuses")
_SOME_YEARS = pattern(_STATUSES["some_years"], year=YEAR)
STATUSES = vocabulary("actions", "status", STATUS_PHRASES)
_STATUS = Caseless.compile(
    "(?:" + "|".join(f"(?P<{code}>{phrase})" for code, phrase in STATUS_PHRASES.items()) + ")"
    f"(?:{_SOME_YEARS})?")
# That the action took place after all, withdrawing a cancellation or a postponement stated
# before it ("annulé puis finalement maintenu"); not a status of its own.
HELD = "held"
_HELD = Caseless.compile("|".join(_STATUSES["held"]["forms"]))
# A statement is denied by a negation earlier in its clause (its words, the particle and
# its elided form); a clause starts at punctuation or at one of its opening words.
_DENIAL = _STATUSES["negation"]
_NEGATION = Caseless.compile(rf"\b(?:{'|'.join(_DENIAL['words'])})\b|\b{_DENIAL['elided']}{APOSTROPHES}"
                             rf"|\b{_DENIAL['particle']}\b|" + "|".join(_DENIAL["phrases"]))
_CLAUSE_START = Caseless.compile(rf".*(?:[,.;:!?()]|\b(?:{'|'.join(_DENIAL['clause_openers'])})\b)",
                                 re.DOTALL)
NEGATION_REACH = 60  # characters of the clause looked at before a statement
# A word of purpose right before a statement: a goal ("pour l'annulation de la dette").
_PURPOSE = Caseless.compile(_DENIAL["purpose"])
_ANSWERED_NO = Caseless.compile(_DENIAL["answered_no"])
# A status stated of one event reads as what can happen to an event (statuses.toml's
# ``event``): "le tournoi … n'a jamais vu le jour" is cancelled, "la venue … reste en
# suspens" postponed. The event is the head noun of the statement's subject: the word after
# the clause's first determiner, else its first word.
_EVENT = _STATUSES["event"]
EVENT_NOUNS = frozenset(fold(n) for n in _EVENT["nouns"])
EVENT_READING = {"abandoned": "cancelled", "suspended": "postponed"}  # stated -> of an event
_SUBJECT_HEAD = re.compile(
    r"(?:^|(?<=[\s]))(?:" + "|".join(re.escape(fold(d)) + (r"\s*" if d.endswith("'") else r"\s+")
                                    for d in sorted(_EVENT["determiners"], key=len, reverse=True))
    + r")([^\W\d_][\w-]*)|([^\W\d_][\w-]*)")
_SENTENCE_BREAK = re.compile(r".*[.;:!?]", re.DOTALL)
EVENT_REACH = 240  # characters back from a statement to its sentence's start

# How often an action comes back: phrase -> the schema's ``recurrence`` code
# (pipeline/french/lexicon/recurrences.toml).
RECURRENCES: dict[str, str] = {phrase: code for code, phrases in lexicon("recurrences").items()
                               for phrase in phrases}
RECURRENCE_CODES = vocabulary("actions", "recurrence", RECURRENCES.values())
_RECURRENCE = Caseless.compile("|".join(RECURRENCES))

# Which way people travelled, by (people came to the town, people of the town went out).
# The codes are the schema's vocabulary, checked against it here.
DIRECTIONS = {(True, False): "visit_from_partner", (False, True): "trip_to_partner",
              (True, True): "both", (False, False): "neither"}
DIRECTION_CODES = vocabulary("actions", "direction", DIRECTIONS.values())
# An undated entry's id: a word (pipeline/french/lexicon/records.toml) and this many of
# the entry's first words.
UNDATED_ID: str = lexicon("records")["undated_id"]
UNDATED_WORDS = 5
_NOT_WORD = re.compile(r"[^\w]+")


# The words of hosting, trips and exchanges both ways (pipeline/french/lexicon/directions.toml);
# the word for hosting, which both hosting rules start with, in lowercase.
_DIRECTIONS = lexicon("directions")
HOSTED: str = _DIRECTIONS["hosted"]


@dataclass(frozen=True)
class _DirectionRules:
    hosted_by_partner: re.Pattern[str]
    hosted: Caseless  # the rules written in lowercase are matched in the lowercased text
    trip: re.Pattern[str]
    both_ways: Caseless
    going: Caseless
    receiving: Caseless
    destination: re.Pattern[str]
    coming: Caseless
    host_clause: re.Pattern[str]
    here: re.Pattern[str]
    place_named: re.Pattern[str]
    people_of: re.Pattern[str]
    sent_group: re.Pattern[str]
    town_people: re.Pattern[str]
    town: re.Pattern[str]


@cache
def _direction_rules(town: Town) -> _DirectionRules:
    """The direction rules, built with the town's names and demonym from ``city.toml``.

    Being hosted *by* the partner ("accueil de huit élèves du conservatoire de <town> par
    l'école de …") is a trip; any other "accueil" is a visit to the town. A delegation of
    the town, its people going to a capitalised place ("<demonym>s à Tamba"), an invitation
    or a technical mission are trips. Case matters for the demonym before a place: "… à
    Tamba" names a place, "… à la situation" does not. Every repetition is bounded."""
    words = {"hosted": HOSTED, "name": town.name_pattern(), "demonym": town.demonym_pattern(),
             "apostrophes": APOSTROPHES, "capital": CAPITAL}
    return _DirectionRules(
        hosted_by_partner=re.compile(pattern(_DIRECTIONS["hosted_by_partner"], **words), re.IGNORECASE),
        hosted=Caseless.compile(pattern(_DIRECTIONS["hosting"], **words)),
        trip=re.compile(pattern(_DIRECTIONS["trip"], **words)),
        both_ways=Caseless.compile(pattern(_DIRECTIONS["both_ways"], **words)),
        going=Caseless.compile(pattern(_DIRECTIONS["going"], **words)),
        receiving=Caseless.compile(pattern(_DIRECTIONS["receiving"], **words)),
        destination=re.compile(pattern(_DIRECTIONS["destination"], **words)),
        coming=Caseless.compile(pattern(_DIRECTIONS["coming"], **words)),
        host_clause=re.compile(pattern(_DIRECTIONS["host_clause"], **words), re.IGNORECASE),
        here=re.compile(pattern(_DIRECTIONS["here"], **words)),
        place_named=re.compile(pattern(_DIRECTIONS["place_named"], **words)),
        people_of=re.compile(pattern(_DIRECTIONS["people_of"], **words)),
        sent_group=re.compile(pattern(_DIRECTIONS["sent_group"], **words)),
        town_people=re.compile(pattern(_DIRECTIONS["town_people"], **words)),
        town=re.compile(f"(?:{town.name_pattern()}|{town.demonym_pattern()})", re.IGNORECASE),
    )


class Statement(NamedTuple):
    """A status an entry states, the years it names when it cancels some years only, and
    the date its subject gives before it ("le séjour prévu en 2020 a été annulé")."""

    code: str
    years: str | None
    about: Period | None = None


SUBJECT_REACH = 120  # characters of the clause looked at for the date of a statement's subject


def _subject_date(text: str, lowered: bool, start: int) -> Period | None:
    """The date written before a statement in its clause, nearest to it: what the
    statement is about ("le séjour prévu en 2020 a été annulé" is about 2020; in "reporté
    en 2021 puis annulé", 2021 is the postponement's, another clause)."""
    found = [f for f in find_dates(_clause_before(text, lowered, start, SUBJECT_REACH)) if f.period]
    return found[-1].period if found else None


def _apart(about: Period | None, period: Period | None) -> bool:
    """True when a statement's date and the entry's period share no day: outside its
    interval, or in a gap of a set of dates ("Le séjour prévu en 2022 n'a pas pu avoir
    lieu" in an entry of "2021 et 2023"). An open-ended period covers every day after it
    starts."""
    if about is None or period is None or about.start_date is None or about.end_date is None:
        return False
    if period.start_date and period.end_date is None:  # "Depuis 2016"
        return about.end_date < period.start_date
    if period.end_date and period.start_date is None:  # "Jusqu'en 2020"
        return about.start_date > period.end_date
    covered = spans(period)
    return bool(covered) and all(about.start_date > last or about.end_date < first
                                 for first, last in covered)


@dataclass(frozen=True)
class EntryFacts:
    """What an entry says, each fact read once."""

    period: Period | None
    status: str | None
    cancelled_years: str | None
    recurrence: str | None
    direction: str
    figures: Figures
    themes: list[str]


def _clause_before(text: str, lowered: bool, start: int, reach: int) -> str:
    """The words of the clause before ``start``, at most ``reach`` characters back
    (``text`` as :func:`folded` gives it)."""
    low = max(0, start - reach)
    before = text[low:start]
    if low:  # the window's first word may be cut: "…Seine" must not read as "ne"
        before = before[len(before.split(maxsplit=1)[0]):] if before.strip() else ""
    clause = _CLAUSE_START.on(lowered).match(before)
    return before[clause.end():] if clause else before


def _denied(text: str, lowered: bool, start: int) -> bool:
    """True when a negation precedes the statement at ``start`` in its clause, or a word
    of purpose right before it makes it a goal ("campagne pour l'annulation de la dette")."""
    before = _clause_before(text, lowered, start, NEGATION_REACH)
    return bool(_NEGATION.on(lowered).search(before) or _PURPOSE.on(lowered).search(before))


def _statements(text: str, lowered: bool) -> list[Statement]:
    """The statuses a :func:`folded` text states, in order, with the years a cancellation
    names; a statement that the action took place after all ("finalement maintenu") is
    :data:`HELD`, which withdraws what was stated before it."""
    found: list[tuple[int, Statement]] = []
    if _STATUS.absent(text, lowered) and _HELD.absent(text, lowered):
        return []  # no word of a status (:meth:`Caseless.absent`): the usual entry
    for m in _STATUS.on(lowered).finditer(text):
        code = next(c for c in STATUS_PHRASES if m.group(c))
        if not _denied(text, lowered, m.start()) and not _ANSWERED_NO.on(lowered).match(text, m.end()):
            about = None if m["years"] else _subject_date(text, lowered, m.start())
            if code in EVENT_READING and _of_an_event(text, m.start()):
                code = EVENT_READING[code]
            found.append((m.start(), Statement(code, m["years"], about)))
    found += [(m.start(), Statement(HELD, None)) for m in _HELD.on(lowered).finditer(text)
              if not _denied(text, lowered, m.start())]
    return [statement for _, statement in sorted(found, key=lambda f: f[0])]


def _of_an_event(text: str, at: int) -> bool:
    """The statement at ``at`` is said of one event: the head noun of its sentence's
    subject, after its determiner or first in the sentence, is an event's ("le tournoi de
    futsal, doté de 9 800 €, n'a jamais vu le jour"; not "le projet d'échange … a
    capoté"). The sentence is looked for ``EVENT_REACH`` characters back at most: a
    statement further from its sentence's start has no subject read."""
    low = max(0, at - EVENT_REACH)
    before = text[low:at]
    start = _SENTENCE_BREAK.match(before)
    if start is None and low:
        return False
    head = _SUBJECT_HEAD.search(fold(before[start.end():] if start else before))
    return head is not None and (head.group(1) or head.group(2)) in EVENT_NOUNS


def _said(text: str) -> list[Statement]:
    return _statements(*folded(nfc(text)))


def _years_cancelled(said: Sequence[Statement], period: Period | None = None) -> list[int]:
    """The years cancelled: those a cancellation names after it, and the year of a
    cancelled thing its subject dates outside the entry's period."""
    named = {int(y) for s in said if s.code == "cancelled" and s.years for y in re.findall(YEAR, s.years)}
    named |= {s.about.start_year for s in said if s.code == "cancelled" and _apart(s.about, period)
              and s.about and s.about.start_year and s.about.start_year == s.about.end_year}
    named |= {y for s in said if s.code == "cancelled" and _some_of(s.about, period)
              for y in re.findall(YEAR, s.about.edtf if s.about else "")}
    return sorted(named)


def _some_of(about: Period | None, period: Period | None) -> bool:
    """True when a cancellation's subject names some years of an entry still running
    ("Depuis 2016, voyages chaque été ; les éditions 2020 et 2021 ont été annulées"): those
    years were cancelled, not the entry.

    >>> from pipeline.dates import parse_label
    >>> _some_of(parse_label("2020 et 2021"), parse_label("Depuis 2016"))
    True
    >>> _some_of(parse_label("2020"), parse_label("2020"))
    False
    >>> _some_of(parse_label("2021"), parse_label("2020-2022"))
    False
    """
    if about is None or period is None or about.start_date is None or about.end_date is None \
            or period.start_date is None or _apart(about, period):
        return False
    return period.end_date is None and about.start_date >= period.start_date


def _status(said: Sequence[Statement], period: Period | None) -> str | None:
    """The entry's status: the last statement about it; a statement whose subject is dated
    outside the entry's period ("le séjour prévu en 2020 a été annulé" in an entry of 2021)
    is about something else."""
    stated = [s.code for s in said if not (s.code == "cancelled" and (s.years or _some_of(s.about, period)))
              and not _apart(s.about, period)]
    if stated and stated[-1] != HELD:
        return stated[-1]
    if period and period.is_ongoing:
        return "ongoing"
    cancelled = _years_cancelled(said)
    every_year = period and period.start_year and period.end_year and cancelled and set(
        range(period.start_year, period.end_year + 1)) <= set(cancelled)
    return "cancelled" if every_year else None


def _edtf_set(years: list[int]) -> str | None:
    return "{" + ",".join(map(str, years)) + "}" if years else None


def status(text: str, period: Period | None) -> str | None:
    """What the text says happened to the entry, the last statement winning ("reporté puis
    annulé" is cancelled); else ``ongoing`` for an open-ended period; else nothing. An entry
    whose every year was cancelled is cancelled.

    >>> status("faute de partenaires, la ville a abandonné le chantier en 2019.", None)
    'abandoned'
    >>> status("Le festival n’a pas été annulé mais reporté à 2024.", None)
    'postponed'
    >>> status("Séjour annulé puis finalement maintenu.", None) is None
    True
    >>> status("Le séjour prévu en 2020 a été annulé ; il a eu lieu en 2021.", parse_label("2021")) is None
    True
    """
    return _status(_said(text), period)


def cancelled_years(text: str) -> str | None:
    """The years an entry says were cancelled, as an EDTF set.

    >>> cancelled_years("Les tournois ont été annulés en 2020 et 2021 à cause des grèves")
    '{2020,2021}'
    """
    return _edtf_set(_years_cancelled(_said(text)))


def recurrence(text: str) -> str | None:
    """How often the action comes back, when the page says so.

    >>> recurrence("un camp de jeunes organisé chaque été au bord du fleuve")
    'every_summer'
    """
    return _recurrence(*folded(text))


def _recurrence(text: str, lowered: bool) -> str | None:
    m = None if _RECURRENCE.absent(text, lowered) else _RECURRENCE.on(lowered).search(text)
    return RECURRENCES[pattern_key(m.group())] if m else None


def direction(text: str, town: Town | None = None) -> str:
    """Which way people went: ``visit_from_partner`` (people came to the town),
    ``trip_to_partner`` (people of the town went out, hosted by the partner included),
    ``both`` or ``neither``; the codes of the schema's ``direction`` vocabulary. The
    town is ``city.toml``'s unless given.

    >>> town = Town("Saint-Denis", ("Saint-Denis",), "dionysien", "93066")
    >>> direction("accueil de quatre élèves du Conservatoire de Saint-Denis par l’école de Tamba", town)
    'trip_to_partner'
    >>> direction("Mars 2015 : délégation dionysienne conduite par l’adjointe au maire à Tamba", town)
    'trip_to_partner'
    >>> direction("2011 : accueil d’une chorale de Tamba pour un concert commun", town)
    'visit_from_partner'
    """
    return _direction(text, folded(text), town or config().town)


def _direction(text: str, read: tuple[str, bool], town: Town) -> str:
    """:func:`direction`, ``read`` being the :func:`folded` text. Where a movement leads
    decides first (:func:`_led_to`); else the words of hosting, of coming, of trips and of
    exchanges both ways, and who is where (:func:`_by_people`). A lowercased text without
    the word for hosting is neither hosted nor hosted by the partner."""
    rules = _direction_rules(town)
    lowered_text, lowered = read
    led = _led_to(rules, text, read)
    if len(led) == 1:
        return DIRECTIONS[(True, False)] if True in led else DIRECTIONS[(False, True)]
    if not rules.both_ways.absent(lowered_text, lowered) and rules.both_ways.on(lowered).search(lowered_text):
        return "both"
    hosting = not lowered or HOSTED in lowered_text
    trip = bool(rules.trip.search(text) or (hosting and rules.hosted_by_partner.search(text)))
    hosts = folded(rules.host_clause.sub("", rules.hosted_by_partner.sub("", text)) if hosting else "")
    visit = bool((not rules.hosted.absent(*hosts) and rules.hosted.on(hosts[1]).search(hosts[0]))
                 or (not rules.coming.absent(lowered_text, lowered)
                     and rules.coming.on(lowered).search(lowered_text)))
    if visit or trip:  # who is named where decides only when the words do not
        return DIRECTIONS[(visit, trip)]
    return DIRECTIONS[_by_people(rules, text)]


_SENTENCE_END = re.compile(r"[.;!?\n]")
MOVEMENT_REACH = 200  # characters after a word of movement looked at for where it leads


def _elsewhere(rules: _DirectionRules, place: str) -> bool:
    """True when a capitalised word names another place than the town (its names and
    demonym from ``city.toml``)."""
    return not rules.town.fullmatch(place)


def _led_to(rules: _DirectionRules, text: str, read: tuple[str, bool]) -> set[bool]:
    """Where the text's movements lead, each to the first place its sentence names after
    it: ``True`` for the town ("à <town>", "en mairie"; people came), ``False`` elsewhere
    (its people went). A word of going leads anywhere ("séjour à <place>", "s'est rendue dans les camps de
    <place>"); a word of receiving only to the town ("reçue à <town>")."""
    found: set[bool] = set()
    lowered_text, lowered = read  # where the words of movement are (the same places)
    for words, anywhere in ((rules.going, True), (rules.receiving, False)):
        if words.absent(lowered_text, lowered):
            continue  # none of its words (:meth:`Caseless.absent`)
        for m in words.on(lowered).finditer(lowered_text):
            stop = _SENTENCE_END.search(text, m.end(), m.end() + MOVEMENT_REACH)
            rest = text[m.end():stop.start() if stop else m.end() + MOVEMENT_REACH]
            where, home = rules.destination.search(rest), rules.here.search(rest)
            if where is None and home is None:
                continue
            here = (home is not None and (where is None or home.start() <= where.start())) \
                or (where is not None and not _elsewhere(rules, where["place"]))
            if here or anywhere:
                found.add(here)
    return found


def _by_people(rules: _DirectionRules, text: str) -> tuple[bool, bool]:
    """(people came, the town's people went), read from who is named where: people from
    another place ("danseur·euses de <place>", a delegation not of the town) at the town
    came; the town's people ("22 joueurs <demonym>") with another place named and the
    town not, went."""
    here = bool(rules.here.search(text))
    ours = any(names_people(m["word"]) for m in rules.town_people.finditer(text))
    if here:  # people came when people of elsewhere are named, and none of the town's
        theirs = not ours and (any(names_people(m["word"]) and _elsewhere(rules, m["place"])
                                   for m in rules.people_of.finditer(text)) or any(
            not rules.town.search(m["rest"]) and not rules.trip.match(m.group())
            for m in rules.sent_group.finditer(text)))
        return theirs, False
    # the town's people went when another place is named
    return False, ours and any(_elsewhere(rules, m["place"]) for m in rules.place_named.finditer(text))


FRAME_WORDS = 4  # words of a heading that says a status of what it heads ("Projets reportés")


@cache
def framed_status(heading: str) -> str | None:
    """The status a short heading says of the entries under it, a word or two beside the
    status ("Reporté 3", a board's column and its count; "Actions annulées"); ``None`` for
    a longer heading, or one that says none ("Réalisé", "Historique des actions").

    >>> framed_status("Reporté 3"), framed_status("Actions annulées"), framed_status("Réalisé 12")
    ('postponed', 'cancelled', None)
    """
    if len(re.findall(r"[^\W\d_]+", heading)) > FRAME_WORDS:
        return None
    return status(heading, None)


def entry_facts(label: str | None, text: str, written: str | None = None,
                frame: str | None = None, latest: int | None = None) -> EntryFacts:
    """Everything an entry says, each fact read once, the text lowercased once. ``label``
    is the date the entry stands for, ``written`` its label as the page writes it: one
    without its year in a sentence told in the future tense is announced
    (:func:`pipeline.narrative.announced`), when nothing else is said of it. ``frame``, the
    heading above the entry that heads no partner (``Entry.frame``), gives the status its
    own words do not (:func:`framed_status`: a card in a board's column "Reporté"). ``latest``,
    the latest year the page's entries are dated in: a label of that year told in the future
    tense is announced too ("nous serons de retour à Travaco en mai 2025")."""
    read, composed = folded(text), nfc(text)
    said = _statements(*(read if composed is text else folded(composed)))
    period = (parse_label(label) or period_in(label)) if label else None
    if period and period.is_ongoing and period.start_year and period.start_month is None \
            and act_done_once(first_sentence(text)):  # "Depuis 1998, un protocole a été signé"
        period = parse_label(str(period.start_year))
    stated = _status(said, period)
    if stated in (None, "ongoing") and frame and (framed := framed_status(frame)):
        stated = framed  # what the entry's words state wins; an open period says less
    if stated is None and written and announced(text, written, latest):
        stated = "planned"
    return EntryFacts(period=period, status=stated,
                      cancelled_years=_edtf_set(_years_cancelled(said, period)),
                      recurrence=_recurrence(*read), direction=_direction(text, read, config().town),
                      figures=_lasting(with_fields(figures(text, _once(period)), text), period),
                      themes=themes(text))


def _once(period: Period | None) -> bool:
    """The entry happened once: on a day or in a month, not over years ("le 3 novembre
    1973", not "2003-2014"); a count said of every year is then not its head count."""
    return (period is not None and period.start_month is not None and not period.is_ongoing
            and (period.start_year, period.start_month) == (period.end_year, period.end_month))


def _lasting(numbers: Figures, period: Period | None) -> Figures:
    """The entry's figures, its duration taken from its period when the text gives none
    and the period is written to the day ("Du 3 au 5/10/2019" lasts 3 days): how long it
    lasted is what its dates say, in whichever form they are written."""
    if numbers.duration_days is not None:
        return numbers
    return replace(numbers, duration_days=days_of(period))


def dated(entry: Entry) -> Entry:
    """The entry, with the date its first sentence gives as its date words when it opens
    with no label ("Le 12 mars 2019, une délégation…", "Festival des solidarités (novembre
    2021) : …"), or the value of its date field when it is a fiche ("Date : juillet 2019",
    :func:`pipeline.fields.date_field`): a dated entry is dated, and its id follows its
    date, never ``sans-date``.

    >>> dated(Entry(None, "Accueil de jeunes (mai 2018). Puis en 2019.", 4, 4)).label
    'mai 2018'
    >>> dated(Entry(None, "Collaboration depuis plusieurs années.", 4, 4)).label is None
    True
    """
    if entry.label is not None:
        return _noted_days(_year_detailed(entry))
    if given := date_field(entry.text):  # a fiche's "Date : juillet 2019"
        return replace(entry, label=given)
    found = date_in(entry.text)
    return replace(entry, label=found.text) if found else entry


def _year_detailed(entry: Entry) -> Entry:
    """An entry under a year alone on its line ("1990", then "Ces convois partent les
    17/01/90 et 17/04/90. …"), whose first sentence says when in that year: dated by that
    sentence's date, as a year's brackets detail it ("2019 (du 3 au 5 octobre)").

    >>> _year_detailed(Entry("1990", "1990\\nCes convois partent les 17/01/90 et 17/04/90.", 4, 5)
    ...                ).period_label
    'les 17/01/90 et 17/04/90'
    >>> _year_detailed(Entry("1990", "1990 : les convois partent le 17/01/90.", 4, 4)).period_label is None
    True
    """
    label = (entry.label or "").strip()
    year = parse_label(label) if label and entry.period_label is None else None
    head, _, below = entry.text.partition("\n")
    if year is None or year.edtf != label or head.strip() != label:
        return entry
    found = date_in(below)
    inside = found.period if found else None
    if found is None or inside is None or inside.start_date is None or inside.end_date is None \
            or inside.start_month is None or inside.start_date.year != inside.end_date.year \
            or inside.start_date.year != year.start_year:
        return entry
    return replace(entry, period_label=found.text)


# A note's mark after a label ("2023³", "2023 (3)", "2023*") and the note that opens with it
_MARKED_LABEL = re.compile(r"(?P<label>.*?\d)\s?(?P<mark>[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}|\(\d{1,2}\)|\*{1,3})\s*$")


def _noted_days(entry: Entry) -> Entry:
    """An entry whose label is a year with a note's mark ("2023³ : fêtes des 60 ans …")
    and whose note, kept with it, opens with days or a month of that year without it ("³ Du
    12 au 14 mai."): dated by those days in that year, as a year's brackets detail it.

    >>> _noted_days(Entry("2023³", "2023³ : fêtes du jumelage.\\n\\n³ Du 12 au 14 mai.", 4, 6)).period_label
    'Du 12 au 14 mai 2023'
    """
    marked = _MARKED_LABEL.match(entry.label or "") if entry.period_label is None else None
    year = parse_label(marked["label"]) if marked else None
    if marked is None or year is None or year.start_year is None or year.start_year != year.end_year \
            or year.start_month is not None:
        return entry
    for line in entry.text.splitlines()[1:]:
        if not line.startswith(marked["mark"]) or line[len(marked["mark"]):][:1] in "¹²³⁴⁵⁶⁷⁸⁹⁰":
            continue
        note = line[len(marked["mark"]):].strip()
        found = date_in(note)
        dated = f"{found.text} {year.start_year}" if found else ""
        if found and found.start == 0 and found.period and found.period.start_year is None \
                and found.period.start_month is not None \
                and (days := parse_label(dated)) and days.start_year == year.start_year:
            return replace(entry, period_label=dated)
    return entry


def _dated_page(page: Page) -> Page:
    return replace(page, sections=[replace(s, entries=[dated(e) for e in s.entries])
                                   for s in page.sections])


def entry_key(entry: Entry) -> str:
    """What an entry is, in an id: its date label normalised (:func:`label_key`: case,
    accents, dashes, spaces, an abbreviated month, a two-digit end aside: "2006 – 2008",
    "2006—2008" and "2006-08" are one key); for an undated entry, ``sans-date`` and its
    first words, so that its id owes nothing to its place.

    >>> [entry_key(Entry(label, "", 1, 1)) for label in ("2006 – 2008", "2006—2008", "2006-08")]
    ['2006-2008', '2006-2008', '2006-2008']
    >>> entry_key(Entry(None, "Partenariat avec le Théâtre municipal depuis 2010.", 1, 1))
    'sans-date-partenariat-avec-le-theatre-municipal'
    """
    if entry.label:  # every dash and apostrophe a separator ("2006–2008" is not "20062008")
        return slug(_NOT_WORD.sub(" ", label_key(entry.label)))
    words = slug(_NOT_WORD.sub(" ", " ".join(entry.text.split()[:UNDATED_WORDS])))
    return f"{UNDATED_ID}-{words}" if words else UNDATED_ID


def ranked(keys: list[str]) -> list[str]:
    """Each key with its rank among equal keys: ``key``, ``key-2``, ``key-3``…; an
    action's id is its partner's id and its ranked entry key, a rank among the partner's
    identical keys only, so that an entry inserted elsewhere changes no other id. A rank
    another key already spells is skipped: a label "2020 (2)" keys "2020-2", and two ids
    of one table must never be one.

    >>> ranked(["tamba", "kita", "tamba"])
    ['tamba', 'kita', 'tamba-2']
    >>> ranked(["2020", "2020", "2020-2"])
    ['2020', '2020-3', '2020-2']
    """
    taken = set(keys)
    seen: set[str] = set()
    rank: dict[str, int] = {}  # the next rank to try for a key: linear on many equal keys
    result = []
    for key in keys:
        if key not in seen:
            seen.add(key)
            result.append(key)
            continue
        n = rank.get(key, 2)
        while f"{key}-{n}" in taken:
            n += 1
        rank[key] = n + 1
        taken.add(f"{key}-{n}")
        result.append(f"{key}-{n}")
    return result


def _town_columns() -> Record:
    """The town's INSEE code and name, from its configuration, on every partner and action:
    with them, several towns' releases stack into one national table."""
    town = config().town
    return {"town_insee": town.insee, "town_name": town.name}


def _action_record(entry: Entry, partner_id: str, action_id: str, facts: EntryFacts) -> Record:
    period, numbers = facts.period, facts.figures
    amount, people_count, ages = numbers.amount, numbers.participants, numbers.ages
    return {
        "action_id": action_id,
        **_town_columns(),
        "partner_id": partner_id,
        "date_label": entry.label,
        "period": period.edtf if period else None,
        "start_date": period.start_date if period else None,
        "end_date": period.end_date if period else None,
        "start_year": period.start_year if period else None,
        "start_month": period.start_month if period else None,
        "end_year": period.end_year if period else None,
        "end_month": period.end_month if period else None,
        "is_ongoing": period.is_ongoing if period else None,
        "amount_eur": amount.value if amount else None,
        "amount_approx": amount.approx if amount else None,
        "amount_kind": numbers.amount_kind,
        "participants": people_count.value if people_count else None,
        "participants_approx": people_count.approx if people_count else None,
        "age_min": ages[0] if ages else None,
        "age_max": ages[1] if ages else None,
        "duration_days": numbers.duration_days,
        "recurrence": facts.recurrence,
        "direction": facts.direction,
        "status": facts.status,
        "cancelled_years": facts.cancelled_years,
        "text": entry.text,
        "source_line": entry.line,
        "source_line_end": entry.line_end,
    }


@dataclass(frozen=True)
class Heading:
    """A partner's heading, read once: its place without kind, region or qualifiers, and
    what its closing brackets hold (the partner's countries)."""

    text: str
    place: str
    brackets: str | None

    @classmethod
    def read(cls, text: str) -> Heading:
        place, brackets = split_heading(text)
        return cls(text, place_name(place), brackets)


def partner_country(heading: Heading, intro_item: str | None, description: str | None,
                    claimed: Container[str] = (), told: str = "",
                    taken: Container[str] = ()) -> tuple[str | None, str | None]:
    """The partner's ``country_name`` and ``country_code``: what its heading names beside
    the place, else what its intro item names, else the first country its description
    places it in. A heading's brackets that name no country are kept as written.

    >>> partner_country(Heading.read("Dianguirdé (Mali)"), None, None)
    ('Mali', 'ML')
    >>> lisa = Heading.read("Notre ville jumelle : La Lisa")
    >>> partner_country(lisa, "La municipalité de La Lisa (Cuba)", None)
    ('Cuba', 'CU')
    >>> partner_country(Heading.read("Dianguirdé"), None, "Une commune malienne de la région de Kayes.")
    ('Mali', 'ML')
    >>> partner_country(Heading.read("Aveiro"), None, "(Portugal) 1989. Aveiro est une capitale.")
    ('Portugal', 'PT')
    >>> partner_country(Heading.read("Sulzheim (Rhénanie-Palatinat)"), None, None)
    ('Allemagne', 'DE')

    A heading's country read from an adjective alone yields to the intro item's country
    named as such:

    >>> partner_country(Heading.read("Sahraouis – Smara"), "Camps sahraouis de Smara (Algérie)", None)
    ('Algérie', 'DZ')

    Else the country its section (its description and what its entries tell, ``told``)
    names most, by name or adjective (:func:`pipeline.narrative.most_named_country`),
    unless another partner of the page is in that country (``taken``): weaker words than
    a country said beside the name.
    A country the description names that is ``claimed`` (the country of another partner
    the description names too) is that partner's, not this one's:

    >>> partner_country(Heading.read("Chimay"), None, "Avec Ramsgate, la ville anglaise.", {"GB"})
    (None, None)

    Then the region its entries place something in ("un voyage en Bavière", "retour au Pays
    de Galles": :func:`pipeline.places.country_in_text`), on the same terms:

    >>> partner_country(Heading.read("Wolfach"), None, None, told="2018 : voyage en Bavière.")
    ('Allemagne', 'DE')

    Last, where nothing names a country, a letter of the place's name that one country's
    language alone writes (:func:`pipeline.places.letters_country`):

    >>> partner_country(Heading.read("Łuków"), None, "La fête de Łuków.")
    ('Pologne', 'PL')
    """
    named = partner_countries(heading.brackets)
    if named[1] and intro_item and heading.brackets \
            and not any(country_code(part) for part in bracket_parts(heading.brackets)) \
            and (from_item := partner_countries(split_heading(intro_item)[1]))[1] \
            and any(country_code(part) for part in bracket_parts(split_heading(intro_item)[1] or "")):
        return from_item  # "Sahraouis – Tindouf", a people's adjective beside the place, and
        # the item's "(Algérie)", a country's name: the name is the surer word
    if named[1]:
        return named
    if flag := flag_country(heading.text):
        return flag
    if intro_item and (from_item := partner_countries(split_heading(intro_item)[1]))[1]:
        return from_item
    if description and (given := country_field(description)) and (field := partner_countries(given))[1]:
        return field  # a fiche's "Pays : ROUMANIE"
    if description and (opening := partner_countries(leading_brackets(description)))[1]:
        return opening  # "Aveiro" then "(Portugal) 1989": the heading's brackets on their line
    if description and heading.place \
            and (beside := narrative_country(heading.place, [description], fallback=False)) \
            and (code := country_code(beside)) and code not in claimed:
        return beside, code  # "… le lycée Cours Sacré Cœur de Dakar (Sénégal)": beside the place's name
    if description and (from_text := country_in_text(description)) and from_text[1] not in claimed:
        return from_text
    if (most := most_named_country([description or "", told])) \
            and (code := country_code(most)) and code not in claimed and code not in taken:
        return most, code  # "la soirée danses écossaises": the country its section names most
    if not named[0] and told and (region := country_in_text(told)) \
            and region[1] not in claimed and region[1] not in taken:
        return region  # "un voyage en Bavière": the region its entries place a journey in
    if not named[0] and (written := letters_country(heading.place)):
        return written  # "Łuków": a letter Polish alone writes
    return named


@dataclass(frozen=True)
class PartnerName:
    """A partner's canonical name and the spellings the page gives it."""

    name: str
    spellings: Counter[str]

    @property
    def variants(self) -> str | None:
        return " | ".join(sorted(s for s in self.spellings if s != self.name)) or None


def partner_name(heading: Heading, words: Spellings) -> PartnerName:
    """The heading's place in its most frequent spelling on the page."""
    found = words.of(heading.place)
    return PartnerName(canonical_name(found), found)


def _partner_record(section: Section, partner_id: str, name: PartnerName, heading: Heading,
                    about: Record, claimed: Container[str] = (), taken: Container[str] = ()) -> Record:
    """The partner's row: what its heading and intro item say, and ``about`` it (what its
    description and the reference places say)."""
    item = section.intro
    description = about.get("description")
    country_name, code = partner_country(heading, item.text if item else None,
                                         description if isinstance(description, str) else None, claimed,
                                         "\n\n".join(entry.text for entry in section.entries), taken)
    return {
        "partner_id": partner_id,
        **_town_columns(),
        "name": name.name,
        "name_variants": name.variants,
        "heading": heading.text,
        "intro_item": item.text if item else None,
        "intro_line": item.line if item else None,
        "kind": place_kind(item.text if item else heading.text),
        "country_name": country_name,
        "country_code": code,
        **about,
        "source_line": section.heading.line,
    }


def _years_beside(sections: list[Section]) -> list[int | None]:
    """The year written under each partner's heading, as a list of twin towns gives the
    tie's year ("Aveiro" then "(Portugal) 1989"): after the country's brackets, always; a
    year alone ("Augsbourg (Allemagne)" then "1967") only where every partner of the page
    (two at least) has one, a list's layout, since one partner's year alone may be the
    date of its first entry.

    >>> from pipeline.read import Block
    >>> aveiro = Section(Block("heading", "Aveiro", 1), [Block("paragraph", "(Portugal) 1989", 2)])
    >>> augsbourg = Section(Block("heading", "Augsbourg (Allemagne)", 4), [Block("paragraph", "1967", 5)])
    >>> _years_beside([aveiro, augsbourg]), _years_beside([augsbourg])
    ([1989, 1967], [None])
    """
    found = [_year_beside(section) for section in sections]
    listed = len(sections) > 1 and all(found)
    return [year if listed or bracketed else None
            for year, bracketed in (f or (None, False) for f in found)]


def _year_beside(section: Section) -> tuple[int, bool] | None:
    """The year written alone on the first line under a partner's heading, and whether
    the country's brackets come before it; or the year its heading gives the tie ("Wolfach
    (depuis 1972)", a line of a list of twins; "Mali – Kita (protocole d'accord de 2005)",
    the act that sealed it in its last brackets) or the intro's prose list beside its place
    ("Darmstadt (Allemagne) et Alkmaar (Pays-Bas) en 1958": ``Section.tie_year``), as
    surely as a year after the brackets."""
    if (year := since_year(section.heading.text)) is not None:
        return year, True
    if (bracket := _LAST_BRACKET.search(section.heading.text)) is not None \
            and (signed := agreement(bracket[1])) is not None and signed.year is not None:
        return signed.year, True  # "MALI – Kita (protocole d'accord de 2005)": the tie's act and year
    if (year := bracketed_tie(section.heading.text)) is not None:
        return year, True  # "La Lisa (Cuba) – ville jumelée (1997)": the tie's word, its year
    if section.tie_year is not None:
        return section.tie_year, True
    first = min([*((b.line, b.text) for b in section.description),
                 *((e.line, e.text) for e in section.entries)], default=None)
    found = _YEAR_BESIDE.fullmatch(first[1].split("\n", 1)[0].strip()) if first else None
    return (int(found["year"]), found["brackets"] is not None) if found else None


_LAST_BRACKET = re.compile(r"\(([^()\n]{1,80})\)\W*$")  # a heading's last brackets
_YEAR_BESIDE = re.compile(r"(?P<brackets>\([^()\n]{1,80}\)\s*)?(?P<year>(?:1[89]|20)\d\d)")


def _description_columns(description: str, first_action_year: int | None,
                         told: str = "", beside: int | None = None, own: str | None = None,
                         names_it: Callable[[str], bool] | None = None) -> Record:
    """What a partner's description says of the tie: its agreement, its first link. The
    agreement is read in the description, then in what the section's entries tell
    (``told``, in the page's order), as one text: a page that tells its twinning's history
    writes "un jumelage a été officialisé le 28 novembre 2000" in the sentence of an event,
    and a description block that is an entry's text too (the narrative reader keeps the
    sentence that describes the partner in both, "une charte d'amitié signée en 1970,")
    is read once, where the entry goes on ("puis une charte de jumelage signée le 3
    novembre 1973."). Where no sentence gives the agreement's year, the year written alone
    under the heading (``beside``) is its year. On a page of several partners, the
    agreement is read in ``own``: the sentences that are about this partner (not those
    that name another partner and not it: "est scellé le 20 mai 1990 un serment de
    jumelage entre Entroncamento et <town>" is Entroncamento's). A fiche's field of the tie
    ("Date de signature : 12 mars 2004": :func:`pipeline.fields.tie_field`) comes next, then
    the year beside the heading. Last, "depuis" and a date
    in a sentence that names this partner alone (``names_it``) gives the year the tie
    began (:func:`pipeline.places.since_named`: "Ogre en Lettonie depuis 2005")."""
    read = description if own is None else own
    said = [block for block in read.split("\n\n") if block and block not in told]
    signed = agreement("\n".join([*said, told] if told else said))
    if (signed is None or signed.year is None) and (field := tie_field("\n".join([*said, told]))):
        signed = Agreement(field, signed.type if signed else "")  # a fiche's "Date de signature : …"
    if beside is not None and (signed is None or signed.year is None or not signed.type):
        # the year the page gives the tie beside its partner (its act's, in the introduction
        # or under the heading) before one read from a sentence naming no act ("le comité
        # de jumelage réhabilite depuis 2018": :func:`pipeline.places.agreement`'s guess)
        signed = Agreement(beside, signed.type if signed else "")
    if (signed is None or signed.year is None) and names_it is not None \
            and (since := since_named("\n".join([*said, told]), names_it)) is not None:
        signed = Agreement(since, signed.type if signed else "")
    link = first_link(description, first_action_year)
    return {
        "relationship": relationship(signed),
        "agreement_year": signed.year if signed else None,
        "agreement_type": (signed.type or None) if signed else None,
        "first_link_year": link[0] if link else None,
        "first_link_precision": link[1] if link else None,
        "description": description or None,
    }


# What location_source says of a partner that no reference place locates: plainly that
# none was found, rather than an empty cell a reader could take for a gap in the data
# (pipeline/french/lexicon/records.toml, as the word of an undated entry's id).
NO_LOCATION: str = lexicon("records")["no_location"]


def _location_columns(where: Location | None) -> Record:
    """Where the reference places put a partner."""
    return {
        "latitude": round(where.latitude, 6) if where else None,
        "longitude": round(where.longitude, 6) if where else None,
        "location_place": where.place if where else None,
        "location_source": where.source if where else NO_LOCATION,
    }


def _page_text(page: Page) -> str:
    parts = [b.text for b in page.intro]
    for s in page.sections:
        parts += [s.heading.text, *(b.text for b in s.description), *(e.text for e in s.entries)]
    return "\n".join(parts)


@dataclass(frozen=True)
class _Passage:
    """A text of the page that may name things, whose they are (an action or a partner's
    description) and how to find the line of a character of it."""

    owner: str  # the owner's id column: action_id or partner_id
    owner_id: str
    text: str
    line_at: Callable[[int], int]


def _passages(section: Section, partner_id: str) -> list[_Passage]:
    """The section's description blocks, each on its line, before its actions (added by the
    caller): the page's order."""
    return [_Passage("partner_id", partner_id, block.text, _on_line(block.line))
            for block in section.description]


def _on_line(line: int) -> Callable[[int], int]:
    """Where a character of a block is: on the block's one line."""
    return lambda _offset: line


def _named(registry: Registry, find: Callable[[str], list[Mention]],
           passages: list[_Passage]) -> list[dict[str, int]]:
    """For each passage, the things it names and the line where it first names each.

    Things are registered where the page names them with their marker (« », a head noun),
    in the page's order, then found again wherever a passage writes them bare: the first
    line of a thing may be a bare mention above its marked one ("la maison des jeunes" in
    a partner's description, "la Maison des Jeunes" in a later action)."""
    named = []
    for passage in passages:
        lines: dict[str, int] = {}
        for mention in find(passage.text):
            key, line = registry.add(mention), passage.line_at(mention.start)
            lines[key] = min(lines.get(key, line), line)
        named.append(lines)
    for passage, lines in zip(passages, named, strict=True):
        for key, offset in registry.bare_mentions(passage.text).items():
            line = passage.line_at(offset)
            lines[key] = min(lines.get(key, line), line)
    return named


def _first_lines(rows: list[Record], keys: tuple[str, ...]) -> list[Record]:
    """One row per key, with the first line it was found on, in the order first found."""
    kept: dict[tuple[object, ...], Record] = {}
    for row in rows:
        key = tuple(row[k] for k in keys)
        if key not in kept:
            kept[key] = dict(row)
        kept[key]["source_line"] = min(cast(int, kept[key]["source_line"]),
                                       cast(int, row["source_line"]))
    return list(kept.values())


def _lines(*tables: list[Record], column: str) -> dict[object, int]:
    """The first line each thing of ``column`` is named on, over its link tables."""
    first: dict[object, int] = {}
    for rows in tables:
        for row in rows:
            line = cast(int, row["source_line"])
            first[row[column]] = min(first.get(row[column], line), line)
    return first


def _registry_rows(registry: Registry, id_column: str, with_acronym: bool,
                   lines: dict[object, int]) -> list[Record]:
    rows = []
    for key, entry in registry.entries.items():
        row: Record = {id_column: key, "name": entry["name"]}
        if with_acronym:
            row["acronym"] = entry["acronym"]
        row["kind"] = entry["kind"]
        row["name_variants"] = " | ".join(sorted(entry["variants"])) or None
        row["source_line"] = lines[key]
        rows.append(row)
    return rows


Linked = tuple[list[Record], list[Record], list[Record]]  # rows, action links, partner links


def _things(find: Callable[[str], list[Mention]], passages: list[_Passage], column: str,
            with_acronym: bool) -> Linked:
    """The programmes or organisations the passages name, one row each however spelt, and
    their links to the actions and partner descriptions that name them."""
    registry = Registry()
    links: dict[str, list[Record]] = {"action_id": [], "partner_id": []}
    for passage, lines in zip(passages, _named(registry, find, passages), strict=True):
        links[passage.owner] += [{passage.owner: passage.owner_id, column: key, "source_line": line}
                                 for key, line in lines.items()]
    # a description of several paragraphs may name a thing in each: one link, its first line
    links = {owner: _first_lines(rows, (owner, column)) for owner, rows in links.items()}
    rows = _registry_rows(registry, column, with_acronym, _lines(*links.values(), column=column))
    return rows, links["action_id"], links["partner_id"]


def _people(passages: list[_Passage]) -> Linked:
    """The people the passages name, one row each, and their roles in each action and
    partner description, each with the line of the name."""
    persons: dict[str, Record] = {}
    links: dict[str, list[Record]] = {"action_id": [], "partner_id": []}
    for passage in passages:
        for person in people(passage.text):
            key = slug(person.name)
            record = persons.setdefault(key, {"person_id": key, "name": person.name,
                                              "description": None})
            if person.about and not record["description"]:
                record["description"] = person.about
            links[passage.owner].append({passage.owner: passage.owner_id, "person_id": key,
                                         "role": person.role,
                                         "source_line": passage.line_at(person.start)})
    action_links = _first_lines(links["action_id"], ("action_id", "person_id", "role"))
    partner_links = _first_lines(links["partner_id"], ("partner_id", "person_id", "role"))
    first = _lines(action_links, partner_links, column="person_id")
    return ([{**row, "source_line": first[key]} for key, row in persons.items()],
            action_links, partner_links)


# A rank an action id may end with ("-2" … "-99"), never a year ("-2021" ends a range).
_RANK = re.compile(r"-(?:[2-9]|[1-9]\d)")
# Past this many entries with one label in a section, ids follow their rank only: matching
# each with the previous release's would cost their square.
MAX_MATCHED = 50
SAME_ENTRY = 0.6  # difflib ratio from which an edited entry is the previous one


def action_ids(pid: str, entries: Sequence[Entry], previous: Mapping[str, str]) -> list[str]:
    """The ids of a section's actions: its partner's id and each entry's ranked key
    (:func:`ranked`), except where several entries share a key. There, an entry the
    previous release had (``previous``: its action ids and texts) keeps its id, the same
    text first, then the most similar one, so that an entry inserted above another with
    the same label takes a new rank rather than the other's id; new entries take the
    first ranks left.

    >>> old = Entry("2020", "2020 : forages.", 1, 1)
    >>> new = Entry("2020", "2020 : accueil de jeunes.", 1, 1)
    >>> action_ids("gao", [new, old], {"gao-2020": "2020 : forages."})
    ['gao-2020-2', 'gao-2020']
    >>> action_ids("gao", [new, old], {})
    ['gao-2020', 'gao-2020-2']
    """
    keys = [entry_key(e) for e in entries]
    ids = [f"{pid}-{key}" for key in ranked(keys)]
    if not previous:
        return ids
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    for key, members in groups.items():
        base = f"{pid}-{key}"
        before = {aid: text for aid, text in previous.items()
                  if aid == base or (aid.startswith(base) and _RANK.fullmatch(aid, len(base)))}
        if len(members) < 2 or not before or len(members) > MAX_MATCHED or len(before) > MAX_MATCHED:
            continue
        for i, aid in zip(members, _follow([entries[i].text for i in members], before, base),
                          strict=True):
            ids[i] = aid
    return _reworded(pid, entries, ids, previous)


def _asked_body(text: str) -> str | None:
    """An easy-read entry's words ("Quand ? En 2012." then "Quoi ? Accueil …"): its lines
    after the date's question, each answer without its question, the facts asked apart
    ("Qui ? …", "Combien ? …") left out; ``None`` for an entry written otherwise.

    >>> _asked_body("Quand ? En 2012.\\nQuoi ? Accueil de jeunes.\\nQui ? 7 enfants.")
    'Accueil de jeunes.'
    """
    lines = text.split("\n")
    first = question(lines[0])
    if first is None or first.kind != DATE:
        return None
    kept = []
    for line in lines[1:]:
        asked = question(line)
        if asked is None or asked.kind == TEXT:
            kept.append(asked.value if asked is not None else line)
    return "\n".join(kept)


def _body(text: str, label: str | None = None) -> str:
    """An entry's words without its date: after its label, or, when it opens with none,
    without the date words its first sentence gives ("Accueil … en 2014 pour un échange"
    is "2014 : accueil … pour un échange" reworded); what a reworded or moved date leaves
    unchanged, its first letter's case aside.

    >>> _body("Accueil de jeunes en 2014 pour un concert.")
    'accueil de jeunes pour un concert.'
    >>> _body("2014 : accueil de jeunes pour un concert.")
    'accueil de jeunes pour un concert.'
    """
    found = split_any_label(text)
    asked = _asked_body(text)
    if asked is not None:  # "Quand ? En 2012.\nQuoi ? Accueil …": what its text answers
        words = asked
    elif found:
        words = found[1]
    elif label and text.startswith(label):  # a label the grammar does not read alone
        words = text[len(label):].lstrip(" ,:;–—-")  # ("La même année, accueil …")
    elif (date := date_in(text)) and text[date.start:date.end] == date.text:
        words = text[:date.start] + text[date.end:]
    else:
        words = text
    words = " ".join(words.split())
    return words[:1].lower() + words[1:]


def _reworded(pid: str, entries: Sequence[Entry], ids: list[str], previous: Mapping[str, str]) -> list[str]:
    """The ids, where an entry whose label was reworded ("2015" now "Année 2015", "2015 –"
    now "En 2015,") keeps its previous id: a new id whose entry has, after its label, the
    very words of a previous entry of the partner that no entry has kept the id of.

    >>> reworded = Entry("Année 2015", "Année 2015 : forages.", 1, 1)
    >>> action_ids("gao", [reworded], {"gao-2015": "2015 : forages."})
    ['gao-2015']
    """
    taken = set(ids)
    orphans: dict[str, list[str]] = {}
    for aid, text in previous.items():
        if aid.startswith(f"{pid}-") and aid not in taken:
            orphans.setdefault(_body(text), []).append(aid)
    if not orphans:
        return ids
    kept = list(ids)
    for i, aid in enumerate(ids):
        same = orphans.get(_body(entries[i].text, entries[i].label)) if aid not in previous else None
        if same and len(same) == 1:
            kept[i] = same.pop()
    return kept


def _follow(texts: list[str], before: Mapping[str, str], base: str) -> list[str]:
    """Ids for ``texts`` (one label's entries, in page order): the previous id of the same
    text, else of the most similar text, else the first rank no previous entry had."""
    import difflib

    given: dict[int, str] = {}
    free = dict(before)
    for i, text in enumerate(texts):
        words = text.split()
        same = next((aid for aid, old in free.items() if old.split() == words), None)
        if same is not None:
            given[i] = same
            del free[same]
    pairs = sorted(((difflib.SequenceMatcher(None, texts[i], old).ratio(), i, aid)
                    for i in range(len(texts)) if i not in given for aid, old in free.items()),
                   key=lambda p: (-p[0], p[1], p[2]))
    for ratio, i, aid in pairs:
        if ratio >= SAME_ENTRY and i not in given and aid in free:
            given[i] = aid
            del free[aid]
    ranks = (base if n == 1 else f"{base}-{n}" for n in range(1, len(texts) + len(before) + 2))
    unused = (aid for aid in ranks if aid not in before)
    return [given[i] if i in given else next(unused) for i in range(len(texts))]


@dataclass(frozen=True)
class _Partner:
    """A partner section with what names it: its heading, name, id and its actions' ids."""

    section: Section
    partner_id: str
    heading: Heading
    name: PartnerName
    action_ids: list[str]


def fuller_place(heading: Heading, intro_item: str | None) -> Heading:
    """The heading, its place named as its intro item names it when the item holds every
    word of the heading's place and more: a heading may shorten the place's name
    ("Solidarité avec le peuple sahraoui : camps de Tindouf"), the partner keeps its
    full name and id.

    >>> fuller_place(Heading.read("Solidarité : camps de Mbera (Mauritanie)"),
    ...              "Camps de réfugiés maliens de Mbera (Mauritanie)").place
    'Camps de réfugiés maliens de Mbera'
    >>> fuller_place(Heading.read("Brandenburg-sur-la-Havel (Allemagne)"),
    ...              "La ville de Brandenbourg-sur-la-Havel (Allemagne)").place
    'Brandenburg-sur-la-Havel'
    """
    if not intro_item:
        return heading
    full = place_name(split_heading(intro_item)[0])
    if name_words(heading.place) < name_words(full) and len(full) <= MAX_PLACE_NAME:
        return replace(heading, place=full)
    return heading


MAX_PLACE_NAME = 80  # characters of an intro item's place taken as a partner's name


def _aliases(partner: Mapping[str, object]) -> list[set[str]]:
    """The words of each name a previous release gives a partner: its name, its
    spellings, its intro item's place."""
    names = [str(partner.get("name") or ""), *str(partner.get("name_variants") or "").split(" | ")]
    if partner.get("intro_item"):
        names.append(place_name(split_heading(str(partner["intro_item"]))[0]))
    return [words for name in names if (words := name_words(name))]


def same_partners(names: list[str], codes: list[str | None],
                  before: Sequence[Mapping[str, object]]) -> list[str | None]:
    """For each partner (its place's name and country code), the id of the previous
    release's partner it is, when its id is new: the one previous partner, not found
    again by its own id, whose name, spellings or intro place has every word of the
    place's name or whose words the place's name all has, in the same country (or one of
    the two without country).

    >>> before = [{"partner_id": "camps-de-refugies-de-tindouf", "name": "Camps de réfugiés de Tindouf",
    ...            "country_code": "DZ"}, {"partner_id": "gao", "name": "Gao", "country_code": "ML"}]
    >>> same_partners(["Tindouf", "Gao", "Kita"], ["DZ", "ML", "ML"], before)
    ['camps-de-refugies-de-tindouf', None, None]
    """
    ids = {str(p["partner_id"]) for p in before}
    new = [slug(name) for name in names]
    free = [p for p in before if str(p["partner_id"]) not in new]
    found: list[str | None] = [None] * len(names)
    taken: set[str] = set()
    for i, (name, code) in enumerate(zip(names, codes, strict=True)):
        words = name_words(name)
        if new[i] in ids or not words:
            continue
        candidates = [str(p["partner_id"]) for p in free
                      if (not code or not p.get("country_code") or code == p["country_code"])
                      and any(words <= alias or alias <= words for alias in _aliases(p))]
        if len(candidates) == 1 and candidates[0] not in taken:
            found[i] = candidates[0]
            taken.add(candidates[0])
    return found


def _partners(page: Page, previous: Mapping[str, str],
              before: Sequence[Mapping[str, object]] = ()) -> list[_Partner]:
    headings = [fuller_place(Heading.read(s.heading.text), s.intro.text if s.intro else None)
                for s in page.sections]
    words = Spellings(_page_text(page), frozenset(h.place for h in headings))
    names = [partner_name(heading, words) for heading in headings]
    pids = ranked([slug(name.name) for name in names])
    if before:
        codes = [partner_country(h, s.intro.text if s.intro else None, None)[1]
                 for h, s in zip(headings, page.sections, strict=True)]
        pids = [same or pid for pid, same in
                zip(pids, same_partners([n.name for n in names], codes, before), strict=True)]
    pids = ranked(pids)  # a previous id kept may be another name's rank ("gao-2")
    aids = [action_ids(pid, s.entries, previous) for pid, s in zip(pids, page.sections, strict=True)]
    # one table's ids: "saint" + "louis-2020" is "saint-louis" + "2020"
    unique = iter(ranked([aid for ids in aids for aid in ids]))
    return [_Partner(section, pid, heading, name, [next(unique) for _ in ids])
            for section, pid, heading, name, ids
            in zip(page.sections, pids, headings, names, aids, strict=True)]


def _all_passages(partners: list[_Partner]) -> list[_Passage]:
    """Each section's description blocks, then its actions: the page's order."""
    passages = []
    for partner in partners:
        passages += _passages(partner.section, partner.partner_id)
        passages += [_Passage("action_id", aid, entry.text, entry.line_at)
                     for entry, aid in zip(partner.section.entries, partner.action_ids, strict=True)]
    return passages


# A page of this many entries or more has its entries read by the worker processes while
# this one reads the programmes, organisations and people; a smaller one is read here (a
# worker loads frictionless first, which a small page's whole extraction does not last).
PARALLEL_FROM_ENTRIES = 5_000
CHUNKS_PER_WORKER = 4  # so that a worker that started late still takes its share


def facts_of(entries: list[tuple[str | None, str, str | None, str | None]],
             latest: int | None = None) -> list[EntryFacts]:
    """The facts of entries given as (date, text, label as written, frame), ``latest`` the
    latest year the page's entries are dated in: a task for a worker process."""
    return [entry_facts(label, text, written, frame, latest) for label, text, written, frame in entries]


def _entry_facts(page: Page, workers: Pool | None) -> Callable[[], list[EntryFacts]]:
    """The facts of every entry of the page, in order, once asked for: read by the workers
    meanwhile on a large page. Each entry is read on its own, so that which process reads
    it changes nothing."""
    entries = [(entry.period_label or entry.label, entry.text, entry.label, entry.frame)  # a relative
               for section in page.sections for entry in section.entries]  # label: its date
    latest = max((int(y) for date, *_ in entries if date for y in re.findall(YEAR, date)), default=None)
    if workers is None or workers.workers == 0 or len(entries) < PARALLEL_FROM_ENTRIES:
        return lambda: facts_of(entries, latest)
    size = -(-len(entries) // (workers.workers * CHUNKS_PER_WORKER))
    pending = [workers.submit(facts_of, entries[i:i + size], latest) for i in range(0, len(entries), size)]
    return lambda: [facts for chunk in pending for facts in chunk.result()]


Records = dict[str, list[Record]]


def _partner_and_action_rows(partners: list[_Partner], facts: list[EntryFacts],
                             locations: dict[str, Location]) -> Records:
    """The partners, their actions and the actions' themes, in the page's order."""
    rows: Records = {"partners": [], "actions": [], "action_themes": []}
    read = iter(facts)
    beside = _years_beside([partner.section for partner in partners])
    names = _Names.of(partners)
    descriptions = ["\n\n".join(block.text for block in partner.section.description) for partner in partners]
    in_description = [names.named(fold(text)) for text in descriptions]
    alone: dict[int, list[str]] | None = None  # what the descriptions say of each partner alone
    codes = [partner_country(p.heading, p.section.intro.text if p.section.intro else None, None)[1]
             for p in partners]
    for n, (partner, year_beside) in enumerate(zip(partners, beside, strict=True)):
        section, pid = partner.section, partner.partner_id
        said = [next(read) for _ in section.entries]
        first_year = min((f.period.start_year for f in said if f.period and f.period.start_year),
                         default=None)
        description = descriptions[n]
        hint = _hint(partner)
        told = "\n".join(entry.text for entry in section.entries)
        # what the page says of the tie in sentences about this partner, not another's
        own = _about_itself(description, n, names) if len(partners) > 1 else None
        if len(partners) > 1 and not description and not section.entries:  # a story's other
            alone = _named_alone(descriptions, names) if alone is None else alone  # partner: its sentences
            own = "\n\n".join(alone.get(n, []))
        about = {**_description_columns(description, first_year, told, year_beside, own,
                                        partial(_names_alone, names, n) if len(partners) > 1
                                        else partial(_names_or_by_kind, names, n)),
                 **_location_columns(locations.get(pid) or _hinted_location(hint))}
        claimed = {code for m in in_description[n] if m != n and (code := codes[m])}
        taken = {code for m, code in enumerate(codes) if m != n and code}
        record = _partner_record(section, pid, partner.name, partner.heading, about, claimed, taken)
        rows["partners"].append(_with_hint(record, hint))
        for entry, aid, entry_said in zip(section.entries, partner.action_ids, said, strict=True):
            rows["actions"].append(_action_record(entry, pid, aid, entry_said))
            rows["action_themes"] += [{"action_id": aid, "theme": t} for t in entry_said.themes]
    return rows


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Names:
    """The partners' names as a page writes them (their spellings, the words of their
    heading's place), whole words, folded, and which partners a text names. A partner's
    pattern is tried only on a text that holds the first word of one of its names (a whole
    word starts each name): a page of a thousand partners would otherwise try every
    partner's names on every sentence of every other partner's description."""

    patterns: list[re.Pattern[str]]
    firsts: dict[str, list[int]]  # a first word of a name: the partners it may begin

    @classmethod
    def of(cls, partners: list[_Partner]) -> _Names:
        patterns, firsts = [], defaultdict(list)
        for n, partner in enumerate(partners):
            names = {fold(spelling) for spelling in partner.name.spellings} | {fold(partner.heading.place)}
            names = {name for name in names if name.strip()}
            alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
            patterns.append(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"))
            for first in {found[0] for name in names if (found := _WORD.findall(name))}:
                firsts[first].append(n)
        return cls(patterns, dict(firsts))

    def named(self, folded: str) -> set[int]:
        """The partners a folded text names."""
        maybe = {n for word in set(_WORD.findall(folded)) for n in self.firsts.get(word, ())}
        return {n for n in maybe if self.patterns[n].search(folded)}


def _names_alone(names: _Names, n: int, text: str) -> bool:
    """Whether ``text`` names partner ``n`` and no other partner (a name glued to the
    link before it, "Capitale RigaOgre", read as a word of its own)."""
    return names.named(fold(unglued(text))) == {n}


def _names_or_by_kind(names: _Names, n: int, text: str) -> bool:
    """Whether ``text`` names the page's one partner: by its name, or by a demonstrative
    and its kind beside the town ("Cordemais entretient des liens avec cette commune depuis
    1987": :func:`pipeline.narrative.names_partner_by_kind`)."""
    return _names_alone(names, n, text) or names_partner_by_kind(text)


def _about_itself(text: str, n: int, names: _Names) -> str:
    """``text`` without the sentences that name another partner and not partner ``n`` (each
    paragraph kept as one).

    >>> names = _Names([re.compile("rye"), re.compile("zell")], {"rye": [0], "zell": [1]})
    >>> _about_itself("Rye a signé en 1965. Zell a signé en 1990.\\n\\nRye et Zell.", 0, names)
    'Rye a signé en 1965.\\n\\nRye et Zell.'
    """
    return "\n\n".join(" ".join(sentence for sentence in sentences(block)
                                 if n in (named := names.named(fold(sentence))) or not named)
                        for block in text.split("\n\n"))


def _named_alone(texts: list[str], names: _Names) -> dict[int, list[str]]:
    """For each partner, the sentences of each text that name it and no other, a text's
    joined as one paragraph (texts that say nothing of it left out); the texts are read once
    for all the partners. Each line is read as a sentence of its own (a list of partners
    writes one a line with no full stop: "Ogre en Lettonie depuis 2005"), a name glued to
    the link before it as a word of its own (:func:`pipeline.narrative.unglued`).

    >>> names = _Names([re.compile("rye"), re.compile("zell")], {"rye": [0], "zell": [1]})
    >>> _named_alone(["Rye a signé en 1965. Zell a signé en 1990. Rye et Zell.", "Zell."], names)
    {0: ['Rye a signé en 1965.'], 1: ['Zell a signé en 1990.', 'Zell.']}
    """
    alone: dict[int, list[str]] = {}
    for text in texts:
        said: dict[int, list[str]] = {}
        for sentence in (s for line in text.splitlines() for s in sentences(line)):
            if len(named := names.named(fold(unglued(sentence)))) == 1:
                said.setdefault(next(iter(named)), []).append(sentence)
        for n, its in said.items():
            alone.setdefault(n, []).append(" ".join(its))
    return alone


def _hint(partner: _Partner) -> PartnerHint | None:
    """What the town file says of this partner (``[[hints.partners]]``), found by its name or
    one of its aliases, as any spelling the page gives the place."""
    spellings = {slug(s) for s in partner.name.spellings} | {partner.partner_id}
    for hint in config().hints.partners:
        if {slug(n) for n in (hint.name, *hint.aliases)} & spellings:
            return hint
    return None


def _hinted_location(hint: PartnerHint | None) -> Location | None:
    """The coordinates the town file gives a partner, with their source."""
    if hint is None or hint.location is None:
        return None
    return Location(hint.name, hint.location[0], hint.location[1], hint.location_source)


def _with_hint(record: Record, hint: PartnerHint | None) -> Record:
    """The partner's row completed by the town file where the page says nothing: its country
    (a heading, intro item and description that name none) and its agreement's year. What
    the page says wins: the hint fills gaps, it never overrides."""
    if hint is None:
        return record
    if not record["country_code"] and hint.country:
        name, code = countries(hint.country)
        if code:
            record = {**record, "country_name": name, "country_code": code}
    if record["agreement_year"] is None and hint.agreement_year is not None:
        record = {**record, "agreement_year": hint.agreement_year}
    return record


def extract(page: Page, locations: dict[str, Location] | None = None,
            workers: Pool | None = None, previous: Mapping[str, str] | None = None,
            previous_partners: Sequence[Mapping[str, object]] = ()) -> Records:
    """The page's records, one list per table, named after the schemas' columns.

    Programmes, organisations and people are read in the actions and in the partners'
    descriptions; each row and each link gives the line of the page that names the thing.
    A large page's entries are read meanwhile by ``workers``, when given. ``previous``
    (the previous release's action ids and texts) keeps the ids of entries that share a
    label (:func:`action_ids`); ``previous_partners`` (the previous release's partners)
    keeps the id of a partner whose heading names its place otherwise
    (:func:`same_partners`), and so its actions' ids and its coordinates.
    """
    page = _dated_page(page)
    partners = _partners(page, previous or {}, previous_partners)
    facts = _entry_facts(page, workers)
    passages = _all_passages(partners)
    programme_rows, action_programmes, partner_programmes = _things(
        programmes, passages, "programme_id", with_acronym=False)
    organisation_rows, action_organisations, partner_organisations = _things(
        organisations, passages, "organisation_id", with_acronym=True)
    person_rows, action_people, partner_people = _people(passages)
    rows = _partner_and_action_rows(partners, facts(), locations or {})
    return {
        "partners": rows["partners"],
        "actions": rows["actions"],
        "programmes": programme_rows,
        "action_programmes": action_programmes,
        "partner_programmes": partner_programmes,
        "organisations": organisation_rows,
        "action_organisations": action_organisations,
        "partner_organisations": partner_organisations,
        "people": person_rows,
        "action_people": action_people,
        "partner_people": partner_people,
        "action_themes": rows["action_themes"],
    }
