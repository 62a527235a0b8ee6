"""A text page written in a wiki's markup (a wiki's source, saved as text: DokuWiki's
``?do=export_raw``, MediaWiki's ``action=raw``) read as the text reader reads any text
page, line by line, once its markup is taken off.

Why here, beside :mod:`pipeline.markdown` rather than inside it: a wiki writes its headings
between runs of ``=`` ("===== Dianguirdé (Mali) =====") and its tables as lines of cells
between ``^`` and ``|`` with no rule under their header, two things a Markdown reader takes
for text; and the two wikis count their headings' marks the other way round (DokuWiki's
``======`` is its top level, MediaWiki's ``=``). Every line keeps its number, so that a
``source_line`` points into the page's own file.

What becomes of the markup, line by line:

- ``== … ==`` headings: headings at their level (DokuWiki: six marks is level 1; MediaWiki:
  one mark is level 1);
- a table (DokuWiki: ``^ Date ^ Action ^`` header cells, ``| … |`` cells; a cell ``:::``
  is the cell above running on, so its row goes on with the row above; MediaWiki: ``{|``
  … ``|}``, ``|-`` between rows, ``!`` header cells, a ``rowspan`` over the row's first
  cell making it go on with the row above): each row read as
  a table drawn in text is (:func:`pipeline.text_layout.write_table`): its date cell a
  label on its line, its text cell below it, every other cell a field line under its
  header; a forced line break (``\\\\``) in a cell starts a line of that cell (a "•" after it
  an item);
- emphasis (``**…**``, ``//…//``, ``__…__``, ``''…''``), links (``[[target|words]]``:
  their words, else their target's last name), inline tags: the words alone;
- a footnote ``((…))``: kept where it is called, in brackets (on a wiki it is the entry's
  own note: "((Annulée : …))" is what says the entry was cancelled);
- images (``{{ … |caption}}``: a caption may hold a year), the page's settings
  (``~~NOTOC~~``), tag lists (``{{tag>…}}``) and plugin boxes' tags (``<WRAP …>``): set
  aside and reported, their words never read as the page's (the box's own text is read);
- list items (``  * …``, ``  - …``): list items; ``----``: a blank line.
"""

from __future__ import annotations

import re

from .french import lexicon
from .text_layout import Reading, write_table

SPAN = 500  # characters: every span is bounded, a line of unclosed marks costs linear time
_HEADING = re.compile(r"^\s*(={1,6})\s*([^=\s](?:.{0,300}?[^=\s])?)\s*(={1,6})\s*$")
MIN_HEADINGS = 2  # a page with one "== … ==" line by chance is no wiki page
DOKUWIKI_TOP = 6  # DokuWiki's top heading: six marks
_TABLE_ROW = re.compile(r"^\s*[|^].*[|^]\s*$")
_ROWSPAN = ":::"  # DokuWiki: the cell above runs on into this row
_LINE_BREAK = re.compile(r"\s*\\\\(?:\s+|$)")
_IMAGE = re.compile(rf"\{{\{{[^{{}}]{{0,{SPAN}}}\}}\}}")
_IMAGE_LINE = re.compile(rf"^\s*\{{\{{[^{{}}]{{0,{SPAN}}}\}}\}}\s*$")
_LINK = re.compile(rf"\[\[([^\[\]|]{{0,{SPAN}}})(?:\|([^\[\]]{{0,{SPAN}}}))?\]\]")
_FOOTNOTE = re.compile(rf"\s*\(\(([^()]{{0,{SPAN}}}(?:\([^()]{{0,{SPAN}}}\)[^()]{{0,{SPAN}}}){{0,5}})\)\)")
_EMPHASIS = re.compile(rf"(\*\*|(?<!:)//|__|'''?|'')(?=\S)(.{{1,{SPAN}}}?)(?<=\S)\1")
_TAG = re.compile(rf"</?[A-Za-z][^<>]{{0,{SPAN}}}>")
_SETTING = re.compile(r"~~[A-Z_]{2,40}(?::[^~]{0,100})?~~")
_TAGS = re.compile(rf"\{{\{{tag>[^{{}}]{{0,{SPAN}}}\}}\}}")  # the tag plugin's list of the page's tags
_RULE = re.compile(r"^\s*-{4,}\s*$")
_ITEM = re.compile(r"^(?: {2,}|\t+)[*-]\s+")
# MediaWiki's own marks: a table's opening "{|", bold between three quotes, a file's link
_MEDIAWIKI = re.compile(r"^\s*\{\||'''|\[\[(?:File|Image|"
                        + "|".join(map(re.escape, lexicon("furniture")["wiki_file_namespaces"])) + r"):")

IMAGE = "image of the page's wiki source (its file and caption)"
SETTING = "setting or tag list of the page's wiki source"
BOX = "tag of a box of the page's wiki source (a plugin's)"
CAPTION = "caption of a table of the page's wiki source"


def headings(rows: list[str]) -> list[tuple[int, int, str]]:
    """The page's wiki headings: (index, marks, words), a heading's marks the same on both
    sides ("===== Dianguirdé (Mali) =====")."""
    found = []
    for index, row in enumerate(rows):
        if "=" in row and (m := _HEADING.match(row)) and m.group(1) == m.group(3):
            found.append((index, len(m.group(1)), m.group(2).strip()))
    return found


def is_wiki(rows: list[str]) -> bool:
    """A text page written in a wiki's markup: :data:`MIN_HEADINGS` headings at least
    between runs of ``=``.

    >>> is_wiki(["====== Jumelages ======", "", "===== Gao (Mali) =====", "| 2016 | accueil |"])
    True
    >>> is_wiki(["Jumelages", "=========", "2 = 1 + 1"])
    False
    """
    return len(headings(rows)) >= MIN_HEADINGS


def inline(text: str) -> str:
    """A line's words without their wiki markup.

    >>> inline("**2016** : projet [[:international:mehr|« Mehr Licht »]] //à Ivry//((Annulé.))")
    '2016 : projet « Mehr Licht » à Ivry (Annulé.)'
    >>> inline("voir [[https://example.org/2005/a]] et {{ :a.jpg?300|Vue, 1988}} fin")
    'voir a et fin'
    """
    text = _IMAGE.sub("", text)
    text = _LINK.sub(_link_words, text)
    text = _FOOTNOTE.sub(lambda m: f" ({m.group(1).strip()})", text)
    text = _TAG.sub("", text)
    for _ in range(3):  # bold in italics in bold: one layer a pass
        text = _EMPHASIS.sub(r"\2", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _link_words(link: re.Match[str]) -> str:
    if link.group(2) is not None and link.group(2).strip():
        return link.group(2).strip()
    target = link.group(1).strip().rstrip("/")
    return re.split(r"[:/]", target)[-1].replace("_", " ")  # a page's name, not its path


def wiki_reading(rows: list[str]) -> Reading | None:
    """The page's lines without their wiki markup, each at its number, its tables read row
    by row, its headings' levels; ``None`` when the page is no wiki page.

    >>> page = ["====== Jumelages ======", "===== Gao (Mali) =====", "^ Date ^ Action ^",
    ...         "| VI.2012 | accueil de jeunes. |", "| :::     | Ils ont visité Paris. |"]
    >>> reading = wiki_reading(page)
    >>> list(zip(reading.numbers, reading.rows))[2:4], reading.levels
    ([(4, 'VI.2012'), (4, 'accueil de jeunes. Ils ont visité Paris.')], {1: 1, 2: 2})
    """
    found = headings(rows)
    if len(found) < MIN_HEADINGS:
        return None
    mediawiki = any(_MEDIAWIKI.search(row) for row in rows)
    levels = {index: (marks if mediawiki else DOKUWIKI_TOP + 1 - marks) for index, marks, _ in found}
    words = {index: text for index, _, text in found}
    out = Reading()
    index = 0
    while index < len(rows):
        row, number = rows[index], index + 1
        if index in words:
            out.add(inline(words[index]), number, made=False, level=levels[index])
        elif row.lstrip().startswith("{|"):
            index = _mediawiki_table(rows, index, out)
            continue
        elif _TABLE_ROW.match(row):
            end = index
            while end < len(rows) and _TABLE_ROW.match(rows[end]):
                end += 1
            _table(rows, index, end, out)
            index = end
            continue
        else:
            _line(row, number, out)
        index += 1
    return out


def _line(row: str, number: int, out: Reading) -> None:
    for setting in [*_SETTING.findall(row), *_TAGS.findall(row)]:
        out.aside.append((SETTING, setting.strip("{}")))
    row = _SETTING.sub("", _TAGS.sub("", row))
    if _IMAGE_LINE.match(row):
        out.aside.append((IMAGE, _IMAGE.sub(lambda m: m.group(0).strip("{} "), row.strip())[:200]))
        out.add("", number, made=False)
        return
    box = _TAG.findall(row)
    if box and not _TAG.sub("", row).strip():
        out.aside.append((BOX, " ".join(box)))
        out.add("", number, made=False)
        return
    if _RULE.match(row):
        out.add("", number, made=False)
        return
    item = _ITEM.match(row)
    pieces = _LINE_BREAK.split(row[item.end():] if item else row)
    for i, piece in enumerate(pieces):
        text = inline(piece)
        if item and i == 0:
            text = f"• {text}"
        if text or i == 0:
            out.add(text, number, made=False)


def _cells(row: str) -> tuple[list[str], bool]:
    """A table line's cells (links and images taken off first: their ``|`` is no
    border), and whether it is a header line (its cells all between ``^``: a line whose
    first cell alone is, "^ 2015 | accueil |", is a row its date heads)."""
    row = _LINK.sub(_link_words, _IMAGE.sub("", row)).strip()
    header = row.startswith("^") and "|" not in row
    cells = re.split(r"[|^]", row[1:-1] if len(row) > 1 else "")
    return [c.strip() for c in cells], header


def _table(rows: list[str], start: int, end: int, out: Reading) -> None:
    """A wiki table's lines read row by row: a header line (its cells between ``^``)
    names the columns, a line holding a ``:::`` cell goes on with the row above."""
    header: list[str] = []
    groups: list[list[tuple[list[str], int]]] = []
    for index in range(start, end):
        cells, is_header = _cells(rows[index])
        if is_header and not groups and not header:
            header = [inline(c) for c in cells]
            continue
        lines = [[inline(p) for p in _LINE_BREAK.split(c)] if c != _ROWSPAN else [""] for c in cells]
        # each line of a cell broken with "\\" a line of the row, as a wrapped cell's are
        height = max(len(c) for c in lines)
        row = [([c[i] if i < len(c) else "" for c in lines], index + 1) for i in range(height)]
        if groups and _ROWSPAN in cells:
            groups[-1].extend(row)
        else:
            groups.append(row)
    write_table(header, groups, out)


# MediaWiki's table: "{|" opens it, "|}" closes it, "|-" parts its rows, "|+" is its
# caption, "! a !! b" its header cells, "| a || b" its cells; "attributes | text" a cell
# with attributes, "rowspan=2" one running on into the rows below.
_MEDIAWIKI_ATTRIBUTES = re.compile(r"^\s*(?:[\w-]+\s*=\s*(?:\"[^\"]{0,200}\"|'[^']{0,200}'|[\w%#-]+)\s*)+$")
_ROWSPAN_ATTRIBUTE = re.compile(r"rowspan\s*=\s*[\"']?(\d{1,3})")


def _mediawiki_cell(cell: str) -> tuple[str, int]:
    """A cell's text without its attributes, and how many rows it spans."""
    attributes, bar, text = cell.partition("|")
    if bar and _MEDIAWIKI_ATTRIBUTES.match(attributes):
        span = _ROWSPAN_ATTRIBUTE.search(attributes)
        return text.strip(), int(span.group(1)) if span else 1
    return cell.strip(), 1


def _mediawiki_table(rows: list[str], start: int, out: Reading) -> int:
    """A MediaWiki table read row by row, as a DokuWiki one is; the index after it. A
    row whose first cell a cell above spans ("rowspan") goes on with the row above."""
    header: list[str] = []
    groups: list[list[tuple[list[str], int]]] = []
    cells: list[str] = []
    spans: dict[int, int] = {}  # column -> rows still spanned by a cell above
    first = start + 1
    inherited = False

    def close() -> None:
        nonlocal cells, inherited
        if cells:
            lines = [[inline(p) for p in _LINE_BREAK.split(c)] for c in cells]
            height = max(len(c) for c in lines)
            row = [([c[i] if i < len(c) else "" for c in lines], first) for i in range(height)]
            if inherited and groups:
                groups[-1].extend(row)
            else:
                groups.append(row)
        cells, inherited = [], False

    def add(cell: str) -> None:
        nonlocal inherited
        while len(cells) in spans:  # a cell above runs on into this column
            inherited = inherited or not cells
            spans[len(cells)] -= 1
            if not spans[len(cells)]:
                del spans[len(cells)]
            cells.append("")
        text, span = _mediawiki_cell(cell)
        if span > 1:
            spans[len(cells)] = span - 1
        cells.append(text)

    index = start + 1
    while index < len(rows):
        line = rows[index].strip()
        if line.startswith("|}"):
            index += 1
            break
        if line.startswith("|-"):
            close()
            first = index + 2
        elif line.startswith("|+"):
            out.aside.append((CAPTION, inline(line[2:])))
        elif line.startswith("!") and not groups and not cells:
            header += [inline(_mediawiki_cell(c)[0]) for c in re.split(r"!!|\|\|", line[1:])]
        elif line.startswith(("|", "!")):
            if not cells:
                first = index + 1
            for cell in re.split(r"\|\||!!", line[1:]):
                add(cell)
        elif line and cells:  # a cell's text going on on the next line
            cells[-1] = f"{cells[-1]} \\\\ {line}"
        index += 1
    close()
    write_table(header, groups, out)
    return index
