"""An archive's virtual exhibition: rooms numbered before their partner's name ("Salle 2 —
Tamba (Mali)"), each document a notice of fields whose date is written as an archivist
or a database writes it: a month in ISO 8601 ("2011-09"), an interval open at its end
("2015/.."), a date restored from the document in square brackets ("[1998]", "[mars 2022
?]"). Pages written here, with places, sentences and markup of their own."""

import pytest

from pipeline.dates import parse_label, split_any_label
from pipeline.extract import extract
from pipeline.load import read_bytes
from pipeline.parse import label_alone, parse
from pipeline.places import split_heading, without_lead_in

TOP = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><main><h1>Nos jumelages en archives</h1>"
BOTTOM = "</main></body></html>"


def _notice(date, text, extent="3 photographies"):
    return ("<div class='item'><h3>Document</h3><dl>"
            f"<div><dt>Date</dt><dd>{date}</dd></div><div><dt>Type</dt><dd>Photographie</dd></div>"
            f"<div><dt>Description</dt><dd>{text}</dd></div>"
            f"<div><dt>Importance matérielle</dt><dd>{extent}</dd></div>"
            "<div><dt>Cote</dt><dd>7 Fi 12</dd></div></dl></div>")


def _records(body):
    document = read_bytes(f"{TOP}{body}{BOTTOM}".encode(), "page.html")
    return extract(parse(document.blocks))


@pytest.mark.parametrize(("heading", "name"), [
    ("Salle 2 — Tamba (Mali)", "Tamba"),
    ("Chapitre IV : Quargnento (Italie)", "Quargnento"),
    ("Étape 3 – Jumelage avec Wolfach (Allemagne)", "Wolfach"),
    ("Volet B - Tomar (Portugal)", "Tomar"),
    ("Vitrine n° 5 — Kita (Mali)", "Kita"),
])
def test_a_division_of_the_work_numbering_a_heading_is_no_part_of_its_place(heading, name):
    assert split_heading(heading)[0] == name


def test_a_room_or_a_hall_named_otherwise_keeps_its_words():
    assert without_lead_in("Salle des fêtes – Tamba") == "Salle des fêtes – Tamba"
    assert without_lead_in("Étape 2") == "Étape 2"  # a division alone heads no place
    # nor one before a title that names no place with its country
    assert without_lead_in("CHAPITRE 3 – NOS ÉCHANGES") == "CHAPITRE 3 – NOS ÉCHANGES"


@pytest.mark.parametrize(("label", "edtf"), [
    ("2011-09", "2011-09"),  # a month in ISO 8601: 2011 to 2009 cannot be
    ("2020-03", "2020-03"),  # ("1999-12" stays 1999 to 2012, as before)
    ("2015/..", "2015/.."),  # EDTF: from 2015 on
    ("2011-09/..", "2011-09/.."),
    ("[1998]", "1998"),  # restored by the archivist
    ("[mars 2022 ?]", "2022-03"),  # restored, with a doubt
    ("[2004?]", "2004"),
    ("2011-09/2011-11", "2011-09/2011-11"),  # EDTF: from a month to a month
    ("2011-09/2012", "2011-09/2012"),
])
def test_an_archives_date_forms(label, edtf):
    period = parse_label(label)
    assert period is not None and period.edtf == edtf
    assert label_alone(label) == label  # alone on its line: the label of what is below


def test_a_two_digit_end_that_can_follow_stays_a_span_of_years():
    assert parse_label("2008-09").edtf == "2008/2009"  # a school year, as French writes it
    assert parse_label("2014-15").edtf == "2014/2015"
    assert parse_label("[vers 2001]") is None  # approximate: not understood, as "vers 2001"
    assert split_any_label("[Mali] Tamba") is None
    assert parse_label("2015/..").is_ongoing and parse_label("2015/..").end_year is None
    assert parse_label("2011-11/2011-09") is None  # backwards


def test_an_exhibitions_rooms_and_notices_are_partners_and_their_actions():
    body = ("<section><h2>Salle 1 — Tamba (Mali)</h2><p>Liée à notre ville depuis 2001.</p>"
            + _notice("2011-09", "Inauguration de la bibliothèque de Tamba par les deux maires.")
            + _notice("2015/..", "Depuis 2015, chaque hiver, collecte de fournitures pour les écoles de Tamba.",
                      "Lot de 27 tirages")
            + _notice("[mars 2022 ?]", "Envoi d'un container de matériel agricole.")
            + "</section><section><h2>Salle 2 — Quargnento (Italie)</h2>"
            + _notice("[1998]", "Premier concert de la chorale de Quargnento dans notre église.")
            + "</section>")
    got = _records(body)
    assert [p["partner_id"] for p in got["partners"]] == ["tamba", "quargnento"]
    rows = [(a["partner_id"], a["start_year"], a["start_month"], a["end_year"], a["is_ongoing"])
            for a in got["actions"]]
    assert rows == [("tamba", 2011, 9, 2011, False), ("tamba", 2015, None, None, True),
                    ("tamba", 2022, 3, 2022, False), ("quargnento", 1998, None, 1998, False)]
    winter = got["actions"][1]
    assert "collecte de fournitures" in winter["text"] and winter["participants"] is None  # 27 prints
