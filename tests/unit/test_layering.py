"""The layers: the core (plugin/ outside plugin/bridge/) imports neither QGIS nor Qt nor the
bridge nor ui/; the bridge (plugin/bridge/) imports no ui/; nothing imports tests/. Importing
the package starts nothing.

The static check reads every import of plugin/ and ui/ with ast: at module level or inside a
function, absolute or relative (resolved against the file's package), and the dynamic ones
(``__import__`` / ``importlib.import_module``), so a lazy ``from ...ui import x`` is caught.
"""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def core_modules():
    names = []
    for info in pkgutil.walk_packages([str(ROOT / "plugin")], prefix="geogov.plugin."):
        if ".bridge" in info.name:
            continue
        names.append(info.name)
    return names


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=str(ROOT), env={"PYTHONPATH": str(ROOT / "build" / "py"),
                                             "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_core_modules_import_no_qgis_and_no_qt():
    modules = core_modules()
    assert "geogov.plugin.errors" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'sip'))\n"
        "print(','.join(bad))\n"
    )
    assert _run(code).strip() == ""


def test_importing_the_plugin_package_starts_nothing():
    code = (
        "import sys\n"
        "import geogov\n"
        "assert callable(geogov.classFactory)\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('geogov.', 'qgis', 'PyQt')))))\n"
    )
    assert _run(code).strip() == ""



# ---------------------------------------------------------------------------- static check
CORE, BRIDGE, UI, ENTRY = "core", "bridge", "ui", "entry"
QT_AND_QGIS = ("qgis", "PyQt5", "PyQt6", "sip")
FORBIDDEN = {   # layer -> (what it must not import, why)
    CORE: [(QT_AND_QGIS, "QGIS or Qt"), (("geogov.plugin.bridge",), "the bridge"), (("geogov.ui",), "ui/"),
           (("geogov.tests",), "tests/")],
    BRIDGE: [(("geogov.ui",), "ui/"), (("geogov.tests",), "tests/")],
    UI: [(("geogov.tests",), "tests/")],
    ENTRY: [(("geogov.tests",), "tests/")],
}
DYNAMIC = ("__import__", "import_module")   # builtins.__import__, importlib.import_module


def module_name(path: Path) -> str:
    """``geogov.plugin.bridge.alg_common`` for plugin/bridge/alg_common.py (the installed name)."""
    parts = ["geogov", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(path: Path) -> str:
    parts = path.relative_to(ROOT).parts
    if parts[0] == "plugin":
        return BRIDGE if parts[1:2] == ("bridge",) else CORE
    return UI if parts[0] == "ui" else ENTRY


def _absolute(name: str) -> str:
    """The plugin's own top-level packages spelt without ``geogov.`` count as its own."""
    return f"geogov.{name}" if name.split(".")[0] in ("plugin", "ui", "tests") else name


def _resolve(package: str, level: int, name: str) -> str:
    if level == 0:
        return _absolute(name)
    base = package.split(".")
    if level - 1 >= len(base):
        raise ValueError(f"relative import beyond the top package (level {level})")
    base = base[:len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def _dynamic_target(call: ast.Call, package: str):
    """What ``__import__(…)`` / ``import_module(…)`` imports, or None when it cannot be told."""
    if not call.args or len(call.args) > 4 or any(k.arg == "level" for k in call.keywords):
        return None     # __import__(name, globals, locals, fromlist, level): relative to what?
    arg = call.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        name = arg.value
        level = len(name) - len(name.lstrip("."))
        if level and len(call.args) > 1 and isinstance(call.args[1], ast.Name) \
                and call.args[1].id == "__package__":
            return _resolve(package, level, name[level:])
        return None if level else _absolute(name)
    if isinstance(arg, ast.JoinedStr) and arg.values:   # f"{__package__}.{name}": its own package
        first = arg.values[0]
        if isinstance(first, ast.FormattedValue) and isinstance(first.value, ast.Name) \
                and first.value.id == "__package__":
            return package
    return None


def imports_of(source: str, module: str, is_package: bool = False) -> list:
    """[(line, imported module)] for every import in ``source``, the module named ``module``."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, _absolute(alias.name)) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(package, node.level, node.module or "")
            found.append((node.lineno, base))
            # ``from .. import ui`` / ``from ...ui import messages``: the names may be modules
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names if alias.name != "*"]
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(
                func, ast.Attribute) else None
            if called in DYNAMIC:
                found.append((node.lineno, _dynamic_target(node, package) or "<dynamic>"))
    return found


def _matches(imported: str, prefixes) -> bool:
    return any(imported == prefix or imported.startswith(prefix + ".") for prefix in prefixes)


def layering_offences(source: str, module: str, layer: str, is_package: bool = False) -> list:
    """[(line, imported module, why)], one per line and reason (``from ...ui import messages``
    is told once, as geogov.ui)."""
    offences = {}
    for line, imported in imports_of(source, module, is_package):
        if imported == "<dynamic>":
            why = "a dynamic import the check cannot place"
            offences.setdefault((line, "dynamic"), (line, imported, why))
            continue
        for prefixes, what in FORBIDDEN[layer]:
            if _matches(imported, prefixes):
                offences.setdefault((line, what), (line, imported, f"{layer} imports {what}"))
    return list(offences.values())


def shipped_sources() -> list:
    paths = [ROOT / "__init__.py"]
    for folder in ("plugin", "ui"):
        paths += sorted(p for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)
    return paths


def test_no_layer_imports_what_it_must_not():
    offenders = []
    for path in shipped_sources():
        offences = layering_offences(path.read_text(encoding="utf-8"), module_name(path), layer_of(path),
                                     path.name == "__init__.py")
        offenders += [f"{path.relative_to(ROOT)}:{line}: {imported} ({why})"
                      for line, imported, why in offences]
    assert offenders == [], "\n".join(offenders)


def test_the_check_reads_every_layer():
    layers = {}
    for path in shipped_sources():
        layers.setdefault(layer_of(path), []).append(path)
    assert {CORE, BRIDGE, UI, ENTRY} <= set(layers)
    assert ROOT / "plugin" / "errors.py" in layers[CORE]
    assert ROOT / "plugin" / "bridge" / "alg_common.py" in layers[BRIDGE]
    assert ROOT / "ui" / "plugin.py" in layers[UI]
    assert len(layers[CORE]) > 50 and len(layers[BRIDGE]) > 30 and len(layers[UI]) > 20


LAZY_UI_IMPORTS = """
import os
from . import tasks


def sentence(error):
    from ...ui.messages import error_text
    from ... import ui
    from ...ui import labels
    import geogov.ui.plugin
    __import__("geogov.ui.notifications")
    return importlib.import_module("...ui.labels", __package__)
"""


def test_the_check_sees_lazy_relative_and_dynamic_imports():
    found = imports_of(LAZY_UI_IMPORTS, "geogov.plugin.bridge.alg_common")
    assert (3, "geogov.plugin.bridge.tasks") in found
    offences = layering_offences(LAZY_UI_IMPORTS, "geogov.plugin.bridge.alg_common", BRIDGE)
    assert [(line, imported) for line, imported, _ in offences] == [
        (7, "geogov.ui.messages"), (8, "geogov.ui"), (9, "geogov.ui"), (10, "geogov.ui.plugin"),
        (11, "geogov.ui.notifications"), (12, "geogov.ui.labels")]
    # a package's __init__.py is its own package: ``..`` from plugin/__init__.py is geogov
    assert (1, "geogov.ui") in imports_of("from .. import ui", "geogov.plugin", is_package=True)
    assert (1, "geogov.ui") in imports_of("from . import ui", "geogov.plugin")
    with pytest.raises(ValueError):
        imports_of("from ....ui import messages", "geogov.plugin.errors")


@pytest.mark.parametrize("source, module, layer, offence", [
    ("import qgis.core", "geogov.plugin.errors", CORE, "qgis.core"),
    ("def f():\n    from qgis.PyQt.QtCore import QObject", "geogov.plugin.xmlsafe", CORE, "qgis.PyQt.QtCore"),
    ("import PyQt5.QtCore as Q", "geogov.plugin.catalogue.model", CORE, "PyQt5.QtCore"),
    ("from .bridge import i18n", "geogov.plugin.errors", CORE, "geogov.plugin.bridge"),
    ("from ..bridge.i18n import tr", "geogov.plugin.catalogue.model", CORE, "geogov.plugin.bridge.i18n"),
    ("from .. import ui", "geogov.plugin.errors", CORE, "geogov.ui"),
    ("from ..ui import labels", "geogov.plugin.errors", CORE, "geogov.ui"),
    ("from geogov.plugin.bridge import tasks", "geogov.plugin.errors", CORE, "geogov.plugin.bridge"),
    ("from ...ui.messages import error_text", "geogov.plugin.bridge.alg_common", BRIDGE,
     "geogov.ui.messages"),
    ("from ..ui import messages", "geogov.plugin.bridge", BRIDGE, "geogov.ui"),
    ("from ..tests.support import x", "geogov.ui.plugin", UI, "geogov.tests.support"),
    ("import tests.qgis", "geogov.ui.plugin", UI, "geogov.tests.qgis"),
    ("__import__(name)", "geogov.ui.plugin", UI, "<dynamic>"),
    ("importlib.import_module('...ui.labels', __package__)", "geogov.plugin.bridge.alg_common", BRIDGE,
     "geogov.ui.labels"),
    ("__import__('ui', globals(), locals(), [], 3)", "geogov.plugin.bridge.alg_common", BRIDGE, "<dynamic>"),
])
def test_each_forbidden_import_is_caught(source, module, layer, offence):
    assert offence in [found for _, found, _ in layering_offences(source, module, layer)]


@pytest.mark.parametrize("source, module, layer", [
    ("from .errors import DocumentError", "geogov.plugin.xmlsafe", CORE),
    ("from osgeo import gdal", "geogov.plugin.territories.index", CORE),
    ("from ..errors import StoreError", "geogov.plugin.proposals.stores.base", CORE),
    ("from qgis.core import QgsTask\nfrom ..errors import GeoGovError", "geogov.plugin.bridge.tasks", BRIDGE),
    ("from .i18n import tr\nfrom ...plugin.errors import X", "geogov.plugin.bridge.messages", BRIDGE),
    ("from ..plugin.bridge.messages import error_text", "geogov.ui.notifications", UI),
    ("__import__(f'{__package__}.{name}', fromlist=['__name__'])", "geogov.ui.plugin", UI),
])
def test_allowed_imports_pass(source, module, layer):
    assert layering_offences(source, module, layer) == []


# ---------------------------------------------------------------------------- the proposals
ENGINE = ROOT / "plugin" / "proposals"
STORES = ENGINE / "stores"


def test_the_change_set_engine_imports_no_store():
    """plugin/proposals/ is the change-set engine; the stores (plugin/proposals/stores/) are
    built on it, never the other way: a diff, a fingerprint or a validation needs no store."""
    engine = sorted(p for p in ENGINE.glob("*.py"))
    assert ENGINE / "changeset.py" in engine and ENGINE / "rules.py" in engine
    offenders = [f"{path.relative_to(ROOT)}:{line}: {imported}"
                 for path in engine
                 for line, imported in imports_of(path.read_text(encoding="utf-8"), module_name(path),
                                                  path.name == "__init__.py")
                 if _matches(imported, ("geogov.plugin.proposals.stores",))]
    assert offenders == [], "\n".join(offenders)


def test_the_stores_are_where_the_layout_says():
    """What README's architecture table names under plugin/proposals/stores/ is there, with
    the migrations of both dialects, and no store module is left beside the engine."""
    for name in ("base.py", "audit.py", "convention_tables.py", "row_values.py", "migrations.py",
                 "geopackage/store.py", "geopackage/reads.py", "geopackage/rows.py",
                 "geopackage/file_format.py", "postgres/store.py", "postgres/rows.py",
                 "postgres/errors.py", "postgres/notify.py", "postgres/outbox.py", "postgres/admin.py"):
        assert (STORES / name).is_file(), name
    for dialect in ("gpkg", "postgres"):
        assert sorted((STORES / "sql" / dialect).glob("0001_*.sql")), dialect
    assert not (ENGINE / "sql").exists()
    left = sorted(p.name for p in ENGINE.glob("*.py") if p.stem.startswith(("gpkg_store", "postgres_")))
    assert left == []
