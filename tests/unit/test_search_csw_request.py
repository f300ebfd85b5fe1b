"""CSW request building (OWSLib FES 1.1 / 2.0 inside lxml) and paging of parsed responses.

Runs with the newest OWSLib (.venv) and with Debian's own (.venvs/owslib-debian: 0.27 on
Debian 12): the filters are OWSLib objects, so both versions must produce what the servers
accept.
"""

import pytest
from lxml import etree

from geogov.plugin.catalogue import search_notes
from geogov.plugin.catalogue.csw_client import CswServerInfo, page_result, server_info_from
from geogov.plugin.catalogue.csw_documents import parse_capabilities, parse_getrecords
from geogov.plugin.catalogue.csw_requests import (
    BBOX_CRS,
    ISO_SCHEMA,
    base_url,
    build_filter,
    get_records_request,
    sort_property,
    with_params,
)
from geogov.plugin.catalogue.model import Exchange, SearchQuery
from geogov.plugin.catalogue.search_text import parse_query
from geogov.plugin.xmlsafe import parse_xml

NS = {"csw": "http://www.opengis.net/cat/csw/2.0.2", "csw30": "http://www.opengis.net/cat/csw/3.0",
      "ogc": "http://www.opengis.net/ogc", "fes": "http://www.opengis.net/fes/2.0",
      "gml": "http://www.opengis.net/gml", "gml32": "http://www.opengis.net/gml/3.2"}


def tag(prefix, name):
    return f"{{{NS[prefix]}}}{name}"


def _request(version, query, **kwargs):
    parsed = parse_query(query)
    plan = build_filter(parsed, version)
    body = get_records_request(version, start=kwargs.pop("start", 0), limit=20,
                               expression=plan.expression, **kwargs)
    return etree.fromstring(body), plan


def test_csw202_request_counts_from_one_and_asks_iso():
    root, _ = _request("2.0.2", SearchQuery(), start=40)
    assert root.tag == tag("csw", "GetRecords")
    assert root.get("startPosition") == "41" and root.get("maxRecords") == "20"
    assert root.get("outputSchema") == ISO_SCHEMA and root.get("resultType") == "results"
    query = root.find("csw:Query", NS)
    assert query.get("typeNames") == "gmd:MD_Metadata"
    assert query.findtext("csw:ElementSetName", namespaces=NS) == "full"
    assert query.find("csw:Constraint", NS) is None   # nothing asked: no filter at all


def test_csw202_filter_ands_words_ors_their_variants():
    root, plan = _request("2.0.2", SearchQuery(text="velo paris", organisation="syctom",
                                               keyword="cyclable"))
    constraint = root.find("csw:Query/csw:Constraint", NS)
    assert constraint.get("version") == "1.1.0"
    top = constraint.find("ogc:Filter/ogc:And", NS)
    assert top is not None and len(top) == 4      # velo, paris, syctom, keyword
    velo = top[0]
    assert velo.tag == tag("ogc", "Or")
    likes = velo.findall("ogc:PropertyIsLike", NS)
    assert len(likes) == len(plan.expansions[0].patterns) > 1
    for like in likes:
        assert like.get("matchCase") == "false" and like.get("singleChar") == "_"
        assert like.findtext("ogc:PropertyName", namespaces=NS) == "csw:AnyText"
        literal = like.findtext("ogc:Literal", namespaces=NS)
        assert literal.startswith("%") and literal.endswith("%")
    paris = top[1]   # "a" and "i" have accented forms: an OR as well
    assert paris.tag in (tag("ogc", "Or"), tag("ogc", "PropertyIsLike"))
    keyword = top[3]
    names = {e.text for e in keyword.iter(tag("ogc", "PropertyName"))}
    assert names == {"dc:subject"}


def test_csw202_bbox_is_epsg4326_latitude_first():
    root, plan = _request("2.0.2", SearchQuery(bbox=(2.2, 48.8, 2.5, 48.9)))
    assert plan.bbox_sent
    envelope = root.find(".//ogc:BBOX/gml:Envelope", NS)
    assert envelope.get("srsName") == BBOX_CRS
    assert envelope.findtext("gml:lowerCorner", namespaces=NS).split() == ["48.8", "2.2"]
    assert envelope.findtext("gml:upperCorner", namespaces=NS).split() == ["48.9", "2.5"]


def test_global_bbox_is_not_sent_and_antimeridian_box_is_split():
    root, plan = _request("2.0.2", SearchQuery(bbox=(-180, -90, 180, 90)))
    assert not plan.bbox_sent and root.find(".//ogc:BBOX", NS) is None
    root, plan = _request("2.0.2", SearchQuery(bbox=(170.0, -50.0, -170.0, -30.0)))
    boxes = root.findall(".//ogc:Or/ogc:BBOX", NS)
    assert len(boxes) == 2


def test_csw30_request_uses_fes20_without_matchcase_and_gml32():
    root, _ = _request("3.0.0", SearchQuery(text="vélo", bbox=(2.2, 48.8, 2.5, 48.9)))
    assert root.tag == tag("csw30", "GetRecords")
    assert root.get("version") == "3.0.0" and root.get("resultType") is None
    constraint = root.find("csw30:Query/csw30:Constraint", NS)
    assert constraint.get("version") == "2.0.0"
    likes = list(constraint.iter(tag("fes", "PropertyIsLike")))
    assert likes and all(like.get("matchCase") is None for like in likes)
    assert all(like.findtext("fes:ValueReference", namespaces=NS) == "csw:AnyText"
               for like in likes)
    envelope = constraint.find(".//fes:BBOX/gml32:Envelope", NS)
    assert envelope is not None and envelope.get("srsName") == BBOX_CRS


@pytest.mark.parametrize("version, ns, child", [("2.0.2", "ogc", "PropertyName"),
                                                 ("3.0.0", "fes", "ValueReference")])
def test_sort_by(version, ns, child):
    root, _ = _request(version, SearchQuery(), sort_by="apiso:RevisionDate", descending=True)
    sort = root.find(f".//{ns}:SortBy/{ns}:SortProperty", NS)
    assert sort.findtext(f"{ns}:{child}", namespaces=NS) == "apiso:RevisionDate"
    assert sort.findtext(f"{ns}:SortOrder", namespaces=NS) == "DESC"
    assert sort_property("title", True) == "dc:title"
    assert sort_property("revision", True) == "apiso:RevisionDate"
    assert sort_property("revision", False) == "dct:modified"
    assert sort_property("", True) is None


def test_urls():
    assert base_url("https://x.org/csw?SERVICE=CSW&request=GetCapabilities&map=a") == \
        "https://x.org/csw?map=a"
    assert with_params("https://x.org/csw?map=a&service=WMS", service="CSW", id="1") == \
        "https://x.org/csw?map=a&service=CSW&id=1"


# ----------------------------------------------------------------- paging of real responses


def _page(shared_data, name, start, limit):
    path = shared_data / "ogc" / "csw" / name
    root = parse_xml(path.read_bytes(), source=str(path))
    return page_result(parse_getrecords(root, str(path)), start, limit, Exchange())


def test_paging_follows_next_record(shared_data):
    # pycsw: matched 12, returned 5, nextRecord 6
    page = _page(shared_data, "pycsw__default__post_GetRecords-all.xml", 0, 5)
    assert (page.matched, page.returned, page.next_start) == (12, 5, 5)
    assert not page.notes


def test_paging_detects_a_page_capped_by_the_server(shared_data):
    # asked for 10, the server sent 5 of its 12: the next page starts after those 5
    page = _page(shared_data, "pycsw__default__post_GetRecords-all.xml", 0, 10)
    assert page.next_start == 5
    assert search_notes.Note(search_notes.PAGE_CAPPED_BY_SERVER,
                             {"requested": 10, "returned": 5}) in page.notes


def test_paging_ends_on_an_empty_page_whatever_nextrecord_says(shared_data):
    # resultType=hits: matched 12, no record, nextRecord 6
    page = _page(shared_data, "pycsw__default__post_GetRecords-all-resulttype-hits.xml", 0, 10)
    assert (page.matched, page.returned, page.next_start) == (12, 0, None)


def test_capabilities_give_versions_schemas_and_iso_queryables(shared_data):
    folder = shared_data / "ogc" / "csw"
    root = parse_xml((folder / "pycsw__csw30__get_GetCapabilities.xml").read_bytes())
    info = server_info_from(parse_capabilities(root), "", root)
    assert info.version == "3.0.0" and "2.0.2" in info.versions
    # this pycsw test configuration has no ISO profile: Dublin Core records only
    assert info.output_schema == "http://www.opengis.net/cat/csw/3.0"
    assert not info.iso_queryables
    root = parse_xml((folder / "pycsw__apiso__post_GetCapabilities.xml").read_bytes())
    info = server_info_from(parse_capabilities(root), "", root)
    assert info.version == "2.0.2" and info.iso_queryables
    assert info.post_url


def test_dublin_core_only_server_gets_csw_record_schema():
    info = CswServerInfo(version="2.0.2", output_schemas=("http://www.opengis.net/cat/csw/2.0.2",))
    assert info.output_schema == "http://www.opengis.net/cat/csw/2.0.2"
    assert CswServerInfo().output_schema == ISO_SCHEMA


@pytest.mark.parametrize("version, ns, child", [("2.0.2", "ogc", "PropertyName"),
                                                 ("3.0.0", "fes", "ValueReference")])
def test_records_changed_since_a_day(version, ns, child):
    """The sweep's filter (catalogue/sweep.py): dateStamp on or after the day, the bare date
    as literal (pycsw 2.6.2 compares text: it finds date and date-time stamps alike)."""
    import datetime as dt

    query = SearchQuery(modified_since=dt.date(2026, 12, 6))
    root, _ = _request(version, query)
    found = root.find(f".//{ns}:Filter/{ns}:PropertyIsGreaterThanOrEqualTo", NS)
    assert found.findtext(f"{ns}:{child}", namespaces=NS) == "apiso:Modified"
    assert found.findtext(f"{ns}:Literal", namespaces=NS) == "2026-12-06"
    assert root.nsmap["apiso"] == "http://www.opengis.net/cat/csw/apiso/1.0"
    # With words too: AND-ed with them; a server without ISO queryables gets dct:modified.
    plan = build_filter(parse_query(SearchQuery(text="vélo", modified_since=dt.date(2026, 1, 2))),
                        version, modified="dct:modified")
    text = etree.tostring(plan.expression.toXML()).decode()
    assert "And" in text and "dct:modified" in text and "2026-01-02" in text


class _Replies:
    """A transport answering POSTs from a list; the bodies asked are kept."""

    def __init__(self, *replies):
        self.replies, self.bodies = list(replies), []

    def request(self, method, url, *, params=None, data=None, headers=None, timeout=30.0,
                is_cancelled=None):
        from geogov.plugin.transport import Response

        self.bodies.append(etree.fromstring(data))
        return Response(url=url, status=200, content=self.replies.pop(0),
                        headers={"content-type": "application/xml"})


_IDENTIFIERS = b"""<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"
 xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0.2"><csw:SearchStatus/>
<csw:SearchResults numberOfRecordsMatched="3" numberOfRecordsReturned="3" nextRecord="0">
<csw:Record><dc:identifier>a</dc:identifier></csw:Record>
<csw:Record><dc:identifier>b</dc:identifier></csw:Record>
<csw:BriefRecord><dc:identifier>c</dc:identifier><dc:title>C</dc:title></csw:BriefRecord>
</csw:SearchResults></csw:GetRecordsResponse>"""
_REFUSED = b"""<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">
<ows:Exception exceptionCode="InvalidParameterValue"><ows:ExceptionText>ElementName not
supported</ows:ExceptionText></ows:Exception></ows:ExceptionReport>"""


def test_identifiers_alone_then_brief_records_when_refused():
    from geogov.plugin.catalogue.csw_client import CswClient
    from geogov.plugin.catalogue.search import Catalogue

    transport = _Replies(_IDENTIFIERS)
    catalogue = Catalogue(CswClient("https://x.org/csw", "2.0.2", transport=transport,
                                    info=CswServerInfo()), "csw")
    assert catalogue.identifiers(prefetch=False) == ["a", "b", "c"]
    body = transport.bodies[0]
    assert body.get("outputSchema") == NS["csw"] and body.get("maxRecords") == "1000"
    query = body.find("csw:Query", NS)
    assert query.get("typeNames") == "csw:Record"
    assert [e.text for e in query.iterfind("csw:ElementName", NS)] == ["dc:identifier"]
    assert query.find("csw:ElementSetName", NS) is None
    # A server refusing ElementName gets brief records, and is remembered as such.
    transport = _Replies(_REFUSED, _IDENTIFIERS, _IDENTIFIERS)
    info = CswServerInfo()
    catalogue = Catalogue(CswClient("https://x.org/csw", "2.0.2", transport=transport,
                                    info=info), "csw")
    assert catalogue.identifiers(prefetch=False) == ["a", "b", "c"]
    assert info.element_names_refused
    assert [b.findtext("csw:Query/csw:ElementSetName", namespaces=NS)
            for b in transport.bodies] == [None, "brief"]
    assert catalogue.identifiers(prefetch=False) == ["a", "b", "c"]
    assert transport.bodies[-1].findtext("csw:Query/csw:ElementSetName", namespaces=NS) == "brief"
