"""A workbook for spreadsheets, in French: a "Lisez-moi" sheet, then one sheet per table.

What a reader sees is French: each sheet is named by its table's title, its header row
gives the columns' French titles, and a vocabulary cell shows the code's French label
(the codes, which the CSV, Parquet and JSON files hold, are in the read-me sheet's
dictionary, beside their labels). Cells are typed (numbers, booleans, dates shown as
2023-07-03 whatever the reader's locale, text), the header row is frozen with filters, and
column widths fit the content.

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

import math
import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..escape import web_address
from ..layout import Layout, ReleaseFile
from . import snapshot

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

    from ..dictionary import Column, Table
    from .base import Contents

FOLDER = SUFFIX = "xlsx"
LEADS = True  # listed first among the release's files: what most readers download
WHILE_VALIDATING = True  # made from the tables alone: written while the release is validated
MEDIATYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIN_WIDTH, MAX_WIDTH = 8, 60
CELL_LIMIT = 32_767  # characters (UTF-16 code units) a cell holds in Excel and LibreOffice
LINE_HEIGHT = 15  # points: one line of the default 11-point font
README = "Lisez-moi"
# XlsxWriter's guessing, off: page text is never a formula, a link or a number
OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
           "strings_to_numbers": False}
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


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
    longest = max([len(t) for t in texts[:2000]] or [0])
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
        lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n")))
    return LINE_HEIGHT * lines


def _value(column: Column, value: Any) -> Any:
    """What a data cell shows: the French label of a code, the value itself otherwise."""
    return column.label(value)


def _write_cell(sheet: Worksheet, row: int, col: int, value: Any, text_format: Any = None,
                date_format: Any = None) -> bool:
    """One typed cell; True when a text had to be cut to fit."""
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, (int, float)):
        sheet.write_number(row, col, value)
    elif isinstance(value, date):
        sheet.write_datetime(row, col, value, date_format)
    else:
        text = str(value)
        cut = fitted(text)
        sheet.write_string(row, col, cut, text_format)
        return cut != text
    return False


def _readme(workbook: Any, contents: Contents, layout: Layout) -> None:
    about, tables = contents.about, contents.tables
    bold = workbook.add_format({"bold": True, "valign": "top"})
    title = workbook.add_format({"bold": True, "font_size": 14})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    link = workbook.add_format({"font_color": "blue", "underline": 1, "valign": "top"})
    header = workbook.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1,
                                  "text_wrap": True, "valign": "top"})
    sheet = workbook.add_worksheet(README)
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
    for name, table in zip(names[1:], tables, strict=True):
        for column in table.columns:
            row += 1
            allowed = "\n".join(f"{code} : {label}" for code, label in column.categories)
            cells = [name, column.title, column.name, column.type_label, column.description,
                     allowed, column.example]
            sheet.set_row(row, row_height([(c, widths[i]) for i, c in enumerate(cells)]))
            for col, cell in enumerate(cells):
                if cell:
                    sheet.write_string(row, col, fitted(cell), wrap)


def write(layout: Layout, contents: Contents) -> list[dict[str, Any]]:
    """Write the workbook; the warnings are the cells that had to be cut."""
    import xlsxwriter

    data, tables, about = contents.data, contents.tables, contents.about
    path = layout.view(FOLDER, SUFFIX)
    path.parent.mkdir(parents=True, exist_ok=True)
    # constant memory: rows go to disk as they are written, so a large release does not
    # hold the whole workbook in memory (rows must then be written in order, as here)
    workbook = xlsxwriter.Workbook(str(path), OPTIONS)
    created = datetime.fromisoformat(about.snapshot_date) if about.snapshot_date else datetime(2000, 1, 1)
    workbook.set_properties({"title": about.title, "author": about.publisher, "created": created})
    header = workbook.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    _readme(workbook, contents, layout)
    warnings: list[dict[str, Any]] = []
    for name, table in zip(sheet_names(tables)[1:], tables, strict=True):
        sheet = workbook.add_worksheet(name)
        rows = data[table.name]
        for c, column in enumerate(table.columns):  # widths first: in constant memory, before rows
            shown = [str(_value(column, r[column.name])) for r in rows[:2000]
                     if r[column.name] is not None]
            sheet.set_column(c, c, _width([column.title, *shown]))
        for c, column in enumerate(table.columns):
            sheet.write_string(0, c, column.title, header)
        # each column's name and, for a vocabulary, what gives a code's label (_value)
        cells = [(c, column.name, column.label if column.categories else None)
                 for c, column in enumerate(table.columns)]
        for r, record in enumerate(rows, start=1):
            for c, name, label in cells:
                value = record[name]
                if value is None or value == "":  # an empty cell (as _write_cell leaves it)
                    continue
                if _write_cell(sheet, r, c, label(value) if label else value, date_format=day):
                    column = table.columns[c]
                    warnings.append({
                        "line": record.get("source_line"),
                        "message": f"{table.name}.{column.name}: {len(record[column.name]):,} "
                                   f"characters, more than a spreadsheet cell holds "
                                   f"({CELL_LIMIT:,}): cut in the workbook, with a note in the "
                                   "cell; whole in the CSV, JSON and Parquet files"})
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(table.columns) - 1)
    workbook.close()
    return warnings
