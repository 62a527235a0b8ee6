"""Content injection: page text is untrusted wherever it lands. Each attack is a row: the
value, the cell of the tables it is put in, and what must hold in every view: no script
runs in index.html (checked in headless Chromium), no formula or link comes out of the
workbook, no raw HTML or Markdown reaches the data dictionary (the portals' description)
or the change log, no control character reaches the terminal."""

import copy
import hashlib
import html
import re
import subprocess
import zipfile

import pytest
from lxml import html as lxml_html

from pipeline.changes import render_diff, render_entry
from pipeline.cli import main
from pipeline.dictionary import about, tables_of
from pipeline.emit import Contents, write_packages, write_views
from pipeline.emit import json as json_format
from pipeline.emit.xlsx import CELL_LIMIT, utf16_length
from pipeline.layout import Layout
from pipeline.schemas import table_names, table_schema
from pipeline.sources import Snapshot

from .conftest import SNAPSHOT
from .test_views import CHROMIUM_FLAGS, inline_strings
from .test_views import browser as _browser

browser = _browser  # the fixture of the browser tests, shared

PAGE_URL = "https://www.ivry94.fr/281/jumelages-et-cooperations.htm"
LONG_URL = "https://example.org/" + "a" * 3000
SCRIPT = '<script>document.title="pwned"</script>'

# (table, row, column, value): the attacks, each in its own cell
ATTACKS = [
    ("partners", 0, "name", f"{SCRIPT}Brandebourg"),
    ("partners", 1, "name", '"><img src=x onerror="document.documentElement.dataset.pwned=1">'),
    ("partners", 0, "heading", "[clic](javascript:alert(1)) **gras** <b>HTML</b>"),
    ("partners", 2, "location_source", '<a href="javascript:document.title=1">source</a>'),
    ("partners", 0, "description", "https://evil.example/x www.evil.ex ~~b~~ a@evil.ex"),
    ("actions", 0, "text", '2003-2014 : <img src=x onerror=document.documentElement.setAttribute("data-pwned","2")>'),
    ("actions", 1, "date_label", f"</a>{SCRIPT}"),
    ("organisations", 0, "name", '=HYPERLINK("http://evil.example/","cliquez")'),
    ("organisations", 1, "name", "+1+cmd|' /C calc'!A0"),
    ("organisations", 2, "name", "-2+3"),
    ("organisations", 3, "name", "@SUM(1,2)"),
    ("people", 0, "name", "external:\\\\host\\share\\x.exe"),
    ("programmes", 0, "name", LONG_URL),
    ("actions", 2, "text", "Juin 2012 : " + "x" * 40_000),
]
HOSTILE_LINE = f"{SCRIPT}<img src=x onerror=alert(1)>"


def _tables(release):
    """The release's records, typed as a run holds them (dates as dates)."""
    return {t: json_format.read(release / "json" / f"{t}.json", table_schema(t)) for t in table_names()}


@pytest.fixture(scope="module")
def hostile(fresh_release, tmp_path_factory):
    """A release whose tables and page text carry every attack, written by the views."""
    data = copy.deepcopy(_tables(fresh_release))
    for table, row, column, value in ATTACKS:
        data[table][row][column] = value
    text = SNAPSHOT.read_text(encoding="utf-8") + "\n" + HOSTILE_LINE + "\n"
    root = tmp_path_factory.mktemp("hostile")
    layout = Layout(root)
    info = about(Snapshot(SNAPSHOT, hashlib.sha256(text.encode()).hexdigest(), PAGE_URL, "2026-11-25T10:00:00+00:00"), text)
    write_packages(layout, data, info, "9.9.9")
    warnings = write_views(layout, Contents(data, tables_of(data), info, "9.9.9", text))
    return root, warnings


@pytest.mark.parametrize("table, row, column, value", ATTACKS,
                         ids=[f"{t}.{c}[{r}]" for t, r, c, _ in ATTACKS])
def test_the_page_shows_the_text_and_runs_nothing(hostile, table, row, column, value):
    root, _ = hostile
    page = (root / "index.html").read_text(encoding="utf-8")
    document = lxml_html.fromstring(page)
    assert not document.xpath("//script") and not document.xpath("//img")
    assert not document.xpath("//a[starts-with(@href, 'javascript:')]")
    if (table, column) in {("partners", "name"), ("partners", "location_source"), ("actions", "date_label")}:
        assert value in document.text_content()  # shown as the text it is


def test_in_a_real_browser_no_script_of_the_page_runs(hostile, browser, tmp_path):
    root, _ = hostile
    done = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                           "--dump-dom", (root / "index.html").as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    document = lxml_html.fromstring(done.stdout)
    assert document.xpath("string(//title)") == "Jumelages et coopérations décentralisées d'Ivry-sur-Seine"
    assert document.get("data-pwned") is None and 'data-pwned="' not in done.stdout
    assert HOSTILE_LINE in document.xpath("string(//div[@id='source'])")


@pytest.mark.parametrize("table, row, column, value", ATTACKS,
                         ids=[f"{t}.{c}[{r}]" for t, r, c, _ in ATTACKS])
def test_the_workbook_holds_text_never_a_formula_or_a_link(hostile, table, row, column, value):
    root, _ = hostile
    with zipfile.ZipFile(root / "xlsx" / "ivry-jumelages.xlsx") as book:
        names = book.namelist()
        sheets = {n: book.read(n).decode() for n in names if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)}
        rels = [book.read(n).decode() for n in names if n.startswith("xl/worksheets/_rels/")]
    number = 2 + table_names().index(table)
    sheet = sheets[f"xl/worksheets/sheet{number}.xml"]
    assert not any("<f>" in xml or "<f " in xml for xml in sheets.values())
    assert all("<hyperlink" not in xml for n, xml in sheets.items() if n != "xl/worksheets/sheet1.xml")
    assert len(rels) == 1  # the read-me sheet's, and only its links to the pipeline's own addresses
    assert set(re.findall(r'Target="([^"]+)"', rels[0])) == {
        PAGE_URL, "https://www.etalab.gouv.fr/licence-ouverte-open-licence/", "https://www.ivry94.fr"}
    cells = inline_strings(sheet)
    if utf16_length(value) <= CELL_LIMIT:
        assert value in cells  # the whole value, as a text cell
    else:
        cut = next(c for c in cells if c.startswith("Juin 2012 : xxx"))
        assert utf16_length(cut) <= CELL_LIMIT and "texte coupé : 40 012 caractères" in cut


def test_a_text_longer_than_a_cell_is_reported(hostile):
    _, warnings = hostile
    assert len(warnings) == 1
    assert "actions.text: 40,012 characters, more than a spreadsheet cell holds (32,767)" in warnings[0]["message"]


def test_a_text_longer_than_a_cell_is_reported_when_the_writer_process_writes_the_workbook(
        fresh_release, tmp_path):
    """A small page's workbook is written by the run's writer process (``write_views``
    given ``workbook``): the cell cut is reported all the same, through the task's result,
    and the workbook is the file the run's own process writes."""
    from pipeline.emit import xlsx
    from pipeline.workers import Pool

    data = copy.deepcopy(_tables(fresh_release))
    for table, row, column, value in ATTACKS:
        data[table][row][column] = value
    text = SNAPSHOT.read_text(encoding="utf-8")
    info = about(Snapshot(SNAPSHOT, hashlib.sha256(text.encode()).hexdigest(), PAGE_URL, None), text)
    books, found = [], []
    for folder, workers in (("writer", 1), ("here", 0)):
        layout = Layout(tmp_path / folder)
        write_packages(layout, data, info, "9.9.9")
        workbook: list = []
        with Pool(workers) as writer:
            warnings = write_views(layout, Contents(data, tables_of(data), info, "9.9.9", text), views=(xlsx,),
                                   writer=writer, zipping=[], workbook=workbook)
            if workers:
                assert warnings == [] and len(workbook) == 1  # its warnings come with the task
                warnings = workbook[0].result()
        found.append(warnings)
        books.append(next((tmp_path / folder / "xlsx").glob("*.xlsx")).read_bytes())
    assert found[0] == found[1] and len(found[0]) == 1
    assert "actions.text: 40,012 characters, more than a spreadsheet cell holds" in found[0][0]["message"]
    assert books[0] == books[1]


def test_the_dictionary_lets_no_html_or_markdown_through(hostile):
    root, _ = hostile
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "<script" not in readme and "<img" not in readme and "<b>" not in readme
    assert "&lt;script&gt;document.title=\"pwned\"&lt;/script&gt;Brandebourg" in readme
    assert "\\[clic\\](javascript:alert(1)) \\*\\*gras\\*\\* &lt;b&gt;HTML&lt;/b&gt;" in readme


def test_no_link_or_strike_comes_out_of_the_dictionary_in_a_gfm_renderer(hostile):
    """GitHub makes links of bare addresses and strikes of "~~": rendered as GitHub would
    (markdown-it's GFM preset with linkify), the page's words give neither."""
    from markdown_it import MarkdownIt

    readme = (hostile[0] / "README.md").read_text(encoding="utf-8")
    assert "evil.example/x" in readme  # the attack is there, as text
    rendered = MarkdownIt("gfm-like").render(readme)
    document = lxml_html.fromstring(rendered)
    hrefs = document.xpath("//a/@href")
    assert hrefs and not [h for h in hrefs if "evil" in h]
    assert not document.xpath("//s | //del")
    assert "https://evil.example/x www.evil.ex ~~b~~ a@evil.ex" in document.text_content()


def test_csv_keeps_the_values_as_they_are(hostile):
    """No "'" before "=", "+", "-" or "@" (the README says why): the CSV is for machines."""
    text = (hostile[0] / "csv" / "organisations.csv").read_text(encoding="utf-8")
    assert '"=HYPERLINK(""http://evil.example/"",""cliquez"")"' in text
    assert "\n" + "-2+3," in text or ",-2+3," in text


def test_the_change_log_and_diff_escape_record_names():
    changes = {"schema": [], "files": [], "tables": {"partners": {
        "added": ["x"], "removed": [], "changed": {}, "moved": 0,
        "names": {"x": f"{SCRIPT} [clic](javascript:x)\x1b[2J\x1b]0;titre\x07"}}}}
    log = render_entry({"version": "1.1.0", "level": "minor", "date": "2026-11-25",
                        "source_sha256": "0" * 64, "rows": {"partners": 7}, "changes": changes})
    assert "<script" not in log and "\\[clic\\](javascript:x)" in log
    printed = render_diff("1.0.0", "1.1.0", "minor", changes)
    assert "\x1b" not in printed and "\x07" not in printed and "\\x1b[2J" in printed


def test_a_hostile_page_through_a_whole_run(tmp_path, browser):
    text = SNAPSHOT.read_text(encoding="utf-8").replace(
        "Retour en haut de page",
        f"2024 : accueil {SCRIPT} d'une délégation.\n\n=HYPERLINK(\"http://evil.example/\",\"x\")\n\n"
        "Retour en haut de page")
    page = tmp_path / "hostile.txt"
    page.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--source", str(page), "--output", str(out), "--first-release"]) == 0
    with zipfile.ZipFile(out / "xlsx" / "ivry-jumelages.xlsx") as book:
        xml = "".join(book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/sheet"))
    assert "<f>" not in xml and "=HYPERLINK" in html.unescape(xml)
    assert "<script" not in (out / "README.md").read_text(encoding="utf-8")
    done = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                           "--dump-dom", (out / "index.html").as_uri()], capture_output=True, text=True, timeout=120)
    document = lxml_html.fromstring(done.stdout)
    assert document.xpath("string(//title)") == "Jumelages et coopérations décentralisées d'Ivry-sur-Seine"
    assert SCRIPT in document.text_content() and not document.xpath("//script")
