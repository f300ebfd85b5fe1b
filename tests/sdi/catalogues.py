"""The catalogue side of the demo: ISO records, pycsw's configuration, pygeoapi's.

Records name the demo services by URL, and URLs carry ports, so all of this is written
when servers start (:func:`write_catalogues`), not at build time.
"""

from __future__ import annotations

import configparser
import datetime as dt
import json
from pathlib import Path

import yaml

from . import CSW_MAXRECORDS, OAREC_COLLECTION, OAREC_MAX_ITEMS
from .datasets import DATASETS
from .iso19139 import record as iso_record
from .iso19139 import record_bytes
from .oarec import record as oarec_record
from .oarec import tinydb_document
from .project import SERVICE

CONVENTION = Path(__file__).resolve().parents[2] / "resources" / "demo" / "convention-idf.yaml"

RECORDS_DIR = "records"
PYCSW_CONFIG = "pycsw/pycsw.cfg"
PYCSW_WRITERS = "pycsw/writers.json"
# The demo's stewards write to its catalogue with this password (tests/sdi/DEMO.md).
DEMO_CATALOGUE_PASSWORD = "geogov-demo"
PYGEOAPI_CONFIG = "pygeoapi/pygeoapi.yml"
TINYDB_FILE = "pygeoapi/records.tinydb.json"
ZFE_BBOX = (2.2, 48.77, 2.52, 48.95)


def record_bbox(dataset, manifest: dict):
    for layer in manifest["layers"]:
        if layer["dataset"] == dataset.id:
            return layer["bbox_4326"]
    return ZFE_BBOX


def write_iso_records(demo_dir: Path, manifest: dict, ows_url: str, today: dt.date) -> Path:
    folder = demo_dir / RECORDS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.xml"):
        stale.unlink()
    for dataset in DATASETS:
        element = iso_record(dataset, today, ows_url, record_bbox(dataset, manifest))
        (folder / f"{dataset.record_id}.xml").write_bytes(record_bytes(element))
    return folder


def steward_logins(convention_path: Path) -> list:
    """The logins of the convention's contacts with the steward role."""
    document = yaml.safe_load(Path(convention_path).read_text(encoding="utf-8"))
    out = []
    for partner in document.get("partners", []):
        for contact in partner.get("contacts", []) or []:
            if contact.get("login") and "steward" in (contact.get("roles") or []):
                out.append(contact["login"])
    return out


def write_pycsw_writers(path: Path, logins, password: str = DEMO_CATALOGUE_PASSWORD) -> Path:
    """The writers file of serve_pycsw.py: who may run transactions (salted PBKDF2)."""
    import os

    from .serve_pycsw import writer_entry

    entries = {login: writer_entry(password, os.urandom(16)) for login in logins}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(entries, indent=1), encoding="utf-8")
    return path


def write_pycsw_config(demo_dir: Path, csw_url: str, transactions: bool = True) -> Path:
    """pycsw's configuration; ``transactions`` on: serve_pycsw.py's writers gate them."""
    path = demo_dir / PYCSW_CONFIG
    path.parent.mkdir(parents=True, exist_ok=True)
    database = (path.parent / "records.db").resolve()
    config = configparser.ConfigParser(interpolation=None)
    config["server"] = {
        "home": str(path.parent.resolve()),
        "url": csw_url,
        "mimetype": "application/xml; charset=UTF-8",
        "encoding": "UTF-8",
        "language": "fr-FR",
        # pycsw silently caps every GetRecords page at this value (tests read it from
        # tests.sdi.CSW_MAXRECORDS rather than assuming the client's maxRecords wins).
        "maxrecords": str(CSW_MAXRECORDS),
        "loglevel": "WARNING",
        "logfile": str((path.parent / "pycsw.log").resolve()),
        "pretty_print": "true",
        "domainquerytype": "list",
        "domaincounts": "false",
        "profiles": "apiso",
    }
    config["manager"] = {"transactions": "true" if transactions else "false",
                         "allowed_ips": "127.0.0.1"}
    config["metadata:main"] = {
        "identification_title": "GEO Île-de-France - catalogue (démonstration)",
        "identification_abstract": "Catalogue CSW des jeux de données partagés par les partenaires "
                                   "de la convention géodonnées Île-de-France (démonstration).",
        "identification_keywords": "Île-de-France,géodonnées,catalogue,convention",
        "identification_keywords_type": "theme",
        "identification_fees": "Aucun",
        "identification_accessconstraints": "Aucune",
        "provider_name": SERVICE["organisation"],
        "provider_url": SERVICE["online_resource"],
        "contact_name": SERVICE["person"],
        "contact_position": SERVICE["position"],
        "contact_address": "2 rue Simone Veil",
        "contact_city": "Saint-Ouen-sur-Seine",
        "contact_stateorprovince": "Île-de-France",
        "contact_postalcode": "93400",
        "contact_country": "France",
        "contact_phone": SERVICE["phone"],
        "contact_fax": "",
        "contact_email": SERVICE["mail"],
        "contact_url": SERVICE["online_resource"],
        "contact_hours": "9h-17h",
        "contact_instructions": "Par courriel",
        "contact_role": "pointOfContact",
    }
    config["repository"] = {"database": f"sqlite:///{database}", "table": "records"}
    config["metadata:inspire"] = {"enabled": "false"}
    with path.open("w", encoding="utf-8") as handle:
        config.write(handle)
    return path


def write_pygeoapi(demo_dir: Path, manifest: dict, base_url: str, ows_url: str, csw_url: str,
                   today: dt.date) -> Path:
    folder = demo_dir / Path(PYGEOAPI_CONFIG).parent
    folder.mkdir(parents=True, exist_ok=True)
    records = []
    for dataset in DATASETS:
        iso_url = (f"{csw_url}?service=CSW&version=2.0.2&request=GetRecordById&id={dataset.record_id}"
                   "&outputSchema=http://www.isotc211.org/2005/gmd&elementSetName=full")
        records.append(oarec_record(dataset, today, ows_url, record_bbox(dataset, manifest), iso_url))
    tinydb = demo_dir / TINYDB_FILE
    tinydb.write_text(json.dumps(tinydb_document(records), ensure_ascii=False, indent=1),
                      encoding="utf-8")
    west, south, east, north = manifest["extent_4326"]
    config = {
        "server": {
            "bind": {"host": "127.0.0.1", "port": int(base_url.rsplit(":", 1)[1].split("/")[0])},
            "url": base_url,
            "mimetype": "application/json; charset=UTF-8",
            "encoding": "utf-8",
            "languages": ["fr-FR", "en-US"],
            "pretty_print": True,
            "limits": {"default_items": 50, "max_items": OAREC_MAX_ITEMS},
            "map": {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                    "attribution": "OpenStreetMap"},
        },
        "logging": {"level": "WARNING"},
        "metadata": {
            "identification": {
                "title": "GEO Île-de-France - OGC API Records (démonstration)",
                "description": "Les mêmes fiches que le catalogue CSW, en OGC API Records.",
                "keywords": ["Île-de-France", "géodonnées", "catalogue"],
                "keywords_type": "theme",
                "terms_of_service": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
                "url": SERVICE["online_resource"],
            },
            "license": {"name": "Licence Ouverte 2.0",
                        "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"},
            "provider": {"name": SERVICE["organisation"], "url": SERVICE["online_resource"]},
            "contact": {"name": SERVICE["person"], "position": SERVICE["position"],
                        "email": SERVICE["mail"], "phone": SERVICE["phone"],
                        "city": "Saint-Ouen-sur-Seine", "postalcode": "93400", "country": "France",
                        "url": SERVICE["online_resource"], "role": "pointOfContact"},
        },
        "resources": {
            OAREC_COLLECTION: {
                "type": "collection",
                "title": "Catalogue GEO Île-de-France",
                "description": "Fiches de métadonnées des jeux de données partagés (démonstration).",
                "keywords": ["catalogue", "Île-de-France"],
                "links": [],
                "extents": {"spatial": {"bbox": [west, south, east, north],
                                        "crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}},
                "providers": [{"type": "record", "name": "TinyDBCatalogue", "data": str(tinydb.resolve()),
                               "id_field": "id", "time_field": "updated", "title_field": "title"}],
            },
        },
    }
    path = demo_dir / PYGEOAPI_CONFIG
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_catalogues(demo_dir: Path, urls: dict, today: dt.date = None) -> dict:
    """Write records and catalogue configurations for services at ``urls``.

    ``urls`` has ``ows`` (QGIS Server), ``csw`` (pycsw endpoint) and ``oarec`` (pygeoapi
    base URL). Returns the paths written.
    """
    today = today or dt.date.today()
    manifest = json.loads((demo_dir / "demo.json").read_text(encoding="utf-8"))
    return {
        "records": write_iso_records(demo_dir, manifest, urls["ows"], today),
        "pycsw_config": write_pycsw_config(demo_dir, urls["csw"]),
        "pycsw_writers": write_pycsw_writers(demo_dir / PYCSW_WRITERS,
                                             steward_logins(CONVENTION)),
        "pygeoapi_config": write_pygeoapi(demo_dir, manifest, urls["oarec"], urls["ows"],
                                          urls["csw"], today),
    }
