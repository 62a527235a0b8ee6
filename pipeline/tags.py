"""Partner headings named by a short label: a tag chip, a table's partner cell, a
hashtag that ends an entry ("… Havel. #Brandebourg"). A page that lists every action by
year after its partners' sections, each filed under its partner by a tag, names the
partner only so: the entry is set under the partner heading its tag names, on an HTML page
(:mod:`pipeline.html_page`) as on a text page (:func:`tagged_entries`)."""

from __future__ import annotations

import difflib

from .dates import parse_label
from .places import SIMILAR_SPELLING, name_words, place_name, split_heading
from .read import Block, IntroWords, names_a_place


class PartnerHeadings:
    """The headings read so far that name a place, indexed by the words of their names
    (and their first letters, for a close spelling), so that a tag chip ("Brandebourg",
    "Tindouf (Sahara occidental)") is matched to the partner heading it stands for
    ("Brandenburg-sur-la-Havel (Allemagne)") at a cost that does not grow with the page."""

    def __init__(self, items: IntroWords):
        self.items = items
        self.read = 0  # blocks of the page looked at so far
        self.texts: list[str] = []
        self.known: set[str] = set()  # the same texts, looked up at each block
        self.by_word: dict[str, set[int]] = {}
        self.by_start: dict[str, set[str]] = {}
        self.scanned = 0  # blocks of the page looked at for the last heading
        self.current: str | None = None  # the last heading read below the title

    def section(self, out: list[Block]) -> str | None:
        """The heading the blocks read so far end under: an entry tagged with the partner
        of that heading is in its section already ("#Brandebourg" after its own text)."""
        for block in out[self.scanned:]:
            if block.kind == "heading" and block.level > 1:
                self.current = block.text
        self.scanned = len(out)
        return self.current

    def tagged(self, block: Block, out: list[Block]) -> str | None:
        """The partner heading an entry's hashtags name (the first that names one), when
        the entry is not under that heading already: the heading to set before it."""
        if block.kind == "heading" or not (tags := trailing_hashtags(block.text)):
            return None
        self.feed(out)  # "… Havel. #Brandebourg": the entry of the partner it tags
        named = next((h for tag in tags if (h := self.named(tag)) is not None), None)
        return named if named is not None and named != self.section(out) else None

    def feed(self, out: list[Block]) -> None:
        for block in out[self.read:]:
            if block.kind == "heading" and names_a_place(block.text, self.items) \
                    and block.text not in self.known:
                for word in name_words(place_name(split_heading(block.text)[0])):
                    self.by_word.setdefault(word, set()).add(len(self.texts))
                    self.by_start.setdefault(word[:3], set()).add(word)
                self.texts.append(block.text)
                self.known.add(block.text)
        self.read = len(out)

    def named(self, chip: str) -> str | None:
        """The one heading read so far whose name holds every word of the chip's place,
        each as written or in a close spelling; None when none or several do."""
        words = name_words(place_name(split_heading(chip)[0]))
        found: set[int] | None = None
        for word in words:
            close = [w for w in sorted(self.by_start.get(word[:3], ()))[:MAX_CLOSE_WORDS]
                     if w == word or difflib.SequenceMatcher(None, w, word).ratio() >= SIMILAR_SPELLING]
            holding = set().union(*(self.by_word[w] for w in close)) if close else set()
            found = holding if found is None else found & holding
        return self.texts[found.pop()] if found and len(found) == 1 else None


MAX_CLOSE_WORDS = 20  # words of the headings above that start alike, compared by spelling
MAX_HASHTAGS = 6  # tags that may end an entry ("#Jifna #Jalazone"); more are a tag cloud
HASHTAG_TAIL = 400  # characters at an entry's end looked at for its tags
MAX_DATE_LINE = 40  # characters of a line that is a date alone ("2024", "Année 2019 :")


def trailing_hashtags(text: str) -> list[str]:
    """The hashtags that end an entry after its text ("… Havel. #Brandebourg
    #JérusalemEst"), each as the words it joins ("Jérusalem Est", "Camps De Tindouf": a
    capital after a small letter starts a word), first first: a page that files each entry
    under its partner by a tag names the partner so, wherever the entry is (a list of all
    actions by year). None for a block of tags alone (the tags of the section above) or
    when more tags than an entry's end a text."""
    tags: list[str] = []
    words = text[-HASHTAG_TAIL:].split()
    for word in reversed(words):
        if len(word) < 2 or word[0] != "#" or not word[1].isalpha():
            break
        tags.append("".join(f" {c}" if c.isupper() and n and word[n].islower() else c
                            for n, c in enumerate(word[1:])).strip())
    if not tags or len(tags) == len(words) or len(tags) > MAX_HASHTAGS:
        return []
    return tags[::-1]


def tagged_entries(blocks: list[Block]) -> list[Block]:
    """A text page's blocks with the partner heading an entry's hashtags name set before
    the entry (:meth:`PartnerHeadings.tagged`), at that heading's level, so that the entry
    joins the partner's section as a repeated heading does. The blocks as they are when
    no entry ends with a hashtag."""
    if not any(block.kind != "heading" and trailing_hashtags(block.text) for block in blocks):
        return blocks
    partners = PartnerHeadings(IntroWords())
    levels: dict[str, int] = {}
    out: list[Block] = []
    for block in blocks:
        if block.kind == "heading":
            levels.setdefault(block.text, block.level)
        elif block.kind == "list_item":
            partners.items.add(block.text)
        if (named := partners.tagged(block, out)) is not None:
            heading = Block("heading", named, block.line, level=levels.get(named, 2))
            # a date alone on the line above ("2024" over the entries of that year) heads
            # the entries under the partner's heading, not an entry of the section above
            dated = bool(out) and out[-1].kind == "paragraph" and len(out[-1].text) <= MAX_DATE_LINE \
                and parse_label(out[-1].text.strip().rstrip(":").strip()) is not None
            out.insert(len(out) - 1 if dated else len(out), heading)
            partners.current = named
        out.append(block)
    return out
