"""The store: migrations, the CSV round trip, integrity; on SQLite and on a real PostGIS."""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from geo.config import PROJECT_ROOT, Settings
from geo.errors import DataError
from geo.store import Store, engine_url, normalise_url, text_hash
from geo.tables import Base, Event, is_postgis

DATA = PROJECT_ROOT / "data"


def _same_tree(a: Path, b: Path) -> list[str]:
    """Paths that differ (missing, extra, or other bytes) between two folders."""
    names_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    diff = sorted(str(p) for p in names_a ^ names_b)
    diff += [
        str(p) for p in sorted(names_a & names_b) if not filecmp.cmp(a / p, b / p, shallow=False)
    ]
    return diff


@pytest.fixture
def store(store_url: str):
    with Store(store_url) as s:
        s.migrate()
        yield s


def test_migrations_build_exactly_the_schema_module(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    def include(obj, name, kind, reflected, compare_to) -> bool:
        # geom is the PostGIS-only column geo.tables.spatial_columns adds; PostGIS's own table
        # and alembic's version table are not ours
        return name not in ("geom", "spatial_ref_sys", "alembic_version") and not (
            name or ""
        ).endswith("_geom")

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include})
        assert compare_metadata(ctx, Base.metadata) == []


def test_head_revision_is_alembics_single_head() -> None:
    """Store.migrate skips Alembic when the store is at HEAD_REVISION: it must be the head."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from geo.store import HEAD_REVISION, MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [HEAD_REVISION]


def test_migrate_twice_changes_nothing(store: Store) -> None:
    store.migrate()
    assert store.counts()["events"] == 0


def test_db_import_then_export_gives_back_data_byte_for_byte(store: Store, tmp_path: Path) -> None:
    summary = store.import_dataset(DATA)
    assert summary.events > 90 and summary.articles == len(list((DATA / "articles").glob("*")))
    out = tmp_path / "out"
    store.export_dataset(out)
    assert _same_tree(DATA, out) == []


def test_import_again_replaces_instead_of_doubling(store: Store) -> None:
    store.import_dataset(DATA)
    first = store.counts()
    store.import_dataset(DATA)
    assert store.counts() == first


def test_a_bad_row_is_named_and_leaves_the_store_as_it_was(store: Store, tmp_path: Path) -> None:
    store.import_dataset(DATA)
    before = store.counts()
    bad = tmp_path / "bad"
    shutil.copytree(DATA, bad)
    lines = (bad / "events.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",2022-01-02,", ",2022-01-32,", 1)
    (bad / "events.csv").write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError, match=r"events\.csv, line 4, field 'date'"):
        store.import_dataset(bad)
    assert store.counts() == before


def test_a_failure_midway_through_a_write_rolls_everything_back(store: Store) -> None:
    store.import_dataset(DATA)
    with pytest.raises(RuntimeError, match="crash"), store.write() as s:
        s.execute(sa.delete(Event))
        raise RuntimeError("crash")
    assert store.counts()["events"] > 90


def test_version_column_refuses_a_stale_orm_update(store: Store) -> None:
    from sqlalchemy.orm.exc import StaleDataError

    store.import_dataset(DATA)
    with store.read() as s:
        stale = s.get(Event, "E002")
    with store.write() as s:
        s.get(Event, "E002").description = "first writer"
    with pytest.raises(StaleDataError), store.write() as s:
        s.add(stale)
        stale.description = "second writer"
    with store.read() as s:
        assert s.get(Event, "E002").description == "first writer"


def test_points_are_postgis_geometry_with_a_spatial_index(store: Store) -> None:
    store.import_dataset(DATA)
    with store.engine.connect() as conn:
        if not is_postgis(store.dialect):
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            assert mode == "wal"
            cols = {c["name"] for c in sa.inspect(conn).get_columns("events")}
            assert {"lon", "lat"} <= cols and "geom" not in cols
            return
        indexes = {i["name"] for i in sa.inspect(conn).get_indexes("events")}
        assert "ix_events_geom" in indexes
        near_zhanaozen = conn.execute(
            sa.text(
                "SELECT id FROM events WHERE ST_DWithin(geom::geography, "
                "ST_SetSRID(ST_MakePoint(52.86, 43.34), 4326)::geography, 5000) ORDER BY id"
            )
        ).scalars()
        assert "E002" in list(near_zhanaozen)


def test_open_fills_a_new_store_from_the_data_folder_once(tmp_path: Path) -> None:
    settings = Settings(data_dir=DATA, cache_dir=tmp_path / "cache")
    assert settings.store_url().startswith(f"sqlite:///{tmp_path / 'cache'}/store-")
    with Store.open(settings) as store:
        assert store.counts()["events"] > 90
        assert store.meta("filled_from") == str(DATA.resolve())
    other = Settings(data_dir=tmp_path, cache_dir=tmp_path / "cache")
    assert other.store_url() != settings.store_url()  # one store per data folder


def test_database_url_setting_and_driver() -> None:
    settings = Settings.from_env({"CRISISMAP_DATABASE_URL": "postgresql://u@db.example/crisis"})
    assert settings.store_url() == "postgresql://u@db.example/crisis"
    assert engine_url(settings.store_url()).startswith("postgresql+psycopg://")


def test_duplicates_are_found_by_normalised_url_and_text() -> None:
    assert normalise_url("HTTPS://Example.COM/a/b/#top") == normalise_url("https://example.com/a/b")
    assert text_hash("Police  said\n“ten”") == text_hash('police said "ten" ')
    assert text_hash("ten") != text_hash("eleven")


# --- the map reads the store ------------------------------------------------------------------


def test_the_data_set_from_the_store_is_the_data_set_from_the_files(store, gazetteer) -> None:
    from pandas.testing import assert_frame_equal

    from geo.events import load_dataset
    from geo.store import StoreRows, load_store_dataset

    settings = Settings(data_dir=DATA)
    store.import_dataset(DATA)
    from_files = load_dataset(settings, gazetteer)
    from_store = load_store_dataset(settings, gazetteer, store=store)
    for name in ("events", "states", "figures"):
        assert_frame_equal(getattr(from_store, name), getattr(from_files, name))
    assert from_store.articles == from_files.articles and from_store.files == from_files.files
    assert StoreRows(store, DATA).rows("events.csv")[0].line == 2


def test_the_placed_data_set_is_kept_until_the_records_change(store, gazetteer, tmp_path) -> None:
    """Issue 17.4: the next command reads the placed data set instead of placing it again;
    a new revision (an import, a decision) gets a new file, an unreadable file is rebuilt."""
    from pandas.testing import assert_frame_equal

    from geo.store import load_store_dataset, placed_path

    settings = Settings(data_dir=DATA, cache_dir=tmp_path / "cache")
    store.import_dataset(DATA)
    first = load_store_dataset(settings, gazetteer, store=store)
    path = placed_path(settings, store, gazetteer, strict=True)
    assert path is not None and path.exists()
    again = load_store_dataset(settings, gazetteer, store=store)
    for name in ("events", "states", "figures"):
        assert_frame_equal(getattr(again, name), getattr(first, name))
    assert again.articles == first.articles and again.unplaced == first.unplaced
    assert again.memo == {} and again.files == first.files
    store.import_dataset(DATA)  # a new revision
    newer = placed_path(settings, store, gazetteer, strict=True)
    assert newer != path and placed_path(settings, store, gazetteer, strict=False) != newer
    newer.parent.mkdir(parents=True, exist_ok=True)
    newer.write_bytes(b"not a pickle")
    rebuilt = load_store_dataset(settings, gazetteer, store=store)
    assert_frame_equal(rebuilt.events, first.events)
    assert not path.exists() and newer.exists() and newer.read_bytes() != b"not a pickle"


def test_records_keep_their_placement_and_a_stale_one_is_never_read(
    store, gazetteer, tmp_path
) -> None:
    """Issue 17.4: an import with the gazetteer stores each record's place id and admin-1, a
    reader with that gazetteer uses them (the same data set as placing again), and a row that
    changed since, or a placement another gazetteer made, is placed again."""
    from pandas.testing import assert_frame_equal

    from geo.events import load_dataset
    from geo.store import StoreRows, placement_key
    from geo.tables import State

    settings = Settings(data_dir=DATA, cache_dir=tmp_path / "cache")
    key = placement_key(gazetteer)
    store.import_dataset(DATA, gazetteer=gazetteer)
    with store.read() as s:
        kept = s.execute(sa.select(Event.placed_by, Event.placed_id, Event.placed_admin1)).all()
    assert {k for k, _, _ in kept} == {key} and any(i for _, i, _ in kept)
    assert any(a for _, _, a in kept)

    def loaded(placed_by: str | None):
        rows = StoreRows(store, DATA, placed_by=placed_by)
        return load_dataset(settings, gazetteer, source=rows)

    placed_again, from_store = loaded(None), loaded(key)
    for name in ("events", "states"):
        assert_frame_equal(getattr(from_store, name), getattr(placed_again, name))
    assert from_store.unplaced == placed_again.unplaced
    # a wrong stored placement is read as it is when its key matches (it is used) ...
    with store.write() as s:
        s.execute(sa.update(State.__table__).values(placed_admin1="KZ-XX", placed_by=key))
        s.execute(sa.update(Event.__table__).values(placed_admin1="KZ-XX", placed_by=key))
    assert set(loaded(key).events["admin1"]) >= {"KZ-XX"}
    # ... never under another gazetteer's key, nor once the row changed (any update)
    assert_frame_equal(loaded(key + "-other").events, placed_again.events)
    with store.write() as s:
        s.execute(sa.update(Event).values(count_note=Event.count_note))
        s.execute(sa.update(State).values(count_note=State.count_note))
    assert_frame_equal(loaded(key).events, placed_again.events)
    assert_frame_equal(loaded(key).states, placed_again.states)
    with store.read() as s:
        assert set(s.scalars(sa.select(Event.placed_by))) == {None}


def _in_a_new_process(settings: Settings, imports: str, loader: str, more: str) -> list:
    """What ``loader(settings, gazetteer)`` gives in a new Python process: [the number of
    events, ``more`` (Python expressions of ``ds``, each followed by ", "), whether
    SQLAlchemy was imported]."""
    import json
    import subprocess
    import sys

    code = (
        f"import json, sys; from pathlib import Path; {imports}; "
        "from geo.config import Settings; from geo.gazetteer import Gazetteer; "
        f"s = Settings(data_dir=Path({str(settings.data_dir)!r}), "
        f"cache_dir=Path({str(settings.cache_dir)!r})); "
        f"ds = {loader}(s, Gazetteer.load(Settings.from_env())); "
        f"print(json.dumps([len(ds.events), {more}'sqlalchemy' in sys.modules]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=PROJECT_ROOT)  # fmt: skip
    return json.loads(done.stdout)


def test_a_fresh_placed_data_set_is_read_without_opening_the_store(gazetteer, tmp_path) -> None:
    """Issue 17.4: export and snapshot read a fresh cache with sqlite3 alone (no SQLAlchemy
    import); a changed data folder or a new revision is never answered from the cache."""

    from pandas.testing import assert_frame_equal

    from geo._placed import read_placed
    from geo.store import load_store_dataset

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    settings = Settings(data_dir=folder, cache_dir=tmp_path / "cache")
    assert read_placed(settings, gazetteer) is None  # no store yet (and none is made)
    assert not list((tmp_path / "cache").glob("store-*"))
    first = load_store_dataset(settings, gazetteer)
    cached = read_placed(settings, gazetteer)
    assert cached is not None and cached.memo == {}
    for name in ("events", "states", "figures"):
        assert_frame_equal(getattr(cached, name), getattr(first, name))
    got = _in_a_new_process(settings, "from geo.cli import load_data", "load_data", "")
    assert got == [len(first.events), False]
    with (folder / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")  # the same records, but the folder changed: the store imports it
    assert read_placed(settings, gazetteer) is None
    load_store_dataset(settings, gazetteer)  # imported again: a new revision and its cache
    assert read_placed(settings, gazetteer) is not None
    assert read_placed(settings.with_(database_url=settings.store_url()), gazetteer) is None


def test_a_first_run_reads_the_store_with_sqlite3_alone(gazetteer, tmp_path) -> None:
    """Issue 17.4: with the store filled but no placed data set cached (a first command after
    the records changed), read_placed reads the store's rows with sqlite3 (no SQLAlchemy
    import), gives the data set geo.store gives, articles included, and caches it; a value
    edited into the store by hand is still refused naming the file, line and field."""

    from pandas.testing import assert_frame_equal

    from geo._placed import read_placed
    from geo.store import Store, bump_revision, load_store_dataset, placed_path

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    settings = Settings(data_dir=folder, cache_dir=tmp_path / "cache")
    want = load_store_dataset(settings, gazetteer)  # fills the store, caches the data set
    with Store.open(settings, fill=False) as store:
        cached = placed_path(settings, store, gazetteer, strict=True)
    assert cached is not None and cached.exists()
    cached.unlink()
    got = _in_a_new_process(
        settings, "from geo._placed import read_placed", "read_placed", "len(ds.articles), "
    )
    assert got == [len(want.events), len(want.articles), False]
    assert cached.exists()  # the first run cached what it read
    cached.unlink()
    got = read_placed(settings, gazetteer)
    assert got is not None and got.articles == want.articles and got.files == want.files
    for name in ("events", "states", "figures"):
        assert_frame_equal(getattr(got, name), getattr(want, name))
    assert got.unplaced == want.unplaced
    with Store.open(settings, fill=False) as store, store.write() as s:
        s.execute(sa.update(Event).where(Event.id == "E002").values(fatalities=-3))
        bump_revision(s)
    with pytest.raises(DataError, match=r"events\.csv, line 3, field 'fatalities'"):
        read_placed(settings, gazetteer)


def _filled_without_placed_cache(gazetteer, tmp_path: Path) -> tuple:  # noqa: ANN001
    """A store filled from a copy of data/, its placed cache removed (as after the records
    changed): (settings, the data set as geo.store loads it, the cache's path, the store's URL)."""
    from geo.store import Store, load_store_dataset, placed_path

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    settings = Settings(data_dir=folder, cache_dir=tmp_path / "cache")
    want = load_store_dataset(settings, gazetteer)
    with Store.open(settings, fill=False) as store:
        cached = placed_path(settings, store, gazetteer, strict=True)
        url = store.url
    assert cached is not None
    cached.unlink()
    return settings, want, cached, url


def test_a_placed_data_set_written_behind_is_the_one_read(gazetteer, tmp_path) -> None:
    """Issue 17.4: a command's first run writes the placed data set while it draws (a
    thread); what it writes is the data set as read, whatever the command changes meanwhile,
    and the next command reads it back the same (Arrow text, counts, points, articles)."""
    from pandas.testing import assert_frame_equal

    from geo._placed import finish_writes, read_placed

    settings, want, cached, _ = _filled_without_placed_cache(gazetteer, tmp_path)
    got = read_placed(settings, gazetteer, write_behind=True)
    assert got is not None
    got.events.loc[:, "description"] = "changed while the file was written"
    got.figures.loc[:, "value"] = -1
    finish_writes()
    assert cached.exists()
    again = read_placed(settings, gazetteer)
    assert again is not None and again.articles == want.articles and again.memo == {}
    for name in ("events", "states", "figures"):
        assert_frame_equal(getattr(again, name), getattr(want, name))
    cached.write_bytes(cached.read_bytes()[:-10])  # cut short: read again from the store
    assert_frame_equal(read_placed(settings, gazetteer).events, want.events)


def test_a_placing_error_from_the_store_names_the_csv_line(store) -> None:
    from fakes import FakeGazetteer

    from geo.events import load_dataset
    from geo.store import load_store_dataset

    store.import_dataset(DATA)
    with pytest.raises(DataError) as from_files:
        load_dataset(Settings(data_dir=DATA), FakeGazetteer())
    with pytest.raises(DataError) as from_store:
        load_store_dataset(Settings(data_dir=DATA), FakeGazetteer(), store=store)
    assert str(from_store.value) == str(from_files.value)
    assert "events.csv, line 5, field 'site_id'" in str(from_store.value)


def test_a_bad_typed_value_in_the_store_is_refused_with_its_line(store, gazetteer) -> None:
    """Counts, dates and coordinates are read from the store as typed columns (not text): a
    value no CSV row could hold is still refused, naming the file, line and field."""
    from geo.store import bump_revision, load_store_dataset

    store.import_dataset(DATA)  # E002, line 3 of events.csv, is a local event with lat/lon
    for column, value, field in (("fatalities", -3, "fatalities"), ("lat", 95.5, "lat")):
        with store.write() as s:
            s.execute(sa.update(Event).where(Event.id == "E002").values({column: value}))
            bump_revision(s)
        with pytest.raises(DataError, match=rf"events\.csv, line 3, field '{field}'"):
            load_store_dataset(Settings(data_dir=DATA), gazetteer, store=store)
        store.import_dataset(DATA)


def test_the_default_store_follows_its_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    settings = Settings(data_dir=folder, cache_dir=tmp_path / "cache")
    with Store.open(settings) as store:
        first = store.revision()
    events = folder / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("E002,", "E002b,", 1))
    with Store.open(settings) as store:
        assert store.revision() != first
        with store.read() as s:
            assert s.get(Event, "E002b") is not None and s.get(Event, "E002") is None
    team = settings.with_(database_url=settings.store_url())  # a named store does not follow
    events.write_text(events.read_text(encoding="utf-8").replace("E002b,", "E002c,", 1))
    with Store.open(team) as store, store.read() as s:
        assert s.get(Event, "E002c") is None


def test_an_unreachable_server_is_one_line_without_the_password(monkeypatch, capsys) -> None:
    import geo.cli

    monkeypatch.setenv("CRISISMAP_DATABASE_URL", "postgresql://ann:s3cret@127.0.0.1:1/crisis")
    assert geo.cli.main(["db", "export", "out"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot open the store" in err and "s3cret" not in err


def test_the_compiled_reader_reads_columns_as_the_sqlite3_cursor_does(tmp_path) -> None:
    """geo/_storeread.pyx gives each column the values sqlite3's fetchall gives (types too:
    int, float, str, bytes, None; a repeated text, ASCII or not), which types it holds, and
    whether a text may have spaces around it (never False when str.strip would change one)."""
    import sqlite3

    from geo._storeread import Reader

    from geo._placed import query_columns

    path = tmp_path / "t.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (a TEXT, b FLOAT, c INTEGER, d, e TEXT, f TEXT, g TEXT)")
    rows = [("Алматы", 1.5, 3, None, "a", "a b", "a"),
            ("Алматы", 2, None, b"\x00x", "a", "", "a"),
            ("x", None, 2**62, 1.0, "b", None, "\x1fb"),
            ("x", -0.0, -1, "1", "c", "é", "c"),
            ("", float("inf"), 0, 7, "\u3000c", "d", "c"),
            ("Алматы ", 1e-300, 5, "", "c", "e", "c")]  # fmt: skip
    conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    conn.commit()
    sql = "SELECT a, b, c, d, e, f, g FROM t ORDER BY rowid"
    want, none, unknown = query_columns(conn.cursor(), sql)
    reader = Reader(path)
    try:
        got, kinds, padded = query_columns(reader, sql)
        assert none is None and unknown is None and [list(c) for c in want] == got
        assert padded == [True, False, False, False, True, True, True]
        for w, g in zip(want, got, strict=True):
            assert [type(v) for v in w] == [type(v) for v in g]
        assert kinds == [set(map(type, c)) for c in want]
        assert query_columns(reader, "SELECT a FROM t WHERE 0") == ([[]], [set()], [False])
        with pytest.raises(sqlite3.OperationalError, match="no such table"):
            reader.columns("SELECT * FROM missing")
    finally:
        reader.close()
    with pytest.raises(sqlite3.OperationalError):
        Reader(tmp_path / "none.sqlite")  # never created
    assert not (tmp_path / "none.sqlite").exists()


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "pure-python"])
def test_a_first_run_reads_the_same_with_or_without_the_compiled_reader(
    gazetteer, tmp_path, monkeypatch, compiled
) -> None:
    """read_placed gives the same data set through geo/_storeread.pyx as through the sqlite3
    cursor (the fallback when the module is not built), and a bad value's message is the
    same; a reader that finds another revision than the checks read is not used."""
    import sys

    from pandas.testing import assert_frame_equal

    import geo._placed as placed
    from geo.store import Store, bump_revision

    if not compiled:
        monkeypatch.setitem(sys.modules, "geo._storeread", None)  # import fails: the fallback
    settings, want, _, url = _filled_without_placed_cache(gazetteer, tmp_path)
    got = placed.read_placed(settings, gazetteer)
    assert got is not None and got.articles == want.articles and got.unplaced == want.unplaced
    for name in ("events", "states", "figures"):
        assert_frame_equal(getattr(got, name), getattr(want, name))
    path = Path(url.removeprefix("sqlite:///"))
    assert placed._column_reader(path, "another revision") is None
    reader = placed._column_reader(path, _revision(path))
    assert (reader is not None) == compiled
    if reader is not None:
        reader.close()
    with Store.open(settings, fill=False) as store, store.write() as s:
        s.execute(sa.update(Event).where(Event.id == "E002").values(fatalities=-3))
        bump_revision(s)
    with pytest.raises(DataError, match=r"events\.csv, line 3, field 'fatalities'"):
        placed.read_placed(settings, gazetteer)


def test_the_compiled_reader_keeps_file_order_when_rows_are_stored_out_of_it(
    gazetteer, tmp_path, monkeypatch
) -> None:
    """The compiled reader scans a record table as stored and keeps that order only when
    the positions rise; rows stored out of file order are read in file order all the same
    (the data set the sqlite3 cursor's ordered query gives)."""
    import sys

    from pandas.testing import assert_frame_equal

    from geo._placed import read_placed
    from geo.store import Store, bump_revision, load_store_dataset

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    settings = Settings(data_dir=folder, cache_dir=tmp_path / "cache")
    want = load_store_dataset(settings, gazetteer)
    with Store.open(settings, fill=False) as store, store.write() as s:
        s.execute(sa.update(Event).values(position=-Event.position))  # file order reversed
        bump_revision(s)

    def first_run():
        for cached in (tmp_path / "cache").glob("placed-*"):
            cached.unlink()
        return read_placed(settings, gazetteer)

    compiled = first_run()
    monkeypatch.setitem(sys.modules, "geo._storeread", None)  # the sqlite3 cursor
    ordered = first_run()
    assert list(compiled.events["id"]) == list(reversed(want.events["id"]))
    for name in ("events", "states", "figures"):
        assert_frame_equal(getattr(compiled, name), getattr(ordered, name))


def _revision(path: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT value FROM store_meta WHERE key = 'revision'").fetchone()[0]
    finally:
        conn.close()


def test_a_prefetch_reads_the_rows_a_first_run_reads(gazetteer, tmp_path, monkeypatch) -> None:
    """The rows geo._storesql.prefetch fetches in a thread make the data set read_placed
    makes without them; they are not used at another revision, not fetched at all when a
    placed data set was cached since the store changed, nor for a shared store; closing a
    prefetch that still runs stops it."""
    import sqlite3

    import geo._storeread as storeread
    from pandas.testing import assert_frame_equal

    from geo._placed import read_placed
    from geo._storesql import prefetch, queries
    from geo.store import Store, bump_revision, load_store_dataset, placed_path

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    settings = Settings(data_dir=folder, cache_dir=tmp_path / "cache")
    want = load_store_dataset(settings, gazetteer)
    assert prefetch(settings.with_(database_url=settings.store_url())) is None
    with Store.open(settings, fill=False) as store:
        cached = placed_path(settings, store, gazetteer, strict=True)
    cached.unlink()
    used: list[str] = []
    columns = storeread.Prefetch.columns
    monkeypatch.setattr(storeread.Prefetch, "columns",
                        lambda self, sql: used.append(sql) or columns(self, sql))  # fmt: skip
    rows = prefetch(settings)
    assert rows is not None
    try:
        got = read_placed(settings, gazetteer, prefetched=rows)
    finally:
        rows.close()
    assert sorted(used) == sorted(queries())
    assert got is not None and got.articles == want.articles and got.unplaced == want.unplaced
    for name in ("events", "states", "figures"):
        assert_frame_equal(getattr(got, name), getattr(want, name))
    assert prefetch(settings) is None  # cached after the store last changed
    cached.unlink()
    rows = prefetch(settings)
    with Store.open(settings, fill=False) as store, store.write() as s:
        bump_revision(s)  # the records changed after the rows were fetched
    used.clear()
    try:
        assert read_placed(settings, gazetteer, prefetched=rows) is not None
    finally:
        rows.close()
    assert used == []
    stopped = prefetch(settings.with_(cache_dir=tmp_path / "cache"))
    stopped.close()
    stopped.close()  # closing twice is harmless
    reader = storeread.Reader(Path(settings.store_url().removeprefix("sqlite:///")))
    once = reader.fetch(queries()[0])
    once.columns()
    with pytest.raises(sqlite3.ProgrammingError, match="read already"):
        once.columns()
    reader.close()
