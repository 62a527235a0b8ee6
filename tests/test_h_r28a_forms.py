"""Real round 28's partner-side news, each class in sentences of its own: a news item written
on the partner's side ("<town>, la ville jumelle de X"), a site's warning heading above the
story, a mayor named in an apposition, a news site's signed by-line and a day counted from
it ("hier"), the partner's own tie with a third town, and one signing with several communes.
The town is the project's own (Ivry)."""

from pipeline.extract import extract
from pipeline.narrative import _apposed_people, furniture, named_partners, posted
from pipeline.parse import parse
from pipeline.read import text_blocks
from pipeline.tables import tables


def _read(page: str) -> dict:
    return tables(extract(parse(text_blocks(page))))


def test_the_town_then_its_apposition_names_the_partner_after_it() -> None:
    texts = ["Une quinzaine d'Ivryens, venus d'Ivry, la ville jumelle de Brome depuis 1990, étaient de "
             "passage à Brome. Ils ont ensuite visité Montréal et Sherbrooke."]
    assert named_partners("Une délégation de passage", texts) == ["Brome"]


_WARNED = """Une délégation de passage
Avertissement
Erreur : impossible de charger l'utilisateur 12
mardi, 3 novembre 2015 10:00
Une quinzaine d'Ivryens, venus d'Ivry, la ville jumelle de Brome depuis 1990, étaient de passage. Le groupe était arrivé à Brome le 20 octobre 2015. Il a visité Montréal.
"""


def test_a_heading_without_evidence_above_a_story_that_cues_another_place_is_no_partner() -> None:
    data = _read(_WARNED)
    assert [p["name"] for p in data["partners"]] == ["Brome"]
    assert any(a["period"] == "2015-10-20" for a in data["actions"])


def test_a_name_given_a_title_in_an_apposition_is_a_person() -> None:
    assert _apposed_people(["Le maire de la commune de Gao, Adama Traoré, a reçu la délégation."]) \
        == {"adama traore"}
    assert _apposed_people(["Adama Traoré, maire de Gao, a reçu la délégation."]) == {"adama traore"}
    assert _apposed_people(["Nous sommes allés à Bad Kissingen, le maire de la ville nous a reçus."]) == set()
    texts = ["Adama Traoré reçoit ses partenaires. Adama Traoré, après son élection, reçoit Ivry.",
             "Le maire de la commune de Gao, Adama Traoré, a reçu une mission de coopération ivryenne."]
    assert named_partners("Coopération : Adama Traoré reçoit ses premiers partenaires", texts) == ["Gao"]


def test_a_news_site_s_signed_by_line_is_furniture_and_dates_the_post() -> None:
    line = "Écrit par sahel-infos.net le Mardi 4 Avril 2017 à 10:05 | | 3 commentaire(s)|"
    assert furniture(line) is not None
    assert posted(line) == (2017, 4, 4)
    assert posted("Écrit par sahel-infos.net, qui relate la visite du 4 avril 2017 au marché.") is None


_SIGNED = """Coopération : le maire de Gao reçoit une mission d'Ivry
Écrit par sahel-infos.net le Mardi 4 Avril 2017 à 10:05 | | 3 commentaire(s)|
Le maire de la commune de Gao, Adama Traoré, a reçu hier dans la soirée une mission de coopération ivryenne conduite par deux adjoints.
La mission prépare un échange de jeunes volontaires.
"""


def test_yesterday_counts_from_the_day_of_the_by_line() -> None:
    data = _read(_SIGNED)
    assert [p["name"] for p in data["partners"]] == ["Gao"]
    assert [a["period"] for a in data["actions"] if a["period"]] == ["2017-04-03"]


def test_a_tie_between_the_partner_and_a_third_town_is_the_partner_s_own() -> None:
    texts = ["Une délégation ivryenne a séjourné à Lanark, en Écosse, dans le cadre du jumelage avec Lanark.",
             "La semaine marquait les 25 ans du jumelage entre Lanark et Hemmingen, en Allemagne.",
             "Les musiciens d'Hemmingen ont joué. Le maire d'Hemmingen a parlé."]
    assert named_partners("Belles impressions écossaises", texts) == ["Lanark"]


_TWO_COMMUNES = """Une convention de jumelage à Lomé entre Ivry et les communes Golfe 3 et Kloto 1
Une convention de jumelage entre la ville d'Ivry en France et les communes Golfe 3 et Kloto 1 au Togo, a été signée le jeudi 28 avril 2022 à Lomé, en présence du ministre.
Les deux parties s'engagent à développer des actions de coopération.
"""


def test_one_signing_with_two_communes_is_an_event_of_each() -> None:
    data = _read(_TWO_COMMUNES)
    assert sorted((p["name"], p["country_code"]) for p in data["partners"]) == [("Golfe", "TG"), ("Kloto", "TG")]
    days = sorted((a["partner_id"], a["period"]) for a in data["actions"] if a["period"])
    assert days == [("golfe", "2022-04-28"), ("kloto", "2022-04-28")]


def test_friendship_since_a_year_is_the_tie_s_state_no_action() -> None:
    from pipeline.dates import find_dates
    from pipeline.narrative import _activity_since

    tie = "Elle renforce les liens d'amitié qui unissent les deux collectivités depuis 2017."
    work = "Les deux villes entretiennent des liens de coopération depuis 1998."
    assert not _activity_since(tie, find_dates(tie)[0])
    assert _activity_since(work, find_dates(work)[0])


_BACKWARDS = """Une délégation d'Ivry de passage à Brome
Une vingtaine d'Ivryens, venus d'Ivry, la ville jumelle de Brome, étaient récemment de passage. Le 12 mai 2016, le maire de Brome a reçu la délégation à la mairie. Le groupe était arrivé à Brome le 5 mai 2016. Il a visité Montréal.
"""


def test_an_arrival_told_afterwards_in_the_pluperfect_opens_the_stay_told() -> None:
    data = _read(_BACKWARDS)
    periods = sorted(a["period"] for a in data["actions"] if a["period"])
    assert "2016-05-05/2016-05-12" in periods


def test_a_count_whose_sentence_s_subject_is_the_population_is_no_head_count() -> None:
    from pipeline.numbers import participants

    assert participants("L'été, sa population se multiplie pour atteindre près de 20 000 personnes.") is None
    assert participants("La délégation comptait 12 personnes.").value == 12
