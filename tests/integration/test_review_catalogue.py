"""The catalogue update as a step of an apply from the Review dock, against a real pycsw
with transactions behind HTTP Basic authentication: without credentials the data is
applied, the dock says the record was not updated and offers the retry; with the steward's
catalogue connection the retry updates the record (read back by GetRecordById) and the
change log shows it."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from qgis.core import QgsApplication, QgsProject

from geogov.plugin.bridge.network import QgisTransport
from geogov.plugin.catalogue.connections import CatalogueConnection
from geogov.plugin.catalogue.csw_transaction import get_iso_record
from geogov.plugin.catalogue.iso19139 import parse_record
from geogov.plugin.governance.convention import CatalogueRecord
from geogov.plugin.proposals.model import APPLIED
from geogov.plugin.proposals.stores.base import ALL
from geogov.plugin.publishing.changelog import change_rows
from geogov.tests.support import review_fixtures as R  # noqa: N812
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.apply_helpers import TABLE, changeset_of, eclairage_schema, read_gpkg
from geogov.tests.support.auth import basic_authcfg
from geogov.tests.support.catalogue_server import start_writable_pycsw
from geogov.tests.support.review_fixtures import isolated_convention  # noqa: F401 (fixture)
from geogov.tests.support.servers import copy_geopackage
from geogov.ui.review_dock import ReviewDock
from geogov.ui.review_queue import TO_APPLY

RECORD = "878ab4ef-f744-5d75-a196-990f5b36389b"
STEWARD, PASSWORD = "steward_sipperec", "catalogue-pw-dock"

pytestmark = pytest.mark.usefixtures("isolated_convention")


@pytest.fixture(scope="module")
def pycsw(demo_build, tmp_path_factory):
    server = start_writable_pycsw(demo_build, tmp_path_factory.mktemp("pycsw-dock"),
                                  {STEWARD: PASSWORD}, today=dt.date(2026, 11, 1))
    try:
        yield server
    finally:
        server.stop()


def test_dock_applies_flags_the_record_then_retries(qgis_iface, pycsw, demo_build, tmp_path):
    convention = F.convention("gpkg")
    convention.datasets[F.ECLAIRAGE].metadata = CatalogueRecord(pycsw.url, RECORD)
    target = copy_geopackage(demo_build / "data" / f"{TABLE}.gpkg", tmp_path / f"{TABLE}.gpkg")
    base = read_gpkg(target)
    edited = copy.deepcopy(base)
    edited[sorted(base)[0]].attributes["etat"] = "en panne"
    store = R.review_store(tmp_path / "proposals.gpkg", "gpkg")
    proposal = R.submitted(store, "tech94", dataset=F.ECLAIRAGE, title="Lampe en panne",
                           changeset=changeset_of(base, edited, eclairage_schema()),
                           target=R.gpkg_target(target, TABLE))
    proposal = R.approved(store, proposal, "steward_sipperec")
    settings = R.settings_for(store, "steward_sipperec")
    dock = ReviewDock(qgis_iface, R.ConventionState(convention), load_settings=lambda: settings)
    dock.confirm = lambda title, text: True
    config_id = None
    try:
        R.wait_idle(dock)
        dock.ui.scope_combo.setCurrentIndex(dock.ui.scope_combo.findData(TO_APPLY))
        R.wait_idle(dock)
        dock.select([proposal.id])
        R.wait_idle(dock)
        dock.ui.apply_button.click()
        R.wait_idle(dock)
        outcome = dock.last_outcome
        assert outcome.result.status == "applied" and outcome.proposal.status == APPLIED
        assert outcome.result.catalogue["status"] == "refused"
        assert [s.name for s in outcome.result.steps][-1] == "catalogue_update"
        text = dock.ui.status_label.text()
        assert "refused to update the record" in text and "The data stays applied" in text
        assert read_gpkg(target)[sorted(base)[0]].attributes["etat"] == "en panne"

        dock.ui.scope_combo.setCurrentIndex(dock.ui.scope_combo.findData(ALL))
        R.wait_idle(dock)
        dock.select([proposal.id])
        R.wait_idle(dock)
        assert not dock.ui.catalogue_button.isHidden() and dock.ui.catalogue_button.isEnabled()

        config_id = basic_authcfg(STEWARD, PASSWORD)
        settings.catalogues = [CatalogueConnection("démo", pycsw.url, authcfg=config_id)]
        dock.ui.catalogue_button.click()
        R.wait_idle(dock)
        retried = dock.last_outcome
        assert retried.result.catalogue["status"] == "updated", retried.result.catalogue
        assert "Catalogue record" in dock.ui.status_label.text()
        dock.select([proposal.id])
        R.wait_idle(dock)
        assert dock.ui.catalogue_button.isHidden()
    finally:
        R.wait_idle(dock)
        dock.unload()
        dock.deleteLater()
        QgsProject.instance().removeAllMapLayers()
        if config_id:
            QgsApplication.authManager().removeAuthenticationConfig(config_id)
    served = parse_record(get_iso_record(QgisTransport(), pycsw.url, RECORD), pycsw.url)
    assert served.metadata_date == dt.datetime.now().astimezone().date()
    with _gpkg(tmp_path / "proposals.gpkg") as reader:
        rows = change_rows(reader.changelog(F.ECLAIRAGE))
    assert rows and rows[0]["catalogue"].startswith(f"updated {RECORD} (revision ")


def _gpkg(path):
    from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore

    return GeoPackageStore(path, "coord_region")
