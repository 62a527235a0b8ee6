"""The workbook's own cell writer (pipeline/emit/xlsx_cells.py) writes the bytes XlsxWriter
writes, for every kind of text and number the workbook holds, with or without a format, a
row format or a column format; and a text XlsxWriter would copy into the file as markup is
escaped instead."""

import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.etree import ElementTree

import xlsxwriter

from pipeline.emit.xlsx import OPTIONS
from pipeline.emit.xlsx_cells import Sheet

TEXTS = [
    "court", "été, Ivry-sur-Seine", "🌍 Gao — Mali", "  espace devant", "espace derrière ",
    "\tune tabulation", "ligne\nsuivante\n", "fin\r", "a\u00a0", "\u2003début", "\u2028",
    "x & y < z > w \"cité\" 'apostrophe'", "&amp; déjà écrit", "contrôle\x00\x01\x1f fin",
    "_x0041_ ressemble à un échappement", "_x00ZZ_ n'en est pas un", "_X0041_",
    "non-caractères \ufffe \uffff", "=1+1", "+33 1 23", "-5", "@nom", "https://exemple.fr",
    "<b>gras</b>", "<r>", "</r>", "x" * 5000,
]
NUMBERS = [0, 1, -7, 2003, 1_500_000, 0.1, 2.5e-7, 1e21, 123456789.123456789, -0.0]
DATES = [date(1990, 1, 1), date(2024, 2, 29)]


def _sheet_xml(path, worksheet_class):
    workbook = xlsxwriter.Workbook(str(path), OPTIONS)
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet = workbook.add_worksheet("Feuille", worksheet_class=worksheet_class)
    sheet.set_column(1, 1, 30, wrap)  # a column format, shown by cells without their own
    sheet.set_column(4, 4, 12, None)
    row = 0
    for text in TEXTS:
        sheet.set_row(row, 30, bold if row % 5 == 0 else None)  # a row format, now and then
        sheet.write_string(row, 0, text)
        sheet.write_string(row, 1, text)
        sheet.write_string(row, 2, text, wrap)
        sheet.write_string(row, 3, text, bold)
        sheet.write_string(row, 4, text)
        sheet.write_string(row, 30, text)  # past column Z: two letters
        row += 1
    for number in NUMBERS:
        sheet.write_number(row, 0, number)
        sheet.write_number(row, 1, number)
        sheet.write_number(row, 2, number, bold)
        row += 1
    for day_ in DATES:
        sheet.write_datetime(row, 0, day_, day)
        sheet.write_datetime(row, 1, day_, day)
        row += 1
    sheet.write_boolean(row, 0, True)  # left to XlsxWriter: the same by construction
    sheet.write_url(row, 1, "https://exemple.fr", None, "lien")
    sheet.merge_range(row + 1, 0, row + 1, 3, "fusion", wrap)
    sheet.write_string(70_000, 0, "loin")  # a row past 65,536
    workbook.close()
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_the_cells_are_written_as_xlsxwriter_writes_them(tmp_path):
    ours = _sheet_xml(tmp_path / "ours.xlsx", Sheet)
    theirs = _sheet_xml(tmp_path / "theirs.xlsx", None)
    assert b"_x005F_x0041_" in ours and b"_x0000_" in ours and b"x &amp; y &lt; z &gt; w" in ours
    assert b'<t xml:space="preserve">  espace devant</t>' in ours
    assert ours == theirs


def test_a_text_that_looks_like_xlsxwriters_markup_is_escaped(tmp_path):
    """XlsxWriter copies "<r>…</r>" into the sheet unescaped (its own rich strings look so):
    a page's text would be markup in the file. The workbook's writer escapes it."""
    texts = ["<r><t>injecté</t></r>", "<r>x</r><c r=\"A9\"><v>1</v></c><r></r>"]
    for worksheet_class, escaped in ((Sheet, True), (None, False)):
        path = tmp_path / f"{escaped}.xlsx"
        workbook = xlsxwriter.Workbook(str(path), OPTIONS)
        sheet = workbook.add_worksheet("Feuille", worksheet_class=worksheet_class)
        for row, text in enumerate(texts):
            sheet.write_string(row, 0, text)
        if escaped:  # a whole row of them, as the tables' sheets write them
            assert sheet.write_row(len(texts), None, texts, [None, None], workbook.add_format())
        workbook.close()
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("xl/worksheets/sheet1.xml").decode()
        assert ("<t>&lt;r&gt;&lt;t&gt;injecté&lt;/t&gt;&lt;/r&gt;</t>" in xml) is escaped
        assert ("<is><r><t>injecté</t></r></is>" in xml) is not escaped
        if escaped:  # the file reads back: the text is one cell's text, whole
            ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
            cells = ElementTree.fromstring(xml).findall(".//m:c", ns)
            assert ["".join(c.itertext()) for c in cells] == texts + texts
            assert xml.count("<t>&lt;r&gt;&lt;t&gt;injecté&lt;/t&gt;&lt;/r&gt;</t>") == 2


ROWS = [
    ["court", 3, date(2024, 2, 29), True, None, "x & <y>"],
    [None, "", 0.5, False, "  espace", "ligne\nsuivante"],
    ["_x0041_", -7, date(1990, 1, 1), None, "contrôle\x01", "🌍"],
    [None, None, None, None, None, "seule"],
]
HEIGHTS = [None, 30, 45.5, 15]


def _rows_xml(path, whole_rows):
    """A sheet of ``ROWS`` under a header row, each row either by ``Sheet.write_row`` or
    cell by cell through XlsxWriter's own calls (as ``pipeline.emit.xlsx.write`` does for
    a row ``write_row`` declines)."""
    workbook = xlsxwriter.Workbook(str(path), OPTIONS)
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    euro = workbook.add_format({"num_format": '#,##0 "€"'})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet = workbook.add_worksheet("Feuille", worksheet_class=Sheet if whole_rows else None)
    formats = [None, euro, None, None, wrap, wrap]
    for col, cell_format in enumerate(formats):
        sheet.set_column(col, col, 20, cell_format)
    sheet.write_string(0, 0, "titre", bold)
    for row, (values, height) in enumerate(zip(ROWS, HEIGHTS, strict=True), start=1):
        if whole_rows:
            assert sheet.write_row(row, height, values, formats, day)
            continue
        if height is not None:
            sheet.set_row(row, height)
        for col, value in enumerate(values):
            if value is None or value == "":
                continue
            if isinstance(value, bool):
                sheet.write_boolean(row, col, value)
            elif isinstance(value, (int, float)):
                sheet.write_number(row, col, value, formats[col])
            elif isinstance(value, date):
                sheet.write_datetime(row, col, value, day)
            else:
                sheet.write_string(row, col, value, formats[col])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(ROWS), len(formats) - 1)
    workbook.close()
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml"), archive.read("xl/styles.xml")


def test_a_whole_row_is_written_as_xlsxwriter_writes_its_cells(tmp_path):
    ours, theirs = _rows_xml(tmp_path / "ours.xlsx", True), _rows_xml(tmp_path / "theirs.xlsx", False)
    assert b'<row r="3" ht="30" customHeight="1">' in ours[0] and b't="b"><v>1</v>' in ours[0]
    assert b'<dimension ref="A1:F5"/>' in ours[0]
    assert ours == theirs


def test_a_row_it_cannot_write_so_is_left_to_the_caller(tmp_path):
    workbook = xlsxwriter.Workbook(str(tmp_path / "x.xlsx"), OPTIONS)
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet = workbook.add_worksheet("Feuille", worksheet_class=Sheet)
    assert sheet.write_row(1, None, ["a", "x" * 20_000], [None, None], day) is False  # too long
    assert sheet.write_row(1, None, [float("nan")], [None], day) is False  # not finite
    assert sheet.write_row(1, None, [None, ""], [None, None], day) is False  # no cell
    assert sheet.write_row(1, 0, ["a"], [None], day) is False  # a hidden row
    assert sheet.write_row(2, None, ["a"], [None], day) is True
    assert sheet.write_row(1, None, ["a"], [None], day) is False  # before a row written
    workbook.close()


def _book(path, workbook_class, **keywords):
    """A small workbook of two sheets (a read-me with a link and merged cells, a table)."""
    workbook = workbook_class(str(path), OPTIONS, **keywords)
    workbook.set_properties({"title": "Titre", "author": "Éditeur", "created": datetime(2026, 11, 25)})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    readme = workbook.add_worksheet("Lisez-moi", worksheet_class=Sheet)
    readme.write_url(0, 1, "https://exemple.fr", None, "lien")
    readme.merge_range(1, 0, 1, 3, "fusion", wrap)
    sheet = workbook.add_worksheet("Table", worksheet_class=Sheet)
    for row in range(2000):
        sheet.write_string(row, 0, f"texte {row} " * (row % 7), wrap)
        sheet.write_number(row, 1, row * 1.5)
    sheet.autofilter(0, 0, 1999, 1)
    workbook.close()
    return workbook


def test_a_book_zipped_by_another_process_is_the_workbook_xlsxwriter_zips(tmp_path):
    """The run's writer process zips the workbook's parts (``Book`` with ``parts_only``,
    then ``archives.zip_workbook``): the same bytes as XlsxWriter's own ``close``, and as a ``Book``
    that zips itself; the parts' folder is gone once zipped."""
    from pipeline.emit.archives import zip_workbook
    from pipeline.emit.xlsx_cells import Book

    _book(tmp_path / "xlsxwriter.xlsx", xlsxwriter.Workbook)
    _book(tmp_path / "book.xlsx", Book)
    folder = tmp_path / "parts"
    folder.mkdir()
    later = _book(tmp_path / "later.xlsx", Book, parts_only=True)
    assert not (tmp_path / "later.xlsx").exists() and len(later.parts) > 8
    zip_workbook(str(tmp_path / "later.xlsx"), later.parts, later.allow_zip64, folder)
    expected = (tmp_path / "xlsxwriter.xlsx").read_bytes()
    assert len(expected) > 10_000
    assert (tmp_path / "book.xlsx").read_bytes() == expected
    assert (tmp_path / "later.xlsx").read_bytes() == expected
    assert not folder.exists() and all(not Path(name).exists() for name, _ in later.parts)
