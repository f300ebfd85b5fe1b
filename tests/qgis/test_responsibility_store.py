"""What the governance panels read from a real GeoPackage proposal store: pending
proposals, the date of the last applied change, proposal counts per steward."""

from __future__ import annotations

import datetime as dt

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.bridge.store_factory import (
    looks_like_dsn,
    open_store,
    proposal_counts,
    read_store_facts,
)
from geogov.plugin.errors import StoreError
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.qgis.governance_fixtures import build_demo, loaded_state, wait_until
from geogov.tests.support import store_fixtures as F  # noqa: N812


@pytest.fixture()
def store_path(tmp_path):
    """tech94: one proposal applied, one submitted (both in the 94), one draft; tech93: one
    submitted in the 93, then withdrawn; one rejected."""
    path = tmp_path / "proposals.gpkg"
    with GeoPackageStore(path, "coord_region") as admin:
        admin.sync_convention(F.convention())
    with GeoPackageStore(path, "tech94") as tech:
        applied = tech.submit(tech.create_draft(F.proposal(tag="applied")).id)
        pending = tech.submit(tech.create_draft(F.proposal(tag="pending")).id)
        rejected = tech.submit(tech.create_draft(F.proposal(tag="rejected")).id)
        tech.create_draft(F.proposal(tag="draft"))
    with GeoPackageStore(path, "tech93") as tech:
        withdrawn = tech.submit(tech.create_draft(F.proposal(departements=("93",), tag="w")).id)
        tech.withdraw(withdrawn.id)
    with GeoPackageStore(path, "steward94") as steward:
        steward.review(applied.id, "approve")
        steward.mark_applied(applied.id)
        steward.review(rejected.id, "reject", "not on the ground")
    return path, pending


def test_store_facts_from_a_real_geopackage_store(store_path):
    path, _pending = store_path
    with GeoPackageStore(path, "coord_region") as store:
        facts = read_store_facts(store, F.convention())
    assert facts.available
    assert facts.pending == {F.CYCLABLE: 1}
    assert facts.applied == {F.CYCLABLE: dt.datetime.now(dt.timezone.utc).date()}
    # received: applied, pending, rejected, and the withdrawn one that had been submitted
    assert facts.counts[F.CYCLABLE] == {"submitted": 4, "approved": 1, "rejected": 1,
                                        "applied": 1}
    # per territory: the 94's steward received three, the 93's one
    assert facts.counts[f"{F.CYCLABLE}@cd94"]["submitted"] == 3
    assert facts.counts[f"{F.CYCLABLE}@cd93"]["submitted"] == 1
    assert f"{F.CYCLABLE}@region-idf" not in facts.counts


def test_counts_skip_drafts_and_never_submitted_withdrawals():
    class Summary:
        def __init__(self, status, submitted=True):
            self.dataset, self.status, self.stewards, self.communes = "d", status, [], []
            self.submitted_at = dt.datetime(2026, 1, 1) if submitted else None

    counts = proposal_counts([Summary("draft", False), Summary("withdrawn", False),
                              Summary("withdrawn"), Summary("conflict"), Summary("approved")])
    assert counts == {"d": {"submitted": 3, "approved": 2, "rejected": 0, "applied": 0}}


def test_store_from_settings_and_from_a_processing_parameter(store_path, tmp_path):
    path, _ = store_path
    assert open_store(gsettings.Settings(store_path=str(tmp_path / "none.gpkg")), optional=True) is None
    assert not (tmp_path / "none.gpkg").exists()         # reading never creates a store
    assert open_store(gsettings.Settings(store_kind="postgres", store_dsn=""), optional=True) is None
    store = open_store(gsettings.Settings(store_path=str(path), identity_login="tech94"))
    assert store.identity().login == "tech94"
    store.close()
    assert looks_like_dsn("host=127.0.0.1 dbname=geogov") and not looks_like_dsn(str(path))
    with pytest.raises(StoreError) as caught:
        open_store(gsettings.Settings(), location=str(tmp_path / "missing.gpkg"))
    assert caught.value.code == "store.file"


def test_the_panel_reads_pending_and_applied_from_the_configured_store(qgis_app, store_path,
                                                                      tmp_path):
    path, _ = store_path
    demo = build_demo(tmp_path / "demo")
    state = loaded_state(store_path=str(path), identity_login="coord_region")
    try:
        wait_until(lambda: state.facts.available, message="the store to be read")
        assert state.store_error is None
        layer = QgsVectorLayer(f"{demo['gpkg']['amenagements_cyclables']}|layername="
                               "amenagements_cyclables", "cyclable", "ogr")
        QgsProject.instance().addMapLayer(layer)
        info = state.for_layer(layer, fetch=False)
        assert info.pending == 1
        # No catalogue record: freshness from the change GeoGov applied today.
        assert info.responsibility.revision_source == "store"
        assert info.responsibility.status == "up_to_date"
    finally:
        state.close()
        QgsProject.instance().removeAllMapLayers()
