"""The town whose page is read, from ``city.toml``: the only place that names it.

Rules read French municipal prose in general; where one needs the town (its name in
"accueil à …", its demonym in "délégation …"), it asks this module, so that another town's
page is read by editing that file, not the code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import InputError
from .paths import CITY

CONFIG = CITY


@dataclass(frozen=True)
class Town:
    name: str
    short_names: tuple[str, ...]
    demonym: str
    insee: str
    # where the town is, for the map (None when city.toml does not say), and its source
    location: tuple[float, float] | None = None
    location_source: str = ""

    @property
    def zone(self) -> str:
        """The commune's zone id on data.gouv.fr (``fr:commune:`` and its INSEE code)."""
        return f"fr:commune:{self.insee}"

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the town, longest first, so that a pattern built from them takes
        "Saint-Denis" whole before "Denis"."""
        return tuple(sorted({self.name, *self.short_names}, key=len, reverse=True))

    def name_pattern(self) -> str:
        """A regular expression (no groups) for any of the town's names, as a whole word.

        >>> town = Town("Saint-Denis", ("Saint-Denis",), "dionysien", "93066")
        >>> re.findall(town.name_pattern(), "à Saint-Denis, pas à Saint-Denis-en-Val")
        ['Saint-Denis']
        """
        return "(?:" + "|".join(re.escape(n) for n in self.names) + r")(?![\w-])"

    def demonym_pattern(self) -> str:
        """A regular expression (no groups) for any form of the demonym: masculine,
        feminine, plural, inclusive ("dionysien·nes", "dionysien.nes").

        >>> pattern = Town("Saint-Denis", (), "dionysien", "93066").demonym_pattern()
        >>> [bool(re.fullmatch(pattern, w)) for w in ("dionysien·nes", "dionysiennes", "dionysien.")]
        [True, True, False]
        """
        return re.escape(self.demonym) + r"(?:[\w·.]*\w)?"


@dataclass(frozen=True)
class Contact:
    """Where readers send corrections: a name, an address on the web, maybe an e-mail."""

    name: str
    url: str
    email: str = ""


@dataclass(frozen=True)
class Config:
    town: Town
    page_url: str
    publisher: str
    publisher_url: str
    stem: str  # the stem of the release's own file names
    contact: Contact


def _location(town: dict) -> tuple[float, float] | None:
    if "latitude" not in town and "longitude" not in town:
        return None
    return float(town["latitude"]), float(town["longitude"])


# The stem names the release's files (``xlsx/<stem>.xlsx``) and the snapshots in raw/:
# a plain file name, so that the configuration cannot point a file anywhere else.
_STEM = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def _text(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"{key} must be a non-empty string")
    return value


@cache
def config(path: Path = CONFIG) -> Config:
    """The configuration in ``path``; a missing or malformed file is one clear error."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        town, publisher = data["town"], data["publisher"]
        contact = data.get("contact", {})
        short_names = town.get("short_names", [])
        if not isinstance(short_names, list):
            raise TypeError("town.short_names must be a list of strings")
        stem = _text(data["release"]["stem"], "release.stem")
        if not _STEM.fullmatch(stem):
            raise TypeError("release.stem must be a plain file name (a-z, 0-9, - and _)")
        return Config(
            Town(_text(town["name"], "town.name"),
                 tuple(_text(n, "town.short_names") for n in short_names),
                 _text(town["demonym"], "town.demonym"), _text(str(town["insee"]), "town.insee"),
                 _location(town), str(town.get("location_source", ""))),
            _text(data["page"]["url"], "page.url"), _text(publisher["name"], "publisher.name"),
            _text(publisher["url"], "publisher.url"), stem,
            Contact(str(contact.get("name", publisher["name"])), str(contact.get("url", publisher["url"])),
                    str(contact.get("email", ""))),
        )
    except FileNotFoundError:
        raise InputError(f"{path}: no such file (the town's configuration)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{path}: not a valid town configuration ({exc})") from None
