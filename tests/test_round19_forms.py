"""Forms of pages that round 19's edited pages brought (a CMS page whose headings name a
country or a cause, a map's popups, a slide deck): each test is a small page of the class,
in sentences of its own, not the round's page."""

from pathlib import Path

import pytest

from pipeline.dates import parse_label
from pipeline.numbers import participants
from pipeline.places import heading_country, name_words, place_of_country
from tests.corpus.score import records_of

HEAD = "<html><body><main><h1>Nos jumelages</h1>"
TAIL = "</main></body></html>"
INTRO = ("<p>La commune entretient des liens avec :</p><ul>"
         "<li>La ville de Wolfach, en Forêt-Noire (Allemagne)</li>"
         "<li>La commune rurale de Kita, cercle de Kita (Mali)</li>"
         "<li>La ville de Naplouse (Palestine)</li>"
         "<li>Le camp de réfugiés de Balata (Palestine)</li></ul>")


def _records(tmp_path: Path, body: str) -> dict[str, list[dict[str, object]]]:
    page = tmp_path / "page.html"
    page.write_text(HEAD + body + TAIL, encoding="utf-8")
    return records_of(page)


def _years(data: dict[str, list[dict[str, object]]], name: str) -> list[object]:
    partner = next(p["partner_id"] for p in data["partners"] if p["name"] == name)
    return sorted(a["start_year"] for a in data["actions"]  # type: ignore[type-var]
                  if a["partner_id"] == partner and a["start_year"] is not None)


@pytest.mark.parametrize(("heading", "code"), [
    ("L’amitié franco-allemande", "DE"),
    ("Notre coopération germano-française", "DE"),
    ("Solidarité avec le Mali", "ML"),
    ("Le partenariat malien", "ML"),
    ("Aux côtés du peuple palestinien", "PS"),
    ("Avec le peuple sahraoui", "EH"),
    ("Une amitié italo-française", "IT"),
    ("Nos amis bavarois", "DE"),
    ("Notre engagement en Palestine", "PS"),
    ("SOLIDARITÉ AVEC LE MALI", "ML"),  # in capitals: the country's name whatever its case
    ("L’AMITIÉ FRANCO-ALLEMANDE", "DE"),
])
def test_a_heading_may_name_its_partner_by_its_country_alone(heading: str, code: str) -> None:
    assert heading_country(heading) == code


@pytest.mark.parametrize("heading", [
    "Le jumelage avec Wolfach en Allemagne",  # a place beside the country
    "Échanges franco-maliens et franco-sénégalais",  # two countries
    "La solidarité française",  # the home country
    "Historique du jumelage",  # no country
    "Wolfach (Allemagne)",  # a place and its country
])
def test_a_heading_naming_a_place_or_no_one_country_is_no_country_heading(heading: str) -> None:
    assert heading_country(heading) is None


def test_headings_that_name_a_cause_or_a_tie_by_its_country_are_the_intro_items_partners(tmp_path: Path) -> None:
    """A page whose sections are headed by a tie's adjective ("L’amitié franco-allemande")
    or a cause ("Solidarité avec le Mali"): each heading is the partner of the intro's list
    in that country; two items in one country share the heading, each opened by a
    paragraph that names it in bold."""
    data = _records(tmp_path, INTRO
                    + "<h2>L’amitié franco-allemande</h2><p>Des échanges de jeunes depuis 1985.</p>"
                    "<p><b>2011</b> — séjour de dix collégiens en Forêt-Noire.</p>"
                    "<p><b>2019</b> — concert commun des deux harmonies.</p>"
                    "<h2>Solidarité avec le Mali</h2><p>Une coopération autour de l’eau.</p>"
                    "<p><b>2014</b> — creusement de trois puits.</p>"
                    "<h2>Aux côtés du peuple palestinien</h2>"
                    "<p><strong>Naplouse.</strong> Un soutien aux écoles de la vieille ville.</p>"
                    "<p><b>2016</b> — envoi de manuels scolaires.</p>"
                    "<p><strong>Le camp de Balata.</strong> Une bibliothèque pour les enfants.</p>"
                    "<p><b>2021</b> — atelier de lecture avec des conteurs.</p>")
    assert sorted(p["name"] for p in data["partners"]) == ["Balata", "Kita", "Naplouse", "Wolfach"]
    assert _years(data, "Wolfach") == [2011, 2019]
    assert _years(data, "Kita") == [2014]
    assert _years(data, "Naplouse") == [2016]
    assert _years(data, "Balata") == [2021]
    countries = {p["name"]: p["country_code"] for p in data["partners"]}
    assert countries["Wolfach"] == "DE" and countries["Balata"] == "PS"


def test_a_country_heading_with_no_intro_item_names_the_place_of_its_first_paragraph(tmp_path: Path) -> None:
    """A new partner the intro does not list yet: the paragraph under "Un jumelage
    arménien tout neuf" names it by its kind, in a sentence naming the country."""
    data = _records(tmp_path, INTRO
                    + "<h2>Solidarité avec le Mali</h2><p><b>2014</b> — creusement de trois puits.</p>"
                    "<h2>Un jumelage arménien tout neuf</h2>"
                    "<p>Nous sommes liés depuis peu à la commune de Sissian, dans le sud de "
                    "l’Arménie. Les premiers échanges portent sur la musique.</p>"
                    "<p><b>Mars 2025</b> — venue à Sissian de douze choristes.</p>")
    names = {p["name"]: p["country_code"] for p in data["partners"]}
    assert names.get("Sissian") == "AM"
    assert _years(data, "Sissian") == [2025]


def test_a_country_heading_over_its_towns_headings_still_groups_them(tmp_path: Path) -> None:
    """A country alone over its towns' headings ("Le Mali", then "Kita (Mali)") stays a
    group: the rule takes only a heading that has text of its own below it."""
    data = _records(tmp_path, "<h2>Le Mali</h2><h3>Kita (Mali)</h3><p><b>2014</b> — trois puits.</p>"
                    "<h3>Gao (Mali)</h3><p><b>2016</b> — une école.</p>")
    assert sorted(p["name"] for p in data["partners"]) == ["Gao", "Kita"]


def test_the_place_a_paragraph_names_by_its_kind_with_the_country() -> None:
    assert place_of_country("La ville est jumelée avec la commune de Sissian, en Arménie.", "AM") == "Sissian"
    assert place_of_country("La commune de Sissian accueille un festival. L’Arménie aussi.", "AM") is None


def test_an_inclusive_heading_is_the_intro_item_it_spells_otherwise() -> None:
    """"Camps de réfugié·es sahraoui·es de Tindouf" (a slide's title) and the intro's
    "Camps de réfugiés Sahraouis de Tindouf (Algérie)" are one name."""
    assert name_words("Village des réfugié·es sahraoui·es de Smara") == name_words(
        "Village des réfugiés Sahraouis de Smara")


@pytest.mark.parametrize(("label", "edtf"), [
    ("2023-04-11 → 2023-04-14", "2023-04-11/2023-04-14"),
    ("2023-12-30 – 2024-01-02", "2023-12-30/2024-01-02"),
    ("Du 2023-04-11 au 2023-04-14", "2023-04-11/2023-04-14"),
])
def test_two_iso_dates_with_an_arrow_a_dash_or_au_are_a_range(label: str, edtf: str) -> None:
    period = parse_label(label)
    assert period is not None and period.edtf == edtf


def test_an_iso_range_that_ends_before_it_starts_is_no_date() -> None:
    assert parse_label("2023-04-14 → 2023-04-11") is None


def test_a_maps_markers_and_its_hidden_popups(tmp_path: Path) -> None:
    """A map: a row of marker pictures (their ``alt`` the partners' titles) heads nothing,
    and the popups kept in the page, each a heading and its entries sorted by a
    ``data-`` kind ("jumelage", "cooperation"), are the partners' sections."""
    markers = "".join(f'<img src="m.png" alt="{t}" title="{t}" role="button" tabindex="0">'
                      for t in ("Wolfach (Allemagne)", "Kita (Mali)", "Naplouse (Palestine)"))
    popups = "".join(
        f'<div class="popup" data-kind="{kind}"><h3>{title}</h3><p>{place}</p><ul>'
        f'<li><span class="date">{label}</span> <span>{text}</span></li></ul></div>'
        for kind, title, place, label, text in (
            ("jumelage", "Le jumelage allemand", "Wolfach · Bade-Wurtemberg, Allemagne", "2018", "fête du jumelage."),
            ("cooperation", "La coopération malienne", "Kita · Mali", "2023-02-06 → 2023-02-10",
             "mission de quatre élus."),
            ("solidarite", "Aux côtés du peuple palestinien", "Naplouse · Palestine", "2020", "envoi de livres.")))
    data = _records(tmp_path, INTRO.replace("<li>Le camp de réfugiés de Balata (Palestine)</li>", "")
                    + f'<div class="map"><div class="markers">{markers}</div></div>{popups}')
    assert sorted(p["name"] for p in data["partners"]) == ["Kita", "Naplouse", "Wolfach"]
    kita = next(a for a in data["actions"] if "quatre" in str(a["text"]))
    assert (kita["start_year"], kita["start_month"], kita["end_month"]) == (2023, 2, 2)


@pytest.mark.parametrize(("text", "count"), [
    ("participation de six breakdancers et de leurs deux coachs", {6, 8}),
    ("un stage pour douze skaters de la ville", {12}),
])
def test_english_agent_nouns_count_people(text: str, count: set[int]) -> None:
    found = participants(text)
    assert found is not None and found.value in count


def test_the_same_page_as_text_reads_its_country_headings_and_its_groups_openings(tmp_path: Path) -> None:
    """The text snapshot of such a page: a short line naming a country with a tie's or a
    cause's word is a heading, and under a group's heading a paragraph that opens on an
    item's place and a full stop opens that partner's section; a line naming a country
    with neither ("Jeunes allemands en visite") stays text."""
    page = tmp_path / "page.txt"
    page.write_text(
        "Nos jumelages\n\nLa commune entretient des liens avec :\n"
        "• La ville de Wolfach, en Forêt-Noire (Allemagne)\n• La ville de Naplouse (Palestine)\n"
        "• Le camp de réfugiés de Balata (Palestine)\n\n"
        "L’amitié franco-allemande\n\nDes échanges de jeunes depuis 1985.\n\n"
        "2011 : séjour de dix collégiens en Forêt-Noire.\n\nJeunes allemands en visite\n\n"
        "2019 : concert commun des deux harmonies.\n\n"
        "Aux côtés du peuple palestinien\n\n"
        "Naplouse. Un soutien aux écoles de la vieille ville.\n\n2016 : envoi de manuels scolaires.\n\n"
        "Le camp de Balata. Une bibliothèque pour les enfants.\n\n2021 : atelier de lecture.\n",
        encoding="utf-8")
    data = records_of(page)
    assert sorted(p["name"] for p in data["partners"]) == ["Balata", "Naplouse", "Wolfach"]
    assert _years(data, "Wolfach") == [2011, 2019]
    assert _years(data, "Naplouse") == [2016]
    assert _years(data, "Balata") == [2021]


def test_a_maps_popups_with_no_intro_list_take_the_place_line_under_their_title(tmp_path: Path) -> None:
    """With no list of partners above, a popup titled by a country's adjective ("Le
    jumelage allemand") takes the place of the line under it ("Wolfach · Bade-Wurtemberg,
    Allemagne (≈ 620 km)"), the distance in brackets no country."""
    popups = "".join(
        f'<div class="popup"><h3>{title}</h3><p>{place}</p><ul><li><b>{label}</b> — {text}</li></ul></div>'
        for title, place, label, text in (
            ("Le jumelage allemand", "Wolfach · Bade-Wurtemberg, Allemagne (≈ 620 km)", "2018", "fête du jumelage."),
            ("La coopération malienne", "Kita · Mali (≈ 4 100 km)", "2020", "trois puits creusés.")))
    data = _records(tmp_path, "<p>Cliquez sur un repère de la carte.</p>" + popups)
    assert sorted((p["name"], p["country_code"]) for p in data["partners"]) == [("Kita", "ML"), ("Wolfach", "DE")]
    assert _years(data, "Kita") == [2020]
