"""The closing summary of `make test`: each QGIS version's layers, counts and times.

    python3 .ci/test_summary.py 3.22 3.40 3.44     # read the JUnit reports, print, exit 1 on failure
    python .ci/test_summary.py --describe          # (run by make inside each version) what it is

The reports are those `make` left in build/reports (this machine's QGIS) and in
build/qgis-<version>/state/build/reports (a root's). A version whose reports are missing
counts as failed: a layer that did not run did not pass. The last line is the plain
"N passed, N failed, N skipped" of every layer of every version together.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST_QGIS = "3.22"
# The pytest runs of one version, in the order `make test-layers` runs them.
LAYERS = ("unit", "unit-owslib-debian", "qgis", "integration", "e2e")


def reports_dir(version: str) -> Path:
    if version == HOST_QGIS:
        return ROOT / "build" / "reports"
    return ROOT / "build" / f"qgis-{version}" / "state" / "build" / "reports"


def read_report(path: Path) -> dict:
    suite = ET.parse(path).getroot()
    if suite.tag == "testsuites":
        suite = suite.find("testsuite")
    counts = Counter()
    skips = Counter()
    for case in suite.iter("testcase"):
        outcome = "passed"
        for child in case:
            if child.tag in ("failure", "error", "skipped"):
                outcome = {"failure": "failed", "error": "errors", "skipped": "skipped"}[child.tag]
                if child.tag == "skipped":
                    skips[child.get("message", "").strip() or "(no reason given)"] += 1
        counts[outcome] += 1
    return {"counts": counts, "seconds": float(suite.get("time", 0)), "skips": skips}


def describe() -> None:
    """What this interpreter's QGIS stack is (printed into build/reports/versions.txt)."""
    import platform
    import sqlite3

    from lxml import etree
    from osgeo import gdal
    from qgis.core import Qgis

    def debian(pattern: str) -> str:
        """The upstream version of the installed Debian package(s) matching ``pattern``."""
        out = subprocess.run(["dpkg-query", "-W", "-f", "${db:Status-Abbrev} ${Version}\\n", pattern],
                             capture_output=True, text=True, check=False).stdout
        versions = [line.split()[1] for line in out.splitlines() if line.startswith("ii")]
        return versions[-1].split("+")[0].split("-")[0] if versions else "?"

    postgres = sorted(p.parent.parent.name for p in Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    release = Path("/etc/debian_version").read_text().strip()
    print(f"QGIS {Qgis.QGIS_VERSION.split('-')[0]}, Debian {release}, Python {platform.python_version()}, "
          f"GDAL {gdal.__version__}, SQLite {sqlite3.sqlite_version}, "
          f"libxml2 {'.'.join(map(str, etree.LIBXML_VERSION))}, "
          f"PostgreSQL {postgres[-1] if postgres else '?'} + PostGIS {debian('postgresql-*-postgis-3')}, "
          f"MapServer {debian('cgi-mapserver')}, Debian's OWSLib {debian('python3-owslib')}")


def summary(versions: list) -> int:
    total = Counter()
    failed_versions = []
    lines = ["", "=" * 100, "make test: every layer on every QGIS version", "=" * 100]
    for version in versions:
        folder = reports_dir(version)
        about = folder / "versions.txt"
        title = about.read_text().strip() if about.exists() else f"QGIS {version}"
        setup = folder / "setup-seconds.txt"
        extra = ""
        if version != HOST_QGIS:
            built = ROOT / "build" / f"qgis-{version}" / "root.seconds"
            if built.exists():
                extra = f"; root built in {built.read_text().strip()} s"
        if setup.exists():
            extra = f"; set-up {setup.read_text().strip()} s{extra}"
        lines.append(f"{title}{extra}")
        version_ok = True
        for layer in LAYERS:
            path = folder / f"{layer}.xml"
            if not path.exists():
                lines.append(f"    {layer:<20} did not run (no report {path.relative_to(ROOT)})")
                version_ok = False
                total["failed"] += 1
                continue
            report = read_report(path)
            c = report["counts"]
            bad = c["failed"] + c["errors"]
            version_ok = version_ok and bad == 0 and sum(c.values()) > 0
            total.update(c)
            lines.append(f"    {layer:<20} {c['passed']:5d} passed, {c['failed']:3d} failed, "
                         f"{c['errors']:3d} errors, {c['skipped']:3d} skipped  {report['seconds']:7.1f} s")
            for reason, count in sorted(report["skips"].items()):
                lines.append(f"        skipped {count} x: {reason[:160]}")
        if not version_ok:
            failed_versions.append(version)
    lines.append("-" * 100)
    verdict = "every layer passed" if not failed_versions else \
        "FAILED on QGIS " + ", ".join(failed_versions)
    lines.append(f"make test: {verdict} ({' '.join(versions)})")
    lines.append(f"{total['passed']} passed, {total['failed'] + total['errors']} failed, "
                 f"{total['skipped']} skipped")
    print("\n".join(lines))
    return 1 if failed_versions else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--describe"]:
        describe()
        sys.exit(0)
    if not sys.argv[1:]:
        sys.exit(__doc__)
    sys.exit(summary(sys.argv[1:]))
