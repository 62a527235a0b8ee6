"""Parquet for pandas' defaults: the plain ``pd.read_parquet(path)``, with no option, gives
nullable ``Int64`` integers and ``boolean`` booleans, because each file carries the
``pandas`` metadata pandas itself writes; Polars and DuckDB read the same files with the
same types, and the files stay byte-reproducible."""

import json

import pytest

from pipeline.emit import parquet
from pipeline.schemas import field_names, table_names, table_schema

from .conftest import ROOT

OUT = ROOT / "output"
ACTIONS = OUT / "parquet" / "actions.parquet"


def fields_of_type(table: str, kind: str) -> list[str]:
    return [f["name"] for f in table_schema(table)["fields"] if f["type"] == kind]


def test_plain_read_parquet_gives_nullable_integers_and_booleans():
    import pandas as pd
    frame = pd.read_parquet(ACTIONS)  # no dtype_backend, no option at all
    assert list(frame.columns) == field_names("actions")
    assert {name: str(frame[name].dtype) for name in ("start_year", "end_year", "amount_eur", "participants",
                                                      "duration_days", "source_line")} == dict.fromkeys(
        ("start_year", "end_year", "amount_eur", "participants", "duration_days", "source_line"), "Int64")
    assert frame["start_year"].head(3).tolist() == [2003, 2004, 2010]  # not 2003.0
    assert int(frame["end_year"].isna().sum()) == 5
    assert str(frame["is_ongoing"].dtype) == "boolean"
    assert int(frame["is_ongoing"].sum()) == 4 and int(frame["is_ongoing"].isna().sum()) == 1
    assert sorted(frame["amount_eur"].dropna().tolist()) == [10000, 300000]
    assert frame.loc[frame["action_id"] == "dianguirde-2016-2020", "amount_eur"].item() == 300000


@pytest.mark.parametrize("table", table_names())
def test_every_table_reads_with_its_schema_types_in_pandas(table):
    import pandas as pd
    frame = pd.read_parquet(OUT / "parquet" / f"{table}.parquet")
    assert list(frame.columns) == field_names(table)
    for name in fields_of_type(table, "integer"):
        assert str(frame[name].dtype) == "Int64", name
    for name in fields_of_type(table, "boolean"):
        assert str(frame[name].dtype) == "boolean", name
    for name in fields_of_type(table, "number"):
        assert str(frame[name].dtype) == "float64", name


def test_partners_coordinates_and_years():
    import pandas as pd
    partners = pd.read_parquet(OUT / "parquet" / "partners.parquet")
    assert str(partners["latitude"].dtype) == "float64"
    assert str(partners["agreement_year"].dtype) == "Int64"
    assert len(partners) == 6


def test_metadata_is_what_pandas_itself_writes():
    """The entry is built without pandas; pandas, given a frame of the dtypes it names,
    writes the same columns (name, pandas_type, numpy_type), the strings aside: pandas 3
    names its own ``str`` dtype where pandas 2 writes ``object``, and the file leaves
    strings to the reader's default."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq
    schema = table_schema("actions")
    ours = parquet.pandas_metadata(schema)
    dtypes = {"integer": "Int64", "boolean": "boolean", "number": "float64", "date": "object"}
    frame = pd.DataFrame({f["name"]: pd.Series([], dtype=dtypes[f["type"]])
                          for f in schema["fields"] if f["type"] in dtypes})
    theirs = json.loads(pa.Table.from_pandas(frame, preserve_index=False).schema.metadata[b"pandas"])
    by_name = {c["name"]: c for c in ours["columns"]}
    for column in theirs["columns"]:
        if column["name"] in frame and dtypes[next(f["type"] for f in schema["fields"]
                                                   if f["name"] == column["name"])] != "object":
            assert by_name[column["name"]] == column
    assert (ours["index_columns"], ours["column_indexes"]) == (theirs["index_columns"], [])
    assert ours["creator"] == {"library": "pyarrow", "version": pa.__version__}
    stored = json.loads(pq.read_schema(ACTIONS).metadata[b"pandas"])
    assert [c["name"] for c in stored["columns"]] == field_names("actions")
    assert stored["pandas_version"] == parquet.PANDAS_VERSION


def test_polars_and_duckdb_read_the_same_types():
    import duckdb
    import polars as pl
    frame = pl.read_parquet(ACTIONS)
    assert frame.schema["start_year"] == pl.Int64 and frame.schema["is_ongoing"] == pl.Boolean
    assert frame["start_year"].head(3).to_list() == [2003, 2004, 2010]
    assert frame["is_ongoing"].sum() == 4
    con = duckdb.connect()
    try:
        types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{ACTIONS}')").fetchall())
        assert (types["start_year"], types["is_ongoing"], types["amount_eur"]) == ("BIGINT", "BOOLEAN", "BIGINT")
        assert con.execute(f"SELECT count(*) FROM '{ACTIONS}' WHERE is_ongoing").fetchone()[0] == 4
        assert con.execute(f"SELECT sum(amount_eur) FROM '{ACTIONS}'").fetchone()[0] == 310000
    finally:
        con.close()


def test_conversion_is_byte_reproducible(tmp_path):
    for table in ("actions", "partners"):
        source = OUT / "csv" / f"{table}.csv"
        first, second = tmp_path / f"{table}-1.parquet", tmp_path / f"{table}-2.parquet"
        parquet.convert(source, first, table_schema(table))
        parquet.convert(source, second, table_schema(table))
        assert first.read_bytes() == second.read_bytes()
        assert first.read_bytes() == (OUT / "parquet" / f"{table}.parquet").read_bytes()


def test_the_writer_process_without_numpy_writes_the_same_bytes(tmp_path):
    """The run's writer process converts with numpy marked missing (``run.load_writers``):
    every table's file is the one a process with numpy writes."""
    import subprocess
    import sys

    script = ("import sys\nfrom pathlib import Path\nfrom pipeline.run import load_writers\n"
              "from pipeline.emit import parquet\nfrom pipeline.schemas import table_names, table_schema\n"
              "load_writers()\nassert sys.modules['numpy'] is None and 'pyarrow.parquet' in sys.modules\n"
              f"for t in table_names():\n    parquet.convert(Path({str(OUT / 'csv')!r}) / f'{{t}}.csv', "
              f"Path({str(tmp_path)!r}) / f'{{t}}.parquet', table_schema(t))\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    import numpy  # noqa: F401  (this process has it: pyarrow uses it here)

    for table in table_names():
        here = tmp_path / f"{table}-with-numpy.parquet"
        parquet.convert(OUT / "csv" / f"{table}.csv", here, table_schema(table))
        assert (tmp_path / f"{table}.parquet").read_bytes() == here.read_bytes(), table
