"""The files GeoGov writes on the user's disk (plugin/safe_files.py) when the disk fails.

A full disk (the kernel's own ENOSPC: the temporary file's writes go to /dev/full), a file
size limit (EFBIG, in a child with RLIMIT_FSIZE), a read-only folder or file (chmod, or
chattr +i for root): each export raises a FileWriteError with the condition's code and the
file's path, leaves the file that was there whole, and leaves no temporary file behind.
Windows' "open in another program" (winerror 32) is checked on the classification only.
"""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from geogov.plugin import safe_files
from geogov.plugin.bridge.messages import all_messages, error_text
from geogov.plugin.errors import FileWriteError, TerritoryError
from geogov.plugin.publishing.changelog import export_changelog
from geogov.plugin.territories.remote import local_copy
from geogov.tests.support import disk_faults as D  # noqa: N812

ROOT = Path(__file__).resolve().parents[2]
CODES = ("file.write_failed", "file.disk_full", "file.too_large", "file.read_only", "file.permission",
         "file.locked", "file.no_folder")
GOOD = "the good export of yesterday\n" * 100


@pytest.fixture()
def folder(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "changes.csv").write_text(GOOD, encoding="utf-8")
    return folder


def leftovers(folder) -> list:
    return sorted(p.name for p in Path(folder).iterdir() if p.name != "changes.csv")


@pytest.fixture()
def full_disk(monkeypatch):
    """The temporary file's bytes go to /dev/full: the kernel answers ENOSPC."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    opened = safe_files._open_temporary

    def to_dev_full(temporary, mode, encoding, newline):
        opened(temporary, mode, encoding, newline).close()    # it exists, empty, as on a full disk
        return open("/dev/full", mode, encoding=encoding, newline=newline)

    monkeypatch.setattr(safe_files, "_open_temporary", to_dev_full)


def assert_said(error, code, path):
    assert error.code == code, (error.code, str(error))
    assert error.params["path"] == str(path)
    text = error_text(error)
    assert str(path) in text and "{" not in text, text
    if code != "file.no_folder":
        assert "Nothing was lost" in text, text


def test_a_file_is_replaced_whole_with_its_permissions_kept(folder):
    path = folder / "changes.csv"
    os.chmod(path, 0o640)
    safe_files.write_file(path, "new;content\r\n", encoding="utf-8", newline="")
    assert path.read_bytes() == b"new;content\r\n"
    assert (os.stat(path).st_mode & 0o777) == 0o640 and leftovers(folder) == []
    safe_files.write_file(folder / "fresh.json", b"{}")
    assert (folder / "fresh.json").read_bytes() == b"{}"


def test_a_full_disk_leaves_the_earlier_export_whole(folder, full_disk):
    path = folder / "changes.csv"
    with pytest.raises(FileWriteError) as caught:
        export_changelog([], str(path), "csv")
    assert_said(caught.value, "file.disk_full", path)
    assert path.read_text(encoding="utf-8") == GOOD and leftovers(folder) == []
    with pytest.raises(FileWriteError) as caught:
        safe_files.write_file(folder / "new.html", "<p>é</p>", encoding="utf-8")
    assert caught.value.code == "file.disk_full" and leftovers(folder) == []


def test_a_full_disk_then_space_freed_writes_the_export(folder, full_disk, monkeypatch):
    path = folder / "changes.csv"
    with pytest.raises(FileWriteError):
        export_changelog([], str(path), "csv")
    monkeypatch.undo()
    export_changelog([], str(path), "csv")
    assert path.read_text(encoding="utf-8-sig").startswith("applied_at") and leftovers(folder) == []


CHILD = r"""
import json, resource, signal, sys
from geogov.plugin import safe_files
from geogov.plugin.errors import FileWriteError
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (10000, 10000))
try:
    safe_files.write_file(sys.argv[1], b"x" * 200000)
    print(json.dumps(["written"]))
except FileWriteError as error:
    print(json.dumps([error.code, error.params["path"]]))
"""


def test_a_file_size_limit_in_a_child_is_said_too_large(folder):
    pytest.importorskip("resource")
    path = folder / "changes.csv"
    pythonpath = [str(ROOT / "build" / "py"), os.environ.get("PYTHONPATH")]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=os.pathsep.join(filter(None, pythonpath)))
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["file.too_large", str(path)]
    assert path.read_text(encoding="utf-8") == GOOD and leftovers(folder) == []


def test_a_read_only_folder_is_said_and_the_file_kept(folder):
    path = folder / "changes.csv"
    with D.read_only(folder):
        with pytest.raises(FileWriteError) as caught:
            export_changelog([], str(path), "html")
        assert_said(caught.value, "file.permission", path)
        assert path.read_text(encoding="utf-8") == GOOD
        found = safe_files.diagnose(path, "")
        assert found.code == "file.permission"
    assert leftovers(folder) == []


def test_a_read_only_file_is_not_replaced(folder):
    path = folder / "changes.csv"
    with D.read_only(path):
        with pytest.raises(FileWriteError) as caught:
            safe_files.write_file(path, "other")
        assert caught.value.code == "file.permission"
    assert path.read_text(encoding="utf-8") == GOOD and leftovers(folder) == []


def test_a_missing_folder_is_said_so(tmp_path):
    path = tmp_path / "gone" / "changes.csv"
    with pytest.raises(FileWriteError) as caught:
        safe_files.write_file(path, "x")
    assert_said(caught.value, "file.no_folder", path)
    assert not path.parent.exists()


@pytest.mark.parametrize("error, code", [
    (OSError(errno.ENOSPC, "No space left on device"), "file.disk_full"),
    (OSError(errno.EFBIG, "File too large"), "file.too_large"),
    (OSError(errno.EROFS, "Read-only file system"), "file.read_only"),
    (PermissionError(errno.EACCES, "Permission denied"), "file.permission"),
    (OSError(errno.EIO, "Input/output error"), "file.write_failed"),
])
def test_os_errors_give_the_code(error, code):
    assert safe_files.file_error(error, "/x/y.pdf").code == code


@pytest.mark.parametrize("winerror, code", [(32, "file.locked"), (33, "file.locked"),
                                            (112, "file.disk_full"), (5, "file.permission")])
def test_windows_errors_give_the_code(winerror, code):
    """What Python raises on Windows: errno from the C runtime, and the winerror behind it."""
    error = PermissionError(errno.EACCES, "The process cannot access the file")
    if winerror == 112:
        error = OSError(errno.ENOSPC, "There is not enough space on the disk")
    error.winerror = winerror
    assert safe_files.file_error(error, r"C:\Users\tech\rapport.pdf").code == code


def test_a_writer_without_errno_is_diagnosed_by_its_words_when_the_folder_is_fine(folder):
    path = folder / "report.pdf"
    gdal_says = "sqlite3_step() failed: database or disk is full"
    assert safe_files.diagnose(path, gdal_says).code == "file.disk_full"
    assert safe_files.diagnose(path, "exporter code 2").code == "file.write_failed"
    assert leftovers(folder) == []


def test_a_territory_cache_that_cannot_be_written_is_a_territory_problem(folder):
    cache = folder / "cache"
    cache.mkdir()
    data = b'{"type": "FeatureCollection", "features": []}'
    with D.read_only(cache):
        with pytest.raises(TerritoryError) as caught:
            local_copy("https://example.org/communes.geojson", lambda url: data, str(cache))
    error = caught.value
    assert error.code == "file.permission" and error.params["file"] == "https://example.org/communes.geojson"
    assert error.params["path"].startswith(str(cache)) and list(cache.iterdir()) == []
    from geogov.plugin.bridge.messages.governance import problem_text
    from geogov.plugin.governance.convention import Problem

    text = problem_text(Problem(error.code, str(error), "territories", 1, 1, "c.yaml", error.params))
    assert error.params["path"] in text and "Nothing was lost" in text
    path = local_copy("https://example.org/communes.geojson", lambda url: data, str(cache))
    assert Path(path).read_bytes() == data and len(list(cache.iterdir())) == 1


def test_every_file_code_has_its_sentence_in_english_and_french():
    table = all_messages()
    french = {}
    for message in etree.parse(str(ROOT / "i18n" / "geogov_fr.ts")).iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and (translation.text or "").strip():
            french[message.findtext("source")] = translation.text
    placeholder = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)\}")
    for code in CODES + ("proposal.copy_failed",):
        english = table[code]
        assert english in french, f"{code}: no French for {english!r}"
        assert set(placeholder.findall(english)) == set(placeholder.findall(french[english]))
