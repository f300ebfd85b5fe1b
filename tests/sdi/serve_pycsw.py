"""Serve pycsw 2.6.2 (CSW 2.0.2 and 3.0) on 127.0.0.1; run with the pycsw venv's Python.

    serve_pycsw.py CONFIG PORT [--load RECORDS_DIR]

pycsw's own ``__main__`` binds every interface, hence this launcher. With ``--load`` the
repository is created afresh and every ``*.xml`` of RECORDS_DIR loaded first; pycsw only
logs a record it cannot parse, so a short count stops the start here instead.

Single-threaded on purpose: pycsw mutates shared model state per request (see the
"avoid this sort of mutable state for WSGI" note in pycsw/server.py), and wsgiref's
HTTP/1.0 handler closes every connection, so no client can hold the server.
This file imports nothing from GeoGov: it runs outside the project's venv.
"""

import argparse
import configparser
import os
import sys
from glob import glob
from urllib.parse import parse_qs
from wsgiref.simple_server import make_server


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
    options = arguments.parse_args()
    config_path = os.path.abspath(options.config)
    if options.load:
        count = load(config_path, options.load)
        print(f"pycsw: {count} records loaded", flush=True)
    os.environ["PYCSW_CONFIG"] = config_path
    from pycsw.wsgi import application

    server = make_server("127.0.0.1", options.port, guarded(application))
    print(f"pycsw: serving on http://127.0.0.1:{options.port}/csw", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
