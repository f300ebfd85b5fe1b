"""Translated labels of the codes GeoGov shows: ISO roles, convention roles, statuses.

The one table of role labels for every panel (catalogue, responsibility, browser, report
dialog): the core keeps stable codes (ISO 19115 ``CI_RoleCode`` values, the convention's
data-organisation roles), the UI shows these labels. Labels are built at call time so the
translator installed by the plugin applies.
"""

from __future__ import annotations

from ...governance import report_html
from ..i18n import tr


def iso_role_labels() -> dict:
    """ISO 19115 CI_RoleCode (19139 and 19115-1) -> label."""
    return {
        "resourceProvider": tr("Resource provider"),
        "custodian": tr("Custodian"),
        "owner": tr("Owner"),
        "user": tr("User"),
        "distributor": tr("Distributor"),
        "originator": tr("Originator"),
        "pointOfContact": tr("Point of contact"),
        "principalInvestigator": tr("Principal investigator"),
        "processor": tr("Processor"),
        "publisher": tr("Publisher"),
        "author": tr("Author"),
        # ISO 19115-1:2014 additions
        "sponsor": tr("Sponsor"),
        "coAuthor": tr("Co-author"),
        "collaborator": tr("Collaborator"),
        "editor": tr("Editor"),
        "mediator": tr("Mediator"),
        "rightsHolder": tr("Rights holder"),
        "contributor": tr("Contributor"),
        "funder": tr("Funder"),
        "stakeholder": tr("Stakeholder"),
    }


def iso_role_label(role) -> str:
    if not role:
        return tr("Role not stated")
    return iso_role_labels().get(role, role)


def organisation_role_labels() -> dict:
    """The convention's roles of a contact in its partner's data organisation."""
    return {
        "referent_donnees": tr("Data referent"),
        "steward": tr("Validation referent (steward)"),
        "dpo": tr("Data protection officer (DPO)"),
        "dsi": tr("IT department (DSI)"),
        "chef_de_projet": tr("Project manager"),
        "technicien": tr("Technician"),
        "coordinator": tr("Convention coordinator"),
    }


def organisation_role_label(role: str) -> str:
    return organisation_role_labels().get(role, role)


def responsibility_role_labels() -> dict:
    """A partner's part in one dataset (the responsibility panel, the browser)."""
    return {
        "producer": tr("Producer"),
        "maintainer": tr("Maintainer (custodian)"),
        "steward": tr("Validates the changes"),
        "dpo": tr("Data protection officer (DPO)"),
    }


def responsibility_role_label(role: str) -> str:
    return responsibility_role_labels().get(role, organisation_role_label(role))


# ---------------------------------------------------------------------------- statuses
STATUS_COLOURS = {"up_to_date": "#2e7d32", "late": "#c62828", "unknown": "#757575"}


def status_label(status: str) -> str:
    return {"up_to_date": tr("Up to date"), "late": tr("Late"),
            "unknown": tr("Unknown")}.get(status, tr("Unknown"))


def status_colour(status: str) -> str:
    return STATUS_COLOURS.get(status, STATUS_COLOURS["unknown"])


def dissemination_label(code: str) -> str:
    return {"open": tr("Open data"), "partenaires": tr("Partners of the convention only"),
            "restreint": tr("Restricted")}.get(code, code)


def partner_kind_label(kind: str) -> str:
    return report_html.kind_label(kind, tr)


def frequency_label(code: str) -> str:
    return report_html.frequency_phrase(code, tr)


def date_label(day) -> str:
    return report_html.date_text(day, tr)


def lateness_label(days_late: int, months_late: int) -> str:
    return report_html.lateness_phrase(days_late, months_late, tr)

