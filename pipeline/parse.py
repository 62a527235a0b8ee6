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
  paragraph break ("… la saison.2009-2012, la reconstruction …"), or a label ended by a colon
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

import difflib
import math
import re
from bisect import bisect_right
from itertools import pairwise
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from .dates import (
    MAX_LABEL,
    abbreviates_month,
    closes_label,
    date_in,
    days_of,
    find_dates,
    first_sentence,
    forget_labels,
    month_alone,
    parse_label,
    with_year,
    says_until,
    split_any_label,
)
from .errors import Refusal
from .fields import (
    CMS_FIELD,
    DATE,
    SPAN_FIELD,
    TEXT,
    date_field,
    field_line,
    key_alone,
    question,
    span_key,
    tie_key,
)
from .gate import gate, proper_words, with_reasons
from .languages import other_language
from .narrative import (
    ARTICLE_FURNITURE,
    IMAGE_CAPTION_END,
    NAVIGATION_BAR,
    OTHER_LANGUAGE,
    About,
    Reasons,
    bracketed_places,
    cued_places,
    event_in,
    from_writing,
    furniture,
    most_named_country,
    names_place,
    opened_at,
    posted,
    programme_day,
    PAGE_DAY,
    When,
    read_narrative,
    sentences,
    sided,
    tells_of,
    tie_events,
    listed_items,
    told_after,
    year_from_post,
)
from .french import CAPITAL, lexicon, pattern
from .french.normalise import fold
from .places import (
    HOME_COUNTRY,
    SIMILAR_SPELLING,
    agreement,
    close_spellings,
    same_place_key,
    countries,
    country_code,
    country_in_text,
    country_name,
    countries_named,
    heading_country,
    heading_text,
    peoples_named,
    place_elsewhere,
    place_of_country,
    place_of_tie,
    link_intro,
    name_words,
    place_name,
    news_place,
    split_heading,
)
from .read import (
    MAX_HEADING,
    TABLE_OF_CONTENTS,
    Block,
    bullet_item,
    IntroWords,
    group_heading,
    heading_key,
    heading_like,
    names_a_place,
    names_institution,
    other_heading,
    star_notes,
    sub_heading,
)
from .partners import country_told, opening_place, opens_on_partner, subject_placed
from .statuses import status_before_date
from .text import slug

if TYPE_CHECKING:
    from .workers import Pending, Pool

# The site's navigation links, whatever arrow or case they are written with
# (pipeline/french/lexicon/furniture.toml).
_NAVIGATION = re.compile("".join(lexicon("furniture")["navigation"]), re.IGNORECASE)
_NOT_WORDS = " .:>»«<|↑↓⇧⇑⬆▲^-–—"
FURNITURE_LENGTH = 120  # characters: a field of the CMS is short
# What a page writes around its text: captions and credits of pictures, links to further
# reading, contact lines, footnotes (pipeline/french/lexicon/furniture.toml).
_FURNITURE_CUES = lexicon("furniture")
_COPYRIGHT = tuple(_FURNITURE_CUES["copyright_signs"])


def _openings(phrases: list[str], colon: bool = True) -> re.Pattern[str]:
    """A block that opens with one of ``phrases`` and a colon, or is one alone (or, not
    ``colon``, that opens with one as a word)."""
    words = (r"\s+".join(map(re.escape, p.split())).replace("'", "['’]\\s*")
             for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?:" + "|".join(words) + (r")\s*(?::|$)" if colon else r")\b"), re.IGNORECASE)


def _says_little(text: str, *found: re.Pattern[str]) -> bool:
    """A block with few words besides what ``found`` finds in it (an address, a number)."""
    for cue in found:
        text = cue.sub(" ", text)
    return len(re.findall(r"\w+", text)) <= FURNITURE_WORDS


_CREDIT = _openings(_FURNITURE_CUES["credit_openings"])
# a credit without its colon: the word and a name alone, ending the line, maybe after a dash
# ("Photo Cécile Elie", "Jumièges - Photo Cécile Elie")
_CREDIT_NAME = re.compile(r"(?:^|.*\s[-–—|]\s*)(?:" + "|".join(
    r"\s+".join(map(re.escape, p.split()))
    for p in sorted(_FURNITURE_CUES["credit_openings"], key=len, reverse=True))
    + r")\s+(?:[^\W\d_][\w'’.-]*\s*){1,3}$", re.IGNORECASE)
_MEDIA = _openings(_FURNITURE_CUES["media_nouns"])
# a short link that ends on its medium after a dash or in brackets ("2013 Inauguration
# panneau de jumelage - diaporama", "Le concert des jeunes (vidéo)")
_MEDIA_END = re.compile(r"(?:\s[-–—]\s*|\()(?:" + "|".join(
    r"\s+".join(map(re.escape, p.split()))
    for p in sorted(_FURNITURE_CUES["media_nouns"], key=len, reverse=True)) + r")\s*\)?\s*$", re.IGNORECASE)
_CONTACT = _openings(_FURNITURE_CUES["contact_openings"], colon=False)
# a print's credit: one of its openings before a colon, at the block's start or after a
# separator ("… · Impression : Imprimerie Grenier"); a print's formula anywhere
_PRINT_CREDIT = re.compile(r"(?:^|[·•|–—,;]|\s-)\s*(?:" + "|".join(
    r"\s+".join(map(re.escape, p.split())).replace("'", "['’]")
    for p in sorted(_FURNITURE_CUES["print_credit_openings"], key=len, reverse=True)) + r")\s*:",
    re.IGNORECASE)
_PRINT_FORMULA = re.compile(r"(?<!\w)(?:" + "|".join(
    r"\s+".join(map(re.escape, p.split())).replace("'", "['’]")
    for p in sorted(_FURNITURE_CUES["print_formulas"], key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
PRINT_CREDITS = 2  # credits of a print in one block: one alone may be a field of an entry
_KEY_FIGURES_TITLE = re.compile(r"(?:" + "|".join(
    r"\s+".join(map(re.escape, p.split())).replace("'", "['’]\\s*")
    for p in sorted(_FURNITURE_CUES["counter_titles"], key=len, reverse=True))
    + r")(?:\s+\w{1,3})?(?:\s+\d{4})?\s*:\s*", re.IGNORECASE)
_FIGURES_APART = re.compile(r"\s[–—·•|;-]\s|;\s")
_OPENS_ON_FIGURE = re.compile(r"(?:\w+\s+){0,2}?[<>~≈+]?\s?\d")  # "12 séjours", "près de 200 …"
KEY_FIGURES_MIN = 2  # figures after the title: one alone is a sentence
_POSTAL_ADDRESS = re.compile(pattern(_FURNITURE_CUES["postal_address"]))
_OPENING_HOURS = re.compile(pattern(_FURNITURE_CUES["opening_hours"]), re.IGNORECASE)
_COPYRIGHT_LETTERS = re.compile(r"\s*(?:" + "|".join(map(re.escape, _FURNITURE_CUES["copyright_letters"]))
                                + r")\s", re.IGNORECASE)
FURNITURE_WORDS = 6  # words besides an address or a number: a contact line or a link says little else
_DOWNLOAD = re.compile(r"(?:" + "|".join(re.escape(v).replace("'", "['’]")
                                          for v in _FURNITURE_CUES["download_verbs"]) + r")\b",
                       re.IGNORECASE)
_FILE = re.compile(r"\(\s*(?:" + "|".join(_FURNITURE_CUES["file_types"]) + r")\b[^()]{0,40}?\d[\d\s,.]*\s*(?:"
                   + "|".join(_FURNITURE_CUES["file_size_units"]) + r")\s*\)", re.IGNORECASE)
_CHROME = re.compile("|".join(re.escape(p).replace("'", "['’]").replace(r"\ ", r"\s+")
                              for p in _FURNITURE_CUES["site_chrome"]), re.IGNORECASE)
_CHROME_TITLE = _openings(_FURNITURE_CUES["site_chrome_titles"], colon=False)
# A row of the site's controls pasted with the text ("Tout accepter    Tout refuser",
# "Facebook   Twitter   Copier le lien"): short labels apart by wide spaces or tabs.
_CONTROL_GAP = re.compile(r"\s{3,}|\t")
CONTROL_WORDS = 3  # words of a button's or a link's label
CONTROL_ROW = 120  # characters of a row of controls


def _capitalised_end(text: str) -> bool:
    """The words after a credit's word are a name: each with a capital ("Photo Cécile
    Elie", not "Photo de groupe").

    >>> _capitalised_end("Jumièges - Photo Cécile Elie"), _capitalised_end("Photo de groupe")
    (True, False)
    """
    words = re.split(r"\s+", text.strip())
    at = max(i for i, w in enumerate(words) if fold(w) in _CREDIT_WORDS)
    return at + 1 < len(words) and all(w[:1].isupper() for w in words[at + 1:])


_CREDIT_WORDS = frozenset(fold(w) for p in _FURNITURE_CUES["credit_openings"] for w in p.split())


def _controls(text: str) -> bool:
    """A row of the site's controls: two labels or more, each of a few words, apart by
    wide spaces or tabs, with no digit nor sentence punctuation (a table row pasted as
    text has its dates and numbers).

    >>> _controls("Tout accepter    Tout refuser    Personnaliser"), _controls("Accueil de jeunes.")
    (True, False)
    >>> _controls("2019    Accueil de jeunes"), _controls("Le jumelage   a été signé. Il dure.")
    (False, False)
    """
    labels = _CONTROL_GAP.split(text.strip())
    return (len(labels) >= 2 and len(text) <= CONTROL_ROW and not any(c.isdigit() for c in text)
            and not _SENTENCE_MARKS.search(text)
            and all(0 < len(label.split()) <= CONTROL_WORDS for label in labels))


_SENTENCE_MARKS = re.compile(r"[.!?;:…]")
# Code of a site's templates left in its text ("{{< figure … >}}", "{% include … %}",
# "[caption …]", "<!-- … -->"): never the page's words.
_TEMPLATE_CODE = re.compile(r"\s*(?:\{\{|\{%|\[/?caption\b|\[/?gallery\b|<!--)", re.IGNORECASE)
# A comment of an office suite pasted with the text: it opens with the comment's mark, the
# author's initials and a number in Word ("[JM1]Vérifier la date …"), a letter in an
# export of an online editor ("[a]à confirmer"); a footnote's mark is a number alone.
_COMMENT_MARK = re.compile(r"\s*\[(?:[^\W\d_]{1,4}\d{1,3}|[a-z]{1,2})\]")
_EDITOR_NOTE = re.compile(r"\s*[\[(]\s*" + _openings(_FURNITURE_CUES["editor_notes"], colon=False).pattern,
                          re.IGNORECASE)
_FURTHER_READING = _openings(_FURNITURE_CUES["further_reading"])
# A notice of the page's own correction or update ("Rectificatif du 14 février 2025 : …"):
# one of ``edit_notices``, then its date or a colon.
_EDIT_NOTICE = re.compile(_openings(_FURNITURE_CUES["edit_notices"], colon=False).pattern
                          + r"\s*(?:[:(]|(?:[^\W\d_]{1,3}\s+)?\d)", re.IGNORECASE)
_FURTHER_READING_OPENING = _openings(_FURNITURE_CUES["further_reading_openings"], colon=False)
_POINTER = re.compile(r"(?<![\w-])(?:" + "|".join(
    r"\s+".join(map(re.escape, p.split())) for p in _FURNITURE_CUES["cross_reference_pointers"])
    + r")(?![\w-])", re.IGNORECASE)
_PAGE_PART = re.compile(
    r"\b(?:" + "|".join(map(re.escape, _FURNITURE_CUES["cross_reference_parts"])) + r")\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")
_PHONE = re.compile(r"(?<![\d+])(?:\+\d{2,3}[\s.]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")
# A footnote opens with its mark: "(1)", "[1]", "*", "¹"; the mark is found again in the
# text it annotates.
_FOOTNOTE_MARK = re.compile(r"(?:\(\d{1,2}\)|\[\d{1,2}\]|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})(?=\s)")
FURNITURE_TEXT = 300  # characters: a caption, a link, a contact line or a footnote is short
FURNITURE_VALUE_WORDS = 5  # a tag or a date under a field's name
# Words that refer back to the entry above: a paragraph whose first sentence holds one
# cannot stand alone; and openings that link a paragraph to the one above
# (pipeline/french/lexicon/connectives.toml).
ANAPHORA = set(lexicon("connectives")["anaphora"])
CONNECTIVES = tuple(lexicon("connectives")["connectives"])
_IMPERSONAL = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in lexicon("connectives")["impersonal"]) + r")\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…]\s*")
# Where an entry may start inside a paragraph: after a sentence's end, or after a list's
# separator written inline (" ; ", " • ", " | "), which only a label with a colon follows.
_STOP = re.compile(r"(?:[.!?…]|(?<=\s)[;•|])(?P<space>\s*)")
LABEL_WINDOW = 200  # characters: more than any date label, so a look-ahead costs little
# Reasons for setting text aside; the last ones are losses and stop the run.
PAGE_TITLE, INTRODUCTION, NAVIGATION_LINK = "page title", "page introduction", "site navigation link"
GROUP_HEADING = "heading of a group of partner sections"
INTRO_HEADING = "heading of the introduction"
SUB_HEADING = "sub-heading within a partner section"
ASKED_PARTNER = "question that names the partner its answers are about (read as its heading)"
INTERVIEW_QUESTION = "question of an interview that names no partner (the interviewer's prompt)"
CONTINUED = "heading of a partner section continued further down the page"
OTHER_HEADING = "heading of no partner section"
UNDER_OTHER_HEADING = "text under a heading of no partner section"
FURNITURE = "page furniture (tags, dates of publication or update)"
FIELD_KEY = "key of a date field written alone above its value (the date below labels the entry)"
UNLINKED_ITEM = "intro list item naming no partner section"
CAPTION = "caption or credit of a picture"
COLOPHON = "credits of a print (its design, its printer)"
DOCUMENT_LINK = "link to a document or a medium"
SITE_CHROME = "the site's own words (cookies, newsletter, follow us)"
TEMPLATE_CODE = "code of the site's templates"
EDITOR_COMMENT = "an editor's comment or note to the site's team"
FURTHER_READING = "link to further reading"
CONTACT = "contact line (an e-mail address or a phone number)"
FOOTNOTE = "footnote"
INTRO_NOTE = "footnote of the introduction (its mark is in the text above the first partner heading)"
KEY_FIGURES = "line of counters (the numbers of a summary, no event)"
EARLY_ENTRY = "dated entry before the first partner heading"
DATED_INTRODUCTION = "dated sentence of the introduction (before the first partner heading)"
LOST_ENTRY = "dated entry under a heading of no partner section"
TEASER = "dated teaser of another page of the site"
EDIT_NOTICE = "notice of the page's own revision (its edit history)"
UNDER_A_CAUSE = "heading of a place under a heading naming its country alone (read with that country)"
COUNTRY_HEADING = ("heading naming its partner by its country alone (read as the place the intro or the text "
                   "below names)")
NEWS_TITLE = "title of a news item naming its partner before a colon (read as that partner's heading)"
RUBRIC_HEADING = ("heading naming its place after a rubric that other headings open on (read as that place's "
                  "heading)")
CROSS_REFERENCE = "sentence that sends the reader to another part of the page (a pointer, no event)"
_TEASER_HEADINGS = frozenset(lexicon("headings")["teaser_headings"])
Role = str  # what a heading is: "partner", "group", "sub" or "other"


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
    # the date the label stands for when the label is relative to a date told before ("la
    # même année" after "En septembre 2002": "2002"), as the grammar reads it; the extract
    # stage reads the period from it (pipeline/narrative.py)
    period_label: str | None = None
    # the heading above the entry that is no partner's, the nearest one (a board's column
    # "Reporté", a sub-heading "Actions annulées"): the extract stage reads a status from it
    # when the entry's own words say none
    frame: str | None = None

    def __post_init__(self) -> None:
        self.parts = self.parts or [(0, self.line)]

    def line_at(self, offset: int) -> int:
        """The line of the page that holds the character at ``offset`` of the text.

        >>> entry = Entry("2019", "2019 : accueil de jeunes.\\n• visite du lycée agricole", 12, 13,
        ...               [(0, 12), (26, 13)])
        >>> entry.line_at(7), entry.line_at(entry.text.index("lycée"))
        (12, 13)
        """
        return self.parts[bisect_right(self.parts, (offset, math.inf)) - 1][1]


@dataclass
class _Draft:
    """An entry being read: its blocks are joined once it is complete, so that an entry
    continued by 100,000 list items costs linear time, not a copy of its text per item."""

    label: str | None
    pieces: list[str]
    line: int
    line_end: int
    parts: list[tuple[int, int]]  # (offset in the text, line) of each block
    length: int  # of the text so far
    period: str | None = None  # the date a relative label stands for (``Entry.period_label``)

    @classmethod
    def start(cls, label: str | None, text: str, line: int) -> _Draft:
        return cls(label, [text], line, line, [(0, line)], len(text))

    def extend(self, text: str, line: int, separator: str) -> None:
        if separator.isspace() and (text[:1].isspace() or "".join(self.pieces[-1:])[-1:].isspace()):
            separator = ""  # a piece cut before its space, or after it: the page's one space, not two
        self.parts.append((self.length + len(separator), line))
        self.pieces += [separator, text]
        self.length += len(separator) + len(text)
        self.line_end = line

    def entry(self) -> Entry:
        return Entry(self.label, "".join(self.pieces), self.line, self.line_end, self.parts, self.period)


@dataclass
class Section:
    heading: Block
    description: list[Block] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    intro: Block | None = None  # the intro's list item that names this partner
    # the tie's year the intro's prose list writes beside its place ("Darmstadt (Allemagne)
    # et Alkmaar (Pays-Bas) en 1958": :func:`_listed_parts`), which its item no longer holds
    tie_year: int | None = None
    # the lines of the headings further down that named its place again, their text joined
    # to it (:func:`_continued`): each heads what follows it, as the first one does
    again: tuple[int, ...] = ()


@dataclass(frozen=True)
class SetAside:
    block: Block
    reason: str
    loss: bool = False  # text that belonged in a record: the run stops on it
    warn: bool = False  # worth a warning: text that may belong to the data


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


# What a numeric date ("12.03.2024") holds before its year: days and months.
_DAY_OR_MONTH = re.compile(r"\d{1,2}(?:\.\d{1,2})?")


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
    >>> split_run_together("une visite d’élu.es en 2019, puis")
    ['une visite d’élu.es en 2019, puis']
    >>> split_run_together("annulés en 2020.2021, reprise des séjours")
    ['annulés en 2020.', '2021, reprise des séjours']
    >>> split_run_together("Déc. 2021 : marché solidaire"), split_run_together("03.2024 : envoi")
    (['Déc. 2021 : marché solidaire'], ['03.2024 : envoi'])

    Entries written inline in one paragraph, after a list's separator:

    >>> split_run_together("Juin 2012 : tournoi ; 2014 : accueil de huit élèves • Mai 2017 : concert")
    ['Juin 2012 : tournoi ;', '2014 : accueil de huit élèves •', 'Mai 2017 : concert']
    >>> split_run_together("des échanges ; 2014, une année riche")
    ['des échanges ; 2014, une année riche']
    """
    pieces, start = [], 0
    for stop in _STOP.finditer(text):
        at = stop.end()
        # an entry opens with a capital or a digit: "élu.es en 2019, …" is inclusive writing
        if at >= len(text) or not (text[at].isupper() or text[at].isdigit()):
            continue
        if abbreviates_month(text, stop.start()):  # "Sept. 2021 :" is one label
            continue
        if _DAY_OR_MONTH.fullmatch(text, start, stop.start()):  # "03.2024 :" is one label
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

    >>> continues_previous("Ce voyage a permis de renforcer l’amitié des deux écoles")
    True
    >>> continues_previous("Par ailleurs, la Ville a remis du matériel scolaire.")
    True
    >>> continues_previous("Partenariat avec le Théâtre municipal depuis plusieurs années.")
    False
    >>> continues_previous("Il y a dix ans, une brigade de volontaires est venue.")
    False

    A line of hashtags alone is the tags of the post above, a part of it:

    >>> continues_previous("#Sahraouis #ConseilMunicipal"), continues_previous("#2019 : accueil")
    (True, False)
    """
    if text[:1].islower() or _HASHTAGS.fullmatch(text.strip()):
        return True
    if text.lower().replace("’", "'").startswith(CONNECTIVES):
        return True
    first_sentence = _IMPERSONAL.sub(" ", _SENTENCE_END.split(text, maxsplit=1)[0].replace("’", "'"))
    words = {w.lower() for w in re.findall(r"[\w·-]+", first_sentence)}
    return bool(words & ANAPHORA)


_HASHTAGS = re.compile(r"#[^\W\d_][\w-]{0,60}(?:\s+#[^\W\d_][\w-]{0,60}){0,30}")


def is_navigation(text: str) -> bool:
    """A link of the site's navigation.

    >>> [is_navigation(t) for t in ("↑ Haut de page", "Retour en haut", "Imprimer la page")]
    [True, True, True]
    >>> is_navigation("Retour des jeunes à Tamba en juillet.")
    False
    """
    return len(text) <= FURNITURE_LENGTH and bool(_NAVIGATION.fullmatch(text.strip(_NOT_WORDS)))


def _is_navigation(block: Block) -> bool:
    return is_navigation(block.text)


def is_furniture(text: str) -> bool:
    """A field the CMS shows in the article: its tags, when it was published or updated.

    >>> [is_furniture(t) for t in ("Mise à jour : 12 mars 2024", "Étiquettes", "Publié le 3/1/2024")]
    [True, True, True]
    >>> is_furniture("Mise à jour du site de la médiathèque avec l’association.")
    False

    A bar of such links and fields set apart by a middle dot or a bar is one too:

    >>> is_furniture("Imprimer cette page · Partager sur Facebook · Mise à jour : 11 mars 2025")
    True
    """
    if len(text) > FURNITURE_LENGTH:
        return False
    if CMS_FIELD.match(text.strip(_NOT_WORDS)):
        return True
    pieces = [p for p in _BAR_SEPARATOR.split(text) if p.strip(_NOT_WORDS)]
    if len(pieces) > 1 and all(is_navigation(p) or CMS_FIELD.match(p.strip(_NOT_WORDS)) for p in pieces):
        return True
    if len(pieces) > 1 and any(_RECORD_COUNT.fullmatch(p.strip(_NOT_WORDS)) for p in pieces) \
        and all(is_navigation(p) or CMS_FIELD.match(p.strip(_NOT_WORDS))
                or _RECORD_COUNT.fullmatch(p.strip(_NOT_WORDS)) or _field_date(p) for p in pieces):
        return True
    return _byline(text)


def _byline(text: str) -> bool:
    """A CMS's by-line: its author, the date of the page's last update, a link to its
    history, set apart by dashes or dots; one piece at least is the date's field.

    >>> _byline("par webmestre — Dernière modification 03/02/2024 10:42 — Historique")
    True
    >>> _byline("Rédigé par Anne Martin · Publié le 12 mars 2024")
    True
    >>> _byline("2019 — accueil par la Ville de six jeunes — Dernière modification : 2024")
    False
    >>> _byline("par webmestre — 03/02/2024 10:42"), _byline("2019 — 03/02/2024")
    (True, False)
    """
    pieces = [p.strip(_NOT_WORDS) for p in _BYLINE_SEPARATOR.split(text) if p.strip(_NOT_WORDS)]
    authors = [p for p in pieces if (author := _BYLINE_AUTHOR.match(p)) is not None
               and not any(c.isdigit() for c in p)
               and len(re.findall(r"\w+", p[author.end():])) <= BYLINE_WORDS]
    # the date's field, or, beside the author, the date alone with its time ("par webmestre —
    # 03/02/2024 10:42")
    dated = [p for p in pieces if CMS_FIELD.match(p) or _EDIT_NOTICE.match(p)
             or (authors and label_alone(_CLOCK.sub("", p)) is not None)]
    return len(pieces) > 1 and bool(dated) and all(
        p in dated or p in authors or is_navigation(p) or _BYLINE_LINK.fullmatch(p) for p in pieces)


# A section's count of its records ("11 actions recensées"), a piece of its summary line.
_RECORD_COUNT = re.compile(r"\d{1,5}\s+[^\W\d_]+\s+(?:"
                           + "|".join(lexicon("furniture")["record_count_participles"]) + r")e?s?",
                           re.IGNORECASE)
FIELD_NAME_WORDS = 3  # words of a summary's field name before its date ("Dernière action : …")


def _field_date(piece: str) -> bool:
    """A field of a summary line: a short name, a colon, a date alone ("Dernière action :
    avril 2025"), in a line that also counts the section's records.

    >>> is_furniture("Dernière action : avril 2025 · 11 actions recensées · Retour au sommaire")
    True
    >>> is_furniture("Dernier séjour : avril 2025 · accueil de 11 jeunes")
    False
    """
    name, colon, value = piece.partition(":")
    return bool(colon) and 0 < len(name.split()) <= FIELD_NAME_WORDS and not any(c.isdigit() for c in name) \
        and label_alone(value.strip()) is not None


# What sets apart the links and fields of a bar of the site's tools ("Imprimer · Partager").
_BAR_SEPARATOR = re.compile(r"\s[·•|]\s")
# ... and the pieces of a by-line, which dashes part too ("par webmestre — Dernière
# modification …"): its author's piece opens with one of ``byline_authors``, its links are
# ``byline_links`` (pipeline/french/lexicon/furniture.toml).
_BYLINE_SEPARATOR = re.compile(r"\s[·•|—–-]\s")
_BYLINE_AUTHOR = _openings(_FURNITURE_CUES["byline_authors"], colon=False)
_BYLINE_LINK = re.compile(_openings(_FURNITURE_CUES["byline_links"], colon=False).pattern + r"$",
                          re.IGNORECASE)
_CLOCK = re.compile(_FURNITURE_CUES["byline_time"])  # the time after a by-line's date
BYLINE_WORDS = 5  # words of an author's name, or a service's, after "par"


def around_the_text(text: str) -> str | None:
    """What a block written around the page's text is, or ``None``: a picture's caption or
    credit (the copyright sign, "Photo : …"), a link to further reading ("Lire aussi : …"),
    a contact line (an e-mail address or a phone number), a footnote (opens with its mark).
    A dated entry is none of them.

    >>> [around_the_text(t) for t in ("© Photo : Mairie", "Lire aussi : Les 60 ans du jumelage",
    ...     "(1) Source : rapport 2019.", "2019 : visite © Mairie", "Accueil de 12 jeunes.")]
    ['caption or credit of a picture', 'link to further reading', 'footnote', None, None]
    >>> {around_the_text(t) for t in ("Contact : relations@ville.fr – 01 49 60 25 05",
    ...     "Pour nous écrire : amis@ville.fr – Permanence le mardi de 14h à 18h, salle 3",
    ...     "Maison des associations, 3 rue Haute, 61120 Vimoutiers. Ouverte de 9 h à 12 h.")} == {CONTACT}
    True
    >>> around_the_text("Découvrir le séjour « Village du monde »") == DOCUMENT_LINK
    True
    >>> around_the_text("À lire aussi dans le journal n° 498 (décembre 2020) : « Sahara »") == FURTHER_READING
    True
    >>> {around_the_text(t) for t in ("Télécharger le protocole de 2005 (PDF, 2 Mo)",
    ...     "Vidéo : voyage des jeunes, été 2019 (3 min)", "Le bilan 2016-2020 (pdf, 850 Ko)",
    ...     "2011 Accueil des choristes - diaporama", "Le concert des jeunes (vidéo)")}
    {'link to a document or a medium'}
    >>> [around_the_text(t) for t in ("Nous utilisons des cookies. En 2024, tout a changé.",
    ...                               "{{< figure src=x >}}")] == [SITE_CHROME, TEMPLATE_CODE]
    True
    >>> {around_the_text(t) for t in ("[JM1]Vérifier la date : mars 2021 ou avril 2022 ?",
    ...     "[b] 2019 ou 2020 ? à voir avec Paul", "[À vérifier avec le service : 2019 ?]",
    ...     "(à compléter)")} == {EDITOR_COMMENT}
    True
    >>> around_the_text("2019 : accueil de jeunes (à confirmer)") is None
    True
    >>> [around_the_text(t) for t in ("Nos actions depuis 2018 sont dans le tableau ci-après.",
    ...                               "En 2005, signature de la convention reproduite ci-dessous.")]
    ['sentence that sends the reader to another part of the page (a pointer, no event)', None]
    >>> around_the_text("[1] Source : rapport 2019.") == FOOTNOTE
    True
    >>> [around_the_text(t) == CAPTION for t in ("Jumièges - Photo Cécile Elie", "Photo de groupe",
    ...     "Le 14 mai 2005 à la mairie, de gauche à droite : M. et Mme Dupont - JPEG - 122.2 ko")]
    [True, False, True]
    >>> [around_the_text(t) == COLOPHON for t in ("Maquette : service Com · Impression : Imprimerie Dupont",
    ...     "Imprimé sur papier recyclé", "2019 : impression : 2 000 affiches pour le festival")]
    [True, True, False]
    """
    if _TEMPLATE_CODE.match(text):
        return TEMPLATE_CODE
    if _COMMENT_MARK.match(text) or _EDITOR_NOTE.match(text):
        return EDITOR_COMMENT
    if key_figures(text):
        return KEY_FIGURES
    if IMAGE_CAPTION_END.search(text):
        return CAPTION
    if len(text) > FURNITURE_TEXT or split_any_label(text):
        return None
    if any(sign in text for sign in _COPYRIGHT) or _COPYRIGHT_LETTERS.match(text) or _CREDIT.match(text) \
            or (_CREDIT_NAME.match(text) and _capitalised_end(text)):
        return CAPTION
    if _PRINT_FORMULA.search(text) or len(_PRINT_CREDIT.findall(text)) >= PRINT_CREDITS:
        return COLOPHON
    if _FURTHER_READING.match(text) or _FURTHER_READING_OPENING.match(text):
        return FURTHER_READING
    if _POINTER.search(text) and _PAGE_PART.search(text) and len(_SENTENCE_END.findall(text.strip())) <= 1:
        return CROSS_REFERENCE
    if (_DOWNLOAD.match(text) and _says_little(text)) or _MEDIA.match(text) or _FILE.search(text) \
            or (_MEDIA_END.search(text) and _says_little(text)):
        return DOCUMENT_LINK
    if _CHROME.search(text) or _CHROME_TITLE.fullmatch(text.strip(_NOT_WORDS)) or _controls(text):
        return SITE_CHROME
    if (_EMAIL.search(text) or _PHONE.search(text)) and (
            _CONTACT.match(text) or _says_little(text, _EMAIL, _PHONE)):
        return CONTACT
    if _OPENING_HOURS.search(text) and _POSTAL_ADDRESS.search(text):  # "…, 61120 Vimoutiers. Du lundi
        return CONTACT  # au vendredi, de 8 h 30 à 17 h 30": a service's address and hours
    if address_line(text):
        return CONTACT
    return FOOTNOTE if _FOOTNOTE_MARK.match(text) else None


_ADDRESS_PIECES = re.compile(r"\s[–—·•|]\s|,\s")
ADDRESS_PIECES = 5  # a name, a building, a street, a postbox, the postcode and town
ADDRESS_LENGTH = 160  # characters of an address alone on its line
TOWN_WORDS = 4  # words of a town's name after its postcode ("Saint-Aubin Cedex")


def address_line(text: str) -> bool:
    """A postal address alone on its line, as a letter's or a newsletter's foot writes it
    ("Mairie de Saint-Aubin – 2 place de la Halle – 35250 Saint-Aubin-d'Aubigné"): pieces
    apart by dashes, middle dots, bars or commas, the last a postcode and its town, no
    date in any.

    >>> address_line("Mairie de Saint-Aubin – 2 place de la Halle – 35250 Saint-Aubin-d'Aubigné")
    True
    >>> address_line("Comité de jumelage · BP 12 · 61120 Vimoutiers Cedex")
    True
    >>> address_line("Accueil des jeunes le 12 mai 2023 – 61120 Vimoutiers")
    False
    """
    if len(text) > ADDRESS_LENGTH:
        return False
    pieces = [p.strip() for p in _ADDRESS_PIECES.split(text.strip().rstrip("."))]
    last = pieces[-1]
    return 2 <= len(pieces) <= ADDRESS_PIECES and _POSTAL_ADDRESS.match(last) is not None \
        and len(last.split()) <= TOWN_WORDS and not any(find_dates(p) for p in pieces)


def key_figures(text: str) -> bool:
    """A line of key figures: a title that says so (``counter_titles``, a year maybe
    after it), a colon, then figures apart by dashes, middle dots, bars or semicolons, each
    opening with a number.

    >>> key_figures("Chiffres clés 2022 : 4 villes partenaires – 90 000 € de budget – 60 jeunes partis")
    True
    >>> key_figures("En chiffres : 12 séjours ; plus de 300 participants ; 3 conventions")
    True
    >>> key_figures("Repères : le jumelage a été signé en 1985 avec Gao.")
    False
    >>> key_figures("2019 : 12 jeunes – 3 animateurs – 2 élus")
    False
    """
    found = _KEY_FIGURES_TITLE.match(text)
    if not found or len(text) > FURNITURE_TEXT:
        return False
    pieces = [p.strip() for p in _FIGURES_APART.split(text[found.end():]) if p.strip()]
    return len(pieces) >= KEY_FIGURES_MIN and all(_OPENS_ON_FIGURE.match(p) for p in pieces)


def _dated_apart(text: str, entry: _Draft) -> bool:
    """True when a paragraph that reads as a continuation gives, in its first sentence, a
    date of its own outside the entry above's period ("Il y a dix ans, en 2014, …" under
    "De 2006 à 2010, …"): it is an entry of its own.

    >>> _dated_apart("Il y a dix ans, en 2014, une brigade est venue.", _Draft.start("2006", "2006 : x", 1))
    True
    >>> _dated_apart("Ce séjour a eu lieu en juin 2006.", _Draft.start("2006", "2006 : x", 1))
    False
    >>> _dated_apart("Quatre ans plus tard, séjour de jeunes.", _Draft.start("2009", "2009 : x", 1))
    True
    """
    before = parse_label(entry.label) if entry.label else None
    if before is not None and before.end_year is not None \
            and (told := told_after(text, (before.end_year, before.end_month, None))) \
            and (then := parse_label(told[1])) is not None and then.start_year is not None \
            and then.start_year > before.end_year:  # "Quatre ans plus tard, …" under "2009 : …"
        return True
    found = date_in(text)
    if found is None or found.period is None or found.period.yearless:
        return False  # a day without its year is not apart from anything
    if before is None:
        return entry.label is None  # an undated entry above: the dated paragraph is another
    now = found.period
    return bool((before.end_date and now.start_date and now.start_date > before.end_date)
                or (before.start_date and now.end_date and now.end_date < before.start_date))


def _annotated(entries: list[_Draft], footnote: str) -> _Draft | None:
    """The entry of the section that holds the footnote's mark ("… à Torodo (1).", "2015¹ :
    accueil …"), the nearest above it: a note right under its entry, or the notes a part
    gathers at its end ("¹ Vingt-deux élèves …", "² …" under the part's last entry), each
    found by its own mark, never by a longer one that starts with it ("¹⁰" is not "¹"). A
    note whose mark no entry holds is set aside (its fact is not clear)."""
    mark = _FOOTNOTE_MARK.match(footnote)
    if not entries or mark is None:
        return None
    digits = "¹²³⁴⁵⁶⁷⁸⁹⁰" if mark.group()[0] in "¹²³⁴⁵⁶⁷⁸⁹⁰" else ""
    held = re.compile((rf"(?<![{digits}])" if digits else "") + re.escape(mark.group())
                      + (rf"(?![{digits}])" if digits else ""))
    return next((entry for entry in reversed(entries) if any(held.search(piece) for piece in entry.pieces)),
                None)


def _furniture_value(text: str) -> bool:
    """A value under a CMS field's name: a few words, no sentence nor entry ("12 mars 2024",
    "Cuba", not "2024 : visite").

    >>> _furniture_value("12 mars 2024"), _furniture_value("2024 : visite")
    (True, False)
    """
    if len(text.split()) > FURNITURE_VALUE_WORDS or text.rstrip().endswith((".", ":", "!", "?")):
        return False
    labelled = split_any_label(text)
    return not labelled or not labelled[1].strip()


def label_alone(text: str) -> str | None:
    """The date label a paragraph holds alone ("2024", "Juin 2012 :"), whose entry is the
    paragraph below it; ``None`` for any other paragraph.

    >>> label_alone("2024"), label_alone("Printemps 2021 :"), label_alone("2024 : accueil")
    ('2024', 'Printemps 2021', None)
    >>> label_alone("2020, 2021 et 2022"), label_alone("Accueil de jeunes") is None
    ('2020, 2021 et 2022', True)
    """
    if len(text) > LABEL_WINDOW:
        return None
    if _post_age(text):  # "5 h · 🌍": a post's age, its date unknown: a label kept as written
        return text.strip()
    # the text read as a label ended by a colon: only a text whose colon falls among the
    # characters a label is read from (``MAX_LABEL``) can be wholly a label
    if len(text.rstrip()) + 2 <= MAX_LABEL and closes_label(text):
        found = split_any_label(text.rstrip() + " :")
        if found and not found[1].strip() and found[0] == text.strip():
            return None if _says_status(found[0]) else found[0]
    found = split_any_label(text)
    return found[0] if found and not found[1].strip() and not _says_status(found[0]) else None


def _says_status(label: str) -> bool:
    """Whether the words of a label alone before its date state a status ("Abandonné en
    2021", "Reporté à 2025": a card's chip under its title, said of the entry above it,
    no label of the text below)."""
    return label[:1].isalpha() and status_before_date(label)


# A sentence dated at its end glued to the next one by a copy-paste: "… (2008).Le programme".
_GLUED_AFTER_DATE = re.compile(rf"(?<=\)\.)(?={CAPITAL}[^\W\d_])")


def trailing_label(text: str, year: int | None = None) -> str | None:
    """The date an entry written text first gives at the end of its first sentence, in
    brackets ("Accueil de six jeunes (2003-2014).", "Délégation à Cuba (mai 2018). Elle
    …"): the entry's label when none opens it. The bracket may hold the date beside a
    remark or an event ("(2021-2022, avec un an de retard)", "(Semaine du cinéma, mars
    2024)"): its part that is a label alone. ``None`` for any other bracket ("(Cuba)",
    "(source : …, bilan arrêté en décembre 2024)").

    >>> trailing_label("Prêt de 40 vélos au club (juin 2021). Ils sont revenus en 2022.")
    'juin 2021'
    >>> trailing_label("Chantier d’un puits (2019-2020, avec du retard)."), trailing_label("Fête (Pérou).")
    ('2019-2020', None)
    >>> trailing_label("Concert (Festival des Suds, octobre 2016)."), trailing_label("Jardin (2019) et mare.")
    ('octobre 2016', None)

    Under a lead line of a year (``year``: "Faits marquants 2025", then its items), the
    bracket may hold a date without its year ("(7-18 juillet)", "(juillet-août)"): that
    year's (:func:`pipeline.dates.with_year`).

    >>> trailing_label("Voyage de jeunes (7-18 juillet)", 2025), trailing_label("Voyage (juillet)")
    ('7-18 juillet', None)
    """
    tail = first_sentence(text).rstrip(" .;\u00a0")
    opening = tail.rfind("(", max(0, len(tail) - LABEL_WINDOW))
    inside = tail[opening + 1:-1]
    if not tail.endswith(")") or opening < 0 or ")" in inside:
        return None
    for part in (inside, *inside.split(",")):  # the grammar reads the label as a date
        if part.strip() and (alone := label_alone(part.strip())) \
                and (period := parse_label(alone)) is not None and period.start_year is not None:
            return alone
        if part.strip() and year is not None and (alone := label_alone(part.strip())) \
                and (completed := with_year(alone, year)) and (period := parse_label(completed)) is not None \
                and period.start_year == year:
            return alone
    return None


def _without_year(label: str) -> bool:
    period = parse_label(label)
    return period is None or period.start_year is None


def _lead_year(entries: list[_Draft]) -> int | None:
    """The year of the entry above when it is a lead line alone dated by one year ("b)
    Faits marquants 2025", its items below): the year of the items' dates written without
    it."""
    if not entries or len(entries[-1].pieces) != 1 or entries[-1].label is not None \
            or len(entries[-1].pieces[0]) > MAX_LEAD_LINE or entries[-1].pieces[0].rstrip()[-1:] in ".;!?":
        return None
    found = [f.period for f in find_dates(entries[-1].pieces[0]) if f.period is not None]
    if len(found) != 1 or found[0].start_month is not None or found[0].start_year != found[0].end_year:
        return None
    return found[0].start_year


MAX_LEAD_LINE = 60  # characters of a lead line that dates the items below it by its year


# Words that may come before a place's name when a paragraph speaks of it ("La commune de…"):
# articles and kinds of place (pipeline/french/lexicon/places.toml).
_BEFORE_NAME = frozenset(lexicon("places")["before_name"])


def speaks_of(text: str, place: set[str]) -> bool:
    """The paragraph's subject is the partner's place: it opens with its name, maybe after
    an article and a kind of place ("La commune de Tamba est située…").

    >>> speaks_of("La commune de Tamba est située au bord du fleuve.", {"tamba"})
    True
    >>> speaks_of("Soutien de la Ville à l’école de Tamba.", {"tamba"})
    False
    """
    for word in slug(text[:LABEL_WINDOW]).split("-"):
        if word not in _BEFORE_NAME:
            return word in place
    return False


def _fiche_line(text: str, entry: _Draft | None, after_field: bool) -> bool:
    """A line of a fiche that belongs to the entry above it: a value under a key that
    names a fact of the entry (:mod:`pipeline.fields`: "Budget : 7 500 €", "Participants :
    16", "Statut : en cours"), or under any key right after such a line ("Lieu : Gao"). A
    key of the entry's text ("Projet : …") starts an entry; so does a date key under an
    entry that has its date already (the next fiche, written without a title).

    >>> draft = _Draft.start(None, "Accueil de footballeurs", 12)
    >>> [_fiche_line(t, draft, False) for t in ("Budget : 7 500 €", "Projet : forages", "2019 : accueil")]
    [True, False, False]
    >>> dated = _Draft.start("2019", "2019 : accueil", 3)
    >>> _fiche_line("Date : juillet 2019", draft, False), _fiche_line("Date : mai 2020", dated, False)
    (True, False)
    """
    found = field_line(text) if entry is not None else None
    if found is None or entry is None or found.kind == TEXT:
        return False
    if found.kind == DATE:
        return entry.label is None and date_field("".join(entry.pieces)) is None
    return found.kind is not None or after_field


FICHE_TITLE = 120  # characters: a fiche's title is a short line


def _opens_fiche(text: str) -> bool:
    """A date line of a fiche ("Date : juillet 2019"): it starts an entry; a date of the
    project's or the body's own span ("Date de création : 1978") does not."""
    found = field_line(text)
    return found is not None and found.kind == DATE and not span_key(found.key)


def _fiche_start(description: list[Block], line: Block) -> _Draft:
    """The entry a fiche's date line starts before any other entry of its section: with
    the title above it ("Festival des cultures", short, no sentence's end), which the
    description had taken, else from the date line.

    >>> title = Block("paragraph", "Festival des cultures", 5)
    >>> draft = _fiche_start([title], Block("paragraph", "Date : mai 2021", 7))
    >>> "".join(draft.pieces), draft.line
    ('Festival des cultures\\nDate : mai 2021', 5)
    """
    above = description[-1] if description else None
    if above is None or len(above.text) > FICHE_TITLE or above.text.rstrip().endswith(
            (".", "!", "?", ":", "…")):
        return _Draft.start(None, line.text, line.line)
    description.pop()
    draft = _Draft.start(None, above.text, above.line)
    draft.extend(line.text, line.line, "\n")
    return draft


# A year written in a heading ("L'année 2024 en bref", "Bilan 2023"): the year of the month
# sub-headings below it
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


class _DateHeadings:
    """The sub-heading of a section that is a date alone ("Mars", "Mars 2024", "Été 2023"),
    under which each paragraph that has no date of its own is an entry of that date: a
    recap written month by month ("L'année 2024 en bref", then "Janvier", "Mars", …, a
    paragraph or two under each). A month without its year takes the one year of the
    heading above it. Any other heading ends it."""

    def __init__(self) -> None:
        self.label: str | None = None
        self.line = 0
        self.year: int | None = None  # the one year of the last heading that is no date
        self.period: str | None = None  # the label with that year, when it has none
        self.started: dict[int, str | None] = {}  # the entries it dated: line -> period

    def heading(self, block: Block, role: Role) -> None:
        self.label = label_alone(block.text) if role == "sub" else None
        self.line = block.line
        self.period = None
        if self.label is None:
            years = set(_YEAR.findall(block.text))
            self.year = int(years.pop()) if len(years) == 1 else None
            return
        read = parse_label(self.label)
        if self.year and (read is None or read.yearless) \
                and parse_label(f"{self.label} {self.year}") is not None:  # "Mars" under "… 2024"
            self.period = f"{self.label} {self.year}"
        elif read is None:  # a heading that names a thing and its date ("Jumelage depuis
            self.label = None  # 1963", "Synthèse des actions 2019-2024") dates no paragraph

    def dates(self, block: Block) -> bool:
        """The block is an undated paragraph or item under a date heading."""
        return self.label is not None and block.kind in ("paragraph", "list_item") \
            and not split_any_label(block.text) and not label_alone(block.text) \
            and not (block.bold and label_alone(block.text[:block.bold]))

    def completed(self, entry: Entry) -> Entry:
        if (period := self.started.get(entry.line)) and entry.period_label is None:
            return replace(entry, period_label=period)
        return entry


def _beside_its_twin(at: int, blocks: list[tuple[Block, Role]]) -> bool:
    """A block in another language is a translation beside the French when it is undated
    or when a block next to it opens with the same date ("2015 : accueil …" beside "2015:
    Schüler …"): the same entry, once. A dated entry written in another language with no
    such twin ("Juillet 2024: a group of 15 young people …", on a page a machine
    translated whose new entries were written in English) is an entry of its own."""
    labelled = split_any_label(blocks[at][0].text)
    if labelled is None:
        return True
    for near in (at - 1, at + 1):
        if 0 <= near < len(blocks) and (twin := split_any_label(blocks[near][0].text)) \
                and parse_label(twin[0]) == parse_label(labelled[0]):
            return True
    return False


def _fill_section(section: Section, blocks: list[tuple[Block, Role]],
                  set_aside: list[SetAside]) -> None:
    """Sort a section's blocks into its description, its entries and what is set aside.

    The description is the undated prose about the partner: the paragraphs before the
    first entry, or, when an entry was placed above them, the first undated paragraph that
    names the partner's place. A label alone on its line takes the paragraph below it."""
    entries: list[_Draft] = []
    told: list[Entry] = []  # events of the tie told in the description's sentences
    items: set[int] = set()  # the lines of list items that start an entry
    lines: set[int] = set()  # the lines under a dated item that each start an entry of its date
    place = name_words(place_name(split_heading(section.heading.text)[0]))
    frames: list[tuple[int, int | None]] = []  # (line, year) of each heading: the year it frames
    other = teasers = furniture = label_only = described = dated_item = after_field = tie_value = False
    span_value = trailing = False  # trailing: the entries so far are dated at their end
    lead_items: tuple[int, int] | None = None  # (year, line of the item) the lead line above dates
    posted = False  # the last entry opened on a post's time line: the post's text goes on in it
    sub_part = False  # under a sub-heading of the section ("Les temps forts", "Historique")
    with_labels: bool | None = None  # the section writes its entries with labels (read once, if asked)
    under = _DateHeadings()  # a sub-heading that is a date alone dates the paragraphs below it
    for at, (block, role) in enumerate(blocks):
        if block.aside:
            set_aside.append(SetAside(block, block.aside))
            continue
        if block.kind == "heading" and role == "sub" and furniture and _furniture_value(block.text):
            set_aside.append(SetAside(block, FURNITURE, warn=True))  # a tag: "Étiquettes", "Coopération"
            continue
        if block.kind == "heading":
            under.heading(block, role)
            other = role == "other"
            teasers = other and heading_key(block.text) in _TEASER_HEADINGS
            reason = {"sub": SUB_HEADING, "other": OTHER_HEADING}.get(role, GROUP_HEADING)
            set_aside.append(SetAside(block, reason, warn=other))
            frames.append((block.line, framed_year(block.text) if role == "sub" else None))
            # a sub-heading between a date alone and its text (a timeline card's title) leaves
            # the date waiting for its text
            label_only = label_only and role == "sub"
            described = furniture = after_field = posted = False
            sub_part = role == "sub"
            continue
        if _is_navigation(block):
            set_aside.append(SetAside(block, NAVIGATION_LINK))
            continue
        if other_language(block.text) and _beside_its_twin(at, blocks):  # the same entry
            set_aside.append(SetAside(block, OTHER_LANGUAGE))
            continue
        if is_furniture(block.text) or (furniture and _furniture_value(block.text)):
            set_aside.append(SetAside(block, FURNITURE, warn=True))
            furniture = True
            continue
        furniture = False
        if other and around_the_text(block.text) == FOOTNOTE and (noted := _annotated(entries, block.text)):
            noted.extend(block.text, block.line, "\n\n")  # a part's notes under their own
            continue  # heading ("Notes :"), each with the entry that holds its mark
        if other:
            dated = split_any_label(block.text) is not None or label_alone(block.text) is not None
            if dated and teasers:
                set_aside.append(SetAside(block, TEASER, warn=True))
            else:
                set_aside.append(SetAside(block, LOST_ENTRY if dated else UNDER_OTHER_HEADING, loss=dated))
            continue
        if around := around_the_text(block.text):
            if around == FOOTNOTE and (noted := _annotated(entries, block.text)):
                noted.extend(block.text, block.line, "\n\n")  # the footnote stays with its fact
            else:
                set_aside.append(SetAside(block, around))
            continue
        if span_value and len(block.text) <= MAX_LABEL:  # the value of a span's key above
            set_aside.append(SetAside(block, SPAN_FIELD))
            span_value = False
            continue
        span_value = False
        if key_alone(block.text) == DATE and span_key(block.text):  # "Année de début :" above
            set_aside.append(SetAside(block, SPAN_FIELD))  # "1989": the project's own span
            span_value = True
            continue
        if tie_value and not entries:  # the value of the tie's key above: the partner's fact
            section.description.append(block)
            tie_value = False
            continue
        tie_value = False
        if not entries and tie_key(block.text):  # "Date de signature :", its value below: the
            section.description.append(block)  # agreement's date (pipeline.fields.tie_field),
            tie_value = True  # not an entry's label
            continue
        if key_alone(block.text) == DATE:  # its value below is the entry's label
            set_aside.append(SetAside(block, FIELD_KEY))
            continue
        if asked := _asked_date(block.text):  # "Quand ? En 2012.", then "Quoi ? …" below
            entries.append(_Draft.start(asked, block.text, block.line))
            label_only, described, after_field = True, False, False
            continue
        fiche = _fiche_line(block.text, entries[-1] if entries else None, after_field)
        after_field = fiche
        if fiche:
            entries[-1].extend(block.text, block.line, "\n")
            label_only = False
            continue
        if not entries and _opens_fiche(block.text):  # the section's first entry is a fiche
            entries.append(_fiche_start(section.description, block))
            after_field, label_only, described = True, False, False
            continue
        if under.dates(block) and not (entries and entries[-1].line > under.line
                                       and continues_previous(block.text)):
            entries.append(_Draft.start(under.label, block.text, block.line))
            under.started[block.line] = under.period
            label_only = described = False
            continue
        timeline = label_only and dated_item  # a timeline's item: its date, then its text below
        lead, lead_line = None, False
        if block.kind == "list_item":
            lead = lead_items[0] if lead_items and entries and entries[-1].line == lead_items[1] else None
            lead_line = lead is None and (lead := _lead_year(entries)) is not None
        if (block.kind == "list_item" or trailing) and (not entries or trailing or lead) and not timeline \
                and not split_any_label(block.text) and not label_alone(block.text) \
                and field_line(block.text) is None \
                and (last := trailing_label(block.text, lead)):  # "Accueil de jeunes (mai 2018)."
            if lead_line and _without_year(last):  # the lead line is the items' sub-heading
                above = entries.pop()
                set_aside += [SetAside(b, SUB_HEADING) for b, _ in blocks[:at] if b.line == above.line][:1]
            for n, piece in enumerate(_GLUED_AFTER_DATE.split(block.text)):  # "… (2008).Le …"
                again = trailing_label(piece) or (last if n == 0 else None)
                if again or n == 0:
                    entries.append(_Draft.start(again, piece, block.line))  # its date at its end
                    if again and lead and _without_year(again):  # "(juillet)" under "… 2025"
                        entries[-1].period = with_year(again, lead)
                        lead_items = (lead, block.line)
                else:
                    entries[-1].extend(piece, block.line, " ")
            trailing, label_only, described = True, False, False
            items.add(block.line)
            continue
        if block.kind == "list_item" and not split_any_label(block.text) and not label_alone(block.text) \
                and not timeline and not (block.bold and label_alone(block.text[:block.bold])):
            if entries and entries[-1].line in lines:
                entries.append(_Draft.start(None, block.text, block.line))  # after an item's
                label_only = described = False  # lines ("• 2004 : …" / "Formation …"): a new item
                items.add(block.line)
            elif entries and entries[-1].label is None and not continues_previous(block.text) \
                    and _dated_apart(block.text, entries[-1]):  # a dated item under an undated
                entries.append(_Draft.start(None, block.text, block.line))  # line: its own entry
                label_only = described = False
            elif entries:
                entries[-1].extend("• " + block.text, block.line, "\n")
                label_only = False
            else:
                section.description.append(block)  # an item of its description: its events
                told += [Entry(e.label, text.strip(), block.line, block.line, period_label=e.resolved)
                         for text, e in tie_events(block.text)]  # of the tie, as a paragraph's
            continue
        if sub_part and not label_only and block.kind == "paragraph" and not block.bold \
                and (with_labels if with_labels is not None else (with_labels := _labelled_entries(blocks))) \
                and blocks[at - 1][0].kind == "heading" \
                and (at + 1 == len(blocks) or blocks[at + 1][0].kind == "heading") \
                and (events := _events_told(block, section.heading)):
            entries += events  # a box of the section's latest news, told in a paragraph
            described = False
            continue
        # "<strong>2025</strong> Accueil…", "<strong>2020, 2021 et 2022</strong> l'accueil…":
        # the bold run is the label, with no colon, when it is a label alone longer than the
        # label the text opens with
        bold_label = label_alone(block.text[:block.bold]) if block.bold else None
        own = split_any_label(block.text) if bold_label else None
        # the text's own label wins when it is longer and the grammar reads it; "2005
        # Gao, Kita et …" after a badge "2005" is no label: the element's end is
        if bold_label and own and len(bold_label) <= len(own[0]) and own[2]:
            bold_label = None
        for n, piece in enumerate(split_run_together(block.text)):
            labelled = (bold_label, piece) if n == 0 and bold_label else split_any_label(piece)
            if labelled and labelled[0] == bold_label and n == 0:
                entries.append(_Draft.start(bold_label, piece, block.line))
                label_only = described = False
            elif label_only and (not labelled or _said_again(labelled[0], entries[-1].label)) \
                    and not label_alone(piece):  # its text, maybe opening with the same date
                entries[-1].extend(piece, block.line, "\n")  # ("2016/..", then "Depuis 2016, …")
                label_only = False
            elif alone := label_alone(piece):
                entries.append(_Draft.start(alone, piece, block.line))
                label_only, described = True, False
                dated_item = block.kind == "list_item"
                posted = _post_time(piece) or _post_age(piece)
            elif labelled:
                entries.append(_Draft.start(labelled[0], piece, block.line))
                label_only = described = posted = False
            elif posted and entries and not any(f.period and f.period.start_year for f in find_dates(piece)):
                # a post's next paragraph ("62 ans d'amitié …", then "Rendez-vous samedi …"):
                # one post, unless it dates itself with a year ("du 3 au 7 novembre 2025")
                entries[-1].extend(piece, block.line, "\n\n")
            elif not entries or (described and continues_previous(piece)):
                section.description.append(Block("paragraph", piece, block.line))
                if not entries:  # its events of the tie, told inside its sentences
                    told += [Entry(e.label, text.strip(), block.line, block.line, period_label=e.resolved)
                             for text, e in tie_events(piece)]
            elif not section.description and speaks_of(piece, place):
                section.description.append(Block("paragraph", piece, block.line))
                described = True
            elif continues_previous(piece) and not _dated_apart(piece, entries[-1]):
                entries[-1].extend(piece, block.line, "\n\n")
            elif _line_of_item(piece, block, entries[-1], items, lines):  # "• 2004 : Mission …" then,
                entries.append(_Draft.start(entries[-1].label, piece, block.line))  # on the next
                described = False  # line, "Formation à la bureautique …": an activity of 2004
                lines.add(block.line)  # the item goes on
            else:
                entries.append(_Draft.start(None, piece, block.line))
                described = False
            if block.kind == "list_item" and entries and entries[-1].line == block.line:
                items.add(block.line)
    drafts = [replace(e, period_label=opened) if e.label and (opened := opened_at(e.label))
              else under.completed(_from_page_day(_aged_post(e)))  # "Dès l'automne 1989": then
              for e in (draft.entry() for draft in entries)]
    section.entries = told + _months_of_a_calendar(_years_above(_framed(
        _under_years(_post_days(_told_after(_listed(drafts)), set_aside), set_aside), frames)))


def _aged_post(entry: Entry) -> Entry:
    """A post labelled by its time line alone dated by its text when the line gives no
    year: by its age ("2 sem. · 🌍"), the first date its text gives ("Cet été 2025, six
    enfants …", else "Rendez-vous samedi 11 octobre", its year unknown); by a day with no
    year ("10 mars à 09:30 · 🌍", when it was posted), the first date with a year its text
    gives ("Bilan du programme santé 2022-2024"), else the day. Its label stays as written."""
    label = entry.label
    if entry.period_label is not None or not label:
        return entry
    aged = _post_age(label)
    if not aged and not (_post_time(label) and (audience := _AUDIENCE.search(label)) is not None
                         and ((posted := parse_label(label[:audience.start()])) is None
                              or posted.start_year is None)):
        return entry
    text = entry.text[len(label):] if entry.text.startswith(label) else entry.text
    found = [f for f in find_dates(text) if f.period is not None and f.period.start_year is not None] \
        or (find_dates(text, yearless=True) if aged else [])
    return replace(entry, period_label=found[0].text) if found else entry


def _labelled_entries(blocks: list[tuple[Block, Role]]) -> bool:
    """The section writes its entries as paragraphs opening on a date label ended by a
    colon or a dash ("2003-2014 : accueil …"), ``SEVERAL`` of them at least."""
    count = 0
    for block, _ in blocks:
        labelled = None if block.kind == "heading" or block.aside else split_any_label(block.text)
        count += labelled is not None and not _comma_label(block.text, labelled[0])
        if count >= SEVERAL:
            return True
    return False


def _comma_label(text: str, label: str) -> bool:
    """The label opens the text's first sentence, ended by a comma ("En mars 2023, une
    délégation …"), not a label set apart by a colon or a dash."""
    return text.startswith(label) and text[len(label):].lstrip()[:1] == ","


def _events_told(block: Block, heading: Block) -> list[_Draft] | None:
    """The events the one paragraph under a sub-heading of a partner's section whose
    entries are labelled (:func:`_labelled_entries`) tells in its sentences, each opening on
    its own date or on one relative to the date before it ("En mars 2023, … Le mois
    suivant, … À l'automne de la même année, …": a box of the latest news above the
    section's dated entries), one entry each, as a story's sentences are
    (:func:`_told_in_prose`); ``None`` for a paragraph that opens on a label ended by a
    colon or a dash ("2019 : accueil …", whose later dates stay inside its entry) or tells
    fewer than ``SEVERAL`` events."""
    text = block.text
    labelled = split_any_label(text)
    if labelled and not _comma_label(text, labelled[0]):
        return None
    if sum(event is not None for _, event in sentences(text, None)) < SEVERAL:
        return None
    aside: list[SetAside] = []
    told = _told_in_prose(Section(heading, [block]), aside, with_above=False)
    if len(told.entries) < SEVERAL or told.description or aside:
        return None
    return [_Draft(e.label, [e.text], e.line, e.line_end, list(e.parts), len(e.text), e.period_label)
            for e in told.entries]


def framed_year(heading: str) -> int | None:
    """The year a sub-heading frames when it sorts the entries below by one year alone
    ("Programme 2019", "Calendrier 2015", "Actions 2021"); ``None`` for any other heading.

    >>> framed_year("Programme 2019"), framed_year("Réalisations 2015-2020"), framed_year("Gao")
    (2019, None, None)
    """
    if not sub_heading(heading):
        return None
    found = [f for f in find_dates(heading) if f.period is not None]
    if len(found) != 1:
        return None
    period = found[0].period
    if period is None or period.start_year is None or period.start_year != period.end_year \
            or period.start_month is not None:
        return None
    return period.start_year


def _framed(entries: list[Entry], frames: list[tuple[int, int | None]]) -> list[Entry]:
    """An entry whose label has no year ("Mars : …", "12 avril : …") under a sub-heading
    that frames one year ("Programme 2019") is in that year: the heading is the period of
    the entries below it, up to the next heading, not an entry of its own."""
    if not any(year for _, year in frames):
        return entries
    lines = [line for line, _ in frames]
    kept = []
    for entry in entries:
        at = bisect_right(lines, entry.line) - 1
        year = frames[at][1] if at >= 0 else None
        if year and entry.label and entry.period_label is None:
            own = parse_label(entry.label)  # "Mars" alone is no date the grammar reads
            whole = f"{entry.label.rstrip(' ,:–-')} {year}"
            if (own is None or own.yearless) and (read := parse_label(whole)) and read.start_year == year:
                entry = replace(entry, period_label=whole)
        kept.append(entry)
    return kept


def _listed(entries: list[Entry]) -> list[Entry]:
    """An entry whose paragraph lists dated items after the colon of their year ("les
    moments forts de l'année 2014 : le Burns Supper en janvier, …, le voyage en avril")
    is one entry an item (:func:`pipeline.narrative.listed_items`): each its words up to
    its date's item, the first with the words before the list, the last with those after;
    its label the item's date as written, its period that date in the list's year.

    >>> [(e.label, e.period_label, e.text) for e in _listed([Entry(None,
    ...     "Les temps forts de l'année 2014 : la galette en janvier, le voyage en mai.", 4, 4)])]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('en janvier', 'en janvier 2014', "Les temps forts de l'année 2014 : la galette en janvier,"),
     ('en mai', 'en mai 2014', 'le voyage en mai.')]
    """
    out: list[Entry] = []
    for entry in entries:
        items = listed_items(entry.text)
        if not items:
            out.append(entry)
            continue
        start = 0
        for n, (end, event) in enumerate(items):
            end = len(entry.text) if n == len(items) - 1 else end
            at = start + len(entry.text[start:end]) - len(entry.text[start:end].lstrip())
            lines = [(offset - at, line) for offset, line in entry.parts if at < offset < end]
            first = entry.line_at(at)
            out.append(Entry(event.label, entry.text[at:end].rstrip(), first,
                             lines[-1][1] if lines else first, [(0, first), *lines], event.resolved))
            start = end
    return out


def _told_after(entries: list[Entry]) -> list[Entry]:
    """An undated entry that opens with a date told relative to the entry before it, in
    the section's order ("Juin 2012 : …", then "La même année, accueil …", "Deux ans plus
    tard, …"), is dated so (:func:`pipeline.narrative.told_after`): its label is the
    words, its period what they stand for. An entry with no date of its own leaves the
    date told before it as it was.

    >>> dated = _told_after([Entry("Juin 2012", "Juin 2012 : tournoi.", 3, 3),
    ...                      Entry(None, "La même année, concert.", 5, 5),
    ...                      Entry(None, "Deux ans plus tard, échange.", 7, 7),
    ...                      Entry("Dès l’année suivante et jusqu’en 2018", "Dès … : cours.", 9, 9)])
    >>> [(e.label, e.period_label) for e in dated]  # doctest: +NORMALIZE_WHITESPACE
    [('Juin 2012', None), ('La même année', '2012'), ('Deux ans plus tard', '2014'),
     ('Dès l’année suivante et jusqu’en 2018', '2015 – 2018')]
    """
    out: list[Entry] = []
    when: tuple[int, int | None, None] | None = None
    for entry in entries:
        if entry.label is None and when is not None and (found := told_after(entry.text, when)):
            entry = replace(entry, label=found[0], period_label=found[1])
        elif entry.label is not None and when is not None and not entry.period_label \
                and (start := _open_start(entry.label, when)):  # "La même année, et jusqu'en 2020"
            entry = replace(entry, period_label=start)
        written = entry.period_label or entry.label
        period = parse_label(written) if written else None
        if period is not None and period.start_year is not None:
            when = (period.start_year, period.start_month, None)
        out.append(entry)
    return out


def _open_start(label: str, when: tuple[int, int | None, None]) -> str | None:
    """A label whose end the grammar reads and whose start is told relative to the entry
    before it ("La même année, et jusqu'en 2020", "Dès l'année suivante et jusqu'en 2016"):
    the whole period, as a range the grammar reads ("2016 – 2020"); ``None`` otherwise
    (at once for a label without a word of "until": most labels, whose dates need not be
    read for it)."""
    if not says_until(label):
        return None
    found = find_dates(label)
    bound = found[-1].period if found else None  # "jusqu'en 2020": a period open at its start
    if bound is None or bound.start_year is not None or bound.end_year is None:
        return None
    start = told_after(label[:found[-1].start], when)
    return f"{start[1]} – {bound.end_year}" if start else None


def _line_of_item(piece: str, block: Block, above: _Draft, items: set[int], lines: set[int]) -> bool:
    """An undated line right under a dated list item, with no blank line between (the item
    goes on over several lines: "• 2004 : Mission d'accompagnement …" / "Formation à la
    bureautique …" / "Accueil d'une délégation …"), is one more activity of the item's
    date."""
    if block.kind != "paragraph" or (above.line not in items and above.line not in lines) \
            or block.line != above.line_end + 1 \
            or above.label is None or date_in(piece) is not None:
        return False
    period = parse_label(above.label)
    return period is not None and period.start_year is not None


def _said_again(label: str, above: str | None) -> bool:
    """Whether a text's own label says the date of the label alone above it again, in other
    words ("2016/..", then "Depuis 2016, chaque été, …"; "2019", then "En 2019, …"): the
    text of that date, one entry, not a date with nothing under it and the same date below.

    >>> _said_again("Depuis 2016", "2016/.."), _said_again("En 2019", "2019"), _said_again("Mai 2019", "2019")
    (True, True, False)
    """
    if above is None:
        return False
    one, other = parse_label(label), parse_label(above)
    return one is not None and other is not None and one.edtf == other.edtf


def _year_alone(entry: Entry) -> str | None:
    """The year an entry opens with alone on its line ("1990", then its paragraph), as
    written; ``None`` for any other entry."""
    label = (entry.label or "").strip()
    period = parse_label(label) if label else None
    if period is None or period.edtf != label or not label.isdigit() \
            or entry.text.partition("\n")[0].strip() != label:  # a year, not "2012-06" nor "2016/.."
        return None
    return label


def _under_years(entries: list[Entry], set_aside: list[SetAside]) -> list[Entry]:
    """A year alone on its line with nothing under it but an entry dated inside it
    ("1989", then "Dès l'automne 1989, …") is the heading of the dates below, set aside
    as a sub-heading, not an entry of its own; so is one with nothing under it but
    entries of a month or days without their year ("2024", then "Du 8 au 12 avril : …"),
    which are in its year. (Giving its year to the undated paragraphs
    below it up to the next year was measured: three rows of Bourges's page that no gold
    counts, the real corpus's dated actions precision 78.7 -> 75.0; not done.)"""
    kept: list[Entry] = []
    heading: int | None = None  # the year of the heading the entries are under
    months_of: int | None = None  # the year a month or a day without its year below is in
    for n, entry in enumerate(entries):
        alone = _year_alone(entry)
        below = entries[n + 1] if alone and n + 1 < len(entries) else None
        inside = parse_label(below.label) if below and below.label else None
        if alone and entry.text.strip() == alone and inside and (
                inside.start_year == int(alone) or inside.yearless):
            set_aside.append(SetAside(Block("paragraph", entry.text, entry.line), SUB_HEADING))
            heading = int(alone)
            months_of = heading if inside.yearless else None  # "2024", then "Du 8 au 12 avril : …"
            continue
        read = parse_label(entry.label) if entry.label is not None else None
        if months_of and entry.label and entry.period_label is None and read and read.yearless:
            entry = replace(entry, period_label=f"{entry.label.rstrip(' ,:–-')} {months_of}")
            kept.append(entry)
            continue
        months_of = None
        if entry.label is not None:
            heading = heading if heading and (read := parse_label(entry.label)) \
                and read.start_year == heading else None
        elif heading and (day := next((f for f in find_dates(entry.text) if f.period and f.period.start_date
                                       and f.period.start_date == f.period.end_date
                                       and f.period.start_year == heading), None)):
            entry = replace(entry, label=day.text)  # under "1989", "… Athis-Paray (23/12/89), …"
        kept.append(entry)
    return kept


PROGRAMME_DAYS = 31  # a programme's days are those of a stay, a month at most
HEADLINE = 80  # characters: a headline announcing an event is a short line


def _years_above(entries: list[Entry]) -> list[Entry]:
    """A month or a day without its year ("En mai, nous avons accueilli …") right under the
    entries of one year ("En 2015, une délégation …", "2015 : …") is in that year, as a
    reader reads the sentence before it, when it does not come before the month above
    (after "En octobre 2015", "En mai" may be the next year: it stays without one). A date
    of a post's year (:func:`_post_days`) keeps it; an undated entry between changes
    nothing.

    >>> rows = _years_above([Entry("En 2015", "En 2015, une visite.", 1, 1),
    ...                      Entry("En mai", "En mai, un accueil.", 3, 3),
    ...                      Entry("le 3 octobre", "Puis.", 5, 5)])
    >>> [e.period_label for e in rows]
    [None, 'En mai 2015', 'le 3 octobre 2015']
    >>> later = [Entry("En octobre 2015", "…", 1, 1), Entry("En mai", "…", 3, 3)]
    >>> [e.period_label for e in _years_above(later)]
    [None, None]
    """
    kept: list[Entry] = []
    above: tuple[int, int | None] | None = None  # the year of the entries above, its last month
    for entry in entries:
        label = entry.label  # an undated entry's text may open with its date ("En mai, …")
        if label is None and (found := date_in(entry.text)) is not None and entry.text.startswith(found.text):
            label = found.text
        period = parse_label(entry.period_label or label) if entry.period_label or label else None
        if period is None:
            kept.append(entry)
            continue
        if period.yearless and entry.period_label is None and label and above \
                and period.start_month and (above[1] is None or period.start_month >= above[1]):
            entry = replace(entry, label=label, period_label=f"{label.rstrip(' ,:–-')} {above[0]}")
            above = (above[0], period.start_month)
        elif period.start_year is not None and period.start_year == period.end_year:
            above = (period.start_year, period.start_month)
        else:
            above = None
        kept.append(entry)
    return kept


CALENDAR_MONTHS = 3  # labels of a month alone, in the year's order, that make a calendar


def _months_of_a_calendar(entries: list[Entry]) -> list[Entry]:
    """A calendar of the year, one line a month ("Janvier : assemblée générale", "Mars : …",
    "Octobre : …", a committee's yearly meetings): labels that are a month's name alone,
    at least ``CALENDAR_MONTHS`` of them in the year's order, with no year above them to
    complete them (:func:`_framed`, :func:`_years_above` run first). Each is its month, its
    year unspecified (EDTF ``XXXX-01``): a bare month is no date the grammar reads alone
    (:func:`pipeline.dates.month_alone`), but a run of them in order is a calendar.

    >>> rows = _months_of_a_calendar([Entry("Janvier", "Janvier : vœux.", 1, 1),
    ...     Entry("Mars", "Mars : foire.", 2, 2), Entry("Juin", "Juin : fête.", 3, 3)])
    >>> [e.period_label for e in rows]
    ['XXXX-01', 'XXXX-03', 'XXXX-06']
    >>> [e.period_label for e in _months_of_a_calendar(rows[:2])]
    ['XXXX-01', 'XXXX-03']
    """
    months = [(at, month) for at, entry in enumerate(entries) if entry.label and entry.period_label is None
              and (month := month_alone(entry.label)) is not None]
    ordered = all((a.start_month or 0) < (b.start_month or 0) for (_, a), (_, b) in pairwise(months))
    if len(months) < CALENDAR_MONTHS or not ordered:
        return entries
    kept = list(entries)
    for at, month in months:
        kept[at] = replace(kept[at], period_label=month.edtf)
    return kept


def _post_date(entry: Entry) -> tuple[int, int, int] | None:
    """The day an entry that holds its date alone gives ("27 avril 2018" under a post's
    title), written whole; ``None`` for any other entry."""
    period = parse_label(entry.label) if entry.label and entry.text.strip() == entry.label.strip() else None
    if period is None or period.start_date is None or period.start_date != period.end_date:
        return None
    return period.start_date.year, period.start_date.month, period.start_date.day


def _yearless(entry: Entry) -> bool:
    """The entry's date is a day or a month without its year."""
    label = entry.label or ((found := date_in(entry.text)) and found.text)
    period = parse_label(label) if label else None
    return bool(period and period.yearless)


def _joined(entry: Entry, below: Entry) -> Entry:
    """An entry and the block below it as one: a programme's day alone on its line, then
    what it holds ("Samedi 12," then "18h30, Messe du Jumelage")."""
    offset = len(entry.text) + 1
    return Entry(entry.label, f"{entry.text}\n{below.text}", entry.line, below.line_end,
                 entry.parts + [(offset + at, line) for at, line in below.parts], entry.period_label)


def _post_days(entries: list[Entry], set_aside: list[SetAside]) -> list[Entry]:
    """A post's dates without their year, and its programme's days. A day alone on its
    line above the section's first date without its year is when the post was published
    (set aside as the article's furniture): such a date takes its year from it, a side word
    said (:func:`pipeline.narrative.year_from_post`: "Du 10 au 13 mai prochain" in a post
    of 27 April 2018 is May 2018). A programme's day written as its weekday and number
    ("Jeudi 10, 9h00 …") under the days of a stay takes their month and year
    (:func:`pipeline.narrative.programme_day`); alone on its line, it holds the block below."""
    yearless = [i for i, e in enumerate(entries) if _yearless(e)]
    post = next((i for i, e in enumerate(entries[:yearless[0]]) if _post_date(e)), None) if yearless else None
    published = _post_date(entries[post]) if post is not None else None
    kept: list[Entry] = []
    told: tuple[date, date] | None = None
    for i, entry in enumerate(entries):
        if i == post:
            set_aside.append(SetAside(Block("paragraph", entry.text, entry.line), ARTICLE_FURNITURE))
            continue
        label = entry.label
        found = date_in(entry.text) if label is None else None
        if found is not None and entry.text.startswith(found.text):
            label = found.text
        if published and label and (completed := year_from_post(
                label, entry.text[len(label):] if entry.text.startswith(label) else "", published)):
            entry = replace(entry, label=label, period_label=completed)
        elif told and label is None and (day := programme_day(entry.text, told)):
            entry = replace(entry, label=day[0], period_label=day[1])
        elif told and kept and kept[-1].text.strip(" ,") == kept[-1].label and kept[-1].period_label \
                and label is None:
            kept[-1] = _joined(kept[-1], entry)  # the day alone on its line holds this block
            continue
        period = parse_label(entry.period_label or entry.label or "")
        if period and period.start_date and period.end_date and not period.yearless \
                and (period.end_date - period.start_date).days < PROGRAMME_DAYS \
                and (told is None or not told[0] <= period.start_date <= period.end_date <= told[1]):
            told = (period.start_date, period.end_date)  # the days a programme falls in
        above = parse_label(kept[-1].period_label or kept[-1].label or "") if kept else None
        if period and above and days_of(period) and period.edtf == above.edtf \
                and kept[-1].label != entry.label and "\n" not in kept[-1].text \
                and len(kept[-1].text) <= HEADLINE:  # in other words: not a programme's next line
            kept[-1] = _joined(kept[-1], entry)  # a headline, then the paragraph that tells it
            continue  # on the same days ("Du jeudi 10 au dimanche 13 mai : 40ème anniversaire")
        kept.append(entry)
    return kept


def _intro_reason(block: Block, group: bool) -> tuple[str, bool]:
    if block.aside:
        return block.aside, False
    if _is_navigation(block):
        return NAVIGATION_LINK, False
    if is_furniture(block.text):
        return FURNITURE, False
    if key_figures(block.text):
        return KEY_FIGURES, False
    if _EDIT_NOTICE.match(block.text.strip(_NOT_WORDS)):
        return EDIT_NOTICE, False
    if block.kind == "heading":
        return (GROUP_HEADING if group else INTRO_HEADING), False
    if labelled := split_any_label(block.text):
        # "2009 : accueil de …" is an entry whose heading was not recognised: a loss; "En
        # 2023, la Ville a consacré …" is a sentence of the introduction that gives a date
        prose = block.text[len(labelled[0]):].lstrip()[:1] == "," and block.kind == "paragraph"
        return (DATED_INTRODUCTION, False) if prose else (EARLY_ENTRY, True)
    return INTRODUCTION, False


def _link_intro(items: list[Block], sections: list[Section], set_aside: list[SetAside],
                linked: list[int | None] | None = None) -> None:
    """Each section's intro item (``linked``: already found for these sections)."""
    if linked is None:
        linked = link_intro([b.text for b in items], [split_heading(s.heading.text)[0] for s in sections])
    for section, index in zip(sections, linked, strict=True):
        section.intro = items[index] if index is not None else section.intro  # or its
        # place's fuller heading further down (:func:`_continued`)
    taken = set(linked)
    listed = len(taken - {None}) >= MIN_LINKED
    level = sections[0].heading.level if sections else 2
    places = [split_heading(s.heading.text)[0] for s in sections]
    for i, item in enumerate(items):
        if i in taken:
            continue
        if listed and _place_beside_country(item.text) and not any(
                n is not None for n in link_intro([item.text], places)):  # not a second list's
            places.append(split_heading(item.text)[0])
            sections.append(Section(Block("heading", item.text, item.line, level=level), intro=item))
        else:
            set_aside.append(SetAside(item, UNLINKED_ITEM))


# Items of the intro's list linked to sections for the list to be the page's partners: an
# item of it that names a place beside its country ("le Québec : Saint-Sulpice" under
# "Les jumelages concernent :", below the sections of its three other items) is a partner
# with no text of its own on the page (cut, or not written yet), not a lost section.
MIN_LINKED = 2


def _first_partner(body: list[Block], starts: list[int]) -> int:
    """Which of the headings is the first partner's: the first that reads as a partner
    heading; those above it ("Nos partenaires", a title the CMS wrote as an h2) belong to
    the introduction. When none reads as one, every heading is a partner's."""
    items = IntroWords()
    done = 0
    for n, start in enumerate(starts):
        for block in body[done:start]:
            if block.kind == "list_item":
                items.add(block.text)
        done = start
        if heading_like(body[start].text, items):
            return n
    return 0


def _dated_below(body: list[Block], heading: int) -> bool:
    """A dated entry follows the heading before the next one."""
    for block in body[heading + 1:]:
        if block.kind == "heading":
            return False
        if not block.aside and (split_any_label(block.text) or label_alone(block.text)):
            return True
    return False


def _story_below(body: list[Block], heading: int) -> bool:
    """The paragraph right below a heading tells two dated events or more (the title of a
    "Focus" box below a partner's last entries, "Après l'ouragan Ian", then "… fin
    septembre 2022, le Conseil municipal a voté dès le mois suivant …. … en février 2023
    …"): the heading goes on telling the section above, not a side column's; a question
    is none such."""
    if body[heading].text.rstrip(" \u00a0").endswith(ASKED_ENDS):
        return False  # a question's answer (a FAQ's "Comment inscrire … ?") is the site's
    block = body[heading + 1] if heading + 1 < len(body) else None
    return block is not None and block.kind == "paragraph" and not block.aside \
        and sum(event is not None for _, event in sentences(block.text, None)) >= SEVERAL


def _named_below(body: list[Block], heading: int) -> bool:
    """The text below a heading, before the next one, names the heading's place again."""
    place = fold(place_name(split_heading(body[heading].text)[0]))
    for block in body[heading + 1:]:
        if block.kind == "heading":
            return False
        if place and place in fold(block.text):
            return True
    return False


def _entry_title(body: list[Block], heading: int) -> bool:
    """A heading between a date label alone and the text it labels ("Septembre 2019",
    then "Délégation en Palestine", then "délégation d'élu·es…": a timeline card's title):
    the title of that entry, whatever place it names, not a section of its own."""
    return 0 < heading < len(body) - 1 and body[heading + 1].kind == "paragraph" \
        and body[heading - 1].kind in ("paragraph", "list_item") and not body[heading - 1].aside \
        and label_alone(body[heading - 1].text) is not None


def news_titles(body: list[Block], sure: list[int], level: int) -> dict[int, str]:
    """The headings, deeper than the partners' ``level``, of news items that name a
    partner before a colon ("Gao : une école inaugurée" in a newsletter whose column
    "Mémoire de jumelage · Gao (Mali)" names Gao surely, ``sure``: those headings, or whose
    introduction lists its partners in a sentence, "… nos villes partenaires : Gao
    (Mali), Kita (Mali) et Wolfach (Allemagne)": :func:`_listed_places`), with
    the place each names: the heading is that partner's, as the column's is. A name
    before a colon that no such heading names ("Mercredi : dernière visite au village",
    "Présents : 16 adhérents") stays a sub-heading's or a line's."""
    first = next((i for i, block in enumerate(body) if block.kind == "heading"), len(body))
    surely = IntroWords([*(body[i].text for i in sure),  # and the intro's list of partners in prose
                         *(part for block in body[:first] for part in _listed_places(block))])
    return {i: place for i, block in enumerate(body)
            if block.kind == "heading" and not block.aside and block.level > level and i not in sure
            and (place := news_place(block.text)) and names_a_place(place, surely)}


def _listed_places(block: Block) -> list[str]:
    """The places beside their country that a paragraph's sentence lists after a colon,
    ``MIN_LISTED`` of them at least, whatever else the list holds ("… : Gao (Mali), Jifna et
    le camp de Jalazone (Palestine) et Kita (Mali)": Gao and Kita), to confirm a news
    title's place; :func:`_listed_parts` asks every part to be one.

    >>> _listed_places(Block("paragraph", "À : Gao (Mali), le camp de Smara (Algérie) et Kita (Mali).", 2))
    ['Gao (Mali)', 'Kita (Mali)']
    """
    if block.kind != "paragraph" or block.aside:
        return []
    found: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", block.text):
        if ":" in sentence:
            listed = [p for p in _LISTED.split(sentence.rsplit(":", 1)[1].strip().rstrip(".!?…").strip())
                      if p and _place_beside_country(p)]
            found += listed if len(listed) >= MIN_LISTED else []
    return found


def heading_roles(body: list[Block], news: dict[int, str] | None = None) -> dict[int, Role]:
    """What each heading of the page's body is, by its words and its level.

    A heading is a partner's when it reads as a place's name at the partners' level (the
    level of the headings that name a country or an intro item; in a text snapshot every
    heading is at one level). A heading in the vocabulary of sub-headings ("Historique",
    "Actions menées"), or deeper than the partners' level and naming no country nor intro
    item, is a sub-heading: its section goes on below it. A heading in the vocabulary of
    other headings ("En savoir plus", "Notes", "Contact"), or that reads as no place and
    has no dated entry below it (at the partners' level, or deeper after the last partner
    heading: a side column's), heads no partner's section: it and its text are set aside
    and reported. A heading above the partners' level heads a group of sections.
    """
    items = IntroWords()
    headings: list[tuple[int, bool, bool]] = []  # (index, reads as a place, names one surely)
    for i, block in enumerate(body):
        if block.kind == "list_item" and not block.aside:
            items.add(block.text)
        elif block.kind == "heading" and not block.aside:
            placeish = heading_like(block.text, items)
            sure = placeish and names_a_place(block.text, items)
            headings.append((i, placeish, sure))
    headings = _named_again(body, headings)
    levels = ([body[i].level for i, _, sure in headings if sure]
              or [body[i].level for i, placeish, _ in headings if placeish])
    level = min(levels, default=min((body[i].level for i, _, _ in headings), default=0))
    titled = news_titles(body, [i for i, _, sure in headings if sure], level)
    headings = [(i, placeish or i in titled, sure or i in titled) for i, placeish, sure in headings]
    if news is not None:
        news.update(titled)
    # the last heading that reads as a partner's: a deeper heading above it is inside the
    # partners' sections, one below it may be a side column's
    last = max((i for i, placeish, sure in headings if sure or (placeish and body[i].level == level)),
               default=-1)
    # the first heading that surely names a place: a heading above it that names no place
    # surely and has no dated entry below is the site's own ("Acceo" above "Cotonou - Bénin")
    first_sure = min((i for i, _, sure in headings if sure), default=-1)
    # the first heading at the partners' level or above: a deeper heading above it is inside
    # no section, so that one reading as a place with dated entries below heads its own (a
    # travel diary's days under "Jifna", then "Nos coopérations en Palestine" recalls them)
    first_top = min((i for i, _, _ in headings if body[i].level <= level), default=-1)
    above_top: set[int] = set()
    roles: dict[int, Role] = {}
    for i, placeish, sure in headings:
        depth = body[i].level
        if i < first_sure and not sure and depth == level and not _dated_below(body, i) \
                and not sub_heading(body[i].text) and not _named_below(body, i):
            roles[i] = "other"
            continue
        if sub_heading(body[i].text) or (depth > level and names_institution(body[i].text)) \
                or _the_town_itself(body[i].text) or (depth > level and _entry_title(body, i)):
            roles[i] = "sub"
        elif other_heading(body[i].text) or _not_a_partner(body[i].text) \
                or (not sure and _CONTACT.match(body[i].text)):  # "Contact Mairie"
            roles[i] = "other"
        elif depth < level or group_heading(body[i].text):
            roles[i] = "group"
        elif depth == level:
            roles[i] = "partner" if placeish or not levels or _dated_below(body, i) else "other"
        elif sure or (placeish and i < first_top and (depth in above_top or _dated_below(body, i))):
            roles[i] = "partner"
            if not sure:  # the next place at its level above that heading heads its own too
                above_top.add(depth)
        else:
            roles[i] = "sub" if placeish or i < last or _dated_below(body, i) or _story_below(body, i) \
                else "other"
    return roles


def _named_again(body: list[Block], headings: list[tuple[int, bool, bool]]) -> list[tuple[int, bool, bool]]:
    """The headings, one that reads as a place and names again a place that a heading
    above it surely names on its own words (its country beside it; every word of one name
    among the other's, as :func:`_continued` joins them) surely naming it too: a summary
    table's rows head "Brandebourg-sur-la-Havel (Allemagne)" with its country, the
    article's own section below "Brandebourg-sur-la-Havel" alone, and the section goes on
    with the row's at the level of the article's headings, not below it as a group of
    sections. Only a heading above names a place first: a travel diary's day "Jifna et le
    camp de Jalazone" above the recall's "Jalazone (Palestine)" stays as it was. The sure
    names are looked up by their words, at most ``MAX_CLOSE`` of them a word, so that the
    cost stays linear."""
    by_word: dict[str, list[frozenset[str]]] = {}
    named = IntroWords()  # the sure headings above, as an intro's items name a place
    nobody = IntroWords()
    out = []
    for i, placeish, sure in headings:
        if not sure and by_word and (placeish or heading_like(body[i].text, named)):
            words = name_words(place_name(split_heading(body[i].text)[0]))
            sure = any(words <= other or other <= words
                       for word in sorted(words) for other in by_word.get(word, ())[-MAX_CLOSE:])
            placeish = placeish or sure
        elif sure and names_a_place(body[i].text, nobody):  # on its own words: its country beside it
            found = frozenset(name_words(place_name(split_heading(body[i].text)[0])))
            for word in found:
                by_word.setdefault(word, []).append(found)
            named.add(body[i].text)
        out.append((i, placeish, sure))
    return out


def _heading_or_not(block: Block) -> Block:
    """A heading that is a link of the site's navigation ("Partager sur X (Twitter)",
    "Imprimer") or something written around the text (a caption, a link to a document) is
    no heading: read as a paragraph, which the section then sets aside and reports.

    >>> _heading_or_not(Block("heading", "Partager sur X (Twitter)", 5, level=2)).kind
    'paragraph'
    """
    if block.kind != "heading" or block.aside:
        return block
    if other_heading(block.text) or sub_heading(block.text):  # "En savoir plus" heads its text
        return block
    bare = _BRACKETS_AT_END.sub("", block.text)
    if is_navigation(bare) or around_the_text(block.text) not in (None, FOOTNOTE) \
            or furniture(block.text) in (NAVIGATION_BAR, ARTICLE_FURNITURE):  # "Accueil > …", a by-line
        return Block("paragraph", block.text, block.line)
    if _post_tags(block.text):  # themes' words ("Eau, santé et solidarité"): set aside, no entry
        return Block("paragraph", block.text, block.line, aside=FURNITURE)
    return block


def _dated_bylines(body: list[Block]) -> list[Block]:
    """A post's date alone on its line next to its by-line and counters ("vendredi 23
    octobre 2009", "par raymond pouy", "popularité : 32%": a SPIP article's head): the
    article's furniture, set aside and reported, never an entry dated that day whose text
    is its author's name. A date alone with no by-line beside it stays what it is.

    >>> [b.aside is not None for b in _dated_bylines([Block("paragraph", "mardi 4 mai 2010", 3),
    ...     Block("paragraph", "par Jean Dupont", 4), Block("paragraph", "Visite du maire.", 5)])]
    [True, True, False]
    >>> [b.aside is not None for b in _dated_bylines([Block("paragraph", "mardi 4 mai 2010", 3),
    ...     Block("paragraph", "Visite du maire.", 4)])]
    [False, False]
    """
    out = list(body)
    for n, block in enumerate(body):
        if not block.aside and block.kind == "paragraph" and n + 1 < len(body) \
                and body[n + 1].kind == "heading" and _post_time(block.text):
            out[n] = replace(block, aside=ARTICLE_FURNITURE)  # "26 mars 2024 · 🌍", then the
            continue  # post's title: when it was posted, no date of what its title heads
        if block.aside or block.kind != "paragraph" or not _date_alone(block.text.strip()):
            continue
        beside: list[int] = []
        for m in range(n + 1, min(n + 1 + BYLINE_LINES, len(body))):
            if body[m].aside or furniture(body[m].text) != ARTICLE_FURNITURE:
                break
            beside.append(m)
        if not beside and n and not body[n - 1].aside and furniture(body[n - 1].text) == ARTICLE_FURNITURE:
            beside = [n - 1]  # the by-line above its date ("par raymond pouy", then the day)
        if beside:
            for m in (n, *beside):
                out[m] = replace(body[m], aside=ARTICLE_FURNITURE)
    return out


BYLINE_LINES = 3  # lines of a post's head after its date: author, counters, reading time


def _post_time(text: str) -> bool:
    """A social network's time line of a post: its date (a label alone) and, after a
    middle dot, pictograms alone (the audience it was shared with: "26 mars 2024 · 🌍"),
    maybe with their label in brackets ("(🌍 Public)").

    >>> _post_time("26 mars 2024 · 🌍"), _post_time("3 mars 2024 · (🌍 Public)")
    (True, True)
    >>> _post_time("26 mars 2024"), _post_time("2019 · Jena"), _post_time("2019 · (Jena)")
    (False, False, False)
    """
    found = _AUDIENCE.search(text)
    return found is not None and not heading_text(found["marks"]) \
        and label_alone(text[:found.start()].strip()) is not None


def _post_age(text: str) -> bool:
    """A social network's time line of a post that gives its age, no date ("5 h · 🌍",
    "2 sem. · 🌍"): its figure and a unit (``furniture.toml``'s ``post_age_units``), then
    the audience's pictogram after a middle dot.

    >>> _post_age("5 h · 🌍"), _post_age("2 sem. · 🌍"), _post_age("5 h"), _post_age("5 jeunes · 🌍")
    (True, True, False, False)
    """
    found = _AUDIENCE.search(text)
    return found is not None and not heading_text(found["marks"]) \
        and _AGE.fullmatch(text[:found.start()].strip()) is not None


_AGE = re.compile(r"\d{1,3}\s?(?:" + "|".join(map(re.escape, _FURNITURE_CUES["post_age_units"])) + r")\.?",
                  re.IGNORECASE)
_AUDIENCE = re.compile(r"\s[·•]\s*\(?(?P<marks>[^\w\s()]{1,8})(?:\s+\w{1,20})?\)?\s*$")
DAY_WORDS = 6  # the most words of one day written whole: "le mercredi 1er décembre 2025 ,"


def _date_alone(line: str) -> bool:
    """The line is one day written whole, and nothing else ("vendredi 23 octobre 2009").
    A longer line is not looked for dates at all: every block of a page passes here, and
    reading each paragraph's dates twice cost a 100,000-entry page a third of its parse."""
    if len(line.split()) > DAY_WORDS:
        return False
    found = [(f, f.period) for f in find_dates(line) if f.period]
    return len(found) == 1 and found[0][0].start == 0 and found[0][0].end == len(line) \
        and found[0][1].start_date is not None and found[0][1].start_date == found[0][1].end_date


TAG_WORDS = 3  # words of one of a post's tags ("Citoyenneté", "Vie associative")


def _post_tags(text: str) -> bool:
    """A line of the post's tags or rubrics, each a theme's word ("Citoyenneté, Culture"
    above a news item): the site's classification, never a place, whatever its capitals.

    >>> _post_tags("Citoyenneté, Culture"), _post_tags("Gao, Kita"), _post_tags("Culture")
    (True, False, False)
    """
    from .themes import themes

    parts = [p.strip() for p in re.split(r"[,;|/]", text)]
    return len(parts) >= MIN_LISTED and all(
        p and len(p.split()) <= TAG_WORDS and themes(p) for p in parts)


_BRACKETS_AT_END = re.compile(r"\s*\([^()]{1,40}\)\s*$")


_TOWN_GROUPS = tuple(fold(g) + " " for g in lexicon("places")["town_groups"])


def _the_town_itself(text: str) -> bool:
    """A heading that names the page's own town (an event's title "<town>" above
    its text), maybe after the words a group of communes puts before its name
    ("COMMUNAUTE DE COMMUNE LOIRE DIVATTE" for the town file's "Loire-Divatte"): never a
    partner of its own town."""
    from .config import config

    text = _AUTHOR_TAIL.sub("", text)  # "<town> a partagé une publication.": the post's author
    name = split_heading(text)[0]
    names = {slug(name) for name in config().town.names}
    folded = fold(name).strip()
    grouped = next((folded[len(g):] for g in _TOWN_GROUPS if folded.startswith(g)), "")
    # the town after the link a lead-in leaves ("COMITÉ DE JUMELAGE D'ORVAULT": "d'")
    linked = _LINK_FIRST.sub("", place_name(name), count=1)
    return any(bool(place) and (place in names or _joined_names(place, names))
               for place in (slug(place_name(name)), slug(grouped), slug(linked)))


_AUTHOR_TAIL = re.compile(r"\s+(?:" + "|".join(
    re.escape(w) for w in sorted(_FURNITURE_CUES["shared_post_tails"], key=len, reverse=True))
    + r")\s*[.!]?\s*$", re.IGNORECASE)
_LINK_FIRST = re.compile(r"^\s*(?:" + "|".join(
    re.escape(w).replace("'", "['’]") + (r"\s*" if w.endswith("'") else r"\s+")
    for w in sorted(lexicon("headings")["lead_in_links"], key=len, reverse=True)) + ")", re.IGNORECASE)


def _joined_names(place: str, names: set[str]) -> bool:
    """The place's slug is two names of the town or more written one after the other (a
    committee of two communes names itself "Montmeyran La Baume Cornillane").

    >>> _joined_names("montmeyran-la-baume-cornillane", {"montmeyran", "la-baume-cornillane"})
    True
    >>> _joined_names("montmeyran-gross-bieberau", {"montmeyran", "la-baume-cornillane"})
    False
    """
    ends = {0}
    for at in range(len(place) + 1):
        if at in ends:
            ends.update(at + len(n) + 1 for n in names if n and place.startswith(n + "-", at))
            if any(place.endswith(n) and len(place) - len(n) == at for n in names) and at:
                return True
    return False


def _not_a_partner(text: str) -> bool:
    """A heading the town file says names no partner (``hints.not_partners``: a site's
    rubric such as "Actualité" that reads like a place): set aside as another heading,
    reported, never a partner."""
    from .config import config

    listed = config().hints.not_partners
    return bool(listed) and (slug(place_name(split_heading(text)[0])) in {slug(n) for n in listed}
                             or slug(text) in {slug(n) for n in listed})


def _dated_heading(block: Block, after: Block | None = None) -> Block:
    """A heading that holds a date label alone (``<h4>2019</h4>``, "Juin 2012 :" as a
    small heading above its paragraph) is the label of the entry below it, whatever the
    element: read as a paragraph holding the label alone. Not when a partner's heading
    follows it (``after``: "Années 2000", then "Gao (Mali)" over its dated entries): it
    heads a group of the page's partners by their dates, as a heading of a group does.

    >>> _dated_heading(Block("heading", "Printemps 2019", 5, level=4))
    Block(kind='paragraph', text='Printemps 2019', line=5, level=0, aside=None, bold=0)
    >>> _dated_heading(Block("heading", "Gao (Mali)", 5, level=2)).kind
    'heading'
    """
    if block.kind != "heading" or block.aside or parse_label(block.text.rstrip(" :")) is None \
            or (after is not None and after.kind == "heading" and not after.aside
                and parse_label(after.text.rstrip(" :")) is None and heading_like(after.text)):
        return block
    return Block("paragraph", block.text, block.line)


def _key_heading(block: Block) -> Block:
    """A heading that is a date field's key alone ("Période" above its value, as a text
    page reads a CMS's field) is no heading: read as a paragraph, which the section sets
    aside (:func:`_fill_section`). A key of another kind may be a heading's word
    ("Délégation d'élus" above an event): it stays a heading.

    >>> [_key_heading(Block("heading", t, 5, level=2)).kind for t in ("Période", "Historique")]
    ['paragraph', 'heading']
    """
    if block.kind != "heading" or block.aside or sub_heading(block.text) or other_heading(block.text) \
            or key_alone(block.text) != DATE:
        return block
    return Block("paragraph", block.text, block.line)


def _asked_date(text: str) -> str | None:
    """The label of an entry's date asked as a question ("Quand ? En mai 2019.", "Quand ?
    Depuis 2016. C'est toujours le cas."): the entry starts there and takes the lines
    below it, its text asked next ("Quoi ? …"), as a label alone on its line does.

    >>> _asked_date("Quand ? Depuis 2016. C’est toujours le cas."), _asked_date("Quand ? Bientôt.")
    ('Depuis 2016', None)
    """
    asked = question(text)
    if asked is None or asked.kind != DATE:
        return None
    labelled = split_any_label(asked.value)
    return label_alone(asked.value) or (labelled[0] if labelled else None)


QUESTION_MARK = "?"
ASKED_LEVEL = 7  # a question read as a partner's heading: the level of a bold paragraph's
MIN_ASKED = 2  # questions naming an intro's place that make the page a list of questions
_WORD_START = re.compile(r"(?<![\w'’-])[^\W\d_]")  # where a name may start: a capital


def _asked_place(question: str, items: IntroWords) -> str | None:
    """The place a question names, as it writes it: the longest piece of it that starts
    at a capital and reads as a heading that surely names a place (its country in
    brackets, or an intro item's place), its name a place's name too ("Où se trouve Kita
    (Mali)" names Kita), not the town itself nor a kind of place alone ("la Ville"):
    "Depuis quand Melun est-elle jumelée avec Kita (Mali) ?" -> "Kita (Mali)". A question
    is short (``MAX_HEADING``): its pieces are few."""
    body = question.rstrip(" " + QUESTION_MARK + "\u00a0")
    ends = [m.start() for m in re.finditer(r"[\s,;]", body)] + [len(body)]
    for start in (m.start() for m in _WORD_START.finditer(body) if m.group().isupper()):
        word = re.match(r"[\w'’-]+", body[start:])
        if word is None or _the_town_itself(word.group()):
            continue  # "Melun à Kita": the town, then its partner
        for end in sorted((e for e in ends if e > start), reverse=True):
            piece = body[start:end].strip(" ,;")
            if piece and not set(slug(place_name(split_heading(piece)[0])).split("-")) <= _BEFORE_NAME \
                    and heading_like(piece, items) and names_a_place(piece, items) \
                    and heading_like(split_heading(piece)[0], items) and not _the_town_itself(piece):
                return piece
    return None


def _question_headings(body: list[Block]) -> tuple[list[Block], list[SetAside]]:
    """A page of questions and answers (a CMS's FAQ block) whose partner is named only in
    the first question about it ("Depuis quand Melun est-elle jumelée avec Kita (Mali) ?",
    then "Quels projets pour les jeunes ?"): each question that names an intro item's place
    is that partner's heading, the place as the question writes it (the question itself is
    set aside, read as the heading); the other questions are sub-headings of the partner
    above. Only when no heading names a place and two questions at least name one:
    anywhere else a question is a sentence of the text.

    >>> said = ["Que fait la ville avec Kita ?", "2019 : puits.", "Et pour les écoles ?", "2020 : livres.",
    ...         "Où se trouve Ségou (Mali) ?", "2021 : visite."]
    >>> blocks = [Block("list_item", "La ville de Kita (Mali)", 2), Block("list_item", "Ségou (Mali)", 3),
    ...           *(Block("paragraph", text, 5 + 2 * n) for n, text in enumerate(said))]
    >>> read, aside = _question_headings(blocks)
    >>> [(b.kind, b.text) for b in read if b.kind == "heading"]
    [('heading', 'Kita'), ('heading', 'Et pour les écoles ?'), ('heading', 'Ségou (Mali)')]
    >>> [a.block.text for a in aside]
    ['Que fait la ville avec Kita ?', 'Où se trouve Ségou (Mali) ?']
    """
    items = IntroWords()
    asked: dict[int, str] = {}
    questions: list[int] = []
    for i, block in enumerate(body):
        if block.aside:
            continue
        if block.kind == "heading" and heading_like(block.text, items) and names_a_place(block.text, items):
            return body, []
        if block.kind == "list_item" and not questions:
            items.add(block.text)
        elif block.kind == "paragraph" and block.text.rstrip(" \u00a0").endswith(QUESTION_MARK) \
                and len(block.text) <= MAX_HEADING and items:
            questions.append(i)
            if place := _asked_place(block.text, items):
                asked[i] = place
    if len(set(map(slug, asked.values()))) < MIN_ASKED:
        return body, []
    first = min(asked)
    read = list(body)
    aside = []
    for i in questions:
        if i in asked:
            read[i] = Block("heading", asked[i], body[i].line, level=ASKED_LEVEL)
            aside.append(SetAside(body[i], ASKED_PARTNER))
        elif i > first:
            read[i] = Block("heading", body[i].text, body[i].line, level=ASKED_LEVEL + 1)
    return read, aside


ASKED_ENDS = (QUESTION_MARK, "…", "...")  # how a question, or a lead left hanging, ends
MAX_ASKED = 300  # characters: a question is short


def _asked_beside_headings(body: list[Block]) -> tuple[list[Block], list[SetAside], dict[int, int]]:
    """An interview beside its partners' boxes (a question "Où en est le jumelage avec
    Brandebourg-sur-la-Havel ?", its answer in prose, then the partner's box "Repères",
    headed "Brandenburg-sur-la-Havel (Allemagne)"): the answer is about the partner its
    question names, not the one whose box stands above it. A short undated paragraph
    that ends as a question (or a lead left hanging, "Vous vous êtes rendu à Jalazone
    l'an dernier…"), followed by a dated paragraph, and that names one of the page's
    partner headings (a name in any spelling, a word of one partner's name alone,
    "les enfants sahraoui·es" for the camps of the Sahraouis) is that partner's heading,
    written as its heading (the question is set aside); its answer is told in prose
    (returned: each question's line -> its answer's, :func:`_told_in_prose`); the
    interviewer's other questions ("Un dernier mot ?") are set aside. Only on a page whose
    headings name two partners or more: elsewhere :func:`_question_headings` reads
    questions.

    >>> body = [Block("heading", "Gao (Mali)", 1, level=2), Block("paragraph", "2019 : puits.", 2),
    ...         Block("paragraph", "Et à Kita, quoi de neuf ?", 3),
    ...         Block("paragraph", "En mai 2024, nous avons ouvert une école.", 4),
    ...         Block("heading", "Kita (Mali)", 5, level=2), Block("paragraph", "2020 : livres.", 6)]
    >>> read, aside, told = _asked_beside_headings(body)
    >>> read[2].kind, read[2].text, [a.block.text for a in aside], told
    ('heading', 'Kita (Mali)', ['Et à Kita, quoi de neuf ?'], {3: 4})
    """
    items = IntroWords()
    heads = [i for i, b in enumerate(body) if b.kind == "heading" and not b.aside
             and heading_like(b.text, items) and names_a_place(b.text, items)]
    if len(heads) < MIN_ASKED:
        return body, [], {}
    sections = [Section(body[i]) for i in heads]
    names = PartnerNames([_aliases(s) for s in sections], [_country_of(s) for s in sections])
    own = _own_words(sections)
    read, aside, told = list(body), [], {}
    for i, (block, answer) in enumerate(pairwise(body)):
        text = block.text.rstrip(" \u00a0")
        if block.kind != "paragraph" or block.aside or len(text) > MAX_ASKED \
                or not text.endswith(ASKED_ENDS) or answer.kind != "paragraph" or answer.aside \
                or not _told_answer(answer.text) or any(f.period for f in find_dates(text)):
            continue
        if (n := _asked_partner(text, names, own)) is not None:
            read[i] = Block("heading", body[heads[n]].text, block.line, level=body[heads[n]].level)
            aside.append(SetAside(block, ASKED_PARTNER))
            told[block.line] = answer.line
    if told:  # the interviewer's other questions ("Un dernier mot ?"): prompts, no text of a partner
        read = [replace(b, aside=INTERVIEW_QUESTION) if b.kind == "paragraph" and not b.aside
                and b.line not in told and len(b.text) <= MAX_ASKED
                and b.text.rstrip(" \u00a0").endswith(QUESTION_MARK) else b for b in read]
    return read, aside, told


def _told_answer(text: str) -> bool:
    """An answer in prose that tells a dated event: a date in its sentences, and no label
    that opens it as an entry's does ("2014 : envoi de cahiers" answers nothing: it is an
    entry of the section above, the question a sentence of its text)."""
    if not any(f.period for f in find_dates(text)):
        return False
    label = split_any_label(text)
    return label is None or text.lstrip()[len(label[0].lstrip()):].lstrip().startswith(",")


def _asked_partner(text: str, names: PartnerNames, own: dict[str, int]) -> int | None:
    """The one partner a question names: by its name's words in any spelling, by a word
    of its name alone (:func:`_own_words`), else by such a word written in lower case, maybe
    in inclusive writing ("sahraoui·es" for "Sahraouis")."""
    proper = _proper_nouns(text)
    named = names.named(proper) or _by_own_word(proper, own)
    if not named:
        stems = {_stem(w) for w in name_words(text) if len(w) >= OWN_WORD}
        named = sorted({n for word, n in own.items() if _stem(word) in stems})
    return named[0] if len(named) == 1 else None


def _stem(word: str) -> str:
    """A folded word without its marks of number and gender ("sahraouies", "sahraouis":
    "sahraoui")."""
    return word.removesuffix("s").removesuffix("e")


def parse(blocks: list[Block], about: About | None = None, workers: Pool | None = None) -> Page:
    """Group the page's blocks into its title, intro and partner sections.

    A page with no partner heading is read as a narrative about one partner
    (:mod:`pipeline.narrative`): ``about`` when the caller knows which (the town's
    configuration says it), else the place the page names as its twin or partner.

    On a large page the sections' blocks are sorted by ``workers`` meanwhile, when given
    (:func:`_filled_elsewhere`): each section is sorted on its own, so that which process
    sorts it changes nothing.

    Each block's label, read when the page was read and again here, is kept meanwhile
    (:data:`pipeline.dates.LABELS_KEPT`) and let go of once the page is parsed."""
    token = PAGE_DAY.set(None)
    try:
        return _parse(blocks, about, workers)
    finally:
        forget_labels()
        PAGE_DAY.reset(token)


# A page of this many blocks or more has its sections sorted by the worker processes
# (:func:`_filled_elsewhere`): the 10k synthetic page has about 11,000 blocks, the real
# page 150; below, the workers' first import of the grammar costs more than they save.
PARALLEL_FROM_BLOCKS = 5_000
SECTION_CHUNKS_PER_WORKER = 4  # so that a worker that started late still takes its share

# A section as sent to a worker: the section, its blocks with their roles
_Unfilled = tuple[Section, list[tuple[Block, Role]]]
# A sorted section as sent back: its description, its entries and the blocks it set aside,
# each block that the worker was sent as its place in the section's blocks (heading first)
_Filled = tuple[list[Block | int], list[Entry], list[tuple[Block | int, str, bool, bool]]]


def _sent(section: Section, blocks: list[tuple[Block, Role]]) -> list[Block]:
    """The blocks a section is sent with, in the order their places refer to."""
    return [section.heading, *section.description, *(block for block, _ in blocks)]


def fill_sections(sections: list[_Unfilled], day: When | None = None) -> list[_Filled]:
    """Sort each section's blocks (:func:`_fill_section`), in a worker process: each block
    that was sent comes back as its place, so that the run puts its own block back (the
    run matches some blocks by identity: :func:`pipeline.gate.with_reasons`). ``day``: the
    page's day of publication (:func:`_page_day`)."""
    filled: list[_Filled] = []
    token = PAGE_DAY.set(day)
    try:
        for section, blocks in sections:
            places = {id(block): n for n, block in enumerate(_sent(section, blocks))}
            set_aside: list[SetAside] = []
            _fill_section(section, blocks, set_aside)
            filled.append(([places.get(id(b), b) for b in section.description], section.entries,
                           [(places.get(id(a.block), a.block), a.reason, a.loss, a.warn) for a in set_aside]))
    finally:
        forget_labels()  # the worker validates next: its memory
        PAGE_DAY.reset(token)
    return filled


def _filled_elsewhere(sections: dict[int, _Unfilled],
                      workers: Pool | None) -> dict[int, tuple[Pending[list[_Filled]], int]] | None:
    """The sections (by their number on the page) sent to ``workers`` to be sorted, in
    chunks of about the same number of blocks, each with its chunk and its place in it:
    ``None`` for a small page, or fewer than two workers (one would sort them while the
    run waits: as long, and the sections sent and sent back)."""
    weight = sum(len(blocks) + 1 for _, blocks in sections.values())
    if workers is None or workers.workers < 2 or weight < PARALLEL_FROM_BLOCKS:
        return None
    size = -(-weight // (workers.workers * SECTION_CHUNKS_PER_WORKER))
    pending: dict[int, tuple[Pending[list[_Filled]], int]] = {}
    chunk: list[int] = []
    weight = 0
    for n in [*sections, -1]:  # -1: the end
        if chunk and (weight >= size or n < 0):
            task = workers.submit(fill_sections, [sections[m] for m in chunk], PAGE_DAY.get())
            pending.update((m, (task, at)) for at, m in enumerate(chunk))
            chunk, weight = [], 0
        if n >= 0:
            chunk.append(n)
            weight += len(sections[n][1]) + 1
    return pending


def _taken(section: Section, blocks: list[tuple[Block, Role]], filled: _Filled,
           set_aside: list[SetAside]) -> None:
    """What a worker made of a section (:func:`fill_sections`), with the run's own blocks."""
    sent = _sent(section, blocks)
    description, entries, aside = filled
    section.description = [sent[b] if isinstance(b, int) else b for b in description]
    section.entries = entries
    set_aside += [SetAside(sent[b] if isinstance(b, int) else b, reason, loss, warn)
                  for b, reason, loss, warn in aside]


def _parse(blocks: list[Block], about: About | None, workers: Pool | None = None) -> Page:
    title = blocks[0] if blocks and blocks[0].kind == "heading" and blocks[0].level == 1 else None
    if title and furniture(title.text) == ARTICLE_FURNITURE:  # a by-line first ("De : Sylvie,
        title = None  # photos : …"): the article's furniture, set aside below, not its title
    rest = blocks[1:] if title else blocks
    notes = star_notes("\n".join(b.text for b in rest))  # "* …" lines the page calls: notes, no items
    body, asked = _question_headings(_dated_bylines([_typed_item(_heading_or_not(_dated_heading(
        _key_heading(b), after)), notes) for b, after in zip(rest, [*rest[1:], None], strict=True)]))
    body, beside, answered = _asked_beside_headings(body)
    asked += beside
    body, rubricked = _without_shared_rubrics(body)
    body, grouping, renamed = _country_headings(body)
    body, causes, placed = _cause_groups(body)
    titled: dict[int, str] = {}
    roles = heading_roles(body, titled)
    roles.update(dict.fromkeys(grouping | causes, "group"))
    titled = {i: place for i, place in titled.items() if roles.get(i) == "partner"}
    news = [body[i] for i in titled]  # a news title's partner: the place before its colon
    body = [replace(block, text=titled[i]) if i in titled else block for i, block in enumerate(body)]
    starts = [i for i, role in roles.items() if role == "partner"]
    starts = starts[_first_partner(body, starts):]
    starts, refused = gate(body, starts)  # a partner only on the page's evidence
    opened = {} if starts else _opening_paragraphs(body)
    starts = starts or sorted(opened)
    if not starts:
        page = _narrative(title, _under_other_headings(body), about)
        page.set_aside = with_reasons(page.set_aside, body, refused)
        page.set_aside += [SetAside(block, RUBRIC_HEADING) for block in rubricked]
        return page
    roles.update(dict.fromkeys(refused, "sub"))  # its text stays with the partner above
    intro = _intro_list(body[:starts[0]])
    sat = sitting_day(body[:starts[0]])
    set_aside = ([SetAside(title, PAGE_TITLE)] if title else []) + asked
    set_aside += [SetAside(block, COUNTRY_HEADING) for block in renamed]
    set_aside += [SetAside(block, NEWS_TITLE) for block in news]
    set_aside += [SetAside(block, RUBRIC_HEADING) for block in rubricked]
    set_aside += [SetAside(block, UNDER_A_CAUSE) for block in placed]
    for i, block in enumerate(intro):
        if block.kind != "list_item" or block.aside:
            reason, loss = _intro_reason(block, roles.get(i) == "group")
            set_aside.append(SetAside(block, reason, loss, warn=reason == DATED_INTRODUCTION))
    PAGE_DAY.set(_page_day(set_aside))
    told = _told_before(title, intro, set_aside, about,
                        {slug(place_name(split_heading(body[i].text)[0])): body[i] for i in starts})
    items = [] if told else [b for b in intro if b.kind == "list_item" and not b.aside]
    places = [_place_and_country(item.text) for item in items]
    linked = link_intro([b.text for b in items], [split_heading(body[s].text)[0] for s in starts])
    introduced = {**_introduced(body, starts, places, set(linked)), **opened}
    unchanged = len(starts)
    starts = sorted({*starts, *introduced})
    called = _intro_notes(body, starts[0])
    for i in sorted(called):  # read by no section: set aside, unless it names partners of its own
        body[i] = replace(body[i], aside=INTRO_NOTE)
        set_aside.append(SetAside(body[i], INTRO_NOTE))
    sections = []
    # a partner's fiche alone (a summary table's row: "Date de l’accord : 1963") tells no
    # story, and a heading of no partner's sets its text aside: neither says how the page tells
    owned = [_own_blocks(body, s, e, roles) for s, e in zip(starts, [*starts[1:], len(body)], strict=True)]
    prose = _told_throughout([part for part in owned if not _fiche_alone(part)])
    paragraphs_only = not prose and _prose_page(body, starts)  # each section then read apart
    ends = [*starts[1:], len(body)]
    unfilled: dict[int, _Unfilled] = {
        n: (Section(introduced[start], [body[start]]) if start in introduced else Section(body[start]),
            [(body[i], roles.get(i, "")) for i in range(start + 1, end) if i not in called])
        for n, (start, end) in enumerate(zip(starts, ends, strict=True))}
    # an interview's answer, or one of the sections of a page told in prose throughout
    # (or this section alone, told in paragraphs of several events among labelled ones)
    in_prose = {n for n, (start, end) in enumerate(zip(starts, ends, strict=True))
                if body[start].line in answered or (start not in introduced and (
                    (prose and not _fiche_alone(owned[n])) or _told_throughout([owned[n]], alone=True)))}
    # a section whose lead story, above its first sub-heading, is told in prose, and whose
    # box below it lists labelled entries: where the box starts
    leads = {n: split for n, (start, end) in enumerate(zip(starts, ends, strict=True))
             if n not in in_prose and start not in introduced
             and (split := _lead_told(body, start, end)) is not None}
    elsewhere = _filled_elsewhere({n: s for n, s in unfilled.items() if n not in in_prose and n not in leads},
                                  workers)
    for n, start in enumerate(starts):
        end = ends[n]
        section = unfilled[n][0]
        own = owned[n] if n in in_prose else []
        told_answer = _told_in_prose(Section(body[start], [b for b in own if not b.aside]),
                                     set_aside, with_above=False, written=sat) if n in in_prose else None
        if told_answer and told_answer.entries:
            section = told_answer
            set_aside += _under_other(body[start + 1:end], own)  # its captions, its notes
        else:
            kept = len(set_aside)
            lead = _told_in_prose(Section(body[start], [b for b in body[start + 1:leads[n]] if not b.aside]),
                                  set_aside, with_above=False) if n in leads else None
            if lead is not None and lead.entries:
                box = Section(body[start])
                _fill_section(box, [(body[i], roles.get(i, "")) for i in range(leads[n], end)], set_aside)
                section = Section(body[start], lead.description + box.description, lead.entries + box.entries)
                set_aside += [SetAside(b, b.aside) for b in body[start + 1:leads[n]] if b.aside]
            elif elsewhere is not None and n in elsewhere:
                task, at = elsewhere[n]
                _taken(section, unfilled[n][1], task.result()[at], set_aside)
            else:
                _fill_section(section, unfilled[n][1], set_aside)
            section = _with_told_paragraphs(section, body[start + 1:end], set_aside)
            if paragraphs_only and start not in introduced and _prose_section(section):
                aside = set_aside[:kept]  # the section's own set-aside blocks, read again
                written = [b for b in body[start + 1:end] if not b.aside]
                told_prose = _told_in_prose(Section(body[start], written), aside, with_above=False,
                                            written=sat)
                if told_prose.entries:  # what the page marked as aside stays set aside
                    set_aside[:] = aside + [a for a in set_aside[kept:] if a.block.aside]
                    section = told_prose
        sections.append(section)
    sections = _continued(([told[0]] if told else []) + sections, {slug(place) for place, _ in places},
                          set_aside)
    if answers := set(answered.values()):  # an answer's words telling no event close the description
        for section in sections:
            section.description.sort(key=lambda b: b.line in answers)
    _link_intro(items, sections, set_aside, linked if len(sections) == unchanged and not introduced else None)
    _listed_in_prose(intro, sections, set_aside)
    _ties_in_intro(intro, sections)
    _ties_in_notes([body[i] for i in sorted(called)], sections, set_aside)
    if not told:
        _told_in_round_up(sections, set_aside)
    sections = [replace(s, entries=_news_items(s.entries)) for s in sections]
    _to_named_partners(sections, {body[i].line: body[i].level for i, role in roles.items() if role == "sub"},
                       [(body[i].line, body[i].level) for i, role in roles.items()
                        if role in ("other", "group")])
    sections = _without_news_rubrics(sections, set_aside)
    levels = {body[i].level for i in starts}
    _town_agenda(sections, sorted(body[i].line for i, role in roles.items()
                                  if role == "sub" and body[i].level in levels
                                  and heading_key(body[i].text) in _TEASER_HEADINGS), set_aside)
    if len(sections) == 1 and not sections[0].entries:
        sections[0] = _told_in_prose(sections[0], set_aside, written=sat)
    elif opened:
        sections = [_told_in_prose(s, set_aside, with_above=False, written=sat) if not s.entries
                    else _prose_beside_entries(s, set_aside, sat) for s in sections]
        _to_the_one_named(sections)
    sections = _told_in_issues(sections, _issue_days(body, roles), set_aside)
    sections = _under_frames(sections, body, roles)
    return Page(title.text if title else None, items, sections, with_reasons(set_aside, body, refused))


ISSUES = 2  # issue headings that make a page an archive of a newsletter's issues
Issue = tuple[int, tuple[int, int | None, None]]  # an issue heading's line, and its month


def _issue_days(body: list[Block], roles: dict[int, Role]) -> list[Issue]:
    """The lines of the headings of a newsletter's issues and the month each was written
    in, sorted: headings of no partner that give one month of one year among other words
    ("Lettre n°21 – novembre 2024", "Bulletin de juin 2023"), ``ISSUES`` of them at least;
    none on any other page. A month alone is a label, not an issue."""
    issues = []
    for i, role in roles.items():
        block = body[i]
        if role != "other" or block.kind != "heading":
            continue
        found = [f.period for f in find_dates(block.text) if f.period is not None]
        if len(found) == 1 and (period := found[0]).start_year and period.start_month \
                and parse_label(block.text) is None \
                and (period.start_year, period.start_month) == (period.end_year, period.end_month):
            issues.append((block.line, (period.start_year, period.start_month, None)))
    return sorted(issues) if len(issues) >= ISSUES else []


def _told_in_issues(sections: list[Section], issues: list[Issue], set_aside: list[SetAside]) -> list[Section]:
    """On an archive of a newsletter's issues (``issues``: their headings' lines and
    months), each section's paragraphs of prose that write no year read as stories told in
    the month of the issue they are in: "le mois dernier", "décembre dernier", "l'an
    dernier", "Le 12 octobre" count from that issue's month, their events beside the
    section's entries."""
    if not issues:
        return sections
    lines = [line for line, _ in issues]
    out = []
    for section in sections:
        groups: dict[int, list[Block]] = {}
        for block in section.description:
            at = bisect_right(lines, block.line) - 1
            if at >= 0 and block.kind == "paragraph" and not block.aside and not any(
                    f.period is not None and f.period.start_year for f in find_dates(block.text)):
                groups.setdefault(at, []).append(block)  # a paragraph that writes its years
                # ("Le jumelage, signé en 1963, …", a column's) is read as any section's is
        for at, blocks in groups.items():
            told = _told_in_prose(Section(section.heading, blocks), set_aside, with_above=False,
                                  written=issues[at][1])
            if told.entries:
                section = replace(section, description=[b for b in section.description if b not in blocks]
                                  + told.description,
                                  entries=sorted([*section.entries, *told.entries], key=lambda e: e.line))
        out.append(replace(section, entries=[_in_issue(e, issues, lines) for e in section.entries]))
    return out


def _in_issue(entry: Entry, issues: list[Issue], lines: list[int]) -> Entry:
    """An entry whose label counts from the time of writing ("En mai dernier, …", "L'été
    dernier : …"), dated from the month of the issue it is in (:func:`_from_page_day` with
    that month as the page's day); one whose date has no year ("Du 21 au 27 septembre, …")
    in the year the issue's month gives it (:func:`pipeline.narrative.year_from_post`)."""
    at = bisect_right(lines, entry.line) - 1
    if at < 0:
        return entry
    day = issues[at][1]
    dated = entry
    if not entry.period_label:
        token = PAGE_DAY.set(day)
        try:
            dated = _from_page_day(entry)
        finally:
            PAGE_DAY.reset(token)
        if dated.period_label:
            return dated
    label = entry.period_label or entry.label
    if (not label or parse_label(label) is None) and (found := date_in(entry.text)) is not None \
            and entry.text.startswith(found.text):  # "Du 21 au 27 septembre, une délégation …",
        label = found.text  # "Samedi 14 décembre, 15 h – projection …" (its hour no date)
    if not label or not (period := parse_label(label)) or not period.yearless:
        return dated
    after = entry.text[len(label):] if entry.text.startswith(label) else ""
    completed = year_from_post(label, after, day)
    return replace(entry, label=entry.label or label, period_label=completed) if completed else dated


def _lead_told(body: list[Block], start: int, end: int) -> int | None:
    """Where the box of a section told in two parts starts: its lead story in prose, several
    events to a paragraph (:func:`_told_throughout`: "En février de l'an dernier, une
    délégation … Au printemps dernier, la Médiathèque …"), then, from its first sub-heading
    on ("Rappel", "Repères"), labelled entries ("Depuis 2008 : accueil …"). ``None`` for a
    section with no such sub-heading, whose text above it is no story, or with no labelled
    entry below it."""
    split = next((i for i in range(start + 1, end)
                  if body[i].kind == "heading" and not body[i].aside), None)
    if split is None or split == start + 1:
        return None
    below = [b for b in body[split + 1:end] if not b.aside and b.kind != "heading"]
    if not any(_set_label(b.text) for b in below):
        return None
    above = [b for b in body[start + 1:split] if not b.aside and b.kind != "heading"]
    if any(b.kind == "list_item" or _set_label(b.text) for b in above):
        return None
    # the story reader's events, dated from the page's day too ("au printemps dernier")
    counts = [n for b in above if (n := sum(event is not None for _, event in sentences(b.text, None)))]
    several = sum(n >= SEVERAL for n in counts)
    return split if several >= SEVERAL and 2 * several > len(counts) else None


def _set_label(text: str) -> bool:
    """The text opens on a label set apart by a colon or a dash ("2003 : signature …"), not
    a date then a comma ("En 2003, …")."""
    labelled = split_any_label(text)
    return labelled is not None and not _comma_label(text, labelled[0])


_WEEKDAY_FIRST = re.compile(r"(?i)(?:" + "|".join(lexicon("calendar")["weekdays"]) + r")\s+\d")


def _from_page_day(entry: Entry) -> Entry:
    """An entry whose label counts from the day the page was written ("L'été dernier :",
    "Au printemps prochain :", "En novembre prochain, …": a month without its year and a
    side word after it; or a day with its weekday, "Mardi 17 septembre."), dated from the
    page's day (:data:`PAGE_DAY`) when it gives one, not from the entry above; any other
    entry as it is."""
    day = PAGE_DAY.get()
    if day is None or entry.period_label:
        return entry
    label = entry.label
    if label is None and (found := date_in(entry.text)) is not None and entry.text.startswith(found.text):
        label = found.text  # "En novembre prochain, la Ville recevra …"
    if not label:
        return _counted_from_day(entry, day)
    period = parse_label(label)
    if period is None:
        if not from_writing(label):  # "Janvier" alone: its year is the page's frame's, not the day's
            return entry
        said = event_in(label, None, day)
        return replace(entry, period_label=said.resolved) if said and said.resolved else entry
    after = entry.text[len(label):] if entry.text.startswith(label) else ""
    # a side word says which year; so does a weekday, which fits one day of them only (a
    # diary's "Mardi 17 septembre" in a post of 27 September 2019)
    if not period.yearless or not (sided(after) or _WEEKDAY_FIRST.match(label)):
        return entry
    completed = year_from_post(label, after, day)
    return replace(entry, label=label, period_label=completed) if completed else entry


def _counted_from_day(entry: Entry, day: When) -> Entry:
    """An entry with no label whose first sentence opens on a time counted from the day of
    writing ("Il y a dix ans, une quinzaine de jeunes partaient …", "Il y a cinq ans, en
    mai, …", "Et l'an dernier, nous avons lancé …"), dated from the page's day; a word of
    linking before it at most. Any other entry as it is."""
    first = _SENTENCE_END.split(entry.text, maxsplit=1)[0]
    if not from_writing(first) or (said := event_in(first, None, day)) is None or not said.resolved \
            or len(first[:said.start].split()) > OPENING_WORDS:
        return entry
    return replace(entry, label=said.label, period_label=said.resolved) if said.start == 0 \
        else replace(entry, period_label=said.resolved)


OPENING_WORDS = 1  # words before a time counted from the day of writing: "Et", "Puis"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def _page_day(set_aside: list[SetAside]) -> When | None:
    """The day the page says, above its first partner section, it was published or last
    updated (a CMS's field set aside as furniture: "Mis à jour le 13 janvier 2020",
    "Publié le 2 mars 2024 à 10:12"): its sections' sentences count from it what they date
    from the day they were written ("l'été dernier", "en novembre prochain"). ``None`` when
    the page gives no such day, or two different ones."""
    days = {day for aside in set_aside if aside.reason == FURNITURE and (day := posted(aside.block.text))}
    return days.pop() if len(days) == 1 else None


def _under_frames(sections: list[Section], body: list[Block], roles: dict[int, Role]) -> list[Section]:
    """The sections with each entry's ``frame``: the nearest heading above it that heads
    no partner's section, until a heading of its level or higher ends it (a board's column
    "Reporté 1" frames the cards of every partner below it, to the next column; a partner's
    heading ends the sub-headings deeper than it)."""
    stack: list[Block] = []  # the headings that frame what follows, outermost first
    frames: list[tuple[int, str | None]] = []  # (line of a heading, the frame after it)
    for i, block in enumerate(body):
        if block.kind != "heading" or block.aside:
            continue
        while stack and stack[-1].level >= block.level:
            stack.pop()
        if roles.get(i) != "partner":
            stack.append(block)
        frames.append((block.line, stack[-1].text if stack else None))
    if not any(frame for _, frame in frames):
        return sections
    lines = [line for line, _ in frames]

    def framed(entry: Entry) -> Entry:
        at = bisect_right(lines, entry.line) - 1
        frame = frames[at][1] if at >= 0 else None
        return replace(entry, frame=frame) if frame != entry.frame else entry

    return [replace(s, entries=[framed(e) for e in s.entries]) for s in sections]


PROSE_DATES = 2  # dates in a section's undated paragraphs: one is the tie's year


def _prose_page(body: list[Block], starts: list[int]) -> bool:
    """A page whose partners' sections are each told in paragraphs alone (no list, no
    heading below a partner's: a report's chapter), several partners (a heading written
    again further down is one partner's)."""
    ends = [*starts[1:], len(body)]
    places = {slug(split_heading(body[start].text)[0]) for start in starts}
    return len(places) > 1 and all(b.kind == "paragraph" for start, end in zip(starts, ends, strict=True)
                                   for b in body[start + 1:end] if not b.aside)


def _prose_section(section: Section) -> bool:
    """A section of a page told in prose (:func:`_prose_page`) whose paragraphs read as no
    entry (its description) give more dates in their sentences than it has entries ("Le
    jumelage, signé en 1963, repose … de 2003 à 2014 ; …", then "Depuis 2018, le comité
    …"): its story is read, each dated sentence an event. A section of dated entries under
    a paragraph that describes the tie is no such section."""
    told = sum(len(find_dates(b.text)) for b in section.description)
    return told >= PROSE_DATES and told > len(section.entries)


# A heading's number ("6. ", "12) ") and its rubric, the first part before a spaced dash
_NUMBERED = re.compile(r"(?P<number>\d{1,3}[.)]\s+)?(?P<rubric>[^–—]+?)\s+[–—-]\s+(?P<rest>.+)", re.DOTALL)
_SPACED_DASH = re.compile(r"\s[–—-]\s")
SHARED_RUBRIC = 2  # headings opening on the same words before a dash: a rubric, not a place


def _without_shared_rubrics(body: list[Block]) -> tuple[list[Block], list[Block]]:
    """The body with each heading that opens on a rubric shared by other headings, before a
    dash, and names a place with its country after it, written without that rubric: a
    council's agenda item ("6. RELATIONS INTERNATIONALES – Gao (Mali) – Subvention") names
    the place after its department's name, in capitals, which ``SHARED_RUBRIC`` headings or
    more open on; the place before a dash is the name otherwise ("La Plata – Buenos Aires":
    its province; "Kandi – Banikoara (Bénin)", two communes, however often "Kandi –" opens a
    line). A shared first part that is a country ("Allemagne – Cottbus (Brandebourg)")
    or after which no place and its country make a part of their own ("Gao – les écoles", a
    partner's topics; "Séjour à Gao (Mali), été 2025 – Tarifs", an event there) stays. The
    headings so rewritten come second, as the page wrote them (set aside: their line is
    the place's heading).

    >>> [b.text for b in _without_shared_rubrics([Block("heading", "1. AFFAIRES – Gao (Mali) – Vote", 3, 2),
    ...     Block("heading", "2. AFFAIRES – Rapport annuel", 9, 2)])[0]]
    ['1. Gao (Mali) – Vote', '2. AFFAIRES – Rapport annuel']
    """
    parts = {i: m for i, b in enumerate(body)
             if b.kind == "heading" and not b.aside and (m := _NUMBERED.fullmatch(b.text.strip()))}
    shared = Counter(fold(m["rubric"]) for m in parts.values())
    out, rewritten = list(body), []
    for i, m in parts.items():
        rubric = m["rubric"]
        if shared[fold(rubric)] < SHARED_RUBRIC or country_code(rubric) or not rubric.isupper():
            continue  # a rubric is a department's name in capitals; "Kandi – Banikoara" names two places
        place = _SPACED_DASH.split(m["rest"], maxsplit=1)[0].strip()
        if place.endswith(")") and countries(split_heading(place)[1])[1]:
            out[i] = replace(body[i], text=f"{m['number'] or ''}{m['rest']}")
            rewritten.append(body[i])
    return out, rewritten


def _country_headings(body: list[Block]) -> tuple[list[Block], set[int], list[Block]]:
    """The body with each heading that names its partner by its country alone (a cause or
    a tie and a country's name or adjective: "L’amitié franco-allemande", "Solidarité avec
    le Mali", "Le jumelage cubain", :func:`pipeline.places.heading_country`) written as
    that partner's heading, the indices of the headings that became a group's, and the
    headings so rewritten, as the page wrote them (set aside: their line is the partner's).

    The partner is the intro's list item in that country (by its brackets, or by a people
    its words name: "Village de réfugiés sahraouis de Smara (Algérie)" for "Avec le peuple
    sahraoui") that no other heading names; with no such item, the place of the first
    paragraph below when it is a heading's line in that country ("Wolfach · Bade-Wurtemberg,
    Allemagne", a map popup's), or the place it names by its kind in a sentence naming the
    country ("… liée à la commune de Sissian, au sud de l’Arménie"). When two items or more
    are in that country
    ("Aux côtés du peuple palestinien"), the heading groups them: each paragraph below
    that opens on one of them in bold ("<strong>Naplouse.</strong> Un soutien …") opens
    that partner's section, its heading one level below. The heading keeps its line; a
    heading whose first word the page writes as a name ("Gao et le Mali"), a country alone
    ("Palestine" under its place's name, a site builder's field), or one followed by another
    heading (a country heading its towns' sections) is left as it was."""
    candidates = {i: code for i, b in enumerate(body)
                  if b.kind == "heading" and not b.aside and b.level > 1 and i + 1 < len(body)
                  and body[i + 1].kind != "heading" and not heading_like(b.text) and not group_heading(b.text)
                  and (code := heading_country(b.text))}
    if not candidates:
        return body, set(), []
    names = proper_words(" ".join(b.text for b in body if b.kind not in ("heading", "list_item")))
    listed = [b.text for b in body[:min(candidates)] if b.kind == "list_item" and not b.aside
              and split_heading(b.text)[1]]
    named = _items_named(listed, [place_name(split_heading(b.text)[0]) for i, b in enumerate(body)
                                  if b.kind == "heading" and not b.aside and i not in candidates])
    items = [item for n, item in enumerate(listed) if n not in named]
    in_country: dict[str, list[str]] = {}  # country code -> the items in it, read once each
    for item in items:
        for held in {countries(split_heading(item)[1])[1], *countries_named(item)} - {None}:
            in_country.setdefault(str(held), []).append(item)
    used: set[str] = set()
    out: list[Block] = []
    groups: set[int] = set()
    renamed: list[Block] = []
    opened: dict[int, str] = {}  # index of a paragraph -> the item whose section it opens
    for i, block in enumerate(body):
        if i in opened:
            out.append(Block("heading", _item_heading(opened[i]), block.line, level=body[i].level + 1))
        code = candidates.get(i)
        if code is None or (_first_word(block.text) in names and not _country_words(block.text)):
            out.append(block)
            continue
        matches = [item for item in in_country.get(code, ()) if item not in used]
        if len(matches) == 1:
            used.add(matches[0])
            out.append(replace(block, text=_item_heading(matches[0])))
            renamed.append(block)
        elif not matches and body[i + 1].kind == "paragraph" \
                and (place := _place_line(body[i + 1].text, code)
                     or place_of_country(body[i + 1].text, code) or place_of_tie(body[i + 1].text)):
            out.append(replace(block, text=f"{place} ({country_name(code)})"))
            renamed.append(block)
        elif not matches and body[i + 1].kind == "paragraph" \
                and (elsewhere := place_elsewhere(body[i + 1].text)):
            out.append(replace(block, text=f"{elsewhere[0]} ({country_name(elsewhere[1])})"))
            renamed.append(block)  # "Pour le peuple sahraoui", then "… région de Tindouf, en Algérie"
        else:
            if len(matches) > 1 and (found := _opened_by_items(body, i, matches)):
                groups.add(len(out))
                opened.update(found)
                used.update(found.values())
            out.append(block)
    return out, groups, renamed


def _cause_groups(body: list[Block]) -> tuple[list[Block], set[int], list[Block]]:
    """A heading that names a cause or a tie by its country alone ("Solidarité avec le
    peuple palestinien") right over deeper headings ("À Jifna et dans le camp de
    Jalazone", "À Jérusalem-Est"): it groups them, and each of them that reads as a place
    and heads dated entries is that country's partner, written as its place and the
    country in brackets ("Jérusalem-Est (Palestine)"). The body so rewritten, the indices
    of the groups' headings and the headings rewritten, as the page wrote them."""
    out = list(body)
    groups: set[int] = set()
    placed: list[Block] = []
    for i, block in enumerate(body[:-1]):
        if block.kind != "heading" or block.aside or body[i + 1].kind != "heading" \
                or body[i + 1].level <= block.level or heading_like(block.text) \
                or not (code := heading_country(block.text)):
            continue
        for j in range(i + 1, len(body)):
            under = body[j]
            if under.kind == "heading" and under.level <= block.level:
                break
            if under.kind != "heading" or under.aside or under.level != body[i + 1].level \
                    or not heading_like(under.text) or not _dated_below(body, j):
                continue
            groups.add(i)
            name, bracket = split_heading(under.text)
            if bracket is None:
                out[j] = replace(under, text=f"{place_name(name)} ({country_name(code)})")
                placed.append(under)
    return out, groups, placed


def _place_line(text: str, code: str) -> str | None:
    """The place of a line that is a partner's heading in the country ``code`` (a map
    popup's "Wolfach · Bade-Wurtemberg, Allemagne (≈ 620 km)" under "Le jumelage
    allemand"), last brackets that name no country aside; ``None`` for any other line.

    >>> _place_line("Wolfach · Bade-Wurtemberg, Allemagne (≈ 620 km)", "DE"), _place_line("Kita · Mali", "DE")
    ('Wolfach', None)
    """
    name, bracket = split_heading(text)
    if bracket is not None and countries(bracket)[1] is None and text.rstrip().endswith(")"):
        text = text[:text.rfind("(")].strip()
        name, bracket = split_heading(text)
    return place_name(name) if heading_like(text) and countries(bracket)[1] == code else None


def _first_word(text: str) -> str:
    """A heading's first word, folded, without an elided article ("L’amitié": "amitie")."""
    folded = fold(text)
    if re.match(r"\w{1,2}'", folded):
        folded = folded.split("'", 1)[1]
    words = re.findall(r"\w+", folded)
    return words[0] if words else ""


def _country_words(text: str) -> set[str]:
    """The first word of a heading when it is a country's name ("Mali, notre engagement")."""
    word = _first_word(text)
    return {word} if country_code(word) else set()


def _item_heading(item: str) -> str:
    """The heading an intro item stands for: its place and its brackets ("La commune de
    Sissian, province de Syunik (Arménie)": "Sissian (Arménie)")."""
    name, bracket = split_heading(item)
    return f"{place_name(name)} ({bracket})" if bracket else place_name(name)


# A paragraph's first sentence when it is a name's few words and a full stop ("Naplouse.
# Un soutien …"): the name of a place set before the text, as a bold run would set it.
_LEAD_SENTENCE = re.compile(r"([^.!?;:]{1,80}?)\.\s+(?=\S)")


def _opened_by_items(body: list[Block], heading: int, items: list[str]) -> dict[int, str]:
    """The paragraphs below a heading, before the next heading as deep or higher, that
    open on one of ``items``' places, in bold ("<strong>Le camp de Balata, près de
    Naplouse.</strong> Le camp …") or as a short first sentence of its own in a text page
    ("Naplouse. Un soutien …"), by index, with that item; each item once."""
    found: dict[int, str] = {}
    index = _WordIndex(items)
    used: set[int] = set()
    for j in range(heading + 1, len(body)):
        block = body[j]
        if block.kind == "heading" and block.level <= body[heading].level:
            break
        short = _LEAD_SENTENCE.match(block.text)
        if block.kind != "paragraph" or block.aside or not (block.bold or short):
            continue
        lead = (block.text[:block.bold] if block.bold else short.group(1) if short else "").strip(" .:;,—–-")
        named = name_words(place_name(split_heading(lead)[0]))
        n = next((n for n in index.holding(named) if n not in used), None)
        if n is not None:
            used.add(n)
            found[j] = items[n]
    return found


class _WordIndex:
    """The items that hold every word of a name, each name compared with the items
    holding its rarest word only: many names and items cost no product of the two."""

    def __init__(self, items: list[str]) -> None:
        self.words = [name_words(item) for item in items]
        self.by_word: dict[str, list[int]] = {}
        for n, held in enumerate(self.words):
            for word in held:
                self.by_word.setdefault(word, []).append(n)

    def holding(self, wanted: set[str]) -> list[int]:
        """The indices of the items holding every word of ``wanted``, in order (none for no word)."""
        if not wanted:
            return []
        rarest = min(wanted, key=lambda w: len(self.by_word.get(w, ())))
        return [n for n in self.by_word.get(rarest, ()) if wanted <= self.words[n]]


def _items_named(items: list[str], places: list[str]) -> set[int]:
    """The indices of the ``items`` that hold every word of one of ``places`` (the
    page's other headings' places); each place compared with the items holding its rarest
    word only, so that many headings and items cost no product of the two."""
    index = _WordIndex(items)
    return {n for place in places for n in index.holding(name_words(place))}


def _opening_paragraphs(body: list[Block]) -> dict[int, Block]:
    """The paragraphs of a page with no partner heading that each open on a partner and its
    country ("Avec Wolfach, en Allemagne, …": :func:`pipeline.partners.opens_on_partner`),
    by index in ``body``, with the heading each stands for: two of them or more, each on
    another place, make the page's sections; one alone is its story's (none returned)."""
    found: dict[int, Block] = {}
    places: set[str] = set()
    texts = [b.text for b in body if not b.aside]
    for i, block in enumerate(body):
        if block.kind != "paragraph" or block.aside:
            continue
        heading = opens_on_partner(block.text)
        if heading is None and (place := opening_place(block.text)):
            # its country where the page names it, else the one its own paragraph names most
            told = country_told(place, [t for t in texts if t != block.text] + [block.text])
            most = most_named_country([block.text]) if told is None else told[0]
            heading = f"{place} ({most})" if most and country_code(most) else None
        heading = heading or subject_placed(block.text)
        if not heading or not heading_like(heading):
            continue
        place = slug(place_name(split_heading(heading)[0]))
        if place not in places:
            places.add(place)
            found[i] = Block("heading", heading, block.line, level=2)
    return found if len(found) > 1 else {}


def _own_blocks(body: list[Block], start: int, end: int, roles: Mapping[int, Role]) -> list[Block]:
    """The blocks of a partner's section from ``start`` to ``end``, but for a heading of no
    partner's ("Notes et références", "Contact") and what it heads, up to the next heading:
    set aside with it (:func:`_under_other`), they say nothing of how the partner's story
    is told and tell none of its events (a pasted article's footnotes, each dated)."""
    own: list[Block] = []
    other = False
    for i in range(start + 1, end):
        if body[i].kind == "heading":
            other = roles.get(i) == "other"
        if not other:
            own.append(body[i])
    return own


def _fiche_alone(blocks: list[Block]) -> bool:
    """A section's text is its partner's fiche, field lines alone ("Région : Kayes",
    "Date de l’accord : 2005"), as a summary table of the partners gives each row."""
    text = [b for b in blocks if not b.aside and b.kind != "heading"]
    return bool(text) and all(b.kind == "list_item" and (found := field_line(b.text)) is not None
                              and key_alone(found.key) is not None for b in text)


def _under_other(blocks: list[Block], own: list[Block]) -> list[SetAside]:
    """What a section's story leaves out of ``blocks`` (:func:`_own_blocks`), set aside:
    a heading of no partner's and the text under it, a block the page marked aside."""
    kept = {id(b) for b in own}
    return [SetAside(b, b.aside) if b.aside else SetAside(b, OTHER_HEADING, warn=True)
            if b.kind == "heading" else SetAside(b, UNDER_OTHER_HEADING)
            for b in blocks if b.aside or id(b) not in kept]


def _told_throughout(parts: list[list[Block]], alone: bool = False) -> bool:
    """Every partner section of the page told in prose, several events to a paragraph (a
    magazine's feature: "De 2003 à 2014, six jeunes … Entre 2004 et 2006, le projet …; la
    même année, …"): no entry labelled as such (a label and its colon, "2012 : …", or a list
    item), and at least two paragraphs, half of the dated ones, each telling two dated events
    or more (:func:`pipeline.narrative.sentences`). Each section is then read as its partner's
    story (:func:`_told_in_prose`), each event an entry, where one paragraph would be one
    entry whose other dates stay inside it. ``alone``: one section among sections of
    labelled entries, so told when most of its dated paragraphs, more than half, tell two
    events or more (a section of one-event paragraphs dated with a comma, "2004, …", and a
    paragraph of the tie's years stays as it is)."""
    text = [b for blocks in parts for b in blocks if not b.aside and b.kind != "heading"]
    if any(b.kind == "list_item" or (not _told_answer(b.text) and split_any_label(b.text)) for b in text):
        return False
    dated = [b for b in text if _told_answer(b.text)]
    several = [b for b in dated if sum(event is not None for _, event in sentences(b.text, None)) >= SEVERAL]
    return len(several) >= SEVERAL and 2 * len(several) >= len(dated) + alone


SEVERAL = 2  # events to a paragraph, and such paragraphs to a page told in prose throughout


def _bare_label(text: str) -> bool:
    """A paragraph that opens on a date alone then a comma ("2007-2011, le programme …"):
    a list's entry written so, as its neighbours are, not a story's opening words ("En
    avril 2021, …", "Courant 2021, …")."""
    label = split_any_label(text)
    return label is not None and label[0].lstrip()[:1].isdigit()


def _with_told_paragraphs(section: Section, blocks: list[Block], set_aside: list[SetAside]) -> Section:
    """A section of labelled entries with each paragraph below its first entry, right under
    a sub-heading (a box's title), that is an entry of its own, opens on no label as a
    list's entry does (none, or a date then a comma: "En avril 2021, …") and tells two
    dated events or more (a "Focus" box's story: "En avril 2021, … L'année suivante, … du
    4 au 8 juillet …"), read as a story (:func:`_story`): each dated sentence an event,
    relative dates from the ones before, where one entry would hold them all under its
    first date."""
    if not section.entries:
        return section
    first = min(e.line for e in section.entries)
    starts = {e.line for e in section.entries}
    about = About(split_heading(section.heading.text)[0])
    for above, block in pairwise(blocks):
        if above.kind != "heading" or above.aside \
                or block.kind != "paragraph" or block.aside or block.line <= first \
                or block.line not in starts \
                or not _told_answer(block.text) or _bare_label(block.text) \
                or sum(event is not None for _, event in sentences(block.text, None)) < SEVERAL:
            continue
        told = _story(None, [section.heading, block], about)
        if told is None or len(told[0].entries) < SEVERAL:
            continue
        kept = [e for e in section.entries if e.line != block.line]
        section = replace(section, entries=sorted([*kept, *told[0].entries], key=lambda e: e.line))
        set_aside += [a for a in told[1] if a.block is not section.heading and a.block is not block]
    return section


def _told_in_prose(section: Section, set_aside: list[SetAside], with_above: bool = True,
                   written: tuple[int, int | None, int | None] | None = None) -> Section:
    """The one partner of a page whose section holds prose alone ("Jumelage avec
    Quargnento", then "Le Comité de Jumelage est né le 10 octobre 2002 …, une première
    rencontre a eu lieu … en mars 2003"), maybe told above its heading (the dated
    paragraphs of the introduction, set aside otherwise: "Le vendredi 04 février 1994, les
    personnes intéressées par … les villes jumelées d'AVRANCHES et de CREDITON …" above
    "CREDITON"): its story, whose dated sentences are its events, as a page without the
    heading is read (:func:`_story`); the section as it was when the story tells no event.
    ``with_above`` false: one of several sections, each opening on its paragraph, whose
    introduction is no one partner's. ``written``: the day the page was written
    (:func:`sitting_day`)."""
    above = [a for a in set_aside if a.reason == DATED_INTRODUCTION] if with_above else []
    if not section.description and not above:
        return section
    told = _story(None, [section.heading, *(a.block for a in above), *section.description],
                  About(split_heading(section.heading.text)[0], written=written))
    if told is None or not told[0].entries:
        return section
    story, aside, _ = told
    set_aside[:] = [a for a in set_aside if a not in above]
    set_aside += [s for s in aside if s.block is not section.heading]
    return Section(section.heading, story.description, story.entries, section.intro, section.tie_year)


_SITTING = re.compile(r"\s*(?:" + "|".join(re.escape(fold(w)) for w in lexicon("narrative")["sitting_words"])
                      + r")(?!\w)")
SITTING_LINE = 90  # characters of a line that dates a sitting: a line, not a sentence


def sitting_day(intro: list[Block]) -> tuple[int, int | None, int | None] | None:
    """The day the meeting whose text the page is sat, when a short line of its
    introduction opens on a meeting's word and gives one day ("Séance du mardi 5 mars
    2024", "Assemblée générale du samedi 23 novembre 2024"): the time of writing
    from which each section's story tells "en juillet dernier" or "au printemps prochain".

    >>> sitting_day([Block("paragraph", "Séance du mardi 5 mars 2024", 3)])
    (2024, 3, 5)
    >>> sitting_day([Block("paragraph", "Séance photo du 5 mars 2024 au 8 mars 2024 : inscrivez-vous", 3)])
    >>> sitting_day([Block("paragraph", "Le 5 mars 2024, la séance a duré deux heures.", 3)])
    """
    for block in intro:
        text = block.text.strip()
        if len(text) > SITTING_LINE or not _SITTING.match(fold(text)):
            continue
        days = [f.period for f in find_dates(text) if f.period and f.period.start_date
                and f.period.start_date == f.period.end_date]
        if len(days) == 1 and (day := days[0].start_date) is not None:
            return day.year, day.month, day.day
    return None


def _prose_beside_entries(section: Section, set_aside: list[SetAside],
                          written: tuple[int, int | None, int | None] | None) -> Section:
    """A section that a paragraph opening on its partner starts (:func:`_opening_paragraphs`)
    and that holds dated lines too below it (a deliberation's last clause, "Considérant
    enfin qu'à Kita, un forage creusé en 2015 …, et que la maternité rénovée en 2022 …",
    above its articles): its paragraphs of prose read as its story, their events beside
    the dated lines, as a section of prose alone is read."""
    taken = {line for e in section.entries for line in range(e.line, e.line_end + 1)}
    prose = [b for b in section.description if b.line not in taken]
    told = _told_in_prose(Section(section.heading, prose), set_aside, with_above=False, written=written)
    if not told.entries:
        return section
    dated = [b for b in section.description if b.line in taken]
    return replace(section, description=[*told.description, *dated],
                   entries=sorted([*section.entries, *told.entries], key=lambda e: e.line))


def _intro_list(intro: list[Block]) -> list[Block]:
    """The intro's blocks, its list items however the page wrote them: a paragraph typed
    with a bullet ("·      La ville de …" pasted from a word processor, "- La commune de …"
    cut by ``<br>``); and, when the intro has no other list, the list whose items link to
    the page's sections (a table of contents is then the intro's list of partners).

    >>> [b.kind for b in _intro_list([Block("paragraph", "·\u00a0\u00a0 La commune de Tamba (Mali)", 4)])]
    ['list_item']
    >>> [b.aside for b in _intro_list([Block("list_item", "Kita (Mali)", 5, aside=TABLE_OF_CONTENTS)])]
    [None]
    """
    listed = [_typed_item(block) for block in intro]
    if any(b.kind == "list_item" and not b.aside for b in listed):
        return listed
    # after the intro's blocks, so that each block keeps its index in the page's body
    enumerated = [item for block in listed for item in _enumerated(block)]
    if enumerated:
        return listed + enumerated
    return [Block("list_item", b.text, b.line) if b.kind == "list_item" and b.aside == TABLE_OF_CONTENTS
            else b for b in listed]


_LIST_JOINERS = lexicon("headings")["list_joiners"]
_LISTED = re.compile(r"\s*[,;]\s*|\s+(?:" + "|".join(re.escape(w) for w in _LIST_JOINERS) + r")\s+")
MIN_LISTED = 2  # places: one is a sentence about a partner, not a list


def _enumerated(block: Block) -> list[Block]:
    """A paragraph of the intro with a sentence that lists, after a colon, places each
    with its country ("Seuls quatre jumelages sont actifs : Sikasso au Mali, Guimarães au
    Portugal et Lauf en Allemagne.") is the intro's list of partners written as prose: the
    list items, one per place (:func:`_listed_parts`).

    >>> [b.text for b in _enumerated(Block("paragraph", "Nos villes jumelles : Kita au Mali, "
    ...                                    "Lauf en Allemagne et Aveiro (Portugal).", 3))]
    ['Kita au Mali', 'Lauf en Allemagne', 'Aveiro (Portugal)']
    >>> _enumerated(Block("paragraph", "Au programme : des visites, des concerts et un repas.", 3))
    []
    >>> [b.text for b in _enumerated(Block("paragraph", "D'autres jumelages ont suivi : Darmstadt "
    ...                                    "(Allemagne) et Alkmaar (Pays-Bas) en 1958.", 3))]
    ['Darmstadt (Allemagne)', 'Alkmaar (Pays-Bas)']
    """
    return [Block("list_item", place, block.line) for place, _ in _listed_parts(block)]


def _listed_parts(block: Block) -> list[tuple[str, int | None]]:
    """The places of a paragraph's list of partners written as prose (:func:`_enumerated`),
    each with the tie's year the list gives it. Every part must read as a place beside its
    country, so that no other enumeration ("les écoles, les clubs et les familles") is one.
    A sentence of the paragraph that lists none may name one partner after a cue of
    twinning, beside its country (:func:`pipeline.narrative.cued_places`), no year read.
    A year written after a part ("Alkmaar (Pays-Bas) en 1958") is no part of the place: it
    dates the members of the list since the last dated one, as a complement after a
    coordination does in French ("Darmstadt (Allemagne) et Alkmaar (Pays-Bas) en 1958,
    Zielona-Góra (Pologne) en 1970": Darmstadt's tie is of 1958 too); a part after the last
    year has none.

    >>> _listed_parts(Block("paragraph", "Ont suivi : Lauf (Allemagne) et Kita (Mali) en 1970, "
    ...                     "Sikasso au Mali en 1985 et Aveiro (Portugal).", 3))
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Lauf (Allemagne)', 1970), ('Kita (Mali)', 1970), ('Sikasso au Mali', 1985),
     ('Aveiro (Portugal)', None)]
    """
    if block.kind != "paragraph" or block.aside:
        return []
    found: list[tuple[str, int | None]] = []
    for sentence in re.split(r"(?<=[.!?])\s+", block.text):
        written = [p for p in _LISTED.split(sentence.rsplit(":", 1)[1].strip().rstrip(".!?…").strip())
                   if p] if ":" in sentence else []
        years = [int(tied["year"]) if (tied := _TIE_YEAR.search(p)) else None for p in written]
        parts = [_TIE_YEAR.sub("", p) for p in written]
        if len(parts) >= MIN_LISTED and all(_place_beside_country(p) for p in parts):
            shared: list[int | None] = []
            for year in reversed(years):  # an undated member takes the next member's year
                shared.append(year if year is not None or not shared else shared[-1])
            found += zip(parts, reversed(shared), strict=True)
        else:  # no list: the places it names after a cue of a partner, each beside its country
            found += [(place, None) for place in cued_places(sentence)  # ("… vient d'acter un
                      if _place_beside_country(place)]  # jumelage avec la ville de Brescia (Italie)")
    return found


# The year a list of twins writes after a place and its country, the tie's ("Alkmaar
# (Pays-Bas) en 1958", "Lauf en Allemagne depuis 1990"): no part of the place
_DATE_WORDS = lexicon("calendar")["words"]
_TIE_YEAR = re.compile(r"\s*,?\s*(?:(?:" + "|".join(
    re.escape(w) for w in [*_DATE_WORDS["in"], *_DATE_WORDS["since"], *_DATE_WORDS["since_short"]])
    + r")\s+)?\(?(?P<year>(?:1[89]|20)\d\d)\)?\s*$", re.IGNORECASE)


def _intro_notes(body: list[Block], first: int) -> set[int]:
    """The blocks below the first partner heading that are notes of the introduction: a
    paragraph that opens on a footnote's mark ("* En 2021 et 2022, …", "(1) …") whose call
    the introduction writes ("… avec deux villes européennes (*).") and no block below it
    does. The note speaks of the page, not of the section it happens to stand in (the last
    one, at the page's end): it is no entry of that partner."""
    calls = [b.text for b in body[:first] if b.kind == "paragraph" and not b.aside]
    found = set()
    for i in range(first, len(body)):
        block = body[i]
        mark = _FOOTNOTE_MARK.match(block.text) if block.kind == "paragraph" and not block.aside else None
        if mark is None:
            continue
        call = _call_of(mark.group())
        below = (b.text for b in body[first:] if b is not block and not _FOOTNOTE_MARK.match(b.text))
        if any(call.search(text) for text in calls) and not any(call.search(text) for text in below):
            found.add(i)
    return found


def _call_of(mark: str) -> re.Pattern[str]:
    """Where a text calls the note of ``mark``: the mark in brackets ("(*)") or glued after
    a word ("européennes*", "Torodo¹"); a mark written in brackets ("(1)", "[1]") as is."""
    if mark[0] in "([":
        return re.compile(rf"(?<=\S)\s?{re.escape(mark)}")
    return re.compile(rf"\({re.escape(mark)}\)|(?<=[^\W\d_]){re.escape(mark)}(?![*\w¹²³⁴⁵⁶⁷⁸⁹⁰])")


def _ties_in_notes(notes: list[Block], sections: list[Section], set_aside: list[SetAside]) -> None:
    """A note of the introduction (:func:`_intro_notes`) that tells of ties with places it
    names with their countries in brackets (:func:`pipeline.narrative.bracketed_places`: "les
    Villes du Coteau, de Zwevegem (Belgique) et de Marchamalo (Espagne) … ont mis fin à leurs
    relations", the twins the intro no longer counts) names partners of the town that no
    section tells of: a section for each, the note's dated text its entry in each (one act of
    several ties, one row each). A note that names none, or only the sections' partners,
    stays set aside."""
    level = sections[0].heading.level if sections else 2
    known = {slug(place_name(_place_of(s.heading.text)[0])) for s in sections}
    for note in notes:
        text = _FOOTNOTE_MARK.sub("", note.text, count=1).strip()
        places = [p for p in dict.fromkeys(bracketed_places(text))
                  if slug(place_name(_place_of(p)[0])) not in known]
        labelled = split_any_label(text)
        if not places or labelled is None:
            continue
        set_aside[:] = [a for a in set_aside if a.block is not note]
        for place in places:
            known.add(slug(place_name(_place_of(place)[0])))
            sections.append(Section(Block("heading", place, note.line, level=level),
                                    entries=[Entry(labelled[0], note.text, note.line, note.line)]))


def _listed_in_prose(intro: list[Block], sections: list[Section], set_aside: list[SetAside]) -> None:
    """A partner the intro lists in a sentence (:func:`_enumerated`) with its country is a
    partner of the town even when no section of the page tells of it ("Seuls quatre
    jumelages sont actifs : …" above the one partner the page describes): a section of its
    own, with no text, instead of an intro item naming no section. An item of a list the
    page writes as a list keeps that report (a section may have been lost). Each section
    of an item of such a list takes the tie's year the list gives its place."""
    prose = {b.line for b in intro if b.kind == "paragraph"}
    level = sections[0].heading.level if sections else 2
    for found in [s for s in set_aside if s.reason == UNLINKED_ITEM and s.block.line in prose
                  and _place_beside_country(s.block.text)]:
        set_aside.remove(found)
        sections.append(Section(Block("heading", found.block.text, found.block.line, level=level),
                                intro=found.block))
    years = {(block.line, place): year for block in intro for place, year in _listed_parts(block)}
    for section in sections:  # the tie's year the prose list gives the place of its item
        if section.intro and section.tie_year is None:
            section.tie_year = years.get((section.intro.line, section.intro.text))


TELLING_WORD = 5  # letters of a word of a place's name that tells the place alone
# Where a clause of the intro's prose ends: a semicolon or a sentence's end.
_CLAUSE_END = re.compile(r"[;.!?](?=\s|$)")


def _ties_in_intro(intro: list[Block], sections: list[Section]) -> None:
    """The tie's year each partner takes from the intro's prose when the page gathers
    them there, a clause each ("Gao est jumelée avec la ville depuis 1985 ; un accord de
    coopération lie la ville et Kati depuis 2012."): a clause that names one partner's
    place alone and an agreement with its year (:func:`pipeline.places.agreement`) gives
    that partner's section its ``tie_year``, unless it has one already."""
    prose = [block for block in intro if block.kind == "paragraph" and not block.aside]
    if not prose:
        return
    names = [name_words(place_name(split_heading(s.heading.text)[0])) for s in sections]
    by_word: dict[str, list[int]] = {}  # each word of a name: the sections it names
    for n, place in enumerate(names):
        for word in place:
            by_word.setdefault(word, []).append(n)
    for block in prose:
        for clause in _CLAUSE_END.split(block.text):
            words = set(slug(clause).split("-"))
            # all the words of its name, or one long enough to tell it ("Havel" for
            # "Brandenbourg-sur-la-Havel"; not "Est" of "Jérusalem-Est")
            candidates = sorted({n for word in words for n in by_word.get(word, ())})
            named = [n for n in candidates if names[n] <= words
                     or any(len(w) >= TELLING_WORD for w in names[n] & words)]
            if len(named) == 1 and sections[named[0]].tie_year is None \
                    and (signed := agreement(clause)) is not None and signed.year is not None:
                sections[named[0]].tie_year = signed.year


def _named_sections(text: str, names: list[set[str]], by_word: dict[str, list[int]]) -> list[int]:
    """The sections whose place a text names: all the words of its name, or one long enough
    to tell it alone ("Havel" for "Brandebourg-sur-la-Havel"; not "Est" of "Jérusalem-Est")."""
    words = set(slug(text).split("-"))
    candidates = sorted({n for word in words for n in by_word.get(word, ())})
    return [n for n in candidates
            if names[n] <= words or any(len(w) >= TELLING_WORD for w in names[n] & words)]


def _told_in_round_up(sections: list[Section], set_aside: list[SetAside]) -> None:
    """The paragraphs of the introduction that each tell two dated events or more and open
    on one partner of the sections below (a press release's round-up before its annex: "Avec Cottbus, l'année
    2023 a été …", "À Kita, au cours de l'hiver …"): each run of their sentences that
    names one partner, and the sentences after it that name none, is that partner's story
    (:func:`_story`), its events entries of that partner's section, above the section's
    own. A sentence that names no partner before any did (the council's vote that opens
    the release) stays set aside, and so does a paragraph whose first sentence names none
    or several."""
    if len(sections) < SEVERAL:
        return
    names = [name_words(place_name(split_heading(s.heading.text)[0])) for s in sections]
    by_word: dict[str, list[int]] = {}
    for n, place in enumerate(names):
        for word in place:
            by_word.setdefault(word, []).append(n)
    for found in [s for s in set_aside if s.reason in (DATED_INTRODUCTION, INTRODUCTION)
                  and s.block.kind == "paragraph"]:
        events = sentences(found.block.text, None)
        told = [sentence for sentence, _ in events]
        if sum(event is not None for _, event in events) < SEVERAL \
                or len(_named_sections(told[0], names, by_word)) != 1:
            continue
        runs: list[tuple[int, list[str]]] = []
        for sentence in told:
            named = _named_sections(sentence, names, by_word)
            if len(named) == 1 and (not runs or runs[-1][0] != named[0]):
                runs.append((named[0], [sentence]))
            else:
                runs[-1][1].append(sentence)
        read = []
        for n, run in runs:
            section = sections[n]
            story = _story(None, [section.heading, Block("paragraph", " ".join(run), found.block.line)],
                           About(split_heading(section.heading.text)[0]))
            if story is not None and story[0].entries:
                read.append((section, story[0].entries))
        if read:
            set_aside.remove(found)
            for section, entries in reversed(read):
                section.entries[:0] = entries


def _place_beside_country(text: str) -> bool:
    """A place's name and, beside it, the country it is in ("Lauf en Allemagne")."""
    place, bracket = split_heading(text)
    return bool(place[:1].isupper() and place_name(place) and not country_code(place)
                and countries(bracket)[1])


def _typed_item(block: Block, notes: Collection[str] = ()) -> Block:
    """A paragraph typed with a bullet is a list item, unless its star is the mark of a note
    the page calls (``notes``: :func:`pipeline.read.star_notes`)."""
    if block.kind == "paragraph" and not block.aside and (item := bullet_item(block.text)) \
            and block.text[:len(block.text) - len(item)].strip() not in notes:
        return Block("list_item", item, block.line)
    return block


# The end of a sentence: a stop followed by a space or the end of the text.
_FIRST_SENTENCE = re.compile(r"[.!?…](?=\s|$)")
_BRACKET_AFTER = re.compile(r"\s{0,3}\(([^()]{1,60})\)")
INTRODUCING = 400  # characters of a sentence that introduces a partner


def _place_and_country(item: str) -> tuple[str, str | None]:
    """An intro item's place and country code."""
    name, bracket = split_heading(item)
    return place_name(name), countries(bracket)[1]


def _introduced(body: list[Block], starts: list[int], places: list[tuple[str, str | None]],
                linked: set[int | None]) -> dict[int, Block]:
    """The paragraphs that open the section of a partner of the intro's list that no
    heading names ("Depuis 1997, la Ville est jumelée avec La Lisa (Cuba)." where a heading
    "La Lisa (Cuba)" is missing, a grid of cells with no heading): by index in ``body``,
    the heading each stands for, the place as the paragraph writes it with its country
    (:func:`introduces`). The paragraph is the new section's first description block."""
    wanted: dict[str, list[tuple[str, str]]] = {}  # first word of the place -> (place, country code)
    for i, (place, code) in enumerate(places):
        if i not in linked and code and (words := sorted(name_words(place))):
            wanted.setdefault(words[0], []).append((place, code))
    found: dict[int, Block] = {}
    level, headings = body[starts[0]].level, set(starts)
    for i in range(starts[0] + 1, len(body)):
        block = body[i]
        if not wanted:
            break
        if block.kind != "paragraph" or block.aside or i in headings:
            continue
        head = block.text[:INTRODUCING]
        for word in name_words(head) & wanted.keys():
            following = body[i + 1].text if i + 1 < len(body) else ""
            for place, code in wanted[word]:
                if heading := introduces(head, following, place, code):
                    found[i] = Block("heading", heading, block.line, level=level)
                    wanted[word].remove((place, code))
                    if not wanted[word]:
                        del wanted[word]
                    break
            if i in found:
                break
    return found


def introduces(text: str, following: str, place: str, code: str) -> str | None:
    """The heading a paragraph stands for when it introduces the partner ``place`` of
    country ``code``: its first sentence names the place with the country (in brackets
    after it, or anywhere in the sentence: "à Cuba", "commune cubaine"), and the place is
    named again after it (in the paragraph or the next), so that the paragraph is about
    it, not a passing mention. The heading is the place as the paragraph writes it, and
    its brackets.

    >>> introduces("Depuis 1997, la Ville est jumelée avec La Lisa (Cuba).",
    ...            "La Lisa est l’une des quinze municipalités de La Havane.", "La Lisa", "CU")
    'La Lisa (Cuba)'
    >>> introduces("Notre amitié avec Tamba, au Mali, date de 1990. Tamba compte 9 000 habitants.",
    ...            "", "Tamba", "ML")
    'Tamba'
    >>> introduces("2016 : charte signée avec Kobané (Syrie).", "2017 : visite à Gao.", "Kobané", "SY")
    """
    end = _FIRST_SENTENCE.search(text)
    first, rest = (text[:end.end()], text[end.end():]) if end else (text, "")
    words = [re.escape(w) for w in re.findall(r"\w+", place)]
    if not words:
        return None
    mention = re.search(r"(?<!\w)" + r"\W{1,3}".join(words) + r"(?!\w)", first, re.IGNORECASE)
    if mention is None:
        return None
    bracket = _BRACKET_AFTER.match(first, mention.end())
    country = countries(bracket.group(1))[1] if bracket else None
    if country != code and (country_in_text(first) or ("", ""))[1] != code:
        return None
    again = f"-{slug(place)}-"
    if again not in f"-{slug(rest)}-" and again not in f"-{slug(following[:INTRODUCING])}-":
        return None
    return first[mention.start():bracket.end() if bracket and country == code else mention.end()]


def _news_items(entries: list[Entry]) -> list[Entry]:
    """A newsletter's news items, each a date and the place it is about on a line ("Sam.
    14/09/2024 – Gao", "2024-10-05 → 2024-10-19 – Kita"), its text on the lines below (an
    entry of the same label): one entry, which :func:`_to_named_partners` gives to the
    partner it names."""
    out: list[Entry] = []
    for entry in entries:
        above = out[-1] if out else None
        if above is not None and above.label and entry.label == above.label and "\n" not in above.text \
                and entry.line > above.line_end and _place_alone(above):
            out[-1] = _joined(above, entry)
        else:
            out.append(entry)
    return out


def _place_alone(entry: Entry) -> bool:
    """An entry whose text after its label is a place's name alone, after a dash."""
    if not entry.label or not entry.text.startswith(entry.label):
        return False
    found = _DASH_NAME.fullmatch(entry.text[len(entry.label):])
    return found is not None and (country_code(found["name"]) is not None or heading_like(found["name"]))


_DASH_NAME = re.compile(r"\s+[–—-]\s+(?P<name>[^\n]{2,80}?)\s*")


def _without_news_rubrics(sections: list[Section], set_aside: list[SetAside]) -> list[Section]:
    """The sections without those a news rubric's heading opened ("À la une", "Agenda":
    ``headings.teaser_headings``) once their entries went to the partners they name: the
    heading is set aside as no partner's."""
    kept = []
    for section in sections:
        if not section.entries and not section.description \
                and heading_key(section.heading.text) in _TEASER_HEADINGS:
            set_aside.append(SetAside(section.heading, OTHER_HEADING))
        else:
            kept.append(section)
    return kept or sections


def _town_agenda(sections: list[Section], rubrics: list[int], set_aside: list[SetAside]) -> None:
    """The page's own agenda: below a news rubric's heading at the partners' level ("AGENDA"
    after the last partner's section, ``rubrics``: their lines, sorted), an entry that
    names no partner (its own section's neither, once :func:`_to_named_partners` gave the
    others theirs, nor a place or a country after its label: "Mar. 10/12/2024 – Conseil
    municipal") is the town's date, no partner's event: set aside as a teaser, with a
    warning."""
    if not rubrics:
        return
    for section in sections:
        own = set().union(*_aliases(section))
        kept = []
        for entry in section.entries:
            if len(entry.parts) == 1 and _below_other_heading(section, entry, rubrics) \
                    and _named_head(entry) is None and not _proper_nouns(entry.text) & own:
                set_aside.append(SetAside(Block("list_item", entry.text, entry.line), TEASER, warn=True))
            else:
                kept.append(entry)
        section.entries = kept


def _to_named_partners(sections: list[Section], under: Mapping[int, int] | None = None,
                       ends: Sequence[tuple[int, int]] = ()) -> None:
    """Move each entry whose text, after its label, opens with another partner's name and
    a separator ("Mars 2024 – Dianguirdé : arrivée du matériel …" in an agenda under
    another partner) to that partner's section: the partner its words name (heading or
    intro item, :func:`named_partner`), the one partner of the page in the country it
    names. An entry below a heading of its section that names no partner (``under``: the
    lines of the page's sub-headings with their levels, and of the headings the gate refused:
    "Actualités" after a table of partners) goes to the one partner its proper nouns name,
    when that is not its own; a sub-heading deeper than the section's own heading is a part
    of that partner's section ("Historique" in a partner's tab), whose entries stay, unless
    a heading of no partner at the section's level or above ("L'année en bref", ``ends``)
    closed the section before it."""
    heads = [[_named_head(entry) for entry in section.entries] for section in sections]
    levels = under or {}
    listed = _listed_headings(sections)
    below = [[n in listed or _below_other_heading(section, entry, lines) for entry in section.entries]
             for n, section in enumerate(sections)
             for lines in [sorted(line for line, level in levels.items()
                                  if _outside(section, line, level, ends))]]
    if not any(head for entries in heads for head in entries) and not any(map(any, below)):
        return  # no entry opens with a name nor sits below another heading
    names = PartnerNames([_aliases(section) for section in sections],
                         [_country_of(section) for section in sections])
    own_words = _own_words(sections)
    moved: list[list[Entry]] = [[] for _ in sections]
    for n, section in enumerate(sections):
        kept = []
        for entry, head, apart in zip(section.entries, heads[n], below[n], strict=True):
            to = _partner_named(head, names) if head else None
            if to is None and apart:
                proper = _proper_nouns(entry.text)
                named = names.named(proper) or _by_own_word(proper, own_words)
                to = named[0] if len(named) == 1 else None
            if to is None or to == n:
                kept.append(entry)
            else:
                moved[to].append(entry)
        section.entries = kept
    for section, entries in zip(sections, moved, strict=True):
        if entries:
            section.entries = sorted(section.entries + entries, key=lambda e: e.line)


def _to_the_one_named(sections: list[Section]) -> None:
    """On a page whose sections each open on a paragraph naming their partner (no
    heading: :func:`_opening_paragraphs`), move an entry whose names name one other partner
    and not its own to that partner ("ARTICLE 3 : ALLOUE 4 000 € pour équiper en 2024 la
    maternité de Kita." below a deliberation's last clause, another partner's): nothing but
    the order of the page tied it to the section above."""
    names = PartnerNames([_aliases(section) for section in sections],
                         [_country_of(section) for section in sections])
    moved: list[list[Entry]] = [[] for _ in sections]
    for n, section in enumerate(sections):
        kept = []
        for entry in section.entries:
            named = names.named(_proper_nouns(entry.text))
            if len(named) == 1 and named[0] != n:
                moved[named[0]].append(entry)
            else:
                kept.append(entry)
        section.entries = kept
    for section, entries in zip(sections, moved, strict=True):
        if entries:
            section.entries = sorted(section.entries + entries, key=lambda e: e.line)


OWN_WORD = 4  # letters: a shorter word of a name ("Gao" aside, named whole) tells too little


def _own_words(sections: list[Section]) -> dict[str, int]:
    """The words written with a capital in one partner's names (heading, intro item) and
    in no other's: the proper nouns that name it alone ("Tindouf" of "Camps de réfugiés
    Sahraouis de Tindouf", "Jalazone" of "Jifna et le camp de Jalazone"), word -> partner.

    >>> sections = [Section(Block("heading", "Camps de réfugiés Sahraouis de Smara (Algérie)", 1)),
    ...             Section(Block("heading", "Camps de Mbera (Mauritanie)", 5))]
    >>> sorted(_own_words(sections).items())
    [('mbera', 1), ('sahraouis', 0), ('smara', 0)]
    """
    owners: dict[str, set[int]] = {}
    for n, section in enumerate(sections):
        names = [section.heading.text] + ([section.intro.text] if section.intro else [])
        for name in names:
            for word in _proper_nouns(place_name(split_heading(name)[0])):
                owners.setdefault(word, set()).add(n)
    return {word: next(iter(held)) for word, held in owners.items()
            if len(held) == 1 and len(word) >= OWN_WORD}


def _by_own_word(proper: set[str], own_words: dict[str, int]) -> list[int]:
    """The partners a text's proper nouns name by a word of their names that is theirs
    alone (:func:`_own_words`), when the whole of no partner's name is written: "Dans les
    camps de Tindouf, …" names the "Camps de réfugiés Sahraouis de Tindouf"."""
    return sorted({own_words[word] for word in proper if word in own_words})


def _listed_headings(sections: list[Section]) -> set[int]:
    """The sections that end a run of partner headings written one after the other with no
    text between them ("Nos villes jumelles :", then "🇩🇪 Wolfach (depuis 1972)", "🇮🇹
    Pontremoli (depuis 1985)", … a line each, then the news): the text below the run is the
    page's, not the last partner's alone, so each of its entries goes to the partner it names.

    >>> empty, told = Section(Block("heading", "Wolfach", 1)), Section(Block("heading", "Tomar", 2))
    >>> told.entries.append(Entry("2019", "2019 : Wolfach", 3, 3))
    >>> _listed_headings([empty, told]), _listed_headings([told, empty])
    ({1}, set())
    """
    return {n for n in range(1, len(sections))
            if not sections[n - 1].entries and not sections[n - 1].description and sections[n].entries}


def _outside(section: Section, line: int, level: int, ends: Sequence[tuple[int, int]]) -> bool:
    """A sub-heading (at ``line``, ``level``) that is no part of the section: no deeper than
    its heading, or after a heading of no partner (``ends``) that closed the section."""
    own = section.heading.level
    return not level or not own or level <= own or any(
        section.heading.line < at < line and depth <= own for at, depth in ends)


def _below_other_heading(section: Section, entry: Entry, under: list[int]) -> bool:
    """The entry sits below a heading of its section that names no partner (``under``:
    those headings' lines, sorted: the nearest one above the entry is looked up), below
    the nearest of the section's own headings above it (its place named again further
    down heads what follows as its first heading does)."""
    above = bisect_right(under, entry.line - 1)
    own = max((line for line in (section.heading.line, *section.again) if line < entry.line),
              default=section.heading.line)
    return above > 0 and under[above - 1] > own


def _proper_nouns(text: str) -> set[str]:
    """The words of a text's names (each word written with a capital, as a place's name's
    words: "Brandebourg-sur-la-Havel" is "brandebourg" and "havel")."""
    return set().union(*(name_words(word) for word in re.findall(r"(?<![\w'’-])[^\W\d_][\w'’-]*", text)
                         if word[0].isupper()))


def _aliases(section: Section) -> list[set[str]]:
    names = [split_heading(section.heading.text)[0]] + ([split_heading(section.intro.text)[0]]
                                                         if section.intro else [])
    return [words for name in names if (words := name_words(place_name(name)))]


def _country_of(section: Section) -> str | None:
    return countries(split_heading(section.heading.text)[1])[1] or (
        countries(split_heading(section.intro.text)[1])[1] if section.intro else None)


def _same_words(words: set[str], other: set[str]) -> bool:
    """Two names of one place: the words of one among the other's, each maybe in another
    spelling ("brandebourg" and "brandenburg": difflib ratio ≥ ``SIMILAR_SPELLING``).

    >>> _same_words({"brandebourg", "havel"}, {"brandenburg", "havel"}), _same_words({"gao"}, {"kita"})
    (True, False)
    """
    small, large = sorted((words, other), key=len)
    return bool(small) and all(w in large or any(
        difflib.SequenceMatcher(None, w, o).ratio() >= SIMILAR_SPELLING for o in large) for w in small)


class PartnerNames:
    """The words of each partner's names (its heading's and intro item's places) and its
    country, indexed by word and by a word's first letters, so that finding the partner a
    phrase names costs the same with 6 partners or 100,000.

    >>> names = PartnerNames([[{"gao"}], [{"tindouf", "camps", "refugies"}]], ["ML", "DZ"])
    >>> names.named({"tindouf"}), names.named({"tindouff"}), names.named({"kita"})
    ([1], [1], [])
    """

    MAX_CLOSE = 20  # partners sharing a word of the phrase, or its first letters, compared

    def __init__(self, aliases: list[list[set[str]]], codes: list[str | None]):
        self.aliases, self.codes = aliases, codes
        self._by_word: dict[str, set[int]] = {}
        self._by_start: dict[str, set[int]] = {}
        self._by_code: dict[str, list[int]] = {}
        for n, names in enumerate(aliases):
            for word in set().union(*names):
                self._by_word.setdefault(word, set()).add(n)
                self._by_start.setdefault(word[:3], set()).add(n)
        for n, code in enumerate(codes):
            if code:
                self._by_code.setdefault(code, []).append(n)

    def named(self, words: set[str]) -> list[int]:
        """The partners one of whose names holds ``words`` or is held by them, each word
        maybe in a close spelling."""
        found = []
        for n in sorted(set().union(*(sorted(self._by_word.get(w, set()) | self._by_start.get(w[:3], set()))
                                      [:self.MAX_CLOSE] for w in words))):
            if any(_same_words(words, alias) for alias in self.aliases[n]):
                found.append(n)
                if len(found) > 1:
                    break  # two partners: the phrase names neither for sure
        return found

    def in_country(self, code: str) -> list[int]:
        return self._by_code.get(code, [])


# What opens an entry's text after its label: a short name, then a colon, a comma or a
# spaced dash ("Tindouf : …", "Dianguirdé – …").
# (the head starts and ends on a non-space, its leading run taken whole: a run of spaces
# read once, not once per place a head could start or end in it)
_NAMED_HEAD = re.compile(r"[\s:–—-]*+(?P<head>[^\s:,;.()\d][^:,;.()\d\n]{0,78}?[^\s:,;.()\d])"
                         r"[^\S\n]*(?::|,|\s[–—-]\s|\n)")


def named_partner(entry: Entry, names: PartnerNames) -> int | None:
    """The partner (its index) whose name, or country, an entry's text opens with after
    its label, followed by a separator; ``None`` when it names none or several.

    >>> names = PartnerNames([[{"gao"}], [{"tindouf", "camps", "refugies"}]], ["ML", "DZ"])
    >>> named_partner(Entry("Juillet 2023", "Juillet 2023 – Tindouf : reprise de l’accueil", 1, 1), names)
    1
    >>> named_partner(Entry("2019", "2019 : Algérie, envoi de matériel", 1, 1), names)
    1
    >>> named_partner(Entry("2005", "2005, la Ville, Gao et Tindouf ont …", 1, 1), names) is None
    True
    """
    head = _named_head(entry)
    return _partner_named(head, names) if head else None


def _named_head(entry: Entry) -> tuple[str, str | None] | None:
    """The name (and its country code, when it is a country's) an entry's text opens
    with after its label, followed by a separator; ``None`` when it opens otherwise."""
    rest = entry.text[len(entry.label):] if entry.label and entry.text.startswith(entry.label) else entry.text
    found = _NAMED_HEAD.match(rest)
    if found is None:
        return None
    head = found["head"].strip()
    if code := country_code(head):
        return head, code
    return (head, None) if heading_like(head) else None


def _partner_named(head: tuple[str, str | None], names: PartnerNames) -> int | None:
    """The one partner a name opening an entry names (the one partner in its country)."""
    name, code = head
    named = names.in_country(code) if code else names.named(name_words(name))
    return named[0] if len(named) == 1 else None


def _aside(block: Block) -> str | None:
    """Why a block of a story is set aside as the rest of the page's furniture is."""
    if block.aside:
        return block.aside
    if is_navigation(block.text):
        return NAVIGATION_LINK
    return FURNITURE if is_furniture(block.text) else around_the_text(block.text)


_STORY_REASONS = Reasons(_aside, CAPTION, SUB_HEADING, INTRODUCTION, DATED_INTRODUCTION)


def _story(title: Block | None, body: list[Block], about: About | None,
           ) -> tuple[Section, list[SetAside], list[Section]] | None:
    """The page, or the part of it above the first partner heading, as one partner's
    section (:mod:`pipeline.narrative`), what it sets aside, and a section with no text for
    each other partner the story names (:func:`pipeline.narrative.named_partners`)."""
    story = read_narrative(title, body, _STORY_REASONS, about)
    if story is None:
        return None
    section = Section(story.heading, story.description, tie_year=story.tie_year)
    for event in story.events:
        (_, text, line), *more = event.pieces
        draft = _Draft.start(event.label, text, line)
        for separator, text, line in more:
            draft.extend(text, line, separator)
        section.entries.append(replace(draft.entry(), period_label=event.period_label))
    section.entries = _months_of_a_calendar(section.entries)  # a story's "Janvier : …" lines
    others: list[Section] = []
    lines = {story.heading.line}
    for other in story.others:  # each at the first line that names it (a record starts on it)
        first = re.findall(r"\w+", fold(other.name))[0]
        naming = [b.line for b in body if not b.aside and (first in re.findall(r"\w+", fold(b.text))
                                                        or names_place(b.text, other.name))]
        at = next((line for line in naming if line not in lines), naming[0] if naming else None)
        if at is not None:
            lines.add(at)
            others.append(Section(Block("heading", other.heading, at, level=story.heading.level),
                                  tie_year=other.tie_year))
    return section, [SetAside(block, reason, warn=warn) for block, reason, warn in story.set_aside], others


def _teaser_rubric(text: str) -> bool:
    """A heading of the site's other posts (``headings.teaser_headings`` that are also
    headings of no partner's section: "Autres contributions", "Articles similaires"), not
    a share bar's "Partager :" or an "Édito" a story may go on below, nor an "Agenda"."""
    return heading_key(text) in _TEASER_HEADINGS and other_heading(text)


def _under_other_headings(body: list[Block]) -> list[Block]:
    """A story's page with what a heading of no partner's section heads set aside: a
    portal's other posts below the article ("Autres contributions", "Articles similaires",
    then their titles as a list), its comments. The section reader sets them aside under
    such a heading; a story read whole would take their titles for its sentences, their
    places for partners ("Nouveau site pour le jumelage de Markgröningen") and their years
    for events. What the heading heads ends at the next heading at its level or above."""
    kept: list[Block] = []
    under: int | None = None  # the level of the heading of no partner's section above
    for block in body:
        if block.kind == "heading" and (under is None or block.level <= under):
            under = block.level if not block.aside and _teaser_rubric(block.text) else None
            if under is not None:
                kept.append(replace(block, aside=OTHER_HEADING))
                continue
        kept.append(replace(block, aside=UNDER_OTHER_HEADING) if under is not None and not block.aside
                    else block)
    return kept


def _narrative(title: Block | None, body: list[Block], about: About | None) -> Page:
    """The page as one partner's story, or the run stops: it names no partner."""
    told = _story(title, body, about)
    if told is None:
        raise Refusal("no_partner")
    section, set_aside, others = told
    together = _named_with(section, body)
    named = {_place_of(s.heading.text)[0] for s in [section, *together]}
    others = [s for s in others if _place_of(s.heading.text)[0] not in named
              and not _the_town_itself(s.heading.text)]
    return Page(title.text if title else None, [],
                _events_of_each(_told_as_pairs([section, *together, *others], body)),
                ([SetAside(title, PAGE_TITLE)] if title else []) + set_aside)


def _told_as_pairs(sections: list[Section], body: list[Block]) -> list[Section]:
    """A story's partners of which one is never named but paired with another ("six
    enfants de Jifna et de Jalazone", "l'accord de coopération avec Jifna et Jalazone",
    Jalazone also named alone): one partnership, whose heading names both as the page
    pairs them ("Jifna et Jalazone (Palestine)"), where the story's own partner stays
    first; two places named apart at least once stay two partners, and so do two in two
    countries or of no country known (twins named together, "Rüsselsheim et Rugby")."""
    text = "\n".join(b.text for b in body if not b.aside)
    places = [place_name(split_heading(s.heading.text)[0]) for s in sections]
    for n, place in enumerate(places):
        named = len(re.findall(rf"(?<!\w){re.escape(place)}(?!\w)", text)) if place else 0
        for m, other in enumerate(places):
            country = split_heading(sections[n].heading.text)[1]
            if m == n or not other or not named or not country \
                    or country != split_heading(sections[m].heading.text)[1]:
                continue  # "Rüsselsheim et Rugby", never apart, are two twins in two countries
            pairs = [rf"(?<!\w){re.escape(a)}\s+(?:{_JOINERS})\s+(?:{_OF_PAIR})?{re.escape(b)}(?!\w)"
                     for a, b in ((place, other), (other, place))]
            paired = [found.group() for pattern in pairs for found in re.finditer(pattern, text)]
            if len(paired) != named:  # named apart at least once: a partner of its own
                continue
            first, second = (place, other) if paired[0].startswith(place) else (other, place)
            name = f"{first} {_PAIR_JOINER} {second}"
            keep = min(n, m)
            heading = sections[keep].heading
            sections[keep] = replace(sections[keep], heading=Block(
                heading.kind, f"{name} ({country})", heading.line, heading.level))
            sections[keep].entries += sections[max(n, m)].entries
            del sections[max(n, m)]
            return _told_as_pairs(sections, body)
    return sections


_PAIR_JOINER = lexicon("narrative")["pair_joiners"][0]
_OF_PAIR = "|".join(re.escape(w) + (r"\s*" if w.endswith(("'", "’")) else r"\s+")
                    for w in lexicon("narrative")["pair_particles"])


def _events_of_each(sections: list[Section]) -> list[Section]:
    """A story's events among the partners it names together, each to the partner its
    first sentence names (:func:`_naming`): by its name ("Durant son séjour de 4 jours à
    Cové …" in the story of a mission to Atakpamé and Cové), by its people ("six jeunes
    brandebourgeois·es", a word that opens on the place's name) or by its country's
    people ("les hôpitaux cubains", "un militant sahraoui": not the country's name, "une
    fête en Allemagne" tells where, not whose; a people of several partners goes to the
    one of them told last). An event naming none
    goes with its paragraph (a line's text stays with one partner): to the partner told
    last in it, or, above the paragraph's first naming event, to that event's partner ("La
    musique passe par les cuivres. En 2012, … En juin de la même année, une équipe de
    Brandebourg …"); a paragraph naming none goes on with the partner told last in the
    story ("est scellé le 20 mai 1990 un serment de jumelage entre Entroncamento et <town>.
    Serments renouvelés le 29 avril 2000"), the story's own partner until another is told."""
    if len(sections) < 2:
        return sections
    story = sections[0]
    order = sorted(range(len(story.entries)), key=lambda n: story.entries[n].line)
    naming = _Naming(sections, [b.text for b in story.description] + [story.entries[at].text for at in order])
    # the undated words that open a paragraph go on the event before it ("L'année suivante,
    # … . ¶ À Kita aussi, l'eau …"): they name that paragraph's partner, not the event's
    leads: dict[int, list[str]] = {}
    # so do the undated words that open the story's paragraph before its first event ("Il y
    # a un an, les amis anglais de Cookham … . Depuis 1995, les échanges …"): the story's
    # description on the line of an event, no event's own words (a tie's agreement is both)
    told_words = " ".join(entry.text for entry in story.entries)
    events_on = {entry.line for entry in story.entries}
    for block in story.description:
        if block.line in events_on and block.text not in told_words:
            leads.setdefault(block.line, []).append(block.text)
    for entry in story.entries:
        for (start, line), (end, _) in pairwise([*entry.parts, (len(entry.text), 0)]):
            if line != entry.line:
                leads.setdefault(line, []).append(entry.text[start:end])
    to: dict[int, int] = {}
    told = 0
    for line in sorted({story.entries[at].line for at in order}):
        events = [at for at in order if story.entries[at].line == line]
        named = {at: naming.of(first_sentence(story.entries[at].text), told) for at in events}
        ahead = [who for text in leads.get(line, []) if (who := naming.of(text, told)) is not None]
        told = next(iter([*ahead, *(w for w in named.values() if w is not None)]), told)
        for at in events:
            told = who if (who := named[at]) is not None else told
            to[at] = told
    # one tie of the town and all its partners ("le jumelage entre Angers, Osnabrück et
    # Haarlem", a tripartite twinning): an event naming none of them alone is each one's
    shared = _one_tie_of_all(naming, len(sections), [b.text for b in story.description]
                             + [e.text for e in story.entries])
    kept = []
    for at, entry in enumerate(story.entries):
        if shared and len(naming.by_name(first_sentence(entry.text))) != 1:
            for section in sections[1:]:
                section.entries.append(replace(entry))
            kept.append(entry)
            continue  # every partner's already: none twice for the partners it lists
        if to[at]:
            sections[to[at]].entries.append(entry)
        else:
            kept.append(entry)
        # an event of one day its first sentence tells of several partners listed together
        # (one convention signed with two communes on 28 April): an event of each of them
        # too; not a year's ("En 2002, le projet a été élargi à 3 communes : A, B et C")
        period = parse_label(entry.period_label or entry.label or "")
        one_day = period is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", period.edtf) is not None
        listed = naming.together(first_sentence(entry.text)) if one_day else set()
        for other in sorted(listed - {to[at]}) if to[at] in listed else ():
            sections[other].entries.append(entry)
    story.entries = kept
    return sections


def _one_tie_of_all(naming: _Naming, partners: int, texts: list[str]) -> bool:
    """A tie's word ("jumelage", "partenariat": ``headings.tie_stems``) then a joiner of
    all its members (``narrative.whole_tie_joiners``: "entre") before a list that names the town
    and every partner of the story, the names apart only by commas, "et" and brackets ("le
    jumelage entre Angers, Osnabrück (Allemagne) et Haarlem (Pays-Bas)"): the partners are
    members of one twinning of three towns or more, not two partnerships told side by side."""
    from .config import config

    towns = [fold(name) for name in config().town.names]
    for text in texts:
        for found in _TIE_OF_ALL.finditer(text):
            members = found["list"]
            if len(naming.by_name(members)) == partners and any(
                    re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", fold(members)) for t in towns):
                return True
    return False


_NAME_WORD = rf"(?:{CAPITAL}[\w'’-]*|{'|'.join(map(re.escape, lexicon('places')['particles']))})"
_TIE_OF_ALL = re.compile(
    rf"(?<!\w)(?i:{'|'.join(map(re.escape, lexicon('headings')['tie_stems']))})\w*\s+(?:"
    + "|".join(map(re.escape, lexicon("narrative")["whole_tie_joiners"])) + r")\s+"
    rf"(?P<list>{_NAME_WORD}(?:\s*(?:,|\s|\([^()]{{1,30}}\))\s*{_NAME_WORD})+)")
_TIE_STEMS = tuple(fold(s) for s in lexicon("headings")["tie_stems"])


class _Naming:
    """Which of a story's partners a sentence names (:func:`_events_of_each`): each
    partner's name words, the people's words that open on its name (five letters at
    least: "brandebourgeois" of Brandebourg), and the countries its heading gives or whose
    people the clauses of the story naming it alone name ("les camps sahraouis de Tindouf":
    Western Sahara)."""

    def __init__(self, sections: list[Section], texts: list[str]) -> None:
        # each name of a pair told as one partnership ("Jifna et Jalazone") names it
        self.names = [[slug(part) for part in _PAIRED.split(place_name(split_heading(s.heading.text)[0]))]
                      for s in sections]
        self.firsts = [[w[0] for name in names if (w := re.findall(r"\w+", fold(name.replace("-", " "))))]
                       for names in self.names]
        self.codes: list[set[str]] = [
            {c for c in [countries(split_heading(s.heading.text)[1] or "")[1]] if c} for s in sections]
        for text in texts:  # each clause, or each member of a list ("Jérusalem-Est (Palestine)
            for piece in _PIECES.split(text):  # et les camps de réfugiés sahraouis de Tindouf")
                by_name = self.by_name(piece)
                if len(by_name) == 1:
                    self.codes[min(by_name)] |= peoples_named(piece) - {HOME_COUNTRY}

    def by_name(self, sentence: str) -> dict[int, int]:
        """The partners a sentence names by name or people, with where it first does."""
        words = f"-{slug(sentence)}-"
        folded = re.findall(r"\w+", fold(sentence))
        found: dict[int, int] = {}
        for n, names in enumerate(self.names):
            named = [at for name in names if name and (at := words.find(f"-{name}-")) >= 0]
            people = [i for first in self.firsts[n] if len(first) >= PEOPLE_STEM
                      for i in [next((i for i, w in enumerate(folded) if w.startswith(first)), None)]
                      if i is not None]
            if named:
                found[n] = min(named)
            elif people:
                found[n] = len("-".join(folded[:min(people)]))
        return found

    def together(self, sentence: str) -> set[int]:
        """The partners a sentence names as one list, joined by a comma or a joiner alone
        ("entre <town> et les communes Agoè-Nyivé 2 et Kloto 1, a été signée"): one event
        of each of them; none when it names them apart ("Après Cové, la délégation a
        rejoint Atakpamé")."""
        folded = fold(sentence)
        spots = sorted((found.start(), found.end(), n) for n, names in enumerate(self.names)
                       for name in names if name
                       for found in re.finditer(r"(?<!\w)" + r"[\W_]+".join(map(re.escape, name.split("-")))
                                                + r"(?!\w)", folded))
        joined: set[int] = set()
        for (_, end, one), (start, _, other) in pairwise(spots):
            if one != other and _LISTED_NEXT.fullmatch(folded, end, start):
                joined |= {one, other}
        return joined

    def of(self, sentence: str, told: int) -> int | None:
        """The partner a sentence names; of several, the story's own when it is among them
        ("Après 4 jours passés à Cové la délégation a rejoint Atakpamé" in the story of
        Atakpamé), else the first named; else by its countries, else ``None``."""
        by_name = self.by_name(sentence)
        if by_name:
            return 0 if len(by_name) > 1 and 0 in by_name else min(by_name, key=lambda n: by_name[n])
        codes = peoples_named(sentence) - {HOME_COUNTRY}
        held = [n for n, own in enumerate(self.codes) if own & codes]
        if not held:
            return None
        return told if told in held else held[0]


_PAIRED = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in lexicon("narrative")["pair_joiners"]
                                          if w.isalpha()) + r")\s+")
_JOINERS = "|".join(re.escape(w) for w in lexicon("narrative")["pair_joiners"] if w.isalpha())
_PIECES = re.compile(rf"[.;:!?,]\s+|\s+(?:{_JOINERS})\s+")  # a story's clauses, a list's members
# between two members of a list: the first one's number ("Kloto 1") or its country in
# brackets ("Atakpamé (Togo) et Cové"), then a comma or a joiner
_LISTED_NEXT = re.compile(rf"(?:\s+\d{{1,2}})?(?:\s*\([^()]{{1,40}}\))?\s*(?:,\s*|\s+(?:{_JOINERS})\s+)")
PEOPLE_STEM = 5  # letters of a place's name that a word of its people opens on


_IN_BRACKETS = re.compile(r"\(([^()]{1,40})\)")
_NAME_BEFORE = re.compile(rf"({CAPITAL}[\w'’-]*(?:\s+{CAPITAL}[\w'’-]*){{0,3}})\s*$")


def named_together(text: str) -> list[str]:
    """The places a sentence names together, each with its country in brackets ("Les
    délégations de Sontra (Allemagne), Fordingbridge (Angleterre) et Chatelet (Belgique)
    ont été accueillies"), as headings; none unless at least two are joined by a comma or
    the list's last joiner.

    >>> named_together("Les délégations de Zell (Allemagne), Rye (Angleterre) et Huy (Belgique) sont venues.")
    ['Zell (Allemagne)', 'Rye (Angleterre)', 'Huy (Belgique)']
    >>> named_together("Le maire de Zell (Allemagne) est venu (enfin).")
    []
    """
    best: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        run: list[str] = []
        end = 0
        for found in _IN_BRACKETS.finditer(sentence):
            before = sentence[end:found.start()]
            joined = _LISTED.match(before)
            name = (before[joined.end():].strip() if run and joined else
                    (m.group(1) if not run and (m := _NAME_BEFORE.search(before)) else ""))
            heading = f"{name} ({found.group(1)})"
            if name and countries(found.group(1))[1] and heading_like(heading):
                run.append(heading)
            else:
                best, run = max(best, run, key=len), []
            end = found.end()
        best = max(best, run, key=len)
    return best if len(best) >= MIN_LISTED else []


def _named_with(section: Section, body: list[Block]) -> list[Section]:
    """The other partners of a story's partner, when a sentence names them together with
    their countries (:func:`named_together`) and the story's partner is one of them: a
    section each, with no text (the story's events stay its partner's); the town itself,
    named so beside its partner, is none."""
    partner = slug(place_name(split_heading(section.heading.text)[0]))
    found: list[Section] = []
    for block in body:
        if block.aside or block.kind == "heading":
            continue
        together = named_together(block.text)
        places = [slug(place_name(split_heading(h)[0])) for h in together]
        if partner in places:
            found += [Section(Block("heading", h, block.line, level=section.heading.level))
                      for h, place in zip(together, places, strict=True)
                      if place != partner and not _the_town_itself(h)  # "Ouagadougou (Burkina
                      # Faso) et Loudun (France)" on Loudun's page: the town, no partner
                      and place not in {slug(place_name(split_heading(s.heading.text)[0])) for s in found}]
    return found


def _told_before(title: Block | None, intro: list[Block], set_aside: list[SetAside],
                 about: About | None, places: dict[str, Block]) -> tuple[Section, list[SetAside]] | None:
    """Dated text above the first partner heading read as the story of the partner the
    page's title names ("Saint-Sever/Niederdorfelden : l'accueil …"): that part of the page
    is its section, and what it sets aside replaces what the introduction set aside. Dated
    text is read so when it would be lost (an entry above every heading), or when that
    partner has a section below ("Lormont/Zell : l'accueil des 30 ans" above "Zell
    (Allemagne)"): the dates above it are that partner's, not an introduction's. A page
    whose title names no partner keeps its loss, and the run stops on it."""
    lost = any(s.loss and s.reason == EARLY_ENTRY for s in set_aside)
    if title is None or not tells_of(title.text, intro, None if lost else places):
        return None  # a page whose title names no partner keeps its loss: it stops
    told = _story(title, intro, about)
    if told is None:
        return None
    kept = [s for s in set_aside if s.block is title]
    set_aside[:] = kept + told[1]
    section = told[0]
    heading = places.get(slug(place_name(split_heading(section.heading.text)[0])))
    if heading is not None:  # the partner's own heading below says more (its country)
        section.heading = Block(heading.kind, heading.text, section.heading.line, heading.level)
    return section, told[1]  # the partners below have their own sections


def _continued(sections: list[Section], own: set[str], set_aside: list[SetAside]) -> list[Section]:
    """The sections, a section that names the same place as one above ("Brandebourg-sur-la-
    Havel (suite)", the same heading again further down, or the place in another spelling:
    :func:`_same_place`) joined to that one: one partner, its description and entries in
    the page's order; the second heading is set aside (``own``: the places of the intro's
    items, as slugs). A place that a heading above named with another ("Jifna et
    Jalazone", then "Jalazone (Palestine)") goes on with that section: the same
    partnership. The sections above are looked up by their place, and by its first
    letters for a close spelling (at most ``MAX_CLOSE`` of them), so that a page of
    100,000 sections costs no 10^10 comparisons."""
    kept: list[Section] = []
    by_place: dict[str, list[tuple[Section, str | None]]] = {}
    by_start: dict[str, list[tuple[Section, str | None]]] = {}
    by_member: dict[str, list[Section]] = {}  # a place named with another in a heading above
    by_word: dict[str, list[tuple[Section, str | None, set[str]]]] = {}  # by its place's words
    for section in sections:
        place, country = _place_of(section.heading.text)
        written = _written_place(section.heading.text)
        same = [k for k, c in by_place.get(place, ()) if not (c and country and c != country)]
        if not same and place and written not in own:
            same = [k for k, c in by_start.get(written[:3], ())[-MAX_CLOSE:]
                    if _spelt_alike(_written_place(k.heading.text), written, c, country)]
        if not same and place:  # one of the places a heading above names together
            same = by_member.get(written, [])[:1]
        words = name_words(place_name(split_heading(section.heading.text)[0]))
        if not same and words:  # "Brandebourg" below "Brandebourg-sur-la-Havel", "Les camps
            # sahraouis de Tindouf" below "Tindouf": every word of one name in the other's
            same = [k for word in sorted(words) for k, c, k_words in by_word.get(word, ())[-MAX_CLOSE:]
                    if not (c and country and c != country) and (words <= k_words or k_words <= words)][:1]
        if place and same:
            same[0].description += section.description
            same[0].entries += section.entries
            same[0].again += (section.heading.line, *section.again)
            if same[0].intro is None and country and not _place_of(same[0].heading.text)[1]:
                # "Gao", a news title's place, then
                same[0].intro = section.intro or section.heading  # "Mémoire · Gao (Mali)": its country
            set_aside.append(SetAside(section.heading, CONTINUED))
            continue
        kept.append(section)
        by_place.setdefault(place, []).append((section, country))
        by_start.setdefault(written[:3], []).append((section, country))
        for word in words:
            by_word.setdefault(word, []).append((section, country, words))
        for member in _members(written):
            by_member.setdefault(member, []).append(section)
    return kept


_JOINED_SLUG = re.compile("-(?:" + "|".join(re.escape(slug(j)) for j in _LIST_JOINERS) + ")-")


def _members(written: str) -> list[str]:
    """The places of a heading that names two together, as slugs ("Jifna et Jalazone");
    none for one place.

    >>> _members("jifna-et-jalazone"), _members("gao")
    (['jifna', 'jalazone'], [])
    """
    members = _JOINED_SLUG.split(written)
    return members if len(members) == 2 and all(members) else []


MAX_CLOSE = 20  # sections above whose place starts alike, compared by spelling


def _place_of(heading: str) -> tuple[str, str | None]:
    """A heading's place (its slug, a French name of a foreign town read as the town's own:
    :func:`pipeline.places.same_place_key`) and country code."""
    name, bracket = split_heading(heading)
    return same_place_key(slug(place_name(name))), countries(bracket)[1]


def _written_place(heading: str) -> str:
    """A heading's place as written (its slug), for spellings compared letter by letter."""
    return slug(place_name(split_heading(heading)[0]))


def _close_spelling(place: str, other: str) -> bool:
    return difflib.SequenceMatcher(None, place, other).ratio() >= SIMILAR_SPELLING


def _spelt_alike(above: str, written: str, above_country: str | None, country: str | None) -> bool:
    """A heading's written place (``written``) in a close spelling of one above: letter by
    letter when it says no country; word by word (:func:`_close_words`) when it says one,
    the same as the heading's above or that one saying none."""
    if not country:
        return _close_spelling(above, written)
    return not (above_country and above_country != country) and _close_words(above, written)


def _close_words(place: str, other: str) -> bool:
    """Two written places (slugs) word by word in close spellings, each word the same or, of
    six letters or more, close (:func:`pipeline.places.close_spellings`): a heading that says
    its country is still the partner above when only such a word differs ("Brandenburg-sur-
    la-Havel (Allemagne)" below "Brandebourg-sur-la-Havel"); a short word differing is
    another town ("Saint-Genis (France)" is no "Saint-Denis").

    >>> _close_words("brandebourg-sur-la-havel", "brandenburg-sur-la-havel")
    True
    >>> _close_words("saint-denis", "saint-genis")
    False
    """
    return close_spellings(place.replace("-", " "), other.replace("-", " "))


def _same_place(first: str, later: str, own: Collection[str] = ()) -> bool:
    """True when a later heading names the place of an earlier one: the same name, its
    country the same or not said ("(suite)"; a namesake in another country is another
    partner), or, when it says no country of its own, the name in a close spelling
    (difflib ratio of the folded names ≥ ``SIMILAR_SPELLING``) that no intro item writes as
    its own place (``own``: "Saint-Genis" listed beside "Saint-Denis" is another partner).
    What :func:`_continued` asks of each pair, one at a time.

    >>> _same_place("Brandenburg-sur-la-Havel (Allemagne)", "Brandebourg-sur-la-Havel (suite)")
    True
    >>> _same_place("Gao (Mali)", "Gao"), _same_place("Dianguirdé (Mali)", "Dianguirdé (Sénégal)")
    (True, False)
    >>> _same_place("Saint-Denis (France)", "Saint-Genis (France)")
    False
    >>> _same_place("Saint-Denis", "Saint-Genis (suite)", {"saint-genis"})
    False
    """
    (place, country), (later_place, later_country) = _place_of(first), _place_of(later)
    if not place or not later_place:
        return False
    if place == later_place:  # "Nürnberg" and "Nuremberg" too
        return not (country and later_country and country != later_country)
    written, later_written = _written_place(first), _written_place(later)
    if later_country or later_written in own:
        return False
    return _close_spelling(written, later_written)
