"""One zip archive per data package and one for the database: what a portal offers instead
of every file of every format.

A portal page of fifty files buries what a visitor came for, so the portals get the CSV
tables one by one (what most people open) and each other format as one download
(:func:`pipeline.publish.bundle.portal_files`): a package's archive holds its folder whole
(every table, the empty ones too, and its ``datapackage.json``) and the page's text that
its ``sources`` name (``../source/<stem>.txt``), so that it unzips into a package
frictionless validates and whose ``source_line`` columns can be checked; the database's
archive holds the SQLite file and its Datasette metadata, which go together.

The archives are part of the committed release, so they are byte for byte the same on
every run of the same files: entries in path order, one fixed time stamp (1980-01-01, the
first a zip can say: the day a file was written is the release's, not the file's), the same
permissions and system, deflate at one level, no comment and no extra field.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import config
from ..layout import ARCHIVES, Layout, ReleaseFile
from . import formats, snapshot, sqlite

if TYPE_CHECKING:
    from .base import AnyFormat, Contents

FOLDER = ARCHIVES
GROUP_TITLE = "Archives zip"  # the archives' heading among the page's downloads
LEADS = False
WHILE_VALIDATING = False  # a run zips each archive in the writer once its files are written
MEDIATYPE = "application/zip"
STAMP = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
PERMISSIONS = (stat.S_IFREG | 0o644) << 16  # a regular file, rw-r--r--, where Unix tools read it
UNIX = 3  # the "made by" system: the same whichever system writes the release
LEVEL = 9
BLOCK = 1 << 20  # bytes of a member read at a time
DATABASE = "sqlite"  # the database archive's name, beside the packages' formats


def archive_path(layout: Layout, name: str) -> Path:
    """The archive of a package (``name`` is its format) or of the database."""
    return layout.root / FOLDER / f"{config().stem}-{name}.zip"


def package_formats() -> tuple[AnyFormat, ...]:
    return formats.PACKAGES  # read when called: a format registered later has its archive too


def files(layout: Layout) -> list[ReleaseFile]:
    """The archives, packages first in ``PACKAGES``' order, then the database's."""
    found = []
    for fmt in package_formats():
        found.append(ReleaseFile(
            layout.relative(archive_path(layout, fmt.FORMAT)), "data", "zip", MEDIATYPE,
            f"Paquet {fmt.LABEL} complet (zip)",
            f"Toutes les tables au format {fmt.LABEL}, les vides comprises, avec leur "
            "descripteur Frictionless (datapackage.json : schémas, libellés des codes, licence, "
            "source) et le texte de la page que leurs colonnes source_line numérotent, dans "
            "une archive zip."))
    found.append(ReleaseFile(
        layout.relative(archive_path(layout, DATABASE)), "view", "zip", MEDIATYPE,
        "Base de données SQLite (zip)",
        "Toutes les tables dans une base SQLite, avec leurs clés, les libellés français des "
        "codes et la recherche plein texte dans les actions, et ses métadonnées pour "
        "Datasette (datasette <base> -m metadata.json), dans une archive zip."))
    return found


def members(layout: Layout, name: str) -> list[Path]:
    """The files an archive holds, in path order: a package's folder and the page's text,
    or the database and its metadata."""
    if name == DATABASE:
        found = [f.path for f in sqlite.files(layout)]
    else:
        folder = layout.package(name)
        found = [layout.relative(p) for p in folder.rglob("*") if p.is_file()]
        found += [f.path for f in snapshot.files(layout)]
    return [layout.root / p for p in sorted(found)]


def write_archive(path: Path, root: Path, paths: list[Path]) -> None:
    """A zip of ``paths`` (named by their path under ``root``) whose bytes depend on their
    names and contents alone. Each file is streamed into the archive a block at a time
    (the bytes ``writestr`` gives, since deflate's output does not depend on how its input
    is cut): a large release's JSON table is not held whole in memory while the run's
    process writes the workbook."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for member in paths:
            info = zipfile.ZipInfo(member.relative_to(root).as_posix(), date_time=STAMP)
            info.external_attr = PERMISSIONS
            info.create_system = UNIX
            info.compress_type = zipfile.ZIP_DEFLATED
            info._compresslevel = LEVEL  # type: ignore[attr-defined]  # what writestr sets
            with member.open("rb") as source:
                info.file_size = os.fstat(source.fileno()).st_size  # as writestr: the zip64 choice
                with archive.open(info, "w") as target:
                    shutil.copyfileobj(source, target, BLOCK)


def write(layout: Layout, contents: Contents) -> None:
    for name in [*(fmt.FORMAT for fmt in package_formats()), DATABASE]:
        write_archive(archive_path(layout, name), layout.root, members(layout, name))


def zip_workbook(path: str, parts: list[tuple[str, str]], zip64: bool = False,
                 folder: Path | None = None) -> None:
    """The workbook's zip at ``path``, of the ``parts`` that
    :class:`~pipeline.emit.xlsx_cells.Book` wrote, as XlsxWriter zips them (each part's
    time stamp set to 31/1/1980 first, deflate at zlib's default level, not the archives'
    fixed stamp and level), each part deleted once zipped, then ``folder``, where they
    were. A task the writer process runs with the archives (its arguments are paths and
    names, and this module does not load XlsxWriter)."""
    timestamp = time.mktime((1980, 1, 31, 0, 0, 0, 0, 0, -1))  # XlsxWriter's, for portability
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=zip64) as archive:
        for name, part in parts:
            os.utime(name, (timestamp, timestamp))
            archive.write(name, part)
            os.remove(name)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
