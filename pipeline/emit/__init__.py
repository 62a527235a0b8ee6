"""Emit stage: tables -> three Frictionless data packages (CSV, Parquet, JSON), atomically.

Every format is one module with the same small interface, as frictionless groups its own
formats: ``FORMAT`` (also the package's folder and the files' extension), ``MEDIATYPE``,
``RESOURCE_EXTRAS`` and ``SCHEMA_EXTRAS`` (what its descriptor adds), ``STATS`` (which of
``bytes`` and ``hash`` frictionless can check for it), and
``write(path, rows, schema)``. A fourth format is one new module added to ``EMITTERS``.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import PipelineError
from ..schemas import package_template, table_names, table_schema
from ..sources import Snapshot
from ..tables import Tables
from ..validate import validate_release
from . import csv, json as json_format, parquet
from .json import write_json

EMITTERS: dict[str, ModuleType] = {m.FORMAT: m for m in (csv, parquet, json_format)}


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


def _looks_like_release(folder: Path) -> bool:
    return not any(folder.iterdir()) or any(folder.glob("*/datapackage.json"))


def write_release(data: Tables, snapshot: Snapshot, output: Path) -> list[Path]:
    """Write every package into a temporary folder, validate it, then swap it into place.

    A run that fails or is interrupted before the swap leaves ``output`` as it was.
    """
    if output.exists() and not (output.is_dir() and _looks_like_release(output)):
        raise PipelineError(
            f"{output}: exists and is not a release folder; refusing to replace it"
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a release is for everyone to read
    try:
        for name, emitter in EMITTERS.items():
            write_package(staging / name, data, emitter, snapshot)
        written = validate_release(staging)
        _swap(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [output / path.relative_to(staging) for path in written]


def _swap(staging: Path, output: Path) -> None:
    if not output.exists():
        staging.rename(output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    retired.rmdir()
    output.rename(retired)
    staging.rename(output)
    shutil.rmtree(retired, ignore_errors=True)
