"""The page engine of GeoGov's PDF reports: A4 pages of a QGIS print layout, text wrapped
and measured here, labels and tables flowed down the pages (a table that does not fit is
continued on the next page with its header repeated), footers, and the PDF export.

It lays out; it does not know what a governance report says (report_layout.py does). Text
is wrapped with QgsLayoutUtils' text metrics, the ones the items draw with, and each label
and table row is sized to its lines, so nothing overflows. Layout items are plain labels
and manual tables: no web engine, so the PDF looks the same in Qt 5 and Qt 6 builds.

Build and export on the main thread (a print layout is a QGraphicsScene).
"""

from __future__ import annotations

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
from ..safe_files import diagnose, replaced
from .i18n import tr as qt_tr
from .qgis_compat import set_label_text_style, set_legend_style_font
from .report_map import territories_layer

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


def layout_font(size: float, bold: bool = False, italic: bool = False) -> QFont:
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
        font = layout_font({0: 20, 1: 14, 2: 11}[level], bold=True)
        colour = BLUE if level <= 1 else TEXT
        # Keep a heading with at least a few lines of what follows it.
        self.ensure(self.text_height(text, font) + 20.0)
        if level == 1 and self.y > MARGIN + 0.1:
            self.y += 3.0
        return self.label(text, font, colour, space_after=2.0 if level <= 1 else 1.0)

    def paragraph(self, text: str, colour: str = TEXT, bold: bool = False, size: float = 9.5):
        return self.label(text, layout_font(size, bold=bold), colour, space_after=2.0)

    # ------------------------------------------------------------------ tables
    def table(self, headers: list, widths: list, rows: list, colours: list = None):
        """A table of ``rows`` (lists of text); ``colours``: per row, per cell, a colour or
        None. ``widths`` are relative; a column is never narrower than its header. Split
        over pages when needed, the header repeated."""
        header_font, body_font = layout_font(8.5, bold=True), layout_font(8.5)
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
        legend_font = layout_font(8.5)
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
                                     layout_font(9, bold=True), side - 2.0)))
        legend.setTitle("")
        set_legend_style_font(legend, QgsLegendStyle.Style.Subgroup, layout_font(9, bold=True))
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
                      "sections."), layout_font(7.5, italic=True), GREY, width=side - 2.0, x=side_x)
        self.y = max(self.y, top + height + 4.0)
        return item

    # ------------------------------------------------------------------ footer
    def footers(self, left: str):
        count = self.pages.pageCount()
        font = layout_font(7.5)
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
