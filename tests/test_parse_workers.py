"""A large page's sections sorted by worker processes: the same page as in one process."""

from __future__ import annotations

from pipeline import parse as parse_module
from pipeline.gate import NO_EVIDENCE
from pipeline.parse import parse
from pipeline.read import text_blocks
from pipeline.workers import Pool

# Words of our own: three partners, a heading the gate refuses between two of them, dated
# entries, a list, a caption, a continuation paragraph and an undated one.
PAGE = """Nos villes amies

La commune coopère avec plusieurs villes :

  • Korvala (Finlande)
  • Santa Brava (Chili)
  • Duneville (Canada)

Korvala (Finlande)

Korvala est une ville du lac, à l'est du pays.

2011 : premier échange de cuisiniers entre les deux écoles hôtelières.

Ce séjour a été suivi d'une soirée de dégustation.

Printemps 2014 : une chorale de 30 choristes de Korvala chante à la fête de la musique.

Bienvenue

Votre avis nous intéresse.

Santa Brava (Chili)

2016-2019 : programme d'adduction d'eau dans trois quartiers, 45 000 €.

  • forage d'un puits
  • formation de deux techniciens

Photo : la place du marché de Santa Brava.

Une délégation a été reçue sans date précise.

Duneville (Canada)

12 mars 2022 : signature d'une charte d'amitié.
"""


def test_sections_sorted_by_workers_make_the_same_page(monkeypatch) -> None:
    alone = parse(text_blocks(PAGE))
    monkeypatch.setattr(parse_module, "PARALLEL_FROM_BLOCKS", 0)
    blocks = text_blocks(PAGE)
    with Pool(2) as workers:
        shared = parse(blocks, workers=workers)
        assert workers.busy > 0  # the workers did sort the sections
    assert shared == alone
    assert [s.heading.text for s in shared.sections] == ["Korvala (Finlande)", "Santa Brava (Chili)",
                                                         "Duneville (Canada)"]
    # the heading the gate refused keeps the gate's reason, which is given to the page's
    # own block (found by identity): the worker's copy comes back as that block
    (refused,) = [a for a in shared.set_aside if a.block.text == "Bienvenue"]
    assert refused.reason == NO_EVIDENCE
    assert any(refused.block is b for b in blocks)
    (caption,) = [a for a in shared.set_aside if a.block.text.startswith("Photo")]
    assert any(caption.block is b for b in blocks)


def test_a_synthetic_page_sorted_by_workers_is_the_same_page(monkeypatch) -> None:
    from bench.synthetic import page as synthetic_page

    text = synthetic_page(300)
    alone = parse(text_blocks(text))
    monkeypatch.setattr(parse_module, "PARALLEL_FROM_BLOCKS", 100)
    with Pool(2) as workers:
        shared = parse(text_blocks(text), workers=workers)
        assert workers.busy > 0
    assert shared == alone
    assert sum(len(s.entries) for s in shared.sections) >= 300


def test_a_small_page_is_sorted_in_the_run_s_process() -> None:
    with Pool(2) as workers:
        parse(text_blocks(PAGE), workers=workers)
        assert workers.busy == 0


def test_one_worker_does_not_sort_them_while_the_run_waits(monkeypatch) -> None:
    monkeypatch.setattr(parse_module, "PARALLEL_FROM_BLOCKS", 0)
    with Pool(1) as workers:
        parse(text_blocks(PAGE), workers=workers)
        assert workers.busy == 0
