"""Helper ed2's classes, in pages of our own: a partner's heading that says its country
continues the partner above when its name is that partner's in a close spelling, word by
word (a spreadsheet's presentation rows writing "Hamburg" below rows of "Hambourg")."""

from pathlib import Path

from tests.corpus.score import records_of

SHEET = """Ville de Montreuil-Bellay – Service des jumelages;;;;
Partenaire;Pays;Période;Action;Statut
Hambourg-sur-l'Elbe;Allemagne;2015;accueil de douze collégien·nes allemand·es pour une semaine de découvertes.;Réalisé
;;2019;échange de chorales entre les deux villes, avec un concert commun à la salle des fêtes.;Réalisé
Ouagadougou;Burkina Faso;2018;envoi de matériel scolaire pour trois écoles du quartier de Gounghin.;Réalisé
;;;;
Présentation des partenaires;;;;
Hamburg-sur-l'Elbe (Allemagne);;;Jumelée depuis 1978, la ville accueille chaque été de jeunes montreuillais·es.;
Ouagadougou (Burkina Faso);;;Capitale du Burkina Faso, partenaire depuis 1995.;
"""


def _names(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return [str(p["name"]) for p in records_of(path)["partners"]]


def test_a_heading_with_its_country_in_a_close_spelling_continues_the_partner(tmp_path: Path) -> None:
    names = _names(tmp_path, SHEET)
    assert len(names) == 2, names
    assert names[0].startswith("Hambourg") and names[1].startswith("Ouagadougou")


def test_a_short_word_differing_is_another_partner(tmp_path: Path) -> None:
    sheet = SHEET.replace("Hambourg-sur-l'Elbe", "Saint-Denis").replace("Hamburg-sur-l'Elbe", "Saint-Genis")
    names = _names(tmp_path, sheet)
    assert any(n.startswith("Saint-Denis") for n in names) and any(n.startswith("Saint-Genis") for n in names)


MINUTES = """COMMUNE DE VILLENEUVE-SUR-LOT

PROCÈS-VERBAL DU CONSEIL MUNICIPAL DU 14 MARS 2025

3. COOPÉRATION DÉCENTRALISÉE – KAYES (MALI) – AIDE D’URGENCE AU COMITÉ DE JUMELAGE

Considérant les inondations survenues à Kayes en août 2024, le Conseil accorde une aide
d’urgence de 5 000 € au comité de jumelage pour la réfection de deux écoles.

VOTE : adopté à l’unanimité.

4. COOPÉRATION DÉCENTRALISÉE – TÜBINGEN (ALLEMAGNE) – ÉCHANGE SCOLAIRE

Le Conseil approuve l’échange de trente collégien·nes avec Tübingen du 12 au 19 mai 2025.

VOTE : adopté à l’unanimité.
"""


def test_an_agenda_rubric_shared_by_headings_is_no_partner(tmp_path: Path) -> None:
    path = tmp_path / "pv.txt"
    path.write_text(MINUTES, encoding="utf-8")
    records = records_of(path)
    names = [str(p["name"]).lower() for p in records["partners"]]
    assert names == ["kayes", "tübingen"], names


REPORT = """RAPPORT ANNUEL DES JUMELAGES

Kayes (Mali)

a) Historique
   •  Forage d’un puits au marché (2016)
   •  Accueil de musiciens maliens (mai 2019)

b) Temps forts 2025
   •  Chantier solidaire de jeunes à Kayes (7-18 juillet)
   •  Envoi de matériel médical au centre de santé (juillet-août)
"""


def test_items_dated_without_year_take_the_year_of_their_lead_line(tmp_path: Path) -> None:
    path = tmp_path / "rapport.txt"
    path.write_text(REPORT, encoding="utf-8")
    acts = [(a["date_label"], a["start_year"], a["start_month"], a["end_month"]) for a in records_of(path)["actions"]]
    assert ("7-18 juillet", 2025, 7, 7) in acts, acts
    assert ("juillet-août", 2025, 7, 8) in acts, acts
    assert not any(label == "2025" for label, *_ in acts), acts  # the lead line dates no action of its own
