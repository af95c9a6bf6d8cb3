"""streamlit-folium's component, fed a base map rendered once (a private transport detail).

``st_folium`` renders the whole folium map (outlines, town names, legend, layout script),
normalises its variable names with regular expressions and hashes it on every call, although a
slider step only swaps the day layer (``feature_group_to_add``). Here those steps run once per
base map (``render_base``, cached by the page) and each step sends the cached strings with the
day layers' script (``leaflet.day_steps_script``). The arguments are the ones
``st_folium`` passes in streamlit-folium 0.27 (pinned in requirements.txt), so the browser side
is unchanged: it keeps the map mounted and swaps the day layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import folium
import folium.elements
import streamlit as st
import streamlit_folium as sf


@dataclass(frozen=True)
class RenderedMap:
    """What the browser needs of a base map, as ``st_folium`` builds it."""

    script: str
    header: str
    html: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    defaults: dict[str, Any]
    script_hash: str  # st_folium's key for the component (the map's script, normalised)


def _links(m: folium.Map) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The CSS and JS links of the map's elements, in order, once each (as st_folium)."""
    css: list[str] = []
    js: list[str] = []

    def walk(el: object) -> None:
        if isinstance(el, folium.elements.JSCSSMixin):
            css.extend(href for _, href in getattr(el, "default_css", []))
            js.extend(src for _, src in getattr(el, "default_js", []))
        for child in getattr(el, "_children", {}).values():
            walk(child)

    walk(m)
    return tuple(dict.fromkeys(css)), tuple(dict.fromkeys(js))


def render_base(m: folium.Map, *, key: str, returned_objects: Sequence[str]) -> RenderedMap:
    """Render a base map once: its script, header and links, and the component's defaults.

    The map must not change afterwards (the page caches the result and shares it)."""
    m.get_root().render()
    m.render()
    html = sf._get_html(m)
    header = sf._get_header(m)
    script = sf._get_map_string(m)
    south_west, north_east = m.get_bounds()
    defaults = {
        "bounds": {
            "_southWest": {"lat": south_west[0], "lng": south_west[1]},
            "_northEast": {"lat": north_east[0], "lng": north_east[1]},
        },
        "zoom": m.options.get("zoom"),
    }
    css, js = _links(m)
    return RenderedMap(
        script=script,
        header=header,
        html=html,
        map_id=sf.get_full_id(m),
        css_links=css,
        js_links=js,
        defaults={k: v for k, v in defaults.items() if k in returned_objects},
        script_hash=sf.generate_js_hash(script, key, False),
    )


def show(
    base: RenderedMap,
    feature_group: str,
    *,
    key: str,
    height: int,
    returned_objects: Sequence[str],
) -> Any:
    """The map in the page with ``feature_group`` (a script from
    ``leaflet.day_steps_script``) run on it; returns what the map reported."""

    def on_change() -> None:  # what st_folium does: the latest report also under ``key``
        st.session_state[key] = st.session_state.get(base.script_hash, {})

    return sf._component_func(
        script=base.script,
        header=base.header,
        html=base.html,
        id=base.map_id,
        key=base.script_hash,
        height=height,
        width=None,  # the column's width (use_container_width)
        returned_objects=list(returned_objects),
        default=base.defaults,
        zoom=None,
        center=None,
        feature_group=feature_group,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=list(base.css_links),
        js_links=list(base.js_links),
        on_change=on_change,
        wrap_longitude=False,
    )
