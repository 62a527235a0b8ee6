"""The national release: three invented towns' releases stacked, validated in every format,
keyed by town, with a change log by town; and what the national command refuses.

Each town is a configuration and a page written here (Ivry's real page for one of them),
run by ``run`` with its own identity (:func:`pipeline.config.using`); the facts checked
come from these pages and configurations, not from a run.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.errors import InputError, ReleaseError
from pipeline.config import using
from pipeline.national import TownJob, national_scope, reading, run_towns

ROOT = Path(__file__).resolve().parent.parent
REAL_PAGE = ROOT / "raw" / "ivry-jumelages.txt"

TOWNS = {  # stem: (INSEE code, name, demonym)
    "ivry-sur-seine": ("94041", "Ivry-sur-Seine", "ivryen"),
    "ivry-la-bataille": ("27355", "Ivry-la-Bataille", "ivryen"),
    "ivry-le-temple": ("60322", "Ivry-le-Temple", "ivryen"),
}

BATAILLE = """Jumelages et coopérations

Ivry mène avec deux villes des projets d'amitié :

  • La ville de Bad Kötzting, en Bavière (Allemagne)
  • La commune rurale de Dianguirdé, région de Kayes (Mali)

Bad Kötzting (Allemagne)

Le jumelage entre Bad Kötzting et Ivry-la-Bataille a été signé en 1985.

2005 : accueil à Ivry-la-Bataille de douze jeunes bavarois·es pendant deux semaines.

Printemps 2012 : séjour de huit élèves du collège à Bad Kötzting.

Dianguirdé (Mali)

Les premiers liens entre Ivry-la-Bataille et Dianguirdé datent de 1998.

2007-2009 : réalisation de 4 forages d’eau dans la commune rurale.
"""

TEMPLE = """Jumelages et coopérations

Ivry mène avec une ville des projets d'amitié :

  • La ville de Jifna (Palestine)

Jifna (Palestine)

La coopération entre Jifna et Ivry-le-Temple est née en 2001.

2010 : accueil à Ivry-le-Temple de six jeunes de Jifna pendant trois semaines.

Juin 2015 : séjour de dix jeunes ivryen·nes à Jifna.
"""


def write_town(folder: Path, stem: str) -> Path:
    insee, name, demonym = TOWNS[stem]
    path = folder / f"{stem}.toml"
    path.write_text(f"""[town]
name = "{name}"
short_names = ["Ivry"]
demonyms = ["{demonym}"]
insee = "{insee}"

[[sources]]
url = "https://example.org/{stem}/jumelages"

[publication]
publisher = "Ville d'{name}"
publisher_url = "https://example.org/{stem}"
dataset = "{stem}-jumelages"
title = "Jumelages de {{town}}"
description = "Les partenaires de {{town}} et les actions menées avec chacun."
source_title = "Ville de {{town}}, page des jumelages"

[release]
folder = "releases/{stem}"
raw = "raw/{stem}"
stem = "{stem}-jumelages"
""", encoding="utf-8")
    return path


def jobs(folder: Path, pages: dict[str, Path]) -> list[TownJob]:
    return [TownJob(write_town(folder, stem), page, folder / "releases" / stem)
            for stem, page in pages.items()]


@pytest.fixture(scope="module")
def towns(tmp_path_factory) -> Path:
    """Three towns' first releases (made in this process, one after the other)."""
    folder = tmp_path_factory.mktemp("towns")
    (folder / "bataille.txt").write_text(BATAILLE, encoding="utf-8")
    (folder / "temple.txt").write_text(TEMPLE, encoding="utf-8")
    made = run_towns(jobs(folder, {"ivry-sur-seine": REAL_PAGE,
                                   "ivry-la-bataille": folder / "bataille.txt",
                                   "ivry-le-temple": folder / "temple.txt"}), workers=0)
    assert [(Path(m.folder).name, m.version, m.level, m.error) for m in made] == [
        ("ivry-sur-seine", "1.0.0", "initial", ""), ("ivry-la-bataille", "1.0.0", "initial", ""),
        ("ivry-le-temple", "1.0.0", "initial", "")]
    return folder


@pytest.fixture(scope="module")
def national(towns, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("national") / "national"
    assert main(["national", *(str(towns / "releases" / s) for s in TOWNS),
                 "--output", str(output)]) == 0
    return output


def records(release: Path, table: str) -> list[dict]:
    return json.loads((release / "json" / f"{table}.json").read_text(encoding="utf-8"))


def test_each_town_release_says_its_town(towns):
    for stem, (insee, name, _) in TOWNS.items():
        release = towns / "releases" / stem
        rows = records(release, "partners") + records(release, "actions")
        assert {(r["town_insee"], r["town_name"]) for r in rows} == {(insee, name)}
        assert (release / "xlsx" / f"{stem}-jumelages.xlsx").is_file()


def test_the_national_release_stacks_the_three_towns(national):
    partners = records(national, "partners")
    assert [(p["town_insee"], p["name"]) for p in partners if p["town_insee"] != "94041"] == [
        ("27355", "Bad Kötzting"), ("27355", "Dianguirdé"), ("60322", "Jifna")]
    assert sum(p["town_insee"] == "94041" for p in partners) == 6
    # Dianguirdé is a partner of two towns: one id, two rows, told apart by the town
    assert sorted(p["town_insee"] for p in partners if p["partner_id"] == "dianguirde") == ["27355", "94041"]
    actions = records(national, "actions")
    assert {a["town_insee"]: 0 for a in actions}.keys() == {"27355", "60322", "94041"}
    assert [a["date_label"] for a in actions if a["town_insee"] == "60322"] == ["2010", "Juin 2015"]
    assert [a["participants"] for a in actions if a["town_insee"] == "27355"] == [12, 8, None]
    themes = records(national, "action_themes")
    assert {t["town_insee"] for t in themes} == {"27355", "60322", "94041"}
    assert {r["code"] for r in records(national, "labels")} >= {"ongoing", "youth_exchange"}
    assert len(records(national, "labels")) == len({(r["vocabulary"], r["code"])
                                                    for r in records(national, "labels")})


def test_every_key_of_the_national_package_is_national(national):
    descriptor = json.loads((national / "json" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "jumelages-cooperations-communes"
    assert descriptor["spatial"]["zone"] == "country:fr"
    assert [t["insee"] for t in descriptor["spatial"]["towns"]] == ["27355", "60322", "94041"]
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        if resource["name"] == "labels":
            assert schema["primaryKey"] == ["vocabulary", "code"]
            continue
        assert schema["primaryKey"][0] == "town_insee", resource["name"]
        assert "town_insee" in [f["name"] for f in schema["fields"]]
        for key in schema.get("foreignKeys", []):
            if key["reference"]["resource"] != "labels":
                assert key["fields"][0] == key["reference"]["fields"][0] == "town_insee"
    actions = next(r for r in descriptor["resources"] if r["name"] == "actions")["schema"]
    assert actions["primaryKey"] == ["town_insee", "action_id"]
    link = next(r for r in descriptor["resources"] if r["name"] == "action_people")["schema"]
    assert {"fields": ["town_insee", "action_id"],
            "reference": {"resource": "actions", "fields": ["town_insee", "action_id"]}} in link["foreignKeys"]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_each_package_validates_with_frictionless(national, fmt):
    import frictionless

    report = frictionless.validate(str(national / fmt / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])[:5]
    assert report.stats["tasks"] == 13


def test_the_release_validates_and_its_views_are_written(national, capsys):
    assert main(["validate", str(national)]) == 0
    assert capsys.readouterr().out.count("valide : ") == 3
    for path in ("xlsx/jumelages-national.xlsx", "sqlite/jumelages-national.db", "index.html",
                 "README.md", "source/jumelages-national.txt", "SHA256SUMS", "CHANGELOG.md"):
        assert (national / path).is_file(), path
    import sqlite3

    with sqlite3.connect(national / "sqlite" / "jumelages-national.db") as db:
        assert db.execute("SELECT town_insee, count(*) FROM partners GROUP BY town_insee "
                          "ORDER BY town_insee").fetchall() == [("27355", 2), ("60322", 1), ("94041", 6)]
    import re
    import zipfile

    with zipfile.ZipFile(national / "xlsx" / "jumelages-national.xlsx") as workbook:
        sheet = workbook.read("xl/worksheets/sheet3.xml").decode("utf-8")  # Lisez-moi, Partenaires, Actions
    header, *rows = [re.findall(r"<t[^>]*>(.*?)</t>", row) for row in re.findall(r"<row.*?</row>", sheet)]
    assert header[:2] == ["Partenaire", "Libellé de date"] and "Thèmes" in header
    # an action of Ivry-le-Temple named by its own town's partner, its themes joined
    temple = next(r for r in rows if "60322" in r and "2010" in r)
    assert temple[0] == "Jifna"
    page = (national / "index.html").read_text(encoding="utf-8")
    anchors = re.findall(r' id="((?:p|a)-[^"]+)"', page)
    assert len(anchors) == len(set(anchors)) == 9 + 46 + 3 + 2  # partners, then each town's actions
    # each town's Dianguirdé holds its own town's actions: Ivry-la-Bataille's, one
    bataille = page.split('id="p-27355-dianguirde"')[1].split("</section>")[0]
    assert re.findall(r'data-action="([^"]+)"', bataille) == ["27355-dianguirde-2007-2009"]
    text = (national / "source" / "jumelages-national.txt").read_text(encoding="utf-8")
    assert [line.split(" : ")[0] for line in text.splitlines()] == [
        "27355 Ivry-la-Bataille", "60322 Ivry-le-Temple", "94041 Ivry-sur-Seine"]


def test_polars_and_duckdb_read_the_national_parquet(national):
    import duckdb
    import polars as pl

    actions = national / "parquet" / "actions.parquet"
    frame = pl.read_parquet(actions)
    assert frame.columns[:4] == ["action_id", "town_insee", "town_name", "partner_id"]
    assert frame.filter(pl.col("town_insee") == "60322")["start_year"].to_list() == [2010, 2015]
    con = duckdb.connect()
    try:
        assert con.execute(f"SELECT count(DISTINCT town_insee) FROM '{actions}'").fetchone()[0] == 3
    finally:
        con.close()


def test_the_national_release_is_publishable(national):
    from pipeline.publish.bundle import verified_copy

    with reading(national), verified_copy(national, ("csv", "parquet", "json")) as bundle:
        assert (bundle.name, bundle.version) == ("jumelages-cooperations-communes", "1.0.0")
        names = {f.key for f in bundle.files}
    assert {"xlsx/jumelages-national.xlsx", "csv/partners.csv", "README.md", "index.html"} <= names


def test_the_change_log_names_each_towns_changes(towns, national, tmp_path, capsys):
    """An entry added and a number changed on one town's page: the next national release
    says so under that town, and the other two towns unchanged."""
    output = shutil.copytree(national, tmp_path / "national")
    releases = shutil.copytree(towns / "releases", tmp_path / "releases")
    edited = tmp_path / "temple.txt"
    edited.write_text(TEMPLE.replace("six jeunes", "sept jeunes")
                      + "\nÉté 2024 : chantier de jeunes à Jifna.\n", encoding="utf-8")
    (made,) = run_towns([TownJob(write_town(tmp_path, "ivry-le-temple"), edited,
                                 releases / "ivry-le-temple")], workers=0)
    assert (made.version, made.level) == ("1.1.0", "minor")
    capsys.readouterr()
    assert main(["national", *(str(releases / s) for s in TOWNS), "--output", str(output)]) == 0
    out = capsys.readouterr().out
    assert "publication nationale 1.1.0 (version mineure)" in out
    assert "60322 Ivry-le-Temple : modifiée (publication communale 1.1.0)" in out
    log = (output / "CHANGELOG.md").read_text(encoding="utf-8")
    newest = log.split("\n## ")[1]
    temple = newest.split("### Ivry-le-Temple (`60322`) : modifiée, publication communale 1.1.0")[1]
    assert "- ajouté : Jifna, Été 2024 — chantier de jeunes à Jifna. (`jifna-ete-2024`)" in temple
    assert "- modifié : Jifna, 2010" in temple and "Participant·es : 6 → 7" in temple
    assert "Sans changement : Ivry-la-Bataille (`27355`), Ivry-sur-Seine (`94041`)." in newest
    entry = json.loads((output / "changelog.json").read_text(encoding="utf-8"))["releases"][0]
    assert {t["insee"]: t["status"] for t in entry["towns"]} == {
        "27355": "unchanged", "60322": "changed", "94041": "unchanged"}
    temple_changes = next(t for t in entry["towns"] if t["insee"] == "60322")["changes"]
    assert temple_changes["tables"]["actions"]["added"] == ["jifna-ete-2024"]
    assert main(["validate", str(output)]) == 0


def test_a_town_removed_and_nothing_changed(towns, national, tmp_path, capsys):
    output = shutil.copytree(national, tmp_path / "national")
    everyone = [str(towns / "releases" / s) for s in TOWNS]
    assert main(["national", *everyone, "--output", str(output)]) == 0
    assert "aucun changement depuis la publication nationale 1.0.0" in capsys.readouterr().out
    assert main(["national", *everyone[:2], "--output", str(output)]) == 0
    assert "publication nationale 1.1.0 (version mineure)" in capsys.readouterr().out
    log = (output / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "### Ivry-le-Temple (`60322`) : commune retirée" in log
    assert {p["town_insee"] for p in records(output, "partners")} == {"94041", "27355"}


def refused(capsys, argv: list[str], expected: str, code: int = InputError.exit_code) -> None:
    assert main(argv) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert expected in line, line


def test_two_releases_of_one_town_are_refused(towns, tmp_path, capsys):
    one = towns / "releases" / "ivry-le-temple"
    again = shutil.copytree(one, tmp_path / "again")
    refused(capsys, ["national", str(one), str(again), "--output", str(tmp_path / "n")],
            "two releases of the same town (Ivry-le-Temple, INSEE 60322)")
    assert not (tmp_path / "n").exists()


def test_a_folder_that_is_not_a_release_is_refused(towns, tmp_path, capsys):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "notes.txt").write_text("rien", encoding="utf-8")
    refused(capsys, ["national", str(towns / "releases" / "ivry-le-temple"), str(plain),
                     "--output", str(tmp_path / "n")], f"{plain}: not a release folder")
    refused(capsys, ["national", str(tmp_path / "missing"), "--output", str(tmp_path / "n")],
            "missing: not a release folder")


def test_releases_of_another_schema_version_are_refused(towns, tmp_path, capsys, monkeypatch):
    """A release made by a code whose schemas differ (a column's constraint, here) does not
    stack with this code's releases."""
    from pipeline import schemas

    changed = tmp_path / "schemas"
    shutil.copytree(schemas.SCHEMA_DIR, changed)
    people = json.loads((changed / "people.schema.json").read_text(encoding="utf-8"))
    next(f for f in people["fields"] if f["name"] == "name")["constraints"]["maxLength"] = 500
    (changed / "people.schema.json").write_text(json.dumps(people), encoding="utf-8")
    older = tmp_path / "older"
    monkeypatch.setattr(schemas, "SCHEMA_DIR", changed)
    for cached in (schemas.package_template, schemas._schema_file, schemas.table_schema):
        cached.cache_clear()
    try:
        (made,) = run_towns([TownJob(write_town(tmp_path, "ivry-la-bataille"), REAL_PAGE, older)], 0)
    finally:
        monkeypatch.undo()
        for cached in (schemas.package_template, schemas._schema_file, schemas.table_schema):
            cached.cache_clear()
    assert made.level == "initial"
    refused(capsys, ["national", str(towns / "releases" / "ivry-le-temple"), str(older),
                     "--output", str(tmp_path / "n")],
            f"{older}: release 1.0.0's schemas differ from {towns / 'releases' / 'ivry-le-temple'}'s "
            "and this code's (another schema version)")


def test_a_town_release_is_not_replaced_by_a_national_one(towns, tmp_path, capsys):
    town = shutil.copytree(towns / "releases" / "ivry-le-temple", tmp_path / "town")
    refused(capsys, ["national", str(towns / "releases" / "ivry-la-bataille"), "--output", str(town)],
            "holds a town's release, not a national one", ReleaseError.exit_code)
    assert (town / "csv" / "partners.csv").is_file()


def test_a_town_that_fails_is_said_and_the_others_go_on(tmp_path):
    """A town whose page cannot be read is its own failure, said in one line."""
    missing = tmp_path / "no-such-page.txt"
    failed, made = run_towns([TownJob(write_town(tmp_path, "ivry-le-temple"), missing, tmp_path / "a"),
                              TownJob(write_town(tmp_path, "ivry-la-bataille"), REAL_PAGE, tmp_path / "b")], 0)
    assert (failed.version, failed.level) == ("", None) and "no-such-page.txt" in failed.error
    assert "\n" not in failed.error and not (tmp_path / "a").exists()
    assert (made.version, made.level, made.error) == ("1.0.0", "initial", "")


def test_the_scopes_put_everything_back():
    from pipeline.config import config
    from pipeline.schemas import table_schema

    town = config().town
    with national_scope():
        assert config().stem == "jumelages-national"
        assert table_schema("people")["primaryKey"] == ["town_insee", "person_id"]
    assert config().town == town and table_schema("people")["primaryKey"] == ["person_id"]
    with pytest.raises(Exception, match="fichier introuvable \\(le fichier de la commune\\) ; vérifier --town"), using(Path("/nonexistent/town.toml")):
        pass
    assert config().town == town


def test_a_town_worker_reads_the_code_once_and_fingerprints_each_town(tmp_path):
    """A national run's town worker reads the libraries' versions and the code once
    (``remember_code``): the fingerprint is still the one a run alone computes, town file
    included."""
    from pipeline import fingerprint

    temple, bataille = write_town(tmp_path, "ivry-le-temple"), write_town(tmp_path, "ivry-la-bataille")
    with using(temple):
        alone, listed = fingerprint.code_fingerprint(), fingerprint.versions()
    with using(bataille):
        other = fingerprint.code_fingerprint()
    assert alone != other and listed["python"] and "frictionless" in listed
    try:
        fingerprint.remember_code()
        with using(temple):
            assert (fingerprint.code_fingerprint(), fingerprint.versions()) == (alone, listed)
        with using(bataille):
            assert fingerprint.code_fingerprint() == other
    finally:
        fingerprint._REMEMBERED = None


def test_a_town_made_in_a_worker_is_the_town_made_here(tmp_path):
    """The same town's release, made in a forked town worker (which validates in itself and
    reads the code once) and in this process: the same files, byte for byte."""
    (tmp_path / "temple.txt").write_text(TEMPLE, encoding="utf-8")
    town = write_town(tmp_path, "ivry-le-temple")
    here, there = tmp_path / "here", tmp_path / "there"
    assert [m.error for m in run_towns([TownJob(town, tmp_path / "temple.txt", here)], 0)] == [""]
    assert [m.error for m in run_towns([TownJob(town, tmp_path / "temple.txt", there)], 1)] == [""]
    files = sorted(p.relative_to(here) for p in here.rglob("*") if p.is_file())
    assert len(files) > 40 and files == sorted(p.relative_to(there) for p in there.rglob("*") if p.is_file())
    assert [f for f in files if (here / f).read_bytes() != (there / f).read_bytes()] == []


def test_releases_checked_by_workers_are_refused_as_here(towns, tmp_path):
    """The merge of many towns checks their files in worker processes: the towns read are
    the same, and so is the first problem said (an edited table of the third town here,
    a folder that is not a release after it)."""
    from pipeline.national import read_towns
    from pipeline.workers import Pool

    folders = [shutil.copytree(towns / "releases" / s, tmp_path / s) for s in TOWNS]
    with Pool(2) as pool:
        here, there = read_towns(folders), read_towns(folders, pool)
    assert [(t.insee, t.version, t.content) for t in here] == [(t.insee, t.version, t.content) for t in there]
    assert [t.insee for t in there] == ["27355", "60322", "94041"]
    plain = tmp_path / "plain"
    plain.mkdir()
    edited = folders[2] / "csv" / "partners.csv"
    text = edited.read_text(encoding="utf-8")
    assert "Jifna" in text
    edited.write_text(text.replace("Jifna", "Jafna"), encoding="utf-8")
    said = []
    for pool in (None, Pool(2)):
        with pytest.raises(ReleaseError) as caught:
            read_towns([*folders, plain], pool)
        said.append(str(caught.value))
        if pool is not None:
            pool.close()
    assert said[0] == said[1] and "partners.csv" in said[0] and str(folders[2]) in said[0]


def test_a_merge_in_one_process_is_the_merge_with_its_writer_and_workbook_processes(towns, national, tmp_path):
    """The national fixture's merge writes the workbook and the database in processes
    forked with the contents (``_write_workbook``, ``_write_database``); in one process
    (``workers=0``), the same release, byte for byte, warnings of the run report in the
    same order included."""
    from pipeline.national import merge

    here = tmp_path / "here"
    merge([towns / "releases" / s for s in TOWNS], here, workers=0)
    files = sorted(p.relative_to(national) for p in national.rglob("*") if p.is_file())
    assert any(f.suffix == ".xlsx" for f in files) and any(f.suffix == ".db" for f in files)
    assert files == sorted(p.relative_to(here) for p in here.rglob("*") if p.is_file())
    assert [f for f in files if (here / f).read_bytes() != (national / f).read_bytes()] == []


def test_the_merge_zips_the_database_before_the_verdict_and_the_packages_beside_the_checks(
        towns, tmp_path, monkeypatch):
    """The merge's writer writes the database first and has its archive zipped before the
    release's verdict is awaited, not after it; the packages' archives are zipped by the
    validation's workers, not queued behind the database in the writer (its chain of tasks
    was the merge's longest: docs/performance.md). Same release either way (the test above)."""
    from pipeline import emit, validate
    from pipeline.national import merge

    said: list[tuple[str, object]] = []

    def spy(name: str, step):
        def spied(*args):
            said.append((name, args[-1] if name.startswith("start") else None))
            return step(*args)
        return spied

    monkeypatch.setattr(emit, "start_database_archive", spy("start_database_archive", emit.start_database_archive))
    monkeypatch.setattr(emit, "start_package_archives", spy("start_package_archives", emit.start_package_archives))
    monkeypatch.setattr(validate, "validate_staged", spy("validate_staged", validate.validate_staged))
    merge([towns / "releases" / s for s in TOWNS], tmp_path / "national")
    names = [name for name, _ in said]
    assert names.index("start_database_archive") < names.index("validate_staged")
    writer = next(pool for name, pool in said if name == "start_database_archive")
    assert all(pool is not writer for name, pool in said if name == "start_package_archives")


def test_a_town_s_descriptor_is_read_once_for_its_name_resources_and_town(towns, monkeypatch):
    """Reading a town's release for the merge parses its JSON package's descriptor (100 kB,
    the thirteen schemas) once, not once for whether it is national, once for its
    resources and once for its town (a third of reading a town, the merge's first step);
    what is read is the same (the stacked release above)."""
    from pipeline import national

    descriptor = towns / "releases" / "ivry-la-bataille" / "json" / "datapackage.json"
    reads = []
    read_text = Path.read_text

    def counted(self, *args, **kwargs):
        if self == descriptor:
            reads.append(self)
        return read_text(self, *args, **kwargs)

    class Checked:  # the checksums' verdict, as a worker gives it
        def result(self) -> str:
            return "1.0.0"

    monkeypatch.setattr(Path, "read_text", counted)
    town = national.read_town(descriptor.parent.parent, Checked())  # type: ignore[arg-type]
    assert (town.insee, town.name) == ("27355", "Ivry-la-Bataille") and len(reads) == 1
