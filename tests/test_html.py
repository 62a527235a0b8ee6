"""The HTML page and the text snapshot give the same tables."""

import pytest

from pipeline.extract import extract
from pipeline.parse import parse
from pipeline.read import html_blocks, read_bytes, text_blocks

from .conftest import SNAPSHOT
from .html_pages import render

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
])
def test_html_rendering_gives_the_same_tables(page_text, from_text, layout):
    from_html = tables_without_lines(html_blocks(render(page_text, **layout)))
    for table, rows in from_text.items():
        assert from_html[table] == rows, table
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
    with pytest.raises(PipelineError, match="no article text"):
        read_bytes(b"<html><body><nav><a href='/'>Accueil</a></nav><footer>x</footer></body></html>",
                   "page.html")


def test_truncated_html_is_refused_by_the_reader():
    from pipeline.errors import PipelineError
    page = b"<html><body><main><h1>Jumelages</h1><h2>Dianguird\xc3\xa9 (Mali)</h2><p>2016 : cartographie num"
    with pytest.raises(PipelineError, match="looks truncated"):
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
