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
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .dates import split_any_label
from .errors import PipelineError
from .places import PARTICLES, bracket_parts, countries, name_words, split_heading

if TYPE_CHECKING:  # lxml is loaded by html_document(), the HTML path: a text page never loads it
    from lxml import etree

BlockKind = Literal["heading", "paragraph", "list_item"]

BULLETS = "•◦▪‣-*"
BULLET = "• "  # how a list item is written in a page's text
_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]\s+")
# The one definition of a line, for the text a release ships and for every line number.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
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


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of a snapshot and the encoding it was read with.

    UTF-8 first; then the charset an HTML page declares; then windows-1252, which French
    sites still serve (and which reads latin-1 text the same way for every letter).

    >>> decode("Coopération".encode("cp1252"), "page.txt")
    ('Coopération', 'windows-1252')
    """
    if not data.strip():
        raise PipelineError(f"{name}: the file is empty")
    if b"\x00" in data[:4096]:
        raise PipelineError(f"{name}: a binary file, not a page (it holds NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:4096])
    for encoding in ([declared.group(1).decode("ascii")] if declared else []) + ["windows-1252"]:
        try:
            return data.decode(encoding), _encoding_name(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
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


def _names_an_item(name: str, items: Sequence[str | set[str]]) -> bool:
    """Every distinctive word of ``name`` is in one of the intro's list items (given as
    text, or as their :func:`name_words`)."""
    words = name_words(name)
    return bool(words) and any(
        words <= (item if isinstance(item, set) else name_words(item)) for item in items)


def heading_like(line: str, items: Sequence[str | set[str]] = ()) -> bool:
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
    name, bracket = split_heading(line)
    if _SENTENCE_MARK.search(name):
        return False
    if bracket is None:
        return len(line) <= MAX_PLAIN_HEADING and (_reads_as_name(name) or _names_an_item(name, items))
    parts = bracket_parts(bracket)
    if len(parts) > 3 or any(len(part.split()) > 4 for part in parts):
        return False
    return _names_a_country(bracket) or _reads_as_name(name) or _names_an_item(name, items)


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
    items: list[set[str]] = []  # the words of the list items seen so far
    for number, raw in enumerate(lines(text), start=1):
        line = raw.strip()
        if not line:
            continue
        if bullet := _BULLET.match(line):
            blocks.append(Block("list_item", line[bullet.end():], number))
            items.append(name_words(blocks[-1].text))
        elif not blocks and _title_like(line):
            blocks.append(Block("heading", line, number, level=1))
        elif heading_like(line, items):
            blocks.append(Block("heading", line, number, level=2))
        else:
            blocks.append(Block("paragraph", line, number))
    return blocks


# --- HTML -------------------------------------------------------------------------------

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
# A private-use character: never in a page, and allowed in lxml text (control ones are not).
_BREAK = "\ue001"


def _marks(element: etree._Element) -> str:
    return f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"


def _holds_heading(element: etree._Element) -> bool:
    return any(True for _ in element.iter(*_HEADINGS))


def _left_out(element: etree._Element, in_article: bool = False) -> bool:
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
            or element.get("role") == "navigation" or not _holds_heading(element)
    return furniture


def _in_furniture(element: etree._Element) -> bool:
    return any(_left_out(e) for e in (element, *element.iterancestors()))


def _text(piece: str) -> str:
    return _SPACES.sub(" ", piece).strip()


def _pieces(element: etree._Element) -> list[str]:
    """The element's text, one piece per ``<br>``-separated line (or inner paragraph).

    Newlines of the HTML source are only white space; a ``<br>`` is a line break. A list
    nested in the element is left out: it is read as its own list items.
    """
    copy = deepcopy(element)
    copy.tail = None
    for inner in list(copy.iter("ul", "ol")):
        if inner is not copy:
            inner.drop_tree()
    for br in copy.iter("br"):
        br.tail = _BREAK + (br.tail or "")
    for inner in copy.iter("p", "div"):
        if inner is not copy:
            inner.text = _BREAK + (inner.text or "")
            inner.tail = _BREAK + (inner.tail or "")
    return [text for piece in copy.text_content().split(_BREAK) if (text := _text(piece))]


def _nested_lists(item: etree._Element) -> list[etree._Element]:
    """The lists inside a list item that belong to it, not to a list nested deeper."""
    return [inner for inner in item.iter("ul", "ol")
            if inner is not item and next(inner.iterancestors("li"), None) is item]


def _walk(container: etree._Element, out: list[Block]) -> None:
    """Blocks of a container in document order; loose text between blocks is a paragraph.
    Lines are left at 0: they are given when the page's text is laid out."""
    loose: list[str] = [container.text or ""]

    def flush() -> None:
        if text := _text("".join(loose)):
            out.append(Block("paragraph", text, 0))
        loose.clear()

    for child in container:
        if _left_out(child, in_article=True):
            loose.append(child.tail or "")
            continue
        tag = child.tag.lower()
        if tag in _HEADINGS or tag in ("p", "li") or tag in _CONTAINERS:
            flush()
            if tag in _HEADINGS:
                out += [Block("heading", t, 0, level=int(tag[1])) for t in _pieces(child)]
            elif tag == "p":
                out += [Block("paragraph", t, 0) for t in _pieces(child)]
            elif tag == "li":
                out += [Block("list_item", t, 0) for t in _pieces(child)]
                for inner in _nested_lists(child):
                    _walk(inner, out)
            else:
                _walk(child, out)
            loose.append(child.tail or "")
        elif tag == "br":  # a line break in loose text ends a paragraph
            flush()
            loose.append(child.tail or "")
        else:  # inline content (a, strong, span, …) of loose text, with its tail
            import lxml.html  # loaded already by html_document()

            loose.append(lxml.html.tostring(child, method="text", encoding="unicode"))
    flush()


def _article(document: etree._Element) -> etree._Element:
    """The element holding the page's own content: the largest <article>, else <main>, else
    an element marked as the main content, else <body>."""
    for query in ("//main//article", "//article", "//main", "//*[@role='main']",
                  "//*[@id='content' or @id='contenu' or @id='main']"):
        found = [e for e in document.xpath(query) if not _left_out(e)]
        if found:
            return max(found, key=lambda e: len(e.text_content()))
    body = document.find("body")
    return body if body is not None else document


def _names_a_partner(heading: str, items: Sequence[str]) -> bool:
    """A heading outside the article that a partner section would have: it names a
    country in brackets, or one of the intro's list items names it."""
    return _names_a_country(split_heading(heading)[1]) or _names_an_item(heading, items)


def _widen(article: etree._Element, document: etree._Element) -> etree._Element:
    """The article, or the smallest element around it that also holds the partner
    headings a CMS put beside it (a page split into several blocks): no section is left
    out because the page's content is not in one element."""
    items = [_text(li.text_content()) for li in article.iter("li")]
    inside = set(article.iter())
    beside = [h for h in document.iter(*_HEADINGS[1:])
              if h not in inside and not _in_furniture(h)
              and _names_a_partner(_text(h.text_content()), items)]
    container = article
    for heading in beside:
        ancestors = set(heading.iterancestors())
        while container not in ancestors and container.getparent() is not None:
            container = container.getparent()
    return container


def _title(blocks: list[Block], article: etree._Element, document: etree._Element) -> list[Block]:
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
    for h1 in document.iter("h1"):
        if h1 not in inside and not _in_furniture(h1) and (text := _text(h1.text_content())):
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


def html_document(text: str) -> tuple[list[Block], str]:
    """Blocks of an HTML page's article, and the page's text they refer to."""
    import lxml.html
    from lxml import etree

    try:
        document = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise PipelineError(f"not readable as HTML ({exc})") from None
    article = _widen(_article(document), document)
    blocks: list[Block] = []
    _walk(article, blocks)
    return lay_out(_title(blocks, article, document))


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
