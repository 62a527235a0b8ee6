"""A SQLite database of every table, with its keys, and Datasette's metadata.json.

Column types follow the Table Schema (integer, real, text; booleans as 0/1 and dates as
ISO ``YYYY-MM-DD`` text, SQLite's own date format, each with a check),
primary and foreign keys are declared and enforced while loading, and ``metadata.json``
gives Datasette the French titles and descriptions, licence, source and where to send
corrections, so that ``datasette output/sqlite/<stem>.db -m output/sqlite/metadata.json``
serves a documented, browsable database:

- each vocabulary has a small table of its codes and their French labels
  (``libelles_<table>_<column>``: ``code``, ``libelle``), which the column references, so
  that Datasette shows "abandonnée" beside ``abandoned`` and lists the allowed values;
- the actions' text is searchable (``actions_fts``, SQLite's FTS5, accents ignored:
  "ecole" finds "école"), from Datasette's search box or ``?_search=``;
- the tables open with facets: actions by partner, status and start year; themes by
  theme.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any

from ..escape import web_address
from ..layout import Layout, ReleaseFile
from ..schemas import LABELS, table_schema
from .json import write_json

if TYPE_CHECKING:
    from ..dictionary import Table
    from . import Contents

FOLDER, SUFFIX, METADATA = "sqlite", "db", "metadata.json"
SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "string": "TEXT",
             "date": "TEXT"}
# Full-text search: which table's which column, in a virtual table named after it.
SEARCHED = {"actions": "text"}
# The facets a table opens with (the columns that exist in it, in this order).
FACETS = ("partner_id", "status", "start_year", "theme", "kind", "country_code", "role")
# The column Datasette shows for a row referenced from another table.
LABEL_COLUMNS = ("name", "date_label")
CODE, LABEL = "code", "libelle"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def labels_table(table: str, column: str) -> str:
    """The lookup table of a vocabulary column's codes and French labels."""
    return f"libelles_{table}_{column}"


def create_statement(table: str) -> str:
    """The CREATE TABLE of a table, from its Table Schema; a vocabulary column references
    the table of its labels."""
    schema = table_schema(table)
    lines = []
    for field in schema["fields"]:
        line = f"{_quote(field['name'])} {SQL_TYPES[field['type']]}"
        if field.get("constraints", {}).get("required"):
            line += " NOT NULL"
        if field["type"] == "boolean":
            line += f" CHECK ({_quote(field['name'])} IN (0, 1))"
        if field["type"] == "date":  # a real ISO day: SQLite moves "2023-02-30" to 2023-03-02
            line += f" CHECK (date({_quote(field['name'])}, '+0 days') IS {_quote(field['name'])})"
        lines.append(line)
    lines.append("PRIMARY KEY (" + ", ".join(map(_quote, schema["primaryKey"])) + ")")
    # a vocabulary column references its own table of labels (below), where its codes are a
    # primary key, rather than the package's ``labels``, where a code may serve two columns
    for key in (k for k in schema.get("foreignKeys", []) if k["reference"]["resource"] != LABELS):
        lines.append(f"FOREIGN KEY ({', '.join(map(_quote, key['fields']))}) REFERENCES "
                     f"{_quote(key['reference']['resource'])} "
                     f"({', '.join(map(_quote, key['reference']['fields']))})")
    for field in schema["fields"]:
        if "categories" in field:
            lines.append(f"FOREIGN KEY ({_quote(field['name'])}) REFERENCES "
                         f"{_quote(labels_table(table, field['name']))} ({_quote(CODE)})")
    return f"CREATE TABLE {_quote(table)} (\n  " + ",\n  ".join(lines) + "\n)"


def files(layout: Layout) -> list[ReleaseFile]:
    database = layout.view(FOLDER, SUFFIX)
    return [
        ReleaseFile(layout.relative(database), "view", "sqlite", "application/vnd.sqlite3",
                    "Base de données SQLite",
                    "Toutes les tables dans une base SQLite, avec leurs clés primaires et "
                    "étrangères, les libellés français des codes et la recherche plein texte "
                    "dans les actions, prête pour Datasette."),
        ReleaseFile(layout.relative(database.parent / METADATA), "documentation", "json",
                    "application/json", "Métadonnées Datasette de la base SQLite",
                    "Titres et descriptions en français, facettes, recherche, licence et "
                    "source, pour « datasette <base> -m metadata.json »."),
    ]


def _sql(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _load(connection: sqlite3.Connection, contents: Contents) -> None:
    for table in contents.tables:  # in package order: referenced tables come first
        for column in table.columns:
            if column.categories:
                name = labels_table(table.name, column.name)
                connection.execute(f"CREATE TABLE {_quote(name)} ({_quote(CODE)} TEXT PRIMARY KEY, "
                                   f"{_quote(LABEL)} TEXT NOT NULL)")
                connection.executemany(f"INSERT INTO {_quote(name)} VALUES (?, ?)",
                                       column.categories)
        connection.execute(create_statement(table.name))
        names = [c.name for c in table.columns]
        connection.executemany(
            f"INSERT INTO {_quote(table.name)} VALUES ({', '.join('?' * len(names))})",
            ([_sql(row[n]) for n in names] for row in contents.data[table.name]))
    for searched, text_column in SEARCHED.items():
        fts = _quote(f"{searched}_fts")
        connection.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({_quote(text_column)}, "
                           f"content={_quote(searched)}, tokenize='unicode61 remove_diacritics 2')")
        connection.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _table_metadata(table: Table) -> dict[str, Any]:
    names = [c.name for c in table.columns]
    meta: dict[str, Any] = {
        "title": table.title, "description": table.description,
        "columns": {c.name: f"{c.title}. {c.description}" for c in table.columns},
    }
    if facets := [f for f in FACETS if f in names and table_schema(table.name)["primaryKey"] != [f]]:
        meta["facets"] = facets
    if label := next((c for c in LABEL_COLUMNS if c in names), None):
        meta["label_column"] = label
    if table.name in SEARCHED:
        meta["fts_table"] = f"{table.name}_fts"
    if "source_line" in names:
        meta["sort"] = "source_line"
    return meta


def metadata(contents: Contents, database: str) -> dict[str, Any]:
    """Datasette's metadata: titles and descriptions in French, facets, search, labels."""
    about = contents.about
    tables: dict[str, Any] = {}
    for table in contents.tables:
        tables[table.name] = _table_metadata(table)
        for column in table.columns:
            if column.categories:
                tables[labels_table(table.name, column.name)] = {
                    "title": f"Libellés : {column.title} ({table.title})",
                    "description": f"Les codes de la colonne {column.name} de la table "
                                   f"{table.name} et leur libellé en français.",
                    "label_column": LABEL,
                    "columns": {CODE: "Code, tel qu'il est dans les données.",
                                LABEL: "Libellé en français."}}
    for searched in SEARCHED:
        tables[f"{searched}_fts"] = {"hidden": True}
    contact = about.contact
    return {
        "title": about.title,
        "description": f"{about.description} Version {contents.version}.",
        "license": about.licence_title,
        "license_url": about.licence_url,
        "source": about.source_title,
        "source_url": web_address(about.source_url),
        "about": f"Corrections : {contact.name}",
        "about_url": f"mailto:{contact.email}" if contact.email else web_address(contact.url),
        "databases": {database: {"title": about.title, "tables": tables}},
    }


def write(layout: Layout, contents: Contents) -> None:
    database = layout.view(FOLDER, SUFFIX)
    target = database.parent
    target.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        _load(connection, contents)
    with sqlite3.connect(database) as connection:
        connection.execute("VACUUM")  # a compact file, laid out the same way every run
    connection.close()
    write_json(target / METADATA, metadata(contents, database.stem))
