"""The convention as the rows both stores keep (partners, members, datasets, stewardships).

Both stores decide rights from these tables, never from the YAML: the PostgreSQL
triggers read them, and so does the GeoPackage store's code. ``sync_convention`` of each
store writes what :func:`convention_rows` returns.
"""

from __future__ import annotations

from .rules import REVIEW_ROLES


def _territory_codes(territory) -> tuple:
    """(departements, communes); both empty means everywhere."""
    if territory is None or territory.is_everywhere:
        return [], []
    return sorted(territory.departements), sorted(territory.communes)


def convention_rows(convention) -> dict:
    """{"partners": [...], "members": [...], "datasets": [...], "stewardships": [...]} as dicts."""
    partners, members, datasets, stewardships = [], [], [], []
    for partner in convention.partners.values():
        departements, communes = _territory_codes(partner.territory)
        partners.append({"id": partner.id, "name": partner.name, "kind": partner.kind,
                         "departements": departements, "communes": communes,
                         "everywhere": not departements and not communes})
        for contact in partner.contacts:
            if contact.login:
                members.append({"login": contact.login, "partner": partner.id, "name": contact.name,
                                "email": contact.email, "roles": sorted(set(contact.roles))})
    for dataset in convention.datasets.values():
        datasets.append({"id": dataset.id, "title": dataset.title,
                         "approval": [r for r in REVIEW_ROLES if r in dataset.approval],
                         "personal_data": bool(dataset.personal_data),
                         "proposers": list(dataset.proposers),
                         "proposers_own_territory": bool(dataset.proposers_own_territory),
                         "key_field": dataset.key_field or ""})
        for assignment in dataset.stewards:
            departements, communes = _territory_codes(assignment.territory)
            stewardships.append({"dataset": dataset.id, "partner": assignment.partner,
                                 "departements": departements, "communes": communes})
    return {"partners": partners, "members": members, "datasets": datasets,
            "stewardships": stewardships}
