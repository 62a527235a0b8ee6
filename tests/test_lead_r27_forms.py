"""Forms red team 27's pages showed (an Opendatasoft table read as field lines), in
sentences written for the test."""

from __future__ import annotations

import pytest

from pipeline.extract import status


@pytest.mark.parametrize(("text", "expected"), [
    ("Jardin partagé • En cours : Non • Statut : À l’étude", None),
    ("Voyages-rencontres • En cours : Oui", "ongoing"),
    ("Tournoi de football • Annulé : non • Lieu : Kita", None),
    ("Tournoi de football • Annulé : ✗", None),
    ("Tournoi de football • Reporté : oui", "postponed"),
    ("Le séjour a été annulé : la neige avait coupé les routes.", "cancelled"),
    ("Le concert, annulé : nonobstant la pluie, la fête a eu lieu.", "cancelled"),
])
def test_a_status_named_as_a_field_and_answered_no_is_no_status(text, expected):
    """A table's yes/no column ("En cours", "Annulé") read as a field line: its key names
    the status, its value says whether it holds; a colon before the reason stays a statement."""
    assert status(text, None) == expected


def test_an_entry_opening_on_a_time_counted_from_the_pages_day_is_dated_from_it(tmp_path):
    """A page that says the day it was published ("Publié le 14 mars 2023"), an entry of a
    partner's section whose first sentence opens on "l'an dernier" or "il y a cinq ans, en
    mai", a word of linking before it at most: dated from that day, not left undated."""
    from tests.corpus.score import _records_of

    page = tmp_path / "page.html"
    page.write_text("""<!DOCTYPE html><html><body><main><h1>Nos jumelages</h1>
<p>Publié le 14 mars 2023</p>
<h2>Kita (Mali)</h2><p>Kita est une ville de la région de Kayes.</p>
<p>En 2016, la ville a financé un forage à Kita.</p>
<p>Et l’an dernier, nous avons lancé avec le centre de santé un programme de formations.</p>
<p>Il y a cinq ans, en mai, une délégation de Kita était reçue à la mairie.</p>
</main></body></html>""", encoding="utf-8")
    actions = _records_of(page)["actions"]
    assert sorted((a["start_year"], a["start_month"]) for a in actions) == [(2016, None), (2018, 5), (2022, None)]
