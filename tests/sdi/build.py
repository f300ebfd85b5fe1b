"""Build the port-independent part of the demo: GeoPackages, QGIS project, mapfile.

``demo.json`` (the manifest) lists every layer with its GeoPackage, feature count and
extents, and the digest of the builder's sources: :func:`ensure_built` rebuilds when
the builder changed, so ``make run`` never serves a demo older than its code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

from ..support.servers import ROOT, child_env
from .geodata import SEED, write_geopackages
from .mapfile import write_mapfile
from .project import PROJECT_NAME

MANIFEST = "demo.json"
SOURCES = ("partners.py", "datasets.py", "communes.py", "geodata.py", "project.py", "mapfile.py",
           "build.py")


def builder_digest() -> str:
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in SOURCES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def read_manifest(demo_dir: Path) -> dict:
    return json.loads((Path(demo_dir) / MANIFEST).read_text(encoding="utf-8"))


def is_current(demo_dir: Path) -> bool:
    try:
        manifest = read_manifest(demo_dir)
    except (OSError, ValueError):
        return False
    needed = [Path(demo_dir) / PROJECT_NAME]
    needed += [Path(demo_dir) / layer["gpkg"] for layer in manifest["layers"]]
    return manifest.get("builder") == builder_digest() and all(p.exists() for p in needed)


def _union(boxes) -> list:
    boxes = list(boxes)
    return [min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes)]


def _python_with_qgis() -> str:
    try:
        import qgis  # noqa: F401 - only asking whether this interpreter has PyQGIS

        return sys.executable
    except ImportError:
        return str(ROOT / ".venv" / "bin" / "python")


def write_project(demo_dir: Path) -> None:
    """Run project.py in its own process: this one may already hold a QgsApplication."""
    env = child_env({"QT_QPA_PLATFORM": "offscreen",
                     "QGIS_CUSTOM_CONFIG_PATH": str(demo_dir / ".qgis-build"),
                     "PYTHONPATH": str(ROOT / "build" / "py")})
    done = subprocess.run([_python_with_qgis(), "-m", "geogov.tests.sdi.project", str(demo_dir)],
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0 or not (demo_dir / PROJECT_NAME).exists():
        raise RuntimeError(f"writing the QGIS project failed (exit {done.returncode}):\n"
                           f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def build(demo_dir: Path) -> dict:
    """Build the demo into ``demo_dir`` (created if needed); return the manifest."""
    demo_dir = Path(demo_dir).resolve()
    demo_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    layers = write_geopackages(demo_dir / "data")
    manifest = {
        "builder": builder_digest(),
        "built": dt.datetime.now().isoformat(timespec="seconds"),
        "seed": SEED,
        "layers": layers,
        "feature_count": sum(layer["count"] for layer in layers),
        "extent_2154": _union(layer["bbox_2154"] for layer in layers),
        "extent_4326": _union(layer["bbox_4326"] for layer in layers),
    }
    # The project writer reads the manifest; the digest goes in last, once all is there.
    (demo_dir / MANIFEST).write_text(json.dumps({**manifest, "builder": ""}, ensure_ascii=False,
                                                indent=1), encoding="utf-8")
    write_project(demo_dir)
    write_mapfile(demo_dir, manifest)
    manifest["build_seconds"] = round(time.monotonic() - started, 2)
    (demo_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def ensure_built(demo_dir: Path) -> dict:
    if is_current(demo_dir):
        return read_manifest(demo_dir)
    return build(demo_dir)
