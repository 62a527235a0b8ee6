"""The partner gate: a heading is a partner only on the page's evidence (pipeline/gate.py)."""

from __future__ import annotations

from collections import Counter

from pipeline.gate import COMMON_NOUN, COUNTER_EVIDENCE, NO_EVIDENCE, PageText, gate, sifted, weigh
from pipeline.read import Block


def test_a_line_of_the_site_names_no_partner() -> None:
    texts = ["Les jeunes de Hildesheim sont à Angoulême.", "Merci à tous les bénévoles."]
    assert weigh("Répondre", False, PageText(texts)).refused == COUNTER_EVIDENCE
    assert weigh("Bienvenue", False, PageText(texts)).refused == NO_EVIDENCE
    assert weigh("IMG_4159.jpg", False, PageText(texts)).refused == COUNTER_EVIDENCE
    assert weigh("COMPTE-RENDU DE L'ASSEMBLEE GENERALE", False, PageText(texts)).refused == COUNTER_EVIDENCE
    assert weigh("SALLE DU FOYER DE BEAUREPAIRE", False, PageText(texts)).refused == COUNTER_EVIDENCE
    assert weigh("Merci", False, PageText(texts)).refused == COUNTER_EVIDENCE


def test_a_law_or_a_meeting_after_an_article_names_no_partner() -> None:
    """The word after an opening article is read: a law the page explains, a meeting."""
    texts = ["La loi du 6 février 1992 a légitimé l’action des collectivités."]
    assert weigh("La Loi Thiollière", False, PageText(texts)).refused == COUNTER_EVIDENCE
    assert weigh("La réunion des comités", False, PageText(texts)).refused == COUNTER_EVIDENCE
    assert weigh("La Lisa", False, PageText(["Nos amis de La Lisa étaient reçus."])).evidence == "twinning"


def test_the_page_gives_evidence_for_a_place() -> None:
    assert weigh("Gao (Mali)", True, []).evidence == "country"
    assert weigh("Remscheid", False, PageText(["Nos amis de Remscheid étaient reçus."])).evidence == "twinning"
    assert weigh("Niemcza", False, PageText(["Le car est arrivé à Niemcza le soir."])).evidence == "place"
    assert weigh("Niemcza", False, PageText(["Niemcza est belle."])).refused == NO_EVIDENCE


def test_a_refused_heading_is_no_partner_and_a_continued_one_is() -> None:
    body = [Block("heading", "Gao (Mali)", 1, level=2), Block("paragraph", "Gao est au nord.", 2),
            Block("heading", "Bienvenue", 3, level=2), Block("paragraph", "Votre message", 4),
            Block("heading", "Gao (suite)", 5, level=2), Block("paragraph", "Encore.", 6)]
    kept, refused = gate(body, [0, 2, 4])
    assert kept == [0, 4]
    assert refused == {2: NO_EVIDENCE}


def test_a_story_s_candidates_lose_the_words_of_the_document() -> None:
    weights = Counter({"merci": 5, "commission hildesheim": 3, "brest": 1})
    spelling = {"merci": "Merci", "commission hildesheim": "Commission Hildesheim", "brest": "Brest"}
    assert sifted(weights, spelling) == Counter({"hildesheim": 3, "brest": 1})


def test_a_country_beside_the_name_in_the_text_and_the_town_s_own_bodies() -> None:
    texts = ["Trois sont actives : Koutiala au Mali, Braga au Portugal."]
    assert weigh("Koutiala", False, PageText(texts)).evidence == "country"
    assert weigh("Braga", False, PageText(["Braga, puis la mer."])).refused == NO_EVIDENCE
    assert weigh("COMMUNAUTE DE COMMUNE LOIRE DIVATTE", False, PageText(texts)).refused == COUNTER_EVIDENCE


def test_a_heading_alone_with_dated_entries_below_tells_a_partner_s_story() -> None:
    body = [Block("heading", "Kobané", 1, level=2), Block("paragraph", "2010 : accueil de six jeunes.", 2)]
    assert gate(body, [0]) == ([0], {})
    body = [Block("heading", "Répondre", 1, level=2), Block("paragraph", "2010 : accueil.", 2)]
    assert gate(body, [0]) == ([], {0: COUNTER_EVIDENCE})


def test_an_intro_item_does_not_vouch_for_a_heading_of_the_document() -> None:
    """A bullet that repeats a heading opening on a word of the document (a meeting) is a
    line of the page, no list of partners; a partner listed in the intro stays sure."""
    body = [Block("list_item", "Réunion des associations de jumelages avec le maire", 1),
            Block("list_item", "le Togo : Koumondè", 2),
            Block("heading", "Réunion des associations de jumelages", 3, level=2),
            Block("paragraph", "Le maire recevait les associations.", 4),
            Block("heading", "Koumondè", 5, level=2), Block("paragraph", "Une trentaine d'adhérents.", 6)]
    kept, refused = gate(body, [2, 4])
    assert kept == [4]
    assert refused == {2: COUNTER_EVIDENCE}


def test_an_organisation_without_borders_names_no_partner() -> None:
    texts = ["Un projet en partenariat avec Electriciens Sans Frontières."]
    assert weigh("Electriciens Sans Frontières", False, PageText(texts)).refused == COUNTER_EVIDENCE
    assert weigh("Médecins sans frontières", False, PageText(texts)).refused == COUNTER_EVIDENCE


def test_a_common_noun_before_a_country_is_no_partner_even_with_its_country() -> None:
    """"Excursion en Pologne" over a text that writes "une excursion": the heading's word is
    a common noun of the page, its country says where a trip went, not a partner."""
    body = [Block("heading", "Excursion en Pologne", 1, level=2),
            Block("paragraph", "Le comité a organisé une excursion de trois jours à Niemcza.", 2),
            Block("heading", "Niemcza (Pologne)", 3, level=2),
            Block("paragraph", "Notre excursion a commencé par Niemcza.", 4)]
    kept, refused = gate(body, [0, 2])
    assert kept == [2]
    assert refused == {0: COMMON_NOUN}


def test_a_person_s_name_is_no_partner_heading_nor_a_story_s_candidate() -> None:
    texts = ["Martine Lebrun, la présidente, a ouvert la séance.", "Les amis de Oerlenbach sont venus."]
    assert weigh("Martine Lebrun", False, PageText(texts)).refused == COUNTER_EVIDENCE
    assert weigh("Jean-Paul Morvan", False, PageText(texts)).refused == COUNTER_EVIDENCE
    assert weigh("Marie-Galante", False, PageText(["Nos amis de Marie-Galante."])).evidence == "twinning"
    spelling = {"martine lebrun": "Martine Lebrun", "oerlenbach": "Oerlenbach"}
    assert sifted(Counter({"martine lebrun": 4, "oerlenbach": 2}), spelling) == Counter({"oerlenbach": 2})


def test_a_publication_or_a_file_is_no_partner_nor_is_its_own_name() -> None:
    """"Télécharger le fichier "Bulletin Municipal 2008"", "Calendrier 2015", "Album photos":
    a publication, a file, a schedule; what follows a publication's noun is its own name."""
    texts = ["Le bulletin de la commune raconte la visite de nos amis de Rye."]
    assert weigh("Calendrier 2015", False, PageText(texts)).refused == COUNTER_EVIDENCE
    assert weigh("Album photos", False, PageText(texts)).refused == COUNTER_EVIDENCE
    spelling = {"bulletin municipal": "Bulletin Municipal", "rye": "Rye"}
    assert sifted(Counter({"bulletin municipal": 3, "rye": 1}), spelling) == Counter({"rye": 1})


def test_a_wikis_photo_captions_under_its_twins_headings_are_no_partners() -> None:
    """A local wiki's page: each twin's heading, its photo's caption as a line of its own
    ("Rue"), then "Jumelée le 25 mai 1969, cette ville …"; a later caption ("Rue/parc")
    whose text names the twin above ("… renommé Parc de Wolfach") is that twin's, and a
    definition's heading ("Définition", then "Le jumelage représente …") is none."""
    body = [Block("paragraph", "Notre ville est jumelée avec 2 villes :", 1),
            Block("heading", "Kelheim", 2, level=2), Block("paragraph", "Place du marché", 3),
            Block("paragraph", "Jumelée le 30 mai 1971, cette ville est située en Allemagne.", 4),
            Block("heading", "Wolfach im Schwarzwald", 5, level=2), Block("heading", "Rue", 6, level=2),
            Block("paragraph", "Jumelée le 25 mai 1969, cette ville est en Allemagne.", 7),
            Block("heading", "Rue/parc", 8, level=2),
            Block("paragraph", "Le 10 décembre 1980, le parc est renommé Parc de Wolfach.", 9),
            Block("heading", "Définition", 10, level=2),
            Block("paragraph", "Le jumelage représente un contrat moral entre deux communes.", 11)]
    kept, refused = gate(body, [1, 4, 5, 7, 9])
    assert [body[i].text for i in kept] == ["Kelheim", "Wolfach im Schwarzwald"]
    assert set(refused) == {5, 7, 9}


def test_the_words_a_page_writes_in_lower_case_fold_each_word_once(monkeypatch):
    """A large page writes the same few thousand words a hundred thousand times: each word
    is folded once, however often it is written, and the verdict is the same (a word is
    common when written in lower case at least as often as with a capital inside a
    sentence, whatever its accents or case)."""
    import pipeline.gate

    text = "Les Écoles de Gao. Une école à Gao, une ECOLE et une école. " * 500 + "À Kayes, Le Marché de Kayes."
    folded: list[str] = []
    fold = pipeline.gate.fold
    monkeypatch.setattr(pipeline.gate, "fold", lambda word: folded.append(word) or fold(word))
    common = pipeline.gate.lower_words(text)
    assert common == {"de", "ecole", "une", "a", "et"}
    assert len(folded) == len(set(folded)) <= 12


def test_a_capital_that_opens_a_sentence_says_nothing_of_the_word():
    """A word is a name when the page writes it with a capital inside its sentences more
    often than without; the first word of a sentence takes one whatever it is: after the
    text's start, a line break, a full stop, a question or an exclamation mark, an
    ellipsis or a colon, with up to two spaces or quotes between them."""
    from pipeline.gate import lower_words, proper_words

    text = ("Marché du soir. Marché couvert !  Marché aux fleurs ? « Marché de nuit… Marché\n"
            "Marché:« Marché, le marché, le marché.  Fanfare de Tolède, fanfare de village, "
            "la Fanfare de Tolède, sa Fanfare. Une visite à Tolède, « Tolède » ou Tolède.")
    assert "marche" in lower_words(text) and "marche" not in proper_words(text)
    assert {"tolede", "fanfare"} <= proper_words(text) and "fanfare" not in lower_words(text)
    # three spaces, a word or a hyphen between the mark and the word: inside a sentence
    assert proper_words("Bilan.   Forum et forum. Bilan : Forum, puis Forum-Forum.") == {"forum"}


def test_a_heading_of_an_institution_after_its_elided_article_names_no_place():
    """"L'Association …" is the association, as "Association …" was: an institution's
    word after "l'" or "d'" is still the heading's first word."""
    from pipeline.gate import _counter

    assert [_counter(h) for h in ["L’Association ABCJ", "L'Association ABCJ", "L'Isle-Jourdain"]] == [
        True, True, False]


def test_a_name_a_careless_page_writes_in_lower_case_after_a_full_stop_is_still_a_name():
    from pipeline.gate import lower_words
    from pipeline.narrative import named_partners

    text = "Ils ont gagné notre ville jumelle de Matagalpa. matagalpa compte cent villages."
    assert "matagalpa" not in lower_words(text)
    assert "matagalpa" in lower_words("Le matagalpa est un café. Notre ville jumelle de Matagalpa.")
    assert named_partners("Compte-rendu", ["Une délégation composée de Martine Le Goff est partie.", text]) == [
        "Matagalpa"]
