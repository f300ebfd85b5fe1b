"""Proposal store transitions on a 10 000-change proposal: GeoPackage and PostgreSQL.

The proposal: 10 000 changes to a street-light layer of the 94 (the demo's
``eclairage_public`` fields, EPSG:2154): 4 000 attribute edits (puissance_w, etat),
3 000 moves of a few metres (some also change etat), 1 500 inserts and 1 500 deletes,
computed by compute_changeset_from_features (fingerprints included) over points spread
around the communes of the Val-de-Marne. tech94 (cd94) proposes it on the convention of
tests/support/store_fixtures.py; steward_sipperec approves it.

Each store runs RUNS rounds on a fresh proposal and the median of each operation is kept:

- save draft: ``create_draft`` of the whole proposal;
- save title only: ``update_draft`` with the same change set and a new title (what the
  propose dialog sends when only the title or the comment changed);
- submit: ``submit`` (the store derives where the changes lie and the stewards);
- decide: ``review(approve)`` by the steward, the last approval (→ approved).

Baselines, measured in the same run:

- for saving the draft: the same proposal row and 10 000 change rows inserted with raw SQL
  (sqlite3 ``executemany`` / psycopg2 ``execute_values``, values encoded beforehand) — the
  floor of storing them;
- for the title, submit and decide: GeoPackage, one UPDATE of the proposal row in one
  transaction (sqlite3); PostgreSQL, the same statement a client sends with plain SQL as
  the same login (``UPDATE … SET title``, ``UPDATE … SET status = 'submitted'``,
  ``INSERT INTO geogov.reviews``), every database check and trigger included (the places
  of the changes at submit) — the database's own cost, which no client can go below;
- for information, one full read of the proposal (``get_proposal``, its 10 000 changes
  decoded): what main's every transition added by returning the proposal re-read whole.

Measured on this 2-core machine while another full test run was going on (so the floors
of a few milliseconds are noisy), two runs each, median of 5 rounds; ms (ratio to the
baseline of the same run):

  before — main at 6ea48df: every transition re-read and re-decoded the whole proposal,
  every save rewrote every change row, the GeoPackage submit decoded every change to place it

                      GeoPackage                    PostgreSQL
    save draft          318–453   (3.8x)            1627–1975   (1.28–1.34x)
    save title only     348–434   (49–106x)         2170–2641   (574–578x)
    submit              378–584   (36–174x)          583–721    (2.7–3.2x)
    decide (approve)    186–209   (17–155x)          333–342    (61–66x)
    full read           199–260                      376–384

  after — issue16-trans: transitions return the proposal without its changes, a save
  keeps the rows of an unchanged change set (its digest: ~20–40 ms of the title save
  here), the GeoPackage submit reads the geometries only (and places them: its floor, one
  UPDATE, leaves that out)

                      GeoPackage                    PostgreSQL
    save draft          208–249   (2.9–3.2x)        1556–1632   (1.01–1.17x)
    save title only      33–73    (39–79x)            43–48     (8.5–10x)
    submit               39–69    (63–77x)           245–264    (0.96–0.97x)
    decide (approve)    1.6–2.3   (2.0–2.6x)         6.0–7.5    (0.75–0.79x)
    full read           148–166                      297–398
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import shutil
import sqlite3
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "build" / "bench" / "store"
EDITS, MOVES, INSERTS, DELETES = 4_000, 3_000, 1_500, 1_500
RUNS = 5
FLOOR_REPEAT = 3          # the one-statement baselines, a few times per round
AUTHOR, STEWARD = "tech94", "steward_sipperec"


# ---------------------------------------------------------------------------- data
def street_lights(count: int, inserts: int, seed: int = 20260601) -> tuple:
    """(base, new): ``count`` street lights of the 94 (the demo's ``eclairage_public``
    fields, EPSG:2154, spread around the communes of the Val-de-Marne) and ``inserts`` new
    ones (fid None). Shared with bench_big_proposal."""
    from geogov.plugin.proposals.model import PlainFeature
    from geogov.plugin.territories.reference import load_reference
    from geogov.tests.support.apply_helpers import point
    from geogov.tests.support.territories import inside

    reference = load_reference()
    communes = sorted(reference.departement_communes("94"))
    origins = {code: inside(reference, code) for code in communes}
    rnd = random.Random(seed)
    lamps = {"LED": [30, 40, 60, 90], "sodium haute pression": [70, 100, 150, 250],
             "iodures métalliques": [70, 100, 150]}

    def feature(n):
        code = communes[n % len(communes)]
        x0, y0 = origins[code]
        lamp = rnd.choice(sorted(lamps))
        attributes = {"fid": n + 1, "identifiant": f"EP-94-{n:06d}", "type_lampe": lamp,
                      "puissance_w": rnd.choice(lamps[lamp]), "hauteur_m": rnd.choice([4.0, 6.0, 8.0, 10.0]),
                      "date_pose": dt.date(1995, 1, 1) + dt.timedelta(days=rnd.randrange(11_000)),
                      "code_insee": code, "etat": "en service"}
        geometry = point(round(x0 + rnd.uniform(-150, 150), 3), round(y0 + rnd.uniform(-150, 150), 3))
        return PlainFeature(attributes["identifiant"], attributes, geometry)

    base = [feature(n) for n in range(count)]
    new = []
    for n in range(inserts):
        f = feature(max(100_000, count) + n)     # identifiers after the base's
        f.attributes["fid"] = None
        new.append(f)
    return base, new


def edit_street_light(f, n: int, edits: int) -> None:
    """The n-th touched light, edited in place: the first ``edits`` get a new power and
    state, the others move a few metres (one in four also changes state)."""
    from geogov.tests.support.apply_helpers import point

    if n < edits:
        f.attributes["puissance_w"] += 10
        f.attributes["etat"] = ("en panne", "en maintenance", "déposé")[n % 3]
    else:
        x, y = _xy(f.geometry)
        f.geometry = point(x + 1.5 + n % 7, y - 0.75)
        if n % 4 == 0:
            f.attributes["etat"] = "en maintenance"


def _changeset():
    from geogov.plugin.proposals.changeset import compute_changeset_from_features
    from geogov.tests.support.apply_helpers import eclairage_schema

    base, new = street_lights(EDITS + MOVES + DELETES, INSERTS)
    edited = []
    for n, f in enumerate(base[:EDITS + MOVES]):
        f = copy.deepcopy(f)
        edit_street_light(f, n, EDITS)
        edited.append(f)
    edited.extend(new)
    changes = compute_changeset_from_features(base, edited, eclairage_schema())
    expected = {"insert": INSERTS, "update": EDITS + MOVES, "delete": DELETES}
    assert changes.counts() == expected, changes.counts()
    return changes


def _xy(blob) -> tuple:
    import struct

    return struct.unpack_from("<dd", blob, 5)


def _proposal(changes, n: int):
    from geogov.plugin.proposals.model import Proposal
    from geogov.plugin.territories.places import locate
    from geogov.plugin.territories.reference import load_reference
    from geogov.tests.support import store_fixtures as F  # noqa: N812

    placement = locate(changes, load_reference())
    return Proposal(id=None, dataset=F.ECLAIRAGE, target=F.proposal_target(F.ECLAIRAGE), author=AUTHOR,
                    partner="cd94", title=f"Relevé éclairage n° {n}",
                    comment="Relevé de terrain : puissances, états, déplacements, poses et déposes.",
                    changeset=changes, communes=placement.communes, departements=placement.departements,
                    unplaced=placement.unplaced, outside=len(placement.outside))


def _timed(function, *args, **kwargs):
    started = time.perf_counter()
    value = function(*args, **kwargs)
    return time.perf_counter() - started, value


# ---------------------------------------------------------------------------- GeoGov
def _store_round(author, steward, proposal, times: dict) -> None:
    seconds, draft = _timed(author.create_draft, copy.copy(proposal))
    times["save draft"].append(seconds)
    edited = copy.copy(proposal)
    edited.id, edited.title = draft.id, proposal.title + " (titre revu)"
    seconds, draft = _timed(author.update_draft, edited, expected_version=draft.version)
    times["save title only"].append(seconds)
    seconds, submitted = _timed(author.submit, draft.id, draft.version)
    times["submit"].append(seconds)
    seconds, decided = _timed(steward.review, draft.id, "approve", expected_version=submitted.version)
    times["decide (approve)"].append(seconds)
    assert decided.status == "approved", decided.status
    seconds, whole = _timed(author.get_proposal, draft.id)
    times["full read"].append(seconds)
    assert len(whole.changeset.changes) == len(proposal.changeset.changes)


def _report(report, store_name: str, times: dict, floors: dict, floor_names: dict) -> None:
    for name in ("save draft", "save title only", "submit", "decide (approve)"):
        value = statistics.median(times[name]) * 1000
        floor = statistics.median(floors[name]) * 1000
        report(f"{store_name}: {name}", value, "ms", baseline=f"{floor_names[name]} {floor:.1f} ms",
               ratio=value / floor)
    report(f"{store_name}: full read of the proposal (get_proposal)",
           statistics.median(times["full read"]) * 1000, "ms",
           baseline="(what main added to each transition)")


def _times() -> dict:
    return {name: [] for name in ("save draft", "save title only", "submit", "decide (approve)", "full read")}


# ---------------------------------------------------------------------------- GeoPackage
def _gpkg_rows(proposal_id: str, changes) -> list:
    from geogov.plugin.proposals.serialization import change_to_row
    from geogov.plugin.proposals.stores.geopackage import rows
    from geogov.plugin.proposals.stores.geopackage.file_format import to_gpkg_blob

    dumps = rows.dumps
    out = []
    for seq, change in enumerate(changes.changes):
        r = change_to_row(change)
        out.append((proposal_id, seq, r["op"], dumps(r["feature_key"]),
                    None if r["old_attributes"] is None else dumps(r["old_attributes"]),
                    None if r["new_attributes"] is None else dumps(r["new_attributes"]),
                    dumps(r["changed_fields"]), int(r["geometry_changed"]), r["base_fingerprint"], 2154,
                    to_gpkg_blob(r["old_geometry"], 2154), to_gpkg_blob(r["new_geometry"], 2154)))
    return out


def _gpkg_floors(path: Path, proposal, floors: dict) -> None:
    """Raw sqlite3: the rows of a proposal inserted; one UPDATE of a proposal row."""
    import uuid

    from geogov.plugin.proposals.stores.geopackage import rows

    pid = str(uuid.uuid4())
    values = _gpkg_rows(pid, proposal.changeset)
    now = rows.format_time(dt.datetime.now(dt.timezone.utc))
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO proposals (id, dataset, author, partner, title, comment, status, "
                     "changeset_meta, validation, departements, communes, round, version, created_at, "
                     "updated_at, updated_by) VALUES (?, ?, ?, 'cd94', ?, ?, 'draft', '{}', '[]', '[]', "
                     "'[]', 0, 0, ?, ?, ?)", (pid, proposal.dataset, AUTHOR, proposal.title, proposal.comment,
                                             now, now, AUTHOR))
        conn.executemany(
            "INSERT INTO proposal_changes (proposal_id, seq, op, feature_key, old_attributes, "
            "new_attributes, changed_fields, geometry_changed, base_fingerprint, srs_id, old_geom, "
            "new_geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
        conn.execute("COMMIT")
        floors["save draft"].append(time.perf_counter() - started)
        for name in ("save title only", "submit", "decide (approve)"):
            for n in range(FLOOR_REPEAT):
                started = time.perf_counter()
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("UPDATE proposals SET title = ?, version = version + 1, updated_at = ? "
                             "WHERE id = ?", (f"{name} {n}", now, pid))
                conn.execute("COMMIT")
                floors[name].append(time.perf_counter() - started)
    finally:
        conn.close()


def _gpkg(report, changes) -> None:
    from geogov.plugin.proposals.stores.geopackage.store import GeoPackageStore
    from geogov.tests.support import store_fixtures as F  # noqa: N812

    path = WORK / "proposals.gpkg"
    convention = F.convention()
    with GeoPackageStore(path, "coord_region") as admin:
        admin.sync_convention(convention)
    author = GeoPackageStore(path, AUTHOR, reference=convention.reference)
    steward = GeoPackageStore(path, STEWARD, reference=convention.reference)
    times, floors = _times(), _times()
    try:
        for n in range(RUNS):
            proposal = _proposal(changes, n)
            _store_round(author, steward, proposal, times)
            _gpkg_floors(path, proposal, floors)
    finally:
        author.close()
        steward.close()
    row = "one UPDATE of the proposal row (sqlite3)"
    _report(report, "GeoPackage store", times, floors,
            {"save draft": "raw INSERT of the rows (sqlite3)", "save title only": row, "submit": row,
             "decide (approve)": row})


# ---------------------------------------------------------------------------- PostgreSQL
def _pg_floors(author, steward, proposal, floors: dict) -> None:
    """Plain SQL as the same logins (``author``, ``steward``: their psycopg2 connections,
    kept for every round as the stores keep theirs): the rows inserted; a title UPDATE, a
    submit UPDATE, a review INSERT, every database check included."""
    from psycopg2.extras import Json, execute_values

    from geogov.plugin.proposals.serialization import change_to_row
    from geogov.plugin.proposals.stores.postgres.rows import _binary
    from geogov.plugin.proposals.stores.row_values import new_proposal_id
    from geogov.tests.support import store_fixtures as F  # noqa: N812

    pid = new_proposal_id(AUTHOR)
    values = []
    for seq, change in enumerate(proposal.changeset.changes):
        r = change_to_row(change)
        values.append((pid, seq, r["op"], Json(r["feature_key"]),
                       None if r["old_attributes"] is None else Json(r["old_attributes"]),
                       None if r["new_attributes"] is None else Json(r["new_attributes"]),
                       Json(r["changed_fields"]), r["geometry_changed"], r["base_fingerprint"], 2154,
                       _binary(r["old_geometry"]), 2154, _binary(r["new_geometry"]), 2154))
    with author.cursor() as cur:
        started = time.perf_counter()
        cur.execute(f"INSERT INTO geogov.proposals (id, dataset, {F.TARGET_COLUMNS}, title, comment) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                    (pid, proposal.dataset, proposal.target.kind, proposal.target.uri,
                     proposal.target.layer, proposal.title, proposal.comment))
        execute_values(cur, "INSERT INTO geogov.proposal_changes (proposal_id, seq, op, feature_key, "
                       "old_attributes, new_attributes, changed_fields, geometry_changed, "
                       "base_fingerprint, srid, old_geom, new_geom) VALUES %s", values,
                       template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, ST_GeomFromWKB(%s, %s), "
                                "ST_GeomFromWKB(%s, %s))", page_size=500)
        author.commit()
        floors["save draft"].append(time.perf_counter() - started)
        for n in range(FLOOR_REPEAT):
            started = time.perf_counter()
            cur.execute("UPDATE geogov.proposals SET title = %s WHERE id = %s",
                        (f"{proposal.title} {n}", pid))
            author.commit()
            floors["save title only"].append(time.perf_counter() - started)
        started = time.perf_counter()
        cur.execute("UPDATE geogov.proposals SET status = 'submitted' WHERE id = %s", (pid,))
        author.commit()
        floors["submit"].append(time.perf_counter() - started)
    with steward.cursor() as cur:
        started = time.perf_counter()
        cur.execute("INSERT INTO geogov.reviews (proposal_id, decision) VALUES (%s, 'approve')", (pid,))
        steward.commit()
        floors["decide (approve)"].append(time.perf_counter() - started)
        cur.execute("SELECT status FROM geogov.proposals WHERE id = %s", (pid,))
        assert cur.fetchone()[0] == "approved"
    steward.commit()


def _postgres(report, changes) -> None:
    from geogov.plugin.proposals.stores.postgres.store import PostgresStore
    from geogov.tests.support import store_fixtures as F  # noqa: N812
    from geogov.tests.support.postgres import PostgresCluster

    cluster = PostgresCluster(WORK / "postgres")
    cluster.start()
    try:
        db = "bench_store"
        F.proposal_database(cluster, db)
        author = PostgresStore(cluster.dsn(db, AUTHOR, F.PASSWORD))
        steward = PostgresStore(cluster.dsn(db, STEWARD, F.PASSWORD))
        raw = [cluster.connect(db, login, F.PASSWORD, autocommit=False) for login in (AUTHOR, STEWARD)]
        times, floors = _times(), _times()
        try:
            for n in range(RUNS):
                proposal = _proposal(changes, n)
                _store_round(author, steward, proposal, times)
                _pg_floors(*raw, proposal, floors)
        finally:
            author.close()
            steward.close()
            for conn in raw:
                conn.close()
    finally:
        cluster.stop()
    _report(report, "PostgreSQL store", times, floors,
            {"save draft": "raw INSERT of the rows (plain SQL, triggers)",
             "save title only": "plain SQL UPDATE … SET title",
             "submit": "plain SQL UPDATE … SET status = 'submitted'",
             "decide (approve)": "plain SQL INSERT INTO reviews"})


# ---------------------------------------------------------------------------- run
def run(report):
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    began = time.perf_counter()
    changes = _changeset()
    print(f"  data: a change set of {len(changes)} changes {changes.counts()} made in "
          f"{time.perf_counter() - began:.1f} s", flush=True)
    _gpkg(report, changes)
    _postgres(report, changes)
