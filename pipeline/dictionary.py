"""The data dictionary: every table and column as the schemas describe them.

One model for every place that documents the data (the French ``output/README.md``, the
workbook's "Lisez-moi" sheet, Datasette's metadata, the HTML page), built from
``schemas/`` and an example value from the data, so that it is never written twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import config
from .schemas import package_template, table_names, table_schema
from .sources import Snapshot
from .tables import Tables

TYPE_LABELS = {"string": "texte", "integer": "entier", "number": "décimal", "boolean": "booléen"}
EXAMPLE_LENGTH = 50


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    type_label: str
    title: str
    description: str
    example: str


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    rows: int
    columns: list[Column]


@dataclass(frozen=True)
class About:
    """What the release is, for the pages that present it."""

    title: str
    description: str
    licence_title: str
    licence_url: str
    source_title: str
    source_url: str | None
    retrieved: str | None  # when the snapshot was taken, as its manifest says
    sha256: str
    publisher: str

    @property
    def snapshot_date(self) -> str | None:
        return (self.retrieved or "")[:10] or None


def _example(rows: list[dict], column: str) -> str:
    value = next((r[column] for r in rows if r[column] is not None), None)
    if value is None:
        return ""
    text = ("vrai" if value else "faux") if isinstance(value, bool) else str(value)
    text = text.replace("\n", " ")
    return text if len(text) <= EXAMPLE_LENGTH else text[:EXAMPLE_LENGTH - 1] + "…"


def tables_of(data: Tables) -> list[Table]:
    documented = []
    for name in table_names():
        schema = table_schema(name)
        columns = [Column(f["name"], f["type"], TYPE_LABELS.get(f["type"], f["type"]),
                          f.get("title", f["name"]), f.get("description", ""),
                          _example(data[name], f["name"])) for f in schema["fields"]]
        documented.append(Table(name, schema.get("title", name), schema.get("description", ""),
                                len(data[name]), columns))
    return documented


def about(snapshot: Snapshot) -> About:
    template = package_template()
    licence = template["licenses"][0]
    source = (template.get("sources") or [{}])[0]
    return About(template["title"], template["description"], licence["title"], licence["path"],
                 source.get("title", ""), snapshot.url, snapshot.retrieved, snapshot.sha256,
                 config().publisher)
