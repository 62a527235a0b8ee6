"""Red team 26's classes (helper r26a), in pages of our own: a table of a row per year and
a column per partner (the partner's country on a line of its own in the header cell), its
cells actions of their column's partner dated by their row's year: a cell merged across two
partners' columns is an action of each, one merged across years spans them, a cell's own
date before a middle dot ("2004 → 2006 · …", "Mai · …") is its label, completed by the
row's year when it has none, and each paragraph of a cell that lists dated paragraphs is an
action of its own."""

from pipeline.extract import extract
from pipeline.html_page import html_blocks
from pipeline.parse import parse
from pipeline.tables import tables

FRISE = """<html><body><main><h1>Nos coopérations année par année</h1>
<p>Ivry mène des projets avec deux villes partenaires.</p>
<table>
<thead><tr><th>Année</th><th>Tabarka<br><small>Tunisie</small></th><th>Huy<br><small>Belgique</small></th></tr></thead>
<tbody>
<tr><th>2010</th><td colspan="2"><strong>2010 → 2013</strong> · Chantiers de jeunes dans les deux villes.</td></tr>
<tr><th>2011</th><td><strong>Juin</strong> · Classes de mer pour vingt écoliers.</td><td></td></tr>
<tr><th>2012</th><td></td><td rowspan="2">Échange de chorales entre les conservatoires.</td></tr>
<tr><th>2013</th><td><p><strong>Mars</strong> · Fête du port avec les pêcheurs.</p><p>Don de livres à la médiathèque.</p></td></tr>
</tbody></table>
</main></body></html>"""


def _actions(page: str) -> list[tuple[str, str, int | None, int | None, int | None]]:
    data = tables(extract(parse(html_blocks(page))))
    return sorted((a["partner_id"], a["text"][:12], a["start_year"], a["start_month"], a["end_year"])
                  for a in data["actions"])


def test_a_table_of_a_column_per_partner_and_a_row_per_year() -> None:
    data = tables(extract(parse(html_blocks(FRISE))))
    partners = {p["partner_id"]: p["country_code"] for p in data["partners"]}
    assert partners == {"tabarka": "TN", "huy": "BE"}  # the country under its line break
    assert _actions(FRISE) == [
        ("huy", "2010 → 2013 ", 2010, None, 2013),  # a cell across both columns: each one's
        ("huy", "2012-2013 : ", 2012, None, 2013),  # a cell across two rows: both years
        ("tabarka", "2010 → 2013 ", 2010, None, 2013),
        ("tabarka", "2013 : Don d", 2013, None, 2013),  # the cell's second paragraph: its own
        ("tabarka", "Juin 2011 · ", 2011, 6, 2011),  # a month before a middle dot: the row's year
        ("tabarka", "Mars 2013 · ", 2013, 3, 2013),
    ]
