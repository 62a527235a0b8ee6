"""Read stage: a page snapshot (bytes) -> the page's text and its blocks.

Blocks (heading, paragraph, list item) are what the rest of the pipeline sees of a page,
whatever its format, so that the text snapshot and the HTML page give the same tables:

- text: one line is one block; the first line is the title (unless it reads as an
  introduction or a partner heading), a line starting with a bullet is a list item, and a
  short line that names a place is a partner heading (see :func:`heading_like`);
- HTML: the article's own content only (site header, menus, breadcrumb, footer and
  sharing links are left out; the article's own ``<header>`` holding its title is kept),
  one block per heading, paragraph and list item, and one per line where a paragraph is
  cut by ``<br>``. Parsed with lxml, a real HTML parser that tolerates broken markup.

Each block keeps the line where it starts in the page's *text* (``Document.text``): for a
text snapshot, the decoded file; for an HTML page, the text this stage lays out from its
blocks, one block per line as a text snapshot is written (a blank line between blocks,
list items on consecutive lines after "• "), which a release can ship so that readers find
every ``source_line`` again. A line ends at "\\n", "\\r\\n" or "\\r" and nowhere else
(:data:`LINE_BREAK`): U+2028, U+2029, NEL or a form feed inside a line shift nothing.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from copy import deepcopy
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import lxml.html
from lxml import etree

from .dates import split_any_label
from .errors import PipelineError
from .places import PARTICLES, bracket_parts, countries, name_words, split_heading

BlockKind = Literal["heading", "paragraph", "list_item"]

BULLETS = "•◦▪‣-*"
BULLET = "• "  # how a list item is written in a page's text
_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]\s+")
# The one definition of a line, for the text a release ships and for every line number.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
# Encodings web pages are written in (the WHATWG Encoding Standard's), by Python codec name.
WEB_ENCODINGS = frozenset(
    ["utf-8", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "gbk", "gb2312",
     "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr"]
    + [f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)]
    + [f"cp{n}" for n in range(1250, 1259)])
_MULTIBYTE = frozenset(["gbk", "gb2312", "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp",
                        "shift_jis", "euc_kr"])
_WEB_ALIASES = {"windows-874": "cp874", "x-mac-cyrillic": "mac-cyrillic", "x-cp1252": "cp1252",
                "iso-8859-8-i": "iso8859-8"}
_AS_WINDOWS_1252 = {"ascii": "cp1252", "iso8859-1": "cp1252"}  # as browsers read them
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
# A letter written in UTF-8 (two to four bytes): in a file that is not UTF-8 as a whole,
# the sign that it mixes two encodings.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

# --- What a partner heading looks like ---------------------------------------------------

MAX_HEADING = 150  # characters, brackets included
MAX_PLAIN_HEADING = 80  # a heading without brackets is shorter still
MAX_NAME_WORDS = 8
# Sentence punctuation a place's name never holds: a colon, a question mark, a full stop
# after a word (an abbreviation's is allowed: "St. Louis"), a final full stop.
_SENTENCE_MARK = re.compile(r"[:;!?…]|\w{4}\.(?:\s|$)|\.$")
_DASHES = frozenset("-–—/&")


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    line: int
    level: int = 0  # headings: 1 for the page title, 2 or more for the others (h2, h3…)


@dataclass(frozen=True)
class Document:
    blocks: list[Block]
    encoding: str
    format: Literal["text", "html"]
    text: str  # the page's text, which every block's ``line`` refers to


def lines(text: str) -> list[str]:
    """The lines of a page's text, by the one definition of a line.

    >>> lines("un\\u2028deux\\r\\ntrois\\rquatre")
    ['un\\u2028deux', 'trois', 'quatre']
    """
    return LINE_BREAK.split(text)


def _line_of(data: bytes, offset: int) -> int:
    """The line of the page's text that holds byte ``offset``, by the one definition of a
    line (a line feed, a carriage return, or both)."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def web_encoding(label: str) -> str | None:
    """The Python codec of a charset a page declares, when it is one web pages are written
    in (the WHATWG Encoding Standard's, without UTF-16, which no page can declare in
    ASCII); ``None`` for anything else: "unicode_escape", "rot13", "base64", "utf-7" are
    codecs, not encodings a page may use, and would rewrite its text.

    >>> web_encoding("ISO-8859-15"), web_encoding("latin1"), web_encoding("unicode_escape")
    ('iso8859-15', 'cp1252', None)
    """
    try:
        name = codecs.lookup(label).name
    except LookupError:
        name = _WEB_ALIASES.get(label.lower(), "")
    name = _AS_WINDOWS_1252.get(name, name)
    return name if name in WEB_ENCODINGS else None


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of a snapshot and the encoding it was read with.

    UTF-8 first (UTF-16 too, with its byte order mark); then the charset an HTML page
    declares, when it is an encoding web pages use; then windows-1252, which French sites
    still serve (and which reads latin-1 text the same way for every letter). What would
    change the text rather than read it is refused with one line: a NUL byte (binary data,
    or a page in an encoding that is none of these), a declared charset that is no web
    encoding ("unicode_escape" would turn "\\n" into a line break), a page that mixes
    UTF-8 with another encoding (reading it either way would garble half of it).

    >>> decode("Coopération".encode("cp1252"), "page.txt")
    ('Coopération', 'windows-1252')
    """
    if not data.strip():
        raise PipelineError(f"{name}: the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise PipelineError(f"{name}: starts with the byte order mark of {encoding} but "
                                    f"is not {encoding} (at byte {exc.start + len(bom)})") from None
            if (nul := text.find("\x00")) >= 0:
                line = len(lines(text[:nul]))
                raise PipelineError(f"{name}: a binary file, not a page (a NUL character on line {line})")
            return text, encoding.replace("-le", "").replace("-be", "")
    if (nul := data.find(b"\x00")) >= 0:
        raise PipelineError(f"{name}: a binary file, not a page (a NUL byte on line "
                            f"{_line_of(data, nul)})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    declared = _DECLARED_CHARSET.search(data[:4096])
    encoding = None
    if declared:
        label = declared.group(1).decode("ascii")
        encoding = web_encoding(label)
        if encoding is None:
            raise PipelineError(f"{name}: declares the charset {label!r}, which is not an encoding "
                                "of web pages, and is not UTF-8: its text cannot be read for sure")
    # (the bytes of Chinese, Japanese and Korean encodings may look like UTF-8 letters)
    if encoding not in _MULTIBYTE and _UTF8_SEQUENCE.search(data):
        raise PipelineError(f"{name}: mixes UTF-8 with another encoding (line "
                            f"{_line_of(data, first_bad)} holds byte 0x{data[first_bad]:02x}, which "
                            "is not UTF-8, while other letters are): save it in one encoding")
    for candidate in ([encoding] if encoding else []) + ["cp1252"]:
        try:
            return data.decode(candidate), _encoding_name(candidate)
        except UnicodeDecodeError:
            continue  # a page declared UTF-8 but saved in windows-1252 is common
    return data.decode("latin-1"), "latin-1"


def _encoding_name(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return {"cp1252": "windows-1252", "iso8859-1": "latin-1"}.get(name, name)


def _reads_as_name(name: str) -> bool:
    """A place's name: a few words, each capitalised, a particle or a dash.

    >>> _reads_as_name("Saint-Louis du Sénégal"), _reads_as_name("Retour en haut de page")
    (True, False)
    >>> _reads_as_name("Publié le 12/03/2024")
    False
    """
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or not words[0][:1].isupper():
        return False
    for word in words:
        bare = re.sub(r"^[dl]['’]", "", word, flags=re.IGNORECASE)
        if not (bare[:1].isupper() or word.lower() in PARTICLES or word in _DASHES):
            return False
    return True


def _names_a_country(bracket: str | None) -> bool:
    return countries(bracket)[1] is not None


class IntroWords:
    """The words of the intro's list items (their :func:`name_words`), indexed by word, so
    that asking whether an item names a heading costs the same with 10 items or 100,000.

    >>> items = IntroWords(["La commune de Tombouctou (Mali)"])
    >>> items.name("Commune de Tombouctou"), items.name("Tombouctou et Gao")
    (True, False)
    >>> items.add("La ville de Gao"); items.name("Tombouctou et Gao")
    False
    """

    def __init__(self, items: Iterable[str] = ()):
        self._items: list[set[str]] = []
        self._by_word: dict[str, list[int]] = {}
        self._asked: dict[frozenset[str], tuple[bool, int]] = {}  # words -> (answer, items then)
        for item in items:
            self.add(item)

    def add(self, item: str) -> None:
        words = name_words(item)
        for word in words:
            self._by_word.setdefault(word, []).append(len(self._items))
        self._items.append(words)

    def name(self, name: str) -> bool:
        """True when every distinctive word of ``name`` is in one of the items. Only the
        items holding its rarest word are compared, and a name asked again is compared
        with the items added since."""
        words = frozenset(name_words(name))
        if not words:
            return False
        answer, seen = self._asked.get(words, (False, 0))
        if not answer and seen < len(self._items):
            holding = min((self._by_word.get(w, []) for w in words), key=len)
            answer = any(words <= self._items[i] for i in holding[bisect_left(holding, seen):])
        self._asked[words] = (answer, len(self._items))
        return answer


def heading_like(line: str, items: IntroWords | Sequence[str] = ()) -> bool:
    """True when a line reads as a partner heading: a short line naming a place, with its
    country (or two) in brackets or none, and no sentence punctuation in the name.

    With brackets, the name may be any short phrase when the brackets name a country;
    otherwise (and always without brackets) it must read as a place's name (capitalised
    words and particles) or be named by one of the intro's list items (``items``).

    >>> [heading_like(h) for h in ("Tombouctou (Mali)", "St. Louis (Sénégal)", "Kobané",
    ...                            "Cergy (France, Belgique)", "Les camps de Mbera (Mauritanie)")]
    [True, True, True, True, True]
    >>> [heading_like(h) for h in ("Retour en haut de page", "Ce séjour a eu lieu (Mali).",
    ...                            "2016 : forages (Mali)", "Accueil de jeunes (Oz)")]
    [False, False, False, False]
    >>> heading_like("Camps de réfugiés de Mbera", ["Les camps de réfugiés de Mbera (Mauritanie)"])
    True
    """
    line = line.strip()
    if not line[:1].isupper() or len(line) > MAX_HEADING or split_any_label(line):
        return False
    named = (items if isinstance(items, IntroWords) else IntroWords(items)).name
    name, bracket = split_heading(line)
    if _SENTENCE_MARK.search(name):
        return False
    if bracket is None:
        return len(line) <= MAX_PLAIN_HEADING and (_reads_as_name(name) or named(name))
    parts = bracket_parts(bracket)
    if len(parts) > 3 or any(len(part.split()) > 4 for part in parts):
        return False
    return _names_a_country(bracket) or _reads_as_name(name) or named(name)


def _title_like(line: str) -> bool:
    """The first line of a text snapshot is its title unless it is an introduction
    sentence (it ends like one) or a partner heading with its country."""
    if line.endswith((":", ".", "!", "?", "…")) or split_any_label(line):
        return False
    return not _names_a_country(split_heading(line)[1])


def text_blocks(text: str) -> list[Block]:
    """Blocks of a text snapshot: each non-blank line a block.

    >>> [(b.kind, b.text, b.line) for b in text_blocks("Titre\\n\\n  • Un\\nTombouctou (Mali)\\n")]
    [('heading', 'Titre', 1), ('list_item', 'Un', 3), ('heading', 'Tombouctou (Mali)', 4)]
    """
    blocks: list[Block] = []
    items = IntroWords()  # the list items seen so far
    for number, raw in enumerate(lines(text), start=1):
        line = raw.strip()
        if not line:
            continue
        if bullet := _BULLET.match(line):
            blocks.append(Block("list_item", line[bullet.end():], number))
            items.add(blocks[-1].text)
        elif not blocks and _title_like(line):
            blocks.append(Block("heading", line, number, level=1))
        elif heading_like(line, items):
            blocks.append(Block("heading", line, number, level=2))
        else:
            blocks.append(Block("paragraph", line, number))
    return blocks


# --- HTML -------------------------------------------------------------------------------

# What a browser does not show, wherever it is.
_NOT_RENDERED = {"script", "style", "template", "noscript"}
_LEFT_OUT_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript",
                  "template", "button", "svg", "iframe", "head"}
# Site furniture inside the article's container, by class or id.
_LEFT_OUT_MARKS = re.compile(
    r"breadcrumb|ariane|\bmenu|\bnav|footer|header|share|partage|social|skip|cookie|sidebar",
    re.IGNORECASE,
)
_HEADER_MARK = re.compile(r"header", re.IGNORECASE)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CONTAINERS = {"div", "section", "article", "main", "ul", "ol", "blockquote", "body", "header",
               "hgroup", "table", "tbody", "thead", "tr", "td", "th", "figure", "dl", "dd", "dt",
               "center"}
# White space of HTML, and the line and paragraph separators that would cut a line of the
# page's text: all are a space in a block. Not U+00A0: the page's non-breaking spaces are kept.
_SPACES = re.compile(r"[ \t\r\n\f\v\x1c-\x1e\x85\u2028\u2029]+")


def _marks(element: etree._Element) -> str:
    return f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"


def _holds_heading(element: etree._Element) -> bool:
    return any(True for _ in element.iter(*_HEADINGS))


def _left_out(element: etree._Element, in_article: bool = False,
              holds_heading: Callable[[etree._Element], bool] = _holds_heading) -> bool:
    """Site furniture. Inside the article, a header that holds a heading is the article's
    own (WordPress' ``<header class="entry-header"><h1>``, Joomla's ``page-header``): kept."""
    if not isinstance(element.tag, str):
        return True
    tag, marks = element.tag.lower(), _marks(element)
    furniture = tag in _LEFT_OUT_TAGS or bool(_LEFT_OUT_MARKS.search(marks)) \
        or element.get("role") == "navigation"
    if furniture and in_article and (tag == "header" or _HEADER_MARK.search(marks)):
        others = _HEADER_MARK.sub("", marks)  # "entry-header" is the article's, "header nav" is not
        return tag in _LEFT_OUT_TAGS - {"header"} or bool(_LEFT_OUT_MARKS.search(others)) \
            or element.get("role") == "navigation" or not holds_heading(element)
    return furniture


class _Tree:
    """What the read stage asks again and again of a page's elements (is it site furniture
    or inside some, does it hold a heading, how long is its text), each answered once for
    the whole tree: a page 2,000 elements deep costs no walk up or down per element."""

    def __init__(self, document: etree._Element):
        self.document = document
        self._furniture: dict[etree._Element, bool] = {}
        self._holding: set[etree._Element] = set()  # the headings and the elements above them
        for heading in document.iter(*_HEADINGS):
            node = heading
            while node is not None and node not in self._holding:
                self._holding.add(node)
                node = node.getparent()
        self._lengths: dict[etree._Element, int] = {}

    def holds_heading(self, element: etree._Element) -> bool:
        return element in self._holding

    def in_furniture(self, element: etree._Element) -> bool:
        """The element or one above it is site furniture."""
        path, node = [], element
        while node is not None and node not in self._furniture:
            path.append(node)
            node = node.getparent()
        known = self._furniture[node] if node is not None else False
        for node in reversed(path):
            known = known or _left_out(node)
            self._furniture[node] = known
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
    ``breaks``, the text is cut at each ``<br>`` and at the edges of an inner paragraph or
    division. One walk over the element, in the order of the text, whatever its depth."""
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
        skipped = tag in _NOT_RENDERED or (not lists and tag in ("ul", "ol"))
        if event == "start" and skipped:
            walker.skip_subtree()
        elif event == "start":
            if breaks and tag in ("br", "p", "div"):
                cut()
            out.append(node.text or "")
        else:
            if breaks and tag in ("p", "div") and not skipped:
                cut()
            out.append(node.tail or "")
    cut()
    return lines


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
    found = []
    walker = etree.iterwalk(item, events=("start",))
    next(walker)
    for _, node in walker:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in ("ul", "ol", "li"):
            found += [node] if tag != "li" else []
            walker.skip_subtree()
    return found


@dataclass
class _Container:
    """A container being walked: its children still to read and its loose text."""

    children: Iterator[etree._Element]
    loose: list[str]

    def flush(self, out: list[Block]) -> None:
        if text := _text("".join(self.loose)):
            out.append(Block("paragraph", text, 0))
        self.loose.clear()


def _walk(article: etree._Element, out: list[Block], tree: _Tree) -> None:
    """Blocks of a container in document order; loose text between blocks is a paragraph.
    Lines are left at 0: they are given when the page's text is laid out. A stack rather
    than recursion, so that 2,000 nested elements cost no Python recursion."""

    def opened(container: etree._Element) -> _Container:
        return _Container(iter(container), [container.text or ""])

    stack = [opened(article)]
    while stack:
        current = stack[-1]
        child = next(current.children, None)
        if child is None:
            current.flush(out)
            stack.pop()
            continue
        if _left_out(child, in_article=True, holds_heading=tree.holds_heading):
            current.loose.append(child.tail or "")
            continue
        tag = child.tag.lower()
        if tag in _HEADINGS or tag in ("p", "li") or tag in _CONTAINERS:
            current.flush(out)
            current.loose.append(child.tail or "")  # read after what the child holds
            if tag in _HEADINGS:
                out += [Block("heading", t, 0, level=int(tag[1])) for t in _pieces(child)]
            elif tag == "p":
                out += [Block("paragraph", t, 0) for t in _pieces(child)]
            elif tag == "li":
                out += [Block("list_item", t, 0) for t in _pieces(child)]
                stack += [opened(inner) for inner in reversed(_nested_lists(child))]
            else:
                stack.append(opened(child))
        elif tag == "br":  # a line break in loose text ends a paragraph
            current.flush(out)
            current.loose.append(child.tail or "")
        else:  # inline content (a, strong, span, …) of loose text, with its tail
            current.loose.append(_rendered(child) + (child.tail or ""))


def _article(tree: _Tree) -> etree._Element:
    """The element holding the page's own content: the largest <article>, else <main>, else
    an element marked as the main content, else <body>."""
    document = tree.document
    for query in ("//main//article", "//article", "//main", "//*[@role='main']",
                  "//*[@id='content' or @id='contenu' or @id='main']"):
        found = [e for e in document.xpath(query) if not _left_out(e)]
        if found:
            return max(found, key=tree.text_length)
    body = document.find("body")
    return body if body is not None else document


def _names_a_partner(heading: str, items: IntroWords) -> bool:
    """A heading outside the article that a partner section would have: it names a
    country in brackets, or one of the intro's list items names it."""
    return _names_a_country(split_heading(heading)[1]) or items.name(heading)


def _widen(article: etree._Element, tree: _Tree) -> etree._Element:
    """The article, or the smallest element around it that also holds the partner
    headings a CMS put beside it (a page split into several blocks): no section is left
    out because the page's content is not in one element."""
    items = IntroWords(_text(_rendered(li, lists=False)) for li in article.iter("li"))
    inside = set(article.iter())
    beside = [h for h in tree.document.iter(*_HEADINGS[1:])
              if h not in inside and not tree.in_furniture(h)
              and _names_a_partner(_text(_rendered(h)), items)]
    # how far above the article each element meets the article's own ancestors
    above = {node: n for n, node in enumerate((article, *article.iterancestors()))}
    meets: dict[etree._Element, int] = {}
    highest = 0
    for heading in beside:
        path, node = [], heading
        while node not in above and node not in meets:
            path.append(node)
            node = node.getparent()
        level = above[node] if node in above else meets[node]
        meets.update(dict.fromkeys(path, level))
        highest = max(highest, level)
    return article if not highest else list(article.iterancestors())[highest - 1]


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
        if first.level == 1 or (others and first.level < min(others)
                                and not split_heading(first.text)[1]):
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


def lay_out(blocks: list[Block]) -> tuple[list[Block], str]:
    """The page's text, one block per line as a text snapshot is written, and the blocks
    with their line in it.

    >>> blocks, text = lay_out([Block("heading", "Titre", 0, 1), Block("list_item", "Un", 0),
    ...                         Block("list_item", "Deux", 0), Block("paragraph", "Fin.", 0)])
    >>> text, [b.line for b in blocks]
    ('Titre\\n\\n• Un\\n• Deux\\n\\nFin.\\n', [1, 3, 4, 6])
    """
    written: list[str] = []
    numbered = []
    for block in blocks:
        if written and not (block.kind == "list_item" and numbered[-1].kind == "list_item"):
            written.append("")
        written.append(BULLET + block.text if block.kind == "list_item" else block.text)
        numbered.append(replace(block, line=len(written)))
    return numbered, "\n".join(written) + "\n"


def parse_html(text: str) -> etree._Element:
    """The page's tree, or one line saying why it cannot be had whole.

    libxml2 stops building the tree where a limit is reached, without an exception: past
    256 nested elements by default, every later element and its text would vanish. With
    ``huge_tree`` the limit is 2048 (no page of a CMS comes near); past it, or past any
    other of libxml2's limits, the page is refused rather than read in part.
    """
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        document = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise PipelineError(f"not readable as HTML ({exc})") from None
    for error in parser.error_log:
        if error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT or error.level >= etree.ErrorLevels.FATAL:
            what = error.message.split(", use XML_PARSE_HUGE")[0].strip()
            raise PipelineError(f"line {error.line} of the HTML goes past a limit of the HTML "
                                f"parser ({what}): what follows would be lost, so the page is "
                                "not read in part")
    return document


def html_document(text: str) -> tuple[list[Block], str]:
    """Blocks of an HTML page's article, and the page's text they refer to."""
    document = parse_html(text)
    tree = _Tree(document)
    article = _widen(_article(tree), tree)
    blocks: list[Block] = []
    _walk(article, blocks, tree)
    return lay_out(_title(blocks, article, tree))


def html_blocks(text: str) -> list[Block]:
    """Blocks of an HTML page's article: the title first at level 1 when the page has
    one, then partner headings (level 2 or more), paragraphs and list items.

    >>> page = "<html><body><nav>Menu</nav><main><h1>Titre</h1><h2>Tombouctou (Mali)</h2>" \\
    ...        "<p><strong>2016 :</strong> cartographie</p></main><footer>© Ville</footer></body></html>"
    >>> [(b.kind, b.text, b.level, b.line) for b in html_blocks(page)]
    [('heading', 'Titre', 1, 1), ('heading', 'Tombouctou (Mali)', 2, 3), ('paragraph', '2016 : cartographie', 0, 5)]
    """
    return html_document(text)[0]


def read_bytes(data: bytes, name: str, html: bool | None = None) -> Document:
    """The page of a snapshot's bytes; HTML when ``html`` says so or the bytes look like it."""
    text, encoding = decode(data, name)
    if html is None:
        html = text.lstrip()[:1] == "<"
    if html:
        tail = text[-2048:].lower()
        if "</html>" not in tail and "</body>" not in tail:
            raise PipelineError(f"{name}: the HTML page looks truncated (it does not end with "
                                "</body> or </html>); fetch it again")
        blocks, page_text = html_document(text)
        if not blocks:
            raise PipelineError(f"{name}: an HTML page with no article text")
        return Document(blocks, encoding, "html", page_text)
    return Document(text_blocks(text), encoding, "text", text)


def read(path: Path) -> Document:
    """Read a snapshot file, with a one-line error for anything unreadable."""
    if path.is_dir():
        raise PipelineError(f"{path}: is a directory, expected a page snapshot file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PipelineError(f"{path}: no such file") from None
    except OSError as exc:
        raise PipelineError(f"{path}: cannot read ({exc.strerror})") from None
    return read_bytes(data, str(path), html=True if path.suffix.lower() in HTML_SUFFIXES else None)
