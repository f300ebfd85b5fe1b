"""What a capabilities document says about a service (WMS, WFS, CSW), protocol-independent.

Plain dataclasses, no QGIS, no Qt. The service contact is a :class:`~.model.Party` in the
``service_contact`` context: OWS ``ows:Role`` is free text (``PointOfContact``, empty,
``pointOfContact``…), so it is normalised like any role and kept raw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Operation:
    name: str
    get_url: str = ""
    post_url: str = ""
    parameters: dict = field(default_factory=dict)    # name -> list of allowed values
    constraints: dict = field(default_factory=dict)   # name -> list of values


@dataclass
class ServiceLayer:
    """A WMS layer or a WFS feature type, with what it inherits already applied."""

    name: str = ""                 # empty for a WMS category layer (not requestable)
    title: str = ""
    abstract: str = ""
    crs: list = field(default_factory=list)        # CRS/SRS codes; the default one first
    bbox_wgs84: Optional[tuple] = None             # (west, south, east, north)
    formats: list = field(default_factory=list)    # WFS output formats of this type
    keywords: list = field(default_factory=list)
    metadata_urls: list = field(default_factory=list)  # OnlineResource (kind from the URL)
    styles: list = field(default_factory=list)     # WMS style names
    queryable: bool = False
    parent: str = ""               # title of the enclosing WMS layer
    depth: int = 0                 # nesting depth in WMS capabilities (0 = root layer)

    @property
    def named(self) -> bool:
        """True when the layer can be requested (WMS GetMap LAYERS=, WFS TYPENAMES=)."""
        return bool(self.name)


@dataclass
class ServiceInfo:
    service: str                   # "WMS", "WFS" or "CSW"
    version: str = ""
    title: str = ""
    abstract: str = ""
    keywords: list = field(default_factory=list)
    fees: str = ""
    access_constraints: str = ""
    provider: str = ""             # ows:ProviderName / WMS ContactOrganization
    contact: Optional[object] = None   # model.Party, context service_contact
    operations: list = field(default_factory=list)    # Operation
    constraints: dict = field(default_factory=dict)   # service-wide OWS constraints
    formats: list = field(default_factory=list)       # GetMap / GetFeature output formats
    transaction: bool = False      # WFS: Transaction offered (WFS-T)
    layers: list = field(default_factory=list)        # ServiceLayer, document order
    output_schemas: list = field(default_factory=list)  # CSW GetRecords outputSchema values
    type_names: list = field(default_factory=list)      # CSW GetRecords typeNames values
    source: str = ""

    def operation(self, name: str) -> Optional[Operation]:
        for operation in self.operations:
            if operation.name.lower() == name.lower():
                return operation
        return None

    @property
    def named_layers(self) -> list:
        return [layer for layer in self.layers if layer.named]
