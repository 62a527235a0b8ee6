"""Validate stage: frictionless checks types, constraints and keys against ``schemas/``.

A new release is validated in its staging folder, before it replaces anything, while the
run writes the rest of it (:class:`Checks`, in worker processes, ``pipeline/workers.py``):

- frictionless validates every table of the CSV package from disk, every row of it, and
  the package's descriptor: types, constraints (required, unique, enum, pattern, minimum
  and maximum…), primary keys, the files' sha256 and size. It is the validator of record.
- Foreign keys are checked by this module (:func:`foreign_key_problems`): each key a table
  declares must be found among the keys of the table it references, read from the same CSV
  files, and a row that breaks one is reported as frictionless reports it. frictionless
  checks them by copying the referenced table's resource and reading it again for every
  key that references it, which makes the keys a third of its work; and it cannot check
  tables in parallel when they have foreign keys. Its own keys check and ours are proven
  to reject the same rows of the same tables (``tests/test_validation.py``).
- Each table is one task, so the tables are validated in parallel, on every core.
- The JSON and Parquet packages must hold exactly the records of the CSV package, read
  back with their own format's reader, and every file's hash and size must match its
  descriptor.

Why not frictionless on all three packages: its Parquet reader walks a pandas DataFrame
row by row and converts the row to a dict once per cell, which costs rows × columns²
(38 s for 10,000 entries, against 1.7 s for the same CSV); and the three packages are
written from the same rows, so comparing their records is both cheaper and a stronger
check than validating the same values three times. ``python -m pipeline validate``
still runs frictionless whole on every package, foreign keys included, as a user would.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ReleaseError
from .layout import Layout, UntrustedRelease, read_checksums, safe_relative
from .schemas import VOCABULARY, table_names, table_schema
from .workers import Pending, Pool

MAX_LISTED = 10
VERSION = re.compile(r"\d{1,9}\.\d{1,9}\.\d{1,9}")  # semver, as bump() reads it
LEVELS = ("major", "minor", "patch", "initial")


@dataclass(frozen=True)
class Problem:
    """One reason a package is not valid, where frictionless would say it is: a table ("":
    the package itself), a row (numbered as frictionless numbers them, the header being
    row 1; 0: the whole table) and a field ("": none)."""

    table: str
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        if not self.table:
            return f"package: {self.message}"
        where = [f"row {self.row}" if self.row else "", f"field {self.field}" if self.field else ""]
        return f"{self.table}: {', '.join(w for w in where if w) or 'table'}: {self.message}"


def _frictionless_problems(report: Any) -> list[Problem]:
    problems = []
    for task in report.tasks:
        for error in task.errors:
            problems.append(Problem(task.name, getattr(error, "row_number", None) or 0,
                                    getattr(error, "field_name", None) or "", error.message))
    problems += [Problem("", 0, "", error.message) for error in report.errors]
    return problems


def _raise_if_any(problems: list[Problem], what: str) -> None:
    if not problems:
        return
    lines = [str(p) for p in problems]
    listed = "\n  ".join(lines[:MAX_LISTED])
    more = f"\n  … et {len(lines) - MAX_LISTED} autres" if len(lines) > MAX_LISTED else ""
    errors = f"{len(lines)} erreur" + ("s" if len(lines) > 1 else "")
    raise ReleaseError(f"{what} n'est pas valide ({errors}) ; l'écrire à nouveau avec "
                       f"`python -m pipeline run` :\n  {listed}{more}")


def _validate_package(path: Path) -> None:
    """frictionless on the whole package, as a user runs it (``python -m pipeline validate``)."""
    import frictionless  # loaded when a package is validated, not by every command

    try:
        report = frictionless.validate(str(path))
    except frictionless.FrictionlessException as exc:
        raise ReleaseError(f"{path} : illisible ({exc.error.message}) ; l'écrire à nouveau avec "
                           "`python -m pipeline run`") from None
    _raise_if_any(_frictionless_problems(report), str(path))
    if problems := file_mismatches(path):
        raise ReleaseError(f"{path}: " + "; ".join(problems))


def check_files(release: Path) -> None:
    """Every file of a release matches its descriptor's hash and size (enough for a copy of
    a release that was validated when it was published)."""
    for package in package_paths(release):
        if problems := file_mismatches(package):
            raise ReleaseError(f"{package}: " + "; ".join(problems))


# --- The checks of a package, each a task for a worker -------------------------------------

# The last descriptor's resources, by name, each in marshal's bytes (a copy of its own for
# each caller), under the descriptor's text: a package's tables are checked one task each,
# and each task parsed the whole descriptor (100 kB of JSON, its thirteen schemas) to find
# its own table, thirteen times a package (a national run's town, 2% of its processor
# time); reading it is what tells whether it changed.
_LAST_DESCRIPTOR: dict[str, dict[str, bytes]] = {}


def _resource(package: Path, table: str) -> dict[str, Any]:
    """The resource of ``table`` in the descriptor at ``package``, checked as
    :func:`resources` checks every one (and refused as it refuses them)."""
    import marshal

    try:
        text = package.read_text(encoding="utf-8")
        by_name = _LAST_DESCRIPTOR.get(text)
        if by_name is None:
            by_name = {r.get("name"): marshal.dumps(r)  # the first of a name, as before
                       for r in reversed(_checked_resources(json.loads(text), package))}
            _LAST_DESCRIPTOR.clear()
            _LAST_DESCRIPTOR[text] = by_name
    except (OSError, ValueError):  # unreadable, not UTF-8, not JSON: said as load_json says it
        return next(r for r in resources(package) if r.get("name") == table)
    found: dict[str, Any] = marshal.loads(by_name[table])
    return found


def descriptor_problems(package: Path) -> list[Problem]:
    """frictionless on the package's own metadata (its profile, name, licences, sources…),
    as ``validate`` checks it before any table; each table's descriptor and schema are
    checked with the table (:func:`table_problems`)."""
    import frictionless

    return [Problem("", 0, "", error.message)
            for error in frictionless.Package.metadata_validate(load_json(package))]


def table_problems(package: Path, table: str) -> list[Problem]:
    """frictionless on one table of the package, every row, as it validates it within the
    package but for the foreign keys (:func:`foreign_key_problems`)."""
    import frictionless

    resource = dict(_resource(package, table))
    resource["schema"] = {k: v for k, v in resource["schema"].items() if k != "foreignKeys"}
    try:
        report = frictionless.Resource.from_descriptor(resource, basepath=str(package.parent)).validate()
    except frictionless.FrictionlessException as exc:
        return [Problem(table, 0, "", f"cannot be read ({exc.error.message})")]
    return [Problem(table, p.row, p.field, p.message) for p in _frictionless_problems(report)]


Key = tuple[str | None, ...]


def _key_rows(package: Path, resource: dict[str, Any], fields: list[str]) -> list[tuple[int, Key]]:
    """The values of ``fields`` in every row of a CSV table, with the row's number, read as
    frictionless reads a string cell: a missing value (the schema's ``missingValues``,
    by default the empty cell) is None."""
    schema = resource["schema"]
    types = {f["name"]: f["type"] for f in schema["fields"]}
    if any(types.get(name) != "string" for name in fields):
        raise ReleaseError(f"{package}: table {resource['name']}: a key on {', '.join(fields)}, "
                           "which are not all string fields (the only keys this check reads)")
    missing = set(schema.get("missingValues", [""]))
    with (package.parent / resource["path"]).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        if any(name not in header for name in fields):
            return []  # frictionless reports the missing column; it checks no key on it
        columns = [header.index(name) for name in fields]
        rows = []
        for number, cells in enumerate(reader, start=2):
            values = tuple(cells[i] if i < len(cells) and cells[i] not in missing else None
                           for i in columns)
            rows.append((number, values))
    return rows


def foreign_key_problems(package: Path) -> list[Problem]:
    """Rows of the CSV package whose foreign key is not among the keys of the table it
    references (set membership over the keys the schemas declare), each reported as
    frictionless reports it; a key whose cells are all missing references nothing.

    A reference to the ``labels`` table names its vocabulary (``schemas.table_schema``):
    the code must be one of that vocabulary's rows, not merely a code of the table (seven
    codes serve two vocabularies). frictionless reads the key on the code alone, so a code
    of another vocabulary is a problem only this check reports, said as such."""
    by_name = {r["name"]: r for r in resources(package)}
    keys: dict[tuple[str, tuple[str, ...], str | None], set[Key]] = {}
    problems = []
    for name, resource in by_name.items():
        for key in resource["schema"].get("foreignKeys", []):
            fields = list(key["fields"])
            target = key["reference"].get("resource") or name
            target_fields = tuple(key["reference"]["fields"])
            vocabulary = key["reference"].get(VOCABULARY)
            if target not in by_name:
                problems.append(Problem(name, 0, "", f'failed to handle a foreign key for resource '
                                        f'"{name}" as resource "{target}" does not exist'))
                continue
            for within in dict.fromkeys([None, vocabulary]):
                if (target, target_fields, within) not in keys:
                    keys[target, target_fields, within] = _target_keys(
                        package, by_name[target], target_fields, within)
            anywhere, known = keys[target, target_fields, None], keys[target, target_fields, vocabulary]
            for number, values in _key_rows(package, resource, fields):
                if set(values) != {None} and values not in known:
                    elsewhere = (f' of vocabulary "{vocabulary}" (it is a code of another '
                                 'vocabulary)') if values in anywhere else ""
                    problems.append(Problem(name, number, "", (
                        f'Row at position "{number}" violates the foreign key: for '
                        f'"{", ".join(fields)}": values "{", ".join(map(str, values))}" not found '
                        f'in the lookup table "{target}" as "{", ".join(target_fields)}"{elsewhere}')))
    return problems


def _target_keys(package: Path, resource: dict[str, Any], fields: tuple[str, ...],
                 vocabulary: str | None) -> set[Key]:
    """The keys of the referenced table a foreign key may take: all of them, or, for a
    reference that names a vocabulary, those of its rows (the vocabulary's codes)."""
    if vocabulary is None:
        return {values for _, values in _key_rows(package, resource, list(fields))
                if set(values) != {None}}
    return {values[1:] for _, values in _key_rows(package, resource, [VOCABULARY, *fields])
            if values[0] == vocabulary and set(values[1:]) != {None}}


def records_problems(release: Path, table: str) -> list[str]:
    """Every package of the release holds exactly the records of ``table`` that the first
    one holds (the CSV package, which frictionless validates), each read back with its own
    format's reader; a package converted from another's files (Parquet) proved it when it
    was written. What is wrong, naming the package.

    The first package's rows are read one at a time as they are compared with each other
    package's, which are let go as they are compared: two packages' tables held whole at
    once were the largest process of a large page's run at its peak of memory (the
    actions of 100,000 entries, a worker of 660 MB beside the run's). The first package is
    still read whole before any verdict, and what is said is what reading it first said:
    that it cannot be read back, before anything of another package."""
    from .emit import PACKAGES
    from .emit.base import ConvertedFormat

    layout = Layout(release)
    schema = table_schema(table)
    first, *others = [fmt for fmt in PACKAGES if not isinstance(fmt, ConvertedFormat)]

    def unreadable(fmt: Any, exc: Exception) -> list[str]:  # any reader's failure says the same thing
        why = (str(exc).splitlines() or [""])[0][:200]
        return [f"{layout.descriptor(fmt.FORMAT)}: {layout.relative(layout.table(fmt.FORMAT, table))} "
                f"cannot be read back ({type(exc).__name__}: {why})"]

    def first_rows() -> Iterator[Any]:
        path = layout.table(first.FORMAT, table)
        reader = getattr(first, "rows", None)
        return reader(path, schema) if reader else iter(first.read(path, schema))

    def same(rows: list[Any]) -> bool:
        """Whether the first package's rows, read to their end, are ``rows``."""
        equal, count = True, 0
        for count, row in enumerate(first_rows(), 1):
            if equal:
                equal = count <= len(rows) and row == rows[count - 1]
                if count <= len(rows):
                    rows[count - 1] = None  # compared: let go
        return equal and count == len(rows)

    if not others:
        try:
            for _ in first_rows():
                pass
        except Exception as exc:
            return unreadable(first, exc)
    for fmt in others:
        try:
            rows = fmt.read(layout.table(fmt.FORMAT, table), schema)
        except Exception as exc:
            try:  # the first package's failure is said first, as when it was read first
                for _ in first_rows():
                    pass
            except Exception as first_exc:
                return unreadable(first, first_exc)
            return unreadable(fmt, exc)
        try:
            if not same(rows):
                return [f"{layout.descriptor(fmt.FORMAT)}: table {table} does not hold the "
                        "validated records"]
        except Exception as exc:
            return unreadable(first, exc)
        del rows
    return []


def warm_up() -> None:
    """What a worker does before its first task (while the run reads and extracts the page):
    load frictionless, and the plugins it loads on first use (a tenth of a second); and
    have it remember the checks of descriptors it already made (:func:`remember_checks`)."""
    import frictionless

    remember_checks()
    frictionless.Resource(data=[["a"], ["1"]]).validate()


_REMEMBERED = "_ivry_remembered"  # the mark of a check that remembers (installed once)


def remember_checks() -> None:
    """Make frictionless remember, in this process, the verdict on each table schema and
    field descriptor it checked against its profile, so that the same descriptor is not
    checked again.

    Why: frictionless checks each field's descriptor three times a table (reading the
    table's descriptor, then copying the field for the header and for the cells), each
    time building a JSON Schema validator; and a worker of a national run validates the
    same thirteen schemas for every town. The check is a function of the descriptor alone
    (its JSON, the class that reads it and the Data Package version imposed from above:
    the key remembered), so its answer is the same the second time; the check of each
    table's own descriptor (its path, hash and size) and of every row is made every time.
    The names frictionless converts between camelCase and snake_case on every export and
    import are remembered likewise. A process that never validates is not touched."""
    import functools

    import frictionless
    from frictionless.vendors import stringcase

    if getattr(stringcase.snakecase, _REMEMBERED, False):
        return
    for kind in (frictionless.Field, frictionless.Schema):
        check = kind.__dict__["metadata_validate"].__func__
        verdicts: dict[tuple[Any, ...], list[Any]] = {}

        def remembered(cls: Any, descriptor: Any, *, context: Any = None, check: Any = check,
                       verdicts: dict[tuple[Any, ...], list[Any]] = verdicts) -> Any:
            key = (cls, getattr(context, "datapackage_version", None),
                   json.dumps(descriptor, sort_keys=True, default=repr))
            if (found := verdicts.get(key)) is None:
                found = verdicts[key] = list(check(cls, descriptor, context=context))
            return iter(found)

        kind.metadata_validate = classmethod(remembered)  # type: ignore[method-assign,assignment]  # a class method of frictionless swapped
    snakecase = functools.lru_cache(maxsize=4096)(stringcase.snakecase)
    setattr(snakecase, _REMEMBERED, True)
    stringcase.snakecase = snakecase


def _started(package: Path, pool: Pool) -> list[Pending[list[Problem]]]:
    """The checks of a CSV package, one task each: frictionless on each table (the largest
    first, so that no worker is left with a long one at the end), on the descriptor, and
    the foreign keys."""
    files = {r["name"]: package.parent / r["path"] for r in resources(package)}
    by_size = sorted(files, key=lambda t: -(files[t].stat().st_size if files[t].is_file() else 0))
    return [*(pool.submit(table_problems, package, table) for table in by_size),
            pool.submit(descriptor_problems, package), pool.submit(foreign_key_problems, package)]


def _in_order(package: Path, problems: list[Problem]) -> list[Problem]:
    """Problems as frictionless lists them: the package's, then each table's in the
    package's order, row by row, and within a row frictionless' own errors before the
    foreign keys' (the order of the tasks; the sort is stable)."""
    order = {name: i for i, name in enumerate(["", *(r["name"] for r in resources(package))])}
    return sorted(problems, key=lambda p: (order.get(p.table, len(order)), p.row))


def package_problems(package: Path, pool: Pool | None = None) -> list[Problem]:
    """Everything that makes the CSV package at ``package`` invalid, as the validation of
    a release finds it (in ``pool``'s workers, or here): what ``frictionless validate``
    finds, the same rows of the same tables (``tests/test_validation.py``)."""
    pending = _started(package, pool or Pool(0))
    return _in_order(package, [p for task in pending for p in task.result()])


class Checks:
    """The validation of a staged release, started while the release is written: each
    check as soon as the files it reads are there, in the worker processes of ``pool``
    (frictionless, the keys and the comparison of the packages' records once the CSV and
    JSON packages are written), and its verdict when the run asks for it."""

    def __init__(self, pool: Pool):
        self.pool = pool
        self._problems: list[Pending[list[Problem]]] = []
        self._records: list[Pending[list[str]]] = []
        self._written: set[str] = set()

    def written(self, layout: Layout, fmt: str) -> None:
        """Start the checks that the package just written in ``layout`` allows."""
        from .emit import PACKAGES
        from .emit.base import ConvertedFormat

        self._written.add(fmt)
        if fmt == PACKAGES[0].FORMAT:
            self._problems += _started(layout.descriptor(fmt), self.pool)
        if self._written >= {f.FORMAT for f in PACKAGES if not isinstance(f, ConvertedFormat)} \
                and not self._records:
            for table in table_names():
                self._records.append(self.pool.submit(records_problems, layout.root, table))

    def verdict(self, layout: Layout) -> None:
        """Wait for every check; raise what they found: the CSV package's problems, else
        the first package that does not hold its records, else a file that differs from
        its descriptor."""
        from .emit import PACKAGES

        package = layout.descriptor(PACKAGES[0].FORMAT)
        problems = _in_order(package, [p for pending in self._problems for p in pending.result()])
        _raise_if_any(problems, str(package))
        for message in (m for pending in self._records for m in pending.result()):
            raise ReleaseError(message)
        check_files(layout.root)


def validate_staged(staging: Path, checks: Checks | None = None) -> list[Path]:
    """Validate a release before it replaces anything (see the module's docstring): wait
    for the checks started while it was written, or run them all now."""
    from .emit import PACKAGES

    layout = Layout(staging)
    if checks is None:
        checks = Checks(Pool(0))
        for fmt in PACKAGES:
            checks.written(layout, fmt.FORMAT)
    checks.verdict(layout)
    return [layout.descriptor(fmt.FORMAT) for fmt in PACKAGES]


def package_paths(directory: Path) -> list[Path]:
    """The ``datapackage.json`` files of a release folder, or of one package folder."""
    if (directory / "datapackage.json").is_file():
        return [directory / "datapackage.json"]
    found = sorted(directory.glob("*/datapackage.json"))
    if not found:
        raise ReleaseError(f"{directory} : aucun datapackage.json, ni dedans ni dans ses "
                           "sous-dossiers ; donner un dossier écrit par `python -m pipeline run`")
    return found


def load_json(path: Path) -> Any:
    """A JSON file of a release; one line naming it when it is missing or broken."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReleaseError(f"{path} : absent") from None
    except OSError as exc:
        raise ReleaseError(f"{path} : illisible ({exc.strerror})") from None
    except ValueError as exc:  # not JSON, or not UTF-8
        raise ReleaseError(f"{path} : JSON invalide ({exc})") from None


def resources(package: Path) -> list[dict[str, Any]]:
    """The resources of a descriptor, each checked to name a file of its own package folder
    (a descriptor could otherwise point a reader, or an upload, anywhere on the disk)."""
    return _checked_resources(load_json(package), package)


def _checked_resources(descriptor: Any, package: Path) -> list[dict[str, Any]]:
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
        actual_hash = "sha256:" + hashlib.sha256(content).hexdigest()
        if not isinstance(expected_hash, str) or (expected_hash.startswith("sha256:")
                                                  and expected_hash != actual_hash):
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
            problems.append((name, "absent" if not path.exists() else "pas un fichier ordinaire"))
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append((name, f"diffère de son sha256 dans {layout.relative(layout.checksums)}"))
    return problems


def _untrusted(release: Path, problem: str) -> UntrustedRelease:
    return UntrustedRelease(f"{problem} : la publication de {release} a été modifiée après son "
                            "écriture (à la main ?), elle n'est donc pas fiable. À faire : la "
                            "restaurer (git checkout -- du dossier, ou sa copie publiée), ou "
                            f"l'écrire à nouveau avec `python -m pipeline run`")


def check_release(release: Path) -> str:
    """See :func:`_check_release`; any problem is said with what it means for the release."""
    if not Layout(release).descriptors():
        raise ReleaseError(f"{release} : pas un dossier de publication (aucun "
                           "*/datapackage.json) ; donner un dossier écrit par `python -m pipeline run`")
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
            mismatches.append((layout.relative(layout.changelog_json), "absent"))
    if mismatches:
        name, problem = mismatches[0]
        raise _untrusted(release, f"{release / name} : {problem}")
    versions = {}
    for package in packages:
        version = load_json(package).get("version")
        if not (isinstance(version, str) and VERSION.fullmatch(version)):
            raise _untrusted(release, f"{package} : la version {str(version)[:20]!r} n'est pas x.y.z")
        versions[layout.relative(package)] = version
    history = load_json(layout.changelog_json)
    releases = history.get("releases") if isinstance(history, dict) else None
    if not (isinstance(releases, list) and releases and all(_release_entry(r) for r in releases)):
        raise _untrusted(release, f"{layout.changelog_json} : pas un journal des changements de ce programme")
    versions[layout.relative(layout.changelog_json)] = releases[0]["version"]
    if layout.run_report.exists():
        report = load_json(layout.run_report)
        said = report.get("release", {}).get("version") if isinstance(report, dict) else None
        if not isinstance(said, str):
            raise _untrusted(release, f"{layout.run_report} : ne dit aucune version")
        versions[layout.relative(layout.run_report)] = said
    if len(set(versions.values())) > 1:
        shown = ", ".join(f"{name} {version}" for name, version in versions.items())
        raise _untrusted(release, f"{release} : ses fichiers ne disent pas la même version ({shown})")
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
        raise ReleaseError(f"{directory / name} : {problem}. À faire : restaurer la publication "
                           "telle qu'elle a été écrite (git checkout -- du dossier, ou sa copie "
                           "publiée), ou l'écrire à nouveau avec `python -m pipeline run`")
    for path in paths:
        _validate_package(path)
    return paths
