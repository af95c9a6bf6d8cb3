"""The one CSV reader and writer: clear errors for broken files, formulas neutralised."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from builders import EVENTS, write_data
from fakes import FakeGazetteer

from geo.config import Settings
from geo.csvrows import csv_writer, read_rows, spreadsheet_safe, unneutralise
from geo.errors import DataError
from geo.events import load_dataset, load_events

HYPERLINK = '=HYPERLINK("http://evil.example","x")'


def events_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "events.csv"
    path.write_text(text, encoding="utf-8")
    return path


# --- formulas (issue 18.2) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+1+1", "'+1+1"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),  # already quoted by someone: one more, so reading back is exact
        ("-12.5", "-12.5"),  # a number stays a number
        ("+7", "+7"),
        ("1e-3", "1e-3"),
        ("Protesters (Kazakhstan)", "Protesters (Kazakhstan)"),
        ("a = b", "a = b"),
        (-3, -3),
    ],
)
def test_cells_a_spreadsheet_would_run_get_a_quote(cell: object, written: object) -> None:
    assert spreadsheet_safe(cell) == written
    if isinstance(cell, str):
        assert unneutralise(written) == cell


def test_written_csv_reads_back_exactly(tmp_path: Path) -> None:
    cells = [HYPERLINK, "'=1", "-12.5", "@x", "plain"]
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow([f"c{i}" for i in range(len(cells))])
    writer.writerow(cells)
    assert out.getvalue().splitlines()[1].startswith("\"'=HYPERLINK(")
    path = tmp_path / "x.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    (row,) = read_rows(path, ["c0"])
    assert [row.cells[f"c{i}"] for i in range(len(cells))] == cells


# --- broken files (issue 18.6) ---------------------------------------------------------------


def test_a_nul_byte_is_refused_with_its_line_and_field(tmp_path: Path) -> None:
    write_data(tmp_path, events=[EVENTS[0], {**EVENTS[1], "actor1": "Pro\0testers"}])
    with pytest.raises(DataError, match=r"events.csv, line 3, field 'actor1': holds a NUL"):
        load_events(tmp_path / "events.csv", FakeGazetteer())


@pytest.mark.parametrize("last", [False, True])
def test_an_unclosed_quote_names_its_own_field(tmp_path: Path, last: bool) -> None:
    """The quote opened in 'description' swallowed the next rows; the error named 'sources'."""
    write_data(tmp_path)
    path = tmp_path / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    n = len(lines) - 1 if last else 2  # 0-based: line n + 1 of the file
    lines[n] = lines[n].replace(",Residents", ',"Residents').replace(",Unclassified", ',"Uncl')
    assert '"Residents' in lines[n] or '"Uncl' in lines[n]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_events(path, FakeGazetteer())
    assert str(info.value).startswith(f"{path}, line {n + 1}, field 'description': opens a quote")


def test_a_quoted_cell_over_several_lines_is_still_fine(tmp_path: Path) -> None:
    write_data(tmp_path, events=[{**EVENTS[0], "description": 'Line one,\n"two", three'}])
    frame, _ = load_events(tmp_path / "events.csv", FakeGazetteer())
    assert frame.description.iloc[0] == 'Line one,\n"two", three'


# --- size (issue 18.7) -----------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    write_data(tmp_path)
    rows = pd.read_csv(tmp_path / "events.csv", dtype=str, keep_default_na=False)
    big = pd.concat([rows] * 400, ignore_index=True)
    big["id"] = [f"E{i}" for i in range(len(big))]
    big.to_csv(tmp_path / "events.csv", index=False)
    size_mb = (tmp_path / "events.csv").stat().st_size / 1e6
    assert size_mb > 0.1
    settings = Settings(data_dir=tmp_path)
    with pytest.raises(DataError) as info:
        load_dataset(settings.with_(max_data_mb=0.1), FakeGazetteer())
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'events.csv'}: is {size_mb:,.1f} MB, over the 0.1 MB")
    assert "setting max_data_mb" in message and "\n" not in message
    assert len(load_dataset(settings.with_(max_data_mb=0), FakeGazetteer()).events) == len(big)


def test_the_size_limit_setting_comes_from_the_environment() -> None:
    assert Settings().max_data_bytes == 50_000_000
    assert Settings.from_env({"CRISISMAP_MAX_DATA_MB": "0"}).max_data_bytes is None
