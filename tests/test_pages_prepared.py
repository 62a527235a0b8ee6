"""The pages are rendered in two steps in a run (``pipeline/emit/pages.py``): ``prepare``
makes everything but the list of downloads while the writer zips the archives, ``write``
fills the downloads in. The page must be the same bytes as one written in one step, and
what was prepared for other contents must never be used."""

from __future__ import annotations

import copy
import hashlib

from pipeline.dictionary import about, tables_of
from pipeline.emit import LAST, Contents, write_packages, write_views
from pipeline.emit import json as json_format
from pipeline.emit import pages
from pipeline.layout import Layout
from pipeline.schemas import table_names, table_schema
from pipeline.sources import Snapshot

from .conftest import SNAPSHOT


def _contents(release, text):
    data = {t: json_format.read(release / "json" / f"{t}.json", table_schema(t)) for t in table_names()}
    info = about(Snapshot(SNAPSHOT, hashlib.sha256(text.encode()).hexdigest(), None,
                          "2026-11-25T10:00:00+00:00"), text)
    return Contents(data, tables_of(data), info, "9.9.9", text)


def _page(root, contents, prepared=None):
    layout = Layout(root)
    if not layout.descriptor("csv").is_file():
        write_packages(layout, contents.data, contents.about, contents.version)
    if prepared is not None:
        pages.prepare(prepared)
    write_views(layout, contents, views=LAST)
    return (root / "index.html").read_bytes(), (root / "README.md").read_bytes()


def test_a_prepared_page_is_the_page_written_at_once(fresh_release, tmp_path):
    text = SNAPSHOT.read_text(encoding="utf-8")
    contents = _contents(fresh_release, text)
    at_once = _page(tmp_path / "once", contents)
    assert _page(tmp_path / "prepared", contents, prepared=contents) == at_once
    assert b'<section class="partner"' in at_once[0] and b'id="downloads"' in at_once[0]
    assert pages._PREPARED == []  # let go of once written


def test_what_was_prepared_for_other_contents_is_not_used(fresh_release, tmp_path):
    text = SNAPSHOT.read_text(encoding="utf-8")
    contents = _contents(fresh_release, text)
    other = copy.deepcopy(contents.data)
    other["partners"][0]["name"] = "Un autre nom"
    changed = Contents(other, tables_of(other), contents.about, "9.9.9", text)
    at_once = _page(tmp_path / "once", changed)
    assert b"Un autre nom" in at_once[0]
    assert _page(tmp_path / "stale", changed, prepared=contents) == at_once


def _block(rows, time_scale):
    """The template's block ``timelines`` rendered by Jinja2: the reference."""
    html = pages._environment("html")
    template = html.get_template(pages.TEMPLATE_NAMES["html"])
    return html.concat(template.blocks["timelines"](template.new_context(
        {"sections": rows, "scale": time_scale})))


def test_the_timelines_written_in_one_pass_are_the_templates_block(fresh_release):
    text = SNAPSHOT.read_text(encoding="utf-8")
    rows, time_scale = pages.sections(_contents(fresh_release, text))
    written = pages.timelines_html(rows, time_scale)
    assert written == _block(rows, time_scale)
    assert written.count('<li class="action"') == 46 and 'data-dated="true"' in written


def test_every_branch_of_the_timelines_is_the_templates_block():
    def row(line, left, *, status="", ongoing=False, end=None, text="Accueil <b> & \"x\" 'y'"):
        action = {"source_line": line, "source_line_end": end}
        return pages.Row(action, "2012 <i>", text, status, left, None if left is None else 3.5,
                         ongoing, f"a&b-{line}")
    sections = [
        pages.Section({"name": "Gao <Mali> & \u202eX", "source_line": 4}, 1,
                      ["Mali", "premiers liens : 1990 & <après>"],
                      [row(5, 12.34, status="réalisé <ok>", end=9), row(6, None, ongoing=True),
                       row(7, 95.0, ongoing=True, end=7, text="\u2067isolé\u2069 texte")],
                      pages.Position("14,4931°\xa0N, 9,0156°\xa0O", "Wikipédia <fi>",
                                     "https://example.org/?a=1&b=\"2\""), "gao&1"),
        pages.Section({"name": "Cottbus", "source_line": 20}, 2, [], [],
                      pages.Position("51,75°\xa0N, 14,33°\xa0E", "source", None), "cottbus"),
        pages.Section({"name": "Jifna", "source_line": 30}, 3, ["Palestine"], [row(31, None)]),
    ]
    time_scale = pages.scale([(1990.0, 2000.0), (2016.0, 2026.9)], 2026.9)
    scaled, unscaled = (pages.timelines_html(sections, s) for s in (time_scale, None))
    assert scaled == _block(sections, time_scale)
    assert unscaled == _block(sections, None)
    assert '<span class="bar ongoing" style="left:95.0%;width:3.5%">' in scaled
    assert scaled.count('class="axis-row"') == 2 and 'class="axis-row"' not in unscaled
    assert "<bdi>Gao &lt;Mali&gt; &amp; \u202eX</bdi>" in scaled
    assert 'href="https://example.org/?a=1&amp;b=&#34;2&#34;"' in scaled
