"""HTML and markdown text for the dashboard: popups, the figures panel, the article panel.

Every text that comes from data files is escaped before it becomes HTML (``esc``) or
Streamlit markdown (``md_text``): nothing from data can render as markup, run as script or
make the browser fetch something.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from geo.csvrows import parse_sources
from geo.schema import METRIC_LABELS, METRICS
from geo.symbology import (
    LAYER_STYLES,
    STATUS_COLOURS,
    STATUS_LABELS,
)


def when_text(date: object, valid_from: object, valid_to: object) -> str:
    """``2022-01-05`` for an event, ``2022-01-05 to 2022-01-13`` (or ``to …``) for a state."""
    if not pd.isna(date):
        return pd.Timestamp(date).date().isoformat()
    start = pd.Timestamp(valid_from).date().isoformat() if not pd.isna(valid_from) else "?"
    end = pd.Timestamp(valid_to).date().isoformat() if not pd.isna(valid_to) else "…"
    return f"{start} to {end}"


# --- HTML: escaped text ----------------------------------------------------------------------


def esc(value: object) -> str:
    """Text from data files made safe for HTML (and for a JS template literal)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True).replace("`", "&#96;").replace("$", "&#36;")


_MD_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def md_text(value: object) -> str:
    """Text from data made literal for Streamlit markdown (st.caption, st.error, st.title...).

    CommonMark lets any ASCII punctuation be backslash-escaped, so every one is: no image (a
    request leaving the machine), link, maths, colour, emphasis or HTML can come from data. Line
    breaks become spaces (these are one-line messages).
    """
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return _MD_PUNCTUATION.sub(r"\\\1", " ".join(str(value).split()))


def sources_html(cell: str) -> str:
    """``Publisher <URL> ; ...`` as escaped links that open in a new tab (http(s) only)."""
    try:
        sources = parse_sources(cell)
    except ValueError:
        return esc(cell)
    links = []
    for s in sources:
        if not s.url.startswith(("https://", "http://")):
            links.append(esc(s.publisher))
            continue
        links.append(
            f'<a href="{esc(s.url)}" target="_blank" rel="noopener noreferrer">'
            f"{esc(s.publisher)}</a>"
        )
    return ", ".join(links)


def _count_text(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return f"{int(value):,}"


def counts_html(row: Mapping[str, Any]) -> str:
    parts = []
    for col, label in (
        ("fatalities", "deaths"),
        ("injured", "injured"),
        ("detained", "detained"),
        ("troops", "troops"),
    ):
        text = _count_text(row.get(col))
        if text is not None:
            parts.append(f"{label} {text}")
    note = esc(row.get("count_note"))
    out = " · ".join(parts)
    if note:
        out += f' <span class="cm-note">({note})</span>'
    return out


def feature_html(row: Mapping[str, Any]) -> str:
    """One feature as a popup section: date or interval, place, counts, status, actor, sources."""
    layer = str(row["layer"])
    style = LAYER_STYLES[layer]
    when = when_text(row.get("date"), row.get("valid_from"), row.get("valid_to"))
    lines = [
        f'<div class="cm-feature" data-id="{esc(row.get("id"))}">'
        f"<b>{esc(row.get('name') or row.get('place'))}</b>"
    ]
    lines.append(f'<div class="cm-meta">{esc(style.label)} · {esc(when)}</div>')
    place = row.get("place") or ""
    if place and place != row.get("name"):
        lines.append(f"<div>at {esc(place)}{_admin_suffix(row)}</div>")
    elif row.get("admin1"):
        lines.append(f"<div>{esc(row.get('admin1'))}</div>")
    precision = row.get("geo_precision")
    if isinstance(precision, int | float) and precision >= 2:
        where = "approximate" if precision == 2 else "region only"
        lines.append(f'<div class="cm-meta">location: {where} (precision {int(precision)})</div>')
    status = str(row.get("status") or "")
    if status and layer == "infrastructure":
        colour = STATUS_COLOURS.get(status, "#444444")
        lines.append(
            f'<div>status: <span class="cm-status" style="background:{colour}">'
            f"{esc(STATUS_LABELS.get(status, status))}</span></div>"
        )
    elif status:
        lines.append(f"<div>status: {esc(status)}</div>")
    kind = " / ".join(x for x in (row.get("event_type"), row.get("sub_event_type")) if x)
    if kind:
        lines.append(f"<div>{esc(kind)}</div>")
    counts = counts_html(row)
    if counts:
        lines.append(f"<div>{counts}</div>")
    if row.get("actor"):
        lines.append(f"<div>actor: {esc(row.get('actor'))}</div>")
    certainty = str(row.get("certainty") or "reported")
    if certainty != "reported":
        lines.append(
            f'<div><span class="cm-badge cm-{esc(certainty.replace(" ", "-"))}">'
            f"{esc(certainty)}</span></div>"
        )
    if row.get("description"):
        lines.append(f'<div class="cm-desc">{esc(row.get("description"))}</div>')
    lines.append(
        f'<div class="cm-src">sources: {sources_html(str(row.get("sources") or ""))}</div>'
    )
    origin = row.get("origin")
    if isinstance(origin, str) and origin and origin != "crisismap":
        lines.append(f'<div class="cm-meta">origin: {esc(origin)}</div>')
    history = row.get("history")
    if isinstance(history, tuple | list) and history:
        items = "".join(f"<li>{esc(line)}</li>" for line in history)
        lines.append(f'<div class="cm-history">review history:<ul>{items}</ul></div>')
    lines.append("</div>")
    return "".join(lines)


def _admin_suffix(row: Mapping[str, Any]) -> str:
    return f" ({esc(row.get('admin1'))})" if row.get("admin1") else ""


# --- articles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A place mention in an article body: offsets into the body and what it resolved to."""

    start: int
    end: int
    place_id: str
    name: str


def article_head_html(title: str, day: dt.date, publisher: str, url: str) -> str:
    """An article's title, date, publisher and source link, every part escaped."""
    link = (
        f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">source</a>'
        if url.startswith(("http://", "https://"))
        else ""
    )
    return (
        f'<div class="cm-article-head"><b>{esc(title)}</b><br>'
        f'<span class="cm-meta">{day.isoformat()} · {esc(publisher)} · {link}</span></div>'
    )


# What the article panel sends to the browser at most: a 50 MB article sent 52 MB of HTML.
ARTICLE_PAGE_CHARS = 100_000  # of one article's body
ARTICLES_PAGE_CHARS = 400_000  # of all the articles shown for a place


def article_excerpt(body: str, limit: int = ARTICLE_PAGE_CHARS) -> tuple[str, str]:
    """(the part of an article's body the page shows, a note saying what was left out or "")."""
    if len(body) <= limit:
        return body, ""
    note = (
        f"Long article: the first {limit:,} of {len(body):,} characters are shown; "
        "the whole text is in its file under the data folder's articles/."
    )
    return body[:limit], note


_LATIN_LETTER = re.compile(r"[A-Za-z]")


def highlight_html(text: str, spans: Sequence[Span], *, selected: str = "") -> str:
    """The text escaped, with every span wrapped in ``<mark>`` (the selected place's stronger).

    Escaping happens per segment, so offsets into the raw text stay right and no tag in the
    text survives. Paragraph breaks become ``<br>``.
    """
    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < pos or span.end > len(text):
            continue
        out.append(esc(text[pos : span.start]))
        cls = "cm-hit" if selected and span.place_id == selected else "cm-mention"
        title = esc(span.name)
        written = text[span.start : span.end]
        out.append(f'<mark class="{cls}" title="{title}">{esc(written)}</mark>')
        if span.name and not written.isascii() and not _LATIN_LETTER.search(written):
            # a name in another script: its English name beside it ("Жанаозене (Zhanaozen)")
            out.append(f' <span class="cm-en">({title})</span>')
        pos = span.end
    out.append(esc(text[pos:]))
    return "".join(out).replace("\n\n", "<br><br>").replace("\n", " ")


def figure_html(figures: pd.DataFrame) -> str:
    """National figures as reported by a day, compact: per metric the ``current`` ones (the
    headline, and every group's newest figures side by side), then the earlier ones behind a
    "history" fold. Retracted figures are struck through, with a badge. All text escaped."""
    if not len(figures):
        return '<p class="cm-none">No national figures reported by this day.</p>'
    current = figures["current"] if "current" in figures else pd.Series(True, figures.index)
    parts = []
    for metric in METRICS:
        rows = figures[figures["metric"] == metric]
        if not len(rows):
            continue
        rows = rows.sort_values("latest", ascending=False, kind="stable")  # headline first
        now = rows[current[rows.index]]
        earlier = rows[~current[rows.index]]
        history = ""
        if len(earlier):
            history = (
                f'<details class="cm-history"><summary>{len(earlier)} earlier</summary>'
                f"<ul>{_figure_items(earlier)}</ul></details>"
            )
        parts.append(
            f'<div class="cm-metric"><b>{esc(METRIC_LABELS[metric])}</b>'
            f"<ul>{_figure_items(now)}</ul>{history}</div>"
        )
    return "".join(parts)


def _figure_items(rows: pd.DataFrame) -> str:
    items = []
    for rec in rows.to_dict("records"):
        value = "?" if pd.isna(rec["value"]) else f"{int(rec['value']):,}"
        qualifier = "" if rec["qualifier"] in ("exact", "", None) else f"{rec['qualifier']} "
        text = f"{esc(qualifier)}{value}"
        certainty = str(rec.get("certainty") or "reported")
        if certainty == "retracted":
            text = f"<s>{text}</s>"
        badge = ""
        if certainty != "reported":
            badge = f' <span class="cm-badge cm-{esc(certainty.replace(" ", "-"))}">{esc(certainty)}</span>'
        day = pd.Timestamp(rec["date"]).date().isoformat()
        who = esc(rec.get("reported_by") or "")
        note = f' <span class="cm-note">{esc(rec["note"])}</span>' if rec.get("note") else ""
        cls = "cm-latest" if rec.get("latest") else "cm-earlier"
        part = str(rec.get("part") or "")
        if part:  # a figure for one group only: never the headline, always labelled
            badge += f' <span class="cm-part">{esc(part)} only</span>'
        items.append(
            f'<li class="{cls}"><span class="cm-value">{text}</span>{badge} '
            f'<span class="cm-meta">{day}{", " + who if who else ""}</span>{note} '
            f'<span class="cm-src">{sources_html(str(rec.get("sources") or ""))}</span></li>'
        )
    return "".join(items)


# The national figures' look (and a record's review history), in the page and in the day panel
# (dashboard.feed.PANEL_PAGE).
FIGURE_CSS = """
.cm-metric ul { margin: 0 0 0.4rem 0; padding-left: 1.1rem; }
.cm-metric li { margin: 0; font-size: 0.9rem; }
.cm-metric li.cm-latest .cm-value { font-size: 1.35rem; font-weight: 700; }
.cm-metric li.cm-earlier { color: #555; }
.cm-history { font-size: 0.78rem; color: #444; margin-top: 4px; }
.cm-history li { margin: 0; }
.cm-history summary { color: #555; font-size: 0.82rem; cursor: pointer; }
.cm-meta { color: #666; font-size: 0.82rem; }
.cm-note { color: #777; font-size: 0.8rem; }
.cm-part { font-style: italic; color: #444; font-size: 0.8rem; }
.cm-src { font-size: 0.8rem; }
.cm-badge { background: #eee; color: #333; padding: 0 5px; border-radius: 4px; font-size: 0.75rem; }
.cm-badge.cm-retracted { background: #c8102e; color: #fff; }
.cm-badge.cm-uncertain { background: #f08c00; color: #fff; }
.cm-badge.cm-official-claim { background: #1d4e89; color: #fff; }
"""

PAGE_CSS = f"""
<style>
{FIGURE_CSS.strip()}
mark.cm-mention {{ background: #fff3bf; padding: 0 2px; }}
span.cm-en {{ color: #666; font-size: 0.85em; }}
mark.cm-hit {{ background: #ffd43b; font-weight: 600; padding: 0 2px; }}
.cm-article {{ font-size: 0.95rem; line-height: 1.5; }}
.cm-counts {{ display: grid; grid-auto-flow: column; grid-auto-columns: minmax(0, 1fr);
  column-gap: 1rem; height: 3.85rem; overflow: hidden; font-size: 0.875rem; line-height: 1.3;
  color: rgba(49, 51, 63, 0.6); margin-top: -0.5rem; }}
</style>
"""
