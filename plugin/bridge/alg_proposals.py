"""Processing algorithms over the proposal store: geogov:list_proposals, geogov:review_proposal.

Both open the store given as STORE (a GeoPackage path or a PostgreSQL DSN without
password) or, when STORE is empty, the store of the plugin settings. PostgreSQL
credentials come from the AUTHCFG parameter (else the settings' store authcfg), never from
the parameters themselves; in GeoPackage mode the identity is LOGIN (else the settings'
login) — that mode enforces no rights. Refusals (of the database, or of the GeoPackage
store's rules) stop the algorithm with the translated reason.
"""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..errors import GeoGovError
from .alg_common import GeoGovAlgorithm, error_message
from .i18n import tr
from .qgis_compat import FieldType

LIST_COLUMNS = (("id", FieldType.STRING), ("dataset", FieldType.STRING), ("title", FieldType.STRING),
                ("author", FieldType.STRING), ("partner", FieldType.STRING), ("status", FieldType.STRING),
                ("version", FieldType.INT), ("round", FieldType.INT), ("created_at", FieldType.STRING),
                ("submitted_at", FieldType.STRING), ("updated_at", FieldType.STRING),
                ("inserts", FieldType.INT), ("updates", FieldType.INT), ("deletes", FieldType.INT),
                ("approvals", FieldType.STRING), ("approvals_pending", FieldType.STRING),
                ("departements", FieldType.STRING))


def open_store(text: str, authcfg: str, login: str):
    """The store named by STORE/AUTHCFG/LOGIN, completed from the plugin settings."""
    from . import settings as plugin_settings
    from .store_factory import open_store as open_the_store

    return open_the_store(plugin_settings.load(), location=text, authcfg=authcfg, login=login)


def _store_help() -> str:
    return tr(
        "Proposal store (STORE): a GeoPackage file or a PostgreSQL connection string "
        "(\"host=… dbname=…\", no password); empty: the store of the plugin settings.\n"
        "Authentication (AUTHCFG, optional): the QGIS authentication configuration holding the "
        "PostgreSQL user name and password.\n"
        "Login (LOGIN, optional): who you are in a GeoPackage store (no access control there); "
        "a PostgreSQL store knows you by your database login.\n")


def _iso(value) -> str:
    return value.isoformat() if value is not None else ""


class _StoreAlgorithm(GeoGovAlgorithm):
    GROUP_ID = "proposals"
    STORE = "STORE"
    AUTHCFG = "AUTHCFG"
    LOGIN = "LOGIN"

    def _store_parameters(self):
        self.addParameter(QgsProcessingParameterString(
            self.STORE, tr("Proposal store (GeoPackage path or PostgreSQL connection; empty: the "
                           "plugin's)"), optional=True))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.AUTHCFG, tr("Authentication configuration (PostgreSQL)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.LOGIN, tr("Login (GeoPackage store only)"), optional=True))

    def _open(self, parameters, context):
        return open_store(self.parameterAsString(parameters, self.STORE, context),
                          self.parameterAsString(parameters, self.AUTHCFG, context),
                          self.parameterAsString(parameters, self.LOGIN, context))

class ListProposalsAlgorithm(_StoreAlgorithm):
    SCOPE = "SCOPE"
    STATUS = "STATUS"
    DATASET = "DATASET"
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"

    def name(self):
        return "list_proposals"

    def displayName(self):
        return tr("List change proposals")

    def shortHelpString(self):
        return _store_help() + tr(
            "Scope (SCOPE): to review by me (submitted proposals awaiting a decision I may take), "
            "mine, my partner's, or all those I may see.\n"
            "Status (STATUS, optional): draft, submitted, changes_requested, approved, rejected, "
            "applied, conflict or withdrawn.\n"
            "Dataset (DATASET, optional): a dataset id of the convention.\n\n"
            "Output table (OUTPUT, no geometry), one row per proposal, newest first: id, dataset, "
            "title, author, partner, status, version, round, created_at, submitted_at, "
            "updated_at (UTC, ISO 8601), inserts, updates, deletes, approvals (the approvals the "
            "dataset's rule asks, e.g. \"steward=yes; dpo=no\"), approvals_pending and "
            "departements.")

    def createInstance(self):
        return ListProposalsAlgorithm()

    def initAlgorithm(self, config=None):
        self._store_parameters()
        self.addParameter(QgsProcessingParameterEnum(
            self.SCOPE, tr("Scope"), options=[tr("To review by me"), tr("Mine"), tr("My partner's"),
                                              tr("All I may see")], defaultValue=3))
        self.addParameter(QgsProcessingParameterString(self.STATUS, tr("Status"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.DATASET, tr("Dataset id"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Proposals"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Number of proposals")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..proposals.model import STATUSES
        from ..proposals.stores.base import SCOPES

        scope = SCOPES[self.parameterAsEnum(parameters, self.SCOPE, context)]
        status = self.parameterAsString(parameters, self.STATUS, context).strip() or None
        if status is not None and status not in STATUSES:
            raise QgsProcessingException(tr("Unknown status {status}.").format(status=status))
        dataset = self.parameterAsString(parameters, self.DATASET, context).strip() or None
        try:
            store = self._open(parameters, context)
            try:
                summaries = store.list_proposals(scope, status=status, dataset=dataset)
            finally:
                store.close()
        except GeoGovError as error:
            raise QgsProcessingException(error_message(error)) from None
        fields = QgsFields()
        for name, kind in LIST_COLUMNS:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for s in summaries:
            feature = QgsFeature(fields)
            feature.setAttributes([
                s.id, s.dataset, s.title, s.author, s.partner, s.status, s.version, s.round,
                _iso(s.created_at), _iso(s.submitted_at), _iso(s.updated_at),
                s.counts.get("insert", 0), s.counts.get("update", 0), s.counts.get("delete", 0),
                "; ".join(f"{role}={'yes' if given else 'no'}" for role, given in s.approvals.items()),
                " ".join(role for role, given in s.approvals.items() if not given),
                " ".join(s.departements)])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        return {self.OUTPUT: dest_id, self.COUNT: len(summaries)}


class ReviewProposalAlgorithm(_StoreAlgorithm):
    PROPOSAL = "PROPOSAL"
    DECISION = "DECISION"
    COMMENT = "COMMENT"
    VERSION = "VERSION"
    STATUS = "STATUS"
    NEW_VERSION = "NEW_VERSION"

    def name(self):
        return "review_proposal"

    def displayName(self):
        return tr("Review a change proposal")

    def shortHelpString(self):
        return _store_help() + tr(
            "Proposal (PROPOSAL): the proposal id (see List change proposals).\n"
            "Decision (DECISION): approve, reject or request changes. A comment (COMMENT) is "
            "required to reject or request changes.\n"
            "Version (VERSION, optional): the proposal version you looked at; if someone changed "
            "the proposal since, the decision is refused instead of applying to a state you have "
            "not seen.\n\n"
            "The store decides whether you may: your own proposal, a dataset you do not steward, "
            "a proposal not awaiting a decision are refused. An approval that leaves another "
            "required approval pending (the DPO's, for personal data) keeps the proposal "
            "submitted. Outputs: STATUS (the proposal's status afterwards) and NEW_VERSION.")

    def createInstance(self):
        return ReviewProposalAlgorithm()

    def initAlgorithm(self, config=None):
        self._store_parameters()
        self.addParameter(QgsProcessingParameterString(self.PROPOSAL, tr("Proposal id")))
        self.addParameter(QgsProcessingParameterEnum(
            self.DECISION, tr("Decision"), options=[tr("Approve"), tr("Reject"), tr("Request changes")]))
        self.addParameter(QgsProcessingParameterString(self.COMMENT, tr("Comment"), optional=True,
                                                       multiLine=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.VERSION, tr("Version seen (-1: do not check)"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=-1, minValue=-1))
        self.addOutput(QgsProcessingOutputString(self.STATUS, tr("Status after the decision")))
        self.addOutput(QgsProcessingOutputNumber(self.NEW_VERSION, tr("Version after the decision")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..proposals.model import DECISIONS

        proposal_id = self.parameterAsString(parameters, self.PROPOSAL, context).strip()
        decision = DECISIONS[self.parameterAsEnum(parameters, self.DECISION, context)]
        comment = self.parameterAsString(parameters, self.COMMENT, context)
        version = self.parameterAsInt(parameters, self.VERSION, context)
        try:
            store = self._open(parameters, context)
            try:
                proposal = store.review(proposal_id, decision, comment,
                                        expected_version=None if version < 0 else version)
            finally:
                store.close()
        except GeoGovError as error:
            raise QgsProcessingException(error_message(error)) from None
        feedback.pushInfo(tr("Proposal {id}: {decision} recorded, status {status}.").format(
            id=proposal.id, decision=decision, status=proposal.status))
        return {self.STATUS: proposal.status, self.NEW_VERSION: proposal.version}
