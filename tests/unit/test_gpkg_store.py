"""The GeoPackage proposal store as a file: a real GeoPackage, migrations, locking, audit.

The workflow rules themselves are tested on both stores by
tests/integration/test_store_behaviour.py; this file checks what is GeoPackage-specific,
without QGIS (GDAL's Python bindings read the file as QGIS would).
"""

from __future__ import annotations

import sqlite3
import struct
import threading

import pytest
from osgeo import ogr, osr

from geogov.plugin.errors import ConcurrentUpdate, PermissionDenied, StoreError
from geogov.plugin.proposals.stores.geopackage.file_format import from_gpkg_blob, to_gpkg_blob
from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
from geogov.plugin.proposals.stores.migrations import latest_version, sqlite_statements
from geogov.plugin.proposals.stores.row_values import srs_id_of
from geogov.tests.support import store_fixtures as F  # noqa: N812 (short: used on every line)


@pytest.fixture()
def path(tmp_path):
    path = tmp_path / "proposals.gpkg"
    with GeoPackageStore(path, "coord_region") as admin:
        admin.sync_convention(F.convention())
    return path


@pytest.fixture()
def opened(path):
    stores = []

    def open_store(login, **kwargs):
        stores.append(GeoPackageStore(path, login, **kwargs))
        return stores[-1]

    yield open_store
    for store in stores:
        store.close()


def submitted(opened, login="tech94", **kwargs):
    store = opened(login)
    draft = store.create_draft(F.proposal(**kwargs))
    return store.submit(draft.id, draft.version)


# ---------------------------------------------------------------------------- the file
def test_the_file_is_a_geopackage_in_rollback_journal_mode(path):
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 10200
    # WAL needs shared memory, which network shares do not give.
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_gdal_opens_the_old_and_new_geometries_as_layers_in_the_targets_crs(path, opened):
    proposal = submitted(opened, tag="layers")
    dataset = ogr.Open(str(path))
    names = {dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())}
    assert {"proposal_changes_old_2154", "proposal_changes_new_2154", "proposals", "audit"} <= names
    new = dataset.GetLayerByName("proposal_changes_new_2154")
    assert new.GetSpatialRef().GetAuthorityCode(None) == "2154"
    new.SetAttributeFilter(f"proposal_id = '{proposal.id}'")
    features = [(f.GetField("op"), f.GetField("seq"), f.GetGeometryRef().ExportToIsoWkb()) for f in new]
    expected = [(c.op, i, c.new_geometry) for i, c in enumerate(F.changeset("layers").changes)
                if c.new_geometry]
    assert [(op, seq, bytes(wkb)) for op, seq, wkb in features] == expected
    old = dataset.GetLayerByName("proposal_changes_old_2154")
    old.SetAttributeFilter(f"proposal_id = '{proposal.id}'")
    assert sorted(f.GetField("op") for f in old) == ["delete", "update", "update"]
    dataset = None


def test_geometry_blobs_follow_the_geopackage_encoding(tmp_path):
    wkb = F.point_wkb(1.5, 2.5)
    blob = to_gpkg_blob(wkb, 2154)
    assert blob[:2] == b"GP" and struct.unpack("<i", blob[4:8])[0] == 2154
    assert from_gpkg_blob(blob) == wkb and to_gpkg_blob(None, 2154) is None
    # A blob written by GDAL itself (with an envelope) reads back to the same WKB.
    gpkg = tmp_path / "gdal.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(gpkg))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    layer = source.CreateLayer("lines", srs, ogr.wkbLineString)
    feature = ogr.Feature(layer.GetLayerDefn())
    geometry = ogr.CreateGeometryFromWkt("LINESTRING (650000 6850000, 651000 6851000)")
    feature.SetGeometry(geometry)
    layer.CreateFeature(feature)
    source = None
    raw = sqlite3.connect(gpkg).execute("SELECT geom FROM lines").fetchone()[0]
    assert (raw[3] >> 1) & 0b111 == 1                     # GDAL writes an XY envelope
    assert from_gpkg_blob(raw) == bytes(geometry.ExportToIsoWkb())
    with pytest.raises(StoreError):
        from_gpkg_blob(b"not a blob")


# The rows GeoGov wrote for this proposal before the change codec was made one
# (serialization.py): what the store writes now, and reads back with the keys' types.
STORED_CHANGES = [
    ("insert", '1', None,
     '{"date_mise_en_service":{"$date":"2026-03-01"},"identifiant":"new-a","longueur_m":12.5,'
     '"maj":{"$datetime":"2026-03-01T10:30:05.000120+00:00"},"photo":{"$bytes":"00ff4750"},'
     '"type_amenagement":"voie verte"}', '[]', 1, None),
    ("update", '"1"',
     '{"date_mise_en_service":{"$date":"2020-01-01"},"identifiant":"f0","longueur_m":100.0,'
     '"type_amenagement":"bande cyclable"}',
     '{"date_mise_en_service":{"$date":"2020-01-01"},"identifiant":"f0","longueur_m":{"$float":"nan"},'
     '"maj":{"$datetime":"2026-03-01T10:30:00+02:00"},"type_amenagement":"piste cyclable a"}',
     '["type_amenagement"]', 1, "fp-0"),
    ("update", '"f1"',
     '{"date_mise_en_service":{"$date":"2020-01-02"},"identifiant":"f1","longueur_m":101.0,'
     '"type_amenagement":"bande cyclable"}',
     '{"date_mise_en_service":{"$decimal":"1.10"},"identifiant":"f1","longueur_m":101.0,'
     '"type_amenagement":"piste cyclable a"}', '["type_amenagement"]', 1, "fp-1"),
    ("delete", '"gone"',
     '{"date_mise_en_service":null,"identifiant":"gone","longueur_m":3.0,'
     '"type_amenagement":"bande cyclable"}',
     None, '[]', 0, "fp-gone"),
]


def test_changes_are_stored_as_before_and_read_back_with_their_types(path, opened):
    import datetime as dt
    import decimal
    import math

    proposal = F.proposal()
    changes = proposal.changeset.changes
    changes[0].key, changes[1].key = 1, "1"           # an integer key and the string "1"
    changes[1].new.update(longueur_m=math.nan,
                          maj=dt.datetime(2026, 3, 1, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))))
    changes[2].new["date_mise_en_service"] = decimal.Decimal("1.10")
    store = opened("tech94")
    draft = store.create_draft(proposal)
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT op, feature_key, old_attributes, new_attributes, changed_fields, "
                        "geometry_changed, base_fingerprint, old_geom, new_geom FROM proposal_changes "
                        "WHERE proposal_id = ? ORDER BY seq", (draft.id,)).fetchall()
    conn.close()
    assert [r[:7] for r in rows] == STORED_CHANGES
    assert [(from_gpkg_blob(r[7]), from_gpkg_blob(r[8])) for r in rows] == \
        [(c.old_geometry, c.new_geometry) for c in changes]
    back = store.get_proposal(draft.id).changeset.changes
    assert [(type(c.key), c.key) for c in back] == [(int, 1), (str, "1"), (str, "f1"), (str, "gone")]
    assert math.isnan(back[1].new["longueur_m"]) and back[1].new["maj"].utcoffset() == dt.timedelta(hours=2)
    assert back[2].new["date_mise_en_service"] == decimal.Decimal("1.10")
    assert back[0].new["photo"] == b"\x00\xffGP" and back[3].new is None
    assert [c.geometry_changed for c in back] == [True, True, True, False]
    assert [(c.old_geometry, c.new_geometry) for c in back] == \
        [(c.old_geometry, c.new_geometry) for c in changes]


@pytest.mark.parametrize("crs, srs_id", [("EPSG:2154", 2154), ("urn:ogc:def:crs:EPSG::4326", 4326),
                                          ("epsg:3857", 3857), ("", -1), ("IGNF:LAMB93", -1)])
def test_srs_ids_come_from_epsg_codes(crs, srs_id):
    assert srs_id_of(crs) == srs_id


# ---------------------------------------------------------------------------- migrations
def test_migrations_run_once_and_in_order(path):
    for _ in range(2):
        GeoPackageStore(path, "tech94").close()
    conn = sqlite3.connect(path)
    assert [v for v, in conn.execute("SELECT version FROM schema_version ORDER BY version")] == \
        list(range(1, latest_version("gpkg") + 1))
    conn.close()


def test_an_older_file_is_migrated_in_place_and_keeps_its_proposals(path, opened):
    kept = submitted(opened, tag="old")
    conn = sqlite3.connect(path)          # make it a version-2 file, as the first release wrote
    conn.execute("ALTER TABLE proposals DROP COLUMN rebased_by")
    conn.execute("DROP TABLE convention_state")
    for trigger in ("insert", "delete", "update"):
        conn.execute(f"DROP TRIGGER proposal_changes_{trigger}_digest")
    for table, column in (("partners", "geometry"), ("stewardships", "everywhere"), ("proposals", "communes"),
                          ("proposals", "unplaced"), ("proposals", "outside"), ("proposals", "stewards"),
                          ("proposals", "steward_groups"),
                          ("reviews", "partner"), ("datasets", "target_kind"), ("datasets", "target_uri"),
                          ("datasets", "target_layer"), ("datasets", "target_srid"),
                          ("proposals", "changes_digest")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("DROP TABLE round_writers")
    conn.execute("DELETE FROM schema_version WHERE version >= 3")
    conn.commit()
    conn.close()
    reopened = GeoPackageStore(path, "tech94")
    try:
        assert reopened.get_proposal(kept.id).changeset == F.changeset("old")
    finally:
        reopened.close()
    conn = sqlite3.connect(path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(proposals)")]
    assert "rebased_by" in columns and "stewards" in columns
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == latest_version("gpkg")
    conn.close()


def test_a_file_from_a_newer_plugin_is_refused(path):
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (99, 'future', '2030-01-01T00:00:00.000000Z')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as refused:
        GeoPackageStore(path, "tech94")
    assert refused.value.code == "store.schema_newer"


def test_trigger_bodies_stay_whole_when_a_migration_is_split():
    script = ("CREATE TABLE t (a);\n-- a comment; with a semicolon\nCREATE TRIGGER x BEFORE DELETE ON t\n"
              "BEGIN\n  SELECT RAISE(ABORT, 'no; never');\nEND;\nINSERT INTO t VALUES (1);\n")
    statements = sqlite_statements(script)
    assert len(statements) == 3
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")


# ---------------------------------------------------------------------------- identity, rights
def test_identity_comes_from_the_settings_and_rights_are_not_enforced(path, opened):
    store = opened("tech94")
    assert store.enforces_rights is False
    identity = store.identity()
    assert (identity.login, identity.partner, identity.roles, identity.verified) == ("tech94", "cd94",
                                                                                     ["technicien"], False)
    # Anyone may claim anything in this mode: the settings say who they are.
    claimed = opened("tech94", partner="cd93", roles=["steward"])
    assert (claimed.identity().partner, claimed.identity().roles) == ("cd93", ["steward"])
    with pytest.raises(PermissionDenied) as refused:
        opened("stranger").create_draft(F.proposal())
    assert refused.value.code == "store.unknown_member"


# ---------------------------------------------------------------------------- audit
def test_sqlite_refuses_to_change_audit_rows(path, opened):
    submitted(opened, tag="audit")
    conn = sqlite3.connect(path)
    for statement in ("UPDATE audit SET actor = 'x'", "DELETE FROM audit"):
        with pytest.raises(sqlite3.DatabaseError, match="store.append_only"):
            conn.execute(statement)
    conn.close()
    assert opened("coord_region").verify_audit().ok


def test_an_edited_file_is_caught_by_the_hash_chain(path, opened):
    submitted(opened, tag="tamper")
    store = opened("coord_region")
    report = store.verify_audit()
    assert report.ok and report.checked == report.head_id == 3       # synced, created, submitted

    def verdict():
        report = store.verify_audit()
        return report.ok, report.first_bad_id, report.reason

    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_no_update")      # what a determined user can do
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("UPDATE audit SET actor = 'someone_else' WHERE id = 2")
    conn.commit()
    assert verdict() == (False, 2, "content")
    conn.execute("UPDATE audit SET actor = 'tech94' WHERE id = 2")
    conn.commit()
    assert verdict() == (True, None, "")
    conn.execute("DELETE FROM audit WHERE id = 3")
    conn.commit()
    assert verdict() == (False, 3, "head")            # rows 1-2 chain, but the head names row 3
    conn.execute("INSERT INTO audit SELECT 4, at, actor, action, proposal_id, details, prev_hash, row_hash "
                 "FROM audit WHERE id = 2")
    conn.commit()
    assert verdict() == (False, 4, "gap")
    conn.close()


# ---------------------------------------------------------------------------- concurrency
def test_a_writer_holding_the_file_gives_a_clear_busy_error(path):
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    store = GeoPackageStore(path, "tech94", busy_timeout=0.3)
    try:
        with pytest.raises(ConcurrentUpdate) as busy:
            store.create_draft(F.proposal(tag="busy"))
        # store.locked (was store.busy, which PostgreSQL's lock timeout still gives): the
        # sentence names the file, see tests/unit/test_store_disk_errors.py.
        assert busy.value.code == "store.locked" and busy.value.params["path"] == str(path)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.create_draft(F.proposal(tag="busy")).status == "draft"
    store.close()


def test_two_users_deciding_at_once_on_a_shared_file_one_wins(path, opened):
    for attempt in range(5):
        proposal = submitted(opened, dataset=F.PAV, departements=[], tag=f"race{attempt}")
        stores = {"steward_syctom": opened("steward_syctom"), "steward_region": opened("steward_region")}
        barrier, outcomes = threading.Barrier(2), {}

        def decide(login, stores=stores, barrier=barrier, outcomes=outcomes, proposal=proposal):
            decision, comment = ("approve", "") if login == "steward_syctom" else ("reject", "non")
            barrier.wait()
            try:
                outcomes[login] = stores[login].review(proposal.id, decision, comment,
                                                       expected_version=proposal.version).status
            except ConcurrentUpdate as error:
                outcomes[login] = error

        threads = [threading.Thread(target=decide, args=(login,)) for login in stores]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert sorted(type(o).__name__ for o in outcomes.values()) == ["ConcurrentUpdate", "str"], outcomes
        assert len(opened("coord_region").get_proposal(proposal.id).reviews) == 1


def test_twenty_users_submitting_at_once_on_a_shared_file_lose_nothing(path, opened):
    stores = {login: opened(login) for login in F.CONTRIBUTORS}
    barrier, ids, errors = threading.Barrier(20), {}, []
    partner_of = {c.login: p for p in F.convention().partners.values() for c in p.contacts}

    def contribute(login):
        barrier.wait()
        try:
            departement = partner_of[login].territory.departements[0]
            draft = stores[login].create_draft(F.proposal(departements=[departement], tag=login))
            ids[login] = stores[login].submit(draft.id, draft.version).id
        except StoreError as error:
            errors.append((login, error))

    threads = [threading.Thread(target=contribute, args=(login,)) for login in F.CONTRIBUTORS]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == [] and len(ids) == 20
    reader = opened("coord_region")
    for login, pid in ids.items():
        got = reader.get_proposal(pid)
        assert (got.author, got.partner, got.status) == (login, partner_of[login].id, "submitted")
        assert got.changeset == F.changeset(login, place=partner_of[login].territory.departements[0])
    assert reader.verify_audit().ok


def test_the_chain_verifier_names_each_kind_of_break():
    from geogov.plugin.proposals.stores.audit import GENESIS, chain_hash, verify_chain

    rows, prev = [], GENESIS
    for i in (1, 2, 3):
        canonical = f'{{"id":{i}}}'
        rows.append((i, prev, chain_hash(prev, canonical), canonical))
        prev = rows[-1][2]
    assert verify_chain(rows, (3, prev)).ok
    assert verify_chain([], (0, GENESIS)).ok
    relinked = [rows[0], (2, GENESIS, chain_hash(GENESIS, rows[1][3]), rows[1][3]), rows[2]]
    assert (verify_chain(relinked).reason, verify_chain(relinked).first_bad_id) == ("link", 2)
    assert verify_chain(rows[:2], (3, prev)).reason == "head"


def test_sync_convention_only_if_changed_writes_nothing_when_same(tmp_path):
    from geogov.plugin.governance.convention_loader import load_convention
    from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore

    root = __import__("pathlib").Path(__file__).resolve().parents[2]
    convention = load_convention(root / "resources" / "demo" / "convention-idf.yaml")
    store = GeoPackageStore(tmp_path / "s.gpkg", "coord_region")
    assert store.sync_convention(convention, only_if_changed=True) is not None
    audit_rows = len(store.audit_trail())
    assert store.sync_convention(convention, only_if_changed=True) is None
    assert len(store.audit_trail()) == audit_rows
    assert store.identity().partner == "region-idf"
    store.close()
