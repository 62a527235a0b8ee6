"""The date-label grammar: every form, on the page's labels and on labels in its style,
checked against python-edtf; where labels are found; that it runs in linear time."""

import re
import subprocess
import sys
import textwrap
from datetime import date

import pytest
from edtf import parse_edtf, struct_time_to_date
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates import (
    LABEL_AT_START, MONTHS, SEASONS, WEEKDAYS, parse_label, split_any_label, split_label,
)

from .conftest import ROOT

# The real page's labels: label as written -> (edtf, start_year, start_month, end_year,
# end_month, is_ongoing), today's values.
PAGE_LABELS = [
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


@pytest.mark.parametrize("label, expected", PAGE_LABELS)
def test_the_pages_labels_keep_their_values(label, expected):
    p = parse_label(label)
    assert (p.edtf, p.start_year, p.start_month, p.end_year, p.end_month, p.is_ongoing) == expected


D = date.fromisoformat
# Every form, in labels an editor could write: label -> (edtf, start_date, end_date,
# start_year, start_month, end_year, end_month, is_ongoing). Written by hand.
FORMS = [
    # years and ranges, any dash, slash or spacing, two-digit ends
    ("1999", ("1999", D("1999-01-01"), D("1999-12-31"), 1999, None, 1999, None, False)),
    ("En 2015", ("2015", D("2015-01-01"), D("2015-12-31"), 2015, None, 2015, None, False)),
    ("2018 -2019", ("2018/2019", D("2018-01-01"), D("2019-12-31"), 2018, None, 2019, None, False)),
    ("2006—2008", ("2006/2008", D("2006-01-01"), D("2008-12-31"), 2006, None, 2008, None, False)),
    ("2019/2020", ("2019/2020", D("2019-01-01"), D("2020-12-31"), 2019, None, 2020, None, False)),
    ("2019 / 2020", ("2019/2020", D("2019-01-01"), D("2020-12-31"), 2019, None, 2020, None, False)),
    ("2019-20", ("2019/2020", D("2019-01-01"), D("2020-12-31"), 2019, None, 2020, None, False)),
    ("1998-02", ("1998/2002", D("1998-01-01"), D("2002-12-31"), 1998, None, 2002, None, False)),
    ("2010\u2011\u200912", ("2010/2012", D("2010-01-01"), D("2012-12-31"), 2010, None, 2012, None, False)),
    ("De 2009 à 2013", ("2009/2013", D("2009-01-01"), D("2013-12-31"), 2009, None, 2013, None, False)),
    ("de 2009 a 2013", ("2009/2013", D("2009-01-01"), D("2013-12-31"), 2009, None, 2013, None, False)),
    ("Entre 2015 et 2018", ("2015/2018", D("2015-01-01"), D("2018-12-31"), 2015, None, 2018, None, False)),
    ("De 2007 jusqu’en 2011", ("2007/2011", D("2007-01-01"), D("2011-12-31"), 2007, None, 2011, None, False)),
    ("De 2018 à mars 2019", ("2018/2019-03", D("2018-01-01"), D("2019-03-31"), 2018, None, 2019, 3, False)),
    # lists
    ("En 2015 et 2017", ("{2015,2017}", D("2015-01-01"), D("2017-12-31"), 2015, None, 2017, None, False)),
    ("2011, 2013 et 2016", ("{2011,2013,2016}", D("2011-01-01"), D("2016-12-31"), 2011, None, 2016, None, False)),
    ("Juin et juillet 2019", ("{2019-06,2019-07}", D("2019-06-01"), D("2019-07-31"), 2019, 6, 2019, 7, False)),
    ("Les 3 et 4 mai 2019", ("{2019-05-03,2019-05-04}", D("2019-05-03"), D("2019-05-04"), 2019, 5, 2019, 5, False)),
    # months and month ranges, across years too
    ("juin 2012", ("2012-06", D("2012-06-01"), D("2012-06-30"), 2012, 6, 2012, 6, False)),
    ("En février 2020", ("2020-02", D("2020-02-01"), D("2020-02-29"), 2020, 2, 2020, 2, False)),
    ("fevrier 2021", ("2021-02", D("2021-02-01"), D("2021-02-28"), 2021, 2, 2021, 2, False)),
    ("Aout 2016", ("2016-08", D("2016-08-01"), D("2016-08-31"), 2016, 8, 2016, 8, False)),
    ("Sept. 2019", ("2019-09", D("2019-09-01"), D("2019-09-30"), 2019, 9, 2019, 9, False)),
    ("Octobre 2023 – mars 2024", ("2023-10/2024-03", D("2023-10-01"), D("2024-03-31"), 2023, 10, 2024, 3, False)),
    ("D’octobre 2023 à mars 2024", ("2023-10/2024-03", D("2023-10-01"), D("2024-03-31"), 2023, 10, 2024, 3, False)),
    ("De janvier à mars 2022", ("2022-01/2022-03", D("2022-01-01"), D("2022-03-31"), 2022, 1, 2022, 3, False)),
    ("Mars-avril 2015", ("2015-03/2015-04", D("2015-03-01"), D("2015-04-30"), 2015, 3, 2015, 4, False)),
    # days and day ranges
    ("Le 1er mars 2020", ("2020-03-01", D("2020-03-01"), D("2020-03-01"), 2020, 3, 2020, 3, False)),
    ("15 mars 2021", ("2021-03-15", D("2021-03-15"), D("2021-03-15"), 2021, 3, 2021, 3, False)),
    ("Samedi 12 mars 2022", ("2022-03-12", D("2022-03-12"), D("2022-03-12"), 2022, 3, 2022, 3, False)),
    ("Du 3 au 10 juillet 2023", ("2023-07-03/2023-07-10", D("2023-07-03"), D("2023-07-10"), 2023, 7, 2023, 7, False)),
    ("Du 28 juin au 5 juillet 2022", ("2022-06-28/2022-07-05", D("2022-06-28"), D("2022-07-05"), 2022, 6, 2022, 7, False)),
    ("Du 28 décembre 2022 au 3 janvier 2023",
     ("2022-12-28/2023-01-03", D("2022-12-28"), D("2023-01-03"), 2022, 12, 2023, 1, False)),
    ("3-5 juillet 2023", ("2023-07-03/2023-07-05", D("2023-07-03"), D("2023-07-05"), 2023, 7, 2023, 7, False)),
    ("Du\u00a03\u202fau\u00a010 juillet\u00a02023", ("2023-07-03/2023-07-10", D("2023-07-03"), D("2023-07-10"), 2023, 7, 2023, 7, False)),
    # seasons: meteorological; winter runs into the next year
    ("Été 2023", ("2023-22", D("2023-06-01"), D("2023-08-31"), 2023, None, 2023, None, False)),
    ("ete 2023", ("2023-22", D("2023-06-01"), D("2023-08-31"), 2023, None, 2023, None, False)),
    ("À l’automne 2021", ("2021-23", D("2021-09-01"), D("2021-11-30"), 2021, None, 2021, None, False)),
    ("Au printemps 2019", ("2019-21", D("2019-03-01"), D("2019-05-31"), 2019, None, 2019, None, False)),
    ("Hiver 2023-2024", ("2023-24", D("2023-12-01"), D("2024-02-29"), 2023, None, 2024, None, False)),
    ("Hiver 2022/23", ("2022-24", D("2022-12-01"), D("2023-02-28"), 2022, None, 2023, None, False)),
    ("Printemps-été 2019", ("2019-21/2019-22", D("2019-03-01"), D("2019-08-31"), 2019, None, 2019, None, False)),
    ("De l’automne 2019 au printemps 2020",
     ("2019-23/2020-21", D("2019-09-01"), D("2020-05-31"), 2019, None, 2020, None, False)),
    # parts of a year: no EDTF code, the year (or month) they qualify
    ("Début 2019", ("2019", D("2019-01-01"), D("2019-12-31"), 2019, None, 2019, None, False)),
    ("Mi-2020", ("2020", D("2020-01-01"), D("2020-12-31"), 2020, None, 2020, None, False)),
    ("Fin 2022", ("2022", D("2022-01-01"), D("2022-12-31"), 2022, None, 2022, None, False)),
    ("Courant 2018", ("2018", D("2018-01-01"), D("2018-12-31"), 2018, None, 2018, None, False)),
    ("Au cours de l’année 2018", ("2018", D("2018-01-01"), D("2018-12-31"), 2018, None, 2018, None, False)),
    ("Mi-juin 2020", ("2020-06", D("2020-06-01"), D("2020-06-30"), 2020, 6, 2020, 6, False)),
    ("Fin mars 2021", ("2021-03", D("2021-03-01"), D("2021-03-31"), 2021, 3, 2021, 3, False)),
    # quarters and semesters: EDTF level 2 sub-year codes
    ("1er semestre 2021", ("2021-40", D("2021-01-01"), D("2021-06-30"), 2021, 1, 2021, 6, False)),
    ("Second semestre 2021", ("2021-41", D("2021-07-01"), D("2021-12-31"), 2021, 7, 2021, 12, False)),
    ("2e trimestre 2022", ("2022-34", D("2022-04-01"), D("2022-06-30"), 2022, 4, 2022, 6, False)),
    ("Au 4ème trimestre 2020", ("2020-36", D("2020-10-01"), D("2020-12-31"), 2020, 10, 2020, 12, False)),
    # open and closed ends
    ("Depuis septembre 2021", ("2021-09/..", D("2021-09-01"), None, 2021, 9, None, None, True)),
    ("Depuis le 1er mars 2020", ("2020-03-01/..", D("2020-03-01"), None, 2020, 3, None, None, True)),
    ("À partir de 2019", ("2019/..", D("2019-01-01"), None, 2019, None, None, None, True)),
    ("Dès l’été 2019", ("2019-22/..", D("2019-06-01"), None, 2019, None, None, None, True)),
    ("Jusqu'en 2025", ("../2025", None, D("2025-12-31"), None, None, 2025, None, False)),
    ("Jusqu’au 30 juin 2025", ("../2025-06-30", None, D("2025-06-30"), None, None, 2025, 6, False)),
    ("Jusqu'à fin 2025", ("../2025", None, D("2025-12-31"), None, None, 2025, None, False)),
    # decades
    ("Années 1990", ("199X", D("1990-01-01"), D("1999-12-31"), 1990, None, 1999, None, False)),
    ("Les années 2000", ("200X", D("2000-01-01"), D("2009-12-31"), 2000, None, 2009, None, False)),
    ("Dans les années 80", ("198X", D("1980-01-01"), D("1989-12-31"), 1980, None, 1989, None, False)),
    ("Fin des années 1990", ("199X", D("1990-01-01"), D("1999-12-31"), 1990, None, 1999, None, False)),
]


@pytest.mark.parametrize("label, expected", FORMS)
def test_every_form_is_an_interval_with_its_precision(label, expected):
    p = parse_label(label)
    assert p is not None, label
    assert (p.edtf, p.start_date, p.end_date, p.start_year, p.start_month, p.end_year,
            p.end_month, p.is_ongoing) == expected


@pytest.mark.parametrize("label", [
    "2014-2003",  # backwards: a typo, never inverted
    "Octobre 2024 – mars 2023",
    "Du 10 au 3 juillet 2023",
    "31 février 2019", "29 février 2019", "31 avril 2020",  # no such day
    "Vendredi 12 mars 2022",  # 12 March 2022 was a Saturday
    "2017 et 2015", "2015 et 2015",  # a list out of order, or repeating itself
    "Du 3 au juillet 2023",  # a day and a month are no range
    "Été 2023-2024",  # only winter spans two years
    "Hiver 2023-2025",
    "2019-18",  # a two-digit end before its start
    "Années 1995", "Années 20",  # no decade; "années 20" could be 1920 or 2020
    "Depuis les années 1990",  # python-edtf takes no open interval from a decade
    "3e semestre 2021", "1 semestre 2021", "0 mars 2020", "00 mars 2020",
    "Vers 2015", "Rentrée 2019", "Pâques 2019",  # no form of the grammar
    "",
])
def test_what_is_not_understood_is_none(label):
    assert parse_label(label) is None


# an entry's opening as written -> (label, what follows it, understood)
OPENINGS = [
    ("2003-2014 : accueil à Ivry-sur-Seine", ("2003-2014", "accueil à Ivry-sur-Seine", True)),
    ("2020, 2021 et 2022 : l’accueil", ("2020, 2021 et 2022", "l’accueil", True)),  # the longest label
    ("1999, la commune a participé", ("1999", "la commune a participé", True)),
    ("En 2015, la ville a accueilli", ("En 2015", "la ville a accueilli", True)),
    ("De 2006 à 2014, la ville a accueilli", ("De 2006 à 2014", "la ville a accueilli", True)),
    ("Octobre 2023 – mars 2024 : accueil d’artistes", ("Octobre 2023 – mars 2024", "accueil d’artistes", True)),
    ("Du 3 au 10 juillet 2023\u00a0:\u00a0festival", ("Du 3 au 10 juillet 2023", "festival", True)),
    ("Mi-2020 : lancement", ("Mi-2020", "lancement", True)),
    ("2014-2003 : une coquille", ("2014-2003", "une coquille", False)),  # a form, impossible values
    # labels the grammar has no form for: kept, reported
    ("Vers 2015, la ville a accueilli", ("Vers 2015", "la ville a accueilli", False)),
    ("Rentrée scolaire 2019 : accueil", ("Rentrée scolaire 2019", "accueil", False)),
    ("Depuis les années 1990 : soutien", ("Depuis les années 1990", "soutien", False)),
    ("2018, 2019, 2020 : séjours", ("2018, 2019, 2020", "séjours", False)),  # one label, not "2018"
    ("Pendant les vacances de Pâques 2019 : séjour", ("Pendant les vacances de Pâques 2019", "séjour", False)),
]


@pytest.mark.parametrize("text, expected", OPENINGS)
def test_labels_are_found_known_or_not(text, expected):
    assert split_any_label(text) == expected
    assert split_label(text) == (expected[:2] if expected[2] or expected[0] == "2014-2003" else None)
    assert LABEL_AT_START.match(text) is not None or not expected[2]


@pytest.mark.parametrize("text", [
    "Collaboration avec le Théâtre National depuis plusieurs années.",
    "Depuis la signature du protocole de jumelage en 1963, de nombreux échanges ont eu lieu.",
    "Ce séjour a permis de rappeler le soutien de la ville.",
    "Le projet lancé en 2019, financé par la Ville, a permis",  # a date inside a clause
    "La ville a organisé plusieurs rencontres avec ses partenaires et ses associations, dont une en 2019, puis",
    "Un accord de jumelage a été signé en 1997, renouvelé en 2007.",
    "Sept jeunes, accompagnés de deux animateurs, ont été accueillis.",  # "sept" is no month here
    "Depuis, la ville a poursuivi son soutien.",
    "Le 12, la délégation est arrivée.",  # a number alone is no date
])
def test_sentences_are_not_labels(text):
    assert split_any_label(text) is None
    assert split_label(text) is None


# --- Properties, against python-edtf ----------------------------------------------------------

def edtf_bounds(edtf):
    """python-edtf's earliest and latest day (None for an open end)."""
    parsed = parse_edtf(edtf)
    low, high = parsed.lower_strict(), parsed.upper_strict()
    return (None if isinstance(low, float) else struct_time_to_date(low),
            None if isinstance(high, float) else struct_time_to_date(high))


years = st.integers(min_value=1900, max_value=2098)
month_names = st.sampled_from(sorted(MONTHS))
seasons = st.sampled_from(sorted(SEASONS))
days = st.integers(min_value=1, max_value=31)
space = st.sampled_from([" ", "\u00a0", "\u202f", "  "])
dash = st.sampled_from(["-", " - ", "–", " – ", "—", "/", " / ", "\u2011"])
apostrophe = st.sampled_from(["'", "’"])


def cased(draw, word):
    return draw(st.sampled_from([word, word.capitalize(), word.upper(), word.lower()]))


@st.composite
def labels(draw):
    """A label of one of the grammar's forms, with any values and any typography."""
    y1, y2 = draw(years), draw(years)
    m1, m2, s = draw(month_names), draw(month_names), draw(seasons)
    d1, d2 = draw(days), draw(days)
    sp, a = draw(space), draw(apostrophe)
    forms = [
        f"{y1}", f"{y1}{draw(dash)}{y2}", f"{y1}-{y2 % 100:02d}", f"De{sp}{y1}{sp}à{sp}{y2}",
        f"Entre {y1} et {y2}", f"En{sp}{y1}", f"{y1}, {y2} et {max(y1, y2) + 1}",
        f"En {y1} et {y2}", f"{cased(draw, m1)}{sp}{y1}", f"{cased(draw, m1)}{draw(dash)}{m2}{sp}{y1}",
        f"{m1} {y1}{draw(dash)}{m2} {y2}", f"De {m1} à {m2} {y1}", f"{m1} et {m2} {y1}",
        f"Le {d1}{sp}{m1}{sp}{y1}", f"le 1er {m1} {y1}", f"Du {d1} au {d2} {m1} {y1}",
        f"Du {d1} {m1} au {d2} {m2} {y1}", f"Du {d1} {m1} {y1} au {d2} {m2} {y2}",
        f"Les {d1} et {d2} {m1} {y1}",
        f"{cased(draw, s)}{sp}{y1}", f"À l{a}{s} {y1}", f"Hiver {y1}-{y1 + 1}", f"{s}{draw(dash)}{s} {y1}",
        f"Début {y1}", f"Mi-{y1}", f"Fin {m1} {y1}", f"Courant {y1}", f"Au cours de l{a}année {y1}",
        f"{draw(st.sampled_from(['1er', 'Premier', '2e', 'Second', '2ème']))} semestre {y1}",
        f"{draw(st.sampled_from(['1er', '2e', '3e', '4e', 'troisième']))} trimestre {y1}",
        f"Depuis {y1}", f"Depuis {m1} {y1}", f"Depuis le {d1} {m1} {y1}", f"À partir de {y1}",
        f"Dès l{a}{s} {y1}", f"Jusqu{a}en {y1}", f"Jusqu{a}au {d1} {m1} {y1}",
        f"Années {y1 // 10 * 10}", f"Fin des années {y1 // 10 * 10}", f"Dans les années {y1 % 100 // 10 * 10:02d}",
        f"{draw(st.sampled_from(sorted(WEEKDAYS)))} {d1} {m1} {y1}",
    ]
    return draw(st.sampled_from(forms))


def check_with_python_edtf(label):
    period = parse_label(label)
    assert split_any_label(label + " : texte") == (label, "texte", period is not None)
    if period is None:  # impossible values: backwards, no such day, wrong weekday…
        return
    parsed = parse_edtf(period.edtf)  # raises on a string that is not EDTF
    assert parse_edtf(str(parsed)).lower_strict() == parsed.lower_strict()
    start, end = edtf_bounds(period.edtf)
    assert period.start_date == start
    if re.fullmatch(r"\d{4}-24", period.edtf.rsplit("/", 1)[-1]):
        # python-edtf ends winter on 31 December; the grammar runs it to February's end
        assert (end.month, end.day) == (12, 31)
        assert (period.end_date.year, period.end_date.month) == (end.year + 1, 2)
    else:
        assert period.end_date == end


@pytest.mark.parametrize("label", [label for label, _ in PAGE_LABELS + FORMS])
def test_every_form_round_trips_through_python_edtf(label):
    check_with_python_edtf(label)


@settings(max_examples=250, deadline=None)  # python-edtf takes tens of ms per string
@given(labels())
def test_any_label_the_grammar_reads_round_trips_through_python_edtf(label):
    check_with_python_edtf(label)


@settings(max_examples=1500, deadline=None)
@given(labels())
def test_columns_agree_with_the_dates(label):
    p = parse_label(label)
    if p is None:
        return
    if p.start_date and p.end_date:
        assert p.start_date <= p.end_date
    assert p.start_year == (p.start_date.year if p.start_date else None)
    assert p.end_year == (p.end_date.year if p.end_date else None)
    assert p.start_month in (None, p.start_date and p.start_date.month)
    assert p.end_month in (None, p.end_date and p.end_date.month)
    assert p.is_ongoing == (p.end_date is None)
    assert p.start_date is not None or p.end_date is not None


@settings(max_examples=500, deadline=None)
@given(years, years, dash)
def test_ranges_in_order_are_always_read(y1, y2, d):
    low, high = sorted((y1, y2))
    assert parse_label(f"{low}{d}{high}").edtf == f"{low}/{high}"


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 ,:;.-–/éèaAdeilnrstuvxéÉ’'\u00a0")
                                + ["2019", "juin", "Du", "au", "et", "Depuis", "années", "mi-", " "]),
                max_size=30).map("".join))
def test_whatever_the_detector_takes_is_read_or_reported(text):
    found = split_any_label(text)
    if found is None:
        return
    label, rest, known = found
    assert text.lstrip().startswith(label) and text.endswith(rest) and label.strip() == label
    assert known == (parse_label(label) is not None)


# --- Linear time ------------------------------------------------------------------------------

ADVERSARIAL = textwrap.dedent("""
    from pipeline.dates import LABEL_AT_START, parse_label, split_any_label
    from pipeline.extract import cancelled_years, recurrence, status
    from pipeline.numbers import age_range, amount_eur, duration_days, participants
    from pipeline.parse import split_run_together
    readers = [LABEL_AT_START.match, split_any_label, parse_label, split_run_together, participants,
               amount_eur, duration_days, age_range, cancelled_years, recurrence,
               lambda text: status(text, None)]
    pieces = ["2019 ", "de ", "1, ", "Du 3 au ", "x.2019, ", "a.Mi-", "n’a ", "12 000 ",
              "près de ", "12 jeunes et ", "annulés en 2020, ", " ", "\u00a0", "a" * 50,
              "jusqu’", "années ", "é", "fevrier ", "aout ", "decembre ", "mi- ", "mi-"]
    tail = " jeunes 2019 € :"
    # each piece alone, then one megabyte paragraph of every piece in turn
    texts = [piece * (128_000 // len(piece)) + tail for piece in pieces]
    texts.append("".join(piece * (60_000 // len(piece)) for piece in pieces) + tail)
    for text in texts:
        for read in readers:
            read(text)
    print("done", max(map(len, texts)))
""")


def test_the_grammar_runs_in_linear_time_on_adversarial_text():
    """Every reader of dates, numbers and status on adversarial paragraphs up to a megabyte
    (about 15 s). Not a benchmark: the generous timeout only catches a pattern that
    backtracks, which would take hours on such texts."""
    done = subprocess.run([sys.executable, "-c", ADVERSARIAL], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "done" and int(done.stdout.split()[1]) > 1_000_000
