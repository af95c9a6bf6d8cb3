"""The project's own errors: one base class, each subclass also a builtin."""

from __future__ import annotations


class GeoError(Exception):
    """Base class of every error this project raises on purpose."""


class InputError(GeoError, ValueError):
    """Bad input from a user: an argument, a query, a file's content."""


class DataError(InputError):
    """A data file is malformed; names the file, the line and the field."""

    def __init__(self, file: str, line: int | None, field: str | None, problem: str) -> None:
        self.file = str(file)
        self.line = line
        self.field = field
        self.problem = problem
        where = self.file
        if line is not None:
            where += f", line {line}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")


class GeocodeError(GeoError, RuntimeError):
    """An online geocoder failed for a name (timeout, service error)."""


class ExportError(GeoError, OSError):
    """An export could not be written; no partial file is left behind."""


class StoreError(GeoError, RuntimeError):
    """The store cannot be opened or written (unreachable server, wrong URL, locked file)."""


class StaleError(GeoError, RuntimeError):
    """A decision on something that changed since the reviewer read it; nothing was applied."""
