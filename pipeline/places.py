"""What a partner is: its name, kind of place, country, agreement, first link, location.

Read from the section heading, the intro's list item and the description with small
rules (a gazetteer of *kinds* of place, never a list of this page's answers); coordinates
come from a cited reference file, ``raw/reference/places.csv``.
"""

from __future__ import annotations

import csv
import difflib
import gettext
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

from .read import Block
from .text import APOSTROPHES, sentences

# The agreements the page names, in the spelling used as the column's values.
AGREEMENT_TYPES = (
    "protocole de jumelage", "protocole d'accord", "accord de coopération", "accord de jumelage",
)
_AGREEMENT = re.compile(
    "|".join(t.replace("'", APOSTROPHES) for t in AGREEMENT_TYPES), re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_DECADE = re.compile(r"\bannées\s+(?P<decade>(?:19|20)\d0)\b", re.IGNORECASE)
# Sentences that speak of the tie between Ivry and the partner (not of the partner's own
# history, as "le camp … a été installé en 1949").
_LINK_WORDS = re.compile(r"\b(?:liens?|jumel\w*|coopération|accord|protocole|soutien|aide)\b",
                         re.IGNORECASE)
_HEADING = re.compile(r"^(?P<name>.+?)\s*\(\s*(?P<country>[^()]+?)\s*\)$")
# Kinds of place, as the page introduces them: "La commune rurale de", "le camp de",
# "Camps de réfugiés …". Values are the column's vocabulary.
PLACE_KINDS = {
    "ville": "ville", "commune rurale": "commune rurale", "commune": "commune",
    "municipalité": "municipalité", "camps de réfugiés": "camps de réfugiés",
    "camp de réfugiés": "camp de réfugiés", "camp": "camp de réfugiés",
}
_KIND_WORD = "|".join(sorted(PLACE_KINDS, key=len, reverse=True))
_KIND = re.compile(
    rf"(?:^|\b(?:la|le|les)\s+)(?P<kind>{_KIND_WORD})\s+(?=de\s|d{APOSTROPHES}|[A-ZÀ-Ý])",
    re.IGNORECASE,
)
_KIND_PREFIX = re.compile(
    rf"\b(?:la|le|les)\s+(?:{_KIND_WORD})\s+(?:de\s+|d{APOSTROPHES})", re.IGNORECASE
)
_LOCATIVE = re.compile(r"\s+en\s+[A-ZÀ-Ý][\w-]*$")  # "… en Cisjordanie"
SIMILAR_SPELLING = 0.85


@dataclass(frozen=True)
class Agreement:
    year: int
    type: str


@dataclass(frozen=True)
class Location:
    place: str
    latitude: float
    longitude: float
    source: str


def split_heading(heading: str) -> tuple[str, str | None]:
    """A partner heading's place and country.

    >>> split_heading("Jérusalem-Est (Palestine)")
    ('Jérusalem-Est', 'Palestine')
    """
    m = _HEADING.match(heading.strip())
    return (m["name"], m["country"]) if m else (heading.strip(), None)


def place_name(heading_name: str) -> str:
    """The place's name without what kind of place it is or the region around it.

    >>> place_name("La commune de Jifna et le camp de Jalazone en Cisjordanie")
    'Jifna et Jalazone'
    >>> place_name("Camps de réfugiés Sahraouis de Tindouf")
    'Camps de réfugiés Sahraouis de Tindouf'
    >>> place_name("La Lisa")
    'La Lisa'
    """
    return _LOCATIVE.sub("", _KIND_PREFIX.sub("", heading_name)).strip()


def place_kind(text: str) -> str | None:
    """The kinds of place a heading or intro item names, joined with "et".

    >>> place_kind("La commune de Jifna et le camp de Jalazone en Cisjordanie (Palestine)")
    'commune et camp de réfugiés'
    >>> place_kind("La municipalité de La Lisa au sein de la ville-province de La Havane (Cuba)")
    'municipalité'
    """
    name = split_heading(text)[0].split(",")[0]
    kinds = [PLACE_KINDS[m["kind"].lower()] for m in _KIND.finditer(name)]
    return " et ".join(dict.fromkeys(kinds)) or None


class Spellings:
    """The capitalised words of a page, counted once, to find the spellings of names.

    The page writes Brandenburg-, Brandenbourg- and Brandebourg-sur-la-Havel; words this
    close to a name (difflib ratio) are taken as its spellings. Only words that share the
    name's first three letters and about its length are compared, so that the search costs
    the same for a page of 50 entries or of 100,000.
    """

    def __init__(self, text: str):
        counts = Counter(re.findall(r"[A-ZÀ-Ý][\w-]+", text))
        self._blocks: dict[str, list[tuple[str, int]]] = {}
        for word, count in counts.items():
            self._blocks.setdefault(word[:3].lower(), []).append((word, count))

    def of(self, name: str, others: frozenset[str] = frozenset()) -> Counter[str]:
        """How often each spelling of a one-word name occurs (the name counted once more).

        Names of several words are left as they are: their near matches on a page are other
        phrases, not spellings. ``others``, the names of the other partners, are never taken
        as spellings of this one, however close ("Saint-Denis" is not "Saint-Genis").

        >>> Spellings("Brandebourg-sur-la-Havel et Brandebourg-sur-la-Havel.").of("Brandenburg-sur-la-Havel")
        Counter({'Brandebourg-sur-la-Havel': 2, 'Brandenburg-sur-la-Havel': 1})
        >>> Spellings("Saint-Genis et Saint-Denis").of("Saint-Denis", frozenset({"Saint-Genis"}))
        Counter({'Saint-Denis': 2})
        """
        found: Counter[str] = Counter({name: 1})
        if " " in name:
            return found
        lowered = name.lower()
        for word, count in self._blocks.get(lowered[:3], ()):
            if word in others:
                continue
            if abs(len(word) - len(name)) > len(name) * (1 - SIMILAR_SPELLING) + 1:
                continue
            matcher = difflib.SequenceMatcher(None, lowered, word.lower())
            if matcher.quick_ratio() >= SIMILAR_SPELLING and matcher.ratio() >= SIMILAR_SPELLING:
                found[word] += count
        return found


def canonical_name(found: Counter[str]) -> str:
    """The most frequent spelling; on a tie, the first counted (the heading's)."""
    return max(found, key=lambda spelling: found[spelling])


def intro_item(items: list[Block], place: str, found: Counter[str], taken: set[int]) -> Block | None:
    """The intro list item that names this partner, and that no other partner took: first
    one that reads as the same place once the kind of place is dropped, else one that holds
    one of its spellings.

    >>> item = Block("list_item", "La commune de Jifna et le camp de Jalazone en Cisjordanie (Palestine)", 7)
    >>> intro_item([item], "Jifna et Jalazone", Counter({"Jifna et Jalazone": 1}), set()).line
    7
    """
    free = [b for b in items if b.line not in taken]
    for block in free:
        if place_name(split_heading(block.text)[0].split(",")[0]) == place:
            return block
    return next((b for b in free if any(spelling in b.text for spelling in found)), None)


@cache
def _countries_by_french_name() -> dict[str, str]:
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    names: dict[str, str] = {}
    for country in pycountry.countries:
        name = french.gettext(country.name).casefold()
        names.setdefault(name, country.alpha_2)
        # "Palestine, État de" is written "Palestine" on the page.
        names.setdefault(name.split(",")[0].strip(), country.alpha_2)
    return names


def country_code(french_name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of a country named in French, from pycountry's translations.

    >>> country_code("Palestine"), country_code("Algérie"), country_code("Atlantide")
    ('PS', 'DZ', None)
    """
    if not french_name:
        return None
    return _countries_by_french_name().get(french_name.strip().casefold())


def agreement(description: str) -> Agreement | None:
    """The first agreement named in a partner's description, with the year of its sentence.

    >>> agreement("Cette coopération a été officialisée en 2005 par la signature d’un protocole d’accord.")
    Agreement(year=2005, type="protocole d'accord")
    """
    for sentence in sentences(description):
        kind, year = _AGREEMENT.search(sentence), _YEAR.search(sentence)
        if kind and year:
            return Agreement(int(year.group()), kind.group().lower().replace("’", "'"))
    return None


def relationship(signed: Agreement | None) -> str:
    """A twinning when the agreement says so; any other tie is decentralised cooperation."""
    if signed and "jumelage" in signed.type:
        return "jumelage"
    return "coopération décentralisée"


def first_link(description: str, first_action_year: int | None) -> tuple[int, str] | None:
    """The earliest year of a tie with Ivry, and its precision ("year" or "decade").

    Taken from the description's sentences about the tie ("Les premiers liens … datent des
    années 1990", "En 1990, des associations … ont apporté un soutien") and from the
    partner's earliest action.

    >>> first_link("Les premiers liens entre Ivry-sur-Seine et Dianguirdé datent des années 1990.", 2006)
    (1990, 'decade')
    >>> first_link("Le camp a été installé en 1949. Un accord de coopération a été signé en 2012.", 2003)
    (2003, 'year')
    """
    found: list[tuple[int, str]] = []
    for sentence in sentences(description):
        if not _LINK_WORDS.search(sentence):
            continue
        for m in _DECADE.finditer(sentence):
            found.append((int(m["decade"]), "decade"))
        without_decades = _DECADE.sub("", sentence)
        found += [(int(y), "year") for y in _YEAR.findall(without_decades)]
    if first_action_year is not None:
        found.append((first_action_year, "year"))
    return min(found) if found else None


def load_locations(path: Path) -> dict[str, Location]:
    """The cited coordinates of each partner's main place, by partner id."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["partner_id"]: Location(row["place"], float(row["latitude"]),
                                            float(row["longitude"]), row["source"])
                for row in csv.DictReader(handle)}
