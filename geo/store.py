"""The store: one database (SQLite by default, PostGIS for a team) behind one small API.

``Store.open(settings)`` connects to ``settings.store_url()``, brings the schema up to date
with the Alembic migrations in ``geo/migrations`` and, the first time, fills it from the data
folder. Every write is one transaction (``with store.write() as session:``); on SQLite the
database runs in WAL mode and a write transaction takes the write lock when it starts
(``BEGIN IMMEDIATE``), so two writers queue instead of failing half-way.

The CSV data set stays the exchange format: ``import_dataset`` reads a data folder (validated
row by row as ``geo.events`` does, nothing written on a bad row) and ``export_dataset`` writes
it back byte for byte.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from geo._cache import atomic_write, check_cache_dir
from geo._placed import (
    HEAD_REVISION,
    CellRows,
    collector_paused,
    dataset_articles,
    dataset_fingerprint,
    format_cell,
    load_placed,
    placed_file,
    placement_key,
    record_cells,
    write_placed,
)
from geo.articles import Article, file_label
from geo.config import Settings
from geo.csvrows import Row, format_sources, parse_sources, read_rows
from geo.errors import DataError, InputError, StoreError
from geo.events import (
    ARTICLES_DIR,
    EVENTS_FILE,
    FIGURES_FILE,
    STATES_FILE,
    Cells,
    Dataset,
    load_articles,
    load_dataset,
    parse_columns,
    parse_event_row,
    parse_figure_row,
    parse_state_row,
)
from geo.schema import EVENT_COLUMNS, FIGURE_COLUMNS, STATE_COLUMNS, Source
from geo.tables import (
    ArticleRow,
    Base,
    Event,
    Figure,
    Meta,
    RecordSource,
    ReferenceFile,
    SourceRow,
    State,
    is_postgis,
)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
RECORD_FILES: dict[str, tuple[str, type[Base], tuple[str, ...]]] = {
    EVENTS_FILE: ("event", Event, EVENT_COLUMNS),
    STATES_FILE: ("state", State, STATE_COLUMNS),
    FIGURES_FILE: ("figure", Figure, FIGURE_COLUMNS),
}
# The columns a file must have, as geo.events' loaders require them (same messages).
_REQUIRED = {
    EVENTS_FILE: ("id", "date", "layer", "sources"),
    STATES_FILE: ("id", "layer", "subject", "status", "valid_from", "sources"),
    FIGURES_FILE: ("id", "date", "metric", "value", "sources"),
}
_ROW_PARSERS = {"event": parse_event_row, "state": parse_state_row, "figure": parse_figure_row}
_INT_FIELDS = {"time_precision", "geo_precision", "fatalities", "injured", "detained", "troops",
               "value"}  # fmt: skip
_FLOAT_FIELDS = {"lat", "lon"}
_DATE_FIELDS = {"date", "valid_from", "valid_to"}


def engine_url(url: str) -> str:
    """A store URL with the driver this project installs (psycopg 3 for PostgreSQL)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def redacted(url: str) -> str:
    """The URL as messages show it: no password."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def make_engine(url: str) -> sa.Engine:
    """An engine for a store URL; SQLite gets WAL, foreign keys and BEGIN IMMEDIATE writes."""
    try:
        parsed = sa.make_url(engine_url(url))
    except sa.exc.ArgumentError:
        msg = f"CRISISMAP_DATABASE_URL {url!r} is not a SQLAlchemy URL (sqlite:///path or postgresql://...)"
        raise InputError(msg) from None
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(parsed, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(parsed, connect_args={"timeout": 60})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        # A write transaction takes the write lock at once: a deferred one that reads first
        # and writes later fails with "database is locked" when another writer got in between.
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


@dataclass(frozen=True)
class ImportSummary:
    """What ``import_dataset`` stored."""

    events: int
    states: int
    figures: int
    articles: int
    files: int


class Store:
    """A connection to the store; cheap to share, every unit of work is its own session."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.dialect = self.engine.dialect.name
        self.write_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._reader = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._writer = sessionmaker(bind=self.write_engine, expire_on_commit=False)

    @classmethod
    def open(cls, settings: Settings, *, fill: bool = True) -> Store:
        """The store the settings name, migrated; filled from data_dir the first time.

        The default store (no ``database_url``) follows its data folder: when the folder's
        files changed since, its curated records are imported again (reviewed ones stay).
        """
        if not settings.database_url.strip():
            check_cache_dir(Path(settings.cache_dir))  # the default store lives there
        store = cls(settings.store_url())
        store.migrate()
        if fill:
            store.fill(
                Path(settings.data_dir),
                follow=not settings.database_url.strip(),
                max_bytes=settings.max_data_bytes,
            )
        return store

    def fill(
        self, folder: Path, *, follow: bool, max_bytes: int | None = None, gazetteer: Any = None
    ) -> None:
        """Import the data folder if the store was never filled (or, ``follow``, it changed);
        ``gazetteer``: place the records as they are imported (import_dataset)."""
        if self.needs_fill(folder, follow=follow):
            self.import_dataset(folder, max_bytes=max_bytes, gazetteer=gazetteer)

    def needs_fill(self, folder: Path, *, follow: bool) -> bool:
        """Whether ``fill`` would import the data folder now."""
        return folder.is_dir() and (
            self.meta("filled_from") is None
            or (follow and self.meta("filled_fingerprint") != dataset_fingerprint(folder))
        )

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema ---------------------------------------------------------------------------

    def migrate(self) -> None:
        """Run the Alembic migrations up to the newest (a no-op when already there).

        A store already at HEAD_REVISION is seen with one query, without importing Alembic or
        reading its scripts (half a second of every command's start).
        """
        if self._at_head():
            return
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        heads = set(ScriptDirectory.from_config(config).get_heads())
        try:
            with self.engine.connect() as conn:
                if set(MigrationContext.configure(conn).get_current_heads()) == heads:
                    return
            with self.write_engine.begin() as conn:
                if is_postgis(self.dialect):  # two first starts at once: one migrates
                    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(20220105)")
                if set(MigrationContext.configure(conn).get_current_heads()) == heads:
                    return
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except sa.exc.OperationalError as exc:
            reason = " ".join(str(exc.orig).split())  # one line, as every message
            msg = f"cannot open the store {redacted(self.url)}: {reason}"
            raise StoreError(msg) from None

    def _at_head(self) -> bool:
        try:
            with self.engine.connect() as conn:
                if not sa.inspect(conn).has_table("alembic_version"):
                    return False
                found = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
        except sa.exc.OperationalError:
            return False  # migrate() says why, in its own words
        return [tuple(r) for r in found] == [(HEAD_REVISION,)]

    # --- units of work --------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed, objects stay readable after."""
        with self._reader() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._writer() as session, session.begin():
            yield session

    def revision(self) -> str:
        """Changes whenever records change (an import, a decision): a cache key for readers."""
        return self.meta("revision") or "0"

    def case_years(self) -> tuple[int, ...]:
        """The years the case's events span, latest first (a wire dateline without a year
        is read in them)."""
        with self.read() as s:
            first, last = s.execute(
                sa.select(sa.func.min(Event.date), sa.func.max(Event.date))
            ).one()
        if last is None:
            return ()
        return tuple(dict.fromkeys((last.year, first.year)))

    def meta(self, key: str) -> str | None:
        with self.read() as s:
            row = s.get(Meta, key)
            return row.value if row else None

    def counts(self) -> dict[str, int]:
        """How many rows each table holds (for summaries and tests)."""
        with self.read() as s:
            return {
                t.name: s.scalar(sa.select(sa.func.count()).select_from(t)) or 0
                for t in Base.metadata.sorted_tables
            }

    # --- the CSV data set -------------------------------------------------------------------

    def import_dataset(
        self, folder: Path, *, max_bytes: int | None = None, gazetteer: Any = None
    ) -> ImportSummary:
        """Replace the curated records, articles and reference files with a data folder's.

        Records reviewed in the store (origin ``reviewed``) and ingested articles stay. The
        folder is read and validated whole first; a bad row raises DataError and the store
        is left as it was. With a ``gazetteer`` each record's placement is stored too
        (placement_key), so readers with that gazetteer need not place them again.
        """
        folder = Path(folder)
        if not folder.is_dir():
            msg = f"{folder}: is not a folder"
            raise InputError(msg)
        records = {
            name: _read_record_file(folder / name, max_bytes, gazetteer=gazetteer)
            for name in RECORD_FILES
        }
        _check_unique_ids(folder, records)
        articles = load_articles(folder / ARTICLES_DIR)
        references = _reference_files(folder)
        with self.write() as s:
            merged = _merged_citations(s)
            for _, model, _ in RECORD_FILES.values():
                old = sa.select(model.id).where(model.origin == "curated")
                s.execute(sa.delete(RecordSource).where(RecordSource.record_id.in_(old)))
                s.execute(sa.delete(model).where(model.origin == "curated"))
            s.execute(sa.delete(ArticleRow).where(ArticleRow.origin == "curated"))
            s.execute(sa.delete(ReferenceFile))
            s.flush()
            sources = _SourceIds(s)
            for name, (_, model, _) in RECORD_FILES.items():
                rows = records[name]
                taken = set(
                    s.scalars(sa.select(model.id).where(model.id.in_([r["id"] for r in rows])))
                )
                if taken:
                    msg = f"{sorted(taken)[0]!r} is already a reviewed record in the store"
                    raise DataError(file_label(folder / name), None, "id", msg)
                # Core inserts of whole batches (executemany): the ORM's per-row insert cost
                # a minute at 100k records. New rows get their columns' defaults (version 1).
                links = [
                    {"record_id": row["id"], "position": i, "source_id": sources.id_of(src),
                     "merged": False}
                    for row in rows
                    for i, src in enumerate(row.pop("_sources"))
                ]  # fmt: skip
                for row in rows:
                    row.pop("_line")
                for batch in _batches(rows):
                    s.execute(sa.insert(model.__table__), batch)
                for batch in _batches(links):
                    s.execute(sa.insert(RecordSource.__table__), batch)
            _reattach(s, merged)
            for article in articles:
                _add_curated_article(s, article)
            s.add_all(ReferenceFile(name=n, content=c) for n, c in references.items())
            s.merge(Meta(key="filled_from", value=str(folder.resolve())))
            s.merge(Meta(key="filled_fingerprint", value=dataset_fingerprint(folder)))
            bump_revision(s)
        return ImportSummary(
            events=len(records[EVENTS_FILE]),
            states=len(records[STATES_FILE]),
            figures=len(records[FIGURES_FILE]),
            articles=len(articles),
            files=len(references),
        )

    def export_dataset(self, folder: Path) -> int:
        """Write the records, articles and reference files as a data folder; files written.

        Each file is written through a temporary file and renamed, so a failure never leaves
        half a file behind.
        """
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written = 0
        with self.read() as s:
            cited = _citations(s)
            for name, (_, model, columns) in RECORD_FILES.items():
                rows = s.scalars(sa.select(model).order_by(model.position, model.id)).all()
                text = _csv_text(columns, (_csv_row(r, columns, cited) for r in rows))
                atomic_write(folder / name, text.encode("utf-8"))
                written += 1
            articles = s.scalars(sa.select(ArticleRow).order_by(ArticleRow.id)).all()
            if articles:
                (folder / ARTICLES_DIR).mkdir(exist_ok=True)
            for a in articles:
                if a.url is None or a.published is None:
                    continue  # the article file format needs both; such articles stay in the store
                name = a.filename or f"{a.published.isoformat()}-{a.id}.txt"
                atomic_write(folder / ARTICLES_DIR / name, article_text(a).encode("utf-8"))
                written += 1
            for ref in s.scalars(sa.select(ReferenceFile)):
                (folder / ref.name).parent.mkdir(parents=True, exist_ok=True)
                atomic_write(folder / ref.name, ref.content)
                written += 1
        return written


def _batches(rows: list[dict[str, Any]], size: int = 5000) -> Iterator[list[dict[str, Any]]]:
    """Rows in slices for executemany (bounded memory for the statement's parameters)."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _merged_citations(s: Session) -> list[tuple[str, int]]:
    """(record id, source id) that merge decisions added to records, in order."""
    query = (
        sa.select(RecordSource.record_id, RecordSource.source_id)
        .where(RecordSource.merged)
        .order_by(RecordSource.record_id, RecordSource.position)
    )
    return [(r, src) for r, src in s.execute(query)]


def _reattach(s: Session, merged: list[tuple[str, int]]) -> None:
    """Cite again what reviewers merged into records that the new import still holds."""
    for record_id, source_id in merged:
        cited = list(
            s.scalars(sa.select(RecordSource.source_id).where(RecordSource.record_id == record_id))
        )
        if not cited or source_id in cited:  # the record is gone, or its cell cites it now
            continue
        s.add(RecordSource(record_id=record_id, position=len(cited), source_id=source_id,
                           merged=True))  # fmt: skip
        s.flush()


def _add_curated_article(s: Session, article: Article) -> None:
    """A curated article; one already ingested (same URL or text) becomes it, keeping its id
    (and so its candidates and decisions)."""
    row = article_row(article)
    cond = ArticleRow.text_hash == row.text_hash
    if row.url_key:
        cond = sa.or_(cond, ArticleRow.url_key == row.url_key)
    existing = s.scalars(sa.select(ArticleRow).where(cond)).first()
    if existing is None:
        s.add(row)
        s.flush()
        return
    for name in ("url", "url_key", "text_hash", "filename", "title", "published", "publisher",
                 "records", "body", "origin", "label"):  # fmt: skip
        setattr(existing, name, getattr(row, name))
    s.flush()


def bump_revision(session: Session) -> None:
    """Mark, inside a write, that records changed (readers' caches key on the revision)."""
    import uuid

    session.merge(Meta(key="revision", value=uuid.uuid4().hex))


# --- the store as a data set (what the map, export and snapshot read) ---------------------------


class StoreRows(CellRows):
    """The store's records and articles as ``geo.events.load_dataset`` reads them.

    Rows are the exchange format's cells, so the map goes through the same validation and
    placing as the CSV files; a curated row keeps its file's line number for messages. They
    are read by column (``cells``), without an ORM object or a Row per record.
    """

    def __init__(self, store: Store, folder: Path, *, placed_by: str | None = None) -> None:
        with store.read() as s:  # one transaction; the driver's own cursor (geo._placed)
            cursor = s.connection().connection.cursor()
            try:
                cells = record_cells(cursor, Path(folder), placed_by=placed_by)
                articles = dataset_articles(cursor, Path(folder))
            finally:
                cursor.close()
        super().__init__(Path(folder), cells, articles)


def load_store_dataset(
    settings: Settings, gazetteer: Any, *, strict: bool = True, store: Store | None = None
) -> Dataset:
    """The data set the map, export and snapshot show: read from the store.

    The store is opened (and filled from the data folder on first use) unless one is given.
    The validated, placed data set is kept on disk (``placed_path``), keyed by the store's
    revision and the gazetteer's index, so the next command reads it instead of doing the
    work again; any change to the records, the gazetteer's inputs or this code makes a new key.
    """
    if store is None:
        with Store.open(settings, fill=False) as opened:
            return load_store_dataset(settings, gazetteer, strict=strict, store=opened)
    fill_store(settings, store, gazetteer)
    return _placed_dataset(settings, gazetteer, store, strict=strict)


def fill_store(settings: Settings, store: Store, gazetteer: Any) -> None:
    """Fill the store from the data folder on first use (or, with the default SQLite store,
    when the folder changed), placing the records with ``gazetteer``."""
    store.fill(
        Path(settings.data_dir),
        follow=store_follows_folder(settings),
        max_bytes=settings.max_data_bytes,
        gazetteer=gazetteer,
    )


def store_follows_folder(settings: Settings) -> bool:
    """The default store (no database URL) is refilled when the data folder changes."""
    return not settings.database_url.strip()


def placed_path(settings: Settings, store: Store, gazetteer: Any, *, strict: bool) -> Path | None:
    """The file holding the placed data set of the store's current revision, or None when it
    cannot be keyed (a store never filled, a gazetteer that is not the offline index)."""
    return placed_file(settings, store.url, store.revision(), gazetteer, strict=strict)


def _placed_dataset(settings: Settings, gazetteer: Any, store: Store, *, strict: bool) -> Dataset:
    """The placed data set from its cache file when the key matches, else loaded and cached."""
    path = placed_path(settings, store, gazetteer, strict=strict)
    if path is not None and path.exists():
        cached = load_placed(path)  # None when unreadable: loaded again and rewritten below
        if cached is not None:
            return cached
    with collector_paused():
        rows = StoreRows(store, settings.data_dir, placed_by=placement_key(gazetteer))
        ds = load_dataset(settings, gazetteer, strict=strict, source=rows)
    if path is not None:
        write_placed(path, ds)
    return ds


# --- reading a data folder ---------------------------------------------------------------------


def _read_record_file(
    path: Path, max_bytes: int | None = None, *, gazetteer: Any = None
) -> list[dict[str, Any]]:
    """Validated rows of one record file, as column values for the store (position kept),
    with their placement when a gazetteer is given (and keyed: placement_key).

    Validated by column (each rule once per distinct cell, geo.events.parse_columns); when a
    row breaks a rule, the row path reads the rows again and raises that row's message.
    """
    if not path.exists():
        return []
    kind, _, columns = RECORD_FILES[path.name]
    label = file_label(path)
    rows = list(read_rows(path, _REQUIRED[path.name], label=label, max_bytes=max_bytes))
    key = placement_key(gazetteer)
    parsed = parse_columns(Cells.from_rows(label, rows), kind,
                           gazetteer=gazetteer if key is not None else None)  # fmt: skip
    if isinstance(parsed, int):
        return _read_record_rows(rows, kind, columns)  # raises the bad row's message
    placed = parsed.get("_placed")
    sources = {cell: parse_sources(cell) for cell in set(parsed["sources"])}
    names = ["position", "origin", "_line", "source_line"]
    values: list[Any] = [range(len(rows)), ["curated"] * len(rows), parsed["_line"],
                         parsed["_line"]]  # fmt: skip
    for col in columns:
        if col == "sources":
            names.append("_sources")
            values.append([sources[cell] for cell in parsed["sources"]])
        elif col in _DATE_FIELDS:
            names.append(col)
            values.append([None if v is None else v.date() for v in parsed[col]])
        else:
            names.append(col)
            values.append(parsed[col].tolist() if hasattr(parsed[col], "tolist") else parsed[col])
    if placed is not None:
        names += ["placed_by", "placed_id", "placed_admin1"]
        values += [[key] * len(rows), placed.place_id, placed.admin1]
    return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]


def _read_record_rows(rows: list[Row], kind: str, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    """_read_record_file row by row: the same values, and the first bad row's own message."""
    parse = _ROW_PARSERS[kind]
    out = []
    for position, row in enumerate(rows):
        parsed = parse(row)
        values: dict[str, Any] = {"position": position, "origin": "curated", "_line": row.line,
                                  "source_line": row.line}  # fmt: skip
        for col in columns:
            if col == "sources":
                values["_sources"] = parse_sources(parsed["sources"])
            elif col in ("lat", "lon"):
                values[col] = row.coord(col, 90.0 if col == "lat" else 180.0)
            elif col in ("place", "site_id"):
                values[col] = row.text(col)
            else:
                values[col] = _store_value(col, parsed[col])
        out.append(values)
    return out


def _store_value(col: str, value: Any) -> Any:
    if value is None:
        return None
    if col in _DATE_FIELDS:
        return value.date() if hasattr(value, "date") else value
    return value


def _check_unique_ids(folder: Path, records: dict[str, list[dict[str, Any]]]) -> None:
    seen: dict[str, tuple[str, int]] = {}
    for name, rows in records.items():
        label = file_label(folder / name)
        for row in rows:
            if row["id"] in seen:
                first, line = seen[row["id"]]
                msg = f"id {row['id']!r} is already used at {first}, line {line}"
                raise DataError(label, row["_line"], "id", msg)
            seen[row["id"]] = (label, row["_line"])


def _reference_files(folder: Path) -> dict[str, bytes]:
    """Every file of the folder that is neither a record file nor an article, verbatim."""
    out = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name not in RECORD_FILES and not path.name.startswith("."):
            out[path.name] = path.read_bytes()
    return out


def article_row(article: Article, *, origin: str = "curated", label: str = "") -> ArticleRow:
    """The store row of an article file."""
    return ArticleRow(
        url=article.url,
        url_key=normalise_url(article.url),
        text_hash=text_hash(article.body),
        filename=article.path.name if origin == "curated" else None,
        title=article.title,
        published=article.date,
        publisher=article.publisher,
        records=", ".join(article.records),
        body=article.body,
        origin=origin,
        label=label or file_label(article.path),
    )


def article_text(a: ArticleRow) -> str:
    """An article row as an article file (geo.articles reads it back)."""
    header = [f"title: {a.title}", f"date: {a.published.isoformat()}", f"publisher: {a.publisher}",
              f"url: {a.url}"]  # fmt: skip
    if a.records:
        header.append(f"records: {a.records}")
    return "\n".join([*header, "---", a.body]) + "\n"


_SPACES = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Text as compared for duplicates: case-folded, whitespace collapsed, quotes unified."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(
        str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
    )
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=1024)  # ingest asks for each body's hash three times
def text_hash(text: str) -> str:
    """sha256 of the normalised text: the same article from two feeds hashes the same."""
    import hashlib

    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def normalise_url(url: str | None) -> str | None:
    """A URL as compared for duplicates: no fragment, no trailing slash, lower-case host."""
    if not url or not url.strip():
        return None
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


# --- writing a data folder ---------------------------------------------------------------------


class _SourceIds:
    """Source ids by (publisher, url), created when first cited, within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ids = {(r.publisher, r.url): r.id for r in session.scalars(sa.select(SourceRow))}

    def id_of(self, source: Source) -> int:
        key = (source.publisher, source.url)
        if key not in self.ids:
            row = SourceRow(publisher=source.publisher, url=source.url)
            self.session.add(row)
            self.session.flush()
            self.ids[key] = row.id
        return self.ids[key]


def _citations(session: Session) -> dict[str, list[Source]]:
    query = (
        sa.select(RecordSource.record_id, SourceRow.publisher, SourceRow.url)
        .join(SourceRow, SourceRow.id == RecordSource.source_id)
        .order_by(RecordSource.record_id, RecordSource.position)
    )
    out: dict[str, list[Source]] = {}
    for rid, publisher, url in session.execute(query):
        out.setdefault(rid, []).append(Source(publisher, url))
    return out


def _csv_row(record: Base, columns: tuple[str, ...], cited: dict[str, list[Source]]) -> list[str]:
    cells = []
    for col in columns:
        if col == "sources":
            cells.append(format_sources(cited.get(record.id, [])))
            continue
        cells.append(format_cell(getattr(record, col)))
    return cells


def _csv_text(columns: tuple[str, ...], rows: Iterator[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()
