"""The Table Schemas in ``schemas/``: the single source of truth for every table's columns.

Column names, order, types and descriptions of every output come from here; the code
never lists a table's columns again.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


@cache
def package_template() -> dict[str, Any]:
    """Package metadata (title, licence, resources in order) from ``schemas/package.json``."""
    return json.loads((SCHEMA_DIR / "package.json").read_text(encoding="utf-8"))


def table_names() -> list[str]:
    """The tables of a release, in the order they appear in every package."""
    return [resource["name"] for resource in package_template()["resources"]]


@cache
def table_schema(table: str) -> dict[str, Any]:
    """The Table Schema descriptor of ``table``.

    A field's vocabulary is written once, as ``categories`` (each value with its French
    label, as Table Schema v2 has it); frictionless 5 does not check categories, so the
    ``enum`` constraint it does check is derived from them here.
    """
    resource = next(r for r in package_template()["resources"] if r["name"] == table)
    schema = json.loads((SCHEMA_DIR / resource["schema"]).read_text(encoding="utf-8"))
    for field in schema["fields"]:
        if "categories" in field:
            constraints = field.setdefault("constraints", {})
            constraints["enum"] = [c["value"] for c in field["categories"]]
    return schema


def field_names(table: str) -> list[str]:
    return [f["name"] for f in table_schema(table)["fields"]]


def categories(table: str, field: str) -> list[str]:
    """The values of a field's vocabulary, in the schema's order: code that produces or
    recognises those values reads them here instead of writing a second list.

    >>> "neither" in categories("actions", "direction")
    True
    """
    found = next(f for f in table_schema(table)["fields"] if f["name"] == field)
    return [c["value"] for c in found["categories"]]
