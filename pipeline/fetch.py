"""Fetch the live page into ``raw/`` as a dated snapshot with its manifest entry.

A conditional request (ETag / Last-Modified of the last snapshot of that URL) lets an
unchanged page answer 304 without being downloaded; a page whose bytes equal a snapshot
already kept (same sha256) adds nothing. The body is written to a temporary file and moved
into place only once complete and within the size limit, so a failed fetch never leaves a
half-written snapshot; the manifest is replaced the same way.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import requests

from .errors import InputError, NetworkError
from .http import session
from .config import config
from .sources import MANIFEST, MAX_BYTES, RAW_DIR, manifest_entries

TIMEOUT = (10.0, 30.0)  # seconds to connect, seconds between bytes


@dataclass(frozen=True)
class Fetched:
    path: Path  # the snapshot holding the page as it is now
    new: bool
    reason: str


def _suffix(content_type: str) -> str:
    return ".txt" if content_type.startswith("text/plain") else ".html"


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


def _download(response: requests.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"{url}: the page is {int(declared):,} bytes, over the "
                            f"{max_bytes:,}-byte limit (--max-bytes)")
    body = bytearray()
    for chunk in response.iter_content(chunk_size=65536):
        body += chunk
        if len(body) > max_bytes:
            raise InputError(f"{url}: the page is over the {max_bytes:,}-byte limit "
                                "(--max-bytes); nothing was kept")
    return bytes(body)


def fetch(url: str | None = None, raw: Path | None = None, *, max_bytes: int = MAX_BYTES,
          timeout: tuple[float, float] = TIMEOUT, retries: int = 3,
          backoff: float = 0.5) -> Fetched:
    """Download ``url`` into ``raw`` unless the last snapshot of it is still current."""
    url = url or config().page_url
    raw = raw or RAW_DIR
    raw.mkdir(parents=True, exist_ok=True)
    entries = manifest_entries(raw)
    previous = [e for e in entries if e.get("url") == url]
    last = previous[-1] if previous else None
    headers = {}
    if last and (raw / last["file"]).is_file():
        if last.get("etag"):
            headers["If-None-Match"] = last["etag"]
        if last.get("last_modified"):
            headers["If-Modified-Since"] = last["last_modified"]
    try:
        with session(retries, backoff).get(url, headers=headers, timeout=timeout,
                                           stream=True) as response:
            if response.status_code == 304 and last:
                return Fetched(raw / last["file"], False, "not modified (HTTP 304)")
            if response.status_code >= 400:
                tried = f" after {retries} retries" if response.status_code >= 500 else ""
                raise NetworkError(f"{url}: the server answered {response.status_code} "
                                    f"{response.reason}{tried}")
            body = _download(response, url, max_bytes)
            answer = response
    except requests.exceptions.ConnectionError as exc:
        if "timed out" not in str(exc):
            raise NetworkError(f"{url}: cannot be reached after {retries} retries "
                                f"({type(exc).__name__})") from None
        raise NetworkError(f"{url}: no answer within {timeout[1]:g} s after {retries} retries") from None
    except requests.exceptions.Timeout:
        raise NetworkError(f"{url}: no answer within {timeout[1]:g} s after {retries} retries") from None
    except requests.exceptions.RequestException as exc:
        raise NetworkError(f"{url}: cannot be reached after {retries} retries "
                            f"({type(exc).__name__})") from None
    sha256 = hashlib.sha256(body).hexdigest()
    for entry in entries:
        if entry.get("sha256") == sha256 and (raw / entry["file"]).is_file():
            return Fetched(raw / entry["file"], False, f"same content as {entry['file']}")
    now = datetime.now(timezone.utc).replace(microsecond=0)
    content_type = answer.headers.get("Content-Type", "")
    path = _snapshot_path(raw, now.date().isoformat(), _suffix(content_type))
    _write_atomically(path, body)
    entry = {
        "file": path.name, "url": url, "retrieved": now.isoformat().replace("+00:00", "Z"),
        "http_status": answer.status_code, "etag": answer.headers.get("ETag"),
        "last_modified": answer.headers.get("Last-Modified"), "media_type": content_type,
        "bytes": len(body), "sha256": sha256,
    }
    manifest = {"description": _manifest_description(raw), "snapshots": [*entries, entry]}
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    _write_atomically(raw / MANIFEST, text.encode("utf-8"))
    return Fetched(path, True, f"new snapshot, {len(body):,} bytes")


def _manifest_description(raw: Path) -> str:
    try:
        return json.loads((raw / MANIFEST).read_text(encoding="utf-8"))["description"]
    except (OSError, ValueError, KeyError):
        return ("Snapshots of the page kept byte for byte. The pipeline reads the last "
                "snapshot listed by default and takes the source URL and date of the data "
                "packages from its entry.")
