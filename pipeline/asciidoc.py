"""A text page written in AsciiDoc (a documentation site's source: Antora, Asciidoctor,
saved as the ``.adoc`` it is) read as the text reader reads any text page, line by line,
once its markup is taken off.

Why a module of its own, beside :mod:`pipeline.markdown` and :mod:`pipeline.wiki`: AsciiDoc
writes its headings with ``=`` before the words only ("== Dianguirdé (Mali)", which neither
a Markdown nor a wiki reader takes for a heading), its comments with ``//`` (an editor's
dated note, which the text reader would take for an entry), the page's settings as
attribute entries (``:signature: 1963``) that the text then names (``{signature}``), its
labelled entries as description lists (``2016:: accueil …``, ``1999;; …``) and its tables
between two ``|===`` lines, one cell after each ``|``, maybe over several lines. Every line
keeps its number, so that a ``source_line`` points into the page's own file.

What becomes of the markup, line by line:

- the document's title (``= …`` on the first line) and the sections' headings (``==`` …
  ``======``): headings at their level (one mark is level 1); the author and revision lines
  under the title, attribute entries, comments (``//`` lines, ``////`` blocks: a draft
  entry hidden there is no entry), block macros (``include::``, ``image::``, ``toc::``):
  set aside and reported, never read;
- a reference to an attribute (``{signature}``): the attribute's value, as the page shows
  it (``{nbsp}`` a non-breaking space);
- block attribute lines (``[horizontal]``, ``[#id]``, ``[CAUTION]``) and the delimiters of
  blocks (``====``, ``****``, ``----``, ``--``): a blank line, the block's text read as the
  page's;
- a block's title (``.2020 : projet annulé``) that opens with a date: the label of the
  block's first paragraph, on its line; another title (``.Les actions menées``): a line of
  its own;
- list items (``*``, ``**``, ``.``, ``..``): items, a nested one indented under its own;
  description list items (``TERME:: texte``, ``TERME;; texte``, the text maybe on the next
  line): "TERME : texte", an entry its term labels; a ``+`` alone: the next paragraph goes
  on with the item above (an admonition's label, ``NOTE:``, taken off);
- a table (``|===`` … ``|===``): read row by row as a table drawn in text is
  (:func:`pipeline.text_layout.write_table`), its header the first line when the block's
  attributes say ``header`` or a blank line follows it, a cell's paragraphs one text;
- inline markup: emphasis (``*…*``, ``_…_``, ``` `…` ```, ``#…#``), links and cross
  references (their words), footnotes (kept where they are called, in brackets), inline
  images (dropped).
"""

from __future__ import annotations

import re

from .dates import split_any_label
from .text_layout import Reading, write_table

SPAN = 500  # characters: every span is bounded, a line of unclosed marks costs linear time
_TITLE = re.compile(r"^=\s+(\S.{0,300})$")
_SECTION = re.compile(r"^(={1,6})\s+(\S.{0,300}?)\s*$")
_ATTRIBUTE_ENTRY = re.compile(r"^:(!?[\w][\w-]{0,60}!?):(?:\s+(.{0,1000}))?\s*$")
_COMMENT_LINE = re.compile(r"^//(?!//)(?:[^/].*)?$")
_COMMENT_BLOCK = re.compile(r"^/{4,}\s*$")
_BLOCK_MACRO = re.compile(r"^(?:include|image|video|toc)::\S{0,500}\[.{0,500}\]\s*$")
_BLOCK_ATTRIBUTES = re.compile(r"^\[\[?[^\[\]]{0,500}\]\]?\s*$")
_BLOCK_TITLE = re.compile(r"^\.(?=[^\s.])(.{1,300})$")
_DELIMITER = re.compile(r"^(?:={4,}|\*{4,}|-{4,}|\.{4,}|_{4,}|\+{4,}|--)\s*$")
_TABLE = re.compile(r"^[|!,:]===\s*$")
_CONTINUATION = "+"
_ADMONITION = re.compile(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+")
_ITEM = re.compile(r"^\s*(\*{1,5}|-|\.{1,5})\s+(\S.*)$")
_DESCRIPTION = re.compile(r"^(\S.{0,200}?)(::::|:::|::|;;)(?:\s+(.*))?$")
_HARD_BREAK = re.compile(r"\s\+$")
# Marks of AsciiDoc alone (a page is AsciiDoc when its headings are "=" marks before words
# and one of these is written too).
_MARKS = (_ATTRIBUTE_ENTRY, _BLOCK_ATTRIBUTES, _TABLE, _COMMENT_BLOCK)
MIN_SECTIONS = 2  # headings "== …" a page holds at least to be an AsciiDoc one

# Inline markup.
_ATTRIBUTE_REFERENCE = re.compile(r"(?<!\\)\{([\w][\w-]{0,60})\}")
_FOOTNOTE = re.compile(rf"footnote:[\w-]{{0,60}}\[([^\]]{{0,{SPAN}}})\]")
_INLINE_IMAGE = re.compile(rf"image:[^\s\[]{{1,{SPAN}}}\[[^\]]{{0,{SPAN}}}\]")
_MACRO_LINK = re.compile(rf"\b(?:xref|link|mailto):([^\s\[]{{1,{SPAN}}})\[([^\]]{{0,{SPAN}}})\]")
_URL_LINK = re.compile(rf"\b(https?://[^\s\[]{{1,{SPAN}}})\[([^\]]{{0,{SPAN}}})\]")
_CROSS_REFERENCE = re.compile(rf"<<([^,<>]{{1,{SPAN}}})(?:,([^<>]{{0,{SPAN}}}))?>>")
_ROLE = re.compile(r"\[\.[\w.-]{1,60}\](?=[#*_`])")
_UNCONSTRAINED = re.compile(rf"(\*\*|__|``|##)(?=\S)(.{{1,{SPAN}}}?)(?<=\S)\1")
_CONSTRAINED = re.compile(rf"(?<![\w*_`#])([*_`#])(?=\S)(.{{1,{SPAN}}}?)(?<=\S)\1(?![\w*_`#])")
EMPHASIS_LAYERS = 3
# The attributes every AsciiDoc processor defines (the characters a text cannot write as is).
_BUILT_IN = {"nbsp": "\u00a0", "sp": " ", "empty": "", "zwsp": "", "amp": "&", "lt": "<", "gt": ">",
             "quot": '"', "apos": "'", "deg": "°", "vbar": "|", "caret": "^",
             "tilde": "~", "startsb": "[", "endsb": "]", "two-colons": "::", "brvbar": "¦",
             "wj": "\u2060", "backslash": "\\", "backtick": "`", "ldquo": "“", "rdquo": "”",
             "lsquo": "‘", "rsquo": "’"}

HEADER = "header line of the page's AsciiDoc source (its writer or version)"
SETTING = "attribute entry of the page's AsciiDoc source (a setting the text may name)"
BLOCK_TITLE = "title of a block of the page's AsciiDoc source (a list's, a table's caption)"
COMMENT = "comment in the page's AsciiDoc source"
MACRO = "block macro of the page's AsciiDoc source (an included file, an image, the table of contents)"


def _sections(rows: list[str]) -> int:
    return sum(1 for row in rows if row.startswith("==") and _SECTION.match(row)
               and not row.rstrip().endswith("="))


def is_asciidoc(rows: list[str]) -> bool:
    """A text page written in AsciiDoc: :data:`MIN_SECTIONS` headings at least written as
    ``=`` marks before their words alone, and one line at least of AsciiDoc's own markup
    (an attribute entry, a block's attributes, a table's or a comment block's delimiter).

    >>> is_asciidoc(["= Jumelages", ":toc:", "", "== Gao (Mali)", "2016:: accueil", "== Kita (Mali)"])
    True
    >>> is_asciidoc(["== Gao ==", "== Kita ==", ":toc:"]), is_asciidoc(["== Gao", "texte"])
    (False, False)
    """
    return _sections(rows) >= MIN_SECTIONS and any(
        any(mark.match(row) for mark in _MARKS) for row in rows)


def inline(text: str, attributes: dict[str, str]) -> str:
    """A line's words without their AsciiDoc markup, its attributes' references replaced
    by their values.

    >>> inline("*2016* : signé en {an}{nbsp}footnote:[Voir le _protocole_.] <<top,Haut>>", {"an": "1963"})
    '2016 : signé en 1963\\xa0 (Voir le protocole.) Haut'
    >>> inline("voir xref:a:b.adoc[la page] et https://ex.org/2005[le site] image:x.png[Vue 1988]", {})
    'voir la page et le site'
    """
    text = _ATTRIBUTE_REFERENCE.sub(
        lambda m: attributes.get(m.group(1).lower(), _BUILT_IN.get(m.group(1), m.group(0))), text)
    text = _INLINE_IMAGE.sub("", text)
    text = _FOOTNOTE.sub(lambda m: f" ({m.group(1).strip()})", text)
    text = _MACRO_LINK.sub(lambda m: m.group(2).strip() or re.split(r"[:/]", m.group(1).rstrip("/"))[-1],
                           text)
    text = _URL_LINK.sub(lambda m: m.group(2).strip() or m.group(1), text)
    text = _CROSS_REFERENCE.sub(lambda m: (m.group(2) or "").strip(), text)
    text = _ROLE.sub("", text)
    for _ in range(EMPHASIS_LAYERS):  # bold in italics in bold: one layer a pass
        text = _CONSTRAINED.sub(r"\2", _UNCONSTRAINED.sub(r"\2", text))
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _dated_title(title: str) -> bool:
    """A block's title that opens with a date, the label of the block's text
    (".2020 : projet annulé")."""
    found = split_any_label(title)
    return found is not None and found[2]


def asciidoc_reading(rows: list[str]) -> Reading | None:
    """The page's lines without their AsciiDoc markup, each at its number, its tables read
    row by row, its headings' levels; ``None`` when the page is no AsciiDoc page.

    >>> page = ["= Jumelages", "v1, 2024-03-12", ":an: 1963", "", "== Gao (Mali)", "",
    ...         "Signé en {an}.", "", "[horizontal]", "2016:: accueil de jeunes.", "+",
    ...         "NOTE: Annulé en 2020.", "// Relu le 04/02/2024", "== Kita (Mali)"]
    >>> reading = asciidoc_reading(page)
    >>> [row for row in reading.rows if row], reading.levels
    (['Jumelages', 'Gao (Mali)', 'Signé en 1963.', '2016 : accueil de jeunes. Annulé en 2020.', \
'Kita (Mali)'], {1: 1, 5: 2, 14: 2})
    """
    if not is_asciidoc(rows):
        return None
    attributes = dict(_BUILT_IN)
    out = Reading()
    index = 0
    header = bool(rows) and _TITLE.match(rows[0]) is not None
    open_row = False  # the row written last is a paragraph or an item the next line goes on with
    joined = False  # a "+" alone: the next paragraph goes on with the item above
    title: str | None = None  # a block's dated title, the label of its first paragraph
    table_header: bool | None = None  # what the block attributes above a table say of its header
    last: int | None = None  # the row of the paragraph or item written last
    while index < len(rows):
        row, number = rows[index], index + 1
        stripped = row.strip()
        if header:
            if index == 0 and (opening := _TITLE.match(row)) is not None:
                out.add(inline(opening.group(1), attributes), number, made=False, level=1)
            elif not stripped:
                header = False
                out.add("", number, made=False)
            elif entry := _ATTRIBUTE_ENTRY.match(stripped):
                _set(entry, attributes, out)
                out.add("", number, made=False)
            elif not _COMMENT_LINE.match(stripped):
                out.aside.append((HEADER, stripped))
                out.add("", number, made=False)
            else:
                out.aside.append((COMMENT, stripped[2:].strip()))
                out.add("", number, made=False)
            index += 1
            continue
        if _COMMENT_BLOCK.match(stripped):
            end = next((i for i in range(index + 1, len(rows)) if _COMMENT_BLOCK.match(rows[i].strip())),
                       len(rows) - 1)
            out.aside.append((COMMENT, " ".join(r.strip() for r in rows[index + 1:end] if r.strip())[:1000]))
            for n in range(index, end + 1):
                out.add("", n + 1, made=False)
            index, open_row = end + 1, False
            continue
        if _TABLE.match(stripped):
            index = _table(rows, index, attributes, table_header, out)
            open_row, table_header = False, None
            continue
        line: str | None = None
        item = None
        if not stripped:
            open_row = False
        elif stripped == _CONTINUATION:
            joined = open_row or joined
        elif _COMMENT_LINE.match(stripped):
            out.aside.append((COMMENT, stripped[2:].strip()))
        elif entry := _ATTRIBUTE_ENTRY.match(stripped):
            _set(entry, attributes, out)
            open_row = False
        elif _BLOCK_MACRO.match(stripped):
            out.aside.append((MACRO, stripped[:200]))
            open_row = False
        elif (section := _SECTION.match(row)) and not stripped.endswith("="):
            out.add(inline(section.group(2), attributes), number, made=False, level=len(section.group(1)))
            index += 1
            open_row = joined = False
            continue
        elif _BLOCK_ATTRIBUTES.match(stripped):
            if "header" in stripped or "noheader" in stripped:
                table_header = "noheader" not in stripped
            open_row = False
        elif _DELIMITER.match(stripped):
            open_row = False
        elif (block_title := _BLOCK_TITLE.match(stripped)) and not _ITEM.match(stripped):
            words = inline(block_title.group(1), attributes)
            if _dated_title(words):
                title = words
            else:
                out.aside.append((BLOCK_TITLE, words))
            open_row = False
        elif item := _ITEM.match(row):
            depth = len(item.group(1)) if item.group(1) != "-" else 1
            line = f"{'  ' * (depth - 1)}• {inline(item.group(2), attributes)}"
        elif (term := _DESCRIPTION.match(stripped)) and "://" not in term.group(1):
            words = inline(term.group(3) or "", attributes)
            line = f"{inline(term.group(1), attributes)} :{' ' + words if words else ''}"
            item = term
        else:
            line = inline(_ADMONITION.sub("", _HARD_BREAK.sub("", stripped)), attributes)
        if line is not None:
            if title is not None:
                if item is None:
                    line = f"{title}. {line}"
                else:
                    out.add(title, number, made=False)
                title = None
            if (joined or (open_row and item is None)) and last is not None:
                out.settle()
                out.rows[last] = f"{out.rows[last]} {line.lstrip()}"
                out.add("", number, made=False)
            else:
                last = len(out.rows)
                out.add(line, number, made=False)
            open_row, joined = not _HARD_BREAK.search(stripped), False
        else:
            out.add("", number, made=False)
        index += 1
    return out


def _set(entry: re.Match[str], attributes: dict[str, str], out: Reading) -> None:
    name = entry.group(1).strip("!").lower()
    if entry.group(1).startswith("!") or entry.group(1).endswith("!"):
        attributes.pop(name, None)
    else:
        attributes[name] = inline(entry.group(2) or "", attributes)
    out.aside.append((SETTING, f":{entry.group(1)}: {entry.group(2) or ''}".strip()))


_COLUMNS = re.compile(r"cols\s*=\s*\"([^\"]{0,200})\"")
_CELL = re.compile(r"(?:^|(?<=\s))(?:\d+(?:\.\d+)?[+*])?[<^>]?(?:\.[<^>])?[adehlmsv]?(?<!\\)\|")


def _column_count(spec: str) -> int:
    """The columns a ``cols`` attribute names ("1,4a": two; "3*": three)."""
    count = 0
    for part in spec.split(","):
        multiplied = re.match(r"\s*(\d+)\*", part)
        count += int(multiplied.group(1)) if multiplied else 1
    return count


def _table(rows: list[str], start: int, attributes: dict[str, str], header_said: bool | None,
           out: Reading) -> int:
    """A table between two ``|===`` lines read row by row; the index after it. Its cells
    open at each ``|``, a cell's text going on over the lines below until the next one; its
    columns are the ``cols`` attribute's count, else the first line's cells."""
    end = next((i for i in range(start + 1, len(rows)) if _TABLE.match(rows[i].strip())), len(rows))
    above = rows[start - 1].strip() if start else ""
    columns_said = _COLUMNS.search(above)
    cells: list[tuple[list[str], int]] = []  # each cell's paragraphs and its line number
    first_line: int | None = None
    first_count = 0
    blank_after_first = False
    for i in range(start + 1, end):
        line = rows[i]
        if not line.strip():
            if cells:
                cells[-1][0].append("")
            if first_line is not None and i == first_line + 1:
                blank_after_first = True
            continue
        pieces = _CELL.split(line)
        if len(pieces) > 1:  # the line opens one cell or more
            if pieces[0].strip() and cells:
                cells[-1][0].append(pieces[0].strip())
            if first_line is None:
                first_line, first_count = i, len(pieces) - 1
            for piece in pieces[1:]:
                cells.append(([piece.strip()], i + 1))
        elif cells:
            cells[-1][0].append(line.strip())
    count = _column_count(columns_said.group(1)) if columns_said else max(first_count, 1)
    texts = [(" ".join(inline(p, attributes) for p in paragraphs if p).strip(), number)
             for paragraphs, number in cells]
    has_header = header_said if header_said is not None else blank_after_first and first_count == count
    header: list[str] = []
    if has_header and len(texts) >= count:
        header, texts = [t for t, _ in texts[:count]], texts[count:]
    groups = [[([t for t, _ in texts[k:k + count]], texts[k][1])] for k in range(0, len(texts), count)]
    write_table(header, groups, out)
    return end + 1
