"""The development corpus (``tests/corpus/``): its figures only go up.

The runner (``python -m tests.corpus.score``) reads every page in-process and scores it
against its expected facts; this test fails when a figure of its table drops below the one
recorded in ``tests/corpus/scores.json``. A change that raises them records the new ones
with ``python -m tests.corpus.score --record`` (``tests/test_readme.py`` checks that the
README shows them)."""

import pytest

from .corpus import score

# The tests that read the corpus's scores (score.results(), computed once a process, four
# seconds) run in one worker of `make check` (pytest-xdist's loadgroup), not in each.
pytestmark = pytest.mark.xdist_group("corpus scores")

NO_GOLD = {"edited/idshift.txt"}  # the id-stability page: what it tests is ids, not facts


def test_every_page_has_its_expected_facts_and_every_gold_file_its_page():
    pages = {f"{corpus}/{path.name}" for corpus in score.CORPORA
             for path in (score.HERE / corpus).iterdir() if path.suffix in score.PAGE_SUFFIXES}
    scored = {name for name, _, _ in score.pages()}
    assert pages - scored == NO_GOLD
    golds = {f"{corpus}/{path.name}" for corpus in score.CORPORA
             for path in (score.HERE / corpus).glob("*.json")}
    used = {f"{gold.parent.name}/{gold.name}" for _, _, gold in score.pages()}
    assert golds == used


def test_the_corpus_is_the_one_described():
    """The pages and their golds, counted from the files (the reader is not run: its
    scores are the other tests', in one worker)."""
    import json

    golds = {corpus: [json.loads(gold.read_text(encoding="utf-8")) for name, _, gold in score.pages()
                      if name.startswith(f"{corpus}/")] for corpus in score.CORPORA}
    real = golds["real"]
    # round 1 (37 pages, 49 partners, 78 dated actions), round 2 (5 pages, 7 partners, 5),
    # rounds 3 and 4 (12 pages each: 16 partners and 39 actions, 20 and 43), …, rounds 19 and 20
    # (10 and 9 pages: 12 partners and 34 actions, 20 and 28), rounds 21 and 22 (9 and 10
    # pages: 10 partners and 31 actions, 16 and 27), rounds 23, 24 and 25 (11, 10 and 10 pages:
    # 14 partners and 30 actions, 11 and 14, 13 and 30), rounds 26, 27 and 28 (10 pages each:
    # 13 partners and 28 actions, 14 and 28, 14 and 35), rounds 29, 30 and 31 (10 pages each:
    # 10 partners and 16 actions, 20 and 29, 45 and 33)
    assert (len(real), sum(len(g["partners"]) for g in real), sum(len(g["actions"]) for g in real)) == (338, 504, 852)
    # the town's page, round 1, red teams 2 (26), 3 (20), 4 (22), 6 (8), 11 (11), 12 (8), 13 (9),
    # 14 (10), 15 (9), 16 (10) and 17 (7 of its 9: r17-deux-colonnes, r17-isotope, r17-grid-table,
    # r17-pdf-2col, r17-entretien, r17-t-counts7, r17-t-dates7), 18 (6 of its 8: r18-agenda-tuiles,
    # r18-annee-rowspan, r18-decennies, r18-bluesky-fil, r18-weglot-en, r18-chiffres-cles), 19 (6
    # of its 8: the carousel and the council's deliberation, read whole the first time, did not
    # join), 20 (its 8), 21 (its 8), 22 (its 8), 23 (its 8), 24 (its 8), 25 (its 8), 26 (its 8),
    # 27 (its 8), 28 (its 8), 29 (its 8), and helper edited13's five pages (e13-*)
    assert len(golds["edited"]) == 246


# Each corpus's figures only go up. The "all" row is their sum, not ratcheted: a figure of
# a mix drops when a corpus read less well gets more rows read (real pages read for the
# first time lower the precision of "all" while raising every figure of "real").
@pytest.mark.parametrize("corpus", score.CORPORA)
def test_no_figure_drops_below_the_recorded_one(corpus):
    now, before = score.figures(score.results())[corpus], score.recorded()[corpus]
    assert set(now) == set(before)
    dropped = {name: (was, is_) for name, was in before.items()
               if was is not None and ((is_ := now[name]) is None or is_ < was - 1e-9)}
    unread = [f"{r.page}: {r.failure}" for r in score.results()
              if r.failure and r.page.startswith(f"{corpus}/")]
    assert not dropped, f"recorded → now: {dropped}; pages not read: {unread}"


def test_the_runner_is_deterministic():
    again = score.score_page(*score.pages()[-1])
    assert again == next(r for r in score.results() if r.page == again.page)


def test_a_golds_alternatives_of_a_word_are_each_accepted():
    """"ongoing|null" accepts the status or none; a null country accepts none only."""
    from tests.corpus.score import right, right_word

    assert [right_word("ongoing|null", s) for s in ("ongoing", "", "planned")] == [True, True, False]
    assert [right_word(None, c) for c in ("", "DE")] == [True, False]
    assert [right_word("DE", c) for c in ("DE", "")] == [True, False]
    assert [right("2000|null", y) for y in (2000, None, 1999)] == [True, True, False]
