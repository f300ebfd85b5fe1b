"""A hostile HTTP(S) server for the transport's tests: run as a process, stopped by pid.

    python hostile_server.py PORT [CERT KEY]

Every path is one way a server can misbehave (see ROUTES); ``/ok`` is a small valid
catalogue record, the document the good paths lead to. With a certificate and key it speaks
TLS (a self-signed certificate: clients must refuse it and say why).
"""

from __future__ import annotations

import http.server
import socket
import ssl
import sys
import time
import zlib
from urllib.parse import parse_qs, urlsplit

RECORD = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
          b'<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" '
          b'xmlns:gco="http://www.isotc211.org/2005/gco"><gmd:fileIdentifier>'
          b'<gco:CharacterString>hostile-ok</gco:CharacterString></gmd:fileIdentifier>'
          b'</gmd:MD_Metadata>\n')
MB = 1024 * 1024


class Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    # ------------------------------------------------------------------ helpers
    def _redirect(self, location, status=302):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, body, content_type="application/xml", extra=()):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))

    def _param(self, name, default):
        values = parse_qs(urlsplit(self.path).query).get(name)
        return int(values[0]) if values else default

    # ------------------------------------------------------------------ routes
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.do_GET()

    def do_GET(self):
        path = urlsplit(self.path).path
        try:
            ROUTES.get(path, Hostile.not_found)(self)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
            pass

    def not_found(self):
        body = b"not here"
        self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def ok(self):
        self._send(RECORD)

    def redirect_to(self):
        """/redirect-to?url=U: a redirect to U (another server, or this one)."""
        self._redirect(parse_qs(urlsplit(self.path).query)["url"][0])

    def auth_echo(self):
        """Says which Authorization header came with the request ("none" without)."""
        self._send((self.headers.get("Authorization") or "none").encode("latin-1"),
                   "text/plain")

    def redirect_file(self):
        self._redirect("file:///etc/passwd")

    def redirect_ftp(self):
        self._redirect("ftp://127.0.0.1/etc/passwd")

    def redirect_data(self):
        self._redirect("data:text/plain;base64,c2VjcmV0")

    def redirect_self(self):
        self._redirect(self.path)

    def loop_a(self):
        self._redirect("/loop-b")

    def loop_b(self):
        self._redirect("/loop-a")

    def relative(self):
        self._redirect("ok", status=301)

    def chain(self):
        """/chain?n=N: N redirects (each to a new address) before /ok."""
        left = self._param("n", 3)
        self._redirect("/ok" if left <= 1 else f"/chain?n={left - 1}", status=307)

    def endless(self):
        """Chunked, never ends (until the client goes)."""
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        block = b"<a>" + b"x" * (256 * 1024) + b"</a>"
        self._chunk(b"<root>")
        while True:
            self._chunk(block)

    def gzip_bomb(self):
        """10 GB of zeros as gzip, about 10 MB on the wire: one compressed megabyte, fully
        flushed (so the same bytes stand for every following megabyte), sent 10 240 times.
        The gzip trailer never comes: a client must give up long before."""
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        self._chunk(compressor.compress(b"<root>") + compressor.flush(zlib.Z_FULL_FLUSH))
        block = compressor.compress(b"\0" * MB) + compressor.flush(zlib.Z_FULL_FLUSH)
        for _ in range(10 * 1024):
            self._chunk(block)
        self.wfile.write(b"0\r\n\r\n")

    def gzip_ok(self):
        compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        body = compressor.compress(RECORD) + compressor.flush()
        self._send(body, extra=(("Content-Encoding", "gzip"),))

    def deflate_raw(self):
        compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        body = compressor.compress(RECORD) + compressor.flush()
        self._send(body, extra=(("Content-Encoding", "deflate"),))

    def gzip_corrupt(self):
        self._send(b"\x1f\x8b\x08\x00garbage-not-gzip" * 4, extra=(("Content-Encoding", "gzip"),))

    def brotli(self):
        self._send(b"\x0b\x02\x80hello\x03", extra=(("Content-Encoding", "br"),))

    def big(self):
        """/big?mb=N: N MB of a valid-looking XML body, with its Content-Length."""
        size = self._param("mb", 300) * MB
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        block = b" " * MB
        sent = 0
        while sent < size:
            self.wfile.write(block[: size - sent])
            sent += len(block)

    def big_unannounced(self):
        """/big-unannounced?mb=N: N MB, chunked (no Content-Length to refuse it early)."""
        size = self._param("mb", 300) * MB
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        block = b" " * (256 * 1024)
        for _ in range(size // len(block)):
            self._chunk(block)
        self.wfile.write(b"0\r\n\r\n")

    def trickle(self):
        """One byte a second, for ever (the headers come at once)."""
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(10 ** 6))
        self.end_headers()
        while True:
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(1)

    def trickle_headers(self):
        """The status line, then one header byte a second."""
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        self.wfile.flush()
        while True:
            self.wfile.write(b"X")
            self.wfile.flush()
            time.sleep(1)

    def silent(self):
        """Reads the request, then says nothing for ever."""
        while True:
            time.sleep(1)


ROUTES = {
    "/ok": Hostile.ok,
    "/redirect-to": Hostile.redirect_to,
    "/auth-echo": Hostile.auth_echo,
    "/redirect-file": Hostile.redirect_file,
    "/redirect-ftp": Hostile.redirect_ftp,
    "/redirect-data": Hostile.redirect_data,
    "/redirect-self": Hostile.redirect_self,
    "/loop-a": Hostile.loop_a,
    "/loop-b": Hostile.loop_b,
    "/sub/relative": Hostile.relative,
    "/sub/ok": Hostile.ok,
    "/chain": Hostile.chain,
    "/endless": Hostile.endless,
    "/gzip-bomb": Hostile.gzip_bomb,
    "/gzip-ok": Hostile.gzip_ok,
    "/deflate-raw": Hostile.deflate_raw,
    "/gzip-corrupt": Hostile.gzip_corrupt,
    "/brotli": Hostile.brotli,
    "/big": Hostile.big,
    "/big-unannounced": Hostile.big_unannounced,
    "/trickle": Hostile.trickle,
    "/trickle-headers": Hostile.trickle_headers,
    "/silent": Hostile.silent,
}


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64


def main(argv):
    port = int(argv[1])
    server = Server(("127.0.0.1", port), Hostile)
    if len(argv) > 3:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(argv[2], argv[3])
        server.socket = context.wrap_socket(server.socket, server_side=True,
                                            do_handshake_on_connect=False)
    server.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    print("READY", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv)
