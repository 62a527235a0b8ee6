"""A partner's feature box (a "Focus", "Zoom" or "Gros plan" aside) set among its labelled
entries: its title, then one paragraph that tells the partner's story in several dated
sentences, relative dates read from the ones before. Pages written here, with places,
sentences and markup of their own."""

from pipeline.extract import extract
from pipeline.load import read_bytes
from pipeline.parse import parse

TOP = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><main><article><h1>Jumelages</h1>"
BOTTOM = "</article></main></body></html>"
ENTRIES = ("<h2>Tamba (Mali)</h2><p><strong>2015</strong> : envoi de livres à l’école de Tamba.</p>"
           "<p><strong>2017</strong> : forage d’un puits au village.</p>")
LATER = "<h2>Quargnento (Italie)</h2><p><strong>2019</strong> : accueil d’une chorale de Quargnento.</p>"


def _actions(body):
    document = read_bytes(f"{TOP}{body}{BOTTOM}".encode(), "page.html")
    return [(a["partner_id"], a["date_label"], a["start_year"], a["start_month"], a["text"])
            for a in extract(parse(document.blocks))["actions"]]


def _box(kicker_class, title, story):
    return (f"<aside class='encart' role='complementary'><p class='{kicker_class}'>Zoom</p>"
            f"<h3>{title}</h3><p>{story}</p></aside>")


STORY = ("En octobre 2018, le comité a collecté des fournitures pour le dispensaire de Tamba. "
         "L’année suivante, deux infirmières du dispensaire sont venues se former à l’hôpital.")


def test_a_feature_box_among_a_partners_entries_tells_its_events_each_in_its_own_row():
    got = _actions(ENTRIES + _box("encart__kicker", "Un dispensaire mieux équipé", STORY) + LATER)
    tamba = [(label, year, month) for partner, label, year, month, _ in got if partner == "tamba"]
    assert ("En octobre 2018", 2018, 10) in tamba
    assert any(year == 2019 and "infirmières" in text for partner, _, year, _, text in got if partner == "tamba")
    assert not any("Zoom" in text for *_, text in got)  # the box's kicker (a BEM element) is no entry
    assert [p for p, *_ in got].count("quargnento") == 1


def test_a_feature_box_after_the_last_partner_still_tells_its_story():
    got = _actions(LATER + ENTRIES
                   + _box("encart__surtitre", "Un dispensaire mieux équipé", STORY))
    assert [(label, year) for partner, label, year, _, _ in got if partner == "tamba"][-2:][0] == ("En octobre 2018", 2018)
    assert sum(1 for partner, *_ in got if partner == "tamba") == 4


def test_a_box_of_links_with_their_publication_dates_is_still_a_sidebar():
    box = ("<aside class='encadre'><h3>À lire aussi</h3><p><a href='/a'>Le puits de Tamba</a> publié le "
           "03/04/2019, <a href='/b'>Les livres</a> publié le 12/05/2021</p></aside>")
    got = _actions(ENTRIES + box + LATER)
    assert [label for _, label, *_ in got] == ["2015", "2017", "2019"]


def test_a_question_after_the_last_partner_is_no_story_of_it():
    faq = ("<h3>Comment participer au prochain voyage ?</h3><p>Les inscriptions ouvrent le 2 mars 2026 "
           "en mairie. Une réunion aura lieu le 9 mars 2026 à la salle des fêtes.</p>")
    got = _actions(LATER + ENTRIES + faq)
    assert [label for _, label, *_ in got] == ["2019", "2015", "2017"]
