"""Read stage, HTML: a web page -> the blocks of its article.

The article's own content only (site header, menus, breadcrumb, footer and sharing links
are left out; the article's own ``<header>`` holding its title is kept), one block per
heading, paragraph and list item, and one per line where a paragraph is cut by ``<br>``.
Parsed with lxml, a real HTML parser that tolerates broken markup. A module of its own so
that a text snapshot never loads lxml (see :func:`pipeline.load.read_bytes`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, partial
from itertools import islice, pairwise

import lxml.html
from lxml import etree

from .dates import (DATE_LINE, LABEL_REACH, Found, Period, date_alone, dated_label, find_dates, parse_label,
                    split_any_label, with_year)
from .errors import Refusal
from .fields import (AMOUNT, CMS_FIELD, DATE, KINDS, MAX_KEY_WORDS, PEOPLE, PLACE, TEXT, empty, key_kind,
                     names_the_tie, span_columns, total_row)
from .french import lexicon
from .french.normalise import plain
from .list_levels import nest_by_level
from .responsive import narrow_copies
from .screen_reader import without_hidden_text
from .visual_order import (HEADINGS, MARKED_PARTNER, column_pairs, grid_order, marked_partners,
                           referenced_labels, tab_panels)
from .pictograms import labelled_pictograms, pictogram
from .places import bracket_parts, country_code, country_in, place_name, split_heading
from .tags import PartnerHeadings as _PartnerHeadings
from .themes import themes
from .read import (
    MAX_HEADING,
    Block,
    IntroWords,
    bullet_item,
    group_heading,
    heading_like,
    outline_entry,
    joined_headings,
    lay_out,
    names_a_country,
    other_heading,
    sub_heading,
)
from .read import names_a_place as read_names_a_place

# What a browser does not show, wherever it is.
_NOT_RENDERED = {"script", "style", "template", "noscript"}
_LEFT_OUT_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript",
                  "template", "button", "svg", "iframe", "head"}
# Site furniture inside the article's container, by class or id.
_FURNITURE_MARKS = lexicon("furniture")
_EDGE = (r"(?:^|(?<=[\s]))(?:(?:" + "|".join(_FURNITURE_MARKS["cms_edge_owners"]) + r")[-_]?)?(?:"
         + "|".join(_FURNITURE_MARKS["cms_edge_marks"]) + r")(?:[-_][\w-]*)?(?=\s|$)")
_LEFT_OUT_MARKS = re.compile("|".join([*_FURNITURE_MARKS["cms_marks"], *_FURNITURE_MARKS["side_column_marks"],
                                      _EDGE]), re.IGNORECASE)
_SIDE_COLUMN_MARKS = re.compile("|".join(_FURNITURE_MARKS["side_column_marks"]), re.IGNORECASE)
_CONTENT_IDS = frozenset(_FURNITURE_MARKS["content_ids"])
_TAG_MARKS = re.compile("|".join(_FURNITURE_MARKS["cms_tag_marks"]), re.IGNORECASE)
_EVENT_MARKS = re.compile("|".join(_FURNITURE_MARKS["cms_event_marks"]), re.IGNORECASE)
_NEWS_MARKS = re.compile("|".join(_FURNITURE_MARKS["cms_news_marks"]), re.IGNORECASE)
_CATEGORY_MARKS = re.compile("|".join(_FURNITURE_MARKS["category_chip_marks"]), re.IGNORECASE)
_CALLOUT_MARKS = re.compile("|".join(_FURNITURE_MARKS["callout_marks"]), re.IGNORECASE)
_BUTTON_MARKS = re.compile("|".join(_FURNITURE_MARKS["button_marks"]), re.IGNORECASE)
_EMBEDDED_POST_MARKS = re.compile("|".join(_FURNITURE_MARKS["embedded_post_marks"]), re.IGNORECASE)
POST_LENGTH = 2000  # characters of one embedded post at most (a thread is longer: the page's text)
# What a permalink next to a heading shows ("¶", "#", "🔗"): not part of the heading.
_PERMALINK = "¶#§🔗\ufe0f"
# A heading found by what it names rather than by its tag (``<p><strong>Gao (Mali)</strong></p>``,
# ``<summary>Gao (Mali)</summary>``, ``<p class="titre">Gao (Mali)</p>``) is read at this
# level, below any ``<h6>``.
BOLD_HEADING_LEVEL = 7
# A heading read from a tag chip or a table's partner cell, while the page is read: written
# as the partner heading it names, at BOLD_HEADING_LEVEL, before the blocks leave the stage.
CHIP_LEVEL = BOLD_HEADING_LEVEL + 1
# The names an entry's markup gives its partner (:func:`visual_order.marked_partners`), one a
# line, best first: a block set apart until the headings are known (no title, no country of
# a heading), then the heading above that one of them names, or nothing.
MARKED = "names an entry's markup gives its partner"
# Elements a page sets apart as the title of what follows, whatever their style: a
# definition list's term (an accordion's ``<summary>`` is read as a heading, as an ``<h3>``).
_SET_APART = {"dt"}
_BOLD = {"strong", "b"}
# What no label is set apart in: links, pictures, line breaks, and blocks of their own.
_NOT_RUNS = {"a", "img", "br", "ul", "ol", "li", "p", "div", "table", "figure", "svg", "input"}
# Why the read stage sets a block aside.
TABLE_OF_CONTENTS = "table of contents (links within the page)"
TABLE_HEADER = "table header"
TABLE_CAPTION = "caption of a table"
TABLE_TOTAL = "row of a table that adds up the others"
TABLE_TITLE = "title row of a spreadsheet's grid (one cell across the sheet above its header)"
TABLE_NOTE = "note row under a table (one cell across it that explains its signs)"
CAPTION = "caption of a picture"
PULL_QUOTE = "quotation set apart in a figure (pull quote)"
_HEADER_MARK = re.compile(r"header", re.IGNORECASE)
_CONTAINERS = {"div", "section", "article", "main", "ul", "ol", "blockquote", "body", "header",
               "hgroup", "table", "tbody", "thead", "tr", "td", "th", "figure", "dl", "dd",
               "center", "details", "form", "aside"}
# White space of HTML, and the line and paragraph separators that would cut a line of the
# page's text: all are a space in a block. Not U+00A0: the page's non-breaking spaces are kept.
_SPACES = re.compile(r"[ \t\r\n\f\v\x1c-\x1e\x85\u2028\u2029]+")


def _marks(element: etree._Element) -> str:
    return f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"


def _holds_heading(element: etree._Element) -> bool:
    return any(True for _ in element.iter(*HEADINGS))


WRAPPER_TEXT = 1_000  # characters: more than a search box or a subscription form holds


def _wraps_the_page(form: etree._Element) -> bool:
    """A ``<form>`` that holds the page's content (ASP.NET and SharePoint wrap the whole
    page in one), not a search box or a subscription form: it holds text, more than
    ``WRAPPER_TEXT`` characters of it (counted up to there only)."""
    return _text_past(form, WRAPPER_TEXT)


def _text_past(element: etree._Element, limit: int) -> bool:
    """The element holds more than ``limit`` characters of text, counted up to there only
    (a page's wrapper may hold megabytes)."""
    seen = 0
    for piece in element.itertext():
        seen += len(piece.strip())
        if seen > limit:
            return True
    return False


def _left_out(element: etree._Element, in_article: bool = False,
              holds_heading: Callable[[etree._Element], bool] = _holds_heading) -> bool:
    """Site furniture. Inside the article, a header that holds a heading is the article's
    own (WordPress' ``<header class="entry-header"><h1>``, Joomla's ``page-header``): kept."""
    tag = element.tag
    if not isinstance(tag, str):  # a comment or a processing instruction: lxml types it loosely
        return True  # type: ignore[unreachable]  # lxml-stubs type .tag as str only
    tag, marks = tag.lower(), _marks(element)
    if (element.get("id") or "").strip().lower() in _CONTENT_IDS:
        marks = _SIDE_COLUMN_MARKS.sub("", marks)  # <div id="contenu" class="col-gauche">: the content
    furniture = (tag in _LEFT_OUT_TAGS and not (tag == "form" and _wraps_the_page(element))
                 and not (tag == "aside" and (_boxes_a_partner(element) or _features_a_partner(element)))) \
        or bool(_LEFT_OUT_MARKS.search(marks)) or element.get("role") == "navigation" or _control(element) \
        or _reply(element) \
        or (bool(_CALLOUT_MARKS.search(marks)) and _calls_the_reader(element)) \
        or (bool(_EMBEDDED_POST_MARKS.search(marks)) and _one_post(element))
    if furniture and _EVENT_MARKS.search(marks) and not _LEFT_OUT_MARKS.search(_EVENT_MARKS.sub("", marks)) \
            and _in_partner_section(element):
        return False
    if furniture and _NEWS_MARKS.search(marks) and not _LEFT_OUT_MARKS.search(_NEWS_MARKS.sub("", marks)) \
            and _boxes_a_partner(element) and _tells_at_length(element):
        return False
    if furniture and in_article and (tag == "header" or _HEADER_MARK.search(marks)):
        others = _HEADER_MARK.sub("", marks)  # "entry-header" is the article's, "header nav" is not
        return tag in _LEFT_OUT_TAGS - {"header"} or bool(_LEFT_OUT_MARKS.search(others)) \
            or element.get("role") == "navigation" or not holds_heading(element)
    return furniture


def _reply(element: etree._Element) -> bool:
    """An article inside an article (``role="article"`` in a post of a social network's
    feed saved from the browser: a reader's comment, "J’ai fait partie du séjour … en
    2013", a question, a reply): readers' words, no text of the page, as a site's comment
    box is (its class named "comments"); so is the list item that holds it alone."""
    if element.get("role") != "article":
        kids = [kid for kid in element if isinstance(kid.tag, str)]
        return element.tag.lower() == "li" and len(kids) == 1 and kids[0].get("role") == "article" \
            and _reply(kids[0])
    parent = element.getparent()
    for _ in range(REPLY_DEPTH):
        if parent is None:
            return False
        if parent.get("role") == "article":
            return True
        parent = parent.getparent()
    return False


REPLY_DEPTH = 8  # containers between a comment and the post it answers


# The ARIA roles of a page's controls: a button, tabs and their list, a toolbar.
_CONTROL_ROLES = frozenset({"button", "tab", "tablist", "toolbar"})


def _control(element: etree._Element) -> bool:
    """A control of the page that is no element made for it (``role="button"`` on a
    ``<div>``: a social network's "J’aime", "Commenter", "Partager", "Voir moins" under each
    post, its tabs "Publications", "À propos"): its label is no text of the page. A picture
    so marked (a map's marker, its place in its title), a control of more than a label's
    few words and one that surely names a place (an accordion's toggle, "Gao (Mali)") are
    read as before."""
    if element.get("role") not in _CONTROL_ROLES or element.tag.lower() == "img":
        return False
    text = _text(_rendered(element))
    return len(text.split()) <= CONTROL_LABEL and not names_a_place(text, IntroWords())


CONTROL_LABEL = 4  # words of a control's label


def _boxes_a_partner(box: etree._Element) -> bool:
    """An ``<aside>`` that is a partner's own box beside the text (a magazine's "Repères"
    box: its heading names the partner with its country, "Dianguirdé (Mali)", then its
    intro and entries), not a sidebar ("Agenda", "À lire aussi"): one of its headings
    reads as a partner heading that surely names a place. The box's heading opens it: its
    first ``BOX_HEAD`` elements are looked at, so that boxes nested a thousand deep cost
    no walk of each one's whole depth."""
    return any(names_a_place(text, IntroWords()) for heading in islice(box.iter(), BOX_HEAD)
               if isinstance(heading.tag, str) and heading.tag.lower() in HEADINGS
               and len(text := _text(_rendered(heading))) <= MAX_HEADING)


def _tells_at_length(box: etree._Element) -> bool:
    """One of the box's paragraphs, with no link, is longer than ``TEASER_TEXT``
    characters: the box tells its news in full, it is no teaser of it."""
    return any(not any(True for _ in p.iter("a")) and _text_past(p, TEASER_TEXT) for p in box.iter("p"))


TEASER_TEXT = 400  # characters: more than a teaser's line under its title


def _features_a_partner(box: etree._Element) -> bool:
    """An ``<aside>`` set in the flow of a partner's section, below its entries (a "Focus"
    or "Zoom" box: a title, then a paragraph that tells the partner's story, "En avril
    2021, … L'année suivante, …"), not a sidebar: the nearest heading among the elements
    before it (its siblings) surely names a place, and one of its paragraphs, with no link,
    tells two dated events or more, as the story reader reads them ("Lire aussi" boxes are
    links, with the dates they were published)."""
    node = box.getprevious()
    for _ in range(FEATURE_REACH):
        if node is None:
            return False
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in HEADINGS:
            text = _text(_rendered(node))
            if len(text) > MAX_HEADING or not names_a_place(text, IntroWords()):
                return False
            from .narrative import sentences  # the story reader's sentences and their events

            return any(sum(event is not None for _, event in sentences(_text(_rendered(p)), None))
                       >= FEATURE_EVENTS for p in box.iter("p") if not any(True for _ in p.iter("a")))
        if tag == "aside":
            return False
        node = node.getprevious()
    return False


FEATURE_REACH = 60  # elements before a box where its partner's heading is looked for
FEATURE_EVENTS = 2  # dated events in a box's paragraph that tells a story, not one date of a post
BOX_HEAD = 12  # elements at the top of a box where its heading is looked for
SECTION_DEPTH = 4  # containers above an agenda's item where its partner's section is looked for


def _in_partner_section(element: etree._Element) -> bool:
    """An element marked as the site's events (``class="agenda-list"``, ``"agenda-item"``)
    that sits in a partner's section styled as an agenda: one of the few containers above
    it opens with a heading (among its first ``BOX_HEAD`` children) that surely names a
    place ("Gao (Mali)"), and all its other first children are marked so too (its intro,
    its lists of entries). A page styled as an agenda lists its partners' entries so; a
    widget of coming events sits beside the sections or among a section's own paragraphs."""
    node = element.getparent()
    for _ in range(SECTION_DEPTH):
        if node is None:
            return False
        children = [c for c in islice(node, BOX_HEAD) if isinstance(c.tag, str)]
        headings = [c for c in children if c.tag.lower() in HEADINGS]
        if any(len(text := _text(_rendered(h))) <= MAX_HEADING and names_a_place(text, IntroWords())
               for h in headings):
            return all(_EVENT_MARKS.search(_marks(c)) for c in children if c not in headings)
        node = node.getparent()
    return False


def _one_post(embed: etree._Element) -> bool:
    """An embedded post short enough to be one post (``POST_LENGTH`` characters at most,
    counted up to there only): set among the page's own text, it illustrates it ("Merci à
    nos 14 jeunes ! #jumelage", "312 J'aime · le 28 août 2023"); a whole thread embedded is
    the page's text and is read."""
    return not _text_past(embed, POST_LENGTH)


def _calls_the_reader(box: etree._Element) -> bool:
    """A box set apart (a callout) that holds a button: a ``<button>``, or a link styled
    as one (``class="fr-btn"``, ``"button"``)."""
    return any(isinstance(e.tag, str) and (e.tag.lower() == "button" or (
        e.tag.lower() == "a" and bool(_BUTTON_MARKS.search(e.get("class") or ""))))
        for e in box.iter())


class _Tree:
    """What the read stage asks again and again of a page's elements (is it site furniture
    or inside some, does it hold a heading, how long is its text), each answered once for
    the whole tree: a page 2,000 elements deep costs no walk up or down per element."""

    def __init__(self, document: etree._Element):
        self.document = document
        self._furniture: dict[etree._Element, bool] = {}
        self._holding: set[etree._Element] = set()  # the headings and the elements above them
        for heading in document.iter(*HEADINGS):
            node: etree._Element | None = heading
            while node is not None and node not in self._holding:
                self._holding.add(node)
                node = node.getparent()
        self._lengths: dict[etree._Element, int] = {}

    def holds_heading(self, element: etree._Element) -> bool:
        return element in self._holding

    def in_furniture(self, element: etree._Element) -> bool:
        """The element or one above it is site furniture."""
        path: list[etree._Element] = []
        node: etree._Element | None = element
        while node is not None and node not in self._furniture:
            path.append(node)
            node = node.getparent()
        known = self._furniture[node] if node is not None else False
        for above in reversed(path):
            known = known or _left_out(above)
            self._furniture[above] = known
        return known

    def text_length(self, element: etree._Element) -> int:
        """``len(element.text_content())``, from lengths counted once bottom up."""
        if not self._lengths:
            for _, node in etree.iterwalk(self.document, events=("end",)):
                self._lengths[node] = len(node.text or "") + sum(
                    self._lengths.get(child, 0) + len(child.tail or "") for child in node)
        return self._lengths[element]


def _text(piece: str) -> str:
    return _SPACES.sub(" ", piece).strip()


def _rendered_lines(element: etree._Element, lists: bool = True, breaks: bool = False) -> list[str]:
    """The text of ``element`` (not its tail) as a browser shows it: without comments,
    processing instructions, scripts, styles and templates, which it does not show (their
    tails are text). Without ``lists``, the lists nested in it are left out; with
    ``breaks``, the text is cut at each ``<br>`` and at the edges of an inner paragraph,
    division or heading (a timeline item's title, then a chip "Annulé" set after it: two
    lines, not "Accueil d'enfantsAnnulé"). One walk over the element, in the order of the
    text, whatever its depth."""
    lines: list[str] = []
    out = [element.text or ""]
    walker = etree.iterwalk(element, events=("start", "end", "comment", "pi"))
    next(walker)  # the element itself

    def cut() -> None:
        lines.append("".join(out))
        out.clear()

    for event, node in walker:
        if event in ("comment", "pi"):
            out.append(node.tail or "")
            continue
        if node is element:
            break
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        skipped = tag in _NOT_RENDERED or (not lists and tag in ("ul", "ol")) \
            or (tag == "sup" and _FOOTNOTE_CALL.fullmatch(node.text_content().strip()) is not None)
        if event == "start" and skipped:
            walker.skip_subtree()
        elif event == "start" and tag == "time" and (words := time_words(node)) is not None:
            out.append(words)  # a machine-readable date, in the page's words
            walker.skip_subtree()
        elif event == "start" and tag == "time" and (words := _mentioned(node)) is not None:
            out.append(words)  # an app's date chip, without its mention mark
            walker.skip_subtree()
        elif event == "start":
            if breaks and (tag in ("br", "p", "div") or tag in HEADINGS):
                cut()
            out.append(node.text or "")
        else:
            if breaks and (tag in ("p", "div") or tag in HEADINGS) and not skipped:
                cut()
            out.append(node.tail or "")
    cut()
    return lines


# A footnote's call set in superscript between square brackets ("1963<sup>[3]</sup>", an
# encyclopaedia's "[réf. nécessaire]", "[Quand ?]"): no part of the sentence it marks, as a
# Markdown page's footnote markers are taken off (its full stop would end the sentence).
_FOOTNOTE_CALL = re.compile(r"\[[^\[\]]{1,30}\]")


_CALENDAR = lexicon("calendar")
_MONTHS: list[str] = _CALENDAR["months"]
# A <time> element's machine-readable date: a year, a month, a day, maybe a time after them.
_DATETIME = re.compile(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.+Z-]*)?\s*")
_LETTERS = re.compile(r"[^\W\d_]+")
MARKED_DATE = "words of a <time> element, written as its datetime attribute says:"


def _machine_date(element: etree._Element) -> tuple[int, int | None, int | None] | None:
    """The year, month and day of a ``<time>`` element's ``datetime`` attribute."""
    found = _DATETIME.fullmatch(element.get("datetime") or "")
    if not found:
        return None
    year, month, day = (int(g) if g else None for g in found.groups())
    if year is None or (month is not None and not 1 <= month <= 12) \
            or (day is not None and not 1 <= day <= 31):
        return None
    return year, month, day


def _unpadded(when: tuple[int, int | None, int | None]) -> tuple[int, int | None, int | None]:
    """A full ``datetime`` as precise as a CMS that pads a coarser date meant it: a first
    of the month ("2019-06-01") may state the month alone, a first of January
    ("2016-01-01") the year alone. Only a comparison with the visible words uses it: the
    words of "<time datetime='2016-01-01'>Depuis 2016</time>" say the same date and are
    read as written (no invented January, the open period kept open), as are those of
    "Vendredi 17 novembre 2023" over "2023-11-01"."""
    year, month, day = when
    if day != 1:
        return when
    return (year, None, None) if month == 1 else (year, month, None)


def _says(words: str, when: tuple[int, int | None, int | None]) -> bool:
    """The date grammar reads ``words`` as starting at the date ``when``."""
    period = parse_label(words)
    year, month, day = when
    if period is not None and month is not None and day is not None and period.start_date \
            and (period.start_date.year, period.start_date.month, period.start_date.day) == when:
        return True  # a season's first day ("Printemps 2017" over "2017-03-01")
    return period is not None and period.start_year == year \
        and (month is None or period.start_month == month) \
        and (day is None or (period.start_date is not None and period.start_date.day == day))


@cache
def _month_names(locale: str) -> dict[str, int]:
    """The month names of a CLDR locale, wide and abbreviated, as :func:`plain` writes them."""
    from babel.core import UnknownLocaleError
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    try:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names.setdefault(plain(name.rstrip(".")), number)
    except (UnknownLocaleError, ValueError):
        return {}
    return names


def _in_page_words(words: str, month: int) -> Iterator[str]:
    """``words`` with their month names written as the page's language does, read in each
    locale of ``markup_locales`` that names the datetime's ``month`` among them ("April –
    May 2018": English, "avril – mai 2018"; "marzo" is Spanish and Italian)."""
    found = [plain(w) for w in _LETTERS.findall(words)]
    for locale in _CALENDAR["markup_locales"]:
        names = _month_names(locale)
        if any(names.get(w) == month for w in found):
            yield _LETTERS.sub(partial(_in_french, names), words)


def _in_french(names: dict[str, int], word: re.Match[str]) -> str:
    """A word, the French name of its month when ``names`` (a locale's month names) has it."""
    number = names.get(plain(word[0]))
    return _MONTHS[number - 1] if number else word[0]


def time_words(element: etree._Element) -> str | None:
    """The words a ``<time datetime>`` element is read as, when its own words are not a
    date the grammar reads as its ``datetime`` says: its month names read in the language
    that shows the datetime's month, if that reads right, else the datetime itself in the
    page's words ("<time datetime='2012-06'>June 2012</time>" is "juin 2012"). ``None``
    when its words say the same date, or it has no machine-readable date: read as written.
    The machine-readable date is the page's own statement of the date, whatever language
    its visible words are in; the run report quotes the words replaced."""
    when = _machine_date(element)
    if when is None:
        return None
    shown = _text(_rendered(element))
    if _says(shown, when) or _says(shown, _unpadded(when)):
        return None
    year, month, day = when
    if month is not None and (ours := next((w for w in _in_page_words(shown, month) if _says(w, when)),
                                           None)):
        return ours
    return " ".join(str(part) for part in (day, _MONTHS[month - 1] if month else None, year) if part)


# The mark an app writes before a date it links (Notion's "@12 juin 2023", a date mention
# exported as a <time> element without a datetime): a mark, not a word of the date.
_MENTION = re.compile(r"(?<!\S)@(?=\w)")


def _mentioned(element: etree._Element) -> str | None:
    """The words of a ``<time>`` element without the mention marks before its dates, when
    it has some ("@12 juin 2023 → 18 juin 2023" is "12 juin 2023 → 18 juin 2023"): the
    date the page shows. ``None`` when it has none: read as written."""
    shown = _text(_rendered_lines(element)[0])
    return _MENTION.sub("", shown) if _MENTION.search(shown) else None


def _rendered(element: etree._Element, lists: bool = True) -> str:
    return _rendered_lines(element, lists)[0]


def _pieces(element: etree._Element) -> list[str]:
    """The element's text, one piece per ``<br>``-separated line (or inner paragraph).

    Newlines of the HTML source are only white space; a ``<br>`` is a line break. A list
    nested in the element is left out: it is read as its own list items.
    """
    return [text for piece in _rendered_lines(element, lists=False, breaks=True)
            if (text := _text(piece))]


def _nested_lists(item: etree._Element) -> list[etree._Element]:
    """The lists inside a list item that belong to it, not to a list nested deeper."""
    return _own(item, {"ul", "ol"}, {"ul", "ol", "li"})


def _own(root: etree._Element, wanted: set[str], closed: set[str]) -> list[etree._Element]:
    """The descendants of ``root`` whose tag is ``wanted``, not looking inside an element
    whose tag is ``closed`` (what it holds belongs to it: a nested list, a nested shadow
    tree)."""
    found = []
    walker = etree.iterwalk(root, events=("start",))
    next(walker)
    for _, node in walker:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in wanted:
            found.append(node)
        if tag in closed:
            walker.skip_subtree()
    return found


def _heading_text(text: str) -> str:
    """A heading without the permalink a CMS writes beside it.

    >>> _heading_text("Gao (Mali) ¶"), _heading_text("# Gao (Mali)")
    ('Gao (Mali)', 'Gao (Mali)')
    """
    return text.strip(_PERMALINK + " \u00a0")


def _with_country_badge(heading: etree._Element) -> list[str] | None:
    """A heading whose first or last element holds its country alone (or its region, then
    its country), set apart from the
    place's name by its markup only (``<h2>Gao <span class="pays">Mali</span></h2>``, a
    badge or a flag's label a CMS styles): the heading as its text would write it, "Gao
    (Mali)", so that the country is read as the country and not as the end of the name.
    ``None`` for any other heading (one whose country is already set apart by a bracket,
    a dash or a comma, one whose other part is no capitalised name)."""
    pieces = _pieces(heading)
    elements = [c for c in heading if isinstance(c.tag, str) and c.tag.lower() != "br"]
    if len(pieces) != 1 or not elements:
        return None
    for badge_element, last in ((elements[-1], True), (elements[0], False)):
        if last and _text(badge_element.tail or ""):
            continue
        if not last and _text(heading.text or ""):
            continue
        badge = _text(_rendered(badge_element))
        # a badge that sets itself apart by its words ("<span>(Mali)</span>", "– Mali") is read so
        parts = bracket_parts(badge) if badge and unicodedata.category(badge[0])[0] != "P" else []
        if not parts or not country_in(parts[-1]):  # the country last, maybe its region before
            continue  # it ("Brandebourg, Allemagne")
        text = pieces[0]
        if not (text.endswith(badge) if last else text.startswith(badge)):
            continue
        words = (text[:-len(badge)] if last else text[len(badge):]).split()
        edge = (words[-1] if last else words[0]) if words else ""
        # the name's word beside the badge: capitalised, and no separator ("Gao, <span>Mali")
        name = " ".join(words)
        if edge[:1].isupper() and edge[-1:].isalnum() \
                and not (sub_heading(name) or other_heading(name) or group_heading(name)):
            return [f"{name} ({badge})"]  # not a rubric's badge: "Actualités <span>Mali"
    return None


def _bold_only(paragraph: etree._Element) -> bool:
    """The paragraph's text is all in bold (one ``<strong>`` or ``<b>``, no line break)."""
    children = [c for c in paragraph if isinstance(c.tag, str)]
    if len(children) != 1 or children[0].tag.lower() not in _BOLD:
        return False
    outside = (paragraph.text or "") + (children[0].tail or "")
    return not outside.strip() and not any(True for _ in children[0].iter("br"))


def _table_of_contents(element: etree._Element) -> bool:
    """A list whose every item is one link within the page (``href="#…"``): a table of
    contents, not the intro's list of partners."""
    items = [li for li in element if isinstance(li.tag, str) and li.tag.lower() == "li"]
    if not items:
        return False
    for li in items:
        links = list(li.iter("a"))
        if len(links) != 1 or not (links[0].get("href") or "").startswith("#") \
                or _text(_rendered(li)) != _text(_rendered(links[0])):
            return False
    return True


def names_a_place(text: str, items: IntroWords) -> bool:
    """A block that reads as a partner heading and surely names a place: its country
    beside it, or one of the intro's items names it. Such a block starts a section
    whatever element carries it: a text page reads the same line as a heading."""
    return read_names_a_place(text, items)


def _heading_by_content(text: str, items: IntroWords) -> Block | None:
    """A heading for a block standing alone that names a place or is one of the usual
    headings ("Historique", "En savoir plus", "Afrique"), whatever element carries it or
    how it is styled, as a text page reads the same line."""
    if names_a_place(text, items) or sub_heading(text) or other_heading(text) or group_heading(text):
        return Block("heading", text, 0, level=BOLD_HEADING_LEVEL)
    return None


def _paragraph_blocks(element: etree._Element, items: IntroWords) -> list[Block]:
    """The blocks of a ``<p>`` (or a ``<summary>``, a ``<dt>``): one per ``<br>`` line, a
    line typed with a bullet ("• …", "- …") a list item, and a block standing alone that
    names a place (or, set apart, is one of the usual headings) a heading."""
    pieces = _pieces(element)
    if len(pieces) == 1 and (heading := _heading_by_content(pieces[0], items)):
        return [heading]
    blocks = []
    for piece in pieces:
        item = bullet_item(piece)
        blocks.append(Block("list_item", item, 0) if item else Block("paragraph", piece, 0))
    if blocks and blocks[0].kind == "paragraph" and (bold := _bold_start(element, pieces[0])):
        blocks[0] = replace(blocks[0], bold=bold)
    return blocks


def _outline_head(item: etree._Element, items: IntroWords) -> Block | None:
    """A list item that names a place and holds a list of its own: the head of an outline
    written as nested bullets (a partner as a top bullet, its entries as bullets under it,
    as a document exported from a word processor writes a section), read as the heading
    the same line would be as a paragraph; ``None`` for any other item."""
    if not _nested_lists(item):
        return None
    pieces = _pieces(item)
    if len(pieces) != 1 or not names_a_place(pieces[0], items):
        return None
    return Block("heading", pieces[0], 0, level=BOLD_HEADING_LEVEL)


def _bold_start(paragraph: etree._Element, first: str) -> int:
    """The length of the run set apart that the paragraph's (or list item's) text opens
    with: bold (``<p><strong>2025</strong> Accueil…``) or any other inline element, a badge
    (``<span class="badge">Juin 2012</span>Accueil…``), a date (``<time>``). It may be its
    entry's label though no colon ends it (the parse stage reads it as one only when it is
    a date label alone): the element's end is the separator. 0 when it opens otherwise."""
    children = [c for c in paragraph if isinstance(c.tag, str)]
    if not children or (paragraph.text or "").strip() or children[0].tag.lower() in _NOT_RUNS:
        return 0
    bold = _text(_rendered(children[0]))
    if len(children) > 1 and bold and pictogram(bold) and not (children[0].tail or "").strip() \
            and children[1].tag.lower() not in _NOT_RUNS:  # "<span>✔</span> <b>2019</b> — …"
        run = _text(_rendered(children[1]))
        shown = first[len(bold):]
        bold = first[:len(bold) + len(shown) - len(shown.lstrip())] + run if run else ""
    return len(bold) if bold and first.startswith(bold) and len(bold) < len(first) else 0


@dataclass
class _Container:
    """A container being walked: its children still to read and its loose text."""

    children: Iterator[etree._Element]
    loose: list[str]
    items: IntroWords
    start: int = 0  # how many blocks were read before the container opened
    # the texts of the styled inline elements the loose text is made of alone, so far (a
    # card's chips: its partner's tag, its date's badge), until other text comes (spoilt)
    chips: list[str] = field(default_factory=list)
    spoilt: bool = False

    def chip(self, element: etree._Element, rendered: str) -> None:
        """Note an inline element read into the loose text: a chip while the loose text is
        chips alone, each a short text set in an element with a class of its own."""
        if self.spoilt:
            return
        text = _text(rendered)
        if element.get("class") and text and len(text) <= MAX_CHIP and not _text(element.tail or "") \
                and _unspaced("".join(self.loose)) == _unspaced("".join(self.chips)):
            self.chips.append(text)
        else:
            self.spoilt = True

    def flush(self, out: list[Block], head: bool = False) -> None:
        """The loose text read so far as a block: a heading when it names a place
        (``<div class="titre">Gao (Mali)</div>``), a list item when typed with a bullet,
        else a paragraph. ``head``: the loose text opens a card, whose body (a block)
        follows: each of its chips is a block of its own, the chip that reads as a
        place's name its partner's (:func:`_card_chips`)."""
        chips, spoilt = self.chips, self.spoilt
        self.chips, self.spoilt = [], False
        if head and chips and not spoilt and _unspaced("".join(self.loose)) == _unspaced("".join(chips)) \
                and (blocks := _card_chips(chips, self.items)):
            out += blocks
            self.loose.clear()
            return
        if text := _text("".join(self.loose)):
            item = bullet_item(text)  # "•&#160;Des formations…<br>": typed as a list item
            out.append(_heading_by_content(text, self.items)
                       or (Block("list_item", item, 0) if item else Block("paragraph", text, 0)))
        self.loose.clear()


def _unspaced(text: str) -> str:
    """The text without its white space: chips set apart by a space or glued are the same."""
    return "".join(text.split())


def _card_chips(chips: list[str], items: IntroWords) -> list[Block] | None:
    """The chips that open a card, before its body (a board's card: "<span
    class="tag">Brandebourg</span><span class="date">juil. 2025</span><div>…"), one block
    each, when one is a date alone (its badge) and another reads as a place's name
    (:func:`_reads_as_partner`): that one a tag chip's heading, first, the date a paragraph,
    which labels the body below it; ``None`` for any other chips ("Publié" beside "par la
    mairie"), whose loose text stays one block."""
    dates = [chip for chip in chips if date_alone(chip) == chip]
    places = [chip for chip in chips if chip not in dates and _reads_as_partner(chip, items)]
    if not dates or not places:
        return None
    # the partner first, whichever chip comes first: the date then labels the text below it
    return [*(Block("heading", chip, 0, level=CHIP_LEVEL) for chip in places),
            *(Block("paragraph", chip, 0) for chip in chips if chip not in places)]


def _walk(article: etree._Element, out: list[Block], tree: _Tree) -> None:
    """Blocks of a container in document order; loose text between blocks is a paragraph.
    Lines are left at 0: they are given when the page's text is laid out. A stack rather
    than recursion, so that 2,000 nested elements cost no Python recursion."""

    items = IntroWords()  # the list items read so far, which may name a partner

    def opened(container: etree._Element) -> _Container:
        return _Container(iter(container), [container.text or ""], items, len(out))

    stack = [opened(article)]
    while stack:
        current = stack[-1]
        child = next(current.children, None)
        if child is None:
            current.flush(out)
            stack.pop()
            continue
        if isinstance(child.tag, str) and (marked := child.get(MARKED_PARTNER)):
            current.flush(out)  # an entry's partner, named in its markup
            out.append(Block("paragraph", marked, 0, aside=MARKED))
            current.loose.append(child.tail or "")
            continue
        if _left_out(child, in_article=True, holds_heading=tree.holds_heading):
            if heading := _partner_chip(child, current, out, items):
                current.flush(out)
                out.append(heading)
            current.loose.append(child.tail or "")
            continue
        tag = child.tag.lower()
        if tag in HEADINGS or tag in ("p", "li", "summary", "figcaption") or tag in _SET_APART \
                or tag in _CONTAINERS:
            current.flush(out, head=tag in _CONTAINERS or tag == "p")
            current.loose.append(child.tail or "")  # read after what the child holds
            if tag in HEADINGS or tag == "summary":
                level = int(tag[1]) if tag in HEADINGS else BOLD_HEADING_LEVEL
                out += [Block("heading", t, 0, level=level)
                        for piece in _with_country_badge(child) or _pieces(child)
                        if (t := _heading_text(piece))]
            elif tag == "p" or tag in _SET_APART:
                out += _paragraph_blocks(child, items)
            elif tag == "li" and (head := _outline_head(child, items)):
                out.append(head)
                stack += [opened(inner) for inner in reversed(_nested_lists(child))]
            elif tag == "li":
                pieces = _pieces(child)
                out += [Block("list_item", t, 0, bold=_bold_start(child, t) if n == 0 else 0)
                        for n, t in enumerate(pieces)]
                if pieces:
                    items.add(pieces[0])
                stack += [opened(inner) for inner in reversed(_nested_lists(child))]
            elif tag == "table" and _metadata_table(child):  # "Créé le | @12 mars 2024"
                out += [Block("paragraph", t, 0, aside=PAGE_METADATA) for row in _own_rows(child)
                        if (t := " : ".join(c for cell in row if isinstance(cell.tag, str)
                                            and (c := _text(_rendered(cell)))))]
            elif tag == "table" and (rows := _table_blocks(child, tree, items)) is not None:
                out += rows
            elif tag == "dl" and (fields := _field_list(child, items, tree)):
                out += fields
            elif tag == "figcaption":  # what a picture shows is no action of the page
                out += [Block("paragraph", t, 0, aside=CAPTION) for t in _pieces(child)]
            elif tag in _CONTAINERS and (grid := _field_grid(child)) is not None \
                    and (fields := _fields_of(grid, items, tree)):
                out += fields
            elif tag in _CONTAINERS and (names := _list_of_names(child, items)):
                out += [Block("list_item", name, 0) for name in names]
                for name in names:
                    items.add(name)
            elif (tag == "figure" and _pull_quote(child)) or (tag == "blockquote" and _quoted(child)):
                out += [Block("paragraph", t, 0, aside=PULL_QUOTE) for t in _pieces(child)]  # a
                # quotation set in the text
            elif tag == "th":
                out += [Block("paragraph", t, 0, aside=TABLE_HEADER) for t in _pieces(child)]
            elif tag in ("ul", "ol") and _table_of_contents(child):
                out += [Block("list_item", _text(_rendered(li)), 0, aside=TABLE_OF_CONTENTS)
                        for li in child if isinstance(li.tag, str) and _text(_rendered(li))]
            else:
                stack.append(opened(child))
        elif tag == "br":  # a line break in loose text ends a paragraph
            current.flush(out)
            current.loose.append(child.tail or "")
        elif tag == "img" and (heading := _banner_heading(child, current, items)):
            current.flush(out)
            out.append(heading)
            current.loose.append(child.tail or "")
        else:  # inline content (a, strong, span, …) of loose text, with its tail
            rendered = _rendered(child)
            current.chip(child, rendered)
            current.loose.append(rendered + (child.tail or ""))


def _banner_heading(image: etree._Element, current: _Container, items: IntroWords) -> Block | None:
    """A picture standing alone between blocks whose text alternative names a place
    ("Dianguirdé (Mali)"): a banner that heads what follows, as an e-mail newsletter or a
    page builder titles its sections with images. Only the alternative text: a picture set
    in a sentence, or one whose ``alt`` is a caption that names no place in a heading's
    form ("Délégation municipale, Kita, mars 2021"), heads nothing.

    >>> img = lxml.html.fragment_fromstring('<img alt="Gao (Mali)" src="b.jpg">')
    >>> _banner_heading(img, _Container(iter(()), [""], IntroWords()), IntroWords()).text
    'Gao (Mali)'
    >>> _banner_heading(img, _Container(iter(()), ["Voir "], IntroWords()), IntroWords()) is None
    True
    """
    alt = _heading_text(_text(image.get("alt") or ""))
    if not alt or _text("".join(current.loose)) or _control_or_set(image) or not names_a_place(alt, items):
        return None
    return Block("heading", alt, 0, level=BOLD_HEADING_LEVEL)


def _control_or_set(image: etree._Element) -> bool:
    """A picture that is a control (``role="button"``, or one the keyboard reaches:
    ``tabindex``, a map's marker) or one of a row of pictures side by side with no text
    between (a map's markers, a gallery, a row of logos): no banner, whatever its ``alt``.

    >>> row = lxml.html.fragment_fromstring('<div><img alt="Gao (Mali)"><img alt="Kita (Mali)"></div>')
    >>> keyed = lxml.html.fragment_fromstring('<img alt="Gao (Mali)" tabindex="0">')
    >>> _control_or_set(row[0]), _control_or_set(keyed)
    (True, True)
    >>> _control_or_set(lxml.html.fragment_fromstring('<img alt="Gao (Mali)">'))
    False
    """
    if image.get("role") == "button" or image.get("tabindex") is not None:
        return True
    before, after = image.getprevious(), image.getnext()
    return any(sibling is not None and isinstance(sibling.tag, str) and sibling.tag.lower() == "img"
               and not (between.tail or "").strip()
               for sibling, between in ((before, before), (after, image)) if between is not None)


MAX_CHIP = 60  # characters of a tag's label: a name, never a sentence


def _partner_chip(element: etree._Element, current: _Container, out: list[Block],
                  items: IntroWords) -> Block | None:
    """A tag chip set before an entry's text that names its place ("<ul class="tags"><li>
    <span class="tag">Gao</span></li></ul><p>2019 : …</p>", a page grouped by themes whose
    partner is a label on each entry): the heading of what follows, written as the partner
    heading above that it names once the page is read (:func:`_named_chips`), so that the
    parse stage joins what follows to that partner's section as it joins a repeated
    heading. Only a chip alone,
    opening its container (``out``: the blocks read so far, none since the container
    opened) with something after it, whose label reads as a place's name and names no
    theme; tags at an article's end ("Solidarité", "Bilan 2024") stay furniture."""
    if not isinstance(element.tag, str) or element.tag.lower() in _LEFT_OUT_TAGS \
            or not _TAG_MARKS.search(_marks(element)) or len(out) != current.start \
            or _text("".join(current.loose)) or element.getnext() is None:
        return None  # a comment, or a chip after text
    pieces = _pieces(element)
    if len(pieces) != 1 or not _reads_as_partner(chip := pieces[0], items):
        return None
    return Block("heading", chip, 0, level=CHIP_LEVEL)


def _reads_as_partner(label: str, items: IntroWords) -> bool:
    """A short label (a tag, a table's cell) that reads as a place's name and is no theme
    nor one of the usual headings."""
    return len(label) <= MAX_CHIP and not themes(label) \
        and (names_a_place(label, items) or heading_like(label, items)
             or names_a_place(place_name(label), items)) \
        and not (sub_heading(label) or other_heading(label) or group_heading(label))


def _named_chips(blocks: list[Block]) -> list[Block]:
    """The blocks with each heading read from a tag chip or a partner cell (at
    ``CHIP_LEVEL``) written as the partner heading above it that it names ("Brandebourg"
    as "Brandenburg-sur-la-Havel (Allemagne)"), once the headings written as two blocks
    are joined, at the level of a heading found by what it names; a chip that names none
    stays as written. An entry whose markup names several partners (markers one after the
    other: an agenda's row under two category chips, :func:`agenda_rows`) is written under
    the first partner's heading, then again under each other's: one action per partner,
    as the page files it under each."""
    partners = _PartnerHeadings(IntroWords())
    out: list[Block] = []
    label: str | None = None  # a timeline item's date, for the text below its heading
    items_level: int | None = None  # the level of a timeline's item headings
    apart = False  # under a heading that names no place: a timeline's items may name theirs
    # an entry marked with several partners (an agenda's row under two category chips): where
    # the heading of its first partner is, and the headings of the others, each of which
    # gets a copy of the entry's blocks once the entry ends (one action per partner)
    first_mark: int | None = None
    other_marks: list[str] = []

    def copied() -> None:
        if first_mark is not None:
            entry = out[first_mark + 1:]
            line = out[first_mark].line
            for heading in other_marks:
                out.extend([Block("heading", heading, line, level=BOLD_HEADING_LEVEL), *entry])
        other_marks.clear()

    for n, block in enumerate(blocks):
        if block.kind == "heading" or (block.aside == MARKED and (n == 0 or blocks[n - 1].aside != MARKED)):
            copied()  # the entry under several partners ends
            first_mark = None
        if block.aside == MARKED:
            partners.feed(out)  # an entry's partner named in its markup: the first name a heading has
            names = [name for name in block.text.split("\n") if not themes(name)]
            named = next((h for name in names  # as written first
                          if (h := name if name in partners.texts else partners.named(name))), None)
            # none read yet (the grid above the partners' sections): a name in a heading's form,
            # its country beside it ("La Lisa (Cuba)"), not a slug ("la lisa") nor a name alone
            named = named or next((name for name in names if split_heading(name)[1]
                                   and names_a_place(name, partners.items)), None)
            if named is not None and first_mark is not None and named != out[first_mark].text:
                other_marks.append(named)  # another partner of the same entry
            elif named is not None and first_mark is None:
                out.append(Block("heading", named, block.line, level=BOLD_HEADING_LEVEL))
                first_mark = len(out) - 1
            continue
        if block.kind == "heading" and 1 < block.level < CHIP_LEVEL:
            partners.feed(out)
            apart = not names_a_place(block.text, partners.items) \
                and partners.named(block.text) is None and _timeline_item(block.text) is None
        if apart and block.kind != "heading" and (entries := _timeline_entries(block.text)):
            partners.feed(out)  # "2019 · Jena : …", "Jena — mai 2019 : …" under a timeline's
            found = [(named, entry) for entry in entries  # heading: the place's entry
                     if (named := partners.named(entry[1])) is not None]
            if found:
                named, (when, _, rest) = found[-1]  # the longest place a heading names
                # as written when its date is the label it opens with, else the date, then the text
                own = split_any_label(block.text)
                out += [Block("heading", named, block.line, level=BOLD_HEADING_LEVEL),
                        block if own is not None and own[2] and own[0] == when
                        else replace(block, text=f"{when} : {rest}", bold=0)]
                continue
        if block.kind == "list_item":
            partners.items.add(block.text)
        if (named := partners.tagged(block, out)) is not None:  # "… Havel. #Brandebourg"
            out.append(Block("heading", named, block.line, level=BOLD_HEADING_LEVEL))
        if label is not None and block.kind != "heading":
            block, label = replace(block, text=f"{label} : {block.text}", bold=0), None
        elif label is not None:
            out.append(Block("paragraph", label, 0))  # an item of a date and no text
            label = None
        if block.kind == "heading" and block.level > 1 and block.level != CHIP_LEVEL \
                and (item := _timeline_item(block.text)) is not None:
            partners.feed(out)
            if (named := partners.named(item[1])) is not None and named != block.text:
                out.append(Block("heading", named, block.line, level=BOLD_HEADING_LEVEL))
                label, items_level = item[0], block.level
                continue
        if block.kind == "heading" and block.level == items_level:
            partners.feed(out)  # an item of the timeline headed by its partner alone
            if (named := partners.named(block.text)) is not None and named != block.text:
                out.append(Block("heading", named, block.line, level=BOLD_HEADING_LEVEL))
                continue
        if block.kind == "heading" and block.level == CHIP_LEVEL:
            partners.feed(out)
            block = replace(block, text=partners.named(block.text) or block.text, level=BOLD_HEADING_LEVEL)
        elif _field_of_partner(block, blocks[n + 1] if n + 1 < len(blocks) else None, partners.items):
            partners.feed(out)
            if (named := partners.named(block.text)) is not None and named != block.text:
                block = Block("heading", named, block.line, level=BOLD_HEADING_LEVEL)
        out.append(block)
    if label is not None:
        out.append(Block("paragraph", label, 0))
    copied()
    return out


# What sets an item's date apart from the place it names in its heading ("2019 · Jena",
# "Jena — 2019"): punctuation, no word; not a comma, which adds the years of a subject
# ("Archives de la coopération avec Gao, 2006-2014").
_ITEM_SEPARATOR = re.compile(r"[\s·•|/:–—-]*")


# What ends the place an item names before its text ("2019 · Jena : accueil …").
_NAME_END = re.compile(r"\s+[·•|—–-]\s+|\s*:\s+")


def _timeline_entries(text: str) -> list[tuple[str, str, str]]:
    """The readings of an item of a timeline of all partners that names its place between
    its date and its text, set apart by punctuation ("2019 · Jena : accueil …", "Jena —
    mai 2019 : accueil …"), as (date, place, text), the shortest place first (a place's
    name may hold a dash: "Jifna – Jalazone"); none for any other block.

    >>> _timeline_entries("2019 · Jena : accueil de 12 jeunes."), _timeline_entries("2019 : accueil.")
    ([('2019', 'Jena', 'accueil de 12 jeunes.')], [])
    >>> _timeline_entries("Jena — mai 2019 : accueil.")
    [('mai 2019', 'Jena', 'accueil.')]
    """
    head = text[:MAX_HEADING]
    return [(item[0], item[1], rest) for end in _NAME_END.finditer(head)
            if (item := _timeline_item(head[:end.start()])) is not None
            and (rest := text[end.end():].strip())]


def _timeline_item(text: str) -> tuple[str, str] | None:
    """The date and the name of a heading that holds both, set apart by punctuation
    ("2003-2014 · Brandebourg", "Jena — mai 2019"): an item of a chronological list
    of all partners, which names its partner in its own heading; ``None`` for any other
    heading.

    >>> _timeline_item("2003 – 2014 · Jifna – Jalazone"), _timeline_item("Jena — mai 2019")
    (('2003 – 2014', 'Jifna – Jalazone'), ('mai 2019', 'Jena'))
    >>> _timeline_item("Semaine des cuivres 2012"), _timeline_item("Brandebourg (Allemagne)")
    (None, None)
    """
    if len(text) > MAX_HEADING:
        return None
    found = [f for f in find_dates(text) if f.period is not None]
    if not found:
        return None
    first, last = found[0], found[-1]
    if first.start == 0 and (gap := _ITEM_SEPARATOR.match(text, first.end)) and gap.end() > first.end \
            and gap.group().strip():
        name = text[gap.end():].strip()
        return (first.text, name) if name and len(name) <= MAX_CHIP and not find_dates(name) else None
    if last.end == len(text.rstrip()):
        head = text[:last.start]
        gap_start = len(head.rstrip(" ·•|/:–—-"))
        if head[gap_start:].strip() and (name := head[:gap_start].strip()) and len(name) <= MAX_CHIP \
                and not find_dates(name):
            return last.text, name
    return None


def _field_of_partner(block: Block, after: Block | None, items: IntroWords) -> bool:
    """A short line alone that reads as a place's name, right above a dated entry or its
    date (a collection item's partner field, "<div class="partner">Brandebourg</div>"
    over "<div class="date">2004</div>", in a page grouped by years; a card's term link
    above its excerpt, in a list of cards), or a name alone
    found as a heading by what it names ("Jifna – Jalazone" over an undated entry): it heads
    that entry as the partner heading above it names (:func:`_named_chips`). Never a
    heading of the page's own tags (h1 to h6), nor one that says its country."""
    if block.aside or len(block.text) > MAX_CHIP or not _reads_as_partner(block.text, items):
        return False
    if block.kind == "heading" and block.level == BOLD_HEADING_LEVEL:
        return split_heading(block.text)[1] is None  # a name alone, whatever follows it
    return block.kind in ("paragraph", "list_item") and after is not None and after.kind != "heading" \
        and (parse_label(after.text) is not None or split_any_label(after.text) is not None)


MAX_FIELD_KEY = 40  # characters of a definition list's term read as a field's name


def _field_list(dl: etree._Element, items: IntroWords | None = None,
                tree: _Tree | None = None) -> list[Block]:
    """A definition list of a fiche's fields ("<dt>Pays</dt><dd>Allemagne</dd>"), one
    line "key : value" each, as a table's row beside its header is read; none (the list
    read as terms set apart above their text) when a term is a date ("<dt>Juin 2012</dt>",
    an entry's label) or longer than a field's name, or when the list holds anything else.
    A field of the partner ("Partenaire : Brandebourg", a fiche per action) heads the
    fiche, as a table's partner column heads its row (``items``: the intro's items); a
    fiche with a date field and a text field is read as a table's row is: the date alone,
    the text's own blocks below it (its paragraphs and lists), the other fields after.

    >>> dl = lxml.html.fragment_fromstring("<dl><dt>Pays</dt><dd>Mali</dd><dt>Zone</dt><dd>Kayes</dd></dl>")
    >>> [b.text for b in _field_list(dl)]
    ['Pays : Mali', 'Zone : Kayes']
    >>> _field_list(lxml.html.fragment_fromstring("<dl><dt>Juin 2012</dt><dd>Accueil</dd></dl>"))
    []
    >>> [b.text for b in _field_list(lxml.html.fragment_fromstring(
    ...     "<dl><div><dt>Pays</dt><dd>Mali</dd></div><div><dt>Depuis</dt><dd>2005</dd></div></dl>"))]
    ['Pays : Mali', 'Depuis : 2005']
    """
    # HTML lets a list wrap each term and its value in a <div> (a CMS's "fiche__ligne"): the
    # pairs are the wrappers' children
    parts = [(child.tag, child) for group in dl for child in (group if group.tag == "div" else [group])
             if isinstance(child.tag, str)]  # not a comment (lxml-stubs type .tag as str only)
    return _fields_of(parts, items, tree)


def _fields_of(parts: list[tuple[str, etree._Element]], items: IntroWords | None,
               tree: _Tree | None) -> list[Block]:
    """The blocks of a fiche's fields given as terms ("dt") and values ("dd"), in order:
    :func:`_field_list`'s reading, for a definition list or a grid of divs."""
    fields: list[Block] = []
    heads: list[Block] = []  # the fiche's partner, and its date and text when it has both
    values: dict[str, tuple[etree._Element, Block]] = {}  # kind -> its first value and line
    key = None
    for tag, child in parts:
        text = _text(_rendered(child))
        if tag == "dt" and text and len(text) <= MAX_FIELD_KEY and parse_label(text) is None:
            key = text.rstrip(" :")
        elif tag == "dd" and key is not None:
            kind = key_kind(key)
            if text and items is not None and kind in _PARTNER_KINDS and _reads_as_partner(text, items):
                heads.append(Block("heading", text, 0, level=CHIP_LEVEL))  # the fiche's partner
            elif text:
                fields.append(line := Block("list_item", f"{key} : {text}", 0))
                if kind in (DATE, TEXT) and kind not in values:
                    values[kind] = (child, line)
        else:
            return []
    if DATE in values and TEXT in values and tree is not None \
            and parse_label(date := _text(_rendered(values[DATE][0]))) is not None:  # as a table's row
        heads.append(Block("paragraph", date, 0))
        _walk(values[TEXT][0], heads, tree)
        fields = [f for f in fields if f is not values[DATE][1] and f is not values[TEXT][1]]
    return heads + fields


_KEY_STOP = re.compile(r"[.;!?…]")  # a key is no sentence


def _field_grid(container: etree._Element) -> list[tuple[str, etree._Element]] | None:
    """A fiche's fields written as a grid of divs, not as a definition list: a container
    whose children are each a pair of blocks, a key then its value ("<div class='champ'>
    <div>Pays</div><div>Mali</div></div>", a Typo3 or Drupal fiche's label and value), read
    as the terms and values of :func:`_field_list`; two pairs at least, every key a few
    words that are no date and no sentence, at least one of them a key the lexicon knows
    ("Pays", "Date de signature"), every value a line of text (no paragraph, list or
    heading inside). ``None`` for any other container (cards of a title and a text).

    >>> grid = lxml.html.fragment_fromstring("<div><div><div>Pays</div><div>Mali</div></div>"
    ...     "<div><div>Population</div><div>19 000 habitants</div></div></div>")
    >>> [(tag, _text(_rendered(e))) for tag, e in _field_grid(grid)]
    [('dt', 'Pays'), ('dd', 'Mali'), ('dt', 'Population'), ('dd', '19 000 habitants')]
    >>> _field_grid(lxml.html.fragment_fromstring("<div><div><div>Chantier</div><div>Un lavoir.</div>"
    ...     "</div><div><div>Atelier</div><div>Des recettes.</div></div></div>")) is None
    True
    """
    if _text(container.text or ""):
        return None
    parts: list[tuple[str, etree._Element]] = []
    known = False
    for pair in container:
        if not isinstance(pair.tag, str):
            continue  # type: ignore[unreachable]  # a comment (lxml-stubs type .tag as str only)
        inner = [c for c in pair if isinstance(c.tag, str)]
        if pair.tag.lower() != "div" or len(inner) != 2 or _text(pair.text or "") \
                or any(_text(c.tail or "") for c in inner) or _text(pair.tail or ""):
            return None
        key, value = (_text(_rendered(c)) for c in inner)
        if not key or not value or len(key) > MAX_FIELD_KEY or len(key.split()) > MAX_KEY_WORDS \
                or _KEY_STOP.search(key) or parse_label(key) is not None \
                or any(d.tag in _CONTAINERS | {*HEADINGS, "p", "table", "dl"} for c in inner for d in c.iter()
                       if isinstance(d.tag, str) and d is not c):
            return None
        known = known or key_kind(key.rstrip(" :")) is not None
        parts += [("dt", inner[0]), ("dd", inner[1])]
    return parts if known and len(parts) >= 4 else None


def _list_of_names(container: etree._Element, items: IntroWords) -> list[str]:
    """The names of a list written as a container's sibling blocks, each a place's name
    alone, with nothing else in the container (Drupal's ``field--items`` of ``field--item``
    divs, the intro's "La commune de Dianguirdé (Mali)"…): a list of partners, not
    one heading each with nothing below it. Empty when the container is no such list."""
    if _text(container.text or ""):
        return []
    names = []
    for child in container:
        if not isinstance(child.tag, str):  # a comment
            continue  # type: ignore[unreachable]  # lxml-stubs type .tag as str only
        if child.tag.lower() not in ("div", "p", "span") or _text(child.tail or "") \
                or any(isinstance(c.tag, str) and c.tag.lower() in _CONTAINERS | {"p"} for c in child):
            return []
        pieces = _pieces(child)
        if len(pieces) != 1 or not names_a_place(pieces[0], items):
            return []
        names.append(pieces[0])
    return names if len(names) >= 2 else []


def _pull_quote(figure: etree._Element) -> bool:
    """A figure that shows a quotation (WordPress' ``wp-block-pullquote``: a
    ``<blockquote>`` and its ``<cite>``) rather than a table or a picture: what someone said
    of the partnership, with the year they said it, is no action of the page."""
    return any(isinstance(c.tag, str) and c.tag.lower() == "blockquote" for c in figure) \
        and not any(isinstance(c.tag, str) and c.tag.lower() == "table" for c in figure.iter())


_OPENING_QUOTES, _CLOSING_QUOTES = "«“\"", "»”\""
ATTRIBUTION_WORDS = 25  # words after a quotation that say who said it ("», sourit Yanis, …")


def _quoted(quote: etree._Element) -> bool:
    """A ``<blockquote>`` set alone between paragraphs that holds what someone said: a
    quotation in its marks, then who said it, in its ``<cite>`` or ``<footer>`` or in a
    few words after the closing mark ("« Ces voyages, on en parle encore », sourit Yanis,
    parti à Kita en 2018"): a pull quote, whose year is no action of the page. A
    blockquote a CMS uses to indent entries ("2019 : accueil …") opens with no mark."""
    text = _text(_rendered(quote))
    if not text or text[0] not in _OPENING_QUOTES:
        return False
    closing = max(text.rfind(mark) for mark in _CLOSING_QUOTES)
    if closing <= 0:
        return False
    cited = any(isinstance(c.tag, str) and c.tag.lower() in ("cite", "footer") for c in quote.iter())
    after = text[closing + 1:].strip()
    return cited or not after or (after[:1] in ",-–—" and len(after.split()) <= ATTRIBUTION_WORDS)


def _own_rows(table: etree._Element) -> list[etree._Element]:
    """The rows of a table, in its head, bodies and foot or directly in it; not the rows
    of a table nested in one of its cells."""
    rows = []
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows += [r for r in child if isinstance(r.tag, str) and r.tag.lower() == "tr"]
    return rows


MAX_SPAN = 100  # rows or columns a cell may span: more is a page's mistake, not a layout


def _grid(rows: list[etree._Element]) -> list[list[etree._Element | None]]:
    """The cells of each row by column, a cell that spans rows or columns (``rowspan``,
    ``colspan``) in each place it covers, as a browser lays the table out."""
    grid: list[list[etree._Element | None]] = []
    carried: dict[int, tuple[etree._Element, int]] = {}  # column -> (cell, rows still to cover)
    for row in rows:
        line: list[etree._Element | None] = []
        cells = iter(c for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th"))
        column = 0
        while True:
            if column in carried:
                cell, left = carried[column]
                line.append(cell)
                carried = {**carried, column: (cell, left - 1)} if left > 1 else \
                    {k: v for k, v in carried.items() if k != column}
                column += 1
                continue
            own = next(cells, None)
            if own is None:
                if any(k >= column for k in carried):
                    line.append(None)
                    column += 1
                    continue
                break
            wide, high = (_span(own.get(name)) for name in ("colspan", "rowspan"))
            for _ in range(wide):
                if high > 1:
                    carried[column] = (own, high - 1)
                line.append(own)
                column += 1
        grid.append(line)
    return grid


def _span(value: str | None) -> int:
    try:
        return max(1, min(int((value or "1").strip()), MAX_SPAN))
    except ValueError:
        return 1


SHEET_LETTERS = 3  # column letters at least ("A", "B", "C"): a spreadsheet's grid
SHEET_HEAD = 3  # rows a spreadsheet's header may come after (its title rows)


def _cell_texts(line: list[etree._Element | None]) -> list[str]:
    return [_text(_rendered(c)) if c is not None else "" for c in line]


def _across(line: list[etree._Element | None]) -> etree._Element | None:
    """The one cell a row holds across all its columns (``colspan``), if it holds one."""
    cells = {id(c): c for c in line if c is not None}
    return next(iter(cells.values())) if len(cells) == 1 and len(line) > 1 and None not in line else None


def _sheet_grid(grid: list[list[etree._Element | None]]
                ) -> tuple[list[list[etree._Element | None]], int, list[Block]] | None:
    """A spreadsheet published as a page (Google Sheets' "publish to the web", a sheet
    saved as HTML): a row of column letters ("A", "B", "C", …) heads the grid, and a column
    of row numbers (1, 2, 3, …) runs down it. Neither is the table's: both are taken off;
    the sheet's own header is the first row below its title rows (one cell across the
    sheet: "Suivi des actions — mise à jour : mars 2024"), which are set aside. The grid
    without them, its header's row and the titles; ``None`` for any other table."""
    letters = next((n for n, line in enumerate(grid[:2])
                    if len(said := [t for t in _cell_texts(line) if t]) >= SHEET_LETTERS
                    and said == [chr(ord("A") + k) for k in range(len(said))]), None)
    if letters is None:
        return None
    rest = grid[letters + 1:]
    numbers = [_cell_texts(line)[0] if line else "" for line in rest]
    counted = [int(t) for t in numbers if t.isdigit()]
    if len(counted) >= SHEET_LETTERS and len(counted) == len(rest) \
            and all(b == a + 1 for a, b in pairwise(counted)):
        rest = [line[1:] for line in rest]
    titles: list[Block] = []
    for n, line in enumerate(rest[:SHEET_HEAD]):
        if (title := _across(line)) is not None or not any(_cell_texts(line)):
            said = _pieces(title) if title is not None else []
            titles += [Block("paragraph", t, 0, aside=TABLE_TITLE) for t in said]
            continue
        return rest, n, titles
    return None


def _one_date(line: list[etree._Element | None], start: int, end: int) -> list[etree._Element | None]:
    """A row whose date is written over its start's and its end's cells ("2016" | "à ce
    jour", "04/2018" | "05/2018", "2012" | ""), with the two cells as one date's cell
    ("2016 – à ce jour"; the start alone when the end is empty: a one-off)."""
    if end >= len(line) or line[start] is line[end]:
        return line  # a row of one cell across the table
    first, last = (_text(_rendered(c)) if c is not None else "" for c in (line[start], line[end]))
    cell = etree.Element("td")
    first = "" if empty(first) else first
    cell.text = f"{first} – {last}" if first and not empty(last) and last != first else first
    return [cell if n == start else c for n, c in enumerate(line) if n != end]


def _note_row(line: list[etree._Element | None]) -> str | None:
    """The text of a table's last row when it is a note (one cell across the table that
    writes sentences: "T2 : deuxième trimestre. Montants : part de la Ville."), what its
    signs mean, no entry; ``None`` for any other row."""
    cell = _across(line)
    said = _text(_rendered(cell)) if cell is not None else ""
    return said if said.endswith((".", ")")) and ". " in said else None


def _header_text(cell: etree._Element) -> str:
    """What a table's header cell says: its lines joined by a space ("Nombre de<br>participants"
    is "Nombre de participants", not "Nombre departicipants"), a last line that names only
    a country written in brackets after the place above it, as a heading writes it
    ("Brandebourg-sur-la-Havel<br><small>Allemagne</small>": "Brandebourg-sur-la-Havel
    (Allemagne)"), so that a column per partner reads as the partner's heading."""
    lines = _pieces(cell)
    if len(lines) > 1 and country_code(lines[-1]) is not None:
        return f"{' '.join(lines[:-1])} ({lines[-1]})".rstrip(" :")
    return " ".join(lines).rstrip(" :")


def _header_row(rows: list[etree._Element]) -> int | None:
    """Which row heads the table: its last row in ``<thead>``, else its first row when
    all its cells are ``<th>``; ``None`` when no row does."""
    heads = [i for i, r in enumerate(rows)
             if (p := r.getparent()) is not None and isinstance(p.tag, str) and p.tag.lower() == "thead"]
    if heads:
        return heads[-1]
    cells = [c for c in rows[0] if isinstance(c.tag, str)] if rows else []
    return 0 if cells and all(c.tag.lower() == "th" for c in cells) else None


PAGE_METADATA = "the page's metadata (a table of when it was made and updated, its tags)"
# A key of the page's metadata: a CMS field ("Créé le", "Dernière modification",
# "Étiquettes"), the words pipeline/parse.py sets aside as furniture in a block.
METADATA_KEYS = 2  # row headers that are CMS fields: one may be a column's ("Mise à jour")


def _metadata_table(table: etree._Element) -> bool:
    """A table of the page's own metadata (a Notion export's properties, a wiki's info
    box): two of its row headers at least name a CMS field. Its dates are when the page
    was made, never an action's: the table is set aside and reported."""
    keys = 0
    for row in _own_rows(table):
        cells = [c for c in row if isinstance(c.tag, str)]
        if cells and cells[0].tag.lower() == "th" and CMS_FIELD.match(_text(_rendered(cells[0]))):
            keys += 1
    return keys >= METADATA_KEYS


def _table_blocks(table: etree._Element, tree: _Tree, items: IntroWords | None = None) -> list[Block] | None:
    """A table whose header says what its columns hold, read row by row: each row one
    entry. The date column's cell is the entry's label, the text column's cell its text,
    and every other cell a field line under its column's header ("Budget : 20 000 €"),
    which the extract stage reads by the header's kind (:mod:`pipeline.fields`); empty
    and dash cells are nothing, a row of totals is set aside. ``None`` when no header
    names a date, or a text beside a head count or an amount: the table is read as any
    other container.

    A column of the partner (its header of kind "partners" or "place": "Partenaire",
    "Ville partenaire") whose cell reads as a place's name heads its row, as a tag chip
    heads an entry (:func:`_partner_chip`): a table of actions with one row per action
    and the partner in each row (``items``: the intro's items read so far)."""
    rows = _own_rows(table)
    grid = _grid(rows)
    titles: list[Block] = []
    if (sheet := _sheet_grid(grid)) is not None:  # a spreadsheet's grid, its letters and numbers
        grid, head, titles = sheet
    elif (found := _header_row(rows)) is None:
        return None
    else:
        head = found
    headers = [_header_text(c) if c is not None else "" for c in grid[head]]
    if (span := span_columns(headers)) is not None:  # "Début" | "Fin": one date
        grid = [_one_date(line, *span) for line in grid]
        headers = [f"{h} – {headers[span[1]]}" if n == span[0] else h
                   for n, h in enumerate(headers) if n != span[1]]
    if (gantt := _gantt_blocks(table, grid, head, headers, tree, items)) is not None:
        return gantt
    if (pivot := _pivot_blocks(table, grid, head, headers, tree, items)) is not None:
        return pivot
    kinds = [key_kind(h) if h else None for h in headers]
    if span is not None:
        kinds[span[0]] = DATE
    if DATE not in kinds and not (TEXT in kinds and (PEOPLE in kinds or AMOUNT in kinds)):
        return None
    date = kinds.index(DATE) if DATE in kinds else None
    text = kinds.index(TEXT) if TEXT in kinds else next(
        (i for i, k in enumerate(kinds) if k is None and i != date), None)
    named_column = next((i for i, k in enumerate(kinds) if k == "partners" and i not in (date, text)), None)
    partners = (named_column if named_column is not None and span is not None  # "Partenaire" over
                else _partner_column(grid[head + 1:], {date, text})) \
        if DATE in kinds and TEXT in kinds else None  # a sheet's rows, its cells spanning them
    # a table of the partners whose date is their tie's ("Ville | Pays | Date de l’accord |
    # Nature"): each row the partner's fiche, its cells field lines under its place
    fiches = PLACE in kinds and date is not None and names_the_tie(headers[date])
    if fiches:
        date = text = None
    elif (PLACE in kinds and TEXT not in kinds) or (partners is None and _names_places(grid[head + 1:])):
        return None  # a table of the partners themselves ("Ville | Pays | Année"): as before
    out = [Block("paragraph", t, 0, aside=TABLE_CAPTION)
           for caption in table if isinstance(caption.tag, str) and caption.tag.lower() == "caption"
           for t in _pieces(caption)] + titles
    out += [Block("paragraph", h, 0, aside=TABLE_HEADER) for h in dict.fromkeys(headers) if h]
    # the partner's column: by its header ("Partenaire"), else by cells that surely name places
    partner = next((i for i, k in enumerate(kinds) if k in _PARTNER_KINDS and i not in (date, text)),
                   partners)
    done: set[etree._Element] = set()  # cells read: a cell spanning rows is one row's
    heading = None  # the partner cell of the rows above
    country = next((i for i, k in enumerate(kinds) if k == "country"), None) if partner is not None else None
    for n, line in enumerate(grid[head + 1:], start=head + 1):
        if n == len(grid) - 1 and (note := _note_row(line)) is not None:
            out.append(Block("paragraph", note, 0, aside=TABLE_NOTE))
            continue
        named = _partner_cell(line, partner, items, country)
        if named and named != heading:
            out.append(Block("heading", named, 0, level=CHIP_LEVEL))
            heading = named
        out += _row_blocks(line, headers, date, text, done, tree, partner if named else None,
                           country if named else None)
    return out


_PARTNER_KINDS = frozenset(k for k in KINDS if k in (PLACE, "partners"))
MIN_PIVOT = 2  # dates across the header, partners down the first column (or the other way)


def _pivot_blocks(table: etree._Element, grid: list[list[etree._Element | None]], head: int,
                  headers: list[str], tree: _Tree, items: IntroWords | None) -> list[Block] | None:
    """A table of partners by dates (a mandate's review: a row per partner, a column per
    year, each cell the partner's actions of that year; or a column per partner and a row
    per year): every cell that says something is an entry of its row's partner, dated by
    its column's date (a cell spanning columns by the first and the last: "2019-2021"),
    its own words below that label (a month without its year in it, "Septembre : …", takes
    the column's year as any entry below a dated one does). A row naming no partner (a
    count of actions per year) is set aside. ``None`` for any other table."""
    body = [line for line in grid[head + 1:] if line]
    if not body:
        return None
    nobody = items if items is not None else IntroWords()
    dated = [i for i, h in enumerate(headers) if dated_label(h)]
    firsts = [_text(_rendered(line[0])) if line[0] is not None else "" for line in body]
    beyond: dict[etree._Element | None, list[etree._Element]] = {}
    if len(dated) >= MIN_PIVOT and 0 not in dated and set(dated) == set(range(1, len(headers))) \
            and sum(bool(f) and _reads_as_partner(f, nobody) for f in dict.fromkeys(firsts)) >= MIN_PIVOT:
        rows = [(line[0], [(headers[i], line[i] if i < len(line) else None) for i in dated]) for line in body]
        for line in body:
            beyond.setdefault(line[0], []).extend(c for c in line[len(headers):] if c is not None)
    elif len(headers) > MIN_PIVOT and not dated_label(headers[0]) \
            and all(_reads_as_partner(h, nobody) and key_kind(h) is None for h in headers[1:]) \
            and all(dated_label(f) for f in firsts):
        rows = [(grid[head][i], [(firsts[n], line[i] if i < len(line) else None)
                                 for n, line in enumerate(body)]) for i in range(1, len(headers))]
        beyond = {cell: [] for cell, _ in rows}
    else:
        return None
    out = [Block("paragraph", t, 0, aside=TABLE_CAPTION)
           for caption in table if isinstance(caption.tag, str) and caption.tag.lower() == "caption"
           for t in _pieces(caption)]
    out += [Block("paragraph", h, 0, aside=TABLE_HEADER) for h in dict.fromkeys(headers) if h]
    done: set[tuple[str, etree._Element]] = set()
    heading = None
    for partner_cell, cells in rows:
        partner = _header_text(partner_cell) if partner_cell is not None else ""
        said = [(when, cell, _text(_rendered(cell)) if cell is not None else "") for when, cell in cells]
        if not partner or not _reads_as_partner(partner, nobody):
            if any(not empty(text) for _, _, text in said) or beyond.get(partner_cell):
                out.append(Block("paragraph", " | ".join([partner, *(t for _, _, t in said if t)]), 0,
                                 aside=TABLE_TOTAL))
            continue
        if partner != heading:
            out.append(Block("heading", partner, 0, level=CHIP_LEVEL))
            heading = partner
        for n, (when, cell, text) in enumerate(said):
            if cell is None or (partner, cell) in done or empty(text):
                continue
            done.add((partner, cell))  # a cell across two partners' columns is each one's
            last = max(m for m, (_, other, _) in enumerate(said) if other is cell)
            label = when if last == n else _span_label(when, said[last][0])
            blocks: list[Block] = []
            _walk(cell, blocks, tree)
            if blocks and not blocks[0].bold and blocks[0].kind == "paragraph":  # the cell's own run
                blocks[0] = replace(blocks[0], bold=_bold_start(cell, blocks[0].text))  # "<td><b>2003
            out += _dated_cell(blocks, label)  # → 2014</b> · …": the entry's label, as a paragraph's
        for cell in beyond[partner_cell]:  # a cell past the last date of the header: its
            if (partner, cell) not in done and not empty(_text(_rendered(cell))):  # text, undated
                done.add((partner, cell))
                _walk(cell, out, tree)
    return out


MIN_GANTT = 3  # columns of dates in a row that make a table a timeline chart
MAX_MARK = 1  # characters of a cell that marks a timeline's column ("x", "■"): more say something


def _signature(cell: etree._Element | None) -> tuple[str, ...]:
    """What sets a cell apart from its neighbours when it holds no words: its mark and the
    attributes that colour it."""
    if cell is None:
        return ("",)
    return (_text(_rendered(cell)),
            *(" ".join((cell.get(a) or "").split()) for a in ("class", "style", "bgcolor")))


def _gantt_blocks(table: etree._Element, grid: list[list[etree._Element | None]], head: int,
                  headers: list[str], tree: _Tree, items: IntroWords | None = None) -> list[Block] | None:
    """A timeline chart drawn as a table (a Gantt chart: "Programme | 2003 | 2004 | …",
    a row per programme, its years coloured): a column of dates per year (or month, or any
    date), consecutive, and cells under them that hold no words, only a mark ("x", "■") or
    a colour (a class, a style, a background set apart from the row's blank cells; a
    coloured cell spanning columns covers each). Each row is one entry: its words (the
    text column, the other columns as fields under their header) dated from the header of
    its first marked column to that of its last ("2003" to "2014": "2003-2014"); a row
    marked in no column is an undated entry; a column of the partner ("Partenaire") whose
    cell reads as a place heads its rows, as in any table of entries. ``None`` for any
    other table."""
    dated = [i for i, h in enumerate(headers) if h and dated_label(h)]
    body = [line for line in grid[head + 1:] if line]
    if len(dated) < MIN_GANTT or len(dated) == len(headers) or not body \
            or dated != list(range(dated[0], dated[-1] + 1)):
        return None
    starts = [p.start_date if (p := parse_label(headers[i])) is not None else None for i in dated]
    if any(a is None or b is None or b <= a for a, b in pairwise(starts)):
        return None  # not a time line: the columns go back or repeat a date
    cells = [line[i] if i < len(line) else None for line in body for i in dated]
    if any(c is not None and (len(t := _text(_rendered(c))) > MAX_MARK or any(d.isdigit() for d in t))
           for c in cells):
        return None  # a cell under a date says something (a table of dates by partner; a figure)
    signatures = Counter(_signature(c) for c in cells)
    # the blank cell: the commonest, the barest of those as common (a row coloured half its years)
    blank = max(signatures, key=lambda s: (signatures[s], -len("".join(s))))
    if len(signatures) == 1:
        return None
    words = [i for i in range(len(headers)) if i not in dated]
    out = [Block("paragraph", t, 0, aside=TABLE_CAPTION)
           for caption in table if isinstance(caption.tag, str) and caption.tag.lower() == "caption"
           for t in _pieces(caption)]
    out += [Block("paragraph", h, 0, aside=TABLE_HEADER) for h in dict.fromkeys(headers) if h]
    # the partner's column ("Partenaire", "Ville"): its cell heads the rows, as a tag chip does
    partner = next((i for i in words if headers[i] and key_kind(headers[i]) in _PARTNER_KINDS), None)
    heading = None
    for line in body:
        said = {i: _text(_rendered(c)) if i < len(line) and (c := line[i]) is not None else "" for i in words}
        if not any(said.values()):
            continue
        named = _partner_cell(line, partner, items)
        if named and named != heading:
            out.append(Block("heading", named, 0, level=CHIP_LEVEL))
            heading = named
        text = max((i for i in words if i != partner or not named), key=lambda i: len(said[i]))
        marked = [i for i in dated if i < len(line) and _signature(line[i]) != blank]
        label = "" if not marked else headers[marked[0]] if marked[0] == marked[-1] \
            else _span_label(headers[marked[0]], headers[marked[-1]])
        blocks: list[Block] = []
        element = line[text]
        if element is not None:
            _walk(element, blocks, tree)
        out += _dated_cell(blocks, label) if label else blocks
        out += [Block("list_item", f"{headers[i]} : {said[i]}" if headers[i] else said[i], 0)
                for i in words if i != text and not (named and i == partner) and not empty(said[i])]
    return out


def _dated_cell(blocks: list[Block], label: str) -> list[Block]:
    """The blocks of a cell of a table of partners by dates, dated by its column's
    ``label``: an entry whose own date has no year ("Septembre : …", "Du 29 avril au 6
    mai, …") takes the column's year after that date; a first block that opens with no
    date of its own has the label written before it, as an entry's label."""
    period = parse_label(label)
    year = str(period.start_year) if period is not None and period.start_year is not None \
        and period.start_year == period.end_year and period.start_month is None else None
    ends = [_yearless_head(block.text, year) if year else None for block in blocks]
    undated = [not split_any_label(block.text) and _opening_date(block.text) is None for block in blocks]
    # a cell of paragraphs one of which opens on its own date lists entries: each of its
    # other paragraphs is an entry of the cell's date too, not the text of the one above
    listed = {n for n, block in enumerate(blocks) if block.kind == "paragraph"} \
        if any(block.kind == "paragraph" and (ends[n] is not None or not undated[n])
               for n, block in enumerate(blocks)) else set()
    out = []
    for n, block in enumerate(blocks):
        end = ends[n]
        if year and end is not None:
            text = f"{block.text[:end]} {year}{block.text[end:]}"
            block = replace(block, text=text, bold=block.bold + len(year) + 1 if block.bold >= end
                            else block.bold)
        elif (n == 0 or n in listed) and undated[n]:
            block = replace(block, text=f"{label} : {block.text}", bold=0)
        out.append(block)
    return out


# A design's separator between a cell's date and its text: a middle dot or a bullet between
# spaces ("Mai · Six jeunes musiciens…"), or an arrow of a design ("Depuis 2016 ▶ Chaque été").
_DESIGN_MARK = re.compile(r"\s[·•∙▶►]\s")


def _yearless_head(text: str, year: str) -> int | None:
    """Where the date that opens ``text`` ends when it has no year ("Septembre : …", "Du
    29 avril au 6 mai, …") and reads as a date of ``year`` once it is written after it;
    ``None`` otherwise."""
    if (apart := _DESIGN_MARK.search(text[:LABEL_REACH])) is not None:  # "Mai · …", "Avril – mai · …"
        head = text[:apart.start()]
        own, completed = parse_label(head), parse_label(f"{head} {year}")
        if (own is None or own.yearless) and completed is not None and str(completed.start_year) == year:
            return apart.start()
    if (labelled := split_any_label(text)) is not None:
        own = parse_label(labelled[0])
        completed = parse_label(f"{labelled[0]} {year}")
        if (own is None or own.yearless) and completed is not None and str(completed.start_year) == year:
            return text.index(labelled[0]) + len(labelled[0])
        return None
    first = _opening_date(text)
    return first.end if first is not None and first.period is not None and first.period.yearless else None


def _opening_date(text: str) -> Found | None:
    """The date expression ``text`` opens with, a day or a month without its year too."""
    found = find_dates(text, yearless=True)
    return found[0] if found and not text[:found[0].start].strip() else None


def _span_label(first: str, last: str) -> str:
    """The label of a cell that spans the columns of two dates: from the first to the
    last ("2019" and "2021": "2019-2021"), as the page writes a span of years."""
    start, end = parse_label(first), parse_label(last)
    if start is not None and end is not None and start.start_year and end.end_year \
            and start.start_month is None and end.end_month is None:
        return f"{start.start_year}-{end.end_year}"  # "Année 2019" to "Année 2021": "2019-2021"
    return f"{first} - {last}"


def _partner_cell(line: list[etree._Element | None], partner: int | None,
                  items: IntroWords | None, country: int | None = None) -> str | None:
    """A row's partner cell when it reads as a place's name, its country after it in
    brackets when a column of the country holds it ("Partenaire | Pays": "Jifna (Palestine)");
    ``None`` when there is no such column or the cell names no place."""
    element = line[partner] if partner is not None and partner < len(line) else None
    if element is None:
        return None
    cell = _text(_rendered(element))
    other = line[country] if country is not None and country < len(line) else None
    beside = _text(_rendered(other)) if other is not None else ""
    if cell and beside and not empty(beside) and "(" not in cell:
        # the country's own remark in brackets joins it after a comma ("Algérie (réfugiés
        # sahraouis)": "Camps de Tindouf (Algérie, réfugiés sahraouis)"), one pair of brackets
        flat = _FLATTENED.sub(", ", beside).rstrip(") ") if "(" in beside else beside
        cell = f"{cell} ({flat})"
    # a place the intro's items or the page's partners name, or one that surely names a
    # place (its country beside it), as a bilan's partner column writes it
    return cell if cell and ((items is not None and _reads_as_partner(cell, items))
                             or names_a_place(cell, IntroWords())) else None


_FLATTENED = re.compile(r"\s*\(\s*")  # an opening bracket inside a country's cell
MIN_PARTNER_CELLS = 2  # partners named down a column that make it the table's partner column


def _partner_column(rows: list[list[etree._Element | None]], taken: set[int | None]) -> int | None:
    """The column of a table of entries that names their partner ("Partenaire | Période |
    Action | Montant", the partner's cell spanning its rows, as a council's annex lays out
    its bilan): the one, besides the date's and the text's, where two cells at least read
    as headings that surely name a place. Its cells are the table's partner sections."""
    nobody = IntroWords()
    counts: dict[int, set[etree._Element]] = {}
    for row in rows:
        for column, cell in enumerate(row):
            if column in taken or cell is None or cell in counts.get(column, set()):
                continue
            text = _text(_rendered(cell))
            if text and len(text) <= MAX_HEADING and names_a_place(text, nobody):
                counts.setdefault(column, set()).add(cell)
    found = [c for c, cells in counts.items() if len(cells) >= MIN_PARTNER_CELLS]
    return found[0] if len(found) == 1 else None


def _names_places(rows: list[list[etree._Element | None]]) -> bool:
    """A cell of the rows reads as a partner heading that surely names a place ("Gao
    (Mali)"): the table lays out partner sections, not one partner's entries."""
    nobody = IntroWords()
    for cell in {c for row in rows for c in row if c is not None}:
        if (text := _text(_rendered(cell))) and len(text) <= MAX_HEADING and names_a_place(text, nobody):
            return True
    return False


def _row_blocks(line: list[etree._Element | None], headers: list[str], date: int | None,
                text: int | None, done: set[etree._Element], tree: _Tree,
                partner: int | None = None, country: int | None = None) -> list[Block]:
    """The blocks of one row of a table read by its header (:func:`_table_blocks`): its
    date cell (a cell spanning rows dates each of them) and text, then its other cells as
    field lines."""
    said = [_text(_rendered(c)) if c is not None else "" for c in line]
    if not any(said):
        return []
    first = next(t for t in said if t)
    if total_row(first) or _spanning_total(line, date, text, first):
        return [Block("paragraph", " | ".join(t for t in dict.fromkeys(said) if t), 0, aside=TABLE_TOTAL)]
    label = said[date] if date is not None and date < len(said) and not empty(said[date]) else ""
    precision = None
    for column, value in enumerate(said):  # the rest of the date in a column of its own
        if label and column not in (date, text, partner) and not empty(value) and \
                (column >= len(headers) or key_kind(headers[column]) is None) and \
                (joined := _completed_label(label, value)) is not None:
            label, precision = joined, column
            break
    blocks: list[Block] = []
    cell = line[text] if text is not None and text < len(line) else None
    if cell is not None and cell not in done:
        _walk(cell, blocks, tree)
        done.add(cell)
        if label:  # the row's text, whatever it names ("Projet … avec La Lisa (Cuba)"): no heading
            blocks = [replace(b, kind="paragraph") if b.kind == "heading" else b for b in blocks]
    if label:  # a label alone on its line: the entry of the text below it, as a timeline's
        blocks.insert(0, Block("paragraph", label, 0))
    for column, (element, value) in enumerate(zip(line, said, strict=True)):
        if column in (date, text, partner, country, precision) or element is None or element in done \
                or empty(value):
            continue
        done.add(element)
        key = headers[column] if column < len(headers) else ""
        blocks.append(Block("list_item", f"{key} : {value}" if key else value, 0))
    return blocks


_LIST_WORDS = frozenset(plain(w) for w in lexicon("calendar")["words"]["and"])


def _completed_label(label: str, rest: str) -> str | None:
    """The date of a row written over two cells ("Année | Précision": "2012" and "juin",
    "2003" and "jusqu'en 2014", "2016" and "depuis, en cours", "2020" and "puis 2021 et
    2022"), read as one label: the cell's words before the year, after it, or around it
    (its first words before the year, the rest after it in brackets), or the rest of the
    list the year opens (the words of a list, "puis", "et", joining them). ``None`` when no
    such reading is a date of the label's year that says more than the year alone: the
    cell is a field of the row ("Lieu : Kita"), not the rest of its date."""
    own = parse_label(label)
    if own is None or own.start_year is None:
        return None
    head, _, tail = rest.partition(",")
    candidates = [f"{rest} {label}", f"{label} {rest}"]
    if tail.strip():  # "depuis, en cours": "depuis 2016", the label the page writes so,
        # before "depuis 2016 (en cours)" (an entry's id is made of its label)
        candidates += [f"{head.strip()} {label}", f"{head.strip()} {label} ({tail.strip()})"]
    first, _, others = rest.strip().partition(" ")
    if plain(first) in _LIST_WORDS and others:  # the list the year opens goes on: "puis 2021 et 2022"
        candidates.append(f"{label}, {others}")
    for candidate in candidates:
        period = parse_label(candidate)
        if period is not None and period.start_year == own.start_year and period != own:
            return candidate
    return None


def _spanning_total(line: list[etree._Element | None], date: int | None, text: int | None,
                    first: str) -> bool:
    """A row of totals whose one cell runs across the date's and the text's columns,
    opening with the word of a total ("Total des crédits inscrits au budget 2025 | 38 500"):
    no entry, though its words name a year."""
    if date is None or text is None or max(date, text) >= len(line) or line[date] is None \
            or line[date] is not line[text]:
        return False
    words = first.split(maxsplit=1)
    return bool(words) and total_row(words[0])


def _elements(found: object) -> list[etree._Element]:
    """The elements an XPath query of elements found (lxml types its answer as any value)."""
    return [e for e in found if isinstance(e, etree._Element)] if isinstance(found, list) else []


MIN_ARTICLE_SHARE = 0.2  # of the page's text: less, and <article> holds teasers, not the page


def _article(tree: _Tree) -> etree._Element:
    """The element holding the page's own content: the largest <article>, else <main>, else
    an element marked as the main content, else <body>. Articles side by side (a card or a
    fiche per partner) are the content together: their parent. Articles that hold less than
    a fifth of the page's text are teasers of other posts ("Actualités liées" beside a page
    built of sections): the page's content is elsewhere."""
    document = tree.document
    ids = " or ".join(f"@id='{name}'" for name in _FURNITURE_MARKS["content_ids"])
    body = document.find("body")
    whole = tree.text_length(body if body is not None else document)
    for query in ("//main//article", "//article", "//main", "//*[@role='main']", f"//*[{ids}]"):
        found = [e for e in _elements(document.xpath(query)) if not _left_out(e)]
        if found:
            largest = max(found, key=tree.text_length)
            parent = largest.getparent()
            if largest.tag == "article" and parent is not None and sum(
                    1 for e in found if e.getparent() is parent) > 1:
                largest = parent  # one <article> a partner (cards, fiches): the list of them
            if "article" in query and tree.text_length(largest) < MIN_ARTICLE_SHARE * whole:
                continue  # teasers of other posts ("Actualités liées"), not the page's text
            return largest
    body = document.find("body")
    return body if body is not None else document


def _names_a_partner(heading: str, items: IntroWords) -> bool:
    """A heading outside the article that a partner section would have: it names a
    country in brackets, or one of the intro's list items names it."""
    name, bracket = split_heading(heading)
    return names_a_country(bracket) or items.name(place_name(name)) or items.name(heading)


def _widen(article: etree._Element, tree: _Tree) -> etree._Element:
    """The article, or the smallest element around it that also holds the partner
    headings a CMS put beside it (a page split into several blocks): no section is left
    out because the page's content is not in one element."""
    items = IntroWords(_text(_rendered(li, lists=False)) for li in article.iter("li"))
    inside = set(article.iter())
    beside = [h for h in tree.document.iter(*HEADINGS[1:])
              if h not in inside and not tree.in_furniture(h)
              and _names_a_partner(_text(_rendered(h)), items)]
    # how far above the article each element meets the article's own ancestors
    above = {node: n for n, node in enumerate((article, *article.iterancestors()))}
    meets: dict[etree._Element, int] = {}
    highest = 0
    for heading in beside:
        path: list[etree._Element] = []
        node: etree._Element | None = heading
        while node is not None and node not in above and node not in meets:
            path.append(node)
            node = node.getparent()
        level = 0 if node is None else above[node] if node in above else meets[node]
        meets.update(dict.fromkeys(path, level))
        highest = max(highest, level)
    return article if not highest else list(article.iterancestors())[highest - 1]


def _first_of_sections(first: Block, others: list[int]) -> bool:
    """The article's first heading is the first of its partner sections, not its title: it
    names a country in brackets and other headings of the article have its level (an
    intranet's "1. Gao (Mali)", "2. Ségou (Mali)", all ``<h1>``, under a title set
    outside the article)."""
    return first.level in others and names_a_country(split_heading(first.text)[1])


def _title(blocks: list[Block], article: etree._Element, tree: _Tree) -> list[Block]:
    """The blocks with the page's title first, at level 1, if the page has one: the
    article's first heading when it is an h1, or when it stands above every other
    heading of the article (a Joomla ``<h2>`` title over ``<h3>`` sections); else the
    page's first h1 outside the article and outside the site's furniture. A page may have
    no title at all."""
    headings = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    if headings:
        first = blocks[headings[0]]
        others = [blocks[i].level for i in headings[1:]]
        if (first.level == 1 and not _first_of_sections(first, others)) \
                or (others and first.level < min(others) and not split_heading(first.text)[1]):
            titled = replace(first, level=1)
            rest = [replace(b, level=max(b.level, 2)) if b.kind == "heading" else b
                    for i, b in enumerate(blocks) if i != headings[0]]
            return [titled, *rest]
    blocks = [replace(b, level=max(b.level, 2)) if b.kind == "heading" else b for b in blocks]
    inside = set(article.iter())
    for h1 in tree.document.iter("h1"):
        if h1 not in inside and not tree.in_furniture(h1) and (text := _text(_rendered(h1))):
            return [Block("heading", text, 0, level=1), *blocks]
    return blocks


# An XHTML page's or an XML export's first line ("<?xml version="1.0" encoding="UTF-8"?>"):
# the text is decoded already, and lxml refuses a decoded text that declares an encoding.
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*\?>")


def parse_html(text: str) -> etree._Element:
    """The page's tree, or one line saying why it cannot be had whole.

    libxml2 stops building the tree where a limit is reached, without an exception: past
    256 nested elements by default, every later element and its text would vanish. With
    ``huge_tree`` the limit is 2048 (no page of a CMS comes near); past it, or past any
    other of libxml2's limits, the page is refused rather than read in part.
    """
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        document = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise Refusal("not_html", reason=exc) from None
    for error in parser.error_log:
        if error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT or error.level >= etree.ErrorLevels.FATAL:
            what = error.message.split(", use XML_PARSE_HUGE")[0].strip()
            raise Refusal("html_limit", line=error.line, what=what)
    return document


# A custom element's declarative shadow root (``<template shadowrootmode="open">``): what a
# browser shows in the element's place, its ``<slot>``s filled with the element's children.
_SHADOW_ROOT_ATTRIBUTES = ("shadowrootmode", "shadowroot")


def _shadow_roots(document: etree._Element) -> list[etree._Element]:
    return [t for t in document.iter("template")
            if any(t.get(a) for a in _SHADOW_ROOT_ATTRIBUTES) and t.getparent() is not None]


def _append_text(parent: etree._Element, before: etree._Element | None, text: str) -> None:
    """Text put where ``before`` ends (its tail), or at the start of ``parent``."""
    if not text:
        return
    if before is None:
        parent.text = (parent.text or "") + text
    else:
        before.tail = (before.tail or "") + text


def _slots(root: etree._Element) -> list[etree._Element]:
    """The ``<slot>``s of a shadow tree, not those of a shadow tree nested in it."""
    return _own(root, {"slot"}, {"template"})


def _unwrap(slot: etree._Element, content: list[etree._Element | str]) -> None:
    """Put ``content`` (elements and text, in order) where ``slot`` is, as a browser lays
    out a slot (``display: contents``): the slot leaves no box of its own."""
    parent = slot.getparent()
    assert parent is not None
    previous = slot.getprevious()
    tail = slot.tail or ""
    index = parent.index(slot)
    parent.remove(slot)
    last = previous
    for piece in content:
        if isinstance(piece, str):
            _append_text(parent, last, piece)
        else:
            parent.insert(index, piece)
            index += 1
            last = piece
    _append_text(parent, last, tail)


def joined_letters(document: etree._Element) -> None:
    """An element whose text is split into pieces of a letter or two (an animation library's
    "SplitText": a ``<div>`` per character, the words' spaces lost) and whose ``aria-label``
    spells the same letters is read as the label says, the way a screen reader reads it.

    >>> page = lxml.html.fromstring('<div><h2 aria-label="Gao (Mali)"><div>G</div><div>a</div>'
    ...     '<div>o</div><div>(</div><div>Mali</div><div>)</div></h2><p aria-label="x">Gao</p></div>')
    >>> joined_letters(page)
    >>> etree.tostring(page, encoding=str)
    '<div><h2 aria-label="Gao (Mali)">Gao (Mali)</h2><p aria-label="x">Gao</p></div>'
    """
    for element in [e for e in document.iter() if isinstance(e.tag, str) and e.get("aria-label")]:
        label = element.get("aria-label")
        if not label or not len(element):
            continue
        pieces = [t.strip() for t in element.itertext() if isinstance(t, str) and t.strip()]
        if len(pieces) >= SPLIT_PIECES and "".join(pieces) == "".join(label.split()) \
                and sum(len(p) for p in pieces) <= SPLIT_LETTERS * len(pieces):
            for child in list(element):
                element.remove(child)
            element.text = label


def svg_timelines(document: etree._Element) -> None:
    """A timeline drawn in SVG (a D3 chart saved as rendered) whose events hold their text
    as HTML in a ``<foreignObject>``, beside the ``<text>`` that labels them, is read as the
    page shows it: each event's label, then its text. The chart's other SVG text (an axis's
    year ticks, its ``<desc>``) stays left out with the drawing.

    >>> page = lxml.html.fromstring('<div><svg><desc>Frise de 2003 à 2024</desc><g><text>2010</text></g>'
    ...     '<g><text>Mai 2019</text><foreignObject><div><p>accueil de jeunes.</p></div></foreignObject></g>'
    ...     '</svg>fin</div>')
    >>> svg_timelines(page)
    >>> etree.tostring(page, encoding=str)
    '<div><div><p>Mai 2019</p><div><p>accueil de jeunes.</p></div></div>fin</div>'
    """
    for svg in list(document.iter("svg")):
        events = [e for e in svg.iter() if isinstance(e.tag, str) and e.tag.lower() == "foreignobject"]
        parent = svg.getparent()
        if not events or parent is None:
            continue
        timeline = lxml.html.Element("div")
        for event in events:
            group = event.getparent()
            labels = [" ".join("".join(str(w) for w in t.itertext()).split())
                      for t in (group if group is not None else [])
                      if isinstance(t.tag, str) and t.tag.lower() == "text"]
            if label := " ".join(words for words in labels if words):
                etree.SubElement(timeline, "p").text = label
            for child in list(event):
                timeline.append(child)
        timeline.tail = svg.tail
        parent.replace(svg, timeline)


# How much of an element is read to tell whether it holds a date alone: a date's element is
# small, so a larger one is text (and a page of deep nesting costs linear time).
_BRIEF_NODES, _BRIEF_CHARS = 16, 60


def _brief_text(element: etree._Element) -> str | None:
    """The words of a small element (its subtree and text bounded), ``None`` for a larger one."""
    nodes = list(islice(element.iter(), _BRIEF_NODES + 1))
    if len(nodes) > _BRIEF_NODES:
        return None
    pieces = [element.text or ""]
    pieces += [piece for node in nodes[1:] for piece in (node.text or "", node.tail or "")]
    words = " ".join(" ".join(pieces).split())
    return words if len(words) <= _BRIEF_CHARS else None


def dates_first(document: etree._Element) -> None:
    """A timeline whose items alternate sides by swapping the order of their date and their
    text in the HTML (a "zigzag": the left item writes its date, then its text; the right
    one its text, then its date) is read with each item's date first, so that each text
    takes its own item's date, not the one of the item before. Only items among siblings
    that write both orders are moved: a list whose every card puts its date last is read
    as it is.

    >>> page = lxml.html.fromstring('<div><div><time>2019</time><p>accueil de jeunes.</p></div>'
    ...     '<div><p>visite d’élus.</p><time>Mai 2021</time></div></div>')
    >>> dates_first(page)
    >>> [[child.text for child in item] for item in page]
    [['2019', 'accueil de jeunes.'], ['Mai 2021', 'visite d’élus.']]
    """
    moves: list[tuple[etree._Element, etree._Element]] = []
    for parent in document.iter():
        found: list[tuple[etree._Element, etree._Element, bool]] = []
        for item in parent:
            kids = [k for k in item if isinstance(k.tag, str)] if isinstance(item.tag, str) else []
            if not 2 <= len(kids) <= MAX_ITEM_PARTS or item.tag in _NOT_TIMELINE_ITEMS \
                    or any(k.tag in _INLINE for k in kids):  # a table's row, a paragraph's runs
                continue
            words = [_brief_text(k) for k in kids]
            dated = [n for n, w in enumerate(words) if w and dated_label(w)]
            if len(dated) == 1 and any(w is None or (w and n != dated[0]) for n, w in enumerate(words)):
                found.append((item, kids[dated[0]], dated[0] == 0))
        orders = {first for _, _, first in found}
        if len(found) >= 2 and len(orders) == 2:  # both orders among the siblings
            moves += [(item, date) for item, date, first in found if not first]
    for item, date in moves:
        before = date.getprevious()
        if date.tail and date.tail.strip() == "" and before is not None:
            date.tail = None
        item.remove(date)
        item.insert(0, date)


MAX_ITEM_PARTS = 6  # a timeline item's children: its date, its line or dot, its text, a picture
# What no timeline item is: a table's row (its columns are its order), and the runs of words a
# paragraph is made of (a word processor's paste: a bold date after its sentence's words).
_NOT_TIMELINE_ITEMS = {"tr", "thead", "tbody", "tfoot", "table", "p"}
_INLINE = {"span", "b", "strong", "i", "em", "a", "font", "sup", "sub", "small", "u", "br", "img",
           "abbr", "mark", "s", "ins", "code", "q"}


# pieces of text (a letter or two each, on average) that make an element's text split letter
# by letter: fewer is an ordinary element whose label says the same as its text
SPLIT_PIECES = 4
SPLIT_LETTERS = 2


def open_shadow_roots(document: etree._Element) -> None:
    """Lay out each web component as a browser shows it: its declarative shadow tree in its
    place, each ``<slot>`` holding the component's children assigned to it (by their
    ``slot`` attribute; the others and loose text go to the unnamed slot).

    A design system's page (Stencil, Lit, Nuxt with web components) may hold no ``<h2>``
    nor ``<p>`` of its own: its ``<x-heading level="2">`` becomes an ``<h2>`` only in its
    shadow tree. Read as unknown inline tags, its sections ran into one line. The host keeps
    its attributes, with its tag name added to its class (so that furniture named by the
    component, ``x-breadcrumb``, ``x-share``, is still known), and is read as a division.

    >>> page = lxml.html.fromstring('<div><x-h><template shadowrootmode="open"><h2><slot>'
    ...     '</slot></h2></template>Gao (Mali)</x-h><x-item><template shadowrootmode="open">'
    ...     '<p><slot name="d"></slot> : <slot></slot></p></template><x-d slot="d">2016</x-d>'
    ...     'forages</x-item></div>')
    >>> open_shadow_roots(page)
    >>> for piece in etree.tostring(page, encoding=str).replace("</div><div", "</div>|<div").split("|"):
    ...     print(piece)
    <div><div class="x-h"><h2>Gao (Mali)</h2></div>
    <div class="x-item"><p><x-d>2016</x-d> : forages</p></div></div>
    """
    for template in _shadow_roots(document):
        host = template.getparent()
        if host is None:
            continue
        named: dict[str, list[etree._Element | str]] = {}
        unnamed: list[etree._Element | str] = [host.text or ""]
        slots = _slots(template)
        names = {name for s in slots if (name := s.get("name"))}
        for child in list(host):
            if child is template:
                unnamed.append(child.tail or "")
                continue
            tail, child.tail = child.tail or "", None
            name = child.get("slot") if isinstance(child.tag, str) else None
            if name is not None and name in names:
                del child.attrib["slot"]
                named.setdefault(name, []).append(child)
            else:
                unnamed.append(child)
            unnamed.append(tail)
        for child in list(host):
            host.remove(child)
        host.text = template.text
        for child in list(template):
            host.append(child)
        for slot in slots:
            name = slot.get("name")
            assigned = named.get(name, []) if name else unnamed
            _unwrap(slot, assigned if any(not isinstance(p, str) or p.strip() for p in assigned)
                    else [*([slot.text] if slot.text else []), *list(slot)])
        if isinstance(host.tag, str) and "-" in host.tag:
            host.set("class", " ".join(filter(None, (host.get("class"), host.tag))))
            host.tag = "div"


STRUCK_OUT = "struck-out text (an earlier value the page corrects):"
NOT_SHOWN = "hidden element no control of the page opens (a draft, not displayed):"
# What a page's edit history strikes out: the old value of a correction ("<del>Mai 2018</del>
# <ins>Juin 2018</ins>"), never a second value; the inserted one (``<ins>``) is the page's.
_STRUCK = frozenset(_FURNITURE_MARKS["struck_tags"])
# the same written as a style, as a WYSIWYG editor strikes a word out
_LINE_THROUGH = re.compile(r"text-decoration(?:-line)?\s*:[^;]*line-through", re.IGNORECASE)
EDIT_MARK = "mark of an entry the page added or changed (a badge):"
_EDIT_MARKS = frozenset(plain(w) for w in _FURNITURE_MARKS["edit_marks"])
_MARK_PUNCTUATION = " !*★•·[]()–-:"
_MARK_TAGS = {"span", "mark", "small", "sup", "em", "strong", "b", "i", "abbr"}


def _taken_out(element: etree._Element) -> None:
    """Remove ``element`` from the tree, its tail text kept in its place."""
    parent = element.getparent()
    if parent is None:
        return
    tail, before = element.tail or "", element.getprevious()
    parent.remove(element)
    _append_text(parent, before, tail)


def edit_history(document: etree._Element) -> list[tuple[str, str]]:
    """Take out what a page shows as superseded or does not show at all, for the run
    report as (why, its text): struck-out text (``<del>``, ``<s>``, ``<strike>``, a
    ``line-through`` style: a correction's old value, whose new value follows in
    ``<ins>``, read as the page's own text), an element with the ``hidden`` attribute
    that no control of the page opens (no ``aria-controls`` names it: an accordion's
    closed panel is opened by its button and stays; a draft left in the page is never
    shown), and the badge that marks an entry as
    added or updated ("<span>Nouveau</span>", words of ``edit_marks``), alone in its element.

    >>> page = lxml.html.fromstring('<div><p><b><del>Mai 2018</del> <ins>Juin 2018</ins></b> : visite</p>'
    ...     '<p hidden>2025 : brouillon</p><button aria-controls="p1">+</button>'
    ...     '<p id="p1" hidden>2019 : x</p></div>')
    >>> edit_history(page)[0]
    ('struck-out text (an earlier value the page corrects): <del>', 'Mai 2018')
    >>> [p.text_content() for p in page.iter("p")]
    [' Juin 2018 : visite', '2019 : x']
    """
    opened = {name for e in document.iter() if isinstance(e.tag, str)
              for name in (e.get("aria-controls") or "").split()}
    found: list[tuple[str, str]] = []
    gone: set[etree._Element] = set()  # what was taken out, and what it held
    for element in list(document.iter()):
        parent = element.getparent()
        if parent is None or parent in gone or not isinstance(element.tag, str):
            if parent in gone:
                gone.add(element)
            continue
        tag = element.tag.lower()
        hidden = element.get("hidden")
        if tag in _STRUCK or _LINE_THROUGH.search(element.get("style") or ""):
            why = f"{STRUCK_OUT} <{tag}>"
        elif hidden is not None and hidden.lower() != "until-found" and element.get("id") not in opened:
            why = f"{NOT_SHOWN} <{tag}>"
        elif tag in _MARK_TAGS and not len(element) \
                and " ".join(plain(element.text or "").strip(_MARK_PUNCTUATION).split()) in _EDIT_MARKS:
            why = f"{EDIT_MARK} <{tag}>"
        else:
            continue
        if said := _text(_rendered(element)):
            found.append((why, said[:LEFT_OUT_TEXT]))
        gone.add(element)
        _taken_out(element)
    return found


# A card of a list of entries (a CMS's view of nodes, a grid of teasers): at most so many
# elements and characters; a list of at least MIN_CARDS cards of one kind shows a layout.
CARD_ELEMENTS = 200
CARD_TEXT = 5_000
MIN_CARDS = 3
DATE_SOURCE = 2_000  # characters of an element's source text: more holds no date alone,
DATE_ELEMENTS = 12  # nor more elements (a date and its field's name are a handful at most)
CARD_ENTRY = 12  # characters besides its date: less is a card's title or a word, no entry


def _sizes(document: etree._Element
           ) -> tuple[dict[etree._Element, tuple[int, int]], dict[etree._Element, bool]]:
    """Each element's count of elements and of characters, and whether it shows text (its
    own, a child's or a child's tail; a ``<time>`` its date), counted once bottom up:
    asking each element's rendered text down a deep nesting would read the nesting once per
    level."""
    sizes: dict[etree._Element, tuple[int, int]] = {}
    shown: dict[etree._Element, bool] = {}
    for _, node in etree.iterwalk(document, events=("end",)):
        count, length = 1, len(node.text or "")
        for child in node:
            below = sizes.get(child, (0, 0))
            count, length = count + below[0], length + below[1] + len(child.tail or "")
        sizes[node] = (count, length)
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        shown[node] = bool(tag) and tag not in _NOT_RENDERED and (
            bool(_text(node.text or "")) or (tag == "time" and bool(node.get("datetime")))
            or any(shown.get(child) or _text(child.tail or "") for child in node))
    return sizes, shown


# A folded panel of an accordion and its summary: what ends a card so is a group of entries
# under their heading, not a date alone; and a panel itself is no card whose last line is
# its date: its summary heads it, its last line is its last entry's.
_PANELS = {"details", "summary"}


def _tag(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _trailing_element(card: etree._Element, sizes: dict[etree._Element, tuple[int, int]],
                      shown: dict[etree._Element, bool]) -> tuple[etree._Element, str] | None:
    """The element that ends ``card`` and holds a date alone (a footer's field, a
    ``<time>``, a meta line), the largest one, and its date; ``None`` when the card does
    not end with one, or holds little else (a title, a word: no entry to date)."""
    node = card
    while True:
        last = next((c for c in reversed(node) if shown.get(c)), None)  # the last shown
        if last is None:
            return None
        if _text(last.tail or "") or any(_text(after.tail or "") for after in last.itersiblings()):
            return None  # text after it, maybe after a break: the card does not end with it
            # ("<li><span>Juin 2012</span><br>organisation d'un tournoi …</li>")
        if _tag(last) in _PANELS:
            return None  # a folded panel: its summary ("Depuis 2020", "Les années 2010")
            # heads the entries inside it, no date of the card's
        if sizes[last][0] <= DATE_ELEMENTS and sizes[last][1] <= DATE_SOURCE \
                and not _holds_list(last, shown) \
                and (date := date_alone(" ".join(_pieces(last)))) is not None:
            rest = sizes[card][1] - sizes[last][1]
            return (last, date) if rest >= CARD_ENTRY else None
        node = last


def _holds_list(element: etree._Element, shown: dict[etree._Element, bool]) -> bool:
    """Whether ``element`` holds a list that shows text: its own words, read without its
    lists, are then the heading of a group of items (a timeline's year over the items of
    that year: "2023" then "nov. Médicaments …"), no date alone that ends a card."""
    return any(shown.get(inner) for inner in element.iter("ul", "ol") if inner is not element)


def _holds_fields(card: etree._Element) -> bool:
    """A card of names and values (a ``<dl>``, a table's header cells: a partner's sheet,
    "Depuis 1963", "Prochain temps fort : été 2025"), whose last value is a fact of the
    sheet, no entry's date."""
    return next(card.iter("dt", "th"), None) is not None


def _names_its_place(card: etree._Element) -> bool:
    """A card headed by a place's name ("Gao (Mali)"): a partner's card, whose last line
    ("Jumelage signé le 12 mai 1990") is a fact of the partner, no entry's date."""
    nobody = IntroWords()
    return any(names_a_place(_text(_rendered(h)), nobody) for h in card.iter(*HEADINGS))


def _opens_with_date(card: etree._Element) -> bool:
    pieces = [p for p in _pieces(card) if p]
    return any(split_any_label(p) for p in pieces[:2])


def _put_first(card: etree._Element, label: str) -> None:
    """Write ``label`` and a colon at the head of the card's first text that is no
    heading (its title stays above it)."""
    walker = etree.iterwalk(card, events=("start", "end"))
    for event, node in walker:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if event == "start" and (tag in HEADINGS or tag in _NOT_RENDERED):
            walker.skip_subtree()
            if node is not card and _text(node.tail or ""):
                node.tail = f"{label} : {(node.tail or '').lstrip()}"
                return
            continue
        if event == "start" and _text(node.text or ""):
            node.text = f"{label} : {(node.text or '').lstrip()}"
            return
        if event == "end" and node is not card and _text(node.tail or ""):
            node.tail = f"{label} : {(node.tail or '').lstrip()}"
            return


# The class words a CMS writes per item of a list, not per kind ("views-row-3",
# "views-row-odd", "node-101", "first", "last"): no part of what kind of card it is.
_ITEM_CLASS = re.compile(r"\d|(?:^|-)(?:odd|even|first|last)$")


def _kind(element: etree._Element) -> str:
    """An element's class without the words that number or place each item of a list."""
    return " ".join(c for c in (element.get("class") or "").split() if not _ITEM_CLASS.search(c))


def _card_kinds(document: etree._Element, sizes: dict[etree._Element, tuple[int, int]]
                ) -> list[list[etree._Element]]:
    """The page's cards grouped by kind (their parent's tag and class, their own): small
    elements of short text, ``MIN_CARDS`` of a kind at least, the innermost kinds first."""
    depth: dict[etree._Element, int] = {document: 0}
    kinds: dict[tuple[str, str, str, str], list[etree._Element]] = {}
    for parent in document.iter():
        for child in parent:
            depth[child] = depth[parent] + 1
            if isinstance(child.tag, str) and sizes[child][0] <= CARD_ELEMENTS \
                    and 0 < sizes[child][1] <= CARD_TEXT:
                kind = (str(parent.tag), _kind(parent), child.tag, _kind(child))
                kinds.setdefault(kind, []).append(child)
    return [cards for cards in sorted(kinds.values(), key=lambda cards: -depth[cards[0]])
            if len(cards) >= MIN_CARDS]


def trailing_dates(document: etree._Element) -> None:
    """A list of cards each of which ends with its date (a Drupal teaser's footer
    "Période 2003-2014", a ``<time>`` under the text, "Publié le …" after the body) and
    none of which opens with one: the date is the card's own, written at the head of its
    text, where an entry's label is, so that it dates its own card, not the next one. The
    layout is told by its regularity (most cards of one kind, ``MIN_CARDS`` at least, end
    with a date), not by the words of the date's field; a card without one stays undated.

    >>> page = lxml.html.fromstring('<div>' + ''.join(
    ...     f'<article class="c"><h3>Titre</h3><p>Visite {n}.</p><footer>Période {y}</footer></article>'
    ...     for n, y in ((1, 2003), (2, "2005-2007"), (3, 2010))) + '</div>')
    >>> trailing_dates(page)
    >>> [a.text_content() for a in page]
    ['Titre2003 : Visite 1.', 'Titre2005-2007 : Visite 2.', 'Titre2010 : Visite 3.']
    """
    sizes, shown = _sizes(document)
    # cards of one kind wherever they are (a partner with two teasers is laid out as the
    # others), the innermost kinds first: a card's date is moved before the group of cards
    # that holds it (a partner's grouping of teasers) is looked at as a card of its own
    for cards in _card_kinds(document, sizes):
        ending = {i: found for i, card in enumerate(cards)
                  if (found := _trailing_element(card, sizes, shown))}
        if len(ending) < MIN_CARDS or 3 * len(ending) < 2 * len(cards) \
                or any(_opens_with_date(card) or _names_its_place(card) or _holds_fields(card)
                       or _tag(card) in _PANELS for card in cards):
            continue
        for i, (element, date) in ending.items():
            _taken_out(element)
            _put_first(cards[i], date)


_YEAR_ALONE = re.compile(r"(?:1[89]|20)\d\d")


def _first_words(item: etree._Element) -> etree._Element | None:
    """The element whose own text opens ``item`` (a badge's span), ``None`` when the item
    opens with a tail's text or shows none."""
    for node in item.iter():
        if _tag(node) in _NOT_RENDERED:
            return None
        if _text(node.text or ""):
            return node
        if node is not item and _text(node.tail or ""):
            return None
    return None


def year_groups(document: etree._Element) -> None:
    """A timeline whose items are grouped under a heading of their year (``<li><h3>2020</h3>
    <ul><li>févr. …</li><li>2018 → 2021 …</li></ul></li>``): an item whose label is a
    month or a season alone ("févr.", "print.") is of the heading's year, which is written
    after it ("févr. 2020"); an item with a date of its own keeps it ("2016 › 2020", under
    "2016"). Once each item of the group opens with a date, the heading that only repeats
    it is taken out: read as written, the year alone over its items would be an entry of
    its own, or the label of the first item only.

    >>> page = lxml.html.fromstring('<ol><li><h3>2020</h3><ul><li><span>févr.</span><p>Forages.</p>'
    ...     '</li><li><span>2019›2021</span><p>Santé.</p></li></ul></li></ol>')
    >>> year_groups(page)
    >>> [item.text_content() for item in page.iter("li")][1:]
    ['févr. 2020Forages.', '2019›2021Santé.']
    """
    _, shown = _sizes(document)
    for group in list(document.iter()):
        kids = [k for k in group if shown.get(k)]
        if len(kids) != 2 or _tag(kids[1]) not in ("ul", "ol") \
                or not _YEAR_ALONE.fullmatch(_text(_rendered(kids[0]))):
            continue
        year = _text(_rendered(kids[0]))
        items = [item for item in kids[1] if shown.get(item)]
        opening = [_first_words(item) for item in items]
        completed: list[tuple[etree._Element, str]] = []
        for node in opening:
            words = _text(node.text or "") if node is not None else ""
            if node is None or not words or len(words) > MAX_FIELD_NAME:
                break
            if (own := parse_label(words)) is not None and own.start_year is not None:
                continue  # a date of its own ("2016 › 2020" under "2016")
            period = parse_label(f"{words} {year}")
            if period is None or period.start_year != int(year):
                break
            completed.append((node, f"{words} {year}"))
        else:
            if items:
                for node, words in completed:
                    node.text = words
                _taken_out(kids[0])


def _heading_period(text: str, year: int) -> Period | None:
    """The part of its year a heading names alone under the heading of that year: a month
    ("Mai", "Octobre"), a season ("Été"), the whole year ("Toute l'année"); ``None`` for a
    heading that is no date ("Projets sur plusieurs années") or writes a number."""
    if len(text) > MAX_FIELD_NAME or any(c.isdigit() for c in text):
        return None
    period = parse_label(f"{text} {year}")
    return period if period is not None and period.start_year == period.end_year == year else None


def _opening_text(item: etree._Element) -> tuple[etree._Element, str] | None:
    """Where the first words ``item`` shows are written: the element whose ``text`` or
    whose ``tail`` they are (an icon before them: "<div><span class="icon"></span> le 15
    à 19 h</div>"), and which of the two."""
    for node in item.iter():
        if _tag(node) in _NOT_RENDERED:
            return None
        if _text(node.text or ""):
            return node, "text"
        if node is not item and _text(node.tail or ""):
            return node, "tail"
    return None


def _category_chips(row: etree._Element) -> list[etree._Element]:
    """The category chips of an agenda row: elements whose class says a category, with a
    short text and no such element inside."""
    chips = [node for node in row.iter() if node is not row and isinstance(node.tag, str)
             and _CATEGORY_MARKS.search(node.get("class") or "")]
    return [chip for chip in chips if not any(other is not chip and other in chips for other in chip.iter())
            and 0 < len(_text(_rendered(chip))) <= MAX_CHIP]


def _chip_names(chip: str) -> list[str]:
    """The names a category chip offers its partner, best first: the chip as written
    ("Mali · Dianguirdé"), then its words from the last ("Peuple sahraoui": "sahraoui"),
    as the walker's tag chips are read (:func:`_named_chips`)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", chip) if len(w) > 3]
    return list(dict.fromkeys([chip, *reversed(words)]))


def agenda_rows(document: etree._Element) -> None:
    """An agenda's rows under the headings of their year and month (a CMS's list of
    events: "<h3>2025</h3><h4>Mai</h4><ul><li><div>le 15 à 19 h</div><div>Soirée …</div>
    <div><span class="jevcat">Palestine · Jifna</span></div><div>Lectures …</div></li>"):
    each row's date line, written without its year, gets the year and month of the headings
    above written in (:func:`pipeline.dates.with_year`: "le 15 mai 2025 à 19 h"), so the
    row is one entry opening on its date, its lines after it; a heading of a year or a
    month all of whose rows then give their year is taken out, as :func:`year_groups`
    does. A row's category chip that names a partner (its only mention of it) is set before
    the row as the marker of its partner (``MARKED_PARTNER``), one per chip, and leaves the
    row's text.

    >>> page = lxml.html.fromstring('<div><h3>2015</h3><h4>Octobre</h4><ul><li><div>du 5 au 9</div>'
    ...     '<div>Accueil de lycéens.</div><div><span class="cat">Gao</span></div></li></ul></div>')
    >>> agenda_rows(page)
    >>> [(e.tag, e.get(MARKED_PARTNER), e.text_content()) for e in page.iter("h3", "h4", "span", "li")]
    [('span', 'Gao', ''), ('li', None, 'du 5 octobre 2015 au 9 octobre 2015Accueil de lycéens.')]
    """
    year: tuple[int, int, etree._Element] | None = None  # level, year, heading
    month: tuple[int, int | None, etree._Element] | None = None
    rows: dict[etree._Element, list[bool]] = {}  # each year's or month's heading: its rows dated
    for node in list(document.iter()):
        tag = _tag(node)
        if tag in HEADINGS:
            level, text = int(tag[1]), _text(_rendered(node))
            if year and level <= year[0]:
                year = month = None
            if month and level <= month[0]:
                month = None
            if _YEAR_ALONE.fullmatch(text):
                year, month = (level, int(text), node), None
                rows[node] = []
            elif year and (part := _heading_period(text, year[1])) is not None:
                one = part.start_month if part.start_month == part.end_month else None
                month = (level, one, node)  # the month it gives, if one
                rows[node] = []
            continue
        if tag != "li" or len(_pieces(node)) < 2 or (opening := _opening_text(node)) is None:
            continue
        where, side = opening
        line = getattr(where, side) or ""
        if len(_text(line)) > DATE_LINE:
            continue
        completed = with_year(line, year[1], month[1] if month else None) if year else None
        if completed is not None:
            setattr(where, side, completed)
        found = find_dates(_text(completed or line))
        for framing in (year, month):
            if framing is not None:  # its row gives its year ("2022 → 2024" under "2022")
                rows[framing[2]].append(any(f.period is not None and f.period.start_year for f in found))
        if not found:
            continue  # no agenda's row: its first line, short, holds no date
        for chip in _category_chips(node):
            mark = etree.Element("span")
            mark.set(MARKED_PARTNER, "\n".join(_chip_names(_text(_rendered(chip)))))
            node.addprevious(mark)
            _taken_out(chip)
    for above, dated in rows.items():
        if dated and all(dated):
            _taken_out(above)


# A card's field: a line (a list item, a paragraph, a division) opened by its name set apart
# in an inline element of its own ("<li><span class="meta-label">Quand</span> courant 2020
# </li>", "<p><strong>Date :</strong> 12 mai 2018</p>"): a name of a few letters at most,
# no figure in it, the value after it.
_FIELD_LINES = {"li", "p", "div"}
_FIELD_NAMES = {"span", "strong", "b", "em", "i", "label", "dfn", "small"}
MAX_FIELD_NAME = 30  # characters of a field's name: more is a sentence's first words


def _date_fields(line: etree._Element) -> list[tuple[list[etree._Element], str]]:
    """The fields of ``line`` whose name stands in its own element at the line's head or
    after a ``<br>`` and whose value, up to the next ``<br>``, is a date alone, as written
    ("de 2003 à 2014, chaque été", "courant 2020 et courant 2022"): for each, the elements
    it is made of (its name, what its value holds, the ``<br>`` that ends it) and its
    value."""
    if _tag(line) not in _FIELD_LINES:
        return []
    kids = [k for k in line if isinstance(k.tag, str)]
    found: list[tuple[list[etree._Element], str]] = []
    for n, name in enumerate(kids):
        head = not _text(line.text or "") if n == 0 else \
            _tag(kids[n - 1]) == "br" and not _text(kids[n - 1].tail or "")
        words = _text(name.text or "").rstrip(" :")
        if not head or _tag(name) not in _FIELD_NAMES or len(name) or not words \
                or len(words) > MAX_FIELD_NAME or any(c.isdigit() for c in words):
            continue
        nodes, value = [name], name.tail or ""
        for after in kids[n + 1:]:
            nodes.append(after)
            if _tag(after) == "br":
                break
            value += _rendered(after) + (after.tail or "")
        value = _text(value).lstrip(" :").strip()
        if value and date_alone(value) is not None:
            found.append((nodes, value))
    return found


def _card_date_field(card: etree._Element) -> tuple[etree._Element, list[etree._Element], str] | None:
    """The one date field of ``card`` (:func:`_date_fields`) after the card's text: its
    line, its elements and its value; ``None`` when there is none, or two, or no text
    before it."""
    found = [(line, nodes, value) for line in card.iter(*_FIELD_LINES) if line is not card
             for nodes, value in _date_fields(line)]
    if len(found) != 1:
        return None
    first = found[0][1][0]
    before = 0
    for node in card.iter():
        if node is first:
            break
        if _tag(node) not in HEADINGS and not any(a.tag in HEADINGS for a in node.iterancestors()):
            before += len(_text(node.text or "")) + len(_text(node.tail or ""))
    return found[0] if before >= CARD_ENTRY else None


def _field_taken_out(line: etree._Element, nodes: list[etree._Element]) -> None:
    """The field made of ``nodes`` taken out of ``line``, or the whole line when it holds
    nothing else."""
    if len(nodes) == len([k for k in line if isinstance(k.tag, str)]) and not _text(line.text or ""):
        _taken_out(line)
        return
    for node in nodes:
        if _tag(node) != "br":
            node.tail = None
        _taken_out(node)


def field_dates(document: etree._Element) -> None:
    """A list of cards each of which writes its date as a field among others below its text
    (a WordPress plugin's project cards: a title, an excerpt, then "Quand de 2003 à 2014",
    "Public …", "Budget 1,2 M€" as a list of fields, each name in its own element): the
    date field's value is written at the head of the card's text, where an entry's label
    is, and the other fields stay below it, the entry's own lines. Told by regularity, as
    :func:`trailing_dates` tells its cards (most cards of one kind, ``MIN_CARDS`` at least,
    hold one date field after their text), not by the field's name.

    >>> page = lxml.html.fromstring('<div>' + ''.join(
    ...     f'<article class="c"><h3>Titre</h3><p>Visite {n} des élus.</p><ul><li><b>Quand</b>'
    ...     f' {y}</li><li><b>Public</b> élus</li></ul></article>'
    ...     for n, y in ((1, 2003), (2, "de 2005 à 2007"), (3, "courant 2010"))) + '</div>')
    >>> field_dates(page)
    >>> [a.text_content() for a in page]
    ['Titre2003 : Visite 1 des élus.Public élus', 'Titrede 2005 à 2007 : Visite 2 des élus.Public élus', \
'Titrecourant 2010 : Visite 3 des élus.Public élus']
    """
    sizes, _ = _sizes(document)
    for cards in _card_kinds(document, sizes):
        fields = {i: found for i, card in enumerate(cards) if (found := _card_date_field(card))}
        if len(fields) < MIN_CARDS or 3 * len(fields) < 2 * len(cards) \
                or any(_opens_with_date(card) or _holds_fields(card) or _tag(card) in _PANELS
                       for card in cards):
            continue
        for i, (line, nodes, date) in fields.items():
            _field_taken_out(line, nodes)
            _put_first(cards[i], date)


OTHER_LANGUAGE = "in another language than the page's (a translation beside it):"
# Elements that hold a block of their own: a translation set in one is left out whole; an
# inline element in another language ("<span lang=de>Mehr Licht</span>") is a quotation
# inside the page's sentence and stays.
_BLOCK_TAGS = _CONTAINERS | set(HEADINGS) | {"p", "li", "dt", "aside", "summary", "figcaption"}


def _language(code: str | None) -> str:
    """A ``lang`` attribute's primary language ("fr-FR" -> "fr"), lower case."""
    return (code or "").strip().split("-")[0].split("_")[0].lower()


FOREIGN_LABEL = "date label in the page's language, read with the French words of its dates:"
_LABEL_WORDS: dict[str, dict[str, str]] = _CALENDAR.get("label_words", {})
MAX_FOREIGN_LABEL = 40  # characters of a label read in another language's words
_LABEL_HEAD = re.compile(rf"[^:]{{1,{MAX_FOREIGN_LABEL}}}(?=\s*:)")  # a label, its colon ("Since 2016: …")


def _in_french_words(label: str, language: str) -> str | None:
    """``label`` written with the French words of its dates when every word of it is a
    date word of ``language`` (``calendar.toml``'s ``label_words``, its month names from
    CLDR) and it holds a year: "Since March 2023" is "Depuis mars 2023". ``None`` for
    any other label, which stays as written."""
    words, months = _LABEL_WORDS[language], _month_names(language)
    if not any(c.isdigit() for c in label):
        return None
    out: list[str] = []
    at = 0
    for word in _LETTERS.finditer(label):
        key = plain(word[0])
        french = words.get(key) or (_MONTHS[months[key] - 1] if key in months else None)
        if french is None:
            return None
        if word[0][0].isupper() and not out:  # a capital opens the label only
            french = french[0].upper() + french[1:]
        out += [label[at:word.start()], french]
        at = word.end()
    return "".join([*out, label[at:]])


def foreign_labels(blocks: list[Block], language: str) -> tuple[list[Block], list[tuple[str, str]]]:
    """A page in another language than French (``<html lang="en">``, a site's machine
    translation) whose entries keep their French text but whose date labels are
    translated ("Since 2016: organisation …", "From 2006 to 2014: …"): each label whose
    every word is a date word of that language is read in French words ("Depuis 2016 :
    …"), so that the date grammar reads it as a French page's; reported as (why, the
    label). A language without a table of date words, or French, leaves the page as is.

    >>> blocks, found = foreign_labels([Block("paragraph", "Since March 2023: forage.", 3),
    ...     Block("paragraph", "From 2006 to 2014: accueil.", 4),
    ...     Block("paragraph", "Team 2020: x.", 5)], "en")
    >>> [b.text for b in blocks], found[0][1]
    (['Depuis mars 2023: forage.', 'De 2006 à 2014: accueil.', 'Team 2020: x.'], 'Since March 2023')
    """
    if language not in _LABEL_WORDS:
        return blocks, []
    out, found = [], []
    for block in blocks:
        head = _LABEL_HEAD.match(block.text) if block.kind in ("paragraph", "list_item") else None
        alone = block.kind == "paragraph" and len(block.text) <= MAX_FOREIGN_LABEL
        label = head[0] if head else (block.text if alone else "")
        french = _in_french_words(label, language) if label else None
        if french is None or parse_label(french.strip()) is None:
            out.append(block)
            continue
        shift = len(french) - len(label)
        out.append(replace(block, text=french + block.text[len(label):],
                           bold=block.bold + shift if block.bold >= len(label) else block.bold))
        found.append((f"{FOREIGN_LABEL} lang={language}", label.strip()))
    return out, found


HEADING_SUBTITLE = "a heading's subtitle in smaller print, after the place it names:"


def heading_subtitles(document: etree._Element) -> list[tuple[str, str]]:
    """Take out of each heading the ``<small>`` that ends it, when the heading names a
    place without it ("Jifna (Palestine) <small>accord signé en 2012</small>",
    "<small>partenaire depuis 2019</small>"): a subtitle in smaller print says something
    about the partner (its tie's year), it is no part of the place's name, and no entry;
    reported as (why, its text). A ``<small>`` that holds the country stays
    ("Kita <small>(Mali)</small>": without it the heading names no place surely).

    >>> page = lxml.html.fromstring('<div><h2>Gao (Mali) <small>jumelée en 1990</small></h2>'
    ...     '<h2>Kita <small>(Mali)</small></h2></div>')
    >>> [said for _, said in heading_subtitles(page)], [h.text_content() for h in page]
    (['jumelée en 1990'], ['Gao (Mali) ', 'Kita (Mali)'])
    """
    found: list[tuple[str, str]] = []
    nobody = IntroWords()
    for heading in list(document.iter(*HEADINGS)):
        last = next((c for c in reversed(heading) if isinstance(c.tag, str)), None)
        if last is None or last.tag.lower() != "small" or _text(last.tail or ""):
            continue
        said = _text(_rendered(last))
        before = _text(_rendered(heading))[:-len(said)] if said else ""
        if said and len(before) <= MAX_HEADING and names_a_place(before.strip(), nobody):
            _taken_out(last)
            found.append((HEADING_SUBTITLE, said[:LEFT_OUT_TEXT]))
    return found


AFTER_SECTIONS = "a box after the partners' sections, outside them, whose headings name no place:"
_SECTIONING = {"section", "article", "div"}


def _first_heading(element: etree._Element) -> etree._Element | None:
    return next(element.iter(*HEADINGS), None)


def boxes_after_sections(document: etree._Element) -> list[tuple[str, str]]:
    """Take out a box set after the partners' sections, beside them and outside them (a
    WordPress group "Les 17 ODD en bref" after the last ``<section class="partenaire">``),
    whose headings are all below the partners' level and name no place, before any heading
    of their level (which opens another part of the page): the page's own box, no part of
    the last partner's section, which reading the page's text in order
    would have given it. The sections are told by their markup: two of one kind at least
    (the same tag and class), side by side, each opened by a heading that names a place and
    holding more than it (a site builder's title blocks, a heading alone each, have their
    entries beside them, no box).
    Reported as (why, its text).

    >>> page = lxml.html.fromstring('<div><section class="p"><h2>Gao (Mali)</h2><p>2019 : forage.</p>'
    ...     '</section><section class="p"><h2>Kita (Mali)</h2><p>2020 : école.</p></section>'
    ...     '<div class="box"><h3>Le saviez-vous ?</h3><p>Adopté en 2015 par 193 États.</p></div></div>')
    >>> [said for _, said in boxes_after_sections(page)], len(page)
    (['Le saviez-vous ? Adopté en 2015 par 193 États.'], 2)
    """
    found: list[tuple[str, str]] = []
    nobody = IntroWords()
    for parent in list(document.iter()):
        kids = [k for k in parent if isinstance(k.tag, str)]
        kinds: dict[tuple[str, str], list[int]] = {}
        for n, kid in enumerate(kids):
            if _tag(kid) in _SECTIONING and _kind(kid):
                kinds.setdefault((_tag(kid), _kind(kid)), []).append(n)
        for places in kinds.values():
            heads = [_first_heading(kids[n]) for n in places]
            if len(places) < 2 or any(h is None or len(_text(_rendered(kids[n])))
                                      < len(_text(_rendered(h))) + CARD_ENTRY
                                      for n, h in zip(places, heads, strict=True)):
                continue  # a heading alone in its element: the entries are beside it
            level = min(int(_tag(h)[1]) for h in heads if h is not None)
            if not all(names_a_place(_text(_rendered(h)), nobody) for h in heads if h is not None):
                continue
            for box in kids[places[-1] + 1:]:
                titles = list(box.iter(*HEADINGS))
                if any(int(_tag(t)[1]) <= level for t in titles):
                    break  # a heading of the sections' level or above: another part of the page
                said = " ".join(_text(line) for line in _rendered_lines(box, breaks=True) if _text(line))
                if not titles or len(said) > CARD_TEXT \
                        or any(names_a_place(_text(_rendered(t)), nobody) for t in titles):
                    continue
                _taken_out(box)
                found.append((AFTER_SECTIONS, said[:LEFT_OUT_TEXT]))
    return found


READ_LANGUAGE = "fr"  # the language of the words this reader reads (pipeline/french)


def other_languages(document: etree._Element) -> list[tuple[str, str]]:
    """Take out of the page the blocks its ``lang`` attribute says are in another language
    than the page's own (``<html lang="fr">``): a bilingual page sets each entry's
    translation in a column of its own (``<div lang="de">``), which is the same entry and
    the same partner, no second row. What is taken out is returned for the run report, as
    (why, its text), never dropped silently. A page that states no language keeps all.

    >>> page = lxml.html.document_fromstring('<html lang="fr-FR"><body><h2>Gao (Mali)</h2>'
    ...     '<p>2016 : forages <span lang="en">water</span></p><p lang="en">2016: wells</p></body></html>')
    >>> other_languages(page)
    [("in another language than the page's (a translation beside it): <p lang=en>", '2016: wells')]
    >>> [p.text_content() for p in page.iter("p")]
    ['2016 : forages water']

    On a page translated from French by a machine (``<html lang="en">``), a block left
    in French (``<p lang="fr">``) is the page's own text, untranslated: it stays.
    """
    own = _language(document.get("lang"))
    if not own:
        return []
    found: list[tuple[str, str]] = []
    gone: set[etree._Element] = set()  # what was taken out, and what it held
    for element in list(document.iter()):
        parent = element.getparent()
        if parent is None or parent in gone:
            if parent is not None:
                gone.add(element)
            continue
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        language = _language(element.get("lang"))
        if not language or language in (own, READ_LANGUAGE) or tag not in _BLOCK_TAGS:
            continue  # a block in French on a translated page is the text left untranslated
        gone.add(element)
        if said := _text(_rendered(element)):
            found.append((f"{OTHER_LANGUAGE} <{tag} lang={language}>", said[:LEFT_OUT_TEXT]))
        tail, before = element.tail or "", element.getprevious()
        parent.remove(element)
        if before is None:
            parent.text = (parent.text or "") + tail
        else:
            before.tail = (before.tail or "") + tail
    return found


LEFT_OUT_TEXT = 200  # characters of a left-out element the run report quotes


def _why(element: etree._Element) -> str:
    """How the run report names an element left out: its tag and its class or id."""
    marks = " ".join(_marks(element).split())
    return f"<{element.tag}{(' ' + marks) if marks else ''}>"[:80]


def left_out(article: etree._Element, tree: _Tree) -> list[tuple[str, str]]:
    """What the walker does not read, for the run report, never dropped silently: the
    page's elements around the article (menus, header, footer, side columns), and the
    site's furniture inside it, each as (why, its text, shortened)."""
    found: list[tuple[str, str]] = []

    def note(element: etree._Element, where: str) -> None:
        if isinstance(element.tag, str) and element.tag.lower() not in _NOT_RENDERED \
                and (said := _text(_rendered(element))):
            shown = said if len(said) <= LEFT_OUT_TEXT else said[:LEFT_OUT_TEXT] + "…"
            found.append((f"{where} {_why(element)}", shown))

    for time in article.iter("time"):
        if not tree.in_furniture(time) and time_words(time) is not None:
            found.append((MARKED_DATE, _text(_rendered(time))))
    node = article
    while (parent := node.getparent()) is not None and node.tag != "body":
        for sibling in parent:
            if sibling is not node:
                note(sibling, "outside the article:")
        node = parent
    stack = list(reversed(article))  # a stack, not recursion: 2,000 nested elements cost no Python stack
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):  # a comment or a processing instruction
            continue  # type: ignore[unreachable]  # lxml-stubs type .tag as str only
        if _left_out(element, in_article=True, holds_heading=tree.holds_heading):
            note(element, "site furniture inside the article:")  # once, with all it holds
            continue
        stack.extend(reversed(element))
    return found


MIN_POSITIONED = 10  # lines placed one by one: fewer are a page's odd boxes, not a converted print
_PIXELS = {side: re.compile(rf"(?:^|;)\s*{side}\s*:\s*(\d{{1,6}})(?:\.\d{{1,4}})?px", re.IGNORECASE)
           for side in ("top", "left")}
LINE_STEP = 1.6  # times a font's usual step between lines: more is a gap between paragraphs
FULL_LINE = 0.75  # of the longest line of a font: a shorter line ends its paragraph


@dataclass
class _Line:
    """A line of a print converted to HTML (poppler's pdftohtml): one positioned ``<p>``."""

    element: etree._Element
    page: etree._Element | None  # the element that holds the page's lines
    top: int
    font: str
    text: str


def _positioned_lines(document: etree._Element) -> list[_Line]:
    """The page's lines when it is a print converted line by line (each ``<p>`` placed
    with ``position:absolute`` and its ``top``), in the order of the text; none otherwise."""
    lines = []
    for p in document.iter("p"):
        style = (p.get("style") or "")[:300]
        top, left = (_PIXELS[side].search(style) for side in ("top", "left"))
        if top and left and "absolute" in style.lower():
            lines.append(_Line(p, p.getparent(), int(top[1]), p.get("class") or "", _text(_rendered(p))))
    return lines if len(lines) >= MIN_POSITIONED else []


_DIGITS = re.compile(r"\d+")


def _running_heads(lines: list[_Line]) -> set[int]:
    """The lines (by index) that a print repeats on each of its pages, first or last on
    their page: a running head ("14 | Le journal de Kita | Janvier 2025", the number changing)
    or a page number alone."""
    by_page: dict[etree._Element | None, list[int]] = {}
    for i, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(i)
    edges = {i for found in by_page.values() for i in (found[0], found[1] if len(found) > 1 else found[0],
                                                       found[-1], found[-2] if len(found) > 1 else found[-1])}
    pages_of: dict[str, set[etree._Element | None]] = {}
    for i in edges:
        pages_of.setdefault(_DIGITS.sub("#", lines[i].text), set()).add(lines[i].page)
    return {i for i in edges if lines[i].text and (
        lines[i].text.isdigit() or len(pages_of[_DIGITS.sub("#", lines[i].text)]) > 1)}


# A number a page draws for the eye and hides from screen readers (``aria-hidden``): a
# step's in a stepper, an item's in a list; at most this many digits, so never a year.
DECORATION_DIGITS = 2
_ORDINAL = re.compile(rf"\d{{1,{DECORATION_DIGITS}}}[.)]?")


def _drop_decorations(document: etree._Element) -> None:
    """What a page draws around its text and is no text of it: an element hidden from
    screen readers that holds a short number alone (a stepper's "1" before each entry:
    ``aria-hidden`` says it is not read, and the list's order says it), and a link to a
    place of the page itself whose text is a permalink's mark alone ("#" before a
    heading, "¶" after it: it repeats its heading); their tails are kept. A hidden glyph
    stays: a legend may say what it means ("✔ réalisé", :mod:`pipeline.pictograms`)."""
    hidden = [e for e in document.iter("*") if e.get("aria-hidden") == "true"]
    anchors = [a for a in document.iter("a") if (a.get("href") or "").startswith("#") and len(a) == 0]
    for element in hidden:
        text = _text(_rendered(element))
        if _ORDINAL.fullmatch(text):
            _taken_out(element)
    for anchor in anchors:
        text = _text(anchor.text or "")
        if text and not text.strip(_PERMALINK + " \u00a0") and anchor.getparent() is not None:
            _taken_out(anchor)


def _joined_print(document: etree._Element) -> None:
    """A print converted line by line read as paragraphs: its running heads and page
    numbers are the pages' headers and footers (left out and reported as such), and a
    line joins the one above it in the same font when it follows at the font's usual step
    (or opens the next page), the line above is full or ends with a hyphen, and it opens
    with no bold label nor bullet; a word cut by a hyphen at a line's end is joined
    ("accom-" / "pagnement"), a compound cut after its hyphen keeps it ("Kita-" /
    "Nord")."""
    lines = _positioned_lines(document)
    if not lines:
        return
    heads = _running_heads(lines)
    for i in heads:
        lines[i].element.tag = "header" if lines[i].top < lines[-1].top // 2 else "footer"
    body = [line for i, line in enumerate(lines) if i not in heads and line.text]
    steps: dict[str, list[int]] = {}
    longest: dict[str, int] = {}
    for above, line in pairwise(body):
        if above.font == line.font and above.page is line.page and line.top > above.top:
            steps.setdefault(line.font, []).append(line.top - above.top)
    for line in body:
        longest[line.font] = max(longest.get(line.font, 0), len(line.text))
    step = {font: sorted(found)[len(found) // 2] for font, found in steps.items()}
    paragraph, last = None, None  # the paragraph being built and its last line
    for line in body:
        if paragraph is not None and last is not None and _goes_on(last, line, step, longest):
            _append_line(paragraph, line.element, last.text)
        else:
            paragraph = line.element
        last = line


def _goes_on(above: _Line, line: _Line, step: dict[str, int], longest: dict[str, int]) -> bool:
    if above.font != line.font or line.font not in step or _bold_only(above.element) \
            or bullet_item(line.text) or _opens_set_apart(line.element):
        return False
    same_page = above.page is line.page
    if same_page and not 0 < line.top - above.top <= step[line.font] * LINE_STEP:
        return False
    return above.text.endswith("-") or len(above.text) >= longest[line.font] * FULL_LINE


def _opens_set_apart(p: etree._Element) -> bool:
    """The line opens with a run set apart in bold (an entry's label: "<b>2019</b> : …")."""
    children = [c for c in p if isinstance(c.tag, str)]
    return bool(children) and not (p.text or "").strip() and children[0].tag.lower() in _BOLD


def _append_line(paragraph: etree._Element, line: etree._Element, above: str) -> None:
    """``line``'s text and elements moved to the end of ``paragraph``, after a space, or
    after nothing where ``above`` ends with a hyphen (dropped when a lower-case letter
    follows it: the word was cut)."""
    below = _text(_rendered(line))
    joint = " "
    if above.endswith("-"):
        joint = ""
        if below[:1].islower() and above[-2:-1].isalpha():
            _drop_last_hyphen(paragraph)
    try:
        last = paragraph[-1]  # found from the end: a paragraph of many lines costs no walk
    except IndexError:
        paragraph.text = (paragraph.text or "").rstrip() + joint + (line.text or "").lstrip()
    else:
        last.tail = (last.tail or "").rstrip() + joint + (line.text or "").lstrip()
    for child in list(line):
        paragraph.append(child)
    parent = line.getparent()
    if parent is not None:
        parent.remove(line)


MAX_DEPTH = 50  # elements nested at a line's end: more is no print's line


def _drop_last_hyphen(paragraph: etree._Element) -> None:
    """The hyphen that ends the paragraph's text taken off, wherever its last text is."""
    node, attribute = paragraph, "text"
    for _ in range(MAX_DEPTH):
        try:
            last = node[-1]
        except IndexError:
            break
        if (last.tail or "").strip():
            node, attribute = last, "tail"
            break
        node, attribute = last, "text"
    value = (getattr(node, attribute) or "").rstrip()
    if value.endswith("-"):
        setattr(node, attribute, value[:-1])


def html_document(text: str) -> tuple[list[Block], str, list[tuple[str, str]]]:
    """Blocks of an HTML page's article, the page's text they refer to, and what was left
    out (:func:`left_out`)."""
    document = parse_html(text)
    open_shadow_roots(document)
    joined_letters(document)
    svg_timelines(document)
    nest_by_level(document)
    without_hidden_text(document)
    copies = narrow_copies(document)  # a responsive theme's second copy, for narrow screens
    grid_order(document)
    referenced_labels(document)
    column_pairs(document)
    marked_partners(document)
    dates_first(document)
    history = edit_history(document)  # a closed panel is known by the tab that opens it
    tab_panels(document)
    translations = history + other_languages(document) + heading_subtitles(document) \
        + labelled_pictograms(document) + boxes_after_sections(document)
    year_groups(document)
    agenda_rows(document)
    trailing_dates(document)
    field_dates(document)
    _joined_print(document)
    _drop_decorations(document)
    tree = _Tree(document)
    article = _widen(_article(tree), tree)
    blocks: list[Block] = []
    _walk(article, blocks, tree)
    # a report's section numbers before its headings ("3.1 Dianguirdé (Mali)"), as in text
    blocks = [replace(b, text=outline_entry(b.text)) if b.kind == "heading" else b for b in blocks]
    blocks, relabelled = foreign_labels(blocks, _language(document.get("lang")))
    laid_out, page_text = lay_out(_named_chips(
        joined_headings(_title(blocks, article, tree), BOLD_HEADING_LEVEL)))
    return laid_out, page_text, left_out(article, tree) + copies + translations + relabelled


def html_blocks(text: str) -> list[Block]:
    """Blocks of an HTML page's article: the title first at level 1 when the page has
    one, then partner headings (level 2 or more), paragraphs and list items.

    >>> page = "<html><body><nav>Menu</nav><main><h1>Titre</h1><h2>Tombouctou (Mali)</h2>" \\
    ...        "<p><strong>2016 :</strong> cartographie</p></main><footer>© Ville</footer></body></html>"
    >>> for b in html_blocks(page):
    ...     print(b.kind, b.text, b.level, b.line, sep=" | ")
    heading | Titre | 1 | 1
    heading | Tombouctou (Mali) | 2 | 3
    paragraph | 2016 : cartographie | 0 | 5
    """
    return html_document(text)[0]


