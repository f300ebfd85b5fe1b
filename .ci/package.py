"""Build the installable plugin zip: one top folder ``geogov/``, compiled .qm, LICENSE.

Only what a QGIS user needs goes in: metadata.txt, __init__.py, LICENSE, README.md,
plugin/, ui/, resources/ and i18n/*.qm. Tests, build files, dotfiles, caches and the
Makefile stay out. Files are taken from git (tracked files only) plus the .qm files
that `make translate-qm` compiled, so a stray local file never ships.

    python3 .ci/package.py --version 0.1.0 --out dist/geogov-0.1.0.zip
"""

import argparse
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP = "geogov"
INCLUDE_DIRS = ("plugin", "ui", "resources")
INCLUDE_FILES = ("metadata.txt", "__init__.py", "LICENSE", "README.md")
EXCLUDE_SUFFIXES = (".pyc", ".ts", ".orig", ".rej")
EXCLUDE_DIRS = ("resources/screenshots",)   # the README's pictures: not needed by QGIS


def tracked_files():
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [Path(p) for p in out.stdout.decode("utf-8").split("\0") if p]


def wanted(path: Path) -> bool:
    if path.suffix in EXCLUDE_SUFFIXES or "__pycache__" in path.parts:
        return False
    if any(path.as_posix().startswith(folder + "/") for folder in EXCLUDE_DIRS):
        return False
    return str(path) in INCLUDE_FILES or path.parts[0] in INCLUDE_DIRS


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    files = sorted(p for p in tracked_files() if wanted(p) and (ROOT / p).is_file())
    qms = sorted((ROOT / "i18n").glob("*.qm"))
    if not qms:
        sys.exit("no compiled translation in i18n/: run `make translate-qm` first")
    out = ROOT / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(ROOT / path, f"{TOP}/{path.as_posix()}")
        for qm in qms:
            archive.write(qm, f"{TOP}/i18n/{qm.name}")
    print(f"{out}: {len(files) + len(qms)} files, version {args.version}")


if __name__ == "__main__":
    main()
