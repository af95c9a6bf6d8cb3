"""The placed data set kept on disk, and reading it without opening the store's machinery.

``geo.store`` writes the validated, placed data set of each store revision to the cache folder
(``placed_file`` names it). A command that only reads (export, snapshot) asks ``read_placed``
first: for the default SQLite store it checks the revision, the schema and the data folder's
fingerprint with ``sqlite3`` alone, so a fresh cache is read without importing SQLAlchemy
(a tenth of a second and more of every such command's start). Anything it cannot decide
(another store, a store to fill or migrate, no file) answers None, and the caller opens the
store as before.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo._cache import fingerprint
from geo.config import Settings
from geo.events import Dataset

# The store's newest migration (tests/test_store.py checks it is Alembic's single head).
HEAD_REVISION = "0003"
# What the placed data set depends on besides the store and the gazetteer: the code that reads,
# validates and places it, and the libraries whose objects are pickled.
_PLACED_CODE = ("events.py", "store.py", "csvrows.py", "schema.py", "articles.py", "tables.py",
                "gazetteer.py", "boundaries.py", "_placed.py")  # fmt: skip
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


def dump_placed(ds: Dataset, handle: IO[bytes]) -> None:
    """Pickle a placed data set to ``handle`` for load_placed (points as coordinates)."""
    packed = replace(ds, events=_Points.of(ds.events), states=_Points.of(ds.states))
    pickle.dump(packed, handle, protocol=5)


def load_placed(path: Path) -> Dataset | None:
    """The data set pickled at ``path`` (with a fresh, empty memo), or None if unreadable."""
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None  # unreadable: loaded again and rewritten by the caller
    if not isinstance(cached, Dataset):
        return None
    unpack = [(n, getattr(cached, n)) for n in ("events", "states")]
    return replace(cached, **{n: f.unpacked() for n, f in unpack if isinstance(f, _Points)})


def read_placed(settings: Settings, gazetteer: Any, *, strict: bool = True) -> Dataset | None:
    """The default store's placed data set from the cache when it is fresh, read with sqlite3
    alone; None whenever the store itself must be opened (then geo.store decides).

    Fresh means what ``geo.store.load_store_dataset`` would find: the store exists at the
    newest schema, was filled from this data folder as its files are now, and the cache file
    of its revision exists."""
    import sqlite3

    if settings.database_url.strip():
        return None  # a shared store (PostGIS, or a file named by the user): geo.store reads it
    url = settings.store_url()  # sqlite:///<cache folder>/store-<digest>.sqlite
    path = Path(url.removeprefix("sqlite:///"))
    if not url.startswith("sqlite:///") or not path.is_file():
        return None  # never made here: sqlite3 would create an empty file
    try:  # only read; not mode=ro, which cannot open a WAL database whose -shm is gone
        conn = sqlite3.connect(path, timeout=60)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA busy_timeout=60000")
        version = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        keys = "('filled_from', 'filled_fingerprint', 'revision')"
        meta = dict(conn.execute(f"SELECT key, value FROM store_meta WHERE key IN {keys}"))
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if version != [(HEAD_REVISION,)] or meta.get("filled_from") is None:
        return None
    cached = placed_file(settings, url, meta.get("revision") or "0", gazetteer, strict=strict)
    if cached is None or not cached.exists():
        return None
    folder = Path(settings.data_dir)
    if folder.is_dir() and meta.get("filled_fingerprint") != dataset_fingerprint(folder):
        return None  # the store would import the folder again first
    return load_placed(cached)


def dataset_fingerprint(folder: Path) -> str:
    """A digest of every file in a data folder (to tell when it changed since an import)."""
    files = sorted(p for p in Path(folder).rglob("*") if p.is_file())
    return fingerprint([str(p.relative_to(folder)) for p in files], files)
