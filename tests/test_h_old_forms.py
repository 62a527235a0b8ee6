"""Helper "old"'s classes, in pages of our own: a "depuis" that opens a noun phrase naming a
beginning and running to its date ("Depuis la création officielle du jumelage, en 1987, …")
reads as "depuis 1987", never as an event of that year nor the year the story is told in; a
story's paragraph whose undated opening names one partner keeps its first events, which
name none, with that partner, not with the one a later event of the paragraph names; a
line repeated word for word (a caption a slider shows twice) names its places once."""

from pipeline.extract import extract
from pipeline.narrative import sentences
from pipeline.parse import parse
from pipeline.read import text_blocks
from pipeline.tables import tables


def _read(page: str) -> dict:
    return tables(extract(parse(text_blocks(page))))


def test_a_since_phrase_of_a_beginning_is_no_event_of_its_year() -> None:
    # the tie's start in a noun phrase after "depuis": a reference, as "depuis 1982" is
    told = sentences("Depuis la première rencontre avec Tarragone en 1982, et grâce aux "
                     "familles, les écoles correspondent.", None, None)
    assert [event for _, event in told] == [None]
    # "depuis" far from its date but no beginning named: the date is an event's
    told = sentences("Depuis des années, nous partons en mai 2019 à Rome.", None, None)
    assert [event.label for _, event in told if event] == ["en mai 2019"]


def test_a_since_phrase_before_an_activity_is_an_action_going_on() -> None:
    told = sentences("Depuis la création officielle du jumelage, en 1987, les échanges sont "
                     "nombreux.", None, None)
    event = told[0][1]
    assert event is not None and event.label == "en 1987" and event.resolved == "depuis 1987"


PAGE = """Les amis de Kinross

Il y a deux ans, nos amis écossais de Kinross étaient venus chez nous. Depuis la création \
officielle du jumelage, en 1987, les échanges sont nombreux. La prochaine rencontre aura lieu \
à la Toussaint. Notre comité est aussi jumelé avec Brezno en Slovaquie. Une \
délégation slovaque est venue cet été. L'autre jumelage est celui de la ville de Tavira au \
Portugal, dont la cérémonie s'est tenue fin août dernier à Tavira.
"""


def test_the_undated_opening_of_a_paragraph_keeps_its_first_events_with_its_partner() -> None:
    data = _read(PAGE)
    rows = sorted((a["partner_id"], a["date_label"], a["start_year"], a["is_ongoing"])
                  for a in data["actions"])
    # the action going on since the tie's beginning, and the next meeting, are Kinross's
    # (the opening names it), not Brezno's (the first event that names a partner); the
    # seasons told after "depuis … 1987" are not of 1987
    assert ("kinross", "en 1987", 1987, True) in rows
    assert any(r[0] == "kinross" and r[1] == "Toussaint" and r[2] is None for r in rows)
    assert any(r[0] == "brezno" and r[1] == "cet été" and r[2] is None for r in rows)
    assert not any(r[0] == "brezno" and r[2] == 1987 for r in rows)


CAPTIONS = """Blog du comité
Modifier l'article Suivre ce blog

Année 2015 du jumelage / Året 2015 for venskabet
 Juin 2015 : les familles avant le retour en France et devant la cathédrale de Ribe / Juni 2015 : familierne foran Ribe Domkirke
 Juin 2015 : les familles avant le retour en France et devant la cathédrale de Ribe / Juni 2015 : familierne foran Ribe Domkirke

Juin 2015 : les familles avant le retour en France et devant la cathédrale de Ribe / Juni 2015 : familierne foran Ribe Domkirke

Cette année 2015 a été riche pour notre comité de jumelage :
  • Nous avons tenu notre vide-grenier le 12 avril.
  • Notre délégation a été reçue à Vejen du 4 au 8 juin pour les 20 ans du jumelage.
"""


def test_a_caption_repeated_line_after_line_names_its_place_once() -> None:
    data = _read(CAPTIONS)
    assert [p["partner_id"] for p in data["partners"]] == ["vejen"]  # not the cathedral's town
    assert ("vejen", 2015, 6) in {(a["partner_id"], a["start_year"], a["start_month"]) for a in data["actions"]}


CUT_FIRST_LINE = """Le maire de Kaya, notre ville jumelle au Burkina Faso, est venu, fin mars,
participer aux travaux des assises de la coopération décentralisée. Il a rencontré
les élus et visité les ateliers municipaux.
"""


def test_a_first_line_ending_on_a_comma_is_no_title() -> None:
    data = _read(CUT_FIRST_LINE)
    assert [p["partner_id"] for p in data["partners"]] == ["kaya"]
    assert [(a["date_label"], a["start_month"]) for a in data["actions"]] == [("fin mars", 3)]


def test_the_towns_country_after_an_apposition_is_not_the_partners() -> None:
    from pipeline.narrative import partner_country

    text = ("Ivry-sur-Seine, une ville du Val-de-Marne en France et Gao chef-lieu de la région "
            "du même nom au Mali sont unies depuis vingt ans.")
    assert partner_country("Gao", [text]) == "Mali"


def test_a_date_counted_from_writing_on_a_page_of_no_date_is_an_event_of_no_year() -> None:
    # as "cet été" is: the event told, its date unread rather than lost in the one before
    for text, label in (("Il y a deux ans, nos amis de Kinross étaient venus.", "Il y a deux ans"),
                        ("La visite s'est déroulée le mois dernier.", "le mois dernier")):
        ((_, event),) = sentences(text, None, None)
        assert event is not None and event.label == label and event.when is None
