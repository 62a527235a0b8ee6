"""What a page draws around its text and is no text of it (html_page._drop_decorations):
a stepper's numbers hidden from screen readers, a heading's permalink. Pages written for the test; without the pass, a step's "1" became a list item
of its own and "#2003-2014" a label no grammar reads (red team 27's GitBook page: 151 of
372 fields, every field once they are dropped)."""

from __future__ import annotations

from pipeline.load import read_bytes
from tests.corpus.score import _records_of

STEPPER = """<!DOCTYPE html><html><body><main><h1>Jumelages</h1>
<h2 id="kita">Kita (Mali)<a class="anchor" href="#kita">¶</a></h2>
<div class="hint"><span aria-hidden="true">ⓘ</span><p>Kita est une ville de la région de Kayes.</p></div>
<ol class="stepper">
<li data-step="1"><div class="marker" aria-hidden="true"><span>1</span></div><div class="body">
<h4 id="kita-1"><a class="anchor" href="#kita-1" aria-label="Copier le lien">#</a>2003-2014</h4>
<p>accueil de six jeunes chaque année.</p></div></li>
<li data-step="2"><div class="marker" aria-hidden="true"><span>2</span></div><div class="body">
<h4 id="kita-2"><a class="anchor" href="#kita-2">#</a>Juin 2012</h4>
<p>tournoi de football à Kita.</p></div></li>
</ol></main></body></html>"""


def test_a_steppers_numbers_glyphs_and_permalinks_are_no_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(STEPPER, encoding="utf-8")
    texts = [b.text for b in read_bytes(page.read_bytes(), page.name).blocks]
    assert not {"1", "2", "#"} & set(texts)
    assert not any(t.startswith("#") or t.endswith("¶") for t in texts)
    actions = _records_of(page)["actions"]
    assert [(a["date_label"], a["start_year"], a["start_month"], a["end_year"]) for a in actions] == [
        ("2003-2014", 2003, None, 2014), ("Juin 2012", 2012, 6, 2012)]


def test_what_a_page_hides_from_screen_readers_stays_when_it_holds_words_or_a_year():
    """Hidden from screen readers but written for the eye, with words or a year: a
    badge's date, a card's title set twice. Only marks and short numbers are decoration."""
    page = ("<!DOCTYPE html><html><body><main><h2>Kita (Mali)</h2>"
            '<p><span aria-hidden="true">2019</span> : construction d’une école.</p>'
            '<p><span aria-hidden="true">Mars 2020</span> : envoi de livres.</p></main></body></html>')
    texts = [b.text for b in read_bytes(page.encode(), "page.html").blocks]
    assert texts == ["Kita (Mali)", "2019 : construction d’une école.", "Mars 2020 : envoi de livres."]
