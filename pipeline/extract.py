"""Extract stage: the text of a heading or an entry -> facts (pure functions).

Nothing here knows the page's answers: names, countries and agreements are read from the
text with small rules, so that a new partner or a new entry is read the same way.
"""

from __future__ import annotations

import difflib
import gettext
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

import pycountry

from .dates import Period, parse_label
from .numbers import Quantity, amount_eur, participants
from .parse import Entry, Page, Section
from .read import Block

# The agreements the page names, in the spelling used as the column's values.
AGREEMENT_TYPES = (
    "protocole de jumelage", "protocole d'accord", "accord de coopération", "accord de jumelage",
)
_AGREEMENT = re.compile(
    "|".join(t.replace("'", "['’]") for t in AGREEMENT_TYPES), re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_SENTENCES = re.compile(r"(?<=[.!?…])\s+")
_HEADING = re.compile(r"^(?P<name>.+?)\s*\(\s*(?P<country>[^()]+?)\s*\)$")
# "La commune de", "le camp de": what a place is, not its name.
_KIND = re.compile(
    r"\b(?:la|le|les)\s+(?:ville|commune(?:\s+rurale)?|municipalité|camps?(?:\s+de\s+réfugiés)?)"
    r"\s+(?:de\s+|d['’])",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(r"\s+en\s+[A-ZÀ-Ý][\w-]*$")  # "… en Cisjordanie"
SIMILAR_SPELLING = 0.85


@dataclass(frozen=True)
class Agreement:
    year: int
    type: str


@dataclass(frozen=True)
class ActionFacts:
    period: Period | None
    amount: Quantity | None
    participants: Quantity | None
    status: str | None


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
    return _LOCATIVE.sub("", _KIND.sub("", heading_name)).strip()


def spellings(name: str, text: str) -> Counter[str]:
    """How often each spelling of a one-word name occurs in ``text`` (the name included).

    The page writes Brandenburg-, Brandenbourg- and Brandebourg-sur-la-Havel; words this
    close to the name (difflib ratio) are taken as its spellings. Names of several words
    are left as they are: their near matches on the page are other phrases, not spellings.

    >>> spellings("Brandenburg-sur-la-Havel", "Brandebourg-sur-la-Havel et Brandebourg-sur-la-Havel.")
    Counter({'Brandebourg-sur-la-Havel': 2, 'Brandenburg-sur-la-Havel': 1})
    """
    found: Counter[str] = Counter({name: 1})
    if " " in name:
        return found
    for word in re.findall(r"[A-ZÀ-Ý][\w-]+", text):
        ratio = difflib.SequenceMatcher(None, name.lower(), word.lower()).ratio()
        if ratio >= SIMILAR_SPELLING:
            found[word] += 1
    return found


def canonical_name(found: Counter[str]) -> str:
    """The most frequent spelling; on a tie, the first counted (the heading's)."""
    return max(found, key=lambda spelling: found[spelling])


def slug(text: str) -> str:
    """An ASCII identifier for a name or a label.

    >>> slug("Brandebourg-sur-la-Havel"), slug("2006 – 2008"), slug("")
    ('brandebourg-sur-la-havel', '2006-2008', '')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


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
    for sentence in _SENTENCES.split(description):
        kind, year = _AGREEMENT.search(sentence), _YEAR.search(sentence)
        if kind and year:
            return Agreement(int(year.group()), kind.group().lower().replace("’", "'"))
    return None


_ABANDONED = re.compile(r"\babandonné(?:e|s|es)?\b", re.IGNORECASE)
# "a été annulé" cancels the entry; "ont été annulés en 2020 et 2021" cancels some years
# of it only, which is not the entry's status.
_CANCELLED = re.compile(r"\bannulé(?:e|s|es)?\b(?!\s+en\s+\d{4})", re.IGNORECASE)
_POSTPONED = re.compile(r"\breporté(?:e|s|es)?\b(?!\s+en\s+\d{4})", re.IGNORECASE)


def status(text: str, period: Period | None) -> str | None:
    """``ongoing`` for an open-ended entry, else what the text says happened to it.

    >>> status("le projet a été abandonné définitivement en 2021.", None)
    'abandoned'
    """
    if period and period.is_ongoing:
        return "ongoing"
    for name, pattern in (("abandoned", _ABANDONED), ("cancelled", _CANCELLED),
                          ("postponed", _POSTPONED)):
        if pattern.search(text):
            return name
    return None


def action_facts(label: str | None, text: str) -> ActionFacts:
    """Everything the pipeline reads from one entry."""
    period = parse_label(label) if label else None
    return ActionFacts(period, amount_eur(text), participants(text), status(text, period))


Record = dict[str, object]


def names_partner(item: str, place: str, found: Counter[str]) -> bool:
    """Whether an intro list item names this partner: it holds one of its spellings, or
    reads as the same place once the kind of place is dropped.

    >>> names_partner("La commune de Jifna et le camp de Jalazone en Cisjordanie (Palestine)",
    ...               "Jifna et Jalazone", Counter({"Jifna et Jalazone": 1}))
    True
    """
    return any(spelling in item for spelling in found) or \
        place_name(split_heading(item)[0]) == place


def _partner_record(section: Section, page_text: str, intro: list[Block]) -> Record:
    heading_name, country = split_heading(section.heading.text)
    place = place_name(heading_name)
    found = spellings(place, page_text)
    name = canonical_name(found)
    item = next((b for b in intro if b.kind == "list_item"
                 and names_partner(b.text, place, found)), None)
    description = "\n\n".join(block.text for block in section.description)
    signed = agreement(description)
    return {
        "partner_id": slug(name),
        "name": name,
        "name_variants": " | ".join(sorted(s for s in found if s != name)) or None,
        "heading": section.heading.text,
        "intro_item": item.text if item else None,
        "intro_line": item.line if item else None,
        "country_name": country,
        "country_code": country_code(country),
        "agreement_year": signed.year if signed else None,
        "agreement_type": signed.type if signed else None,
        "description": description or None,
        "source_line": section.heading.line,
    }


def _action_record(entry: Entry, partner_id: str, action_id: str) -> Record:
    facts = action_facts(entry.label, entry.text)
    period, amount, people = facts.period, facts.amount, facts.participants
    return {
        "action_id": action_id,
        "partner_id": partner_id,
        "date_label": entry.label,
        "period": period.edtf if period else None,
        "start_year": period.start_year if period else None,
        "start_month": period.start_month if period else None,
        "end_year": period.end_year if period else None,
        "end_month": period.end_month if period else None,
        "is_ongoing": period.is_ongoing if period else None,
        "amount_eur": amount.value if amount else None,
        "amount_approx": amount.approx if amount else None,
        "participants": people.value if people else None,
        "participants_approx": people.approx if people else None,
        "status": facts.status,
        "text": entry.text,
        "source_line": entry.line,
        "source_line_end": entry.line_end,
    }


def action_id(partner_id: str, label: str | None, rank: int) -> str:
    """What the entry is, not where it is: partner, date label, rank among equal labels.

    >>> action_id("la-lisa", "2008", 1), action_id("la-lisa", "2008", 2), action_id("x", None, 1)
    ('la-lisa-2008', 'la-lisa-2008-2', 'x-sans-date')
    """
    base = f"{partner_id}-{slug(label or '') or 'sans-date'}"
    return base if rank == 1 else f"{base}-{rank}"


def extract(page: Page) -> dict[str, list[Record]]:
    """The page's partners and actions as records named after the schemas' columns."""
    page_text = "\n".join(
        [b.text for b in page.intro]
        + [t for s in page.sections for t in (s.heading.text, *(b.text for b in s.description),
                                             *(e.text for e in s.entries))]
    )
    partners, actions = [], []
    for section in page.sections:
        partner = _partner_record(section, page_text, page.intro)
        partners.append(partner)
        ranks: Counter[str] = Counter()
        for entry in section.entries:
            ranks[slug(entry.label or "")] += 1
            rank = ranks[slug(entry.label or "")]
            actions.append(_action_record(entry, partner["partner_id"],
                                          action_id(partner["partner_id"], entry.label, rank)))
    return {"partners": partners, "actions": actions}
