"""Numbers with their meaning: the amount is titled as the amount cited, its kind beside
it; "Méthode et limites" (what is read by machine, what an empty status or direction
means, why sums need care) is written once, in schemas/package.json, and shown by the
workbook's read-me, the page, the dictionary and the portals' description; a direction
the sentence does not state is labelled so; the timeline's legend says what the bars and
the missing statuses mean."""

import html
import re
import zipfile

from lxml import html as lxml_html

from pipeline.publish.base import describe
from pipeline.publish.bundle import verified_copy
from pipeline.schemas import field_names, label_rows, package_template, table_schema

from .test_views import inline_strings, sheet_xml

METHOD = package_template()["methodology"]


def test_the_paragraph_says_what_it_must():
    for words in ("lues par machine", "Un statut vide veut dire que la page ne dit pas",
                  "« non précisé »", "additionner des montants n'a de sens qu'au sein d'une même nature",
                  "le coût estimé d'un projet abandonné n'a jamais été dépensé"):
        assert words in METHOD, words


def test_the_amount_is_the_amount_cited_with_its_kind_beside_it():
    fields = {f["name"]: f for f in table_schema("actions")["fields"]}
    assert fields["amount_eur"]["title"] == "Montant cité (euros)"
    assert "Ce n'est pas une somme versée" in fields["amount_eur"]["description"]
    names = field_names("actions")
    assert names.index("amount_kind") == names.index("amount_eur") + 1


def test_a_direction_not_stated_is_labelled_so():
    labels = {r["code"]: r["label"] for r in label_rows() if r["vocabulary"] == "actions.direction"}
    assert labels["neither"] == "non précisé"
    assert "« non précisé » (neither) : la phrase ne dit pas qui se déplace" in next(
        f["description"] for f in table_schema("actions")["fields"] if f["name"] == "direction")


def test_method_and_limits_in_the_page_the_dictionary_the_workbook_and_the_portals(fresh_release):
    document = lxml_html.fromstring((fresh_release / "index.html").read_text(encoding="utf-8"))
    assert document.xpath("string(//p[@id='methodology'])") == METHOD
    assert document.xpath("//nav//a[@href='#methode']")
    dictionary = (fresh_release / "README.md").read_text(encoding="utf-8")
    section = dictionary.split("## Méthode et limites\n\n", 1)[1].split("\n\n", 1)[0]
    assert re.sub(r"\\(.)", r"\1", section) == METHOD  # as Markdown escapes it
    with zipfile.ZipFile(fresh_release / "xlsx" / "ivry-jumelages.xlsx") as book:
        readme = inline_strings(sheet_xml(book, 1))
    assert readme[readme.index("Méthode et limites") + 1] == METHOD
    with verified_copy(fresh_release, ("csv",)) as bundle:
        text = describe(bundle, bundle.files)
    assert f"**Méthode et limites** : {METHOD}" in text
    assert text.index("Méthode et limites") < text.index("Fichiers de ce jeu de données")


def test_the_timeline_legend_is_true_to_the_data(fresh_release):
    document = lxml_html.fromstring((fresh_release / "index.html").read_text(encoding="utf-8"))
    legend = " ".join(document.xpath("string(//p[@id='legend'])").split())
    assert "action terminée" not in legend
    assert "sans étiquette (39 sur 46 actions), la page ne dit pas ce qu'il est advenu de l'action" in legend
    statuses = document.xpath("//li[@data-action]//span[@class='status']/text()")
    assert len(statuses) == 7  # 46 actions, 39 without a status
    assert html.unescape("45 actions datées") in legend


def test_the_workbook_shows_the_amount_cited_beside_its_kind(fresh_release):
    with zipfile.ZipFile(fresh_release / "xlsx" / "ivry-jumelages.xlsx") as book:
        header = inline_strings(sheet_xml(book, 3).split("</row>", 1)[0])
    assert header[6:8] == ["Montant cité (euros)", "Nature du montant"]


def test_the_portals_coverage_ends_at_the_snapshot_while_actions_are_ongoing(fresh_release):
    from pipeline.publish.datagouv import DataGouv
    with verified_copy(fresh_release, ("csv",)) as bundle:
        assert bundle.temporal == ("1999-01-01", "2026-11-25")  # four actions "Depuis …"
        metadata = DataGouv("http://127.0.0.1:9/api/1").dataset_metadata(bundle, "x", "d", None)
    assert metadata["temporal_coverage"] == {"start": "1999-01-01", "end": "2026-11-25"}
