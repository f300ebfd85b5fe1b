"""Which credentials the catalogue update sends (bridge/review.catalogue_authcfg): the
user's GeoGov connection to that catalogue decides; a convention alone cannot send an
authentication configuration of this computer to an address of its choosing."""

from geogov.plugin.bridge import settings as gsettings
from geogov.plugin.bridge.review import catalogue_authcfg
from geogov.plugin.catalogue.connections import CatalogueConnection
from geogov.plugin.governance.convention import CatalogueRecord


def test_the_connection_decides():
    record = CatalogueRecord("https://cat.example.org/csw", "r", authcfg="conv123")
    none = gsettings.Settings()
    assert catalogue_authcfg(record, none) == ""
    other = gsettings.Settings(catalogues=[CatalogueConnection("x", "https://evil.example.org/csw",
                                                               authcfg="mine42")])
    assert catalogue_authcfg(record, other) == ""
    bare = gsettings.Settings(catalogues=[CatalogueConnection("c", "https://cat.example.org/csw/")])
    assert catalogue_authcfg(record, bare) == "conv123"
    own = gsettings.Settings(catalogues=[CatalogueConnection("c", "https://CAT.example.org/csw",
                                                             authcfg="mine42")])
    assert catalogue_authcfg(record, own) == "mine42"
