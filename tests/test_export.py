"""Exports: every file read back and compared; RFC 7946 rules; atomic writes; CLI errors."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from builders import dataset
from shapely.geometry import Point, Polygon

from geo import export
from geo.cli import main
from geo.errors import ExportError
from geo.layers import FEATURE_COLUMNS, features_on
from geo.schema import LAYERS

DAY = "2022-01-06"


def frames_of(folder: Path, day: str = DAY, window: int = 2) -> dict[str, gpd.GeoDataFrame]:
    ds = dataset(folder)
    return {lay: features_on(ds, lay, day, window=window) for lay in LAYERS}


def ring_area(coords: list[list[float]]) -> float:
    """Signed area (shoelace): positive when the ring runs counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(coords)) / 2


# --- GeoJSON ---------------------------------------------------------------------------------


def test_geojson_all_layers_reads_back_and_follows_rfc7946(
    cli_data_dir: Path, tmp_path: Path
) -> None:
    assert (
        main(["export", "--layer", "all", "--date", DAY, "--window", "2", "--out", str(tmp_path)])
        == 0
    )
    path = tmp_path / f"crisismap-all-{DAY}.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    expected = pd.concat(frames_of(cli_data_dir).values())
    assert [f["id"] for f in doc["features"]] == list(expected["id"])
    assert len({f["id"] for f in doc["features"]}) == len(doc["features"])  # stable, unique ids
    types: dict[str, set[str]] = {}
    for feature, (_, row) in zip(doc["features"], expected.iterrows(), strict=True):
        lon, lat = feature["geometry"]["coordinates"]
        assert (lon, lat) == (round(row.geometry.x, 6), round(row.geometry.y, 6))  # lon first
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert list(feature["properties"]) == list(FEATURE_COLUMNS)
        for key, value in feature["properties"].items():
            types.setdefault(key, set()).add(type(value).__name__)
    for key, seen in types.items():  # one JSON type per property (plus null)
        assert len(seen - {"NoneType"}) <= 1, (key, seen)
    assert types["fatalities"] <= {"int", "NoneType"} and types["date"] <= {"str", "NoneType"}
    back = gpd.read_file(path)
    assert back.crs.to_epsg() == 4326
    assert list(back["id"]) == list(expected["id"])
    assert back.geometry.geom_equals_exact(expected.geometry.reset_index(drop=True), 1e-6).all()


def test_geojson_text_is_stable(tmp_path: Path) -> None:
    frames = frames_of(tmp_path / "data")
    one = export.geojson_text(export.to_feature_collection(frames.values()))
    two = export.geojson_text(export.to_feature_collection(frames_of(tmp_path / "data2").values()))
    assert one == two


def test_polygons_are_wound_counter_clockwise_with_clockwise_holes() -> None:
    clockwise = Polygon(
        [(50, 43), (50, 44), (52, 44), (52, 43)],
        holes=[[(50.5, 43.2), (51.5, 43.2), (51.5, 43.8), (50.5, 43.8)]],  # counter-clockwise hole
    )
    assert clockwise.exterior.is_ccw is False
    frame = gpd.GeoDataFrame(
        {"id": ["S3"], "layer": ["emergency"], "admin1": ["KZ-MAN"]},
        geometry=[Point(51, 43.5)],
        crs="EPSG:4326",
    )
    bounds = gpd.GeoDataFrame(
        {"iso3166_2": ["KZ-MAN"], "name": ["Mangystau Region"]},
        geometry=[clockwise],
        crs="EPSG:4326",
    )
    areas = export.with_admin1_areas(frame, bounds)
    geometry = export.to_feature_collection([areas])["features"][0]["geometry"]
    assert geometry["type"] == "Polygon"
    outer, hole = geometry["coordinates"]
    assert ring_area(outer) > 0 and ring_area(hole) < 0


def test_emergency_areas_from_real_boundaries(cli_data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "emergency.geojson"
    argv = ["export", "--layer", "emergency", "--date", DAY, "--areas", "--out", str(out)]
    assert main(argv) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    (feature,) = doc["features"]
    assert feature["id"] == "S3" and feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    polygons = feature["geometry"]["coordinates"]
    polygons = [polygons] if feature["geometry"]["type"] == "Polygon" else polygons
    for rings in polygons:
        assert ring_area(rings[0]) > 0
        assert all(ring_area(r) < 0 for r in rings[1:])
        assert all(46 < x < 88 and 40 < y < 56 for x, y in rings[0])  # lon, lat of Kazakhstan


def test_coordinates_out_of_range_are_refused() -> None:
    frame = gpd.GeoDataFrame({"id": ["X"]}, geometry=[Point(500000, 4800000)], crs=None)
    with pytest.raises(ExportError, match="not lon/lat"):
        export.to_feature_collection([frame])


# --- GeoPackage ------------------------------------------------------------------------------


def test_geopackage_has_one_table_per_layer_and_reads_back(tmp_path: Path) -> None:
    frames = frames_of(tmp_path / "data")
    path = export.write_geopackage(tmp_path / "out.gpkg", frames)
    listed = {name: kind for name, kind in pyogrio.list_layers(path)}
    assert set(listed) == set(LAYERS)
    for layer, frame in frames.items():
        back = gpd.read_file(path, layer=layer)
        assert back.crs.to_epsg() == 4326
        assert list(back["id"]) == list(frame["id"]), layer
        if not len(frame):
            continue
        assert back.geometry.geom_equals_exact(frame.geometry.reset_index(drop=True), 1e-9).all()
        for col in ("fatalities", "injured", "detained", "troops", "geo_precision"):
            want = [None if pd.isna(v) else int(v) for v in frame[col]]
            got = [None if pd.isna(v) else int(v) for v in back[col]]
            assert got == want, (layer, col)
        for col in ("date", "valid_from", "valid_to"):
            want = [None if pd.isna(v) else pd.Timestamp(v).date() for v in frame[col]]
            got = [None if pd.isna(v) else pd.Timestamp(v).date() for v in back[col]]
            assert got == want, (layer, col)
        for col in ("name", "status", "actor", "description", "sources", "certainty", "admin1"):
            assert list(back[col].fillna("")) == list(frame[col].fillna("").astype(str)), col
    assert len(gpd.read_file(path, layer="other")) == 1


def test_gpkg_cli_default_name_in_current_folder(
    cli_data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["export", "--layer", "all", "--date", DAY, "--format", "gpkg"]) == 0
    assert [p.name for p in work.iterdir()] == [f"crisismap-all-{DAY}.gpkg"]
    assert {name for name, _ in pyogrio.list_layers(work / f"crisismap-all-{DAY}.gpkg")} == set(
        LAYERS
    )


# --- atomic writes ---------------------------------------------------------------------------


def test_a_geopackage_writer_failing_midway_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    frames = frames_of(tmp_path / "data")
    real = pyogrio.write_dataframe
    calls = []

    def failing(df, path, **kwargs):  # noqa: ANN001, ANN003
        calls.append(kwargs["layer"])
        if len(calls) == 3:
            msg = "disk full"
            raise OSError(28, msg)
        return real(df, path, **kwargs)

    monkeypatch.setattr(pyogrio, "write_dataframe", failing)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportError, match="cannot write"):
        export.write_geopackage(out / "x.gpkg", frames)
    assert len(calls) == 3 and list(out.iterdir()) == []


def test_a_failing_writer_keeps_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "layer.geojson"
    target.write_text("old", encoding="utf-8")

    def half_then_fail(handle) -> None:  # noqa: ANN001
        handle.write(b'{"type": "FeatureCollection", "feat')
        msg = "no space left"
        raise OSError(28, msg)

    with pytest.raises(ExportError, match="layer.geojson"):
        export.write_atomic(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["layer.geojson"]


def test_a_crash_in_a_writer_also_cleans_up(tmp_path: Path) -> None:
    def crash(handle) -> None:  # noqa: ANN001
        handle.write(b"partial")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export.write_atomic(tmp_path / "x.csv", crash)
    assert list(tmp_path.iterdir()) == []


# --- CLI errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["export", "--layer", "riots", "--date", DAY], "invalid choice: 'riots'"),
        (["export", "--layer", "clashes", "--date", "2022-1-6x"], "not YYYY-MM-DD"),
        (["export", "--layer", "all", "--date", DAY, "--format", "shp"], "unknown format 'shp'"),
        (
            [
                "export",
                "--layer",
                "all",
                "--date",
                DAY,
                "--format",
                "gpkg",
                "--out",
                "/nonexistent/dir/x.gpkg",
            ],
            "folder /nonexistent/dir does not exist",
        ),
        (
            ["export", "--layer", "clashes", "--date", DAY, "--out", "/proc/version/x.geojson"],
            "cannot write",
        ),
        (
            ["export", "--layer", "emergency", "--date", DAY, "--format", "acled-csv"],
            "states over an interval",
        ),
    ],
)
def test_bad_export_arguments_exit_2_with_one_line(
    argv: list[str], needle: str, cli_data_dir: Path, capsys
) -> None:
    with pytest.raises(SystemExit) as info:
        raise SystemExit(main(argv))
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert needle in err and len(err.strip().splitlines()) == 1, err


def test_written_files_get_normal_permissions(tmp_path: Path) -> None:
    path = export.write_atomic(tmp_path / "x.geojson", "{}")
    assert path.stat().st_mode & 0o644 == 0o644  # not mkstemp's 0600


# --- formulas in spreadsheets (issue 18.2) ----------------------------------------------------

HYPERLINK = '=HYPERLINK("http://evil.example","x")'


def test_acled_csv_export_neutralises_formulas(cli_data_dir: Path, tmp_path: Path) -> None:
    from builders import EVENTS, write_data

    hostile = {**EVENTS[0], "description": HYPERLINK, "actor1": "@SUM(A1)"}
    write_data(cli_data_dir, events=[hostile, *EVENTS[1:]])
    argv = ["export", "--layer", "all", "--date", "2022-01-05", "--format", "acled-csv"]
    argv += ["--out", str(tmp_path)]
    assert main(argv) == 0
    table = pd.read_csv(tmp_path / "crisismap-all-2022-01-05.acled.csv", dtype=str)
    row = table[table.event_id_cnty == "E1"].iloc[0]
    assert row.notes == "'" + HYPERLINK and row.actor1 == "'@SUM(A1)"
    starts = {str(v)[0] for v in table.drop(columns=["longitude", "latitude"]).stack()}
    assert not starts & set("=+@"), starts


def test_import_acled_output_neutralises_formulas_and_reads_back(tmp_path: Path) -> None:
    from fakes import FakeGazetteer
    from test_acled import ROWS, acled_file

    from geo.events import load_events

    path = acled_file(tmp_path / "acled.csv", [{**ROWS[0], "notes": HYPERLINK}, *ROWS[1:]])
    out = tmp_path / "events.csv"
    assert main(["import-acled", str(path), "--out", str(out)]) == 0
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert table.description.iloc[0].startswith("'" + HYPERLINK)
    frame, _ = load_events(out, FakeGazetteer())
    assert frame.description.iloc[0].startswith(HYPERLINK)  # our reader takes the ' off


def test_the_dashboard_table_csv_neutralises_formulas_and_is_the_only_download() -> None:
    import tomllib

    from dashboard.map import table_csv
    from geo.config import PROJECT_ROOT

    table = pd.DataFrame({"description": [HYPERLINK, "calm"], "fatalities": [-1, pd.NA]})
    text = table_csv(table)
    assert text.splitlines()[1] == '"\'=HYPERLINK(""http://evil.example"",""x"")",-1'
    assert text.splitlines()[2] == "calm,"
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["client"]["disableDataExport"] is True  # st.dataframe's own CSV is raw


def _dead_pid() -> int:
    """A process id no process has right now."""
    import os

    pid = 999_999
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


def test_leftovers_of_a_killed_export_are_cleaned_up_by_the_next(tmp_path: Path) -> None:
    """kill -9 during an export left hidden .part files and folders that stayed for ever."""
    import os

    out = tmp_path / "day.geojson"
    dead, alive = _dead_pid(), os.getpid()
    dead_file = tmp_path / f".day.geojson.{dead}.abcd1234.part"
    dead_dir = tmp_path / f".day.geojson.{dead}.k2j4_x9z"
    live_file = tmp_path / f".day.geojson.{alive}.zzzz9999.part"  # a writer still at work
    mine = tmp_path / f".day.geojson.{dead}.notes"  # not a name our writers make
    dead_file.write_text("half", encoding="utf-8")
    dead_dir.mkdir()
    (dead_dir / "day.geojson").write_text("half", encoding="utf-8")
    live_file.write_text("half", encoding="utf-8")
    mine.write_text("keep", encoding="utf-8")
    export.write_atomic(out, "{}")
    assert not dead_file.exists() and not dead_dir.exists()
    assert live_file.exists() and mine.exists()
    dead_dir.mkdir()  # the GeoPackage/PNG writer sweeps too
    export.write_path_atomic(out, lambda p: p.write_text("{}", encoding="utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["day.geojson", live_file.name, mine.name]
    )


def test_the_payload_data_set_exports_without_a_live_formula(tmp_path: Path) -> None:
    import io

    from fakes import FakeGazetteer
    from payloads import PAYLOADS, write_payload_dataset

    from geo.acled import acled_csv_text
    from geo.config import Settings
    from geo.events import load_dataset

    ds = load_dataset(Settings(data_dir=write_payload_dataset(tmp_path / "data")), FakeGazetteer())
    layers = ("protests", "clashes", "other")
    frames = [features_on(ds, lay, "2022-01-09", window=10) for lay in layers]
    table = pd.read_csv(io.StringIO(acled_csv_text(frames, events=ds.events)), dtype=str)
    assert len(table) == len(PAYLOADS) + 1
    cells = table.drop(columns=["latitude", "longitude"]).fillna("").stack()
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "-", "\t", "\r")]
    collection = json.loads(export.geojson_text(export.to_feature_collection(frames)))
    descriptions = {f["properties"]["description"] for f in collection["features"]}
    assert descriptions >= {text for _, text in PAYLOADS}  # kept as written
    meta = {"layers": list(layers), "note": '<b>\u2028 "x"'}
    text = export.geojson_text(export.to_feature_collection(frames, metadata=meta))
    assert export.feature_collection_text(frames, metadata=meta) == text  # the command's writer


def test_the_column_writer_escapes_and_types_values_as_json_does() -> None:
    """feature_collection_text writes by whole columns in Arrow: text that json.dumps escapes
    (quotes, backslashes, every control character), text columns holding NA or other types,
    counts as floats or objects, dates with NaT: all as the dict writer writes them."""
    n = 40
    awkward = ['say "no"', "back\\slash", "tab\there", "line\nbreak", "\x00\x1f\x7f",
               "\u2028 Алматы 中", "", " spaced "] + [chr(c) for c in range(32)]  # fmt: skip
    frame = gpd.GeoDataFrame(
        {
            "id": [f"E{i}" for i in range(n)],
            "description": pd.array(awkward[:n], dtype="str").astype("str"),
            "name": pd.array([None, *awkward[1:n]], dtype="str"),
            "actor": [1, "x", None, 2.5, *awkward[4:n]],  # object column of mixed types
            "fatalities": pd.array([None, 3, *range(n - 2)], dtype="Int64"),
            "injured": [1.0, float("nan"), *[float(i) for i in range(n - 2)]],
            "detained": [None, 4, *range(n - 2)],
            "date": pd.to_datetime([None, "2022-01-05", *["2022-01-06"] * (n - 2)]),
            "valid_to": [None, "2022-01-05", *[None] * (n - 2)],
        },
        geometry=[Point(76.9 + i / 7, 43.2) for i in range(n)],
        crs=4326,
    )
    for frames in ([frame], [frame.iloc[:0], frame, frame.iloc[3:5]]):
        want = export.geojson_text(export.to_feature_collection(frames, metadata={"b": '"'}))
        assert export.feature_collection_text(frames, metadata={"b": '"'}) == want
        assert export.feature_collection_bytes(frames, metadata={"b": '"'}) == want.encode()


def test_the_command_writes_the_same_text_as_the_feature_collection(tmp_path: Path) -> None:
    """feature_collection_text (by column, what `export` writes) is geojson_text of the dicts,
    byte for byte: points, polygons, missing values, no features, out-of-range coordinates."""
    frames = frames_of(tmp_path / "data")
    for group in (list(frames.values()), [], [frames["emergency"].iloc[:0]]):
        want = export.geojson_text(export.to_feature_collection(group, metadata={"a": 1}))
        assert export.feature_collection_text(group, metadata={"a": 1}) == want
    bounds = gpd.GeoDataFrame(
        {"iso3166_2": ["KZ-MAN"]}, geometry=[Polygon([(50, 43), (50, 44), (52, 44)])], crs=4326
    )
    areas = export.with_admin1_areas(frames["emergency"].assign(admin1="KZ-MAN"), bounds)
    want = export.geojson_text(export.to_feature_collection([areas]))
    assert export.feature_collection_text([areas]) == want
    far = gpd.GeoDataFrame({"id": ["X"]}, geometry=[Point(500000, 4800000)], crs=None)
    with pytest.raises(ExportError, match="not lon/lat"):
        export.feature_collection_text([far])


def test_coordinates_are_rounded_by_arrays_exactly_as_round_does() -> None:
    """geo.export._rounded (numpy, for 100k points at once) gives round(v, 6) to the bit,
    halves and their neighbours included."""
    import numpy as np

    from geo.export import _rounded

    rng = np.random.default_rng(7)
    halves = (np.arange(-180_000_000, 180_000_001, 9973) + 0.5) / 1e6
    values = np.concatenate([
        rng.uniform(-180, 180, 20_000), np.round(rng.uniform(-90, 90, 5_000), 7), halves,
        np.nextafter(halves, 0), np.nextafter(halves, 200),
        [0.0, -0.0, 1e-9, -1e-9, 5e-7, -5e-7, 2.5e-6, 180.0, -180.0, 43.2500005],
    ])  # fmt: skip
    got = [repr(v) for v in _rounded(values).tolist()]
    assert got == [repr(round(v, 6)) for v in values.tolist()]
