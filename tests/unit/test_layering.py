"""The core imports neither QGIS nor Qt; importing the package starts nothing."""

import pkgutil
import subprocess
import sys
from pathlib import Path

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


def test_core_has_no_qt_or_qgis_import_statement():
    """A static check as well: a lazy ``import qgis`` inside a function is caught too."""
    offenders = []
    for path in (ROOT / "plugin").rglob("*.py"):
        if "bridge" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")) and any(
                    token in stripped.split()[1].split(".")[0] for token in ("qgis", "PyQt", "sip")):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {stripped}")
    assert offenders == []
