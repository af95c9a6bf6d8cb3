"""The one CSV reader: rows of a UTF-8 CSV with their line numbers, and typed cell getters.

Every data file (events, states, figures, facilities, place names, ACLED exports) is read here,
so each bad input gets the same one-line ``DataError`` naming file, line and field. The
``Publisher <URL> ; ...`` sources cell format lives here too: every record cites its sources.

CSV we write goes through ``csv_writer``, which neutralises formulas the way OWASP recommends
("CSV Injection"): a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
gets a leading ``'``, so a spreadsheet shows it as text instead of running it. Numbers are left
alone (-12.5 stays a number). ``read_rows`` takes the ``'`` off again, so files we write read
back exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from geo.errors import DataError
from geo.schema import Source

if TYPE_CHECKING:
    import pandas as pd

_SOURCE_RE = re.compile(r"^(?P<publisher>[^<>]+?)\s*<(?P<url>https?://[^\s<>]+)>$")


def parse_sources(cell: str) -> tuple[Source, ...]:
    """``Publisher <URL> ; Publisher <URL>`` -> Sources; raises ValueError on a malformed one."""
    out = []
    for part in cell.split(" ; "):
        part = part.strip()
        if not part:
            continue
        m = _SOURCE_RE.match(part)
        if not m:
            msg = f"source {part!r} is not 'Publisher <https://...>'"
            raise ValueError(msg)
        out.append(Source(m["publisher"].strip(), m["url"]))
    if not out:
        msg = "every record needs at least one source 'Publisher <https://...>'"
        raise ValueError(msg)
    return tuple(out)


def format_sources(sources: Iterable[Source]) -> str:
    """The inverse of ``parse_sources``."""
    return " ; ".join(f"{s.publisher} <{s.url}>" for s in sources)


_FORMULA_RE = re.compile(r"'*[=+\-@\t\r]")
_NUMBER_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(cell: object) -> object:
    """A text cell a spreadsheet would run as a formula, with a leading ``'``; else as it is.

    Cells already starting with ``'`` before such a character get one more, so that
    ``unneutralise`` is its exact inverse.
    """
    if isinstance(cell, str) and _FORMULA_RE.match(cell) and not _NUMBER_RE.fullmatch(cell):
        return "'" + cell
    return cell


def unneutralise(cell: str) -> str:
    """The inverse of ``spreadsheet_safe`` for a text cell read back."""
    if cell.startswith("'") and _FORMULA_RE.match(cell, 1) and not _NUMBER_RE.fullmatch(cell, 1):
        return cell[1:]
    return cell


class _SafeWriter:
    """csv.writer whose text cells pass through ``spreadsheet_safe``."""

    def __init__(self, handle: IO[str]) -> None:
        self._writer = csv.writer(handle, lineterminator="\n")

    def writerow(self, cells: Iterable[object]) -> None:
        self._writer.writerow([spreadsheet_safe(c) for c in cells])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for cells in rows:
            self.writerow(cells)


def csv_writer(handle: IO[str]) -> _SafeWriter:
    """The CSV writer for every file we export: ``\n`` line ends, formulas neutralised."""
    return _SafeWriter(handle)


class Row:
    """Typed access to one CSV row; every getter raises DataError naming file, line, field."""

    def __init__(self, file: str, line: int, cells: dict[str, str]) -> None:
        self.file, self.line, self.cells = file, line, cells

    def fail(self, field_name: str | None, problem: str) -> DataError:
        return DataError(self.file, self.line, field_name, problem)

    def text(self, name: str, *, required: bool = False) -> str:
        value = (self.cells.get(name) or "").strip()
        if required and not value:
            raise self.fail(name, "is empty but required")
        return value

    def choice(self, name: str, allowed: Iterable[str], *, default: str | None = None) -> str:
        value = self.text(name, required=default is None) or (default or "")
        allowed = tuple(allowed)
        if value not in allowed:
            raise self.fail(name, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def date(self, name: str, *, required: bool = True) -> pd.Timestamp | None:
        import pandas as pd  # here: the geoparser's start-up reads CSVs without dates

        value = self.text(name, required=required)
        if not value:
            return None
        try:
            return pd.Timestamp(dt.date.fromisoformat(value))
        except ValueError:
            raise self.fail(name, f"{value!r} is not a date YYYY-MM-DD") from None

    def count(self, name: str) -> int | None:
        value = self.text(name).replace(",", "")
        if not value:
            return None
        if not re.fullmatch(r"-?\d+", value):
            raise self.fail(name, f"{self.cells[name]!r} is not a whole number")
        n = int(value)
        if n < 0:
            raise self.fail(name, f"{n} is negative")
        return n

    def precision(self, name: str) -> int | None:
        value = self.text(name)
        if not value:
            return None
        if value not in {"1", "2", "3"}:
            raise self.fail(name, f"{value!r} is not 1, 2 or 3")
        return int(value)

    def coord(self, name: str, limit: float) -> float | None:
        value = self.text(name)
        if not value:
            return None
        try:
            x = float(value)
        except ValueError:
            raise self.fail(name, f"{value!r} is not a number") from None
        if not -limit <= x <= limit or x != x:
            raise self.fail(name, f"{x} is out of range [-{limit}, {limit}]")
        return x

    def sources(self, name: str = "sources") -> str:
        value = self.text(name, required=True)
        try:
            return format_sources(parse_sources(value))
        except ValueError as exc:
            raise self.fail(name, str(exc)) from None


def check_size(path: Path, max_bytes: int | None, *, label: str, setting: str = "") -> None:
    """Refuse a file larger than ``max_bytes`` (None: no limit) before reading any of it."""
    if max_bytes is None:
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DataError(label, None, None, f"cannot be read ({exc.strerror})") from None
    if size > max_bytes:
        mb, limit = size / 1e6, max_bytes / 1e6
        where = f" (setting {setting})" if setting else ""
        problem = (
            f"is {mb:,.1f} MB, over the {limit:,.1f} MB limit{where}; split it by period or "
            "region, or raise the limit"
        )
        raise DataError(label, None, None, problem)


def read_rows(
    path: Path,
    columns: Iterable[str],
    *,
    label: str | None = None,
    hint: str = "",
    max_bytes: int | None = None,
) -> Iterator[Row]:
    """Rows of a UTF-8 CSV whose header holds ``columns`` (extra columns are allowed).

    A byte-order mark and spaces around header names (spreadsheet exports) are accepted;
    ``hint`` is added to the message for a missing column. Blank rows are skipped. A NUL byte,
    a quote that is never closed and a file over ``max_bytes`` are errors.
    """
    label = label or str(path)
    check_size(path, max_bytes, label=label, setting="max_data_mb")
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise DataError(label, None, None, f"cannot be read ({exc.strerror})") from None
    header: list[str] = []
    line = 1
    with handle:
        try:
            # strict: a quote left open is an error, not a cell that swallows the next rows
            reader = csv.DictReader(handle, strict=True)
            header = [h.strip() for h in reader.fieldnames or []]
            reader.fieldnames = header
            missing = [c for c in columns if c not in header]
            if missing:
                problem = "column is missing from the header" + (f" ({hint})" if hint else "")
                raise DataError(label, 1, missing[0], problem)
            for cells in reader:
                row = Row(label, line + 1, cells)
                line = reader.line_num
                if None in cells:
                    raise row.fail(None, "has more cells than the header")
                for name, value in cells.items():
                    if not value:
                        continue
                    if "\0" in value:
                        raise row.fail(name, "holds a NUL byte (a binary or damaged file?)")
                    if value[0] == "'":
                        cells[name] = unneutralise(value)
                if not any((v or "").strip() for v in cells.values()):
                    continue
                yield row
        except UnicodeDecodeError as exc:
            raise DataError(label, None, None, f"is not UTF-8 ({exc.reason})") from None
        except OSError as exc:
            raise DataError(label, None, None, f"cannot be read ({exc.strerror})") from None
        except csv.Error as exc:
            start = line + 1
            field_name = _bad_quote_field(path, start, header)
            if field_name is None:
                raise DataError(label, start, None, f"is not valid CSV ({exc})") from None
            problem = (
                "opens a quote that is not closed where the cell ends (a quote inside a "
                'cell is written twice: "")'
            )
            raise DataError(label, start, field_name, problem) from None


def _bad_quote_field(path: Path, start: int, header: list[str]) -> str | None:
    """The column whose quoting breaks the record that starts on line ``start``, if found."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            text = "".join(line for n, line in enumerate(handle, 1) if n >= start)
    except OSError:
        return None
    index = _bad_quote_index(text)
    if index is None or index >= len(header):
        return None
    return header[index]


def _bad_quote_index(text: str) -> int | None:
    """Index of the first field of ``text``'s first record with a quote that is never closed
    or is followed by more text; None when the record's quoting is fine."""
    field, i, n, at_start = 0, 0, len(text), True
    while i < n:
        c = text[i]
        if at_start and c == '"':
            j = i + 1
            while True:
                k = text.find('"', j)
                if k < 0:
                    return field  # never closed
                if text.startswith('""', k):
                    j = k + 2
                    continue
                break
            if k + 1 < n and text[k + 1] not in ",\r\n":
                return field  # closed, then more text: the quote was not meant to close here
            i, at_start = k + 1, False
            continue
        if c == ",":
            field, at_start = field + 1, True
        elif c in "\r\n":
            return None
        else:
            at_start = False
        i += 1
    return None
