"""CSV: UTF-8, comma-separated, one header row; empty cell for a missing value, ISO dates."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

FORMAT = "csv"
LABEL = "CSV"
MEDIATYPE = "text/csv"
RESOURCE_EXTRAS: dict[str, Any] = {"encoding": "utf-8"}
STATS = ("bytes", "hash")
SCHEMA_EXTRAS: dict[str, Any] = {}


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return value


def read(path: Path, schema: dict[str, Any]) -> list[dict[str, object]]:
    """The rows back, typed by the schema (the run validates this package with frictionless,
    which reads it the same way a user's tool does)."""
    return list(rows(path, schema))


def rows(path: Path, schema: dict[str, Any]) -> Iterator[dict[str, object]]:
    """:func:`read`'s rows one at a time, for a reader that need not hold them all."""
    types = {f["name"]: f["type"] for f in schema["fields"]}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {name: _typed(value, types[name]) for name, value in row.items()}


def _typed(text: str, kind: str) -> object:
    if text == "":
        return None
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    if kind == "boolean":
        return text == "true"
    if kind == "date":
        return date.fromisoformat(text)
    return text


def write(path: Path, rows: list[dict[str, object]], schema: dict[str, Any]) -> None:
    header = [f["name"] for f in schema["fields"]]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([_cell(row[c]) for c in header] for row in rows)
