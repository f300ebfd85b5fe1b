"""The one exception hierarchy of the GeoGov core.

Every error carries a stable ``code`` (a dotted string the UI maps to a
translated sentence), ``params`` used to fill that sentence, and ``source``
(the document path or URL concerned). ``str(error)`` gives an English message
for logs and headless use; the UI never shows it as is but looks the code up
(see ui/messages.py), so the French text lives in i18n/geogov_fr.ts.
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


class PermissionDenied(StoreError):
    """The store (for PostgreSQL: the database itself) refused the current identity."""

    code = "store.permission"


class ConcurrentUpdate(StoreError):
    """Someone else changed the same object first (e.g. two stewards deciding at once)."""

    code = "store.concurrent"


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
