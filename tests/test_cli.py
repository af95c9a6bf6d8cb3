"""The command line contract: shapes of output, exit 2 with one line on bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from geo.cli import _place_fields, _write_geoparse_json, geoparse_json, geoparse_json_parts, main
from geo.config import PROJECT_ROOT
from geo.geoparse import Geoparser
from geo.schema import Mention


def run_cli(*args: str, stdin: str | None = None, env: dict[str, str] | None = None):
    """``python -m geo ARGS`` in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "geo", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=PROJECT_ROOT,
        env=env,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["export", "--layer", "riots", "--date", "2022-01-05"], "invalid choice: 'riots'"),
        (["export", "--layer", "clashes", "--date", "5 Jan 2022"], "not YYYY-MM-DD"),
        (["export", "--layer", "clashes", "--date", "2022-01-05", "--window", "0"], "at least 1"),
        (["export", "--layer", "clashes"], "required: --date"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["geoparse", "/nonexistent/file.txt"], "cannot be read"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(argv: list[str], needle: str, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        code = main(argv)
        raise SystemExit(code)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert needle in err
    assert len(err.strip().splitlines()) == 1, err


def test_every_command_has_help() -> None:
    for command in ("geoparse", "places", "export"):
        result = run_cli(command, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout


def test_geoparse_json_shape(gazetteer, tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("Protesters gathered in Alma-Ata on Wednesday.", encoding="utf-8")
    result = run_cli("geoparse", str(text), "-", "--format", "json", stdin="Uralsk and Aktobe.")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert [r["file"] for r in out] == [str(text), "-"]
    first = out[0]["mentions"][0]
    assert set(first) == {
        "text", "start", "end", "name", "kind", "lat", "lon", "country_code", "admin1",
        "confidence", "status",
    }  # fmt: skip
    assert (first["text"], first["start"], first["end"]) == ("Alma-Ata", 23, 31)
    assert first["name"] == "Almaty" and first["status"] == "resolved"
    assert first["admin1"] == "KZ-ALA"
    assert [m["name"] for m in out[1]["mentions"]] == ["Oral", "Aktobe"]


def test_geoparse_json_is_the_indented_json_of_its_results(gazetteer, settings) -> None:
    parser = Geoparser(gazetteer, settings)
    texts = ("Protests in Alma-Ata, Aktau and Paris, Texas; Russian troops.", "Алматы и Актобе.")
    odd = Mention('"Q"\\\n x', 3, 9, "not_found", None, 1 / 3)
    for found in (
        [],
        [("a.txt", [])],
        [("ä\\b.txt", parser.parse(texts[0])), ("-", [*parser.parse(texts[1]), odd])],
    ):
        results = [{"file": f, "mentions": [m.to_json() for m in ms]} for f, ms in found]
        assert geoparse_json(found) == json.dumps(results, ensure_ascii=False, indent=1)


def odd_results(parser: Geoparser) -> list[tuple[str, list[Mention]]]:
    """Results with what JSON escapes or writes otherwise: quotes, backslashes and control
    characters in texts and labels, no place, a place without admin-1 unit, a place whose
    point is integers, offsets that are not plain ints."""
    texts = ("Protests in Alma-Ata, Aktau and Paris, Texas; Russian troops.", "Алматы и Актобе.")
    first = parser.parse(texts[0])
    odd_place = replace(first[0].place, lat=43, lon=77, admin1="")  # type: ignore[arg-type]
    odd = [
        Mention('"Q"\\\n x\x01', 3, 9, "not_found", None, 1 / 3),
        Mention("Alma-Ata", 2**70, True, "resolved", odd_place, 0.9),
        Mention("Aktau", -5, 12.0, "resolved", replace(odd_place, admin1="KZ-MAN"), 0.9),  # type: ignore[arg-type]
        Mention("Aktau", 2**62, -(2**63), "resolved", None, 0.9),
        Mention("Aktau", 2**63 - 1, -(2**63) - 1, "resolved", None, 0.9),
    ]
    return [("ä\\b\t.txt", first), ("-", [*parser.parse(texts[1]), *odd]), ("e.txt", [])]


def test_compiled_json_writer_writes_what_the_python_one_does(gazetteer, settings) -> None:
    """geo/_mentionjson.pyx (built by make setup; a failure, not a skip, when it is not) writes
    the bytes of geoparse_json, which is json.dumps(..., indent=1) (tested above)."""
    from geo._mentionjson import mention_json_parts, place_fields

    parser = Geoparser(gazetteer, settings)
    for found in ([], [("a.txt", [])], odd_results(parser)):
        expected = geoparse_json(found)
        assert b"".join(mention_json_parts(found, _place_fields)).decode() == expected
    for _, mentions in odd_results(parser):
        for m in mentions:
            got = place_fields(m.place)
            assert got is None or got == _place_fields(m)


def test_geoparse_command_uses_the_compiled_twin_while_it_is_current(monkeypatch) -> None:
    """geo/_geoparse_compiled (geo/geoparse.py compiled by make setup; a failure, not a skip,
    when it is not built) is the command's parser while it carries geoparse.py's hash; with
    another hash (geoparse.py edited since the build) the command uses geoparse.py itself."""
    import geo.geoparse
    from geo import _geoparse_compiled
    from geo.cli import _geoparser_class

    assert _geoparser_class() is _geoparse_compiled.Geoparser
    monkeypatch.setattr(_geoparse_compiled, "SOURCE_SHA256", "0" * 64)
    assert _geoparser_class() is geo.geoparse.Geoparser


@pytest.mark.parametrize("evidence", [False, True])
def test_compiled_twin_finds_what_geoparse_py_does(gazetteer, settings, evidence) -> None:
    """The compiled twin of geoparse.py gives the same mentions, to the last bit, on the gold
    sentences and the bundled articles (with and without evidence, compiled core or not)."""
    from gold_geoparse import GOLD

    from geo import _geoparse_compiled

    texts = [text for text, _ in GOLD]
    texts += [p.read_text(encoding="utf-8") for p in sorted(PROJECT_ROOT.glob("data/articles/*"))]
    for compiled in (True, False):
        pure = Geoparser(gazetteer, settings, evidence=evidence, compiled=compiled)
        twin = _geoparse_compiled.Geoparser(
            gazetteer, settings, evidence=evidence, compiled=compiled
        )
        for text in (*texts, *texts):  # (the second time from the memos)
            assert twin.parse(text) == pure.parse(text)


def test_json_writers_read_their_results_as_they_come(gazetteer, settings) -> None:
    """The command hands the writers each file's mentions as they are found (an iterator),
    and lets them go once written: the same bytes, also when no place outlives its file (a
    place's fields are memoised by its id())."""
    from geo._mentionjson import mention_json_parts

    parser = Geoparser(gazetteer, settings)
    found = odd_results(parser)

    def fresh_places():  # each file's places are new objects, dropped once written
        for label, mentions in [*found, *found]:
            yield label, [m._replace(place=m.place and replace(m.place)) for m in mentions]

    for given in ([], found, [*found, *found]):
        expected = geoparse_json(list(given))
        assert geoparse_json(iter(given)) == expected
        assert b"".join(mention_json_parts(iter(given), _place_fields)).decode() == expected
    expected = geoparse_json([*found, *found])
    assert "".join(geoparse_json_parts(fresh_places())) == expected
    assert b"".join(mention_json_parts(fresh_places(), _place_fields)).decode() == expected


class _Stdout(io.TextIOWrapper):
    """A standard output that counts what is written through its text layer."""

    texts = 0

    def write(self, text: str) -> int:
        self.texts += 1
        return super().write(text)


def _written_by_geoparse_json(out: io.TextIOBase, found) -> None:
    sys_stdout, sys.stdout = sys.stdout, out
    try:
        _write_geoparse_json(found)
    finally:
        sys.stdout = sys_stdout


def test_geoparse_json_goes_to_the_byte_stream_only_when_it_is_utf8(gazetteer, settings) -> None:
    found = odd_results(Geoparser(gazetteer, settings))
    expected = geoparse_json(found) + "\n"
    for encoding in ("utf-8", "UTF8", "utf-16"):
        raw = io.BytesIO()
        out = _Stdout(raw, encoding=encoding, newline="")
        _written_by_geoparse_json(out, found)
        out.flush()
        assert raw.getvalue() == expected.encode(encoding)
        assert bool(out.texts) == (encoding == "utf-16")  # the text layer only when not UTF-8
    text_only = io.StringIO()  # no byte stream: the pure-Python writer
    _written_by_geoparse_json(text_only, found)
    assert text_only.getvalue() == expected


def test_geoparse_reads_article_bodies_and_table_format(gazetteer) -> None:
    articles = sorted((PROJECT_ROOT / "data" / "articles").glob("*.txt"))
    assert articles, "the bundled data set ships articles"
    result = run_cli("geoparse", str(articles[0]), "--format", "table")
    assert result.returncode == 0, result.stderr
    assert "mentions" in result.stdout and "resolved" in result.stdout


def test_geoparse_in_worker_processes_writes_the_bytes_of_one_process(
    gazetteer, tmp_path: Path
) -> None:
    """--workers 2 (the default for large inputs on a machine with two cores): the same
    output, byte for byte, in the order of the files, as one process; articles give their
    body, a file in another encoding is read with its one-line note."""
    articles = sorted((PROJECT_ROOT / "data" / "articles").glob("*.txt"))[:6]
    legacy = tmp_path / "cp1251.txt"
    legacy.write_bytes("Протесты в Актобе и Атырау, захвачен аэропорт Алматы.".encode("cp1251"))
    plain = tmp_path / "plain.txt"
    plain.write_text("Flights from Aktau to Moscow resumed. Clashes in Taraz.", encoding="utf-8")
    files = [str(p) for p in (*articles[:3], legacy, plain, *articles[3:], plain)]
    one = run_cli("geoparse", *files, "--workers", "1")
    two = run_cli("geoparse", *files, "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    assert [r["file"] for r in json.loads(two.stdout)] == files
    assert two.stderr.count("not UTF-8") == 1


def test_geoparse_in_workers_stops_on_bad_input_before_writing(tmp_path: Path) -> None:
    """A file that cannot be read stops the command with one line, as in one process, and
    nothing is written (every file is read before the output begins)."""
    good = tmp_path / "good.txt"
    good.write_text("Protests in Almaty.", encoding="utf-8")
    for missing in (tmp_path / "missing.txt", tmp_path / "nul.bin"):
        if missing.suffix == ".bin":
            missing.write_bytes(b"\xff\xfe\x00\x00garbage\x00\x01")
        result = run_cli("geoparse", str(good), str(missing), str(good), "--workers", "2")
        assert result.returncode == 2 and result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1 and str(missing) in result.stderr


def _dies(job: object) -> None:
    import os

    os._exit(1)  # as a worker killed by the system


def test_geoparse_worker_that_dies_is_one_line(gazetteer, tmp_path: Path, monkeypatch, capsys):
    """A worker process that ends abruptly (killed for memory, say) stops the command with a
    one-line error that suggests one process, not a traceback or a hang."""
    from geo import cli

    text = tmp_path / "a.txt"
    text.write_text("Protests in Almaty.", encoding="utf-8")
    sink = io.BytesIO()
    monkeypatch.setattr(cli, "_utf8_stdout", lambda: sink)
    monkeypatch.setattr(cli, "_geoparse_chunk", _dies)
    assert main(["geoparse", str(text), str(text), "--workers", "2"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "--workers 1" in err, err
    assert sink.getvalue() == b""


def test_geoparse_workers_by_default(tmp_path: Path, monkeypatch) -> None:
    """One process for small inputs and standard input; one per core (at most one per file)
    for inputs of _PARALLEL_FROM_BYTES; --workers decides when given. Runs of files of about
    equal size, in order."""
    import argparse

    from geo import cli

    small = tmp_path / "small.txt"
    small.write_text("Almaty.", encoding="utf-8")
    large = tmp_path / "large.txt"
    large.write_text("Almaty. " * (cli._PARALLEL_FROM_BYTES // 8 + 1), encoding="utf-8")
    monkeypatch.setattr(cli.os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    monkeypatch.setattr(cli, "_utf8_stdout", lambda: io.BytesIO())

    def workers(*files: Path | str, given: int | None = None) -> int:
        return cli._geoparse_workers(argparse.Namespace(files=list(map(str, files)), workers=given))

    assert workers(small) == 1
    assert workers(large) == 1  # one file: one process
    assert workers(large, small) == 2
    assert workers(large, "-") == 1
    assert workers(small, given=2) == 2
    monkeypatch.setattr(cli.os, "sched_getaffinity", lambda _: {0}, raising=False)
    assert workers(large, small) == 1
    monkeypatch.setattr(cli, "_utf8_stdout", lambda: None)  # the writer joins bytes
    assert workers(small, given=2) == 1
    files = [str(large), str(small), str(small), str(large), str(small)]
    chunks = cli._chunks(files, 4)
    assert [f for chunk in chunks for f in chunk] == files
    assert len(chunks) <= 4 and all(chunks)


def test_geoparse_workers_claim_their_own_stretch_then_help(monkeypatch) -> None:
    """Each worker parses its own stretch of the parts front to back (neighbouring files share
    names, and so the worker's memos), then takes parts from the back of the longest stretch
    left; every part is parsed once. An error empties every stretch, so the others stop."""
    import threading

    from geo import cli

    claimed: list[tuple[int, int]] = []
    worker = 0

    def parse(job: tuple) -> None:
        claimed.append((worker, int(Path(job[1]).stem)))
        if job[0] == ["bad"]:
            raise ValueError("bad input")

    parts = [[f"f{i}"] for i in range(7)]
    bounds = [0, 3, 3, 7]  # worker 0: parts 0-2; worker 1: parts 3-6
    monkeypatch.setattr(cli, "_geoparse_chunk", parse)
    monkeypatch.setattr(cli, "_WORKER_STATE", (None, parts, "/tmp", "strict", bounds,
                                               threading.Lock()))  # fmt: skip
    cli._geoparse_worker(0)  # (alone: worker 1 never started)
    assert claimed == [(0, 0), (0, 1), (0, 2), (0, 6), (0, 5), (0, 4), (0, 3)]
    claimed.clear()
    worker = 1
    cli._geoparse_worker(1)
    assert claimed == []

    parts[1] = ["bad"]
    bounds[:] = [0, 3, 3, 7]
    with pytest.raises(ValueError):
        cli._geoparse_worker(0)
    assert claimed == [(1, 0), (1, 1)] and bounds == [0, 0, 0, 0]


def test_places_lists_candidates(gazetteer) -> None:
    result = run_cli("places", "Alma-Ata", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["name"] == "Almaty"


def test_export_geojson_to_stdout_and_file(gazetteer, tmp_path: Path) -> None:
    result = run_cli("export", "--layer", "clashes", "--date", "2022-01-05")
    assert result.returncode == 0, result.stderr
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    assert collection["features"], "clashes in Almaty on 5 January"
    props = collection["features"][0]["properties"]
    for key in ("id", "layer", "name", "date", "fatalities", "actor", "sources"):
        assert key in props
    out = run_cli("export", "--layer", "all", "--date", "2022-01-08", "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    written = list(tmp_path.iterdir())
    assert [p.name for p in written] == ["crisismap-all-2022-01-08.geojson"]
    layers = {f["properties"]["layer"] for f in json.loads(written[0].read_text())["features"]}
    assert {"infrastructure", "troops"} <= layers


def test_export_of_an_area_holds_only_what_lies_in_it(gazetteer, tmp_path: Path) -> None:
    """--bbox and --place (issue 15): the dashboard's download of a zoomed map is this file."""
    whole = json.loads(run_cli("export", "--layer", "all", "--date", "2022-01-05").stdout)
    bbox = "76.7,43.1,77.2,43.4"  # Almaty
    result = run_cli("export", "--layer", "all", "--date", "2022-01-05", "--bbox", bbox)
    assert result.returncode == 0, result.stderr
    area = json.loads(result.stdout)
    assert area["metadata"]["bbox"] == [76.7, 43.1, 77.2, 43.4]
    coords = [f["geometry"]["coordinates"] for f in area["features"]]
    assert coords and all(76.7 <= x <= 77.2 and 43.1 <= y <= 43.4 for x, y in coords)
    assert 0 < len(coords) < len(whole["features"])
    places = run_cli("export", "--layer", "all", "--date", "2022-01-05", "--place", "Almaty")
    assert places.returncode == 0, places.stderr
    assert {f["id"] for f in area["features"]} <= {
        f["id"] for f in json.loads(places.stdout)["features"]
    }
    both = run_cli("export", "--layer", "all", "--date", "2022-01-05", "--bbox", bbox,
                   "--place", "Almaty")  # fmt: skip
    assert both.returncode == 2 and "not both" in both.stderr


def test_export_to_unwritable_path_exits_2_and_leaves_nothing(gazetteer, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "x.geojson"
    result = run_cli("export", "--layer", "clashes", "--date", "2022-01-05", "--out", str(target))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "missing-folder" in result.stderr
    assert not target.parent.exists()


# --- issue 18.5: messages, not tracebacks -----------------------------------------------------


@pytest.mark.parametrize("locale", ["C.UTF-8", "C"])
def test_invalid_utf8_on_stdin_is_one_line_whatever_the_locale(locale: str) -> None:
    import os

    env = {**os.environ, "LC_ALL": locale, "PYTHONUTF8": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "geo", "geoparse", "-"],
        input=b"Protests in Almaty \x00\xff\xfe.",
        capture_output=True,
        cwd=PROJECT_ROOT,
        env=env,
        timeout=300,
    )
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, err
    assert err.strip() == (
        "python -m geo geoparse: error: standard input: is neither UTF-8 text (invalid start "
        "byte at byte 20) nor Latin or Cyrillic text in another encoding"
    )


@pytest.mark.parametrize(
    ("text", "encoding", "named"),
    [
        ("В Алматы протестующие захватили аэропорт.", "cp1251", "cp1251"),
        ("Протесты в Актобе и Атырау, погибли 8 человек.", "koi8_r", "koi8_r"),
        ("Алматыда наразылар әуежайды басып алды.", "kz1048", "kz1048"),
        ("Almaty: the café near the akimat was closed.", "cp1252", "cp1252"),
        ("В Таразе и Шымкенте.", "utf-16", "utf_16"),
    ],
)
def test_articles_in_legacy_encodings_are_read_with_a_note(
    tmp_path: Path, capsys, text: str, encoding: str, named: str
) -> None:
    """Saved pages and archives of the Russian and Kazakh press come in Windows-1251, KOI8-R
    or KZ-1048, and Western text in Windows-1252: each is read (charset-normalizer, or for a
    short text which bytes come in whole words), and stderr names the encoding."""
    from geo.articles import read_input_text

    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    assert read_input_text(str(path)) == (str(path), text)
    assert capsys.readouterr().err == f"note: {path}: not UTF-8: read as {named}\n"


def test_places_limit_below_one_is_an_argument_error(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["places", "Almaty", "--limit", "0"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--limit: must be a whole number of at least 1, not '0'" in err
    assert len(err.strip().splitlines()) == 1


def test_input_files_read_as_text_mode_would(tmp_path: Path) -> None:
    """read_input_text decodes bytes itself (faster) and gives what Path.read_text gives:
    universal newlines, a BOM kept; a file that is not UTF-8 or cannot be read is one line."""
    from geo.articles import read_input_text
    from geo.errors import InputError

    path = tmp_path / "a.txt"
    for data in (b"Almaty\r\nAktau\rTaraz\n\r\n", "\ufeffAlmaty — Aktau\n".encode(), b""):
        path.write_bytes(data)
        assert read_input_text(str(path)) == (str(path), path.read_text(encoding="utf-8"))
    path.write_bytes(b"Almaty \xff\x00")
    with pytest.raises(InputError, match=r"a\.txt: is neither UTF-8 text \(.*\) nor Latin or"):
        read_input_text(str(path))
    with pytest.raises(InputError, match=r"cannot be read"):
        read_input_text(str(tmp_path / "missing.txt"))


def test_a_caller_in_the_same_process_gets_its_collector_back(gazetteer, tmp_path: Path) -> None:
    """export and snapshot run with the collector off (issue 17.4); main() called with an
    argument list, as here, turns it back on for the caller."""
    import gc

    from geo.cli import main

    assert gc.isenabled()
    argv = ["export", "--layer", "clashes", "--date", "2022-01-05", "--out", str(tmp_path)]
    assert main(argv) == 0
    assert gc.isenabled() and list(tmp_path.iterdir())
