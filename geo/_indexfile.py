"""The gazetteer's on-disk index: one file, memory-mapped, read lazily.

A process opens it in about a millisecond and materialises only what it touches: the senses of
the names it looks up and the rows of the places it meets (unpickling the whole 170,000-place
index took each process 0.25 s and 200 MB). Layout, after a short magic line:

- a 16-byte table position and length, then sections in any order;
- ``header``: a pickle of the small parts (key, area of interest, generic nouns, IATA codes, ...)
  and the table of sections (name -> (offset, length));
- ``names`` (a marisa-trie of the normalised names), ``name_offsets`` and ``name_values``
  (int32: the candidate codes of trie key id k are values[offsets[k]:offsets[k + 1]]);
- ``prefixes`` (a marisa-trie of every proper word-prefix of a multi-word name);
- ``ids`` (a marisa-trie of place ids) and ``id_rows`` (int32: key id -> row number);
- ``rows`` and ``row_offsets`` (int64: row i is rows[offsets[i]:offsets[i + 1]]): a row is a
  56-byte head (its point as two float64, its population as int64, int32 indexes into the
  header's ``tables`` of its kind, country, admin-1 unit, city and source, and the sizes of
  its id, name and aliases), then those three in UTF-8 (padded to 8 bytes). One pickle per
  row cost ~10,000 instructions to read; geo/_rows.pyx reads a row in C (built by make
  setup), else Python does (the same tuples: tested);
- ``all_rows`` (one pickle of the whole list, for the few callers that scan every place:
  faster than 170,000 rows read one by one).

Sections start at multiples of 8 bytes (rows and offsets are read as C arrays).

The file is private to this machine's cache (native byte order) and rebuilt whenever its key
changes (geo.gazetteer.index_key, which includes marisa-trie's version).
"""

from __future__ import annotations

import mmap
import pickle
import struct
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import marisa_trie

try:  # the compiled row reader (geo/_rows.pyx), when `make setup` has built it
    from geo._rows import NameCodes as _CompiledNameCodes
    from geo._rows import RowReader as _RowReader
except ImportError:  # not built: _PythonRows and _PythonNameCodes, the same rows and codes
    _RowReader = _CompiledNameCodes = None

MAGIC = b"crisismap gazetteer index 2\n"
_TABLE = struct.Struct("<QQ")  # offset and length of the header
_UNSEEN = object()
# A row: id, name, kind, lat, lon, country, admin-1, population, city, aliases, source.
ROW_TYPES = (str, str, str, float, float, str, str, int, str, str, str)
_TEXT_FIELDS = (0, 1, 9)  # stored as UTF-8 text, one blob per field
_CODED_FIELDS = (2, 5, 6, 8, 10)  # few distinct values: an index into a table per field
# A row's head: lat, lon, population, the five codes, the sizes of its three texts (56 bytes).
_RECORD = struct.Struct("=ddq8i")
_INT64 = (-(2**63), 2**63 - 1)


def write_index(
    handle: IO[bytes],
    *,
    header: dict[str, Any],
    names: Mapping[str, tuple[int, ...]],
    prefixes: Iterable[str],
    rows: Sequence[tuple[Any, ...]],
) -> None:
    """Write the index (see the module's docstring); rows[i] is place i's row (ROW_TYPES);
    a ValueError names the first row that does not fit."""
    sections: dict[str, bytes] = {}
    trie = marisa_trie.Trie(names)
    offsets, values = array("i", [0]), array("i")
    for key_id in range(len(trie)):
        values.extend(names[trie.restore_key(key_id)])
        offsets.append(len(values))
    sections["names"] = trie.tobytes()
    sections["name_offsets"] = offsets.tobytes()
    sections["name_values"] = values.tobytes()
    sections["prefixes"] = marisa_trie.Trie(prefixes).tobytes()
    ids = marisa_trie.Trie([row[0] for row in rows])
    id_rows = array("i", [0]) * len(ids)
    for i, row in enumerate(rows):
        id_rows[ids[row[0]]] = i
    sections["ids"] = ids.tobytes()
    sections["id_rows"] = id_rows.tobytes()
    tables = _write_rows(sections, rows)
    sections["all_rows"] = pickle.dumps(list(rows), protocol=5)

    table: dict[str, tuple[int, int]] = {}
    position = len(MAGIC) + _TABLE.size
    layout = []
    for name, data in sections.items():
        pad = -position % 8
        table[name] = (position + pad, len(data))
        layout.append((pad, data))
        position += pad + len(data)
    head = pickle.dumps(
        {**header, "sections": table, "n_rows": len(rows), "tables": tables}, protocol=5
    )
    handle.write(MAGIC + _TABLE.pack(position, len(head)))
    for pad, data in layout:
        handle.write(b"\0" * pad + data)
    handle.write(head)


def _write_rows(sections: dict[str, bytes], rows: Sequence[tuple[Any, ...]]) -> list[list[str]]:
    """The rows' sections (see the module's docstring); returns the tables of the coded
    fields."""
    out = bytearray()
    at = array("q", [0])
    tables: list[dict[str, int]] = [{} for _ in _CODED_FIELDS]
    for i, row in enumerate(rows):
        if len(row) != len(ROW_TYPES) or any(
            type(v) is not t for v, t in zip(row, ROW_TYPES, strict=False)
        ):
            msg = f"index row {i} is not {[t.__name__ for t in ROW_TYPES]}: {row!r}"
            raise ValueError(msg)
        if not _INT64[0] <= row[7] <= _INT64[1]:
            msg = f"index row {i}: population {row[7]} does not fit 64 bits"
            raise ValueError(msg)
        codes = [
            table.setdefault(row[k], len(table))
            for k, table in zip(_CODED_FIELDS, tables, strict=True)
        ]
        texts = [row[k].encode("utf-8", "surrogatepass") for k in _TEXT_FIELDS]
        out += _RECORD.pack(row[3], row[4], row[7], *codes, *map(len, texts))
        out += b"".join(texts)
        out += b"\0" * (-len(out) % 8)
        at.append(len(out))
    sections["rows"], sections["row_offsets"] = bytes(out), at.tobytes()
    return [list(table) for table in tables]


class _PythonRows:
    """Row i from the rows section, in Python (geo/_rows.pyx's RowReader in C)."""

    def __init__(self, rows: Any, at: Any, tables: Sequence[Sequence[str]]) -> None:
        self._rows, self._at = rows, at
        self._tables = tables

    def row(self, i: int) -> tuple[Any, ...]:
        """The tuple of row i (0 <= i < the number of rows)."""
        start = self._at[i]
        lat, lon, pop, kind, cc, admin1, city, source, *sizes = _RECORD.unpack_from(
            self._rows, start
        )
        texts = []
        k = start + _RECORD.size
        for size in sizes:
            texts.append(str(self._rows[k : k + size], "utf-8", "surrogatepass"))
            k += size
        id_, name, aliases = texts
        kinds, ccs, admin1s, cities, sources = self._tables
        return (
            id_, name, kinds[kind], lat, lon, ccs[cc], admin1s[admin1], pop, cities[city],
            aliases, sources[source],
        )  # fmt: skip


class _PythonNameCodes:
    """get(key, default) of Names in Python (geo/_rows.pyx's NameCodes in C)."""

    def __init__(self, trie: marisa_trie.Trie, offsets: Any, values: Any) -> None:
        self._trie = trie
        self._offsets = offsets
        self._values = values
        self._seen: dict[str, tuple[int, ...] | None] = {}

    def get(self, key: str, default: Any = None) -> Any:
        """The candidate codes of a name (() for a name that is no place), else default."""
        value = self._seen.get(key, _UNSEEN)  # (most keys are new: no KeyError raised)
        if value is _UNSEEN:
            key_id = self._trie.get(key)
            if key_id is None:
                value = None
            else:
                offsets = self._offsets
                # (tolist() of the slice, then a tuple: a third of the time of tuple() over
                # the memoryview, which makes each int through the buffer protocol)
                value = tuple(self._values[offsets[key_id] : offsets[key_id + 1]].tolist())
            self._seen[key] = value
        return default if value is None else value


_NameCodes: type = _PythonNameCodes if _CompiledNameCodes is None else _CompiledNameCodes


class Names(_NameCodes, Mapping[str, tuple[int, ...]]):  # type: ignore[misc,valid-type]
    """Normalised name -> candidate codes, read from the trie on first use and then kept (by
    geo/_rows.pyx's NameCodes when built, else by _PythonNameCodes: the same codes)."""

    def __init__(self, trie: marisa_trie.Trie, offsets: Any, values: Any) -> None:
        super().__init__(trie, offsets, values)
        self._names = trie

    def __getitem__(self, key: str) -> tuple[int, ...]:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._names.keys())

    def __len__(self) -> int:
        return len(self._names)


class RowCache(dict):  # type: ignore[type-arg]
    """Row number -> compact row, read from the columns on first use (a dict: a hit is one C
    lookup)."""

    def __init__(self, read: Callable[[int], tuple[Any, ...]], count: int) -> None:
        super().__init__()
        self._read = read
        self._count = count
        self.every: list[tuple[Any, ...]] | None = None  # every row, once all_rows() ran

    def __missing__(self, i: int) -> tuple[Any, ...]:
        if not 0 <= i < self._count:
            raise IndexError(f"row {i} out of range")
        row = self._read(i) if self.every is None else self.every[i]
        self[i] = row
        return row


class IndexFile:
    """An opened index file: its header, names, prefixes, rows and place ids."""

    def __init__(self, view: memoryview, header: dict[str, Any]) -> None:
        self.header = header
        self._view = view
        self.count: int = header["n_rows"]
        names = self._trie("names")
        self.names = Names(names, self._ints("name_offsets", "i"), self._ints("name_values", "i"))
        self.prefixes = self._trie("prefixes")
        self._ids: marisa_trie.Trie | None = None  # read on the first row_of (few commands do)
        self._id_rows = self._ints("id_rows", "i")
        # geo/_rows.pyx's RowReader when built (geo.geoparse reads its columns too), else None
        self.compiled_rows = self.row_reader(compiled=True) if _RowReader is not None else None
        read = (self.compiled_rows or self.row_reader(compiled=False)).row
        self.rows = RowCache(read, self.count)

    def row_reader(self, *, compiled: bool) -> Any:
        """What reads row i from the columns (.row(i)): geo/_rows.pyx's RowReader when
        compiled (and built), else the pure-Python one; the same tuples (tested)."""
        tables = tuple(tuple(t) for t in self.header["tables"])
        make = _RowReader if compiled and _RowReader is not None else _PythonRows
        return make(self._section("rows"), self._ints("row_offsets", "q"), tables)

    def _section(self, name: str) -> memoryview:
        start, length = self.header["sections"][name]
        return self._view[start : start + length]

    def _ints(self, name: str, code: str) -> memoryview:
        return self._section(name).cast(code)

    def _trie(self, name: str) -> marisa_trie.Trie:
        return marisa_trie.Trie().frombytes(bytes(self._section(name)))

    def row_of(self, place_id: str) -> int | None:
        """The row number of a place id, or None."""
        if self._ids is None:
            self._ids = self._trie("ids")
        key_id = self._ids.get(place_id)
        return None if key_id is None else self._id_rows[key_id]

    def all_rows(self) -> list[tuple[Any, ...]]:
        """Every row, unpickled at once on the first call (for callers that scan all places);
        the rows already read one by one are the same objects, so no row is held twice."""
        rows = self.rows
        if rows.every is None:
            every = pickle.loads(self._section("all_rows"))
            for i, row in rows.items():
                every[i] = row
            rows.every = every
        return rows.every


def open_index(path: Path) -> IndexFile | None:
    """The index file at path, or None when it is missing, truncated or of another layout."""
    try:
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    view = memoryview(mapped)
    try:
        if bytes(view[: len(MAGIC)]) != MAGIC:
            return None
        start, length = _TABLE.unpack_from(view, len(MAGIC))
        if start + length > len(view):
            return None
        header = pickle.loads(view[start : start + length])
        return IndexFile(view, header)
    except (pickle.UnpicklingError, EOFError, KeyError, ValueError, TypeError, struct.error):
        return None
    except RuntimeError:  # marisa-trie's error for a damaged trie
        return None
