"""A town is one file: three invented towns (tests/towns/), each configured by its file and
nothing else, run end to end; two towns in one process; a bad file is one line; nothing
town-specific outside the file; the README's table of keys is the schema's."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import config, keys_table, load, town_keys
from pipeline.errors import InputError
from pipeline.run import run

from .conftest import ROOT

TOWNS = Path(__file__).parent / "towns"


def _copy(tmp_path: Path, name: str) -> Path:
    """The town's folder copied where its release may be written; its file's path."""
    shutil.copytree(TOWNS / name, tmp_path / name)
    return tmp_path / name / "town.toml"


def _rows(release: Path, table: str) -> list[dict[str, str]]:
    with (release / "csv" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _descriptor(release: Path) -> dict:
    return json.loads((release / "csv" / "datapackage.json").read_text(encoding="utf-8"))


def test_a_town_with_one_page_for_all_its_partners(tmp_path, capsys):
    town = _copy(tmp_path, "villebourg")
    assert main(["run", "--town", str(town)]) == 0
    release = town.parent / "release"  # release.folder, relative to the file
    assert "publication 1.0.0 (première publication)" in capsys.readouterr().out
    assert [(p["partner_id"], p["name"], p["country_code"], p["source_line"]) for p in _rows(release, "partners")] == [
        ("kessingen", "Kessingen", "DE", "8"), ("dori", "Dori", "BF", "16")]
    assert [(a["action_id"], a["period"], a["direction"], a["participants"]) for a in _rows(release, "actions")] == [
        ("kessingen-1998-2004", "1998/2004", "neither", ""),
        # "accueil à Villebourg-sur-Loire": the town's name, from its file
        ("kessingen-mai-2015", "2015-05", "visit_from_partner", "12"),
        ("dori-2009-2011", "2009/2011", "neither", ""),
        # "délégation villebourgeoise à Dori": the town's demonym, from its file
        ("dori-2019", "2019", "trip_to_partner", "")]
    descriptor = _descriptor(release)
    assert descriptor["name"] == "villebourg-jumelages"
    assert descriptor["title"] == "Jumelages de Villebourg-sur-Loire"
    assert descriptor["description"] == ("Les partenaires de Villebourg-sur-Loire (code INSEE 45999) et les "
                                         "actions menées avec chacun.")
    assert descriptor["keywords"] == ["jumelage", "coopération décentralisée", "solidarité internationale",
                                      "Villebourg-sur-Loire", "Loiret"]
    assert descriptor["licenses"] == [{"name": "ODbL-1.0", "title": "Open Database License 1.0",
                                       "path": "https://opendatacommons.org/licenses/odbl/1-0/"}]
    assert descriptor["spatial"] == {"name": "Villebourg-sur-Loire", "insee": "45999", "zone": "fr:commune:45999"}
    # the snapshot the file names, cited by the address the file gives it
    assert descriptor["sources"][0]["title"] == "Ville de Villebourg-sur-Loire, page « Jumelages »"
    assert descriptor["sources"][0]["path"] == "https://www.villebourg.example/jumelages"
    assert (release / "xlsx" / "villebourg-jumelages.xlsx").is_file()
    assert (release / "source" / "villebourg-jumelages.txt").is_file()
    assert "international@villebourg.example" in (release / "README.md").read_text(encoding="utf-8")
    everything = "".join(p.read_text(encoding="utf-8", errors="replace") for p in release.rglob("*")
                         if p.is_file() and p.suffix in {".json", ".csv", ".md", ".html", ".txt"})
    assert "Ivry" not in everything and "94041" not in everything


def test_a_town_with_one_page_per_partner(tmp_path):
    town = _copy(tmp_path, "montferrand")
    assert main(["run", "--town", str(town)]) == 0
    release = town.parent / "publication"
    assert [(p["partner_id"], p["name"], p["country_name"], p["source_line"])
            for p in _rows(release, "partners")] == [
        ("alcala-del-rio", "Alcalá del Río", "Espagne", "4"), ("koudougou", "Koudougou", "Burkina Faso", "14")]
    actions = _rows(release, "actions")
    assert [(a["action_id"], a["period"], a["direction"], a["participants"]) for a in actions] == [
        ("alcala-del-rio-2001-2003", "2001/2003", "neither", ""),
        ("alcala-del-rio-juin-2016", "2016-06", "visit_from_partner", "25"),
        # the tie's start, told in the description with the town's name, is an event too
        # (as the real pages' golds count "Cet engagement de Trébeurden … est né en 1989")
        ("koudougou-en-1995", "1995", "neither", ""),
        ("koudougou-2004-2006", "2004/2006", "neither", ""),  # from the HTML page
        ("koudougou-printemps-2017", "2017-21", "trip_to_partner", "")]
    # every source_line is checkable in the release's text, under its page's header line
    text = (release / "source" / "montferrand.txt").read_text(encoding="utf-8").split("\n")
    for action in actions:
        assert text[int(action["source_line"]) - 1] == action["text"]
        header = next(line for line in reversed(text[:int(action["source_line"])]) if line.startswith("=== "))
        page = "jumelage-alcala" if action["partner_id"] == "alcala-del-rio" else "cooperation-koudougou"
        assert header.endswith(f"https://www.montferrand.example/{page} ===")
    # each page is a source of the packages, then the text that source_line numbers
    sources = _descriptor(release)["sources"]
    assert [(s["title"], s.get("path")) for s in sources] == [
        ("Mairie de Montferrand-les-Pins, pages des partenariats (page 1)",
         "https://www.montferrand.example/jumelage-alcala"),
        ("Mairie de Montferrand-les-Pins, pages des partenariats (page 2)",
         "https://www.montferrand.example/cooperation-koudougou"),
        ("Texte de la page (instantané) : les colonnes source_line en donnent les numéros de ligne",
         "../source/montferrand.txt")]
    manifest = json.loads((town.parent / "raw" / "manifest.json").read_text(encoding="utf-8"))
    assert [s["sha256"] for s in sources[:2]] == [e["sha256"] for e in manifest["snapshots"]]


def _one_page_town(folder: Path, name: str, short: str, insee: str, page: str, source: str,
                   more: str = "") -> Path:
    """A town of one page written in the test: the page (``pages/page.txt``) and the town
    file naming it (``source``: the ``[[sources]]`` keys after its snapshot; ``more``: other
    tables), its release in ``out/``; the file's path."""
    (folder / "pages").mkdir(parents=True)
    (folder / "pages" / "page.txt").write_text(page, encoding="utf-8")
    slug = folder.name
    (folder / "town.toml").write_text(
        f'[town]\nname = "{name}"\nshort_names = ["{short}"]\ndemonyms = ["habitant"]\n'
        f'insee = "{insee}"\n\n[[sources]]\nurl = "https://www.{slug}.example/page"\n'
        f'snapshot = "pages/page.txt"\n{source}\n{more}'
        f'[publication]\npublisher = "Mairie de {{town}}"\npublisher_url = "https://www.{slug}.example"\n'
        f'dataset = "{slug}"\ntitle = "Jumelages de {{town}}"\ndescription = "Les jumelages de {{town}}."\n'
        f'source_title = "Mairie de {{town}}"\n\n[release]\nfolder = "out"\nraw = "raw"\nstem = "{slug}"\n',
        encoding="utf-8")
    return folder / "town.toml"


def test_a_page_per_partner_told_as_a_story_is_read_as_the_partner_the_town_file_names(tmp_path):
    """A town with one page per partner whose pages are stories with no partner heading (a
    visit report names its partner's town only in passing): the town file's ``partner`` and
    ``country`` make each page that partner's section, its dated sentences its actions."""
    folder = tmp_path / "saint-aubin"
    town = _one_page_town(
        folder, "Saint-Aubin-les-Bois", "Saint-Aubin", "27999",
        "Retour sur la visite de printemps\n\n"
        "Une belle semaine d'échanges entre nos deux villes.\n\n"
        "En avril 2018, une délégation de douze élus et habitants s'est rendue à Nová Ves pour "
        "signer la charte d'amitié.\n\n"
        "L'année suivante, 30 collégiens ont été accueillis à Saint-Aubin pendant une semaine.\n",
        'partner = "Nová Ves"\ncountry = "Slovaquie"\n')
    assert main(["run", "--town", str(town)]) == 0
    release = folder / "out"
    assert [(p["name"], p["country_name"], p["country_code"]) for p in _rows(release, "partners")] == [
        ("Nová Ves", "Slovaquie", "SK")]
    assert [(a["period"], a["participants"], a["direction"]) for a in _rows(release, "actions")
            if a["period"]] == [("2018-04", "12", "trip_to_partner"), ("2019", "30", "visit_from_partner")]


def test_a_town_whose_inhabitants_have_no_known_name_runs(tmp_path):
    """A village whose officer knows no demonym leaves the key out: the run reads the page,
    counts people by the page's other nouns, and no word is taken for the town's people."""
    folder = tmp_path / "la-baume"
    town = _one_page_town(
        folder, "La Baume-sur-Veyle", "La Baume", "01999",
        "Jumelages\n\nNová Ves (Slovaquie)\n\n2018 : accueil de 12 collégiens à La Baume.\n", "")
    text = town.read_text(encoding="utf-8").replace('demonyms = ["habitant"]\n', "")
    town.write_text(text, encoding="utf-8")
    assert main(["run", "--town", str(town)]) == 0
    assert [(a["period"], a["participants"], a["direction"]) for a in _rows(folder / "out", "actions")] == [
        ("2018", "12", "visit_from_partner")]


def test_a_town_file_with_the_official_name_alone_reads_the_names_its_pages_write(tmp_path):
    """An officer in a hurry writes the official name alone; the pages write it short
    ("Aubin" for Aubin-lès-Vaux, "St Aubin" for Saint-Aubin-sur-Lys): the town is read as
    the town, not as a partner or a stranger's place, without a short name in the file."""
    for name, insee, short in (("Aubin-lès-Vaux", "01998", "Aubin"), ("Saint-Aubin-sur-Lys", "01997", "St Aubin")):
        folder = tmp_path / insee
        town = _one_page_town(
            folder, name, "", insee,
            "Jumelages\n\nNová Ves (Slovaquie)\n\n"
            f"2018 : accueil à {short} de 12 collégiens de Nová Ves.\n\n"
            f"Coopération\n\n{short}\n\n2019 : séjour de 8 élus.\n", "")
        text = town.read_text(encoding="utf-8").replace('short_names = [""]\n', "")
        town.write_text(text, encoding="utf-8")
        assert main(["run", "--town", str(town)]) == 0
        assert [p["name"] for p in _rows(folder / "out", "partners")] == ["Nová Ves"], name
        assert [(a["period"], a["participants"], a["direction"]) for a in _rows(folder / "out", "actions")] == [
            ("2018", "12", "visit_from_partner"), ("2019", "8", "neither")], name


def test_a_story_that_recalls_a_past_event_inside_the_next_one_loses_no_text(tmp_path):
    """A committee's report names its year's events in one list, then recalls an older one
    in a sentence of its own ("lors de la dernière AG en 2021"): the recalled row holds a
    piece of the text of the row before it, so no run of the rows' texts in a row is the
    paragraph. The page is still read whole: the rows' texts cover it, in any order."""
    folder = tmp_path / "vaux"
    town = _one_page_town(
        folder, "Vaux-sur-Orne", "Vaux", "01996",
        "Assemblée générale du comité\n\n"
        "Rappelons que Vaux est jumelée avec la ville de Nová Ves en Slovaquie.\n\n"
        "Le président a passé en revue l'année écoulée, à savoir le concert de Noël 2021 donné "
        "à l'église, la fête des 30 ans du jumelage en mai 2022 et le concert de Noël 2022 dans "
        "la salle des fêtes. Il a parlé du budget, déjà serré lors de la dernière AG en 2021 et "
        "qui le reste aujourd'hui. Le bureau a ensuite été réélu.\n", "")
    assert main(["run", "--town", str(town)]) == 0
    assert [p["name"] for p in _rows(folder / "out", "partners")] == ["Nová Ves"]
    assert sorted(a["period"] for a in _rows(folder / "out", "actions")) == ["2021", "2021-12", "2022-05", "2022-12"]


def test_a_town_whose_headings_write_the_country_another_way(tmp_path):
    town = _copy(tmp_path, "sainte-aure")
    assert main(["run", "--town", str(town)]) == 0
    release = town.parent / "out"
    assert [(p["partner_id"], p["country_name"], p["country_code"], p["heading"])
            for p in _rows(release, "partners")] == [
        ("segou", "Mali", "ML", "Mali – Ségou"), ("cienfuegos", "Cuba", "CU", "Cuba : Cienfuegos"),
        ("tuzla", "Bosnie-Herzégovine", "BA", "Tuzla, Bosnie-Herzégovine")]
    assert [(a["action_id"], a["period"], a["direction"]) for a in _rows(release, "actions")] == [
        ("segou-1996", "1996", "neither"), ("segou-2010-2013", "2010/2013", "neither"),
        ("cienfuegos-avril-2019", "2019-04", "trip_to_partner"),  # "délégation auréenne"
        ("tuzla-2000-2002", "2000/2002", "visit_from_partner")]  # "accueil à Sainte-Aure"
    # the page is the last snapshot of its address in the town's raw folder
    descriptor = _descriptor(release)
    assert descriptor["sources"][0]["path"] == "https://www.sainte-aure.example/international"
    assert descriptor["sources"][0]["retrieved"] == "2026-11-28"


def test_two_towns_one_after_the_other_in_one_process(tmp_path):
    """No reader keeps the first town: the second town's names and demonyms read its page,
    and the town in use afterwards is the default again."""
    first, second = _copy(tmp_path, "villebourg"), _copy(tmp_path, "sainte-aure")
    run(None, town=load(first))
    result = run(None, town=load(second))
    assert not isinstance(result, str)
    directions = {a["action_id"]: a["direction"] for a in result.tables["actions"]}
    assert directions["cienfuegos-avril-2019"] == "trip_to_partner"
    assert directions["tuzla-2000-2002"] == "visit_from_partner"
    assert (second.parent / "out" / "xlsx" / "sainte-aure.xlsx").is_file()
    assert config().town.name == "Ivry-sur-Seine" and config().release == ROOT / "output"


def test_a_town_is_compared_with_its_own_release_only(tmp_path, capsys):
    town = _copy(tmp_path, "sainte-aure")
    assert main(["run", "--town", str(town)]) == 0
    capsys.readouterr()
    assert main(["run", "--town", str(town)]) == 0  # the same page: its own release, up to date
    assert "est déjà la publication 1.0.0" in capsys.readouterr().out
    # Ivry's release is never its previous one, nor the reverse
    assert json.loads((ROOT / "output" / "json" / "datapackage.json").read_text())["name"] == \
        "ivry-jumelages-cooperations"


def test_the_default_town_is_ivrys_file():
    town = config()
    assert (town.town.name, town.town.insee, town.town.demonym, town.stem) == \
        ("Ivry-sur-Seine", "94041", "ivryen", "ivry-jumelages")
    assert town.release == ROOT / "output" and town.raw == ROOT / "raw"
    assert town.publication.dataset == "ivry-jumelages-cooperations"
    assert town.publication.title == "Jumelages et coopérations décentralisées d'Ivry-sur-Seine"


BAD = [
    ("an unknown key", ("[town]\n", "[town]\ncolour = \"bleu\"\n"), "unknown key 'town.colour'"),
    ("an unknown table", ("[release]\n", "[releases]\nx = 1\n\n[release]\n"), "unknown key 'releases'"),
    ("a key of a page", ("[[sources]]\n", "[[sources]]\nadress = \"x\"\n"), "unknown key 'sources[1].adress'"),
    ("a wrong type", ('insee = "94041"', "insee = 94041"), "town.insee: 94041 is not a string"),
    ("a year that is text", ("[publication]\n", "[[hints.partners]]\nname = \"Cottbus\"\n"
                                                "agreement_year = \"1961\"\n\n[publication]\n"),
     "hints.partners[1].agreement_year: '1961' is not a whole number"),
    ("a missing name", ('name = "Ivry-sur-Seine"\n', ""), "missing key 'town.name'"),
    ("no page", ("[[sources]]\nurl", "[[nothing]]\nurl"), "unknown key 'nothing'"),
    ("an unknown field in a template", ("d'{town}\"", "d'{ville}\""),
     "publication.title: unknown field {ville} (only {town} and {insee})"),
]


@pytest.mark.parametrize("name, edit, message", BAD, ids=[b[0] for b in BAD])
def test_a_bad_town_file_is_one_line(tmp_path, capsys, name, edit, message):
    text = (ROOT / "city.toml").read_text(encoding="utf-8")
    assert edit[0] in text
    path = tmp_path / "bad.toml"
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    assert main(["run", "--town", str(path), "--output", str(tmp_path / "out")]) == InputError.exit_code
    assert capsys.readouterr().err == f"erreur : {path} : fichier de commune invalide ({message}) ; le corriger\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml"]


def test_the_readme_documents_every_key_of_the_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Another town"):]
    assert keys_table() in section
    documented = re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE)
    assert [key for key, *_ in town_keys()] == documented
    assert "town.name" in documented and "sources[].partner" in documented


def test_every_invented_town_file_and_ivrys_are_valid():
    for path in [ROOT / "city.toml", *sorted(TOWNS.glob("*/town.toml"))]:
        assert load(path).town.insee


def test_nothing_names_a_town_outside_its_file():
    """The schemas, the package's metadata (its descriptor's and the distribution's) and the templates name no town: what they say
    of one comes from its file."""
    town = config().town
    places = [*sorted((ROOT / "schemas").glob("*.json")), *sorted((ROOT / "pipeline" / "templates").glob("*")),
              ROOT / "pipeline" / "cli.py", ROOT / "pipeline" / "config.py", ROOT / "pyproject.toml"]
    for path in places:
        text = path.read_text(encoding="utf-8")
        for word in (*town.names, town.insee, town.demonym, "ivry-jumelages"):
            assert word not in text, (path.name, word)


def test_fetch_then_run_a_town_of_several_pages(tmp_path, capsys):
    """`fetch --town` downloads every page of the file into the town's raw folder, under
    the town's stem; `run --town` then reads the last snapshot of each address."""
    from .http_server import Server, page

    town = _copy(tmp_path, "montferrand")
    raw = town.parent / "raw"
    bodies = {"/alcala": (raw / "alcala.txt").read_bytes(), "/koudougou": (raw / "koudougou.html").read_bytes()}
    shutil.rmtree(raw)
    with Server() as server:
        server.routes["/alcala"] = page(bodies["/alcala"], content_type="text/plain; charset=utf-8")
        server.routes["/koudougou"] = page(bodies["/koudougou"])
        text = town.read_text(encoding="utf-8")
        text = text.replace("https://www.montferrand.example/jumelage-alcala", f"{server.url}/alcala")
        town.write_text(text.replace("https://www.montferrand.example/cooperation-koudougou",
                                     f"{server.url}/koudougou"), encoding="utf-8")
        assert main(["fetch", "--town", str(town)]) == 0
    fetched = capsys.readouterr().out.splitlines()
    assert [line.split(" → ")[0] for line in fetched] == [
        f"Page {server.url}/alcala : nouvel instantané, {len(bodies['/alcala'])} octets",
        f"Page {server.url}/koudougou : nouvel instantané, {len(bodies['/koudougou'])} octets"]
    entries = json.loads((raw / "manifest.json").read_text(encoding="utf-8"))["snapshots"]
    assert [e["url"] for e in entries] == [f"{server.url}/alcala", f"{server.url}/koudougou"]
    assert all(e["file"].startswith("montferrand-") for e in entries)
    assert main(["run", "--town", str(town)]) == 0
    release = town.parent / "publication"
    assert [p["partner_id"] for p in _rows(release, "partners")] == ["alcala-del-rio", "koudougou"]
    assert [s.get("path") for s in _descriptor(release)["sources"][:2]] == [f"{server.url}/alcala",
                                                                           f"{server.url}/koudougou"]


def test_the_town_files_hints_fill_what_the_page_does_not_say(tmp_path):
    """``[hints]``: a partner whose page names no country gets the file's, with its
    coordinates and agreement year; an alias finds the partner the page spells otherwise; a
    rubric the file lists as no partner is set aside, not published as a partner. What the
    page says wins over a hint (Kassel's country and year are the page's)."""
    folder = tmp_path / "bourg-neuf"
    town = _one_page_town(
        folder, "Bourg-Neuf-sur-Lys", "Bourg-Neuf", "59999",
        "Nos villes amies\n\n"
        "Koupéla\n\n"
        "2014 : envoi de 300 livres à l'école de Koupéla.\n\n"
        "Cassel (Allemagne)\n\n"
        "Une charte de jumelage avec Cassel a été signée en 1985.\n\n"
        "Mai 2019 : accueil de 20 choristes de Cassel à Bourg-Neuf.\n\n"
        "Actualité\n\n"
        "Juin 2021 : la fête des jumelages est reportée.\n", "",
        '[hints]\nnot_partners = ["Actualité"]\n\n'
        '[[hints.partners]]\nname = "Koupéla"\ncountry = "Burkina Faso"\nagreement_year = 2009\n'
        'location = { latitude = 12.1794, longitude = -0.3517, source = "GeoNames 2358155" }\n\n'
        '[[hints.partners]]\nname = "Kassel"\naliases = ["Cassel"]\ncountry = "Autriche"\n'
        'agreement_year = 1990\n\n')
    assert main(["run", "--town", str(town), "--allow-unassigned"]) == 0
    release = folder / "out"
    assert [(p["partner_id"], p["country_code"], p["agreement_year"], p["latitude"], p["location_source"])
            for p in _rows(release, "partners")] == [
        ("koupela", "BF", "2009", "12.1794", "GeoNames 2358155"),
        ("cassel", "DE", "1985", "", _rows(release, "partners")[1]["location_source"])]
    assert "Actualité" not in [p["name"] for p in _rows(release, "partners")]


def test_a_day_without_its_year_goes_through_every_view_and_the_change_log(tmp_path):
    """A day or a month the page gives with no year anywhere: its months in every table,
    no year and no day of the calendar, after the dated actions on the timeline (no bar),
    in the database and the workbook as written; when the editor adds the year, the change
    log says so."""
    import sqlite3
    import zipfile

    from lxml import html as lxml_html

    town = _copy(tmp_path, "villebourg")
    page = town.parent / "pages" / "jumelages.txt"
    text = page.read_text(encoding="utf-8")
    text = text.replace("Mai 2015 : accueil", "Vendredi 24 mai : concert de la chorale de Kessingen.\n\n"
                        "Mai 2015 : accueil")
    text = text.replace("2019 : délégation", "Les 17 et 18 septembre : forum des associations avec Dori.\n\n"
                        "2019 : délégation")
    page.write_text(text, encoding="utf-8")
    assert main(["run", "--town", str(town)]) == 0
    release = town.parent / "release"
    rows = {a["action_id"]: a for a in _rows(release, "actions")}
    columns = ("date_label", "period", "start_date", "end_date", "start_year", "start_month", "end_year",
               "end_month", "is_ongoing")
    assert [tuple(rows[i][c] for c in columns) for i in ("kessingen-vendredi-24-mai", "dori-les-17-et-18-septembre")] == [
        ("Vendredi 24 mai", "XXXX-05-24", "", "", "", "5", "", "5", "false"),
        ("Les 17 et 18 septembre", "{XXXX-09-17,XXXX-09-18}", "", "", "", "9", "", "9", "false")]
    assert rows["dori-les-17-et-18-septembre"]["duration_days"] == "2"  # two days, in any year
    report = json.loads((release / "run-report.json").read_text(encoding="utf-8"))
    assert [w["message"] for w in report["warnings"] if "without its year" in w["message"]] == [
        "date without its year, the year left unspecified (XXXX-05-24): 'Vendredi 24 mai'",
        "date without its year, the year left unspecified ({XXXX-09-17,XXXX-09-18}): 'Les 17 et 18 septembre'"]
    document = lxml_html.fromstring((release / "index.html").read_text(encoding="utf-8"))
    kessingen = document.xpath("//section[@data-partner='kessingen']//li[@data-action]")
    assert [li.get("data-action") for li in kessingen] == [
        "kessingen-1998-2004", "kessingen-mai-2015", "kessingen-vendredi-24-mai"]  # after the dated ones
    assert kessingen[-1].get("data-dated") is None and not kessingen[-1].xpath(".//span[@class='bar']")
    assert kessingen[-1].xpath("string(.//a[@class='when'])") == "Vendredi 24 mai"
    with sqlite3.connect(release / "sqlite" / "villebourg-jumelages.db") as db:
        assert db.execute("SELECT period, start_year, start_month, end_month, start_date FROM actions "
                          "WHERE action_id = 'kessingen-vendredi-24-mai'").fetchall() == [
            ("XXXX-05-24", None, 5, 5, None)]
    with zipfile.ZipFile(release / "xlsx" / "villebourg-jumelages.xlsx") as book:
        assert any("{XXXX-09-17,XXXX-09-18}" in book.read(name).decode("utf-8")
                   for name in book.namelist() if name.endswith(".xml"))

    page.write_text(text.replace("Vendredi 24 mai :", "Vendredi 24 mai 2019 :"), encoding="utf-8")
    assert main(["run", "--town", str(town)]) == 0
    log = json.loads((release / "changelog.json").read_text(encoding="utf-8"))
    changed = log["releases"][0]["changes"]["tables"]["actions"]["changed"]["kessingen-vendredi-24-mai"]
    assert {k: changed[k] for k in ("period", "start_year", "start_date")} == {
        "period": ["XXXX-05-24", "2019-05-24"], "start_year": [None, 2019], "start_date": [None, "2019-05-24"]}
