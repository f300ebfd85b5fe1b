"""What GeoGov's Processing algorithms share: error sentences, network parameters, reading
a document given as a path or URL."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..errors import GeoGovError
from .i18n import tr

AUTHCFG = "AUTHCFG"
TIMEOUT = "TIMEOUT"
INPUT = "INPUT"
ORIGINAL = "ORIGINAL"
REVISED = "REVISED"
KEY = "KEY"


def group_name(group_id: str) -> str:
    """The Toolbox group of GeoGov's algorithms, by id."""
    return {"discover": tr("Discover"), "governance": tr("Governance"),
            "proposals": tr("Propose and review"), "apply": tr("Review and apply")}[group_id]


class GeoGovAlgorithm(QgsProcessingAlgorithm):
    """Base of GeoGov's algorithms: ``GROUP_ID`` places it in the Toolbox."""

    GROUP_ID = ""

    def group(self):
        return group_name(self.GROUP_ID)

    def groupId(self):
        return self.GROUP_ID


def add_layer_pair_parameters(algorithm) -> None:
    """ORIGINAL (the authoritative layer), REVISED (its edited version) and the optional KEY
    field: what compute_changes and submit_proposal compare."""
    algorithm.addParameter(QgsProcessingParameterVectorLayer(
        ORIGINAL, tr("Original layer (authoritative)"), [QgsProcessing.SourceType.TypeVector]))
    algorithm.addParameter(QgsProcessingParameterVectorLayer(
        REVISED, tr("Revised layer"), [QgsProcessing.SourceType.TypeVector]))
    algorithm.addParameter(QgsProcessingParameterField(
        KEY, tr("Key field"), parentLayerParameterName=ORIGINAL, optional=True))


def error_message(error: GeoGovError) -> str:
    """The translated sentence for a core error (messages/ keeps the tables)."""
    from .messages import error_text

    return error_text(error)


def add_network_parameters(algorithm) -> None:
    """AUTHCFG (a QGIS authentication configuration, optional) and TIMEOUT (seconds)."""
    algorithm.addParameter(QgsProcessingParameterAuthConfig(
        AUTHCFG, tr("Authentication configuration"), optional=True))
    algorithm.addParameter(QgsProcessingParameterNumber(
        TIMEOUT, tr("Timeout (seconds)"), QgsProcessingParameterNumber.Type.Double,
        defaultValue=60.0, minValue=1.0))


def add_document_parameters(algorithm, label: str) -> None:
    """INPUT (a file path or URL), then the network parameters."""
    algorithm.addParameter(QgsProcessingParameterString(INPUT, label))
    add_network_parameters(algorithm)


def read_document(algorithm, parameters, context, feedback, parse, missing: str):
    """``parse(data, location)`` of the document INPUT names, fetched with AUTHCFG/TIMEOUT.

    None when the user cancelled; QgsProcessingException with the translated reason when
    the document cannot be read or used.
    """
    from .network import read_location

    location = algorithm.parameterAsString(parameters, INPUT, context).strip()
    if not location:
        raise QgsProcessingException(missing)
    authcfg = algorithm.parameterAsString(parameters, AUTHCFG, context)
    timeout = algorithm.parameterAsDouble(parameters, TIMEOUT, context)
    try:
        return parse(read_location(location, authcfg, feedback, timeout), location)
    except GeoGovError as exc:
        if feedback.isCanceled():
            return None
        raise QgsProcessingException(error_message(exc)) from None
