"""The pipeline end to end, as a user runs it: files written, validated, reproducible."""

import csv
import filecmp
import json
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.errors import ReleaseError
from pipeline.schemas import field_names

from .conftest import ROOT, SNAPSHOT


@pytest.fixture
def release(fresh_release):
    """The session's release, read by the tests here (one run for every module)."""
    return fresh_release


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def tree_files(folder):
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


def test_committed_output_is_reproduced_byte_for_byte(release):
    committed = ROOT / "output"
    assert tree_files(release) == tree_files(committed)
    for name in tree_files(committed):
        assert filecmp.cmp(release / name, committed / name, shallow=False), name


def test_actions_csv(release):
    rows = read_csv(release / "csv" / "actions.csv")
    assert len(rows) == 46
    assert sum(1 for r in rows if r["period"]) == 45
    water = next(r for r in rows if r["action_id"] == "dianguirde-2016-2020")
    assert (water["amount_eur"], water["status"], water["start_year"], water["end_year"]) == (
        "300000", "abandoned", "2016", "2020")
    spring = next(r for r in rows if r["date_label"] == "Printemps 2017")
    assert (spring["period"], spring["start_month"], spring["partner_id"]) == (
        "2017-21", "", "jifna-et-jalazone")


def test_partners_csv(release):
    rows = read_csv(release / "csv" / "partners.csv")
    assert [(r["country_code"], r["agreement_year"]) for r in rows] == [
        ("DE", "1963"), ("ML", "2005"), ("PS", "2012"), ("PS", ""), ("DZ", ""), ("CU", "1997")]


def test_json_is_an_array_of_objects_in_schema_order(release):
    actions = json.loads((release / "json" / "actions.json").read_text(encoding="utf-8"))
    assert len(actions) == 46
    assert list(actions[0]) == field_names("actions")
    since = next(a for a in actions if a["action_id"] == "brandebourg-sur-la-havel-depuis-2016")
    assert (since["is_ongoing"], since["end_year"], since["period"]) == (True, None, "2016/..")


def test_parquet_keeps_types_order_and_nulls(release):
    table = pq.read_table(release / "parquet" / "actions.parquet")
    assert table.schema.names == field_names("actions")
    assert table.schema.field("start_year").type == pa.int64()
    assert table.schema.field("is_ongoing").type == pa.bool_()
    # 4 open-ended entries and the undated one have no end year
    assert table.column("end_year").null_count == 5
    stored = json.loads(table.schema.metadata[b"table_schema"])
    assert [f["name"] for f in stored["fields"]] == field_names("actions")
    assert table.schema.field("period").metadata[b"title"].decode() == "Période (EDTF)"


def test_descriptor_has_licence_source_hash_and_bytes(release):
    descriptor = json.loads((release / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "etalab-2.0"
    source = descriptor["sources"][0]
    assert source["path"] == "https://www.ivry94.fr/281/jumelages-et-cooperations.htm"
    assert source["retrieved"] == "2026-11-25"
    for resource in descriptor["resources"]:
        content = (release / "csv" / resource["path"]).read_bytes()
        assert resource["bytes"] == len(content)
        assert resource["hash"].startswith("sha256:")


def test_validate_command_accepts_the_release(release, capsys):
    assert main(["validate", str(release)]) == 0
    assert capsys.readouterr().out.count("valide : ") == 3


def test_validate_command_catches_an_edited_parquet_file(release, tmp_path, capsys):
    import shutil
    copy = tmp_path / "copy"
    shutil.copytree(release, copy)
    # same rows, other bytes: only the hash can tell, and frictionless skips it for Parquet
    table = pq.read_table(copy / "parquet" / "partners.parquet")
    pq.write_table(table, copy / "parquet" / "partners.parquet", compression="gzip")
    assert main(["validate", str(copy / "parquet")]) == ReleaseError.exit_code
    assert "partners.parquet: sha256 differs" in capsys.readouterr().err


def snapshot_of(folder):
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_an_invalid_table_stops_the_run_and_keeps_the_previous_output(fresh_release, tmp_path, capsys,
                                                                      monkeypatch):
    import shutil
    release = shutil.copytree(fresh_release, tmp_path / "output")  # the session's stays untouched
    # a year out of its range is made empty where records become rows (issue 22): with that
    # check switched off, validation is what stops it
    monkeypatch.setattr("pipeline.tables.number_ranges", lambda table: {})
    monkeypatch.setattr("pipeline.tables.date_ranges", lambda table: {})
    before = snapshot_of(release)
    bad = tmp_path / "page.txt"
    bad.write_text(SNAPSHOT.read_text(encoding="utf-8").replace(
        "2011 : Fourniture", "1850 : Fourniture"), encoding="utf-8")
    assert main(["run", "--source", str(bad), "--output", str(release)]) == ReleaseError.exit_code
    err = capsys.readouterr().err
    assert "field start_year" in err and "actions" in err
    assert snapshot_of(release) == before
    assert not list(release.parent.glob(".output.*"))  # no staging folder left behind


@pytest.mark.parametrize("view, error, said", [
    ("sqlite", "IntegrityError", "SQLite: FOREIGN KEY constraint failed"),
    ("pages", "OSError", "FOREIGN KEY constraint failed")])
def test_a_view_that_fails_before_the_verdict_waits_for_it(fresh_release, tmp_path, capsys, monkeypatch,
                                                           view, error, said):
    """The database and the pages are written while the workers validate (pipeline/run.py);
    when one fails on an invalid release, the refusal is the validation's, as when they
    were written after it; on a valid one, it is the view's own."""
    import shutil
    import sqlite3

    kind = getattr(sqlite3, error) if error == "IntegrityError" else OSError

    def refused(layout, contents):
        raise kind("FOREIGN KEY constraint failed")

    monkeypatch.setattr(f"pipeline.emit.{view}.write", refused)
    release = shutil.copytree(fresh_release, tmp_path / "output")
    before = snapshot_of(release)
    assert main(["run", "--source", str(SNAPSHOT), "--output", str(release), "--first-release"]) == \
        ReleaseError.exit_code
    assert said in capsys.readouterr().err
    monkeypatch.setattr("pipeline.tables.number_ranges", lambda table: {})
    monkeypatch.setattr("pipeline.tables.date_ranges", lambda table: {})
    bad = tmp_path / "page.txt"
    bad.write_text(SNAPSHOT.read_text(encoding="utf-8").replace(
        "2011 : Fourniture", "1850 : Fourniture"), encoding="utf-8")
    assert main(["run", "--source", str(bad), "--output", str(release)]) == ReleaseError.exit_code
    err = capsys.readouterr().err
    assert "field start_year" in err and "n'est pas valide" in err and "FOREIGN KEY" not in err
    assert snapshot_of(release) == before
    assert not list(release.parent.glob(".output.*"))


def test_refuses_to_replace_a_folder_that_is_not_a_release(tmp_path, capsys):
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "letter.txt").write_text("keep me")
    assert main(["run", "--output", str(mine)]) == ReleaseError.exit_code
    assert f"{mine} : existe et n'est pas un dossier de publication (aucun */datapackage.json) ; il n'est pas remplacé : choisir un autre --output" in capsys.readouterr().err
    assert (mine / "letter.txt").read_text() == "keep me"


def test_an_edited_snapshot_is_refused(tmp_path, capsys):
    (tmp_path / "ivry-jumelages.txt").write_text("Jumelages\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text((ROOT / "raw" / "manifest.json").read_text())
    assert main(["run", "--source", str(tmp_path / "ivry-jumelages.txt"),
                 "--output", str(tmp_path / "out")]) == 1
    assert "un instantané se garde octet pour octet" in capsys.readouterr().err


@pytest.mark.parametrize("command, expected", [
    ("run", "--source PATH"), ("validate", "DIR"),
])
def test_help(command, expected, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert expected in capsys.readouterr().out


def test_every_table_is_in_every_package_with_its_keys(release):
    from pipeline.schemas import table_names
    for fmt in ("csv", "parquet", "json"):
        descriptor = json.loads((release / fmt / "datapackage.json").read_text(encoding="utf-8"))
        resources = {r["name"]: r for r in descriptor["resources"]}
        assert list(resources) == table_names()
        assert resources["action_programmes"]["schema"]["primaryKey"] == ["action_id", "programme_id"]
        assert {fk["reference"]["resource"] for fk in resources["action_people"]["schema"]["foreignKeys"]} == {
            "actions", "people", "labels"}  # the role's labels


def test_publisher_and_spatial_coverage(release):
    descriptor = json.loads((release / "json" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["publisher"]["insee"] == "94041"
    assert descriptor["spatial"]["zone"] == "fr:commune:94041"


def test_coordinates_in_parquet_are_doubles(release):
    table = pq.read_table(release / "parquet" / "partners.parquet")
    assert table.schema.field("latitude").type == pa.float64()
    assert table.column("latitude").to_pylist()[1] == 14.4931  # Dianguirdé


def test_a_value_outside_the_vocabulary_is_rejected(tmp_path):
    from pipeline.dictionary import about
    from pipeline.emit import write_packages
    from pipeline.errors import PipelineError
    from pipeline.layout import Layout
    from pipeline.sources import Snapshot
    from pipeline.tables import tables
    from pipeline.validate import validate_staged
    from .conftest import records_of
    data = tables(records_of("Jumelages\n\nDianguirdé (Mali)\n\n2016 : cartographie.\n"))
    data["action_themes"][0]["theme"] = "astrology"
    write_packages(Layout(tmp_path), data, about(Snapshot(tmp_path / "page.txt", "0" * 64, None, None)),
                   "1.0.0")
    with pytest.raises(PipelineError, match=r"action_themes: row 2, field theme: .*astrology"):
        validate_staged(tmp_path)


def test_a_closed_pipe_ends_quietly(release):
    reader = subprocess.Popen([sys.executable, "-m", "pipeline", "validate", str(release)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    reader.stdout.close()  # as `| head -0` would
    err = reader.stderr.read().decode()
    assert reader.wait() == 141
    assert "Traceback" not in err and "Exception ignored" not in err


def test_a_windows_1252_page_is_read_and_says_so(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_bytes(SNAPSHOT.read_text(encoding="utf-8").replace("\u2019", "'").replace(
        "\u00a0", " ").replace("·", ".").encode("cp1252", errors="replace"))
    assert main(["run", "--source", str(page), "--output", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "lu en windows-1252" in out and "46 actions" in out
    actions = read_csv(tmp_path / "out" / "csv" / "actions.csv")
    assert actions[10]["text"].startswith("2006 – 2008 : projet de formation d'élèves infirmier.ères")
