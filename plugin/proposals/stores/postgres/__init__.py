"""The PostgreSQL/PostGIS proposal store: store.py (the class), rows.py (rows ↔ model
objects), errors.py (SQLSTATEs → the core's errors), notify.py (LISTEN/NOTIFY),
outbox.py (the local GeoPackage of drafts), admin.py (schema install, convention sync)."""
