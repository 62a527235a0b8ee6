"""The views for people: a French workbook, data dictionary, SQLite and Datasette, typed
Parquet in three engines, and the offline page in a real browser at a desk's and a phone's
width."""

import hashlib
import html
import contextlib
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import zipfile

import pytest
from lxml import html as lxml_html

from pipeline.schemas import field_names, package_template, table_names, table_schema

from .conftest import ROOT, forget_fingerprint

OUT = ROOT / "output"


def read_json(path):
    return json.loads(path.read_text(encoding="utf-8"))


def sheet_xml(book: zipfile.ZipFile, number: int) -> str:
    return book.read(f"xl/worksheets/sheet{number}.xml").decode()


def inline_strings(xml: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r"<t(?: [^>]*)?>([^<]*)</t>", xml)]


# --- Workbook -------------------------------------------------------------------------------

TITLES = [r["title"] for r in package_template()["resources"]]


def test_workbook_sheets_are_named_in_french(fresh_release):
    with zipfile.ZipFile(fresh_release / "xlsx" / "ivry-jumelages.xlsx") as book:
        sheets = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode())
    assert sheets == ["Lisez-moi", "Partenaires", "Actions", "Programmes", "Actions et programmes",
                      "Partenaires et programmes", "Organisations", "Actions et organisations",
                      "Partenaires et organisations", "Personnes", "Actions et personnes",
                      "Partenaires et personnes", "Thèmes des actions", "Libellés des codes"]
    assert [html.unescape(s) for s in sheets[1:]] == TITLES


def test_workbook_headers_are_french_titles_and_codes_show_their_labels(fresh_release):
    with zipfile.ZipFile(fresh_release / "xlsx" / "ivry-jumelages.xlsx") as book:
        actions = sheet_xml(book, 3)
        themes = sheet_xml(book, 13)
    header = inline_strings(actions.split("</row>", 1)[0])
    titles = {f["name"]: f["title"] for f in table_schema("actions")["fields"]}
    # every field of the table is there, by its French title; the ids last
    assert set(header) >= set(titles.values()) - {"Partenaire"}
    assert header[:3] == ["Partenaire", titles["date_label"], titles["start_date"]]
    assert header[-2:] == ["Identifiant de l'action", "Partenaire (identifiant)"]
    from xlsxwriter.utility import xl_col_to_name
    letter = {title: xl_col_to_name(i) for i, title in enumerate(header)}
    assert f'<dimension ref="A1:{letter[header[-1]]}47"/>' in actions  # a header and 46 rows
    assert 'state="frozen"' in actions and "<autoFilter" in actions
    cells = inline_strings(actions)
    assert "abandonnée" in cells and "en cours" in cells and "abandoned" not in cells
    assert "échanges de jeunes" in inline_strings(themes) and "youth_exchange" not in inline_strings(themes)
    # the water project's amount (row 18) is a number, not a text, with the euro format
    assert re.search(rf'<c r="{letter[titles["amount_eur"]]}18" s="\d+"><v>300000</v></c>', actions)


def test_workbook_readme_shows_version_link_contact_and_every_code(fresh_release):
    version = read_json(fresh_release / "csv" / "datapackage.json")["version"]
    with zipfile.ZipFile(fresh_release / "xlsx" / "ivry-jumelages.xlsx") as book:
        readme = sheet_xml(book, 1)
        rels = book.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
        data_rels = [n for n in book.namelist() if re.fullmatch(r"xl/worksheets/_rels/sheet(?!1\.)\d+\.xml\.rels", n)]
    texts = inline_strings(readme)
    assert "Version" in texts and version in texts
    assert "Licence Ouverte / Open Licence 2.0" in texts
    assert "source/ivry-jumelages.txt" in " ".join(texts)
    # every column of every table, by its code, with its allowed values and labels
    for table in table_names():
        for field in table_schema(table)["fields"]:
            assert field["name"] in texts, field["name"]
    assert "abandoned : abandonnée" in " ".join(texts)
    # the page's address is a link the pipeline controls; no data sheet has any link
    targets = re.findall(r'Target="([^"]+)"', rels)
    assert targets == ["https://www.ivry94.fr/281/jumelages-et-cooperations.htm",
                       "https://www.etalab.gouv.fr/licence-ouverte-open-licence/", "https://www.ivry94.fr"]
    assert data_rels == []
    # every row holding wrapped text is as tall as its lines, so that none overlaps the next
    description = re.search(r'<row r="3" ht="([\d.]+)" customHeight="1">', readme)
    assert description and float(description.group(1)) >= 30


# --- Data dictionary ------------------------------------------------------------------------

def test_dictionary_gives_french_titles_codes_labels_version_and_contact(fresh_release):
    readme = (fresh_release / "README.md").read_text(encoding="utf-8")
    version = read_json(fresh_release / "csv" / "datapackage.json")["version"]
    for table in table_names():
        assert f"(`{table}`, " in readme
        for field in table_schema(table)["fields"]:
            assert f"| {field['title']} | `{field['name']}` |" in readme, (table, field["name"])
    assert "| Montant cité (euros) | `amount_eur` | entier | Le montant en euros que l'entrée cite" in readme
    assert "`abandoned` : abandonnée ; `postponed` : reportée" in readme
    assert f"- **Version** : {version} " in readme
    assert "- **Corrections** : pour signaler une erreur, écrire à Ville d'Ivry-sur-Seine (<https://www.ivry94.fr>)" in readme
    assert "`source/ivry-jumelages.txt` est le texte de la page" in readme
    assert "**Codes et libellés**" in readme and "`categories`" in readme
    assert readme.splitlines()[0] == "# Jumelages et coopérations décentralisées d'Ivry-sur-Seine"
    assert "65001 : Unicode (UTF-8)" in readme  # how to open the CSV without garbled accents


def test_no_code_in_the_dictionary_without_its_french_label(fresh_release):
    """Every row of a coded column: its example is "label (code)", and its French
    description names every label the codes it cites stand for."""
    readme = (fresh_release / "README.md").read_text(encoding="utf-8")
    rows = [line.split(" | ") for line in readme.splitlines() if line.startswith("| ") and " | `" in line]
    checked = 0
    for table in table_names():
        for field in table_schema(table)["fields"]:
            labels = {c["value"]: c["label"] for c in field.get("categories", ())}
            if not labels:
                continue
            description = field.get("description", "")
            assert not [c for c in labels if c in description and labels[c] not in description], field["name"]
            examples = {r[-1].strip(" |").replace("\\_", "_") for r in rows if r[1] == f"`{field['name']}`"}
            shown = {f"{label} ({code})" if label != code else code for code, label in labels.items()}
            assert examples & (shown | {""}), (field["name"], examples)
            checked += 1
    assert checked >= 8
    assert "| en cours (ongoing) |" in readme


def test_every_descriptor_lists_the_page_text_with_its_checksum(fresh_release):
    text = (fresh_release / "source" / "ivry-jumelages.txt").read_bytes()
    for fmt in ("csv", "parquet", "json"):
        sources = read_json(fresh_release / fmt / "datapackage.json")["sources"]
        assert sources[0]["path"] == "https://www.ivry94.fr/281/jumelages-et-cooperations.htm"
        page_text = sources[1]
        assert page_text["path"] == "../source/ivry-jumelages.txt"
        assert (fresh_release / fmt / page_text["path"]).resolve() == (fresh_release / "source" / "ivry-jumelages.txt").resolve()
        assert page_text["sha256"] == hashlib.sha256(text).hexdigest() and page_text["bytes"] == len(text)


def test_coordinates_cite_a_page_a_reader_can_open(fresh_release):
    partners = read_json(fresh_release / "json" / "partners.json")
    for partner in partners:
        source = partner["location_source"]
        assert "issue" not in source and re.search(r"https://\S+", source), partner["partner_id"]
    jerusalem = next(p for p in partners if p["partner_id"] == "jerusalem-est")
    assert (jerusalem["latitude"], jerusalem["longitude"]) == (31.78336, 35.23388)


# --- SQLite and Datasette -------------------------------------------------------------------

def test_sqlite_has_every_table_with_its_keys_labels_and_search(fresh_release):
    with sqlite3.connect(fresh_release / "sqlite" / "ivry-jumelages.db") as db:
        counts = {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in table_names()}
        keys = db.execute("PRAGMA foreign_key_list(action_people)").fetchall()
        water = db.execute("SELECT amount_eur, a.status, l.libelle, is_ongoing FROM actions a "
                           "JOIN libelles_actions_status l ON l.code = a.status "
                           "WHERE action_id = 'dianguirde-2016-2020'").fetchone()
        found = db.execute("SELECT a.action_id FROM actions_fts f JOIN actions a ON a.rowid = f.rowid "
                           "WHERE actions_fts MATCH 'cartographie' ORDER BY a.action_id").fetchall()
        accents = db.execute("SELECT count(*) FROM actions_fts WHERE actions_fts MATCH 'ecole'").fetchone()[0]
    assert counts["actions"] == 46 and counts["partners"] == 6 and counts["action_themes"] == 88
    assert {(k[2], k[3], k[4]) for k in keys} >= {("actions", "action_id", "action_id"),
                                                  ("people", "person_id", "person_id"),
                                                  ("libelles_action_people_role", "role", "code")}
    assert water == (300000, "abandoned", "abandonnée", 0)
    assert found == [("dianguirde-2016",)]
    assert accents >= 2  # "école" twice on the page, found without its accent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url):
    return json.load(urllib.request.urlopen(url, timeout=10))


@contextlib.contextmanager
def datasette_server(release):
    """A real Datasette serving ``release``'s database on 127.0.0.1, its address once it
    answers; stopped even when the test fails."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(release / "sqlite" / "ivry-jumelages.db"),
         "-m", str(release / "sqlite" / "metadata.json"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_datasette_serves_french_titles_facets_labels_and_search(fresh_release):
    with datasette_server(fresh_release) as root:
        base = f"{root}/ivry-jumelages"
        rows = get_json(f"{base}/actions.json?partner_id=dianguirde&_shape=array&_sort=source_line")
        table = get_json(f"{base}/actions.json?_extra=facet_results&_size=0")
        searched = get_json(f"{base}/actions.json?_search=" + urllib.parse.quote("forages")
                            + "&_shape=array")
        labelled = get_json(f"{base}/actions.json?action_id=dianguirde-2016-2020&_labels=on&_shape=array")
        themes = get_json(f"{base}/action_themes.json?_extra=facet_results&_size=0")
        metadata = get_json(f"{root}/-/metadata.json")
    assert len(rows) == 10
    water = next(r for r in rows if r["action_id"] == "dianguirde-2016-2020")
    assert (water["amount_eur"], water["status"]) == (300000, "abandoned")
    facets = table["facet_results"].get("results", table["facet_results"])  # Datasette 1.0 nests them
    assert {"partner_id", "status", "start_year"} <= set(facets)
    statuses = {f["value"]: f["count"] for f in facets["status"]["results"]}
    assert statuses["abandoned"] == 1 and statuses["ongoing"] == 4
    assert "theme" in themes["facet_results"].get("results", themes["facet_results"])
    assert {r["action_id"] for r in searched} >= {"dianguirde-2007-2009", "dianguirde-2020"}
    assert labelled[0]["status"] == {"value": "abandoned", "label": "abandonnée"}
    tables = metadata["databases"]["ivry-jumelages"]["tables"]
    assert tables["actions"]["title"] == "Actions"
    assert "<dt>amount_eur</dt><dd>Montant cité (euros). Le montant en euros" in tables["actions"]["description_html"]
    assert metadata["license"] == "Licence Ouverte / Open Licence 2.0"


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
    assert field.metadata[b"title"].decode() == "Montant cité (euros)"


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


def dump_dom(browser, url, tmp_path, *flags):
    done = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                           *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    return done.stdout


# What the test measures in the page as laid out (not part of the page, which needs no
# script): widths, the rendered size of every visible text of the figures, the markers'
# boxes and the timeline's bars.
MEASURE = r"""<script>
(function () {
  const root = document.documentElement, out = {width: root.clientWidth, scroll: root.scrollWidth};
  out.fonts = [...document.querySelectorAll('svg text')].filter(t => getComputedStyle(t).display !== 'none')
    .map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a]);
  const map = document.querySelector('#map').getBoundingClientRect();
  out.map = [map.left, map.top, map.right, map.bottom];
  out.markers = Object.fromEntries([...document.querySelectorAll('#map .marker')].map(g => {
    const r = g.querySelector('a circle').getBoundingClientRect();
    return [g.dataset.partner, [r.left, r.top, r.right, r.bottom]];
  }));
  out.town = document.querySelectorAll('#map .town').length;
  out.bars = Object.fromEntries([...document.querySelectorAll('.action[data-dated] .bar')].map(b => {
    const r = b.getBoundingClientRect(), t = b.parentElement.getBoundingClientRect();
    return [b.closest('.action').dataset.action, [r.width, r.left - t.left, t.right - r.right]];
  }));
  out.height = root.scrollHeight;
  // a table is shown when its details element is taller than its summary
  out.folded = [...document.querySelectorAll('.dictionary details')].map(d =>
    d.getBoundingClientRect().height > d.querySelector('summary').getBoundingClientRect().height + 40);
  const figures = document.querySelector('#figures').getBoundingClientRect();
  out.figures = [figures.top, figures.bottom];
  // the dictionary, every table unfolded: each header as wide as its title on one line,
  // and no word of a cell broken across lines (a line may end after a hyphen or a slash)
  document.querySelectorAll('.dictionary details').forEach(d => { d.open = true; });
  out.narrow = []; out.broken = []; out.overflow = [];
  for (const table of document.querySelectorAll('.dictionary table')) {
    const box = table.parentElement.getBoundingClientRect();
    if (table.getBoundingClientRect().width > box.width + 0.5) out.overflow.push(table.closest('details').id);
    for (const th of table.querySelectorAll('thead th')) {
      if (getComputedStyle(table.querySelector('thead')).position === 'absolute') break;
      const range = document.createRange(); range.selectNodeContents(th);
      const title = range.getBoundingClientRect(), cell = th.getBoundingClientRect();
      if (title.width > cell.width + 0.5 || range.getClientRects().length > 1) out.narrow.push(th.textContent);
    }
    const walker = document.createTreeWalker(table.querySelector('tbody'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\s\-\/]+[\-\/]?/g)) {
        const range = document.createRange();
        range.setStart(node, match.index); range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) out.broken.push(match[0]);
      }
    }
  }
  document.body.setAttribute('data-measure', JSON.stringify(out));
})();
</script>"""


def measure(browser, release, width, tmp_path):
    """The page laid out ``width`` CSS pixels wide (in a frame of that width: headless
    Chromium does not make windows narrower than 500 px), measured."""
    page = (release / "index.html").read_text(encoding="utf-8")
    (tmp_path / "measured.html").write_text(page.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    (tmp_path / "frame.html").write_text(
        f'<!DOCTYPE html><body style="margin:0"><iframe src="measured.html" style="width:{width}px;'
        'height:900px;border:0" onload="document.body.setAttribute(\'data-measure\', '
        'this.contentDocument.body.getAttribute(\'data-measure\'))"></iframe></body>', encoding="utf-8")
    dom = dump_dom(browser, (tmp_path / "frame.html").as_uri(), tmp_path, "--allow-file-access-from-files",
                   "--window-size=1400,1000")
    found = re.search(r'<body[^>]*data-measure="([^"]*)"', dom)
    assert found, dom[:500]
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.parametrize("width", [1280, 390])
def test_the_page_fits_and_shows_every_partner_and_dated_action(browser, fresh_release, tmp_path, width):
    seen = measure(browser, fresh_release, width, tmp_path)
    assert seen["width"] <= width and seen["scroll"] <= seen["width"]  # no sideways scrolling
    smallest = min(size for _, size in seen["fonts"])
    assert smallest >= 11, sorted(seen["fonts"], key=lambda f: f[1])[:3]
    partners = read_json(fresh_release / "json" / "partners.json")
    assert sorted(seen["markers"]) == sorted(p["partner_id"] for p in partners)
    left, top, right, bottom = seen["map"]
    for box in seen["markers"].values():
        assert left <= box[0] and box[2] <= right and top <= box[1] and box[3] <= bottom
    assert seen["town"] == 1
    jifna, jerusalem = seen["markers"]["jifna-et-jalazone"], seen["markers"]["jerusalem-est"]
    assert jifna[3] <= jerusalem[1] or jerusalem[3] <= jifna[1]  # both visible, one above the other
    dated = [a["action_id"] for a in read_json(fresh_release / "json" / "actions.json") if a["period"]]
    assert sorted(seen["bars"]) == sorted(dated) and len(dated) == 45
    for action, (bar_width, from_left, to_right) in seen["bars"].items():
        assert bar_width >= 2 and from_left >= -0.5 and to_right >= -0.5, action


@pytest.mark.parametrize("width", [1280, 390])
def test_the_dictionary_reads_at_both_widths(browser, fresh_release, tmp_path, width):
    """No word broken inside (the "Co/lo/nn/e" of ``overflow-wrap: anywhere``), no column
    narrower than its title, no table wider than the page; on a phone the tables are
    folded (``<details>``), each row a list of "title: value", and the page is short."""
    seen = measure(browser, fresh_release, width, tmp_path)
    assert seen["broken"] == []
    assert seen["narrow"] == []
    assert seen["overflow"] == []
    tables = len(table_names())
    if width == 390:
        assert seen["folded"] == [False] * tables  # folded until a reader opens one: no table shown
        # short: the issue's page was 49,000 px; 30,161 px since the archives' downloads
        assert seen["height"] < 31_000, seen["height"]
    else:
        assert seen["folded"] == [True] * tables  # shown on a desk
        assert seen["figures"][1] <= 900  # the first screen shows the figures


def test_the_first_screen_gives_the_figures_that_matter_in_french(fresh_release):
    document = lxml_html.fromstring((fresh_release / "index.html").read_text(encoding="utf-8"))
    figures = [" ".join(li.text_content().split()) for li in document.xpath("//ul[@id='figures']/li")]
    assert figures == ["6 partenaires", "46 actions", "1999–2026 années couvertes par les actions datées"]
    assert not document.xpath("//*[@id='counts']")  # no tile per table any more
    assert "45 actions datées" in document.xpath("string(//h2[@id='actions']/following-sibling::p[1])")
    assert "(<code>partner_organisations</code>, 1 ligne)" in (fresh_release / "index.html").read_text(encoding="utf-8")


def test_french_plurals_of_the_first_screen():
    from pipeline.dictionary import About, quantity
    from pipeline.emit import Contents
    from pipeline.emit.pages import figures
    assert [quantity(n, "partenaire", "partenaires") for n in (0, 1, 2)] == ["0 partenaire", "1 partenaire", "2 partenaires"]
    about = About("t", "d", "l", "u", "s", None, "2026-11-25T10:00:00+00:00", "0" * 64, "p")
    one = {"partners": [{"partner_id": "a"}], "actions": [
        {"start_year": 2012, "end_year": None, "is_ongoing": False}]}
    assert [(f.value, f.label) for f in figures(Contents(one, [], about, "1.0.0", ""))] == [
        ("1", "partenaire"), ("1", "action"), ("2012", "année couverte par les actions datées")]
    none = {"partners": [], "actions": []}
    assert [(f.value, f.label) for f in figures(Contents(none, [], about, "1.0.0", ""))] == [
        ("0", "partenaire"), ("0", "action")]
    ongoing = {"partners": [{}], "actions": [{"start_year": 2016, "end_year": None, "is_ongoing": True}]}
    assert figures(Contents(ongoing, [], about, "1.0.0", ""))[2].value == "2016–2026"  # to the snapshot


def test_the_timeline_is_in_date_order(fresh_release):
    document = lxml_html.fromstring((fresh_release / "index.html").read_text(encoding="utf-8"))
    actions = {a["action_id"]: a for a in read_json(fresh_release / "json" / "actions.json")}
    for section in document.xpath("//section[@data-partner]"):
        ids = section.xpath(".//li[@data-action]/@data-action")
        dated = [i for i in ids if actions[i]["start_date"]]
        assert ids[:len(dated)] == dated  # the undated ones last
        starts = [(actions[i]["start_date"], actions[i]["end_date"] or "9999") for i in dated]
        assert starts == sorted(starts), section.get("data-partner")
    dianguirde = document.xpath("//section[@data-partner='dianguirde']//li[@data-action]/@data-action")
    # the page writes 2010-2012 (line 44) above 2010-2011 (line 46): the timeline puts the shorter first
    assert dianguirde.index("dianguirde-2010-2011") < dianguirde.index("dianguirde-2010-2012")


def test_positions_are_links_in_one_coordinate_format(fresh_release):
    document = lxml_html.fromstring((fresh_release / "index.html").read_text(encoding="utf-8"))
    positions = document.xpath("//span[@class='position']")
    assert len(positions) == 6
    for position in positions:
        text = re.sub(r"[ \t\n]+", " ", position.text_content()).strip()  # no-break spaces kept
        assert re.match(r"Position sur la carte : \d+(,\d+)?°\u00a0[NS], \d+(,\d+)?°\u00a0[EO], d'après ", text), text
        (link,) = position.xpath("a/@href")
        assert link.startswith("https://")
    dianguirde = document.xpath("string(//section[@data-partner='dianguirde']//span[@class='position'])")
    assert "14,4931°\u00a0N, 9,0156°\u00a0O" in dianguirde and "%C3" not in dianguirde
    assert document.xpath("//section[@data-partner='dianguirde']//span[@class='position']/a/@href") == [
        "https://fi.wikipedia.org/wiki/Dianguird%C3%A9"]


def test_the_page_links_every_row_to_its_line_and_lists_downloads(browser, fresh_release, tmp_path):
    document = lxml_html.fromstring(dump_dom(browser, (fresh_release / "index.html").as_uri(), tmp_path))
    text = (fresh_release / "source" / "ivry-jumelages.txt").read_text(encoding="utf-8").split("\n")
    text = text[:-1] if text[-1] == "" else text
    lines = document.xpath("//div[@id='source']/p[@class='line']")
    assert len(lines) == len(text) == 134 and lines[51].get("id") == "L52"
    assert lines[51].xpath("string(span)") == text[51]
    for action in read_json(fresh_release / "json" / "actions.json"):
        row = document.xpath(f"//li[@data-action='{action['action_id']}']")[0]
        assert f"#L{action['source_line']}" in row.xpath(".//a/@href")
    for partner in read_json(fresh_release / "json" / "partners.json"):
        section = document.xpath(f"//section[@data-partner='{partner['partner_id']}']")[0]
        assert f"#L{partner['source_line']}" in section.xpath(".//p[@class='facts-line']/a/@href")
    # "Depuis" bars are green and reach the snapshot's date: the right end of the scale
    ongoing = document.xpath("//span[contains(@class, 'bar ongoing')]/@style")
    assert len(ongoing) == 4
    assert all(abs(sum(float(x) for x in re.findall(r"[\d.]+(?=%)", s)) - 100) < 0.05 for s in ongoing)
    assert not document.xpath("//svg//title")  # no tooltip repeating a label
    # downloads: the workbook first, then CSV, Parquet, JSON, the page text, the archives and the dictionary
    links = document.xpath("//table[@id='downloads']//a/@href")
    groups = document.xpath("//table[@id='downloads']/tbody/@data-group")
    assert links[0] == "xlsx/ivry-jumelages.xlsx" and all(not link.startswith("http") for link in links)
    assert groups == ["xlsx", "csv", "parquet", "json", "sqlite", "source", "zip", ""]
    assert links.index("source/ivry-jumelages.txt") < links.index("README.md")
    sizes = document.xpath("//table[@id='downloads']//td[@class='size']/text()")
    assert len(sizes) == len(links) and all(re.fullmatch(r"[\d,]+ (o|ko|Mo)", s) for s in sizes)
    descriptors = document.xpath("//tr[@class='descriptor']/td[2]/strong/text()")
    assert descriptors == ["Descripteur"] * 3
    version = read_json(fresh_release / "csv" / "datapackage.json")["version"]
    assert document.xpath("string(//dd[@id='version'])").startswith(version)


def test_the_page_needs_no_network_and_no_script(fresh_release):
    text = (fresh_release / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'src="https?://', text)  # nothing loaded from the network
    # the only addresses elsewhere are links a reader may follow: the town's, the licence,
    # and the pages the partners' positions come from
    document = lxml_html.fromstring(text)
    outside = {h for h in document.xpath("//a/@href") if h.startswith("http")}
    positions = set(document.xpath("//span[@class='position']/a/@href"))
    assert {re.match(r"https?://[^/]+", h).group(0) for h in outside - positions} == {
        "https://www.ivry94.fr", "https://www.etalab.gouv.fr"}
    assert not document.xpath("//link[@href] | //*[@src]")
    assert "<script" not in text and "<link rel=\"stylesheet\"" not in text
    assert "Natural Earth" in text and text.count('class="outline"') > 20  # country outlines


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
    assert "aucun changement depuis la publication" in " ".join(out.split()) and "mis de côté : 3" in " ".join(out.split())
