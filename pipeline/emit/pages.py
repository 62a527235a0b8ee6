"""Pages for people: the French data dictionary (``README.md``) and ``index.html``.

``index.html`` works offline, opened from disk: what the data is, a map of the partners
(an SVG drawn from their coordinates, no tiles to download), a timeline of the dated
actions by partner, counts, download links and the data dictionary. Both pages are Jinja2
templates (``pipeline/templates/``) filled from the dictionary model and the tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..layout import Layout, ReleaseFile, release_files

if TYPE_CHECKING:
    from jinja2 import Environment

    from . import Contents

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
MAP_WIDTH, MAP_HEIGHT, MAP_MARGIN = 900, 420, 8.0  # margin in degrees around the partners
TIMELINE_WIDTH, SUBROW, LANE_PADDING, LABEL = 900, 9, 14, 230


@dataclass(frozen=True)
class Marker:
    partner_id: str
    name: str
    x: float
    y: float
    label_dy: float = 4.0  # pushed down when another marker's label is in the way
    label_left: bool = False  # on the right of the map, the label goes to the left


@dataclass(frozen=True)
class Bar:
    action_id: str
    label: str
    x: float
    width: float
    ongoing: bool
    text: str
    y: float = 0.0  # within its lane: overlapping actions go on separate sub-rows


@dataclass(frozen=True)
class Lane:
    partner_id: str
    name: str
    y: float
    bars: list[Bar]


def markers(partners: list[dict]) -> tuple[list[Marker], list[tuple[str, float, float, float, float]]]:
    """Partners placed on an equirectangular view of the area around them, and its
    graticule (label, x1, y1, x2, y2) every 10 degrees."""
    located = [p for p in partners if p["latitude"] is not None]
    if not located:
        return [], []
    west = min(p["longitude"] for p in located) - MAP_MARGIN
    east = max(p["longitude"] for p in located) + MAP_MARGIN
    south = min(p["latitude"] for p in located) - MAP_MARGIN
    north = max(p["latitude"] for p in located) + MAP_MARGIN
    scale = min(MAP_WIDTH / (east - west), MAP_HEIGHT / (north - south))

    def x(lon: float) -> float:
        return round((lon - west) * scale, 1)

    def y(lat: float) -> float:
        return round((north - lat) * scale, 1)
    lines = []
    for lon in range(int(west // 10 + 1) * 10, int(east) + 1, 10):
        lines.append((f"{abs(lon)}°{'E' if lon >= 0 else 'O'}", x(lon), 0.0, x(lon), y(south)))
    for lat in range(int(south // 10 + 1) * 10, int(north) + 1, 10):
        lines.append((f"{abs(lat)}°{'N' if lat >= 0 else 'S'}", 0.0, y(lat), x(east), y(lat)))
    placed: list[Marker] = []
    for p in sorted(located, key=lambda p: (-p["latitude"], p["longitude"])):
        mx, my = x(p["longitude"]), y(p["latitude"])
        near = sum(1 for m in placed if abs(m.x - mx) < 40 and abs(m.y - my) < 16)
        placed.append(Marker(p["partner_id"], p["name"], mx, my, 4.0 + 16 * near,
                             mx > MAP_WIDTH * 0.6))
    order = [p["partner_id"] for p in located]
    return sorted(placed, key=lambda m: order.index(m.partner_id)), lines


def lanes(partners: list[dict], actions: list[dict]) -> tuple[list[Lane], list[tuple[int, float]]]:
    """One lane per partner with a bar per dated action, and the year ticks."""
    dated = [a for a in actions if a["start_year"] is not None]
    if not dated:
        return [], []
    first = min(a["start_year"] for a in dated)
    last = max(a["end_year"] or a["start_year"] for a in dated)
    scale = (TIMELINE_WIDTH - LABEL) / (last - first + 1)
    by_partner: dict[str, list[dict]] = {}
    for a in sorted(dated, key=lambda a: (a["start_year"], a["action_id"])):
        by_partner.setdefault(a["partner_id"], []).append(a)
    result, top = [], 0.0
    for partner in partners:
        bars, ends = [], []  # ends[i]: the last year taken on sub-row i
        for a in by_partner.get(partner["partner_id"], []):
            end = a["end_year"] if a["end_year"] is not None else last
            row = next((i for i, taken in enumerate(ends) if taken < a["start_year"]), len(ends))
            ends[row:row + 1] = [end]
            bars.append(Bar(a["action_id"], a["date_label"] or "",
                            round(LABEL + (a["start_year"] - first) * scale, 1),
                            round((end - a["start_year"] + 1) * scale, 1), bool(a["is_ongoing"]),
                            a["text"][:140], row * SUBROW))
        result.append(Lane(partner["partner_id"], partner["name"], top, bars))
        top += max(len(ends), 1) * SUBROW + LANE_PADDING
    ticks = [(year, round(LABEL + (year - first) * scale, 1))
             for year in range(first - first % 5 + 5 if first % 5 else first, last + 1, 5)]
    return result, ticks


def _lane_height(lane: Lane) -> float:
    return (max((b.y for b in lane.bars), default=0) + SUBROW) + LANE_PADDING


def _environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                       autoescape=select_autoescape(["html"]), trim_blocks=True,
                       lstrip_blocks=True, keep_trailing_newline=True)


def files(layout: Layout) -> list[ReleaseFile]:
    return [
        ReleaseFile(layout.relative(layout.dictionary), "documentation", "md", "text/markdown",
                    "Dictionnaire des données",
                    "Chaque table et chaque colonne : type, description, exemple ; la licence et "
                    "la source."),
        ReleaseFile(layout.relative(layout.index), "documentation", "html", "text/html",
                    "Présentation des données",
                    "Une page à ouvrir dans un navigateur, hors ligne : carte des partenaires, "
                    "frise des actions, téléchargements et dictionnaire des données."),
    ]


def downloads(layout: Layout) -> list[ReleaseFile]:
    """The files of the release worth a link from its page: all but the page itself."""
    return [f for f in release_files(layout) if f.path != layout.relative(layout.index)]


def write(layout: Layout, contents: Contents) -> None:
    data = contents.data
    environment = _environment()
    places, graticule = markers(data["partners"])
    rows, ticks = lanes(data["partners"], data["actions"])
    context = {
        "about": contents.about, "tables": contents.tables, "partners": data["partners"],
        "markers": places, "graticule": graticule, "lanes": rows, "ticks": ticks,
        "map_width": MAP_WIDTH, "map_height": max((g[4] for g in graticule), default=MAP_HEIGHT),
        "timeline_width": TIMELINE_WIDTH, "label": LABEL,
        "timeline_height": (max((lane.y for lane in rows), default=0) + _lane_height(rows[-1]) + 30
                            if rows else 60),
        "dated": sum(len(lane.bars) for lane in rows), "downloads": downloads(layout),
    }
    for path in (layout.dictionary, layout.index):
        text = environment.get_template(f"{path.name}.j2").render(**context)
        path.write_text(text, encoding="utf-8")
