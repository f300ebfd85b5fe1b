"""Applying to an OGC API Features collection: a real pygeoapi (PostgreSQL provider,
``editable: true``) serving a real PostGIS table.

Results are read back by plain SQL from the table, never through GeoGov's client. The
table has the demo's eclairage_public rows, a NOT NULL UNIQUE ``identifiant`` and
``CHECK puissance_w > 0`` (what pygeoapi turns into a 500 mid-way, for the undo test).
"""

from __future__ import annotations

import copy
from urllib.parse import urlsplit

import psycopg2
import pytest

from geogov.plugin.proposals import wkb
from geogov.plugin.proposals.model import PlainFeature, Target
from geogov.plugin.publishing import result as outcomes
from geogov.plugin.publishing.apply import apply_changeset
from geogov.tests.support import oapif_server
from geogov.tests.support.apply_helpers import (
    FIELDS,
    TABLE,
    CuttingProxy,
    changeset_of,
    differences,
    eclairage_schema,
    oapif_write,
    point,
)

NAMES = [f.name for f in FIELDS]
SCHEMA = eclairage_schema()
DATABASE = "apply_oapif"
WORK = f"work_{TABLE}"


@pytest.fixture(scope="module")
def pygeoapi_features(postgres_cluster, demo_build, tmp_path_factory):
    """pygeoapi on the table ``work_eclairage_public`` (reset before each test from the
    demo's rows kept in ``eclairage_public``)."""
    oapif_server.eclairage_table(postgres_cluster, DATABASE, demo_build / "data" / f"{TABLE}.gpkg")
    oapif_server.eclairage_table(postgres_cluster, DATABASE, demo_build / "data" / f"{TABLE}.gpkg",
                                 table=WORK)
    server = oapif_server.start(tmp_path_factory.mktemp("pygeoapi-features"), postgres_cluster,
                                DATABASE, WORK)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture()
def oapif(pygeoapi_features):
    """The server with its table back to the demo's rows."""
    conn = psycopg2.connect(pygeoapi_features.dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f"TRUNCATE {WORK}")
        cur.execute(f"INSERT INTO {WORK} SELECT * FROM {TABLE}")
        cur.execute(f"SELECT setval(pg_get_serial_sequence('{WORK}', 'fid'), max(fid)) FROM {WORK}")
    conn.close()
    return pygeoapi_features


def read_table(server) -> dict:
    conn = psycopg2.connect(server.dsn)
    try:
        with conn.cursor() as cur:
            cur.execute(f"SELECT {', '.join(NAMES)}, ST_AsBinary(geom) FROM {WORK}")
            rows = cur.fetchall()
    finally:
        conn.close()
    out = {}
    for row in rows:
        attributes = dict(zip(NAMES, row[:-1]))
        out[attributes["identifiant"]] = PlainFeature(attributes["identifiant"], attributes,
                                                      wkb.to_iso_wkb(bytes(row[-1])))
    return out


def sql(server, statement: str, *args) -> None:
    conn = psycopg2.connect(server.dsn)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(statement, args)
    conn.close()


def target(url: str) -> Target:
    return Target("oapif", url, oapif_server.COLLECTION)


def proposal(base, *, bad_insert: bool = False):
    keys = sorted(base)[:4]
    edited = copy.deepcopy(base)
    edited[keys[0]].attributes.update(etat="en maintenance", puissance_w=75)
    edited[keys[1]].geometry = point(652001.25, 6862002.5)
    del edited[keys[2]]
    new = copy.deepcopy(base[keys[3]])
    new.key = "EP-94-OAPIF"
    new.attributes.update(identifiant="EP-94-OAPIF", fid=None, date_pose="2026-05-04",
                          hauteur_m=7.25, puissance_w=-1 if bad_insert else 40)
    new.geometry = point(655000, 6855000)
    edited["EP-94-OAPIF"] = new
    return edited, changeset_of(base, edited, SCHEMA)


def test_apply_verifies_then_a_retry_writes_nothing(oapif):
    base = read_table(oapif)
    expected, changes = proposal(base)
    result = apply_changeset(changes, target(oapif.url))
    assert result.status == outcomes.APPLIED, result.message()
    assert result.written == {"insert": 1, "update": 2, "delete": 1}
    assert differences(read_table(oapif), expected, SCHEMA) == []
    names = [s.name for s in result.steps]
    assert names[:3] == ["describe", "validate", "read_current"] and "verify" in names
    write = next(s for s in result.steps if s.name == "write")
    assert write.details["sent"] == 4

    again = apply_changeset(changes, target(oapif.url))
    assert again.status == outcomes.ALREADY_APPLIED
    assert not any(s.name == "write" for s in again.steps)
    assert differences(read_table(oapif), expected, SCHEMA) == []


def test_conflict_writes_nothing(oapif):
    base = read_table(oapif)
    _expected, changes = proposal(base)
    touched = sorted(base)[0]
    sql(oapif, f"UPDATE {WORK} SET etat = 'changé par un autre' WHERE identifiant = %s", touched)
    before = read_table(oapif)
    result = apply_changeset(changes, target(oapif.url))
    assert result.status == outcomes.CONFLICT
    assert [c.key for c in result.conflicts] == [touched]
    assert not any(s.name == "write" for s in result.steps)
    assert differences(read_table(oapif), before, SCHEMA) == []


def test_refusal_mid_way_is_undone(oapif):
    """The delete and both replacements land, then the server refuses the creation (its
    CHECK constraint, a 500 from pygeoapi): everything written is undone."""
    base = read_table(oapif)
    _expected, changes = proposal(base, bad_insert=True)
    result = apply_changeset(changes, target(oapif.url))
    assert result.status == outcomes.REFUSED, result.message()
    assert [(r.key, r.op) for r in result.refusals] == [("EP-94-OAPIF", "insert")]
    assert "HTTP 500" in result.refusals[0].message
    write = next(s for s in result.steps if s.name == "write")
    assert write.details["sent"] == 3                       # delete + 2 replacements landed
    assert result.undo["complete"] and result.undo["restored"] == {
        "insert": 0, "update": 2, "delete": 1}
    assert differences(read_table(oapif), base, SCHEMA) == []


def test_schema_problems_send_nothing(oapif):
    base = read_table(oapif)
    edited = copy.deepcopy(base)
    key = sorted(base)[0]
    edited[key].attributes["couleur"] = "rouge"
    schema = eclairage_schema()
    from geogov.plugin.proposals.model import FieldDef

    schema.fields.append(FieldDef("couleur"))
    changes = changeset_of(base, edited, schema)
    result = apply_changeset(changes, target(oapif.url))
    assert result.status == outcomes.INVALID
    assert [(p.code, p.field) for p in result.problems] == [("apply.unknown_field", "couleur")]
    assert differences(read_table(oapif), base, SCHEMA) == []


@pytest.mark.parametrize("cut_at", [1, 3, 4])
def test_resume_after_a_cut_connection_never_writes_twice(oapif, cut_at):
    """The proxy forwards write number ``cut_at``, lets pygeoapi do it, and cuts the
    client's connection before the answer: unknown. The retry finds what landed and writes
    only the rest; the created feature exists once."""
    base = read_table(oapif)
    expected, changes = proposal(base)
    parts = urlsplit(oapif.url)
    proxy = CuttingProxy((parts.hostname, parts.port), is_write=oapif_write)
    try:
        proxy.cut_after = cut_at
        through = target(f"http://127.0.0.1:{proxy.port}")
        first = apply_changeset(changes, through)
        assert first.status == outcomes.UNKNOWN, first.message()
        assert proxy.cuts == 1
        second = apply_changeset(changes, through, resume=True)
        # The last write cut: everything had landed.
        assert second.status == (outcomes.ALREADY_APPLIED if cut_at == 4 else outcomes.APPLIED), \
            second.message()
        assert sum(second.already.values()) == cut_at
        assert sum(second.written.values()) == 4 - cut_at
    finally:
        proxy.close()
    assert differences(read_table(oapif), expected, SCHEMA) == []
    conn = psycopg2.connect(oapif.dsn)
    with conn.cursor() as cur:
        cur.execute(f"SELECT count(*) FROM {WORK} WHERE identifiant = 'EP-94-OAPIF'")
        assert cur.fetchone()[0] == 1
    conn.close()


def test_etag_changed_between_read_and_write_is_a_conflict_and_undone(oapif):
    """With ETags (a front adding them to pygeoapi, tests/support/etag_front.py), GeoGov
    writes with If-Match. Another edit lands on the second feature between GeoGov's read
    and its write: 412; what was written is undone and the proposal is in conflict."""
    from geogov.tests.support.etag_front import ETagFront

    base = read_table(oapif)
    _expected, changes = proposal(base)
    keys = sorted(base)
    edited_key = keys[1]                       # replaced second (after the delete)
    writes = []

    def meanwhile(method, path):
        writes.append((method, path))
        if len(writes) == 2:
            sql(oapif, f"UPDATE {WORK} SET etat = 'changé entre-temps' WHERE identifiant = %s",
                edited_key)

    front = ETagFront(oapif.url, before_write=meanwhile)
    try:
        result = apply_changeset(changes, target(front.url))
    finally:
        front.close()
    describe = next(s for s in result.steps if s.name == "describe")
    assert describe.details["etags"] is True
    assert front.refused == 1
    assert result.status == outcomes.CONFLICT, result.message()
    assert result.undo["complete"]
    assert [c.key for c in result.conflicts] == [edited_key]
    now = read_table(oapif)
    assert now[edited_key].attributes["etat"] == "changé entre-temps"      # theirs kept
    expected_now = copy.deepcopy(base)
    expected_now[edited_key].attributes["etat"] = "changé entre-temps"
    assert differences(now, expected_now, SCHEMA) == []                     # ours undone


def test_undo_keeps_edits_made_after_our_writes(oapif):
    """The delete and both replacements land, then the creation is refused (a 500). Just
    before it, someone else sets ``etat`` on both replaced items: on one GeoGov had not
    changed it, on the other GeoGov had. The undo takes back only GeoGov's values (the
    geometry of one, the power of the other) and keeps that edit on both."""
    from geogov.tests.support.etag_front import ETagFront

    base = read_table(oapif)
    _expected, changes = proposal(base, bad_insert=True)
    moved, powered = sorted(base)[1], sorted(base)[0]     # geometry / etat + puissance_w
    writes = []

    def meanwhile(method, path):
        writes.append((method, path))
        if method == "POST":
            for key in (moved, powered):
                sql(oapif, f"UPDATE {WORK} SET etat = 'changé après GeoGov' "
                    "WHERE identifiant = %s", key)

    front = ETagFront(oapif.url, before_write=meanwhile)
    try:
        result = apply_changeset(changes, target(front.url))
    finally:
        front.close()
    assert [m for m, _ in writes[:4]] == ["DELETE", "PUT", "PUT", "POST"]      # then the undo
    assert result.status == outcomes.REFUSED, result.message()
    assert result.undo["complete"] and result.undo["left"] == []
    assert sorted(result.undo["kept"]) == sorted([moved, powered])
    assert result.undo["restored"] == {"insert": 0, "update": 2, "delete": 1}
    expected_now = copy.deepcopy(base)
    for key in (moved, powered):
        expected_now[key].attributes["etat"] = "changé après GeoGov"        # theirs kept
    assert differences(read_table(oapif), expected_now, SCHEMA) == []       # ours undone
