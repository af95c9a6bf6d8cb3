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
- ``row_offsets`` (int64) and ``rows`` (one pickle per row), ``all_rows`` (one pickle of the
  whole list, for the few callers that scan every place: faster than 170,000 small pickles).

The file is private to this machine's cache (native byte order) and rebuilt whenever its key
changes (geo.gazetteer.index_key, which includes marisa-trie's version).
"""

from __future__ import annotations

import mmap
import pickle
import struct
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import marisa_trie

MAGIC = b"crisismap gazetteer index 1\n"
_TABLE = struct.Struct("<QQ")  # offset and length of the header
_UNSEEN = object()


def write_index(
    handle: IO[bytes],
    *,
    header: dict[str, Any],
    names: Mapping[str, tuple[int, ...]],
    prefixes: Iterable[str],
    rows: Sequence[tuple[Any, ...]],
) -> None:
    """Write the index (see the module's docstring); rows[i][0] is place i's id."""
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
    blobs = [pickle.dumps(row, protocol=5) for row in rows]
    row_offsets = array("q", [0])
    for blob in blobs:
        row_offsets.append(row_offsets[-1] + len(blob))
    sections["row_offsets"] = row_offsets.tobytes()
    sections["rows"] = b"".join(blobs)
    sections["all_rows"] = pickle.dumps(list(rows), protocol=5)

    table: dict[str, tuple[int, int]] = {}
    position = len(MAGIC) + _TABLE.size
    for name, data in sections.items():
        table[name] = (position, len(data))
        position += len(data)
    head = pickle.dumps({**header, "sections": table, "n_rows": len(rows)}, protocol=5)
    handle.write(MAGIC + _TABLE.pack(position, len(head)))
    for data in sections.values():
        handle.write(data)
    handle.write(head)


class Names(Mapping[str, tuple[int, ...]]):
    """Normalised name -> candidate codes, read from the trie on first use and then kept."""

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

    def __getitem__(self, key: str) -> tuple[int, ...]:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())

    def __len__(self) -> int:
        return len(self._trie)


class RowCache(dict):  # type: ignore[type-arg]
    """Row number -> compact row, unpickled on first use (a dict: a hit is one C lookup)."""

    def __init__(self, blob: Any, offsets: Any, count: int) -> None:
        super().__init__()
        self._blob = blob
        self._offsets = offsets
        self._count = count
        self.every: list[tuple[Any, ...]] | None = None  # every row, once all_rows() ran

    def __missing__(self, i: int) -> tuple[Any, ...]:
        if not 0 <= i < self._count:
            raise IndexError(f"row {i} out of range")
        if self.every is not None:
            row = self.every[i]
        else:
            row = pickle.loads(self._blob[self._offsets[i] : self._offsets[i + 1]])
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
        self.rows = RowCache(self._section("rows"), self._ints("row_offsets", "q"), self.count)

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
