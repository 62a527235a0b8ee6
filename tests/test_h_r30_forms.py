"""Real round 30's classes (helper r30), in sentences and pages of our own: a portal's list
of its other posts below a story ("Autres contributions") is no part of the story; an
abbreviated month before its year ("16 nov. 2021") ends no sentence; a place alone before
a colon heads its section ("Linz am Rhein:"), and a pair with the town that shortens the
place to the head of its name ("les échanges Linz-Ivry") is the page's evidence of the tie."""

from pipeline.extract import extract
from pipeline.narrative import _SENTENCE
from pipeline.parse import parse
from pipeline.read import text_blocks
from pipeline.tables import tables


def _read(page: str) -> dict:
    return tables(extract(parse(text_blocks(page))))


STORY_WITH_OTHER_POSTS = """
Kaltenbach – Ivry
Un arbre pour les quarante ans du jumelage
En mai 2019, les communes d'Ivry et de Kaltenbach (Allemagne) ont planté un tilleul devant la mairie. Une chorale de Kaltenbach a chanté pour l'occasion.
Autres contributions
- Rencontre de la jeunesse franco-allemande 2022
- Le nouveau site du jumelage de Bergheim
- Témoignages : vacances dans les villes jumelées de Lorient et Brême
- Un film sur arte – Mardi 14 février à 20:50
"""


def test_a_portals_other_posts_below_a_story_are_no_part_of_it() -> None:
    data = _read(STORY_WITH_OTHER_POSTS)
    assert [p["partner_id"] for p in data["partners"]] == ["kaltenbach"]  # not Bergheim, Lorient, Brême
    assert [(a["start_year"], a["start_month"]) for a in data["actions"] if a["start_year"]] == [(2019, 5)]


def test_an_abbreviated_month_before_its_year_ends_no_sentence() -> None:
    assert _SENTENCE.split("Niamey, 3 déc. 2019 (ANP) - La commune a reçu ses amis. Puis ils partent.") == [
        "Niamey, 3 déc. 2019 (ANP) - La commune a reçu ses amis.", "Puis ils partent."]
    # a stop after a month written whole, or after an abbreviation before a word, still ends one
    assert len(_SENTENCE.split("Ils sont venus fin nov. Puis ils sont partis.")) == 2


DISPATCH = """Niamey, 3 déc. 2019 (ANP) - La commune de Dosso, au Niger, et celle d'Ivry, en France, ont signé mardi un nouvel accord de jumelage.
"""


def test_a_dispatchs_dateline_dates_its_lede_by_its_month() -> None:
    data = _read(DISPATCH)
    assert [(a["start_year"], a["start_month"]) for a in data["actions"]] == [(2019, 12)]


NEWS_OF_THE_TWINS = """Des nouvelles de nos villes amies

Linz am Rhein:

Témoignage de la professeure responsable des échanges Linz-Ivry au lycée de Linz.

Élise, chez sa correspondante, du 12/02/2021 au 30/04/2021.

Ostuni

Lettre du maire d'Ostuni, notre ville jumelle en Italie.
"""


def test_a_place_alone_before_a_colon_heads_its_section() -> None:
    data = _read(NEWS_OF_THE_TWINS)
    names = {p["partner_id"]: p["name"] for p in data["partners"]}
    # the colon is no part of the name; "Linz-Ivry" pairs the head of its name with the town
    assert names == {"linz-am-rhein": "Linz am Rhein", "ostuni": "Ostuni"}


def test_a_fiches_keys_alone_before_their_values_head_nothing() -> None:
    blocks = text_blocks("Fiche\n\nPays:\nAllemagne\nFax:\n04 00 00 00 00\nBerlin:\nune ligne\n")
    assert not {"Berlin", "Berlin:", "Fax", "Fax:"} & {b.text for b in blocks if b.kind == "heading"}


THREE_TOWNS = """Un jumelage à trois

Unique par sa forme, le jumelage entre Ivry, Wetzlar (Allemagne) et Zwolle (Pays-Bas) a été renouvelé le 3 juin 2023 à la mairie. Les trois maires ont signé une nouvelle charte.

En 2019, une chorale a chanté dans les trois villes.
"""


def test_the_events_of_one_tie_of_three_towns_are_each_partners() -> None:
    data = _read(THREE_TOWNS)
    rows = sorted((a["partner_id"], a["start_year"], a["start_month"]) for a in data["actions"])
    assert rows == [("wetzlar", 2019, None), ("wetzlar", 2023, 6), ("zwolle", 2019, None), ("zwolle", 2023, 6)]


TWO_TIES = """Nos deux jumelages

Le jumelage avec Wetzlar (Allemagne) et l'amitié avec Zwolle (Pays-Bas) font vivre Ivry.

En 2019, une chorale de Wetzlar est venue. En 2021, des cyclistes de Zwolle sont passés.
"""


def test_two_ties_told_side_by_side_keep_their_own_events() -> None:
    data = _read(TWO_TIES)
    rows = sorted((a["partner_id"], a["start_year"]) for a in data["actions"])
    assert rows == [("wetzlar", 2019), ("zwolle", 2021)]


def test_a_renewal_dates_the_agreement_by_its_signings_noun() -> None:
    from pipeline.places import agreement

    found = agreement("Le jumelage entre Ivry et Wetzlar a été renouvelé ce samedi 3 juin, "
                      "trente ans après sa signature initiale en mai 1993.")
    assert found is not None and found.year == 1993
    # the renewal's own date is no agreement's year
    assert agreement("Le jumelage a été renouvelé en juin 2023 par les deux maires.") is None or \
        agreement("Le jumelage a été renouvelé en juin 2023 par les deux maires.").year is None


COMMEMORATION = """Lauf – Ivry
Lanternes de l'amitié 2022
Le 9 mai, l'Europe fête la journée de l'Europe. Cette journée rappelle la déclaration que Robert Schuman a prononcée le 9 mai 1950 à Paris, acte de naissance de l'Europe unie. Le comité de jumelage de Lauf (Allemagne) prépare une fête.
Du 9 au 14 mai, des lanternes éclaireront les rues de Lauf.
"""


def test_the_day_a_date_commemorates_leaves_the_story_in_its_year() -> None:
    data = _read(COMMEMORATION)
    rows = {a["date_label"]: (a["start_year"], a["start_month"], a["status"]) for a in data["actions"]}
    # 9 May 1950 is the day 9 May commemorates: the lanterns are 2022's, to come
    assert rows["Du 9 au 14 mai"] == (2022, 5, "planned")


def test_the_future_of_verbs_in_tre_and_dre_is_the_future() -> None:
    from pipeline.narrative import announced

    assert announced("Le 3 juin, des lanternes apparaîtront dans la ville.", "Le 3 juin")
    assert announced("Le 3 juin, les élèves prendront le train.", "Le 3 juin")
    assert not announced("Le 3 juin, les élèves ont pris le train.", "Le 3 juin")


AGE_IN_WORDS = """Wetzlar et Ivry, quarante ans d'amitié

Le jumelage avec Wetzlar (Allemagne) fête cette année son quarantième anniversaire. Il a été renouvelé ce samedi 3 juin, quarante ans après sa signature initiale en mai 1983.
"""


def test_an_anniversary_in_words_dates_the_year_of_writing() -> None:
    data = _read(AGE_IN_WORDS)
    rows = sorted((a["date_label"], a["start_year"], a["start_month"]) for a in data["actions"])
    # the fortieth of a tie signed in 1983: written in 2023; the years after count from 1983
    assert rows == [("en mai 1983", 1983, 5), ("samedi 3 juin", 2023, 6)]
    assert data["partners"][0]["agreement_year"] == 1983


def test_an_ordinal_in_words_is_its_number() -> None:
    from pipeline.numbers import ordinal

    assert (ordinal("quarantième"), ordinal("vingt-cinquieme"), ordinal("prochaine")) == (40, 25, None)


TWO_MONTHS = """Lauf – Ivry
Trente ans d'amitié
En mars 2018, les villes d'Ivry et de Lauf (Allemagne) ont fêté leurs trente ans de jumelage. Deux fêtes ont eu lieu : en mai à Lauf avec une délégation d'Ivry et en septembre à Ivry où Lauf était représentée.
"""


def test_two_months_joined_in_one_sentence_are_two_events() -> None:
    data = _read(TWO_MONTHS)
    rows = [(a["date_label"], a["start_year"], a["start_month"]) for a in data["actions"]]
    assert ("en mai", 2018, 5) in rows and ("en septembre", 2018, 9) in rows


CONTENTS = """Des nouvelles de nos villes jumelles

Sommaire :

Wetzlar

Hythe & Saltwood

Zwolle

Wetzlar

Lettre du maire de Wetzlar, notre ville jumelle en Allemagne.

Hythe & Saltwood

Témoignages recueillis par la commission.

Zwolle

Le jumelage avec Zwolle (Pays-Bas) fête ses vingt ans.
"""


def test_a_place_the_contents_list_beside_partners_is_a_partner() -> None:
    data = _read(CONTENTS)
    assert sorted(p["partner_id"] for p in data["partners"]) == ["hythe-saltwood", "wetzlar", "zwolle"]


def test_a_contents_list_of_one_partner_gives_no_evidence() -> None:
    page = CONTENTS.replace("Le jumelage avec Zwolle (Pays-Bas) fête ses vingt ans.", "Une photo du port.")
    assert "hythe-saltwood" not in [p["partner_id"] for p in _read(page)["partners"]]


TAKEN_UP = """Zell – Ivry
Le jumelage avec Zell (Allemagne) a été signé en avril 1975 par les deux maires. Chaque été, les écoles échangent leurs élèves pour deux semaines. Ce programme, lancé en 1978, est le plus ancien du jumelage.
"""


def test_a_sentence_taking_up_the_one_before_dates_it() -> None:
    data = _read(TAKEN_UP)
    rows = {a["date_label"]: a["text"] for a in data["actions"]}
    # "Ce programme, lancé en 1978" names the exchange the sentence before tells: one event
    assert rows["en 1978"].startswith("Chaque été, les écoles échangent")
    assert "Chaque été" not in rows["en avril 1975"]


def test_the_three_mayors_of_a_tie_of_three_towns_are_no_group() -> None:
    from pipeline.numbers import participants

    assert participants("La charte a permis aux trois maires de réaffirmer leur volonté.") is None
    found = participants("Les trois jeunes de Zell sont venus.")
    assert found is not None and found.value == 3
