"""Every line number of organisations, people and programmes points at the line that holds
the name: checked against the page's text (``Document.text``, which a release ships as
``output/source/<stem>.txt``), for the text snapshot and its HTML renderings."""

import pytest

from pipeline.extract import extract
from pipeline.parse import parse
from pipeline.load import read, read_bytes
from pipeline.read import lines

from .conftest import SNAPSHOT, records_of
from .html_pages import CMS_LAYOUTS, UNTITLED, render

REGISTRIES = {"organisations": "organisation_id", "programmes": "programme_id", "people": "person_id"}
# link table -> the registry whose names its rows point at
LINKS = {"action_organisations": "organisations", "partner_organisations": "organisations",
         "action_programmes": "programmes", "partner_programmes": "programmes",
         "action_people": "people", "partner_people": "people"}


def spellings(row) -> list[str]:
    return [row["name"], *(row.get("name_variants") or "").split(" | ")] if row.get(
        "name_variants") else [row["name"]]


def misplaced(text: str, records) -> list[tuple[str, dict]]:
    """The rows whose ``source_line`` holds none of the thing's spellings (case aside)."""
    page = lines(text)
    names = {table: {row[key]: spellings(row) for row in records[table]}
             for table, key in REGISTRIES.items()}

    def holds(line: int, spelt: list[str]) -> bool:
        return 1 <= line <= len(page) and any(s.casefold() in page[line - 1].casefold() for s in spelt)

    wrong = [(table, row) for table, key in REGISTRIES.items() for row in records[table]
             if not holds(row["source_line"], names[table][row[key]])]
    wrong += [(table, row) for table, registry in LINKS.items() for row in records[table]
              if not holds(row["source_line"], names[registry][row[REGISTRIES[registry]]])]
    return wrong


def test_every_line_of_the_snapshot_holds_the_name():
    document = read(SNAPSHOT)
    records = extract(parse(document.blocks))
    assert all(records[t] for t in REGISTRIES)
    assert misplaced(document.text, records) == []


@pytest.mark.parametrize("layout, entries", [
    *((layout, "p") for layout in (*CMS_LAYOUTS, UNTITLED)),
    (CMS_LAYOUTS[0], "li"), (CMS_LAYOUTS[0], "br"),
], ids=lambda x: getattr(x, "name", x))
def test_every_line_of_an_html_page_holds_the_name(page_text, layout, entries):
    document = read_bytes(render(page_text, entries=entries, layout=layout).encode(), "page.html")
    records = extract(parse(document.blocks))
    assert len(records["organisations"]) == 22
    assert misplaced(document.text, records) == []


def test_the_lines_the_entry_start_used_to_give(records):
    """Names on a later line of their entry, or first named in a partner's description."""
    first = {o["organisation_id"]: o["source_line"] for o in records["organisations"]}
    # line 104 starts the entry; its continuation paragraph (106) names the association
    assert first["camion-citerne"] == 106
    # the bullet list of the entry of line 90 names it on line 95
    assert first["direction-des-sports"] == 95
    # Dianguirdé's description (38) names it before the actions of lines 40 and 54
    assert first["comite-de-jumelage"] == 38
    assert records["partner_organisations"] == [
        {"partner_id": "dianguirde", "organisation_id": "comite-de-jumelage", "source_line": 38}]
    linked = {(link["action_id"], link["source_line"]) for link in records["action_organisations"]
              if link["organisation_id"] in {"comite-de-jumelage", "centre-municipal-de-sante"}}
    assert linked == {("dianguirde-2006-2008", 40), ("dianguirde-depuis-2018", 54),
                      ("dianguirde-2022-2024", 58),
                      ("camps-de-refugies-sahraouis-de-tindouf-depuis-2008", 106)}
    assert records["partner_people"] == [] and records["partner_programmes"] == []


# A page written for this test: names in a description, a continuation paragraph and a list.
INVENTED = """Jumelages et coopérations

Notre ville mène des projets de solidarité avec :

  • La ville de Tamba (Sénégal)

Tamba (Sénégal)

Les premiers échanges datent de 1995, à l’initiative de l’association Jeunesse et Partage. Le festival « Tamba en musique » est né de ce lien.

2015 : accueil de six jeunes musicien·nes de Tamba pendant deux semaines.

Ce séjour a été préparé avec la Fondation Baobab, puis avec Jeunesse et Partage, et présidé par Awa Diop, maire de Tamba.
• un concert au Conservatoire Léo Delibes.
• une visite de la mairie.

2018 : deuxième édition du festival « Tamba en musique ».
"""


def test_names_found_on_later_lines_and_in_descriptions():
    records = records_of(INVENTED)
    assert misplaced(INVENTED, records) == []
    first = {r["name"]: r["source_line"]
             for table in REGISTRIES for r in records[table]}
    assert first == {"Jeunesse et Partage": 9, "Tamba en musique": 9, "Fondation Baobab": 13,
                     "Awa Diop": 13, "Conservatoire Léo Delibes": 14}
    assert records["partner_organisations"] == [
        {"partner_id": "tamba", "organisation_id": "jeunesse-et-partage", "source_line": 9}]
    assert records["partner_programmes"] == [
        {"partner_id": "tamba", "programme_id": "tamba-en-musique", "source_line": 9}]
    assert records["action_organisations"] == [
        {"action_id": "tamba-2015", "organisation_id": "fondation-baobab", "source_line": 13},
        {"action_id": "tamba-2015", "organisation_id": "conservatoire-leo-delibes", "source_line": 14},
        {"action_id": "tamba-2015", "organisation_id": "jeunesse-et-partage", "source_line": 13}]
    assert records["action_people"] == [
        {"action_id": "tamba-2015", "person_id": "awa-diop", "role": "delegation_head", "source_line": 13}]
    assert records["action_programmes"] == [
        {"action_id": "tamba-2018", "programme_id": "tamba-en-musique", "source_line": 17}]
