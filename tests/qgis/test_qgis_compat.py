"""plugin/bridge/qgis_compat.py on the QGIS it runs on (3.22, 3.40 and 3.44 in `make test`),
and the QGIS 4 readiness filter: on 3.44 a deprecated QGIS call made from GeoGov's own
modules fails the test (tests/support/deprecations.py)."""

from __future__ import annotations

import warnings

import pytest
from qgis.core import (
    Qgis,
    QgsField,
    QgsLayout,
    QgsLayoutItemLabel,
    QgsPalLayerSettings,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMetaType, QVariant
from qgis.PyQt.QtGui import QColor, QFont

from geogov.plugin.bridge.features import field_type
from geogov.plugin.bridge.qgis_compat import (
    FIELDS_USE_QMETATYPE,
    FieldType,
    label_over_point,
    set_label_text_style,
)
from geogov.plugin.proposals.model import BINARY, BOOLEAN, DATE, DATETIME, INTEGER, REAL, STRING
from geogov.tests.support import deprecations

DEPRECATING_QGIS = Qgis.QGIS_VERSION_INT >= 33800


@pytest.mark.parametrize("name, kind, core", [
    ("STRING", FieldType.STRING, STRING), ("INT", FieldType.INT, INTEGER),
    ("LONG", FieldType.LONG, INTEGER), ("DOUBLE", FieldType.DOUBLE, REAL),
    ("BOOL", FieldType.BOOL, BOOLEAN), ("DATE", FieldType.DATE, DATE),
    ("DATETIME", FieldType.DATETIME, DATETIME), ("BYTES", FieldType.BYTES, BINARY)])
def test_a_field_made_with_a_field_type_reads_back_as_that_type(name, kind, core):
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)     # on every version, not only 3.44
        field = QgsField("f", kind)
    assert field.type() == kind, name
    assert field_type(field) == core


def test_memory_layer_fields_keep_their_types():
    layer = QgsVectorLayer("Point?crs=EPSG:2154", "types", "memory")
    fields = [QgsField("s", FieldType.STRING), QgsField("i", FieldType.LONG),
              QgsField("d", FieldType.DATE), QgsField("b", FieldType.BOOL)]
    assert layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    assert [f.type() for f in layer.fields()] == [FieldType.STRING, FieldType.LONG, FieldType.DATE,
                                                  FieldType.BOOL]
    assert FieldType.LONG in FieldType.INTEGERS and FieldType.STRING not in FieldType.INTEGERS


def test_field_types_follow_the_qgis_version():
    assert FIELDS_USE_QMETATYPE == DEPRECATING_QGIS
    expected = QMetaType.Type if DEPRECATING_QGIS else QVariant.Type
    assert all(isinstance(kind, expected) for kind in (
        FieldType.STRING, FieldType.LONG, FieldType.DATE, FieldType.BYTES, FieldType.MAP))


def test_the_label_placement_is_accepted_by_this_qgis():
    settings = QgsPalLayerSettings()
    settings.placement = label_over_point()       # 3.40 raised TypeError for the old enum
    assert int(settings.placement) == int(label_over_point())


def test_a_layout_label_gets_its_font_and_colour():
    layout = QgsLayout(QgsProject.instance())
    item = QgsLayoutItemLabel(layout)
    font = QFont()
    font.setBold(True)
    font.setPointSizeF(13)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        set_label_text_style(item, font, QColor("#a40000"))
    if hasattr(item, "textFormat"):
        text = item.textFormat()
        assert text.size() == pytest.approx(13) and text.font().bold()
        assert text.color().name() == "#a40000"
    else:
        assert item.font().bold() and item.font().pointSizeF() == pytest.approx(13)
        assert item.fontColor().name() == "#a40000"


def _call_from(module: str, source: str) -> None:
    """Run ``source`` as if it were code of ``module`` (the warning's attributed module)."""
    exec(compile(source, f"<{module}>", "exec"), {"__name__": module})


DEPRECATED_CALL = "from qgis.core import QgsField\nfrom qgis.PyQt.QtCore import QVariant\n" \
                  "QgsField('f', QVariant.String)\n"


@pytest.mark.skipif(not (DEPRECATING_QGIS and deprecations.enabled()),
                    reason="deprecations are errors only with GEOGOV_DEPRECATIONS=error, on QGIS "
                           ">= 3.38 (where QgsField(name, QVariant.String) is deprecated): the "
                           "3.44 run of make test")
def test_a_deprecated_call_from_geogov_code_fails_and_from_elsewhere_does_not():
    with pytest.raises(DeprecationWarning, match="QgsField"):
        _call_from("geogov.plugin.bridge.some_module", DEPRECATED_CALL)
    with pytest.raises(DeprecationWarning):
        _call_from("geogov.ui.some_dialog", DEPRECATED_CALL)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.filterwarnings("error", category=DeprecationWarning, module=deprecations.OWN_MODULES)
        _call_from("geogov.tests.support.helpers", DEPRECATED_CALL)   # the tests' own: a warning
        _call_from("geogov_other_plugin", DEPRECATED_CALL)
    assert len([w for w in caught if issubclass(w.category, DeprecationWarning)]) == 2
