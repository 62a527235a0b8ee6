"""The corpus of forms (pipeline/french/corpus/dates.toml) against the grammar: every
example and variant of every form reads as the corpus says, its EDTF string is EDTF for
python-edtf with the same bounds, and docs/reading.md's table of forms is the corpus'."""

import re
from datetime import date, timedelta

import pytest
from edtf import parse_edtf, struct_time_to_date

from pipeline.dates import Period, date_in, parse_label, period_in, split_any_label
from pipeline.french.forms import COMMAND, blocks, edtf_of, forms, markdown, with_tables

from .conftest import ROOT

FORMS = forms("dates")
READERS = {"label", "period_in", "date_in"}
KEYS = {"examples", "note", "reader", "found", "edtf", "start_date", "end_date", "start_month",
        "end_month", "is_ongoing", "edtfs", "variants"}
# every writing of every form: (form's index, example or variant, is it the form's first example)
WRITINGS = [(i, text, text == form["examples"][0])
            for i, form in enumerate(FORMS) for text in [*form["examples"], *form.get("variants", {})]]


def read(form, text) -> Period | None:
    """What the grammar makes of one writing, with the reader the form names."""
    reader = form.get("reader", "label")
    if reader == "date_in":
        found = date_in(text)
        assert found is not None, text
        assert found.text == form["found"][form["examples"].index(text)], text
        return found.period
    if reader == "period_in":
        assert parse_label(text) is None, f"{text!r} is a form of the grammar: not a period_in example"
        return period_in(text)
    return parse_label(text)


def edtf_bounds(edtf):
    """python-edtf's earliest and latest day (None for an open end); winter (code 24) runs
    to February's end, where python-edtf stops it on 31 December (README's choice)."""
    parsed = parse_edtf(edtf)  # raises on a string that is not EDTF
    assert parse_edtf(str(parsed)).lower_strict() == parsed.lower_strict()
    low, high = parsed.lower_strict(), parsed.upper_strict()
    start = None if isinstance(low, float) else struct_time_to_date(low)
    end = None if isinstance(high, float) else struct_time_to_date(high)
    if end and re.search(r"\d{4}-24$", edtf.rsplit("/", 1)[-1].rstrip("}").rsplit(",", 1)[-1]):
        assert (end.month, end.day) == (12, 31)
        end = date(end.year + 1, 3, 1) - timedelta(days=1)
    return start, end


def names_months(point: str) -> bool:
    """True when an EDTF date names months: a month, a day, a quarter or a semester (not a
    year, a season, a season in a set, written as its months, nor a decade)."""
    return bool(re.fullmatch(r"\d{4}-(?:0\d|1[0-2]|3[3-6]|4[01])(?:-\d\d)?", point))


def columns(edtf):
    """What an EDTF string says of every column, from python-edtf's bounds and the
    precision of its first and last date. A year left unspecified ("XXXX-10-03") gives
    months only: python-edtf's bounds then run from year 0 to 9999, their months the
    page's; no year and no day of the calendar."""
    if "XXXX" in edtf:
        parsed = parse_edtf(edtf)  # raises on a string that is not EDTF
        assert parse_edtf(str(parsed)).lower_strict() == parsed.lower_strict()
        low, high = parsed.lower_strict(), parsed.upper_strict()
        assert (low.tm_year, high.tm_year) == (0, 9999), edtf  # python-edtf's unknown year
        return {"start_date": None, "end_date": None, "is_ongoing": False, "start_year": None,
                "end_year": None, "start_month": low.tm_mon, "end_month": high.tm_mon}
    start, end = edtf_bounds(edtf)
    members = edtf.strip("{}").split(",")  # a set's members; a season in a set is its months,
    first, last = members[0].split("/")[0], members[-1].split("/")[-1]  # "2021-03..2021-05"
    return {"start_date": start, "end_date": end, "is_ongoing": end is None,
            "start_year": start and start.year, "end_year": end and end.year,
            "start_month": start.month if start and names_months(first) else None,
            "end_month": end.month if end and names_months(last) else None}


def test_the_corpus_is_well_formed():
    texts = [text for _, text, _ in WRITINGS]
    assert len(texts) == len(set(texts)), "a writing is in two forms, or twice in one"
    for form in FORMS:
        assert set(form) <= KEYS, set(form) - KEYS
        assert form["examples"] and "edtf" in form and "is_ongoing" in form, form
        assert form.get("reader", "label") in READERS, form
        assert set(form.get("edtfs", {})) <= set(form["examples"][1:]), form["examples"]
        assert all(form["edtfs"][e] != form["edtf"] for e in form.get("edtfs", {})), "edtfs holds only others"
        assert ("found" in form) == (form.get("reader") == "date_in"), form["examples"]
        if "found" in form:
            assert len(form["found"]) == len(form["examples"])


@pytest.mark.parametrize("index, text, first", WRITINGS, ids=[text for _, text, _ in WRITINGS])
def test_every_writing_reads_as_the_corpus_says(index, text, first):
    form = FORMS[index]
    period = read(form, text)
    assert period is not None, f"{text!r} is not understood"
    assert period.edtf == edtf_of(form, text)
    said = columns(period.edtf)
    got = {key: getattr(period, key) for key in said}
    assert got == said, "the columns are not what the EDTF string says"
    if first:  # the form's written values, by hand
        written = {"start_date": form.get("start_date"), "end_date": form.get("end_date"),
                   "start_month": form.get("start_month"), "end_month": form.get("end_month"),
                   "is_ongoing": form["is_ongoing"]}
        assert {key: got[key] for key in written} == written


@pytest.mark.parametrize("index, text, first", [w for w in WRITINGS if FORMS[w[0]].get("reader", "label") == "label"],
                         ids=[text for i, text, _ in WRITINGS if FORMS[i].get("reader", "label") == "label"])
def test_every_label_opens_an_entry(index, text, first):
    assert split_any_label(text + " : texte") == (text, "texte", True)


def test_the_corpus_holds_every_kind_of_reading():
    kinds = {form.get("reader", "label") for form in FORMS}
    assert kinds == READERS
    assert len(FORMS) >= 40 and len(WRITINGS) >= 170


# --- docs/reading.md's table is the corpus' ------------------------------------------------------

README = (ROOT / "docs" / "reading.md").read_text(encoding="utf-8")


def test_the_readme_holds_the_table_of_date_forms():
    assert blocks(README) == ["dates"]


def test_the_readme_table_is_the_corpus():
    assert with_tables(README) == README, (
        f"docs/reading.md's table of forms differs from pipeline/french/corpus/dates.toml: `{COMMAND}` rewrites it")


def test_the_table_has_a_row_a_form():
    rows = markdown("dates").splitlines()
    assert len(rows) == 2 + len(FORMS)
    assert all(row.startswith("| ") and row.endswith(" |") and row.count(" | ") == 5
               for row in rows[:1] + rows[2:])
