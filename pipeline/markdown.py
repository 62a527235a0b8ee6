"""A text page written in Markdown (a static site's source: Hugo, Jekyll, Decap CMS) read
as the text reader reads any text page, line by line, once its markup is taken off.

Why here rather than a Markdown renderer (markdown-it-py, measured on such a page): a
renderer lays the page out again as HTML, so every ``source_line`` would point into a
text the release would have to make up rather than into the page's own file; it reads
"2003. Accueil de jeunes" as an ordered list numbered 2003 and drops the date that labels
the entry; and footnotes and front matter need plugins of their own. The markup a CMS
writes on such a page is small and line-shaped, so each line is read in place and keeps
its number: the page's file is the text the release ships.

What is taken off, line by line, and what becomes of it:

- the front matter between two ``---`` (YAML) or ``+++`` (TOML) lines at the top, and
  HTML comments (an editor's note, maybe dated): set aside and reported, never read;
- image lines (``![alt](src "title")``), footnote definitions (``[^1]: …``) and link
  definitions (``[ref]: url``): set aside and reported;
- ``#`` headings and setext underlines (``===``, ``---``): headings at their level;
- emphasis (``**2016** :``, ``_…_``), links (their words, not their address, which may
  hold years: ``…/2005/mehr-licht-2004-2006``), inline code, footnote markers, inline HTML
  tags, escapes and quotes (``> ``): the words alone;
- thematic breaks (``---`` after a blank line): a blank line.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

# The top of a page that opens with front matter, and its closing line.
_FENCES = ("---", "+++")
_ATX = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_BREAK = re.compile(r"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
# Every span is bounded (``SPAN`` characters): a line of a million unclosed marks costs
# linear time, not quadratic (tests/test_hostile_pages.py's kind of page).
SPAN = 500
_IMAGE_LINE = re.compile(rf"^!\[[^\]]{{0,{SPAN}}}\]\([^)]{{0,{SPAN}}}\)\s*$")
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^[^\]]{1,100}\]:\s*")
_LINK_DEFINITION = re.compile(rf"^\[[^\]^][^\]]{{0,{SPAN}}}\]:\s*\S+")
_IMAGE = re.compile(rf"!\[([^\]]{{0,{SPAN}}})\]\([^)]{{0,{SPAN}}}\)")
_LINK = re.compile(rf"\[([^\]^][^\]]{{0,{SPAN}}})\](?:\([^)]{{0,{SPAN}}}\)|\[[^\]]{{0,{SPAN}}}\])")
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]]{1,100}\]")
_AUTOLINK = re.compile(rf"<((?:https?|mailto):[^>\s]{{1,{SPAN}}})>")
_TAG = re.compile(rf"</?[A-Za-z][^<>]{{0,{SPAN}}}>")
_STRONG = re.compile(rf"(\*\*|__)(?=\S)(.{{1,{SPAN}}}?)(?<=\S)\1")
_EMPHASIS = re.compile(rf"(?<![\w*])([*_])(?=\S)(.{{1,{SPAN}}}?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(rf"`([^`]{{0,{SPAN}}})`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_QUOTE = re.compile(r"^(?:>\s?)+")
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"
EMPHASIS_LAYERS = 3  # bold in italics in bold: no page nests more
# How many "#" headings make a text page a Markdown one (a text page may hold one line
# opening with "#" by chance, never two headings).
MARKDOWN_HEADINGS = 2

FRONT_MATTER = "front matter of the page's Markdown source (its metadata)"
COMMENT = "comment in the page's Markdown source"
IMAGE = "image of the page's Markdown source (its text and title)"
FOOTNOTE = "footnote of the page's Markdown source"
LINK_DEFINITION = "link definition of the page's Markdown source"


def _front_matter_end(rows: list[str]) -> int | None:
    """The index of the line closing the front matter, when the page opens with one."""
    first = next((i for i, row in enumerate(rows) if row.strip()), None)
    if first is None or rows[first].strip() not in _FENCES:
        return None
    fence = rows[first].strip()
    return next((i for i in range(first + 1, len(rows)) if rows[i].strip() == fence), None)


def is_markdown(rows: list[str]) -> bool:
    """A text page written in Markdown: it opens with front matter, or it has at least
    :data:`MARKDOWN_HEADINGS` ``#`` or underlined (setext) headings, or it is quoted as a
    forwarded e-mail quotes it (``> `` on most of its lines: :func:`quoted`).

    >>> is_markdown(["---", "title: Jumelages", "---", "Texte"]), is_markdown(["# Un", "## Deux"])
    (True, True)
    >>> is_markdown(["Jumelages", "#1 de la liste", "Tombouctou (Mali)"])
    False
    """
    if _front_matter_end(rows) is not None:
        return True
    return sum(1 for row in rows if _ATX.match(row.strip())) >= MARKDOWN_HEADINGS \
        or _underlined(rows) >= MARKDOWN_HEADINGS or quoted(rows)


# An underline of a setext heading: three marks at least, so that an e-mail's signature
# delimiter ("--") is none.
_UNDERLINE = re.compile(r"^(?:>\s?)*(?:={3,}|-{3,})\s*$")
# How many of a page's written lines a forwarded e-mail quotes: most of them (its header and
# the forwarder's note are the others).
QUOTED_SHARE = 0.5


def _underlined(rows: list[str]) -> int:
    """How many lines of text the page underlines as setext headings ("Dianguirdé (Mali)"
    over "-----------------"): a line of text, then its underline."""
    return sum(1 for above, row in pairwise(rows)
               if _UNDERLINE.match(row.strip()) and _QUOTE.sub("", above.strip()).strip()
               and not _UNDERLINE.match(above.strip()))


def quoted(rows: list[str]) -> bool:
    """A page forwarded by e-mail and published as is: most of its written lines are quoted
    (``> ``), the forwarder's note and the message's header above them.

    >>> quoted(["Bonjour,", "", "> Titre", "> =====", ">", "> Texte", "> suite"])
    True
    >>> quoted(["> cité", "a", "b"])
    False
    """
    written = [row for row in rows if row.strip()]
    cited = sum(1 for row in written if row.lstrip().startswith(">"))
    return bool(written) and cited > QUOTED_SHARE * len(written)


# The widest a hard-wrapped text's lines are (an e-mail's text part: 72 characters, 78 at
# most by RFC 5322; a newsletter's: 70 or 80; a PDF's text: some 110 to 120): a page of
# longer lines is not wrapped.
WRAP_WIDTH = 130
MIN_WRAPPED = 3
_ITEM = re.compile(r"^(?:[-*+•–]|\d{1,2}[.)])\s")


def wrapped(rows: list[str]) -> set[int]:
    """The lines (numbered from 1) that go on with the line above because the text was
    hard-wrapped (an e-mail's or a newsletter's text part, cut at 70 or 72 columns): the
    line above ended there only because the next word did not fit in the width its
    paragraph's lines fill. The width is that of the widest line followed by another of the
    same quoting; a line that opens a list item or a heading, or follows a blank line, goes
    on with nothing.

    >>> rows = ["> Le jumelage entre les deux villes", "> permet depuis longtemps des échanges",
    ...         "> entre jeunes, des visites de classes", "> et de chorales.", ">",
    ...         "> * 2003 : accueil de six jeunes", ">   pendant trois semaines."]
    >>> sorted(wrapped(rows))
    [2, 3, 4, 7]
    >>> sorted(wrapped(["Une ligne courte.", "Une autre ligne, plus longue que la première."]))
    []
    """
    width: dict[bool, int] = {}
    pairs = []
    for number in range(1, len(rows)):
        above, row = rows[number - 1].rstrip(), rows[number].rstrip()
        body_above, body = _QUOTE.sub("", above.strip()), _QUOTE.sub("", row.strip())
        if not body_above.strip() or not body.strip() or _ITEM.match(body.strip()) \
                or _UNDERLINE.match(row.strip()) or _UNDERLINE.match(above.strip()) \
                or above.lstrip().startswith(">") != row.lstrip().startswith(">"):
            continue
        kind = row.lstrip().startswith(">")
        width[kind] = max(width.get(kind, 0), len(above))
        pairs.append((number + 1, kind, len(above), len(_first_unit(body.strip()))))
    # a line of the page longer than a wrap's width: the page is not wrapped
    widest = {kind: max((len(row.rstrip()) for row in rows if row.lstrip().startswith(">") == kind),
                        default=0) for kind in width}
    full = {kind: sum(1 for _, k, n, _ in pairs if k == kind and n > width[kind] * 3 // 4)
            for kind in width}
    joined = [(line, kind) for line, kind, length, word in pairs  # many lines filled: wrapped
              if widest[kind] <= WRAP_WIDTH and full[kind] > 2 and length + 1 + word > width[kind]]
    # a text hard-wrapped wraps many of its lines: one or two lines ended near the widest
    # are a page of short lines, each a paragraph
    counts = Counter(kind for _, kind in joined)
    # in a text so wrapped, a line filled to near the width that stops mid-sentence (on a
    # word or a comma) before a line opening in lower case goes on with it too, whatever
    # the width left: a wrap by hand, or a wrapper that counts its width otherwise, left
    # that room ("… signé en 2012 entre" / "Ivry-sur-Seine, …, la bibliothèque" / "du
    # centre social …")
    mid = {number for number, kind, length, _ in pairs
           if counts[kind] >= MIN_WRAPPED and length > width[kind] * 3 // 4
           and _MID_SENTENCE.search(rows[number - 2].rstrip()) and _LOWER_START.match(
               _QUOTE.sub("", rows[number - 1].strip()).strip())}
    return {line for line, kind in joined if counts[kind] >= MIN_WRAPPED} | mid


_MID_SENTENCE = re.compile(r"(?:\w|,)$")  # a line that stops on a word or a comma
_LOWER_START = re.compile(r"[a-zà-ÿœæ]")  # a line that opens in lower case


# French typography's spaced marks stay with their word: a guillemet opens no line's end
# and a closing mark, a colon or a semicolon opens no line ("« BarUmWalz »", "Licht » …")
_FIRST_UNIT = re.compile(r"(?:«\s*)?\S+(?:\s+[»:;!?](?!\S))?")


def _first_unit(body: str) -> str:
    """The first word of a line as a wrap moves it whole: with the guillemet before it
    and the spaced mark after it, as French typography binds them.

    >>> _first_unit("« BarUmWalz » pour favoriser"), _first_unit("Licht » entre"), _first_unit("des cours")
    ('« BarUmWalz »', 'Licht »', 'des')
    """
    found = _FIRST_UNIT.match(body)
    return found.group() if found else body.split(maxsplit=1)[0]


def inline(text: str) -> str:
    """A line's words without their inline markup.

    >>> inline("**2004-2006** : projet [« Mehr Licht »](https://x.fr/2005/a-2004-2006)[^1]")
    '2004-2006 : projet « Mehr Licht »'
    >>> inline(r"*Publié dans* [Solidarité](/c/) · 3 \\* 4 et snake_case_name")
    'Publié dans Solidarité · 3 * 4 et snake_case_name'
    """
    text = _IMAGE.sub("", text)
    text = _FOOTNOTE_MARK.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _CODE.sub(r"\1", text)
    for _ in range(EMPHASIS_LAYERS):  # "***gras et italique***": one layer a pass
        text = _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", text))
    text = _ESCAPE.sub(r"\1", text)
    return text.rstrip("\\").rstrip()


def plain_lines(rows: list[str]) -> tuple[list[str], dict[int, int], list[tuple[str, str]]]:
    """The page's lines without their markup (as many lines, each at its number), the
    headings its markup declares (line number from 1 -> level), and what was set aside
    (why, its text) for the run report.

    >>> rows = ["---", "date: 2024-03-12", "---", "<!-- màj 2025 -->", "# Titre", "",
    ...         "## Tombouctou (Mali)", "**2016** : accueil.[^1]", "", "[^1]: Note du 3 mai 2020."]
    >>> plain, levels, aside = plain_lines(rows)
    >>> plain
    ['', '', '', '', 'Titre', '', 'Tombouctou (Mali)', '2016 : accueil.', '', '']
    >>> levels, [why.split()[0] for why, _ in aside]
    ({5: 1, 7: 2}, ['front', 'comment', 'footnote'])
    """
    plain = [""] * len(rows)
    levels: dict[int, int] = {}
    aside: list[tuple[str, str]] = []
    start = 0
    end = _front_matter_end(rows)
    if end is not None:
        aside.append((FRONT_MATTER, " ".join(r.strip() for r in rows[:end + 1] if r.strip() not in _FENCES)))
        start = end + 1
    comment: list[str] | None = None
    for index in range(start, len(rows)):
        row = rows[index]
        if comment is not None or _COMMENT_OPEN in row:
            row, comment = _without_comments(row, comment, aside)
            if not row.strip():
                continue
        line = _QUOTE.sub("", row.strip())
        if not line:
            continue
        if (setext := _SETEXT.match(line)) and index > start and plain[index - 1] \
                and index not in levels and not rows[index - 1].lstrip().startswith(("-", "*", "+")):
            levels[index] = 1 if setext.group(1)[0] == "=" else 2
            continue
        if _BREAK.match(line):
            continue
        if _IMAGE_LINE.match(line):
            aside.append((IMAGE, " ".join(m.group(0) for m in re.finditer(r"[^()\[\]!]+", line))[:200]))
            continue
        if _FOOTNOTE_DEFINITION.match(line):
            aside.append((FOOTNOTE, inline(_FOOTNOTE_DEFINITION.sub("", line))))
            continue
        if _LINK_DEFINITION.match(line):
            aside.append((LINK_DEFINITION, line))
            continue
        if heading := _ATX.match(line):
            plain[index] = inline(heading.group(2))
            if plain[index]:
                levels[index + 1] = len(heading.group(1))
            continue
        plain[index] = inline(line)
    return plain, levels, aside


def _without_comments(row: str, comment: list[str] | None,
                      aside: list[tuple[str, str]]) -> tuple[str, list[str] | None]:
    """The row without the HTML comments it opens, holds or closes (a comment may run
    over several lines: ``comment`` is the part read so far), each comment set aside."""
    kept: list[str] = []
    while row:
        if comment is not None:
            close = row.find(_COMMENT_CLOSE)
            if close < 0:
                comment.append(row.strip())
                return "".join(kept), comment
            comment.append(row[:close].strip())
            aside.append((COMMENT, " ".join(c for c in comment if c)))
            comment, row = None, row[close + len(_COMMENT_CLOSE):]
            continue
        opening = row.find(_COMMENT_OPEN)
        if opening < 0:
            kept.append(row)
            break
        kept.append(row[:opening])
        comment, row = [], row[opening + len(_COMMENT_OPEN):]
    return "".join(kept), comment
