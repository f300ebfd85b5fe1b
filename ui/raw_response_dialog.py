"""The "raw response" view: the request sent and the answer received, as they were.

XML is re-indented after a safe parse (plugin/xmlsafe: no entity is expanded or
fetched); JSON is re-indented; anything else is shown as text. Very long answers are cut
for display only (the copy button copies what is shown).
"""

from __future__ import annotations

import json

from lxml import etree
from qgis.PyQt.QtGui import QFontDatabase
from qgis.PyQt.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ..plugin.bridge.i18n import tr
from ..plugin.errors import GeoGovError
from ..plugin.xmlsafe import parse_xml
from .standard_buttons import name_buttons
from .window_memory import remember_geometry

MAX_SHOWN = 2_000_000   # characters; a QPlainTextEdit slows down past a few MB


def pretty(data: bytes, content_type: str = "") -> str:
    """``data`` re-indented when it is XML or JSON, else decoded as it is."""
    data = data or b""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        try:
            root = parse_xml(data)
            return etree.tostring(root, pretty_print=True, encoding="unicode")
        except GeoGovError:
            pass    # HTML, broken or hostile XML: shown as received
    elif head in (b"{", b"["):
        try:
            return json.dumps(json.loads(data.decode("utf-8")), indent=2, ensure_ascii=False)
        except (UnicodeDecodeError, ValueError):
            pass
    return data.decode("utf-8", errors="replace")


def exchange_text(exchange) -> str:
    """The whole exchange as text: request line, body, status, response."""
    parts = [tr("Request"), f"{exchange.method} {exchange.url}"]
    if exchange.body:
        parts += ["", pretty(exchange.body)]
    parts += ["", tr("Response: HTTP {status} {content_type}").format(
        status=exchange.status or "-", content_type=exchange.content_type or ""), ""]
    response = pretty(exchange.response, exchange.content_type)
    if len(response) > MAX_SHOWN:
        response = response[:MAX_SHOWN] + "\n\n" + tr(
            "[… cut here: {size} characters in all]").format(size=len(response))
    parts.append(response)
    return "\n".join(parts)


class RawResponseDialog(QDialog):
    def __init__(self, exchange, parent=None):
        super().__init__(parent)
        self.setObjectName("GeoGovRawResponseDialog")
        remember_geometry(self, "GeoGovRawResponseDialog")
        self.setWindowTitle(tr("Raw response"))
        self.resize(820, 620)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(exchange_text(exchange))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(buttons)
        self.copy_button = QPushButton(tr("Copy"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self):
        QApplication.clipboard().setText(self.text.toPlainText())
