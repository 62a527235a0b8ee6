"""Parse stage: blocks -> the page's structure (intro, partner sections, their entries).

Structure only: which text belongs to which partner and where each entry starts and ends.
What an entry *says* (dates, amounts, status) is the extract stage's job.

The rules, from the way municipal pages of this kind are written:

- a partner section runs from its heading to the next one; the paragraphs before its
  first entry describe the partner. A heading directly followed by a deeper one heads a
  group of sections ("Europe", then "h3" partners): it is set aside, not a partner; so
  are headings above the first one that reads as a partner heading ("Nos partenaires");
- an entry is a paragraph, list item or ``<br>`` line that opens with a date label,
  whatever its form ("2003-2014 :", "1999,", "Courant 2019 :"): :func:`split_any_label`
  says what a label is, and a label the grammar cannot read is kept as written (the
  extract stage leaves its dates empty and the run reports it). A sentence inside an
  entry that starts with a date ("… de la Ville. Depuis 2022, ce soutien …") stays in
  its entry; a label glued to the previous sentence's full stop, as when a CMS lost the
  paragraph break ("… la saison.2007-2011, le programme …"), or a label ended by a colon
  after a sentence ("… la saison. 2019 : accueil …") starts a new entry;
- a bullet list stays in the entry above it, unless its items open with a date label
  (a page that writes its entries as a list);
- an undated paragraph that starts in lower case, with a connective ("En lien avec…",
  "Par ailleurs…") or whose first sentence points back ("Ce séjour…", "… leurs
  séjours…") continues the entry above; any other undated paragraph is an entry of its
  own, so no text is ever dropped;
- each of the intro's list items is linked to the partner it names
  (:func:`pipeline.places.link_intro`); an item that names no partner section is set aside
  and reported, never a reason to stop;
- the page title, the intro's other paragraphs and the site's navigation links ("Retour en
  haut de page") are set aside, not lost: they are listed in ``Page.set_aside`` with the
  reason, and ``run`` reports them. A dated entry before the first partner heading would
  be lost (its heading was not recognised): it is set aside as a loss, which stops the run.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .dates import abbreviates_month, split_any_label
from .errors import PipelineError
from .places import link_intro, name_words, split_heading
from .read import Block, heading_like

NAVIGATION = {"retour en haut de page", "haut de page", "imprimer", "partager", "retour"}
# Words that refer back to the entry above: a paragraph whose first sentence holds one
# cannot stand alone.
ANAPHORA = {"ce", "cet", "cette", "ces", "il", "elle", "ils", "elles", "elles·ils",
            "ils·elles", "leur", "leurs", "celui-ci", "celle-ci", "ceux-ci", "celles-ci"}
# Openings that link a paragraph to the one above.
CONNECTIVES = ("en lien avec", "par ailleurs", "de plus", "en outre", "ensuite", "enfin",
               "toutefois", "cependant", "néanmoins", "également", "à cette occasion",
               "à l'issue", "en compensation", "dans ce cadre", "de même", "suite à cela",
               "pour cela", "en parallèle", "parallèlement")
_SENTENCE_END = re.compile(r"[.!?…]\s*")
_STOP = re.compile(r"[.!?…](?P<space>\s*)")
LABEL_WINDOW = 200  # characters: more than any date label, so a look-ahead costs little
# Reasons for setting text aside; the last ones are losses and stop the run.
PAGE_TITLE, INTRODUCTION, NAVIGATION_LINK = "page title", "page introduction", "site navigation link"
GROUP_HEADING = "heading of a group of partner sections"
INTRO_HEADING = "heading of the introduction"
UNLINKED_ITEM = "intro list item naming no partner section"
EARLY_ENTRY = "dated entry before the first partner heading"


@dataclass
class Entry:
    """One entry of a partner section, as written: its label and its full text.

    The text is made of blocks (a paragraph, the paragraphs and list items that continue
    it), each on a line of its own: ``parts`` keeps where each starts in the text and its
    line, so that what is found in the text is placed on its line without searching the
    page again.
    """

    label: str | None
    text: str
    line: int
    line_end: int
    parts: list[tuple[int, int]] = field(default_factory=list)  # (offset in text, line)

    def __post_init__(self) -> None:
        self.parts = self.parts or [(0, self.line)]

    def extend(self, text: str, line: int, separator: str) -> None:
        self.parts.append((len(self.text) + len(separator), line))
        self.text += separator + text
        self.line_end = line

    def line_at(self, offset: int) -> int:
        """The line of the page that holds the character at ``offset`` of the text.

        >>> entry = Entry("2019", "2019 : accueil de jeunes.", 12, 12)
        >>> entry.extend("• visite du lycée agricole", 13, "\\n")
        >>> entry.line_at(7), entry.line_at(entry.text.index("lycée"))
        (12, 13)
        """
        return self.parts[bisect_right(self.parts, (offset, math.inf)) - 1][1]


@dataclass
class Section:
    heading: Block
    description: list[Block] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    intro: Block | None = None  # the intro's list item that names this partner


@dataclass(frozen=True)
class SetAside:
    block: Block
    reason: str
    loss: bool = False  # text that belonged in a record: the run stops on it


@dataclass
class Page:
    title: str | None
    intro: list[Block]  # the list items of the page's intro
    sections: list[Section]
    set_aside: list[SetAside]


def _label_at(text: str, start: int) -> tuple[str, str] | None:
    """The label that opens ``text`` at ``start``, and the separator after it."""
    window = text[start:start + LABEL_WINDOW]
    found = split_any_label(window)
    if not found:
        return None
    label, rest = found[0], found[1]
    return label, window[len(label):len(window) - len(rest)]


def split_run_together(text: str) -> list[str]:
    """Split a paragraph where an entry starts inside it: a date label glued to a
    sentence's final stop, or a label ended by a colon after a sentence.

    >>> split_run_together("après le passage du cyclone.2009-2012, le programme de reconstruction")
    ['après le passage du cyclone.', '2009-2012, le programme de reconstruction']
    >>> split_run_together("un bilan positif. 2019 : accueil de huit jeunes")
    ['un bilan positif.', '2019 : accueil de huit jeunes']
    >>> split_run_together("avec le soutien de la Ville. Depuis 2022, ce soutien est annuel.")
    ['avec le soutien de la Ville. Depuis 2022, ce soutien est annuel.']
    >>> split_run_together("un protocole signé en 1963. Depuis la signature, des échanges")
    ['un protocole signé en 1963. Depuis la signature, des échanges']
    >>> split_run_together("une délégation d’élu.es en 2019, puis")
    ['une délégation d’élu.es en 2019, puis']
    >>> split_run_together("annulés en 2020.2021, reprise des séjours")
    ['annulés en 2020.', '2021, reprise des séjours']
    >>> split_run_together("Déc. 2021 : marché solidaire")
    ['Déc. 2021 : marché solidaire']
    """
    pieces, start = [], 0
    for stop in _STOP.finditer(text):
        at = stop.end()
        # an entry opens with a capital or a digit: "élu.es en 2019, …" is inclusive writing
        if at >= len(text) or not (text[at].isupper() or text[at].isdigit()):
            continue
        if abbreviates_month(text, stop.start()):  # "Sept. 2021 :" is one label
            continue
        found = _label_at(text, at)
        if found and (not stop["space"] or ":" in found[1]):
            pieces.append(text[start:at].rstrip())
            start = at
    pieces.append(text[start:])
    return pieces


def continues_previous(text: str) -> bool:
    """True when a paragraph cannot stand alone: it starts in lower case or with a
    connective, or its first sentence refers back to the entry above.

    >>> continues_previous("Ce voyage a permis de renforcer les liens entre les deux villes")
    True
    >>> continues_previous("Par ailleurs, la Ville a remis du matériel scolaire.")
    True
    >>> continues_previous("Partenariat avec le Théâtre municipal depuis plusieurs années.")
    False
    """
    if text[:1].islower():
        return True
    if text.lower().replace("’", "'").startswith(CONNECTIVES):
        return True
    first_sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    words = {w.lower() for w in re.findall(r"[\w·-]+", first_sentence)}
    return bool(words & ANAPHORA)


def _is_navigation(block: Block) -> bool:
    return block.text.strip(" .").lower() in NAVIGATION


def _fill_section(section: Section, blocks: list[Block], set_aside: list[SetAside]) -> None:
    entries = section.entries
    for block in blocks:
        if _is_navigation(block):
            set_aside.append(SetAside(block, NAVIGATION_LINK))
        elif block.kind == "heading":
            set_aside.append(SetAside(block, GROUP_HEADING))
        elif block.kind == "list_item" and not split_any_label(block.text):
            if entries:
                entries[-1].extend("• " + block.text, block.line, "\n")
            else:
                section.description.append(block)
        else:
            for piece in split_run_together(block.text):
                labelled = split_any_label(piece)
                if labelled:
                    entries.append(Entry(labelled[0], piece, block.line, block.line))
                elif not entries:
                    section.description.append(Block("paragraph", piece, block.line))
                elif continues_previous(piece):
                    entries[-1].extend(piece, block.line, "\n\n")
                else:
                    entries.append(Entry(None, piece, block.line, block.line))


def _intro_reason(block: Block, group: bool) -> tuple[str, bool]:
    if _is_navigation(block):
        return NAVIGATION_LINK, False
    if block.kind == "heading":
        return (GROUP_HEADING if group else INTRO_HEADING), False
    if split_any_label(block.text):
        return EARLY_ENTRY, True
    return INTRODUCTION, False


def _link_intro(items: list[Block], sections: list[Section], set_aside: list[SetAside]) -> None:
    linked = link_intro([b.text for b in items], [split_heading(s.heading.text)[0] for s in sections])
    for section, index in zip(sections, linked):
        section.intro = items[index] if index is not None else None
    taken = set(linked)
    set_aside += [SetAside(item, UNLINKED_ITEM) for i, item in enumerate(items) if i not in taken]


def _first_partner(body: list[Block], starts: list[int]) -> int:
    """Which of the headings is the first partner's: the first that reads as a partner
    heading; those above it ("Nos partenaires", a title the CMS wrote as an h2) belong to
    the introduction. When none reads as one, every heading is a partner's."""
    items: list[set[str]] = []
    done = 0
    for n, start in enumerate(starts):
        items += [name_words(b.text) for b in body[done:start] if b.kind == "list_item"]
        done = start
        if heading_like(body[start].text, items):
            return n
    return 0


def parse(blocks: list[Block]) -> Page:
    """Group the page's blocks into its title, intro and partner sections."""
    title = blocks[0] if blocks and blocks[0].kind == "heading" and blocks[0].level == 1 else None
    body = blocks[1:] if title else blocks
    headings = [i for i, b in enumerate(body) if b.kind == "heading"]
    groups = {i for i in headings if i + 1 < len(body) and body[i + 1].kind == "heading"
              and body[i + 1].level > body[i].level}
    starts = [i for i in headings if i not in groups]
    starts = starts[_first_partner(body, starts):]
    if not starts:
        raise PipelineError(
            "no partner heading found: expected lines such as 'Tombouctou (Mali)'"
        )
    intro = body[:starts[0]]
    set_aside = [SetAside(title, PAGE_TITLE)] if title else []
    for i, block in enumerate(intro):
        if block.kind != "list_item":
            reason, loss = _intro_reason(block, i in groups)
            set_aside.append(SetAside(block, reason, loss))
    items = [b for b in intro if b.kind == "list_item"]
    sections = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(body)
        section = Section(body[start])
        _fill_section(section, body[start + 1:end], set_aside)
        sections.append(section)
    _link_intro(items, sections, set_aside)
    return Page(title.text if title else None, items, sections, set_aside)
