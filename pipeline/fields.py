"""Facts a page gives by its structure: a table's columns and a fiche's keys.

A page may say what a value is by where it puts it rather than in a sentence: a table
whose header names its columns ("Année | Action | Participants | Budget"), or a fiche, an
entry written as lines "Date : juillet 2019", "Participants : 16", "Budget : 7 500 €".
Both are one class here: a *field*, a value under a key (the column's header, the line's
key). What a key says its value is, its *kind*, comes from the lexicon
(``pipeline/french/lexicon/fields.toml``): its first word that is no filler, in the nouns
of a kind, or a noun for people by its form (:func:`pipeline.numbers.is_people`); a
currency in the key's brackets ("Montant (€)", "Budget (k€)") makes it an amount and says
the unit of a bare number.

The read stage writes each cell of a table row that is not its date nor its text as a
field line of the row's entry ("Budget : 20 000 € TTC"), so that a table and a fiche reach
the extract stage in one form; there, a bare number under an amount key is euros, under a
people key a head count (:func:`with_fields`), and a date key gives an undated entry its
label (:func:`date_field`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from .french import lexicon
from .french.normalise import plain
from .numbers import APPROXIMATE, Figures, Quantity, amount, is_people, participants, read_number

_FIELDS = lexicon("fields")
KINDS: dict[str, frozenset[str]] = {kind: frozenset(plain(w) for w in words)
                                    for kind, words in _FIELDS["kinds"].items()}
_FILLERS = frozenset(plain(w) for w in _FIELDS["fillers"])
_TOTALS = frozenset(plain(w) for w in _FIELDS["totals"])
_EMPTY = frozenset(plain(w) for w in _FIELDS["empty_values"])
DATE, TEXT, PEOPLE, AMOUNT, PLACE = "date", "text", "people", "amount", "place"  # kinds the code acts on
COUNTRY = "country"
# The kinds of a project's fiche only (lexicon ``fields``): a key of theirs alone in its
# block is a fiche's key ("Pays" above "NIGER"), never a heading.
FICHE_KINDS = frozenset({COUNTRY, "area", "address", "domain"})
# Kinds of a fiche's lines that are facts of the entry above them (its text's key is the
# start of an entry of its own: "Projet : …").
FACT_KINDS = frozenset(KINDS) - {TEXT}
_WORD = re.compile(r"[^\W\d_]+")
_BRACKETS = re.compile(r"\(([^()]{1,30})\)")
MAX_KEY = 40  # characters: a key is a few words
MAX_KEY_WORDS = 5
# "Budget : 7 500 €", "Nombre de participants : 24", "Date(s) : …": a key of words (no
# digit, no sentence), a colon, a value.
_LINE = re.compile(rf"(?P<key>[^\W\d_][^\d:;.!?]{{0,{MAX_KEY}}}?)\s*:\s*(?P<value>\S.*)", re.DOTALL)
_LEADING_NUMBER = re.compile(r"(?<![\d,.])\d{1,3}(?:[\s\u00a0\u202f.]\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?")
_BULLET = "• "
EURO = "€"


# A CMS's own field, opening a block: a date of creation, publication or update ("Publié le",
# "Mis à jour le", "Dernière modification"), tags (pipeline/french/lexicon/furniture.toml's
# ``cms_fields``): the page's furniture, and the time of its writing.
CMS_FIELD = re.compile("".join(lexicon("furniture")["cms_fields"]), re.IGNORECASE)

@dataclass(frozen=True)
class Field:
    """A value under a key, and what the key says the value is (``None``: the key names
    no kind the lexicon knows)."""

    kind: str | None
    key: str
    value: str


def _words(text: str) -> list[str]:
    return _WORD.findall(plain(_BRACKETS.sub(" ", text)))


_START_COLUMNS = frozenset(plain(w) for w in _FIELDS["start_columns"])
_END_COLUMNS = frozenset(plain(w) for w in _FIELDS["end_columns"])


def span_columns(headers: list[str]) -> tuple[int, int] | None:
    """The two columns side by side that hold a row's start and end ("Début" | "Fin", "Du" |
    "Au"), by their headers; ``None`` when no such pair is there.

    >>> span_columns(["Partenaire", "Début", "Fin", "Action"]), span_columns(["Date", "Action"])
    ((1, 2), None)
    """
    words = [plain(" ".join(h.split()).rstrip(" :")) for h in headers]
    return next(((n, n + 1) for n, (one, other) in enumerate(pairwise(words))
                 if one in _START_COLUMNS and other in _END_COLUMNS), None)


@cache
def key_kind(key: str) -> str | None:
    """What a column's header or a fiche's key says its values are.

    >>> [key_kind(k) for k in ("Année", "Nombre de participants", "Montant (€)", "Coût total",
    ...                        "Élèves accueillis", "Intitulé de l’action", "Remarques", "(k€)")]
    ['date', 'people', 'amount', 'amount', 'people', 'text', None, 'amount']
    """
    for word in _words(key):
        if word in _FILLERS:
            continue
        singular = word[:-1] if word.endswith("s") else word
        for kind, nouns in KINDS.items():
            if word in nouns or singular in nouns:
                return kind
        return PEOPLE if is_people(word) else None
    return AMOUNT if unit(key) is not None else None


@cache
def unit(key: str) -> str | None:
    """The currency a key's brackets write its values in ("(€)", "(k€)", "(en euros)"), as
    the money grammar reads it after a number; ``None`` when they name none.

    >>> unit("Montant (€)"), unit("Budget (k€)"), unit("Budget (en euros)"), unit("Lieu (Mali)")
    ('€', 'k€', 'euros', None)
    """
    for inside in _BRACKETS.findall(key):
        words = inside.split()
        for start in range(min(len(words), 2)):  # "(en euros)": the currency after a word
            currency = " ".join(words[start:])
            if amount("1 " + currency) is not None:
                return currency
    return None


def empty(value: str) -> bool:
    """A cell or a value that says nothing: no letter nor digit ("—", "-", "?"), or a
    word for nothing ("NC", "néant").

    >>> [empty(v) for v in ("—", "", " n.c. ", "Néant", "4 500", "12 jeunes")]
    [True, True, True, True, False, False]
    """
    bare = " ".join(value.split())
    return not any(c.isalnum() for c in bare) or plain(bare) in _EMPTY


def total_row(first_cell: str) -> bool:
    """A table row that adds up the others, by its first cell ("Total", "Sous-total").

    >>> total_row("Total"), total_row("TOTAL GÉNÉRAL"), total_row("2016")
    (True, True, False)
    >>> total_row("Total (hors valorisation)"), total_row("Tamba (Mali)")
    (True, False)
    """
    words = " ".join(first_cell.split()).rstrip(" :")
    if words.endswith(")") and "(" in words:  # "TOTAL (montants renseignés)": a remark on it
        words = words[:words.rfind("(")].rstrip(" :")
    return plain(words) in _TOTALS


def field_line(text: str) -> Field | None:
    """A line "key : value" (a list item's bullet aside), its key a few words.

    >>> field_line("Participants : 14 jeunes et 2 encadrants")
    Field(kind='people', key='Participants', value='14 jeunes et 2 encadrants')
    >>> field_line("2019 : accueil de jeunes") is None, field_line("Lieu de vie : Gao").kind
    (True, 'place')
    >>> field_line("Les élèves ont visité la ville : un beau séjour") is None
    True
    >>> field_line("Qui ? 7 enfants.")
    Field(kind='people', key='Qui', value='7 enfants.')
    """
    line = text[len(_BULLET):] if text.startswith(_BULLET) else text
    found = _LINE.fullmatch(line.strip())
    if not found:  # a fact asked as a question ("Qui ? 7 enfants."); an entry's date and its
        asked = question(line)  # text so asked are its label and its text (pipeline.parse)
        return asked if asked is not None and asked.kind not in (DATE, TEXT) else None
    key = found["key"].strip()
    if len(key.split()) > MAX_KEY_WORDS or (not key[:1].isupper() and key[:1] != "("):
        return None
    return Field(key_kind(key), key, found["value"].strip())


_QUESTIONS = frozenset(plain(w) for w in _FIELDS["questions"])
_QUESTION = re.compile(r"(?P<key>[^\W\d_]+)\s*\?\s*(?P<value>\S.*)", re.DOTALL)


def question(text: str) -> Field | None:
    """A line that is a fact's key set as a question, then its value (lexicon
    ``fields.questions``): an easy-read page writes every fact of an entry so, each on a
    line of its own ("Quand ? En juin 2012.", "Quoi ? Accueil de…", "Qui ? 7 enfants.",
    "Combien ? 1 200 euros."). ``None`` for any other line.

    >>> question("Quand ? De 2004 à 2009.")
    Field(kind='date', key='Quand', value='De 2004 à 2009.')
    >>> question("Pourquoi ? Pour aider."), question("Quand partent-ils ? En mai.")
    (None, None)
    """
    found = _QUESTION.fullmatch(text.strip())
    if not found or plain(found["key"]) not in _QUESTIONS:
        return None
    return Field(key_kind(found["key"]), found["key"], found["value"].strip())


def key_alone(text: str) -> str | None:
    """The kind of a key written alone in its block, its value in the next one (a CMS's
    field: Drupal's ``field--label`` "Période" above its ``field--item`` "2003-2014"); ``None``
    when the block says more than a key (a digit, a sentence, more than a key's words).

    >>> key_alone("Période"), key_alone("Budget :"), key_alone("Période 2003-2014")
    ('date', 'amount', None)
    >>> key_alone("Les jeunes ont visité la ville"), key_alone("Remarques"), key_alone("Palestine")
    (None, None, None)

    Only a key the lexicon names is one here: a word alone that is a noun for people by
    its form ("Palestine", "Bénévoles") may be a heading or a place.
    """
    key = text.strip().rstrip(":").strip()
    if not key or len(key) > MAX_KEY or len(key.split()) > MAX_KEY_WORDS or not key[:1].isupper() \
            or any(c.isdigit() or c in ".;!?:" for c in key):
        return None
    kind = key_kind(key)
    named = any(word in nouns or word.rstrip("s") in nouns
                for word in _words(key) for nouns in KINDS.values())
    return kind if named else None


def only_key_words(text: str) -> bool:
    """Every word of ``text`` is a key's noun or a filler ("Pays", "Domaines d'action"),
    so that a place whose name opens on one ("Pays-Bas – Delft") is no key.

    >>> only_key_words("Domaines d'action"), only_key_words("Pays-Bas – Delft")
    (True, False)
    """
    words = _words(text)
    return bool(words) and all(w in _FILLERS or any(w in nouns or w.rstrip("s") in nouns
                                                     for nouns in KINDS.values()) for w in words)


def fields(text: str) -> list[Field]:
    """The field lines of an entry's text, in order."""
    return [f for line in text.split("\n") if (f := field_line(line))]


def country_field(text: str) -> str | None:
    """The value of a fiche's country field among a text's lines ("Pays : ROUMANIE"): the
    partner's country, as the fiche's structure gives it.

    >>> country_field("Zone : Europe\\nPays : ROUMANIE"), country_field("Zone : Europe")
    ('ROUMANIE', None)
    """
    return next((f.value for f in fields(text) if f.kind == COUNTRY and not empty(f.value)), None)


_TIE_KEYS = frozenset(plain(w) for w in _FIELDS["tie_keys"])


def tie_field(text: str) -> int | None:
    """The year a fiche's field of the tie gives ("Date de signature : 12 mars 2004",
    "Année du jumelage : 1987", or the key alone on its line and its value on the next):
    a key one of whose words names the tie (lexicon ``tie_keys``), a value that is a date
    alone. The partner's agreement year, where no sentence tells it.

    >>> tie_field("Pays : MALI\\nDate de signature : 12 mars 2004"), tie_field("Jumelage depuis :\\n1987")
    (2004, 1987)
    >>> tie_field("Année de début : 1989"), tie_field("Jumelage : Tamba et ses 12 villages, 2004")
    (None, None)
    """
    from .dates import parse_label

    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for n, line in enumerate(lines):
        found = field_line(line)
        if found is not None:
            key, value = found.key, found.value
        elif line.endswith(":") and key_alone_words(line) and n + 1 < len(lines):
            key, value = line.rstrip(" :"), lines[n + 1]
        else:
            continue
        if _TIE_KEYS.isdisjoint(_words(key)):
            continue
        period = parse_label(value)
        if period is not None and period.start_year is not None:
            return period.start_year
    return None


def names_the_tie(key: str) -> bool:
    """A key or a column's header one of whose words names the tie ("Date de l’accord",
    "Année du jumelage", "Signature"): its date is a partner's agreement, no entry's.

    >>> names_the_tie("Date de l’accord"), names_the_tie("Date"), names_the_tie("Année de début")
    (True, False, False)
    """
    return not _TIE_KEYS.isdisjoint(_words(key))


def tie_key(text: str) -> bool:
    """A key of the tie alone on its line, its value on the next ("Date de signature :").

    >>> tie_key("Date de signature :"), tie_key("Date :"), tie_key("Jumelage avec Tamba")
    (True, False, False)
    """
    return text.strip().endswith(":") and key_alone_words(text) and not _TIE_KEYS.isdisjoint(_words(text))


def key_alone_words(text: str) -> bool:
    """A line of a key's few words and its colon, nothing else ("Date de signature :")."""
    key = text.strip().rstrip(":").strip()
    return bool(key) and len(key) <= MAX_KEY and len(key.split()) <= MAX_KEY_WORDS and key[:1].isupper() \
        and not any(c.isdigit() or c in ".;!?:" for c in key)


def date_field(text: str) -> str | None:
    """The value of an entry's first date field ("Date : juillet 2019"): the label of an
    entry that opens with none; a date of the project's or the body's own span ("Date de
    création : 1978", :func:`span_key`) is none, nor is the tie's own date ("Date de
    signature : 1963 (protocole de jumelage)": the partner's agreement, :func:`tie_field`).

    >>> date_field("Accueil de footballeurs\\n\\nDate : juillet 2019\\n\\nBudget : 7 500 €")
    'juillet 2019'
    >>> date_field("Date de création : 1978\\nNombre d’adhérents : 39") is None
    True
    >>> date_field("Situation : à 70 km de Berlin\\nDate de signature : 1963 (protocole)") is None
    True
    """
    return next((f.value for f in fields(text) if f.kind == DATE and not empty(f.value)
                 and not span_key(f.key) and _TIE_KEYS.isdisjoint(_words(f.key))), None)


_SPAN_KEYS = frozenset(plain(w) for w in _FIELDS["span_keys"])
# Why such a field is set aside (the run report's words).
SPAN_FIELD = "a sheet's date of the project's or the body's own span (start, end, creation), no entry"


def span_key_alone(text: str) -> bool:
    """A span's date key alone on its line, its value on the next ("Année de début:")."""
    return text.strip().endswith(":") and key_alone_words(text) and span_key(text)


def span_field(text: str) -> bool:
    """A fiche's line of the project's or the body's own span ("Date de création : 1978")."""
    found = field_line(text)
    return found is not None and span_key(found.key)


def span_key(key: str) -> bool:
    """A date key of the project's or the body's own span ("Année de début", "Date de
    création"), not of an entry.

    >>> span_key("Année de début :"), span_key("Date de création"), span_key("Date :")
    (True, True, False)
    """
    key = key.strip().rstrip(":").strip()
    return key_kind(key) == DATE and not _SPAN_KEYS.isdisjoint(_words(key))


def field_amount(field: Field) -> tuple[Quantity, str] | None:
    """The amount a field gives and its kind: its value as the money grammar reads it,
    a bare number being in the key's currency (euros when the key says none).

    >>> field_amount(Field("amount", "Montant (€)", "4 500"))
    (Quantity(value=4500, approx=False), 'other')
    >>> field_amount(Field("amount", "Budget", "1,2 M€"))
    (Quantity(value=1200000, approx=False), 'budget')
    >>> field_amount(Field("amount", "Budget (k€)", "12"))
    (Quantity(value=12000, approx=False), 'budget')
    """
    key = _BRACKETS.sub(" ", field.key).strip()
    found = amount(f"{key} : {field.value}")
    if found is not None or empty(field.value):
        return found
    number = _LEADING_NUMBER.search(field.value)
    if number is None:
        return None
    currency = unit(field.key) or EURO
    return amount(f"{key} : {field.value[:number.end()]} {currency}{field.value[number.end():]}")


_BARE_COUNT = re.compile(r"\s*(?:\d[\d\s\u00a0\u202f]*|[^\W\d_]+(?:[\s-][^\W\d_]+){0,3})\s*")
# A number alone in a field, maybe approximate ("≈ 50", "env. 50") or with its rate after it
# ("6 / an", "12 par séjour": numbers.toml's rate_words and rate_units).
_NUMBERS = lexicon("numbers")
_FIELD_NUMBER = re.compile(
    rf"\s*(?P<approx>(?:{'|'.join(APPROXIMATE)})\s*)?(?P<n>\d[\d\u00a0\u202f ]*?)\s*"
    rf"(?:(?:{'|'.join(re.escape(w) for w in _NUMBERS['words']['rate_words'])})\s*"
    rf"(?:{'|'.join(re.escape(w) for w in _NUMBERS['words']['rate_units'])}))?\s*", re.IGNORECASE)


def field_count(field: Field) -> Quantity | None:
    """The head count a field gives: its value as the people grammar reads it ("14 jeunes
    et 2 encadrants"), else a number alone ("24", "douze").

    >>> field_count(Field("people", "Participants", "24"))
    Quantity(value=24, approx=False)
    >>> field_count(Field("people", "Public", "8 enfants"))
    Quantity(value=8, approx=False)
    >>> field_count(Field("people", "Participants", "≈ 50")), field_count(Field("people", "Jeunes", "6 / an"))
    (Quantity(value=50, approx=True), Quantity(value=6, approx=False))
    """
    counted = participants(field.value)
    if counted is not None:
        return counted
    if _BARE_COUNT.fullmatch(field.value):
        value = read_number(field.value.strip())
        return Quantity(value, False) if value is not None else None
    if found := _FIELD_NUMBER.fullmatch(field.value):  # "≈ 50", "6 / an"
        value = read_number(found["n"].strip())
        return Quantity(value, bool(found["approx"])) if value is not None else None
    return None


def with_fields(found: Figures, text: str) -> Figures:
    """An entry's figures, its fields' amount and head count first: a value under a key
    that says what it is outweighs a number the entry's sentences give.

    >>> from pipeline.numbers import figures
    >>> text = "2019 : échange de jeunes pompiers\\n• Participants : 24\\n• Budget : 3 500 €"
    >>> got = with_fields(figures(text), text)
    >>> got.participants, got.amount, got.amount_kind
    (Quantity(value=24, approx=False), Quantity(value=3500, approx=False), 'budget')
    """
    money = count = None
    for field in fields(text):
        if field.kind == AMOUNT and money is None:
            money = field_amount(field)
        elif field.kind == PEOPLE and count is None:
            count = field_count(field)
    if money is not None:
        found = replace(found, amount=money[0], amount_kind=money[1])
    if count is not None:
        found = replace(found, participants=count)
    return found
