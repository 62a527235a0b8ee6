"""Facts a page gives by its structure (issue 20): a table whose header says what each
column holds, a fiche of "Key : value" lines, hand-typed bullets, a ``<time>`` element.
Pages written here, in column words, orders, layouts and keys of their own; each test
reads the page through the read, parse and extract stages and checks the actions' cells."""

import pytest

from pipeline.extract import extract
from pipeline.fields import field_amount, field_count, field_line, key_kind
from pipeline.load import read_bytes
from pipeline.numbers import Quantity
from pipeline.parse import parse

HTML_TOP = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
HTML_BOTTOM = "</body></html>"
WHAT = ("action_id", "date_label", "period", "participants", "amount_eur")


def actions(body, html=True):
    if html:
        data = f"{HTML_TOP}<main><article><h1>Jumelages</h1>{body}</article></main>{HTML_BOTTOM}"
        document = read_bytes(data.encode("utf-8"), "page.html")
    else:
        document = read_bytes(("Jumelages\n\n" + body).encode("utf-8"), "page.txt")
    return [{k: a[k] for k in WHAT} | {"text": a["text"]} for a in extract(parse(document.blocks))["actions"]]


def cells(body, html=True):
    return [tuple(a[k] for k in WHAT[1:]) for a in actions(body, html)]


# --- 1. A table whose header names its columns ------------------------------------------

# Other words for each column, in another order, the amount column in k€ and a count in
# words; a dash, "NC" and an empty cell are nothing.
OTHER_WORDS = (
    "<h2>Tamba (Mali)</h2><table><thead><tr><th>Intitulé de l’opération</th>"
    "<th>Nombre de bénéficiaires</th><th>Période</th><th>Coût (k€)</th></tr></thead><tbody>"
    "<tr><td>Construction d’un puits au village de Kédia</td><td>—</td><td>2018-2019</td><td>12</td></tr>"
    "<tr><td>Stage de maraîchage pour des femmes de la commune</td><td>douze</td><td>Mars 2021</td><td>NC</td></tr>"
    "<tr><td>Envoi de livres à la bibliothèque</td><td></td><td>2022</td><td>—</td></tr>"
    "</tbody></table>")


def test_a_table_row_is_one_entry_read_by_its_columns_headers():
    assert cells(OTHER_WORDS) == [
        ("2018-2019", "2018/2019", None, 12000),
        ("Mars 2021", "2021-03", 12, None),
        ("2022", "2022", None, None),
    ]


def test_no_cell_of_a_table_row_is_an_action_of_its_own():
    got = actions(OTHER_WORDS)
    assert [a["action_id"] for a in got] == ["tamba-2018-2019", "tamba-mars-2021", "tamba-2022"]
    assert all("—" not in a["text"] for a in got)


# A partner section of another CMS (a Joomla-like page: the partner's name in a styled
# paragraph, no heading tag), its table's header in the first row of <th> without <thead>,
# the date in the second column written as a row header, a cell spanning two rows, a total.
OTHER_CMS = (
    "<div class='item-page'><p class='titre-partenaire'>Gao (Mali)</p>"
    "<p>Gao est une ville du nord du Mali, sur le fleuve Niger.</p>"
    "<table class='contenttable'><tr><th>Projet</th><th>Année</th><th>Jeunes</th><th>Montant</th></tr>"
    "<tr><td>Chantier de jeunes à l’école de Gao</td><th scope='row' rowspan='2'>2019</th>"
    "<td>18</td><td>4 000</td></tr>"
    "<tr><td>Accueil d’une délégation d’élus de Gao</td><td>5</td><td>1 500 €</td></tr>"
    "<tr><td>Total</td><td></td><td>23</td><td>5 500</td></tr></table></div>")


def test_a_table_in_another_cms_section_dates_the_rows_a_cell_spans_and_sets_its_total_aside():
    assert cells(OTHER_CMS) == [("2019", "2019", 18, 4000), ("2019", "2019", 5, 1500)]


def test_a_table_whose_header_names_no_kind_reads_as_before():
    body = ("<h2>Tamba (Mali)</h2><table><tr><td>2020</td><td>Tentatives de forages.</td></tr>"
            "<tr><td>2021</td><td>Pose d’une pompe.</td></tr></table>")
    assert cells(body) == [("2020", "2020", None, None), ("2021", "2021", None, None)]
    headerless = body.replace("<table>", "<table><tr><th>Remarques</th><th>Suite</th></tr>")
    assert cells(headerless) == cells(body)


def test_a_number_in_the_text_column_stays_the_texts():
    body = ("<h2>Tamba (Mali)</h2><table><tr><th>Date</th><th>Action</th><th>Budget</th></tr>"
            "<tr><td>2023</td><td>Accueil de 12 jeunes musiciens.</td><td>2 000</td></tr></table>")
    assert cells(body) == [("2023", "2023", 12, 2000)]


# --- 2. A fiche of "Key : value" lines ------------------------------------------------

FICHE = """Tamba (Mali)

La commune de Tamba est située au bord du fleuve.

2019 : accueil de huit jeunes de Tamba.

Festival des cultures sahéliennes

Quand : octobre 2021

Public : 40 spectateurs

Financement de la Ville (€) : 2500

Lieu : Espace Robespierre

Avancement : annulé

Mission d’étude sur l’eau

Calendrier : 2023-2024

Nb de personnes : 3

Enveloppe : 15 000 euros
"""


def test_a_fiche_with_other_keys_is_one_dated_entry_with_its_facts():
    got = actions(FICHE, html=False)
    assert [(a["action_id"], a["period"], a["participants"], a["amount_eur"]) for a in got] == [
        ("tamba-2019", "2019", 8, None),
        ("tamba-octobre-2021", "2021-10", 40, 2500),
        ("tamba-2023-2024", "2023/2024", 3, 15000),
    ]
    assert "Lieu : Espace Robespierre" in got[1]["text"]


def test_a_fiche_in_html_lists_reads_as_in_text():
    body = ("<h2>Tamba (Mali)</h2><p>2019 : accueil de huit jeunes de Tamba.</p>"
            "<p>Festival des cultures sahéliennes</p><ul><li>Quand : octobre 2021</li>"
            "<li>Public : 40 spectateurs</li><li>Financement de la Ville (€) : 2500</li></ul>")
    assert cells(body) == [("2019", "2019", 8, None), ("octobre 2021", "2021-10", 40, 2500)]


def test_a_key_value_sentence_of_an_entry_is_no_fiche():
    text = "Tamba (Mali)\n\n2019 : accueil de huit jeunes.\n\nProjet : construction d’un puits.\n"
    assert [a["action_id"] for a in actions(text, html=False)] == ["tamba-2019", "tamba-sans-date-projet-construction-d-un-puits"]


# --- what a key says ---------------------------------------------------------------------

@pytest.mark.parametrize("key, kind", [
    ("Dates", "date"), ("Année(s)", "date"), ("Activité", "text"), ("Nombre d’élèves", "people"),
    ("Bénévoles", "people"), ("Subvention (en euros)", "amount"), ("Budget prévisionnel", "amount"),
    ("Statut", "status"), ("Partenaires", "partners"), ("Observations", None), ("Photos", None),
])
def test_a_key_is_read_by_its_first_noun(key, kind):
    assert key_kind(key) == kind


def test_a_bare_number_is_euros_under_an_amount_key_and_people_under_a_people_key():
    line = field_line("Montant (k€) : 1,5")
    assert line is not None and field_amount(line)[0].value == 1500
    count = field_line("Effectif : environ 30")
    # approximate, as "environ 30 jeunes" in a sentence is (docs/reading.md, approximate numbers)
    assert count is not None and field_count(count) == Quantity(30, True)
    assert field_count(field_line("Effectif : 30")).value == 30


# --- 3. Hand-typed bullets under a dated entry --------------------------------------------

@pytest.mark.parametrize("bullet", ["·\u00a0\u00a0\u00a0 ", "•\u00a0", "– ", "\uf0b7 ", "➢ "])
def test_hand_typed_bullets_under_a_dated_entry_are_part_of_it(bullet):
    body = ("<h2>Tamba (Mali)</h2><div>2021 : un programme de formation qui a porté sur :<br>"
            f"{bullet}des ateliers de couture ;<br>{bullet}Un chantier de jeunes.</div>"
            f"<p>2022 : accueil de huit jeunes.</p><p class='MsoListParagraph'>{bullet}Une visite du lycée.</p>")
    got = actions(body)
    assert [a["action_id"] for a in got] == ["tamba-2021", "tamba-2022"]
    assert "Un chantier de jeunes." in got[0]["text"] and "Une visite du lycée." in got[1]["text"]


# --- 4. A machine-readable date in markup ---------------------------------------------------

def _timed(shown, datetime):
    return (f"<h2>Tamba (Mali)</h2><p><time datetime='{datetime}'>{shown}</time> — accueil "
            "de jeunes de Tamba.</p>")


@pytest.mark.parametrize("shown, datetime, label, period", [
    ("Juni 2019", "2019-06", "juin 2019", "2019-06"),               # German
    ("marzo – aprile 2021", "2021-03", "mars – avril 2021", "2021-03/2021-04"),  # Italian, a range
    ("3 May 2022", "2022-05-03T18:30", "3 mai 2022", "2022-05-03"),  # English, with a time
    ("last summer", "2020-07", "juillet 2020", "2020-07"),          # words of no date: the datetime
    ("Juin 2012", "2012-06", "Juin 2012", "2012-06"),               # French already: as written
])
def test_a_time_element_gives_the_period_its_datetime_says_whatever_its_words(shown, datetime, label, period):
    ((got_label, got_period, _, _),) = cells(_timed(shown, datetime))
    assert (got_label, got_period) == (label, period)


@pytest.mark.parametrize("shown, datetime, label, period", [
    ("Depuis 2011", "2011-01-01", "Depuis 2011", "2011/.."),        # a year padded: still open
    ("2005-2009", "2005-01-01", "2005-2009", "2005/2009"),          # a range of years padded
    ("Lundi 9 octobre 2017", "2017-10-01", "Lundi 9 octobre 2017", "2017-10-09"),  # a month padded
    ("Été 2013", "2013-06-01", "Été 2013", "2013-22"),              # a season's first day
    ("Octobre 2014", "2014-01-01", "Octobre 2014", "2014-10"),      # the words say more than a padded year
    ("Octobre 2014", "2014-03-01", "1 mars 2014", "2014-03-01"),    # a first of March is no padding of October
])
def test_a_time_element_whose_datetime_pads_a_coarser_date_reads_its_words(shown, datetime, label, period):
    ((got_label, got_period, _, _),) = cells(_timed(shown, datetime))
    assert (got_label, got_period) == (label, period)


def test_a_time_element_in_another_language_keeps_the_id_of_the_same_entry_in_french():
    french = actions("<h2>Tamba (Mali)</h2><p>Septembre 2019 : accueil de jeunes de Tamba.</p>")
    english = actions(_timed("September 2019", "2019-09"))
    assert [a["action_id"] for a in english] == [a["action_id"] for a in french] == ["tamba-septembre-2019"]


def test_a_time_element_without_a_machine_date_reads_as_written():
    assert cells(_timed("Printemps 2017", "bientôt")) == [("Printemps 2017", "2017-21", None, None)]


def test_a_table_of_the_partners_themselves_is_read_as_before():
    body = ("<p>Nos villes jumelles :</p><table><thead><tr><th>Ville</th><th>Pays</th><th>Année</th></tr>"
            "</thead><tbody><tr><td>Gao (Mali)</td><td>Mali</td><td>1997</td></tr></tbody></table>"
            "<p>2019 : accueil de jeunes de Gao.</p>")
    headerless = body.replace("<thead><tr><th>Ville</th><th>Pays</th><th>Année</th></tr></thead>", "")
    assert actions(body) == actions(headerless)
    assert [a["action_id"] for a in actions(body)] == ["gao-1997", "gao-2019"]  # a section in the table


def test_a_fiche_first_in_its_section_keeps_its_title_and_the_description_its_prose():
    text = ("Tamba (Mali)\n\nLa commune de Tamba est située au bord du fleuve.\n\n"
            "Festival des cultures sahéliennes\n\nQuand : octobre 2021\n\nBudget : 2 500 €\n")
    document = read_bytes(("Jumelages\n\n" + text).encode("utf-8"), "page.txt")
    records = extract(parse(document.blocks))
    ((action,),) = [records["actions"]]
    assert (action["action_id"], action["period"], action["amount_eur"]) == ("tamba-octobre-2021", "2021-10", 2500)
    assert action["text"].startswith("Festival des cultures sahéliennes")
    assert records["partners"][0]["description"] == "La commune de Tamba est située au bord du fleuve."
