"""Validate stage: frictionless checks types, constraints and keys against ``schemas/``.

A new release is validated in its staging folder, before it replaces anything: frictionless
validates the CSV package from disk (types, constraints, primary and foreign keys), and
the JSON and Parquet packages must hold exactly the same records, read back with their own
readers; every file's hash and size must match its descriptor.

Why not frictionless on all three packages: its Parquet reader walks a pandas DataFrame
row by row and converts the row to a dict once per cell, which costs rows × columns²
(38 s for 10,000 entries, against 1.7 s for the same CSV); and the three packages are
written from the same validated rows, so comparing their records is both cheaper and a
stronger check than validating the same values three times. ``python -m pipeline validate``
still runs frictionless on every package, as a user would.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from .errors import ReleaseError
from .layout import Layout, UntrustedRelease, read_checksums, safe_relative
from .schemas import table_names, table_schema
from .tables import Tables

MAX_LISTED = 10
VERSION = re.compile(r"\d{1,9}\.\d{1,9}\.\d{1,9}")  # semver, as bump() reads it
LEVELS = ("major", "minor", "patch", "initial")


def _report_lines(report: Any) -> list[str]:
    lines = []
    for task in report.tasks:
        for error in task.errors:
            where = []
            if getattr(error, "row_number", None):
                where.append(f"row {error.row_number}")
            if getattr(error, "field_name", None):
                where.append(f"field {error.field_name}")
            lines.append(f"{task.name}: {', '.join(where) or 'table'}: {error.message}")
    lines += [f"package: {error.message}" for error in report.errors]
    return lines


def _raise_if_invalid(report: Any, what: str) -> None:
    if report.valid:
        return
    lines = _report_lines(report)
    listed = "\n  ".join(lines[:MAX_LISTED])
    more = f"\n  … and {len(lines) - MAX_LISTED} more" if len(lines) > MAX_LISTED else ""
    raise ReleaseError(f"{what} is not valid ({len(lines)} errors):\n  {listed}{more}")


def _validate_package(path: Path) -> None:
    import frictionless  # loaded when a package is validated, not by every command

    try:
        report = frictionless.validate(str(path))
    except frictionless.FrictionlessException as exc:
        raise ReleaseError(f"{path}: cannot be read ({exc.error.message})") from None
    _raise_if_invalid(report, str(path))
    if problems := file_mismatches(path):
        raise ReleaseError(f"{path}: " + "; ".join(problems))


def check_files(release: Path) -> None:
    """Every file of a release matches its descriptor's hash and size (enough for a copy of
    a release that was validated when it was published)."""
    for package in package_paths(release):
        if problems := file_mismatches(package):
            raise ReleaseError(f"{package}: " + "; ".join(problems))


def validate_staged(staging: Path, data: Tables) -> list[Path]:
    """Validate a release before it replaces anything (see the module's docstring): the
    first package with frictionless, then every package's files read back with their own
    format's reader, which must give exactly the validated rows."""
    from .emit import PACKAGES

    layout = Layout(staging)
    _validate_package(layout.descriptor(PACKAGES[0].FORMAT))
    check_files(staging)
    for fmt in PACKAGES:
        for table in table_names():
            if fmt.read(layout.table(fmt.FORMAT, table), table_schema(table)) != data[table]:
                raise ReleaseError(f"{layout.descriptor(fmt.FORMAT)}: table {table} does not "
                                   "hold the validated records")
    return [layout.descriptor(fmt.FORMAT) for fmt in PACKAGES]


def package_paths(directory: Path) -> list[Path]:
    """The ``datapackage.json`` files of a release folder, or of one package folder."""
    if (directory / "datapackage.json").is_file():
        return [directory / "datapackage.json"]
    found = sorted(directory.glob("*/datapackage.json"))
    if not found:
        raise ReleaseError(f"{directory}: no datapackage.json in it or in its subfolders")
    return found


def load_json(path: Path) -> Any:
    """A JSON file of a release; one line naming it when it is missing or broken."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReleaseError(f"{path}: missing") from None
    except OSError as exc:
        raise ReleaseError(f"{path}: cannot be read ({exc.strerror})") from None
    except ValueError as exc:  # not JSON, or not UTF-8
        raise ReleaseError(f"{path}: not valid JSON ({exc})") from None


def resources(package: Path) -> list[dict[str, Any]]:
    """The resources of a descriptor, each checked to name a file of its own package folder
    (a descriptor could otherwise point a reader, or an upload, anywhere on the disk)."""
    descriptor = load_json(package)
    found = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(found, list) or not all(isinstance(r, dict) for r in found):
        raise ReleaseError(f"{package}: not a data package descriptor (no list of resources)")
    for resource in found:
        path = resource.get("path")
        if not (isinstance(path, str) and "/" not in path and safe_relative(path)):
            raise ReleaseError(f"{package}: resource {str(resource.get('name'))[:40]!r} has path "
                               f"{str(path)[:80]!r}, not a file of the package's folder")
    return found


def file_mismatches(package: Path) -> list[str]:
    """Files whose sha256 or size differs from their descriptor.

    frictionless skips the hash of a file it does not read through its own loader (Parquet
    here), so the pipeline checks every file's ``hash`` and ``bytes`` itself.
    """
    problems = []
    for resource in resources(package):
        path = package.parent / resource["path"]
        if path.is_symlink() or not path.is_file():
            problems.append(f"{resource['path']}: missing" if not path.exists()
                            else f"{resource['path']}: not a regular file")
            continue
        content = path.read_bytes()
        expected_hash = resource.get("hash", "")
        if not isinstance(expected_hash, str) or expected_hash.startswith("sha256:") and \
                expected_hash != "sha256:" + hashlib.sha256(content).hexdigest():
            problems.append(f"{resource['path']}: sha256 differs from the descriptor's")
        if "bytes" in resource and resource["bytes"] != len(content):
            problems.append(f"{resource['path']}: {len(content)} bytes, descriptor says "
                            f"{resource['bytes']}")
    return problems


def checksum_mismatches(release: Path) -> list[tuple[str, str]] | None:
    """Files of a release that differ from its ``SHA256SUMS`` or are missing, as (path
    relative to the release, problem); None when the release has no checksums file."""
    layout = Layout(release)
    sums = read_checksums(layout)
    if sums is None:
        return None
    problems = []
    for name, digest in sums.items():
        path = release / name
        if path.is_symlink() or not path.is_file():
            problems.append((name, "missing" if not path.exists() else "not a regular file"))
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append((name, f"differs from its sha256 in {layout.relative(layout.checksums)}"))
    return problems


def _untrusted(release: Path, problem: str) -> UntrustedRelease:
    return UntrustedRelease(f"{problem}: the release in {release} was changed after it was written "
                        "(by hand?), so it is not trusted; restore it from its published copy")


def check_release(release: Path) -> str:
    """See :func:`_check_release`; any problem is said with what it means for the release."""
    if not Layout(release).descriptors():
        raise ReleaseError(f"{release}: not a release folder (no */datapackage.json)")
    try:
        return _check_release(release)
    except UntrustedRelease:
        raise
    except ReleaseError as exc:  # a file that does not parse, a descriptor pointing elsewhere
        raise _untrusted(release, str(exc)) from None


def _check_release(release: Path) -> str:
    """Check a release before anything is built on it, and return its version.

    Every file must match ``SHA256SUMS`` (any edit of a table, a view, the change log or
    the run report shows), or, for a release made before that file existed, every table its
    descriptor's hash; the descriptors, ``changelog.json`` and ``run-report.json`` must
    parse, and agree on one version. The first problem is raised, naming its file.
    """
    layout = Layout(release)
    packages = layout.descriptors()
    mismatches = checksum_mismatches(release)
    if mismatches is None:  # an older release: its descriptors' hashes, and its change log
        mismatches = [(f"{layout.relative(p.parent)}/{name}", problem) for p in packages
                      for name, problem in (m.split(": ", 1) for m in file_mismatches(p))]
        if not layout.changelog_json.is_file():
            mismatches.append((layout.relative(layout.changelog_json), "missing"))
    if mismatches:
        name, problem = mismatches[0]
        raise _untrusted(release, f"{release / name}: {problem}")
    versions = {}
    for package in packages:
        version = load_json(package).get("version")
        if not (isinstance(version, str) and VERSION.fullmatch(version)):
            raise _untrusted(release, f"{package}: version {str(version)[:20]!r} is not x.y.z")
        versions[layout.relative(package)] = version
    history = load_json(layout.changelog_json)
    releases = history.get("releases") if isinstance(history, dict) else None
    if not (isinstance(releases, list) and releases and all(_release_entry(r) for r in releases)):
        raise _untrusted(release, f"{layout.changelog_json}: not a change log of this pipeline")
    versions[layout.relative(layout.changelog_json)] = releases[0]["version"]
    if layout.run_report.exists():
        report = load_json(layout.run_report)
        said = report.get("release", {}).get("version") if isinstance(report, dict) else None
        if not isinstance(said, str):
            raise _untrusted(release, f"{layout.run_report}: says no version")
        versions[layout.relative(layout.run_report)] = said
    if len(set(versions.values())) > 1:
        shown = ", ".join(f"{name} {version}" for name, version in versions.items())
        raise _untrusted(release, f"{release}: its files disagree on the version ({shown})")
    return next(iter(versions.values()))


def _release_entry(entry: Any) -> bool:
    """One release of ``changelog.json`` as the pipeline writes it."""
    return (isinstance(entry, dict) and isinstance(entry.get("version"), str)
            and bool(VERSION.fullmatch(entry["version"])) and entry.get("level") in LEVELS
            and isinstance(entry.get("date"), str) and isinstance(entry.get("source_sha256"), str)
            and isinstance(entry.get("rows"), dict)
            and (entry.get("changes") is None or isinstance(entry["changes"], dict)))


def validate_release(directory: Path) -> list[Path]:
    """Validate every data package under ``directory`` as a user would, from disk; and,
    for a release folder with a ``SHA256SUMS``, every file against it."""
    paths = package_paths(directory)
    for path in paths:
        resources(path)  # before frictionless: a path out of the package is said plainly
    if mismatches := checksum_mismatches(directory):
        name, problem = mismatches[0]
        raise ReleaseError(f"{directory / name}: {problem}")
    for path in paths:
        _validate_package(path)
    return paths
