"""Fetch the live page into ``raw/`` as a dated snapshot with its manifest entry.

A conditional request (ETag / Last-Modified of the last snapshot of that URL) lets an
unchanged page answer 304 without being downloaded; a page whose bytes equal a snapshot
already kept (same sha256) adds nothing. The body is written to a temporary file and moved
into place only once complete and within the size limit, so a failed fetch never leaves a
half-written snapshot; the manifest is replaced the same way, under a lock, so that two
fetches at once cannot lose each other's entry.

The server is not trusted: an empty page, a 304 to a request that was not conditional, a
redirect from https to plain http, more than a few redirects, a body over the size limit
and an answer that takes longer than the overall deadline (a server sending one byte a
second never trips a per-read timeout) are each refused with one line, and nothing is
kept. What the server says about itself (ETag, content type) is recorded only as printable
text, and every URL is recorded and shown in its public form (no password, no token).
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

from .config import config
from .errors import InputError, NetworkError
from .http import Expired as _Expired
from .http import deadline as _deadline
from .http import session
from .layout import lock_file, locked
from .sources import MANIFEST, MAX_BYTES, manifest_entries, public_url, web_address

TIMEOUT = (10.0, 30.0)  # seconds to connect, seconds between bytes
DEADLINE = 120.0  # seconds for the whole download, retries included
MAX_REDIRECTS = 5
_SHOWN = 120  # longest text of the server's (a reason phrase, a header) kept or shown
_NOT_PRINTABLE = re.compile(r"[^\x20-\x7e\u00a0-\ufffd]")


@dataclass(frozen=True)
class Fetched:
    path: Path  # the snapshot holding the page as it is now
    new: bool
    reason: str
    url: str = ""  # the page's public address (never a password or a token)


def _server_text(value: str | None) -> str | None:
    """Text from the server, safe to print and to record: printable, and short.

    >>> _server_text("OK\\x1b[2J please") , _server_text(None)
    ('OK[2J please', None)
    """
    return None if value is None else _NOT_PRINTABLE.sub("", value)[:_SHOWN]


def _tries(retries: int) -> str:
    """How many retries came before giving up, for the message (none said when none).

    >>> _tries(0), _tries(1), _tries(3)
    ('', ' après 1 nouvel essai', ' après 3 nouveaux essais')
    """
    return "" if retries <= 0 else \
        f" après {retries} {'nouvel essai' if retries == 1 else 'nouveaux essais'}"


# What starts an HTML document, after white space and a byte order mark: the patterns of
# the WHATWG MIME Sniffing standard ("text/html", each followed by a space or ">"), and
# an XML prolog (XHTML); and, anywhere in the first 64 KiB, the html, head or body tag.
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|"
                         rb"title|b|body|br|p|!--)[\s>/]|<\?xml", re.IGNORECASE)
_HTML_TAG = re.compile(rb"<(?:html|head|body)[\s>]", re.IGNORECASE)
_LEADING = b" \t\r\n\x0c"


def _suffix(body: bytes, content_type: str) -> str:
    """The snapshot's kind, from what its bytes are rather than what the server says
    (a misconfigured server serves a text page as ``application/json`` or ``text/html``,
    or an HTML page as ``text/plain``): an HTML document is kept as ``.html``, anything
    else as ``.txt``, which the read stage takes line by line.

    >>> _suffix(b"\\xef\\xbb\\xbf  <!DOCTYPE html><html>", "application/json")
    '.html'
    >>> _suffix(b"Jumelages\\n\\nIvry m\\xc3\\xa8ne <3 projets", "application/json")
    '.txt'
    >>> _suffix(b"<?xml version='1.0'?><html xmlns='x'>", "text/plain"), _suffix(b"<p>Bonjour", "")
    ('.html', '.html')
    >>> _suffix("\ufeff<html><body>".encode("utf-16"), "application/json")
    '.html'

    """
    start = body[:65536]
    if start[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte order mark
        start = start.decode("utf-16", "replace").encode("utf-8")
    start = start.removeprefix(b"\xef\xbb\xbf").lstrip(_LEADING)
    if _HTML_START.match(start) or _HTML_TAG.search(start):
        return ".html"
    return ".txt"


def _snapshot_path(raw: Path, day: str, suffix: str) -> Path:
    stem = config().stem
    path, n = raw / f"{stem}-{day}{suffix}", 2
    while path.exists():
        path, n = raw / f"{stem}-{day}-{n}{suffix}", n + 1
    return path


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _download(response: requests.Response, url: str, max_bytes: int, ends: float) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"{url} : la page fait {int(declared):,} octets, au-delà de la limite "
                         f"de {max_bytes:,} octets (--max-bytes) ; rien n'a été gardé : vérifier "
                         "l'adresse, ou relever --max-bytes")
    body = bytearray()
    for chunk in response.iter_content(chunk_size=16384):
        body += chunk
        if len(body) > max_bytes:
            raise InputError(f"{url} : la page dépasse la limite de {max_bytes:,} octets "
                             "(--max-bytes) ; rien n'a été gardé : vérifier l'adresse, ou "
                             "relever --max-bytes")
        if time.monotonic() > ends:
            raise _Expired
    return bytes(body)


def _redirect_guard(shown: str):
    """A response hook that refuses, before it is followed, a redirect to anything but
    http(s), or from https to plain http (the page would travel unprotected)."""
    def check(response: requests.Response, *args: object, **kwargs: object) -> None:
        if not response.is_redirect:
            return
        try:
            target = urljoin(response.url, response.headers.get("Location", ""))
            scheme, was = urlsplit(target).scheme, urlsplit(response.url).scheme
        except ValueError as exc:  # "http://[::1/…": no address at all
            response.close()
            raise NetworkError(f"{shown} : redirigée vers une adresse qui n'en est pas une ({exc}) ; "
                               "refusé : vérifier l'adresse de la page") from None
        if scheme not in ("http", "https") or (was == "https" and scheme != "https"):
            response.close()
            raise NetworkError(f"{shown} : redirigée vers {public_url(target)[:_SHOWN]} ; refusé "
                               "(une page n'est suivie qu'en https, ou de http vers http(s)) : "
                               "vérifier l'adresse de la page")
    return check


def _causes(exc: BaseException, depth: int = 6) -> Iterator[BaseException]:
    """``exc`` and what it wraps: requests wraps urllib3's errors, which wrap those of
    ``http.client`` and of the socket, in their ``args`` or as their cause."""
    yield exc
    if depth:
        for inner in (exc.__cause__, exc.__context__, *exc.args):
            if isinstance(inner, BaseException):
                yield from _causes(inner, depth - 1)


def _network_error(shown: str, exc: requests.RequestException, timeout: float,
                   retries: int) -> NetworkError:
    """One line for what requests raised, told by the types of the errors it wraps;
    never its own message, which may hold the URL with its query string."""
    causes = list(_causes(exc))
    if isinstance(exc, requests.exceptions.TooManyRedirects):
        return NetworkError(f"{shown} : plus de {MAX_REDIRECTS} redirections ; rien n'a été "
                            "gardé : vérifier l'adresse de la page")
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return NetworkError(f"{shown} : la réponse a été coupée ; rien n'a été gardé : "
                            "relancer plus tard (`python -m pipeline fetch`)")
    if isinstance(exc, requests.exceptions.ContentDecodingError):
        return NetworkError(f"{shown} : la compression de la réponse est cassée ; rien n'a "
                            "été gardé : relancer plus tard (`python -m pipeline fetch`)")
    if any(isinstance(c, (requests.exceptions.Timeout, TimeoutError)) for c in causes):
        return NetworkError(f"{shown} : pas de réponse en {timeout:g} s{_tries(retries)} ; "
                            "relancer plus tard (`python -m pipeline fetch`), ou avec un --timeout plus long")
    # a header line too long, more than 100 headers, a garbled status line (not a server
    # that hung up, nor a body cut short, which http.client reports as its errors too)
    if any(isinstance(c, http.client.HTTPException)
           and not isinstance(c, (ConnectionError, http.client.IncompleteRead)) for c in causes):
        return NetworkError(f"{shown} : la réponse du serveur n'est pas du HTTP valide (un "
                            "en-tête trop long, trop d'en-têtes ou une ligne d'état illisible) ; "
                            "rien n'a été gardé : relancer plus tard (`python -m pipeline fetch`)")
    return NetworkError(f"{shown} : injoignable{_tries(retries)} ({type(exc).__name__}) ; "
                        "vérifier l'adresse et la connexion, puis relancer plus tard")


def _get(url: str, shown: str, headers: dict[str, str], max_bytes: int,
         timeout: tuple[float, float], retries: int, backoff: float,
         deadline: float) -> tuple[requests.Response, bytes]:
    """The answer and its body (empty for a 304), within ``deadline`` seconds in all."""
    ends = time.monotonic() + deadline
    try:
        with _deadline(deadline), session(retries, backoff) as http:
            http.max_redirects = MAX_REDIRECTS
            with http.get(url, headers=headers, timeout=timeout, stream=True,
                          hooks={"response": _redirect_guard(shown)}) as response:
                if response.status_code == 304:
                    return response, b""
                if response.status_code >= 300:
                    tried = _tries(retries) if response.status_code >= 500 else ""
                    raise NetworkError(f"{shown} : le serveur a répondu {response.status_code} "
                                       f"{_server_text(response.reason)}{tried} ; vérifier "
                                       "l'adresse, ou relancer plus tard (`python -m pipeline fetch`)")
                return response, _download(response, shown, max_bytes, ends)
    except _Expired:
        raise NetworkError(f"{shown} : pas de réponse complète en {deadline:g} s (--deadline) ; "
                           "rien n'a été gardé : relancer plus tard (`python -m pipeline fetch`), "
                           "ou avec un --deadline plus long") from None
    except requests.exceptions.RequestException as exc:
        raise _network_error(shown, exc, timeout[1], retries) from None


def fetch(url: str | None = None, raw: Path | None = None, *, max_bytes: int = MAX_BYTES,
          timeout: tuple[float, float] = TIMEOUT, retries: int = 3,
          backoff: float = 0.5, deadline: float = DEADLINE) -> Fetched:
    """Download ``url`` into ``raw`` unless the last snapshot of it is still current."""
    asked = url or config().page_url
    shown = web_address(asked)
    raw = _snapshot_folder(raw or config().raw)
    last = _last_snapshot(raw, shown)
    headers = _conditional_headers(last)
    answer, body = _get(asked, shown, headers, max_bytes, timeout, retries, backoff, deadline)
    if answer.status_code == 304:
        return _not_modified(raw, shown, last if headers else None)
    if not body:
        raise NetworkError(f"{shown} : le serveur a répondu {answer.status_code} avec une page "
                           "vide ; rien n'a été gardé : relancer plus tard (`python -m pipeline fetch`)")
    return _keep(raw, shown, answer, body)


def _snapshot_folder(raw: Path) -> Path:
    """``raw``, once it is known to be a folder or nothing yet (the fetch creates it)."""
    if raw.exists() and not raw.is_dir():
        raise InputError(f"{raw} : pas un dossier ; --raw nomme le dossier des instantanés")
    return raw


def _last_snapshot(raw: Path, shown: str) -> dict | None:
    """The manifest's entry of the last snapshot of ``shown`` whose file is still there."""
    kept = [e for e in manifest_entries(raw) if e.get("url") == shown and (raw / e["file"]).is_file()]
    return kept[-1] if kept else None


def _conditional_headers(last: dict | None) -> dict[str, str]:
    """What makes the request conditional on the last snapshot (none without one).

    >>> _conditional_headers({"file": "p.html", "etag": '"v2"', "last_modified": None})
    {'If-None-Match': '"v2"'}
    """
    headers = {}
    if last and last.get("etag"):
        headers["If-None-Match"] = last["etag"]
    if last and last.get("last_modified"):
        headers["If-Modified-Since"] = last["last_modified"]
    return headers


def _not_modified(raw: Path, shown: str, asked_about: dict | None) -> Fetched:
    """The snapshot a 304 confirms; a 304 to a request that was not conditional is refused."""
    if asked_about is None:
        raise NetworkError(f"{shown} : le serveur a répondu 304 (inchangée) sans qu'aucun "
                           "instantané ne lui ait été demandé ; rien n'a été gardé : relancer "
                           "plus tard (`python -m pipeline fetch`)")
    return Fetched(raw / asked_about["file"], False, "inchangée (HTTP 304)", shown)


def _keep(raw: Path, shown: str, answer: requests.Response, body: bytes) -> Fetched:
    """Write the snapshot and its manifest entry, under the manifest's lock; a failure
    leaves ``raw`` as it was (and no folder that the fetch created)."""
    created = next((p for p in reversed([raw, *raw.parents]) if not p.exists()), None)
    sha256 = hashlib.sha256(body).hexdigest()
    path, listed = None, False
    try:
        raw.mkdir(parents=True, exist_ok=True)
        with locked(raw / MANIFEST, error=InputError):
            # again: another fetch may have added one; an entry written before the address's
            # public form dropped a session or a token loses it now
            entries = [_public_entry(e) for e in manifest_entries(raw)]
            if same := next((e for e in entries if e.get("sha256") == sha256
                             and (raw / e["file"]).is_file()), None):
                return Fetched(raw / same["file"], False, f"même contenu que {same['file']}", shown)
            now = datetime.now(UTC).replace(microsecond=0)
            content_type = _server_text(answer.headers.get("Content-Type")) or ""
            path = _snapshot_path(raw, now.date().isoformat(), _suffix(body, content_type))
            _write_atomically(path, body)
            entry = _manifest_entry(path, shown, answer, content_type, now, body, sha256)
            _write_manifest(raw, [*entries, entry])
            listed = True
    except BaseException as exc:
        if path is not None and not listed:  # a snapshot no manifest lists is no snapshot
            path.unlink(missing_ok=True)
        _remove_created(created, raw)
        if isinstance(exc, OSError):
            where = exc.filename or raw
            raise InputError(f"{where} : impossible de garder l'instantané ({exc.strerror}) ; rien "
                             "n'a été gardé : vérifier la place et les droits du dossier --raw") from None
        raise
    redirected = f" (redirigée vers {entry['redirected_to']})" if "redirected_to" in entry else ""
    size = f"{len(body):,}".replace(",", "\u202f")  # French digit groups: 17 301
    return Fetched(path, True, f"nouvel instantané, {size} octets{redirected}", shown)


def _public_entry(entry: dict) -> dict:
    """A manifest entry with its addresses in their public form (``public_url``).

    >>> _public_entry({"file": "p.html", "url": "https://h.org/p;jsessionid=1?sid=2"})
    {'file': 'p.html', 'url': 'https://h.org/p'}
    """
    return {key: public_url(value) if key in ("url", "redirected_to") and isinstance(value, str)
            else value for key, value in entry.items()}


def _manifest_entry(path: Path, shown: str, answer: requests.Response, content_type: str,
                    now: datetime, body: bytes, sha256: str) -> dict:
    """What the manifest says of a new snapshot: where it came from, when, what the server
    said of it (as printable text), its size and checksum."""
    entry = {
        "file": path.name, "url": shown,
        "retrieved": now.isoformat().replace("+00:00", "Z"),
        "http_status": answer.status_code, "etag": _server_text(answer.headers.get("ETag")),
        "last_modified": _server_text(answer.headers.get("Last-Modified")),
        "media_type": content_type, "bytes": len(body), "sha256": sha256,
    }
    if answer.history and public_url(answer.url) != shown:
        entry["redirected_to"] = public_url(answer.url)
    return entry


def _write_manifest(raw: Path, entries: list[dict]) -> None:
    manifest = {"description": _manifest_description(raw), "snapshots": entries}
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    _write_atomically(raw / MANIFEST, text.encode("utf-8"))


def _remove_created(created: Path | None, raw: Path) -> None:
    """Remove the folders a failed fetch created (they hold at most the lock file)."""
    if created is None:
        return
    lock_file(raw / MANIFEST).unlink(missing_ok=True)
    for folder in [raw, *raw.parents]:
        try:
            folder.rmdir()
        except OSError:
            return
        if folder == created:
            return


def _manifest_description(raw: Path) -> str:
    try:
        description = json.loads((raw / MANIFEST).read_text(encoding="utf-8"))["description"]
        if isinstance(description, str):
            return description
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return ("Snapshots of the page kept byte for byte. The pipeline reads the last "
            "snapshot listed by default and takes the source URL and date of the data "
            "packages from its entry.")
