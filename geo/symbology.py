"""How features look: one symbology shared by the dashboard map and the PNG snapshots.

Colours are distinct per layer and per status (a closed airport does not look like an open
one), shapes differ per layer (circles for dated events, squares for troops, diamonds for
infrastructure), and sizes follow the counts (fatalities, troops) on a square-root scale so
area, not radius, is proportional to the count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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
