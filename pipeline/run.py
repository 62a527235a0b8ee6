"""The whole pipeline, one stage a line, in the order the stages run: read, parse, extract
and tables, the checks of structure and coverage, the plan of the release (its version),
then, in a staging folder, emit the packages (validated by worker processes as each one is
whole), emit the workbook meanwhile, validate, emit the views that need valid data, and
swap the release in (its change log, run report and checksums; or nothing, when nothing
changed). The README's "Layout and data flow" draws the same list.

An unchanged page costs a checksum: the stages' modules (the grammar, the writers and their
libraries) are imported once the page is known to need a new release.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ReleaseError
from .layout import locked
from .sources import MAX_BYTES, REFERENCE_PLACES, Snapshot, describe
from .timing import Timings

if TYPE_CHECKING:
    from .release import Outcome
    from .report import Report
    from .tables import Tables

# A page this large or larger is validated by one worker process per core; a smaller one
# by a single worker, since a second would spend longer loading frictionless than it saves
# (docs/benchmarks.md: 1,000 entries make a page of about 120 kB).
PARALLEL_FROM_BYTES = 500_000


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
    from .release import check_output

    check_output(output, first_release)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReleaseError(f"{output.parent}: cannot be created ({exc.strerror})") from None
    try:
        with locked(output):
            return _run(source, output, previous, allow_unassigned, min_actions_ratio,
                        timings or Timings(), first_release, max_bytes)
    finally:
        gc.unfreeze()  # what _run set aside is collectable again (a caller may run again)


def validation_workers(snapshot: Snapshot) -> int:
    """How many worker processes validate the release of this page (see above)."""
    from .workers import cores

    size = len(snapshot.data or b"")  # no bytes: read() says why
    return cores() if size >= PARALLEL_FROM_BYTES else 1


def _run(source: Path, output: Path, previous: Path | None, allow_unassigned: bool,
         min_actions_ratio: float, clock: Timings, first_release: bool,
         max_bytes: int) -> Result | str:
    from .fingerprint import up_to_date

    snapshot = clock.timed("read", describe, source, max_bytes)
    if previous is None and not first_release and (version := up_to_date(output, snapshot.sha256)):
        return version  # this very source, released by this very code: nothing to do
    from .validate import Checks, validate_staged, warm_up
    from .workers import Pool

    # the validation's workers start now, before this process loads the grammar and the
    # writers (a tenth of a second), and load frictionless meanwhile: on a small page they
    # are what the run waits for last
    with Pool(validation_workers(snapshot), warm_up) as workers:
        from .emit import AFTER_VALIDATION, WHILE_VALIDATING, write_packages, write_views
        from .extract import extract
        from .load import read
        from .parse import parse
        from .places import load_locations
        from .release import check_structure, plan_release, previous_release, shown, staging, swap_in
        from .report import build, check_coverage
        from .tables import tables

        document = clock.timed("read", read, source, snapshot.data)
        gc.freeze()  # the page's text and blocks (see below)
        page = clock.timed("parse", parse, document.blocks)
        # The page read and parsed lives until the release is written: set aside from
        # Python's collector of cycles, which otherwise walks all of it again at each full
        # collection (a tenth of a large run's processor time; docs/benchmarks.md).
        gc.freeze()
        base = None if first_release else previous_release(output, previous)
        out_of_range: list[dict] = []  # numbers past their column's range, made empty
        records = clock.timed("extract", extract, page, load_locations(REFERENCE_PLACES), workers,
                              base.action_texts() if base else None,  # by the workers, for a large page
                              base.partners() if base else ())
        data = clock.timed("extract", tables, records, out_of_range)
        gc.freeze()  # the records and tables too
        check_structure(data, base, min_actions_ratio)
        report = clock.timed("coverage", build, source, snapshot.sha256, document, page, data, out_of_range)
        check_coverage(report, allow_unassigned)
        plan = plan_release(data, snapshot, document.text, output, base, clock)
        checks, reading = Checks(workers), workers.busy
        with staging(output) as staged:
            write_packages(staged, data, plan.about, plan.version, clock, checks.written)
            contents = shown(plan, staged)
            warnings = write_views(staged, contents, clock, WHILE_VALIDATING)
            clock.timed("validate the staged release", validate_staged, staged.root, checks)
            warnings += write_views(staged, contents, clock, AFTER_VALIDATION)
            release = swap_in(plan, staged, contents, warnings, report, clock)
        if reading:
            clock.alongside[f"extract ({workers.workers} workers)"] = reading
        clock.alongside[f"validation ({workers.workers} workers)"] = workers.busy - reading
    return Result(data, release, report)
