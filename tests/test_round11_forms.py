"""Forms of pages that round 11's blind edited pages brought (tests/corpus/edited/r11-*):
each test is a small page of the class, not the round's page."""

from pathlib import Path

from tests.corpus.score import records_of

HEAD = "<html><body><main><h1>Jumelages</h1>"
TAIL = "</main></body></html>"


def _records(tmp_path: Path, body: str, name: str = "page.html") -> dict[str, list[dict[str, object]]]:
    page = tmp_path / name
    page.write_text(HEAD + body + TAIL if name.endswith(".html") else body, encoding="utf-8")
    return records_of(page)


def test_a_dated_tie_before_the_place_leads_in_to_the_heading(tmp_path: Path) -> None:
    """ "Jumelée depuis 1963 : Cottbus (Allemagne)": the tie and its year lead in to the
    place as "Jumelage avec" does; a later "Archives de la coopération avec Cottbus
    (Allemagne), 2006-2014" is the same partner's second section."""
    data = _records(tmp_path, "<h2>Jumelée depuis 1963 : Cottbus (Allemagne)</h2>"
                    "<p>Un jumelage signé en 1963.</p><p><strong>2012</strong> : accueil de jeunes.</p>"
                    "<h2>Gao (Mali)</h2><p><strong>2015</strong> : forages.</p>"
                    "<h2>Archives de la coopération avec Cottbus (Allemagne), 2006-2014</h2>"
                    "<p><strong>2008</strong> : échange de musiciens.</p>")
    assert sorted(p["name"] for p in data["partners"]) == ["Cottbus", "Gao"]
    cottbus = next(p["partner_id"] for p in data["partners"] if p["name"] == "Cottbus")
    years = sorted(a["start_year"] for a in data["actions"] if a["partner_id"] == cottbus)
    assert years == [2008, 2012]


def test_an_apps_export_its_metadata_table_and_date_mentions(tmp_path: Path) -> None:
    """A note-taking app's export: a table of the page's metadata (when it was made and
    updated, its tags) is set aside; a date mention "@12 juin 2023 → 18 juin 2023" in a
    <time> element is the entry's label, the arrow a range's dash."""
    data = _records(tmp_path, "<table><tr><th>Créé le</th><td><time>@12 mars 2024 10:14</time></td></tr>"
                    "<tr><th>Dernière modification</th><td><time>@3 février 2025</time></td></tr>"
                    "<tr><th>Statut</th><td>Publié</td></tr></table>"
                    "<h2>Gao (Mali)</h2><p>Une coopération depuis 1990.</p>"
                    "<ul><li><time>@12 juin 2023 → 18 juin 2023</time> : séjour de jeunes à Gao.</li></ul>"
                    "<ul><li>Depuis le <time>@1 février 2024</time> : parrainage d'étudiants.</li></ul>")
    got = sorted((a["start_year"], a["start_month"], a["end_year"], a["end_month"], a["is_ongoing"])
                 for a in data["actions"])
    assert got == [(2023, 6, 2023, 6, False), (2024, 2, None, None, True)]


def test_a_badge_before_the_text_is_the_entrys_label(tmp_path: Path) -> None:
    """ "<li><span class="badge">Juin 2012</span>Accueil …</li>": no separator, the end of
    the element set apart is one; an item whose first element is no date stays text, and
    the article's list of tags ("Bilan 2024") is furniture."""
    data = _records(tmp_path, "<h2>Gao (Mali)</h2><p>Une coopération depuis 1990.</p><ul>"
                    '<li><span class="badge">Juin 2012</span>Accueil de jeunes musiciens.</li>'
                    '<li><span class="badge">2016-2020</span> forages à Gao.</li>'
                    '<li><span class="badge">Nouveau</span> une bibliothèque.</li></ul>'
                    '<ul class="tags"><li><a href="/tags/bilan">Bilan 2024</a></li></ul>')
    got = sorted((a["date_label"], a["start_year"], a["start_month"], a["end_year"]) for a in data["actions"]
                 if a["start_year"] is not None)
    assert got == [("2016-2020", 2016, None, 2020), ("Juin 2012", 2012, 6, 2012)]


def test_a_heading_split_into_a_name_box_and_a_country_box(tmp_path: Path) -> None:
    """A site builder's export without heading tags: the place's name in one box, its
    country below in another, without brackets, maybe after its region ("Cisjordanie,
    Palestine": one country); a name the intro's list writes is enough to read it."""
    data = _records(tmp_path, "<p>Nos partenaires :</p><ul><li>Camps de réfugiés Sahraouis de Tindouf (Algérie)</li>"
                    "<li>Jifna (Palestine)</li></ul>"
                    "<p>Camps de réfugiés sahraouis de Tindouf</p><p>Algérie</p>"
                    "<p><strong>2016</strong> : accueil d'enfants.</p>"
                    "<p>Jifna</p><p>Cisjordanie, Palestine</p><p><strong>2019</strong> : un jardin d'enfants.</p>")
    got = sorted((p["country_code"], p["name"]) for p in data["partners"])
    assert got == [("DZ", "Camps de réfugiés sahraouis de Tindouf"), ("PS", "Jifna")]
    assert sorted(a["start_year"] for a in data["actions"]) == [2016, 2019]


def test_coming_events_and_newsletters_give_no_row(tmp_path: Path) -> None:
    """A widget of the site's coming events, a newsletter's box and a section announcing
    the next event ("Prochain rendez-vous", its date in bold) are no actions of the page."""
    data = _records(tmp_path, "<h2>Gao (Mali)</h2><p>Une coopération depuis 1990.</p>"
                    "<p><strong>2016</strong> : forages à Gao.</p>"
                    '<div class="sf-events-list"><p>jeudi 14 novembre 2024, 19:00 - 21:00</p></div>'
                    '<div class="newsletter"><p>Prochain numéro le 15 janvier 2025 : retour sur Gao.</p></div>'
                    "<h3>Prochain rendez-vous</h3><p><strong>Samedi 8 février 2025, 14 h – 18 h</strong>"
                    " — Après-midi « Gao en musique », salle des fêtes.</p>")
    assert [a["start_year"] for a in data["actions"]] == [2016]


def test_new_forms_of_dates_counts_and_statuses() -> None:
    """A calendar period opening a range, half a dozen, a project that will not be
    carried on."""
    from pipeline.dates import parse_label
    from pipeline.extract import status
    from pipeline.numbers import participants

    period = parse_label("De la rentrée 2022 à juin 2024")
    assert period is not None
    assert (period.start_year, period.start_month, period.end_year, period.end_month) == (2022, 9, 2024, 6)
    assert parse_label("De la rentrée 2024 à 2022") is None  # backwards: not understood
    found = participants("accueil d’une demi-douzaine d’enfants sahraoui·es")
    assert found is not None and found.value == 6
    assert status("Faute d’entreprise, le projet ne sera pas poursuivi.", None) == "abandoned"


def test_a_site_builders_credit_and_account_links_are_the_sites_words() -> None:
    from pipeline.parse import SITE_CHROME, around_the_text

    assert [around_the_text(t) for t in ("Créé avec Canva", "Déconnexion | Connexion", "Nous écrire")] \
        == [SITE_CHROME] * 3
    assert around_the_text("Un jardin créé avec les habitants du quartier.") is None


def test_headings_reworded_by_lead_ins_name_the_place() -> None:
    """ "Aux côtés de …", "Regards croisés avec …", "Solidaires des …" lead in to the place,
    and "du camp de" is a kind of place as "le camp de" is."""
    from pipeline.places import place_name, split_heading

    got = [place_name(split_heading(h)[0]) for h in (
        "Aux côtés de Jifna et du camp de Jalazone (Palestine)",
        "Regards croisés avec Jérusalem-Est (Palestine)",
        "Solidaires des camps de réfugiés sahraouis de Tindouf (Algérie)")]
    assert got == ["Jifna et Jalazone", "Jérusalem-Est", "camps de réfugiés sahraouis de Tindouf"]


def test_a_badges_date_stays_the_label_before_a_name_and_a_comma(tmp_path: Path) -> None:
    """ "<span class="badge">2005</span> Ivry-sur-Seine, Gao et … ont …": "2005
    Ivry-sur-Seine" reads as no date; the badge's "2005" is the label."""
    data = _records(tmp_path, "<h2>Gao (Mali)</h2><p>Une coopération depuis 1990.</p><ul>"
                    '<li><span class="badge">2005</span> Ivry-sur-Seine, Gao et Tombouctou ont mis en place'
                    " un projet artistique.</li></ul>")
    assert [(a["date_label"], a["start_year"]) for a in data["actions"]] == [("2005", 2005)]
