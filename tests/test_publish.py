"""Publishing to data.gouv.fr and CKAN, against stateful fakes on 127.0.0.1."""

import json
import shutil
from collections import Counter

import pytest

from pipeline.cli import main
from pipeline.errors import ReleaseError

from .conftest import ROOT
from .fake_portals import API_KEY, FakeCkan, FakeUdata

PUBLISHED = ROOT / "output"
FILES = 9 * 3 + 3  # nine tables in three formats, and a datapackage.json per format


@pytest.fixture
def udata(monkeypatch):
    monkeypatch.setenv("DATAGOUV_API_KEY", API_KEY)
    with FakeUdata() as server:
        yield server


@pytest.fixture
def ckan(monkeypatch):
    monkeypatch.setenv("CKAN_API_TOKEN", API_KEY)
    with FakeCkan() as server:
        yield server


def to_udata(server, *extra, dataset="ivry-jumelages"):
    return main(["publish", "datagouv", "--dataset", dataset, "--api-url", f"{server.url}/api/1", *extra])


def to_ckan(server, *extra):
    return main(["publish", "ckan", "--url", server.url, "--dataset", "ivry-jumelages", *extra])


def only_dataset(server):
    (dataset,) = server.datasets.values()
    return dataset


def release_with_one_changed_file(tmp_path):
    """A valid release in which only csv/datapackage.json differs from the published one."""
    release = tmp_path / "release"
    shutil.copytree(PUBLISHED, release)
    path = release / "csv" / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["sources"][0]["title"] += " (copie)"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return release


# --- data.gouv.fr ---------------------------------------------------------------------------

def test_without_yes_only_the_plan_is_printed(udata, capsys):
    assert to_udata(udata) == 0
    out = capsys.readouterr().out
    assert "create dataset" in out and "dry run: nothing was changed" in out
    assert out.count("upload ") == FILES
    assert udata.datasets == {} and udata.uploads == 0


def test_first_publish_creates_the_dataset_and_every_resource(udata, capsys):
    assert to_udata(udata, "--yes") == 0
    dataset = only_dataset(udata)
    titles = [r["title"] for r in dataset["resources"]]
    assert len(titles) == FILES == udata.uploads and len(set(titles)) == FILES
    assert {"actions.csv", "actions.parquet", "actions.json", "datapackage-csv.json"} <= set(titles)
    assert dataset["license"] == "lov2" and dataset["spatial"] == {"zones": ["fr:commune:94041"]}
    assert dataset["temporal_coverage"] == {"start": "1999-01-01", "end": "2024-12-31"}
    actions = next(r for r in dataset["resources"] if r["title"] == "actions.csv")
    assert (actions["format"], actions["mime"]) == ("csv", "text/csv")
    assert API_KEY not in capsys.readouterr().out


def test_second_publish_uploads_nothing(udata, capsys):
    to_udata(udata, "--yes")
    slug = only_dataset(udata)["slug"]
    capsys.readouterr()
    assert to_udata(udata, "--yes", dataset=slug) == 0
    assert udata.uploads == FILES
    assert "nothing to do" in capsys.readouterr().out


def test_a_changed_file_replaces_exactly_its_resource_and_keeps_its_id(udata, tmp_path, capsys):
    to_udata(udata, "--yes")
    dataset = only_dataset(udata)
    ids = {r["title"]: r["id"] for r in dataset["resources"]}
    release = release_with_one_changed_file(tmp_path)
    assert to_udata(udata, "--yes", "--release", str(release), dataset=dataset["slug"]) == 0
    assert udata.uploads == FILES + 1
    assert {r["title"]: r["id"] for r in dataset["resources"]} == ids
    changed = next(r for r in dataset["resources"] if r["title"] == "datapackage-csv.json")
    local = (release / "csv" / "datapackage.json").read_bytes()
    import hashlib
    assert changed["checksum"]["value"] == hashlib.sha1(local).hexdigest()
    assert "replace file  datapackage-csv.json" in capsys.readouterr().out


def test_a_bad_key_is_said_plainly_and_changes_nothing(udata, monkeypatch, capsys):
    monkeypatch.setenv("DATAGOUV_API_KEY", "wrong-key")
    assert to_udata(udata, "--yes") == 1
    err = capsys.readouterr().err
    assert "refused the request (401)" in err and "DATAGOUV_API_KEY" in err
    assert "wrong-key" not in err and udata.datasets == {} and udata.uploads == 0


def test_no_key_with_yes_is_refused_before_any_call(udata, monkeypatch, capsys):
    monkeypatch.delenv("DATAGOUV_API_KEY")
    assert to_udata(udata, "--yes") == 1
    assert "set DATAGOUV_API_KEY" in capsys.readouterr().err
    assert udata.requests == []


def test_a_failure_midway_then_a_rerun_ends_without_duplicates(udata, capsys):
    udata.fail_upload_number = 6
    assert to_udata(udata, "--yes") == 1
    assert "answered 500" in capsys.readouterr().err
    dataset = only_dataset(udata)
    assert len(dataset["resources"]) == 5
    assert to_udata(udata, "--yes", dataset=dataset["slug"]) == 0
    titles = Counter(r["title"] for r in dataset["resources"])
    assert len(titles) == FILES and set(titles.values()) == {1}


def test_an_invalid_release_is_not_published(udata, tmp_path, capsys):
    release = tmp_path / "release"
    shutil.copytree(PUBLISHED, release)
    (release / "csv" / "actions.csv").write_text("action_id\nx\n", encoding="utf-8")
    assert to_udata(udata, "--yes", "--release", str(release)) == ReleaseError.exit_code
    assert "not valid" in capsys.readouterr().err
    assert udata.requests == []


def test_only_the_chosen_formats(udata):
    to_udata(udata, "--yes", "--formats", "parquet")
    titles = {r["title"] for r in only_dataset(udata)["resources"]}
    assert titles == {f"{t}.parquet" for t in ("partners", "actions", "programmes", "action_programmes",
                      "organisations", "action_organisations", "people", "action_people",
                      "action_themes")} | {"datapackage-parquet.json"}


# --- CKAN -----------------------------------------------------------------------------------

def test_ckan_first_publish_then_nothing(ckan, capsys):
    assert to_ckan(ckan, "--yes", "--organization", "ville-ivry") == 0
    package = ckan.packages["ivry-jumelages"]
    assert package["license_id"] == "other-at" and package["owner_org"] == "ville-ivry"
    names = [r["name"] for r in package["resources"]]
    assert len(names) == FILES == ckan.uploads and "datapackage-json.json" in names
    assert to_ckan(ckan, "--yes", "--organization", "ville-ivry") == 0
    assert ckan.uploads == FILES
    assert "nothing to do" in capsys.readouterr().out


def test_ckan_changed_file_is_patched_in_place(ckan, tmp_path):
    to_ckan(ckan, "--yes")
    package = ckan.packages["ivry-jumelages"]
    ids = {r["name"]: r["id"] for r in package["resources"]}
    assert to_ckan(ckan, "--yes", "--release", str(release_with_one_changed_file(tmp_path))) == 0
    assert ckan.uploads == FILES + 1
    assert {r["name"]: r["id"] for r in package["resources"]} == ids


def test_ckan_bad_token(ckan, monkeypatch, capsys):
    monkeypatch.setenv("CKAN_API_TOKEN", "nope")
    assert to_ckan(ckan, "--yes") == 1
    err = capsys.readouterr().err
    assert "refused the request (package_create)" in err and "CKAN_API_TOKEN" in err and "nope" not in err
    assert ckan.packages == {}


def test_ckan_failure_midway_then_rerun(ckan, capsys):
    ckan.fail_upload_number = 4
    assert to_ckan(ckan, "--yes") == 1
    assert "answered 500 to resource_create" in capsys.readouterr().err
    assert to_ckan(ckan, "--yes") == 0
    names = Counter(r["name"] for r in ckan.packages["ivry-jumelages"]["resources"])
    assert len(names) == FILES and set(names.values()) == {1}


def test_an_upload_the_portal_did_not_store_as_sent_is_an_error(udata, capsys):
    udata.corrupt_checksums = True
    assert to_udata(udata, "--yes") == 1
    assert "the uploaded partners.csv does not match the local file (checksum differs)" in capsys.readouterr().err


def test_a_file_too_large_for_the_portal(udata, capsys):
    udata.fail_upload_number, udata.fail_status = 1, 413
    assert to_udata(udata, "--yes") == 1
    assert "the file is too large for the portal (413)" in capsys.readouterr().err
