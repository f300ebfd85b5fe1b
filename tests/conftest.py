"""Shared test set-up: the ``geogov`` package name and the real-document corpus.

Tests import the plugin as ``geogov`` (its installed folder name), so relative imports
are exercised exactly as in a QGIS profile. ``build/py/geogov`` is a symlink to the
checkout, made here if `make setup` did not already.
"""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYDIR = ROOT / "build" / "py"
LINK = PYDIR / "geogov"
if not LINK.exists():
    PYDIR.mkdir(parents=True, exist_ok=True)
    try:
        LINK.symlink_to(ROOT, target_is_directory=True)
    except FileExistsError:  # another xdist worker made it first
        pass
if str(PYDIR) not in sys.path:
    sys.path.insert(0, str(PYDIR))

SHARED_DATA = Path(os.environ.get("GEOGOV_SHARED_DATA", ROOT.parent / "shared" / "data"))


def pytest_configure(config):
    from geogov.tests.support import deprecations

    if deprecations.enabled():
        # Added last, so it wins over the ini's filters (see tests/support/deprecations.py).
        config.addinivalue_line("filterwarnings", deprecations.pytest_filter())


def pytest_report_header(config):
    from geogov.tests.support import deprecations

    if deprecations.enabled():
        return f"DeprecationWarning from {deprecations.OWN_MODULES} is an error"
    return None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data (or $GEOGOV_SHARED_DATA); the test is skipped when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real-document corpus not found at {SHARED_DATA} "
                    "(set GEOGOV_SHARED_DATA to the shared/data folder)")
    return SHARED_DATA
