"""Every page the reader accepts gives a package that passes its own schemas (issue 20).

A property over generated pages: the edited pages of ``tests/edited_pages.py`` (every CMS
layout and writing style, seeded edits) and the pages of the development corpus, read in
process, then every table checked row by row by frictionless against its Table Schema
(types, required fields, enums, patterns, ranges, primary keys) and every foreign key by
the pipeline's own checker's rule (a link row's ids exist in the tables it links).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from frictionless import Resource, Schema

from pipeline.errors import PipelineError
from pipeline.extract import extract
from pipeline.parse import parse
from pipeline.load import read_bytes
from pipeline.schemas import table_names, table_schema
from pipeline.tables import tables

from .edited_pages import FORMATS, edited_page, source

CORPUS = Path(__file__).parent / "corpus"


@cache
def _frictionless_schema(table: str) -> Schema:
    """The table's schema as frictionless reads it (but its foreign keys, checked below),
    read once a session rather than once per table of each of the 180 packages."""
    return Schema.from_descriptor({k: v for k, v in table_schema(table).items() if k != "foreignKeys"})


def problems(data: dict[str, list[dict]]) -> list[str]:
    found = []
    for table in table_names():
        schema = table_schema(table)
        fields = [f["name"] for f in schema["fields"]]
        rows = [[row[f] for f in fields] for row in data[table]]
        resource = Resource(data=[fields, *rows], schema=_frictionless_schema(table))
        report = resource.validate()
        found += [f"{table}: {error.message}" for task in report.tasks for error in task.errors]
        for key in schema.get("foreignKeys", []):
            own, other = key["fields"], key["reference"]
            target = other["resource"] or table
            have = {tuple(r[f] for f in other["fields"]) for r in data[target]}
            found += [f"{table}: {dict(zip(own, values, strict=True))} not in {target}"
                      for row in data[table] if None not in (values := tuple(row[f] for f in own))
                      and values not in have]
    return found


def _records(data: bytes, name: str) -> dict[str, list[dict]]:
    return tables(extract(parse(read_bytes(data, name).blocks)))


@pytest.mark.parametrize("seed", range(12))
def test_every_edited_page_gives_a_valid_package(seed):
    page = edited_page(1000 + seed)
    for fmt in FORMATS:
        assert problems(_records(*source(page, fmt))) == [], (fmt, page.edits, sorted(page.style))


PAGES = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".html") and p.name != "SOURCES.md")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_corpus_page_that_is_accepted_gives_a_valid_package(page):
    try:
        data = _records(page.read_bytes(), page.name)
    except PipelineError:
        return  # refused in one line: no package is written
    assert problems(data) == []


def test_the_checker_finds_a_duplicate_link():
    data = _records((CORPUS / "edited" / "ivry-jumelages.txt").read_bytes(), "ivry-jumelages.txt")
    data["action_organisations"].append(dict(data["action_organisations"][0]))
    data["action_themes"].append({"action_id": "nobody", "theme": data["action_themes"][0]["theme"]})
    found = problems(data)
    assert any(p.startswith("action_organisations:") and "primary key" in p for p in found)
    assert "action_themes: {'action_id': 'nobody'} not in actions" in found
