"""Reading one ``partners[i]`` entry of a convention: kind, territory, contacts.

See convention_loader for the format. Territory codes are checked against the reference
of the convention's territory reference (plugin/territories); départements, ``epci:`` and
``ept:`` SIRENs are expanded into their member communes.
"""

from __future__ import annotations

import os
from urllib.parse import urljoin

from . import convention as model
from .yaml_nodes import suggestion

PARTNER_KEYS = ("id", "name", "kind")
PARTNER_OPTIONAL = ("siren", "aliases", "territory", "contacts")
TERRITORY_KEYS = ("region", "departements", "communes", "epci", "ept", "geometry")
CONTACT_OPTIONAL = ("email", "phone", "roles", "login")
KIND_LABELS = ("région", "département", "MGP", "EPT", "EPCI", "commune", "syndicat",
               "opérateur", "État", "agence", "prestataire privé")


def read_partner(reader, node, path):
    check = reader.check
    keys = check.mapping(node, path, required=PARTNER_KEYS, optional=PARTNER_OPTIONAL)
    if keys is None:
        return None
    pid = check.text(keys["id"], f"{path}.id") if "id" in keys else None
    name = check.text(keys["name"], f"{path}.name") if "name" in keys else None
    kind = None
    if "kind" in keys:
        raw = check.text(keys["kind"], f"{path}.kind")
        kind = model.normalise_kind(raw) if raw else None
        if raw and kind is None:
            close = suggestion(raw, KIND_LABELS)
            check.report("convention.bad_kind", f"Unknown kind of partner '{raw}'"
                         + (f"; did you mean '{close}'?" if close else ""), keys["kind"],
                         f"{path}.kind", value=raw, suggestion=close,
                         allowed=list(KIND_LABELS))
    siren = ""
    if "siren" in keys:
        siren = check.text(keys["siren"], f"{path}.siren") or ""
        if siren and not (len(siren) == 9 and siren.isdigit()):
            check.report("convention.bad_siren", f"'{siren}' is not a SIREN (9 digits)",
                         keys["siren"], f"{path}.siren", value=siren)
    aliases = []
    if "aliases" in keys:
        items = check.texts(keys["aliases"], f"{path}.aliases")
        if items is None:
            return None
        aliases = [v for _p, _n, v in items]
    territory = model.Territory()
    if "territory" in keys:
        territory = read_territory(reader, keys["territory"], f"{path}.territory")
    contacts = []
    if "contacts" in keys:
        for cpath, cnode in check.sequence(keys["contacts"], f"{path}.contacts") or []:
            contact = _contact(reader, cnode, cpath)
            if contact is not None:
                contacts.append(contact)
    if None in (pid, name, kind) or territory is None:
        return None
    return model.Partner(id=pid, name=name, kind=kind, siren=siren, territory=territory,
                         contacts=contacts, aliases=aliases)


def read_territory(reader, node, path):
    """A Territory with its codes checked against the reference and resolved into
    communes (``members``, ``routing_communes``) and a geometry (see convention.Territory)."""
    check = reader.check
    reference = reader.reference
    keys = check.mapping(node, path, optional=TERRITORY_KEYS)
    if keys is None:
        return None
    territory = model.Territory()
    members = set()
    ok = True
    if "region" in keys:
        region = check.boolean(keys["region"], f"{path}.region")
        ok &= region is not None
        territory.region = bool(region)
    items = _codes(reader, keys, "departements", path)
    ok &= items is not None
    for code_path, code_node, code in items or []:
        if code not in reference.departements:
            close = code.zfill(2) if code.zfill(2) in reference.departements else ""
            check.report("convention.unknown_departement", f"'{code}' is not a French "
                         "département code" + (f"; did you mean '{close}'?" if close else ""),
                         code_node, code_path, code=code, suggestion=close)
            ok = False
        elif not reference.covers_departement(code):
            check.report("convention.departement_outside_reference", f"The territory reference "
                         f"({reference.name}) has no commune of the département '{code}'",
                         code_node, code_path, code=code, reference=reference.name)
            ok = False
        elif code not in territory.departements:
            territory.departements.append(code)
            members.update(reference.departement_communes(code))
    items = _codes(reader, keys, "communes", path)
    ok &= items is not None
    for code_path, code_node, code in items or []:
        if reference.commune(code) is None:
            check.report("convention.unknown_commune", f"'{code}' is not the INSEE code of "
                         f"a commune of the territory reference ({reference.name})", code_node,
                         code_path, code=code, reference=reference.name)
            ok = False
        elif code not in territory.communes:
            territory.communes.append(code)
            members.add(code)
    for key, nature in (("epci", None), ("ept", "EPT")):
        items = _codes(reader, keys, key, path)
        ok &= items is not None
        for code_path, code_node, siren in items or []:
            grouping = reference.grouping(siren)
            if grouping is None or (nature and grouping.nature != nature):
                check.report(f"convention.unknown_{key}", f"'{siren}' is not the SIREN of "
                             + ("an EPT" if nature else "an EPCI, EPT or the Métropole du Grand Paris")
                             + f" of the territory reference ({reference.name})",
                             code_node, code_path, siren=siren, reference=reference.name)
                ok = False
                continue
            if siren not in territory.epci:
                territory.epci.append(siren)
                territory.epci_names[siren] = grouping.name
            members.update(grouping.communes)
    if "geometry" in keys:
        territory.geometry_file = _geometry(reader, keys["geometry"], f"{path}.geometry")
        ok &= territory.geometry_file is not None
        if territory.geometry_file is not None:
            territory.geometry = _read_geometry(reader, keys["geometry"], f"{path}.geometry",
                                                territory.geometry_file)
            ok &= territory.geometry is not None
    if not ok:
        return None
    territory.members = frozenset(members)
    routing = set(members)
    if territory.geometry is not None:
        from ..territories.geometry import geometry_of

        index = reference.index()
        routing.update(index.codes[n] for n in index.touched_by(geometry_of(territory.geometry)))
    territory.routing_communes = frozenset(routing)
    return territory


def _read_geometry(reader, node, path, file):
    """The union of a geometry file's polygons in the reference CRS (ISO WKB), None
    (reported) when it cannot be read."""
    from ..errors import TerritoryError
    from ..territories.shapes import read_shapes

    try:
        return read_shapes(file, reader.reference.crs_wkt, fetch=getattr(reader, "fetch", None))
    except TerritoryError as error:
        reader.check.report(error.code, str(error), node, path, **error.params)
        return None


def _codes(reader, keys, key, path):
    """[(path, node, code)]; None (reported) when the value is not a list of codes."""
    if key not in keys:
        return []
    return reader.check.texts(keys[key], f"{path}.{key}")


def _geometry(reader, node, path):
    relative = reader.check.text(node, path)
    if relative is None or reader.base is None:
        return relative
    if "://" in reader.base:
        return urljoin(reader.base, relative)     # the base is the document's own URL
    full = os.path.normpath(os.path.join(reader.base, relative))
    if not os.path.isfile(full):
        reader.check.report("convention.geometry_not_found", f"The geometry file '{relative}' "
                          "does not exist beside the convention", node, path, file=relative)
        return None
    return full


def _contact(reader, node, path):
    check = reader.check
    keys = check.mapping(node, path, required=("name",), optional=CONTACT_OPTIONAL)
    if keys is None:
        return None
    values = {}
    for key in ("name", "email", "phone", "login"):
        if key in keys:
            values[key] = check.text(keys[key], f"{path}.{key}")
    email = values.get("email") or ""
    if email and ("@" not in email or " " in email or email.startswith("mailto:")):
        check.report("convention.bad_email", f"'{email}' is not an e-mail address",
                     keys["email"], f"{path}.email", value=email)
    roles = []
    roles_items = check.texts(keys["roles"], f"{path}.roles") if "roles" in keys else []
    for rpath, rnode, raw in roles_items or []:
        role = model.normalise_role(raw)
        if role is None:
            close = suggestion(raw, model.ROLES)
            check.report("convention.bad_role", f"Unknown role '{raw}'"
                         + (f"; did you mean '{close}'?" if close else ""), rnode, rpath,
                         value=raw, suggestion=close, allowed=list(model.ROLES))
        elif role not in roles:
            roles.append(role)
    if values.get("login"):
        reader.logins.setdefault(values["login"], []).append((keys["login"], f"{path}.login"))
    if values.get("name") is None or roles_items is None:
        return None
    return model.Contact(name=values["name"], email=email, phone=values.get("phone") or "",
                         roles=roles, login=values.get("login") or "")

# ------------------------------------------------------------------ datasets
