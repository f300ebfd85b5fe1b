"""One writer process of tests/integration/test_gpkg_many_writers.py: as a technician (or a
steward), writes to a shared GeoPackage store as fast as it can for a while, and prints one
JSON line: what it wrote and every error it met.

    python gpkg_writer.py STORE LOGIN ROLE SECONDS START_AT
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "build" / "py"))

from geogov.plugin.errors import GeoGovError
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.support import store_fixtures as F  # noqa: N812


def main(path, login, role, seconds, start_at):
    while time.time() < start_at:          # every writer starts at the same moment
        time.sleep(0.005)
    deadline = time.time() + seconds
    written, decided, errors, latencies = [], [], [], []
    with GeoPackageStore(path, login) as store:
        n = 0
        while time.time() < deadline:
            n += 1
            began = time.perf_counter()
            try:
                if role == "technician":
                    draft = store.create_draft(F.proposal(tag=f"{login}-{n}",
                                                          title=f"{login} n°{n}"))
                    store.submit(draft.id, draft.version)
                    written.append(draft.id)
                else:
                    waiting = [p for p in store.list_proposals("to_review", status="submitted")]
                    if not waiting:
                        time.sleep(0.02)
                        continue
                    target = waiting[-1]
                    store.review(target.id, "approve", "vu", expected_version=target.version)
                    decided.append(target.id)
            except GeoGovError as error:
                errors.append(error.code)
            latencies.append(time.perf_counter() - began)
    print(json.dumps({"login": login, "written": written, "decided": decided, "errors": errors,
                      "latencies": latencies}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]))
