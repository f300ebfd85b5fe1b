"""Stamping an ISO 19139 record after its data changed: revision date, dateStamp, next update.

:func:`stamp_record` edits a parsed ``gmd:MD_Metadata`` (or a profile's extension of it:
only ISO's own properties are touched, whatever class a profile puts in them) in place:

- the primary resource citation's ``revision`` CI_Date is set to the day of the change (a
  new CI_Date is added after the citation's last date when it has none);
- ``gmd:dateStamp`` is set to the moment of the change, in the form the record uses
  (``gco:DateTime`` with the local offset, so the day the plugin reads is the local day —
  see dates.parse_date —, or ``gco:Date``);
- the resource maintenance's ``gmd:dateOfNextUpdate`` is set when ``next_update`` is given
  (added after ``maintenanceAndUpdateFrequency`` when missing).

Nothing else of the record changes: the catalogue receives the whole record back (a CSW-T
full-record Update, plugin/catalogue/csw_transaction.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from lxml import etree

from ..errors import DocumentError
from . import iso_common as common
from .gmd_tags import (
    CITATION,
    DATE,
    DATE_TYPE,
    DATESTAMP,
    FREQUENCY,
    GCO,
    GMD,
    IDENT_INFO,
    NEXT_UPDATE,
    RES_MAINT,
    TITLE,
)

_GCO_DATE = f"{{{GCO}}}Date"
_GCO_DATETIME = f"{{{GCO}}}DateTime"
_CI_DATE = f"{{{GMD}}}CI_Date"
_DATE_TYPE_CODE = f"{{{GMD}}}CI_DateTypeCode"
_ALT_TITLE = f"{{{GMD}}}alternateTitle"
_DATE_TYPE_LIST = ("http://standards.iso.org/iso/19139/resources/gmxCodelists.xml"
                   "#CI_DateTypeCode")
_MAINT_INFO = f"{{{GMD}}}MD_MaintenanceInformation"


def _primary_identification(md):
    for child in md.iterchildren(IDENT_INFO):
        return common.first_child(child)
    return None


def primary_citation(md):
    """The CI_Citation (or a profile's class in its place) of the record's resource."""
    ident = _primary_identification(md)
    if ident is None:
        return None
    for child in ident.iterchildren(CITATION):
        return common.first_child(child)
    return None


def _set_temporal(holder, day: dt.date, moment: Optional[dt.datetime]) -> None:
    """Replace the gco:Date / gco:DateTime inside ``holder``, keeping its kind."""
    old = common.first_child(holder)
    use_datetime = moment is not None and old is not None and old.tag == _GCO_DATETIME
    for child in list(holder):
        holder.remove(child)
    for name in list(holder.attrib):
        if name.endswith("nilReason"):
            del holder.attrib[name]
    value = etree.SubElement(holder, _GCO_DATETIME if use_datetime else _GCO_DATE)
    value.text = moment.isoformat(timespec="seconds") if use_datetime else day.isoformat()


def _revision_dates(citation) -> list:
    out = []
    for prop in citation.iterchildren(DATE):
        ci_date = common.first_child(prop)
        if ci_date is None:
            continue
        for part in ci_date.iterchildren(DATE_TYPE):
            if common.code_key(common.code_value(part), "CI_DateTypeCode") == "revision":
                out.append(ci_date)
    return out


def _new_revision(citation, day: dt.date) -> None:
    prop = etree.Element(DATE)
    ci_date = etree.SubElement(prop, _CI_DATE)
    etree.SubElement(etree.SubElement(ci_date, DATE), _GCO_DATE).text = day.isoformat()
    code = etree.SubElement(etree.SubElement(ci_date, DATE_TYPE), _DATE_TYPE_CODE)
    code.set("codeList", _DATE_TYPE_LIST)
    code.set("codeListValue", "revision")
    code.text = "revision"
    # CI_Citation's order: title, alternateTitle*, date+, edition…
    anchor = None
    for child in citation:
        if child.tag in (TITLE, _ALT_TITLE, DATE):
            anchor = child
    if anchor is None:
        citation.insert(0, prop)
    else:
        anchor.addnext(prop)


def _maintenance(md):
    ident = _primary_identification(md)
    if ident is None:
        return None
    for child in ident.iterchildren(RES_MAINT):
        info = common.first_child(child)
        if info is not None:
            return info
    return None


def has_maintenance(md) -> bool:
    return _maintenance(md) is not None


def stamp_record(md, day: dt.date, moment: dt.datetime,
                 next_update: Optional[dt.date] = None) -> None:
    """Set the revision date, the dateStamp and (``next_update``) the next update date of
    ``md`` in place (see the module docstring). Raises DocumentError ``iso.missing_element``
    when the record has no resource citation."""
    citation = primary_citation(md)
    if citation is None:
        raise DocumentError("The record has no resource citation", code="iso.missing_element",
                            element="gmd:citation")
    revisions = _revision_dates(citation)
    if revisions:
        for ci_date in revisions:
            for holder in ci_date.iterchildren(DATE):
                _set_temporal(holder, day, None)
    else:
        _new_revision(citation, day)
    stamps = list(md.iterchildren(DATESTAMP))
    if stamps:
        _set_temporal(stamps[0], day, moment)
    if next_update is not None:
        info = _maintenance(md)
        if info is not None:
            holders = list(info.iterchildren(NEXT_UPDATE))
            if holders:
                _set_temporal(holders[0], next_update, None)
            else:
                holder = etree.Element(NEXT_UPDATE)
                etree.SubElement(holder, _GCO_DATE).text = next_update.isoformat()
                frequency = next(info.iterchildren(FREQUENCY), None)
                if frequency is not None:
                    frequency.addnext(holder)
                else:
                    info.insert(0, holder)
