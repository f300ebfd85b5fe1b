"""A local copy of a shared layer to edit freely, then propose its differences.

The copy is a GeoPackage in the QGIS profile (``geogov/copies``), written in a QgsTask
from a QgsVectorLayerFeatureSource (a WFS layer is read off the main thread). The copy
remembers its authoritative layer (propose.COPY_OF_PROPERTY), so "Propose my changes"
on it compares the two. Saving edits to the copy is harmless: it is the technician's
own file; the shared data changes only through an approved proposal.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureSink,
    QgsFields,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)

from ..errors import Cancelled, GeoGovError
from ..safe_files import diagnose, file_error
from .propose import COPY_OF_PROPERTY

CHECK_EVERY = 500


def copies_folder() -> str:
    from qgis.core import QgsApplication

    return os.path.join(QgsApplication.qgisSettingsDirPath(), "geogov", "copies")


def copy_path(layer, folder: str, now: dt.datetime | None = None) -> str:
    name = re.sub(r"[^\w-]+", "_", layer.name(), flags=re.UNICODE).strip("_") or "copy"
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return os.path.join(folder, f"{name}-{stamp}.gpkg")


@dataclass
class CopySource:
    """What the task reads: built on the main thread from the shared layer."""

    layer_id: str
    name: str
    table: str
    source: QgsVectorLayerFeatureSource
    fields: QgsFields
    wkb_type: int
    crs: QgsCoordinateReferenceSystem
    context: QgsCoordinateTransformContext
    count: int


def copy_source(layer, transform_context: QgsCoordinateTransformContext) -> CopySource:
    table = re.sub(r"[^\w]+", "_", layer.name(), flags=re.UNICODE).strip("_") or "copy"
    return CopySource(layer.id(), layer.name(), table, QgsVectorLayerFeatureSource(layer),
                      QgsFields(layer.fields()), layer.wkbType(), layer.crs(), transform_context,
                      max(layer.featureCount(), 0))


def _copy_error(path: str, reason: str) -> GeoGovError:
    """Why the copy could not be written: the disk full or the folder read-only when a probe
    beside it says so (GDAL's message gives no errno), else GDAL's own words."""
    found = diagnose(path, reason)
    if found.code != "file.write_failed":
        return found
    return GeoGovError(f"cannot write {path}: {reason}", code="proposal.copy_failed", path=path,
                       reason=reason)


def _remove_copy(path: str) -> None:
    """A copy that failed half-way is not left in the profile (nor its SQLite side files)."""
    for name in (path, f"{path}-journal", f"{path}-wal", f"{path}-shm"):
        try:
            os.remove(name)
        except OSError:
            pass


def write_copy(source: CopySource, path: str, progress=None, is_cancelled=None) -> str:
    """Write every feature of ``source`` into a new GeoPackage at ``path`` (any thread).
    A failure (the disk full, cancelled) removes the half-written file."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    except OSError as error:
        raise file_error(error, path) from None
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = source.table
    writer = QgsVectorFileWriter.create(path, source.fields, source.wkb_type, source.crs, source.context,
                                        options)
    written = 0
    try:
        if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise _copy_error(path, writer.errorMessage())
        for number, feature in enumerate(source.source.getFeatures(), 1):
            written = number
            if not writer.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                raise _copy_error(path, writer.lastError())
            if number % CHECK_EVERY == 0:
                if is_cancelled is not None and is_cancelled():
                    raise Cancelled("copy cancelled")
                if progress is not None and source.count:
                    progress(min(number / source.count, 0.99))
    except BaseException:
        del writer
        _remove_copy(path)
        raise
    # Closing commits what GDAL buffered, and cannot report a failure (the disk full then):
    # the file read back must hold every feature written.
    del writer
    check = QgsVectorLayer(f"{path}|layername={source.table}", "check", "ogr")
    complete = check.isValid() and check.featureCount() == written
    del check
    if not complete:
        error = _copy_error(path, f"the file holds fewer than the {written} features written")
        _remove_copy(path)
        raise error
    return path


def open_copy(source: CopySource, path: str) -> QgsVectorLayer:
    """The written copy as a layer that remembers its shared layer (main thread)."""
    layer = QgsVectorLayer(f"{path}|layername={source.table}", f"{source.name} (copy)", "ogr")
    if not layer.isValid():
        raise GeoGovError(f"cannot open {path}", code="proposal.copy_failed", path=path, reason="")
    layer.setCustomProperty(COPY_OF_PROPERTY, source.layer_id)
    return layer
