"""A real pygeoapi (OGC API Features, Part 4 writes) serving a PostGIS table, for tests,
the bench and the demo.

:func:`eclairage_table` makes a PostGIS table mirroring the demo's ``eclairage_public``
(its rows, ``identifiant`` NOT NULL UNIQUE, ``CHECK puissance_w > 0``); :func:`write_config`
writes a pygeoapi configuration whose collection ``eclairage`` uses pygeoapi's PostgreSQL
provider with ``editable: true`` and a Lambert-93 storage CRS; :func:`start` runs it.

The provider's id field is the table's serial ``fid``: pygeoapi's item id. The database
login pygeoapi uses holds only the table privileges.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import servers as srv
from .apply_helpers import FIELDS, TABLE, read_gpkg

COLLECTION = "eclairage"
STORAGE_CRS = "http://www.opengis.net/def/crs/EPSG/0/2154"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EDITOR, EDITOR_PASSWORD = "oapif_editor", "oapif-editor-pw"
NAMES = [f.name for f in FIELDS]

DDL = """
CREATE TABLE {table} (
  fid serial PRIMARY KEY,
  geom geometry(Point, 2154) NOT NULL,
  identifiant text NOT NULL UNIQUE,
  type_lampe text,
  puissance_w integer CONSTRAINT puissance_positive CHECK (puissance_w > 0),
  hauteur_m double precision,
  date_pose date,
  code_insee text,
  etat text
)"""


@dataclass
class OapifServer:
    url: str                  # the API's landing page
    collection: str
    table: str
    dsn: str                  # the superuser's DSN of the database (to read the table directly)
    server: srv.Server

    @property
    def collection_url(self) -> str:
        return f"{self.url}/collections/{self.collection}"

    def stop(self) -> None:
        self.server.stop()


def eclairage_table(cluster, database: str, gpkg_path: Path, table: str = TABLE,
                    rows: int = 0) -> str:
    """Create ``table`` in ``database`` (made if missing) with the demo's rows (``rows`` > 0:
    that many generated rows instead); grant the editor login; the superuser DSN."""
    conn = cluster.connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
            exists = cur.fetchone() is not None
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (EDITOR,))
            login = cur.fetchone() is not None
    finally:
        conn.close()
    if not exists:
        cluster.create_database(database)
    if not login:
        cluster.create_login(EDITOR, EDITOR_PASSWORD)
    conn = cluster.connect(database, autocommit=False)
    try:
        with conn.cursor() as cur:
            cur.execute(f"DROP TABLE IF EXISTS {table}")
            cur.execute(DDL.format(table=table))
            if rows:
                cur.execute(
                    f"INSERT INTO {table} (identifiant, type_lampe, puissance_w, hauteur_m, "
                    "date_pose, code_insee, etat, geom) SELECT 'EP-B-' || lpad(i::text, 6, '0'), "
                    "'LED', 50 + i % 100, 6.5, date '2020-01-01' + i % 900, '94028', 'en service', "
                    f"ST_SetSRID(ST_MakePoint(650000 + i % 300 * 10, 6855000 + i / 300 * 10), 2154) "
                    f"FROM generate_series(1, {int(rows)}) AS i")
            else:
                for feature in read_gpkg(gpkg_path).values():
                    values = [feature.attributes[n] for n in NAMES]
                    cur.execute(f"INSERT INTO {table} ({', '.join(NAMES)}, geom) VALUES "
                                f"({', '.join(['%s'] * len(NAMES))}, ST_GeomFromWKB(%s, 2154))",
                                values + [feature.geometry])
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'fid'), "
                            f"max(fid)) FROM {table}")
            cur.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {EDITOR}")
            cur.execute(f"GRANT USAGE ON SEQUENCE {table}_fid_seq TO {EDITOR}")
        conn.commit()
    finally:
        conn.close()
    return cluster.dsn(database)


def write_config(folder: Path, port: int, cluster, database: str, table: str = TABLE,
                 collection: str = COLLECTION, editable: bool = True) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = f"http://{srv.HOST}:{port}"
    config = {
        "server": {"bind": {"host": srv.HOST, "port": port}, "url": base,
                   "mimetype": "application/json; charset=UTF-8", "encoding": "utf-8",
                   "languages": ["fr-FR"], "pretty_print": False,
                   "limits": {"default_items": 100, "max_items": 2000},
                   "map": {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                           "attribution": "OpenStreetMap"}},
        "logging": {"level": "WARNING"},
        "metadata": {
            "identification": {"title": "Éclairage public (OGC API Features, démonstration)",
                               "description": "pygeoapi on PostGIS, Part 4 writes",
                               "keywords": ["éclairage"], "keywords_type": "theme",
                               "terms_of_service": "", "url": base},
            "license": {"name": "Licence Ouverte 2.0",
                        "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"},
            "provider": {"name": "SIPPEREC (démonstration)", "url": base},
            "contact": {"name": "Démonstration", "email": "demo@example.org", "url": base},
        },
        "resources": {collection: {
            "type": "collection", "title": "Éclairage public",
            "description": "Points lumineux (démonstration)", "keywords": ["éclairage"],
            "links": [],
            "extents": {"spatial": {"bbox": [2.2, 48.7, 2.6, 48.95],
                                    "crs": CRS84}},
            "providers": [{
                "type": "feature", "name": "PostgreSQL", "editable": editable,
                "data": {"host": srv.HOST, "port": cluster.port, "dbname": database,
                         "user": EDITOR, "password": EDITOR_PASSWORD,
                         "search_path": ["public"]},
                "id_field": "fid", "table": table, "geom_field": "geom",
                "storage_crs": STORAGE_CRS, "crs": [STORAGE_CRS, CRS84],
            }],
        }},
    }
    path = folder / "pygeoapi-features.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def start(folder: Path, cluster, database: str, table: str = TABLE, *,
          collection: str = COLLECTION, editable: bool = True, port: int = 0,
          detached: bool = False) -> OapifServer:
    port = port or srv.free_port()
    config = write_config(folder, port, cluster, database, table, collection, editable)
    server = srv.start_pygeoapi(config, port, collection=collection, detached=detached)
    return OapifServer(server.url, collection, table, cluster.dsn(database), server)
