"""The workbook's sheets, with their cells written to the file faster than XlsxWriter does.

In constant-memory mode XlsxWriter writes each row to disk when the next one starts, one
cell at a time (``Worksheet._write_cell``): for each cell it builds a list of attributes,
escapes each of them, runs four regular expressions over a string and formats the tag in
several calls. That was a third of the workbook's cost, and the workbook the largest stage
of a large page (docs/benchmarks.md). :class:`Sheet` writes the cells the workbook holds
(text, numbers, dates) with the same bytes in one formatted string each, the escapes done
only when the text holds a character that needs them; any other kind of cell (a boolean,
a link, a merged range, written on the read-me sheet) is left to XlsxWriter.

One deliberate difference: XlsxWriter copies a text that starts with ``<r>`` and ends with
``</r>`` into the file unescaped (it takes it for one of its own rich strings), so a page
could write markup into the sheet and break the file; here such a text is escaped like any
other. ``tests/test_xlsx.py`` compares every other kind of text and number with
XlsxWriter's own output, byte for byte.

Why a subclass of a class whose method is private: XlsxWriter offers no other way in
(``Workbook.add_worksheet(worksheet_class=...)`` is its hook for subclasses), and the test
above fails if a new XlsxWriter writes cells otherwise.
"""

from __future__ import annotations

import re
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import CellDatetimeTuple, CellNumberTuple, CellStringTuple, Worksheet

# what XlsxWriter's _escape_control_characters changes: an escape-like "_xHHHH_", a control
# character other than tab and line feed, and the two non-characters U+FFFE and U+FFFF
_NEEDS_CONTROL_ESCAPE = re.compile("_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_NUMBERS = (CellNumberTuple, CellDatetimeTuple)


class Sheet(Worksheet):
    """A worksheet whose text, number and date cells are written by :meth:`_write_cell`."""

    def __init__(self) -> None:
        super().__init__()
        self._columns: dict[int, str] = {}  # column number -> its letters

    def _write_cell(self, row: int, col: int, cell: Any) -> None:
        kind = cell.__class__
        if (kind is not CellStringTuple and kind not in _NUMBERS) or not self.constant_memory:
            super()._write_cell(row, col, cell)
            return
        letters = self._columns.get(col)
        if letters is None:
            letters = self._columns[col] = xl_col_to_name(col)
        # the cell's format, else its row's, else its column's (XlsxWriter's order)
        style = ""
        if cell.format:
            style = f' s="{cell.format._get_xf_index()}"'
        elif row in self.row_info and self.row_info[row].row_format:
            style = f' s="{self.row_info[row].row_format._get_xf_index()}"'
        elif col in self.col_info and self.col_info[col].column_format is not None:
            style = f' s="{self.col_info[col].column_format._get_xf_index()}"'
        if kind is not CellStringTuple:
            self.fh.write(f'<c r="{letters}{row + 1}"{style}><v>{cell.number:.16G}</v></c>')
            return
        text = cell.string
        if _NEEDS_CONTROL_ESCAPE.search(text):
            text = self._escape_control_characters(text)
        # XlsxWriter's r"^\s" and r"\s$" (the regular expressions' \s is str.isspace())
        space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
        if "&" in text or "<" in text or ">" in text:
            text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        self.fh.write(f'<c r="{letters}{row + 1}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>')
