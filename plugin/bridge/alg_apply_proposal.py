"""Processing algorithm geogov:apply_proposal: publish an approved proposal to its target.

The store is opened as for the other proposal algorithms (STORE / AUTHCFG / LOGIN). The
target's credentials come from TARGET_AUTHCFG, else from the authcfg recorded in the
proposal's target: a WFS-T service is reached through QGIS's network stack with it
(QgisTransport), a PostGIS database with the user and password it holds. The apply itself
is the core's (plugin/publishing/apply.py); every attempt and its outcome go to the
store's audit trail, and the proposal becomes ``applied`` or ``conflict`` when the result
says so.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterString,
)

from ..errors import GeoGovError
from .alg_common import error_message
from .alg_proposals import _store_help, _StoreAlgorithm
from .i18n import tr


def _target_connection(target, authcfg: str):
    """(transport, connection) for the target."""
    authcfg = authcfg or target.authcfg
    if target.kind in ("wfs", "oapif"):
        from .network import QgisTransport

        return QgisTransport(authcfg=authcfg), None
    if target.kind == "postgis":
        import psycopg2

        from .store_factory import postgres_dsn

        try:
            return None, psycopg2.connect(postgres_dsn(target.uri, authcfg))
        except psycopg2.OperationalError as exc:
            raise GeoGovError(" ".join(str(exc).split()), code="apply.connect") from None
    return None, None


def describe_result(result) -> list:
    """Translated lines telling what happened (for the log and the dock)."""
    from ..publishing import result as outcomes

    lines = []
    if result.status == outcomes.APPLIED:
        lines.append(tr("Applied and verified: {inserted} added, {updated} modified, "
                        "{deleted} deleted.").format(inserted=result.written.get("insert", 0),
                                                     updated=result.written.get("update", 0),
                                                     deleted=result.written.get("delete", 0)))
    elif result.status == outcomes.ALREADY_APPLIED:
        lines.append(tr("Every change was already in the data (an earlier attempt wrote it); "
                        "nothing was written again."))
    elif result.status == outcomes.CONFLICT:
        lines.append(tr("Conflict: {n} feature(s) changed in the data since the proposal was "
                        "made. Nothing was written.").format(n=len(result.conflicts)))
        for conflict in result.conflicts:
            lines.append(tr("Feature {key}: fields changed on both sides: {fields}").format(
                key=conflict.key, fields=", ".join(conflict.both) or "—"))
    elif result.status == outcomes.INVALID:
        lines.append(tr("The proposal does not fit the target's schema; nothing was sent."))
        for problem in result.problems:
            lines.append(tr("Feature {key}, field {field}: {code}").format(
                key=problem.key, field=problem.field or "—", code=problem.code))
    elif result.status in (outcomes.REFUSED, outcomes.UNDO_FAILED, outcomes.CANCELLED):
        if result.status == outcomes.CANCELLED:
            lines.append(tr("Cancelled while writing."))
        for refusal in result.refusals:
            lines.append(tr("Refused: {op} of feature {key}: {message}").format(
                op=refusal.op or "—", key=refusal.key, message=refusal.message))
        if result.undo and result.undo.get("complete"):
            lines.append(tr("Everything of the proposal that had been written was undone."))
        else:
            lines.append(tr("The undo could not restore every feature: {keys}. Check them in "
                            "the data.").format(keys=", ".join(
                                str(k) for k in (result.undo or {}).get("left", [])) or "—"))
    elif result.status == outcomes.UNKNOWN:
        lines.append(tr("The connection failed after sending: what the server did is unknown. "
                        "Run the apply again later: it finds what already landed and writes "
                        "only the rest."))
    lines += catalogue_lines(result.catalogue)
    return lines


def catalogue_lines(outcome) -> list:
    """Translated lines about the catalogue update step (none when there was none)."""
    if not outcome:
        return []
    status = outcome.get("status")
    if status == "updated":
        line = tr("Catalogue record {record} updated: revision date {revision}.").format(
            record=outcome.get("record", ""), revision=outcome.get("revision", ""))
        if outcome.get("next_update"):
            line += " " + tr("Next update expected on {date}.").format(date=outcome["next_update"])
        return [line]
    error = outcome.get("error") or {}
    reason = error_message(GeoGovError(error.get("message", ""), code=error.get("code") or "error",
                                       **(error.get("params") or {})))
    if status == "not_verified":
        head = tr("The catalogue accepted the record {record} but does not serve the new dates: "
                  "{reason}").format(record=outcome.get("record", ""), reason=reason)
    elif status == "unknown":
        head = tr("The catalogue record {record} could not be read back: whether it was "
                  "updated is unknown ({reason}).").format(record=outcome.get("record", ""),
                                                           reason=reason)
    else:
        head = tr("The catalogue refused to update the record {record}: {reason}").format(
            record=outcome.get("record", ""), reason=reason)
    return [head, tr("The data stays applied. Retry the catalogue update from the review "
                     "panel or with geogov:apply_proposal on this proposal.")]


class ApplyProposalAlgorithm(_StoreAlgorithm):
    GROUP_ID = "apply"
    PROPOSAL = "PROPOSAL"
    TARGET_AUTHCFG = "TARGET_AUTHCFG"
    CATALOGUE_AUTHCFG = "CATALOGUE_AUTHCFG"
    CONVENTION = "CONVENTION"
    STATUS = "STATUS"
    CATALOGUE = "CATALOGUE"
    PROPOSAL_STATUS = "PROPOSAL_STATUS"
    RESULT = "RESULT"

    def name(self):
        return "apply_proposal"

    def displayName(self):
        return tr("Apply an approved proposal")

    def shortHelpString(self):
        return _store_help() + tr(
            "Proposal (PROPOSAL): the id of an approved proposal.\n"
            "Target authentication (TARGET_AUTHCFG, optional): the QGIS authentication "
            "configuration for the WFS-T or OGC API Features service or the PostGIS database "
            "(default: the one recorded with the proposal's target).\n"
            "Convention (CONVENTION, optional): path or URL of the partnership convention; empty: "
            "the plugin's. The proposal is applied only to the target the convention names for its "
            "dataset: no credential goes anywhere else.\n\n"
            "The changes are checked against the target's real schema, then every touched "
            "feature is read: if someone changed one since the proposal was made, nothing is "
            "written and the proposal goes to conflict. Otherwise the changes are written, read "
            "back and compared; if the target refuses any part, whatever was written is undone "
            "and the refused features are listed with the target's reason. Running it again "
            "after a lost connection never writes anything twice.\n"
            "Catalogue authentication (CATALOGUE_AUTHCFG, optional): when the convention names "
            "the dataset's catalogue record, the record's revision date, date stamp and next update "
            "date are then updated in the catalogue (CSW-T) and read back. A catalogue that "
            "refuses leaves the data applied; run the algorithm again on the applied proposal "
            "to retry the catalogue update alone.\n"
            "Outputs: STATUS (applied, already_applied, conflict, invalid, refused, undo_failed, "
            "unknown, cancelled), PROPOSAL_STATUS, CATALOGUE (updated, refused, not_verified, "
            "unknown, or empty) and RESULT (the full report, JSON).")

    def createInstance(self):
        return ApplyProposalAlgorithm()

    def initAlgorithm(self, config=None):
        self._store_parameters()
        self.addParameter(QgsProcessingParameterString(self.PROPOSAL, tr("Proposal id")))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.TARGET_AUTHCFG, tr("Authentication configuration of the target"), optional=True))
        self.addParameter(QgsProcessingParameterAuthConfig(
            self.CATALOGUE_AUTHCFG, tr("Authentication configuration of the catalogue"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CONVENTION, tr("Partnership convention (path or URL; empty: the plugin's)"),
            optional=True))
        self.addOutput(QgsProcessingOutputString(self.STATUS, tr("Apply result")))
        self.addOutput(QgsProcessingOutputString(self.CATALOGUE, tr("Catalogue update")))
        self.addOutput(QgsProcessingOutputString(self.PROPOSAL_STATUS, tr("Proposal status")))
        self.addOutput(QgsProcessingOutputString(self.RESULT, tr("Report (JSON)")))

    def processAlgorithm(self, parameters, context, feedback):
        import json

        from ..proposals.model import APPLIED, APPROVED
        from ..publishing.apply import apply_proposal, record_result, retry_catalogue_update
        from ..publishing.record_update import catalogue_record, needs_retry
        from . import settings as plugin_settings
        from .network import QgisTransport
        from .review import catalogue_authcfg, check_target

        proposal_id = self.parameterAsString(parameters, self.PROPOSAL, context).strip()
        authcfg = self.parameterAsString(parameters, self.TARGET_AUTHCFG, context)
        settings = plugin_settings.load()
        try:
            convention = self._convention(parameters, context, settings)
            store = self._open(parameters, context)
            try:
                proposal = store.get_proposal(proposal_id)
                record = catalogue_record(convention, proposal.dataset)
                catalogue_transport = None
                if record is not None:
                    catalogue_transport = QgisTransport(
                        self.parameterAsString(parameters, self.CATALOGUE_AUTHCFG, context)
                        or catalogue_authcfg(record, settings), feedback)
                if proposal.status == APPLIED and record is not None and \
                        needs_retry(proposal.apply_attempts):
                    result = retry_catalogue_update(store, proposal, record, catalogue_transport,
                                                    is_cancelled=feedback.isCanceled)
                    stored = store.get_proposal(proposal.id)
                else:
                    if proposal.status != APPROVED:
                        raise QgsProcessingException(tr(
                            "Proposal {id} is {status}: only an approved proposal can be applied."
                        ).format(id=proposal.id, status=proposal.status))
                    check_target(proposal, convention)
                    transport, connection = _target_connection(proposal.target, authcfg)
                    if transport is not None:
                        transport.feedback = feedback
                    try:
                        result = apply_proposal(proposal, transport=transport,
                                                connection=connection, record=record,
                                                catalogue_transport=catalogue_transport,
                                                progress=lambda f: feedback.setProgress(100 * f),
                                                is_cancelled=feedback.isCanceled)
                    finally:
                        if connection is not None:
                            connection.close()
                    stored = record_result(store, proposal, result)
            finally:
                store.close()
        except GeoGovError as error:
            raise QgsProcessingException(error_message(error)) from None
        for line in describe_result(result):
            if result.ok:
                feedback.pushInfo(line)
            else:
                feedback.reportError(line)
        return {self.STATUS: result.status, self.PROPOSAL_STATUS: stored.status,
                self.CATALOGUE: (result.catalogue or {}).get("status", ""),
                self.RESULT: json.dumps(result.to_dict(), ensure_ascii=False)}

    def _convention(self, parameters, context, settings):
        """The convention of CONVENTION, else the plugin's; None when neither is set."""
        from .governance import load_convention_source

        source = self.parameterAsString(parameters, self.CONVENTION, context).strip() or \
            settings.convention_source
        if not source:
            return None
        return load_convention_source(source, timeout=float(settings.timeout))
