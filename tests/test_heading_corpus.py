"""Partner headings, read from a corpus (tests/corpus/headings.toml): each heading ->
the place's own name (the partner's id) and its country's code, many members per form,
some written after the grammar. A heading must also start a section (it reads as a
partner heading that surely names a place, or one whose place alone names no country);
the lines of ``not_partner`` must not."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pipeline.extract import Heading, extract, partner_country
from pipeline.french import lexicon
from pipeline.parse import parse
from pipeline.read import IntroWords, heading_like, names_a_place, text_blocks

from .conftest import SNAPSHOT, records_of

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


def _ids(records):
    return ([p["partner_id"] for p in records["partners"]],
            sorted(a["action_id"] for a in records["actions"]))


@pytest.mark.parametrize("edited", [
    "Jumelage avec Jérusalem-Est (Palestine)",       # a lead-in
    "Notre ville partenaire : Jérusalem-Est",        # a lead-in, no country
    "Jérusalem-Est, ville palestinienne",            # a country adjective
    "Coopération avec la ville de Jérusalem-Est – Palestine",
])
def test_a_reworded_heading_keeps_the_partner_and_every_action_id(edited):
    text = SNAPSHOT.read_text(encoding="utf-8")
    before = records_of(text)
    after = records_of(text.replace("\nJérusalem-Est (Palestine)\n", f"\n{edited}\n", 1))
    assert _ids(after) == _ids(before)
    row = next(p for p in after["partners"] if p["partner_id"] == "jerusalem-est")
    assert (row["country_code"], row["heading"]) == ("PS", edited)


def test_a_renamed_partner_is_found_again_in_the_previous_release():
    """Its place named shorter, with no intro item to name it in full: the previous
    release's partner of the same country whose name holds the new one's words."""
    text = SNAPSHOT.read_text(encoding="utf-8")
    before = records_of(text)
    edited = (text.replace("  • La ville de Jérusalem-Est ( Palestine)\n", "", 1)
              .replace("\nJérusalem-Est (Palestine)\n", "\nJérusalem (Palestine)\n", 1))
    page = parse(text_blocks(edited))
    alone = extract(page)
    assert "jerusalem" in _ids(alone)[0]
    again = extract(page, previous={a["action_id"]: a["text"] for a in before["actions"]},
                    previous_partners=before["partners"])
    assert _ids(again) == _ids(before)


# One heading of each form that names its place first, to put every lead-in of the lexicon
# before it.
_AFTER_LEAD_IN = [(h, p, c) for form in ("brackets", "comma", "preposition", "adjective", "country_of")
                  for h, (p, c) in list(CORPUS[form].items())[:3]]


@pytest.mark.parametrize("lead_in", lexicon("headings")["lead_ins"])
def test_every_lead_in_before_every_form_leaves_the_place_and_its_country(lead_in):
    for heading, place, code in _AFTER_LEAD_IN:
        for written in (f"{lead_in.capitalize()} {heading}", f"{lead_in.capitalize()} : {heading}"):
            read = Heading.read(written)
            assert (read.place, partner_country(read, None, None)[1] or "") == (place, code), written
            assert names_a_place(written, IntroWords()), written


@pytest.mark.parametrize("opener", lexicon("headings")["lead_in_openers"])
def test_every_determiner_before_a_lead_in_is_no_part_of_the_place(opener):
    for lead_in in ("jumelage avec", "ville jumelle", "amitié avec", "échanges avec"):
        joined = opener if opener.endswith("'") else f"{opener} "
        for heading, place, code in _AFTER_LEAD_IN:
            written = f"{joined.capitalize()}{lead_in} {heading}"
            read = Heading.read(written)
            assert (read.place, partner_country(read, None, None)[1] or "") == (place, code), written


@pytest.mark.parametrize("code, adjective", [(c, a) for c, adjectives in lexicon("countries")["adjectives"].items()
                                             for a in adjectives])
def test_every_country_adjective_is_read_in_every_gender_and_number(code, adjective):
    from pipeline.places import _adjectives, country_in
    forms = [f for f, c in _adjectives().items() if c == code]
    assert len(forms) >= 2  # at least a feminine or a plural besides the masculine
    for noun in ("ville", "communes", "village"):
        assert country_in(f"{noun} {adjective}") is not None
        assert country_in(f"{noun} {adjective}")[1] == code
