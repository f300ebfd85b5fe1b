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
                     "geogov/i18n/geogov_fr.qm", "geogov/ui/plugin.py", "geogov/plugin/errors.py"):
        assert required in names
    assert not [n for n in names if n.startswith(("geogov/tests/", "geogov/.", "geogov/build/"))
                or n.endswith((".pyc", ".ts")) or "Makefile" in n]
