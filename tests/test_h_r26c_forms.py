"""Forms that red team 26's pages brought (helper r26c), in pages of our own: a mark that
decorates a heading rather than opening a list item ("■ KITA — MALI" between paragraphs);
a PDF's text in one column whose titles in capitals run unwrapped past its paragraphs'
width (a council's minutes), its running head furniture, not an entry."""

from pathlib import Path

from pipeline.read import text_blocks
from tests.corpus.score import records_of


def _text_page(tmp_path: Path, text: str) -> dict[str, list[dict[str, object]]]:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return records_of(path)


MARKED = """NOS AMITIÉS
Un bilan en quelques chiffres

Deux villes amies :

  – Kita, au cœur de la région de Kayes (Mali)
  – Wangen, en Bavière (Allemagne)

► KITA — MALI

Kita est une ville du Mali jumelée depuis 1985.

2016 — forage d’un puits pour le quartier du marché.

2019 — formation de deux infirmières à l’hôpital.

► WANGEN — ALLEMAGNE

2012 — échange de chorales entre les deux villes.

2015 — accueil de vingt collégiens bavarois.
"""


def test_a_mark_alone_between_paragraphs_decorates_a_heading(tmp_path: Path) -> None:
    data = _text_page(tmp_path, MARKED)
    assert sorted(p["partner_id"] for p in data["partners"]) == ["kita", "wangen"]
    dated = sorted((a["partner_id"], a["date_label"]) for a in data["actions"] if a["period"])
    assert dated == [("kita", "2016"), ("kita", "2019"), ("wangen", "2012"), ("wangen", "2015")]


def test_a_list_under_one_mark_stays_a_list() -> None:
    kinds = [(b.kind, b.text) for b in text_blocks(
        "Titre\n\n► Kita (Mali)\n► Wangen (Allemagne)\n\nUn texte.\n\n– Gao (Mali)\n\nUn autre texte.\n"
        "\n– Tombouctou (Mali)\n\nLa suite.\n\nAvec :\n\n• Kayes (Mali)\n\nLa fin.\n")]
    assert kinds[1:3] == [("list_item", "Kita (Mali)"), ("list_item", "Wangen (Allemagne)")]
    assert ("heading", "Gao (Mali)") in kinds and ("heading", "Tombouctou (Mali)") in kinds  # a mark alone, twice
    assert ("list_item", "Kayes (Mali)") in kinds  # once: a list of one item


WIDE = " ".join(["mot"] * 22)  # a paragraph's line, hard-wrapped at about 90 characters


def _minutes() -> str:
    pages = []
    for n, (title, place, label, words) in enumerate([
            ("1. APPROBATION DU PROCÈS-VERBAL DE LA SÉANCE PRÉCÉDENTE ET DES DÉCISIONS PRISES PAR LE MAIRE",
             None, None, "Le procès-verbal est adopté."),
            ("2. RAPPORT ANNUEL SUR LES JUMELAGES ET LES COOPÉRATIONS DE LA VILLE – COMMUNICATION AU CONSEIL",
             "KITA (MALI)", "2016 : forage d’un puits au marché de la ville,", "pour les habitants du quartier."),
            ("3. SUITE DU RAPPORT ANNUEL SUR LES JUMELAGES ET LES COOPÉRATIONS DE LA VILLE – ANNEXE NUMÉRO 1",
             "WANGEN (ALLEMAGNE)", "2012 : échange de chorales entre les deux villes,", "suivi d’un concert."),
            ("4. QUESTIONS ORALES DES GROUPES DU CONSEIL MUNICIPAL ET RÉPONSES DE LA MUNICIPALITÉ EN SÉANCE",
             None, None, "La séance est levée.")],
            start=1):
        rows = ["Ville d’Ivry-sur-Seine – Conseil municipal du 12 mars 2024 – Procès-verbal", ""] if n > 1 else []
        rows += [title, ""]
        rows += [WIDE] * 6 + [""]
        if place:
            rows += [place, "", f"• {label} {WIDE[:30]}", words, ""]
        rows += [WIDE] * 6
        rows += ["", f"{' ' * 60}Page {n} sur 4", ""]
        pages.append("\n".join(rows) + "\n")
    return "\f".join(pages)


def test_a_pdfs_running_head_is_furniture_when_its_titles_run_wide(tmp_path: Path) -> None:
    data = _text_page(tmp_path, _minutes())
    labels = sorted(a["date_label"] for a in data["actions"] if a["period"])
    assert labels == ["2012", "2016"]  # not "12 mars 2024", the running head of each page
    texts = " ".join(str(a["text"]) for a in data["actions"])
    assert "Procès-verbal" not in texts and "sur 4" not in texts  # its head and foot: furniture


def test_two_school_years_to_or_beside_each_other_span_both() -> None:
    from pipeline.dates import parse_label

    def edtf(label: str) -> str | None:
        period = parse_label(label)
        return period.edtf if period else None

    assert edtf("Durant les années universitaires 2018-2019 et 2019-2020") == "2018/2020"
    assert edtf("Des saisons culturelles 2009-2010 à 2010-2011") == "2009/2011"
    assert edtf("Saison sportive 2021-2022") == "2021/2022"
    assert edtf("Années scolaires 2004-2006 à 2008-2009") is None  # no school years: not guessed
