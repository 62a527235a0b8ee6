"""The contracts of the emit stage, as types mypy checks: what a format and a view are, and
what the views are made of.

A format or a view is a module (``csv.py``, ``xlsx.py``…) whose names match one of these
protocols, as frictionless gives each of its formats the same small interface; the
registries in ``pipeline/emit/__init__.py`` are typed with them, so mypy rejects a module
missing a member or with a member of the wrong type, and the code that reads the
registries needs no ``getattr`` with a default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from ..dictionary import About, Table
    from ..layout import Layout, ReleaseFile
    from ..tables import Tables

Rows = list[dict[str, object]]
Schema = dict[str, Any]


class Format(Protocol):
    """A data package format: one file per table, and a ``datapackage.json``."""

    @property
    def FORMAT(self) -> str:  # also its folder and its files' extension
        ...

    @property
    def LABEL(self) -> str:  # its name for people: "CSV"
        ...

    @property
    def MEDIATYPE(self) -> str:
        ...

    @property
    def RESOURCE_EXTRAS(self) -> dict[str, Any]:  # what its descriptor adds to each resource
        ...

    @property
    def SCHEMA_EXTRAS(self) -> dict[str, Any]:  # what it adds to each table's schema
        ...

    @property
    def STATS(self) -> tuple[str, ...]:  # which of "bytes" and "hash" frictionless can check
        ...

    def read(self, path: Path, schema: Schema) -> Rows:
        """The rows back, typed by the schema: the release's validation proves with it that
        the file holds exactly the validated rows."""
        ...


class WrittenFormat(Format, Protocol):
    """A format written from the rows."""

    def write(self, path: Path, rows: Rows, schema: Schema) -> None:
        ...


@runtime_checkable
class ConvertedFormat(Format, Protocol):
    """A format made from another one's files instead of the rows (Parquet from the CSV,
    converted in C++); it comes after its source in ``PACKAGES``."""

    @property
    def SOURCE(self) -> str:  # the format it is converted from
        ...

    def convert(self, source: Path, path: Path, schema: Schema) -> None:
        ...


AnyFormat = WrittenFormat | ConvertedFormat


class View(Protocol):
    """A file (or a few) for people, made from the same tables: the workbook, the database,
    the page snapshot, the dictionary and the page."""

    __name__: str  # the module's, whose last part names the view in the run's timings

    @property
    def LEADS(self) -> bool:  # listed first among the release's files (the workbook)
        ...

    @property
    def WHILE_VALIDATING(self) -> bool:
        """Written while the release is validated: it needs nothing but the tables (the
        workbook); the others need a valid release (the database enforces the keys): a
        run writes them once the workbook is written, and their failure waits for the
        verdict (``write_views``), the national merge after the verdict."""
        ...

    def files(self, layout: Layout) -> list[ReleaseFile]:
        """What it writes, with what each file is."""
        ...

    def write(self, layout: Layout, contents: Contents) -> list[dict[str, Any]] | None:
        """Write its files; what the run report should warn about (each warning with the
        ``line`` of the page and a ``message``), or None."""
        ...


@dataclass(frozen=True)
class Contents:
    """What the views are made of: the tables, their dictionary, what the release is (and
    its version), and the text of the page that the ``source_line`` columns number; then,
    given by :func:`pipeline.emit.write_views`, the release's files (what the page lists
    for download, in order) and each package's title by its folder."""

    data: Tables
    tables: list[Table]
    about: About
    version: str
    page_text: str
    files: tuple[ReleaseFile, ...] = ()
    package_titles: dict[str, str] = field(default_factory=dict)
