"""Partners a page lists in ways other than bullets and headings with their countries: lines
one after the other under a sentence of twinning, each maybe with its flag; the news below
such a list, each item going to the partner it names; and what must never become a partner
there (a programme's lines, a site's language switch).

Every page here is written for the test, with towns and wordings of its own."""

from pipeline.extract import extract
from pipeline.load import read_bytes
from pipeline.parse import parse


def rows(text):
    """The partners (id, country) and the actions (partner id, label) of a text page."""
    found = extract(parse(read_bytes(text.encode("utf-8"), "page.txt").blocks))
    return ([(p["partner_id"], p["country_code"]) for p in found["partners"]],
            [(a["partner_id"], a["date_label"]) for a in found["actions"]])


FLAGGED = ("Nos jumelages\n\nLa commune entretient des liens avec trois villes d'Europe.\n\n"
           "Nos villes jumelles :\n\n🇦🇹 Hallstatt (depuis 1977)\n🇪🇸 Olite (depuis 1988)\n"
           "🇮🇪 Kinsale (depuis 1999)\n\n"
           "En 2018, le marché de Noël a accueilli les exposants de Hallstatt.\n\n"
           "En 2022, une équipe de hurling est venue de Kinsale.\n")


def test_lines_with_a_flag_under_a_sentence_of_twinning_are_each_a_partner():
    partners, _ = rows(FLAGGED)
    assert partners == [("hallstatt", "AT"), ("olite", "ES"), ("kinsale", "IE")]


def test_news_below_a_list_of_partner_lines_go_to_the_partner_each_names():
    _, actions = rows(FLAGGED)
    assert actions == [("hallstatt", "En 2018"), ("kinsale", "En 2022")]


def test_lines_without_flag_or_country_under_a_sentence_naming_twins_are_partners():
    text = ("Jumelages\n\nLa ville est jumelée avec les communes suivantes :\n\n"
            "Olite\nKinsale\nHallstatt\n\nEn 2020, les jeunes de Olite ont visité le musée.\n")
    partners, actions = rows(text)
    assert [p for p, _ in partners] == ["olite", "kinsale", "hallstatt"]
    assert actions == [("olite", "En 2020")]


def test_lines_under_a_sentence_naming_no_tie_are_not_partners():
    text = ("Jumelage avec Kinsale (Irlande)\n\nEn 2019, un voyage a été organisé.\n\n"
            "Au programme :\n\nDublin\nCork\nGalway\n\nLe comité remercie les familles.\n")
    partners, _ = rows(text)
    assert partners == [("kinsale", "IE")]


def test_the_home_country_s_flag_is_a_language_switch_not_a_partner():
    text = ("🇫🇷 Français\n🇬🇧 English\n\nKinsale (Irlande)\n\n"
            "En 2019, une délégation a été reçue.\n")
    partners, actions = rows(text)
    assert partners == [("kinsale", "IE")]
    assert actions == [("kinsale", "En 2019")]


# --- each partner in a paragraph of its own, opening on its name and country ---------------

PARAGRAPHS = ("Nos amitiés\n\nLa ville entretient des liens étroits avec plusieurs communes.\n\n"
              "Avec Olite, en Espagne, la ville partage une histoire de vignerons. En 2017, les "
              "deux fanfares ont défilé ensemble.\n\n"
              "Avec Kinsale (Irlande), les liens sont plus récents. En 2021, trente lycéens ont "
              "été accueillis.\n\n"
              "Notre partenariat avec Hallstatt, ville autrichienne, date de 2003.\n")


def test_paragraphs_each_opening_on_a_partner_and_its_country_are_its_sections():
    partners, actions = rows(PARAGRAPHS)
    assert partners == [("olite", "ES"), ("kinsale", "IE"), ("hallstatt", "AT")]
    assert [a for a in actions if a[1] != "2003" and "2003" not in a[1]] == [
        ("olite", "En 2017"), ("kinsale", "En 2021")]


def test_a_paragraph_opening_on_a_person_or_a_phrase_is_no_partner():
    text = ("Jumelage avec Kinsale (Irlande)\n\n"
            "Avec Martine Leroy, présidente du comité, les bénévoles ont préparé la fête. "
            "En 2019, un voyage a été organisé.\n\n"
            "Avec plaisir, nous avons reçu nos amis irlandais en 2022.\n")
    partners, _ = rows(text)
    assert partners == [("kinsale", "IE")]


def test_one_paragraph_opening_on_a_partner_is_the_story_of_that_partner_alone():
    text = ("Notre jumelage\n\nAvec Kinsale, en Irlande, notre amitié dure depuis 1990. "
            "En 2019, une délégation de Kinsale a été reçue. Elle a visité Olite en Espagne.\n")
    partners, actions = rows(text)
    assert [p for p, _ in partners] == ["kinsale"]
    assert ("kinsale", "En 2019") in actions


# --- a town's own name and its French name are one partner ----------------------------------

def partner_rows(text):
    found = extract(parse(read_bytes(text.encode("utf-8"), "page.txt").blocks))
    return [(p["partner_id"], p["country_code"], p["name_variants"]) for p in found["partners"]]


def test_an_intro_item_in_french_names_the_heading_in_the_town_s_own_tongue():
    text = ("Nos jumelages\n\nLa ville est jumelée avec :\n- Mayence (Allemagne)\n- Anvers (Belgique)\n\n"
            "Mainz\n\nEn 2014, la chorale a chanté à la cathédrale.\n\n"
            "Antwerpen\n\nEn 2016, une exposition de peintres flamands a été montée.\n")
    assert partner_rows(text) == [("mainz", "DE", "Mayence"), ("antwerpen", "BE", "Anvers")]


def test_a_section_continued_under_the_french_name_is_one_partner():
    text = ("Mayence (Allemagne)\n\nEn 2014, la chorale a chanté à la cathédrale.\n\n"
            "Anvers (Belgique)\n\nEn 2016, une exposition a été montée.\n\n"
            "Mainz (suite)\n\nEn 2019, un échange de lycéens a eu lieu.\n")
    _, actions = rows(text)
    assert [p for p, _, _ in partner_rows(text)] == ["mayence", "anvers"]
    assert actions == [("mayence", "En 2014"), ("mayence", "En 2019"), ("anvers", "En 2016")]


def test_a_story_naming_its_twin_both_ways_has_one_partner():
    text = ("Visite de nos amis\n\nEn juin 2018, une délégation de Mainz, notre ville jumelle, a "
            "été reçue à la mairie. Les visiteurs de Mayence ont découvert le marché, et le maire "
            "a remercié nos amis de Mayence.\n")
    assert [p for p, _, _ in partner_rows(text)] == ["mayence"]


def test_two_towns_whose_names_differ_are_not_joined_by_the_list_of_french_names():
    text = ("Mayence (Allemagne)\n\nEn 2014, la chorale a chanté.\n\n"
            "Mannheim (Allemagne)\n\nEn 2016, une exposition a été montée.\n")
    assert [p for p, _, _ in partner_rows(text)] == ["mayence", "mannheim"]


# --- a partner's country never written beside it --------------------------------------------

def test_a_region_s_demonym_places_the_partner_in_its_country():
    text = ("Jumelage avec Weilheim\n\nNotre ville est jumelée avec Weilheim depuis 1981.\n\n"
            "En 2016, nos amis bavarois ont tenu un stand au marché de Noël.\n")
    assert partner_rows(text) == [("weilheim", "DE", None)]


def test_a_region_the_entries_travel_to_places_the_partner_in_its_country():
    text = ("Jumelage avec Greve\n\nNotre ville est jumelée avec Greve depuis 1999.\n\n"
            "En 2019, un voyage en Toscane a réuni quarante habitants.\n")
    assert partner_rows(text) == [("greve", "IT", None)]


def test_a_word_holding_a_region_s_people_in_a_compound_places_nothing():
    text = ("Jumelage avec Weilheim\n\nNotre ville est jumelée avec Weilheim depuis 1981.\n\n"
            "En 2016, une conférence sur l'art anglo-saxon a été donnée.\n")
    assert partner_rows(text) == [("weilheim", None, None)]


# --- a listed partner with no section of its own ---------------------------------------------

LISTED = ("Nos jumelages\n\nLes jumelages de la ville :\n\n- l'Écosse : Kelso\n- la Hongrie : Tokaj\n"
          "- le Portugal : Óbidos\n\nKelso (Écosse)\n\nEn 2015, la fanfare a défilé.\n\n"
          "Tokaj (Hongrie)\n\nEn 2017, une dégustation a été organisée.\n")


def test_a_listed_partner_whose_section_the_page_lacks_is_a_partner_with_no_text():
    partners, actions = rows(LISTED)
    assert partners == [("kelso", "GB"), ("tokaj", "HU"), ("obidos", "PT")]
    assert actions == [("kelso", "En 2015"), ("tokaj", "En 2017")]


def test_a_country_written_first_with_its_article_is_no_part_of_the_name():
    found = extract(parse(read_bytes(LISTED.encode("utf-8"), "page.txt").blocks))
    assert [p["name"] for p in found["partners"]] == ["Kelso", "Tokaj", "Óbidos"]


def test_a_list_item_naming_no_country_or_an_existing_partner_stays_set_aside():
    text = ("Nos jumelages\n\nLes jumelages de la ville :\n\n- Kelso (Écosse)\n- Tokaj (Hongrie)\n"
            "- La cité d'Ys (Armorique)\n- Kelso, en Écosse\n\nKelso (Écosse)\n\nEn 2015, la fanfare a défilé.\n\n"
            "Tokaj (Hongrie)\n\nEn 2017, une dégustation a été organisée.\n")
    partners, _ = rows(text)
    assert partners == [("kelso", "GB"), ("tokaj", "HU")]


def test_the_year_a_list_line_gives_its_tie_is_the_agreement_year():
    found = extract(parse(read_bytes(FLAGGED.encode("utf-8"), "page.txt").blocks))
    assert [(p["partner_id"], p["agreement_year"]) for p in found["partners"]] == [
        ("hallstatt", 1977), ("olite", 1988), ("kinsale", 1999)]


def test_two_names_of_the_town_one_after_the_other_are_the_town_not_a_partner(tmp_path):
    """A committee of two communes names itself by both: never a partner of its own town."""
    from pipeline.config import load, using

    from .test_town import _one_page_town

    town = load(_one_page_town(tmp_path / "valmont", "Valmont", "La Baume Rousse", "59999", "", ""))
    text = ("Le blog du comité\n\n"
            "- : Le blog du jumelage Valmont La Baume Rousse Kinsale\n"
            "- : Blog édité par le Comité de jumelage de Valmont La Baume Rousse. Devenez des "
            "acteurs de l'amitié avec nos amis de Kinsale.\n\n"
            "En mai 2019, vingt familles ont accueilli nos amis de Kinsale, notre ville jumelle "
            "en Irlande.\n")
    with using(town):
        assert [p for p, _, _ in partner_rows(text)] == ["kinsale"]


def test_twins_a_sentence_lists_with_their_countries_and_years_are_each_a_partner():
    """"D'autres jumelages ont suivi : Lucca (Italie) et Zwolle (Pays-Bas) en 1962, …": each
    place beside its country is a partner, the tie's year after it no part of its name."""
    partners, _ = rows("Nos villes jumelles\n\nHistorique\n\nLa ville s'est d'abord jumelée avec "
                       "Mons. D'autres jumelages ont suivi : Lucca (Italie) et Zwolle (Pays-Bas) en 1962, "
                       "Opole (Pologne) en 1975 et Bath (Angleterre) depuis 1980.\n\nMons - Belgique\n\n"
                       "Mons est la capitale du Hainaut.\n")
    assert partners == [("mons", "BE"), ("lucca", "IT"), ("zwolle", "NL"), ("opole", "PL"), ("bath", "GB")]


def test_twins_listed_a_line_each_with_their_country_outweigh_the_place_the_news_names_most():
    """A committee's page: "jumelée avec les communes de :", a dashed line per twin with its
    country and year, then the committee's own news, which names a nearby town three times."""
    partners, _ = rows("JUMELAGE\n\nLa commune de Saint-Ouen est jumelée avec les communes de :\n\n"
                       "- Wells (Angleterre) depuis 1980\n\n- Lohr (Allemagne) depuis 2015\n\n"
                       "Activités 2024\n\n- Repas du comité à Vire le dimanche 10 mars 2024.\n\n"
                       "- Concert à Vire le 20 avril 2024, puis bal à Vire.\n")
    assert partners == [("wells", "GB"), ("lohr", "DE")]


# --- places listed in prose, each with its own country ---------------------------------------

def test_places_a_sentence_lists_each_in_its_country_are_the_partners():
    """A town-hall page that tells its policy, then names its partners in one sentence, each
    with its country after a preposition, brackets or a comma ("Tartu, en Estonie")."""
    text = ("Relations internationales\n\n"
            "Après la guerre, la ville a noué des liens avec de nombreuses communes d'Europe.\n\n"
            "Elle a choisi de concentrer sa coopération sur trois villes : Ostrava en Tchéquie, "
            "Tartu, en Estonie, et Kaunas (Lituanie).\n\n"
            "En 2017, des lycéens de Tartu ont été accueillis pendant une semaine.\n")
    partners, actions = rows(text)
    assert sorted(partners) == [("kaunas", "LT"), ("ostrava", "CZ"), ("tartu", "EE")]
    assert actions == [("tartu", "En 2017")]


def test_a_committees_report_names_its_twins_as_the_trips_it_made():
    """The president's words in a committee's report: the twins as the stops of its trips,
    one after the other with their countries, and the one it keeps "des liens avec"; the
    word opening the quotation after a cue ("… avec le monde associatif : « Quand …") is
    no place."""
    text = ("Assemblée générale du comité\n\n"
            "La présidente a salué l'adjointe chargée des relations avec le monde associatif : "
            "« Quand j'ai été élue, je voulais faire connaître nos villes jumelles. Nous avons "
            "commencé par Tarragone, en Espagne, puis Bamberg en Allemagne et enfin Tartu en "
            "Estonie. Nous gardons aussi de bons liens avec Galway. »\n")
    partners, _ = rows(text)
    assert [p for p, _ in partners] == ["tarragone", "bamberg", "tartu", "galway"]
    assert dict(partners)["bamberg"] == "DE" and dict(partners)["tarragone"] == "ES"


def test_two_places_a_trip_went_through_on_a_page_of_no_tie_are_no_partners():
    text = ("Jumelage avec Kinsale (Irlande)\n\n"
            "En 2019, le car est passé par Dublin (Irlande) et Cork (Irlande).\n")
    partners, _ = rows(text)
    assert partners == [("kinsale", "IE")]

