"""Which language a block of a page is written in, by its function words: a bilingual page
sets each entry's translation beside it, which is the same entry, no second row.

The words are data (``pipeline/french/lexicon/languages.toml``): French words that no other
language of the list writes as a word of its own ("les", "des", "et", "une", "pour"), and
the function words of each other language ("und", "mit", "y", "los", "the"). Words two
languages share ("de", "la", "en") count for none. A name written with hyphens
("Saint-Jean-sur-Mer", "Brandebourg-sur-la-Havel") is one word, no function word.
"""

from __future__ import annotations

import re

from .french import lexicon
from .french.normalise import nfc

_LANGUAGES = lexicon("languages")
_FRENCH = frozenset(_LANGUAGES["french"])
_OTHERS = {language: frozenset(words) for language, words in _LANGUAGES["others"].items()}
_ANY_OTHER = frozenset().union(*_OTHERS.values())  # a block with fewer than two is French
# A word, its hyphenated parts kept together; an elided article ("l’", "d’") is a word.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
OTHER_WORDS = 2  # function words of one other language that make a block that language's
SHORT = 12  # words: a block shorter than this needs no more of them than French ones


def other_language(text: str) -> str | None:
    """The other language (its name in ``languages.toml``) a block is written in, or ``None``
    when it is French or says too little to tell: at least ``OTHER_WORDS`` function words of
    that language and more of them than French function words, and, in a block of
    ``SHORT`` words or more, no more French ones than a quarter of them.

    >>> other_language("2015: Schüler·innen in Saint-Jean-sur-Mer zum Jubiläum der Partnerschaft.")
    'german'
    >>> other_language("Marzo de 2024: envío de 2 contenedores de material médico para el policlínico.")
    'spanish'
    >>> other_language("2015 : accueil de lycéens à Saint-Jean-sur-Mer pour les 52 ans du jumelage.") is None
    True
    >>> other_language("Gao (Mali)"), other_language("Accueil du Kinder-Chor von Brandenburg et des parents.")
    (None, None)
    """
    words = [w.lower() for w in _WORD.findall(nfc(text).replace("’", "'"))]
    if sum(w in _ANY_OTHER for w in words) < OTHER_WORDS:
        return None  # no language has enough words (most blocks: one look-up a word)
    french = sum(w in _FRENCH for w in words)
    best, count = None, 0
    for language, function_words in _OTHERS.items():
        found = sum(w in function_words for w in words)
        if found > count:
            best, count = language, found
    if count < OTHER_WORDS or count <= french or (len(words) >= SHORT and french * 4 > count):
        return None
    return best
