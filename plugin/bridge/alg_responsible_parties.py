"""Processing algorithm geogov:responsible_parties — who is responsible for what, as a table."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from .alg_common import (
    GeoGovAlgorithm,
    add_document_parameters,
    error_message,  # noqa: F401 (kept importable from here)
    read_document,
)
from .i18n import tr
from .qgis_compat import FieldType

COLUMNS = ("record_id", "record_title", "context", "role", "role_raw", "role_status",
           "organisation", "individual", "position", "email", "phone", "url", "href")


def party_fields() -> QgsFields:
    fields = QgsFields()
    for name in COLUMNS:
        fields.append(QgsField(name, FieldType.STRING))
    return fields


class ResponsiblePartiesAlgorithm(GeoGovAlgorithm):
    GROUP_ID = "discover"
    INPUT = "INPUT"
    AUTHCFG = "AUTHCFG"
    TIMEOUT = "TIMEOUT"
    OUTPUT = "OUTPUT"
    RECORD_COUNT = "RECORD_COUNT"
    PARTY_COUNT = "PARTY_COUNT"

    def name(self):
        return "responsible_parties"

    def displayName(self):
        return tr("Responsible parties of metadata records")

    def shortHelpString(self):
        return tr(
            "Lists every responsible party of every record in a metadata document, one row "
            "per party and context.\n\n"
            "Input document (INPUT): a file path or an http(s) URL of an ISO 19139 record "
            "(also ISO 19115-2), a CSW GetRecords or GetRecordById response (ISO 19139, "
            "ISO 19115-3, Dublin Core or DCAT records), an ISO 19115-3 record, or an OGC API "
            "Records item or items collection (JSON).\n"
            "Authentication (AUTHCFG, optional): the QGIS authentication configuration used "
            "to fetch a URL.\n"
            "Timeout (TIMEOUT): seconds to wait for the server.\n\n"
            "Output table (OUTPUT, no geometry): record_id, record_title, context "
            "(metadata_contact, resource_contact, cited_party, distributor, "
            "maintenance_contact, associated_party, catalogue_producer, ogcapi_contact, "
            "dc_party), role (the ISO 19115 CI_RoleCode, empty when the document's role is "
            "not one), role_raw (the role exactly as written), role_status (iso19139, "
            "iso19115-1, nonstandard, empty or missing: anything but iso19139 deserves a "
            "look), organisation, individual, position, email, phone, url, href (a party "
            "given only by reference).\n\n"
            "A document that cannot be used (not a metadata document, malformed, hostile, "
            "an error from the server) stops the algorithm with the reason.")

    def createInstance(self):
        return ResponsiblePartiesAlgorithm()

    def initAlgorithm(self, config=None):
        add_document_parameters(self, tr("Metadata document (file path or URL)"))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Responsible parties"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber(self.RECORD_COUNT, tr("Number of records")))
        self.addOutput(QgsProcessingOutputNumber(self.PARTY_COUNT, tr("Number of parties")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..catalogue import documents

        records = read_document(self, parameters, context, feedback, documents.read_metadata,
                                tr("No metadata document was given."))
        if records is None:
            return {}
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, party_fields(),
                                             QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        count = 0
        for record in records:
            for party in record.parties:
                feature = QgsFeature(party_fields())
                feature.setAttributes([
                    record.identifier, record.title, party.context, party.role or "",
                    party.role_raw, party.role_status, party.organisation, party.individual,
                    party.position, party.email, party.phone, party.url, party.href])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
                count += 1
        feedback.pushInfo(tr("{parties} responsible parties in {records} records.").format(
            parties=count, records=len(records)))
        return {self.OUTPUT: dest_id, self.RECORD_COUNT: len(records), self.PARTY_COUNT: count}
