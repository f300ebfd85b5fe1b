"""ISO 19139 records of the demo datasets, built with lxml.

The structure follows what French regional catalogues (GéoNetwork, INSPIRE profile)
publish: CI_Citation with creation/revision dates and cited parties, resource
pointOfContact, MD_MaintenanceInformation with frequency, next update and contact,
INSPIRE theme keywords as gmx:Anchor, legal constraints with the licence, a bounding box
and distribution links to the demo WMS and WFS naming the layer.

Where each party goes (the "Who is responsible" panel reads these places):
originators, owner and custodian in citation/citedResponsibleParty; the custodian again
as maintenance contact; resource pointOfContact in identificationInfo; the distributor in
distributionInfo; the metadata contact in MD_Metadata/contact.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from .datasets import Dataset, next_update, revision_date
from .partners import PARTNERS, SYCTOM_DPO, Contact, Partner

GMD = "http://www.isotc211.org/2005/gmd"
GCO = "http://www.isotc211.org/2005/gco"
GMX = "http://www.isotc211.org/2005/gmx"
GML = "http://www.opengis.net/gml"
XLINK = "http://www.w3.org/1999/xlink"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NSMAP = {"gmd": GMD, "gco": GCO, "gmx": GMX, "gml": GML, "xlink": XLINK, "xsi": XSI}
CODELISTS = "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml"
SCHEMA_LOCATION = f"{GMD} http://schemas.opengis.net/csw/2.0.2/profiles/apiso/1.0.0/apiso.xsd"
PLATFORM = "https://geo.iledefrance.example.org"

INSPIRE_THEMES = {
    "amenagements-cyclables": ("tn", "Réseaux de transport"),
    "points-apport-volontaire": ("us", "Services d'utilité publique et services publics"),
    "eclairage-public": ("us", "Services d'utilité publique et services publics"),
    "capteurs-air-ecoles": ("ef", "Installations de suivi environnemental"),
    "pesees-dechets-menages": ("us", "Services d'utilité publique et services publics"),
    "territoires-partenaires": ("au", "Unités administratives"),
    "zones-faibles-emissions": ("am", "Zones de gestion, de restriction ou de réglementation et "
                                      "unités de déclaration"),
}
LIMITATIONS = "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/"
ACCESS = {  # dataset kind -> (INSPIRE limitation code, its French label)
    "open": ("noLimitations", "Pas de restriction d'accès public"),
    "partners": ("INSPIRE_Directive_Article13_1d",
                 "L'accès public est limité : confidentialité des informations commerciales "
                 "(contrat de concession)"),
    "personal": ("INSPIRE_Directive_Article13_1f",
                 "L'accès public est limité : confidentialité des données à caractère personnel"),
}
# Perimeter of the Grand Paris low-emission zone (inside the A86), for the record with no layer.
ZFE_BBOX = (2.2, 48.77, 2.52, 48.95)


def q(prefix: str, name: str) -> str:
    return f"{{{NSMAP[prefix]}}}{name}"


def sub(parent, tag: str, text=None, **attrs):
    prefix, name = tag.split(":")
    element = etree.SubElement(parent, q(prefix, name))
    for key, value in attrs.items():
        if ":" in key:
            ns, local = key.split(":")
            element.set(q(ns, local), value)
        else:
            element.set(key, value)
    if text is not None:
        element.text = str(text)
    return element


def string(parent, tag: str, text: str):
    return sub(sub(parent, tag), "gco:CharacterString", text)


def anchor(parent, tag: str, href: str, text: str):
    return sub(sub(parent, tag), "gmx:Anchor", text, **{"xlink:href": href})


def code(parent, tag: str, codelist: str, value: str):
    wrapper = sub(parent, tag)
    sub(wrapper, f"gmd:{codelist}", value, codeList=f"{CODELISTS}#{codelist}", codeListValue=value)
    return wrapper


def party(parent, tag: str, partner: Partner, role: str, contact: Contact = None):
    """A CI_ResponsibleParty for ``partner`` (its data contact unless ``contact`` is given)."""
    contact = contact or partner.contact
    responsible = sub(sub(parent, tag), "gmd:CI_ResponsibleParty")
    string(responsible, "gmd:individualName", contact.individual)
    string(responsible, "gmd:organisationName", partner.name)
    string(responsible, "gmd:positionName", contact.position)
    info = sub(sub(responsible, "gmd:contactInfo"), "gmd:CI_Contact")
    string(sub(sub(info, "gmd:phone"), "gmd:CI_Telephone"), "gmd:voice", contact.phone)
    address = sub(sub(info, "gmd:address"), "gmd:CI_Address")
    string(address, "gmd:city", partner.city)
    string(address, "gmd:postalCode", partner.postcode)
    string(address, "gmd:country", "France")
    string(address, "gmd:electronicMailAddress", contact.email)
    online = sub(sub(info, "gmd:onlineResource"), "gmd:CI_OnlineResource")
    sub(sub(online, "gmd:linkage"), "gmd:URL", partner.website)
    code(responsible, "gmd:role", "CI_RoleCode", role)
    return responsible


def date_of(parent, when: dt.date, kind: str):
    ci_date = sub(sub(parent, "gmd:date"), "gmd:CI_Date")
    sub(sub(ci_date, "gmd:date"), "gco:Date", when.isoformat())
    code(ci_date, "gmd:dateType", "CI_DateTypeCode", kind)


def online_resource(parent, url: str, protocol: str, name: str, description: str, function: str):
    resource = sub(sub(parent, "gmd:onLine"), "gmd:CI_OnlineResource")
    sub(sub(resource, "gmd:linkage"), "gmd:URL", url)
    string(resource, "gmd:protocol", protocol)
    string(resource, "gmd:name", name)
    string(resource, "gmd:description", description)
    code(resource, "gmd:function", "CI_OnLineFunctionCode", function)


def access_kind(dataset: Dataset) -> str:
    if dataset.personal_data:
        return "personal"
    return "partners" if dataset.id == "eclairage-public" else "open"


def dataset_links(dataset: Dataset, ows_url: str) -> list:
    """(url, protocol, name, description, function) of every online resource of the record."""
    links = []
    if dataset.typename:
        links.append((ows_url, "OGC:WMS", dataset.typename,
                      f"Visualisation WMS de la couche « {dataset.title} »", "information"))
        links.append((ows_url, "OGC:WFS", dataset.typename,
                      f"Téléchargement et édition WFS de la couche « {dataset.title} »", "download"))
    page = dataset.extra.get("webpage", f"{PLATFORM}/donnees/{dataset.id}")
    links.append((page, "WWW:LINK", dataset.id, "Fiche du jeu de données", "information"))
    return links


def metadata_contact(dataset: Dataset) -> Partner:
    return PARTNERS[dataset.custodian or dataset.points_of_contact[0]]


def record(dataset: Dataset, today: dt.date, ows_url: str, bbox) -> etree._Element:
    """The MD_Metadata of ``dataset``; ``ows_url`` is the demo QGIS Server OWS endpoint."""
    root = etree.Element(q("gmd", "MD_Metadata"), nsmap=NSMAP)
    root.set(q("xsi", "schemaLocation"), SCHEMA_LOCATION)
    string(root, "gmd:fileIdentifier", dataset.record_id)
    language = sub(root, "gmd:language")
    sub(language, "gmd:LanguageCode", "fre", codeList="http://www.loc.gov/standards/iso639-2/",
        codeListValue="fre")
    code(root, "gmd:characterSet", "MD_CharacterSetCode", "utf8")
    code(root, "gmd:hierarchyLevel", "MD_ScopeCode", "dataset")
    party(root, "gmd:contact", metadata_contact(dataset), "pointOfContact")
    sub(sub(root, "gmd:dateStamp"), "gco:DateTime", f"{today.isoformat()}T09:00:00")
    string(root, "gmd:metadataStandardName", "ISO 19115:2003/19139")
    string(root, "gmd:metadataStandardVersion", "1.0")
    identifier = sub(sub(sub(root, "gmd:referenceSystemInfo"), "gmd:MD_ReferenceSystem"),
                     "gmd:referenceSystemIdentifier")
    rs = sub(identifier, "gmd:RS_Identifier")
    anchor(rs, "gmd:code", "http://www.opengis.net/def/crs/EPSG/0/2154", "EPSG:2154")
    string(rs, "gmd:codeSpace", "EPSG")

    ident = sub(sub(root, "gmd:identificationInfo"), "gmd:MD_DataIdentification")
    citation = sub(sub(ident, "gmd:citation"), "gmd:CI_Citation")
    string(citation, "gmd:title", dataset.title)
    date_of(citation, dataset.created, "creation")
    date_of(citation, revision_date(dataset, today), "revision")
    resource_id = sub(sub(citation, "gmd:identifier"), "gmd:MD_Identifier")
    string(resource_id, "gmd:code", f"{PLATFORM}/donnees/{dataset.id}")
    for partner_id in dataset.originators:
        party(citation, "gmd:citedResponsibleParty", PARTNERS[partner_id], "originator")
    if dataset.owner:
        party(citation, "gmd:citedResponsibleParty", PARTNERS[dataset.owner], "owner")
    if dataset.custodian:
        party(citation, "gmd:citedResponsibleParty", PARTNERS[dataset.custodian], "custodian")
    string(ident, "gmd:abstract", dataset.abstract)
    code(ident, "gmd:status", "MD_ProgressCode", "onGoing")
    for partner_id in dataset.points_of_contact:
        party(ident, "gmd:pointOfContact", PARTNERS[partner_id], "pointOfContact")
    if dataset.personal_data:
        party(ident, "gmd:pointOfContact", PARTNERS["syctom"], "pointOfContact", SYCTOM_DPO)

    maintenance = sub(sub(ident, "gmd:resourceMaintenance"), "gmd:MD_MaintenanceInformation")
    code(maintenance, "gmd:maintenanceAndUpdateFrequency", "MD_MaintenanceFrequencyCode",
         dataset.iso_frequency)
    following = next_update(dataset, today)
    if following:
        sub(sub(maintenance, "gmd:dateOfNextUpdate"), "gco:Date", following.isoformat())
    string(maintenance, "gmd:maintenanceNote",
           f"Dernière mise à jour le {revision_date(dataset, today).isoformat()}.")
    if dataset.custodian:
        party(maintenance, "gmd:contact", PARTNERS[dataset.custodian], "custodian")

    free = sub(sub(ident, "gmd:descriptiveKeywords"), "gmd:MD_Keywords")
    for word in dataset.keywords:
        string(free, "gmd:keyword", word)
    code(free, "gmd:type", "MD_KeywordTypeCode", "theme")
    theme, label = INSPIRE_THEMES[dataset.id]
    inspire = sub(sub(ident, "gmd:descriptiveKeywords"), "gmd:MD_Keywords")
    anchor(inspire, "gmd:keyword", f"http://inspire.ec.europa.eu/theme/{theme}", label)
    thesaurus = sub(sub(inspire, "gmd:thesaurusName"), "gmd:CI_Citation")
    anchor(thesaurus, "gmd:title", "http://inspire.ec.europa.eu/theme", "GEMET - INSPIRE themes, version 1.0")
    date_of(thesaurus, dt.date(2008, 6, 1), "publication")

    limitation, limitation_label = ACCESS[access_kind(dataset)]
    access = sub(sub(ident, "gmd:resourceConstraints"), "gmd:MD_LegalConstraints")
    code(access, "gmd:accessConstraints", "MD_RestrictionCode", "otherRestrictions")
    anchor(access, "gmd:otherConstraints", LIMITATIONS + limitation, limitation_label)
    licence_name, licence_url = dataset.licence
    use = sub(sub(ident, "gmd:resourceConstraints"), "gmd:MD_LegalConstraints")
    string(use, "gmd:useLimitation", licence_name)
    code(use, "gmd:useConstraints", "MD_RestrictionCode", "otherRestrictions")
    if licence_url:
        anchor(use, "gmd:otherConstraints", licence_url, licence_name)
    else:
        string(use, "gmd:otherConstraints", licence_name)

    code(ident, "gmd:spatialRepresentationType", "MD_SpatialRepresentationTypeCode", "vector")
    scale = sub(sub(sub(sub(ident, "gmd:spatialResolution"), "gmd:MD_Resolution"),
                    "gmd:equivalentScale"), "gmd:MD_RepresentativeFraction")
    sub(sub(scale, "gmd:denominator"), "gco:Integer",
        "10000000" if dataset.id == "territoires-partenaires" else "5000")
    resource_language = sub(ident, "gmd:language")
    sub(resource_language, "gmd:LanguageCode", "fre", codeList="http://www.loc.gov/standards/iso639-2/",
        codeListValue="fre")
    code(ident, "gmd:characterSet", "MD_CharacterSetCode", "utf8")
    for topic in dataset.topics:
        sub(sub(ident, "gmd:topicCategory"), "gmd:MD_TopicCategoryCode", topic)
    extent = sub(sub(ident, "gmd:extent"), "gmd:EX_Extent")
    string(extent, "gmd:description", "Île-de-France" if dataset.typename else "Métropole du Grand Paris")
    box = sub(sub(extent, "gmd:geographicElement"), "gmd:EX_GeographicBoundingBox")
    west, south, east, north = bbox
    for tag, value in (("westBoundLongitude", west), ("eastBoundLongitude", east),
                       ("southBoundLatitude", south), ("northBoundLatitude", north)):
        sub(sub(box, f"gmd:{tag}"), "gco:Decimal", value)

    distribution = sub(sub(root, "gmd:distributionInfo"), "gmd:MD_Distribution")
    data_format = sub(sub(distribution, "gmd:distributionFormat"), "gmd:MD_Format")
    string(data_format, "gmd:name", "GeoPackage" if dataset.typename else "PDF")
    string(data_format, "gmd:version", "1.3" if dataset.typename else "1.7")
    distributor = sub(sub(distribution, "gmd:distributor"), "gmd:MD_Distributor")
    party(distributor, "gmd:distributorContact", PARTNERS[dataset.distributor], "distributor")
    options = sub(sub(distribution, "gmd:transferOptions"), "gmd:MD_DigitalTransferOptions")
    for link in dataset_links(dataset, ows_url):
        online_resource(options, *link)

    quality = sub(sub(root, "gmd:dataQualityInfo"), "gmd:DQ_DataQuality")
    code(sub(sub(quality, "gmd:scope"), "gmd:DQ_Scope"), "gmd:level", "MD_ScopeCode", "dataset")
    lineage = sub(sub(quality, "gmd:lineage"), "gmd:LI_Lineage")
    string(lineage, "gmd:statement", dataset.lineage)
    return root


def record_bytes(element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", pretty_print=True)
