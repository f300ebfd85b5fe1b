"""Translation for everything GeoGov shows (widgets, messages, Processing help).

Call ``tr("English text")`` with a literal string (never an f-string: use
``tr("… {name}").format(name=…)``). pylupdate5 collects bare ``tr(…)`` calls into the
``@default`` context of i18n/geogov_fr.ts, which is the context looked up here.
"""

from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = "@default"


def tr(text: str, disambiguation: str = None, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)
