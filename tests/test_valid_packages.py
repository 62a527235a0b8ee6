"""Every page the reader accepts gives a package that passes its own schemas (issue 20).

A property over generated pages: the edited pages of ``tests/edited_pages.py`` (every CMS
layout and writing style, seeded edits) and the pages of the development corpus, read in
process, then every row of every table checked by frictionless against its Table Schema
(types, required fields, enums, patterns, ranges), and each package's primary keys, unique
columns and foreign keys by the pipeline's own checker's rule (a key is never empty and
never repeated; a link row's ids exist in the tables it links).

frictionless reads each table once for all the pages of a test, their rows stacked, and
each error goes back to the page its row came from: what it costs is mostly reading a
table's descriptor (about 20 ms a table), which 13 tables of 160 pages paid 2,000 times.
The keys are a package's own (two pages hold the same ids), so they are checked page by page.
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

from .corpus import score
from .edited_pages import FORMATS, edited_page, source
from .properties import ways

CORPUS = Path(__file__).parent / "corpus"
Package = dict[str, list[dict]]

# the pages of this module are read and checked once, in one worker of `make check`: the
# worker that scores the corpus, whose reading of each page (with its town's file) is checked
pytestmark = pytest.mark.xdist_group("corpus scores")


def _keys(table: str) -> list[list[str]]:
    """The columns whose values a package never leaves empty nor repeats: the primary key,
    then each column marked unique."""
    schema = table_schema(table)
    unique = [[f["name"]] for f in schema["fields"] if f.get("constraints", {}).get("unique")]
    return [schema["primaryKey"], *(key for key in unique if key != schema["primaryKey"])]


@cache
def _row_schema(table: str) -> Schema:
    """The table's schema as frictionless reads it for rows of many packages stacked: without
    its keys (checked package by package), read once a session."""
    descriptor = {k: v for k, v in table_schema(table).items() if k not in ("foreignKeys", "primaryKey")}
    descriptor["fields"] = [{**f, "constraints": {k: v for k, v in f.get("constraints", {}).items() if k != "unique"}}
                            for f in descriptor["fields"]]
    return Schema.from_descriptor(descriptor)


def _row_problems(packages: list[Package]) -> list[list[str]]:
    """What frictionless finds in the rows of each package, every table read once."""
    found: list[list[str]] = [[] for _ in packages]
    for table in table_names():
        fields = [f["name"] for f in table_schema(table)["fields"]]
        rows, owner = [], []
        for index, data in enumerate(packages):
            rows += [[row[f] for f in fields] for row in data[table]]
            owner += [index] * len(data[table])
        report = Resource(data=[fields, *rows], schema=_row_schema(table)).validate(limit_errors=10**6)
        for error in (e for task in report.tasks for e in task.errors):
            row = getattr(error, "row_number", None)  # the header is row 1
            for index in [owner[row - 2]] if row else range(len(packages)):
                found[index].append(f"{table}: {error.message}")
    return found


def _key_problems(data: Package) -> list[str]:
    found = []
    for table in table_names():
        for key in _keys(table):
            values = [tuple(row[f] for f in key) for row in data[table]]
            found += [f"{table}: primary key {dict(zip(key, v, strict=True))} is empty"
                      for v in values if None in v or "" in v]
            seen: set[tuple] = set()
            found += [f"{table}: primary key {dict(zip(key, v, strict=True))} is repeated"
                      for v in values if v in seen or seen.add(v)]
        for link in table_schema(table).get("foreignKeys", []):
            own, other = link["fields"], link["reference"]
            target = other["resource"] or table
            have = {tuple(r[f] for f in other["fields"]) for r in data[target]}
            found += [f"{table}: {dict(zip(own, values, strict=True))} not in {target}"
                      for row in data[table] if None not in (values := tuple(row[f] for f in own))
                      and values not in have]
    return found


def problems_of(packages: list[Package]) -> list[list[str]]:
    """Every problem of each package, in the packages' order."""
    return [rows + _key_problems(data) for rows, data in zip(_row_problems(packages), packages, strict=True)]


def problems(data: Package) -> list[str]:
    return problems_of([data])[0]


def _records(data: bytes, name: str) -> Package:
    return tables(extract(parse(read_bytes(data, name).blocks)))


SEEDS = range(12)


@cache
def _edited_problems() -> dict[tuple[int, str], list[str]]:
    """The problems of each seed's edited page in each format, checked together."""
    found = {}
    for seed in SEEDS:
        page = edited_page(1000 + seed)
        found |= {(seed, fmt): _records(*source(page, fmt)) for fmt in ways(seed, FORMATS)}
    return dict(zip(found, problems_of(list(found.values())), strict=True))


@pytest.mark.parametrize("seed", SEEDS)
def test_every_edited_page_gives_a_valid_package(seed):
    page = edited_page(1000 + seed)
    for fmt in ways(seed, FORMATS):
        assert _edited_problems()[seed, fmt] == [], (fmt, page.edits, sorted(page.style))


PAGES = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".html") and p.name != "SOURCES.md")


@cache
def _corpus_problems() -> dict[Path, list[str] | None]:
    """The problems of each corpus page's package, checked together; None for a page the
    reader refuses in one line (no package is written)."""
    scored = {path: gold for _, path, gold in score.pages()}
    read: dict[Path, Package] = {}
    crashed: dict[Path, list[str]] = {}
    for page in PAGES:
        if page in scored:  # as the corpus's scores read it, with its town's file
            records, failure = score.read_page(page, scored[page])
            if records is not None:
                read[page] = records
            elif failure and failure.startswith("CRASH"):  # a traceback, not a refusal
                crashed[page] = [failure]
            continue
        try:
            read[page] = _records(page.read_bytes(), page.name)
        except PipelineError:
            continue
    found = dict(zip(read, problems_of(list(read.values())), strict=True))
    return {page: found.get(page, crashed.get(page)) for page in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_corpus_page_that_is_accepted_gives_a_valid_package(page):
    assert _corpus_problems()[page] in (None, [])


def test_the_checker_finds_a_duplicate_link():
    data = _records((CORPUS / "edited" / "ivry-jumelages.txt").read_bytes(), "ivry-jumelages.txt")
    data["action_organisations"].append(dict(data["action_organisations"][0]))
    data["action_themes"].append({"action_id": "nobody", "theme": data["action_themes"][0]["theme"]})
    found = problems(data)
    assert any(p.startswith("action_organisations:") and "primary key" in p for p in found)
    assert "action_themes: {'action_id': 'nobody'} not in actions" in found


def test_each_error_of_the_stacked_rows_goes_back_to_its_page():
    good = _records((CORPUS / "edited" / "ivry-jumelages.txt").read_bytes(), "ivry-jumelages.txt")
    bad = {table: [dict(row) for row in rows] for table, rows in good.items()}
    bad["actions"][3]["start_year"] = "l'an dernier"  # not an integer
    bad["partners"][1]["country_code"] = "Mali"  # not two capital letters
    first, second, third = problems_of([good, bad, good])
    assert first == third == []  # the same ids on three pages are no repeated key
    assert len(second) == 2
    assert second[0].startswith("partners: ") and "country_code" in second[0]
    assert second[1].startswith("actions: ") and "start_year" in second[1]
