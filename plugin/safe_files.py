"""Files GeoGov writes on the user's disk, written so that a failure never leaves half of one.

Every export (change log, governance report, catalogue connections, the cached territory
reference) goes through :func:`replacing` / :func:`replaced` / :func:`write_file`: the
bytes go to a temporary file in the same folder (same file system, so the rename is
atomic), which is flushed to the disk, then renamed over the final name (``os.replace``).
Any failure — the disk full, a read-only folder, a file held open by another program —
removes the temporary file and raises a FileWriteError whose code says which
(:func:`file_error`): a file that was at the path before is still there, whole.

Writers that give no ``errno`` (QGIS's layout exporter, QgsVectorFileWriter) are
diagnosed afterwards by :func:`diagnose`. Nothing here depends on the platform beyond
Python's own ``os`` (on Windows a file open in another program is ``winerror`` 32/33).
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from contextlib import contextmanager
from typing import Optional

from .errors import FileWriteError

_DISK_FULL = {errno.ENOSPC} | ({errno.EDQUOT} if hasattr(errno, "EDQUOT") else set())
_WINDOWS_DISK_FULL = {39, 112}           # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
_WINDOWS_IN_USE = {32, 33}               # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
PROBE_BYTES = 64 * 1024


def folder_of(path) -> str:
    return os.path.dirname(os.path.abspath(os.fspath(path)))


def os_condition(error: OSError) -> str:
    """What an OSError says of a write: disk_full, too_large, read_only, locked, permission,
    no_folder, or write_failed."""
    winerror = getattr(error, "winerror", None)
    number = error.errno
    if number in _DISK_FULL or winerror in _WINDOWS_DISK_FULL:
        return "disk_full"
    if winerror in _WINDOWS_IN_USE:
        return "locked"
    if number == errno.EFBIG:
        return "too_large"
    if number == errno.EROFS:
        return "read_only"
    if number in (errno.EACCES, errno.EPERM):
        return "permission"
    if number in (errno.ENOENT, errno.ENOTDIR):
        return "no_folder"
    return "write_failed"


def file_error(error: OSError, path) -> FileWriteError:
    """The FileWriteError for an OSError met while writing ``path``."""
    path = os.fspath(path)
    condition = os_condition(error)
    detail = error.strerror or str(error)
    return FileWriteError(f"cannot write {path}: {detail}", code=f"file.{condition}", path=path,
                          folder=folder_of(path), detail=detail)


def _temporary_name(target: str) -> str:
    folder, name = os.path.split(target)
    stem, extension = os.path.splitext(name)
    # Beside the target (same file system), hidden on POSIX, its extension kept (an
    # exporter may look at it), short enough for any file system's name limit.
    return os.path.join(folder, f".{stem[:60]}.{secrets.token_hex(4)}.part{extension[:16]}")


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


@contextmanager
def replaced(path):
    """Yield a temporary path beside ``path`` to write; at the end it replaces ``path``.

    Whatever the writer raises, the temporary file is removed and ``path`` is untouched
    (an OSError becomes a FileWriteError). The writer must have written the file.
    """
    target = os.path.realpath(os.fspath(path))      # a link: its file is replaced, not the link
    if not os.path.isdir(os.path.dirname(target)):
        raise file_error(FileNotFoundError(errno.ENOENT, "No such folder"), path)
    temporary = _temporary_name(target)
    try:
        yield temporary
        if os.name != "nt" and os.path.exists(target):
            try:   # keep the old file's permissions (a report others read on a share)
                os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))
            except OSError:
                pass
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise file_error(error, path) from None
    except BaseException:
        _remove(temporary)
        raise


@contextmanager
def replacing(path, mode: str = "wb", encoding: Optional[str] = None, newline: Optional[str] = None):
    """``open(path, mode)`` that writes a temporary file, synced and renamed over ``path``
    at the end (see :func:`replaced`); ``mode`` is "w" or "wb"."""
    if mode not in ("w", "wb"):
        raise ValueError(mode)
    with replaced(path) as temporary:
        with _open_temporary(temporary, mode, encoding, newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())      # the disk full on a network share shows here


def _open_temporary(temporary: str, mode: str, encoding: Optional[str], newline: Optional[str]):
    # O_EXCL: never write through a file someone put there; 0o666: the umask applies, as
    # for a file open() creates.
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    return os.fdopen(fd, mode, encoding=encoding, newline=newline)


def write_file(path, data, encoding: Optional[str] = None, newline: Optional[str] = None) -> str:
    """Write ``data`` (bytes, or str with ``encoding``) to ``path`` through a temporary file."""
    text = isinstance(data, str)
    with replacing(path, "w" if text else "wb", encoding=encoding if text else None,
                   newline=newline if text else None) as handle:
        handle.write(data)
    return os.fspath(path)


_HINTS = (("disk_full", ("disk is full", "no space left", "disk full", "quota")),
          ("read_only", ("read-only file system", "readonly database", "read-only")),
          ("permission", ("permission denied", "access is denied", "access denied")),
          ("too_large", ("file too large",)))


def diagnose(path, detail: str = "") -> FileWriteError:
    """Why a writer that gives no errno failed to write ``path``: a small probe file written
    in the same folder finds a full disk or a folder that cannot be written to; else the
    writer's own message ``detail`` is searched for the usual words."""
    folder = folder_of(path)
    probe = _temporary_name(os.path.join(folder, "geogov-probe"))
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        try:
            os.write(fd, b"\0" * PROBE_BYTES)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        return file_error(error, path)
    finally:
        _remove(probe)
    lowered = (detail or "").lower()
    condition = next((name for name, words in _HINTS if any(w in lowered for w in words)),
                     "write_failed")
    return FileWriteError(f"cannot write {path}: {detail}", code=f"file.{condition}", path=os.fspath(path),
                          folder=folder, detail=detail)
