"""A text page a tool laid out in two dimensions, read in the order a person reads it.

Two layouts put a page's text on its lines in an order that is not the reading order, so
that the text reader, which takes each line as a block, reads nothing right:

- **text tables drawn with borders** (pandoc's grid and pipe tables, reStructuredText's
  grid tables, psql's and mysql's box output, org-mode tables): a cell's text is wrapped
  over several lines between "|" borders, so each line of the page holds a piece of every
  cell of its row ("| 2003-2014 | accueil de six jeunes |" / "|           | pendant trois
  semaines |"). A row is its cells joined line by line across the row's lines, then read
  as an HTML table's row is (:func:`pipeline.html_page._row_blocks`): the date column's
  cell a label alone on its line, the text column's cell below it, every other cell a
  field line under its column's header. A table drawn with rules only (pandoc's simple
  and multiline tables, reStructuredText's simple tables: "--------  --------" under
  its header) is read the same way, its columns where the rule's runs are;
- **text laid out in columns** (a PDF's layout extraction, ``pdftotext -layout``): two
  columns side by side, so each line holds a line of the left column, a gutter of spaces
  and a line of the right one, of two different paragraphs. The gutter is found as the
  offset where most lines of the page hold a run of two spaces or more then text; each
  page (cut by form feeds) is read left column first, then the right one (each cut again
  when it holds a gutter of its own: three columns), and the lines of one paragraph are
  joined. Lines repeated at the top or the bottom of several pages
  (a running head, a page number, a photo credit) are the layout's furniture: set aside
  and reported. A PDF's text in one column a page (``pdftotext`` without ``-layout``:
  form feeds, lines cut at the column's width) is read the same way, each page one
  column.

Why before the text reader rather than inside it: both layouts are the tool's, not the
page's words, and once they are undone the page reads as any other text page (its
headings, its "2016 : …" entries). Every line read keeps the number of the page's line it
comes from (:class:`Reading`), so a ``source_line`` still points into the page's own file.
No French word here: the headers' words are read by :func:`pipeline.fields.key_kind`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from .dates import dated_label, split_any_label
from .fields import DATE, KINDS, PLACE, TEXT, empty, key_kind
from .french import lexicon
from .read import IntroWords, names_a_place

TABLE_HEADER = "header of a table drawn in text (with borders or rules)"
TABLE_FOOTER = "count of the rows under a table drawn in text (a database's output)"
FURNITURE = "furniture of a page laid out in columns (running head, page number, credit)"


@dataclass
class Reading:
    """A page's lines in reading order: ``rows[i]`` comes from the page's line
    ``numbers[i]`` (from 1); ``aside`` is what was set aside (why, its text)."""

    rows: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    aside: list[tuple[str, str]] = field(default_factory=list)
    last: str = ""  # the last line of the paragraph ``rows[-1]`` when it is open
    full: bool = False  # whether that line fills its column's width

    made: set[int] = field(default_factory=set)  # the rows this module wrote (0-based)

    pending: list[str] = field(default_factory=list)  # pieces going on with ``rows[-1]``

    levels: dict[int, int] = field(default_factory=dict)  # row (from 1) -> its heading's level

    def add(self, row: str, number: int, made: bool = True, level: int | None = None) -> None:
        self.settle()
        if made:
            self.made.add(len(self.rows))
        if level is not None:
            self.levels[len(self.rows) + 1] = level
        self.rows.append(row)
        self.numbers.append(number)

    def extend(self, piece: str) -> None:
        """One more piece of the row written last (joined once, not a copy per piece: a
        paragraph of a million lines costs its length)."""
        self.pending.append(piece)

    def drop_hyphen(self) -> None:
        """The hyphen ending the row written last taken off (a word cut at a line's end)."""
        if self.pending:
            self.pending[-1] = self.pending[-1].removesuffix("-")
        elif self.rows:
            self.rows[-1] = self.rows[-1].removesuffix("-")

    def settle(self) -> None:
        if self.pending:
            self.rows[-1] = "".join([self.rows[-1], *self.pending])
            self.pending.clear()

    def as_written(self) -> list[str]:
        """The rows, those this module wrote blank: the page's own lines, for what reads
        their widths (:func:`pipeline.markdown.wrapped`: a table's row or a column's
        paragraph, already joined, neither goes on with a line nor is gone on with)."""
        return ["" if i in self.made else row for i, row in enumerate(self.rows)]


def reading_order(rows: list[str]) -> Reading | None:
    """The page's lines in reading order once its columns and bordered tables are undone,
    or ``None`` when it has neither (the page is read as it is written).

    >>> page = ["Gao (Mali)", "", "+------+-----------------+", "| Date | Action          |",
    ...         "+======+=================+", "| 2016 | accueil de six  |", "|      | jeunes.         |",
    ...         "+------+-----------------+"]
    >>> reading = reading_order(page)
    >>> list(zip(reading.numbers, reading.rows))[2:]
    [(6, '2016'), (6, 'accueil de six jeunes.'), (7, '')]
    """
    numbered = [(row, n) for n, row in enumerate(rows, start=1)]
    # most pages have neither: a line with a gap past a column's width, a rule, a form feed
    columns = _columns(numbered) if any(row.find("  ", MIN_COLUMN) >= 0 or "\f" in row for row in rows) \
        or _running_lines(rows) else None
    if columns is None:  # a chronology with hanging indents: its rows undone as a table's
        columns = _hanging(numbered)
    changed = columns is not None
    reading = columns or Reading(list(rows), list(range(1, len(rows) + 1)))
    if not any(_rule(row) or _COLUMN_RULE.match(row) or " | " in row for row in reading.rows):
        return reading if changed else None
    tables = _tables(list(zip(reading.rows, reading.numbers, strict=True)), columns)
    if tables is not None:
        tables.aside[:0] = reading.aside
        return tables
    return reading if changed else None


# --- Tables drawn with borders -------------------------------------------------------------

# A rule of a bordered table: "+----+====+", "|----+----|", "|:---|---:|", psql's "-----+----".
_RULE = re.compile(r"^\s*[|+]?(?:\s*:?[-=]{3,}:?\s*[+|])+\s*:?[-=]*:?\s*[|+]?\s*$")
_RULE_CHARACTERS = frozenset(" \t-=+|:")
MAX_RULE = 1000  # characters: no table is wider
MIN_TABLE_ROWS = 2  # a header and a row, or two rows: one line between borders is no table
_ITEM = re.compile(r"^(?:[-*+•–—]|\d{1,2}[.)])\s")
_COUNT_OF_ROWS = re.compile(r"^\s*\(\d+ \w+\)\s*$")  # psql's "(2 rows)" under its table
_CONTINUED = re.compile(r"\s\+$")  # psql's mark of a value going on on the next line


def _rule(row: str) -> bool:
    return ("+" in row or "|" in row) and ("---" in row or "===" in row) and len(row) <= MAX_RULE \
        and set(row) <= _RULE_CHARACTERS and bool(_RULE.match(row))


def _borders(rule: str) -> list[int]:
    """The offsets of a rule's column borders ("+" or "|")."""
    return [i for i, c in enumerate(rule) if c in "+|"]


def _cells(row: str, borders: list[int], outer: tuple[bool, bool] = (True, True)) -> list[str] | None:
    """A line's cells between the borders its table's rule draws, or split at its "|"
    when they do not line up (a pipe table typed by hand); ``None`` for a line that is no
    line of a table. ``outer``: whether the table draws its left and right borders."""
    if "|" not in row:
        return None
    if borders and all(i >= len(row) or row[i] in "|+" for i in borders) and any(
            i < len(row) and row[i] == "|" for i in borders):
        cuts = [-1, *borders, len(row)]
        cells = [row[a + 1:b] for a, b in pairwise(cuts)]
        # the text before the first border and after the last one is a cell only when the
        # table has no outer border (psql's output)
        return cells[1 if outer[0] else 0:len(cells) - 1 if outer[1] else len(cells)]
    stripped = row.strip()
    if not stripped.startswith("|") and " | " not in stripped:
        return None
    parts = stripped.strip("|").split("|")
    return parts if len(parts) >= 2 else None


def _tables(numbered: list[tuple[str, int]], columns: Reading | None = None) -> Reading | None:
    """The lines with each bordered table read row by row; ``None`` when there is none.
    ``columns``: the reading of a page laid out in columns, whose rows it wrote stay its."""
    out = Reading()
    found = False
    index = 0
    while index < len(numbered):
        if (ruled := _ruled_table(numbered, index, out)) is not None \
                or (ruled := _aligned_table(numbered, index, out)) is not None:
            found, index = True, ruled
            continue
        end, table = _table_end(numbered, index)
        if not table:  # no table starts in these lines: each line scanned once
            for at in range(index, max(end, index + 1)):
                out.add(*numbered[at], made=at in columns.made if columns else False)
            index = max(end, index + 1)
            continue
        found = True
        _read_table(numbered[index:end], out)
        index = end
        if index < len(numbered) and _COUNT_OF_ROWS.match(numbered[index][0]):
            out.aside.append((TABLE_FOOTER, numbered[index][0].strip()))
            out.add("", numbered[index][1])
            index += 1
    return out if found else None


def _table_end(numbered: list[tuple[str, int]], start: int) -> tuple[int, bool]:
    """The end (exclusive) of the run of rules and lines of cells that opens at
    ``start``, and whether it is a bordered table (a rule and ``MIN_TABLE_ROWS`` lines of
    cells or more); a run that is none holds no table further down either."""
    row = numbered[start][0]
    if not _rule(row) and not (row.strip().startswith("|") or (start + 1 < len(numbered)
                                                                 and _rule(numbered[start + 1][0]))):
        return start, False
    borders: list[int] = []
    rules = lines_of_cells = 0
    end = start
    while end < len(numbered):
        row = numbered[end][0]
        if _rule(row):
            borders = borders or _borders(row)
            rules += 1
        elif row.strip() and _cells(row, borders or _first_rule(numbered, end)) is not None:
            lines_of_cells += 1
        else:
            break
        end += 1
    return end, bool(rules) and lines_of_cells >= MIN_TABLE_ROWS


def _first_rule(numbered: list[tuple[str, int]], start: int) -> list[int]:
    """The borders of the next rule below ``start`` within a few lines (a table whose
    header comes before its first rule: psql, a pipe table)."""
    for row, _ in numbered[start:start + 3]:
        if _rule(row):
            return _borders(row)
    return []


def _read_table(table: list[tuple[str, int]], out: Reading) -> None:
    """One bordered table read row by row into ``out``."""
    rule = next(row for row, _ in table if _rule(row))
    borders = _borders(rule)
    outer = (rule.lstrip()[:1] in ("+", "|"), rule.rstrip()[-1:] in ("+", "|"))
    groups: list[list[tuple[list[str], int]]] = [[]]
    heavy = None  # the group a "===" rule closes: the header
    for row, number in table:
        if _rule(row):
            if "=" in row and heavy is None and groups[-1]:
                heavy = len(groups) - 1
            if groups[-1]:
                groups.append([])
            continue
        cells = _cells(row, borders, outer)
        if cells is not None:
            groups[-1].append(([c.strip() for c in cells], number))
    groups = [g for g in groups if g]
    if not groups:
        return
    header: list[str] = []
    if heavy is not None:
        header = [" ".join(parts) for parts in _columns_of(groups[heavy])]
        groups = groups[heavy + 1:]
    elif len(groups) > 1 and _reads_as_header(groups[0]):
        header = [" ".join(parts) for parts in _columns_of(groups[0])]
        groups = groups[1:]
    write_table(header, groups, out)


def write_table(header: list[str], groups: list[list[tuple[list[str], int]]], out: Reading) -> None:
    """A table's rows, read by its header: ``groups`` are its body's lines of cells, each
    group a row when there are several (:func:`_rows`)."""
    if not groups:
        return
    if header:
        out.aside.append((TABLE_HEADER, " | ".join(h for h in header if h)))
    kinds = [key_kind(h) if h else None for h in header]
    date = kinds.index(DATE) if DATE in kinds else None
    text = kinds.index(TEXT) if TEXT in kinds else None
    rows = _rows(groups, date if date is not None else 0)
    firsts = [" ".join(next(iter(_columns_of(r)), [])) for r in rows]
    if date is None and any(firsts) and all(dated_label(f) for f in firsts if f):
        date = 0  # no header, a first column of dates
    if text is None:  # the first column of no kind the header names
        text = next((i for i in range(len(header) or 2)
                     if i != date and (i >= len(kinds) or kinds[i] is None)), None)
    # a column of the partner ("Partenaire", "Ville partenaire") whose cell surely names a
    # place heads its rows, as an HTML table's partner column does
    partner = next((i for i, k in enumerate(kinds) if k in _PARTNER_KINDS and i not in (date, text)), None)
    heading = None
    for lines_of_row in rows:
        named = _partner_cell(lines_of_row, partner)
        if named and named != heading:
            out.add(named, lines_of_row[0][1], level=PARTNER_LEVEL)
            heading = named
        _write_row(lines_of_row, header, date, text, out, partner if named else None)


_PARTNER_KINDS = frozenset(k for k in KINDS if k in (PLACE, "partners"))
PARTNER_LEVEL = 2  # the level of a heading a table's partner cell makes


def _partner_cell(row: list[tuple[list[str], int]], partner: int | None) -> str | None:
    """A row's partner cell when it surely names a place ("Kita (Mali)"); ``None`` when
    there is no such column or the cell names none."""
    columns = _columns_of(row)
    if partner is None or partner >= len(columns):
        return None
    cell = " ".join(columns[partner])
    return cell if cell and names_a_place(cell, IntroWords()) else None


# A rule of a table drawn with rules only (pandoc's simple and multiline tables,
# reStructuredText's simple tables): runs of dashes or "=" parted by spaces, one per column.
_RUN = re.compile(r"[-=]{3,}")
_COLUMN_RULE = re.compile(r"^ *[-=]{3,}(?: +[-=]{3,})+ *$")
_FULL_RULE = re.compile(r"^ *(?:-{10,}|={10,}) *$")
HEADER_LINES = 3  # lines a table's header is wrapped over, at most


def _ruled_table(numbered: list[tuple[str, int]], start: int, out: Reading) -> int | None:
    """Read the table drawn with rules only that opens at ``start`` into ``out`` and give
    the end (exclusive) of its lines; ``None`` when no such table opens there. Its columns
    are the runs of its rule of columns ("-------- ------------"); a header is the lines
    between an opening rule and that rule, or the one line above it. Rows are parted by
    blank lines (a multiline table), else each line is one, a line with an empty first
    cell going on with the row above."""
    rows = [row for row, _ in numbered]
    row = rows[start]
    opened = bool(_FULL_RULE.match(row) or _COLUMN_RULE.match(row))
    if opened:
        rule = next((i for i in range(start + 1, min(start + 2 + HEADER_LINES, len(rows)))
                     if _COLUMN_RULE.match(rows[i]) or not rows[i].strip()), None)
        if rule is None or not rows[rule].strip():
            return None
        head = list(range(start + 1, rule))
    elif row.strip() and start + 1 < len(rows) and _COLUMN_RULE.match(rows[start + 1]):
        rule, head = start + 1, [start]
    else:
        return None
    spans = [m.start() for m in _RUN.finditer(rows[rule])]
    body: list[int] = []
    end = rule + 1
    while end < len(rows):
        if _COLUMN_RULE.match(rows[end]) or (opened and _FULL_RULE.match(rows[end])):
            end += 1  # the closing rule
            break
        if not rows[end].strip() and (not opened or end + 1 >= len(rows) or not rows[end + 1].strip()):
            break  # a simple table ends at a blank line; a multiline one at two
        body.append(end)
        end += 1
    if not body and head and opened:  # no header: the lines above its closing rule are rows
        body, head = head, []
    if len([i for i in body if rows[i].strip()]) < 1 or len(spans) < 2:
        return None
    bounds = [0, *spans[1:]]

    def cells(i: int) -> list[str]:
        line = rows[i]
        return [line[a:b].strip() for a, b in pairwise([*bounds, max(len(line), bounds[-1])])]

    header = [" ".join(parts) for parts in _columns_of([(cells(i), numbered[i][1]) for i in head])] \
        if head else []
    groups: list[list[tuple[list[str], int]]] = [[]]
    for i in body:
        if rows[i].strip():
            groups[-1].append((cells(i), numbered[i][1]))
        elif groups[-1]:
            groups.append([])
    write_table(header, [g for g in groups if g], out)
    return end


def _aligned_table(numbered: list[tuple[str, int]], start: int, out: Reading) -> int | None:
    """Read the table that opens at ``start`` with neither rules nor outer borders, its
    columns parted by "|" at the same offsets on every line ("Période        | Action" /
    "2006-2008      | réalisation de …"), into ``out`` and give the end (exclusive) of its
    lines; ``None`` when no such table opens there. Its first line is its header (it must
    read as one, :func:`_reads_as_header`), each line below a row, a line with an empty
    first cell going on with the row above; a blank line or a line whose "|" are
    elsewhere ends it."""
    rows = [row for row, _ in numbered]
    if start > 0 and _bars(rows[start - 1]):  # inside a run already scanned
        return None
    bars = _bars(rows[start])
    if not bars or rows[start].lstrip().startswith("|") or _rule(rows[start]):
        return None
    end = start + 1
    while end < len(rows) and rows[end].strip() and not _rule(rows[end]) \
            and _bars(rows[end][:bars[-1] + 1]) == bars:
        end += 1
    if end - start < 1 + MIN_TABLE_ROWS or (end < len(rows) and _rule(rows[end])):
        return None
    bounds = [-1, *bars]

    def cells(i: int) -> list[str]:
        line = rows[i]
        return [line[a + 1:b].strip() for a, b in pairwise([*bounds, len(line)])]

    head = [(cells(start), numbered[start][1])]
    if not _reads_as_header(head):
        return None
    write_table(cells(start), [[(cells(i), numbered[i][1]) for i in range(start + 1, end)]], out)
    return end


def _bars(row: str) -> list[int]:
    """The offsets of a line's "|" parted by spaces (" | "), the borders of an aligned table."""
    return [m.start() + 1 for m in re.finditer(r" \|(?= |$)", row)]


def _reads_as_header(group: list[tuple[list[str], int]]) -> bool:
    """A first group of cell lines, before a rule, that is a header: no cell of it is a
    date, and one names what its column holds (a date, a text, an amount…)."""
    heads = [" ".join(parts) for parts in _columns_of(group)]
    return not any(dated_label(h) for h in heads) and any(h and key_kind(h) is not None for h in heads)


def _rows(groups: list[list[tuple[list[str], int]]], key: int) -> list[list[tuple[list[str], int]]]:
    """The rows of a table's body: each group between two rules when rules part its rows
    (a grid table), else each line, a line whose ``key`` cell is empty going on with the
    row above (psql's and mysql's box output, an org-mode table)."""
    if len(groups) > 1:
        return groups
    rows: list[list[tuple[list[str], int]]] = []
    for line in groups[0]:
        cells, _ = line
        if rows and (key >= len(cells) or not cells[key]):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _columns_of(row: list[tuple[list[str], int]]) -> list[list[str]]:
    """Each column's lines of text in a row."""
    width = max(len(cells) for cells, _ in row)
    columns: list[list[str]] = [[] for _ in range(width)]
    for cells, _ in row:
        for i, cell in enumerate(cells):
            if cell:
                columns[i].append(_CONTINUED.sub("", cell).strip())
    return columns


def _paragraphs(lines: list[str]) -> list[str]:
    """A cell's lines as its paragraphs: joined, a line opening a list item ("- Des
    formations …") starting a line of its own, as the item of a list does."""
    out: list[list[str]] = []
    for line in lines:
        if out and not _ITEM.match(line):
            out[-1].append(line)
        else:
            out.append([line])
    return [" ".join(paragraph) for paragraph in out]


def _write_row(row: list[tuple[list[str], int]], header: list[str], date: int | None,
               text: int | None, out: Reading, partner: int | None = None) -> None:
    """A row: its date cell alone on its line, its text cell below it, each other cell a
    field line "Header : value"; every line at the row's first line."""
    number = row[0][1]
    columns = _columns_of(row)
    said = [" ".join(lines) for lines in columns]
    if not any(said):
        return
    if date is not None and date < len(said) and not empty(said[date]):
        out.add(said[date], number)
    if text is not None and text < len(columns):
        for paragraph in _paragraphs(columns[text]):
            out.add(paragraph, number)
    for column, value in enumerate(said):
        if column in (date, text, partner) or empty(value):
            continue
        key = header[column] if column < len(header) else ""
        out.add(f"{key} : {value}" if key else value, number)
    out.add("", row[-1][1])  # the rows part as paragraphs do


# --- Text laid out in columns --------------------------------------------------------------

GUTTER = 2  # spaces at least between two columns
MIN_COLUMN = 20  # characters: a left column is no narrower
MIN_COLUMN_LINES = 8  # lines holding both columns, on the whole page
COLUMN_SHARE = 0.5  # of the lines that reach past the gutter: most of them hold it
_SENTENCE_END = re.compile(r"[.!?»…)]$")
_SENTENCE_STOP = re.compile(r"[.!?…:]$")  # a paragraph that ends here may end with its column
_BULLET_ITEM = re.compile(r"^[•◦▪‣*·–—-]\s")
# "22", "- 22 -", "• 22 •", "[22]", "22/40": a folio alone on its line
_PAGE_NUMBER = re.compile(r"^(?:[-–—•·|\[(] ?)?\d{1,3}(?: ?/ ?\d{1,3})?(?: ?[-–—•·|\])])?$")
# ... or in words ("Page 3 sur 8", "p. 3/8": furniture.toml's folio words), each page's own
_FURNITURE = lexicon("furniture")
_FOLIO_WORDS = "|".join(map(re.escape, _FURNITURE["folio_words"]))
_FOLIO_OF = "|".join(map(re.escape, _FURNITURE["folio_of"]))
_FOLIO = re.compile(rf"^(?:{_FOLIO_WORDS}) ?\d{{1,3}}(?: ?(?:/|{_FOLIO_OF}) ?\d{{1,3}})?$", re.IGNORECASE)
_CUT = re.compile(r"[^\W\d_]-$")  # a line ending in a word and its hyphen
_HYPHEN_END = re.compile(r"\w-$")
_GAP = re.compile(rf"(?<! ) {{{GUTTER},}}(?=[^\s|+])")  # a run of spaces tried from its first: linear
_GAP_AT = re.compile(rf" {{{GUTTER},}}")
SLACK = 2  # characters a column's line may start before the gutter
FILLED = 0.6  # of the gutter's offset: the median length of a left column's line
SHORT_LINE = 0.6  # of a column's width: a line that ends a paragraph before it is full


def _gutter(lines: list[str], least: int = MIN_COLUMN_LINES) -> int | None:
    """The offset where the right column starts: the offset most lines that reach past it
    start a text at after ``GUTTER`` spaces or more, and the lines holding both columns
    fill their left one (a column of short labels beside their texts, "2019      accueil
    de …", is a list, read line by line); ``None`` when the lines hold no two columns."""
    starts: Counter[int] = Counter()
    lefts: dict[int, list[int]] = {}
    for line in lines:  # a text after the gap, not a table's border ("|", "+")
        for found in _GAP.finditer(line):
            if len(line.rstrip()) - found.end() < MIN_COLUMN // 2 or found.end() < MIN_COLUMN:
                continue
            if found.start() >= MIN_COLUMN:  # both columns
                starts[found.end()] += 1
                lefts.setdefault(found.end(), []).append(len(line[:found.start()].strip()))
            elif found.start() == 0:  # the right column alone
                starts[found.end()] += 1
    if not starts:
        return None
    offset, count = starts.most_common(1)[0]
    reaching = sum(1 for line in lines if len(line.rstrip()) > offset)
    both = sorted(lefts.get(offset, []))
    if count < least or count < reaching * COLUMN_SHARE or len(both) < least // 2 \
            or both[len(both) // 2] < offset * FILLED:  # the median left line fills its column
        return None
    return offset


def _split(line: str, gutter: int) -> tuple[str, str] | None:
    """A line's left and right columns, cut at the gap of spaces around the gutter (a
    column's line may start or end a character or two off it), or ``None`` for a line
    that runs across the gutter (a title, a running head)."""
    if len(line.rstrip()) <= gutter - 1:
        return line.rstrip(), ""
    for gap in _GAP_AT.finditer(line):
        if gap.start() <= gutter - 1 and gap.end() >= gutter - SLACK:
            right = line[gap.end():].rstrip()
            return line[:gap.start()].rstrip(), " " * max(0, gap.end() - gutter) + right
        if gap.start() > gutter:
            break
    if not line[:gutter].strip():  # the right column alone on its line
        return "", line[gutter:].rstrip()
    return None


_NUMBERED = re.compile(r"^\s*\d{1,3}\s+\S|\S\s+\d{1,3}\s*$")  # a line with its page number
MIN_RUNNING = 2  # pages a running head or foot is repeated on, at least


def _running_lines(rows: list[str]) -> set[str]:
    """The running heads or feet of a text whose pages are not parted by form feeds
    (``pdftotext -nopgbrk``, a print's pages pasted one after the other): lines that
    carry a page number and repeat, that number aside, on several pages ("24   IVRY MA
    VILLE  N° 548  JUIN 2023", "25   IVRY MA VILLE  N° 548  JUIN 2023"). Each ends a page.

    >>> sorted(_running_lines(["12  LE JOURNAL  MARS", "texte", "13  LE JOURNAL  MARS", "2016 : puits"]))
    ['LE JOURNAL MARS']
    >>> sorted(_running_lines(["un texte", "- 2 -", "LE JOURNAL · 2024", "", "un autre", "- 3 -",
    ...                        "LE JOURNAL · 2024"]))
    ['LE JOURNAL ·']
    """
    seen = Counter(_key(row) for row in rows if _NUMBERED.search(row) and len(row) <= WRAP_WIDTH)
    # a line beside a page number alone on its own line, a folio ("— 2 —" over "IVRY · 2024",
    # a leaflet's running foot under its folio)
    written = [row for row in rows if row.strip()]
    seen.update(_key(row) for at, row in enumerate(written) if len(row) <= WRAP_WIDTH and any(
        0 <= at + step < len(written) and _PAGE_NUMBER.match(" ".join(written[at + step].split()))
        for step in (-1, 1)))
    return {key for key, count in seen.items() if count >= MIN_RUNNING and key != "#"
            and any(c.isalpha() for c in key)}


def _key(line: str) -> str:
    """A line as a running head or foot repeats it: without its page number, a page
    number alone any page's ("#"; four digits alone are a year, an entry's label)."""
    words = " ".join(line.split())
    if _PAGE_NUMBER.match(words) or _FOLIO.match(words):
        return "#"
    return re.sub(r"^\d{1,4}\s+|\s+\d{1,4}$", "", words)


def _columns(numbered: list[tuple[str, int]]) -> Reading | None:
    """The page read column by column, page by page; ``None`` when it has no columns."""
    pages: list[list[tuple[str, int]]] = [[]]
    running = _running_lines([row for row, _ in numbered]) if not any("\f" in row for row, _ in numbered) \
        else set()
    for row, number in numbered:
        parts = row.expandtabs().split("\f")
        pages[-1].append((parts[0], number))
        for part in parts[1:]:
            pages.append([(part, number)])
        if running and _key(row) in running:  # a page's running head or foot: the page ends
            pages.append([])
    # the page has columns when all its lines together or one of its pages hold a gutter;
    # each page is cut at its own (a page may sit a few characters off the others), else at
    # that one
    whole = _gutter([row for page in pages for row, _ in page])
    if whole is None:
        found = Counter(g for page in pages if (g := _gutter([row for row, _ in page])) is not None)
        if not found:
            return _one_column(pages)
        whole = found.most_common(1)[0][0]
    gutters = [_gutter([row for row, _ in page], MIN_COLUMN_LINES // 2) for page in pages]
    return _read_pages(pages, gutters, whole)


# A PDF's text extracted in reading order (pdftotext without -layout): one column a page,
# its pages parted by form feeds, its lines cut at the column's width.
MIN_PAGES = 2
WRAP_WIDTH = 100  # characters: no line of a column is wider (markdown.WRAP_WIDTH)
WIDER_LINES = 2  # lines of a page wider than a column, at most
# ... or this share of its written lines: a minutes' or a report's titles in capitals run
# on unwrapped past its paragraphs' width ("5. RELATIONS INTERNATIONALES – RAPPORT SUR …"),
# a few in a long text; a text whose paragraphs are never wrapped has most of its lines wider
WIDER_SHARE = 0.1
FULL_LINES = 0.5  # of a page's written lines: as wide as most of its lines, give or take


def _one_column(pages: list[list[tuple[str, int]]]) -> Reading | None:
    """A PDF's text in one column a page (``pdftotext`` without ``-layout``, a print's
    text saved page by page): pages parted by form feeds, lines no wider than
    :data:`WRAP_WIDTH`, most of them filling their page's width, so that a paragraph is
    its lines joined. Read as a column of the layout in columns is (its running heads and
    feet furniture, its paragraphs joined across the pages' breaks); ``None`` for any
    other page."""
    if len(pages) < MIN_PAGES:
        return None
    rows = [row.rstrip() for page in pages for row, _ in page if row.strip()]
    # a line or two wider (a print's credits at its foot, set in small type) cut no column
    wider = sum(1 for row in rows if len(row) > WRAP_WIDTH)
    if not rows or wider > max(WIDER_LINES, len(rows) * WIDER_SHARE):
        return None
    widths = sorted(len(row) for row in rows)
    width = widths[len(widths) * 9 // 10]  # most lines' width, a few longer titles aside
    if sum(1 for w in widths if w >= width * 3 // 4) < len(rows) * FULL_LINES:
        return None
    return _read_pages(pages, [None] * len(pages), WRAP_WIDTH + 1)


def _read_pages(pages: list[list[tuple[str, int]]], gutters: list[int | None], whole: int) -> Reading:
    """The pages read column by column, each at its gutter (else at ``whole``)."""
    furniture = _furniture(pages) if len(pages) > 1 else set()
    out = Reading()
    runs: list[list[tuple[str, int]]] = []  # each column's lines, and each line across them
    for page, gutter in zip(pages, gutters, strict=True):
        edges = _edges(page)
        kept = []
        for at, (row, number) in enumerate(page):
            if at in edges and _key(row) in furniture:
                out.aside.append((FURNITURE, " ".join(row.split())))
            else:
                kept.append((row, number))
        runs += _runs(kept, gutter or whole)
    for run in runs:
        _paragraphs_of(_without_key_figures(run, out), out)
    out.settle()
    return out


# A box of key figures a print sets in its text ("6" / "villes et territoires partenaires",
# "1963" / "premier jumelage", "300 000 €" / "le coût estimé du projet"): figures alone on
# their lines, each over the words of what it counts, a few in a row. Its figures are
# counters, no entry, no head count and no amount of one; most are no year (a list of
# years each over its text is a list of entries).
KEY_FIGURES = "box of key numbers of a print (a number alone on its line, over what it counts)"
MIN_FIGURES = 3
MAX_CAPTION = 80  # characters: what a figure counts is a few words
_FIGURE = re.compile(r"^(?:[<>~≈+]\s?)?(?:\d{1,3}(?:[\s\u00a0\u202f.]\d{3})+|\d{1,4})(?:,\d+)?"
                     r"\s?(?:%|‰|[kKM]?€)?$")
_YEAR_ALONE = re.compile(r"^(?:1[89]|20)\d\d$")


def _counts(line: str) -> bool:
    """A line saying what the figure above it counts: a few words in small letters that
    end no sentence ("villes et territoires partenaires")."""
    return line[:1].islower() and len(line) <= MAX_CAPTION and not _SENTENCE_END.search(line)


def _without_key_figures(run: list[tuple[str, int]], out: Reading) -> list[tuple[str, int]]:
    """A column's lines without its boxes of key figures (and the title in capitals
    above one, "EN CHIFFRES"), each set aside and reported; their lines left blank."""
    written = [i for i, (row, _) in enumerate(run) if row.strip()]
    drop: set[int] = set()
    k = 0
    while k < len(written):
        j = k
        while j + 1 < len(written) and _FIGURE.match(run[written[j]][0].strip()) \
                and _counts(run[written[j + 1]][0].strip()):
            j += 2
        figures = written[k:j:2]
        years = sum(1 for i in figures if _YEAR_ALONE.match(run[i][0].strip()))
        if len(figures) >= MIN_FIGURES and years * 2 <= len(figures):
            if k and _capitals(run[written[k - 1]][0].strip()):
                drop.add(written[k - 1])
            drop.update(written[k:j])
        k = max(j, k + 1)  # each line is looked at once or twice: linear
    if not drop:
        return run
    out.aside.append((KEY_FIGURES, " ".join(" ".join(run[i][0].split()) for i in sorted(drop))))
    return [("", n) if i in drop else (row, n) for i, (row, n) in enumerate(run)]


MAX_COLUMNS = 4  # side by side on a page: a magazine's page holds three at most


def _runs(page: list[tuple[str, int]], gutter: int, depth: int = 1) -> list[list[tuple[str, int]]]:
    """A page's lines as runs in reading order: its left column's lines then its right
    one's, each cut again at a gutter of its own (three columns side by side), a line
    across them ending the columns above it (a title, a standfirst)."""
    runs: list[list[tuple[str, int]]] = []
    left: list[tuple[str, int]] = []
    right: list[tuple[str, int]] = []
    for row, number in page:
        halves = _split(row, gutter)
        if halves is None:  # across the columns: the columns above end here
            runs += [*_sides(left, right, depth), [(row.strip(), number), ("", number)]]
            left, right = [], []
            continue
        left.append((halves[0], number))
        right.append((halves[1], number))
    return runs + _sides(left, right, depth)


def _sides(left: list[tuple[str, int]], right: list[tuple[str, int]],
           depth: int) -> list[list[tuple[str, int]]]:
    """The left and right columns of a page's lines, each in columns again when it holds
    a gutter of its own."""
    runs: list[list[tuple[str, int]]] = []
    for side in (left, right):
        inner = _gutter([row for row, _ in side], MIN_COLUMN_LINES // 2) if depth < MAX_COLUMNS - 1 else None
        runs += _runs(side, inner, depth + 1) if inner else [side]
    return runs


EDGE_LINES = 2  # written lines at a page's top and at its foot where its furniture is


def _edges(page: list[tuple[str, int]]) -> set[int]:
    """The indices of the first and the last written lines of a page."""
    written = [at for at, (row, _) in enumerate(page) if row.strip()]
    return set(written[:EDGE_LINES] + written[-EDGE_LINES:])


def _furniture(pages: list[list[tuple[str, int]]]) -> set[str]:
    """The lines repeated among the first or the last lines of several pages (a running
    head, a credit, a page number alone): set aside where they are such lines, never in
    a page's body."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(page[at][0]) for at in _edges(page)})
    return {key for key, count in seen.items() if count > 1 and key}


def _paragraphs_of(column: list[tuple[str, int]], out: Reading) -> None:
    """A column's lines added to ``out``, each paragraph on one line at the number of its
    first line: a line goes on with the one above unless a blank line parts them, it opens
    a list item, one of the two is in capitals and the other not (a heading over its
    paragraph), or the line above ended its sentence and either ended it well before the
    column's edge or the line is indented or opens with a date label (a new paragraph with
    no blank line above it). A word cut by a hyphen at a line's end is joined ("accom-" /
    "pagnement"), a compound cut after its hyphen keeps it ("Ivry-sur-" / "Seine"), as the
    HTML reader joins a print's lines. The column's first line goes on with the paragraph
    the column before ended when that one ended within a sentence and either the line
    opens with a small letter or the line above it filled its column, and the line opens
    no list item, no label and no heading (the paragraph runs on from the foot of a column
    to the head of the next one, on the next page maybe)."""
    written = [(row, n) for row, n in column if row.strip()]
    if not written:
        return
    width = max(len(row.rstrip()) for row, _ in column)
    indent = min(len(row) - len(row.lstrip()) for row, _ in written)
    first = next(i for i, (row, _) in enumerate(column) if row.strip())
    last = max(i for i, (row, _) in enumerate(column) if row.strip())
    above = ""
    opening = column[first][0].strip()
    if out.rows and out.rows[-1] and out.last and not _SENTENCE_STOP.search(out.last) \
            and (opening[:1].islower() or out.full) and not _BULLET_ITEM.match(opening) \
            and _capitals(out.last) == _capitals(opening) and not _labelled(opening):
        above = out.last  # the paragraph goes on from the column before
    elif out.rows and out.rows[-1]:
        out.add("", column[first][1])
    for row, number in column[first:last + 1]:
        line = row[indent:].rstrip()
        text = line.strip()
        if not text:
            if above:
                out.add("", number)
            above = out.last = ""
            continue
        ended = bool(_SENTENCE_END.search(above))
        if above and not _BULLET_ITEM.match(text) and _capitals(above) == _capitals(text) \
                and not (ended and (len(above) < width * SHORT_LINE or len(line) - len(line.lstrip()) > 0
                                    or _labelled(text))):
            if _CUT.search(above) and text[:1].islower():  # a word cut at the line's end
                out.drop_hyphen()
            out.extend(text if _HYPHEN_END.search(above) else f" {text}")  # "2010-" / "2012"
        else:
            out.add(text, number)
        above = out.last = text
        out.full = len(line) >= width * SHORT_LINE


def _labelled(text: str) -> bool:
    """A line that opens with an entry's date label ("2016 : …", "Mai 2018 – …", "Au
    printemps dernier : …", a label the grammar reads or not)."""
    found = split_any_label(text)
    return found is not None


def _capitals(text: str) -> bool:
    """A line in capitals that is no sentence: a heading's ("DIANGUIRDÉ (MALI)"), not an
    acronym ending a sentence ("(RASD).")."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and not text.endswith(".")


# --- A chronology set with hanging indents ---------------------------------------------------

# A column of labels beside their texts, the texts' lines wrapped under the first one at the
# same indent ("2010-2012         Mise en oeuvre du projet" / "                  « BarUmWalz »
# pour …"): a typed or exported chronology, a text-mode definition list.
_HANGING_LABEL = re.compile(rf"^ {{0,4}}(?P<label>\S(?:.*?\S)?)(?: {{{GUTTER},}}|(?<=:) )(?=\S)")
HANGING_LABEL = 40  # characters: a label in the left column, or alone above its text, at most
MIN_HANGING = 3  # rows of a hanging list whose text wraps under its first line, at least
MIN_INDENT = 6  # characters: the text's column is no nearer the margin
LABEL_INDENT = 4  # characters a label may stand off the margin ("  2016      Accueil …")


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip(" "))


def _hanging_column(rows: list[str]) -> int | None:
    """The column where a hanging list's texts start: the offset most lines opening with a
    short label reach their text at after two spaces or more, where the next line goes on
    at that indent (its text wrapped) for ``MIN_HANGING`` rows or more, and most labels are
    dates; ``None`` when the page holds no such list."""
    wrapped: Counter[int] = Counter()
    dated: Counter[int] = Counter()
    for row, below in pairwise([*rows, ""]):
        found = _HANGING_LABEL.match(row)
        if found is None or len(found["label"]) > HANGING_LABEL or found.end() < MIN_INDENT \
                or _indent(below) != found.end():
            continue
        wrapped[found.end()] += 1
        dated[found.end()] += dated_label(_label(found["label"]))
    if not wrapped:
        return None
    column, count = wrapped.most_common(1)[0]
    return column if count >= MIN_HANGING and dated[column] * 2 > count else None


def _hanging(numbered: list[tuple[str, int]]) -> Reading | None:
    """The page with each row of its hanging list read as a bordered table's row is: its
    label alone on its line, then each paragraph of its text on one line (a bullet of it an
    item of its own, a word cut by its hyphen whole again), a blank line after the row. A
    label too wide for its column stands alone on the line above its text ("sem. du
    12/03/2018" over "                  Semaine de la Palestine …"); a paragraph indented
    at the text's column after a blank line goes on with the row (an undated paragraph of
    the entry). Every other line is left as it is. ``None`` when the page holds no such
    list."""
    rows = _untabbed([row for row, _ in numbered])
    column = _hanging_column(rows)
    if column is None:
        return None
    out = Reading()
    index = 0
    while index < len(rows):
        row, number = rows[index], numbered[index][1]
        found = _HANGING_LABEL.match(row)
        below = rows[index + 1] if index + 1 < len(rows) else ""
        if found is not None and found.end() == column and len(found["label"]) <= HANGING_LABEL:
            label, first = _label(found["label"]), row[column:]
        elif row.strip() and _indent(row) <= LABEL_INDENT and len(row.strip()) <= HANGING_LABEL \
                and _indent(below) == column and below.strip():
            label, first = _label(row.strip()), ""
        else:
            out.add(row, number, made=False)
            index += 1
            continue
        out.add(label, number)
        paragraphs: list[tuple[list[str], int]] = [([first.strip()], number)] if first.strip() else []
        index += 1
        while index < len(rows):
            line = rows[index]
            if line.strip() and _indent(line) >= column:
                if not paragraphs:
                    paragraphs.append(([], numbered[index][1]))
                paragraphs[-1][0].append(line.strip())
                index += 1
                continue
            after = next((k for k in range(index, len(rows)) if rows[k].strip()), None)
            if not line.strip() and after is not None and _indent(rows[after]) == column:
                paragraphs.append(([], numbered[after][1]))
                index = after
                continue
            break
        for lines_of, at in paragraphs:
            for paragraph in _paragraphs(_unhyphenated(lines_of)):
                out.add(paragraph, at)
        out.add("", numbered[index - 1][1])
    return out


_TABBED = re.compile(r"^(?P<label>[^\t\s][^\t]{0,39}?)\t+(?=\S)")


def _untabbed(rows: list[str]) -> list[str]:
    """The lines with their tabs as spaces; a label parted from its text by a tab, and a
    text's next lines opening on a tab ("2016\tAccueil de …" / "\tdu comité"), set in
    one column after the widest such label, where a tab's stop would put each text at
    its own (a label of 7 characters and one of 11 end on two stops of 8)."""
    if not any(row[:1] == "\t" and row[1:2].strip() for row in rows):
        return [row.expandtabs() for row in rows]
    labels = [found["label"].rstrip() for row in rows if (found := _TABBED.match(row))]
    if not labels:
        return [row.expandtabs() for row in rows]
    column = max(len(label) for label in labels) + GUTTER
    out = []
    for row in rows:
        if row[:1] == "\t" and row.strip():
            out.append(" " * column + row.lstrip("\t").expandtabs())
        elif found := _TABBED.match(row):
            out.append(found["label"].rstrip().ljust(column) + row[found.end():].expandtabs())
        else:
            out.append(row.expandtabs())
    return out


def _label(text: str) -> str:
    """A label of the left column without the colon that parts it from its text ("2016 :")."""
    return text.removesuffix(":").rstrip()


def _unhyphenated(lines_of: list[str]) -> list[str]:
    """A paragraph's lines with each word cut by a hyphen at a line's end whole again
    ("accom-" / "pagnement"), a compound cut after its hyphen kept ("Brandebourg-sur-" /
    "la-Havel"): the line below joined to the one above."""
    out: list[str] = []
    for line in lines_of:
        if out and _HYPHEN_END.search(out[-1]) and not _ITEM.match(line):
            cut = _CUT.search(out[-1]) and line[:1].islower() and "-" not in out[-1].rsplit(" ", 1)[-1][:-1]
            out[-1] = (out[-1][:-1] if cut else out[-1]) + line
        else:
            out.append(line)
    return out
