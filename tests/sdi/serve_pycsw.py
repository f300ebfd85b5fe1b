"""Serve pycsw 2.6.2 (CSW 2.0.2 and 3.0) on 127.0.0.1; run with the pycsw venv's Python.

    serve_pycsw.py CONFIG PORT [--load RECORDS_DIR] [--writers WRITERS_JSON]

pycsw's own ``__main__`` binds every interface, hence this launcher. With ``--load`` the
repository is created afresh and every ``*.xml`` of RECORDS_DIR loaded first; pycsw only
logs a record it cannot parse, so a short count stops the start here instead.

With ``--writers`` (a JSON file ``{login: {"salt": hex, "pbkdf2_sha256": hex}}``, see
:func:`writer_entry`) HTTP Basic authentication stands in front of pycsw's transactions:
a request holding a CSW ``Transaction`` or ``Harvest`` anywhere (a POSTed document, a
SOAP envelope, or ``request=`` in the query) gets 401 without valid credentials of one
of those logins; every other request is served as before. pycsw itself
only knows ``allowed_ips`` (127.0.0.1 here), which any local process passes. A POSTed body
that does not parse as XML is refused (400) rather than guessed at.

Single-threaded on purpose: pycsw mutates shared model state per request (see the
"avoid this sort of mutable state for WSGI" note in pycsw/server.py), and wsgiref's
HTTP/1.0 handler closes every connection, so no client can hold the server.
This file imports nothing from GeoGov: it runs outside the project's venv.
"""

import argparse
import base64
import binascii
import configparser
import hashlib
import hmac
import io
import json
import os
import sys
from glob import glob
from urllib.parse import parse_qs
from wsgiref.simple_server import make_server

ITERATIONS = 100_000
WRITE_REQUESTS = ("transaction", "harvest")
REALM = "GeoGov demo catalogue (stewards)"


def writer_entry(password: str, salt: bytes) -> dict:
    """What the writers file holds for one login (no password in clear)."""
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, ITERATIONS)
    return {"salt": salt.hex(), "pbkdf2_sha256": digest.hex()}


def _authorised(header: str, writers: dict):
    """The login of valid Basic credentials of a writer; "" for credentials of nobody
    known or a wrong password; None without credentials."""
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic":
        return ""
    try:
        login, _, password = base64.b64decode(value.strip(), validate=True).decode(
            "utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return ""
    entry = writers.get(login)
    if entry is None:
        return ""
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"),
                                 bytes.fromhex(entry["salt"]), ITERATIONS)
    return login if hmac.compare_digest(digest.hex(), entry["pbkdf2_sha256"]) else ""


def _writes(environ, body: bytes):
    """Whether the request asks for a transaction (True), not (False), or cannot be read
    (None: a POST body that is not XML)."""
    query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    for key, values in query.items():
        if key.lower() == "request" and any(v.strip().lower() in WRITE_REQUESTS for v in values):
            return True
    if not body.strip():
        return False
    from lxml import etree

    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None
    return any(isinstance(e.tag, str) and etree.QName(e).localname.lower() in WRITE_REQUESTS
               for e in root.iter())


def _answer(start_response, status: str, text: str, extra=()):
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), *extra])
    return [text.encode("utf-8")]


def writers_only(application, writers: dict):
    """Transactions for the logins of ``writers`` only (see the module docstring)."""

    def app(environ, start_response):
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        body = environ["wsgi.input"].read(length) if length > 0 else b""
        environ["wsgi.input"] = io.BytesIO(body)
        writes = _writes(environ, body)
        if writes is None:
            return _answer(start_response, "400 Bad Request", "the request is not XML\n")
        if writes:
            login = _authorised(environ.get("HTTP_AUTHORIZATION", ""), writers)
            if login is None or login == "":
                return _answer(start_response, "401 Unauthorized",
                               "transactions need a steward's credentials\n",
                               [("WWW-Authenticate", f'Basic realm="{REALM}"')])
        return application(environ, start_response)

    return app


def load(config_path: str, records_dir: str) -> int:
    from pycsw.core import admin, config

    parser = configparser.ConfigParser(interpolation=None)
    with open(config_path, encoding="utf-8") as handle:
        parser.read_file(handle)
    database = parser.get("repository", "database")
    table = parser.get("repository", "table")
    path = database.replace("sqlite:///", "", 1)
    if os.path.exists(path):
        os.remove(path)
    admin.setup_db(database, table, parser.get("server", "home"))
    files = glob(os.path.join(records_dir, "*.xml"))
    loaded = admin.load_records(config.StaticContext(), database, table, records_dir)
    if len(loaded) != len(files):
        missing = sorted(set(files) - set(loaded))
        sys.exit(f"pycsw could not load {len(missing)} of {len(files)} records: {missing}")
    return len(loaded)


def guarded(application):
    """Refuse the ``config`` parameter: pycsw would read any configuration path it names."""

    def app(environ, start_response):
        keys = {k.lower() for k in parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)}
        if "config" in keys:
            start_response("400 Bad Request", [("Content-Type", "text/plain")])
            return [b"the config parameter is not accepted here\n"]
        return application(environ, start_response)

    return app


def main() -> int:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("config")
    arguments.add_argument("port", type=int)
    arguments.add_argument("--load")
    arguments.add_argument("--writers")
    options = arguments.parse_args()
    config_path = os.path.abspath(options.config)
    if options.load:
        count = load(config_path, options.load)
        print(f"pycsw: {count} records loaded", flush=True)
    os.environ["PYCSW_CONFIG"] = config_path
    from pycsw.wsgi import application

    app = guarded(application)
    if options.writers:
        with open(options.writers, encoding="utf-8") as handle:
            app = writers_only(app, json.load(handle))
    server = make_server("127.0.0.1", options.port, app)
    print(f"pycsw: serving on http://127.0.0.1:{options.port}/csw", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
