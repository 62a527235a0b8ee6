"""The HTML page and the text snapshot give the same tables."""

import pytest

from pipeline.extract import extract
from pipeline.html_page import PULL_QUOTE, html_blocks
from pipeline.parse import parse
from pipeline.load import read_bytes
from pipeline.read import text_blocks
from pipeline.tables import tables

from .conftest import ROOT, SNAPSHOT
from .html_pages import CMS_LAYOUTS, ELEMENTOR, TYPO3, UNTITLED, render

LINE_COLUMNS = {"source_line", "source_line_end", "intro_line"}


def tables_without_lines(blocks):
    records = extract(parse(blocks))
    return {table: [{k: v for k, v in row.items() if k not in LINE_COLUMNS} for row in rows]
            for table, rows in records.items()}


@pytest.fixture(scope="module")
def from_text(page_text):
    return tables_without_lines(text_blocks(page_text))


@pytest.mark.parametrize("layout", [
    {"heading": "h2", "entries": "p", "bold": True},
    {"heading": "h3", "entries": "p", "bold": True},
    {"heading": "h2", "entries": "li", "bold": True},
    {"heading": "h2", "entries": "p", "bold": False},
    {"heading": "h3", "entries": "li", "bold": False},
    {"heading": "h4", "entries": "br", "bold": False},
    *({"layout": layout} for layout in (*CMS_LAYOUTS, UNTITLED, ELEMENTOR, TYPO3)),
], ids=lambda layout: layout["layout"].name if "layout" in layout else "-".join(map(str, layout.values())))
def test_html_rendering_gives_the_same_tables(page_text, from_text, layout):
    from_html = tables_without_lines(html_blocks(render(page_text, **layout)))
    for table, rows in from_text.items():
        assert from_html[table] == rows, table
    assert len(from_html["actions"]) == 46


@pytest.mark.parametrize("layout, title", [
    *((layout, "Jumelages et coopérations décentralisées") for layout in CMS_LAYOUTS),
    (UNTITLED, None)], ids=lambda x: getattr(x, "name", ""))
def test_the_title_wherever_the_cms_puts_it(page_text, layout, title):
    """WordPress and Drupal: in the article's <header>; SPIP: an <h1> outside the article;
    Joomla: an <h2> above <h4> sections; or no title at all. The first partner section is
    never taken for the title."""
    page = parse(html_blocks(render(page_text, layout=layout)))
    assert page.title == title
    assert [s.heading.text for s in page.sections][:2] == [
        "Brandenburg-sur-la-Havel (Allemagne)", "Dianguirdé (Mali)"]
    assert len(page.sections) == 6


@pytest.mark.parametrize("layout", (*CMS_LAYOUTS, UNTITLED), ids=lambda x: x.name)
def test_the_page_text_of_an_html_page_gives_the_same_records_lines_included(page_text, layout):
    """The text the read stage lays out for an HTML page is a text snapshot in its own
    right: read as one, it gives the very records the HTML gave, source lines included."""
    document = read_bytes(render(page_text, layout=layout).encode(), "page.html")
    from_html = extract(parse(document.blocks))
    assert extract(parse(text_blocks(document.text))) == from_html
    assert len(from_html["actions"]) == 46


def test_site_furniture_is_left_out(page_text):
    texts = [b.text for b in html_blocks(render(page_text))]
    for furniture in ("Accueil", "Aller au contenu", "Partager", "Hôtel de ville", "window.dataLayer",
                      "Retour en haut de page", "Ma ville"):
        assert not any(furniture in t for t in texts), furniture
    assert texts[0] == "Jumelages et coopérations décentralisées"


def test_html_lines_point_into_the_page_text(page_text):
    document = read_bytes(render(page_text).encode(), "page.html")
    lines = document.text.split("\n")
    for block in document.blocks:
        assert lines[block.line - 1] in (block.text, "• " + block.text), block
    # the text is laid out as the text snapshot is: a blank line between blocks
    assert lines[:5] == ["Jumelages et coopérations décentralisées", "",
                         "Ivry mène avec différentes villes à travers le monde des projets de solidarité\u00a0 :",
                         "", "• La ville de\u00a0Brandenbourg-sur-la-Havel, à 70 km à l'est de Berlin (Allemagne)"]


def test_entry_split_across_inline_tags_and_br():
    page = """<html><body><main><h1>Jumelages</h1><h2>Dianguirdé (Mali)</h2>
<p><b>2007</b><b>-2009</b>&nbsp;: réalisation de <a href="#">10 forages</a> d’eau.<br>
<strong>2016 :</strong> réalisation d’une <em>cartographie</em> numérique.</p>
</main></body></html>"""
    blocks = html_blocks(page)
    assert [(b.text, b.line) for b in blocks[2:]] == [
        ("2007-2009\u00a0: réalisation de 10 forages d’eau.", 5),
        ("2016 : réalisation d’une cartographie numérique.", 7)]
    actions = extract(parse(blocks))["actions"]
    assert [(a["period"], a["source_line"]) for a in actions] == [("2007/2009", 5), ("2016", 7)]


def test_a_page_without_article_text_is_refused():
    from pipeline.errors import PipelineError
    with pytest.raises(PipelineError, match="une page HTML sans texte d'article"):
        read_bytes(b"<html><body><nav><a href='/'>Accueil</a></nav><footer>x</footer></body></html>",
                   "page.html")


def test_truncated_html_is_refused_by_the_reader():
    from pipeline.errors import PipelineError
    page = b"<html><body><main><h1>Jumelages</h1><h2>Dianguird\xc3\xa9 (Mali)</h2><p>2016 : cartographie num"
    with pytest.raises(PipelineError, match=r"semble tronquée .* ; la télécharger à nouveau"):
        read_bytes(page, "page.html")
    # the parser itself reads what is there
    assert html_blocks(page.decode())[-1].text == "2016 : cartographie num"


def test_committed_fixture_is_a_cms_page():
    fixture = (SNAPSHOT.parent.parent / "tests" / "fixtures" / "ivry-jumelages.html").read_bytes()
    document = read_bytes(fixture, "ivry-jumelages.html")
    assert document.format == "html"
    assert sum(1 for b in document.blocks if b.kind == "heading" and b.level == 2) == 6


def test_a_paragraph_wrapped_in_the_source_is_one_block():
    page = "<html><body><main><h1>J</h1>\n<p>2016 : réalisation d’une\n   cartographie\nnumérique.</p></main></body></html>"
    assert [(b.text, b.line) for b in html_blocks(page)][1:] == [
        ("2016 : réalisation d’une cartographie numérique.", 3)]


def test_odd_line_separators_shift_no_line():
    """U+2028, U+2029, NEL, a form feed or a vertical tab inside a line of the text
    snapshot is a character of that line, and in HTML only white space: line numbers
    count "\\n", "\\r\\n" and "\\r" only, in the blocks and in the text alike."""
    text = ("Jumelages\r\n\r\nTamba (Mali)\n\n2010 : accueil\u2028de six jeunes\u2029de Tamba.\x0c\n\n"
            "2012 : séjour\x85de dix jeunes.\r\r2014 : forage\x0bd’un puits.\n")
    document = read_bytes(text.encode(), "page.txt")
    assert document.text == text
    assert [(b.text[:13], b.line) for b in document.blocks] == [
        ("Jumelages", 1), ("Tamba (Mali)", 3), ("2010 : accuei", 5), ("2012 : séjour", 7),
        ("2014 : forage", 9)]
    page = ("<html><body><main><h1>Jumelages</h1><h2>Tamba (Mali)</h2><p>2010 : accueil\u2028de six"
            "\u2029jeunes\x85de Tamba.</p><p>2012 : séjour.</p></main></body></html>")
    html = read_bytes(page.encode(), "page.html")
    assert [(b.text, b.line) for b in html.blocks] == [
        ("Jumelages", 1), ("Tamba (Mali)", 3), ("2010 : accueil de six jeunes de Tamba.", 5),
        ("2012 : séjour.", 7)]
    assert html.text.split("\n")[4] == "2010 : accueil de six jeunes de Tamba."


PARTS = """<html><head><title>Jumelages</title></head><body>
<header class="site-header"><h1 class="logo">La Ville</h1></header>
<main><h1 class="page-title">Jumelages</h1>
<article class="intro"><p>La Ville mène des projets avec :</p>
<ul><li>La ville de Tamba (Mali)</li><li>Kobané</li><li>La commune de Kita (Mali)</li></ul>
<h2>Tamba (Mali)</h2><p>2010 : accueil de six jeunes de Tamba.</p>
<p>2012 : séjour de dix jeunes à Tamba.</p><p>2013 : fête commune<br>2014 : forage d’un puits.</p></article>
<section class="suite"><h3>Kobané</h3><p>Depuis 2015 : soutien à la reconstruction.</p>
<h3>Kita (Mali)</h3><p>2016 : cartographie du village.</p></section>
<aside class="sidebar"><h2>Voir aussi (France)</h2><p>2020 : autre page.</p></aside>
</main><footer>© La Ville</footer></body></html>"""


def test_sections_beside_the_article_are_not_lost():
    """A CMS that splits the page's content into several blocks: the partner headings
    beside the article (named by the intro, or with a country) bring their sections in;
    the sidebar's heading does not."""
    page = parse(read_bytes(PARTS.encode(), "page.html").blocks)
    assert page.title == "Jumelages"
    assert [s.heading.text for s in page.sections] == ["Tamba (Mali)", "Kobané", "Kita (Mali)"]
    assert [[e.label for e in s.entries] for s in page.sections] == [
        ["2010", "2012", "2013", "2014"], ["Depuis 2015"], ["2016"]]
    assert [s.intro.text for s in page.sections] == [
        "La ville de Tamba (Mali)", "Kobané", "La commune de Kita (Mali)"]


def test_nested_lists_are_read_once_and_br_cuts_loose_text():
    page = """<html><body><main><h1>J</h1><h2>Tamba (Mali)</h2>
<div>2010 : accueil de jeunes<br>2011 : séjour à Tamba</div>
<ul><li>2012 : formations :<ul><li>animateurs<ul><li>sportifs</li></ul></li><li>cuisiniers</li></ul></li></ul>
</main></body></html>"""
    assert [(b.kind, b.text) for b in html_blocks(page)[2:]] == [
        ("paragraph", "2010 : accueil de jeunes"), ("paragraph", "2011 : séjour à Tamba"),
        ("list_item", "2012 : formations :"), ("list_item", "animateurs"), ("list_item", "sportifs"),
        ("list_item", "cuisiniers")]


def test_sibling_blocks_each_naming_a_place_are_a_list_not_headings():
    page = """<html><body><main><h1>J</h1><p>Nos partenaires :</p>
<div class="field--items"><div class="field--item">La commune de Tamba (Mali)</div>
<div class="field--item">La ville de Kita (Mali)</div></div>
<div class="paragraph"><div class="field--item">Tamba (Mali)</div><div><p>2010 : accueil de jeunes</p></div></div>
</main></body></html>"""
    assert [(b.kind, b.text) for b in html_blocks(page)[1:]] == [
        ("paragraph", "Nos partenaires :"), ("list_item", "La commune de Tamba (Mali)"),
        ("list_item", "La ville de Kita (Mali)"), ("heading", "Tamba (Mali)"),
        ("paragraph", "2010 : accueil de jeunes")]


def test_a_pull_quote_is_set_aside_and_a_table_in_a_figure_is_read():
    page = """<html><body><main><h1>J</h1><h2>Tamba (Mali)</h2>
<p>2010 : accueil de jeunes</p>
<figure class="wp-block-pullquote"><blockquote><p>« Soixante ans après 1963, un jumelage vivant. »</p>
<cite>Le maire, juillet 2023</cite></blockquote></figure>
<figure class="wp-block-table"><table><tr><td>2011</td><td>séjour à Tamba</td></tr></table></figure>
</main></body></html>"""
    blocks = [(b.text, b.aside) for b in html_blocks(page)[2:]]
    assert blocks[0] == ("2010 : accueil de jeunes", None)
    assert {text for text, aside in blocks if aside == PULL_QUOTE} == {
        "« Soixante ans après 1963, un jumelage vivant. »", "Le maire, juillet 2023"}
    assert any("séjour à Tamba" in text and aside is None for text, aside in blocks)


@pytest.mark.parametrize("quote, aside", [
    ("<blockquote><p>« On en parle encore dix ans après », sourit Léa, partie à Tamba en 2014.</p></blockquote>",
     True),
    ("<blockquote><p>“Un puits, c’est un village qui revit.”</p><footer>— Le président, 2019</footer></blockquote>",
     True),
    ("<blockquote><p>« Tout le village était là. »</p></blockquote>", True),
    # a CMS's indent: entries in a blockquote, no quotation
    ("<blockquote><p>2012 : « Semaine de l’eau » à Tamba, avec 40 élèves.</p></blockquote>", False),
    ("<blockquote><p>« Semaine de l’eau » : quarante élèves ont creusé une mare en 2012 à Tamba, "
     "avec les agents techniques de la commune, pendant toute une semaine de printemps, et les familles "
     "des deux villes ont suivi le chantier jour après jour.</p></blockquote>", False),
])
def test_a_quotation_in_a_blockquote_is_a_pull_quote(quote, aside):
    """A blockquote between paragraphs that holds what someone said, in its marks, then who
    said it (its cite or footer, or a few words after the mark), is set aside as a pull quote;
    a blockquote that indents entries is read."""
    page = f"<html><body><main><h1>J</h1><h2>Tamba (Mali)</h2><p>2010 : accueil de jeunes</p>{quote}</main></body></html>"
    asides = [b.aside for b in html_blocks(page)[3:]]
    assert bool(asides) and all((a == PULL_QUOTE) is aside for a in asides)


@pytest.mark.parametrize("header, kept", [
    ('<header class="entry-header"><h1>Jumelages</h1></header>', True),
    ('<div class="page-header"><h2>Jumelages</h2></div>', True),
    ('<header class="entry-header"><p>Publié le 3 mars</p></header>', False),
    ('<div class="header-nav"><h2>Menu</h2></div>', False),
    ('<header role="navigation"><h2>Menu</h2></header>', False),
])
def test_the_article_s_own_header_is_kept_when_it_holds_its_title(header, kept):
    page = (f"<html><body><main><article>{header}<p>La Ville mène des projets avec :</p>"
            "<h3>Tamba (Mali)</h3><p>2010 : accueil.</p></article></main></body></html>")
    texts = [b.text for b in html_blocks(page)]
    assert ("Jumelages" in texts or "Publié le 3 mars" in texts) == kept
    assert "Menu" not in texts and "Tamba (Mali)" in texts


def _labels_as_headings(page_text):
    """The real page with every entry's date label as a small heading of its own above its
    paragraph (``<h5>2012</h5><p>accueil …</p>``), as some site builders write them."""
    from .html_pages import PLAIN, Piece, pieces_of_text, render_pieces

    pieces = []
    for piece in pieces_of_text(page_text):
        if piece.kind == "paragraph" and piece.label:
            body = piece.text[len(piece.label):].lstrip(" :,")
            pieces += [Piece("paragraph", piece.label, piece.label, form="heading"),
                       Piece("paragraph", body)]
        else:
            pieces.append(piece)
    return render_pieces(pieces, PLAIN)


@pytest.mark.parametrize("style", ["accordion", "class_headings", "div_headings", "blank_paragraphs",
                                   "bold_headings"])
def test_sections_are_found_by_what_they_name_whatever_the_element(page_text, from_text, style):
    """Issue 20: a partner's name in an accordion's <summary>, a paragraph styled by a class,
    a <div>'s loose text starts its section as an <h2> does; empty paragraphs holding only a
    zero-width space are empty lines, not rows with an empty text."""
    from .html_pages import PLAIN, pieces_of_text, render_pieces

    html = render_pieces(pieces_of_text(page_text), PLAIN, frozenset([style]))
    blocks = read_bytes(html.encode(), "page.html").blocks
    assert tables_without_lines(blocks) == from_text
    assert all(block.text for block in blocks)


def test_dates_as_their_own_headings_label_the_paragraph_below(page_text):
    blocks = read_bytes(_labels_as_headings(page_text).encode(), "page.html").blocks
    actions = extract(parse(blocks))["actions"]
    text_actions = extract(parse(text_blocks(page_text)))["actions"]
    assert [(a["action_id"], a["date_label"], a["period"]) for a in actions] == \
        [(a["action_id"], a["date_label"], a["period"]) for a in text_actions]
    assert len([a for a in actions if a["period"]]) == 45


def test_what_the_walker_leaves_out_is_in_the_run_report(page_text):
    """Issue 20: the site's menus, header, footer and sharing links, around the article or
    inside it, are listed in the run report with their text and why, never dropped silently."""
    from pipeline.load import read_bytes
    from pipeline.report import build

    from .html_pages import PLAIN, pieces_of_text, render_pieces

    html = render_pieces(pieces_of_text(page_text), PLAIN).replace(
        "<article", "<div class='social-share'>Partager sur Facebook</div><article", 1)
    document = read_bytes(html.encode(), "page.html")
    page = parse(document.blocks)
    report = build(ROOT / "page.html", "0" * 64, document, page, tables(extract(page)))
    left = {(item["reason"], item["text"]) for item in report.set_aside if item["line"] == 0}
    assert ("left out of the page's text, outside the article: <div share>",
            "Partager : Facebook X") in left
    assert any(text == "Partager sur Facebook" and "social-share" in why for why, text in left)
    assert any("site-header" in why and "Accueil" in text for why, text in left)


def test_a_banner_whose_alt_names_a_place_heads_what_follows():
    page = """<html><body><main><h1>Lettre n°3</h1><p>Nos villes amies :</p>
<ul><li>La ville de Kita (Mali)</li><li>La commune d'Oulu (Finlande)</li></ul>
<table><tr><td><img alt="Kita (Mali)" src="k.jpg"></td></tr></table>
<p><strong>2019</strong> : envoi de livres scolaires.</p>
<div><img alt="Oulu (Finlande)" src="o.jpg"></div><p>2021 : chorale reçue en mairie.</p>
<p>Une photo : <img alt="Kita (Mali)" src="k2.jpg"> prise au marché.</p>
<p><img alt="Délégation municipale, Oulu, mars 2021" src="d.jpg"></p></main></body></html>"""
    blocks = [(b.kind, b.text) for b in html_blocks(page)]
    assert ("heading", "Kita (Mali)") in blocks and ("heading", "Oulu (Finlande)") in blocks
    assert blocks.index(("heading", "Oulu (Finlande)")) == blocks.index(
        ("paragraph", "2021 : chorale reçue en mairie.")) - 1
    assert [t for k, t in blocks if k == "heading"] == ["Lettre n°3", "Kita (Mali)", "Oulu (Finlande)"]
    partners = tables(extract(parse(html_blocks(page))))["partners"]
    assert sorted(p["country_code"] for p in partners) == ["FI", "ML"]


def test_a_tag_chip_before_an_entry_is_its_partner_and_other_tags_are_furniture():
    page = """<html><body><main><h1>Jumelages</h1>
<h2>Oulu (Finlande)</h2><p>Jumelée depuis 1975.</p><h2>Kita (Mali)</h2><p>Une coopération scolaire née en 2001.</p>
<h2>Écoles et jeunesse</h2>
<div class="card"><ul class="tags"><li><span class="tag">Oulou</span></li></ul><p>2018 : classe de neige.</p></div>
<div class="card"><ul class="tags"><li>Kita</li></ul><p>2020 : cantine scolaire.</p></div>
<div class="card"><ul class="tags"><li>Culture</li></ul><p>2022 : concert.</p></div>
<div class="card"><p>2023 : exposition.</p><ul class="tags"><li>Oulu</li></ul></div>
<nav><a href="/">Accueil</a></nav><p>2024 : livres.</p>
</main></body></html>"""
    headings = [b.text for b in html_blocks(page) if b.kind == "heading"]
    # a chip in another spelling is written as the heading it names; a theme, a chip after
    # its text and a navigation link head nothing
    assert headings == ["Jumelages", "Oulu (Finlande)", "Kita (Mali)", "Écoles et jeunesse",
                        "Oulu (Finlande)", "Kita (Mali)"]
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    by_year = {a["start_year"]: a["partner_id"] for a in actions if a["start_year"]}
    assert by_year[2018] == "oulu" and by_year[2020] == "kita"


def test_an_entry_ending_with_a_hashtag_of_a_partner_is_that_partner_s():
    page = """<html><body><main><h1>Jumelages</h1>
<h2>Sankt-Ägidien-am-See (Autriche)</h2><p>Un jumelage signé en 1988.</p>
<p class="tag"><a>#SanktÄgidien</a></p>
<h2>Camps de Bir Lahlou (Sahara occidental)</h2><p>Une solidarité née en 1999.</p>
<h2>Nos actions par année</h2><h3>2021</h3><ul>
<li>Mars 2021 : chorale reçue en mairie. <span class="tags"><a>#CampsDeBirLahlou</a></span></li>
<li>2021 : échange de lycéens. <span class="tags"><a>#Jeunesse</a> <a>#SanktÄgidien</a></span></li>
<li>2021 : collecte de fournitures. <a>#Solidarité</a></li></ul>
</main></body></html>"""
    blocks = [(b.kind, b.text) for b in html_blocks(page)]
    # each entry whose tags name a partner above (the words of a camel-cased tag, in a close
    # spelling) is headed by that partner; the tag of a section
    # within it, and tags that name no partner, head nothing
    headings = [t for k, t in blocks if k == "heading"]
    assert headings == ["Jumelages", "Sankt-Ägidien-am-See (Autriche)",
                        "Camps de Bir Lahlou (Sahara occidental)", "Nos actions par année", "2021",
                        "Camps de Bir Lahlou (Sahara occidental)", "Sankt-Ägidien-am-See (Autriche)"]
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    partner_of = {a["text"].split(" : ")[1].split(" #")[0]: a["partner_id"] for a in actions}
    assert partner_of == {"chorale reçue en mairie.": "camps-de-bir-lahlou",
                          "échange de lycéens.": "sankt-agidien-am-see",
                          "collecte de fournitures.": "sankt-agidien-am-see"}  # as written, under it


def test_a_table_of_actions_with_a_partner_column_heads_each_row_with_its_partner():
    page = """<html><body><main><h1>Jumelages</h1><p>Nos partenaires :</p>
<ul><li>La ville d'Oulu (Finlande)</li><li>La commune de Kita (Mali)</li></ul>
<h2>Oulu (Finlande)</h2><p>Une amitié nordique.</p><h2>Kita (Mali)</h2><p>Une commune du cercle.</p>
<table><thead><tr><th>Partenaire</th><th>Date</th><th>Action</th></tr></thead><tbody>
<tr><td>Oulou</td><td>2018</td><td>classe de neige pour douze élèves</td></tr>
<tr><td>Kita</td><td>2019</td><td>cantine scolaire</td></tr>
<tr><td>Kita</td><td>2021</td><td>puits au marché</td></tr></tbody></table></main></body></html>"""
    blocks = [(b.kind, b.text) for b in html_blocks(page)]
    # a cell in another spelling is written as the heading above it names, once per run of rows
    assert [t for k, t in blocks if k == "heading"][-2:] == ["Oulu (Finlande)", "Kita (Mali)"]
    assert not any("Partenaire :" in t for _, t in blocks)
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    assert sorted((a["start_year"], a["partner_id"]) for a in actions if a["start_year"]) == [
        (2018, "oulu"), (2019, "kita"), (2021, "kita")]


def test_an_item_s_partner_field_under_a_decade_heading_is_its_partner():
    page = """<html><body><main><h1>Jumelages</h1><p>Nos partenaires :</p>
<ul><li>La ville d'Oulu (Finlande)</li><li>La commune de Kita (Mali)</li></ul>
<div class="card"><h3>Oulu</h3><div>Finlande</div><p>Une amitié nordique.</p></div>
<div class="card"><h3>Kita</h3><div>Mali</div><p>Une commune du cercle.</p></div>
<h2>Années 2010</h2>
<div class="item"><div class="partner">Oulou</div><div class="date">2018</div><div><p>classe de neige</p></div></div>
<div class="item"><div class="partner">Kita</div><div class="date">2019</div><div><p>cantine scolaire</p></div></div>
<h2>Années 2020</h2>
<div class="item"><div class="partner">Oulou</div><div class="date">2021</div><div><p>chorale reçue</p></div></div>
</main></body></html>"""
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    assert sorted((a["start_year"], a["partner_id"]) for a in actions if a["start_year"]) == [
        (2018, "oulu"), (2019, "kita"), (2021, "oulu")]
    assert not any(a["start_year"] == 2010 for a in actions)  # a decade over partners labels no entry


def test_read_more_links_news_teasers_comments_and_an_e_mail_template_s_footer_are_furniture():
    page = """<html><body><table><tr><td id="templateBody"><h1>Lettre</h1>
<h2>Kita (Mali)</h2><p>Une commune du cercle.</p><p><a href="/kita">Lire la suite</a></p>
<p>2019 : cantine scolaire.</p>
<div class="news-list"><div class="news-card"><a href="/a">Forum des associations</a><span>4 septembre 2025</span></div></div>
<div class="comments"><p>Aucun commentaire pour le moment.</p></div></td></tr>
<tr><td id="templateFooter"><p>Vous êtes inscrit depuis le 02/05/2021.</p></td></tr></table></body></html>"""
    texts = [b.text for b in html_blocks(page)]
    assert not any("septembre 2025" in t or "commentaire" in t or "inscrit" in t for t in texts)
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    assert [(a["start_year"], a["text"]) for a in actions] == [(2019, "2019 : cantine scolaire.")]


def test_a_print_converted_line_by_line_is_read_as_paragraphs():
    """pdftohtml writes one positioned <p> per printed line, with running heads and page
    numbers on every page; a paragraph may run over a page break."""
    def line(top, text, font="f1", left=80):
        return f'<p style="position:absolute;top:{top}px;left:{left}px;white-space:nowrap" class="{font}">{text}</p>'
    page1 = [line(30, "7 | Le journal de Kita | mars 2024", "f0"), line(80, "KITA (MALI)", "f2"),
             line(110, "<b>2019</b> : construction d’une cantine scolaire pour les deux"),
             line(130, "écoles du quartier, avec l’appui des parents et un accom-"),
             line(150, "pagnement des services techniques de Kita-"),
             line(170, "Nord, puis une fête."),
             line(190, "<b>2021</b> : forage d’un puits au marché, inauguré par la maire et"),
             line(210, "les élus de la commune voisine venus en délégation pour"),
             line(1200, "7", "f0", 400)]
    page2 = [line(30, "8 | Le journal de Kita | mars 2024", "f0"),
             line(80, "l’occasion et repartis le lendemain."),
             line(100, "<b>2022</b> : envoi de livres."), line(1200, "8", "f0", 400)]
    page = ("<html><body>" + f'<div id="page7-div">{"".join(page1)}</div>'
            + f'<div id="page8-div">{"".join(page2)}</div></body></html>')
    texts = [b.text for b in html_blocks(page)]
    assert "2019 : construction d’une cantine scolaire pour les deux écoles du quartier, avec " \
        "l’appui des parents et un accompagnement des services techniques de Kita-Nord, puis une fête." in texts
    assert "2021 : forage d’un puits au marché, inauguré par la maire et les élus de la commune " \
        "voisine venus en délégation pour l’occasion et repartis le lendemain." in texts
    assert "2022 : envoi de livres." in texts
    assert not any("journal" in t or t in ("7", "8") for t in texts)


def test_a_fiche_per_action_and_a_card_s_term_link_name_the_action_s_partner():
    head = """<html><body><main><h1>Jumelages</h1><p>Nos partenaires :</p>
<ul><li>La ville d'Oulu (Finlande)</li><li>La commune de Kita (Mali)</li></ul>
<h3>Oulu (Finlande)</h3><p>Une amitié nordique.</p><h3>Kita (Mali)</h3><p>Une commune du cercle.</p>
<h2>Culture, sport et loisirs</h2>"""
    fiches = """<dl><dt>Date</dt><dd>2018</dd><dt>Partenaire</dt><dd>Oulou</dd>
<dt>Action</dt><dd><p>classe de neige ouverte depuis 2009 aux élèves</p></dd></dl>
<dl><dt>Date</dt><dd>2021</dd><dt>Partenaire</dt><dd>Kita</dd><dt>Action</dt><dd><p>tournoi de football</p></dd></dl>"""
    cards = """<ul class="cards"><li><div class="terms"><a rel="tag" href="/p/oulu">Oulou</a></div>
<p><strong>2018</strong> : classe de neige ouverte depuis 2009 aux élèves</p></li>
<li><div class="terms"><a rel="tag" href="/p/kita">Kita</a></div><p><strong>2021</strong> : tournoi de football</p></li></ul>"""
    for body in (fiches, cards):
        page = parse(html_blocks(head + body + "</main></body></html>"))
        actions = tables(extract(page))["actions"]
        # the fiche's date is the entry's, not the year its text tells; the theme's heading
        # ("Culture, sport et loisirs") is no entry
        assert sorted((a["start_year"], a["partner_id"]) for a in actions) == [(2018, "oulu"), (2021, "kita")]


def test_web_components_are_read_through_their_declarative_shadow_trees():
    """Issue 20: a design system's page has no <h2> nor <p> of its own; its components show
    them in their shadow trees, whose slots hold the page's text (a named slot holds the
    date, the unnamed one the text that follows it, with no separator in the source)."""
    def component(tag: str, shadow: str, light: str) -> str:
        return f'<{tag}><template shadowrootmode="open">{shadow}</template>{light}</{tag}>'

    item = '<div class="when"><slot name="when"></slot></div><div class="what"><slot></slot></div>'
    page = "<html><body><main>" + component("ds-title", "<h1><slot></slot></h1>", "Nos villes amies") \
        + component("ds-crumbs", "<nav><slot></slot></nav>", "Accueil › Monde") \
        + component("ds-title", "<h2><slot></slot></h2>", "Ségou (Mali)") \
        + component("ds-entry", item, '<ds-when slot="when">1998-2001</ds-when>creusement de puits.') \
        + component("ds-entry", item, '<ds-when slot="when">Mars 2019</ds-when>'
                    "venue de 12 musiciens maliens.") \
        + "</main></body></html>"
    blocks = html_blocks(page)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Nos villes amies"), ("heading", "Ségou (Mali)"),
        ("paragraph", "1998-2001"), ("paragraph", "creusement de puits."),
        ("paragraph", "Mars 2019"), ("paragraph", "venue de 12 musiciens maliens.")]
    actions = extract(parse(blocks))["actions"]
    assert [(a["period"], a["text"], a["participants"]) for a in actions] == [
        ("1998/2001", "1998-2001\ncreusement de puits.", None),
        ("2019-03", "Mars 2019\nvenue de 12 musiciens maliens.", 12)]


def test_numbered_h1_sections_under_a_title_outside_the_article_are_partners():
    """Issue 20: an intranet numbers its partner sections, all <h1> ("1. Ségou (Mali)"),
    and sets the page's title outside the article: the first section is no title."""
    page = """<html><body><div id="head"><h1>Nos partenaires</h1></div>
<div id="main-content"><p>La ville coopère avec deux communes.</p>
<h1>1. Ségou (Mali)</h1><p><strong>1998</strong> : creusement de puits.</p>
<h1>2. Kandi (Bénin)</h1><p><strong>2004</strong> : envoi de livres.</p></div></body></html>"""
    blocks = html_blocks(page)
    # the section numbers taken off as a text page's are (read.outline_entry)
    assert [(b.text, b.level) for b in blocks if b.kind == "heading"] == [
        ("Nos partenaires", 1), ("Ségou (Mali)", 2), ("Kandi (Bénin)", 2)]
    actions = extract(parse(blocks))["actions"]
    assert [(a["partner_id"], a["period"]) for a in actions] == [
        ("segou", "1998"), ("kandi", "2004")]  # the number no longer in the partner's name


def test_a_translation_in_a_column_of_its_own_language_is_no_second_entry_nor_partner():
    """Issue 20: a bilingual page sets each heading and entry's translation beside it, in an
    element whose ``lang`` is not the page's: left out (and reported), not a second partner
    nor a second row; a word quoted inline in another language stays in its sentence."""
    from pipeline.load import read_bytes

    page = """<html lang="fr"><body><main><h1>Nos villes amies</h1>
<div class="row"><div lang="fr"><h2>Ségou (Mali)</h2></div><div lang="en-GB"><h2>Segou (Mali) – in English</h2></div></div>
<div class="row"><div><p>2019 : venue de la chorale <i lang="bm">Kɔrɔ</i> à la fête de la ville.</p></div>
<div lang="en"><p>2019: the choir came to the town's festival.</p></div></div>
<h2>Kandi (Bénin)</h2><p>2021 : envoi de livres.</p></main></body></html>"""
    document = read_bytes(page.encode(), "page.html")
    data = extract(parse(document.blocks))
    assert [p["partner_id"] for p in data["partners"]] == ["segou", "kandi"]
    assert [(a["partner_id"], a["period"], a["text"]) for a in data["actions"]] == [
        ("segou", "2019", "2019 : venue de la chorale Kɔrɔ à la fête de la ville."),
        ("kandi", "2021", "2021 : envoi de livres.")]
    assert [text for why, text in document.left_out if "another language" in why] == [
        "Segou (Mali) – in English", "2019: the choir came to the town's festival."]


def test_a_table_of_entries_with_a_partner_column_spanning_its_rows():
    """Issue 20: a council's annex lays out its bilan as one table whose first column names
    the partner once, its cell spanning the partner's rows; the count and the amount are
    only in their columns, and a row of totals across the columns is no entry."""
    page = """<html><body><main><h1>Bilan</h1><table>
<tr><th>Partenaire</th><th>Année</th><th>Action</th><th>Participants</th><th>Montant (€)</th></tr>
<tr><td rowspan="2">Kita (Mali)</td><td>2019</td><td>creusement d’un puits</td><td>—</td><td>4 500</td></tr>
<tr><td>2021</td><td>venue de musiciens</td><td>8</td><td>—</td></tr>
<tr><td>Matanzas (Cuba)</td><td>2022</td><td>envoi de livres</td><td>—</td><td>700</td></tr>
<tr><td colspan="4">Total des aides votées au budget 2023</td><td>5 200</td></tr>
</table></main></body></html>"""
    data = extract(parse(html_blocks(page)))
    assert [p["partner_id"] for p in data["partners"]] == ["kita", "matanzas"]
    assert [(a["partner_id"], a["period"], a["participants"], a["amount_eur"]) for a in data["actions"]] == [
        ("kita", "2019", None, 4500), ("kita", "2021", 8, None), ("matanzas", "2022", None, 700)]


def test_readers_comments_likes_and_task_lists_are_site_furniture():
    """Issue 20: a wiki page's task list, likes and readers' comments (each dated)
    are the site's, left out of the article, not entries of the last partner."""
    page = """<html><body><div id="main-content"><h1>Nos villes amies</h1><h2>Kita (Mali)</h2>
<p>2019 : creusement d’un puits.</p>
<ul class="inline-task-list"><li>Relancer l’association (12 mars 2025)</li></ul>
<div id="likes-section"><span class="like-summary">Marie aime ça</span></div>
<div id="comments-section"><h2>2 commentaires</h2><p>Paul, 14 mars 2025 : à mettre à jour.</p></div>
</div></body></html>"""
    actions = extract(parse(html_blocks(page)))["actions"]
    assert [(a["period"], a["text"]) for a in actions] == [("2019", "2019 : creusement d’un puits.")]


def test_an_edit_history_keeps_the_new_values_and_sets_the_old_ones_aside():
    """Issue 20: a page that publishes its own correction strikes the old value out
    (``<del>``, ``<s>``) beside the new one (``<ins>``), marks an added entry with a badge,
    opens with a dated notice of the correction and keeps a draft in a ``hidden`` element:
    the new values are the page's, the old ones, the badge and the draft are reported, never
    read; the notice before the first partner is furniture, not an entry that stops the run.
    An accordion's closed panel (``hidden``, opened by a button) stays the page's text."""
    from pipeline.load import read_bytes

    page = """<html lang="fr"><body><main><h1>Nos villes amies</h1>
<p><em>Mise à jour du 3 avril 2024 : deux dates ont été corrigées.</em></p>
<p>La ville coopère avec Kita (Mali) et Matanzas (Cuba).</p>
<h2>Kita (Mali)</h2>
<p><strong><s>Mars 2019</s> <ins>Avril 2019</ins></strong> : creusement d’un puits de
<del>4 000 €</del> <ins>4 500 €</ins>.</p>
<div><ins><span class="label">Nouveau</span> <p><strong>Juin 2023</strong> : venue de 6 <strike>élus</strike> <ins>jeunes</ins><span style="text-decoration: line-through"> à Kita</span>.</p></ins></div>
<p hidden>2025 : [brouillon] visite d’une délégation.</p>
<h2>Matanzas (Cuba)</h2>
<button aria-controls="plus">Voir plus</button>
<div id="plus" hidden><p>2022 : envoi de livres.</p></div>
</main></body></html>"""
    from pipeline.parse import EDIT_NOTICE

    document = read_bytes(page.encode(), "page.html")
    parsed = parse(document.blocks)
    assert [(s.block.text, s.loss) for s in parsed.set_aside if s.reason == EDIT_NOTICE] == [
        ("Mise à jour du 3 avril 2024 : deux dates ont été corrigées.", False)]
    assert not [s for s in parsed.set_aside if s.loss]
    data = extract(parsed)
    assert [p["partner_id"] for p in data["partners"]] == ["kita", "matanzas"]
    assert [(a["partner_id"], a["period"], a["amount_eur"], a["text"]) for a in data["actions"]] == [
        ("kita", "2019-04", 4500, "Avril 2019 : creusement d’un puits de 4 500 €."),
        ("kita", "2023-06", None, "Juin 2023 : venue de 6 jeunes."),
        ("matanzas", "2022", None, "2022 : envoi de livres.")]
    assert [text for why, text in document.left_out if "struck-out" in why] == [
        "Mars 2019", "4 000 €", "élus", "à Kita"]
    assert [text for why, text in document.left_out if "hidden" in why] == [
        "2025 : [brouillon] visite d’une délégation."]
    assert [text for why, text in document.left_out if "badge" in why] == ["Nouveau"]


def test_cards_whose_date_ends_them_are_dated_by_their_own_date():
    """Issue 20: a CMS's list of teasers writes each card's date after its text (a meta
    line, a ``<time>`` in a footer): the date is the card's own, not the next card's; a
    card without one stays undated; a partner with two cards is laid out as the others;
    the classes that number or place each card ("carte-2", "even", "last") are no kind."""
    page = """<html lang="fr"><body><main><h1>Nos villes amies</h1>
<section class="groupe"><h2>Kita (Mali)</h2>
<div class="carte"><h3>Un puits</h3><p>Creusement d’un puits au centre du village.</p>
<p class="meta">Publié le 12 mars 2021</p></div>
<div class="carte carte-2 even"><h3>Bibliothèque</h3><p>Envoi de 300 livres à l’école.</p>
<footer><span>Date</span> <time datetime="2019-06">juin 2019</time></footer></div>
<div class="carte"><p>Le comité suit les projets avec l’association des ressortissants.</p></div>
<div class="carte carte-4 last"><p>Venue de 8 musiciens pour la fête de la ville.</p>
<p class="meta">Publié le 2 juillet 2022</p></div></section>
<section class="groupe"><h2>Matanzas (Cuba)</h2>
<div class="carte"><p>Don de matériel médical à la polyclinique.</p><p class="meta">Publié le 5 mai 2023</p></div>
<div class="carte"><p>Accueil de 4 étudiants en architecture.</p><p class="meta">Publié le 9 octobre 2024</p></div>
</section></main></body></html>"""
    actions = extract(parse(html_blocks(page)))["actions"]
    assert [(a["partner_id"], a["period"], a["participants"], a["text"]) for a in actions] == [
        ("kita", "2021-03-12", None, "le 12 mars 2021 : Creusement d’un puits au centre du village."),
        ("kita", "2019-06", None, "juin 2019 : Envoi de 300 livres à l’école."),
        ("kita", None, None, "Le comité suit les projets avec l’association des ressortissants."),
        ("kita", "2022-07-02", 8, "le 2 juillet 2022 : Venue de 8 musiciens pour la fête de la ville."),
        ("matanzas", "2023-05-05", None, "le 5 mai 2023 : Don de matériel médical à la polyclinique."),
        ("matanzas", "2024-10-09", 4, "le 9 octobre 2024 : Accueil de 4 étudiants en architecture.")]


def test_a_timeline_of_all_partners_gives_each_item_to_the_partner_its_heading_names():
    """Issue 20: after a section per partner, a chronological list mixes the partners'
    entries in date order, each item's heading holding its date and its partner's short
    name ("2015 · Ségou", "Kandi — mai 2018"): the item is the named partner's, dated by
    its own date, its second paragraph stays with it; an item headed by its partner alone
    is that partner's; a heading whose years follow a comma is no item."""
    page = """<html lang="fr"><body><main><h1>Nos villes amies</h1>
<h2>Nos partenaires</h2>
<div class="carte"><h3>Ségou (Mali)</h3><p>Jumelage signé en 1992.</p></div>
<div class="carte"><h3>Kandi (Bénin)</h3><p>Coopération engagée en 2001.</p></div>
<h2>Trente ans d’échanges</h2>
<div class="item"><h4>1998 · Kandi</h4><p>Envoi de 2 000 livres scolaires.</p></div>
<div class="item"><h4>2015 | Ségou</h4><p>Accueil de 12 lycéens maliens.</p><p>Ils ont joué au festival.</p></div>
<div class="item"><h4>Kandi — mai 2018</h4><p>Mission de 3 agents des espaces verts.</p></div>
<div class="item"><h4>Ségou</h4><p>Le comité suit les projets avec les ressortissants.</p></div>
<h4>Souvenirs de Ségou, 2015-2016</h4><p>Un album réunit les photos des séjours.</p>
</main></body></html>"""
    data = extract(parse(html_blocks(page)))
    assert [p["partner_id"] for p in data["partners"]] == ["segou", "kandi"]
    assert [(a["partner_id"], a["period"], a["text"]) for a in data["actions"]] == [
        ("segou", "2015", "2015 : Accueil de 12 lycéens maliens.\n\nIls ont joué au festival."),
        ("kandi", "1998", "1998 : Envoi de 2 000 livres scolaires."),
        ("kandi", "2018-05", "mai 2018 : Mission de 3 agents des espaces verts.")]
    assert "Le comité suit les projets" in data["partners"][0]["description"]


PIVOT_PAGE = """<html lang="fr"><body><main><h1>Nos villes amies</h1>
<p>La ville coopère avec :</p><ul><li>Kita (Mali)</li><li>Matanzas (Cuba)</li></ul>
<h2>Kita (Mali)</h2><p>2015 : creusement d’un puits.</p><p><em>Nos actions depuis 2021 sont
dans le tableau récapitulatif ci-après.</em></p>
<h2>Matanzas (Cuba)</h2><p>2016 : envoi de livres.</p>
<h2>Bilan 2021-2023</h2>
<table><thead>{head}</thead><tbody>{rows}</tbody>
<tfoot><tr><th>Nombre d’actions</th><td>1</td><td>2</td><td>1</td></tr></tfoot></table>
</main></body></html>"""


@pytest.mark.parametrize("years", [("2021", "2022", "2023"), ("Année 2021", "Année 2022", "Année 2023")])
def test_a_table_of_partners_by_years_dates_each_cell_by_its_column(years):
    """Issue 20: a review lays out its last years as a table, a row per partner and a
    column per year: each cell that says something is an entry of the row's partner
    dated by its column (a cell spanning two columns by both years), a month without its
    year in a cell takes the column's year; dash cells and the row of counts are no entry,
    nor the sentence that sends the reader to the table (a pointer, whatever its date)."""
    page = PIVOT_PAGE.format(
        head="<tr><th>Ville</th>" + "".join(f"<th>{y}</th>" for y in years) + "</tr>",
        rows="<tr><th>Kita</th><td colspan='2'><p>Formation de 6 infirmiers.</p></td><td>–</td></tr>"
             "<tr><th>Matanzas</th><td>–</td><td><p><strong>Mars :</strong> don d’un bus scolaire.</p>"
             "<p><strong>Juillet :</strong> accueil de 5 étudiants.</p></td>"
             "<td><p>Du 2 au 9 mai, mission d’architectes.</p></td></tr>")
    actions = extract(parse(html_blocks(page)))["actions"]
    assert [(a["partner_id"], a["period"], a["participants"], a["text"]) for a in actions] == [
        ("kita", "2015", None, "2015 : creusement d’un puits."),
        ("kita", "2021/2022", 6, "2021-2022 : Formation de 6 infirmiers."),
        ("matanzas", "2016", None, "2016 : envoi de livres."),
        ("matanzas", "2022-03", None, "Mars 2022 : don d’un bus scolaire."),
        ("matanzas", "2022-07", 5, "Juillet 2022 : accueil de 5 étudiants."),
        ("matanzas", "2023-05-02/2023-05-09", None, "Du 2 au 9 mai 2023, mission d’architectes.")]


def test_a_table_of_years_by_partners_reads_each_column_as_a_partner():
    """Issue 20: the same table turned the other way, a column per partner and a row per
    year: each cell is an entry of its column's partner, dated by its row's year."""
    page = PIVOT_PAGE.replace("<tfoot><tr><th>Nombre d’actions</th><td>1</td><td>2</td><td>1</td></tr></tfoot>", "")
    page = page.format(
        head="<tr><th>Année</th><th>Kita</th><th>Matanzas</th></tr>",
        rows="<tr><th>2021</th><td>Formation de 6 infirmiers.</td><td>—</td></tr>"
             "<tr><th>2022</th><td>—</td><td>Don d’un bus scolaire.</td></tr>")
    actions = extract(parse(html_blocks(page)))["actions"]
    assert [(a["partner_id"], a["period"], a["text"]) for a in actions] == [
        ("kita", "2015", "2015 : creusement d’un puits."),
        ("kita", "2021", "2021 : Formation de 6 infirmiers."),
        ("matanzas", "2016", "2016 : envoi de livres."),
        ("matanzas", "2022", "2022 : Don d’un bus scolaire.")]


def test_a_callout_with_a_button_and_a_feed_link_are_the_sites_not_actions():
    """Issue 20: a design system's callout that calls the reader (a button "Nous écrire")
    inside a partner's section, and a view's feed link ("S’abonner à …") under the
    entries, are the site's: no row; a callout without a button (the list of partners)
    stays the page's text."""
    from pipeline.load import read_bytes

    page = """<html lang="fr"><body><main><h1>Nos villes amies</h1>
<div class="fr-callout"><p>La ville coopère avec :</p><ul><li>Kita (Mali)</li><li>Matanzas (Cuba)</li></ul></div>
<h2>Kita (Mali)</h2><p>2015 : creusement d’un puits.</p>
<div class="fr-callout"><h4>Accueillir un stagiaire</h4><p>Chaque printemps, des entreprises reçoivent
de jeunes Kitois : proposez une place avant le 1er mars.</p><a class="fr-btn fr-btn--secondary" href="/contact">Nous écrire</a></div>
<h2>Matanzas (Cuba)</h2><p>2016 : envoi de livres.</p>
<p><a class="feed-icon" href="/rss.xml">S’abonner à Nos villes amies</a></p>
</main></body></html>"""
    document = read_bytes(page.encode(), "page.html")
    data = extract(parse(document.blocks))
    assert [(p["partner_id"], p["intro_item"]) for p in data["partners"]] == [
        ("kita", "Kita (Mali)"), ("matanzas", "Matanzas (Cuba)")]
    assert [(a["partner_id"], a["text"]) for a in data["actions"]] == [
        ("kita", "2015 : creusement d’un puits."), ("matanzas", "2016 : envoi de livres.")]
    assert [why for why, text in document.left_out if "Accueillir un stagiaire" in text] == [
        "site furniture inside the article: <div fr-callout>"]


def test_a_heading_that_frames_a_year_dates_the_entries_below_and_is_no_entry():
    """Issue 20: a sub-heading that only frames a year ("Programme 2019", "Calendrier
    2020") is the period of the entries below it, not an entry: a month or a day without
    its year under it is in that year (not in the year of the entry above the heading);
    one with nothing below it is set aside."""
    page = """<html lang="fr"><body><main><h1>Nos villes amies</h1>
<h2>Kita (Mali)</h2><p>2015 : creusement d’un puits.</p>
<h3>Programme 2019</h3><p>Mars : venue de 4 infirmiers.</p><p>Juin : envoi de livres.</p>
<h3>Calendrier 2020</h3><p>12 avril : assemblée du comité à Kita.</p>
<h2>Matanzas (Cuba)</h2><p>2016 : envoi de livres.</p><h3>Agenda 2021</h3>
</main></body></html>"""
    parsed = parse(html_blocks(page))
    assert [(a["partner_id"], a["period"], a["text"]) for a in extract(parsed)["actions"]] == [
        ("kita", "2015", "2015 : creusement d’un puits."),
        ("kita", "2019-03", "Mars : venue de 4 infirmiers."),
        ("kita", "2019-06", "Juin : envoi de livres."),
        ("kita", "2020-04-12", "12 avril : assemblée du comité à Kita."),
        ("matanzas", "2016", "2016 : envoi de livres.")]
    assert {s.block.text for s in parsed.set_aside if not s.loss} >= {
        "Programme 2019", "Calendrier 2020", "Agenda 2021"}


def test_a_timeline_whose_items_name_their_partner_before_their_text():
    """Issue 20: the same timeline as a list under a heading of no partner, each item
    naming its partner between its date and its text ("1998 · Kandi : …", "Ségou — juin
    2015 : …"; a place's name may hold a dash): each item is the named partner's entry,
    dated by its own date; an item that names no partner stays where it is."""
    page = """<html lang="fr"><body><main><h1>Nos villes amies</h1>
<h2>Ségou (Mali)</h2><p>Jumelage signé en 1992.</p>
<h2>Kandi – Banikoara (Bénin)</h2><p>Coopération engagée en 2001.</p>
<h2>Trente ans d’échanges</h2><ul>
<li>1998 · Kandi – Banikoara : envoi de 2 000 livres scolaires.</li>
<li>Ségou — juin 2015 : accueil de 12 lycéens maliens.</li>
<li>2017 | Kandi — mission de 3 agents des espaces verts.</li></ul>
</main></body></html>"""
    data = extract(parse(html_blocks(page)))
    assert [p["partner_id"] for p in data["partners"]] == ["segou", "kandi"]
    assert [(a["partner_id"], a["period"], a["text"]) for a in data["actions"]] == [
        ("segou", "2015-06", "juin 2015 : accueil de 12 lycéens maliens."),
        ("kandi", "1998", "1998 : envoi de 2 000 livres scolaires."),
        ("kandi", "2017", "2017 : mission de 3 agents des espaces verts.")]


def test_partner_cards_ending_with_their_agreement_are_not_dated_cards():
    """Issue 20: cards headed by a partner's place whose last line is the agreement's date
    ("Jumelage signé le 12 mai 1990") are partners' cards: the date stays where it is, the
    description stays undated and the agreement's year is the partner's."""
    page = """<html lang="fr"><body><main><h1>Nos villes amies</h1>""" + "".join(
        f'<div class="p"><h2>{place}</h2><p>{about}</p><p>Jumelage signé le {day}</p></div>'
        for place, about, day in (("Gao (Mali)", "Ville du nord du Mali, sur le fleuve.", "12 mai 1990"),
                                  ("Kita (Mali)", "Ville de la région de Kayes.", "3 juin 1995"),
                                  ("Matanzas (Cuba)", "Ville portuaire de Cuba.", "9 mars 2001"))) \
        + "</main></body></html>"
    data = extract(parse(html_blocks(page)))
    assert [(p["partner_id"], p["agreement_year"], p["description"]) for p in data["partners"]] == [
        ("gao", 1990, "Ville du nord du Mali, sur le fleuve."),
        ("kita", 1995, "Ville de la région de Kayes."),
        ("matanzas", 2001, "Ville portuaire de Cuba.")]
def _page(body: str) -> str:
    return ("<html><body><main><h1>Nos villes amies</h1><p>Nous travaillons avec :</p><ul>"
            "<li>La commune de Kita (Mali)</li><li>La ville de Pontevedra (Espagne)</li></ul>"
            f"{body}</main></body></html>")


def _labels(page: str) -> list[list[tuple[str | None, str]]]:
    parsed = parse(read_bytes(page.encode(), "page.html").blocks)
    return [[(e.label, e.text) for e in s.entries] for s in parsed.sections]


def test_a_timeline_drawn_in_svg_is_read_label_then_text():
    page = _page('<h2>Kita (Mali)</h2><svg><desc>Frise de 2001 à 2022</desc><g><text>2000</text>'
                 '<text>2010</text></g><g><circle/><text>Mars 2019</text><foreignObject><div>'
                 '<p>inauguration de la maternité rénovée.</p></div></foreignObject></g>'
                 '<g><text>2022</text><foreignObject><div><p>envoi de manuels scolaires.</p></div>'
                 '</foreignObject></g></svg>')
    assert [[label for label, _ in entries] for entries in _labels(page)] == [["Mars 2019", "2022"]]
    assert "maternité" in _labels(page)[0][0][1] and "manuels" in _labels(page)[0][1][1]


def test_each_text_of_a_zigzag_timeline_takes_its_own_date():
    item = '<div class="item"><div class="d">{}</div><div class="dot"></div><div class="c"><p>{}</p></div></div>'
    swapped = '<div class="item"><div class="c"><p>{}</p></div><div class="dot"></div><div class="d">{}</div></div>'
    page = _page('<h2>Pontevedra (Espagne)</h2><div class="timeline">'
                 + item.format("2011", "échange de chorales.")
                 + swapped.format("visite des écoles de musique.", "Mai 2014")
                 + item.format("2018", "tournoi de handball.") + "</div>")
    got = [(label, text.split("\n")[-1]) for label, text in _labels(page)[0]]
    assert got == [("2011", "échange de chorales."), ("Mai 2014", "visite des écoles de musique."),
                   ("2018", "tournoi de handball.")]


@pytest.mark.parametrize("placed", ["inline", "sheet", "area"])
def test_a_grid_whose_dates_and_texts_are_two_blocks_pairs_them_by_row(placed):
    """Issue 20: a site builder's grid writes all of a run's dates in one block, then all
    its texts in another (both ``display: contents``), each date and its text placed on the
    same row by CSS, in their ``style`` or by a rule of the page's style sheet: each text
    takes the date of its row, not the one written at its rank in the HTML."""
    def cell(row: int, words: str, kind: str) -> str:
        if placed == "inline":
            return f'<div class="{kind}" style="grid-row: {row}">{words}</div>'
        if placed == "area":
            return f'<div class="{kind}" style="grid-area: {row} / {1 if kind == "d" else 2}">{words}</div>'
        return f'<div class="{kind} ligne-{row}">{words}</div>'
    dates, texts = ["2011", "Mai 2014", "2018"], ["échange de chorales.", "visite des écoles de musique.",
                                                  "tournoi de handball."]
    order = [2, 0, 1]  # the texts written in another order than their rows
    sheet = "".join(f".ligne-{n + 1}{{grid-row:{n + 1} / span 1}}" for n in range(3))
    page = _page(f'<style>.bloc{{display:contents}} {sheet}</style><h2>Pontevedra (Espagne)</h2>'
                 '<div style="display:grid"><div class="bloc">'
                 + "".join(cell(n + 1, d, "d") for n, d in enumerate(dates)) + '</div><div class="bloc">'
                 + "".join(cell(n + 1, f"<p>{texts[n]}</p>", "t") for n in order) + "</div></div>")
    assert _labels(page) == [[(d, f"{d}\n{t}") for d, t in zip(dates, texts, strict=True)]]


def test_a_grid_of_named_areas_pairs_each_date_with_the_text_of_its_row():
    """A grid whose template names its areas ("'d1 t1' 'd2 t2'"), each item placed in one
    by ``grid-area``, is read row by row whatever the HTML's order."""
    page = _page('<h2>Kita (Mali)</h2><div style="display:grid;grid-template-areas:\'a b\' \'c d\'">'
                 '<div style="grid-area:c">2019</div><div style="grid-area:a">2015</div>'
                 '<div style="grid-area:d"><p>envoi de livres.</p></div>'
                 '<div style="grid-area:b"><p>creusement de deux puits.</p></div></div>')
    assert [(label, text.split("\n")[-1]) for label, text in _labels(page)[0]] == [
        ("2015", "creusement de deux puits."), ("2019", "envoi de livres.")]


@pytest.mark.parametrize("attribute", ["aria-labelledby", "aria-describedby"])
def test_texts_that_name_their_date_by_an_id_take_that_date(attribute):
    """A block of dates, then a block of texts each naming its date by an id (for screen
    readers): each text takes the date it names, not the one at its rank."""
    page = _page('<h2>Kita (Mali)</h2><ul class="annees"><li id="k1">2015</li><li id="k2">Juin 2019</li>'
                 '<li id="k3">2022</li></ul>'
                 f'<div><p {attribute}="k2">envoi de livres.</p><p {attribute}="k3">visite du maire.</p>'
                 f'<p {attribute}="k1">creusement de deux puits.</p></div>')
    assert [(label, text.split("\n")[-1]) for label, text in _labels(page)[0]] == [
        ("Juin 2019", "envoi de livres."), ("2022", "visite du maire."), ("2015", "creusement de deux puits.")]


@pytest.mark.parametrize("paired", ["rank", "data"])
def test_a_column_of_dates_beside_a_column_of_texts_pairs_them(paired):
    """Two blocks side by side, one of dates alone and one of as many texts, with no CSS
    that places them: the k-th date goes with the k-th text, or with the text that carries
    the same ``data-*`` value when both sides carry one."""
    dates, texts = ["2011", "Mai 2014", "2018"], ["échange de chorales.", "visite des écoles de musique.",
                                                  "tournoi de handball."]
    order = [0, 1, 2] if paired == "rank" else [2, 0, 1]
    page = _page('<h2>Pontevedra (Espagne)</h2><div class="frise"><div class="gauche">'
                 + "".join(f'<div data-n="{n}">{d}</div>' for n, d in enumerate(dates)) + '</div><div class="droite">'
                 + "".join(f'<div data-n="{n}"><p>{texts[n]}</p></div>' for n in order) + "</div></div>")
    assert [(label, text.split("\n")[-1]) for label, text in _labels(page)[0]] == list(zip(dates, texts, strict=True))


def test_a_column_of_dates_over_texts_that_open_with_their_own_dates_is_left_alone():
    """Year tabs over as many panels whose entries are dated by their own labels pair nothing."""
    page = _page('<h2>Kita (Mali)</h2><div><div><div>2015</div><div>2019</div></div>'
                 '<div><div><p>Mars 2015 : creusement de deux puits.</p></div>'
                 '<div><p>Juin 2019 : envoi de livres.</p></div></div></div>')
    assert [(label, text[:9]) for label, text in _labels(page)[0]] == [
        ("2015", "2015"), ("2019", "2019"), ("Mars 2015", "Mars 2015"), ("Juin 2019", "Juin 2019")]


def test_a_grid_the_browser_fills_as_written_is_read_as_written():
    """Items placed on rows only in part (or not at all) are read in the HTML's order."""
    page = _page('<h2>Kita (Mali)</h2><div style="display:grid"><div style="grid-row:2">2015</div>'
                 '<div><p>creusement de deux puits.</p></div><div>2019</div><div><p>envoi de livres.</p></div></div>')
    assert [label for label, _ in _labels(page)[0]] == ["2015", "2019"]


MIXED_GRID = """<html lang="fr"><body><main><h1>Nos villes amies</h1>
{sections}
<h2>Les actions, de la plus ancienne à la plus récente</h2>
<div class="outils">{buttons}</div>
<div class="grille">{items}</div>
{after}
</main></body></html>"""
SECTIONS = """<h2>Nos partenaires</h2>
<div><h3>Ségou (Mali)</h3><p>Jumelage signé en 1992 avec la ville de Ségou.</p></div>
<div><h3>Kandi (Bénin)</h3><p>Coopération engagée avec Kandi.</p></div>
<div><h3>Matanzas (Cuba)</h3><p>Échanges scolaires depuis longtemps.</p></div>"""


@pytest.mark.parametrize("marker", ["title", "data", "filter", "legend", "title, sections below"])
def test_a_grid_mixing_partners_gives_each_entry_to_the_partner_its_markup_names(marker):
    """Issue 20: one chronological grid mixes all the partners' entries, an entry's partner
    said only by its markup (a coloured dot's ``title``, a ``data-*`` value, a class its
    filter button names, a dot's class its colour legend names), its text naming no partner
    or another one: each entry is the partner's its markup names, not the last heading's
    nor the one its text names, whether the partners' sections are above or below."""
    keys = {"segou": "Ségou (Mali)", "kandi": "Kandi (Bénin)", "matanzas": "Matanzas (Cuba)"}
    rows = [("kandi", "1998", "envoi de 2 000 livres scolaires."),
            ("segou", "2015", "accueil de 12 lycéens venus de Matanzas."),
            ("matanzas", "Mai 2018", "mission de 3 agents des espaces verts."),
            ("kandi", "2021", "forage d’un puits au village.")]

    def item(key: str, when: str, text: str) -> str:
        dot = (f'<span class="dot" title="{keys[key]}"></span>' if marker.startswith("title")
               else f'<span class="dot c-{key}"></span>')
        attributes = {"data": f'class="carte" data-ville="{key}"', "filter": f'class="carte f-{key}"'}
        return f'<div {attributes.get(marker, "class=carte")}>{dot}<p class="date">{when}</p><p>{text}</p></div>'
    buttons = ("".join(f'<button data-filter=".f-{k}">{v.split(" (")[0]} (2)</button>' for k, v in keys.items())
               if marker == "filter" else "")
    legend = ('<ul class="legende">' + "".join(f'<li><span class="dot c-{k}"></span>{v}</li>' for k, v in keys.items())
              + "</ul>") if marker == "legend" else ""
    below = marker.endswith("below")
    page = MIXED_GRID.format(sections="" if below else SECTIONS, buttons=buttons + legend,
                             items="".join(item(*row) for row in rows), after=SECTIONS if below else "")
    data = extract(parse(html_blocks(page)))
    assert sorted(p["partner_id"] for p in data["partners"]) == ["kandi", "matanzas", "segou"]
    assert sorted((a["partner_id"], a["period"]) for a in data["actions"]) == [
        ("kandi", "1998"), ("kandi", "2021"), ("matanzas", "2018-05"), ("segou", "2015")]


def test_partner_cards_marked_with_their_own_partner_keep_their_sections():
    """Cards of partners each marked with its own partner (a flag's ``title``, a
    ``data-*`` slug) before its own heading: one section each, no second one."""
    cards = "".join(f'<div class="carte" data-ville="{k}"><span class="drapeau" title="{t}"></span>'
                    f'<h3>{t}</h3><p>{y} : visite des écoles.</p></div>'
                    for k, t, y in (("kita", "Kita (Mali)", "2019"), ("pontevedra", "Pontevedra (Espagne)", "2020"),
                                    ("kita", "Kita (Mali)", "2022")))
    data = extract(parse(html_blocks(_page(cards))))
    assert [p["partner_id"] for p in data["partners"]] == ["kita", "pontevedra"]
    assert [(a["partner_id"], a["period"]) for a in data["actions"]] == [
        ("kita", "2019"), ("kita", "2022"), ("pontevedra", "2020")]


def test_a_grid_whose_markers_name_no_partner_stays_under_its_heading():
    """A grid's classes that vary among its entries but name no partner heading above (the
    themes of a partner's actions) give no entry to another section."""
    cards = "".join(f'<div class="carte" data-theme="{t}"><p>{y} : {w}</p></div>' for t, y, w in (
        ("culture", "2015", "concert des chorales."), ("sport", "2016", "tournoi de handball."),
        ("culture", "2017", "exposition de peintures.")))
    page = _page(f'<h2>Kita (Mali)</h2><div class="grille">{cards}</div><h2>Pontevedra (Espagne)</h2>'
                 '<p>2019 : échange de lycéens.</p>')
    assert [[label for label, _ in s] for s in _labels(page)] == [["2015", "2016", "2017"], ["2019"]]


def test_a_read_more_teaser_gives_no_entry_of_its_own():
    full = "<strong>2017</strong> : creusement de quatre puits et formation de deux mécaniciens du village."
    page = _page(f'<h2>Kita (Mali)</h2><p><strong>2017</strong> : creusement de quatre puits et formation… '
                 f'<button>Lire la suite</button></p><div class="collapse"><p>{full}</p></div>')
    assert _labels(page) == [[("2017", full.replace("<strong>", "").replace("</strong>", ""))]]


def test_a_fiche_whose_pairs_are_wrapped_in_divs_names_its_partner():
    page = _page('<h2>Fiche n°1 – Afrique</h2><dl><div><dt>Collectivité</dt><dd>Kita</dd></div>'
                 '<div><dt>Depuis</dt><dd>1998</dd></div><div><dt>Population</dt><dd>48 000 (2019)</dd></div>'
                 '</dl><ul><li>2017 : creusement de quatre puits.</li></ul>')
    data = tables(extract(parse(read_bytes(page.encode(), "page.html").blocks), {}))
    partners = {(p["name"], p.get("agreement_year")) for p in data["partners"]}
    assert ("Kita", 1998) in partners
    assert [(a["date_label"], a["partner_id"]) for a in data["actions"] if a["date_label"]] == [("2017", "kita")]


def test_a_grid_with_text_between_its_items_is_read_as_written_losing_nothing():
    """A container placed by ``grid-row`` whose own text or items' tails say something
    ("Intro 1998 … texte libre") is not rewritten: a rewrite would drop that text."""
    import lxml.html

    from pipeline.visual_order import grid_order

    page = lxml.html.fromstring('<div>Intro 1998 <p style="grid-row:2">a</p> texte libre '
                                '<p style="grid-row:1">b</p></div>')
    grid_order(page)
    assert page.text_content() == "Intro 1998 a texte libre b"
def test_a_partners_box_in_an_aside_is_read_and_its_kicker_is_not():
    """Issue 20: a magazine article puts each partner in a box beside the text (an
    ``<aside>`` headed by the partner and its country, under a kicker "Repères"): the box
    is the partner's section; an aside headed by anything else (an agenda, "À lire aussi")
    stays furniture."""
    page = """<html><body><article><h1>Entretien</h1><p>La ville mène des projets.</p>
<aside class="encadre"><p class="surtitre">Fiche</p><h3>Kita (Mali)</h3><p>Kita est une ville du Mali.</p>
<ul><li>2019 : envoi de livres.</li></ul></aside>
<aside class="encadre"><h3>Agenda</h3><p>12 mars 2025 : réunion publique.</p></aside>
</article></body></html>"""
    assert [(b.kind, b.text) for b in html_blocks(page)[1:]] == [
        ("paragraph", "La ville mène des projets."), ("heading", "Kita (Mali)"),
        ("paragraph", "Kita est une ville du Mali."), ("list_item", "2019 : envoi de livres.")]


def test_a_date_written_over_two_columns_of_a_table_is_read_as_one_label():
    """Issue 20: a table "Année | Précision | Action" writes each date's year in one column
    and the rest of it in the next ("mars", "jusqu'en 2017", "depuis, en cours", "puis
    2022 et 2023"); a year cell spanning two rows dates both. A column that holds no rest
    of a date ("Lieu") stays a field of its row."""
    page = """<html><body><main><h1>Nos villes amies</h1><h2>Kita (Mali)</h2><table>
<thead><tr><th>Année</th><th>Précision</th><th>Lieu</th><th>Action</th></tr></thead><tbody>
<tr><td>2013</td><td>jusqu’en 2017</td><td>Kita</td><td>Construction d’une école.</td></tr>
<tr><td rowspan="2">2019</td><td>mars</td><td>Ivry</td><td>Venue de deux enseignants.</td></tr>
<tr><td>—</td><td>Kita</td><td>Envoi de manuels scolaires.</td></tr>
<tr><td>2020</td><td>depuis, en cours</td><td>Kita</td><td>Parrainage d’élèves.</td></tr>
<tr><td>2021</td><td>puis 2022 et 2023</td><td>Kita</td><td>Chantiers de jeunes.</td></tr>
</tbody></table></main></body></html>"""
    actions = extract(parse(html_blocks(page)))["actions"]
    assert [a["period"] for a in actions] == ["2013/2017", "2019-03", "2019", "2020/..", "{2021,2022,2023}"]
    assert [a["is_ongoing"] for a in actions] == [False, False, False, True, False]


def test_a_list_styled_as_an_agenda_inside_a_partner_section_is_its_entries():
    """Issue 20: a town's page styled as an agenda gives each entry a calendar tile (the
    month abbreviated, the year apart, an arrow between a range's years) in a list whose
    class names an agenda: inside a partner's section it lists that partner's entries; an
    agenda beside the sections (a sidebar, a newsletter's tile) stays the site's."""
    tile = ('<li class="agenda-item"><div class="tile">{}</div>'
            '<div class="agenda-item__body"><p>{}</p></div></li>')
    page = ("<html><body><main><h1>Nos villes amies</h1>"
            '<section><h2>Kita (Mali)</h2><ul class="agenda-list">'
            + tile.format('<span>2011</span>\n<span aria-label="à">↓</span>\n<span>2013</span>',
                          "construction d’une école.")
            + tile.format('<span>OCT.</span>\n<span>2018</span>', "venue de deux enseignants.")
            + tile.format('<span>DEPUIS</span>\n<span>2020</span>', "parrainage d’élèves.")
            + '</ul></section><div class="block-agenda"><p>Mars 2025 : fête de la musique.</p></div>'
            "</main></body></html>")
    actions = extract(parse(html_blocks(page)))["actions"]
    assert [(a["partner_id"], a["period"]) for a in actions] == [
        ("kita", "2011/2013"), ("kita", "2018-10"), ("kita", "2020/..")]


def test_an_accordion_s_last_panel_is_no_date_of_its_card():
    """Issue 20: a partner's entries grouped by decade in folded panels (``<details>``,
    "Les années 2010", "Depuis 2020"): the summary of the last panel heads its entries, it
    is no date that ends the card (its panel would be taken out) nor an ongoing entry."""
    panel = ('<details><summary>{} <span class="badge">{} actions</span></summary>'
             '<div><ul>{}</ul></div></details>')
    sections = "".join(
        f'<section><h2>{place}</h2><p>Notre partenaire depuis longtemps.</p><div class="accordion">'
        + panel.format("Les années 2010", 1, f"<li><strong>2015</strong> : {first}.</li>")
        + panel.format("Depuis 2020", 1, f"<li><strong>Mai 2022</strong> : {last}.</li>")
        + "</div></section>"
        for place, first, last in (("Kita (Mali)", "forage", "venue de jeunes"),
                                   ("Matanzas (Cuba)", "envoi de livres", "concert"),
                                   ("Gao (Mali)", "jardin scolaire", "échange d’élus")))
    page = f"<html><body><main><h1>Nos villes amies</h1>{sections}</main></body></html>"
    actions = extract(parse(html_blocks(page)))["actions"]
    assert [(a["partner_id"], a["period"]) for a in actions] == [
        ("kita", "2015"), ("kita", "2022-05"), ("matanzas", "2015"), ("matanzas", "2022-05"),
        ("gao", "2015"), ("gao", "2022-05")]
def test_a_thread_of_numbered_posts_is_read_as_its_posts_words():
    """A social network's thread embedded in a page: each post opens with its number
    ("11/ 2016 : …" is post 11 about 2016, not November 2016), a post may go on in the
    next one ("(suite ⤵)"), and the author, time and counters around each post are its
    furniture, never a dated entry."""
    def post(n: int, text: str, minute: int) -> str:
        return (f'<div class="post"><div class="meta"><span>Mairie de Melun</span> <span>@melun.fr</span> · '
                f'<time datetime="2024-11-0{minute % 3 + 4}T09:{minute:02d}:00Z">{minute % 3 + 4} nov. 2024 à 9:{minute:02d}'
                f'</time></div><p>{n}/ {text}</p><div class="counts">{n * 3} ♥ · {n} 🔁</div></div>')
    posts = ["Nos amitiés avec le monde, en quelques messages 👇", "🇲🇱 Kita (Mali) 👇",
             "11/ 2016 : construction d’une école de quatre classes. (suite ⤵)",
             "Les parents d’élèves ont fabriqué les briques.", "Mai 2019 : visite de six élus.",
             "🇪🇸 Pontevedra (Espagne) 👇", "2021 : échange de chorales."]
    page = _page("".join(post(n, text.removeprefix("11/ "), 10 + n) for n, text in enumerate(posts, start=10)))
    assert _labels(page) == [
        [("2016", "2016 : construction d’une école de quatre classes. Les parents d’élèves ont fabriqué "
                  "les briques."), ("Mai 2019", "Mai 2019 : visite de six élus.")],
        [("2021", "2021 : échange de chorales.")]]


def test_numbers_that_do_not_follow_one_another_are_no_thread():
    """Two numbered paragraphs, or three whose numbers do not follow, are no thread: their
    words are read as written."""
    for numbers in ((12, 13), (12, 3, 7)):
        page = _page("<h2>Kita (Mali)</h2>" + "".join(f"<p>{n}/ 2015 : forage.</p>" for n in numbers))
        texts = [b.text for b in read_bytes(page.encode(), "page.html").blocks if "forage" in b.text]
        assert texts == [f"{n}/ 2015 : forage." for n in numbers]


def test_a_heading_s_subtitle_and_a_section_s_summary_line_make_no_entry():
    """A partner heading ends with a subtitle in smaller print ("accord d’amitié conclu en
    2011"), and the section ends with its summary ("Dernier projet : mars 2024 · 4 projets
    répertoriés"): the heading is the place's, the summary no entry."""
    page = _page('<section><h2>La commune rurale de Kita dans la région de Kayes au Mali (Mali) <small>accord '
                 'd’amitié conclu en 2011 avec la ville</small></h2><p>2019 : construction d’un puits.</p>'
                 '<p>Mars 2024 : envoi de manuels scolaires.</p><p class="meta">Dernier projet : mars 2024 · '
                 '4 projets répertoriés · <a href="#top">Haut de page</a></p></section>'
                 '<section><h2>Pontevedra (Espagne) <small>jumelée depuis 1985</small></h2>'
                 '<p>2022 : échange de chorales.</p></section>')
    assert _labels(page) == [[("2019", "2019 : construction d’un puits."),
                              ("Mars 2024", "Mars 2024 : envoi de manuels scolaires.")],
                             [("2022", "2022 : échange de chorales.")]]
    headings = [b.text for b in read_bytes(page.encode(), "page.html").blocks if b.kind == "heading"]
    assert headings[1:] == ["La commune rurale de Kita dans la région de Kayes au Mali (Mali)",
                            "Pontevedra (Espagne)"]


def test_a_page_translated_into_english_reads_its_english_date_labels_and_its_french_text():
    """A site's machine translation (``<html lang="en">``): the labels are in English
    ("Since 2011", "From 2004 to 2009", "Autumn 2022", "February 2023"), the texts left in
    French carry ``lang="fr"``, a new entry is written in English, and a "Last updated"
    line is the CMS's."""
    page = ('<html lang="en"><body><main><h1>Our partner towns</h1><h2>Kita (Mali)</h2>'
            '<p lang="fr">La coopération avec Kita a été signée en 1998.</p>'
            '<p><strong>From 2004 to 2009</strong>: <span lang="fr">construction de trois puits.</span></p>'
            '<p><strong>Since 2011</strong>: <span lang="fr">parrainage de la cantine scolaire.</span></p>'
            '<p><strong>Autumn 2022</strong>: <span lang="fr">accueil de deux enseignantes.</span></p>'
            '<p><strong>February 2023</strong>: the exchange of the school choirs was called off after the '
            'visas were refused.</p><p>Last updated: 03/04/2024</p></main></body></html>')
    data = tables(extract(parse(read_bytes(page.encode(), "page.html").blocks), {}))
    assert [p.get("agreement_year") for p in data["partners"]] == [1998]
    got = [(a["start_year"], a["start_month"], a["end_year"], a["status"] or None)
           for a in data["actions"]]
    assert got == [(2004, None, 2009, None), (2011, None, None, "ongoing"),
                   (2022, None, 2022, None), (2023, 2, 2023, "cancelled")]


def test_an_embedded_thread_s_links_to_its_network_are_the_site_s_words():
    page = _page("<h2>Kita (Mali)</h2><p>2019 : construction d’un puits.</p>"
                 "<p>Voir la publication sur mastodon.social · Suivre @melun@mastodon.social</p>")
    assert _labels(page) == [[("2019", "2019 : construction d’un puits.")]]


GANTT_PAGE = """<html lang="fr"><body><main><h1>Nos villes amies</h1>
<h2>Kita (Mali)</h2><p>La ville de Kita est notre partenaire depuis 1994.</p>
<table><caption>Nos chantiers au fil des ans</caption>
<thead><tr><th>Chantier</th>{years}</tr></thead><tbody>{rows}</tbody></table>
<p>2015 : creusement d’un puits.</p>
</main></body></html>"""


def _gantt(years: list[str], rows: list[tuple[str, list[str]]], first: str = "Chantier") -> str:
    head = "".join(f"<th scope='col'>{y}</th>" for y in years)
    body = "".join(f"<tr><th scope='row'>{text}</th>{''.join(cells)}</tr>" for text, cells in rows)
    return GANTT_PAGE.format(years=head, rows=body).replace("<th>Chantier</th>", f"<th>{first}</th>")


def test_a_timeline_chart_dates_each_row_by_the_columns_it_colours():
    """Issue r21: a table drawn as a time line (a Gantt chart), a column per year and a
    row per programme whose only date is a coloured empty cell spanning its years: each
    row is an entry dated from the header of its first coloured column to its last; a
    row coloured in one column is that year; a row coloured nowhere stays, undated."""
    blank = "<td></td>"
    page = _gantt(["2018", "2019", "2020", "2021", "2022"], [
        ("Réfection de l’école du quartier nord avec 12 jeunes.",
         [blank, "<td class='plein' colspan='3'></td>", blank]),
        ("Envoi d’une ambulance.", [blank, blank, blank, blank, "<td class='plein'></td>"]),
        ("Soutien aux maraîchères du village.", [blank] * 5)])
    actions = extract(parse(html_blocks(page)))["actions"]
    assert [(a["period"], a["participants"], a["text"]) for a in actions] == [
        ("2019/2021", 12, "2019-2021 : Réfection de l’école du quartier nord avec 12 jeunes."),
        ("2022", None, "2022 : Envoi d’une ambulance."),
        (None, None, "Soutien aux maraîchères du village."),
        ("2015", None, "2015 : creusement d’un puits.")]


@pytest.mark.parametrize("on,off", [
    ("<td style='background:#2a7'></td>", "<td style='background:#fff'></td>"),  # a colour each
    ("<td bgcolor='green'>&nbsp;</td>", "<td>&nbsp;</td>"),  # the old attribute
    ("<td>X</td>", "<td></td>"),  # a letter that ticks the year
    ("<td class='case on'>■</td>", "<td class='case'></td>"),  # a mark and a class
])
def test_a_timeline_chart_reads_any_mark_that_sets_cells_apart(on, off):
    """Issue r21: the years of a time line's row are the cells set apart from its blank
    ones, whatever sets them apart (a colour in a style or an attribute, a letter or a
    sign, a class), one cell a year as well as one spanning them; a column of the budget
    beside the years is the row's field."""
    page = _gantt(["2018", "2019", "2020", "2021", "Budget"], [
        ("Réfection de l’école du quartier nord.", [off, on, on, off, "<td>8 000 €</td>"]),
        ("Envoi d’une ambulance.", [on, off, off, off, "<td>—</td>"])])
    actions = extract(parse(html_blocks(page)))["actions"]
    assert [(a["period"], a["amount_eur"], a["text"].splitlines()[0]) for a in actions[:2]] == [
        ("2019/2020", 8000, "2019-2020 : Réfection de l’école du quartier nord."),
        ("2018", None, "2018 : Envoi d’une ambulance.")]


def test_a_timeline_chart_of_months_and_a_table_of_dated_words_are_told_apart():
    """Issue r21: a time line by month ("janv. 2024", "févr. 2024", …) dates its rows by
    the months it colours; a table whose cells under the years say something (a review's
    table of partners by years) is not a time line and keeps its reading."""
    months = ["janv. 2024", "févr. 2024", "mars 2024", "avr. 2024"]
    page = _gantt(months, [("Chantier d’été des jeunes.", ["<td></td>", "<td class='x' colspan='2'></td>",
                                                          "<td></td>"])], first="Action")
    actions = extract(parse(html_blocks(page)))["actions"]
    assert [(a["period"], a["text"]) for a in actions[:1]] == [
        ("2024-02/2024-03", "févr. 2024 - mars 2024 : Chantier d’été des jeunes.")]
    words = _gantt(["2018", "2019", "2020"], [
        ("Kita", ["<td>Forage</td>", "<td class='x'>Envoi de livres</td>", "<td></td>"])])
    assert "2018-2019 :" not in " ".join(b.text for b in html_blocks(words))
    figures = _gantt(["2018", "2019", "2020"], [("Jeunes accueillis", ["<td>8</td>", "<td>9</td>", "<td></td>"]),
                                                ("Élus reçus", ["<td>2</td>", "<td></td>", "<td></td>"])])
    assert not any(b.text.startswith(("2018 :", "2018-2019 :")) for b in html_blocks(figures))


def test_a_timeline_chart_of_several_partners_heads_each_row_by_its_partner():
    """Issue r21: a time line of every partner's programmes, its partner in a column of its
    own ("Ville partenaire | Programme | 2019 | …"): each partner's cell heads its rows, as
    in any table of entries with the partner in each row."""
    page = """<html lang="fr"><body><main><h1>Nos villes amies</h1>
<p>La ville coopère avec :</p><ul><li>Kita (Mali)</li><li>Matanzas (Cuba)</li></ul>
<table><thead><tr><th>Ville partenaire</th><th>Programme</th><th>2019</th><th>2020</th><th>2021</th></tr></thead>
<tbody><tr><td>Kita (Mali)</td><td>Réfection du dispensaire.</td><td class="on" colspan="2"></td><td></td></tr>
<tr><td>Matanzas (Cuba)</td><td>Chantier de l’école de musique.</td><td></td><td></td><td class="on"></td></tr>
</tbody></table></main></body></html>"""
    actions = extract(parse(html_blocks(page)))["actions"]
    assert [(a["partner_id"], a["period"], a["text"]) for a in actions] == [
        ("kita", "2019/2020", "2019-2020 : Réfection du dispensaire."),
        ("matanzas", "2021", "2021 : Chantier de l’école de musique.")]


@pytest.mark.parametrize("chrome", [
    # a blog host's links to the posts before and after, with their titles and dates
    '<div class="prev-next">« <a href="/a">Réunion du 4 mars 2025 : le bilan</a> | '
    '<a href="/b">Fête de quartier 2025 : 230 visiteurs</a> »</div>',
    '<div class="older-posts"><a href="/c">Soirée du 12 avril 2024 à la Maison des jeunes</a></div>',
    '<p class="next_entry"><a href="/d">Repas solidaire du 30 novembre 2023</a></p>',
    # a post's foot: its author, hour, category, comments, permalink
    '<div class="itemfooter">Posté par amis_de_kita à 18:02 - Kita - Commentaires [4] - '
    'Permalien [#] Tags : Kita, 2025, cantine</div>',
    '<footer class="entry-footer">Rédigé le 3 mai 2025 par Lucie dans Kita | 2 réactions</footer>',
])
def test_a_blog_post_s_neighbours_and_its_foot_are_furniture(chrome):
    """A blog's post: what the host writes below it (the next and previous posts' titles,
    dated, its author and hour, comments, permalink) is no text of the post."""
    page = f"""<html><body><div id="content"><div class="blog"><h2 class="date-header">mardi 6 mai 2025</h2>
<div class="articlebody"><h4>Kita (Mali)</h4><p>2019 : une cantine scolaire a ouvert.</p>
<p>2021 : le puits du marché a été creusé.</p></div>{chrome}</div></div></body></html>"""
    texts = [b.text for b in html_blocks(page)][1:]  # the post's date header aside
    assert not any("2023" in t or "2024" in t or "2025" in t or "Posté" in t for t in texts)
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    assert sorted(a["start_year"] for a in actions) == [2019, 2021]


def test_a_class_that_only_ends_with_next_or_a_card_s_footer_stays_text():
    page = """<html><body><main><h2>Kita (Mali)</h2>
<div class="swiper-slide-next"><p>2019 : cantine scolaire.</p></div>
<div class="card-footer"><p>2021 : puits du marché.</p></div></main></body></html>"""
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    assert sorted(a["start_year"] for a in actions) == [2019, 2021]


_STORY = ("En mars 2019, une délégation de la Ville a passé dix jours à Kita pour inaugurer la "
          "cantine scolaire construite avec le comité de jumelage ; elle y a rencontré les "
          "parents d'élèves, les enseignantes et le conseil communal. En 2021, le puits du "
          "marché a été creusé avec l'aide des services techniques, et une fête a réuni tout le "
          "quartier autour de la nouvelle fontaine. En 2023, dix jeunes de Kita sont venus à "
          "notre fête de quartier.")


@pytest.mark.parametrize("marks", ['class="news-highlight"', 'class="news-detail"',
                                   'class="news-item news-item--full"'])
def test_a_news_item_told_in_full_is_the_page_s_text_not_a_teaser(marks):
    """A CMS's news box that tells its news in full (a heading that names the partner, a long
    paragraph with no link) is the article: its entries are read; a list of short teasers
    under the same mark stays furniture."""
    page = f"""<html><body><main><h1>Jumelages</h1>
<div {marks}><p class="news-date">Publié le 2 février 2024</p><h2>Kita (Mali) : vingt ans d'amitié</h2>
<p>{_STORY}</p></div>
<div class="news-list"><div class="news-card"><h3>Kita (Mali) : le film</h3><p>Projection le 4 mai 2024.</p>
<a href="/film">Lire la suite</a></div></div></main></body></html>"""
    texts = [b.text for b in html_blocks(page)]
    assert "Kita (Mali) : vingt ans d'amitié" in texts
    assert not any("Publié" in t or "Projection" in t or "le film" in t for t in texts)
    actions = tables(extract(parse(html_blocks(page))))["actions"]
    assert [(a["partner_id"], a["start_year"]) for a in actions][:1] == [("kita", 2019)]
