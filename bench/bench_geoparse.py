"""Benchmark the geoparser as a user meets it, beside geotext. Prints figures beside targets.

    .venv/bin/python bench/bench_geoparse.py [--quick] [--runs 5]

The corpus: about 2,000 distinct files written to a temporary folder (never two alike):

- ~1,000 Kazakhstan news stories generated from varied sentence templates, with places drawn
  from the gazetteer (a home region per story, other regions too), numbers, dates and persons;
- ~990 world-news texts: the TR-News articles of ../shared/eval/trnews when that folder exists
  (read at run time, never copied into the project) and the rest generated from world places;
- ~10 long texts of ~100 KB (distinct paragraphs of both kinds).

Figures:

1. Headline: ``python -m geo geoparse <every file>`` as a whole process from a fresh start
   (gazetteer cache warm, as after the first run), against a small geotext script reading the
   same files, alternated, median of --runs: seconds, ratio, peak memory of each (wait4 rusage:
   CPU time includes the worker processes the command starts; peak memory is the largest
   process's). The command parses in one worker process per core for inputs this large
   (its default); beside it the same command with --workers 1, one process.
2. One article per language, whole process: a Russian and a Kazakh article against an English
   one (the Cyrillic names' tables cached, as after a first run; pymorphy3 loaded).
3. In process, one pass with a fresh Geoparser over each kind of text (the headline kind of
   figure: nothing memoised beforehand), and the warm figure (the same parser a second time,
   memos filled) labelled as such; geotext on the same texts. Medians of 3, alternated.
4. Linearity: one text of distinct paragraphs growing from 12 KB to 400 KB: time per size and
   the ratio of time growth to size growth (1.0 is linear), with a parser that has read another
   text first (so that filling its memos of runs and names, a fixed cost, does not hide how
   the per-text work grows) and, beside it, with a fresh parser.

In-process figures are CPU time (time.process_time): wall-clock time on a shared machine is
noisy. Whole processes show both.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

TARGET_RATIO = 1.0  # our throughput / geotext's, whole process and in process
TARGET_PEAK_MB = 400.0
TARGET_GROWTH = 1.5  # time growth / size growth from 12 KB to 400 KB (1.0: linear)
GROWTH_KB = (12, 25, 50, 100, 200, 400)
TARGET_CYRILLIC = 3.0  # one Russian or Kazakh article, whole process / one English article
_ID, _NAME, _KIND, _LAT, _LON, _CC, _ADMIN1, _POP = range(8)

GEOTEXT_SCRIPT = """\
import json, sys
from geotext import GeoText
out = []
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as f:
        g = GeoText(f.read())
    out.append({"file": name, "cities": g.cities, "countries": g.countries,
                "nationalities": g.nationalities})
json.dump(out, sys.stdout, ensure_ascii=False)
"""

# --- text generation ----------------------------------------------------------------------

FIRST = "Marat Aidos Yerlan Dana Aigerim Saule Nurlan Timur Askar Gulnara Bolat Zhanna".split()
LAST = "Abenov Seitkali Omarova Zhaksybekov Kassymova Tulegenov Nurpeisova Akhmetov".split()
WORLD_FIRST = "John Maria Ahmed Olga Pierre Chen Fatima Carlos Anna David Leila Tomas".split()
WORLD_LAST = "Smith Garcia Haddad Petrova Dubois Wang Okafor Silva Novak Miller Rossi".split()
MONTHS = (
    "January February March April May June July August September October November December"
).split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ISSUES = (
    "rising fuel prices", "new taxes", "the election results", "corruption", "water shortages",
    "unpaid wages", "power cuts", "a pension reform", "housing costs", "police violence",
)  # fmt: skip

KZ_SENTENCES = (
    "Police in {c} detained {n} people on {date} after an unauthorised rally near the akimat.",
    "{n} residents of {c} in {r} were evacuated as floodwater rose overnight.",
    "The akimat of {r} said {n} homes in {c} and {c2} were left without heating.",
    "Workers at an oil field near {c} went on strike on {day}, demanding a {p}% pay rise.",
    "Flights between {c} and {c2} were delayed by {h} hours because of fog.",
    "According to the emergencies ministry, a fire at a warehouse in {c} injured {n} people.",
    "Traffic on the road from {c} to {c2} was closed for {h} hours after a snowstorm.",
    "{person} told reporters in {c} that the situation was under control.",
    "In {r}, {n} villages were cut off by snowdrifts, among them {c}.",
    "Prices of liquefied gas in {c} rose from {p} to {p2} tenge per litre in {month}.",
    "The protest began in {c} on {date} and spread to {c2} and {c3} within {h} days.",
    "A court in {c} sentenced {n} activists to {h} days of administrative arrest.",
    "Internet access was restricted in {r} from {h}:00 local time on {day}.",
    "Hundreds gathered on the central square of {c} on {date}, local media reported.",
    "The governor of {r} met representatives of the strikers in {c} on {day}.",
    "Schools in {c} moved to remote learning until {date}, the education department said.",
    "{n} tonnes of humanitarian aid were sent from {c} to {c2} by rail.",
    "An earthquake of magnitude {mag} was felt in {c}, about {km} km from the epicentre.",
    "Local media in {c} reported long queues at petrol stations on {day} morning.",
    "The railway station of {c} reopened on {date} after {h} days of repairs.",
    "The interior ministry said {n} officers were injured in clashes in {c}.",
    "Demonstrators in {c} chanted slogans outside the regional administration.",
    "Water supply to {n} districts of {c} was restored by {h}:30, officials in {r} said.",
    "Farmers from {c} and {c2} said the drought had destroyed {p}% of the harvest.",
    "{person}, a resident of {c}, said the shops had been closed since {day}.",
    "A convoy of {n} lorries left {c} for {c2} on {date}.",
    "The prosecutor's office of {r} opened {n} criminal cases over the unrest.",
    "Mobile networks in {c} were working again by {day} evening, {person} said.",
)
WORLD_SENTENCES = (
    "Thousands marched in {c}, {k}, on {date} to protest against {issue}.",
    "Officials in {c} said {n} people died when heavy rain hit {r}.",
    "{k}'s foreign minister arrived in {c} on {day} for talks with envoys from {k2}.",
    "All flights from {c} to {c2} were cancelled on {date} because of a strike.",
    "Aid agencies in {k} warned that {n},000 people need food assistance.",
    "Police in {c} arrested {n} people after clashes near the parliament.",
    "An earthquake of magnitude {mag} struck {km} km north of {c} at {h}:15 local time.",
    "The summit in {c} brought together leaders of {k}, {k2} and {k3}.",
    "Fighting near {c} forced {n} families to flee towards {c2}, the UN said.",
    "Prices of bread in {c} have risen by {p}% since {month}.",
    "{person}, a spokesman for the city of {c}, declined to comment.",
    "Exports from {k} to {k2} fell by {p}% in {month}, customs data showed.",
    "Storms left {n},000 homes in {r} without power on {day}.",
    "Talks between {k} and {k2} resumed in {c} on {date}.",
    "Hospitals in {c} and {c2} said they were treating {n} wounded.",
    "A bridge linking {c} with {c2} collapsed on {day}; {n} people were hurt.",
    "The central bank of {k} raised its key rate to {p}% on {date}.",
    "Wildfires in {r} have burnt {n},000 hectares since {month}, officials in {c} said.",
    "Demonstrators in {c} demanded the release of {person}.",
    "Refugees arriving in {c} from {k2} told of shortages of water and medicine.",
    "Trains between {c} and {c2} will run again from {date}, the operator said.",
    "Unions in {k} called a general strike over {issue} for {day}.",
)  # fmt: skip


class Places:
    """Places drawn from the gazetteer for generated text: Kazakhstan's cities per region, and
    abroad the countries with their cities and first-level units."""

    def __init__(self, rows: Sequence[tuple], aoi: str) -> None:
        self.kz_units: dict[str, str] = {}
        self.kz_cities: dict[str, list[str]] = {}
        self.countries: dict[str, str] = {}
        self.world_cities: dict[str, list[str]] = {}
        self.world_units: dict[str, list[str]] = {}
        for row in rows:
            kind, cc, name = row[_KIND], row[_CC], row[_NAME]
            if not name.isascii() or not cc:
                continue
            if cc == aoi:
                if kind == "admin1" and row[_ADMIN1]:
                    self.kz_units[row[_ADMIN1]] = name
                elif kind == "city" and row[_ADMIN1]:
                    self.kz_cities.setdefault(row[_ADMIN1], []).append(name)
            elif kind == "country":
                self.countries[cc] = name
            elif kind == "city" and row[_POP] >= 50_000:
                self.world_cities.setdefault(cc, []).append(name)
            elif kind == "admin1":
                self.world_units.setdefault(cc, []).append(name)
        self.kz_regions = sorted(r for r in self.kz_units if self.kz_cities.get(r))
        self.world_ccs = sorted(
            cc for cc in self.countries if self.world_cities.get(cc) and self.world_units.get(cc)
        )


def _numbers(rng: random.Random) -> dict[str, object]:
    return {
        "n": rng.randint(2, 950),
        "h": rng.randint(2, 23),
        "p": rng.randint(3, 95),
        "p2": rng.randint(96, 240),
        "km": rng.randint(5, 400),
        "mag": f"{rng.uniform(3.0, 7.5):.1f}",
        "date": f"{rng.randint(1, 28)} {rng.choice(MONTHS)}",
        "day": rng.choice(DAYS),
        "month": rng.choice(MONTHS),
        "issue": rng.choice(ISSUES),
    }


def kz_paragraph(rng: random.Random, places: Places, region: str, sentences: int) -> str:
    """Sentences about one home region of Kazakhstan (a quarter of the places elsewhere)."""
    out = []
    for _ in range(sentences):

        def city() -> str:
            r = region if rng.random() < 0.75 else rng.choice(places.kz_regions)
            return rng.choice(places.kz_cities[r])

        values = _numbers(rng)
        values.update(
            c=city(), c2=city(), c3=city(), r=places.kz_units[region],
            person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        )  # fmt: skip
        out.append(rng.choice(KZ_SENTENCES).format(**values))
    return " ".join(out)


def world_paragraph(rng: random.Random, places: Places, cc: str, sentences: int) -> str:
    """Sentences about one home country abroad (other countries named beside it)."""
    out = []
    for _ in range(sentences):
        values = _numbers(rng)
        home = cc if rng.random() < 0.8 else rng.choice(places.world_ccs)
        values.update(
            c=rng.choice(places.world_cities[home]), c2=rng.choice(places.world_cities[home]),
            r=rng.choice(places.world_units[home]), k=places.countries[home],
            k2=places.countries[rng.choice(places.world_ccs)],
            k3=places.countries[rng.choice(places.world_ccs)],
            person=f"{rng.choice(WORLD_FIRST)} {rng.choice(WORLD_LAST)}",
        )  # fmt: skip
        out.append(rng.choice(WORLD_SENTENCES).format(**values))
    return " ".join(out)


def story(rng: random.Random, places: Places, *, world: bool) -> str:
    """A news story of 2-4 paragraphs (~1.3 KB) about one home region or country."""
    home = rng.choice(places.world_ccs if world else places.kz_regions)
    make = world_paragraph if world else kz_paragraph
    paragraphs = [make(rng, places, home, rng.randint(2, 5)) for _ in range(rng.randint(2, 4))]
    return "\n\n".join(paragraphs) + "\n"


def long_text(rng: random.Random, places: Places, size: int) -> str:
    """Distinct paragraphs of both kinds until size bytes."""
    parts: list[str] = []
    total = 0
    while total < size:
        world = rng.random() < 0.5
        home = rng.choice(places.world_ccs if world else places.kz_regions)
        para = (world_paragraph if world else kz_paragraph)(rng, places, home, rng.randint(3, 6))
        parts.append(para)
        total += len(para) + 2
    return "\n\n".join(parts) + "\n"


def trnews_texts() -> list[str]:
    """The TR-News article texts when ../shared/eval/trnews is beside the project, else []."""
    for base in (ROOT.parent, ROOT.parent.parent):
        path = base / "shared" / "eval" / "trnews" / "TR-News.xml"
        if path.exists():
            return [a.findtext("text") or "" for a in ET.parse(path).getroot().iter("article")]
    return []


def write_corpus(folder: Path, places: Places, *, scale: float) -> dict[str, list[Path]]:
    """The corpus files by kind (kz, world, long), every text distinct."""
    rng = random.Random(17)
    n_kz, n_world, n_long = round(1000 * scale), round(990 * scale), max(2, round(10 * scale))
    texts: dict[str, list[str]] = {
        "kz": [story(rng, places, world=False) for _ in range(n_kz)],
        "world": [t for t in trnews_texts() if t.strip()][:n_world],
        "long": [long_text(rng, places, 100_000) for _ in range(n_long)],
    }
    texts["world"] += [story(rng, places, world=True) for _ in range(n_world - len(texts["world"]))]
    every = [t for kind in texts.values() for t in kind]
    assert len(set(every)) == len(every), "the corpus repeats a text"
    files: dict[str, list[Path]] = {}
    for kind, kind_texts in texts.items():
        files[kind] = []
        for k, text in enumerate(kind_texts):
            path = folder / f"{kind}-{k:04d}.txt"
            path.write_text(text, encoding="utf-8")
            files[kind].append(path)
    return files


# --- measuring ----------------------------------------------------------------------------


# Set in some shells and CI runners, not by default: without them Python caches bytecode and
# buffers stdout, as it does for a user (compiling geo/ on every start cost ~0.04 s here).
NOT_A_USERS_ENV = ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED")


def run_process(argv: list[str], out: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak resident MB of one whole process
    (its own rusage, from wait4), in a user's environment (NOT_A_USERS_ENV left out)."""
    env = {k: v for k, v in os.environ.items() if k not in NOT_A_USERS_ENV}
    with out.open("wb") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=sink, stderr=subprocess.PIPE, cwd=ROOT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode:
        msg = f"{argv[:4]} exited {proc.returncode}: {err[-2000:]}"
        raise RuntimeError(msg)
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def alternated(fns: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """Median of runs of each fn (returning seconds), run a, b, a, b, ... so that a slow spell
    of a shared machine falls on both."""
    got: dict[str, list[float]] = {label: [] for label in fns}
    for _ in range(runs):
        for label, fn in fns.items():
            got[label].append(fn())
    return {label: statistics.median(v) for label, v in got.items()}


def ok(good: bool) -> str:
    return "ok" if good else "MISSED"


def corpus_files(folder: Path) -> dict[str, list[Path]]:
    """The corpus files by kind, as write_corpus named them."""
    return {kind: sorted(folder.glob(f"{kind}-*.txt")) for kind in ("kz", "world", "long")}


def load_places() -> tuple[object, object, Places]:
    """Settings, the gazetteer (its cache built on a first run: not timed) and its places."""
    from geo.config import Settings
    from geo.gazetteer import Gazetteer

    settings = Settings.from_env()
    gazetteer = Gazetteer.load(settings)
    return settings, gazetteer, Places(gazetteer.rows, settings.area_of_interest)


def one_article_per_language(runs: int, tmp: Path) -> None:
    """`geoparse` of one article, whole process: a Russian and a Kazakh one against an English
    one of the project's gold sets. A Cyrillic text reads the Cyrillic names' tables (built on
    the first run and cached beside the gazetteer's index: warm here, as after that run) and
    loads pymorphy3's dictionaries."""
    articles = {
        "English": "tests/articles_gold_en2/e01-live-blog-wednesday-5-january.txt",
        "Russian": "tests/articles_gold_ru/ru01-mangistau-gas-protest-second-day.txt",
        "Kazakh": "tests/articles_gold_kk/kk01-emergency-almaty-mangystau.txt",
    }
    if not all((ROOT / a).exists() for a in articles.values()):
        print("== one article per language: skipped (the gold articles are not here)")
        return
    peaks: dict[str, float] = {}

    def whole(label: str, article: str) -> Callable[[], float]:
        def run() -> float:
            argv = [sys.executable, "-m", "geo", "geoparse", article]
            seconds, _, peak = run_process(argv, tmp / f"{label}.json")
            peaks[label] = max(peaks.get(label, 0.0), peak)
            return seconds

        return run

    run_process([sys.executable, "-m", "geo", "geoparse", articles["Russian"]], tmp / "x.json")
    times = alternated({label: whole(label, a) for label, a in articles.items()}, runs)
    print(f"== one article per language, whole process (median of {runs}, alternated)")
    english = times["English"]
    for label, article in articles.items():
        size = (ROOT / article).stat().st_size / 1000
        line = f"{label:<8} ({size:4.1f} KB)  {times[label]:6.2f} s   peak {peaks[label]:5.0f} MB"
        if label != "English":
            ratio = times[label] / english
            line += f"   {ratio:4.1f} x English   target <= {TARGET_CYRILLIC:.0f} x  "
            line += ok(ratio <= TARGET_CYRILLIC)
        print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a quarter of the corpus, 3 runs")
    ap.add_argument("--runs", type=int, default=5, help="whole-process runs of each (median)")
    ap.add_argument("--keep", metavar="DIR", help="write the corpus to DIR and keep it")
    ap.add_argument("--write-corpus", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args()
    runs = 3 if args.quick else args.runs
    scale = 0.25 if args.quick else 1.0
    if args.write_corpus:
        write_corpus(Path(args.write_corpus), load_places()[2], scale=scale)
        return

    with tempfile.TemporaryDirectory(prefix="bench-geoparse-") as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        # written by a child: this process stays small until the whole-process runs are done,
        # as a child's peak memory (ru_maxrss) starts from its parent's at the fork
        subprocess.run(
            [sys.executable, __file__, "--write-corpus", str(folder)]
            + (["--quick"] if args.quick else []),
            check=True, cwd=ROOT,
        )  # fmt: skip
        files = corpus_files(folder)
        every = [p for kind in files.values() for p in kind]
        texts = {kind: [p.read_text(encoding="utf-8") for p in ps] for kind, ps in files.items()}
        mb = {kind: sum(len(t.encode()) for t in ts) / 1e6 for kind, ts in texts.items()}
        script = Path(tmp) / "geotext_files.py"
        script.write_text(GEOTEXT_SCRIPT, encoding="utf-8")
        names = [str(p) for p in every]
        peaks: dict[str, list[float]] = {"ours": [], "one": [], "geotext": []}
        cpu: dict[str, list[float]] = {"ours": [], "one": [], "geotext": []}

        def whole(label: str, argv: list[str]) -> Callable[[], float]:
            def run() -> float:
                seconds, cpu_s, peak = run_process(argv + names, Path(tmp) / f"{label}.json")
                peaks[label].append(peak)
                cpu[label].append(cpu_s)
                return seconds

            return run

        times = alternated(
            {
                "ours": whole("ours", [sys.executable, "-m", "geo", "geoparse"]),
                "one": whole("one", [sys.executable, "-m", "geo", "geoparse", "--workers", "1"]),
                "geotext": whole("geotext", [sys.executable, str(script)]),
            },
            runs,
        )
        print("== corpus")
        trn = len(trnews_texts())
        print(
            f"{len(every):,} distinct files, {sum(mb.values()):.2f} MB: {len(files['kz']):,} "
            f"Kazakhstan stories ({mb['kz']:.2f} MB), {len(files['world']):,} world texts "
            f"({mb['world']:.2f} MB; {min(trn, len(files['world']))} from TR-News), "
            f"{len(files['long'])} long texts ({mb['long']:.2f} MB)"
        )
        print(f"== whole process, fresh start, gazetteer cache warm (median of {runs}, alternated)")
        ours_peak, gt_peak = max(peaks["ours"]), max(peaks["geotext"])
        ratio = times["geotext"] / times["ours"]
        ours_cpu, gt_cpu = statistics.median(cpu["ours"]), statistics.median(cpu["geotext"])
        cpu_ratio = gt_cpu / ours_cpu
        workers = min(len(os.sched_getaffinity(0)), len(every))
        print(
            f"python -m geo geoparse FILES  {times['ours']:7.2f} s   (CPU {ours_cpu:6.2f} s)   "
            f"peak {ours_peak:6.0f} MB  ({workers} worker processes: the default here)"
        )
        one_cpu = statistics.median(cpu["one"])
        print(
            f"  the same, --workers 1       {times['one']:7.2f} s   (CPU {one_cpu:6.2f} s)   "
            f"peak {max(peaks['one']):6.0f} MB  (one process; "
            f"{times['geotext'] / times['one']:.3f} x geotext, CPU {gt_cpu / one_cpu:.3f} x)"
        )
        print(
            f"geotext script, same files    {times['geotext']:7.2f} s   (CPU {gt_cpu:6.2f} s)   "
            f"peak {gt_peak:6.0f} MB"
        )
        print(
            f"  throughput vs geotext       {ratio:7.3f} x   target >= {TARGET_RATIO} x  "
            f"{ok(ratio >= TARGET_RATIO)}"
        )
        print(
            f"  the same in CPU time        {cpu_ratio:7.3f} x   target >= {TARGET_RATIO} x  "
            f"{ok(cpu_ratio >= TARGET_RATIO)}  (less noisy on a shared machine)"
        )
        print(
            f"  peak memory (geoparse)      {ours_peak:7.0f} MB  target <= {TARGET_PEAK_MB:.0f} "
            f"MB  {ok(ours_peak <= TARGET_PEAK_MB)}",
            flush=True,
        )
        one_article_per_language(runs, Path(tmp))

    from geotext import GeoText

    from geo.geoparse import Geoparser

    settings, gazetteer, places = load_places()

    def one_pass(items: list[str], parser: Geoparser | None = None) -> Callable[[], float]:
        def run() -> float:
            p = parser or Geoparser(gazetteer, settings)  # built outside the timing
            start = time.process_time()
            for text in items:
                p.parse(text)
            return time.process_time() - start

        return run

    def geotext_pass(items: list[str]) -> Callable[[], float]:
        def run() -> float:
            start = time.process_time()
            for text in items:
                GeoText(text)
            return time.process_time() - start

        return run

    print("== in process, one pass, CPU time (median of 3, alternated with geotext)")
    print("                 fresh parser    geotext   ratio        warm (memos filled)  ratio")
    for kind, label in (("kz", "Kazakhstan"), ("world", "world"), ("long", "long texts")):
        warm = Geoparser(gazetteer, settings)
        one_pass(texts[kind], warm)()  # fills its memos
        t = alternated(
            {
                "fresh": one_pass(texts[kind]),
                "geotext": geotext_pass(texts[kind]),
                "warm": one_pass(texts[kind], warm),
            },
            3,
        )
        r, rw = t["geotext"] / t["fresh"], t["geotext"] / t["warm"]
        print(
            f"{label:<14} {t['fresh']:8.3f} s  {t['geotext']:8.3f} s  {r:6.2f} x {ok(r >= 1)}"
            f"   {t['warm']:8.3f} s (warm)  {rw:6.2f} x"
        )

    print("== linearity: one text of distinct paragraphs growing, CPU time (median of 3 per size)")
    print("  fresh: a fresh parser; steady: a fresh parser that has read another 100 KB text")
    print("  first (its memos of runs and names filled: what a long-running process meets)")
    text = long_text(random.Random(400), places, GROWTH_KB[-1] * 1000 + 5000)
    other = long_text(random.Random(401), places, 100_000)
    sizes = [s for s in GROWTH_KB if not args.quick or s <= 200]

    def steady(part: str) -> Callable[[], float]:
        def run() -> float:
            parser = Geoparser(gazetteer, settings)
            parser.parse(other)
            return one_pass([part], parser)()

        return run

    got: list[tuple[int, float, float, float]] = []
    for kb in sizes:
        part = text[: text.rfind("\n\n", 0, kb * 1000)]
        t = alternated(
            {"fresh": one_pass([part]), "steady": steady(part), "geotext": geotext_pass([part])},
            3,
        )
        got.append((len(part.encode()), t["fresh"], t["steady"], t["geotext"]))
        print(
            f"{len(part) / 1000:6.0f} KB   fresh {t['fresh'] * 1000:8.1f} ms   steady "
            f"{t['steady'] * 1000:8.1f} ms   geotext {t['geotext'] * 1000:8.1f} ms"
        )
    size_growth = got[-1][0] / got[0][0]
    fresh, growth, gt_growth = ((got[-1][k] / got[0][k]) / size_growth for k in (1, 2, 3))
    print(
        f"time growth / size growth     {growth:7.2f}     target <= {TARGET_GROWTH} (linear; "
        f"fresh parser {fresh:.2f}, geotext {gt_growth:.2f})  {ok(growth <= TARGET_GROWTH)}"
    )


if __name__ == "__main__":
    main()
