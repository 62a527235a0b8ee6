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
