"""The registries of formats and views are the one list every consumer reads: a format
added in one place (a module and a registry line) reaches the release, its validation, the
page's download list, the change log's file comparison and both portals' publish plans,
with no other edit."""

import csv
import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

import pipeline.emit
from pipeline.cli import main
from pipeline.errors import ReleaseError
from pipeline.emit import release_files
from pipeline.layout import Layout

from .fake_portals import send
from .http_server import Server


def _cell(value) -> str:
    return "" if value is None else ("true" if value else "false") if isinstance(value, bool) else str(value)


def _typed(text: str, kind: str):
    if text == "":
        return None
    return {"integer": int, "number": float, "boolean": lambda t: t == "true",
            "date": date.fromisoformat}.get(kind, str)(text)


def _fake_format(broken: bool = False) -> SimpleNamespace:
    """Tab-separated values: a fourth format, written and read back by its own module."""
    def write(path: Path, rows, schema) -> None:
        names = [f["name"] for f in schema["fields"]]
        with path.open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, delimiter="\t", lineterminator="\n")
            out.writerow(names)
            out.writerows([_cell(row[n]) for n in names] for row in rows)

    def read(path: Path, schema):
        types = {f["name"]: f["type"] for f in schema["fields"]}
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [{k: _typed(v, types[k]) for k, v in row.items()}
                    for row in csv.DictReader(handle, delimiter="\t")]
        return rows[1:] if broken else rows  # a broken writer loses a row

    return SimpleNamespace(FORMAT="tsv", LABEL="TSV", MEDIATYPE="text/tab-separated-values",
                           RESOURCE_EXTRAS={"encoding": "utf-8", "dialect": {"delimiter": "\t"}},
                           SCHEMA_EXTRAS={}, STATS=("bytes", "hash"), write=write, read=read)


@pytest.fixture
def with_tsv(monkeypatch):
    def register(broken: bool = False) -> None:
        packages = (*pipeline.emit.PACKAGES, _fake_format(broken))
        monkeypatch.setattr(pipeline.emit, "PACKAGES", packages)
        monkeypatch.setattr(pipeline.emit.formats, "PACKAGES", packages)  # where the archives read it
    return register


def test_a_new_format_reaches_the_release_its_validation_and_the_page(tmp_path, with_tsv):
    with_tsv()
    out = tmp_path / "out"
    assert main(["run", "--output", str(out), "--first-release"]) == 0
    descriptor = json.loads((out / "tsv" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == "1.0.0" and len(descriptor["resources"]) == 13  # the labels too
    with (out / "tsv" / "actions.tsv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.reader(handle, delimiter="\t"))) == 47  # a header and 46 actions
    files = {f.path: f for f in release_files(Layout(out))}
    assert files["tsv/actions.tsv"].title == "Actions (TSV)"
    assert files["tsv/datapackage.json"].kind == "documentation"
    assert 'href="tsv/actions.tsv"' in (out / "index.html").read_text(encoding="utf-8")
    assert main(["validate", str(out)]) == 0


def test_a_format_that_loses_a_row_stops_the_run(tmp_path, with_tsv, capsys):
    with_tsv(broken=True)
    out = tmp_path / "out"
    assert main(["run", "--output", str(out), "--first-release"]) == ReleaseError.exit_code
    assert "tsv/datapackage.json: table partners does not hold the validated records" in capsys.readouterr().err
    assert not out.exists()


def test_the_change_log_sees_a_new_format_as_new_files(tmp_path, with_tsv, capsys):
    out = tmp_path / "out"
    assert main(["run", "--output", str(out), "--first-release"]) == 0
    with_tsv()
    assert main(["run", "--output", str(out), "--previous", str(out)]) == 0
    history = json.loads((out / "changelog.json").read_text(encoding="utf-8"))["releases"]
    assert history[0]["version"] == "1.0.1" and history[0]["level"] == "patch"
    assert "tsv/actions.tsv" in history[0]["changes"]["files"]


@pytest.fixture
def empty_portal():
    """A portal that holds nothing: every read answers 404 (as udata and CKAN word it)."""
    with Server() as server:
        server.fallback = lambda handler, method, path: send(handler, 404, json.dumps(
            {"success": False, "message": "Not found",
             "error": {"__type": "Not Found Error", "message": "Not found"}}).encode())
        yield server


@pytest.mark.slow  # a whole run then a dry-run publication, for each portal (4 s)
@pytest.mark.parametrize("portal, where", [("datagouv", "--api-url={url}/api/1"), ("ckan", "--url={url}")])
def test_a_new_format_is_in_both_portals_publish_plans(portal, where, tmp_path, with_tsv, empty_portal,
                                                        monkeypatch, capsys):
    monkeypatch.delenv("DATAGOUV_API_KEY", raising=False)
    monkeypatch.delenv("CKAN_API_TOKEN", raising=False)
    with_tsv()
    out = tmp_path / "out"
    assert main(["run", "--output", str(out), "--first-release"]) == 0
    capsys.readouterr()
    assert main(["publish", portal, where.format(url=empty_portal.url), "--release", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "(csv, parquet, json, tsv)" in printed.splitlines()[0]
    uploads = [line.split(None, 1)[1].rsplit("  (", 1)[0] for line in printed.splitlines()
               if line.startswith("envoyer ")]
    # a portal shows each format other than CSV as one archive of its package
    assert "Paquet TSV complet (zip)" in uploads and "Paquet CSV complet (zip)" in uploads
    assert not any(u.endswith("(TSV)") for u in uploads)
    assert "Essai à blanc : rien n'a été modifié" in printed
    assert all(method == "GET" for method, _, _ in empty_portal.requests)
