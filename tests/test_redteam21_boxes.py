"""Forms red team 21 showed (an Umbraco grid page, a board of cards), each written here in
sentences of our own: a heading whose country is a badge of its own markup, a box of a
partner's latest news told in one paragraph above its dated entries, seasons told relative
to the date before them."""

from pipeline.extract import extract
from pipeline.html_page import html_blocks
from pipeline.narrative import sentences
from pipeline.parse import parse
from pipeline.tables import tables

INTRO = ("<h1>Nos villes amies</h1><p>La commune entretient des liens avec :</p>"
         "<ul><li>La ville de Kelbra, en Thuringe (Allemagne)</li><li>La commune de Kati (Mali)</li></ul>")


def _headings(html: str) -> list[str]:
    return [b.text for b in html_blocks(html) if b.kind == "heading"]


def test_a_country_in_its_own_badge_after_or_before_the_name_is_the_headings_country():
    html = (f"<html><body><main>{INTRO}"
            "<h2>Kelbra <span class=\"country\">Allemagne</span></h2><p>2015 : accueil de jeunes.</p>"
            "<h2><small class=\"flag-label\">Mali</small> Kati</h2><p>2016 : forage d’un puits.</p>"
            "<h2>Kati <em class=\"pays\">Cisjordanie, Palestine</em></h2>"
            "<h2>Kelbra <span>Thuringe, Allemagne</span></h2>"
            "</main></body></html>")
    assert _headings(html)[1:] == ["Kelbra (Allemagne)", "Kati (Mali)", "Kati (Cisjordanie, Palestine)",
                                   "Kelbra (Thuringe, Allemagne)"]
    page = parse(html_blocks(html))
    assert [s.heading.text for s in page.sections][:2] == ["Kelbra (Allemagne)", "Kati (Mali)"]


def test_a_badge_that_is_no_country_or_a_country_already_set_apart_stays_as_written():
    html = ("<html><body><main><h1>Titre</h1>"
            "<h2>Kelbra <span class=\"since\">depuis 1978</span></h2>"
            "<h2>Kelbra, <span class=\"pays\">Allemagne</span></h2>"
            "<h2>Jumelage avec <span>la Pologne</span></h2>"
            "<h2><span>Mali</span></h2>"
            "<h2>Kelbra <span class=\"pays\">(Allemagne)</span></h2>"
            "<h2>Actualités <span class=\"pays\">Mali</span></h2>"
            "</main></body></html>")
    assert _headings(html)[1:] == ["Kelbra depuis 1978", "Kelbra, Allemagne", "Jumelage avec la Pologne", "Mali",
                                   "Kelbra (Allemagne)", "Actualités Mali"]


BOX = ("En février 2022, douze collégiens de Kelbra ont séjourné une semaine chez nous. "
       "Le mois suivant, notre chorale a chanté à Kelbra devant 80 spectateurs. "
       "Au printemps de l’année suivante, le voyage des aînés a été annulé.")


def _board(box: str, heading: str = "À la une") -> str:
    return (f"<html><body><main>{INTRO}"
            f"<section><h2>Kelbra <span class=\"pays\">Allemagne</span></h2>"
            f"<p>Notre jumelage avec Kelbra a été signé en 1978.</p>"
            f"<div class=\"box\"><h3>{heading}</h3><p>{box}</p></div>"
            f"<h3>Nos actions</h3><p><strong>2015</strong> : accueil de six jeunes.</p>"
            f"<p><strong>2018-2019</strong> : échange de musiciens.</p></section>"
            f"<section><h2>Kati (Mali)</h2><p>2016 : forage d’un puits.</p></section>"
            "</main></body></html>")


def test_a_box_of_news_told_in_one_paragraph_above_dated_entries_is_an_event_a_sentence():
    page = parse(html_blocks(_board(BOX)))
    entries = [(e.label, e.period_label) for e in page.sections[0].entries]
    assert entries == [("En février 2022", None), ("Le mois suivant", "mars 2022"),
                       ("printemps de l’année suivante", "printemps 2023"),
                       ("2015", None), ("2018-2019", None)]
    actions = tables(extract(page))["actions"]
    assert [(a["start_year"], a["start_month"], a["participants"], a["status"])
            for a in actions[:3]] == [(2022, 2, 12, None), (2022, 3, 80, None), (2023, None, None, "cancelled")]


def test_a_box_telling_one_event_or_a_labelled_paragraph_stays_one_entry():
    one = "En février 2022, douze collégiens de Kelbra ont séjourné une semaine chez nous."
    page = parse(html_blocks(_board(one)))
    assert [e.label for e in page.sections[0].entries] == ["En février 2022", "2015", "2018-2019"]
    labelled = "2022 : douze collégiens sont venus. En mars 2023, notre chorale a chanté à Kelbra."
    page = parse(html_blocks(_board(labelled)))
    assert [e.label for e in page.sections[0].entries] == ["2022", "2015", "2018-2019"]


def test_a_story_under_a_sub_heading_of_a_section_without_labelled_entries_is_its_description():
    # a presentation of the partner's own history, no entries labelled below it: no events
    html = (f"<html><body><main>{INTRO}<h2>Kelbra (Allemagne)</h2><h3>Présentation</h3>"
            "<p>La ville fut fondée en 1093. En 1990, elle a rejoint la Thuringe.</p>"
            "<h2>Kati (Mali)</h2><p>2016 : forage d’un puits.</p></main></body></html>")
    page = parse(html_blocks(html))
    assert len(page.sections[0].entries) <= 1


def test_a_season_after_or_before_the_date_told_is_the_nearest_one_on_that_side():
    told = [(e.label, e.resolved) for _, e in sentences(
        "Le camp a eu lieu en août 2021. L’été suivant, il a été annulé. "
        "En mai 2019, visite. L’hiver précédent, un concert.", None) if e]
    assert told == [("en août 2021", None), ("L’été suivant", "été 2022"),
                    ("En mai 2019", None), ("L’hiver précédent", "hiver 2018")]
    # after a year alone, the season after that year (before it): the year is the time told
    told = [(e.label, e.resolved) for text in ("En 2021, visite. L’automne suivant, un concert.",
                                               "En 2015, un voyage. Le printemps d’avant, une fête.")
            for _, e in sentences(text, None) if e]
    assert told == [("En 2021", None), ("L’automne suivant", "automne 2022"),
                    ("En 2015", None), ("Le printemps d’avant", "printemps 2014")]


def test_a_season_of_a_year_told_relative_to_the_one_before_is_that_years_season():
    told = [(e.label, e.resolved) for _, e in sentences(
        "En mars 2017, visite. À l’automne de la même année, une fête.", None) if e]
    assert told == [("En mars 2017", None), ("automne de la même année", "automne 2017")]
