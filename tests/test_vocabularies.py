"""The vocabularies' meta-test, in sqlite-utils' manner: the schemas' ``categories`` and the
rules that write codes must name the same codes.

For every field of ``schemas/`` that has a vocabulary, ``PRODUCED`` says how to get the
codes its rules can write, from the rule tables and by running the rules on phrases
invented in the page's style. The test fails when a rule writes a code the schema lacks,
when a schema code is written by no rule and not listed in the field's ``notExtracted``,
when a code so listed is written after all, and when a schema gains a vocabulary this file
does not know.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import permutations

import pytest

import pipeline.schemas
from pipeline import themes
from pipeline.dates import parse_label
from pipeline.entities import ADJECTIVE_KINDS, ORGANISATION_HEADS, PEOPLE_CONTEXTS, organisations
from pipeline.errors import PipelineError
from pipeline.extract import DIRECTIONS, RECURRENCES, STATUS_PHRASES, status
from pipeline.numbers import AMOUNT_CUES, amount_kind
from pipeline.places import PLACE_KINDS, Agreement, agreement, first_link, place_kind, relationship
from pipeline.schemas import NOT_EXTRACTED, categories, not_extracted, table_schema, vocabularies

ARTICLES = {"ville": "la", "commune": "la", "commune rurale": "la", "municipalité": "la",
            "camp": "le", "camp de réfugiés": "le", "camps de réfugiés": "les"}


def _place_kinds() -> set[str]:
    """What ``place_kind`` writes for one place of each kind and for every pair of two."""
    one = {place_kind(f"{ARTICLES[k].capitalize()} {k} de Tamba (Mali)") for k in PLACE_KINDS}
    two = {place_kind(f"{ARTICLES[a].capitalize()} {a} de Tamba et {ARTICLES[b]} {b} de Kita (Mali)")
           for a, b in permutations(PLACE_KINDS, 2)}
    return one | two


def _agreement_types() -> set[str]:
    found = set()
    for kind in categories("partners", "agreement_type"):
        signed = agreement(f"Un texte, le {kind}, a été signé en 2004 avec la commune.")
        found.add(signed.type if signed else None)
    return found


def _roles() -> set[str]:
    return {role for _, role in PEOPLE_CONTEXTS}


PRODUCED: dict[tuple[str, str], Callable[[], set]] = {
    ("partners", "kind"): _place_kinds,
    ("partners", "relationship"): lambda: {relationship(None)} | {
        relationship(Agreement(2000, kind)) for kind in categories("partners", "agreement_type")},
    ("partners", "agreement_type"): _agreement_types,
    ("partners", "first_link_precision"): lambda: {
        first_link("Les premiers liens entre les deux villes datent des années 1980.", None)[1],
        first_link("Un accord de coopération a été signé en 1995.", None)[1]},
    ("actions", "amount_kind"): lambda: set(AMOUNT_CUES) | {amount_kind("un total de 500 €")},
    ("actions", "recurrence"): lambda: set(RECURRENCES.values()),
    ("actions", "direction"): lambda: set(DIRECTIONS.values()),
    ("actions", "status"): lambda: set(STATUS_PHRASES) | {
        status("Depuis 2016, des échanges.", parse_label("Depuis 2016"))},
    ("organisations", "kind"): lambda: set(ORGANISATION_HEADS.values()) | set(ADJECTIVE_KINDS.values())
    | {m.kind for m in organisations("en partenariat avec OpenMapX pour la cartographie")},
    ("action_people", "role"): _roles,
    ("partner_people", "role"): _roles,
    ("action_themes", "theme"): lambda: set(themes.KEYWORDS),
}


def disagreements(table: str, field: str, produced: set) -> list[str]:
    """What is wrong between a vocabulary and the codes its rules write, one line each."""
    codes, marked = set(categories(table, field)), not_extracted(table, field)
    where = f"{table}.{field}"
    return ([f"{where}: the rules write {code!r}, which the schema lacks"
             for code in sorted(produced - codes, key=str)]
            + [f"{where}: no rule writes {code!r} and the schema does not list it in {NOT_EXTRACTED}"
               for code in sorted(codes - produced - marked)]
            + [f"{where}: {code!r} is listed in {NOT_EXTRACTED} but a rule writes it"
               for code in sorted(marked & produced)]
            + [f"{where}: {NOT_EXTRACTED} lists {code!r}, which is not a code of the field"
               for code in sorted(marked - codes)])


def test_every_vocabulary_of_the_schemas_has_its_rules_here():
    assert sorted(PRODUCED) == sorted(vocabularies())


@pytest.mark.parametrize("table, field", sorted(PRODUCED))
def test_the_rules_and_the_schema_name_the_same_codes(table, field):
    assert disagreements(table, field, PRODUCED[table, field]()) == []


def test_two_kinds_of_place_never_make_a_code_the_schema_lacks():
    assert place_kind("La ville de Tamba et la commune de Kita (Mali)") == "ville"
    assert place_kind("La commune de Tamba et le camp de Kalo (Mali)") == "commune et camp de réfugiés"
    assert _place_kinds() <= set(categories("partners", "kind"))


# --- the meta-test fails when a code is added on one side only -----------------------------

@pytest.fixture
def edited_schema(monkeypatch):
    """Edits a field of a schema as if ``schemas/`` said so (the caches are cleared after)."""
    def edit(table: str, field: str, change: Callable[[dict], None]) -> None:
        schema = json.loads(json.dumps(pipeline.schemas._schema_file(table)))
        change(next(f for f in schema["fields"] if f["name"] == field))
        pipeline.schemas._schema_file.cache_clear()
        pipeline.schemas.table_schema.cache_clear()
        original = pipeline.schemas._schema_file.__wrapped__
        monkeypatch.setattr(pipeline.schemas, "_schema_file",
                            lambda name: schema if name == table else original(name))
    yield edit
    pipeline.schemas.table_schema.cache_clear()


def test_a_code_added_to_a_schema_only(edited_schema):
    edited_schema("actions", "status",
                  lambda f: f["categories"].append({"value": "paused", "label": "en pause"}))
    assert disagreements("actions", "status", PRODUCED["actions", "status"]()) == [
        "actions.status: no rule writes 'paused' and the schema does not list it in notExtracted"]


def test_a_code_no_rule_writes_is_marked_in_the_schema(edited_schema):
    def add(f):
        f["categories"].append({"value": "paused", "label": "en pause"})
        f[NOT_EXTRACTED] = ["paused"]
    edited_schema("actions", "status", add)
    assert disagreements("actions", "status", PRODUCED["actions", "status"]()) == []
    field = next(f for f in table_schema("actions")["fields"] if f["name"] == "status")
    assert NOT_EXTRACTED not in field and "paused" in field["constraints"]["enum"]


def test_a_marked_code_that_a_rule_writes(edited_schema):
    edited_schema("actions", "status", lambda f: f.update({NOT_EXTRACTED: ["ongoing"]}))
    assert disagreements("actions", "status", PRODUCED["actions", "status"]()) == [
        "actions.status: 'ongoing' is listed in notExtracted but a rule writes it"]


def test_a_code_added_to_the_rules_only(monkeypatch):
    monkeypatch.setitem(themes.KEYWORDS, "gastronomy", [r"\bcuisine"])
    themes._compiled.cache_clear()
    try:
        assert disagreements("action_themes", "theme", PRODUCED["action_themes", "theme"]()) == [
            "action_themes.theme: the rules write 'gastronomy', which the schema lacks"]
        with pytest.raises(PipelineError, match=r"action_themes\.theme codes that schemas/ lacks: gastronomy"):
            themes.themes("un atelier de cuisine")
    finally:
        themes._compiled.cache_clear()


def test_no_published_schema_carries_the_marker():
    for table, field in vocabularies():
        found = next(f for f in table_schema(table)["fields"] if f["name"] == field)
        assert NOT_EXTRACTED not in found
