"""My proposals names a proposal's dataset by its title in the convention, as the Review
dock does, not by its id (the desktop journey's screenshot showed "amenagements-cyclables")."""

from __future__ import annotations

import pytest

from geogov.tests.support import review_fixtures as R  # noqa: N812
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.review_fixtures import isolated_convention  # noqa: F401 (fixture)
from geogov.ui.my_proposals import MyProposalsDock

pytestmark = pytest.mark.usefixtures("isolated_convention")


def test_the_dataset_column_and_page_show_the_title(qgis_iface, tmp_path):
    store = R.review_store(tmp_path / "proposals.gpkg")
    proposal = R.submitted(store, "tech94", dataset=F.CYCLABLE, title="Piste du canal")
    settings = R.settings_for(store, "tech94")
    dock = MyProposalsDock(qgis_iface, R.ConventionState(F.convention()),
                           outbox_path=str(tmp_path / "outbox.gpkg"), load_settings=lambda: settings)
    try:
        dock.refresh()
        R.wait_idle(dock)
        item = dock.table.topLevelItem(0)
        assert (item.text(0), item.text(1)) == ("Piste du canal", "Aménagements cyclables")
        dock.table.setCurrentItem(item)
        R.wait_idle(dock)
        page = dock.details.toPlainText()
        assert "Aménagements cyclables" in page and F.CYCLABLE not in page, page
        assert proposal.dataset == F.CYCLABLE
    finally:
        R.wait_idle(dock)
        dock.deleteLater()
