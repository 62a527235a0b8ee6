"""The date-label grammar: what it does not understand, where labels are found, keys,
properties of any label of any form checked against python-edtf, and that it runs in linear
time. Every form with its examples is in the corpus (tests/test_forms_corpus.py)."""

import re
import subprocess
import sys
import textwrap
import unicodedata

import pytest
from edtf import parse_edtf, struct_time_to_date
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import dates
from pipeline.dates import (
    MONTHS, SEASONS, WEEKDAYS, abbreviates_month, closes_label, date_in, dates_of, find_dates, label_key,
    parse_label, split_any_label, split_label, tokens,
)

from .conftest import ROOT
from .properties import examples

# Every form, with its examples and what they mean, is in the corpus of forms
# (pipeline/french/corpus/dates.toml), checked by tests/test_forms_corpus.py; here: what is
# not understood, where labels are found, keys, and properties of any label.


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
    "Vers 2015", "Rentrée", "Pâques 2019-2020",  # no form of the grammar
    "2010-2012-2014",  # a chain with gaps: every other year, or ranges?
    "2013-2012-2011", "2014, 2012", "Printemps 2015 et 2014",  # out of order
    "30/02/2016", "12/13/2016", "2016-02-30", "2016-13-01", "13/2016",  # no such day or month
    "Dimanche 14/02/2019",  # a Thursday
    "2014 et 2015 et 2016",  # no form
    "De 2020 à aujourd’hui et demain", "Aujourd’hui", "Depuis lors",
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
    ("Rentrée scolaire 2019 : accueil", ("Rentrée scolaire 2019", "accueil", True)),
    ("Depuis les années 1990 : soutien", ("Depuis les années 1990", "soutien", False)),
    ("2018, 2019, 2020 : séjours", ("2018, 2019, 2020", "séjours", True)),  # one label, not "2018"
    ("2018 et 2019 et 2020 : séjours", ("2018 et 2019 et 2020", "séjours", False)),  # one label, no form
    ("De 2019 à nos jours, la ville soutient", ("De 2019 à nos jours", "la ville soutient", True)),
    ("2016 – en cours : échanges", ("2016 – en cours", "échanges", True)),
    # a label ended by a dash or a full stop: a phrase of date words, then a clause
    ("2024 – accueil d’une exposition", ("2024", "accueil d’une exposition", True)),
    ("2025 - projet de jardin partagé", ("2025", "projet de jardin partagé", True)),
    ("Octobre 2024 — semaine de la solidarité", ("Octobre 2024", "semaine de la solidarité", True)),
    ("Mars 2011—Concert commun", ("Mars 2011", "Concert commun", True)),
    ("2006 – 2008 – formation d’infirmiers", ("2006 – 2008", "formation d’infirmiers", True)),
    ("Automne 2019 – printemps 2020 – chantier", ("Automne 2019 – printemps 2020", "chantier", True)),
    ("2019 – fin de la coopération", ("2019", "fin de la coopération", True)),
    ("2016 – en cours de rénovation", ("2016", "en cours de rénovation", True)),
    ("2023. Accueil de jeunes", ("2023", "Accueil de jeunes", True)),
    ("Juin 2012. Concert à la Philharmonie", ("Juin 2012", "Concert à la Philharmonie", True)),
    ("Juin 2012.", ("Juin 2012", "", True)),  # a label on a line of its own
    ("2024 –", ("2024", "", True)),
    ("Sept. 2021 : visite", ("Sept. 2021", "visite", True)),
    ("08/03/2023 : journée des droits des femmes", ("08/03/2023", "journée des droits des femmes", True)),
    ("Année scolaire 2023-2024 : échanges", ("Année scolaire 2023-2024", "échanges", True)),
    # decomposed accents and invisible characters: the label is cut where it is written
    ("Fe\u0301vrier 2019 : visite", ("Fe\u0301vrier 2019", "visite", True)),
    ("2016\u200b-2020\u00ad : chantier", ("2016\u200b-2020", "chantier", True)),
    ("Pendant les vacances de Pâques 2019 : séjour", ("Pendant les vacances de Pâques 2019", "séjour", True)),
]


@pytest.mark.parametrize("text, expected", OPENINGS)
def test_labels_are_found_known_or_not(text, expected):
    assert split_any_label(text) == expected
    assert split_label(text) == (expected[:2] if expected[2] or expected[0] == "2014-2003" else None)


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
    "Depuis lors, la ville soutient le projet.",  # no date: a sentence of the entry above
    # a dash or a full stop ends a label only after date words, before a clause
    "2006 – 2008 la ville a accueilli",  # a range, then no separator
    "2019 fut une année riche. La ville",
    "2019-accueil de jeunes",  # a hyphen, unspaced: one word
    "2019/accueil de jeunes",
    "Jumelée depuis 1997 – date du protocole – la ville",  # words that are not dates
    "Le projet lancé en 2019 – financé par la Ville",
    "En 2019. la suite",  # no capital after the full stop
    "Ils étaient sept. Accueil",
])
def test_sentences_are_not_labels(text):
    assert split_any_label(text) is None
    assert split_label(text) is None


# --- What other stages ask: keys for ids, full stops of abbreviations -----------------------

# labels that are one entry written another way -> one key
SAME_KEY = [
    ("Septembre 2019", "Sept. 2019", "sept 2019", "SEPT. 2019", "Sep\u00adtembre\u00a02019"),
    ("2014 – 2016", "2014-2016", "2014-16", "2014 -16", "2014/16", "2014\u200b–\u200b2016"),
    ("Décembre 2021", "Déc. 2021", "dec. 2021", "De\u0301cembre 2021", "DÉCEMBRE 2021"),
    ("Janvier - février 2022", "janv.-févr. 2022", "Janv. – Fév. 2022", "janvier–fevrier 2022"),
    ("Hiver 1999-2000", "Hiver 1999/00", "hiver 1999 – 2000"),
    ("De 2006 à 2014", "de 2006 a 2014", "De\u00a02006\u00a0à\u00a02014"),
    ("2020, 2021 et 2022", "2020 , 2021 et 2022", "2020,2021 et 2022"),
]


@pytest.mark.parametrize("labels", SAME_KEY)
def test_typographic_variants_of_a_label_give_one_key(labels):
    assert len({label_key(label) for label in labels}) == 1, [label_key(label) for label in labels]


@pytest.mark.parametrize("one, other", [
    ("2014 – 2016", "De 2014 à 2016"),  # a rewording, not typography
    ("2014-16", "2014"),
    ("3-5 juillet 2023", "2003-2005 juillet 2023"),  # days are no two-digit years
    ("Septembre 2019", "Sept jeunes 2019"),
    ("Mars 2019", "Mai 2019"),
])
def test_other_labels_keep_other_keys(one, other):
    assert label_key(one) != label_key(other)


@pytest.mark.parametrize("text, expected", [
    ("Sept. 2021 : visite", True),
    ("Déc. 2020 – janv. 2021 : chantier", True),
    ("janv.-févr. 2022 : accueil", True),
    ("une visite en oct. 2019 : accueil", True),
    ("fin de la saison. Nov. 2022 : concert", True),
    ("du 3 au 5 De\u0301c. 2021", True),  # decomposed accent
    ("les jeunes étaient sept. 2019 : accueil", False),  # seven, then a sentence's end
    ("un concert en mars. 2019 : accueil", False),  # a full month: the sentence ends
    ("les jeunes sont repartis. 2019 : accueil", False),
    ("la septième édition a eu lieu en sept. Puis", True),
    ("la réunion a eu lieu le 7. Puis", False),
])
def test_a_full_stop_belongs_to_an_abbreviated_month_or_ends_a_sentence(text, expected):
    stop = text.rindex(".", 0, text.find(":") % (len(text) + 1))  # the last before a colon
    assert abbreviates_month(text, stop) is expected
    assert abbreviates_month(text, stop - 1) is False  # not a full stop


# --- Properties, against python-edtf ----------------------------------------------------------

def edtf_bounds(edtf):
    """python-edtf's earliest and latest day (None for an open end)."""
    parsed = parse_edtf(edtf)
    low, high = parsed.lower_strict(), parsed.upper_strict()
    return (None if isinstance(low, float) else struct_time_to_date(low),
            None if isinstance(high, float) else struct_time_to_date(high))


years = st.integers(min_value=1900, max_value=2097)  # forms add up to 2 years: the grammar reads years to 2099
month_names = st.sampled_from(sorted(MONTHS))
seasons = st.sampled_from(sorted(SEASONS))
days = st.integers(min_value=1, max_value=31)
space = st.sampled_from([" ", "\u00a0", "\u202f", "  "])
dash = st.sampled_from(["-", " - ", "–", " – ", "—", "/", " / ", "\u2011"])
apostrophe = st.sampled_from(["'", "’"])
month_numbers = st.integers(min_value=1, max_value=12)
abbreviations = st.sampled_from(["janv.", "Févr.", "fév.", "avr.", "juil.", "juill.", "Sept.", "sep.",
                                 "oct.", "Nov.", "déc.", "Dec."])


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
        f"{draw(st.sampled_from(['Année scolaire', 'Saison', 'saison', 'Année universitaire']))} "
        f"{y1}{draw(dash)}{y1 + 1}",
        f"De {y1} à {draw(st.sampled_from(['aujourd' + a + 'hui', 'nos jours', 'ce jour']))}",
        f"{y1}{draw(dash)}en cours", f"Depuis {m1} {y1} jusqu{a}à aujourd{a}hui",
        f"Depuis {y1} jusqu{a}en {y2}", f"En {y1} et en {y2}", f"{y1}, {y2}, {max(y1, y2) + 1}",
        f"{y1}{draw(dash)}{y1 + 1}{draw(dash)}{y1 + 2}", f"{cased(draw, s)} {y1} et {y2}",
        f"{cased(draw, m1)} {y1} et {m2} {y2}", f"{s} et {draw(seasons)} {y1}",
        f"Au mois de {m1} {y1}", f"Au mois d{a}{m1} {y1}", f"{d1:02d}/{draw(month_numbers):02d}/{y1}",
        f"{d1}.{draw(month_numbers)}.{y1}", f"{draw(month_numbers):02d}/{y1}",
        f"{y1}-{draw(month_numbers):02d}-{d1:02d}", f"Du {d1} au {d2}/{draw(month_numbers):02d}/{y1}",
        f"{draw(abbreviations)} {y1}", f"{draw(abbreviations)}-{draw(abbreviations)} {y1}",
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


@settings(max_examples=examples(250), deadline=None)  # python-edtf takes tens of ms per string
@given(labels())
def test_any_label_the_grammar_reads_round_trips_through_python_edtf(label):
    check_with_python_edtf(label)


@settings(max_examples=examples(1500), deadline=None)
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


def retyped(draw, label):
    """The label as another CMS or keyboard gives it: decomposed accents, invisible
    characters between its words, other spaces."""
    if draw(st.booleans()):
        label = unicodedata.normalize("NFD", label)
    words = label.split(" ")
    joints = [draw(st.sampled_from([" ", "\u00a0", "\u202f", " \u200b", "\u00ad ", "\ufeff "]))
              for _ in words[1:]]
    return words[0] + "".join(j + w for j, w in zip(joints, words[1:], strict=True))


@settings(max_examples=examples(500), deadline=None)
@given(st.data())
def test_a_label_retyped_reads_the_same_and_keeps_its_key(data):
    label = data.draw(labels())
    other = retyped(data.draw, label)
    assert parse_label(other) == parse_label(label)
    assert label_key(other) == label_key(label)
    found = split_any_label(f"{other}\u00a0: texte")
    assert found == (other, "texte", parse_label(label) is not None)


@settings(max_examples=examples(500), deadline=None)
@given(years, years, dash)
def test_ranges_in_order_are_always_read(y1, y2, d):
    low, high = sorted((y1, y2))
    assert parse_label(f"{low}{d}{high}").edtf == f"{low}/{high}"


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(st.sampled_from([*"0123456789 ,:;.-–/éèaAdeilnrstuvxéÉ’'\u00a0",
                                 "2019", "juin", "Du", "au", "et", "Depuis", "années", "mi-", " "]),
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
    from pipeline.dates import abbreviates_month, label_key, parse_label, split_any_label
    from pipeline.extract import cancelled_years, recurrence, status
    from pipeline.numbers import age_range, amount_eur, duration_days, participants
    from pipeline.narrative import announced, listed_items, named_partners
    from pipeline.parse import split_run_together
    readers = [split_any_label, parse_label, split_run_together, participants,
               amount_eur, duration_days, age_range, cancelled_years, recurrence,
               lambda text: status(text, None), label_key,
               lambda text: abbreviates_month(text, text.rfind(".")),
               listed_items, lambda text: announced(text, "le 3 mai"),
               lambda text: named_partners(None, [text[:20_000]])]  # linear, 50 µs a byte
    pieces = ["2019 ", "de ", "1, ", "Du 3 au ", "x.2019, ", "a.Mi-", "n’a ", "12 000 ",
              "près de ", "12 jeunes et ", "annulés en 2020, ", " ", "\u00a0", "a" * 50,
              "jusqu’", "années ", "é", "2019 – ", "2019. ", "Sept. ", "sept.", "08/03/",
              "2019-2020-", "en cours ", "aujourd’hui ", "e\u0301", "\u200b", "\u00ad",
              "8 jeunes et de leurs ", "encadrés par ", "annulation du ", "report du ",
              "l’année 2014 : ", "en janvier, ", "des villes (AVJ) ", "dite aussi « D", "N’D",
              "l’association « A » ", "viendra le 3 mai. ", "en 1986 à Dano et ", "-Ivry ",
              "n’a pu ", "ne s’est pas ", "a été gelé ", "mois de ", "fevrier ", "aout ",
              "decembre ", "mi- ", "mi-"]
    tail = " jeunes 2019 € :"
    # each piece alone, then one megabyte paragraph of every piece in turn
    texts = [piece * (128_000 // len(piece)) + tail for piece in pieces]
    texts.append("".join(piece * (60_000 // len(piece)) for piece in pieces) + tail)
    for text in texts:
        for read in readers:
            read(text)
    print("done", max(map(len, texts)))
""")


@pytest.mark.slow
def test_the_grammar_runs_in_linear_time_on_adversarial_text():
    """Every reader of dates, numbers, status, a list's items, an announced date and the
    partners a story names on adversarial paragraphs up to a megabyte (about 15 s). Not a benchmark: the generous timeout only catches a pattern that
    backtracks, which would take hours on such texts."""
    done = subprocess.run([sys.executable, "-c", ADVERSARIAL], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "done" and int(done.stdout.split()[1]) > 1_000_000


def test_abbreviated_weekdays_are_read_with_their_full_stop_and_must_match_their_date():
    assert parse_label("Sam. 12 & dim. 13 nov. 2022").edtf == "{2022-11-12,2022-11-13}"
    assert parse_label("Sam. 13 & dim. 14 nov. 2022") is None  # 13 November 2022 is a Sunday
    assert [t.code for t in tokens("Sam et Mer à Gao")][:3] == ["?", "&", "?"]


def test_a_weekday_in_the_plural_before_days_is_each_days_weekday():
    # the real page of Villemomble (round 7): a site notice "les jeudis 11, 18 et 25 avril"
    # under "1984 : …" is not of 1984 (11 April 1984 was a Wednesday)
    assert parse_label("les jeudis 11, 18 et 25 avril 2019").edtf == "{2019-04-11,2019-04-18,2019-04-25}"
    assert parse_label("les jeudis 11, 18 et 25 avril 1984") is None
    assert parse_label("les jeudis 11, 18 et 25 avril").edtf == "{XXXX-04-11,XXXX-04-18,XXXX-04-25}"
    assert [f.period for f in find_dates("fermé les jeudis 11, 18 et 25 avril 1984 après-midi")] == [None]


def test_a_numeric_date_with_a_two_digit_year_is_of_the_1940s_to_the_2030s():
    # the real page of Athis-Mons (round 7): "(23/12/89)", "les 17/01/90 et 17/04/90"; a page
    # of twinnings tells the 1950s on ("en mai 68", "l'été 55"), no year past the 2030s yet
    assert parse_label("les 17/01/90 et 17/04/90").edtf == "{1990-01-17,1990-04-17}"
    assert [parse_label(d).edtf for d in ("17/01/05", "31/12/39", "01/01/40", "31/12/68")] == [
        "2005-01-17", "2039-12-31", "1940-01-01", "1968-12-31"]
    assert [(f.text, f.period.edtf) for f in find_dates("un comité (23/12/89), qui organisera")] == [
        ("23/12/89", "1989-12-23")]
    assert parse_label("31/02/89") is None and find_dates("le score 3/4/123") == []


def test_a_time_of_day_is_left_out_of_the_period_and_a_bare_timestamp_is_not_one():
    assert parse_label("Vendredi 8 mars 2024 à 18:45").edtf == "2024-03-08"
    assert parse_label("Le 2 juin 2021 à 9 h").edtf == "2021-06-02"
    assert "G" not in "".join(t.code for t in tokens("Du 09.05.2024 00:00 au 13.05.2024"))


# --- Dates without their year ------------------------------------------------------------------

@pytest.mark.parametrize("label", [
    "Du 28 décembre au 3 janvier",  # over New Year: which year's December?
    "le 31 avril", "le 30 février", "Du 10 au 3 juillet", "Du 3 au juillet",
    "mars", "sept", "en sept", "Septembre",  # a bare month is too often no date; "sept" is seven
    "Depuis le 3 mars", "Jusqu’au 3 mars", "À partir de juin",  # no open end from an unknown year
    "cet été", "Printemps",  # a season without its year: no months it certainly names
    "le 3", "Vendredi",
])
def test_what_is_not_understood_without_a_year_is_none(label):
    assert parse_label(label) is None


@st.composite
def yearless_labels(draw):
    """A day or a month without its year, in the grammar's forms, any values."""
    m1, m2 = draw(month_names), draw(month_names)
    d1, d2 = draw(days), draw(days)
    sp = draw(space)
    weekday = draw(st.sampled_from(sorted(WEEKDAYS)))
    return draw(st.sampled_from([
        f"Le{sp}{d1}{sp}{m1}", f"{weekday.capitalize()} {d1} {m1}", f"le 1er {m1}",
        f"En{sp}{m1}", f"Au mois de {m1}", f"Fin {m1}", f"Du {d1} au {d2} {m1}",
        f"Du {d1} {m1} au {d2} {m2}", f"De {m1} à {m2}", f"Les {d1} et {d2} {m1}", f"{m1} et {m2}",
    ]))


@settings(max_examples=examples(300), deadline=None)  # python-edtf takes tens of ms per string
@given(yearless_labels())
def test_a_date_without_its_year_round_trips_through_python_edtf_with_its_months_only(label):
    period = parse_label(label)
    assert split_any_label(label + " : texte") == (label, "texte", period is not None)
    if period is None:  # no such day, backwards, the same day twice
        return
    assert period.yearless and period.edtf.count("XXXX") >= 1 and not re.search(r"\d{4}", period.edtf)
    parsed = parse_edtf(period.edtf)  # raises on a string that is not EDTF
    assert parse_edtf(str(parsed)).lower_strict() == parsed.lower_strict()
    low, high = parsed.lower_strict(), parsed.upper_strict()
    assert (low.tm_year, high.tm_year) == (0, 9999)  # python-edtf: any year
    assert (period.start_month, period.end_month) == (low.tm_mon, high.tm_mon)
    assert (period.start_year, period.end_year, period.start_date, period.end_date) == (None,) * 4
    assert period.is_ongoing is False


@pytest.mark.parametrize("label, edtf, months", [
    ("vendredi 27 avril", "XXXX-04-27", (4, 4)),  # real pages' words (tests/corpus/real/)
    ("Samedi 28 avril", "XXXX-04-28", (4, 4)),
    ("les 17 et 18 septembre", "{XXXX-09-17,XXXX-09-18}", (9, 9)),
    ("en juin", "XXXX-06", (6, 6)),
    ("Vendredi 24 mai", "XXXX-05-24", (5, 5)),
    ("en juillet", "XXXX-07", (7, 7)),
    ("le 3 octobre", "XXXX-10-03", (10, 10)),
    ("Du lundi 30 avril au mercredi 2 mai", "XXXX-04-30/XXXX-05-02", (4, 5)),
    ("le 29 février", "XXXX-02-29", (2, 2)),  # a day of some years
    ("Vendredi 12 mars", "XXXX-03-12", (3, 3)),  # a Friday in some year: no year to check it in
])
def test_a_date_without_its_year_keeps_its_months(label, edtf, months):
    period = parse_label(label)
    assert (period.edtf, (period.start_month, period.end_month)) == (edtf, months)
    assert (period.start_year, period.end_year, period.start_date, period.end_date, period.is_ongoing) == (
        None, None, None, None, False)


def test_a_date_with_its_year_is_never_read_without_it():
    assert parse_label("Vendredi 27 avril 2018").edtf == "2018-04-27"
    assert parse_label("Vendredi 12 mars 2022") is None  # a Saturday: the year is checked
    assert parse_label("Du 3 au 10 juillet 2023").edtf == "2023-07-03/2023-07-10"
    assert parse_label("Du 28 février au 3 mars 2020").edtf == "2020-02-28/2020-03-03"


def test_dates_without_their_year_are_found_in_a_text_only_when_asked():
    text = "Le 3 octobre, réunion publique. En juin, concert. Le 12 mars 2019, visite (mai 2018)."
    assert [(f.text, f.period.edtf) for f in find_dates(text)] == [
        ("Le 12 mars 2019", "2019-03-12"), ("mai 2018", "2018-05")]
    assert [(f.text, f.period.edtf) for f in find_dates(text, yearless=True)] == [
        ("Le 3 octobre", "XXXX-10-03"), ("En juin", "XXXX-06"), ("Le 12 mars 2019", "2019-03-12"),
        ("mai 2018", "2018-05")]
    assert find_dates("Ils étaient sept à la mairie.", yearless=True) == []


@pytest.mark.parametrize("text, found", [
    ("Le 3 octobre, réunion publique avec projection du film.", ("Le 3 octobre", "XXXX-10-03")),
    ("Vendredi 24 mai, la chorale a chanté à la salle des fêtes.", ("Vendredi 24 mai", "XXXX-05-24")),
    # a year anywhere in the entry may be that day's: no date without its year
    ("Le 3 octobre, réunion publique. Le film a été tourné en 2019.", None),
    ("Le 3 octobre, réunion publique ; le 5 mai 2019, concert.", ("le 5 mai 2019", "2019-05-05")),
    ("Une réunion publique aura lieu prochainement.", None),
])
def test_an_entry_that_writes_no_year_is_dated_by_its_day_or_month(text, found):
    got = date_in(text)
    assert ((got.text, got.period.edtf) if got else None) == found


# Pieces of labels and of sentences, glued at random: what closes_label is checked on.
_LABEL_PIECES = ["2019", "2020", "Juin", "juin", "-", "–", ".", ",", "(", ")", ":", "et", "à", "de",
                 "accueil", "\u200b", "1er", "18h", "à 19:30", "Printemps", "Déc.", "mi-", "depuis",
                 "en cours", "?", "12/03/2020", "03/2019", "années", "90", "Accueil", "«", "…",
                 "e\u0301", "fin", "3e", ";", "ſ", "İ", " ", "  "]


def _closed_by_a_colon(text: str) -> bool:
    """What label_alone reads first: the text with " :" after it, wholly a label."""
    found = split_any_label(text.rstrip() + " :")
    return bool(found and not found[1].strip() and found[0] == text.strip())


@settings(max_examples=examples(3000), deadline=None)
@given(st.lists(st.sampled_from(_LABEL_PIECES), min_size=1, max_size=14), st.lists(st.booleans()))
def test_a_colon_ends_a_label_only_where_closes_label_says(pieces, spaces):
    """``closes_label`` spares label_alone its second reading of a short block: it may say
    True in vain, never False where the text with a colon is wholly a label."""
    text = "".join(p + (" " if i < len(spaces) and spaces[i] else "") for i, p in enumerate(pieces))
    if len(text.rstrip()) + 2 <= 120 and _closed_by_a_colon(text):
        assert closes_label(text), text


def test_closes_label_on_the_page(page):
    texts = [b.text for s in page.sections for b in [s.heading, *s.description]]
    texts += [e.text for s in page.sections for e in s.entries]
    texts += [t.split(":")[0] for t in texts] + [t.split(",")[0] for t in texts]
    short = [t for t in texts if len(t.rstrip()) + 2 <= 120]
    closed = [t for t in short if _closed_by_a_colon(t)]
    assert len(closed) > 30 and all(closes_label(t) for t in closed)
    assert not closes_label("2019 : accueil de huit jeunes") and not closes_label("Accueil de jeunes")


@pytest.mark.parametrize("sentence, found", [
    ("Le chantier de l’automne 21 a réuni huit bénévoles.", [("l’automne 21", "2021-23")]),
    ("En mars 22 élèves ont visité la mairie de Kita.", []),  # a count, not 2022
    ("Au T2 2024 puis en S2 2024, deux missions.", [("Au T2 2024", "2024-34"), ("en S2 2024", "2024-41")]),
    ("Un séjour la 1re quinzaine de mars 2022 à Oulu.", [("la 1re quinzaine de mars 2022", "2022-03-01/2022-03-15")]),
])
def test_short_years_semester_letters_and_parts_of_a_month_inside_sentences(sentence, found):
    from pipeline.dates import find_dates
    assert [(f.text, f.period.edtf) for f in find_dates(sentence)] == found


def test_a_dated_line_that_ends_on_a_day_without_its_year_is_an_entry_of_that_month():
    """"Visite des choristes le 14 septembre" (a line of a report, read as a label whole):
    the day that ends it dates the entry, its year unspecified; not a month that words go on
    after (its year cut off)."""
    from pipeline.extract import entry_facts

    period = entry_facts("Visite des choristes le 14 septembre", "Visite des choristes le 14 septembre").period
    assert (period.start_year, period.start_month, period.end_month, period.edtf) == (None, 9, 9, "XXXX-09-14")
    assert entry_facts("Séjour prévu en juillet de", "Séjour prévu en juillet de").period is None
def test_a_week_by_its_iso_number_is_its_seven_days():
    from pipeline.dates import parse_label
    week = parse_label("Semaine 9 de 2025")
    assert (week.edtf, week.start_month, week.end_month) == ("2025-02-24/2025-03-02", 2, 3)
    assert parse_label("semaine 1 en 2021").edtf == "2021-01-04/2021-01-10"
    assert parse_label("Semaine 60 de 2024") is None


@pytest.mark.parametrize("label, edtf, months", [
    ("Semaine du 7 octobre 2024", "2024-10-07/2024-10-13", (10, 10)),
    ("sem. du 28/02/2023", "2023-02-28/2023-03-06", (2, 3)),  # a week across two months
    ("Sem. du lundi 4 novembre 2019", "2019-11-04/2019-11-10", (11, 11)),
])
def test_the_week_that_opens_on_a_day_is_its_seven_days(label, edtf, months):
    from pipeline.dates import parse_label
    week = parse_label(label)
    assert (week.edtf, (week.start_month, week.end_month)) == (edtf, months)


@pytest.mark.parametrize("label, edtf", [
    ("3e trim. 2021", "2021-35"), ("1er trim. 2019", "2019-33"), ("2nd sem. 2022", "2022-41"),
    ("Premier sem. 2020", "2020-40"),
])
def test_a_quarter_or_a_semester_cut_short_is_read_with_its_full_stop(label, edtf):
    from pipeline.dates import parse_label
    assert parse_label(label).edtf == edtf


@pytest.mark.parametrize("label, edtf", [
    ("De février à la fin du premier trimestre 2023", "2023-02/2023-03"),
    ("de septembre 2021 à la fin du 2nd semestre 2021", "2021-09/2021-12"),
    ("Du mois d'avril à la fin du troisième trimestre 2020", "2020-04/2020-09"),
])
def test_a_month_to_the_end_of_a_quarter_or_a_semester_ends_with_its_last_month(label, edtf):
    from pipeline.dates import parse_label
    assert parse_label(label).edtf == edtf


def test_a_month_to_the_start_of_a_semester_or_after_its_end_is_not_understood():
    from pipeline.dates import parse_label
    assert parse_label("De mai au début du second semestre 2020") is None
    assert parse_label("De novembre à la fin du premier trimestre 2020") is None  # backwards


def test_a_cut_short_word_without_its_full_stop_or_its_number_is_no_date():
    from pipeline.dates import parse_label
    assert parse_label("sem 2019") is None and parse_label("trim. 2016") is None
    assert parse_label("Semaine de la solidarité") is None


def test_a_movable_feast_is_the_month_it_falls_in_that_year():
    from pipeline.dates import parse_label
    assert parse_label("Pâques 2016").edtf == "2016-03"  # 27 March
    assert parse_label("Pâques 2017").edtf == "2017-04"  # 16 April
    assert parse_label("Ascension 2026").edtf == "2026-05"  # 14 May
    assert parse_label("Pentecôte 2019").edtf == "2019-06"  # 9 June
    assert parse_label("vacances de Pâques 2016").edtf == "2016-03/2016-04"  # the holidays


def test_a_year_of_a_plan_is_that_one_year_of_its_span():
    from pipeline.dates import parse_label, split_any_label
    assert parse_label("Année 3 du programme quadriennal 2020-2023").edtf == "2022"
    assert parse_label("2e année de la convention (2019-2021)").edtf == "2020"
    assert parse_label("Troisième année du plan d’action 2024 à 2026").edtf == "2026"
    assert parse_label("Année 5 du plan 2020-2023") is None  # past the plan's last year
    assert parse_label("Cette année du plan 2020-2023") is None  # no ordinal
    assert split_any_label("Année 1 du contrat 2021-2022 : achat de vélos") == (
        "Année 1 du contrat 2021-2022", "achat de vélos", True)


def test_a_part_of_a_decade_is_the_years_of_that_part():
    from pipeline.dates import parse_label
    assert parse_label("Début des années 1970").edtf == "1970/1973"
    assert parse_label("au milieu des années 2000").edtf == "2004/2006"
    assert parse_label("Vers la fin des années 50") is None  # approximate: not understood
    assert parse_label("à la fin des années 50").edtf == "1957/1959"
    assert parse_label("Les années 1980").edtf == "198X"  # the whole decade


def test_how_many_times_between_a_year_and_its_months_is_no_part_of_the_date():
    from pipeline.dates import parse_label, split_any_label
    period = parse_label("En 2022, à trois reprises (mars, mai et septembre)")
    assert (period.start_year, period.start_month, period.end_month) == (2022, 3, 9)
    assert parse_label("2021, deux fois (janvier et juin)").edtf == "{2021-01,2021-06}"
    assert parse_label("En 2020 à plusieurs reprises").edtf == "2020"
    assert split_any_label("En 2022, à trois reprises (mars, mai et septembre) : visites") == (
        "En 2022, à trois reprises (mars, mai et septembre)", "visites", True)
@pytest.mark.parametrize("text, label, edtf", [
    ("Depuis le lancement du jumelage scolaire, le 3 octobre 2022, les élèves s’écrivent.",
     "Depuis le lancement du jumelage scolaire, le 3 octobre 2022", "2022-10-03/.."),
    ("Depuis l’ouverture du centre, en avril 2019, les jeunes y viennent.",
     "Depuis l’ouverture du centre, en avril 2019", "2019-04/.."),
    ("Depuis la signature de l’accord, en 2016, la ville envoie des livres.",
     "Depuis la signature de l’accord, en 2016", "2016/.."),
])
def test_a_start_named_by_its_event_then_dated_is_ongoing_since_that_date(text, label, edtf):
    """Issue 20: "Depuis le coup d'envoi du programme, le 15 janvier 2025, …" names the
    start by its event, then dates it in apposition: the label is the whole lead-in, ongoing
    since that date; an event that is no start ("Depuis la guerre, …") makes no label."""
    found = split_any_label(text)
    assert found is not None and found[0] == label and found[2]
    period = parse_label(label)
    assert period.edtf == edtf and period.is_ongoing and period.end_year is None
    assert split_any_label("Depuis la fin de la guerre, le 8 mai 1945 est férié.") is None


@pytest.mark.parametrize("label, edtf", [
    ("2016 · 2017", "{2016,2017}"),  # a middle dot between a list's years
    ("2011 2012 · 2014", "{2011,2012,2014}"),  # a tile's lines: a year over a list
])
def test_a_list_of_years_joined_by_middle_dots(label, edtf):
    """Issue 20: a calendar tile writes "2020" over "2021 · 2022": the list of its years. Two years side by side with
    no list after them are no label, and the middle dot of an inclusive word is the word's."""
    period = parse_label(label)
    assert period is not None and period.edtf == edtf
    assert parse_label("2019 2020") is None
    assert [f.text for f in find_dates("les ivryen·nes sont venu·es en 2019.")] == ["en 2019"]


def test_a_season_abbreviated_on_a_calendar_tile_with_its_full_stop():
    """Issue 20: a calendar tile abbreviates the season as it does the month ("PRINT." over
    "2019", as "SEPT." over "2019"); without its full stop the word is no season."""
    assert parse_label("PRINT. 2021").edtf == "2021-21"
    assert parse_label("Print 2021") is None


def _dates_one_piece_at_a_time(text: str, yearless: bool = False) -> list[tuple[str, int, int, object]]:
    """The date reader as it was written first: at each token that may open a date, every
    piece from the longest down, each read by every form in turn."""
    toks = list(tokens(text, len(text)))
    found, i = [], 0
    while i < len(toks):
        if toks[i].code in dates._STARTS:
            for j in range(min(len(toks), i + dates.MAX_EXPRESSION), i, -1):
                piece = toks[i:j]
                if not dates._holds_date("".join(t.code for t in piece)):
                    break
                period = dates._read(piece, yearless)
                if period is not False and not dates._year_runs_on(piece, toks[j] if j < len(toks) else None):
                    found.append((text[piece[0].start:piece[-1].end], piece[0].start, piece[-1].end,
                                  period if isinstance(period, dates.Period) else None))
                    i = j - 1
                    break
        i += 1
    return found


DATE_WORDS = ["2017", "1994", "07", "3", "14", "30", "mai", "octobre", "été", "années", "80", "du", "au",
              "de", "à", "en", "le", "l'", "et", ",", "-", "–", "depuis", "jusqu'en", "fin", "mi-",
              "1er", "semestre", "lundi", "aujourd'hui", "chaque", "année", "Pâques", "·", ";", "=", "(",
              ")", "x", "f", "+", "/", "*", "{", "}", "chorale", "."]


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.sampled_from(DATE_WORDS), max_size=60), st.booleans())
def test_the_dates_of_a_text_are_those_read_one_piece_at_a_time(words, yearless):
    """The reader asks the grammar once for each run of codes, and reads a long text only as
    far as the date asked for: the same dates, at the same places, as reading every piece at
    every token with every form."""
    text = " ".join(words)
    expected = _dates_one_piece_at_a_time(text, yearless)
    assert [(f.text, f.start, f.end, f.period) for f in find_dates(text, yearless)] == expected
    assert [(f.text, f.start, f.end, f.period) for f in dates_of(text, yearless)] == expected


def test_a_paragraph_of_numbers_reads_each_date_once(monkeypatch):
    """A paragraph of formulas (numbers and years on every other token, each of which may
    open a date) is read once a date it holds, not once each of the sixteen pieces at each
    of its numbers with every form of the grammar (1.4 MB of it took minutes); and the
    first date of a long sentence is found without reading the rest."""
    text = "=SOMME(B2:C9)*14/3 ; y = 2018 - 7 + g(11, 2021) ; d = Date(2015, 5, 30) ; " * 400
    reads = []
    real = dates._read
    monkeypatch.setattr(dates, "_read", lambda *args: reads.append(1) or real(*args))
    found = find_dates(text)
    assert len(found) >= 1000
    assert len(reads) <= len(found) + 10
    reads.clear()
    assert next(dates_of(text)).start == text.index("2018")
    assert len(reads) <= 2
