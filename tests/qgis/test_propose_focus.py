"""A validation problem (or a change) of the propose dialog leads to its feature: selected on
its layer, the map panned to it — zoomed with « Zoomer » or a double click. A new feature
still has QGIS's provisional, negative id; a deleted one is in no layer any more, and the map
goes to where it was (issue 17)."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from geogov.plugin.proposals.leave_out import ref
from geogov.plugin.proposals.model import DELETE, UPDATE
from geogov.tests.sdi.geodata import write_geopackages
from geogov.tests.support import propose_fixtures as P  # noqa: N812
from geogov.tests.support.qt_wait import spin
from geogov.tests.support.servers import copy_geopackage
from geogov.ui.propose_changes import item_of
from geogov.ui.propose_dialog import ProposeDialog


@pytest.fixture(scope="module")
def demo_data(qgis_app, tmp_path_factory):
    folder = tmp_path_factory.mktemp("focus-demo")
    write_geopackages(folder / "data")
    return folder / "data"


@pytest.fixture()
def canvas(qgis_iface):
    """The test interface's canvas, with a real size, in the layers' CRS (Lambert-93)."""
    canvas = qgis_iface.mapCanvas()
    canvas.resize(640, 480)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    yield canvas
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def make_dialog(qgis_iface, tmp_path):
    made = []

    def make(layer, convention, store):
        dialog = ProposeDialog(qgis_iface, P.ConventionState(convention), layer,
                               outbox_path=str(tmp_path / "outbox.gpkg"),
                               load_settings=lambda: P.gpkg_settings(store))
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.reject()
        dialog.deleteLater()


def far_away(canvas, layer):
    """The map on the whole layer at first: a pan or zoom to one feature is seen."""
    canvas.setExtent(layer.extent())
    spin(0.05)
    return QgsRectangle(canvas.extent())


def centred_on(canvas, box: QgsRectangle, tolerance: float = 1.0) -> bool:
    center = canvas.center()
    return abs(center.x() - box.center().x()) < tolerance and abs(center.y() - box.center().y()) < tolerance


def problem_row(dialog, which) -> int:
    for row in range(dialog.problems.count()):
        if dialog.problems.item(row).data(Qt.ItemDataRole.UserRole) == which:
            return row
    raise AssertionError(f"no problem about {which}")


def test_a_problem_selects_its_feature_and_pans_then_zooms_to_it(demo_data, tmp_path, canvas, make_dialog):
    convention = P.convention()
    layer, _path = P.shared_layer(demo_data, tmp_path)
    store = P.demo_store(tmp_path / "proposals.gpkg", convention)
    P.edit_three(layer)
    outside = P.edit_outside(layer)
    new_fid, new_box = P.add_unnamed_lane(layer)
    assert new_fid < 0
    dialog = make_dialog(layer, convention, store)
    prepared = P.proposed(dialog)
    assert ("proposal.outside_territory", outside.key) in [(p.code, p.key) for p in prepared.problems]
    assert ("insert", new_fid) in [(p.op, p.key) for p in prepared.problems]        # no key: no id yet

    # The Paris lane: selected, the map centred on it at the same scale.
    whole = far_away(canvas, layer)
    paris_box = layer.getFeature(outside.fid).geometry().boundingBox()
    dialog.problems.setCurrentRow(problem_row(dialog, ref(UPDATE, outside.key)))
    assert layer.selectedFeatureIds() == [outside.fid]
    assert centred_on(canvas, paris_box)
    assert abs(canvas.extent().width() - whole.width()) < 1.0          # panned, not zoomed
    assert dialog.zoom_problem_button.isEnabled()
    dialog.zoom_to_problem()
    assert canvas.extent().contains(paris_box) and canvas.extent().width() < whole.width() / 10

    # The new lane, known by its provisional id: selected and zoomed to as well.
    far_away(canvas, layer)
    dialog.problems.setCurrentRow(problem_row(dialog, ("insert", new_fid)))
    assert layer.selectedFeatureIds() == [new_fid]
    assert centred_on(canvas, new_box)
    dialog.zoom_to_problem()
    assert canvas.extent().contains(new_box) and canvas.extent().width() < whole.width() / 10
    layer.rollBack()


def test_a_change_leads_to_its_feature_and_a_deleted_one_to_where_it_was(demo_data, tmp_path, canvas,
                                                                           make_dialog):
    convention = P.convention()
    layer, _path = P.shared_layer(demo_data, tmp_path)
    store = P.demo_store(tmp_path / "proposals.gpkg", convention)
    deleted = sorted(layer.getFeatures("\"departement\" = '94'"), key=lambda f: f["identifiant"])[2]
    edits = P.edit_three(layer)
    assert edits.deleted == deleted["identifiant"]
    moved = next(f for f in layer.getFeatures() if f["identifiant"] == edits.moved)
    dialog = make_dialog(layer, convention, store)
    P.proposed(dialog)

    far_away(canvas, layer)
    dialog.changes.setCurrentItem(item_of(dialog.changes, ref(UPDATE, edits.moved)))
    assert layer.selectedFeatureIds() == [moved.id()]
    assert centred_on(canvas, moved.geometry().boundingBox())
    # A field row of the change leads to its feature too; « Zoomer » zooms.
    dialog.changes.setCurrentItem(item_of(dialog.changes, ref(UPDATE, edits.moved)).child(0))
    assert dialog.zoom_change_button.isEnabled()
    dialog.zoom_to_change()
    assert canvas.extent().contains(moved.geometry().boundingBox())

    whole = far_away(canvas, layer)
    dialog.changes.setCurrentItem(item_of(dialog.changes, ref(DELETE, edits.deleted)))
    assert layer.selectedFeatureIds() == []                 # deleted: in the edit buffer no more
    old_box = deleted.geometry().boundingBox()
    assert centred_on(canvas, old_box)
    assert "no longer in the layer" in dialog.status.text()
    dialog.zoom_to_change()
    assert canvas.extent().contains(old_box) and canvas.extent().width() < whole.width() / 10
    layer.rollBack()


def test_a_problem_of_an_edited_copy_selects_the_copys_feature(demo_data, tmp_path, canvas, make_dialog):
    """Comparing a local copy with the shared layer: the feature is the copy's, found by key."""
    convention = P.convention()
    layer, path = P.shared_layer(demo_data, tmp_path)
    copy_path = copy_geopackage(path, tmp_path / "copies" / f"{P.CYCLABLE_TABLE}.gpkg")
    copy = QgsVectorLayer(f"{copy_path}|layername={P.CYCLABLE_TABLE}", "ma copie", "ogr")
    copy.setCustomProperty("geogov/copy_of", layer.id())
    QgsProject.instance().addMapLayer(copy)
    assert copy.startEditing()
    outside = P.edit_outside(copy)
    assert copy.commitChanges()
    store = P.demo_store(tmp_path / "proposals.gpkg", convention)
    dialog = make_dialog(copy, convention, store)
    assert dialog.mode_layers.isChecked()
    prepared = P.proposed(dialog)
    assert [(p.code, p.key) for p in prepared.problems] == [("proposal.outside_territory", outside.key)]
    far_away(canvas, layer)
    dialog.problems.setCurrentRow(0)
    assert copy.selectedFeatureIds() == [outside.fid] and layer.selectedFeatureIds() == []
    box = copy.getFeature(outside.fid).geometry().boundingBox()
    assert centred_on(canvas, box)
    assert dialog.show_feature(None) is False
