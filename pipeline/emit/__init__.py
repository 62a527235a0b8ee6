"""Emit stage: tables -> one Frictionless data package per format, then the views for people.

Two registries, each a list of modules with the same small interface, as frictionless
groups its own formats:

- ``PACKAGES``, the data package formats (``csv``, ``parquet``, ``json``). A format module
  has ``FORMAT`` (also its folder and its files' extension), ``LABEL`` (its name for
  people), ``MEDIATYPE``, ``RESOURCE_EXTRAS`` and ``SCHEMA_EXTRAS`` (what its descriptor
  adds), ``STATS`` (which of ``bytes`` and ``hash`` frictionless can check for it),
  ``write(path, rows, schema)`` and ``read(path, schema)``, which gives the rows back so
  that the release's validation can prove the file holds them. A format made from another
  one's files instead of the rows (Parquet from the CSV, converted in C++) names it in
  ``SOURCE`` and has ``convert(source, path, schema)`` instead of ``write``; it comes
  after its source in ``PACKAGES``.
- ``VIEWS``, the files for people made from the same tables (a workbook, a database, the
  page snapshot, the dictionary and the page). A view module has ``files(layout)``, what it
  writes with what each file is, and ``write(layout, contents)``, which returns what the
  run report should warn about (or None). A view that needs nothing but the tables says
  ``WHILE_VALIDATING = True``: it is written while the release is validated (the
  workbook); the others wait for the verdict (the database enforces the keys, the page
  lists every other file).

A new format or view is one new module and one line here: the release, its validation,
the page's download list and the publishers all take their lists from these registries
(through :func:`pipeline.layout.release_files`).
"""

from __future__ import annotations

import hashlib
import json as jsonlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from ..config import config
from ..dictionary import About, Table
from ..layout import Layout, ReleaseFile
from ..schemas import package_template, table_names, table_schema
from ..tables import Tables
from ..timing import NO_TIMINGS, Timings
from . import csv, json, pages, parquet, snapshot, sqlite, xlsx
from .json import write_json

PACKAGES: tuple[ModuleType, ...] = (csv, parquet, json)
# The pages come last: they link to the files the others wrote.
VIEWS: tuple[ModuleType, ...] = (xlsx, sqlite, snapshot, pages)


@dataclass(frozen=True)
class Contents:
    """What the views are made of: the tables, their dictionary, what the release is (and
    its version), and the text of the page that the ``source_line`` columns number."""

    data: Tables
    tables: list[Table]
    about: About
    version: str
    page_text: str


# The views written while the release is validated, and the ones written after.
WHILE_VALIDATING = tuple(view for view in VIEWS if getattr(view, "WHILE_VALIDATING", False))
AFTER_VALIDATION = tuple(view for view in VIEWS if view not in WHILE_VALIDATING)


def write_views(layout: Layout, contents: Contents, timings: Timings = NO_TIMINGS,
                views: tuple[ModuleType, ...] = VIEWS) -> list[dict[str, Any]]:
    """Write the views (all of them, in ``VIEWS``' order, unless told which); what they had
    to report (a view returns its warnings, each with the ``line`` of the page and a
    ``message``, or None) goes to the run report."""
    warnings: list[dict[str, Any]] = []
    for view in views:
        with timings.stage(f"emit {view.__name__.rsplit('.', 1)[-1]}"):
            warnings += view.write(layout, contents) or []
    return warnings


def remove_views(layout: Layout) -> None:
    """Delete the views' files, so that they can be written again (with another version)."""
    for view in VIEWS:
        for file in view.files(layout):
            (layout.root / file.path).unlink(missing_ok=True)


def write_packages(layout: Layout, data: Tables, about: About, version: str,
                   timings: Timings = NO_TIMINGS,
                   written: Callable[[Layout, str], None] | None = None) -> None:
    """One data package per format, each in its own folder of the release; ``written`` is
    told each format as soon as its package is whole (to start checking it)."""
    for fmt in PACKAGES:
        with timings.stage(f"emit {fmt.FORMAT}"):
            write_package(layout, data, fmt, about, version)
        if written is not None:
            written(layout, fmt.FORMAT)


def _sources(layout: Layout, fmt: ModuleType, about: About) -> list[dict[str, Any]]:
    """The page the data come from, then the text of it that the ``source_line`` columns
    number, shipped in the release (``source/``), so that each package names both."""
    source = dict(package_template().get("sources", [{}])[0])
    if about.source_url:
        source["path"] = about.source_url
    if about.retrieved:
        source["retrieved"] = about.retrieved
    source["sha256"] = about.sha256
    return [source, *snapshot.package_sources(layout, layout.package(fmt.FORMAT), about)]


def _publisher() -> dict[str, Any]:
    """Who publishes the data and where it is about, from ``city.toml``."""
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


def write_package(layout: Layout, data: Tables, fmt: ModuleType, about: About, version: str) -> None:
    """One data package: a file per table and a ``datapackage.json`` describing them, with
    the release's version right after its name."""
    folder = layout.package(fmt.FORMAT)
    folder.mkdir(parents=True)
    resources = []
    template = {r["name"]: r for r in package_template()["resources"]}
    for table in table_names():
        schema = table_schema(table)
        path = layout.table(fmt.FORMAT, table)
        if hasattr(fmt, "SOURCE"):
            fmt.convert(layout.table(fmt.SOURCE, table), path, schema)
        else:
            fmt.write(path, data[table], schema)
        resources.append({
            "name": table,
            "title": template[table].get("title", table),
            "path": path.name,
            "format": fmt.FORMAT,
            "mediatype": fmt.MEDIATYPE,
            **fmt.RESOURCE_EXTRAS,
            **_stats(path.read_bytes(), fmt.STATS),
            "schema": {**schema, **fmt.SCHEMA_EXTRAS},
        })
    descriptor: dict[str, Any] = {}
    for key, value in package_template().items():
        if key == "resources":
            continue
        descriptor[key] = value
        if key == "name":
            descriptor["version"] = version
    descriptor["sources"] = _sources(layout, fmt, about)
    descriptor.update(_publisher())
    descriptor["resources"] = resources
    write_json(layout.descriptor(fmt.FORMAT), descriptor)


def package_files(layout: Layout, fmt: ModuleType) -> list[ReleaseFile]:
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
