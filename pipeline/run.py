"""The whole pipeline, one stage a line, in the order the stages run: read, parse, extract
and tables, the checks of structure and coverage, the plan of the release (its version),
then, in a staging folder, emit the packages (validated by worker processes as each one is
whole; the Parquet package converted by the writer process meanwhile), the page's text, the
database, then the workbook and the pages' content (all but their list of downloads) while
the writer zips the packages' and the database's archives (and the workbook's parts), and,
once the archives are there, the pages' downloads and the pages, while the workers finish;
the verdict; and swap the release in (its change log, run report and checksums; or
nothing, when nothing changed).
docs/architecture.md's "Layout and data flow" draws the same list.

An unchanged page costs a checksum: the stages' modules (the grammar, the writers and their
libraries) are imported once the page is known to need a new release.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config, Source, config, using
from .errors import ReleaseError
from .layout import locked
from .sources import MAX_BYTES, REFERENCE_PLACES, Snapshot, describe
from .timing import Timings

if TYPE_CHECKING:
    from .narrative import About
    from .parse import Page
    from .read import Document
    from .release import Outcome
    from .report import Report
    from .tables import Tables
    from .workers import Pending

# A page this large or larger is validated by one worker process per core; a smaller one
# by a single worker, since a second would spend longer loading frictionless than it saves
# (docs/benchmarks.md: 1,000 entries make a page of about 120 kB).
PARALLEL_FROM_BYTES = 500_000
# A smaller page's workbook is written whole by the writer process (its tables sent to it),
# which is idle once the Parquet package is converted, rather than by the run's process,
# whose work is what a small page's run waits for (docs/performance.md); a larger one's by
# the run's process, the writer zipping its parts, since the writer then has seconds of
# Parquet and archives to make and the tables would be long to send.
WHOLE_WORKBOOK_BELOW_BYTES = PARALLEL_FROM_BYTES


@dataclass(frozen=True)
class Result:
    tables: Tables
    release: Outcome
    report: Report


def run(source: Path | Sequence[Path] | None, output: Path | None = None,
        previous: Path | None = None, *, allow_unassigned: bool = False,
        min_actions_ratio: float = 0.5, timings: Timings | None = None,
        first_release: bool = False, max_bytes: int = MAX_BYTES,
        town: Config | None = None) -> Result | str:
    """Turn the page snapshot at ``source`` (or the town's pages, one snapshot each, read
    into one release) into a validated release in ``output``.

    ``town`` is the town whose pages these are (default: the current one, see
    :func:`pipeline.config.config`); it is the current town for the whole run, so that two
    towns run one after the other in one process. ``source`` None reads the town's pages
    (:func:`town_pages`); ``output`` None writes the town's release folder. The i-th
    snapshot is the page of the town's i-th source, whose partner hint goes to the parse
    stage. Returns the version of ``output`` instead when it is already the release of these
    sources made by this code (an unchanged page costs a checksum, not a run). The output's
    lock is held from the reading of the previous release to the swap of the new one.
    """
    from .release import check_output

    with using(town or config()) as current:
        sources = town_pages(current) if source is None else \
            [source] if isinstance(source, Path) else list(source)
        output = current.release if output is None else output
        check_output(output, first_release)
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReleaseError(f"{output.parent} : impossible à créer ({exc.strerror}) ; choisir un "
                               "autre --output") from None
        try:
            with locked(output):
                return _run(sources, output, previous, allow_unassigned, min_actions_ratio,
                            timings or Timings(), first_release, max_bytes)
        finally:
            gc.unfreeze()  # what _run set aside is collectable again (a caller may run again)


def town_pages(town: Config) -> list[Path]:
    """The snapshot of each of the town's pages, in the file's order: the one the file
    names, else the last one of its address in the town's raw folder (for a town of one
    page, the raw folder's last snapshot when none names the address)."""
    from .sources import default_source, page_snapshot

    if len(town.sources) == 1 and town.sources[0].snapshot is None:
        return [default_source(town.sources[0].url, town.raw)]
    return [s.snapshot if s.snapshot is not None else page_snapshot(s.url, town.raw)
            for s in town.sources]


def _about(source: Source | None) -> About | None:
    """The partner a page is about, when the town file names it (``partner``, ``country``):
    a page with no partner heading is then read as that partner's story
    (:mod:`pipeline.narrative`)."""
    from .narrative import About

    return About(source.partner, source.country) if source and source.partner else None


def _cited(snapshots: list[Snapshot]) -> list[Snapshot]:
    """The snapshots, those that the town file names (``snapshot = …``) and no manifest
    lists cited by the address the file gives their page."""
    from .sources import public_url

    pages = config().sources
    cited = []
    for number, snapshot in enumerate(snapshots):
        page = pages[number] if number < len(pages) else None
        if snapshot.url is None and page is not None and page.snapshot is not None and \
                page.snapshot.resolve() == snapshot.path.resolve():
            snapshot = replace(snapshot, url=public_url(page.url))
        cited.append(snapshot)
    return cited


def _combined(snapshots: list[Snapshot]) -> Snapshot:
    """Several pages' snapshots as the one source of a release: its checksum is that of
    their checksums in order (a page changed, added or moved is a new source); its address
    and date are the first page's and the latest date; it lists the pages."""
    if len(snapshots) == 1:
        return snapshots[0]
    digest = hashlib.sha256("\n".join(s.sha256 for s in snapshots).encode()).hexdigest()
    dates = [s.retrieved for s in snapshots if s.retrieved]
    data = b"".join(s.data or b"" for s in snapshots)
    return Snapshot(snapshots[0].path, digest, snapshots[0].url, max(dates) if dates else None, data,
                    tuple(snapshots))


def page_header(number: int, snapshot: Snapshot) -> str:
    """The line that opens a page in a release of several pages' text (``source/``), so
    that every ``source_line`` falls under the line that says which page it came from.

    >>> page_header(2, Snapshot(Path("raw/b.html"), "", "https://example.org/b", None))
    '=== page 2 : https://example.org/b ==='
    """
    return f"=== page {number} : {snapshot.url or snapshot.path.name} ==="


def _in_one_text(documents: list[Document],
                 snapshots: list[Snapshot]) -> list[tuple[Document, Source | None]]:
    """Each page's document placed in the release's one text, with the town's source it
    reads (its partner hint): a single page as it is; several, each under its header line,
    every block's line moved to its place in the joined text."""
    from .read import lines

    hints = config().sources
    if len(documents) == 1:
        return [(documents[0], hints[0] if len(hints) == 1 else None)]
    placed, offset = [], 0
    for number, (document, snapshot) in enumerate(zip(documents, snapshots, strict=True), start=1):
        text = document.text if document.text.endswith(("\n", "\r")) else document.text + "\n"
        offset += 1  # the header line
        moved = replace(document, text=page_header(number, snapshot) + "\n" + text,
                        blocks=[replace(b, line=b.line + offset) for b in document.blocks],
                        removed=[(line + offset, chars) for line, chars in document.removed])
        placed.append((moved, hints[number - 1] if len(hints) == len(documents) else None))
        offset += len(lines(text)) - 1  # it ends with a line break: the last piece is empty
    return placed


def _together(placed: list[tuple[Document, Source | None]], pages: list[Page]) -> tuple[Document, Page]:
    """The pages as one document and one page: the texts one after the other, the blocks,
    partners and set-aside blocks of every page in order (a single page: itself)."""
    from .parse import Page
    from .read import Document

    documents = [document for document, _ in placed]
    if len(documents) == 1:
        return documents[0], pages[0]
    first = documents[0]
    merged = Document([b for d in documents for b in d.blocks], first.encoding, first.format,
                      "".join(d.text for d in documents), [r for d in documents for r in d.removed],
                      [o for d in documents for o in d.left_out])
    return merged, Page(pages[0].title, [b for p in pages for b in p.intro],
                        [s for p in pages for s in p.sections], [a for p in pages for a in p.set_aside])


def validation_workers(snapshot: Snapshot) -> int:
    """How many worker processes validate the release of this page (see above)."""
    from .workers import cores

    size = len(snapshot.data or b"")  # no bytes: read() says why
    return cores() if size >= PARALLEL_FROM_BYTES else 1


def writer_writes_workbook(snapshot: Snapshot) -> bool:
    """Whether the writer process writes this page's workbook whole
    (:data:`WHOLE_WORKBOOK_BELOW_BYTES`)."""
    return len(snapshot.data or b"") < WHOLE_WORKBOOK_BELOW_BYTES


def load_writers() -> None:
    """What the writer process loads before its first task (while the run reads the page):
    pyarrow's CSV reader and Parquet writer, which the Parquet package is converted with.

    Not numpy: pyarrow loads it when it is there (half of pyarrow's import, 70 ms of
    processor time) for conversions this process never makes (arrays from and to numpy,
    pandas); the CSV reader, the Parquet writer and the comparison of tables are Arrow's
    C++, and the files' bytes are the same (``tests/test_parquet.py``). This process
    only writes the Parquet package and zips the archives, so numpy is marked missing in
    it (and only in it) before pyarrow is imported."""
    import sys

    sys.modules.setdefault("numpy", None)  # type: ignore[arg-type]  # None: "import numpy" fails
    import pyarrow.csv
    import pyarrow.parquet  # noqa: F401


def load_book_writers() -> None:
    """What the writer process of a small page loads (:func:`writer_writes_workbook`):
    pyarrow, then XlsxWriter's classes the workbook is written with, while it waits for
    the run's first task, rather than when the workbook is the last thing the run waits
    for."""
    load_writers()
    from .emit import xlsx_cells  # noqa: F401


def _run(sources: list[Path], output: Path, previous: Path | None, allow_unassigned: bool,
         min_actions_ratio: float, clock: Timings, first_release: bool,
         max_bytes: int) -> Result | str:
    from .fingerprint import up_to_date

    snapshots = _cited([clock.timed("read", describe, path, max_bytes) for path in sources])
    snapshot, source = _combined(snapshots), sources[0]
    if previous is None and not first_release and (version := up_to_date(output, snapshot.sha256)):
        return version  # this very source, released by this very code: nothing to do
    from .validate import Checks, validate_staged, warm_up
    from .workers import Pool

    # the validation's workers, and the worker that writes the Parquet package and zips the
    # archives, start now, before this process loads the grammar and the writers (a tenth of
    # a second), and load frictionless or pyarrow meanwhile: on a small page they are what
    # the run waits for last. A run that validates in its own process (a town of a national
    # run, itself a worker, which may not start processes) writes in it too.
    with Pool(validation_workers(snapshot), warm_up) as workers, \
            Pool(min(workers.workers, 1),
                 load_book_writers if writer_writes_workbook(snapshot) else load_writers) as writer:
        from .emit import (
            LAST, ONCE_VALID, PAGE_TEXT, WHILE_VALIDATING, finish_archives, finish_packages,
            start_database_archive, start_package_archives, write_packages, write_views,
        )
        from .emit.pages import prepare as prepare_pages
        from .extract import extract
        from .load import read
        from .parse import parse
        from .places import load_locations
        from .release import check_structure, plan_release, previous_release, shown, staging, swap_in
        from .report import build, check_coverage
        from .tables import tables

        placed = _in_one_text([clock.timed("read", read, s.path, s.data) for s in snapshots], snapshots)
        gc.freeze()  # the pages' text and blocks (see below)
        pages = [clock.timed("parse", parse, d.blocks, about=_about(hint), workers=workers)  # a large page's
                 for d, hint in placed]  # sections sorted by the workers meanwhile
        document, page = _together(placed, pages)
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
        # From here on the release is made of the tables and the page's text (in the plan):
        # the page read and parsed, and the records the tables' rows were copied from, are
        # let go, so that the writers reuse their memory (a tenth of a large page's run
        # process; docs/performance.md)
        del placed, pages, document, page, records
        checks, reading = Checks(workers), workers.busy
        with staging(output, writer) as staged:
            packages = write_packages(staged, data, plan.about, plan.version, clock, checks.written, writer)
            contents = shown(plan, packages)
            warnings = write_views(staged, contents, clock, PAGE_TEXT)
            zipping = clock.timed("emit archives", start_package_archives, packages, writer)
            # the database before the workbook, so that the writer zips its archive (and
            # the Parquet package's) while this process writes the workbook and prepares
            # the pages: zipped after the workbook, they were what the pages waited for
            warnings += write_views(staged, contents, clock, ONCE_VALID, checks)  # failing: verdict first
            zipping += clock.timed("emit archives", start_database_archive, staged, writer)
            finish_packages(packages)
            zipping += clock.timed("emit archives", start_package_archives, packages, writer)
            # its parts zipped by the writer too; a small page's workbook written by the writer
            workbook: list[Pending[list[dict[str, Any]]]] | None = \
                [] if writer_writes_workbook(snapshot) else None
            warnings += write_views(staged, contents, clock, WHILE_VALIDATING, writer=writer,
                                    zipping=zipping, workbook=workbook)
            clock.timed("emit pages", prepare_pages, contents)  # while the workers validate
            # and the workbook's warnings, when the writer wrote it, where they would have been
            warnings += clock.timed("emit archives", finish_archives, zipping, workbook)
            warnings += write_views(staged, contents, clock, LAST, checks)  # failing: verdict first
            clock.timed("validate the staged release", validate_staged, staged.root, checks)
            release = swap_in(plan, staged, contents, warnings, report, clock)
        if reading:
            clock.alongside[f"extract ({workers.workers} workers)"] = reading
        clock.alongside[f"validation ({workers.workers} workers)"] = workers.busy - reading
        if writer.workers:  # else its tasks ran here, in their stages
            clock.alongside[f"emit parquet and archives ({writer.workers} worker)"] = writer.busy
    return Result(data, release, report)
