"""What changed between two releases, record by record, and the version it makes.

Records are compared by their primary keys (the stable ids), from the JSON packages,
which hold typed values. The version rule is semver: a schema change is major, rows added
or removed are minor, values changed are patch; files that differ with equal records (a
new metadata text, a new file format) are a patch too, so that no regenerated file goes
unpublished. No change at all means no new version.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ReleaseError
from .layout import DESCRIPTOR, Layout
from .tables import Tables
from .validate import load_json
from .validate import resources as resources_of

FORMAT_COMPARED = "json"  # the package whose files give typed records
# A release's content as the change log sees it: each table's schema and rows, as JSON.
Content = tuple[dict[str, dict[str, Any]], Tables]
UNDATED = "inconnue"  # a snapshot that no manifest dates
SHOWN_VALUE = 60  # longer values are summarised in the Markdown log (the JSON has them whole)


@dataclass
class TableChanges:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, dict[str, list[Any]]] = field(default_factory=dict)  # id -> field -> [old, new]
    # records whose only change is where they stand on the page (their provenance
    # fields): counted, not listed, so that one inserted entry does not read as 30 changes
    moved: int = 0
    # what each added, removed or changed record is, for people (its label and partner),
    # taken when both releases' records are at hand: the log names records by it
    names: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.moved)


@dataclass
class Changes:
    schema: list[str] = field(default_factory=list)
    tables: dict[str, TableChanges] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # files that differ with equal records

    @property
    def level(self) -> str | None:
        if self.schema:
            return "major"
        if any(t.added or t.removed for t in self.tables.values()):
            return "minor"
        if any(t.changed or t.moved for t in self.tables.values()) or self.files:
            return "patch"
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "tables": {name: {"added": t.added, "removed": t.removed, "changed": t.changed,
                              "moved": t.moved, **({"names": t.names} if t.names else {})}
                       for name, t in self.tables.items() if t},
            "files": self.files,
        }


def bump(version: str, level: str) -> str:
    """The next semantic version.

    >>> bump("1.4.2", "major"), bump("1.4.2", "minor"), bump("1.4.2", "patch")
    ('2.0.0', '1.5.0', '1.4.3')
    """
    major, minor, patch = (int(part) for part in version.split("."))
    if level == "major":
        return f"{major + 1}.0.0"
    if level == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def _load(path: Path) -> Any:
    return load_json(path)


def _schema_shape(schema: dict[str, Any]) -> Any:
    """What makes a schema change for its users: fields, types, constraints, keys."""
    return ([(f["name"], f["type"], f.get("constraints")) for f in schema["fields"]],
            schema.get("primaryKey"), schema.get("foreignKeys"))


def _key(row: dict[str, Any], primary_key: list[str]) -> str:
    return "|".join(str(row[k]) for k in primary_key)


def _compare_rows(old: list[dict], new: list[dict], schema: dict[str, Any]) -> TableChanges:
    primary_key = schema["primaryKey"]
    provenance = {f["name"] for f in schema["fields"] if f.get("provenance")}
    before = {_key(r, primary_key): r for r in old}
    after = {_key(r, primary_key): r for r in new}
    result = TableChanges(added=[k for k in after if k not in before],
                          removed=[k for k in before if k not in after])
    for key in after:
        if key in before:
            diff = {f: [before[key].get(f), value] for f, value in after[key].items()
                    if f in before[key] and before[key][f] != value}
            values = {f: pair for f, pair in diff.items() if f not in provenance}
            if values:
                result.changed[key] = values
            elif diff:
                result.moved += 1
    return result


def _metadata(descriptor: dict[str, Any]) -> dict[str, Any]:
    """A descriptor without what changes with every release: its version and file stats."""
    resources = [{k: v for k, v in r.items() if k not in ("bytes", "hash")}
                 for r in descriptor.get("resources", [])]
    return {**{k: v for k, v in descriptor.items() if k != "version"}, "resources": resources}


def differing_files(old: Layout, new: Layout) -> list[str]:
    """Files of the new release that differ from the old one's (descriptors without their
    version and file stats), and files the new one no longer has; the change log and the
    run report, written from the comparison's result, are not compared."""
    def files(release: Layout) -> set[str]:
        logs = set(release.logs())
        return {release.relative(p) for p in release.root.rglob("*")
                if p.is_file() and p not in logs}
    before, after = files(old), files(new)
    differing = []
    for name in sorted(after):
        if name not in before:
            differing.append(name)
        elif name.endswith(DESCRIPTOR):
            if _metadata(_load(old.root / name)) != _metadata(_load(new.root / name)):
                differing.append(name)
        elif (old.root / name).read_bytes() != (new.root / name).read_bytes():
            differing.append(name)
    if not old.checksums.is_file():  # a release made before it existed: the new one adds it
        differing.append(old.relative(old.checksums))
    return differing + [f"{name} (supprimé)" for name in sorted(before - after)]


def content(release: Layout) -> Content:
    """Each table's schema and rows, from the release's JSON package; a package that is not
    as the pipeline writes it (a table that is not a list of records, a schema without its
    fields or primary key) is one clear error, never a crash halfway through a comparison."""
    descriptor = release.descriptor(FORMAT_COMPARED)
    resources = resources_of(descriptor)
    schemas, rows = {}, {}
    for resource in resources:
        name, schema = resource.get("name"), resource.get("schema")
        if not (isinstance(name, str) and isinstance(schema, dict)
                and isinstance(schema.get("fields"), list)
                and all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in schema["fields"])
                and isinstance(schema.get("primaryKey"), list)):
            raise ReleaseError(f"{descriptor}: resource {str(name)[:40]!r} has no schema with "
                               "fields and a primary key")
        table = load_json(descriptor.parent / resource["path"])
        keys = schema["primaryKey"]
        if not (isinstance(table, list) and all(isinstance(r, dict) and all(k in r for k in keys)
                                                for r in table)):
            raise ReleaseError(f"{descriptor.parent / resource['path']}: not a list of records "
                               "with their primary key")
        schemas[name], rows[name] = schema, table
    return schemas, rows


def compare_content(old: Content, new: Content) -> Changes:
    """The changes of schemas and records from ``old`` to ``new``."""
    changes = Changes()
    (old_schemas, old_rows), (new_schemas, new_rows) = old, new
    # in the packages' order, not a set's: the log is byte-reproducible
    changes.schema += [f"table {_table_title(n)} ({n}) ajoutée"
                       for n in new_schemas if n not in old_schemas]
    changes.schema += [f"table {_table_title(n)} ({n}) supprimée"
                       for n in old_schemas if n not in new_schemas]
    for name, schema in new_schemas.items():
        if name not in old_schemas:
            continue
        if _schema_shape(old_schemas[name]) != _schema_shape(schema):
            changes.schema.append(f"schéma de la table {_table_title(name)} ({name}) modifié")
        table = _compare_rows(old_rows[name], new_rows[name], schema)
        if table:
            changes.tables[name] = table
    name_records(changes, old, new)
    return changes


def compare(old: Path, new: Path) -> Changes:
    """The changes from release ``old`` to release ``new`` (two release folders)."""
    before, after = Layout(old), Layout(new)
    changes = compare_content(content(before), content(after))
    if changes.level is None:
        changes.files = differing_files(before, after)
    return changes


# --- The log, for people and for machines ---------------------------------------------------

LEVEL_WORDS = {"major": "Version majeure : le schéma des données change.",
               "minor": "Version mineure : des lignes sont ajoutées ou supprimées.",
               "patch": "Version corrective : des valeurs ou des fichiers changent.",
               "initial": "Première publication."}
LEVEL_NAMES = {"major": "version majeure", "minor": "version mineure",
               "patch": "version corrective", "initial": "première publication"}
EXCERPT_WORDS = 8  # words of an entry's text in its name


def _excerpt(text: str, date_label: str | None) -> str:
    """The first words of an entry, after its date label.

    >>> _excerpt("Été 2023 : séjour de douze jeunes à Brandebourg pour le festival d'été", "Été 2023")
    'séjour de douze jeunes à Brandebourg pour le…'
    """
    if date_label and text.startswith(date_label):
        text = text[len(date_label):].lstrip(" :,\u00a0–-")
    words = text.split()
    return " ".join(words[:EXCERPT_WORDS]) + ("…" if len(words) > EXCERPT_WORDS else "")


class _Lookup:
    """Records of a release by the fields a foreign key points at, indexed once each."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._indexes: dict[tuple[str, tuple[str, ...]], dict[tuple[Any, ...], dict[str, Any]]] = {}

    def find(self, table: str, fields: list[str], values: list[Any]) -> dict[str, Any] | None:
        index = self._indexes.get((table, tuple(fields)))
        if index is None:
            index = {tuple(r.get(f) for f in fields): r for r in self.content[1].get(table, [])}
            self._indexes[(table, tuple(fields))] = index
        return index.get(tuple(values))


def record_name(table: str, row: dict[str, Any], content: Content | _Lookup, depth: int = 0) -> str:
    """What a record is, for a person, from its schema: its name; else what it refers to
    (the partner, the person…), its date label and the first words of its text; a link
    record starts with the French label of its vocabulary key ("« eau » : …").

    >>> schemas = {"partners": {"fields": [{"name": "partner_id"}, {"name": "name"}]},
    ...            "actions": {"fields": [{"name": "action_id"}, {"name": "partner_id"},
    ...                                   {"name": "date_label"}, {"name": "text"}],
    ...                        "foreignKeys": [{"fields": ["partner_id"], "reference":
    ...                                         {"resource": "partners", "fields": ["partner_id"]}}]}}
    >>> rows = {"partners": [{"partner_id": "b", "name": "Brandebourg-sur-la-Havel"}], "actions": []}
    >>> record_name("actions", {"action_id": "b-ete-2023", "partner_id": "b", "date_label": "Été 2023",
    ...                         "text": "Été 2023 : séjour de douze jeunes"}, (schemas, rows))
    'Brandebourg-sur-la-Havel, Été 2023 — séjour de douze jeunes'
    """
    lookup = content if isinstance(content, _Lookup) else _Lookup(content)
    schema = lookup.content[0].get(table, {})
    fields = {f["name"]: f for f in schema.get("fields", [])}
    if "name" in fields and row.get("name"):
        return str(row["name"])
    referred = []
    for key in schema.get("foreignKeys", []) if depth < 2 else []:
        reference = key["reference"]
        target = lookup.find(reference["resource"], reference["fields"],
                             [row.get(f) for f in key["fields"]])
        if target is not None:
            referred.append(record_name(reference["resource"], target, lookup, depth + 1))
    referred.sort(key=lambda name: "—" in name)  # names of people and bodies before entries
    parts = referred + ([row.get("date_label") or "sans date"] if "date_label" in fields else [])
    name = ", ".join(parts)
    if "text" in fields and row.get("text"):
        name += " — " + _excerpt(str(row["text"]), row.get("date_label"))
    labels = [f"« {_label(field, row.get(key))} »" for key, field in fields.items()
              if "categories" in field and key in schema.get("primaryKey", [])]
    if labels:
        name = f"{' '.join(labels)} : {name}" if name else " ".join(labels)
    return name


def _index(rows: list[dict[str, Any]], primary_key: list[str]) -> dict[str, dict[str, Any]]:
    return {_key(r, primary_key): r for r in rows}


def name_records(changes: Changes, old: Content, new: Content) -> None:
    """Name every added, removed and changed record of ``changes``: removed ones from the
    old release's records, the others from the new one's."""
    lookups = _Lookup(old), _Lookup(new)
    for table, diff in changes.tables.items():
        key = new[0].get(table, old[0].get(table, {})).get("primaryKey", [])
        before, after = _index(old[1].get(table, []), key), _index(new[1].get(table, []), key)
        for ids, rows, lookup in ((diff.added, after, lookups[1]), (diff.removed, before, lookups[0]),
                                  (list(diff.changed), after, lookups[1])):
            for record in ids:
                if record in rows:
                    diff.names[record] = record_name(table, rows[record], lookup)


def _field(table: str, name: str) -> dict[str, Any]:
    from .schemas import table_names, table_schema
    if table not in table_names():
        return {"name": name}
    return next((f for f in table_schema(table)["fields"] if f["name"] == name), {"name": name})


def _label(field: dict[str, Any], value: Any) -> Any:
    """The French label of a code of ``field``'s vocabulary, else the value."""
    labels = {c["value"]: c["label"] for c in field.get("categories", [])}
    return labels.get(value, value) if isinstance(value, str) else value


def _table_title(table: str) -> str:
    from .schemas import package_template
    resource: dict[str, Any] = next(
        (r for r in package_template()["resources"] if r["name"] == table), {})
    return resource.get("title", table)


def _shown(value: Any) -> str:
    if value is None:
        return "vide"
    if isinstance(value, bool):
        return "vrai" if value else "faux"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHOWN_VALUE else f"{text[:SHOWN_VALUE - 1]}…"


def _shown_change(old: Any, new: Any, context: int = 25) -> str:
    """``old → new``; for long texts, only the part that differs, with some context.

    >>> ending = " mais la commune n’a trouvé aucun financement pour le reste du chantier"
    >>> print(_shown_change("le puits a coûté 12 000 €" + ending, "le puits a coûté 15 000 €" + ending))
    le puits a coûté 12 000 € mais la commune n’… → le puits a coûté 15 000 € mais la commune n’…
    """
    if not (isinstance(old, str) and isinstance(new, str)) or \
            max(len(old), len(new)) <= SHOWN_VALUE:
        return f"{_shown(old)} → {_shown(new)}"
    # texts, not paths: the characters they share
    prefix = len(os.path.commonprefix([old, new]))  # noqa: RUF071
    suffix = len(os.path.commonprefix([old[prefix:][::-1], new[prefix:][::-1]]))  # noqa: RUF071
    start = max(0, prefix - context)

    def window(text: str) -> str:
        end = min(len(text), len(text) - suffix + context)
        return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return f"{window(old)} → {window(new)}"


@dataclass(frozen=True)
class _Style:
    """How the log is written: Markdown for CHANGELOG.md, plain text for a terminal. Page
    text is escaped for each (no Markdown or HTML from the page in the log; no control
    character on the terminal)."""

    text: Any  # page text, escaped
    code: Any  # an identifier
    heading: str  # before a table's heading
    item: str  # before an item


def _style(kind: str) -> _Style:
    from .escape import markdown, markdown_code, terminal
    if kind == "markdown":
        return _Style(markdown, markdown_code, "### ", "- ")
    return _Style(terminal, terminal, "", "  - ")


def _named(key: str, names: dict[str, str], style: _Style) -> str:
    return f"{style.text(names[key])} ({style.code(key)})" if key in names else style.code(key)


def _changes_lines(changes: dict[str, Any], style: _Style) -> list[str]:
    lines = [f"{style.item}{style.text(item)}" for item in changes["schema"]]
    if lines:
        lines.append("")
    for table, diff in changes["tables"].items():
        names = diff.get("names", {})
        lines.append(f"{style.heading}{style.text(_table_title(table))} ({style.code(table)})")
        lines += [f"{style.item}ajouté : {_named(key, names, style)}" for key in diff["added"]]
        lines += [f"{style.item}supprimé : {_named(key, names, style)}" for key in diff["removed"]]
        for key, fields in diff["changed"].items():
            details = " ; ".join(
                f"{style.text(_field(table, name).get('title', name))} : "
                + style.text(_shown_change(_label(_field(table, name), old),
                                           _label(_field(table, name), new)))
                for name, (old, new) in fields.items())
            lines.append(f"{style.item}modifié : {_named(key, names, style)} — {details}")
        if diff.get("moved"):
            moved = diff["moved"]
            lines.append(f"{style.item}{moved} ligne{'s' if moved > 1 else ''} à une autre place "
                         "de la page (numéros de ligne source mis à jour)")
        lines.append("")
    if changes["files"]:
        lines.append("Fichiers régénérés sans changement des données : "
                     + ", ".join(style.code(f) for f in changes["files"]) + ".")
        lines.append("")
    return lines


def _counts(rows: dict[str, int]) -> str:
    return ", ".join(f"{n} {_table_title(t).lower()}" for t, n in rows.items())


def render_entry(release: dict[str, Any]) -> str:
    """One release of the change log, in French, for a person (Markdown)."""
    style = _style("markdown")
    dated = release["date"] != UNDATED
    lines = [f"## {release['version']}" + (f" — {release['date']}" if dated else ""), "",
             f"{LEVEL_WORDS[release['level']]} Source : "
             + (f"instantané du {release['date']}" if dated else "instantané sans date connue")
             + f" (sha256 `{release['source_sha256'][:12]}…`).", "",
             f"Lignes : {_counts(release['rows'])}.", ""]
    changes = release.get("changes")
    if not changes:
        return "\n".join(lines)
    return "\n".join(lines + _changes_lines(changes, style))


def render_diff(old_version: str, new_version: str, level: str, changes: dict[str, Any]) -> str:
    """What ``diff`` prints: the versions and the level of the change, then the changes, in
    French, as plain text for a terminal."""
    head = (f"Version {old_version} → {new_version} ({LEVEL_NAMES[level]}) : "
            + LEVEL_WORDS[level].split(" : ", 1)[1])
    return "\n".join([head, "", *_changes_lines(changes, _style("terminal"))]).rstrip() + "\n"


def render_log(history: list[dict[str, Any]]) -> str:
    """The whole change log, newest release first."""
    intro = ["# Journal des modifications", "",
             "Chaque publication des données, la plus récente en premier. Chaque ligne ajoutée, "
             "supprimée ou modifiée est nommée, suivie de son identifiant (colonnes `*_id`) ; "
             "le détail complet est dans `changelog.json`.", ""]
    return "\n".join(intro + [render_entry(r) for r in history]).rstrip() + "\n"
