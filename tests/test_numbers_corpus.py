"""The sentences of tests/corpus/numbers.toml, each read as a page's entry: its head count
and its amount, class by class (``once``: the entry happened on a day or in a month)."""

import tomllib
from pathlib import Path

import pytest

from pipeline.numbers import Quantity, amount, participants

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "numbers.toml").read_text("utf-8"))
CASES = [(cls["name"], case) for cls in CORPUS["class"] for case in cls["cases"]]


def _param(name, case):
    return pytest.param(name, case, id=case["phrase"][:60])


@pytest.mark.parametrize("name, case", [_param(name, case) for name, case in CASES])
def test_corpus_phrase(name, case):
    approx = case.get("approx", False)
    expected_people = Quantity(case["participants"], approx) if "participants" in case else None
    expected_amount = (Quantity(case["amount"], approx), case["kind"]) if "amount" in case else None
    said = participants(case["phrase"], once=case.get("once", False))  # once: an event of a day or a month
    assert (said, amount(case["phrase"])) == (expected_people, expected_amount), name


def test_corpus_has_many_members_per_class():
    assert len(CORPUS["class"]) >= 8
    assert all(len(cls["cases"]) >= 8 for cls in CORPUS["class"])
