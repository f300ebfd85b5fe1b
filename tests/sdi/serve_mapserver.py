"""A small HTTP server on 127.0.0.1 that answers every request with the mapserv CGI.

    serve_mapserver.py MAPSERVER_CONF PORT

MapServer 8 reads its mapfile location from a config file (``MAPSERVER_CONFIG_FILE``,
``ENV MS_MAPFILE``), so the request never names a path. Each request runs mapserv in a
subprocess (no shell) with the CGI variables of RFC 3875; the CGI's ``Status:`` header
becomes the HTTP status. ``SERVER_NAME``/``SERVER_PORT``/``SCRIPT_NAME`` are what MapServer
builds its advertised online resource from.
This file imports nothing from GeoGov and runs with any Python 3.
"""

import argparse
import os
import shutil
import subprocess
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

CGI_TIMEOUT = 60
MAX_BODY = 20 * 1024 * 1024


def find_mapserv() -> str:
    for candidate in ("/usr/lib/cgi-bin/mapserv", shutil.which("mapserv") or ""):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("mapserv not found (Debian package cgi-mapserver)")


class Handler(BaseHTTPRequestHandler):
    server_version = "GeoGovMapServerBridge/1"
    mapserv = ""
    config = ""

    def do_GET(self):
        self.run_cgi(b"")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.send_error(413)
            return
        self.run_cgi(self.rfile.read(length))

    def run_cgi(self, body: bytes):
        parts = urlsplit(self.path)
        host, port = self.server.server_address[:2]
        env = {
            "PATH": "/usr/bin:/bin",
            "MAPSERVER_CONFIG_FILE": self.config,
            "GATEWAY_INTERFACE": "CGI/1.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "SERVER_SOFTWARE": self.server_version,
            "SERVER_NAME": host,
            "SERVER_PORT": str(port),
            "HTTP_HOST": self.headers.get("Host") or f"{host}:{port}",
            "REQUEST_METHOD": self.command,
            "SCRIPT_NAME": parts.path.rstrip("/") or "/mapserver",
            "QUERY_STRING": parts.query,
            "REMOTE_ADDR": self.client_address[0],
        }
        if self.command == "POST":
            env["CONTENT_TYPE"] = self.headers.get("Content-Type") or "application/xml"
            env["CONTENT_LENGTH"] = str(len(body))
        try:
            done = subprocess.run([self.mapserv], input=body, env=env, capture_output=True,
                                  timeout=CGI_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            self.send_error(504, "mapserv took too long")
            return
        if done.stderr:
            sys.stderr.write(done.stderr.decode("utf-8", "replace"))
        self.relay(done.stdout, done.returncode)

    def relay(self, output: bytes, returncode: int):
        for separator in (b"\r\n\r\n", b"\n\n"):
            head, found, payload = output.partition(separator)
            if found:
                break
        else:
            self.send_error(502, f"mapserv gave no CGI headers (exit code {returncode})")
            return
        status, headers = 200, []
        for line in head.replace(b"\r\n", b"\n").split(b"\n"):
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "status":
                status = int(value.strip().split()[0])
            elif name:
                headers.append((name.strip(), value.strip()))
        self.send_response(status)
        for name, value in headers:
            if name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)


def main() -> int:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("config")
    arguments.add_argument("port", type=int)
    options = arguments.parse_args()
    Handler.mapserv = find_mapserv()
    Handler.config = os.path.abspath(options.config)
    server = ThreadingHTTPServer(("127.0.0.1", options.port), Handler)
    server.daemon_threads = True
    print(f"mapserver bridge: serving on http://127.0.0.1:{options.port}/mapserver", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
