"""Hostile or broken servers and manifests against ``fetch``, each a row: what the server
(or raw/) holds, the command, and what must hold: the exit status, the one line on
standard error, raw/ exactly as it was. Servers listen on 127.0.0.1 only; every command
runs in a real process, with a generous time limit for the ones that must not hang."""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT, SNAPSHOT
from .html_pages import render
from .http_server import (
    Server, dribble, dribble_headers, empty, page, raw_answer, redirect, status, with_headers,
)
from .security import (
    as_unprivileged, cli, error_line, file_size_limit, read_only, tree, writable_again,
)

pytestmark = pytest.mark.slow

HTML = render(SNAPSHOT.read_text(encoding="utf-8")).encode("utf-8")
QUICK = ("--timeout", "2", "--retries", "0")
MANIFEST = (ROOT / "raw" / "manifest.json").read_text(encoding="utf-8")


@pytest.fixture
def server():
    with Server() as s:
        yield s


def _manifest(text: str):
    def prepare(raw: Path) -> None:
        raw.mkdir(exist_ok=True)
        (raw / "manifest.json").write_text(text, encoding="utf-8")
    return prepare


def _entry(**fields) -> str:
    return json.dumps({"description": "x", "snapshots": [fields]})


# id, the server's answer at /page.htm, what raw/ holds before, extra options,
# exit status, the start of the error line after "erreur : <url>: " (or of the whole line)
ROWS = [
    ("empty 200 body", empty(200), None, (), 4, "le serveur a répondu 200 avec une page vide ; rien n'a été gardé : relancer plus tard"),
    ("304 without an earlier snapshot", status(304), None, (), 4,
     "le serveur a répondu 304 (inchangée) sans qu'aucun instantané ne lui ait été demandé"),
    ("304 when the snapshot listed is gone", status(304),
     _manifest(_entry(file="ivry-jumelages-2020-01-01.html", url="{url}", etag='"v1"', sha256="0" * 64)),
     (), 4, "le serveur a répondu 304 (inchangée) sans qu'aucun instantané"),
    ("retries 0 says no retries", status(500), None, (), 4,
     "le serveur a répondu 500 Internal Server Error ; vérifier l'adresse"),
    ("a header line over 64 KiB", raw_answer(b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 70_000 + b"\r\n\r\n"),
     None, (), 4, "la réponse du serveur n'est pas du HTTP valide"),
    ("more than 100 headers", raw_answer(b"HTTP/1.1 200 OK\r\n" + b"".join(
        b"X-H%d: 1\r\n" % i for i in range(150)) + b"Content-Length: 0\r\n\r\n"),
     None, (), 4, "la réponse du serveur n'est pas du HTTP valide"),
    ("a garbled status line", raw_answer(b"HTTZ/9 lol\r\n\r\n"), None, (), 4,
     "la réponse du serveur n'est pas du HTTP valide"),
    ("a server that hangs up without answering", raw_answer(b""), None, ("--retries", "0"), 4,
     "injoignable (ConnectionError) ; vérifier l'adresse et la connexion"),
    ("a redirect loop", redirect("/page.htm"), None, (), 4, "plus de 5 redirections ; rien n'a été gardé : vérifier l'adresse de la page"),
    ("a redirect to another scheme", redirect("ftp://127.0.0.1/page.htm"), None, (), 4,
     "redirigée vers ftp://127.0.0.1/page.htm ; refusé"),
    ("a body over --max-bytes", page(b"<html>" + b"x" * 5000 + b"</html>"), None,
     ("--max-bytes", "1000"), 1, "la page fait 5,013 octets, au-delà de la limite de 1,000 octets"),
    ("manifest not JSON", page(HTML), _manifest("{not json"), (), 1, "JSON invalide"),
    ("manifest without snapshots", page(HTML), _manifest('{"description": "x"}'), (), 1,
     'manifeste invalide (has no "snapshots" list)'),
    ("manifest entry without file", page(HTML), _manifest(_entry(url="x")), (), 1,
     'manifeste invalide (snapshot 1 has no "file")'),
    ("manifest file with ../", page(HTML), _manifest(_entry(file="../../etc/passwd")), (), 1,
     "manifeste invalide (snapshot 1: file '../../etc/passwd' is not a plain file name"),
    ("manifest file absolute", page(HTML), _manifest(_entry(file="/etc/passwd")), (), 1,
     "manifeste invalide (snapshot 1: file '/etc/passwd' is not a plain file name"),
    ("manifest etag with a newline", page(HTML), _manifest(_entry(file="a.html", etag='"v1"\r\nX: y')),
     (), 1, "manifeste invalide (snapshot 1: etag holds a control character)"),
    ("manifest entry of the wrong type", page(HTML), _manifest(_entry(file="a.html", bytes="12")), (), 1,
     "manifeste invalide (snapshot 1: bytes has the wrong type (str))"),
]


@pytest.mark.parametrize("name, route, before, options, code, message", ROWS, ids=[r[0] for r in ROWS])
def test_a_hostile_answer_or_manifest_is_one_line_and_keeps_nothing(server, tmp_path, name, route, before,
                                                                   options, code, message):
    url = f"{server.url}/page.htm"
    server.routes["/page.htm"] = route
    raw = tmp_path / "raw"
    if before is not None:
        before(raw)
        manifest = raw / "manifest.json"
        manifest.write_text(manifest.read_text(encoding="utf-8").replace("{url}", url), encoding="utf-8")
    kept = tree(raw)
    done = cli("fetch", "--url", url, "--raw", str(raw), *QUICK, *options)
    line = error_line(done)
    assert done.returncode == code
    assert line.startswith("erreur : ") and message in line, line
    assert "après 0" not in line
    assert tree(raw) == kept  # nothing kept, and no folder made for nothing


@pytest.mark.parametrize("route", [dribble(100_000, 0.2), dribble_headers(100_000, 0.2)],
                         ids=["body one byte at a time", "headers one byte at a time"])
def test_a_server_sending_a_byte_at_a_time_cannot_hold_fetch(server, tmp_path, route):
    server.routes["/page.htm"] = route
    raw = tmp_path / "raw"
    done = cli("fetch", "--url", f"{server.url}/page.htm", "--raw", str(raw), "--timeout", "1",
               "--deadline", "3", "--retries", "0")  # cli() fails the test past its own limit
    assert done.returncode == 4
    assert error_line(done) == (f"erreur : {server.url}/page.htm : pas de réponse complète en 3 s "
                                "(--deadline) ; rien n'a été gardé : relancer plus tard "
                                "(`python -m pipeline fetch`), ou avec un --deadline plus long")
    assert not raw.exists()


@pytest.mark.parametrize("option, value, message", [
    ("--timeout", "0", "argument --timeout: 0 n'est pas un nombre de secondes positif"),
    ("--timeout", "-5", "argument --timeout: -5 n'est pas un nombre de secondes positif"),
    ("--timeout", "nan", "argument --timeout: nan n'est pas un nombre de secondes positif"),
    ("--deadline", "0", "argument --deadline: 0 n'est pas un nombre de secondes positif"),
    ("--retries", "-1", "argument --retries: -1 n'est pas un nombre d'essais (0 ou plus)"),
    ("--max-bytes", "0", "argument --max-bytes: 0 n'est pas un nombre d'octets positif"),
    ("--max-bytes", "lots", "argument --max-bytes: 'lots' n'est pas un nombre"),
])
def test_senseless_limits_are_usage_errors(tmp_path, option, value, message):
    done = cli("fetch", "--raw", str(tmp_path / "raw"), option, value)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == f"python -m pipeline fetch: error: {message}"
    assert not (tmp_path / "raw").exists()


@pytest.mark.parametrize("url, message", [
    ("http://ana:s3cret@[::1/page.htm", "http://[::1/page.htm : pas une adresse web (Invalid IPv6 URL) ; donner une adresse http(s)://"),
    ("http://ana:s3cret@127.0.0.1:99999/p", "http://127.0.0.1:99999/p : pas une adresse web (Port out of range 0-65535) ; donner une adresse http(s)://"),
    ("http://exa mple.org/p", "http://exa%20mple.org/p : pas une adresse web (elle contient une espace ou un caractère de contrôle) ; la recopier sans eux"),
    ("ftp://ana:s3cret@example.org/p", "ftp://example.org/p : pas une adresse web (seules les pages http:// et https:// sont téléchargées) ; donner une adresse http(s)://"),
])
@pytest.mark.parametrize("command", ["fetch", "run"])
def test_an_address_that_is_no_web_address_is_bad_input(tmp_path, url, message, command):
    """Said in one line, as bad input (exit 1), before any request, with no password."""
    option = "--url" if command == "fetch" else "--source"
    done = cli(command, option, url, "--raw" if command == "fetch" else "--output",
               str(tmp_path / "out"))
    assert (done.returncode, done.stderr.strip()) == (1, f"erreur : {message}")
    assert list(tmp_path.iterdir()) == []


def test_raw_that_is_a_file(server, tmp_path):
    server.routes["/page.htm"] = page(HTML)
    (tmp_path / "raw").write_text("mine")
    done = cli("fetch", "--url", f"{server.url}/page.htm", "--raw", str(tmp_path / "raw"), *QUICK)
    assert done.returncode == 1
    assert error_line(done) == (f"erreur : {tmp_path / 'raw'} : pas un dossier ; --raw nomme le dossier des "
                                "instantanés")
    assert (tmp_path / "raw").read_text() == "mine"


def test_a_failed_fetch_into_a_new_folder_leaves_no_folder(server, tmp_path):
    done = cli("fetch", "--url", f"{server.url}/missing.htm", "--raw", str(tmp_path / "new" / "raw"), *QUICK)
    assert done.returncode == 4 and "le serveur a répondu 404 Not Found ; vérifier l'adresse" in error_line(done)
    assert list(tmp_path.iterdir()) == []


# --- Credentials and what the server says about itself ---------------------------------------

def test_a_password_or_token_in_the_url_is_used_but_never_written_or_shown(server, tmp_path):
    """The user name and password of the URL authenticate the request; neither they nor a
    token in the query string reach raw/, the release, or the terminal."""
    server.routes["/page.htm"] = page(HTML)
    raw, out = tmp_path / "raw", tmp_path / "out"
    secret_url = server.url.replace("://", "://ana:pa55w0rd@") + "/page.htm?id=3&access_token=t0ken"
    done = cli("fetch", "--url", secret_url, "--raw", str(raw), *QUICK)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Page {server.url}/page.htm?id=3 : nouvel instantané")
    sent = server.requests[0][2]["Authorization"]
    assert base64.b64decode(sent.split()[1]) == b"ana:pa55w0rd"
    (entry,) = json.loads((raw / "manifest.json").read_text(encoding="utf-8"))["snapshots"]
    assert entry["url"] == f"{server.url}/page.htm?id=3"
    # run --source URL: fetches into raw/ (here the project's, redirected by a wrapper) and runs
    script = ("import sys, dataclasses, pipeline.config as c\n"
              f"town = dataclasses.replace(c.config(), raw=__import__('pathlib').Path({str(raw)!r}))\n"
              "c._default = lambda: town\n"
              "from pipeline.cli import main\n"
              f"sys.exit(main(['run', '--source', {secret_url!r}, '--output', {str(out)!r}, '--first-release']))\n")
    ran = cli(script=script)
    assert ran.returncode == 0, ran.stderr
    for folder in (raw, out):
        for name, content in tree(folder).items():
            assert content is None or (b"pa55w0rd" not in content and b"t0ken" not in content), name
    for text in (done.stdout, done.stderr, ran.stdout, ran.stderr):
        assert "pa55w0rd" not in text and "t0ken" not in text
    descriptor = json.loads((out / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["sources"][0]["path"] == f"{server.url}/page.htm?id=3"


def test_a_password_in_a_hand_edited_manifest_is_not_published(tmp_path):
    """A manifest written before (or edited by hand) with a password in its URL: the
    release cites the page without it."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "page.txt").write_bytes(SNAPSHOT.read_bytes())
    import hashlib
    (raw / "manifest.json").write_text(_entry(
        file="page.txt", url="https://ana:pa55w0rd@www.example.org/page.htm?token=t0ken",
        retrieved="2024-05-01T10:00:00Z", sha256=hashlib.sha256(SNAPSHOT.read_bytes()).hexdigest()))
    done = cli("run", "--source", str(raw / "page.txt"), "--output", str(out), "--first-release")
    assert done.returncode == 0, done.stderr
    for name, content in tree(out).items():
        assert content is None or (b"pa55w0rd" not in content and b"t0ken" not in content), name


def test_a_redirect_to_another_host_is_followed_and_recorded(server, tmp_path):
    with Server() as other:
        other.routes["/moved.htm"] = page(HTML)
        target = other.url.replace("127.0.0.1", "localhost") + "/moved.htm"
        server.routes["/page.htm"] = redirect(target, 301)
        raw = tmp_path / "raw"
        done = cli("fetch", "--url", f"{server.url}/page.htm", "--raw", str(raw), *QUICK)
    assert done.returncode == 0, done.stderr
    size = f"{len(HTML):,}".replace(",", "\u202f")
    assert f"nouvel instantané, {size} octets (redirigée vers {target}) → " in done.stdout
    (entry,) = json.loads((raw / "manifest.json").read_text(encoding="utf-8"))["snapshots"]
    assert (entry["url"], entry["redirected_to"]) == (f"{server.url}/page.htm", target)


def test_what_the_server_says_of_itself_is_recorded_as_printable_text(server, tmp_path):
    """A lying charset is the reader's business (the bytes are kept as they came); an ETag
    with an escape sequence is recorded without it, so the manifest stays valid."""
    body = "<html><body><article><h1>Titre</h1><p>Caf\u00e9</p></article></body></html>".encode("cp1252")
    server.routes["/page.htm"] = with_headers(body, {"Content-Type": "text/html; charset=unicode_escape",
                                                     "ETag": '"v1\x1b[2J"'})
    raw = tmp_path / "raw"
    done = cli("fetch", "--url", f"{server.url}/page.htm", "--raw", str(raw), *QUICK)
    assert done.returncode == 0, done.stderr
    (entry,) = json.loads((raw / "manifest.json").read_text(encoding="utf-8"))["snapshots"]
    assert entry["etag"] == '"v1[2J"' and (raw / entry["file"]).read_bytes() == body
    again = cli("fetch", "--url", f"{server.url}/page.htm", "--raw", str(raw), *QUICK)
    assert again.returncode == 0 and "même contenu que" in again.stdout


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for 127.0.0.1, made with openssl."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def test_a_redirect_from_https_to_plain_http_is_refused(certificate, server, tmp_path):
    cert, key = certificate
    server.routes["/page.htm"] = page(HTML)
    with Server(tls=(str(cert), str(key))) as secure:
        secure.routes["/page.htm"] = redirect(f"{server.url}/page.htm")
        raw = tmp_path / "raw"
        done = cli("fetch", "--url", f"{secure.url}/page.htm", "--raw", str(raw), *QUICK,
                   env={"REQUESTS_CA_BUNDLE": str(cert)})
        assert secure.hits("/page.htm") == 1
    assert done.returncode == 4
    assert error_line(done) == (f"erreur : {secure.url}/page.htm : redirigée vers {server.url}/page.htm ; "
                                "refusé (une page n'est suivie qu'en https, ou de http vers http(s)) : vérifier l'adresse de la page")
    assert server.hits("/page.htm") == 0 and not raw.exists()


# --- The disk ---------------------------------------------------------------------------------

ENOSPC_SCRIPT = """
import errno, os, sys
real = os.fsync
def full(fd):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
os.fsync = full
from pipeline.cli import main
sys.exit(main({args!r}))
"""


@pytest.mark.parametrize("fault", ["file size limit (EFBIG)", "disk full (ENOSPC)"])
def test_a_full_disk_keeps_nothing(server, tmp_path, fault):
    server.routes["/page.htm"] = page(HTML, etag='"v2"')
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "manifest.json").write_text(MANIFEST, encoding="utf-8")
    kept = tree(raw)
    args = ["fetch", "--url", f"{server.url}/page.htm", "--raw", str(raw), *QUICK]
    if fault.startswith("file size"):
        done = cli(*args, preexec=file_size_limit(4096))
        reason = "File too large"
    else:
        done = cli(script=ENOSPC_SCRIPT.format(args=args))
        reason = "No space left on device"
    assert done.returncode == 1
    line = error_line(done)
    assert line.startswith("erreur : ") and f"impossible de garder l'instantané ({reason}) ; rien n'a été gardé" in line
    assert tree(raw) == {**kept, ".lock-manifest.json": b""}


def test_a_read_only_raw_folder(server, tmp_path):
    server.routes["/page.htm"] = page(HTML)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "manifest.json").write_text(MANIFEST, encoding="utf-8")
    read_only(raw)
    kept = tree(raw)
    try:
        done = cli("fetch", "--url", f"{server.url}/page.htm", "--raw", str(raw), *QUICK,
                   **as_unprivileged())
    finally:
        writable_again(raw)
    assert done.returncode == 1
    assert error_line(done) == (f"erreur : {raw / '.lock-manifest.json'} : impossible de prendre le verrou "
                                "(Permission denied) ; rien n'a été fait : vérifier les droits du dossier")
    assert tree(raw) == kept
