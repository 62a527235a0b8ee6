"""Round 27's classes, each in sentences of its own: a committee's history by years (a year
alone on its line, "Année 2016", over what that year saw; lists whose bullets stand alone on
their lines; a link to a press cutting under each year), the partner named once after a
cue and once after a kind of place of its own country's administration ("Gmina …")."""

from pipeline.extract import extract
from pipeline.gate import of_history
from pipeline.parse import parse
from pipeline.places import local_kind_country
from pipeline.read import text_blocks
from pipeline.tables import tables

_HISTORY = """Année 2016
Martine Lebrun devient trésorière.
Visite :
-
De l'abbaye de Fontevraud
-
Du marché aux vins de Saumur
Accueil de la chorale dans le cadre du jumelage avec Kleszczewo
Article de presse
Année 2014
Le maire de la Gmina Kleszczewo est reçu en mairie.
Visite :
-
Du lac de Kornik
-
De la vieille ville de Gniezno
Année 2012
Signature de la charte d'amitié.
Articles de presse
"""


def test_a_bullet_alone_on_its_line_opens_the_item_on_the_line_below() -> None:
    blocks = text_blocks(_HISTORY)
    items = [(b.text, b.line) for b in blocks if b.kind == "list_item"]
    assert items[:2] == [("De l'abbaye de Fontevraud", 5), ("Du marché aux vins de Saumur", 7)]
    assert not any(b.kind == "heading" for b in blocks)  # "De la vieille ville de …" is an item


def test_one_mark_alone_between_two_paragraphs_stays_a_mark() -> None:
    blocks = text_blocks("Titre de la page\nUn premier paragraphe.\n*\nUn second paragraphe.\n")
    assert [b.kind for b in blocks if "paragraphe" in b.text] == ["paragraph", "paragraph"]


def test_a_year_alone_on_the_first_line_is_no_title() -> None:
    assert text_blocks(_HISTORY)[0].kind == "paragraph"


def test_the_nouns_of_calendar_periods_name_no_place() -> None:
    assert of_history("Année") and of_history("Semestre") and of_history("Printemps")
    assert not of_history("Annecy")


def test_a_kind_of_place_of_one_country_s_administration_gives_its_country() -> None:
    assert local_kind_country("le maire de la Gmina ") == ("Pologne", "PL")
    assert local_kind_country("président du Samtgemeinde ")[1] == "DE"
    assert local_kind_country("la Comune di ")[1] == "IT"
    assert local_kind_country("la Gemeinde ") is None  # Germany, Austria or Switzerland
    assert local_kind_country("le maire de la commune de ") is None


def test_a_history_by_years_is_the_story_of_the_partner_it_names_once() -> None:
    data = tables(extract(parse(text_blocks(_HISTORY))))
    [partner] = data["partners"]
    assert (partner["name"], partner["country_code"]) == ("Kleszczewo", "PL")
    years = sorted({a["start_year"] for a in data["actions"] if a["start_year"]})
    assert years == [2012, 2014, 2016]



def test_a_line_opening_on_a_civility_is_a_person_s_not_a_partner_heading() -> None:
    from pipeline.read import heading_like

    assert not heading_like("M. Aram Petrosyan, Maire de Tsaghkadzor (Kotayk)")
    assert not heading_like("Mme Lilit Sargsyan, Directrice de l’école de Tsaghkadzor (Kotayk)")
    assert heading_like("Tsaghkadzor (Arménie)")


def test_a_person_s_title_alone_capitalised_is_no_partner() -> None:
    from pipeline.narrative import named_partners

    texts = ["La visite à Tsaghkadzor en Arménie s’est conclue par la signature d’un protocole "
             "d’amitié et de coopération entre les deux Maires.", "Entretiens à Tsaghkadzor entre les Maires.",
             "Le protocole a été signé entre les deux Maires."]
    assert "Maires" not in named_partners(None, texts)
