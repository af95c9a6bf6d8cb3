"""The hostile-input corpus (issue 18): each bad input and the one-line error it must give.

Each row is (name, command line, what is broken, expected error). The command runs as a user
runs it (``geo.cli.main``) on the tiny data set of tests/builders.py with one thing broken; the
test wants exit status 2 and exactly one line on stderr, ``python -m geo CMD: error: ...``,
that contains the expected text. Commands run in the test's folder, where ``{data}`` is the
data folder as errors name it and ``{tmp}`` the folder itself. No output file appears.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from builders import EVENTS, FIGURES, SRC, STATES

import geo.cli
from geo.cli import main
from geo.config import PROJECT_ROOT
from geo.schema import EVENT_COLUMNS, FIGURE_COLUMNS, STATE_COLUMNS

DAY = "2022-01-05"
real_load_gazetteer = geo.cli.load_gazetteer  # conftest's cli_data_dir fakes it
EXPORT = ["export", "--layer", "all", "--date", DAY, "--out", "{tmp}/out.geojson"]
ARTICLE = "title: T\ndate: 2022-01-05\npublisher: TASS\nurl: https://tass.com/1\n---\nBody.\n"


def _csv(columns: tuple[str, ...], rows: list[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    return out.getvalue()


def events(**change: object) -> str:
    """events.csv with the first row changed."""
    return _csv(EVENT_COLUMNS, [{**EVENTS[0], **change}, *EVENTS[1:]])


def states(**change: object) -> str:
    return _csv(STATE_COLUMNS, [{**STATES[0], **change}, *STATES[1:]])


def figures(**change: object) -> str:
    return _csv(FIGURE_COLUMNS, [{**FIGURES[0], **change}, *FIGURES[1:]])


def acled(**change: str) -> str:
    from test_acled import ROWS

    from geo.acled import ACLED_COLUMNS

    return _csv(ACLED_COLUMNS, [{**ROWS[0], **change}])


@dataclass(frozen=True)
class Case:
    """A command line, the files it finds (content, or None to make a folder), and the error."""

    name: str
    argv: list[str]
    expected: str
    files: dict[str, str | bytes | None] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    stdin: bytes | None = None
    real_gazetteer: bool = False


CORPUS: list[Case] = [
    # --- command line ------------------------------------------------------------------------
    Case("unknown command", ["frobnicate"], "invalid choice: 'frobnicate'"),
    Case("unknown layer", ["export", "--layer", "riots", "--date", DAY], "invalid choice: 'riots'"),
    Case("date in words", [*EXPORT[:3], "--date", "5 Jan 2022"], "date '5 Jan 2022' is not YYYY-MM-DD"),
    Case("impossible date", [*EXPORT[:3], "--date", "2022-02-30"], "date '2022-02-30' is not YYYY-MM-DD"),
    Case("window 0", [*EXPORT, "--window", "0"], "window must be at least 1 day, not 0"),
    Case("window text", [*EXPORT, "--window", "x"], "argument --window: invalid int value: 'x'"),
    Case("unknown format", [*EXPORT, "--format", "xlsx"], "unknown format 'xlsx'; choose one of geojson, gpkg, acled-csv"),
    Case("states as ACLED", ["export", "--layer", "troops", "--date", DAY, "--format", "acled-csv"], "layer troops holds states over an interval, which the acled-csv format cannot carry"),
    Case("out in a missing folder", [*EXPORT[:-1], "/nonexistent/x.geojson"], "cannot write /nonexistent/x.geojson: folder /nonexistent does not exist"),
    Case("places limit 0", ["places", "Almaty", "--limit", "0"], "argument --limit: must be a whole number of at least 1, not '0'"),
    Case("places unknown kind", ["places", "Almaty", "--kind", "volcano"], "argument --kind: invalid choice: 'volcano'"),
    Case("geoparse missing file", ["geoparse", "/nonexistent/file.txt"], "/nonexistent/file.txt: cannot be read (No such file or directory)"),
    Case("geoparse a folder", ["geoparse", "{data}/sub"], "{data}/sub: cannot be read (Is a directory)", files={"sub": None}),
    Case("geoparse a binary file", ["geoparse", "{data}/x.bin"], "{data}/x.bin: is neither UTF-8 text (invalid start byte at byte 128) nor Latin or Cyrillic text in another encoding", files={"x.bin": bytes(range(256)) * 4}),
    Case("geoparse stdin not text", ["geoparse", "-"], "standard input: is neither UTF-8 text (invalid start byte at byte 0) nor Latin or Cyrillic text in another encoding", stdin=b"\xff\xfe\x00\xd8 x"),
    Case("geoparse article without date", ["geoparse", "{data}/a.txt"], "{data}/a.txt, line 2, field 'date': 'soon' is not YYYY-MM-DD", files={"a.txt": ARTICLE.replace("2022-01-05", "soon")}),
    Case("snapshot size in words", ["snapshot", "--date", DAY, "--size", "big"], "WIDTHxHEIGHT"),
    Case("snapshot no layers", ["snapshot", "--date", DAY, "--layers", ","], "--layers is empty"),
    Case("snapshot unknown layer", ["snapshot", "--date", DAY, "--layers", "riots"], "unknown layer 'riots'"),
    Case("storyboard no dates", ["storyboard", "--dates", ","], "--dates is empty; give dates like 2022-01-02,2022-01-05"),
    Case("import a missing file", ["import-acled", "/nonexistent/acled.csv"], "/nonexistent/acled.csv: cannot be read (No such file or directory)"),
    Case("import without columns", ["import-acled", "{data}/acled.csv"], "{data}/acled.csv, line 1, field 'event_id_cnty': column is missing from the header", files={"acled.csv": "a,b\n1,2\n"}),
    # a bad row is skipped and reported (issue 14); a file that is no CSV at all stops the command
    Case("import a workbook", ["import-acled", "{data}/acled.csv"], "{data}/acled.csv: is an Excel workbook, not CSV", files={"acled.csv": "PK\x03\x04 a zip"}),
    # --- settings ----------------------------------------------------------------------------
    Case("boolean setting", EXPORT, "environment variable CRISISMAP_ONLINE_GEOCODER='maybe' is not a valid bool", env={"CRISISMAP_ONLINE_GEOCODER": "maybe"}),
    Case("integer setting", EXPORT, "environment variable CRISISMAP_WORLD_MIN_POPULATION='many' is not a valid int", env={"CRISISMAP_WORLD_MIN_POPULATION": "many"}),
    Case("size limit setting", EXPORT, "environment variable CRISISMAP_MAX_DATA_MB='lots' is not a valid float", env={"CRISISMAP_MAX_DATA_MB": "lots"}),
    Case("cache folder in /proc", ["places", "Almaty"], "cannot write the cache folder /proc/x/crisismap-test (No such file or directory); point CRISISMAP_CACHE_DIR at a folder that can be written", env={"CRISISMAP_CACHE_DIR": "/proc/x/crisismap-test"}, real_gazetteer=True),
    Case("unreadable facilities", ["places", "Almaty"], "{data}/facilities.csv: cannot be read (Is a directory)", files={"facilities.csv": None}, real_gazetteer=True),
    Case("missing ACLED file", EXPORT, "/nonexistent/a.csv: cannot be read (No such file or directory)", env={"CRISISMAP_ACLED_FILES": "/nonexistent/a.csv"}),
    # a bad ACLED row is listed under the records not on the map (issue 14); a missing file stops
    Case("ACLED file missing", EXPORT, "{data}/nope.csv: cannot be read (No such file or directory)", env={"CRISISMAP_ACLED_FILES": "{data}/nope.csv"}),
    Case("file over the size limit", EXPORT, "{data}/events.csv: is 0.0 MB, over the 0.0 MB limit (setting max_data_mb); split it by period or region, or raise the limit", env={"CRISISMAP_MAX_DATA_MB": "0.00001"}),
    # --- events.csv --------------------------------------------------------------------------
    Case("month 13", EXPORT, "{data}/events.csv, line 2, field 'date': '2022-13-01' is not a date YYYY-MM-DD", files={"events.csv": events(date="2022-13-01")}),
    Case("no date", EXPORT, "{data}/events.csv, line 2, field 'date': is empty but required", files={"events.csv": events(date="")}),
    Case("unknown layer cell", EXPORT, "{data}/events.csv, line 2, field 'layer': 'riots' is not one of protests, clashes, other", files={"events.csv": events(layer="riots")}),
    Case("markdown in a layer cell", EXPORT, "{data}/events.csv, line 2, field 'layer': '![x](http://evil.example/p.png)' is not one of", files={"events.csv": events(layer="![x](http://evil.example/p.png)")}),
    Case("deaths in words", EXPORT, "{data}/events.csv, line 2, field 'fatalities': 'many' is not a whole number", files={"events.csv": events(fatalities="many")}),
    Case("negative deaths", EXPORT, "{data}/events.csv, line 2, field 'fatalities': -3 is negative", files={"events.csv": events(fatalities="-3")}),
    Case("decimal detained", EXPORT, "{data}/events.csv, line 2, field 'detained': '2.5' is not a whole number", files={"events.csv": events(detained="2.5")}),
    Case("latitude 91", EXPORT, "{data}/events.csv, line 2, field 'lat': 91.0 is out of range [-90.0, 90.0]", files={"events.csv": events(lat="91", lon="70")}),
    Case("latitude NaN", EXPORT, "{data}/events.csv, line 2, field 'lat': nan is out of range [-90.0, 90.0]", files={"events.csv": events(lat="nan", lon="70")}),
    Case("longitude in words", EXPORT, "{data}/events.csv, line 2, field 'lon': 'east' is not a number", files={"events.csv": events(lat="43", lon="east")}),
    Case("latitude alone", EXPORT, "{data}/events.csv, line 2, field 'lon': lat and lon go together", files={"events.csv": events(lat="43")}),
    Case("source without URL", EXPORT, "{data}/events.csv, line 2, field 'sources': source 'TASS' is not 'Publisher <https://...>'", files={"events.csv": events(sources="TASS")}),
    Case("source with javascript:", EXPORT, "{data}/events.csv, line 2, field 'sources': source 'X <javascript:alert(1)>' is not 'Publisher <https://...>'", files={"events.csv": events(sources="X <javascript:alert(1)>")}),
    Case("no source", EXPORT, "{data}/events.csv, line 2, field 'sources': is empty but required", files={"events.csv": events(sources="")}),
    Case("no id", EXPORT, "{data}/events.csv, line 2, field 'id': is empty but required", files={"events.csv": events(id="")}),
    Case("same id twice", EXPORT, "{data}/events.csv, line 3, field 'id': id 'E2' is already used at {data}/events.csv, line 2", files={"events.csv": events(id="E2")}),
    Case("unknown certainty", EXPORT, "{data}/events.csv, line 2, field 'certainty': 'maybe' is not one of", files={"events.csv": events(certainty="maybe")}),
    Case("unknown scope", EXPORT, "{data}/events.csv, line 2, field 'scope': 'planet' is not one of", files={"events.csv": events(scope="planet")}),
    Case("precision 4", EXPORT, "{data}/events.csv, line 2, field 'geo_precision': '4' is not 1, 2 or 3", files={"events.csv": events(geo_precision="4")}),
    Case("unknown site", EXPORT, "{data}/events.csv, line 2, field 'site_id': 'site:nowhere' is not in the gazetteer", files={"events.csv": events(site_id="site:nowhere")}),
    Case("unknown place", EXPORT, "{data}/events.csv, line 2, field 'place': place 'Atlantis' is not in the gazetteer and the row has no lat/lon", files={"events.csv": events(place="Atlantis")}),
    Case("NUL byte", EXPORT, "{data}/events.csv, line 2, field 'description': holds a NUL byte", files={"events.csv": events(description="a\0b")}),
    Case("unclosed quote", EXPORT, "{data}/events.csv, line 2, field 'actor1': opens a quote that is not closed", files={"events.csv": events().replace(",Rioters", ',"Rioters', 1)}),
    Case("more cells than header", EXPORT, "{data}/events.csv, line 2: has more cells than the header", files={"events.csv": events().replace("\n", ",extra\n", 2).replace(",extra", "", 1)}),
    Case("missing column", EXPORT, "{data}/events.csv, line 1, field 'layer': column is missing from the header", files={"events.csv": events().replace(",layer,", ",kind,", 1)}),
    Case("not UTF-8", EXPORT, "{data}/events.csv: is not UTF-8 (invalid continuation byte)", files={"events.csv": events(description="café").encode("latin-1")}),
    Case("events.csv a folder", EXPORT, "{data}/events.csv: cannot be read (Is a directory)", files={"events.csv": None}),
    Case("binary file", EXPORT, "{data}/events.csv: is not UTF-8", files={"events.csv": bytes(range(256)) * 4}),
    # --- states.csv, figures.csv, articles, boundaries ----------------------------------------
    Case("state ends before it starts", EXPORT, "{data}/states.csv, line 2, field 'valid_to': 2022-01-01 is before valid_from 2022-01-05", files={"states.csv": states(valid_to="2022-01-01")}),
    Case("status of another layer", EXPORT, "{data}/states.csv, line 2, field 'status': 'deployed' is not one of", files={"states.csv": states(status="deployed")}),
    Case("two states at once", EXPORT, "{data}/states.csv, line 5, field 'valid_from': airport:ALA already has state S1 in force on 2022-01-06", files={"states.csv": _csv(STATE_COLUMNS, [*STATES, {**STATES[0], "id": "S9", "valid_from": "2022-01-06", "valid_to": "2022-01-07", "status": "closed"}])}),
    Case("state without subject", EXPORT, "{data}/states.csv, line 2, field 'subject': is empty but required", files={"states.csv": states(subject="")}),
    Case("unknown metric", EXPORT, "{data}/figures.csv, line 2, field 'metric': 'rumours' is not one of", files={"figures.csv": figures(metric="rumours")}),
    Case("figure in words", EXPORT, "{data}/figures.csv, line 2, field 'value': 'lots' is not a whole number", files={"figures.csv": figures(value="lots")}),
    Case("unknown qualifier", EXPORT, "{data}/figures.csv, line 2, field 'qualifier': 'roughly' is not one of", files={"figures.csv": figures(qualifier="roughly")}),
    Case("article without ---", EXPORT, "{data}/articles/a.txt: has no '---' line between header and body", files={"articles/a.txt": ARTICLE.split("---")[0]}),
    Case("article with an ftp URL", EXPORT, "{data}/articles/a.txt, line 4, field 'url': 'ftp://x' is not an http(s) URL", files={"articles/a.txt": ARTICLE.replace("https://tass.com/1", "ftp://x")}),
    Case("article citing nothing", EXPORT, "{data}/articles/a.txt, field 'records': cites record 'E99', which no data file holds", files={"articles/a.txt": ARTICLE.replace("---", "records: E99\n---")}),
    Case("article not UTF-8", EXPORT, "{data}/articles/a.txt: is not UTF-8 (invalid continuation byte)", files={"articles/a.txt": ARTICLE.replace("Body", "Café").encode("latin-1")}),
    Case("damaged boundaries", [*EXPORT, "--areas"], "{data}/kz_admin1.geojson: cannot read boundaries", files={"kz_admin1.geojson": "{not json"}),
]  # fmt: skip


def _fill(text: str, data: Path, tmp: Path) -> str:
    return text.replace("{data}", str(data.relative_to(tmp))).replace("{tmp}", str(tmp))


def _write(path: Path, content: str | bytes | None) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content.startswith("ACLED:"):
        key, _, value = content.removeprefix("ACLED:").partition("=")
        path.write_text(acled(**{key: value}), encoding="utf-8")
    else:
        path.write_text(content, encoding="utf-8")


def test_the_corpus_is_one_of_a_kind() -> None:
    names = [c.name for c in CORPUS]
    assert len(names) == len(set(names)) and len(CORPUS) >= 60
    assert SRC  # the builders' rows are the base every case breaks one thing of


@pytest.mark.parametrize("case", CORPUS, ids=[c.name for c in CORPUS])
def test_hostile_input_gives_its_one_line_error(
    case: Case, cli_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    data = cli_data_dir
    monkeypatch.chdir(tmp_path)  # errors name files relative to here: {data} is "data"
    if case.real_gazetteer:
        monkeypatch.setattr(geo.cli, "load_gazetteer", real_load_gazetteer)
        data = tmp_path / "real"
        shutil.copytree(PROJECT_ROOT / "data", data)
        monkeypatch.setenv("CRISISMAP_DATA_DIR", "real")
    for name, content in case.files.items():
        _write(data / name, content)
    for key, value in case.env.items():
        monkeypatch.setenv(key, _fill(value, data, tmp_path))
    if case.stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(case.stdin)))
    argv = [_fill(a, data, tmp_path) for a in case.argv]
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    command = argv[0] if argv[0] in geo.cli.COMMANDS else ""
    assert re.match(rf"python -m geo( {command})?: error: ", lines[0]), lines[0]
    assert _fill(case.expected, data, tmp_path) in lines[0]
    assert "Traceback" not in err
    assert not (tmp_path / "out.geojson").exists()
