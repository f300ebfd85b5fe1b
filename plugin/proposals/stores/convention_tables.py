"""The convention as the rows both stores keep (partners, members, datasets, stewardships).

Both stores decide rights from these tables, never from the YAML: the PostgreSQL
triggers read them, and so does the GeoPackage store's code. ``sync_convention`` of each
store writes what :func:`convention_rows` returns. Territories are sets of communes of
the convention's territory reference (plugin/territories): a partner's ``communes`` (and
its extra ``geometry``, ISO WKB in the reference CRS) bound where it may propose; a
stewardship's ``communes`` say where it validates (``everywhere``: the default stewards).
"""

from __future__ import annotations

from ...governance.targets import epsg_code
from ..rules import REVIEW_ROLES


def _territory(territory, routing: bool) -> tuple:
    """(sorted communes, everywhere)."""
    if territory is None or territory.is_everywhere:
        return [], True
    return sorted(territory.routing_communes if routing else territory.members), False


def convention_rows(convention) -> dict:
    """{"partners": [...], "members": [...], "datasets": [...], "stewardships": [...]} as dicts."""
    partners, members, datasets, stewardships = [], [], [], []
    for partner in convention.partners.values():
        communes, everywhere = _territory(partner.territory, routing=False)
        partners.append({"id": partner.id, "name": partner.name, "kind": partner.kind,
                         "communes": communes, "everywhere": everywhere,
                         "geometry": None if everywhere else partner.territory.geometry})
        for contact in partner.contacts:
            if contact.login:
                members.append({"login": contact.login, "partner": partner.id, "name": contact.name,
                                "email": contact.email, "roles": sorted(set(contact.roles))})
    for dataset in convention.datasets.values():
        target = dataset.target
        datasets.append({"id": dataset.id, "title": dataset.title,
                         "target_kind": target.kind if target else "",
                         "target_uri": target.uri if target else "",
                         "target_layer": target.layer if target else "",
                         "target_srid": epsg_code(target.crs) if target else 0,
                         "approval": [r for r in REVIEW_ROLES if r in dataset.approval],
                         "personal_data": bool(dataset.personal_data),
                         "proposers": list(dataset.proposers),
                         "proposers_own_territory": bool(dataset.proposers_own_territory),
                         "key_field": dataset.key_field or ""})
        for assignment in dataset.stewards:
            communes, everywhere = _territory(assignment.territory, routing=True)
            stewardships.append({"dataset": dataset.id, "partner": assignment.partner,
                                 "communes": communes, "everywhere": everywhere})
    return {"partners": partners, "members": members, "datasets": datasets,
            "stewardships": stewardships}


def reference_rows(reference) -> dict:
    """The territory reference as the PostgreSQL store keeps it: {"name", "crs_wkt",
    "tolerance", "communes": [(code, name, departement, epci, ept, ISO WKB)]}."""
    return {"name": reference.name, "crs_wkt": reference.crs_wkt, "tolerance": reference.tolerance,
            "communes": [(c.code, c.name, c.departement, c.epci, c.ept, reference.geometries[c.code])
                         for c in reference.communes.values()]}
