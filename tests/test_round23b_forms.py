"""Dates counted from the day a page says it was published or updated (a CMS's field above
its partner sections, "Mis à jour le …"): labels and sentences that say "l'été dernier", "au
printemps prochain", "l'an dernier", "il y a deux ans", "cet été". Each test is a small page
of the class, in sentences of its own."""

import pytest

from pipeline.extract import extract
from pipeline.html_page import html_blocks
from pipeline.narrative import sentences
from pipeline.parse import parse
from pipeline.tables import tables


def _page(updated: str) -> str:
    return f"""<html><body><main><h1>Nos villes jumelles</h1>
<p class="meta">{updated}</p>
<p>La commune entretient des liens avec deux villes.</p>
<h2>Kita (Mali)</h2>
<p>2015 : première mission de la Ville.</p>
<p><strong>L'automne dernier :</strong> douze collégiens de Kita ont été reçus pendant une semaine.</p>
<p><strong>Au printemps prochain :</strong> une délégation partira inaugurer le puits.</p>
<p><strong>L'été dernier :</strong> la cantine a servi son premier repas.</p>
<h2>Wolfach (Allemagne)</h2>
<p>1994 : signature du pacte d'amitié.</p>
<p><strong>Au printemps dernier :</strong> trente choristes ont chanté à la fête du vin.</p>
</main></body></html>"""


def _periods(page: str) -> dict[str, tuple[int | None, int | None]]:
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    return {a["date_label"]: (a["start_year"], a["end_year"]) for a in actions}


@pytest.mark.parametrize("updated", ["Mis à jour le 14 janvier 2023", "Publié le 14/01/2023 à 09:40",
                                     "Dernière mise à jour : 14 janvier 2023"])
def test_a_label_counted_from_the_page_s_day_is_dated_from_it(updated: str) -> None:
    periods = _periods(_page(updated))
    assert periods["L'automne dernier"] == (2022, 2022)
    assert periods["Au printemps prochain"] == (2023, 2023)
    assert periods["L'été dernier"] == (2022, 2022)
    assert periods["Au printemps dernier"] == (2022, 2022)
    assert periods["2015"] == (2015, 2015)


def test_without_the_page_s_day_such_a_label_stays_undated() -> None:
    periods = _periods(_page("Bienvenue sur le site de la commune"))
    assert periods["L'automne dernier"] == (None, None)
    assert periods["Au printemps dernier"] == (None, None)


def test_two_different_days_of_the_page_date_nothing() -> None:
    page = _page("Publié le 2 février 2019").replace(
        '<p class="meta">', '<p class="meta">Mis à jour le 14 janvier 2023</p>\n<p class="meta">')
    assert _periods(page)["L'automne dernier"] == (None, None)


def test_the_page_s_day_dates_a_section_s_prose_too() -> None:
    page = """<html><body><main><h1>Jumelages</h1><p>Mis à jour le 20 février 2024</p>
<h2>Kita (Mali)</h2><p>Le jumelage a été signé en 1985.</p>
<p>2015 : première mission de la Ville.</p>
<p>2017 : envoi de livres.</p>
<p>En novembre prochain, la Ville recevra les élus de Kita pour la semaine de la solidarité.</p>
</main></body></html>"""
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    assert [(a["start_year"], a["start_month"]) for a in actions] == [(2015, None), (2017, None), (2024, 11)]


@pytest.mark.parametrize(("text", "day", "year"), [
    ("Cet été, douze enfants ont passé une semaine à la mer.", (2020, 1, 13), 2019),
    ("Cet été, douze enfants passeront une semaine à la mer.", (2020, 1, 13), 2020),
    ("Cet été, douze enfants ont passé une semaine à la mer.", (2020, 9, 20), 2020),
    ("Cet hiver, une délégation sera reçue.", (2020, 12, 20), 2020),
])
def test_this_season_told_in_the_past_before_it_began_is_the_last_one(text, day, year) -> None:
    [(_, event)] = sentences(text, None, day)
    assert event is not None and event.when == (year, None, None)


LEAD_STORY = """<html><body><main><h1>Nos villes amies</h1>
<h2>Kita (Mali) : vingt ans d'amitié</h2>
<p>En mars 2021, une délégation de Kita a passé dix jours dans la commune. L'année suivante, la chorale de l'école est partie chanter à Kita.</p>
<p>En mai 2023, le puits du marché a été inauguré ; deux mois plus tard, une fête a réuni tout le quartier.</p>
<h3>Repères</h3>
<p>2003 : signature de la charte d'amitié.</p>
<p>Depuis 2010 : envoi de livres chaque année.</p>
<h2>Wolfach (Allemagne)</h2>
<p>2011 : échange de classes.</p>
<p>2016 : accueil de dix lycéens.</p>
</main></body></html>"""


def test_a_section_s_lead_story_above_a_box_of_labelled_entries_is_read_event_by_event() -> None:
    """A section told in two parts: a story in prose, several events to a paragraph, then
    under a sub-heading ("Repères") its labelled entries: each event of the story is an
    entry, as is each labelled entry of the box."""
    actions = tables(extract(parse(html_blocks(LEAD_STORY))))["actions"]
    kita = [(a["date_label"], a["period"]) for a in actions if a["partner_id"] == "kita"]
    assert kita == [("En mars 2021", "2021-03"), ("L'année suivante", "2022"),
                    ("En mai 2023", "2023-05"), ("deux mois plus tard", "2023-07"),
                    ("2003", "2003"), ("Depuis 2010", "2010/..")]
    assert [a["period"] for a in actions if a["partner_id"] == "wolfach"] == ["2011", "2016"]


def test_paragraphs_of_one_event_each_above_the_box_stay_one_entry_each() -> None:
    """Above the box, paragraphs that tell one event each are no story: each is one
    entry, its later words inside it, as before."""
    page = LEAD_STORY.replace(" L'année suivante, la chorale de l'école est partie chanter à Kita.", "").replace(
        " ; deux mois plus tard, une fête a réuni tout le quartier", "")
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    assert [a["date_label"] for a in actions if a["partner_id"] == "kita"] == [
        "En mars 2021", "En mai 2023", "2003", "Depuis 2010"]


@pytest.mark.parametrize(("text", "label", "resolved"), [
    ("En juin 2021, douze jeunes sont partis à Kita. Le voyage retour, prévu le printemps "
     "d'après, a été annulé.", "le printemps d'après", "printemps 2022"),
    ("En novembre 2019, la chorale est venue. L'été d'avant, un puits avait été creusé.",
     "L'été d'avant", "été 2019"),
    ("En 2016, la Ville a ouvert une classe de français à Kita ; à la même époque, le comité "
     "a lancé une collecte de livres.", "à la même époque", "2016"),
    ("Au printemps 2018, une chorale est venue. À cette même époque, la Ville envoyait des "
     "livres.", "À cette même époque", "2018"),
])
def test_a_season_after_or_before_the_one_told_and_the_same_time_as_it(text, label, resolved) -> None:
    """"le printemps d'après", "l'été d'avant": the nearest such season after or before the
    date told; "à la même époque": the year told, no finer."""
    events = [event for _, event in sentences(text, None) if event is not None]
    assert (events[-1].label, events[-1].resolved) == (label, resolved)


def test_a_month_alone_takes_its_year_from_its_frame_not_from_the_page_s_day() -> None:
    """The page's day dates only what counts from the time of writing: "Mars :" under
    "Programme 2019" is March 2019 in a page updated in 2023, and a month alone in prose
    takes no year from that day."""
    page = """<html><body><main><h1>Jumelages</h1><p>Mis à jour le 14 janvier 2023</p>
<h2>Kita (Mali)</h2><p>2015 : première mission de la Ville.</p>
<h3>Programme 2019</h3><p>Mars : accueil de la chorale.</p><p>Juin : fête du jumelage.</p>
</main></body></html>"""
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    assert [a["period"] for a in actions] == ["2015", "2019-03", "2019-06"]
    assert sentences("En mars, une délégation est venue.", None, None)[0][1].resolved is None


@pytest.mark.parametrize("text", ["En février de l'an dernier, une délégation est partie.",
                                  "L'année dernière, une fête.", "L'an prochain, un voyage."])
def test_the_year_before_or_after_the_time_of_writing_is_such_a_date(text) -> None:
    from pipeline.dates import relative_dates

    assert relative_dates(text)
