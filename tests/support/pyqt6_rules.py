"""The rules QGIS publishes for moving a plugin to QGIS 4 (Qt 6, PyQt6), as a static check.

QGIS ships ``scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py``, which rewrites a plugin for
QGIS 4 or warns where it cannot. No QGIS 4 build can run here, so the tests check that
GeoGov's code needs none of those rewrites and triggers none of those warnings:

========================  ================================================================
rule                      what QGIS 4 / PyQt6 needs instead
========================  ================================================================
pyqt5-import              ``from qgis.PyQt…`` (the script rewrites ``from PyQt5.…``)
qt-module-import          ``from qgis.PyQt.QtCore import Qt``, not ``from qgis.PyQt.Qt``
qvariant-type             ``QMetaType.Type.QString``…: ``QVariant.String``/``QVariant.Type.…``
                          do not exist in PyQt6 (see plugin/bridge/qgis_compat.py)
null-qvariant             ``NULL`` from qgis.core for ``QVariant()`` / ``QVariant(QVariant.X)``
qdatetime-args            ``QDateTime(QDate(…), QTime(…))``: the 8-integer form and
                          ``QDateTime(QDate(…))`` alone no longer work
qapp                      ``QApplication.instance()`` for ``qApp``
exec-underscore           ``exec()`` for ``exec_()`` (calls and method definitions)
fontmetrics-width         ``horizontalAdvance()``: ``QFontMetrics.width()`` is removed
activated-str             ``textActivated``/``activated``: ``activated[str]`` is removed
resources-rc              files loaded by path: compiled resources (``resources_rc``) are gone
qregexp                   ``QRegularExpression``: ``QRegExp`` is removed
qdesktopwidget            ``QScreen``: ``QApplication.desktop()`` is removed
addaction-args            ``QAction(…)`` then ``addAction(action)``: the 4+-argument form is
                          fragile
renamed-enum              ``Qt.MouseButton.MiddleButton``, ``Qt.ItemDataRole.ForegroundRole``,
                          ``Qt.ItemDataRole.BackgroundRole``, ``QPainter.RenderHint.Antialiasing``
unscoped-enum             ``Qt.AlignmentFlag.AlignLeft``, ``QgsLegendStyle.Style.Subgroup``:
                          PyQt6 enums are scoped (:func:`unscoped_enums`, needs PyQt5 to
                          look the enums up, so it runs in the qgis layer)
========================  ================================================================

Written from the rules of that script (QGIS's repository), not copied from it.
"""

from __future__ import annotations

import ast
import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

ROOT = Path(__file__).resolve().parents[2]

RENAMED_ENUMS = {("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
                 ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
                 ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole",
                 ("QPainter", "HighQualityAntialiasing"): "QPainter.RenderHint.Antialiasing"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: [{self.rule}] {self.message}"


def product_files() -> list:
    """What the plugin ships: its top __init__.py, plugin/ and ui/."""
    files = [ROOT / "__init__.py"]
    for folder in ("plugin", "ui"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return files


def _name(node) -> Optional[str]:
    return node.id if isinstance(node, ast.Name) else None


def static_findings(source: str, path: str = "<source>") -> list:
    """Every use in ``source`` of what the PyQt6 migration rules rewrite or warn about,
    except unscoped enums (:func:`unscoped_enums`)."""
    tree = ast.parse(source, filename=path)
    found = []

    def add(node, rule, message):
        found.append(Finding(path, node.lineno, rule, message))

    font_metrics_names = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                and _name(node.value.func) in ("QFontMetrics", "QFontMetricsF")):
            font_metrics_names.update(_name(t) for t in node.targets if _name(t))

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = {alias.name for alias in node.names}
            if module == "PyQt5" or module.startswith("PyQt5."):
                add(node, "pyqt5-import", f"from {module}: import from qgis.PyQt instead")
            if module == "qgis.PyQt.Qt":
                add(node, "qt-module-import", "from qgis.PyQt.Qt: import Qt from qgis.PyQt.QtCore")
            if "resources_rc" in names or module.endswith("resources_rc"):
                add(node, "resources-rc", "compiled resources are gone in Qt 6: load files by path")
            if "QRegExp" in names:
                add(node, "qregexp", "QRegExp is removed in Qt 6: QRegularExpression")
            if "qApp" in names:
                add(node, "qapp", "qApp is gone: QApplication.instance()")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "PyQt5" or alias.name.startswith("PyQt5."):
                    add(node, "pyqt5-import", f"import {alias.name}: import from qgis.PyQt instead")
                if alias.name.endswith("resources_rc"):
                    add(node, "resources-rc", "compiled resources are gone in Qt 6: load files by path")
        elif isinstance(node, ast.Attribute):
            owner = _name(node.value)
            if owner == "QVariant" and node.attr not in ("Type",):
                add(node, "qvariant-type", f"QVariant.{node.attr}: QMetaType.Type in QGIS 4")
            if owner == "QVariant" and node.attr == "Type":
                add(node, "qvariant-type", "QVariant.Type does not exist in PyQt6: QMetaType.Type")
            if owner == "qApp":
                add(node, "qapp", "qApp is gone: QApplication.instance()")
            if (owner, node.attr) in RENAMED_ENUMS:
                add(node, "renamed-enum", f"{owner}.{node.attr} is removed: "
                                          f"{RENAMED_ENUMS[(owner, node.attr)]}")
            if node.attr == "width" and (
                    owner in font_metrics_names
                    or (isinstance(node.value, ast.Call) and (
                        (isinstance(node.value.func, ast.Attribute) and node.value.func.attr == "fontMetrics")
                        or _name(node.value.func) in ("QFontMetrics", "QFontMetricsF")))):
                add(node, "fontmetrics-width", "QFontMetrics.width() is removed: horizontalAdvance()")
        elif isinstance(node, ast.Name) and node.id == "qApp" and isinstance(node.ctx, ast.Load):
            add(node, "qapp", "qApp is gone: QApplication.instance()")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "exec_":
            add(node, "exec-underscore", "def exec_: name it exec")
        elif isinstance(node, ast.Subscript):
            if (isinstance(node.value, ast.Attribute) and node.value.attr == "activated"
                    and _name(node.slice) == "str"):
                add(node, "activated-str", "activated[str] is removed: textActivated")

        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                if func.attr == "exec_":
                    add(node, "exec-underscore", "exec_() is gone: exec()")
                if func.attr == "addAction" and len(node.args) >= 4:
                    add(node, "addaction-args", "addAction with 4+ arguments: build the QAction first")
                if func.attr == "desktop" and not node.args:
                    add(node, "qdesktopwidget", "QDesktopWidget is removed: use QScreen")
            if _name(func) == "QVariant":
                if not node.args or (len(node.args) == 1 and isinstance(node.args[0], ast.Attribute)
                                     and _name(node.args[0].value) == "QVariant"):
                    add(node, "null-qvariant", "a null QVariant: NULL from qgis.core")
            if _name(func) == "QDateTime":
                if len(node.args) == 8:
                    add(node, "qdatetime-args", "QDateTime(8 integers): QDateTime(QDate(…), QTime(…), spec)")
                elif (len(node.args) == 1 and isinstance(node.args[0], ast.Call)
                      and _name(node.args[0].func) == "QDate"):
                    add(node, "qdatetime-args", "QDateTime(QDate(…)): QDateTime(QDate(…), QTime(0, 0, 0))")
    return sorted(found, key=lambda f: (f.line, f.rule))


def imported_classes(tree) -> dict:
    """{local name: (module, name)} of what ``from qgis…/PyQt… import`` brings in."""
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and (
                node.module.startswith("qgis.") or node.module.startswith("PyQt")):
            for alias in node.names:
                out[alias.asname or alias.name] = (node.module, alias.name)
    return out


def unscoped_enums(source: str, path: str, lookup: Callable[[str, str], object]) -> list:
    """``Class.Member`` where Member is a value of an enum declared inside Class, written
    without the enum's name (PyQt6 wants ``Class.Enum.Member``). ``lookup(module, name)``
    returns the imported class (PyQt5's or QGIS's, at run time)."""
    tree = ast.parse(source, filename=path)
    classes = imported_classes(tree)
    found = []
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and _name(node.value) in classes):
            continue
        if isinstance(parents.get(node), ast.Attribute):
            continue                     # Class.Enum.Member: the inner Class.Enum is fine
        owner = lookup(*classes[_name(node.value)])
        if owner is None or not isinstance(owner, type):
            continue
        try:
            value = getattr(owner, node.attr)
        except AttributeError:
            continue
        enum_type = type(value)
        if not (isinstance(value, enum.Enum) or type(enum_type).__name__ == "enumtype"):
            continue                     # not an enum value (sip's enums, or Python's)
        if enum_type is owner or enum_type.__name__ == node.attr:
            continue
        enum_name = enum_type.__name__
        where = f"{_name(node.value)}.{node.attr}"
        if getattr(owner, enum_name, None) is enum_type and hasattr(enum_type, node.attr):
            fix = f"{_name(node.value)}.{enum_name}.{node.attr}"
        elif isinstance(value, enum.Enum):
            # An alias QGIS keeps for an enum it moved (often to Qgis) and renamed the
            # members of: QgsCoordinateTransform.ReverseTransform is Qgis.TransformDirection.Reverse.
            fix = f"{enum_type.__qualname__}.{value.name}"
        else:
            fix = f"the {enum_name} enum"
        found.append(Finding(path, node.lineno, "unscoped-enum", f"{where}: {fix}"))
    return sorted(found, key=lambda f: f.line)


def relative(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def check_files(files: Iterable[Path], check) -> list:
    found = []
    for path in files:
        found += check(Path(path).read_text(encoding="utf-8"), relative(path))
    return found
