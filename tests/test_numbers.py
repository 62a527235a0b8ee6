"""Head counts and amounts, on the page's own phrases."""

import pytest

from pipeline.numbers import Quantity, amount_eur, participants

PARTICIPANTS = [
    ("accueil à Ivry-sur-Seine de six jeunes brandebourgeois·es chaque année", Quantity(6, False)),
    ("accueil de huit élèves de cuivres du Conservatoire municipal d’Ivry", Quantity(8, False)),
    ("Près de 50 enfants de 10 à 14 ans ont pu en bénéficier.", Quantity(50, True)),
    ("séjour d’une quinzaine de jeunes ivryen·nes à Jifna et Jalazone", Quantity(15, True)),
    ("pendant le mois de juillet de quatre enfants des prisonniers politiques", Quantity(4, False)),
    ("accueil pendant l’été de 6 enfants sahraoui·es de 6 à 10 ans", Quantity(6, False)),
    ("six enfants palestinien·nes de 13 à 15 ans", Quantity(6, False)),
    # counts of things, ages and durations are not participants
    ("réalisation de 10 forages d’eau et remise en état de 6 autres.", None),
    ("réhabilitation chaque année de 2 pompes à motricité humaine", None),
    ("Elle regroupe 14 villages très éloignés les uns des autres.", None),
    ("une grève de la faim de 30 jours", None),
    ("accueil de lycéen·nes brandebourgeois·es à Ivry-sur-Seine", None),
]


@pytest.mark.parametrize("text, expected", PARTICIPANTS)
def test_participants(text, expected):
    assert participants(text) == expected


AMOUNTS = [
    ("le coût du projet a été chiffré à 300\u00a0000€ mais", Quantity(300000, False)),
    ("participation financière de la Ville à hauteur de 10\u00a0000€ pour", Quantity(10000, False)),
    ("un budget de 1 500 euros", Quantity(1500, False)),
    ("près de 2000 €", Quantity(2000, True)),
    ("vote d’un voeu en faveur la libération des prisonniers politiques", None),
]


@pytest.mark.parametrize("text, expected", AMOUNTS)
def test_amount_eur(text, expected):
    assert amount_eur(text) == expected
