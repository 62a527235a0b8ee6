"""Which partner each passage belongs to, found by what the passage says rather than by the
element that carries it: a section continued under another spelling, a partner introduced
by a sentence instead of a heading, entries of an agenda that name their partner, the
intro's list however it is written, an editor's comment left in a paste.

Every page here is written for the test, with other towns, other CMS layouts and other
wordings than the corpus pages."""

import re

import pytest

from pipeline.extract import extract
from pipeline.load import read_bytes
from pipeline.parse import CONTINUED, EDITOR_COMMENT, SITE_CHROME, UNLINKED_ITEM, parse

HTML_TOP = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><main><article>"
HTML_BOTTOM = "</article></main></body></html>"


def page_of(body, html=False):
    if html:
        data = f"{HTML_TOP}<h1>Villes partenaires</h1>{body}{HTML_BOTTOM}"
        return parse(read_bytes(data.encode("utf-8"), "page.html").blocks)
    return parse(read_bytes(("Villes partenaires\n\n" + body).encode("utf-8"), "page.txt").blocks)


def layout(body, html=False):
    """Each section as (heading, its intro item, [labels of its entries])."""
    return [(s.heading.text, s.intro.text if s.intro else None, [e.label for e in s.entries])
            for s in page_of(body, html).sections]


def reasons(body, html=False):
    return [(a.reason, a.block.text) for a in page_of(body, html).set_aside]


# --- a section continued further down, its place in another spelling ----------------------

TARRAGONA = ("Tarragona (Espagne)\n\nLe jumelage avec Tarragone a été signé en 1985 ; Tarragone est un port.\n\n"
             "2015 : accueil de la chorale.\n\n2018 : échange de lycéens.\n\n"
             "Quelimane (Mozambique)\n\n2019 : envoi de manuels scolaires.\n\n"
             "Tarragone (suite)\n\n2023 : 40 ans du jumelage à Tarragone.\n")


def test_a_section_continued_in_another_spelling_is_one_partner():
    page = page_of(TARRAGONA)
    assert [(s.heading.text, [e.label for e in s.entries]) for s in page.sections] == [
        ("Tarragona (Espagne)", ["2015", "2018", "2023"]), ("Quelimane (Mozambique)", ["2019"])]
    assert (CONTINUED, "Tarragone (suite)") in [(a.reason, a.block.text) for a in page.set_aside]


def test_the_continued_partner_keeps_one_id_for_all_its_actions():
    rows = extract(page_of(TARRAGONA))
    assert [p["partner_id"] for p in rows["partners"]] == ["tarragone", "quelimane"]
    assert [a["action_id"] for a in rows["actions"]] == [
        "tarragone-2015", "tarragone-2018", "tarragone-2023", "quelimane-2019"]


@pytest.mark.parametrize("headings", [
    ("Saint-Denis (France)", "Saint-Genis (France)"),  # two countries said: two partners
    ("Pomona (États-Unis)", "Ponoma (Australie)"),
])
def test_close_names_with_their_own_country_are_two_partners(headings):
    first, second = headings
    body = f"{first}\n\n2015 : accueil d’un orchestre.\n\n{second}\n\n2016 : visite d’élus.\n"
    assert [h for h, _, _ in layout(body)] == [first, second]


def test_close_names_each_listed_in_the_intro_are_two_partners():
    body = ("Nos villes jumelles :\n\n  • La ville de Saint-Denis\n  • La ville de Saint-Genis\n\n"
            "Saint-Denis\n\n2015 : accueil d’un orchestre.\n\nSaint-Genis (suite)\n\n2016 : visite d’élus.\n")
    assert [h for h, _, _ in layout(body)] == ["Saint-Denis", "Saint-Genis (suite)"]


# --- a partner introduced by a sentence, no heading of its own -----------------------------

INTRO = ("<p>La Ville coopère avec :</p><ul><li>La commune de Bobo-Dioulasso (Burkina Faso)</li>"
         "<li>La ville de Quelimane, capitale de la province de Zambézie (Mozambique)</li></ul>")
SENTENCES = [
    ("Gutenberg lead", "<p class='has-large-font-size'>Nous sommes liés depuis 2004 à Quelimane "
     "(Mozambique).</p><p>Quelimane est un port de 350 000 habitants.</p>"),
    ("one paragraph", "<p>Depuis 2004, la Ville est jumelée avec Quelimane (Mozambique). Quelimane "
     "est un port de 350 000 habitants.</p>"),
    ("country in words", "<p>Notre amitié avec Quelimane, au Mozambique, date de 2004. Quelimane est "
     "un port de 350 000 habitants.</p>"),
]


@pytest.mark.parametrize("lead", [r[1] for r in SENTENCES], ids=[r[0] for r in SENTENCES])
def test_a_partner_introduced_by_a_sentence_starts_its_section(lead):
    body = (f"{INTRO}<h2>Bobo-Dioulasso (Burkina Faso)</h2><p>2019 : forage d’un puits.</p>{lead}"
            "<div class='grid'><div class='cell'>2021</div><div class='cell'>Envoi de manuels.</div></div>"
            "<p>2022 : visite du maire.</p>")
    page = page_of(body, True)
    assert [(s.heading.text[:9], [e.label for e in s.entries]) for s in page.sections] == [
        ("Bobo-Diou", ["2019"]), ("Quelimane", ["2021", "2022"])]
    quelimane = page.sections[1]
    assert quelimane.intro is not None and "Zambézie" in quelimane.intro.text
    assert quelimane.description[0].text.startswith(("Nous sommes", "Depuis 2004", "Notre amitié"))
    assert UNLINKED_ITEM not in [a.reason for a in page.set_aside]


def test_a_sentence_introducing_a_partner_gives_its_agreement_and_no_action():
    body = (f"{INTRO}<h2>Bobo-Dioulasso (Burkina Faso)</h2><p>2019 : forage d’un puits.</p>"
            "<p>Depuis 2004, la Ville est jumelée avec Quelimane (Mozambique). Un accord de jumelage a "
            "été signé en 2004 avec Quelimane.</p><p>2021 : envoi de manuels.</p>")
    rows = extract(page_of(body, True))
    assert [(p["partner_id"], p["country_code"], p["agreement_year"]) for p in rows["partners"]] == [
        ("bobo-dioulasso", "BF", None), ("quelimane", "MZ", 2004)]
    assert [a["action_id"] for a in rows["actions"]] == ["bobo-dioulasso-2019", "quelimane-2021"]


def test_a_passing_mention_of_a_listed_partner_starts_no_section():
    body = (f"{INTRO}<h2>Bobo-Dioulasso (Burkina Faso)</h2><p>2016 : échange avec Quelimane "
            "(Mozambique) sur l’eau.</p><p>2019 : forage d’un puits.</p>")
    page = page_of(body, True)
    assert [(s.heading.text, len(s.entries)) for s in page.sections] == [("Bobo-Dioulasso (Burkina Faso)", 2)]
    assert (UNLINKED_ITEM, "La ville de Quelimane, capitale de la province de Zambézie (Mozambique)") in [
        (a.reason, a.block.text) for a in page.set_aside]


# --- entries that name their partner after the date ----------------------------------------

PARTNERS = ("Tarragone (Espagne)\n\n2015 : accueil de la chorale.\n\n"
            "Quelimane (Mozambique)\n\n2019 : envoi de manuels scolaires.\n\n")


@pytest.mark.parametrize("item, partner", [
    ("Mai 2024 – Tarragone : fête des 40 ans du jumelage", 0),
    ("Mai 2024 — Tarragona : fête des 40 ans du jumelage", 0),  # another spelling
    ("Mai 2024 : Espagne, fête des 40 ans du jumelage", 0),  # its country, one partner there
    ("Mai 2024 – Mozambique : arrivée du conteneur", 1),
])
def test_an_agenda_item_goes_to_the_partner_it_names(item, partner):
    body = f"{PARTNERS}Agenda\n\n  • Juin 2024 : portes ouvertes du comité.\n  • {item}\n"
    got = layout(body)
    assert "Mai 2024" in got[partner][2]
    assert "Mai 2024" not in got[1 - partner][2]


def test_an_entry_naming_several_places_or_the_town_stays_where_it_is():
    body = ("Tarragone (Espagne)\n\n2015 : accueil de la chorale.\n\n"
            "2016, Tarragone et Quelimane ont signé une charte commune.\n\n"
            "Quelimane (Mozambique)\n\n2019 : envoi de manuels scolaires.\n\n"
            "2020 : Aubervilliers, Quelimane et Tarragone, trois villes pour un festival.\n")
    assert [labels for _, _, labels in layout(body)] == [["2015", "2016"], ["2019", "2020"]]


# --- the intro's list, however it is written ------------------------------------------------

LISTS = [
    ("word processor paste", "<p class=MsoListParagraph><span style='font-family:Symbol'>·"
     "<span>&nbsp;&nbsp;&nbsp;&nbsp; </span></span>La commune de Bobo-Dioulasso (Burkina Faso)</p>"
     "<p class=MsoListParagraph><span style='font-family:Symbol'>·<span>&nbsp;&nbsp;&nbsp; </span>"
     "</span>La ville de Quelimane (Mozambique)</p>"),
    ("lines of a div", "<div>Nos partenaires :<br>- La commune de Bobo-Dioulasso (Burkina Faso)<br>"
     "- La ville de Quelimane (Mozambique)<br></div>"),
    ("table of contents", "<ul class='toc'><li><a href='#b'>La commune de Bobo-Dioulasso (Burkina Faso)"
     "</a></li><li><a href='#q'>La ville de Quelimane (Mozambique)</a></li></ul>"),
]


@pytest.mark.parametrize("intro", [r[1] for r in LISTS], ids=[r[0] for r in LISTS])
def test_each_section_is_linked_to_its_intro_item_however_the_list_is_written(intro):
    body = (f"<p>La Ville coopère avec :</p>{intro}<h2 id='b'>Bobo-Dioulasso (Burkina Faso)</h2>"
            "<p>2019 : forage d’un puits.</p><h2 id='q'>Quelimane (Mozambique)</h2><p>2021 : manuels.</p>")
    assert [item for _, item, _ in layout(body, True)] == [
        "La commune de Bobo-Dioulasso (Burkina Faso)", "La ville de Quelimane (Mozambique)"]


def test_lines_typed_with_a_bullet_in_a_div_continue_the_entry_above():
    body = ("<h2>Quelimane (Mozambique)</h2><div>2021 : formation de bibliothécaires, avec :<br>"
            "•\u00a0des ateliers de catalogage ;<br>•\u00a0une visite de la médiathèque.<br></div>"
            "<div>2022 : envoi de manuels.</div>")
    page = page_of(body, True)
    assert [(e.label, e.text) for e in page.sections[0].entries] == [
        ("2021", "2021 : formation de bibliothécaires, avec :\n• des ateliers de catalogage ;\n"
                 "• une visite de la médiathèque."),
        ("2022", "2022 : envoi de manuels.")]


# --- an editor's comment left in a paste ----------------------------------------------------

@pytest.mark.parametrize("comment", [
    "[JM1]Vérifier la date avec la direction : mars 2021 ou avril 2022 ? Budget 800 €",
    "[AB12] À confirmer : 2019 ou 2020 ?",
    "[a]Date à revoir avec Paul (juin 2018 ?)",
    "[À vérifier avec le service : mai 2019 ou 2020 ?]",
    "(à compléter : bilan 2023)",
])
def test_an_editor_s_comment_is_set_aside_not_an_action(comment):
    body = f"Quelimane (Mozambique)\n\n2019 : envoi de manuels scolaires.\n\n{comment}\n"
    assert [labels for _, _, labels in layout(body)] == [["2019"]]
    assert (EDITOR_COMMENT, comment) in reasons(body)


def test_an_entry_that_says_it_is_to_be_confirmed_stays_an_entry():
    body = "Quelimane (Mozambique)\n\n2019 : envoi de manuels scolaires (à confirmer).\n"
    assert [labels for _, _, labels in layout(body)] == [["2019"]]


@pytest.mark.parametrize("chrome", [
    "Accepter\tRefuser\tEn savoir plus",
    "Votre courriel    Valider",
    "Mastodon   Bluesky   Envoyer par courriel",
    "Newsletter",
    "Lettre d’info :",
])
def test_a_row_of_the_site_s_controls_is_set_aside_not_an_action(chrome):
    body = f"Quelimane (Mozambique)\n\n2019 : envoi de manuels scolaires.\n\n{chrome}\n"
    assert [labels for _, _, labels in layout(body)] == [["2019"]]
    assert (SITE_CHROME, chrome) in reasons(body)


@pytest.mark.parametrize("text", [
    "2019    Envoi de manuels scolaires",  # a table row pasted as text: a date
    "Accueil   de la chorale de Quelimane.",  # a sentence with wide spaces
    "La newsletter du comité a présenté le projet de bibliothèque de Quelimane",
])
def test_text_with_wide_spaces_or_a_chrome_word_stays_the_page_s(text):
    body = f"Quelimane (Mozambique)\n\n2019 : envoi de manuels scolaires.\n\n{text}\n"
    assert SITE_CHROME not in [reason for reason, _ in reasons(body)]


def test_the_reader_and_the_parser_name_a_table_of_contents_alike():
    """parse reads the HTML reader's reason without importing lxml for a text page."""
    from pipeline import html_page, read

    assert html_page.TABLE_OF_CONTENTS == read.TABLE_OF_CONTENTS


# --- partners an intro sentence lists with their countries ---------------------------------

def test_partners_a_sentence_of_the_intro_lists_are_partners_even_with_no_section():
    """"… sont actifs : A au Mali, B au Portugal et C en Allemagne." is the intro's list
    written as prose: the partner the page then describes is linked to its item, the others
    are partners with no text; a list written as a list still reports its lost section."""
    body = ("Huit villes sont jumelées avec la nôtre. Trois sont actives : Koutiala au Mali, "
            "Braga au Portugal et Zirndorf en Allemagne.\n\n"
            "Koutiala\n\n2016 : envoi de manuels scolaires.\n")
    assert layout(body) == [("Koutiala", "Koutiala au Mali", ["2016"]),
                            ("Braga au Portugal", "Braga au Portugal", []),
                            ("Zirndorf en Allemagne", "Zirndorf en Allemagne", [])]
    partners = extract(page_of(body))["partners"]
    assert [(p["name"], p["country_code"]) for p in partners] == [
        ("Koutiala", "ML"), ("Braga", "PT"), ("Zirndorf", "DE")]
    # an enumeration of other things is no list of partners
    other = "Au programme : des visites, des concerts et un repas.\n\nKoutiala (Mali)\n\n2016 : envoi.\n"
    assert layout(other) == [("Koutiala (Mali)", None, ["2016"])]
    # a list written as a list: its item with no section is reported, not made a partner
    listed = "- Koutiala (Mali)\n\n- Braga (Portugal)\n\nKoutiala (Mali)\n\n2016 : envoi.\n"
    assert (UNLINKED_ITEM, "Braga (Portugal)") in reasons(listed)


def test_a_year_after_places_of_a_prose_list_dates_each_tie_since_the_last_dated_one():
    """"Suivirent : Lauf (Allemagne) et Koutiala (Mali) en 1972, Braga (Portugal) en 1990 et
    Zirndorf (Allemagne).": the year after a coordination dates each member since the last
    dated one (Lauf's tie is of 1972 too); the member after the last year has none; no year
    is any place's name."""
    body = ("Notre premier jumelage fut signé après la guerre. Suivirent : Lauf (Allemagne) et "
            "Koutiala (Mali) en 1972, Braga (Portugal) en 1990 et Zirndorf (Allemagne).\n\n"
            "Koutiala\n\n2016 : envoi de manuels scolaires.\n")
    partners = extract(page_of(body))["partners"]
    assert [(p["name"], p["country_code"], p["agreement_year"]) for p in partners] == [
        ("Koutiala", "ML", 1972), ("Lauf", "DE", 1972), ("Braga", "PT", 1990), ("Zirndorf", "DE", None)]
    # a list that writes no year dates no tie
    undated = ("Trois sont actives : Koutiala au Mali, Braga au Portugal et Lauf en Allemagne.\n\n"
               "Koutiala\n\n2016 : envoi de manuels scolaires.\n")
    assert [p["agreement_year"] for p in extract(page_of(undated))["partners"]] == [None, None, None]


def test_a_partner_an_intro_sentence_names_after_a_cue_beside_its_country_is_a_partner():
    """"La ville vient de signer un jumelage avec la ville de Rieti (Italie)." above the
    sections of the other partners: a partner with no text; a place named after a cue with
    no country beside it ("en s'associant avec la ville belge de Lauf") or with its country
    but after no cue of a partner ("un voyage à Porto (Portugal)") is none."""
    body = ("Notre ville s'est d'abord associée avec la ville belge de Lauf. Un voyage à Porto "
            "(Portugal) a eu lieu. Elle vient de signer un jumelage avec la ville de Rieti (Italie).\n\n"
            "Koutiala (Mali)\n\n2016 : envoi de manuels scolaires.\n")
    partners = extract(page_of(body))["partners"]
    assert [(p["name"], p["country_code"]) for p in partners] == [("Koutiala", "ML"), ("Rieti", "IT")]


def test_a_heading_that_names_a_country_with_its_article_is_no_partner():
    """"Le Mali" above facts about the country (population, capital) describes the partner's
    country: no partner row of its own, as "Mali" alone is none."""
    body = ("Koutiala (Mali)\n\n2016 : envoi de manuels scolaires.\n\n"
            "Le Mali\n\nCapitale : Bamako. Deux grands fleuves : le Sénégal et le Niger.\n")
    assert [p["name"] for p in extract(page_of(body))["partners"]] == ["Koutiala"]


def test_a_story_whose_partner_a_sentence_names_with_others_gives_each_a_partner():
    """A news item about several partners and no heading: "Les délégations de Zell
    (Allemagne), Rye (Angleterre) et Huy (Belgique) ont été accueillies" names the story's
    partner with two others, each with its country: three partners, the dated sentence the
    story's partner's."""
    text = ("La foire d'automne\n\nLe comité de jumelage a reçu ses amis.\n\n"
            "En octobre 2024, les délégations de Zell (Allemagne), Rye (Angleterre) et Huy "
            "(Belgique) ont été accueillies dans les familles.\n")
    partners = extract(parse(read_bytes(text.encode("utf-8"), "page.txt").blocks))["partners"]
    assert [(p["name"], p["country_code"]) for p in partners] == [
        ("Zell", "DE"), ("Rye", "GB"), ("Huy", "BE")]


@pytest.mark.parametrize("news, partner", [
    ("Le 12 mars 2023, une délégation de 15 élus de Gao a été reçue à l'hôtel de ville.", "gao"),
    ("Le 12 mars 2023, les élus de Gao et de Kita ont été reçus ensemble.", "tombouctou"),
    ("Le 12 mars 2023, une exposition a ouvert à la médiathèque.", "tombouctou"),
])
def test_news_below_a_heading_naming_no_partner_go_to_the_partner_they_name(news, partner):
    """A table of partners, then "Actualités": its entry goes to the one partner it names,
    and stays with the partner above when it names two or none."""
    page = ("<html><body><h1>Nos villes partenaires</h1><table><tr><th>Ville</th><th>Pays</th></tr>"
            "<tr><td>Gao</td><td>Mali</td></tr><tr><td>Kita</td><td>Mali</td></tr>"
            "<tr><td>Tombouctou</td><td>Mali</td></tr></table>"
            f"<h2>Actualités</h2><p>{news}</p></body></html>")
    actions = extract(parse(read_bytes(page.encode("utf-8"), "page.html").blocks))["actions"]
    assert [(a["partner_id"], str(a["start_date"])) for a in actions if a["start_date"]] == [(partner, "2023-03-12")]


FICHES = """<!DOCTYPE html><html lang="fr"><head><title>Nos jumelages</title></head><body>
<header><nav><a href="/agenda">Agenda</a> <a href="/contact">Contact</a></nav></header>
<main><h1>Nos jumelages</h1><p>La ville est jumelée avec deux villes.</p>
<article class="fiche"><h2>Wolfach</h2>
<dl><dt>Pays</dt><dd>Allemagne (Bade-Wurtemberg)</dd><dt>Date du jumelage</dt><dd>14 juillet 1972</dd></dl>
<h3>Temps forts</h3><ul><li>Mai 2019 : voyage de 30 habitants à Wolfach.</li></ul></article>
<article class="fiche"><h2>Ruffano</h2>
<dl><dt>Pays</dt><dd>Italie (Pouilles)</dd><dt>Date du jumelage</dt><dd>1995</dd></dl>
<h3>Temps forts</h3><ul><li>Octobre 2018 : accueil d'une délégation de 12 Ruffanais.</li></ul></article>
</main><footer>Mairie – 01 23 45 67 89</footer></body></html>"""


def test_a_fiche_per_partner_in_articles_side_by_side_gives_every_partner():
    """One <article> a partner (a CMS's fiches): all of them are the page's content, not
    the largest alone; a definition list's terms and values are fields ("Pays : Italie"),
    whose country is the evidence that the heading above is a partner's, through the
    partner's own sub-headings ("Temps forts")."""
    records = extract(parse(read_bytes(FICHES.encode("utf-8"), "page.html").blocks))
    assert [(p["partner_id"], p["country_code"], p["agreement_year"]) for p in records["partners"]] == [
        ("wolfach", "DE", 1972), ("ruffano", "IT", 1995)]
    assert [(a["partner_id"], a["date_label"]) for a in records["actions"]
            if a["date_label"] in ("Mai 2019", "Octobre 2018")] == [("wolfach", "Mai 2019"), ("ruffano", "Octobre 2018")]


def test_the_one_partner_of_a_page_told_in_prose_has_its_events():
    """"Jumelage avec Rivola" above prose alone: the dated sentences are its events, as the
    same page without its heading is read; a page of partners with dated entries keeps its
    descriptions (Ivry's page: tests/test_pipeline.py)."""
    text = ("Comité de jumelage\n\nJumelage avec Rivola\n\n"
            "Le comité est né le 10 octobre 2002 d'une volonté de se jumeler avec un village italien. "
            "Une première rencontre a eu lieu à Villebourg en mars 2003 avec un petit groupe d'Italiens.\n\n"
            "La commune de Rivola est située dans le Piémont italien, entourée de vignes.\n")
    records = extract(parse(read_bytes(text.encode("utf-8"), "page.txt").blocks))
    assert [p["partner_id"] for p in records["partners"]] == ["rivola"]
    assert [(a["start_year"], a["start_month"]) for a in records["actions"] if a["start_year"]] == [
        (2002, 10), (2003, 3)]


def test_the_story_told_above_the_one_partner_heading_is_its_own():
    """A committee's history told above its twin's heading (then the heading over an
    encyclopedia's excerpt), and an author's initials as a heading: the dated paragraphs
    are the partner's events, "G. Morel" no partner."""
    text = ("Historique\n\nG. Morel\n\n"
            "Le vendredi 4 février 1994, les personnes intéressées par les échanges entre les "
            "villes jumelées de Villebourg et de Rivola se sont réunies. La charte de jumelage "
            "fut signée le 18 avril 1993 à Rivola.\n\n"
            "RIVOLA\n\nExtraits de l'encyclopédie en ligne.\n\nRivola est une ville du Devon.\n")
    records = extract(parse(read_bytes(text.encode("utf-8"), "page.txt").blocks))
    assert [p["partner_id"] for p in records["partners"]] == ["rivola"]
    assert sorted(str(a["start_date"]) for a in records["actions"] if a["start_date"]) == [
        "1993-04-18", "1994-02-04"]


def test_teasers_of_other_posts_in_articles_are_not_the_pages_content():
    """A page built of sections whose headings name their place alone, with two <article>
    teasers of other posts ("Actualités liées"): the articles hold a small part of the
    page's text, the sections are read (the teasers were taken for the page's content)."""
    sections = "".join(
        f"<section><h2>{place}</h2><p>{year} : accueil d'une délégation de {place} à la mairie "
        "pour une semaine d'échanges entre les jeunes des deux villes.</p></section>"
        for place, year in (("Gao", 2019), ("Kita", 2021)))
    teasers = "".join(f"<article><h3>Nouvelles de {p}</h3><p>Lire la suite</p></article>" for p in ("Gao", "Kita"))
    page = (f"<html><body><h1>Nos partenaires</h1>{sections}"
            f"<div class='grid'>{teasers}</div></body></html>")
    records = extract(parse(read_bytes(page.encode("utf-8"), "page.html").blocks))
    assert [p["partner_id"] for p in records["partners"]] == ["gao", "kita"]
    assert [a["start_year"] for a in records["actions"] if a["start_year"]] == [2019, 2021]


def test_a_text_page_s_entry_ending_with_a_partner_s_hashtag_is_in_that_partner_s_section():
    body = ("Sankt-Ägidien-am-See (Autriche)\n\nUn jumelage signé en 1988.\n\n#SanktÄgidien\n\n"
            "Camps de Bir Lahlou (Sahara occidental)\n\nUne solidarité née en 1999.\n\n"
            "2021\n\n- Mars 2021 : chorale reçue en mairie. #Chorale\n\n"
            "- Mai 2021 : échange de lycéens. #Jeunesse #SanktÄgidien\n\n"
            "2022\n\n- Juin 2022 : collecte de livres. #CampsDeBirLahlou\n")
    # each tagged entry joins the section of the partner its tag names; a year alone above
    # the first entry of a partner goes with it (no entry of its own); an entry whose tags
    # name no partner stays where it is written; the tag of a section's own text heads nothing
    assert layout(body) == [
        ("Sankt-Ägidien-am-See (Autriche)", None, ["Mai 2021"]),
        ("Camps de Bir Lahlou (Sahara occidental)", None, ["Mars 2021", "Juin 2022"]),
    ]


def test_a_text_page_s_inline_markup_as_served_is_read_without_it_at_its_lines():
    data = ("Villes partenaires\n\n<strong>Sankt</strong>-Ägidien (<em class=\"hl\">Autriche</em>)\n\n"
            "2021 : accueil de<strong> la</strong> chorale <b>à</b> Ardon.\n\nUn prix < 3 000 € et un <blink>.\n")
    document = read_bytes(data.encode("utf-8"), "page.txt")
    assert [(b.kind, b.text, b.line) for b in document.blocks] == [
        ("heading", "Villes partenaires", 1), ("heading", "Sankt-Ägidien (Autriche)", 3),
        ("paragraph", "2021 : accueil de la chorale à Ardon.", 5),
        ("paragraph", "Un prix < 3 000 € et un <blink>.", 7)]  # no markup of a word's run
    assert "<strong>Sankt</strong>" in document.text  # the page's text as written
    assert [s.heading.text for s in parse(document.blocks).sections] == ["Sankt-Ägidien (Autriche)"]


# --- a feature that tells every partner in prose, several events to a paragraph -----------

FEATURE = (
    "<h2>Kolda (Sénégal) : des puits et des livres</h2>"
    "<p>Signé en 1991, le pacte d’amitié avec Kolda est l’un des plus anciens. De 1998 à 2004, "
    "des étudiant·es en agronomie ont conseillé les maraîchers. En 2006, une bibliothèque "
    "a été construite près du marché. La même année, douze ordinateurs y ont été installés.</p>"
    "<figure><img src='k.jpg' alt=''><figcaption>Le puits de Kolda, avril 2019.</figcaption></figure>"
    "<p>En avril 2019, trois puits ont été creusés. Deux ans plus tard, une pompe solaire a suivi, "
    "puis en 2022 un château d’eau.</p>"
    "<p>Depuis 2010, un car de lycéens part chaque été pour Kolda.</p>"
    "<h2>Les villages côtiers de Cacheu (Guinée-Bissau) : la mer en partage</h2>"
    "<p>En 2012, des pêcheurs ont reçu des filets neufs ; de 2014 à 2016, une coopérative "
    "a été formée à la vente du poisson.</p>"
    "<p>En mars 2018, une délégation a visité le port. En 2020, la fête de la mer a été annulée.</p>")


def test_a_feature_told_in_prose_gives_each_dated_clause_an_action():
    """Sections whose paragraphs each tell several dated events, none labelled ("2012 :"):
    each event is an action of its own, dated by its clause, a relative date ("la même
    année", "deux ans plus tard") by the one before; a picture's caption stays aside."""
    page = page_of(FEATURE, html=True)
    records = extract(page)
    acts = [(a["partner_id"], a["start_year"], a["end_year"]) for a in records["actions"]]
    assert ("kolda", 1998, 2004) in acts
    assert acts.count(("kolda", 2006, 2006)) == 2  # "la même année": the year before
    assert ("kolda", 2021, 2021) in acts and ("kolda", 2022, 2022) in acts
    assert any(p["partner_id"] == "kolda" and p["agreement_year"] == 1991 for p in records["partners"])
    assert [a["start_year"] for a in records["actions"] if a["partner_id"] != "kolda"] == [2012, 2014, 2018, 2020]
    assert "Le puits de Kolda, avril 2019." in [a.block.text for a in page.set_aside]


def test_a_page_of_labelled_entries_keeps_one_entry_per_paragraph():
    """The same paragraphs under labels with their colon ("2012 : …") stay one entry each:
    the dates inside an entry are its own words, not events of their own."""
    body = ("<h2>Kolda (Sénégal)</h2><p>2012 : des filets neufs ; de 2014 à 2016, une coopérative.</p>"
            "<p>2018 : une délégation. En 2020, la fête de la mer a été annulée.</p>"
            "<h2>Cacheu (Guinée-Bissau)</h2><p>2019 : trois puits. Deux ans plus tard, une pompe.</p>")
    assert layout(body, html=True) == [("Kolda (Sénégal)", None, ["2012", "2018"]),
                                       ("Cacheu (Guinée-Bissau)", None, ["2019"])]


def test_a_recurring_action_since_a_year_is_going_on():
    """"Depuis 2010, un car … part chaque été": an action still going on, no tie's date."""
    records = extract(page_of(FEATURE, html=True))
    since = [a for a in records["actions"] if a["start_year"] == 2010]
    assert [(a["partner_id"], a["end_year"], a["is_ongoing"]) for a in since] == [("kolda", None, True)]


def test_the_same_feature_as_a_text_page_gives_the_same_actions():
    """The feature's text version, its headings a place after a kind and its qualifiers,
    then a subtitle after a colon ("Les villages côtiers de Cacheu (Guinée-Bissau) : la mer
    en partage"): two partners, each event an action."""
    text = re.sub(r"<figure>.*?</figure>", "", FEATURE)
    text = re.sub(r"<p>", "", re.sub(r"</?h2>|</p>", "\n\n", text))
    (kolda, _, told), (cacheu, _, listed) = layout(text)
    assert kolda.startswith("Kolda") and cacheu.startswith("Les villages côtiers de Cacheu")
    assert told[-7:] == ["De 1998 à 2004", "En 2006", "La même année", "En avril 2019", "Deux ans plus tard",
                         "en 2022", "Depuis 2010"]  # the pact's signing aside
    assert listed == ["En 2012", "de 2014 à 2016", "En mars 2018", "En 2020"]
