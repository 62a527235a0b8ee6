"""Emit stage: tables -> three Frictionless data packages (CSV, Parquet, JSON), and views
for people (a workbook, a SQLite database for Datasette, a data dictionary and a page).

Every format is one module with the same small interface, as frictionless groups its own
formats: ``FORMAT`` (also the package's folder and the files' extension), ``MEDIATYPE``,
``RESOURCE_EXTRAS`` and ``SCHEMA_EXTRAS`` (what its descriptor adds), ``STATS`` (which of
``bytes`` and ``hash`` frictionless can check for it), and
``write(path, rows, schema)``. A fourth format is one new module added to ``EMITTERS``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import ModuleType
from typing import Any

from ..dictionary import about as describe
from ..dictionary import tables_of
from ..schemas import package_template, table_names, table_schema
from ..sources import Snapshot
from ..tables import Tables
from ..timing import NO_TIMINGS, Timings
from . import csv, json as json_format, parquet
from .json import write_json

EMITTERS: dict[str, ModuleType] = {m.FORMAT: m for m in (csv, parquet, json_format)}


def write_views(folder: Path, data: Tables, snapshot: Snapshot,
                timings: Timings = NO_TIMINGS) -> None:
    """The views for people, each a module with ``write(folder, data, tables, about)``.

    The pages come last: they link to the files the others wrote.
    """
    from . import pages, sqlite, xlsx  # imported when a release is written, not before
    tables, about = tables_of(data), describe(snapshot)
    for view in (xlsx, sqlite, pages):
        with timings.stage(f"emit {view.__name__.rsplit('.', 1)[-1]}"):
            view.write(folder, data, tables, about)


def _sources(snapshot: Snapshot) -> list[dict[str, Any]]:
    source = dict(package_template().get("sources", [{}])[0])
    if snapshot.url:
        source["path"] = snapshot.url
    if snapshot.retrieved:
        source["retrieved"] = snapshot.retrieved
    source["sha256"] = snapshot.sha256
    return [source]


def _stats(content: bytes, names: tuple[str, ...]) -> dict[str, Any]:
    stats = {"bytes": len(content), "hash": "sha256:" + hashlib.sha256(content).hexdigest()}
    return {name: stats[name] for name in names}


def write_packages(folder: Path, data: Tables, snapshot: Snapshot,
                   timings: Timings = NO_TIMINGS) -> None:
    """One data package per format, each in its own subfolder of ``folder``."""
    for emitter in EMITTERS.values():
        with timings.stage(f"emit {emitter.FORMAT}"):
            write_package(folder / emitter.FORMAT, data, emitter, snapshot)


def write_package(folder: Path, data: Tables, emitter: ModuleType, snapshot: Snapshot) -> None:
    """One data package: a file per table and a ``datapackage.json`` describing them."""
    folder.mkdir(parents=True)
    resources = []
    template = {r["name"]: r for r in package_template()["resources"]}
    for table in table_names():
        schema = table_schema(table)
        path = folder / f"{table}.{emitter.FORMAT}"
        emitter.write(path, data[table], schema)
        content = path.read_bytes()
        resources.append({
            "name": table,
            "title": template[table].get("title", table),
            "path": path.name,
            "format": emitter.FORMAT,
            "mediatype": emitter.MEDIATYPE,
            **emitter.RESOURCE_EXTRAS,
            **_stats(content, emitter.STATS),
            "schema": {**schema, **emitter.SCHEMA_EXTRAS},
        })
    descriptor = {k: v for k, v in package_template().items() if k != "resources"}
    descriptor["sources"] = _sources(snapshot)
    descriptor["resources"] = resources
    write_json(folder / "datapackage.json", descriptor)
