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

