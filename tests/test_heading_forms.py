"""Partner headings in the forms web editors write them: a pictogram before the name, the
country before or after it with a dash or a colon instead of brackets, a rubric before a
colon, a comment after the brackets, and headings that group sections by part of the
world. Each row rewrites one heading of the real page (or adds group headings) and the
page must give the same partners, with the same countries and the same action ids."""

import pytest

from .conftest import SNAPSHOT, records_of


def page_text():
    return SNAPSHOT.read_text(encoding="utf-8")

# (id, the heading as the page writes it, how the edit writes it)
FORMS = [
    ("pin before", "Dianguirdé (Mali)", "📍 Dianguirdé (Mali)"),
    ("flag before", "La Lisa (Cuba)", "🇨🇺 La Lisa (Cuba)"),
    ("star after", "Jérusalem-Est (Palestine)", "Jérusalem-Est (Palestine) ⭐"),
    ("country first, dash", "Dianguirdé (Mali)", "Mali – Dianguirdé"),
    ("country first, colon", "La Lisa (Cuba)", "Cuba : La Lisa"),
    ("country after, dash", "Dianguirdé (Mali)", "Dianguirdé - Mali"),
    ("comment after brackets", "La Lisa (Cuba)", "La Lisa (Cuba) – jumelée depuis 1997"),
    ("rubric before a colon", "Jérusalem-Est (Palestine)", "Partenariat : Jérusalem-Est (Palestine)"),
    ("capitals, a colon at the end", "Dianguirdé (Mali)", "🇲🇱 MALI — Dianguirdé :"),
    ("country after a comma", "La Lisa (Cuba)", "La Lisa, Cuba"),
    # the place's region after a comma, a region the country table files under that
    # country, and a comment in brackets
    ("country first, its region after a comma", "La commune de Jifna et le camp de Jalazone en Cisjordanie (Palestine)",
     "PALESTINE – Jifna et le camp de Jalazone, Cisjordanie (coopération depuis 2012)"),
    ("country first, its region after a comma, no brackets",
     "La commune de Jifna et le camp de Jalazone en Cisjordanie (Palestine)",
     "Palestine : la commune de Jifna et le camp de Jalazone, Cisjordanie"),
]


def _summary(records):
    return ([(p["partner_id"], p["country_code"]) for p in records["partners"]],
            sorted((a["partner_id"], a["action_id"]) for a in records["actions"]))


@pytest.fixture(scope="module")
def unedited():
    return _summary(records_of(page_text()))


@pytest.mark.parametrize("name, heading, edited", FORMS, ids=[f[0] for f in FORMS])
def test_a_heading_written_another_way_keeps_its_partner_and_ids(unedited, name, heading, edited):
    text = page_text()
    assert f"\n{heading}\n" in text
    assert _summary(records_of(text.replace(f"\n{heading}\n", f"\n{edited}\n", 1))) == unedited


def test_headings_grouping_sections_by_part_of_the_world_are_no_partners(unedited):
    text = page_text()
    for heading, group in (("Dianguirdé (Mali)", "Afrique"), ("Jérusalem-Est (Palestine)", "Moyen-Orient"),
                           ("La Lisa (Cuba)", "🌎 Amérique latine")):
        text = text.replace(f"\n{heading}\n", f"\n{group}\n\n{heading}\n", 1)
    assert _summary(records_of(text)) == unedited


def test_a_new_partner_in_a_new_heading_form_is_a_partner_of_its_own(unedited):
    text = page_text().replace("\nLa Lisa (Cuba)\n",
                               "\nNouveau partenariat : Mahajanga (Madagascar)\n\n"
                               "2025 : accueil d'une délégation de la commune.\n\nLa Lisa (Cuba)\n", 1)
    records = records_of(text)
    partners, actions = _summary(records)
    assert ("mahajanga", "MG") in partners
    (new,) = [p for p in records["partners"] if p["partner_id"] == "mahajanga"]
    # no reference place: said plainly, not left empty
    assert (new["latitude"], new["location_source"]) == (None, "aucune position trouvée dans les sources consultées")
    assert [a for p, a in actions if p == "mahajanga"] == ["mahajanga-2025"]
    assert [a for a in actions if a[0] != "mahajanga"] == unedited[1]


@pytest.mark.parametrize("heading, year", [
    ("MALI – Kita, région de Kayes (protocole d’accord de 2005)", 2005),
    ("ALLEMAGNE – Cottbus (jumelage signé en 1974)", 1974),
    ("Naplouse, Cisjordanie (Palestine) (accord de coopération de 2011)", 2011),
    ("Cottbus (Allemagne)", None),
])
def test_the_act_and_year_in_a_headings_brackets_are_the_ties(heading, year):
    """A heading's last brackets that name the act sealing the tie and its year give the
    partner's agreement year when no sentence of the section does."""
    page = (f"Nos partenaires\n\n{heading}\n\n2016 : visite de six élus de la commune.\n\n"
            "2019 : envoi de livres à la bibliothèque.\n")
    partners = records_of(page)["partners"]
    assert [p["agreement_year"] for p in partners] == [year]
