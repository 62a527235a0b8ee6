"""Partners and actions as the page states them."""

import pytest

from pipeline.extract import place_name, status

from .conftest import records_of

PARTNERS = [
    # partner_id, name, country_name, country_code, agreement_year, agreement_type
    ("brandebourg-sur-la-havel", "Brandebourg-sur-la-Havel", "Allemagne", "DE", 1963, "protocole de jumelage"),
    ("dianguirde", "Dianguirdé", "Mali", "ML", 2005, "protocole d'accord"),
    ("jifna-et-jalazone", "Jifna et Jalazone", "Palestine", "PS", 2012, "accord de coopération"),
    ("jerusalem-est", "Jérusalem-Est", "Palestine", "PS", None, None),
    ("camps-de-refugies-sahraouis-de-tindouf", "Camps de réfugiés Sahraouis de Tindouf", "Algérie", "DZ", None, None),
    ("la-lisa", "La Lisa", "Cuba", "CU", 1997, "accord de jumelage"),
]


def test_partners(records):
    got = [(p["partner_id"], p["name"], p["country_name"], p["country_code"],
            p["agreement_year"], p["agreement_type"]) for p in records["partners"]]
    assert got == PARTNERS


def test_brandenburg_three_spellings_one_name(records):
    brandenburg = records["partners"][0]
    assert brandenburg["heading"] == "Brandenburg-sur-la-Havel (Allemagne)"
    assert brandenburg["name_variants"] == "Brandenbourg-sur-la-Havel | Brandenburg-sur-la-Havel"


def test_each_partner_has_its_intro_list_item(records):
    assert [p["intro_line"] for p in records["partners"]] == [5, 6, 7, 8, 9, 10]
    assert records["partners"][1]["intro_item"] == "La commune rurale de Dianguirdé, région de Kayes\u00a0(Mali)"


def test_text_keeps_the_page_typography(actions):
    # non-breaking spaces after "2022 :" and inside « », typographic apostrophes
    assert actions[("jifna-et-jalazone", 86, "2022")]["text"].startswith(
        "2022 :\u00a0nomination comme citoyen d’honneur")
    assert "«\u00a0un bateau pour Cuba" in actions[("la-lisa", 124, "1999")]["text"]


def test_description_is_the_intro_paragraph(records):
    la_lisa = records["partners"][5]
    assert la_lisa["description"].startswith("La Lisa est l’une des quinze municipalités")
    assert records["partners"][3]["description"] is None  # Jérusalem-Est has none


@pytest.mark.parametrize("heading, name", [
    ("La commune de Jifna et le camp de Jalazone en Cisjordanie", "Jifna et Jalazone"),
    ("La commune rurale de Dianguirdé", "Dianguirdé"),
    ("La municipalité de La Lisa", "La Lisa"),
    ("Camps de réfugiés Sahraouis de Tindouf", "Camps de réfugiés Sahraouis de Tindouf"),
])
def test_place_name_drops_the_kind_of_place(heading, name):
    assert place_name(heading) == name


# (partner, line, label) -> start, end, ongoing, amount, participants, approx, status
ACTIONS = [
    (("brandebourg-sur-la-havel", 16, "2003-2014"), (2003, 2014, False, None, 6, False, None)),
    (("brandebourg-sur-la-havel", 26, "2014"), (2014, 2014, False, None, 8, False, None)),
    (("brandebourg-sur-la-havel", 34, "Depuis 2016"), (2016, None, True, None, None, None, "ongoing")),
    (("dianguirde", 40, "2006 – 2008"), (2006, 2008, False, None, None, None, None)),
    (("dianguirde", 52, "2016-2020"), (2016, 2020, False, 300000, None, None, "abandoned")),
    (("jifna-et-jalazone", 66, "2006 – 2008"), (2006, 2008, False, None, 50, True, None)),
    (("jifna-et-jalazone", 70, "2013"), (2013, 2013, False, None, 15, True, None)),
    (("jifna-et-jalazone", 74, None), (None, None, None, None, None, None, None)),
    (("jifna-et-jalazone", 80, "2019"), (2019, 2019, False, 10000, None, None, None)),
    (("jifna-et-jalazone", 84, "2020"), (2020, 2020, False, None, 4, False, "cancelled")),
    (("camps-de-refugies-sahraouis-de-tindouf", 104, "Depuis 2008"), (2008, None, True, None, 6, False, "ongoing")),
    (("camps-de-refugies-sahraouis-de-tindouf", 118, "2020, 2021 et 2022"), (2020, 2022, False, None, None, None, "cancelled")),
    (("la-lisa", 132, "De 2006 à 2014"), (2006, 2014, False, None, 6, False, None)),
]


@pytest.mark.parametrize("key, expected", ACTIONS)
def test_action_facts(actions, key, expected):
    a = actions[key]
    assert (a["start_year"], a["end_year"], a["is_ongoing"], a["amount_eur"], a["participants"],
            a["participants_approx"], a["status"]) == expected


def test_statuses_on_the_page(records):
    counted = {}
    for a in records["actions"]:
        counted[a["status"]] = counted.get(a["status"], 0) + 1
    assert counted == {None: 39, "ongoing": 4, "cancelled": 2, "abandoned": 1}


@pytest.mark.parametrize("text, ongoing, expected", [
    ("Ces séjours ont été annulés en 2020 et 2021 en raison de la crise sanitaire", True, "ongoing"),
    ("Ces séjours ont été annulés en 2020 et 2021 en raison de la crise sanitaire", False, None),
    ("Le projet a été annulé en raison de la crise sanitaire de la Covid-19.", False, "cancelled"),
    ("l’accueil ... a dû être annulé en raison de la crise sanitaire", False, "cancelled"),
    ("le projet a été abandonné définitivement en 2021.", False, "abandoned"),
    ("le festival a été reporté à l’an prochain", False, "postponed"),
    ("organisation d’un tournoi inter-services", False, None),
])
def test_status(text, ongoing, expected):
    from pipeline.dates import parse_label
    assert status(text, parse_label("Depuis 2016" if ongoing else "2016")) == expected


PAGE = """Jumelages

Dianguirdé (Mali)

2007-2009 : réalisation de 10 forages d’eau.

2016 : réalisation d’une cartographie numérique.
"""


def test_action_ids_do_not_move_when_an_entry_is_inserted_above():
    before = [a["action_id"] for a in records_of(PAGE)["actions"]]
    inserted = PAGE.replace("2007-2009", "2005 : une nouvelle entrée.\n\n2007-2009")
    after = [a["action_id"] for a in records_of(inserted)["actions"]]
    assert before == ["dianguirde-2007-2009", "dianguirde-2016"]
    assert after == ["dianguirde-2005", "dianguirde-2007-2009", "dianguirde-2016"]


def test_identical_labels_are_told_apart_by_rank():
    twice = PAGE.replace("2016 :", "2007-2009 :")
    assert [a["action_id"] for a in records_of(twice)["actions"]] == [
        "dianguirde-2007-2009", "dianguirde-2007-2009-2"]


# (partner_id) -> kind, relationship, first_link_year, first_link_precision
ENRICHMENT = [
    ("brandebourg-sur-la-havel", ("ville", "jumelage", 1963, "year")),
    ("dianguirde", ("commune rurale", "coopération décentralisée", 1990, "decade")),
    ("jifna-et-jalazone", ("commune et camp de réfugiés", "coopération décentralisée", 2003, "year")),
    ("jerusalem-est", ("ville", "coopération décentralisée", 2019, "year")),
    ("camps-de-refugies-sahraouis-de-tindouf", ("camps de réfugiés", "coopération décentralisée", 2008, "year")),
    ("la-lisa", ("municipalité", "jumelage", 1990, "year")),
]


@pytest.mark.parametrize("partner_id, expected", ENRICHMENT)
def test_partner_enrichment(records, partner_id, expected):
    p = next(p for p in records["partners"] if p["partner_id"] == partner_id)
    assert (p["kind"], p["relationship"], p["first_link_year"], p["first_link_precision"]) == expected


# key -> age_min, age_max, duration_days, recurrence, cancelled_years, direction
MORE_FACTS = [
    (("jifna-et-jalazone", 64, "2003 – 2014"), (13, 15, 21, "annual", None, "visit_from_partner")),
    (("jifna-et-jalazone", 66, "2006 – 2008"), (10, 14, None, None, None, "neither")),
    (("camps-de-refugies-sahraouis-de-tindouf", 104, "Depuis 2008"), (6, 10, 14, None, None, "visit_from_partner")),
    (("camps-de-refugies-sahraouis-de-tindouf", 110, "Avril - mai 2018"), (None, None, 30, None, None, "visit_from_partner")),
    (("brandebourg-sur-la-havel", 34, "Depuis 2016"), (None, None, None, "every_summer", "{2020,2021}", "both")),
    (("brandebourg-sur-la-havel", 26, "2014"), (None, None, None, None, None, "trip_to_partner")),
    (("brandebourg-sur-la-havel", 32, "Mai 2018"), (None, None, None, None, None, "trip_to_partner")),
    (("jifna-et-jalazone", 70, "2013"), (None, None, None, None, None, "trip_to_partner")),
    (("dianguirde", 54, "Depuis 2018"), (None, None, None, "annual", None, "neither")),
]


@pytest.mark.parametrize("key, expected", MORE_FACTS)
def test_more_action_facts(actions, key, expected):
    a = actions[key]
    assert (a["age_min"], a["age_max"], a["duration_days"], a["recurrence"], a["cancelled_years"],
            a["direction"]) == expected


def test_partners_with_near_identical_names_stay_apart():
    page = ("Jumelages\n\n  • La ville de Saint-Genis (France)\n  • La ville de Saint-Denis (France)\n\n"
            "Saint-Denis (France)\n\n2010 : accueil de six jeunes.\n\n"
            "Saint-Genis (France)\n\n2011 : accueil de huit jeunes.\n")
    partners = records_of(page)["partners"]
    assert [(p["name"], p["name_variants"], p["intro_line"]) for p in partners] == [
        ("Saint-Denis", None, 4), ("Saint-Genis", None, 3)]
