"""QGIS's own Save button on a shared WFS layer writes nothing: the server refuses it.

The demo's QGIS Server loads the WFS-T guard (tests/sdi/server_plugins/geogov_wfst_guard):
everyone reads, only the appliers' HTTP Basic credentials write. A technician's QGIS,
without those credentials, commits a layer edit: the server refuses every action and its
data stays as it was; GeoGov's apply, with the applier's QGIS authentication
configuration, writes the same change. Real QGIS Server, real QGIS WFS provider.
"""

from __future__ import annotations

import base64
import copy
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from geogov.plugin.bridge.network import QgisTransport
from geogov.plugin.proposals.model import Target
from geogov.plugin.publishing import result as outcomes
from geogov.plugin.publishing.apply import apply_proposal
from geogov.tests.sdi.project import set_service_urls
from geogov.tests.support import servers as srv
from geogov.tests.support.apply_helpers import (
    TABLE,
    approved_proposal,
    changeset_of,
    differences,
    eclairage_schema,
    read_gpkg,
)
from geogov.tests.support.auth import basic_authcfg

APPLIER, APPLIER_PASSWORD = "steward_sipperec", "applier-secret-pw"


@pytest.fixture()
def guarded(demo_build, tmp_path):
    """A writable copy of the demo's QGIS Server project, served with the WFS-T guard."""
    data = srv.writable_copy(demo_build, tmp_path / "wfst")
    port = srv.free_port()
    set_service_urls(data["project"], f"http://{srv.HOST}:{port}/ows")
    server = srv.start_qgis_server(data["project"], port, name="qgis-wfst-guarded",
                                   appliers={APPLIER: APPLIER_PASSWORD})
    try:
        yield server, data["gpkg"][TABLE]
    finally:
        server.stop()


def transaction(url, body: bytes, credentials=None) -> bytes:
    request = urllib.request.Request(url + "?SERVICE=WFS", data=body, method="POST",
                                     headers={"Content-Type": "text/xml"})
    if credentials:
        token = base64.b64encode(":".join(credentials).encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.read()
    except urllib.error.HTTPError as error:
        return error.read()


def update_document(fid: str, value: str) -> bytes:
    return (f'<wfs:Transaction service="WFS" version="1.1.0" xmlns:wfs="http://www.opengis.net/wfs" '
            f'xmlns:ogc="http://www.opengis.net/ogc"><wfs:Update typeName="{TABLE}"><wfs:Property>'
            f'<wfs:Name>etat</wfs:Name><wfs:Value>{value}</wfs:Value></wfs:Property><ogc:Filter>'
            f'<ogc:FeatureId fid="{TABLE}.{fid}"/></ogc:Filter></wfs:Update></wfs:Transaction>').encode()


def test_a_technicians_save_on_the_shared_layer_is_refused_by_the_server(qgis_app, guarded):
    server, path = guarded
    before = read_gpkg(path)
    layer = QgsVectorLayer(f"url='{server.url}' typename='{TABLE}' version='1.1.0' srsname='EPSG:2154'",
                           TABLE, "WFS")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    try:
        feature = next(layer.getFeatures())
        assert layer.startEditing()
        field = layer.fields().indexOf("etat")
        assert layer.changeAttributeValue(feature.id(), field, "depose par erreur")
        assert layer.deleteFeature(next(f for f in layer.getFeatures() if f.id() != feature.id()).id())
        assert not layer.commitChanges(), "QGIS Server accepted a technician's WFS-T Save"
        assert layer.commitErrors()
        layer.rollBack()
    finally:
        QgsProject.instance().removeAllMapLayers()
    assert differences(read_gpkg(path), before, eclairage_schema()) == []
    # The same through plain HTTP: no credentials, a wrong password, another login.
    fid = sorted(read_gpkg(path, key="fid"))[0]
    for credentials in (None, (APPLIER, "wrong"), ("tech94", APPLIER_PASSWORD)):
        answer = transaction(server.url, update_document(fid, "force"), credentials)
        assert b"Security" in answer and b"totalUpdated" not in answer, (credentials, answer[:300])
    assert differences(read_gpkg(path), before, eclairage_schema()) == []
    # Reading stays open to all.
    with urllib.request.urlopen(f"{server.url}?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature"
                                f"&TYPENAME={TABLE}&MAXFEATURES=1", timeout=30) as answer:
        assert b"featureMember" in answer.read()
    # The control: the same Save with the applier's credentials is written (so what refused
    # the technician's was the guard). ASCII values: QGIS Server 3.22 never answers a
    # Transaction body holding "é" (measured), which would fail any commit.
    authcfg = basic_authcfg(APPLIER, APPLIER_PASSWORD)
    applier = QgsVectorLayer(f"url='{server.url}' typename='{TABLE}' version='1.1.0' srsname='EPSG:2154' "
                             f"authcfg='{authcfg}'", TABLE, "WFS")
    assert applier.isValid()
    QgsProject.instance().addMapLayer(applier)
    try:
        feature = next(applier.getFeatures())
        assert applier.startEditing()
        etat = applier.fields().indexOf("etat")
        assert applier.changeAttributeValue(feature.id(), etat, "depose par erreur")
        assert applier.commitChanges(), applier.commitErrors()
    finally:
        QgsProject.instance().removeAllMapLayers()
    changed = [k for k, f in read_gpkg(path).items() if f.attributes != before[k].attributes]
    assert len(changed) == 1 and read_gpkg(path)[changed[0]].attributes["etat"] == "depose par erreur"


def test_geogov_applies_with_the_appliers_authentication_configuration(qgis_app, guarded, tmp_path):
    server, path = guarded
    schema = eclairage_schema()
    base = read_gpkg(path)
    edited = copy.deepcopy(base)
    key = sorted(base)[10]
    edited[key].attributes["etat"] = "en maintenance"
    changes = changeset_of(base, edited, schema)
    target = Target("wfs", server.url, TABLE, "1.1.0")
    store, proposal = approved_proposal(tmp_path / "proposals.gpkg", changes, target)
    try:
        refused = apply_proposal(proposal, transport=QgisTransport(""))
        assert refused.status != outcomes.APPLIED
        assert differences(read_gpkg(path), base, schema) == []
        applied = apply_proposal(proposal, transport=QgisTransport(basic_authcfg(APPLIER, APPLIER_PASSWORD)))
        assert applied.status == outcomes.APPLIED, applied.message()
        assert differences(read_gpkg(path), edited, schema) == []
    finally:
        store.close()
    assert urlsplit(server.url).hostname == srv.HOST
