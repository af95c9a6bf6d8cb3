"""The review desk and the "In the news" layer, testable without Streamlit: the evidence in
its article, labels for candidates, decision history in popups, and news symbols.

Every text from an article or the store is escaped (``esc``/``md_text``) before it becomes
HTML or markdown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

import folium
import geopandas as gpd
import numpy as np

from dashboard.leaflet import NEWS_COLOUR, SymbolLayer
from dashboard.markup import esc, md_text
from dashboard.shaping import Symbol
from geo.desk import NewsPlace, RecordReview
from geo.events import Dataset

NEWS_LAYER = "news"
NEWS_LABEL = "In the news"
NEWS_HELP = (
    "Places that ingested articles mention on this day (or window), sized by the number of "
    "articles: the raw signal, before any analyst confirmed it."
)
EVIDENCE_CONTEXT = 600  # characters of article shown around the evidence sentence
SUPPORT_CONTEXT = 150  # and around each other sentence a merged candidate draws on
REVIEWED_ORIGIN = "reviewed"

DESK_CSS = """
<style>
mark.cm-evidence { background: #ffd43b; padding: 0 2px; }
mark.cm-support { background: #ffec99; }
.cm-article-text { font-size: 0.92rem; line-height: 1.5; color: #222; }
.cm-tag { display: inline-block; padding: 0 6px; margin-right: 4px; border-radius: 4px;
  font-size: 0.8rem; background: #e7f5ff; color: #1d4e89; }
.cm-tag.cm-disputes { background: #fff0f0; color: #c8102e; }
.cm-tag.cm-new { background: #ebfbee; color: #2b8a3e; }
</style>
"""


def evidence_html(body: str, start: int | None, end: int | None, *,
                  support: Sequence[tuple[int, int]] = (),
                  context: int = EVIDENCE_CONTEXT) -> str:  # fmt: skip
    """The article text around the evidence, escaped, the evidence span in ``<mark>``; a
    merged candidate's other sentences (``support``: (start, end) spans) are marked too, each
    with a shorter stretch of text around it, in the article's order.

    Offsets that do not fit the body show the start of the article, unmarked (a support span
    that does not fit is left out). Text cut at either end of a stretch is marked with an
    ellipsis.
    """
    if start is None or end is None or not 0 <= start <= end <= len(body):
        text = body[: 2 * context]
        more = "…" if len(body) > len(text) else ""
        return f'<div class="cm-article-text">{_paragraphs(esc(text))}{more}</div>'
    spans = [(start, end, context)]
    spans += [(a, b, SUPPORT_CONTEXT) for a, b in support if 0 <= a <= b <= len(body)]
    spans.sort()
    stretches: list[list[int]] = []  # [lo, hi] of the text shown, overlapping ones joined
    for a, b, around in spans:
        lo, hi = max(0, a - around), min(len(body), b + around)
        if stretches and lo <= stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], hi)
        else:
            stretches.append([lo, hi])
    out = []
    for lo, hi in stretches:
        parts, at = ["…" if lo > 0 else ""], lo
        for a, b, _around in spans:
            if lo <= a and b <= hi and a >= at:
                cls = "cm-evidence" if (a, b) == (start, end) else "cm-evidence cm-support"
                parts += [esc(body[at:a]), f'<mark class="{cls}">{esc(body[a:b])}</mark>']
                at = b
        parts += [esc(body[at:hi]), "…" if hi < len(body) else ""]
        out.append(_paragraphs("".join(parts)))
    return f'<div class="cm-article-text">{"<br><br>".join(out)}</div>'


def _paragraphs(escaped: str) -> str:
    return escaped.replace("\n\n", "<br><br>").replace("\n", " ")


def match_tags_html(labels: Sequence[str]) -> str:
    """Labels ("corroborates S043", "disputes F012", "new") as coloured tags, escaped."""
    out = []
    for label in labels:
        cls = (
            "cm-new" if label == "new" else ("cm-disputes" if label.startswith("disputes") else "")
        )
        out.append(f'<span class="cm-tag {cls}">{esc(label)}</span>')
    return "".join(out)


def candidate_summary(c: Mapping[str, Any]) -> str:
    """One line of markdown saying what a candidate proposes (every value escaped)."""
    kind = c.get("kind") or "record"
    what = c.get("layer") or c.get("metric") or ""
    parts = [f"**{md_text(kind)}** · {md_text(what)}"]
    if c.get("part"):  # "Internet", "Public transport"; a figure's group ("police")
        parts.append(md_text(c["part"]))
    if c.get("event_type"):
        parts.append(md_text(c["event_type"]))
    if c.get("status"):
        parts.append(f"status {md_text(c['status'])}")
    if c.get("place"):
        parts.append(f"at **{md_text(c['place'])}**")
    if c.get("date"):
        parts.append(md_text(c["date"]))
    counts = {**(c.get("counts") or {}), "value": c.get("value")}
    for key, value in counts.items():
        if value is not None:
            parts.append(f"{md_text(key)} {int(value):,}")
    if c.get("support"):  # merged from several sentences: all are marked below
        parts.append(f"from {1 + len(c['support'])} sentences")
    if c.get("confidence") is not None:
        parts.append(f"confidence {float(c['confidence']):.2f}")
    return " · ".join(parts)


def with_review_origin(ds: Dataset, reviews: Mapping[str, RecordReview]) -> Dataset:
    """The data set with origin ``reviewed`` on the records reviewers accepted (so popups and
    the data-set filter tell them apart); a new Dataset, the given one is left as it was."""
    reviewed = {rid for rid, r in reviews.items() if r.origin == REVIEWED_ORIGIN}
    if not reviewed:
        return ds
    frames = {}
    for name in ("events", "states"):
        frame = getattr(ds, name).copy()
        mark = frame["id"].astype(str).isin(reviewed)
        if "origin" not in frame:
            frame["origin"] = None
        frame["origin"] = frame["origin"].astype(object).where(~mark, REVIEWED_ORIGIN)
        frames[name] = frame
    return dataclasses.replace(ds, **frames)


def with_history(
    frames: Mapping[str, gpd.GeoDataFrame], reviews: Mapping[str, RecordReview]
) -> dict[str, gpd.GeoDataFrame]:
    """Visible frames with a ``history`` column (each record's decisions, for its popup)."""
    out = {}
    for layer, frame in frames.items():
        frame = frame.copy()
        ids = frame["id"].astype(str)
        history: list[tuple] = [()] * len(frame)
        # the few reviewed records found at once: a Python loop over every id of a
        # cumulative view at 100k events took 0.1 s a step (issue 17)
        for pos in np.flatnonzero(ids.isin(list(reviews)).to_numpy()):
            history[pos] = reviews[ids.iloc[pos]].history
        frame["history"] = history
        out[layer] = frame
    return out


# --- "In the news" ----------------------------------------------------------------------------


def news_radius(n_articles: int) -> float:
    """Symbol radius for a place named in n articles (area grows with the count)."""
    return round(5.0 + 4.0 * math.sqrt(max(1, n_articles) - 1), 1)


def news_popup_html(place: NewsPlace, *, limit: int = 12) -> str:
    """A news place's popup: its name and each article's title, publisher, date and link."""
    items = []
    for a in place.articles[:limit]:
        link = ""
        if a.url and a.url.startswith(("http://", "https://")):
            link = f' · <a href="{esc(a.url)}" target="_blank" rel="noopener noreferrer">link</a>'
        items.append(
            f'<li><b>{esc(a.title)}</b><br><span class="cm-meta">{esc(a.publisher)} · '
            f"{a.published.isoformat()}</span>{link}</li>"
        )
    more = len(place.articles) - limit
    tail = f"<li>… and {more} more</li>" if more > 0 else ""
    n = len(place.articles)
    return (
        f'<div class="cm-feature"><b>{esc(place.name)}</b>'
        f'<div class="cm-meta">{NEWS_LABEL} · {n} article{"s" if n != 1 else ""}</div>'
        f'<ul class="cm-news">{"".join(items)}{tail}</ul></div>'
    )


def _articles(n: int) -> str:
    return f"{n} article{'s' if n != 1 else ''}"


def news_symbols(places: Sequence[NewsPlace]) -> list[Symbol]:
    """One circle per place the news mentions, sized by its number of articles."""
    return [
        Symbol(
            lat=p.lat,
            lon=p.lon,
            radius=news_radius(len(p.articles)),
            colour=NEWS_COLOUR,
            shape="circle",
            tooltip=f"{esc(p.name)}: {_articles(len(p.articles))}",
            popup=news_popup_html(p),
            count=len(p.articles),
        )  # fmt: skip
        for p in places
    ]


def decision_lines(decisions: Sequence[Mapping[str, Any]]) -> list[str]:
    """A candidate's decisions as plain lines ("rejected by ann at 2026-11-30 10:02 UTC: why")."""
    verbs = {"accept": "accepted", "edit": "edited and accepted", "merge": "merged",
             "reject": "rejected"}  # fmt: skip
    out = []
    for d in decisions:
        verb = verbs.get(d["action"], d["action"])
        line = f"{verb} by {d['reviewer']} at {when_decided(d['decided_at'])}"
        if d.get("record_id"):
            line += f" → {d['record_id']}"
        if d.get("note"):
            line += f": {d['note']}"
        out.append(line)
    return out


def add_news_layer(group: folium.FeatureGroup, symbols: Sequence[Symbol]) -> None:
    """Draw the news symbols into the day's feature group, beneath the records (first child),
    so a place the news mentions never hides or blocks the records on it."""
    if not symbols:
        return
    layer = SymbolLayer(NEWS_LAYER, symbols)
    group.add_child(layer)
    group._children.move_to_end(layer.get_name(), last=False)


def news_caption(places: Sequence[NewsPlace]) -> str:
    """ "<b>3</b> places · 2 articles" (HTML, numbers only: nothing to escape) under the
    layer's switch."""
    articles = {(a.title, a.url, a.published) for p in places for a in p.articles}
    n = len(places)
    return f"<b>{n:,}</b> place{'s' if n != 1 else ''} · {_articles(len(articles))}"


def page_range_text(page: int, pages: int, articles: int, candidates: int) -> str:
    """ "Page 2 of 40 · 200 articles · 10,000 candidates"."""
    return f"Page {page + 1} of {pages} · {articles:,} articles · {candidates:,} candidates"


def when_decided(value: dt.datetime) -> str:
    return f"{value:%Y-%m-%d %H:%M} UTC"
