"""Which lines of a page name its partners, and which never do: by-lines, a post's tags,
the town's own group of communes (headings), and the partners a story names besides the
one it tells of (several after a cue of twinning, "respectivement", a pair in the title, the
town and another place as one subject of a cooperation). Pages written here, from the forms
real pages of other towns use (tests/corpus/real), with other places and other words."""

from __future__ import annotations

import pytest

from pipeline.config import load, using
from pipeline.parse import parse
from pipeline.read import text_blocks

from .test_town import _one_page_town


def _town(tmp_path, name: str, short: str):
    return load(_one_page_town(tmp_path / "town", name, short, "99999", "", ""))


def _partners(page: str) -> list[str]:
    return [s.heading.text for s in parse(text_blocks(page)).sections]


def test_a_by_line_with_its_authors_role_is_no_partner_heading(tmp_path):
    """"Rédacteur <name> <his committee>" above a booklet's story reads like a place's
    name in capitals: it is the article's furniture, and the story's partner is found."""
    page = ("LES QUINZE ANS DU JUMELAGE ENTRE SAINT-ALBAN ET KORIENZÉ\n\n"
            "Rédactrice Anne MARCHAL-DUBOIS Commission des Relations Internationales\n\n"
            "En 2009, une délégation de Saint-Alban s'est rendue à Korienzé pour la signature "
            "de la charte de jumelage entre nos deux communes et elle a été reçue par le maire.\n")
    with using(_town(tmp_path, "Saint-Alban", "Saint-Alban")):
        assert [p.split(" (")[0] for p in _partners(page)] == ["Korienzé"]


def test_a_line_of_the_posts_tags_is_no_partner_heading(tmp_path):
    """"Solidarité, Sport" under a news item's picture is the site's rubrics: the news
    item is read as the story of the partner it names."""
    page = ("Une délégation sur le parvis de la mairie\n\n"
            "Sport, Éducation\n\n"
            "Tournoi de football avec nos amis de Schwelm\n\n"
            "Le 12 mai 2019, les jeunes du club ont accueilli l'équipe de Schwelm pour un tournoi.\n")
    with using(_town(tmp_path, "Villers-sur-Lys", "Villers")):
        assert [p.split(" (")[0] for p in _partners(page)] == ["Schwelm"]


def test_a_heading_naming_the_towns_own_group_of_communes_is_no_partner(tmp_path):
    """"COMMUNAUTE DE COMMUNES VAL D'ARGENT" (no accent, the group's words before its name)
    is the town file's "Val d'Argent": never its own partner."""
    page = ("HISTORIQUE DU JUMELAGE\n\nCOMMUNAUTE DE COMMUNES VAL D'ARGENT\n\n"
            "Le jumelage avec Lauterbach (Allemagne) a été créé en 1975.\n"
            "Une délégation de 20 personnes s'est rendue à Lauterbach en mai 1976.\n")
    with using(_town(tmp_path, "Val d'Argent", "Sainte-Marie")):
        assert [p.split(" (")[0] for p in _partners(page)] == ["Lauterbach"]


@pytest.mark.parametrize(("line", "tags"), [
    ("Citoyenneté, Culture", True),
    ("Sport / Santé", True),
    ("Gao, Kita", False),  # two places
    ("Culture", False),  # one word: a heading of its own
])
def test_a_posts_tags(line, tags):
    from pipeline.parse import _post_tags

    assert _post_tags(line) is tags


def test_a_hard_wrapped_sentence_with_initials_names_its_partner(tmp_path):
    """An old page cut into lines inside its sentences, an organisation spelt letter by
    letter ("l'A. F. D. (Agence …)") between the town and its partner, both led to by "la
    Ville de/d'": the partner is found over the whole sentence, and the dated line that
    opens it is its event."""
    page = ("|\n"
            "Les spécifications\n"
            "Le 3 mars 2001, la Ville de Lunel-Viel, le C.I.D.E.A (Centre\n"
            "International de l'Eau), l'A. F. D. (Agence Française de\n"
            "Développement) et la Ville d'Ouled Teima ont signé une convention\n"
            "de coopération décentralisée. Il s'agit d'étudier avec nos amis marocains\n"
            "les problèmes liés à l'approvisionnement en eau potable des quartiers.\n")
    with using(_town(tmp_path, "Lunel-Viel", "Lunel-Viel")):
        parsed = parse(text_blocks(page))
    assert [s.heading.text for s in parsed.sections] == ["Ouled Teima (Maroc)"]
    assert [(e.label, e.line) for e in parsed.sections[0].entries] == [("Le 3 mars 2001", 3)]


@pytest.mark.parametrize(("text", "sentences"), [
    ("M. Praud est venu. Il a signé.", ["M. Praud est venu.", "Il a signé."]),
    ("l'O. N. E. P. (Office) et la Ville. Puis rien.", ["l'O. N. E. P. (Office) et la Ville.", "Puis rien."]),
])
def test_a_sentence_does_not_end_after_an_initial(text, sentences):
    from pipeline.narrative import _SENTENCE

    assert _SENTENCE.split(text) == sentences
