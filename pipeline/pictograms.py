"""Pictograms a page gives its entries' statuses with, read through the page's legend.

A review page may mark each entry with a symbol alone ("✔ 2003-2014 — accueil …",
"⏸ Automne 2024 — festival …"), often hidden from screen readers, and say once what each
means in a legend ("Légende : ✔ réalisé · ⏳ en cours · ⏸ reporté · ✖ annulé"). The
legend is set aside (reported, no entry), and each block that opens or ends with one of its
symbols is read without it, the symbol and its legend's words written in brackets at the
block's end ("… d'Ivry. (⏸ reporté)"), where the status grammar reads them as it reads the
words of any entry. A symbol no legend explains stays as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from typing import TYPE_CHECKING

from .french import lexicon
from .read import Block

if TYPE_CHECKING:
    from lxml import etree

LEGEND = "legend of the page's pictograms (read at each entry the pictogram marks)"
# What an HTML page says of a pictogram in its element's ``aria-label`` or ``title`` (read
# for the reader of a screen, or under the pointer): the symbol's meaning, as a legend's.
LABELLED = "a pictogram's label (aria-label or title), read as a legend of it"
_LABELS = ("aria-label", "title")
_OPENINGS = lexicon("furniture")["legend_openings"]
# A symbol is a character of Unicode's "other symbol" class (✔ ⏳ ⛔ ● 🟢), an emoji's
# variation selector after it; not the signs of a credit or a unit (© ® ° №).
_NOT_PICTOGRAMS = frozenset("©®°℗№™")
_SYMBOL_RUN = re.compile(r"(?:[^\w\s][\ufe0f\ufe0e]?){1,3}")
_LEGEND_OPENING = re.compile(
    r"^\s*(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in _OPENINGS)
    + r")\s*(?:\([^()]{0,40}\))?\s*:?\s*", re.IGNORECASE)
# What parts the pairs of a legend ("✔ réalisé · ⏳ en cours", "✔ = réalisé ; ✖ = annulé")
_PAIR_APART = " ·•|;,/–—-"
MEANING_WORDS = 4  # a symbol's meaning is a word or a few ("en cours", "reporté à plus tard")
MIN_PAIRS = 2  # a legend explains two symbols at least; one alone is a sentence's mark
LEGEND_LENGTH = 300  # characters: a legend is a line


def pictogram(chars: str) -> bool:
    """Characters that are a symbol alone, maybe with an emoji's variation selector."""
    bare = chars.replace("\ufe0f", "").replace("\ufe0e", "")
    return bool(bare) and all(unicodedata.category(c) == "So" and c not in _NOT_PICTOGRAMS for c in bare)


def legend(text: str) -> dict[str, str] | None:
    """The symbols a legend explains and the words each means, or ``None`` for any other
    text: an optional opening ("Légende :"), then two pairs or more of a symbol and a few
    words, parted by dots, bars, commas or semicolons.

    >>> legend("Légende : ✔ réalisé · ⏳ en cours · ✖ annulé")
    {'✔': 'réalisé', '⏳': 'en cours', '✖': 'annulé'}
    >>> legend("🟢 = terminé ; 🟠 = reporté")
    {'🟢': 'terminé', '🟠': 'reporté'}
    >>> legend("✔ 2019 — accueil de six jeunes") is None, legend("Légende : photo de groupe") is None
    (True, True)
    """
    pairs = _pairs(text)
    return pairs if pairs is not None and len(pairs) >= MIN_PAIRS else None


def _opening_alone(text: str) -> bool:
    """A legend's opening alone on its line ("Légende :"), its pairs in the lines below."""
    found = _LEGEND_OPENING.match(text)
    return found is not None and found.end() == len(text)


def _pairs(text: str) -> dict[str, str] | None:
    """The pairs of a symbol and its meaning a text is made of, one at least, or ``None``."""
    if len(text) > LEGEND_LENGTH:
        return None
    opening = _LEGEND_OPENING.match(text)
    rest = text[opening.end():] if opening else text
    pairs: dict[str, str] = {}
    at = 0
    symbols = [m for m in re.finditer(r"\S+", rest) if pictogram(m.group())]
    if not symbols or rest[:symbols[0].start()].strip(_PAIR_APART + " "):
        return None
    for n, symbol in enumerate(symbols):
        end = symbols[n + 1].start() if n + 1 < len(symbols) else len(rest)
        meaning = rest[symbol.end():end].strip(" =:").strip(_PAIR_APART + " ").strip()
        words = meaning.split()
        if not words or len(words) > MEANING_WORDS or not all(any(c.isalpha() for c in w) for w in words) \
                or symbol.group() in pairs:
            return None
        pairs[symbol.group()] = meaning
        at = end
    return pairs if at == len(rest) else None


def labelled_pictograms(document: etree._Element) -> list[tuple[str, str]]:
    """The pictograms of an HTML page whose element says what they mean (``<span
    aria-label="Abandonné">⛔</span>``, a ``title``), as (:data:`LABELLED`, "⛔ Abandonné")
    for the run report and :func:`read_pictograms`; a symbol given two meanings is none.

    >>> import lxml.html
    >>> labelled_pictograms(lxml.html.fromstring('<div><span aria-label="Reporté">⏸</span> 2025</div>'))
    [("a pictogram's label (aria-label or title), read as a legend of it", '⏸ Reporté')]
    """
    found: dict[str, set[str]] = {}
    for element in document.iter():
        if not isinstance(element.tag, str) or len(element):
            continue
        symbol = (element.text or "").strip()
        label = next((" ".join(element.get(a, "").split()) for a in _LABELS
                      if element.get(a, "").strip()), "")
        words = label.split()
        if symbol and pictogram(symbol) and 0 < len(words) <= MEANING_WORDS \
                and all(any(c.isalpha() for c in w) for w in words):
            found.setdefault(symbol, set()).add(label)
    return [(LABELLED, f"{symbol} {labels.pop()}") for symbol, labels in found.items() if len(labels) == 1]


def read_pictograms(blocks: list[Block], labelled: list[tuple[str, str]] | None = None) -> list[Block]:
    """The blocks with the page's legend set aside and each symbol it explains (or that
    ``labelled`` gives the meaning of: :func:`labelled_pictograms`), at the start or the
    end of a block that is no heading, read as its words in brackets at the block's end.

    >>> page = [Block("paragraph", "Légende : ✔ réalisé · ⏸ reporté", 1),
    ...         Block("list_item", "⏸ Automne 2024 — festival de musique.", 2, bold=13)]
    >>> [(b.text, b.bold, b.aside is None) for b in read_pictograms(page)][1]
    ('Automne 2024 — festival de musique. (⏸ reporté)', 11, True)
    """
    legends = {n: found for n, block in enumerate(blocks)
               if block.aside is None and block.kind != "heading" and (found := legend(block.text))}
    legends.update(_listed(blocks))
    meanings: dict[str, str] = {}
    for why, said in labelled or ():
        if why == LABELLED:
            symbol, _, label = said.partition(" ")
            meanings[symbol] = label
    for found in legends.values():
        meanings.update(found)  # the legend the page shows before what its elements say
    if not meanings:
        return blocks
    out = []
    for n, block in enumerate(blocks):
        if n in legends or (n + 1 in legends and _opening_alone(block.text) and block.aside is None):
            out.append(replace(block, aside=LEGEND))
            continue
        if block.kind == "heading":  # "📍 Gao (Mali)": a heading's mark says no status
            out.append(block)
            continue
        text, bold = block.text, block.bold
        marks = []
        lead = _SYMBOL_RUN.match(text)
        if lead and lead.group() in meanings and text[lead.end():lead.end() + 1].isspace():
            cut = len(text) - len(text[lead.end():].lstrip())
            text, bold = text[cut:], max(0, bold - cut) if bold > cut else 0
            marks.append(lead.group())
        tail = re.search(r"\s(" + _SYMBOL_RUN.pattern + r")\s*$", text)
        if tail and tail.group(1) in meanings and not marks:
            text = text[:tail.start()].rstrip()
            marks.append(tail.group(1))
        if marks:
            text = f"{text} ({marks[0]} {meanings[marks[0]]})"
            block = replace(block, text=text, bold=bold)
        out.append(block)
    return out


def _listed(blocks: list[Block]) -> dict[int, dict[str, str]]:
    """A legend written one pair to a line ("✔ réalisé", then "⏸ reporté", …, as a list's
    items): two lines or more in a row, each a symbol and its few words, by index.

    >>> page = [Block("paragraph", "Légende :", 1), Block("list_item", "✔ réalisé", 2),
    ...         Block("list_item", "⏸ reporté", 3), Block("list_item", "2019 : accueil", 4)]
    >>> sorted(_listed(page))
    [1, 2]
    """
    found: dict[int, dict[str, str]] = {}
    run: list[int] = []
    for n, block in enumerate([*blocks, None]):
        pairs = _pairs(block.text) if block is not None and block.aside is None \
            and block.kind != "heading" else None
        if pairs is not None and len(pairs) == 1 and not any(set(pairs) & set(found[m]) for m in run):
            run.append(n)
            found[n] = pairs
            continue
        if len(run) < MIN_PAIRS:
            for m in run:
                del found[m]
        run = []
    return found
