"""The portal page: what a portal receives (a short list, one archive per other format),
archives that are the same bytes on every run, the temporal coverage of ongoing actions,
and the contact e-mail of the town's configuration, only when it gives one.

The portals themselves are not needed: the lists and metadata are what the publisher
would send (the real portals receive them in tests/portals/).
"""

import csv
import hashlib
import json
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

import pipeline.publish.bundle
from pipeline.cli import main
from pipeline.config import Contact, config
from pipeline.errors import ReleaseError
from pipeline.emit import release_files
from pipeline.layout import Layout, format_checksums
from pipeline.publish.base import describe
from pipeline.publish.bundle import verified_copy
from pipeline.publish.ckan import Ckan
from pipeline.publish.datagouv import DataGouv

from .portals.releases import build

STEM = "ivry-jumelages"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return build(tmp_path_factory.mktemp("portal-page") / "release")


@pytest.fixture
def release(written, tmp_path):
    return shutil.copytree(written, tmp_path / "release")


def rows(release: Path, table: str) -> int:
    with (release / "csv" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return len(list(csv.DictReader(handle)))


# --- the list -----------------------------------------------------------------------------

def test_a_portal_receives_the_short_list_in_the_order_a_visitor_reads_it(written):
    with verified_copy(written, ("csv", "parquet", "json")) as bundle:
        keys = [f.key for f in bundle.files]
        kinds = {f.key: f.file.kind for f in bundle.files}
    tables = ["partners", "actions", "programmes", "action_programmes", "organisations",
              "action_organisations", "partner_organisations", "people", "action_people",
              "action_themes", "labels"]
    assert keys == [f"xlsx/{STEM}.xlsx", *(f"csv/{t}.csv" for t in tables),
                    f"zip/{STEM}-csv.zip", f"zip/{STEM}-parquet.zip", f"zip/{STEM}-json.zip",
                    f"zip/{STEM}-sqlite.zip", f"source/{STEM}.txt", "README.md", "index.html"]
    # the two tables left out hold no row today; every other table does
    assert rows(written, "partner_programmes") == rows(written, "partner_people") == 0
    assert all(rows(written, t) > 0 for t in tables)
    # of the 53 files a reader may download from the release (its page lists them all)
    assert len(keys) == 19 and len(release_files(Layout(written))) == 53
    assert [k for k, kind in kinds.items() if kind == "documentation"] == \
        [f"source/{STEM}.txt", "README.md", "index.html"]


def test_a_table_that_has_rows_again_is_sent_again(written):
    """Which CSV files go is decided by the rows of the release, not by a list."""
    from pipeline.publish.bundle import portal_files

    layout = Layout(written)
    full = dict.fromkeys(("partner_people", "actions"), 1)
    paths = [f.path for f in portal_files(layout, full, ("csv",))]
    assert "csv/partner_people.csv" in paths and "csv/actions.csv" in paths
    assert "csv/partners.csv" not in paths  # no row counted here
    assert not any("parquet" in p or "json/" in p for p in paths)


# --- the archives -------------------------------------------------------------------------

def test_each_archive_holds_its_package_whole_sorted_and_stamped(written, tmp_path):
    with zipfile.ZipFile(written / "zip" / f"{STEM}-parquet.zip") as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        archive.extractall(tmp_path / "unzipped")
    expected = sorted([f"parquet/{p.name}" for p in (written / "parquet").iterdir()] + [f"source/{STEM}.txt"])
    assert names == expected and len(names) == 15  # 13 tables, the descriptor, the page's text
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644} and {i.create_system for i in infos} == {3}
    for name in names:
        assert (tmp_path / "unzipped" / name).read_bytes() == (written / name).read_bytes(), name
    # unzipped, it is a package frictionless validates, its source's path resolved
    assert main(["validate", str(tmp_path / "unzipped")]) == 0
    with zipfile.ZipFile(written / "zip" / f"{STEM}-sqlite.zip") as archive:
        assert archive.namelist() == [f"sqlite/{STEM}.db", "sqlite/metadata.json"]


def test_the_archives_are_the_same_bytes_on_another_run(written, tmp_path):
    again = build(tmp_path / "again")
    for archive in sorted((written / "zip").iterdir()):
        assert archive.read_bytes() == (again / "zip" / archive.name).read_bytes(), archive.name
    assert len(list((written / "zip").iterdir())) == 4


def test_an_archive_edited_with_its_checksum_recomputed_is_not_published(release):
    archive = release / "zip" / f"{STEM}-json.zip"
    with zipfile.ZipFile(archive, "a") as handle:
        handle.writestr("json/extra.json", "[]")
    sums = Layout(release).checksums
    sums.write_text(format_checksums({
        p.relative_to(release).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in release.rglob("*") if p.is_file() and p != sums}), encoding="utf-8")
    with pytest.raises(ReleaseError, match=f"zip/{STEM}-json.zip : ne contient pas les fichiers de sa publication ; la publication a été modifiée"), \
            verified_copy(release, ("json",)):
        pass


# --- the temporal coverage ----------------------------------------------------------------

def test_the_coverage_runs_to_the_snapshot_while_actions_are_ongoing(written):
    with (written / "csv" / "actions.csv").open(encoding="utf-8", newline="") as handle:
        actions = list(csv.DictReader(handle))
    ongoing = [a["action_id"] for a in actions if a["is_ongoing"] == "true"]
    assert len(ongoing) == 4 and max(int(a["end_year"] or a["start_year"] or 0) for a in actions) == 2024
    retrieved = json.loads((written / "csv" / "datapackage.json").read_text(encoding="utf-8"))["sources"][0]["retrieved"]
    with verified_copy(written, ("csv",)) as bundle:
        assert bundle.temporal == ("1999-01-01", retrieved[:10]) and retrieved[:10] > "2024-12-31"
        udata = DataGouv("http://127.0.0.1:9/api/1").dataset_metadata(bundle, "x", "", None)
        ckan = Ckan("http://127.0.0.1:9").dataset_metadata(bundle, "x", "", None)
    assert udata["temporal_coverage"] == {"start": "1999-01-01", "end": retrieved[:10]}
    assert ckan["extras"] == [{"key": "temporal_start", "value": "1999-01-01"},
                              {"key": "temporal_end", "value": retrieved[:10]}]


# --- the contact --------------------------------------------------------------------------

@pytest.fixture
def with_email(monkeypatch):
    settings = replace(config(), contact=Contact("Service des relations internationales",
                                                 "https://www.ivry94.fr", "jumelages@example.org"))
    monkeypatch.setattr(pipeline.publish.bundle, "config", lambda: settings)


def test_the_contact_email_goes_where_each_portal_keeps_it(written, with_email):
    with verified_copy(written, ("csv",)) as bundle:
        udata = DataGouv("http://127.0.0.1:9/api/1").dataset_metadata(bundle, "x", "", None)
        ckan = Ckan("http://127.0.0.1:9").dataset_metadata(bundle, "x", "", None)
        text = describe(bundle, bundle.files)
    assert udata["contact_points"] == [{"name": "Service des relations internationales",
                                        "email": "jumelages@example.org", "role": "contact"}]
    assert (ckan["maintainer"], ckan["maintainer_email"]) == \
        ("Service des relations internationales", "jumelages@example.org")
    assert "- **Contact** : Service des relations internationales, <jumelages@example.org>." in text


def test_no_email_in_the_configuration_sends_no_contact(written):
    assert config().contact.email == ""  # city.toml gives a web address only
    with verified_copy(written, ("csv",)) as bundle:
        udata = DataGouv("http://127.0.0.1:9/api/1").dataset_metadata(bundle, "x", "", None)
        ckan = Ckan("http://127.0.0.1:9").dataset_metadata(bundle, "x", "", None)
    assert "contact_points" not in udata
    assert "maintainer" not in ckan and "maintainer_email" not in ckan


def test_udata_compares_contact_points_by_what_they_say():
    portal = DataGouv("http://127.0.0.1:9/api/1")
    wanted = {"contact_points": [{"name": "Ville", "email": "a@example.org", "role": "contact"}]}
    held = [{"id": "abc", "name": "Ville", "email": "a@example.org", "role": "contact",
             "contact_form": None}]
    assert portal.dataset_differences(wanted, {"contact_points": held}) == []
    assert portal.dataset_differences(wanted, {"contact_points": []}) == ["contact_points"]
    other = [{**held[0], "email": "b@example.org"}]
    assert portal.dataset_differences(wanted, {"contact_points": other}) == ["contact_points"]


def test_a_run_on_the_same_page_finds_no_change_in_the_archives(written, tmp_path, capsys):
    """A package's archive holds its descriptor, version included: the comparison of two
    releases looks at the files the archives are made of, not at the archives."""
    capsys.readouterr()
    assert main(["run", "--output", str(tmp_path / "again"), "--previous", str(written)]) == 0
    out = capsys.readouterr().out
    assert "aucun changement depuis la publication 1.0.0" in out and "zip/" not in out
    for archive in sorted((written / "zip").iterdir()):
        assert archive.read_bytes() == (tmp_path / "again" / "zip" / archive.name).read_bytes()


class HeldByCkan(Ckan):
    """A CKAN dataset as a portal would hold it, read without a network."""

    def __init__(self, resources):
        super().__init__("http://127.0.0.1:9")
        self.held = resources

    def find_dataset(self, name):
        return {"id": "d1", "name": name, "resources": self.held}


def test_only_what_this_publisher_put_there_is_removed_and_its_title_shown_harmless(written):
    from pipeline.publish import render_plan

    held = [{"id": "r1", "name": "Descripteur\x1b[2J", "publish_path": "csv/datapackage.json"},
            {"id": "r2", "name": "Notes de la ville"},  # added by hand: no key
            {"id": "r3", "name": "Partenaires et personnes (CSV)", "publish_path": "csv/partner_people.csv"}]
    with verified_copy(written, ("csv",)) as bundle:
        plan = HeldByCkan(held).plan(bundle, "x")
    removed = [(s.target, s.resource["id"]) for s in plan.steps if s.action == "remove"]
    assert removed == [("Descripteur\\x1b[2J", "r1"), ("Partenaires et personnes (CSV)", "r3")]
    shown = render_plan(plan)
    assert "\x1b" not in shown and "retirer" in shown and "Notes de la ville" not in shown
