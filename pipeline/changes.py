"""What changed between two releases, record by record, and the version it makes.

Records are compared by their primary keys (the stable ids), from the JSON packages,
which hold typed values. The version rule is semver: a schema change is major, rows added
or removed are minor, values changed are patch; files that differ with equal records (a
new metadata text, a new file format) are a patch too, so that no regenerated file goes
unpublished. No change at all means no new version.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ReleaseError
from .layout import ARCHIVES, DESCRIPTOR, Layout
from .schemas import LABELS
from .names import Content, Lookup, label_of, record_name
from .validate import load_json
from .validate import _checked_resources
from .validate import resources as resources_of

FORMAT_COMPARED = "json"  # the package whose files give typed records
# A release's content as the change log sees it: each table's schema and rows, as JSON.
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
    run report, written from the comparison's result, are not compared, nor the archives,
    made of files that are (a package's archive holds its descriptor, version included)."""
    def files(release: Layout) -> set[str]:
        logs = set(release.logs())
        return {release.relative(p) for p in release.root.rglob("*")
                if p.is_file() and p not in logs
                and not release.relative(p).startswith(f"{ARCHIVES}/")}
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


def content(release: Layout, parsed: dict[str, Any] | None = None) -> Content:
    """Each table's schema and rows, from the release's JSON package; a package that is not
    as the pipeline writes it (a table that is not a list of records, a schema without its
    fields or primary key) is one clear error, never a crash halfway through a comparison.
    ``parsed``: its descriptor, when the caller has read it already."""
    descriptor = release.descriptor(FORMAT_COMPARED)
    resources = resources_of(descriptor) if parsed is None else _checked_resources(parsed, descriptor)
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


def _index(rows: list[dict[str, Any]], primary_key: list[str]) -> dict[str, dict[str, Any]]:
    return {_key(r, primary_key): r for r in rows}


def name_records(changes: Changes, old: Content, new: Content) -> None:
    """Name every added, removed and changed record of ``changes``: removed ones from the
    old release's records, the others from the new one's."""
    lookups = Lookup(old), Lookup(new)
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


CONTEXT_WORDS = 4  # words shown on each side of what changed inside a long text
_WORDS = re.compile(r"\S+")


def _shown_change(old: Any, new: Any, style: _Style | None = None) -> str:
    """``old → new``, each escaped for the log; for long texts, what changed inside, word
    by word (:func:`word_diff`).

    >>> print(_shown_change(300000, 350000), "|", _shown_change(None, "ongoing"))
    300000 → 350000 | vide → ongoing
    """
    style = style or _style("terminal")
    if not (isinstance(old, str) and isinstance(new, str)) or \
            max(len(old), len(new)) <= SHOWN_VALUE:
        return f"{style.text(_shown(old))} → {style.text(_shown(new))}"
    return word_diff(old, new, style)


def word_diff(old: str, new: str, style: _Style) -> str:
    """What changed inside a text, word by word, with a few words of context around each
    change, whole words only: removed words marked as deleted, added ones as inserted
    (Markdown: ``~~10~~ **12**``; terminal: ``[-10-] {+12+}``, as ``git diff --word-diff``).

    >>> ending = " forages d’eau et remise en état de 6 autres puits dans la commune rurale."
    >>> print(word_diff("2007-2009 : réalisation de 10" + ending, "2007-2009 : réalisation de 12" + ending,
    ...                 _style("markdown")))
    2007-2009 : réalisation de ~~10~~ **12** forages d’eau et remise…
    >>> print(word_diff("a b c d e f g h i j", "a b c X e f g h i j", _style("terminal")))
    a b c [-d-] {+X+} e f g h…
    """
    before, after = _WORDS.findall(old), _WORDS.findall(new)
    blocks = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    parts: list[str] = []
    for number, (tag, i1, i2, j1, j2) in enumerate(blocks):
        if tag == "equal":
            words = before[i1:i2]
            first, last = number == 0, number == len(blocks) - 1
            if len(words) > 2 * CONTEXT_WORDS + 1 or ((first or last) and len(words) > CONTEXT_WORDS):
                head = [] if first else words[:CONTEXT_WORDS]
                tail = [] if last else words[-CONTEXT_WORDS:]
                parts += [*map(style.text, head), "…", *map(style.text, tail)]
            else:
                parts += map(style.text, words)
            continue
        if i2 > i1:
            parts.append(style.deleted(" ".join(before[i1:i2])))
        if j2 > j1:
            parts.append(style.inserted(" ".join(after[j1:j2])))
    text = " ".join(parts)
    return re.sub(r"^… | …$", lambda m: m.group().replace(" ", ""), text).replace("… …", "…")


@dataclass(frozen=True)
class _Style:
    """How the log is written: Markdown for CHANGELOG.md, plain text for a terminal. Page
    text is escaped for each (no Markdown or HTML from the page in the log; no control
    character on the terminal)."""

    text: Any  # page text, escaped
    code: Any  # an identifier
    heading: str  # before a table's heading
    item: str  # before an item
    deleted: Any = None  # words a change removed from a text, escaped and marked
    inserted: Any = None  # words it added


def _style(kind: str) -> _Style:
    from .escape import markdown_code, markdown_text, terminal
    if kind == "markdown":
        return _Style(markdown_text, markdown_code, "### ", "- ",
                      lambda words: f"~~{markdown_text(words)}~~",
                      lambda words: f"**{markdown_text(words)}**")
    return _Style(terminal, terminal, "", "  - ", lambda words: f"[-{terminal(words)}-]",
                  lambda words: f"{{+{terminal(words)}+}}")


def _named(key: str, names: dict[str, str], style: _Style) -> str:
    return f"{style.text(names[key])} ({style.code(key)})" if key in names else style.code(key)


def _changes_lines(changes: dict[str, Any], style: _Style) -> list[str]:
    lines = [f"{style.item}{style.text(item)}" for item in changes["schema"]]
    if lines:
        lines.append("")
    for table, diff in changes["tables"].items():
        names = diff.get("names", {})
        if table == LABELS:
            lines += _label_lines(diff, style)
            continue
        lines.append(f"{style.heading}{style.text(_table_title(table))} ({style.code(table)})")
        lines += [f"{style.item}ajouté : {_named(key, names, style)}" for key in diff["added"]]
        lines += [f"{style.item}supprimé : {_named(key, names, style)}" for key in diff["removed"]]
        for key, fields in diff["changed"].items():
            details = " ; ".join(
                f"{style.text(_field(table, name).get('title', name))} : "
                + _shown_change(label_of(_field(table, name), old), label_of(_field(table, name), new),
                                style)
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


def _label_lines(diff: dict[str, Any], style: _Style) -> list[str]:
    """The labels table's changes, said once each as what they are: a code's French label
    renamed (the data, which hold the code, do not change), a code added or removed."""
    def column(key: str) -> tuple[str, str]:
        vocabulary, code = key.split("|", 1)
        table, _, name = vocabulary.partition(".")
        title = _field(table, name).get("title", name) if table else vocabulary
        return f"« {style.text(title)} » ({style.code(vocabulary)})", style.code(code)

    lines = [f"{style.heading}Libellés des codes ({style.code(LABELS)})"]
    for key, fields in diff["changed"].items():
        where, code = column(key)
        old, new = fields.get("label", [None, None])
        lines.append(f"{style.item}libellé du code {code} de la colonne {where} renommé : "
                     f"« {style.text(_shown(old))} » → « {style.text(_shown(new))} » "
                     "(les données gardent le code)")
    for key in diff["added"]:
        where, code = column(key)
        lines.append(f"{style.item}code {code} ajouté à la colonne {where}")
    for key in diff["removed"]:
        where, code = column(key)
        lines.append(f"{style.item}code {code} retiré de la colonne {where}")
    lines.append("")
    return lines


def _counts(rows: dict[str, int]) -> str:
    """Each table's rows, by its French title (no plural to get wrong: "Partenaires et
    organisations : 1", not "1 partenaires et organisations").

    >>> _counts({"partners": 6, "partner_organisations": 1})
    'Partenaires : 6 ; Partenaires et organisations : 1'
    """
    return " ; ".join(f"{_table_title(t)} : {n}" for t, n in rows.items())


def render_entry(release: dict[str, Any]) -> str:
    """One release of the change log, in French, for a person (Markdown)."""
    style = _style("markdown")
    dated = release["date"] != UNDATED
    lines = [f"## {release['version']}" + (f" — {release['date']}" if dated else ""), "",
             f"{LEVEL_WORDS[release['level']]} Source : "
             + (f"instantané du {release['date']}" if dated else "instantané sans date connue")
             + f" (sha256 `{release['source_sha256'][:12]}…`).", "",
             f"Lignes par table — {_counts(release['rows'])}.", ""]
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


def render_summary(version: str, level: str, changes: dict[str, Any] | None) -> str:
    """What ``run`` ends with: the new version, its level and what changed, in French, as
    plain text for a terminal (the same lines as ``diff``).

    >>> print(render_summary("1.0.0", "initial", None))
    Version 1.0.0 : première publication.
    >>> print(render_summary("1.0.1", "patch", {"schema": [], "files": [], "tables": {"actions": {
    ...     "added": [], "removed": [], "moved": 0, "names": {"a": "Gao, 2012"},
    ...     "changed": {"a": {"participants": [6, 7]}}}}}))
    Version 1.0.1 (version corrective) : des valeurs ou des fichiers changent.
    Actions (actions)
      - modifié : Gao, 2012 (a) — Participant·es : 6 → 7
    """
    words = LEVEL_WORDS[level]
    head = (f"Version {version} : {words[0].lower()}{words[1:]}" if level == "initial" else
            f"Version {version} ({LEVEL_NAMES[level]}) : " + words.split(" : ", 1)[1])
    lines = _changes_lines(changes, _style("terminal")) if changes else []
    return "\n".join([head, *[line for line in lines if line]])


def render_log(history: list[dict[str, Any]]) -> str:
    """The whole change log, newest release first."""
    intro = ["# Journal des modifications", "",
             "Chaque publication des données, la plus récente en premier. Chaque ligne ajoutée, "
             "supprimée ou modifiée est nommée, suivie de son identifiant (colonnes `*_id`) ; "
             "le détail complet est dans `changelog.json`.", ""]
    return "\n".join(intro + [render_entry(r) for r in history]).rstrip() + "\n"
