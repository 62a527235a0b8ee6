"""The sentences of tests/corpus/facts.toml, each read as an entry of a page: who travelled,
how long and how old, which organisations and programmes it names, what happened to it;
and the sentences of a partner's description that give the year of its agreement.
The class of each case is what is tested: its sentences were written for other verbs,
tenses, places, institution words and date writings than the page's."""

import tomllib
from pathlib import Path

import pytest

from pipeline.config import Town
from pipeline.entities import organisations, programmes
from pipeline.extract import direction, entry_facts
from pipeline.numbers import age_range
from pipeline.places import agreement

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "facts.toml").read_text("utf-8"))
TOWN = Town(CORPUS["town"]["name"], tuple(CORPUS["town"]["short_names"]), CORPUS["town"]["demonym"],
            CORPUS["town"]["insee"])
CASES = [(cls["fact"], cls["name"], case) for cls in CORPUS["class"] for case in cls["cases"]]


def _read(fact, case):
    """What the reader gives for ``fact``, in the corpus's terms."""
    text, label = case["text"], case.get("label")
    if fact == "direction":
        return direction(text, TOWN)
    if fact == "duration_days":
        return entry_facts(label, text).figures.duration_days or 0
    if fact == "ages":
        return list(age_range(text) or [])
    if fact == "organisations":
        found = {m.name for m in organisations(text)}
        return [name for name in case["expected"] if name.replace("'", "’") in found or name in found]
    if fact == "programmes":
        found = {m.name for m in programmes(text)}
        return [name for name in case["expected"] if name in found]
    if fact == "status":
        return entry_facts(label, text).status or ""
    if fact == "agreement_year":
        signed = agreement(text)
        return (signed.year if signed else None) or 0  # 0: no year
    raise AssertionError(f"unknown fact {fact!r}")


@pytest.mark.parametrize("fact, name, case", [pytest.param(*c, id=f"{c[0]}: {c[2]['text'][:50]}") for c in CASES])
def test_corpus_sentence(fact, name, case):
    assert _read(fact, case) == case["expected"], name
    if "cancelled_years" in case:
        assert entry_facts(case.get("label"), case["text"]).cancelled_years == case["cancelled_years"], name


def test_corpus_covers_every_fact_with_many_sentences():
    facts = {cls["fact"] for cls in CORPUS["class"]}
    assert facts == {"direction", "duration_days", "ages", "organisations", "programmes", "status",
                     "agreement_year"}
    assert all(len(cls["cases"]) >= 4 for cls in CORPUS["class"])
    assert sum(cls["fact"] == "direction" for cls in CORPUS["class"]) >= 4
