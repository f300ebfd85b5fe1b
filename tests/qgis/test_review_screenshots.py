"""Screenshots of the review in French, to look at: the Review dock on a proposal, the map
diff (after / before, then the swipe), the attribute diff in QGIS's attribute table view,
and the conflict dialog — saved to build/screenshots/review-*.png.

The proposal is real: three edits of the demo's cycle paths in the Val-de-Marne (an added
path, one moved with a changed surface, one deleted) computed from a layer's edit buffer,
submitted by tech94 to a GeoPackage store with the demo convention, reviewed by steward94.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer
from qgis.PyQt.QtGui import QColor, QImage

from geogov.plugin.proposals.model import Proposal
from geogov.plugin.proposals.stores.base import TO_REVIEW, with_changeset
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.plugin.publishing.conflicts import describe_conflict
from geogov.plugin.territories.reference import load_reference
from geogov.tests.sdi.geodata import write_geopackages
from geogov.tests.support import propose_fixtures as P  # noqa: N812
from geogov.tests.support import review_fixtures as R  # noqa: N812
from geogov.tests.support.french import french
from geogov.tests.support.qt_wait import spin, wait_for
from geogov.tests.support.review_fixtures import isolated_convention  # noqa: F401 (fixture)
from geogov.tests.support.servers import copy_geopackage
from geogov.ui.conflict_dialog import ConflictDialog
from geogov.ui.review_dock import ReviewDock

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
TABLE = "amenagements_cyclables"
pytestmark = pytest.mark.usefixtures("isolated_convention")


def render(canvas, layers) -> QImage:
    """The canvas's current view of ``layers`` rendered at its size (a crisp map image)."""
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize

    settings = QgsMapSettings(canvas.mapSettings())
    settings.setOutputSize(QSize(900, 620))
    settings.setExtent(canvas.extent())
    settings.setLayers(layers)
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def count_colour(image: QImage, near: str, tolerance: int = 40) -> int:
    """Pixels close to a colour (every 2nd pixel of every 2nd row)."""
    target = QColor(near)
    found = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixel(x, y))
            if abs(c.red() - target.red()) + abs(c.green() - target.green()) + \
                    abs(c.blue() - target.blue()) < tolerance:
                found += 1
    return found


@pytest.fixture()
def proposal_on_demo(qgis_app, tmp_path):
    demo = tmp_path / "demo"
    write_geopackages(demo)
    path = copy_geopackage(demo / f"{TABLE}.gpkg", tmp_path / f"{TABLE}.gpkg")
    layer = QgsVectorLayer(f"{path}|layername={TABLE}", "Aménagements cyclables", "ogr")
    assert layer.isValid()
    edits = P.edit_three(layer)
    # A move that shows at the scale of a street: before (dashed) and after side by side.
    moved = next(layer.getFeatures(f"\"identifiant\" = '{edits.moved}'"))
    geometry = moved.geometry()
    geometry.translate(45.0, -35.0)
    assert layer.changeGeometry(moved.id(), geometry)
    changes = P.edit_buffer_changeset(layer)
    layer.rollBack()
    store = P.demo_store(tmp_path / "proposals.gpkg")
    # The store derives where the changes lie at submit, as in QGIS (store_factory.py).
    with GeoPackageStore(store, "tech94", reference=load_reference()) as tech:
        draft = tech.create_draft(Proposal(
            id=None, dataset="amenagements-cyclables", target=R.gpkg_target(path, TABLE), author="",
            partner="", title="Piste de la rue de Paris (Vincennes)", changeset=changes,
            comment="Nouvelle piste livrée en mars ; l'ancienne bande cyclable est supprimée et le "
                    "revêtement de la voie verte a été refait."))
        submitted = tech.submit(draft.id, draft.version)
        tech.add_comment(submitted.id, "Photos du chantier disponibles sur demande.")
    # The submit returns the proposal without its changes: the draft has them.
    return store, layer, with_changeset(submitted, draft)


def test_screenshots_of_the_review_in_french(proposal_on_demo, qgis_iface, tmp_path):
    store, base_layer, proposal = proposal_on_demo
    SHOTS.mkdir(parents=True, exist_ok=True)
    base_layer.renderer().symbol().setColor(QColor("#9aa4ad"))      # the data under the diff: grey
    QgsProject.instance().addMapLayer(base_layer)
    canvas = qgis_iface.mapCanvas()
    # The test interface's canvas sits in a hidden main window: shown, it gets a real viewport.
    window = qgis_iface.mainWindow()
    window.resize(920, 660)
    window.show()
    canvas.resize(900, 620)
    spin(0.3)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    with french(tmp_path):
        settings = P.gpkg_settings(store, login="steward94")
        dock = ReviewDock(qgis_iface, P.ConventionState(P.convention()), load_settings=lambda: settings)
        try:
            dock.resize(560, 980)
            dock.show()
            dock.ui.scope_combo.setCurrentIndex(dock.ui.scope_combo.findData(TO_REVIEW))
            R.wait_idle(dock)
            dock.refresh()
            R.wait_idle(dock)
            dock.select([proposal.id])
            R.wait_idle(dock)
            assert dock.ui.approve_button.text() == "Approuver"
            assert "Proposée par tech94" in dock.proposal_view.browser.toPlainText()
            assert dock.ui.queue.topLevelItem(0).text(6) == "référent validation en attente"
            spin(0.3)
            dock.grab().save(str(SHOTS / "review-dock.png"))

            after, before = dock.diff_view.diff_layers()
            canvas.show()
            canvas.setLayers([after, before, base_layer])
            dock.diff_view.zoom_to_all()
            canvas.waitWhileRendering()
            image = render(canvas, [after, before, base_layer])
            image.save(str(SHOTS / "review-map-diff.png"))
            assert count_colour(image, "#2ca02c") > 10 and count_colour(image, "#d62728") > 10
            modified = next(i for i, op in enumerate(dock.diff_view.diff.ops) if op == "update")
            dock.diff_view.index = modified
            dock.diff_view.zoom_to_current()
            canvas.waitWhileRendering()
            assert "(modifiée)" in dock.diff_view.position.text()
            image = render(canvas, [after, before, base_layer])
            image.save(str(SHOTS / "review-map-modified.png"))
            assert count_colour(image, "#ff7f0e") > 40
            dock.diff_view.zoom_to_all()
            canvas.waitWhileRendering()
            spin(2.0)                      # the flash of the last zoom is over
            dock.diff_view.set_swipe(True)
            # QGIS's layer-tree bridge drops the layers the swipe hides; the test canvas has none.
            canvas.setLayers([base_layer])
            canvas.refresh()
            canvas.waitWhileRendering()
            wait_for(lambda: dock.diff_view.swipe is not None and dock.diff_view.swipe.ready, timeout=20)
            spin(0.3)
            canvas.grab().save(str(SHOTS / "review-map-swipe.png"))
            dock.diff_view.set_swipe(False)
            canvas.setLayers([after, before, base_layer])

            dock.ui.tabs.setCurrentIndex(1)
            spin(0.3)
            dock.grab().save(str(SHOTS / "review-dock-map-tab.png"))
            dock.ui.tabs.setCurrentIndex(2)
            spin(0.3)
            view = dock.attribute_view
            view.resize(900, 300)
            view.grab().save(str(SHOTS / "review-attribute-diff.png"))
            dock.ui.tabs.setCurrentIndex(0)

            change = next(c for c in proposal.changeset.changes if c.op == "update")
            current = type("Current", (), {})()
            current.key, current.attributes = change.key, dict(change.old, revetement="enrobé rouge")
            current.geometry = change.old_geometry
            conflict = describe_conflict(change, current, proposal.changeset.schema)
            dialog = ConflictDialog([conflict], proposal.changeset.schema, proposal.title)
            dialog.resize(980, 600)
            dialog.show()
            spin(0.3)
            dialog.grab().save(str(SHOTS / "review-conflict.png"))
            dialog.close()
            dialog.deleteLater()
        finally:
            R.wait_idle(dock)
            dock.unload()
            dock.deleteLater()
            QgsProject.instance().removeAllMapLayers()
            window.hide()
    for name in ("review-dock", "review-map-diff", "review-map-modified", "review-map-swipe",
                 "review-attribute-diff", "review-conflict"):
        assert (SHOTS / f"{name}.png").stat().st_size > 5000, name
