"""The placed data set kept on disk, and the store's rows read without its machinery.

``geo.store`` writes the validated, placed data set of each store revision to the cache folder
(``placed_file`` names it). A command that only reads (export, snapshot) asks ``read_placed``
first: for the default SQLite store it checks the revision, the schema and the data folder's
fingerprint with ``sqlite3`` alone, and reads the cache or else the store's rows with it, so
neither a cached nor a first run imports SQLAlchemy (a fifth of a second of every such
command's start). Anything it cannot decide (another store, a store to fill or migrate)
answers None, and the caller opens the store as before. The SQL that reads the rows
(``record_cells``, ``dataset_articles``) is the store's own too, on its driver's cursor.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pandas.arrays import ArrowExtensionArray

from geo._cache import atomic_write, check_cache_dir, fingerprint
from geo._storesql import (
    ARTICLES_SQL,
    CANDIDATES_SQL,
    LINKS_SQL,
    RECORD_TABLES,
    SOURCES_SQL,
    record_sql,
    stored_columns,
)
from geo.articles import Article, file_label
from geo.config import Settings
from geo.csvrows import Row
from geo.errors import InputError
from geo.events import ARTICLES_DIR, Cells, Dataset, Placed, load_dataset

# The store's newest migration (tests/test_store.py checks it is Alembic's single head).
HEAD_REVISION = "0004"
# What the placed data set depends on besides the store and the gazetteer: the code that reads,
# validates and places it, and the libraries whose objects are pickled.
_PLACED_CODE = ("events.py", "store.py", "csvrows.py", "schema.py", "articles.py", "tables.py",
                "gazetteer.py", "boundaries.py", "_placed.py", "_storesql.py")  # fmt: skip
_PLACED_PACKAGES = ("pandas", "geopandas", "shapely", "numpy", "pyarrow")


def placed_file(
    settings: Settings, store_url: str, revision: str, gazetteer: Any, *, strict: bool
) -> Path | None:
    """The file holding the placed data set of a store's revision, or None when it cannot be
    keyed (a store never filled, a gazetteer that is not the offline index)."""
    gazetteer_settings = getattr(gazetteer, "settings", None)
    if revision == "0" or gazetteer_settings is None or not hasattr(gazetteer, "lookup"):
        return None
    from geo._cache import package_version
    from geo.gazetteer import index_key

    parts = [
        f"revision={revision}",
        f"store={store_url}",
        f"data_dir={Path(settings.data_dir).expanduser().resolve()}",
        f"gazetteer={index_key(gazetteer_settings)}",
        f"aoi={getattr(gazetteer, 'area_of_interest', '')}",
        f"strict={strict}",
        *(f"{p}={package_version(p)}" for p in _PLACED_PACKAGES),
    ]
    here = Path(__file__).resolve().parent
    key = fingerprint(parts, [here / name for name in _PLACED_CODE])
    tag = fingerprint([store_url], [])[:8]  # one placed file per store: older ones are removed
    return Path(settings.cache_dir) / f"placed-{tag}-{key[:20]}.pickle"


@dataclass(frozen=True)
class _Points:
    """A GeoDataFrame whose geometries are all points or None, kept as the frame without its
    geometry and two arrays of coordinates (NaN where None): pickled as two buffers instead
    of a WKB bytes object per row, and rebuilt by whole arrays."""

    frame: pd.DataFrame
    name: str
    at: int
    x: np.ndarray
    y: np.ndarray
    crs: Any

    @classmethod
    def of(cls, frame: Any) -> Any:
        """The frame packed, or the frame itself when it holds another kind of geometry."""
        if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry.name not in frame:
            return frame
        geoms = np.asarray(frame.geometry.array, dtype=object)
        kinds = shapely.get_type_id(geoms)
        if not np.isin(kinds, (-1, 0)).all() or shapely.has_z(geoms).any():
            return frame
        if shapely.is_empty(geoms[kinds == 0]).any():
            return frame
        name = frame.geometry.name
        return cls(frame.drop(columns=name), name, frame.columns.get_loc(name),
                   shapely.get_x(geoms), shapely.get_y(geoms), frame.crs)  # fmt: skip

    def unpacked(self) -> gpd.GeoDataFrame:
        geoms = np.full(len(self.x), None, dtype=object)
        has = ~np.isnan(self.x)
        geoms[has] = shapely.points(self.x[has], self.y[has])
        frame = self.frame.copy(deep=False)
        frame.insert(self.at, self.name, gpd.array.GeometryArray(geoms, crs=self.crs))
        return gpd.GeoDataFrame(frame, geometry=self.name)


# A placed file: this line, then the sizes (little-endian uint64) of the pickle stream and of
# each buffer it holds out of band, then the stream and the buffers, each at a multiple of
# _ALIGN bytes. The arrays' bytes are written from their own memory (no copy into the stream)
# and read back into one aligned block that the arrays then use as they are.
_MAGIC = b"crisismap placed data set 2\n"
_ALIGN = 64


def _packed(ds: Dataset) -> Dataset:
    """The data set as it is pickled: points as coordinates, and each frame a frame of its
    own (copy-on-write then copies what anyone changes while its bytes are written)."""
    events, states, figures = (f.copy(deep=False) for f in (ds.events, ds.states, ds.figures))
    return replace(ds, events=_Points.of(events), states=_Points.of(states), figures=figures)


def placed_parts(ds: Dataset) -> list[Any]:
    """A placed data set as the pieces of its file (dump_placed writes them): the header, the
    pickle stream and its buffers, which stay the arrays' own memory, held by the last piece
    (the packed data set, so its arrays outlive the writing)."""
    packed = _packed(ds)
    buffers: list[pickle.PickleBuffer] = []
    out = io.BytesIO()
    _Pickler(out, protocol=5, buffer_callback=buffers.append).dump(packed)
    stream = out.getvalue()
    views = [stream, *(b.raw() for b in buffers)]
    sizes = [len(stream), *(v.nbytes for v in views[1:])]
    head = _MAGIC + struct.pack(f"<Q{len(sizes)}Q", len(sizes), *sizes)
    return [head, *views, packed]


class _Pickler(pickle.Pickler):
    """pickle's Pickler, but an Arrow-backed pandas array of one chunk is pickled as that
    chunk: pandas' own __getstate__ combines the chunks, which copies even a single one (a
    tenth of a second of a 100k first run). Read back as pandas' __setstate__ makes it."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, ArrowExtensionArray) and obj._pa_array.num_chunks == 1:
            state = {**obj.__dict__, "_pa_array": obj._pa_array.chunk(0), "_cache": {}}
            return _arrow_array, (type(obj), state)
        return NotImplemented


def _arrow_array(kind: type, state: dict[str, Any]) -> Any:
    """An Arrow-backed pandas array from the state _Pickler kept."""
    array = kind.__new__(kind)
    array.__setstate__(state)
    return array


def write_parts(parts: list[Any], handle: IO[bytes]) -> None:
    """Write placed_parts to ``handle``, each piece at a multiple of _ALIGN bytes."""
    at = 0
    for piece in parts[:-1]:
        if at % _ALIGN:
            handle.write(bytes(_ALIGN - at % _ALIGN))
            at += _ALIGN - at % _ALIGN
        handle.write(piece)
        at += len(piece) if isinstance(piece, bytes) else piece.nbytes


def dump_placed(ds: Dataset, handle: IO[bytes]) -> None:
    """Write a placed data set to ``handle`` for load_placed (points as coordinates)."""
    write_parts(placed_parts(ds), handle)


def load_placed(path: Path) -> Dataset | None:
    """The data set dump_placed wrote at ``path`` (with a fresh, empty memo), or None if
    unreadable. Its arrays are views of the one block the file is read into."""
    try:
        with path.open("rb") as handle:
            block = _aligned_block(os.fstat(handle.fileno()).st_size)
            got = handle.readinto(block)
            while got < len(block):  # (a regular file is read whole; this only guards)
                more = handle.readinto(block[got:])
                if not more:
                    return None
                got += more
        stream, buffers = _stream_and_buffers(block)
        cached = pickle.loads(stream, buffers=buffers)
    except (OSError, ValueError, struct.error, pickle.UnpicklingError, EOFError,
            AttributeError, ImportError):  # fmt: skip
        return None  # unreadable: loaded again and rewritten by the caller
    if not isinstance(cached, Dataset):
        return None
    unpack = [(n, getattr(cached, n)) for n in ("events", "states")]
    return replace(cached, **{n: f.unpacked() for n, f in unpack if isinstance(f, _Points)})


def _aligned_block(size: int) -> memoryview:
    """A writable block of ``size`` bytes starting at a multiple of _ALIGN in memory."""
    raw = np.empty(size + _ALIGN, dtype=np.uint8)
    skip = -raw.ctypes.data % _ALIGN
    return memoryview(raw[skip : skip + size])


def _stream_and_buffers(block: memoryview) -> tuple[memoryview, list[memoryview]]:
    """The pickle stream and its buffers in a placed file's bytes (ValueError if not one)."""
    if bytes(block[: len(_MAGIC)]) != _MAGIC:
        msg = "not a placed data set"
        raise ValueError(msg)
    (count,) = struct.unpack_from("<Q", block, len(_MAGIC))
    sizes = struct.unpack_from(f"<{count}Q", block, len(_MAGIC) + 8)
    at = len(_MAGIC) + 8 + 8 * count
    pieces = []
    for size in sizes:
        at += -at % _ALIGN
        if at + size > len(block):
            msg = "a placed data set cut short"
            raise ValueError(msg)
        pieces.append(block[at : at + size])
        at += size
    if not pieces:
        msg = "an empty placed data set"
        raise ValueError(msg)
    return pieces[0], pieces[1:]


def read_placed(
    settings: Settings,
    gazetteer: Any,
    *,
    strict: bool = True,
    prefetched: Any = None,
    write_behind: bool = False,
) -> Dataset | None:
    """The default store's placed data set, read with sqlite3 alone: from the cache file when
    there is one, else from the store's rows (validated and placed as geo.store does, then
    cached); None whenever the store itself must be opened (then geo.store decides).

    That is when the store does not exist, is not at the newest schema, was never filled, or
    was filled from the data folder as it was before (the store imports it again first).
    Reading the rows here spares a first run SQLAlchemy's import and the store's opening.
    ``prefetched``: the rows geo._storesql.prefetch began to fetch (used at the same revision).
    ``write_behind``: the cache file is written while the caller goes on (write_placed).
    """
    import sqlite3

    if settings.database_url.strip():
        return None  # a shared store (PostGIS, or a file named by the user): geo.store reads it
    url = settings.store_url()  # sqlite:///<cache folder>/store-<digest>.sqlite
    path = Path(url.removeprefix("sqlite:///"))
    if not url.startswith("sqlite:///") or not path.is_file():
        return None  # never made here: sqlite3 would create an empty file
    try:  # only read; not mode=ro, which cannot open a WAL database whose -shm is gone
        conn = sqlite3.connect(path, timeout=60, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA busy_timeout=60000")
        conn.execute("BEGIN")  # one read transaction: the revision is the rows'
        version = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        keys = "('filled_from', 'filled_fingerprint', 'revision')"
        meta = dict(conn.execute(f"SELECT key, value FROM store_meta WHERE key IN {keys}"))
        if version != [(HEAD_REVISION,)] or meta.get("filled_from") is None:
            return None
        cached = placed_file(settings, url, meta.get("revision") or "0", gazetteer, strict=strict)
        if cached is None:
            return None
        folder = Path(settings.data_dir)
        if folder.is_dir() and meta.get("filled_fingerprint") != dataset_fingerprint(folder):
            return None  # the store would import the folder again first
        ds = load_placed(cached) if cached.exists() else None
        if ds is not None:
            return ds
        revision = meta.get("revision")
        if prefetched is not None and prefetched.revision() == revision:
            source = prefetched
        else:
            source = _column_reader(path, revision) or conn.cursor()
        try:
            with collector_paused():
                cells = record_cells(source, folder, placed_by=placement_key(gazetteer))
                rows = CellRows(folder, cells, dataset_articles(source, folder))
                ds = load_dataset(settings, gazetteer, strict=strict, source=rows)
        finally:
            source.close()
    except sqlite3.Error:
        return None  # a store this code cannot read as it is: geo.store opens it and says why
    finally:
        conn.close()
    write_placed(cached, ds, behind=write_behind)
    return ds


def _column_reader(path: Path, revision: str | None) -> Any:
    """The compiled reader of the store's rows by column (geo/_storeread.pyx), in its own read
    transaction at the same ``revision``; None without the compiled module (the sqlite3
    cursor reads them then) or when the records changed in between."""
    try:
        from geo._storeread import Reader
    except ImportError:
        return None
    reader = Reader(path)
    found, _, _ = reader.columns("SELECT value FROM store_meta WHERE key = 'revision'")
    if found[0] != [revision]:
        reader.close()
        return None
    return reader


def dataset_fingerprint(folder: Path) -> str:
    """A digest of every file in a data folder (to tell when it changed since an import)."""
    files = sorted(p for p in Path(folder).rglob("*") if p.is_file())
    return fingerprint([str(p.relative_to(folder)) for p in files], files)


# --- reading the store's rows (SQL any DB-API cursor runs: sqlite3's, or psycopg's) ----------
# (the queries are geo._storesql's: the same text whether they run here or in a prefetch)


def record_cells(cursor: Any, folder: Path, *, placed_by: str | None = None) -> dict[str, Cells]:
    """The store's records by file, as the loaders read them (Cells), with the placements
    ``placed_by`` (placement_key) made beside them. Read as the database driver returns rows
    (query_columns), no type processing (a date is SQLite's ISO text, or psycopg's date;
    format_cell writes both the same), in file order."""
    cited = _source_cells(cursor)
    out: dict[str, Cells] = {}
    for name, (table, columns, keeps_places) in RECORD_TABLES.items():
        sql = record_sql(table, columns, keeps_places=keeps_places)
        found, kinds, padded = _rows_in_order(cursor, sql, table, columns, keeps_places)
        if found and found[0]:
            if keeps_places:  # the placements read beside the rows; this gazetteer's are used
                *found, placed_key, place_ids, admin1 = found
                kept = None if placed_by is None else Placed(
                    np.asarray(placed_key, dtype=object) == placed_by, list(place_ids),
                    list(admin1))  # fmt: skip
            label = file_label(folder / name)
            out[name] = _cells_of(label, columns, stored_columns(columns), found, cited,
                                  kinds=kinds, padded=padded,
                                  placed=kept if keeps_places else None)  # fmt: skip
    return out


def _rows_in_order(
    cursor: Any, sql: str, table: str, columns: tuple[str, ...], keeps_places: bool
) -> tuple[list[Any], list[set[type]] | None, list[bool] | None]:
    """query_columns of a record table's ordered query ``sql``. The compiled reader scans
    the table as stored instead, and keeps that when the positions came strictly rising
    (then it is the order of ``ORDER BY position, id``); anything else runs ``sql``."""
    if not hasattr(cursor, "columns"):  # a DB-API cursor (sqlite3, psycopg): the query as is
        return query_columns(cursor, sql)
    stored = record_sql(table, columns, keeps_places=keeps_places, as_stored=True)
    found, kinds, padded = query_columns(cursor, stored)
    try:
        position = np.fromiter(found[0], dtype=np.int64, count=len(found[0]))
    except (TypeError, ValueError, OverflowError):  # (a position that is not an integer)
        return query_columns(cursor, sql)
    if len(position) > 1 and not (np.diff(position) > 0).all():
        return query_columns(cursor, sql)
    return found[1:], None if kinds is None else kinds[1:], None if padded is None else padded[1:]


# SQLite's type codes (sqlite3.h), as the compiled reader reports a column's types: the
# Python types the sqlite3 module makes of them.
_SQLITE_TYPES = {1: int, 2: float, 3: str, 4: bytes, 5: type(None)}


def query_columns(
    cursor: Any, sql: str
) -> tuple[list[Any], list[set[type]] | None, list[bool] | None]:
    """A query's result by column; when the reader knows them (else None: the caller looks),
    each column's value types and whether a text in it may have spaces around it.
    ``cursor``: any DB-API cursor, or geo._storeread's Reader."""
    if hasattr(cursor, "columns"):
        found, masks, padded = cursor.columns(sql)
        kinds = [{t for bit, t in _SQLITE_TYPES.items() if m >> bit & 1} for m in masks]
        return found, kinds, padded
    cursor.execute(sql)
    rows = cursor.fetchall()
    return (list(zip(*rows, strict=True)) if rows else []), None, None


def dataset_articles(cursor: Any, folder: Path) -> tuple[Article, ...]:
    """Curated articles, and ingested ones that a reviewed record cites (by date, then name)."""
    linked: dict[int, list[str]] = {}
    found, _, _ = query_columns(cursor, CANDIDATES_SQL)
    for article_id, record_id in zip(*found, strict=True):
        linked.setdefault(article_id, []).append(record_id)
    found, _, _ = query_columns(cursor, ARTICLES_SQL)
    out = []
    for aid, filename, title, published, publisher, url, cell, body, origin in zip(
        *found, strict=True
    ):
        if origin != "curated" and aid not in linked:
            continue
        if not isinstance(published, dt.date):  # SQLite keeps a date as its ISO text
            published = dt.date.fromisoformat(published)
        records = [r.strip() for r in cell.split(",") if r.strip()]
        records += [r for r in linked.get(aid, []) if r not in records]
        name = filename or f"{published.isoformat()}-ingested-{aid}.txt"
        out.append(Article(path=folder / ARTICLES_DIR / name, title=title, date=published,
                           publisher=publisher, url=url or "", records=tuple(records),
                           body=body))  # fmt: skip
    return tuple(sorted(out, key=lambda a: (a.date, a.path.name)))


class CellRows:
    """Cells and articles read from the store, as geo.events.load_dataset reads a source."""

    def __init__(self, folder: Path, cells: dict[str, Cells], articles: tuple[Article, ...]):
        self.folder, self._cells, self._articles = folder, cells, articles

    def cells(self, name: str) -> Cells | None:
        return self._cells.get(name)

    def rows(self, name: str) -> list[Row] | None:
        cells = self._cells.get(name)
        return None if cells is None else [cells.row(i) for i in range(len(cells))]

    def articles(self) -> tuple[Article, ...]:
        return self._articles


def write_placed(path: Path, ds: Dataset, *, behind: bool = False) -> None:
    """Keep a placed data set in the cache (no fsync: an unreadable file is made again), and
    remove the older ones of the same store. ``behind``: the data set is pickled here, and
    its bytes written to the file by a thread while the caller goes on (a command's first
    run draws meanwhile); finish_writes waits for it, and so does the interpreter's exit."""
    try:
        check_cache_dir(path.parent)
    except (OSError, InputError):
        return  # a cache that cannot be written only costs the next command time
    parts = placed_parts(ds)  # the thread only writes bytes: nothing it reads is changed
    if not behind:
        _write_file(path, parts)
        return
    thread = threading.Thread(target=_write_file, args=(path, parts), name="placed-write")
    _WRITING.append(thread)
    thread.start()


# Threads writing placed files (write_placed's ``behind``), until finish_writes joins them.
_WRITING: list[threading.Thread] = []


def finish_writes() -> None:
    """Wait until every placed file being written behind is written."""
    while _WRITING:
        _WRITING.pop().join()


def _write_file(path: Path, parts: list[Any]) -> None:
    try:
        atomic_write(path, lambda handle: write_parts(parts, handle), durable=False)
    except OSError:
        return
    for stale in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)


# What a stored placement depends on besides the gazetteer's index: the code that places.
_PLACEMENT_CODE = ("events.py", "gazetteer.py", "boundaries.py", "_indexfile.py")


def placement_key(gazetteer: Any) -> str | None:
    """Names the gazetteer (its index key and area of interest) and the placing code, so a
    stored placement is used only by a reader that would place the row the same way; None
    for a gazetteer that is not the offline index (nothing is stored or read then)."""
    gazetteer_settings = getattr(gazetteer, "settings", None)
    if gazetteer_settings is None or not hasattr(gazetteer, "lookup"):
        return None
    from geo.gazetteer import index_key

    parts = [f"gazetteer={index_key(gazetteer_settings)}",
             f"aoi={getattr(gazetteer, 'area_of_interest', '')}"]  # fmt: skip
    here = Path(__file__).resolve().parent
    return fingerprint(parts, [here / name for name in _PLACEMENT_CODE])[:40]


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off while a data set is read (it was on before: back on after).
    Reading 100k records makes millions of objects and few cycles; the collector's full
    passes over the growing heap cost a fifth of the time. One pass may follow later."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def format_cell(value: Any) -> str:
    """A store value as the CSV files write it."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


@dataclass(frozen=True)
class _Cited:
    """Each cited record's ``sources`` cell as format_sources writes it, by whole arrays:
    the cited record ids, the index of each one's cell, and the distinct cells (records cite
    few distinct lists of sources, so each cell's text is made once)."""

    records: pd.Index
    cell_of: np.ndarray
    cells: list[str]

    def codes(self, ids: Any) -> np.ndarray:
        """Each record's index into ``cells``; ``len(cells)`` for a record citing nothing."""
        at = self.records.get_indexer(pd.Index(ids, dtype=object))
        out = np.full(len(at), len(self.cells), dtype=np.intp)
        out[at >= 0] = self.cell_of[at[at >= 0]]
        return out


def _source_cells(cursor: Any) -> _Cited:
    """The ``sources`` cell of every cited record (_Cited), grouped by arrays: the links come
    ordered by record and position, each record's list of source ids becomes one key text
    in Arrow, and only the distinct keys are read back in Python (a loop over the links
    cost a sixth of a second at 100k records)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    found, _, _ = query_columns(cursor, SOURCES_SQL)
    names = {sid: f"{publisher} <{url}>" for sid, publisher, url in zip(*found, strict=True)}
    links, _, _ = query_columns(cursor, LINKS_SQL)
    if not links or not links[0]:
        return _Cited(pd.Index([], dtype=object), np.empty(0, dtype=np.intp), [])
    record_ids, source_ids = links
    # the rows of one record are adjacent (ordered by record): a group starts where it changes
    group, records = pd.factorize(np.asarray(record_ids, dtype=object))
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    lists = pa.ListArray.from_arrays(
        pa.array(np.r_[starts, len(group)], type=pa.int32()),
        pa.array(source_ids, type=pa.int64()).cast(pa.string()),
    )
    cell_of, keys = pd.factorize(pc.binary_join(lists, ",").to_numpy(zero_copy_only=False))
    cells = [" ; ".join(names[int(sid)] for sid in key.split(",")) for key in keys]
    return _Cited(pd.Index(records[group[starts]], dtype=object), cell_of, cells)


def _cells_of(
    label: str,
    columns: tuple[str, ...],
    stored: list[str],
    found: list[Any],
    cited: _Cited,
    *,
    kinds: list[set[type]] | None = None,
    padded: list[bool] | None = None,
    placed: Placed | None = None,
) -> Cells:
    """Columns (source_line, id, *stored columns) as the CSV file's cells (format_cell);
    ``kinds``, ``padded``: each column's value types, and whether a text in it may have
    spaces around it, when the reader knows them (text columns without are Cells.stripped).

    Text columns are handed as they are; coordinates as floats and the other typed columns
    (dates, counts) by distinct value, so a cell's text is only made once per distinct value
    (or not at all): the loaders validate the same cells as the file's. ``placed``: the
    store's placements of the rows (geo.events.Placed)."""
    lines, ids, *values = found
    by_name = dict(zip(stored, values, strict=True))
    types = dict(zip(stored, kinds[2:], strict=False)) if kinds is not None else {}
    spaced = dict(zip(stored, padded[2:], strict=False)) if padded is not None else {}
    out: dict[str, list[str]] = {}
    coded: dict[str, tuple[np.ndarray, list[str]]] = {}
    numbers: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for name in columns:
        if name == "sources":  # coded by the distinct cells; "" for a record citing nothing
            coded[name] = (cited.codes(ids), [*cited.cells, ""])
            continue
        column = by_name[name]
        held = types.get(name) or set(map(type, column))
        if held <= {str, type(None)}:
            out[name] = (
                ["" if v is None else v for v in column] if type(None) in held else list(column)
            )
        elif held <= {float, type(None)}:  # lat/lon: nearly every value its own
            empty = np.fromiter((v is None for v in column), dtype=bool, count=len(column))
            numbers[name] = (np.array(column, dtype=float), empty)
        elif len(held - {type(None)}) == 1:  # dates, counts: format_cell once per distinct value
            codes, distinct = pd.factorize(np.asarray(column, dtype=object))
            cells = [format_cell(v) for v in distinct]
            coded[name] = (np.where(codes < 0, len(cells), codes), [*cells, ""])
        else:  # mixed types (1 and 1.0 are written apart): format_cell once per (type, value)
            keys = list(zip(map(type, column), column, strict=True))
            cell = {k: format_cell(k[1]) for k in set(keys)}
            out[name] = [cell[k] for k in keys]
    lines_of = [line or i + 2 for i, line in enumerate(lines)]
    stripped = frozenset(n for n in out if spaced.get(n) is False)
    return Cells(label, out, lines_of, coded=coded, numbers=numbers, placed=placed,
                 stripped=stripped)  # fmt: skip
