"""``update``, the officer's scheduled job: fetch the page (from a server on 127.0.0.1),
run, and publish only when nothing alarming changed. The publishing step itself
(``cli.publish_release``, which is ``publish --yes``) is recorded here instead of sent: its
own tests run against the real portals (tests/test_publish.py)."""

import json

import pytest

from pipeline import cli
from pipeline.cli import main
from pipeline.errors import ALARM_EXIT

from .conftest import SNAPSHOT
from .html_pages import render
from .http_server import Server, page

TEXT = SNAPSHOT.read_text(encoding="utf-8")


@pytest.fixture
def sent(monkeypatch):
    """What ``update`` publishes: (release folder, formats) per call."""
    calls = []

    def publish_release(publisher, release, formats, dataset):
        calls.append((release, formats))
        return "plan exécuté"
    monkeypatch.setattr(cli, "publish_release", publish_release)
    monkeypatch.setenv("DATAGOUV_API_KEY", "test-key")
    return calls


@pytest.fixture
def server():
    with Server() as s:
        yield s


def update(server, tmp_path, text):
    server.routes["/page.htm"] = page(render(text).encode("utf-8"))
    return main(["update", "datagouv", "--api-url", "http://127.0.0.1:9/api/1",
                 "--page-url", f"{server.url}/page.htm", "--raw", str(tmp_path / "raw"),
                 "--output", str(tmp_path / "out")])


def version(out):
    return json.loads((out / "csv" / "datapackage.json").read_text(encoding="utf-8"))["version"]


def test_unchanged_edited_and_alarming_pages(server, tmp_path, sent, capsys):
    out = tmp_path / "out"
    # the first time: a new snapshot, a new release, published
    assert update(server, tmp_path, TEXT) == 0
    assert sent == [(out, ("csv", "parquet", "json"))]
    first = version(out)
    capsys.readouterr()
    # the same page again: nothing new, nothing published, exit 0
    assert update(server, tmp_path, TEXT) == 0
    printed = capsys.readouterr().out
    assert "Rien de nouveau" in printed and "rien n'a été publié" in printed
    assert len(sent) == 1 and version(out) == first
    # a one-word edit: a patch, its French summary, published
    assert update(server, tmp_path, TEXT.replace("réalisation de 10 forages", "réalisation de 12 forages")) == 0
    printed = capsys.readouterr().out
    assert "(version corrective)" in printed and "[-10-] {+12+}" in printed
    assert len(sent) == 2 and version(out) != first
    edited = version(out)
    # most sections gone: an alarm, nothing written, nothing published, its own status
    lines = TEXT.splitlines()
    cut = "\n".join(lines[:40]) + "\n"  # the first partner's section only
    assert update(server, tmp_path, cut) == ALARM_EXIT
    error = capsys.readouterr().err
    assert error.startswith("erreur : rien n'a été publié : la page ne se lit plus comme avant")
    assert "À regarder : la page" in error and "--min-actions-ratio" in error
    assert len(sent) == 2 and version(out) == edited


def test_update_needs_the_key_before_fetching_anything(server, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("DATAGOUV_API_KEY", raising=False)
    assert update(server, tmp_path, TEXT) == 1
    assert "clé absente : définir la variable d'environnement DATAGOUV_API_KEY pour publier" in capsys.readouterr().err
    assert server.requests == [] and not (tmp_path / "out").exists()
