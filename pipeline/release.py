"""A release: the data packages and views, a version, a change log, written atomically.

The new tables are compared with the previous release (record by record) for the version
the change calls for; the packages are written with that version into a temporary folder
beside the output, validated from disk, joined by the views, and only then swapped into
place. A run that fails or is interrupted before the swap leaves the previous release
exactly as it was; a run that changes nothing writes nothing. ``pipeline/run.py`` calls
the steps, one a line: :func:`plan_release` (the version), :func:`staging` (the folder),
the emit stage's writers and the validation, :func:`shown` (the version the views show)
and :func:`swap_in`.

The previous release is the output folder when it holds one, else the project's
published ``output/``: so a run into an empty folder gives the same version and change
log as the published release when the data are the same. It is checked before it is
trusted (every file against its ``SHA256SUMS``): a release edited by hand is refused,
naming the file, rather than becoming the base of a wrong change log.

Only a folder that this project wrote is ever replaced: an empty folder, or one holding
nothing but the files a release writes (``pipeline/layout.py`` knows them); never a
symbolic link, the project itself, ``raw/``, a folder inside a release, a home folder or
the root. The whole run holds the output's lock (:func:`pipeline.layout.locked`), so two
runs, or a run and a publication, never interleave.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .changes import (
    FORMAT_COMPARED, UNDATED, Changes, Content, bump, compare_content, content, differing_files,
    render_log,
)
from .dictionary import about as describe
from .dictionary import tables_of
from .emit import PACKAGES, Contents, Packages, finish_packages, remove_views, write_views, written_files
from .emit.json import as_json, write_json
from .errors import ReleaseError, StructureAlarm
from .layout import (
    Layout, foreign_entries, format_checksums, read_checksums,
)
from .paths import PROJECT
from .schemas import table_schema
from .sources import RAW_DIR, Snapshot
from .tables import Tables
from .timing import NO_TIMINGS, Timings
from .validate import check_files, check_release, checksum_mismatches, resources
from .workers import Pool

if TYPE_CHECKING:
    from .dictionary import About
    from .report import Report

FIRST_VERSION = "1.0.0"


@dataclass(frozen=True)
class Previous:
    """The release a run is compared with: where it is, and its tables."""

    layout: Layout
    content: Content

    def action_texts(self) -> dict[str, str]:
        """Each action's id and text, so that entries sharing a label keep their ids."""
        return {a["action_id"]: a["text"] for a in self.content[1].get("actions", [])}

    def partners(self) -> list[dict[str, object]]:
        """The partners' rows, so that a partner whose heading changed keeps its id."""
        return list(self.content[1].get("partners", []))

    @classmethod
    def of(cls, folder: Path) -> Previous:
        """The release in ``folder``, once every file of it is found intact."""
        check_release(folder)
        return cls(Layout(folder), content(Layout(folder)))


@dataclass
class Outcome:
    version: str
    level: str | None  # None: nothing changed, nothing written
    changes: Changes = field(default_factory=Changes)
    packages: list[Path] = field(default_factory=list)
    # the release it was compared with (None for a first release), and, when nothing
    # changed, whether the output folder received a copy of it (a new or other folder)
    previous: Path | None = None
    copied: bool = False


def is_release(folder: Path) -> bool:
    return Layout(folder).is_release()


def _forbidden(output: Path) -> str | None:
    """Why ``output`` can never be a release folder, whatever it holds (None: it can be)."""
    if output.is_symlink():
        return (f"est un lien symbolique (vers {output.resolve()}) : donner le dossier lui-même "
                "en --output, pour que le lien ne soit ni remplacé ni suivi à moitié")
    target = output.resolve()
    root = Path(target.anchor)
    try:
        here = Path.cwd()
    except OSError:  # the current folder was deleted
        here = root
    try:
        home = Path.home()
    except (RuntimeError, KeyError):  # no HOME, no user entry
        home = root
    for place, what in ((root, "la racine du système de fichiers"),
                        (PROJECT, "le dossier du projet lui-même"), (home, "un dossier personnel"),
                        (here, "le dossier courant")):
        if target == place or target in place.parents:
            return f"est {what}" + (" ou le contient" if target != place else "")
    from .config import config

    raws = {RAW_DIR.resolve(), config().raw.resolve()}
    if any(target == raw or raw in target.parents for raw in raws):
        return "est dans raw/, où sont gardés les instantanés de la page"
    holder = next((p for p in target.parents if _written_here(p)), None)
    if holder is not None:
        return f"est dans la publication {holder}"
    return None


def _written_here(folder: Path) -> bool:
    """Whether ``folder`` holds a release this pipeline wrote: descriptors, a change log and
    a run report (a folder with only a ``*/datapackage.json`` may be anything).

    The two files are looked for first: each is one look-up, while the descriptors are a
    listing of the folder, and every folder above an output is asked (a national run's
    ``releases/`` of a thousand towns, ``/tmp`` of hundreds of entries: 5 to 10 ms a town)."""
    layout = Layout(folder)
    return layout.changelog_json.is_file() and layout.run_report.is_file() and layout.is_release()


def _known_files(layout: Layout) -> set[str]:
    """The files a release in ``layout`` may hold: what this code writes, what its own
    ``SHA256SUMS`` lists (a release of an older version), and, for a release made before
    that file existed, the tables its descriptors list."""
    known = written_files(layout) | set(read_checksums(layout) or {})
    for package in layout.descriptors():
        # a broken descriptor is only a file of a known name, checked elsewhere
        with contextlib.suppress(ReleaseError):
            known |= {layout.relative(package.parent / r["path"]) for r in resources(package)}
    return known


def _check_replaceable(layout: Layout, first_release: bool) -> None:
    """A folder is replaced only when this project wrote it, holding nothing else. Without
    ``first_release``, the release it holds is then checked whole (:func:`check_release`,
    as the previous release). With it, nothing of the old release is read (starting over
    from a damaged release is the user's explicit choice), so it must at least be
    recognised by what this project writes: packages with their change log and run report
    beside them, which a user's folder holding a descriptor and a README does not have."""
    output = layout.root
    if not layout.is_release():
        raise ReleaseError(f"{output} : existe et n'est pas un dossier de publication (aucun "
                           "*/datapackage.json) ; il n'est pas remplacé : choisir un autre --output")
    if foreign := foreign_entries(layout, _known_files(layout)):
        raise ReleaseError(f"{output} : contient {', '.join(foreign)}, qu'aucune publication "
                           "n'écrit ; il n'est pas remplacé : déplacer cela ailleurs, puis relancer")
    if not first_release:
        return
    if not _written_here(output):
        raise ReleaseError(f"{output} : existe et n'a pas été écrit par ce programme (ni "
                           f"{layout.relative(layout.changelog_json)} ni "
                           f"{layout.relative(layout.run_report)} à côté de ses paquets) ; il "
                           "n'est pas remplacé : choisir un autre --output")


def check_output(output: Path, first_release: bool = False) -> None:
    """Refuse, before anything is read or written, an output that a run must never
    replace (see the module's docstring), with one line saying why."""
    if reason := _forbidden(output):
        raise ReleaseError(f"{output} : {reason} ; aucune publication n'y est écrite : choisir un "
                           "autre --output")
    if not output.exists():
        return
    if not output.is_dir():
        raise ReleaseError(f"{output} : existe et n'est pas un dossier ; il n'est pas remplacé : "
                           "choisir un autre --output")
    try:
        empty = not any(output.iterdir())
    except OSError as exc:
        raise ReleaseError(f"{output} : illisible ({exc.strerror}) ; vérifier ses droits") from None
    if not empty:
        _check_replaceable(Layout(output), first_release)
    for folder, what in ((output, "est en lecture seule"),
                         (output.parent, "est dans un dossier en lecture seule")):
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ReleaseError(f"{output} : {what} ; la publication est laissée telle quelle : "
                               "donner le droit d'écrire, ou choisir un autre --output")


def _history(release: Layout) -> list[dict[str, Any]]:
    """The releases of the change log (checked by :func:`check_release` beforehand)."""
    path = release.changelog_json
    return json.loads(path.read_text(encoding="utf-8"))["releases"] if path.is_file() else []


def release_version(release: Path) -> str:
    """The version of an intact release (see :func:`check_release`)."""
    return check_release(release)


_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``), so
    that there is no moment without a release, even for a run killed mid-swap. Python has
    no binding for it; False where the system or file system does not offer it."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(b))


def _swap(staging: Path, output: Path) -> None:
    """Put the staged release in place of ``output``; ``staging`` is removed after."""
    if not output.exists():
        staging.rename(output)
        return
    if _exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the previous release
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    retired.rmdir()
    output.rename(retired)
    try:
        staging.rename(output)
    except BaseException:
        retired.rename(output)  # put the previous release back
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _checksums(layout: Layout) -> None:
    """Write ``SHA256SUMS``: the sha256 of every other file of the staged release.

    The files are hashed by a thread per core (hashlib lets go of the interpreter's lock
    while it hashes), a block at a time: a large page's release is some 400 MB, hashed at
    the very end of the run, when the validation's and the writer's processes are done and
    only this one works."""
    from concurrent.futures import ThreadPoolExecutor

    from .workers import cores

    files = [p for p in layout.root.rglob("*") if p.is_file() and p != layout.checksums]
    with ThreadPoolExecutor(max(1, min(cores(), len(files)))) as threads:
        digests = list(threads.map(_sha256, files))
    sums = {layout.relative(p): digest for p, digest in zip(files, digests, strict=True)}
    layout.checksums.write_text(format_checksums(sums), encoding="utf-8")


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _not_written(output: Path, staging: Path, exc: BaseException) -> ReleaseError:
    """One line for a release that could not be written (a full disk, a read-only folder…)."""
    where = getattr(exc, "filename", None)
    with contextlib.suppress(ValueError):  # a file outside the staging folder: named as it is
        where = Path(where).relative_to(staging).as_posix() if where else None
    why = getattr(exc, "strerror", None) or (str(exc).splitlines() or [type(exc).__name__])[0]
    if isinstance(exc, sqlite3.Error):
        why = f"SQLite: {why}"
    return ReleaseError(f"{output} : la nouvelle publication n'a pas pu être écrite ({why}"
                        + (f" : {where}" if where else "") + ") ; la précédente est inchangée : "
                        "corriger la cause (place, droits), puis relancer")


def previous_release(output: Path, previous: Path | None = None) -> Previous | None:
    """The release a run is compared with: the one asked for, else the output folder's,
    else the one published in the town's release folder (its town file's)."""
    if previous is not None:
        if not is_release(previous):
            raise ReleaseError(f"{previous} : pas un dossier de publication (aucun "
                               "*/datapackage.json) ; --previous nomme un dossier écrit par "
                               "`python -m pipeline run`")
        return Previous.of(previous)
    from .config import config

    published = config().release  # the current town's own release, never another town's
    found = output if is_release(output) else published if is_release(published) else None
    return Previous.of(found) if found is not None else None


def check_structure(data: Tables, previous: Previous | None, min_ratio: float) -> None:
    """Stop when the page gives far fewer actions than the previous release: its layout
    has probably changed beyond what the parser knows, and publishing would lose data."""
    if previous is None or min_ratio <= 0:
        return
    before = len(previous.content[1].get("actions", []))
    found = len(data["actions"])
    if found < min_ratio * before:
        raise StructureAlarm(
            f"{found} actions lues, environ {before} attendues (la publication précédente en "
            f"a {before}) : la structure de la page a sans doute changé ; rien n'a été écrit. "
            "À faire : regarder la page ; si elle a vraiment perdu ces actions, relancer avec "
            "--min-actions-ratio 0"
        )


def new_content(data: Tables) -> Content:
    """The tables as the change log compares them: the JSON package's schemas and records."""
    json_format = next(fmt for fmt in PACKAGES if fmt.FORMAT == FORMAT_COMPARED)
    return ({table: {**table_schema(table), **json_format.SCHEMA_EXTRAS} for table in data},
            as_json(data))


@dataclass
class Plan:
    """What the new release is, decided from the records before anything is written: its
    version (rows added or removed make a minor version, values changed a patch; the same
    records, a patch kept only if some file differs), the changes, the history it extends
    and what its views are made of."""

    output: Path
    previous: Previous | None
    version: str
    level: str
    changes: Changes
    history: list[dict[str, Any]]
    snapshot: Snapshot
    contents: Contents

    @property
    def about(self) -> About:
        return self.contents.about

    @property
    def same_records(self) -> bool:
        return self.previous is not None and self.changes.level is None


def plan_release(data: Tables, snapshot: Snapshot, page_text: str, output: Path,
                 previous: Previous | None, timings: Timings = NO_TIMINGS) -> Plan:
    """The release of ``data`` in ``output``, versioned against ``previous`` (see
    :class:`Plan`); ``output`` is checked again (no previous: nothing of it was read)."""
    check_output(output, first_release=previous is None)
    if previous is not None:
        with timings.stage("compare with previous release"):
            changes = compare_content(previous.content, new_content(data))
        level = changes.level or "patch"
        version = bump(release_version(previous.layout.root), level)
        history = _history(previous.layout)
    else:
        changes, level, version, history = Changes(), "initial", FIRST_VERSION, []
    contents = Contents(data, tables_of(data), describe(snapshot, page_text), version, page_text)
    return Plan(output, previous, version, level, changes, history, snapshot, contents)


@contextmanager
def staging(output: Path, *writers: Pool) -> Iterator[Layout]:
    """A new folder beside ``output`` where the release is written and validated before it
    is swapped in; removed afterwards whatever happens, once the ``writers`` (worker
    processes that write into it) are stopped, so that none of them is still writing a file
    into it as it goes. A file that cannot be written (a full disk, a read-only folder) is
    one line, and the previous release is unchanged."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
        folder.chmod(0o755)  # mkdtemp makes it private; a release is for everyone to read
    except OSError as exc:
        raise _not_written(output, output.parent, exc) from None
    try:
        yield Layout(folder)
    except (OSError, sqlite3.Error) as exc:
        raise _not_written(output, folder, exc) from None
    finally:
        for writer in writers:
            writer.close()
        shutil.rmtree(folder, ignore_errors=True)


def shown(plan: Plan, packages: Packages) -> Contents:
    """What the views show, once the packages are written: with the same records and the
    same packages as the previous release, its version (so that the views can be compared
    with its own, and the release kept only if one differs); else the new version, so that
    the views are written once. Only the first case compares files, and so waits for the
    packages a worker is converting."""
    previous = plan.previous
    if previous is None or not plan.same_records:
        return plan.contents
    finish_packages(packages)
    staged = packages.layout
    formats = {fmt.FORMAT for fmt in PACKAGES}
    if any(name.split("/", 1)[0] in formats for name in differing_files(previous.layout, staged)):
        return plan.contents
    return replace(plan.contents, version=release_version(previous.layout.root))


def swap_in(plan: Plan, staged: Layout, shown: Contents, warnings: list[dict[str, Any]],
            report: Report | None = None, timings: Timings = NO_TIMINGS) -> Outcome:
    """Put the staged release, validated and whole, in place of the output, with its change
    log, run report (given the views' ``warnings``) and checksums. With the same records,
    only when some file differs from the previous release (else the output is left as it
    was, or given a copy of the previous release); views ``shown`` with the previous
    version are then written again with the new one (when the views alone differ)."""
    previous = plan.previous
    if previous is not None and plan.same_records:
        plan.changes.files = differing_files(previous.layout, staged)
        if not plan.changes.files:
            return _unchanged(previous.layout.root, plan.output, staged.root)
        if shown.version != plan.version:
            remove_views(staged)
            write_views(staged, plan.contents, timings)  # the same warnings again
    if report is not None:
        report.warnings += warnings
    release = {
        "version": plan.version, "level": plan.level,
        "date": plan.about.snapshot_date or UNDATED,
        "source_sha256": plan.snapshot.sha256,
        "rows": {table: len(rows) for table, rows in plan.contents.data.items()},
        "changes": plan.changes.to_json() if plan.level != "initial" else None,
    }
    history = [release, *plan.history]
    write_json(staged.changelog_json, {"releases": history})
    staged.changelog_md.write_text(render_log(history), encoding="utf-8")
    if report is not None:
        write_json(staged.run_report, report.to_json({"version": plan.version, "level": plan.level}))
    _checksums(staged)
    _swap(staged.root, plan.output)
    packages = [plan.output / staged.relative(staged.descriptor(fmt.FORMAT)) for fmt in PACKAGES]
    return Outcome(plan.version, plan.level, plan.changes, packages,
                   previous.layout.root if previous is not None else None)


def _unchanged(previous: Path, output: Path, staging: Path) -> Outcome:
    """Nothing changed: leave ``output`` alone, or give it a copy of the previous release."""
    version = check_release(previous)
    copied = previous.resolve() != output.resolve()
    if copied:
        shutil.rmtree(staging)
        _copy_release(Layout(previous), Layout(staging))
        check_files(staging)
        if checksum_mismatches(staging):
            raise ReleaseError(f"{previous} : modifiée pendant sa copie ; rien n'a été écrit : "
                               "relancer")
        _swap(staging, output)
    return Outcome(version, None, previous=previous, copied=copied)


def _copy_release(source: Layout, target: Layout) -> None:
    """Copy the files of the release in ``source``, and nothing else it may hold (a file of
    the user's, a symbolic link), into the new folder ``target``."""
    target.root.mkdir()
    target.root.chmod(0o755)
    for name in sorted(_known_files(source)):
        path = source.root / name
        if path.is_file() and not path.is_symlink():
            (target.root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target.root / name)
