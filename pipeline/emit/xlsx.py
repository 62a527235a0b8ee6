"""A workbook for spreadsheets, in French: a "Lisez-moi" sheet, then one sheet per table.

The workbook is a view for people, not a dump of the tables: each sheet leads with what a
reader looks for and keeps the identifiers for the end (:func:`sheet_columns`). The
actions sheet starts with the partner's name, the date label, the period's first and last
days, the text, the status, the amount (in euros, formatted) and its kind, then the themes,
programmes, organisations and people of the action, each joined in one cell by their
French names; a link sheet shows the names of what it links beside their identifiers.
What a reader sees is French: each sheet is named by its table's title, its header row
gives the columns' French titles, and a vocabulary cell shows the code's French label
(the codes, which the CSV, Parquet and JSON files hold, are in the read-me sheet's
dictionary, beside their labels). Cells are typed (numbers, booleans, dates shown as
2023-07-03 whatever the reader's locale, text), the header row is frozen with filters,
column widths fit the content, and every sheet prints landscape, one page wide, with its
header row on every page.

Page text is written as text, always: each cell through ``write_string`` (never
``write()``, which would turn "=…", "+…", "-…" or "@…" into a formula and a long address
into a link, or an empty cell), with XlsxWriter's own guessing turned off besides. A text
longer than a cell holds (Excel's 32,767 characters) is cut with a visible note at the end
of the cell and reported in the run report, never cut silently. The only links are the
ones the pipeline controls: the page's address from the manifest, the licence and the
contact for corrections, on the read-me sheet.

XlsxWriter's files are byte-identical from run to run once the creation date is fixed
(here: the snapshot's date, never the clock).
"""

from __future__ import annotations

import itertools
import math
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..escape import web_address
from ..layout import Layout, ReleaseFile
from ..schemas import LABELS, table_schema
from . import snapshot
from .keys import scope, scoped

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

    from ..dictionary import Column, Table
    from ..tables import Row, Tables
    from .base import Contents
    from .xlsx_cells import Book

# what archives.zip_workbook is given: the workbook's path, its parts (file, name),
# whether it may be a zip64, and the folder of the parts
Zip = tuple[str, list[tuple[str, str]], bool, Path]

FOLDER = SUFFIX = "xlsx"
LEADS = True  # listed first among the release's files: what most readers download
WHILE_VALIDATING = True  # made from the tables alone: written while the release is validated
MEDIATYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIN_WIDTH, MAX_WIDTH = 8, 60
CELL_LIMIT = 32_767  # characters (UTF-16 code units) a cell holds in Excel and LibreOffice
LINE_HEIGHT = 15  # points: one line of the default 11-point font
MAX_HEIGHT = 409  # points: the tallest row Excel allows
README = "Lisez-moi"
# XlsxWriter's guessing, off: page text is never a formula, a link or a number
OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
           "strings_to_numbers": False}
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# The actions sheet's first columns, after the partner's name: what a reader of an action
# looks for first (schema fields; the rest follow in the schema's order).
LEADING = {"actions": ("date_label", "start_date", "end_date", "text", "status", "amount_eur",
                       "amount_kind")}
EURO_FORMAT = '#,##0 "€"'
EURO_FIELDS = frozenset({"amount_eur"})
WRAPPED_WIDTH = 60  # the width of a wrapped text column (the entry's text, joined names)
JOINED_SEPARATOR = " ; "
WIDTH_ROWS = 2000  # a column's width fits the header and the cells of the first rows


@dataclass(frozen=True)
class Shown:
    """A column of a sheet: a field of the table, or what the workbook adds for people
    (the name behind an identifier, the names an action's links join)."""

    title: str
    code: str  # the field's name, or where an added column's values come from
    type_label: str
    description: str
    value: Callable[[Row], Any]
    categories: tuple[tuple[str, str], ...] = ()
    example: str = ""
    kind: str = ""  # "euro", "wrap" or ""


def plural(title: str) -> str:
    """A column title for several of them.

    >>> plural("Thème"), plural("Pays")
    ('Thèmes', 'Pays')
    """
    return title if title.endswith(("s", "x", "z")) else title + "s"


def identifier_title(title: str) -> str:
    """The title of an identifier column, told apart from the name shown beside it.

    >>> identifier_title("Partenaire"), identifier_title("Identifiant de l'action")
    ('Partenaire (identifiant)', "Identifiant de l'action")
    """
    return title if title.startswith("Identifiant") else f"{title} (identifiant)"


def _field_column(column: Column, identifier: bool = False) -> Shown:
    name = column.name
    kind = "euro" if name in EURO_FIELDS else "wrap" if name == "text" else ""
    return Shown(identifier_title(column.title) if identifier else column.title, name,
                 column.type_label, column.description,
                 _labelled(column) if column.categories else itemgetter(name),
                 column.categories, column.example, kind)


def _labelled(column: Column) -> Callable[[Row], Any]:
    """What a vocabulary column's cell shows: the French label of the row's code, looked up
    once for each code (a column holds a few codes, in thousands of rows)."""
    name, labels = column.name, {}

    def label(row: Row) -> Any:
        code = row[name]
        if code not in labels:
            labels[code] = column.label(code)
        return labels[code]
    return label


def _names(data: Tables) -> Callable[[str, Any], str | None]:
    """What a record of a table is called, for a person: its name, or for an action its
    partner, date label and first words (:func:`pipeline.names.record_name`); a record is
    found by its key within the scope (:func:`pipeline.emit.keys.scoped`)."""
    from ..names import Lookup, record_name
    from ..schemas import table_names

    # one lookup for every name: its indexes are built once, not once a record
    content = Lookup(({t: table_schema(t) for t in table_names()}, data))
    cache: dict[tuple[str, Any], str | None] = {}
    within = scope()
    by_key = {t: {tuple(r[f] for f in table_schema(t)["primaryKey"]): r for r in data[t]}
              for t in table_names() if len(table_schema(t)["primaryKey"]) == len(within) + 1}

    def name(table: str, key: Any) -> str | None:
        if (table, key) not in cache:
            row = by_key.get(table, {}).get(key)
            cache[table, key] = record_name(table, row, content) if row else None
        return cache[table, key]
    return name


def _references(table: str) -> list[tuple[str, str]]:
    """(field, referenced table) of each one-field foreign key of ``table`` to a table of
    records, within the scope (the labels are shown in the cells themselves)."""
    within = list(scope())
    return [(k["fields"][-1], k["reference"]["resource"])
            for k in table_schema(table).get("foreignKeys", [])
            if len(k["fields"]) == len(within) + 1 and k["fields"][:-1] == within
            and k["reference"]["resource"] != LABELS]


def _joined(table: Table, tables: list[Table], data: Tables,
            name: Callable[[str, Any], str | None]) -> list[Shown]:
    """For a table with a one-field key (an action, a partner): one column per link table
    keyed on it, joining the French names (or labels) of what it links, in the page's
    order; a vocabulary in the link's key (a person's role) is given in brackets."""
    within = scope()
    key = table_schema(table.name)["primaryKey"][len(within):]
    if len(key) != 1:
        return []
    shown: list[tuple[bool, Shown]] = []
    for link in tables:
        schema = table_schema(link.name)
        if link.name == table.name or key[0] not in schema["primaryKey"] \
                or (key[0], table.name) not in _references(link.name):
            continue
        other = [(f, t) for f, t in _references(link.name) if f != key[0]]
        coded = [c for c in link.columns if c.categories and c.name in schema["primaryKey"]]
        if other:
            field, target = other[0]
            title = next(t.title for t in tables if t.name == target)
            code = f"{link.name} → {target}"
        elif coded:
            field, target, title = coded[0].name, "", plural(coded[0].title)
            code = f"{link.name}.{field}"
        else:
            continue
        extra = [c for c in coded if c.name != field]
        groups: dict[Any, list[str]] = {}
        for row in data[link.name]:
            text = name(target, scoped(row, within, field)) if target else coded[0].label(row[field])
            if text is None:
                continue
            if extra:
                text += " (" + ", ".join(str(c.label(row[c.name])) for c in extra) + ")"
            items = groups.setdefault(scoped(row, within, key[0]), [])
            if text not in items:
                items.append(text)
        joined = {k: JOINED_SEPARATOR.join(v) for k, v in groups.items()}
        shown.append((bool(other), Shown(title, code, "texte",
                           f"Ajoutée au classeur : {title.lower()} liés, d'après la table "
                           f"{link.name}, séparés par « {JOINED_SEPARATOR.strip()} ».",
                           _looked_up(joined, within, key[0]), kind="wrap")))
    # labels of a vocabulary (the themes) first, then the records linked, in package order
    return [column for _, column in sorted(shown, key=lambda pair: pair[0])]


def _looked_up(values: dict[Any, str], within: tuple[str, ...], key: str) -> Callable[[Row], Any]:
    """What a cell shows: the value ``values`` holds for the row's ``key`` (in the scope)."""
    return lambda row: values.get(scoped(row, within, key))


def _referred(name: Callable[[str, Any], str | None], within: tuple[str, ...], target: str,
              field: str) -> Callable[[Row], Any]:
    """What a cell shows: the name of the record of ``target`` that ``field`` refers to."""
    return lambda row: name(target, scoped(row, within, field))


def sheet_columns(table: Table, tables: list[Table], data: Tables,
                  name: Callable[[str, Any], str | None] | None = None) -> list[Shown]:
    """The columns of a table's sheet, in the order a person reads them: the names of the
    records it refers to (a partner, an action, a programme…), the leading fields
    (``LEADING``, else its name), the joined names of its links, its other fields in the
    schema's order, and its identifiers (``*_id``) last."""
    named = name or _names(data)
    by_name = {c.name: c for c in table.columns}
    names = []
    for field, target in _references(table.name):
        names.append(Shown(by_name[field].title, f"{target} (par {field})", "texte",
                           f"Ajoutée au classeur : ce que désigne {field}, nommé ; "
                           "l'identifiant est en fin de ligne.",
                           _referred(named, scope(), target, field),
                           kind="wrap" if target == "actions" else ""))
    leading = [by_name[f] for f in LEADING.get(table.name, ("name",)) if f in by_name]
    ids = [c for c in table.columns if c.name.endswith("_id")]
    rest = [c for c in table.columns if c not in leading and c not in ids]
    return [*names, *map(_field_column, leading), *_joined(table, tables, data, named),
            *map(_field_column, rest), *(_field_column(c, identifier=True) for c in ids)]


def files(layout: Layout) -> list[ReleaseFile]:
    return [ReleaseFile(layout.relative(layout.view(FOLDER, SUFFIX)), "view", "xlsx", MEDIATYPE,
                        "Classeur (tableur)",
                        "Toutes les tables dans un classeur en français : une feuille « Lisez-moi » "
                        "(source, version, licence, dictionnaire des données), puis une feuille "
                        "par table, aux cellules typées et aux libellés en français.")]


def utf16_length(text: str) -> int:
    """The length Excel counts: characters outside the Basic Multilingual Plane count two.

    >>> utf16_length("été"), utf16_length("🌍")
    (3, 2)
    """
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def fitted(text: str, limit: int = CELL_LIMIT) -> str:
    """``text`` as a cell holds it: whole when it fits, else cut with a note that says so
    and where the whole text is.

    >>> fitted("court")
    'court'
    >>> cut = fitted("x" * 40_000)
    >>> utf16_length(cut) <= CELL_LIMIT, cut.endswith("Parquet).")
    (True, True)
    """
    if 2 * len(text) <= limit or utf16_length(text) <= limit:  # a character counts two at most
        return text
    note = (f" […] (texte coupé : {len(text):,} caractères en tout, plus qu'une cellule n'en "
            "contient ; le texte entier est dans les fichiers CSV, JSON et Parquet).").replace(",", " ")
    keep, used = [], utf16_length(note)
    for char in text:
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            break
        keep.append(char)
    return "".join(keep) + note


def sheet_names(tables: list[Table]) -> list[str]:
    """The sheets' names: the read-me, then each table's French title, within Excel's 31
    characters and without the characters it forbids, each name once.

    >>> from pipeline.dictionary import Table
    >>> sheet_names([Table("a", "Actions et organisations partenaires", "", 0, []),
    ...              Table("b", "Actions et organisations partenaires bis", "", 0, [])])
    ['Lisez-moi', 'Actions et organisations parten', 'Actions et organisations part 2']
    """
    names = [README]
    for table in tables:
        base = _SHEET_NAME_FORBIDDEN.sub("-", table.title).strip() or table.name
        name, rank = base[:31], 1
        while name.casefold() in {n.casefold() for n in names}:
            rank += 1
            name = f"{base[:31 - len(str(rank)) - 1]} {rank}"
        names.append(name)
    return names


def _width(texts: list[str]) -> int:
    longest = max([len(t) for t in texts[:WIDTH_ROWS]] or [0])
    return max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))


def row_height(cells: list[tuple[str, float]]) -> float:
    """The height (points) that shows every wrapped cell of a row whole: XlsxWriter does
    not measure text, and LibreOffice draws a row of the default height over the next.

    >>> row_height([("court", 20)]), row_height([("x" * 100, 20), ("a\\nb\\nc", 10)])
    (15, 75)
    """
    lines = 1
    for text, width in cells:
        per_line = max(1, int(width * 1.1))
        if len(text) <= per_line and "\n" not in text:  # one line (nearly every cell)
            continue
        lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n")))
    return min(MAX_HEIGHT, LINE_HEIGHT * lines)


def _write_cell(sheet: Worksheet, row: int, col: int, value: Any, cell_format: Any = None,
                date_format: Any = None) -> bool:
    """One typed cell; True when a text had to be cut to fit."""
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value, cell_format)
    elif isinstance(value, date):
        sheet.write_datetime(row, col, value, date_format)
    else:
        text = str(value)
        cut = fitted(text)
        sheet.write_string(row, col, cut, cell_format)
        return cut != text
    return False


def _readme(workbook: Any, contents: Contents, layout: Layout,
            columns: list[list[Shown]]) -> None:
    from .xlsx_cells import Sheet

    about, tables = contents.about, contents.tables
    bold = workbook.add_format({"bold": True, "valign": "top"})
    title = workbook.add_format({"bold": True, "font_size": 14})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    link = workbook.add_format({"font_color": "blue", "underline": 1, "valign": "top"})
    header = workbook.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1,
                                  "text_wrap": True, "valign": "top"})
    sheet = workbook.add_worksheet(README, worksheet_class=Sheet)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)  # printed, the read-me is one page wide
    widths = [24, 30, 24, 10, 70, 45, 30]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    text_file = snapshot.files(layout)[0].path
    line_title = next((c.title for t in tables for c in t.columns if c.name == "source_line"),
                      "source_line")
    contact = about.contact
    lines: list[tuple[str, str, str | None]] = [
        ("Description", about.description, None),
        ("Version", contents.version, None),
        ("Source", about.source_title, None),
        ("Adresse de la page", about.source_url or "inconnue", web_address(about.source_url)),
        ("Date de l'instantané", about.snapshot_date or "inconnue", None),
        ("Texte de la page", f"{text_file} (dans la publication) : la colonne « {line_title} » "
                             "(source_line) de chaque feuille donne le numéro de la ligne de ce "
                             "texte d'où vient la ligne de données ; index.html montre ce texte "
                             "aux lignes numérotées.", None),
        ("Libellés", "Les colonnes à vocabulaire montrent le libellé français de chaque valeur. "
                     "Les fichiers CSV, Parquet et JSON contiennent les codes : le dictionnaire "
                     "ci-dessous donne chaque code avec son libellé.", None),
        ("Méthode et limites", about.methodology, None),
        ("Colonnes", "Chaque feuille commence par ce qu'on y cherche (pour les actions : "
                     "partenaire, date, période, texte, statut, montant et sa nature, puis "
                     "thèmes, programmes, organisations et personnes liés) ; les noms sont "
                     "montrés à côté des identifiants, qui sont en fin de ligne. Les colonnes "
                     "ajoutées au classeur sont décrites comme telles ci-dessous.", None),
        ("Licence", about.licence_title, web_address(about.licence_url)),
        ("Éditeur", about.publisher, None),
        ("Corrections", f"{contact.name} : {contact.email or contact.url}",
         f"mailto:{contact.email}" if contact.email else web_address(contact.url)),
    ]
    sheet.set_row(0, 22)
    sheet.write_string(0, 0, about.title, title)
    row = 1
    for label, value, url in lines:
        row += 1
        sheet.set_row(row, row_height([(value, sum(widths[1:5]))]))
        sheet.write_string(row, 0, label, bold)
        if url:
            sheet.merge_range(row, 1, row, 4, "", link)
            sheet.write_url(row, 1, url, link, value)
        else:
            sheet.merge_range(row, 1, row, 4, value, wrap)
    row += 2
    names = sheet_names(tables)
    heads = ["Feuille", "Colonne", "Code de la colonne", "Type", "Description",
             "Valeurs permises (code : libellé)", "Exemple"]
    sheet.set_row(row, row_height([(h, widths[i]) for i, h in enumerate(heads)]))
    for col, head in enumerate(heads):
        sheet.write_string(row, col, head, header)
    for name, shown in zip(names[1:], columns, strict=True):
        for column in shown:
            row += 1
            allowed = "\n".join(f"{code} : {label}" for code, label in column.categories)
            cells = [name, column.title, column.code, column.type_label, column.description,
                     allowed, column.example]
            sheet.set_row(row, row_height([(c, widths[i]) for i, c in enumerate(cells)]))
            for col, cell in enumerate(cells):
                if cell:
                    sheet.write_string(row, col, fitted(cell), wrap)


def write(layout: Layout, contents: Contents) -> list[dict[str, Any]]:
    """Write the workbook; the warnings are the cells that had to be cut."""
    return _write(layout, contents)[0]


def write_parts(layout: Layout, contents: Contents, folder: Path) -> tuple[list[dict[str, Any]], Zip]:
    """Write the workbook's parts into ``folder`` (made here), not its zip: the warnings,
    and the arguments of :func:`pipeline.emit.archives.zip_workbook`, which zips them into
    the workbook and removes ``folder`` (the run's writer process does, while the run goes
    on; the same bytes as :func:`write`'s)."""
    folder.mkdir()
    try:
        warnings, book = _write(layout, contents, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return warnings, (str(book.filename), book.parts, book.allow_zip64, folder)


def _write(layout: Layout, contents: Contents,
           parts: Path | None = None) -> tuple[list[dict[str, Any]], Book]:
    """The workbook, zipped; or, given a folder for its ``parts``, its parts only."""
    from .xlsx_cells import Book, Sheet

    data, tables, about = contents.data, contents.tables, contents.about
    path = layout.view(FOLDER, SUFFIX)
    path.parent.mkdir(parents=True, exist_ok=True)
    # constant memory: rows go to disk as they are written, so a large release does not
    # hold the whole workbook in memory (rows must then be written in order, as here)
    workbook = Book(str(path), {**OPTIONS, "tmpdir": str(parts)} if parts else OPTIONS,
                    parts_only=parts is not None)
    created = datetime.fromisoformat(about.snapshot_date) if about.snapshot_date else datetime(2000, 1, 1)
    workbook.set_properties({"title": about.title, "author": about.publisher, "created": created})
    header = workbook.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1, "text_wrap": True,
                                  "valign": "top"})
    formats = {"": None, "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
               "euro": workbook.add_format({"num_format": EURO_FORMAT, "valign": "top"})}
    day = workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    name = _names(data)
    columns = [sheet_columns(table, tables, data, name) for table in tables]
    _readme(workbook, contents, layout, columns)
    warnings: list[dict[str, Any]] = []
    for sheet_name, table, shown in zip(sheet_names(tables)[1:], tables, columns, strict=True):
        sheet = workbook.add_worksheet(sheet_name, worksheet_class=Sheet)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)  # printed: one page wide, as many pages down as it takes
        sheet.repeat_rows(0)  # the header row on every printed page
        rows = data[table.name]
        getters = [column.value for column in shown]
        # the cells of the rows the widths are measured on; the others' are made as each row
        # is written, rather than held for the whole table
        first = [[get(r) for get in getters] for r in rows[:WIDTH_ROWS]]
        values = itertools.chain(first, ([get(r) for get in getters] for r in rows[WIDTH_ROWS:]))
        widths = []
        for c, column in enumerate(shown):  # widths first: in constant memory, before rows
            texts = [str(v[c]) for v in first if v[c] is not None]
            width = _width([column.title, *texts])
            if column.kind == "wrap":
                width = min(width, WRAPPED_WIDTH)
            elif column.kind == "euro":
                width = max(width, 12)
            widths.append(width)
            sheet.set_column(c, c, width, formats[column.kind])
        sheet.set_row(0, row_height([(column.title, w) for column, w in zip(shown, widths, strict=True)]))
        for c, column in enumerate(shown):
            sheet.write_string(0, c, column.title, header)
        wrapped = [c for c, column in enumerate(shown) if column.kind == "wrap"]
        cell_formats = [formats[column.kind] for column in shown]
        write_string = sheet._write_string  # write_string without its A1-notation wrapper
        for r, (record, cells) in enumerate(zip(rows, values, strict=True), start=1):
            height = row_height([(str(cells[c]), widths[c]) for c in wrapped
                                 if cells[c] is not None]) if wrapped else None
            # the whole row at once (nearly every row); else cell by cell, as below
            if sheet.write_row(r, height, cells, cell_formats, day):
                continue
            if height is not None:
                sheet.set_row(r, height)
            for c, value in enumerate(cells):
                if value is None or value == "":  # an empty cell (as _write_cell leaves it)
                    continue
                # a text short enough to fit (nearly all of them) is written at once; any
                # other value as _write_cell writes it
                if value.__class__ is str and 2 * len(value) <= CELL_LIMIT:
                    write_string(r, c, value, cell_formats[c])
                elif _write_cell(sheet, r, c, value, cell_formats[c], day) \
                        and shown[c].code in record:
                    warnings.append({
                        "line": record.get("source_line"),
                        "message": f"{table.name}.{shown[c].code}: {len(record[shown[c].code]):,} "
                                   f"characters, more than a spreadsheet cell holds "
                                   f"({CELL_LIMIT:,}): cut in the workbook, with a note in the "
                                   "cell; whole in the CSV, JSON and Parquet files"})
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(shown) - 1)
    workbook.close()
    return warnings, workbook
