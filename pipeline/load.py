"""A page snapshot's bytes -> its :class:`~pipeline.read.Document`: the text reader
(:mod:`pipeline.read`) for a text page, the HTML reader (:mod:`pipeline.html_page`, which
builds on the text reader's blocks and headings) for an HTML page.

Here rather than in ``read.py``, so that neither reader imports the other's caller: the
HTML reader imports the text reader, and this module both (no import loop).
"""

from __future__ import annotations

import re
from pathlib import Path

from .captions import captions_reading
from .errors import PipelineError
from .markdown import is_markdown, plain_lines, wrapped
from .pictograms import read_pictograms
from .read import (
    _REMOVED, HTML_SUFFIXES, Document, decode, lines, teasers, text_blocks, thread_posts,
    without_invisible,
)
from .tags import tagged_entries
from .text import nfc
from .text_layout import reading_order
from .wiki import wiki_reading
from .asciidoc import asciidoc_reading
from .csv_page import sheet_reading
from .ics import calendar_reading

# The inline markup a text snapshot may hold as served (a search tool's excerpt highlights
# the words searched: "<strong>Valognes</strong>-Wimborne", "<strong>le</strong>s"): read
# without it, so that a name or a word it cuts is whole again; the page's lines stay as
# written, each block at its line, as a Markdown page's are.
_INLINE_MARKUP = re.compile(r"</?(?:strong|b|em|i|u|mark|span|small|font)(?:\s[^<>\n]{0,200})?>",
                            re.IGNORECASE)


def read_bytes(data: bytes, name: str, html: bool | None = None) -> Document:
    """The page of a snapshot's bytes; HTML when ``html`` says so or the bytes look like it.

    The text is read in NFC (a page pasted from a Mac writes "é" as "e" and an accent: the
    same page, the same release) and without the invisible characters of ``REMOVED``, its
    blocks and the text the release ships alike (the lines are the same)."""
    text, encoding = decode(data, name)
    text = nfc(text)
    if html is None:
        html = text.lstrip()[:1] == "<"
    if html:
        from .xml_exports import CutExport, as_html  # lxml is loaded for markup only

        try:
            text = as_html(text) or text  # a feed, a tagged PDF: the HTML it stands for
        except CutExport as cut:
            raise PipelineError(f"{name} : l'export XML semble tronqué (il ne finit pas par </{cut}>) ; "
                                "l'enregistrer à nouveau") from None
        tail = text[-2048:].lower()
        if "</html>" not in tail and "</body>" not in tail:
            raise PipelineError(f"{name} : la page HTML semble tronquée (elle ne finit pas par "
                                "</body> ou </html>) ; la télécharger à nouveau "
                                "(`python -m pipeline fetch`)")
        from .html_page import html_document  # lxml is loaded for HTML pages only

        blocks, page_text, outside = html_document(text)
        if not blocks:
            raise PipelineError(f"{name} : une page HTML sans texte d'article ; vérifier que c'est "
                                "bien la page des jumelages")
        blocks, removed = without_invisible(read_pictograms(thread_posts(teasers(blocks)), outside))
        return Document(blocks, encoding, "html", _REMOVED.sub("", page_text), removed, outside)
    removed = [(n, "".join(dict.fromkeys(_REMOVED.findall(line))))
               for n, line in enumerate(lines(text), start=1) if _REMOVED.search(line)]
    text = _REMOVED.sub("", text)
    plain_text = _INLINE_MARKUP.sub("", text) if "<" in text else text
    rows = lines(plain_text)
    numbers, laid, joined, headings, wiki = None, [], wrapped(rows), None, None
    # a wiki's source (its markup off, its tables read); columns, bordered tables: in reading order
    # a captions file (WebVTT, SubRip): its cues' words, joined into paragraphs
    # an AsciiDoc source likewise (its markup off, its comments and settings set aside)
    # an iCalendar export: its partners' components grouped, each event an entry its dates label
    if (reading := calendar_reading(rows) or captions_reading(rows)
            or (wiki := wiki_reading(rows) or asciidoc_reading(rows)) or sheet_reading(rows)
            or reading_order(rows)) is not None:
        rows, numbers, laid, headings = reading.rows, reading.numbers, reading.aside, reading.levels or None
        joined = wrapped(reading.as_written())
    if wiki is None and is_markdown(rows):  # its lines read without their markup, each at its number
        plain, levels, aside = plain_lines(rows)
        blocks = read_pictograms(tagged_entries(text_blocks("\n".join(plain), {**(headings or {}), **levels},
                                                            joined, numbers)))
        return Document(blocks, encoding, "text", text, removed, laid + aside)
    blocks = read_pictograms(tagged_entries(text_blocks(plain_text if reading is None else "\n".join(rows),
                                                        headings, joined, numbers)))
    return Document(blocks, encoding, "text", text, removed, laid)


def read(path: Path, data: bytes | None = None) -> Document:
    """Read a snapshot file, with a one-line error for anything unreadable; ``data`` is its
    bytes when the caller has them already (a run reads them once, to hash them)."""
    if data is None:
        if path.is_dir():
            raise PipelineError(f"{path} : est un dossier ; donner le fichier d'un instantané de la page")
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise PipelineError(f"{path} : fichier introuvable ; vérifier le chemin, ou en prendre "
                                "un avec `python -m pipeline fetch`") from None
        except OSError as exc:
            raise PipelineError(f"{path} : illisible ({exc.strerror}) ; vérifier ses droits") from None
    return read_bytes(data, str(path), html=True if path.suffix.lower() in HTML_SUFFIXES else None)
