"""How features look: one symbology shared by the dashboard map and the PNG snapshots.

Colours are distinct per layer and per status (a closed airport does not look like an open
one), shapes differ per layer (circles for dated events, squares for troops, diamonds for
infrastructure), and sizes follow the counts (fatalities, troops) on a square-root scale so
area, not radius, is proportional to the count.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from geo.schema import INFRASTRUCTURE_STATUSES


@dataclass(frozen=True)
class LayerStyle:
    """A layer's name for people, its colour and shape, and what sizes its symbols."""

    label: str
    colour: str
    shape: str  # "circle", "square", "diamond", "area"
    size_by: str = ""  # a count column, or "" for a fixed size
    description: str = ""
    # A missing count means "size unknown" (a contingent without a published headcount), not
    # "none": such symbols are drawn hollow with a "?" at UNKNOWN_RADIUS, never smallest.
    unknown_when_missing: bool = False


LAYER_STYLES: dict[str, LayerStyle] = {
    "protests": LayerStyle(
        "Protests", "#e9a100", "circle", "detained", "Peaceful and dispersed protests"
    ),
    "clashes": LayerStyle(
        "Clashes and riots", "#c8102e", "circle", "fatalities", "Riots, armed clashes, attacks"
    ),
    "troops": LayerStyle(
        "Troop presence",
        "#1d4e89",
        "square",
        "troops",
        "Foreign contingents in place",
        unknown_when_missing=True,
    ),
    "infrastructure": LayerStyle(
        "Infrastructure status", "#444444", "diamond", "", "Airports, government sites, utilities"
    ),
    "emergency": LayerStyle(
        "State of emergency", "#f4a3a8", "area", "", "Admin-1 units under a state of emergency"
    ),
    "other": LayerStyle("Other events", "#6f6f6f", "circle", "detained", "Arrests, decisions"),
}

STATUS_COLOURS: dict[str, str] = {
    "operational": "#2a9d4b",
    "disrupted": "#f08c00",
    "closed": "#7a7a7a",
    "seized": "#7b2cbf",
    "damaged": "#d9480f",
    "destroyed": "#1a1a1a",
}
assert set(STATUS_COLOURS) == set(INFRASTRUCTURE_STATUSES)
# Where infrastructure labels collide, whose is kept: a site taken or destroyed is the day's
# news before one that is only closed (the map's layout, then the order of the symbols).
STATUS_LABEL_RANK: dict[str, int] = {
    "seized": 5, "destroyed": 4, "damaged": 3, "closed": 2, "disrupted": 1, "operational": 0,
}  # fmt: skip
assert set(STATUS_LABEL_RANK) == set(INFRASTRUCTURE_STATUSES)

STATUS_LABELS: dict[str, str] = {
    "operational": "Operational",
    "disrupted": "Disrupted / reduced",
    "closed": "Closed",
    "seized": "Seized",
    "damaged": "Damaged / burned",
    "destroyed": "Destroyed",
}

MIN_RADIUS = 5.0
MAX_RADIUS = 28.0
UNKNOWN_RADIUS = 11.0  # a symbol whose size was never reported: mid-sized, hollow, with "?"


@dataclass(frozen=True)
class MarkerStyle:
    """What one feature looks like: colour, shape, radius in pixels, and whether labelled."""

    colour: str
    shape: str
    radius: float
    label: bool = False
    unknown: bool = False  # the size-by count was never reported (drawn hollow with "?")


def scaled_radius(count: object, *, per_unit: float) -> float:
    """Radius in pixels growing with the square root of a count, clamped to a readable range."""
    try:
        n = float(count)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return MIN_RADIUS
    if math.isnan(n) or n <= 0:
        return MIN_RADIUS
    return min(MAX_RADIUS, MIN_RADIUS + per_unit * math.sqrt(n))


_PER_UNIT = {"fatalities": 2.2, "detained": 0.35, "troops": 0.45}


def marker_style(
    layer: str, *, status: str = "", counts: dict[str, object] | None = None
) -> MarkerStyle:
    """The marker for one feature of a layer, given its status and counts."""
    style = LAYER_STYLES[layer]
    colour = STATUS_COLOURS.get(status, style.colour) if layer == "infrastructure" else style.colour
    radius = MIN_RADIUS + 2 if style.shape != "circle" else MIN_RADIUS
    unknown = False
    if style.size_by and counts is not None:
        if style.unknown_when_missing and counts.get(style.size_by) is None:
            unknown, radius = True, max(radius, UNKNOWN_RADIUS)
        else:
            radius = max(
                radius, scaled_radius(counts.get(style.size_by), per_unit=_PER_UNIT[style.size_by])
            )
    labelled = layer in ("infrastructure", "troops")
    return MarkerStyle(colour, style.shape, radius, label=labelled, unknown=unknown)


def legend_entries(layers: list[str] | tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(label, colour, shape) rows for a legend of the given layers, statuses spelled out."""
    rows: list[tuple[str, str, str]] = []
    for layer in layers:
        style = LAYER_STYLES[layer]
        if layer == "infrastructure":
            rows += [(f"{STATUS_LABELS[s]}", STATUS_COLOURS[s], "diamond") for s in STATUS_COLOURS]
        else:
            rows.append((style.label, style.colour, style.shape))
    return rows


# --- one symbol per place ----------------------------------------------------------------------

# Most severe first: a place with a closed and a damaged site shows "damaged".
STATUS_SEVERITY: tuple[str, ...] = (
    "destroyed",
    "damaged",
    "seized",
    "closed",
    "disrupted",
    "operational",
)
PLACE_PER_UNIT = 2.0  # radius growth per sqrt(features) at one place
_COUNTED = ("fatalities", "injured", "detained", "troops")


def worst_status(statuses: Iterable[str]) -> str:
    """The most severe status among some (empty when there is none)."""
    rank = {s: i for i, s in enumerate(STATUS_SEVERITY)}
    present = [s for s in statuses if s]
    return min(present, key=lambda s: rank.get(s, len(rank))) if present else ""


@dataclass(frozen=True)
class PlaceGroup:
    """The features drawn as one symbol because they share a point."""

    lat: float
    lon: float
    rows: tuple[int, ...]  # positions in the frame, in frame order
    counts: dict[str, int | None]  # summed; retracted records never add up; None: not reported
    status: str  # the most severe status among them
    reported: dict[str, int] = field(default_factory=dict)  # per count: members that gave it


def place_groups(frame: pd.DataFrame, lat: np.ndarray, lon: np.ndarray) -> list[PlaceGroup]:
    """Features of a FEATURE_COLUMNS frame grouped by point (5 decimals), in first-seen order.

    ``lat``/``lon`` are the points of the frame's rows (the caller decides how a geometry
    becomes a point). A retracted record stays in its group but adds nothing to the counts.
    """
    by_key: dict[tuple[float, float], list[int]] = {}
    for i, key in enumerate(zip(np.round(lat, 5).tolist(), np.round(lon, 5).tolist(), strict=True)):
        by_key.setdefault(key, []).append(i)
    counted = (frame["certainty"] != "retracted").tolist()
    columns = {c: frame[c].tolist() for c in _COUNTED}
    statuses = [s if isinstance(s, str) else "" for s in frame["status"].tolist()]
    groups = []
    for rows in by_key.values():
        counts = {c: _sum(v[i] for i in rows if counted[i]) for c, v in columns.items()}
        reported = {
            c: sum(1 for i in rows if counted[i] and _given(v[i])) for c, v in columns.items()
        }
        status = worst_status(statuses[i] for i in rows)
        first = rows[0]
        groups.append(
            PlaceGroup(float(lat[first]), float(lon[first]), tuple(rows), counts, status, reported)
        )
    return groups


def place_marker(layer: str, group: PlaceGroup) -> MarkerStyle:
    """The marker of a place: the layer's style for its status and counts, bigger with more."""
    style = marker_style(layer, status=group.status, counts=group.counts)
    if style.unknown and group.reported.get(LAYER_STYLES[layer].size_by, 0):
        style = replace(style, unknown=False)  # partly known: sized by what is known
    if len(group.rows) > 1:
        grown = scaled_radius(len(group.rows), per_unit=PLACE_PER_UNIT)
        style = replace(style, radius=max(style.radius, grown))
    return style


def _given(v: object) -> bool:
    return not (v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)))


def _sum(values: Iterable[object]) -> int | None:
    total, seen = 0, False
    for v in values:
        if not _given(v):
            continue
        total += int(v)  # type: ignore[call-overload]
        seen = True
    return total if seen else None


# --- what a group is called ------------------------------------------------------------------

_ORGANISATION_RE = re.compile(r"\(([^()]+)\)\s*$")


def group_label(
    layer: str, group: PlaceGroup, names: Sequence[str], actors: Sequence[str] = ()
) -> str:
    """The label of a place's symbol that says what the group is, in plain text.

    One feature: its name (a troop contingent with its headcount, or "size unknown"). Several:
    how many and of what, never one member's name standing for all ("3 CSTO contingents,
    450 troops known"; "Almaty International Airport and 1 more site").
    """
    n = len(group.rows)
    first = names[group.rows[0]] if group.rows else ""
    if layer != "troops":
        if n == 1 or not first:
            return first
        return f"{first} and {n - 1} more site" + ("s" if n > 2 else "")
    troops, known = group.counts.get("troops"), group.reported.get("troops", 0)
    if troops is None:
        size = "size unknown"
    elif known < n:
        size = f"{troops:,} troops known"
    else:
        size = f"{troops:,} troops"
    if n == 1:
        return f"{first}, {size}" if first else size.capitalize()
    member_names = [names[i] for i in group.rows]
    orgs = {_organisation(actors[i]) for i in group.rows} if actors else {""}
    org = f"{orgs.pop()} " if len(orgs) == 1 and "" not in orgs else ""
    contingents = [m for m in member_names if m.lower().endswith("contingent")]
    others = [_unit_noun(m, org.strip()) for m in member_names if m not in contingents]
    if not contingents:
        return f"{n} {org}troop units, {size}"
    what = f"{len(contingents)} {org}contingent" + ("s" if len(contingents) > 1 else "")
    if others:
        what += " and " + ", ".join(dict.fromkeys(others))
    return f"{what}, {size}"


def _unit_noun(name: str, org: str) -> str:
    """A unit's name without its organisation and brackets ("CSTO command post (x)" -> command
    post), to follow "3 CSTO contingents and"."""
    noun = _ORGANISATION_RE.sub("", name).strip()
    if org and noun.startswith(org + " "):
        noun = noun[len(org) + 1 :]
    return noun or name


def _organisation(actor: object) -> str:
    """The organisation in brackets at the end of an actor ("... of Armenia (CSTO)" -> CSTO)."""
    if not isinstance(actor, str):
        return ""
    if actor.startswith("CSTO"):
        return "CSTO"
    match = _ORGANISATION_RE.search(actor)
    return match.group(1).strip() if match else ""


# --- symbols that never hide each other --------------------------------------------------------

LAYER_PRIORITY: dict[str, int] = {"infrastructure": 0, "troops": 1}  # others: 2


def spread_offsets(
    points: Sequence[tuple[float, float, float]],
    *,
    priority: Sequence[int] | None = None,
    gap: float = 3.0,
    overlap: float = 0.75,
    min_leg: float = 10.0,
    max_cluster: int = 12,
) -> list[tuple[float, float]]:
    """Pixel offsets (dx, dy) that move symbols off each other, as a spiderfied cluster.

    ``points`` are (x, y, radius) in pixels. Symbols whose discs overlap by more than
    ``1 - overlap`` of their radii (chained: A near B near C) form a cluster; a cluster of two
    or more is laid on a ring around its centre, most important first (``priority``, lower
    first; then the larger), clockwise from the top, neighbours ``gap`` pixels apart and each at
    least ``min_leg`` pixels beyond the largest radius, so its leader line shows. In a cluster
    of more than ``max_cluster`` only the priority ones (rank below 2) are spread. A lone
    symbol gets (0, 0). The dashboard runs the same steps in JavaScript (dashboard.leaflet).
    """
    n = len(points)
    clusters: dict[int, list[int]] = {}
    for i, label in enumerate(_touching_groups(points, overlap).tolist()):
        clusters.setdefault(label, []).append(i)
    rank = list(priority) if priority is not None else [0] * n
    offsets = [(0.0, 0.0)] * n
    for members in clusters.values():
        if len(members) > max_cluster:  # a dense city at a far zoom: lift out only the sites
            members = [i for i in members if rank[i] < 2]  # and troops (a ring of 100 is noise)
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (rank[i], -points[i][2], i))
        cx = sum(points[i][0] for i in members) / len(members)
        cy = sum(points[i][1] for i in members) / len(members)
        k = len(members)
        chord = max(points[members[m]][2] + points[members[(m + 1) % k]][2] + gap for m in range(k))
        ring = max(
            chord / (2 * math.sin(math.pi / k)), max(points[i][2] for i in members) + min_leg
        )
        for m, i in enumerate(members):
            angle = -math.pi / 2 + 2 * math.pi * m / k
            x = cx + ring * math.cos(angle)
            y = cy + ring * math.sin(angle)
            offsets[i] = (x - points[i][0], y - points[i][1])
    return offsets


def _touching_groups(points: Sequence[tuple[float, float, float]], overlap: float) -> np.ndarray:
    """A group label per symbol: symbols whose discs overlap (centres closer than
    ``(ri + rj) * overlap``), chained, share a label (the lowest index in the group).

    Without testing every close pair (a crowded city at a far zoom holds millions; their
    arrays cost a 100k-event snapshot 0.35 s): the symbols sit in grid cells so small that
    any two in one cell overlap, a cell is joined to a nearby cell when their largest symbols
    overlap, and only cells still apart have their symbols' pairs tested. By numpy alone
    (scipy's k-d tree and graph modules cost a snapshot half a second to import)."""
    n = len(points)
    if n < 2:
        return np.arange(n)
    xyr = np.asarray(points, dtype=float)
    x, y, r = xyr[:, 0], xyr[:, 1], xyr[:, 2]
    reach = 2 * float(r.max()) * overlap
    # two symbols of one cell are closer than its diagonal, which is below (ri + rj) * overlap
    # with a margin no rounding can eat
    size = 0.9 * 2 * float(r.min()) * overlap / math.sqrt(2)
    span = max(float(np.ptp(x)), float(np.ptp(y)), 1.0)
    if not size > span / 1e6:  # zero-sized symbols (or no overlap): every close pair tested
        i, j = _pairs_within(x, y, reach)
        return _components(n, *_touching(xyr, overlap, i, j))
    cx = np.floor((x - x.min()) / size)
    cy = np.floor((y - y.min()) / size)
    keys, cell = np.unique(cx * (float(cy.max()) + 1) + cy, return_inverse=True)
    cell = cell.ravel()
    m = len(keys)
    count = np.bincount(cell, minlength=m)
    start = np.cumsum(count) - count
    order = np.argsort(cell, kind="stable")  # the symbols cell by cell
    # each cell's largest symbol (the lowest index among equals)
    big = np.lexsort((-r, cell))[start]
    # the cells close enough to hold two overlapping symbols (in cells, a margin of two)
    a, b = _pairs_within(cx[big], cy[big], reach / size + 2)
    close = np.hypot(cx[big[a]] - cx[big[b]], cy[big[a]] - cy[big[b]]) < reach / size + 2
    a, b = a[close], b[close]
    # first their largest symbols: in a crowded place that joins nearly every cell at once
    i, j = _touching(xyr, overlap, big[a], big[b])
    joined = _components(m, cell[i], cell[j])
    # then, for cells still apart, every pair of their symbols
    apart = joined[a] != joined[b]
    a, b = a[apart], b[apart]
    per = count[a] * count[b]
    pair = np.repeat(np.arange(len(a)), per)
    k = np.arange(int(per.sum())) - np.repeat(np.cumsum(per) - per, per)
    i2, j2 = _touching(
        xyr,
        overlap,
        order[start[a][pair] + k // count[b][pair]],
        order[start[b][pair] + k % count[b][pair]],
    )
    component = _components(
        m, np.concatenate([cell[i], cell[i2]]), np.concatenate([cell[j], cell[j2]])
    )
    # each symbol labelled with the lowest index in its component
    lowest = np.full(m, n, dtype=np.int64)
    np.minimum.at(lowest, component[cell], np.arange(n))
    return lowest[component[cell]]


def _touching(
    xyr: np.ndarray, overlap: float, i: np.ndarray, j: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (i, j) whose discs overlap by _touching_groups' rule."""
    near = (
        np.hypot(xyr[i, 0] - xyr[j, 0], xyr[i, 1] - xyr[j, 1]) < (xyr[i, 2] + xyr[j, 2]) * overlap
    )
    return i[near], j[near]


def _pairs_within(x: np.ndarray, y: np.ndarray, reach: float) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) holding every two points closer than ``reach`` (and some farther):
    the points of one grid cell, and of each cell with its neighbours to the right and below.
    By whole arrays: the points sorted by cell, each point's range of partners found with
    searchsorted (a loop over the cells cost a 100k-event snapshot a quarter of a second)."""
    span = max(float(np.ptp(x)), float(np.ptp(y)), 1.0)
    size = max(reach, span / 1e6)  # wider cells are as correct, and keep the keys small
    cx = np.floor((x - x.min()) / size).astype(np.int64)
    cy = np.floor((y - y.min()) / size).astype(np.int64) + 1
    width = int(cy.max()) + 2  # a neighbour's row never wraps into the next column
    key = cx * width + cy
    order = np.argsort(key, kind="stable")
    keys = key[order]
    at = np.arange(len(keys))
    left, right = [np.empty(0, dtype=np.int64)], [np.empty(0, dtype=np.int64)]
    for step in (0, 1, width - 1, width, width + 1):  # its own cell, those below and right
        end = np.searchsorted(keys, keys + step, side="right")
        # in its own cell, a point pairs with the points after it (each pair once)
        start = at + 1 if step == 0 else np.searchsorted(keys, keys + step, side="left")
        count = np.maximum(end - start, 0)
        first = np.repeat(start - np.cumsum(count) + count, count)
        left.append(order[np.repeat(at, count)])
        right.append(order[first + np.arange(int(count.sum()))])
    i, j = np.concatenate(left), np.concatenate(right)
    return np.minimum(i, j), np.maximum(i, j)


def _components(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Connected components of the graph with edges (i, j): each node's lowest member."""
    label = np.arange(n)
    while True:
        low = np.minimum(label[i], label[j])
        before = label.copy()
        np.minimum.at(label, i, low)
        np.minimum.at(label, j, low)
        while True:  # pointer jumping: every node straight to its root's label
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
        if np.array_equal(label, before):
            return label
