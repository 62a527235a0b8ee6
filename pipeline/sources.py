"""Where a run's page comes from: the snapshot file and its entry in the manifest.

The data packages take their source URL and date from the manifest, never from the clock,
so that the same snapshot always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

RAW_DIR = Path(__file__).resolve().parent.parent / "raw"
MANIFEST = "manifest.json"
MAX_BYTES = 5_000_000  # a fetched page larger than this is refused
# Cited coordinates of each partner's main place (see the file's source column).
REFERENCE_PLACES = RAW_DIR / "reference" / "places.csv"


@dataclass(frozen=True)
class Snapshot:
    path: Path
    sha256: str
    url: str | None
    retrieved: str | None


def manifest_entries(folder: Path) -> list[dict]:
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return []
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))["snapshots"]
    except (ValueError, KeyError) as exc:
        raise InputError(f"{manifest}: not a valid manifest ({exc})") from None


def default_source() -> Path:
    """The last snapshot listed in ``raw/manifest.json``."""
    entries = manifest_entries(RAW_DIR)
    if not entries:
        raise InputError(f"{RAW_DIR / MANIFEST}: lists no snapshot; give --source")
    return RAW_DIR / entries[-1]["file"]


def describe(path: Path) -> Snapshot:
    """The snapshot at ``path`` with what its folder's manifest says of it.

    A file that the manifest lists under another checksum was edited after it was taken:
    snapshots are kept byte for byte, so that is an error, not a warning.
    """
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    for entry in manifest_entries(path.parent):
        if entry.get("file") == path.name:
            if entry.get("sha256") != sha256:
                raise InputError(
                    f"{path}: its sha256 differs from the one in {MANIFEST}; "
                    "snapshots must be kept byte for byte"
                )
            return Snapshot(path, sha256, entry.get("url"), entry.get("retrieved"))
    return Snapshot(path, sha256, None, None)
