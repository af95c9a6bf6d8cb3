"""Settings: one frozen dataclass, built once from defaults and the environment.

Every setting has a one-line help text (``SETTINGS_HELP``); the README documents each one and a
test checks that it does. Nothing here is a mutable global: build a ``Settings`` and pass it on.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from geo.errors import InputError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "crisismap"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with; see SETTINGS_HELP for each field."""

    data_dir: Path = field(default_factory=lambda: PROJECT_ROOT / "data")
    cache_dir: Path = field(default_factory=_default_cache_dir)
    area_of_interest: str = "KZ"
    online_geocoder: bool = False
    nominatim_user_agent: str = "crisismap/0.1 (offline-first crisis mapping)"
    nominatim_timeout: float = 10.0
    online_tiles: bool = False
    world_min_population: int = 1000
    case_title: str = "Kazakhstan, January 2022"
    acled_files: str = ""
    max_data_mb: float = 50.0
    database_url: str = ""

    @property
    def max_data_bytes(self) -> int | None:
        """The largest data file read, in bytes (None: no limit, when max_data_mb <= 0)."""
        return int(self.max_data_mb * 1_000_000) if self.max_data_mb > 0 else None

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Defaults overridden by CRISISMAP_<FIELD> environment variables."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            key = ENV_PREFIX + f.name.upper()
            if key not in env:
                continue
            raw = env[key]
            values[f.name] = _parse(f.name, raw, key)
        return cls(**values)

    def acled_paths(self) -> list[Path]:
        """The ACLED files named by ``acled_files``, in order."""
        return [Path(p).expanduser() for p in self.acled_files.split(os.pathsep) if p.strip()]

    def store_url(self) -> str:
        """The store's SQLAlchemy URL: ``database_url``, else a SQLite file in the cache.

        The default file is named after the data folder, so two data sets never share a store.
        """
        if self.database_url.strip():
            return self.database_url.strip()
        folder = str(Path(self.data_dir).expanduser().resolve())
        digest = hashlib.sha256(folder.encode("utf-8")).hexdigest()[:12]
        return f"sqlite:///{Path(self.cache_dir) / f'store-{digest}.sqlite'}"

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)


ENV_PREFIX = "CRISISMAP_"

SETTINGS_HELP: dict[str, str] = {
    "data_dir": "Folder with events.csv, states.csv, figures.csv, facilities.csv and articles/.",
    "cache_dir": "Where the gazetteer's indexes and the geocoder's cache are kept (not in git).",
    "area_of_interest": "ISO country code whose places win ambiguous names (default KZ).",
    "online_geocoder": "Let names the gazetteer lacks fall through to Nominatim (off by default).",
    "nominatim_user_agent": "User agent sent to Nominatim, naming this tool as its policy asks.",
    "nominatim_timeout": "Seconds to wait for one Nominatim answer before reporting a timeout.",
    "online_tiles": "Offer OpenStreetMap tiles under the map (needs the internet; off by default).",
    "world_min_population": "Smallest town kept outside the area of interest and its neighbours.",
    "case_title": "Title of the case shown on the dashboard and on snapshots.",
    "acled_files": "ACLED export CSVs (separated by ':') shown beside our records, origin 'acled'.",
    "max_data_mb": (
        "Largest data CSV read, in MB; a bigger one is refused with a message (0: no limit)."
    ),
    "database_url": "SQLAlchemy URL of the store (postgresql://... for a team's PostGIS); "
    "default: a SQLite file in the cache, filled from data_dir on first use.",
}

_BOOL = {
    "1": True,
    "true": True,
    "yes": True,
    "on": True,
    "0": False,
    "false": False,
    "no": False,
    "off": False,
}


def _parse(name: str, raw: str, key: str) -> object:
    kind = Settings.__dataclass_fields__[name].type
    try:
        if kind == "bool":
            return _BOOL[raw.strip().lower()]
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "Path":
            return Path(raw).expanduser()
    except (KeyError, ValueError):
        msg = f"environment variable {key}={raw!r} is not a valid {kind}"
        raise InputError(msg) from None
    return raw
