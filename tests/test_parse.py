"""The page's structure: sections, entries, and the text that belongs to each."""

import pytest

from pipeline.errors import PipelineError
from pipeline.parse import parse
from pipeline.read import text_blocks


def entries_of(page):
    return [e for s in page.sections for e in s.entries]


def test_six_partner_sections_at_their_lines(page):
    assert [s.heading.line for s in page.sections] == [12, 36, 60, 88, 100, 120]


def test_45_dated_entries_and_one_undated(page):
    entries = entries_of(page)
    assert len(entries) == 46
    assert [e.line for e in entries if e.label is None] == [74]


def test_run_together_line_is_two_entries(page):
    on_130 = [e for e in entries_of(page) if e.line == 130]
    assert [e.label for e in on_130] == ["2008", "2007-2011"]
    assert on_130[0].text.endswith("suite aux passages des ouragans Gustav et Luke.")
    assert on_130[1].text.startswith("2007-2011, le programme de rénovation urbaine")


def test_bullet_list_stays_in_its_entry(page):
    (entry,) = [e for e in entries_of(page) if e.line == 90]
    assert (entry.line, entry.line_end) == (90, 95)
    assert "\n• La participation à un camp d’été sportif.\n" in entry.text
    assert entry.text.count("\n• ") == 5


def test_continuation_paragraphs_join_the_entry_above(page):
    by_line = {e.line: e for e in entries_of(page)}
    assert by_line[104].line_end == 106
    assert "\n\nEn lien avec le Centre Municipal de Santé, les enfants" in by_line[104].text
    assert by_line[112].line_end == 114
    assert by_line[112].text.endswith("découvrir la réalité de la vie dans les camps de réfugié·es.")


def test_undated_paragraph_is_an_entry_of_its_own(page):
    (entry,) = [e for e in entries_of(page) if e.line == 74]
    assert entry.text.startswith("Collaboration avec le Théâtre National de Palestine")


def test_description_is_what_comes_before_the_first_dated_entry(page):
    assert [[b.line for b in s.description] for s in page.sections] == [
        [14], [38], [62], [], [102], [122]]


def test_page_frame_is_set_aside_not_lost(page):
    assert [(x.block.line, x.reason) for x in page.set_aside] == [
        (1, "page title"), (3, "page introduction"), (134, "site navigation link")]


def test_intro_keeps_its_six_list_items(page):
    assert [b.line for b in page.intro] == [5, 6, 7, 8, 9, 10]


def test_a_page_without_partner_headings_is_refused():
    with pytest.raises(PipelineError, match="no partner heading"):
        parse(text_blocks("Jumelages\n\n2003-2014 : accueil de six jeunes.\n"))
