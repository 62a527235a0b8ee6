"""Seven codes belong to two vocabularies (``other`` is both an amount's kind and an
organisation's; the six roles of a person serve actions and partners): every view that
turns a code into French looks it up in its own column's vocabulary, never by the code
alone. A join on the code alone gives ``other`` two labels, one of them wrong."""

import re
import sqlite3
from collections import defaultdict

import pytest

from pipeline.dictionary import tables_of
from pipeline.schemas import label_rows, table_names

from .portals.releases import build

STEM = "ivry-jumelages"
SHARED = {"other", "honorary_citizen", "delegation_head", "supported", "initiator", "relative",
          "author"}


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return build(tmp_path_factory.mktemp("labels") / "release")


def test_seven_codes_serve_two_vocabularies():
    vocabularies = defaultdict(set)
    for row in label_rows():
        vocabularies[row["code"]].add(row["vocabulary"])
    assert {code for code, found in vocabularies.items() if len(found) > 1} == SHARED
    assert vocabularies["other"] == {"actions.amount_kind", "organisations.kind"}


def test_the_workbook_and_the_page_label_a_code_by_its_own_column():
    """The workbook's cells and the page's timeline and dictionary take a code's label from
    its column (``Column.label``, made from that field's categories alone)."""
    columns = {(t.name, c.name): c for t in tables_of({t: [] for t in table_names()}) for c in t.columns}
    assert columns["organisations", "kind"].label("other") == "autre"
    assert columns["actions", "amount_kind"].label("other") == "autre montant"
    assert columns["action_people", "role"].label("author") == "auteur·rice"
    assert columns["partner_people", "role"].label("author") == "auteur·rice"


def test_the_page_lists_each_columns_own_label(written):
    page = (written / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<code>other</code> : ([^<]+)", page) == ["autre montant", "autre"]


def test_datasette_joins_each_column_to_its_own_table_of_labels(written):
    with sqlite3.connect(written / "sqlite" / f"{STEM}.db") as connection:
        keys = {(row[3], row[2]) for row in connection.execute("PRAGMA foreign_key_list('organisations')")}
        assert keys == {("kind", "libelles_organisations_kind")}
        roles = {(row[3], row[2]) for row in connection.execute("PRAGMA foreign_key_list('action_people')")}
        assert ("role", "libelles_action_people_role") in roles
        assert not any(target == "labels" for _, target in keys | roles)
        shown = connection.execute(
            "SELECT o.name, l.libelle FROM organisations o JOIN libelles_organisations_kind l "
            "ON l.code = o.kind WHERE o.kind = 'other'").fetchall()
        assert len(shown) == 1 and shown[0][1] == "autre"
        # the package's labels table, there too, is keyed on both columns
        (sql,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'labels'").fetchone()
        assert 'PRIMARY KEY ("vocabulary", "code")' in sql


def test_a_join_on_the_code_alone_is_wrong_and_on_both_columns_right(written):
    import duckdb
    organisations, labels = written / "csv" / "organisations.csv", written / "csv" / "labels.csv"
    con = duckdb.connect()
    try:
        alone = con.execute(f"""SELECT l.label FROM '{organisations}' o JOIN '{labels}' l
                                ON l.code = o.kind WHERE o.kind = 'other' ORDER BY 1""").fetchall()
        both = con.execute(f"""SELECT l.label FROM '{organisations}' o JOIN '{labels}' l
                               ON l.vocabulary = 'organisations.kind' AND l.code = o.kind
                               WHERE o.kind = 'other'""").fetchall()
    finally:
        con.close()
    assert alone == [("autre",), ("autre montant",)]  # one organisation, two labels
    assert both == [("autre",)]
