"""Tables stage: records -> one table per schema, columns in schema order.

Rows keep the page's order (partners as their sections, actions as their entries), which
is stable from run to run and is the order a reader of the page expects.
"""

from __future__ import annotations

from typing import Any

from .errors import PipelineError
from .schemas import LABELS, field_names, label_rows, table_names

# A row holds values of the types its schema gives (text, integers, numbers, booleans,
# dates, None): checked at run time against the schema, not by the type checker.
Row = dict[str, Any]
Tables = dict[str, list[Row]]


def tables(records: dict[str, list[Row]]) -> Tables:
    """Each table's rows with exactly the schema's columns, in the schema's order.

    A record with a column the schema lacks, or without one it has, is a bug between the
    extract stage and ``schemas/``: it stops the run instead of being silently fixed. The
    ``labels`` table comes from the schemas, not from the page (:func:`label_rows`).
    """
    records = {**records, LABELS: label_rows()}
    result: Tables = {}
    for table in table_names():
        columns = field_names(table)
        rows = []
        for record in records.get(table, []):
            if set(record) != set(columns):
                extra, missing = set(record) - set(columns), set(columns) - set(record)
                raise PipelineError(
                    f"table {table}: records and schema disagree "
                    f"(not in schema: {sorted(extra)}, missing: {sorted(missing)})"
                )
            rows.append({column: record[column] for column in columns})
        result[table] = rows
    return result
