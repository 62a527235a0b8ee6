"""The data dictionary: every table and column as the schemas describe them.

One model for every place that documents the data (the French ``output/README.md``, the
workbook's "Lisez-moi" sheet, Datasette's metadata, the HTML page), built from
``schemas/`` and an example value from the data, so that it is never written twice. The
French title of each column and the French label of each code come from the schemas too:
people read those, machines read the codes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .config import Contact, config
from .schemas import package_metadata, table_names, table_schema
from .sources import Snapshot, public_url
from .tables import Tables

TYPE_LABELS = {"string": "texte", "integer": "entier", "number": "décimal", "boolean": "booléen"}
BOOLEAN_LABELS = {True: "vrai", False: "faux"}
EXAMPLE_LENGTH = 50
LIST_SEPARATOR = " | "  # between the values of a list held in one text cell


def quantity(number: int, singular: str, plural: str) -> str:
    """A count with its noun, in French: 0 and 1 take the singular (CLDR's plural rules,
    through Babel), not the English plural.

    >>> quantity(0, "partenaire", "partenaires"), quantity(1, "action", "actions")
    ('0 partenaire', '1 action')
    >>> quantity(46, "action datée", "actions datées")
    '46 actions datées'
    """
    from babel import Locale

    form = Locale.parse("fr").plural_form(number)
    return f"{number} {singular if form == 'one' else plural}"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    type_label: str
    title: str
    description: str
    example: str
    # the vocabulary: each allowed code with its French label, in the schema's order
    categories: tuple[tuple[str, str], ...] = ()

    def label(self, value: Any) -> Any:
        """The French label of ``value`` for a vocabulary column (each value of a
        ``" | "`` list), else ``value`` itself.

        >>> status = Column("status", "string", "texte", "Statut", "", "", (("ongoing", "en cours"),))
        >>> status.label("ongoing"), status.label(None), status.label("ongoing | ongoing")
        ('en cours', None, 'en cours | en cours')
        """
        if not self.categories or not isinstance(value, str):
            return value
        labels = dict(self.categories)
        return LIST_SEPARATOR.join(labels.get(v, v) for v in value.split(LIST_SEPARATOR))


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
    contact: Contact = field(default_factory=lambda: config().contact)
    # the page text that the source_line columns number (output/source/…): its checksum
    # and size, for the descriptors that list it
    text_sha256: str = ""
    text_bytes: int = 0
    # "Méthode et limites": what is read by machine, what an empty value means, why sums
    # need care; written once, in schemas/package.json (``methodology``), and shown by the
    # workbook, the page, the dictionary and the portals' description
    methodology: str = ""
    # a release of several pages: each page's (address, date taken, sha256), in order
    pages: tuple[tuple[str | None, str | None, str], ...] = ()

    @property
    def snapshot_date(self) -> str | None:
        return (self.retrieved or "")[:10] or None


def _example(rows: list[dict], column: str, labels: dict[str, str] | None = None) -> str:
    """The column's first value, as a reader meets it: a code with its French label first
    ("en cours (ongoing)"), the code being what the CSV files hold.

    >>> rows = [{"status": None}, {"status": "ongoing"}]
    >>> _example(rows, "status", {"ongoing": "en cours"}), _example(rows, "status")
    ('en cours (ongoing)', 'ongoing')
    """
    value = next((r[column] for r in rows if r[column] is not None), None)
    if value is None:
        return ""
    text = BOOLEAN_LABELS[value] if isinstance(value, bool) else str(value)
    if labels and text in labels and labels[text] != text:
        text = f"{labels[text]} ({text})"
    text = text.replace("\n", " ")
    return text if len(text) <= EXAMPLE_LENGTH else text[:EXAMPLE_LENGTH - 1] + "…"


def column_of(schema_field: dict[str, Any], rows: list[dict]) -> Column:
    categories = tuple((c["value"], c["label"]) for c in schema_field.get("categories", ()))
    return Column(schema_field["name"], schema_field["type"],
                  TYPE_LABELS.get(schema_field["type"], schema_field["type"]),
                  schema_field.get("title", schema_field["name"]),
                  schema_field.get("description", ""),
                  _example(rows, schema_field["name"], dict(categories)), categories)


def tables_of(data: Tables) -> list[Table]:
    documented = []
    for name in table_names():
        schema = table_schema(name)
        columns = [column_of(f, data[name]) for f in schema["fields"]]
        documented.append(Table(name, schema.get("title", name), schema.get("description", ""),
                                len(data[name]), columns))
    return documented


def about(snapshot: Snapshot, page_text: str = "") -> About:
    template = package_metadata()
    licence = template["licenses"][0]
    source = (template.get("sources") or [{}])[0]
    text = page_text.encode("utf-8")
    return About(template["title"], template["description"], licence["title"], licence["path"],
                 source.get("title", ""), public_url(snapshot.url) if snapshot.url else None,
                 snapshot.retrieved, snapshot.sha256,
                 config().publisher, config().contact,
                 hashlib.sha256(text).hexdigest() if page_text else "", len(text),
                 template.get("methodology", ""),
                 tuple((public_url(p.url) if p.url else None, p.retrieved, p.sha256) for p in snapshot.pages))
