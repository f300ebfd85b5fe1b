"""A territory reference published at a URL: read once through the plugin's transport and
kept in a local file (OGR opens files; the cache also spares the server at every start).

The file is named after its content's SHA-256, so a republished reference is a new file
and a cached one is never half-written (written beside, then renamed).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from typing import Callable, Optional

from ..errors import GeoGovError, TerritoryError

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
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, hashlib.sha256(data).hexdigest() + _extension(data))
    if not os.path.exists(path):
        partial = f"{path}.{os.getpid()}.part"
        with open(partial, "wb") as handle:
            handle.write(data)
        os.replace(partial, path)
    return path
