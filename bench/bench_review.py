"""Benchmark opening the Review page with a large queue. Prints figures beside targets;
asserts nothing.

    .venv/bin/python bench/bench_review.py [--candidates 10000] [--per-article 4]

Fills a SQLite store (the synthetic data set) with N pending candidates spread over N/4
articles of about 1 KB (written straight to the tables: extraction is bench_ingest's business),
then times:

- the desk's queries (geo.desk): the first page, a page deep in the queue, a filtered page, the
  filters' options;
- the whole Review page as Streamlit runs it (AppTest: the script run, no browser), first and
  warm (the reviewer's name given, the queue shown).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import sqlalchemy as sa  # noqa: E402

from dashboard.synthetic import write_dataset  # noqa: E402
from geo import desk  # noqa: E402
from geo.config import Settings  # noqa: E402
from geo.store import Store  # noqa: E402
from geo.tables import ArticleRow, CandidateRow, MentionRow  # noqa: E402

TARGET_OPEN_S = 1.0
PLACES = (("Almaty", 43.25, 76.91), ("Aktau", 43.66, 51.17), ("Zhanaozen", 43.34, 52.86),
          ("Taraz", 42.9, 71.37), ("Shymkent", 42.3, 69.6))  # fmt: skip


def fill(store: Store, n: int, per_article: int) -> None:
    """n pending candidates, per_article to an article, articles over 28 days."""
    articles, mentions, candidates = [], [], []
    n_articles = -(-n // per_article)
    with store.read() as s:
        base = s.scalar(sa.select(sa.func.max(ArticleRow.id))) or 0
    for a in range(n_articles):
        day = dt.date(2022, 1, 1 + a % 28)
        place = PLACES[a % len(PLACES)]
        body = (f"Report {a}. Police detained {a % 90 + 5} people in {place[0]} after a rally. "
                * 12)  # fmt: skip
        articles.append({"id": base + a + 1, "url": f"https://bench.example/{a}", "url_key":
                         f"https://bench.example/{a}", "text_hash": f"{a:064x}", "title":
                         f"Bench report {a}", "published": day, "publisher": "Bench Wire",
                         "records": "", "body": body, "origin": "ingested",
                         "label": f"a{a}"})  # fmt: skip
        mentions.append({"article_id": base + a + 1, "start": body.index(place[0]), "end":
                         body.index(place[0]) + len(place[0]), "text": place[0], "status":
                         "resolved", "name": place[0], "kind": "city", "lat": place[1], "lon":
                         place[2], "confidence": 0.9})  # fmt: skip
    for i in range(n):
        a = i // per_article
        place = PLACES[a % len(PLACES)]
        body = articles[a]["body"]
        start = body.index("Police")
        candidates.append({"article_id": base + a + 1, "position": i % per_article, "kind": "event",
                           "layer": "protests", "event_type": "Protests",
                           "date": articles[a]["published"], "place": place[0],
                           "lat": place[1], "lon": place[2], "detained": a % 90 + 5,
                           "evidence_start": start, "evidence_end": body.index(".", start) + 1,
                           "evidence_text": "", "confidence": 0.7, "matches": "",
                           "disputes": "", "review_status": "pending", "version": 1,
                           "certainty": "reported"})  # fmt: skip
    with store.write() as s:
        s.execute(sa.insert(ArticleRow), articles)
        s.execute(sa.insert(MentionRow), mentions)
        s.execute(sa.insert(CandidateRow), candidates)


def timed(fn, repeat: int = 5) -> tuple[float, float]:  # noqa: ANN001
    """(first, median of the rest) seconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times[0], statistics.median(times[1:] or times)


def line(label: str, seconds: float, target: float = TARGET_OPEN_S) -> None:
    ok = "ok" if seconds <= target else "OVER"
    print(f"  {label:<48} {seconds * 1000:8.1f} ms   (target {target * 1000:.0f} ms, {ok})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--per-article", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = write_dataset(folder / "data", n_events=200)
        url = f"sqlite:///{folder / 'bench.sqlite'}"
        cache = Path(os.environ.get("CRISISMAP_CACHE_DIR") or folder / "cache")
        with Store.open(Settings(data_dir=data, database_url=url, cache_dir=cache)) as store:
            fill(store, args.candidates, args.per_article)
            page = desk.queue_page(store)
            print(f"Review queue: {page.candidates:,} pending candidates in {page.articles:,} "
                  f"articles ({page.pages:,} pages of 5)")  # fmt: skip
            print("geo.desk queries (SQLite; first run / median of 4 more):")
            for label, fn in (
                ("first page", lambda: desk.queue_page(store)),
                ("last page (OFFSET at the end)", lambda: desk.queue_page(store, page=10**6)),
                ("filtered (place + day)", lambda: desk.queue_page(
                    store, desk.QueueFilter(place="Aktau", day=dt.date(2022, 1, 2)))),
                ("filter options", lambda: desk.queue_choices(store)),
            ):  # fmt: skip
                first, warm = timed(fn)
                line(f"{label}: first", first)
                line(f"{label}: warm", warm)
        from streamlit.testing.v1 import AppTest

        os.environ.update(CRISISMAP_DATA_DIR=str(data), CRISISMAP_DATABASE_URL=url,
                          CRISISMAP_CACHE_DIR=str(cache))  # fmt: skip
        at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=300)
        at.run()  # the map page first (loads the gazetteer and the data set; not timed)
        at.switch_page("review_page.py")
        at.session_state["reviewer"] = "bench"
        print("The Review page as Streamlit runs it (AppTest script run, no browser):")
        t = time.perf_counter()
        at.run()
        line("open, first run", time.perf_counter() - t)
        runs = []
        for _ in range(4):
            t = time.perf_counter()
            at.run()
            runs.append(time.perf_counter() - t)
        line("open, warm (median of 4)", statistics.median(runs))
        shown = sum(1 for b in at.button if b.label == "Accept")
        print(f"  candidates on the page: {shown} (5 articles)")
        if at.exception:
            print("  page raised:", [e.message for e in at.exception])


if __name__ == "__main__":
    main()
