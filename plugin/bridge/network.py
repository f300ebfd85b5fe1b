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

import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from qgis.core import QgsBlockingNetworkRequest, QgsFeedback, QgsNetworkAccessManager
from qgis.PyQt import sip
from qgis.PyQt.QtCore import (
    QByteArray,
    QCoreApplication,
    QObject,
    QThread,
    QTimer,
    QUrl,
    pyqtSignal,
    pyqtSlot,
)
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest, QSslError, QSslSocket

from ..errors import Cancelled, DocumentError, NetworkError
from ..transport import (
    ACCEPT_ENCODING,
    Body,
    Limits,
    Redirects,
    Response,
    check_scheme,
    check_status,
    origin,
    timed_out,
    tls_error,
    too_large,
)
from ..xmlsafe import exception_report, looks_like_html, parse_xml

_CONNECTION_ERRORS = {
    QNetworkReply.NetworkError.ConnectionRefusedError,
    QNetworkReply.NetworkError.RemoteHostClosedError,
    QNetworkReply.NetworkError.HostNotFoundError,
    QNetworkReply.NetworkError.TemporaryNetworkFailureError,
    QNetworkReply.NetworkError.NetworkSessionFailedError,
    QNetworkReply.NetworkError.UnknownNetworkError,
    QNetworkReply.NetworkError.ProxyConnectionRefusedError,
    QNetworkReply.NetworkError.ProxyNotFoundError,
}
_TIMEOUT_ERRORS = {
    # Qt reports its transfer timeout as a cancelled operation.
    QNetworkReply.NetworkError.OperationCanceledError,
    QNetworkReply.NetworkError.TimeoutError,
}
_CERTIFICATE_ERRORS = {getattr(QSslError.SslError, name) for name in (
    "SelfSignedCertificate", "SelfSignedCertificateInChain", "CertificateUntrusted",
    "UnableToGetLocalIssuerCertificate", "UnableToGetIssuerCertificate",
    "UnableToVerifyFirstCertificate", "CertificateExpired", "CertificateNotYetValid",
    "CertificateRevoked", "CertificateRejected", "CertificateSignatureFailed", "InvalidCaCertificate",
    "CertificateBlacklisted", "InvalidNotBeforeField", "InvalidNotAfterField", "NoPeerCertificate",
    "UnableToDecryptCertificateSignature", "UnableToDecodeIssuerPublicKey", "InvalidPurpose",
    "SubjectIssuerMismatch", "AuthorityIssuerSerialNumberMismatch", "PathLengthExceeded")
    if hasattr(QSslError.SslError, name)}
_VERBS = ("GET", "POST", "PUT", "DELETE")
# After giving up on a worker (deadline passed, cancelled), the caller waits this long for it
# to end before leaving it behind: the request as a whole stays within ``timeout`` + 1 s.
_GRACE = 0.5
_POLL_MS = 25
_LEFT_BEHIND: list = []     # workers still running after their caller gave up (see _Exchange)


def _tls_kind(error) -> str:
    code = error.error()
    if code == QSslError.SslError.HostNameMismatch:
        return "hostname"
    return "certificate" if code in _CERTIFICATE_ERRORS else "protocol"


def _main_thread():
    app = QCoreApplication.instance()
    return app.thread() if app is not None else None


def download_limits() -> Limits:
    """The body-size limit of GeoGov's options (Network), read where the request is made."""
    from . import settings

    return Limits.from_megabytes(settings.load().max_download_mb)


# The redirects of GeoGov's own requests. QgsBlockingNetworkRequest follows a redirect itself,
# whatever the scheme (file:, data:… — QNetworkAccessManager reads those too), without
# resolving a relative Location, with the same credentials wherever it leads; and Qt's own
# following differs between Qt versions (5.15.8 refuses a redirect past the limit, 5.15.15
# hands it back). So every request QGIS's network access manager is about to make passes
# through _preprocess (QgsNetworkAccessManager.setRequestPreprocessor, installed once): a
# request made in the thread of one of GeoGov's exchanges is one of its redirects, checked
# by the core's rules (transport.Redirects) and refused, resolved or stripped of its
# credentials there. Requests of any other thread are not GeoGov's: left as they are.
_HOPS: dict = {}            # threading.get_ident() of an exchange's thread -> its _Hops
_REFUSED = "geogov-refused:"  # what a refused redirect is turned into: an unknown scheme,
#                               which Qt fails at once, without any network or file access
_PREPROCESSOR = []          # the id QGIS gave _preprocess, once installed


class _Hops:
    def __init__(self, url: str, limits: Limits):
        self.redirects = Redirects(url, limits)
        self.start = origin(url)
        self.current = url
        self.first = True
        self.refused = None         # the NetworkError a redirect was refused with


def _preprocess(request) -> None:
    """Runs in the thread that makes ``request``; must never raise into QGIS."""
    hops = _HOPS.get(threading.get_ident())
    if hops is None:
        return
    try:
        if hops.first:
            hops.first = False      # the request itself, already checked
            return
        if hops.refused is not None:
            request.setUrl(QUrl(_REFUSED))
            return
        location = request.url().toString(QUrl.ComponentFormattingOption.FullyEncoded)
        target = hops.redirects.follow(hops.current, location)
        if origin(target) != hops.start:
            # Credentials stay with their server (QGIS adds the authcfg's to each redirect).
            request.setRawHeader(b"Authorization", QByteArray())
        hops.current = target
        request.setUrl(QUrl(target))
    except NetworkError as refusal:
        hops.refused = refusal
        request.setUrl(QUrl(_REFUSED))
    except BaseException as exc:  # noqa: BLE001 - never into QGIS's C++: refused, and said
        hops.refused = NetworkError(f"Redirect refused: {exc}", code="http.redirect_invalid",
                                    source=hops.current, location="")
        request.setUrl(QUrl(_REFUSED))


def install_redirect_rules() -> None:
    """Put _preprocess in QGIS's network access manager (once per plugin load)."""
    if not _PREPROCESSOR:
        _PREPROCESSOR.append(QgsNetworkAccessManager.setRequestPreprocessor(_preprocess))


def uninstall_redirect_rules() -> None:
    """Take _preprocess out again (the plugin's unload)."""
    while _PREPROCESSOR:
        QgsNetworkAccessManager.removeRequestPreprocessor(_PREPROCESSOR.pop())


class _Guard(QObject):
    """Lives in the worker thread of one request and stops it from there: on the caller's
    cancel (queued into this thread), at the deadline (a timer of this thread) or when the
    body passes the limit (QgsBlockingNetworkRequest's progress, emitted in this thread).

    Cancelling from inside the thread that waits matters: QGIS 3.22's QgsBlockingNetworkRequest
    connects the feedback's ``canceled`` twice, first to its own ``abort()`` (which deletes the
    reply), then to the reply's ``abort()`` (which ends its event loop); a cancel emitted from
    another thread between the two runs only the first and the thread hangs for good.
    """

    def __init__(self, limits: Limits):
        super().__init__()
        self.limits = limits
        self.feedback = QgsFeedback()
        self.reason = ""          # "cancelled", "deadline" or "too_large"

    @pyqtSlot()
    def cancel(self):
        self._stop("cancelled")

    @pyqtSlot()
    def expire(self):
        self._stop("deadline")

    @pyqtSlot("qint64", "qint64")
    def progress(self, received, total):
        if received > self.limits.max_bytes or total > self.limits.max_bytes:
            self._stop("too_large")

    def _stop(self, reason):
        if not self.reason:
            self.reason = reason
        self.feedback.cancel()


class _Exchange(QThread):
    """One request and its redirects, in a thread of its own: the caller (a task, a
    Processing algorithm, the main thread) waits for it at most until the deadline, whatever
    Qt does meanwhile (a server that trickles, an SSL error waiting for a handler)."""

    cancel_requested = pyqtSignal()

    def __init__(self, authcfg, limits, method, url, data, headers, timeout):
        super().__init__()
        self.authcfg = authcfg
        self.limits = limits
        self.method = method
        self.url = url
        self.data = data
        self.headers = dict(headers or {})
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout
        self.outcome = None

    def run(self):
        guard = _Guard(self.limits)
        self.cancel_requested.connect(guard.cancel)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(guard.expire)
        timer.start(max(1, int((self.deadline - time.monotonic()) * 1000)))
        try:
            self.outcome = self._hops(guard)
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
            self.outcome = exc
        finally:
            timer.stop()
            self.cancel_requested.disconnect(guard.cancel)
            sip.delete(timer)
            sip.delete(guard)   # in its own thread; a cancel posted too late goes with it

    def _hops(self, guard) -> Response:
        """The request, its redirects followed by QgsBlockingNetworkRequest (Qt itself is
        told not to), each one passed through :func:`_preprocess` first, which applies the
        core's rules to it (see _Hops)."""
        hops = _Hops(self.url, self.limits)
        _HOPS[threading.get_ident()] = hops
        try:
            reply, code, error_message = self._send(guard, self.method, self.url, self.data,
                                                    self.headers, self.authcfg)
        finally:
            _HOPS.pop(threading.get_ident(), None)
        if hops.refused is not None:
            raise hops.refused
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        error = reply.error()
        if status is None and code == QgsBlockingNetworkRequest.ErrorCode.NoError \
                and error == QNetworkReply.NetworkError.NoError:
            # QgsBlockingNetworkRequest's own loop check (a redirect to the very address
            # that sent it) ends with nothing at all, and no error.
            raise NetworkError(f"Redirect loop: {hops.current} again", code="http.redirect_loop",
                               source=self.url, location=hops.current)
        return self._response(reply, code, error_message, hops.current, status, error)

    def _send(self, guard, method, url, data, headers, authcfg):
        if guard.reason:
            self._raise_for(guard, url)
        request = QNetworkRequest(QUrl(url))
        left = self.deadline - time.monotonic()
        # Qt >= 5.15: aborts when no byte arrives for this long; the timer ends the rest.
        request.setTransferTimeout(max(1, int(left * 1000)))
        # Qt follows no redirect itself (Qt 6's default would, out of our sight): each one
        # goes back through QGIS's network access manager, and so through _preprocess.
        request.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute,
                             QNetworkRequest.RedirectPolicy.ManualRedirectPolicy)
        request.setRawHeader(b"User-Agent", b"GeoGov QGIS plugin")
        # Asked by us, so Qt leaves the body compressed and transport.Body inflates it
        # against the limit.
        request.setRawHeader(b"Accept-Encoding", ACCEPT_ENCODING.encode("ascii"))
        for name, value in headers.items():
            request.setRawHeader(name.encode("latin-1"), str(value).encode("latin-1"))
        blocking = QgsBlockingNetworkRequest()
        if authcfg:
            # Runs QgsAuthManager.updateNetworkRequest / updateNetworkReply for us.
            blocking.setAuthCfg(authcfg)
        blocking.downloadProgress.connect(guard.progress)
        blocking.uploadProgress.connect(guard.progress)
        feedback = guard.feedback
        if method == "GET":
            code = blocking.get(request, True, feedback)
        elif method == "PUT":
            code = blocking.put(request, QByteArray(data or b""), feedback)
        elif method == "DELETE":
            code = blocking.deleteResource(request, feedback)
        else:
            code = blocking.post(request, QByteArray(data or b""), True, feedback)
        if guard.reason:
            self._raise_for(guard, url)
        if code == QgsBlockingNetworkRequest.ErrorCode.TimeoutError:
            raise timed_out(self.url, self.timeout)
        return blocking.reply(), code, blocking.errorMessage()

    def _tls_probe(self, url) -> list:
        """Why Qt refused the handshake, asked again with Qt's own TLS settings (QGIS's CA
        certificates): QNetworkReply says only "SSL handshake failed", and its detailed
        errors go to the network access manager's handler."""
        parts = urlsplit(url)
        socket = QSslSocket()
        try:
            socket.connectToHostEncrypted(parts.hostname or "", parts.port or 443)
            left = max(100, int((self.deadline - time.monotonic()) * 1000))
            socket.waitForEncrypted(min(left, 10000))
            errors = socket.sslHandshakeErrors() if hasattr(socket, "sslHandshakeErrors") \
                else socket.sslErrors()
            return [(_tls_kind(error), error.errorString()) for error in errors]
        finally:
            socket.abort()
            sip.delete(socket)

    def _raise_for(self, guard, url):
        if guard.reason == "too_large":
            raise too_large(url, self.limits)
        if guard.reason == "deadline":
            raise timed_out(self.url, self.timeout)
        raise Cancelled("Cancelled", source=self.url)

    def _response(self, reply, code, error_message, url, status, error) -> Response:
        # QGIS 3.22 returns NoError for a reply Qt aborted on its transfer timeout (the
        # reply says OperationCanceledError, no status, no content): look at the reply too.
        if status is None and (code != QgsBlockingNetworkRequest.ErrorCode.NoError
                               or error != QNetworkReply.NetworkError.NoError):
            detail = error_message or reply.errorString()
            if error in _TIMEOUT_ERRORS:
                raise timed_out(self.url, self.timeout)
            if error == QNetworkReply.NetworkError.SslHandshakeFailedError:
                found = self._tls_probe(url)
                if found:
                    raise tls_error(url, "; ".join(text for _, text in found), found[0][0])
                raise tls_error(url, detail, "protocol")
            if error in _CONNECTION_ERRORS:
                raise NetworkError(f"Cannot connect: {detail}", code="http.connection",
                                   source=url, detail=detail)
            raise NetworkError(f"HTTP request failed: {detail}", code="http.failed",
                               source=url, detail=detail)
        header_names = [bytes(name).decode("latin-1") for name in reply.rawHeaderList()]
        response_headers = {name.lower(): bytes(reply.rawHeader(name.encode("latin-1")))
                            .decode("latin-1") for name in header_names}
        body = Body(url, response_headers.get("content-encoding", ""), self.limits)
        body.feed(bytes(reply.content()))
        return Response(url=url, status=int(status or 0), content=body.content(),
                        headers=response_headers)


class QgisTransport:
    """A :class:`~geogov.plugin.transport.Transport` over QgsBlockingNetworkRequest, with the
    rules of plugin/transport.py (schemes, redirects, deadline, size, TLS named).

    ``authcfg``: QGIS authentication configuration id applied to every request to the
    address's own server (empty: none); a redirect elsewhere goes without it.
    ``feedback``: a QgsFeedback whose cancellation aborts the request in flight.
    ``limits``: the body-size limit; by default the one of GeoGov's options.
    """

    def __init__(self, authcfg: str = "", feedback: QgsFeedback | None = None,
                 limits: Limits | None = None):
        self.authcfg = authcfg or ""
        self.feedback = feedback
        self.limits = limits

    def _cancelled(self, is_cancelled) -> bool:
        return (is_cancelled is not None and is_cancelled()) or (
            self.feedback is not None and self.feedback.isCanceled())

    def request(self, method, url, *, params=None, data=None, headers=None, timeout=30.0,
                is_cancelled=None):
        if params:
            url = url + ("&" if "?" in url else "?") + urlencode(params)
        check_scheme(url)
        verb = method.upper()
        # PUT and DELETE: OGC API Features Part 4 writes (plugin/publishing/oapif_client.py).
        # QgsBlockingNetworkRequest has no OPTIONS: the OAPIF client does without it.
        if verb not in _VERBS:
            raise NetworkError(f"Unsupported HTTP method {method}", code="http.failed",
                               source=url, detail=method)
        if self._cancelled(is_cancelled):
            raise Cancelled("Cancelled", source=url)
        limits = self.limits or download_limits()
        install_redirect_rules()
        started = time.monotonic()
        exchange = _Exchange(self.authcfg, limits, verb, url, data, headers, timeout)
        exchange.start()
        on_main = QThread.currentThread() is _main_thread()
        given_up = None
        while not exchange.wait(_POLL_MS):
            if on_main:
                # QGIS's auth and SSL-error handlers answer on the main thread.
                QCoreApplication.processEvents()
            if given_up is None:
                if self._cancelled(is_cancelled):
                    given_up = Cancelled("Cancelled", source=url)
                elif time.monotonic() >= exchange.deadline + 0.1:
                    given_up = timed_out(url, timeout)
                if given_up is not None:
                    exchange.cancel_requested.emit()
                    left_at = time.monotonic() + _GRACE
            elif time.monotonic() >= left_at:
                _LEFT_BEHIND[:] = [t for t in _LEFT_BEHIND if not t.isFinished()]
                _LEFT_BEHIND.append(exchange)   # a QThread must outlive its run()
                # Nor may Python destroy it at exit while it runs (Qt aborts the process):
                # the C++ side owns it from now on.
                sip.transferto(exchange, None)
                raise given_up
        outcome = exchange.outcome
        if given_up is not None and (isinstance(given_up, Cancelled)
                                     or not isinstance(outcome, Response)):
            raise given_up
        if isinstance(outcome, BaseException):
            raise outcome
        outcome.elapsed = time.monotonic() - started
        return outcome


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
