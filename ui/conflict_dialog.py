"""The 3-way conflict dialog (Kart's model): base / in the data now / proposed / merged.

Opened when an apply found that the authoritative data changed since the proposal was
made (plugin/publishing/conflicts.py). One line per conflicted feature on the left; on
the right its fields (and geometry) changed on either side, with the value of the base,
of the data now and of the proposal, and the **merged** value that the rebased proposal
will write. Clicking a cell of the *In the data now* or *Proposed* column (or *Base*: go
back to it) picks that value; double-clicking the merged cell types another one (WKT for
the geometry). Fields changed on one side only are filled automatically (that side wins,
as the rebase does); fields changed on both sides need a choice. A feature deleted in the
data, or one the proposal deletes, is decided as a whole. "Keep the data's value
everywhere" / "Take the proposed value everywhere" settle every open choice at once.

:meth:`ConflictDialog.choices` gives the ``choices`` of :func:`conflicts.rebase`; the
dock runs the rebase in a task, and the rebased proposal goes back to review.
"""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsUnitTypes, QgsWkbTypes
from qgis.PyQt.QtCore import QLocale, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..plugin.bridge.diff_layers import geometry_of
from ..plugin.bridge.i18n import tr
from ..plugin.bridge.messages.proposals import feature_label, type_label
from ..plugin.proposals.fingerprint import WrongValueType, coerce_value, same_value
from ..plugin.proposals.model import DELETE
from ..plugin.publishing.conflicts import CURRENT, DELETED, GEOMETRY, PROPOSED, Edited
from .propose_changes import value_text
from .window_memory import remember_geometry

BASE = "base"
FIELD_COLUMN, BASE_COLUMN, CURRENT_COLUMN, PROPOSED_COLUMN, MERGED_COLUMN = range(5)
SIDE_OF_COLUMN = {BASE_COLUMN: BASE, CURRENT_COLUMN: CURRENT, PROPOSED_COLUMN: PROPOSED}
COLOURS = {CURRENT: "#d6e6f5", PROPOSED: "#d7efd7", BASE: "#e8e8e8", "edited": "#fff1b8",
           "open": "#f6cccc"}


def geometry_text(blob, crs: str = "") -> str:
    """A geometry in a few words a reviewer can compare: a point's coordinates, a line's
    length, an area's size, with the centre of lines and areas (moved or reshaped shows)."""
    if blob is None:
        return tr("(no geometry)")
    geometry = geometry_of(blob)
    if geometry.isNull():
        return tr("(unreadable geometry)")
    metres = bool(crs) and \
        QgsCoordinateReferenceSystem(crs).mapUnits() == QgsUnitTypes.DistanceUnit.DistanceMeters
    decimals = 1 if metres or not crs else 6
    centre = geometry.centroid().asPoint()
    number = QLocale()          # QGIS sets the default locale to the user's: "1 789,2" in French
    where = "{x} ; {y}".format(x=number.toString(centre.x(), "f", decimals),
                               y=number.toString(centre.y(), "f", decimals))
    kind = geometry.type()
    if kind == QgsWkbTypes.GeometryType.PointGeometry:
        return where
    if kind == QgsWkbTypes.GeometryType.LineGeometry:
        if metres:
            length = number.toString(geometry.length(), "f", 1)
            return tr("line of {length} m, centre {where}").format(length=length, where=where)
        return tr("line, centre {where}").format(where=where)
    if metres:
        area = number.toString(geometry.area(), "f", 0)
        return tr("area of {area} m², centre {where}").format(area=area, where=where)
    return tr("area, centre {where}").format(where=where)


def geometry_tooltip(blob) -> str:
    if blob is None:
        return ""
    text = geometry_of(blob).asWkt(1)
    return text if len(text) <= 400 else text[:399] + "…"


def whole_only(conflict) -> bool:
    """Decided for the whole feature: deleted in the data, or deleted by the proposal."""
    return conflict.kind == DELETED or conflict.op == DELETE


class ConflictDialog(QDialog):
    def __init__(self, conflicts, schema, title: str = "", parent=None):
        super().__init__(parent)
        remember_geometry(self, "GeoGovConflictDialog")
        self.setWindowTitle(tr("Resolve the conflicts — {title}").format(title=title or tr("proposal")))
        self.conflicts = list(conflicts)
        self.schema = schema
        self._filling = False
        # per conflict: {field: CURRENT | PROPOSED | Edited} (explicit picks), or the whole choice
        self.picks = [{} for _ in self.conflicts]
        self.whole = [None for _ in self.conflicts]
        self.invalid = [{} for _ in self.conflicts]      # {field: message} of typed values refused
        intro = QLabel(tr("The authoritative data changed since this proposal was made. For each field "
                          "changed on both sides, click the value to keep in the “In the data now” or "
                          "“Proposed” column, or double-click the “Merged” cell to type another value. "
                          "Fields changed on one side only keep that side's value. The rebased proposal "
                          "goes back to review and needs approval again."))
        intro.setWordWrap(True)
        self.features = QListWidget()
        self.features.setMaximumHeight(140)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([tr("Field"), tr("Base"), tr("In the data now"), tr("Proposed"),
                                              tr("Merged")])
        for column, tip in ((BASE_COLUMN, tr("The value when the proposal was made")),
                            (CURRENT_COLUMN, tr("The value in the authoritative data now")),
                            (PROPOSED_COLUMN, tr("The value the proposal writes")),
                            (MERGED_COLUMN, tr("The value the rebased proposal will write"))):
            self.table.horizontalHeaderItem(column).setToolTip(tip)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FIELD_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.kind_label = QLabel()
        self.kind_label.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.kind_label)
        right_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.features)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([90, 360])
        self.current_all = QPushButton(tr("Keep the data's value everywhere"))
        self.proposed_all = QPushButton(tr("Take the proposed value everywhere"))
        tip = tr("Settles every choice still open; fields changed on one side only keep that side's value.")
        self.current_all.setToolTip(tip)
        self.proposed_all.setToolTip(tip)
        row = QHBoxLayout()
        row.addWidget(self.current_all)
        row.addWidget(self.proposed_all)
        row.addStretch(1)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(tr("A comment for the reviewers: what you chose and why"))
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #b26a00;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Rebase the proposal"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)
        layout.addWidget(self.comment)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(1000, 560)
        for conflict in self.conflicts:
            QListWidgetItem(feature_label(conflict.key, conflict.op), self.features)
        self.features.currentRowChanged.connect(self._fill)
        self.table.cellClicked.connect(self._clicked)
        self.table.itemChanged.connect(self._typed)
        self.current_all.clicked.connect(lambda: self.settle_all(CURRENT))
        self.proposed_all.clicked.connect(lambda: self.settle_all(PROPOSED))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if self.conflicts:
            self.features.setCurrentRow(0)
        self._update()

    # ------------------------------------------------------------------ model
    def _field_type(self, name: str) -> str:
        found = self.schema.field(name) if self.schema is not None else None
        return found.type if found is not None else "string"

    def automatic(self, index: int, name: str):
        """The side a field changed on one side only takes (None: changed on both: open)."""
        conflict = self.conflicts[index]
        if name in conflict.both:
            return None
        base, current, _proposed = conflict.fields[name]
        if name == GEOMETRY:
            same = base == current
        else:
            same = same_value(base, current, self._field_type(name))
        return PROPOSED if same else CURRENT

    def pick_of(self, index: int, name: str):
        return self.picks[index].get(name) or self.automatic(index, name)

    def choose(self, index: int, name: str, side: str) -> None:
        """Pick ``side`` (current, proposed, base) for a field of a conflict."""
        conflict = self.conflicts[index]
        if whole_only(conflict):
            if side in (CURRENT, PROPOSED):
                self.whole[index] = side
        elif side == BASE:
            self.picks[index][name] = Edited(conflict.fields[name][0])
        else:
            self.picks[index][name] = side
        self.invalid[index].pop(name, None)
        self._refresh(index)

    def type_value(self, index: int, name: str, text: str) -> bool:
        """A value typed in the merged column; False (and the reason shown) when refused."""
        text = (text or "").strip()
        try:
            if name == GEOMETRY:
                geometry = QgsGeometry.fromWkt(text)
                if geometry.isNull():
                    raise WrongValueType(f"not WKT: {text}", value=text, type="geometry")
                value = bytes(geometry.asWkb())
            else:
                kind = self._field_type(name)
                value = None if text == "" else coerce_value(text, kind)
        except WrongValueType:
            kind = tr("geometry (WKT)") if name == GEOMETRY else type_label(self._field_type(name))
            self.invalid[index][name] = tr("“{text}” is not a valid {type}.").format(text=text, type=kind)
            self.picks[index].pop(name, None)
            self._refresh(index)
            return False
        self.invalid[index].pop(name, None)
        self.picks[index][name] = Edited(value)
        self._refresh(index)
        return True

    def settle_all(self, side: str) -> None:
        for index, conflict in enumerate(self.conflicts):
            if whole_only(conflict):
                if self.whole[index] is None:
                    self.whole[index] = side
                continue
            for name in conflict.both:
                if name not in self.picks[index] or name in self.invalid[index]:
                    self.picks[index][name] = side
                    self.invalid[index].pop(name, None)
        self._refresh(self.features.currentRow())

    def unresolved(self) -> list:
        """[(feature label, [field names])] still to decide."""
        out = []
        for index, conflict in enumerate(self.conflicts):
            if whole_only(conflict):
                if self.whole[index] is None:
                    out.append((feature_label(conflict.key, conflict.op), [tr("the whole feature")]))
                continue
            names = [n for n in conflict.fields if self.pick_of(index, n) is None or n in self.invalid[index]]
            if names:
                out.append((feature_label(conflict.key, conflict.op),
                            [tr("geometry") if n == GEOMETRY else n for n in names]))
        return out

    def choices(self) -> dict:
        """``{key: "current" | "proposed" | {field: "current" | "proposed" | Edited}}``."""
        out = {}
        for index, conflict in enumerate(self.conflicts):
            if whole_only(conflict):
                out[conflict.key] = self.whole[index]
            else:
                out[conflict.key] = {n: self.pick_of(index, n) for n in conflict.fields}
        return out

    def rebase_comment(self) -> str:
        return self.comment.text().strip()

    # ------------------------------------------------------------------ view
    def _text(self, name, value) -> str:
        if name == GEOMETRY:
            return geometry_text(value, self.schema.crs if self.schema is not None else "")
        return value_text(value)

    def _fill(self, index: int) -> None:
        self._filling = True
        try:
            self.table.setRowCount(0)
            if index < 0 or index >= len(self.conflicts):
                self.kind_label.setText("")
                return
            conflict = self.conflicts[index]
            self.kind_label.setText(self._kind_text(conflict))
            names = list(conflict.fields)
            self.table.setRowCount(len(names))
            for row, name in enumerate(names):
                base, current, proposed = conflict.fields[name]
                label = QTableWidgetItem(tr("Geometry") if name == GEOMETRY else name)
                label.setFlags(Qt.ItemFlag.ItemIsEnabled)
                label.setData(Qt.ItemDataRole.UserRole, name)
                if name in conflict.both:
                    font = QFont()
                    font.setBold(True)
                    label.setFont(font)
                    label.setToolTip(tr("Changed on both sides: choose the value to keep."))
                self.table.setItem(row, FIELD_COLUMN, label)
                for column, value in ((BASE_COLUMN, base), (CURRENT_COLUMN, current),
                                      (PROPOSED_COLUMN, proposed)):
                    item = QTableWidgetItem(self._text(name, value))
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    tip = tr("Click to keep this value")
                    if name == GEOMETRY and value is not None:
                        tip += "\n" + geometry_tooltip(value)
                    item.setToolTip(tip)
                    self.table.setItem(row, column, item)
                self.table.setItem(row, MERGED_COLUMN, QTableWidgetItem())
        finally:
            self._filling = False
        self._refresh(index)
        self.table.resizeRowsToContents()

    def _kind_text(self, conflict) -> str:
        if conflict.kind == DELETED:
            return tr("This feature was deleted from the data since the proposal was made. Click “In the "
                      "data now” to leave it deleted, or “Proposed” to create it again as proposed.")
        if conflict.op == DELETE:
            return tr("The proposal deletes this feature, which was changed in the data meanwhile. "
                      "Click “In the data now” to keep the feature as it is now, or “Proposed” to delete "
                      "it anyway.")
        if conflict.kind == "exists":
            return tr("The proposal adds a feature whose key is now taken in the data: merge the two.")
        return tr("Changed in the data and in the proposal.")

    def _refresh(self, index: int) -> None:
        if index != self.features.currentRow() or index < 0:
            self._update()
            return
        conflict = self.conflicts[index]
        self._filling = True
        try:
            for row in range(self.table.rowCount()):
                name = self.table.item(row, FIELD_COLUMN).data(Qt.ItemDataRole.UserRole)
                merged = self.table.item(row, MERGED_COLUMN)
                base, current, proposed = conflict.fields[name]
                if whole_only(conflict):
                    pick = self.whole[index]
                    merged.setFlags(Qt.ItemFlag.ItemIsEnabled)
                else:
                    pick = self.pick_of(index, name)
                    merged.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable)
                if name in self.invalid[index]:
                    merged.setText(tr("choose…"))
                    merged.setToolTip(self.invalid[index][name])
                    colour = COLOURS["open"]
                elif pick is None:
                    merged.setText(tr("choose…"))
                    merged.setToolTip(tr("Click a value on the left, or double-click here to type one."))
                    colour = COLOURS["open"]
                elif isinstance(pick, Edited):
                    merged.setText(self._text(name, pick.value))
                    merged.setToolTip(tr("A value you chose"))
                    colour = COLOURS["edited"]
                else:
                    value = current if pick == CURRENT else proposed
                    merged.setText(self._text(name, value))
                    automatic = name not in self.picks[index] and not whole_only(conflict)
                    merged.setToolTip(tr("Automatic: only one side changed it") if automatic
                                      else tr("Your choice"))
                    colour = COLOURS[pick]
                merged.setBackground(QBrush(QColor(colour)))
                for column, side in SIDE_OF_COLUMN.items():
                    chosen = (pick == side) or (side == BASE and isinstance(pick, Edited)
                                                and pick.value == base and name not in self.invalid[index])
                    item = self.table.item(row, column)
                    item.setBackground(QBrush(QColor(COLOURS[side])) if chosen else QBrush())
        finally:
            self._filling = False
        self._update()

    def _clicked(self, row: int, column: int) -> None:
        index = self.features.currentRow()
        side = SIDE_OF_COLUMN.get(column)
        if index < 0 or side is None:
            return
        name = self.table.item(row, FIELD_COLUMN).data(Qt.ItemDataRole.UserRole)
        self.choose(index, name, side)

    def _typed(self, item) -> None:
        if self._filling or item.column() != MERGED_COLUMN:
            return
        index = self.features.currentRow()
        name = self.table.item(item.row(), FIELD_COLUMN).data(Qt.ItemDataRole.UserRole)
        self.type_value(index, name, item.text())

    def _update(self) -> None:
        open_ = self.unresolved()
        labels = {label for label, _ in open_}
        for index, conflict in enumerate(self.conflicts):
            item = self.features.item(index)
            label = feature_label(conflict.key, conflict.op)
            item.setForeground(QBrush(QColor("#b3261e" if label in labels else "#1b5e20")))
            item.setText(label + ("  " + tr("(to decide)") if label in labels else "  ✓"))
        self.ok_button.setEnabled(not open_ and bool(self.conflicts))
        if open_:
            self.reason.setText(tr("Still to decide: {items}").format(
                items="; ".join(tr("{feature}: {fields}").format(feature=label, fields=", ".join(names))
                                for label, names in open_)))
        else:
            self.reason.setText("")
