"""Every string a user can see has a French translation, with the same placeholders.

pylupdate5 scans the sources exactly as `make translate` does, into a scratch .ts; each
message it finds must be in i18n/geogov_fr.ts with a finished translation. A new tr()
string without its French fails here.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "i18n" / "geogov_fr.ts"
PLACEHOLDER = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)(?:[:!][^}]*)?\}")


def sources():
    files = sorted(str(p.relative_to(ROOT)) for folder in ("plugin", "ui")
                   for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)
    files += sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.ui"))
    return files


def messages(path):
    tree = etree.parse(str(path))
    out = {}
    for context in tree.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            out[(name, message.findtext("source"))] = (
                translation.text or "", translation.get("type"))
    return out


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    if shutil.which("pylupdate5") is None:
        pytest.skip("pylupdate5 is not installed (Debian package pyqt5-dev-tools; `make setup`)")
    out = tmp_path_factory.mktemp("ts") / "scan.ts"
    subprocess.run(["pylupdate5", "-noobsolete", *sources(), "-ts", str(out)], cwd=ROOT,
                   check=True, capture_output=True)
    return messages(out)


def test_the_sources_have_translatable_strings(scanned):
    assert len(scanned) > 500


def test_every_visible_string_has_a_french_translation(scanned):
    committed = messages(TS)
    missing = [f"{context}: {source!r}" for (context, source) in scanned
               if (context, source) not in committed
               or committed[(context, source)][1] in ("unfinished", "obsolete", "vanished")
               or not committed[(context, source)][0].strip()]
    assert missing == [], (f"{len(missing)} strings lack French in i18n/geogov_fr.ts "
                           "(run `make translate`, then translate them):\n" + "\n".join(missing[:40]))


def test_translations_keep_the_placeholders(scanned):
    committed = messages(TS)
    wrong = []
    for key in scanned:
        translation, kind = committed.get(key, ("", None))
        if not translation or kind == "unfinished":
            continue
        if set(PLACEHOLDER.findall(key[1])) != set(PLACEHOLDER.findall(translation)):
            wrong.append(f"{key[1]!r} -> {translation!r}")
    assert wrong == []


def test_the_compiled_catalogue_builds(tmp_path):
    if shutil.which("lrelease") is None:
        pytest.skip("lrelease is not installed (python3-qgis; `make setup`)")
    out = subprocess.run(["lrelease", str(TS), "-qm", str(tmp_path / "fr.qm")], capture_output=True,
                         text=True, check=True)
    assert (tmp_path / "fr.qm").stat().st_size > 1000, out.stdout


def test_no_sentence_is_translated_inside_an_f_string():
    """pylupdate5 does not look inside f-strings: a tr("…") there never reaches the .ts file
    and stays English for good (the change log page had eight)."""
    import ast

    root = Path(__file__).resolve().parents[2]
    found = []
    for path in sorted([*(root / "plugin").rglob("*.py"), *(root / "ui").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                name = getattr(getattr(inner, "func", None), "id", None) or \
                    getattr(getattr(inner, "func", None), "attr", None)
                if isinstance(inner, ast.Call) and name in ("tr", "translate"):
                    found.append(f"{path.relative_to(root)}:{inner.lineno}")
    assert found == []
