"""Release every map layer before pytest-qgis calls exitQgis() at the end of the session.

PyQGIS segfaults at interpreter exit when a layer outlives exitQgis(): the OGR provider's
destructor then calls a GDAL function that is already gone (seen at the end of the qgis
test run: QgsOgrProviderUtils::GDALCloseWrapper, rc 139, every test passed). Tracebacks
of expected errors keep frames — and the layers in them — alive until the very end. This
fixture depends on pytest-qgis's ``qgis_app``, so its teardown runs before that one's.
"""

import gc

import pytest


@pytest.fixture(autouse=True, scope="session")
def _release_layers_before_exit(qgis_app):
    yield
    from qgis.core import QgsMapLayer, QgsProject
    from qgis.PyQt import sip

    QgsProject.instance().removeAllMapLayers()
    gc.collect()
    for obj in gc.get_objects():
        try:
            is_layer = isinstance(obj, QgsMapLayer)
        except ReferenceError:
            continue
        if is_layer and not sip.isdeleted(obj) and sip.ispyowned(obj):
            sip.delete(obj)
    gc.collect()
