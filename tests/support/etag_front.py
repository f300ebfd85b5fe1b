"""An HTTP front that gives a real OGC API Features server (pygeoapi) the ETags it lacks.

pygeoapi 0.21 sends no ETag and ignores If-Match; no server here offers both. This front,
on 127.0.0.1, forwards every request to the server and adds, on single items, an
``ETag`` computed from the item's properties, and enforces
``If-Match`` on PUT and DELETE: it reads the item from the server as it is at that moment
and answers 412 without forwarding when the tags differ — what a server with ETags does.
``before_write(method, path)`` (optional) runs before each write (a PUT or DELETE of an
item, before it is judged; a POST of a new item) is forwarded: a test makes its concurrent
edit there, between GeoGov's read and its write, or between two of GeoGov's writes.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests

_ITEM = re.compile(r"^/collections/[^/]+/items/[^/?]+$")


def etag_of(body: bytes) -> str:
    """A tag of the item's properties: the same whatever CRS the geometry is asked in
    (a test front; a real server would tag each representation)."""
    data = json.loads(body)
    content = json.dumps({"id": data.get("id"), "properties": data.get("properties")},
                         sort_keys=True)
    return '"' + hashlib.sha256(content.encode("utf-8")).hexdigest()[:32] + '"'


class ETagFront:
    def __init__(self, upstream: str, before_write=None):
        self.upstream = upstream.rstrip("/")
        self.before_write = before_write
        self.refused = 0                  # 412 answers
        front = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_):
                pass

            def _relay(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                path = self.path.split("?", 1)[0]
                if self.command == "POST" and path.endswith("/items") and \
                        front.before_write is not None:
                    front.before_write(self.command, path)
                if self.command in ("PUT", "DELETE") and _ITEM.match(path):
                    if front.before_write is not None:
                        front.before_write(self.command, path)
                    current = requests.get(front.upstream + path, params={"f": "json"}, timeout=60)
                    wanted = self.headers.get("If-Match")
                    if wanted and current.status_code == 200 and wanted != etag_of(current.content):
                        front.refused += 1
                        self._answer(412, b'{"code": "PreconditionFailed"}',
                                     {"Content-Type": "application/json"})
                        return
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in ("host", "content-length", "if-match")}
                reply = requests.request(self.command, front.upstream + self.path, data=body,
                                         headers=headers, timeout=120, allow_redirects=False)
                out = {k: v for k, v in reply.headers.items()
                       if k.lower() in ("content-type", "location", "allow", "content-crs")}
                if self.command == "GET" and _ITEM.match(path) and reply.status_code == 200:
                    out["ETag"] = etag_of(reply.content)
                self._answer(reply.status_code, reply.content, out)

            def _answer(self, status, content, headers):
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = do_PUT = do_DELETE = do_OPTIONS = _relay

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
