"""GeoGov's settings: one typed dataclass, stored in the QgsSettings group ``geogov``.

Secrets are never stored here: a connection that needs credentials names a QGIS
authentication configuration (``authcfg``, an id of QGIS's encrypted auth database).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields

from qgis.core import QgsSettings

from ..catalogue.connections import CatalogueConnection
from ..transport import DEFAULT_MAX_MEGABYTES

GROUP = "geogov"


@dataclass
class ServiceConnection:
    name: str
    url: str
    kind: str = "wms"          # "wms" or "wfs"
    authcfg: str = ""
    timeout: int = 30


@dataclass
class Settings:
    catalogues: list = field(default_factory=list)   # CatalogueConnection
    services: list = field(default_factory=list)     # ServiceConnection
    convention_source: str = ""                      # path or URL of the convention YAML
    store_kind: str = "gpkg"                         # "gpkg" or "postgres"
    store_path: str = ""                             # GeoPackage store file
    store_dsn: str = ""                              # PostgreSQL: host/port/dbname/service, no password
    store_authcfg: str = ""                          # PostgreSQL credentials (QGIS auth database)
    identity_login: str = ""                         # GeoPackage mode only: who I am
    identity_partner: str = ""
    timeout: int = 30
    max_download_mb: int = DEFAULT_MAX_MEGABYTES     # largest answer read from a server
    poll_seconds: int = 60                           # GeoPackage-mode notifications
    colour_added: str = "#2ca02c"
    colour_deleted: str = "#d62728"
    colour_modified: str = "#ff7f0e"


# key in QgsSettings (under GROUP) -> (attribute, kind)
_KEYS = {
    "catalogues": ("catalogues", "catalogues"),
    "services": ("services", "services"),
    "convention/source": ("convention_source", str),
    "store/kind": ("store_kind", str),
    "store/path": ("store_path", str),
    "store/dsn": ("store_dsn", str),
    "store/authcfg": ("store_authcfg", str),
    "identity/login": ("identity_login", str),
    "identity/partner": ("identity_partner", str),
    "network/timeout": ("timeout", int),
    "network/max_download_mb": ("max_download_mb", int),
    "notifications/poll_seconds": ("poll_seconds", int),
    "diff/colour_added": ("colour_added", str),
    "diff/colour_deleted": ("colour_deleted", str),
    "diff/colour_modified": ("colour_modified", str),
}


def _connections(raw, cls):
    if not raw:
        return []
    try:
        items = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return []
    names = {f.name for f in fields(cls)}
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("url"):
            values = {k: v for k, v in item.items() if k in names}
            values.setdefault("name", item["url"])
            out.append(cls(**values))
    return out


def load(settings: QgsSettings | None = None) -> Settings:
    settings = settings or QgsSettings()
    result = Settings()
    for key, (attribute, kind) in _KEYS.items():
        full = f"{GROUP}/{key}"
        if not settings.contains(full):
            continue
        raw = settings.value(full)
        if kind == "catalogues":
            value = _connections(raw, CatalogueConnection)
        elif kind == "services":
            value = _connections(raw, ServiceConnection)
        elif kind is int:
            try:
                value = int(raw)
            except (TypeError, ValueError):
                continue
        else:
            value = "" if raw is None else str(raw)
        setattr(result, attribute, value)
    return result


def save(values: Settings, settings: QgsSettings | None = None) -> None:
    settings = settings or QgsSettings()
    for key, (attribute, kind) in _KEYS.items():
        value = getattr(values, attribute)
        if kind in ("catalogues", "services"):
            value = json.dumps([asdict(c) for c in value], ensure_ascii=False)
        settings.setValue(f"{GROUP}/{key}", value)
