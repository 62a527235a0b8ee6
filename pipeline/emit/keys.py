"""Records within their scope, for the views: the fields that lead every table's primary
key but the labels'.

A town's release has none (each table is keyed by its own id); the national release
(``pipeline/national.py``) has ``town_insee``, since ids are unique within a town only. The
views that name, join, group or link records (the workbook, the page) find a record by its
key within the scope, so that a national release reads as a town's, and a town's is
written as it always was.
"""

from __future__ import annotations

from typing import Any

from ..schemas import LABELS, table_names, table_schema


def scope() -> tuple[str, ...]:
    """The fields that lead every table's primary key but the labels'.

    >>> scope()
    ()
    """
    keys = [table_schema(t)["primaryKey"] for t in table_names() if t != LABELS]
    found: list[str] = []
    for fields in zip(*keys, strict=False):
        if len(set(fields)) != 1:
            break
        found.append(fields[0])
    return tuple(found)


def scoped(row: dict[str, Any], within: tuple[str, ...], field: str) -> tuple[Any, ...]:
    """The key ``row`` gives by ``field`` within the scope: ``(town, id)``, or ``(id,)``.

    >>> scoped({"town_insee": "94041", "partner_id": "gao"}, ("town_insee",), "partner_id")
    ('94041', 'gao')
    """
    if not within:  # a town's release: every call of a workbook's hundred thousand rows
        return (row[field],)
    return (*(row[f] for f in within), row[field])


def anchor(row: dict[str, Any], within: tuple[str, ...], field: str) -> str:
    """The record's name in a page's anchors: its id, after its scope's values.

    >>> anchor({"partner_id": "gao"}, (), "partner_id")
    'gao'
    >>> anchor({"town_insee": "94041", "partner_id": "gao"}, ("town_insee",), "partner_id")
    '94041-gao'
    """
    return "-".join(str(value) for value in scoped(row, within, field))
