"""Offline crisis mapping: gazetteer, geoparser, events and layers, exports."""

from __future__ import annotations

__version__ = "0.1.0"
