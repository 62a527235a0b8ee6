"""Pages for people: the French data dictionary (``README.md``) and ``index.html``.

``index.html`` works offline, opened from disk, on a phone as on a desk, and needs no
script: what the data is (version, source, contact for corrections), a map of the partners
over Natural Earth's country outlines (``worldmap.py``), the partners and their actions on
a time scale that reads without hovering, the downloads with their sizes, the data
dictionary, and the page text with numbered lines, which every partner and action links
to (``#L52``). Both pages are Jinja2 templates (``pipeline/templates/``) filled from the
dictionary model and the tables.

Page text is untrusted. In ``index.html`` Jinja2 escapes every value (autoescaping on for
the whole template, whatever its name). In ``README.md``, also the dataset's description
on the portals, every value goes through :func:`pipeline.escape.markdown` unless the
template marks it as Markdown the pipeline wrote itself, so that no HTML, link or
formatting can come out of the page's words.
"""

from __future__ import annotations

import gc
import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape  # Jinja2's own escape (loaded with the templates)

from .. import derived
from ..config import config
from ..dictionary import quantity
from ..direction import CONTROLS as DIRECTION_CONTROLS
from ..escape import markdown, markdown_code, web_address
from ..layout import DESCRIPTOR, Layout, ReleaseFile
from ..paths import TEMPLATES
from . import snapshot, worldmap
from .keys import anchor, scope, scoped

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..dictionary import Column, Table
    from .base import Contents

LEADS = False
WHILE_VALIDATING = False  # lists every other file, with its size
EXCERPT = 220  # characters of an entry shown beside its bar
TICK_STEP = 5  # years between two ticks of the time scale
TEMPLATE_NAMES = {"markdown": "README.md.j2", "html": "index.html.j2"}  # by environment


class Markdown(str):
    """Markdown the pipeline wrote itself (a code span, a link to a file of the release):
    the dictionary template prints it as it is; any other value is escaped."""


def _finalize_markdown(value: Any) -> str:
    if isinstance(value, Markdown):
        return value
    return markdown("" if value is None else value)


def code(value: Any) -> Markdown:
    """A code span for a code or column name; text with a backtick is escaped instead.

    >>> code("amount_eur"), code("a`b")
    ('`amount_eur`', 'a\\\\`b')
    """
    return Markdown(markdown_code(value))


def bdi(value: Any) -> Any:
    """Page text for the HTML page, escaped; isolated in ``<bdi>`` when it holds a text
    direction control (``pipeline/direction.py``), so that the control acts at most inside
    it, never on the text around it. (Text without one is written as it was, so the page
    of an ordinary release does not change.)

    >>> str(bdi("B\u202eX <b>")) == "<bdi>B\u202eX &lt;b&gt;</bdi>", str(bdi("Kobané <b>"))
    (True, 'Kobané &lt;b&gt;')
    """
    text = escape("" if value is None else value)
    return Markup("<bdi>{}</bdi>").format(text) if DIRECTION_CONTROLS.search(text) else text


def numbered_lines(lines: list[str]) -> Any:
    """The page text's lines as the page shows them, each numbered and linked: written here
    in one pass rather than by a loop of the template (a large page has hundreds of
    thousands of lines, and the template's loop cost half a second for each 100,000).

    >>> print(numbered_lines(["Titre", "a < b"]), end="")
        <p class="line" id="L1"><a href="#L1">1</a><span>Titre</span></p>
        <p class="line" id="L2"><a href="#L2">2</a><span>a &lt; b</span></p>
    """
    from markupsafe import Markup, escape

    parts = []
    for number, line in enumerate(lines, start=1):
        text = escape(line)
        if DIRECTION_CONTROLS.search(text):
            text = Markup("<bdi>{}</bdi>").format(text)
        parts.append(f'    <p class="line" id="L{number}"><a href="#L{number}">{number}</a>'
                     f'<span>{text}</span></p>\n')
    return Markup("".join(parts))


def has_direction_controls(value: Any) -> bool:
    """A Jinja test: whether ``value`` holds a text direction control."""
    return bool(DIRECTION_CONTROLS.search(str(value or "")))


@cache
def _environment(kind: str) -> Environment:
    """The templates' environment: HTML escaped by Jinja2 everywhere (``autoescape=True``,
    not a guess from the file name, which ends in ``.j2``), Markdown escaped by
    ``finalize``. One per process, so that its templates are compiled once: a national run
    writes a thousand towns' pages (a template's compilation cost more than its rendering).
    The compiled templates are kept from one run to the next (``pipeline/derived.py``): a
    small run's pages cost half as much."""
    from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

    options: dict[str, Any] = {"loader": FileSystemLoader(TEMPLATES), "undefined": StrictUndefined,
                               "trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}
    kept = derived.folder(f"templates-{kind}", derived.key(Path(__file__).read_bytes()))
    if kept is not None:
        options["bytecode_cache"] = FileSystemBytecodeCache(str(kept))
    if kind == "html":
        environment = Environment(autoescape=True, **options)
        environment.filters["quantity"] = quantity
        environment.filters["bdi"] = bdi
        environment.tests["direction_controlled"] = has_direction_controls
        return environment
    environment = Environment(autoescape=False, finalize=_finalize_markdown, **options)
    environment.filters["code"] = code
    environment.filters["raw"] = Markdown
    environment.filters["paragraph"] = lambda value: Markdown(markdown(value, line_start=True))
    environment.filters["quantity"] = lambda number, one, other: Markdown(
        markdown(quantity(number, one, other)))
    return environment


# --- The timeline ---------------------------------------------------------------------------

def year_fraction(day: date) -> float:
    """A day as a year with its fraction, for positions on the time scale.

    >>> year_fraction(date(2026, 1, 1)), round(year_fraction(date(2026, 7, 2)), 2)
    (2026.0, 2026.5)
    """
    first = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - first).days
    return day.year + (day - first).days / length


def span(action: dict[str, Any], until: float) -> tuple[float, float] | None:
    """The stretch of time an action covers, in fractional years: from the start of its
    first month (or year) to the end of its last; an ongoing one runs to ``until``, the
    snapshot's date. None for an undated action.

    >>> span({"start_year": 2012, "start_month": 6, "end_year": 2012, "end_month": 6,
    ...       "is_ongoing": False}, 2026.9)
    (2012.4166666666667, 2012.5)
    >>> span({"start_year": 2016, "start_month": None, "end_year": None, "end_month": None,
    ...       "is_ongoing": True}, 2026.9)
    (2016, 2026.9)
    """
    if action.get("start_year") is None:
        return None
    start = action["start_year"] + ((action["start_month"] - 1) / 12 if action.get("start_month") else 0)
    if action.get("is_ongoing") or action.get("end_year") is None:
        return start, max(until, start + 0.25)
    end = action["end_year"] + (action["end_month"] / 12 if action.get("end_month") else 1)
    return start, max(end, start + 1 / 12)


def excerpt(action: dict[str, Any], length: int = EXCERPT) -> str:
    """The start of an entry's text, without the date label that the row already shows,
    cut at a word.

    >>> excerpt({"date_label": "2012", "text": "2012 : accueil de six jeunes musiciens"}, 20)
    'accueil de six…'
    """
    text = action["text"] or ""
    label = action.get("date_label") or ""
    if label and text.startswith(label):
        text = text[len(label):].lstrip(" :,\u00a0–-")
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


@dataclass(frozen=True)
class Row:
    """An action as the page lists it: its bar (left and width, in % of the time scale)."""

    action: dict[str, Any]
    when: str
    text: str
    status: str
    left: float | None
    width: float | None
    ongoing: bool
    anchor: str = ""  # its name in the page's anchors (its id; in a national page, town and id)

    @property
    def lines(self) -> str:
        first, last = self.action["source_line"], self.action.get("source_line_end")
        return f"lignes {first}–{last}" if last and last != first else f"ligne {first}"


@dataclass(frozen=True)
class Position:
    """Where a partner is on the map, in one format (decimal degrees, French decimal
    comma, N/S and E/O), and the page its coordinates come from, as a link."""

    coordinates: str
    source: str
    url: str | None


def coordinates(latitude: float, longitude: float) -> str:
    """Decimal degrees as a French reader writes them, each with its letter on the same
    line (a no-break space between them).

    >>> coordinates(14.4931, -9.0156), coordinates(-33.5, 151.25)
    ('14,4931°\xa0N, 9,0156°\xa0O', '33,5°\xa0S, 151,25°\xa0E')
    """
    def degrees(value: float, positive: str, negative: str) -> str:
        text = f"{abs(value)}".removesuffix(".0").replace(".", ",")
        return f"{text}°\u00a0{positive if value >= 0 else negative}"
    return f"{degrees(latitude, 'N', 'S')}, {degrees(longitude, 'E', 'O')}"


_ADDRESS = re.compile(r"https?://\S+")


def position(partner: dict[str, Any]) -> Position | None:
    """A partner's position and its source: the coordinates from the ``latitude`` and
    ``longitude`` columns (whatever format the source wrote them in), the source named as
    ``location_source`` names it (up to its own coordinates) and linked to the address it
    gives, when that is a web address.

    >>> position({"latitude": 14.4931, "longitude": -9.0156, "location_source":
    ...           "Wikipédia (fi), « Dianguirdé » : 14°29′35″N 9°0′56″W — https://fi.wikipedia.org/wiki/D"})
    Position(coordinates='14,4931°\xa0N, 9,0156°\xa0O', source='Wikipédia (fi), « Dianguirdé »', url='https://fi.wikipedia.org/wiki/D')
    """
    if partner.get("latitude") is None or partner.get("longitude") is None:
        return None
    text = str(partner.get("location_source") or "")
    found = _ADDRESS.search(text)
    name = text.split(" : ", 1)[0].split(" — ", 1)[0].strip() if text else ""
    if found and name.startswith(found.group(0)):
        name = ""
    return Position(coordinates(partner["latitude"], partner["longitude"]), name or "source",
                    web_address(found.group(0)) if found else None)


@dataclass(frozen=True)
class Section:
    partner: dict[str, Any]
    number: int
    facts: list[str]
    rows: list[Row]
    position: Position | None = None
    anchor: str = ""  # its name in the page's anchors (its id; in a national page, town and id)


@dataclass(frozen=True)
class Scale:
    start: int
    end: float
    ticks: list[tuple[int, float]]  # year, position in %

    def position(self, year: float) -> float:
        return round(100 * (year - self.start) / (self.end - self.start), 2)


def scale(spans: list[tuple[float, float]], until: float | None) -> Scale:
    """The time scale: from the first year of an action (down to a multiple of
    ``TICK_STEP``) to the snapshot's date or the last end, whichever is later.

    >>> s = scale([(2003, 2015), (2016, 2026.9)], 2026.9)
    >>> s.start, s.end, [year for year, _ in s.ticks]
    (2000, 2026.9, [2000, 2005, 2010, 2015, 2020, 2025])
    """
    first = math.floor(min(s for s, _ in spans) / TICK_STEP) * TICK_STEP
    last = max([e for _, e in spans] + ([until] if until else []))
    result = Scale(first, last, [])
    ticks = [(year, result.position(year)) for year in range(first, math.floor(last) + 1, TICK_STEP)]
    return Scale(first, last, ticks)


def _columns(tables: list[Table]) -> dict[str, dict[str, Column]]:
    return {t.name: {c.name: c for c in t.columns} for t in tables}


def date_order(action: dict[str, Any], stretch: tuple[float, float] | None) -> tuple[Any, ...]:
    """Where an action comes on its partner's timeline: by its start, then its end, then
    the page's order; the undated ones last, in the page's order.

    >>> date_order({"source_line": 30}, (2012.0, 2013.0)) < date_order({"source_line": 10}, (2015.0, 2016.0))
    True
    >>> date_order({"source_line": 5}, None) > date_order({"source_line": 90}, (2020.0, 2021.0))
    True
    """
    if stretch is None:
        return (1, 0.0, 0.0, action["source_line"])
    return (0, stretch[0], stretch[1], action["source_line"])


def sections(contents: Contents) -> tuple[list[Section], Scale | None]:
    """Each partner with its actions, partners in the page's order and each one's actions
    in date order (:func:`date_order`), and the time scale they share."""
    data, columns = contents.data, _columns(contents.tables)
    snapshot_day = contents.about.snapshot_date
    until = year_fraction(date.fromisoformat(snapshot_day)) if snapshot_day else None
    within = scope()  # records are told apart within it (a national page: by town)
    spans = {scoped(a, within, "action_id"): span(a, until or 0) for a in data["actions"]}
    dated = [s for s in spans.values() if s]
    time_scale = scale(dated, until) if dated else None
    by_partner: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for action in sorted(data["actions"],
                         key=lambda a: date_order(a, spans[scoped(a, within, "action_id")])):
        by_partner.setdefault(scoped(action, within, "partner_id"), []).append(action)
    result = []
    partner_columns, action_columns = columns["partners"], columns["actions"]
    for number, partner in enumerate(data["partners"], start=1):
        facts = [str(partner_columns[c].label(partner[c])) for c in ("country_name", "kind", "relationship")
                 if c in partner_columns and partner.get(c)]
        if partner.get("first_link_year"):
            decade = partner.get("first_link_precision") == "decade"
            facts.append(f"premiers liens : années {partner['first_link_year']}" if decade
                         else f"premiers liens : {partner['first_link_year']}")
        rows = []
        for action in by_partner.get(scoped(partner, within, "partner_id"), []):
            stretch = spans[scoped(action, within, "action_id")]
            left = width = None
            if stretch and time_scale:
                left = time_scale.position(stretch[0])
                width = round(max(time_scale.position(stretch[1]) - left, 0.6), 2)
            status = (action_columns["status"].label(action.get("status"))
                      if "status" in action_columns else None)
            rows.append(Row(action, action.get("date_label") or "sans date", excerpt(action),
                            status or "", left, width, bool(action.get("is_ongoing")),
                            anchor(action, within, "action_id")))
        result.append(Section(partner, number, facts, rows, position(partner),
                              anchor(partner, within, "partner_id")))
    return result, time_scale


# --- The map --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Map:
    width: float
    height: float
    outlines: list[str]
    markers: list[worldmap.Marker]
    town: worldmap.Marker | None
    unplaced: list[dict[str, Any]] = field(default_factory=list)


def world_map(partners: list[dict[str, Any]]) -> Map | None:
    """The partners that have coordinates, and the town, on the map."""
    located = [p for p in partners if p.get("latitude") is not None and p.get("longitude") is not None]
    town = config().town
    points = [(p["latitude"], p["longitude"]) for p in located]
    if town.location:
        points.append(town.location)
    if not points:
        return None
    view = worldmap.projection(points)
    within = scope()
    numbers = {anchor(p, within, "partner_id"): i for i, p in enumerate(partners, start=1)}
    town_point = view.point(town.location[1], town.location[0]) if town.location else None
    markers = worldmap.place([(anchor(p, within, "partner_id"), p["name"], p["latitude"], p["longitude"])
                              for p in located], view, [town_point] if town_point else [])
    markers = [replace(m, number=numbers[m.key]) for m in markers]
    town_marker = (worldmap.town_label(town.name, *town_point, markers, view) if town_point else None)
    return Map(view.width, view.height, worldmap.outline_paths(view), markers, town_marker,
               [p for p in partners if p not in located])


# --- Downloads ------------------------------------------------------------------------------

def size_label(size: int) -> str:
    """A file size in French units.

    >>> size_label(862), size_label(43_365), size_label(1_234_567)
    ('862 o', '42 ko', '1,2 Mo')
    """
    if size < 1024:
        return f"{size} o"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} ko"
    return f"{size / 1024 / 1024:.1f} Mo".replace(".", ",")


@dataclass(frozen=True)
class Download:
    file: ReleaseFile
    size: str

    @property
    def descriptor(self) -> bool:
        return self.file.name == DESCRIPTOR


@dataclass(frozen=True)
class Group:
    title: str
    folder: str
    files: list[Download]

    @property
    def package(self) -> bool:
        """A data package's folder (told by its descriptor), which the dictionary sums up
        as its tables and descriptor, rather than a folder of views or archives."""
        return any(download.file.name == DESCRIPTOR for download in self.files)


def downloads(layout: Layout, contents: Contents) -> list[Group]:
    """The release's files worth a link from its page (all but the page itself, and but
    the change log, written after the views), grouped by folder in the order of
    ``contents.files`` (:func:`pipeline.emit.release_files`: the workbook first), each with
    its size."""
    labels = contents.package_titles
    groups: list[Group] = []
    for file in contents.files:
        path = layout.root / file.path
        if file.path == layout.relative(layout.index) or not path.is_file():
            continue
        folder = file.path.split("/", 1)[0] if "/" in file.path else ""
        if not groups or groups[-1].folder != folder:
            title = labels.get(folder) or (file.title if folder else "Documentation")
            groups.append(Group(title, folder, []))
        groups[-1].files.append(Download(file, size_label(path.stat().st_size)))
    return groups


def page_lines(text: str) -> list[str]:
    """The page text's lines as ``source_line`` counts them: the read stage's one
    definition of a line (a line feed, a carriage return, or both; nothing else).

    >>> page_lines("Titre\\r\\n\\nUn\\u2028deux\\rtrois\\n")
    ['Titre', '', 'Un\\u2028deux', 'trois']
    """
    from ..read import lines  # the grammar's modules: not loaded by a run that stops early

    found = lines(text)
    return found[:-1] if found and found[-1] == "" else found


# --- The pages ------------------------------------------------------------------------------

def files(layout: Layout) -> list[ReleaseFile]:
    return [
        ReleaseFile(layout.relative(layout.dictionary), "documentation", "md", "text/markdown",
                    "Dictionnaire des données",
                    "Chaque table et chaque colonne : titre, type, description, valeurs permises "
                    "et leurs libellés, exemple ; la version, la licence, la source et le contact "
                    "pour les corrections."),
        ReleaseFile(layout.relative(layout.index), "documentation", "html", "text/html",
                    "Présentation des données",
                    "Une page à ouvrir dans un navigateur, hors ligne : carte des partenaires, "
                    "actions dans le temps, téléchargements, dictionnaire des données et texte "
                    "de la page aux lignes numérotées."),
    ]


@dataclass(frozen=True)
class Figure:
    value: str
    label: str


def figures(contents: Contents) -> list[Figure]:
    """The few figures of the first screen: partners, actions and the years the dated
    actions cover (to the snapshot's year when one is ongoing), in correct French.

    Each figure is the number and its noun (``quantity``: "1 partenaire", "0 partenaire").
    """
    data = contents.data
    partners, actions = len(data["partners"]), len(data["actions"])
    starts = [a["start_year"] for a in data["actions"] if a.get("start_year") is not None]
    ends = [a["end_year"] or a["start_year"] for a in data["actions"] if a.get("start_year") is not None]
    snapshot_day = contents.about.snapshot_date
    if snapshot_day and any(a.get("is_ongoing") for a in data["actions"]):
        ends.append(int(snapshot_day[:4]))
    found = [Figure(*quantity(partners, "partenaire", "partenaires").split(" ", 1)),
             Figure(*quantity(actions, "action", "actions").split(" ", 1))]
    if starts:
        first, last = min(starts), max(ends)
        years = last - first + 1
        found.append(Figure(f"{first}–{last}" if last > first else str(first),
                            quantity(years, "année couverte", "années couvertes").split(" ", 1)[1]
                            + " par les actions datées"))
    return found


def _context(layout: Layout, contents: Contents) -> dict[str, Any]:
    about = contents.about
    contact = about.contact
    return {
        "about": about, "version": contents.version, "tables": contents.tables,
        "source_url": web_address(about.source_url), "licence_url": web_address(about.licence_url),
        "contact": contact, "contact_url": web_address(contact.url),
        "text_file": snapshot.files(layout)[0].path,
        "changelog": layout.relative(layout.changelog_md),
        "index": layout.relative(layout.index),
    }


@dataclass
class _Prepared:
    """What :func:`prepare` made for :func:`write`, and the contents it made it from."""

    made_from: tuple[Any, ...]  # the contents' data, tables, about and page text (by identity)
    parts: dict[str, Any]


_PREPARED: list[_Prepared] = []  # at most one: the contents being written


def _made_from(contents: Contents) -> tuple[Any, ...]:
    return (contents.data, contents.tables, contents.about, contents.page_text)


def _parts(contents: Contents) -> dict[str, Any]:
    """The page's parts that the release's files do not change: the partners' timelines
    (the block ``timelines`` of the template, rendered), the map, the figures and the page
    text's numbered lines: nearly all of a large page's cost.

    Python's collector of cycles is paused meanwhile: the parts are hundreds of thousands
    of small objects (rows, escaped strings), none of which is garbage in a cycle, and
    each object made counts towards a full collection, which walks every object of the
    run's process not set aside (a national merge's 300 towns: five full collections,
    a fifth of this step's 1.2 s of processor time). What it frees it frees once resumed."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _made_parts(contents)
    finally:
        if enabled:
            gc.enable()


def _made_parts(contents: Contents) -> dict[str, Any]:
    rows, time_scale = sections(contents)
    lines = page_lines(contents.page_text)
    return {
        "map": world_map(contents.data["partners"]), "sections": rows, "scale": time_scale,
        "dated": sum(1 for s in rows for r in s.rows if r.left is not None),
        "figures": figures(contents),
        "without_status": sum(1 for a in contents.data["actions"] if not a.get("status")),
        "actions": len(contents.data["actions"]),
        "lines": lines, "numbered_lines": numbered_lines(lines),
        "timelines": timelines_html(rows, time_scale),
    }


def timelines_html(rows: list[Section], time_scale: Scale | None) -> str:
    """The partners' timelines, as the template's block ``timelines`` renders them
    (``index.html.j2``, the reference: ``tests/test_pages_prepared.py`` renders both, on the
    real page's sections and on made ones with every branch, and compares them), written
    here in one pass: the block's loop cost a large page a tenth of a second for each
    10,000 actions (Jinja2's lookups of attributes and items, and its escape of every
    value), which a national merge or a page of 100,000 actions paid in the run's own
    process. The values are escaped as the template escapes them (``bdi`` where it
    applies the filter, ``escape`` elsewhere); numbers are written as ``str`` writes them."""
    out: list[str] = []
    add = out.append
    ticks = ""
    if time_scale:
        ticks = "".join(f'<span style="left:{x}%" class="{"minor" if year % 10 else "major"}'
                        f'{" end" if x > 90 else ""}">{year}</span>' for year, x in time_scale.ticks)
    dated_mark = ' data-dated="true"'
    for section in rows:
        anchor_text, partner = escape(section.anchor), section.partner
        line = escape(partner["source_line"])
        add(f'  <section class="partner" id="p-{anchor_text}" data-partner="{anchor_text}">\n'
            f'    <h3><span class="num">{section.number}</span>{bdi(partner["name"])}</h3>\n'
            f'    <p class="facts-line">{"".join(f"{bdi(fact)} · " for fact in section.facts)}'
            f'<a href="#L{line}">ligne {line}</a>')
        if where := section.position:
            source = (f'<a href="{escape(where.url)}">{bdi(where.source)}</a>' if where.url
                      else bdi(where.source))
            add(f'<br><span class="position">Position sur la carte : {escape(where.coordinates)}, '
                f"d'après {source}</span>")
        add("</p>\n")
        if time_scale and section.rows:
            add(f'    <div class="axis-row" aria-hidden="true"><span></span><div class="axis">'
                f"{ticks}</div></div>\n")
        add('    <ol class="actions">\n')
        for row in section.rows:
            row_anchor, at = escape(row.anchor), escape(row.action["source_line"])
            dated = row.left is not None
            bar = (f'<span class="bar{" ongoing" if row.ongoing else ""}" '
                   f'style="left:{row.left}%;width:{row.width}%"></span>') if dated else ""
            status = f' <span class="status">{bdi(row.status)}</span>' if row.status else ""
            add(f'      <li class="action" id="a-{row_anchor}" data-action="{row_anchor}"'
                f'{dated_mark if dated else ""}>\n'
                f'        <a class="when" href="#L{at}">{bdi(row.when)}</a>\n'
                f'        <span class="track" aria-hidden="true">{bar}</span>\n'
                f'        <p class="what">{bdi(row.text)}{status} '
                f'<a href="#L{at}">{escape(row.lines)}</a></p>\n'
                "      </li>\n")
        add("    </ol>\n  </section>\n")
    return "".join(out)


def prepare(contents: Contents) -> None:
    """Make what the pages need besides the release's files (whose sizes they give): the
    templates, loaded (Jinja2 imported, their compiled code read), the map, the partners'
    timelines (rendered), the figures and the numbered lines of the page text. A run calls
    it while the writer zips the archives and the workers validate, so that the pages,
    written once the archives are zipped, only list the downloads (``pipeline/run.py``):
    on a large page the rest took seconds, the run's process alone busy and the other core
    idle. :func:`write` uses what was made for the same contents (the same objects), and
    makes it itself otherwise."""
    for kind, name in TEMPLATE_NAMES.items():
        _environment(kind).get_template(name)
    _PREPARED[:] = [_Prepared(_made_from(contents), _parts(contents))]


def write(layout: Layout, contents: Contents) -> None:
    context = _context(layout, contents)
    context["groups"] = downloads(layout, contents)
    dictionary = _environment("markdown").get_template(TEMPLATE_NAMES["markdown"]).render(**context)
    layout.dictionary.write_text(dictionary, encoding="utf-8")
    made_from = _made_from(contents)
    prepared = next((p.parts for p in _PREPARED if all(
        a is b for a, b in zip(p.made_from, made_from, strict=True))), None)
    _PREPARED.clear()  # written once: not held any longer
    parts = prepared if prepared is not None else _parts(contents)
    context.update({**parts, "downloads": downloads(layout, contents), "town": config().town})
    html = _environment("html")
    template = html.get_template(TEMPLATE_NAMES["html"])
    rendering = template.new_context(context)
    timelines = parts["timelines"]
    # the block rendered already, as it was (the same template, the same sections)
    rendering.blocks["timelines"] = [lambda _: iter((timelines,))]
    try:
        page = html.concat(template.root_render_func(rendering))
    except Exception:
        html.handle_exception()
    layout.index.write_text(page, encoding="utf-8")
