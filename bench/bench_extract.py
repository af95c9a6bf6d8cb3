"""Benchmark the extraction stage. Prints figures beside their targets; asserts nothing.

    .venv/bin/python bench/bench_extract.py [--articles 1000]

The corpus is generated, never repeated: each article (about 1.2 KB) is built with a fixed seed
from many sentence shapes filled with Kazakhstan's cities and regions from the gazetteer, the
curated facilities, dates in several forms, weekdays, counts in digits and in words, negations and
hedges, so that no two articles are alike and the parser's memos meet new names and phrases.

1. Headline: one pass over the corpus with a fresh Extractor (fresh geoparser, empty memos), in a
   separate process started for it, timed from the first article to the last; the same process's
   peak memory (VmHWM) including the gazetteer and the data set. Target: >= 1,000 articles/s on
   one core, <= 500 MB.
2. Beside it: the geoparser alone on the same texts (fresh parser, one pass), for scale; and a
   second, warm pass of the extractor (memos filled), marked as such.
3. The whole command as a user runs it: ``python -m geo extract`` on the corpus written to files,
   from a fresh process start (imports, gazetteer, data set and matching included).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

TARGET_RATE = 1000.0
TARGET_PEAK_MB = 500.0
ARTICLE_BYTES = 1200

_SHAPES = (
    "On {date} hundreds of people rallied in {city} against the rise in fuel prices.",
    "Protesters stormed the {facility} on {weekday}, witnesses said.",
    "Police detained {n} protesters in {city} {rel}, the regional police department said.",
    "{City_} was calm {rel}; no clashes were reported there.",
    "At least {n} people were killed and {m} injured in clashes in {city} on {date}.",
    "The Interior Ministry said {words} people had been detained across the country.",
    "Unconfirmed reports said shooting was heard near the {facility}.",
    "A state of emergency was declared in {region} on {date} and a curfew imposed.",
    "The state of emergency in {region} is due to be lifted on {weekday}.",
    "Flights from {airport} are set to resume {weekday}, the operator said.",
    "The {facility} was set on fire overnight, local media reported.",
    "Some {n} troops of the CSTO force arrived in {city} {rel} to guard the {facility}.",
    "Internet access was restored in {city} on {date} after a blackout.",
    "Officials later withdrew a figure of {n} dead, blaming a technical error.",
    "Residents of {city} said {m} police officers and {small} soldiers were wounded.",
    "Claims that the {facility} had been captured were denied by the akimat.",
    "By {date} more than {n} people had been detained in {city}, police said.",
    "A rally of about {words} people took place on the main square of {city} {rel}.",
    "The withdrawal of the contingent from {city} will begin {weekday}.",
    "Dozens of people gathered outside the {facility} in {city} on {date} but left peacefully.",
)
# Sentences that report no event: background, quotes, analysis. News is about half of them.
_CONTEXT = (
    "{City_} lies about {m} kilometres from the regional capital and has several large employers.",
    "Analysts in {city} said the government had underestimated public anger over prices.",
    "\u201cWe want to be heard,\u201d a resident of {city} told reporters, unwilling to be named.",
    "The region has long depended on oil and gas revenue, and wages have lagged behind prices.",
    "Officials in {region} said talks with community leaders would continue.",
    "Shops in {city} reported long queues at cash machines on {weekday}.",
    "The price of liquefied gas had been capped for years before the reform.",
    "Opposition figures abroad called for dialogue, while the ministry urged calm.",
    "Schools in {city} moved to remote lessons, according to the education department.",
    "Traffic on the road from {city} to {other} was light in the morning.",
    "Economists expect inflation in {region} to stay above {small} per cent this year.",
    "The akim of {city} met business owners to discuss the damage to the local economy.",
)
_WORDS = ("two thousand", "three hundred", "a dozen", "dozens", "hundreds", "fifteen",
          "one thousand five hundred", "several hundred")  # fmt: skip
_RELATIVE = ("yesterday", "today", "overnight", "last week", "on Tuesday", "on Monday")


def corpus(n: int, gazetteer, *, event_share: float = 0.5) -> list[str]:  # noqa: ANN001
    """n distinct articles of about ARTICLE_BYTES, built with a fixed seed; ``event_share`` of
    the sentences report an event, the rest are context, as in news."""
    rows = list(gazetteer.rows)
    cities = [r[1] for r in rows if r[2] == "city" and r[5] == "KZ" and r[7] >= 5000]
    regions = [p.name for p in gazetteer.admin1_units("KZ")]
    facilities = [r[1] for r in rows if r[2] == "facility" and r[5] == "KZ"]
    airports = [r[1] for r in rows if r[2] == "airport" and r[5] == "KZ"]
    rng = random.Random(2022)
    out = []
    for _ in range(n):
        sentences: list[str] = []
        published = 3 + rng.randrange(17)
        while sum(len(s) + 1 for s in sentences) < ARTICLE_BYTES:
            shape = rng.choice(_SHAPES if rng.random() < event_share else _CONTEXT)
            city = rng.choice(cities)
            sentences.append(shape.format(
                date=rng.choice((f"{rng.randrange(1, published + 1)} January",
                                 f"Jan. {rng.randrange(1, published + 1)}",
                                 f"January {rng.randrange(1, published + 1)}, 2022")),
                weekday=rng.choice(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")),
                rel=rng.choice(_RELATIVE), city=city, City_=city,
                facility=rng.choice(facilities), airport=rng.choice(airports),
                region=rng.choice(regions), n=f"{rng.randrange(3, 12000):,}",
                other=rng.choice(cities),
                m=rng.randrange(2, 400), small=rng.randrange(2, 9), words=rng.choice(_WORDS),
            ))  # fmt: skip
        out.append(f"2022-01-{published:02d}\n" + " ".join(sentences))
    return out


def peak_rss_mb() -> float:
    status = Path("/proc/self/status").read_text(encoding="ascii")
    return int(status.split("VmHWM:")[1].split()[0]) / 1024


def measure(n: int) -> dict[str, float]:
    """In this (fresh) process: the corpus, then a fresh extractor's one pass, a warm pass, and
    a fresh geoparser's pass on the same bodies."""
    import datetime as dt

    from geo.config import Settings
    from geo.events import load_dataset
    from geo.extract import Extractor, read_document
    from geo.gazetteer import Gazetteer
    from geo.geoparse import Geoparser
    from geo.match import RecordIndex, match

    settings = Settings.from_env()
    gazetteer = Gazetteer.load(settings)
    ds = load_dataset(settings, gazetteer)
    index = RecordIndex.from_frames(ds.events, ds.states, ds.figures)

    def documents(share: float) -> list:  # noqa: ANN202
        return [
            read_document(t.split("\n", 1)[1], label=f"a{i}",
                          published=dt.date.fromisoformat(t.split("\n", 1)[0]))
            for i, t in enumerate(corpus(n, gazetteer, event_share=share))
        ]  # fmt: skip

    def one_pass(extractor: Extractor, docs: list) -> tuple[float, float, int]:
        wall, cpu = time.perf_counter(), time.process_time()
        found = sum(len(match(extractor.extract(d).candidates, index)) for d in docs)
        return time.perf_counter() - wall, time.process_time() - cpu, found

    docs = documents(0.5)
    fresh_wall, fresh_cpu, n_cands = one_pass(Extractor(gazetteer, settings), docs)
    extractor = Extractor(gazetteer, settings)
    one_pass(extractor, docs)
    _, warm_cpu, _ = one_pass(extractor, docs)
    dense = documents(1.0)
    _, dense_cpu, dense_cands = one_pass(Extractor(gazetteer, settings), dense)
    parser = Geoparser(gazetteer, settings)
    cpu = time.process_time()
    for d in docs:
        parser.parse(d.body)
    geoparse = time.process_time() - cpu
    return {
        "articles": n, "bytes": sum(len(d.body.encode()) for d in docs), "candidates": n_cands,
        "fresh_s": fresh_cpu, "fresh_wall_s": fresh_wall, "warm_s": warm_cpu,
        "dense_s": dense_cpu, "dense_candidates": dense_cands, "geoparse_s": geoparse,
        "peak_mb": peak_rss_mb(),
    }  # fmt: skip


def whole_command(n: int) -> tuple[float, int]:
    """Seconds for ``python -m geo extract`` on n article files, from a fresh process."""
    from geo.config import Settings
    from geo.gazetteer import Gazetteer

    texts = corpus(n, Gazetteer.load(Settings.from_env()))
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, t in enumerate(texts):
            day, body = t.split("\n", 1)
            path = Path(tmp) / f"a{i:05d}.txt"
            header = f"title: a{i}\ndate: {day}\npublisher: bench\nurl: https://example.org/{i}"
            path.write_text(f"{header}\n---\n{body}\n", encoding="utf-8")
            files.append(str(path))
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "geo", "extract", *files], cwd=ROOT,
                             capture_output=True, text=True, check=True)  # fmt: skip
        elapsed = time.perf_counter() - t0
    return elapsed, sum(len(r["candidates"]) for r in json.loads(out.stdout))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner:
        print(json.dumps(measure(args.articles)))
        return
    inner = subprocess.run(
        [sys.executable, __file__, "--inner", "--articles", str(args.articles)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    r = json.loads(inner.stdout.strip().splitlines()[-1])
    n = r["articles"]
    rate = n / r["fresh_s"]
    kb = r["bytes"] / n / 1024
    print(f"corpus: {n} generated articles, {kb:.2f} KB each on average, no two alike; half")
    print("of their sentences report an event, the rest are context, as in news")
    ok = "ok" if rate >= TARGET_RATE else "MISSED"
    print(
        f"extract, fresh extractor, one pass:  {rate:8.0f} articles/s of CPU time "
        f"(target >= {TARGET_RATE:.0f}/s on one core) {ok}; {r['candidates']} candidates"
    )
    print(
        f"  the same pass in wall-clock time:   {n / r['fresh_wall_s']:8.0f} articles/s "
        "(lower when other work shares the cores)"
    )
    print(
        f"  every sentence an event (dense):    {n / r['dense_s']:8.0f} articles/s, "
        f"{r['dense_candidates']} candidates (harder than news)"
    )
    ok = "ok" if r["peak_mb"] <= TARGET_PEAK_MB else "MISSED"
    print(
        f"peak memory of that process:          {r['peak_mb']:8.0f} MB "
        f"(target <= {TARGET_PEAK_MB:.0f} MB) {ok}"
    )
    print(f"  for scale, geoparser alone, fresh:  {n / r['geoparse_s']:8.0f} articles/s")
    print(
        f"  warm second pass (memos filled):    {n / r['warm_s']:8.0f} articles/s "
        "(repeated input: information only)"
    )
    elapsed, cands = whole_command(n)
    print(
        f"whole command, fresh process:        {n / elapsed:8.0f} articles/s "
        f"({elapsed:.2f} s for {n} files incl. start-up, gazetteer, data set; {cands} candidates)"
    )


if __name__ == "__main__":
    main()
