"""Shapes met in public documents outside the project corpus (OWSLib, pycsw, the OGC WFS 2.0
example, producer-prefixed code values), each reduced to what the parser needs."""

from __future__ import annotations

import datetime as dt

from geogov.plugin.catalogue.documents import read_document, read_service
from geogov.plugin.catalogue.model import ROLE_ISO19139

GMD_NS = ('xmlns:gmd="http://www.isotc211.org/2005/gmd" '
          'xmlns:gco="http://www.isotc211.org/2005/gco" '
          'xmlns:srv="http://www.isotc211.org/2005/srv"')
MDB_NS = ('xmlns:mdb="http://standards.iso.org/iso/19115/-3/mdb/2.0" '
          'xmlns:mri="http://standards.iso.org/iso/19115/-3/mri/1.0" '
          'xmlns:mmi="http://standards.iso.org/iso/19115/-3/mmi/1.0" '
          'xmlns:cit="http://standards.iso.org/iso/19115/-3/cit/2.0" '
          'xmlns:gco="http://standards.iso.org/iso/19115/-3/gco/1.0"')


def iso19139(citation_extra="", identification_extra="", contact=""):
    return f"""<gmd:MD_Metadata {GMD_NS}>
      <gmd:fileIdentifier><gco:CharacterString>id-1</gco:CharacterString></gmd:fileIdentifier>
      <gmd:characterSet><gmd:MD_CharacterSetCode codeListValue="utf8"/></gmd:characterSet>
      {contact}
      <gmd:identificationInfo><gmd:MD_DataIdentification>
        <gmd:citation><gmd:CI_Citation>
          <gmd:title><gco:CharacterString>Title</gco:CharacterString></gmd:title>
          {citation_extra}
        </gmd:CI_Citation></gmd:citation>
        {identification_extra}
      </gmd:MD_DataIdentification></gmd:identificationInfo>
    </gmd:MD_Metadata>""".encode()


def only_record(data):
    document = read_document(data, "test")
    assert len(document.records) == 1
    return document.records[0]


def test_dc_bbox_labelled_epsg_4326_with_latitude_first():
    # OWSLib 9250AA67…_dc.xml (a CubeWerx csw:Record): "EPSG:4326" written lat/lon.
    record = only_record(b"""<csw:Record xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:ows="http://www.opengis.net/ows">
      <dc:identifier>9250AA67</dc:identifier><dc:title>ALLSPECIES</dc:title>
      <ows:BoundingBox crs="EPSG:4326">
        <ows:LowerCorner>-90 -180</ows:LowerCorner><ows:UpperCorner>90 180</ows:UpperCorner>
      </ows:BoundingBox>
    </csw:Record>""")
    assert record.bbox == (-180.0, -90.0, 180.0, 90.0)


def test_ows_operation_urls_given_as_plain_href():
    # The WFS 2.0 standard's capabilities example (OWSLib wfs_opengis_200.xml) writes
    # <ows:Get href="…"/> and <ows:ProviderSite href="…"/> without the XLink namespace.
    service = read_service(b"""<WFS_Capabilities version="2.0.0"
        xmlns="http://www.opengis.net/wfs" xmlns:ows="http://www.opengis.net/ows">
      <ows:ServiceIdentification><ows:Title>OGC Member WFS</ows:Title>
      </ows:ServiceIdentification>
      <ows:ServiceProvider><ows:ProviderName>BlueOx Inc.</ows:ProviderName>
        <ows:ProviderSite href="http://www.cubewerx.com"/>
        <ows:ServiceContact><ows:IndividualName>Paul Bunyon</ows:IndividualName>
          <ows:Role>PointOfContact</ows:Role></ows:ServiceContact>
      </ows:ServiceProvider>
      <ows:OperationsMetadata>
        <ows:Operation name="GetFeature"><ows:DCP><ows:HTTP>
          <ows:Get href="http://www.BlueOx.org/wfs/wfs.cgi?"/>
          <ows:Post href="http://www.BlueOx.org/wfs/wfs.cgi"/>
        </ows:HTTP></ows:DCP></ows:Operation>
      </ows:OperationsMetadata>
      <FeatureTypeList><FeatureType><Name>bo:Woods</Name><Title>Woods</Title>
      </FeatureType></FeatureTypeList>
    </WFS_Capabilities>""", "test")
    get_feature = service.operation("GetFeature")
    assert get_feature.get_url == "http://www.BlueOx.org/wfs/wfs.cgi?"
    assert get_feature.post_url == "http://www.BlueOx.org/wfs/wfs.cgi"
    assert service.contact.url == "http://www.cubewerx.com"


def test_service_identification_srv_keywords():
    # pycsw apiso GetRecordById (service record): keywords in srv:keywords, not
    # gmd:descriptiveKeywords.
    record = only_record(iso19139(identification_extra="""
        <srv:keywords><gmd:MD_Keywords>
          <gmd:keyword><gco:CharacterString>administration</gco:CharacterString></gmd:keyword>
        </gmd:MD_Keywords></srv:keywords>"""))
    assert record.keywords == ["administration"]


def test_iso19139_code_values_prefixed_with_their_code_list():
    # The producer of OWSLib 17bd184a…_iso.xml writes "MD_CharacterSetCode_utf8": the same
    # style for date types and frequencies must not lose the revision date or the frequency.
    record = only_record(iso19139(
        citation_extra="""<gmd:date><gmd:CI_Date>
          <gmd:date><gco:Date>2015-12-16</gco:Date></gmd:date>
          <gmd:dateType><gmd:CI_DateTypeCode codeList="x#CI_DateTypeCode"
            codeListValue="CI_DateTypeCode_revision">CI_DateTypeCode_revision</gmd:CI_DateTypeCode>
          </gmd:dateType></gmd:CI_Date></gmd:date>""",
        identification_extra="""<gmd:resourceMaintenance><gmd:MD_MaintenanceInformation>
          <gmd:maintenanceAndUpdateFrequency><gmd:MD_MaintenanceFrequencyCode codeList="x"
            codeListValue="MD_MaintenanceFrequencyCode_annually"/>
          </gmd:maintenanceAndUpdateFrequency>
        </gmd:MD_MaintenanceInformation></gmd:resourceMaintenance>"""))
    assert record.dates == {"revision": dt.date(2015, 12, 16)}
    assert record.maintenance.frequency == "annually"
    assert record.maintenance.frequency_raw == "MD_MaintenanceFrequencyCode_annually"


def test_iso19139_role_in_text_when_code_list_value_is_blank():
    record = only_record(iso19139(contact="""<gmd:contact><gmd:CI_ResponsibleParty>
        <gmd:organisationName><gco:CharacterString>DDT</gco:CharacterString></gmd:organisationName>
        <gmd:role><gmd:CI_RoleCode codeList="x#CI_RoleCode"
          codeListValue="">pointOfContact</gmd:CI_RoleCode></gmd:role>
      </gmd:CI_ResponsibleParty></gmd:contact>"""))
    party = record.parties[0]
    assert (party.role, party.role_raw, party.role_status) == (
        "pointOfContact", "pointOfContact", ROLE_ISO19139)


def test_iso19115_3_prefixed_date_type_and_blank_role_code():
    record = only_record(f"""<mdb:MD_Metadata {MDB_NS}>
      <mdb:contact><cit:CI_Responsibility>
        <cit:role><cit:CI_RoleCode codeList="x" codeListValue=" ">custodian</cit:CI_RoleCode>
        </cit:role>
        <cit:party><cit:CI_Organisation><cit:name><gco:CharacterString>Ifremer</gco:CharacterString>
        </cit:name></cit:CI_Organisation></cit:party>
      </cit:CI_Responsibility></mdb:contact>
      <mdb:identificationInfo><mri:MD_DataIdentification>
        <mri:citation><cit:CI_Citation>
          <cit:title><gco:CharacterString>Title</gco:CharacterString></cit:title>
          <cit:date><cit:CI_Date><cit:date><gco:Date>2020-08-31</gco:Date></cit:date>
            <cit:dateType><cit:CI_DateTypeCode codeList="x"
              codeListValue="http://x/codelists.xml#CI_DateTypeCode_publication"/></cit:dateType>
          </cit:CI_Date></cit:date>
        </cit:CI_Citation></mri:citation>
        <mri:resourceMaintenance><mmi:MD_MaintenanceInformation>
          <mmi:maintenanceAndUpdateFrequency><mmi:MD_MaintenanceFrequencyCode codeList="x"
            codeListValue="MD_MaintenanceFrequencyCode_asNeeded"/>
          </mmi:maintenanceAndUpdateFrequency>
        </mmi:MD_MaintenanceInformation></mri:resourceMaintenance>
      </mri:MD_DataIdentification></mdb:identificationInfo>
    </mdb:MD_Metadata>""".encode())
    assert record.dates == {"publication": dt.date(2020, 8, 31)}
    assert record.maintenance.frequency == "asNeeded"
    party = record.parties[0]
    assert (party.organisation, party.role, party.role_status) == (
        "Ifremer", "custodian", ROLE_ISO19139)


def wms130(bounding_boxes):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms"
    xmlns:xlink="http://www.w3.org/1999/xlink">
  <Service><Name>WMS</Name><Title>t</Title>
    <OnlineResource xlink:href="http://example.org/wms"/></Service>
  <Capability>
    <Request><GetCapabilities><Format>text/xml</Format><DCPType><HTTP><Get>
      <OnlineResource xlink:href="http://example.org/wms"/></Get></HTTP></DCPType>
    </GetCapabilities><GetMap><Format>image/png</Format><DCPType><HTTP><Get>
      <OnlineResource xlink:href="http://example.org/wms"/></Get></HTTP></DCPType>
    </GetMap></Request>
    <Exception><Format>XML</Format></Exception>
    <Layer><Title>root</Title><CRS>EPSG:4326</CRS>
      <Layer queryable="1"><Name>communes</Name><Title>Communes</Title>
        {bounding_boxes}
      </Layer>
    </Layer>
  </Capability>
</WMS_Capabilities>""".encode()


def test_wms130_layer_with_only_a_bounding_box_in_geographic_crs():
    """A 1.3.0 layer without EX_GeographicBoundingBox still gets its WGS 84 box: from
    CRS:84 (lon/lat) or EPSG:4326 (latitude first in WMS 1.3.0)."""
    for boxes in ('<BoundingBox CRS="EPSG:4326" minx="48.1" miny="1.4" maxx="49.2" maxy="3.6"/>',
                  '<BoundingBox CRS="CRS:84" minx="1.4" miny="48.1" maxx="3.6" maxy="49.2"/>'):
        service = read_service(wms130(boxes))
        layer = next(layer for layer in service.layers if layer.name == "communes")
        assert tuple(layer.bbox_wgs84) == (1.4, 48.1, 3.6, 49.2), boxes
