"""Private helpers for on-disk caches: atomic writes and input fingerprints."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import IO


def atomic_write(
    path: Path, write: Callable[[IO[bytes]], None] | bytes, *, mode: int | None = None
) -> None:
    """Write a file through a temporary sibling, fsync it and os.replace it into place.

    ``write`` is the content or a callable writing to a binary handle. A reader never sees a
    half-written file; on any error the temporary file is removed and the error propagates.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        if mode is not None:
            os.fchmod(fd, mode)  # mkstemp makes 0600
        with os.fdopen(fd, "wb") as handle:
            if callable(write):
                write(handle)
            else:
                handle.write(write)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """atomic_write for caches: the folder is created when missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)


def package_version(name: str) -> str:
    """The installed version of a distribution, or "absent"."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def fingerprint(parts: Iterable[str], files: Iterable[Path]) -> str:
    """A sha256 hex digest of some strings and the bytes (or absence) of some files."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    for file in files:
        digest.update(file.name.encode("utf-8") + b"\0")
        digest.update(file.read_bytes() if file.exists() else b"<absent>")
        digest.update(b"\0")
    return digest.hexdigest()
