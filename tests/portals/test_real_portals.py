"""The publisher against the real CKAN 2.11 and the real udata 17, started by the session.

Every scenario runs on both portals, each with a dataset name of its own. What the portal
holds is read back with plain HTTP calls, not with the publisher's code, and every file is
downloaded and compared with the local one.
"""

import csv
import hashlib
import json
import re
import time
import uuid
from collections import Counter

import pytest
import requests

from pipeline.cli import main
from pipeline.errors import PortalError

from .releases import changed_files

pytestmark = pytest.mark.portals

STEM = "ivry-jumelages"


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

    def temporal_end(self, dataset):
        return str(dataset["temporal_coverage"]["end"])[:10]

    def contact(self, dataset):
        return [(c["name"], c["email"], c["role"]) for c in dataset["contact_points"]]

    def add_resource(self, dataset, name, title, key):
        """A file uploaded straight through the API, with this publisher's key or none."""
        headers = {"X-API-KEY": self.portal.key}
        answer = requests.post(f"{self.portal.api}/datasets/{dataset['id']}/upload/", headers=headers,
                               files={"file": (name, b"{}\n", "application/json")}, timeout=30)
        answer.raise_for_status()
        extras = {"publish:path": key} if key else {}
        requests.put(f"{self.portal.api}/datasets/{dataset['id']}/resources/{answer.json()['id']}/",
                     json={"title": title, "extras": extras}, headers=headers,
                     timeout=30).raise_for_status()


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

    def temporal_end(self, dataset):
        return {e["key"]: e["value"] for e in dataset["extras"]}["temporal_end"]

    def contact(self, dataset):
        return [(dataset["maintainer"], dataset["maintainer_email"], "contact")] \
            if dataset.get("maintainer_email") else []

    def add_resource(self, dataset, name, title, key):
        answer = requests.post(f"{self.portal.url}/api/3/action/resource_create",
                               data={"package_id": dataset["id"], "name": title,
                                     **({"publish_path": key} if key else {})},
                               files={"upload": (name, b"{}\n")},
                               headers={"Authorization": self.portal.key}, timeout=30)
        answer.raise_for_status()


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


def published_paths(portal, release):
    """What a portal page shows, spelt out here rather than asked of the publisher: the
    workbook, the CSV of each table that has rows, the four archives, the page's text, the
    dictionary, and the page itself where the portal takes HTML (stock udata does not)."""
    tables = set()
    for path in (release / "csv").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            if len(list(csv.DictReader(handle))):
                tables.add(f"csv/{path.name}")
    paths = {f"xlsx/{STEM}.xlsx", *tables, f"source/{STEM}.txt", "README.md", "index.html",
             *(f"zip/{STEM}-{name}.zip" for name in ("csv", "parquet", "json", "sqlite"))}
    assert len(paths) == 19 and "csv/partner_people.csv" not in paths  # an empty table
    return paths - {"index.html"} if isinstance(portal, Udata) else paths


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
    assert code == 0 and "Essai à blanc : rien n'a été modifié" in out
    assert re.search(r"^créer le jeu de données +jumelages-", out, re.M)
    assert re.search(r"^envoyer +Classeur \(tableur\)  \(nouveau fichier\)$", out, re.M)
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
    assert "Rien à faire" in out and " : 0 changement, " in out
    assert "envoyer" not in out and "remplacer" not in out
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
    assert titles[:3] == ["Classeur (tableur)", "Partenaires (CSV)", "Actions (CSV)"]
    assert titles[12:16] == ["Paquet CSV complet (zip)", "Paquet Parquet complet (zip)",
                             "Paquet JSON complet (zip)", "Base de données SQLite (zip)"]
    assert {"Texte de la page (instantané)", "Dictionnaire des données"} <= set(titles)
    assert not any(t.endswith(("(Parquet)", "(JSON)")) or t.startswith("Descripteur") for t in titles)
    assert ("Présentation des données" in titles) is isinstance(portal, Ckan)  # udata: no .html
    documentation = {r["title"] for r in resources if r["documentation"]}
    assert documentation == {"Dictionnaire des données", "Texte de la page (instantané)",
                             *(["Présentation des données"] if isinstance(portal, Ckan) else [])}
    snapshot = next(r for r in resources if r["title"] == "Texte de la page (instantané)")
    assert download(portal, snapshot) == (first / snapshot["key"]).read_bytes()
    description = dataset.get("description") or dataset.get("notes")
    assert "**Classeur (tableur)**" in description and "Tables en CSV" in description
    assert "**Paquet Parquet complet (zip)**" in description
    assert "seulement dans les paquets complets : Partenaires et programmes" in description
    assert "index.html" not in description and "csv/" not in description
    assert {"jumelage"} <= portal.tags(dataset)
    # four actions are ongoing: the coverage runs to the snapshot's day, not to 2024
    retrieved = json.loads((first / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    assert portal.temporal_end(dataset) == retrieved["sources"][0]["retrieved"][:10] > "2024-12-31"
    assert portal.contact(dataset) == []  # city.toml gives no e-mail address


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
    assert out.count(" : remplacé\n") == len(changed) and " : envoyé\n" not in out
    assert {k: (r["id"], r["stable"]) for k, r in after.items()} == \
        {k: (r["id"], r["stable"]) for k, r in before.items()}  # same ids, same addresses
    for key in changed:
        assert download(portal, after[key]) == (second / key).read_bytes(), key
    code, out, _ = publish(portal, second, capsys, "--yes")
    assert code == 0 and "Rien à faire" in out


def test_a_wrong_key_is_said_in_one_line(portal, releases, capsys, monkeypatch):
    monkeypatch.setenv(portal.key_variable, "not-the-key")
    code, _out, err = publish(portal, releases[0], capsys, "--yes")
    assert code == PortalError.exit_code
    (line,) = err.strip().splitlines()
    assert portal.key_variable in line and "refusée" in line and "not-the-key" not in line
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
    assert code == 0 and re.search(r"^mettre à jour la fiche +Actions \(CSV\)", out, re.M)
    assert " : envoyé\n" not in out
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
    assert "mettre à jour le jeu de données" in out and "créer le jeu de données" not in out
    renamed = portal._get(f"/datasets/{created['id']}/")
    assert renamed["slug"] != old_slug and renamed["extras"]["publish:dataset"] == old_slug
    out = published(portal, releases[0], capsys)
    assert "Rien à faire" in out
    assert len(portal.all_datasets()) == before


def test_what_an_earlier_heavier_page_left_is_removed_and_nothing_else(portal, releases, capsys):
    """A portal page published by an earlier version (every file of every package) loses
    the files this publisher put there and no longer sends; a file someone added by hand,
    which carries no key of the publisher's, stays."""
    first = releases[0]
    published(portal, first, capsys)
    dataset = the_dataset(portal)
    portal.add_resource(dataset, "datapackage-csv.json", "Descripteur du paquet CSV",
                        "csv/datapackage.json")
    portal.add_resource(dataset, "partner_people.csv", "Partenaires et personnes (CSV)",
                        "csv/partner_people.csv")
    portal.add_resource(dataset, "notes.json", "Notes de la ville", None)
    code, out, err = publish(portal, first, capsys)
    assert code == 0, err
    assert re.search(r"^retirer +Descripteur du paquet CSV  \(n'est plus publié\)$", out, re.M)
    assert re.search(r"^retirer +Partenaires et personnes \(CSV\)", out, re.M)
    assert "Notes de la ville" not in out
    out = published(portal, first, capsys)
    assert out.count(" : retiré\n") == 2
    resources = by_key(portal, the_dataset(portal))
    assert set(resources) == published_paths(portal, first) | {None}
    assert resources[None]["title"] == "Notes de la ville"
    assert "Rien à faire" in published(portal, first, capsys)


@pytest.fixture
def contact(monkeypatch):
    from dataclasses import replace

    import pipeline.publish.bundle
    from pipeline.config import Contact, config
    settings = replace(config(), contact=Contact("Service des relations internationales",
                                                 "https://www.ivry94.fr", "jumelages@example.org"))
    monkeypatch.setattr(pipeline.publish.bundle, "config", lambda: settings)
    return "Service des relations internationales", "jumelages@example.org", "contact"


def test_the_contact_email_of_the_configuration_reaches_the_portal(portal, releases, capsys, contact):
    published(portal, releases[0], capsys)
    dataset = the_dataset(portal)
    assert portal.contact(dataset) == [contact]
    description = dataset.get("description") or dataset.get("notes")
    assert "**Contact** : Service des relations internationales, <jumelages@example.org>." in description
    assert "Rien à faire" in published(portal, releases[0], capsys)  # compared as it is held
    if isinstance(portal, Udata):  # a second dataset shares the organisation's contact point
        portal.name += "-2"
        published(portal, releases[0], capsys)
        organization = portal._get(f"/organizations/{portal.portal.organization}/")["id"]
        points = portal._get(f"/organizations/{organization}/contacts/", page_size=100)["data"]
        assert [p["email"] for p in points].count("jumelages@example.org") == 1


def test_update_publishes_an_edit_and_nothing_when_unchanged_or_alarming(portal, tmp_path, capsys):
    """The officer's scheduled job against the real portal: the page served on 127.0.0.1."""
    from pipeline.errors import ALARM_EXIT

    from ..html_pages import render
    from ..http_server import Server, page
    from .releases import SNAPSHOT

    text = SNAPSHOT.read_text(encoding="utf-8")
    out = tmp_path / "out"
    with Server() as server:
        def update(page_text):
            server.routes["/page.htm"] = page(render(page_text).encode("utf-8"))
            code = main(["update", *portal.command(portal.name)[1:], "--page-url",
                         f"{server.url}/page.htm", "--raw", str(tmp_path / "raw"),
                         "--output", str(out)])
            captured = capsys.readouterr()
            return code, captured.out, captured.err

        code, printed, err = update(text)
        assert code == 0, err
        assert "envoyée sur" in printed
        before = len(portal.all_datasets())
        first = by_key(portal, the_dataset(portal))
        assert set(first) == published_paths(portal, out)
        # the same page: nothing published, the portal as it was
        code, printed, err = update(text)
        assert code == 0 and "Rien de nouveau" in printed and "rien n'a été publié" in printed, err
        same = by_key(portal, the_dataset(portal))
        assert {k: (r["id"], r["checksum"]) for k, r in same.items()} == \
            {k: (r["id"], r["checksum"]) for k, r in first.items()}
        # a one-word edit: published, in the same resources
        code, printed, err = update(text.replace("réalisation de 10 forages", "réalisation de 12 forages"))
        assert code == 0, err
        assert "(version corrective)" in printed and "[-10-] {+12+}" in printed
        edited = by_key(portal, the_dataset(portal))
        assert {k: r["id"] for k, r in edited.items()} == {k: r["id"] for k, r in first.items()}
        assert edited["csv/actions.csv"]["checksum"] != first["csv/actions.csv"]["checksum"]
        assert download(portal, edited["csv/actions.csv"]) == (out / "csv" / "actions.csv").read_bytes()
        # most of the page gone: an alarm, its own status, nothing sent
        cut = "\n".join(text.splitlines()[:40]) + "\n"
        code, printed, err = update(cut)
        assert code == ALARM_EXIT and "rien n'a été publié" in err
        after = by_key(portal, the_dataset(portal))
        assert {k: (r["id"], r["checksum"]) for k, r in after.items()} == \
            {k: (r["id"], r["checksum"]) for k, r in edited.items()}
        assert len(portal.all_datasets()) == before


def test_udata_a_file_replaced_within_the_second_of_its_upload(udata_portal, tmp_path):
    """udata stores an upload under the dataset's slug, the second and the file's name, and
    answers 500 to a replacement of the same resource within that second (``FileExists``):
    a publication whose changed file went up moments before meets it (as CI did). Replacing
    a resource's file is idempotent, so the publisher retries it after a backoff, once the
    second has turned; a new file's upload is still never repeated."""
    from pipeline.layout import ReleaseFile
    from pipeline.publish.base import Step
    from pipeline.publish.bundle import LocalFile
    from pipeline.publish.datagouv import DataGouv

    client = DataGouv(udata_portal.api, udata_portal.key, udata_portal.organization)
    organization = requests.get(f"{udata_portal.api}/organizations/{udata_portal.organization}/",
                                timeout=30).json()["id"]
    dataset = client.create_dataset({"title": f"jumelages-{uuid.uuid4().hex[:8]}",
                                     "description": "Deux envois dans la même seconde.",
                                     "organization": organization})
    histories = []
    client.replacing.hooks["response"].append(
        lambda response, *args, **kwargs: histories.append(response.raw.retries.history))

    def step(content, resource=None):
        path = tmp_path / f"{len(histories)}-{uuid.uuid4().hex[:4]}.csv"
        path.write_bytes(content)
        file = LocalFile(ReleaseFile("csv/actions.csv", "data", "csv", "text/csv",
                                     "Actions (CSV)", "Les actions."), path)
        return Step("replace file" if resource else "upload", "Actions (CSV)", file=file,
                    resource=resource, upload_name="actions.csv")

    time.sleep(1.02 - time.time() % 1)  # both calls start at the beginning of one second
    first = client.upload(dataset, step(b"id\n1\n"))
    second = client.upload(dataset, step(b"id\n2\n", first))

    assert second["id"] == first["id"]
    stamp = re.compile(r"/(\d{8}-\d{6})/actions\.csv$")
    assert stamp.search(first["url"])[1] < stamp.search(second["url"])[1]
    (history,) = histories  # the new file's upload did not go through the retrying session
    assert [entry.status for entry in history][:1] == [500]  # refused in the first second
    answer = requests.get(f"{udata_portal.api}/datasets/{dataset['id']}/", timeout=30).json()
    (resource,) = answer["resources"]
    assert requests.get(resource["latest"], timeout=30).content == b"id\n2\n"
