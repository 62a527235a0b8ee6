"""The page's next edit: edited versions of the real page, in text and in three CMS layouts,
are read with every entry under its partner, its label as written, and every id of an
unchanged entry kept; shuffling, inserting or deleting entries keeps every other id."""

import json
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.extract import extract
from pipeline.parse import parse
from pipeline.load import read_bytes
from pipeline.read import text_blocks

from .conftest import SNAPSHOT
from .edited_pages import FORMATS, edited_page, published_page, restated_slug, source
from .properties import examples, ways

SEEDS = range(60)


def test_the_unedited_page_gives_the_published_partner_facts():
    published = json.loads((SNAPSHOT.parent.parent / "output" / "json" / "partners.json").read_text(
        encoding="utf-8"))
    for fmt in FORMATS:
        got = read(published_page(), fmt)["partners"]
        for field in ("description", "relationship", "agreement_year", "first_link_year"):
            assert [p[field] for p in got] == [p[field] for p in published], (fmt, field)


def test_the_generator_writes_the_published_page_as_it_is():
    written = published_page().text().splitlines()
    page = [line.rstrip() for line in SNAPSHOT.read_text(encoding="utf-8").splitlines()]
    assert [line for line in written if line] == [line for line in page if line]


def read(page, fmt):
    data, name = source(page, fmt)
    return extract(parse(read_bytes(data, name).blocks))


@cache
def unedited(fmt):
    """The unedited page's actions in a format, by id."""
    return {a["action_id"]: a for a in read(published_page(), fmt)["actions"]}


LINES = {"source_line", "source_line_end"}  # where an entry is moves with the edits


@pytest.mark.parametrize("seed", SEEDS)
def test_an_edited_page_is_read_right_in_every_format(seed):
    page = edited_page(seed)
    for fmt in ways(seed, FORMATS):
        records = read(page, fmt)
        partners = [(p["partner_id"], p["heading"], p["intro_item"]) for p in records["partners"]]
        assert partners == page.expected_partners(), (fmt, page.edits)
        descriptions = {p["partner_id"]: p["description"] for p in records["partners"]}
        assert descriptions == page.expected_facts(), (fmt, page.edits)
        before = unedited(fmt)
        for action in records["actions"]:  # an entry the edits left as it was keeps every field
            if action["action_id"] in before and action["text"] == before[action["action_id"]]["text"]:
                same = {k: v for k, v in before[action["action_id"]].items() if k not in LINES}
                assert {k: v for k, v in action.items() if k not in LINES} == same, (fmt, page.edits)
        entries = [(a["partner_id"], a["date_label"], a["text"]) for a in records["actions"]]
        assert entries == page.expected_entries(), (fmt, page.edits)
        ids = [a["action_id"] for a in records["actions"]]
        kept = [(got, want) for got, want in zip(ids, page.expected_ids(), strict=True) if want]
        assert all(got == want for got, want in kept), (fmt, page.edits)
        assert len(set(ids)) == len(ids)


@pytest.mark.slow  # six whole runs to a release; the reading of edited pages stays fast above
@pytest.mark.parametrize("seed", [3, 7, 11])
def test_an_edited_page_runs_without_any_flag(tmp_path, capsys, seed):
    """The officer's routine: ``run`` on the edited page, no flag, and a valid release."""
    page = edited_page(seed)
    for fmt in ("txt", "spip"):
        data, name = source(page, fmt)
        path = tmp_path / fmt / name
        path.parent.mkdir()
        path.write_bytes(data)
        out = tmp_path / fmt / "out"
        assert main(["run", "--source", str(path), "--output", str(out), "--first-release"]) == 0, \
            capsys.readouterr().err
        report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
        assert report["unassigned"] == []
        actions = json.loads((out / "json" / "actions.json").read_text(encoding="utf-8"))
        assert [a["text"] for a in actions] == [text for _, _, text in page.expected_entries()]


# --- Properties of the ids ---------------------------------------------------------------

years = st.integers(1990, 2030)
LABELS = st.one_of(
    years.map(str), st.tuples(years, years).map(lambda y: f"{min(y)}-{max(y)}"),
    years.map(lambda y: f"Juin {y}"), years.map(lambda y: f"Depuis {y}"),
    years.map(lambda y: f"Courant {y}"), years.map(lambda y: f"Printemps {y}"))
NOUNS = ["théâtre", "conservatoire", "musée", "collège", "stade", "jardin", "marché", "port"]
UNDATED = st.tuples(st.sampled_from(["Partenariat avec le", "Soutien au", "Collaboration avec le"]),
                    st.sampled_from(NOUNS), st.sampled_from(NOUNS)).map(
    lambda t: f"{t[0]} {t[1]} et au {t[2]} de Tamba.")
ENTRIES = st.lists(st.one_of(LABELS.map(lambda label: f"{label} : action à Tamba."), UNDATED),
                   min_size=1, max_size=12)


def page_of(entries):
    """A page of one partner; the first entry is dated, so that none becomes its description."""
    body = "\n\n".join(["2000 : ouverture du partenariat.", *entries])
    return f"Jumelages\n\nTamba (Mali)\n\n{body}\n"


def ids_by_text(entries):
    actions = extract(parse(text_blocks(page_of(entries))))["actions"]
    return {a["text"]: a["action_id"] for a in actions}


def key(entry):
    """The entry's kind, as the id rule has it: its label, or its first five words."""
    return restated_slug(entry.split(" : ")[0] if " : " in entry else " ".join(entry.split()[:5]))


def alone(entry, entries):
    return entries.count(entry) == 1


@settings(max_examples=examples(150), deadline=None)
@given(ENTRIES.flatmap(lambda e: st.tuples(st.just(e), st.permutations(e))))
def test_shuffling_entries_keeps_the_id_of_every_entry_alone_of_its_kind(lists):
    entries, shuffled = lists
    before, after = ids_by_text(entries), ids_by_text(shuffled)
    for entry in entries:
        if [key(e) for e in entries].count(key(entry)) == 1:
            assert before[entry] == after[entry]


@settings(max_examples=examples(150), deadline=None)
@given(ENTRIES, st.one_of(LABELS.map(lambda label: f"{label} : nouvelle action."), UNDATED),
       st.integers(0, 12))
def test_inserting_an_entry_keeps_every_other_id(entries, new, where):
    where = min(where, len(entries))
    before = ids_by_text(entries)
    after = ids_by_text([*entries[:where], new, *entries[where:]])
    for entry in entries:
        if key(entry) != key(new) and alone(entry, entries):
            assert before[entry] == after[entry]


@settings(max_examples=examples(150), deadline=None)
@given(ENTRIES, st.integers(0, 11))
def test_deleting_an_entry_keeps_every_other_id(entries, which):
    which = min(which, len(entries) - 1)
    rest = entries[:which] + entries[which + 1:]
    before, after = ids_by_text(entries), ids_by_text(rest)
    for entry in rest:
        if key(entry) != key(entries[which]) and alone(entry, entries):
            assert before[entry] == after[entry]
