"""Processing algorithm geogov:service_layers — the layers a WMS or WFS offers, as a table."""

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
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from .alg_common import GeoGovAlgorithm, add_document_parameters, read_document
from .i18n import tr
from .qgis_compat import FieldType

TEXT_COLUMNS = ("service", "version", "name", "title", "abstract", "parent", "crs",
                "formats", "styles", "keywords", "metadata_urls", "bbox_wgs84",
                "service_title", "contact_organisation", "contact_individual",
                "contact_email", "contact_role", "contact_role_raw")


def layer_fields() -> QgsFields:
    fields = QgsFields()
    for name in TEXT_COLUMNS[:13]:
        fields.append(QgsField(name, FieldType.STRING))
    fields.append(QgsField("named", FieldType.BOOL))
    fields.append(QgsField("depth", FieldType.INT))
    fields.append(QgsField("transaction", FieldType.BOOL))
    for name in TEXT_COLUMNS[13:]:
        fields.append(QgsField(name, FieldType.STRING))
    return fields


class ServiceLayersAlgorithm(GeoGovAlgorithm):
    GROUP_ID = "discover"
    INPUT = "INPUT"
    AUTHCFG = "AUTHCFG"
    TIMEOUT = "TIMEOUT"
    OUTPUT = "OUTPUT"
    LAYER_COUNT = "LAYER_COUNT"
    SERVICE = "SERVICE"

    def name(self):
        return "service_layers"

    def displayName(self):
        return tr("Layers of a WMS or WFS service")

    def shortHelpString(self):
        return tr(
            "Lists the layers of a WMS (1.0 to 1.3.0) or the feature types of a WFS (1.0, "
            "1.1, 2.0) from its capabilities document.\n\n"
            "Capabilities (INPUT): a file path, or the full http(s) GetCapabilities URL "
            "(with SERVICE=WMS or SERVICE=WFS and REQUEST=GetCapabilities).\n"
            "Authentication (AUTHCFG, optional): the QGIS authentication configuration used "
            "to fetch a URL.\n"
            "Timeout (TIMEOUT): seconds to wait for the server.\n\n"
            "Output table (OUTPUT, no geometry), one row per layer: service (WMS or WFS), "
            "version, name (empty for a WMS group layer that cannot be requested), title, "
            "abstract, parent (title of the enclosing WMS layer), crs (codes separated by "
            "spaces, inherited ones included), formats, styles, keywords, metadata_urls, "
            "bbox_wgs84 (west,south,east,north), service_title, named, depth (WMS nesting), "
            "transaction (the WFS accepts edits: WFS-T), contact_organisation, "
            "contact_individual, contact_email, contact_role (ISO code) and contact_role_raw "
            "(the free-text ows:Role of WFS capabilities).\n\n"
            "Capabilities that cannot be used (an exception report, an HTML page, a "
            "malformed or hostile document, a missing mandatory element) stop the algorithm "
            "with the reason.")

    def createInstance(self):
        return ServiceLayersAlgorithm()

    def initAlgorithm(self, config=None):
        add_document_parameters(self, tr("Capabilities document (file path or URL)"))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Service layers"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber(self.LAYER_COUNT, tr("Number of layers")))
        self.addOutput(QgsProcessingOutputString(self.SERVICE, tr("Service type")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..catalogue import documents

        service = read_document(self, parameters, context, feedback, documents.read_service,
                                tr("No capabilities document was given."))
        if service is None:
            return {}
        if service.service not in ("WMS", "WFS"):
            raise QgsProcessingException(tr(
                "This is a {service} service, not a WMS or a WFS.").format(
                    service=service.service))
        fields = layer_fields()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        contact = service.contact
        for layer in service.layers:
            feature = QgsFeature(fields)
            bbox = ",".join(f"{value:.6f}" for value in layer.bbox_wgs84) \
                if layer.bbox_wgs84 else ""
            feature.setAttributes([
                service.service, service.version, layer.name, layer.title, layer.abstract,
                layer.parent, " ".join(layer.crs), " ".join(layer.formats),
                " ".join(layer.styles), ", ".join(layer.keywords),
                " ".join(link.url for link in layer.metadata_urls), bbox, service.title,
                layer.named, layer.depth, service.transaction,
                contact.organisation if contact else "", contact.individual if contact else "",
                contact.email if contact else "", (contact.role or "") if contact else "",
                contact.role_raw if contact else ""])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        feedback.pushInfo(tr("{count} layers in {service} {version} capabilities.").format(
            count=len(service.layers), service=service.service, version=service.version))
        return {self.OUTPUT: dest_id, self.LAYER_COUNT: len(service.layers),
                self.SERVICE: service.service}
