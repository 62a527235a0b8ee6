"""Forms of pages that round 20's edited pages brought (a CMS's by-line above the article,
fuzzy dates, pictograms read through a legend, one table per partner with cut words):
each test is a small page of the class, in sentences of its own, not the round's page."""

from pathlib import Path

import pytest

from pipeline.parse import is_furniture
from tests.corpus.score import records_of

HEAD = "<html><body><main><h1>Nos jumelages</h1>"
TAIL = "</main></body></html>"


def _records(tmp_path: Path, body: str) -> dict[str, list[dict[str, object]]]:
    page = tmp_path / "page.html"
    page.write_text(HEAD + body + TAIL, encoding="utf-8")
    return records_of(page)


@pytest.mark.parametrize("line", [
    "par admin — Dernière modification 14/11/2023 09:15 — Historique",
    "Rédigé par le service des relations internationales · Publié le 2 mai 2022",
    "Par Claire Dubois | Mis à jour le 7 janvier 2025 | Voir l’historique",
    "Auteur : Direction de la communication – Dernière modification : 12/12/2024",
    "par jdupont — 21/09/2023 16:05 — Historique",  # the date alone beside its author
])
def test_a_cms_by_line_with_its_author_and_its_date_is_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "2016 — visite par le maire de Wolfach — accueil de dix jeunes",
    "Par la suite — en 2019 — la chorale est venue à son tour",
    "Par la Ville — 2019 : accueil de six jeunes",  # an entry after the words of an author
])
def test_an_entry_with_dashes_is_no_by_line(line: str) -> None:
    assert not is_furniture(line)


def test_a_by_line_above_the_first_partner_is_no_lost_entry(tmp_path: Path) -> None:
    data = _records(tmp_path, (
        "<div class='byline'>par redaction — Dernière modification 05/06/2023 17:20 — "
        "<a href='#h'>Historique</a></div>"
        "<h2>Wolfach (Allemagne)</h2><p><b>2018 :</b> accueil de douze collégiens.</p>"
        "<p><b>2021 :</b> concert commun des deux harmonies.</p>"))
    assert [p["name"] for p in data["partners"]] == ["Wolfach"]
    assert sorted(a["start_year"] for a in data["actions"]) == [2018, 2021]  # type: ignore[type-var]


LEGEND_PAGE = (
    "<p>Légende : <span aria-hidden='true'>✔</span> terminé · <span>⏳</span> en cours · "
    "<span>⏸</span> reporté · <span>✖</span> annulé</p>"
    "<h2>Wolfach (Allemagne)</h2><ul>"
    "<li><span class='ico' aria-hidden='true'>✔</span> <strong>2017</strong> — échange de classes de "
    "troisième.</li>"
    "<li><span class='ico' aria-hidden='true'>⏸</span> <strong>Printemps 2025</strong> — tournée de "
    "l’harmonie municipale.</li>"
    "<li><span class='ico' aria-hidden='true'>✖</span> <strong>Mars 2021</strong> — voyage des "
    "anciens combattants.</li>"
    "<li><span class='ico' aria-hidden='true'>⏳</span> <strong>Depuis 2019</strong> — correspondance "
    "entre deux écoles.</li></ul>")


def test_pictograms_read_through_the_pages_legend_give_the_status(tmp_path: Path) -> None:
    data = _records(tmp_path, LEGEND_PAGE)
    got = {a["start_year"]: a["status"] for a in data["actions"]}
    assert got == {2017: None, 2025: "postponed", 2021: "cancelled", 2019: "ongoing"}
    labels = sorted(str(a["date_label"]) for a in data["actions"])
    assert labels == ["2017", "Depuis 2019", "Mars 2021", "Printemps 2025"]


def test_a_legend_in_a_text_page_and_a_pictogram_at_the_entrys_end(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Nos jumelages\n\nSymboles : 🟢 = achevé ; 🔴 = abandonné\n\n"
                    "Wolfach (Allemagne)\n\n2012 : jardin partagé entre les deux villes 🔴\n\n"
                    "2015 : fresque peinte par des lycéens 🟢\n", encoding="utf-8")
    data = records_of(page)
    assert {a["start_year"]: a["status"] for a in data["actions"]} == {2012: "abandoned", 2015: None}


def test_a_symbol_no_legend_explains_is_left_as_written(tmp_path: Path) -> None:
    data = _records(tmp_path, "<h2>Wolfach (Allemagne)</h2><p><b>2016 :</b> concours de dessin ✖ "
                    "entre les écoles.</p><p><b>2018 :</b> visite des élus.</p>")
    text = next(str(a["text"]) for a in data["actions"] if a["start_year"] == 2016)
    assert "✖" in text and all(a["status"] is None for a in data["actions"])


def _partners(data: dict[str, list[dict[str, object]]]) -> dict[object, object]:
    return {p["name"]: p["country_code"] for p in data["partners"]}


def test_headings_that_name_their_partner_by_a_lead_in_and_the_tie_below(tmp_path: Path) -> None:
    """Sections headed by a people or a country said by a periphrasis, the place named in
    the sentence below that tells the tie ("Charte signée avec …"), or where it lies."""
    data = _records(tmp_path, (
        "<h2>Avec nos voisin·es d’outre-Manche</h2>"
        "<p>Charte d’amitié signée en 1988 avec Dorchester, dans le Dorset.</p>"
        "<ul><li><b>2010</b> — échange de chorales.</li><li><b>2014</b> — marathon commun.</li></ul>"
        "<h2>Aux côtés de nos partenaires burkinabè</h2>"
        "<p>Convention de coopération conclue en 2001 avec la commune rurale de Koudougou.</p>"
        "<ul><li><b>2012</b> — construction d’un dispensaire.</li></ul>"
        "<h2>Pour le peuple sahraoui</h2>"
        "<p>Le camp d’Aousserd, dans le sud-ouest de l’Algérie.</p>"
        "<ul><li><b>2016</b> — envoi de fournitures scolaires.</li></ul>"
        "<h2>Avec Tomar, de l’autre côté des Pyrénées</h2>"
        "<p>Jumelage signé en 1994 avec cette ville du Portugal.</p>"
        "<ul><li><b>2018</b> — festival de musique populaire.</li></ul>"))
    assert _partners(data) == {"Dorchester": "GB", "Koudougou": "BF", "Aousserd": "DZ", "Tomar": "PT"}
    years = {p["name"]: sorted(a["start_year"] for a in data["actions"]  # type: ignore[type-var]
                               if a["partner_id"] == p["partner_id"]) for p in data["partners"]}
    assert years == {"Dorchester": [2010, 2014], "Koudougou": [2012], "Aousserd": [2016], "Tomar": [2018]}


def test_a_cause_heading_over_sub_headings_of_places_groups_them(tmp_path: Path) -> None:
    """"Solidarité avec la Palestine" over "À Naplouse" and "À Hébron et dans le camp
    d’Al-Fawwar": two partners, each heading its dated entries."""
    data = _records(tmp_path, (
        "<h2>Wolfach (Allemagne)</h2><p><b>2011 :</b> séjour de collégiens.</p>"
        "<h2>Solidarité avec la Palestine</h2>"
        "<h3>À Hébron et dans le camp d’Al-Fawwar</h3>"
        "<p><b>2013 :</b> atelier de céramique.</p><p><b>2017 :</b> envoi de livres.</p>"
        "<h3>À Naplouse</h3><p><b>2019 :</b> tournoi de football.</p>"))
    assert _partners(data) == {"Wolfach": "DE", "Hébron et Al-Fawwar": "PS", "Naplouse": "PS"}


@pytest.mark.parametrize(("heading", "name"), [
    ("Avec Tomar, de l’autre côté des Pyrénées", "Tomar"),
    ("Wolfach, au cœur de la Forêt-Noire", "Wolfach"),
    ("À Jérusalem-Est", "Jérusalem-Est"),
])
def test_a_heading_places_its_partner_after_a_preposition_or_before_where_it_lies(heading: str, name: str) -> None:
    from pipeline.places import place_name, split_heading

    assert place_name(split_heading(heading)[0]) == name


@pytest.mark.parametrize("heading", [
    "Algérie – Camps de réfugiés sahraouis de Smara",
    "Palestine — Naplouse et camp de Balata",
    "Mali - commune rurale de Kita",
    "Algérie : Camps de réfugiés sahraouis de Smara",  # a colon, a slash
    "Palestine / Naplouse et camp de Balata",
    "Camps de réfugiés sahraouis de Smara – Algérie",  # the country last
    "Camps de réfugiés sahraouis de Smara, Algérie",
])
def test_a_heading_with_its_country_first_before_a_dash_reads_as_a_partners(heading: str) -> None:
    from pipeline.read import heading_like

    assert heading_like(heading)


@pytest.mark.parametrize("line", [
    "En Italie, une chorale est attendue du 3 au 5 mai 2024",  # a sentence after a comma
    "Pologne - Capitale Varsovie Opole en Pologne depuis 1998 (lire)",  # a teaser's line
    "Mali : une coopération exemplaire",  # no name beside the country
    "Allemagne – des échanges fructueux",
])
def test_a_line_opening_on_a_country_that_names_no_place_after_a_dash_is_none(line: str) -> None:
    from pipeline.read import heading_like

    assert not heading_like(line)


def test_tables_under_country_first_headings_are_each_their_partners(tmp_path: Path) -> None:
    table = ("<table><thead><tr><th>Période</th><th>Action</th><th>Budget Ville</th></tr></thead><tbody>"
             "<tr><th>{0}</th><td>{1}</td><td>—</td></tr></tbody></table>")
    data = _records(tmp_path, (
        "<h2>Allemagne – Wolfach</h2>" + table.format("2011", "séjour de collégiens.")
        + "<h2>Algérie – Camps de réfugiés sahraouis de Smara</h2>"
        + table.format("2015-17", "envoi de médicaments aux dispensaires.")
        + "<h2>Palestine – Naplouse et camp de Balata</h2>"
        + table.format("à c. de mars 2022", "parrainage d’une bibliothèque.")))
    assert _partners(data) == {"Wolfach": "DE", "Camps de réfugiés sahraouis de Smara": "DZ",
                               "Naplouse et camp de Balata": "PS"}
    started = {a["start_year"]: (a["start_month"], a["is_ongoing"]) for a in data["actions"]}
    assert started[2022] == (3, True) and started[2015] == (None, False)


@pytest.mark.parametrize(("label", "edtf"), [
    ("à c. de sept. 2023", "2023-09/.."),
    ("À c. du 1er mars 2024", "2024-03-01/.."),
    ("à cpt. de 2019", "2019/.."),
])
def test_a_compter_de_cut_short_opens_an_interval(label: str, edtf: str) -> None:
    from pipeline.dates import parse_label

    period = parse_label(label)
    assert period is not None and period.edtf == edtf


@pytest.mark.parametrize("text", ["c. de sept. 2023", "à c. 2023"])
def test_a_lone_c_is_no_date_word(text: str) -> None:
    from pipeline.dates import parse_label

    assert parse_label(text) is None


def test_a_legend_written_one_symbol_to_a_line(tmp_path: Path) -> None:
    data = _records(tmp_path, (
        "<p>Légende :</p><ul><li>🟢 terminé</li><li>🟠 reporté</li><li>🔴 abandonné</li></ul>"
        "<h2>Wolfach (Allemagne)</h2><ul>"
        "<li><span aria-hidden='true'>🟠</span> <b>Été 2025</b> — camp de jeunes en Forêt-Noire.</li>"
        "<li><span aria-hidden='true'>🔴</span> <b>2020</b> — échange de pompiers.</li>"
        "<li><span aria-hidden='true'>🟢</span> <b>2018</b> — fête du jumelage.</li></ul>"))
    assert {a["start_year"]: a["status"] for a in data["actions"]} == {2025: "postponed", 2020: "abandoned",
                                                                       2018: None}
    assert len(data["actions"]) == 3


def test_a_pictogram_that_says_what_it_means_in_its_label_needs_no_legend(tmp_path: Path) -> None:
    data = _records(tmp_path, (
        "<h2>📍 Wolfach (Allemagne)</h2><ul>"
        "<li><span class='ico' aria-label='Reporté'>⏸</span> <b>2025</b> — tournée de la fanfare.</li>"
        "<li><span class='ico' title='Annulé'>✖</span> <b>2020</b> — marché de Noël commun.</li>"
        "<li><span class='ico' title='Annulé'>✖</span> <b>2021</b> — marché de Noël commun.</li>"
        "<li><b>2019</b> — visite des élus.</li></ul>"))
    assert [p["name"] for p in data["partners"]] == ["Wolfach"]
    assert {a["start_year"]: a["status"] for a in data["actions"]} == {
        2025: "postponed", 2020: "cancelled", 2021: "cancelled", 2019: None}


@pytest.mark.parametrize("label", ["Autour de 2010", "Aux alentours de mai 2015", "Aux environs de 2012",
                                   "Vers la mi-mars 2016"])
def test_an_approximate_date_is_not_understood_whatever_links_its_word_to_it(tmp_path: Path, label: str) -> None:
    """As "Vers 2019" is: its dates are left empty (and reported), never guessed."""
    data = _records(tmp_path, f"<h2>Wolfach (Allemagne)</h2><p><b>{label} :</b> accueil de dix jeunes.</p>"
                    "<p><b>2018 :</b> visite des élus.</p>")
    got = {str(a["date_label"]): a["start_year"] for a in data["actions"]}
    assert got == {label: None, "2018": 2018}
