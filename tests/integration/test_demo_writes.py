"""The demo SDI's write paths, without writing: its pycsw takes transactions only from the
stewards (HTTP Basic in front of it), its convention names each dataset's record there,
and its OGC API Features (pygeoapi on PostGIS) declares Part 4 writes."""

from __future__ import annotations

import requests

from geogov.plugin.governance.convention_loader import load_convention
from geogov.tests.sdi.catalogues import DEMO_CATALOGUE_PASSWORD

TRANSACTION = b"""<?xml version="1.0" encoding="UTF-8"?>
<csw:Transaction xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" version="2.0.2">
<csw:Delete><csw:Constraint version="1.1.0"><ogc:Filter xmlns:ogc="http://www.opengis.net/ogc">
<ogc:PropertyIsEqualTo><ogc:PropertyName>apiso:Identifier</ogc:PropertyName>
<ogc:Literal>no-such-record</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter></csw:Constraint>
</csw:Delete></csw:Transaction>"""


def test_demo_catalogue_takes_transactions_from_stewards_only(demo_sdi):
    url = demo_sdi.csw_url
    headers = {"Content-Type": "application/xml"}
    anonymous = requests.post(url, data=TRANSACTION, headers=headers, timeout=30)
    assert anonymous.status_code == 401
    assert anonymous.headers["WWW-Authenticate"].startswith("Basic")
    technician = requests.post(url, data=TRANSACTION, headers=headers, timeout=30,
                               auth=("tech94", DEMO_CATALOGUE_PASSWORD))
    assert technician.status_code == 401
    wrong = requests.post(url, data=TRANSACTION, headers=headers, timeout=30,
                          auth=("steward94", "not-it"))
    assert wrong.status_code == 401
    # A Transaction inside a SOAP envelope is a transaction too.
    soap = (b'<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>'
            + TRANSACTION.split(b"?>", 1)[1] + b"</soap:Body></soap:Envelope>")
    assert requests.post(url, data=soap, headers=headers, timeout=30).status_code == 401
    assert requests.get(url, params={"service": "CSW", "request": "Transaction"},
                        timeout=30).status_code == 401
    # The steward gets through (deleting a record that does not exist: nothing changes).
    steward = requests.post(url, data=TRANSACTION, headers=headers, timeout=30,
                            auth=("steward94", DEMO_CATALOGUE_PASSWORD))
    assert steward.status_code == 200 and b"totalDeleted>0<" in steward.content
    # Reading needs nothing.
    read = requests.get(url, params={"service": "CSW", "version": "2.0.2",
                                     "request": "GetCapabilities"}, timeout=30)
    assert read.status_code == 200


def test_demo_convention_names_each_record_in_the_demo_catalogue(demo_sdi):
    convention = load_convention(demo_sdi.convention_path)
    for dataset in convention.datasets.values():
        assert dataset.metadata is not None, dataset.id
        assert dataset.metadata.catalogue == demo_sdi.csw_url
        assert dataset.metadata.record == dataset.match.record_ids[0]


def test_demo_features_accept_part_4_writes(demo_sdi):
    items = f"{demo_sdi.features_collection_url}/items"
    assert "POST" in requests.options(items, timeout=30).headers["Allow"]
    page = requests.get(items, params={"f": "json", "limit": 1}, timeout=30).json()
    assert page["numberMatched"] > 0
    assert "identifiant" in page["features"][0]["properties"]
