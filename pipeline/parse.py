"""Parse stage: blocks -> the page's structure (intro, partner sections, their entries).

Structure only: which text belongs to which partner and where each entry starts and ends.
What an entry *says* (dates, amounts, status) is the extract stage's job.

The rules, from the way the city's page is written:

- a partner section runs from its heading to the next one; the paragraphs before its
  first dated entry describe the partner;
- an entry starts with a date label ("2003-2014 :", "1999,"), or with a phrase that reads
  as one but that the grammar does not know ("Courant 2019 :", kept with empty dates and
  reported), including when the CMS lost
  the paragraph break and the label follows the previous sentence's full stop
  ("… Gustav et Luke.2007-2011, le programme …");
- a bullet list stays in the entry above it, unless its items start with a date label
  (a page that writes its entries as a list);
- an undated paragraph whose first sentence points back ("Ce séjour…", "… leurs
  séjours…") continues the entry above; any other undated paragraph is an entry of its own,
  so no text is ever dropped;
- the intro's list of partners is kept for the extract stage, which links each item to
  its partner;
- the page title, the intro's other paragraphs and the site's navigation links ("Retour en
  haut de page") are set aside, not lost: they are listed in ``Page.set_aside`` with the
  reason, and ``run`` reports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import run_together, split_any_label, split_label
from .errors import PipelineError
from .read import Block

NAVIGATION = {"retour en haut de page", "haut de page", "imprimer", "partager", "retour"}
# Words that refer back to the entry above: a paragraph whose first sentence holds one
# cannot stand alone.
ANAPHORA = {"ce", "cet", "cette", "ces", "il", "elle", "ils", "elles", "elles·ils",
            "ils·elles", "leur", "leurs"}
_SENTENCE_END = re.compile(r"[.!?…]\s*")


@dataclass
class Entry:
    """One entry of a partner section, as written: its label and its full text."""

    label: str | None
    text: str
    line: int
    line_end: int

    def extend(self, text: str, line: int, separator: str) -> None:
        self.text += separator + text
        self.line_end = line


@dataclass
class Section:
    heading: Block
    description: list[Block] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)


@dataclass(frozen=True)
class SetAside:
    block: Block
    reason: str


@dataclass
class Page:
    title: str
    intro: list[Block]  # the list items of the page's intro, one per partner
    sections: list[Section]
    set_aside: list[SetAside]


def split_run_together(text: str) -> list[str]:
    """Split a paragraph where a date label is glued to a sentence's end (the CMS lost the
    paragraph break); a sentence that starts with a date after a space stays in its entry.

    >>> split_run_together("après la tempête de janvier.2009-2012, le chantier de l’école")
    ['après la tempête de janvier.', '2009-2012, le chantier de l’école']
    >>> split_run_together("le soutien de la Ville. Depuis 2022, ce soutien se poursuit")
    ['le soutien de la Ville. Depuis 2022, ce soutien se poursuit']
    """
    starts = [0, *run_together(text)]
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)])]


def continues_previous(text: str) -> bool:
    """True when a paragraph cannot stand alone: it starts in lower case or its first
    sentence refers back to the entry above.

    >>> continues_previous("Ce séjour a permis de rappeler le soutien d’Ivry-sur-Seine")
    True
    >>> continues_previous("Collaboration avec le Théâtre National de Palestine depuis plusieurs années.")
    False
    """
    if text[:1].islower():
        return True
    first_sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    words = {w.lower() for w in re.findall(r"[\w·]+", first_sentence)}
    return bool(words & ANAPHORA)


def _is_navigation(block: Block) -> bool:
    return block.text.strip(" .").lower() in NAVIGATION


def _fill_section(section: Section, blocks: list[Block], set_aside: list[SetAside]) -> None:
    entries = section.entries
    for block in blocks:
        if _is_navigation(block):
            set_aside.append(SetAside(block, "site navigation link"))
        elif block.kind == "list_item" and not split_label(block.text):
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


def parse(blocks: list[Block]) -> Page:
    """Group the page's blocks into its title, intro and partner sections."""
    if not blocks or blocks[0].level != 1:
        raise PipelineError("the page has no title line")
    starts = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 2]
    if not starts:
        raise PipelineError(
            "no partner heading found: expected lines such as 'Dianguirdé (Mali)'"
        )
    intro = blocks[1:starts[0]]
    set_aside = [SetAside(blocks[0], "page title")]
    set_aside += [SetAside(b, "page introduction") for b in intro if b.kind != "list_item"]
    sections = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(blocks)
        section = Section(blocks[start])
        _fill_section(section, blocks[start + 1:end], set_aside)
        sections.append(section)
    return Page(blocks[0].text, [b for b in intro if b.kind == "list_item"], sections, set_aside)
