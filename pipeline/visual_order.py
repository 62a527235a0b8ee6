"""What a page's layout pairs, read as the page shows it rather than in the HTML's order.

Site builders write some pages in an order the eye never sees: a CSS grid whose dates are
one block and whose texts another, each date and its text placed on the same row by
``grid-row`` (Bricks, Oxygen, Elementor's grid containers, ``display: contents`` wrappers);
a flex row whose ``order`` puts the date first; a list of texts each of which names its
date by an id (``aria-labelledby``, ``aria-describedby``, a ``<label for>``). Read in the
HTML's order, every text takes the date of another. These passes rewrite the document as
a browser lays it out, before the page is read: :func:`grid_order` and
:func:`referenced_labels`. :func:`marked_partners` makes visible the partner an entry names
only in its markup (a filterable grid mixing all partners, an entry's partner given by a
coloured dot's ``title``, a ``data-*`` attribute, or a class its filter button names).
Only CSS and HTML names live here, no French word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice, pairwise

import lxml.html  # noqa: F401  (the doctests' parser)
from lxml import etree

from .dates import dated_label, find_dates

MAX_RULES = 2_000  # rules of a page's style sheets read for placements: a theme's, not a framework's
MAX_STYLE = 200_000  # characters of style sheets read
_PLACEMENT = ("grid-row", "grid-row-start", "grid-area", "grid-column", "grid-column-start",
              "order", "display", "grid-template-areas")
_SIMPLE_SELECTOR = re.compile(r"^(?:[a-zA-Z][\w-]*)?(?:[.#][\w-]+)+$")
_PLACES_ITEMS = re.compile(r"grid-|(?<![\w-])order\s*:")  # not "border:"
MAX_CONTENTS_DEPTH = 4  # wrappers of ``display: contents`` nested in a grid: more is no layout


def _is_element(node: etree._Element) -> bool:
    """An element, not a comment nor a processing instruction (lxml types them alike)."""
    tag: object = node.tag
    return isinstance(tag, str)


def _declarations(text: str) -> dict[str, str]:
    """A style's placement declarations ("grid-row: 2; display: contents")."""
    found: dict[str, str] = {}
    for declaration in text.split(";")[:50]:
        name, colon, value = declaration.partition(":")
        name = name.strip().lower()
        if colon and name in _PLACEMENT:
            found[name] = value.strip().lower().split("!")[0].strip()  # without its priority
    return found


Rule = tuple[frozenset[str], str | None, str | None, dict[str, str]]  # classes, id, tag, declarations


def _rules(document: etree._Element) -> list[Rule]:
    """The rules of the page's ``<style>`` elements that place an element, for a selector
    whose last part is simple (``.date``, ``div.action``, ``.grid .row-3``): its classes,
    id and tag, read as if the rule held for every element that has them. A selector with a
    pseudo-class or an attribute is left out."""
    css = _without_comments("".join(str(t) for s in document.iter("style") for t in s.itertext())[:MAX_STYLE])
    rules: list[Rule] = []
    seen: set[tuple[str, str]] = set()  # a selector and its body: written twice, read once
    for selectors, body in islice(_top_rules(css), MAX_RULES):
        if not (declarations := _declarations(body)):
            continue
        for selector in selectors.split(","):
            last = selector.split()[-1] if selector.split() else ""
            if not _SIMPLE_SELECTOR.match(last) or (last, body) in seen or len(rules) >= MAX_RULES:
                continue
            seen.add((last, body))
            tag = re.match(r"^[a-zA-Z][\w-]*", last)
            rules.append((frozenset(re.findall(r"\.([\w-]+)", last)),
                          (m.group(1) if (m := re.search(r"#([\w-]+)", last)) else None),
                          tag.group().lower() if tag else None, declarations))
    return rules


def _without_comments(css: str) -> str:
    """The style sheet without its comments, an unclosed one running to the end: one pass
    (a lazy pattern across lines would read the rest of the sheet again at each "/*").

    >>> _without_comments(".a{order:1}/* x */.b{order:2}/* open")
    '.a{order:1}.b{order:2}'
    """
    out, at = [], 0
    while (start := css.find("/*", at)) >= 0:
        out.append(css[at:start])
        end = css.find("*/", start + 2)
        at = len(css) if end < 0 else end + 2
    out.append(css[at:])
    return "".join(out)


def _top_rules(css: str) -> Iterator[tuple[str, str]]:
    """The style sheet's rules outside at-rules, each its selectors and its body: a rule of
    ``@media (max-width: 600px)`` lays out a phone's screen, not the page as read.

    >>> list(_top_rules(".a{order:1}@media (x){.a{order:2}}.b{order:3}"))
    [('.a', 'order:1'), ('.b', 'order:3')]
    """
    depth, start, prelude, at_rule = 0, 0, "", False
    for found in re.finditer(r"[{}]", css):
        if found.group() == "{":
            if depth == 0:
                prelude, start = css[start:found.start()].strip(), found.end()
                at_rule = prelude.startswith("@")
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                if not at_rule:
                    yield prelude, css[start:found.start()]
                start = found.end()


class _Styles:
    """Each element's placement declarations: the matching rules of the style sheets, in
    their order, then its own ``style`` attribute. The rules are indexed by a class, id or
    tag each needs, and are :data:`MAX_RULES` at most, each selector and body once, so
    that a page of many elements and rules costs at most that many rules an element."""

    def __init__(self, document: etree._Element):
        self.by_key: dict[str, list[tuple[int, Rule]]] = {}
        for n, rule in enumerate(_rules(document)):
            need, ident, tag, _ = rule
            key = f".{min(need)}" if need else f"#{ident}" if ident else f"<{tag}"
            self.by_key.setdefault(key, []).append((n, rule))
        self.cache: dict[etree._Element, dict[str, str]] = {}

    def __call__(self, element: etree._Element) -> dict[str, str]:
        if element in self.cache:
            return self.cache[element]
        found: dict[str, str] = {}
        if self.by_key:
            classes = set((element.get("class") or "").split()[:MAX_CLASSES])
            keys = [f".{c}" for c in classes] + [f"#{element.get('id')}", f"<{element.tag}"]
            matching = sorted((n, rule) for key in keys for n, rule in self.by_key.get(key, ()))
            for _, (need, ident, tag, declarations) in matching:
                if need <= classes and (ident is None or element.get("id") == ident) \
                        and (tag is None or element.tag == tag):
                    found.update(declarations)
        found.update(_declarations(element.get("style") or ""))
        self.cache[element] = found
        return found


MAX_CLASSES = 40  # classes of an element looked up in the style sheet's rules


def _first_integer(value: str | None) -> int | None:
    """The line a placement starts on ("3", "3 / 4", "3 / span 2"); None for a name or
    ``auto``."""
    if not value:
        return None
    start = value.split("/")[0].strip()
    return int(start) if re.fullmatch(r"-?\d{1,4}", start) else None


def _areas(style: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Where each named area of a grid starts (row, column), from its
    ``grid-template-areas`` ("'d1 t1' 'd2 t2'")."""
    found: dict[str, tuple[int, int]] = {}
    template = style.get("grid-template-areas", "")
    for row, line in enumerate(re.findall(r"[\"']([^\"']*)[\"']", template)[:MAX_ROWS]):
        for column, name in enumerate(line.split()[:MAX_ROWS]):
            if name != ".":
                found.setdefault(name, (row + 1, column + 1))
    return found


MAX_ROWS = 500  # rows and columns of a grid's named areas read


def _placement(style: dict[str, str], areas: dict[str, tuple[int, int]] | None = None
               ) -> tuple[int | None, int | None, int | None]:
    """(row, column, order) of a grid or flex item (``areas``: the grid's named areas)."""
    row = _first_integer(style.get("grid-row") or style.get("grid-row-start"))
    column = _first_integer(style.get("grid-column") or style.get("grid-column-start"))
    area = style.get("grid-area", "").strip()
    if areas and area in areas:
        row, column = areas[area]
    elif "/" in area:
        parts = [p.strip() for p in area.split("/")]
        row = row if row is not None else _first_integer(parts[0])
        column = column if column is not None else _first_integer(parts[1])
    order = _first_integer(style.get("order"))
    return row, column, order


def _laid_out_items(container: etree._Element, styles: _Styles) -> list[etree._Element] | None:
    """The items a grid or flex container lays out: its children, the children of a
    ``display: contents`` wrapper in its place; None when a wrapper holds text of its own
    (then it is no mere wrapper) or wrappers nest too deep."""
    items: list[etree._Element] = []
    stack: list[tuple[Iterator[etree._Element], int]] = [(iter(container), 0)]
    while stack:
        children, depth = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        if not _is_element(child):
            continue
        if styles(child).get("display") == "contents":
            if depth >= MAX_CONTENTS_DEPTH or (child.text or "").strip() \
                    or any((c.tail or "").strip() for c in child):
                return None
            stack.append((iter(child), depth + 1))
        else:
            items.append(child)
    return items


def grid_order(document: etree._Element) -> None:
    """Items of a CSS grid or flex container placed by the layout (``grid-row``,
    ``grid-area``, ``grid-column``, ``order``, in their ``style`` or by a rule of the page's
    style sheet) are put in the order the page shows them: row by row, each row's items
    left to right (by column, else as written), each row in a division of its own. So a
    site builder's grid whose dates are one block and whose texts another (both
    ``display: contents``, each date and its text on the same ``grid-row``) reads each date
    before its own text. Only containers whose every item is placed on a row, or that
    order their items by ``order``, are rewritten; a grid the browser fills as written, and
    one with text between its items (which a rewrite would lose), are read as written.

    >>> page = lxml.html.fromstring('<div><div style="display:contents"><p style="grid-row:1">2019</p>'
    ...     '<p style="grid-row:2">2021</p></div><div style="display:contents">'
    ...     '<p style="grid-row:1">puits.</p><p style="grid-row:2">école.</p></div></div>')
    >>> grid_order(page)
    >>> [[p.text for p in row] for row in page]
    [['2019', 'puits.'], ['2021', 'école.']]
    """
    if not any(s.text and _PLACES_ITEMS.search(s.text) for s in document.iter("style")) \
            and not any(_PLACES_ITEMS.search(e.get("style") or "") for e in document.iter()
                        if isinstance(e.tag, str)):
        return
    styles = _Styles(document)
    done: set[etree._Element] = set()
    for container in list(document.iter()):
        if not _is_element(container) or container in done:
            continue
        items = _laid_out_items(container, styles)
        if not items or len(items) < 2:
            continue
        areas = _areas(styles(container))
        placed = [_placement(styles(item), areas) for item in items]
        rows = [row for row, _, _ in placed]
        if all(row is not None for row in rows):  # row by row, each row's items by column
            keys = [(row or 0, column or 0, n) for n, (row, column, _) in enumerate(placed)]
            group = True
        elif any(order is not None for _, _, order in placed) and not any(rows):
            keys = [(order or 0, n, n) for n, (_, _, order) in enumerate(placed)]
            group = False
        else:
            continue
        order = sorted(range(len(items)), key=keys.__getitem__)
        if order == list(range(len(items))) and all(item.getparent() is container for item in items):
            continue
        if _loose_text(container, items):
            continue  # text between the items (an intro, a tail): read as written, none lost
        _rebuild(container, [items[n] for n in order], [rows[n] for n in order] if group else None)
        done.update(items)


def _loose_text(container: etree._Element, items: list[etree._Element]) -> bool:
    """Text of the container outside its items: its own, a wrapper's, an item's tail
    (which :func:`_rebuild` would leave behind)."""
    inside = set(items)
    walker = etree.iterwalk(container, events=("start",))
    for _, node in walker:
        if node is not container and (node.tail or "").strip():
            return True
        if node in inside:
            walker.skip_subtree()
        elif (node.text or "").strip():
            return True
    return False


def _rebuild(container: etree._Element, items: list[etree._Element], rows: list[int | None] | None) -> None:
    """The container holding its items in the given order (each row in a division when
    ``rows`` says each item's row), its wrappers gone."""
    for child in list(container):
        if _is_element(child) or not (child.tail or "").strip():
            container.remove(child)
    for item in items:
        if (parent := item.getparent()) is not None and parent is not container:
            parent.remove(item)
        item.tail = None
    container.text = None
    row_element: etree._Element | None = None
    last: int | None = None
    for n, item in enumerate(items):
        if rows is None:
            container.append(item)
            continue
        if row_element is None or rows[n] != last:
            row_element = etree.SubElement(container, "div")
            last = rows[n]
        row_element.append(item)


# The attribute that carries to the walker the names an entry's markup gives its partner.
MARKED_PARTNER = "data-marked-partner"
MIN_MARKED = 3  # entries of a group marked with their partners: fewer is no grid of all partners
MAX_MARK = 120  # characters of a marker's name: a partner heading's, never a paragraph
MARKER_NODES = 24  # elements of an entry looked at for its marker (a dot is near its start)
_LABELS = ("title", "aria-label")
_SLUG = re.compile(r"[^\W\d_]+(?:[-_][^\W\d_]+)*")
_COUNT = re.compile(r"\s*[(\[]\s*\d+\s*[)\]]\s*$|\s+\d+\s*$")  # a filter button's count: "(11)"
_FILTERS = ("data-filter", "data-group", "data-category", "data-target", "data-value")


def _own_text(element: etree._Element) -> str:
    return " ".join("".join(str(t) for t in element.itertext()).split())


BRIEF_NODES = 12  # elements of a button, a dot or a date: more is a block of text


def _brief_text(element: etree._Element) -> str | None:
    """The words of a small element (a button, a dot, a date), None for a larger one: read
    in a time bounded whatever the page."""
    return _own_text(element) if len(list(islice(element.iter(), BRIEF_NODES + 1))) <= BRIEF_NODES else None


def _holds_text(element: etree._Element) -> bool:
    """Whether an element holds words, read only as far as its first ones."""
    return any(str(t).strip() for t in islice(element.itertext(), 200))


def _filter_labels(document: etree._Element) -> tuple[dict[str, str], dict[str, str]]:
    """The label of each filter button ("Brandebourg (11)" without its count), by the
    class or name it selects (``data-filter=".p-brandenburg"``); and the label of each
    entry of a colour legend (a textless dot beside a name and no digit: "<li><span
    class="dot p-kita"></span>Kita (Mali)</li>"), by the dot's class that no other label
    has."""
    labels: dict[str, str] = {}
    legend: dict[str, set[str]] = {}
    for element in document.iter():
        if not _is_element(element):
            continue
        for attribute in _FILTERS:
            value = (element.get(attribute) or "").strip()
            if value and (label := _COUNT.sub("", _brief_text(element) or "")) and len(label) <= MAX_MARK:
                for key in re.findall(r"[\w-]+", value):
                    labels.setdefault(key, label)
        parent = element.getparent()
        if element.get("class") and parent is not None and _brief_text(element) == "" \
                and (label := _COUNT.sub("", _brief_text(parent) or "")) and len(label) <= MAX_MARK \
                and not re.search(r"\d", label):  # a name, not an entry's date and text
            for token in (element.get("class") or "").split()[:MAX_CLASSES]:
                legend.setdefault(token, set()).add(label)
    return labels, {token: next(iter(names)) for token, names in legend.items() if len(names) == 1}


def _markers(item: etree._Element, filters: dict[str, str], legend: dict[str, str]) -> dict[str, str]:
    """What an entry's markup says of it, by where it says it: a textless element's
    ``title`` or ``aria-label`` (a coloured dot, an icon), the entry's own ``title``, the
    value of each of its ``data-*`` attributes that is a name or a slug ("la-lisa"), the
    label of the filter button that selects one of its classes, the label the colour legend
    gives its dot's class."""
    found: dict[str, str] = {}
    for node in islice(item.iter(), MARKER_NODES):
        if not _is_element(node):
            continue
        for attribute in _LABELS:
            value = " ".join((node.get(attribute) or "").split())
            if value and len(value) <= MAX_MARK and (node is item or _brief_text(node) == ""):
                found.setdefault(f"{'' if node is item else node.tag}@{attribute}", value)
    for name, written in item.attrib.items():
        attribute, slug = str(name), str(written).strip()
        if attribute.startswith("data-") and attribute != MARKED_PARTNER \
                and _SLUG.fullmatch(slug) and len(slug) <= MAX_MARK:
            found[attribute] = re.sub(r"[-_]", " ", slug)
    for token in (item.get("class") or "").split()[:MAX_CLASSES]:
        if token in filters:
            found.setdefault("filter", filters[token])
    for node in islice(item.iter(), MARKER_NODES):  # a dot keyed by the colour legend
        if node is not item and _is_element(node) and node.get("class") and _brief_text(node) == "":
            for token in (node.get("class") or "").split()[:MAX_CLASSES]:
                if token in legend:
                    found.setdefault("legend", legend[token])
    return found


def marked_partners(document: etree._Element) -> None:
    """Entries that say their partner only in their markup, in a group that mixes several
    partners (a filterable grid of all the actions in date order: Isotope, MixItUp; an
    entry's partner a coloured dot's ``title``, a ``data-partenaire`` value, a class its
    filter button names), each get that name as a marker before their text (attribute
    ``MARKED_PARTNER``: the names each place of the markup gives, best first), which the
    walker reads as a tag chip naming the partner: the entry joins the section of the
    partner heading above that it names, whatever its text names. A kind of marker counts
    when three entries of the group carry it at least and its values differ among them.

    >>> page = lxml.html.fromstring('<div>' + ''.join(f'<article data-p="{k}"><span title="{t}">'
    ...     f'</span><p>2019</p><p>puits.</p></article>' for k, t in (("gao", "Gao (Mali)"),
    ...     ("kita", "Kita (Mali)"), ("gao", "Gao (Mali)"))) + '</div>')
    >>> marked_partners(page)
    >>> [item[0].get(MARKED_PARTNER).split("\\n") for item in page]
    [['Gao (Mali)', 'gao'], ['Kita (Mali)', 'kita'], ['Gao (Mali)', 'gao']]
    """
    for forged in [e for e in document.iter() if e.get(MARKED_PARTNER) is not None]:
        del forged.attrib[MARKED_PARTNER]  # the page's own, not ours
    keys: tuple[dict[str, str], dict[str, str]] | None = None  # filter buttons', legend's
    for parent in list(document.iter()):
        items = [c for c in parent if _is_element(c)]
        if len(items) < MIN_MARKED or not any(c.attrib for c in items):
            continue
        if keys is None:
            keys = _filter_labels(document)
        markers = [_markers(item, *keys) for item in items]
        carried: Counter[str] = Counter()  # entries that carry each kind of marker
        values: dict[str, set[str]] = {}  # and its values, in one pass over the group
        for found in markers:
            for kind, value in found.items():
                carried[kind] += 1
                values.setdefault(kind, set()).add(value)
        varying = [kind for kind in sorted(carried, key=_kind_rank)
                   if carried[kind] >= MIN_MARKED and len(values[kind]) >= 2]
        if not varying:
            continue
        for item, found in zip(items, markers, strict=True):
            names = list(dict.fromkeys(found[kind] for kind in varying if kind in found))
            text = _holds_text(item)
            if names and text and not _titled(item):
                mark = etree.Element("span")
                mark.set(MARKED_PARTNER, "\n".join(names))
                mark.tail = item.text
                item.text = None
                item.insert(0, mark)


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")  # HTML's heading elements, by level


def _titled(item: etree._Element) -> bool:
    """An item of the group that opens on a heading of its own (a map's popup, "<h3>Le
    jumelage allemand</h3>", a card): a section, whose data attributes sort it by kind
    ("jumelage", "coopération") rather than name its partner; read among its first
    elements only.

    >>> _titled(lxml.html.fragment_fromstring('<div data-c="a"><h3>Gao</h3><p>2019</p></div>'))
    True
    """
    return any(isinstance(e.tag, str) and e.tag.lower() in HEADINGS
               for e in islice(item.iter(), MARKER_NODES))


def _kind_rank(kind: str) -> tuple[int, str]:
    """Markers best first: a dot's or an icon's label (the partner's heading as written),
    the filter button's label, the entry's own label, then its data attributes."""
    rank = 0 if "@" in kind and not kind.startswith("@") else 1 if kind in ("filter", "legend") \
        else 2 if kind.startswith("@") else 3
    return rank, kind


# The attributes by which an element names, by id, the element that labels or describes it.
_REFERENCES = ("aria-labelledby", "aria-describedby", "for")
MIN_REFERENCES = 2  # dates paired to their texts by id: one alone is a page's odd label
MAX_LABEL = 60  # characters of a date alone


def _date_alone(element: etree._Element) -> bool:
    """A small element whose words are a date alone ("2019", "Mai – juin 2021")."""
    words = _brief_text(element)
    return words is not None and len(words) <= MAX_LABEL and dated_label(words)


def referenced_labels(document: etree._Element) -> None:
    """A date and its text that the HTML writes apart but pairs by an id (a list of texts
    each ``aria-labelledby`` or ``aria-describedby`` its date written in another block, a
    ``<label for>`` naming its text): each date is moved right before its text, as the
    page shows them to a screen reader. Only when the page pairs two dates at least so,
    each a date alone and its text no date alone.

    >>> page = lxml.html.fromstring('<div><ul><li id="a">2019</li><li id="b">Mai 2021</li></ul>'
    ...     '<p aria-labelledby="b">école.</p><p aria-labelledby="a">puits.</p></div>')
    >>> referenced_labels(page)
    >>> [(e.tag, e.text) for e in page]
    [('ul', None), ('li', 'Mai 2021'), ('p', 'école.'), ('li', '2019'), ('p', 'puits.')]
    """
    referring = [e for e in document.iter() if _is_element(e) and any(e.get(a) for a in _REFERENCES)]
    if len(referring) < MIN_REFERENCES:
        return
    ids = {str(e.get("id")): e for e in document.iter() if _is_element(e) and e.get("id")}
    pairs: list[tuple[etree._Element, etree._Element]] = []
    used: set[etree._Element] = set()
    for element in referring:
        for attribute in _REFERENCES:
            for ident in (element.get(attribute) or "").split()[:4]:
                other = ids.get(ident)
                if other is None or other is element or other in used or element in used:
                    continue
                date, text = (other, element) if _date_alone(other) else (element, other)
                if _date_alone(date) and not _date_alone(text) and _holds_text(text) \
                        and not _inside(date, text) and not any(n is text for n in date.iter()):
                    pairs.append((date, text))
                    used.update((date, text))
    if len(pairs) < MIN_REFERENCES:
        return
    for date, text in pairs:
        if date.getnext() is text:
            continue
        _detach(date)
        text.addprevious(date)


MAX_ANCESTORS = 200  # ancestors of a date looked at: deeper, it is taken as inside its text


def _inside(inner: etree._Element, outer: etree._Element) -> bool:
    """Whether ``inner`` is inside ``outer``, or too deep to tell in bounded time."""
    ancestors = list(islice(inner.iterancestors(), MAX_ANCESTORS + 1))
    return len(ancestors) > MAX_ANCESTORS or any(a is outer for a in ancestors)


def _detach(element: etree._Element) -> None:
    """Take an element out of its parent, its tail left where it was."""
    parent = element.getparent()
    if parent is None:
        return
    if tail := element.tail:
        before = element.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    element.tail = None
    parent.remove(element)


_TABLE_PARTS = {"table", "thead", "tbody", "tfoot", "tr", "dl"}
MIN_COLUMN = 2  # dates of a column of dates beside a column of texts: one is a label, no column
MAX_COLUMN = 2_000  # items of such a column
OPENING = 40  # characters of a text looked at for a date it opens with


def _opens_with_date(element: etree._Element) -> bool:
    words = "".join(str(t) for t in islice(element.itertext(), 20)).strip()[:OPENING]
    return any(found.start == 0 for found in find_dates(words))


def _shared_key(dates: list[etree._Element], texts: list[etree._Element]) -> str | None:
    """A ``data-*`` attribute each date and each text carry, whose values are the same set
    on both sides, all different (``data-row="3"``): what pairs them."""
    for name in dates[0].attrib:
        attribute = str(name)
        if not attribute.startswith("data-"):
            continue
        left = [d.get(attribute) for d in dates]
        right = [t.get(attribute) for t in texts]
        if None not in left and len(set(left)) == len(left) and set(left) == set(right):
            return attribute
    return None


def column_pairs(document: etree._Element) -> None:
    """A block that holds dates alone and nothing else, followed by a block that holds as
    many texts, none opening with a date (a site builder's two columns: "2003-2014",
    "2004-2006", … then the texts in the same order): each date is read before the text
    it stands beside, the k-th with the k-th, or with the text that carries the same
    value of a ``data-*`` attribute (``data-row="3"``) when both sides carry one.

    >>> page = lxml.html.fromstring('<div><div><p>2019</p><p>Mai 2021</p></div>'
    ...     '<div><p>puits.</p><p>école.</p></div></div>')
    >>> column_pairs(page)
    >>> [[p.text for p in row] for row in page]
    [['2019', 'puits.'], ['Mai 2021', 'école.']]
    """
    for container in list(document.iter()):
        if not _is_element(container) or container.tag in _TABLE_PARTS:
            continue
        blocks = [c for c in container if _is_element(c)]
        for first, second in pairwise(blocks):
            if first.getparent() is not container or second.getparent() is not container \
                    or first.tag in _TABLE_PARTS or second.tag in _TABLE_PARTS:
                continue  # already paired, or a table's rows (its reader pairs them by column)
            dates = [c for c in first if _is_element(c)]
            texts = [c for c in second if _is_element(c)]
            if not MIN_COLUMN <= len(dates) == len(texts) <= MAX_COLUMN \
                    or (first.text or "").strip() or (second.text or "").strip() \
                    or any((c.tail or "").strip() for c in (*dates, *texts)) \
                    or not all(_date_alone(d) for d in dates) \
                    or any(_date_alone(t) or _opens_with_date(t) or not _holds_text(t) for t in texts):
                continue
            if key := _shared_key(dates, texts):
                by_value = {t.get(key): t for t in texts}
                texts = [by_value[d.get(key)] for d in dates]
            for date, text in zip(dates, texts, strict=True):
                row = etree.Element("div")
                first.addprevious(row)
                date.tail = text.tail = None
                row.extend((date, text))
            for block in (first, second):
                container.remove(block)


MIN_TABS = 2  # tabs of one widget paired with their panels: one alone is no tab widget
MAX_TABS = 200  # tabs of a page read
MAX_TAB_LABEL = 120  # characters of a tab's label: more is a panel's text, no title
# a tab's count or rank: "Palestine (2)", not a year "(1963)"
_TAB_COUNT = re.compile(r"\s*[(\[]\s*\d{1,3}\s*[)\]]\s*$")


def _role(element: etree._Element) -> str:
    return (element.get("role") or "").strip().lower()


def _tab_panel(tab: etree._Element, ids: dict[str, etree._Element],
               labelled: dict[str, etree._Element]) -> etree._Element | None:
    """The panel a tab opens: the element its ``aria-controls`` names, else the panel whose
    ``aria-labelledby`` names the tab (a widget's panel written elsewhere in the page)."""
    for ident in (tab.get("aria-controls") or "").split()[:4]:
        if (panel := ids.get(ident)) is not None:
            return panel
    return labelled.get(tab.get("id") or "")


def _heading_level_before(element: etree._Element) -> int:
    """The level of the last heading before ``element`` in the page's order (1 when none)."""
    level = 1
    for node in element.getroottree().getroot().iter():
        if node is element:
            break
        if _is_element(node) and node.tag in HEADINGS:
            level = int(node.tag[1])
    return level


def tab_panels(document: etree._Element) -> None:
    """A tab widget's buttons written apart from their panels (``role="tab"`` buttons in a
    ``role="tablist"``, each naming its panel by ``aria-controls`` or named by the panel's
    ``aria-labelledby``): each tab's label is written as the heading of its panel, one level
    below the last heading before the widget, and the buttons are taken out, as a reader
    who opens each tab in turn sees them. A widget nested in a panel is read after the
    panel's own heading, so its tabs are that panel's sub-headings (a partner's actions by
    theme or by status). A panel that opens with a heading naming the tab's label keeps
    its own; a count or rank after the label ("Palestine (2)") is no part of it.

    >>> page = lxml.html.fromstring('<div><h1>Titre</h1><div role="tablist">'
    ...     '<button role="tab" id="t1" aria-controls="p1">Kita</button>'
    ...     '<button role="tab" id="t2" aria-controls="p2">Gao</button></div>'
    ...     '<div id="p1" role="tabpanel"><p>2019 : puits.</p></div>'
    ...     '<div id="p2" role="tabpanel" aria-labelledby="t2"><p>2020 : école.</p></div></div>')
    >>> tab_panels(page)
    >>> [(e.tag, e.text_content()) for e in page.iter("h1", "h2", "p", "button")]
    [('h1', 'Titre'), ('h2', 'Kita'), ('p', '2019 : puits.'), ('h2', 'Gao'), ('p', '2020 : école.')]
    """
    tabs = list(islice((e for e in document.iter() if _is_element(e) and _role(e) == "tab"), MAX_TABS))
    if len(tabs) < MIN_TABS:
        return
    ids = {str(e.get("id")): e for e in document.iter() if _is_element(e) and e.get("id")}
    labelled: dict[str, etree._Element] = {}
    for element in document.iter():
        if _is_element(element) and _role(element) == "tabpanel":
            for ident in (element.get("aria-labelledby") or "").split()[:4]:
                labelled.setdefault(ident, element)
    widgets: dict[etree._Element, list[tuple[etree._Element, etree._Element, str]]] = {}
    for tab in tabs:
        panel = _tab_panel(tab, ids, labelled)
        label = _TAB_COUNT.sub("", _own_text(tab))
        if panel is None or not label or len(label) > MAX_TAB_LABEL or not _holds_text(panel) \
                or _inside(tab, panel) or _inside(panel, tab):
            continue
        holder = next((a for a in tab.iterancestors() if _role(a) == "tablist"), tab.getparent())
        if holder is not None:
            widgets.setdefault(holder, []).append((tab, panel, label))
    for holder, found in widgets.items():  # in the page's order: an outer widget before those it holds
        if len(found) < MIN_TABS:
            continue
        level = min(_heading_level_before(holder) + 1, len(HEADINGS))
        for _tab, panel, label in found:
            first = next((e for e in panel.iter() if _is_element(e) and e is not panel
                          and (e.tag in HEADINGS or (_holds_text(e) and not len(e)))), None)
            if first is not None and first.tag in HEADINGS \
                    and label.casefold() in _own_text(first).casefold():
                continue
            heading = etree.Element(HEADINGS[level - 1])
            heading.text = label
            heading.tail = panel.text
            panel.text = None
            panel.insert(0, heading)
        for tab, _panel, _label in found:
            _detach(tab)
