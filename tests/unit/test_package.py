"""`make package` gives a zip the Plugin Manager can install: one top folder, no tests."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_package_layout(tmp_path):
    subprocess.run(["lrelease", "-silent", "i18n/geogov_fr.ts", "-qm", "i18n/geogov_fr.qm"],
                   cwd=ROOT, check=True)
    out = tmp_path / "geogov.zip"
    subprocess.run([sys.executable, ".ci/package.py", "--version", "0", "--out", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    names = zipfile.ZipFile(out).namelist()
    assert {n.split("/")[0] for n in names} == {"geogov"}
    for required in ("geogov/metadata.txt", "geogov/__init__.py", "geogov/LICENSE",
                     "geogov/i18n/geogov_fr.qm", "geogov/ui/plugin.py", "geogov/plugin/errors.py",
                     "geogov/plugin/proposals/stores/geopackage/store.py",
                     "geogov/plugin/proposals/stores/postgres/store.py"):
        assert required in names
    # The stores' migrations ship, every one of both dialects (migrations.py reads them there).
    for dialect in ("gpkg", "postgres"):
        shipped = sorted(n.rpartition("/")[2] for n in names
                         if n.startswith(f"geogov/plugin/proposals/stores/sql/{dialect}/"))
        tracked = sorted(p.name for p in (ROOT / "plugin/proposals/stores/sql" / dialect).glob("*.sql"))
        assert shipped == tracked and tracked, dialect
    assert not [n for n in names if n.startswith(("geogov/tests/", "geogov/.", "geogov/build/",
                                                  "geogov/resources/screenshots/"))
                or n.endswith((".pyc", ".ts")) or "Makefile" in n]


def test_package_names_unzip_on_windows(tmp_path):
    """QGIS on Windows installs the same zip: no name Windows refuses (reserved characters
    or device names, a trailing dot or space), no two names differing only by case, and
    paths short enough for its 260-character limit once under a user's profile."""
    import re

    out = tmp_path / "geogov.zip"
    subprocess.run([sys.executable, ".ci/package.py", "--version", "0", "--out", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    names = [n for n in zipfile.ZipFile(out).namelist() if not n.endswith("/")]
    reserved = re.compile(r'[<>:"\\|?*\x00-\x1f]')
    devices = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
               *(f"lpt{i}" for i in range(1, 10))}
    bad = [n for n in names for part in n.split("/")
           if reserved.search(part) or part.split(".")[0].lower() in devices
           or part.endswith((".", " "))]
    assert bad == []
    lowered = [n.lower() for n in names]
    assert len(set(lowered)) == len(lowered)
    # C:\Users\<name>\AppData\Roaming\QGIS\QGIS3\profiles\default\python\plugins\ ≈ 90
    assert max(len(n) for n in names) < 260 - 120
