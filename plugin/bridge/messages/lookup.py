"""Turn core errors (stable codes + params) into translated sentences for the user.

The core never translates: it raises GeoGovError subclasses with a ``code``. Each domain
keeps its sentences in a module of this package (``messages/<domain>.py``) exposing
``messages()`` (a dict code -> translated template, built at call time so the installed
translator applies); general.py holds the sentences of no domain (unexpected errors, the
families, XML/JSON documents, HTTP), which the domain tables may override. Templates use
``str.format`` names from the error's params.
"""

from __future__ import annotations

import string

from ..i18n import tr
from . import general

DOMAIN_MODULES = ("catalogue", "governance", "proposals", "publishing", "documents", "store",
                  "files")


def _domain_modules():
    for name in DOMAIN_MODULES:
        # Through __import__, as ui/plugin.py's ui_module: a plugin reload drops it. A domain
        # that fails to import is a bug to see, not a table to do without.
        yield __import__(f"{__package__}.{name}", fromlist=["__name__"])


def all_messages() -> dict:
    table = general.messages()
    for module in _domain_modules():
        table.update(module.messages())
    return table


def adjusted(code: str, params: dict):
    """(template key, params) once each domain's optional ``adjust(code, params)`` ran: it
    may translate words the core puts in params, or pick a variant of its sentence."""
    for module in _domain_modules():
        adjust = getattr(module, "adjust", None)
        if adjust is not None:
            code, params = adjust(code, params)
    return code, params


class _Lenient(dict):
    """Missing params show as {name} rather than failing the whole message."""

    def __missing__(self, key):
        return "{" + key + "}"


def format_template(template: str, params: dict) -> str:
    return string.Formatter().vformat(template, (), _Lenient(params))


def error_text(error, table: dict | None = None) -> str:
    """The translated sentence for ``error`` (a GeoGovError or any exception)."""
    table = table if table is not None else all_messages()
    code = getattr(error, "code", None) or "error"
    params = dict(getattr(error, "params", {}) or {})
    params.setdefault("message", str(error))
    code, params = adjusted(code, params)
    template = table.get(code)
    while template is None and "." in code:  # "http.status.418" falls back to "http.status"
        code = code.rsplit(".", 1)[0]
        template = table.get(code)
    if template is None:
        template = table["error"]
    text = format_template(template, params)
    source = getattr(error, "source", None)
    if source:
        text += " " + tr("(document: {source})").format(source=source)
    return text
