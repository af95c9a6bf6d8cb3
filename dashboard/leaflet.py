"""Leaflet elements of the dashboard map (folium and branca), testable without Streamlit.

The map has two parts. The *base map* (admin-1 outlines, legend, optional tiles) never changes
with the day, so ``st_folium`` keeps it mounted. The *day layer* (``day_feature_group``) holds
everything that depends on the day, mode, layers and filters: admin-1 shading and one canvas
symbol per place. The page sends it as a function that builds it (``day_layer_definition``);
the base map keeps those of the days around the one shown and swaps them in (``DaySteps``).
The JavaScript payload is JSON with ``<``, ``>`` and ``&`` escaped, so it is safe inside a page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import folium
import geopandas as gpd
from branca.element import Element, MacroElement
from jinja2 import Template

from dashboard.assets import OfflineMap
from dashboard.markup import esc
from dashboard.shaping import (
    EVENTS_RAMP,
    MAX_POINTS,
    Symbol,
    layer_symbols,
    rounded_geometry,
    shading_features,
    visible_features,
)
from dashboard.view import POINT_LAYERS, MapView
from geo.events import Dataset
from geo.symbology import (
    LAYER_PRIORITY,
    LAYER_STYLES,
    STATUS_LABELS,
    legend_entries,
)

WORLD_BOUNDS = ((-50.0, -170.0), (70.0, 170.0))  # a data set with nothing located


# --- folium elements -------------------------------------------------------------------------


def js_json(value: object) -> str:
    """JSON that is also safe inside an HTML <script>: no ``</`` (which could close it), no
    ``<!`` (``<!--`` changes how the script ends), no ``&``, and U+2028/9 escaped.

    Only those ``<`` are escaped: a popup's tags are most of the day layer, and escaping every
    ``<`` and ``>`` made it a quarter bigger on every slider step."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("</", "\\u003c/")
        .replace("<!", "\\u003c!")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


class Verbatim(Element):
    """Text that goes into the page exactly as given: never compiled as a Jinja template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class DataElement(MacroElement):
    """A MacroElement whose rendered output carries data, added to the page verbatim.

    branca's MacroElement.render wraps each rendered part in ``Element(output)``, which compiles
    the output as a Jinja template: text from data or articles containing ``{{ ... }}`` would
    then run on the server when the page renders (template injection), and compiling a large
    payload on every slider step costs tens of milliseconds.
    """

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        module = self._template.module.__dict__
        for part, target in (
            ("header", figure.header),
            ("html", figure.html),
            ("script", figure.script),
        ):
            macro = module.get(part)
            if macro is not None:
                target.add_child(Verbatim(macro(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


class SymbolLayer(DataElement):
    """Symbols of one layer drawn into the parent feature group.

    Circles are canvas ``L.circleMarker``s (fast at thousands); squares and diamonds are small
    ``L.divIcon``s, in the marker pane above the circles, diamonds (infrastructure) on top. A
    symbol whose size was never reported is hollow with a "?". Each symbol is registered in
    ``group.cmSymbols`` so the layout (``LabelDeclutter``) can spread symbols at one spot.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var group = {{ this._parent.get_name() }};
  var rows = {{ this.payload }};
  var rank = {{ this.rank }};
  group.cmSymbols = group.cmSymbols || [];
  rows.forEach(function (r) {
    var m, px = r[2];
    if (r[4] === "circle") {
      m = L.circleMarker([r[0], r[1]], {radius: r[2], color: "#ffffff", weight: 1,
        fillColor: r[3], fillOpacity: 0.78, opacity: 0.9});
    } else {
      var size = Math.round(r[2] * 1.6);
      px = size / 2;
      var style = r[9] ? 'width:' + size + 'px;height:' + size + 'px;border-color:' + r[3] :
        'width:' + size + 'px;height:' + size + 'px;background:' + r[3];
      var shape = '<span class="cm-shape cm-' + r[4] + (r[9] ? ' cm-unknown' : '') +
        '" style="' + style + '">' + (r[9] ? '<b style="color:' + r[3] + '">?</b>' : '') +
        '</span>';
      var label = r[7] ? '<span class="cm-label" data-rank="' + (r[11] || 0) + '">' + r[7] +
        '</span>' : '';
      m = L.marker([r[0], r[1]], {icon: L.divIcon({className: "cm-icon cm-l-" + r[10],
        html: shape + label, iconSize: [size, size], iconAnchor: [size / 2, size / 2]}),
        riseOnHover: true, zIndexOffset: r[4] === "diamond" ? 1000 : 0});
    }
    m.bindTooltip(r[5], {direction: "top", sticky: r[4] === "circle"});
    m.bindPopup(r[6], {maxWidth: 340, maxHeight: 320});
    group.addLayer(m);
    if (!{{ this.aggregated }}) { group.cmSymbols.push({m: m, ll: L.latLng(r[0], r[1]), r: px, p: rank}); }
  });
  {{ this.layer_js }}
})();
{% endmacro %}
"""
    )

    def __init__(self, layer: str, symbols: Sequence[Symbol]) -> None:
        super().__init__()
        self._name = "SymbolLayer"
        self.layer = layer
        self.symbols = list(symbols)
        self.rank = LAYER_PRIORITY.get(layer, 2)
        # grid cells (many places binned) are not spread: they stand for an area, not a spot
        self.aggregated = js_json(any("grid cell" in s.popup for s in self.symbols))
        self.payload = js_json([s.as_row() for s in self.symbols])
        self.layer_js = f"group.cmCounts = group.cmCounts || {{}}; group.cmCounts[{js_json(layer)}] = {len(self.symbols)};"


class SpreadDay(DataElement):
    """Asks the base map's layout to spread this day's symbols (after all layers are in)."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var group = {{ this._parent.get_name() }};
  if (window.cmSpreadDay) { window.cmSpreadDay(group); }
})();
{% endmacro %}
"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "SpreadDay"
        self.payload = ""


class AreaShading(DataElement):
    """Filled admin-1 polygons (GeoJSON with per-feature colour, tooltip and popup)."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var group = {{ this._parent.get_name() }};
  var layer = L.geoJSON({{ this.payload }}, {
    style: function (f) { return {color: "#9a6b6b", weight: 1, fillColor: f.properties.c,
      fillOpacity: f.properties.o}; },
    onEachFeature: function (f, l) { l.bindTooltip(f.properties.t, {sticky: true});
      l.bindPopup(f.properties.p, {maxWidth: 340, maxHeight: 320}); }
  });
  group.addLayer(layer);
})();
{% endmacro %}
"""
    )

    def __init__(self, features: Sequence[dict[str, Any]]) -> None:
        super().__init__()
        self._name = "AreaShading"
        self.features = list(features)
        self.payload = js_json({"type": "FeatureCollection", "features": self.features})


class LabelDeclutter(DataElement):
    """The map's layout, rerun on every zoom and every new day layer:

    1. symbols whose discs overlap are spread on a ring around their centre, each with a leader
       line to its true point (geo.symbology.spread_offsets, the same steps);
    2. the offline place labels (``PlaceLabels``) for the zoom are shown, more as you zoom in;
    3. labels that would overlap one already shown are hidden: infrastructure first, then
       troops, then place names by population.

    markercluster's spiderfy does not fit: it spreads one cluster at a time, on a click, and
    shows a count bubble instead of the symbols until then.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var day = null;
  function biggestIn(members) {
    var r = 0;
    members.forEach(function (i) { r = Math.max(r, day.cmSymbols[i].r); });
    return r;
  }
  function spread() {
    if (!day || !day._map) { return; }
    (day.cmLeaders || []).forEach(function (l) { day.removeLayer(l); });
    day.cmLeaders = [];
    var syms = day.cmSymbols || [];
    var pts = syms.map(function (s) {
      s.m.setLatLng(s.ll);
      s.left = false;
      return map.latLngToLayerPoint(s.ll);
    });
    var parent = syms.map(function (_, i) { return i; });
    function find(i) { while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; }
    var biggest = 1;
    syms.forEach(function (s) { biggest = Math.max(biggest, s.r); });
    var cell = 2 * biggest, buckets = {};
    pts.forEach(function (p, i) {
      var k = Math.floor(p.x / cell) + ":" + Math.floor(p.y / cell);
      (buckets[k] = buckets[k] || []).push(i);
    });
    pts.forEach(function (p, i) {
      var cx = Math.floor(p.x / cell), cy = Math.floor(p.y / cell);
      for (var dx = -1; dx <= 1; dx++) { for (var dy = -1; dy <= 1; dy++) {
        (buckets[(cx + dx) + ":" + (cy + dy)] || []).forEach(function (j) {
          if (j > i && p.distanceTo(pts[j]) < (syms[i].r + syms[j].r) * {{ this.overlap }}) {
            parent[find(i)] = find(j);
          }
        });
      } }
    });
    var clusters = {};
    syms.forEach(function (_, i) { var r = find(i); (clusters[r] = clusters[r] || []).push(i); });
    Object.keys(clusters).forEach(function (key) {
      var members = clusters[key];
      if (members.length > {{ this.max_cluster }}) {  // dense: lift out only sites and troops
        members = members.filter(function (i) { return syms[i].p < 2; });
      }
      var k = members.length;
      if (k < 2) { return; }
      members.sort(function (a, b) {
        return (syms[a].p - syms[b].p) || (syms[b].r - syms[a].r) || (a - b);
      });
      var cx = 0, cy = 0;
      members.forEach(function (i) { cx += pts[i].x / k; cy += pts[i].y / k; });
      var chord = 0;
      members.forEach(function (i, m) {
        chord = Math.max(chord, syms[i].r + syms[members[(m + 1) % k]].r + {{ this.gap }});
      });
      var ring = Math.max(chord / (2 * Math.sin(Math.PI / k)), biggestIn(members) + {{ this.min_leg }});
      members.forEach(function (i, m) {
        var a = -Math.PI / 2 + 2 * Math.PI * m / k;
        var to = map.layerPointToLatLng(L.point(cx + ring * Math.cos(a), cy + ring * Math.sin(a)));
        syms[i].m.setLatLng(to);
        syms[i].left = Math.cos(a) < -0.1;  // its label goes outwards
        var leader = L.polyline([syms[i].ll, to], {color: "#1e2a36", weight: 1.2, opacity: 0.75,
          interactive: false, className: "cm-leader"});
        var dot = L.circleMarker(syms[i].ll, {radius: 2, weight: 0, fillColor: "#1e2a36",
          fillOpacity: 0.9, interactive: false});
        day.cmLeaders.push(leader, dot);
      });
    });
    day.cmLeaders.forEach(function (l) { day.addLayer(l); l.bringToBack && l.bringToBack(); });
    syms.forEach(function (s) {
      var el = s.m.getElement && s.m.getElement();
      if (el) { el.classList.toggle("cm-left", s.left); }
    });
  }
  function places() {
    var layer = map.cmPlaceLayer;
    if (!layer) { return; }
    var zoom = map.getZoom();
    layer.cmMarkers.forEach(function (m) {
      var show = m.cmMinZoom <= zoom;
      if (show && !layer.hasLayer(m)) { layer.addLayer(m); }
      if (!show && layer.hasLayer(m)) { layer.removeLayer(m); }
    });
  }
  function declutter() {
    var boxes = [];
    var root = map.getContainer();
    var order = [".cm-l-infrastructure .cm-label", ".cm-l-troops .cm-label", ".cm-label",
      ".cm-place-label"];
    var seen = new Set();
    function hits(b) {
      return boxes.some(function (o) {
        return b.left < o.right + 2 && b.right > o.left - 2 && b.top < o.bottom + 1 && b.bottom > o.top - 1;
      });
    }
    order.forEach(function (sel) {
      // (within a kind, the higher rank first: a seized airport before a closed one; then
      // the order of the symbols)
      var els = Array.prototype.slice.call(root.querySelectorAll(sel));
      els = els.map(function (el, i) { return [el, i]; }).sort(function (a, b) {
        return ((+b[0].dataset.rank || 0) - (+a[0].dataset.rank || 0)) || (a[1] - b[1]);
      }).map(function (pair) { return pair[0]; });
      els.forEach(function (el) {
        if (seen.has(el)) { return; }
        seen.add(el);
        el.style.visibility = "visible";
        var icon = el.parentElement, b = el.getBoundingClientRect();
        if (hits(b) && icon.classList.contains("cm-icon")) {
          icon.classList.toggle("cm-left");  // try the other side of the symbol
          b = el.getBoundingClientRect();
          if (hits(b)) { icon.classList.toggle("cm-left"); b = el.getBoundingClientRect(); }
        }
        if (hits(b)) { el.style.visibility = "hidden"; } else { boxes.push(b); }
      });
    });
  }
  function layout() { spread(); places(); declutter(); }
  var timer = null;
  function later() { if (timer) { window.clearTimeout(timer); } timer = window.setTimeout(layout, 30); }
  // An open popup stays open across a step while its record is on the map: swapping the day
  // layer removes the old one, which closes the popup in the same task; the new layer then
  // reopens the popup that names the same record (data-id), if it has one.
  function idsIn(popup) {
    var c = popup.getContent(), out = [], re = /data-id="([^"]*)"/g, hit;
    if (typeof c !== "string") { c = (c && c.innerHTML) || ""; }
    while ((hit = re.exec(c))) { out.push(hit[1]); }
    return out;
  }
  var openIds = [], closedIds = [];
  map.on("popupopen", function (e) { openIds = idsIn(e.popup); });
  map.on("popupclose", function () {
    closedIds = openIds;
    openIds = [];
    window.setTimeout(function () { closedIds = []; }, 0);  // a swap reopens in this task only
  });
  function reopen(group, ids) {
    var byId = {};
    group.eachLayer(function (l) {
      if (!l.getPopup || !l.getPopup()) { return; }
      idsIn(l.getPopup()).forEach(function (id) { if (!(id in byId)) { byId[id] = l; } });
    });
    for (var i = 0; i < ids.length; i++) {
      if (byId[ids[i]]) { byId[ids[i]].openPopup(); return; }
    }
  }
  window.cmSpreadDay = function (group) {
    day = group;
    var ids = closedIds;
    closedIds = [];
    if (group._map) { later(); } else { group.once("add", later); }
    if (ids.length) {
      if (group._map) { reopen(group, ids); } else { group.once("add", function () { reopen(group, ids); }); }
    }
  };
  window.cmLayout = layout;
  map.on("zoomend resize", later);
  // streamlit-folium appends leaflet.css without waiting for it: a label measured before the
  // sheet applies is in the wrong place (and may hide another for good), so lay out again
  // once every sheet and font is in.
  document.querySelectorAll('link[rel="stylesheet"]').forEach(function (l) {
    if (!l.sheet) { l.addEventListener("load", later); }
  });
  if (document.fonts && document.fonts.ready) { document.fonts.ready.then(later); }
  later();
})();
{% endmacro %}
"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "LabelDeclutter"
        self.gap = SPREAD_GAP_PX
        self.overlap = SPREAD_OVERLAP
        self.min_leg = SPREAD_MIN_LEG_PX
        self.max_cluster = SPREAD_MAX_CLUSTER


class PlaceLabels(DataElement):
    """Offline base labels: gazetteer towns under the symbols, more as you zoom in.

    Each label carries the zoom from which it shows (``town_labels``); the layout
    (``LabelDeclutter``) adds and removes them on zoom and hides those that overlap.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var pane = map.createPane("cmPlaces");
  pane.style.zIndex = 450;  // above the outlines and circles, below the icons
  pane.style.pointerEvents = "none";
  var layer = L.layerGroup().addTo(map);
  layer.cmMarkers = {{ this.payload }}.map(function (r) {
    var m = L.marker([r[0], r[1]], {pane: "cmPlaces", interactive: false, keyboard: false,
      icon: L.divIcon({className: "cm-place cm-place-" + r[3], iconSize: [4, 4], iconAnchor: [2, 2],
        html: '<span class="cm-place-label">' + r[2] + '</span>'})});
    m.cmMinZoom = r[4];
    return m;
  });
  map.cmPlaceLayer = layer;
})();
{% endmacro %}
"""
    )

    def __init__(self, labels: Sequence[tuple[float, float, str, str, float]]) -> None:
        super().__init__()
        self._name = "PlaceLabels"
        self.labels = list(labels)
        self.payload = js_json(
            [[lat, lon, esc(name), kind, z] for lat, lon, name, kind, z in labels]
        )


class TileNotice(DataElement):
    """Says on the map when the online tiles cannot load (no internet), instead of a blank."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var tiles = {{ this.tiles }};
  var shown = false;
  tiles.on("tileerror", function () {
    if (shown) { return; }
    shown = true;
    var note = L.control({position: "bottomleft"});
    note.onAdd = function () {
      var div = L.DomUtil.create("div", "cm-tile-error");
      div.textContent = {{ this.text }};
      return div;
    };
    note.addTo(map);
  });
})();
{% endmacro %}
"""
    )

    def __init__(self, tiles: folium.TileLayer) -> None:
        super().__init__()
        self._name = "TileNotice"
        self.tiles = tiles.get_name()
        self.text = js_json(TILE_ERROR_TEXT)


class DaySteps(DataElement):
    """Day layers kept in the browser, and the map's own previous/next-day buttons.

    A slider step used to wait for the server (a Streamlit rerun) before the map changed.
    Now each step's script (``day_steps_script``) *defines* day layers by key, the day shown
    and its neighbours (a layer is sent once per session, then shown from here), and *shows*
    one. Each layer comes with its day panel (the feed and the national figures, HTML built
    and escaped by the server: ``dashboard.feed.day_panel_html``), which the map puts into
    the panel's frame beside it (``window.cmPanel``) when it shows the day. The buttons show
    the neighbouring day's layer and panel at once when they are here, then tell the page
    (the component's value: ``cm_day``), whose rerun brings the slider, the counts, the
    timeline and the next neighbour along. A key the page thought was here but is not (the map
    was rebuilt) is asked for again (``cm_missing``).

    Keys are ``prefix:YYYY-MM-DD`` (the prefix names the data set and every choice but the
    day), so the buttons know the neighbours' keys without asking.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var defs = {}, panels = {}, built = {}, order = [], shown = null, nav = null;
  var pending = {};  // key: a day layer being fetched (cmDays.load), a promise
  var limit = {{ this.limit }};
  var DAY_MS = 86400000;
  function keep(key) {
    var i = order.indexOf(key);
    if (i >= 0) { order.splice(i, 1); }
    order.push(key);
    for (var j = 0; order.length > limit && j < order.length; ) {
      if (shown && order[j] === shown.key) { j++; continue; }
      var old = order.splice(j, 1)[0];
      delete defs[old];
      delete panels[old];
      delete built[old];
    }
  }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function shift(day, n) { return iso(Date.parse(day + "T00:00:00Z") + n * DAY_MS); }
  function label(day) {
    var fmt = function (d, opts) {
      return new Date(Date.parse(d + "T00:00:00Z")).toLocaleDateString("en-GB",
        Object.assign({timeZone: "UTC"}, opts));
    };
    var end = fmt(day, {weekday: "short", day: "numeric", month: "short", year: "numeric"});
    if (nav.window === null) { return "up to " + end; }
    if (nav.window > 1) {
      return fmt(shift(day, 1 - nav.window), {day: "numeric", month: "short"}) + " \\u2013 " + end;
    }
    return end;
  }
  var box = null, back = null, fwd = null, text = null;
  var control = L.control({position: "topleft"});
  control.onAdd = function () {
    box = L.DomUtil.create("div", "cm-steps leaflet-bar");
    back = L.DomUtil.create("button", "cm-step cm-step-back", box);
    text = L.DomUtil.create("span", "cm-step-day", box);
    fwd = L.DomUtil.create("button", "cm-step cm-step-forward", box);
    back.type = fwd.type = "button";
    back.textContent = "\\u25c0";
    fwd.textContent = "\\u25b6";
    back.title = {{ this.back }};
    fwd.title = {{ this.forward }};
    back.setAttribute("aria-label", back.title);
    fwd.setAttribute("aria-label", fwd.title);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.on(back, "click", function () { step(-1); });
    L.DomEvent.on(fwd, "click", function () { step(1); });
    box.style.display = "none";
    return box;
  };
  control.addTo(map);
  function draw() {
    box.style.display = "";
    text.textContent = label(nav.day);
    back.disabled = nav.day <= nav.first;
    fwd.disabled = nav.day >= nav.last;
  }
  function report(extra) {
    var g = window.__GLOBAL_DATA__ || {}, data = {};
    Object.keys(g.previous_data || {}).forEach(function (k) {  // the view, not an old step
      if (k.indexOf("cm_") !== 0) { data[k] = g.previous_data[k]; }
    });
    Object.assign(data, extra, {cm_nonce: String(Date.now()) + ":" + Math.random()});
    g.previous_data = data;
    if (window.Streamlit) { window.Streamlit.setComponentValue(data); }
  }
  var panelWaits = false;
  function toPanel(html) {  // null: the day is on its way (the panel fades)
    panelWaits = html === null;
    var frames = [];
    try { frames = window.parent.document.querySelectorAll("iframe"); }
    catch (e) { return; }  // a page of another origin holds the map: no panel of ours
    for (var i = 0; i < frames.length; i++) {
      try {
        var w = frames[i].contentWindow;
        if (w && w.cmPanel) { w.cmPanel.show(html); }
      } catch (e) { /* another origin: not ours */ }
    }
  }
  function put(key) {
    if (shown && shown.key === key) {
      keep(key);
      if (panelWaits) { toPanel(panels[key] || null); }
      return true;
    }
    var g = built[key];
    if (!g) {
      if (!defs[key]) { return false; }
      g = built[key] = defs[key]();
    }
    if (shown) { map.removeLayer(shown.group); }
    map.addLayer(g);
    shown = {key: key, group: g};
    keep(key);
    toPanel(panels[key] || null);
    if (window.cmSpreadDay) { window.cmSpreadDay(g); }
    return true;
  }
  function step(n) {
    if (!nav) { return; }
    var day = shift(nav.day, n);
    if (day < nav.first || day > nav.last) { return; }
    nav = Object.assign({}, nav, {day: day});
    draw();
    // The page is told first, so its rerun starts while this frame draws the layer (the
    // layer waits for the next task: the page's message is handled before it).
    report({cm_day: day});
    var key = nav.prefix + ":" + day;
    setTimeout(function () { putOrWait(key, false); }, 0);
  }
  // The day's layer at once when it is here; when it is on its way (being fetched), once it
  // comes; else the old one fades until the page sends it (or, told, asks for it).
  function putOrWait(key, ask) {
    if (!nav || nav.prefix + ":" + nav.day !== key) { return; }  // stepped on meanwhile
    var here = put(key);
    map.getContainer().classList.toggle("cm-waiting", !here);
    if (here) { return; }
    toPanel(null);
    if (pending[key]) {
      pending[key].then(function () { putOrWait(key, ask); });
    } else if (ask) {
      report({cm_missing: key});
    }
  }
  window.cmDays = {
    load: function (key, url) {  // fetched when the page is idle (not during its rerun)
      if (defs[key] || pending[key]) { return; }
      var later = window.requestIdleCallback || function (f) { return setTimeout(f, 50); };
      pending[key] = new Promise(function (done) { later(done, {timeout: 500}); })
        .then(function () { return fetch(url); })
        .then(function (r) {
          if (!r.ok) { throw new Error(url + ": " + r.status); }
          return r.text();
        })
        .then(function (text) { (new Function(text))(); })  // a define_script
        .catch(function () {})  // gone: the map asks the page for it when it shows the day
        .then(function () { delete pending[key]; });
    },
    define: function (key, build, panel) {
      defs[key] = build;
      panels[key] = panel;
      keep(key);
      // built while the page is idle (not yet on the map), so a click only puts it on
      var later = window.requestIdleCallback || function (f) { return setTimeout(f, 50); };
      later(function () {
        if (defs[key] === build && !built[key]) { built[key] = build(); }
      });
    },
    show: function (key, n) {
      nav = n;
      draw();
      putOrWait(key, true);
    },
    panel: function () { return shown ? panels[shown.key] || null : null; },
    shown: function () { return shown ? shown.key : null; },
    group: function () { return shown ? shown.group : null; }
  };
})();
{% endmacro %}
"""
    )

    def __init__(self, limit: int = 16) -> None:
        super().__init__()
        self._name = "DaySteps"
        self.limit = int(limit)
        self.back = js_json("Previous day")
        self.forward = js_json("Next day")


def day_layer_definition(group: folium.FeatureGroup) -> str:
    """The day layer as a JavaScript function that builds it (not yet on the map), for
    ``DaySteps``: the layout spreads it when it is shown, so ``SpreadDay`` is left out."""
    group._id = DAY_GROUP_ID
    name = group.get_name()
    parts = ["function () {", f"var {name} = L.featureGroup({{}});"]
    for child in group._children.values():
        if isinstance(child, SpreadDay):
            continue
        if not isinstance(child, DataElement):
            msg = f"the day layer holds only DataElements, not {type(child).__name__}"
            raise TypeError(msg)
        parts.append(child._template.module.script(child, {}))
    parts.append(f"return {name};\n}}")
    return "\n".join(parts)


def define_script(key: str, build: str, panel: str) -> str:
    """The script that defines one day layer in the map (``DaySteps``): sent in a step, or
    fetched by the map from a file (``loads`` of ``day_steps_script``)."""
    return f"window.cmDays.define({js_json(key)}, {build}, {js_json(panel)});"


def day_steps_script(
    definitions: Mapping[str, tuple[str, str]],
    key: str,
    nav: Mapping[str, Any],
    loads: Mapping[str, str] | None = None,
) -> str:
    """A step's script for the mounted map (streamlit-folium's ``feature_group``): define the
    day layers the browser does not have yet, each a (``day_layer_definition``, day panel
    HTML) pair, and have it fetch those in ``loads`` (key: the URL of a ``define_script``)
    when the page is idle; then show ``key``.
    ``nav`` tells the map's buttons where they are: prefix, day, first, last, window (ISO
    days; window None for everything up to the day). The layers stay out of
    ``window.feature_group``, which streamlit-folium empties before each step."""
    parts = [define_script(k, build, panel) for k, (build, panel) in definitions.items()]
    loads = loads or {}
    parts += [f"window.cmDays.load({js_json(k)}, {js_json(url)});" for k, url in loads.items()]
    parts.append(f"window.cmDays.show({js_json(key)}, {js_json(dict(nav))});")
    parts.append("window.feature_group = [];")
    return "\n".join(parts)


TILE_ERROR_TEXT = (
    "Online tiles could not load (no internet?): the map shows the offline outlines and "
    "place names only. Turn the tiles toggle off for the offline base map."
)
SPREAD_GAP_PX = 3.0
SPREAD_OVERLAP = 0.75
SPREAD_MIN_LEG_PX = 10.0
SPREAD_MAX_CLUSTER = 12  # beyond it only sites and troops are spread (geo.symbology)


def town_labels(gazetteer: Any, country: str = "KZ") -> list[tuple[float, float, str, str, float]]:
    """(lat, lon, name, kind, min_zoom) of the towns the offline map names, biggest first.

    Big cities show from the national view; smaller towns from closer zooms (TOWN_ZOOMS), and
    airports and curated sites only when zoomed into a city.
    """
    out = []
    for row in gazetteer.rows:
        _id, name, kind, lat, lon, cc, _a1, pop = row[:8]
        if cc != country or not name:
            continue
        if kind == "city":
            zoom = next((z for floor, z in TOWN_ZOOMS if pop >= floor), 9.0)
        elif kind in ("airport", "facility"):
            zoom = 11.0
        else:
            continue
        out.append((float(lat), float(lon), str(name), kind, zoom, pop))
    out.sort(key=lambda r: (r[4], -r[5], r[2]))
    return [r[:5] for r in out]


# (population at least, the zoom from which a town is named)
TOWN_ZOOMS: tuple[tuple[int, float], ...] = (
    (200_000, 0.0),
    (50_000, 6.0),
    (10_000, 7.0),
    (1_000, 8.0),
)


class Boundaries(DataElement):
    """The static admin-1 outlines with their names as tooltips: the offline base map."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  L.geoJSON({{ this.payload }}, {
    style: function () { return {color: "#7d8793", weight: 1, fillColor: "#fbfaf6", fillOpacity: 1}; },
    onEachFeature: function (f, l) { l.bindTooltip(f.properties.t, {sticky: true}); }
  }).addTo(map);
})();
{% endmacro %}
"""
    )

    def __init__(self, boundaries: gpd.GeoDataFrame) -> None:
        super().__init__()
        self._name = "Boundaries"
        features = [
            {
                "type": "Feature",
                "geometry": rounded_geometry(geom),
                "properties": {"t": f"<b>{esc(name)}</b> ({esc(code)})"},
            }
            for code, name, geom in boundaries[["iso3166_2", "name", "geometry"]].itertuples(
                index=False
            )
        ]
        self.payload = js_json({"type": "FeatureCollection", "features": features})


class Legend(DataElement):
    """A legend control in the map's corner; its HTML is built (and escaped) in Python."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var legend = L.control({position: "topright"});
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "cm-legend");
    div.innerHTML = {{ this.payload }};
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    // An open popup matters more than the legend: fade the legend out of its way.
    map.on("popupopen", function () { div.classList.add("cm-faded"); });
    map.on("popupclose", function () { div.classList.remove("cm-faded"); });
    return div;
  };
  legend.addTo(map);
})();
{% endmacro %}
"""
    )

    def __init__(self, legend: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.payload = js_json(legend)


def legend_html(layers: Sequence[str] = POINT_LAYERS) -> str:
    """The legend: one row per layer, infrastructure statuses in two columns, the shadings."""
    rows, statuses = [], []
    for label, colour, shape in legend_entries(list(layers)):
        item = (
            f'<div class="cm-row"><span class="cm-key cm-{esc(shape)}" style="background:{colour}">'
            f"</span>{esc(label)}</div>"
        )
        (statuses if label in STATUS_LABELS.values() else rows).append(item)
    if statuses:
        rows.append(
            f'<div class="cm-sub">{esc(LAYER_STYLES["infrastructure"].label)}</div>'
            f'<div class="cm-grid">{"".join(statuses)}</div>'
        )
    rows.append(
        '<div class="cm-row"><span class="cm-key cm-area" '
        f'style="background:{LAYER_STYLES["emergency"].colour}"></span>State of emergency</div>'
    )
    ramp = ", ".join(EVENTS_RAMP)
    rows.append(
        f'<div class="cm-row"><span class="cm-ramp" style="background:linear-gradient(90deg,{ramp})">'
        "</span>Events per region</div>"
    )
    rows.append(
        f'<div class="cm-row"><span class="cm-key cm-circle" style="background:{NEWS_COLOUR}">'
        "</span>In the news (size: articles)</div>"
    )
    rows.append(
        '<div class="cm-row"><span class="cm-key cm-unknown">?</span>Troops, size not reported</div>'
    )
    rows.append('<div class="cm-row cm-small">Size: deaths, detained, troops or events</div>')
    rows.append(
        '<div class="cm-row cm-small">Symbols at one spot are spread around it (line to the spot)</div>'
    )
    return '<div class="cm-legend-title">Legend</div>' + "".join(rows)


NEWS_COLOUR = "#8e44ad"  # the "In the news" layer (dashboard.desk draws it)


MAP_CSS = """
<style>
.leaflet-container { background: #dfe7ee; font-family: "Source Sans Pro", Arial, sans-serif; }
.cm-legend { background: rgba(255,255,255,0.93); padding: 6px 9px; border-radius: 5px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.35); font-size: 12px; line-height: 17px; color: #222; }
.cm-legend-title { font-weight: 600; margin-bottom: 2px; }
.cm-legend.cm-faded { opacity: 0.12; pointer-events: none; }
.cm-row { white-space: nowrap; }
.cm-small { color: #555; font-size: 11px; }
.cm-sub { margin-top: 3px; font-weight: 600; font-size: 11.5px; }
.cm-grid { display: grid; grid-template-columns: auto auto; column-gap: 10px; }
.cm-key { display: inline-block; width: 11px; height: 11px; margin-right: 6px;
  vertical-align: -1px; border: 1px solid rgba(0,0,0,0.35); }
.cm-key.cm-circle { border-radius: 50%; }
.cm-key.cm-diamond { transform: rotate(45deg) scale(0.85); }
.cm-key.cm-area { opacity: 0.8; }
.cm-key.cm-unknown { background: #fff; border: 1.5px dashed #1d4e89; color: #1d4e89;
  font: 700 9px/11px Arial, sans-serif; text-align: center; }
.cm-ramp { display: inline-block; width: 32px; height: 10px; margin-right: 6px; vertical-align: -1px;
  border: 1px solid rgba(0,0,0,0.25); }
.cm-icon { background: none; border: none; }
.cm-shape { position: absolute; left: 0; top: 0; box-sizing: border-box;
  border: 1.5px solid #ffffff; box-shadow: 0 0 0 1px rgba(0,0,0,0.45); }
.cm-shape.cm-diamond { transform: rotate(45deg) scale(0.82); }
.cm-shape.cm-square { opacity: 0.8; }
.cm-shape.cm-unknown { background: rgba(255,255,255,0.92); border: 2px dashed; opacity: 1;
  box-shadow: none; text-align: center; font: 700 11px/1 Arial, sans-serif; display: flex;
  align-items: center; justify-content: center; }
.cm-place { background: none; border: none; }
.cm-place::before { content: ""; position: absolute; left: 0; top: 0; width: 4px; height: 4px;
  border-radius: 50%; background: #5b6470; }
.cm-place-airport::before, .cm-place-facility::before { display: none; }
.cm-place-label { position: absolute; left: 6px; top: -7px; white-space: nowrap; font-size: 11px;
  color: #5b6470; text-shadow: 0 0 2px #fff, 0 0 3px #fff; }
.cm-place-airport .cm-place-label, .cm-place-facility .cm-place-label { font-style: italic;
  font-size: 10px; }
.cm-tile-error { background: #fff4e5; color: #7a4100; border: 1px solid #f08c00; padding: 4px 8px;
  border-radius: 4px; font-size: 12px; max-width: 320px; }
.cm-label { position: absolute; left: 100%; top: 50%; transform: translate(5px, -50%);
  white-space: nowrap; font-size: 11px; font-weight: 600; color: #1e2a36; pointer-events: none;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; }
.cm-icon.cm-left .cm-label { left: auto; right: 100%; transform: translate(-5px, -50%); }
.cm-pop { font-size: 12.5px; line-height: 1.35; }
.cm-feature + .cm-feature { border-top: 1px solid #ddd; margin-top: 6px; padding-top: 6px; }
.cm-meta { color: #555; }
.cm-desc { margin: 3px 0; }
.cm-src a { color: #1d4e89; }
.cm-status { color: #fff; padding: 0 4px; border-radius: 3px; }
.cm-badge { background: #eee; color: #333; padding: 0 4px; border-radius: 3px; font-size: 11px; }
.cm-badge.cm-retracted { background: #c8102e; color: #fff; }
.cm-badge.cm-uncertain { background: #f08c00; color: #fff; }
.cm-more, .cm-note { color: #666; font-size: 11.5px; }
.cm-steps { display: flex; align-items: center; background: #fff; }
.cm-step { border: none; background: #fff; width: 30px; height: 30px; padding: 0; font-size: 13px;
  line-height: 30px; color: #1e2a36; cursor: pointer; }
.cm-step:hover:not(:disabled) { background: #f4f4f4; }
.cm-step:disabled { color: #bbb; cursor: default; }
.cm-waiting .leaflet-overlay-pane, .cm-waiting .leaflet-marker-pane { opacity: 0.35; }
.cm-step-day { padding: 0 4px; font-size: 12.5px; font-weight: 600; white-space: nowrap;
  color: #1e2a36; }
</style>
"""


@dataclass(frozen=True)
class DayLayer:
    """The day-dependent part of the map and what it stands for."""

    group: folium.FeatureGroup
    symbols: dict[str, list[Symbol]] = field(default_factory=dict)
    shaded: int = 0

    @property
    def aggregated(self) -> dict[str, bool]:
        """Per layer, whether its symbols are grid cells rather than places."""
        return {
            lay: any("grid cell" in s.popup for s in syms) for lay, syms in self.symbols.items()
        }


def day_feature_group(
    ds: Dataset,
    view: MapView,
    boundaries: gpd.GeoDataFrame | None = None,
    *,
    frames: Mapping[str, gpd.GeoDataFrame] | None = None,
    max_points: int = MAX_POINTS,
) -> DayLayer:
    """Everything that depends on the view, as one feature group for ``feature_group_to_add``."""
    frames = visible_features(ds, view) if frames is None else frames
    group = folium.FeatureGroup(name="day", control=False)
    areas = shading_features(ds, view, frames, boundaries)
    if areas:
        group.add_child(AreaShading(areas))
    symbols: dict[str, list[Symbol]] = {}
    for layer in POINT_LAYERS:
        if layer not in frames:
            continue
        popups = ds.memo.setdefault(f"dashboard.popups:{layer}", {})  # per data set, by id
        symbols[layer] = layer_symbols(frames[layer], layer, max_points=max_points, popups=popups)
        if symbols[layer]:
            group.add_child(SymbolLayer(layer, symbols[layer]))
    group.add_child(SpreadDay())
    return DayLayer(group, symbols, len(areas))


# The day layer's name in its builder (the name streamlit-folium gave the first feature group).
DAY_GROUP_ID = "feature_group_0"


LEGEND_ROOM_PX = 190


def base_map(
    boundaries: gpd.GeoDataFrame | None,
    *,
    online_tiles: bool = False,
    map_class: type[folium.Map] = OfflineMap,
    extent: tuple[float, float, float, float] | None = None,
    place_labels: Sequence[tuple[float, float, str, str, float]] = (),
    view: tuple[float, float, float] | None = None,
) -> folium.Map:
    """The base map: no tiles (offline), admin-1 outlines, town names (``place_labels``, from
    ``town_labels``), legend; OSM tiles only if asked, with a notice when they cannot load.
    It fits the boundaries, else ``extent`` (lon0, lat0, lon1, lat1: the data's, from
    geo.layers.data_extent), else the world; ``view`` (lat, lon, zoom: a shared link's) opens
    there instead."""
    if boundaries is not None and len(boundaries):
        minx, miny, maxx, maxy = (float(v) for v in boundaries.total_bounds)
        bounds = [[miny, minx], [maxy, maxx]]
    elif extent is not None:
        bounds = [[extent[1], extent[0]], [extent[3], extent[2]]]
    else:
        bounds = [list(WORLD_BOUNDS[0]), list(WORLD_BOUNDS[1])]
    centre = ((bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2)
    m = map_class(
        location=view[:2] if view else centre,
        zoom_start=view[2] if view else 5,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        min_zoom=2,
        max_zoom=14,
        zoom_snap=0.25,
    )
    if online_tiles:
        tiles = folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)", control=False)
        tiles.add_to(m)
        m.add_child(TileNotice(tiles))
    m.get_root().header.add_child(Verbatim(MAP_CSS), name="crisismap_css")
    if boundaries is not None and len(boundaries):
        if not online_tiles:
            m.add_child(Boundaries(boundaries))
        else:
            # Outlines only, so the tiles show through.
            m.add_child(_Outlines(boundaries))
    # Room at the top for the legend (top right), so it does not cover the country.
    if place_labels:
        m.add_child(PlaceLabels(place_labels))
    if view is None:
        m.fit_bounds(bounds, padding_top_left=(0, LEGEND_ROOM_PX))
    m.add_child(Legend(legend_html()))
    m.add_child(LabelDeclutter())
    return m


class _Outlines(Boundaries):
    _template = Template(
        """
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  L.geoJSON({{ this.payload }}, {
    style: function () { return {color: "#4a5663", weight: 1.2, fill: false}; },
    interactive: false
  }).addTo(map);
})();
{% endmacro %}
"""
    )


def standalone_html(
    ds: Dataset, view: MapView, boundaries: gpd.GeoDataFrame | None, **kwargs: Any
) -> str:
    """The whole map for a view as one HTML page (base map plus the day layer), for checks."""
    m = base_map(boundaries, **kwargs)
    day_feature_group(ds, view, boundaries).group.add_to(m)
    return m.get_root().render()
