"""A text page written in a wiki's markup (a wiki's raw source saved as text), and months
written in Roman numerals, as archives and registers date things. Pages written here, in
words of their own; each test reads the page through the read, parse and extract stages
(or the read stage alone) and checks what a person reading the page would take from it."""

import pytest

from pipeline.dates import parse_label
from pipeline.extract import extract
from pipeline.load import read_bytes
from pipeline.parse import parse
from pipeline.wiki import IMAGE, SETTING, is_wiki

WHAT = ("partner_id", "date_label", "period", "participants", "amount_eur", "status")

DOKUWIKI = """====== Nos villes amies ======
~~NOCACHE~~

La commune entretient des liens avec :

  * Kandi, au nord du Bénin
  * la ville de Tartu (Estonie)

===== Kandi (Bénin) =====

{{ :amis:kandi_marche.jpg?200|Le marché de Kandi, 1994}}

Les échanges ont commencé par une visite de classes en 2001.

^ Période ^ Action ^ Dossier ^
| IX.2015 | visite de **douze** enseignants béninois dans nos écoles. | 88 W 3 |
| :::     | Ils ont aussi rencontré le club de lutte. | |
| III-IV.2019 | envoi de deux ordinateurs au lycée de Kandi. \\\\ • un graveur \\\\ • une imprimante | 91 W 7 |
| 2.XI–9.XI.2021 | séjour de 9 collégiens à Kandi, hébergés par des familles.((Reporté : la saison des pluies a coupé les routes.)) | — |

===== Tartu (Estonie) =====

^ Date ^ Action ^
| 2020 | concert commun des deux chorales [[:amis:chorales|en ligne]]. |

----
//Voir aussi : [[:amis:tuzla|Tuzla (projet)]] · [[:archives:fonds|Fonds des amitiés (1990-2012)]]//

{{tag>amitiés archives}}
"""


def actions(page: str) -> list[tuple]:
    document = read_bytes(page.encode("utf-8"), "page.txt")
    return [tuple(a[k] for k in WHAT) for a in extract(parse(document.blocks))["actions"]]


def test_a_dokuwiki_tables_rows_are_entries_a_rowspan_going_on_with_the_row_above() -> None:
    got = actions(DOKUWIKI)
    assert [(a[0], a[1], a[2]) for a in got] == [
        ("kandi", "IX.2015", "2015-09"),
        ("kandi", "III-IV.2019", "2019-03/2019-04"),
        ("kandi", "2.XI–9.XI.2021", "2021-11-02/2021-11-09"),
        ("tartu", "2020", "2020"),
    ]
    document = read_bytes(DOKUWIKI.encode("utf-8"), "page.txt")
    records = extract(parse(document.blocks))["actions"]
    first = records[0]["text"]
    assert "douze enseignants" in first and "club de lutte" in first  # the ":::" row is its
    assert "Dossier : 88 W 3" in first  # the call number stays in the text, a field of it
    assert got[0][3] == 12  # "88 W 3" is no head count
    assert got[1][4] is None
    assert "• une imprimante" in records[1]["text"]
    assert "en ligne" in records[3]["text"]


def test_a_dokuwiki_footnote_is_read_where_it_is_called() -> None:
    got = actions(DOKUWIKI)
    assert got[2][5] == "postponed" and got[2][3] == 9


def test_a_dokuwikis_images_settings_and_links_are_no_entries_nor_partners() -> None:
    document = read_bytes(DOKUWIKI.encode("utf-8"), "page.txt")
    aside = dict(document.left_out)
    assert "1994" in aside[IMAGE]
    assert "tag>amitiés archives" in [text for why, text in document.left_out if why == SETTING]
    records = extract(parse(document.blocks))
    assert [p["partner_id"] for p in records["partners"]] == ["kandi", "tartu"]
    assert not any("1994" in (a["date_label"] or "") or "1990" in (a["date_label"] or "")
                   for a in records["actions"])
    texts = [b.text for b in document.blocks]
    assert "Nos villes amies" in texts and not any("**" in t or "[[" in t or "//" in t for t in texts)
    assert document.text == DOKUWIKI  # the release ships the page's own file


def test_mediawiki_headings_count_their_marks_the_other_way_round() -> None:
    page = ("Une page de '''jumelages'''.\n\n== Kandi (Bénin) ==\n\n=== Échanges scolaires ===\n\n"
            "* 2016 : accueil de six élèves.\n\n== Tartu (Estonie) ==\n\n* 2018 : concert commun.\n")
    document = read_bytes(page.encode("utf-8"), "page.txt")
    levels = {b.text: b.level for b in document.blocks if b.kind == "heading"}
    assert levels["Kandi (Bénin)"] == 2 and levels["Échanges scolaires"] == 3
    assert [a[:2] for a in actions(page)] == [("kandi", "2016"), ("tartu", "2018")]


def test_a_text_page_with_an_equals_sign_is_no_wiki_page() -> None:
    assert not is_wiki(["Jumelages", "=========", "Budget = 3 000 €", "== note =="])


@pytest.mark.parametrize("label, edtf", [
    ("VI.2012", "2012-06"),
    ("XII.1998", "1998-12"),
    ("IV-V.2018", "2018-04/2018-05"),
    ("IX – XI.2020", "2020-09/2020-11"),
    ("VII–VIII.2023", "2023-07/2023-08"),
    ("XI.2022–II.2023", "2022-11/2023-02"),
    ("13.V.2023", "2023-05-13"),
    ("28.VI–5.VII.2022", "2022-06-28/2022-07-05"),
    ("1.IX-15.X.2021", "2021-09-01/2021-10-15"),
])
def test_months_in_roman_numerals(label: str, edtf: str) -> None:
    period = parse_label(label)
    assert period is not None and period.edtf == edtf


@pytest.mark.parametrize("text", ["Louis XIV.", "Henri IV 2012", "chapitre VI", "V. Hugo, 2012"])
def test_a_roman_numeral_elsewhere_is_no_month(text: str) -> None:
    period = parse_label(text)
    assert period is None or period.start_month is None


MEDIAWIKI = """Une page de '''jumelages''' de la commune.

== Kandi (Bénin) ==

{| class="wikitable"
|+ Actions menées avec Kandi
! Année !! Action !! Budget
|-
| 2015 || plantation de quarante manguiers au collège. || 2 000 €
|-
| rowspan="2" | 2018-2019
| envoi de deux ordinateurs au lycée.
|
|-
| Les élèves ont aussi reçu des dictionnaires.
|
|-
| style="text-align:center" | IX.2021
| séjour de neuf collégiens à Kandi :
* visite du marché ;
* match de lutte.
| —
|}

== Tartu (Estonie) ==

* 2020 : concert commun des deux chorales.
"""


def test_a_mediawiki_tables_rows_are_entries_a_rowspan_going_on_with_the_row_above() -> None:
    got = actions(MEDIAWIKI)
    assert [a[:3] for a in got] == [("kandi", "2015", "2015"), ("kandi", "2018-2019", "2018/2019"),
                                    ("kandi", "IX.2021", "2021-09"), ("tartu", "2020", "2020")]
    assert got[0][4] == 2000
    document = read_bytes(MEDIAWIKI.encode("utf-8"), "page.txt")
    records = extract(parse(document.blocks))["actions"]
    assert "dictionnaires" in records[1]["text"] and "match de lutte" in records[2]["text"]
    assert not any("rowspan" in b.text or "style=" in b.text or "{|" in b.text for b in document.blocks)


def test_a_dokuwiki_row_headed_by_its_date_is_a_row_not_the_tables_header() -> None:
    page = ("====== Amis ======\n\n===== Kandi (Bénin) =====\n\n^ 2015 | plantation de manguiers. |\n"
            "^ 2018 | envoi de deux ordinateurs. |\n\n===== Tartu (Estonie) =====\n\n| 2020 | concert commun. |\n")
    assert [a[:2] for a in actions(page)] == [("kandi", "2015"), ("kandi", "2018"), ("tartu", "2020")]
