"""The demo SDI serves what DEMO.md promises, through real QGIS Server, pycsw, pygeoapi, MapServer."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys

import pytest
import requests
from lxml import etree

from geogov.tests.sdi import CSW_MAXRECORDS, OAREC_COLLECTION
from geogov.tests.sdi.build import read_manifest
from geogov.tests.sdi.datasets import (
    CONVENTION_ONLY_RECORD_ID,
    DATASETS,
    DATASETS_BY_ID,
    LAYER_DATASETS,
    RECORD_COUNT,
)
from geogov.tests.sdi.geodata import write_geopackages
from geogov.tests.support import servers as srv

NS = {
    "wms": "http://www.opengis.net/wms",
    "wfs": "http://www.opengis.net/wfs",
    "wfs2": "http://www.opengis.net/wfs/2.0",
    "ows": "http://www.opengis.net/ows",
    "ows11": "http://www.opengis.net/ows/1.1",
    "ows20": "http://www.opengis.net/ows/2.0",
    "csw": "http://www.opengis.net/cat/csw/2.0.2",
    "csw30": "http://www.opengis.net/cat/csw/3.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "gmd": "http://www.isotc211.org/2005/gmd",
    "gco": "http://www.isotc211.org/2005/gco",
    "ogc": "http://www.opengis.net/ogc",
    "xlink": "http://www.w3.org/1999/xlink",
}
TYPENAMES = sorted(d.typename for d in LAYER_DATASETS)
RECORD_IDS = sorted(d.record_id for d in DATASETS)


def get_xml(url, **params):
    response = requests.get(url, params=params, timeout=60)
    assert response.status_code == 200, response.text[:500]
    return etree.fromstring(response.content)


def post_transaction(url, actions: str):
    body = ('<wfs:Transaction service="WFS" version="1.1.0" xmlns:wfs="http://www.opengis.net/wfs" '
            'xmlns:ogc="http://www.opengis.net/ogc" xmlns:gml="http://www.opengis.net/gml" '
            f'xmlns:qgs="http://www.qgis.org/gml">{actions}</wfs:Transaction>')
    response = requests.post(url, data=body.encode("utf-8"), headers={"Content-Type": "text/xml"},
                             timeout=60)
    assert response.status_code == 200, response.text[:500]
    return etree.fromstring(response.content)


def lamp_insert(identifiant, puissance, x=652000.0, y=6862000.0):
    return (f'<wfs:Insert><qgs:eclairage_public><qgs:geometry><gml:Point srsName="EPSG:2154">'
            f'<gml:pos>{x} {y}</gml:pos></gml:Point></qgs:geometry>'
            f'<qgs:identifiant>{identifiant}</qgs:identifiant><qgs:type_lampe>LED</qgs:type_lampe>'
            f'<qgs:puissance_w>{puissance}</qgs:puissance_w><qgs:code_insee>94028</qgs:code_insee>'
            f'<qgs:etat>en service</qgs:etat></qgs:eclairage_public></wfs:Insert>')


def rows(path, sql, *args):
    with sqlite3.connect(path) as db:
        return db.execute(sql, args).fetchall()


# ---------------------------------------------------------------------------- QGIS Server
def test_wms_130_capabilities_list_every_layer(demo_sdi):
    root = get_xml(demo_sdi.wms_url, SERVICE="WMS", VERSION="1.3.0", REQUEST="GetCapabilities")
    names = root.xpath("//wms:Layer/wms:Layer/wms:Name/text()", namespaces=NS)
    assert sorted(names) == TYPENAMES
    assert root.findtext(".//wms:ContactPerson", namespaces=NS) == "Claire Martin"
    getmap = root.xpath("//wms:GetMap//wms:OnlineResource/@xlink:href", namespaces=NS)
    assert getmap and all(href.startswith(demo_sdi.wms_url) for href in getmap)


def test_wfs_110_capabilities_list_every_layer_and_advertise_transaction(demo_sdi):
    root = get_xml(demo_sdi.wfs_url, SERVICE="WFS", VERSION="1.1.0", REQUEST="GetCapabilities")
    assert root.get("version") == "1.1.0"
    operations = root.xpath("//ows:OperationsMetadata/ows:Operation/@name", namespaces=NS)
    assert "Transaction" in operations
    for feature_type in root.iterfind(".//wfs:FeatureType", NS):
        allowed = feature_type.xpath("wfs:Operations/wfs:Operation/text()", namespaces=NS)
        name = feature_type.findtext("wfs:Name", namespaces=NS)
        assert {"Insert", "Update", "Delete"} <= set(allowed), name
    names = root.xpath("//wfs:FeatureType/wfs:Name/text()", namespaces=NS)
    assert sorted(names) == TYPENAMES
    contact = root.findtext(".//ows:ServiceContact/ows:IndividualName", namespaces=NS)
    assert contact == "Claire Martin"


def test_wfs_serves_every_feature_the_manifest_counts(demo_sdi):
    manifest = read_manifest(demo_sdi.demo_dir)
    for layer in manifest["layers"]:
        root = get_xml(demo_sdi.wfs_url, SERVICE="WFS", VERSION="1.1.0", REQUEST="GetFeature",
                       TYPENAME=layer["typename"], RESULTTYPE="hits")
        assert int(root.get("numberOfFeatures")) == layer["count"], layer["typename"]
    assert 2000 <= manifest["feature_count"] <= 9000   # "a few thousand" (DEMO.md)


def test_wms_getmap_draws_the_layers(demo_sdi, qgis_app):
    from qgis.PyQt.QtGui import QImage

    response = requests.get(demo_sdi.wms_url, timeout=60, params={
        "SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": ",".join(TYPENAMES),
        "STYLES": "", "CRS": "EPSG:2154", "BBOX": "580000,6770000,740000,6910000",
        "WIDTH": 320, "HEIGHT": 280, "FORMAT": "image/png"})
    assert response.headers["Content-Type"].startswith("image/png"), response.text[:300]
    image = QImage.fromData(response.content, "PNG")
    colours = {image.pixel(x, y) for x in range(0, 320, 4) for y in range(0, 280, 4)}
    assert len(colours) > 5   # a blank or one-colour image means the layers did not draw


def test_wfs_t_insert_lands_in_the_geopackage(wfst_server):
    answer = post_transaction(wfst_server.url, (
        '<wfs:Insert><qgs:amenagements_cyclables><qgs:geometry><gml:LineString srsName="EPSG:2154">'
        '<gml:posList>655000 6855000 655300 6855200 655500 6855150</gml:posList></gml:LineString>'
        '</qgs:geometry><qgs:identifiant>CYC-94-TEST1</qgs:identifiant>'
        '<qgs:type_amenagement>voie verte</qgs:type_amenagement><qgs:code_insee>94028</qgs:code_insee>'
        '<qgs:departement>94</qgs:departement><qgs:date_mise_en_service>2026-11-02</qgs:date_mise_en_service>'
        '<qgs:longueur_m>560.5</qgs:longueur_m></qgs:amenagements_cyclables></wfs:Insert>'))
    assert answer.findtext(".//wfs:totalInserted", namespaces=NS) == "1"
    found = rows(wfst_server.gpkg["amenagements_cyclables"],
                 "SELECT type_amenagement, departement, date_mise_en_service, longueur_m "
                 "FROM amenagements_cyclables WHERE identifiant = ?", "CYC-94-TEST1")
    assert found == [("voie verte", "94", "2026-11-02", 560.5)]


def test_transaction_breaking_the_check_constraint_is_refused_half_way(wfst_server):
    gpkg = wfst_server.gpkg["eclairage_public"]
    before = rows(gpkg, "SELECT count(*) FROM eclairage_public")[0][0]
    answer = post_transaction(wfst_server.url, lamp_insert("EP-TEST-OK", 60) + lamp_insert("EP-TEST-NEG", -5))
    # QGIS Server commits each action on its own: the valid insert stays, the other is refused.
    assert answer.findtext(".//wfs:totalInserted", namespaces=NS) == "1"
    messages = answer.xpath("//wfs:Action/wfs:Message/text()", namespaces=NS)
    assert messages and "failed" in messages[0]
    assert rows(gpkg, "SELECT identifiant FROM eclairage_public WHERE identifiant LIKE 'EP-TEST-%'") == [
        ("EP-TEST-OK",)]
    assert rows(gpkg, "SELECT count(*) FROM eclairage_public")[0][0] == before + 1


def test_update_breaking_the_check_constraint_changes_nothing(wfst_server):
    gpkg = wfst_server.gpkg["eclairage_public"]
    fid, power = rows(gpkg, "SELECT fid, puissance_w FROM eclairage_public ORDER BY fid LIMIT 1")[0]
    answer = post_transaction(wfst_server.url, (
        '<wfs:Update typeName="qgs:eclairage_public"><wfs:Property><wfs:Name>puissance_w</wfs:Name>'
        '<wfs:Value>0</wfs:Value></wfs:Property><ogc:Filter>'
        f'<ogc:FeatureId fid="eclairage_public.{fid}"/></ogc:Filter></wfs:Update>'))
    assert answer.findtext(".//wfs:totalUpdated", namespaces=NS) in (None, "0")
    assert rows(gpkg, "SELECT puissance_w FROM eclairage_public WHERE fid = ?", fid) == [(power,)]


def test_duplicate_identifiant_is_refused_by_the_unique_constraint(wfst_server):
    gpkg = wfst_server.gpkg["eclairage_public"]
    existing = rows(gpkg, "SELECT identifiant FROM eclairage_public ORDER BY fid LIMIT 1")[0][0]
    answer = post_transaction(wfst_server.url, lamp_insert(existing, 40))
    assert answer.findtext(".//wfs:totalInserted", namespaces=NS) == "0"
    assert rows(gpkg, "SELECT count(*) FROM eclairage_public WHERE identifiant = ?", existing) == [(1,)]


def test_the_shared_demo_is_left_untouched_by_wfst_tests(demo_sdi, wfst_server):
    post_transaction(wfst_server.url, lamp_insert("EP-94-PRIVATE", 60))
    assert rows(demo_sdi.gpkg["eclairage_public"],
                "SELECT count(*) FROM eclairage_public WHERE identifiant = 'EP-94-PRIVATE'") == [(0,)]


# ---------------------------------------------------------------------------- catalogues
@pytest.mark.parametrize("version", ["2.0.2", "3.0.0"])
def test_csw_getrecords_returns_every_demo_record(demo_sdi, version):
    csw = "csw" if version == "2.0.2" else "csw30"
    root = get_xml(demo_sdi.csw_url, service="CSW", version=version, request="GetRecords",
                   typeNames="csw:Record", elementSetName="full", resultType="results", maxRecords=50)
    results = root.find(f"{csw}:SearchResults", NS)
    assert int(results.get("numberOfRecordsMatched")) == RECORD_COUNT == 7
    assert int(results.get("numberOfRecordsReturned")) == RECORD_COUNT
    identifiers = sorted(root.xpath("//dc:identifier/text()", namespaces=NS))
    assert identifiers == RECORD_IDS
    assert CONVENTION_ONLY_RECORD_ID not in identifiers


def test_csw_advertises_the_maxrecords_the_tests_know(demo_sdi):
    root = get_xml(demo_sdi.csw_url, service="CSW", version="2.0.2", request="GetCapabilities")
    values = root.xpath("//ows:Constraint[@name='MaxRecordDefault']/ows:Value/text()", namespaces=NS)
    assert values == [str(CSW_MAXRECORDS)]


def iso_records(demo_sdi) -> dict:
    root = get_xml(demo_sdi.csw_url, service="CSW", version="2.0.2", request="GetRecords",
                   typeNames="gmd:MD_Metadata", outputSchema=NS["gmd"], elementSetName="full",
                   resultType="results", maxRecords=50)
    return {md.findtext("gmd:fileIdentifier/gco:CharacterString", namespaces=NS): md
            for md in root.iterfind(".//gmd:MD_Metadata", NS)}


def roles_of(md, organisation: str) -> set:
    return set(md.xpath(f".//gmd:CI_ResponsibleParty[gmd:organisationName/gco:CharacterString="
                        f"'{organisation}']/gmd:role/gmd:CI_RoleCode/@codeListValue", namespaces=NS))


def test_iso_records_carry_the_deliberate_findings(demo_sdi):
    records = iso_records(demo_sdi)
    assert sorted(records) == RECORD_IDS
    today = dt.date.today()

    pav = records[DATASETS_BY_ID["points-apport-volontaire"].record_id]
    frequency = pav.xpath("string(.//gmd:maintenanceAndUpdateFrequency/*/@codeListValue)", namespaces=NS)
    assert frequency == "annually"
    revision = pav.xpath("string(.//gmd:CI_Date[gmd:dateType/*/@codeListValue='revision']/gmd:date/gco:Date)",
                         namespaces=NS)
    assert 140 <= (today - dt.date.fromisoformat(revision)).days <= 165   # ~5 months ago

    lighting = records[DATASETS_BY_ID["eclairage-public"].record_id]
    assert "custodian" in roles_of(lighting, "SIGEIF")
    assert "custodian" not in roles_of(lighting, "SIPPEREC")

    sensors = records[DATASETS_BY_ID["capteurs-air-ecoles"].record_id]
    assert sensors.xpath("gmd:identificationInfo/*/gmd:pointOfContact", namespaces=NS) == []

    cycling = records[DATASETS_BY_ID["amenagements-cyclables"].record_id]
    assert "originator" in roles_of(cycling, "Département du Val-de-Marne")
    assert "vélo" in cycling.xpath(".//gmd:keyword/gco:CharacterString/text()", namespaces=NS)


def test_iso_records_link_to_the_demo_wms_and_wfs_with_layer_names(demo_sdi):
    for record_id, md in iso_records(demo_sdi).items():
        dataset = next(d for d in DATASETS if d.record_id == record_id)
        links = {(r.findtext("gmd:protocol/gco:CharacterString", namespaces=NS),
                  r.findtext("gmd:name/gco:CharacterString", namespaces=NS),
                  r.findtext("gmd:linkage/gmd:URL", namespaces=NS))
                 for r in md.iterfind(".//gmd:CI_OnlineResource", NS)
                 if r.find("gmd:protocol", NS) is not None}
        if dataset.typename:
            assert ("OGC:WMS", dataset.typename, demo_sdi.wms_url) in links
            assert ("OGC:WFS", dataset.typename, demo_sdi.wfs_url) in links
        else:
            assert not any(protocol.startswith("OGC:") for protocol, _, _ in links)


def test_iso_records_are_valid_against_the_iso_19139_schemas(demo_sdi):
    # pycsw ships the ISO 19139 (2007-04-17) schemas: validation needs no network.
    base = srv.VENVS / "pycsw" / "lib"
    schemas = sorted(base.glob("python3*/site-packages/pycsw/plugins/profiles/apiso/schemas/ogc/iso/19139/"
                               "20070417"))
    if not schemas:
        pytest.skip("pycsw's ISO 19139 schemas not found (make setup installs pycsw)")
    gmd, gmx = (schemas[0] / "gmd" / "gmd.xsd").as_uri(), (schemas[0] / "gmx" / "gmx.xsd").as_uri()
    wrapper = ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:demo">'
               f'<xs:import namespace="{NS["gmd"]}" schemaLocation="{gmd}"/>'
               f'<xs:import namespace="http://www.isotc211.org/2005/gmx" schemaLocation="{gmx}"/>'
               '</xs:schema>')
    schema = etree.XMLSchema(etree.fromstring(wrapper.encode(), etree.XMLParser(no_network=True)))
    files = sorted(demo_sdi.records_dir.glob("*.xml"))
    assert len(files) == RECORD_COUNT
    for path in files:
        assert schema.validate(etree.parse(str(path))), (path.name, [str(e) for e in schema.error_log][:5])


def test_ogc_api_records_items_return_every_record_with_contacts(demo_sdi):
    response = requests.get(f"{demo_sdi.oarec_collection_url}/items", params={"f": "json", "limit": 100},
                            timeout=60)
    assert response.status_code == 200, response.text[:300]
    items = response.json()
    assert items["numberMatched"] == RECORD_COUNT
    assert sorted(f["id"] for f in items["features"]) == RECORD_IDS
    for feature in items["features"]:
        contacts = feature["properties"]["contacts"]
        assert contacts and all(c["roles"] and c["organization"] for c in contacts)
    lighting = next(f for f in items["features"] if f["id"] == DATASETS_BY_ID["eclairage-public"].record_id)
    custodians = [c["organization"] for c in lighting["properties"]["contacts"] if "custodian" in c["roles"]]
    assert custodians == ["SIGEIF"]
    wms = [link for link in lighting["links"] if link.get("protocol") == "OGC:WMS"]
    assert wms == [dict(wms[0], href=demo_sdi.wms_url, name="eclairage_public")]
    assert demo_sdi.oarec_collection_url.endswith(f"/collections/{OAREC_COLLECTION}")


def test_ogc_api_records_full_text_search_uses_anytext(demo_sdi):
    found = requests.get(f"{demo_sdi.oarec_collection_url}/items", timeout=60,
                         params={"f": "json", "q": "vélo"}).json()
    assert [f["id"] for f in found["features"]] == [DATASETS_BY_ID["amenagements-cyclables"].record_id]


# ---------------------------------------------------------------------------- MapServer
def test_mapserver_wms_capabilities_list_its_demo_layers(demo_sdi):
    root = get_xml(demo_sdi.mapserver_url, SERVICE="WMS", VERSION="1.3.0", REQUEST="GetCapabilities")
    names = root.xpath("//wms:Layer/wms:Layer/wms:Name/text()", namespaces=NS)
    assert sorted(names) == sorted(demo_sdi.mapserver_layers)
    assert len(names) >= 3
    getmap = root.xpath("//wms:GetMap//wms:OnlineResource/@xlink:href", namespaces=NS)
    assert getmap and all(href.startswith(demo_sdi.mapserver_url) for href in getmap)


def test_mapserver_wfs_200_capabilities_and_features(demo_sdi):
    root = get_xml(demo_sdi.mapserver_url, SERVICE="WFS", VERSION="2.0.0", REQUEST="GetCapabilities")
    assert root.tag == "{http://www.opengis.net/wfs/2.0}WFS_Capabilities"
    assert root.get("version") == "2.0.0"
    names = root.xpath("//wfs2:FeatureType/wfs2:Name/text()", namespaces=NS)
    assert sorted(n.split(":")[-1] for n in names) == sorted(demo_sdi.mapserver_layers)
    counts = {layer["typename"]: layer["count"] for layer in read_manifest(demo_sdi.demo_dir)["layers"]}
    for typename in demo_sdi.mapserver_layers:
        hits = get_xml(demo_sdi.mapserver_url, SERVICE="WFS", VERSION="2.0.0", REQUEST="GetFeature",
                       TYPENAMES=f"ms:{typename}", RESULTTYPE="hits")
        assert int(hits.get("numberMatched")) == counts[typename], typename


# ---------------------------------------------------------------------------- the builder
def test_generated_data_is_deterministic_and_in_lambert_93(demo_build, tmp_path):
    again = write_geopackages(tmp_path / "data")
    for layer in again:
        first, second = demo_build / layer["gpkg"], tmp_path / layer["gpkg"]
        query = f'SELECT * FROM "{layer["typename"]}" ORDER BY fid'
        assert rows(first, query) == rows(second, query), layer["typename"]
        assert rows(first, "SELECT srs_id FROM gpkg_geometry_columns") == [(2154,)]


def test_demo_up_status_down_from_the_command_line(demo_build, tmp_path):
    """What `make demo-up` / `demo-status` / `demo-down` run, on free ports."""
    env = srv.child_env({"PYTHONPATH": str(srv.ROOT / "build" / "py"), "QT_QPA_PLATFORM": "offscreen"})
    for name in ("QGIS", "PYCSW", "PYGEOAPI", "MAPSERVER"):
        env[f"GEOGOV_DEMO_PORT_{name}"] = str(srv.free_port())
    demo_dir = tmp_path / "demo"
    subprocess.run(["cp", "-a", str(demo_build), str(demo_dir)], check=True)

    def cli(command):
        return subprocess.run([sys.executable, "-m", "geogov.tests.sdi", command, "--dir", str(demo_dir)],
                              env=env, capture_output=True, text=True, timeout=180)

    up = cli("up")
    try:
        assert up.returncode == 0, up.stdout + up.stderr
        state = json.loads((demo_dir / "state.json").read_text())
        assert state["wms_url"] == f"http://127.0.0.1:{env['GEOGOV_DEMO_PORT_QGIS']}/ows"
        assert cli("status").returncode == 0
        pids = [s["pid"] for s in state["servers"]]
        assert all(srv.pid_alive(pid) for pid in pids)
    finally:
        down = cli("down")
    assert down.returncode == 0, down.stdout + down.stderr
    assert not any(srv.pid_alive(pid) for pid in pids)
    assert "not up" in cli("status").stdout
    assert not os.path.exists(demo_dir / "state.json")
