"""Read stage: a page snapshot (bytes) -> blocks (heading, paragraph, list item).

Blocks are what the rest of the pipeline sees of a page, whatever its format, so that the
text snapshot and the HTML page give the same tables:

- text: one line is one block; the first line is the title, a line starting with a bullet
  is a list item, and a short line ending with a country in brackets is a partner heading;
- HTML: the article's own content only (site header, menus, breadcrumb, footer and sharing
  links are left out), one block per heading, paragraph and list item, and one per line
  where a paragraph is cut by ``<br>``. Parsed with lxml, a real HTML parser that
  tolerates broken markup and knows each element's line, which becomes the blocks' line.

Each block keeps the line of the snapshot where it starts: the provenance every record
carries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import lxml.html
from lxml import etree

from .dates import LABEL_AT_START
from .errors import PipelineError

BlockKind = Literal["heading", "paragraph", "list_item"]

BULLETS = "•◦▪‣-*"
_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]\s+")
# A partner heading in the text snapshot: "Dianguirdé (Mali)", a short line that ends with
# a country in parentheses and carries no sentence punctuation.
_HEADING = re.compile(r"^[^.:;!?…]{2,150}\(\s*[^()]+\)$")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    line: int
    level: int = 0  # for headings: 1 for the page title, 2 for a partner section


@dataclass(frozen=True)
class Document:
    blocks: list[Block]
    encoding: str
    format: Literal["text", "html"]
    text: str  # the text whose lines the blocks' ``line`` numbers count


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
    import codecs
    name = codecs.lookup(encoding).name
    return {"cp1252": "windows-1252", "iso8859-1": "latin-1"}.get(name, name)


def text_blocks(text: str) -> list[Block]:
    """Blocks of a text snapshot: the first line is the title, each other non-blank line a block.

    >>> [(b.kind, b.text, b.line) for b in text_blocks("Titre\\n\\n  • Un\\nDianguirdé (Mali)\\n")]
    [('heading', 'Titre', 1), ('list_item', 'Un', 3), ('heading', 'Dianguirdé (Mali)', 4)]
    """
    blocks: list[Block] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if not blocks:
            blocks.append(Block("heading", line, number, level=1))
        elif bullet := _BULLET.match(line):
            blocks.append(Block("list_item", line[bullet.end():], number))
        elif _HEADING.match(line) and not LABEL_AT_START.match(line):
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
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CONTAINERS = {"div", "section", "article", "main", "ul", "ol", "blockquote", "body",
               "table", "tbody", "thead", "tr", "td", "th", "figure", "dl", "dd", "dt", "center"}
_SPACES = re.compile(r"[ \t\r\n\f]+")  # not U+00A0: the page's non-breaking spaces are kept
# Private-use characters: never in a page, and allowed in lxml text (control ones are not).
_BREAK, _LINE_MARK = "\ue001", "\ue000"


def _left_out(element: etree._Element) -> bool:
    if not isinstance(element.tag, str) or element.tag.lower() in _LEFT_OUT_TAGS:
        return True
    marks = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
    return bool(_LEFT_OUT_MARKS.search(marks)) or element.get("role") == "navigation"


def _lines(element: etree._Element) -> list[tuple[int, str]]:
    """The element's text, one piece per ``<br>``-separated line, with each line's number.

    Newlines of the HTML source are only white space; a ``<br>`` is a line break.
    """
    copy = lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode"))
    offset = element.sourceline - (copy.sourceline or 1)
    for inner in copy.iter("ul", "ol"):  # a nested list is read as its own list items
        if inner is not copy:
            inner.drop_tree()
    for br in copy.iter("br"):
        tail = br.tail or ""
        # the text after "<br>\n" starts on the next line
        newlines = tail[:len(tail) - len(tail.lstrip())].count("\n")
        br.tail = f"{_BREAK}{br.sourceline + offset + newlines}{_LINE_MARK}{tail}"
    pieces = []
    for number, piece in enumerate(copy.text_content().split(_BREAK)):
        line = element.sourceline
        if number:
            mark, piece = piece.split(_LINE_MARK, 1)
            line = int(mark)
        text = _SPACES.sub(" ", piece).strip()
        if text:
            pieces.append((line, text))
    return pieces


def _walk(container: etree._Element, out: list[Block]) -> None:
    """Blocks of a container in document order; loose text between blocks is a paragraph."""
    loose: list[str] = [container.text or ""]
    loose_line = container.sourceline or 1

    def flush() -> None:
        text = _SPACES.sub(" ", "".join(loose)).strip(" ").strip()
        if text:
            out.append(Block("paragraph", text, loose_line))
        loose.clear()

    for child in container:
        if _left_out(child):
            loose.append(child.tail or "")
            continue
        tag = child.tag.lower()
        if tag in _HEADINGS or tag in ("p", "li") or tag in _CONTAINERS:
            flush()
            if tag in _HEADINGS:
                out += [Block("heading", t, n, level=int(tag[1])) for n, t in _lines(child)]
            elif tag == "p":
                out += [Block("paragraph", t, n) for n, t in _lines(child)]
            elif tag == "li":
                out += [Block("list_item", t, n) for n, t in _lines(child)]
                for inner in child.iter("ul", "ol"):
                    if inner is not child:
                        _walk(inner, out)
            else:
                _walk(child, out)
            loose_line = child.sourceline or loose_line
            loose.append(child.tail or "")
        else:  # inline content (a, strong, span, …) of loose text
            if not "".join(loose).strip():
                loose_line = child.sourceline or loose_line
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


def html_blocks(text: str) -> list[Block]:
    """Blocks of an HTML page's article; the first heading is the title, the others
    partner headings.

    >>> page = "<html><body><nav>Menu</nav><main><h1>Titre</h1><h2>Dianguirdé (Mali)</h2>" \\
    ...        "<p><strong>2016 :</strong> cartographie</p></main><footer>© Ville</footer></body></html>"
    >>> [(b.kind, b.text, b.level) for b in html_blocks(page)]
    [('heading', 'Titre', 1), ('heading', 'Dianguirdé (Mali)', 2), ('paragraph', '2016 : cartographie', 0)]
    """
    try:
        document = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise PipelineError(f"not readable as HTML ({exc})") from None
    blocks: list[Block] = []
    _walk(_article(document), blocks)
    headings = [b for b in blocks if b.kind == "heading"]
    if not headings:
        return blocks
    top = min(b.level for b in headings)
    title_seen = False
    result = []
    for block in blocks:
        if block.kind == "heading":
            level = 1 if not title_seen and block.level == top else 2
            title_seen = title_seen or level == 1
            block = Block("heading", block.text, block.line, level)
        result.append(block)
    if result[0].kind != "heading" or result[0].level != 1:
        title = document.findtext(".//title")
        if title and title.strip():
            result.insert(0, Block("heading", _SPACES.sub(" ", title).strip(), 1, level=1))
    return result


def read_bytes(data: bytes, name: str, html: bool | None = None) -> Document:
    """Blocks of a snapshot's bytes; HTML when ``html`` says so or the bytes look like it."""
    text, encoding = decode(data, name)
    if html is None:
        html = text.lstrip()[:1] == "<"
    if html:
        tail = text[-2048:].lower()
        if "</html>" not in tail and "</body>" not in tail:
            raise PipelineError(f"{name}: the HTML page looks truncated (it does not end with "
                                "</body> or </html>); fetch it again")
        blocks = html_blocks(text)
        if not blocks:
            raise PipelineError(f"{name}: an HTML page with no article text")
        return Document(blocks, encoding, "html", text)
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
