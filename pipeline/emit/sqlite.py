"""A SQLite database of every table, with its keys, and Datasette's metadata.json.

Column types follow the Table Schema (integer, real, text; booleans as 0/1 with a check),
primary and foreign keys are declared and enforced while loading, and ``metadata.json``
gives Datasette the titles, descriptions, licence and source, so that
``datasette output/sqlite/<stem>.db -m output/sqlite/metadata.json`` serves a documented,
browsable database.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from ..layout import Layout, ReleaseFile
from ..schemas import table_schema
from .json import write_json

if TYPE_CHECKING:
    from . import Contents

FOLDER, SUFFIX, METADATA = "sqlite", "db", "metadata.json"
SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "string": "TEXT"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_statement(table: str) -> str:
    """The CREATE TABLE of a table, from its Table Schema."""
    schema = table_schema(table)
    lines = []
    for field in schema["fields"]:
        line = f"{_quote(field['name'])} {SQL_TYPES[field['type']]}"
        if field.get("constraints", {}).get("required"):
            line += " NOT NULL"
        if field["type"] == "boolean":
            line += f" CHECK ({_quote(field['name'])} IN (0, 1))"
        lines.append(line)
    lines.append("PRIMARY KEY (" + ", ".join(map(_quote, schema["primaryKey"])) + ")")
    for key in schema.get("foreignKeys", []):
        lines.append(f"FOREIGN KEY ({', '.join(map(_quote, key['fields']))}) REFERENCES "
                     f"{_quote(key['reference']['resource'])} "
                     f"({', '.join(map(_quote, key['reference']['fields']))})")
    return f"CREATE TABLE {_quote(table)} (\n  " + ",\n  ".join(lines) + "\n)"


def files(layout: Layout) -> list[ReleaseFile]:
    database = layout.view(FOLDER, SUFFIX)
    return [
        ReleaseFile(layout.relative(database), "view", "sqlite", "application/vnd.sqlite3",
                    "Base de données SQLite",
                    "Toutes les tables dans une base SQLite, avec leurs clés primaires et "
                    "étrangères, prête pour Datasette."),
        ReleaseFile(layout.relative(database.parent / METADATA), "documentation", "json",
                    "application/json", "Métadonnées Datasette de la base SQLite",
                    "Titres, descriptions, licence et source des tables, pour "
                    "« datasette <base> -m metadata.json »."),
    ]


def write(layout: Layout, contents: Contents) -> None:
    data, tables, about = contents.data, contents.tables, contents.about
    database = layout.view(FOLDER, SUFFIX)
    target = database.parent
    target.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        for table in tables:  # in package order: referenced tables come first
            connection.execute(create_statement(table.name))
            names = [c.name for c in table.columns]
            connection.executemany(
                f"INSERT INTO {_quote(table.name)} VALUES ({', '.join('?' * len(names))})",
                ([row[n] for n in names] for row in data[table.name]))
    with sqlite3.connect(database) as connection:
        connection.execute("VACUUM")  # a compact file, laid out the same way every run
    connection.close()
    write_json(target / METADATA, {
        "title": about.title,
        "description": about.description,
        "license": about.licence_title,
        "license_url": about.licence_url,
        "source": about.source_title,
        "source_url": about.source_url,
        "databases": {database.stem: {"tables": {
            t.name: {"title": t.title, "description": t.description,
                     "columns": {c.name: c.description for c in t.columns}}
            for t in tables}}},
    })
