"""A release: the three packages, a version, a change log, written atomically.

The new packages are written into a temporary folder beside the output, compared with
the previous release (record by record), given the version the change calls for,
validated from disk, and only then swapped into place. A run that fails or is
interrupted before the swap leaves the previous release exactly as it was; a run that
changes nothing writes nothing.

The previous release is the output folder when it holds one, else the project's
published ``output/``: so a run into an empty folder gives the same version and change
log as the published release when the data are the same.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .changes import UNDATED, Changes, bump, compare, render_log
from .emit import write_packages
from .emit.json import write_json
from .errors import PipelineError
from .sources import Snapshot
from .tables import Tables
from .validate import validate_release

PUBLISHED = Path(__file__).resolve().parent.parent / "output"
FIRST_VERSION = "1.0.0"
LOG_JSON, LOG_MD = "changelog.json", "CHANGELOG.md"


@dataclass
class Outcome:
    version: str
    level: str | None  # None: nothing changed, nothing written
    changes: Changes = field(default_factory=Changes)
    packages: list[Path] = field(default_factory=list)


def is_release(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("*/datapackage.json"))


def _refuse_foreign(output: Path) -> None:
    if output.exists() and not (output.is_dir() and (is_release(output) or not any(output.iterdir()))):
        raise PipelineError(f"{output}: exists and is not a release folder; refusing to replace it")


def _history(release: Path) -> list[dict[str, Any]]:
    path = release / LOG_JSON
    return json.loads(path.read_text(encoding="utf-8"))["releases"] if path.is_file() else []


def _version(release: Path) -> str:
    return json.loads((release / "json" / "datapackage.json").read_text(encoding="utf-8")).get(
        "version", FIRST_VERSION)


def _stamp(staging: Path, version: str) -> None:
    """Put the version in every package's descriptor, right after its name."""
    for path in staging.glob("*/datapackage.json"):
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        stamped: dict[str, Any] = {}
        for key, value in descriptor.items():
            if key != "version":
                stamped[key] = value
            if key == "name":
                stamped["version"] = version
        write_json(path, stamped)


def _swap(staging: Path, output: Path) -> None:
    if not output.exists():
        staging.rename(output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    retired.rmdir()
    output.rename(retired)
    staging.rename(output)
    shutil.rmtree(retired, ignore_errors=True)


def write_release(data: Tables, snapshot: Snapshot, output: Path,
                  previous: Path | None = None) -> Outcome:
    """Write ``data`` as a release in ``output``, versioned against ``previous``."""
    _refuse_foreign(output)
    if previous is None:
        previous = output if is_release(output) else PUBLISHED if is_release(PUBLISHED) else None
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a release is for everyone to read
    try:
        write_packages(staging, data, snapshot)
        if previous is not None:
            changes = compare(previous, staging)
            if changes.level is None:
                return _unchanged(previous, output, staging)
            version, level = bump(_version(previous), changes.level), changes.level
            history = _history(previous)
        else:
            changes, version, level, history = Changes(), FIRST_VERSION, "initial", []
        release = {
            "version": version, "level": level,
            "date": (snapshot.retrieved or "")[:10] or UNDATED,
            "source_sha256": snapshot.sha256,
            "rows": {table: len(rows) for table, rows in data.items()},
            "changes": changes.to_json() if level != "initial" else None,
        }
        history = [release, *history]
        _stamp(staging, version)
        write_json(staging / LOG_JSON, {"releases": history})
        (staging / LOG_MD).write_text(render_log(history), encoding="utf-8")
        written = validate_release(staging)
        _swap(staging, output)
        return Outcome(version, level, changes, [output / p.relative_to(staging) for p in written])
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _unchanged(previous: Path, output: Path, staging: Path) -> Outcome:
    """Nothing changed: leave ``output`` alone, or give it a copy of the previous release."""
    version = _version(previous)
    if previous.resolve() != output.resolve():
        shutil.rmtree(staging)
        shutil.copytree(previous, staging)
        validate_release(staging)
        _swap(staging, output)
    return Outcome(version, None)
