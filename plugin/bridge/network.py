"""HTTP through QGIS's network stack: the core's Transport protocol on QgsBlockingNetworkRequest.

Going through QGIS means its proxy, SSL and cache settings apply, and credentials come from
an authentication configuration id (``authcfg``) resolved by QGIS's auth manager, so the
plugin never stores a password. QgsBlockingNetworkRequest blocks the calling thread: call
it from a worker (QgsTask, Processing algorithm), never from the GUI thread.

Errors follow plugin/transport.py: a reply with an HTTP status comes back as a Response
(``check_status`` turns 4xx/5xx into NetworkError codes); no reply at all raises
NetworkError ``http.timeout`` or ``http.connection``; a cancelled QgsFeedback raises
Cancelled.
"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from qgis.core import QgsBlockingNetworkRequest, QgsFeedback
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QByteArray, QCoreApplication, QObject, QThread, QUrl, pyqtSignal
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..errors import Cancelled, DocumentError, NetworkError
from ..transport import Response, check_status
from ..xmlsafe import exception_report, looks_like_html, parse_xml

_CONNECTION_ERRORS = {
    QNetworkReply.NetworkError.ConnectionRefusedError,
    QNetworkReply.NetworkError.RemoteHostClosedError,
    QNetworkReply.NetworkError.HostNotFoundError,
    QNetworkReply.NetworkError.SslHandshakeFailedError,
    QNetworkReply.NetworkError.TemporaryNetworkFailureError,
    QNetworkReply.NetworkError.NetworkSessionFailedError,
    QNetworkReply.NetworkError.UnknownNetworkError,
    QNetworkReply.NetworkError.ProxyConnectionRefusedError,
    QNetworkReply.NetworkError.ProxyNotFoundError,
    QNetworkReply.NetworkError.ProtocolUnknownError,
}


def _main_thread():
    app = QCoreApplication.instance()
    return app.thread() if app is not None else None


class Canceller(QObject):
    """Cancels a request from inside the thread that waits for it.

    QGIS 3.22's QgsBlockingNetworkRequest connects the feedback's ``canceled`` signal
    twice, first to its own ``abort()`` (which deletes the reply), then, a few
    milliseconds later once the reply exists, to the reply's ``abort()`` (which ends its
    event loop). A cancel emitted from another thread between the two runs only the first:
    the reply is deleted, nothing ends the loop, and the worker thread hangs for good (seen
    in tests; QGIS has only two task threads, so every later task then waits). Made in the
    waiting thread, ``requested`` (emitted from anywhere) is queued into that thread's loop,
    where the private feedback's signal reaches both slots directly.
    """

    requested = pyqtSignal()

    def __init__(self):
        super().__init__()
        self.feedback = QgsFeedback()
        self.requested.connect(self._cancel)

    def _cancel(self):
        self.feedback.cancel()


class QgisTransport:
    """A :class:`~geogov.plugin.transport.Transport` over QgsBlockingNetworkRequest.

    ``authcfg``: QGIS authentication configuration id applied to every request (empty: none).
    ``feedback``: a QgsFeedback whose cancellation aborts the request in flight.
    """

    def __init__(self, authcfg: str = "", feedback: QgsFeedback | None = None):
        self.authcfg = authcfg or ""
        self.feedback = feedback

    def request(self, method, url, *, params=None, data=None, headers=None, timeout=30.0,
                is_cancelled=None):
        if params:
            url = url + ("&" if "?" in url else "?") + urlencode(params)
        if (is_cancelled is not None and is_cancelled()) or (
                self.feedback is not None and self.feedback.isCanceled()):
            raise Cancelled("Cancelled", source=url)
        request = QNetworkRequest(QUrl(url))
        # Per-request limit (Qt >= 5.15): aborts when no byte arrives for this long. QGIS's
        # own global timeout (Options > Network) still applies on top of it.
        request.setTransferTimeout(max(1, int(timeout * 1000)))
        request.setRawHeader(b"User-Agent", b"GeoGov QGIS plugin")
        for name, value in (headers or {}).items():
            request.setRawHeader(name.encode("latin-1"), str(value).encode("latin-1"))
        blocking = QgsBlockingNetworkRequest()
        if self.authcfg:
            # Runs QgsAuthManager.updateNetworkRequest / updateNetworkReply for us.
            blocking.setAuthCfg(self.authcfg)
        verb = method.upper()
        # PUT and DELETE: OGC API Features Part 4 writes (plugin/publishing/oapif_client.py).
        # QgsBlockingNetworkRequest has no OPTIONS: the OAPIF client does without it.
        if verb not in ("GET", "POST", "PUT", "DELETE"):
            raise NetworkError(f"Unsupported HTTP method {method}", code="http.failed",
                               source=url, detail=method)
        # The caller's feedback (a Processing or task feedback, cancelled from the main
        # thread) is relayed through a Canceller living in this thread: see Canceller. On
        # the main thread itself (tests, the Python console) the relay could not run —
        # QGIS waits there without dispatching queued events — so the feedback goes as is.
        relay = self.feedback is not None and QThread.currentThread() is not _main_thread()
        canceller = Canceller() if relay else None
        feedback = canceller.feedback if relay else self.feedback
        if relay:
            self.feedback.canceled.connect(canceller.requested)
        try:
            if self.feedback is not None and self.feedback.isCanceled():
                raise Cancelled("Cancelled", source=url)
            started = time.perf_counter()
            if verb == "GET":
                code = blocking.get(request, True, feedback)
            elif verb == "PUT":
                code = blocking.put(request, QByteArray(data or b""), feedback)
            elif verb == "DELETE":
                code = blocking.deleteResource(request, feedback)
            else:
                code = blocking.post(request, QByteArray(data or b""), True, feedback)
            elapsed = time.perf_counter() - started
        finally:
            cancelled = feedback is not None and feedback.isCanceled()
            if relay:
                self.feedback.canceled.disconnect(canceller.requested)
                sip.delete(canceller)   # in its own thread; a cancel posted too late goes with it
        reply = blocking.reply()
        if cancelled or (self.feedback is not None and self.feedback.isCanceled()):
            raise Cancelled("Cancelled", source=url)
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if code == QgsBlockingNetworkRequest.ErrorCode.TimeoutError:
            raise NetworkError(f"No answer within {timeout:g} s", code="http.timeout",
                               source=url, timeout=timeout)
        error = reply.error()
        # QGIS 3.22 returns NoError for a reply Qt aborted on its transfer timeout (the
        # reply says OperationCanceledError, no status, no content): look at the reply too.
        if status is None and (code != QgsBlockingNetworkRequest.ErrorCode.NoError
                               or error != QNetworkReply.NetworkError.NoError):
            if error in (QNetworkReply.NetworkError.OperationCanceledError,
                         QNetworkReply.NetworkError.TimeoutError):
                # Qt reports the transfer timeout as a cancelled operation.
                raise NetworkError(f"No answer within {timeout:g} s", code="http.timeout",
                                   source=url, timeout=timeout)
            detail = blocking.errorMessage() or reply.errorString()
            if error in _CONNECTION_ERRORS:
                raise NetworkError(f"Cannot connect: {detail}", code="http.connection",
                                   source=url, detail=detail)
            raise NetworkError(f"HTTP request failed: {detail}", code="http.failed",
                               source=url, detail=detail)
        header_names = [bytes(name).decode("latin-1") for name in reply.rawHeaderList()]
        response_headers = {name.lower(): bytes(reply.rawHeader(name.encode("latin-1")))
                            .decode("latin-1") for name in header_names}
        final_url = reply.request().url().toString() or url
        return Response(url=final_url, status=int(status or 0),
                        content=bytes(reply.content()), headers=response_headers,
                        elapsed=elapsed)


def is_url(location: str) -> bool:
    return urlsplit(location).scheme.lower() in ("http", "https")


def local_path(location: str) -> str:
    """The file a path or a file: URL names. The URL's path part is not a path on Windows
    (file:///C:/data/x.yaml has "/C:/data/x.yaml"), and a host names a network share
    (file://server/share/x.yaml is \\\\server\\share\\x.yaml): Qt converts it for the platform."""
    if not location.lower().startswith("file:"):
        return location
    url = QUrl(location)
    if url.host().lower() == "localhost":      # RFC 8089: this machine, not a share
        url.setHost("")
    return url.toLocalFile()


def read_location(location: str, authcfg: str = "", feedback: QgsFeedback | None = None,
                  timeout: float = 60.0) -> bytes:
    """The bytes of a local file (path or file:// URL) or of an http(s) URL.

    For a URL: an OGC exception report in an error reply raises ServiceException (it says
    why); otherwise HTTP errors raise NetworkError (``http.unauthorized``, ``http.forbidden``,
    ``http.not_found``, ``http.server_error``…) and an HTML page raises
    ``http.content_type``.
    """
    location = location.strip()
    if not is_url(location):
        location = local_path(location)
        path = Path(location)
        try:
            return path.read_bytes()
        except OSError as exc:
            raise DocumentError(f"Cannot read the file: {exc.strerror}",
                                code="document.unreadable", source=location,
                                detail=str(exc.strerror)) from None
    response = QgisTransport(authcfg, feedback).request("GET", location, timeout=timeout)
    if response.status >= 400 and response.content.lstrip().startswith(b"<"):
        try:
            report = exception_report(parse_xml(response.content, location))
        except DocumentError:
            report = None
        if report is not None:
            report.source = location
            raise report
    check_status(response)
    if response.content_type in ("text/html", "application/xhtml+xml") and \
            looks_like_html(response.content):
        raise NetworkError(f"The server sent a web page ({response.content_type})",
                           code="http.content_type", source=location,
                           content_type=response.content_type)
    return response.content
