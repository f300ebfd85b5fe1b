""""Propose my changes" with the PostgreSQL store, as real contributor logins.

The identity is the database login of the QGIS authentication configuration — not the
login typed in the settings; the database stamps author and partner, routes the proposal
to the steward of its territory, and refuses a contributor's changes outside its
territory. A draft made while the database is unreachable is kept in the local outbox
and sent later, authored by the database login.
"""

from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from geogov.plugin.errors import PermissionDenied
from geogov.plugin.proposals.stores.base import TO_REVIEW
from geogov.plugin.proposals.stores.postgres import admin as postgres_admin
from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.tests.support import propose_fixtures as P  # noqa: N812 (short: used on every line)
from geogov.tests.support import store_fixtures as F  # noqa: N812
from geogov.tests.support.postgres import free_port
from geogov.tests.support.servers import copy_geopackage
from geogov.ui.propose_dialog import ProposeDialog

DB = "propose"
TABLE = "amenagements_cyclables"


@pytest.fixture(scope="module")
def db(postgres_cluster):
    """The GeoGov schema with the demo convention synced (the convention the dialog reads)."""
    F.proposal_database(postgres_cluster, DB)
    conn = postgres_cluster.connect(DB, autocommit=False)
    try:
        postgres_admin.sync_convention(conn, P.convention())
    finally:
        conn.close()
    return postgres_cluster


@pytest.fixture()
def layer(demo_build, tmp_path):
    path = copy_geopackage(demo_build / "data" / f"{TABLE}.gpkg", tmp_path / f"{TABLE}.gpkg")
    found = QgsVectorLayer(f"{path}|layername={TABLE}", TABLE, "ogr")
    assert found.isValid()
    QgsProject.instance().addMapLayer(found)
    yield found, path
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def dialogs(qgis_iface, tmp_path):
    made = []

    def make(layer, holder):
        dialog = ProposeDialog(qgis_iface, P.ConventionState(P.convention()), layer,
                               outbox_path=str(tmp_path / "outbox.gpkg"), load_settings=lambda: holder[0])
        dialog.confirm = lambda title, text: True
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.reject()
        dialog.deleteLater()


def postgres_settings(db, authcfg_id, port=None):
    # The settings' own login is somebody else: in PostgreSQL mode it must not count.
    settings = P.gpkg_settings("", login="steward_region")
    settings.store_kind = "postgres"
    settings.store_dsn = f"host=127.0.0.1 port={port or db.port} dbname={DB} connect_timeout=5"
    settings.store_authcfg = authcfg_id
    return settings


def store_as(db, login):
    return PostgresStore(db.dsn(DB, login, F.PASSWORD))


def test_the_database_login_proposes_and_its_steward_reviews(db, authcfg, layer, dialogs):
    shared, path = layer
    before = P.table_rows(path, TABLE)
    edits = P.edit_three(shared)
    dialog = dialogs(shared, [postgres_settings(db, authcfg("tech94"))])
    dialog.start()
    P.wait_idle(dialog)
    prepared = dialog.prepared
    assert prepared is not None, dialog.status.text()
    assert prepared.save_error is None and not prepared.saved_locally, dialog.status.text()
    assert (prepared.identity.login, prepared.identity.partner, prepared.identity.verified) == \
        ("tech94", "cd94", True)
    assert not dialog.gpkg_warning.isVisibleTo(dialog)
    dialog.comment.setPlainText("Relevé terrain")
    dialog.submit()
    P.wait_idle(dialog)
    assert dialog.proposal.status == "submitted", dialog.status.text()
    with store_as(db, "steward94") as steward:
        assert dialog.proposal.id in [s.id for s in steward.list_proposals(TO_REVIEW)]
        stored = steward.get_proposal(dialog.proposal.id)
    assert (stored.author, stored.partner, stored.departements) == ("tech94", "cd94", ["94"])
    assert sorted((c.op, c.key) for c in stored.changeset.changes) == \
        sorted([("insert", edits.inserted), ("update", edits.moved), ("delete", edits.deleted)])
    with store_as(db, "steward_region") as other:
        assert dialog.proposal.id not in [s.id for s in other.list_proposals(TO_REVIEW)]
    assert not shared.isEditable()
    assert P.table_rows(path, TABLE) == before


def test_the_database_refuses_a_contributor_outside_its_territory(db, authcfg, layer, dialogs):
    shared, _path = layer
    P.edit_three(shared)                     # Val-de-Marne edits, proposed by tech93 (93)
    dialog = dialogs(shared, [postgres_settings(db, authcfg("tech93"))])
    dialog.start()
    P.wait_idle(dialog)
    prepared = dialog.prepared
    assert prepared is not None, dialog.status.text()
    assert prepared.identity.login == "tech93"
    assert {p.code for p in prepared.problems} == {"proposal.outside_territory"}
    assert prepared.save_error is None           # a private draft may be kept…
    assert not dialog.submit_button.isEnabled() and shared.isModified()
    # …but the database judges the stored change rows at submit, whatever the client says.
    with pytest.raises(PermissionDenied) as refused:
        store_as(db, "tech93").submit(dialog.proposal.id)
    assert refused.value.code == "store.outside_territory"
    shared.rollBack()


def test_an_offline_draft_is_sent_later_as_the_database_login(db, authcfg, layer, dialogs):
    shared, path = layer
    before = P.table_rows(path, TABLE)
    P.edit_three(shared)
    config = authcfg("tech94")
    holder = [postgres_settings(db, config, port=free_port())]
    dialog = dialogs(shared, holder)
    dialog.start()
    P.wait_idle(dialog)
    assert dialog.prepared.saved_locally and dialog.prepared.offline, dialog.status.text()
    dialog.comment.setPlainText("Relevé hors connexion")
    dialog.submit()
    P.wait_idle(dialog)
    assert "submitted when the database is reachable" in dialog.status.text()
    holder[0] = postgres_settings(db, config)          # the network is back
    dialog.send_now()
    P.wait_idle(dialog)
    assert dialog.status.text() == "Sent and submitted.", dialog.status.text()
    with store_as(db, "steward94") as steward:
        stored = steward.get_proposal(dialog.proposal.id, with_changes=False)
    assert (stored.status, stored.author, stored.partner, stored.comment) == \
        ("submitted", "tech94", "cd94", "Relevé hors connexion")
    assert P.table_rows(path, TABLE) == before
