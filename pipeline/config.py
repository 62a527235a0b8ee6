"""The town whose pages are read, from its town file: the only place that names a town.

Rules read French municipal prose in general; where one needs the town (its name in
"accueil à …", its demonym in "délégation …"), it asks :func:`config`, so that another
town's pages are read by writing that file, not the code. The file is TOML, checked against
the JSON Schema ``pipeline/data/town.schema.json`` (a bad key is one line naming it and the
file); the project's ``city.toml`` is the default of every command.

The current town is a value set once per run (:func:`use`, or ``run(..., town=…)``) before
any reader asks, and :func:`config` returns it: two towns run in one process one after the
other, and nothing keeps the first (caches that depend on the town are keyed by it).
"""

from __future__ import annotations

import json
import re
import string
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from . import derived
from .errors import InputError
from .paths import CITY, DATA, PROJECT

DEFAULT_TOWN = CITY  # the project's town file: what every command reads without --town
SCHEMA = DATA / "town.schema.json"
CONFIG = DEFAULT_TOWN


# An INSEE code of a commune (the town file's schema checks the same pattern).
_COMMUNE = re.compile(r"[0-9][0-9AB][0-9]{3}")


_NAME_PIECES = re.compile(r"([\s\-'’]+)")


@cache
def saint_titles() -> frozenset[str]:
    """A saint's title and its abbreviations, folded ("saint", "ste"): what opens a saint's
    name, a feast's ("la Saint Maurice"), never a country's."""
    from .french import lexicon
    from .french.normalise import fold

    return frozenset(fold(word).rstrip(".") for title, short in lexicon("places")["commune_names"][
        "abbreviations"].items() for word in [title, *short])


@cache
def shortened(name: str) -> frozenset[str]:
    """The shorter names a commune's own pages write for its official ``name``: the name up
    to the words that say what it lies on or near (lexicon ``places.commune_names``), and a
    saint's name abbreviated. Why derived: a town file written in a hurry holds the official
    name alone, and a page that says "Bonchamp" throughout would name its own town as a
    stranger's (a partner, a trip's destination).

    >>> sorted(shortened("Bonchamp-lès-Laval")), sorted(shortened("La Charité-sur-Loire"))
    (['Bonchamp'], ['La Charité'])
    >>> sorted(shortened("Saint-Jean-d’Angély"))
    ['Saint-Jean', 'St-Jean', 'St-Jean-d’Angély', 'St.-Jean', 'St.-Jean-d’Angély']
    >>> shortened("Saint-Denis") == {"St-Denis", "St.-Denis"}, shortened("Le Mans"), shortened("Sur")
    (True, frozenset({'Mans'}), frozenset())
    >>> sorted(shortened("Les Herbiers")), shortened("La Possession")
    (['Herbiers'], frozenset())
    """
    from .french import lexicon
    from .french.normalise import fold

    words = lexicon("places")["commune_names"]
    pieces = _NAME_PIECES.split(name)  # words at even places, what joins them between
    found = set()
    for at in range(2, len(pieces), 2):
        if fold(pieces[at]) in {fold(word) for word in words["tail_openers"]}:
            head = pieces[:at - 1]
            if not all(fold(word) in words["empty_heads"] for word in head[::2]):
                found.add("".join(head))
            break
    if len(pieces) > 2 and fold(pieces[0]) in words["contracted_articles"] and pieces[1] == " ":
        found.add("".join(pieces[2:]))  # "du Lamentin": "Le Lamentin" without its article
    for written in (name, *found):
        split = _NAME_PIECES.split(written)
        found.update("".join([*split[:at], form, *split[at + 1:]])
                     for at in range(0, len(split), 2) for form in words["abbreviations"].get(split[at], ()))
    return frozenset(found - {name})


@dataclass(frozen=True)
class Town:
    name: str
    short_names: tuple[str, ...]
    demonym: str  # the first demonym, masculine singular
    insee: str
    # where the town is, for the map (None when the file does not say), and its source
    location: tuple[float, float] | None = None
    location_source: str = ""
    demonyms: tuple[str, ...] = ()  # every demonym (the first is ``demonym``)
    # the page is told from abroad (:func:`pipeline.narrative.told_from_abroad`): the file's
    # names alone are the town's, the shorter forms derived from them may be a namesake's
    # (the partner "Neuville" of a Québec weekly's page about Neuville-de-Poitou)
    written_names_only: bool = False

    @property
    def zone(self) -> str:
        """The commune's zone id on data.gouv.fr (``fr:commune:`` and its INSEE code); the
        country's for a release that is no commune's (the national table: "FR")."""
        return f"fr:commune:{self.insee}" if _COMMUNE.fullmatch(self.insee) else "country:fr"

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the town, longest first, so that a pattern built from them takes
        "Saint-Denis" whole before "Denis": the file's, and the shorter forms French pages
        write of them (:func:`shortened`), which an officer need not list."""
        written = {self.name, *self.short_names}
        if self.written_names_only:
            return tuple(sorted(written, key=len, reverse=True))
        return tuple(sorted(written.union(*(shortened(n) for n in written)), key=len, reverse=True))

    @property
    def all_demonyms(self) -> tuple[str, ...]:
        """Every demonym, longest first (so that a pattern takes the longest whole)."""
        return tuple(sorted({self.demonym, *self.demonyms} - {""}, key=len, reverse=True))

    def name_pattern(self) -> str:
        """A regular expression (no groups) for any of the town's names, as a whole word.

        A name's hyphens may be written as spaces, and its spaces as hyphens ("Déville lès
        Rouen" for Déville-lès-Rouen).

        >>> town = Town("Saint-Denis", ("Saint-Denis",), "dionysien", "93066")
        >>> re.findall(town.name_pattern(), "à Saint-Denis, pas à Saint-Denis-en-Val, à Saint Denis")
        ['Saint-Denis', 'Saint Denis']
        """
        return "(?:" + "|".join(re.escape(n).replace(r"\-", r"[\s-]+").replace(r"\ ", r"[\s-]+")
                                for n in self.names) + r")(?![\w-])"

    def demonym_pattern(self) -> str:
        """A regular expression (no groups) for any form of any demonym: masculine,
        feminine, plural, inclusive ("dionysien·nes", "dionysien.nes").

        >>> pattern = Town("Saint-Denis", (), "dionysien", "93066").demonym_pattern()
        >>> [bool(re.fullmatch(pattern, w)) for w in ("dionysien·nes", "dionysiennes", "dionysien.")]
        [True, True, False]
        >>> re.search(Town("Baume", (), "", "26001").demonym_pattern(), "les baumois")  # none known
        """
        if not self.all_demonyms:
            return "(?!)"  # a town without a demonym: nothing is one
        stems = "|".join(re.escape(d) for d in self.all_demonyms)
        return f"(?:{stems})" + r"(?:[\w·.]*\w)?"


@dataclass(frozen=True)
class Contact:
    """Where readers send corrections: a name, an address on the web, maybe an e-mail."""

    name: str
    url: str
    email: str = ""


@dataclass(frozen=True)
class Source:
    """One page of the town. ``partner`` (and its ``country``) says which partner the page
    is about, for a town with one page per partner: the run hands it to the parse stage
    (``parse(blocks, partner=…, country=…)``, each only when given). ``snapshot`` is a saved
    copy to read instead of the raw folder's last snapshot of ``url``."""

    url: str
    partner: str | None = None
    country: str | None = None
    snapshot: Path | None = None


@dataclass(frozen=True)
class PartnerHint:
    """What the town file says of a partner: its country, other names, coordinates with
    their source, the year of its agreement."""

    name: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    location: tuple[float, float] | None = None
    location_source: str = ""
    agreement_year: int | None = None


@dataclass(frozen=True)
class Hints:
    partners: tuple[PartnerHint, ...] = ()
    not_partners: tuple[str, ...] = ()  # headings that name no partner


@dataclass(frozen=True)
class Licence:
    name: str = "etalab-2.0"
    title: str = "Licence Ouverte / Open Licence 2.0"
    path: str = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


@dataclass(frozen=True)
class Publication:
    """How the release presents itself, its texts filled in with the town's name."""

    dataset: str
    title: str
    description: str
    source_title: str
    keywords: tuple[str, ...] = ()
    licence: Licence = field(default_factory=Licence)


@dataclass(frozen=True)
class Config:
    town: Town
    sources: tuple[Source, ...]
    publisher: str
    publisher_url: str
    stem: str  # the stem of the release's own file names
    contact: Contact
    publication: Publication
    release: Path  # the town's release folder (its previous release is there)
    raw: Path  # its snapshots' folder, with their manifest.json
    hints: Hints = field(default_factory=Hints)
    path: Path | None = None  # the file it was read from

    @property
    def page_url(self) -> str:
        """The first page's address (the one fetch downloads by default)."""
        return self.sources[0].url


@cache
def _schema_text() -> str:
    return SCHEMA.read_text(encoding="utf-8")


@cache
def _schema() -> dict[str, Any]:
    return json.loads(_schema_text())


def _where(path: Any) -> str:
    """A key's dotted name from jsonschema's path (``sources[1].url``)."""
    shown = ""
    for part in path:
        shown += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if shown else str(part))
    return shown


def problem(data: Any) -> str | None:
    """The first thing wrong in a town file's content against its schema, as a phrase that
    names the key; None when it is right.

    >>> problem({"town": {}, "sources": [], "publication": {}, "release": {}, "colour": 1})
    "unknown key 'colour'"
    >>> problem({"town": {"name": 3}})
    'town.name: 3 is not a string'
    """
    from jsonschema import Draft202012Validator

    errors = sorted(Draft202012Validator(_schema()).iter_errors(data),
                    key=lambda e: (e.validator != "additionalProperties", e.validator != "type",
                                   e.validator == "required", list(e.absolute_path)))
    if not errors:
        return None
    error = errors[0]
    where = _where(error.absolute_path)
    if error.validator == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        unknown = sorted(k for k in error.instance if k not in known)
        return f"unknown key {', '.join(repr(_where([*error.absolute_path, k])) for k in unknown)}"
    if error.validator == "required":
        missing = next((k for k in error.validator_value if k not in error.instance), "?")
        return f"missing key '{_where([*error.absolute_path, missing])}'"
    if error.validator == "type":
        kinds = {"string": "a string", "array": "a list", "object": "a table", "integer": "a whole number",
                 "number": "a number"}
        wanted = error.validator_value
        return f"{where}: {error.instance!r} is not {kinds.get(wanted, wanted)}"
    if error.validator == "pattern":
        return f"{where}: {error.instance!r} is not of the form it must have ({error.schema['description']})"
    if error.validator == "dependentRequired":
        return f"{where}: {error.message}"
    return f"{where}: {error.message}" if where else error.message


_FIELDS = ("town", "insee")


def _filled(template: str, town: Town, key: str) -> str:
    """A publication text with its ``{town}`` and ``{insee}`` filled in; any other field
    is a mistake of the file, said by its key."""
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None and name not in _FIELDS:
            raise ValueError(f"{key}: unknown field {{{name}}} (only {{town}} and {{insee}})")
    return template.format(town=town.name, insee=town.insee)


def _location(found: dict | None) -> tuple[tuple[float, float] | None, str]:
    if found is None:
        return None, ""
    return (float(found["latitude"]), float(found["longitude"])), found["source"]


def _build(data: dict[str, Any], base: Path, path: Path) -> Config:
    """A checked file's content as a :class:`Config`, its folders resolved from ``base``."""
    t = data["town"]
    location, location_source = _location(t.get("location"))
    demonyms = tuple(t.get("demonyms", ()))  # a town may have none known
    town = Town(t["name"], tuple(t.get("short_names", ())), demonyms[0] if demonyms else "",
                t["insee"], location, location_source, demonyms)
    sources = tuple(Source(s["url"], s.get("partner"), s.get("country"),
                           base / s["snapshot"] if "snapshot" in s else None) for s in data["sources"])
    h = data.get("hints", {})
    partners = []
    for p in h.get("partners", ()):
        where, cited = _location(p.get("location"))
        partners.append(PartnerHint(p["name"], p.get("country"), tuple(p.get("aliases", ())), where, cited,
                                    p.get("agreement_year")))
    hints = Hints(tuple(partners), tuple(h.get("not_partners", ())))
    pub = data["publication"]
    licence = Licence(**pub["licence"]) if "licence" in pub else Licence()
    publication = Publication(
        pub["dataset"], _filled(pub["title"], town, "publication.title"),
        _filled(pub["description"], town, "publication.description"),
        _filled(pub["source_title"], town, "publication.source_title"),
        tuple(_filled(k, town, "publication.keywords") for k in pub.get("keywords", ())), licence)
    contact = pub.get("contact", {})
    release = data["release"]
    return Config(town, sources, pub["publisher"], pub["publisher_url"], release["stem"],
                  Contact(contact.get("name", pub["publisher"]), contact.get("url", pub["publisher_url"]),
                          contact.get("email", "")),
                  publication, base / release["folder"], base / release.get("raw", "raw"), hints, path)


def load(path: Path, base: Path | None = None) -> Config:
    """The town file at ``path``, checked against its schema; its folders are relative to
    ``base`` (default: the file's own folder). Anything wrong is one :class:`InputError`
    line naming the file and the key."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise InputError(f"{path} : fichier introuvable (le fichier de la commune) ; vérifier "
                         "--town") from None
    except IsADirectoryError:
        raise InputError(f"{path} : est un dossier, pas un fichier de commune ; vérifier --town") from None
    except OSError as exc:
        raise InputError(f"{path} : illisible ({exc.strerror}) ; vérifier ses droits") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path} : fichier de commune invalide ({exc}) ; le corriger") from None
    # the same text checked against the same schema before passed: the check is not made
    # again (jsonschema, loaded for it, is a tenth of a small run; pipeline/derived.py)
    checked = derived.key(_schema_text().encode(), text.encode())
    if not derived.marked("town", checked):
        if found := problem(data):
            raise InputError(f"{path} : fichier de commune invalide ({found}) ; le corriger")
        derived.mark("town", checked)
    try:
        return _build(data, base if base is not None else path.resolve().parent, path)
    except ValueError as exc:
        raise InputError(f"{path} : fichier de commune invalide ({exc}) ; le corriger") from None


@cache
def _default() -> Config:
    # the packaged file's folders are the project's (the checkout, or the current folder)
    return load(DEFAULT_TOWN, PROJECT)


_current: Config | None = None


def config() -> Config:
    """The current town: the one set by :func:`use`, else the default town's file's."""
    return _current if _current is not None else _default()


def use(town: Config | Path | None) -> Config:
    """Make ``town`` (a loaded file, a file's path, or None for the default) the current
    town, and return it. A command sets it once, before any reader asks."""
    global _current
    _current = load(town) if isinstance(town, Path) else town
    return config()


@contextmanager
def using(town: Config | Path | None) -> Iterator[Config]:
    """The current town is ``town`` inside the block, and what it was after it."""
    before = _current
    try:
        yield use(town)
    finally:
        use(before)


def _kind(schema: dict[str, Any]) -> str:
    kinds = {"string": "text", "array": "list", "object": "table", "integer": "whole number",
             "number": "number"}
    if "$ref" in schema:
        return "table"
    kind = kinds.get(schema.get("type", ""), schema.get("type", ""))
    if kind == "list" and "items" in schema:
        inner = schema["items"]
        return "list of tables" if inner.get("type") == "object" else f"list of {_kind(inner)}"
    return kind


def town_keys() -> list[tuple[str, str, bool, str]]:
    """Every key a town file may hold, from its JSON Schema: (dotted key, kind, required,
    description), in the schema's order; the README's table of keys is made of these.

    >>> next(k for k in town_keys() if k[0] == "town.insee")[:3]
    ('town.insee', 'text', True)
    """
    schema = _schema()
    found: list[tuple[str, str, bool, str]] = []

    def walk(node: dict[str, Any], prefix: str) -> None:
        required = set(node.get("required", ()))
        for name, child in node.get("properties", {}).items():
            key = f"{prefix}{name}"
            target = schema["$defs"][child["$ref"].rsplit("/", 1)[1]] if "$ref" in child else child
            found.append((key, _kind(child), name in required, child.get("description", "")))
            if target.get("type") == "object":
                walk(target, f"{key}.")
            elif target.get("type") == "array" and target.get("items", {}).get("type") == "object":
                walk(target["items"], f"{key}[].")

    walk(schema, "")
    return found


def keys_table() -> str:
    """The README's table of a town file's keys (``tests/test_town.py`` checks that the
    README holds this very table)."""
    rows = ["| key | kind | required | what it says |", "|---|---|---|---|"]
    for key, kind, required, description in town_keys():
        text = description.replace("|", "\\|")
        rows.append(f"| `{key}` | {kind} | {'yes' if required else ''} | {text} |")
    return "\n".join(rows)
