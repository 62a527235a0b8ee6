"""Forms the sixteenth round of real pages showed (a general meeting's report, a
partner's page telling its town's history), each written here in sentences of our own:
a list of the year's events after the colon of that year, the day of a person's death,
a PDF's text cut at some 115 columns."""

from pipeline.markdown import wrapped
from pipeline.narrative import sentences
from pipeline.parse import parse
from pipeline.read import text_blocks


def _entries(text: str) -> list[tuple[str | None, str | None, str]]:
    page = parse(text_blocks(text))
    return [(e.label, e.period_label, e.text.strip()) for s in page.sections for e in s.entries]


LIST = ("La présidente retrace les temps forts de l’année 2016 : la galette des rois en janvier, "
        "une exposition de peintres, le séjour des collégiens à Wetzlar en mai, "
        "puis la fête de la musique et le pique-nique commun en juin.")
ITEMS = [("en janvier", "en janvier 2016", "la galette des rois en janvier,"),
         ("en mai", "en mai 2016", "une exposition de peintres, le séjour des collégiens à Wetzlar en mai,"),
         ("en juin", "en juin 2016", "puis la fête de la musique et le pique-nique commun en juin.")]


def test_a_list_of_the_years_events_is_an_event_an_item():
    # among dated entries: the words before the list open its first item
    entries = _entries(f"Nos jumelages\n\nWetzlar (Allemagne)\n\n2015 : accueil de six jeunes.\n\n{LIST}\n")
    assert entries[0] == ("2015", None, "2015 : accueil de six jeunes.")
    assert entries[1:] == [(*ITEMS[0][:2], LIST[:LIST.index(",") + 1]), *ITEMS[1:]]
    # a partner's prose alone, read as its story: the words before the list describe it
    page = parse(text_blocks(f"Nos jumelages\n\nWetzlar (Allemagne)\n\n{LIST}\n"))
    assert [(e.label, e.period_label, e.text.strip()) for e in page.sections[0].entries] == ITEMS
    assert [b.text for b in page.sections[0].description] == [LIST[:LIST.index(":") + 1]]


def test_a_list_with_one_dated_item_or_no_year_stays_one_entry():
    for paragraph in ("Les temps forts de 2016 : la galette en janvier, un concert.",
                      "2016 : au programme, la galette en janvier, le voyage en mai."):
        text = f"Nos jumelages\n\nWetzlar (Allemagne)\n\n2015 : accueil de six jeunes.\n\n{paragraph}\n"
        assert [entry[2] for entry in _entries(text)] == ["2015 : accueil de six jeunes.", paragraph]


def test_the_day_of_a_persons_death_is_no_event_a_ties_birth_is():
    for text in ("Son fondateur, décédé le 4 avril 2001 à Bafang, avait ouvert l’école.",
                 "Le maire, trop tôt décédé en 2019, avait lancé le projet.",
                 "Son ancien président, mort le 3 mai 2012, reste dans les mémoires."):
        assert [event for _, event in sentences(text, None)] == [None], text
    for text, label in (("Le maire, élu en 2019, a reçu nos élus.", "en 2019"),
                        ("Notre amitié avec Bafang est née en 1994, lors d’un voyage.", "en 1994")):
        told = sentences(text, None)
        assert told[0][1] is not None and told[0][1].label == label, text


def test_a_pdfs_text_cut_at_some_115_columns_is_read_as_paragraphs():
    rows = ["Le président ouvre la séance à 20 heures et remercie les adhérents venus nombreux de toutes les communes",
            "de la vallée pour cette assemblée générale qui marque la fin d'une année riche en rencontres avec nos",
            "amis écossais, avant de donner la parole au trésorier pour le bilan financier de l'année qui vient de",
            "s'achever et de présenter les projets de l'année prochaine à tous les membres présents et représentés.",
            "",
            "Questions diverses.",
            "Fin de la séance."]
    assert sorted(wrapped(rows)) == [2, 3, 4]
    # lines of a page of short entries, none filled to its width, are each a paragraph
    assert wrapped(["2014 : accueil de six jeunes.", "2015 : voyage de la chorale à Wetzlar en mai.",
                    "2016 : fête du jumelage.", "2017 : exposition."]) == set()


def test_an_acronym_the_page_defines_in_brackets_is_an_organisation_never_a_partner():
    from pipeline.narrative import named_partners

    texts = ["La Ville a signé un accord de jumelage avec le camp de Aida, représenté par son comité, et "
             "l’Association de jumelage des villes amies de la Palestine (AJVAP), représentée par son président.",
             "Cet accord fait suite aux échanges menés entre la municipalité et l’AJVAP depuis 2020. "
             "La Ville a participé aux délégations de l’AJVAP en Palestine.",
             "L’AJVAP est une association qui développe les jumelages entre les villes et les camps. "
             "Ses membres sont des élus de l’AJVAP."]
    assert named_partners("Une convention de jumelage avec Aida", texts) == ["Aida"]


def test_a_sentence_after_a_french_quote_mark_and_its_space_is_a_sentence_of_its_own():
    told = sentences("En sommeil depuis 2015, le jumelage repart. « Après la visite de mai 2019, "
                     "les liens se sont resserrés », dit la présidente.", None)
    assert [(piece.strip()[:8], event.label if event else None) for piece, event in told] == [
        ("En somme", None), ("« Après ", "mai 2019")]


def test_a_month_and_more_years_then_are_one_event_a_year():
    from pipeline.narrative import _absolute, _years_listed

    sentence = "Nos élus ont rejoint les missions de la fédération en avril 2021 puis 2022."
    event = _years_listed(sentence, _absolute(sentence))
    assert (event.label, event.when) == ("en avril 2021", (2021, 4, None))
    assert [(other.label, other.when) for other in event.also] == [("2022", (2022, None, None))]


def test_an_entry_dated_without_its_year_and_told_in_the_future_is_planned():
    from pipeline.extract import entry_facts

    text = "Le maire de Penafiel viendra à la salle des fêtes le samedi 14 mars pour fêter le jumelage."
    assert entry_facts(None, text, "le samedi 14 mars").status == "planned"
    past = text.replace("viendra", "est venu")
    assert entry_facts(None, past, "le samedi 14 mars").status is None
    history = "Le samedi 14 mars 1992, le maire de Penafiel viendra signer la charte."
    assert entry_facts("Le samedi 14 mars 1992", history, "Le samedi 14 mars 1992").status is None


def test_a_part_of_a_group_named_in_brackets_is_no_head_count():
    from pipeline.numbers import participants

    assert participants("Nos hôtes nous ont présenté leurs élus (dont trois conseillères).") is None
    assert participants("Une délégation de 9 personnes (dont trois conseillères) est venue.").value == 9
    assert participants("Trois conseillères ont fait le voyage.").value == 3


def test_a_name_opening_on_n_or_m_and_an_apostrophe_is_one_name_and_the_mayors_pair_names_the_partner():
    from pipeline.narrative import named_partners

    texts = ["Les maires d’Ivry-sur-Seine et de N’Zérékoré, réunis à Ivry, ont signé un accord de jumelage "
             "pour trois ans.", "Une mission partira à N’Zérékoré en mars."]
    assert named_partners("Un accord signé", texts) == ["N’Zérékoré"]
    # the town's own officials alone name no partner
    assert named_partners("Un accord signé", ["Les maires d’Ivry-sur-Seine ont signé un accord."]) == []


def test_what_the_towns_do_together_since_a_year_is_an_action_going_on():
    told = sentences("Une aide scolaire très suivie est apportée depuis 2006 aux écoles de Sikasso.", None)
    assert [(event.label, event.when) for _, event in told if event] == [("depuis 2006", (2006, None, None))]
    for tie in ("Nos deux villes sont jumelées depuis 2006.", "Nos villes échangent depuis 2006.",
                "Ivry-sur-Seine et Sikasso entretiennent des relations suivies depuis 2006."):
        assert [event for _, event in sentences(tie, None)] == [None], tie


def test_a_season_with_a_side_word_is_the_nearest_one_on_that_side_of_the_post():
    told = sentences("Nos amis étaient venus l’été dernier à Ivry. Nous irons chez eux au printemps prochain.",
                     None, (2023, 10, 2))
    assert [event.resolved for _, event in told if event] == ["été 2023", "printemps 2024"]
    told = sentences("Nos amis étaient venus l’été dernier à Ivry.", None, (2023, 7, 14))
    assert [event.resolved for _, event in told if event] == ["été 2022"]


def test_a_short_name_the_page_gives_is_the_same_partner_and_a_quoted_associations_name_none():
    from pipeline.narrative import named_partners

    texts = ["Le comité de jumelage a choisi la ville de Tillabaré, dite aussi « Tilla », pour un jumelage, "
             "sur le conseil de l’association « Niger-Solidarité ».",
             "Une mission de l’association « Niger-Solidarité » est partie à Tilla en mars 1992 pour le jumelage.",
             "Les premiers contacts avec Tilla datent de 1991; le jumelage avec Tilla a été signé en 1993."]
    assert named_partners("Notre jumelage avec Tillabaré", texts) == ["Tillabaré"]


def test_years_listed_each_with_its_place_are_an_event_each():
    from pipeline.narrative import _absolute, _years_listed

    sentence = "La charte a été signée en 1992 à Kita et en 1994 à Ivry-sur-Seine."
    event = _years_listed(sentence, _absolute(sentence))
    assert (event.label, [other.label for other in event.also]) == ("en 1992", ["en 1994"])


def test_the_partner_before_the_town_in_the_committees_name_is_the_partner():
    from pipeline.narrative import named_partners

    texts = ["Le comité de jumelage Rottweil-Ivry-sur-Seine s’est réuni le 3 mai 2011.",
             "Le président a rendu compte de la visite du 12 avril."]
    assert named_partners("Procès-verbal", texts) == ["Rottweil"]


def test_a_countrys_name_in_lower_case_is_a_common_noun():
    from pipeline.narrative import most_named_country

    assert most_named_country(["La réunion du conseil a eu lieu. La réunion suivante aussi.",
                               "Les Allemands sont venus."]) == "Allemagne"
