"""Forms red team 28's pages showed (a reveal.js deck: slides of list items, each a date
span, a line break, then its text), in a page written for the test."""

from __future__ import annotations

from tests.corpus.score import _records_of

ITEMS = {
    "Kita (Mali)": [
        [("2003-2014", "accueil de six jeunes de Kita chaque année pendant trois semaines au centre de loisirs."),
         ("2004-2006", "projet interculturel et artistique entre les deux villes, avec les habitants du quartier."),
         ("Juin 2012", "tournoi de football des agents municipaux, auquel une équipe de Kita a participé.")],
        [("2014", None),  # an item written "2014 : …" on one line, as a slide may
         ("2015", "envoi de livres à la bibliothèque de Kita, collectés par les écoles de la ville."),
         ("Mai 2017", "concert croisé des élèves du conservatoire et des musiciens de Kita.")]],
    "Wesel (Allemagne)": [
        [("2019", "forage d’un puits à Wesel, financé par la Ville et le comité de jumelage."),
         ("2020", "essais de pompage et installation d’une pompe à motricité humaine."),
         ("Mai 2021", "mission de cinq élus à Wesel pour préparer le nouveau programme de santé.")],
        [("2022", "échange de collégiens entre les deux villes pendant une semaine."),
         ("Juin 2023", "rencontre sportive de quarante jeunes à Wesel, avec leurs entraîneurs.")]],
}
# reveal.js: a vertical stack of slides a partner, its first slide the partner's heading
SLIDES = "".join(
    f"<section><section><h2>{partner}</h2><p>Notre partenaire depuis longtemps, {partner}.</p></section>"
    + "".join(f'<section><h3>{partner.split(" (")[0]} <span class="compteur">{n}/2</span></h3><ul>'
              + "".join(f'<li class="fragment"><span class="date">{label}</span><br>{text}</li>' if text
                        else f'<li class="fragment">{label} : réception du maire de Kita à la mairie.</li>'
                        for label, text in items) + "</ul></section>"
              for n, items in enumerate(slides, start=1)) + "</section>"
    for partner, slides in ITEMS.items())


def test_a_slides_items_keep_their_own_dates_when_the_last_one_opens_on_a_date(tmp_path):
    """Each slide (a card of one kind) ends with an item that opens on its date, its text
    after a line break: that date is the item's, not the slide's, and stays where it is."""
    page = tmp_path / "page.html"
    page.write_text('<!DOCTYPE html><html><body><div class="reveal"><div class="slides"><section><h1>Jumelages'
                    f"</h1></section>{SLIDES}</div></div></body></html>", encoding="utf-8")
    actions = _records_of(page)["actions"]
    assert [(a["date_label"], a["start_year"], a["start_month"]) for a in actions] == [
        ("2003-2014", 2003, None), ("2004-2006", 2004, None), ("Juin 2012", 2012, 6), ("2014", 2014, None), ("2015", 2015, None),
        ("Mai 2017", 2017, 5), ("2019", 2019, None), ("2020", 2020, None), ("Mai 2021", 2021, 5),
        ("2022", 2022, None), ("Juin 2023", 2023, 6)]


def test_a_date_that_opens_the_last_item_before_a_break_does_not_end_its_card():
    """html_page._trailing_element: the card's last shown element is the date's span, but
    the item's text follows it after a ``<br>`` (a reveal.js slide's last fragment): the
    card does not end with that date (it was moved to the slide's head, dating its first
    item "Juin 2012" and shifting every date of the deck by one)."""
    import lxml.html

    from pipeline.html_page import _sizes, _trailing_element

    document = lxml.html.document_fromstring(
        "<html><body><ul><li><span>2003-2014</span><br>accueil de six jeunes de Kita chaque année.</li>"
        "<li><span>Juin 2012</span><br>tournoi de football des agents municipaux de Kita.</li></ul>"
        "<ul><li>accueil de six jeunes de Kita chaque année pendant trois semaines au centre.</li>"
        "<li><span>2019</span></li></ul></body></html>")
    sizes, shown = _sizes(document)
    first, second = document.iter("ul")
    assert _trailing_element(first, sizes, shown) is None
    found = _trailing_element(second, sizes, shown)  # a date alone at the card's end: its date
    assert found is not None and found[1] == "2019"
