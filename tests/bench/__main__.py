"""`make bench`: every tests/bench/bench_*.py module's ``run(report)``, in one process.

Speed goals are checked here, not by timed tests: each benchmark measures GeoGov and a
named baseline side by side in the same run and prints the ratio. QGIS is initialised
(offscreen) with Processing, so benchmarks can compare against QGIS's own algorithms.

    python -m geogov.tests.bench [name-filter ...]
"""

import importlib
import os
import pkgutil
import sys
import time
import traceback

HERE = os.path.dirname(__file__)


def report(name, value, unit, baseline=None, ratio=None, goal=None):
    """Print one measurement; ``ratio`` is GeoGov / baseline (lower is faster)."""
    line = f"  {name:<58} {value:>12.3f} {unit}"
    if baseline is not None:
        line += f"   baseline: {baseline}"
    if ratio is not None:
        line += f"   ratio {ratio:.3f}x"
    if goal is not None:
        line += f"   goal {goal}"
    print(line, flush=True)


def init_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    try:
        from processing.core.Processing import Processing

        Processing.initialize()
    except ImportError:  # Processing absent: benches needing it say so themselves
        pass
    return app


def main(argv):
    wanted = argv[1:]
    names = sorted(m.name for m in pkgutil.iter_modules([HERE]) if m.name.startswith("bench_"))
    if wanted:
        names = [n for n in names if any(w in n for w in wanted)]
    app = init_qgis()
    failures = 0
    for name in names:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"{__package__}.{name}")
            module.run(report)
        except Exception:  # noqa: BLE001 - one broken benchmark must not hide the others
            failures += 1
            traceback.print_exc()
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    app.exitQgis()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
