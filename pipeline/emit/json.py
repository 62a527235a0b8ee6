"""JSON: one array of objects per table, keys in schema order, ``null`` for a missing value,
dates as ISO ``YYYY-MM-DD`` strings (JSON has no date type; the Table Schema says ``date``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

FORMAT = "json"
MEDIATYPE = "application/json"
RESOURCE_EXTRAS: dict[str, Any] = {"encoding": "utf-8"}
STATS = ("bytes", "hash")
SCHEMA_EXTRAS: dict[str, Any] = {}


def write_json(path: Path, value: Any) -> None:
    """JSON as the project writes it (descriptors too): UTF-8, indented, keys in order."""
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write(path: Path, rows: list[dict[str, object]], schema: dict[str, Any]) -> None:
    header = [f["name"] for f in schema["fields"]]
    write_json(path, [{c: row[c].isoformat() if isinstance(row[c], date) else row[c]
                       for c in header} for row in rows])
