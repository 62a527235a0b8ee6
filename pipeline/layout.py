"""Where each part of a release lives, written once.

A release folder holds one data package per format (``csv/``, ``parquet/``, ``json/``…),
the views for people (a workbook, a database, the page snapshot, the pages), the change log
and the run report. Every stage that writes, validates, compares, shows or publishes a
release asks a :class:`Layout` where things are, and :func:`release_files` what each file
is, rather than spelling a path again; the formats and views themselves are listed once, in
``pipeline/emit`` (``PACKAGES`` and ``VIEWS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .config import config

DESCRIPTOR = "datapackage.json"
# What a file is to the people who download it: the data itself, the same data in a form
# for people (a workbook, a database), or what documents it (descriptors, dictionary, the
# page snapshot that the ``source_line`` columns refer to, the change log).
FileKind = Literal["data", "view", "documentation"]


@dataclass(frozen=True)
class ReleaseFile:
    """A file of a release, as a reader or a portal sees it."""

    path: str  # relative to the release folder, with "/" separators
    kind: FileKind
    format: str  # short name of the format, lower case: "csv", "xlsx", "txt"…
    mediatype: str
    title: str  # in French, saying what the file is: "Actions (CSV)"
    description: str  # in French

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Layout:
    """The paths of one release folder."""

    root: Path

    def package(self, fmt: str) -> Path:
        """The folder of the data package in format ``fmt``."""
        return self.root / fmt

    def descriptor(self, fmt: str) -> Path:
        return self.package(fmt) / DESCRIPTOR

    def table(self, fmt: str, table: str) -> Path:
        """The file of ``table`` in the package in format ``fmt``."""
        return self.package(fmt) / f"{table}.{fmt}"

    def descriptors(self) -> list[Path]:
        """The descriptors present in the folder, in the order of their format's name."""
        return sorted(self.root.glob(f"*/{DESCRIPTOR}"))

    @property
    def changelog_json(self) -> Path:
        return self.root / "changelog.json"

    @property
    def changelog_md(self) -> Path:
        return self.root / "CHANGELOG.md"

    @property
    def run_report(self) -> Path:
        return self.root / "run-report.json"

    @property
    def dictionary(self) -> Path:
        """The French data dictionary, also the dataset's description on the portals."""
        return self.root / "README.md"

    @property
    def index(self) -> Path:
        return self.root / "index.html"

    def view(self, folder: str, suffix: str) -> Path:
        """A view's file: ``folder/<stem>.<suffix>`` (``xlsx/<stem>.xlsx``, the stem from ``city.toml``)."""
        return self.root / folder / f"{config().stem}.{suffix}"

    # The files written after the comparison with the previous release, from its result:
    # never part of what is compared.
    def logs(self) -> tuple[Path, ...]:
        return self.changelog_json, self.changelog_md, self.run_report

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def is_release(self) -> bool:
        return self.root.is_dir() and bool(self.descriptors())


def release_files(layout: Layout) -> list[ReleaseFile]:
    """Every file of the release in ``layout`` that a reader may download, with what it is,
    in the order a reader looks for them: the views that lead (``LEADS``: the workbook,
    which journalists look for first), then each package's tables and descriptor (CSV,
    Parquet, JSON), then the other views (the database, the page snapshot, the dictionary
    and the page), then the change log. Taken from the registries of formats and views,
    and from the descriptors on disk for the tables they hold."""
    from .emit import PACKAGES, VIEWS, package_files

    leading = [view for view in VIEWS if getattr(view, "LEADS", False)]
    files: list[ReleaseFile] = []
    for view in leading:
        files += view.files(layout)
    for fmt in PACKAGES:
        if layout.descriptor(fmt.FORMAT).is_file():
            files += package_files(layout, fmt)
    for view in VIEWS:
        if view not in leading:
            files += view.files(layout)
    files.append(ReleaseFile(layout.relative(layout.changelog_md), "documentation", "md",
                             "text/markdown", "Journal des modifications",
                             "Ce qui a changé à chaque publication, ligne par ligne."))
    return files
