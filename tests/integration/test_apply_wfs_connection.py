"""A connection cut after a Transaction was sent: the outcome is unknown; a retry applies
everything exactly once.

The cut is real: a TCP proxy in front of the real QGIS Server forwards the Transaction,
waits until the server has answered (so the server did the work), and closes the
client's connection without relaying the answer.
"""

from __future__ import annotations

import copy
from urllib.parse import urlsplit

import pytest

from geogov.plugin.proposals.model import ApplyAttempt, Target
from geogov.plugin.publishing import result as outcomes
from geogov.plugin.publishing.apply import apply_changeset, apply_proposal, record_result
from geogov.plugin.publishing.wfs_apply import WfsOptions
from geogov.plugin.transport import RequestsTransport
from geogov.tests.support.apply_helpers import (
    TABLE,
    CuttingProxy,
    approved_proposal,
    changeset_of,
    differences,
    eclairage_schema,
    point,
    read_gpkg,
)


@pytest.fixture()
def proxy(wfst_server):
    parts = urlsplit(wfst_server.url)
    proxy = CuttingProxy((parts.hostname, parts.port))
    yield proxy
    proxy.close()


def count_identifiant(path, identifiant) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {TABLE} WHERE identifiant = ?",
                            (identifiant,)).fetchone()[0]
    finally:
        conn.close()


def test_cut_after_sending_then_retry_applies_once(wfst_server, proxy, tmp_path):
    path = wfst_server.gpkg[TABLE]
    schema = eclairage_schema()
    base = read_gpkg(path)
    keys = sorted(base)[100:104]
    edited = copy.deepcopy(base)
    del edited[keys[0]]
    edited[keys[1]].attributes["etat"] = "en maintenance"
    edited[keys[2]].attributes["hauteur_m"] = 12.25
    edited[keys[2]].geometry = point(654321.5, 6854321.5)
    new = copy.deepcopy(base[keys[3]])
    new.key = "EP-94-CUT"
    new.attributes.update(identifiant="EP-94-CUT", fid=None)
    new.geometry = point(654000, 6854000)
    edited["EP-94-CUT"] = new
    changes = changeset_of(base, edited, schema)
    target = Target("wfs", proxy.url(urlsplit(wfst_server.url).path), TABLE, "1.1.0")
    store, proposal = approved_proposal(tmp_path / "proposals.gpkg", changes, target)
    # One action per document: delete, update, update, insert. The second is cut.
    options = WfsOptions(actions_per_transaction=1)
    proxy.cut_after = 2

    first = apply_proposal(proposal, transport=RequestsTransport(), options=options)

    assert proxy.cuts == 1
    assert first.status == outcomes.UNKNOWN
    assert first.error["code"] == "http.connection"
    assert sum(1 for s in first.steps if s.name == "transaction") == 2
    # The server did both: the delete and the cut update are in the data, nothing else.
    now = read_gpkg(path)
    assert keys[0] not in now
    landed = [k for k in keys[1:3] if now[k].attributes != base[k].attributes]
    assert len(landed) == 1
    assert "EP-94-CUT" not in now
    stored = record_result(store, proposal, first)
    assert stored.status == "approved" and stored.apply_attempts[-1].result == "unknown"

    retry = apply_proposal(stored, transport=RequestsTransport(), options=options)

    assert retry.status == outcomes.APPLIED, retry.message()
    assert retry.already == {"insert": 0, "update": 1, "delete": 1}
    assert retry.written == {"insert": 1, "update": 1, "delete": 0}
    assert differences(read_gpkg(path), edited, schema) == []
    assert count_identifiant(path, "EP-94-CUT") == 1
    assert record_result(store, stored, retry).status == "applied"
    store.close()


def test_cut_insert_with_server_assigned_key_is_found_by_content(wfst_server, proxy):
    """Keys are fids (server-assigned): the retry after an unknown outcome finds the
    feature the cut Transaction inserted by its content, and does not insert it again."""
    path = wfst_server.gpkg[TABLE]
    schema = eclairage_schema(key="fid")
    base = read_gpkg(path, key="fid")
    template = base[sorted(base)[200]]
    edited = copy.deepcopy(base)
    new = copy.deepcopy(template)
    new.key = None
    new.attributes.update(identifiant="EP-94-AUTO", fid=None, etat="en service")
    new.geometry = point(655500.5, 6855500.5)
    edited["new"] = new
    changes = changeset_of(base, edited, schema)
    target = Target("wfs", proxy.url(urlsplit(wfst_server.url).path), TABLE, "1.1.0")
    proxy.cut_after = 1

    first = apply_changeset(changes, target, transport=RequestsTransport())

    assert first.status == outcomes.UNKNOWN and proxy.cuts == 1
    assert count_identifiant(path, "EP-94-AUTO") == 1          # the server inserted it

    # As apply_proposal does when the store holds an attempt whose result is "unknown".
    proposal_attempts = [ApplyAttempt(actor="steward_sipperec", result="unknown")]
    retry = apply_changeset(changes, target, transport=RequestsTransport(),
                            resume=any(a.result == "unknown" for a in proposal_attempts))

    assert retry.status == outcomes.ALREADY_APPLIED, retry.message()
    assert sum(1 for s in retry.steps if s.name == "transaction") == 0
    assert count_identifiant(path, "EP-94-AUTO") == 1
