"""A territory reference published at a URL: read once through the plugin's transport and
kept in a local file (OGR opens files; the cache also spares the server at every start).

The file is named after its content's SHA-256, so a republished reference is a new file
and a cached one is never half-written (written beside, then renamed). A cache that cannot
be written (the disk full) is a TerritoryError with the file's code (file.disk_full…), which
the convention reports as a problem of its ``territories`` entry.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from typing import Callable, Optional

from ..errors import FileWriteError, GeoGovError, TerritoryError
from ..safe_files import file_error, write_file

CACHE_FOLDER = "geogov-territories"


def _extension(data: bytes) -> str:
    head = data[:64].lstrip()
    if head.startswith(b"SQLite format 3"):
        return ".gpkg"
    if head.startswith((b"{", b"[")):
        return ".geojson"
    if head.startswith(b"<"):
        return ".gml"
    return ".bin"


def local_copy(source: str, fetch: Optional[Callable[[str], bytes]], cache_dir: Optional[str] = None) -> str:
    """The local path of ``source`` (itself when it is not an http(s) URL)."""
    if "://" not in source:
        return source
    if not source.lower().startswith(("http://", "https://")) or fetch is None:
        raise TerritoryError(f"The territory reference {source} cannot be read from here",
                             code="territory.unreadable", file=source, reason="")
    try:
        data = fetch(source)
    except GeoGovError as error:
        raise TerritoryError(f"The territory reference {source} cannot be downloaded: {error}",
                             code="territory.download", file=source, reason=str(error)) from None
    folder = cache_dir or os.path.join(tempfile.gettempdir(), CACHE_FOLDER)
    path = os.path.join(folder, hashlib.sha256(data).hexdigest() + _extension(data))
    try:
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            raise file_error(error, path) from None
        if not os.path.exists(path):
            write_file(path, data)
    except FileWriteError as error:
        # The disk of the cache is full, or its folder read-only: said with the file's own
        # sentence (no half-written cache file is left: write_file renames a whole one).
        raise TerritoryError(f"The territory reference {source} cannot be kept in {path}: {error}",
                             code=error.code, file=source, **error.params) from None
    return path
