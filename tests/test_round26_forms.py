"""Real round 26's classes, in sentences of our own: a counted list of places abroad after a
partner's word, each member with the list's country; a trip's destination where its
travellers are hosted; a trip's departure told the paragraph before its arrival; a weekday's
day of the page's one year."""

from pipeline.html_page import html_blocks
from pipeline.narrative import named_partners, partner_country
from pipeline.extract import extract
from pipeline.parse import parse
from pipeline.tables import tables


def test_a_counted_list_of_places_abroad_after_a_partners_word_names_each_partner() -> None:
    text = "Cette année, nos partenaires se trouvent dans deux villages du Niger : Dogondoutchi et Tibiri."
    assert named_partners("Nos actions", [text]) == ["Dogondoutchi", "Tibiri"]
    # as many names as the count says, and a country: a list of three with two names, or a
    # French region, names no partner so
    assert named_partners("Nos actions", [
        "Nos partenaires se trouvent dans trois villages du Niger : Dogondoutchi et Tibiri."]) == []
    assert named_partners("Nos actions", [
        "Nos partenaires sont venus de deux villes de Bretagne : Lorient et Vannes."]) == []


def test_each_member_of_a_list_announced_with_its_country_has_that_country() -> None:
    text = "Nous travaillons avec des partenaires dans trois communes du Togo : Kpalimé, Badou et Atakpamé."
    assert [partner_country(name, [text], fallback=False, others=[o for o in ("Kpalimé", "Badou", "Atakpamé")
                                                                  if o != name])
            for name in ("Kpalimé", "Badou", "Atakpamé")] == ["Togo", "Togo", "Togo"]
    assert partner_country("Vannes", ["Deux villes jumelles : Lorient, Vannes."], fallback=False) is None


def test_a_trips_destination_where_its_travellers_are_hosted_is_the_partner() -> None:
    story = ("Au petit matin, le bus a pris la direction de Zeebrugge pour le bateau. "
             "En fin de journée, nous sommes arrivées à Tarbert, où les familles d’accueil nous attendaient.")
    assert named_partners("Voyage", [story]) == ["Tarbert"]
    # a stop on the way hosts nobody
    assert named_partners("Voyage", ["Le bus a pris la direction de Zeebrugge pour le bateau."]) == []


PAGE = """<html><body><main><h1>Vie du comité</h1>
<p>C’est ce vendredi 14 mai que notre car et ses 38 voyageurs ont pris la direction de Roscoff.</p>
<p>Le lendemain, nous sommes arrivés à Tarbert, où chacun a retrouvé sa famille d’accueil.</p>
<p>Prochaine assemblée du comité en 2021.</p>
</main></body></html>"""


def test_a_trip_told_from_its_departure_the_paragraph_before_its_arrival() -> None:
    actions = tables(extract(parse(html_blocks(PAGE))))["actions"]
    # the departure opens the story, a weekday of the page's one year (14 May 2021 was a Friday)
    first = actions[0]
    assert (first["date_label"], first["start_year"], first["start_month"], first["participants"]) == (
        "vendredi 14 mai", 2021, 5, 38)


def test_a_weekday_that_fits_no_year_or_a_page_of_several_years_stays_unread() -> None:
    several = PAGE.replace("en 2021", "en 2021, vingt ans après la charte de 2001")
    assert tables(extract(parse(html_blocks(several))))["actions"][0]["start_year"] is None
    misfit = PAGE.replace("vendredi 14 mai", "jeudi 14 mai")  # 14 May 2021 was no Thursday
    assert tables(extract(parse(html_blocks(misfit))))["actions"][0]["start_year"] is None


TRIP = """Séjour au SÉNÉGAL du président du comité Rezé-amitiés

Du 3 au 17 mars 2015

Un séjour placé sous le signe de l'amitié
avec nos partenaires de Ndiaganiao.

Nous avons été reçus par Toussaint DIOUF, adjoint au maire, puis par les élèves du collège."""


def test_a_trip_to_the_partners_country_in_the_title_opens_the_story_on_its_days() -> None:
    """The first line tells a trip to the partner's country: the days alone on the line
    under it are the trip's, not the post's date, and its paragraphs tell it; a given name
    that is a feast's before a surname in capitals is no date; a lower-case word after the
    town's hyphen ("Rezé-amitiés") names an association, no partner."""
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from tests.corpus.score import records_of

    with TemporaryDirectory() as folder:
        page = Path(folder) / "sejour.txt"
        page.write_text(TRIP, encoding="utf-8")
        data = records_of(page)
    assert [p["name"] for p in data["partners"]] == ["Ndiaganiao"]
    assert [(a["date_label"], a["start_year"], a["start_month"], a["end_month"]) for a in data["actions"]] == [
        ("Du 3 au 17 mars 2015", 2015, 3, 3)]
    assert "Toussaint DIOUF" in data["actions"][0]["text"]


DAYS_UNDER_TITLE = """<html><body><main><h1>Comité de jumelage | KITA</h1>
<p>Notre jumelle africaine depuis 1998, Kita est une ville du Mali.</p>
<p>Semaine malienne</p>
<p>Jeudi 2 au mardi 7 mai 2024</p>
<p>Le comité et ses partenaires mettent à l'honneur la culture du Mali.</p>
<p>Elle commencera par une exposition à la médiathèque du jeudi 2 mai au mardi 7 mai.</p>
</main></body></html>"""


def test_a_span_of_days_alone_on_its_line_keeps_the_paragraph_under_it() -> None:
    """Days alone on their line under the story's opening: the event its paragraph tells,
    that paragraph kept with it when the next one tells the same days again."""
    actions = tables(extract(parse(html_blocks(DAYS_UNDER_TITLE))))["actions"]
    first = actions[0]
    assert (first["date_label"], first["start_year"], first["start_month"]) == ("Jeudi 2 au mardi 7 mai 2024", 2024, 5)
    assert "mettent à l'honneur" in first["text"]


LEDE = """<html><body><main><h1>Fête de l'amitié et 50 ans du traité de Rome</h1>
<p>Concerts et cérémonie pour l'anniversaire du traité de Rome</p>
<p>Danses, chorales et un grand repas rempliront le week-end du 14 au 16 mars 2024.</p>
<p>« Notre jumelage avec Pescia vit depuis 1970 », a rappelé la maire en accueillant les invités.</p>
</main></body></html>"""


def test_a_news_items_lede_dated_to_the_day_of_its_latest_year_opens_the_story() -> None:
    """The name after "traité de" is a treaty's, no partner; the first dated paragraph, its
    days in the page's latest year, is the event the item tells, though the partner is
    named in the paragraph after it; a history's opening day stays an introduction."""
    data = tables(extract(parse(html_blocks(LEDE))))
    assert [p["name"] for p in data["partners"]] == ["Pescia"]
    assert [(a["date_label"], a["start_year"]) for a in data["actions"]][:1] == [("du 14 au 16 mars 2024", 2024)]
    history = LEDE.replace("le week-end du 14 au 16 mars 2024", "le 25 mars 1957 la signature du traité") \
        .replace("depuis 1970", "depuis 1970 et fêtera ses 55 ans en 2025")
    assert "1957" not in [str(a["start_year"]) for a in tables(extract(parse(html_blocks(history))))["actions"]]


def test_towns_that_know_each_other_since_a_year_are_not_tied_since_then() -> None:
    from pipeline.places import since_named

    def rye(sentence: str) -> bool:
        return "Rye" in sentence

    assert since_named("Rye et Vaux se connaissent depuis 2010.", rye) is None
    assert since_named("Rye et Vaux se côtoient depuis 2010.", rye) is None
    assert since_named("Rye et Vaux sont jumelées depuis 2010.", rye) == 2010


def test_partenaire_de_cues_a_partner_after_the_writers_possessive_only() -> None:
    assert named_partners("Visite", ["Une délégation est venue avec nos partenaires de Tibiri en mai 2019."]) \
        == ["Tibiri"]
    assert named_partners("Visite", ["Une délégation du Niger est venue avec Jean Dupuis, partenaire de "
                                     "l'AJT, et d'Abdou Moussa, animateur."]) == []


def test_items_of_a_list_run_into_one_line_are_read_one_by_one() -> None:
    """A transcript that lost a list's line breaks: each "year :" after a bracket or a word
    that leads to no date opens an item; not after "en", "l'année" or a month."""
    from pipeline.narrative import sentences

    told = [e.label for _, e in sentences(
        "Historique : 2004 : premiers contacts entre les maires (par le Docteur Kossi) 2006 : "
        "Adoption de la charte 2009 : Forage du puits.", None) if e]
    assert told == ["2004", "2006", "2009"]
    for kept in ("Le programme prévu en 2005 : Adoption du budget.", "Du 3 au 9 mai 2012 : Venue de nos amis."):
        assert len([e for _, e in sentences(kept, None) if e]) == 1


def test_an_act_done_once_after_depuis_is_that_years_act() -> None:
    """"Depuis 2004, une convention a été signée …": the signing of 2004, no span still
    running; "Depuis 2004, des échanges ont été organisés" runs on."""
    from pipeline.extract import entry_facts

    once = entry_facts("Depuis 2004", "Depuis 2004, une convention a été signée entre Vaux et Kita.")
    assert once.period is not None and (once.period.start_year, once.period.end_year, once.period.is_ongoing) == (
        2004, 2004, False)
    running = entry_facts("Depuis 2004", "Depuis 2004, des échanges ont été organisés chaque année.")
    assert running.period is not None and running.period.is_ongoing


def test_the_newest_date_a_page_tells_in_the_future_is_announced() -> None:
    """A date with its year in the future tense is planned when no entry of the page is
    dated later; an older one is a history told in the future ("En 1985, la charte sera
    signée")."""
    page = """<html><body><main><h1>Jumelages</h1><h2>Kita (Mali)</h2>
<p>En 1985, la charte sera signée par les deux maires.</p>
<p>En juin 2019, visite d'une chorale à Kita.</p>
<p>En mai 2026, nous serons de retour à Kita avec le comité.</p>
</main></body></html>"""
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    assert [(a["start_year"], a["status"]) for a in actions] == [(1985, None), (2019, None), (2026, "planned")]


def test_a_trips_two_ends_in_one_sentence_are_one_event() -> None:
    from pipeline.narrative import sentences

    told = [e.label for _, e in sentences(
        "Partis le 2 mars de Vaux, en passant par Lyon, les bénévoles sont arrivés à Kita, le 9 mars 2011.",
        None) if e]
    assert told == ["le 2 mars"]
    two = [e.label for _, e in sentences(
        "Le puits fut creusé le 2 mars 2011, la fête eut lieu le 9 mai 2011.", None) if e]
    assert two == ["le 2 mars 2011", "le 9 mai 2011"]


def test_a_province_of_the_old_kingdom_is_the_towns_own_area_not_a_partner() -> None:
    text = ("La délégation du maire de Tibiri au Niger a apporté des nouvelles des villages "
            "jumelés avec le Berry.")
    assert named_partners("Nouvelles", [text]) == ["Tibiri"]


def test_a_date_after_a_conjunction_opens_the_clause_after_its_comma() -> None:
    """"… acceptée puisqu'en mars, un comité est créé et en juin 2014, le maire vient signer":
    the March event is the committee's creation, the June one the signing; neither clause
    ends at the comma after its date."""
    from pipeline.narrative import sentences

    told = [(piece.strip(), e.label) for piece, e in sentences(
        "L'idée sera acceptée puisqu'en mars, un comité est créé et en juin 2014, le maire de Kita "
        "vient signer un pacte d'amitié.", (2013, 9, None)) if e]
    assert [label for _, label in told] == ["mars", "en juin 2014"]
    assert "un comité est créé" in told[0][0] and told[1][0].startswith("et en juin 2014, le maire")


def test_the_writers_own_trip_opens_the_story_and_dates_its_stay() -> None:
    """A paragraph telling the writer's own trip with its date ("suite à notre précédent
    séjour de l'été 2012") has begun the story though the partner is named in the next; a
    stay a sentence dates itself is no "same stay" as the one told before."""
    page = """<html><body><main><h1>Nos actions</h1>
<p>Le projet Karité est né en 2013, suite à notre précédent séjour de l'été 2012.</p>
<p>Durant ce voyage, nous avons travaillé avec nos amis de Kaya au Burkina Faso.</p>
<p>Le bilan suit, durant notre voyage au Burkina effectué du 2 au 20 mars 2016.</p>
</main></body></html>"""
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    labels = [(a["date_label"], a["start_year"]) for a in actions]
    assert ("en 2013", 2013) in labels
    assert ("du 2 au 20 mars 2016", 2016) in labels
