"""Offline browser assets: Leaflet and friends copied from XStatic packages, served locally.

folium writes CDN links for Leaflet, jQuery, Bootstrap and Font Awesome; offline, the first
failed load aborts the whole map. ``install_vendor_assets`` copies what the map needs from the
XStatic packages into ``dashboard/static/vendor/`` (served by Streamlit at ``/app/static/``),
and ``OfflineMap`` is a ``folium.Map`` whose asset lists point only at those copies. folium's
own class attributes are left untouched, so nothing here is a global other code can feel.
"""

from __future__ import annotations

import filecmp
import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import folium

STATIC_DIR = Path(__file__).resolve().parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
STATIC_URL = "/app/static"


@dataclass(frozen=True)
class VendorPackage:
    """One XStatic package and the files of it the map uses (globs under its data dir)."""

    name: str  # folder under vendor/
    module: str  # xstatic.pkg.<module>
    files: tuple[str, ...]


VENDOR_PACKAGES: tuple[VendorPackage, ...] = (
    VendorPackage("leaflet", "leaflet", ("leaflet.js", "leaflet.css", "images/*.png")),
    VendorPackage(
        "markercluster",
        "leaflet_markercluster",
        ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"),
    ),
)

# (name, path under vendor/) in load order; folium's Map needs Leaflet and nothing else here.
MAP_JS: tuple[tuple[str, str], ...] = (("leaflet", "leaflet/leaflet.js"),)
MAP_CSS: tuple[tuple[str, str], ...] = (("leaflet_css", "leaflet/leaflet.css"),)


def _package_dir(module: str) -> Path:
    import importlib

    pkg = importlib.import_module(f"xstatic.pkg.{module}")
    return Path(pkg.BASE_DIR)


def install_vendor_assets(target: Path = VENDOR_DIR) -> list[Path]:
    """Copy the vendored files into ``target`` where missing or changed; returns every file.

    Idempotent and safe to call on each app start: an unchanged file is not rewritten.
    """
    written: list[Path] = []
    for package in VENDOR_PACKAGES:
        source_root = _package_dir(package.module)
        for pattern in package.files:
            matches = sorted(source_root.glob(pattern))
            if not matches:
                msg = f"xstatic.pkg.{package.module} has no file matching {pattern!r}"
                raise FileNotFoundError(msg)
            for source in matches:
                dest = target / package.name / source.relative_to(source_root)
                if not dest.exists() or not filecmp.cmp(source, dest, shallow=False):
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    tmp = dest.with_name(f".{dest.name}.part")
                    shutil.copyfile(source, tmp)
                    tmp.replace(dest)
                written.append(dest)
    return written


DAYS_DIR = STATIC_DIR / "days"
DAYS_KEPT = 256  # day layer files kept (the oldest go): a few sessions' worth of steps


def day_file(script: str, static_base: str = STATIC_URL, folder: Path = DAYS_DIR) -> str | None:
    """Where the browser can fetch ``script`` (a day layer the map defines ahead), written
    into ``folder`` under a name taken from its content; None when it cannot be written (the
    page then sends the script in the step, as before).

    A step used to carry the next day's layer inside the page's message (~0.4 MB at 10k
    events), which the page decoded and handed to the map while it redrew; fetched by the
    map when the page is idle, it leaves the step (issue 17)."""
    data = script.encode()
    name = hashlib.sha256(data).hexdigest()[:32] + ".js"
    path = folder / name
    try:
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{name}.{os.getpid()}.part")
            tmp.write_bytes(data)
            tmp.replace(path)
            _prune(folder)
    except OSError:
        return None
    return f"{static_base.rstrip('/')}/{folder.name}/{name}"


def _prune(folder: Path) -> None:
    """Keep the newest DAYS_KEPT files (a map that asks for a removed one is sent it again)."""
    files = sorted(folder.glob("*.js"), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in files[DAYS_KEPT:]:
        old.unlink(missing_ok=True)


def static_url(base_url_path: str = "") -> str:
    """Where ``dashboard/static`` is served, honouring Streamlit's ``server.baseUrlPath``."""
    prefix = base_url_path.strip("/")
    return f"/{prefix}{STATIC_URL}" if prefix else STATIC_URL


def offline_map_class(base_url: str = STATIC_URL) -> type[folium.Map]:
    """A ``folium.Map`` subclass whose JS/CSS links all point at ``{base_url}/vendor/...``."""
    vendor = f"{base_url.rstrip('/')}/vendor"
    attrs = {
        # New lists on a subclass: folium's shared class attributes stay as they are.
        "default_js": [(name, f"{vendor}/{path}") for name, path in MAP_JS],
        "default_css": [(name, f"{vendor}/{path}") for name, path in MAP_CSS],
    }
    return type("OfflineMap", (folium.Map,), attrs)


OfflineMap = offline_map_class()
