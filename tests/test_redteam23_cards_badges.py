"""Forms that red team 23's timeline and project-card pages brought: a CMS's project cards
whose date is a field among others below the text ("Quand", "Public", "Budget"), a
timeline whose items are grouped under their year and dated by badges cut short ("2011›2013",
"2019 → auj.", "mars"), a country written on its own line under the partner's name with
what the page says of the place after it, and a status chip under an item's title. Each
test is a small page of its own sentences, not the round's pages."""

from pathlib import Path

from pipeline.dates import parse_label
from pipeline.numbers import figures
from pipeline.parse import label_alone
from tests.corpus.score import records_of


def _page(tmp_path: Path, body: str) -> dict[str, list[dict[str, object]]]:
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html lang='fr'><body><main><h1>Nos coopérations</h1>"
                    + body + "</main></body></html>", encoding="utf-8")
    return records_of(path)


def _card(title: str, text: str, fields: list[tuple[str, str]], tag: str = "li") -> str:
    if tag == "li":
        lines = "".join(f"<li><span class='champ'>{k}</span> {v}</li>" for k, v in fields)
        lines = f"<ul class='meta'>{lines}</ul>"
    else:
        lines = "".join(f"<p><strong>{k} :</strong> {v}</p>" for k, v in fields)
    return (f"<article class='fiche-projet'><h3>{title}</h3><div class='resume'><p>{text}</p></div>"
            f"{lines}<p class='etiquettes'><a href='/t/1'>Jeunesse</a></p></article>")


CARDS = [
    ("Chantier d'été", "Restauration d'un lavoir par des lycéens des deux communes.",
     [("Quand", "de 2011 à 2013, chaque juillet"), ("Public", "huit lycéens par an")]),
    ("Atelier cuisine", "Échange de recettes entre les cantines scolaires.",
     [("Quand", "fin du deuxième trimestre 2017"), ("Budget", "2 500 € TTC")]),
    ("Festival", "Accueil d'une troupe de théâtre pour le festival de rue.",
     [("Quand", "du samedi 6 au lundi 8 juillet 2019"), ("Public", "douze comédiens")]),
    ("Bibliothèque", "Envoi de livres pour la médiathèque de la ville partenaire.",
     [("Quand", "courant 2021"), ("Avancement", "reporté")]),
]


def test_a_cards_date_field_below_its_text_dates_that_card(tmp_path: Path) -> None:
    cards = "".join(_card(*c) for c in CARDS)
    data = _page(tmp_path, f"<section><h2>Kita (Mali)</h2><div class='grille'>{cards}</div></section>")
    actions = {str(a["text"]): a for a in data["actions"]}
    by_text = {snip: next(a for t, a in actions.items() if snip in t)
               for snip in ("Restauration", "Échange de recettes", "Accueil d'une troupe", "Envoi de livres")}
    lavoir = by_text["Restauration"]
    assert (lavoir["start_year"], lavoir["end_year"], lavoir["participants"]) == (2011, 2013, 8)
    assert (by_text["Échange de recettes"]["start_year"], by_text["Échange de recettes"]["amount_eur"]) == (2017, 2500)
    troupe = by_text["Accueil d'une troupe"]
    assert (troupe["start_year"], troupe["start_month"], troupe["participants"]) == (2019, 7, 12)
    assert (by_text["Envoi de livres"]["start_year"], by_text["Envoi de livres"]["status"]) == (2021, "postponed")
    # no card's date labels the next card's text
    assert len([a for a in data["actions"] if a["start_year"]]) == 4


def test_a_date_field_written_as_a_bold_name_in_a_paragraph_is_read_the_same(tmp_path: Path) -> None:
    cards = "".join(_card(*c, tag="p") for c in CARDS)
    data = _page(tmp_path, f"<section><h2>Kita (Mali)</h2><div class='grille'>{cards}</div></section>")
    dated = {a["start_year"]: str(a["text"]) for a in data["actions"] if a["start_year"]}
    assert "Restauration" in dated[2011] and "Envoi de livres" in dated[2021]


def _item(badge: str, title: str, text: str, chip: str = "") -> str:
    spans = "".join(f"<span class='b-{n}'>{part}</span>" for n, part in enumerate(badge.split("|")))
    return (f"<li class='frise-item'><div class='badge' aria-hidden='true'>{spans}</div>"
            f"<span class='visually-hidden'>{badge}</span><div class='corps'><h4>{title}</h4>"
            + (f"<span class='pastille'>{chip}</span>" if chip else "") + f"<p>{text}</p></div></li>")


def _year(year: int, *items: str) -> str:
    return f"<li class='annee'><h3>{year}</h3><ul class='items'>{''.join(items)}</ul></li>"


TIMELINE = ("<section><h2>Wolfach</h2><p class='pays'>Allemagne · Forêt-Noire, à 30 km d'Offenburg</p>"
            "<ol class='frise'>"
            + _year(2011, _item("2011|›|2013", "Classes", "Échanges de classes de quatrième entre les collèges."))
            + _year(2015, _item("mars", "Concert", "Concert commun des deux chorales à l'église."),
                    _item("2015|→|auj.", "Marché", "Stand de la ville jumelle au marché de Noël."))
            + _year(2018, _item("print.", "Vélo", "Randonnée à vélo entre les deux villes."),
                    _item("2018|›|2019", "Jardin", "Création d'un jardin partagé, chiffré à 4 000 €.",
                          chip="Abandonné en 2020"))
            + "</ol></section>")


def test_a_timeline_grouped_by_year_with_badges_cut_short(tmp_path: Path) -> None:
    data = _page(tmp_path, TIMELINE)
    assert [(p["name"], p["country_code"]) for p in data["partners"]] == [("Wolfach", "DE")]
    got = {str(a["text"]).split("•")[-1].strip()[:12]: a for a in data["actions"]}
    period = {k: (a["start_year"], a["start_month"], a["end_year"], a["is_ongoing"]) for k, a in got.items()}
    assert period["Échanges de "] == (2011, None, 2013, False)
    assert period["Concert comm"] == (2015, 3, 2015, False)  # the month takes its group's year
    assert period["Stand de la "] == (2015, None, None, True)  # "auj.": to this day
    assert period["Randonnée à "] == (2018, None, 2018, False)  # spring of the group's year
    assert period["Création d'u"] == (2018, None, 2019, False)  # the chip's year is no label
    assert got["Création d'u"]["status"] == "abandoned"
    # the year headings are no entries of their own
    assert len(data["actions"]) == 5


def test_a_year_heading_over_items_without_a_date_of_their_own_stays(tmp_path: Path) -> None:
    page = ("<section><h2>Wolfach (Allemagne)</h2><ol class='frise'>"
            "<li class='annee'><h3>2016</h3><ul><li><p>Visite du maire et de trois adjoints.</p></li>"
            "<li><p>Accueil de la fanfare.</p></li></ul></li>"
            "<li class='annee'><h3>2017</h3><ul><li><p>Tournoi de football.</p></li></ul></li></ol></section>")
    data = _page(tmp_path, page)
    years = {a["start_year"] for a in data["actions"]}
    assert {2016, 2017} <= years


def test_badge_ranges_and_the_present_cut_short() -> None:
    for label, want in [("2011›2013", (2011, 2013, False)), ("2011 › 2013", (2011, 2013, False)),
                        ("2004 ➔ 2006", (2004, 2006, False)), ("2019→auj.", (2019, None, True)),
                        ("2019 → auj.", (2019, None, True))]:
        period = parse_label(label)
        assert period is not None, label
        assert (period.start_year, period.end_year, period.is_ongoing) == want, label


def test_a_status_before_its_date_labels_nothing() -> None:
    assert label_alone("Abandonné en 2020") is None
    assert label_alone("Reporté à 2025") is None
    assert label_alone("Depuis 2018") == "Depuis 2018"
    assert label_alone("Printemps 2021") == "Printemps 2021"


def test_the_year_of_a_label_at_the_head_of_its_text_is_no_head_count() -> None:
    assert figures("déc. 2019 Essais de semences • Distribution de graines.", True).participants is None
    assert figures("2012 Citoyens d'honneur • Remise d'une médaille.").participants is None
    assert figures("du 2 au 4 mai 2019 12 élèves en visite").participants is not None
    assert figures("Mars 2019 : 15 élèves").participants is not None


def test_fields_cut_by_line_breaks_in_one_paragraph(tmp_path: Path) -> None:
    def card(title: str, text: str, fields: list[tuple[str, str]]) -> str:
        lines = "<br>".join(f"<b>{k} :</b> {v}" for k, v in fields)
        return f"<div class='carte'><h3>{title}</h3><p>{text}</p><p class='infos'>{lines}</p></div>"
    cards = "".join(card(*c) for c in CARDS)
    data = _page(tmp_path, f"<section><h2>Kita (Mali)</h2>{cards}</section>")
    dated = {a["start_year"]: a for a in data["actions"] if a["start_year"]}
    assert "Restauration" in str(dated[2011]["text"]) and dated[2011]["participants"] == 8
    assert "Échange de recettes" in str(dated[2017]["text"]) and dated[2017]["amount_eur"] == 2500


def test_a_day_or_an_abbreviated_season_under_a_year_that_is_no_heading(tmp_path: Path) -> None:
    page = ("<section><h2>Kita (Mali)</h2><ol class='frise'><li><div class='an'>2019</div><ul>"
            "<li><span class='b'>12 mars</span><p>Visite du maire et de deux adjoints.</p></li>"
            "<li><span class='b'>aut.</span><p>Accueil de jeunes musiciens.</p></li></ul></li></ol></section>")
    data = _page(tmp_path, page)
    got = {str(a["text"]).split("\n")[-1][:12]: (a["start_year"], a["start_month"]) for a in data["actions"]}
    assert got == {"Visite du ma": (2019, 3), "Accueil de j": (2019, None)}


def test_a_box_after_the_partners_sections_is_no_partners(tmp_path: Path) -> None:
    sections = "".join(
        f"<section class='jumelle'><h2>{name} <span>— {country}</span></h2><p>{year} : {text}</p></section>"
        for name, country, year, text in (("Wolfach", "Allemagne", 2012, "Échange de classes de quatrième."),
                                          ("Kita", "Mali", 2016, "Rénovation du dispensaire.")))
    box = ("<div class='focus'><h3>Le jumelage en bref</h3><p>Signée en avril 1951 par des maires, la charte "
           "des jumelages fixe un cap commun d'ici à 2030.</p></div>")
    data = _page(tmp_path, sections + box)
    assert {(a["partner_id"], a["start_year"]) for a in data["actions"]} == {("wolfach", 2012), ("kita", 2016)}


def test_a_date_field_held_in_a_time_element_or_cut_short_at_its_end(tmp_path: Path) -> None:
    def card(title: str, text: str, when: str) -> str:
        return (f"<article class='projet'><h3>{title}</h3><p>{text}</p><ul class='infos'>"
                f"<li><em>Quand</em> {when}</li><li><em>Public</em> élus</li></ul></article>")
    cards = (card("Visite", "Visite des élus de la commune.", "<time datetime='2019-05'>mai 2019</time>")
             + card("Chorale", "Accueil d'une chorale de quinze enfants.", "été 2021")
             + card("Puits", "Forage d'un puits au village.", "2022 → auj."))
    data = _page(tmp_path, f"<section><h2>Kita (Mali)</h2>{cards}</section>")
    got = {str(a["text"]).split(" : ")[-1][:12]: (a["start_year"], a["start_month"], a["is_ongoing"])
           for a in data["actions"]}
    assert got["Visite des é"] == (2019, 5, False)
    assert got["Accueil d'un"] == (2021, None, False)
    assert got["Forage d'un "] == (2022, None, True)
