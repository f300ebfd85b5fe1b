"""The governance report as a PDF (a QGIS print layout) and as HTML: what it says and in
which order; the pages themselves are layout_pages.py's.

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
    QgsPrintLayout,
)

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
from ..safe_files import file_error, write_file
from .i18n import tr as qt_tr
from .layout_pages import (
    BLUE,
    BOTTOM,
    GREY,
    MARGIN,
    STATUS_TEXT,
    ReportLayoutBuilder,
    export_pdf,
    layout_font,
)
from .report_map import COLOURS, departement_rows, legend_labels


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
    builder.label(title, layout_font(18, bold=True), BLUE, space_after=2.0)
    meta = tr("Convention “{title}” (version {version}), coordinated by {coordinator}. "
              "Situation on {today}.").format(
                  title=report.convention_title, version=report.convention_version,
                  coordinator=report.coordinator_name, today=date_text(report.today, tr))
    builder.paragraph(meta, GREY)
    builder.heading(tr("Summary"), 1)
    for line in _summary_lines(report, tr):
        builder.label("•  " + line, layout_font(9.5), space_after=0.8)
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
