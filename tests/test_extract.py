"""Partners and actions as the page states them."""

import pytest

from pipeline.dates import parse_label
from pipeline.extract import (
    RECURRENCES, STATUS_PHRASES, cancelled_years, place_name, recurrence, status,
)
from pipeline.schemas import table_schema

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


# text, label of the entry -> status; sentences in the page's style
STATUSES = [
    ("Ces séjours ont été annulés en 2020 et 2021 en raison de la crise sanitaire", "Depuis 2016", "ongoing"),
    ("Ces séjours ont été annulés en 2020 et 2021 en raison de la crise sanitaire", "2016", None),
    ("Ces séjours ont été annulés en 2020 et 2021 en raison de la crise sanitaire", "2020-2021", "cancelled"),
    ("Le projet a été annulé en raison de la crise sanitaire de la Covid-19.", "2016", "cancelled"),
    ("l’accueil des enfants a dû être annulé en raison de la crise sanitaire", "2016", "cancelled"),
    ("Le festival n’a pas pu avoir lieu à cause des grèves.", "2019", "cancelled"),
    ("La rencontre n’a finalement pas pu se tenir.", "2019", "cancelled"),
    ("Les échanges n'ont pas eu lieu cette année-là.", "2019", "cancelled"),
    ("Le tournoi, prévu au printemps, est annulé.", "Depuis 2018", "cancelled"),  # said wins over open
    ("le projet a été abandonné définitivement en 2021.", "2016", "abandoned"),
    ("La ville a renoncé au projet faute de financement.", "2016", "abandoned"),
    ("le festival a été reporté à l’an prochain", "2016", "postponed"),
    ("Le séjour a été reporté à 2024.", "2023", "postponed"),
    ("La visite, prévue en mai, a dû être reportée.", "2023", "postponed"),
    ("Le chantier a été repoussé en 2025.", "2023", "postponed"),
    ("Le partenariat a été suspendu en 2020 en raison du conflit.", "Depuis 2014", "suspended"),
    ("Le programme est mis en suspens faute de financement.", "2019", "suspended"),
    ("La coopération a été mise en sommeil.", "2019", "suspended"),
    ("Le projet est toujours en cours.", "2019", "ongoing"),
    ("La construction de l’école se poursuit.", "2022", "ongoing"),
    ("organisation d’un tournoi inter-services", "2016", None),
    ("organisation d’un tournoi inter-services", "Depuis 2016", "ongoing"),
    # negation in the clause denies the statement
    ("La fête n’a pas été annulée malgré la pluie.", "2019", None),
    ("Le projet n’a jamais été abandonné.", "2019", None),
    ("Le concert s’est tenu sans être annulé.", "2019", None),
    ("Le séjour ne sera pas reporté.", "2019", None),
    ("Le festival n’a pas été annulé mais reporté à 2024.", "2023", "postponed"),
    ("Les demandes n’ont pu aboutir et le projet a été abandonné.", "2016", "abandoned"),
    ("Le projet de la commune de Saint-Seine a été suspendu.", "2016", "suspended"),  # "…ne" is no "ne"
    # the last statement wins
    ("Le festival a été reporté en 2021 puis finalement annulé.", "2020", "cancelled"),
    ("Annulé en mars, le festival a été reporté à l’automne.", "2020", "postponed"),
    ("Le budget en cours d’année a été voté.", "2020", None),  # "en cours d'année" is no status
]


@pytest.mark.parametrize("text, label, expected", STATUSES)
def test_status(text, label, expected):
    assert status(text, parse_label(label)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ces séjours ont été annulés en 2020 et 2021 en raison de la crise", "{2020,2021}"),
    ("Les rencontres ont été annulées en 2020, 2021 et 2022.", "{2020,2021,2022}"),
    ("Le festival n’a pas pu avoir lieu en 2020.", "{2020}"),
    ("Le tournoi n’a pas été annulé en 2020.", None),
    ("Le tournoi a été annulé en mars 2020.", None),  # the entry, not some years
    ("Le tournoi a été reporté en 2021.", None),
])
def test_cancelled_years(text, expected):
    assert cancelled_years(text) == expected


def test_the_rules_give_exactly_the_schemas_codes():
    fields = {f["name"]: f for f in table_schema("actions")["fields"]}
    statuses = {c["value"] for c in fields["status"]["categories"]}
    assert set(STATUS_PHRASES) == statuses
    assert {expected for _, _, expected in STATUSES} - {None} == statuses
    assert set(RECURRENCES.values()) == {c["value"] for c in fields["recurrence"]["categories"]}


@pytest.mark.parametrize("text, expected", [
    ("organisation chaque été de voyages-rencontres", "every_summer"),
    ("des séjours tous les étés", "every_summer"),
    ("un tournoi organisé tous les ans", "annual"),
    ("une collecte organisée annuellement", "annual"),
    ("une lettre d’information tous les mois", "monthly"),
    ("une rencontre en 2019", None),
])
def test_recurrence(text, expected):
    assert recurrence(text) == expected


def test_every_dated_action_has_dates_agreeing_with_its_years(records):
    for a in records["actions"]:
        if a["period"] is None:
            assert (a["start_date"], a["end_date"]) == (None, None)
            continue
        assert a["start_year"] == (a["start_date"].year if a["start_date"] else None)
        assert a["end_year"] == (a["end_date"].year if a["end_date"] else None)
        assert a["is_ongoing"] == (a["end_date"] is None)


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
    (("jifna-et-jalazone", 64, "2003 – 2014"), (13, 15, 21, "annual", None, "hosted_in_ivry")),
    (("jifna-et-jalazone", 66, "2006 – 2008"), (10, 14, None, None, None, "neither")),
    (("camps-de-refugies-sahraouis-de-tindouf", 104, "Depuis 2008"), (6, 10, 14, None, None, "hosted_in_ivry")),
    (("camps-de-refugies-sahraouis-de-tindouf", 110, "Avril - mai 2018"), (None, None, 30, None, None, "hosted_in_ivry")),
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
