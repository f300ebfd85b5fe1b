"""Processing algorithm geogov:convention_check — the convention as a table of datasets.

CONVENTION (a path or an http(s) URL) is loaded and validated; a broken convention stops
the algorithm with every problem (file, line, column, path in the document, sentence).
CATALOGUE (optional, a CSW or OGC API Records URL) is harvested, so that freshness comes
from the records and the discrepancies between metadata and convention are listed;
without it the table still gives every dataset's responsibility.
"""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from ..errors import ConventionError, GeoGovError
from .alg_common import GeoGovAlgorithm, error_message
from .i18n import tr
from .qgis_compat import FieldType

COLUMNS = (("dataset", FieldType.STRING), ("title", FieldType.STRING),
           ("producers", FieldType.STRING), ("maintainer", FieldType.STRING),
           ("stewards", FieldType.STRING), ("steward_emails", FieldType.STRING),
           ("dissemination", FieldType.STRING), ("personal_data", FieldType.BOOL),
           ("licence", FieldType.STRING), ("frequency", FieldType.STRING),
           ("commitment", FieldType.STRING), ("last_revision", FieldType.DATE),
           ("revision_source", FieldType.STRING), ("next_due", FieldType.DATE),
           ("status", FieldType.STRING), ("situation", FieldType.STRING),
           ("days_late", FieldType.INT), ("discrepancies", FieldType.STRING),
           ("discrepancy_text", FieldType.STRING), ("overdue_obligations", FieldType.INT),
           ("applied_changes", FieldType.INT), ("last_applied", FieldType.DATE),
           ("observed_interval_days", FieldType.DOUBLE), ("observed_frequency", FieldType.STRING),
           ("observed_pace", FieldType.STRING), ("observed", FieldType.STRING),
           ("record_behind", FieldType.BOOL))


def table_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in COLUMNS:
        fields.append(QgsField(name, kind))
    return fields


# ---------------------------------------------------------------------------- shared inputs
def _sentences():
    """messages/governance.py: the convention's problems and discrepancies, worded."""
    from .messages import governance

    return governance


def problem_lines(error) -> list:
    governance = _sentences()
    return [governance.problem_line(p) for p in governance.convention_problems(error)]


def load_for_algorithm(source: str, feedback, timeout: float = 30.0):
    """The convention, or QgsProcessingException listing every problem of a broken one."""
    from .governance import load_convention_source

    if not source.strip():
        raise QgsProcessingException(tr("No convention was given."))
    try:
        convention = load_convention_source(source, timeout=timeout)
    except ConventionError as error:
        lines = problem_lines(error)
        for line in lines:
            feedback.reportError(line, False)
        raise QgsProcessingException("\n".join([error_message(error)] + lines)) from None
    except GeoGovError as error:
        raise QgsProcessingException(error_message(error)) from None
    governance = _sentences()
    for warning in convention.warnings:
        feedback.pushWarning(governance.problem_line(warning))
    feedback.pushInfo(tr("Convention “{title}” (version {version}): {partners} partners, "
                         "{datasets} datasets.").format(
                             title=convention.title, version=convention.version,
                             partners=len(convention.partners),
                             datasets=len(convention.datasets)))
    return convention


def harvest_for_algorithm(url: str, feedback, timeout: float = 30.0, incremental: bool = True):
    """``(records, sweep info)`` of the catalogue at ``url``, read incrementally when
    ``incremental`` and possible (bridge/governance.py ``sweep_records``); ``(None, None)``
    (with a note) when none is given or the catalogue search client is not part of this
    GeoGov."""
    url = (url or "").strip()
    if not url:
        feedback.pushInfo(tr("No catalogue given: freshness and discrepancies rest on the "
                             "convention (and the store) alone."))
        return None, None
    try:
        from .governance import sweep_records
    except ImportError:
        feedback.pushWarning(tr("This GeoGov cannot search catalogues: the catalogue was "
                                "skipped."))
        return None, None
    from ..governance.report_html import sweep_phrase

    feedback.pushInfo(tr("Harvesting the catalogue {url}…").format(url=url))
    notes = []
    try:
        sweep = sweep_records(url, progress=lambda f: feedback.setProgress(50.0 * f),
                              is_cancelled=feedback.isCanceled, notes=notes,
                              timeout=timeout, feedback=feedback, incremental=incremental)
    except GeoGovError as error:
        raise QgsProcessingException(error_message(error)) from None
    feedback.pushInfo(tr("{n} records read from the catalogue.").format(n=len(sweep.records)))
    feedback.pushInfo(sweep_phrase(sweep.info, tr))
    if sweep.info.cache_error is not None:
        feedback.pushWarning(tr("The records read could not be kept for the next sweep: "
                                "{error}").format(error=error_message(sweep.info.cache_error)))
    return sweep.records, sweep.info


def add_incremental_parameter(algorithm) -> None:
    algorithm.addParameter(QgsProcessingParameterBoolean(
        "INCREMENTAL", tr("Read only the catalogue records changed since the last sweep"),
        defaultValue=True, optional=True))


def incremental_parameter(algorithm, parameters, context) -> bool:
    if "INCREMENTAL" not in parameters or parameters["INCREMENTAL"] is None:
        return True
    return algorithm.parameterAsBool(parameters, "INCREMENTAL", context)


def incremental_help() -> str:
    return tr(
        "Incremental (INCREMENTAL, default yes): a CSW catalogue read before is asked only for "
        "the records changed since (its apiso:Modified queryable, the records' dateStamp) and "
        "for the list of its identifiers, so that deleted records leave at once; the other "
        "records come from GeoGov's copy of the last sweep, kept in the QGIS user profile "
        "(geogov/catalogue-sweeps). A full sweep is made every 7 days, the first time, and "
        "whenever the copy cannot be trusted; an OGC API Records catalogue is always read in "
        "full. The log and the report say how the catalogue was read.")


def store_facts_for_algorithm(store_text: str, login: str, convention, feedback):
    """The proposal store's facts (applied dates, counts) of STORE read as LOGIN, or None
    when no store is given."""
    from . import settings as gsettings
    from .store_factory import coordinator_login, looks_like_dsn, open_store, read_store_facts

    store_text = (store_text or "").strip()
    if not store_text:
        return None
    settings = gsettings.load()
    login = (login or "").strip() or settings.identity_login
    if not login and not looks_like_dsn(store_text):
        login = coordinator_login(convention)
        feedback.pushInfo(tr("The store is read as {login}, the coordinator of the "
                             "convention.").format(login=login))
    try:
        store = open_store(settings, location=store_text, login=login)
        try:
            facts = read_store_facts(store, convention, feedback.isCanceled)
        finally:
            store.close()
    except GeoGovError as error:
        raise QgsProcessingException(error_message(error)) from None
    feedback.pushInfo(tr("Proposal store read: {n} datasets with applied changes.")
                      .format(n=len(facts.applied)))
    return facts


def add_store_parameters(algorithm) -> None:
    algorithm.addParameter(QgsProcessingParameterString(
        "STORE", tr("Proposal store (GeoPackage file or PostgreSQL connection)"), optional=True))
    algorithm.addParameter(QgsProcessingParameterString(
        "LOGIN", tr("Login to read a GeoPackage store as"), optional=True))


def date_parameter(algorithm, parameters, name, context) -> dt.date:
    value = algorithm.parameterAsDateTime(parameters, name, context)
    if value is not None and value.isValid():
        return value.date().toPyDate()
    return dt.date.today()


def add_date_parameter(algorithm, name):
    parameter = QgsProcessingParameterDateTime(
        name, tr("Date of the situation (default: today)"),
        type=QgsProcessingParameterDateTime.Type.Date, optional=True)
    algorithm.addParameter(parameter)


# ---------------------------------------------------------------------------- the algorithm
def dataset_rows(convention, today, records=None, applied=None, history=None) -> list:
    """One dict per dataset of the convention (and per catalogue record it does not know),
    with the commitment, situation and discrepancies also in words."""
    from ..governance.report_html import frequency_phrase, observed_phrase, status_phrase
    from ..governance.resolution import responsibility_rows

    governance = _sentences()

    def describe(result, discrepancies):
        text = " | ".join(governance.discrepancy_text(d) for d in discrepancies)
        if result is None:          # a catalogue record the convention does not cover
            return {"dataset": None, "situation": tr("not covered by the convention"),
                    "discrepancy_text": text}
        return {"commitment": frequency_phrase(result.frequency, tr),
                "observed": observed_phrase(result.observed, tr),
                "situation": status_phrase(result, tr), "discrepancy_text": text}

    return responsibility_rows(convention, today, records, applied, describe=describe,
                               history=history)


def _value(value):
    if isinstance(value, dt.date):
        return QDate(value.year, value.month, value.day)
    return value


class ConventionCheckAlgorithm(GeoGovAlgorithm):
    GROUP_ID = "governance"
    CONVENTION = "CONVENTION"
    CATALOGUE = "CATALOGUE"
    DATE = "DATE"
    OUTPUT = "OUTPUT"
    DATASETS = "DATASETS"
    LATE = "LATE"
    DISCREPANCIES = "DISCREPANCIES"

    def name(self):
        return "convention_check"

    def displayName(self):
        return tr("Check the partnership convention")

    def shortHelpString(self):
        return tr(
            "Loads and checks a partnership convention (geogov.convention/1) and lists who "
            "is responsible for each shared dataset, whether it is up to date, and where the "
            "catalogue's metadata and the convention disagree.\n\n"
            "Convention (CONVENTION): a file path or an http(s) URL of the YAML document. A "
            "convention with problems stops the algorithm; the log lists every problem with "
            "its line, column and place in the document.\n"
            "Catalogue (CATALOGUE, optional): the URL of a CSW or OGC API Records catalogue; "
            "its records give the last update dates and the discrepancies (custodian, "
            "producer or frequency that differ, no point of contact, records the convention "
            "does not know and datasets without a record).\n"
            "Date (DATE, optional): the day the situation is judged on (default: today).\n"
            "Proposal store (STORE, optional, and LOGIN for a GeoPackage store): the days "
            "changes were applied give how often the data really changes (observed "
            "freshness), compared with the committed frequency; a catalogue record older than "
            "the last applied change is flagged.\n\n"
            "Output table (OUTPUT, no geometry): one row per dataset with producers, "
            "maintainer, stewards and their e-mail, dissemination, personal data, licence, "
            "committed frequency, last revision and its source, next due date, status "
            "(up_to_date, late, unknown) and situation in words, days late, discrepancy "
            "codes and sentences, overdue contract deliveries, applied changes, last applied "
            "change, observed interval (days), observed frequency and pace (as_committed, "
            "more_often, less_often, unknown) and in words, record_behind; plus one row per "
            "catalogue record the convention does not cover.") + "\n\n" + incremental_help()

    def createInstance(self):
        return ConventionCheckAlgorithm()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString(
            self.CONVENTION, tr("Convention (file path or URL)")))
        self.addParameter(QgsProcessingParameterString(
            self.CATALOGUE, tr("Catalogue URL (CSW or OGC API Records)"), optional=True))
        add_incremental_parameter(self)
        add_date_parameter(self, self.DATE)
        add_store_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Datasets of the convention"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber(self.DATASETS, tr("Number of datasets")))
        self.addOutput(QgsProcessingOutputNumber(self.LATE, tr("Number of late datasets")))
        self.addOutput(QgsProcessingOutputNumber(self.DISCREPANCIES,
                                                 tr("Number of discrepancies")))

    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsString(parameters, self.CONVENTION, context)
        convention = load_for_algorithm(source, feedback)
        records, _sweep = harvest_for_algorithm(
            self.parameterAsString(parameters, self.CATALOGUE, context), feedback,
            incremental=incremental_parameter(self, parameters, context))
        if feedback.isCanceled():
            return {}
        facts = store_facts_for_algorithm(self.parameterAsString(parameters, "STORE", context),
                                          self.parameterAsString(parameters, "LOGIN", context),
                                          convention, feedback)
        today = date_parameter(self, parameters, self.DATE, context)
        rows = dataset_rows(convention, today, records,
                            applied=facts.applied if facts else None,
                            history=facts.history if facts else None)
        fields = table_fields()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        discrepancies = 0
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([_value(row.get(name)) for name, _kind in COLUMNS])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            discrepancies += len((row.get("discrepancies") or "").split())
        late = sum(1 for row in rows if row.get("status") == "late")
        datasets = sum(1 for row in rows if row.get("dataset"))
        feedback.pushInfo(tr("{datasets} datasets, {late} late, {discrepancies} "
                             "discrepancies.").format(datasets=datasets, late=late,
                                                      discrepancies=discrepancies))
        return {self.OUTPUT: dest_id, self.DATASETS: datasets, self.LATE: late,
                self.DISCREPANCIES: discrepancies}
