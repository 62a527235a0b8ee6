"""The workbook as a view for people, opened by LibreOffice (converted headless, each sheet
to a CSV of the cells as shown): the actions sheet leads with the partner's name, the date
label, the period, the text, the status, the amount in euros and its kind, then themes,
programmes, organisations and people by name; ids come last; every link sheet shows names
beside ids; every sheet prints landscape, one page wide, its header row repeated."""

import csv
import os
import re
import shutil
import subprocess
import zipfile

import pytest

from pipeline.dictionary import Table
from pipeline.emit.xlsx import sheet_names
from pipeline.schemas import table_names, table_schema

LIBREOFFICE_HINT = ("no LibreOffice here: `apt-get install libreoffice-calc` (.ci/run installs it) "
                    "to open the workbook as its readers do")
LEAD = ["Partenaire", "Libellé de date", "Date de début", "Date de fin", "Texte", "Statut"]


def sheet_of() -> dict[str, str]:
    """Each table's sheet name, and the read-me's."""
    names = sheet_names([Table(n, table_schema(n)["title"], "", 0, []) for n in table_names()])
    return {"": names[0], **dict(zip(table_names(), names[1:], strict=True))}


def title(table, field):
    return next(f["title"] for f in table_schema(table)["fields"] if f["name"] == field)


@pytest.fixture(scope="module")
def shown(fresh_release, tmp_path_factory):
    """Each sheet as LibreOffice shows it: {sheet name: rows of displayed text}."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.fail(LIBREOFFICE_HINT)
    out = tmp_path_factory.mktemp("libreoffice")
    # 44 comma, 34 quote, 76 UTF-8, 1 first line; "true" 9th: cells as shown (formatted);
    # -1 last: every sheet to its own file (LibreOffice 7.2 and later)
    done = subprocess.run(
        [office, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
         "--outdir", str(out), str(fresh_release / "xlsx" / "ivry-jumelages.xlsx")],
        capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(out)})
    assert done.returncode == 0, done.stderr[-500:]
    sheets = {}
    for path in out.glob("ivry-jumelages-*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            sheets[path.stem.removeprefix("ivry-jumelages-")] = list(csv.reader(handle))
    return sheets


def by_title(rows):
    return [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]


def test_libreoffice_opens_every_sheet(shown):
    assert set(shown) == set(sheet_of().values())
    assert {"Lisez-moi", "Actions", "Partenaires", "Thèmes des actions", "Libellés des codes"} <= set(shown)
    assert len(shown["Actions"]) == 47  # a header and 46 actions


def test_the_actions_sheet_leads_with_what_a_reader_looks_for(shown):
    header = shown["Actions"][0]
    assert header[:12] == [*LEAD, title("actions", "amount_eur"), title("actions", "amount_kind"),
                           "Thèmes", "Programmes", "Organisations", "Personnes"]
    assert header[-2:] == ["Identifiant de l'action", "Partenaire (identifiant)"]
    first = shown["Actions"][1]
    assert first[:4] == ["Brandebourg-sur-la-Havel", "2003-2014", "2003-01-01", "2014-12-31"]
    assert first[4].startswith("2003-2014 : accueil à Ivry-sur-Seine")
    rows = {r["Identifiant de l'action"]: r for r in by_title(shown["Actions"])}
    water = rows["dianguirde-2016-2020"]
    assert water["Partenaire"] == "Dianguirdé" and water["Statut"] == "abandonnée"
    assert water[title("actions", "amount_kind")] == "coût estimé"
    youth = [r for r in rows.values() if "échanges de jeunes" in r["Thèmes"]]
    assert len(youth) >= 5 and all(r["Partenaire"] for r in youth)


def test_amounts_are_shown_in_euros(shown):
    column = title("actions", "amount_eur")
    amounts = [r[column] for r in by_title(shown["Actions"]) if r[column]]
    assert len(amounts) == 2
    # as the reader's locale groups thousands (300,000 € or 300 000 €), with the euro sign
    assert all(re.fullmatch(r"\d{2,3}[ ,.\u00a0\u202f]000 €", a) for a in amounts), amounts
    assert {re.sub(r"\D", "", a) for a in amounts} == {"300000", "10000"}


def test_every_link_sheet_shows_names_beside_ids(shown):
    titles = sheet_of()
    checked = 0
    for table in table_names():
        references = [k for k in table_schema(table).get("foreignKeys", []) if k["reference"]["resource"] != "labels"]
        if len(table_schema(table)["primaryKey"]) < 2:
            continue
        rows = shown[titles[table]]
        header = rows[0]
        for key in references:
            field = key["fields"][0]
            name_title = title(table, field)
            assert name_title in header and f"{name_title} (identifiant)" in header, (table, header)
            assert header.index(name_title) < header.index(f"{name_title} (identifiant)")
            for row in by_title(rows):
                assert row[name_title] and row[name_title] != row[f"{name_title} (identifiant)"], (table, row)
        checked += 1
    assert checked == 8  # every link table, the empty ones included
    people = by_title(shown["Actions et personnes"])
    assert {"Action": people[0]["Action"][:30], "Personne": people[0]["Personne"], "Rôle": people[0]["Rôle"]} == {
        "Action": "Brandebourg-sur-la-Havel, Mai ", "Personne": "Philippe Bouyssou", "Rôle": "chef·fe de délégation"}


def test_every_sheet_prints_landscape_one_page_wide_with_its_header(fresh_release):
    with zipfile.ZipFile(fresh_release / "xlsx" / "ivry-jumelages.xlsx") as book:
        workbook = book.read("xl/workbook.xml").decode()
        sheets = [book.read(f"xl/worksheets/sheet{n}.xml").decode() for n in range(2, 2 + len(table_names()))]
    for xml in sheets:
        assert '<pageSetUpPr fitToPage="1"/>' in xml
        assert re.search(r'<pageSetup [^>]*orientation="landscape"', xml) and 'fitToHeight="0"' in xml
    titles = re.findall(r'<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]+)<', workbook)
    assert len(titles) == len(table_names()) and all(t.endswith("!$1:$1") for _, t in titles)


def test_the_readme_describes_the_added_columns(shown):
    text = "\n".join(",".join(row) for row in shown["Lisez-moi"])
    assert "partenaire, date, période, texte, statut, montant et sa nature" in text
    assert "Ajoutée au classeur" in text and "action_themes.theme" in text
