"""One rule, two implementations: where changes lie and who stewards them, through Python
(territories/places.py, governance/stewardship.py) and through PostgreSQL
(stores/sql/postgres/0007_territories.sql), on real border features of Île-de-France and of
Hauts-de-France — and a client that lies, as a plain SQL login.

Each case is a change set proposed by a real login through the store (the database
derives the places from the stored change rows at submit) and judged by the plugin's own
functions; both must say the same communes, unplaced count, outside count, stewards and
steward groups.
"""

from __future__ import annotations

import psycopg2
import pytest

from geogov.plugin.errors import PermissionDenied
from geogov.plugin.governance.stewardship import assignments_of, steward_groups, steward_partners
from geogov.plugin.proposals.model import Proposal
from geogov.plugin.proposals.stores.postgres import admin as postgres_admin
from geogov.plugin.proposals.stores.postgres.store import PostgresStore
from geogov.plugin.proposals.stores.row_values import new_proposal_id
from geogov.plugin.territories.places import locate
from geogov.tests.support import store_fixtures as F  # noqa: N812 (short: used on every line)
from geogov.tests.support.territories import (
    beside,
    border_point,
    changeset,
    delete,
    hauts_de_france_convention,
    inserts,
    inside,
    line_wkb,
    point_wkb,
    update,
)

IDF_DB, HDF_DB = "parity_idf", "parity_hdf"
CRETEIL, MONTREUIL, VINCENNES, PARIS, SAINT_MAUR = "94028", "93048", "94080", "75056", "94068"
HDF_LOGINS = ["coord_hdf", "steward_hdf", "steward59", "tech59", "steward_mel", "tech_mel",
              "steward_bethune", "steward_eau", "steward02", "steward60", "steward62", "steward80"]


@pytest.fixture(scope="module")
def idf(postgres_cluster):
    # No CRS in the targets: changes may come in any CRS, the territory rule places them
    # (a declared CRS is enforced before that: tests/integration/test_governance_attacks.py).
    F.proposal_database(postgres_cluster, IDF_DB, F.convention(crs=""))
    return F.convention(crs="")


@pytest.fixture(scope="module")
def hdf(postgres_cluster, shared_data, tmp_path_factory):
    convention = hauts_de_france_convention(shared_data, tmp_path_factory.mktemp("hdf"))
    postgres_cluster.create_database(HDF_DB)
    F.proposal_database(postgres_cluster, "parity_logins")       # the IdF logins exist
    for login in HDF_LOGINS:
        try:
            postgres_cluster.create_login(login, F.PASSWORD)
        except psycopg2.Error:
            pass                                                  # made by an earlier module
    conn = postgres_cluster.connect(HDF_DB, autocommit=False)
    try:
        postgres_admin.install(conn)
        report = postgres_admin.sync_convention(conn, convention)
        assert report.missing_logins == []
    finally:
        conn.close()
    return convention


def propose(cluster, db, login, dataset, changes):
    """Draft + submit as ``login``; (derived places and routing) or the refusal."""
    with PostgresStore(cluster.dsn(db, login, F.PASSWORD)) as store:
        draft = store.create_draft(Proposal(id=None, dataset=dataset, target=F.proposal_target(dataset),
                                            author="", partner="", title="parity", changeset=changes))
        try:
            got = store.submit(draft.id, draft.version)
        except PermissionDenied as error:
            return {"refused": error.code, "count": error.params.get("count")}
    return {"communes": got.communes, "unplaced": got.unplaced, "outside": got.outside,
            "stewards": got.stewards, "groups": got.steward_groups}


def judged(convention, partner, dataset, changes):
    """What the plugin says of the same proposal."""
    territory = convention.proposal_territory(partner, dataset)
    placement = locate(changes, convention.reference,
                       territory.territory_set() if territory is not None else None)
    if territory is not None and placement.outside:
        return {"refused": "store.outside_territory", "count": len(placement.outside)}
    assignments = assignments_of(convention.dataset(dataset))
    unplaced = bool(placement.unplaced)
    return {"communes": placement.communes, "unplaced": placement.unplaced,
            "outside": len(placement.outside),
            "stewards": steward_partners(assignments, placement.communes, unplaced),
            "groups": steward_groups(assignments, placement.communes, unplaced)}


def both(cluster, db, convention, login, dataset, changes):
    partner = convention.partner_of_login(login).id
    python, sql = judged(convention, partner, dataset, changes), propose(cluster, db, login, dataset, changes)
    assert sql == python
    return sql


# ---------------------------------------------------------------------------- Île-de-France
def test_a_change_inside_its_departement(postgres_cluster, idf):
    ref = idf.reference
    got = both(postgres_cluster, IDF_DB, idf, "tech94", F.CYCLABLE, inserts(point_wkb(*inside(ref, CRETEIL))))
    assert got["communes"] == [CRETEIL] and got["stewards"] == ["cd94"] and got["groups"] == [["cd94"]]


def test_a_change_on_the_93_94_border_goes_to_both_stewards(postgres_cluster, idf):
    ref = idf.reference
    border = point_wkb(*border_point(ref, MONTREUIL, VINCENNES))
    got = both(postgres_cluster, IDF_DB, idf, "coord_region", F.CYCLABLE, inserts(border))
    assert got["communes"] == [MONTREUIL, VINCENNES]
    assert got["stewards"] == ["cd94", "cd93"] and got["groups"] == [["cd94"], ["cd93"]]
    # A cd94 technician may draw it (it lies on its territory's border) and cd93 reviews too.
    assert both(postgres_cluster, IDF_DB, idf, "tech94", F.CYCLABLE, inserts(border))["groups"] == \
        [["cd94"], ["cd93"]]


def test_changes_in_two_departements_and_outside_the_region(postgres_cluster, idf):
    ref = idf.reference
    changes = changeset(update("A", old=point_wkb(*inside(ref, MONTREUIL)),
                               new=point_wkb(*inside(ref, CRETEIL))),
                        delete("B", point_wkb(703000, 7059000)),                  # Lille
                        update("C", old=point_wkb(*inside(ref, PARIS))))
    got = both(postgres_cluster, IDF_DB, idf, "coord_region", F.CYCLABLE, changes)
    assert got["unplaced"] == 1 and got["communes"] == sorted([MONTREUIL, CRETEIL, PARIS])
    assert got["groups"] == [["cd94"], ["cd93"], ["region-idf"]]


def test_a_line_across_a_border_in_another_crs(postgres_cluster, idf):
    from osgeo import osr

    ref = idf.reference
    lambert, wgs84 = osr.SpatialReference(), osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(lambert, wgs84)
    points = [transform.TransformPoint(*inside(ref, code))[:2] for code in (MONTREUIL, VINCENNES)]
    changes = inserts(line_wkb(*points), crs="EPSG:4326", geometry_type="LineString")
    got = both(postgres_cluster, IDF_DB, idf, "coord_region", F.CYCLABLE, changes)
    assert {MONTREUIL, VINCENNES} <= set(got["communes"])


@pytest.mark.parametrize("login, where, outside", [
    ("tech94", [CRETEIL, MONTREUIL], 1),            # one of two in the 93
    ("tech93", [CRETEIL, PARIS], 2),
    ("tech_ept8", [MONTREUIL], 0),                   # Est Ensemble: Montreuil is one of its communes
    ("tech_ept8", [MONTREUIL, "93066"], 1),           # Saint-Denis is Plaine Commune's
])
def test_the_proposers_territory_at_commune_precision(postgres_cluster, idf, login, where, outside):
    ref = idf.reference
    dataset = F.PESEES if login == "tech_ept8" else F.CYCLABLE
    changes = inserts(*[point_wkb(*inside(ref, code)) for code in where])
    got = both(postgres_cluster, IDF_DB, idf, login, dataset, changes)
    if outside:
        assert got == {"refused": "store.outside_territory", "count": outside}
    else:
        assert "refused" not in got


def test_a_feature_one_metre_over_the_border_is_outside_in_both(postgres_cluster, idf):
    ref = idf.reference
    over = point_wkb(*beside(ref, border_point(ref, MONTREUIL, VINCENNES), MONTREUIL, 1.0))
    assert both(postgres_cluster, IDF_DB, idf, "tech94", F.CYCLABLE, inserts(over))["refused"] == \
        "store.outside_territory"


def test_the_sql_routing_function_is_the_pythons(postgres_cluster, idf):
    conn = postgres_cluster.connect(IDF_DB, "tech94", F.PASSWORD)
    cases = [([], False), ([], True), ([CRETEIL], False), ([CRETEIL], True), ([CRETEIL, MONTREUIL], False),
             ([PARIS], False), ([PARIS, CRETEIL, MONTREUIL], True), (["99999"], False)]
    try:
        with conn.cursor() as cur:
            for dataset in (F.CYCLABLE, F.PAV, F.PESEES, F.ECLAIRAGE, "unknown"):
                assignments = assignments_of(idf.dataset(dataset)) if dataset in idf.datasets else []
                for communes, unplaced in cases:
                    cur.execute("SELECT geogov.steward_partners(%s, %s, %s), "
                                "geogov.steward_groups(%s, %s, %s)",
                                (dataset, communes, unplaced) * 2)
                    partners, groups = cur.fetchone()
                    assert (partners, groups) == (steward_partners(assignments, communes, unplaced),
                                                  steward_groups(assignments, communes, unplaced)), \
                        (dataset, communes, unplaced)
    finally:
        conn.close()


# ---------------------------------------------------------------------------- Hauts-de-France
def test_hauts_de_france_a_border_between_two_epci(postgres_cluster, hdf):
    ref = hdf.reference
    mel, bethune = set(ref.grouping("200093201").communes), set(ref.grouping("200072460").communes)
    pair = next((a, b) for a in sorted(mel) for b in sorted(bethune)
                if _share_border(ref, a, b))
    border = point_wkb(*border_point(ref, *pair))
    got = both(postgres_cluster, HDF_DB, hdf, "tech_mel", "collecte-dechets", inserts(border))
    assert got["groups"] == [["mel"], ["ca-bethune"]]
    inside_bethune = point_wkb(*inside(ref, pair[1]))
    assert both(postgres_cluster, HDF_DB, hdf, "tech_mel", "collecte-dechets", inserts(inside_bethune)) == \
        {"refused": "store.outside_territory", "count": 1}


def test_hauts_de_france_each_departement_stewards_its_roads(postgres_cluster, hdf):
    ref = hdf.reference
    lille, amiens = "59350", "80021"
    got = both(postgres_cluster, HDF_DB, hdf, "coord_hdf", "voirie-departementale",
               inserts(point_wkb(*inside(ref, lille)), point_wkb(*inside(ref, amiens))))
    assert got["groups"] == [["cd59"], ["cd80"]]
    assert both(postgres_cluster, HDF_DB, hdf, "tech59", "voirie-departementale",
                inserts(point_wkb(*inside(ref, amiens))))["refused"] == "store.outside_territory"


def test_hauts_de_france_a_syndicate_known_by_its_communes(postgres_cluster, hdf):
    ref = hdf.reference
    douai, lille = "59178", "59350"
    got = both(postgres_cluster, HDF_DB, hdf, "coord_hdf", "reseau-eau",
               inserts(point_wkb(*inside(ref, douai)), point_wkb(*inside(ref, lille))))
    assert got["groups"] == [["syndicat-eau"], ["region-hdf"]]


def _share_border(ref, a, b) -> bool:
    from osgeo import ogr

    first, second = (ogr.CreateGeometryFromWkb(ref.geometries[code]) for code in (a, b))
    shared = first.Intersection(second)
    return shared is not None and shared.Length() > 10


# ---------------------------------------------------------------------------- a client that lies
def test_plain_sql_cannot_choose_where_its_changes_lie(postgres_cluster, idf):
    """As tech93 through psql: declare the changes in the 94 (their steward would be cd94),
    write a change row in the 93, submit: the database routes by the row, to cd93."""
    ref = idf.reference
    x, y = inside(ref, MONTREUIL)
    pid = new_proposal_id("tech93")
    conn = postgres_cluster.connect(IDF_DB, "tech93", F.PASSWORD, autocommit=False)
    try:
        with conn.cursor() as cur:
            cur.execute(f"INSERT INTO geogov.proposals (id, dataset, departements, communes, stewards, "
                        f"{F.TARGET_COLUMNS}) VALUES (%s, %s, '{{94}}', '{{94028}}', '{{cd94}}', %s, %s, %s)",
                        (pid, F.CYCLABLE, *F.target_values()))
            cur.execute("INSERT INTO geogov.proposal_changes (proposal_id, seq, op, feature_key, "
                        "new_attributes, srid, new_geom) VALUES (%s, 0, 'insert', '\"x\"', '{}', 2154, "
                        "ST_SetSRID(ST_MakePoint(%s, %s), 2154))", (pid, x, y))
            cur.execute("SELECT departements, communes, stewards FROM geogov.proposals WHERE id = %s", (pid,))
            assert cur.fetchone() == ([], [], [])          # what the client wrote is not kept
            for column, value in (("stewards", "{cd94}"), ("communes", "{94028}"), ("departements", "{94}")):
                cur.execute("SAVEPOINT s")
                with pytest.raises(psycopg2.Error) as denied:
                    cur.execute(f"UPDATE geogov.proposals SET {column} = %s WHERE id = %s", (value, pid))
                assert denied.value.pgcode == "42501", column
                cur.execute("ROLLBACK TO SAVEPOINT s")
            cur.execute("UPDATE geogov.proposals SET status = 'submitted' WHERE id = %s", (pid,))
            cur.execute("SELECT departements, communes, stewards, steward_groups FROM geogov.proposals "
                        "WHERE id = %s", (pid,))
            assert cur.fetchone() == (["93"], [MONTREUIL], ["cd93"], [["cd93"]])
        conn.commit()
    finally:
        conn.close()
    steward94 = postgres_cluster.connect(IDF_DB, "steward94", F.PASSWORD)
    try:
        with steward94.cursor() as cur:
            cur.execute("SELECT count(*) FROM geogov.proposals WHERE id = %s", (pid,))
            assert cur.fetchone()[0] == 0                    # not routed to the 94: not visible
    finally:
        steward94.close()


@pytest.mark.parametrize("srid, why", [(4326, "another SRID for the same numbers"), (0, "no SRID")])
def test_plain_sql_cannot_move_a_change_by_lying_about_its_crs(postgres_cluster, idf, srid, why):
    """As tech94: a change in the 93 written with a false SRID lies nowhere known (PROJ
    refuses the numbers, or there is no SRID): outside the cd94's territory, so refused."""
    ref = idf.reference
    x, y = inside(ref, MONTREUIL)
    pid = new_proposal_id("tech94")
    conn = postgres_cluster.connect(IDF_DB, "tech94", F.PASSWORD, autocommit=False)
    try:
        with conn.cursor() as cur:
            cur.execute(f"INSERT INTO geogov.proposals (id, dataset, {F.TARGET_COLUMNS}) "
                        "VALUES (%s, %s, %s, %s, %s)", (pid, F.CYCLABLE, *F.target_values()))
            cur.execute("INSERT INTO geogov.proposal_changes (proposal_id, seq, op, feature_key, "
                        "new_attributes, srid, new_geom) VALUES (%s, 0, 'insert', '\"x\"', '{}', %s, "
                        "ST_SetSRID(ST_MakePoint(%s, %s), %s))", (pid, srid, x, y, srid))
            with pytest.raises(psycopg2.Error) as refused:
                cur.execute("UPDATE geogov.proposals SET status = 'submitted' WHERE id = %s", (pid,))
            assert refused.value.diag.message_detail == "store.outside_territory", why
        conn.rollback()
    finally:
        conn.close()
