"""National stage: town releases -> one national release, every format and view of a town's.

Each town is an independent run (its configuration, its page, its release folder); this
stage stacks the releases that ``run`` wrote into one national release, written, validated
and swapped in as a town's is (``pipeline/release.py``), with the same packages and views
(``pipeline/emit``), its own version and its own change log, by town.

- **Keys.** A town's release keys its rows on their own ids (``partner_id``, ``action_id``,
  ``person_id``…), unique within the town only: two towns twinned with the same city, or
  naming the same mayor, give the same id. The national package's schemas are the town's
  (``schemas/``, the single source of truth), made national by one rule
  (:func:`national_schema`): every table but the shared ``labels`` holds ``town_insee``
  (partners and actions already do; the others gain it after their first column), every
  primary key starts with it, every foreign key between records carries it, and an id's
  ``unique`` constraint, true within a town, is left to the key.
- **Refusals**, each one line: a folder that is not an intact release, two releases of the
  same town, releases whose schemas differ from each other or from this code's (made by
  another version of the pipeline: the stacked columns would not mean the same).
- **Change log by town.** The new national tables are compared with the previous national
  release's, town by town, on the town's own keys (``gao``, not ``94041|gao``): what
  changed in each town since the national package's previous release, and which towns
  were added or removed. The version follows the same rules as a town's (schema: major;
  rows added or removed, a town added or removed: minor; values: patch).
- **Identity.** The national release is nobody's town: its metadata (name, title,
  description, publisher, file stem) are written once below, in :func:`identity` and
  :data:`PACKAGE`; the views take them through the same configuration and schemas every
  stage reads (:func:`national_scope`), so that no writer needs a second code path. Until a
  town is chosen per run by an argument (``--town FILE``), the scope swaps the process's
  configuration and schemas for the time of the national stage, and puts them back.
- **Scale.** :func:`run_towns` makes the towns' releases in worker processes forked once
  the stages' libraries are imported (the imports are paid once), one town a task, each
  validated in its own worker (the cores are busy with other towns already). :func:`merge`
  writes the national release in a town's run's order (``pipeline/run.py``): its writer
  process writes the database, converts the Parquet package and zips the database, a
  process of its own writes the workbook, and the validation's workers zip the packages
  once they are checked; many towns' releases are checked by workers as they are read.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import hashlib
import json
import sys
import tempfile
from datetime import date
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import using
from .errors import InputError, ReleaseError
from .layout import Layout, locked
from .timing import NO_TIMINGS, Timings
from .workers import Pending, Pool

if TYPE_CHECKING:
    from .config import Config
    from .changes import Changes, Content
    from .emit.base import Contents
    from .tables import Tables

TOWN, TOWN_NAME = "town_insee", "town_name"
# From this many towns, the merge checks their releases' files in worker processes (a
# worker's start costs about as much as checking a few towns)
CHECKED_IN_WORKERS_FROM = 20
NATIONAL_NAME = "jumelages-cooperations-communes"
# The national release's identity, in the configuration's own format (``city.toml``): the
# views name their files after its stem, and say who publishes it.
PACKAGE = {
    "name": NATIONAL_NAME,
    "title": "Jumelages et coopérations décentralisées des communes françaises",
    "description": "Les partenaires des communes françaises (jumelages et coopérations "
                   "décentralisées) et les actions menées avec chacun, telles que la page de "
                   "chaque commune les raconte : les publications communales, empilées en une "
                   "table nationale. Chaque ligne porte le code INSEE de sa commune "
                   "(town_insee), qui, avec l'identifiant de la ligne, en est la clé ; le "
                   "texte et la ligne de la page d'où elle vient sont ceux de la publication "
                   "de sa commune.",
    "keywords": ["jumelage", "coopération décentralisée", "solidarité internationale",
                 "communes", "France"],
}
TOWN_DESCRIPTION = ("Code officiel géographique (INSEE) de la commune dont la publication donne "
                    "cette ligne. Avec l'identifiant de la ligne, c'est sa clé dans la table "
                    "nationale.")


def identity(root: Path) -> Config:
    """Who the national release is, as the configuration every stage reads: France (no
    commune: its zone on data.gouv.fr is the country's), the packages' name and texts of
    :data:`PACKAGE`, its own file stem; its folders under ``root``."""
    from .config import Config, Contact, Publication, Source, Town

    publisher = "Publications communales des jumelages et coopérations décentralisées"
    return Config(
        Town("France", ("France",), "français", "FR"), (Source("https://www.data.gouv.fr"),),
        publisher, "https://www.data.gouv.fr", "jumelages-national",
        Contact(publisher, "https://www.data.gouv.fr"),
        Publication(NATIONAL_NAME, str(PACKAGE["title"]), str(PACKAGE["description"]),
                    "Publications communales (une par commune), faites par ce pipeline à "
                    "partir de la page de chaque commune"),
        root / "release", root / "raw")


# --- The national schemas -------------------------------------------------------------------

def national_schema(table: str, schema: dict[str, Any], town_field: dict[str, Any]) -> dict[str, Any]:
    """A town's table schema (as ``schemas/`` writes it) made national: the town's code in
    the table, first in its primary key and in each foreign key between records.

    >>> town = {"name": "town_insee", "type": "string"}
    >>> schema = {"fields": [{"name": "action_id", "constraints": {"unique": True}}, {"name": "theme"}],
    ...           "primaryKey": ["action_id", "theme"],
    ...           "foreignKeys": [{"fields": ["action_id"],
    ...                            "reference": {"resource": "actions", "fields": ["action_id"]}}]}
    >>> national = national_schema("action_themes", schema, town)
    >>> [f["name"] for f in national["fields"]], national["primaryKey"]
    (['action_id', 'town_insee', 'theme'], ['town_insee', 'action_id', 'theme'])
    >>> national["foreignKeys"][0]["fields"], national["fields"][0]["constraints"]
    (['town_insee', 'action_id'], {})
    """
    from .schemas import LABELS

    if table == LABELS:  # the vocabularies' codes, the same for every town
        return schema
    result = copy.deepcopy(schema)
    if TOWN not in {f["name"] for f in result["fields"]}:
        result["fields"].insert(1, {**town_field, "description": TOWN_DESCRIPTION})
    for field in result["fields"]:
        field.get("constraints", {}).pop("unique", None)  # unique within a town: the key says it
    result["primaryKey"] = [TOWN, *result["primaryKey"]]
    for key in result.get("foreignKeys", []):
        if key["reference"]["resource"] != LABELS:
            key["fields"] = [TOWN, *key["fields"]]
            key["reference"]["fields"] = [TOWN, *key["reference"]["fields"]]
    return result


def _write_national_schemas(folder: Path) -> None:
    """The national ``package.json`` and table schemas, derived from ``schemas/``."""
    from . import schemas

    template = copy.deepcopy(schemas.package_template())
    template.update(PACKAGE)
    template["sources"] = [{"title": "Publications communales (une par commune), faites par "
                                     "ce pipeline à partir de la page de chaque commune"}]
    (folder / "package.json").write_text(json.dumps(template, ensure_ascii=False, indent=2),
                                         encoding="utf-8")
    partners = schemas._schema_file("partners")
    town_field = next(f for f in partners["fields"] if f["name"] == TOWN)
    for resource in template["resources"]:
        schema = national_schema(resource["name"], schemas._schema_file(resource["name"]), town_field)
        (folder / resource["schema"]).write_text(json.dumps(schema, ensure_ascii=False, indent=2),
                                                 encoding="utf-8")


def _clear_caches() -> None:
    from . import schemas

    for function in (schemas.package_template, schemas._schema_file, schemas.table_schema):
        function.cache_clear()


@contextmanager
def national_scope() -> Iterator[None]:
    """For the block, every stage sees the national release's schemas and identity (see the
    module's docstring): the writers, the views, the validation, the change log, publish."""
    from . import schemas

    with tempfile.TemporaryDirectory(prefix="national-") as folder:
        root = Path(folder)
        (root / "schemas").mkdir()
        _write_national_schemas(root / "schemas")
        before = schemas.SCHEMA_DIR
        schemas.SCHEMA_DIR = root / "schemas"
        _clear_caches()
        try:
            with using(identity(root)):
                yield
        finally:
            schemas.SCHEMA_DIR = before
            _clear_caches()


def is_national(folder: Path) -> bool:
    """Whether ``folder`` holds a national release (its packages bear the national name)."""
    return _named_national(_descriptor_if_any(folder))


def _descriptor_if_any(folder: Path) -> Any:
    """The JSON package's descriptor of ``folder``, parsed; None when it cannot be read."""
    try:
        return json.loads(Layout(folder).descriptor("json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _named_national(descriptor: Any) -> bool:
    return isinstance(descriptor, dict) and descriptor.get("name") == NATIONAL_NAME


@contextmanager
def reading(folder: Path) -> Iterator[None]:
    """The scope a command needs to read ``folder`` (``publish``): the national one for a
    national release, none for a town's."""
    if is_national(folder):
        with national_scope():
            yield
    else:
        yield


# --- The towns' releases --------------------------------------------------------------------

@dataclass(frozen=True)
class TownRelease:
    """One town's release, as the national stage reads it: who, which version, its rows."""

    folder: Path
    insee: str
    name: str
    version: str
    date: str
    source_sha256: str
    source_url: str | None
    content: Content


def _schema_shape(content: Content) -> dict[str, Any]:
    from .changes import _schema_shape

    return {name: _schema_shape(schema) for name, schema in content[0].items()}


def read_town(folder: Path, checked: Pending[str] | None = None) -> TownRelease:
    """The release ``run`` wrote in ``folder``, checked whole; one line when it is not one.
    ``checked``: its files already being checked against their checksums by a worker
    (:func:`read_towns`), whose verdict is taken where this function would check them."""
    from .changes import content
    from .release import is_release
    from .validate import check_release, load_json

    if not folder.is_dir() or not is_release(folder):
        raise InputError(f"{folder}: not a release folder (no */datapackage.json): give folders "
                         "written by `python -m pipeline run`")
    # the JSON package's descriptor (100 kB, its thirteen schemas), parsed once for the
    # three questions asked of it: was it parsed three times, a third of reading a town
    parsed = _descriptor_if_any(folder)
    if _named_national(parsed):
        raise InputError(f"{folder}: a national release, not a town's: give the towns' releases")
    version = checked.result() if checked is not None else check_release(folder)
    layout = Layout(folder)
    if not isinstance(parsed, dict):  # read again, to say what is wrong with it as before
        parsed = None
    schemas, rows = content(layout, parsed)
    if TOWN not in {f["name"] for f in schemas.get("partners", {}).get("fields", [])}:
        raise InputError(f"{folder}: release {version} has no {TOWN} column (made by an older "
                         "schema version); run the town again with this code")
    for name, schema in schemas.items():  # the JSON holds a date's ISO text: the date it is
        dates = [f["name"] for f in schema["fields"] if f["type"] == "date"]
        for row in rows[name] if dates else ():
            for field in dates:
                if row[field] is not None:
                    row[field] = date.fromisoformat(str(row[field]))
    descriptor = parsed if parsed is not None else load_json(layout.descriptor("json"))
    spatial = descriptor.get("spatial") or {}
    insee, name = str(spatial.get("insee") or ""), str(spatial.get("name") or "")
    found = {r[TOWN] for table in ("partners", "actions") for r in rows.get(table, [])}
    if not insee or found - {insee}:
        raise InputError(f"{folder}: its rows and its descriptor disagree on the town's INSEE "
                         f"code ({', '.join(sorted(map(str, found | {insee})))})")
    latest = load_json(layout.changelog_json)["releases"][0]
    source: dict[str, Any] = next(
        (s for s in descriptor.get("sources", []) if "://" in str(s.get("path", ""))), {})
    return TownRelease(folder, insee, name, version, latest["date"], latest["source_sha256"],
                       source.get("path"), (schemas, rows))


def read_towns(folders: list[Path], pool: Pool | None = None) -> list[TownRelease]:
    """The towns' releases, in the order of their INSEE codes; refused, with one line, when
    two are the same town's, or their schemas differ from each other or from this code's.

    Given a ``pool``, its workers check the releases' files against their checksums (half
    of reading a town) while this process reads the towns' rows, town after town; each
    verdict is taken in turn, so the first problem said is the same."""
    from .release import new_content
    from .schemas import table_names
    from .validate import check_release

    if not folders:
        raise InputError("no town release given")
    checked = [pool.submit(check_release, folder) if pool is not None else None for folder in folders]
    towns = [read_town(folder, pending) for folder, pending in zip(folders, checked, strict=True)]
    seen: dict[str, TownRelease] = {}
    for town in towns:
        if town.insee in seen:
            raise InputError(f"{seen[town.insee].folder} and {town.folder}: two releases of the "
                             f"same town ({town.name}, INSEE {town.insee}); give one per town")
        seen[town.insee] = town
    code = _schema_shape(new_content({t: [] for t in table_names()}))
    for town in towns:
        if _schema_shape(town.content) != code:
            other = towns[0] if _schema_shape(towns[0].content) == code and town is not towns[0] else None
            with_what = f"{other.folder}'s and " if other else ""
            raise InputError(f"{town.folder}: release {town.version}'s schemas differ from "
                             f"{with_what}this code's (another schema version); run every town "
                             "with the same code")
    return sorted(towns, key=lambda t: t.insee)


def stacked(towns: list[TownRelease]) -> Tables:
    """The towns' rows, town after town, each with its town's code, in the national
    schemas' columns (call in :func:`national_scope`)."""
    from .schemas import LABELS, table_names
    from .tables import tables

    records: dict[str, list[dict[str, Any]]] = {}
    for name in table_names():
        if name == LABELS:
            continue
        records[name] = [{**row, TOWN: town.insee} for town in towns
                         for row in town.content[1][name]]
    return tables(records)


# --- The change log, by town ----------------------------------------------------------------

def _town_content(content: Content, insee: str, town_schemas: dict[str, Any]) -> Content:
    """One town's rows of a national content, compared on the town's own schemas (its own
    keys), the town's code left out of the tables that only the national package gives it."""
    from .schemas import LABELS

    rows = {}
    for name, schema in town_schemas.items():
        if name == LABELS:
            continue
        own = {f["name"] for f in schema["fields"]}
        rows[name] = [{k: v for k, v in r.items() if k in own}
                      for r in content[1].get(name, []) if r.get(TOWN) == insee]
    return {n: s for n, s in town_schemas.items() if n != LABELS}, rows


@dataclass
class TownChange:
    insee: str
    name: str
    version: str  # the town's release in the new national release ("" when removed)
    status: str  # "added", "removed", "changed", "unchanged"
    changes: Changes


def town_changes(old: Content, new: Content, towns: list[TownRelease],
                 town_schemas: dict[str, Any]) -> list[TownChange]:
    """What changed in each town from the national content ``old`` to ``new``."""
    from .changes import Changes, compare_content

    before = {r[TOWN]: r.get(TOWN_NAME, "") for r in old[1].get("partners", []) + old[1].get("actions", [])}
    before |= {str(i): "" for i in _towns_of(old) if i not in before}
    result = []
    for town in towns:
        if town.insee not in before:
            result.append(TownChange(town.insee, town.name, town.version, "added", Changes()))
            continue
        changes = compare_content(_town_content(old, town.insee, town_schemas),
                                  _town_content(new, town.insee, town_schemas))
        result.append(TownChange(town.insee, town.name, town.version,
                                 "changed" if changes.level else "unchanged", changes))
    kept = {t.insee for t in towns}
    result += [TownChange(insee, name, "", "removed", Changes())
               for insee, name in sorted(before.items()) if insee not in kept]
    return result


def _towns_of(content: Content) -> set[str]:
    return {str(r[TOWN]) for rows in content[1].values() for r in rows if TOWN in r}


TOWN_WORDS = {"added": "commune ajoutée", "removed": "commune retirée",
              "unchanged": "aucun changement", "changed": "modifiée"}


def render_town_log(history: list[dict[str, Any]]) -> str:
    """The national change log, newest release first: for each release, each town's
    changes, in French (Markdown), said as a town's own change log says them."""
    from .changes import LEVEL_WORDS, UNDATED, _changes_lines, _counts, _style

    style = _style("markdown")
    lines = ["# Journal des modifications (publication nationale)", "",
             "Chaque publication nationale, la plus récente en premier, et pour chacune ce qui a "
             "changé dans chaque commune depuis la précédente : lignes ajoutées, supprimées ou "
             "modifiées, nommées et suivies de leur identifiant dans la publication de la commune "
             "(la clé nationale y ajoute le code INSEE) ; le détail complet est dans "
             "`changelog.json`.", ""]
    for release in history:
        dated = f" — {release['date']}" if release["date"] != UNDATED else ""
        lines += [f"## {release['version']}{dated}", "",
                  f"{LEVEL_WORDS[release['level']]} Communes : {len(release['towns'])}.", "",
                  f"Lignes par table — {_counts(release['rows'])}.", ""]
        quiet = [t for t in release["towns"] if t["status"] == "unchanged"]
        for town in (t for t in release["towns"] if t["status"] != "unchanged"):
            said = TOWN_WORDS[town["status"]]
            version = f", publication communale {town['version']}" if town["version"] else ""
            lines += [f"### {style.text(town['name'])} ({style.code(town['insee'])}) : {said}{version}", ""]
            if town.get("changes"):
                lines += [line.replace("### ", "#### ", 1) if line.startswith("### ") else line
                          for line in _changes_lines(town["changes"], style)]
        if quiet:  # said in one line: a national release of a thousand towns changes few
            lines += ["Sans changement : " + ", ".join(
                f"{style.text(t['name'])} ({style.code(t['insee'])})" for t in quiet) + ".", ""]
    return "\n".join(lines).rstrip() + "\n"


# --- The national release -------------------------------------------------------------------

@dataclass(frozen=True)
class NationalOutcome:
    version: str
    level: str | None  # None: nothing changed, nothing written
    towns: list[TownChange]
    seconds: dict[str, float]


def _page_text(towns: list[TownRelease]) -> str:
    """What the national release's ``source/`` holds: one line per town, its release and
    the page it was read from (each town's ``source_line`` numbers its own release's text)."""
    return "".join(f"{t.insee} {t.name} : publication {t.version}, page {t.source_url or '(sans adresse)'}, "
                   f"sha256 {t.source_sha256}\n" for t in towns)


def _national_descriptor(layout: Layout, fmt: str, towns: list[TownRelease]) -> None:
    """A package's descriptor says where its data are about: France, and the towns stacked
    (written as soon as the package is whole, before it is checked or zipped)."""
    from .emit.json import write_json

    path = layout.descriptor(fmt)
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["spatial"] = {"name": "France", "zone": "country:fr",
                             "towns": [{"name": t.name, "insee": t.insee} for t in towns]}
    descriptor["publisher"] = {"name": descriptor["contributors"][0]["title"]}
    descriptor["sources"] += [{"title": f"Publication {t.version} de {t.name} ({t.insee})",
                               **({"path": t.source_url} if t.source_url else {}),
                               "sha256": t.source_sha256} for t in towns]
    write_json(path, descriptor)


# The national release's contents while it is written: the writer process, forked once they
# are made, writes the database from its copy of them (300,000 rows are not sent to it)
_CONTENTS: Contents | None = None


def _write_database(root: Path) -> None:
    """A writer task: the database of the release staged at ``root``, from the contents the
    process was forked with."""
    from .emit import sqlite

    assert _CONTENTS is not None, "a writer forked before the contents were made"
    sqlite.write(Layout(root), _CONTENTS)


def _load_workbook() -> None:
    """What the workbook's process loads before its task (XlsxWriter, when the merge has
    not)."""
    from .emit import xlsx_cells  # noqa: F401


def _write_workbook(root: Path) -> list[dict[str, Any]]:
    """A task of the workbook's process: the workbook of the release staged at ``root``,
    from the contents the process was forked with; what the run report should warn about.
    It reads no other file of the release (``write_views`` would list them, reading the
    descriptors this process may be writing meanwhile): the workbook is made of the rows."""
    from .emit import xlsx

    assert _CONTENTS is not None, "a workbook's process forked before the contents were made"
    return xlsx.write(Layout(root), _CONTENTS)


def merge(folders: list[Path], output: Path, timings: Timings = NO_TIMINGS,
          workers: int | None = None) -> NationalOutcome:
    """Stack the towns' releases in ``folders`` into the national release ``output``."""
    from .release import check_output

    check_output(output, first_release=True)
    if output.exists() and any(output.iterdir()) and not is_national(output):
        raise ReleaseError(f"{output}: holds a town's release, not a national one; refusing to "
                           "replace it")
    output.parent.mkdir(parents=True, exist_ok=True)
    with locked(output), contextlib.ExitStack() as reading_towns:
        # no run swaps a town's release while it is read (in one order: no two commands wait
        # for each other); a folder that is not a release is refused when it is read
        for folder in sorted({f.resolve() for f in folders if Layout(f).is_release()}):
            reading_towns.enter_context(locked(folder, writing=False))
        try:
            return _merge(folders, output, timings, workers)
        finally:
            global _CONTENTS
            _CONTENTS = None
            gc.unfreeze()  # what _merge set aside is collectable again


def _merge(folders: list[Path], output: Path, clock: Timings, workers: int | None) -> NationalOutcome:
    from .changes import UNDATED, bump
    from .changes import content as read_content
    from . import emit
    from .dictionary import about, tables_of
    from .emit import (
        LAST, ONCE_VALID, PAGE_TEXT, WHILE_VALIDATING, Contents, finish_archives,
        finish_packages, start_database_archive, start_package_archives, write_packages,
        write_views,
    )
    from .emit.pages import prepare as prepare_pages
    from .emit.json import write_json
    from .release import FIRST_VERSION, _checksums, _swap, new_content, staging
    from .run import load_writers
    from .schemas import table_names
    from .sources import Snapshot
    from .validate import Checks, check_release, validate_staged, warm_up
    from .workers import cores

    with Pool(workers if workers is not None else
              cores() if len(folders) >= CHECKED_IN_WORKERS_FROM else 0) as checking:
        towns = clock.timed("read the towns' releases", read_towns, folders, checking)
    gc.freeze()  # the towns' rows live to the end: set aside from the collector (as in run.py)
    town_schemas = new_content({t: [] for t in table_names()})[0]
    with national_scope():
        data = clock.timed("stack", stacked, towns)
        previous = None
        if is_national(output):
            previous = (check_release(output), read_content(Layout(output)))
        if previous is None:  # the first national release: nothing to compare (no JSON records)
            changes = [TownChange(t.insee, t.name, t.version, "added", _no_changes()) for t in towns]
            level, version, history = "initial", FIRST_VERSION, []
        else:
            new = clock.timed("compare", new_content, data)
            changes = town_changes(previous[1], new, towns, town_schemas)
            schema_changed = _schema_shape(previous[1]) != _schema_shape(new)
            levels = {"major"} if schema_changed else set()
            levels |= {"minor" for c in changes if c.status in ("added", "removed")}
            levels |= {c.changes.level for c in changes if c.changes.level}
            if not levels:
                return NationalOutcome(previous[0], None, changes, dict(clock.stages))
            level = next(v for v in ("major", "minor", "patch") if v in levels)
            version = bump(previous[0], level)
            history = json.loads(Layout(output).changelog_json.read_text(encoding="utf-8"))["releases"]
        dated = [t.date for t in towns if t.date != UNDATED]
        date = max(dated) if dated else UNDATED
        combined = hashlib.sha256("".join(f"{t.insee} {t.source_sha256}\n" for t in towns)
                                  .encode()).hexdigest()
        text = _page_text(towns)
        described = about(Snapshot(Path(), combined, None, None if date == UNDATED else date), text)
        contents = Contents(data, tables_of(data), described, version, text)
        count = workers if workers is not None else (cores() if sum(map(len, data.values())) > 50_000 else 1)
        gc.freeze()  # and the stacked tables, before the workers are forked (they share them)
        global _CONTENTS
        _CONTENTS = contents
        # the writer, forked (not spawned) with the contents, also writes the database
        database = emit.sqlite if count and sys.platform == "linux" else None

        def written(layout: Layout, fmt: str) -> None:
            _national_descriptor(layout, fmt, towns)  # before the package is checked or zipped
            checks.written(layout, fmt)

        # In a town's run's order (pipeline/run.py): the writer process converts the Parquet
        # package and zips the database; it also writes the database, whose result is taken
        # once the release is valid (a problem of the release is said first, as when the
        # database is written after it). The workbook, the merge's longest step, is written
        # by a process of its own, forked with the contents as the writer is, from the
        # start, while this one writes the packages, prepares the pages and waits for the
        # verdict: written here, it left the other core to the writer and the validation,
        # idle once they were done.
        with Pool(count, warm_up) as pool, Pool(min(count, 1), load_writers) as writer, \
                Pool(min(count, 1) if database else 0, _load_workbook) as book, \
                staging(output, writer, book, pool) as staged:  # each writes into it
            checks = Checks(pool)
            # the workbook first: it needs the rows alone, and is the longest step
            workbook = book.submit(_write_workbook, staged.root) if book.workers else None
            # the database next, in the writer, which has nothing else to do until the CSV
            # package is written, and its archive right after the Parquet package's
            # conversion; the packages' archives are zipped by the validation's workers once
            # their checks are done. The writer wrote the database once the packages were
            # zipped and zipped it once the release was valid: its chain of tasks was the
            # merge's longest, its last seconds alone on one core (docs/performance.md)
            writing = writer.submit(_write_database, staged.root) if database else None
            packages = write_packages(staged, data, described, version, clock, written, writer)
            zipping = clock.timed("emit archives", start_database_archive, staged, writer) \
                if database else []
            zipper = pool if database else writer
            warnings = write_views(staged, contents, clock, PAGE_TEXT)
            zipping += clock.timed("emit archives", start_package_archives, packages, zipper)
            if workbook is None:
                warnings += write_views(staged, contents, clock, WHILE_VALIDATING)
            clock.timed("emit pages", prepare_pages, contents)  # while the writer converts
            finish_packages(packages)
            zipping += clock.timed("emit archives", start_package_archives, packages, zipper)
            clock.timed("validate the staged release", validate_staged, staged.root, checks)
            if writing is not None:
                clock.timed("emit sqlite", writing.result)
            later = write_views(staged, contents, clock, tuple(v for v in ONCE_VALID if v is not database))
            if database is None:  # written here, once the release is valid
                zipping += clock.timed("emit archives", start_database_archive, staged, writer)
            clock.timed("emit archives", finish_archives, zipping)
            if workbook is not None:  # its warnings where the run report lists them
                warnings += clock.timed("emit xlsx", workbook.result)
            warnings += later
            warnings += write_views(staged, contents, clock, LAST)
            entry = {
                "version": version, "level": level, "date": date, "source_sha256": combined,
                "rows": {table: len(rows) for table, rows in data.items()},
                "changes": None if level == "initial" else {"towns": {
                    c.insee: c.status for c in changes}},
                "towns": [{"insee": c.insee, "name": c.name, "version": c.version,
                           "status": c.status,
                           "changes": c.changes.to_json() if c.status == "changed" else None}
                          for c in changes],
            }
            history = [entry, *history]
            write_json(staged.changelog_json, {"releases": history})
            staged.changelog_md.write_text(render_town_log(history), encoding="utf-8")
            write_json(staged.run_report, {
                "release": {"version": version, "level": level},
                "towns": [{"insee": t.insee, "name": t.name, "version": t.version,
                           "release": t.folder.name} for t in towns],
                "warnings": warnings})
            _checksums(staged)
            _swap(staged.root, output)
        if writer.workers:  # else its tasks ran here, in their stages
            clock.alongside[f"emit parquet, database and archives ({writer.workers} worker)"] = writer.busy
        if book.workers:
            clock.alongside[f"emit xlsx ({book.workers} worker)"] = book.busy
    return NationalOutcome(version, level, changes, dict(clock.stages))


def _no_changes() -> Changes:
    from .changes import Changes

    return Changes()


# --- Many towns, one machine ----------------------------------------------------------------

@dataclass(frozen=True)
class TownJob:
    """One town's step of a national run: its configuration, its page, its release folder."""

    town: Path
    source: Path
    output: Path


# Memory-backed files, where the system has them (Linux): see :func:`_town_worker`
MEMORY_FILES = Path("/dev/shm")


def _town_worker() -> None:
    """What a town worker does once: load what every town's run needs (forked from a
    process that has, this costs nothing), and validate each town in itself (a release of
    a hundred entries is validated faster than a process starts; the other cores have
    their own towns).

    Its temporary files go to memory-backed files when the system has them: XlsxWriter
    writes each part of a workbook to a temporary file, then zips and deletes them, some
    forty files a town; on a disk, creating and deleting them waits for the file system's
    journal (0.28 s a town measured on a busy machine, against its 0.33 s of processor
    time), a wait during which the worker's core has nothing to do. The workbook's bytes
    do not depend on where its parts were."""
    import os
    import tempfile

    from . import run as run_module
    from .fingerprint import remember_code
    from .validate import warm_up

    warm_up()
    remember_code()  # the versions and the code, read once rather than once a town
    run_module.validation_workers = lambda snapshot: 0
    if MEMORY_FILES.is_dir() and os.access(MEMORY_FILES, os.W_OK | os.X_OK):
        tempfile.tempdir = str(MEMORY_FILES)


@dataclass(frozen=True)
class TownResult:
    """What became of one town's step: its release folder, the release's version and the
    change's level (None: unchanged), the wall time, or the one line that stopped it."""

    folder: str
    version: str
    level: str | None
    seconds: float
    error: str = ""


def town_release(job: TownJob) -> TownResult:
    """One town's release (``run``, as its configuration says who it is). A town whose page
    or configuration stops its run is said in its result: the other towns go on."""
    import time

    from .errors import PipelineError
    from .run import run

    start = time.perf_counter()
    try:
        with using(job.town):
            result = run(job.source, job.output, first_release=not Layout(job.output).is_release())
    except PipelineError as exc:
        return TownResult(str(job.output), "", None, time.perf_counter() - start, str(exc))
    if isinstance(result, str):
        return TownResult(str(job.output), result, None, time.perf_counter() - start)
    return TownResult(str(job.output), result.release.version, result.release.level,
                      time.perf_counter() - start)


def preload() -> None:
    """Import every stage a town's run uses, and the libraries its writers load when they
    first write, once, before the workers are forked."""
    import babel  # noqa: F401
    import jinja2  # noqa: F401
    import pyarrow.csv
    import pyarrow.parquet  # noqa: F401
    import xlsxwriter  # noqa: F401

    from . import emit, extract, load, parse, places, release, report, run, tables, validate  # noqa: F401
    from .dictionary import quantity
    from .validate import warm_up

    warm_up()
    quantity(2, "a", "b")  # Babel's French plural rules, loaded on first use


def run_towns(jobs: list[TownJob], workers: int | None = None) -> list[TownResult]:
    """Every town's release, spread over the cores: the stages imported once, here, then
    one task a town in worker processes forked from this one (``Pool(0)``: here, in turn)."""
    from .workers import cores

    preload()
    count = cores() if workers is None else workers
    with Pool(count, _town_worker if count else None) as pool:
        pending = [pool.submit(town_release, job) for job in jobs]
        return [task.result() for task in pending]
