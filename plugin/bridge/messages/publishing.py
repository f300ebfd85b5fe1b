"""Sentences for publishing: the apply engine's errors and problems (apply.*, wfs.*, wfst.*,
geometry.*, conflict.*, changelog.*, revert.*, plugin/publishing), the review bridge's own codes
(apply.not_approved, diff.*), and what an apply did (:func:`apply_result_text`), from
the ApplyResult's data rather than its English summary.

Problems found before sending (``result.problems``, schema_check.py) are shown with
proposals.problem_text, which names the feature: their codes are here too.
"""

from __future__ import annotations

from ...publishing import result as outcomes
from ..i18n import tr
from .proposals import feature_label, problem_text, type_label

SHOWN = 5         # refusals / problems named in one message


def messages() -> dict:
    return {
        "apply": tr("Applying the proposal failed: {message}"),
        "apply.geometry": tr("A geometry of the proposal cannot be read: the proposal cannot be "
                             "applied as it is. Ask its author to propose it again."),
        "apply.conflict": tr("The authoritative data changed since the proposal was made: nothing "
                             "was written."),
        "apply.connect": tr("Cannot connect to the target database. Check the connection and its "
                            "authentication configuration."),
        # A GeoPackage target whose file cannot be written (plugin/publishing/sql_apply.py):
        # rolled back, nothing written, the proposal still approved.
        "apply.target_disk_full": tr("The dataset's GeoPackage “{path}” could not be written: the disk "
                                     "is full. Nothing was written to it, and the proposal is still "
                                     "approved. Free some space on that disk, then apply it again."),
        "apply.target_read_only": tr("The dataset's GeoPackage “{path}” is read-only for you. Nothing was "
                                     "written to it, and the proposal is still approved. Ask for the "
                                     "right to write to the file and its folder, then apply it again."),
        "apply.target_locked": tr("The dataset's GeoPackage “{path}” is locked: another user or program "
                                  "is writing to it (a QGIS editing the layer?). Nothing was written to "
                                  "it, and the proposal is still approved. Apply it again once that "
                                  "edit is saved or closed."),
        "apply.target_unopenable": tr("The dataset's GeoPackage “{path}” cannot be opened for writing: its "
                                      "folder may be missing, read-only, or on a disconnected network "
                                      "drive. Nothing was written to it, and the proposal is still "
                                      "approved. Check the folder, then apply it again."),
        "apply.target_io_error": tr("The disk failed while writing the dataset's GeoPackage “{path}” "
                                    "({detail}). Nothing was written to it, and the proposal is still "
                                    "approved. Check the disk, then apply it again."),
        "apply.target_kind": tr("GeoGov cannot apply changes to a target of kind “{kind}”."),
        "apply.no_changeset": tr("This proposal has no changes to apply."),
        "apply.not_approved": tr("Only an approved proposal can be applied (this one is “{status}”)."),
        "apply.no_convention": tr("No partnership convention is loaded: GeoGov cannot check where this "
                                  "dataset is published, so it applies nothing."),
        "apply.no_target": tr("The partnership convention names no authoritative data for the dataset "
                              "“{dataset}”: nothing can be applied to it."),
        "apply.wrong_target": tr("This proposal targets “{layer}” at {uri}, which is not where the "
                                 "partnership convention says the dataset “{dataset}” is published: "
                                 "nothing was written."),
        "apply.no_table": tr("The target has no table “{table}”."),
        "apply.no_primary_key": tr("The table “{table}” has no single-column primary key: GeoGov cannot "
                                   "find its features."),
        "apply.key_not_unique": tr("Several features of the target have {field} = {key}: the key must "
                                   "identify one feature."),
        "apply.value_not_xml": tr("The value of “{field}” contains control characters that cannot be "
                                  "sent to a WFS server."),
        "apply.no_ids": tr("An update or a deletion was prepared without any feature."),
        "apply.too_many_ids": tr("Too many features in one request ({count}); the server would "
                                 "silently match none."),
        "apply.no_catalogue_record": tr("The convention names no catalogue record for the "
                                        "dataset “{dataset}”."),
        "apply.catalogue_not_applied": tr("Only an applied proposal's catalogue record can be "
                                          "updated (this one is “{status}”)."),
        # the catalogue record update (plugin/catalogue/csw_transaction.py, record_update.py)
        "csw.record_not_found": tr("The catalogue has no ISO 19139 record “{record}”."),
        "csw.unexpected_reply": tr("The catalogue did not answer as a CSW catalogue does "
                                   "(element {element})."),
        "csw.record_mismatch": tr("The catalogue answered the record “{found}” when asked for "
                                  "“{record}”: nothing was sent."),
        "csw.nothing_updated": tr("The catalogue updated {count} records instead of one."),
        "csw.not_verified": tr("the record the catalogue serves afterwards lacks: {fields}."),
        # OGC API Features (plugin/publishing/oapif_*.py)
        "oapif.refused": tr("The server refused the write: {message}"),
        "oapif.precondition_failed": tr("The feature changed on the server since it was read "
                                        "(HTTP 412)."),
        "oapif.not_json": tr("The server's answer to {request} is not JSON."),
        "oapif.unknown_field": tr("The collection has no property “{field}”."),
        "oapif.no_key_query": tr("The server cannot select features by “{field}”: GeoGov cannot "
                                 "read the features the proposal touches."),
        "oapif.geometry": tr("The server sent a geometry that cannot be read."),
        # problems found before sending (plugin/publishing/schema_check.py)
        "apply.crs_mismatch": tr("The changes are in {proposal}, the target in {target}."),
        "apply.operation_not_allowed": tr("the service does not allow this kind of change."),
        "apply.key_field_missing": tr("the target has no field “{field}”, the key of the proposal."),
        "apply.key_duplicate": tr("this feature appears twice in the proposal."),
        "apply.unknown_field": tr("the target has no field “{field}”."),
        "apply.auto_field": tr("the field “{field}” is filled by the target itself and cannot be "
                               "changed."),
        "apply.wrong_type": tr("the value {value} of “{field}” is not a valid {type}."),
        "apply.not_nullable": tr("the field “{field}” may not be empty in the target."),
        "apply.key_missing": tr("the key “{field}” is empty."),
        "apply.geometry_unreadable": tr("the geometry cannot be read ({detail})."),
        "apply.geometry_type": tr("the geometry is a {geometry}, the target holds {layer}."),
        "apply.geometry_missing": tr("the geometry is missing and the target requires one."),
        # the WFS client and GML (plugin/publishing/wfs_*.py, gml_geometry.py)
        "wfs.describe": tr("The service's description of the layer cannot be used (element "
                           "{element})."),
        "wfs.unknown_typename": tr("The service does not publish the layer “{typename}”."),
        "wfs.unknown_field": tr("The layer “{typename}” has no field “{field}”."),
        "wfs.bad_value": tr("The server sent “{value}” for “{field}”, which is not a valid {type}."),
        "wfst.not_a_response": tr("The server did not answer the transaction with a transaction "
                                  "response ({element})."),
        "wfst.bad_count": tr("The server's transaction response has an unreadable count "
                             "({value})."),
        "geometry.crs": tr("The coordinate reference system {crs} is unknown."),
        "geometry.wkb": tr("A geometry of the proposal cannot be read."),
        "geometry.gml": tr("A geometry cannot be converted to or from GML."),
        # conflicts (plugin/publishing/conflicts.py)
        "conflict.unresolved": tr("Feature {key}: choose a value for {fields}."),
        "conflict.bad_choice": tr("The choice for “{field}” is not understood."),
        # the change log (plugin/publishing/changelog.py)
        "changelog.format": tr("Unknown change log format “{format}”: choose CSV, GeoJSON or HTML."),
        # the diff layers (plugin/bridge/diff_layers.py)
        "diff.layer": tr("The diff layers cannot be built: {message}"),
        "diff.no_geometry": tr("The changes of this proposal have no geometry to show on the map."),
        "diff.style": tr("The diff style cannot be loaded: {message}"),
        "diff.features": tr("The diff layers cannot be built: {message}"),
        # reverting an applied proposal (plugin/publishing/revert.py, bridge/history.py)
        "revert": tr("The proposal cannot be reverted: {message}"),
        "revert.not_applied": tr("Only an applied proposal can be reverted (this one is “{status}”)."),
        "revert.no_changes": tr("This proposal changed nothing: there is nothing to revert."),
        "revert.nothing_left": tr("Nothing is left to revert: every feature of this proposal is already as "
                                  "it was before, or was changed since."),
        "revert.problems": tr("The revert cannot be submitted: {count} problem(s) must be fixed first. It "
                              "can still be saved as a draft."),
        "revert.unreadable": tr("The authoritative data “{path}” cannot be read ({detail}): the revert "
                                "cannot be checked against it."),
        "revert.key_missing": tr("The authoritative data “{layer}” has no field “{field}”: the features of "
                                 "the proposal cannot be found in it."),
    }


def _counts(counts: dict) -> dict:
    return {"inserted": counts.get("insert", 0), "updated": counts.get("update", 0),
            "deleted": counts.get("delete", 0)}


def refusal_text(refusal) -> str:
    """One refused feature: which one, and the server's or database's own words."""
    if refusal.get("key") is None and not refusal.get("op"):
        return tr("{who}: {message}").format(who=_source_label(refusal.get("source", "")),
                                             message=refusal.get("message", ""))
    return tr("{feature}: {message}").format(feature=feature_label(refusal.get("key"), refusal.get("op")),
                                             message=refusal.get("message", ""))


def _source_label(source: str) -> str:
    return {"server": tr("The server"), "database": tr("The database"),
            "verification": tr("The check after writing")}.get(source, source or tr("The target"))


def _listed(texts: list) -> str:
    shown = "; ".join(texts[:SHOWN])
    if len(texts) > SHOWN:
        shown += " " + tr("(and {n} more)").format(n=len(texts) - SHOWN)
    return shown


def apply_result_text(result) -> str:
    """What an apply did, exactly: counts, conflict, refusal with the feature and why, the
    undo; then the catalogue record's update, when there was one."""
    from ..alg_apply_proposal import catalogue_lines

    data = result if isinstance(result, dict) else result.to_dict()
    return " ".join([_data_text(data)] + catalogue_lines(data.get("catalogue")))


def _data_text(data: dict) -> str:
    status = data.get("status")
    if status == outcomes.APPLIED:
        return tr("Applied to the authoritative data and verified: {inserted} added, {updated} modified, "
                  "{deleted} deleted.").format(**_counts(data.get("written") or {}))
    if status == outcomes.ALREADY_APPLIED:
        return tr("These changes were already in the data (an earlier attempt had landed): nothing was "
                  "written twice. {inserted} added, {updated} modified, {deleted} deleted.").format(
            **_counts(data.get("already") or {}))
    if status == outcomes.CONFLICT:
        return tr("{n} feature(s) changed in the authoritative data since the proposal was made: nothing "
                  "was written. Resolve the conflicts to rebase the proposal; it then needs approval "
                  "again.").format(n=len(data.get("conflicts") or []))
    if status == outcomes.INVALID:
        problems = [_problem_text(p) for p in data.get("problems") or []]
        return tr("The changes do not fit the target's schema: nothing was sent. {problems}").format(
            problems=_listed(problems)) + " " + _sent_back()
    refusals = _listed([refusal_text(r) for r in data.get("refusals") or []])
    undo = data.get("undo") or {}
    if status == outcomes.REFUSED:
        return tr("The target refused part of the proposal: {refusals}. Everything of the proposal that "
                  "had landed was undone; the data is as before.").format(refusals=refusals) + " " + \
            _sent_back()
    if status == outcomes.UNDO_FAILED:
        left = ", ".join(str(k) for k in (undo.get("left") or [])) or "?"
        return tr("The target refused part of the proposal: {refusals}. Undoing what had landed failed "
                  "for: {left}. Check these features in the data.").format(refusals=refusals, left=left)
    if status == outcomes.CANCELLED:
        return tr("Cancelled while writing: everything of the proposal that had landed was undone.")
    if status == outcomes.UNKNOWN:
        return tr("The connection failed after sending: whether the changes landed is unknown. Apply "
                  "again: GeoGov finds what already landed and writes nothing twice.")
    return tr("The apply ended with the status “{status}”.").format(status=status)


def _sent_back() -> str:
    # publishing/apply.record_result: what the target refuses goes back to the author.
    return tr("The proposal goes back to its author, with this reason, to be corrected.")


def _problem_text(data: dict) -> str:
    from ...proposals.model import Problem

    params = dict(data.get("params") or {})
    if data.get("code") == "apply.wrong_type" and "type" in params:
        params["type"] = type_label(params["type"])
    return problem_text(Problem(data.get("code", ""), key=data.get("key"), op=data.get("op"),
                                field=data.get("field"), params=params))
