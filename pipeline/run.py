"""The whole pipeline, one stage a line: read, parse, extract, tables, validate, release."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .extract import extract
from .parse import parse
from .places import load_locations
from .read import read
from .errors import ReleaseError
from .layout import locked
from .release import (
    Outcome, check_output, check_structure, previous_release, up_to_date, write_release,
)
from .report import Report, build, check_coverage
from .sources import MAX_BYTES, REFERENCE_PLACES, describe
from .tables import Tables, tables
from .timing import Timings


@dataclass(frozen=True)
class Result:
    tables: Tables
    release: Outcome
    report: Report


def run(source: Path, output: Path, previous: Path | None = None, *,
        allow_unassigned: bool = False, min_actions_ratio: float = 0.5,
        timings: Timings | None = None, first_release: bool = False,
        max_bytes: int = MAX_BYTES) -> Result | str:
    """Turn the page snapshot at ``source`` into a validated release in ``output``.

    Returns the version of ``output`` instead when it is already the release of this source
    made by this code (an unchanged page costs a checksum, not a run). The output's lock
    is held from the reading of the previous release to the swap of the new one.
    """
    check_output(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReleaseError(f"{output.parent}: cannot be created ({exc.strerror})") from None
    with locked(output):
        return _run(source, output, previous, allow_unassigned, min_actions_ratio,
                    timings or Timings(), first_release, max_bytes)


def _run(source: Path, output: Path, previous: Path | None, allow_unassigned: bool,
         min_actions_ratio: float, clock: Timings, first_release: bool,
         max_bytes: int) -> Result | str:
    with clock.stage("read"):
        snapshot = describe(source, max_bytes)
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
