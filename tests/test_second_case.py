"""A second case, not Kazakhstan: Georgia (Georgian script, ISO 3166-2 codes of two letters),
through boundaries import, load, map, export and snapshot; and a data set with no boundaries."""

from __future__ import annotations

import io
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from builders import write_data
from fakes import FakeGazetteer
from PIL import Image
from shapely.geometry import Point, box

from dashboard import map as cmap
from geo.boundaries import import_boundaries
from geo.cli import main
from geo.config import Settings
from geo.errors import InputError
from geo.events import load_dataset
from geo.export import to_feature_collection
from geo.gazetteer import admin1_boundaries
from geo.layers import data_extent, features_on
from geo.schema import Place
from geo.snapshot import render_snapshot, snapshot_frame

SRC = "Civil.ge <https://civil.ge/archives/1>"
PLACES = (
    Place("gn:611717", "Tbilisi", "city", 41.69411, 44.83368, "GE", "GE-TB", 1049498),
    Place("gn:613607", "Kutaisi", "city", 42.26791, 42.69459, "GE", "GE-IM", 147635),
    Place("gn:615532", "Batumi", "city", 41.64228, 41.63392, "GE", "GE-AJ", 152839),
    Place("admin1:GE-TB", "Tbilisi", "admin1", 41.72, 44.79, "GE", "GE-TB"),
)
# geoBoundaries-style columns (shapeISO, shapeName, shapeGroup), names in Georgian script
UNITS = gpd.GeoDataFrame(
    {
        "shapeISO": ["GE-TB", "GE-IM", "GE-AJ", "AM-ER"],
        "shapeName": ["თბილისი", "იმერეთი", "აჭარა", "Yerevan"],
        "shapeGroup": ["GEO", "GEO", "GEO", "ARM"],
    },
    geometry=[
        box(44.6, 41.6, 45.0, 41.9),
        box(42.3, 41.9, 43.4, 42.6),
        box(41.5, 41.4, 42.6, 41.9),
        box(44.3, 40.0, 44.7, 40.3),
    ],
    crs="EPSG:4326",
)
EVENTS = [
    dict(id="G1", date="2023-03-07", layer="protests", event_type="Protests",
         sub_event_type="Peaceful protest", place="Tbilisi", detained="66",
         actor1="მომიტინგეები (საქართველო)",
         description="აქცია პარლამენტთან <b>კანონპროექტის</b> წინააღმდეგ", sources=SRC),
    dict(id="G2", date="2023-03-08", layer="clashes", event_type="Riots",
         sub_event_type="Violent demonstration", place="Tbilisi", injured="50",
         actor1="Rioters (Georgia)", description="Police used water cannon.", sources=SRC),
    dict(id="G3", date="2023-03-08", layer="protests", event_type="Protests",
         place="Kutaisi", actor1="Protesters (Georgia)", description="A rally.", sources=SRC),
    dict(id="G4", date="2023-03-08", layer="protests", event_type="Protests",
         lat="41.64", lon="41.63", description="Rally on the seafront, Batumi.", sources=SRC),
]  # fmt: skip
STATES = [
    dict(id="GS1", layer="emergency", subject="Heightened police presence, Tbilisi",
         status="declared", valid_from="2023-03-07", valid_to="2023-03-10",
         site_id="admin1:GE-TB", sources=SRC),
]  # fmt: skip
FIGURES = [
    dict(id="GF1", date="2023-03-08", metric="detained", value="133", qualifier="exact",
         reported_by="Interior Ministry", sources=SRC),
]  # fmt: skip


class GeorgianGazetteer(FakeGazetteer):
    """The fake gazetteer with Georgian places, for an area of interest of GE."""

    area_of_interest = "GE"

    def __init__(self, units: gpd.GeoDataFrame | None = None) -> None:
        super().__init__(PLACES)
        self.units = units

    def admin1_at(self, lon: float, lat: float) -> str:
        if self.units is None:
            return ""
        hit = self.units[self.units.contains(Point(lon, lat))]
        return str(hit["iso3166_2"].iloc[0]) if len(hit) else ""


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The Georgian data folder, with boundaries brought by the CLI command."""
    folder = write_data(tmp_path / "data", events=EVENTS, states=STATES, figures=FIGURES)
    src = tmp_path / "geoboundaries.gpkg"
    UNITS.to_file(src, driver="GPKG")
    monkeypatch.setenv("CRISISMAP_DATA_DIR", str(folder))
    assert main(["boundaries", str(src), "--country", "GE"]) == 0
    return Settings(data_dir=folder, area_of_interest="GE", case_title="Georgia, March 2023")


def test_boundaries_command_brings_any_countrys_units(case: Settings) -> None:
    written = json.loads((case.data_dir / "admin1.geojson").read_text(encoding="utf-8"))
    props = sorted(
        (f["properties"]["iso3166_2"], f["properties"]["name"]) for f in written["features"]
    )
    assert props == [("GE-AJ", "აჭარა"), ("GE-IM", "იმერეთი"), ("GE-TB", "თბილისი")]
    frame = admin1_boundaries(case)
    assert list(frame.columns) == ["iso3166_2", "name", "geometry"] and len(frame) == 3


def test_boundaries_command_errors_name_the_file_and_field(tmp_path: Path) -> None:
    src = tmp_path / "units.geojson"
    UNITS.rename(columns={"shapeISO": "id"}).to_file(src, driver="GeoJSON")
    with pytest.raises(InputError, match="units.geojson: no column for the unit code"):
        import_boundaries(src, tmp_path / "out.geojson", country="GE")
    with pytest.raises(InputError, match="no unit of country 'FR'"):
        import_boundaries(src, tmp_path / "out.geojson", country="FR", code_field="id")
    with pytest.raises(InputError, match="no such file"):
        import_boundaries(tmp_path / "missing.shp", tmp_path / "out.geojson")
    assert not (tmp_path / "out.geojson").exists()


def test_natural_earth_is_fetched_only_when_asked(tmp_path: Path) -> None:
    """The download goes through a fetcher (a fake here: tests never touch the network)."""
    ne = UNITS.rename(columns={"shapeISO": "iso_3166_2", "shapeName": "name"})
    ne["iso_a2"] = ["GE", "GE", "GE", "AM"]
    payload = ne.to_json().encode("utf-8")
    out, n = import_boundaries(
        None, tmp_path / "admin1.geojson", country="ge", natural_earth=True, fetch=lambda: payload
    )
    assert n == 3 and out.exists()
    with pytest.raises(InputError, match="needs --country"):
        import_boundaries(None, tmp_path / "x.geojson", natural_earth=True, fetch=lambda: payload)


def test_second_case_load_map_export_snapshot(case: Settings) -> None:
    boundaries = admin1_boundaries(case)
    ds = load_dataset(case, GeorgianGazetteer(boundaries))
    assert len(ds.events) == 4 and len(ds.states) == 1
    # admin-1 codes of Georgia's scheme, from the gazetteer and from the polygons (lat/lon row)
    codes = dict(zip(ds.events["id"], ds.events["admin1"], strict=True))
    assert codes == {"G1": "GE-TB", "G2": "GE-TB", "G3": "GE-IM", "G4": "GE-AJ"}

    # map: fits Georgia, escapes the data, no Kazakhstan anywhere
    view = cmap.MapView.of("2023-03-08", mode="window", days=2)
    html = cmap.standalone_html(ds, view, boundaries)
    assert "კანონპროექტის" in html and "<b>კანონპროექტის</b>" not in html
    assert "Kazakhstan" not in html
    bounds = json.loads(html.split(".fitBounds(")[1].split(")")[0].split("]],", 1)[0] + "]]")
    assert 41 < bounds[0][0] < 42 and 41 < bounds[0][1] < 42.5

    # export: RFC 7946 features with Georgian admin-1 codes
    frame = features_on(ds, "protests", "2023-03-08", window=2)
    collection = to_feature_collection([frame])
    assert {f["properties"]["admin1"] for f in collection["features"]} == {
        "GE-TB", "GE-IM", "GE-AJ",
    }  # fmt: skip

    # snapshot: Georgia's extent, symbols drawn, the case's title
    png = render_snapshot(
        ds, boundaries, day="2023-03-08", window=2, size=(800, 450), cities=PLACES[:3],
        case=case.case_title,
    )  # fmt: skip
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    assert pixels.shape == (450, 800, 3) and len(np.unique(pixels.reshape(-1, 3), axis=0)) > 50
    lon0, lat0, lon1, lat1 = snapshot_frame(boundaries, (800, 450)).extent
    assert lon0 < 41.6 and lon1 > 45.0 and lat0 < 41.4 and lat1 > 42.6 and lon1 < 50


def test_a_data_set_without_boundaries_is_points_only(case: Settings) -> None:
    (case.data_dir / "admin1.geojson").unlink()
    boundaries = admin1_boundaries(case)
    assert len(boundaries) == 0
    ds = load_dataset(case, GeorgianGazetteer())
    extent = data_extent(ds)
    assert extent is not None and 40.5 < extent[0] < 41.5 and 45 < extent[2] < 46
    # the map fits the data, the snapshot too
    html = cmap.base_map(boundaries, extent=extent).get_root().render()
    fitted = json.loads(html.split(".fitBounds(")[1].split(")")[0].split("]],", 1)[0] + "]]")
    assert fitted == [[extent[1], extent[0]], [extent[3], extent[2]]]
    png = render_snapshot(ds, boundaries, day="2023-03-08", size=(800, 450), cities=())
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    frame = snapshot_frame(boundaries, (800, 450), extent=extent)
    assert frame.extent[0] <= extent[0] and frame.extent[2] >= extent[2]


def test_a_snapshot_with_nothing_to_draw_fails_clearly(tmp_path: Path) -> None:
    folder = write_data(tmp_path / "data", events=[], states=[], figures=FIGURES)
    settings = Settings(data_dir=folder, area_of_interest="GE")
    ds = load_dataset(settings, GeorgianGazetteer())
    with pytest.raises(InputError, match="nothing to draw: the data set has no admin-1 boundaries"):
        render_snapshot(ds, admin1_boundaries(settings), day="2023-03-08", cities=())


def test_snapshot_labels_the_area_of_interests_cities(gazetteer) -> None:  # noqa: ANN001
    """Kazakhstan keeps its January-2022 names; another country gets its largest cities."""
    from geo.snapshot import major_cities

    georgian = major_cities(gazetteer, "GE", limit=5)
    assert georgian[0].name == "Tbilisi" and {p.country_code for p in georgian} == {"GE"}
    assert major_cities(gazetteer, "KZ")[0].name == "Nur-Sultan"
