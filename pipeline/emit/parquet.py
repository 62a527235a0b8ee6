"""Parquet, written with pyarrow straight from the Table Schema (converted from the CSV
package's file of the same table, see :func:`convert`).

Each column's Arrow type comes from its Table Schema type, so integers stay integers
with nulls, booleans stay booleans and dates are ``date32``; each field carries its title
and description, and the whole Table Schema is stored in the file's metadata under
``table_schema``. The ``pandas`` entry that pandas itself writes is there too, so that the
plain ``pd.read_parquet(path)`` gives nullable ``Int64`` integers and ``boolean`` booleans.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ReleaseError

if TYPE_CHECKING:
    import pyarrow as pa

FORMAT = "parquet"
LABEL = "Parquet"
MEDIATYPE = "application/vnd.apache.parquet"
RESOURCE_EXTRAS: dict[str, Any] = {}
SOURCE = "csv"  # the format whose files this one is converted from (see convert())
# frictionless reads Parquet through pyarrow's ``to_pandas()``, which turns a null in an
# integer column into the float NaN (and a null string into NaN too). Declaring "nan" a
# missing value in this package tells frictionless what those cells are; the file itself
# holds true nulls and true int64 columns, and no type is weakened.
# frictionless 5 reads Parquet with pyarrow, not through its byte-counting loader, so
# it reports a size of None and a declared ``bytes`` always fails; the sha256 ``hash``
# is kept (and checked by ``python -m pipeline validate``, since frictionless skips it).
STATS = ("hash",)
SCHEMA_EXTRAS: dict[str, Any] = {"missingValues": ["", "nan"]}

# pyarrow is imported when a Parquet file is written or read, not when the module is: a run
# that stops early (an unchanged page) or a command that writes nothing never pays for it.
ARROW_TYPES = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool_",
               "date": "date32"}
# What pandas itself writes in a Parquet file's ``pandas`` metadata for a column of each
# Table Schema type, as (pandas_type, numpy_type): the numpy_type names the dtype that
# ``pd.read_parquet(path)`` gives with no option, so integers come back as nullable
# ``Int64`` (2003, not 2003.0) and booleans as nullable ``boolean`` (not objects). Strings
# are left to pandas' own default (``str`` in pandas 3, ``object`` before), dates are
# ``datetime.date`` objects as pyarrow gives them. tests/test_parquet.py checks this table
# against what pandas writes for a DataFrame of those dtypes.
PANDAS_TYPES = {"string": ("unicode", "object"), "integer": ("int64", "Int64"),
                "number": ("float64", "float64"), "boolean": ("bool", "boolean"),
                "date": ("date", "object")}


def pandas_metadata(schema: dict[str, Any]) -> dict[str, Any]:
    """The ``pandas`` entry of a Parquet file's metadata for a table of this Table Schema,
    as ``DataFrame.to_parquet`` writes it (no index), built without loading pandas. The
    versions named are pyarrow's (also in the file's ``created_by``) and a fixed pandas
    version: a release is byte-identical from the same input and libraries."""
    import pyarrow as pa

    columns = [{"name": field["name"], "field_name": field["name"],
                "pandas_type": PANDAS_TYPES[field["type"]][0],
                "numpy_type": PANDAS_TYPES[field["type"]][1], "metadata": None}
               for field in schema["fields"]]
    return {"index_columns": [], "column_indexes": [], "columns": columns, "attributes": {},
            "creator": {"library": "pyarrow", "version": pa.__version__},
            "pandas_version": PANDAS_VERSION}


# The oldest pandas the project supports (pyproject.toml), whose metadata format this is;
# pyarrow reads the dtypes from ``numpy_type``, not from this version. A constant, so that
# upgrading pandas alone does not change a release's bytes.
PANDAS_VERSION = "2.2.0"


def arrow_schema(schema: dict[str, Any]) -> pa.Schema:
    """The Arrow schema of a Table Schema: same fields, same order, typed, documented."""
    import pyarrow as pa

    fields = []
    for field in schema["fields"]:
        if field["type"] not in ARROW_TYPES:
            raise ValueError(f"no Arrow type for Table Schema type {field['type']!r}")
        required = field.get("constraints", {}).get("required", False)
        metadata = {key: field[key] for key in ("title", "description") if key in field}
        fields.append(pa.field(field["name"], getattr(pa, ARROW_TYPES[field["type"]])(),
                               nullable=not required, metadata=metadata))
    return pa.schema(fields, metadata={
        "table_schema": json.dumps(schema, ensure_ascii=False),
        "pandas": json.dumps(pandas_metadata(schema), ensure_ascii=False)})


def read(path: Path, schema: dict[str, Any]) -> list[dict[str, object]]:
    """The rows back (``ParquetFile.read``: ``pq.read_table`` would load pandas and
    pyarrow's dataset layer for one file)."""
    import pyarrow.parquet as pq

    rows: list[dict[str, object]] = pq.ParquetFile(path).read().to_pylist()
    return rows


def convert(source: Path, path: Path, schema: dict[str, Any]) -> None:
    """Write the Parquet file of a table from its CSV file (``SOURCE``), which pyarrow's
    CSV reader types column by column in C++ with the Arrow schema: the same file as from
    the rows in Python, several times faster, and without pandas, which pyarrow loads to
    look at any Python list it turns into an array.

    The CSV is read as the CSV package's schema reads it: an empty cell is a missing value
    (and no other text is: not "NA", "null" or "nan"), ``true`` and ``false`` are the
    booleans, dates are ISO, a quoted cell may hold line breaks. The file is then read back
    and must hold exactly the table read from the CSV (compared in C++): the release's
    proof that the Parquet package holds the records of the CSV package, which
    frictionless validates.
    """
    import pyarrow as pa
    import pyarrow.csv as pv
    import pyarrow.parquet as pq

    arrow = arrow_schema(schema)
    table = pv.read_csv(
        source,
        # one block for the whole file (up to 2 GiB): a block must hold a whole row, and
        # a page can put a megabyte of text in one cell, past the reader's default 1 MiB
        read_options=pv.ReadOptions(block_size=min(max(source.stat().st_size + 1, 1 << 20),
                                                   (1 << 31) - 1)),
        parse_options=pv.ParseOptions(newlines_in_values=True),
        convert_options=pv.ConvertOptions(
            column_types={field.name: field.type for field in arrow}, include_columns=arrow.names,
            null_values=[""], strings_can_be_null=True, quoted_strings_can_be_null=True,
            true_values=["true"], false_values=["false"]),
    )
    # one chunk per column, as a table built from rows has: the row groups and pages of
    # the file, and so its bytes, do not depend on how the reader cut the CSV into blocks
    table = pa.Table.from_arrays(table.combine_chunks().columns, schema=arrow)
    pq.write_table(table, path)
    if not pq.ParquetFile(path).read().equals(table, check_metadata=True):
        raise ReleaseError(f"{path}: does not hold the records of {source}")
