"""How features look: one symbology shared by the dashboard map and the PNG snapshots.

Colours are distinct per layer and per status (a closed airport does not look like an open
one), shapes differ per layer (circles for dated events, squares for troops, diamonds for
infrastructure), and sizes follow the counts (fatalities, troops) on a square-root scale so
area, not radius, is proportional to the count.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

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


LAYER_STYLES: dict[str, LayerStyle] = {
    "protests": LayerStyle(
        "Protests", "#e9a100", "circle", "detained", "Peaceful and dispersed protests"
    ),
    "clashes": LayerStyle(
        "Clashes and riots", "#c8102e", "circle", "fatalities", "Riots, armed clashes, attacks"
    ),
    "troops": LayerStyle(
        "Troop presence", "#1d4e89", "square", "troops", "Foreign contingents in place"
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


@dataclass(frozen=True)
class MarkerStyle:
    """What one feature looks like: colour, shape, radius in pixels, and whether labelled."""

    colour: str
    shape: str
    radius: float
    label: bool = False


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
    if style.size_by and counts:
        radius = max(
            radius, scaled_radius(counts.get(style.size_by), per_unit=_PER_UNIT[style.size_by])
        )
    return MarkerStyle(colour, style.shape, radius, label=layer in ("infrastructure", "troops"))


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
        status = worst_status(statuses[i] for i in rows)
        first = rows[0]
        groups.append(PlaceGroup(float(lat[first]), float(lon[first]), tuple(rows), counts, status))
    return groups


def place_marker(layer: str, group: PlaceGroup) -> MarkerStyle:
    """The marker of a place: the layer's style for its status and counts, bigger with more."""
    style = marker_style(layer, status=group.status, counts=group.counts)
    if len(group.rows) > 1:
        grown = scaled_radius(len(group.rows), per_unit=PLACE_PER_UNIT)
        style = replace(style, radius=max(style.radius, grown))
    return style


def _sum(values: Iterable[object]) -> int | None:
    total, seen = 0, False
    for v in values:
        if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
            continue
        total += int(v)  # type: ignore[call-overload]
        seen = True
    return total if seen else None
