"""Publishing approved proposals to the authoritative data.

- wfs_client.py: DescribeFeatureType → Schema, GetFeature of given ids/keys → plain features;
- wfst.py: WFS 1.1.0 / 2.0.0 Transaction documents and TransactionResponse parsing;
- gml_geometry.py: geometry ↔ GML through OGR;
- sql_table.py, postgis_table.py, gpkg_table.py: PostGIS (psycopg2) and GeoPackage (sqlite3)
  tables, one transaction;
- apply.py: the apply engine (validate, conflict check, write, verify, undo, idempotent retry);
- conflicts.py: the 3-way conflict model and rebase;
- changelog.py: the public "journal des modifications" (CSV, GeoJSON, HTML).

No module here imports QGIS or Qt.
"""
