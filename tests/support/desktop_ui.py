"""Driving Qt widgets inside QGIS desktop as a person does: for journeys (desktop_driver.py).

Imported by a journey running inside QGIS (``from geogov.tests.support.desktop_ui import
...``). Clicks and key presses go through QtTest, so the widgets receive real mouse and
keyboard events (``textEdited``, ``clicked``, selection by the mouse…), not setter calls.

A QMessageBox opened with ``exec()`` (a question before rolling back edits, a
confirmation before applying) blocks the code that opened it in its own event loop: the
journey cannot answer it from the line after the click. :class:`ModalAnswerer` watches
for such boxes with a timer, which keeps running inside their event loop, and answers
each with the button a person would press (``answer_next``).
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QEvent, QPoint, Qt, QTimer
from qgis.PyQt.QtGui import QKeyEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAction,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)


def trigger(driver, name: str) -> QAction:
    """Trigger the main window's action ``name`` (a menu or toolbar click)."""
    action = driver.find(QAction, name)
    if action is None:
        driver.fail(f"no action named {name!r}")
    if not action.isEnabled():
        driver.fail(f"the action {name!r} ({action.text()!r}) is disabled")
    action.trigger()
    QApplication.processEvents()
    return action


def open_dock(driver, action_name: str, dock_name: str, timeout: float = 10.0) -> QDockWidget:
    """Show a dock through its action (it may be created on first use), wait until shown."""
    action = driver.find(QAction, action_name)
    if action is None:
        driver.fail(f"no action named {action_name!r}")
    if not (action.isCheckable() and action.isChecked()):
        action.trigger()
    return driver.wait_until(
        lambda: _visible_dock(driver, dock_name), timeout,
        f"the dock {dock_name} did not open from the action {action_name}")


def close_dock(driver, action_name: str, dock_name: str, timeout: float = 5.0) -> None:
    """Hide a dock with its (checked) toolbar button, as a person makes room for the next."""
    action = driver.find(QAction, action_name)
    if action is not None and action.isCheckable() and action.isChecked():
        action.trigger()
    driver.wait_until(lambda: _visible_dock(driver, dock_name) is None, timeout,
                      f"the dock {dock_name} did not close")


def _visible_dock(driver, name):
    dock = driver.find(QDockWidget, name)
    return dock if dock is not None and dock.isVisible() else None


def click(driver, widget) -> None:
    """A left click in the middle of ``widget`` (it must be visible and enabled)."""
    if not widget.isVisible():
        driver.fail(f"cannot click {_describe(widget)}: it is not visible")
    if not widget.isEnabled():
        tip = widget.toolTip() if hasattr(widget, "toolTip") else ""
        driver.fail(f"cannot click {_describe(widget)}: it is disabled ({tip})")
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


def type_text(widget, text: str) -> None:
    """Give ``widget`` the focus and type ``text`` key by key."""
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    for char in text:
        if " " <= char <= "~":
            QTest.keyClick(widget, char)
        else:
            # QTest.keyClicks maps characters to keys for ASCII only (an accent aborts Qt
            # with an assertion): "é", "’"… go as a key event carrying the text, as a
            # keyboard layout or an input method sends them.
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                         Qt.KeyboardModifier.NoModifier, char))
    QApplication.processEvents()


def press_enter(widget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return)
    QApplication.processEvents()


def click_cell(driver, view, row: int, column: int = 0) -> None:
    """Click a row of a QTableView / QTreeView like a person (selects it)."""
    index = view.model().index(row, column)
    if not index.isValid():
        driver.fail(f"no row {row} in {_describe(view)}")
    view.scrollTo(index)
    rect = view.visualRect(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rect.center())
    QApplication.processEvents()


def click_tree_item(driver, tree, item) -> None:
    """Click an item of a QTreeWidget (selects it)."""
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    if rect.isEmpty():
        driver.fail(f"the item {item.text(0)!r} is not shown in {_describe(tree)}")
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(rect.left() + 10, rect.center().y()))
    QApplication.processEvents()


def choose_item(driver, combo, data) -> None:
    """Pick the entry of ``combo`` whose data is ``data`` (open the list, click it)."""
    index = combo.findData(data)
    if index < 0:
        driver.fail(f"{_describe(combo)} has no entry {data!r}")
    combo.showPopup()
    QApplication.processEvents()
    view = combo.view()
    model_index = view.model().index(index, combo.modelColumn())
    view.scrollTo(model_index)
    rect = view.visualRect(model_index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rect.center())
    QApplication.processEvents()
    if combo.currentIndex() != index:
        # Some styles close the popup on press: the item is then chosen with the keyboard.
        combo.hidePopup()
        combo.setFocus()
        while combo.currentIndex() != index:
            key = Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up
            QTest.keyClick(combo, key)
        QApplication.processEvents()


def choose_tab(driver, tabs, text: str) -> None:
    """Click the tab whose label is ``text``."""
    bar = tabs.tabBar()
    for index in range(tabs.count()):
        if tabs.tabText(index).replace("&", "") == text:
            QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             bar.tabRect(index).center())
            QApplication.processEvents()
            return
    driver.fail(f"no tab {text!r}: {[tabs.tabText(i) for i in range(tabs.count())]}")


def dialog_of_type(cls, visible: bool = True):
    """The top-level dialog of class ``cls`` (the last one opened), or None."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls)
             and (w.isVisible() or not visible)]
    return found[-1] if found else None


def _describe(widget) -> str:
    name = widget.objectName() or type(widget).__name__
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{name} {text!r}" if isinstance(text, str) and text else name


class ModalAnswerer:
    """Answers the blocking message boxes a journey expects, in order.

    ``answer_next(button, screenshot=name)`` queues an answer: when a QMessageBox (or any
    next becomes the active modal widget, its text is recorded in ``seen``, the whole
    screen is saved as ``screenshot`` (box included) and ``button`` (a
    QMessageBox.StandardButton) is clicked. A box nobody expected is recorded in
    ``unexpected`` and closed (Escape), so that the journey fails on its next check with
    the box's text instead of hanging.
    """

    def __init__(self, driver, interval_ms: int = 100):
        self.driver = driver
        self.expected = []
        self.seen = []
        self.buttons = []           # the texts of each seen box's buttons (Qt's own, translated)
        self.unexpected = []
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._look)
        self.busy = False
        self.timer.start()

    def answer_next(self, button, screenshot: str = "") -> None:
        self.expected.append((button, screenshot))

    def _look(self):
        if self.busy:
            return           # the screenshot's wait below runs the event loop (and this timer)
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        self.busy = True
        try:
            self._answer(box)
        finally:
            self.busy = False

    def _answer(self, box):
        text = f"{box.windowTitle()}: {box.text()}"
        if not self.expected:
            # Nobody expected it: recorded, then closed so the journey goes on and fails
            # on what it checks next rather than hanging until the harness's timeout.
            self.unexpected.append(text)
            box.reject()
            return
        button, screenshot = self.expected.pop(0)
        self.seen.append(text)
        self.buttons.append([b.text() for b in box.buttons()])
        if screenshot:
            self.driver.wait(0.3)
            self.driver.screen_shot(screenshot)
        target = box.button(button)
        if target is None:
            self.unexpected.append(text + f" (no button {button})")
            box.reject()
            return
        QTest.mouseClick(target, Qt.MouseButton.LeftButton)

    def stop(self):
        self.timer.stop()


def cramped_widgets(root) -> list:
    """The visible buttons with a text, fields, lists and one-line labels of ``root`` that are
    smaller than the least Qt says they need (``minimumSizeHint``): a cut text, a squeezed
    button. A label that wraps, an icon-only button and Qt's own parts are not counted."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QAbstractButton, QLineEdit, QComboBox, QLabel)):
            continue
        if widget.objectName().startswith("qt_"):
            continue              # Qt's own parts (a dock's title-bar buttons): Qt's business
        if isinstance(widget, QAbstractButton) and not widget.text().strip():
            continue              # an icon-only tool button: no text to cut
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text().strip()):
            continue
        if isinstance(widget, QLabel) and widget.pixmap() is not None and not widget.pixmap().isNull():
            continue
        hint = widget.minimumSizeHint()
        if widget.width() + 1 < hint.width() or widget.height() + 1 < hint.height():
            text = widget.text() if hasattr(widget, "text") else widget.currentText()
            found.append(f"{type(widget).__name__} {widget.objectName() or text[:40]!r} "
                         f"{widget.width()}x{widget.height()} < {hint.width()}x{hint.height()}")
    return found
