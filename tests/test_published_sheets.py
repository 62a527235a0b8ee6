"""A spreadsheet published as a page (a sheet's "publish to the web", a workbook saved as
HTML): a row of column letters and a column of row numbers around the grid, a title row
across the sheet above its header, the partner and its country in cells spanning their
rows, the date over a start and an end column, a total row and a note row under it. Pages
written here, with places, sentences and markup of their own."""

from pipeline.extract import extract
from pipeline.fields import Field, field_count, span_columns, total_row
from pipeline.load import read_bytes
from pipeline.numbers import Quantity, participants
from pipeline.parse import parse

TOP = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
BOTTOM = "</body></html>"


def _row(number, *cells):
    return f"<tr><th class='row-headers-background'><div>{number}</div></th>{''.join(cells)}</tr>"


def _td(text, rows=1, columns=1):
    return f"<td rowspan='{rows}' colspan='{columns}'>{text}</td>"


LETTERS = ("<thead><tr><th></th>" + "".join(f"<th>{c}</th>" for c in "ABCDEFG") + "</tr></thead>")
HEADER = "".join(_td(h) for h in ("Partenaire", "Pays", "Début", "Fin", "Action", "Participants", "État"))


def _sheet():
    rows = [
        _row(1, _td("Tableau de suivi des échanges — mise à jour : janvier 2025", columns=7)),
        _row(2, HEADER),
        _row(3, _td("Tamba", rows=3), _td("Mali", rows=3), _td("2009"), _td("2013"),
             _td("Construction de latrines à l’école de Tamba (avec Tomar, Portugal)"), _td(""), _td("Terminé")),
        _row(4, _td("03/2015"), _td(""), _td("Mission de deux élus à Tamba"), _td("≈ 30"), _td("Terminé")),
        _row(5, _td("2019"), _td("à ce jour"), _td("Parrainage de collégiens"), _td("4 / an"), _td("En cours")),
        _row(6, _td("Quargnento", rows=2), _td("Italie", rows=2), _td("T3 2021"), _td(""),
             _td("Concert commun des deux chorales"), _td("25"), _td("Reporté à 2022")),
        _row(7, _td("2022"), _td("2023"), _td("Échanges de classes"), _td(""), _td("Terminé")),
        _row(8, _td(""), _td(""), _td(""), _td(""), _td("TOTAL (hors frais de transport)"), _td("59"), _td("")),
        _row(9, _td("T3 : troisième trimestre. « 4 / an » : jeunes par année.", columns=7)),
    ]
    return f"<table class='waffle'>{LETTERS}<tbody>{''.join(rows)}</tbody></table>"


def _records(body):
    return extract(parse(read_bytes(f"{TOP}{body}{BOTTOM}".encode(), "sheet.html").blocks))


def test_a_published_sheets_grid_is_read_as_its_table():
    got = _records(_sheet())
    assert [(p["partner_id"], p["country_code"]) for p in got["partners"]] == [("tamba", "ML"), ("quargnento", "IT")]
    rows = [(a["partner_id"], a["start_year"], a["start_month"], a["end_year"], a["is_ongoing"],
             a["participants"], a["status"]) for a in got["actions"]]
    assert rows == [
        ("tamba", 2009, None, 2013, False, None, None),
        ("tamba", 2015, 3, 2015, False, 30, None),  # an empty end: a one-off
        ("tamba", 2019, None, None, True, 4, "ongoing"),  # "à ce jour": to the present
        ("quargnento", 2021, 7, 2021, False, 25, "postponed"),
        ("quargnento", 2022, None, 2023, False, None, None),
    ]
    texts = " ".join(a["text"] for a in got["actions"])
    assert "TOTAL" not in texts and "troisième trimestre" not in texts and "mise à jour" not in texts


def test_start_and_end_columns_without_a_sheets_grid():
    table = ("<h2>Gao (Mali)</h2><table><thead><tr><th>Du</th><th>Au</th><th>Projet</th></tr></thead><tbody>"
             "<tr><td>2014</td><td>2016</td><td>Forage de deux puits</td></tr>"
             "<tr><td>05/2018</td><td></td><td>Venue d’une délégation</td></tr></tbody></table>")
    got = _records(table)
    assert [(a["start_year"], a["start_month"], a["end_year"]) for a in got["actions"]] == [
        (2014, None, 2016), (2018, 5, 2018)]


def test_the_words_of_the_class():
    assert span_columns(["Date de début", "Date de fin", "Objet"]) == (0, 1)
    assert span_columns(["Fin", "Début"]) is None  # an end before its start heads no date
    assert span_columns(["Action", "Année début", "Année fin"]) == (1, 2)
    assert total_row("Total (montants connus)") and not total_row("Gao (Mali)")
    assert field_count(Field("people", "Participants", "env. 40")) == Quantity(40, True)
    assert field_count(Field("people", "Jeunes", "12 par séjour")) == Quantity(12, False)
    assert participants("2020 Essais de pompage au village") is None  # trials, not people


def test_a_start_and_an_end_of_other_precisions_make_one_date():
    table = ("<h2>Kita (Mali)</h2><table><thead><tr><th>Date de début</th><th>Date de fin</th><th>Action</th>"
             "</tr></thead><tbody><tr><td>T1 2016</td><td>T3 2017</td><td>Chantier de la maternité</td></tr>"
             "<tr><td>09/2019</td><td>2021</td><td>Jardins scolaires</td></tr></tbody></table>")
    got = _records(table)
    assert [(a["start_year"], a["start_month"], a["end_year"], a["end_month"]) for a in got["actions"]] == [
        (2016, 1, 2017, 9), (2019, 9, 2021, None)]
