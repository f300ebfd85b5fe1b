"""The proposal-store tests' data (a small convention, change sets) and fixtures.

The convention mirrors tests/sdi/DEMO.md's logins and rules (tech94 proposes in the 94,
steward94 approves there, steward_region everywhere else, syctom's steward + DPO on the
personal-data dataset, coord_region coordinates), plus twenty contributor logins
(contrib01…contrib20, alternately cd93 and cd94) for the concurrency checks.

Fixtures: ``postgres_cluster`` (session: one private cluster, see postgres.py) and the
helper :func:`proposal_database` (a fresh database with the GeoGov schema, the logins and
the convention synced, as an administrator would set it up).
"""

from __future__ import annotations

import datetime as dt
import struct
import time
from typing import Optional

import pytest

from geogov.plugin.governance.convention import (
    Contact,
    Convention,
    Dataset,
    Partner,
    StewardAssignment,
    Territory,
)
from geogov.plugin.governance.targets import DatasetTarget
from geogov.plugin.proposals.model import (
    Change,
    ChangeSet,
    FieldDef,
    Problem,
    Proposal,
    Schema,
    Target,
)
from geogov.plugin.proposals.stores.postgres import admin as postgres_admin
from geogov.plugin.territories.places import locate
from geogov.plugin.territories.reference import load_reference
from geogov.tests.support.postgres import PostgresCluster
from geogov.tests.support.territories import inside

PASSWORD = "geogov-test-pw"
CONTRIBUTORS = [f"contrib{i:02d}" for i in range(1, 21)]
LOGINS = ["tech94", "steward94", "steward_region", "coord_region", "tech93", "steward_syctom",
          "dpo_syctom", "steward_sipperec", "tech_ept8", *CONTRIBUTORS]

CYCLABLE = "amenagements-cyclables"
PAV = "points-apport-volontaire"
PESEES = "pesees-dechets-menages"
ECLAIRAGE = "eclairage-public"


# Where the test changes lie: a commune well inside each département (its town hall's
# commune), and a place outside Île-de-France for changes that touch no commune.
PLACES = {"94": "94028", "93": "93048", "75": "75056", "92": "92050"}
OUTSIDE_REGION = (703000.0, 7059000.0)          # Lille, in Lambert-93


def resolved(departements=(), communes=(), region=False) -> Territory:
    """A Territory as the convention loader resolves it against the shipped reference."""
    reference = load_reference()
    members = set(communes)
    for code in departements:
        members.update(reference.departement_communes(code))
    return Territory(departements=list(departements), communes=list(communes), region=region,
                     members=frozenset(members), routing_communes=frozenset(members))


# Where each dataset is published (governance/targets.py): the test QGIS Servers' WFS-T on
# any port (F.proposal's target, the wfst_server fixture's), or a GeoPackage named after the
# layer (the review tests' copies, tests/support/review_fixtures.gpkg_target).
TARGET_KINDS = ("wfs", "gpkg")


def dataset_target(dataset_id: str, kind: str = "wfs", crs: str = "EPSG:2154") -> DatasetTarget:
    layer = dataset_id.replace("-", "_")
    if kind == "gpkg":
        return DatasetTarget("gpkg", f"*/{layer}.gpkg", layer, crs)
    return DatasetTarget("wfs", "http://127.0.0.1:*/ows", layer, crs)


def convention(target_kind: str = "wfs", crs: str = "EPSG:2154") -> Convention:
    """The test convention; each dataset's target of ``target_kind`` (see TARGET_KINDS), in
    ``crs`` (empty: the convention says nothing of the CRS, changes may come in any)."""
    assert target_kind in TARGET_KINDS

    def contact(login, *roles):
        return Contact(name=login.replace("_", " ").title(), email=f"{login}@example.org",
                       roles=list(roles), login=login)

    partners = [
        Partner("region-idf", "Région Île-de-France", "region", territory=resolved(region=True),
                contacts=[contact("steward_region", "steward"), contact("coord_region", "coordinator")]),
        Partner("cd94", "Département du Val-de-Marne", "departement",
                territory=resolved(departements=["94"]),
                contacts=[contact("tech94", "technicien"), contact("steward94", "steward"),
                          *[contact(c, "technicien") for c in CONTRIBUTORS[1::2]]]),
        Partner("cd93", "Département de la Seine-Saint-Denis", "departement",
                territory=resolved(departements=["93"]),
                contacts=[contact("tech93", "technicien"),
                          *[contact(c, "technicien") for c in CONTRIBUTORS[0::2]]]),
        Partner("syctom", "Syctom", "syndicat",
                contacts=[contact("steward_syctom", "steward"), contact("dpo_syctom", "dpo")]),
        Partner("sipperec", "SIPPEREC", "syndicat", contacts=[contact("steward_sipperec", "steward")]),
        # An EPT is known by its communes (Bagnolet, Bobigny, Bondy, Les Lilas, Montreuil,
        # Noisy-le-Sec, Pantin, Le Pré-Saint-Gervais, Romainville).
        Partner("ept-t8", "Est Ensemble", "ept",
                territory=resolved(communes=["93006", "93008", "93010", "93045", "93048", "93053",
                                            "93055", "93061", "93063"]),
                contacts=[contact("tech_ept8", "technicien")]),
    ]
    datasets = [
        Dataset(CYCLABLE, "Aménagements cyclables",
                stewards=[StewardAssignment("cd94", resolved(departements=["94"])),
                          StewardAssignment("cd93", resolved(departements=["93"])),
                          StewardAssignment("region-idf", None)],
                proposers_own_territory=True),
        # Two steward partners everywhere: two stewards may decide the same proposal.
        Dataset(PAV, "Points d'apport volontaire",
                stewards=[StewardAssignment("syctom"), StewardAssignment("region-idf")]),
        Dataset(PESEES, "Pesées des déchets ménagers", stewards=[StewardAssignment("syctom")],
                personal_data=True, approval=["steward", "dpo"], proposers=["ept-t8", "syctom"],
                proposers_own_territory=True),
        Dataset(ECLAIRAGE, "Éclairage public", stewards=[StewardAssignment("sipperec")]),
    ]
    for dataset in datasets:
        dataset.target = dataset_target(dataset.id, target_kind, crs)
    return Convention(format="geogov.convention/1", title="Test", version="1", signed=None,
                      coordinator="region-idf", partners={p.id: p for p in partners},
                      datasets={d.id: d for d in datasets}, reference=load_reference())


def point_wkb(x: float, y: float) -> bytes:
    return struct.pack("<BIdd", 1, 1, x, y)


SCHEMA = Schema(fields=[FieldDef("identifiant", "string", False), FieldDef("type_amenagement"),
                        FieldDef("date_mise_en_service", "date"), FieldDef("longueur_m", "real"),
                        FieldDef("maj", "datetime"), FieldDef("photo", "binary")],
                key="identifiant", geometry_type="Point", crs="EPSG:2154")


def changeset(tag: str = "a", n_updates: int = 2, place="94") -> ChangeSet:
    """An insert, ``n_updates`` updates and a delete; values carry ``tag`` so sets differ.
    Every geometry lies within a few metres of a point well inside the commune of ``place``
    (a département code of PLACES), or outside Île-de-France for ``place`` None; a list of
    départements puts the insert in the first and the delete in the last."""
    places = list(place) if isinstance(place, (list, tuple)) else [place]

    def origin(code):
        return inside(load_reference(), PLACES[code]) if code else OUTSIDE_REGION

    x0, y0 = origin(places[0])
    xd, yd = origin(places[-1])
    inserted = {"identifiant": f"new-{tag}", "type_amenagement": "voie verte",
                "date_mise_en_service": dt.date(2026, 3, 1), "longueur_m": 12.5,
                "maj": dt.datetime(2026, 3, 1, 10, 30, 5, 120, tzinfo=dt.timezone.utc),
                "photo": b"\x00\xffGP"}
    changes = [Change("insert", f"new-{tag}", new=inserted,
                      new_geometry=point_wkb(x0 + 2.5, y0 + 0.25), geometry_changed=True)]
    for i in range(n_updates):
        old = {"identifiant": f"f{i}", "type_amenagement": "bande cyclable",
               "date_mise_en_service": dt.date(2020, 1, i + 1), "longueur_m": 100.0 + i}
        new = dict(old, type_amenagement=f"piste cyclable {tag}")
        changes.append(Change("update", f"f{i}", old=old, new=new,
                              old_geometry=point_wkb(x0 + i, y0 - 3),
                              new_geometry=point_wkb(x0 + 1 + i, y0 - 3),
                              changed_fields=["type_amenagement"], geometry_changed=True,
                              base_fingerprint=f"fp-{i}"))
    changes.append(Change("delete", "gone", old={"identifiant": "gone", "type_amenagement": "bande cyclable",
                                                 "date_mise_en_service": None, "longueur_m": 3.0},
                          old_geometry=point_wkb(xd - 4, yd + 4), base_fingerprint="fp-gone"))
    return ChangeSet(schema=SCHEMA, changes=changes, fingerprint_scheme="sha256-v1")


def proposal_target(dataset: str = CYCLABLE) -> Target:
    """Where the test proposals of ``dataset`` go: a WFS-T the convention names (dataset_target)."""
    return Target("wfs", "http://127.0.0.1:8080/ows", dataset.replace("-", "_"), "1.1.0")


# The same, as the columns a client writes with plain SQL.
TARGET_COLUMNS = "target_kind, target_uri, target_layer"


def target_values(dataset: str = CYCLABLE) -> tuple:
    target = proposal_target(dataset)
    return target.kind, target.uri, target.layer


def proposal(dataset: str = CYCLABLE, departements=("94",), tag: str = "a", title: str = "") -> Proposal:
    """A proposal whose changes lie in ``departements`` (see :func:`changeset`; none: outside
    the region), with the places a client computes (territories/places.py)."""
    changes = changeset(tag, place=list(departements) if departements else None)
    placement = locate(changes, load_reference())
    return Proposal(id=None, dataset=dataset,
                    target=proposal_target(dataset),
                    author="", partner="", title=title or f"proposal {tag}", comment=f"why {tag}",
                    changeset=changes, communes=placement.communes, departements=placement.departements,
                    unplaced=placement.unplaced,
                    validation=[Problem("proposal.note", key="f0", field="longueur_m", params={"n": 1})])


# ---------------------------------------------------------------------------- PostgreSQL
class _ClusterTimings:
    """Prints the measured cluster start/stop times in pytest's final summary."""

    def __init__(self):
        self.lines = []

    def pytest_terminal_summary(self, terminalreporter):
        for line in self.lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def postgres_cluster(request, tmp_path_factory):
    """One private PostgreSQL cluster for the whole session (initdb + start, measured below)."""
    timings = _ClusterTimings()
    request.config.pluginmanager.register(timings, "geogov-postgres-timings")
    cluster = PostgresCluster(tmp_path_factory.mktemp("postgres"))
    cluster.start()
    yield cluster
    began = time.monotonic()
    cluster.stop()
    timings.lines.append(f"postgres cluster: initdb + start {cluster.start_seconds:.2f} s, "
                         f"stop + removal {time.monotonic() - began:.2f} s")


def proposal_database(cluster: PostgresCluster, name: str, synced: Optional[Convention] = None) -> str:
    """A new database with the GeoGov schema, the test logins and the convention (``synced``,
    default :func:`convention`); its admin DSN."""
    dsn = cluster.create_database(name)
    admin = cluster.connect()
    try:
        with admin.cursor() as cur:
            cur.execute("SELECT rolname FROM pg_roles")
            existing = {r[0] for r in cur.fetchall()}
    finally:
        admin.close()
    for login in LOGINS:
        if login not in existing:        # roles are cluster-wide: made once per session
            cluster.create_login(login, PASSWORD)
    conn = cluster.connect(name, autocommit=False)
    try:
        postgres_admin.install(conn)
        postgres_admin.sync_convention(conn, synced or convention())
    finally:
        conn.close()
    return dsn
