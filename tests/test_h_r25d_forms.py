"""Red team 25's magazine feature (helper r25d), in pages of our own: a story that names
several partners gives each dated sentence to the partner it names (by its name, by a word
of its people that opens on the name, or by its country's people), an event naming none to
the partner told last in its paragraph or before; a paragraph opening on an earlier year
moves the story back there; a place opening a paragraph may be followed by an adverb
("À Cuba aussi, …")."""

from pipeline.extract import extract
from pipeline.load import read_bytes
from pipeline.parse import parse
from pipeline.partners import opening_place
from pipeline.tables import tables

STORY = """Nos amitiés

Notre ville est jumelée depuis 1972 avec Wetzlar, en Allemagne, et coopère depuis 1990 avec la commune malienne de Kita.

En 2004, six jeunes sont accueillis au centre de loisirs. L'année suivante, une chorale fait le voyage.

À Kita aussi, l'eau est une priorité. En 2006, trois puits sont creusés. Deux ans plus tard, une école est rénovée.

En 2010, une exposition est présentée au musée de Wetzlar. En 2012, un concert est donné à la mairie.

En 2014, dix lycéens wetzlariens visitent la ville.

En 2015, des ouvriers maliens réparent une pompe avec l'aide de la ville.
"""

BACK = """Notre jumelage

Le jumelage avec Kita est signé en 2010.

En 2016, vingt jeunes de la ville séjournent à Kita.

En 2004, la ville et Kita lancent un projet culturel. L'année suivante, une chorale de Kita chante à la mairie.
"""

RECALLED = """Notre jumelage

Le jumelage avec Kita est signé en 2010.

En 2016, vingt jeunes de la ville séjournent à Kita.

Kita est une commune du cercle de Kita. En 1990 déjà, des associations aidaient les écoles de Kita ; deux ans plus tard, un camion de matériel part pour Kita.
"""

SAME = """Notre jumelage

Le jumelage avec Kita est signé en 2005. En 2012, un puits est creusé à Kita.

La même année 2010, des parcelles maraîchères voient le jour à Kita.
"""


def _read(text: str) -> dict:
    return tables(extract(parse(read_bytes(text.encode("utf-8"), "page.txt").blocks)))


def test_a_story_of_several_partners_gives_each_event_to_the_one_it_names() -> None:
    data = _read(STORY)
    assert sorted(p["partner_id"] for p in data["partners"]) == ["kita", "wetzlar"]
    told = {(a["partner_id"], a["start_year"]) for a in data["actions"]}
    assert {("wetzlar", 2004), ("wetzlar", 2005)} <= told
    # the paragraph opening on Kita, its events naming none: Kita's
    assert {("kita", 2006), ("kita", 2008)} <= told
    # a paragraph naming Wetzlar again, its next event naming none: Wetzlar's
    assert {("wetzlar", 2010), ("wetzlar", 2012)} <= told
    # a word of the partner's people ("wetzlariens"), the country's people ("maliens")
    assert {("wetzlar", 2014), ("kita", 2015)} <= told


def test_a_paragraph_opening_on_an_earlier_year_moves_the_story_back() -> None:
    data = _read(BACK)
    years = {a["start_year"] for a in data["actions"]}
    assert 2005 in years and 2017 not in years  # "L'année suivante" after "En 2004"
    # a sentence opening on its year after an undated one: "deux ans plus tard" counts from it
    years = {a["start_year"] for a in _read(RECALLED)["actions"]}
    assert 1992 in years and 2018 not in years
    # "la même année" and the year written after it: that year
    years = {a["start_year"] for a in _read(SAME)["actions"]}
    assert 2010 in years


def test_an_adverb_between_the_opening_place_and_its_comma() -> None:
    assert opening_place("À Kita également, le puits est creusé.") == "Kita"
    assert opening_place("Au Mali aussi, on creuse des puits.") is None  # a country, no place


ACCORD = """Nos partenaires

Notre ville est jumelée depuis 1980 avec Wetzlar, en Allemagne. En 2010, un concert est donné à Wetzlar.

En 2012, la ville signe un protocole d'accord avec Kita, au Mali. En 2014, trois puits sont creusés à Kita.
"""

LISTED = """Nos partenaires

Notre ville est jumelée depuis 1980 avec Wetzlar, en Allemagne, et coopère depuis 1995 avec Gao, au Mali.

De Wetzlar à Kita, des puits de Gao aux camps sahraouis, la ville tisse des liens.

Signé en 2005, le protocole d'accord avec Kita, commune du Mali, officialise l'amitié. En 2007, des puits sont creusés à Kita.
"""


def test_a_protocol_of_agreement_names_a_partner_of_the_story() -> None:
    data = _read(ACCORD)
    partners = {p["partner_id"]: p for p in data["partners"]}
    assert partners["kita"]["country_code"] == "ML"
    assert ("kita", 2014) in {(a["partner_id"], a["start_year"]) for a in data["actions"]}


def test_a_list_of_partners_is_no_apposition_giving_a_country() -> None:
    data = _read(LISTED)
    # "Kita, des puits de Gao aux camps sahraouis": Gao's words, and a people's, no region
    assert {p["partner_id"]: p["country_code"] for p in data["partners"]}["kita"] == "ML"


ISSUE = """Trente ans d'amitié

Le Journal de la ville n°45 · avril 2021 · Dossier

Voici le récit de notre jumelage avec Kita, commune du Mali, que nous aimons tant.

Le jumelage avec Kita, au Mali, est signé en 2010. En 2016, vingt jeunes de la ville séjournent à Kita.

L'été dernier, dix jeunes de Kita sont venus en vacances. Le 12 mai prochain, une soirée malienne se tiendra à la mairie.
"""


def test_a_periodicals_issue_line_dates_the_writing_of_its_story() -> None:
    dated = {a["date_label"]: a["start_year"] for a in _read(ISSUE)["actions"]}
    assert dated["L'été dernier"] == 2020 and dated["Le 12 mai"] == 2021


PEOPLE = """Nos amitiés

Notre ville est jumelée depuis 1972 avec Wetzlar, en Allemagne, et coopère depuis 2008 avec les camps de réfugiés sahraouis de Tindouf, en Algérie.

En 2010, une exposition est présentée au musée de Wetzlar. En 2012, un concert est donné à la mairie.

En 2019, le conseil municipal adopte un vœu pour les prisonniers sahraouis.
"""


def test_a_people_named_beside_a_partner_names_it_later() -> None:
    told = {(a["partner_id"], a["start_year"]) for a in _read(PEOPLE)["actions"]}
    # "les camps de réfugiés sahraouis de Tindouf" (in Algeria): "sahraouis" names Tindouf
    assert ("tindouf", 2019) in told and ("wetzlar", 2012) in told


PAIR = """Nos coopérations

La ville a signé en 2012 un accord de coopération avec Tienfala et Sanankoroba (Mali).

En 2013, des jeunes maliens de Tienfala et de Sanankoroba sont accueillis à la mairie. En 2015, un puits est creusé au centre de Sanankoroba, commune du Mali.
"""

TWINS = """Nos amitiés

La ville est jumelée avec Wetzlar, en Allemagne, et avec Rye, en Angleterre.

En 2013, des jeunes de Wetzlar et de Rye sont accueillis à la mairie.
"""


def test_a_place_never_named_but_paired_with_another_is_one_partnership() -> None:
    partners = {p["partner_id"]: p["country_code"] for p in _read(PAIR)["partners"]}
    assert partners == {"tienfala-et-sanankoroba": "ML"}
    # two twins in two countries named together stay two
    assert sorted(p["partner_id"] for p in _read(TWINS)["partners"]) == ["rye", "wetzlar"]

