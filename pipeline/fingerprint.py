"""What made a release, besides its source: the code fingerprint and the libraries' versions.

An unchanged page costs a checksum: when the run report of the release in the output says
it was made from this very source by this very code, :func:`up_to_date` says so and the
run stops, having loaded nothing but this module and the checks of a release's files
(not the grammar, not the writers, not their libraries).
"""

from __future__ import annotations

import hashlib
import json
import platform
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .errors import PipelineError
from .layout import Layout
from .paths import PACKAGE
from .validate import check_release

LIBRARIES = ("frictionless", "pandas", "pyarrow", "lxml", "requests", "pycountry", "babel", "text2num")
# Code that fetches, publishes or parses the command line cannot change a release's content.
NOT_IN_RELEASE = ("pipeline/publish/", "pipeline/fetch.py", "pipeline/http.py", "pipeline/cli.py",
                  "pipeline/__main__.py")


# What :func:`remember_code` read once: the versions, and the digest of the code alone
_REMEMBERED: tuple[dict[str, str], hashlib._Hash] | None = None


def versions() -> dict[str, str]:
    """Python's and the libraries' versions, for whoever needs to reproduce a run."""
    if _REMEMBERED is not None:
        return dict(_REMEMBERED[0])
    return dict(_versions())


@cache
def _versions() -> dict[str, str]:
    # looked up once a process (each lookup scans the installed distributions; a run asked
    # twice, for the run report and for the code's fingerprint): they do not change under it
    found = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def _outside_release(path: Path) -> bool:
    return str(path).startswith(NOT_IN_RELEASE)


def code_fingerprint() -> str:
    """A sha256 of everything besides the source that decides a release's content: the
    pipeline's code and templates (not the code that fetches or publishes), the schemas,
    the reference files, and the versions of the libraries. Two runs with the same source
    and fingerprint write the same release."""
    digest = _REMEMBERED[1].copy() if _REMEMBERED is not None else _code_digest()
    # the current town's file (its name, its texts, its hints: all in the release)
    from .config import config

    town = config().path
    if town is not None:
        digest.update(b"town")
        digest.update(town.read_bytes())
    return digest.hexdigest()


def remember_code() -> None:
    """Read the libraries' versions and the code once for the rest of this process, which
    runs many towns with the code it has loaded (a national run's town worker: 16 ms a
    town, a twentieth of its run, spent reading the same files again); each town's
    fingerprint still adds its own file."""
    global _REMEMBERED
    _REMEMBERED = None
    _REMEMBERED = (versions(), _code_digest())


def _code_digest() -> hashlib._Hash:
    """The fingerprint's part that does not depend on the town: the versions and the code."""
    digest = hashlib.sha256(json.dumps(versions(), sort_keys=True).encode())
    root = PACKAGE.parent
    for folder, pattern in (("pipeline", "**/*.py"), ("pipeline/templates", "*"),
                            ("pipeline/data/schemas", "*.json"), ("pipeline/data/reference", "*")):
        for path in sorted((root / folder).glob(pattern)):
            if path.is_file() and not _outside_release(path.relative_to(root)):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest


def up_to_date(output: Path, source_sha256: str) -> str | None:
    """The version of the release in ``output`` when it was made from this very source by
    this very code (its run report says so) and its files are intact; else None."""
    layout = Layout(output)
    if not (layout.is_release() and layout.run_report.is_file()):
        return None
    try:
        release_version = check_release(output)
        report = json.loads(layout.run_report.read_text(encoding="utf-8"))
        if report["source"]["sha256"] != source_sha256 or report.get("code") != code_fingerprint():
            return None
    except (ValueError, KeyError, TypeError, PipelineError):
        return None
    return release_version
