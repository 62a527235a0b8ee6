"""Partner headings, read from a corpus (tests/corpus/headings.toml): each heading ->
the place's own name (the partner's id) and its country's code, many members per form,
some written after the grammar. A heading must also start a section (it reads as a
partner heading that surely names a place, or one whose place alone names no country);
the lines of ``not_partner`` must not."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pipeline.extract import Heading, partner_country
from pipeline.read import IntroWords, heading_like, names_a_place

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "headings.toml").read_text(encoding="utf-8"))
ROWS = [(form, heading, place, code) for form, rows in CORPUS.items() if form != "not_partner"
        for heading, (place, code) in rows.items()]


def test_the_corpus_has_many_members_per_form():
    forms = {form for form, *_ in ROWS}
    assert all(sum(1 for f, *_ in ROWS if f == form) >= 5 for form in forms)


@pytest.mark.parametrize("form, heading, place, code", ROWS, ids=[f"{r[0]}: {r[1]}" for r in ROWS])
def test_a_heading_gives_its_place_and_country(form, heading, place, code):
    read = Heading.read(heading)
    assert read.place == place
    assert (partner_country(read, None, None)[1] or "") == code
    assert heading_like(heading)
    if code:
        assert names_a_place(heading, IntroWords())


@pytest.mark.parametrize("line", CORPUS["not_partner"]["lines"])
def test_a_line_that_names_no_partner_is_no_partner_heading(line):
    assert not names_a_place(line, IntroWords())


def test_a_heading_without_country_takes_its_intro_items_or_its_descriptions():
    heading = Heading.read("Notre ville jumelle : La Lisa")
    item = "La municipalité de La Lisa au sein de la ville-province de La Havane (Cuba)"
    assert partner_country(heading, item, None) == ("Cuba", "CU")
    assert names_a_place("Notre ville jumelle : La Lisa", IntroWords([item]))
    assert partner_country(Heading.read("Dianguirdé"), None,
                           "Dianguirdé est une commune malienne de la région de Kayes.")[1] == "ML"
    assert partner_country(Heading.read("Gao"), None, "La ville, située au Mali, …")[1] == "ML"
