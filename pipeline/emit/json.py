"""JSON: one array of objects per table, keys in schema order, ``null`` for a missing value,
dates as ISO ``YYYY-MM-DD`` strings (JSON has no date type; the Table Schema says ``date``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

FORMAT = "json"
LABEL = "JSON"
MEDIATYPE = "application/json"
RESOURCE_EXTRAS: dict[str, Any] = {"encoding": "utf-8"}
STATS = ("bytes", "hash")
SCHEMA_EXTRAS: dict[str, Any] = {}


def _iso(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def encode(value: Any) -> str:
    """JSON as the project writes it (descriptors too): UTF-8, indented, keys in order,
    a date as its ISO text."""
    return json.dumps(value, ensure_ascii=False, indent=2, default=_iso) + "\n"


def as_json(value: Any) -> Any:
    """``value`` as it reads back from the JSON the project writes: what the change log
    compares, so that records in memory and records on disk compare alike."""
    return json.loads(encode(value))


def write_json(path: Path, value: Any) -> None:
    path.write_text(encode(value), encoding="utf-8")


def read(path: Path, schema: dict[str, Any]) -> list[dict[str, object]]:
    """The rows back, a ``date`` field's ISO text read as the date it is."""
    rows: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    dates = [f["name"] for f in schema["fields"] if f["type"] == "date"]
    for row in rows:
        for name in dates:
            if row[name] is not None:
                row[name] = date.fromisoformat(row[name])  # type: ignore[arg-type]
    return rows


def write(path: Path, rows: list[dict[str, object]], schema: dict[str, Any]) -> None:
    header = [f["name"] for f in schema["fields"]]
    write_json(path, [{c: row[c] for c in header} for row in rows])
