"""Serve pygeoapi (OGC API Records over TinyDB) on 127.0.0.1; run with the pygeoapi venv's Python.

    serve_pygeoapi.py CONFIG PORT

Generates the OpenAPI document pygeoapi insists on (beside CONFIG) and runs the Flask app
without the reloader, whose child process would outlive a terminate().
This file imports nothing from GeoGov: it runs outside the project's venv.
"""

import argparse
import os
import sys
from pathlib import Path


def main() -> int:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("config")
    arguments.add_argument("port", type=int)
    options = arguments.parse_args()
    config = Path(options.config).resolve()
    openapi = config.with_name("openapi.yml")
    os.environ["PYGEOAPI_CONFIG"] = str(config)
    os.environ["PYGEOAPI_OPENAPI"] = str(openapi)

    from pygeoapi.openapi import generate_openapi_document

    openapi.write_text(generate_openapi_document(config, "yaml"), encoding="utf-8")

    from pygeoapi.flask_app import APP

    print(f"pygeoapi: serving on http://127.0.0.1:{options.port}", flush=True)
    APP.run(host="127.0.0.1", port=options.port, debug=False, use_reloader=False, threaded=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
