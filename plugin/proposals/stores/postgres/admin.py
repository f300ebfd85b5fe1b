"""Administration of the PostgreSQL proposal store: schema install, convention sync.

Run by an administrator's connection (a superuser, or the DBA), never by the plugin's
users — they cannot: the schema belongs to the NOLOGIN role geogov_owner, and only an
administrator can create roles, the postgis extension and grant group roles.

    install(conn)                       # create or migrate the schema (idempotent)
    report = sync_convention(conn, convention)

sync_convention replaces the convention tables in one transaction and grants each
existing login of the convention its group roles (geogov_contributor, plus
geogov_steward / geogov_dpo / geogov_coordinator after its contact roles); it revokes
them from logins no longer in the convention. Logins that do not exist yet are listed in
the report (the administrator creates them, with their password, then syncs again).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import psycopg2
import psycopg2.extras
from psycopg2 import sql
from psycopg2.extras import Json

from ....errors import StoreError
from ....governance.targets import like_pattern
from ..audit import AuditReport
from ..convention_tables import convention_rows, reference_rows
from ..migrations import load_migrations
from .errors import store_error

GROUP_OF_ROLE = {"steward": "geogov_steward", "dpo": "geogov_dpo", "coordinator": "geogov_coordinator"}
GROUPS = ("geogov_contributor", *GROUP_OF_ROLE.values())
MIGRATION_LOCK = 0x6765_6F67   # "geog": an advisory lock id, so two installs queue up


@dataclass
class SyncReport:
    counts: dict
    missing_logins: list = field(default_factory=list)
    granted: list = field(default_factory=list)       # (login, group)
    revoked: list = field(default_factory=list)       # (login, group)
    rerouted: int = 0                                  # open proposals whose stewards changed
    unguarded: list = field(default_factory=list)     # logins whose session timeouts could not be set


def reference_srid(crs_wkt: str) -> int:
    """The EPSG code PostGIS knows the reference's CRS by; StoreError when it has none."""
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromWkt(crs_wkt)
    srs.AutoIdentifyEPSG()
    code = srs.GetAuthorityCode(None)
    if srs.GetAuthorityName(None) != "EPSG" or not code:
        raise StoreError("the territory reference's CRS has no EPSG code: PostGIS cannot hold it",
                         code="store.reference_crs")
    return int(code)


def _sync_reference(cur, reference) -> int:
    """Write the territory reference (communes) when it differs from the stored one; its SRID."""
    import hashlib

    rows = reference_rows(reference)
    srid = reference_srid(rows["crs_wkt"])
    digest = hashlib.sha256()
    for code, name, departement, epci, ept, blob in rows["communes"]:
        digest.update("|".join((code, name, departement, epci, ept)).encode("utf-8"))
        digest.update(blob)
    digest.update(f"{srid}|{rows['tolerance']}".encode("ascii"))
    digest = digest.hexdigest()
    cur.execute("SELECT digest FROM geogov.territory_reference")
    stored = cur.fetchone()
    if stored is not None and stored[0] == digest:
        return srid
    cur.execute("DELETE FROM geogov.territory_reference; DELETE FROM geogov.communes")
    cur.execute("INSERT INTO geogov.territory_reference (name, srid, tolerance, digest) "
                "VALUES (%s, %s, %s, %s)",
                (rows["name"], srid, rows["tolerance"], digest))
    psycopg2.extras.execute_values(
        cur, "INSERT INTO geogov.communes (code, name, departement, epci, ept, geom) VALUES %s",
        [(code, name, departement, epci, ept, psycopg2.Binary(blob), srid)
         for code, name, departement, epci, ept, blob in rows["communes"]],
        template="(%s, %s, %s, %s, %s, ST_Multi(ST_GeomFromWKB(%s, %s)))", page_size=200)
    return srid


def schema_version(conn) -> int:
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('geogov.schema_version') IS NOT NULL")
        if not cur.fetchone()[0]:
            return 0
        cur.execute("SELECT coalesce(max(version), 0) FROM geogov.schema_version")
        return cur.fetchone()[0]


def install(conn) -> int:
    """Apply the missing migrations, each in its own transaction; returns the version reached."""
    migrations = load_migrations("postgres")
    conn.autocommit = False
    try:
        for migration in migrations:
            with conn:
                with conn.cursor() as cur:
                    cur.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
                    current = schema_version(conn)
                    if current > len(migrations):
                        raise StoreError(f"the database has GeoGov schema version {current}, newer than "
                                         f"this plugin's {len(migrations)}", code="store.schema_newer",
                                         version=current)
                    if migration.version <= current:
                        continue
                    cur.execute(migration.sql)
                    cur.execute("RESET ROLE")
                    cur.execute("INSERT INTO geogov.schema_version (version, name) VALUES (%s, %s)",
                                (migration.version, migration.name))
        return schema_version(conn)
    except psycopg2.Error as error:
        raise store_error(error) from error
    finally:
        conn.rollback()


def sync_convention(conn, convention) -> SyncReport:
    """Write the convention tables and the logins' group roles (one transaction)."""
    data = convention_rows(convention)
    report = SyncReport(counts={k: len(v) for k, v in data.items()})
    conn.autocommit = False
    try:
        with conn, conn.cursor() as cur:
            cur.execute("LOCK TABLE geogov.members, geogov.partners, geogov.datasets, geogov.stewardships "
                        "IN EXCLUSIVE MODE")
            cur.execute("SELECT login FROM geogov.members")
            previous = {r[0] for r in cur.fetchall()}
            cur.execute("DELETE FROM geogov.stewardships; DELETE FROM geogov.members; "
                        "DELETE FROM geogov.datasets; DELETE FROM geogov.partners")
            reference = getattr(convention, "reference", None)
            srid = _sync_reference(cur, reference) if reference is not None else 0
            for p in data["partners"]:
                cur.execute("INSERT INTO geogov.partners (id, name, kind, communes, everywhere, extra_geom) "
                            "VALUES (%s, %s, %s, %s, %s, ST_GeomFromWKB(%s, %s))",
                            (p["id"], p["name"], p["kind"], p["communes"], p["everywhere"],
                             None if p["geometry"] is None else psycopg2.Binary(p["geometry"]), srid))
            for m in data["members"]:
                cur.execute("INSERT INTO geogov.members (login, partner, name, email, roles) "
                            "VALUES (%s, %s, %s, %s, %s)",
                            (m["login"], m["partner"], m["name"], m["email"], m["roles"]))
            for d in data["datasets"]:
                cur.execute("INSERT INTO geogov.datasets (id, title, approval, personal_data, proposers, "
                            "proposers_own_territory, key_field, target_kind, target_uri, target_layer, "
                            "target_srid) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                            (d["id"], d["title"], d["approval"], d["personal_data"], d["proposers"],
                             d["proposers_own_territory"], d["key_field"], d["target_kind"],
                             like_pattern(d["target_uri"]), d["target_layer"], d["target_srid"]))
            for s in data["stewardships"]:
                cur.execute("INSERT INTO geogov.stewardships (dataset, partner, communes, everywhere) "
                            "VALUES (%s, %s, %s, %s)",
                            (s["dataset"], s["partner"], s["communes"], s["everywhere"]))
            cur.execute("SELECT geogov.refresh_areas()")
            cur.execute("SELECT geogov.reroute_proposals()")
            report.rerouted = cur.fetchone()[0]
            _sync_roles(cur, data["members"], report, previous)
            cur.execute("SELECT geogov.audit_append(current_user, 'convention_synced', NULL, %s)",
                        (Json({"counts": report.counts, "missing_logins": report.missing_logins}),))
        return report
    except psycopg2.Error as error:
        raise store_error(error) from error


def _sync_roles(cur, members: list, report: SyncReport, previous: set) -> None:
    """Grant each member its group roles; revoke them only from the logins this
    database's convention named before and no longer names. Group roles are cluster-wide,
    so a login another GeoGov database of the cluster makes a steward keeps that group here:
    what it may do in this database is still bounded by this database's members table
    (geogov.my_roles() needs both)."""
    cur.execute("SELECT rolname FROM pg_roles WHERE rolcanlogin")
    logins = {r[0] for r in cur.fetchall()}
    wanted = {}
    for m in members:
        if m["login"] not in logins:
            report.missing_logins.append(m["login"])
            continue
        groups = {GROUP_OF_ROLE[r] for r in m["roles"] if r in GROUP_OF_ROLE}
        wanted[m["login"]] = {"geogov_contributor"} | groups
    cur.execute("SELECT g.rolname, m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = ANY (%s) AND m.rolcanlogin",
                (list(GROUPS),))
    current = {}
    for group, login in cur.fetchall():
        current.setdefault(login, set()).add(group)
    named = {m["login"] for m in members}
    for login in sorted(set(wanted) | (set(current) & (previous - named))):
        for group in sorted(wanted.get(login, set()) - current.get(login, set())):
            cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(login)))
            report.granted.append((login, group))
        if login in named:
            if login in wanted:
                _guard_sessions(cur, login, report)
            continue
        for group in sorted(current.get(login, set()) - wanted.get(login, set())):
            cur.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), sql.Identifier(login)))
            report.revoked.append((login, group))


# Each member's sessions in this database, whatever client it uses (psql too): a lock is
# waited for at most 10 s and a transaction left idle ends after 60 s. A session may lower
# or raise them for itself (SET is a user's right); geogov.release_stalled is the guard
# that does not depend on the session's good will.
MEMBER_SETTINGS = (("lock_timeout", "10s"), ("idle_in_transaction_session_timeout", "60s"))


def _guard_sessions(cur, login: str, report: SyncReport) -> None:
    """ALTER ROLE … IN DATABASE … SET the MEMBER_SETTINGS; an administrator without the
    right to alter that role (PostgreSQL 16: CREATEROLE without ADMIN on it) gets the
    login listed in report.unguarded instead of a failed synchronisation."""
    cur.execute("SAVEPOINT guard_sessions")
    try:
        for name, value in MEMBER_SETTINGS:
            cur.execute(sql.SQL("ALTER ROLE {} IN DATABASE {} SET {} = {}").format(
                sql.Identifier(login), sql.Identifier(cur.connection.info.dbname), sql.Identifier(name),
                sql.Literal(value)))
        cur.execute("RELEASE SAVEPOINT guard_sessions")
    except psycopg2.Error:
        cur.execute("ROLLBACK TO SAVEPOINT guard_sessions")
        report.unguarded.append(login)


def verify_audit(conn) -> AuditReport:
    """The database's own verification (geogov.verify_audit()), for administrators and monitoring."""
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT ok, checked, head_id, head_hash, first_bad_id, reason "
                        "FROM geogov.verify_audit()")
            ok, checked, head_id, head_hash, first_bad, reason = cur.fetchone()
        conn.rollback()
    except psycopg2.Error as error:
        conn.rollback()
        raise store_error(error) from error
    return AuditReport(ok, checked, head_id, head_hash, first_bad, reason)
