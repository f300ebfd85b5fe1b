"""HTTP for the core, independent of QGIS — and the one place that says what a request may do.

The core never opens sockets itself: catalogue, service and WFS-T clients take a
``transport`` with one method, :meth:`Transport.request`. :class:`RequestsTransport`
(``requests`` ships with every QGIS) serves headless use and tests; the bridge
provides one built on QGIS's network stack with the connection's authcfg
(plugin/bridge/network.py), so proxies, SSL settings and credentials stay QGIS's.

Both enforce the same :class:`Limits`, with the rules written here once:

* only ``http`` and ``https``, before the request and after every redirect — never ``file:``,
  ``ftp:``, ``data:``…, which a hostile server could use to read a file of this computer;
* at most ``max_redirects`` redirects, a loop named as such, a relative ``Location``
  resolved against the address that sent it, https never redirected to http, and
  credentials never carried to another server;
* one deadline for the whole request (connection, redirects and every byte): ``timeout``;
* at most ``max_bytes`` of body, counted after decompression, which is streamed against
  that limit (a few kilobytes of gzip may inflate to gigabytes);
* TLS failures named as such (certificate, host name, protocol).
"""

from __future__ import annotations

import http.client
import threading
import time
import zlib
from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional, Protocol
from urllib.parse import urljoin, urlsplit

from .errors import Cancelled, NetworkError

ALLOWED_SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
DEFAULT_MAX_MEGABYTES = 100
MEGABYTE = 1024 * 1024
# What GeoGov asks for and decodes itself (so that decompression runs against the limit).
ACCEPT_ENCODING = "gzip, deflate"
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
CHUNK = 64 * 1024


@dataclass
class Response:
    url: str
    status: int
    content: bytes
    headers: dict = field(default_factory=dict)  # lower-case names
    elapsed: float = 0.0

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class Transport(Protocol):
    def request(self, method: str, url: str, *, params: Mapping | None = None,
                data: bytes | None = None, headers: Mapping | None = None,
                timeout: float = 30.0, is_cancelled: Callable[[], bool] | None = None
                ) -> Response: ...


@dataclass(frozen=True)
class Limits:
    """What any one request may cost. ``max_bytes``: body size after decompression."""

    max_bytes: int = DEFAULT_MAX_MEGABYTES * MEGABYTE
    max_redirects: int = MAX_REDIRECTS

    @classmethod
    def from_megabytes(cls, megabytes) -> Limits:
        try:
            value = int(megabytes)
        except (TypeError, ValueError):
            value = DEFAULT_MAX_MEGABYTES
        return cls(max_bytes=max(1, value) * MEGABYTE)

    @property
    def megabytes(self) -> int:
        return max(1, round(self.max_bytes / MEGABYTE))


STATUS_CODES = {401: "http.unauthorized", 403: "http.forbidden", 404: "http.not_found"}


def check_status(response: Response) -> Response:
    """Raise :class:`NetworkError` for an HTTP error status, return ``response`` otherwise.

    An OGC server often says *why* in an exception report carried by a 400/500 reply;
    callers that can parse one do so before calling this (see ``ows.parse_reply``).
    """
    status = response.status
    if status < 400:
        return response
    if status in STATUS_CODES:
        code = STATUS_CODES[status]
    elif status >= 500:
        code = "http.server_error"
    else:
        code = "http.status"
    raise NetworkError(f"HTTP {status} from the server", code=code, source=response.url,
                       status=status)


# --------------------------------------------------------------------------- the rules


def check_scheme(url: str) -> str:
    """``url`` if its scheme is http or https; NetworkError ``http.scheme`` otherwise."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise NetworkError(f"Only http and https addresses are requested, not {url!r}",
                           code="http.scheme", source=url, url=url)
    return url


def origin(url: str) -> tuple:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port if parts.port is not None else {"http": 80, "https": 443}.get(scheme)
    return scheme, (parts.hostname or "").lower(), port


class Redirects:
    """Follows one request's redirects by the rules above: :meth:`follow` returns the next
    address or raises the NetworkError that names why not."""

    def __init__(self, url: str, limits: Limits):
        self.start = url
        self.limits = limits
        self.seen = [url]

    def follow(self, current: str, location: str) -> str:
        if not location or not location.strip():
            raise NetworkError("A redirect without a Location", code="http.redirect_invalid",
                               source=self.start, location="")
        target = urljoin(current, location.strip())
        scheme = urlsplit(target).scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise NetworkError(f"Redirect to {target!r} refused: not an http(s) address",
                               code="http.redirect_scheme", source=self.start,
                               location=target)
        if urlsplit(current).scheme.lower() == "https" and scheme == "http":
            raise NetworkError(f"Redirect from https to {target!r} refused",
                               code="http.redirect_insecure", source=self.start,
                               location=target)
        if target.split("#")[0] in (seen.split("#")[0] for seen in self.seen):
            raise NetworkError(f"Redirect loop: {target} again", code="http.redirect_loop",
                               source=self.start, location=target)
        if len(self.seen) > self.limits.max_redirects:
            raise NetworkError(f"More than {self.limits.max_redirects} redirects",
                               code="http.redirects", source=self.start, location=target,
                               limit=self.limits.max_redirects)
        self.seen.append(target)
        return target

    @staticmethod
    def method_after(status: int, method: str) -> str:
        """303 always, and 301/302 for a POST, continue as GET (as browsers and Qt do)."""
        if status == 303 or (status in (301, 302) and method.upper() == "POST"):
            return "GET"
        return method


def too_large(url: str, limits: Limits) -> NetworkError:
    return NetworkError(f"The answer is larger than {limits.megabytes} MB",
                        code="http.too_large", source=url, limit_mb=limits.megabytes)


def timed_out(url: str, timeout: float) -> NetworkError:
    return NetworkError(f"No complete answer within {timeout:g} s", code="http.timeout",
                        source=url, timeout=f"{timeout:g}")


class Body:
    """A body received piece by piece, decoded (``Content-Encoding``) and counted against the
    limit as it comes: memory stays within ``max_bytes`` whatever the server sends."""

    def __init__(self, url: str, encoding: str, limits: Limits):
        self.url = url
        self.limits = limits
        self.parts = []
        self.size = 0
        self.raw_size = 0
        encoding = (encoding or "").strip().lower()
        if encoding in ("", "identity"):
            self._decoder = None
        elif encoding in ("gzip", "x-gzip"):
            self._decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._decoder = _Deflate()
        else:
            raise NetworkError(f"Unsupported Content-Encoding {encoding!r}",
                               code="http.encoding", source=url, encoding=encoding)

    def feed(self, chunk: bytes) -> None:
        if not chunk:
            return
        self.raw_size += len(chunk)
        if self._decoder is None:
            self._keep(chunk)
            return
        try:
            data = chunk
            while data:
                # Inflated a piece at a time: the limit is passed by at most one piece.
                room = min(self.limits.max_bytes - self.size + 1, 16 * CHUNK)
                out = self._decoder.decompress(data, room)
                self._keep(out)
                data = self._decoder.unconsumed_tail
        except zlib.error as exc:
            raise NetworkError(f"Corrupt compressed answer: {exc}", code="http.encoding_corrupt",
                               source=self.url, detail=str(exc)) from None

    def _keep(self, data: bytes) -> None:
        if not data:
            return
        self.size += len(data)
        if self.size > self.limits.max_bytes:
            self.parts.clear()
            raise too_large(self.url, self.limits)
        self.parts.append(data)

    def content(self) -> bytes:
        if self._decoder is not None:
            try:
                self._keep(self._decoder.flush())
            except zlib.error as exc:
                raise NetworkError(f"Corrupt compressed answer: {exc}",
                                   code="http.encoding_corrupt", source=self.url,
                                   detail=str(exc)) from None
        return b"".join(self.parts)


class _Deflate:
    """``deflate`` is zlib-wrapped by the standard, raw deflate by some servers: try both."""

    def __init__(self):
        self._inner = None
        self._head = b""

    def decompress(self, data, max_length):
        if self._inner is None:
            self._head += data
            if len(self._head) < 2:
                self.unconsumed_tail = b""
                return b""
            first, second = self._head[0], self._head[1]
            wrapped = (first & 0x0F) == 8 and ((first << 8) | second) % 31 == 0
            self._inner = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
            data, self._head = self._head, b""
        out = self._inner.decompress(data, max_length)
        self.unconsumed_tail = self._inner.unconsumed_tail
        return out

    def flush(self):
        return self._inner.flush() if self._inner is not None else b""


def tls_error(url: str, detail: str, kind: str = "") -> NetworkError:
    """A TLS failure named by kind: ``http.tls.certificate``, ``.hostname`` or ``.protocol``
    (``kind`` when the caller knows it, otherwise read from OpenSSL's English reason)."""
    text = (detail or "").lower()
    if kind:
        pass
    elif "hostname" in text or "host name" in text or "doesn't match" in text \
            or "does not match" in text:
        kind = "hostname"
    elif "certif" in text or "self-signed" in text or "self signed" in text \
            or "issuer" in text or "expired" in text or "untrusted" in text:
        kind = "certificate"
    else:
        kind = "protocol"
    return NetworkError(f"TLS failure ({kind}): {detail}", code=f"http.tls.{kind}", source=url,
                        detail=detail)


# --------------------------------------------------------------------------- requests


class RequestsTransport:
    """A :class:`Transport` over ``requests`` (no authcfg: headless use and tests).

    Each request runs in a short-lived worker thread while the caller waits for at most
    ``timeout`` (the worker stops at its next byte once the caller has given up), so a
    server that trickles bytes or never answers cannot hold the caller past the deadline.
    """

    def __init__(self, session=None, user_agent: str = "GeoGov QGIS plugin",
                 limits: Optional[Limits] = None):
        self._session = session
        self.user_agent = user_agent
        self.limits = limits or Limits()

    @property
    def session(self):
        if self._session is None:
            import requests  # imported on first use: costs start-up time otherwise

            self._session = requests.Session()
            self._session.headers["User-Agent"] = self.user_agent
            self._session.trust_env = True
        return self._session

    def request(self, method, url, *, params=None, data=None, headers=None, timeout=30.0,
                is_cancelled=None):
        if params:
            from urllib.parse import urlencode

            url = url + ("&" if "?" in url else "?") + urlencode(params)
        check_scheme(url)
        if is_cancelled is not None and is_cancelled():
            raise Cancelled("Cancelled", source=url)
        started = time.monotonic()
        deadline = started + timeout
        exchange = _Exchange(self.session, self.limits, method, url, data, headers, deadline,
                             timeout)
        worker = threading.Thread(target=exchange.run, name="geogov-http", daemon=True)
        worker.start()
        while not exchange.done.wait(0.05):
            if is_cancelled is not None and is_cancelled():
                exchange.stop()
                raise Cancelled("Cancelled", source=url)
            if time.monotonic() >= deadline:
                exchange.stop()
                raise timed_out(url, timeout)
        if exchange.error is not None:
            raise exchange.error
        response = exchange.response
        response.elapsed = time.monotonic() - started
        return response


class _Exchange:
    """One request and its redirects, run in the worker thread of RequestsTransport."""

    def __init__(self, session, limits, method, url, data, headers, deadline, timeout):
        self.session = session
        self.limits = limits
        self.method = method.upper()
        self.url = url
        self.data = data
        self.headers = dict(headers or {})
        self.deadline = deadline
        self.timeout = timeout
        self.done = threading.Event()
        self.stopped = threading.Event()
        self.response: Optional[Response] = None
        self.error: Optional[BaseException] = None
        self._reply = None

    def stop(self):
        self.stopped.set()
        reply = self._reply
        if reply is not None:
            _shut(reply)

    def _remaining(self):
        left = self.deadline - time.monotonic()
        if left <= 0 or self.stopped.is_set():
            raise timed_out(self.url, self.timeout)
        return left

    def run(self):
        try:
            self.response = self._run()
        except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
            self.error = exc
        finally:
            self.done.set()

    def _run(self) -> Response:
        import requests

        redirects = Redirects(self.url, self.limits)
        method, url, data = self.method, self.url, self.data
        headers = dict(self.headers)
        headers.setdefault("Accept-Encoding", ACCEPT_ENCODING)
        while True:
            left = self._remaining()
            try:
                reply = self.session.request(method, url, data=data, headers=headers,
                                             timeout=(left, left), stream=True,
                                             allow_redirects=False)
            except requests.exceptions.SSLError as exc:
                raise tls_error(url, _reason(exc)) from None
            except requests.Timeout:
                raise timed_out(self.url, self.timeout) from None
            except requests.exceptions.InvalidSchema as exc:
                raise NetworkError(str(exc), code="http.scheme", source=url, url=url) from None
            except requests.ConnectionError as exc:
                raise NetworkError(f"Cannot connect: {exc}", code="http.connection",
                                   source=url, detail=str(exc)) from None
            except requests.RequestException as exc:
                raise NetworkError(f"HTTP request failed: {exc}", code="http.failed",
                                   source=url, detail=str(exc)) from None
            self._reply = reply
            try:
                if reply.status_code in REDIRECT_STATUSES and "location" in reply.headers:
                    target = redirects.follow(url, reply.headers["location"])
                    if origin(target) != origin(url):
                        headers.pop("Authorization", None)   # credentials stay with their server
                    new_method = Redirects.method_after(reply.status_code, method)
                    if new_method != method:
                        data = None
                        headers.pop("Content-Type", None)
                    method, url = new_method, target
                    continue
                return self._read(reply, url)
            finally:
                reply.close()
                self._reply = None

    def _read(self, reply, url) -> Response:
        import requests

        length = reply.headers.get("content-length", "")
        encoding = reply.headers.get("content-encoding", "")
        if length.isdigit() and not encoding and int(length) > self.limits.max_bytes:
            raise too_large(url, self.limits)
        body = Body(url, encoding, self.limits)
        raw = reply.raw
        stream = getattr(raw, "_fp", None)
        read1 = getattr(stream, "read1", None)
        try:
            while True:
                self._remaining()
                chunk = read1(CHUNK) if read1 is not None else raw.read(CHUNK,
                                                                        decode_content=False)
                if not chunk:
                    break
                body.feed(chunk)
        except (requests.RequestException, OSError, ValueError) as exc:
            if self.stopped.is_set() or time.monotonic() >= self.deadline:
                raise timed_out(self.url, self.timeout) from None
            if "timed out" in str(exc).lower():
                raise timed_out(self.url, self.timeout) from None
            raise NetworkError(f"The answer was cut off: {exc}", code="http.failed", source=url,
                               detail=str(exc)) from None
        except http.client.HTTPException as exc:  # IncompleteRead and kin
            if self.stopped.is_set():
                raise timed_out(self.url, self.timeout) from None
            raise NetworkError(f"The answer was cut off: {exc}", code="http.failed", source=url,
                               detail=str(exc)) from None
        headers = {k.lower(): v for k, v in reply.headers.items()}
        return Response(url=url, status=reply.status_code, content=body.content(),
                        headers=headers)


def _reason(exc) -> str:
    """The innermost reason of a requests/urllib3 error, e.g. the SSL verify message."""
    seen = exc
    for _ in range(6):
        inner = getattr(seen, "reason", None) or (seen.args[0] if getattr(seen, "args", None)
                                                  else None)
        if inner is None or inner is seen or isinstance(inner, str):
            break
        seen = inner
    return str(seen)


def _shut(reply) -> None:
    """Wake a worker blocked reading ``reply``'s socket (close alone does not on Linux)."""
    import socket

    raw = getattr(reply, "raw", None)
    connection = getattr(raw, "_connection", None) or getattr(raw, "connection", None)
    sock = getattr(connection, "sock", None)
    try:
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
