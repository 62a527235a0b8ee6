"""How the blocks of an edited page become partner sections and entries, in the forms and
CMS layouts French municipal pages use: one table per rule, each row a page written in
text or HTML with sentences invented in the page's style, and what must be read from it."""

import json
import unicodedata

import pytest

from pipeline.cli import main
from pipeline.extract import extract
from pipeline.parse import (
    FURNITURE,
    LOST_ENTRY,
    NAVIGATION_LINK,
    OTHER_HEADING,
    SUB_HEADING,
    UNDER_OTHER_HEADING,
    parse,
)
from pipeline.load import read_bytes

from .conftest import SNAPSHOT
from .html_pages import render

HTML_TOP = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
HTML_BOTTOM = "</body></html>"


def document(body, html=False):
    if html:
        data = f"{HTML_TOP}<main><article><h1>Jumelages</h1>{body}</article></main>{HTML_BOTTOM}"
        return read_bytes(data.encode("utf-8"), "page.html")
    return read_bytes(("Jumelages\n\n" + body).encode("utf-8"), "page.txt")


def page_of(body, html=False):
    return parse(document(body, html).blocks)


def sections(body, html=False):
    """Each section as (heading, description, [(label, text) of its entries])."""
    return [(s.heading.text, [b.text for b in s.description], [(e.label, e.text) for e in s.entries])
            for s in page_of(body, html).sections]


def aside(body, html=False):
    return [(a.reason, a.block.text) for a in page_of(body, html).set_aside if a.reason != "page title"]


TAMBA = "La commune de Tamba est située au bord du fleuve, à 40 km de la capitale."

# --- 3, 4, 5: a date label alone on its line holds the paragraph below ---------------------

LABEL_ALONE = [
    ("text, bare year", f"Tamba (Mali)\n\n{TAMBA}\n\n2024\n\nAccueil de douze jeunes.\n", False,
     [("2024", "2024\nAccueil de douze jeunes.")]),
    ("text, year and colon", f"Tamba (Mali)\n\n{TAMBA}\n\n2024 :\n\nAccueil de douze jeunes.\n", False,
     [("2024", "2024 :\nAccueil de douze jeunes.")]),
    ("text, first of its section", "Tamba (Mali)\n\n2024\n\nAccueil de douze jeunes.\n", False,
     [("2024", "2024\nAccueil de douze jeunes.")]),
    ("text, a list of years", "Tamba (Mali)\n\n2020, 2021 et 2022\n\nSéjours annulés.\n", False,
     [("2020, 2021 et 2022", "2020, 2021 et 2022\nSéjours annulés.")]),
    ("text, then a list", "Tamba (Mali)\n\nJuin 2023 :\n  • Un concert.\n  • Une exposition.\n", False,
     [("Juin 2023", "Juin 2023 :\n• Un concert.\n• Une exposition.")]),
    ("HTML, in bold", f"<h2>Tamba (Mali)</h2><p>{TAMBA}</p><p><strong>2024</strong></p>"
     "<p>Accueil de douze jeunes.</p>", True, [("2024", "2024\nAccueil de douze jeunes.")]),
    ("HTML, bold then <br>", "<h2>Tamba (Mali)</h2><p><strong>2011</strong> :<br>Fourniture d’un "
     "groupe électrogène.</p>", True, [("2011", "2011 :\nFourniture d’un groupe électrogène.")]),
    ("HTML, definition list", "<h2>Tamba (Mali)</h2><dl><dt>1999</dt><dd>La Ville a soutenu "
     "l’école.</dd><dt>2004</dt><dd>Aide après l’inondation.</dd></dl>", True,
     [("1999", "1999\nLa Ville a soutenu l’école."), ("2004", "2004\nAide après l’inondation.")]),
    ("HTML, table rows", "<h2>Tamba (Mali)</h2><table><tr><th>Année</th><th>Action</th></tr>"
     "<tr><td>2020</td><td>tentatives de forages.</td></tr><tr><td>2021</td><td>Pose d’une "
     "pompe.</td></tr></table>", True,
     [("2020", "2020\ntentatives de forages."), ("2021", "2021\nPose d’une pompe.")]),
]


@pytest.mark.parametrize("body, html, entries", [r[1:] for r in LABEL_ALONE],
                         ids=[r[0] for r in LABEL_ALONE])
def test_a_label_alone_on_its_line_is_one_entry_with_the_paragraph_below(body, html, entries):
    ((_, description, got),) = sections(body, html)
    assert got == entries
    assert description == ([TAMBA] if TAMBA in body else [])


def test_a_table_header_is_set_aside_not_a_description():
    body = LABEL_ALONE[-1][1]
    assert aside(body, True) == [("table header", "Année"), ("table header", "Action")]
    assert sections(body, True)[0][1] == []


# --- 6: sub-headings stay inside their partner -------------------------------------------

SUB_HEADED = [
    ("HTML h3 under h2", "<h2>Tamba (Mali)</h2><h3>Historique</h3><p>{d}</p><h3>Actions menées</h3>"
     "<p>2020 : forages.</p><p>2021 : puits.</p><h2>Gao (Mali)</h2><p>2019 : école.</p>", True),
    ("HTML h4 that names no place", "<h3>Tamba (Mali)</h3><p>{d}</p><h4>Le volet culturel</h4>"
     "<p>2020 : forages.</p><p>2021 : puits.</p><h3>Gao (Mali)</h3><p>2019 : école.</p>", True),
    ("HTML h4 above undated text", "<h3>Tamba (Mali)</h3><h4>Le territoire</h4><p>{d}</p>"
     "<p>2020 : forages.</p><p>2021 : puits.</p><h3>Gao (Mali)</h3><p>2019 : école.</p>", True),
    ("HTML bold sub-heading", "<h2>Tamba (Mali)</h2><p><strong>Présentation</strong></p><p>{d}</p>"
     "<p>2020 : forages.</p><p>2021 : puits.</p><h2>Gao (Mali)</h2><p>2019 : école.</p>", True),
    ("text", "Tamba (Mali)\n\nPrésentation\n\n{d}\n\nActions menées\n\n2020 : forages.\n\n"
     "2021 : puits.\n\nGao (Mali)\n\n2019 : école.\n", False),
    ("text, an institution's name", "Tamba (Mali)\n\n{d}\n\n2020 : forages.\n\nThéâtre Municipal "
     "de Tamba\n\n2021 : puits.\n\nGao (Mali)\n\n2019 : école.\n", False),
]


@pytest.mark.parametrize("body, html", [r[1:] for r in SUB_HEADED], ids=[r[0] for r in SUB_HEADED])
def test_sub_headings_stay_inside_their_partner_and_keep_its_ids(body, html):
    body = body.format(d=TAMBA)
    got = sections(body, html)
    assert [(h, d, [label for label, _ in e]) for h, d, e in got] == [
        ("Tamba (Mali)", [TAMBA], ["2020", "2021"]), ("Gao (Mali)", [], ["2019"])]
    assert [a["action_id"] for a in extract(page_of(body, html))["actions"]] == [
        "tamba-2020", "tamba-2021", "gao-2019"]
    assert {reason for reason, _ in aside(body, html)} == {SUB_HEADING}


def test_a_group_heading_above_partners_is_still_set_aside():
    body = "<h2>Afrique</h2><h3>Tamba (Mali)</h3><p>2020 : forages.</p><h3>Gao (Mali)</h3><p>2019 : école.</p>"
    assert [h for h, _, _ in sections(body, True)] == ["Tamba (Mali)", "Gao (Mali)"]


# --- 7: headings of no partner's section --------------------------------------------------

PARTNERS = "<h2>Tamba (Mali)</h2><p>2020 : forages.</p><h2>Gao (Mali)</h2><p>2019 : école.</p>"
OTHERS = [
    ("further reading", PARTNERS + "<h2>En savoir plus</h2><p>Le site de l’association.</p>"),
    ("downloads", PARTNERS + "<h2>Documents à télécharger</h2><ul><li>Convention (PDF)</li></ul>"),
    ("Jetpack", PARTNERS + "<h3>Similaire</h3><p>Fête de la musique</p>"),
    ("SPIP notes", PARTNERS + "<h2 class='spip'>Notes</h2><p>[1] Voir le rapport annuel.</p>"),
    ("side column", PARTNERS + "<h3>Service des relations internationales</h3><p>01 23 45 67 89</p>"),
    ("in bold", PARTNERS + "<p><strong>Contact</strong></p><p>Service des relations internationales</p>"),
]


@pytest.mark.parametrize("body", [r[1] for r in OTHERS], ids=[r[0] for r in OTHERS])
def test_a_heading_of_no_partner_is_set_aside_with_its_text(body):
    got = sections(body, True)
    assert [(h, [label for label, _ in e]) for h, _, e in got] == [("Tamba (Mali)", ["2020"]),
                                                                  ("Gao (Mali)", ["2019"])]
    reasons = [reason for reason, _ in aside(body, True)]
    assert reasons[0] == OTHER_HEADING and set(reasons[1:]) == {UNDER_OTHER_HEADING}
    assert [a.warn for a in page_of(body, True).set_aside if a.reason == OTHER_HEADING] == [True]


def test_a_trailing_contact_block_in_text_is_set_aside():
    body = "Tamba (Mali)\n\n2020 : forages.\n\nContact\n\nService des relations internationales, 01 23 45 67 89\n"
    assert sections(body) == [("Tamba (Mali)", [], [("2020", "2020 : forages.")])]
    assert aside(body) == [(OTHER_HEADING, "Contact"), (UNDER_OTHER_HEADING,
                                                       "Service des relations internationales, 01 23 45 67 89")]


def test_a_dated_entry_under_a_heading_of_no_partner_is_a_loss():
    body = PARTNERS + "<h2>En savoir plus</h2><p>2022 : bilan du partenariat.</p>"
    (lost,) = [a for a in page_of(body, True).set_aside if a.loss]
    assert (lost.reason, lost.block.text) == (LOST_ENTRY, "2022 : bilan du partenariat.")


@pytest.mark.parametrize("sidebar", [
    "<div class='colonne-droite'><h2>Contacts</h2><p>Mairie, 01 23 45 67 89</p></div>",
    "<div class='subnav-section'><h2>Voir aussi</h2><ul><li>Solidarité</li></ul></div>",
    "<div id='jp-relatedposts' class='jp-relatedposts'><h3>Similaire</h3><p>Fête</p></div>",
])
def test_a_sidebar_on_a_page_without_main_or_article_is_left_out(sidebar):
    data = f"{HTML_TOP}<div class='page'><h1>Jumelages</h1>{PARTNERS}</div>{sidebar}{HTML_BOTTOM}"
    blocks = read_bytes(data.encode("utf-8"), "page.html").blocks
    assert [b.text for b in blocks if b.kind == "heading"] == ["Jumelages", "Tamba (Mali)", "Gao (Mali)"]
    assert len(blocks) == 5


# --- 8: navigation and the CMS's fields -----------------------------------------------------

FURNISHED = [
    ("to top, arrow", "<p class='haut'><a href='#'>↑ Haut de page</a></p>", NAVIGATION_LINK),
    ("back to top", "<p>Retour en haut</p>", NAVIGATION_LINK),
    ("print", "<p>Imprimer cette page</p>", NAVIGATION_LINK),
    ("updated", "<p>Mise à jour : 12 mars 2024</p>", FURNITURE),
    ("published", "<p>Publié le 03/01/2024</p>", FURNITURE),
    ("tags", "<div class='field'><div class='field__label'>Étiquettes</div><div>Jumelage</div>"
     "<div>Coopération</div></div>", FURNITURE),
    ("updated, Drupal field", "<div class='field'><div class='field__label'>Mise à jour</div>"
     "<div class='field__item'>12 mars 2024</div></div>", FURNITURE),
]


@pytest.mark.parametrize("furniture, reason", [r[1:] for r in FURNISHED], ids=[r[0] for r in FURNISHED])
def test_navigation_links_and_cms_fields_are_set_aside_not_actions(furniture, reason):
    body = f"<h2>Tamba (Mali)</h2><p>2020 : forages.</p>{furniture}<h2>Gao (Mali)</h2><p>2019 : école.</p>"
    assert [[label for label, _ in e] for _, _, e in sections(body, True)] == [["2020"], ["2019"]]
    assert {r for r, _ in aside(body, True)} == {reason}


def test_navigation_in_text_is_set_aside():
    body = "Tamba (Mali)\n\n2020 : forages.\n\n↑ Haut de page\n\nMise à jour : 12 mars 2024\n"
    assert sections(body)[0][2] == [("2020", "2020 : forages.")]
    assert aside(body) == [(NAVIGATION_LINK, "↑ Haut de page"), (FURNITURE, "Mise à jour : 12 mars 2024")]


# --- 9: bullets typed by hand -------------------------------------------------------------

HAND_BULLETS = [
    ("one per paragraph", "<p>• La commune de Tamba (Mali)</p><p>• La ville de Gao (Mali)</p>"),
    ("lines of one paragraph", "<p>- La commune de Tamba (Mali)<br>- La ville de Gao (Mali)</p>"),
    ("entities", "<p>&bull; La commune de Tamba (Mali)<br>&bull; La ville de Gao (Mali)</p>"),
]


@pytest.mark.parametrize("intro", [r[1] for r in HAND_BULLETS], ids=[r[0] for r in HAND_BULLETS])
def test_bullets_typed_by_hand_are_list_items(intro):
    body = (f"<p>Nos partenaires :</p>{intro}<h2>Tamba (Mali)</h2><p>2020 : forages.<br>"
            "&bull; Des formations.<br>&bull; Un puits.</p><h2>Gao (Mali)</h2><p>2019 : école.</p>")
    page = page_of(body, True)
    assert [s.intro.text if s.intro else None for s in page.sections] == [
        "La commune de Tamba (Mali)", "La ville de Gao (Mali)"]
    assert page.sections[0].entries[0].text == "2020 : forages.\n• Des formations.\n• Un puits."
    assert len(page.sections[0].entries) == 1


# --- 10: headings in bold, headings with a permalink ----------------------------------------

HEADINGS = [
    ("bold paragraphs", "<p><strong>Tamba (Mali)</strong></p><p>2020 : forages.</p>"
     "<p><b>Gao (Mali)</b></p><p>2019 : école.</p>"),
    ("pilcrow", "<h2>Tamba (Mali)<a class='headerlink' href='#tamba'>¶</a></h2><p>2020 : forages.</p>"
     "<h2>Gao (Mali) <a class='headerlink' href='#gao'>¶</a></h2><p>2019 : école.</p>"),
    ("hash and link sign", "<h2><a href='#tamba'>#</a> Tamba (Mali)</h2><p>2020 : forages.</p>"
     "<h2>Gao (Mali) <a href='#gao'>🔗</a></h2><p>2019 : école.</p>"),
]


@pytest.mark.parametrize("body", [r[1] for r in HEADINGS], ids=[r[0] for r in HEADINGS])
def test_bold_and_permalinked_headings_are_partner_headings(body):
    assert [(h, [label for label, _ in e]) for h, _, e in sections(body, True)] == [
        ("Tamba (Mali)", ["2020"]), ("Gao (Mali)", ["2019"])]


def test_a_bold_paragraph_that_names_no_country_stays_a_paragraph():
    body = "<h2>Tamba (Mali)</h2><p>2020 : forages.</p><p><strong>Un bilan très positif</strong></p>"
    assert sections(body, True)[0][2][-1] == (None, "Un bilan très positif")


# --- 11: heading variants keep the partner's id ----------------------------------------------

def partner_ids(body):
    return [p["partner_id"] for p in extract(page_of(body))["partners"]]


@pytest.mark.parametrize("heading, partner_id", [
    ("Tamba (Mali)", "tamba"), ("Commune de Tamba (Mali)", "tamba"), ("Ville de Tamba (Mali)", "tamba"),
    ("Village de Tamba (Mali)", "tamba"), ("La commune rurale de Tamba (Mali)", "tamba"),
    ("Camps de réfugiés nomades de Mbera (Mauritanie)", "camps-de-refugies-nomades-de-mbera"),
    ("Camps de réfugié·es nomades de Mbera (Mauritanie)", "camps-de-refugies-nomades-de-mbera"),
    ("Camps de réfugié.e.s nomades de Mbera (Mauritanie)", "camps-de-refugies-nomades-de-mbera"),
    ("Camps de réfugié(e)s nomades de Mbera (Mauritanie)", "camps-de-refugies-nomades-de-mbera"),
])
def test_heading_variants_keep_the_partner_id(heading, partner_id):
    assert partner_ids(f"{heading}\n\n2020 : forages.\n") == [partner_id]


def test_a_heading_ending_with_a_full_stop_is_a_partner_of_its_own():
    body = "Tamba (Mali)\n\n2020 : forages.\n\nGao (Mali).\n\n2021 : puits.\n"
    assert partner_ids(body) == ["tamba", "gao"]
    partners = extract(page_of(body))["partners"]
    assert (partners[1]["heading"], partners[1]["country_code"]) == ("Gao (Mali).", "ML")


def test_a_sentence_with_a_country_in_brackets_is_no_heading():
    body = "Tamba (Mali)\n\n2020 : forages.\n\nCe séjour a eu lieu (Mali).\n"
    assert partner_ids(body) == ["tamba"]


# --- 12: an entry above the description changes no fact of the partner ----------------------

DESCRIBED = ("La commune de Tamba est située au bord du fleuve. Les premiers liens avec la Ville "
             "datent des années 1980. Un protocole de jumelage a été signé en 1995.")


@pytest.mark.parametrize("order", ["description first", "entry first", "two entries first"])
def test_an_entry_above_the_description_changes_no_fact_of_the_partner(order):
    entries = ["2024 : accueil de huit jeunes.", "2001 : forages."]
    blocks = {"description first": [DESCRIBED, *entries], "entry first": [entries[0], DESCRIBED, entries[1]],
              "two entries first": [*entries, DESCRIBED]}[order]
    records = extract(page_of("Tamba (Mali)\n\n" + "\n\n".join(blocks) + "\n"))
    (partner,) = records["partners"]
    facts = {k: partner[k] for k in ("description", "relationship", "agreement_year", "first_link_year")}
    assert facts == {"description": DESCRIBED, "relationship": "jumelage", "agreement_year": 1995,
                     "first_link_year": 1980}
    assert [a["action_id"] for a in records["actions"]] == ["tamba-2024", "tamba-2001"]


def test_an_undated_entry_that_does_not_speak_of_the_partner_stays_an_entry():
    body = "Tamba (Mali)\n\n2024 : accueil.\n\nSoutien de la Ville à l’école de Tamba.\n"
    ((_, description, entries),) = sections(body)
    assert description == [] and entries[-1] == (None, "Soutien de la Ville à l’école de Tamba.")


# --- 17, 18: the same page, whatever its tools wrote ---------------------------------------

def records_of(data, name):
    return extract(parse(read_bytes(data, name).blocks))


def snapshot(html):
    """The real page as text or as an HTML page, and a file name that says which."""
    text = SNAPSHOT.read_text(encoding="utf-8")
    return (render(text), "page.html") if html else (text, "page.txt")


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
def test_a_page_in_nfd_gives_the_same_records(html):
    text, name = snapshot(html)
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert records_of(nfd.encode("utf-8"), name) == records_of(text.encode("utf-8"), name)


@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
def test_invisible_characters_change_no_date_nor_id_and_are_reported(html):
    text, name = snapshot(html)
    hidden = text.replace("2016-2020", "2016\u200b-2020").replace("Dianguirdé", "Dian\u00adguirdé") \
        .replace("2022-2024", "2022\u2060-2024")
    document = read_bytes(hidden.encode("utf-8"), name)
    assert records_of(hidden.encode("utf-8"), name) == records_of(text.encode("utf-8"), name)
    assert {c for _, chars in document.removed for c in chars} == {"\u200b", "\u00ad", "\u2060"}


def test_a_table_of_contents_is_not_the_intro_list():
    body = ("<ul><li><a href='#t'>Tamba (Mali)</a></li><li><a href='#g'>Gao (Mali)</a></li></ul>"
            "<p>Nos partenaires :</p><ul><li>La commune de Tamba, au bord du fleuve (Mali)</li></ul>"
            "<h2 id='t'>Tamba (Mali)</h2><p>2020 : forages.</p><h2 id='g'>Gao (Mali)</h2><p>2019 : école.</p>")
    page = page_of(body, True)
    assert [s.intro.text if s.intro else None for s in page.sections] == [
        "La commune de Tamba, au bord du fleuve (Mali)", None]
    assert [a.block.text for a in page.set_aside if a.reason.startswith("table of contents")] == [
        "Tamba (Mali)", "Gao (Mali)"]


def test_a_run_reports_what_it_set_aside_and_the_characters_it_removed(tmp_path, capsys):
    text = SNAPSHOT.read_text(encoding="utf-8").replace("2016-2020", "2016\u200b-2020")
    text = text.replace("Retour en haut de page", "En savoir plus\n\nLe site du comité de jumelage.\n\n"
                                                  "↑ Haut de page")
    source = tmp_path / "page.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--source", str(source), "--output", str(out), "--first-release"]) == 0, \
        capsys.readouterr().err
    report = json.loads((out / "run-report.json").read_text(encoding="utf-8"))
    messages = [w["message"] for w in report["warnings"]]
    assert "set aside (heading of no partner section): 'En savoir plus'" in messages
    assert any(m.startswith("invisible characters removed on reading (U+200B") for m in messages)
    assert {(s["reason"], s["text"]) for s in report["set_aside"]} >= {
        (UNDER_OTHER_HEADING, "Le site du comité de jumelage."), (NAVIGATION_LINK, "↑ Haut de page")}
    actions = json.loads((out / "json" / "actions.json").read_text(encoding="utf-8"))
    assert "dianguirde-2016-2020" in {a["action_id"] for a in actions}


def test_an_entry_after_a_cms_field_is_still_an_entry():
    body = "<h2>Tamba (Mali)</h2><p>2020 : forages.</p><div>Étiquettes</div><div>Jumelage</div><p>2024 : visite</p>"
    assert sections(body, True)[0][2] == [("2020", "2020 : forages."), ("2024", "2024 : visite")]
    assert aside(body, True) == [(FURNITURE, "Étiquettes"), (FURNITURE, "Jumelage")]


@pytest.mark.parametrize("paragraph, label, text", [
    ("<p><strong>2025</strong> Accueil d'une délégation de jeunes.</p>", "2025",
     "2025 Accueil d'une délégation de jeunes."),
    ("<p><b>Printemps 2024</b> Séjour de collégien·nes.</p>", "Printemps 2024", "Printemps 2024 Séjour de collégien·nes."),
    ("<p><strong>2016 :</strong> cartographie des forages.</p>", "2016", "2016 : cartographie des forages."),
    ("<p><strong>Important</strong> une note sans date.</p>", None, "Important une note sans date."),
])
def test_a_bold_label_needs_no_colon(paragraph, label, text):
    page = page_of("<h2>Gao (Mali)</h2><p>Gao est une ville du Mali.</p>"
                   "<p>2010 : premier échange.</p>" + paragraph, html=True)
    (section,) = page.sections
    assert (section.entries[-1].label, section.entries[-1].text) == (label, text)


# --- issue 20: what a page writes around its text is no action ------------------------------

AROUND = [
    ("credit", "© Photo : Mairie / Service communication", "caption or credit of a picture"),
    ("photo line", "Photo : accueil des jeunes à l’hôtel de ville, juin 2015.", "caption or credit of a picture"),
    ("credit first", "Crédit photo : C. Martin – délégation à Gao, 27 février 2019", "caption or credit of a picture"),
    ("legend", "Légende : la délégation devant l’école de Tamba (mai 2018)", "caption or credit of a picture"),
    ("read also", "Lire aussi : Les 60 ans du jumelage (juin 2023)", "link to further reading"),
    ("more", "Plus d’informations : www.fsgt.org", "link to further reading"),
    ("see also", "Voir également : le site du comité de jumelage", "link to further reading"),
    ("contact, mail", "Contact : service des Relations internationales – ri@ville.fr", "contact line (an e-mail address or a phone number)"),
    ("contact, phone", "Renseignements au 01 49 60 25 05 ou à l’accueil de la mairie", "contact line (an e-mail address or a phone number)"),
    ("footnote alone", "[2] Source : rapport d’activité du comité.", "footnote"),
]


@pytest.mark.parametrize("text, reason", [r[1:] for r in AROUND], ids=[r[0] for r in AROUND])
def test_what_is_written_around_the_text_is_set_aside_not_an_action(text, reason):
    for html in (False, True):
        body = (f"<h2>Tamba (Mali)</h2><p>2020 : forages.</p><p>{text}</p><h2>Gao (Mali)</h2><p>2019 : école.</p>"
                if html else f"Tamba (Mali)\n\n2020 : forages.\n\n{text}\n\nGao (Mali)\n\n2019 : école.\n")
        assert [list(entries) for _, _, entries in sections(body, html)] == \
            [[("2020", "2020 : forages.")], [("2019", "2019 : école.")]]
        assert (reason, text) in aside(body, html)


def test_a_footnote_stays_with_the_entry_that_holds_its_mark():
    body = "Tamba (Mali)\n\n2019 : quatre lampadaires solaires (1).\n\n(1) Source : rapport 2019.\n"
    assert sections(body)[0][2] == [("2019", "2019 : quatre lampadaires solaires (1).\n\n(1) Source : rapport 2019.")]


@pytest.mark.parametrize("notes", ["", "Notes\n\n"])
def test_the_notes_a_part_gathers_at_its_end_go_each_to_the_entry_that_holds_its_mark(notes):
    """Notes gathered under the part's last entry, maybe under a heading of their own:
    each goes to the entry with its mark, on its label or at its end, never to one with
    a longer mark that starts with it ("¹¹" is not "¹")."""
    body = ("Tamba (Mali)\n\n2018¹ : forages.\n\n2019 : école du quartier nord.²\n\n2020¹¹ : jardin.\n\n"
            f"{notes}¹ Quatorze puits creusés.\n² Quarante élèves.\n¹¹ Deux hectares.\n\n"
            "Gao (Mali)\n\n2021 : dispensaire.\n")
    entries = sections(body)[0][2]
    assert [text.split("\n")[-1] for _, text in entries] == [
        "¹ Quatorze puits creusés.", "² Quarante élèves.", "¹¹ Deux hectares."]


def test_a_note_that_gives_the_days_of_its_year_label_dates_the_entry():
    """"2021² : fête …" and its note "² Du 3 au 5 juin.": the days of 2021; a note that
    names a day inside its sentence ("¹ Trente élèves, reçus le 9 mars.") dates nothing."""
    body = ("Tamba (Mali)\n\n2019¹ : accueil de lycéens.\n\n2021² : fête des trente ans du jumelage.\n\n"
            "Notes\n\n¹ Trente élèves, reçus le 9 mars.\n² Du 3 au 5 juin.\n")
    actions = extract(page_of(body))["actions"]
    assert [(a["start_year"], a["start_month"], a["end_month"]) for a in actions] == [
        (2019, None, None), (2021, 6, 6)]


def test_a_picture_s_caption_is_set_aside_in_html():
    body = ("<h2>Tamba (Mali)</h2><p>2020 : forages.</p><figure><img src='a.jpg' alt=''><figcaption>"
            "Délégation à Tamba, 27 février 2019</figcaption></figure><p>Ce séjour a permis de visiter l’école.</p>")
    assert sections(body, True)[0][2] == [("2020", "2020 : forages.\n\nCe séjour a permis de visiter l’école.")]
    assert ("caption of a picture", "Délégation à Tamba, 27 février 2019") in aside(body, True)


@pytest.mark.parametrize("heading", ["Projets en cours", "Actions passées", "Nos actions depuis 2003",
                                     "Réalisations 2015-2020", "Les échanges à venir :", "Temps forts"])
def test_a_heading_that_sorts_actions_is_a_sub_heading(heading):
    for html in (False, True):
        body = (f"<h2>Tamba (Mali)</h2><h3>{heading}</h3><p>2020 : forages.</p><p>2021 : école.</p>" if html
                else f"Tamba (Mali)\n\n{heading}\n\n2020 : forages.\n\n2021 : école.\n")
        assert sections(body, html) == [("Tamba (Mali)", [], [("2020", "2020 : forages."), ("2021", "2021 : école.")])]


@pytest.mark.parametrize("text", [
    "Trois projets financés : (a) une école, (b) un puits, (c) un jardin.",
    "La newsletter du comité a relaté le séjour des jeunes à Gao.",
    "Les élèves ont correspondu avec leurs camarades (jumelage@ville.fr).",
    "Écouter les enfants de Gao raconter leur village a ému les élèves.",
])
def test_an_entry_that_mentions_a_credit_a_newsletter_an_address_or_a_verb_of_media_stays_an_entry(text):
    """A review's finding (issue 20): the cues of what is written around the text are read
    where they are cues (the opening of a block, a block that says little else)."""
    body = f"Tamba (Mali)\n\n2020 : forages.\n\n{text}\n"
    entries = sections(body)[0][2]
    assert text in [e for _, e in entries] or any(text in e for _, e in entries)
