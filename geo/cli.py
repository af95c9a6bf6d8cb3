"""Command line: ``python -m geo {geoparse,places,export,...}``.

The output shapes of ``geoparse --format json`` and ``export`` are a contract other tools rely
on. Bad arguments or input exit with status 2 and a one-line message on stderr.

This module is the top of ``geo``: it imports the stages and wires their commands into
``COMMANDS`` (every option of every command is defined here). Stage modules never import it;
the heavy ones (snapshot, acled) are imported when their command runs.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from geo.config import Settings
from geo.errors import GeoError, InputError
from geo.schema import EVENT_LAYERS, LAYERS, MAP_LAYERS, Mention

if TYPE_CHECKING:
    import datetime as dt

    from geo.extract import Document

EXPORT_LAYERS = (*LAYERS, "all")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line and exits 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load_gazetteer(settings: Settings):  # -> Gazetteer (imported lazily: it is heavy)
    """The gazetteer, telling stderr when the first build happens."""
    from geo.gazetteer import Gazetteer

    return Gazetteer.load(settings, progress=_progress)


def load_data(
    settings: Settings, gazetteer=None, *, store=None, prefetched=None, write_behind=False
):  # -> Dataset
    """Our data set from the store (filled from settings.data_dir on first use), placed with
    the gazetteer (loaded when not given), and beside it the ACLED exports
    settings.acled_files names, with origin "acled". ``store``: an open Store to read from;
    ``prefetched``: the store's rows _prefetch began to fetch; ``write_behind``: a placed
    data set made now is written to the cache while the command goes on (a command that
    asks for it calls _finish_writes before it returns)."""
    from geo._placed import read_placed
    from geo.articles import file_label
    from geo.csvrows import check_size

    gazetteer = load_gazetteer(settings) if gazetteer is None else gazetteer
    ds = None
    if store is None:
        ds = read_placed(settings, gazetteer, prefetched=prefetched, write_behind=write_behind)
    if ds is None:  # the store must be opened (filled, migrated) or the cache made
        from geo.store import load_store_dataset

        ds = load_store_dataset(settings, gazetteer, store=store)
    for path in settings.acled_paths():
        from geo.acled import read_acled, with_imported

        label = file_label(path)
        check_size(path, settings.max_data_bytes, label=label, setting="max_data_mb")
        got = read_acled(path, gazetteer)  # rows it cannot read are listed in ds.unplaced
        ds = with_imported(ds, got.frame, file=label, skipped=got.skipped)
    return ds


def _prefetch(settings: Settings):  # -> geo._storeread.Prefetch | None
    """Begin fetching the default store's rows in a thread (the stepping runs without the
    GIL), so a first run reads them while the command imports pandas and the rest; the
    caller closes what it gets (closing stops a fetch that is not needed: a cached run)."""
    from geo._storesql import prefetch

    return prefetch(settings)


def load_data_and_gazetteer(
    settings: Settings, *, prefetched=None, write_behind=False
):  # -> (Dataset, Gazetteer)
    """load_data with the gazetteer it used (snapshots label cities from it)."""
    gazetteer = load_gazetteer(settings)
    ds = load_data(settings, gazetteer, prefetched=prefetched, write_behind=write_behind)
    return ds, gazetteer


def _finish_writes() -> None:
    """Wait for the placed data set being written behind (load_data's write_behind), if any:
    a command's cache is complete when it returns."""
    placed = sys.modules.get("geo._placed")
    if placed is not None:
        placed.finish_writes()


# --- geoparse --------------------------------------------------------------------------------


def _read_input(name: str) -> tuple[str, str]:
    """(label, text to geoparse) for a FILE argument; article files give their body."""
    from geo.articles import looks_like_article, parse_article, read_input_text

    label, raw = read_input_text(name)
    if looks_like_article(raw):
        return label, parse_article(raw, path=Path(label), label=label).body
    return label, raw


def _collector_off() -> None:
    """For a command that builds one large result and exits (export, snapshot): what exists
    now is never collected, and the collector does not run while the data set is read. Its
    full passes over the growing heap of a 100k data set took a fifth of the first run's CPU;
    those commands leave little cyclic garbage (~2-12 thousand objects at 100k, measured), so
    memory does not grow by it. Not for the dashboard's long-lived server."""
    gc.freeze()
    gc.disable()


def _geoparser_class() -> type:
    """geo.geoparse.Geoparser, or its compiled twin: geo/geoparse.py compiled as it is by
    Cython (`make setup` builds geo/_geoparse_compiled; the command spends ~8 % fewer
    instructions in it, the same output: tested), used only while it carries the hash of the
    current geoparse.py, so an edit of the source is never shadowed by an old build."""
    import hashlib
    from importlib.util import find_spec

    try:
        from geo import _geoparse_compiled as compiled
    except ImportError:  # not built
        compiled = None
    spec = find_spec("geo.geoparse")
    if compiled is not None and spec is not None and spec.origin:
        source = Path(spec.origin).read_bytes()
        if hashlib.sha256(source).hexdigest() == compiled.SOURCE_SHA256:
            return compiled.Geoparser
    from geo.geoparse import Geoparser

    return Geoparser


def cmd_geoparse(args: argparse.Namespace, settings: Settings) -> int:
    parser_class = _geoparser_class()
    workers = _geoparse_workers(args) if args.format == "json" else 1
    # (read in the workers when there are several: an unreadable file still stops the
    # command before anything is written)
    inputs = [_read_input(name) for name in args.files] if workers == 1 else []
    # (its output shows neither a mention's evidence nor its candidates: not worked out)
    parser = parser_class(load_gazetteer(settings), settings, evidence=False)
    # One short batch: what exists before parsing (modules, the opened index) lives as long as
    # it, so the collector need not walk it again; and parsing makes no reference cycles
    # (tested), so the collector has nothing to free while the results grow: its passes over
    # them took 0.05-0.1 s of a run on 2,000 files. Not in load_gazetteer: the dashboard's
    # long-lived server uses it too.
    gc.freeze()
    gc.disable()
    if workers > 1:
        _geoparse_in_parallel(parser, args.files, workers)
        return 0
    if args.format == "json":
        # each file's mentions written as soon as they are found, then let go: the peak
        # memory (and the page faults of filling it) stays that of one file's mentions
        _write_geoparse_json((label, parser.parse(text)) for label, text in inputs)
        return 0
    found = [(label, parser.parse(text)) for label, text in inputs]
    results = [
        {"file": label, "mentions": [m.to_json() for m in mentions]} for label, mentions in found
    ]
    for result in results:
        print(f"== {result['file']}: {len(result['mentions'])} mentions")
        rows = [
            (
                f"{m['start']}-{m['end']}",
                m["text"],
                m["status"],
                m["kind"] or "",
                m["name"] or "",
                "" if m["lat"] is None else f"{m['lat']:.4f},{m['lon']:.4f}",
                m["admin1"] or m["country_code"] or "",
                f"{m['confidence']:.2f}",
            )
            for m in result["mentions"]
        ]
        _print_table(("span", "text", "status", "kind", "place", "lat,lon", "area", "conf"), rows)
    return 0


# Items of a mention object, one level deeper than json.dumps(..., indent=1) puts them.
_ITEMS = json.JSONEncoder(ensure_ascii=False, separators=(",\n    ", ": "))
_PLACE_KEYS = ("name", "kind", "lat", "lon", "country_code", "admin1")


# Inputs of at least this many bytes are parsed by one worker process per core (when the
# output goes to a UTF-8 byte stream): below it, starting the workers costs more than it saves
_PARALLEL_FROM_BYTES = 256_000
_CHUNKS_PER_WORKER = 16  # parts of about equal size per worker, claimed one at a time: one
# slow part cannot hold up the others for long
# what the forked workers inherit (set just before they start): the parser, the parts, the
# output folder, the encoding's error handler, and the bounds of each worker's stretch of parts
# (shared memory) with their lock
_WORKER_STATE: tuple | None = None


def _geoparse_workers(args: argparse.Namespace) -> int:
    """How many processes geoparse parses in: --workers, else one per core available for
    inputs of _PARALLEL_FROM_BYTES and more (one process where fork is missing, standard
    input is read, the compiled writer is not built or the output is not a UTF-8 byte
    stream: the parts are joined as bytes)."""
    if "-" in args.files or not hasattr(os, "fork") or _utf8_stdout() is None:
        return 1
    if args.workers:
        return args.workers
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # (not on every system)
        cores = os.cpu_count() or 1
    if cores < 2:
        return 1
    size = sum(map(_size, args.files))
    return min(cores, len(args.files)) if size >= _PARALLEL_FROM_BYTES else 1


def _size(name: str) -> int:
    """A file's size in bytes, 0 when it cannot be read (reading it reports why, in one
    line)."""
    try:
        return os.stat(name).st_size
    except OSError:
        return 0


def _utf8_stdout():  # -> the byte stream under standard output, or None
    """Standard output's byte stream when the compiled writer (geo/_mentionjson.pyx) can
    write into it: it is UTF-8 and ends lines with "\\n"."""
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    try:
        import geo._mentionjson  # noqa: F401
    except ImportError:  # not built: the pure-Python writer
        return None
    if buffer is None or encoding != "utf8" or os.linesep != "\n":
        return None
    return buffer


def _chunks(files: Sequence[str], parts: int) -> list[list[str]]:
    """The files in order, cut into at most `parts` runs of about equal bytes."""
    sizes = [_size(name) + 1 for name in files]
    share = sum(sizes) / parts
    chunks: list[list[str]] = [[]]
    done = 0.0
    for name, size in zip(files, sizes, strict=True):
        if chunks[-1] and done >= share * len(chunks):
            chunks.append([])
        chunks[-1].append(name)
        done += size
    return chunks


def _geoparse_chunk(job: tuple[list[str], str, bool, str]) -> None:
    """In a worker: geoparse_json of these files written to path, as the part of the whole
    output it is (not the first: it continues the list; never the closing bracket)."""
    from geo._mentionjson import mention_json_parts

    files, path, first, errors = job
    parser = _WORKER_STATE[0]  # type: ignore[index]
    found = ((label, parser.parse(text)) for label, text in map(_read_input, files))
    with open(path, "wb") as out:
        held = None
        for part in mention_json_parts(found, _place_fields, errors):
            if held is not None:
                out.write(held)
            elif not first:
                part = b",\n " + part[3:]  # (the list is open: "[\n " becomes ",\n ")
            held = part
        # (held, the last part, closes the list)


def _geoparse_worker(k: int) -> None:
    """In worker k: parse parts until none is left. First its own stretch of the parts (the
    k-th of as many as there are workers), front to back: neighbouring files tend to name the
    same places (one story, one region, one day), so the memos a worker fills serve its next
    parts, where parts dealt out in turn made every worker fill them all (the parsing's CPU
    time was 1.5x that of one process). Then, from the back, the stretch with the most parts
    left. An error empties every stretch, so that the others stop after their current part."""
    _, parts, tmp, errors, bounds, lock = _WORKER_STATE  # type: ignore[misc]
    while True:
        with lock:
            if bounds[2 * k] >= bounds[2 * k + 1]:  # its own stretch is done: help the longest
                j = max(range(len(bounds) // 2), key=lambda j: bounds[2 * j + 1] - bounds[2 * j])
                if bounds[2 * j] >= bounds[2 * j + 1]:
                    return
                bounds[2 * j + 1] -= 1
                i = bounds[2 * j + 1]
            else:
                i = bounds[2 * k]
                bounds[2 * k] += 1
        try:
            _geoparse_chunk((parts[i], os.path.join(tmp, f"{i}.json"), i == 0, errors))
        except BaseException:
            with lock:
                bounds[:] = [0] * len(bounds)
            raise


def _geoparse_in_parallel(parser, files: Sequence[str], workers: int) -> None:
    """geoparse's JSON for the files on standard output, parsed by `workers` processes
    (concurrent.futures' process pool, forked: they share the parser's opened index), each
    writing its runs of files to a temporary file (see _geoparse_worker for which runs);
    written in order once every file is parsed, so an input error stops the command before
    anything is written, as in one process."""
    import multiprocessing
    import shutil
    import tempfile
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _WORKER_STATE
    buffer = _utf8_stdout()
    errors = sys.stdout.errors or "strict"
    parts = _chunks(files, workers * _CHUNKS_PER_WORKER)
    workers = min(workers, len(parts))
    fork = multiprocessing.get_context("fork")
    bounds = fork.Array("i", 2 * workers, lock=False)  # (guarded by the lock below)
    for k in range(workers):  # worker k's stretch: parts [start, end)
        bounds[2 * k] = k * len(parts) // workers
        bounds[2 * k + 1] = (k + 1) * len(parts) // workers
    with tempfile.TemporaryDirectory(prefix="geoparse-") as tmp:
        _WORKER_STATE = (parser, parts, tmp, errors, bounds, fork.Lock())
        try:
            with ProcessPoolExecutor(workers, mp_context=fork) as pool:
                done = [pool.submit(_geoparse_worker, k) for k in range(workers)]
                try:
                    for future in done:
                        future.result()  # (a worker's own error, raised here)
                except BaseException as exc:
                    pool.shutdown(cancel_futures=True)
                    if isinstance(exc, BrokenProcessPool):
                        msg = "a worker process ended abruptly (out of memory?); try --workers 1"
                        raise GeoError(msg) from None
                    raise
        finally:
            _WORKER_STATE = None
        sys.stdout.flush()
        for i in range(len(parts)):
            with open(os.path.join(tmp, f"{i}.json"), "rb") as part:
                shutil.copyfileobj(part, buffer)
        buffer.write(b"\n]\n")
        buffer.flush()


def _write_geoparse_json(found: Iterable[tuple[str, Sequence[Mention]]]) -> None:
    """geoparse_json(found) and a newline on standard output: by the compiled writer
    (geo/_mentionjson.pyx, built by make setup) straight into the byte stream when standard
    output is UTF-8, else (or when it is not built) by geoparse_json_parts. The same bytes."""
    out = sys.stdout
    # (a text stream writes "\n" as os.linesep: the byte stream would not)
    buffer = _utf8_stdout()
    if buffer is None:
        for part in geoparse_json_parts(found):
            out.write(part)
        out.write("\n")
        return
    from geo._mentionjson import mention_json_parts

    out.flush()
    for chunk in mention_json_parts(found, _place_fields, out.errors or "strict"):
        buffer.write(chunk)
    buffer.write(b"\n")
    buffer.flush()


def _place_fields(mention: Mention) -> str:
    """The JSON fields of a mention's place (name to admin1), as geoparse_json writes them."""
    whole = mention.to_json()
    return _ITEMS.encode({k: whole[k] for k in _PLACE_KEYS})[1:-1]


def geoparse_json(found: Sequence[tuple[str, Sequence[Mention]]]) -> str:
    """What geoparse --format json prints for (file label, mentions) pairs: exactly
    json.dumps([{"file": label, "mentions": [m.to_json() ...]} ...], ensure_ascii=False,
    indent=1) (tested); see geoparse_json_parts."""
    return "".join(geoparse_json_parts(found))


def geoparse_json_parts(found: Iterable[tuple[str, Sequence[Mention]]]) -> Iterator[str]:
    """geoparse_json in parts, one per file (the command writes each as it comes: the output
    of 2,000 files is 14 MB, and joining it whole cost more than encoding it).

    The indented encoder is pure Python and took most of the command's time, so it is written
    by hand: a mention's text, its place's fields and its confidence and status are each
    encoded once per distinct value (the place's by the C encoder); each mention joins them
    with its offsets. found: any iterable, read once."""
    string = json.encoder.encode_basestring  # (the C function, as the encoder uses)
    # id() of a Place -> the Place (held: its id() stays its own) and its encoded fields
    places: dict[int, tuple[object, str]] = {}
    # confidence -> its status and their encoded lines (a confidence has one status but for
    # a caller's own mentions: then the lines are encoded again)
    scores: dict[float, tuple[str, str]] = {}
    texts: dict[str, str] = {}  # a mention's text -> its encoded line
    before = "[\n "
    for label, mentions in found:
        objects = []
        add = objects.append
        for m in mentions:
            text, start, end, status, place, confidence, _, _ = m
            head = texts.get(text)
            if head is None:
                head = texts[text] = f'{{\n    "text": {string(text)},\n    "start": '
            # (not the place id: 34 admin-1 ids name two rows each)
            known = places.get(id(place))
            if known is None:
                known = places[id(place)] = (place, f",\n    {_place_fields(m)},\n    ")
            fields = known[1]
            score = scores.get(confidence)
            if score is None or score[0] != status:
                score = scores[confidence] = (
                    status,
                    f'"confidence": {float(round(confidence, 3))!r},\n'
                    f'    "status": {string(status)}\n   }}',
                )
            # (str() of an int, or of a numpy integer, is its JSON)
            add(f'{head}{start},\n    "end": {end}{fields}{score[1]}')
        listed = "[\n   " + ",\n   ".join(objects) + "\n  ]" if objects else "[]"
        yield f'{before}{{\n  "file": {string(label)},\n  "mentions": {listed}\n }}'
        before = ",\n "
    yield "[]" if before == "[\n " else "\n]"


def _print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    for line in (header, *rows):
        print("  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=True)).rstrip())


# --- extract ---------------------------------------------------------------------------------


def _extract_documents(
    files: Sequence[str], published: dt.date | None, case_years: tuple[int, ...]
) -> list[Document]:
    """The articles of the files, read as ``ingest`` reads them: text, a saved web page (its
    main text and metadata) or a feed (one article per entry; an entry that cannot be read is
    reported on stderr and the others kept). Standard input ("-") is text."""
    from geo.extract import read_document
    from geo.ingest import Failure, read_documents

    docs: list[Document] = []
    for name in files:
        if name == "-":
            docs.append(read_document(name, published=published, case_years=case_years))
            continue
        found = read_documents(Path(name), published=published, case_years=case_years)
        kept = [d for d in found if not isinstance(d, Failure)]
        for failure in (d for d in found if isinstance(d, Failure)):
            if not kept:  # (nothing of the file could be read: the one-line error)
                raise InputError(f"{failure.label}: {failure.reason}")
            print(f"warning: {failure.label}: {failure.reason}", file=sys.stderr)
        docs += kept
    return docs


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    """Candidates from each article, matched against the loaded data set."""
    from dataclasses import replace

    from geo.extract import Extractor, parse_published
    from geo.match import RecordIndex, match

    published = parse_published(args.published)
    if args.files.count("-") > 1:
        msg = "standard input (-) can be read only once"
        raise InputError(msg)
    gazetteer = load_gazetteer(settings)
    ds = load_data(settings, gazetteer)  # matching reads the store and any ACLED files
    first, last = ds.date_range()
    case_years = tuple(dict.fromkeys((last.year, first.year))) if len(ds.events) else ()
    docs = _extract_documents(args.files, published, case_years)
    extractor = Extractor(gazetteer, settings)
    index = RecordIndex.from_frames(ds.events, ds.states, ds.figures)
    results = []
    for doc in docs:
        found = extractor.extract(doc)
        results.append(replace(found, candidates=tuple(match(found.candidates, index))).to_json())
    if args.format == "json":
        # dumps, then one write: json.dump streams through the pure-Python encoder (7x slower)
        sys.stdout.write(json.dumps(results, ensure_ascii=False) + "\n")
        return 0
    for result in results:
        print(
            f"== {result['file']} ({result['published']}): {len(result['candidates'])} candidates"
        )
        rows = [
            (
                c["kind"],
                c["layer"] or c["metric"] or "",
                c["status"] or c["sub_event_type"] or "",
                c["date"] or "",
                c["valid_to"] or "",
                c["place"] or "(national)",
                _count_text(c),
                c["certainty"],
                ", ".join(c["matches"]) or "new",
                c["evidence"]["text"][:60]
                + (f" (+{len(c['support'])} more)" if c.get("support") else ""),
            )
            for c in result["candidates"]
        ]
        _print_table(("kind", "layer", "status/type", "date", "to", "place", "counts",
                      "certainty", "matches", "evidence"), rows)  # fmt: skip
    return 0


def _count_text(c: dict) -> str:
    parts = [f"{k}={v}" for k, v in c["counts"].items() if v is not None]
    if c["value"] is not None:
        qual = "" if c["qualifier"] in (None, "exact") else f"{c['qualifier']} "
        parts.insert(0, f"{c['metric']}: {qual}{c['value']:,}")
    return "; ".join(parts)


# --- places ----------------------------------------------------------------------------------


def cmd_places(args: argparse.Namespace, settings: Settings) -> int:
    gaz = load_gazetteer(settings)
    kinds = [args.kind] if args.kind else None
    found = gaz.lookup(args.name, kinds=kinds, limit=args.limit)
    if args.format == "json":
        keys = ("id", "name", "kind", "lat", "lon", "country_code", "admin1", "population", "city")
        json.dump([{k: getattr(p, k) for k in keys} for p in found], sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    if not found:
        print(f"no place named {args.name!r} in the gazetteer", file=sys.stderr)
        return 1
    rows = [
        (p.id, p.name, p.kind, f"{p.lat:.4f}", f"{p.lon:.4f}", p.country_code, p.admin1,
         str(p.population or ""))
        for p in found
    ]  # fmt: skip
    _print_table(("id", "name", "kind", "lat", "lon", "cc", "admin1", "population"), rows)
    return 0


# --- export ----------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    prefetched = _prefetch(settings)
    try:
        return _export(args, settings, prefetched)
    finally:
        if prefetched is not None:
            prefetched.close()
        _finish_writes()


def _export(args: argparse.Namespace, settings: Settings, prefetched) -> int:
    from geo import export
    from geo.layers import as_day, check_window, features_on, in_extent

    fmt = args.format
    if fmt not in EXPORTERS:
        msg = f"unknown format {fmt!r}; choose one of {', '.join(EXPORTERS)}"
        raise InputError(msg)
    allowed = FORMAT_LAYERS.get(fmt, EXPORT_LAYERS)
    if args.layer not in allowed:
        msg = (f"layer {args.layer} holds states over an interval, which the {fmt} format cannot "
               f"carry (it takes {', '.join(allowed)}); export it as geojson or gpkg")  # fmt: skip
        raise InputError(msg)
    day = as_day(args.date)
    window = None if args.cumulative else check_window(args.window)
    if args.out is not None:
        export.check_writable(args.out)
    layers = [lay for lay in LAYERS if lay in allowed] if args.layer == "all" else [args.layer]
    _collector_off()
    ds, extent = _data_and_area(args, settings, prefetched)
    frames = {
        lay: in_extent(features_on(ds, lay, day, window=window, once=True), extent)
        for lay in layers
    }
    if getattr(args, "areas", False) and "emergency" in frames:
        from geo.gazetteer import admin1_boundaries

        frames["emergency"] = export.with_admin1_areas(
            frames["emergency"], admin1_boundaries(settings)
        )
    EXPORTERS[fmt](args, frames, day, window, export, ds=ds, extent=extent)
    return 0


def _data_and_area(args, settings: Settings, prefetched=None):  # -> (Dataset, extent)
    """The data set, and the area --bbox or --place names (None: everything); ``prefetched``:
    the store's rows _prefetch began to fetch."""
    from geo.layers import parse_bbox, place_extent

    if args.bbox and args.place:
        msg = "give --bbox or --place, not both"
        raise InputError(msg)
    extent = parse_bbox(args.bbox) if args.bbox else None
    if not args.place:
        return load_data(settings, prefetched=prefetched, write_behind=True), extent
    from geo.gazetteer import admin1_boundaries

    ds, gazetteer = load_data_and_gazetteer(settings, prefetched=prefetched, write_behind=True)
    boundaries = admin1_boundaries(settings)
    return ds, place_extent(args.place, gazetteer, boundaries, settings.area_of_interest)


def _export_geojson(args, frames, day, window, export, ds=None, extent=None) -> None:
    meta = export.collection_metadata(frames, day, window, extent)
    text = export.feature_collection_bytes(frames.values(), metadata=meta) + b"\n"
    if args.out is None:
        sys.stdout.write(text.decode("utf-8"))  # through the text layer, as any output
        return
    out = Path(args.out)
    if out.is_dir():
        out = out / export.default_filename(args.layer, day, "geojson")
    export.write_atomic(out, text)
    print(f"wrote {sum(len(f) for f in frames.values())} features to {out}", file=sys.stderr)


def _export_gpkg(args, frames, day, window, export, ds=None, extent=None) -> None:
    """One table per layer; --out a file, a folder, or omitted (default name here)."""
    out = Path(args.out) if args.out is not None else Path(".")
    if out.is_dir():
        out = out / export.default_filename(args.layer, day, "gpkg")
    export.write_geopackage(out, frames)
    n = sum(len(f) for f in frames.values())
    print(f"wrote {n} features in {len(frames)} tables to {out}", file=sys.stderr)


# --- db and ingest (the store) ------------------------------------------------------------------


def open_store(settings: Settings, *, fill: bool = True):  # -> Store (SQLAlchemy is heavy)
    from geo.store import Store

    return Store.open(settings, fill=fill)


def cmd_db(args: argparse.Namespace, settings: Settings) -> int:
    with open_store(settings, fill=False) as store:
        if args.action == "import":
            # placed as imported, so the next command reads each record's place from the store
            done = store.import_dataset(Path(args.folder), gazetteer=load_gazetteer(settings))
            what = (f"{done.events} events, {done.states} states, {done.figures} figures, "
                    f"{done.articles} articles, {done.files} other files")  # fmt: skip
            print(f"imported {what}", file=sys.stderr)
        else:
            n = store.export_dataset(Path(args.folder))
            print(f"wrote {n} files to {args.folder}", file=sys.stderr)
    return 0


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    import datetime as dt

    from geo.ingest import ingest

    try:
        published = dt.date.fromisoformat(args.published) if args.published else None
    except ValueError:
        msg = f"--published {args.published!r} is not YYYY-MM-DD"
        raise InputError(msg) from None
    if args.workers < 0:
        msg = f"--workers {args.workers} is negative"
        raise InputError(msg)
    with open_store(settings) as store:
        summary = ingest(store, args.paths, settings, published=published, workers=args.workers,
                         scheduler=args.scheduler)  # fmt: skip
    for failure in summary.failures:
        print(f"failed: {failure.label}: {failure.reason}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(summary.to_json()))
    else:
        s = summary.to_json()
        print(f"{s['new']} new, {s['duplicate']} duplicate, {s['failed']} failed; "
              f"{s['candidates']} candidates waiting for review")  # fmt: skip
    return 1 if summary.failures else 0


def _export_acled_csv(args, frames, day, window, export, ds=None, extent=None) -> None:
    from geo.acled import export_acled_csv

    export_acled_csv(args, frames, day, window, export, ds=ds)


# Export formats: name -> writer(args, frames by layer, day, window, export module, ds=Dataset,
# extent=the area of --bbox/--place or None).
EXPORTERS: dict[str, Callable[..., None]] = {
    "geojson": _export_geojson,
    "gpkg": _export_gpkg,
    "acled-csv": _export_acled_csv,
}
# The layers a format can carry, where it cannot carry them all (ACLED CSV: dated events only).
FORMAT_LAYERS: dict[str, tuple[str, ...]] = {"acled-csv": (*EVENT_LAYERS, "all")}


# --- commands of other stages (imported when they run: matplotlib is slow to import) ----------


def cmd_import_acled(args: argparse.Namespace, settings: Settings) -> int:
    from geo.acled import cmd_import_acled

    return cmd_import_acled(args, settings)


def cmd_snapshot(args: argparse.Namespace, settings: Settings) -> int:
    prefetched = _prefetch(settings)  # fetched while matplotlib is imported
    try:
        from geo.snapshot import cmd_snapshot

        _collector_off()
        load = functools.partial(load_data_and_gazetteer, prefetched=prefetched, write_behind=True)
        return cmd_snapshot(args, settings, load=load)
    finally:
        if prefetched is not None:
            prefetched.close()
        _finish_writes()


def cmd_storyboard(args: argparse.Namespace, settings: Settings) -> int:
    from geo.snapshot import cmd_storyboard

    _collector_off()
    return cmd_storyboard(args, settings, load=load_data_and_gazetteer)


def _at_least_one(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        msg = f"must be a whole number of at least 1, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return n


def _add_geoparse(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text or article file; - = stdin")
    p.add_argument("--format", choices=("json", "table"), default="json", help="output format")
    p.add_argument(
        "--workers",
        type=_at_least_one,
        help="parse JSON output in N processes (default: one per core for files of "
        f"{_PARALLEL_FROM_BYTES // 1000} KB and more; 1: this process only)",
    )


def _add_extract(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="article or text file; - = stdin")
    p.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="publication day of plain text without a header or a dated wire dateline",
    )
    p.add_argument("--format", choices=("json", "table"), default="json", help="output format")


def _add_places(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="a place name, any spelling (Alma-Ata, Uralsk, ALA)")
    p.add_argument("--kind", choices=("facility", "airport", "city", "admin1", "country"))
    p.add_argument("--limit", type=_at_least_one, default=10, help="at most this many candidates")
    p.add_argument("--format", choices=("table", "json"), default="table")


def _add_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--layer", required=True, choices=EXPORT_LAYERS, help="layer, or all")
    p.add_argument("--date", required=True, help="the day shown, YYYY-MM-DD")
    p.add_argument("--window", type=int, default=1, help="events of the last N days (default 1)")
    p.add_argument("--cumulative", action="store_true", help="events up to the date, all of them")
    p.add_argument("--format", default="geojson", help=f"{', '.join(EXPORTERS)} (default geojson)")
    p.add_argument(
        "--out",
        help="output file or folder (default: standard output; gpkg: a file named "
        "after layer and date in the current folder)",
    )
    p.add_argument(
        "--areas", action="store_true", help="emergency layer as admin-1 polygons, not points"
    )
    p.add_argument("--bbox", help="only what lies in this area, W,S,E,N in degrees")
    p.add_argument("--place", help="only what lies around a city, site or admin-1 unit, by name")


def _add_import_acled(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="an ACLED export CSV (any vintage)")
    p.add_argument("--out", help="events.csv to write, or a folder (default: standard output)")
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 2 and write nothing if any row cannot be imported (default: skip and report)",
    )


def _add_picture(p: argparse.ArgumentParser) -> None:
    """The options snapshot and storyboard share."""
    p.add_argument(
        "--layers",
        default=",".join(MAP_LAYERS),
        help=f"comma-separated layers (default {','.join(MAP_LAYERS)})",
    )
    p.add_argument("--window", type=int, default=1, help="events of the last N days (default 1)")
    p.add_argument("--size", default="1600x900", help="WIDTHxHEIGHT in pixels (default 1600x900)")
    p.add_argument("--title", help="title instead of the default (the date is always shown)")
    p.add_argument("--out", help="PNG file or folder (default: a name with the date, here)")


def _add_snapshot(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", required=True, help="the day shown, YYYY-MM-DD")
    p.add_argument("--bbox", help="the area shown, W,S,E,N in degrees (default: the country)")
    p.add_argument("--place", help="the area shown: a city, site or admin-1 unit by name")
    _add_picture(p)


def _add_storyboard(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dates", required=True, help="comma-separated days, YYYY-MM-DD,...")
    _add_picture(p)


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("import", "export"), help="CSV folder -> store, or back")
    p.add_argument("folder", metavar="DIR", help="a data folder laid out like data/")


def _add_ingest(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="article files, folders, saved HTML pages, RSS/Atom files")  # fmt: skip
    p.add_argument("--published", help="publication day of plain text, YYYY-MM-DD")
    p.add_argument("--format", choices=("table", "json"), default="table", help="summary format")
    p.add_argument("--workers", type=int, default=0, help="extract on a local Dask cluster of N")
    p.add_argument("--scheduler", metavar="ADDRESS", help="extract on a running Dask cluster")


def cmd_boundaries(args: argparse.Namespace, settings: Settings) -> int:
    from geo.boundaries import OUT_NAME, import_boundaries

    out = Path(args.out) if args.out else settings.data_dir / OUT_NAME
    path, n = import_boundaries(
        Path(args.file) if args.file else None,
        out,
        country=args.country,
        code_field=args.code_field,
        name_field=args.name_field,
        layer=args.layer,
        natural_earth=args.natural_earth,
    )
    print(f"wrote {n} admin-1 units to {path}", file=sys.stderr)
    return 0


def _add_boundaries(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", help="GeoJSON, GeoPackage or shapefile of admin-1 units")
    p.add_argument("--country", help="keep this country's units (ISO alpha-2, e.g. UA)")
    p.add_argument("--code-field", help="column with the ISO 3166-2 code (default: found)")
    p.add_argument("--name-field", help="column with the unit's name (default: found)")
    p.add_argument("--layer", help="layer of a GeoPackage (default: the first)")
    p.add_argument(
        "--natural-earth",
        action="store_true",
        help="download Natural Earth admin-1 (needs the internet and --country)",
    )
    p.add_argument("--out", help="file written (default: CRISISMAP_DATA_DIR/admin1.geojson)")


# The commands: name -> (help, add_arguments(parser), run(args, settings)).
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[..., int]]] = {
    "boundaries": (
        "bring admin-1 boundaries for the case (a file you have, or Natural Earth)",
        _add_boundaries,
        cmd_boundaries,
    ),
    "geoparse": ("find and resolve the places a text mentions", _add_geoparse, cmd_geoparse),
    "extract": (
        "propose dated, placed, counted records from articles (candidates)",
        _add_extract,
        cmd_extract,
    ),
    "places": ("list gazetteer candidates for a name", _add_places, cmd_places),
    "export": (
        "write a layer for a date as GeoJSON, GeoPackage or ACLED CSV",
        _add_export,
        cmd_export,
    ),
    "import-acled": (
        "read an ACLED export into our events.csv format",
        _add_import_acled,
        cmd_import_acled,
    ),
    "snapshot": ("draw the map of a day as a PNG for a slide", _add_snapshot, cmd_snapshot),
    "storyboard": ("draw several days side by side as one PNG", _add_storyboard, cmd_storyboard),
    "db": ("import a data folder into the store, or export the store as one", _add_db, cmd_db),
    "ingest": (
        "read articles into the store, extracting candidates once",
        _add_ingest,
        cmd_ingest,
    ),
}


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m geo", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, (help_text, add_arguments, _) in COMMANDS.items():
        add_arguments(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; project errors become exit 2 with a one-line message."""
    parser = build_parser()
    args = parser.parse_args(argv)
    collecting = gc.isenabled()
    try:
        settings = Settings.from_env()
        return COMMANDS[args.command][2](args, settings)
    except GeoError as exc:
        print(f"python -m geo {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    finally:
        # A caller with its own argument list (tests) goes on in this process: its collector
        # is given back. ``python -m geo`` exits instead (a full pass there cost ~0.2 s).
        if argv is not None and collecting and not gc.isenabled():
            gc.unfreeze()
            gc.enable()
