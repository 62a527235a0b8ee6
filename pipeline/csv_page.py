"""A text page that is a spreadsheet saved as CSV (Excel's "CSV (séparateur : point-virgule)",
LibreOffice's export: a service's follow-up sheet put online as the page) read as a table
drawn in text is.

Why a module of its own: each line is a row of cells parted by one separator (``;``, a tab
or ``,``), a quoted cell may hold the separator and run over several lines, and a row whose
first cells are empty goes on with the partner the rows above named (a sheet writes the
partner, its country and its agreement on the first row of its group only); the text reader
would read each line as one paragraph, the separators in it. Every row keeps the number of
the line it starts on.

What becomes of the sheet: the rows above its header (the first row of three cells or more
whose titles name a date's and a text's column, ``fields.key_kind``) are lines of their
cells, the title of the sheet; the rows below it, up to a row of empty cells, are read by
that header (:func:`pipeline.text_layout.write_table`: the partner's column heads its rows,
the date cell labels the text cell, every other cell is a field line under its title);
the rows after that (a second block, the partners' presentations) are lines of their cells,
a cell's lines each a line.
"""

from __future__ import annotations

import csv
import io

from .fields import COUNTRY, DATE, PLACE, TEXT, key_kind
from .text_layout import PARTNER_LEVEL, Reading, write_table

SEPARATORS = (";", "\t", ",")
MIN_ROWS = 4  # rows of the same count of cells at least: a sheet, not a sentence's commas
MIN_CELLS = 3  # cells of a row at least
SHARE = 0.8  # of the page's written lines holding the separator, and of its rows of one count of cells
MAX_CELL = 20_000  # characters of one cell at most


def _records(rows: list[str], separator: str) -> list[tuple[list[str], int]] | None:
    """The sheet's records and the line each starts on, or ``None`` when the text is no
    such sheet."""
    reader = csv.reader(io.StringIO("\n".join(rows)), delimiter=separator)
    records: list[tuple[list[str], int]] = []
    start = 1
    try:
        for record in reader:
            records.append((record, start))
            start = reader.line_num + 1
    except csv.Error:
        return None
    return records


def sheet_reading(rows: list[str]) -> Reading | None:
    """The sheet's rows in reading order, or ``None`` when the page is no CSV sheet.

    >>> page = ["Suivi;;;", "Partenaire;Date;Action;Statut", "Kita (Mali);2015;accueil;Réalisé",
    ...         ";2016;\\"envoi de", "livres\\";Réalisé", ";;;", "Kita (Mali);;présentation;"]
    >>> reading = sheet_reading(page)
    >>> list(zip(reading.numbers, reading.rows))[:5]
    [(1, 'Suivi'), (3, 'Kita (Mali)'), (3, '2015'), (3, 'accueil'), (3, 'Statut : Réalisé')]
    """
    written = [row for row in rows if row.strip()]
    if len(written) < MIN_ROWS or any(len(row) > MAX_CELL for row in rows):
        return None
    for separator in SEPARATORS:
        if sum(1 for row in written if separator in row) < SHARE * len(written):
            continue
        records = _records(rows, separator)
        if records is None:
            continue
        counts = [len(cells) for cells, _ in records if any(c.strip() for c in cells) or len(cells) > 1]
        width = max(set(counts), key=counts.count)
        if width < MIN_CELLS or counts.count(width) < max(MIN_ROWS, SHARE * len(counts)):
            continue
        header = next((i for i, (cells, _) in enumerate(records)
                       if sum(1 for c in cells if c.strip()) >= MIN_CELLS
                       and {DATE, TEXT} <= {key_kind(c.strip()) for c in cells if c.strip()}), None)
        if header is None:
            continue
        return _read(records, header)
    return None


def _lines_of(cells: list[str], number: int, out: Reading) -> None:
    for cell in cells:
        for line in cell.splitlines():
            if line.strip():
                out.add(line.strip(), number)


def _read(records: list[tuple[list[str], int]], header: int) -> Reading:
    out = Reading()
    for cells, number in records[:header]:
        _lines_of(cells, number, out)
    titles = [c.strip() for c in records[header][0]]
    end = next((i for i in range(header + 1, len(records)) if not any(c.strip() for c in records[i][0])),
               len(records))
    kinds = [key_kind(t) if t else None for t in titles]
    partner = next((i for i, k in enumerate(kinds) if k in (PLACE, "partners")), None)
    country = kinds.index(COUNTRY) if COUNTRY in kinds else None
    groups: list[list[tuple[list[str], int]]] = []
    for cells, number in records[header + 1:end]:
        cells = [" ".join(c.split()) for c in cells]
        named = cells[partner] if partner is not None and partner < len(cells) else ""
        if named:  # a new group of rows: its partner, beside its country, heads them
            write_table(titles, groups, out)
            groups = []
            beside = cells[country] if country is not None and country < len(cells) else ""
            out.add(f"{named} ({beside})" if beside and beside not in named else named, number,
                    level=PARTNER_LEVEL)
        for column in (partner, country):
            if column is not None and column < len(cells):
                cells[column] = ""
        groups.append([(cells, number)])
    write_table(titles, groups, out)
    for cells, number in records[end:]:
        _lines_of(cells, number, out)
    return out
