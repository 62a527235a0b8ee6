"""Documents a word processor exported as a page: an outline written as sibling flat lists
whose depth is only in their class names or margins (a Google Docs page published to the
web, Word's or LibreOffice's HTML), and a document saved as text with its automatic
numbering, its table of contents, its tables and its closing formulas written literally."""

from __future__ import annotations

import pytest

from pipeline.load import read_bytes
from pipeline.parse import parse
from pipeline.read import TABLE_OF_CONTENTS, TABLE_ROW, text_blocks

HTML_TOP = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><main><article>"
HTML_BOTTOM = "</article></main></body></html>"


def sections(data: str, name: str) -> list[tuple[str, list[str | None]]]:
    page = parse(read_bytes(data.encode("utf-8"), name).blocks)
    return [(s.heading.text, [e.label for e in s.entries]) for s in page.sections]


def outline(level_of) -> str:
    """A page of two partners, each a top bullet with its entries as bullets one level
    down, every list a sibling of the others; ``level_of(n)`` writes a list's level."""
    def ul(level: int, *items: str) -> str:
        return f"<ul {level_of(level)}>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    return (HTML_TOP + "<h1>Nos villes amies</h1><p>La ville coopère avec :</p>"
            "<ul><li>Kédougou (Sénégal)</li><li>Tartu (Estonie)</li></ul>"
            + ul(0, "Kédougou (Sénégal)")
            + ul(1, "Une ville minière du sud-est du pays.", "2015 : envoi d’ambulances.",
                 "2019-2021 : appui au marché couvert.")
            + ul(0, "Tartu (Estonie)")
            + ul(1, "2022 : échange de chorales.")
            + ul(2, "Deux concerts à la cathédrale.")
            + ul(1, "Mai 2023 : accueil de quatre élus.")
            + HTML_BOTTOM)


EXPECTED = [("Kédougou (Sénégal)", ["2015", "2019-2021"]),
            ("Tartu (Estonie)", ["2022", "Mai 2023"])]


@pytest.mark.parametrize("level_of", [
    lambda n: f'class="pad0 lst-kix_q7-{n} start"',  # a level in a class name
    lambda n: f'class="liste" style="margin-left: {18 + 36 * n}pt"',  # in a left margin
    lambda n: f'class="c1 niveau{n}"',
], ids=["class", "margin", "class-other-name"])
def test_an_outline_of_sibling_lists_reads_its_top_bullets_as_partners(level_of):
    assert sections(outline(level_of), "page.html") == EXPECTED


def test_sibling_lists_with_no_level_stay_flat_items():
    """The same class on every list (``c1``) says no depth: the bullets are list items and
    no top bullet becomes a partner's heading of its own."""
    page = outline(lambda n: 'class="c1"')
    blocks = read_bytes(page.encode("utf-8"), "page.html").blocks
    assert [b.kind for b in blocks if b.text == "Tartu (Estonie)"] == ["list_item", "list_item"]


WORD_TEXT = "\n".join([
    "ANNEXE AU RAPPORT DU CONSEIL MUNICIPAL DU 4 JUIN 2025",
    "",
    "Sommaire",
    "1.\tKédougou (Sénégal)\t2",
    "2.\tTartu (Estonie)\t3",
    "Annexe : montants par partenaire ........ 4",
    "",
    "\f1.\tKédougou (Sénégal)",
    "Une ville minière du sud-est du pays.",
    "1.1.\t2015 : envoi d’ambulances.",
    "1.2.\t2019-2021 : appui au marché couvert, pour 8 000 €.",
    "o\tla halle aux légumes ;",
    "o\tles étals du poisson.",
    "\f2.\tTartu (Estonie)",
    "2.1.\t2022 : échange de chorales.",
    "2.2.\tMai 2023 : accueil de quatre élus.",
    "\fAnnexe : montants par partenaire",
    "Année\tPartenaire\tMontant",
    "2019\tKédougou\t8 000",
    "Total\t\t8 000",
    "Fait à Villeneuve, le 5 juin 2025.",
    "Certifié exécutoire après transmission en préfecture le 9 juin 2025.",
    "",
])


def test_a_document_saved_as_text_reads_through_its_numbering():
    assert sections(WORD_TEXT, "annexe.txt") == EXPECTED


def test_its_contents_and_table_rows_are_set_aside_not_read_as_entries():
    blocks = text_blocks(WORD_TEXT)
    contents = [b.text for b in blocks if b.aside == TABLE_OF_CONTENTS]
    rows = [b.text for b in blocks if b.aside == TABLE_ROW]
    assert contents == ["Kédougou (Sénégal)", "Tartu (Estonie)", "Annexe : montants par partenaire"]
    assert rows == ["Année\tPartenaire\tMontant", "2019\tKédougou\t8 000", "Total\t\t8 000"]
    subitems = [b.text for b in blocks if b.kind == "list_item" and not b.aside]
    assert subitems == ["la halle aux légumes ;", "les étals du poisson."]


@pytest.mark.parametrize("line", ["12.06.2012 : réunion du comité.", "2. juin : réunion.",
                                  "2016. Un an plus tard, la fête.", "3 000 € : dons reçus."])
def test_a_line_that_opens_with_a_number_of_its_own_keeps_it(line):
    assert [b.text for b in text_blocks("Titre\n\n" + line)][1] == line


# --- a recap written month by month, each paragraph naming its partner --------------------

RECAP = """<h2>Kédougou (Sénégal)</h2><p>2015 : envoi d’ambulances.</p>
<h2>Camps de réfugiés Sahraouis de Smara (Algérie)</h2><p>2016 : caravane de lait.</p>
<h2>Tartu (Estonie)</h2><p>2022 : échange de chorales.</p>
<h2>Retour sur l’année 2023</h2><p>Un an d’amitiés, saison après saison.</p>
<h3>Février</h3><p>Dans les camps de Smara, les brigadistes ont livré des lunettes.</p>
<h3>Octobre</h3><p>Du côté de Kédougou, la maternité a reçu une couveuse.</p>
<p>À Tartu, quatre lycéennes ont suivi un stage de luthier.</p>
"""


def test_a_month_heading_dates_the_paragraphs_below_with_the_year_above():
    page = parse(read_bytes((HTML_TOP + "<h1>Nos villes amies</h1>" + RECAP + HTML_BOTTOM).encode(),
                            "page.html").blocks)
    got = {(s.heading.text.split(" (")[0], e.label, e.period_label, e.text[:12])
           for s in page.sections for e in s.entries if e.label in ("Février", "Octobre")}
    # each paragraph goes to the partner it names, by a word of its name no other has
    assert got == {("Camps de réfugiés Sahraouis de Smara", "Février", "Février 2023", "Dans les cam"),
                   ("Kédougou", "Octobre", "Octobre 2023", "Du côté de K"),
                   ("Tartu", "Octobre", "Octobre 2023", "À Tartu, qua")}


def test_a_heading_that_names_a_thing_and_its_date_dates_nothing_below():
    body = ("<h2>Kédougou (Sénégal)</h2><p>2015 : envoi d’ambulances.</p>"
            "<h3>Jumelage depuis 1998</h3><p>Une ville minière du sud-est du pays.</p>")
    page = parse(read_bytes((HTML_TOP + "<h1>Nos villes amies</h1>" + body + HTML_BOTTOM).encode(),
                            "page.html").blocks)
    assert [e.label for s in page.sections for e in s.entries] == ["2015"]


# --- text for screen readers only ----------------------------------------------------------

def test_text_for_screen_readers_is_not_read_into_the_entries():
    body = ('<h2><span class="fr-sr-only">Partenaire : </span>Kédougou (Sénégal)</h2>'
            '<p><span class="sr-only">Date de l’action : </span><strong>Été 2021</strong>'
            '<span aria-hidden="true"> : </span><span class="visually-hidden"> – Texte : </span>'
            'chantier de jeunes au dispensaire.</p>')
    assert sections(HTML_TOP + "<h1>Nos villes amies</h1>" + body + HTML_BOTTOM, "page.html") \
        == [("Kédougou (Sénégal)", ["Été 2021"])]


# --- a box of key figures and a slideshow's counter ----------------------------------------

def test_key_figures_and_a_slideshow_counter_give_no_row():
    body = ('<h2>Kédougou (Sénégal)</h2><div class="chiffres-cles"><ul><li><span>25</span> '
            '<span>ans d’amitié en 2022</span></li><li><span>8</span> <span>puits creusés '
            'de 2010 à 2014</span></li></ul></div><p>2015 : envoi d’ambulances.</p>'
            '<div class="diaporama"><figure><img src="a.jpg" alt=""></figure><p class="compteur">1 / 4</p></div>')
    page = parse(read_bytes((HTML_TOP + "<h1>Nos villes amies</h1>" + body + HTML_BOTTOM).encode(),
                            "page.html").blocks)
    assert [(e.label, e.text) for s in page.sections for e in s.entries] \
        == [("2015", "2015 : envoi d’ambulances.")]


def test_a_line_of_contents_ends_on_its_page_number_and_no_other_line_is_one():
    """A line of a table of contents gives its page at its end, after tabs or leaders,
    in any script's digits, even before the line's break; a line that ends otherwise (a
    full stop, a bracket, a superscript) or on a year is no such line."""
    from pipeline.read import contents_line

    assert contents_line("Stykkishólmur (Islande)\t\t7") == "Stykkishólmur (Islande)"
    assert contents_line("Bilan des échanges …… ٤\n") == "Bilan des échanges"
    assert contents_line("Notre histoire .......... 12\n") == "Notre histoire"
    assert [contents_line(t) for t in ("Séjour à Tartu en 2019", "Voir la note ²", "Page 3.",
                                       "Rencontres ....... 4)", "Ensemble\t\n\n")] == [None] * 5
