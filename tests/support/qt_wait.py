"""Wait for a condition while Qt's event loop runs (task callbacks arrive through it).

Tests only: product code never spins the event loop; it reacts to signals.
"""

from __future__ import annotations

import time

from qgis.PyQt.QtCore import QCoreApplication


def wait_for(predicate, timeout: float = 30.0, step: float = 0.01):
    """Process events until ``predicate()`` is true; its value, or AssertionError."""
    end = time.monotonic() + timeout
    while True:
        QCoreApplication.processEvents()
        value = predicate()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(step)


def spin(seconds: float) -> None:
    """Let the event loop run for ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.005)
