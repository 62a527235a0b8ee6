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
  "ecole" finds "école"), from Datasette's search box or ``?_search=``; beside the text,
  the index holds the other forms of its words (:func:`search_forms`), so that the
  inclusive "réfugié·es" is found by "réfugiés" and "réfugié", and "jeunes" by "jeune";
- the tables open with facets: actions by partner, status and start year; themes by
  theme; and on their rows: the columns' short descriptions are folded under the table's
  description (the long ones are in the data dictionary); the label tables are hidden
  from the database's page (still there, and still what a code's label comes from).
"""

from __future__ import annotations

import html
import re
import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any

from ..escape import web_address
from ..layout import Layout, ReleaseFile
from ..schemas import LABELS, table_schema
from .json import write_json

if TYPE_CHECKING:
    from ..dictionary import Table
    from .base import Contents

FOLDER, SUFFIX, METADATA = "sqlite", "db", "metadata.json"
LEADS = False
WHILE_VALIDATING = False  # it enforces the keys: its failure waits for the verdict (write_views)
SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "string": "TEXT",
             "date": "TEXT"}
# Full-text search: which table's which column, in a virtual table named after it.
SEARCHED = {"actions": "text"}
# The facets a table opens with (the columns that exist in it, in this order).
FACETS = ("partner_id", "status", "start_year", "theme", "kind", "country_code", "role")
# The column Datasette shows for a row referenced from another table.
LABEL_COLUMNS = ("name", "date_label")
CODE, LABEL = "code", "libelle"
FORMS = "formes"  # the FTS column of the other forms of the text's words
SHORT = 90  # characters of a column's description shown in Datasette
FACET_SIZE = 6  # values a facet shows before "…" (Datasette's default is 30)

# A word of inclusive writing: a base, then one or two short endings after a middle dot
# (or a period, or a bullet): "réfugié·es", "citoyen·ne·s", "élu.es".
_ENDING = "[a-zàâäéèêëîïôöùûüç]"  # an ending is lower case: "Ramallah.Il" is two sentences
_INCLUSIVE = re.compile(rf"\b([^\W\d_]{{2,}})[·•‧⋅.]({_ENDING}{{1,4}})(?:[·•‧⋅.]({_ENDING}{{1,3}}))?\b")
_WORD = re.compile(r"[^\W\d_]{4,}")  # short words (des, six, mer) have no other form worth it


def search_forms(text: str) -> str:
    """The other forms of the words of ``text`` that a search should find it by: each
    inclusive word's masculine and feminine forms, singular and plural; each word's
    singular or plural (an ``s`` or ``x`` taken off, an ``s`` added). Accents stay (the
    index ignores them).

    >>> search_forms("accueil de réfugié·es et de citoyen·ne·s")
    'réfugié réfugiés réfugiée réfugiées citoyen citoyens citoyenne citoyennes accueils'
    >>> search_forms("des jeunes élu.es. Il")
    'élu élus élue élues jeune'
    """
    forms: list[str] = []

    def add(word: str) -> None:
        if word not in forms:
            forms.append(word)

    def number(word: str) -> None:
        add(word[:-1] if word[-1] in "sx" else word + "s")

    rest = text
    for match in _INCLUSIVE.finditer(text):
        base, first, second = match.group(1), match.group(2), match.group(3) or ""
        ending = first + second
        feminine = base + ending.removesuffix("s") if ending.removesuffix("s") else base
        for word in (base, base + "s", feminine, feminine + "s"):
            add(word)
        rest = rest.replace(match.group(0), " ")
    for word in _WORD.findall(rest):
        number(word)
    return " ".join(forms)


def short_description(title: str, description: str) -> str:
    """A column as Datasette lists it: its French title and its description's first
    sentence, cut at a word within ``SHORT`` characters (the whole one is in the data
    dictionary).

    >>> short_description("Statut", "Ce que l'entrée dit de l'action. Une négation annule la mention.")
    "Statut. Ce que l'entrée dit de l'action."
    >>> len(short_description("Texte", "mot " * 60)) <= len("Texte. ") + SHORT
    True
    """
    first = re.split(r"(?<=[.;:])\s", description, maxsplit=1)[0].rstrip(" ;:")
    if len(first) > SHORT:
        first = first[:SHORT - 1].rsplit(" ", 1)[0].rstrip(" ,;:(«") + "…"
    if first and first[-1] not in ".…":
        first += "."
    return f"{title}. {first}" if first else title


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
        # the text and the other forms of its words, each row under its table row's rowid
        # (which Datasette's search joins on)
        fts = _quote(f"{searched}_fts")
        connection.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({_quote(text_column)}, "
                           f"{_quote(FORMS)}, tokenize='unicode61 remove_diacritics 2')")
        # read as they are inserted, not held in lists: a large page's texts twice over
        # were some 70 MB while the validation's workers hold theirs
        rows = connection.execute(f"SELECT rowid, {_quote(text_column)} FROM {_quote(searched)} "
                                  "ORDER BY rowid")
        connection.executemany(f"INSERT INTO {fts}(rowid, {_quote(text_column)}, {_quote(FORMS)}) "
                               "VALUES (?, ?, ?)",
                               ((rowid, text, search_forms(text or "")) for rowid, text in rows))


def _table_metadata(table: Table) -> dict[str, Any]:
    names = [c.name for c in table.columns]
    # the columns' short descriptions, folded under the table's: a table opens on its rows
    # (Datasette lists a table's "columns" above them, 26 long paragraphs for the actions)
    columns = "".join(f"<dt>{html.escape(c.name)}</dt>"
                      f"<dd>{html.escape(short_description(c.title, c.description))}</dd>"
                      for c in table.columns)
    meta: dict[str, Any] = {
        "title": table.title,
        "description_html": f"<p>{html.escape(table.description)}</p><details><summary>Les "
                            f"{len(table.columns)} colonnes (le détail de chacune est dans le "
                            f"dictionnaire des données, README.md)</summary>"
                            f'<dl class="column-descriptions">{columns}</dl></details>',
    }
    if facets := [f for f in FACETS if f in names and table_schema(table.name)["primaryKey"] != [f]]:
        meta["facets"] = facets
        meta["facet_size"] = FACET_SIZE  # a start year's 20 values would push the rows down
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
                    "hidden": True,  # a lookup table, not data: off the database's page
                    "title": f"Libellés : {column.title} ({table.title})",
                    "description": f"Les codes de la colonne {column.name} de la table "
                                   f"{table.name} et leur libellé en français.",
                    "label_column": LABEL,
                    "columns": {CODE: "Code, tel qu'il est dans les données.",
                                LABEL: "Libellé en français."}}
    for searched in SEARCHED:
        tables[f"{searched}_fts"] = {"hidden": True}
    tables[LABELS]["hidden"] = True  # the package's table of labels, the same codes again
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


def _unsynced(connection: sqlite3.Connection, journal: str) -> None:
    """No wait for the disk and no journal file: the database is written in the release's
    staging folder, which a run that fails throws away whole and which is moved in only
    once every file is written and validated, so that SQLite's guarantees against a crash
    mid-write (a journal beside the file, flushed to the disk with the file at each
    commit) buy nothing here, while each flush kept the run waiting with its core idle
    (33 ms of a national run's town's 46 ms in this stage). ``journal``: ``MEMORY`` while
    the tables are loaded into the new file (a new file's pages are not journaled: the
    journal stays small), ``OFF`` for the ``VACUUM``, whose journal would hold the whole
    file (in memory, 90 MB at 100,000 entries, while the validation's workers hold
    theirs); its copy of the database stays a temporary file, as SQLite makes it. The
    file's bytes are the same: the journal and the flushes are not written into it
    (tests/test_pipeline.py compares the real page's release with the committed one,
    database included)."""
    connection.execute(f"PRAGMA journal_mode = {journal}")
    connection.execute("PRAGMA synchronous = OFF")


def write(layout: Layout, contents: Contents) -> None:
    database = layout.view(FOLDER, SUFFIX)
    target = database.parent
    target.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(database) as connection:
        _unsynced(connection, "MEMORY")
        connection.execute("PRAGMA foreign_keys = ON")
        _load(connection, contents)
    with sqlite3.connect(database) as connection:
        _unsynced(connection, "OFF")
        connection.execute("VACUUM")  # a compact file, laid out the same way every run
    connection.close()
    write_json(target / METADATA, metadata(contents, database.stem))
