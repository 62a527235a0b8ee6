"""Forms red team 21 showed on a board of cards (a Kanban plugin's), each written here in
sentences of our own: a card's partner is a tag chip and its date a badge set side by side
above its text, and the column a card sits in says its status."""

from pipeline.dates import parse_label
from pipeline.extract import extract
from pipeline.html_page import html_blocks
from pipeline.parse import parse
from pipeline.places import link_intro
from pipeline.tables import tables

INTRO = ("<h1>Nos villes amies</h1><p>La commune entretient des liens avec :</p>"
         "<ul><li>La ville de Kelbra, en Thuringe (Allemagne)</li><li>La commune de Kati (Mali)</li></ul>")


def _card(tag: str, date: str | None, text: str) -> str:
    badge = f"<span class=\"card-date\">{date}</span>" if date else ""
    return (f"<div class=\"card\"><span class=\"card-label\">{tag}</span>{badge}"
            f"<div class=\"card-text\"><p>{text}</p></div></div>")


def _board(*columns: tuple[str, list[str]]) -> str:
    return (f"<html><body><main>{INTRO}<h2>Tableau des actions</h2><div class=\"board\">"
            + "".join(f"<section class=\"column\"><h3>{title} <span class=\"n\">{len(cards)}</span></h3>"
                      + "".join(cards) + "</section>" for title, cards in columns)
            + "</div></main></body></html>")


BOARD = _board(
    ("Terminé", [_card("Kelbra", "mars 2014", "échange de jeunes footballeurs."),
                 _card("Kati", "2016 → 2018", "construction d’une école de trois classes.")]),
    ("Reporté", [_card("Kati", "nov. 2025", "mission de deux élus pour l’inauguration du puits.")]),
    ("Abandonné", [_card("Kelbra", "2021", "projet de jardin partagé entre les deux villes.")]),
)


def test_a_cards_chips_side_by_side_are_its_partner_and_its_date():
    blocks = [(b.kind, b.text) for b in html_blocks(BOARD)]
    at = blocks.index(("paragraph", "mars 2014"))
    assert blocks[at - 1][0] == "heading" and blocks[at + 1] == ("paragraph", "échange de jeunes footballeurs.")
    page = parse(html_blocks(BOARD))
    named = {s.heading.text: [e.label for e in s.entries] for s in page.sections}
    assert named == {"Kelbra": ["mars 2014", "2021"], "Kati": ["2016 → 2018", "nov. 2025"]}


def test_chips_set_apart_by_a_space_or_in_the_other_order_are_a_card_too():
    card = ("<div class=\"card\"><time class=\"when\">sept. 2017</time> <a class=\"who\" href=\"#\">Kati</a>"
            "<div class=\"card-text\"><p>visite de l’école.</p></div></div>")
    page = parse(html_blocks(_board(("Fait", [card]))))
    assert [(s.heading.text, [e.label for e in s.entries]) for s in page.sections if s.entries] == [
        ("Kati", ["sept. 2017"])]


def test_chips_that_name_no_place_stay_one_paragraph():
    html = (f"<html><body><main>{INTRO}<h2>Kelbra (Allemagne)</h2>"
            "<div><span class=\"a\">Publié</span><span class=\"b\">par la mairie</span><div><p>2015 : accueil.</p></div></div>"
            "</main></body></html>")
    assert ("paragraph", "Publiépar la mairie") in [(b.kind, b.text) for b in html_blocks(html)]


def test_the_column_a_card_sits_in_says_its_status_when_its_text_says_none():
    actions = tables(extract(parse(html_blocks(BOARD))))["actions"]
    status = {a["date_label"]: a["status"] for a in actions}
    assert status == {"mars 2014": None, "2021": "abandoned", "2016 → 2018": None, "nov. 2025": "postponed"}


def test_a_cards_own_words_win_over_its_column():
    board = _board(("Reporté", [_card("Kati", "2020", "mission d’élus, finalement annulée.")]),
                   ("Fait", [_card("Kelbra", "2019", "échange de jeunes.")]))
    actions = tables(extract(parse(html_blocks(board))))["actions"]
    assert {a["date_label"]: a["status"] for a in actions} == {"2019": None, "2020": "cancelled"}


def test_a_tags_short_name_in_a_close_spelling_is_the_intro_items_partner():
    items = ["La ville de Rothenbourg-sur-la-Tauber (Allemagne)", "La commune de Kita (Mali)"]
    assert link_intro(items, ["Rothenburg", "Kati"]) == [0, None]


def test_the_ties_years_gathered_in_one_sentence_of_the_intro_go_each_to_its_partner():
    intro = ("<h1>Nos villes amies</h1><p>La commune entretient des liens avec :</p>"
             "<ul><li>La ville de Kelbra (Allemagne)</li><li>La commune de Kati (Mali)</li>"
             "<li>La ville de Jérusalem-Est (Palestine)</li></ul>"
             "<p>Kelbra est jumelée avec notre ville depuis 1978 ; une convention de coopération "
             "a été signée avec Kati en 2009.</p>")
    html = (f"<html><body><main>{intro}<h2>Kelbra (Allemagne)</h2><p>2015 : accueil de jeunes.</p>"
            "<h2>Kati (Mali)</h2><p>2016 : forage d’un puits.</p>"
            "<h2>Jérusalem-Est (Palestine)</h2><p>2019 : un festival.</p></main></body></html>")
    partners = tables(extract(parse(html_blocks(html))))["partners"]
    assert [(p["name"], p["agreement_year"]) for p in partners] == [
        ("Kelbra", 1978), ("Kati", 2009), ("Jérusalem-Est", None)]


def test_a_month_or_a_season_then_its_years_after_commas_is_a_set():
    assert parse_label("étés 2019, 2021, 2023").edtf == "{2019-06..2019-08,2021-06..2021-08,2023-06..2023-08}"
    assert parse_label("Mars 2018, 2019").edtf == "{2018-03,2019-03}"
    assert parse_label("Printemps 2021, 2023, 2022") is None  # out of order: not understood
