"""Forms that red team 25's newsletter archive brought: a news item titled with the partner
it is about before a colon ("Kita : une école inaugurée"), in a newsletter whose columns
name each partner surely ("Nos amis · Kita (Mali)"). Each test is a small page of its own
sentences, not the round's pages."""

from pathlib import Path

from pipeline.places import news_place, split_heading
from tests.corpus.score import records_of


def _page(tmp_path: Path, body: str) -> dict[str, list[dict[str, object]]]:
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html lang='fr'><body><main><h1>Le bulletin des amitiés</h1>"
                    + body + "</main></body></html>", encoding="utf-8")
    return records_of(path)


def test_a_news_title_names_its_partner_before_a_colon(tmp_path: Path) -> None:
    body = ("<h2>Bulletin n°4 – juin 2022</h2><h2>Éditorial</h2><p>Bonne lecture à toutes et à tous.</p>"
            "<h3>Wolfach : les harmonies en concert</h3>"
            "<p>En mai 2022, les harmonies des deux villes ont donné un concert commun.</p>"
            "<h3>Kita : 2 000 € pour le dispensaire</h3>"
            "<p>En avril 2022, le Conseil municipal a voté une aide au dispensaire.</p>"
            "<h2>Nos amis · Kita (Mali)</h2><ul><li>2013 : forage d'un puits au village.</li>"
            "<li>2016 : formation de deux infirmiers.</li></ul>"
            "<h2>Bulletin n°3 – janvier 2022</h2>"
            "<h3>Wolfach : cinquante ans d'amitié</h3>"
            "<p>En octobre 2021, une délégation a fêté les cinquante ans du jumelage.</p>"
            "<h2>Nos amis · Wolfach (Allemagne)</h2><ul><li>2012 : échange de classes de quatrième.</li>"
            "<li>2015 : voyage des aînés.</li></ul>")
    data = _page(tmp_path, body)
    assert sorted((p["name"], p["country_code"]) for p in data["partners"]) == [("Kita", "ML"), ("Wolfach", "DE")]
    ids = {p["partner_id"]: p["name"] for p in data["partners"]}
    years = {name: sorted(a["start_year"] for a in data["actions"] if ids[a["partner_id"]] == name)
             for name in ids.values()}
    assert years == {"Kita": [2013, 2016, 2022], "Wolfach": [2012, 2015, 2021, 2022]}


def test_a_name_before_a_colon_is_no_partner_unless_the_page_names_it() -> None:
    assert news_place("Kita : une école inaugurée") == "Kita"
    assert news_place("Allemagne : Wolfach") is None  # a country leading to its place
    assert split_heading("Mercredi : dernière visite au village") == ("Mercredi : dernière visite au village", None)
    assert split_heading("Nos amis · Kita (Mali)") == ("Kita", "Mali")
    assert split_heading("Article utile ? Oui (12) · Non (3)")[0] != "Non"  # a poll, no rubric


def test_a_newsletter_issue_is_the_time_its_news_items_are_written(tmp_path: Path) -> None:
    body = ("<h2>Bulletin n°4 – juin 2022</h2>"
            "<h3>Kita : retour de mission</h3>"
            "<p>En mai dernier, une mission de la Ville s'est rendue à Kita pour inaugurer le puits.</p>"
            "<h3>Wolfach : les harmonies en concert</h3>"
            "<p>Le 14 mai, les harmonies des deux villes ont donné un concert commun.</p>"
            "<h2>Nos amis · Kita (Mali)</h2><ul><li>2013 : forage d'un puits au village.</li>"
            "<li>2016 : formation de deux infirmiers.</li></ul>"
            "<h2>Bulletin n°3 – janvier 2022</h2>"
            "<h3>Wolfach : cinquante ans d'amitié</h3>"
            "<p>En décembre dernier, une délégation a fêté les cinquante ans du jumelage.</p>"
            "<h3>Kita : des élèves en visite</h3>"
            "<p>Du 6 au 10 novembre, une classe de Kita a découvert nos écoles.</p>"
            "<h2>Nos amis · Wolfach (Allemagne)</h2><ul><li>2012 : échange de classes de quatrième.</li>"
            "<li>2015 : voyage des aînés.</li></ul>")
    data = _page(tmp_path, body)
    ids = {p["partner_id"]: p["name"] for p in data["partners"]}
    told = sorted((ids[a["partner_id"]], a["start_year"], a["start_month"]) for a in data["actions"]
                  if a["start_month"])
    assert told == [("Kita", 2021, 11), ("Kita", 2022, 5), ("Wolfach", 2021, 12), ("Wolfach", 2022, 5)]


def test_a_shorter_name_of_a_place_goes_on_with_its_section(tmp_path: Path) -> None:
    body = ("<h2>Bulletin n°4 – juin 2022</h2>"
            "<h3>Wolfach-sur-Kinzig : les harmonies en concert</h3>"
            "<p>En mai 2022, les harmonies des deux villes ont donné un concert commun.</p>"
            "<h2>Nos amis · Wolfach-sur-Kinzig (Allemagne)</h2><ul><li>2012 : échange de classes.</li>"
            "<li>2015 : voyage des aînés.</li></ul>"
            "<h2>Bulletin n°3 – janvier 2022</h2>"
            "<h3>Wolfach : cinquante ans d'amitié</h3>"
            "<p>En octobre 2021, une délégation a fêté les cinquante ans du jumelage.</p>"
            "<h3>Kita : un puits inauguré</h3>"
            "<p>En novembre 2021, le puits du village a été inauguré.</p>"
            "<h2>Nos amis · les villages maraîchers de Kita (Mali)</h2><ul><li>2013 : forage d'un puits.</li>"
            "<li>2016 : formation de deux infirmiers.</li></ul>")
    data = _page(tmp_path, body)
    assert len(data["partners"]) == 2
    assert sorted(p["country_code"] for p in data["partners"]) == ["DE", "ML"]
    assert len(data["actions"]) == 7


def test_a_news_title_names_a_partner_the_introduction_lists(tmp_path: Path) -> None:
    body = ("<p>Chaque saison, le bulletin raconte nos amitiés : Wolfach (Allemagne), Kita (Mali) "
            "et les bergers de la vallée de Smara (Algérie).</p>"
            "<h2>Bulletin n°4 – juin 2022</h2>"
            "<h3>Wolfach : les harmonies en concert</h3>"
            "<p>En mai 2022, les harmonies des deux villes ont donné un concert commun.</p>"
            "<h3>Kita : un puits inauguré</h3>"
            "<p>En avril 2022, le puits du village de Kita a été inauguré.</p>"
            "<h2>Nos amis · Wolfach (Allemagne)</h2><ul><li>2012 : échange de classes.</li>"
            "<li>2015 : voyage des aînés.</li></ul>")
    data = _page(tmp_path, body)
    assert sorted(p["name"] for p in data["partners"]) == ["Kita", "Wolfach"]
    ids = {p["partner_id"]: p["name"] for p in data["partners"]}
    assert sorted((ids[a["partner_id"]], a["start_year"]) for a in data["actions"]) == [
        ("Kita", 2022), ("Wolfach", 2012), ("Wolfach", 2015), ("Wolfach", 2022)]


def test_a_date_without_its_year_in_an_issue_takes_the_issue_s_year() -> None:
    from pipeline.parse import Entry, _in_issue

    issues = [(5, (2022, 1, None)), (40, (2022, 6, None))]
    told = Entry(None, "Du 6 au 10 novembre, une classe de Kita a découvert nos écoles.", 12, 12)
    assert _in_issue(told, issues, [5, 40]).period_label == "Du 6 au 10 novembre 2021"
    later = Entry(None, "Du 2 au 4 mai, une chorale est venue chanter à Wolfach.", 44, 44)
    assert _in_issue(later, issues, [5, 40]).period_label == "Du 2 au 4 mai 2022"


def test_the_month_and_year_before_the_issue_are_counted_from_it(tmp_path: Path) -> None:
    body = ("<h2>Bulletin n°4 – mars 2019</h2>"
            "<h3>Kita : retour de mission</h3>"
            "<p>Le mois dernier, une mission de la Ville s'est rendue à Kita.</p>"
            "<h2>Nos amis · Kita (Mali)</h2><ul><li>2013 : forage d'un puits au village.</li>"
            "<li>2016 : formation de deux infirmiers.</li></ul>"
            "<h2>Bulletin n°3 – juin 2018</h2>"
            "<h3>Kita : un citoyen d'honneur</h3>"
            "<p>Moussa Keita, que la Ville a fait citoyen d'honneur l'an dernier, est venu à Ivry.</p>")
    data = _page(tmp_path, body)
    assert sorted((a["start_year"], a["start_month"]) for a in data["actions"]) == [
        (2013, None), (2016, None), (2017, None), (2019, 2)]


def test_an_agenda_day_with_its_hour_takes_the_issue_s_year() -> None:
    from pipeline.parse import Entry, _in_issue

    agenda = Entry("Samedi 14 décembre, 15 h", "Samedi 14 décembre, 15 h – projection d'un film sur Kita.", 60, 60)
    assert _in_issue(agenda, [(50, (2024, 11, None))], [50]).period_label == "Samedi 14 décembre 2024"
