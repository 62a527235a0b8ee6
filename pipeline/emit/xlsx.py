"""A workbook for spreadsheets: a "Lisez-moi" sheet, then one sheet per table.

Typed cells (numbers, booleans, text), a frozen header row with filters, and column widths
fitted to the content. Written with XlsxWriter, whose files are byte-identical from run to
run once the creation date is fixed (here: the snapshot's date, never the clock).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..layout import Layout, ReleaseFile

if TYPE_CHECKING:
    from . import Contents

FOLDER = SUFFIX = "xlsx"
MEDIATYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIN_WIDTH, MAX_WIDTH = 8, 60


def files(layout: Layout) -> list[ReleaseFile]:
    return [ReleaseFile(layout.relative(layout.view(FOLDER, SUFFIX)), "view", "xlsx", MEDIATYPE,
                        "Classeur (tableur)",
                        "Toutes les tables dans un classeur : une feuille « Lisez-moi » (source, "
                        "licence, dictionnaire des données), puis une feuille par table, aux "
                        "cellules typées.")]


def _width(values: list[object], header: str) -> int:
    longest = max([len(header)] + [len(str(v)) for v in values if v is not None][:2000])
    return max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))


def write(layout: Layout, contents: Contents) -> None:
    import xlsxwriter

    data, tables, about = contents.data, contents.tables, contents.about
    path = layout.view(FOLDER, SUFFIX)
    path.parent.mkdir(parents=True, exist_ok=True)
    # constant memory: rows go to disk as they are written, so a large release does not
    # hold the whole workbook in memory (rows must then be written in order, as here)
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    created = datetime.fromisoformat(about.snapshot_date) if about.snapshot_date else datetime(2000, 1, 1)
    workbook.set_properties({"title": about.title, "author": about.publisher, "created": created})
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    header = workbook.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1})

    readme = workbook.add_worksheet("Lisez-moi")
    lines = [("Jeu de données", about.title), ("Description", about.description),
             ("Source", f"{about.source_title} — {about.source_url or 'adresse inconnue'}"),
             ("Date de l'instantané", about.snapshot_date or "inconnue"),
             ("Licence", f"{about.licence_title} ({about.licence_url})"),
             ("Éditeur", about.publisher), ("", "")]
    for row, (label, value) in enumerate(lines):
        readme.write(row, 0, label, bold)
        readme.write(row, 1, value, wrap)
    row = len(lines)
    readme.write_row(row, 0, ["Feuille", "Colonne", "Type", "Description", "Exemple"], header)
    for table in tables:
        for column in table.columns:
            row += 1
            readme.write_row(row, 0, [table.name, column.name, column.type_label,
                                      column.description, column.example], wrap)
    readme.set_column(0, 0, 22)
    readme.set_column(1, 1, 24)
    readme.set_column(2, 2, 10)
    readme.set_column(3, 3, 90)
    readme.set_column(4, 4, 40)

    for table in tables:
        sheet = workbook.add_worksheet(table.name[:31])
        names = [c.name for c in table.columns]
        sheet.write_row(0, 0, names, header)
        for c, name in enumerate(names):  # widths first: in constant memory, before rows
            sheet.set_column(c, c, _width([rec[name] for rec in data[table.name]], name))
        for r, record in enumerate(data[table.name], start=1):
            # write_row types each cell: numbers, booleans, text; None leaves it empty
            sheet.write_row(r, 0, [record[name] for name in names])
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(data[table.name]), 1), len(names) - 1)
    workbook.close()
