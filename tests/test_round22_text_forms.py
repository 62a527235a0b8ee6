"""Forms of text pages that round 22's edited pages brought (a press release whose
prose rounds up the year's events before an annex listing every partner's actions, its
headline wrapped over two lines in capitals): each test is a small page of the class, in
sentences of its own, not the round's page."""

from pathlib import Path

from pipeline.read import text_blocks
from tests.corpus.score import records_of

RELEASE = """\
COMMUNIQUÉ
Saint-Aubin, le lundi 3 mars 2025

LA COMMUNE DRESSE LE BILAN DE SES PARTENARIATS ET
PRÉSENTE SON PROGRAMME POUR L'ANNÉE

Réuni le 12 février dernier, le conseil municipal a voté le budget des relations internationales.

Avec Wolfach, l'année 2024 a marqué les 30 ans du pacte. Trente choristes de la commune ont chanté en Forêt-Noire du 9 au 12 mai 2024 ; en octobre 2024, douze lycéens allemands ont été reçus dans les familles.

À Kita, un forage a été creusé au printemps 2024 grâce à une subvention de huit mille euros. Entre janvier et mars 2025, deux infirmières du centre de santé se rendront sur place pour une formation.

« Ces amitiés nous obligent », a rappelé le maire.

RAPPEL DES ACTIONS

ALLEMAGNE – Wolfach (pacte d'amitié signé en 1994)

• 2010-2012 – Échanges de classes de quatrième.
• Mai 2016 – Concert commun des deux chorales.

MALI – Kita, région de Kayes (accord de coopération signé en 2001)

• 2004-2006 – Construction d'une maternité.
• 2015 – Rénovation du dispensaire.
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_press_releases_round_up_gives_each_partner_the_events_it_names(tmp_path: Path) -> None:
    data = records_of(_write(tmp_path, RELEASE))
    assert [(p["name"], p["agreement_year"]) for p in data["partners"]] == [("Wolfach", 1994), ("Kita", 2001)]
    by = {(a["partner_id"], a["date_label"]): a for a in data["actions"]}
    assert {
        ("wolfach", "du 9 au 12 mai 2024"), ("wolfach", "en octobre 2024"),
        ("wolfach", "2010-2012"), ("wolfach", "Mai 2016"),
        ("kita", "au printemps 2024"), ("kita", "Entre janvier et mars 2025"),
        ("kita", "2004-2006"), ("kita", "2015"),
    } <= set(by)
    assert by[("wolfach", "du 9 au 12 mai 2024")]["participants"] == 30
    assert by[("kita", "au printemps 2024")]["amount_eur"] == 8000
    # the council's vote and the dateline are no partner's action
    assert not any("conseil municipal" in a["text"] for a in data["actions"])


def test_a_headline_in_capitals_wrapped_over_two_lines_is_one_title_not_a_partner() -> None:
    blocks = text_blocks(RELEASE)
    assert not any(b.kind == "heading" and b.text.startswith("PRÉSENTE") for b in blocks)
    assert any(b.text == "LA COMMUNE DRESSE LE BILAN DE SES PARTENARIATS ET PRÉSENTE SON PROGRAMME POUR L'ANNÉE"
               for b in blocks)


def test_the_documents_own_making_date_at_its_foot_is_no_action(tmp_path: Path) -> None:
    page = ("Nos jumelages\n\nWolfach (Allemagne)\n\n2016 : concert commun des deux chorales.\n\n"
            "2019 : échange de classes de quatrième.\n\n"
            "Document établi le 12/01/2025 – diffusion libre\n")
    data = records_of(_write(tmp_path, page))
    assert [a["date_label"] for a in data["actions"]] == ["2016", "2019"]


def test_what_follows_a_press_releases_end_mark_is_no_partners_text(tmp_path: Path) -> None:
    for mark in ("###", "- FIN -", "-30-"):
        page = ("Nos jumelages\n\nWolfach (Allemagne)\n\n2016 : concert commun des deux chorales.\n\n"
                f"{mark}\n\nÀ propos\nSaint-Aubin, 12 000 habitants, est jumelée depuis 1994.\n"
                "Contact presse : service communication.\n")
        data = records_of(_write(tmp_path, page))
        assert [a["text"] for a in data["actions"]] == ["2016 : concert commun des deux chorales."], mark


def test_a_headline_wrapped_before_its_conjunction_is_one_title_not_a_partner(tmp_path: Path) -> None:
    headline = "SOLIDARITÉ : LA COMMUNE DRESSE LE BILAN DE SES JUMELAGES\nET COOPÉRATIONS AVEC SES PARTENAIRES"
    page = RELEASE.replace("LA COMMUNE DRESSE LE BILAN DE SES PARTENARIATS ET\nPRÉSENTE SON PROGRAMME POUR L'ANNÉE",
                           headline)
    blocks = text_blocks(page)
    assert not any(b.kind == "heading" and b.text.startswith("ET ") for b in blocks)
    assert any(b.text == headline.replace("\n", " ") for b in blocks)
    assert [p["name"] for p in records_of(_write(tmp_path, page))["partners"]] == ["Wolfach", "Kita"]
