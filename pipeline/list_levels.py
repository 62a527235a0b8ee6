"""Lists whose nesting is written by their class names or left margins, nested as a
browser shows them.

A document exported to HTML (a Google Docs page "published to the web", Word's or
LibreOffice's HTML, a wiki's paste of one) writes an outline as a run of *sibling* flat
lists, each list's depth only in a class name that ends with the level
(``<ul class="lst-kix_x-0">``, ``lst-kix_x-1``, …) or in a left margin that grows with it
(``style="margin-left:36pt"``). Read as they stand, a partner written as a top bullet and
its entries as bullets under it are one flat run of list items: nothing says which item
heads which. :func:`nest_by_level` moves each deeper list into the last item of the list
above it, the tree the editor wrote; the HTML reader then reads an item holding a list as
it reads any nested list (:mod:`pipeline.html_page`).

The level is the number that ends a class token shared by the run's lists with at least
two different values (``c1`` on every list says nothing), else the list's (or its first
item's) inline left margin, ranked: no word of any language is read here.
"""

from __future__ import annotations

import re

from lxml import etree

_LISTS = {"ul", "ol"}
_NUMBERED_CLASS = re.compile(r"^(.*?\D)(\d{1,2})$")  # "lst-kix_p1-1" -> ("lst-kix_p1-", 1)
_MARGIN = re.compile(r"(?:margin|padding)-left\s*:\s*([\d.]+)\s*(pt|px|em|rem|in|cm|mm)?", re.IGNORECASE)
MAX_LEVEL = 8  # a word processor's lists have nine levels, 0 to 8: no deeper nesting is made
_UNIT = {"pt": 1.0, "px": 0.75, "em": 12.0, "rem": 12.0, "in": 72.0, "cm": 28.35, "mm": 2.835, None: 0.75}


def _is_list(node: object) -> bool:
    return isinstance(node, etree._Element) and isinstance(node.tag, str) and node.tag.lower() in _LISTS


def _class_levels(element: etree._Element) -> dict[str, int]:
    """The element's class tokens that end with a number: prefix -> number."""
    found = {}
    for token in (element.get("class") or "").split():
        if m := _NUMBERED_CLASS.match(token):
            found[m.group(1)] = int(m.group(2))
    return found


def _margin(element: etree._Element) -> float | None:
    """The list's left indent in points, from its own inline style or its first item's."""
    items = [element, *[c for c in element if isinstance(c.tag, str) and c.tag.lower() == "li"][:1]]
    for node in items:
        if m := _MARGIN.search(node.get("style") or ""):
            return float(m.group(1)) * _UNIT[m.group(2).lower() if m.group(2) else None]
    return None


def _runs(parent: etree._Element) -> list[list[etree._Element]]:
    """The runs of lists that follow each other among the parent's children, nothing but
    white space between them."""
    runs: list[list[etree._Element]] = []
    current: list[etree._Element] = []
    for child in parent:
        if _is_list(child):
            current.append(child)
            if (child.tail or "").strip():
                runs.append(current)
                current = []
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return [run for run in runs if len(run) > 1]


def _levels(run: list[etree._Element]) -> list[int | None]:
    """Each list's level in the run, ``None`` where none is written."""
    by_prefix: dict[str, list[int | None]] = {}
    tokens = [_class_levels(lst) for lst in run]
    for prefix in {p for t in tokens for p in t}:
        by_prefix[prefix] = [t.get(prefix) for t in tokens]
    varied = [(sum(v is not None for v in values), prefix) for prefix, values in by_prefix.items()
              if len({v for v in values if v is not None}) > 1]
    if varied:
        return [v if v is not None and v <= MAX_LEVEL else None for v in by_prefix[max(varied)[1]]]
    margins = [_margin(lst) for lst in run]
    ranks = sorted({m for m in margins if m is not None})
    if len(ranks) < 2:
        return [None] * len(run)
    rank = {m: n for n, m in enumerate(ranks)}
    return [rank[m] if m is not None and rank[m] <= MAX_LEVEL else None for m in margins]


def nest_by_level(document: etree._Element) -> None:
    """Move each list of a run of sibling lists into the last item of the nearest list
    above it of a lower level (see the module's docstring).

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<div><ul class="x-0"><li>Gao (Mali)</li></ul>'
    ...     '<ul class="x-1"><li>2016 : puits</li></ul><ul class="x-0"><li>Kayes (Mali)</li></ul>'
    ...     '<ul class="x-1"><li>2018 : école</li></ul></div>')
    >>> nest_by_level(page)
    >>> [(li.text, [u.get("class") for u in li.iter("ul")]) for ul in page.iterchildren("ul")
    ...  for li in ul.iterchildren("li")]
    [('Gao (Mali)', ['x-1']), ('Kayes (Mali)', ['x-1'])]
    """
    parents = {lst.getparent() for lst in document.iter("ul", "ol")}
    for parent in parents:
        if parent is None:
            continue
        for run in _runs(parent):
            stack: list[tuple[int, etree._Element]] = []
            for lst, level in zip(run, _levels(run), strict=True):
                if level is None:
                    stack = []
                    continue
                while stack and stack[-1][0] >= level:
                    stack.pop()
                items = [c for c in stack[-1][1] if isinstance(c.tag, str) and c.tag.lower() == "li"] \
                    if stack else []
                if items:
                    tail = lst.tail
                    lst.tail = None
                    previous = lst.getprevious()
                    if previous is not None:  # the white space after it stays in place
                        previous.tail = (previous.tail or "") + (tail or "")
                    items[-1].append(lst)
                stack.append((level, lst))
