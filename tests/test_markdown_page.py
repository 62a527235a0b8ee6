"""A text page written in Markdown (a static site's source) is read line by line without
its markup, each line at its number; what the markup sets aside is reported."""

from pipeline.load import read_bytes
from pipeline.markdown import COMMENT, FOOTNOTE, FRONT_MATTER, IMAGE
from pipeline.parse import parse

PAGE = """---
title: "Jumelages"
date: 2024-03-12
---

<!-- note de l'éditeur, 8 janvier 2025,
     sur deux lignes -->

Ivry mène des projets avec :

- La commune de Tombouctou (Mali)

## Tombouctou (Mali)

**2016** : accueil de [six jeunes](https://exemple.fr/2005/archives-2004-2006) à Ivry.[^1]

![Délégation, février 2019](/img/a.jpg "Photo, 2019")

2003. Accueil de jeunes musiciens.

Prochaines étapes
-----------------

[^1]: Délibération du 17 décembre 2020.
"""


def test_markdown_lines_keep_their_numbers_and_lose_their_markup() -> None:
    document = read_bytes(PAGE.encode(), "page.txt")
    got = [(b.kind, b.text, b.line, b.level) for b in document.blocks]
    assert ("heading", "Tombouctou (Mali)", 13, 2) in got
    assert ("paragraph", "2016 : accueil de six jeunes à Ivry.", 15, 0) in got
    # a year followed by a full stop stays the entry's label, not an ordered list's number
    assert ("paragraph", "2003. Accueil de jeunes musiciens.", 19, 0) in got
    assert ("heading", "Prochaines étapes", 21, 2) in got
    assert ("list_item", "La commune de Tombouctou (Mali)", 11, 0) in got
    assert not any("2005" in text or "2024-03-12" in text or "2019" in text or "1720" in text
                   for _, text, _, _ in got)
    assert document.text == PAGE  # the release ships the page's own file


def test_markdown_furniture_is_reported_not_dropped() -> None:
    aside = dict(read_bytes(PAGE.encode(), "page.txt").left_out)
    assert aside[FRONT_MATTER] == 'title: "Jumelages" date: 2024-03-12'
    assert aside[COMMENT] == "note de l'éditeur, 8 janvier 2025, sur deux lignes"
    assert "février 2019" in aside[IMAGE]
    assert aside[FOOTNOTE] == "Délibération du 17 décembre 2020."


def test_a_plain_text_page_is_not_read_as_markdown() -> None:
    page = "Jumelages\n\nTombouctou (Mali)\n\n2016 : accueil de *six* jeunes.\n"
    document = read_bytes(page.encode(), "page.txt")
    assert [b.text for b in document.blocks][-1] == "2016 : accueil de *six* jeunes."
    assert document.left_out == []


FORWARDED = """Bonjour Paul,

Voici le texte de la page, à publier avant le 3 avril.
Merci,
Lucie

---------- Message transféré ---------
Date : mar. 4 févr. 2025 à 10:40
Objet : page des jumelages

> Nos villes amies
> ===============
>
> Kita (Mali)
> -----------
>
> La coopération avec Kita porte depuis longtemps sur l’eau, l’école et
> la santé, avec les associations de la diaspora installées chez nous.
>
> * *2011-2013* : creusement de quatre puits et formation de deux
>   mécaniciens chargés de leur entretien, avec le concours du syndicat
>   intercommunal des eaux et d’un lycée professionnel de la région.
>
> * *Mars 2019* : mission de trois élus à Kita pour inaugurer la
>   maternité rénovée grâce à une subvention de la Ville de 8 000 €.
>
> Pontevedra (Espagne)
> --------------------
>
> * *2022* : échange de chorales entre les conservatoires des deux
>   villes, autour d’un répertoire de chants populaires galiciens.
"""


def test_a_page_forwarded_by_email_is_read_unquoted_and_unwrapped() -> None:
    blocks = read_bytes(FORWARDED.encode(), "page.txt").blocks
    got = {(b.kind, b.text, b.line, b.level) for b in blocks}
    assert ("heading", "Kita (Mali)", 14, 2) in got
    assert ("heading", "Pontevedra (Espagne)", 27, 2) in got
    # the wrapped lines are one item, at its first line; the bold label keeps no asterisk
    assert ("list_item", "2011-2013 : creusement de quatre puits et formation de deux mécaniciens chargés "
            "de leur entretien, avec le concours du syndicat intercommunal des eaux et d’un lycée "
            "professionnel de la région.", 20, 0) in got
    assert not any(b.text.startswith(("mécaniciens", "maternité", "intercommunal")) for b in blocks)
    page = parse(blocks)
    labels = [[e.label for e in s.entries] for s in page.sections]
    assert labels == [["2011-2013", "Mars 2019"], ["2022"]]


def test_short_lines_of_a_plain_page_are_not_joined() -> None:
    text = "Kita (Mali)\n\n2011 : puits.\n2012 : école.\nUne ligne de plus sans date.\n"
    blocks = read_bytes(text.encode(), "page.txt").blocks
    assert [b.text for b in blocks if b.kind == "paragraph"] == ["2011 : puits.", "2012 : école.",
                                                                  "Une ligne de plus sans date."]


def test_a_wrap_moves_a_word_with_its_french_guillemets_and_spaced_marks() -> None:
    """A text wrapped at 60 columns whose lines end early because the next word, bound to
    its guillemet or to its spaced colon, did not fit: each item is one block."""
    from pipeline.markdown import wrapped
    rows = [
        "• 2011 – Fête de la musique au kiosque avec la fanfare",
        "  « Kapelle » de la ville jumelle, devant trois cents",
        "  spectateurs venus de tout le canton pour l'occasion.",
        "• 2014 – Rencontre des clubs de football de jeunes au stade",
        "  municipal, puis visite du musée de la ville et concert",
        "  au théâtre de verdure pour clore le week-end ensemble.",
        "• 2016 – Jumelage des deux écoles de musique autour d'un",
        "  thème : « Musiques des deux rives », avec trois concerts.",
    ]
    assert wrapped(rows) >= {2, 3, 5, 8}  # line 2: "« Kapelle »" did not fit after "fanfare"


def test_a_line_of_a_wrapped_text_that_stops_mid_sentence_goes_on_with_a_lower_case_line() -> None:
    """A text wrapped by hand near 66 columns: two of its lines end with room for the next
    word, yet stop on a word before a line that opens in lower case; a line that ends a
    sentence, and a line that opens on a capital after a blank line, go on with nothing."""
    from pipeline.markdown import wrapped

    rows = ["Le président rappelle que la charte signée en 1999 avec Kpalimé a",
            "permis l'envoi de manuels scolaires dans six écoles du district et",
            "la venue de deux enseignantes togolaises au collège de la commune",
            "en mai 2004. Le mois suivant, les élèves ont ouvert une bibliothèque",
            "de classe ; une délégation y est repartie trois semaines plus tard.",
            "",
            "Le conseil se prononce pour un nouvel échange l'année prochaine,",
            "au printemps, avec les familles qui ont accueilli les enseignantes."]
    joined = wrapped(rows)
    assert {2, 3, 4, 5} <= joined  # line 4: room was left for "en" after "commune"
    assert 8 in joined and 7 not in joined  # after the comma, room for "au"; not after the blank line
