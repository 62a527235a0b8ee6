"""Red team 28's classes, each in pages of its own: an HTML theme whose main column is its
left one (``<div id="contenu" class="col-gauche">``), and a page saved as its AsciiDoc
source (Antora, Asciidoctor)."""

from pipeline.asciidoc import asciidoc_reading, is_asciidoc
from pipeline.extract import extract
from pipeline.html_page import html_blocks
from pipeline.load import read_bytes
from pipeline.parse import parse
from pipeline.tables import tables

_COLUMNS = """<!DOCTYPE html><html lang="fr"><head><title>Nos villes jumelles</title></head><body>
<header id="haut"><nav><a href="/">Accueil</a></nav></header>
<div id="page">
<div id="contenu" class="col-gauche">
<h1>Nos villes jumelles</h1>
<h2>Kita (Mali)</h2>
<p><strong>2015 :</strong> construction d'un puits au centre du village.</p>
</div>
<div id="colonne" class="col-droite"><h3>Agenda</h3><p>12 mars 2022 : conseil municipal</p></div>
</div>
<footer>© 2022</footer></body></html>"""


def test_the_column_a_content_id_names_is_the_article_whatever_its_class() -> None:
    blocks = html_blocks(_COLUMNS)
    texts = [(b.kind, b.text) for b in blocks]
    assert ("heading", "Kita (Mali)") in texts
    assert any(b.text.startswith("2015 :") and "puits" in b.text for b in blocks)
    assert not any("conseil municipal" in b.text for b in blocks)  # the right column stays out


_ADOC = """= Nos jumelages
Service des relations internationales <ri@example.org>
v2.0, 2023-05-02: mise à jour
:accord-kita: 1998
:commune: Villeneuve

// Note de relecture du 03/01/2023 : revoir les montants.

include::partial$contact.adoc[]

== Kita (Mali)

Un accord signé en {accord-kita} lie {commune} et Kita.

[horizontal]
2015:: construction d'un puits au centre du village.
+
NOTE: Les travaux ont duré trois mois.
Mars 2019:: envoi de fournitures scolaires{nbsp}: 2{nbsp}000 cahiers.

.Les projets
. *2020* : formation de douze infirmières.

////
. *2024* : brouillon d'une mission, à valider.
////

[CAUTION]
.2021 : projet annulé
====
Séjour de jeunes à Villeneuve, annulé faute de visas.
====

== Tindouf (Algérie)

[cols="1,3",options="header"]
|===
|Date |Action

|2018
|accueil de six enfants pendant l'été.

Ils ont visité la mer.

|Juin 2022
|envoi d'un conteneur.
|===

2010;; premier accueil d'enfants.
"""


def test_an_asciidoc_page_is_known_by_its_headings_and_its_own_markup() -> None:
    assert is_asciidoc(_ADOC.splitlines())
    assert not is_asciidoc(["== Kita ==", "== Gao ==", ":toc:"])  # a wiki's headings
    assert not is_asciidoc(["== Kita", "== Gao", "2015 : puits"])  # no AsciiDoc markup besides


def test_an_asciidoc_page_s_markup_is_off_each_line_at_its_number() -> None:
    reading = asciidoc_reading(_ADOC.splitlines())
    assert reading is not None
    rows = dict(zip(reading.rows, reading.numbers, strict=True))
    assert rows["Kita (Mali)"] == 11 and reading.levels[1] == 1
    assert rows["Un accord signé en 1998 lie Villeneuve et Kita."] == 13
    assert rows["2015 : construction d'un puits au centre du village. Les travaux ont duré trois mois."] == 16
    assert rows["• 2020 : formation de douze infirmières."] == 22
    assert rows["2021 : projet annulé. Séjour de jeunes à Villeneuve, annulé faute de visas."] == 31
    assert not any("brouillon" in row or "relecture" in row or "contact" in row for row in reading.rows)
    assert any("relecture du 03/01/2023" in text for _, text in reading.aside)
    assert any(text.startswith(":accord-kita: 1998") for _, text in reading.aside)


def test_an_asciidoc_page_reads_its_entries_its_table_and_its_description_lists() -> None:
    document = read_bytes(_ADOC.encode(), "jumelages.adoc")
    data = tables(extract(parse(document.blocks)))
    names = {p["partner_id"]: p["name"] for p in data["partners"]}
    assert sorted(names.values()) == ["Kita", "Tindouf"]
    dated = {(names[a["partner_id"]], a["date_label"]): a for a in data["actions"]}
    assert set(dated) == {("Kita", "2015"), ("Kita", "Mars 2019"), ("Kita", "2020"), ("Kita", "2021"),
                          ("Tindouf", "2018"), ("Tindouf", "Juin 2022"), ("Tindouf", "2010")}
    assert "Ils ont visité la mer" in dated[("Tindouf", "2018")]["text"]  # a cell's second paragraph
    assert dated[("Kita", "2021")]["status"] == "cancelled"
    assert dated[("Kita", "2015")]["text"].endswith("trois mois.")


_SHEET = """Service des relations internationales;;;;
;;;;
Partenaire;Pays;Période;Action;Statut
Kita;Mali;2015;construction d'un puits au centre du village.;Réalisé
;;2018-2019;"envoi de fournitures scolaires;
2 000 cahiers.";Réalisé
Ségou;Mali;2016;accueil de six jeunes musiciens.;Réalisé
;;2021;échange d'élèves.;Annulé
"""


def test_a_sheet_saved_as_csv_is_read_row_by_row_its_partner_on_each_group_s_first_row() -> None:
    document = read_bytes(_SHEET.encode(), "suivi.csv")
    data = tables(extract(parse(document.blocks)))
    names = {p["partner_id"]: p["name"] for p in data["partners"]}
    assert sorted(names.values()) == ["Kita", "Ségou"]
    dated = {(names[a["partner_id"]], a["date_label"]): a for a in data["actions"]}
    assert set(dated) == {("Kita", "2015"), ("Kita", "2018-2019"), ("Ségou", "2016"), ("Ségou", "2021")}
    assert "2 000 cahiers" in dated[("Kita", "2018-2019")]["text"]  # a quoted cell over two lines
    assert dated[("Ségou", "2021")]["status"] == "cancelled"
