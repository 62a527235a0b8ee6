"""Labels for every format: each data package holds a ``labels`` table (vocabulary, code,
French label) derived from the schemas' categories, and every vocabulary column declares a
foreign key to it; CSV, Parquet and JSON users turn codes into French without reading the
schema's JSON, in DuckDB and Polars alike."""

import csv
import json
import shutil

import pytest

from pipeline.schemas import _schema_file, label_rows, table_names, table_schema, vocabularies
from pipeline.validate import foreign_key_problems

from .conftest import ROOT

OUT = ROOT / "output"
# Every code of every vocabulary, counted from the schemas' files themselves
CODES = sum(len(field.get("categories", ())) for path in (ROOT / "schemas").glob("*.schema.json")
            for field in json.loads(path.read_text(encoding="utf-8"))["fields"])


def test_the_labels_rows_are_the_schemas_categories():
    rows = label_rows()
    expected = [(f"{table}.{field['name']}", c["value"], c["label"])
                for table in table_names() for field in _schema_file(table)["fields"]
                for c in field.get("categories", ())]
    assert [(r["vocabulary"], r["code"], r["label"]) for r in rows] == expected
    assert len(rows) == CODES == 87 and len({(r["vocabulary"], r["code"]) for r in rows}) == CODES
    found = {(r["vocabulary"], r["code"]): r["label"] for r in rows}
    assert found["actions.status", "abandoned"] == "abandonnée"
    assert found["actions.status", "planned"] == "prévue"
    assert found["actions.amount_kind", "other"] == "autre montant"
    assert found["organisations.kind", "other"] == "autre"  # the same code, another column


def test_every_vocabulary_column_has_a_foreign_key_to_labels():
    for table, field in vocabularies():
        keys = table_schema(table).get("foreignKeys", [])
        reference = {"resource": "labels", "fields": ["code"], "vocabulary": f"{table}.{field}"}
        assert {"fields": [field], "reference": reference} in keys, (table, field)
    assert table_names()[-1] == "labels"
    assert table_schema("labels")["primaryKey"] == ["vocabulary", "code"]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_each_package_lists_the_labels_table_and_its_keys(fresh_release, fmt):
    descriptor = json.loads((fresh_release / fmt / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert resources["labels"]["path"] == f"labels.{fmt}"
    assert resources["labels"]["title"] == "Libellés des codes"
    status_key = {"fields": ["status"],
                  "reference": {"resource": "labels", "fields": ["code"], "vocabulary": "actions.status"}}
    assert status_key in resources["actions"]["schema"]["foreignKeys"]
    assert (fresh_release / fmt / f"labels.{fmt}").is_file()


def _csv_package(release, tmp_path):
    copy = tmp_path / "csv"
    shutil.copytree(release / "csv", copy)
    return copy


def _rewrite(path, change):
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def test_the_real_package_keys_to_labels_hold(fresh_release, tmp_path):
    assert foreign_key_problems(_csv_package(fresh_release, tmp_path) / "datapackage.json") == []


def test_a_code_of_another_vocabulary_is_refused(fresh_release, tmp_path):
    """"other" is a label of actions.amount_kind and of organisations.kind, never of
    actions.status: a key on the code alone would take it; the vocabulary refuses it."""
    package = _csv_package(fresh_release, tmp_path)
    _rewrite(package / "actions.csv", lambda rows: rows[0].update(status="other"))
    found = [str(p) for p in foreign_key_problems(package / "datapackage.json")]
    assert found == ['actions: row 2: Row at position "2" violates the foreign key: for "status": '
                     'values "other" not found in the lookup table "labels" as "code" of vocabulary '
                     '"actions.status" (it is a code of another vocabulary)']


def test_a_label_moved_to_another_vocabulary_leaves_its_code_without_one(fresh_release, tmp_path):
    package = _csv_package(fresh_release, tmp_path)

    def move(rows):
        row = next(r for r in rows if (r["vocabulary"], r["code"]) == ("actions.status", "ongoing"))
        row["vocabulary"] = "partners.kind"
    _rewrite(package / "labels.csv", move)
    found = [str(p) for p in foreign_key_problems(package / "datapackage.json")]
    assert len(found) == 4  # the four ongoing actions
    assert all('for "status": values "ongoing" not found in the lookup table "labels" as "code" '
               'of vocabulary "actions.status"' in line for line in found)


def test_the_csv_labels_table():
    with (OUT / "csv" / "labels.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0] == {"vocabulary": "partners.kind", "code": "ville", "label": "ville"}
    assert {"vocabulary": "actions.direction", "code": "neither", "label": next(
        r["label"] for r in label_rows() if r["code"] == "neither")} in rows
    assert len(rows) == CODES


def test_duckdb_joins_the_labels_on_vocabulary_and_code():
    import duckdb
    con = duckdb.connect()
    try:
        actions, labels = OUT / "parquet" / "actions.parquet", OUT / "parquet" / "labels.parquet"
        counts = dict(con.execute(f"""
            SELECT l.label, count(*) FROM '{actions}' a JOIN '{labels}' l
              ON l.vocabulary = 'actions.status' AND l.code = a.status
            GROUP BY l.label""").fetchall())
        assert counts == {"abandonnée": 1, "en cours": 4, "annulée": 2}  # 39 have no status
        # every code of every vocabulary column has its label: no row of the data is left out
        missing = con.execute(f"""
            SELECT count(*) FROM '{actions}' a LEFT JOIN '{labels}' l
              ON l.vocabulary = 'actions.status' AND l.code = a.status
            WHERE a.status IS NOT NULL AND l.label IS NULL""").fetchone()[0]
        assert missing == 0
        csv_count = con.execute(f"SELECT count(*) FROM read_csv('{OUT / 'csv' / 'labels.csv'}')").fetchone()[0]
        assert csv_count == CODES
    finally:
        con.close()


def test_polars_turns_theme_codes_into_french():
    import polars as pl
    themes = pl.read_parquet(OUT / "parquet" / "action_themes.parquet")
    labels = pl.read_parquet(OUT / "parquet" / "labels.parquet").filter(pl.col("vocabulary") == "action_themes.theme")
    joined = themes.join(labels, left_on="theme", right_on="code", how="left")
    assert joined["label"].null_count() == 0 and len(joined) == len(themes) == 88
    youth = joined.filter(pl.col("theme") == "youth_exchange")["label"].unique().to_list()
    assert youth == ["échanges de jeunes"]
    json_rows = json.loads((OUT / "json" / "labels.json").read_text(encoding="utf-8"))
    assert pl.DataFrame(json_rows).shape == (CODES, 3)
