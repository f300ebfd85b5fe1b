"""Helpers of the review tests (tests/qgis/test_review*.py, tests/integration/test_review*.py).

A real GeoPackage proposal store with the test convention (tests/support/store_fixtures.py:
tech94 proposes in the 94 and steward94 decides there, steward_region everywhere else,
syctom's steward + DPO on the personal-data dataset, steward_sipperec on the lighting,
coord_region coordinates), proposals submitted as their author, and the settings the
Review dock reads (GeoPackage mode: the login typed in the settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.proposals.model import Proposal, Target
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.qt_wait import wait_for


@pytest.fixture()
def isolated_convention():
    """No convention loaded by an earlier test: store_factory keeps the one QGIS loaded in a
    module global and syncs it into every GeoPackage store it opens, which would replace
    the test convention of these stores (a GovernanceState of another test sets it)."""
    from geogov.plugin.bridge import store_factory

    saved = store_factory._CONVENTION
    store_factory.set_convention(None)
    yield
    store_factory.set_convention(saved)


@pytest.fixture()
def review_docks(qgis_iface):
    """``make(store_path, login, convention=None, **settings)``: a Review dock on that store
    as that login (the store fixtures' convention unless told); every dock made is left
    idle and unloaded after the test, and the project emptied of the layers it added."""
    from qgis.core import QgsProject

    from geogov.ui.review_dock import ReviewDock

    made = []

    def make(path, login, convention=None, **extra):
        settings = settings_for(path, login, **extra)
        dock = ReviewDock(qgis_iface, ConventionState(convention or F.convention()),
                          load_settings=lambda: settings)
        made.append(dock)
        return dock

    yield make
    for dock in made:
        wait_idle(dock)
        dock.unload()
        dock.deleteLater()
    QgsProject.instance().removeAllMapLayers()


@dataclass
class ConventionState:
    """What the dock reads of ui.governance_state's GovernanceState."""

    convention: object


def review_store(path, target_kind: str = "wfs") -> Path:
    """A new GeoPackage proposal store with the test convention synced (its datasets
    published on WFS-T, or in GeoPackages: store_fixtures.dataset_target)."""
    with GeoPackageStore(path, "coord_region") as admin:
        admin.sync_convention(F.convention(target_kind))
    return Path(path)


def store_as(path, login) -> GeoPackageStore:
    return GeoPackageStore(path, login)


def settings_for(path, login, **extra) -> gsettings.Settings:
    return gsettings.Settings(store_kind="gpkg", store_path=str(path), identity_login=login, **extra)


def submitted(path, login="tech94", dataset=F.CYCLABLE, departements=("94",), tag="a", title="",
              changeset=None, target=None, submit=True, comment="") -> Proposal:
    """A proposal made and submitted by ``login`` (a draft when ``submit`` is False)."""
    proposal = F.proposal(dataset=dataset, departements=departements, tag=tag, title=title)
    proposal.validation = []
    if comment:
        proposal.comment = comment
    if changeset is not None:
        proposal.changeset = changeset
    if target is not None:
        proposal.target = target
    with store_as(path, login) as store:
        draft = store.create_draft(proposal)
        return store.submit(draft.id, draft.version) if submit else draft


def approved(path, proposal, login="steward94", comment="ok") -> Proposal:
    with store_as(path, login) as store:
        return store.review(proposal.id, "approve", comment)


def gpkg_target(path, table) -> Target:
    return Target("gpkg", str(path), table)


def wait_idle(dock, timeout: float = 60.0):
    """Until the dock's tasks have finished (their callbacks ran)."""
    wait_for(lambda: not dock.busy, timeout=timeout)
