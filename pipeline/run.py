"""The whole pipeline, one stage a line: read, parse, extract, tables, validate, emit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .emit import write_release
from .extract import extract
from .parse import SetAside, parse
from .read import read
from .places import load_locations
from .sources import REFERENCE_PLACES, describe
from .tables import Tables, tables
from .validate import validate_tables


@dataclass(frozen=True)
class Result:
    tables: Tables
    packages: list[Path]
    set_aside: list[SetAside]
    encoding: str


def run(source: Path, output: Path) -> Result:
    """Turn the page snapshot at ``source`` into a validated release in ``output``."""
    snapshot = describe(source)
    document = read(source)
    page = parse(document.blocks)
    data = tables(extract(page, load_locations(REFERENCE_PLACES)))
    validate_tables(data)
    packages = write_release(data, snapshot, output)
    return Result(data, packages, page.set_aside, document.encoding)
