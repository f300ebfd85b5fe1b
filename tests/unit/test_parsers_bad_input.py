"""Hostile and broken input: every case raises the project's own error, naming the source;
no entity is ever expanded, no URL is ever fetched (a real HTTP server counts requests)."""

from __future__ import annotations

import http.server
import threading
import urllib.request

import pytest
from lxml import etree

from geogov.plugin.catalogue import documents
from geogov.plugin.errors import DocumentError, GeoGovError
from geogov.plugin.xmlsafe import parse_xml

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd">&lol9;</gmd:MD_Metadata>
"""

PASSWD_XXE = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<WMS_Capabilities version="1.3.0"><Service><Title>&xxe;</Title></Service></WMS_Capabilities>
"""


class _Counter(http.server.BaseHTTPRequestHandler):
    hits = []

    def do_GET(self):
        type(self).hits.append(self.path)
        body = b"fetched"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class _FetchingResolver(etree.Resolver):
    """What an unsafe application could plug into lxml: fetch every http entity."""

    def resolve(self, url, public_id, context):
        if url.startswith("http://"):
            with urllib.request.urlopen(url, timeout=10) as response:
                return self.resolve_string(response.read(), context)
        return None


@pytest.fixture()
def listening():
    """A real HTTP server on 127.0.0.1 recording every request it gets."""
    _Counter.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Counter.hits
    server.shutdown()
    server.server_close()


def test_billion_laughs_is_refused_unexpanded():
    with pytest.raises(DocumentError) as caught:
        documents.read_document(BILLION_LAUGHS, "laughs.xml")
    assert caught.value.code == "xml.entities"
    assert caught.value.source == "laughs.xml"


def test_xxe_to_etc_passwd_is_refused():
    # The payload is real: a parser resolving entities would put the file in the title.
    unsafe = etree.fromstring(PASSWD_XXE, etree.XMLParser(resolve_entities=True))
    assert "root:" in unsafe.findtext("Service/Title")
    with pytest.raises(DocumentError) as caught:
        documents.read_document(PASSWD_XXE, "caps.xml")
    assert caught.value.code == "xml.entities"
    assert caught.value.params["target"] == "file:///etc/passwd"
    assert "root:" not in str(caught.value)


def test_xxe_to_http_url_is_never_fetched(listening):
    base, hits = listening
    payloads = [
        f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "{base}/general">]><r>&xxe;</r>',
        f'<!DOCTYPE r [<!ENTITY % ext SYSTEM "{base}/parameter.dtd"> %ext;]><r/>',
        f'<!DOCTYPE r SYSTEM "{base}/external.dtd"><r>&foo;</r>',
    ]
    for payload in payloads:
        with pytest.raises(DocumentError) as caught:
            parse_xml(payload.encode(), "hostile.xml")
        assert caught.value.code == "xml.entities"
    # An external DTD that nothing uses is harmless (WMS 1.1.1 capabilities all have one):
    # read, and still not fetched.
    assert parse_xml(f'<!DOCTYPE r SYSTEM "{base}/unused.dtd"><r/>'.encode()).tag == "r"
    assert hits == []
    # The control: the payload is a real attack and the server does answer. A parser
    # allowed to go on the network fetches the entity: libxml2 itself before 2.15; from
    # 2.15 on (Debian unstable) libxml2 no longer loads http entities whatever the options,
    # so the control fetches through a resolver of lxml's, as any code could plug in.
    unsafe = etree.XMLParser(resolve_entities=True, no_network=False, load_dtd=True)
    natively = etree.fromstring(payloads[0].encode(), unsafe).text
    if etree.LIBXML_VERSION < (2, 15):
        assert natively == "fetched"
    else:
        assert natively is None and hits == []
        unsafe.resolvers.add(_FetchingResolver())
        assert etree.fromstring(payloads[0].encode(), unsafe).text == "fetched"
    assert hits == ["/general"]


def test_corpus_xxe_capabilities_refused(shared_data):
    path = shared_data / "ogc/wfs/geotools__wfs_GeoServer_2.0_1.1.0_XXE_GetCapabilities.xml"
    with pytest.raises(DocumentError) as caught:
        documents.read_file(path)
    assert (caught.value.code, caught.value.source) == ("xml.entities", str(path))


def test_wms_dtd_parameter_entities_are_accepted(shared_data):
    # WMS 1.0 convention: <!ENTITY % KnownFormats "…"> in the internal subset.
    document = documents.read_file(shared_data / "ogc/wms/geotools__wms_1.0.0Capabilities.xml")
    assert document.kind == "wms.capabilities"


def test_utf16_bom_contradicting_declaration(shared_data):
    path = shared_data / "ogc/wms/owslib__wms_mesonet-caps-130_bom.xml"
    with pytest.raises(DocumentError) as caught:
        documents.read_file(path)
    assert caught.value.code == "xml.encoding"
    assert caught.value.params == {"bom": "UTF-16LE", "declared": "ISO-8859-1"}
    utf16 = '<?xml version="1.0" encoding="UTF-16"?><r>é</r>'.encode("utf-16")
    assert parse_xml(utf16).text == "é"


def test_truncated_xml_gives_line_and_column(shared_data):
    data = (shared_data / "ogc/iso19139/sdicc__md-rm.xml").read_bytes()
    with pytest.raises(DocumentError) as caught:
        documents.read_document(data[: len(data) // 2], "half.xml")
    assert caught.value.code == "xml.malformed"
    assert caught.value.params["line"] > 1


def test_undeclared_prefix(shared_data):
    with pytest.raises(DocumentError) as caught:
        documents.read_file(shared_data / "ogc/csw/parsers__grandlyon-dc.xml")
    assert caught.value.code == "xml.malformed"
    assert "csw" in caught.value.params["detail"]


@pytest.mark.parametrize("data, code", [
    (b"<!DOCTYPE html><html><body>Maintenance</body></html>", "xml.html"),
    (b"  \n<html><head><title>502</title></head></html>", "xml.html"),
    (b"", "document.empty"),
    (b"PK\x03\x04\x14\x00zip", "document.unknown"),
    (b"<this><is>xml</is></this>", "document.unknown"),
    (b'{"type": "Topology"}', "document.unknown"),
    (b"{ ... record ... }", "json.malformed"),
    (b"<r>&nbsp;</r>", "xml.malformed"),
])
def test_unusable_documents(data, code):
    with pytest.raises(GeoGovError) as caught:
        documents.read_document(data, "https://catalogue.example/csw")
    assert caught.value.code == code
    assert caught.value.source == "https://catalogue.example/csw"


def test_missing_file(tmp_path):
    with pytest.raises(DocumentError) as caught:
        documents.read_file(tmp_path / "absent.xml")
    assert caught.value.code == "document.unreadable"


def test_records_and_service_accessors_refuse_the_other_kind(shared_data):
    caps = (shared_data / "ogc/wms/owslib__wms_mesonet-caps.xml").read_bytes()
    with pytest.raises(DocumentError) as caught:
        documents.read_metadata(caps, "caps.xml")
    assert (caught.value.code, caught.value.params["kind"]) == (
        "document.not_metadata", "wms.capabilities")
    record = (shared_data / "ogc/iso19139/sdicc__md-rm.xml").read_bytes()
    with pytest.raises(DocumentError) as caught:
        documents.read_service(record, "md.xml")
    assert caught.value.code == "document.not_capabilities"
