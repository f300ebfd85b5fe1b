"""The "Who is responsible" panel: follows the current layer and says who answers for it.

For a layer the convention governs: the partners and their part (producer, maintainer,
who validates changes — for the layer's département when stewards are per territory),
freshness in a coloured badge (up to date green, late red, unknown grey) with the next
due date, the discrepancies between the catalogue's metadata and the convention, the DPO
when the data is personal, licence and dissemination, the contacts, proposals awaiting
review, links to the catalogue record, and a "Contact" button (an e-mail to the
stewards). A shared layer the convention does not cover says so; a local layer is just
not concerned.

Everything shown comes from the shared GovernanceState (plugin/bridge/governance.py);
the panel never reads a file, a database or the network itself.
"""

from __future__ import annotations

from html import escape

from qgis.core import QgsMapLayer
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..plugin.bridge.i18n import tr
from ..plugin.bridge.labels import governance as labels
from ..plugin.bridge.messages import error_text
from ..plugin.bridge.messages.governance import convention_problems, problem_line
from .desktop_open import open_in_desktop
from .governance_state import robust_slot, show_error, state_of
from .responsibility_html import (
    dpo_emails,
    due_text,
    mailto_url,
    record_link,
    responsibility_html,
    status_text,
    steward_emails,
)

OBJECT_NAME = "GeoGovResponsibilityDock"


class ResponsibilityDock(QgsDockWidget):
    def __init__(self, iface, state, parent=None):
        super().__init__(tr("Who is responsible"), parent)
        self.setObjectName(OBJECT_NAME)
        self.iface = iface
        self.state = state
        self.layer = None
        self.info = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setObjectName("title")
        badge_row = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        badge_row.addWidget(self.status_label)
        badge_row.addStretch()
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self.open_link)
        buttons = QHBoxLayout()
        self.contact_button = QPushButton(tr("Contact"))
        self.contact_button.setToolTip(tr("Write to the partner who validates the changes"))
        self.contact_button.clicked.connect(self.contact)
        self.record_button = QPushButton(tr("Catalogue record"))
        self.record_button.clicked.connect(self.open_record)
        buttons.addWidget(self.contact_button)
        buttons.addWidget(self.record_button)
        buttons.addStretch()
        layout.addWidget(self.title_label)
        layout.addLayout(badge_row)
        layout.addWidget(self.due_label)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self._show_message(tr("Select a layer to see who is responsible for it."))

    # ------------------------------------------------------------------ following
    @robust_slot(lambda self: self.iface)
    def follow(self, layer=None):
        """Slot of iface.currentLayerChanged: show the new current layer."""
        if not isinstance(layer, QgsMapLayer):
            layer = self.iface.activeLayer()
        if layer is not self.layer:
            self._follow_name(self.layer, layer)
        self.layer = layer
        self.refresh()

    def unload(self):
        """Plugin unload: the current layer's rename no longer reaches this panel."""
        self._follow_name(self.layer, None)
        self.layer = None

    def _follow_name(self, old, new):
        """The title shows the layer's name: renamed in the layer tree, it is shown again."""
        if old is not None:
            try:
                old.nameChanged.disconnect(self.refresh)
            except (TypeError, RuntimeError):
                pass  # not connected, or the layer was deleted by QGIS
        if new is not None:
            new.nameChanged.connect(self.refresh)

    @robust_slot(lambda self: self.iface)
    def refresh(self):
        layer = self.layer
        try:
            if layer is not None:
                layer.id()
        except RuntimeError:
            layer = self.layer = None   # deleted by QGIS
        if layer is None:
            self.info = None
            self._show_message(tr("Select a layer to see who is responsible for it."))
            return
        state = self.state
        if state.convention is None:
            self.info = None
            if state.loading:
                text = tr("Loading the partnership convention…")
            elif state.error is not None:
                text = tr("The partnership convention could not be loaded: {reason} Open "
                          "the convention browser to see its problems.").format(
                              reason=error_text(state.error))
                problems = convention_problems(state.error)
                if problems:
                    text += "\n" + problem_line(problems[0])
            else:
                text = error_text(_no_convention())
            self._show_message(text, layer.name())
            return
        self.info = state.for_layer(layer)
        if not self.info.governed:
            if self.info.shared:
                self._show_message(
                    tr("Shared layer not covered by the convention"), layer.name(),
                    tr("Neither its source nor its catalogue record matches a dataset of the "
                       "convention “{title}”. Ask the coordinator whether it should be "
                       "covered.").format(title=state.convention.title), colour="#ef6c00")
            else:
                self._show_message(tr("Local layer: not concerned by the partnership "
                                      "convention."), layer.name())
            return
        self._show_governed(layer, self.info)

    # ------------------------------------------------------------------ rendering
    def _show_message(self, text, layer_name="", detail="", colour=""):
        self.title_label.setText(f"<b>{escape(layer_name)}</b>" if layer_name else "")
        self.due_label.setVisible(False)
        self.status_label.setVisible(bool(colour))
        if colour:
            self._badge(text, colour)
            self.due_label.setText("")
            self.details.setHtml(f"<p>{escape(detail)}</p>")
        else:
            self.due_label.setText("")
            self.details.setHtml("".join(f"<p>{escape(line)}</p>" for line in text.split("\n")))
        self.contact_button.setEnabled(False)
        self.record_button.setEnabled(False)

    def _badge(self, text, colour):
        self.status_label.setText(text)
        self.status_label.setStyleSheet(
            f"QLabel {{ background-color: {colour}; color: white; font-weight: bold; "
            "border-radius: 3px; padding: 2px 6px; }")
        self.status_label.setVisible(True)

    def _show_governed(self, layer, info):
        result = info.responsibility
        layer_text = escape(tr("Layer: {name}").format(name=layer.name()))
        self.title_label.setText(f"<b>{escape(result.title)}</b><br><small>{layer_text}</small>")
        self._badge(status_text(result), labels.status_colour(result.status))
        self.due_label.setText(due_text(result))
        self.due_label.setVisible(True)
        self.details.setHtml(responsibility_html(info))
        self.contact_button.setEnabled(bool(steward_emails(result)))
        self.record_button.setEnabled(bool(record_link(info)))

    def steward_names(self) -> list:
        if self.info is None or not self.info.governed:
            return []
        return [p.name for p in self.info.responsibility.stewards]

    # ------------------------------------------------------------------ actions
    def contact_url(self) -> str:
        if self.info is None or not self.info.governed:
            return ""
        result = self.info.responsibility
        emails = steward_emails(result)
        if not emails:
            return ""
        subject = tr("Shared data “{title}”").format(title=result.title)
        if self.layer is not None:
            subject += " — " + tr("layer {name}").format(name=self.layer.name())
        return mailto_url(emails, subject, dpo_emails(result) if result.personal_data else ())

    @robust_slot(lambda self: self.iface)
    def contact(self, *_):
        url = self.contact_url()
        if url and not QDesktopServices.openUrl(QUrl(url, QUrl.ParsingMode.StrictMode)):
            show_error(self.iface, _no_mail_client())

    @robust_slot(lambda self: self.iface)
    def open_record(self, *_):
        if self.info is not None:
            link = record_link(self.info)
            if link:
                open_in_desktop(self.iface, QUrl(link))

    @robust_slot(lambda self: self.iface)
    def open_link(self, url):
        open_in_desktop(self.iface, url)


def _no_convention():
    from ..plugin.errors import GeoGovError

    return GeoGovError("No partnership convention is configured", code="governance.no_convention")


def _no_mail_client():
    from ..plugin.errors import GeoGovError

    return GeoGovError("No e-mail application answered", code="governance.no_mail_client")


def build_dock(plugin):
    """The panel, built the first time it is shown (ui/plugin.py)."""
    state = state_of(plugin)
    dock = ResponsibilityDock(plugin.iface, state)
    plugin.connect(plugin.iface.currentLayerChanged, dock.follow)
    plugin.connect(state.changed, dock.refresh)
    return dock


def dock_shown(plugin, dock):
    dock.follow(plugin.iface.activeLayer())


def show_for_layer(plugin, layer):
    """Open the panel on ``layer`` (the layer-tree indicator's click)."""
    plugin.iface.setActiveLayer(layer)
    dock = plugin.show_dock("responsibility_dock")
    dock.follow(layer)
