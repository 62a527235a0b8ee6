"""What is published: a verified copy of a release, never the folder a run may be replacing.

Before anything is sent, the release is copied to a private temporary folder and the copy
is checked, so that a ``run`` swapping a new release in, a hand edit or a broken copy can
never put a mix on a portal:

- every package validates with frictionless, and every file matches its descriptor's
  sha256 and size;
- the packages hold the same records (each read back with its own format's reader) and
  the same version;
- every file that is published (the workbook, the CSV tables, the archives, the page's
  text, the dictionary and the page) matches the sha256 that the run that wrote the
  release recorded in its ``SHA256SUMS``;
- the release holds no symbolic link.

What a portal shows is a short list, not every file of the release (:func:`portal_files`):
a visitor sees what they came for at first sight, and each other format is one download.
The files and what each is (data, view, documentation; its French title and description)
come from the registries of :mod:`pipeline.emit`, which the page's downloads read too.
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

from ..config import Contact, config
from ..errors import ReleaseError
from ..layout import Layout, ReleaseFile, locked, read_checksums

# The package whose tables a portal shows one by one (the others are one archive each):
# CSV opens in any spreadsheet and in a portal's preview.
ONE_BY_ONE = "csv"


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
    empty: tuple[str, ...] = ()  # the French titles of the tables without a row, not sent alone
    contact: Contact | None = None  # whom readers write to, from the town's configuration


# What to do about a release that is not the one its run wrote.
_AGAIN = "l'écrire à nouveau avec `python -m pipeline run`"

def _descriptor(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReleaseError(f"{path} : illisible ({exc}) ; rien n'est publié : " + _AGAIN) from None


def _refuse_links(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            raise ReleaseError(f"{path} : un lien symbolique dans la publication ; seul un dossier "
                               "écrit par le programme est publié : le remplacer par le fichier, "
                               "ou écrire la publication à nouveau avec `python -m pipeline run`")


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
                raise ReleaseError(f"{layout.table(fmt, table)} : illisible ({type(exc).__name__}) ; "
                                   "rien n'est publié : " + _AGAIN) from None
            if table not in first:
                first[table] = rows
            elif rows != first[table]:
                raise ReleaseError(f"{layout.descriptor(fmt)} : la table {table} ne contient pas les "
                                   f"mêmes enregistrements que le paquet {formats[0]} ; la "
                                   "publication a été modifiée après son écriture : " + _AGAIN)
    return first


def _recorded_hashes(layout: Layout) -> dict[str, str]:
    sums = read_checksums(layout)
    if sums is None:
        raise ReleaseError(f"{layout.checksums} : absent (une publication écrite par une version "
                           "plus ancienne du programme, ou modifiée) : " + _AGAIN)
    return sums


def _check_recorded(local: LocalFile, recorded: dict[str, str]) -> None:
    expected = recorded.get(local.key)
    if expected is None:
        raise ReleaseError(f"{local.key} : l'exécution qui a écrit la publication n'en a noté "
                           "aucune empreinte ; rien n'est publié : " + _AGAIN)
    if expected != local.digest("sha256"):
        raise ReleaseError(f"{local.key} : diffère du fichier que le programme a écrit (sha256 "
                           "de SHA256SUMS) ; la publication a été modifiée : " + _AGAIN)


def portal_files(layout: Layout, rows: dict[str, int], formats: tuple[str, ...]) -> list[ReleaseFile]:
    """What a portal shows, in the order a visitor looks for it: the workbook; one CSV
    file per table that has rows (an empty table is a file that says nothing); the archive
    of each package in ``formats`` (the CSV package whole, with its descriptor and its empty
    tables, then Parquet, JSON…) and the database's; then the page's text, the data
    dictionary and the page (``index.html``, where the portal takes HTML).

    Not sent alone: each package's ``datapackage.json`` and its other tables (in its
    archive), the database and its Datasette metadata (in theirs), the change log (each
    release's changes are in the repository, and the portal keeps its own history), and
    what is for machines (the run report, ``changelog.json``, ``SHA256SUMS``)."""
    from ..emit import PACKAGES, VIEWS, archives, package_files, pages, snapshot
    from ..schemas import table_names

    files = [f for view in VIEWS if view.LEADS for f in view.files(layout)]
    one_by_one = next((fmt for fmt in PACKAGES if fmt.FORMAT == ONE_BY_ONE), None)
    if one_by_one is not None and ONE_BY_ONE in formats:
        tables = {layout.relative(layout.table(ONE_BY_ONE, t)): t for t in table_names()}
        files += [f for f in package_files(layout, one_by_one)
                  if f.kind == "data" and rows.get(tables.get(f.path, ""), 0) > 0]
    chosen = {layout.relative(archives.archive_path(layout, f)) for f in formats}
    files += [f for f in archives.files(layout) if f.kind != "data" or f.path in chosen]
    return files + snapshot.files(layout) + pages.files(layout)


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


def _check_archive(layout: Layout, local: LocalFile) -> None:
    """An archive must hold the checked files of the copy, byte for byte: it is made again
    from them (the archives are reproducible) and compared, so that an archive edited with
    its checksum recomputed never reaches a portal."""
    from ..emit import archives

    for name in [*(fmt.FORMAT for fmt in archives.package_formats()), archives.DATABASE]:
        if layout.relative(archives.archive_path(layout, name)) != local.key:
            continue
        again = local.path.with_name(local.path.name + ".check")
        archives.write_archive(again, layout.root, archives.members(layout, name))
        same = again.read_bytes() == local.path.read_bytes()
        again.unlink()
        if not same:
            raise ReleaseError(f"{local.key} : ne contient pas les fichiers de sa publication ; "
                               "la publication a été modifiée : " + _AGAIN)


@contextlib.contextmanager
def verified_copy(folder: Path, formats: tuple[str, ...]) -> Iterator[Bundle]:
    """A checked copy of the release in ``folder`` with the packages in ``formats`` (and
    every view and document); the copy is removed afterwards."""
    from ..emit import PACKAGES

    known = tuple(fmt.FORMAT for fmt in PACKAGES)
    unknown = [f for f in formats if f not in known]
    if unknown or not formats:
        raise ReleaseError(f"format(s) inconnu(s) : {', '.join(unknown) or '(aucun)'} ; choisir "
                           f"parmi {', '.join(known)} (--formats)")
    if not Layout(folder).is_release():
        raise ReleaseError(f"{folder} : pas un dossier de publication (aucun */datapackage.json) ; "
                           "--release nomme un dossier écrit par `python -m pipeline run`")
    _refuse_links(folder)
    with tempfile.TemporaryDirectory(prefix="publish-") as scratch:
        copy = Path(scratch) / "release"
        try:
            with locked(folder, writing=False):  # never a copy of a release a run is swapping
                shutil.copytree(folder, copy)
        except (OSError, shutil.Error) as exc:
            raise ReleaseError(f"{folder} : impossible à copier pour la publication ({exc}) ; vérifier "
                               "la place et les droits, puis relancer") from None
        try:
            bundle = _checked(copy, folder, known, formats)
        except ReleaseError as exc:  # named by the user's folder, not by the copy, gone after
            raise ReleaseError(str(exc).replace(str(copy), str(folder))) from None
        yield bundle


def _checked(copy: Path, folder: Path, known: tuple[str, ...], formats: tuple[str, ...]) -> Bundle:
    """The bundle of the copy of ``folder`` once every check holds (see :func:`verified_copy`)."""
    from ..emit import PACKAGES
    from ..schemas import package_template
    from ..validate import validate_release

    layout = Layout(copy)
    try:  # frictionless on every package, every descriptor's hashes
        validate_release(copy)
    except ReleaseError as exc:
        first = str(exc).splitlines()[0].rstrip(" :")
        raise ReleaseError(f"{first} (`python -m pipeline validate {folder}` liste les "
                           "erreurs) ; rien n'a été publié") from None
    present = tuple(f for f in known if layout.descriptor(f).is_file())
    records = _same_records(layout, present)
    descriptors = {f: _descriptor(layout.descriptor(f)) for f in present}
    if len({d.get("version") for d in descriptors.values()}) != 1:
        raise ReleaseError(f"{folder} : les paquets ne portent pas la même version ; " + _AGAIN)
    recorded = _recorded_hashes(layout)
    rows = {table: len(found) for table, found in records.items()}
    files = []
    for file in portal_files(layout, rows, formats):
        local = LocalFile(file, copy / file.path)
        if not local.path.is_file():
            raise ReleaseError(f"{folder / file.path} : absent de la publication (écrite par une "
                               "version plus ancienne du programme ?) : " + _AGAIN)
        _check_recorded(local, recorded)
        _check_archive(layout, local)
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
        empty=tuple(r.get("title", r["name"]) for r in package_template()["resources"]
                    if not rows.get(r["name"])),
        contact=config().contact,
    )
