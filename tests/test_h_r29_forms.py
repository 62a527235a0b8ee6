"""Round 29's classes (real pages), each in sentences or small pages of its own: a photo's
file name the site wrote in lower case ("ivry fete (3).jpg") is no word of the page written
in lower case; a "depuis" governs its own date only, not the date of the clause after it."""

from pipeline.extract import extract
from pipeline.gate import lower_words
from pipeline.narrative import event_in
from pipeline.parse import parse
from pipeline.read import text_blocks
from pipeline.tables import tables


def _read(page: str) -> dict[str, list[dict[str, object]]]:
    return tables(extract(parse(text_blocks(page))))


def test_a_photo_s_file_name_is_no_word_written_in_lower_case() -> None:
    text = "La fête à Ivry. Les amis d'Ivry sont venus. ivry fete (3).jpg ivry fete (3).jpg ivry fete (4).jpg"
    assert "ivry" not in lower_words(text)
    assert "ivry" in lower_words("La fête à Ivry. Le groupe ivry est venu. Un ivry, deux ivry.")


_JUBILEE = """Trente ans d'amitié

Ivry et Kellerbach ont fêté les trente années d'amitié entre les deux villes.

Les villes d'Ivry et Kellerbach sont jumelées depuis 1994, ce samedi 7 octobre 2023 se tenait la fête des 30 ans à la salle des fêtes.

Une délégation autrichienne de Pfarrwerfen était également présente. Sous la direction de Jeanne Morel, présidente du jumelage Ivry-Kellerbach, le programme attendait les amis allemands du jeudi 5 au dimanche 8 octobre.

ivry jumelage (1).jpg
ivry jumelage (1).jpg
ivry jumelage (2).jpg
ivry jumelage (2).jpg
ivry jumelage (3).jpg
ivry jumelage (3).jpg
"""


def test_a_town_named_in_its_photos_file_names_is_still_the_town() -> None:
    data = _read(_JUBILEE)
    assert [p["name"] for p in data["partners"]] == ["Kellerbach"]
    assert data["partners"][0]["agreement_year"] == 1994


def test_the_date_of_the_clause_after_a_since_is_an_event() -> None:
    sentence = "Nos villes sont jumelées depuis 1994, ce samedi 7 octobre 2023 se tenait la fête."
    event = event_in(sentence, None)
    assert event is not None and event.when == (2023, 10, 7)
    assert event_in("Nos villes sont jumelées depuis le samedi 7 octobre 1994.", None) is None
    data = _read(_JUBILEE)
    dated = {(a["date_label"], a["start_year"], a["start_month"]) for a in data["actions"]}
    assert ("samedi 7 octobre 2023", 2023, 10) in dated


_CONVENTION = """CONVENTION ENTRE LA VILLE ET LE COMITE DE JUMELAGE

La commune d'IVRY représentée par son Maire, selon le mandat donné par délibération du Conseil Municipal, d'une part, et le Comité de Jumelage d'autre part.

Le jumelage d'IVRY avec la ville de KELLERBACH, dépendant de l'autorité administrative du Landkreis Westerwald, a été décidé par délibération du Conseil Municipal du 12 mai 1998.

Il exprime la volonté d'IVRY et KELLERBACH de rapprocher leurs habitants. Le Conseil Municipal est garant de la politique à mener et soulage le Conseil Municipal de ses tâches.
"""


def test_the_town_s_tie_with_a_place_of_a_kind_names_the_partner() -> None:
    from pipeline.narrative import _partner_after

    assert _partner_after("Le jumelage d'Ivry avec la ville de ")
    assert _partner_after("Le jumelage d'Ivry-sur-Seine avec la commune de ")
    assert not _partner_after("Le jumelage avec la ville de ")  # a tie's noun alone
    data = _read(_CONVENTION)
    assert [p["name"].title() for p in data["partners"]] == ["Kellerbach"]


def test_a_board_s_qualifier_is_no_place() -> None:
    from collections import Counter

    from pipeline.gate import sifted

    spelling = {"conseil municipal": "Conseil Municipal", "commission hildesheim": "Commission Hildesheim"}
    assert sifted(Counter({"conseil municipal": 6, "commission hildesheim": 2}), spelling) \
        == Counter({"hildesheim": 2})


def test_the_words_beside_a_name_end_at_a_word_s_end() -> None:
    from pipeline.narrative import partner_country

    text = ("Le jumelage avec la ville de Stepps, dépendant de l'autorité administrative de "
            "North Lanarkshire Council, a été décidé en 2002.")
    assert partner_country("Stepps", [text], fallback=False) == "Royaume-Uni"


_FROM_ABROAD = """Le comité de jumelage de Bellerive prépare la venue d'un groupe de Bellerive-sur-Allier en France. Cette visite aura lieu en juin 2025, pour le 30e anniversaire de l'association.

Les familles d'accueil québécoises recevront leurs hôtes et, par la suite, iront à leur tour en France en 2027. Le président espère ouvrir les portes de Bellerive aux visiteurs, pour leur faire découvrir la région de Lotbinière et celle de Québec.
"""


def test_a_page_told_from_abroad_names_the_partner_by_the_town_s_shorter_name() -> None:
    from dataclasses import replace

    from pipeline.config import Town, config, using
    from pipeline.narrative import told_from_abroad

    current = config()
    town = Town("Bellerive-sur-Allier", (), "bellerivois", "03023")
    with using(replace(current, town=town)):
        assert told_from_abroad(["La venue d'un groupe de Bellerive-sur-Allier en France."])
        assert not told_from_abroad(["Bellerive-sur-Allier reçoit ses amis de Gerolzhofen en Allemagne."])
        data = _read(_FROM_ABROAD)
    assert [(p["name"], p["country_code"]) for p in data["partners"]] == [("Bellerive", "CA")]
    assert {a["start_year"] for a in data["actions"]} >= {2025, 2027}
    with using(replace(current, town=replace(town, short_names=("Bellerive",)))):
        assert not told_from_abroad(["La venue d'un groupe de Bellerive-sur-Allier en France."])


_PACT = """Un pacte d'amitié entre les villes de Québec et d'Ivry
Une délégation de la Ville d'Ivry a séjourné à Québec du 3 au 8 mai 2001. Le 5 mai, le maire d'Ivry et le maire de Québec ont signé un pacte d'amitié liant les deux villes.
"""


def test_a_town_named_as_its_province_is_a_partner_after_a_town_s_noun_or_mayor() -> None:
    from pipeline.narrative import _town_of_a_region

    assert _town_of_a_region("Québec", "le maire de ") and _town_of_a_region("Québec", "les villes de ")
    assert not _town_of_a_region("Québec", "une province, le ")
    assert not _town_of_a_region("France", "les villes de ")  # a country's own name
    data = _read(_PACT)
    assert [(p["name"], p["country_code"]) for p in data["partners"]] == [("Québec", "CA")]


def test_a_blog_post_s_day_above_its_title_dates_a_day_told_without_its_year() -> None:
    page = ("samedi 19 octobre 2019\n\nLa fête des 30 ans\n\nLa fête des 30 ans du jumelage avec "
            "Kellerbach s'est déroulée le 12 octobre au château de Kellerbach. Le maire de Kellerbach "
            "a reçu la délégation d'Ivry.\n")
    data = _read(page)
    dated = [(a["date_label"], a["start_year"], a["start_month"]) for a in data["actions"]]
    assert ("le 12 octobre", 2019, 10) in dated


def test_a_title_naming_the_partner_in_a_close_spelling_starts_the_story() -> None:
    page = ("IVRY (Communiqué) Assemblée générale du comité de jumelage Ivry Kellerbac\n\n"
            "Le Journal du Val-de-Marne - 8 mars 2016 à 10:02 - Temps de lecture :\n\n"
            "Une assemblée générale du comité de jumelage est convoquée le samedi 12 mars à 10h à la "
            "salle des fêtes. Elle élira le bureau.\n\nL'assemblée comportera deux temps. L'équipe sortante "
            "sait que la ville jumelle de Kellerbach prépare déjà le 25e anniversaire de notre "
            "partenariat.\n")
    data = _read(page)
    assert [p["name"] for p in data["partners"]] == ["Kellerbach"]
    dated = [(a["date_label"], a["start_year"], a["start_month"]) for a in data["actions"]]
    assert any(label and "12 mars" in label and year == 2016 for label, year, _ in dated), dated


def test_the_years_of_a_term_of_office_are_no_event() -> None:
    assert event_in("Puis il y aura l'élection de dix administrateurs du mandat 2019-2021.", None) is None
    assert event_in("Le mandat de 2019 à 2021 du bureau s'achève.", None) is None
    said = event_in("Le bureau élu en mars 2019 pour le mandat 2019-2021 a reçu Kellerbach.", None)
    assert said is not None and said.when == (2019, 3, None)


def test_a_date_after_d_ici_is_a_deadline_no_event() -> None:
    assert event_in("Le village fera partie de la commune rurale de Kita d’ici mars 2027.", None) is None
    assert event_in("Le puits sera creusé avant le 3 mai 2026.", None) is None
    said = event_in("Nos amis sont venus ici le 3 mai 2006.", None)  # "ici" alone is no bound
    assert said is not None and said.when == (2006, 5, 3)


def test_people_a_page_still_looks_for_are_no_head_count() -> None:
    from pipeline.numbers import figures

    assert figures("Il nous manque encore six familles d'accueil.").participants is None
    assert figures("Le comité est à la recherche de huit couples pour accueillir nos hôtes.").participants is None
    assert figures("Il me reste quatre familles à trouver.").participants is None
    count = figures("Six familles d'accueil ont reçu nos amis.").participants
    assert count is not None and count.value == 6


def test_a_joiner_set_off_by_commas_opens_a_clause_of_its_own() -> None:
    from pipeline.narrative import sentences

    text = ("Les familles doivent être disponibles du 3 au 17 juin 2025 pour recevoir le groupe "
            "d'Ivry et, par la suite, être reçues à leur tour en France en 2027.")
    told = [(piece.strip(), event.label if event else None) for piece, event in sentences(text, None)]
    assert [label for _, label in told] == ["du 3 au 17 juin 2025", "en 2027"]
    assert told[1][0].startswith("et, par la suite, être reçues")


_COMMEMORATION = """Le maire de Kellerbach a répondu à l'invitation du maire d'Ivry pour assister à la cérémonie du 105e anniversaire de l'armistice.

Le maire d'Ivry a remercié le maire de Kellerbach pour sa visite et a affirmé sa volonté de pérenniser la coopération qui lie les deux communes.
"""


def test_the_anniversary_of_a_day_of_history_dates_a_page_that_writes_no_year() -> None:
    said = event_in("Ils ont célébré le 60e anniversaire du traité de l'Élysée à la mairie.", None)
    assert said is not None and said.when == (2023, 1, None)
    data = _read(_COMMEMORATION)
    dated = [(a["start_year"], a["start_month"]) for a in data["actions"]]
    assert dated == [(2023, 11)]
    written = _read(_COMMEMORATION.replace("de l'armistice.", "de l'armistice, le 11 novembre 2021."))
    assert [(a["start_year"], a["start_month"]) for a in written["actions"]] == [(2021, 11)]
