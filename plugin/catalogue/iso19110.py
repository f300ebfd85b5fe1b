"""ISO 19110 feature catalogues (gfc:FC_FeatureCatalogue) -> Record.

GeoNetwork serves them beside the records they describe (an attribute dictionary linked
from the dataset). They carry a name, a version date, a producer (a CI_ResponsibleParty,
kept with its role in the ``catalogue_producer`` context) and the feature types, whose
names become the record's keywords.
"""

from __future__ import annotations

from ..errors import DocumentError
from . import iso_common as common
from .dates import parse_date
from .iso19139_parties import add_party
from .model import CATALOGUE_PRODUCER, Record

GFC = "http://www.isotc211.org/2005/gfc"
GMX = "http://www.isotc211.org/2005/gmx"
FEATURE_CATALOGUE = f"{{{GFC}}}FC_FeatureCatalogue"
_PRODUCER = f"{{{GFC}}}producer"
_FEATURE_TYPE = f"{{{GFC}}}featureType"
_TYPE_NAME = f"{{{GFC}}}typeName"
_DEFINITION = f"{{{GFC}}}definition"
_NAMES = (f"{{{GMX}}}name", f"{{{GFC}}}name")
_SCOPES = (f"{{{GMX}}}scope", f"{{{GFC}}}scope")
_VERSION_DATES = (f"{{{GMX}}}versionDate", f"{{{GFC}}}versionDate")


def is_catalogue(element) -> bool:
    return element.tag == FEATURE_CATALOGUE


def parse_catalogue(element, source: str = "") -> Record:
    """The :class:`Record` of a ``gfc:FC_FeatureCatalogue`` (``iso.not_metadata`` otherwise)."""
    if not is_catalogue(element):
        raise DocumentError(f"Not an ISO 19110 feature catalogue: <{common.local(element.tag)}>",
                            code="iso.not_metadata", source=source,
                            element=common.local(element.tag))
    record = Record(identifier=element.get("uuid") or element.get("id") or "", source=source,
                    standard="iso19110", hierarchy="featureCatalogue")
    scopes = []
    for child in element:
        tag = child.tag
        if tag in _NAMES:
            record.title = common.text(child)
        elif tag in _SCOPES:
            value = common.text(child)
            if value:
                scopes.append(value)
        elif tag in _VERSION_DATES:
            value = parse_date(common.text(child))
            if value is not None:
                record.dates["revision"] = value
        elif tag == _PRODUCER:
            add_party(record, child, CATALOGUE_PRODUCER, source)
        elif tag == _FEATURE_TYPE:
            feature_type = common.first_child(child)
            if feature_type is None:
                continue
            name = common.text(feature_type.find(_TYPE_NAME))
            if name and name not in record.keywords:
                record.keywords.append(name)
    record.abstract = "\n".join(scopes)
    if not record.identifier:
        record.problems.append("iso.fileidentifier_missing")
    return record
