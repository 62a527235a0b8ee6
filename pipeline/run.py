"""The whole pipeline, one stage a line: read, parse, extract, tables, validate, release."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .extract import extract
from .parse import parse
from .places import load_locations
from .read import read
from .release import Outcome, check_structure, previous_release, up_to_date, write_release
from .report import Report, build, check_coverage
from .sources import REFERENCE_PLACES, describe
from .tables import Tables, tables
from .timing import Timings


@dataclass(frozen=True)
class Result:
    tables: Tables
    release: Outcome
    report: Report


def run(source: Path, output: Path, previous: Path | None = None, *,
        allow_unassigned: bool = False, min_actions_ratio: float = 0.5,
        timings: Timings | None = None, first_release: bool = False) -> Result | str:
    """Turn the page snapshot at ``source`` into a validated release in ``output``.

    Returns the version of ``output`` instead when it is already the release of this source
    made by this code (an unchanged page costs a checksum, not a run).
    """
    clock = timings or Timings()
    with clock.stage("read"):
        snapshot = describe(source)
        if previous is None and not first_release and (version := up_to_date(output, snapshot.sha256)):
            return version
        document = read(source)
    with clock.stage("parse"):
        page = parse(document.blocks)
    with clock.stage("extract"):
        data = tables(extract(page, load_locations(REFERENCE_PLACES)))
    base = None if first_release else previous_release(output, previous)
    check_structure(data, base, min_actions_ratio)
    with clock.stage("coverage"):
        report = build(source, snapshot.sha256, document, page, data)
    check_coverage(report, allow_unassigned)
    release = write_release(data, snapshot, document.text, output, base, report, clock)
    return Result(data, release, report)
