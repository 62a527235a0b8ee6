"""Forms that red team 26's pasted encyclopaedia page brought: a summary table of the
partners whose date column is their tie's ("Ville | Pays | Date de l'accord | Nature"),
above the article's own sections, one a partner, named again without its country; a
wiki's edit links beside each heading; the article's footnotes under "Notes et
références", each dated, at the end of the last partner's section. Each test is a small
page of its own sentences, not the round's pages."""

from pathlib import Path

from pipeline.parse import is_navigation
from pipeline.read import other_heading
from tests.corpus.score import records_of


def _page(tmp_path: Path, body: str) -> dict[str, list[dict[str, object]]]:
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html lang='fr'><body><main><h1>Nos villes partenaires</h1>"
                    + body + "</main></body></html>", encoding="utf-8")
    return records_of(path)


_EDIT = "<span class='mw-editsection'>[<a href='#'>modifier</a> | <a href='#'>modifier le code</a>]</span>"


def _wiki_heading(level: int, text: str) -> str:
    return f"<div class='mw-heading'><h{level}>{text}</h{level}>{_EDIT}</div>"


_TABLE = ("<table class='wikitable'><caption>Villes liées</caption><tbody>"
          "<tr><th>Ville</th><th>Pays</th><th>Région</th><th>Date de l’accord</th><th>Nature</th></tr>"
          "<tr><td>Wolfach</td><td>Allemagne</td><td>Bade-Wurtemberg</td><td>1972<sup>[2]</sup></td>"
          "<td>Jumelage</td></tr>"
          "<tr><td>Kita</td><td>Mali</td><td>Kayes</td><td>2001</td><td>Coopération décentralisée</td></tr>"
          "<tr><td>Camps de Smara</td><td>Algérie (réfugiés sahraouis)</td><td>Tindouf</td><td>—</td>"
          "<td>Solidarité</td></tr>"
          "</tbody></table>")

_SECTIONS = (
    _wiki_heading(3, "Wolfach")
    + "<p>Le jumelage avec Wolfach est scellé en 1972<sup>[3]</sup> ; il vit par ses écoles. "
      "De 2004 à 2009, des classes de quatrième se rendent chaque printemps à Wolfach. "
      "En 2011, les harmonies des deux villes donnent un concert commun.</p>"
      "<p>En mai 2015, une délégation conduite par le maire se rend à Wolfach. "
      "Depuis 2017, des stages d’apprentis réunissent chaque été les jeunes des deux villes.</p>"
    + _wiki_heading(3, "Kita")
    + "<p>Kita est une commune de la région de Kayes. Un puits est foré en 2003 dans le quartier "
      "de Sébénikoro, puis deux infirmiers sont formés en 2006. En 2010, une bibliothèque ouvre.</p>"
      "<p>De 2012 à 2014, un programme de maraîchage accompagne les femmes de Kita. "
      "En 2019, la ville envoie du matériel scolaire.</p>"
    + _wiki_heading(3, "Camps de réfugiés sahraouis de Smara")
    + "<p>Des enfants de Smara sont accueillis l’été en 2009, puis en 2013. "
      "En 2016, une délégation se rend dans les camps pour y livrer des vivres.</p>"
      "<p>En 2018, la ville vote un vœu pour les prisonniers. "
      "En 2021, un séjour de vacances est organisé à la mer.</p>"
    + _wiki_heading(2, "Notes et références")
    + "<ol class='references'><li>↑ « Wolfach et nous », Le Journal, 12 mars 2012.</li>"
      "<li>↑ Rapport d’activité, 2015, consulté le 3 mars 2024.</li>"
      "<li>↑ Délibération du conseil municipal du 15 décembre 2001.</li></ol>")


def test_a_table_of_partners_dated_by_their_tie_gives_each_its_agreement_year(tmp_path: Path) -> None:
    data = _page(tmp_path, "<p>La ville est liée aux villes suivantes :</p>" + _TABLE + _SECTIONS)
    partners = {p["name"]: p for p in data["partners"]}
    assert len(partners) == 3
    assert (partners["Wolfach"]["country_code"], partners["Wolfach"]["agreement_year"]) == ("DE", 1972)
    assert (partners["Kita"]["country_code"], partners["Kita"]["agreement_year"]) == ("ML", 2001)
    # the country's cell holds its own remark in brackets: the camps are still a partner
    assert [p["country_code"] for n, p in partners.items() if "Smara" in n] == ["DZ"]
    # the tie's date is no action's
    ids = {p["partner_id"]: p["name"] for p in data["partners"]}
    years = {(ids[a["partner_id"]], a["start_year"]) for a in data["actions"] if a["start_year"]}
    assert ("Kita", 2001) not in years


def test_the_article_s_sections_go_on_with_the_table_s_rows_and_tell_their_stories(tmp_path: Path) -> None:
    data = _page(tmp_path, "<p>La ville est liée aux villes suivantes :</p>" + _TABLE + _SECTIONS)
    ids = {p["partner_id"]: p["name"] for p in data["partners"]}
    by_partner: dict[str, list[object]] = {}
    for action in data["actions"]:
        if action["start_year"]:
            by_partner.setdefault(str(ids[action["partner_id"]]), []).append(action["start_year"])
    assert sorted(by_partner["Wolfach"]) == [1972, 2004, 2011, 2015, 2017]  # the sealing, then each event
    assert sorted(by_partner["Kita"]) == [2003, 2006, 2010, 2012, 2019]
    smara = next(v for k, v in by_partner.items() if "Smara" in k)
    assert sorted(smara) == [2009, 2013, 2016, 2018, 2021]
    # the footnotes are no events: none of their dates is an action's
    assert not {2024} & {y for v in by_partner.values() for y in v}  # type: ignore[operator]
    assert sum(len(v) for v in by_partner.values()) == 15


def test_a_wiki_s_edit_links_and_back_matter_are_furniture() -> None:
    assert is_navigation("[modifier | modifier le code]")
    assert is_navigation("[modifier]")
    assert not is_navigation("[modifié en 2014] accueil de jeunes")
    assert other_heading("Notes et références") and other_heading("Liens externes")


def _post(when: str, lines: list[str], comments: list[tuple[str, str]] = (), author: str = "Ville d’Ivry-sur-Seine",
          shared: str = "") -> str:
    """A post of a social network's feed saved from the browser: its author and time, its
    message, its counters, its buttons (``role="button"``) and its readers' comments (each
    an article inside the post)."""
    message = "".join(f"<div dir='auto'>{line}</div>" for line in lines)
    replies = "".join(
        f"<li><div role='article' aria-label='Commentaire de {who}'><a href='#'>{who}</a> <div dir='auto'>{said}</div>"
        "<ul class='xq1'><li><span>1 a</span></li><li><div role='button'>J’aime</div></li>"
        "<li><div role='button'>Répondre</div></li></ul></div></li>" for who, said in comments)
    return (f"<div role='article' class='x1y'><div class='x2'><h2><strong><a href='#'>{author}</a></strong></h2>"
            f"<div><span><a href='#'><span>{when}</span></a> · <span aria-label='Public'>🌍</span></span></div></div>"
            f"<div class='x3'>{message}</div>{shared}"
            "<div class='x4'><span>👍 12</span><span>3 commentaires</span><span>2 partages</span></div>"
            "<div class='x5'><div role='button'>J’aime</div><div role='button'>Commenter</div>"
            "<div role='button'>Partager</div></div>"
            f"<ul class='xz9'>{replies}</ul></div>")


def _feed(tmp_path: Path, posts: list[str]) -> dict[str, list[dict[str, object]]]:
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html lang='fr'><body><div role='main'><h1>Ville d’Ivry-sur-Seine</h1>"
                    "<div role='tablist'><a role='tab'>Publications</a><a role='tab'>À propos</a></div>"
                    "<div role='feed'>" + "".join(posts) + "</div></div></body></html>", encoding="utf-8")
    return records_of(path)


_SERIES = [
    _post("3 mars 2024", ["#NosVillesAmies 1/2 🇩🇪 Wolfach (Allemagne)",
                          "🏫 2004-2009 : échanges de classes de quatrième chaque printemps.",
                          "🎺 Mai 2015 : concert commun des harmonies.", "#Wolfach #Jumelage"],
          [("Anne B.", "J’y étais en 2011 avec ma classe, superbe souvenir !"),
           ("Ville d’Ivry-sur-Seine", "Merci Anne, rendez-vous en 2025 pour la suite.")]),
    _post("17 mars 2024", ["#NosVillesAmies 2/2 🇲🇱 Kita (Mali)",
                           "💧 2012 : forage d’un puits à Sébénikoro.",
                           "📚 2019 : envoi de matériel scolaire.", "#Kita #Mali"],
          [("Moussa K.", "Le puits de 2012 marche toujours 🙏")]),
]


def test_a_feed_s_series_titles_head_their_partner_and_comments_are_no_actions(tmp_path: Path) -> None:
    data = _feed(tmp_path, _SERIES)
    assert sorted((p["name"], p["country_code"]) for p in data["partners"]) == [("Kita", "ML"), ("Wolfach", "DE")]
    ids = {p["partner_id"]: p["name"] for p in data["partners"]}
    dated = sorted((str(ids[a["partner_id"]]), a["start_year"], a["end_year"])
                   for a in data["actions"] if a["start_year"])
    # the posts' own entries, each under its partner; neither the posts' times (their
    # titles head them) nor the readers' comments ("en 2011", "en 2025") are actions
    assert dated == [("Kita", 2012, 2012), ("Kita", 2019, 2019), ("Wolfach", 2004, 2009), ("Wolfach", 2015, 2015)]
    texts = " ".join(str(a["text"]) for a in data["actions"])
    assert "J’aime" not in texts and "Répondre" not in texts and "Anne" not in texts


def test_a_shared_post_s_author_line_is_no_partner_and_its_text_is_read(tmp_path: Path) -> None:
    shared = ("<div class='x1n shared-post'><h3><strong><a href='#'>Comité de jumelage</a></strong></h3>"
              "<div><span><a href='#'><span>10 mars 2024</span></a> · <span>🌍</span></span></div>"
              "<div dir='auto'>🏥 2022 : formation de deux infirmiers à Kita.</div></div>")
    posts = [*_SERIES, _post("12 mars 2024", ["Merci au comité pour ce bilan 👏 #Kita"], shared=shared,
                              author="Ville d’Ivry-sur-Seine</a></strong> a partagé une publication.<strong><a>")]
    data = _feed(tmp_path, posts)
    assert sorted(p["name"] for p in data["partners"]) == ["Kita", "Wolfach"]
    assert 2022 in [a["start_year"] for a in data["actions"]]


def test_a_post_dated_by_its_age_alone_is_one_entry_dated_by_its_text(tmp_path: Path) -> None:
    posts = [*_SERIES,
             _post("2 sem.", ["☀️ Cet été 2024, dix jeunes de Kita ont passé deux semaines au centre de loisirs.",
                              "Merci aux familles d’accueil et aux animateurs !", "#Kita"]),
             _post("4 h", ["🎉 Wolfach est à l’honneur ce soir !",
                           "Rendez-vous à la salle des fêtes pour le concert des harmonies, entrée libre.",
                           "➡️ Prochain échange de classes : du 3 au 7 mai 2025."])]
    data = _feed(tmp_path, posts)
    ids = {p["partner_id"]: p["name"] for p in data["partners"]}
    acts = [(str(ids[a["partner_id"]]), a["date_label"], a["start_year"], str(a["text"])) for a in data["actions"]]
    summer = [a for a in acts if "Cet été 2024" in a[3]]
    # the post's age is its label, as written; its text's date dates it; its next
    # paragraph is the same post
    assert [(a[0], a[1], a[2]) for a in summer] == [("Kita", "2 sem. · (🌍 Public)", 2024)]
    assert "familles d’accueil" in summer[0][3]
    concert = [a for a in acts if "salle des fêtes" in a[3]]
    assert len(concert) == 1 and "Wolfach est à l’honneur" in concert[0][3]
    # a paragraph of the post that dates itself with a year is an entry of its own
    assert [a[2] for a in acts if "Prochain échange" in a[3] and "salle des fêtes" not in a[3]] == [2025]


def test_footnote_calls_in_brackets_are_no_part_of_the_sentence() -> None:
    from pipeline.html_page import html_blocks

    blocks = html_blocks("<html><body><main><h2>Kita (Mali)</h2><p>Un puits est foré en 2003<sup><a href='#n1'>"
                         "[1]</a></sup>, pour 4 000 €<sup class='need'><a href='#'>[réf. nécessaire]</a></sup> "
                         "avec le comité. Le 12<sup>e</sup> forage suit.</p></main></body></html>")
    assert [b.text for b in blocks if b.kind == "paragraph"] == [
        "Un puits est foré en 2003, pour 4 000 € avec le comité. Le 12e forage suit."]


def test_the_years_of_a_span_after_annees() -> None:
    from pipeline.dates import find_dates, parse_label

    assert [f.text for f in find_dates("Un programme couvre les années 2021 à 2023.")] == ["les années 2021 à 2023"]
    assert parse_label("années 2016-2018").edtf == "2016/2018"  # type: ignore[union-attr]
    assert parse_label("Les années 1990").edtf == "199X"  # type: ignore[union-attr]
