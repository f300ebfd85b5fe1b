"""Shared by the governance qgis tests: the demo's GeoPackages and ISO records, built
offline by the demo SDI's own code (tests/sdi), and a GovernanceState on the demo
convention.

The records are written with revision dates relative to ``TODAY`` exactly as the demo
catalogue serves them (DEMO.md): points-apport-volontaire late with another frequency,
eclairage-public with SIGEIF as custodian, capteurs-air-ecoles without a point of
contact, the others up to date.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication

from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.bridge.governance import GovernanceState
from geogov.plugin.catalogue.documents import read_metadata
from geogov.plugin.governance.convention_loader import load_convention

ROOT = Path(__file__).resolve().parents[2]
CONVENTION = ROOT / "resources" / "demo" / "convention-idf.yaml"
TODAY = dt.date.today()
OWS = "http://127.0.0.1:9/ows"

PAV = "points-apport-volontaire"
CYCLABLE = "amenagements-cyclables"
ECLAIRAGE = "eclairage-public"
PESEES = "pesees-dechets-menages"
CAPTEURS = "capteurs-air-ecoles"
SYCTOM = "Syctom, l'agence métropolitaine des déchets ménagers"


def wait_until(predicate, timeout: float = 20.0, message: str = "condition"):
    """Run the event loop (task results, queued signals, timers) until ``predicate()``."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {message}")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def build_demo(folder: Path) -> dict:
    """{"gpkg": {typename: path}, "records": {dataset id: Record}, "record_list": [...]}."""
    from geogov.tests.sdi.catalogues import write_iso_records
    from geogov.tests.sdi.geodata import write_geopackages

    layers = write_geopackages(folder / "data")
    records_dir = write_iso_records(folder, {"layers": layers}, OWS, TODAY)
    convention = load_convention(CONVENTION)
    records, record_list = {}, []
    for path in sorted(records_dir.glob("*.xml")):
        for record in read_metadata(path.read_bytes(), str(path)):
            record_list.append(record)
            for dataset in convention.datasets.values():
                if record.identifier in dataset.match.record_ids:
                    records[dataset.id] = record
    return {"gpkg": {layer["typename"]: str(folder / layer["gpkg"]) for layer in layers},
            "records": records, "record_list": record_list, "folder": folder}


def make_state(source=CONVENTION, **settings) -> tuple:
    """(state, settings object): the state reads the settings object, which tests change."""
    values = gsettings.Settings(convention_source=str(source), **settings)
    state = GovernanceState(load_settings=lambda: values, today=lambda: TODAY)
    return state, values


def loaded_state(records=None, source=CONVENTION, **settings) -> GovernanceState:
    """A state with the convention loaded and, when given, the records as if fetched."""
    state, _values = make_state(source, **settings)
    state.reload()
    wait_until(lambda: not state.busy, message="the convention to load")
    assert state.convention is not None, state.error
    if records:
        state.records.update(records)
    return state
