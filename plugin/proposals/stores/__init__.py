"""The proposal stores: where proposals, reviews, apply attempts and the audit trail live.

- base.py: the one interface (ProposalStore) and the plain data it returns;
- geopackage/: one GeoPackage file, stdlib sqlite3 (rules advisory, in code);
- postgres/: PostgreSQL/PostGIS, the database enforces the rules (roles, RLS, triggers);
- what both share: the audit hash chain (audit.py), the convention as table rows
  (convention_tables.py), proposal ids, times, SRS ids and digests (row_values.py), and the
  versioned SQL migrations (migrations.py over sql/gpkg and sql/postgres).

The change-set engine (plugin/proposals/ outside this folder) never imports a store.
"""
