"""The one exception hierarchy of the GeoGov core.

Every error carries a stable ``code`` (a dotted string the UI maps to a
translated sentence), ``params`` used to fill that sentence, and ``source``
(the document path or URL concerned). ``str(error)`` gives an English message
for logs and headless use; the UI never shows it as is but looks the code up
(see plugin/bridge/messages/), so the French text lives in i18n/geogov_fr.ts.
"""

from __future__ import annotations


class GeoGovError(Exception):
    """Base of every error raised on purpose by the core."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None, source: str | None = None,
                 **params):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message
        self.source = source
        self.params = params

    def __str__(self):
        if self.source:
            return f"{self.message} ({self.source})"
        return self.message


class DocumentError(GeoGovError):
    """A document (XML, JSON, YAML) that cannot be used: broken, hostile, unexpected."""

    code = "document"


class NetworkError(GeoGovError):
    """An HTTP exchange that failed: status, timeout, wrong content type, refused connection."""

    code = "network"


class ServiceException(GeoGovError):
    """An OGC exception report returned by a server (OWS ExceptionReport, ServiceExceptionReport)."""

    code = "ows.exception"


class ConventionError(GeoGovError):
    """A partnership convention that does not validate. ``problems`` lists every problem found."""

    code = "convention.invalid"

    def __init__(self, message: str, problems=(), **kwargs):
        super().__init__(message, **kwargs)
        self.problems = list(problems)


class StoreError(GeoGovError):
    """The proposal store refused or failed an operation."""

    code = "store"


class StoreFileError(StoreError):
    """The proposal store's file could not be opened or written: the disk is full, the file or
    its folder is read-only, it is not a GeoPackage (codes store.disk_full, store.read_only,
    store.unopenable, store.io_error, store.corrupt, store.not_a_database; params ``path``).

    Raised after the operation's transaction was rolled back: the file holds what it held
    before, and what the user was writing is still theirs (in memory, in the layer).
    """

    code = "store.file"


class PermissionDenied(StoreError):
    """The store (for PostgreSQL: the database itself) refused the current identity."""

    code = "store.permission"


class ConcurrentUpdate(StoreError):
    """Someone else changed the same object first (e.g. two stewards deciding at once)."""

    code = "store.concurrent"


class FileWriteError(GeoGovError):
    """A file GeoGov writes on the user's disk (an export, a report, a cache, a copy) could not
    be written (codes file.disk_full, file.too_large, file.read_only, file.permission,
    file.locked, file.no_folder, file.write_failed; params ``path``, ``folder``, ``detail``).

    Files are written to a temporary file beside the final one, then renamed over it: after
    this error, a file that was already at ``path`` is still there, whole.
    """

    code = "file.write_failed"


class ValidationFailed(GeoGovError):
    """A change set that breaks the target's schema or the convention's rules."""

    code = "proposal.invalid"

    def __init__(self, message: str, problems=(), **kwargs):
        super().__init__(message, **kwargs)
        self.problems = list(problems)


class ApplyError(GeoGovError):
    """Publishing an approved proposal to the authoritative data failed."""

    code = "apply"


class ConflictDetected(ApplyError):
    """The authoritative data changed since the proposal was made: nothing was written."""

    code = "apply.conflict"

    def __init__(self, message: str, conflicts=(), **kwargs):
        super().__init__(message, **kwargs)
        self.conflicts = list(conflicts)


class TerritoryError(GeoGovError):
    """A territory reference (communes and their groupings) that cannot be used."""

    code = "territory"


class Cancelled(GeoGovError):
    """The user cancelled a long operation (a QgsTask's cancel button)."""

    code = "cancelled"
