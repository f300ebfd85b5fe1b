"""The sentences GeoGov shows for the core's errors and notes, translated (tr()).

Both the bridge (Processing algorithms) and ui/ (panels, dialogs) show them, so they live
here, below both. ``lookup`` turns an error (its ``code`` and ``params``) into its sentence
from the merged tables: ``general``'s (unexpected errors, families, XML/JSON, HTTP), then
each domain's own, in a module of this package: catalogue, documents, files, governance,
proposals, publishing, store.
"""

from .lookup import DOMAIN_MODULES, adjusted, all_messages, error_text, format_template

__all__ = ["DOMAIN_MODULES", "adjusted", "all_messages", "error_text", "format_template"]
