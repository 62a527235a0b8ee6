"""The workbook's sheets, with their cells written to the file faster than XlsxWriter does.

In constant-memory mode XlsxWriter writes each row to disk when the next one starts, one
cell at a time (``Worksheet._write_cell``): for each cell it builds a list of attributes,
escapes each of them, runs four regular expressions over a string and formats the tag in
several calls. That was a third of the workbook's cost, and the workbook the largest stage
of a large page (docs/benchmarks.md). :class:`Sheet` writes the cells the workbook holds
(text, numbers, dates) with the same bytes in one formatted string each, the escapes done
only when the text holds a character that needs them; any other kind of cell (a boolean,
a link, a merged range, written on the read-me sheet) is left to XlsxWriter.

A table's sheet goes further: :meth:`Sheet.write_row` writes a whole row (its height and
its cells, booleans included) as one string, without storing its cells in XlsxWriter's
table first, which halves what XlsxWriter's calls cost a cell; a row it does not write as
XlsxWriter would (a text too long for a cell, a value of another type) is left to the
cell-by-cell path.

One deliberate difference: XlsxWriter copies a text that starts with ``<r>`` and ends with
``</r>`` into the file unescaped (it takes it for one of its own rich strings), so a page
could write markup into the sheet and break the file; here such a text is escaped like any
other. ``tests/test_xlsx_cells.py`` compares every other kind of text and number with
XlsxWriter's own output, byte for byte, and whole rows with XlsxWriter's rows.

Why a subclass of a class whose method is private: XlsxWriter offers no other way in
(``Workbook.add_worksheet(worksheet_class=...)`` is its hook for subclasses), and the test
above fails if a new XlsxWriter writes cells otherwise.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.format import Format
from xlsxwriter.worksheet import CellDatetimeTuple, CellNumberTuple, CellStringTuple, Worksheet

from .archives import zip_workbook

# what XlsxWriter's _escape_control_characters changes: an escape-like "_xHHHH_", a control
# character other than tab and line feed, and the two non-characters U+FFFE and U+FFFF
_NEEDS_CONTROL_ESCAPE = re.compile("_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_NUMBERS = (CellNumberTuple, CellDatetimeTuple)
# a text with one of these (a control escape, or one of the three markup characters) is
# written through _inline's escapes; the others as they are
_NEEDS_ESCAPE = re.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")


class Sheet(Worksheet):
    """A worksheet whose text, number and date cells are written by :meth:`_write_cell`, and
    whose table rows can be written whole by :meth:`write_row`."""

    # XlsxWriter's own attributes that write_row keeps as it does (typed for mypy)
    previous_row: int
    dim_rowmin: int | None
    dim_rowmax: int | None
    dim_colmin: int | None
    dim_colmax: int | None

    def __init__(self) -> None:
        super().__init__()
        self._columns: dict[int, str] = {}  # column number -> its letters
        # (column, kind of value) -> the format, '<c r="AB' and '" s="…"' (write_row)
        self._heads: dict[tuple[int, type], tuple[Format | None, str, str]] = {}
        self._days: dict[date, str] = {}  # a date -> its serial number as the cell holds it

    def write_row(self, row: int, height: float | None, values: Sequence[Any],
                  formats: Sequence[Format | None], date_format: Format) -> bool:
        """Write a whole row of a table's sheet at once: ``values[c]`` in column ``c`` with
        ``formats[c]`` (a date with ``date_format``), the row ``height`` points high (None:
        the default), with the bytes that ``set_row`` and one ``write_string``,
        ``write_number``, ``write_datetime`` or ``write_boolean`` (without a format: as
        :func:`pipeline.emit.xlsx._write_cell` writes it) a cell would write; None and ""
        are empty cells. XlsxWriter stores each cell in its table and writes the row when the next
        one starts, a few calls a cell; here the row is one string written at once, since a
        large page's workbook has millions of cells.

        Unlike ``set_row``, it does not keep each row's height in ``row_sizes``, which
        XlsxWriter reads only to place images, charts and comments, which a table's sheet
        has none of: a hundred thousand rows' lists are memory the run needs elsewhere.

        False, and nothing written, for a row this method does not write as XlsxWriter
        would (a value of another type, a text too long for a cell, a number that is not
        finite, a row already formatted or written, no cell): the caller then writes it
        cell by cell."""
        if not self.constant_memory or self.excel_version == 2010 or row >= self.xls_rowmax \
                or row in self.row_info or len(values) > self.xls_colmax:
            return False
        if row > self.previous_row:  # the row before, if XlsxWriter holds it (the header)
            self._write_single_row(row)
        elif row < self.previous_row:
            return False
        number, heads, days = row + 1, self._heads, self._days
        parts = []
        first = -1
        for col, value in enumerate(values):
            if value is None or value == "":
                continue
            kind = value.__class__
            if kind is str:
                if 2 * len(value) > self.xls_strmax:
                    return False
                cell_format = formats[col]
            elif kind is int or kind is float:
                if kind is float and not math.isfinite(value):
                    return False
                cell_format = formats[col]
            elif kind is date:
                cell_format = date_format
            elif kind is bool:  # written without a format of its own (as _write_cell does)
                cell_format = None
            else:
                return False
            if first < 0:
                first = col
            last = col
            # the cell's opening up to its row number, and its style: made once a column and
            # kind of value, when a cell first needs them (when XlsxWriter would number
            # the format, which fixes the order of styles.xml)
            head = heads.get((col, kind))
            if head is None or head[0] is not cell_format:
                head = heads[col, kind] = (cell_format, f'<c r="{xl_col_to_name(col)}',
                                           f'"{self._style(col, cell_format)}')
            if kind is str:
                # _inline, written out here: most texts need no escape
                if _NEEDS_ESCAPE.search(value) or value[:1].isspace() or value[-1:].isspace():
                    parts.append(f'{head[1]}{number}{head[2]} t="inlineStr"><is>{_inline(value)}</is></c>')
                else:
                    parts.append(f'{head[1]}{number}{head[2]} t="inlineStr"><is><t>{value}</t></is></c>')
            elif kind is bool:
                parts.append(f'{head[1]}{number}{head[2]} t="b"><v>{1 if value else 0}</v></c>')
            elif kind is date:
                serial = days.get(value)
                if serial is None:
                    serial = days[value] = f"{self._convert_date_time(value):.16G}"
                parts.append(f'{head[1]}{number}{head[2]}><v>{serial}</v></c>')
            else:
                parts.append(f'{head[1]}{number}{head[2]}><v>{value:.16G}</v></c>')
        pixels = self.default_row_height if height is None else int(height * 4.0 / 3.0 + 0.5)
        if first < 0 or pixels == 0:  # no cell; or set_row's height 0, which hides the row
            return False
        # the dimensions _check_dimensions keeps (set_row's call included)
        if self.dim_rowmin is None or row < self.dim_rowmin:
            self.dim_rowmin = row
        if self.dim_rowmax is None or row > self.dim_rowmax:
            self.dim_rowmax = row
        if self.dim_colmin is None or first < self.dim_colmin:
            self.dim_colmin = first
        if self.dim_colmax is None or last > self.dim_colmax:
            self.dim_colmax = last
        self.previous_row = row
        tag = f'<row r="{number}"'
        if pixels != self.original_row_height or pixels != self.default_row_height:
            tag += f' ht="{pixels * 0.75:.16g}" customHeight="1"'
        self.fh.write(f'{tag}>{"".join(parts)}</row>')
        return True

    def _style(self, col: int, cell_format: Format | None) -> str:
        """The style attribute of a cell of a row without a format of its own: the cell's
        format, else its column's (XlsxWriter's order)."""
        if cell_format:
            return f' s="{cell_format._get_xf_index()}"'
        if col in self.col_info and self.col_info[col].column_format is not None:
            return f' s="{self.col_info[col].column_format._get_xf_index()}"'
        return ""

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
        self.fh.write(f'<c r="{letters}{row + 1}"{style} t="inlineStr"><is>{_inline(cell.string)}</is></c>')


def _inline(text: str) -> str:
    """An in-line string's ``<t>`` element, as XlsxWriter writes it in constant memory
    (control characters as ``_xHHHH_``, spaces kept at either end, the three markup
    characters escaped), a rich-string-like text escaped too (see above)."""
    if _NEEDS_CONTROL_ESCAPE.search(text):
        text = Worksheet._escape_control_characters(text)
    # XlsxWriter's r"^\s" and r"\s$" (the regular expressions' \s is str.isspace())
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<t{space}>{text}</t>"


class Book(Workbook):
    """A workbook whose zip can be made later, by another process: its ``close`` writes
    every part of the package to a file, as XlsxWriter does, and with ``parts_only`` leaves
    them there, listed in ``parts``, for :func:`pipeline.emit.archives.zip_workbook` to zip
    (the run's writer process does, while the run's own process goes on: the zip is a
    fifth of a large workbook's processor time, deflate of its XML). Without
    ``parts_only`` it zips them itself, as ``Workbook.close`` would.

    ``_store_workbook`` is XlsxWriter's own (3.x), up to its zip, which is
    ``zip_workbook``; ``tests/test_xlsx_cells.py`` compares the files' bytes with
    XlsxWriter's, so that a new XlsxWriter that packages otherwise is noticed."""

    def __init__(self, filename: str, options: dict[str, Any], parts_only: bool = False):
        super().__init__(filename, options)
        self.parts_only = parts_only
        self.parts: list[tuple[str, str]] = []  # (the part's file, its name in the zip)

    def _store_workbook(self) -> None:
        assert not self.in_memory, "a workbook written in memory has no parts on disk"
        packager = self._get_packager()
        if not self.worksheets():
            self.add_worksheet()
        if self.worksheet_meta.activesheet == 0:
            self.worksheets_objs[0].selected = 1
            self.worksheets_objs[0].hidden = 0
        for sheet in self.worksheets():
            if sheet.index == self.worksheet_meta.activesheet:
                sheet.active = 1
        if self.vba_project:
            for sheet in self.worksheets():
                if sheet.vba_codename is None:
                    sheet.set_vba_name()
        self._prepare_sst_string_data()
        self._prepare_vml()
        self._prepare_defined_names()
        self._prepare_drawings()
        self._add_chart_data()
        self._prepare_tables()
        self._prepare_metadata()
        packager._add_workbook(self)
        packager._set_tmpdir(self.tmpdir)
        packager._set_in_memory(self.in_memory)
        self.parts = [(name, part) for name, part, _ in packager._create_package()]
        if not self.parts_only:
            zip_workbook(str(self.filename), self.parts, self.allow_zip64)
