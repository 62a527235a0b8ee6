"""The whole pipeline, one stage a line: read, parse, extract, tables, validate, release."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .extract import extract
from .parse import SetAside, parse
from .places import load_locations
from .read import read
from .release import Outcome, write_release
from .sources import REFERENCE_PLACES, describe
from .tables import Tables, tables
from .validate import validate_tables


@dataclass(frozen=True)
class Result:
    tables: Tables
    release: Outcome
    set_aside: list[SetAside]
    encoding: str


def run(source: Path, output: Path, previous: Path | None = None) -> Result:
    """Turn the page snapshot at ``source`` into a validated release in ``output``."""
    snapshot = describe(source)
    document = read(source)
    page = parse(document.blocks)
    data = tables(extract(page, load_locations(REFERENCE_PLACES)))
    validate_tables(data)
    release = write_release(data, snapshot, output, previous)
    return Result(data, release, page.set_aside, document.encoding)
