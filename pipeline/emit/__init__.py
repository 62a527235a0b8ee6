"""Emit stage: tables -> one Frictionless data package per format, then the views for people.

Two registries, each a list of modules with the same small interface, as frictionless
groups its own formats; the interfaces are protocols in ``base.py``, which mypy checks
every module of a registry against:

- ``PACKAGES``, the data package formats (``csv``, ``parquet``, ``json``): each a
  :class:`~pipeline.emit.base.WrittenFormat` (``write(path, rows, schema)`` and
  ``read(path, schema)``, which gives the rows back so that the release's validation can
  prove the file holds them), or a :class:`~pipeline.emit.base.ConvertedFormat`, made from
  another one's files instead of the rows (Parquet from the CSV, converted in C++: its
  ``SOURCE`` and ``convert(source, path, schema)``), which comes after its source.
- ``VIEWS``, the files for people made from the same tables (a workbook, a database, the
  page snapshot, one zip archive per package and of the database, the dictionary and the
  page): each a :class:`~pipeline.emit.base.View`,
  with ``files(layout)``, what it writes with what each file is, ``write(layout,
  contents)``, which returns what the run report should warn about (or None), ``LEADS``
  and ``WHILE_VALIDATING``.

A new format or view is one new module and one line here: the release, its validation,
the page's download list and the publishers all take their lists from these registries
(through :func:`release_files`).
"""

from __future__ import annotations

import hashlib
import json as jsonlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import config
from ..dictionary import About
from ..layout import Layout, ReleaseFile
from ..schemas import package_metadata, package_template, table_names, table_schema
from ..tables import Tables
from ..timing import NO_TIMINGS, Timings
from ..workers import Pending, Pool
from . import archives, pages, snapshot, sqlite, xlsx
from .base import AnyFormat, ConvertedFormat, Contents, View
from .formats import PACKAGES
from .json import write_json

if TYPE_CHECKING:
    from ..validate import Checks

# The archives come after what they hold; the pages last: they link to the files the others
# wrote.
VIEWS: tuple[View, ...] = (xlsx, sqlite, snapshot, archives, pages)

# The views written while the release is validated, and the ones written after.
WHILE_VALIDATING = tuple(view for view in VIEWS if view.WHILE_VALIDATING)
AFTER_VALIDATION = tuple(view for view in VIEWS if view not in WHILE_VALIDATING)

# A run (``pipeline/run.py``) writes the views in this order, so that a worker zips the
# archives while this process writes the rest: the page's text first (every package's
# archive holds it), then the packages' archives start; the others (the database, whose
# archive is then started); the workbook (its parts zipped by the writer too); and the
# pages last, since they give every other file's size: all still while the workers
# validate, a failure waiting for their verdict (see write_views).
PAGE_TEXT: tuple[View, ...] = (snapshot,)
LAST: tuple[View, ...] = (pages,)
ONCE_VALID = tuple(view for view in AFTER_VALIDATION if view not in (*PAGE_TEXT, archives, *LAST))

__all__ = ["AFTER_VALIDATION", "LAST", "ONCE_VALID", "PACKAGES", "PAGE_TEXT", "VIEWS",
           "WHILE_VALIDATING", "Contents", "Packages", "finish_archives", "finish_packages",
           "release_files", "remove_views",
           "start_database_archive", "start_package_archives",
           "write_packages", "write_views", "written_files"]


# Where the workbook's parts are written in the staged release when the writer process
# zips them (write_views); it removes the folder once they are zipped
WORKBOOK_PARTS = ".xlsx-parts"


def write_views(layout: Layout, contents: Contents, timings: Timings = NO_TIMINGS,
                views: tuple[View, ...] = VIEWS, checks: Checks | None = None,
                writer: Pool | None = None, zipping: list[Pending[None]] | None = None,
                workbook: list[Pending[list[dict[str, Any]]]] | None = None,
                ) -> list[dict[str, Any]]:
    """Write the views (all of them, in ``VIEWS``' order, unless told which); what they had
    to report (a view returns its warnings, each with the ``line`` of the page and a
    ``message``, or None) goes to the run report. The views are given the release's files
    (its packages are written by then) and the packages' titles, for the page.

    ``checks``, the validation of the release still running: a view that needs valid data
    (the database, which enforces the keys) is written before the verdict, and should it
    fail, the verdict is waited for first, so that an invalid release is refused for what
    the validation found, as it was when such views were written after it.

    Given a ``writer`` with a worker process, the workbook's parts are zipped by it (the
    task added to ``zipping``, which the run waits for with the archives'): deflating a
    large workbook's XML is seconds of work the run's process does not wait for. Given
    ``workbook`` too (a small page's run), the writer writes the whole workbook from the
    contents sent to it (:func:`write_workbook`), and the task, whose result is the
    workbook's warnings, is added to ``workbook`` for the run to take them from."""
    contents = replace(contents, files=tuple(release_files(layout)),
                       package_titles={**{fmt.FORMAT: f"Paquet {fmt.LABEL}" for fmt in PACKAGES},
                                       archives.FOLDER: archives.GROUP_TITLE})
    warnings: list[dict[str, Any]] = []
    for view in views:
        with timings.stage(f"emit {view.__name__.rsplit('.', 1)[-1]}"):
            try:
                if view is xlsx and writer is not None and writer.workers and workbook is not None:
                    workbook.append(writer.submit(write_workbook, layout.root, contents))
                elif view is xlsx and writer is not None and writer.workers and zipping is not None:
                    found, parts = xlsx.write_parts(layout, contents, layout.root / WORKBOOK_PARTS)
                    zipping.append(writer.submit(archives.zip_workbook, *parts))
                    warnings += found
                else:
                    warnings += view.write(layout, contents) or []
            except Exception:
                if checks is not None:
                    checks.verdict(layout)  # raises what makes the release invalid, if anything
                raise
    return warnings


def write_workbook(root: Path, contents: Contents) -> list[dict[str, Any]]:
    """Write the workbook of the release at ``root``: its warnings. A task the writer
    process runs for a small page (:func:`write_views`): its arguments pickle, the tables
    among them, which a small page's are few."""
    return xlsx.write(Layout(root), contents)


def remove_views(layout: Layout) -> None:
    """Delete the views' files, so that they can be written again (with another version)."""
    for view in VIEWS:
        for file in view.files(layout):
            (layout.root / file.path).unlink(missing_ok=True)


@dataclass
class Packages:
    """The packages of a release being written (:func:`write_packages`): those whole, and
    those a worker is converting, whose descriptors :func:`finish_packages` writes once
    their files are there; which archives have been started."""

    layout: Layout
    about: About
    version: str
    timings: Timings
    written: Callable[[Layout, str], None] | None
    converting: list[tuple[ConvertedFormat, Pending[dict[str, dict[str, Any]]]]] = field(default_factory=list)
    whole: list[str] = field(default_factory=list)
    zipped: list[str] = field(default_factory=list)

    def done(self, fmt: str) -> None:
        self.whole.append(fmt)
        if self.written is not None:
            self.written(self.layout, fmt)


def write_packages(layout: Layout, data: Tables, about: About, version: str,
                   timings: Timings = NO_TIMINGS,
                   written: Callable[[Layout, str], None] | None = None,
                   pool: Pool | None = None) -> Packages:
    """One data package per format, each in its own folder of the release; ``written`` is
    told each format as soon as its package is whole (to start checking it).

    Given a ``pool``, a format converted from another one's files (Parquet, which loads
    pyarrow, a fifth of a small run) is converted by its worker while this process goes
    on (the next formats, the page's text, the workbook): its package is whole once
    :func:`finish_packages` has written its descriptor."""
    packages = Packages(layout, about, version, timings, written)
    for fmt in PACKAGES:
        with timings.stage(f"emit {fmt.FORMAT}"):
            if pool is not None and isinstance(fmt, ConvertedFormat):
                layout.package(fmt.FORMAT).mkdir(parents=True)
                packages.converting.append((fmt, pool.submit(write_tables, layout.root, fmt.FORMAT)))
                continue
            write_package(layout, data, fmt, about, version)
        packages.done(fmt.FORMAT)
    return packages


def finish_packages(packages: Packages) -> None:
    """Wait for the packages a worker converts, and write their descriptors."""
    while packages.converting:
        fmt, pending = packages.converting.pop(0)
        with packages.timings.stage(f"emit {fmt.FORMAT}"):
            _write_descriptor(packages.layout, fmt, packages.about, packages.version, pending.result())
        packages.done(fmt.FORMAT)


def write_tables(root: Path, name: str, data: Tables | None = None) -> dict[str, dict[str, Any]]:
    """Write each table of the package in format ``name`` into the release at ``root``
    (from ``data``, or converted from its source format's files), in a folder already
    made; each file's ``bytes`` and ``hash`` as its descriptor states them. A task a worker
    can run: its arguments are paths and names."""
    layout, fmt = Layout(root), next(f for f in PACKAGES if name == f.FORMAT)
    stats = {}
    for table in table_names():
        schema = table_schema(table)
        path = layout.table(fmt.FORMAT, table)
        if isinstance(fmt, ConvertedFormat):
            fmt.convert(layout.table(fmt.SOURCE, table), path, schema)
        else:
            assert data is not None, f"{name}: a format written from the rows needs them"
            fmt.write(path, data[table], schema)
        stats[table] = _stats(path.read_bytes(), fmt.STATS)
    return stats


def start_package_archives(packages: Packages, pool: Pool) -> list[Pending[None]]:
    """Start zipping, in ``pool``'s worker, the archive of each package that is whole and
    not zipped yet: the page's text, which they hold too, is written by then."""
    names = [fmt.FORMAT for fmt in archives.package_formats()
             if fmt.FORMAT in packages.whole and fmt.FORMAT not in packages.zipped]
    packages.zipped += names
    return _start_archives(packages.layout, pool, names)


def start_database_archive(layout: Layout, pool: Pool) -> list[Pending[None]]:
    """Start zipping the database's archive, once the database is written."""
    return _start_archives(layout, pool, [archives.DATABASE])


def _start_archives(layout: Layout, pool: Pool, names: list[str]) -> list[Pending[None]]:
    return [pool.submit(archives.write_archive, archives.archive_path(layout, name), layout.root,
                        archives.members(layout, name)) for name in names]


def finish_archives(zipping: list[Pending[None]],
                    workbook: list[Pending[list[dict[str, Any]]]] | None = None) -> list[dict[str, Any]]:
    """Wait for the archives started in a worker, then for the ``workbook`` the writer
    writes whole, if any (a failure is raised here): the workbook's warnings."""
    for pending in zipping:
        pending.result()
    return [warning for pending in workbook or () for warning in pending.result()]


def _sources(layout: Layout, fmt: AnyFormat, about: About) -> list[dict[str, Any]]:
    """The page the data come from, then the text of it that the ``source_line`` columns
    number, shipped in the release (``source/``), so that each package names both."""
    source = dict(package_metadata().get("sources", [{}])[0])
    if about.pages:  # several pages: each is a source, under the header line that opens it
        pages = []
        for number, (url, retrieved, sha256) in enumerate(about.pages, start=1):
            page = {**source, "title": f"{source['title']} (page {number})"}
            page.update({"path": url} if url else {})
            page.update({"retrieved": retrieved} if retrieved else {})
            pages.append({**page, "sha256": sha256})
        return [*pages, *snapshot.package_sources(layout, layout.package(fmt.FORMAT), about)]
    if about.source_url:
        source["path"] = about.source_url
    if about.retrieved:
        source["retrieved"] = about.retrieved
    source["sha256"] = about.sha256
    return [source, *snapshot.package_sources(layout, layout.package(fmt.FORMAT), about)]


def _publisher() -> dict[str, Any]:
    """Who publishes the data and where it is about, from the town file."""
    town, settings = config().town, config()
    return {
        "contributors": [{"title": settings.publisher, "role": "publisher",
                          "path": settings.publisher_url}],
        "spatial": {"name": town.name, "insee": town.insee, "zone": town.zone},
        "publisher": {"name": settings.publisher, "insee": town.insee},
    }


def _stats(content: bytes, names: tuple[str, ...]) -> dict[str, Any]:
    stats = {"bytes": len(content), "hash": "sha256:" + hashlib.sha256(content).hexdigest()}
    return {name: stats[name] for name in names}


def write_package(layout: Layout, data: Tables, fmt: AnyFormat, about: About, version: str) -> None:
    """One data package: a file per table and a ``datapackage.json`` describing them, with
    the release's version right after its name."""
    layout.package(fmt.FORMAT).mkdir(parents=True)
    _write_descriptor(layout, fmt, about, version, write_tables(layout.root, fmt.FORMAT, data))


def _write_descriptor(layout: Layout, fmt: AnyFormat, about: About, version: str,
                      stats: dict[str, dict[str, Any]]) -> None:
    """The package's ``datapackage.json``, given its files' ``stats`` (table: bytes, hash)."""
    resources = []
    template = {r["name"]: r for r in package_template()["resources"]}
    for table in table_names():
        schema = table_schema(table)
        resources.append({
            "name": table,
            "title": template[table].get("title", table),
            "path": layout.table(fmt.FORMAT, table).name,
            "format": fmt.FORMAT,
            "mediatype": fmt.MEDIATYPE,
            **fmt.RESOURCE_EXTRAS,
            **stats[table],
            "schema": {**schema, **fmt.SCHEMA_EXTRAS},
        })
    descriptor: dict[str, Any] = {}
    for key, value in package_metadata().items():
        if key == "resources":
            continue
        descriptor[key] = value
        if key == "name":
            descriptor["version"] = version
    descriptor["sources"] = _sources(layout, fmt, about)
    descriptor.update(_publisher())
    descriptor["resources"] = resources
    write_json(layout.descriptor(fmt.FORMAT), descriptor)


def package_files(layout: Layout, fmt: AnyFormat) -> list[ReleaseFile]:
    """The files of the package in format ``fmt`` as its descriptor lists them, and the
    descriptor itself."""
    path = layout.descriptor(fmt.FORMAT)
    descriptor = jsonlib.loads(path.read_text(encoding="utf-8"))
    files = [ReleaseFile(f"{fmt.FORMAT}/{r['path']}", "data", fmt.FORMAT, r["mediatype"],
                         f"{r.get('title', r['name'])} ({fmt.LABEL})",
                         r["schema"].get("description", ""))
             for r in descriptor["resources"]]
    files.append(ReleaseFile(layout.relative(path), "documentation", "json", "application/json",
                             f"Descripteur du paquet {fmt.LABEL}",
                             f"Descripteur Frictionless (datapackage.json) des fichiers "
                             f"{fmt.LABEL} : schémas des tables, licence, source, version, "
                             "empreintes des fichiers."))
    return files


def release_files(layout: Layout) -> list[ReleaseFile]:
    """Every file of the release in ``layout`` that a reader may download, with what it is,
    in the order a reader looks for them: the views that lead (``LEADS``: the workbook,
    which journalists look for first), then each package's tables and descriptor (CSV,
    Parquet, JSON), then the other views (the database, the page snapshot, the archives,
    the dictionary and the page), then the change log. Taken from the registries of formats and views,
    and from the descriptors on disk for the tables they hold."""
    leading = [view for view in VIEWS if view.LEADS]
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


def written_files(layout: Layout) -> set[str]:
    """Every file (relative path) that this code writes into a release: each format's
    descriptor and tables, each view's files, the logs and the checksums."""
    names = {layout.relative(log) for log in layout.logs()}
    for fmt in PACKAGES:
        names.add(layout.relative(layout.descriptor(fmt.FORMAT)))
        names.update(layout.relative(layout.table(fmt.FORMAT, t)) for t in table_names())
    for view in VIEWS:
        names.update(f.path for f in view.files(layout))
    return names
