"""The page's structure: sections, entries, and the text that belongs to each."""

import pytest

from pipeline.errors import PipelineError
from pipeline.parse import ASKED_PARTNER, INTERVIEW_QUESTION, parse
from pipeline.read import text_blocks


def entries_of(page):
    return [e for s in page.sections for e in s.entries]


def test_six_partner_sections_at_their_lines(page):
    assert [s.heading.line for s in page.sections] == [12, 36, 60, 88, 100, 120]


def test_45_dated_entries_and_one_undated(page):
    entries = entries_of(page)
    assert len(entries) == 46
    assert [e.line for e in entries if e.label is None] == [74]


def test_run_together_line_is_two_entries(page):
    on_130 = [e for e in entries_of(page) if e.line == 130]
    assert [e.label for e in on_130] == ["2008", "2007-2011"]
    assert on_130[0].text.endswith("suite aux passages des ouragans Gustav et Luke.")
    assert on_130[1].text.startswith("2007-2011, le programme de rénovation urbaine")


def test_bullet_list_stays_in_its_entry(page):
    (entry,) = [e for e in entries_of(page) if e.line == 90]
    assert (entry.line, entry.line_end) == (90, 95)
    assert "\n• La participation à un camp d’été sportif.\n" in entry.text
    assert entry.text.count("\n• ") == 5


def test_continuation_paragraphs_join_the_entry_above(page):
    by_line = {e.line: e for e in entries_of(page)}
    assert by_line[104].line_end == 106
    assert "\n\nEn lien avec le Centre Municipal de Santé, les enfants" in by_line[104].text
    assert by_line[112].line_end == 114
    assert by_line[112].text.endswith("découvrir la réalité de la vie dans les camps de réfugié·es.")


def test_undated_paragraph_is_an_entry_of_its_own(page):
    (entry,) = [e for e in entries_of(page) if e.line == 74]
    assert entry.text.startswith("Collaboration avec le Théâtre National de Palestine")


def test_description_is_what_comes_before_the_first_dated_entry(page):
    assert [[b.line for b in s.description] for s in page.sections] == [
        [14], [38], [62], [], [102], [122]]


def test_page_frame_is_set_aside_not_lost(page):
    assert [(x.block.line, x.reason) for x in page.set_aside] == [
        (1, "page title"), (3, "page introduction"), (134, "site navigation link")]


def test_intro_keeps_its_six_list_items(page):
    assert [b.line for b in page.intro] == [5, 6, 7, 8, 9, 10]


def test_a_page_without_partner_headings_is_refused():
    with pytest.raises(PipelineError, match="aucun titre de partenaire trouvé"):
        parse(text_blocks("Jumelages\n\n2003-2014 : accueil de six jeunes.\n"))


# --- Entries, whatever the label's form --------------------------------------------------

def sections_of(text):
    return parse(text_blocks(text)).sections


# paragraph -> (label, text of the entry) for each entry it gives
ENTRIES = [
    ("2018 : accueil de jeunes.", [("2018", "2018 : accueil de jeunes.")]),
    ("Juin 2012, tournoi de football.", [("Juin 2012", "Juin 2012, tournoi de football.")]),
    ("Courant 2019 : réalisation d’un puits.", [("Courant 2019", "Courant 2019 : réalisation d’un puits.")]),
    ("En 2015 et 2017 : séjours de jeunes.", [("En 2015 et 2017", "En 2015 et 2017 : séjours de jeunes.")]),
    # a sentence that starts with a date stays in its entry
    ("2019 : soutien de la Ville. Depuis 2022, ce soutien est annuel.",
     [("2019", "2019 : soutien de la Ville. Depuis 2022, ce soutien est annuel.")]),
    ("2019 : soutien de la Ville. En 2021, la Ville a remis du matériel.",
     [("2019", "2019 : soutien de la Ville. En 2021, la Ville a remis du matériel.")]),
    # glued to the full stop (a lost paragraph break), or a colon label after a sentence
    ("2008, aide après le cyclone.2009-2012, le programme de reconstruction.",
     [("2008", "2008, aide après le cyclone."), ("2009-2012", "2009-2012, le programme de reconstruction.")]),
    ("2008 : aide après le cyclone. 2010 : forage d’un puits.",
     [("2008", "2008 : aide après le cyclone."), ("2010", "2010 : forage d’un puits.")]),
    # inclusive writing with dots is not a sentence end
    ("2019 : délégation d’élu.es en Palestine.", [("2019", "2019 : délégation d’élu.es en Palestine.")]),
]


@pytest.mark.parametrize("paragraph, expected", ENTRIES, ids=[e[0][:24] for e in ENTRIES])
def test_a_paragraph_opening_with_a_label_is_an_entry(paragraph, expected):
    (section,) = sections_of(f"Jumelages\n\nTamba (Mali)\n\n{paragraph}\n")
    assert [(e.label, e.text) for e in section.entries] == expected


def test_an_unknown_label_keeps_its_label_and_does_not_take_an_undated_entry_s_place():
    page = ("Jumelages\n\nTamba (Mali)\n\n2010 : accueil de jeunes.\n\n"
            "Courant 2019 : réalisation d’un puits.\n\n"
            "Partenariat avec le théâtre de Tamba depuis plusieurs années.\n")
    (section,) = sections_of(page)
    assert [e.label for e in section.entries] == ["2010", "Courant 2019", None]


def test_entries_as_list_items_and_bullets_of_an_entry():
    page = ("Jumelages\n\nTamba (Mali)\n\n• 2010 : accueil de jeunes.\n• Courant 2012 : forage.\n"
            "• des formations\n• une campagne\n")
    (section,) = sections_of(page)
    assert [(e.label, e.line, e.line_end) for e in section.entries] == [("2010", 5, 5), ("Courant 2012", 6, 8)]
    assert section.entries[1].text == "Courant 2012 : forage.\n• des formations\n• une campagne"


def test_under_a_year_heading_an_undated_paragraph_takes_a_day_of_that_year_it_writes():
    page = ("Jumelages\n\nSinaia (Roumanie)\n\n1989\n\nDès l'automne 1989, des élus s'inquiètent.\n\n"
            "La chute du régime ouvre les frontières. Un comité est constitué (23/12/89), qui organise "
            "des convois.\n\nLes habitants donnent beaucoup (12/05/91).\n\n1990\n\nLes convois partent.\n")
    (section,) = sections_of(page)
    assert [e.label for e in section.entries] == ["Dès l'automne 1989", "23/12/89", None, "1990"]


def test_the_lines_of_a_dated_item_are_activities_of_its_date():
    """A dated item going on over lines with no blank line between ("• 2004 : Mission …",
    then "Formation …", "Accueil …"): each undated line is an activity of the item's date;
    the next item is its own entry; a line after a blank line is not the item's."""
    page = ("Jumelages\n\nTamba (Mali)\n\n  • 2004 : Mission d'accompagnement à Tamba.\n"
            "    Formation à la bureautique des agents.\n    Accueil d'une délégation malienne.\n"
            "  • Participation en 2006 au réseau des villes partenaires.\n\n"
            "Soutien de la Ville à l'école de musique de Tamba.\n")
    (section,) = sections_of(page)
    assert [(e.label, e.text.split()[0]) for e in section.entries] == [
        ("2004", "2004"), ("2004", "Formation"), ("2004", "Accueil"), (None, "Participation"),
        (None, "Soutien")]


# undated paragraph after an entry -> joins it (True) or is an entry of its own (False)
UNDATED = [
    ("Ce séjour a permis de découvrir la ville.", True),
    ("Ces échanges ont été très appréciés.", True),
    ("Elles·ils ont été accueilli·es dans des familles.", True),
    ("En lien avec le centre de santé, les enfants ont vu un médecin.", True),
    ("Par ailleurs, la Ville a remis du matériel scolaire.", True),
    ("puis une exposition a été montée.", True),
    ("Partenariat avec le théâtre de Tamba depuis plusieurs années.", False),
    ("Soutien de la Ville à l’école de musique de Tamba.", False),
]


@pytest.mark.parametrize("paragraph, joins", UNDATED, ids=[u[0][:24] for u in UNDATED])
def test_an_undated_paragraph_continues_or_stands_alone(paragraph, joins):
    (section,) = sections_of(f"Jumelages\n\nTamba (Mali)\n\n2010 : accueil de jeunes.\n\n{paragraph}\n")
    assert len(section.entries) == (1 if joins else 2)
    assert section.entries[-1].text.endswith(paragraph)


# --- Headings of a text snapshot ------------------------------------------------------------

# line -> is it a partner heading? (the intro names "Les camps de réfugiés de Mbera")
HEADINGS = [
    ("Tombouctou (Mali)", True), ("St. Louis (Sénégal)", True), ("Kobané", True),
    ("Cergy (France, Belgique)", True), ("La Lisa – La Havane (Cuba)", True),
    ("La Lisa (La Havane, Cuba)", True), ("Saint-Louis du Sénégal", True),
    ("Camps de réfugiés de Mbera", True), ("Jérusalem-Est ( Palestine)", True),
    ("Ville de Yokohama (Japon)", True), ("L’Haÿ-les-Roses (France)", True),
    ("Retour en haut de page", False), ("Ce séjour a permis de découvrir Tamba.", False),
    ("2016 : forages (Mali)", False), ("Courant 2019 : forages", False),
    ("Accueil de jeunes (Oz)", False), ("Publié le 12/03/2024", False),
    ("Collaboration avec le théâtre de Tamba", False), ("Kobané.", False),
]


@pytest.mark.parametrize("line, heading", HEADINGS, ids=[h[0] for h in HEADINGS])
def test_a_partner_heading_in_a_text_snapshot(line, heading):
    page = f"Jumelages\n\nAvec :\n\n  • Les camps de réfugiés de Mbera (Mauritanie)\n\nTamba (Mali)\n\n2010 : accueil.\n\n{line}\n\n2011 : forage.\n"
    sections = sections_of(page)
    assert [s.heading.text for s in sections] == (["Tamba (Mali)", line] if heading else ["Tamba (Mali)"])


def test_a_page_without_title_and_a_heading_over_a_group_of_sections():
    from pipeline.read import Block
    blocks = [Block("paragraph", "La Ville mène des projets avec :", 1), Block("list_item", "Tamba (Mali)", 3),
              Block("heading", "Afrique", 5, 2), Block("heading", "Tamba (Mali)", 7, 3),
              Block("paragraph", "2010 : accueil.", 9)]
    page = parse(blocks)
    assert page.title is None
    assert [s.heading.text for s in page.sections] == ["Tamba (Mali)"]
    assert [(x.block.line, x.reason) for x in page.set_aside] == [
        (1, "page introduction"), (5, "heading of a group of partner sections")]


def test_intro_items_are_linked_to_the_closest_partner_or_set_aside():
    page = parse(text_blocks(
        "Jumelages\n\nAvec :\n\n  • la ville de tamba, au bord du fleuve (Mali)\n"
        "  • La municipalité de La Plata au sein de la province de Buenos Aires (Argentine)\n"
        "  • La ville d’Atlantide (Océanie)\n\n"
        "Tamba (Mali)\n\n2010 : accueil.\n\nLa Plata – Buenos Aires (Argentine)\n\n2011 : forage.\n\n"
        "Kobané\n\n2012 : soutien.\n"))
    assert [s.intro.line if s.intro else None for s in page.sections] == [5, 6, None]
    assert [(x.block.line, x.reason) for x in page.set_aside][-1] == (
        7, "intro list item naming no partner section")


def test_a_dated_entry_before_the_first_heading_is_a_loss():
    page = parse(text_blocks("Jumelages\n\n2009 : accueil de jeunes.\n\nTamba (Mali)\n\n2010 : forage.\n"))
    assert [(x.block.line, x.reason, x.loss) for x in page.set_aside] == [
        (1, "page title", False), (3, "dated entry before the first partner heading", True)]


def test_headings_above_the_first_partner_heading_belong_to_the_introduction():
    from pipeline.html_page import html_blocks
    page = parse(html_blocks(
        "<html><body><main><h2>Jumelages et coopérations</h2><p>La Ville mène des projets avec :</p>"
        "<ul><li>La ville de Tamba (Mali)</li></ul><h2>Nos partenaires</h2>"
        "<h2>Tamba (Mali)</h2><p>2010 : accueil.</p><h2>Kobané</h2><p>2011 : soutien.</p>"
        "</main></body></html>"))
    assert [s.heading.text for s in page.sections] == ["Tamba (Mali)", "Kobané"]
    assert [(x.block.text, x.reason) for x in page.set_aside if x.block.kind == "heading"] == [
        ("Jumelages et coopérations", "heading of the introduction"),
        ("Nos partenaires", "heading of the introduction")]


def test_when_no_heading_reads_as_a_place_every_heading_is_a_partner_s():
    from pipeline.html_page import html_blocks
    page = parse(html_blocks("<html><body><main><h1>Jumelages</h1><h2>Coopération avec le village</h2>"
                             "<p>2010 : accueil.</p><h2>Échanges avec la région</h2><p>2011 : soutien.</p>"
                             "</main></body></html>"))
    assert [s.heading.text for s in page.sections] == ["Coopération avec le village", "Échanges avec la région"]


def test_a_dated_sentence_of_the_introduction_is_set_aside_with_a_warning_not_a_loss():
    """Issue 21: "En 2023, la Ville a consacré …" opens the introduction with a date and a
    comma, as prose does; it is reported, and the run goes on (an entry "2009 : …" above the
    first heading still is a loss)."""
    page = parse(text_blocks("Jumelages\n\nEn 2023, la Ville a consacré 45 000 € à la coopération.\n\n"
                             "Tamba (Mali)\n\n2010 : forage.\n"))
    assert [(x.block.line, x.reason, x.loss, x.warn) for x in page.set_aside] == [
        (1, "page title", False, False),
        (3, "dated sentence of the introduction (before the first partner heading)", False, True)]


def test_a_date_field_s_key_alone_above_its_value_is_set_aside():
    # a CMS's field written as two blocks: its key ("Période", "Date") and its value below;
    # a key of another kind ("Délégation") is no field's: it keeps the date below apart
    page = parse(text_blocks(
        "Gao (Mali)\n\nLe jumelage date de 1997.\n\nPériode\n\n2003-2014\n\naccueil de jeunes à Gao.\n\n"
        "Date\n\nJuin 2012\n\ntournoi de football.\n\nDélégation d’élus\n\nSeptembre 2019\n\n"
        "visite à Gao.\n"))
    entries = entries_of(page)
    assert [(e.label, e.text) for e in entries] == [
        ("2003-2014", "2003-2014\naccueil de jeunes à Gao."), ("Juin 2012", "Juin 2012\ntournoi de football."),
        (None, "Délégation d’élus"), ("Septembre 2019", "Septembre 2019\nvisite à Gao.")]
    assert {a.block.text for a in page.set_aside if a.reason.startswith("key of a date field")} == {"Période", "Date"}


PROGRAMME = """Jumelée avec Herschbach en Allemagne

27 avril 2018

Du jeudi 10 au dimanche 13 mai : 40ème anniversaire du Jumelage.

Du 10 au 13 mai prochain, nous célébrerons les 40 ans du jumelage avec Herschbach. Voici le programme :

Jeudi 10, 9h00 (salle des Fêtes) arrivée des allemands.

Vendredi 11, matin, balade au Cap Fréhel.

Vendredi 11, 18h00, inauguration de la place.

Samedi 12,

18h30, Messe du Jumelage.

Réservation obligatoire avant le 5 mai.
"""


def test_a_posts_days_without_their_year_take_it_from_the_post_and_a_programmes_days_their_month():
    # the real page of Pleudihen-sur-Rance (round 7): the post's date alone on its line,
    # "mai prochain" after it is May 2018, and "Jeudi 10" the Thursday of those days
    page = parse(text_blocks(PROGRAMME))
    entries = page.sections[0].entries
    assert [(e.label, e.period_label) for e in entries] == [
        ("Du jeudi 10 au dimanche 13 mai", "Du jeudi 10 au dimanche 13 mai 2018"),
        ("Jeudi 10", "Jeudi 10 mai 2018"), ("Vendredi 11", "Vendredi 11 mai 2018"),
        ("Vendredi 11", "Vendredi 11 mai 2018"), ("Samedi 12", "Samedi 12 mai 2018"), (None, None)]
    assert entries[0].text.endswith("Voici le programme :")  # the headline, then the paragraph
    assert entries[4].text == "Samedi 12,\n18h30, Messe du Jumelage."
    assert [(s.block.text, s.reason) for s in page.set_aside if s.block.text == "27 avril 2018"] == [
        ("27 avril 2018", "the article's own furniture (by-line, counters, image file, date of publication)")]


def test_a_weekday_and_a_number_that_fit_none_of_the_days_told_stay_undated():
    page = parse(text_blocks(PROGRAMME.replace("Jeudi 10", "Mardi 10")))
    assert [(e.label, e.period_label) for e in page.sections[0].entries][1] == (None, None)


def test_a_dated_item_under_an_undated_line_is_an_entry_of_its_own():
    # the real page of Aix-en-Provence (round 7): a bullet "2004 :" continued by undated
    # lines, then the next bullet, dated in its first sentence
    page = parse(text_blocks("""Bamako (Mali)

- 2004 : Mission d'accompagnement à Bamako.

Accueil d'une délégation malienne.

- Participation en 2006 au réseau des villes partenaires.

- visite du lycée
"""))
    assert [(e.label, e.text) for e in page.sections[0].entries] == [
        ("2004", "2004 : Mission d'accompagnement à Bamako."),
        (None, "Accueil d'une délégation malienne."),
        (None, "Participation en 2006 au réseau des villes partenaires.\n• visite du lycée")]


def test_a_year_alone_on_its_line_over_entries_dated_inside_it_is_a_sub_heading():
    # the real page of Athis-Mons (round 7): "1989", then "Dès l'automne 1989, …"
    page = parse(text_blocks("""Sinaia (Roumanie)

1989

Dès l'automne 1989, des membres d'associations s'inquiètent du sort des villages.

1990

Ces convois partent les 17/01/90 et 17/04/90.
"""))
    assert [e.label for e in page.sections[0].entries] == ["Dès l'automne 1989", "1990"]
    assert [s.reason for s in page.set_aside if s.block.text == "1989"] == ["sub-heading within a partner section"]


def test_an_item_of_the_description_tells_its_events_of_the_tie():
    """A bulleted description tells the tie's events in its sentences as a paragraph does:
    the one that names the town is an event of the tie, the partner's own facts are not."""
    page = parse(text_blocks(
        "Jumelages\n\nTamba (Mali)\n\n• Tamba compte 3 700 habitants, un marché fondé en 1921.\n"
        "• À partir de contacts entre jeunes, une association a vu le jour en 2000 à Ivry-sur-Seine.\n"))
    (section,) = page.sections
    assert [(e.label, e.text) for e in section.entries] == [
        ("en 2000", "À partir de contacts entre jeunes, une association a vu le jour en 2000 à Ivry-sur-Seine.")]
    assert len(section.description) == 2


@pytest.mark.parametrize("below, label, period", [
    # a month without its year under the entries of one year: that year
    ("En mai, nous avons accueilli six jeunes de Tamba.", "En mai 2015", "2015-05"),
    ("Le 3 octobre, un forage a été inauguré.", "Le 3 octobre 2015", "2015-10-03"),
])
def test_a_month_without_its_year_under_an_entry_of_one_year_is_in_it(below, label, period):
    from pipeline.extract import extract

    page = parse(text_blocks(f"Jumelages\n\nTamba (Mali)\n\n2015 : une délégation s’est rendue à Tamba.\n\n{below}\n"))
    assert [e.period_label for e in page.sections[0].entries] == [None, label]
    assert [a["period"] for a in extract(page)["actions"]] == ["2015", period]


def test_a_month_before_the_month_above_keeps_no_year():
    """After "En octobre 2015", "En mai" may be the next spring: no year is guessed."""
    page = parse(text_blocks("Jumelages\n\nTamba (Mali)\n\nEn octobre 2015, une délégation s’est rendue à "
                             "Tamba.\n\nEn mai, nous avons accueilli six jeunes de Tamba.\n"))
    assert [e.period_label for e in page.sections[0].entries] == [None, None]


def test_a_paragraph_opening_with_a_listed_partner_country_first_starts_its_section():
    """Under an intro list "le Togo : Koumondè", a paragraph "Togo : Koumondè (…). Une …"
    is the partner's heading run into its text: a heading and a paragraph on one line."""
    text = ("Les jumelages concernent :\n\n- l'Autriche : Mondsee\n\n- le Togo : Koumondè\n\n"
            "Autriche : Mondsee est jumelée avec la ville depuis avril 1999.\n\n"
            "Togo : Koumondè (Présidente : Mme Dom). Une trentaine d'adhérents.\n")
    assert [(b.kind, b.text, b.line) for b in text_blocks(text)[3:]] == [
        ("heading", "Autriche : Mondsee", 7), ("paragraph", "est jumelée avec la ville depuis avril 1999.", 7),
        ("heading", "Togo : Koumondè", 9), ("paragraph", "(Présidente : Mme Dom). Une trentaine d'adhérents.", 9)]
    assert [s.heading.text for s in parse(text_blocks(text)).sections] == ["Autriche : Mondsee", "Togo : Koumondè"]


def test_a_fiche_date_of_the_project_s_own_span_is_no_entry():
    """"Date de création : 1978" stays text of an undated entry; "Année de début :" above
    "1989" is set aside with its value: the body's or the project's own span, never an
    action's date."""
    from pipeline.fields import SPAN_FIELD

    page = parse(text_blocks("Jumelages\n\nTamba (Mali)\n\n2010 : accueil de jeunes.\n\n"
                             "Date de création : 1978\n\nNombre d’adhérents : 39\n"))
    assert [(e.label, e.text) for e in page.sections[0].entries] == [
        ("2010", "2010 : accueil de jeunes."), (None, "Date de création : 1978\nNombre d’adhérents : 39")]
    page = parse(text_blocks("Jumelages\n\nTamba (Mali)\n\n2010 : accueil de jeunes.\n\n"
                             "Année de début :\n\n1989\n\nAnnée de fin :\n\nen cours\n"))
    assert [e.label for e in page.sections[0].entries] == ["2010"]
    assert [a.block.text for a in page.set_aside if a.reason == SPAN_FIELD] == [
        "Année de début :", "1989", "Année de fin :", "en cours"]


def test_a_timeline_card_s_title_between_its_date_and_its_text_is_no_section():
    """A timeline widget writes each entry as a date, a card's title, then its text; a title
    that names a place ("Mission au Sénégal") is the entry's, not a partner section."""
    from pipeline.html_page import html_blocks

    page = parse(html_blocks("""<html><body><main><h1>Jumelages</h1>
<h2>Podor · Sénégal</h2><p>Une amitié née en 1988 autour du fleuve.</p>
<div class="timeline"><div class="date"><b>2017</b></div><h5>Mission au Sénégal</h5>
<p>Quatre élus reçus par le conseil municipal.</p></div>
<div class="timeline"><div class="date"><b>Mars 2021</b></div><h5>Ateliers</h5>
<p>Des ateliers de couture pour vingt femmes.</p></div>
<h2>Oulu · Finlande</h2><p>2022 : chorale reçue.</p></main></body></html>"""))
    assert [s.heading.text for s in page.sections] == ["Podor · Sénégal", "Oulu · Finlande"]
    podor = page.sections[0].entries
    assert [(e.label, e.text.split("\n")[-1]) for e in podor] == [
        ("2017", "Quatre élus reçus par le conseil municipal."),
        ("Mars 2021", "Des ateliers de couture pour vingt femmes.")]


def test_a_year_alone_over_entries_of_a_month_without_their_year_heads_them():
    page = parse(text_blocks(
        "Jumelages\n\nOulu (Finlande)\n\n2023\n\nEn mars : chorale reçue en mairie.\n\n"
        "Du 4 au 9 juin : classe de neige.\n\n2021\n\nEn mai : exposition de photos.\n"))
    entries = page.sections[0].entries
    assert [(e.label, e.period_label) for e in entries] == [
        ("En mars", "En mars 2023"), ("Du 4 au 9 juin", "Du 4 au 9 juin 2023"), ("En mai", "En mai 2021")]
    assert {s.block.text for s in page.set_aside if s.reason == "sub-heading within a partner section"} >= {"2023", "2021"}


def test_an_easy_read_page_answers_questions_under_headings_set_in_apposition():
    """Issue 20: an easy-read ("facile à lire") page names its partner with an apposition
    before its country ("Kita, une commune au Mali") and writes each entry as the answers to
    questions set as keys ("Quand ? …", "Quoi ? …", "Qui ? …", "Combien ? …")."""
    from pipeline.extract import extract
    from pipeline.load import read_bytes
    from pipeline.report import unassigned

    text = ("Nos amis\n\nNous aidons deux villes.\n\n"
            "Kita, une commune au Mali\n\nQuand ? En 2011.\n\nQuoi ? Envoi de livres pour l’école.\n\n"
            "Quand ? De mars à mai 2019.\n\nQuoi ? Un atelier de couture.\n\nQui ? 14 femmes.\n\n"
            "Combien ? La Ville a donné 900 euros.\n\n"
            "Ségou, une petite ville au Mali\n\nQuand ? En juin 2022.\n\nQuoi ? Visite du maire.\n")
    document = read_bytes(text.encode(), "page.txt")
    page = parse(document.blocks)
    assert [(s.heading.text, s.heading.line) for s in page.sections] == [
        ("Kita, une commune au Mali", 5), ("Ségou, une petite ville au Mali", 19)]
    data = extract(page)
    assert [(p["partner_id"], p["country_code"]) for p in data["partners"]] == [
        ("kita", "ML"), ("segou", "ML")]
    assert [(a["partner_id"], a["period"], a["participants"], a["amount_eur"])
            for a in data["actions"]] == [
        ("kita", "2011", None, None), ("kita", "2019-03/2019-05", 14, 900),
        ("segou", "2022-06", None, None)]
    assert data["actions"][1]["text"] == ("Quand ? De mars à mai 2019.\nQuoi ? Un atelier de couture."
                                          "\nQui ? 14 femmes.\nCombien ? La Ville a donné 900 euros.")
    assert unassigned(document.blocks, page, data) == []


def test_a_paragraph_in_another_language_beside_its_entry_is_set_aside():
    """Issue 20: a text page that sets each entry's translation below it (German, Spanish)
    gives one row per entry: the translation, told by its function words, is set aside."""
    from pipeline.extract import extract
    from pipeline.narrative import OTHER_LANGUAGE

    text = ("Nos villes amies\n\nKita (Mali)\n\n2014 : envoi de cahiers pour les écoles du village.\n\n"
            "2014: Versand von Heften für die Schulen des Dorfes und der Umgebung.\n\n"
            "Matanzas (Cuba)\n\n2018 : accueil de deux médecins au centre de santé.\n\n"
            "2018: acogida de dos médicos en el centro de salud, con el apoyo de la ciudad.\n")
    page = parse(text_blocks(text))
    assert [(a["partner_id"], a["period"]) for a in extract(page)["actions"]] == [
        ("kita", "2014"), ("matanzas", "2018")]
    assert [s.block.text[:5] for s in page.set_aside if s.reason == OTHER_LANGUAGE] == ["2014:", "2018:"]


def test_a_page_of_questions_names_each_partner_in_its_first_question_only():
    """Issue 20: a FAQ names a partner only in the first question about it; the questions
    after it ("Et pour l'eau ?") are about the same partner, and the town itself or "la
    Ville" named in a question is no partner."""
    from pipeline.extract import extract

    text = ("Nos amitiés\n\nLa ville travaille avec :\n\n• La commune de Kita (Mali)\n"
            "• La ville de Matanzas (Cuba)\n\nQue fait Ivry-sur-Seine avec Kita, au Mali ?\n\n"
            "2014 : envoi de cahiers pour les écoles.\n\nEt pour l’eau, que fait la Ville ?\n\n"
            "2016-2018 : creusement de trois puits.\n\n"
            "Depuis quand la Ville est-elle amie avec Matanzas (Cuba) ?\n\n"
            "2018 : accueil de deux médecins.\n")
    page = parse(text_blocks(text))
    assert [s.heading.text for s in page.sections] == ["Kita, au Mali", "Matanzas (Cuba)"]
    data = extract(page)
    assert [(p["partner_id"], p["country_code"]) for p in data["partners"]] == [
        ("kita", "ML"), ("matanzas", "CU")]
    assert [(a["partner_id"], a["period"]) for a in data["actions"]] == [
        ("kita", "2014"), ("kita", "2016/2018"), ("matanzas", "2018")]


def test_a_question_in_a_page_with_partner_headings_stays_a_sentence():
    text = ("Nos amitiés\n\nKita (Mali)\n\nPourquoi Matanzas (Cuba) ?\n\n"
            "2014 : envoi de cahiers.\n\nMatanzas (Cuba)\n\n2018 : accueil de médecins.\n")
    assert [s.heading.text for s in parse(text_blocks(text)).sections] == ["Kita (Mali)", "Matanzas (Cuba)"]


def test_an_interview_answer_is_about_the_partner_its_question_names():
    """Issue 20: a magazine interview beside the partners' boxes: each question names a
    partner (its name in another spelling, a word of its name alone, or that word in
    lower case and inclusive writing), its answer in prose comes before that partner's box
    and below the previous one's; the answer's dated sentences are that partner's actions.
    A question that names no partner stays a sentence of the section above."""
    from pipeline.extract import extract

    text = ("Entretien avec l’adjointe\n\nSaint-Louis (Sénégal)\n\n2015 : envoi de livres.\n\n"
            "La rédaction : Et du côté de Hanovre, où en êtes-vous ?\n\n"
            "L’adjointe : Très bien. En mars 2024, nous avons reçu la chorale du lycée. "
            "Et à l’automne 2025, nos pompiers partiront là-bas.\n\n"
            "La ville de Hanovre (Allemagne)\n\n2018 : échange de pompiers.\n\n"
            "La rédaction : Les familles kurdes viendront-elles ?\n\n"
            "L’adjointe : Oui. L’été 2024 en a vu venir douze, pour trois semaines.\n\n"
            "Camps des Kurdes de Makhmour (Irak)\n\n2019 : envoi de tentes.\n\n"
            "La rédaction : Un dernier mot ?\n\nL’adjointe : Merci à tous.\n")
    page = parse(text_blocks(text))
    assert [s.heading.text for s in page.sections] == [
        "Saint-Louis (Sénégal)", "La ville de Hanovre (Allemagne)", "Camps des Kurdes de Makhmour (Irak)"]
    actions = extract(page)["actions"]
    assert [(a["partner_id"], a["period"]) for a in actions if a["period"]] == [
        ("saint-louis", "2015"), ("hanovre", "2024-03"), ("hanovre", "2025-23"),
        ("hanovre", "2018"), ("camps-des-kurdes-de-makhmour", "2024-22"),
        ("camps-des-kurdes-de-makhmour", "2019")]
    assert sum(s.reason == ASKED_PARTNER for s in page.set_aside) == 2
    assert [s.block.text for s in page.set_aside if s.reason == INTERVIEW_QUESTION] == [
        "La rédaction : Un dernier mot ?"]


def test_an_entry_dated_relative_to_the_entry_before_it():
    """Issue 20: an editor who rewrites a page as a story dates entries from the one before
    ("La même année", "Trois ans plus tard", "En avril de l'année suivante"); a count of
    years from another date ("… après la signature de l'accord") is not from the entry."""
    from pipeline.extract import extract

    text = ("Nos amitiés\n\nKita (Mali)\n\nMars 2010 : envoi de cahiers.\n\n"
            "La même année, accueil de deux enseignants.\n\n"
            "Trois ans plus tard, creusement d’un puits.\n\n"
            "En avril de l’année suivante, visite du maire.\n\n"
            "Dix ans après la signature de l’accord, grande fête.\n")
    actions = extract(parse(text_blocks(text)))["actions"]
    assert [(a["date_label"], a["period"]) for a in actions] == [
        ("Mars 2010", "2010-03"), ("La même année", "2010"), ("Trois ans plus tard", "2013"),
        ("En avril de l’année suivante", "2014-04"), (None, None)]


def test_a_relative_start_before_an_end_and_a_relative_entry_after_a_dated_one():
    """Issue 20: "Dès l'année suivante et jusqu'en 2019" starts a year after the entry
    before it; "Trois ans plus tard, …" right under a dated entry is an entry of its own,
    not a continuation of it."""
    from pipeline.extract import extract

    text = ("Nos amitiés\n\nKita (Mali)\n\n2011 : envoi de cahiers.\n\n"
            "Trois ans plus tard, accueil de deux enseignants maliens.\n\n"
            "Dès l’année suivante et jusqu’en 2019, cours de couture au foyer.\n")
    actions = extract(parse(text_blocks(text)))["actions"]
    assert [a["period"] for a in actions] == ["2011", "2014", "2015/2019"]


def test_entries_dated_at_the_end_of_their_first_sentence() -> None:
    """A page whose entries open with their text and end their first sentence with their
    date in brackets, sometimes after another bracket or beside a remark; a bracket that
    names no date leaves the item in its entry."""
    text = ("Kita (Mali)\n\n"
            "– Creusement de quatre puits avec le syndicat des eaux (Loire) (2011-2013). Deux "
            "mécaniciens ont été formés.\n\n"
            "– Mission de trois élus pour inaugurer la maternité (mars 2019).\n\n"
            "– Envoi de manuels scolaires (2021, avec six mois de retard).\n\n"
            "– Concert des chorales réunies (Fête de la musique, juin 2023).\n\n"
            "– Visite du marché (Kita).\n\n"
            "– Don de semences (2008).Le jardin des femmes a ouvert (2009-2010). Il nourrit 40 familles.\n")
    page = parse(text_blocks(text))
    entries = page.sections[0].entries
    assert [e.label for e in entries] == ["2011-2013", "mars 2019", "2021", "juin 2023", "2008", "2009-2010"]
    assert entries[-1].text == "Le jardin des femmes a ouvert (2009-2010). Il nourrit 40 familles."
    assert entries[3].text.endswith("• Visite du marché (Kita).")


def test_a_link_back_to_the_page_summary_is_navigation():
    from pipeline.parse import is_navigation
    assert is_navigation("↑ Retour au sommaire")
    assert not is_navigation("Retour au sommaire des jeunes de Kita en 2019.")


def test_pieces_of_an_entry_joined_again_keep_the_pages_one_space():
    """A piece cut before or after its space ("2007-2011," then " le programme …") is
    joined again with the page's one space, not two: an entry's text stays the page's
    words as written (the fuzzed hostile pages check every text against the source)."""
    from pipeline.parse import _Draft

    draft = _Draft.start("2007-2011", "2007-2011,", 3)
    draft.extend(" le programme", 3, " ")
    draft.extend("lancé.", 3, " ")
    assert draft.entry().text == "2007-2011, le programme lancé."


def test_a_services_address_and_opening_hours_are_a_contact_line():
    """Issue 20: a page's footer gives its service's postal address and hours, no e-mail
    nor phone ("…, 61120 Vimoutiers. Ouvert de 9 h à 12 h"): a contact line, no entry; an
    entry that names an address keeps it."""
    from pipeline.parse import CONTACT

    text = ("Nos amitiés\n\nKita (Mali)\n\n2019 : envoi de livres à l’école, 12 rue Haute, 61120 Vimoutiers.\n\n"
            "Service jumelage — Mairie, place de la Poste, 61120 Vimoutiers. Ouvert du lundi au jeudi, "
            "de 9 h à 12 h.\n")
    page = parse(text_blocks(text))
    assert [e.label for e in entries_of(page)] == ["2019"]
    assert [s.reason for s in page.set_aside if s.block.text.startswith("Service jumelage")] == [CONTACT]


def test_a_label_is_read_for_a_start_told_before_it_only_when_it_writes_until(monkeypatch):
    """An entry's label whose start is told relative to the entry before ("Dès l'année
    suivante et jusqu'en 2016") is completed from it; the grammar's only form open at its
    start opens with a word of "until", so a label without one (nearly all of them) is not
    read again for it: a large page read every label's dates once more for this."""
    import pipeline.parse
    from pipeline.parse import Entry, _told_after

    read = []
    find_dates = pipeline.parse.find_dates
    monkeypatch.setattr(pipeline.parse, "find_dates", lambda text, *a: read.append(text) or find_dates(text, *a))
    dated = _told_after([Entry("Mars 2011", "Mars 2011 : chorale.", 3, 3),
                         Entry("Avril 2011", "Avril 2011 : exposition.", 5, 5),
                         Entry("L'année suivante et JUSQU\u00adʼEN 2015", "L'année suivante … : ateliers.", 7, 7)])
    assert [e.period_label for e in dated] == [None, None, "2012 – 2015"]
    assert read == ["L'année suivante et JUSQU\u00adʼEN 2015"]


def test_a_paragraph_is_another_language_s_only_with_two_of_its_words_counted_all_together():
    """A block is another language's when it writes at least two of that language's
    function words, and more of them than French ones; the words of several languages
    each count for their own, and one word alone, whichever language it is from, never
    makes a block foreign."""
    from pipeline.languages import other_language

    assert other_language("Rencontre du Chor und des musiciens de la ville jumelle.") is None
    assert other_language("Dons de vêtements y de jouets remis au Chor und à la ville.") is None
    assert other_language("Konzert der Jugend mit Gästen aus Mali.") == "german"
    assert other_language("Concierto con los jóvenes y la banda, und Musik.") == "spanish"
    assert other_language("Konzert der Jugend avec les élèves et des parents pour la fête.") is None
