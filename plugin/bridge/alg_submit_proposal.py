"""Processing algorithm geogov:submit_proposal: propose the changes between two layers.

The headless twin of "Propose my changes" (same bridge code, plugin/bridge/propose.py):
the change set between the authoritative layer and an edited copy, validated against the
target's schema and the convention (may this partner propose here, inside its territory),
saved as a draft in the proposal store and submitted unless SUBMIT is false. Any
validation problem stops it, each named in a translated sentence; nothing is saved then.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterString,
)

from ..errors import GeoGovError
from .alg_common import add_layer_pair_parameters, error_message
from .alg_proposals import _store_help, _StoreAlgorithm
from .i18n import tr


def problems_message(problems) -> str:
    from .messages.proposals import problem_text

    lines = [tr("{n} problem(s) prevent submitting this proposal:").format(n=len(problems))]
    lines += ["- " + problem_text(p) for p in problems]
    return "\n".join(lines)


class SubmitProposalAlgorithm(_StoreAlgorithm):
    ORIGINAL = "ORIGINAL"
    REVISED = "REVISED"
    KEY = "KEY"
    DATASET = "DATASET"
    TITLE = "TITLE"
    COMMENT = "COMMENT"
    SUBMIT = "SUBMIT"
    CONVENTION = "CONVENTION"
    OUTPUT = "OUTPUT"
    STATUS = "STATUS"

    def name(self):
        return "submit_proposal"

    def displayName(self):
        return tr("Submit a change proposal")

    def shortHelpString(self):
        return tr(
            "Proposes the changes between the authoritative version of a shared layer and an edited "
            "copy: they are checked, saved in the proposal store and submitted to the dataset's "
            "stewards. Nothing is written to the authoritative data.\n\n"
            "Original layer (ORIGINAL): the authoritative data (a layer of a partner's WFS service, a "
            "PostGIS or GeoPackage table).\n"
            "Revised layer (REVISED): the edited copy, with the same fields.\n"
            "Key field (KEY, optional): the field that identifies a feature; empty: the dataset's key "
            "in the convention, else the original layer's primary key.\n"
            "Dataset (DATASET, optional): the dataset id in the partnership convention; empty: the "
            "dataset the original layer belongs to.\n"
            "Title (TITLE) and comment (COMMENT: why these changes; required to submit).\n"
            "Submit (SUBMIT): checked, the proposal is submitted for review; unchecked, it is saved "
            "as a draft.\n"
            "Convention (CONVENTION, optional): path or URL of the partnership convention; empty: the "
            "one of the plugin settings.\n") + _store_help() + tr(
            "\nOutputs: OUTPUT (the proposal id) and STATUS (draft or submitted). The algorithm "
            "fails, listing every problem, when the changes break the dataset's schema (fields, "
            "types, required values, geometry type and validity, CRS) or the convention (your "
            "organisation may not propose on this dataset, or a change lies outside its territory).")

    def createInstance(self):
        return SubmitProposalAlgorithm()

    def initAlgorithm(self, config=None):
        add_layer_pair_parameters(self)
        self.addParameter(QgsProcessingParameterString(self.DATASET, tr("Dataset id"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.COMMENT, tr("Comment (why)"), optional=True,
                                                       multiLine=True))
        self.addParameter(QgsProcessingParameterBoolean(self.SUBMIT, tr("Submit for review"),
                                                        defaultValue=True))
        self.addParameter(QgsProcessingParameterString(
            self.CONVENTION, tr("Partnership convention (path or URL; empty: the plugin's)"), optional=True))
        self._store_parameters()
        self.addOutput(QgsProcessingOutputString(self.OUTPUT, tr("Proposal id")))
        self.addOutput(QgsProcessingOutputString(self.STATUS, tr("Status of the proposal")))

    def processAlgorithm(self, parameters, context, feedback):
        from . import settings as plugin_settings
        from .features import callbacks_from_feedback
        from .governance import load_convention_source
        from .propose import collect_layers, prepare
        from .propose_store import identity_of, proposal_from, save_draft

        original = self.parameterAsVectorLayer(parameters, self.ORIGINAL, context)
        revised = self.parameterAsVectorLayer(parameters, self.REVISED, context)
        if original is None or revised is None:
            raise QgsProcessingException(tr("Both the original and the revised layer are needed."))
        submit = self.parameterAsBoolean(parameters, self.SUBMIT, context)
        title = self.parameterAsString(parameters, self.TITLE, context).strip()
        comment = self.parameterAsString(parameters, self.COMMENT, context).strip()
        if submit and not comment:
            raise QgsProcessingException(tr("Say why (COMMENT): reviewers need the reason for these "
                                            "changes."))
        settings = plugin_settings.load()
        source_text = self.parameterAsString(parameters, self.CONVENTION, context).strip() or \
            settings.convention_source
        progress, is_cancelled = callbacks_from_feedback(feedback)
        try:
            convention = load_convention_source(source_text, timeout=float(settings.timeout))
            source = collect_layers(original, revised, convention,
                                    self.parameterAsString(parameters, self.DATASET, context).strip() or None,
                                    self.parameterAsString(parameters, self.KEY, context) or None)
            store = self._open(parameters, context)
            try:
                identity, _offline = identity_of(store, settings, convention)
                prepared = prepare(source, convention, identity, progress=progress, is_cancelled=is_cancelled)
                if prepared.problems:
                    raise QgsProcessingException(problems_message(prepared.problems))
                if prepared.empty:
                    raise QgsProcessingException(tr("There is nothing to propose: the revised layer is the "
                                                    "same as the original."))
                title = title or tr("Changes to {dataset}").format(dataset=source.dataset_title)
                proposal = save_draft(store, proposal_from(prepared, title, comment))
                feedback.pushInfo(tr("Draft {id} saved: {changes} change(s).").format(
                    id=proposal.id, changes=len(prepared.changeset)))
                if submit:
                    proposal = store.submit(proposal.id, proposal.version)
                    stewards = ", ".join(p.name for p in prepared.routing.stewards)
                    feedback.pushInfo(tr("Submitted to {stewards}.").format(stewards=stewards or "?"))
            finally:
                store.close()
        except GeoGovError as error:
            raise QgsProcessingException(error_message(error)) from None
        return {self.OUTPUT: proposal.id, self.STATUS: proposal.status}
