"""Forms of text pages that round 23's edited pages brought: a council's deliberation
pasted as the page, with no partner heading; each "Considérant" clause names its partner
(after "avec", "à", or in the clause's subject with its country in brackets), its country
given only elsewhere on the page (the "Vu la délibération …" lines). Each page here is
written for the test, in sentences of its own, not the round's page."""

from pathlib import Path

from tests.corpus.score import records_of

MOTION = """\
Coopération internationale

EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS
Séance du mardi 5 mars 2024

Vu la délibération du 12 mai 1988 approuvant la charte de jumelage avec la ville d'Olite (Espagne),

Vu la délibération du 3 février 2001 approuvant l'accord de coopération avec la commune de Kita, au Mali,

Considérant qu'avec Olite, la commune a reçu de 2009 à 2013 les fanfares de Navarre, et qu'un échange de lycéens a eu lieu en avril 2019,

{kita} un forage creusé en 2015 alimente l'école, et que la maternité rénovée en 2022 accueille vingt naissances par mois,

Considérant que les chantiers de jeunes de Hallstatt (Autriche), ouverts depuis 2011, ont accueilli douze bénévoles en juillet 2023,

ARTICLE 1 : APPROUVE le bilan ci-dessus.

Le Maire, Jean Morel
"""


def _rows(tmp_path: Path, kita: str = "Considérant également qu'à Kita,") -> tuple[list, set]:
    path = tmp_path / "page.txt"
    path.write_text(MOTION.format(kita=kita), encoding="utf-8")
    data = records_of(path)
    return ([(p["partner_id"], p["country_code"]) for p in data["partners"]],
            {(a["partner_id"], a["date_label"]) for a in data["actions"]})


def test_each_clause_of_a_deliberation_opens_the_section_of_the_partner_it_names(tmp_path: Path) -> None:
    partners, actions = _rows(tmp_path)
    # the countries come from the "Vu" lines; the signature's office is no partner
    assert partners == [("olite", "ES"), ("kita", "ML"), ("hallstatt", "AT")]
    assert {("olite", "de 2009 à 2013"), ("olite", "en avril 2019"), ("kita", "en 2015"),
            ("kita", "en 2022"), ("hallstatt", "en juillet 2023")} <= actions


def test_a_clause_opened_otherwise_still_names_its_partner(tmp_path: Path) -> None:
    for opening in ["Attendu qu'avec Kita,", "Considérant, en outre, qu'à Kita,", "Constatant enfin qu'avec Kita,"]:
        partners, actions = _rows(tmp_path, opening)
        assert ("kita", "ML") in partners, opening
        assert ("kita", "en 2015") in actions, opening


def test_a_clause_opening_on_a_place_the_page_gives_no_country_is_no_partner(tmp_path: Path) -> None:
    partners, _ = _rows(tmp_path, "Considérant qu'à Montbrison,")
    assert [p for p, _ in partners if p == "montbrison"] == []


REPORT = """\
Nos jumelages

COMITÉ DE JUMELAGE D'IVRY-SUR-SEINE
Assemblée générale du samedi 23 novembre 2024

Olite (Espagne)

La charte d'amitié avec Olite a été signée en 1988. En 2019, les fanfares des deux villes ont défilé ensemble ; deux ans plus tard, les lycéens d'Olite sont venus à Ivry.

En juillet dernier, douze jeunes sont partis dix jours à Olite. Un chantier de jeunes se tiendra à Olite au printemps prochain.

Kita (Mali)

Le protocole avec Kita a été signé en 2001. En 2010, un forage a été creusé ; l'année suivante, la maternité a ouvert.
"""


def test_a_meetings_day_in_the_introduction_tells_last_and_next_from_it(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(REPORT, encoding="utf-8")
    data = records_of(path)
    # the committee named after the town itself is no partner
    assert [p["partner_id"] for p in data["partners"]] == ["olite", "kita"]
    by = {a["date_label"]: a for a in data["actions"]}
    assert (by["En juillet"]["start_year"], by["En juillet"]["start_month"]) == (2024, 7)
    assert by["au printemps prochain"]["start_year"] == 2025
    assert by["deux ans plus tard"]["start_year"] == 2021


def test_a_clause_with_dated_lines_below_it_is_still_read_as_prose(tmp_path: Path) -> None:
    text = MOTION.replace("ARTICLE 1 : APPROUVE le bilan ci-dessus.",
                          "ARTICLE 1 : ATTRIBUE une subvention de 2 000 € pour l'année 2024.\n\n"
                          "Transmis en préfecture le 8 mars 2024")
    path = tmp_path / "page.txt"
    path.write_text(text.format(kita="Considérant qu'à Kita,"), encoding="utf-8")
    actions = {(a["partner_id"], a["date_label"]) for a in records_of(path)["actions"]}
    assert ("hallstatt", "en juillet 2023") in actions


def test_an_article_naming_another_partner_goes_to_it_and_the_acts_year_is_the_ties(tmp_path: Path) -> None:
    text = MOTION.replace("ARTICLE 1 : APPROUVE le bilan ci-dessus.",
                          "ARTICLE 1 : ATTRIBUE une subvention de 4 000 € pour équiper en 2024 la maternité de Kita.")
    text = text.replace("la commune a reçu de 2009", "le comité de jumelage anime depuis 2012 un atelier, "
                        "qu'il a reçu de 2009")
    path = tmp_path / "page.txt"
    path.write_text(text.format(kita="Considérant qu'à Kita,"), encoding="utf-8")
    data = records_of(path)
    # the "Vu" line's act gives the tie's year, not "le comité de jumelage anime depuis 2012"
    assert {p["partner_id"]: p["agreement_year"] for p in data["partners"]}["olite"] == 1988
    by = {(a["partner_id"], a["date_label"]): a for a in data["actions"]}
    assert by[("kita", "en 2024")]["amount_eur"] == 4000
    assert not any(p == "hallstatt" and "ARTICLE" in a["text"] for (p, _), a in by.items())


def test_a_clause_with_an_aside_before_its_que_and_a_country_given_as_an_adjective(tmp_path: Path) -> None:
    text = MOTION.replace("avec la commune de Kita, au Mali,", "avec la commune malienne de Kita,")
    path = tmp_path / "page.txt"
    path.write_text(text.format(kita="Considérant, d'autre part, qu'à Kita,"), encoding="utf-8")
    data = records_of(path)
    assert ("kita", "ML") in [(p["partner_id"], p["country_code"]) for p in data["partners"]]
    assert ("kita", "en 2015") in {(a["partner_id"], a["date_label"]) for a in data["actions"]}


def test_other_lines_dating_the_meeting_the_page_is_the_text_of() -> None:
    from pipeline.parse import sitting_day
    from pipeline.read import Block

    assert sitting_day([Block("paragraph", "Réunion du conseil municipal du lundi 9 juin 2025", 2)]) == (2025, 6, 9)
    assert sitting_day([Block("paragraph", "AG du 12 janvier 2025", 2)]) == (2025, 1, 12)
    # a sentence of the story, a range of days, or no meeting's word: no time of writing
    assert sitting_day([Block("paragraph", "Nous sommes partis le 12 janvier 2025.", 2)]) is None
    assert sitting_day([Block("paragraph", "Conseil des jeunes du 3 au 7 mars 2025", 2)]) is None
    assert sitting_day([Block("paragraph", "Agenda du 12 janvier 2025", 2)]) is None
