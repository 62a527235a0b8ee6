"""Forms of text pages that round 20's edited pages brought (a chapter of an activity
report, an e-mail newsletter's text part): each test is a small page of the class, in
sentences of its own, not the round's page."""

from pathlib import Path

import pytest

from pipeline.dates import parse_label
from pipeline.narrative import event_in
from pipeline.parse import address_line, key_figures
from pipeline.places import split_heading
from pipeline.read import heading_like, outline_entry
from tests.corpus.score import records_of

REPORT = """\
COMMUNE DE SAINT-AUBIN
BILAN ANNUEL DES SERVICES 2024

PARTIE 3 – RELATIONS INTERNATIONALES

3.1 Le cadre

La commune est liée à Wolfach (Allemagne) et à Kita (Mali).

Repères 2024 : 2 partenaires – 40 000 € de subventions – 75 habitants partis.

3.2 Wolfach (Allemagne)

Le pacte d'amitié, signé en 1988, vit surtout par les écoles. Des classes de quatrième sont parties en Forêt-Noire de 2009 à 2013 ; la chorale municipale y a chanté en mai 2016.

Depuis 2019, un marché de Noël commun réunit les deux comités.

3.3 Kita (Mali)

Scellée en 2001, la coopération porte sur la santé : une maternité construite (2004-2006), puis un dispensaire rénové en 2015.

Les volontaires de 2022 ont formé les sages-femmes du cercle.
"""


def _write(tmp_path: Path, text: str) -> Path:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    return page


def _dated(data: dict[str, list[dict[str, object]]], name: str) -> list[tuple[object, object]]:
    partner = next(p["partner_id"] for p in data["partners"] if p["name"] == name)
    return sorted((a["start_year"], a["end_year"]) for a in data["actions"]  # type: ignore[type-var]
                  if a["partner_id"] == partner and a["start_year"] is not None)


@pytest.mark.parametrize(("line", "read"), [
    ("3.2 Wolfach (Allemagne)", "Wolfach (Allemagne)"),
    ("2.1.4 Kita (Mali)", "Kita (Mali)"),
    ("10.3 Bilan", "Bilan"),
    ("1.5 million d’euros ont été versés", "1.5 million d’euros ont été versés"),  # no capital: no number
    ("12.06 : réunion", "12.06 : réunion"),
])
def test_a_report_numbers_its_sections_without_a_last_dot(line: str, read: str) -> None:
    assert outline_entry(line) == read


@pytest.mark.parametrize(("line", "figures"), [
    ("Repères 2024 : 2 partenaires – 40 000 € de subventions – 75 habitants partis.", True),
    ("Chiffres clés : 3 villes · 120 jeunes accueillis · 8 séjours", True),
    ("L’essentiel en chiffres : près de 200 élèves ; 14 enseignants", True),
    ("Repères : la charte a été signée en 1988 à Wolfach.", False),  # a sentence, no figures
    ("2024 : 2 classes – 40 élèves – 3 professeurs", False),  # a dated entry, no title
])
def test_a_line_of_key_figures_is_furniture(line: str, figures: bool) -> None:
    assert key_figures(line) is figures


def test_a_report_chapter_reads_its_numbered_sections_and_their_prose(tmp_path: Path) -> None:
    data = records_of(_write(tmp_path, REPORT))
    assert sorted(p["name"] for p in data["partners"]) == ["Kita", "Wolfach"]
    years = {p["name"]: p["agreement_year"] for p in data["partners"]}
    assert years == {"Wolfach": 1988, "Kita": 2001}
    # each date of the sections' sentences is an event of its partner, not their paragraph
    assert (2009, 2013) in _dated(data, "Wolfach") and (2016, 2016) in _dated(data, "Wolfach")
    assert (2015, 2015) in _dated(data, "Kita") and (2022, 2022) in _dated(data, "Kita")
    # the key figures (a year in their title) are no event of the first partner
    assert not any(a["amount_eur"] == 40000 for a in data["actions"])


def test_sections_of_dated_entries_under_a_describing_paragraph_stay_as_they_are(tmp_path: Path) -> None:
    page = REPORT.replace(
        "Le pacte d'amitié, signé en 1988, vit surtout par les écoles. Des classes de quatrième sont "
        "parties en Forêt-Noire de 2009 à 2013 ; la chorale municipale y a chanté en mai 2016.",
        "Le pacte d'amitié a été signé en 1988.\n\n2009-2013 : classes de quatrième en Forêt-Noire.\n\n"
        "Mai 2016 : la chorale municipale chante à Wolfach.")
    data = records_of(_write(tmp_path, page))
    labels = {a["date_label"] for a in data["actions"]}
    assert {"2009-2013", "Mai 2016"} <= labels


@pytest.mark.parametrize(("label", "months"), [
    ("03-06/2017", (2017, 3, 2017, 6)),
    ("04-05.2018", (2018, 4, 2018, 5)),
    ("De 09-11/2021", (2021, 9, 2021, 11)),
])
def test_two_months_in_digits_share_the_year_written_once(label: str, months: tuple[int, ...]) -> None:
    period = parse_label(label)
    assert period is not None
    assert (period.start_year, period.start_month, period.end_year, period.end_month) == months


@pytest.mark.parametrize("label", ["06-03/2017", "00-05/2018"])  # backwards, no month
def test_two_months_in_digits_out_of_order_are_not_understood(label: str) -> None:
    assert parse_label(label) is None


@pytest.mark.parametrize(("heading", "place", "country"), [
    ("AUTRICHE · Mondsee – jumelage depuis 1978", "Mondsee", "AUTRICHE"),
    ("SÉNÉGAL · Podor – protocole d’accord depuis 2009", "Podor", "SÉNÉGAL"),
    ("Pologne – Zagórów, charte d’amitié signée en 1995", "Zagórów", "Pologne"),
    ("MAURITANIE · Camps de réfugiés maliens de Mbera", "Camps de réfugiés maliens de Mbera", "MAURITANIE"),
])
def test_a_newsletter_heading_writes_the_country_first_and_the_tie_after(
        heading: str, place: str, country: str) -> None:
    assert heading_like(heading)
    assert split_heading(heading) == (place, country)


def test_a_tie_after_a_dash_needs_a_word_of_a_tie() -> None:
    assert split_heading("Gao – Tombouctou 2019")[0] == "Gao – Tombouctou 2019"
    assert not heading_like("MALI · Séjour des jeunes de 2019")


LETTER = """\
LES NOUVELLES DU JUMELAGE
N° 3 – mars 2025
=======================

NOS PARTENAIRES
---------------

>> AUTRICHE · Mondsee – jumelage depuis 1978
- 2019 : échange de chorales entre les deux villes.
- 03-06/2021 : correspondance entre les écoles primaires.

>> MAURITANIE · Camps de réfugiés maliens de Mbera – partenariat depuis 2014
- 2016 : envoi de 300 kits scolaires.
- 04-05/2022 : mission de deux infirmières.
"""


def test_a_newsletter_text_part_reads_its_partners_and_their_months(tmp_path: Path) -> None:
    data = records_of(_write(tmp_path, LETTER))
    partners = {p["name"]: (p["country_code"], p["agreement_year"]) for p in data["partners"]}
    assert partners == {"Mondsee": ("AT", 1978), "Camps de réfugiés maliens de Mbera": ("MR", 2014)}
    months = {a["date_label"]: (a["start_month"], a["end_month"]) for a in data["actions"]}
    assert months["03-06/2021"] == (3, 6) and months["04-05/2022"] == (4, 5)


NEWS = """\
LES NOUVELLES DU JUMELAGE
N° 3 – mars 2025
=======================

À LA UNE
--------

* Sam. 08/02/2025 – Mondsee
Vingt lycéens autrichiens ont visité la mairie et le marché couvert.

* 2025-01-10 → 2025-01-24 – Mbera
Envoi de 300 kits scolaires par le comité de jumelage.

NOS PARTENAIRES
---------------

>> AUTRICHE · Mondsee – jumelage depuis 1978
- 2019 : échange de chorales entre les deux villes.

>> MAURITANIE · Camps de réfugiés maliens de Mbera – partenariat depuis 2014
- 2016 : envoi de 300 kits scolaires.
"""


def test_a_news_item_dated_and_placed_on_its_line_is_its_partners_entry(tmp_path: Path) -> None:
    data = records_of(_write(tmp_path, NEWS))
    assert sorted(p["name"] for p in data["partners"]) == ["Camps de réfugiés maliens de Mbera", "Mondsee"]
    by_label = {a["date_label"]: a for a in data["actions"]}
    item = by_label["Sam. 08/02/2025"]
    assert item["partner_id"] == "mondsee" and "Vingt lycéens autrichiens" in item["text"]
    assert (item["start_year"], item["start_month"]) == (2025, 2)
    assert by_label["2025-01-10 → 2025-01-24"]["partner_id"] == "camps-de-refugies-maliens-de-mbera"


def test_a_news_item_names_its_partner_by_its_country_too(tmp_path: Path) -> None:
    text = NEWS.replace("* Sam. 08/02/2025 – Mondsee", "* Sam. 08/02/2025 – Autriche")
    data = records_of(_write(tmp_path, text))
    item = next(a for a in data["actions"] if a["date_label"] == "Sam. 08/02/2025")
    assert item["partner_id"] == "mondsee" and "Vingt lycéens autrichiens" in item["text"]


@pytest.mark.parametrize(("line", "address"), [
    ("Mairie de Saint-Aubin – 2 place de la Halle – 35250 Saint-Aubin-d’Aubigné", True),
    ("Comité de jumelage · BP 12 · 61120 Vimoutiers Cedex", True),
    ("Service des relations internationales, 1 rue Haute, 94200 Ivry-sur-Seine.", True),
    ("Accueil des jeunes le 12 mai 2023 – 61120 Vimoutiers", False),  # a dated event
    ("61120 Vimoutiers", False),  # one piece: no line of an address
])
def test_a_postal_address_alone_on_its_line_is_a_contact_line(line: str, address: bool) -> None:
    assert address_line(line) is address


def test_a_newsletters_foot_with_its_address_is_no_entry(tmp_path: Path) -> None:
    text = NEWS + "\n------------------------\nMairie de Saint-Aubin – 2 place de la Halle – 35250 Saint-Aubin\n"
    data = records_of(_write(tmp_path, text))
    assert not any("place de la Halle" in a["text"] for a in data["actions"])


def test_the_towns_own_dates_in_the_agenda_are_no_partners_events(tmp_path: Path) -> None:
    text = NEWS + ("\nAGENDA\n------\n\n"
                   "* Jeu. 13/03/2025, 20 h – Conseil municipal (salle des fêtes).\n"
                   "* Sam. 05/04/2025 – Concert des lycéens de Mondsee à la médiathèque.\n")
    data = records_of(_write(tmp_path, text))
    labels = {a["date_label"]: a["partner_id"] for a in data["actions"]}
    assert "Jeu. 13/03/2025, 20 h" not in labels  # the council's meeting
    assert labels["Sam. 05/04/2025"] == "mondsee"


def test_an_agenda_under_its_partner_keeps_its_dates(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><main><h1>Nos jumelages</h1>"
                    "<h2>Mondsee (Autriche)</h2><p>2019 : échange de chorales.</p>"
                    "<h3>Agenda</h3><ul><li>Sam. 05/04/2025 : concert à la médiathèque.</li></ul>"
                    "<h2>Podor (Sénégal)</h2><p>2016 : envoi de kits scolaires.</p>"
                    "</main></body></html>", encoding="utf-8")
    data = records_of(page)
    labels = {a["date_label"]: a["partner_id"] for a in data["actions"]}
    assert labels["Sam. 05/04/2025"] == "mondsee"


@pytest.mark.parametrize(("sentence", "label"), [
    ("Les échanges scolaires, organisés chaque année depuis 2011, ont repris.", "chaque année depuis 2011"),
    ("La brocante solidaire, tenue chaque été depuis 2015 sur la place, a rapporté 900 €.",
     "chaque été depuis 2015"),
])
def test_an_action_that_comes_back_since_a_year_is_still_going_on(sentence: str, label: str) -> None:
    found = event_in(sentence, None)
    assert found is not None and found.label == label and found.resolved is None
    period = parse_label(found.label)
    assert period is not None and (period.start_year, period.is_ongoing) == (int(label[-4:]), True)


def test_a_reference_since_a_year_in_a_sentence_stays_no_event() -> None:
    assert event_in("La ville, jumelée depuis 1985 avec Wolfach, a reçu des élèves.", None) is None


def test_since_a_year_opening_a_sentence_that_says_how_often_is_an_action() -> None:
    found = event_in("Depuis 2017, l’association repeint chaque été la salle de classe.", None)
    assert found is not None and parse_label(found.label).is_ongoing  # type: ignore[union-attr]
    # a tie since a year, with nothing that comes back, dates no event
    assert event_in("Depuis 2017, l’association est présidée par Anne Roux.", None) is None
