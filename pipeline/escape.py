"""Page text made harmless for each place it lands, other than HTML (Jinja2 autoescapes
that) and spreadsheets (the workbook writes it as text cells, never through type guessing).

The page is written by people and fetched over the network: whatever it says may contain
Markdown, raw HTML, terminal control sequences or a ``javascript:`` address. What the
release shows of it must read as the same text, never act.
"""

from __future__ import annotations

import re

from .direction import SHOWN, visible

# Characters with a meaning anywhere in a line of Markdown (code, emphasis, links and
# images, table cells, backslash itself), escaped with a backslash, which both CommonMark
# and Python-Markdown (CKAN) honour before these; and what opens a block at the start of a
# line (heading, list, quote, setext underline), escaped only there, so that dates and
# decimals stay readable in the Markdown source.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_BLOCK_START = re.compile(r"^(\s*(?:[#+\-=]|\d{1,9}(?=[.)])))")
# What a renderer makes a link or a strike of by itself, with no Markdown syntax: GitHub's
# autolinks (a scheme's "://", "www.", an e-mail address), CKAN's auto_link of the rendered
# HTML, GitHub's "~~strike~~". Written as character references, which show the same
# character and match no such rule (a backslash would stay visible in Python-Markdown).
_AUTOLINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?<=\b[Ww]{3})(\.)|[@~]")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_HTML = re.compile(r"[&<>]")
# (?<!\s): a run of white space is tried once, at its start, not from each of its spaces
# (1 MB of spaces took minutes).
_LINE_BREAK = re.compile(r"(?<!\s)\s*[\r\n\u2028\u2029]+\s*")
# C0 and C1 control characters (ESC, BEL, backspace, CSI…) and the bidirectional
# controls (embeddings, overrides, isolates, marks: pipeline/direction.py), which can make
# a terminal show other text than it holds.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def markdown(text: object, line_start: bool = False) -> str:
    """``text`` as literal Markdown: no HTML, link (autolinks included), emphasis, strike or
    table cell boundary can come out of it, and it stays on one line; with ``line_start``,
    for text that begins a line, no heading or list either. A text direction control is
    shown as ``⟨U+202E⟩`` (``pipeline/direction.py``): it can neither reorder the line nor
    hide.

    >>> print(markdown("<script>alert(1)</script> *gras* [lien](javascript:x) | 2003-2014"))
    &lt;script&gt;alert(1)&lt;/script&gt; \\*gras\\* \\[lien\\](javascript:x) \\| 2003-2014
    >>> print(markdown("# Titre\\n- puce", line_start=True), markdown("1. un", line_start=True))
    \\# Titre - puce 1\\. un
    >>> print(markdown("1.0.2"), markdown("2016 : lancement", line_start=True))
    1.0.2 2016 : lancement
    >>> print(markdown("voir https://exemple.org/x, www.exemple.org, a@exemple.org ~~non~~"))
    voir https&#58;//exemple.org/x, www&#46;exemple.org, a&#64;exemple.org &#126;&#126;non&#126;&#126;
    >>> print(markdown("Brandenburg\u202eLEVAH \u2066x\u2069"))
    Brandenburg⟨U+202E⟩LEVAH ⟨U+2066⟩x⟨U+2069⟩
    """
    flat = visible(_LINE_BREAK.sub(" ", str(text)))
    escaped = _HTML.sub(lambda m: _HTML_SPECIAL[m.group()], flat)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    escaped = _AUTOLINK.sub(lambda m: f"&#{ord(m.group())};", escaped)
    if not line_start:
        return escaped
    return _BLOCK_START.sub(lambda m: m.group() + "\\" if m.group()[-1].isdigit() else
                            m.group()[:-1] + "\\" + m.group()[-1], escaped)


# For text read as text as often as rendered (the change log: a text view, a `git diff`,
# data.gouv.fr's .md served as text/plain): only what CommonMark or GitHub's renderer would
# act on is escaped, with a backslash (one character, where a character reference is five):
# HTML's "<" (as "&lt;", so that no "<script" is left even in the source) and an entity's
# "&", code, emphasis and links ("*", "[", "]", "`", "\\"),
# strikes ("~"), an underscore only where it could open or close emphasis (not inside a word
# such as action_people), and GitHub's autolinks, by the one character they need: the ":"
# of "://", the "." of "www." and the "@" of an e-mail address.
_TEXT_SPECIAL = re.compile(r"[\\`*\[\]~]|&(?=#?\w+;)|(?<![^\W_])_|_(?![^\W_])")
_TEXT_AUTOLINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?<=\b[Ww]{3})(\.)|(?<=\w)(@)(?=\w)")


def markdown_text(text: object) -> str:
    """``text`` as literal Markdown that still reads as plain text: no HTML, link
    (GitHub's autolinks included), emphasis or strike can come out of it, on one line, and
    only the characters that could act are escaped.

    >>> print(markdown_text("<script>x</script> *gras* [lien](javascript:x) ~~b~~ a_b _c_"))
    &lt;script>x&lt;/script> \\*gras\\* \\[lien\\](javascript:x) \\~\\~b\\~\\~ a_b \\_c\\_
    >>> print(markdown_text("https://exemple.org/x_y, www.exemple.org, a@exemple.org, R&D &amp;"))
    https\\://exemple.org/x_y, www\\.exemple.org, a\\@exemple.org, R&D \\&amp;
    """
    flat = visible(_LINE_BREAK.sub(" ", str(text)))  # a direction control shown, never acting
    escaped = _TEXT_SPECIAL.sub(lambda m: "\\" + m.group(), flat).replace("<", "&lt;")
    return _TEXT_AUTOLINK.sub(lambda m: "\\" + m.group(), escaped)


def terminal(text: object) -> str:
    """``text`` safe to print on a terminal: control characters shown as ``\\x1b``-style
    escapes, so that page text cannot move the cursor, recolour or retitle the terminal.

    >>> terminal("Brandebourg\\x1b[2J\\u202eevil")
    'Brandebourg\\\\x1b[2J\\\\u202eevil'
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def web_address(url: object) -> str | None:
    """``url`` in its public form (``sources.public_url``: no password, token or session)
    when it is an ``http`` or ``https`` address a reader may follow, else None (a
    ``javascript:``, ``data:`` or ``file:`` address is never made a link).

    >>> web_address("https://www.example.org/page"), web_address("javascript:alert(1)")
    ('https://www.example.org/page', None)
    >>> web_address("https://www.example.org/page;jsessionid=A1?sessid=9&page=2")
    'https://www.example.org/page?page=2'
    """
    from .sources import public_url

    text = public_url(str(url or ""))
    if re.fullmatch(r"https?://[^\s\"'<>\\]+", text):
        return text
    return None


def markdown_code(text: object) -> str:
    """A Markdown code span of ``text`` (a code, a date label, an id); text a code span
    cannot hold as it is (a backtick, a line break, a text direction control, which would
    act inside the span) is escaped with :func:`markdown` instead.

    >>> markdown_code("amount_eur"), markdown_code("a`b"), markdown_code("x\u202ey")
    ('`amount_eur`', 'a\\\\`b', 'x⟨U+202E⟩y')
    """
    value = str(text)
    if "`" in value or "\n" in value or "\r" in value or SHOWN.search(value):
        return markdown(value)
    return f"`{value}`"
