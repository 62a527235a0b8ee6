"""The words around a place that say it is a partner (issue 21): a heading's lead-in
("Comité de jumelage X", "X, ville jumelle"), a fiche's keys ("Pays : ROUMANIE" names a
country, never a partner "Pays"), a twinning named by its two towns when one of them is the
page's own ("le jumelage A - <town>"), a dated headline's place ("– 2019 à X –").

Every page here is written for the test, in towns and words of no corpus page: each is one
member of the class the reader must read, read end to end (parse, extract, tables) with the
town file of its town."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.config import load, using
from pipeline.extract import extract
from pipeline.gate import PageText, weigh
from pipeline.load import read_bytes
from pipeline.parse import parse
from pipeline.places import load_locations, split_heading
from pipeline.read import heading_like
from pipeline.sources import REFERENCE_PLACES
from pipeline.tables import tables
from pipeline.text import slug

from .test_town import _one_page_town


def _partners(tmp_path: Path, town: str, short: str, page: str, suffix: str = ".txt") -> list[dict[str, Any]]:
    """The partners' rows of ``page`` read as ``town``'s (``short``: its short name)."""
    config = load(_one_page_town(tmp_path / slug(town), town, short, "99999", page, ""))
    path = tmp_path / f"page{suffix}"
    path.write_text(page, encoding="utf-8")
    with using(config):
        document = read_bytes(path.read_bytes(), path.name)
        return tables(extract(parse(document.blocks), load_locations(REFERENCE_PLACES)))["partners"]


def _names(rows: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return [(row["name"], row["country_code"]) for row in rows]


ENTRIES = "\n\n2014 : accueil de douze collégiens.\n\n2017 : concert de la chorale.\n"


@pytest.mark.parametrize(("heading", "place", "country"), [
    ("Comité de jumelage Tarnobrzeg", "Tarnobrzeg", None),
    ("Zagórów, ville jumelle", "Zagórów", None),
    ("Kalaban – commune partenaire", "Kalaban", None),
    ("Notre jumelage avec Ostrava-Poruba", "Ostrava-Poruba", None),
    ("Les amis de Kołbaskowo", "Kołbaskowo", "PL"),  # "ł": a letter Polish alone writes
    ("JUMELAGE AVEC BRADICESTI", "BRADICESTI", None),
    ("Jumelage Vernouillet – Isserteaux", "Isserteaux", None),
])
def test_a_title_whose_lead_in_names_a_tie_names_the_partner(tmp_path: Path, heading: str,
                                                              place: str, country: str | None) -> None:
    page = f"{heading}\n\nLe comité compte quarante membres.{ENTRIES}"
    assert _names(_partners(tmp_path, "Vernouillet-sur-Orge", "Vernouillet", page)) == [(place, country)]


def test_a_lead_in_is_evidence_a_heading_names_a_partner_and_a_lead_in_of_no_tie_is_none() -> None:
    page = PageText(["Le comité a quarante membres."])
    assert weigh("Comité de jumelage Tarnobrzeg", False, page).evidence == "lead-in"
    assert weigh("Zagórów, ville jumelle", False, page).evidence == "lead-in"
    assert weigh("Zoom sur Tarnobrzeg", False, page).evidence is None
    assert weigh("Comité de jumelage Assemblée générale", False, page).evidence is None
    assert split_heading("Zagórów (Pologne), ville jumelle") == ("Zagórów", "Pologne")


def test_headings_with_lead_ins_beside_others_are_each_a_partner(tmp_path: Path) -> None:
    page = ("Nos liens\n\nLa ville entretient trois liens.\n\n"
            "Comité de jumelage Tarnobrzeg\n\nFondé en 1994.\n\n2016 : accueil de la fanfare.\n\n"
            "Zagórów, ville jumelle\n\n2017 : échange scolaire.\n\n"
            "Jumelage avec Bradicesti\n\nPays : ROUMANIE\n\nZone : Europe\n\n2019 : envoi de livres.\n")
    assert _names(_partners(tmp_path, "Vernouillet-sur-Orge", "Vernouillet", page)) == [
        ("Tarnobrzeg", None), ("Zagórów", None), ("Bradicesti", "RO")]


def test_a_fiche_s_keys_are_no_partner_and_its_country_field_gives_the_country(tmp_path: Path) -> None:
    assert not heading_like("Pays : ROUMANIE")
    assert not heading_like("Domaines d'action : Culture, Santé")
    assert heading_like("Palestine : Jifna et Jalazone")  # a country before a colon: a heading
    assert heading_like("Partenariat : Kayes (Mali)")  # a rubric before a colon: a heading
    page = ("Coopération avec la commune de Kouniana\n\nPays: MALI\n\nZone: Afrique de l'Ouest\n\n"
            "Localisation: Kouniana, cercle de San\n\nAdresse: Mairie\n\n"
            "Domaines d'action: Eau, Éducation\n\nAnnée de début: 2003\n\n"
            "2003 : signature de la convention.\n\n2009 : construction de deux forages.\n")
    assert _names(_partners(tmp_path, "Saint-Amand-sur-Brenne", "Saint-Amand", page)) == [("Kouniana", "ML")]


@pytest.mark.parametrize(("town", "short", "page", "partner"), [
    ("Plouzévédé-sur-Mer", "Plouzévédé",
     "Une fête réussie\n\nSamedi, l'association pour le jumelage Isserteaux - Plouzévédé a réuni cent "
     "personnes.\n\nLes Auvergnats d'Isserteaux (Puy-de-Dôme) étaient venus en car.\n\n"
     "Le 12 mai 2018, une soirée avait réuni les adhérents.\n", ("Isserteaux", "FR")),
    ("Dourdanville", "Dourdanville",
     "Le comité Dourdanville/Great Baddow en assemblée\n\nLe comité s'est réuni le 3 mars 2022.\n",
     ("Great Baddow", None)),
    ("Villeneuve-Tolosane", "Villeneuve",
     "Vingt ans d'amitié\n\nLes habitants de Kraśnik sont venus fêter le 20e anniversaire du jumelage "
     "avec Villeneuve-Tolosane le 14 juillet 2015.\n\nUn concert a clôturé la journée.\n",
     ("Kraśnik", None)),
    ("Méricourt-sur-Somme", "Méricourt",
     "Retour sur la fête\n\nEn juin 2019, la fête de Świdnik a réuni les délégations des villes "
     "jumelées dont Méricourt-sur-Somme.\n\nNos élus ont assisté au défilé.\n", ("Świdnik", None)),
])
def test_a_twinning_named_by_its_two_towns_names_the_other_one(tmp_path: Path, town: str, short: str,
                                                              page: str, partner: tuple[str, str | None]) -> None:
    rows = _partners(tmp_path, town, short, page)
    assert [(r["name"], r["country_code"] if partner[1] else None) for r in rows] == [partner]


def test_a_fiche_in_html_its_keys_in_bold_or_in_a_definition_list(tmp_path: Path) -> None:
    """"• <b>Pays :</b> NIGER" is no list of partners; "<dt>Pays</dt><dd>NIGER</dd>" is no
    heading "Pays" with its country below."""
    page = ("<html><body><main><h1>Partenariat avec Tessaoua</h1><dl><dt>Pays</dt><dd>NIGER</dd>"
            "<dt>Zone</dt><dd>Afrique</dd><dt>Adresse</dt><dd>Mairie</dd></dl>"
            "<p>2012 : mission d'élus.</p></main></body></html>")
    config = load(_one_page_town(tmp_path / "t", "Saint-Amand-sur-Brenne", "Saint-Amand", "99999", "", ""))
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    with using(config):
        document = read_bytes(path.read_bytes(), path.name)
        rows = tables(extract(parse(document.blocks), load_locations(REFERENCE_PLACES)))["partners"]
    assert _names(rows) == [("Tessaoua", "NE")]
    page = ("<html><body><main><h1>Coopération avec la commune de Ouahigouya-Rural</h1><ul>"
            "<li><strong>Pays :</strong> BURKINA FASO</li><li><strong>Zone :</strong> Afrique</li>"
            "<li><strong>Année de début :</strong> 1998</li></ul>"
            "<p>2004 : construction d'une maternité.</p></main></body></html>")
    path.write_text(page, encoding="utf-8")
    with using(config):
        document = read_bytes(path.read_bytes(), path.name)
        rows = tables(extract(parse(document.blocks), load_locations(REFERENCE_PLACES)))["partners"]
    assert _names(rows) == [("Ouahigouya-Rural", "BF")]


def test_a_heading_of_no_place_is_no_partner_for_the_entries_below_it(tmp_path: Path) -> None:
    page = ("<html><body><main><h1>Nos jumelages</h1><p>La commune est jumelée avec deux villes.</p>"
            "<h2>Comité de jumelage Wiesloch</h2><p>2010 : voyage des aînés.</p>"
            "<h2>Zoom sur la Fête des Voisins</h2><p>2013 : repas de quartier.</p></main></body></html>")
    rows = _partners(tmp_path, "Vernouillet-sur-Orge", "Vernouillet", page, ".html")
    assert _names(rows) == [("Wiesloch", None)]


def test_a_fiche_without_a_partner_heading_names_its_partner_in_its_place_field(tmp_path: Path) -> None:
    page = ("Fiche projet\n\nPays: BURKINA FASO\n\nZone: Afrique de l'Ouest\n\n"
            "Localisation: Tanghin-Dassouri, province du Kadiogo\n\nThématiques: Eau, Éducation\n\n"
            "Le partenariat de coopération porte sur l'accès à l'eau depuis 2006.\n")
    assert _names(_partners(tmp_path, "Saint-Amand-sur-Brenne", "Saint-Amand", page)) == [
        ("Tanghin-Dassouri", "BF")]


def test_the_place_of_dated_headlines_on_a_page_of_twinning(tmp_path: Path) -> None:
    page = ("Jumelage\n\n– 2019 à Lipnica –\n\nTrente habitants ont pris le car.\n\n"
            "– 2021 à Vernouillet –\n\nNos amis sont venus pour la fête.\n\n"
            "– 2023 à Lipnica –\n\nLe comité a planté un arbre.\n")
    assert [r["name"] for r in _partners(tmp_path, "Vernouillet-sur-Orge", "Vernouillet", page)] == ["Lipnica"]


def test_an_identifier_spells_a_stroked_letter_out() -> None:
    assert slug("Łuków") == "lukow"
    assert slug("Kołbaskowo") == "kolbaskowo"


@pytest.mark.parametrize(("heading", "expected"), [
    # a noun before the lead-in, elided and linked by "sur": a section of minutes or a report
    ("Point d'étape sur la coopération avec Sokolo (Mali)", ("Sokolo", "Mali")),
    ("Retour sur le jumelage avec Pfaffenhofen (Allemagne)", ("Pfaffenhofen", "Allemagne")),
    ("Bilan d’étape sur le partenariat avec Tessaoua (Niger)", ("Tessaoua", "Niger")),
    # what the town does with its partner, in the plural, before the place
    ("Les projets avec Koulikoro (Mali), selon le site de la mairie", ("Koulikoro", "Mali")),
    ("Nos actions avec Bethléem (Palestine)", ("Bethléem", "Palestine")),
    ("Les réalisations avec Ziguinchor (Sénégal)", ("Ziguinchor", "Sénégal")),
])
def test_a_record_s_section_names_its_partner_after_its_lead_in(heading: str,
                                                                 expected: tuple[str, str]) -> None:
    assert split_heading(heading) == expected


@pytest.mark.parametrize(("heading", "expected"), [
    # an appendix's number, the place, what the appendix holds, a note in brackets
    ("Annexe B – Sokolo : actions menées (rappel)", ("Sokolo", None)),
    ("ANNEXE 3 – Tessaoua : historique", ("Tessaoua", None)),
    ("Koulikoro (Mali) (suite)", ("Koulikoro", "Mali")),
    ("Pfaffenhofen : projets", ("Pfaffenhofen", None)),
    # a subtitle of the place's story stays the heading's
    ("Cacheu (Guinée-Bissau) : la mer en partage", ("Cacheu", "Guinée-Bissau")),
])
def test_a_heading_s_division_part_and_note_are_no_part_of_its_place(
        heading: str, expected: tuple[str, str | None]) -> None:
    assert split_heading(heading) == expected


def test_an_appendix_that_names_a_place_heads_its_section() -> None:
    from pipeline.read import other_heading

    assert not other_heading("Annexe C – Sokolo : actions menées")
    assert heading_like("Annexe C – Sokolo : actions menées (pour mémoire)")
    assert other_heading("Annexe 1 – Liens utiles") and other_heading("Annexes")
    assert other_heading("Annexe 3 – Arrêté 2031-ARR-7 – page 2")
