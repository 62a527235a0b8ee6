"""Which lines of a page name its partners, and which never do: by-lines, a post's tags,
the town's own group of communes (headings), and the partners a story names besides the
one it tells of (several after a cue of twinning, "respectivement", a pair in the title, the
town and another place as one subject of a cooperation). Pages written here, from the forms
real pages of other towns use (tests/corpus/real), with other places and other words."""

from __future__ import annotations

import pytest

from pipeline.config import load, using
from pipeline.parse import parse
from pipeline.read import text_blocks

from .test_town import _one_page_town


def _town(tmp_path, name: str, short: str):
    return load(_one_page_town(tmp_path / "town", name, short, "99999", "", ""))


def _partners(page: str) -> list[str]:
    return [s.heading.text for s in parse(text_blocks(page)).sections]


def test_a_by_line_with_its_authors_role_is_no_partner_heading(tmp_path):
    """"Rédacteur <name> <his committee>" above a booklet's story reads like a place's
    name in capitals: it is the article's furniture, and the story's partner is found."""
    page = ("LES QUINZE ANS DU JUMELAGE ENTRE SAINT-ALBAN ET KORIENZÉ\n\n"
            "Rédactrice Anne MARCHAL-DUBOIS Commission des Relations Internationales\n\n"
            "En 2009, une délégation de Saint-Alban s'est rendue à Korienzé pour la signature "
            "de la charte de jumelage entre nos deux communes et elle a été reçue par le maire.\n")
    with using(_town(tmp_path, "Saint-Alban", "Saint-Alban")):
        assert [p.split(" (")[0] for p in _partners(page)] == ["Korienzé"]


def test_a_line_of_the_posts_tags_is_no_partner_heading(tmp_path):
    """"Solidarité, Sport" under a news item's picture is the site's rubrics: the news
    item is read as the story of the partner it names."""
    page = ("Une délégation sur le parvis de la mairie\n\n"
            "Sport, Éducation\n\n"
            "Tournoi de football avec nos amis de Schwelm\n\n"
            "Le 12 mai 2019, les jeunes du club ont accueilli l'équipe de Schwelm pour un tournoi.\n")
    with using(_town(tmp_path, "Villers-sur-Lys", "Villers")):
        assert [p.split(" (")[0] for p in _partners(page)] == ["Schwelm"]


def test_a_heading_naming_the_towns_own_group_of_communes_is_no_partner(tmp_path):
    """"COMMUNAUTE DE COMMUNES VAL D'ARGENT" (no accent, the group's words before its name)
    is the town file's "Val d'Argent": never its own partner."""
    page = ("HISTORIQUE DU JUMELAGE\n\nCOMMUNAUTE DE COMMUNES VAL D'ARGENT\n\n"
            "Le jumelage avec Lauterbach (Allemagne) a été créé en 1975.\n"
            "Une délégation de 20 personnes s'est rendue à Lauterbach en mai 1976.\n")
    with using(_town(tmp_path, "Val d'Argent", "Sainte-Marie")):
        assert [p.split(" (")[0] for p in _partners(page)] == ["Lauterbach"]


@pytest.mark.parametrize(("line", "tags"), [
    ("Citoyenneté, Culture", True),
    ("Sport / Santé", True),
    ("Gao, Kita", False),  # two places
    ("Culture", False),  # one word: a heading of its own
])
def test_a_posts_tags(line, tags):
    from pipeline.parse import _post_tags

    assert _post_tags(line) is tags


def test_a_hard_wrapped_sentence_with_initials_names_its_partner(tmp_path):
    """An old page cut into lines inside its sentences, an organisation spelt letter by
    letter ("l'A. F. D. (Agence …)") between the town and its partner, both led to by "la
    Ville de/d'": the partner is found over the whole sentence, and the dated line that
    opens it is its event."""
    page = ("|\n"
            "Les spécifications\n"
            "Le 3 mars 2001, la Ville de Lunel-Viel, le C.I.D.E.A (Centre\n"
            "International de l'Eau), l'A. F. D. (Agence Française de\n"
            "Développement) et la Ville d'Ouled Teima ont signé une convention\n"
            "de coopération décentralisée. Il s'agit d'étudier avec nos amis marocains\n"
            "les problèmes liés à l'approvisionnement en eau potable des quartiers.\n")
    with using(_town(tmp_path, "Lunel-Viel", "Lunel-Viel")):
        parsed = parse(text_blocks(page))
    assert [s.heading.text for s in parsed.sections] == ["Ouled Teima (Maroc)"]
    assert [(e.label, e.line) for e in parsed.sections[0].entries] == [("Le 3 mars 2001", 3)]


@pytest.mark.parametrize(("text", "sentences"), [
    ("M. Praud est venu. Il a signé.", ["M. Praud est venu.", "Il a signé."]),
    ("l'O. N. E. P. (Office) et la Ville. Puis rien.", ["l'O. N. E. P. (Office) et la Ville.", "Puis rien."]),
])
def test_a_sentence_does_not_end_after_an_initial(text, sentences):
    from pipeline.narrative import _SENTENCE

    assert _SENTENCE.split(text) == sentences


def _story_partners(tmp_path, town: str, short: str, page: str) -> list[tuple[str, int]]:
    with using(_town(tmp_path, town, short)):
        parsed = parse(text_blocks(page))
    return [(s.heading.text, len(s.entries)) for s in parsed.sections]


def test_a_friend_town_named_after_a_cue_in_anothers_story_is_a_partner_too(tmp_path):
    """The report of a visit to one twin names another friend town after "nos amis
    <demonym> de": a partner of its own (its country from the demonym), the event naming
    it its own, and the next paragraph naming none goes on with it, told last; the places
    the trip went through ("la visite de Rye") are none."""
    page = ("Rencontres annuelles\n\n"
            "En 2022, c'était notre tour de rendre visite à nos amis anglais de Tenterden, du jeudi 5 au "
            "dimanche 8 mai. Notre ville recevait également une délégation de nos amis Belges de "
            "Stavelot début juin.\n\n"
            "Le lendemain, la visite de Rye et de ses remparts a enchanté le groupe.\n")
    assert _story_partners(tmp_path, "Saint-Chéron", "Saint-Chéron", page) == [
        ("Tenterden (Royaume-Uni)", 1), ("Stavelot (Belgique)", 2)]


def test_the_places_a_plural_cue_lists_are_each_a_partner(tmp_path):
    """"les anniversaires des jumelages avec, respectivement, A et B": two ties, neither
    place the town (as the first of "le jumelage entre A et B" would be)."""
    page = ("Fête des villes jumelles\n\n"
            "La Municipalité inaugure une fresque. 2024 marque les 40e et 30e anniversaires des "
            "jumelages avec, respectivement, Bad Soden et Wavre.\n")
    assert sorted(h for h, _ in _story_partners(tmp_path, "Houilles", "Houilles", page)) == [
        "Bad Soden", "Wavre"]


def test_two_places_paired_in_the_title_are_both_partners(tmp_path):
    page = ("Ashby-de-la-Zouch et Castle Donington\n\n"
            "Présentation des villes jumelles\n\n"
            "Ashby-de-la-Zouch et Castle Donington sont deux communes voisines situées au nord de "
            "Londres, dans une région anglaise de collines.\n\n"
            "Castle Donington possède un circuit automobile et Ashby-de-la-Zouch un château.\n")
    assert sorted(h for h, _ in _story_partners(tmp_path, "Lagny-sur-Marne", "Lagny", page)) == [
        "Ashby-de-la-Zouch (Royaume-Uni)", "Castle Donington (Royaume-Uni)"]


def test_the_town_and_a_place_as_one_subject_of_a_tie_make_that_place_a_partner(tmp_path):
    """"…Kati, avec qui Meudon et Celle entretiennent des actions de coopération": Celle
    is a partner (its country unsaid), the story stays Kati's."""
    page = ("Le comité de jumelage s'est rendu au Mali du 3 au 9 mars 2018. La délégation a "
            "rencontré nos amis de Kati à Bamako.\n\n"
            "Pour des raisons de sécurité, elle n'a pu aller à Kati, avec qui Meudon et Celle "
            "entretiennent des actions de coopération depuis 1990.\n")
    assert _story_partners(tmp_path, "Meudon", "Meudon", page) == [
        ("Kati (Mali)", 1), ("Celle", 0)]


def test_the_towns_own_name_written_as_a_pair_is_no_partner(tmp_path):
    page = ("Comité d'échange Val & Lande / Sulzbach\n\n"
            "Le comité de jumelage fête ses 40 ans d'échange avec Sulzbach. Un chêne symbolise les "
            "relations entre Sulzbach et les communes de Val et Lande.\n")
    assert [h for h, _ in _story_partners(tmp_path, "Val et Lande", "Val & Lande", page)] == ["Sulzbach"]


def test_a_division_of_a_country_is_no_partner_town(tmp_path):
    """"en relation avec la Province du Zoundwéogo" twice outweighs the commune once: a
    province is where the partner lies."""
    page = ("Jumelage-coopération avec la Commune Rurale de Manga - Province du Zoundwéogo au Burkina "
            "Faso. En mars 2008, nous avons fêté à Manga le 20e anniversaire de notre charte. Les "
            "comités de la Sarthe sont en relation avec la Province du Zoundwéogo, et les relations "
            "Sarthe/Province du Zoundwéogo sont anciennes.\n")
    assert [h for h, _ in _story_partners(tmp_path, "Parigné", "Parigné", page)] == ["Manga (Burkina Faso)"]


def test_the_place_the_title_pairs_with_the_town_is_a_partner(tmp_path):
    """"SAINT-PIERRE - TENKODOGO" above the story of a first village: the place paired
    with the town in the title is a partner too, though the story is the village's."""
    page = ("SAINT-PIERRE - TENKODOGO\n\n"
            "Historique du jumelage :\n\n"
            "Nos relations avec le village de Gounghin ont commencé en 1990 et le jumelage a été "
            "officialisé en 1995. Gounghin est situé à dix kilomètres de Tenkodogo, au Burkina Faso.\n")
    # two events: "ont commencé en 1990 et le jumelage a été officialisé en 1995" are two
    # dated clauses joined by "et" (tests/test_narrative.py)
    assert _story_partners(tmp_path, "Saint-Pierre", "Saint-Pierre", page) == [
        ("Gounghin (Burkina Faso)", 2), ("Tenkodogo (Burkina Faso)", 0)]


def test_places_of_one_kind_as_a_partner_are_partners(tmp_path):
    """"le blason de Ramsgate aux côtés de ceux de Chimay et d'Hanau": the pronoun stands for
    the coats of arms of twin towns; two are partners after a plural cue, so is the third,
    though all three are named in one line."""
    page = ("Dans le cadre de la fête des villes jumelles\n\n"
            "La Municipalité inaugurera le drapeau de Tenby aux côtés de ceux de Mettmann et d'Arlon. "
            "2025 marque aussi les 30e et 20e anniversaires des jumelages avec, respectivement, "
            "Mettmann et Arlon.\n")
    assert sorted(h for h, _ in _story_partners(tmp_path, "Villiers", "Villiers", page)) == [
        "Arlon", "Mettmann", "Tenby"]


def test_the_place_of_an_official_of_a_delegation_is_the_partner(tmp_path):
    """A report names its partner only as the town of the visiting delegation's mayor, and
    tells at length of a place visited: the mayor's town is the partner."""
    page = ("Rencontres annuelles\n\n"
            "En 2017, c'était le tour de nos amis anglais de nous rendre visite à Étréchy, du 4 au "
            "7 mai. Leur délégation comprenait une trentaine de personnes, dont le maire de "
            "Wivenhoe : M. Peter HALL.\n\n"
            "Le lendemain matin, vendredi 5 mai, était consacré à la visite de la ville de Chartres. "
            "Arrivés à Chartres à 10h30, nous avons vu la cathédrale de Chartres.\n")
    assert [h for h, _ in _story_partners(tmp_path, "Étréchy", "Étréchy", page)] == ["Wivenhoe (Royaume-Uni)"]


def test_an_official_alone_names_no_partner():
    from pipeline.narrative import named_partner

    assert named_partner("Historique", [
        "Le jumelage avec Trittau (Allemagne) a été créé en 1971.",
        "M. Praud rencontra M. Le Doze, maire de Vouvantes, puis le maire de Hohenfelde, qui "
        "cherchait à établir un jumelage."]) == "Trittau"


def test_the_sites_own_headings_above_the_first_partner_heading_are_no_partners(tmp_path):
    """"Acceo" (a link of the site's menu, read as a heading) above "Cotonou - Bénin", and
    "Contact Mairie" below the story: no partner."""
    page = ("Formulaire inscription\n\nAcceo\n\nInscriptions périscolaires en ligne\n\n"
            "Cotonou - Bénin\n\n"
            "Rosny et le Bénin, c'est une convention de coopération décentralisée avec la ville de "
            "Cotonou.\n\n"
            "2019 : accueil d'une délégation de Cotonou.\n\n"
            "Contact Mairie\n\n01 23 45 67 89\n")
    with using(_town(tmp_path, "Rosny-sous-Bois", "Rosny")):
        assert _partners(page) == ["Cotonou - Bénin"]


def test_an_institution_after_a_cue_is_no_other_partner():
    from pipeline.narrative import named_partners

    assert named_partners("Visite", [
        "En 2019, nous avons rendu visite à nos amis de Rye.",
        "Le partenariat avec Association Kent Solidarité se poursuit."]) == ["Rye"]


def test_every_place_a_cue_lists_with_its_country_is_a_partner():
    """A town hall's sentence listing its twins after "jumelée avec", each with its country
    in brackets: every one is a partner, not the first few after the cue."""
    from pipeline.narrative import named_partners, partner_country
    from pipeline.places import country_code

    sentence = ("Dans le cadre de son programme d'échanges, la ville est jumelée avec Tartu "
                "(Estonie), Kaunas (Lituanie), Pécs (Hongrie), Olomouc (Tchéquie), Faro "
                "(Portugal), Lucca (Italie) et Ystad (Suède).")
    found = named_partners("Nos villes jumelles", [sentence])
    assert found == ["Tartu", "Kaunas", "Pécs", "Olomouc", "Faro", "Lucca", "Ystad"]
    assert [country_code(partner_country(name, [sentence], others=[o for o in found if o != name]))
            for name in found] == ["EE", "LT", "HU", "CZ", "PT", "IT", "SE"]


def test_a_sections_country_beside_its_place_outranks_the_home_country_its_text_names():
    from pipeline.extract import Heading, partner_country

    text = ("L'échange unit notre lycée et le lycée Sainte-Marie de Kaolack (Sénégal). À leur arrivée "
            "en France, les élèves de Kaolack sont logés dans les familles.")
    assert partner_country(Heading.read("JUMELAGE IVRY / KAOLACK"), None, text) == ("Sénégal", "SN")


def test_a_country_named_by_its_form_of_state_places_a_listed_twin():
    from pipeline.narrative import named_partners, partner_country
    from pipeline.places import country_code

    texts = ["Notre ville entretient des liens avec d'autres villes depuis longtemps : Curepipe "
             "(République de Maurice), Mutsamudu, île d'Anjouan (Archipel des Comores), et Madaba "
             "(Royaume hachémite de Jordanie)."]
    found = named_partners(None, texts)
    assert found == ["Curepipe", "Mutsamudu", "Madaba"]
    assert [country_code(partner_country(name, texts, others=[o for o in found if o != name]))
            for name in found] == ["MU", "KM", "JO"]


@pytest.mark.parametrize("time", ["la Seconde Guerre mondiale", "la Grande Guerre", "la Libération",
                                  "la Première Guerre mondiale", "Matin", "Soirée", "Après-midi"])
def test_a_time_of_history_is_no_partner(time):
    """A page of twinning names the war its twinnings were born after more often than
    anything else ("Les jumelages, une idée née après la Seconde Guerre mondiale" as its
    title): a time, not a place. A page that names no place so is refused, in one line;
    beside a partner, the partner alone."""
    from pipeline.narrative import named_partners

    title = f"Les jumelages, une idée née après {time}"
    assert named_partners(title, [f"Le jumelage est né au lendemain de {time}.",
                                  "Orléans et Dundee en 1946 furent les premières."]) == []
    assert named_partners(title, [f"Au lendemain de {time}, le jumelage avec Rye est signé.",
                                  "Nos amis de Rye nous ont reçus en 2019."]) == ["Rye"]


def test_partners_a_story_names_in_one_line_are_all_in_the_tables(tmp_path):
    """Three partners named in the line that also holds the story's text: each a row, and
    no text of the page left in no record (the run's coverage check passes)."""
    from tests.corpus.score import _records_of

    page = tmp_path / "page.txt"
    page.write_text("Dans le cadre de la fête des villes jumelles\n"
                    "La Municipalité inaugurera le drapeau de Tenby aux côtés de ceux de Mettmann et "
                    "d'Arlon. 2025 marque aussi les 30e et 20e anniversaires des jumelages avec, "
                    "respectivement, Mettmann et Arlon.\n"
                    "Samedi 4 octobre, rue du Marché\n", encoding="utf-8")
    with using(_town(tmp_path, "Villiers", "Villiers")):
        tables = _records_of(page)
    assert sorted((p["name"], p["source_line"]) for p in tables["partners"]) == [
        ("Arlon", 2), ("Mettmann", 1), ("Tenby", 2)]
    assert [(a["date_label"], a["source_line"]) for a in tables["actions"]] == [
        ("2025", 2), ("Samedi 4 octobre", 3)]


@pytest.mark.parametrize("told", [
    "1972 : Jumelage avec Hombruch, devenue Dortmund-Hörde",
    "1972 : Jumelage avec Dortmund-Hörde (anciennement Hombruch)"])
def test_an_old_name_of_the_partner_is_the_same_partner(tmp_path, told):
    """A twinning told under the partner's former name ("Jumelage avec Duisdorf, devenue
    Bonn-Hardtberg", a real page) names one partner, not two."""
    page = ("La ville jumelée avec Saint-Ouen\n\nDortmund-Hörde (Allemagne),\n\n"
            f"Les dates des jumelages\n\n{told}\n\n1990 : Création de la fête du jumelage\n")
    assert _story_partners(tmp_path, "Saint-Ouen", "Saint-Ouen", page) == [
        ("Dortmund-Hörde (Allemagne)", 2)]


def test_a_heading_that_is_the_pages_rubric_alone_is_no_partner(tmp_path):
    """"Jumelage" above a town hall's history: the rubric names no place (the text's "un
    jumelage" named it again, so it was published as the partner); the story's twin is."""
    page = ("Vie municipale\n\nJumelage\n\n"
            "C'est en 1993 que le maire émet le désir de créer un jumelage avec une commune "
            "européenne. La petite cité de Rivola, en Toscane, se porte candidate. L'union de "
            "nos deux communes va se concrétiser en 1998, à Rivola.\n\n"
            "Villebourg et Rivola ont bien des points communs.\n")
    with using(_town(tmp_path, "Villebourg", "Villebourg")):
        assert _partners(page) == ["Rivola (Italie)"]


def test_the_parts_of_the_towns_name_written_with_spaces_are_no_partner(tmp_path):
    """"Sucy en Brie" is the town's "Sucy-en-Brie": "Brie", named as often as the town,
    is no candidate; the story's partner is the place it pairs with the town."""
    page = ("Marly en Brie - Samedi 20 avril 2013\n\n"
            "La signature du pacte de coopération entre la commune de Marly en Brie dans le "
            "département 77 et celle de Tsarasaotra (Madagascar) s'est déroulée samedi dernier. "
            "Marly en Brie a hissé le drapeau malgache. La Maire de Marly en Brie a remercié les "
            "élus de Marly en Brie et de Tsarasaotra. La délégation de Tsarasaotra est repartie lundi.\n")
    with using(_town(tmp_path, "Marly-en-Brie", "Marly")):
        assert [p.split(" (")[0] for p in _partners(page)] == ["Tsarasaotra"]


def test_a_history_told_in_chapters_names_its_twins_by_contacts_and_councils(tmp_path):
    """The history of a committee told in chapters that name no place ("LES DÉBUTS :"), its
    twins named by the first contacts made with them ("se nouèrent avec Tárrega (Espagne)")
    and by the council that proposed the tie ("les conseillers municipaux de Cottbus
    proposèrent un jumelage"); the mayor of a place in passing is no partner."""
    page = ("60 ans d'amitié\n\n"
            "LES DÉBUTS :\n\n"
            "- En 1962, le maire de Nancy salua l'initiative du comité de jumelage.\n\n"
            "LES PREMIERS ÉCHANGES :\n\n"
            "- Les premiers contacts se nouèrent avec Tárrega (Espagne) et, le 2 mai 1963, la "
            "charte fut signée à l'hôtel de ville.\n\n"
            "- En mars 1964, les conseillers municipaux de Cottbus proposèrent de réaliser un "
            "jumelage. Une délégation se rendit en Allemagne au printemps.\n")
    partners = [name for name, _ in _story_partners(tmp_path, "Vaux-sur-Orne", "Vaux", page)]
    assert [p.split(" (")[0] for p in partners] == ["Tárrega", "Cottbus"]


def test_a_name_after_a_persons_title_or_an_institutions_noun_is_no_place(tmp_path):
    """"le maire Jens Holmberg", "Mme Sörensen", "l'association Solvinden": a person, an
    association's own name, however often the story names them after its cues."""
    page = ("Visite de nos amis\n\n"
            "En mai 2019, la délégation du maire Jens Holmberg a été reçue par nos amis de "
            "Kinsale. Le maire Jens Holmberg a remercié Mme Sörensen et l'association Solvinden, "
            "qui accompagnait la délégation de Jens Holmberg.\n")
    partners = [name for name, _ in _story_partners(tmp_path, "Vaux-sur-Orne", "Vaux", page)]
    assert [p.split(" (")[0] for p in partners] == ["Kinsale"]


def test_a_line_pairing_the_town_and_a_place_names_the_partner_not_anothers_tie(tmp_path):
    """A story's lines: one pairs the town and its twin ("VAUX-KINSALE"), one says the
    town's département is twinned with a county ("La Corrèze est jumelée avec le Kerry"):
    that tie is the département's, the town's twin is Kinsale. (A page where such a line is
    a partner heading is read by the sections' reader, which keeps the heading's words.)"""
    from pipeline.narrative import named_partners

    texts = ["L'idée du jumelage est née après la guerre.", "VAUX-KINSALE", "Le doyen de nos jumelages",
             "La Corrèze est jumelée avec le Kerry.", "En 2019, 12 élèves ont été accueillis."]
    with using(_town(tmp_path, "Vaux-sur-Orne", "Vaux")):
        assert named_partners("Nos jumelages", texts) == ["KINSALE"]


@pytest.mark.parametrize(("written", "code"), [
    ("Outre-Rhin", "DE"), ("outre-Manche", "GB"), ("Outre-Quiévrain", "BE"), ("Outre-Atlantique", "US")])
def test_a_country_named_by_what_lies_between_is_that_country(written, code):
    from pipeline.places import country_code

    assert country_code(written) == code


def test_friends_from_across_the_rhine_are_no_partner_town(tmp_path):
    """"Un premier contact entre <town> et nos camarades d'Outre-Rhin": Germany, named by
    what lies between, no partner town; the town's twin is the place its sentences name."""
    page = ("Comité de jumelage\n\n"
            "Un premier contact entre Vaux et nos camarades d'Outre-Rhin…\n\n"
            "Un premier contact entre Vaux et nos camarades d'Outre-Rhin a eu lieu en 1983.\n\n"
            "Les relations entre Vaux et Kirchdorf, petite ville de Bavière, datent de 1985.\n")
    partners = [name for name, _ in _story_partners(tmp_path, "Vaux-sur-Orne", "Vaux", page)]
    assert [p.split(" (")[0] for p in partners] == ["Kirchdorf"]


def test_places_listed_after_their_kind_and_a_colon_are_each_a_partner(tmp_path):
    """"jumelée avec 2 petites villes européennes : A et B": the list opens after the
    places' kind and a colon, and neither of the two is the town (as the first of "le
    jumelage entre A et B" is)."""
    page = ("2 jumelages pour Vaux\n\n"
            "Le comité de jumelage a été déclaré en 2002.\n\n"
            "Vaux est aujourd'hui jumelée avec 2 petites villes européennes : Kinsale et Olite.\n\n"
            "En 2013, des musiciens de Kinsale sont venus à Vaux.\n")
    partners = [name for name, _ in _story_partners(tmp_path, "Vaux-sur-Orne", "Vaux", page)]
    assert sorted(p.split(" (")[0] for p in partners) == ["Kinsale", "Olite"]


def test_twins_a_paragraph_lists_by_their_peoples_after_a_paragraph_of_twinning(tmp_path):
    """"voici 58 ans avec la ville polonaise de Tarnów, 27 ans avec les Allemands de Zell et
    17 ans avec les Italiens de Olite": three places in three countries, each told by its
    country's adjective or people, in the paragraph after one about twinning: the town's
    twins."""
    page = ("L'Europe a rendez-vous à Vaux\n\n"
            "Il y a bien longtemps que le jumelage entre deux communes permet de tisser des liens.\n\n"
            "A Vaux, l'histoire a débuté voici 58 ans avec la ville polonaise de Tarnów, 27 ans avec "
            "les Allemands de Zell et 17 ans avec les Italiens de Umbria.\n\n"
            "Ils seront 80 Polonais, 50 Allemands et autant d'Italiens.\n")
    partners = [name for name, _ in _story_partners(tmp_path, "Vaux-sur-Orne", "Vaux", page)]
    assert sorted(partners) == ["Tarnów (Pologne)", "Umbria (Italie)", "Zell (Allemagne)"]
