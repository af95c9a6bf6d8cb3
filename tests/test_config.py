"""Settings: built from defaults and the environment; every one documented."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from geo.config import PROJECT_ROOT, SETTINGS_HELP, Settings
from geo.errors import InputError


def test_every_setting_has_help_and_is_documented_in_the_readme() -> None:
    names = [f.name for f in dataclasses.fields(Settings)]
    assert sorted(names) == sorted(SETTINGS_HELP)
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    missing = [n for n in names if f"`{n}`" not in readme]
    assert missing == []


def test_defaults_are_offline() -> None:
    s = Settings()
    assert s.online_geocoder is False and s.online_tiles is False
    assert s.area_of_interest == "KZ"


def test_environment_overrides_defaults() -> None:
    s = Settings.from_env(
        {
            "CRISISMAP_ONLINE_TILES": "yes",
            "CRISISMAP_DATA_DIR": "/tmp/x",
            "CRISISMAP_NOMINATIM_TIMEOUT": "2.5",
        }
    )
    assert s.online_tiles is True and s.data_dir == Path("/tmp/x") and s.nominatim_timeout == 2.5


def test_bad_environment_value_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="CRISISMAP_ONLINE_GEOCODER='maybe'"):
        Settings.from_env({"CRISISMAP_ONLINE_GEOCODER": "maybe"})


def test_settings_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().area_of_interest = "RU"  # type: ignore[misc]
