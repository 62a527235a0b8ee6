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
