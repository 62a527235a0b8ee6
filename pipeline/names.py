"""What a record is called, for a person: the name a change log, a diff and the workbook's
link sheets give a row, from its schema (its name, else what it refers to, its date label
and the first words of its text) and the French labels of its codes.

A module of its own, below the change log and the views alike, which both name records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .schemas import LABELS
from .tables import Tables

Content = tuple[dict[str, dict[str, Any]], Tables]
EXCERPT_WORDS = 8  # words of an entry's text in its name


def excerpt(text: str, date_label: str | None) -> str:
    """The first words of an entry, after its date label.

    >>> excerpt("Été 2023 : séjour de douze jeunes à Brandebourg pour le festival d'été", "Été 2023")
    'séjour de douze jeunes à Brandebourg pour le…'
    """
    if date_label and text.startswith(date_label):
        text = text[len(date_label):].lstrip(" :,\u00a0–-")
    words = text.split()
    return " ".join(words[:EXCERPT_WORDS]) + ("…" if len(words) > EXCERPT_WORDS else "")


@dataclass(frozen=True)
class Shape:
    """What names a table's records: whether it has a ``name``, a ``date_label``, a
    ``text``; its foreign keys to records; its primary key's coded fields (key, field,
    code -> label)."""

    named: bool
    keys: list[dict[str, Any]]
    dated: bool
    texted: bool
    coded: list[tuple[str, dict[str, Any], dict[str, str]]]


class Lookup:
    """Records of a release by the fields a foreign key points at, indexed once each."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._indexes: dict[tuple[str, tuple[str, ...]], dict[tuple[Any, ...], dict[str, Any]]] = {}
        self._shapes: dict[str, Shape] = {}

    def shape(self, table: str) -> Shape:
        """What :func:`record_name` reads of a table's schema, read once per table (a
        workbook names a hundred thousand records)."""
        shape = self._shapes.get(table)
        if shape is None:
            schema = self.content[0].get(table, {})
            fields = {f["name"]: f for f in schema.get("fields", [])}
            keys = [k for k in schema.get("foreignKeys", []) if k["reference"]["resource"] != LABELS]
            coded = [(key, field, {c["value"]: c["label"] for c in field["categories"]})
                     for key, field in fields.items()
                     if "categories" in field and key in schema.get("primaryKey", [])]
            shape = self._shapes[table] = Shape("name" in fields, keys, "date_label" in fields,
                                                "text" in fields, coded)
        return shape

    def find(self, table: str, fields: list[str], values: list[Any]) -> dict[str, Any] | None:
        index = self._indexes.get((table, tuple(fields)))
        if index is None:
            index = {tuple(r.get(f) for f in fields): r for r in self.content[1].get(table, [])}
            self._indexes[(table, tuple(fields))] = index
        return index.get(tuple(values))


def record_name(table: str, row: dict[str, Any], content: Content | Lookup, depth: int = 0) -> str:
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
    lookup = content if isinstance(content, Lookup) else Lookup(content)
    shape = lookup.shape(table)
    if shape.named and row.get("name"):
        return str(row["name"])
    referred = []
    # a key to the labels (a code's label, not a record it belongs to) is not in shape.keys
    for key in shape.keys if depth < 2 else []:
        reference = key["reference"]
        target = lookup.find(reference["resource"], reference["fields"],
                             [row.get(f) for f in key["fields"]])
        if target is not None:
            referred.append(record_name(reference["resource"], target, lookup, depth + 1))
    referred.sort(key=lambda name: "—" in name)  # names of people and bodies before entries
    parts = referred + ([row.get("date_label") or "sans date"] if shape.dated else [])
    name = ", ".join(parts)
    if shape.texted and row.get("text"):
        name += " — " + excerpt(str(row["text"]), row.get("date_label"))
    labels = [f"« {_label(labels, row.get(key))} »" for key, _, labels in shape.coded]
    if labels:
        name = f"{' '.join(labels)} : {name}" if name else " ".join(labels)
    return name


def label_of(field: dict[str, Any], value: Any) -> Any:
    """The French label of a code of ``field``'s vocabulary, else the value."""
    return _label({c["value"]: c["label"] for c in field.get("categories", [])}, value)


def _label(labels: dict[str, str], value: Any) -> Any:
    return labels.get(value, value) if isinstance(value, str) else value
