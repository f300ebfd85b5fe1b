"""HTTP for the core, independent of QGIS.

The core never opens sockets itself: catalogue, service and WFS-T clients take a
``transport`` with one method, :meth:`Transport.request`. :class:`RequestsTransport`
(``requests`` ships with every QGIS) serves headless use and tests; the bridge
provides one built on QGIS's network stack with the connection's authcfg
(plugin/bridge/network.py), so proxies, SSL settings and credentials stay QGIS's.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Mapping, Protocol

from .errors import Cancelled, NetworkError


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


class RequestsTransport:
    """A :class:`Transport` over ``requests`` (no authcfg: headless use and tests)."""

    def __init__(self, session=None, user_agent: str = "GeoGov QGIS plugin"):
        self._session = session
        self.user_agent = user_agent

    @property
    def session(self):
        if self._session is None:
            import requests  # imported on first use: costs start-up time otherwise

            self._session = requests.Session()
            self._session.headers["User-Agent"] = self.user_agent
        return self._session

    def request(self, method, url, *, params=None, data=None, headers=None, timeout=30.0,
                is_cancelled=None):
        import requests

        if is_cancelled is not None and is_cancelled():
            raise Cancelled("Cancelled", source=url)
        started = time.perf_counter()
        try:
            reply = self.session.request(method, url, params=params, data=data,
                                         headers=dict(headers or {}), timeout=timeout)
        except requests.Timeout:
            raise NetworkError(f"No answer within {timeout:g} s", code="http.timeout",
                               source=url, timeout=timeout) from None
        except requests.ConnectionError as exc:
            raise NetworkError(f"Cannot connect: {exc}", code="http.connection", source=url,
                               detail=str(exc)) from None
        except requests.RequestException as exc:
            raise NetworkError(f"HTTP request failed: {exc}", code="http.failed", source=url,
                               detail=str(exc)) from None
        return Response(url=reply.url, status=reply.status_code, content=reply.content,
                        headers={k.lower(): v for k, v in reply.headers.items()},
                        elapsed=time.perf_counter() - started)
