"""Red team 26's agenda classes (helper r26d), in pages of our own: a date written without
its year (a day in digits "11/10", a day alone "le 15", a range of days, "toute l'année")
under the headings of its year and month takes their year and month; an agenda's row (its
date line, title, category chip, description and place in one list item) is one entry; a
category chip that names a partner is the row's partner, one action per chip."""

from pipeline.dates import parse_label
from pipeline.extract import extract
from pipeline.html_page import html_blocks
from pipeline.parse import parse
from pipeline.tables import tables


def _row(date: str, title: str, chips: list[str], text: str, badge: str = "") -> str:
    chip = "".join(f'<span class="evcat">{c}</span>' for c in chips)
    badge = f' <span class="badge">{badge}</span>' if badge else ""
    return (f'<li class="row"><div class="when"><span class="icon"></span> {date}</div>'
            f'<div class="title"><a href="#">{title}</a>{badge}</div><div class="cats">{chip}</div>'
            f'<div class="desc"><p>{text}</p></div><div class="where">Salle des fêtes, 3 rue Voltaire</div></li>')


AGENDA = f"""<html><body><main><h1>Agenda des villes jumelles</h1>
<h2>Nos partenaires</h2>
<h3>Tabarka (Tunisie)</h3><p>Ville portuaire jumelée depuis 1994.</p>
<h3>Huy (Belgique)</h3><p>Ville wallonne jumelée depuis 1971.</p>
<h2>Calendrier</h2>
<h3>2026</h3>
<h4>Mars</h4>
<ul>{_row("le 12 à 18 h", "Soirée tunisienne", ["Tunisie · Tabarka"], "Concert et repas de quartier.")}</ul>
<h4>Juin</h4>
<ul>{_row("du ven. 5 au dim. 7", "Chorales à Huy", ["Belgique · Huy"], "Échange de chorales entre les deux villes.")}
{_row("Sam. 27/06 à 10 h", "Marché wallon", ["Belgique · Huy"], "Stands de producteurs belges sur la place.")}</ul>
<h3>2023</h3>
<h4>Toute l’année</h4>
<ul>{_row("toute l’année", "Classes de mer", ["Tunisie · Tabarka"], "Séjours d’écoliers au bord de la mer.")}</ul>
<h4>Septembre</h4>
<ul>{_row("du lun. 28/08 au sam. 2/09", "Festival des deux rives", ["Tunisie · Tabarka", "Belgique · Huy"],
          "Trois villes réunies pour un festival de musique.")}
{_row("Sam. 16/09", "Fête du port", ["Tunisie · Tabarka"], "Stands et musique sur le quai.", "Annulé")}</ul>
</main></body></html>"""


def test_a_date_without_its_year_takes_the_year_and_month_of_its_headings() -> None:
    from pipeline.dates import with_year  # here: each test fails on its own without the change

    assert with_year("Ven. 9/10 à 20 h", 2026) == "Ven. 9/10/2026 à 20 h"
    assert with_year("le 3 à 9 h", 2024, 2) == "le 3 février 2024 à 9 h"
    assert with_year("du 3 au 6", 2024, 2) == "du 3 février 2024 au 6 février 2024"
    assert with_year("du lun. 2 au ven. 6 mars", 2026) == "du lun. 2 au ven. 6 mars 2026"
    assert with_year("Sam. 7/03 et dim. 8/03", 2026) == "Sam. 7/03/2026 et dim. 8/03/2026"
    assert with_year("toute l’année", 2023) == "toute l’année 2023"
    assert with_year("le 3 à 9 h", 2024) is None  # no month heading: a day alone stays as written
    assert with_year("Du 2 au 4 mai 2019", 2024) is None  # a year of its own
    whole = parse_label("toute l’année 2023")
    assert whole is not None and (whole.start_year, whole.start_month, whole.end_year) == (2023, None, 2023)


def test_an_agenda_row_is_one_entry_of_its_chips_partner() -> None:
    data = tables(extract(parse(html_blocks(AGENDA))))
    assert sorted(p["partner_id"] for p in data["partners"]) == ["huy", "tabarka"]  # no "Mars", "Juin"
    rows = {(a["partner_id"], a["start_year"], a["start_month"], a["end_month"]): a for a in data["actions"]}
    assert ("tabarka", 2026, 3, 3) in rows and "Concert et repas" in rows[("tabarka", 2026, 3, 3)]["text"]
    assert ("tabarka", 2023, None, None) in rows  # "toute l'année" under "2023"
    assert ("tabarka", 2023, 8, 9) in rows  # "du lun. 28/08 au sam. 2/09" under "2023" / "Septembre"
    chorales = [a for a in data["actions"] if "Chorales à Huy" in a["text"]]
    # the row's title, text and place in one entry, dated by its line and the headings above
    assert [(a["partner_id"], a["start_year"], a["start_month"]) for a in chorales] == [("huy", 2026, 6)]
    assert "Échange de chorales" in chorales[0]["text"] and "Salle des fêtes" in chorales[0]["text"]
    assert len(data["actions"]) == 7  # six rows, one of them under two chips


def test_a_row_under_two_chips_is_an_action_of_each_partner() -> None:
    data = tables(extract(parse(html_blocks(AGENDA))))
    festival = sorted(a["partner_id"] for a in data["actions"] if "Festival des deux rives" in a["text"])
    assert festival == ["huy", "tabarka"]


def test_a_cancelled_badge_is_the_rows_status() -> None:
    data = tables(extract(parse(html_blocks(AGENDA))))
    port = [a for a in data["actions"] if "Fête du port" in a["text"]]
    assert [(a["partner_id"], a["start_month"], a["status"]) for a in port] == [("tabarka", 9, "cancelled")]
