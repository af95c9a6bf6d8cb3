"""Benchmark ingest into the store. Prints figures beside targets; asserts nothing.

    .venv/bin/python bench/bench_ingest.py [--articles 10000] [--no-postgis] [--no-workers]

Writes N synthetic article files of varied text (sentences of data/articles/*.txt drawn with a
fixed seed, each article with its own URL and a sentence of its own, so none is a duplicate)
and ingests them, one transaction per article:

- into SQLite and into a throwaway PostGIS (tests/pgcluster.py, when PostgreSQL is installed);
- with the store alone (an extractor that finds nothing), to isolate the database;
- with the default extraction stage (geo.ingest.default_extractor), sequentially and on a
  local Dask cluster of 2 processes (--workers 2).

Articles/s counts the whole run (reading files, dedup checks, extraction, writing), including
the extractor's start-up (the gazetteer load, per process), which is also printed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from geo.config import Settings  # noqa: E402
from geo.ingest import default_extractor, ingest  # noqa: E402
from geo.store import Store  # noqa: E402

TARGET_SQLITE_PER_S = 500.0


def sentences() -> list[str]:
    """Every sentence of the bundled briefs' bodies."""
    out = []
    for path in sorted((ROOT / "data" / "articles").glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if len(s.strip()) > 20]
    return out


def write_corpus(folder: Path, n: int) -> None:
    """n article files of 4-10 sentences each, about 1 KB, all different."""
    pool = sentences()
    rng = random.Random(2022)
    folder.mkdir(parents=True)
    for i in range(n):
        day = 1 + i % 28
        body = " ".join(rng.sample(pool, rng.randint(4, 10)))
        body += f" Desk note {i}: filed from bureau {rng.randint(1, 40)}."
        (folder / f"a{i:06d}.txt").write_text(
            f"title: Synthetic report {i}\ndate: 2022-01-{day:02d}\npublisher: Bench Wire\n"
            f"url: https://bench.example/{i}\n---\n{body}\n",
            encoding="utf-8",
        )


def nothing_found(settings: Settings):  # ExtractorFactory (module level: picklable)
    """An extractor that finds nothing: the figure for the store alone."""
    return lambda doc: {"candidates": [], "mentions": []}


def run(url: str, corpus: Path, settings: Settings, label: str, **kwargs) -> float:
    with Store(url) as store:
        store.migrate()
        start = time.perf_counter()
        summary = ingest(store, [corpus], settings, progress=False, **kwargs)
        seconds = time.perf_counter() - start
    rate = summary.new / seconds
    print(f"  {label:<44} {summary.new:>6} new in {seconds:6.1f} s = {rate:7.0f} articles/s "
          f"({summary.to_json()['failed']} failed)", flush=True)  # fmt: skip
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--no-postgis", action="store_true")
    ap.add_argument("--no-workers", action="store_true")
    args = ap.parse_args()
    settings = Settings.from_env()
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-ingest-")))
        corpus = tmp / "corpus"
        write_corpus(corpus, args.articles)
        size = sum(p.stat().st_size for p in corpus.iterdir()) / args.articles
        print(f"{args.articles} synthetic articles, {size:.0f} bytes each on average")
        start = time.perf_counter()
        default_extractor(settings)
        print(f"extractor start-up (gazetteer load): {time.perf_counter() - start:.2f} s")
        backends = [("SQLite", lambda name: f"sqlite:///{tmp / name}.sqlite")]
        if not args.no_postgis:
            import pgcluster

            why = pgcluster.missing()
            if why:
                print(f"PostGIS skipped: {why}")
            else:
                server = stack.enter_context(pgcluster.postgis_cluster())
                backends.append(("PostGIS", lambda name: pgcluster.create_database(server, name)))
        for backend, new_url in backends:
            print(f"== {backend}")
            alone = run(new_url("alone"), corpus, settings, "store alone (extractor finds nothing)",
                        extractor=nothing_found)  # fmt: skip
            seq = run(new_url("seq"), corpus, settings, "default extraction, sequential")
            if not args.no_workers:
                run(new_url("dask"), corpus, settings, "default extraction, --workers 2",
                    workers=2)  # fmt: skip
            if backend == "SQLite":
                ok = "met" if seq >= TARGET_SQLITE_PER_S else "NOT met"
                print(f"  target >= {TARGET_SQLITE_PER_S:.0f} articles/s into SQLite with "
                      f"extraction: {ok} ({seq:.0f}); store alone {alone:.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
