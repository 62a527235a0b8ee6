"""JSON: one array of objects per table, keys in schema order, ``null`` for a missing value."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FORMAT = "json"
LABEL = "JSON"
MEDIATYPE = "application/json"
RESOURCE_EXTRAS: dict[str, Any] = {"encoding": "utf-8"}
STATS = ("bytes", "hash")
SCHEMA_EXTRAS: dict[str, Any] = {}


def encode(value: Any) -> str:
    """JSON as the project writes it (descriptors too): UTF-8, indented, keys in order."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def as_json(value: Any) -> Any:
    """``value`` as it reads back from the JSON the project writes: what the change log
    compares, so that records in memory and records on disk compare alike."""
    return json.loads(encode(value))


def write_json(path: Path, value: Any) -> None:
    path.write_text(encode(value), encoding="utf-8")


def read(path: Path, schema: dict[str, Any]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    return rows


def write(path: Path, rows: list[dict[str, object]], schema: dict[str, Any]) -> None:
    header = [f["name"] for f in schema["fields"]]
    write_json(path, [{c: row[c] for c in header} for row in rows])
