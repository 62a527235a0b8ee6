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
