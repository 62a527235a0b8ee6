"""The views for people: workbook, data dictionary, SQLite and Datasette, typed Parquet in
three engines, and the offline page in a real browser."""

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import zipfile

import pytest
from lxml import html as lxml_html

from pipeline.schemas import field_names, table_names, table_schema

from .conftest import ROOT, forget_fingerprint

OUT = ROOT / "output"


# --- Workbook -------------------------------------------------------------------------------

def test_workbook_has_a_readme_sheet_then_one_sheet_per_table():
    with zipfile.ZipFile(OUT / "xlsx" / "ivry-jumelages.xlsx") as book:
        workbook = book.read("xl/workbook.xml").decode()
        sheets = re.findall(r'<sheet name="([^"]+)"', workbook)
        assert sheets == ["Lisez-moi", *table_names()]
        readme = book.read("xl/worksheets/sheet1.xml").decode()
        actions = book.read("xl/worksheets/sheet3.xml").decode()
    assert '<dimension ref="A1:W47"/>' in actions  # 23 columns, a header and 46 rows
    assert 'state="frozen"' in actions and "<autoFilter" in actions
    assert "Licence Ouverte / Open Licence 2.0" in readme and "dianguirde-2016-2020" in actions
    # the water project's amount (row 18, column J = amount_eur) is a number: no t="inlineStr"
    assert '<c r="J18"><v>300000</v></c>' in actions
    assert '<col min="1" max="1" width=' in actions


# --- Data dictionary ------------------------------------------------------------------------

def test_readme_documents_every_column_of_every_schema():
    readme = (OUT / "README.md").read_text(encoding="utf-8")
    for table in table_names():
        assert f"(`{table}`, " in readme
        for field in table_schema(table)["fields"]:
            assert f"| `{field['name']}` |" in readme, (table, field["name"])
    assert "| `amount_eur` | entier | Le premier montant en euros" in readme
    assert readme.splitlines()[0] == "# Jumelages et coopérations décentralisées d'Ivry-sur-Seine"
    assert "65001 : Unicode (UTF-8)" in readme  # how to open the CSV without garbled accents


# --- SQLite and Datasette -------------------------------------------------------------------

def test_sqlite_has_every_table_with_its_keys():
    with sqlite3.connect(OUT / "sqlite" / "ivry-jumelages.db") as db:
        counts = {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in table_names()}
        keys = db.execute("PRAGMA foreign_key_list(action_people)").fetchall()
        water = db.execute("SELECT amount_eur, status, is_ongoing FROM actions "
                           "WHERE action_id = 'dianguirde-2016-2020'").fetchone()
    assert counts["actions"] == 46 and counts["partners"] == 6 and counts["action_themes"] == 88
    assert {(k[2], k[3], k[4]) for k in keys} == {("actions", "action_id", "action_id"),
                                                  ("people", "person_id", "person_id")}
    assert water == (300000, "abandoned", 0)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_datasette_serves_the_actions_of_a_partner():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(OUT / "sqlite" / "ivry-jumelages.db"),
         "-m", str(OUT / "sqlite" / "metadata.json"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        url = f"{base}/ivry-jumelages/actions.json?partner_id=dianguirde&_shape=array&_sort=source_line"
        rows = json.load(urllib.request.urlopen(url, timeout=5))
        metadata = json.load(urllib.request.urlopen(f"{base}/-/metadata.json", timeout=5))
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert len(rows) == 10
    water = next(r for r in rows if r["action_id"] == "dianguirde-2016-2020")
    assert (water["amount_eur"], water["status"], water["source_line"]) == (300000, "abandoned", 52)
    assert metadata["license"] == "Licence Ouverte / Open Licence 2.0"
    columns = metadata["databases"]["ivry-jumelages"]["tables"]["actions"]["columns"]
    assert columns["period"].startswith("La période au format EDTF")


# --- Parquet for analysts -------------------------------------------------------------------

ACTIONS = OUT / "parquet" / "actions.parquet"


def test_pandas_reads_nullable_integers_and_booleans():
    import pandas as pd
    frame = pd.read_parquet(ACTIONS, dtype_backend="numpy_nullable")
    assert list(frame.columns) == field_names("actions")
    assert str(frame["end_year"].dtype) == "Int64" and int(frame["end_year"].isna().sum()) == 5
    assert str(frame["is_ongoing"].dtype) == "boolean" and int(frame["is_ongoing"].sum()) == 4
    assert frame.loc[frame["action_id"] == "dianguirde-2016-2020", "amount_eur"].item() == 300000


def test_polars_keeps_types_and_nulls():
    import polars as pl
    frame = pl.read_parquet(ACTIONS)
    assert frame.columns == field_names("actions")
    assert frame.schema["start_year"] == pl.Int64 and frame.schema["is_ongoing"] == pl.Boolean
    # head counts on lines 16, 24, 26, 30, 64, 66, 70, 84, 104 and 132: 36 of 46 have none
    assert frame["participants"].null_count() == 36
    partners = pl.read_parquet(OUT / "parquet" / "partners.parquet")
    assert partners.schema["latitude"] == pl.Float64


def test_duckdb_reads_typed_columns_and_descriptions():
    import duckdb
    con = duckdb.connect()
    types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{ACTIONS}')").fetchall())
    assert (types["start_year"], types["is_ongoing"], types["text"]) == ("BIGINT", "BOOLEAN", "VARCHAR")
    total = con.execute(f"SELECT sum(amount_eur) FROM '{ACTIONS}'").fetchone()[0]
    assert total == 310000  # the Torodo water project and the Jalazone kindergarten
    metadata = dict(con.execute(
        f"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{ACTIONS}')").fetchall())
    schema = json.loads(metadata["table_schema"])
    assert [f["name"] for f in schema["fields"]] == field_names("actions")


def test_column_descriptions_are_in_the_parquet_fields():
    import pyarrow.parquet as pq
    field = pq.read_schema(ACTIONS).field("amount_eur")
    assert field.metadata[b"title"].decode() == "Montant (euros)"


# --- The page, in a real browser ------------------------------------------------------------

def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def browser():
    found = chromium()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("no Chromium on the CI machine: .ci/run must install it (apt-get install chromium)")
        pytest.skip("no Chromium here: `apt-get install chromium` to run the browser test")
    return found


def test_the_page_shows_six_markers_and_every_dated_action(browser, tmp_path):
    page = (OUT / "index.html").resolve().as_uri()
    common = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*common, "--dump-dom", page], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-500:]
    document = lxml_html.fromstring(dom.stdout)
    markers = document.xpath("//svg[@id='map']//circle[contains(@class, 'marker')]")
    bars = document.xpath("//svg[@id='timeline']//rect[contains(@class, 'action')]")
    assert sorted(m.get("data-partner") for m in markers) == sorted(
        p["partner_id"] for p in json.loads((OUT / "json" / "partners.json").read_text(encoding="utf-8")))
    assert len(markers) == 6
    dated = [a["action_id"] for a in json.loads((OUT / "json" / "actions.json").read_text(encoding="utf-8"))
             if a["period"]]
    assert sorted(b.get("data-action") for b in bars) == sorted(dated) and len(bars) == 45
    links = document.xpath("//table[@id='downloads']//a/@href")
    assert "xlsx/ivry-jumelages.xlsx" in links and all(not link.startswith("http") for link in links)
    shot = tmp_path / "index.png"
    subprocess.run([*common, "--window-size=1000,1400", f"--screenshot={shot}", page],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_the_page_needs_no_network():
    text = (OUT / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'(?:src|href)="https?://(?!www\.ivry94\.fr|www\.etalab\.gouv\.fr)', text)
    assert "<script src" not in text and "<link rel=\"stylesheet\"" not in text


def test_on_a_terminal_the_run_ends_with_a_summary_table(tmp_path, capsys, monkeypatch):
    from pipeline.cli import main
    shutil.copytree(OUT, tmp_path / "out")
    forget_fingerprint(tmp_path / "out")  # a full run, which ends with the table
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["run", "--output", str(tmp_path / "out")]) == 0
    raw = capsys.readouterr().out
    assert "\x1b[" in raw  # coloured
    out = re.sub(r"\x1b\[[0-9;]*m", "", raw)
    assert re.search(r"│ actions\s+│\s+46 │", out) and re.search(r"│ action_themes\s+│\s+88 │", out)
    assert "no change since release" in " ".join(out.split()) and "set aside: 3" in out
