"""A page that prints its content twice, once for wide screens and once for narrow ones,
read once: as a desktop browser shows it.

A responsive theme (Bootstrap, Foundation, Tailwind, UIkit, a theme's own classes) may
write the same entries twice, a table shown from a breakpoint up (Bootstrap's ``d-none
d-md-block``) and an accordion shown below it (``d-md-none``), the CSS showing one at a
time. Read as text, every entry comes out twice, the second copy often shortened ("2003-14
· Accueil de six jeunes…") and its paragraphs read as the text of the entry above.
:func:`narrow_copies` removes each element shown on narrow screens only when the page also
has elements shown on wide screens only and most of its words are theirs: the copy of
what the wide screen shows. What is removed is reported. The classes are the CSS
frameworks' names (no French word).
"""

from __future__ import annotations

import re

from lxml import etree

from .screen_reader import dropped

# Shown below a breakpoint only (hidden from it up): Bootstrap 4-5 "d-md-none", Bootstrap
# 3 "visible-xs" and "hidden-md"/"hidden-lg", Foundation "show-for-small-only" and
# "hide-for-medium", Tailwind "md:hidden", UIkit "uk-hidden@m", themes' "mobile-only".
_NARROW = re.compile(
    r"(?<![\w:@-])(?:d-(?:sm|md|lg|xl|xxl)-none|visible-(?:xs|sm)(?:-\w+)?|hidden-(?:md|lg)"
    r"|show-for-small-only|hide-for-(?:medium|large)(?:-up)?|(?:sm|md|lg|xl):hidden"
    r"|uk-hidden@(?:s|m|l|xl)|(?:only|visible|show)-mobile|mobile-only|(?:hide|hidden)-(?:on-)?desktop)"
    r"(?![\w-])", re.IGNORECASE)
# Shown from a breakpoint up only: Bootstrap 4-5 "d-none" with "d-md-block", Bootstrap 3
# "hidden-xs" and "visible-md", Foundation "show-for-medium" and "hide-for-small-only",
# Tailwind "hidden md:block", UIkit "uk-visible@m", themes' "desktop-only".
_WIDE = re.compile(
    r"(?<![\w:@-])(?:d-(?:sm|md|lg|xl|xxl)-(?:block|flex|inline|inline-block|inline-flex|grid|table)"
    r"|hidden-(?:xs|sm)|visible-(?:md|lg)(?:-\w+)?|show-for-(?:medium|large)(?:-up)?|hide-for-small-only"
    r"|(?:sm|md|lg|xl):(?:block|flex|grid|table|inline-block)|uk-visible@(?:s|m|l|xl)"
    r"|(?:only|visible|show)-desktop|desktop-only|(?:hide|hidden)-(?:on-)?mobile)"
    r"(?![\w-])", re.IGNORECASE)
_WORD = re.compile(r"\w{3,}")
COPY_SHARE = 0.6  # of a narrow element's words that the wide ones hold: it is their copy
NARROW_COPY = "copy of the page's content shown on narrow screens only (the wide one is read)"


def _text(element: etree._Element) -> str:
    """The element's text, its pieces (a table's cells) parted by a space."""
    return " ".join(str(piece) for piece in element.itertext())


def _words(element: etree._Element) -> set[str]:
    return {w.lower() for w in _WORD.findall(_text(element))}


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def narrow_copies(document: etree._Element) -> list[tuple[str, str]]:
    """Remove the elements shown on narrow screens only that copy what elements shown on
    wide screens only say (most of their words are these'); give what was removed.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<div><table class="d-none d-md-block"><tr><td>2019</td>'
    ...     '<td>accueil de six jeunes</td></tr></table><div class="d-md-none"><p>2019 · accueil '
    ...     'de six…</p></div><p class="d-md-none">Appelez la mairie</p></div>')
    >>> narrow_copies(page)[0][1], page.text_content()
    ('2019 · accueil de six…', '2019accueil de six jeunesAppelez la mairie')
    """
    classed = [e for e in document.iter() if isinstance(e.tag, str) and e.get("class")]
    wide = _outermost([e for e in classed if _WIDE.search(e.get("class") or "")])
    if not wide:
        return []
    narrow = _outermost([e for e in classed if _NARROW.search(e.get("class") or "")])
    shown: set[str] = set()
    for element in wide:
        shown |= _words(element)
    removed = []
    for element in narrow:
        words = _words(element)
        parent = element.getparent()
        if not words or parent is None or len(words & shown) < COPY_SHARE * len(words):
            continue
        removed.append((NARROW_COPY, " ".join(_text(element).split())[:200]))
        dropped(element)
    return removed
