"""Forms that red team 25's fiche and map pages brought: a fiche's fields written as a grid
of divs (a key, then its value) under a heading that names the place alone; a map's popup
whose first line gives the country and the tie with its year in brackets; a running
activity whose editions of some years were cancelled. Each test is a small page of its own
sentences, not the round's pages."""

from pathlib import Path

from pipeline.dates import parse_label
from pipeline.extract import status
from tests.corpus.score import records_of


def _page(tmp_path: Path, body: str) -> dict[str, list[dict[str, object]]]:
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html lang='fr'><body><main><h1>Nos villes amies</h1>"
                    + body + "</main></body></html>", encoding="utf-8")
    return records_of(path)


def _fiche(name: str, fields: list[tuple[str, str]], actions: list[tuple[str, str]]) -> str:
    grid = "".join(f"<div class='item'><div class='lib'>{k}</div><div class='val'>{v}</div></div>"
                   for k, v in fields)
    items = "".join(f"<li><div class='quand'>{d}</div><p>{t}</p></li>" for d, t in actions)
    return (f"<article><p class='genre'>Commune amie</p><h2>{name}</h2><div class='grille'>{grid}</div>"
            f"<div><div class='lib'>Actions</div><div class='val'><ul><li>Échanges<ul>{items}</ul></li></ul>"
            "</div></div></article>")


def test_a_fiche_grid_of_divs_gives_the_country_and_the_tie_year(tmp_path: Path) -> None:
    body = (_fiche("Wolfach", [("Pays", "Allemagne (Bade-Wurtemberg)"), ("Date de signature", "1972 (charte)"),
                               ("Habitants", "5 800 (recensement 2021)")],
                   [("2012", "Échange de classes de quatrième."), ("2015", "Concert commun des harmonies.")])
            + _fiche("Kita", [("Pays", "Mali"), ("Date de signature", "2001 (protocole d'accord)"),
                              ("Cercle", "Kita, région de Kayes")],
                     [("2013", "Forage d'un puits au village."), ("2016", "Formation de deux infirmiers.")]))
    data = _page(tmp_path, body)
    assert [(p["name"], p["country_code"], p["agreement_year"]) for p in data["partners"]] == [
        ("Wolfach", "DE", 1972), ("Kita", "ML", 2001)]
    # the tie's date field is the partner's, no action's date
    assert sorted(a["start_year"] for a in data["actions"] if a["start_year"]) == [2012, 2013, 2015, 2016]


def _location(name: str, line: str, actions: list[tuple[str, str]]) -> str:
    items = "".join(f"<li><span class='date'>{d}</span> {t}</li>" for d, t in actions)
    return (f"<div class='lieu js-hide'><h2 class='titre'>{name}</h2><div class='contenu'>"
            f"<div class='type'><span>{line}</span></div><div class='corps'><p>Une ville amie.</p></div>"
            f"<ul>{items}</ul></div></div>")


def test_a_map_popup_line_gives_the_country_and_the_tie_year_in_brackets(tmp_path: Path) -> None:
    body = ("<div class='carte'>"
            + _location("Wolfach", "Allemagne · ville jumelée (charte de 1972)",
                        [("2012", "échange de classes"), ("2015", "concert des harmonies")])
            + _location("Kita – quartier de Sébénikoro", "Mali · commune amie (2001)",
                        [("2013", "forage d'un puits"), ("2016", "formation d'infirmiers")])
            + _location("Esperanza", "Cuba · coopération",
                        [("2014", "envoi de livres"), ("2018", "accueil d'une chorale")])
            + "</div>")
    data = _page(tmp_path, body)
    found = {str(p["name"]): (p["country_code"], p["agreement_year"]) for p in data["partners"]}
    assert found["Wolfach"] == ("DE", 1972)
    assert next(v for k, v in found.items() if k.startswith("Kita"))[0] == "ML"
    assert found["Esperanza"] == ("CU", None)


def test_editions_of_a_running_activity_cancelled_are_not_the_entry_cancelled() -> None:
    text = "Depuis 2011, un camp de jeunes chaque été ; les éditions 2020 et 2021 ont été annulées."
    assert status(text, parse_label("Depuis 2011")) != "cancelled"
    assert status("2020 : le camp de jeunes a été annulé.", parse_label("2020")) == "cancelled"
