"""The GeoPackage proposal store: store.py (the class, writes), reads.py (reads),
rows.py (rows ↔ model objects), file_format.py (geometry blobs, SRS rows, layer views)."""
