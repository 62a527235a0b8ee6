"""A text page a tool laid out in two dimensions (issue 20): a table drawn with borders
whose cells are wrapped over several lines, and the two columns of a PDF's layout
extraction. Pages written here, in words, widths and tools of their own; each test reads
the page through the read, parse and extract stages (or the read stage alone) and checks
what a person reading the page would take from it."""

from itertools import zip_longest

import pytest

from pipeline.dates import split_any_label
from pipeline.extract import extract
from pipeline.load import read_bytes
from pipeline.parse import parse
from pipeline.read import lines
from pipeline.report import unassigned
from pipeline.tables import tables
from pipeline.text_layout import FURNITURE, KEY_FIGURES, TABLE_FOOTER, TABLE_HEADER, reading_order

WHAT = ("partner_id", "date_label", "period", "participants", "amount_eur", "source_line")


def actions(page: str) -> list[tuple]:
    document = read_bytes(page.encode("utf-8"), "page.txt")
    return [tuple(a[k] for k in WHAT) for a in extract(parse(document.blocks))["actions"]]


def texts(page: str) -> list[str]:
    document = read_bytes(page.encode("utf-8"), "page.txt")
    return [a["text"] for a in extract(parse(document.blocks))["actions"]]


# --- 1. Tables drawn with borders ----------------------------------------------------------

# pandoc's grid table: a "===" rule under the header, a rule between rows, every cell
# wrapped, a label wrapped over two lines, an undated paragraph cutting the table in two.
GRID = """Nos villes amies
================

Kpalimé (Togo)
--------------

+--------------+-----------------------------------------+
| Période      | Action                                  |
+==============+=========================================+
| Automne      | séjour de neuf lycéennes de Kpalimé     |
| 2019         | dans les familles de la ville pendant   |
|              | dix jours.                              |
+--------------+-----------------------------------------+
| 2021-2022    | équipement de la maternité du quartier  |
|              | Nyivémé, pour 7 300 €.                  |
+--------------+-----------------------------------------+

Le comité suit aussi la scolarité de plusieurs enfants du quartier.

+--------------+-----------------------------------------+
| Date         | Action                                  |
+==============+=========================================+
| Mars 2023    | envoi de deux ordinateurs au lycée.     |
+--------------+-----------------------------------------+
"""


def test_a_grid_tables_row_is_its_cells_joined_across_its_lines() -> None:
    assert actions(GRID) == [
        ("kpalime", "Automne 2019", "2019-23", 9, None, 10),
        ("kpalime", "2021-2022", "2021/2022", None, 7300, 14),
        ("kpalime", None, None, None, None, 18),  # the undated paragraph between the tables
        ("kpalime", "Mars 2023", "2023-03", None, None, 23),
    ]
    assert texts(GRID)[0] == ("Automne 2019\nséjour de neuf lycéennes de Kpalimé dans les familles de la "
                              "ville pendant dix jours.")


def test_a_tables_header_is_set_aside_and_the_release_keeps_the_page_as_written() -> None:
    document = read_bytes(GRID.encode("utf-8"), "page.txt")
    assert (TABLE_HEADER, "Période | Action") in document.left_out
    assert document.text == GRID
    assert not any("|" in b.text or b.text == "Période" for b in document.blocks)


# psql's output: no outer border, a header above the rule, a value going on on the next
# line (its "+" mark), a footer counting the rows.
PSQL = """Nos villes amies

Kpalimé (Togo)

 annee     |                 action
-----------+-----------------------------------------
 2016      | plantation de cent manguiers au      +
           | jardin de l'école
 2018-2019 | chantier de jeunes à Kpalimé
(2 lignes)
"""


def test_psql_output_reads_a_value_over_two_lines_as_one_cell() -> None:
    assert actions(PSQL) == [
        ("kpalime", "2016", "2016", None, None, 7),
        ("kpalime", "2018-2019", "2018/2019", None, None, 9),
    ]
    assert (TABLE_FOOTER, "(2 lignes)") in read_bytes(PSQL.encode("utf-8"), "page.txt").left_out
    assert texts(PSQL)[0] == "2016\nplantation de cent manguiers au jardin de l'école"


# mysql's box output: one line a row, a column of amounts read under its header.
MYSQL = """Nos villes amies

Kpalimé (Togo)

+-----------+--------------------------------+----------+
| Date      | Action                         | Coût (€) |
+-----------+--------------------------------+----------+
| 2017      | achat d'un minibus scolaire    | 18 000   |
| Mai 2020  | envoi de masques               | -        |
+-----------+--------------------------------+----------+
"""


def test_a_box_tables_other_column_is_a_field_under_its_header() -> None:
    assert actions(MYSQL) == [
        ("kpalime", "2017", "2017", None, 18000, 8),
        ("kpalime", "Mai 2020", "2020-05", None, None, 9),
    ]


def test_a_pipe_table_of_a_markdown_page_is_read_row_by_row() -> None:
    page = ("# Nos villes amies\n\n## Kpalimé (Togo)\n\n| Année | Projet |\n|:---|:---|\n"
            "| 2015 | forage d'un puits à Agou |\n| 2019 | accueil de la chorale |\n")
    assert actions(page) == [
        ("kpalime", "2015", "2015", None, None, 7),
        ("kpalime", "2019", "2019", None, None, 8),
    ]


# pandoc's multiline table: rules only, rows parted by blank lines, a label over two lines.
MULTILINE = """Nos villes amies
================

Kpalimé (Togo)
--------------

-------------------------------------------------------
Date         Action
------------ ------------------------------------------
2016         plantation de cent manguiers au jardin
             de l'école primaire d'Agou.

Automne      séjour de neuf lycéennes de Kpalimé dans
2019         les familles de la ville.
-------------------------------------------------------
"""


def test_a_multiline_tables_row_is_its_lines_down_to_a_blank_line() -> None:
    assert actions(MULTILINE) == [
        ("kpalime", "2016", "2016", None, None, 10),
        ("kpalime", "Automne 2019", "2019-23", 9, None, 13),
    ]
    assert texts(MULTILINE)[0] == "2016\nplantation de cent manguiers au jardin de l'école primaire d'Agou."


def test_a_simple_table_ends_at_its_blank_line() -> None:
    page = ("Kpalimé (Togo)\n\n  Année      Réalisation\n  ---------- ------------------------------\n"
            "  2016       plantation de cent manguiers\n  2019       chantier de jeunes à Agou\n\n"
            "Le comité remercie les familles.\n")
    reading = reading_order(lines(page))
    assert reading is not None and reading.rows[-3:] == ["", "Le comité remercie les familles.", ""]
    assert [a[1:3] for a in actions(page)] == [("2016", "2016"), ("2019", "2019"), (None, None)]


def test_a_setext_underline_is_no_rule_of_a_table() -> None:
    assert reading_order(["Kpalimé (Togo)", "--------------", "", "2016 : accueil."]) is None


def test_a_page_without_a_table_or_columns_is_read_as_written() -> None:
    page = ["Accueil | Contact | Plan du site", "", "Kpalimé (Togo)", "", "2019 : accueil | visite."]
    assert reading_order(page) is None


# --- 2. Text laid out in columns -----------------------------------------------------------

LEFT = [
    "Nos villes amies",
    "",
    "KPALIMÉ (TOGO)",
    "",
    "La coopération avec Kpalimé porte sur",
    "l'école, l'eau et la santé des familles",
    "des quartiers les plus éloignés du",
    "centre, où le comité de jumelage tient",
    "chaque année une permanence avec les",
    "associations de parents d'élèves.",
    "",
    "2016 : plantation de cent manguiers au",
    "jardin de l'école primaire d'Agou, avec",
    "les élèves de deux classes de la ville",
    "et leurs enseignants pendant une",
]
RIGHT = [
    "semaine de chantier.",
    "",
    "2018-2019 : chantier de jeunes à",
    "Kpalimé pour la réfection du toit du",
    "dispensaire du quartier Nyivémé.",
    "",
    "KITA (MALI)",
    "",
    "Mai 2021 : envoi de deux ordinateurs",
    "portables et d'une imprimante au",
    "lycée de Kita, pour 1 500 €.",
    "",
    "2023 : accueil de la chorale de Kita",
    "pour trois concerts dans la ville.",
]
SECOND = [
    "GAO (MALI)",
    "",
    "Juin 2022 : accueil de six élus de Gao pendant",
    "une semaine à la mairie et dans les écoles de",
    "la ville, avec les associations de la diaspora.",
    "",
    "2024 : formation de quatre agents de l'état",
    "civil de Gao aux registres numériques, pendant",
    "deux semaines de stage dans nos services.",
]
THIRD = [
    "LA LISA (CUBA)",
    "",
    "2019 : envoi de matériel scolaire à La Lisa,",
    "collecté dans les écoles de la ville par les",
    "parents d'élèves et les enseignants pendant",
    "tout le mois de mars.",
    "",
    "2020 : don de deux fauteuils dentaires au",
    "centre de santé du quartier de La Lisa.",
]
HEAD = "BULLETIN MUNICIPAL · JUIN 2024"


def _two_columns(left: list[str], right: list[str], gutter: int, page: int) -> list[str]:
    rows = [HEAD + " " * 20 + str(page), ""]
    rows += [(a.ljust(gutter) + b).rstrip() for a, b in zip_longest(left, right, fillvalue="")]
    return [*rows, "", "Photos : service communication"]


def _pdf(gutter: int = 44, second: int = 50) -> str:
    first = _two_columns(LEFT, RIGHT, gutter, 12)
    rest = _two_columns(SECOND, THIRD, second, 13)
    return "\n".join(first) + "\f" + "\n".join(rest) + "\n"


def test_columns_are_read_left_then_right_a_paragraph_going_on_across_them() -> None:
    page = _pdf()
    assert actions(page) == [
        ("kpalime", "2016", "2016", None, None, 14),
        ("kpalime", "2018-2019", "2018/2019", None, None, 5),
        ("kita", "Mai 2021", "2021-05", None, 1500, 11),
        ("kita", "2023", "2023", None, None, 15),
        ("gao", "Juin 2022", "2022-06", 6, None, 23),
        ("gao", "2024", "2024", 4, None, 27),
        ("la-lisa", "2019", "2019", None, None, 23),
        ("la-lisa", "2020", "2020", None, None, 28),
    ]
    assert texts(page)[0].endswith("et leurs enseignants pendant une semaine de chantier.")


def test_running_heads_and_credits_of_a_column_page_are_furniture() -> None:
    document = read_bytes(_pdf().encode("utf-8"), "page.txt")
    aside = [text for why, text in document.left_out if why == FURNITURE]
    assert aside == [f"{HEAD} 12", "Photos : service communication", f"{HEAD} 13",
                     "Photos : service communication"]
    assert not any(HEAD in b.text for b in document.blocks)


def test_a_page_whose_gutter_sits_off_the_others_is_read_by_its_own() -> None:
    # the second page's left column runs past the first page's gutter
    assert actions(_pdf(44, 56)) == actions(_pdf())


def test_a_column_of_labels_beside_their_texts_is_no_layout_in_columns() -> None:
    # a timeline typed with spaces: short labels, their texts aligned after them
    rows = [f"{label:<26}{text}" for label, text in [
        ("Printemps 2016", "plantation de cent manguiers au jardin"),
        ("2017", "achat d'un minibus scolaire pour l'école"),
        ("Septembre 2018", "chantier de jeunes à Kpalimé et Agou"),
    ] * 4]
    assert reading_order(["Kpalimé (Togo)", "", *rows]) is None


def test_each_line_read_keeps_the_number_of_its_line_in_the_page() -> None:
    page = _pdf()
    reading = reading_order(lines(page))
    assert reading is not None
    written = lines(page)
    for row, number in zip(reading.rows, reading.numbers, strict=True):
        if row:
            assert row.split()[0] in written[number - 1]


def test_three_columns_are_read_one_after_the_other() -> None:
    rows = [(a.ljust(44) + b.ljust(44) + c).rstrip() for a, b, c in zip_longest(LEFT, RIGHT, SECOND, fillvalue="")]
    page = "\n".join([*rows, ""])
    assert [a[:3] for a in actions(page)] == [
        ("kpalime", "2016", "2016"), ("kpalime", "2018-2019", "2018/2019"),
        ("kita", "Mai 2021", "2021-05"), ("kita", "2023", "2023"),
        ("gao", "Juin 2022", "2022-06"), ("gao", "2024", "2024"),
    ]


def test_an_entry_going_on_in_the_next_column_is_in_its_record() -> None:
    # the entry's second paragraph tops the next column, on a line above its first one
    left = ["Nos villes amies", "", "KPALIMÉ (TOGO)", "", "La coopération avec Kpalimé porte sur",
            "l'école, l'eau et la santé des familles", "des quartiers les plus éloignés du",
            "centre, où le comité de jumelage tient", "chaque année une permanence avec les",
            "associations de parents d'élèves.", "", "2016 : plantation de cent manguiers au",
            "jardin de l'école primaire d'Agou, avec", "les élèves de deux classes de la ville."]
    right = ["En lien avec l'école, les élèves y", "retournent pour arroser les jeunes",
             "arbres et compter ceux qui ont pris.", "", "2019 : chantier de jeunes à Kpalimé",
             "pour la réfection du toit du", "dispensaire du quartier Nyivémé,",
             "avec douze jeunes de la ville.", "", "2021 : envoi de deux ordinateurs",
             "portables au lycée de Kpalimé, avec", "une imprimante et des cartouches."]
    rows = [(a.ljust(44) + b).rstrip() for a, b in zip_longest(left, right, fillvalue="")]
    document = read_bytes("\n".join(rows).encode("utf-8"), "page.txt")
    page = parse(document.blocks)
    records = extract(page)
    got = [(a["date_label"], a["source_line"], a["source_line_end"]) for a in records["actions"]]
    assert got == [("2016", 12, 1), ("2019", 5, 5), ("2021", 10, 10)]
    assert "arroser les jeunes arbres" in records["actions"][0]["text"]
    assert unassigned(document.blocks, page, tables(records)) == []


def test_a_word_cut_at_a_columns_line_end_is_joined_a_compound_keeps_its_hyphen() -> None:
    left = [*LEFT[:11], "2016 : plantation de cent manguiers au",
            "jardin de l'école primaire d'Agou, accom-", "pagnée par les élèves de deux classes",
            "d'Ivry-sur-", "Seine et leurs enseignants pendant", "une semaine de chantier.", ""]
    right = ["Le comité tient aussi une permanence", "chaque mois à la maison des", "associations du centre-ville.", "",
             "Il publie chaque année le bilan de", "ses actions dans le bulletin de la", "ville, avec les comptes du comité", "",
             "2019 : chantier de jeunes à Kpalimé", "pour la réfection du toit du dispen-",
             "saire du quartier Nyivémé, avec douze", "jeunes de la ville et leurs anima-",
             "teurs pendant deux semaines.", "", "2021 : envoi de deux ordinateurs",
             "portables au lycée de Kpalimé, avec", "une imprimante et des cartouches."]
    rows = [(a.ljust(44) + b).rstrip() for a, b in zip_longest(left, right, fillvalue="")]
    got = [t for t in texts("\n".join(rows)) if t[:4].isdigit()]
    assert "accompagnée par les élèves" in got[0] and "d'Ivry-sur-Seine et leurs" in got[0]
    assert "du dispensaire du quartier" in got[1] and "leurs animateurs pendant" in got[1]


def test_a_page_number_alone_at_a_pages_foot_is_furniture_a_year_alone_is_not() -> None:
    first = [(a.ljust(44) + b).rstrip() for a, b in zip_longest(LEFT, RIGHT, fillvalue="")]
    second = [(a.ljust(50) + b).rstrip() for a, b in zip_longest(["2025", "", *SECOND[2:]], THIRD, fillvalue="")]
    page = "\n".join([*first, "", " " * 40 + "- 12 -"]) + "\f" + "\n".join([*second, "", " " * 40 + "- 13 -"]) + "\n"
    document = read_bytes(page.encode("utf-8"), "page.txt")
    assert [text for why, text in document.left_out if why == FURNITURE] == ["- 12 -", "- 13 -"]
    assert "2025" in [b.text for b in document.blocks]


def test_a_tables_partner_column_heads_its_rows_when_it_surely_names_a_place() -> None:
    page = """Bilan des coopérations

+-----------------+-----------+------------------------------------+
| Partenaire      | Année     | Action                             |
+=================+===========+====================================+
| Kpalimé (Togo)  | 2016      | plantation de cent manguiers au    |
|                 |           | jardin de l'école.                 |
+-----------------+-----------+------------------------------------+
| Kpalimé (Togo)  | 2019      | chantier de jeunes.                |
+-----------------+-----------+------------------------------------+
| Kita (Mali)     | Mai 2021  | envoi de deux ordinateurs.         |
+-----------------+-----------+------------------------------------+
"""
    assert [a[:3] for a in actions(page)] == [
        ("kpalime", "2016", "2016"), ("kpalime", "2019", "2019"), ("kita", "Mai 2021", "2021-05")]
    assert not any("Partenaire :" in t for t in texts(page))


# --- 3. A PDF's text in one column a page (pdftotext without -layout) -----------------------

FOOT = "LE JOURNAL DE LA COMMUNE  N° 112  MARS 2024"
ONE_COLUMN = [
    "KPALIMÉ (TOGO)",
    "Le partenariat avec Kpalimé est né d’une rencontre entre deux",
    "écoles de musique, et il n’a cessé de grandir depuis lors.",
    "2016 : construction d’un puits dans le quartier de Kpodzi par",
    "une équipe de bénévoles venus de nos trois lycées, avec le",
    "soutien de l’association des parents d’élèves.",
    "2018 : voyage de quatorze collégiens partis planter des arbres",
    "fruitiers dans la cour de l’école primaire de Kpodzi avec les",
    "",
    f"8   {FOOT}",
    "\félèves togolais, puis accueil de leurs correspondants au",
    "printemps suivant.",
    "2021 : envoi de livres et de cahiers, pour une somme de trois",
    "mille euros, à la bibliothèque de l’école de la Mission.",
    "",
    f"9   {FOOT}",
    "\f2023 : concert des deux écoles de musique dans la salle des",
    "fêtes, devant quatre cents spectateurs venus les applaudir.",
    "",
    f"10   {FOOT}",
]


def test_a_pdfs_text_in_one_column_a_page_is_read_as_paragraphs_across_its_pages() -> None:
    page = "\n".join(ONE_COLUMN) + "\n"
    assert [a[1:3] for a in actions(page)] == [("2016", "2016"), ("2018", "2018"), ("2021", "2021"),
                                                ("2023", "2023")]
    got = texts(page)
    # the entry the page break cuts goes on, without the running foot nor the cut hyphen
    assert got[1].endswith("avec les élèves togolais, puis accueil de leurs correspondants au printemps suivant.")
    assert FOOT not in " ".join(got)
    document = read_bytes(page.encode("utf-8"), "page.txt")
    assert [text for why, text in document.left_out if why == FURNITURE] == [
        " ".join(f"{n} {FOOT}".split()) for n in (8, 9, 10)]


def test_a_text_page_with_form_feeds_but_lines_of_any_width_is_read_as_written() -> None:
    rows = ["Kpalimé (Togo)", "2016 : puits.", "\f2018 : voyage de quatorze collégiens " + "très " * 30,
            "2021 : livres."]
    assert reading_order(rows) is None


def test_a_label_counted_from_the_time_of_writing_opens_an_entry_its_dates_empty() -> None:
    rows = list(ONE_COLUMN)
    at = rows.index("\f2023 : concert des deux écoles de musique dans la salle des")
    rows[at:at] = ["\fL’été dernier : accueil de onze jeunes musiciens de Kpalimé,",
                   "hébergés par les familles des élèves du conservatoire.",
                   "", f"10   {FOOT}"]
    page = "\n".join(rows) + "\n"
    got = actions(page)
    assert [a[1:3] for a in got] == [("2016", "2016"), ("2018", "2018"), ("2021", "2021"),
                                     ("L’été dernier", None), ("2023", "2023")]
    assert got[3][3] == 11 and got[2][3] is None  # the head count is the new entry's


@pytest.mark.parametrize("text, label", [
    ("Au printemps dernier : séjour de douze footballeuses", "Au printemps dernier"),
    ("En mars prochain : concert commun", "En mars prochain"),
    ("L’année passée : envoi de livres", "L’année passée"),
])
def test_a_relative_label_is_kept_as_written_not_understood(text: str, label: str) -> None:
    assert split_any_label(text) == (label, text.split(" : ")[1], False)


def test_a_relative_word_after_no_date_word_makes_no_label() -> None:
    assert split_any_label("Le dernier : un concert") is None
    assert split_any_label("Au printemps dernier, nous avons accueilli") is None


def test_a_prints_box_of_key_figures_is_furniture_not_an_entry() -> None:
    rows = list(ONE_COLUMN)
    at = rows.index("2021 : envoi de livres et de cahiers, pour une somme de trois")
    rows[at:at] = ["REPÈRES", "3", "lycées engagés dans le partenariat", "1998",
                   "premier échange entre les deux écoles", "12 500 €",
                   "versés par la commune depuis dix ans", ""]
    page = "\n".join(rows) + "\n"
    got = actions(page)
    assert [a[1] for a in got] == ["2016", "2018", "2021", "2023"]
    assert not any("1998" in text or "12 500" in text for text in texts(page))
    assert got[1][4] is None  # the box's amount is no entry's
    document = read_bytes(page.encode("utf-8"), "page.txt")
    assert any(why == KEY_FIGURES and text.startswith("REPÈRES 3 lycées") for why, text in document.left_out)


def test_years_each_over_its_text_are_entries_not_key_figures() -> None:
    rows = list(ONE_COLUMN)
    at = rows.index("2021 : envoi de livres et de cahiers, pour une somme de trois")
    rows[at:at] = ["2019", "visite du maire de Kpalimé à la fête de la musique", "2020",
                   "échanges de lettres entre les classes de CM2", "8", "ordinateurs envoyés",
                   ""]
    reading = reading_order(lines("\n".join(rows) + "\n"))
    assert reading is not None and not any(why == KEY_FIGURES for why, _ in reading.aside)
    assert "2020 échanges de lettres" in " ".join(reading.rows)  # read, not set aside


def test_a_pdfs_text_without_form_feeds_is_cut_into_pages_at_its_running_feet() -> None:
    # pdftotext -nopgbrk: the same page, its pages not parted by form feeds
    page = "\n".join(row.lstrip("\f") for row in ONE_COLUMN) + "\n"
    assert [a[1] for a in actions(page)] == ["2016", "2018", "2021", "2023"]
    got = texts(page)
    assert got[1].endswith("avec les élèves togolais, puis accueil de leurs correspondants au printemps suivant.")
    assert FOOT not in " ".join(got)


# --- A printed leaflet read back by OCR ---------------------------------------------------

# A leaflet of its own: lines cut at some 56 columns with words hyphenated at their ends,
# country-first headings in capitals with a region in brackets, a folio and a running
# line after each page, the print's credits on the last one (one line wider than the
# column).
LEAFLET = """NOS AMITIÉS PAR-DELÀ LES FRONTIÈRES

SÉNÉGAL — PODOR (RÉGION DE SAINT-LOUIS)

La coopération avec la commune de Podor a été signée en
1998 par les deux maires, après plusieurs années d’échan-
ges entre les associations des deux rives.

■ 2009-2011 : construction d’un dispensaire dans le quar-
tier de Lao avec le concours de douze bénévoles de la
ville et des artisans du fleuve.

■ 2015 : envoi de deux conteneurs de manuels scolaires
pour les écoles primaires de la commune.

— 1 —
PLOUGASTEL · SERVICE DES RELATIONS EXTÉRIEURES · 2023

ROUMANIE — SIBIU (TRANSYLVANIE)

■ 2018 : accueil d’une chorale de trente-deux lycéens à
la salle des fêtes pour un concert de printemps.

— 2 —
PLOUGASTEL · SERVICE DES RELATIONS EXTÉRIEURES · 2023

Service des relations extérieures
Maquette : atelier Graphie, Brest · Impression : Imprimerie du Léon, Landerneau · Imprimé sur papier recyclé
"""


def test_an_ocr_leaflet_reads_its_headings_its_paragraphs_and_sets_its_print_aside() -> None:
    """Issue r21: a leaflet read back by OCR: its country-first headings (a region in
    brackets) name their place, its lines and hyphenated words are joined into
    paragraphs, its running line under each folio and its print credits are no entry."""
    document = read_bytes(LEAFLET.encode("utf-8"), "page.txt")
    data = extract(parse(document.blocks))
    assert [(p["name"], p["country_code"]) for p in data["partners"]] == [("PODOR", "SN"), ("SIBIU", "RO")]
    assert [(a["partner_id"], a["period"], a["participants"], a["text"]) for a in data["actions"]] == [
        ("podor", "2009/2011", 12, "2009-2011 : construction d’un dispensaire dans le quartier de Lao avec "
                                   "le concours de douze bénévoles de la ville et des artisans du fleuve."),
        ("podor", "2015", None, "2015 : envoi de deux conteneurs de manuels scolaires pour les écoles "
                                "primaires de la commune."),
        ("sibiu", "2018", 32, "2018 : accueil d’une chorale de trente-deux lycéens à la salle des fêtes "
                              "pour un concert de printemps.")]
    assert any("RELATIONS EXTÉRIEURES" in text for why, text in document.left_out if why == FURNITURE)


@pytest.mark.parametrize("folio", ["• {n} •", "{n}/3", "[{n}]"])
def test_a_leaflets_running_line_above_any_folio_is_no_entry(folio: str) -> None:
    """Issue r21: the running line may stand above its folio, and the folio be written in
    any of a print's ways ("• 2 •", "2/3", "[2]"): the line is the print's, no entry."""
    page = LEAFLET.replace("— 1 —\nPLOUGASTEL · SERVICE DES RELATIONS EXTÉRIEURES · 2023",
                           "PLOUGASTEL · SERVICE DES RELATIONS EXTÉRIEURES · 2023\n" + folio.format(n=1))
    page = page.replace("— 2 —\nPLOUGASTEL · SERVICE DES RELATIONS EXTÉRIEURES · 2023",
                        "PLOUGASTEL · SERVICE DES RELATIONS EXTÉRIEURES · 2023\n" + folio.format(n=2))
    assert [a[:3] for a in actions(page)] == [("podor", "2009-2011", "2009/2011"), ("podor", "2015", "2015"),
                                              ("sibiu", "2018", "2018")]


# --- 4. A chronology set with hanging indents ------------------------------------------------

# A typed chronology: each date in a left column padded with spaces, its text wrapped
# under its first line at the same indent; labels too wide for the column alone above
# their text; an undated paragraph and a bullet list indented at the text's column.
HANGING = """Comité de jumelage de Saint-Arnoult
Les rencontres, année par année

Kpalimé (Togo)
==============

Le jumelage avec Kpalimé a été signé en 1994 par les deux maires.

2011-2013       Construction d'un puits au quartier Nyivémé avec les
                habitants, financée par la commune et par la région
                Centre-Val de Loire.

03/2015         Voyage de douze collégiens du village à Kpalimé, reçus
                dans les familles pendant une semaine.

                Le comité a aussi remis des manuels à la bibliothèque
                du lycée.

Première quinzaine de juin 2018
                Accueil de trois artisans togolais à la foire de Saint-
                Arnoult, avec les potiers du canton :
                • un atelier de poterie ouvert aux écoles du
                  secteur ;
                • une exposition à la salle des fêtes.

Depuis 2020     Envoi chaque automne de fournitures scolaires pour
                1 200 €.
"""


def test_a_chronology_with_hanging_indents_reads_one_entry_per_date() -> None:
    found = [a for a in actions(HANGING) if a[1]]
    assert [(a[1], a[2]) for a in found] == [("2011-2013", "2011/2013"), ("03/2015", "2015-03"),
                                            ("Première quinzaine de juin 2018", "2018-06-01/2018-06-15"),
                                            ("Depuis 2020", "2020/..")]
    assert found[1][3] == 12 and found[3][4] == 1200
    assert [a[5] for a in found] == [9, 13, 19, 26]
    said = texts(HANGING)
    assert "la région Centre-Val de Loire." in said[0]  # a compound cut after its hyphen
    assert "la foire de Saint-Arnoult" in said[3]
    assert "manuels" not in said[1] and "manuels" in said[2]  # an undated paragraph of its own


def test_a_hanging_lists_undated_paragraph_and_bullets_stay_on_their_lines() -> None:
    reading = reading_order(lines(HANGING))
    assert reading is not None
    rows = [r for r in reading.rows if r.strip()]
    assert "Le comité a aussi remis des manuels à la bibliothèque du lycée." in rows
    assert "• un atelier de poterie ouvert aux écoles du secteur ;" in rows
    assert "Première quinzaine de juin 2018" in rows


def test_a_column_of_labels_on_one_line_each_is_no_hanging_list() -> None:
    """Labels beside texts that never wrap: the page is read as it is written."""
    page = ["Kpalimé (Togo)", "", "2011          Un puits.", "2013          Un voyage.",
            "2015          Des manuels.", "2018          Une foire.", "2020          Des cahiers."]
    assert reading_order(page) is None


# Neighbours of the hanging chronology: its labels a little off the margin, parted from
# their texts by a colon and one space, or by a tab.
_NEIGHBOURS = {
    "labels off the margin": """  2011-2013     Construction d'un puits au quartier Nyivémé avec les
                habitants, financée par la commune.

  03/2015       Voyage de douze collégiens du village à Kpalimé, reçus
                dans les familles pendant une semaine.

  Depuis 2020   Envoi chaque automne de fournitures scolaires pour
                1 200 €.
""",
    "labels with a colon": """2011-2013 :   Construction d'un puits au quartier Nyivémé avec les
              habitants, financée par la commune.

03/2015 :     Voyage de douze collégiens du village à Kpalimé, reçus
              dans les familles pendant une semaine.

Depuis 2020 : Envoi chaque automne de fournitures scolaires pour
              1 200 €.
""",
    "tabs": "2011-2013\tConstruction d'un puits au quartier Nyivémé avec les\n\thabitants, financée par la "
            "commune.\n\n03/2015\tVoyage de douze collégiens du village à Kpalimé, reçus\n\tdans les familles "
            "pendant une semaine.\n\nDepuis 2020\tEnvoi chaque automne de fournitures scolaires pour\n\t1 200 €.\n",
}


@pytest.mark.parametrize("layout", list(_NEIGHBOURS))
def test_a_hanging_chronologys_neighbours_read_one_entry_per_date(layout: str) -> None:
    page = "Nos jumelages\n\nKpalimé (Togo)\n\n" + _NEIGHBOURS[layout]
    found = [a for a in actions(page) if a[1]]
    assert [(a[1], a[2]) for a in found] == [("2011-2013", "2011/2013"), ("03/2015", "2015-03"),
                                            ("Depuis 2020", "2020/..")]
    assert found[1][3] == 12 and found[2][4] == 1200
    assert all(t.count("\n") <= 1 for t in texts(page))  # a label, then its text whole on one line


# --- Tables aligned by spaces, "|" between columns, no rule nor outer border ---------------

# Minutes whose appendices are such tables, under a heading that numbers the appendix,
# names the partner, then what the table holds, and a note in brackets.
MINUTES = """Conseil des jumelages

1. Le partenariat avec Kpalimé (Togo)

Le maire rappelle le partenariat noué en 1998 avec Kpalimé.

2. Les échanges avec Tønsberg (Norvège)

Rien de nouveau cette année pour Tønsberg.

ANNEXE 1 – Kpalimé : réalisations (pour mémoire)

  Années      | Réalisation
  1999-2001   | construction d’un dispensaire au quartier Kusuntu.
  2004        | envoi de manuels scolaires pour trois écoles.
  Depuis 2015 | bourses pour deux lycéennes chaque année.

Annexe 2 – Tønsberg : historique

  Date        | Action
  2010        | séjour de vingt choristes en Norvège.
  Mai 2016    | concert commun à la cathédrale.
"""


def test_an_aligned_table_without_rules_under_a_numbered_appendix_is_its_partner_s() -> None:
    document = read_bytes(MINUTES.encode("utf-8"), "page.txt")
    page = parse(document.blocks)
    data = extract(page)
    rows = [(a["partner_id"], a["date_label"]) for a in data["actions"]]
    assert ("kpalime", "1999-2001") in rows and ("kpalime", "Depuis 2015") in rows
    assert ("kpalime", "2004") in rows
    assert ("tonsberg", "2010") in rows and ("tonsberg", "Mai 2016") in rows
    assert {p["partner_id"] for p in data["partners"]} == {"kpalime", "tonsberg"}
    assert unassigned(document.blocks, page, tables(data)) == []


def test_lines_with_a_bar_in_prose_are_no_aligned_table() -> None:
    page = ["Gao (Mali)", "", "Le comité | la mairie : une réunion.", "Puis | une autre.",
            "Enfin | la dernière."]
    assert reading_order(page) is None
