"""Portals that stall or lie (issue 22), for udata and CKAN alike: a ``Retry-After`` of a
day, an answer that never ends, a ``total`` that is not a number, keys missing or of the
wrong type, ids that are paths, answers of tens of megabytes, JSON nested past what Python
parses, checksum types udata has and the publisher did not know. Each is a fault a real
portal cannot be asked for, so a scripted portal on 127.0.0.1 gives it; each must end in
one line (``PortalError`` or ``NetworkError``), never a traceback, and quickly."""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
import zlib

import pytest

from pipeline import http
from pipeline.cli import main
from pipeline.errors import NetworkError, PortalError
from pipeline.publish import PORTALS
from pipeline.publish.bundle import verified_copy

from .fake_portals import send
from .http_server import Server
from .portals.releases import build

# Each test publishes a whole release (its verified copy, hashes and validation: about 1.5 s):
# sixty of them are a minute and a half of processor time, kept out of `make check`'s loop.
pytestmark = pytest.mark.slow

KEY = "test-key-not-a-secret"
BIG = 17 * 1024 * 1024  # past the 16 MiB an answer may hold


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    import io

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return build(tmp_path_factory.mktemp("lies") / "release")


class Scripted(Server):
    """A portal whose answers a test writes: ``answers`` maps (method, path without the
    query) to a callable ``(handler) -> None``; anything else is a plain, empty portal."""

    def __init__(self, kind):
        super().__init__()
        self.kind = kind
        self.answers = {}
        self.fallback = self._answer

    def _answer(self, handler, method, path):
        bare = path.split("?")[0]
        answer = self.answers.get((method, bare))
        if answer is not None:
            return answer(handler)
        if self.kind == "udata":
            if bare == "/api/1/me/":
                return json_answer({"id": "me1"})(handler)
            if bare == "/api/1/datasets/":
                return json_answer({"data": [], "total": 0})(handler)
            if bare == "/api/1/datasets/extensions/":
                return json_answer(["csv", "json", "xlsx", "txt", "sqlite", "parquet", "md", "html"])(handler)
            return send(handler, 404, b'{"message": "not found"}')
        if bare == "/api/3/action/package_show":
            return send(handler, 404, b'{"success": false, "error": {"__type": "Not Found Error"}}')
        return send(handler, 404, b'{"success": false}')


def json_answer(value, code=200, headers=()):
    body = json.dumps(value).encode()
    return lambda handler: send(handler, code, body, headers=headers)


def ckan_result(result):
    return json_answer({"success": True, "result": result})


def streamed(size, content_type="application/json"):
    """A body of ``size`` bytes sent without Content-Length (the connection is closed at
    its end): only counting while reading can stop it."""
    def answer(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        chunk = b" " * 65536
        try:
            for _ in range(size // len(chunk) + 1):
                handler.wfile.write(chunk)
        except OSError:  # the publisher stopped reading: as it should
            pass
    return answer


def declared(size):
    """A body of ``size`` bytes announced by its Content-Length: refused before reading."""
    def answer(handler):
        with contextlib.suppress(OSError):  # the publisher hung up: as it should
            send(handler, 200, b" " * size)
    return answer


def declared_redirect(location, size):
    """A redirect carrying a body of ``size`` bytes (read by requests before following)."""
    def answer(handler):
        with contextlib.suppress(OSError):
            send(handler, 302, b" " * size, headers=[("Location", location)])
    return answer


def stalled(seconds):
    def answer(handler):
        time.sleep(seconds)
        send(handler, 200, b"{}")
    return answer


@pytest.fixture(params=["udata", "ckan"])
def portal(request, monkeypatch):
    monkeypatch.setenv("DATAGOUV_API_KEY", KEY)
    monkeypatch.setenv("CKAN_API_TOKEN", KEY)
    with Scripted(request.param) as server:
        yield server


def command(portal, release, *extra):
    if portal.kind == "udata":
        return ["publish", "datagouv", "--api-url", f"{portal.url}/api/1", "--release", str(release),
                "--dataset", "ours", *extra]
    return ["publish", "ckan", "--url", portal.url, "--release", str(release), "--dataset", "ours",
            *extra]


def first_call(portal):
    """The first call each publisher makes of the portal (whose answer the test writes)."""
    return ("GET", "/api/1/me/") if portal.kind == "udata" else ("GET", "/api/3/action/package_show")


def one_line(capsys, code, returned, expected):
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    (line,) = captured.err.strip().splitlines()
    assert returned == code, line
    assert line.startswith("erreur : ") and expected in line, line
    assert KEY not in captured.err and KEY not in captured.out
    return line


def test_a_plain_portal_is_published_to(portal, release, capsys):
    """The scripted portal is good enough to plan on: the faults below are the only change."""
    assert main(command(portal, release)) == 0, capsys.readouterr().err
    assert "Essai à blanc : rien n'a été modifié" in capsys.readouterr().out


# --- Stalling -------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [503, 429])
def test_a_retry_after_of_a_day_is_waited_at_most_the_cap(portal, release, capsys, monkeypatch, status):
    monkeypatch.setattr(http, "MAX_RETRY_AFTER", 0.2)
    portal.answers[first_call(portal)] = json_answer({"message": "later"}, status,
                                                     [("Retry-After", "86400")])
    started = time.monotonic()
    returned = main([*command(portal, release), "--deadline", "30"])
    elapsed = time.monotonic() - started
    line = one_line(capsys, NetworkError.exit_code if status == 503 else PortalError.exit_code,
                    returned, f"{status}")
    assert "deadline" not in line
    assert elapsed < 20  # three retries, each waiting 0.2 s, not a day
    assert portal.hits(first_call(portal)[1]) == 4  # the first try and three retries


def test_the_default_cap_is_a_minute():
    assert http.MAX_RETRY_AFTER == 60
    policy = http.CappedRetry(total=1)

    class Answer:
        def __init__(self, retry_after):
            self.headers = {"Retry-After": retry_after}

        def getheader(self, name, default=None):
            return self.headers.get(name, default)

    assert policy.get_retry_after(Answer("86400")) == 60
    assert policy.get_retry_after(Answer("5")) == 5
    assert policy.get_retry_after(Answer("not a date")) is None


def test_an_answer_that_never_comes_ends_at_the_deadline(portal, release, capsys):
    portal.answers[first_call(portal)] = stalled(30)
    started = time.monotonic()
    returned = main([*command(portal, release), "--deadline", "1.5"])
    assert time.monotonic() - started < 10
    one_line(capsys, NetworkError.exit_code, returned, "pas de fin en 1.5 s (--deadline) ; rien n'a été modifié sur le portail : relancer plus tard")


# --- Lying ----------------------------------------------------------------------------------

def _udata_list(**answer):
    return {("GET", "/api/1/datasets/"): json_answer(answer)}


def _udata_dataset(dataset):
    return {("GET", "/api/1/datasets/"): json_answer(
        {"data": [{"id": "d1", "extras": {"publish:dataset": "ours"}}], "total": 1}),
        ("GET", "/api/1/datasets/d1/"): json_answer(dataset)}


LIES = {
    "udata": [
        ("a total that is a word", _udata_list(data=[{"id": "x"}], total="lots"),
         "un total qui n'est pas un nombre ('lots')"),
        ("a total that is an object", _udata_list(data=[{"id": "x"}], total={"n": 1}),
         "un total qui n'est pas un nombre"),
        ("a total that is negative", _udata_list(data=[{"id": "x"}], total=-1), "pas un nombre"),
        ("no data key", _udata_list(total=3), "la liste des jeux de données sans ses données"),
        ("data that is an object", _udata_list(data={"id": "x"}, total=1), "sans ses données"),
        ("extras that are a list", _udata_list(data=[{"id": "x", "extras": ["publish:dataset"]}], total=1),
         "les extras d'un jeu de données, de type list et non un objet"),
        ("a listed dataset id that is a path",
         _udata_list(data=[{"id": "../../me", "extras": {"publish:dataset": "ours"}}], total=1),
         "un jeu de données avec un id qui n'est pas un simple jeton ('../../me')"),
        ("a dataset id that is a path", _udata_dataset({"id": "d1/../../../users/x"}),
         "pas un simple jeton"),
        ("a dataset id with a query", _udata_dataset({"id": "d1?x=1"}), "pas un simple jeton"),
        ("a resource id that is a path", _udata_dataset({"id": "d1", "resources": [{"id": ".."}]}),
         "pas un simple jeton ('..')"),
        ("resources that are a string", _udata_dataset({"id": "d1", "resources": "many"}),
         "les ressources du jeu de données, de type str et non une liste"),
        ("a resource without id", _udata_dataset({"id": "d1", "resources": [{"title": "x"}]}),
         "une ressource sans id"),
        ("a resource's extras that are a string",
         _udata_dataset({"id": "d1", "resources": [{"id": "r1", "extras": "x"}]}),
         "les extras d'une ressource, de type str et non un objet"),
        ("a checksum that is a string",
         _udata_dataset({"id": "d1", "resources": [{"id": "r1", "extras": {"publish:path": "csv/actions.csv"},
                                                     "checksum": "abc"}]}),
         "la somme de contrôle d'une ressource, de type str et non un objet"),
        ("permissions that are a list", {("GET", "/api/1/datasets/ours/"): json_answer(
            {"id": "d1", "permissions": []})},
         "les permissions du jeu de données, de type list et non un objet"),
        ("tags that are objects", _udata_dataset({"id": "d1", "tags": [{"a": 1}]}),
         "une réponse d'une forme que la publication ne sait pas lire (TypeError)"),
        ("a /me/ without id", {("GET", "/api/1/me/"): json_answer({"name": "x"})},
         "le propriétaire de la clé sans id"),
        ("extensions that are an object", {("GET", "/api/1/datasets/extensions/"): json_answer({"csv": 1})},
         "les extensions de fichier acceptées sans liste"),
    ],
    "ckan": [
        ("a dataset id that is a path", {("GET", "/api/3/action/package_show"): ckan_result({"id": "../../x"})},
         "pas un simple jeton ('../../x')"),
        ("a dataset without id", {("GET", "/api/3/action/package_show"): ckan_result({"name": "x"})},
         "le jeu de données sans id, pas une réponse de CKAN"),
        ("a resource id that is a path", {("GET", "/api/3/action/package_show"): ckan_result(
            {"id": "d1", "resources": [{"id": "r1/../../x"}]})}, "pas un simple jeton"),
        ("resources that are an object", {("GET", "/api/3/action/package_show"): ckan_result(
            {"id": "d1", "resources": {"id": "r1"}})}, "les ressources du jeu de données, de type dict et non une liste"),
        ("tags that are strings", {("GET", "/api/3/action/package_show"): ckan_result(
            {"id": "d1", "tags": ["a", "b"]})}, "ne sait pas lire (AttributeError)"),
        ("tags that are a number", {("GET", "/api/3/action/package_show"): ckan_result(
            {"id": "d1", "tags": 5})}, "ne sait pas lire (TypeError)"),
        ("a result that is a list", {("GET", "/api/3/action/package_show"): ckan_result([1, 2])},
         "le jeu de données sans id, pas une réponse de CKAN"),
        ("an envelope that is a list", {("GET", "/api/3/action/package_show"): json_answer([1])},
         "package_show"),
    ],
}


@pytest.mark.parametrize("kind, name, answers, expected",
                         [(kind, *lie) for kind, lies in LIES.items() for lie in lies],
                         ids=[f"{kind}: {lie[0]}" for kind, lies in LIES.items() for lie in lies])
def test_a_lying_answer_is_one_portal_error_line(kind, name, answers, expected, release, capsys,
                                                 monkeypatch):
    monkeypatch.setenv("DATAGOUV_API_KEY", KEY)
    monkeypatch.setenv("CKAN_API_TOKEN", KEY)
    with Scripted(kind) as portal:
        portal.answers.update(answers)
        if kind == "ckan":
            portal.answers.setdefault(("GET", "/api/3/action/package_show"), ckan_result({"id": "d1"}))
        returned = main(command(portal, release))
        line = one_line(capsys, PortalError.exit_code, returned, expected)
        # no request ever went to a path an id made
        assert all(".." not in path and "users" not in path for _, path, _ in portal.requests), \
            portal.requests
    assert line.startswith("erreur : ")


@pytest.mark.parametrize("size", ["declared", "streamed"])
def test_an_answer_of_tens_of_megabytes_is_not_read_whole(portal, release, capsys, size):
    method, path = first_call(portal)
    portal.answers[(method, path)] = streamed(BIG) if size == "streamed" else declared(BIG)
    returned = main(command(portal, release))
    one_line(capsys, PortalError.exit_code, returned, "dépasse 16 777 216 octets, non lue au-delà ; "
                                                      "--url doit être l'adresse de l'API du portail")


def test_json_nested_past_what_python_parses(portal, release, capsys):
    nested = b"[" * 200_000 + b"]" * 200_000
    body = (b'{"success": true, "result": ' + nested + b"}") if portal.kind == "ckan" else nested
    portal.answers[first_call(portal)] = lambda handler: send(handler, 200, body)
    returned = main(command(portal, release))
    one_line(capsys, PortalError.exit_code, returned, "")


# --- Real formats: udata's checksum types ---------------------------------------------------

@pytest.fixture(scope="module")
def bundle(release):
    with verified_copy(release, ("csv",)) as checked:
        yield checked


@pytest.mark.parametrize("checksum, action", [
    (lambda data: {"type": "sha1", "value": hashlib.sha1(data).hexdigest()}, "same"),
    (lambda data: {"type": "sha2", "value": hashlib.sha256(data).hexdigest()}, "same"),
    (lambda data: {"type": "sha2", "value": hashlib.sha512(data).hexdigest()}, "same"),
    (lambda data: {"type": "sha256", "value": hashlib.sha256(data).hexdigest().upper()}, "same"),
    (lambda data: {"type": "md5", "value": hashlib.md5(data).hexdigest()}, "same"),
    (lambda data: {"type": "crc", "value": f"{zlib.crc32(data):08x}"}, "same"),
    (lambda data: {"type": "crc", "value": str(zlib.crc32(data))}, "same"),
    (lambda data: {"type": "crc", "value": "1234"}, "replace file"),
    (lambda data: {"type": "sha2", "value": "abc"}, "replace file"),
    (lambda data: {"type": "blake3", "value": "00ff"}, "replace file"),
    (lambda data: {"type": None, "value": hashlib.sha1(data).hexdigest()}, "same"),
    (lambda data: {"type": "sha1", "value": 12}, "replace file"),
], ids=["sha1", "sha2-256", "sha2-512", "sha256-upper", "md5", "crc-hex", "crc-decimal",
        "crc-wrong", "sha2-odd-length", "unknown-type", "no-type", "value-not-text"])
def test_every_udata_checksum_type_is_read_or_leads_to_a_new_upload(bundle, checksum, action):
    portal = PORTALS["datagouv"]
    file = next(f for f in bundle.files if f.key == "csv/actions.csv")
    resource = {"id": "r1", "title": file.title, "checksum": checksum(file.path.read_bytes()),
                "extras": {"publish:path": file.key}}
    with Scripted("udata") as server:
        server.answers.update(_udata_dataset({"id": "d1", "resources": [resource]}))
        publisher = portal(f"{server.url}/api/1", KEY)
        plan = publisher.plan(bundle, "ours")
    (step,) = [s for s in plan.steps if s.file is not None and s.file.key == "csv/actions.csv"]
    if action == "same":
        assert step.action in ("keep", "update metadata"), step
    else:
        assert step.action == "replace file", step
