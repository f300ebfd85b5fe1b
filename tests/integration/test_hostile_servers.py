"""Hostile servers, for real on 127.0.0.1 (tests/support/hostile_server.py, a process stopped
by pid): both transports — the core's (requests) and QGIS's network stack — keep to the rules
of plugin/transport.py: http(s) only, also after a redirect; few redirects and no loop; one
deadline for the whole request; a body limit counted after decompression; TLS named.

Each case is timed (TIMEOUT + 1 s at most) and its peak memory measured: the process's
high-water mark is reset before the case (/proc/self/clear_refs) and read after it.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from qgis.core import QgsFeedback, QgsProcessingException

from geogov.plugin.bridge.messages import all_messages, error_text
from geogov.plugin.bridge.network import QgisTransport, read_location
from geogov.plugin.errors import Cancelled, GeoGovError, NetworkError
from geogov.plugin.transport import MEGABYTE, Limits, RequestsTransport
from geogov.tests.support import servers as srv

TIMEOUT = 3.0
LIMIT = Limits(max_bytes=20 * MEGABYTE)
MEMORY_MB = 500          # the bound for any input, above the process's baseline
RECORD_MARK = b"hostile-ok"
REPORT = Path(__file__).resolve().parents[2] / "build" / "reports" / "hostile-measurements.txt"

# path -> the code refused with, or None for a good answer (the small record)
CASES = {
    "/ok": None,
    "/redirect-file": "http.redirect_scheme",
    "/redirect-ftp": "http.redirect_scheme",
    "/redirect-data": "http.redirect_scheme",
    "/redirect-self": "http.redirect_loop",
    "/loop-a": "http.redirect_loop",
    "/sub/relative": None,
    "/chain?n=5": None,
    "/chain?n=6": "http.redirects",
    "/endless": "http.too_large",
    "/gzip-bomb": "http.too_large",
    "/gzip-ok": None,
    "/deflate-raw": None,
    "/gzip-corrupt": "http.encoding_corrupt",
    "/brotli": "http.encoding",
    "/big?mb=300": "http.too_large",
    "/big-unannounced?mb=300": "http.too_large",
    "/trickle": "http.timeout",
    "/trickle-headers": "http.timeout",
    "/silent": "http.timeout",
}


def _status_mb(line_name: str) -> float:
    """A memory line of /proc/self/status (VmHWM: the peak, VmRSS: now), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(line_name + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_high_water() -> None:
    Path("/proc/self/clear_refs").write_text("5")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    server = srv.start_hostile(log_dir=tmp_path_factory.mktemp("hostile-logs"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def hostile_tls(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-tls")
    cert, key = srv.self_signed_certificate(folder)
    server = srv.start_hostile(cert=cert, key=key, log_dir=folder)
    try:
        yield server
    finally:
        server.stop()


def _transport(kind):
    return RequestsTransport(limits=LIMIT) if kind == "requests" else QgisTransport(limits=LIMIT)


MEASURED = []   # (transport, path, seconds, peak MB above the start): printed at the end


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    if MEASURED:
        lines = ["hostile cases (transport, path, outcome, seconds, peak MB above start):"]
        lines += [f"  {kind:<9} {path:<26} {outcome:<22} {seconds:5.2f} s {peak:6.1f} MB"
                  for kind, path, outcome, seconds, peak in MEASURED]
        print("\n" + "\n".join(lines))
        REPORT.parent.mkdir(parents=True, exist_ok=True)
        REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("kind", ["requests", "qgis"])
@pytest.mark.parametrize("path", list(CASES))
def test_a_hostile_answer_is_refused_in_time_and_memory(qgis_app, hostile, kind, path):
    expected = CASES[path]
    transport = _transport(kind)
    start_mb = _status_mb("VmRSS")
    _reset_high_water()
    started = time.monotonic()
    try:
        response = transport.request("GET", hostile.url + path, timeout=TIMEOUT)
        outcome = None
    except NetworkError as exc:
        outcome, error = exc.code, exc
    seconds = time.monotonic() - started
    peak = _status_mb("VmHWM") - start_mb
    MEASURED.append((kind, path, outcome or "ok", seconds, peak))
    assert outcome == expected
    assert seconds <= TIMEOUT + 1
    assert peak < MEMORY_MB
    if expected is None:
        assert RECORD_MARK in response.content and response.status == 200
        if path == "/sub/relative":
            assert response.url == hostile.url + "/sub/ok"
    else:
        # A sentence of its own, not the generic one, and never the local file's content.
        assert expected in all_messages()
        assert "Unexpected error" not in error_text(error)
        assert "root:" not in error_text(error)


@pytest.mark.parametrize("kind", ["requests", "qgis"])
def test_a_self_signed_certificate_is_named(qgis_app, hostile_tls, kind):
    started = time.monotonic()
    with pytest.raises(NetworkError) as caught:
        _transport(kind).request("GET", hostile_tls.url + "/ok", timeout=TIMEOUT)
    assert caught.value.code == "http.tls.certificate", caught.value
    assert time.monotonic() - started <= TIMEOUT + 1
    assert "certificate" in error_text(caught.value)


@pytest.mark.parametrize("kind", ["requests", "qgis"])
@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:,x"])
def test_only_web_addresses_are_requested(qgis_app, kind, url):
    with pytest.raises(NetworkError) as caught:
        _transport(kind).request("GET", url, timeout=TIMEOUT)
    assert caught.value.code == "http.scheme"


@pytest.mark.parametrize("kind", ["requests", "qgis"])
def test_a_redirected_post_keeps_the_rules(qgis_app, hostile, kind):
    """A POST (CSW GetRecords, WFS-T) redirected to file: is refused the same way; 307 keeps
    the POST and its body."""
    transport = _transport(kind)
    with pytest.raises(NetworkError) as caught:
        transport.request("POST", hostile.url + "/redirect-file", data=b"<x/>", timeout=TIMEOUT)
    assert caught.value.code == "http.redirect_scheme"
    response = transport.request("POST", hostile.url + "/chain?n=2", data=b"<x/>",
                                 timeout=TIMEOUT)
    assert RECORD_MARK in response.content


@pytest.mark.parametrize("kind", ["requests", "qgis"])
def test_credentials_never_follow_a_redirect_to_another_server(qgis_app, hostile, kind):
    """127.0.0.1 and localhost are two origins for the rules: the credentials go to the
    address asked, and to a redirect on the same server, never to another one."""
    from urllib.parse import quote

    from geogov.tests.support.auth import basic_authcfg

    if kind == "qgis":
        transport = QgisTransport(basic_authcfg("steward94", "s3cret"), limits=LIMIT)
    else:
        transport = RequestsTransport(limits=LIMIT)
    headers = {} if kind == "qgis" else {"Authorization": "Basic c3Rld2FyZDk0OnMzY3JldA=="}
    here = transport.request("GET", hostile.url + "/redirect-to?url=" + quote("/auth-echo"),
                             headers=headers, timeout=TIMEOUT)
    assert here.content.startswith(b"Basic ")
    elsewhere = hostile.url.replace("127.0.0.1", "localhost") + "/auth-echo"
    there = transport.request("GET", hostile.url + "/redirect-to?url=" + quote(elsewhere),
                              headers=headers, timeout=TIMEOUT)
    assert there.url == elsewhere and there.content == b"none"


def test_a_task_cancel_ends_a_trickling_request_at_once(qgis_app, hostile):
    """From a worker thread (as in a QgsTask), a cancel from another thread ends the request
    within a fraction of a second, though the server still trickles."""
    feedback = QgsFeedback()
    outcome = {}

    def work():
        started = time.monotonic()
        try:
            QgisTransport(feedback=feedback, limits=LIMIT).request(
                "GET", hostile.url + "/trickle", timeout=30)
        except GeoGovError as exc:
            outcome["error"] = exc
        outcome["seconds"] = time.monotonic() - started

    worker = threading.Thread(target=work)
    worker.start()
    time.sleep(1.0)
    feedback.cancel()
    worker.join(5)
    assert not worker.is_alive()
    assert isinstance(outcome["error"], Cancelled)
    assert outcome["seconds"] < 2.5


def test_read_location_never_reads_a_local_file_through_a_redirect(qgis_app, hostile):
    with pytest.raises(NetworkError) as caught:
        read_location(hostile.url + "/redirect-file", timeout=TIMEOUT)
    assert caught.value.code == "http.redirect_scheme"


@pytest.mark.parametrize("algorithm", ["responsible_parties", "service_layers"])
def test_processing_refuses_a_redirect_to_a_local_file(processing, hostile, algorithm):
    with pytest.raises(QgsProcessingException) as caught:
        processing.run(f"geogov:{algorithm}",
                       {"INPUT": hostile.url + "/redirect-file", "OUTPUT": "TEMPORARY_OUTPUT"})
    text = str(caught.value)
    assert "file:///etc/passwd" in text and "not a web address" in text
    assert "root:" not in text
