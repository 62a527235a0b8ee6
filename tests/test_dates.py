"""The date-label grammar on every form the page uses, with the values read off the page."""

import pytest

from pipeline.dates import parse_label, split_label

# label as written -> (edtf, start_year, start_month, end_year, end_month, is_ongoing)
LABELS = [
    ("2003-2014", ("2003/2014", 2003, None, 2014, None, False)),
    ("2006 – 2008", ("2006/2008", 2006, None, 2008, None, False)),  # spaced en dash
    ("2003 – 2014", ("2003/2014", 2003, None, 2014, None, False)),
    ("2012", ("2012", 2012, None, 2012, None, False)),  # a single year ends when it starts
    ("Juin 2012", ("2012-06", 2012, 6, 2012, 6, False)),
    ("Septembre 2019", ("2019-09", 2019, 9, 2019, 9, False)),
    ("Février 2019", ("2019-02", 2019, 2, 2019, 2, False)),
    ("Décembre 2020", ("2020-12", 2020, 12, 2020, 12, False)),
    ("Printemps 2017", ("2017-21", 2017, None, 2017, None, False)),  # no invented month
    ("Avril - mai 2018", ("2018-04/2018-05", 2018, 4, 2018, 5, False)),
    ("Depuis 2016", ("2016/..", 2016, None, None, None, True)),
    ("2020, 2021 et 2022", ("{2020,2021,2022}", 2020, None, 2022, None, False)),
    ("De 2006 à 2014", ("2006/2014", 2006, None, 2014, None, False)),
]


@pytest.mark.parametrize("label, expected", LABELS)
def test_label_is_an_interval_with_its_precision(label, expected):
    p = parse_label(label)
    assert (p.edtf, p.start_year, p.start_month, p.end_year, p.end_month, p.is_ongoing) == expected


# an entry's opening as written -> (label, what follows it)
OPENINGS = [
    ("2003-2014 : accueil à Ivry-sur-Seine", ("2003-2014", "accueil à Ivry-sur-Seine")),
    ("2006 – 2008 : projet de formation", ("2006 – 2008", "projet de formation")),
    ("2020, 2021 et 2022 : l’accueil à Ivry-sur-Seine", ("2020, 2021 et 2022", "l’accueil à Ivry-sur-Seine")),
    ("1999, Ivry-sur-Seine a participé", ("1999", "Ivry-sur-Seine a participé")),
    ("De 2006 à 2014, la ville d’Ivry a accueilli", ("De 2006 à 2014", "la ville d’Ivry a accueilli")),
    ("Avril - mai 2018 : accueil et soutien", ("Avril - mai 2018", "accueil et soutien")),
    ("Depuis 2016 : organisation chaque été", ("Depuis 2016", "organisation chaque été")),
]


@pytest.mark.parametrize("text, expected", OPENINGS)
def test_split_label_takes_colon_or_comma(text, expected):
    assert split_label(text) == expected


@pytest.mark.parametrize("text", [
    "Collaboration avec le Théâtre National de Palestine depuis plusieurs années",
    "Depuis la signature du protocole de jumelage en 1963 de nombreux échanges",
    "Ce séjour a permis de rappeler le soutien d’Ivry-sur-Seine",
    "Courant 2019 : une forme que la grammaire ne connaît pas",
])
def test_text_without_a_known_label_has_none(text):
    assert split_label(text) is None


def test_unknown_label_is_not_guessed():
    assert parse_label("Fin des années 2000") is None
