"""Where a run's page comes from: the snapshot file and its entry in the manifest.

The data packages take their source URL and date from the manifest, never from the clock,
so that the same snapshot always gives the same bytes.

The manifest is a file people can edit, so it is checked before it is used: it may only
name plain files of its own folder (never ``../`` or an absolute path), and what it says
of a snapshot must have the types the fetch wrote. A URL is recorded and shown only in its
public form (:func:`public_url`): a password or a token in it never reaches a file.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from .direction import SHOWN
from .errors import InputError
from .paths import RAW, REFERENCE

RAW_DIR = RAW
MANIFEST = "manifest.json"
# A page larger than this is refused, fetched (fetch --max-bytes) or local (run --max-bytes):
# the real page is about 25 kB; a page 200 times larger is an error, not a page.
MAX_BYTES = 5_000_000
MAX_MANIFEST_BYTES = 10_000_000
# Cited coordinates of each partner's main place (see the file's source column).
REFERENCE_PLACES = REFERENCE / "places.csv"

# The query parameters an address keeps where it is written or shown: an allow-list of
# names that say which page is asked (an article, a page number, a language), never who
# asks. Anything else ("token", "pass", "PHPSESSID", "sessid", "code", "s", "sid",
# "X-Amz-Signature", a name never seen before…) may carry a secret and is dropped; so are
# path parameters (";jsessionid=…"), a user name and password, and the fragment. A kept
# name keeps its value only when that value is short and plain (a long or odd value may be
# a token under a harmless name): otherwise the parameter is dropped too.
HARMLESS_PARAMETERS = frozenset({
    "id", "page", "p", "lang", "langue", "language", "hl", "lg", "locale", "article",
    "id_article", "id_rubrique", "rubrique", "section", "category", "categorie", "cat",
    "view", "format", "type", "year", "annee", "month", "mois", "tab", "print", "nid",
    "node", "item", "pid", "idpage", "page_id", "start", "limit",
})
_HARMLESS_VALUE = re.compile(r"[A-Za-z0-9_.,-]{0,40}\Z")
# A path parameter: ";name=value" (or ";value") at the end of a path segment, written as is
# or percent-encoded.
_PATH_PARAMETER = re.compile(r"(?:;|%3[Bb])[^/]*")
# What a manifest entry may hold besides its file name, with the types the fetch writes.
_ENTRY_TYPES: dict[str, tuple[type, ...]] = {
    "url": (str,), "redirected_to": (str,), "retrieved": (str,), "etag": (str,),
    "last_modified": (str,), "media_type": (str,), "sha256": (str,), "http_status": (int,),
    "bytes": (int,),
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")
_USER_INFO = re.compile(r"//[^/?#]*@")
# What an address shown as text must not hold as it is (it would reorder or hide what is
# around it): control characters, white space, text direction controls and invisible
# characters (pipeline/direction.py); percent-encoded, the address stays the same.
_INVISIBLE = re.compile(rf"[\s\x00-\x1f\x7f-\x9f]|{SHOWN.pattern}")


@dataclass(frozen=True)
class Snapshot:
    path: Path
    sha256: str
    url: str | None
    retrieved: str | None
    # The snapshot's bytes, read once here and handed to the read stage (None when the path
    # is no file: the read stage says why).
    data: bytes | None = field(default=None, repr=False, compare=False)
    # A release of several pages: each page's snapshot, in order (this one stands for them all)
    pages: tuple[Snapshot, ...] = ()


def public_url(url: str) -> str:
    """``url`` as it may be written in a file or shown: without a user name or password,
    without path parameters, with only the query parameters known to be harmless
    (:data:`HARMLESS_PARAMETERS`, with a short plain value), without a fragment. Every
    address the pipeline writes or shows goes through here.

    >>> public_url("https://ana:s3cret@www.example.org:8443/page.htm?id=3&access_token=xyz#top")
    'https://www.example.org:8443/page.htm?id=3'
    >>> public_url("https://www.example.org/281/jumelages.htm")
    'https://www.example.org/281/jumelages.htm'
    >>> public_url("https://h.org/a;jsessionid=AB12/p.htm;x=1?PHPSESSID=9&pass=x&code=7&page=2")
    'https://h.org/a/p.htm?page=2'
    >>> public_url("https://h.org/p?id=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.x&lang=fr")
    'https://h.org/p?lang=fr'
    >>> public_url("http://ana:s3cret@[::1/p;sid=4?key=x")
    'http://[::1/p'
    >>> public_url("https:/ana:s3cret@h.org/p"), public_url("http:ana:s3cret@h.org")
    ('https:///h.org/p', 'http:///h.org')
    >>> public_url("https://h.org/\u202egnp.exe")  # a text direction control: percent-encoded
    'https://h.org/%E2%80%AEgnp.exe'
    """
    return _INVISIBLE.sub(lambda m: quote(m.group()), _public(url))


# A user name and password written where an address without "//" has its path
_PATH_USER_INFO = re.compile(r"^(/*)[^/]*@")


def _public(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:  # not a URL at all ("http://[::1/"): keep what surely holds no secret
        bare = _USER_INFO.sub("//", url).partition("?")[0].partition("#")[0]
        return _PATH_PARAMETER.sub("", bare)
    netloc = parts.netloc.rpartition("@")[2]
    path = parts.path
    if not parts.netloc:  # "https:/ana:pw@h.org/p", "http:ana:pw@h.org": a user's password in the path
        path = _PATH_USER_INFO.sub(r"\1", path)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs
            if name.lower() in HARMLESS_PARAMETERS and _HARMLESS_VALUE.match(value)]
    return urlunsplit((parts.scheme, netloc, _PATH_PARAMETER.sub("", path),
                       urlencode(kept), ""))


def web_address(url: str) -> str:
    """The public form of ``url`` (:func:`public_url`) once it is sure to be an http(s)
    address a request can be made to; a one-line error naming that public form otherwise.

    >>> web_address("https://ana:s3cret@www.example.org/p")
    'https://www.example.org/p'
    >>> for bad in ("http://[::1/p", "http://127.0.0.1:99999/p", "http://exa mple.org/p",
    ...             "ftp://ana:pw@example.org/p", "https:///p"):
    ...     try:
    ...         web_address(bad)
    ...     except InputError as exc:
    ...         print(*str(exc).split(" ; "), sep=" ;" + chr(10) + "  ")
    http://[::1/p : pas une adresse web (Invalid IPv6 URL) ;
      donner une adresse http(s)://
    http://127.0.0.1:99999/p : pas une adresse web (Port out of range 0-65535) ;
      donner une adresse http(s)://
    http://exa%20mple.org/p : pas une adresse web (elle contient une espace ou un caractère de contrôle) ;
      la recopier sans eux
    ftp://example.org/p : pas une adresse web (seules les pages http:// et https:// sont téléchargées) ;
      donner une adresse http(s)://
    https:///p : pas une adresse web (aucun hôte) ;
      donner une adresse complète, https://hôte/…
    """
    shown = public_url(url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises on a port that is not a number or out of range
    except ValueError as exc:
        raise InputError(f"{shown} : pas une adresse web ({exc}) ; donner une adresse http(s)://") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"{shown} : pas une adresse web (seules les pages http:// et https:// "
                         "sont téléchargées) ; donner une adresse http(s)://")
    if _SPACE_OR_CONTROL.search(url):
        raise InputError(f"{shown} : pas une adresse web (elle contient une espace ou un caractère "
                         "de contrôle) ; la recopier sans eux")
    if not parts.hostname:
        raise InputError(f"{shown} : pas une adresse web (aucun hôte) ; donner une adresse "
                         "complète, https://hôte/…")
    return shown


def _plain_name(name: object) -> bool:
    """A file name of the manifest's own folder: no folder, no "..", nothing hidden.

    >>> [_plain_name(n) for n in ("page-2024-05-01.html", "../x.html", "/etc/passwd", ".", "a/b")]
    [True, False, False, False, False]
    """
    return (isinstance(name, str) and bool(name) and not name.startswith(".")
            and "/" not in name and "\\" not in name and not _CONTROL.search(name))


def _entry_problem(number: int, entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return f"snapshot {number} is not a JSON object"
    if "file" not in entry:
        return f"snapshot {number} has no \"file\""
    if not _plain_name(entry["file"]):
        return (f"snapshot {number}: file {str(entry['file'])[:80]!r} is not a plain file name "
                "of the manifest's folder (no folder, no '..', no absolute path)")
    for key, types in _ENTRY_TYPES.items():
        value = entry.get(key)
        if value is None:
            continue
        if not isinstance(value, types) or isinstance(value, bool):
            return f"snapshot {number}: {key} has the wrong type ({type(value).__name__})"
        if isinstance(value, str) and _CONTROL.search(value):
            return f"snapshot {number}: {key} holds a control character"
    return None


def manifest_entries(folder: Path) -> list[dict]:
    """The snapshots the manifest of ``folder`` lists, oldest first, checked (see the
    module's docstring); a folder without a manifest lists none."""
    manifest = folder / MANIFEST
    if not manifest.exists():
        return []
    try:
        if not manifest.is_file():
            raise InputError(f"{manifest} : pas un fichier ; le remplacer par le manifeste des "
                             "instantanés, ou le déplacer ailleurs")
        if manifest.stat().st_size > MAX_MANIFEST_BYTES:
            raise InputError(f"{manifest} : plus de {MAX_MANIFEST_BYTES:,} octets, pas un manifeste ; "
                             "le restaurer (git checkout -- …)")
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{manifest} : illisible ({exc.strerror}) ; vérifier ses droits") from None
    except ValueError as exc:  # not JSON, or not UTF-8
        raise InputError(f"{manifest} : JSON invalide ({exc}) ; le restaurer (git checkout -- "
                         "…)") from None
    problem: str | None
    if not isinstance(data, dict) or not isinstance(data.get("snapshots"), list):
        problem = "has no \"snapshots\" list"
    else:
        problem = next((p for n, e in enumerate(data["snapshots"], 1)
                        if (p := _entry_problem(n, e))), None)
    if problem:
        raise InputError(f"{manifest} : manifeste invalide ({problem}) ; le restaurer (git "
                         "checkout -- …)")
    return data["snapshots"]


def default_source(url: str | None = None, raw: Path | None = None) -> Path:
    """The last snapshot listed in ``raw/manifest.json`` (``raw``: the town's folder of
    snapshots, the project's ``raw/`` by default); with ``url``, the last one of that page
    (or, when none names it, the last one listed: a page kept by hand may name no URL)."""
    folder = RAW_DIR if raw is None else raw
    entries = manifest_entries(folder)
    if not entries:
        raise InputError(f"{folder / MANIFEST} : aucun instantané ; en prendre un avec "
                         "`python -m pipeline fetch`, ou donner --source")
    if url is not None:
        mine = [e for e in entries if e.get("url") == public_url(url)]
        entries = mine or entries
    return folder / entries[-1]["file"]


def page_snapshot(url: str, raw: Path) -> Path:
    """The last snapshot of the page at ``url`` in ``raw`` (a town with several pages
    has one snapshot each: the manifest's url says which)."""
    mine = [e for e in manifest_entries(raw) if e.get("url") == public_url(url)]
    if not mine:
        raise InputError(f"{raw / MANIFEST} : aucun instantané de {public_url(url)} ; le "
                         "télécharger (`python -m pipeline fetch`) ou nommer son instantané "
                         "dans le fichier de la commune")
    return raw / mine[-1]["file"]


def check_size(path: Path, max_bytes: int = MAX_BYTES) -> None:
    """Refuse what cannot be a page snapshot before reading it: a device or a pipe (which
    could be read forever), a file over ``max_bytes``. A missing file or a folder is left
    to the read stage, which says so."""
    try:
        if not path.exists() or path.is_dir():
            return
        if not path.is_file():
            raise InputError(f"{path} : pas un fichier ordinaire (un périphérique, un tube ?) ; "
                             "donner le fichier d'un instantané de la page")
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if size > max_bytes:
        raise InputError(f"{path} : {size:,} octets, au-delà de la limite de {max_bytes:,} octets "
                         "pour une page (--max-bytes) ; rien n'a été lu : vérifier le fichier, "
                         "ou relever --max-bytes")


def describe(path: Path, max_bytes: int = MAX_BYTES) -> Snapshot:
    """The snapshot at ``path`` with what its folder's manifest says of it.

    A file that the manifest lists under another checksum was edited after it was taken:
    snapshots are kept byte for byte, so that is an error, not a warning.
    """
    check_size(path, max_bytes)
    try:
        data = path.read_bytes() if path.is_file() else None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    sha256 = hashlib.sha256(data).hexdigest() if data is not None else ""
    for entry in manifest_entries(path.parent):
        if entry["file"] == path.name:
            if entry.get("sha256") != sha256:
                raise InputError(
                    f"{path} : son sha256 diffère de celui de {MANIFEST} ; un instantané "
                    "se garde octet pour octet. À faire : restaurer le fichier tel qu'il a été "
                    f"pris (git checkout -- {path}), ou prendre un nouvel instantané de la page "
                    "avec `python -m pipeline fetch`, qui l'ajoute au manifeste"
                )
            url = entry.get("url")
            return Snapshot(path, sha256, public_url(url) if url else None, entry.get("retrieved"),
                            data)
    return Snapshot(path, sha256, None, None, data)
