"""Clark-notation tags of ISO 19139 (gmd, gco, gmi, srv, gmx, gts) used by iso19139.py.

Precomputed once: the parser compares ``child.tag`` with these strings instead of building
``"{ns}name"`` (or compiling XPath) per element and per record.

ISO 19115-2 has two XML namespaces for the same ``gmi`` elements: ISO/TS 19139-2:2012's
``http://www.isotc211.org/2005/gmi`` and the newer ``http://standards.iso.org/iso/19115/-2/
gmi/1.0`` (DGIWG DMF 2, NATO NGMP); both sit on gmd/gco content and read the same.
"""

GMD = "http://www.isotc211.org/2005/gmd"
GCO = "http://www.isotc211.org/2005/gco"
GMI = "http://www.isotc211.org/2005/gmi"
GMI2 = "http://standards.iso.org/iso/19115/-2/gmi/1.0"
GMI_NAMESPACES = (GMI, GMI2)
SRV = "http://www.isotc211.org/2005/srv"
GMX = "http://www.isotc211.org/2005/gmx"
GTS = "http://www.isotc211.org/2005/gts"

NAMESPACES = {"gmd": GMD, "gco": GCO, "gmi": GMI, "srv": SRV, "gmx": GMX, "gts": GTS}


def _t(ns, name):
    return f"{{{ns}}}{name}"


MD_METADATA = _t(GMD, "MD_Metadata")
MI_METADATA = _t(GMI, "MI_Metadata")
MI_METADATA2 = _t(GMI2, "MI_Metadata")
MI_TAGS = (MI_METADATA, MI_METADATA2)
ROOT_TAGS = (MD_METADATA, MI_METADATA, MI_METADATA2)

# MD_Metadata children
FILE_ID = _t(GMD, "fileIdentifier")
LANGUAGE = _t(GMD, "language")
CHARSET = _t(GMD, "characterSet")
HIERARCHY = _t(GMD, "hierarchyLevel")
CONTACT = _t(GMD, "contact")
DATESTAMP = _t(GMD, "dateStamp")
IDENT_INFO = _t(GMD, "identificationInfo")
DIST_INFO = _t(GMD, "distributionInfo")
MD_MAINT = _t(GMD, "metadataMaintenance")
# identification children
CITATION = _t(GMD, "citation")
ABSTRACT = _t(GMD, "abstract")
POC = _t(GMD, "pointOfContact")
RES_MAINT = _t(GMD, "resourceMaintenance")
KEYWORDS = _t(GMD, "descriptiveKeywords")
SRV_KEYWORDS = _t(SRV, "keywords")  # SV_ServiceIdentification's own keywords (ISO 19119)
CONSTRAINTS = _t(GMD, "resourceConstraints")
SRV_RESTRICTIONS = _t(SRV, "restrictions")  # SV_ServiceIdentification's own constraints
TOPIC = _t(GMD, "topicCategory")
EXTENT = _t(GMD, "extent")
SRV_EXTENT = _t(SRV, "extent")
OPERATES_ON = _t(SRV, "operatesOn")
CONTAINS_OPS = _t(SRV, "containsOperations")
CONNECT_POINT = _t(SRV, "connectPoint")
# citation children
TITLE = _t(GMD, "title")
DATE = _t(GMD, "date")
DATE_TYPE = _t(GMD, "dateType")
IDENTIFIER = _t(GMD, "identifier")
CODE = _t(GMD, "code")
CITED = _t(GMD, "citedResponsibleParty")
# party children
INDIVIDUAL = _t(GMD, "individualName")
ORGANISATION = _t(GMD, "organisationName")
POSITION = _t(GMD, "positionName")
CONTACT_INFO = _t(GMD, "contactInfo")
ROLE = _t(GMD, "role")
PHONE = _t(GMD, "phone")
VOICE = _t(GMD, "voice")
ADDRESS = _t(GMD, "address")
ONLINE_RES = _t(GMD, "onlineResource")
EMAIL = _t(GMD, "electronicMailAddress")
ADDRESS_PARTS = tuple(_t(GMD, n) for n in ("deliveryPoint", "postalCode", "city",
                                             "administrativeArea", "country"))
# maintenance
FREQUENCY = _t(GMD, "maintenanceAndUpdateFrequency")
NEXT_UPDATE = _t(GMD, "dateOfNextUpdate")
USER_FREQUENCY = _t(GMD, "userDefinedMaintenanceFrequency")
MAINT_NOTE = _t(GMD, "maintenanceNote")
# keywords / constraints / extent
KEYWORD = _t(GMD, "keyword")
USE_LIMITATION = _t(GMD, "useLimitation")
ACCESS = _t(GMD, "accessConstraints")
USE = _t(GMD, "useConstraints")
OTHER = _t(GMD, "otherConstraints")
CLASSIFICATION = _t(GMD, "classification")
GEO_BBOX = _t(GMD, "EX_GeographicBoundingBox")
WEST, EAST = _t(GMD, "westBoundLongitude"), _t(GMD, "eastBoundLongitude")
SOUTH, NORTH = _t(GMD, "southBoundLatitude"), _t(GMD, "northBoundLatitude")
# distribution
DISTRIBUTOR_CONTACT = _t(GMD, "distributorContact")
ONLINE = _t(GMD, "onLine")
LINKAGE = _t(GMD, "linkage")
PROTOCOL = _t(GMD, "protocol")
NAME = _t(GMD, "name")
DESCRIPTION = _t(GMD, "description")
FUNCTION = _t(GMD, "function")

RESPONSIBLE_PARTY = _t(GMD, "CI_ResponsibleParty")
# Every property ISO 19139 / 19115-2 types CI_ResponsibleParty_PropertyType: a party sits in
# one of these whatever class a profile puts inside (che:CHE_CI_ResponsibleParty…), and one
# given only by xlink:href is nothing but this property.
PARTY_PROPERTIES = (CONTACT, POC, CITED, DISTRIBUTOR_CONTACT, _t(GMD, "userContactInfo"),
                    _t(GMD, "processor")) + tuple(
    _t(ns, name) for ns in GMI_NAMESPACES for name in ("sponsor", "requestor", "recipient"))
# Properties only MD_Metadata has: an element holding one extends MD_Metadata_Type (a
# profile root that does not declare gco:isoType still starts with the ISO content).
METADATA_ONLY = frozenset(_t(GMD, n) for n in (
    "fileIdentifier", "hierarchyLevel", "hierarchyLevelName", "dateStamp",
    "metadataStandardName", "identificationInfo", "metadataMaintenance"))
THESAURUS = _t(GMD, "thesaurusName")
# Children that never hold a party (so are not swept for "associated" parties) or that are
# read in their own context.
NO_PARTY = frozenset(_t(GMD, n) for n in (
    "parentIdentifier", "hierarchyLevelName", "metadataStandardName", "metadataStandardVersion",
    "dataSetURI", "locale", "spatialRepresentationInfo"))
IDENT_HANDLED = frozenset((CITATION, ABSTRACT, TOPIC, CONSTRAINTS, SRV_RESTRICTIONS, EXTENT,
                           SRV_EXTENT)
                           + tuple(_t(GMD, n) for n in (
                               "purpose", "status", "credit", "graphicOverview", "language",
                               "characterSet", "spatialRepresentationType",
                               "spatialResolution", "supplementalInformation"))
                           + tuple(_t(SRV, n) for n in (
                               "serviceType", "serviceTypeVersion", "couplingType",
                               "coupledResource")))
