"""The Table Schemas in ``schemas/``: the single source of truth for every table's columns
and every vocabulary's codes.

Column names, order, types and descriptions of every output come from here; the code
never lists a table's columns again. A vocabulary's codes are its field's ``categories``:
rules map phrases of the page to codes, and :func:`vocabulary` refuses a rule that writes a
code its schema lacks, so that the set of codes is the schema's alone.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from functools import cache
from typing import Any

from .errors import PipelineError
from .paths import SCHEMAS

SCHEMA_DIR = SCHEMAS
# A field's codes that no rule of the pipeline writes (set by hand, or kept for older
# releases): the meta-test of vocabularies (tests/test_vocabularies.py) requires every other
# code to come out of a rule. It speaks of the pipeline, not of the data, so the published
# schemas leave it out.
NOT_EXTRACTED = "notExtracted"
# The table of every vocabulary's codes and French labels, derived from the categories
# (see :func:`label_rows`), and the column that names which column a code belongs to.
LABELS, VOCABULARY = "labels", "vocabulary"


@cache
def package_template() -> dict[str, Any]:
    """Package metadata (title, licence, resources in order) from ``schemas/package.json``."""
    return json.loads((SCHEMA_DIR / "package.json").read_text(encoding="utf-8"))


def package_metadata() -> dict[str, Any]:
    """The package's metadata for the current town: ``schemas/package.json``, whose
    ``{dataset}``, ``{title}``, ``{description}`` and ``{source_title}`` are filled from the
    town file's ``[publication]``, its keywords followed by the town's, its licence the
    town's (schemas/ names no town)."""
    from .config import config

    publication = config().publication
    values = {"dataset": publication.dataset, "title": publication.title,
              "description": publication.description, "source_title": publication.source_title}
    filled = copy.deepcopy(package_template())
    for key in ("name", "title", "description"):
        filled[key] = filled[key].format_map(values)
    for source in filled.get("sources", []):
        source["title"] = source["title"].format_map(values)
    filled["keywords"] = [*filled.get("keywords", []),
                          *(k for k in publication.keywords if k not in filled.get("keywords", []))]
    licence = publication.licence
    filled["licenses"] = [{"name": licence.name, "title": licence.title, "path": licence.path}]
    return filled


def table_names() -> list[str]:
    """The tables of a release, in the order they appear in every package."""
    return [resource["name"] for resource in package_template()["resources"]]


@cache
def _schema_file(table: str) -> dict[str, Any]:
    """The schema of ``table`` as ``schemas/`` writes it, read once; never changed."""
    resource = next(r for r in package_template()["resources"] if r["name"] == table)
    return json.loads((SCHEMA_DIR / resource["schema"]).read_text(encoding="utf-8"))


@cache
def table_schema(table: str) -> dict[str, Any]:
    """The Table Schema descriptor of ``table``, as the release publishes it.

    A field's vocabulary is written once, as ``categories`` (each value with its French
    label, as Table Schema v2 has it); frictionless 5 does not check categories, so the
    ``enum`` constraint it does check is derived from them here, and so is the foreign key
    that says the column's labels are in the ``labels`` table: on ``code``, with the
    reference naming its ``vocabulary`` (``<table>.<column>``), since seven codes serve two
    vocabularies. Table Schema's composite keys need the referencing table to hold the
    vocabulary as a column, so the standard key is on the code alone (what frictionless,
    DuckDB and Polars read) and ``validate`` checks the pair (``foreign_key_problems``).

    >>> table_schema("actions")["foreignKeys"][-1]["reference"]
    {'resource': 'labels', 'fields': ['code'], 'vocabulary': 'actions.status'}
    """
    schema = copy.deepcopy(_schema_file(table))
    for field in schema["fields"]:
        field.pop(NOT_EXTRACTED, None)
        if "categories" in field:
            constraints = field.setdefault("constraints", {})
            constraints["enum"] = [c["value"] for c in field["categories"]]
            schema.setdefault("foreignKeys", []).append(
                {"fields": [field["name"]], "reference": {
                    "resource": LABELS, "fields": ["code"],
                    VOCABULARY: vocabulary_name(table, field["name"])}})
    return schema


def vocabulary_name(table: str, field: str) -> str:
    """How the ``labels`` table names the vocabulary of ``table.field``.

    >>> vocabulary_name("actions", "status")
    'actions.status'
    """
    return f"{table}.{field}"


def label_rows() -> list[dict[str, str]]:
    """The rows of the ``labels`` table: every vocabulary's codes with their French labels,
    in the package's order of columns and the schema's order of codes, from the fields'
    ``categories`` alone (the schemas stay the single source of the codes).

    >>> label_rows()[0]
    {'vocabulary': 'partners.kind', 'code': 'ville', 'label': 'ville'}
    >>> next(r for r in label_rows() if r["code"] == "abandoned")["label"]
    'abandonnée'
    """
    return [{VOCABULARY: vocabulary_name(table, field), "code": c["value"], "label": c["label"]}
            for table, field in vocabularies() for c in _field(table, field)["categories"]]


def field_names(table: str) -> list[str]:
    return [f["name"] for f in table_schema(table)["fields"]]


def _field(table: str, field: str) -> dict[str, Any]:
    return next(f for f in _schema_file(table)["fields"] if f["name"] == field)


def categories(table: str, field: str) -> list[str]:
    """The values of a field's vocabulary, in the schema's order: code that produces or
    recognises those values reads them here instead of writing a second list.

    >>> "neither" in categories("actions", "direction")
    True
    """
    return [c["value"] for c in _field(table, field)["categories"]]


def vocabularies() -> list[tuple[str, str]]:
    """Every field that has a vocabulary, as (table, field), in the package's order."""
    return [(table, f["name"]) for table in table_names() for f in _schema_file(table)["fields"]
            if "categories" in f]


def not_extracted(table: str, field: str) -> frozenset[str]:
    """The codes of a vocabulary that the schema marks as written by no rule."""
    return frozenset(_field(table, field).get(NOT_EXTRACTED, ()))


def vocabulary(table: str, field: str, codes: Iterable[str]) -> frozenset[str]:
    """The codes a rule writes for ``table.field``, once each is known to be one of the
    schema's: a rule that names another stops the run here, before validation would
    refuse the value it writes.

    >>> sorted(vocabulary("actions", "direction", ["both", "neither"]))
    ['both', 'neither']
    >>> vocabulary("actions", "direction", ["sideways"])
    Traceback (most recent call last):
    pipeline.errors.PipelineError: the rules write actions.direction codes that schemas/ lacks: sideways
    """
    produced = frozenset(codes)
    if unknown := sorted(produced - set(categories(table, field))):
        raise PipelineError(f"the rules write {table}.{field} codes that schemas/ lacks: "
                            + ", ".join(unknown))
    return produced
