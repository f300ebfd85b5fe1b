"""Processing algorithm geogov:governance_report — the report as PDF and/or HTML.

The report's data (convention, catalogue harvest, proposal store) is gathered in
``processAlgorithm``, on Processing's worker thread; the PDF is laid out and exported in
``postProcessAlgorithm``, which Processing runs on the main thread: a print layout is a
QGraphicsScene and belongs there.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..errors import GeoGovError
from .alg_common import GeoGovAlgorithm
from .alg_convention_check import (
    add_date_parameter,
    add_incremental_parameter,
    date_parameter,
    error_message,
    harvest_for_algorithm,
    incremental_help,
    incremental_parameter,
    load_for_algorithm,
    store_facts_for_algorithm,
)
from .i18n import tr


class GovernanceReportAlgorithm(GeoGovAlgorithm):
    GROUP_ID = "governance"
    CONVENTION = "CONVENTION"
    CATALOGUE = "CATALOGUE"
    STORE = "STORE"
    LOGIN = "LOGIN"
    DATE = "DATE"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_HTML = "OUTPUT_HTML"
    LATE = "LATE"
    OVERDUE = "OVERDUE"

    def __init__(self):
        super().__init__()
        self._report = None
        self._outputs = {}

    def name(self):
        return "governance_report"

    def displayName(self):
        return tr("Governance report")

    def shortHelpString(self):
        return tr(
            "Writes the governance report of the partnership, for coordinators and elected "
            "officials, in plain words: per partner, the datasets it produces, keeps up to "
            "date and validates, which are late, the contract deliveries it owes or is owed "
            "and which are overdue, the proposed changes received, approved and rejected; "
            "with a map of the partners' territories.\n\n"
            "Convention (CONVENTION): a file path or an http(s) URL.\n"
            "Catalogue (CATALOGUE, optional): the URL of a CSW or OGC API Records catalogue "
            "(update dates from the records; records and datasets missing on either side).\n"
            "Proposal store (STORE, optional): a GeoGov GeoPackage store file, or a "
            "PostgreSQL connection string (host=… dbname=…; the user and password come from "
            "the authentication configuration of GeoGov's settings): the proposals counted, "
            "and the dates of the changes applied.\n"
            "Login (LOGIN, optional, GeoPackage store only): whose view of the store is "
            "counted; default: the identity of GeoGov's settings, else the convention's "
            "coordinator, who sees every proposal.\n"
            "Date (DATE, optional): the day the situation is judged on (default: today).\n"
            "PDF report (OUTPUT_PDF) and HTML report (OUTPUT_HTML): give one or both.") \
            + "\n\n" + incremental_help()

    def createInstance(self):
        return GovernanceReportAlgorithm()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.CONVENTION, tr("Convention (file path or URL)")))
        self.addParameter(QgsProcessingParameterString(
            self.CATALOGUE, tr("Catalogue URL (CSW or OGC API Records)"), optional=True))
        add_incremental_parameter(self)
        self.addParameter(QgsProcessingParameterString(
            self.STORE, tr("Proposal store (GeoPackage file or PostgreSQL connection)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.LOGIN, tr("Login to read a GeoPackage store as"), optional=True))
        add_date_parameter(self, self.DATE)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, tr("PDF report"), tr("PDF files (*.pdf)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, tr("HTML report"), tr("HTML pages (*.html *.htm)"),
            optional=True))
        self.addOutput(QgsProcessingOutputNumber(self.LATE, tr("Number of late datasets")))
        self.addOutput(QgsProcessingOutputNumber(self.OVERDUE,
                                                 tr("Number of overdue deliveries")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..governance.report import build_report

        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        html = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if not pdf and not html:
            raise QgsProcessingException(tr("Give a PDF file, an HTML file, or both."))
        convention = load_for_algorithm(
            self.parameterAsString(parameters, self.CONVENTION, context), feedback)
        records, sweep = harvest_for_algorithm(
            self.parameterAsString(parameters, self.CATALOGUE, context), feedback,
            incremental=incremental_parameter(self, parameters, context))
        facts = store_facts_for_algorithm(
            self.parameterAsString(parameters, self.STORE, context),
            self.parameterAsString(parameters, self.LOGIN, context), convention, feedback)
        if feedback.isCanceled():
            return {}
        today = date_parameter(self, parameters, self.DATE, context)
        self._report = build_report(convention, today, records=records,
                                    applied=facts.applied if facts else None,
                                    proposal_counts=facts.counts if facts else None,
                                    history=facts.history if facts else None,
                                    sweep=sweep)
        self._outputs = {self.OUTPUT_PDF: pdf, self.OUTPUT_HTML: html}
        feedback.setProgress(90)
        return self._results()

    def _results(self):
        report = self._report
        return {self.OUTPUT_PDF: self._outputs.get(self.OUTPUT_PDF) or None,
                self.OUTPUT_HTML: self._outputs.get(self.OUTPUT_HTML) or None,
                self.LATE: report.summary.late if report else 0,
                self.OVERDUE: report.summary.overdue_deliveries if report else 0}

    def postProcessAlgorithm(self, context, feedback):
        from .report_layout import export_report

        if self._report is None:
            return {}
        try:
            written = export_report(self._report, self._outputs.get(self.OUTPUT_PDF) or "",
                                    self._outputs.get(self.OUTPUT_HTML) or "",
                                    project=context.project())
        except GeoGovError as error:
            raise QgsProcessingException(error_message(error)) from None
        for path in written.values():
            feedback.pushInfo(tr("Written: {path}").format(path=path))
        return self._results()
