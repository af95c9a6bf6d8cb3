"""Private helpers for on-disk caches: atomic writes and input fingerprints."""

from __future__ import annotations

import glob
import hashlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from geo.errors import DataError, InputError


def temp_prefix(path: Path) -> str:
    """The prefix of a temporary sibling of ``path``: hidden, with the writing process's id."""
    return f".{path.name}.{os.getpid()}."


def sweep_leftovers(path: Path) -> None:
    """Remove temporary siblings of ``path`` left by writers that no longer run (kill -9,
    a power cut): files ``.NAME.PID.*.part`` and folders ``.NAME.PID.*`` of a dead PID."""
    # exactly what temp_prefix + tempfile's 8 random characters make, nothing a user names
    pattern = re.compile(re.escape(f".{path.name}.") + r"(\d+)\.[a-z0-9_]{8}(\.part)?")
    try:
        siblings = list(path.parent.glob(f".{glob.escape(path.name)}.*"))
    except OSError:
        return
    for leftover in siblings:
        m = pattern.fullmatch(leftover.name)
        if not m or _running(int(m[1])):
            continue
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid < 2**22  # another user's live process; an absurd number is no process
    return True


def atomic_write(
    path: Path,
    write: Callable[[IO[bytes]], None] | bytes,
    *,
    mode: int | None = None,
    durable: bool = True,
) -> None:
    """Write a file through a temporary sibling, fsync it and os.replace it into place.

    ``write`` is the content or a callable writing to a binary handle. A reader never sees a
    half-written file; on any error the temporary file is removed and the error propagates.
    ``durable=False`` skips the fsync: for a cache whose reader rebuilds a file it cannot
    read (after a power cut the renamed file may hold zeros), not worth waiting for a disk.
    """
    sweep_leftovers(path)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".part", dir=path.parent)
    try:
        if mode is not None:
            os.fchmod(fd, mode)  # mkstemp makes 0600
        with os.fdopen(fd, "wb") as handle:
            if callable(write):
                write(handle)
            else:
                handle.write(write)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cache_error(path: Path, exc: OSError, *, what: str = "cache file") -> InputError:
    msg = (
        f"cannot write the {what} {path} ({exc.strerror or exc}); point "
        "CRISISMAP_CACHE_DIR at a folder that can be written"
    )
    return InputError(msg)


def check_cache_dir(folder: Path) -> None:
    """Create the cache folder, or an InputError saying it cannot be (before any slow build)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cache_error(folder, exc, what="cache folder") from None
    if not os.access(folder, os.W_OK):
        raise _cache_error(folder, PermissionError(13, "Permission denied"), what="cache folder")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """atomic_write for caches: the folder is created when missing. A folder that cannot be
    created or written is an InputError naming it and the setting that chooses it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except OSError as exc:
        raise _cache_error(path, exc) from None


def package_version(name: str) -> str:
    """The installed version of a distribution, or "absent": what importlib.metadata.version
    says, read where it can be from the name of the first ``NAME-VERSION.dist-info`` folder on
    sys.path (importing importlib.metadata, and the email package with it, cost every command
    that opens the gazetteer ~0.03 s); importlib.metadata answers for anything else."""
    wanted = _dist_name(name)
    for entry in sys.path:
        for folder in _dist_infos(entry or "."):
            dist, _, version = folder[: -len(".dist-info")].partition("-")
            if version and _dist_name(dist) == wanted:
                return version
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _dist_name(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _dist_infos(entry: str) -> list[str]:
    """The .dist-info folders directly in a sys.path entry (none for a zip file or a missing
    folder)."""
    try:
        return [n for n in os.listdir(entry) if n.endswith(".dist-info")]
    except OSError:
        return []


def fingerprint(parts: Iterable[str], files: Iterable[Path]) -> str:
    """A sha256 hex digest of some strings and the bytes (or absence) of some files."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") + b"\0")
    for file in files:
        digest.update(file.name.encode("utf-8") + b"\0")
        try:
            digest.update(file.read_bytes() if file.exists() else b"<absent>")
        except OSError as exc:
            raise DataError(str(file), None, None, f"cannot be read ({exc.strerror})") from None
        digest.update(b"\0")
    return digest.hexdigest()
