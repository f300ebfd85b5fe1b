"""Kind detection from a URL, and every way a catalogue URL can fail, against real sockets.

The demo's pycsw and pygeoapi give the working cases and the exception reports; a pycsw
started with a broken configuration gives a real HTTP 500; Python's own http.server
serving a folder gives an HTML page, a 404 and a JSON file that is no catalogue; a socket
that accepts and never answers gives the timeout.
"""

from __future__ import annotations

import configparser
import functools
import http.server
import socket
import threading
import time

import pytest

from geogov.plugin.catalogue.connections import CSW, OGCAPI_RECORDS, detect_catalogue
from geogov.plugin.catalogue.model import SearchQuery
from geogov.plugin.catalogue.search import open_catalogue
from geogov.plugin.errors import Cancelled, DocumentError, GeoGovError, NetworkError, ServiceException
from geogov.tests.sdi.catalogues import write_pycsw_config
from geogov.tests.sdi.datasets import DATASETS
from geogov.tests.support import servers as srv

# --------------------------------------------------------------------------- detection


def test_detect_csw_from_its_endpoint(demo_sdi):
    found = detect_catalogue(demo_sdi.csw_url)
    assert (found.kind, found.url, found.version) == (CSW, demo_sdi.csw_url, "3.0.0")
    assert found.versions == ("2.0.2", "3.0.0")
    assert "Île-de-France" in found.title
    assert found.exchange.status == 200


def test_detect_csw_from_a_pasted_getcapabilities_url(demo_sdi):
    found = detect_catalogue(f"{demo_sdi.csw_url}?SERVICE=CSW&REQUEST=GetCapabilities&VERSION=2.0.2")
    assert (found.kind, found.url) == (CSW, demo_sdi.csw_url)
    catalogue = open_catalogue(found.connection())
    assert catalogue.search(SearchQuery(limit=50)).matched == len(DATASETS)


@pytest.mark.parametrize("suffix", ["", "/", "/collections/geo-idf", "/collections/geo-idf/items",
                                    "/collections/geo-idf/items?f=json&limit=2",
                                    "/?f=html"])
def test_detect_ogc_api_records_from_landing_collection_or_items(demo_sdi, suffix):
    found = detect_catalogue(demo_sdi.oarec_url.rstrip("/") + suffix)
    assert found.kind == OGCAPI_RECORDS
    assert found.url == demo_sdi.oarec_collection_url
    assert found.collections[0][0] == "geo-idf"
    catalogue = open_catalogue(found.connection(name="demo"))
    assert catalogue.search(SearchQuery(limit=50)).matched == len(DATASETS)


def test_csw_exception_report_becomes_service_exception(demo_sdi):
    url = f"{demo_sdi.csw_url}?service=CSW&request=GetCapabilities&acceptVersions=9.9.9"
    with pytest.raises(ServiceException) as caught:
        detect_catalogue(url)
    assert caught.value.code == "ows.exception"
    assert caught.value.params["exception_code"] == "VersionNegotiationFailed"
    assert caught.value.source.startswith(demo_sdi.csw_url)
    assert b"ExceptionReport" in caught.value.exchange.response


def test_getrecordbyid_with_an_empty_id_is_a_service_exception(demo_sdi):
    catalogue = open_catalogue({"url": demo_sdi.csw_url, "kind": "csw", "version": "2.0.2"})
    with pytest.raises(ServiceException) as caught:
        catalogue.get_record("")
    assert caught.value.params["exception_code"] == "InvalidParameterValue"
    assert caught.value.params["locator"] == "id"


def test_ogc_api_unknown_collection_is_not_found(demo_sdi):
    catalogue = open_catalogue({"url": f"{demo_sdi.oarec_url}/collections/nope",
                                "kind": "ogcapi-records"})
    with pytest.raises(NetworkError) as caught:
        catalogue.search(SearchQuery())
    assert caught.value.code == "http.not_found"
    assert caught.value.exchange.status == 404
    with pytest.raises(NetworkError) as caught:
        detect_catalogue(f"{demo_sdi.oarec_url}/collections/nope")
    assert caught.value.code == "http.not_found"


# --------------------------------------------------------------------------- a web server


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def web_site(tmp_path_factory):
    """Python's http.server on a folder: an HTML home page, a JSON file, nothing else."""
    folder = tmp_path_factory.mktemp("site")
    (folder / "index.html").write_text("<!DOCTYPE html><html><body><h1>Portail</h1>"
                                       "</body></html>", encoding="utf-8")
    (folder / "data.json").write_text('{"name": "not a catalogue"}', encoding="utf-8")
    server = http.server.ThreadingHTTPServer(
        (srv.HOST, 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{srv.HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_an_html_page_is_no_catalogue(web_site):
    with pytest.raises(DocumentError) as caught:
        detect_catalogue(web_site + "/")
    assert caught.value.code == "catalogue.html_page"
    assert caught.value.source == web_site + "/"


def test_a_cancel_during_detection_is_a_cancel_not_a_web_page(web_site):
    """After the home page (HTML), detection asks again with f=json, then for CSW
    capabilities: a cancel meanwhile ends it as Cancelled, not as "only a web page"."""
    from geogov.plugin.transport import RequestsTransport

    class CountingTransport(RequestsTransport):
        calls = 0

        def request(self, *args, **kwargs):
            CountingTransport.calls += 1
            return super().request(*args, **kwargs)

    with pytest.raises(Cancelled):
        detect_catalogue(web_site + "/", transport=CountingTransport(),
                         is_cancelled=lambda: CountingTransport.calls >= 1)
    assert CountingTransport.calls == 1


def test_an_html_page_where_a_csw_was_configured(web_site):
    catalogue = open_catalogue({"url": web_site + "/", "kind": "csw", "version": "2.0.2"})
    with pytest.raises(DocumentError) as caught:
        catalogue.search(SearchQuery())
    assert caught.value.code == "xml.html"


def test_json_that_is_no_catalogue(web_site):
    with pytest.raises(DocumentError) as caught:
        detect_catalogue(web_site + "/data.json")
    assert caught.value.code == "catalogue.unknown_kind"


def test_http_404(web_site):
    with pytest.raises(NetworkError) as caught:
        detect_catalogue(web_site + "/csw")
    assert caught.value.code == "http.not_found"
    catalogue = open_catalogue({"url": web_site + "/csw", "kind": "csw", "version": "2.0.2"})
    with pytest.raises(NetworkError) as caught:
        catalogue.search(SearchQuery())
    assert caught.value.code == "http.not_found" and caught.value.params["status"] == 404


def test_not_an_http_url():
    with pytest.raises(DocumentError) as caught:
        detect_catalogue("file:///etc/passwd")
    assert caught.value.code == "connections.url_invalid"


# --------------------------------------------------------------------------- HTTP 500


@pytest.fixture(scope="module")
def broken_pycsw(tmp_path_factory):
    """A real pycsw whose configuration sets a log level without a log file: every request
    fails inside pycsw and wsgiref answers HTTP 500 (text/plain)."""
    folder = tmp_path_factory.mktemp("broken-pycsw")
    port = srv.free_port()
    path = write_pycsw_config(folder, f"http://{srv.HOST}:{port}/csw")
    config = configparser.ConfigParser(interpolation=None)
    config.read(path, encoding="utf-8")
    config["server"].pop("logfile", None)
    config["server"]["loglevel"] = "DEBUG"
    with path.open("w", encoding="utf-8") as handle:
        config.write(handle)
    server = srv.start_pycsw(path, port, wait=False)
    try:
        deadline = time.monotonic() + 60
        while not srv.port_in_use(port):
            assert server.alive() and time.monotonic() < deadline, server.log_tail()
            time.sleep(0.1)
        yield server.url
    finally:
        server.stop()


def test_http_500(broken_pycsw):
    with pytest.raises(NetworkError) as caught:
        detect_catalogue(broken_pycsw)
    assert caught.value.code == "http.server_error" and caught.value.params["status"] == 500
    catalogue = open_catalogue({"url": broken_pycsw, "kind": "csw", "version": "2.0.2"})
    with pytest.raises(NetworkError) as caught:
        catalogue.search(SearchQuery())
    assert caught.value.code == "http.server_error"
    assert caught.value.exchange.status == 500


# --------------------------------------------------------------------------- timeout


@pytest.fixture()
def silent_socket():
    """Accepts connections and never answers (a hung server)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind((srv.HOST, 0))
    listener.listen(8)
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://{srv.HOST}:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()


@pytest.mark.parametrize("kind", ["csw", "ogcapi-records"])
def test_timeout(silent_socket, kind):
    url = silent_socket + ("/csw" if kind == "csw" else "/collections/x")
    catalogue = open_catalogue({"url": url, "kind": kind, "version": "2.0.2", "timeout": 1})
    started = time.monotonic()
    with pytest.raises(NetworkError) as caught:
        catalogue.search(SearchQuery())
    assert caught.value.code == "http.timeout"
    assert time.monotonic() - started < 10
    with pytest.raises(NetworkError) as caught:
        detect_catalogue(url, timeout=1)
    assert caught.value.code == "http.timeout"


def test_every_error_here_is_the_projects_own():
    assert issubclass(NetworkError, GeoGovError) and issubclass(ServiceException, GeoGovError)
