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
])
def test_a_cms_by_line_with_its_author_and_its_date_is_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "2016 — visite par le maire de Wolfach — accueil de dix jeunes",
    "Par la suite — en 2019 — la chorale est venue à son tour",
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

