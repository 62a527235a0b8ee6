"""Programmes, organisations and people: found by rules, checked on the page's facts."""

import difflib
import random

import pytest

from pipeline.entities import MAX_COMPARED, SIMILAR, Mention, Registry, organisations, people, programmes


def partners_of(records, programme_id):
    by_action = {a["action_id"]: a["partner_id"] for a in records["actions"]}
    return sorted(by_action[link["action_id"]] for link in records["action_programmes"]
                  if link["programme_id"] == programme_id)


def test_ten_programmes_named_on_the_page(records):
    assert sorted(p["name"] for p in records["programmes"]) == sorted([
        "Village du monde", "Mehr Licht", "BarUmWalz", "Back to school", "Mapathon",
        "Liberté et Dignité", "Sport culture", "Jeunes talents", "un bateau pour Cuba",
        "Vacances de la paix"])


def test_village_du_monde_links_exactly_three_partners(records):
    assert partners_of(records, "village-du-monde") == [
        "brandebourg-sur-la-havel", "jifna-et-jalazone", "la-lisa"]


def test_mehr_licht_is_one_programme_of_two_partners_even_without_guillemets(records):
    links = [link["action_id"] for link in records["action_programmes"] if link["programme_id"] == "mehr-licht"]
    assert links == ["brandebourg-sur-la-havel-2004-2006", "la-lisa-2005"]


@pytest.mark.parametrize("text, expected", [
    ("participera au festival franco-palestinien « Jeunes talents ».", [("Jeunes talents", "festival")]),
    ("la Ville a participé au financement du programme «Vacances de la paix », porté par",
     [("Vacances de la paix", "programme")]),
    ("Elles·ils reçoivent également un «trousseau de vêtements» et participent", []),
    ("une nouvelle campagne « Eau pour tous » a commencé", [("Eau pour tous", "campagne")]),
])
def test_programmes(text, expected):
    assert [(m.name, m.kind) for m in programmes(text)] == expected


ORGANISATIONS = [
    # sentences never seen on the page
    ("en partenariat avec l'association Terre des Jeunes", [("Terre des Jeunes", "association", None)]),
    ("avec le soutien de la Fondation Abbé Pierre.", [("Fondation Abbé Pierre", "foundation", None)]),
    # the page's own sentences
    ("Engagées avec le Réseau de Coopération Décentralisée pour la Palestine (RCDP) et",
     [("Réseau de Coopération Décentralisée pour la Palestine", "network", "RCDP")]),
    ("Financé par l’Union européenne, ce projet", [("Union européenne", "public_body", None)]),
    ("construit en lien avec l’Union sportive d’Ivry Omnisports.",
     [("Union sportive d’Ivry Omnisports", "sports_club", None)]),
    ("en partenariat avec CartONG et la communauté malienne", [("CartONG", "other", None)]),
    ("Le Conseil municipal a aussi appelé l’Europe", [("Conseil municipal", "public_body", None)]),
    # plural heads and places name no organisation
    ("dans les centres de loisirs d’Ivry et les centres de vacances des Mathes", []),
    ("alimenter le fonds de la bibliothèque du centre social du camp.", []),
]


@pytest.mark.parametrize("text, expected", ORGANISATIONS)
def test_organisations(text, expected):
    assert [(m.name, m.kind, m.acronym) for m in organisations(text)] == expected


def test_al_bustan_spelt_two_ways_is_one_organisation(records):
    (row,) = [o for o in records["organisations"] if "Bustan" in o["name"] or "Bulstan" in o["name"]]
    assert (row["name"], row["name_variants"]) == ("centre Al Bustan", "centre socio-culturel d’Al Bulstan")
    linked = sorted(link["action_id"] for link in records["action_organisations"]
                    if link["organisation_id"] == row["organisation_id"])
    assert linked == ["jerusalem-est-2019-2021", "jifna-et-jalazone-septembre-2019"]


def test_organisations_on_the_page(records):
    names = {o["name"] for o in records["organisations"]}
    for expected in ["CartONG", "Fondation SADEV", "Institut français de Ramallah", "Réseau Bargouthi",
                     "Union sportive d’Ivry Omnisports", "Plateforme nationale de Solidarité avec le Peuple Sahraoui",
                     "Camion-Citerne", "Centre Municipal de Santé", "Théâtre National de Palestine",
                     "Union européenne", "Comité de jumelage"]:
        assert expected in names
    acronyms = {o["acronym"] for o in records["organisations"] if o["acronym"]}
    assert acronyms == {"RCDP", "FSGT", "AARASD"}


def test_lowercase_mention_of_a_known_organisation_is_linked(records):
    # "le comité de jumelage" (line 40) is the "Comité de jumelage" of line 54
    linked = {link["action_id"] for link in records["action_organisations"]
              if link["organisation_id"] == "comite-de-jumelage"}
    assert linked == {"dianguirde-2006-2008", "dianguirde-depuis-2018"}


def honours(records):
    years = {a["action_id"]: a["start_year"] for a in records["actions"]}
    names = {p["person_id"]: p["name"] for p in records["people"]}
    return sorted((names[link["person_id"]], years[link["action_id"]]) for link in records["action_people"]
                  if link["role"] == "honorary_citizen")


def test_honorary_citizens_and_their_years(records):
    assert honours(records) == [("Marwan Barghouti", 2009), ("Naâma Asfari", 2016), ("Salah Hamouri", 2022)]


def test_people_and_roles(records):
    roles = {(link["person_id"], link["role"]) for link in records["action_people"]}
    assert ("philippe-bouyssou", "delegation_head") in roles
    assert ("claude-mangin-asfari", "supported") in roles
    assert ("marwan-barghouti", "initiator") in roles
    assert ("adel-hakim", "author") in roles
    mayor = next(p for p in records["people"] if p["person_id"] == "philippe-bouyssou")
    assert mayor["description"] == "maire d’Ivry-sur-Seine"
    assert len(records["people"]) == 6


@pytest.mark.parametrize("text", [
    "suite aux passages des ouragans Gustav et Luke.",
    "2004, suite à l’ouragan Charley, la ville a soutenu La Lisa",
    "issu·es de l’école de musique Vicco von Büllow, dans le cadre",
])
def test_no_person_without_a_role(text):
    assert people(text) == []


def test_every_action_has_a_theme(records):
    tagged = {t["action_id"] for t in records["action_themes"]}
    assert tagged == {a["action_id"] for a in records["actions"]}


@pytest.mark.parametrize("action_id, theme", [
    ("dianguirde-2007-2009", "water_sanitation"),
    ("dianguirde-2010-2011", "agriculture"),
    ("la-lisa-2004", "humanitarian_aid"),
    ("la-lisa-2007-2011", "urban_development"),
    ("brandebourg-sur-la-havel-2010-2012", "employment_training"),
    ("jifna-et-jalazone-2022", "human_rights"),
    ("brandebourg-sur-la-havel-mai-2018", "institutional_relations"),
    ("jifna-et-jalazone-sans-date-collaboration-avec-le-theatre-national", "culture"),
    ("jerusalem-est-2022-2024", "sport"),
    ("dianguirde-2022-2024", "health"),
    ("jifna-et-jalazone-2006-2008", "education"),
    ("brandebourg-sur-la-havel-2003-2014", "youth_exchange"),
])
def test_themes(records, action_id, theme):
    assert {"action_id": action_id, "theme": theme} in records["action_themes"]


def _difflib_decides(known: str, core: str) -> bool:
    """The spelling rule as difflib states it, cheap upper bounds first."""
    matcher = difflib.SequenceMatcher(None, known, core)
    return matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR \
        and matcher.ratio() >= SIMILAR


@pytest.mark.parametrize("seed", range(4))
def test_the_spelling_check_decides_as_difflib_does(seed):
    """rapidfuzz only bounds difflib's ratio: the name found is the one difflib's rule finds,
    on names of one block alike and not, short and long enough for difflib's autojunk."""
    rng = random.Random(seed)
    registry = Registry()
    decided = 0
    for _ in range(400):
        tail = "".join(rng.choice("aeiou rstl") for _ in range(rng.choice([3, 8, 15, 30, 220])))
        core = "sade" + tail
        block = registry._by_block.get(("association", core[:4]), [])
        expected = next((key for key in block[:MAX_COMPARED]
                         if _difflib_decides(registry._cores[key], core)), None)
        assert registry._spelt_alike("association", core) == expected
        decided += expected is not None
        registry.add(Mention(core, "association"))
    assert 0 < decided < 400
