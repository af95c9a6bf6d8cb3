"""The day's feed beside the map: what happened on the day (or in the window), national
records included, newest first, each line with its layer's symbol and first source.

It is what a briefer reads aloud. Clicking a line flies the map to the record and opens its
popup; that happens in the browser (the feed's frame reaches the map's frame on the same
page), so it costs no rerun. National records have no point: clicking one only marks it.

The feed and the national figures sit in one frame beside the map, the day panel
(``PANEL_PAGE``), which stays the same page from one step to the next: the map fills it with
the day's ``day_panel_html``, sent with that day's layer (``dashboard.leaflet.DaySteps``), so
a step on the map's own buttons changes map, feed and figures at once.

Every text from data is escaped (``markup.esc``) and links are http(s) only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.markup import FIGURE_CSS, counts_html, esc
from geo.csvrows import parse_sources
from geo.symbology import LAYER_STYLES, STATUS_COLOURS, STATUS_LABELS

PANEL_HEIGHT_PX = 620  # the map's height: the panel stands beside it
MAX_ITEMS = 120  # more than a briefer reads out; the rest is in the table (and each line is
# sent with its day's layer and laid out when the day is shown)
DESCRIPTION_CHARS = 120
# States of one layer and status that begin (or end) the same day are one line: the 17
# states of emergency of 5 January are one news item, not 17.
GROUPED_LAYERS = ("emergency",)


@dataclass(frozen=True)
class FeedItem:
    """One line of the feed (already escaped HTML in ``title``, ``detail`` and ``source``)."""

    day: str
    layer: str
    colour: str
    shape: str
    title: str
    detail: str
    source: str
    record_id: str
    lat: float | None
    lon: float | None


def feed_items(feed: pd.DataFrame, *, limit: int | None = None) -> tuple[list[FeedItem], int]:
    """The lines of a ``geo.layers.day_feed`` frame, in its order (newest first): the first
    ``limit`` of them (all without one) and how many there are in all.

    Only the lines shown are built: a busy day at 100k events has thousands."""
    grouped: dict[tuple[Any, ...], list[int]] = {}
    order: list[tuple[Any, ...] | int] = []
    layers = feed["layer"].tolist()
    kinds = feed["kind"].tolist()
    dates = feed["date"].tolist()
    statuses = feed["status"].tolist()
    for i, (layer, kind) in enumerate(zip(layers, kinds, strict=True)):
        if layer in GROUPED_LAYERS and kind != "event":
            key = (dates[i], kind, layer, statuses[i])
            if key not in grouped:
                grouped[key] = []
                order.append(key)
            grouped[key].append(i)
        else:
            order.append(i)
    shown = order if limit is None else order[:limit]
    rows = sorted(
        {i for entry in shown for i in ([entry] if isinstance(entry, int) else grouped[entry])}
    )
    records = dict(zip(rows, feed.iloc[rows].to_dict("records"), strict=True))
    items = [
        _item(records[entry])
        if isinstance(entry, int)
        else _group_item([records[i] for i in grouped[entry]])
        for entry in shown
    ]
    return items, len(order)


def _item(rec: dict[str, Any]) -> FeedItem:
    layer = str(rec["layer"])
    style = LAYER_STYLES[layer]
    colour = style.colour
    place = _text(rec.get("place"))
    name = _text(rec.get("name"))
    kind = rec["kind"]
    if kind == "event":
        what = _text(rec.get("sub_event_type"))
        if what in ("", "Other"):
            what = _text(rec.get("event_type"))
        where = place or "National"
        title = f"<b>{esc(where)}</b> · {esc(what or style.label)}"
    else:
        status = _text(rec.get("status"))
        label = STATUS_LABELS.get(status, status) if layer == "infrastructure" else status
        if layer == "infrastructure":
            colour = STATUS_COLOURS.get(status, colour)
        verb = label if kind == "begins" else f"{label}, last day".lstrip(", ")
        where = f" ({esc(place)})" if place and place.lower() not in name.lower() else ""
        title = f"<b>{esc(name or place or style.label)}</b>{where} · {esc(verb)}"
    counts = counts_html(rec)
    description = _text(rec.get("description"))
    if len(description) > DESCRIPTION_CHARS:
        description = description[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"
    detail = " · ".join(x for x in (counts, esc(description)) if x)
    certainty = _text(rec.get("certainty")) or "reported"
    if certainty != "reported":
        detail = f'<span class="cf-badge">{esc(certainty)}</span> ' + detail
    return FeedItem(
        day=pd.Timestamp(rec["date"]).strftime("%d %b"),
        layer=layer,
        colour=colour,
        shape=style.shape,
        title=title,
        detail=detail,
        source=_first_source_html(_text(rec.get("sources"))),
        record_id=_text(rec.get("id")),
        lat=_coordinate(rec.get("lat")),
        lon=_coordinate(rec.get("lon")),
    )


def _group_item(recs: list[dict[str, Any]]) -> FeedItem:
    if len(recs) == 1:
        return _item(recs[0])
    first = recs[0]
    style = LAYER_STYLES[str(first["layer"])]
    status = _text(first.get("status"))
    verb = status if first["kind"] == "begins" else "last day"
    places = ", ".join(esc(_text(r.get("place")) or _text(r.get("name"))) for r in recs)
    sources = {_first_source_html(_text(r.get("sources"))) for r in recs} - {""}
    return FeedItem(
        day=pd.Timestamp(first["date"]).strftime("%d %b"),
        layer=str(first["layer"]),
        colour=style.colour,
        shape=style.shape,
        title=f"<b>{esc(style.label)}</b> · {esc(verb)} in {len(recs)} places",
        detail=places,
        source=" · ".join(sorted(sources)[:3]),
        record_id=_text(first.get("id")),
        lat=None,
        lon=None,
    )


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _coordinate(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _first_source_html(cell: str) -> str:
    try:
        sources = parse_sources(cell)
    except ValueError:
        return esc(cell)
    if not sources:
        return ""
    first = sources[0]
    more = f" +{len(sources) - 1}" if len(sources) > 1 else ""
    if not first.url.startswith(("https://", "http://")):
        return esc(first.publisher) + more
    return (
        f'<a href="{esc(first.url)}" target="_blank" rel="noopener noreferrer">'
        f"{esc(first.publisher)}</a>{more}"
    )


def feed_html(items: list[FeedItem], *, heading: str, show_day: bool = False) -> str:
    """The feed's part of the day panel: a heading (``heading``, escaped here) and a
    scrolling list whose lines fly the map to their record. ``show_day`` prints each line's
    day (a window of several days)."""
    if not items:
        rows = '<p class="cf-none">Nothing reported on this day.</p>'
    else:
        rows = "".join(_row_html(item, show_day) for item in items)
    return f'<div class="cf-head">{esc(heading)}</div><ol class="cf-list">{rows}</ol>'


def day_panel_html(feed: str, figures_caption: str, figures: str) -> str:
    """The day panel's content: the feed (``feed_html``), then the national figures
    (``figures``: already escaped HTML, ``markup.figure_html``; ``figures_caption`` is
    escaped here)."""
    return (
        f'<h3 class="cf-title">The day</h3><div class="cf-feed">{feed}</div>'
        f'<h3 class="cf-title">National figures</h3>'
        f'<p class="cf-caption">{esc(figures_caption)}</p><div class="cf-figures">{figures}</div>'
    )


def _row_html(item: FeedItem, show_day: bool) -> str:
    point = item.lat is not None and item.lon is not None
    attrs = f'data-id="{esc(item.record_id)}"'
    if point:
        attrs += f' data-lat="{item.lat:.5f}" data-lon="{item.lon:.5f}"'
    hint = "Show on the map" if point else "National: no point on the map"
    symbol = (
        f'<span class="cf-sym cf-{esc(item.shape)}" style="background:{esc(item.colour)}"></span>'
    )
    source = f'<span class="cf-src">{item.source}</span>' if item.source else ""
    day = f'<span class="cf-day">{esc(item.day)}</span> ' if show_day else ""
    return (
        f'<li class="cf-item{"" if point else " cf-national"}" {attrs} title="{hint}" '
        f'tabindex="0">{symbol}{day}{item.title}'
        f'<div class="cf-detail">{item.detail} {source}</div></li>'
    )


FEED_CSS = """
body { margin: 0; font: 13px/1.35 "Source Sans Pro", "DejaVu Sans", sans-serif; color: #222; }
.cf-title { font-size: 1.05rem; font-weight: 600; margin: 0 0 4px 2px; color: #31333f; }
.cf-title + .cf-feed { margin-bottom: 10px; }
.cf-feed { max-height: 330px; overflow-y: auto; }
.cf-caption { color: #666; font-size: 12px; margin: 0 0 4px 2px; }
.cf-figures { font-size: 13px; }
.cf-waiting #cf-panel { opacity: 0.45; transition: opacity 0.2s; }
.cf-head { font-weight: 600; color: #555; font-size: 12px; margin: 0 0 4px 2px; }
.cf-list { list-style: none; margin: 0; padding: 0; }
.cf-item { padding: 4px 4px 5px 4px; border-bottom: 1px solid #eee; cursor: pointer; }
.cf-item:hover, .cf-item:focus { background: #f1f5fb; outline: none; }
.cf-item.cf-active { background: #e3ecf8; }
.cf-national { cursor: default; }
.cf-sym { display: inline-block; width: 10px; height: 10px; margin-right: 5px;
          vertical-align: baseline; border: 1px solid #333; }
.cf-circle { border-radius: 50%; }
.cf-diamond { transform: rotate(45deg); width: 8px; height: 8px; }
.cf-area { opacity: 0.6; }
.cf-day { color: #666; font-size: 12px; margin-right: 2px; }
.cf-detail { color: #444; font-size: 12px; margin-left: 17px; }
.cf-src { color: #777; }
.cf-src a { color: #1d4e89; }
.cf-badge { background: #f08c00; color: #fff; border-radius: 3px; padding: 0 4px; font-size: 11px; }
.cf-none { color: #666; }
"""

# The day panel's page: the same on every step (so the frame is never reloaded); the map's
# frame fills it (window.cmPanel.show) and it asks the map for the day when it loads itself.
# A click on a line finds the Leaflet map in the sibling frame (st_folium's), flies to the
# record and opens the popup that names it (data-id in the popup), else the symbol nearest
# to the point.
PANEL_JS = """
function cfMap() {
  for (const f of window.parent.document.querySelectorAll("iframe")) {
    try { if (f.contentWindow && f.contentWindow.map && f.contentWindow.L) return f.contentWindow; }
    catch (e) { /* another origin: not ours */ }
  }
  return null;
}
function cfOpen(w, id, lat, lon) {
  let best = null, bestD = Infinity;
  w.map.eachLayer(l => {
    const p = l.getPopup && l.getPopup();
    if (!p || !l.getLatLng) return;
    let c = p.getContent();
    if (typeof c !== "string") c = (c && c.innerHTML) || "";
    if (c.indexOf('data-id="' + id + '"') >= 0) { best = l; bestD = -1; return; }
    if (bestD < 0) return;
    const ll = l.getLatLng(), d = Math.hypot(ll.lat - lat, ll.lng - lon);
    if (d < bestD) { best = l; bestD = d; }
  });
  if (best) best.openPopup();
}
function cfFocus(el) {
  document.querySelectorAll(".cf-active").forEach(e => e.classList.remove("cf-active"));
  el.classList.add("cf-active");
  if (el.dataset.lat === undefined) return;
  const w = cfMap();
  if (!w) return;
  const lat = +el.dataset.lat, lon = +el.dataset.lon, id = el.dataset.id;
  const zoom = Math.max(w.map.getZoom(), 10);
  let done = false;
  const open = () => { if (!done) { done = true; cfOpen(w, id, lat, lon); } };
  w.map.once("moveend", open);
  w.map.flyTo([lat, lon], zoom, {duration: 0.6});
  setTimeout(open, 1200);
}
const cfPanel = document.getElementById("cf-panel");
cfPanel.addEventListener("click", e => {
  const el = e.target.closest(".cf-item");
  if (el && e.target.tagName !== "A") cfFocus(el);
});
cfPanel.addEventListener("keydown", e => {
  const el = e.target.closest(".cf-item");
  if (el && e.key === "Enter") cfFocus(el);
});
window.cmPanel = {
  // html: the day's panel (built and escaped by the server); null: the day is on its way
  show: function (html) {
    document.body.classList.toggle("cf-waiting", html === null);
    if (html !== null && html !== undefined) cfPanel.innerHTML = html;
  }
};
(function ask(tries) {
  const w = cfMap();
  const html = w && w.cmDays && w.cmDays.panel();
  if (html) { window.cmPanel.show(html); return; }
  if (tries > 0) setTimeout(() => ask(tries - 1), 250);
})(40);
"""

PANEL_PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<style>{FEED_CSS}{FIGURE_CSS}</style></head>
<body><div id="cf-panel"><p class="cf-none">Loading the day…</p></div>
<script>{PANEL_JS}</script></body></html>"""
