""""Propose my changes" on a WFS layer of a real QGIS Server (WFS 1.1.0 + WFS-T).

The technician edits the partner's WFS layer in QGIS's edit mode; the proposal holds
exactly those changes with base fingerprints equal to those of the server's own
GeoPackage rows (what the apply step will compare); the edit buffer is rolled back and
the server's data never changes — QGIS never sends a Transaction.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from geogov.plugin.bridge import features
from geogov.plugin.proposals import gpkg_table_reader
from geogov.plugin.proposals.fingerprint import fingerprint
from geogov.plugin.proposals.stores.base import TO_REVIEW
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.support import propose_fixtures as P  # noqa: N812 (short: used on every line)
from geogov.ui.propose_dialog import ProposeDialog

TABLE = "amenagements_cyclables"


@pytest.fixture()
def wfs_layer(qgis_app, wfst_server):
    layer = QgsVectorLayer(f"url='{wfst_server.url}' typename='{TABLE}' version='1.1.0' "
                           "srsname='EPSG:2154'", TABLE, "WFS")
    assert layer.isValid(), "the WFS layer of the test server"
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()


def test_a_wfs_layers_edits_become_a_proposal_and_never_reach_the_server(qgis_iface, wfst_server,
                                                                          wfs_layer, tmp_path):
    server_gpkg = wfst_server.gpkg[TABLE]
    before = P.table_rows(server_gpkg, TABLE)
    store = P.demo_store(tmp_path / "proposals.gpkg", P.convention(demo=True))
    edits = P.edit_three(wfs_layer)
    dialog = ProposeDialog(qgis_iface, P.ConventionState(P.convention(demo=True)), wfs_layer,
                           outbox_path=str(tmp_path / "outbox.gpkg"),
                           load_settings=lambda: P.gpkg_settings(store, demo=True))
    dialog.confirm = lambda title, text: True
    try:
        dialog.start()
        P.wait_idle(dialog)
        prepared = dialog.prepared
        assert prepared is not None and prepared.save_error is None, dialog.status.text()
        assert prepared.problems == [] and prepared.departements == ["94"]
        assert (prepared.source.target.kind, prepared.source.target.uri, prepared.source.target.layer) == \
            ("wfs", wfst_server.url, TABLE)
        assert prepared.source.schema.key == "identifiant"
        dialog.comment.setPlainText("Relevé terrain")
        dialog.submit()
        P.wait_idle(dialog)
        assert dialog.proposal.status == "submitted", dialog.status.text()
        assert not wfs_layer.isEditable() and not wfs_layer.isModified()
    finally:
        dialog.reject()
        dialog.deleteLater()

    with GeoPackageStore(store, "steward94") as steward:
        assert [s.id for s in steward.list_proposals(TO_REVIEW)] == [dialog.proposal.id]
        proposal = steward.get_proposal(dialog.proposal.id)
    assert proposal.target.kind == "wfs" and proposal.target.version == "1.1.0"
    ops = {c.op: c for c in proposal.changeset.changes}
    assert (ops["insert"].key, ops["update"].key, ops["delete"].key) == \
        (edits.inserted, edits.moved, edits.deleted) and len(proposal.changeset.changes) == 3
    assert ops["update"].changed_fields == [edits.field] and ops["update"].geometry_changed
    # The fingerprints the proposal holds (features read through WFS GML) are those of the
    # server's own rows, read from its GeoPackage: the apply step can compare them.
    schema = features.schema_from_layer(wfs_layer, "identifiant")
    server_rows = {key: (dict(zip(schema.field_names(), values)), blob)
                   for key, values, blob in gpkg_table_reader.read_rows(server_gpkg, TABLE, schema)}
    for change in (ops["update"], ops["delete"]):
        attributes, blob = server_rows[change.key]
        assert change.base_fingerprint == fingerprint(attributes, blob, schema), change.key
    assert P.table_rows(server_gpkg, TABLE) == before
