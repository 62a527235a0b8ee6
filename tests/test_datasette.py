"""Datasette as a reader meets it: search that finds inclusive and plural forms, tables that
open on their rows (short column descriptions, folded), label tables off the database's
page. A real Datasette on 127.0.0.1, stopped even when a test fails."""

import html
import json
import re
import sqlite3
import urllib.parse
import urllib.request

import pytest

from pipeline.emit.sqlite import SHORT, search_forms, short_description
from pipeline.schemas import table_schema, vocabularies

from .test_views import datasette_server


@pytest.fixture(scope="module")
def datasette(fresh_release):
    with datasette_server(fresh_release) as root:
        yield root


def get(url):
    return urllib.request.urlopen(url, timeout=10).read().decode("utf-8")


def searched(base, words):
    rows = json.loads(get(f"{base}/ivry-jumelages/actions.json?_shape=array&_size=max&_search="
                          + urllib.parse.quote(words)))
    return {r["action_id"] for r in rows}


def test_search_finds_inclusive_plural_and_unaccented_forms(datasette, fresh_release):
    with sqlite3.connect(fresh_release / "sqlite" / "ivry-jumelages.db") as db:
        texts = dict(db.execute("SELECT action_id, text FROM actions").fetchall())
    inclusive = {k for k, t in texts.items() if "réfugié·es" in t}
    plural = {k for k, t in texts.items() if re.search(r"\bjeunes\b", t)}
    accented = {k for k, t in texts.items() if "lycéen" in t}  # "lycéen·nes"
    assert (len(inclusive), len(plural), len(accented)) == (3, 9, 1)
    assert searched(datasette, "réfugiés") == inclusive  # the inclusive form, by its plural
    assert searched(datasette, "réfugié") == inclusive
    assert searched(datasette, "réfugié·es") == inclusive
    assert searched(datasette, "jeune") == searched(datasette, "jeunes") == plural
    assert searched(datasette, "lyceens") == accented  # accents ignored
    assert searched(datasette, "forages") >= {"dianguirde-2007-2009", "dianguirde-2020"}


def test_the_forms_a_word_is_found_by():
    forms = search_forms("accueil de réfugié·es, de jeunes ivryen·nes et d'élu.es")
    assert {"réfugiés", "réfugié", "réfugiées", "jeune", "ivryens", "ivryennes", "élus", "élues"} <= set(forms.split())


def test_a_table_opens_on_its_rows(datasette):
    page = get(f"{datasette}/ivry-jumelages/actions")
    before = page[:page.index('<table class="rows-and-columns"')]
    folded = re.search(rf"<details><summary>Les {len(table_schema('actions')['fields'])} colonnes[^<]*</summary>(.*?)</details>", before, re.S)
    assert folded, before[-3000:]
    shown = re.sub(r"<[^>]+>", " ", before.replace(folded.group(0), "").split("<body", 1)[1])
    # what stands above the rows, folded descriptions aside: the title, the table's
    # description, the count, the search box and the facets
    assert len(" ".join(shown.split())) < 2500
    assert '<dl class="column-descriptions">' not in before.replace(folded.group(0), "")
    descriptions = re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", folded.group(1))
    fields = {f["name"]: f for f in table_schema("actions")["fields"]}
    assert [name for name, _ in descriptions] == list(fields)
    descriptions = [(name, html.unescape(text)) for name, text in descriptions]
    for name, description in descriptions:
        assert len(description) <= len(fields[name]["title"]) + 2 + SHORT, name
    # each facet shows six values, then "…": the start year's twenty do not push the rows down
    years = re.findall(r'href="[^"]*[?&]start_year=(\d{4})"', before)
    assert len(set(years)) == 6, years
    assert dict(descriptions)["status"] == "Statut. Ce que l'entrée dit de l'action, la dernière mention l'emportant."


def test_short_descriptions_cut_at_a_word():
    description = next(f for f in table_schema("actions")["fields"] if f["name"] == "amount_eur")["description"]
    short = short_description("Montant cité (euros)", description)
    assert short.startswith("Montant cité (euros). Le montant en euros que l'entrée cite") and short.endswith("…")
    assert len(short) <= len("Montant cité (euros). ") + SHORT


def test_label_tables_are_hidden_from_the_database_page(datasette):
    page = get(f"{datasette}/ivry-jumelages")
    assert "libelles_" not in page and ">labels<" not in page and "Libellés des codes" not in page
    assert 'href="/ivry-jumelages/actions"' in page and 'href="/ivry-jumelages/partners"' in page
    metadata = json.loads(get(f"{datasette}/-/metadata.json"))["databases"]["ivry-jumelages"]["tables"]
    hidden = {name for name, table in metadata.items() if table.get("hidden")}
    assert hidden == {"actions_fts", "labels"} | {f"libelles_{t}_{f}" for t, f in vocabularies()}
    # hidden, not gone: a code's label is still there
    labelled = json.loads(get(f"{datasette}/ivry-jumelages/actions.json?action_id=dianguirde-2016-2020"
                              "&_labels=on&_shape=array"))
    assert labelled[0]["status"] == {"value": "abandoned", "label": "abandonnée"}
