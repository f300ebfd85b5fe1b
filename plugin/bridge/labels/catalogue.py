"""Labels of the catalogue's codes: update frequencies, party contexts, link kinds, dates.

ISO role labels live in labels/governance.py (shared with the Responsibility panel); these are
the ones only the Catalogue dock and its detail pane show. Built at call time so the
installed translator applies.
"""

from __future__ import annotations

from ...catalogue import model
from ..i18n import tr

# The disambiguation "update frequency" (a literal: pylupdate5 reads only literals) keeps
# these apart from other "Monthly"/"Unknown" of the project: in French a frequency is
# feminine ("mensuelle", "inconnue").


def frequency_labels() -> dict:
    """MD_MaintenanceFrequencyCode (ISO 19139, plus biennially/periodic of 19115-1)."""
    return {
        "continual": tr("Continual", "update frequency"),
        "daily": tr("Daily", "update frequency"),
        "weekly": tr("Weekly", "update frequency"),
        "fortnightly": tr("Fortnightly", "update frequency"),
        "semimonthly": tr("Twice a month", "update frequency"),
        "monthly": tr("Monthly", "update frequency"),
        "quarterly": tr("Quarterly", "update frequency"),
        "biannually": tr("Half-yearly", "update frequency"),
        "annually": tr("Yearly", "update frequency"),
        "biennially": tr("Every two years", "update frequency"),
        "periodic": tr("Periodic", "update frequency"),
        "asNeeded": tr("As needed", "update frequency"),
        "irregular": tr("Irregular", "update frequency"),
        "notPlanned": tr("Not planned", "update frequency"),
        "unknown": tr("Unknown", "update frequency"),
    }


def frequency_label(maintenance) -> str:
    """The label of a record's update frequency ("" when the record says nothing)."""
    if maintenance is None:
        return ""
    if maintenance.frequency:
        return frequency_labels().get(maintenance.frequency, maintenance.frequency)
    if maintenance.frequency_raw:
        return maintenance.frequency_raw       # not a code: shown as written
    if maintenance.user_defined:
        return tr("Every {duration}", "update frequency").format(duration=maintenance.user_defined)
    return ""


def context_labels() -> dict:
    """Where in the record a party appears (``Party.context``)."""
    return {
        model.METADATA_CONTACT: tr("metadata contact"),
        model.RESOURCE_CONTACT: tr("resource point of contact"),
        model.CITED_PARTY: tr("cited party"),
        model.DISTRIBUTOR: tr("distributor contact"),
        model.MAINTENANCE_CONTACT: tr("maintenance contact"),
        model.OGCAPI_CONTACT: tr("OGC API Records contact"),
        model.DC_PARTY: tr("Dublin Core element"),
        model.SERVICE_CONTACT: tr("service contact"),
        model.CATALOGUE_PRODUCER: tr("feature catalogue producer"),
        model.ASSOCIATED_PARTY: tr("party of an associated resource"),
    }


def context_label(context: str) -> str:
    return context_labels().get(context, context)


def link_kind_labels() -> dict:
    return {
        model.LINK_WMS: "WMS",
        model.LINK_WMTS: "WMTS",
        model.LINK_WFS: "WFS",
        model.LINK_OGCAPI_FEATURES: tr("API", "OGC API Features, in the Services column"),
        model.LINK_DOWNLOAD: tr("Download"),
        model.LINK_WEBPAGE: tr("Web page"),
        model.LINK_OTHER: tr("Other link"),
    }


# What the Services column lists, in this order.
SERVICE_KINDS = (model.LINK_WMS, model.LINK_WMTS, model.LINK_WFS, model.LINK_OGCAPI_FEATURES)


def services_label(record) -> str:
    labels = link_kind_labels()
    kinds = {link.kind for link in record.links}
    return ", ".join(labels[kind] for kind in SERVICE_KINDS if kind in kinds)


def date_label(day) -> str:
    """A date as French users write it (31/05/2026); "" for none."""
    if day is None:
        return ""
    return tr("{day:02d}/{month:02d}/{year}", "a date").format(day=day.day, month=day.month,
                                                              year=day.year)


def date_kind_labels() -> dict:
    return {"creation": tr("Created"), "publication": tr("Published"),
            "revision": tr("Revised")}


def revision_kind_labels() -> dict:
    """Which citation date "Last revision" is (``Record.last_revision_kind``)."""
    return {"revision": tr("revision date"), "publication": tr("publication date"),
            "creation": tr("creation date")}


def last_revision_help() -> str:
    """What "Last revision" means (README, « Dernière révision »)."""
    return tr("Last revision: the latest of the revision, publication and creation dates of "
              "the record's resource citation, as the record writes it (a time or time zone "
              "never moves it to another day).")


def last_revision_label(record, date=None) -> str:
    """"11/03/2025 (publication date)": the date and which date of the citation it is;
    ``date`` formats the day (a table cell: date_label; a record's page: in words)."""
    day = record.last_revision
    if day is None:
        return ""
    kind = revision_kind_labels().get(record.last_revision_kind, record.last_revision_kind)
    return tr("{date} ({kind})", "last revision and its date type").format(
        date=(date or date_label)(day), kind=kind)


def sort_label(sort: str) -> str:
    return {"title": tr("title"), "revision": tr("revision date")}.get(sort, sort)


def restriction_labels() -> dict:
    """ISO 19115 MD_RestrictionCode and MD_ClassificationCode, in words."""
    return {"copyright": tr("copyright"), "patent": tr("patent"),
            "patentPending": tr("patent pending"), "trademark": tr("trademark"),
            "license": tr("licence"), "licence": tr("licence"),
            "intellectualPropertyRights": tr("intellectual property rights"),
            "restricted": tr("restricted"), "otherRestrictions": tr("see the conditions below"),
            "unrestricted": tr("no restriction"), "licenceUnrestricted": tr("open licence"),
            "licenceEndUser": tr("end-user licence"),
            "licenceDistributor": tr("distributor licence"), "private": tr("private"),
            "statutory": tr("statutory"), "confidential": tr("confidential"),
            "sensitiveButUnclassified": tr("sensitive"), "in-confidence": tr("in confidence"),
            "unclassified": tr("unclassified"), "secret": tr("secret"),
            "topSecret": tr("top secret"), "SBU": tr("sensitive")}


def constraint_label(text: str) -> str:
    """A record's constraint as a reader understands it: "accessConstraints: otherRestrictions"
    (the parser's code form) becomes « Access: see the conditions below »; free text stays."""
    kinds = {"accessConstraints": tr("Access"), "useConstraints": tr("Use"),
             "classification": tr("Classification")}
    kind, sep, code = str(text).partition(": ")
    if sep and kind in kinds:
        return tr("{kind}: {code}").format(kind=kinds[kind],
                                           code=restriction_labels().get(code, code))
    return str(text)
