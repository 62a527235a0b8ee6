"""Round 28's classes (a town's own twinning page, a committee's fact sheet, local news of a
general meeting), each in sentences of its own: a calendar of the year with one line a month
and no year, the simple future of the verbs in -cevoir and -vre, a tie that "goes back to"
a year."""

from pipeline.dates import parse_label
from pipeline.extract import extract
from pipeline.narrative import announced
from pipeline.parse import parse
from pipeline.places import agreement
from pipeline.read import text_blocks
from pipeline.tables import tables

_SHEET = """Comité de jumelage Saintes – Xanten
Ville jumelle : XANTEN en Rhénanie-du-Nord-Westphalie
Activités :
- Voyages en Allemagne
Rendez-vous de l'année :
Février : Assemblée générale du comité
Avril : Les lycéens partent à Xanten
Juin : Fête du jumelage sur la place du marché
Novembre : Marché de Noël à Xanten
"""


def test_a_month_alone_is_a_month_only_when_asked() -> None:
    from pipeline.dates import month_alone

    assert parse_label("Février") is None  # the grammar reads no bare month
    assert month_alone("Février :").start_month == 2 and month_alone("Février").start_year is None
    assert month_alone("Sept") is None and month_alone("Juin 2024") is None and month_alone("en juin") is None
    assert parse_label("XXXX-11").start_month == 11  # EDTF's month of an unspecified year


def test_a_calendar_of_the_year_one_line_a_month_dates_each_line_by_its_month() -> None:
    data = tables(extract(parse(text_blocks(_SHEET))))
    months = {a["date_label"]: (a["start_year"], a["start_month"], a["end_month"]) for a in data["actions"]}
    assert months["Février"] == (None, 2, 2)
    assert months["Juin"] == (None, 6, 6)
    assert months["Novembre"] == (None, 11, 11)


def test_months_alone_out_of_the_year_s_order_are_no_calendar() -> None:
    shuffled = _SHEET.replace("Avril : Les", "Décembre : Les")
    data = tables(extract(parse(text_blocks(shuffled))))
    assert all(a["start_month"] is None for a in data["actions"] if a["date_label"] in ("Février", "Juin"))


def test_the_future_of_verbs_in_cevoir_and_vre_announces_the_date() -> None:
    assert announced("Du 3 au 6 mai, le comité recevra la chorale de Xanten.", "Du 3 au 6 mai")
    assert announced("Le 12 juin, les familles apercevront le nouveau pont.", "Le 12 juin")
    assert not announced("Du 3 au 6 mai, le comité a reçu la chorale de Xanten.", "Du 3 au 6 mai")


def test_a_tie_that_goes_back_to_a_year_is_sealed_that_year() -> None:
    assert agreement("Le jumelage avec Figeac remonte à 1987. Il est né d'une course cycliste.").year == 1987
    assert agreement("Notre partenariat remonte au 14 mai 2003.").year == 2003
    assert agreement("La tradition de la fête remonte à 1850.") is None  # no tie named


_TWINS = """Nos villes jumelles
La commune entretient des liens d'amitié avec deux villes d'Europe (*). Les associations font vivre ces jumelages.
ALLEMAGNE : ERBACH
Erbach est jumelée avec la commune depuis 1975. Les chorales se rencontrent chaque printemps.
ITALIE : COGNE
Le jumelage avec Cogne est plus récent. Les écoles échangent des élèves.
* En 2019, les villes de Saint-Vaury, de Melk (Autriche) et de Tábor (Tchéquie) ont décidé de mettre fin à leur jumelage, faute d'échanges entre leurs habitants.
"""


def test_a_star_line_the_page_calls_is_a_note_not_a_list_item() -> None:
    from pipeline.read import star_notes

    blocks = text_blocks(_TWINS)
    assert [b.kind for b in blocks if b.text.startswith("*")] == ["paragraph"]
    assert star_notes("Nos actions :\n* Accueil de jeunes\n* Voyages\n") == set()
    assert star_notes("Deux villes (*).\n* Accueil\n* Voyages\n") == set()  # a list beside one call


def test_a_note_of_the_introduction_names_the_ended_twins_as_partners() -> None:
    data = tables(extract(parse(text_blocks(_TWINS))))
    countries = {p["name"].capitalize(): p["country_code"] for p in data["partners"]}
    assert countries == {"Erbach": "DE", "Cogne": "IT", "Melk": "AT", "Tábor": "CZ"}
    ids = {p["partner_id"]: p["name"].capitalize() for p in data["partners"]}
    ended = sorted((ids[a["partner_id"]], a["start_year"]) for a in data["actions"] if a["start_year"] == 2019)
    assert ended == [("Melk", 2019), ("Tábor", 2019)]  # one act of two ties, not Cogne's


def test_a_note_naming_no_other_place_is_no_entry_of_the_last_section() -> None:
    page = _TWINS.replace("de Melk (Autriche) et de Tábor (Tchéquie)", "de Melk et de Tábor")
    data = tables(extract(parse(text_blocks(page))))
    assert {p["name"].capitalize() for p in data["partners"]} == {"Erbach", "Cogne"}
    assert not any(a["start_year"] == 2019 for a in data["actions"])


_MEETING = """Le jumelage avec Bad Salzuflen fait son bilan

Samedi, le comité de jumelage avec Bad Salzuflen a tenu son assemblée générale à la salle des fêtes. En 2019, plusieurs projets ont vu le jour. En mars, vingt lycéens sont partis à Bad Salzuflen pour une semaine. Paul Martin, jeune apprenti boulanger, a travaillé trois semaines dans une boulangerie de la ville jumelle. Il y a aussi eu un tournoi de pétanque au bord du lac. En juin, le comité a reçu une délégation de 25 personnes. Ils ont visité le viaduc.
"""


def _rows(page: str) -> list[tuple[int | None, int | None, str]]:
    data = tables(extract(parse(text_blocks(page))))
    return [(a["start_year"], a["start_month"], a["text"][:12]) for a in data["actions"]]


def test_the_items_of_a_year_s_review_are_events_of_that_year() -> None:
    rows = _rows(_MEETING)
    assert (2019, None, "Paul Martin,") in rows  # an item with no month: the year reviewed
    assert (2019, None, "Il y a aussi") in rows
    assert (2019, 3, "En 2019, plu") in rows  # the announcement opens the first item
    assert (2019, 6, "En juin, le ") in rows
    assert not any(text.startswith("Ils ont") for _, _, text in rows)  # "Ils" goes on with June


def test_a_year_that_tells_an_event_opens_no_review() -> None:
    told = _MEETING.replace("plusieurs projets ont vu le jour", "dix élèves sont venus")
    assert not any(text.startswith("Paul Martin") for _, _, text in _rows(told))


def test_a_partner_section_s_calendar_one_line_a_month_is_read_too() -> None:
    page = "Nos jumelages\nXanten (Allemagne)\nJanvier : vœux du comité\nMai : voyage des lycéens\nSeptembre : foire\n"
    data = tables(extract(parse(text_blocks(page))))
    assert sorted(a["start_month"] for a in data["actions"]) == [1, 5, 9]
