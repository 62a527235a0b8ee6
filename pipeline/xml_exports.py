"""XML documents saved as the page, turned into the HTML they stand for.

A town's page reaches us in XML when the officer saves the site's feed (Atom, RSS) or a
report's accessible PDF exported by Acrobat ("tagged PDF": its structure tree as XML). Each
is markup, but not HTML: a feed's entries hold their text as escaped HTML and name their
partner in a category; a tagged PDF names its headings, paragraphs, lists and tables with
the PDF standard's structure types (ISO 32000-1, 14.8.4). Rather than teach the HTML reader
either, the document is written as the HTML it means, and read as any page is; an export
cut short says so, as a cut HTML page does.
"""

from __future__ import annotations

import html
import re

from lxml import etree

# The root elements of the exports read here, by local name (their namespace aside).
FEED_ROOTS = ("feed", "rss", "RDF")  # Atom; RSS 2.0; RSS 1.0 (RDF)
TAGGED_PDF_ROOT = "TaggedPDF-doc"
_ROOT = re.compile(r"<(?:[\w.-]+:)?(feed|rss|RDF|TaggedPDF-doc)\b")
_ROOT_REACH = 8192  # characters before the root: the declaration, a stylesheet, an XMP packet
_LAST_CLOSE = re.compile(r"</(?:[\w.-]+:)?([\w.-]+)\s*>\s*$")
_DECLARATIONS = re.compile(r"<\?[^>]*\?>|<!DOCTYPE[^>]*>", re.IGNORECASE)
_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)
_XMP = re.compile(r"<(?:[\w.-]+:)?xmpmeta\b.*?</(?:[\w.-]+:)?xmpmeta\s*>", re.DOTALL)

# PDF standard structure types and the HTML element each stands for. A label of a list item
# (its number, its bullet, or the entry's date) is kept as a bold lead, as editors write
# it; a note is set apart as an aside; the document's metadata and bookmarks are no text
# of the page (the bookmarks repeat its headings).
STRUCTURE_TYPES = {
    "Document": "div", "Part": "section", "Sect": "section", "Art": "article", "Div": "div",
    "BlockQuote": "blockquote", "Caption": "figcaption", "TOC": "nav", "TOCI": "li",
    "Index": "nav", "P": "p", "H": "h2", "H1": "h1", "H2": "h2", "H3": "h3", "H4": "h4",
    "H5": "h5", "H6": "h6", "L": "ul", "LI": "li", "Lbl": "strong", "LBody": "span",
    "Table": "table", "THead": "thead", "TBody": "tbody", "TFoot": "tfoot", "TR": "tr",
    "TH": "th", "TD": "td", "Span": "span", "Quote": "q", "Note": "aside", "Reference": "sup",
    "BibEntry": "p", "Code": "code", "Link": "a", "Annot": "span", "Figure": "figure",
    "Formula": "span", "Form": "span", "ImageData": "img",
}
NOT_TEXT = ("xmpmeta", "bookmark-tree")


class CutExport(ValueError):
    """The export does not end with its root's closing tag: it was saved or sent in part."""


def export_kind(text: str) -> str | None:
    """Which export the text is ("feed", "TaggedPDF-doc"), or None for any other markup."""
    found = _ROOT.match(_head(text))  # the root first, maybe after the document's metadata
    if found is None:
        return None
    return "feed" if found[1] in FEED_ROOTS else TAGGED_PDF_ROOT


def _head(text: str) -> str:
    """The text's start without its declarations, comments and XMP packet (the document's
    metadata, an RDF tree of its own before a tagged PDF's root)."""
    return _XMP.sub("", _COMMENTS.sub("", _DECLARATIONS.sub("", text[:_ROOT_REACH]))).lstrip()


def as_html(text: str) -> str | None:
    """The HTML the export stands for, or None when the text is no export read here;
    raises :class:`CutExport` when its root is not closed at its end."""
    kind = export_kind(text)
    if kind is None:
        return None
    root_name = _ROOT.match(_head(text))
    closed = _LAST_CLOSE.search(text[-2048:])
    if root_name is None or closed is None or closed[1] != root_name[1]:
        raise CutExport(root_name[1] if root_name else kind)
    body = _DECLARATIONS.sub("", text)
    parser = etree.XMLParser(recover=True, resolve_entities=False, huge_tree=True, no_network=True)
    root = etree.fromstring(f"<export>{body}</export>".encode(), parser=parser)
    inner = _feed(root) if kind == "feed" else _tagged_pdf(root)
    return f"<!DOCTYPE html><html><body><main>{inner}</main></body></html>"


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _text_of(element: etree._Element | None) -> str:
    return "".join(str(text) for text in element.itertext()).strip() if element is not None else ""


def _content(entry: etree._Element) -> str:
    """An entry's text as HTML: its content, else its summary or description (escaped
    HTML in the feed, or XHTML inside it, or plain text)."""
    for name in ("content", "encoded", "summary", "description"):
        for found in _children(entry, name):
            kind = found.get("type", "html")
            if kind == "xhtml" or len(found):
                return "".join(_html(child) for child in found)
            value = found.text or ""
            return value if kind in ("html", "text/html") or (name != "content" and "<" in value) \
                else f"<p>{html.escape(value)}</p>"
    return ""


def _names_place(text: str) -> bool:
    """Whether a title names a place with its country, as a partner's heading does: under
    its category's heading, the same partner however spelt ("Brandenburg-sur-la-Havel
    (Allemagne)" filed under "Brandebourg-sur-la-Havel (Allemagne)")."""
    from .places import split_heading

    return bool(split_heading(text)[1])


def _heading(entry: etree._Element) -> str | None:
    """The category of an entry that names a place with its country ("La Lisa (Cuba)"):
    the partner the entry is filed under; a subject ("Relations internationales") is not."""
    for category in _children(entry, "category"):
        label = (category.get("label") or category.text or category.get("term") or "").strip()
        if label and _names_place(label):
            return label
    return None


def _feed(root: etree._Element) -> str:
    """Each entry or item under the heading of its partner's category, in the feed's order;
    its title too when the title says more than the heading and the text (a "… – suite"),
    unless it names a place with its country under a category's heading (that partner)."""
    parts: list[str] = []
    feed = next((e for e in root.iter() if _local(e) in ("feed", "channel")), root)
    for name in ("title", "subtitle", "description"):
        for found in _children(feed, name):
            value = found.text or ""
            parts.append(f"<h1>{html.escape(value)}</h1>" if name == "title" else
                         value if "<" in value else f"<p>{html.escape(value)}</p>")
    current = None
    for entry in (e for e in root.iter() if _local(e) in ("entry", "item")):
        heading, content = _heading(entry), _content(entry)
        if heading and heading != current:
            parts.append(f"<h2>{html.escape(heading)}</h2>")
            current = heading
        title = _text_of(next(iter(_children(entry, "title")), None))
        told = _plain(content)
        rest = title[len(heading.split(" (")[0]):].strip(" –-:") if heading and title.startswith(
            heading.split(" (")[0]) else title
        if title and title != heading and rest and rest not in told and not (heading and _names_place(title)):
            parts.append(f"<h3>{html.escape(title)}</h3>")
        parts.append(f"<article>{content}</article>")
    return "\n".join(parts)


def _html(element: etree._Element) -> str:
    return str(etree.tostring(element, method="html", encoding="unicode"))


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", fragment))


def _tagged_pdf(root: etree._Element) -> str:
    """The structure tree with each standard type as its HTML element; metadata and
    bookmarks dropped; an element of a type the standard does not name keeps its text."""
    for element in list(root.iter()):
        if _local(element) in NOT_TEXT and (parent := element.getparent()) is not None:
            parent.remove(element)
    for element in root.iter(tag=etree.Element):  # elements only: no comment, no instruction
        element.tag = STRUCTURE_TYPES.get(_local(element), "div" if len(element) else "span")
        for name in list(element.attrib):
            if name not in ("src", "href"):
                del element.attrib[name]
    for body in root.iter("span"):  # a list item's body holds its paragraphs: one line with its label
        for paragraph in body.iter("p"):
            paragraph.tag = "span"
    return "".join(_html(child) for child in root)
