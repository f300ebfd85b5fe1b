"""A pycsw of its own for tests that write to the catalogue (CSW-T).

:func:`start_writable_pycsw` writes the demo's ISO 19139 records and a pycsw configuration
into ``folder`` and serves them on a free port of 127.0.0.1 with transactions on, behind
serve_pycsw.py's HTTP Basic gate for ``writers`` ({login: password}); ``transactions``
False gives a catalogue that refuses every Transaction itself (an exception report).
The session's demo pycsw stays read-only for the other tests.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from ..sdi.catalogues import write_iso_records, write_pycsw_config
from ..sdi.serve_pycsw import writer_entry
from . import servers as srv


def start_writable_pycsw(demo_dir: Path, folder: Path, writers: dict, *,
                         transactions: bool = True, today: dt.date | None = None) -> srv.Server:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = json.loads((Path(demo_dir) / "demo.json").read_text(encoding="utf-8"))
    port = srv.free_port()
    url = f"http://{srv.HOST}:{port}/csw"
    records = write_iso_records(folder, manifest, "http://127.0.0.1:9/ows",
                                today or dt.date.today())
    config = write_pycsw_config(folder, url, transactions=transactions)
    writers_file = folder / "writers.json"
    writers_file.write_text(json.dumps({login: writer_entry(password, os.urandom(16))
                                        for login, password in writers.items()}),
                            encoding="utf-8")
    return srv.start_pycsw(config, port, records_dir=records, writers=writers_file)
