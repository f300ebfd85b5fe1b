"""geogov:responsible_parties and geogov:service_layers through processing.run, on corpus
files and through QGIS's network stack against a real HTTP server on 127.0.0.1; and the
bridge's QgisTransport (status codes, timeout, cancel, authcfg)."""

from __future__ import annotations

import base64
import http.server
import threading
import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsFeedback, QgsProcessingException

from geogov.plugin.bridge.network import QgisTransport, read_location
from geogov.plugin.errors import Cancelled, NetworkError, ServiceException
from geogov.plugin.transport import check_status
from geogov.tests.support.auth import basic_authcfg

EXCEPTION_REPORT = (b'<?xml version="1.0"?><ows:ExceptionReport '
                    b'xmlns:ows="http://www.opengis.net/ows/1.1" version="1.1.0">'
                    b'<ows:Exception exceptionCode="InvalidParameterValue" locator="typeName">'
                    b'<ows:ExceptionText>Unknown type idf:communes</ows:ExceptionText>'
                    b'</ows:Exception></ows:ExceptionReport>')


class _Handler(http.server.BaseHTTPRequestHandler):
    corpus: Path = Path()
    seen_authorization: list = []

    def _send(self, status, body, content_type="application/xml"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout and cancel tests): what they test

    def do_GET(self):  # http.server's method name
        path = self.path.split("?")[0]
        if path.startswith("/corpus/"):
            name = path[len("/corpus/"):]
            kind = "application/json" if name.endswith(".json") else "text/xml"
            return self._send(200, (self.corpus / name).read_bytes(), kind)
        if path.startswith("/status/"):
            return self._send(int(path.rsplit("/", 1)[1]), b"<html><body>no</body></html>",
                              "text/html")
        if path == "/exception":
            return self._send(400, EXCEPTION_REPORT)
        if path == "/html":
            return self._send(200, b"<!DOCTYPE html><html><body>Portail</body></html>",
                              "text/html; charset=utf-8")
        if path == "/slow":
            time.sleep(3)
            return self._send(200, b"<late/>")
        if path == "/auth":
            header = self.headers.get("Authorization", "")
            type(self).seen_authorization.append(header)
            if header != "Basic " + base64.b64encode(b"steward:s3cret").decode():
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="geogov"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            return self._send(200, b"<ok/>")
        return self._send(404, b"<html><body>Not found</body></html>", "text/html")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(shared_data):
    _Handler.corpus = shared_data / "ogc"
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, feature.attributes())) for feature in layer.getFeatures()]


def run(processing, algorithm, location, **extra):
    parameters = {"INPUT": str(location), "OUTPUT": "TEMPORARY_OUTPUT", **extra}
    result = processing.run(f"geogov:{algorithm}", parameters)
    return result, rows(result["OUTPUT"])


def test_responsible_parties_of_a_french_record(processing, shared_data):
    path = shared_data / "ogc/iso19139/owslib__csw_geobretagne_mdmetadata.xml"
    result, table = run(processing, "responsible_parties", path)
    assert (result["RECORD_COUNT"], result["PARTY_COUNT"]) == (1, 9)
    assert result["OUTPUT"].wkbType() == 100  # QgsWkbTypes.NoGeometry
    assert [(r["context"], r["role"]) for r in table][:3] == [
        ("metadata_contact", "pointOfContact"), ("maintenance_contact", "pointOfContact"),
        ("resource_contact", "pointOfContact")]
    first = table[0]
    assert first["record_id"] == "955c3e47-411e-4969-b61b-3556d1b9f879"
    assert first["record_title"] == "Cadastre 2018 en Bretagne"
    assert first["organisation"] == "DIRECTION GENERALE DES FINANCES PUBLIQUES BUREAU GF-3A"
    assert first["email"] == "bureau.gf3a@dgfip.finances.gouv.fr"
    assert sum(1 for r in table if r["context"] == "distributor") == 5


def test_responsible_parties_of_csw_and_ogcapi_documents(processing, shared_data):
    _, csw = run(processing, "responsible_parties",
                 shared_data / "ogc/csw/pycsw__apiso__post_GetRecords-all.xml")
    assert len(csw) == 10 and len({r["record_id"] for r in csw}) == 5
    _, items = run(processing, "responsible_parties",
                   shared_data / "ogc/ogcapi/ogcclient__pygeoapi-dutch-metadata-items.json")
    assert len(items) == 10
    assert {r["context"] for r in items} == {"ogcapi_contact"}
    assert {r["role_status"] for r in items} == {"missing"}
    _, record = run(processing, "responsible_parties",
                    shared_data / "ogc/ogcapi/ogcapi-records__record.json")
    assert [(r["role"], r["role_raw"]) for r in record] == [("publisher", "publisher")]
    _, sextant = run(processing, "responsible_parties",
                     shared_data / "ogc/iso19139/gnui__sextant.iso19115-3.dataset.xml")
    assert [(r["role"], r["role_status"]) for r in sextant if r["role"] == "funder"] == [
        ("funder", "iso19115-1")]


def test_responsible_parties_over_http(processing, server):
    _, table = run(processing, "responsible_parties",
                   f"{server}/corpus/iso19139/parsers__geopicardie-tache-urbaine.xml")
    assert [(r["role"], r["organisation"]) for r in table] == [
        ("pointOfContact", "GéoPicardie"), ("custodian", "Oise-la-Vallée")]


@pytest.mark.parametrize("name, fragment", [
    ("wfs/geotools__wfs_GeoServer_2.0_1.1.0_XXE_GetCapabilities.xml", "XML entities"),
    ("iso19139/ignfvalidator__fr-210800405-08042-plu20140213-without-MD_Identifier.xml",
     "gmd:identifier/gmd:MD_Identifier"),
    ("wms/owslib__wms_mesonet-caps.xml", "holds no metadata record"),
    ("csw/parsers__exception-report.xml", "InvalidParameterValue"),
])
def test_responsible_parties_refuses_unusable_documents(processing, shared_data, name, fragment):
    path = shared_data / "ogc" / name
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("geogov:responsible_parties",
                       {"INPUT": str(path), "OUTPUT": "TEMPORARY_OUTPUT"})
    assert fragment in str(caught.value)
    assert str(path) in str(caught.value)


def test_service_layers_of_wms_and_wfs(processing, shared_data, server):
    result, wms = run(processing, "service_layers",
                      shared_data / "ogc/wms/gnui__insee-wms-getcapabilities.xml")
    assert (result["SERVICE"], result["LAYER_COUNT"]) == ("WMS", 23)
    assert sum(1 for r in wms if r["named"]) == 22
    layer = [r for r in wms if r["name"] == "filosofi2015_200m_hdf"][0]
    assert layer["crs"].split()[0] == "EPSG:2154"
    assert layer["contact_organisation"] == "Geo2France"
    assert layer["transaction"] is False
    result, wfs = run(processing, "service_layers",
                      f"{server}/corpus/wfs/ogcclient__capabilities-pigma-2-0-0.xml")
    assert (result["SERVICE"], len(wfs)) == ("WFS", 3)
    assert all(r["transaction"] for r in wfs)
    _, kartverket = run(processing, "service_layers",
                        shared_data / "ogc/wfs/geotools__wfs_KartverketNo_2.0.0_GetCapabilities.xml")
    assert (kartverket[0]["contact_role"], kartverket[0]["contact_role_raw"]) == (
        "pointOfContact", "PointOfContact")


@pytest.mark.parametrize("name, fragment", [
    ("wms/owslib__wms_geoserver-cap_no_title.xml", "Style/Title"),
    ("wms/owslib__wms_mesonet-caps-130_bom.xml", "byte-order mark"),
    ("csw/pycsw__csw30__get_GetCapabilities.xml", "not a WMS or a WFS"),
    ("iso19139/sdicc__md-rm.xml", "not the capabilities of a service"),
])
def test_service_layers_refuses_unusable_documents(processing, shared_data, name, fragment):
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("geogov:service_layers",
                       {"INPUT": str(shared_data / "ogc" / name), "OUTPUT": "TEMPORARY_OUTPUT"})
    assert fragment in str(caught.value)


@pytest.mark.parametrize("path, code", [
    ("/status/401", "http.unauthorized"), ("/status/403", "http.forbidden"),
    ("/status/404", "http.not_found"), ("/status/500", "http.server_error"),
    ("/html", "http.content_type"),
])
def test_read_location_maps_http_errors(qgis_app, server, path, code):
    with pytest.raises(NetworkError) as caught:
        read_location(server + path, timeout=10)
    assert caught.value.code == code
    assert caught.value.source == server + path


def test_exception_report_in_an_error_reply_says_why(qgis_app, server):
    with pytest.raises(ServiceException) as caught:
        read_location(server + "/exception", timeout=10)
    assert caught.value.params["text"] == "Unknown type idf:communes"


def test_processing_message_for_http_404(processing, server):
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("geogov:service_layers",
                       {"INPUT": server + "/status/404", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "HTTP 404" in str(caught.value)


def test_timeout_and_refused_connection(qgis_app, server):
    started = time.perf_counter()
    with pytest.raises(NetworkError) as caught:
        QgisTransport().request("GET", server + "/slow", timeout=1)
    assert caught.value.code == "http.timeout"
    assert time.perf_counter() - started < 2.9  # gave up before the server answered
    probe = http.server.HTTPServer(("127.0.0.1", 0), _Handler)
    closed_port = probe.server_address[1]
    probe.server_close()
    with pytest.raises(NetworkError) as caught:
        QgisTransport().request("GET", f"http://127.0.0.1:{closed_port}/", timeout=5)
    assert caught.value.code == "http.connection"


def test_cancel_through_qgsfeedback(qgis_app, server):
    # As in QGIS: the request blocks one thread, the cancel button acts from another.
    feedback = QgsFeedback()
    threading.Timer(0.3, feedback.cancel).start()
    started = time.perf_counter()
    with pytest.raises(Cancelled):
        QgisTransport(feedback=feedback).request("GET", server + "/slow", timeout=10)
    assert time.perf_counter() - started < 2.9


def test_authcfg_credentials_are_sent_by_qgis(qgis_app, server):
    config_id = basic_authcfg("steward", "s3cret", "geogov test steward")
    try:
        anonymous = QgisTransport().request("GET", server + "/auth", timeout=10)
        assert anonymous.status == 401
        with pytest.raises(NetworkError) as caught:
            check_status(anonymous)
        assert caught.value.code == "http.unauthorized"
        response = QgisTransport(authcfg=config_id).request("GET", server + "/auth",
                                                              timeout=10)
        assert (response.status, response.content) == (200, b"<ok/>")
        assert _Handler.seen_authorization[-1].startswith("Basic ")
    finally:
        QgsApplication.authManager().removeAuthenticationConfig(config_id)
