"""After a decision or an apply in the Review dock, the shared GovernanceState reads the
proposal store again: "Who is responsible" then shows the applied change as the data's
last revision (the desktop journey found it stale until QGIS restarted)."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

import pytest
from qgis.core import QgsProject

from geogov.plugin.bridge.store_factory import read_store_facts
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.sdi.geodata import write_geopackages
from geogov.tests.support import review_fixtures as R  # noqa: N812
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.apply_helpers import TABLE, changeset_of, eclairage_schema, read_gpkg
from geogov.tests.support.review_fixtures import isolated_convention  # noqa: F401 (fixture)
from geogov.tests.support.servers import copy_geopackage
from geogov.ui.governance_state import store_changed
from geogov.ui.review_dock import ReviewDock
from geogov.ui.review_queue import TO_APPLY

pytestmark = pytest.mark.usefixtures("isolated_convention")


@dataclass
class CountingState:
    """The GovernanceState's part the dock uses: the convention, and refresh_store()."""

    convention: object
    store_path: object
    facts: list = field(default_factory=list)

    def refresh_store(self):
        with GeoPackageStore(self.store_path, "coord_region") as store:
            self.facts.append(read_store_facts(store, self.convention))


@pytest.fixture()
def target_gpkg(qgis_app, tmp_path):
    write_geopackages(tmp_path / "demo")
    return copy_geopackage(tmp_path / "demo" / f"{TABLE}.gpkg", tmp_path / f"{TABLE}.gpkg")


def test_a_stand_in_state_without_a_store_is_left_alone():
    """No refresh_store: nothing is called, nothing on the state changes, nothing raised."""
    state = R.ConventionState(F.convention("gpkg"))
    before = dict(vars(state))
    assert getattr(state, "refresh_store", None) is None
    store_changed(state)
    assert vars(state) == before


def test_a_state_with_a_store_reads_it_again():
    class WithStore:
        refreshed = 0

        def refresh_store(self):
            self.refreshed += 1

    state = WithStore()
    store_changed(state)
    assert state.refreshed == 1


def test_approving_then_applying_makes_the_state_read_the_store_again(qgis_iface, tmp_path, target_gpkg):
    store = R.review_store(tmp_path / "proposals.gpkg", "gpkg")
    base = read_gpkg(target_gpkg)
    edited = copy.deepcopy(base)
    key = sorted(base)[0]
    edited[key].attributes["etat"] = "en panne"
    proposal = R.submitted(store, "tech94", dataset=F.ECLAIRAGE, title="Lampe en panne",
                           changeset=changeset_of(base, edited, eclairage_schema()),
                           target=R.gpkg_target(target_gpkg, TABLE))
    state = CountingState(F.convention("gpkg"), store)
    settings = R.settings_for(store, "steward_sipperec")
    dock = ReviewDock(qgis_iface, state, load_settings=lambda: settings)
    dock.confirm = lambda title, text: True
    try:
        R.wait_idle(dock)
        dock.refresh()
        R.wait_idle(dock)
        dock.select([proposal.id])
        R.wait_idle(dock)
        assert state.facts == []
        dock.ui.approve_button.click()
        R.wait_idle(dock)
        assert len(state.facts) == 1 and F.ECLAIRAGE not in state.facts[-1].applied

        dock.ui.scope_combo.setCurrentIndex(dock.ui.scope_combo.findData(TO_APPLY))
        R.wait_idle(dock)
        dock.select([proposal.id])
        R.wait_idle(dock)
        dock.ui.apply_button.click()
        R.wait_idle(dock)

        assert dock.last_outcome.result.status == "applied", dock.last_outcome.result.message()
        assert state.facts[-1].applied[F.ECLAIRAGE] == dt.date.today()
    finally:
        R.wait_idle(dock)
        dock.unload()
        dock.deleteLater()
        QgsProject.instance().removeAllMapLayers()
