"""What a catalogue said about itself, kept for a while across searches.

Each search of the Catalogue dock opens a fresh client (plugin/catalogue/search.py
``search``); without this, every search would first ask the server its capabilities
(CSW GetCapabilities; OGC API collection, conformance and sortables) — one or three
extra round trips for answers that change a few times a year.
"""

from __future__ import annotations

import threading
import time

# Seconds a server's self-description is reused; a new connection or a plugin reload
# starts afresh (the cache is per process).
TTL = 600.0

_lock = threading.Lock()
_entries: dict = {}


def get(key):
    with _lock:
        entry = _entries.get(key)
        if entry is None:
            return None
        stored, value = entry
        if time.monotonic() - stored > TTL:
            del _entries[key]
            return None
        return value


def put(key, value) -> None:
    with _lock:
        _entries[key] = (time.monotonic(), value)


def clear() -> None:
    with _lock:
        _entries.clear()
