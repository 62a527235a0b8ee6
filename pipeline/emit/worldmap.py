"""The map of the page: country outlines under the partners' points, and where each point's
numbered marker and name go so that none hides another.

The outlines are Natural Earth's countries at 1:110m (public domain), shipped in the
repository as the TopoJSON of the npm package ``world-atlas``
(``raw/reference/countries-110m.json``, with its provenance beside it): nothing is fetched
when the page is made or read. The projection is equirectangular around the points, its
horizontal scale shrunk by the cosine of their middle latitude so that shapes are not
stretched; at the scale of a few thousand kilometres that is all a reader needs.
"""

from __future__ import annotations

from collections.abc import Sequence

import json
import math
from contextlib import suppress
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .. import derived
from ..paths import REFERENCE

BASEMAP = REFERENCE / "countries-110m.json"
WIDTH = 1000.0
MARGIN = 8.0  # degrees around the points
MIN_SPAN = 20.0  # degrees: a map of one place still shows its region
# Sizes in the map's units (the SVG scales to the page's width): the markers are drawn at
# their small-screen size when placed, so that they stay apart at every width.
MARKER_RADIUS = 26.0
SPREAD = 2.6  # marker radii between a cluster's centre and its markers
LABEL_SIZE = 19.0  # font size of the names (shown on wide screens only)
CHAR_WIDTH = 0.56  # average width of a character, in font sizes
SIMPLIFY = 0.8  # units: points of an outline closer than this to the last one are dropped


@dataclass(frozen=True)
class Projection:
    west: float
    north: float
    scale: float  # units per degree of latitude
    squeeze: float  # cosine of the middle latitude
    width: float
    height: float

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        return (round((lon - self.west) * self.squeeze * self.scale, 1),
                round((self.north - lat) * self.scale, 1))


def projection(points: list[tuple[float, float]]) -> Projection:
    """The view that holds ``points`` (latitude, longitude) with a margin, ``WIDTH`` wide.

    >>> p = projection([(48.8, 2.4), (14.5, -9.0)])
    >>> p.point(2.4, 48.8)[1] > 0 and p.point(-9.0, 14.5)[0] > 0
    True
    """
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    south, north = min(lats) - MARGIN, max(lats) + MARGIN
    west, east = min(lons) - MARGIN, max(lons) + MARGIN
    if north - south < MIN_SPAN:
        middle = (north + south) / 2
        south, north = middle - MIN_SPAN / 2, middle + MIN_SPAN / 2
    if east - west < MIN_SPAN:
        middle = (east + west) / 2
        west, east = middle - MIN_SPAN / 2, middle + MIN_SPAN / 2
    south, north = max(south, -89.0), min(north, 89.0)
    squeeze = math.cos(math.radians((north + south) / 2))
    scale = WIDTH / ((east - west) * squeeze)
    return Projection(west, north, scale, squeeze, WIDTH, round((north - south) * scale, 1))


@cache
def _topology() -> dict[str, Any]:
    return json.loads(BASEMAP.read_text(encoding="utf-8"))


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The arcs in longitude and latitude: TopoJSON stores them quantized and
    delta-encoded (each point the difference from the one before)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A ring from its arcs; ``~i`` is arc ``i`` backwards, and each arc starts where the
    last one ended, so that point is taken once."""
    ring: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring += arc[1:] if ring else arc
    return ring


def countries(topology: dict[str, Any] | None = None) -> list[tuple[str, list[list[tuple[float, float]]]]]:
    """Each country's name and rings (outer rings and holes), in longitude and latitude."""
    topology = topology or _topology()
    arcs = _arcs(topology)
    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])],
                    "MultiPolygon": geometry.get("arcs", [])}.get(geometry.get("type"), [])
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        if rings:
            found.append((geometry.get("properties", {}).get("name", ""), rings))
    return found


def outline_paths(view: Projection) -> list[str]:
    """The SVG path of every country that shows in ``view``, its points thinned to what
    the map's scale can show, in the basemap's order (the same bytes every run)."""
    return list(_outline_paths(view))


@lru_cache(maxsize=8)
def _outline_paths(view: Projection) -> tuple[str, ...]:
    # kept by view: the pages ask for them while the release is validated and once more
    # when they are written (pages.prepare); a national run's towns each have their own.
    # And from one run to the next (pipeline/derived.py), under the sha256 of the basemap,
    # of this code and of the view: the same partners' places, the same paths.
    digest = derived.key(BASEMAP.read_bytes(), Path(__file__).read_bytes(), repr(view).encode())
    found = derived.kept("outlines", digest)
    if found is not None:
        with suppress(ValueError):
            paths = json.loads(found)
            if isinstance(paths, list) and all(isinstance(p, str) for p in paths):
                return tuple(paths)
    drawn = _drawn(view)
    derived.keep("outlines", digest, json.dumps(drawn).encode())
    return drawn


def _drawn(view: Projection) -> tuple[str, ...]:
    paths = []
    for _, rings in countries():
        parts = []
        for ring in rings:
            projected = [view.point(lon, lat) for lon, lat in ring]
            xs, ys = [p[0] for p in projected], [p[1] for p in projected]
            if max(xs) < 0 or min(xs) > view.width or max(ys) < 0 or min(ys) > view.height:
                continue
            kept = [projected[0]]
            for x, y in projected[1:]:
                if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= SIMPLIFY:
                    kept.append((x, y))
            if len(kept) >= 3:
                parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in kept) + "Z")
        if parts:
            paths.append("".join(parts))
    return tuple(paths)


@dataclass(frozen=True)
class Marker:
    """A partner's point, the numbered marker that shows it (moved aside, with a line to
    the point, when another point is too close) and where its name goes."""

    key: str
    number: int
    name: str
    x: float  # the point
    y: float
    mx: float  # the marker
    my: float
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "start"

    @property
    def moved(self) -> bool:
        return (self.mx, self.my) != (self.x, self.y)


def _clusters(points: list[tuple[float, float]], distance: float) -> list[list[int]]:
    """Groups of points closer than ``distance`` to a point of the group (single linkage)."""
    groups: list[list[int]] = []
    for i, (x, y) in enumerate(points):
        near = [g for g in groups
                if any(math.hypot(x - points[j][0], y - points[j][1]) < distance for j in g)]
        merged = [i]
        for group in near:
            merged = group + merged
            groups.remove(group)
        groups.append(sorted(merged))
    return sorted(groups)


def _spread(members: list[tuple[float, float]], centre: tuple[float, float], view: Projection,
            ) -> list[tuple[float, float]]:
    """Marker places for a cluster: on a circle around it, towards the middle of the map,
    one angle step apart, in the order of the points from north to south."""
    cx = sum(x for x, _ in members) / len(members)
    cy = sum(y for _, y in members) / len(members)
    toward = math.atan2(centre[1] - cy, centre[0] - cx)
    radius = SPREAD * MARKER_RADIUS * max(1.0, len(members) / 2)
    step = 2 * math.asin(min(1.0, 1.25 * MARKER_RADIUS / radius))
    order = sorted(range(len(members)), key=lambda i: (members[i][1], members[i][0]))
    places: list[tuple[float, float]] = [(0.0, 0.0)] * len(members)
    for rank, i in enumerate(order):
        angle = toward - (rank - (len(members) - 1) / 2) * step * (1 if math.cos(toward) < 0 else -1)
        x = min(max(cx + radius * math.cos(angle), MARKER_RADIUS), view.width - MARKER_RADIUS)
        y = min(max(cy + radius * math.sin(angle), MARKER_RADIUS), view.height - MARKER_RADIUS)
        places[i] = (round(x, 1), round(y, 1))
    return places


Box = tuple[float, float, float, float]


def _overlaps(box: Box, boxes: list[Box]) -> bool:
    x1, y1, x2, y2 = box
    return any(x1 < b[2] and b[0] < x2 and y1 < b[3] and b[1] < y2 for b in boxes)


def _label(marker: Marker, taken: list[Box], view: Projection, radius: float) -> Marker:
    """The first place beside the marker (right, left, above, below) where its name fits
    in the map and covers no other name or marker."""
    width = len(marker.name) * LABEL_SIZE * CHAR_WIDTH
    gap, half = radius + 6, LABEL_SIZE * 0.45
    x, y = marker.mx, marker.my
    tries = [(x + gap, y + half, "start", (x + gap, y - half - 4, x + gap + width, y + half + 4)),
             (x - gap, y + half, "end", (x - gap - width, y - half - 4, x - gap, y + half + 4)),
             (x, y - gap - 4, "middle", (x - width / 2, y - gap - 2 * half - 8, x + width / 2, y - gap)),
             (x, y + gap + 2 * half, "middle",
              (x - width / 2, y + gap, x + width / 2, y + gap + 2 * half + 8))]
    inside = [t for t in tries if t[3][0] >= 0 and t[3][2] <= view.width
              and t[3][1] >= 0 and t[3][3] <= view.height]
    candidates = inside + [t for t in tries if t not in inside]
    lx, ly, anchor, box = next((t for t in candidates if not _overlaps(t[3], taken)), candidates[0])
    taken.append(box)
    return Marker(marker.key, marker.number, marker.name, marker.x, marker.y,
                  marker.mx, marker.my, round(lx, 1), round(ly, 1), anchor)


def place(points: list[tuple[str, str, float, float]], view: Projection,
          others: Sequence[tuple[float, float]] = (), label_radius: float = 14.0) -> list[Marker]:
    """Numbered markers for ``points`` (key, name, latitude, longitude), numbered in the
    order given; points closer than two markers are spread around their cluster with a
    line back to each point. ``others`` are points already drawn (the town) that names
    must not cover.

    >>> view = projection([(31.96, 35.22), (31.78, 35.23), (48.8, 2.4)])
    >>> a, b, c = place([("t", "Tamba", 31.96, 35.22), ("k", "Kalo-Est", 31.78, 35.23),
    ...                  ("v", "Ville", 48.8, 2.4)], view)
    >>> a.moved and b.moved and not c.moved, math.hypot(a.mx - b.mx, a.my - b.my) > 2 * MARKER_RADIUS
    (True, True)
    """
    projected = [view.point(lon, lat) for _, _, lat, lon in points]
    markers: list[Marker] = []
    spots: dict[int, tuple[float, float]] = {}
    centre = (view.width / 2, view.height / 2)
    for group in _clusters(projected, 2.2 * MARKER_RADIUS):
        if len(group) == 1:
            spots[group[0]] = projected[group[0]]
        else:
            for i, spot in zip(group, _spread([projected[i] for i in group], centre, view), strict=True):
                spots[i] = spot
    for i, (key, name, _, _) in enumerate(points):
        x, y = projected[i]
        markers.append(Marker(key, i + 1, name, x, y, *spots[i]))
    taken: list[Box] = [(m.mx - label_radius, m.my - label_radius, m.mx + label_radius,
                         m.my + label_radius) for m in markers]
    taken += [(x - 8, y - 8, x + 8, y + 8) for x, y in others]
    return [_label(m, taken, view, label_radius) for m in markers]


def town_label(name: str, x: float, y: float, markers: list[Marker], view: Projection,
               size: float = 8.0) -> Marker:
    """Where the town's name goes: beside its square, clear of the partners' names."""
    taken: list[Box] = []
    for m in markers:
        width = len(m.name) * LABEL_SIZE * CHAR_WIDTH
        left = m.label_x - (width if m.anchor == "end" else width / 2 if m.anchor == "middle" else 0)
        taken.append((left, m.label_y - LABEL_SIZE, left + width, m.label_y + 4))
        taken.append((m.mx - 14, m.my - 14, m.mx + 14, m.my + 14))
    return _label(Marker("", 0, name, x, y, x, y), taken, view, size)
