"""Processing algorithm geogov:catalogue_search — records of a catalogue as a layer of boxes.

The same search as the Catalogue dock (plugin/catalogue/search.py: accent variants,
word starts, honest paging) through QGIS's network stack (authcfg, proxy), headless.
"""

from __future__ import annotations

from dataclasses import replace

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from ..errors import GeoGovError
from .alg_common import GeoGovAlgorithm, add_network_parameters, error_message
from .i18n import tr
from .qgis_compat import FieldType

WGS84 = "EPSG:4326"
# Records asked per request while filling LIMIT (one GetRecords / items page each).
PAGE = 100
PRODUCER_ROLES = ("originator",)
CUSTODIAN_ROLES = ("custodian",)


def record_fields() -> QgsFields:
    fields = QgsFields()
    for name in ("identifier", "title", "producer", "custodian", "frequency"):
        fields.append(QgsField(name, FieldType.STRING))
    fields.append(QgsField("last_revision", FieldType.DATE))
    for name in ("wms", "wms_layer", "wfs", "wfs_typename", "catalogue"):
        fields.append(QgsField(name, FieldType.STRING))
    return fields


def _organisations(record, roles) -> str:
    names = []
    for party in record.parties_with_role(*roles):
        name = party.display_name
        if name and name not in names:
            names.append(name)
    return "; ".join(names)


def _frequency(record) -> str:
    maintenance = record.maintenance
    if maintenance is None:
        return ""
    return maintenance.frequency or maintenance.frequency_raw or maintenance.user_defined or ""


def _link(record, kind):
    links = record.links_of(kind)
    return (links[0].url, links[0].name) if links else ("", "")


def record_feature(record, fields: QgsFields, catalogue_url: str) -> QgsFeature:
    from ..catalogue.model import LINK_WFS, LINK_WMS

    feature = QgsFeature(fields)
    if record.bbox:
        west, south, east, north = record.bbox
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(west, south, east, north)))
    revision = record.last_revision
    wms, wms_layer = _link(record, LINK_WMS)
    wfs, wfs_typename = _link(record, LINK_WFS)
    feature.setAttributes([
        record.identifier, record.title, _organisations(record, PRODUCER_ROLES),
        _organisations(record, CUSTODIAN_ROLES), _frequency(record),
        QDate(revision.year, revision.month, revision.day) if revision else None,
        wms, wms_layer, wfs, wfs_typename, catalogue_url])
    return feature


def configured_connection(url_or_name: str):
    """The connection of GeoGov's settings with this URL or name, else None."""
    from .settings import load

    wanted = url_or_name.strip().rstrip("/")
    for connection in load().catalogues:
        if connection.name == url_or_name.strip() or connection.url.rstrip("/") == wanted:
            return connection
    return None


class CatalogueSearchAlgorithm(GeoGovAlgorithm):
    GROUP_ID = "discover"
    CATALOGUE = "CATALOGUE"
    QUERY = "QUERY"
    ORGANISATION = "ORGANISATION"
    KEYWORD = "KEYWORD"
    BBOX = "BBOX"
    LIMIT = "LIMIT"
    AUTHCFG = "AUTHCFG"
    TIMEOUT = "TIMEOUT"
    OUTPUT = "OUTPUT"
    RECORD_COUNT = "RECORD_COUNT"
    MATCHED = "MATCHED"

    def name(self):
        return "catalogue_search"

    def displayName(self):
        return tr("Search a metadata catalogue")

    def shortHelpString(self):
        return tr(
            "Searches a CSW (2.0.2 or 3.0) or OGC API Records catalogue and returns the "
            "records found as a layer of their bounding boxes.\n\n"
            "Catalogue (CATALOGUE): the address of the catalogue (CSW endpoint, OGC API "
            "landing page or records collection), or the name of a catalogue connection of "
            "GeoGov's settings. The kind of catalogue is detected from its answer.\n"
            "Text (QUERY, optional): words that must all appear (at the start of a word, "
            "accents and capitals ignored: velo finds Vélo) and \"quoted phrases\".\n"
            "Organisation (ORGANISATION, optional): a producer, custodian, owner or contact "
            "of the record.\n"
            "Keyword (KEYWORD, optional): a keyword of the record.\n"
            "Extent (BBOX, optional): records whose box intersects it (reprojected to "
            "WGS 84; an extent covering the whole world is ignored).\n"
            "Limit (LIMIT): the largest number of records returned.\n"
            "Authentication (AUTHCFG, optional) and timeout (TIMEOUT): for the requests.\n\n"
            "Output layer (OUTPUT, polygons in EPSG:4326; a record without a box has no "
            "geometry): identifier, title, producer (originators), custodian, frequency "
            "(ISO maintenance frequency), last_revision (the latest of the revision, "
            "publication and creation dates of the record's resource citation, the date as "
            "the record writes it: a time or time zone never moves it to another day), wms "
            "and wms_layer, wfs and wfs_typename (the record's service links), catalogue.\n"
            "The log says what the server could not do itself (accents, whole words, "
            "sorting, page size).")

    def createInstance(self):
        return CatalogueSearchAlgorithm()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.CATALOGUE, tr("Catalogue (address or connection name)")))
        self.addParameter(QgsProcessingParameterString(
            self.QUERY, tr("Text"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ORGANISATION, tr("Organisation"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.KEYWORD, tr("Keyword"), optional=True))
        self.addParameter(QgsProcessingParameterExtent(
            self.BBOX, tr("Extent"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.LIMIT, tr("Largest number of records"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=100, minValue=1))
        add_network_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Catalogue records"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.RECORD_COUNT, tr("Number of records")))
        self.addOutput(QgsProcessingOutputNumber(
            self.MATCHED, tr("Number of records the server matched")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..catalogue.connections import detect_catalogue
        from ..catalogue.model import SearchQuery
        from ..catalogue.search import open_catalogue
        from .messages.catalogue import note_text
        from .network import QgisTransport

        location = self.parameterAsString(parameters, self.CATALOGUE, context).strip()
        if not location:
            raise QgsProcessingException(tr("No catalogue was given."))
        limit = self.parameterAsInt(parameters, self.LIMIT, context)
        timeout = self.parameterAsDouble(parameters, self.TIMEOUT, context)
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        bbox = None
        if parameters.get(self.BBOX) not in (None, ""):
            extent = self.parameterAsExtent(parameters, self.BBOX, context,
                                            QgsCoordinateReferenceSystem(WGS84))
            if not extent.isNull() and not extent.isEmpty():
                bbox = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                        extent.yMaximum())
        query = SearchQuery(text=self.parameterAsString(parameters, self.QUERY, context),
                            organisation=self.parameterAsString(parameters, self.ORGANISATION,
                                                                context),
                            keyword=self.parameterAsString(parameters, self.KEYWORD, context),
                            bbox=bbox)
        fields = record_fields()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.Type.Polygon,
                                             QgsCoordinateReferenceSystem(WGS84))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        count, matched, notes = 0, None, []
        try:
            connection = configured_connection(location)
            transport = QgisTransport(authcfg or (connection.authcfg if connection else ""),
                                      feedback)
            if connection is None:
                connection = detect_catalogue(location, transport=transport, timeout=timeout,
                                              is_cancelled=feedback.isCanceled).connection()
            catalogue = open_catalogue(connection, transport=transport, timeout=timeout)
            start = 0
            while count < limit and start is not None and not feedback.isCanceled():
                page_query = replace(query, start=start, limit=min(PAGE, limit - count))
                result = catalogue.search(page_query, is_cancelled=feedback.isCanceled)
                matched = result.matched if matched is None else matched
                for note in result.notes:
                    if note not in notes:
                        notes.append(note)
                for record in result.records[:limit - count]:
                    sink.addFeature(record_feature(record, fields, connection.url),
                                    QgsFeatureSink.Flag.FastInsert)
                    count += 1
                start = result.next_start
                if matched:
                    feedback.setProgress(min(100.0, 100.0 * count / min(limit, matched)))
        except GeoGovError as exc:
            if feedback.isCanceled():
                return {}
            raise QgsProcessingException(error_message(exc)) from None
        for note in notes:
            feedback.pushInfo(note_text(note))
        feedback.pushInfo(tr("{count} records from {url} (the server matched {matched}).")
                          .format(count=count, url=connection.url,
                                  matched=matched if matched is not None else "?"))
        return {self.OUTPUT: dest_id, self.RECORD_COUNT: count,
                self.MATCHED: matched if matched is not None else -1}
