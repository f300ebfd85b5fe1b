"""DCAT records in CSW responses (GeoNetwork's ``outputSchema=http://www.w3.org/ns/dcat#``).

GeoNetwork answers with one ``rdf:RDF`` per record holding a ``dcat:Dataset`` whose
publisher, distributions and themes are separate RDF nodes referred to by
``rdf:resource``; they are resolved inside the same ``rdf:RDF``. Only what the Record
shape holds is read: identifiers, title, abstract, keywords, dates, language, publisher
and contact point (``dc_party``), distributions (links classified by ``dct:format``,
which GeoNetwork fills with the ISO protocol), ``dct:spatial`` WKT extent, and
``dct:accrualPeriodicity``.
"""

from __future__ import annotations

import re

from ..errors import DocumentError
from .dates import parse_date
from .dublincore import _DC_FREQUENCIES
from .iso_common import local, normalise_frequency, valid_bbox
from .links import classify_link
from .model import DC_PARTY, ROLE_NONSTANDARD, Maintenance, OnlineResource, Party, Record
from .roles import normalise_role

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DCAT = "http://www.w3.org/ns/dcat#"
RDF_ROOT = f"{{{RDF}}}RDF"
_ABOUT = f"{{{RDF}}}about"
_RESOURCE = f"{{{RDF}}}resource"
_DATASET = f"{{{DCAT}}}Dataset"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?")


def is_record(element) -> bool:
    return element.tag == RDF_ROOT and element.find(_DATASET) is not None


def parse_record(element, source: str = "") -> Record:
    """The :class:`Record` of the first dcat:Dataset of an rdf:RDF element."""
    dataset = element.find(_DATASET) if element.tag == RDF_ROOT else None
    if dataset is None:
        raise DocumentError("No dcat:Dataset in the RDF document", code="dcat.not_record",
                            source=source, element=local(element.tag))
    nodes = {node.get(_ABOUT): node for node in element if node.get(_ABOUT)}
    record = Record(identifier="", source=source, standard="dcat", hierarchy="dataset")
    catalogue_record = element.find(f"{{{DCAT}}}CatalogRecord")
    for child in dataset:
        name = local(child.tag)
        value = (child.text or "").strip()
        resource = child.get(_RESOURCE, "")
        if name == "identifier":
            if value and value not in record.resource_identifiers:
                record.resource_identifiers.append(value)
        elif name == "title":
            record.title = value
        elif name in ("abstract", "description"):
            record.abstract = record.abstract or value
        elif name == "keyword":
            if value and value not in record.keywords:
                record.keywords.append(value)
        elif name == "language":
            record.language = record.language or value
        elif name in ("issued", "modified", "created"):
            parsed = parse_date(value)
            if parsed is not None:
                kind = {"issued": "publication", "modified": "revision"}.get(name, "creation")
                record.dates[kind] = parsed
        elif name == "publisher":
            record.parties.append(_agent(nodes.get(resource), resource, "publisher"))
        elif name == "contactPoint":
            kind = next(iter(child), None)
            record.parties.append(_vcard(kind, resource))
        elif name == "distribution":
            _distribution(record, nodes.get(resource), resource)
        elif name == "landingPage":
            url = value or resource
            if url:
                record.links.append(OnlineResource(url=url, kind="webpage",
                                                   protocol="dcat:landingPage"))
        elif name == "spatial":
            record.bbox = record.bbox or _wkt_bbox(" ".join(child.itertext()))
        elif name == "accrualPeriodicity":
            raw = value or resource
            key = raw.rstrip("/").rsplit("/", 1)[-1]
            record.maintenance = Maintenance(
                frequency=normalise_frequency(key) or _DC_FREQUENCIES.get(key.lower()),
                frequency_raw=raw)
    # GeoNetwork's record URI ends with the metadata UUID, which is what CSW
    # GetRecordById wants; the dct:identifier is the resource identifier.
    about = (catalogue_record.get(_ABOUT, "") if catalogue_record is not None
             else dataset.get(_ABOUT, ""))
    record.identifier = about.rstrip("/").rsplit("/", 1)[-1] if about else ""
    if not record.identifier and record.resource_identifiers:
        record.identifier = record.resource_identifiers[0]
    if catalogue_record is not None:
        for child in catalogue_record:
            if local(child.tag) == "modified":
                record.metadata_date = parse_date(child.text)
    return record


def _agent(node, reference: str, raw_role: str) -> Party:
    role, status = normalise_role(raw_role, synonyms=True)
    party = Party(context=DC_PARTY, role=role, role_raw=raw_role, role_status=status,
                  href=reference)
    if node is not None:
        for child in node:
            name = local(child.tag)
            if name == "name":
                party.organisation = (child.text or "").strip()
            elif name == "mbox":
                party.email = child.get(_RESOURCE, "").replace("mailto:", "")
            elif name == "homepage":
                party.url = child.get(_RESOURCE, "")
    return party


def _vcard(kind, reference: str) -> Party:
    # dcat:contactPoint has no role: GeoDCAT-AP maps ISO pointOfContact to it.
    party = Party(context=DC_PARTY, role="pointOfContact", role_raw="contactPoint",
                  role_status=ROLE_NONSTANDARD, href=reference)
    if kind is not None:
        party.href = kind.get(_ABOUT, reference)
        for child in kind:
            name = local(child.tag)
            if name in ("fn", "organization-name"):
                party.organisation = party.organisation or (child.text or "").strip()
            elif name == "hasEmail":
                party.email = (child.get(_RESOURCE) or child.text or "").replace("mailto:", "")
            elif name == "hasTelephone":
                party.phone = (child.get(_RESOURCE) or child.text or "").replace("tel:", "")
    return party


def _distribution(record: Record, node, reference: str) -> None:
    if node is None:
        return
    url = protocol = title = description = ""
    for child in node:
        name = local(child.tag)
        if name in ("accessURL", "downloadURL"):
            url = url or (child.text or "").strip() or child.get(_RESOURCE, "")
        elif name == "format":
            protocol = (child.text or "").strip() or child.get(_RESOURCE, "")
        elif name == "title":
            title = (child.text or "").strip()
        elif name == "description":
            description = (child.text or "").strip()
    if url:
        # GeoNetwork puts the OGC layer name in the distribution title (from the ISO
        # CI_OnlineResource/name) and the ISO protocol in dct:format.
        record.links.append(OnlineResource(url=url, kind=classify_link(url, protocol),
                                           protocol=protocol, name=title,
                                           description=description))


def _wkt_bbox(wkt: str):
    numbers = [float(n) for n in _NUMBER.findall(wkt)]
    if len(numbers) < 4:
        return None
    xs, ys = numbers[0::2], numbers[1::2]
    return valid_bbox(min(xs), min(ys), max(xs), max(ys))
