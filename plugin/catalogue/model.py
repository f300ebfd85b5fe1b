"""The protocol-independent record shape every catalogue adapter produces.

CSW (ISO 19139, ISO 19115-3, Dublin Core) and OGC API Records all normalise to
:class:`Record`; search goes through :class:`SearchQuery` / :class:`SearchResult`.
Plain dataclasses, no QGIS, no Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

# Contexts in which a responsible party appears in a record (``Party.context``).
METADATA_CONTACT = "metadata_contact"          # MD_Metadata/contact
RESOURCE_CONTACT = "resource_contact"          # identificationInfo/*/pointOfContact
CITED_PARTY = "cited_party"                    # citation/CI_Citation/citedResponsibleParty
DISTRIBUTOR = "distributor"                    # distributionInfo/*/distributorContact
MAINTENANCE_CONTACT = "maintenance_contact"    # resourceMaintenance/*/contact
OGCAPI_CONTACT = "ogcapi_contact"              # OGC API Records properties.contacts[]
DC_PARTY = "dc_party"                          # Dublin Core creator/publisher/contributor
SERVICE_CONTACT = "service_contact"            # ows:ServiceContact of a capabilities document
CATALOGUE_PRODUCER = "catalogue_producer"      # gfc:producer of an ISO 19110 feature catalogue
ASSOCIATED_PARTY = "associated_party"          # party of another citation in the record
#   (aggregationInfo, thesaurus, lineage source or process step): not the resource's own
PARTY_CONTEXTS = (METADATA_CONTACT, RESOURCE_CONTACT, CITED_PARTY, DISTRIBUTOR,
                  MAINTENANCE_CONTACT, OGCAPI_CONTACT, DC_PARTY, SERVICE_CONTACT,
                  CATALOGUE_PRODUCER, ASSOCIATED_PARTY)

# Role status (``Party.role_status``): how the raw role value relates to the standards.
ROLE_ISO19139 = "iso19139"        # a CI_RoleCode of ISO 19115:2003 / ISO 19139
ROLE_ISO19115_1 = "iso19115-1"    # only in ISO 19115-1:2014 (contributor, funder, rightsHolder…)
ROLE_NONSTANDARD = "nonstandard"  # not a CI_RoleCode at all (partner, provider, primary…): kept
ROLE_EMPTY = "empty"              # a role code with an empty value (codeListValue="")
ROLE_MISSING = "missing"          # no role code at all (empty gmd:role, xlink-only party…)

# The citation date types "last revision" is taken from, in the order that names it on a tie.
REVISION_KINDS = ("revision", "publication", "creation")

# Online resource kinds (``OnlineResource.kind``).
LINK_WMS, LINK_WMTS, LINK_WFS, LINK_OGCAPI_FEATURES = "wms", "wmts", "wfs", "ogcapi_features"
LINK_DOWNLOAD, LINK_WEBPAGE, LINK_OTHER = "download", "webpage", "other"


@dataclass
class Party:
    """One responsible party in one context of a record, as the document gives it."""

    context: str
    role: Optional[str]          # normalised ISO CI_RoleCode, None when not recognised
    role_raw: str = ""           # exactly as written (codeListValue, text, OGC API role)
    role_status: str = ROLE_EMPTY
    organisation: str = ""
    organisation_uri: str = ""   # gmx:Anchor/@xlink:href when the name is an anchor
    individual: str = ""
    position: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    address: str = ""
    href: str = ""               # the party is given only by reference (xlink:href)

    @property
    def flagged(self) -> bool:
        """True when the role is not a plain ISO 19139 CI_RoleCode (shown with a warning)."""
        return self.role_status != ROLE_ISO19139

    @property
    def display_name(self) -> str:
        return self.organisation or self.individual or self.href or self.email


@dataclass
class OnlineResource:
    url: str
    kind: str = LINK_OTHER
    protocol: str = ""
    name: str = ""               # layer name / typename / collection id when given
    description: str = ""
    function: str = ""           # CI_OnLineFunctionCode (download, information…)


@dataclass
class Maintenance:
    frequency: Optional[str] = None   # MD_MaintenanceFrequencyCode value, normalised
    frequency_raw: str = ""
    next_update: Optional[dt.date] = None
    user_defined: str = ""            # userDefinedMaintenanceFrequency (ISO 8601 duration)
    note: str = ""


@dataclass
class Record:
    identifier: str
    title: str = ""
    abstract: str = ""
    standard: str = ""                # iso19139, iso19115-2, iso19115-3, dublincore, ogcapi-records
    hierarchy: str = "dataset"        # dataset, series, service, …
    resource_identifiers: list = field(default_factory=list)   # MD_Identifier codes
    keywords: list = field(default_factory=list)
    topic_categories: list = field(default_factory=list)
    bbox: Optional[tuple] = None      # (west, south, east, north) in EPSG:4326 degrees
    dates: dict = field(default_factory=dict)   # creation / revision / publication -> date
    metadata_date: Optional[dt.date] = None
    language: str = ""
    licence: str = ""
    constraints: list = field(default_factory=list)
    links: list = field(default_factory=list)   # OnlineResource
    parties: list = field(default_factory=list)  # Party
    maintenance: Optional[Maintenance] = None
    source: str = ""                  # URL or path the record was read from
    operates_on: list = field(default_factory=list)  # coupled resources of a service record
    problems: list = field(default_factory=list)     # codes of tolerated defects (see parsers)

    def parties_with_role(self, *roles: str) -> list:
        return [p for p in self.parties if p.role in roles]

    @property
    def last_revision(self) -> Optional[dt.date]:
        """"Last revision" (« Dernière révision »): the latest of the resource citation's
        revision, publication and creation dates (what freshness is judged on); None when
        the citation gives none of them. README, "Dernière révision", says the same."""
        return self._last_revision()[0]

    @property
    def last_revision_kind(self) -> str:
        """Which date :attr:`last_revision` is: "revision", "publication" or "creation"
        ("" when there is none). On a tie the first of that order is named: a record revised
        and published the same day was revised then."""
        return self._last_revision()[1]

    def _last_revision(self) -> tuple:
        best, kind = None, ""
        for name in REVISION_KINDS:
            value = self.dates.get(name)
            if value and (best is None or value > best):
                best, kind = value, name
        return best, kind

    def links_of(self, *kinds: str) -> list:
        return [link for link in self.links if link.kind in kinds]


@dataclass
class SearchQuery:
    text: str = ""               # several words (all must match) and "quoted phrases"
    organisation: str = ""       # producer/custodian organisation
    keyword: str = ""
    bbox: Optional[tuple] = None  # (west, south, east, north) EPSG:4326; None or global = none
    start: int = 0               # 0-based position of the first record wanted
    limit: int = 20
    sort: str = ""               # "", "title" or "revision"
    descending: bool = False
    # Only records whose metadata changed on or after this day (CSW: apiso:Modified, the
    # record's dateStamp; see catalogue/sweep.py). None: any.
    modified_since: Optional[dt.date] = None


@dataclass
class Exchange:
    """The raw request and response, for the "raw response" view."""

    method: str = "GET"
    url: str = ""
    body: bytes = b""
    status: int = 0
    response: bytes = b""
    content_type: str = ""


@dataclass
class SearchResult:
    records: list = field(default_factory=list)
    matched: Optional[int] = None    # number of records the server says match
    returned: int = 0
    next_start: Optional[int] = None  # 0-based start of the next page, None at the end
    next_url: str = ""               # OGC API: the server's rel=next link, as given
    notes: list = field(default_factory=list)   # codes: what the server could not do
    exchange: Optional[Exchange] = None
