"""The publisher against the real CKAN 2.11 and the real udata 17, started by the session.

Every scenario runs on both portals, each with a dataset name of its own. What the portal
holds is read back with plain HTTP calls, not with the publisher's code, and every file is
downloaded and compared with the local one.
"""

import hashlib
import uuid
from collections import Counter

import pytest
import requests

from pipeline.cli import main
from pipeline.errors import PortalError

from .releases import changed_files

pytestmark = pytest.mark.portals

PARQUET_ON_UDATA = False  # stock udata refuses .parquet (and .md, .html): see udata_portal.py


class Udata:
    """What a udata portal holds, through its API."""

    key_variable = "DATAGOUV_API_KEY"

    def __init__(self, portal):
        self.portal = portal
        self.http = requests.Session()

    def command(self, name):
        return ["publish", "datagouv", "--api-url", self.portal.api, "--dataset", name,
                "--organization", self.portal.organization]

    def _get(self, path, **params):
        answer = self.http.get(self.portal.api + path, params=params, timeout=30)
        answer.raise_for_status()
        return answer.json()

    def all_datasets(self):
        organization = self._get(f"/organizations/{self.portal.organization}/")["id"]
        return self._get("/datasets/", organization=organization, page_size=1000)["data"]

    def datasets(self, name):
        return [self._get(f"/datasets/{d['id']}/") for d in self.all_datasets()
                if d["extras"].get("publish:dataset") == name]

    def resources(self, dataset):
        return [{"key": r["extras"].get("publish:path"), "id": r["id"], "title": r["title"],
                 "documentation": r["type"] == "documentation", "stable": r["latest"],
                 "url": r["url"], "checksum": r["checksum"]} for r in dataset["resources"]]

    def portal_checksum_matches(self, resource, path):
        checksum = resource["checksum"]
        return checksum["value"] == hashlib.new(checksum["type"], path.read_bytes()).hexdigest()

    def tags(self, dataset):
        return set(dataset["tags"])


class Ckan:
    key_variable = "CKAN_API_TOKEN"

    def __init__(self, portal):
        self.portal = portal
        self.http = requests.Session()

    def command(self, name):
        return ["publish", "ckan", "--url", self.portal.url, "--dataset", name,
                "--organization", self.portal.organization]

    def _action(self, action, **params):
        answer = self.http.get(f"{self.portal.url}/api/3/action/{action}", params=params, timeout=30)
        return answer.json()

    def all_datasets(self):
        return self._action("package_list")["result"]

    def datasets(self, name):
        found = self._action("package_show", id=name)
        return [found["result"]] if found["success"] else []

    def resources(self, dataset):
        return [{"key": r.get("publish_path"), "id": r["id"], "title": r["name"],
                 "documentation": r.get("resource_type") == "documentation", "stable": r["url"],
                 "url": r["url"], "checksum": r.get("hash")} for r in dataset["resources"]]

    def portal_checksum_matches(self, resource, path):
        # CKAN computes none: it keeps the one the publisher sent; the download proves it
        return resource["checksum"] == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()

    def tags(self, dataset):
        return {t["name"] for t in dataset["tags"]}


@pytest.fixture(params=["ckan", "udata"])
def portal(request, portals, monkeypatch):
    found = portals[request.param]
    view = (Ckan if request.param == "ckan" else Udata)(found)
    monkeypatch.setenv(view.key_variable, found.key)
    view.name = f"jumelages-{uuid.uuid4().hex[:8]}"  # a dataset of this test's own
    return view


def publish(portal, release, capsys, *extra):
    code = main([*portal.command(portal.name), "--release", str(release), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def published(portal, release, capsys):
    code, out, err = publish(portal, release, capsys, "--yes")
    assert code == 0, err
    return out


# The release's files that are for machines, not for readers, and are not published: the
# run report, the change log's JSON, the checksums.
MACHINE_FILES = {"run-report.json", "changelog.json", "SHA256SUMS"}


def published_paths(portal, release):
    """The release's files this portal takes: all on CKAN; on stock udata, no Parquet, no
    HTML page, and Markdown sent as text."""
    paths = {p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()}
    paths -= MACHINE_FILES  # for machines, not for readers
    if isinstance(portal, Udata):
        paths = {p for p in paths if not p.startswith("parquet/") and p != "index.html"}
    return paths


def the_dataset(portal):
    (dataset,) = portal.datasets(portal.name)
    return dataset


def by_key(portal, dataset):
    resources = portal.resources(dataset)
    assert Counter(r["key"] for r in resources).most_common(1)[0][1] == 1  # no duplicate
    return {r["key"]: r for r in resources}


def download(portal, resource):
    answer = portal.http.get(resource["stable"], timeout=30)
    answer.raise_for_status()
    return answer.content


# --- the scenarios ------------------------------------------------------------------------

def test_a_dry_run_changes_nothing(portal, releases, capsys):
    before = portal.all_datasets()
    code, out, _ = publish(portal, releases[0], capsys)
    assert code == 0 and "dry run: nothing was changed" in out
    assert "create dataset" in out and "upload          Classeur (tableur)" in out
    assert portal.all_datasets() == before and portal.datasets(portal.name) == []


def test_first_publish_then_the_same_command_does_nothing(portal, releases, capsys):
    first = releases[0]
    before = len(portal.all_datasets())
    code, out, err = publish(portal, first, capsys, "--yes")
    assert code == 0, err
    assert portal.key_variable not in out + err and portal.portal.key not in out + err
    dataset = the_dataset(portal)
    resources = by_key(portal, dataset)
    assert set(resources) == published_paths(portal, first)
    for key, resource in resources.items():
        assert download(portal, resource) == (first / key).read_bytes(), key
        assert portal.portal_checksum_matches(resource, first / key), key

    code, out, err = publish(portal, first, capsys, "--yes")
    assert code == 0, err
    assert "nothing to do" in out and "0 change(s)" in out
    assert "upload" not in out and "replace" not in out
    assert len(portal.all_datasets()) == before + 1 and len(portal.datasets(portal.name)) == 1
    again = by_key(portal, the_dataset(portal))
    assert {k: (r["id"], r["url"]) for k, r in again.items()} == \
        {k: (r["id"], r["url"]) for k, r in resources.items()}


def test_what_a_visitor_sees(portal, releases, capsys):
    first = releases[0]
    published(portal, first, capsys)
    dataset = the_dataset(portal)
    resources = portal.resources(dataset)
    titles = [r["title"] for r in resources]
    assert titles[0] == "Classeur (tableur)"  # journalists look for it first
    assert {"Actions (CSV)", "Partenaires (JSON)", "Texte de la page (instantané)",
            "Dictionnaire des données", "Descripteur du paquet CSV"} <= set(titles)
    assert ("Partenaires (Parquet)" in titles) is (isinstance(portal, Ckan) or PARQUET_ON_UDATA)
    documentation = {r["title"] for r in resources if r["documentation"]}
    assert {"Descripteur du paquet CSV", "Dictionnaire des données",
            "Texte de la page (instantané)", "Journal des modifications"} <= documentation
    assert not any(t.endswith("(CSV)") or t == "Classeur (tableur)" for t in documentation)
    snapshot = next(r for r in resources if r["title"] == "Texte de la page (instantané)")
    assert download(portal, snapshot) == (first / snapshot["key"]).read_bytes()
    description = dataset.get("description") or dataset.get("notes")
    assert "**Classeur (tableur)**" in description and "Tables en CSV" in description
    assert ("Tables en Parquet" in description) is ("Partenaires (Parquet)" in titles)
    assert "index.html" not in description and "csv/" not in description
    assert {"jumelage"} <= portal.tags(dataset)


def test_one_changed_cell_replaces_only_the_changed_files(portal, releases, capsys):
    first, second = releases
    published(portal, first, capsys)
    before = by_key(portal, the_dataset(portal))
    code, out, err = publish(portal, second, capsys, "--yes")
    assert code == 0, err
    after = by_key(portal, the_dataset(portal))
    changed = changed_files(first, second) & published_paths(portal, second)
    assert "csv/actions.csv" in changed and "csv/partners.csv" not in changed
    assert {k for k in after if after[k]["checksum"] != before[k]["checksum"]} == changed
    assert out.count("  replace file: ") == len(changed) and "  upload: " not in out
    assert {k: (r["id"], r["stable"]) for k, r in after.items()} == \
        {k: (r["id"], r["stable"]) for k, r in before.items()}  # same ids, same addresses
    for key in changed:
        assert download(portal, after[key]) == (second / key).read_bytes(), key
    code, out, _ = publish(portal, second, capsys, "--yes")
    assert code == 0 and "nothing to do" in out


def test_a_wrong_key_is_said_in_one_line(portal, releases, capsys, monkeypatch):
    monkeypatch.setenv(portal.key_variable, "not-the-key")
    code, _out, err = publish(portal, releases[0], capsys, "--yes")
    assert code == PortalError.exit_code
    (line,) = err.strip().splitlines()
    assert portal.key_variable in line and "refused" in line and "not-the-key" not in line
    assert "Traceback" not in err and portal.datasets(portal.name) == []


def test_resources_of_an_earlier_version_are_adopted_not_duplicated(portal, releases, capsys):
    """An earlier version titled each resource with its file name and stored no key: the
    next run finds those resources, retitles them and uploads nothing twice."""
    first = releases[0]
    published(portal, first, capsys)
    dataset = the_dataset(portal)
    actions = by_key(portal, dataset)["csv/actions.csv"]
    portal_as_before(portal, dataset, actions["id"], title="actions.csv")
    code, out, _ = publish(portal, first, capsys, "--yes")
    assert code == 0 and "update metadata  Actions (CSV)" in out and "  upload: " not in out
    again = by_key(portal, the_dataset(portal))
    assert again["csv/actions.csv"]["id"] == actions["id"]
    assert again["csv/actions.csv"]["title"] == "Actions (CSV)"


def portal_as_before(portal, dataset, resource_id, title):
    """Make a resource look as the earlier version left it: its file name as title, no key."""
    if isinstance(portal, Udata):
        answer = requests.put(f"{portal.portal.api}/datasets/{dataset['id']}/resources/{resource_id}/",
                              json={"title": title, "extras": {}},
                              headers={"X-API-KEY": portal.portal.key}, timeout=30)
    else:
        resource = next(r for r in dataset["resources"] if r["id"] == resource_id)
        resource = {k: v for k, v in resource.items() if k != "publish_path"}
        answer = requests.post(f"{portal.portal.url}/api/3/action/resource_update",
                               json={**resource, "name": title},
                               headers={"Authorization": portal.portal.key}, timeout=30)
    answer.raise_for_status()


def test_udata_adopts_a_dataset_named_by_its_slug_and_finds_it_after_udata_renames_it(
        udata_portal, releases, capsys, monkeypatch):
    """udata chooses a dataset's slug from its title, and changes it with the title: the
    publisher stores the name it was given in the dataset's extras and finds it by that."""
    monkeypatch.setenv("DATAGOUV_API_KEY", udata_portal.key)
    portal = Udata(udata_portal)
    headers = {"X-API-KEY": udata_portal.key}
    organization = portal._get(f"/organizations/{udata_portal.organization}/")["id"]
    created = requests.post(f"{udata_portal.api}/datasets/", headers=headers, timeout=30,
                            json={"title": f"Fait à la main {uuid.uuid4().hex[:6]}",
                                  "description": "Créé dans l'interface du portail.",
                                  "organization": organization}).json()
    old_slug = created["slug"]
    before = len(portal.all_datasets())
    portal.name = old_slug
    out = published(portal, releases[0], capsys)
    assert "update dataset" in out and "create dataset" not in out
    renamed = portal._get(f"/datasets/{created['id']}/")
    assert renamed["slug"] != old_slug and renamed["extras"]["publish:dataset"] == old_slug
    out = published(portal, releases[0], capsys)
    assert "nothing to do" in out
    assert len(portal.all_datasets()) == before
