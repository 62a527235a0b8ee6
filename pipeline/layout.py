"""Where each part of a release lives, written once.

A release folder holds one data package per format (``csv/``, ``parquet/``, ``json/``…),
the views for people (a workbook, a database, the page snapshot, the pages), the change log
and the run report. Every stage that writes, validates, compares, shows or publishes a
release asks a :class:`Layout` where things are, rather than spelling a path again; what
each file is comes from the formats and views themselves, listed once in ``pipeline/emit``
(``PACKAGES`` and ``VIEWS``, and :func:`pipeline.emit.release_files`).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .config import config
from .errors import PipelineError, ReleaseError

DESCRIPTOR = "datapackage.json"
CHECKSUMS = "SHA256SUMS"  # every other file of the release and its sha256, as sha256sum writes it
# The folder of the zip archives (each package's, the database's): made from other files
# of the release, so a comparison of two releases looks at those files, not at the archives.
ARCHIVES = "zip"
LOCK_WAIT = 600.0  # seconds a command waits for another one to finish with a folder
# What a file is to the people who download it: the data itself, the same data in a form
# for people (a workbook, a database), or what documents it (descriptors, dictionary, the
# page snapshot that the ``source_line`` columns refer to, the change log).
FileKind = Literal["data", "view", "documentation"]


@dataclass(frozen=True)
class ReleaseFile:
    """A file of a release, as a reader or a portal sees it."""

    path: str  # relative to the release folder, with "/" separators
    kind: FileKind
    format: str  # short name of the format, lower case: "csv", "xlsx", "txt"…
    mediatype: str
    title: str  # in French, saying what the file is: "Actions (CSV)"
    description: str  # in French

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Layout:
    """The paths of one release folder."""

    root: Path

    def package(self, fmt: str) -> Path:
        """The folder of the data package in format ``fmt``."""
        return self.root / fmt

    def descriptor(self, fmt: str) -> Path:
        return self.package(fmt) / DESCRIPTOR

    def table(self, fmt: str, table: str) -> Path:
        """The file of ``table`` in the package in format ``fmt``."""
        return self.package(fmt) / f"{table}.{fmt}"

    def descriptors(self) -> list[Path]:
        """The descriptors present in the folder, in the order of their format's name."""
        return sorted(self.root.glob(f"*/{DESCRIPTOR}"))

    @property
    def changelog_json(self) -> Path:
        return self.root / "changelog.json"

    @property
    def changelog_md(self) -> Path:
        return self.root / "CHANGELOG.md"

    @property
    def run_report(self) -> Path:
        return self.root / "run-report.json"

    @property
    def dictionary(self) -> Path:
        """The French data dictionary, also the dataset's description on the portals."""
        return self.root / "README.md"

    @property
    def index(self) -> Path:
        return self.root / "index.html"

    def view(self, folder: str, suffix: str) -> Path:
        """A view's file: ``folder/<stem>.<suffix>`` (``xlsx/<stem>.xlsx``, the stem from ``city.toml``)."""
        return self.root / folder / f"{config().stem}.{suffix}"

    @property
    def checksums(self) -> Path:
        """The sha256 of every other file of the release (``sha256sum -c SHA256SUMS``): a
        file edited by hand is found before the release is trusted as the base of the next."""
        return self.root / CHECKSUMS

    # The files written after the comparison with the previous release, from its result:
    # never part of what is compared.
    def logs(self) -> tuple[Path, ...]:
        return self.changelog_json, self.changelog_md, self.run_report, self.checksums

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def is_release(self) -> bool:
        return self.root.is_dir() and bool(self.descriptors())


# --- The checksums file ---------------------------------------------------------------------

_CHECKSUM_LINE = re.compile(r"([0-9a-f]{64})  ([^\x00-\x1f\\]+)")


def safe_relative(path: str) -> bool:
    """A path inside the release: relative, with "/" separators, no "..", nothing hidden.

    >>> [safe_relative(p) for p in ("csv/actions.csv", "../x", "/etc/passwd", "a/./b", ".x")]
    [True, False, False, False, False]
    """
    parts = path.split("/")
    return bool(path) and all(part and not part.startswith(".") for part in parts)


def format_checksums(sums: dict[str, str]) -> str:
    """The checksums file, one ``<sha256>  <path>`` line per file in path order, the format
    ``sha256sum -c`` reads."""
    return "".join(f"{digest}  {path}\n" for path, digest in sorted(sums.items()))


def read_checksums(layout: Layout) -> dict[str, str] | None:
    """The checksums a release lists (path -> sha256), None when it has none (a release
    made before they were written); a malformed file is an error naming its line."""
    path = layout.checksums
    if not path.exists() and not path.is_symlink():
        return None
    if path.is_symlink() or not path.is_file():
        raise _untrusted(path, "pas un fichier ordinaire")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise ReleaseError(f"{path} : illisible ({getattr(exc, 'strerror', None) or exc}) ; vérifier "
                           "ses droits") from None
    sums = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = _CHECKSUM_LINE.fullmatch(line)
        if not match or not safe_relative(match[2]):
            raise _untrusted(path, f"la ligne {number} n'est pas \"<sha256>  <chemin dans la publication>\"")
        sums[match[2]] = match[1]
    return sums


class UntrustedRelease(ReleaseError):
    """A release whose files are not the ones its run wrote: never built on, never replaced."""


def _untrusted(path: Path, problem: str) -> UntrustedRelease:
    return UntrustedRelease(f"{path} : {problem} ; cette publication a été modifiée à la main et "
                            "n'est pas fiable : la restaurer (git checkout -- du dossier, ou sa "
                            "copie publiée), ou l'écrire à nouveau avec `python -m pipeline run`")


# --- What a folder holds, beyond what a release writes -----------------------------------------

def foreign_entries(layout: Layout, known: set[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` entries of the folder that no release writes (paths relative to it,
    a folder with a trailing "/"): a file or folder not in ``known`` nor a folder holding
    one, a symbolic link, anything not a regular file. Stops at the first ``limit``, so that
    a huge folder (a home, the root) costs little."""
    folders = {"/".join(p.split("/")[:i]) for p in known for i in range(1, p.count("/") + 1)}
    found: list[str] = []
    pending = [(layout.root, "")]
    while pending and len(found) < limit:
        folder, prefix = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            raise ReleaseError(f"{folder}: cannot be read ({exc.strerror})") from None
        for entry in entries:
            name = prefix + entry.name
            if entry.is_symlink():
                found.append(f"{name} (un lien symbolique)")
            elif entry.is_dir() and name in folders:
                pending.append((Path(entry.path), name + "/"))
            elif entry.is_dir():
                found.append(name + "/")
            elif not (entry.is_file() and name in known):
                found.append(name)
            if len(found) >= limit:
                break
    return found


# --- Locks ----------------------------------------------------------------------------------

def lock_file(path: Path) -> Path:
    """The lock of ``path``: a hidden file beside it (not inside: a release folder is
    swapped whole, and its lock must outlive the swap)."""
    return path.parent / f".lock-{path.name}"


@contextmanager
def locked(path: Path, *, wait: float = LOCK_WAIT, writing: bool = True,
           error: type[PipelineError] = ReleaseError) -> Iterator[None]:
    """Hold the lock of ``path`` (a release folder, a manifest) for the block, so that no
    other command of the pipeline writes or reads it meanwhile: ``run`` holds it from the
    reading of the previous release to the swap, ``fetch`` while it adds to the manifest,
    ``publish``, ``validate`` and ``diff`` while they read a release.

    The lock is ``filelock``'s (``fcntl.flock`` on Unix): the system releases it when its
    process dies, so a killed run leaves no stale lock. A command that finds it taken waits
    up to ``wait`` seconds (saying so on standard error), then fails with ``error``. With
    ``writing=False`` (a command that only reads), a folder whose parent cannot be written
    is read without a lock: no run can write there either.
    """
    import filelock

    lock = filelock.FileLock(lock_file(path), timeout=0)
    try:
        try:
            lock.acquire()
        except filelock.Timeout:
            print(f"attente de la fin d'une autre commande sur {path} (verrou "
                  f"{lock_file(path)} ; jusqu'à {wait:g} s)…", file=sys.stderr)
            lock.acquire(timeout=wait)
    except filelock.Timeout:
        raise error(f"{path} : une autre commande tient encore son verrou ({lock_file(path)}) "
                    f"après {wait:g} s ; rien n'a été fait : relancer quand elle aura fini") from None
    except OSError as exc:
        if not writing and not os.access(path.parent, os.W_OK):
            yield
            return
        raise error(f"{lock_file(path)} : impossible de prendre le verrou ({exc.strerror}) ; rien "
                    "n'a été fait : vérifier les droits du dossier") from None
    try:
        yield
    finally:
        lock.release()
