"""The demo regional SDI ("GEO Île-de-France", demo) described in DEMO.md.

    python -m geogov.tests.sdi build|up|down|status|run [--dir build/demo]

``build`` writes GeoPackages, the QGIS Server project and the MapServer mapfile (port
independent); ``up`` writes the catalogue records for the chosen ports, starts QGIS Server,
pycsw, pygeoapi and MapServer detached and records them in ``state.json``; ``down`` stops
them; ``status`` prints their URLs; ``run`` does ``up`` in the foreground and launches QGIS
desktop with GeoGov configured for the demo, stopping the servers when QGIS exits.

Modules: partners/datasets (the contract's data), geodata (GeoPackages), project (.qgs),
mapfile (MapServer), iso19139/oarec/catalogues (records), build (the build and the start),
desktop_profile (the ``run`` profile); serve_*.py run in the pycsw/pygeoapi venvs.
Importing this package imports nothing heavy: the constants below are what tests read.
"""

# pycsw caps every GetRecords page at this ``maxrecords`` (silently): one place for tests.
CSW_MAXRECORDS = 1000
# pygeoapi's ``limits.max_items``: the largest page of /collections/<id>/items.
OAREC_MAX_ITEMS = 1000
# The OGC API Records collection holding the demo records.
OAREC_COLLECTION = "geo-idf"

# Default ports of `make demo-up` / `make run` (GEOGOV_DEMO_PORT_<NAME> overrides each).
DEFAULT_PORTS = {"qgis": 8601, "pycsw": 8602, "pygeoapi": 8603, "mapserver": 8604,
                 "features": 8605, "postgres": 8606}
