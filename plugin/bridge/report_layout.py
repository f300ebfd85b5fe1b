"""The governance report as a PDF (a QGIS print layout) and as HTML.

Both come from the same :class:`~..governance.report.GovernanceReport`; the HTML is the
core's ``render_html`` with the Qt translator, the PDF is laid out here on A4 pages:

1. title, the convention, the summary, and the map of partner territories with a table
   of the départements (report_map.py);
2. overdue contract deliveries and the list of every shared dataset;
3. one section per partner: what it produces, keeps up to date and validates, what is
   late, the proposals it received, the deliveries it owes or is owed;

with the convention's title and "page n of N" at the foot of each page.

Text is laid out by this module, not by the items: it wraps every text itself (with
QgsLayoutUtils' text metrics, the ones the items draw with) and sizes each label and
table row to its lines, so nothing overflows and a table that does not fit on a page is
continued on the next one with its header repeated. Layout items are plain labels and
manual tables: no web engine, so the PDF looks the same in Qt 5 and Qt 6 builds.

Build and export on the main thread (a print layout is a QGraphicsScene): the report
data, which needs the network and the store, is gathered in a task beforehand.
"""

from __future__ import annotations

import os

from qgis.core import (
    Qgis,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLayoutUtils,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..errors import GeoGovError
from ..governance.frequency import LATE, UP_TO_DATE
from ..governance.report_html import (
    date_text,
    delivery_phrase,
    frequency_phrase,
    kind_label,
    render_html,
    status_phrase,
    territory_phrase,
)
from ..safe_files import diagnose, file_error, replaced, write_file
from .i18n import tr as qt_tr
from .qgis_compat import set_label_text_style, set_legend_style_font
from .report_map import COLOURS, departement_rows, legend_labels, territories_layer

PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
MARGIN = 15.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
BOTTOM = PAGE_HEIGHT - 20.0           # the footer sits below
LINE_SPACING = 1.2                     # × the font height, for labels
CELL_MARGIN = 1.2
SLACK = 0.6                            # mm added to every measured height
GRID = 0.2                             # table grid stroke

BLUE, GREY, TEXT = "#0b5394", "#555555", "#222222"
STATUS_TEXT = {UP_TO_DATE: "#2e7d32", LATE: "#a40000"}


def _font(size: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def wrap(text: str, font: QFont, width: float) -> list:
    """``text`` cut into lines no wider than ``width`` mm (words longer than a line are cut)."""
    lines = []
    for paragraph in str(text).split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if QgsLayoutUtils.textWidthMM(font, candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = word
            while QgsLayoutUtils.textWidthMM(font, current) > width and len(current) > 1:
                cut = len(current) - 1
                while cut > 1 and QgsLayoutUtils.textWidthMM(font, current[:cut]) > width:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines


def line_height(font: QFont) -> float:
    return QgsLayoutUtils.fontHeightMM(font) * LINE_SPACING


class ReportLayoutBuilder:
    """Flows labels and tables down A4 pages (see the module doc)."""

    def __init__(self, project=None, title: str = "", tr=qt_tr):
        self.tr = tr
        self.layout = QgsPrintLayout(project or QgsProject.instance())
        self.layout.initializeDefaults()
        # No undo history: each command would snapshot what it changes (an added page: the
        # whole page collection, as XML), which made laying out a long report quadratic.
        self.layout.undoStack().blockCommands(True)
        self.layout.setName(title or tr("Governance report"))
        self.layout.setUnits(QgsUnitTypes.LayoutUnit.LayoutMillimeters)
        self.pages = self.layout.pageCollection()
        self.pages.page(0).setPageSize(QgsLayoutSize(PAGE_WIDTH, PAGE_HEIGHT))
        self.page = 0
        self.y = MARGIN
        self.keep = []            # layers the maps draw: alive as long as the layout

    # ------------------------------------------------------------------ pages
    def new_page(self):
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(QgsLayoutSize(PAGE_WIDTH, PAGE_HEIGHT))
        self.pages.addPage(page)
        self.page = self.pages.pageCount() - 1
        self.y = MARGIN

    def room(self) -> float:
        return BOTTOM - self.y

    def ensure(self, height: float):
        """Start a new page unless ``height`` mm still fit on this one."""
        if height > self.room() and self.y > MARGIN + 0.1:
            self.new_page()

    def _place(self, item, x, y, width, height, page=None):
        item.attemptResize(QgsLayoutSize(width, height))
        item.attemptMove(QgsLayoutPoint(x, y), page=self.page if page is None else page)

    # ------------------------------------------------------------------ text
    def text_height(self, text: str, font: QFont, width: float = CONTENT_WIDTH) -> float:
        return len(wrap(text, font, width)) * line_height(font) + SLACK

    def label(self, text: str, font: QFont, colour: str = TEXT, width: float = CONTENT_WIDTH,
              x: float = MARGIN, space_after: float = 1.5, align=Qt.AlignmentFlag.AlignLeft):
        lines = wrap(text, font, width)
        height = len(lines) * line_height(font) + SLACK
        self.ensure(height)
        item = QgsLayoutItemLabel(self.layout)
        item.setText("\n".join(lines))
        set_label_text_style(item, font, QColor(colour))
        item.setMarginX(0)
        item.setMarginY(0)
        item.setHAlign(align)
        item.setVAlign(Qt.AlignmentFlag.AlignTop)
        self.layout.addLayoutItem(item)
        # A little wider than the wrapping width: the item must never wrap a line again.
        self._place(item, x, self.y, width + 2.0, height)
        self.y += height + space_after
        return item

    def heading(self, text: str, level: int = 1):
        font = _font({0: 20, 1: 14, 2: 11}[level], bold=True)
        colour = BLUE if level <= 1 else TEXT
        # Keep a heading with at least a few lines of what follows it.
        self.ensure(self.text_height(text, font) + 20.0)
        if level == 1 and self.y > MARGIN + 0.1:
            self.y += 3.0
        return self.label(text, font, colour, space_after=2.0 if level <= 1 else 1.0)

    def paragraph(self, text: str, colour: str = TEXT, bold: bool = False, size: float = 9.5):
        return self.label(text, _font(size, bold=bold), colour, space_after=2.0)

    # ------------------------------------------------------------------ tables
    def table(self, headers: list, widths: list, rows: list, colours: list = None):
        """A table of ``rows`` (lists of text); ``colours``: per row, per cell, a colour or
        None. ``widths`` are relative; a column is never narrower than its header. Split
        over pages when needed, the header repeated."""
        header_font, body_font = _font(8.5, bold=True), _font(8.5)
        inner = [QgsLayoutUtils.textWidthMM(header_font, h) + 1.0 for h in headers]
        total = CONTENT_WIDTH - len(headers) * (2 * CELL_MARGIN + GRID)
        scale = total / sum(widths)
        widths = [max(w * scale, i) for w, i in zip(widths, inner)]
        excess = sum(widths) - total
        if excess > 0:
            # Take the room the headers need from the columns that have some to spare.
            spare = [w - i for w, i in zip(widths, inner)]
            widths = [w - excess * s / sum(spare) for w, s in zip(widths, spare)]
        wrapped_rows, heights = [], []
        for row in rows:
            cells = [wrap(text, body_font, w - 0.5) for text, w in zip(row, widths)]
            wrapped_rows.append(cells)
            heights.append(self._text_height(max(len(c) for c in cells), body_font))
        header_height = self._text_height(1, header_font) + 2 * CELL_MARGIN + GRID
        colours = colours or [[None] * len(headers) for _ in rows]
        start = 0
        while True:
            first = heights[start] + 2 * CELL_MARGIN + GRID if rows else 0.0
            self.ensure(header_height + first + 2.0)
            available = self.room() - header_height - 2.0
            end, used = start, 0.0
            while end < len(rows) and used + heights[end] + 2 * CELL_MARGIN + GRID <= available:
                used += heights[end] + 2 * CELL_MARGIN + GRID
                end += 1
            if end == start and rows:      # a row taller than a page: shown alone
                end, used = start + 1, heights[start] + 2 * CELL_MARGIN + GRID
            self._table_part(headers, widths, wrapped_rows[start:end], heights[start:end],
                             colours[start:end], header_font, body_font,
                             header_height + used + 2.0)
            self.y += header_height + used + 4.0
            start = end
            if start >= len(rows):
                break

    @staticmethod
    def _text_height(lines: int, font) -> float:
        """What a table draws for ``lines`` lines of text (margins and grid excluded)."""
        text = "\n".join(["X"] * max(lines, 1))
        return QgsLayoutUtils.textHeightMM(font, text) + SLACK

    def _table_part(self, headers, widths, wrapped_rows, heights, colours, header_font,
                    body_font, height):
        table = QgsLayoutItemManualTable.create(self.layout)
        self.layout.addMultiFrame(table)
        table.setHeaders([QgsLayoutTableColumn(h) for h in headers])
        contents = []
        for cells, row_colours in zip(wrapped_rows, colours):
            row = []
            for lines, colour in zip(cells, row_colours):
                cell = QgsTableCell("\n".join(lines))
                if colour:
                    cell.setForegroundColor(QColor(colour))
                row.append(cell)
            contents.append(row)
        table.setTableContents(contents)
        # Preset sizes: the table draws exactly what was measured here.
        table.setColumnWidths(list(widths))
        table.setRowHeights(list(heights))
        table.setIncludeTableHeader(True)
        table.setCellMargin(CELL_MARGIN)
        table.setShowGrid(True)
        table.setGridColor(QColor("#b0b0b0"))
        table.setGridStrokeWidth(GRID)
        table.setHeaderTextFormat(self._text_format(header_font, TEXT))
        table.setContentTextFormat(self._text_format(body_font, TEXT))
        table.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.FollowColumn)
        style = QgsLayoutTableStyle()
        style.enabled = True
        style.cellBackgroundColor = QColor("#e8eef6")
        table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, style)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        frame = QgsLayoutFrame(self.layout, table)
        table.addFrame(frame)
        self._place(frame, MARGIN, self.y, CONTENT_WIDTH + 1.0, height)
        return table

    @staticmethod
    def _text_format(font, colour) -> QgsTextFormat:
        text = QgsTextFormat.fromQFont(font)
        text.setSize(font.pointSizeF())
        text.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
        text.setColor(QColor(colour))
        return text

    # ------------------------------------------------------------------ map
    def territory_map(self, report, height: float = 92.0):
        tr = self.tr
        width = CONTENT_WIDTH * 0.64
        side = CONTENT_WIDTH - width - 5.0
        legend_font = _font(8.5)
        layer = territories_layer(report, tr,
                                  wrap_label=lambda text: "\n".join(wrap(text, legend_font,
                                                                          side - 12.0)))
        self.keep.append(layer)
        self.ensure(height + 4.0)
        top = self.y
        item = QgsLayoutItemMap(self.layout)
        item.setLayers([layer])
        # The map is drawn in the reference's own CRS (Lambert-93 for the shipped one):
        # no transform, so nothing QGIS's transform cache does can shift it.
        item.setCrs(layer.crs())
        self.layout.addLayoutItem(item)
        self._place(item, MARGIN, top, width, height)
        extent = layer.extent()
        extent.grow(max(extent.width(), extent.height()) * 0.03)
        item.zoomToExtent(extent)
        item.setFrameEnabled(True)
        item.setFrameStrokeColor(QColor("#b0b0b0"))
        legend = QgsLayoutItemLegend(self.layout)
        legend.setLinkedMap(item)
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.clear()
        node = root.addLayer(layer)
        node.setUseLayerName(False)
        node.setName("\n".join(wrap(tr("Situation of the partners with a territory there"),
                                     _font(9, bold=True), side - 2.0)))
        legend.setTitle("")
        set_legend_style_font(legend, QgsLegendStyle.Style.Subgroup, _font(9, bold=True))
        set_legend_style_font(legend, QgsLegendStyle.Style.SymbolLabel, legend_font)
        legend.setSymbolWidth(6)
        legend.setSymbolHeight(4)
        legend.setWrapString("\n")
        legend.setResizeToContents(False)
        legend.setBackgroundEnabled(False)
        self.layout.addLayoutItem(legend)
        side_x = MARGIN + width + 5.0
        self._place(legend, side_x, top, side, 38.0)
        legend.updateLegend()
        self.y = top + 40.0
        self.label(tr("The colour of a département sums up the datasets and contract "
                      "deliveries of the partners whose territory in the convention names "
                      "it. Partners competent everywhere are not on the map: see their "
                      "sections."), _font(7.5, italic=True), GREY, width=side - 2.0, x=side_x)
        self.y = max(self.y, top + height + 4.0)
        return item

    # ------------------------------------------------------------------ footer
    def footers(self, left: str):
        count = self.pages.pageCount()
        font = _font(7.5)
        tr = self.tr
        for page in range(count):
            for text, x, align in (
                    (left, MARGIN, Qt.AlignmentFlag.AlignLeft),
                    (tr("Page {page} of {pages}").format(page=page + 1, pages=count),
                     MARGIN + CONTENT_WIDTH - 40.0, Qt.AlignmentFlag.AlignRight)):
                item = QgsLayoutItemLabel(self.layout)
                item.setText(wrap(text, font, 130.0)[0])
                set_label_text_style(item, font, QColor(GREY))
                item.setHAlign(align)
                item.setMarginX(0)
                item.setMarginY(0)
                self.layout.addLayoutItem(item)
                self._place(item, x, PAGE_HEIGHT - 13.0, 40.0 if x > MARGIN else 135.0, 5.0,
                            page=page)


# ---------------------------------------------------------------------------- the report
def _status_colours(lines, column: int, width: int) -> list:
    out = []
    for line in lines:
        row = [None] * width
        row[column] = STATUS_TEXT.get(line.status, GREY)
        out.append(row)
    return out


def _dataset_table(builder, lines):
    tr = builder.tr
    rows = [[line.title, frequency_phrase(line.frequency, tr), date_text(line.last_revision, tr),
             status_phrase(line, tr)] for line in lines]
    builder.table([tr("Dataset"), tr("Commitment"), tr("Last update"), tr("Situation")],
                  [62, 40, 34, 34], rows, _status_colours(lines, 3, 4))


def _delivery_table(builder, deliveries):
    tr = builder.tr
    rows = [[d.debtor_name, d.dataset_title, d.creditor_name, delivery_phrase(d.frequency, tr),
             date_text(d.last_delivery, tr), status_phrase(d, tr)] for d in deliveries]
    builder.table([tr("Who must deliver"), tr("What"), tr("To whom"), tr("How often"),
                   tr("Last delivery"), tr("Situation")], [34, 30, 28, 24, 26, 28], rows,
                  _status_colours(deliveries, 5, 6))


def _summary_lines(report, tr) -> list:
    from ..governance.report_html import summary_lines

    return summary_lines(report, tr)


def _section_estimate(section) -> float:
    """Rough height of a partner section (mm), to start it on a new page when it would
    not fit whole on this one (a long section is still split)."""
    height = 22.0
    for lines in (section.produced, section.maintained, section.stewarded):
        if lines:
            height += 16.0 + 8.0 * len(lines)
    for deliveries in (section.deliveries_owed, section.deliveries_expected):
        if deliveries:
            height += 16.0 + 12.0 * len(deliveries)
    return height + (8.0 if section.late else 0.0) + (6.0 if section.stewarded else 0.0)


def _partner_section(builder, section):
    tr = builder.tr
    builder.ensure(min(_section_estimate(section), BOTTOM - MARGIN))
    builder.heading(section.name, 1)
    where = tr("{kind} — territory: {territory}").format(
        kind=kind_label(section.kind, tr), territory=territory_phrase(section, tr))
    builder.paragraph(where, GREY)
    for heading, lines in ((tr("Datasets it produces"), section.produced),
                           (tr("Datasets it keeps up to date"), section.maintained),
                           (tr("Datasets whose changes it validates"), section.stewarded)):
        if lines:
            builder.heading(heading, 2)
            _dataset_table(builder, lines)
    late = section.late
    if late:
        builder.paragraph(tr("Late: {titles}.").format(titles=", ".join(line.title for line in late)),
                          STATUS_TEXT[LATE], bold=True)
    if section.stewarded:
        builder.paragraph(tr("Proposed changes received: {submitted}; approved: {approved}; "
                             "rejected: {rejected}.").format(**section.proposals))
    if section.deliveries_owed:
        builder.heading(tr("Deliveries it owes under a contract"), 2)
        _delivery_table(builder, section.deliveries_owed)
    if section.deliveries_expected:
        builder.heading(tr("Deliveries it is owed under a contract"), 2)
        _delivery_table(builder, section.deliveries_expected)


def build_report_layout(report, project=None, tr=qt_tr) -> QgsPrintLayout:
    """The print layout of ``report`` (main thread). Its ``geogov_layers`` attribute keeps
    the map's memory layer alive: keep the layout referenced until it is exported."""
    title = tr("Shared geographic data: who does what")
    builder = ReportLayoutBuilder(project, title, tr)
    builder.label(title, _font(18, bold=True), BLUE, space_after=2.0)
    meta = tr("Convention “{title}” (version {version}), coordinated by {coordinator}. "
              "Situation on {today}.").format(
                  title=report.convention_title, version=report.convention_version,
                  coordinator=report.coordinator_name, today=date_text(report.today, tr))
    builder.paragraph(meta, GREY)
    builder.heading(tr("Summary"), 1)
    for line in _summary_lines(report, tr):
        builder.label("•  " + line, _font(9.5), space_after=0.8)
    builder.heading(tr("Partner territories"), 1)
    builder.territory_map(report)
    rows, colours = [], []
    for code, name, partners, status, late in departement_rows(report, tr):
        situation = {UP_TO_DATE: tr("up to date"), LATE: tr("late: {n}").format(n=late)}.get(
            status, tr("no known update date"))
        rows.append([f"{name} ({code})", ", ".join(partners) or "—", situation])
        colours.append([None, None, STATUS_TEXT.get(status, GREY)])
    builder.table([tr("Département"), tr("Partners with a territory there"), tr("Situation")],
                  [34, 110, 26], rows, colours)
    builder.heading(tr("Overdue deliveries"), 1)
    if report.overdue:
        _delivery_table(builder, report.overdue)
    else:
        builder.paragraph(tr("Every contract delivery is on time."))
    builder.heading(tr("Every shared dataset"), 1)
    _dataset_table(builder, report.datasets)
    for section in report.partners:
        _partner_section(builder, section)
    if report.other_partners:
        builder.heading(tr("Other partners"), 1)
        builder.paragraph(tr("No shared dataset yet: {names}.").format(
            names=", ".join(report.other_partners)))
    builder.footers(report.convention_title)
    layout = builder.layout
    layout.undoStack().blockCommands(False)     # history starts here for whoever edits it
    layout.geogov_layers = builder.keep
    return layout


def export_pdf(layout, path: str) -> str:
    """Write the layout as a PDF at ``path``: to a temporary file beside it, renamed over it
    once whole, so a failed export (the disk full) never leaves a truncated PDF over a good one."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    # Real text, not outlines: the PDF can be searched, copied and read aloud.
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    with replaced(path) as temporary:
        exporter = QgsLayoutExporter(layout)
        result = exporter.exportToPdf(temporary, settings)
        if result != QgsLayoutExporter.ExportResult.Success:
            detail = exporter.errorMessage() if hasattr(exporter, "errorMessage") else ""
            found = diagnose(path, detail)       # the exporter says no more than "file error"
            if found.code != "file.write_failed":
                raise found
            raise GeoGovError(f"The PDF could not be written to {path} (exporter code {result})",
                              code="report.pdf_failed", source=path, path=path)
    return path


def write_html(report, path: str, tr=qt_tr) -> str:
    """The HTML page at ``path`` (through a temporary file: FileWriteError leaves an older
    page whole)."""
    return write_file(path, render_html(report, tr=tr), encoding="utf-8")


def export_report(report, pdf_path: str = "", html_path: str = "", project=None,
                  tr=qt_tr) -> dict:
    """Write the PDF and/or HTML (main thread); {"pdf": path, "html": path} of those written."""
    out = {}
    for path in (pdf_path, html_path):
        if path:
            folder = os.path.dirname(os.path.abspath(path))
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError as error:
                raise file_error(error, path) from None
    if pdf_path:
        layout = build_report_layout(report, project, tr)
        out["pdf"] = export_pdf(layout, pdf_path)
    if html_path:
        out["html"] = write_html(report, html_path, tr)
    return out


__all__ = ["build_report_layout", "export_report", "export_pdf", "write_html", "COLOURS",
           "legend_labels"]
