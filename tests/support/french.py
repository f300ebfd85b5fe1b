"""Install GeoGov's French translation (compiled from i18n/geogov_fr.ts) for a test.

The .qm is built with lrelease into the test's own folder, so a test proves what the
committed .ts holds, not a stale .qm.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def french(folder: Path):
    lrelease = shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease"
    if not Path(lrelease).exists():
        pytest.skip("lrelease is not installed (make setup installs qttools5-dev-tools)")
    qm = Path(folder) / "geogov_fr.qm"
    subprocess.run([lrelease, "-silent", str(ROOT / "i18n" / "geogov_fr.ts"), "-qm", str(qm)],
                   check=True)
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
