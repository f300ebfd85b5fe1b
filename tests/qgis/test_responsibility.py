"""The responsibility panel and the layer-tree indicators on the demo's layers.

Layers are the demo's real GeoPackages (built offline by tests/sdi), recognised by the
demo convention's data-source patterns; the catalogue records are the demo's ISO 19139
records, handed to the state as if fetched from the catalogue.
"""

from __future__ import annotations

import html
from urllib.parse import unquote

import pytest
from qgis.core import QgsLayerTreeModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsLayerTreeView
from qgis.PyQt import sip

from geogov.plugin.bridge.labels import governance as labels
from geogov.plugin.bridge.layer_description import RECORD_ID_PROPERTY, RECORD_URL_PROPERTY
from geogov.plugin.governance.obligations import obligation_statuses
from geogov.tests.qgis.governance_fixtures import (
    CYCLABLE,
    ECLAIRAGE,
    PAV,
    PESEES,
    SYCTOM,
    TODAY,
    build_demo,
    loaded_state,
    wait_until,
)
from geogov.ui import responsibility_dock
from geogov.ui.layer_indicator import LayerIndicators
from geogov.ui.responsibility_dock import ResponsibilityDock


@pytest.fixture(scope="module")
def demo(qgis_app, tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture()
def state(demo):
    state = loaded_state(demo["records"])
    yield state
    state.close()


@pytest.fixture()
def project():
    project = QgsProject.instance()
    yield project
    project.removeAllMapLayers()


def demo_layer(demo, typename, subset=""):
    layer = QgsVectorLayer(f"{demo['gpkg'][typename]}|layername={typename}", typename, "ogr")
    assert layer.isValid()
    if subset:
        layer.setSubsetString(subset)
    QgsProject.instance().addMapLayer(layer)
    return layer


def memory_layer(name, record_id=""):
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=nom:string", name, "memory")
    if record_id:
        layer.setCustomProperty(RECORD_URL_PROPERTY, "http://127.0.0.1:9/csw")
        layer.setCustomProperty(RECORD_ID_PROPERTY, record_id)
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture()
def dock(qgis_iface, state):
    dock = ResponsibilityDock(qgis_iface, state)
    yield dock
    dock.deleteLater()


def test_a_late_layer_shows_its_steward_in_red_with_the_discrepancy(demo, dock, project,
                                                                    monkeypatch):
    layer = demo_layer(demo, "points_apport_volontaire")
    dock.follow(layer)
    result = dock.info.responsibility
    assert result.dataset_id == PAV and result.matched_by == "source"
    assert dock.steward_names() == [SYCTOM]
    # DEMO.md: revised ~5 months ago, monthly commitment -> late, in red.
    assert result.status == "late" and result.months_late >= 3
    assert dock.status_label.text() == responsibility_dock.status_text(result)
    assert dock.status_label.text().lower() == labels.lateness_label(result.days_late,
                                                                     result.months_late).lower()
    assert labels.STATUS_COLOURS["late"] in dock.status_label.styleSheet()
    assert labels.date_label(result.next_due) in dock.due_label.text()
    assert [d.code for d in result.discrepancies] == ["discrepancy.frequency_differs"]
    page = dock.details.toHtml()
    assert "syctom.donnees@example.org" in page and "Aurélie Morel" in page
    assert labels.frequency_label("annually") in page      # what the metadata says
    assert dock.contact_button.isEnabled() and dock.record_button.isEnabled()
    assert responsibility_dock.record_link(dock.info).startswith("http")

    opened = []

    class Desktop:
        @staticmethod
        def openUrl(url):
            opened.append(bytes(url.toEncoded()).decode("ascii"))
            return True

    monkeypatch.setattr(responsibility_dock, "QDesktopServices", Desktop)
    dock.contact_button.click()
    assert len(opened) == 1
    assert opened[0].startswith("mailto:syctom.donnees@example.org?subject=")
    assert " " not in opened[0]
    assert "Points d'apport volontaire" in unquote(opened[0])


def test_per_territory_stewards_follow_where_the_layer_lies(demo, dock, project):
    whole = demo_layer(demo, "amenagements_cyclables")
    dock.follow(whole)
    # The whole region: every département's steward, each for its département (and the
    # Région, which validates where no département's steward does).
    assert dock.steward_names() == ["Ville de Paris", "Département de Seine-et-Marne",
                                    "Département des Yvelines", "Département de l'Essonne",
                                    "Département des Hauts-de-Seine", "Département de la Seine-Saint-Denis",
                                    "Département du Val-de-Marne", "Département du Val-d'Oise"]
    assert "Département du Val-de-Marne (département 94)" in dock.details.toPlainText()
    assert dock.info.responsibility.status == "up_to_date"
    assert labels.STATUS_COLOURS["up_to_date"] in dock.status_label.styleSheet()
    for code, name in (("94", "Département du Val-de-Marne"), ("92", "Département des Hauts-de-Seine"),
                       ("75", "Ville de Paris"), ("77", "Département de Seine-et-Marne")):
        part = demo_layer(demo, "amenagements_cyclables", f"\"departement\" = '{code}'")
        dock.follow(part)
        assert {c[:2] for c in dock.info.description.communes} == {code}
        assert dock.steward_names() == [name], code
        assert dock.contact_url().startswith("mailto:")


def test_personal_data_names_the_dpo_and_copies_the_mail(demo, dock, project):
    dock.follow(demo_layer(demo, "pesees_dechets_menages"))
    result = dock.info.responsibility
    assert result.dataset_id == PESEES and result.personal_data
    assert [c.name for c in result.dpo] == ["Hélène Vidal"]
    assert "Hélène Vidal" in dock.details.toHtml()
    assert "cc=dpo@syctom.example.org" in dock.contact_url()


def test_custodian_discrepancy_and_overdue_delivery_are_said(demo, dock, project):
    dock.follow(demo_layer(demo, "eclairage_public"))
    result = dock.info.responsibility
    assert result.dataset_id == ECLAIRAGE
    assert [d.code for d in result.discrepancies] == ["discrepancy.custodian_differs"]
    page = dock.details.toHtml()
    assert "SIGEIF" in page and "SIPPEREC" in page
    late = [s for s in obligation_statuses(dock.state.convention, TODAY, ECLAIRAGE)
            if s.status == "late"]
    assert ("Lumière Île-de-France SAS" in page) == bool(late)


def test_shared_layer_not_in_the_convention_and_local_layer(dock, project):
    dock.follow(memory_layer("ZFE", record_id="04fc8ed3-b1a2-5339-b485-14f347c96748"))
    assert not dock.info.governed and dock.info.shared
    assert dock.status_label.isVisible() or dock.status_label.text()
    assert dock.status_label.text() == "Shared layer not covered by the convention" or \
        dock.status_label.text() == "Couche partagée non couverte par la convention"
    assert not dock.contact_button.isEnabled()
    dock.follow(memory_layer("scratch"))
    assert not dock.info.governed and not dock.info.shared
    assert dock.status_label.text() == "" or not dock.status_label.isVisibleTo(dock)
    assert dock.steward_names() == []


def test_without_convention_the_panel_says_why(qgis_iface, project, tmp_path):
    broken = tmp_path / "convention.yaml"
    broken.write_text("format: geogov.convention/1\npartners: [\n", encoding="utf-8")
    from geogov.tests.qgis.governance_fixtures import make_state

    state, _ = make_state(broken)
    state.reload()
    wait_until(lambda: not state.busy)
    dock = ResponsibilityDock(qgis_iface, state)
    dock.follow(memory_layer("x"))
    assert state.convention is None and state.error.code == "convention.invalid"
    assert dock.info is None
    assert "YAML" in dock.details.toPlainText()
    state.close()


def test_indicators_on_governed_and_shared_layers_follow_the_project(demo, state, project):
    view = QgsLayerTreeView()
    # The model belongs to the view, so that both go together, in Qt's order.
    view.setModel(QgsLayerTreeModel(project.layerTreeRoot(), view))
    indicators = LayerIndicators(view, state)
    try:
        pav = demo_layer(demo, "points_apport_volontaire")
        cyclable = demo_layer(demo, "amenagements_cyclables", "\"departement\" = '94'")
        shared = memory_layer("ZFE", record_id="04fc8ed3-b1a2-5339-b485-14f347c96748")
        local = memory_layer("scratch")
        wait_until(lambda: indicators.indicator_of(shared.id()) is not None, 5)
        kind, tooltip = indicators.indicator_of(pav.id())
        tooltip = html.unescape(tooltip)
        assert kind == "late"
        assert SYCTOM in tooltip and labels.lateness_label(
            state.for_layer(pav).responsibility.days_late,
            state.for_layer(pav).responsibility.months_late) in tooltip
        kind, tooltip = indicators.indicator_of(cyclable.id())
        assert kind == "up_to_date" and "Département du Val-de-Marne" in tooltip
        assert indicators.indicator_of(shared.id())[0] == "ungoverned"
        assert indicators.indicator_of(local.id()) is None
        node = project.layerTreeRoot().findLayer(pav.id())
        assert len(view.indicators(node)) == 1
        assert not view.indicators(node)[0].icon().isNull()
        pav_id = pav.id()
        project.removeMapLayer(pav_id)
        wait_until(lambda: indicators.indicator_of(pav_id) is None, 5)
        assert indicators.indicator_of(cyclable.id()) is not None
        # Pending proposals come from the store: shown once the store is read.
        state.facts.available = True
        state.facts.pending[CYCLABLE] = 3
        state.changed.emit()
        # (Waiting for the sentence itself: a "3" alone may be in the tooltip's dates.)
        wait_until(lambda: "Proposals awaiting review: 3" in indicators.indicator_of(cyclable.id())[1], 5)
        assert indicators.indicator_of(cyclable.id())[0] == "pending"     # not a green ✓
        # The convention gone (a broken reload): no indicator claims anything.
        state.convention = None
        state.changed.emit()
        wait_until(lambda: not indicators.indicators, 5)
    finally:
        indicators.unload()
    assert all(not view.indicators(n) for n in project.layerTreeRoot().findLayers())
    sip.delete(view)


def test_the_badge_is_the_most_urgent_state():
    from types import SimpleNamespace as Fake

    from geogov.ui.layer_indicator import ICONS, badge_kind

    def result(status="up_to_date", obligations=(), discrepancies=()):
        return Fake(status=status, obligations=list(obligations), discrepancies=list(discrepancies))

    late_delivery = Fake(status="late")
    assert badge_kind(result(), 0) == "up_to_date"
    assert badge_kind(result(), 2) == "pending"
    assert badge_kind(result(discrepancies=["x"]), 2) == "discrepancy"
    assert badge_kind(result(obligations=[late_delivery], discrepancies=["x"]), 2) == "late"
    assert badge_kind(result(status="late"), 0) == "late"
    assert badge_kind(result(status="unknown"), 0) == "unknown"
    assert {"late", "discrepancy", "pending", "up_to_date", "unknown"} <= set(ICONS)
