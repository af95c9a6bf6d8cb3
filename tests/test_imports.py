"""Imports flow one way: read geo/ from the bottom up, and no module imports one above it.

Each module is imported alone in a fresh interpreter (what it pulls in at import time), and its
source is read for every import, also those inside functions (a lazy import upwards is still a
cycle a reader has to hold in their head).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys

import pytest

from geo.config import PROJECT_ROOT

# Bottom-up. A module may import modules of its own layer or of layers below, never above.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "schema", "tables"),
    ("config",),
    (
        "_cache",
        "_context",
        "_indexfile",
        "_mentionjson",
        "_regex",
        "_rows",
        "_scan",
        "_storeread",
        "_storesql",
        "articles",
        "csvrows",
    ),
    ("gazetteer",),
    ("cyrillic",),
    ("geoparse", "geocode"),
    ("language", "extract", "lexicon", "dates", "counts", "match"),
    ("events", "_placed", "store"),
    ("ingest",),
    ("review", "desk"),
    ("layers", "symbology"),
    ("export", "snapshot", "acled", "boundaries"),
    ("cli",),
    ("__main__",),
)
LAYER_OF = {name: i for i, names in enumerate(LAYERS) for name in names}
GEO = PROJECT_ROOT / "geo"
# Modules of the list that do not exist (yet) are skipped: the list names some that are coming.
PRESENT = sorted(p.stem for p in GEO.glob("*.py") if p.stem != "__init__")


def test_every_geo_module_has_a_layer() -> None:
    assert [m for m in PRESENT if m not in LAYER_OF] == [], "add the new module to LAYERS"


def _above(module: str, imported: set[str]) -> list[str]:
    """The modules of ``imported`` that sit above ``module``."""
    return sorted(m for m in imported if LAYER_OF.get(m, -1) > LAYER_OF[module])


def _imports_in_source(module: str) -> set[str]:
    """geo modules a module's source imports anywhere: at the top, in functions, for types."""
    tree = ast.parse((GEO / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("geo.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "geo":
                found |= {a.name for a in node.names}
            elif node.module.startswith("geo."):
                found.add(node.module.split(".")[1])
    return found - {module}


@pytest.mark.parametrize("module", [m for m in PRESENT if m in LAYER_OF])
def test_no_module_imports_one_above_it(module: str) -> None:
    assert _above(module, _imports_in_source(module)) == []


_LOADED = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(m.split(".")[1] for m in sys.modules if m.startswith("geo."))))
"""


@pytest.mark.parametrize("module", [m for m in PRESENT if m in LAYER_OF and m != "__main__"])
def test_importing_a_module_alone_loads_nothing_above_it(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _LOADED, f"geo.{module}"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout))
    assert _above(module, loaded - {module}) == []


def test_the_cli_wires_every_command_without_importing_the_stages() -> None:
    """No module registers itself into the CLI's tables: cli.py lists every command, and the
    heavy stages (snapshot draws with matplotlib) load only when their command runs."""
    code = (
        "import json, sys; from geo import cli; "
        "print(json.dumps([sorted(cli.COMMANDS), sorted(cli.EXPORTERS), "
        "sorted(m for m in sys.modules if m in ('geo.snapshot', 'geo.acled', 'matplotlib'))]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    commands, exporters, heavy = json.loads(result.stdout)
    assert {"geoparse", "places", "export", "import-acled", "snapshot", "storyboard"} <= set(
        commands
    )
    assert {"geojson", "gpkg", "acled-csv"} <= set(exporters)
    assert heavy == []


def test_geo_imports_neither_the_dashboard_nor_streamlit() -> None:
    found = {}
    for path in GEO.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        bad = {
            n for n in names if n.split(".")[0] in ("dashboard", "streamlit", "streamlit_folium")
        }
        if bad:
            found[path.name] = sorted(bad)
    assert found == {}


# The dashboard's map modules, bottom-up (app.py, the Streamlit script, sits above them all).
DASHBOARD_LAYERS = (
    ("ahead", "assets", "view", "markup"),
    ("shaping", "feed"),
    ("leaflet", "desk"),
    ("map",),
)


def test_dashboard_map_modules_import_one_way() -> None:
    layer_of = {name: i for i, names in enumerate(DASHBOARD_LAYERS) for name in names}
    upward = []
    for module, layer in layer_of.items():
        tree = ast.parse((PROJECT_ROOT / "dashboard" / f"{module}.py").read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dashboard."):
                imported = node.module.split(".")[1]
                if layer_of.get(imported, -1) > layer:
                    upward.append(f"{module} -> {imported}")
    assert upward == []
