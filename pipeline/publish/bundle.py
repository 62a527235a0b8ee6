"""What is published: a verified copy of a release, never the folder a run may be replacing.

Before anything is sent, the release is copied to a private temporary folder and the copy
is checked, so that a ``run`` swapping a new release in, a hand edit or a broken copy can
never put a mix on a portal:

- every package validates with frictionless, and every file matches its descriptor's
  sha256 and size;
- the packages hold the same records (each read back with its own format's reader) and
  the same version;
- every file that is published (the tables, the descriptors themselves, the workbook, the
  database, the page snapshot, the dictionary, the change log) matches the sha256 that
  the run that wrote the release recorded in its ``SHA256SUMS``;
- the release holds no symbolic link.

The files and what each is (data, view, documentation; its French title and description)
come from :func:`pipeline.emit.release_files`, the one list every consumer reads.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ReleaseError
from ..layout import Layout, ReleaseFile, locked, read_checksums


@dataclass(frozen=True)
class LocalFile:
    """A file of the verified copy, as a portal will show it."""

    file: ReleaseFile
    path: Path

    @property
    def key(self) -> str:
        """The file's stable key on every portal: its path in the release (``csv/actions.csv``)."""
        return self.file.path

    @property
    def title(self) -> str:
        return self.file.title

    def digest(self, algorithm: str) -> str:
        return hashlib.new(algorithm, self.path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Bundle:
    """A verified copy of a release, with what the portals say about the dataset."""

    source: Path  # the release folder the copy was made from
    name: str  # the packages' name: the default stable name of the dataset
    version: str
    title: str
    description: str
    methodology: str  # "Méthode et limites", from the packages' metadata
    keywords: list[str]
    licence: dict[str, str]  # name (an SPDX-like id), title, path
    origin: dict[str, Any]  # the source the data comes from: title, path, retrieved
    publisher: str
    temporal: tuple[str, str] | None  # first and last day the actions cover (ISO)
    files: list[LocalFile]
    labels: dict[str, str]  # format -> its name for people ("csv" -> "CSV")


def _descriptor(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReleaseError(f"{path}: cannot be read ({exc})") from None


def _refuse_links(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            raise ReleaseError(f"{path}: a symbolic link inside the release; only a folder "
                               "that the pipeline wrote is published")


def _same_records(layout: Layout, formats: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    """The records of the first package, once every package is shown to hold them."""
    from ..emit import PACKAGES
    from ..schemas import table_names, table_schema

    readers = {fmt.FORMAT: fmt for fmt in PACKAGES}
    first: dict[str, list[dict[str, Any]]] = {}
    for fmt in formats:
        for table in table_names():
            try:
                rows = readers[fmt].read(layout.table(fmt, table), table_schema(table))
            except Exception as exc:
                raise ReleaseError(f"{layout.table(fmt, table)}: cannot be read back "
                                   f"({type(exc).__name__})") from None
            if table not in first:
                first[table] = rows
            elif rows != first[table]:
                raise ReleaseError(f"{layout.descriptor(fmt)}: table {table} does not hold the "
                                   f"same records as the {formats[0]} package; the release was "
                                   "changed after it was written: run the pipeline again")
    return first


def _recorded_hashes(layout: Layout) -> dict[str, str]:
    sums = read_checksums(layout)
    if sums is None:
        raise ReleaseError(f"{layout.checksums}: missing (a release written by an older version "
                           "of the pipeline, or edited): run the pipeline again")
    return sums


def _check_recorded(local: LocalFile, recorded: dict[str, str]) -> None:
    expected = recorded.get(local.key)
    if expected is None:
        raise ReleaseError(f"{local.key}: the run that wrote the release recorded no hash of "
                           "it; it is not published")
    if expected != local.digest("sha256"):
        raise ReleaseError(f"{local.key}: differs from the file the pipeline wrote (sha256 in "
                           "SHA256SUMS); the release was edited: run the pipeline again")


def _temporal(actions: list[dict[str, Any]], snapshot: str | None = None) -> tuple[str, str] | None:
    """The days the dated actions cover: from the first year's first day to the last
    year's last day, or to the snapshot's day when an action is still going on then (an
    ongoing action has no end year, and its coverage does not stop at the last one seen).

    >>> actions = [{"start_year": 1999, "end_year": 2014}, {"start_year": 2016, "is_ongoing": True}]
    >>> _temporal(actions, "2026-11-25T10:00:00+00:00"), _temporal(actions[:1], "2026-11-25")
    (('1999-01-01', '2026-11-25'), ('1999-01-01', '2014-12-31'))
    """
    starts = [a["start_year"] for a in actions if a.get("start_year")]
    ends = [a.get("end_year") or a["start_year"] for a in actions if a.get("start_year")]
    if not starts:
        return None
    last = f"{max(ends)}-12-31"
    if snapshot and any(a.get("is_ongoing") for a in actions):
        last = max(last, str(snapshot)[:10])
    return f"{min(starts)}-01-01", last


@contextlib.contextmanager
def verified_copy(folder: Path, formats: tuple[str, ...]) -> Iterator[Bundle]:
    """A checked copy of the release in ``folder`` with the packages in ``formats`` (and
    every view and document); the copy is removed afterwards."""
    from ..emit import PACKAGES

    known = tuple(fmt.FORMAT for fmt in PACKAGES)
    unknown = [f for f in formats if f not in known]
    if unknown or not formats:
        raise ReleaseError(f"unknown format(s) {', '.join(unknown) or '(none)'}; choose among "
                           f"{', '.join(known)}")
    if not Layout(folder).is_release():
        raise ReleaseError(f"{folder}: not a release folder (no */datapackage.json)")
    _refuse_links(folder)
    with tempfile.TemporaryDirectory(prefix="publish-") as scratch:
        copy = Path(scratch) / "release"
        try:
            with locked(folder, writing=False):  # never a copy of a release a run is swapping
                shutil.copytree(folder, copy)
        except (OSError, shutil.Error) as exc:
            raise ReleaseError(f"{folder}: cannot be copied for publishing ({exc})") from None
        try:
            bundle = _checked(copy, folder, known, formats)
        except ReleaseError as exc:  # named by the user's folder, not by the copy, gone after
            raise ReleaseError(str(exc).replace(str(copy), str(folder))) from None
        yield bundle


def _checked(copy: Path, folder: Path, known: tuple[str, ...], formats: tuple[str, ...]) -> Bundle:
    """The bundle of the copy of ``folder`` once every check holds (see :func:`verified_copy`)."""
    from ..emit import PACKAGES, release_files
    from ..validate import validate_release

    layout = Layout(copy)
    try:  # frictionless on every package, every descriptor's hashes
        validate_release(copy)
    except ReleaseError as exc:
        first = str(exc).splitlines()[0].rstrip(":")
        raise ReleaseError(f"{first} (python -m pipeline validate {folder} lists the "
                           "errors); nothing was published") from None
    present = tuple(f for f in known if layout.descriptor(f).is_file())
    records = _same_records(layout, present)
    descriptors = {f: _descriptor(layout.descriptor(f)) for f in present}
    if len({d.get("version") for d in descriptors.values()}) != 1:
        raise ReleaseError(f"{folder}: the packages do not carry the same version")
    recorded = _recorded_hashes(layout)
    chosen = set(formats)
    files = []
    for file in release_files(layout):
        package = file.path.split("/", 1)[0]
        if package in known and package not in chosen:
            continue  # a package the user did not ask for, and its descriptor
        local = LocalFile(file, copy / file.path)
        if not local.path.is_file():
            raise ReleaseError(f"{folder / file.path}: missing from the release")
        _check_recorded(local, recorded)
        files.append(local)
    main = descriptors[present[0]]
    return Bundle(
        source=folder, name=main.get("name", ""), version=main.get("version", ""),
        title=main["title"], description=main.get("description", ""),
        methodology=main.get("methodology", ""),
        keywords=list(main.get("keywords", [])), licence=(main.get("licenses") or [{}])[0],
        origin=(main.get("sources") or [{}])[0],
        publisher=(main.get("publisher") or {}).get("name", ""),
        temporal=_temporal(records.get("actions", []),
                           ((main.get("sources") or [{}])[0]).get("retrieved")), files=files,
        labels={fmt.FORMAT: fmt.LABEL for fmt in PACKAGES},
    )
