"""Reading one ``datasets[i]`` entry of a convention (see convention_loader for the format)."""

from __future__ import annotations

import yaml

from . import convention as model
from .partner_reader import KIND_LABELS, read_territory
from .yaml_nodes import NULL, suggestion

DATASET_KEYS = ("id", "title", "producers", "maintainer", "frequency", "dissemination",
                "personal_data")
DATASET_OPTIONAL = ("match", "stewards", "licence", "approval", "proposers", "key_field",
                    "metadata", "target")
DISSEMINATION_SPELLINGS = {
    "open": model.OPEN, "ouvert": model.OPEN, "ouverte": model.OPEN,
    "partenaires": model.PARTENAIRES, "partners": model.PARTENAIRES,
    "restreint": model.RESTREINT, "restreinte": model.RESTREINT, "restricted": model.RESTREINT,
}
MATCH_KEYS = ("records", "services", "sources")
PROPOSER_KEYS = ("partners", "own_territory")
METADATA_KEYS = ("catalogue", "record", "authcfg")


def read_dataset(reader, node, path):
    """A :class:`Dataset` from ``node``, or None after reporting its problems."""
    check = reader.check
    keys = check.mapping(node, path, required=DATASET_KEYS, optional=DATASET_OPTIONAL)
    if keys is None:
        return None
    ok = True
    reader.dataset_keys.append((keys, path))

    def text(key, empty_ok=False):
        nonlocal ok
        if key not in keys:
            ok = False
            return None
        value = check.text(keys[key], f"{path}.{key}", empty_ok=empty_ok)
        ok &= value is not None
        return value

    dataset = model.Dataset(id=text("id") or "", title=text("title") or "")
    producers = check.texts(keys["producers"], f"{path}.producers") if "producers" in keys else None
    ok &= producers is not None
    for ppath, pnode, pid in producers or []:
        ok &= reader.partner_ref(pnode, ppath, pid)
        dataset.producers.append(pid)
    maintainer = text("maintainer")
    ok &= reader.partner_ref(keys.get("maintainer"), f"{path}.maintainer", maintainer)
    dataset.maintainer = maintainer or ""
    if "frequency" in keys:
        dataset.frequency = reader.frequency(keys["frequency"], f"{path}.frequency")
        ok &= dataset.frequency is not None
    raw = text("dissemination")
    if raw is not None:
        dataset.dissemination = DISSEMINATION_SPELLINGS.get(model._spelling_key(raw))
        if dataset.dissemination is None:
            close = suggestion(raw, model.DISSEMINATIONS)
            check.report("convention.bad_dissemination", f"'{raw}' is not a dissemination "
                         "level (open, partenaires, restreint)"
                         + (f"; did you mean '{close}'?" if close else ""), keys["dissemination"],
                         f"{path}.dissemination", value=raw, suggestion=close,
                         allowed=list(model.DISSEMINATIONS))
            ok = False
    if "personal_data" in keys:
        personal = check.boolean(keys["personal_data"], f"{path}.personal_data")
        ok &= personal is not None
        dataset.personal_data = bool(personal)
    if "licence" in keys:
        dataset.licence = check.text(keys["licence"], f"{path}.licence", empty_ok=True) or ""
    if "key_field" in keys:
        dataset.key_field = text("key_field") or dataset.key_field
    if "match" in keys:
        match = _match(reader, keys["match"], f"{path}.match")
        ok &= match is not None
        dataset.match = match or model.DatasetMatch()
    if "stewards" in keys:
        stewards = _stewards(reader, keys["stewards"], f"{path}.stewards")
        ok &= stewards is not None
        dataset.stewards = stewards or []
    dataset.approval = [model.STEWARD] + ([model.DPO] if dataset.personal_data else [])
    if "approval" in keys:
        approval = _approval(reader, keys["approval"], f"{path}.approval")
        ok &= approval is not None
        dataset.approval = approval or []
    if "proposers" in keys:
        ok &= _proposers(reader, keys["proposers"], f"{path}.proposers", dataset)
    if "metadata" in keys:
        dataset.metadata = read_catalogue_record(reader, keys["metadata"], f"{path}.metadata",
                                                 dataset.match.record_ids)
        ok &= dataset.metadata is not None
    if "target" in keys:
        dataset.target = _target(reader, keys["target"], f"{path}.target")
        ok &= dataset.target is not None
    return dataset if ok else None


def _http_url(check, node, path):
    """The text of an http(s) URL, or None after reporting it."""
    from urllib.parse import urlsplit

    url = check.text(node, path)
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        check.report("convention.bad_url", f"'{url}' is not an http(s) address", node, path,
                     value=url)
        return None
    return url


def read_catalogue_record(reader, node, path, record_ids):
    """``metadata: {catalogue: <CSW URL>, record: <id>, authcfg: <id>}``: the record GeoGov
    updates after each apply. ``record`` may be left out when ``match.records`` names
    exactly one record."""
    check = reader.check
    keys = check.mapping(node, path, required=("catalogue",), optional=METADATA_KEYS[1:])
    if keys is None or "catalogue" not in keys:
        return None
    url = _http_url(check, keys["catalogue"], f"{path}.catalogue")
    record = check.text(keys["record"], f"{path}.record") if "record" in keys else None
    if "record" not in keys:
        if len(record_ids) == 1:
            record = record_ids[0]
        else:
            check.report("convention.metadata_record", "Name the record to update (record:): "
                         f"match.records names {len(record_ids)}", node, path,
                         count=len(record_ids))
    authcfg = ""
    if "authcfg" in keys:
        authcfg = check.text(keys["authcfg"], f"{path}.authcfg", empty_ok=True) or ""
    if url is None or record is None:
        return None
    return model.CatalogueRecord(catalogue=url, record=record, authcfg=authcfg)


def _target(reader, node, path):
    """``target: {wfs: URL, typename: …, crs: …}`` (or oapif/collection, postgis/table,
    gpkg/layer): where the dataset's approved proposals are applied (governance/targets.py)."""
    import os

    from .targets import KINDS, LAYER_KEYS, DatasetTarget

    check = reader.check
    keys = check.mapping(node, path, required=("crs",), optional=KINDS + tuple(LAYER_KEYS.values()))
    if keys is None:
        return None
    kinds = [k for k in KINDS if k in keys]
    if len(kinds) != 1:
        check.report("convention.target_kind", "A target names one of wfs, oapif, postgis or gpkg",
                     node, path, allowed=list(KINDS))
        return None
    kind = kinds[0]
    layer_key = LAYER_KEYS[kind]
    if layer_key not in keys:
        check.report("convention.missing_key", f"The required key '{layer_key}' is missing", node, path,
                     key=layer_key)
        return None
    uri = check.text(keys[kind], f"{path}.{kind}")
    layer = check.text(keys[layer_key], f"{path}.{layer_key}")
    crs = check.text(keys["crs"], f"{path}.crs") if "crs" in keys else None
    if None in (uri, layer, crs):
        return None
    if "[" in uri or "]" in uri:
        check.report("convention.target_pattern", "A target address may hold * and ? only as "
                     "wildcards, not [ ]", keys[kind], f"{path}.{kind}", value=uri)
        return None
    from .targets import epsg_code

    if not epsg_code(crs):
        check.report("convention.target_crs", f"'{crs}' is not a CRS with an EPSG code",
                     keys["crs"], f"{path}.crs", value=crs)
        return None
    if kind == "gpkg" and reader.base is not None and "://" not in reader.base and not os.path.isabs(uri) \
            and "*" not in uri:
        uri = os.path.normpath(os.path.join(reader.base, uri))
    return DatasetTarget(kind=kind, uri=uri, layer=layer, crs=crs)


def _match(reader, node, path):
    check = reader.check
    keys = check.mapping(node, path, optional=MATCH_KEYS)
    if keys is None:
        return None
    match, ok = model.DatasetMatch(), True
    if "records" in keys:
        items = check.texts(keys["records"], f"{path}.records")
        ok &= items is not None
        match.record_ids = [v for _p, _n, v in items or []]
        for rpath, rnode, value in items or []:
            reader.match_refs.setdefault(("record", value), []).append((rnode, rpath))
    if "services" in keys:
        for spath, snode in check.sequence(keys["services"], f"{path}.services") or []:
            skeys = check.mapping(snode, spath, required=("url", "typename"))
            if skeys is None or len(skeys) < 2:
                ok = False
                continue
            url = check.text(skeys["url"], f"{spath}.url")
            typename = check.text(skeys["typename"], f"{spath}.typename")
            if url is None or typename is None:
                ok = False
                continue
            match.services.append(model.ServiceMatch(url=url, typename=typename))
            reader.match_refs.setdefault(("service", url, typename.lower()), []).append(
                (snode, spath))
    if "sources" in keys:
        items = check.texts(keys["sources"], f"{path}.sources")
        ok &= items is not None
        match.sources = [v for _p, _n, v in items or []]
    return match if ok else None


def _stewards(reader, node, path):
    """Stewards: a plain id (everywhere), {partner: id, territory: own | {…}}, or
    {each: <kind>, territory: own} — one assignment per partner of that kind (every
    département, every EPT…), each in its own territory: how a dataset's stewardship splits."""
    check = reader.check
    items = check.sequence(node, path, scalar_ok=True)
    if items is None:
        return None
    out, ok = [], True
    for spath, snode in items:
        if isinstance(snode, yaml.ScalarNode):
            pid = check.text(snode, spath)
            if reader.partner_ref(snode, spath, pid):
                out.append(model.StewardAssignment(partner=pid))
            else:
                ok = False
            continue
        if isinstance(snode, yaml.MappingNode) and any(getattr(k, "value", None) == "each"
                                                       for k, _v in snode.value):
            assignments = _each(reader, snode, spath)
            if assignments is None:
                ok = False
            else:
                out += assignments
            continue
        keys = check.mapping(snode, spath, required=("partner",), optional=("territory",))
        if keys is None or "partner" not in keys:
            ok = False
            continue
        pid = check.text(keys["partner"], f"{spath}.partner")
        if not reader.partner_ref(keys["partner"], f"{spath}.partner", pid):
            ok = False
            continue
        territory = None
        if "territory" in keys:
            tnode = keys["territory"]
            if isinstance(tnode, yaml.ScalarNode) and tnode.value == "own":
                territory = _own(reader, pid)
            elif isinstance(tnode, yaml.ScalarNode) and tnode.tag != NULL:
                check.report("convention.type", "Expected 'own' or a territory mapping, found "
                             f"'{tnode.value}'", tnode, f"{spath}.territory",
                             expected="'own' or mapping", found=tnode.value)
                ok = False
                continue
            else:
                territory = read_territory(reader, tnode, f"{spath}.territory")
                if territory is None:
                    ok = False
                    continue
        out.append(model.StewardAssignment(partner=pid, territory=territory))
    return out if ok else None


def _own(reader, pid):
    """A partner's own territory as a steward's (None = everywhere). A partner that failed
    to load has its own problem reported already."""
    partner = (reader.partners or {}).get(pid)
    if partner is None or partner.territory.is_everywhere:
        return None
    return partner.territory


def _each(reader, node, path):
    """``{each: département, territory: own}``: the assignments of every partner of a kind."""
    check = reader.check
    keys = check.mapping(node, path, required=("each", "territory"))
    if keys is None or len(keys) < 2:
        return None
    raw = check.text(keys["each"], f"{path}.each")
    own = check.text(keys["territory"], f"{path}.territory")
    if raw is None or own is None:
        return None
    kind = model.normalise_kind(raw)
    if kind is None:
        close = suggestion(raw, KIND_LABELS)
        check.report("convention.bad_kind", f"Unknown kind of partner '{raw}'"
                     + (f"; did you mean '{close}'?" if close else ""), keys["each"],
                     f"{path}.each", value=raw, suggestion=close, allowed=list(KIND_LABELS))
        return None
    if own != "own":
        check.report("convention.type", f"Expected 'own', found '{own}'", keys["territory"],
                     f"{path}.territory", expected="'own'", found=own)
        return None
    if reader.partners is None:
        return None
    chosen = [p for p in reader.partners.values() if p.kind == kind and not p.territory.is_everywhere]
    if not chosen:
        check.report("convention.no_partner_of_kind", f"No partner of kind '{raw}' has a territory",
                     keys["each"], f"{path}.each", kind=raw)
        return None
    return [model.StewardAssignment(partner=p.id, territory=p.territory) for p in chosen]


def _approval(reader, node, path):
    check = reader.check
    items = check.texts(node, path)
    if items is None:
        return None
    out, ok = [], True
    for rpath, rnode, raw in items:
        role = model.normalise_role(raw)
        if role not in model.APPROVAL_ROLES:
            close = suggestion(raw, model.APPROVAL_ROLES)
            check.report("convention.bad_approval_role", f"'{raw}' cannot approve changes "
                         "(steward, dpo or coordinator)"
                         + (f"; did you mean '{close}'?" if close else ""), rnode, rpath,
                         value=raw, suggestion=close, allowed=list(model.APPROVAL_ROLES))
            ok = False
        elif role not in out:
            out.append(role)
    if ok and not out:
        check.report("convention.empty", "An approval rule needs at least one role", node, path)
        return None
    return out if ok else None


def _proposers(reader, node, path, dataset) -> bool:
    """``proposers: {partners: [...], own_territory: bool}`` or a plain list of ids."""
    check = reader.check
    if isinstance(node, yaml.MappingNode):
        keys = check.mapping(node, path, required=("partners",), optional=("own_territory",))
        if keys is None or "partners" not in keys:
            return False
        partners_node, partners_path = keys["partners"], f"{path}.partners"
        if "own_territory" in keys:
            own = check.boolean(keys["own_territory"], f"{path}.own_territory")
            if own is None:
                return False
            dataset.proposers_own_territory = own
    else:
        partners_node, partners_path = node, path
    items = check.texts(partners_node, partners_path)
    if items is None:
        return False
    ok = True
    dataset.proposers = []
    for ppath, pnode, pid in items:
        ok &= reader.partner_ref(pnode, ppath, pid, wildcard=True)
        dataset.proposers.append(pid)
    return ok
