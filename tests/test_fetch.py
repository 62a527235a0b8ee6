"""Fetching the live page, against a local server on 127.0.0.1 only."""

import json

import pytest

from pipeline.cli import main
from pipeline.errors import PipelineError
from pipeline.fetch import fetch

from .conftest import SNAPSHOT
from .html_pages import render
from .http_server import Server, failing_then, oversize, page, slow, status

HTML = render(SNAPSHOT.read_text(encoding="utf-8")).encode("utf-8")
FAST = {"timeout": (2.0, 2.0), "backoff": 0.0}


def manifest(raw):
    return json.loads((raw / "manifest.json").read_text(encoding="utf-8"))["snapshots"]


def leftovers(raw):
    return sorted(p.name for p in raw.iterdir() if p.name.startswith("."))


@pytest.fixture
def server():
    with Server() as s:
        yield s


def test_first_fetch_keeps_a_dated_snapshot_with_its_manifest_entry(server, tmp_path):
    server.routes["/page.htm"] = page(HTML, etag='"v1"')
    got = fetch(f"{server.url}/page.htm", tmp_path, **FAST)
    assert got.new and got.path.read_bytes() == HTML
    assert got.path.name.startswith("ivry-jumelages-") and got.path.suffix == ".html"
    (entry,) = manifest(tmp_path)
    assert entry["etag"] == '"v1"' and entry["http_status"] == 200
    assert entry["bytes"] == len(HTML) and entry["media_type"].startswith("text/html")
    assert "ivry-jumelages/" in server.requests[0][2]["User-Agent"]


def test_unchanged_page_answers_304_and_adds_nothing(server, tmp_path):
    server.routes["/page.htm"] = page(HTML, etag='"v1"')
    first = fetch(f"{server.url}/page.htm", tmp_path, **FAST)
    again = fetch(f"{server.url}/page.htm", tmp_path, **FAST)
    assert server.requests[1][2]["If-None-Match"] == '"v1"'
    assert (again.new, again.path, again.reason) == (False, first.path, "inchangée (HTTP 304)")
    assert len(manifest(tmp_path)) == 1


def test_same_bytes_without_etag_add_no_snapshot(server, tmp_path):
    server.routes["/page.htm"] = page(HTML)
    fetch(f"{server.url}/page.htm", tmp_path, **FAST)
    again = fetch(f"{server.url}/page.htm", tmp_path, **FAST)
    assert not again.new and again.reason.startswith("même contenu que")
    assert len(manifest(tmp_path)) == 1 and len(list(tmp_path.glob("*.html"))) == 1


def test_a_changed_page_is_a_second_snapshot(server, tmp_path):
    server.routes["/page.htm"] = page(HTML, etag='"v1"')
    fetch(f"{server.url}/page.htm", tmp_path, **FAST)
    server.routes["/page.htm"] = page(HTML.replace(b"300 000", b"350 000"), etag='"v2"')
    second = fetch(f"{server.url}/page.htm", tmp_path, **FAST)
    assert second.new and second.path.name.endswith("-2.html")
    assert [e["etag"] for e in manifest(tmp_path)] == ['"v1"', '"v2"']


def test_5xx_is_retried_then_succeeds(server, tmp_path):
    server.routes["/page.htm"] = failing_then(page(HTML), failures=2)
    got = fetch(f"{server.url}/page.htm", tmp_path, retries=3, **FAST)
    assert got.new and server.hits("/page.htm") == 3


def test_persistent_500_gives_up_with_a_clear_message(server, tmp_path):
    server.routes["/page.htm"] = status(500)
    with pytest.raises(PipelineError, match=r"a répondu 500 Internal Server Error après 2 nouveaux essais ; vérifier l'adresse, ou relancer plus tard"):
        fetch(f"{server.url}/page.htm", tmp_path, retries=2, **FAST)
    assert server.hits("/page.htm") == 3
    assert list(tmp_path.iterdir()) == []


def test_404_is_not_retried(server, tmp_path):
    with pytest.raises(PipelineError, match="le serveur a répondu 404 Not Found ; vérifier l'adresse"):
        fetch(f"{server.url}/missing.htm", tmp_path, retries=3, **FAST)
    assert server.hits("/missing.htm") == 1


def test_slow_server_times_out(server, tmp_path):
    server.routes["/slow.htm"] = slow(1.5)
    with pytest.raises(PipelineError, match=r"pas de réponse en 0.5 s après 1 nouvel essai ; relancer plus tard"):
        fetch(f"{server.url}/slow.htm", tmp_path, retries=1, timeout=(0.5, 0.5), backoff=0.0)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("declare", [True, False])
def test_oversize_body_is_refused_and_nothing_is_kept(server, tmp_path, declare):
    server.routes["/big.htm"] = oversize(300_000, declare)
    with pytest.raises(PipelineError, match="limite de 100,000 octets \\(--max-bytes\\) ; rien n'a été gardé : vérifier l'adresse, ou relever --max-bytes"):
        fetch(f"{server.url}/big.htm", tmp_path, max_bytes=100_000, **FAST)
    assert leftovers(tmp_path) == [] and not list(tmp_path.glob("ivry-jumelages*"))


def test_unreachable_url(tmp_path):
    with Server() as gone:
        url = gone.url
    with pytest.raises(PipelineError, match="injoignable après 1 nouvel essai"):
        fetch(f"{url}/page.htm", tmp_path, retries=1, **FAST)


def test_run_from_a_url_fetches_then_builds_the_release(server, tmp_path, capsys, monkeypatch):
    import dataclasses

    import pipeline.config
    import pipeline.fetch
    town = dataclasses.replace(pipeline.config.config(), raw=tmp_path / "raw")  # the town's raw folder
    monkeypatch.setattr(pipeline.config, "_default", lambda: town)
    server.routes["/page.htm"] = page(HTML, etag='"v1"')
    assert main(["run", "--source", f"{server.url}/page.htm", "--output", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "nouvel instantané" in out and "46 actions" in out
    descriptor = json.loads((tmp_path / "out" / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["sources"][0]["path"] == f"{server.url}/page.htm"
