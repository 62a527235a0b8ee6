"""Head counts and amounts: the page's own phrases, then phrases in its style."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.numbers import Quantity, amount_eur, amount_kind, participants, read_number

from .properties import examples

PAGE_PARTICIPANTS = [
    ("accueil à Ivry-sur-Seine de six jeunes brandebourgeois·es chaque année", Quantity(6, False)),
    ("accueil de huit élèves de cuivres du Conservatoire municipal d’Ivry", Quantity(8, False)),
    ("Près de 50 enfants de 10 à 14 ans ont pu en bénéficier.", Quantity(50, True)),
    ("séjour d’une quinzaine de jeunes ivryen·nes à Jifna et Jalazone", Quantity(15, True)),
    ("pendant le mois de juillet de quatre enfants des prisonniers politiques", Quantity(4, False)),
    ("accueil pendant l’été de 6 enfants sahraoui·es de 6 à 10 ans", Quantity(6, False)),
    ("six enfants palestinien·nes de 13 à 15 ans", Quantity(6, False)),
    # counts of things, ages and durations are not participants
    ("réalisation de 10 forages d’eau et remise en état de 6 autres.", None),
    ("réhabilitation chaque année de 2 pompes à motricité humaine", None),
    ("Elle regroupe 14 villages très éloignés les uns des autres.", None),
    ("une grève de la faim de 30 jours", None),
    ("accueil de lycéen·nes brandebourgeois·es à Ivry-sur-Seine", None),
]

# phrases in the page's style, written for these tests
PARTICIPANTS = [
    ("séjour de 12 jeunes et 3 animateurs à la rencontre des familles", Quantity(15, False)),
    ("accueil de neuf jeunes musicien·nes, deux professeurs et un interprète", Quantity(12, False)),
    ("12 jeunes ivryen·nes accompagné·es de 3 animateurs", Quantity(15, False)),
    ("une délégation de cinq élus s’est rendue sur place", Quantity(5, False)),
    ("une délégation de 4 élus et 2 techniciens", Quantity(6, False)),
    ("le concert a réuni plus de 200 personnes", Quantity(200, True)),
    ("l’exposition a reçu près de 300 visiteurs", Quantity(300, True)),
    ("une trentaine de jeunes et 4 animateurs", Quantity(34, True)),
    # the town's own people, by the demonym of city.toml, in any form
    ("une vingtaine d'ivryen·nes ont rejoint la délégation", Quantity(20, True)),
    ("12 Ivryennes et 3 animateurs", Quantity(15, False)),
    ("environ 40 bénévoles ont participé", Quantity(40, True)),
    ("au moins 25 enfants", Quantity(25, True)),
    ("jusqu’à 60 participant·es par session", Quantity(60, True)),
    ("une centaine de personnes", Quantity(100, True)),
    ("vingt-deux collégiens", Quantity(22, False)),
    ("un millier de spectateurs", Quantity(1000, True)),
    ("la fête a attiré 1 200 habitants", Quantity(1200, False)),
    ("une délégation de cinq élus et, en 2019, 30 jeunes", Quantity(5, False)),  # not one phrase
    ("12 jeunes. Et 3 animateurs ont suivi", Quantity(12, False)),  # nor across sentences
    # the second group takes the first one's "de", a determiner, another joining word
    ("accueil de 7 écolier·ères et de 2 enseignant·es", Quantity(9, False)),
    ("séjour d’une dizaine de collégiens et de trois animateurs", Quantity(13, True)),
    ("accueil de 6 lycéens et de leurs 2 professeurs", Quantity(8, False)),
    ("accueil de six jeunes ainsi que de deux éducateurs", Quantity(8, False)),
    ("une équipe de 15 joueuses et ses 2 entraîneuses", Quantity(17, False)),
    ("14 enfants ainsi que leurs 4 accompagnateurs", Quantity(18, False)),
    ("11 jeunes footballeurs accompagnés de leur entraîneur et de 2 parents", Quantity(11, False)),
    ("9 adolescent·es accompagné·es de leurs 3 animateur·rices", Quantity(12, False)),
    ("20 jeunes encadrés par 4 animateurs", Quantity(24, False)),
    ("une quarantaine de spectateurs et de 3 musiciens", Quantity(43, True)),
    ("près de 30 enfants et de 5 bénévoles", Quantity(35, True)),
    ("12 jeunes et de nombreux habitants", Quantity(12, False)),  # no number: not a group
    ("accueil de 10 élèves et de 2019 à 2021 des stages", Quantity(10, False)),  # a year
    ("accueil de 5 enfants et de 3 chèvres", Quantity(5, False)),  # not people
    # decomposed accents (a page pasted from a Mac)
    ("accueil de 8 e\u0301le\u0300ves et de 2 enseignants", Quantity(10, False)),
    # not people, or no number
    ("des dizaines de jeunes sont venus", None),
    ("en 2019 jeunes et élus ont planté des arbres", None),  # a year
    ("trois semaines de stage pour de jeunes artisans", None),
    ("construction de 3 puits et de 2 écoles", None),
    ("enfants âgés de 8 à 12 ans", None),
    # a number that ends its paragraph counts nothing in the next one; the people met
    ("cf. document joint en annexe 4\n\nChristine Martin, conseillère municipale, présente", None),
    ("À 10h30 nous faisons connaissance avec les trois guides du musée", None),
    ("Nous avons fait la connaissance de 12 jeunes du club", None),
    ("une délégation de 15\npersonnes", Quantity(15, False)),  # a line cut, not a paragraph
    # a place's population by a verb of what it holds, in any tense
    ("le district, qui comprend 12 000 habitants, a reçu nos élus", None),
    ("la commune rurale de Kouré comprenait alors 4 500 habitants", None),
    ("les villages qui abritent 900 habitants", None),
    ("la ville compte aujourd’hui 1 500 habitants", None),
    ("Peuplée désormais de 52000 habitants, la ville a accueilli nos jeunes", None),
    ("une cité forte aujourd'hui de 9 000 âmes", None),
    # a share of the group counted after it
    ("la moitié des 30 choristes a chanté à Tartu", Quantity(15, False)),
    ("les deux tiers des 24 jeunes sont partis", Quantity(16, False)),
    ("un quart de leurs 18 élèves", Quantity(5, False)),  # 4,5 rounded half up
    # nouns in "-ois" that are things
    ("trois envois de matériel au dispensaire", None),
    ("la création de 4 emplois de jardiniers", None),
]


@pytest.mark.parametrize("text, expected", PAGE_PARTICIPANTS + PARTICIPANTS)
def test_participants(text, expected):
    assert participants(text) == expected


PAGE_AMOUNTS = [
    ("le coût du projet a été chiffré à 300\u00a0000€ mais", Quantity(300000, False)),
    ("participation financière de la Ville à hauteur de 10\u00a0000€ pour", Quantity(10000, False)),
    ("vote d’un voeu en faveur la libération des prisonniers politiques", None),
]

AMOUNTS = [
    ("un budget de 1,5 million d’euros", Quantity(1_500_000, False)),
    ("une aide de 15 k€ pour le matériel", Quantity(15_000, False)),
    ("une subvention de 12 000 euros", Quantity(12_000, False)),
    ("soit 2 500 € de matériel", Quantity(2_500, False)),
    ("un budget de 40\u202f000 euros", Quantity(40_000, False)),
    ("le projet coûte 300 000€", Quantity(300_000, False)),
    ("à hauteur de 40 000 €", Quantity(40_000, False)),
    ("un chantier de 1 200 000 €", Quantity(1_200_000, False)),
    ("deux millions d'euros de travaux", Quantity(2_000_000, False)),
    ("un programme de 3,2 M€", Quantity(3_200_000, False)),
    ("un don de 10.000 euros", Quantity(10_000, False)),
    # cents after a full stop, as an English keyboard writes them; a full stop before three
    # digits groups thousands
    ("un billet à 1250.50 €", Quantity(1251, False)),
    ("une cotisation de 12.5 € par famille", Quantity(13, False)),
    ("EUR 300.25 de frais", Quantity(300, False)),
    ("cinq cent mille euros", Quantity(500_000, False)),
    ("un apport de 15 mille euros", Quantity(15_000, False)),
    ("un budget de 40 000 EUR", Quantity(40_000, False)),
    ("une dépense de 1 500,50 €", Quantity(1_501, False)),  # rounded to the euro
    ("près de 2000 €", Quantity(2000, True)),
    ("environ 5 000 €", Quantity(5000, True)),
    ("d’un montant d’environ 1,5 million d’euros", Quantity(1_500_000, True)),
    ("plus de 10 000 euros", Quantity(10_000, True)),
    ("de l’ordre de 8 000 €", Quantity(8_000, True)),
    ("en 2019 500 € ont été collectés", Quantity(500, False)),  # the year is no thousands group
    # a rate restating the amount before it is a share of it, not its total
    ("doté de 6 000 € sur deux ans (soit 3 000 € par an)", Quantity(6_000, False)),
    ("1 200 € pour le séjour, soit 100 € par enfant", Quantity(1_200, False)),
    ("800 € par an pendant trois ans, soit 2 400 € au total", Quantity(2_400, False)),
    ("un partenariat avec l’Union européenne", None),
    ("un budget de 40 000 personnes", None),
]


@pytest.mark.parametrize("text, expected", PAGE_AMOUNTS + AMOUNTS)
def test_amount_eur(text, expected):
    assert amount_eur(text) == expected


@settings(max_examples=examples(300), deadline=None)
@given(st.integers(min_value=0, max_value=10**7), st.sampled_from(["jeunes", "enfants", "élèves", "visiteurs"]))
def test_a_count_in_digits_is_read_back(n, who):
    assert participants(f"accueil de {n} {who}").value == n
    assert read_number(str(n)) == n


@settings(max_examples=examples(300), deadline=None)
@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=99),
       st.sampled_from(["et", ",", "ainsi que"]))
def test_two_groups_in_one_phrase_are_added_up(a, b, join):
    text = f"séjour de {a} jeunes{'' if join == ',' else ' '}{join} {b} animateurs"
    assert participants(text) == Quantity(a + b, False)


@settings(max_examples=examples(300), deadline=None)
@given(st.integers(min_value=1, max_value=999_999_999), st.sampled_from(["\u00a0", "\u202f", " ", "."]),
       st.sampled_from(["€", " €", " euros"]))
def test_an_amount_with_thousands_groups_is_read_back(n, group, unit):
    written = f"{n:,}".replace(",", group)
    assert amount_eur(f"à hauteur de {written}{unit} pour").value == n


# --- What kind of amount: the page's two amounts, then sentences written for these tests ---

PAGE_AMOUNT_KINDS = [
    ("2016-2020 : lancement d’un projet d’adduction d’eau potable pour alimenter le village de "
     "Torodo, en lien avec plusieurs partenaires. Après études, le coût du projet a été chiffré à "
     "300\u00a0000€ mais les demandes de cofinancements n’ont pu aboutir et le projet a été "
     "abandonné définitivement en 2021.", "estimated_cost"),
    ("2019 : participation financière de la Ville à hauteur de 10\u00a0000€ pour la réalisation "
     "d’un jardin d’enfant dans le camp.", "contribution"),
]

AMOUNT_KINDS = [
    # a cost, estimated or not
    ("le coût des travaux est estimé à 45 000 €", "estimated_cost"),
    ("la rénovation de l’école a été évaluée à 120 000 euros", "estimated_cost"),
    ("un devis de 8 500 € a été établi pour la toiture", "estimated_cost"),
    ("un coût prévisionnel de 60 000 € pour les deux tranches", "estimated_cost"),
    ("le projet, d’un coût total de 35 000 €, a été mené en deux ans", "cost"),
    ("les travaux ont coûté 12 000 € à la commune", "cost"),
    ("l’achat d’une ambulance pour un montant de 18 000 €", "cost"),
    ("une dépense de 1 500,50 € pour les fournitures", "cost"),
    # a budget
    ("un budget de 1,5 million d’euros sur trois ans", "budget"),
    ("une enveloppe de 25 000 € est consacrée aux échanges scolaires", "budget"),
    ("le fonds, doté de 50 000 €, soutient les initiatives locales", "budget"),
    # money given: a share, a grant, a gift
    ("la Ville participe à hauteur de 5 000 € au chantier", "contribution"),
    ("un projet financé à hauteur de 40 000 € par la Région", "contribution"),
    ("une contribution de la commune de 7 000 € au fonds de solidarité", "contribution"),
    ("la prise en charge des billets d’avion, soit 4 200 €", "contribution"),
    ("la Ville a accordé une subvention de 3 000 € au comité de jumelage", "grant"),
    ("une aide d’urgence de 10 000 € après le séisme", "grant"),
    ("une aide financière de 2 000 € pour la cantine", "grant"),
    ("la Ville a versé 15 k€ à l’association des parents", "grant"),
    ("le conseil municipal vote 6 000 € de subvention exceptionnelle", "grant"),
    ("une collecte de 2 300 € auprès des habitant·es", "donation"),
    ("un don de 10.000 euros de la fondation", "donation"),
    ("la vente de livres a rapporté 800 € au profit de la bibliothèque", "donation"),
    ("900 € ont été récoltés lors du concert de soutien", "donation"),
    # asked for, not obtained
    ("une demande de subvention de 20 000 € a été déposée auprès de l’Europe", "funding_sought"),
    ("la Ville a sollicité un cofinancement de 50 000 € auprès de l’AFD", "funding_sought"),
    ("le comité a demandé 4 000 € à la Région", "funding_sought"),
    # a word of a kind far back in the clause or in another clause does not count
    ("à la demande des familles réunies en assemblée, la Ville a versé une subvention de 3 000 €",
     "grant"),
    ("Une subvention a été votée. Le matériel, soit 2 500 €, a été livré", "other"),
    ("un chantier chiffré mais jamais lancé, pour un montant de 9 000 €", "other"),
    # no word of a kind, or no amount
    ("pour un montant de 5 000 €", "other"),
    ("soit 2 500 € de matériel", "other"),
    ("une subvention de la Région pour le matériel", None),
    ("un budget de 40 000 personnes", None),
    ("six jeunes accueillis à la mairie", None),
]


@pytest.mark.parametrize("text, expected", PAGE_AMOUNT_KINDS + AMOUNT_KINDS)
def test_amount_kind(text, expected):
    assert amount_kind(text) == expected


@pytest.mark.parametrize("text, _", PAGE_AMOUNTS + AMOUNTS)
def test_an_amount_has_a_kind_and_only_an_amount(text, _):
    assert (amount_kind(text) is None) == (amount_eur(text) is None)


def test_a_countrys_adjective_after_a_number_counts_its_people():
    # the real page of Pleudihen-sur-Rance (round 7): "une délégation de 102 allemands"
    from pipeline.numbers import figures

    assert figures("Une délégation de 102 allemands arrivera le jeudi matin.").participants.value == 102
    assert figures("Nous avons reçu 12 Italiennes et 3 Belges.").participants.value == 15
    assert figures("Les deux villes allemandes ont signé.").participants is None
    # "-ois" makes demonyms, not "convois" (the real page of Athis-Mons, round 7)
    assert figures("l'envoi de deux convois humanitaires en direction de Sinaia").participants is None


@pytest.mark.parametrize("text, count", [
    # the speakers of a quote, counted after its verb of saying
    ("« Nous recevons les Italiens en juin », racontent les trois bénévoles.", None),
    ("Le projet avance bien, précise-t-elle, avec ses deux animatrices.", 2),
    # the members of a body, told by its verb of membership
    ("L'association compte aujourd'hui 48 adhérents.", None),
    ("Depuis sa création, le club se compose essentiellement d'une vingtaine de musiciens.", None),
    # a group taking part, whatever its verb
    ("La délégation comptait 14 personnes.", 14),
    ("La soirée a réuni 80 convives.", 80),
])
def test_speakers_of_a_quote_and_members_of_a_body_are_no_head_count(text, count):
    """People quoted ("…, racontent les trois bénévoles") and a body's members ("le club se
    compose d'une vingtaine de musiciens") are counted, but not as the people who took
    part; the count of a delegation or of an evening stays."""
    found = participants(text)
    assert (found.value if found else None) == count
@pytest.mark.parametrize("text, expected", [
    ("L’été dernier a permis d’en accueillir 9, avec leur animatrice ;", Quantity(9, False)),
    ("Les jeunes de Kita ? Nous en avons reçu 14 cet automne.", Quantity(14, False)),
    ("Il en a reçu 3 ans plus tard.", None),  # a duration, not a group
])
def test_a_count_after_en_and_a_verb_of_hosting_counts_the_people_named_before(text, expected):
    """Issue 20: "en" stands for the people named before it ("les enfants … ? L'été a
    permis d'en accueillir 6"): the number after the verb is the group's."""
    assert participants(text) == expected


def test_commas_that_group_thousands_after_the_euro_sign_are_one_amount():
    """An entry written in English on a translated page: "€12,400" is twelve thousand
    four hundred euros; a comma before two digits stays French cents."""
    assert amount_eur("the town paid €12,400 for the new roof") == Quantity(12400, False)
    assert amount_eur("a grant of EUR 2,750,000 over three years") == Quantity(2750000, False)
    assert amount_eur("une aide de € 3,40 par repas") == Quantity(3, False)


@pytest.mark.parametrize("text", [
    "Le comité a versé € 4 500 supplémentaires pour équiper la bibliothèque.",
    "La Ville a ajouté EUR 1 200 supplémentaires au budget du festival.",
    "Un don de €3 000 supplémentaires a suivi la soirée.",
])
def test_a_number_after_the_currency_sign_is_an_amount_never_a_head_count(text):
    assert participants(text) is None
    assert amount_eur(text) is not None


def test_a_number_of_people_is_still_counted_after_an_amount():
    assert participants("Après un don de 500 €, 9 jeunes supplémentaires sont partis.") == Quantity(9, False)
