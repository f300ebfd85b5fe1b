"""geogov:setup_postgres_store — a region's administrator installs the PostgreSQL store.

Creates or migrates the ``geogov`` schema (idempotent), writes the convention's partners,
members, datasets and stewardships, and grants each existing login its group roles
(geogov_contributor, geogov_steward, geogov_dpo, geogov_coordinator) after its roles in
the convention; revokes them from logins no longer in it. Logins that do not exist yet are
listed: the administrator creates them (CREATE ROLE … LOGIN PASSWORD …), then runs the
algorithm again. Run with an administrator's credentials (a superuser or the DBA: only
they can create the postgis extension and grant roles), never a partner's login. From
QGIS's Processing toolbox on any platform, or headless with ``qgis_process``.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterString,
)

from ..errors import GeoGovError
from .alg_common import GeoGovAlgorithm, error_message
from .alg_convention_check import load_for_algorithm
from .i18n import tr


class SetupPostgresStoreAlgorithm(GeoGovAlgorithm):
    GROUP_ID = "proposals"
    DSN = "DSN"
    AUTHCFG = "AUTHCFG"
    CONVENTION = "CONVENTION"
    VERIFY = "VERIFY"
    VERSION = "VERSION"
    MISSING_LOGINS = "MISSING_LOGINS"

    def name(self):
        return "setup_postgres_store"

    def displayName(self):
        return tr("Set up the PostgreSQL proposal store (administrator)")

    def shortHelpString(self):
        return tr(
            "For the region's database administrator. Creates or updates the GeoGov schema in a "
            "PostgreSQL/PostGIS database and loads the partnership convention into it: partners, "
            "their members (the convention's logins), datasets, stewards and approval rules. Each "
            "existing login receives the database roles that match its roles in the convention "
            "(contributor, steward, DPO, coordinator); from then on the database itself enforces "
            "who may see, propose, review and apply what.\n"
            "Connection (DSN): \"host=… port=5432 dbname=…\", without password.\n"
            "Authentication (AUTHCFG): a QGIS authentication configuration holding an "
            "administrator's user name and password (a superuser or the DBA).\n"
            "Convention (CONVENTION): path or URL of the convention file; empty: the one of the "
            "plugin settings.\n"
            "Verify the audit trail (VERIFY): also check the hash chain of the audit trail.\n"
            "Logins of the convention that do not exist yet in the database are listed "
            "(MISSING_LOGINS): create them with their passwords, then run the algorithm again. "
            "Running it again is safe: only what changed is written.")

    def createInstance(self):
        return SetupPostgresStoreAlgorithm()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.DSN, tr("PostgreSQL connection (without password)")))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, tr("Administrator's authentication configuration"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CONVENTION, tr("Convention file or URL (empty: the plugin's)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.VERIFY, tr("Verify the audit trail"), defaultValue=True))
        self.addOutput(QgsProcessingOutputNumber(self.VERSION, tr("Schema version")))
        self.addOutput(QgsProcessingOutputString(self.MISSING_LOGINS, tr("Logins to create")))

    def processAlgorithm(self, parameters, context, feedback):
        import psycopg2

        from ..proposals.stores.postgres import admin as postgres_admin
        from ..proposals.stores.postgres.errors import store_error
        from . import settings as plugin_settings
        from .store_factory import postgres_dsn

        settings = plugin_settings.load()
        source = (self.parameterAsString(parameters, self.CONVENTION, context)
                  or settings.convention_source)
        if not source:
            raise QgsProcessingException(tr("No convention: give one, or configure it in GeoGov's "
                                            "settings."))
        convention = load_for_algorithm(source, feedback, float(settings.timeout))
        try:
            dsn = postgres_dsn(self.parameterAsString(parameters, self.DSN, context),
                               self.parameterAsString(parameters, self.AUTHCFG, context))
            try:
                conn = psycopg2.connect(dsn, connect_timeout=max(1, int(settings.timeout)))
            except psycopg2.Error as error:
                raise store_error(error) from error
            try:
                feedback.pushInfo(tr("Installing or updating the schema…"))
                version = postgres_admin.install(conn)
                feedback.setProgress(40)
                feedback.pushInfo(tr("Schema version {version}.").format(version=version))
                report = postgres_admin.sync_convention(conn, convention)
                feedback.setProgress(80)
                feedback.pushInfo(tr("Convention loaded: {partners} partners, {members} members, "
                                     "{datasets} datasets, {stewardships} stewardships.").format(
                    **{key: report.counts.get(key, 0)
                       for key in ("partners", "members", "datasets", "stewardships")}))
                for login, group in report.granted:
                    feedback.pushInfo(tr("Granted {group} to {login}.").format(group=group, login=login))
                for login, group in report.revoked:
                    feedback.pushInfo(tr("Revoked {group} from {login}.").format(group=group,
                                                                                 login=login))
                if report.missing_logins:
                    feedback.pushWarning(tr("These logins of the convention do not exist in the "
                                            "database yet; create them, then run this again: "
                                            "{logins}").format(logins=", ".join(report.missing_logins)))
                if report.unguarded:
                    feedback.pushWarning(tr("Your administrator login may not set these logins' "
                                            "session time limits (lock wait 10 s, idle transaction "
                                            "60 s); the database still ends the transactions that "
                                            "stall the others: {logins}").format(
                        logins=", ".join(report.unguarded)))
                if self.parameterAsBool(parameters, self.VERIFY, context):
                    audit = postgres_admin.verify_audit(conn)
                    if not audit.ok:
                        raise QgsProcessingException(tr(
                            "The audit trail was altered: row {row} fails ({reason}).").format(
                            row=audit.first_bad_id, reason=audit.reason))
                    feedback.pushInfo(tr("Audit trail verified: {rows} rows, last hash {hash}. Keep "
                                         "this hash elsewhere: it reveals a rewritten trail.").format(
                        rows=audit.checked, hash=audit.head_hash))
            finally:
                conn.close()
        except GeoGovError as error:
            raise QgsProcessingException(error_message(error)) from error
        feedback.setProgress(100)
        return {self.VERSION: version, self.MISSING_LOGINS: ", ".join(report.missing_logins)}
