"""GeoGov core: catalogue, governance, proposals, publishing.

Nothing under this package (except ``plugin.bridge``) may import ``qgis`` or Qt:
the core is plain Python tested without QGIS (see tests/unit/test_layering.py).
"""
