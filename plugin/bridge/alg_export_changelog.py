"""Processing algorithm geogov:export_changelog: the public "journal des modifications".

Reads the applied proposals of one dataset from the store (who proposed, why, who
approved, who applied, when, and the changes) and writes them as CSV, GeoJSON or a
standalone HTML page (plugin/publishing/changelog.py), the page's words in the user's
language.
"""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..errors import GeoGovError
from .alg_common import error_message
from .alg_proposals import _store_help, _StoreAlgorithm
from .i18n import tr


class ExportChangelogAlgorithm(_StoreAlgorithm):
    GROUP_ID = "apply"
    DATASET = "DATASET"
    TITLE = "TITLE"
    SINCE = "SINCE"
    FORMAT = "FORMAT"
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"

    def name(self):
        return "export_changelog"

    def displayName(self):
        return tr("Export a dataset's change log")

    def shortHelpString(self):
        return _store_help() + tr(
            "Dataset (DATASET): a dataset id of the convention.\n"
            "Title (TITLE, optional): the dataset's title shown on the page.\n"
            "Since (SINCE, optional): only changes applied from this date (YYYY-MM-DD, UTC).\n"
            "Format (FORMAT): CSV, GeoJSON (WGS 84) or HTML (a standalone page to publish).\n\n"
            "One line per changed feature of every applied proposal, oldest first: when it was "
            "applied, the proposal, its title and the author's reason, author and partner, who "
            "approved it, who applied it, the operation, the feature and the changed values. "
            "Output COUNT: the number of proposals exported.")

    def createInstance(self):
        return ExportChangelogAlgorithm()

    def initAlgorithm(self, config=None):
        self._store_parameters()
        self.addParameter(QgsProcessingParameterString(self.DATASET, tr("Dataset id")))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Dataset title"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.SINCE, tr("Applied since (YYYY-MM-DD)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.FORMAT, tr("Format"),
                                                     options=["CSV", "GeoJSON", "HTML"],
                                                     defaultValue=2))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Change log file"),
            fileFilter="HTML (*.html);;CSV (*.csv);;GeoJSON (*.geojson)"))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Number of proposals")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..publishing.changelog import FORMATS, export_changelog
        from .changelog_page import page_options

        dataset = self.parameterAsString(parameters, self.DATASET, context).strip()
        title = self.parameterAsString(parameters, self.TITLE, context).strip() or dataset
        since_text = self.parameterAsString(parameters, self.SINCE, context).strip()
        fmt = FORMATS[self.parameterAsEnum(parameters, self.FORMAT, context)]
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        since = None
        if since_text:
            try:
                since = dt.datetime.combine(dt.date.fromisoformat(since_text), dt.time(),
                                            tzinfo=dt.timezone.utc)
            except ValueError:
                raise QgsProcessingException(tr("Not a date (YYYY-MM-DD): {value}").format(
                    value=since_text)) from None
        try:
            store = self._open(parameters, context)
            try:
                entries = store.changelog(dataset=dataset, since=since, with_changes=True)
            finally:
                store.close()
            # Local times in words; logins and partner ids as stored (no convention here).
            export_changelog(entries, path, fmt, dataset_title=title, tr=tr, **page_options(None))
        except GeoGovError as error:
            raise QgsProcessingException(error_message(error)) from None
        except OSError as error:
            raise QgsProcessingException(tr("Cannot write {path}: {error}").format(
                path=path, error=error.strerror or str(error))) from None
        feedback.pushInfo(tr("{n} applied proposal(s) written to {path}.").format(n=len(entries),
                                                                               path=path))
        return {self.OUTPUT: path, self.COUNT: len(entries)}
