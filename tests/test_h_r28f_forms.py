"""Red team 28's formats and forms, each in a small page of its own: a town agenda exported as
iCalendar (folded lines, escaped commas, machine dates with an exclusive end, yearly rules,
the partner only in the categories and the summary's head)."""

from pipeline.extract import extract
from pipeline.load import read_bytes
from pipeline.parse import parse
from pipeline.tables import tables

_ICS = "\r\n".join([
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mairie//Agenda//FR",
    "X-WR-CALNAME:Coopération internationale",
    "BEGIN:VTIMEZONE", "TZID:Europe/Paris", "BEGIN:STANDARD", "DTSTART:19701025T030000",
    "END:STANDARD", "END:VTIMEZONE",
    "BEGIN:VJOURNAL", "UID:p1", "DTSTAMP:20230105T101500Z", "SUMMARY:Ségou (Mali)",
    "DESCRIPTION:Ségou est une ville du centre du Mali. Un accord de coopération a été s",
    " igné en 2001 entre les deux villes.",
    "CATEGORIES:Présentation\\,Ségou", "END:VJOURNAL",
    "BEGIN:VEVENT", "UID:e1", "DTSTAMP:20230105T101500Z",
    "DTSTART;VALUE=DATE:20090101", "DTEND;VALUE=DATE:20120101",
    "SUMMARY:Ségou – Construction d’un…",
    "DESCRIPTION:construction d’un centre de santé\\, avec l’association des ress",
    " ortissants.", "CATEGORIES:Coopération\\,Ségou", "LOCATION:Ségou\\, Mali", "END:VEVENT",
    "BEGIN:VEVENT", "UID:e2", "DTSTAMP:20230105T101500Z",
    "DTSTART;VALUE=DATE:20100705", "DTEND;VALUE=DATE:20100725", "RRULE:FREQ=YEARLY",
    "SUMMARY:Tulcea – Accueil…",
    "DESCRIPTION:accueil chaque été de huit jeunes de Tulcea.",
    "CATEGORIES:Coopération,Tulcea", "LOCATION:Tulcea\\, Roumanie", "END:VEVENT",
    "BEGIN:VEVENT", "UID:e3", "DTSTAMP:20230105T101500Z",
    "DTSTART;VALUE=DATE:20130401", "DTEND;VALUE=DATE:20130601",
    "SUMMARY:Ségou – Mission…", "DESCRIPTION:mission d’élus à Ségou.",
    "CATEGORIES:Coopération\\,Ségou", "LOCATION:Ségou\\, Mali", "END:VEVENT",
    "BEGIN:VEVENT", "UID:e4", "DTSTAMP:20230105T101500Z",
    "DTSTART;VALUE=DATE:20140301", "DTEND;VALUE=DATE:20140302", "RRULE:FREQ=YEARLY;COUNT=3",
    "SUMMARY:Tulcea – Course…", "DESCRIPTION:Date affichée : Printemps 2014\\n\\ncourse des deux villes.",
    "CATEGORIES:Coopération,Tulcea", "LOCATION:Tulcea\\, Roumanie", "END:VEVENT",
    "END:VCALENDAR", ""])


def test_an_icalendar_export_is_read_partner_by_partner_each_event_labelled_by_its_dates() -> None:
    document = read_bytes(_ICS.encode(), "agenda.ics")
    data = tables(extract(parse(document.blocks)))
    names = {p["partner_id"]: p["name"] for p in data["partners"]}
    assert sorted(names.values()) == ["Ségou", "Tulcea"]
    dated = {(names[a["partner_id"]], a["date_label"]): a for a in data["actions"]}
    # whole years (an exclusive end on 1 January), whole months, a yearly rule without end,
    # and the label the description shows as a date field
    assert set(dated) == {("Ségou", "2009/2011"), ("Ségou", "2013-04/2013-05"), ("Tulcea", "2010/.."),
                          ("Tulcea", "Printemps 2014")}
    assert dated[("Ségou", "2009/2011")]["text"].endswith(
        "construction d’un centre de santé, avec l’association des ressortissants.")  # unfolded, unescaped
    assert (dated[("Ségou", "2009/2011")]["start_year"], dated[("Ségou", "2009/2011")]["end_year"]) == (2009, 2011)
    assert dated[("Tulcea", "2010/..")]["is_ongoing"] is True
    segou = next(p for p in data["partners"] if p["name"] == "Ségou")
    assert segou["agreement_year"] == 2001  # its presentation, a journal, read under its heading
    assert not any("1970" in (a["date_label"] or "") or "2023" in (a["date_label"] or "")
                   for a in data["actions"])  # time zones and stamps are no dates


def test_a_note_s_date_shorthand_is_read() -> None:
    from pipeline.dates import parse_label, split_any_label

    assert parse_label("2011→").edtf == "2011/.."  # an arrow after a date: from then on
    assert parse_label("2011→").is_ongoing is True
    assert parse_label("03/16").edtf == "2016-03"  # a month and its year in two digits
    assert parse_label("03→04/16").edtf == "2016-03/2016-04"
    assert parse_label("11/23→").edtf == "2023-11/.."
    assert parse_label("2017-18-19").edtf == "2017/2019"  # the years after it in two digits
    assert parse_label("2017-05-19").edtf == "2017-05-19"  # an ISO day stays one
    assert parse_label("03/11") is None  # a day and its month, or a month of 2011: not guessed
    assert split_any_label("03/16 : accueil de jeunes") == ("03/16", "accueil de jeunes", True)


_MEMO = """NOTE INTERNE – PARTENARIATS

■ SÉGOU [ML] – coopération, convention signée en 2001
Contexte : ville du centre du pays.

  • 2009→11 : construction d’un centre de santé.
  • 03/16 : mission d’élus à Ségou.

■ TULCEA [RO] – jumelage 1995

  • 2011→ : accueil chaque été de jeunes de Tulcea.
  • 2017-18-19 : échanges scolaires.
"""


def test_a_memo_s_headings_name_their_country_by_its_code_in_square_brackets() -> None:
    data = _read_text(_MEMO)
    partners = {p["partner_id"]: p for p in data["partners"]}
    assert sorted((p["name"], p["country_code"]) for p in partners.values()) == [("SÉGOU", "ML"),
                                                                                   ("TULCEA", "RO")]
    dated = {(partners[a["partner_id"]]["name"], a["date_label"]): a["period"] for a in data["actions"]}
    assert dated == {("SÉGOU", "2009→11"): "2009/2011", ("SÉGOU", "03/16"): "2016-03",
                     ("TULCEA", "2011→"): "2011/..", ("TULCEA", "2017-18-19"): "2017/2019"}


def _read_text(page: str) -> dict:
    return tables(extract(parse(read_bytes(page.encode(), "note.txt").blocks)))


def test_a_spreadsheet_s_month_cell_is_read() -> None:
    from pipeline.dates import parse_label

    assert parse_label("oct-15").edtf == "2015-10"  # Excel's "mmm-aa"
    assert parse_label("avr-09").edtf == "2009-04"
    assert parse_label("avr - 09") is None  # spaced, no such cell
