"""The few QGIS APIs that changed between QGIS 3.22 and 3.44 (and that QGIS 4 removes).

One place for them, so that the rest of the bridge writes one spelling:

- **Field types**: QGIS 3.38 moved QgsField to ``QMetaType.Type``; from then on
  ``QgsField(name, QVariant.String)`` raises a DeprecationWarning and QGIS 4 (Qt 6) has no
  ``QVariant.Type`` at all, while QGIS before 3.38 only takes ``QVariant.Type``.
  :class:`FieldType` holds the right member for the running QGIS, and ``QgsField.type()``
  returns a member of the same enum, so comparisons and dictionary keys built from
  :class:`FieldType` hold on every version.
- **Label placement**: ``Qgis.LabelPlacement`` from QGIS 3.26; QGIS 3.40 refuses anything
  else for ``QgsPalLayerSettings.placement`` (a TypeError), 3.22 only has
  ``QgsPalLayerSettings.Placement``.
- **Layout text styles**: ``QgsLayoutItemLabel.setTextFormat`` from QGIS 3.24 and
  ``QgsLegendStyle.setTextFormat`` from 3.30; the font setters they replace
  (``setFont``/``setFontColor``, ``QgsLayoutItemLegend.setStyleFont``) are deprecated in 3.44.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsPalLayerSettings, QgsTextFormat
from qgis.PyQt.QtCore import QMetaType, QVariant

QGIS_VERSION_INT = Qgis.QGIS_VERSION_INT
FIELDS_USE_QMETATYPE = QGIS_VERSION_INT >= 33800


class FieldType:
    """QgsField types of the running QGIS (``QMetaType.Type`` from 3.38, else ``QVariant.Type``)."""

    if FIELDS_USE_QMETATYPE:
        STRING = QMetaType.Type.QString
        CHAR = QMetaType.Type.QChar
        INT = QMetaType.Type.Int
        UINT = QMetaType.Type.UInt
        LONG = QMetaType.Type.LongLong
        ULONG = QMetaType.Type.ULongLong
        DOUBLE = QMetaType.Type.Double
        BOOL = QMetaType.Type.Bool
        DATE = QMetaType.Type.QDate
        TIME = QMetaType.Type.QTime
        DATETIME = QMetaType.Type.QDateTime
        BYTES = QMetaType.Type.QByteArray
        STRING_LIST = QMetaType.Type.QStringList
        LIST = QMetaType.Type.QVariantList
        MAP = QMetaType.Type.QVariantMap
    else:
        STRING = QVariant.Type.String
        CHAR = QVariant.Type.Char
        INT = QVariant.Type.Int
        UINT = QVariant.Type.UInt
        LONG = QVariant.Type.LongLong
        ULONG = QVariant.Type.ULongLong
        DOUBLE = QVariant.Type.Double
        BOOL = QVariant.Type.Bool
        DATE = QVariant.Type.Date
        TIME = QVariant.Type.Time
        DATETIME = QVariant.Type.DateTime
        BYTES = QVariant.Type.ByteArray
        STRING_LIST = QVariant.Type.StringList
        LIST = QVariant.Type.List
        MAP = QVariant.Type.Map

    INTEGERS = (INT, UINT, LONG, ULONG)


def label_over_point():
    """The "over the point" (centroid for polygons) placement of QgsPalLayerSettings."""
    if hasattr(Qgis, "LabelPlacement"):
        return Qgis.LabelPlacement.OverPoint
    return QgsPalLayerSettings.Placement.OverPoint


def set_label_text_style(item, font, colour) -> None:
    """Font and colour of a QgsLayoutItemLabel, through its text format where it has one."""
    if hasattr(item, "setTextFormat"):
        text = QgsTextFormat.fromQFont(font)
        text.setColor(colour)
        item.setTextFormat(text)
    else:
        item.setFont(font)
        item.setFontColor(colour)


def set_legend_style_font(legend, style, font) -> None:
    """The font of one style (``QgsLegendStyle.Style``) of a QgsLayoutItemLegend."""
    legend_style = legend.rstyle(style)
    if hasattr(legend_style, "setTextFormat"):
        text = QgsTextFormat.fromQFont(font)
        text.setColor(legend_style.textFormat().color())
        legend_style.setTextFormat(text)
    else:
        legend.setStyleFont(style, font)
