"""``start_date`` and ``end_date`` are real dates in every output: ISO text in CSV, JSON and
SQLite, ``date32`` in Parquet, date cells in the workbook; every package validates."""

import csv
import json
import re
import sqlite3
import zipfile
from datetime import date

import pyarrow.parquet as pq
import pytest
from lxml import etree

from pipeline.cli import main
from pipeline.schemas import table_schema

PAGE = """Jumelages et coopérations

La ville mène des projets avec :

  • La ville de Port-Lumière (Sénégal)

Port-Lumière (Sénégal)

Du 3 au 10 juillet 2023 : accueil de 12 jeunes et 3 animateurs pour un festival.

Depuis septembre 2021 : soutien à la bibliothèque, pour un budget de 1,5 million d’euros.

Jusqu’en 2025 : convention pour la formation de bibliothécaires.

Hiver 2023-2024 : collecte de vêtements ; la collecte n’a pas été annulée malgré la neige.
"""
# action (by its label) -> start_date, end_date
EXPECTED = {
    "Du 3 au 10 juillet 2023": ("2023-07-03", "2023-07-10"),
    "Depuis septembre 2021": ("2021-09-01", None),
    "Jusqu’en 2025": (None, "2025-12-31"),
    "Hiver 2023-2024": ("2023-12-01", "2024-02-29"),
}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dates")
    page = folder / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    # the run validates the staged CSV package with frictionless and compares the JSON and
    # Parquet records read back with the rows, dates included, before writing anything
    assert main(["run", "--source", str(page), "--output", str(folder / "out"), "--first-release"]) == 0
    return folder / "out"


def test_every_package_validates_with_frictionless(out):
    assert main(["validate", str(out)]) == 0


def test_csv_and_json_write_iso_dates(out):
    with (out / "csv" / "actions.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["date_label"]: (r["start_date"], r["end_date"]) for r in rows} == {
        label: (start or "", end or "") for label, (start, end) in EXPECTED.items()}
    records = json.loads((out / "json" / "actions.json").read_text(encoding="utf-8"))
    assert {r["date_label"]: (r["start_date"], r["end_date"]) for r in records} == EXPECTED
    schema = next(r["schema"] for r in json.loads((out / "json" / "datapackage.json").read_text(
        encoding="utf-8"))["resources"] if r["name"] == "actions")
    assert {f["name"]: f["type"] for f in schema["fields"]}["start_date"] == "date"


def test_parquet_holds_date32(out):
    table = pq.read_table(out / "parquet" / "actions.parquet")
    assert str(table.schema.field("start_date").type) == "date32[day]"
    got = {r["date_label"]: (r["start_date"], r["end_date"]) for r in table.to_pylist()}
    assert got == {label: tuple(d and date.fromisoformat(d) for d in pair)
                   for label, pair in EXPECTED.items()}


def test_sqlite_holds_iso_text_and_refuses_a_date_that_is_not_one(out):
    with sqlite3.connect(out / "sqlite" / "ivry-jumelages.db") as db:
        rows = db.execute("SELECT date_label, start_date, end_date, typeof(start_date) FROM actions").fetchall()
        assert {label: (start, end) for label, start, end, _ in rows} == EXPECTED
        assert {kind for *_, kind in rows} == {"text", "null"}
        assert db.execute("SELECT julianday(end_date) - julianday(start_date) FROM actions "
                          "WHERE date_label LIKE 'Du 3%'").fetchone() == (7.0,)
        for not_a_day in ("2023-02-30", "juillet 2023", "2023-7-3"):
            with pytest.raises(sqlite3.IntegrityError):
                db.execute("UPDATE actions SET start_date = ?", (not_a_day,))


def test_the_workbook_has_date_cells(out):
    with zipfile.ZipFile(out / "xlsx" / "ivry-jumelages.xlsx") as book:
        styles = etree.fromstring(book.read("xl/styles.xml"))
        workbook = book.read("xl/workbook.xml").decode()
        title = table_schema("actions")["title"]  # sheets and headers are French titles
        sheet_id = dict(re.findall(r'<sheet name="([^"]+)" sheetId="(\d+)"', workbook))[title]
        sheet = etree.fromstring(book.read(f"xl/worksheets/sheet{sheet_id}.xml"))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    date_formats = {f.get("numFmtId") for f in styles.iterfind(".//m:numFmts/m:numFmt", ns)
                    if f.get("formatCode") == "yyyy-mm-dd"}
    cell_styles = styles.findall(".//m:cellXfs/m:xf", ns)
    header = next(sheet.iterfind(".//m:row", ns))
    start = next(f["title"] for f in table_schema("actions")["fields"] if f["name"] == "start_date")
    column = next(c.get("r")[:-1] for c in header if "".join(c.itertext()) == start)
    first = sheet.find(f".//m:c[@r='{column}2']", ns)
    # Excel counts days from 1899-12-30: 3 July 2023 is day 45110
    assert first.findtext("m:v", namespaces=ns) == str((date(2023, 7, 3) - date(1899, 12, 30)).days)
    assert cell_styles[int(first.get("s"))].get("numFmtId") in date_formats


def test_the_entries_facts(out):
    records = {r["date_label"]: r for r in json.loads((out / "json" / "actions.json").read_text(encoding="utf-8"))}
    assert (records["Du 3 au 10 juillet 2023"]["participants"], records["Du 3 au 10 juillet 2023"]["period"]) == (
        15, "2023-07-03/2023-07-10")
    assert (records["Depuis septembre 2021"]["amount_eur"], records["Depuis septembre 2021"]["status"]) == (
        1_500_000, "ongoing")
    assert (records["Jusqu’en 2025"]["period"], records["Jusqu’en 2025"]["is_ongoing"]) == ("../2025", False)
    assert (records["Hiver 2023-2024"]["period"], records["Hiver 2023-2024"]["status"]) == ("2023-24", None)
