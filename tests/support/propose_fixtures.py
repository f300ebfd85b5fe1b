"""Helpers of the "Propose my changes" tests (tests/qgis/test_propose*.py,
tests/qgis/test_proposal_algs.py, tests/integration/test_propose*.py).

- the demo convention (resources/demo/convention-idf.yaml) and a GovernanceState-like
  holder of it (the dialog only reads ``state.convention``);
- a fresh GeoPackage proposal store with the demo convention synced, as the region's
  coordinator would set it up;
- a table's rows read with sqlite3 alone (not through QGIS), to prove that proposing
  never writes to the authoritative file;
- the three edits of the scenario: insert one feature, move one and change an
  attribute, delete one — inside the Val-de-Marne (94), tech94's territory.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsFeature, QgsGeometry

from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.governance.convention_loader import load_convention
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.support.qt_wait import wait_for

ROOT = Path(__file__).resolve().parents[2]
DEMO_CONVENTION_PATH = ROOT / "resources" / "demo" / "convention-idf.yaml"
CYCLABLE = "amenagements-cyclables"
ECLAIRAGE = "eclairage-public"
_DEMO_TARGET = re.compile(r'target: \{wfs: "http://127\.0\.0\.1:\*/ows", typename: (\w+), crs: ([\w:]+)\}')


def _local_copies_convention() -> Path:
    """The demo convention, except that each dataset is published in a GeoPackage named after
    its layer (``…/amenagements_cyclables.gpkg``), as these tests' layers are: the targets
    are the convention's (governance/targets.py), so a proposal from a local file is refused
    under the shipped convention (tests/qgis/test_propose.py says so). Written once, atomically,
    under build/ (the same text each time)."""
    def local(match):
        return f'target: {{gpkg: "*/{match[1]}.gpkg", layer: {match[1]}, crs: {match[2]}}}'

    text, count = _DEMO_TARGET.subn(local, DEMO_CONVENTION_PATH.read_text(encoding="utf-8"))
    assert count >= 5, "the demo convention's targets changed: update _DEMO_TARGET"
    path = ROOT / "build" / "tests" / "convention-idf-local-copies.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    return path


CONVENTION_PATH = _local_copies_convention()


def convention(demo: bool = False):
    """The convention of these tests (local GeoPackage targets), or the shipped demo's."""
    return load_convention(DEMO_CONVENTION_PATH if demo else CONVENTION_PATH)


@dataclass
class ConventionState:
    """What the dialog reads of ui.governance_state's GovernanceState."""

    convention: object


def demo_store(path, convention_object=None) -> Path:
    with GeoPackageStore(path, "coord_region") as admin:
        admin.sync_convention(convention_object or convention())
    return Path(path)


def gpkg_settings(store_path, login="tech94", demo=False, **extra) -> gsettings.Settings:
    return gsettings.Settings(convention_source=str(DEMO_CONVENTION_PATH if demo else CONVENTION_PATH),
                              store_kind="gpkg",
                              store_path=str(store_path), identity_login=login, **extra)


def table_rows(path, table: str) -> list:
    """Every row of ``table`` (all columns, geometry blob included), sorted, via sqlite3."""
    conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    try:
        return sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
    finally:
        conn.close()


@dataclass
class ThreeEdits:
    inserted: str          # identifiant of the new feature
    moved: str             # identifiant of the feature moved and changed
    deleted: str           # identifiant of the deleted feature
    field: str             # the attribute changed on the moved feature
    value: str


def edit_three(layer, where: str = "\"departement\" = '94'", field: str = "revetement",
               value: str = "pavés", key: str = "identifiant") -> ThreeEdits:
    """Start editing ``layer`` and make the three edits inside ``where``."""
    features = sorted(layer.getFeatures(where), key=lambda f: f[key])[:3]
    assert len(features) == 3, "the demo layer has too few features there"
    template, moved, deleted = features
    assert layer.startEditing()
    geometry = QgsGeometry(moved.geometry())
    geometry.translate(4.0, -3.0)
    assert layer.changeGeometry(moved.id(), geometry)
    assert layer.changeAttributeValue(moved.id(), layer.fields().indexOf(field), value)
    assert layer.deleteFeature(deleted.id())
    new = QgsFeature(layer.fields())
    for name in layer.fields().names():
        if name != "fid":
            new[name] = template[name]
    new[key] = "NEW-" + str(template[key])
    shifted = QgsGeometry(template.geometry())
    shifted.translate(15.0, 15.0)
    new.setGeometry(shifted)
    assert layer.addFeature(new)
    return ThreeEdits(str(new[key]), str(moved[key]), str(deleted[key]), field, value)


def edit_buffer_changeset(layer, key: str = "identifiant"):
    """The change set of ``layer``'s edit buffer, as "Propose my changes" computes it."""
    from geogov.plugin.bridge.features import schema_from_layer
    from geogov.plugin.bridge.propose import EditBufferRows

    return EditBufferRows(layer, schema_from_layer(layer, key)).changeset()


def wait_idle(widget, timeout: float = 60.0):
    """Until the dialog's / dock's task has finished (its callbacks ran)."""
    wait_for(lambda: not widget.busy, timeout=timeout)


CYCLABLE_TABLE = "amenagements_cyclables"


def shared_layer(demo_folder, folder, table: str = CYCLABLE_TABLE, project=None):
    """A fresh copy of a demo layer (tests.sdi.geodata), standing for the authoritative data,
    added to the project: (layer, path of its GeoPackage)."""
    from qgis.core import QgsProject, QgsVectorLayer

    from geogov.tests.support.servers import copy_geopackage

    path = copy_geopackage(Path(demo_folder) / f"{table}.gpkg",
                           Path(folder) / "authoritative" / f"{table}.gpkg")
    layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
    assert layer.isValid()
    (project or QgsProject.instance()).addMapLayer(layer)
    return layer, path


@dataclass
class OutsideEdit:
    key: str               # identifiant of the Paris (75) cycle lane changed by tech94 (94)
    fid: int


def edit_outside(layer) -> OutsideEdit:
    """In edit mode already: change a cycle lane of Paris, outside tech94's territory
    (a proposal.outside_territory problem)."""
    paris = next(layer.getFeatures("\"departement\" = '75' AND \"revetement\" <> 'pavés'"))
    assert layer.changeAttributeValue(paris.id(), layer.fields().indexOf("revetement"), "pavés")
    return OutsideEdit(str(paris["identifiant"]), paris.id())


def proposed(dialog):
    """Compute, check and save the dialog's changes; its Prepared."""
    dialog.start()
    wait_idle(dialog)
    assert dialog.prepared is not None, dialog.status.text()
    return dialog.prepared


def add_unnamed_lane(layer):
    """A new lane in the 94 without its "identifiant" (a problem on a feature with no key
    yet), in the layer's edit buffer: its temporary feature id and its box."""
    template = next(layer.getFeatures("\"departement\" = '94'"))
    feature = QgsFeature(layer.fields())
    for name in layer.fields().names():
        if name not in ("fid", "identifiant"):
            feature[name] = template[name]
    geometry = template.geometry()
    geometry.translate(30.0, 30.0)
    feature.setGeometry(geometry)
    assert layer.addFeature(feature)
    new_ids = sorted(layer.editBuffer().addedFeatures())
    return min(new_ids), geometry.boundingBox()
