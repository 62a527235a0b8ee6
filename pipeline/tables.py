"""Tables stage: records -> one table per schema, columns in schema order.

Rows keep the page's order (partners as their sections, actions as their entries), which
is stable from run to run and is the order a reader of the page expects.

It is also the one place where a number leaves the grammar for the files: every number
column has its range in ``schemas/`` (``minimum`` and ``maximum``, said in its
description), and a value outside it (thirty digits of euros, "20 000 000 000 milliards",
a year 3000) is written as empty with a warning for the run report, never truncated,
rounded, or handed to a writer that would fail on it (Parquet's int64, a spreadsheet's
doubles).
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from .errors import PipelineError
from .schemas import LABELS, field_names, label_rows, table_names, table_schema

# A row holds values of the types its schema gives (text, integers, numbers, booleans,
# dates, None): checked at run time against the schema, not by the type checker.
Row = dict[str, Any]
Tables = dict[str, list[Row]]


# The widest integer every format holds exactly: Parquet's int64 holds more, but a
# spreadsheet's cells and JavaScript's numbers are doubles. Every schema's maximum is below.
EXACT_INTEGER = 2**53
_SHOWN_DIGITS = 24


def _shown(value: Any) -> str:
    """A number as a warning quotes it: whole when short, else its first digits and length.

    >>> _shown(12), _shown(10**40), _shown(1.5), _shown(date(1850, 1, 1))
    ('12', '100000000000000000000000… (41 digits)', '1.5', '1850-01-01')
    """
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        digits = str(abs(value)) if value.bit_length() < 10_000 else "?" * _SHOWN_DIGITS
        sign = "-" if value < 0 else ""
        if len(digits) <= _SHOWN_DIGITS:
            return sign + digits
        length = f"{len(digits)} digits" if value.bit_length() < 10_000 else \
            f"about {int(value.bit_length() * 0.30103)} digits"
        return f"{sign}{digits[:_SHOWN_DIGITS]}… ({length})"
    return repr(value)


def number_ranges(table: str) -> dict[str, tuple[str, float, float, bool]]:
    """Each number column of ``table``: its type, minimum, maximum, and whether required.

    >>> number_ranges("actions")["amount_eur"]
    ('integer', 0, 1000000000000, False)
    """
    return {f["name"]: (f["type"], f["constraints"]["minimum"], f["constraints"]["maximum"],
                        bool(f["constraints"].get("required")))
            for f in table_schema(table)["fields"] if f["type"] in ("integer", "number")}


def date_ranges(table: str) -> dict[str, tuple[str, date, date, bool]]:
    """Each date column of ``table`` that has a range: its type, first and last day, and
    whether required.

    >>> date_ranges("actions")["start_date"][1:3]
    (datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))
    """
    return {f["name"]: ("date", date.fromisoformat(f["constraints"]["minimum"]),
                        date.fromisoformat(f["constraints"]["maximum"]),
                        bool(f["constraints"].get("required")))
            for f in table_schema(table)["fields"]
            if f["type"] == "date" and "minimum" in f.get("constraints", {})}


def out_of_range(kind: str, low: Any, high: Any, value: Any) -> str | None:
    """Why ``value`` cannot be written in a column of type ``kind`` and range
    ``low``–``high`` (None when it can, or is empty).

    >>> out_of_range("integer", 0, 10**12, 10**30), out_of_range("integer", 0, 10, 3)
    ('outside its range, 0 to 1000000000000', None)
    >>> out_of_range("integer", 0, 10, 3.0), out_of_range("number", -90, 90, float("nan"))
    ('not a whole number', 'not a finite number')
    """
    if value is None or isinstance(value, bool):
        return None
    if kind == "date":
        if not isinstance(value, date) or isinstance(value, datetime):
            return "not a date"
        return None if low <= value <= high else f"outside its range, {low} to {high}"
    if kind == "integer" and not isinstance(value, int):
        return "not a whole number"
    if not isinstance(value, (int, float)):
        return "not a number"
    if isinstance(value, float) and not math.isfinite(value):
        return "not a finite number"
    if not low <= value <= high:
        return f"outside its range, {low} to {high}"
    return None


def _record_name(row: Row) -> str:
    return next((str(v) for k, v in row.items() if k.endswith("_id") and v), "a record")


def tables(records: dict[str, list[Row]], warnings: list[dict[str, Any]] | None = None) -> Tables:
    """Each table's rows with exactly the schema's columns, in the schema's order.

    A record with a column the schema lacks, or without one it has, is a bug between the
    extract stage and ``schemas/``: it stops the run instead of being silently fixed. The
    ``labels`` table comes from the schemas, not from the page (:func:`label_rows`). A
    number outside its column's range (or not a number of the column's type) is made
    empty, and a warning for the run report is added to ``warnings``; one that a required
    column holds stops the run with one line.
    """
    records = {**records, LABELS: label_rows()}
    result: Tables = {}
    for table in table_names():
        columns = field_names(table)
        ranges: dict[str, tuple[str, Any, Any, bool]] = {**number_ranges(table), **date_ranges(table)}
        rows = []
        for record in records.get(table, []):
            if set(record) != set(columns):
                extra, missing = set(record) - set(columns), set(columns) - set(record)
                raise PipelineError(
                    f"table {table}: records and schema disagree "
                    f"(not in schema: {sorted(extra)}, missing: {sorted(missing)})"
                )
            row = {column: record[column] for column in columns}
            for column, (kind, low, high, required) in ranges.items():
                if (why := out_of_range(kind, low, high, row[column])) is None:
                    continue
                said = f"{table}.{column} of {_record_name(row)}: {_shown(row[column])} is {why}"
                if required:
                    raise PipelineError(f"{said}; nothing was written")
                row[column] = None
                if warnings is not None:
                    warnings.append({"line": row.get("source_line") or 0,
                                     "message": f"{said}; left empty"})
            rows.append(row)
        result[table] = rows
    return result
