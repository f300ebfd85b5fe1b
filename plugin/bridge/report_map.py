"""The map of the governance report: the region's départements coloured by lateness.

Geometry: the convention's territory reference (plugin/territories): each département
covered by it, drawn as the union of its communes, in the reference's CRS.

Colour of a département: the partners *anchored* there — whose territory in the
convention holds communes of it (the Région, an EPT, a département council…) — and the
datasets they produce or maintain, and the contract deliveries they owe:

- red: at least one of those datasets is late, or a delivery is overdue;
- green: none late, and at least one has a known, kept update date;
- grey: no update date is known for any of them (or no partner is anchored there).

Partners competent everywhere (no territory) are left out: they would colour the whole
region the same; their datasets are in the report's tables.
"""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFillSymbol,
    QgsGeometry,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..governance.frequency import LATE, UNKNOWN, UP_TO_DATE
from ..territories.departements import departement_name
from .qgis_compat import FieldType, label_over_point

COLOURS = {UP_TO_DATE: "#81c784", LATE: "#e57373", UNKNOWN: "#d6d6d6"}


def covered_departements(report) -> list:
    """The départements of the report's territory reference, in code order."""
    reference = report.reference
    return reference.covered_departements() if reference is not None else []


def anchored_partners(report) -> dict:
    """{département code: [PartnerSection]} of partners whose territory reaches it."""
    out = {code: [] for code in covered_departements(report)}
    for section in report.partners:
        for code in section.departements_reached:
            if code in out:
                out[code].append(section)
    return out


def departement_status(sections) -> tuple:
    """(status, number of late datasets and overdue deliveries) of a département."""
    late, known = set(), False
    for section in sections:
        for line in section.produced + section.maintained:
            if line.status == LATE:
                late.add(("dataset", line.dataset_id))
            elif line.status == UP_TO_DATE:
                known = True
        for delivery in section.deliveries_owed:
            if delivery.status == LATE:
                late.add(("delivery", delivery.obligation_id))
            elif delivery.status == UP_TO_DATE:
                known = True
    if late:
        return LATE, len(late)
    return (UP_TO_DATE if known else UNKNOWN), 0


def departement_rows(report, tr) -> list:
    """[(code, name, partner names, status, late count)] in code order, for the table."""
    anchored = anchored_partners(report)
    rows = []
    for code in covered_departements(report):
        sections = anchored.get(code, [])
        status, late = departement_status(sections)
        rows.append((code, departement_name(code), [s.name for s in sections], status, late))
    return rows


def territories_layer(report, tr, wrap_label=None) -> QgsVectorLayer:
    """A styled memory layer (the reference's CRS): one feature per département, with labels.

    ``wrap_label(text)`` may cut the legend labels into lines.
    """
    layer = QgsVectorLayer("MultiPolygon", tr("Partner territories"), "memory")
    if report.reference is not None:
        layer.setCrs(QgsCoordinateReferenceSystem.fromWkt(report.reference.crs_wkt))
    provider = layer.dataProvider()
    provider.addAttributes([QgsField("code", FieldType.STRING), QgsField("nom", FieldType.STRING),
                            QgsField("status", FieldType.STRING),
                            QgsField("partners", FieldType.INT), QgsField("late", FieldType.INT),
                            QgsField("label", FieldType.STRING)])
    layer.updateFields()
    anchored = anchored_partners(report)
    features = []
    for code in covered_departements(report):
        blob = report.reference.departement_geometry(code)
        if blob is None:
            continue
        sections = anchored.get(code, [])
        status, late = departement_status(sections)
        name = departement_name(code)
        # The four inner départements are a few millimetres wide on an A4 map of the
        # region: the map shows codes, the table under it names them.
        label = code
        feature = QgsFeature(layer.fields())
        geometry = QgsGeometry()
        geometry.fromWkb(blob)
        feature.setGeometry(geometry)
        feature.setAttributes([code, name, status, len(sections), late, label])
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    _style(layer, tr, wrap_label or (lambda text: text))
    return layer


def legend_labels(tr) -> dict:
    return {
        UP_TO_DATE: tr("Partners' data up to date"),
        LATE: tr("At least one dataset or delivery late"),
        UNKNOWN: tr("No known update date"),
    }


def _style(layer, tr, wrap_label) -> None:
    labels = {k: wrap_label(v) for k, v in legend_labels(tr).items()}
    categories = []
    for status in (UP_TO_DATE, LATE, UNKNOWN):
        symbol = QgsFillSymbol.createSimple({"color": COLOURS[status], "outline_color": "#ffffff",
                                             "outline_width": "0.5"})
        categories.append(QgsRendererCategory(status, symbol, labels[status]))
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
    settings = QgsPalLayerSettings()
    settings.fieldName = "label"
    settings.placement = label_over_point()
    settings.centroidInside = True
    text = QgsTextFormat()
    font = QFont()
    font.setBold(True)
    text.setFont(font)
    text.setSize(9)
    text.setColor(QColor("#1a1a1a"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("#ffffff"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    # Every label is shown, even where the small inner départements crowd each other.
    settings.displayAll = True
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
