"""The queries that read the store's records and articles (geo._placed runs them), kept in a
module as light as geo.schema, so a command can start them in a thread before it imports
pandas (``prefetch``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geo.config import Settings
from geo.schema import EVENT_COLUMNS, FIGURE_COLUMNS, STATE_COLUMNS

# The record tables: file -> (table, the file's columns, whether the table keeps placements).
RECORD_TABLES: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "events.csv": ("events", EVENT_COLUMNS, True),
    "states.csv": ("states", STATE_COLUMNS, True),
    "figures.csv": ("figures", FIGURE_COLUMNS, False),
}
SOURCES_SQL = "SELECT id, publisher, url FROM sources"
LINKS_SQL = "SELECT record_id, source_id FROM record_sources ORDER BY record_id, position"
CANDIDATES_SQL = (
    "SELECT article_id, record_id FROM candidates WHERE record_id IS NOT NULL ORDER BY id"
)
ARTICLES_SQL = (
    "SELECT id, filename, title, published, publisher, url, records, body, origin "
    "FROM articles WHERE published IS NOT NULL ORDER BY id"
)


def stored_columns(columns: tuple[str, ...]) -> list[str]:
    """A record file's columns the record table holds (sources are a table of their own)."""
    return [c for c in columns if c != "sources"]


def record_sql(
    table: str, columns: tuple[str, ...], *, keeps_places: bool, as_stored: bool = False
) -> str:
    """The rows of a record table in file order: source_line, id, the stored columns, and
    where it keeps them, the placement's key, place id and admin-1. ``as_stored``: the rows
    in the order the table holds them, each with its position first (a scan of the table
    instead of its position index: ~0.1 s less of a 100k first run's fetch; the reader
    checks they came in file order, else runs the ordered query)."""
    select = ["source_line", "id", *stored_columns(columns)]
    if keeps_places:
        select += ["placed_by", "placed_id", "placed_admin1"]
    if as_stored:
        select = ["position", *select]
    names = ", ".join(f'"{c}"' for c in select)
    order = "" if as_stored else ' ORDER BY "position", "id"'
    return f'SELECT {names} FROM "{table}"{order}'


def queries() -> list[str]:
    """Every query geo._placed runs to read the records and articles through the compiled
    reader, in the order it does (the records as stored: geo._placed.record_cells)."""
    records = [
        record_sql(t, c, keeps_places=k, as_stored=True) for t, c, k in RECORD_TABLES.values()
    ]
    return [SOURCES_SQL, LINKS_SQL, *records, CANDIDATES_SQL, ARTICLES_SQL]


def prefetch(settings: Settings) -> Any:
    """The default store's rows fetched in a thread (geo._storeread.Prefetch) while the
    caller goes on, for geo._placed.read_placed; None when there is nothing to fetch this
    way (a shared store, no store file yet, the compiled reader not built) or when a placed
    data set was cached after the store last changed (read_placed will most likely read it;
    if not, it reads the rows itself)."""
    if settings.database_url.strip():
        return None
    url = settings.store_url()
    path = Path(url.removeprefix("sqlite:///"))
    if not url.startswith("sqlite:///") or not path.is_file() or _cached_since(url, path):
        return None
    try:
        from geo._storeread import Prefetch
    except ImportError:
        return None
    return Prefetch(path, queries())


def _cached_since(url: str, path: Path) -> bool:
    """Whether a placed data set of the store at ``path`` (geo._placed.placed_file's name)
    was written after the store's files last changed."""
    from geo._cache import fingerprint

    tag = fingerprint([url], [])[:8]
    try:
        store = [p.stat().st_mtime_ns for p in (path, Path(f"{path}-wal")) if p.exists()]
        cached = [p.stat().st_mtime_ns for p in path.parent.glob(f"placed-{tag}-*.pickle")]
    except OSError:
        return False
    return bool(store and cached) and max(cached) > max(store)
